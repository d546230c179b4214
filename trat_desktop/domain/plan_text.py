"""Read a plan document exported as text (tables as tab-separated rows) into a :class:`Plan`.

The reader handles what real documents carry: page-break continuation rows marked
"(ต่อ)", many agencies in one cell, Thai digits, misspelt budget words, quarter
ranges, rows shifted into the wrong columns and one office spelt several ways.
Every repair and every disagreement becomes a :class:`PlanWarning`; anything it
cannot make sense of raises :class:`PlanFormatError` naming the line.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass, field

from ..errors import PlanFormatError
from .agencies import AgencyResolver, split_agency_cell
from .model import (
    Activity,
    Agency,
    BudgetLine,
    BudgetValue,
    IndicatorRow,
    Plan,
    PlanWarning,
    Strategy,
    Tactic,
)
from .thai import format_baht, to_arabic_digits, to_thai_digits

PLAN_NS = uuid.UUID("0f3a9c1e-2b7d-4e55-8a61-3c2d9e7b2569")
COLUMNS = 9
(C_TACTIC, C_ACTIVITY, C_UNIT, C_TARGET, C_BUDGET, C_PERIOD, C_INDICATOR, C_EXPECTED, C_AGENCY) = range(COLUMNS)

_SPACE = re.compile(r"\s+")
_YEAR = re.compile(r"ประจำปีงบประมาณ\s*พ\.ศ\.\s*([0-9๐-๙]{4})")
_SECTION = re.compile(r"^๒\.๑\s*แผนงาน")
_PART2 = re.compile(r"^ส่วนที่\s*๒\s")
_STRATEGY = re.compile(r"^ยุทธศาสตร์ที่\s*([0-9๐-๙]+)\s*(.*)$")
_GOAL = re.compile(r"^เป้าหมาย\s*:\s*(.*)$")
_NUMBERED = re.compile(r"^([0-9๐-๙]+)\s*\.\s*(.*)$")
_ACTIVITY = re.compile(r"^([0-9๐-๙]+)\s*\.\s*([0-9๐-๙]+)\s+(.*)$")
_CONTINUED = re.compile(r"\s*\(ต่อ\)\s*$")
_QUARTER = re.compile(r"^ไตรมาส(?:ที่)?\s*([0-9๐-๙])(?:\s*[-–]\s*(?:ไตรมาส(?:ที่)?\s*)?([0-9๐-๙]))?$")
_AMOUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
NO_BUDGET = "ไม่ใช้งบประมาณ"


def norm(text: str) -> str:
    """Collapse wrapped-line whitespace."""
    return _SPACE.sub(" ", text).strip()


def squash(text: str) -> str:
    """Text without any whitespace, for comparing wrapped copies of the same cell."""
    return _SPACE.sub("", text)


def parse_quarters(text: str) -> tuple[int, int] | None:
    """'ไตรมาส ๒ - ๔' -> (2, 4); 'ไตรมาส ๓' -> (3, 3); None if it is no quarter range."""
    match = _QUARTER.match(norm(text))
    if not match:
        return None
    first = int(to_arabic_digits(match.group(1)))
    last = int(to_arabic_digits(match.group(2) or match.group(1)))
    if not (1 <= first <= last <= 4):
        return None
    return first, last


@dataclass
class _Budget:
    value: BudgetValue
    misspelt: bool = False


def parse_budget(text: str) -> _Budget | None:
    """A budget cell: amount, ไม่ใช้งบประมาณ (also misspelt), n/a or '-'; None if empty or unreadable."""
    raw = squash(to_arabic_digits(text))
    if not raw:
        return None
    if raw in {"-", "–", "—"}:
        return _Budget(BudgetValue("dash"))
    if raw.lower() in {"n/a", "na", "n.a."}:
        return _Budget(BudgetValue("na"))
    if raw == NO_BUDGET:
        return _Budget(BudgetValue("none"))
    if raw.startswith("ไม่") and raw.endswith("งบประมาณ") and len(raw) <= len(NO_BUDGET) + 2:
        return _Budget(BudgetValue("none"), misspelt=True)
    if _AMOUNT.match(raw):
        return _Budget(BudgetValue.baht(float(raw.replace(",", ""))))
    return None


def _is_unit(text: str) -> bool:
    value = squash(text)
    return bool(value) and not _NUMBER.match(to_arabic_digits(value).replace(",", "")) \
        and parse_budget(value) is None and parse_quarters(value) is None and len(value) <= 12


@dataclass
class _Context:
    strategy: Strategy | None = None
    tactic: Tactic | None = None
    activity: Activity | None = None
    row: IndicatorRow | None = None
    in_table: bool = False


@dataclass
class _Summary:
    """The strategy/tactic table that opens part 2 (clean titles, no wrapped-line spaces)."""

    strategies: dict[int, tuple[str, int]] = field(default_factory=dict)
    tactics: dict[tuple[int, int], tuple[str, int]] = field(default_factory=dict)


class PlanTextReader:
    """Reads one document; use :func:`read_plan_text`."""

    def __init__(self, text: str, resolver: AgencyResolver, source_name: str = "") -> None:
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.resolver = resolver
        self.source_name = source_name
        self.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.warnings: list[PlanWarning] = []
        self.summary = _Summary()
        self.ctx = _Context()
        self.strategies: list[Strategy] = []
        self.stated_total: BudgetValue | None = None
        self.year = 0

    # -- helpers ---------------------------------------------------------
    def warn(self, code: str, message: str, line: int | None) -> None:
        self.warnings.append(PlanWarning(code, message, line))

    def uid(self, *parts: object) -> str:
        return str(uuid.uuid5(PLAN_NS, "/".join(str(p) for p in (self.year, *parts))))

    # -- whole document --------------------------------------------------
    def read(self) -> Plan:
        if not any(line.strip() for line in self.lines):
            raise PlanFormatError(1, "เอกสารว่างเปล่า ไม่มีแผนปฏิบัติการ")
        section = self._find_section()
        self.year = self._fiscal_year(section)
        self._read_summary(section)
        for number in range(section + 1, len(self.lines)):
            self._read_line(number + 1, self.lines[number])
        if not self.strategies:
            raise PlanFormatError(section + 1, "ไม่พบยุทธศาสตร์ในหัวข้อ ๒.๑")
        for strategy in self.strategies:
            if not strategy.rows():
                self.warn("STRATEGY_EMPTY", f"ยุทธศาสตร์ที่ {to_thai_digits(str(strategy.number))} ไม่มีตัวชี้วัด", None)
        self._check_titles()
        self._check_totals()
        title = norm(next(line for line in self.lines if line.strip()))
        agencies: dict[str, Agency] = {}
        for strategy in self.strategies:
            for row in strategy.rows():
                for name in row.agencies:
                    agencies.setdefault(name, self.resolver.agencies[name])
        return Plan(
            fiscal_year=self.year,
            title=title,
            strategies=self.strategies,
            agencies=agencies,
            stated_total=self.stated_total,
            warnings=self.warnings + self.resolver.warnings,
            source_name=self.source_name,
            source_sha256=self.sha256,
        )

    def _find_section(self) -> int:
        for index, line in enumerate(self.lines):
            if _SECTION.match(line.strip()):
                return index
        raise PlanFormatError(len(self.lines), "ไม่พบหัวข้อ “๒.๑ แผนงาน…” ซึ่งเป็นตารางแผนปฏิบัติการ เอกสารนี้อาจไม่ใช่แผนปฏิบัติการ")

    def _fiscal_year(self, section: int) -> int:
        match = _YEAR.search(self.lines[section])
        if not match:
            raise PlanFormatError(section + 1, "หัวข้อ ๒.๑ ไม่ระบุปีงบประมาณ (ประจำปีงบประมาณ พ.ศ. ....)")
        year = int(to_arabic_digits(match.group(1)))
        if not 2500 <= year <= 2700:
            raise PlanFormatError(section + 1, f"ปีงบประมาณ พ.ศ. {match.group(1)} ไม่สมเหตุสมผล")
        for number, line in enumerate(self.lines, start=1):
            for other in _YEAR.finditer(line):
                other_year = int(to_arabic_digits(other.group(1)))
                if other_year != year:
                    self.warn("YEAR_MISMATCH",
                              f"เอกสารระบุปีงบประมาณ พ.ศ. {other.group(1)} ซึ่งต่างจากปีของแผน "
                              f"(พ.ศ. {to_thai_digits(str(year))}) ใช้ปี {to_thai_digits(str(year))}",
                              number)
        return year

    def _read_summary(self, section: int) -> None:
        start = next((i for i in range(section) if _PART2.match(self.lines[i].strip())), None)
        if start is None:
            return
        current: int | None = None
        for index in range(start, section):
            cells = self.lines[index].split("\t")
            if len(cells) != 2:
                continue
            head, tactic = norm(cells[0]), norm(cells[1])
            match = _STRATEGY.match(head)
            if match:
                current = int(to_arabic_digits(match.group(1)))
                self.summary.strategies[current] = (norm(match.group(2)), index + 1)
            numbered = _NUMBERED.match(tactic)
            if current is not None and numbered:
                number = int(to_arabic_digits(numbered.group(1)))
                self.summary.tactics[(current, number)] = (norm(numbered.group(2)), index + 1)

    # -- section 2.1 -----------------------------------------------------
    def _read_line(self, number: int, line: str) -> None:
        if not line.strip():
            return
        cells = line.split("\t")
        if len(cells) == 1:
            self._read_heading(number, norm(line))
            return
        if len(cells) != COLUMNS:
            raise PlanFormatError(number, f"แถวตารางมี {to_thai_digits(str(len(cells)))} ช่อง แต่ตารางแผนต้องมี ๙ ช่อง")
        cells = [norm(c) for c in cells]
        if self.ctx.strategy is None:
            raise PlanFormatError(number, "พบแถวตารางก่อนหัวข้อยุทธศาสตร์")
        first = squash(cells[0])
        if first == "กลยุทธ์" or squash(cells[C_UNIT]) == "หน่วยนับ":
            return
        if first.startswith("รวมงบประมาณทั้งสิ้น"):
            self.stated_total = self._total_cell(number, cells, "ยอดรวมงบประมาณทั้งสิ้น")
            return
        if first == "รวม":
            self.ctx.strategy.stated_budget = self._total_cell(number, cells, "ยอดรวมของยุทธศาสตร์")
            self.ctx.in_table = False
            return
        self._read_row(number, cells)

    def _read_heading(self, number: int, text: str) -> None:
        match = _STRATEGY.match(text)
        if match:
            n = int(to_arabic_digits(match.group(1)))
            if any(s.number == n for s in self.strategies):
                raise PlanFormatError(number, f"ยุทธศาสตร์ที่ {to_thai_digits(str(n))} ซ้ำ")
            expected = len(self.strategies) + 1
            if n != expected:
                self.warn("STRATEGY_NUMBER", f"ยุทธศาสตร์ที่ {to_thai_digits(str(n))} มาหลังยุทธศาสตร์ที่ "
                          f"{to_thai_digits(str(expected - 1))} (ลำดับข้าม)", number)
            title = match.group(2).strip().strip("“”\"").strip()
            strategy = Strategy(n, title, uid=self.uid("s", n), source_line=number)
            self.strategies.append(strategy)
            self.ctx = _Context(strategy=strategy)
            return
        goal = _GOAL.match(text)
        if goal and self.ctx.strategy is not None:
            self.ctx.strategy.goal = goal.group(1).strip()

    def _total_cell(self, number: int, cells: list[str], what: str) -> BudgetValue | None:
        found = [(i, c) for i, c in enumerate(cells) if i > 0 and c]
        if not found:
            self.warn("TOTAL_BLANK", f"{what} เว้นว่างไว้", number)
            return None
        index, text = found[0]
        budget = parse_budget(text)
        if budget is None:
            raise PlanFormatError(number, f"อ่าน{what} “{text}” ไม่ได้")
        if index != C_BUDGET:
            self.warn("ROW_SHIFTED", f"{what} อยู่ผิดคอลัมน์ (คอลัมน์ที่ {to_thai_digits(str(index + 1))} "
                      "แทนคอลัมน์งบประมาณ) อ่านค่าได้ตามปกติ", number)
        return budget.value

    def _read_row(self, number: int, cells: list[str]) -> None:
        if cells[C_PERIOD] and parse_quarters(cells[C_PERIOD]) is None:
            cells = self._unshift(number, cells)
        tactic_text, activity_text = cells[C_TACTIC], cells[C_ACTIVITY]
        if tactic_text:
            self._start_tactic(number, tactic_text, activity_text)
        continued = False
        if activity_text:
            continued = bool(_CONTINUED.search(activity_text))
            self._start_activity(number, _CONTINUED.sub("", activity_text), continued)
        if self.ctx.activity is None:
            raise PlanFormatError(number, "แถวนี้ไม่อยู่ใต้แผนงาน/โครงการ/กิจกรรมใด (ไม่พบรหัส เช่น ๑.๑)")
        self._read_indicator(number, cells, continued)

    def _unshift(self, number: int, cells: list[str]) -> list[str]:
        """Re-lay a row whose cells slid into the wrong columns, by what each cell holds."""
        values = [c for c in cells if c]
        period_at = next((i for i, v in enumerate(values) if parse_quarters(v)), None)
        if period_at is None:
            raise PlanFormatError(number, f"อ่านระยะเวลาดำเนินการ “{cells[C_PERIOD]}” ไม่ได้ (ต้องเป็น เช่น ไตรมาส ๒ - ๔)")
        fixed = [""] * COLUMNS
        fixed[C_PERIOD] = values[period_at]
        before, after = values[:period_at], values[period_at + 1:]
        for value in before:
            if _ACTIVITY.match(value) and not fixed[C_ACTIVITY]:
                fixed[C_ACTIVITY] = value
            elif _is_unit(value) and not fixed[C_UNIT] and not fixed[C_TARGET]:
                fixed[C_UNIT] = value
            elif _NUMBER.match(to_arabic_digits(value)) and not fixed[C_TARGET] and fixed[C_UNIT]:
                fixed[C_TARGET] = value
            elif parse_budget(value) is not None and not fixed[C_BUDGET]:
                fixed[C_BUDGET] = value
            elif not fixed[C_TACTIC] and not fixed[C_UNIT]:
                fixed[C_TACTIC] = value
            else:
                raise PlanFormatError(number, f"แถวนี้ช่องเลื่อนและจัดใหม่ไม่ได้ (ช่อง “{value}”)")
        slots = {1: [C_AGENCY], 2: [C_INDICATOR, C_AGENCY], 3: [C_INDICATOR, C_EXPECTED, C_AGENCY]}.get(len(after))
        if slots is None:
            raise PlanFormatError(number, "แถวนี้ช่องเลื่อนและจัดใหม่ไม่ได้")
        for slot, value in zip(slots, after):
            fixed[slot] = value
        self.warn("ROW_SHIFTED", "แถวนี้ข้อมูลเลื่อนไปอยู่ผิดคอลัมน์ ได้จัดใหม่ตามชนิดข้อมูล: "
                  f"หน่วยนับ “{fixed[C_UNIT]}” เป้าหมาย “{fixed[C_TARGET]}” งบประมาณ “{fixed[C_BUDGET]}” "
                  f"ระยะเวลา “{fixed[C_PERIOD]}” ผู้รับผิดชอบ “{fixed[C_AGENCY]}”", number)
        return fixed

    def _start_tactic(self, number: int, text: str, activity_text: str) -> None:
        strategy = self.ctx.strategy
        assert strategy is not None
        numbered = _NUMBERED.match(text)
        if numbered:
            n, title = int(to_arabic_digits(numbered.group(1))), numbered.group(2)
        else:
            activity = _ACTIVITY.match(activity_text)
            if not activity:
                raise PlanFormatError(number, "กลยุทธ์ไม่มีเลขลำดับ และแถวนี้ไม่มีรหัสกิจกรรมให้อนุมานได้")
            n, title = int(to_arabic_digits(activity.group(1))), text
        self.ctx.tactic = self._tactic(number, n, title)

    def _tactic(self, number: int, n: int, table_title: str) -> Tactic:
        strategy = self.ctx.strategy
        assert strategy is not None
        for tactic in strategy.tactics:
            if tactic.number == n:
                return tactic
        summary = self.summary.tactics.get((strategy.number, n))
        title = summary[0] if summary else norm(table_title)
        if not title:
            self.warn("TACTIC_MISSING", f"ไม่พบชื่อกลยุทธ์ที่ {to_thai_digits(str(n))} ของยุทธศาสตร์ที่ "
                      f"{to_thai_digits(str(strategy.number))}", number)
            title = f"กลยุทธ์ที่ {to_thai_digits(str(n))}"
        elif summary and table_title and squash(summary[0]) != squash(table_title):
            self.warn("TACTIC_TITLE_DIFFERS",
                      f"ชื่อกลยุทธ์ที่ {to_thai_digits(str(n))} ของยุทธศาสตร์ที่ {to_thai_digits(str(strategy.number))} "
                      f"ในตารางแผน (“{norm(table_title)}”) ต่างจากตารางสรุปกลยุทธ์ (“{summary[0]}”, "
                      f"บรรทัดที่ {summary[1]}) ใช้ชื่อตามตารางสรุป", number)
        tactic = Tactic(n, title, uid=self.uid("s", strategy.number, "t", n))
        strategy.tactics.append(tactic)
        strategy.tactics.sort(key=lambda t: t.number)
        return tactic

    def _start_activity(self, number: int, text: str, continued: bool) -> None:
        match = _ACTIVITY.match(text)
        if not match:
            raise PlanFormatError(number, f"ไม่พบรหัสแผนงาน/โครงการ/กิจกรรม (เช่น ๑.๑) ใน “{text[:40]}”")
        tactic_no = int(to_arabic_digits(match.group(1)))
        code = f"{tactic_no}.{int(to_arabic_digits(match.group(2)))}"
        title = norm(match.group(3))
        if self.ctx.tactic is None or self.ctx.tactic.number != tactic_no:
            self.ctx.tactic = self._tactic(number, tactic_no, "")
        tactic = self.ctx.tactic
        existing = next((a for a in tactic.activities if a.code == code), None)
        if existing is not None:
            if not continued:
                self.warn("ACTIVITY_REPEATED", f"กิจกรรม {to_thai_digits(code)} ปรากฏซ้ำโดยไม่มีคำว่า (ต่อ) "
                          "ถือเป็นกิจกรรมเดียวกัน", number)
            self.ctx.activity = existing
            return
        if continued:
            self.warn("CONTINUATION_WITHOUT_START",
                      f"กิจกรรม {to_thai_digits(code)} มีคำว่า (ต่อ) แต่ไม่พบส่วนต้นในหน้าก่อน ถือเป็นกิจกรรมใหม่", number)
        strategy = self.ctx.strategy
        assert strategy is not None
        activity = Activity(code, title, uid=self.uid("s", strategy.number, "a", code))
        tactic.activities.append(activity)
        self.ctx.activity = activity
        self.ctx.row = None

    def _read_indicator(self, number: int, cells: list[str], continued: bool) -> None:
        activity = self.ctx.activity
        assert activity is not None
        unit, target_text, indicator = cells[C_UNIT], cells[C_TARGET], cells[C_INDICATOR]
        budget = self._budget(number, cells[C_BUDGET])
        names = [self.resolver.resolve(n, number) for n in split_agency_cell(cells[C_AGENCY])]
        names = list(dict.fromkeys(names))
        if not unit and not target_text and not indicator:
            self._extra_budget_line(number, budget, names)
            return
        target = self._target(number, target_text)
        period = self._period(number, cells[C_PERIOD])
        last = activity.rows[-1] if activity.rows else None
        if (continued and last is not None and last.unit == unit and last.target == target
                and squash(last.indicator) == squash(indicator)):
            added = [n for n in names if n not in last.agencies]
            last.agencies.extend(added)
            if budget is not None and budget.kind == "amount":
                last.budget_lines.append(BudgetLine(budget, added[0] if len(added) == 1 else None))
            self.ctx.row = last
            return
        row = IndicatorRow(
            unit=unit, target=target, indicator=indicator, expected_result=cells[C_EXPECTED],
            quarter_from=period[0], quarter_to=period[1], agencies=names, source_line=number,
        )
        row.uid = self.uid("row", activity.uid, len(activity.rows) + 1)
        if budget is None:
            self.warn("BUDGET_MISSING", "ไม่ระบุงบประมาณของตัวชี้วัดนี้", number)
        else:
            row.budget_lines.append(BudgetLine(budget, names[0] if len(names) == 1 else None))
        if not unit:
            self.warn("UNIT_MISSING", "ไม่ระบุหน่วยนับ", number)
        if not indicator:
            self.warn("INDICATOR_MISSING", f"แถวของกิจกรรม {to_thai_digits(activity.code)} ไม่มีข้อความตัวชี้วัด", number)
        if not names:
            self.warn("AGENCY_MISSING", "ไม่ระบุหน่วยงานผู้รับผิดชอบ", number)
        activity.rows.append(row)
        self.ctx.row = row

    def _extra_budget_line(self, number: int, budget: BudgetValue | None, names: list[str]) -> None:
        row = self.ctx.row
        if row is None:
            raise PlanFormatError(number, "แถวงบประมาณเพิ่มเติมไม่มีตัวชี้วัดก่อนหน้าให้ผูก")
        if budget is None and not names:
            return
        if budget is None:
            self.warn("BUDGET_MISSING", "แถวต่อเนื่องไม่ระบุงบประมาณ", number)
        for name in names:
            if name not in row.agencies:
                row.agencies.append(name)
        if budget is not None:
            row.budget_lines.append(BudgetLine(budget, names[0] if len(names) == 1 else None))

    def _budget(self, number: int, text: str) -> BudgetValue | None:
        if not text:
            return None
        budget = parse_budget(text)
        if budget is None:
            raise PlanFormatError(number, f"อ่านงบประมาณ “{text}” ไม่ได้ (ต้องเป็นจำนวนเงิน, ไม่ใช้งบประมาณ, n/a หรือ -)")
        if budget.misspelt:
            self.warn("BUDGET_WORD_MISSPELT", f"งบประมาณเขียนว่า “{text}” ถือว่าเป็น “{NO_BUDGET}”", number)
        return budget.value

    def _target(self, number: int, text: str) -> float | None:
        if not text:
            self.warn("TARGET_MISSING", "ไม่ระบุปริมาณงานเป้าหมาย", number)
            return None
        value = to_arabic_digits(squash(text)).replace(",", "")
        if not _NUMBER.match(value):
            raise PlanFormatError(number, f"ปริมาณงาน “{text}” ไม่ใช่ตัวเลข")
        return float(value)

    def _period(self, number: int, text: str) -> tuple[int, int]:
        if not text:
            self.warn("PERIOD_MISSING", "ไม่ระบุระยะเวลาดำเนินการ ถือเป็นไตรมาส ๑ - ๔", number)
            return 1, 4
        period = parse_quarters(text)
        if period is None:
            raise PlanFormatError(number, f"อ่านระยะเวลาดำเนินการ “{text}” ไม่ได้ (ต้องเป็น เช่น ไตรมาส ๒ - ๔)")
        return period

    # -- checks ----------------------------------------------------------
    def _check_titles(self) -> None:
        for strategy in self.strategies:
            summary = self.summary.strategies.get(strategy.number)
            if summary and squash(summary[0]) != squash(strategy.title):
                self.warn("STRATEGY_TITLE_DIFFERS",
                          f"ชื่อยุทธศาสตร์ที่ {to_thai_digits(str(strategy.number))} ในตารางสรุป "
                          f"(“{summary[0]}”) ต่างจากหัวข้อในแผน (“{strategy.title}”) ใช้ชื่อตามหัวข้อในแผน",
                          summary[1])

    def _check_totals(self) -> None:
        stated_sum = 0
        for strategy in self.strategies:
            n = to_thai_digits(str(strategy.number))
            computed = strategy.budget_satang()
            stated = strategy.stated_budget
            if stated is None:
                self.warn("TOTAL_MISSING", f"ยุทธศาสตร์ที่ {n} ไม่มีแถว “รวม” งบประมาณ "
                          f"ยอดที่คำนวณได้ {_baht(computed)} บาท", strategy.source_line)
                continue
            stated_sum += stated.counted_satang()
            if stated.counted_satang() != computed:
                self.warn("STRATEGY_TOTAL_MISMATCH",
                          f"ยุทธศาสตร์ที่ {n}: เอกสารระบุยอดรวม {_stated(stated)} "
                          f"แต่ผลรวมของรายการได้ {_baht(computed)} บาท", strategy.source_line)
        computed_total = sum(s.budget_satang() for s in self.strategies)
        if self.stated_total is None:
            self.warn("GRAND_TOTAL_MISSING", f"ไม่พบแถว “รวมงบประมาณทั้งสิ้น” ยอดที่คำนวณได้ {_baht(computed_total)} บาท", None)
            return
        if self.stated_total.counted_satang() != computed_total:
            self.warn("GRAND_TOTAL_MISMATCH",
                      f"เอกสารระบุรวมงบประมาณทั้งสิ้น {_stated(self.stated_total)} "
                      f"แต่ผลรวมของทุกรายการได้ {_baht(computed_total)} บาท", None)
        if self.stated_total.counted_satang() != stated_sum:
            self.warn("GRAND_TOTAL_VS_STATED",
                      f"รวมงบประมาณทั้งสิ้นที่เอกสารระบุ ({_stated(self.stated_total)}) "
                      f"ไม่เท่ากับผลรวมของยอด “รวม” รายยุทธศาสตร์ที่เอกสารระบุ ({_baht(stated_sum)} บาท)", None)


def _baht(satang: int) -> str:
    return format_baht(satang / 100, thai_digits=True)


def _stated(value: BudgetValue) -> str:
    if value.kind == "amount" and value.satang is not None:
        return f"{_baht(value.satang)} บาท"
    return {"none": f"“{NO_BUDGET}”", "na": "“n/a”", "dash": "“-”"}[value.kind]


def read_plan_text(text: str, resolver: AgencyResolver, source_name: str = "") -> Plan:
    """Read a whole plan document; raises :class:`PlanFormatError` naming the line on malformed input."""
    return PlanTextReader(text, resolver, source_name).read()
