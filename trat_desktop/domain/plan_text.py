"""Read a plan document exported as text (tables as tab-separated rows) into a :class:`Plan`.

Documents of this form come from many years and provinces, and the reader takes them as they come:
the plan table is found by its header labels (any section number or title, extra columns, trailing
tabs trimmed), strategy headings with or without "ที่" or a colon, page-break continuation rows
marked "(ต่อ)", cells split over several lines, many agencies in one cell however they are listed,
budgets with "บาท", ".-", a source in brackets or one amount per agency, periods as quarters, months
or "ตลอดปีงบประมาณ", targets like "ไม่น้อยกว่า ๘๐" or "๘๐%", Thai or Arabic digits, activity codes
"๑.๑", "๑.๑." or "๑.๑.๑", merged budget/period cells, rows shifted into the wrong columns, CRLF and
a BOM. Every repair and every disagreement becomes a :class:`PlanWarning`; everything it cannot make
sense of is collected, and the whole list is raised at the end as one :class:`PlanFormatError`.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import uuid
from dataclasses import dataclass, field

from ..errors import PlanFormatError, PlanProblem
from ..i18n import keyed as _  # its warnings are stored and shown again (i18n.remake)
from ..i18n import Shown, joined, language
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
from .plan_cells import (
    NO_BUDGET,
    BudgetItem,
    CellError,
    Note,
    activity_code,
    is_number,
    looks_like_period,
    norm,
    parse_budget,
    parse_budget_cell,
    parse_period,
    parse_quarters,
    parse_target,
    quarters_text,
    shown_digits,
    shown_quarters,
    squash,
    tactic_number,
)
from .plan_layout import (
    CONTINUED,
    GOAL,
    PAGE,
    PART_END,
    ROLE_TEXT,
    ROLES,
    YEAR,
    Layout,
    activity_code_like,
    header_layout,
    is_grand_total,
    is_sub_header,
    is_total,
    label_role,
    strategy_heading,
    title_text,
)
from .thai import format_baht, to_arabic_digits, to_thai_digits

__all__ = ["PlanTextReader", "read_plan_text", "parse_budget", "parse_quarters", "norm", "squash"]

PLAN_NS = uuid.UUID("0f3a9c1e-2b7d-4e55-8a61-3c2d9e7b2569")


@dataclass
class _Context:
    strategy: Strategy | None = None
    tactic: Tactic | None = None
    activity: Activity | None = None
    row: IndicatorRow | None = None


@dataclass
class _Summary:
    """The strategy/tactic table that opens the plan part (clean titles, no wrapped-line spaces)."""

    strategies: dict[int, tuple[str, int]] = field(default_factory=dict)
    tactics: dict[tuple[int, int], tuple[str, int]] = field(default_factory=dict)


@dataclass
class _Row:
    """One logical table row: cell text by role (whitespace collapsed) and as written (line breaks kept)."""

    number: int
    cells: dict[str, str]
    raw: dict[str, str]
    joined: bool = False

    def __getitem__(self, role: str) -> str:
        return self.cells.get(role, "")


class PlanTextReader:
    """Reads one document; use :func:`read_plan_text`."""

    def __init__(self, text: str, resolver: AgencyResolver, source_name: str = "") -> None:
        self.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        # a BOM; zero-width spaces and soft hyphens Word leaves inside words (invisible, never meaningful)
        text = text.lstrip("\ufeff").replace("\u200b", "").replace("\u00ad", "")
        self.ends_with_newline = text.endswith(("\n", "\r"))
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.csv = ""
        if not any("\t" in line for line in self.lines):
            self._from_csv()
        self.resolver = resolver
        self.source_name = source_name
        self.warnings: list[PlanWarning] = []
        self.problems: list[PlanProblem] = []
        self.summary = _Summary()
        self.ctx = _Context()
        self.strategies: list[Strategy] = []
        self.stated_total: BudgetValue | None = None
        self.year = 0
        self.layout: Layout | None = None
        self.missing_warned: set[str] = set()
        self.layout_checked = True
        self.tactic_line = 0
        self.shared: dict[int, IndicatorRow] = {}  # row -> the row above whose merged amount it shares
        self.ended = False

    # -- helpers ---------------------------------------------------------
    def warn(self, code: str, message: str, line: int | None) -> None:
        self.warnings.append(PlanWarning(code, message, line))

    def notes(self, notes: list[Note], line: int) -> None:
        for note in notes:
            self.warn(note.code, note.message, line)

    def fail(self, line: int | None, message: str, role: str = "") -> None:
        cell = self.layout.label(role) if role and self.layout is not None else ROLE_TEXT.get(role, "")
        self.problems.append(PlanProblem(line, message, cell))

    def uid(self, *parts: object) -> str:
        return str(uuid.uuid5(PLAN_NS, "/".join(str(p) for p in (self.year, *parts))))

    # -- whole document --------------------------------------------------
    def read(self) -> Plan:
        if not any(line.strip() for line in self.lines):
            raise PlanFormatError(1, _("เอกสารว่างเปล่า ไม่มีแผนปฏิบัติการ"))
        start = self._find_table()
        self.year = self._fiscal_year(start)
        if self.csv:
            self.warn("CSV_READ", _("ไฟล์นี้เป็นตารางแบบ CSV (คั่นช่องด้วย “{csv}”) อ่านตามนั้น").format(
                csv=self.csv), None)
        self._read_summary(start)
        self._read_table(start)
        if not self.problems and not any(s.rows() for s in self.strategies):
            self.fail(start + 1, self._nothing_found(tables=True))
        if self.problems:
            raise PlanFormatError(problems=self.problems)
        for strategy in self.strategies:
            if not strategy.rows():
                self.warn("STRATEGY_EMPTY", _("ยุทธศาสตร์ที่ {number} ไม่มีตัวชี้วัด").format(
                    number=shown_digits(strategy.number)),
                          strategy.source_line)
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

    # -- where the plan table is ----------------------------------------
    def _find_table(self) -> int:
        """Index of the line where the plan part starts: the strategy heading before the first plan
        header row (or that header row itself when the headings sit inside the table)."""
        header = next((i for i, line in enumerate(self.lines) if "\t" in line and self._header_at(i)), None)
        if header is None:
            header = next((i for i, line in enumerate(self.lines) if line.count("\t") == len(ROLES) - 1
                           and any(looks_like_period(c) for c in line.split("\t"))), None)
            if header is None:
                raise PlanFormatError(self._first_strategy_line(), self._nothing_found(tables=False))
        start = header
        for j in range(header - 1, -1, -1):
            text = norm(self.lines[j])
            if not text or GOAL.match(text) or PAGE.match(text):
                continue
            if "\t" not in self.lines[j].strip("\t") and strategy_heading(text):
                start = j
            break
        return start

    def _from_csv(self) -> None:
        """A table saved from Excel as CSV: its records as tab-separated lines (a quoted cell's line
        breaks stay line breaks, so line numbers stay the file's)."""
        found = next(((sep, n) for n, line in enumerate(self.lines) for sep in (",", ";")
                      if header_layout(next(csv.reader([line], delimiter=sep)), n + 1) is not None), None)
        if found is None:
            return
        sep, at = found[0], 0  # the whole file: the summary table before the plan table is CSV too
        try:
            records = list(csv.reader(io.StringIO("\n".join(self.lines[at:])), delimiter=sep, strict=True))
        except csv.Error:
            return
        lines = ["\t".join(cells) if len(cells) > 1 else "".join(cells) for cells in records]
        rebuilt = "\n".join(lines).split("\n")
        if self.lines[-1] == "":
            rebuilt.append("")  # the file's last line break starts no record
        if len(rebuilt) != len(self.lines) - at:
            return  # quoting the reader cannot line up with the file's lines: read as plain text
        self.lines = self.lines[:at] + rebuilt
        self.csv = sep

    def _header_at(self, i: int) -> bool:
        """Whether a header row starts on line *i*, also when its cells run over several lines (Word
        writes each paragraph of a header cell on a line of its own)."""
        cells = self.lines[i].split("\t")
        j = i + 1
        while header_layout(cells, i + 1) is None and j < len(self.lines) and j - i <= 6:
            nxt = self.lines[j]
            if not nxt.strip() or nxt.startswith("\t") or len(cells) >= len(ROLES):
                break
            more = nxt.split("\t")
            cells[-1] += "\n" + more[0]
            cells.extend(more[1:])
            j += 1
        return header_layout(cells, i + 1) is not None

    def _first_strategy_line(self) -> int | None:
        return next((i + 1 for i, line in enumerate(self.lines) if strategy_heading(line)), None)

    def _nothing_found(self, tables: bool) -> str:
        """What the document holds, when it has no plan rows (e.g. a one-cell-per-line export)."""
        strategies = {int(to_arabic_digits(m.group(1))) for m in map(strategy_heading, self.lines) if m}
        tabbed = sum("\t" in line for line in self.lines)
        labels = sorted({ROLE_TEXT[r] for r in (label_role(line) for line in self.lines
                                                if "\t" not in line and len(squash(line)) <= 30
                                                and not any(sep in line for sep in ",;"))
                         if r and r in ROLE_TEXT and r != "source"})
        codes = sum(1 for line in self.lines if "\t" not in line and activity_code_like(line))
        found = []
        if strategies:
            found.append(_("หัวข้อยุทธศาสตร์ {count} รายการ").format(count=shown_digits(len(strategies))))
        if codes:
            found.append(_("บรรทัดที่ขึ้นต้นด้วยรหัสกิจกรรม {codes} บรรทัด").format(codes=shown_digits(codes)))
        if len(labels) >= 3:
            found.append(_("หัวตาราง ({labels}) แยกอยู่บรรทัดละช่อง").format(labels=", ".join(labels)))
        listed = (_("{items} และ{last}").format(items=", ".join(found[:-1]), last=found[-1]) if len(found) > 1
                  else "".join(found))
        what = _("พบ{listed} แต่").format(listed=listed) if found else ""
        separated = next(((sep, n) for n, line in enumerate(self.lines, 1) for sep in (",", ";")
                          if header_layout(line.split(sep), n) is not None), None)
        if not tabbed and separated:
            why = _("ไม่มีอักขระแท็บในเอกสาร มีเพียงหัวตารางที่คั่นช่องด้วย “{separator}” (บรรทัดที่ {line}) "
                    "เอกสารนี้อาจเป็นไฟล์ CSV จาก Excel").format(separator=separated[0], line=separated[1])
        elif not tabbed:
            why = _("ไม่พบแถวตารางแผน (ไม่มีอักขระแท็บในเอกสาร) เอกสารนี้อาจบันทึกเป็นข้อความแบบหนึ่งช่องต่อบรรทัด "
                    "เช่น บันทึกจาก Word หรือ LibreOffice เป็นข้อความธรรมดา")
        elif tables:
            why = _("ไม่พบแถวตัวชี้วัดใดในตารางแผน")
        else:
            why = _("ไม่พบหัวตารางแผน (กลยุทธ์, แผนงาน/โครงการ/กิจกรรม, ตัวชี้วัด, ผู้รับผิดชอบ …) "
                    "ในแถวที่คั่นด้วยแท็บ {count} แถว").format(count=shown_digits(tabbed))
        advice = (_("โปรดตรวจสอบว่าเอกสารมีแถวของตารางแผนครบ") if tabbed and tables
                  else _("โปรดบันทึกใหม่เป็น “ข้อความ (คั่นด้วยแท็บ)”") if separated and not tabbed
                  else _("โปรดบันทึกเอกสารแผนเป็นข้อความ (.txt) ที่คั่นช่องตารางด้วยแท็บ"))
        text = what + why + " " + _("จึงไม่นำเข้า") + " " + advice
        return text[:1].upper() + text[1:]  # English: "no plan table rows…" opens the sentence

    def _fiscal_year(self, start: int) -> int:
        title_at = next((j for j in range(start - 1, -1, -1) if self.lines[j].strip()), None)
        match = YEAR.search(self.lines[title_at]) if title_at is not None and "\t" not in self.lines[title_at] else None
        where = title_at
        if not match:
            where = next((j for j in range(start - 1, -1, -1) if YEAR.search(self.lines[j])), None)
            if where is None:
                where = next((j for j in range(start, len(self.lines)) if YEAR.search(self.lines[j])), None)
            if where is None:
                raise PlanFormatError(start + 1, _("ไม่พบปีงบประมาณของแผน (เช่น “ประจำปีงบประมาณ พ.ศ. ๒๕๖๙”) "
                                                   "ในหัวข้อของตารางแผนหรือในเอกสาร"))
            match = YEAR.search(self.lines[where])
            assert match is not None
            self.warn("YEAR_NOT_IN_TITLE", _("หัวข้อของตารางแผนไม่ระบุปีงบประมาณ ใช้ปี พ.ศ. {value} จากบรรทัดที่ {where}").format(
                value=shown_digits(match.group(1)), where=where + 1), where + 1)
        year = int(to_arabic_digits(match.group(1)))
        if not 2500 <= year <= 2700:
            raise PlanFormatError(where + 1, _("ปีงบประมาณ พ.ศ. {value} ไม่สมเหตุสมผล").format(value=match.group(1)))
        for number, line in enumerate(self.lines, start=1):
            for other in YEAR.finditer(line):
                other_year = int(to_arabic_digits(other.group(1)))
                if other_year != year:
                    self.warn("YEAR_MISMATCH",
                              _("เอกสารระบุปีงบประมาณ พ.ศ. {value} ซึ่งต่างจากปีของแผน (พ.ศ. {year}) ใช้ปี "
                                "{year}").format(value=other.group(1), year=shown_digits(year)),
                              number)
        return year

    def _read_summary(self, start: int) -> None:
        """The summary table ("ยุทธศาสตร์ | กลยุทธ์") before the plan table, when there is one."""
        head = next((i for i in range(start - 1, -1, -1) if [squash(c) for c in self.lines[i].split("\t")][:2]
                     == ["ยุทธศาสตร์", "กลยุทธ์"]), None)
        if head is None:
            return
        current: int | None = None
        for index in range(head + 1, start):
            cells = self.lines[index].split("\t")
            if len(cells) < 2:
                break
            first, tactic = norm(cells[0]), norm(cells[1])
            match = strategy_heading(first)
            if match:
                current = int(to_arabic_digits(match.group(1)))
                self.summary.strategies[current] = (title_text(match.group(2)), index + 1)
            numbered = tactic_number(tactic, current) if current is not None else None
            if current is not None and numbered:
                self.summary.tactics[(current, numbered[0])] = (numbered[1], index + 1)

    # -- the plan part ---------------------------------------------------
    def _read_table(self, start: int) -> None:
        i, count = start, len(self.lines)
        while i < count:
            line = self.lines[i]
            if not line.strip():
                i += 1
                continue
            if self.ended and not strategy_heading(line):
                rest = [j for j in range(i, count) if self.lines[j].strip()]
                self.warn("TRAILING_TEXT_IGNORED",
                          _("ไม่ได้อ่านส่วนท้ายเอกสารตั้งแต่บรรทัดที่ {i} (“{line}”) {count} บรรทัด "
                            "เพราะอยู่หลังแถวรวมงบประมาณทั้งสิ้น").format(
                                i=i + 1, line=norm(line)[:60], count=shown_digits(len(rest))), i + 1)
                return
            self.ended = False
            if "\t" not in line.rstrip("\t") and not self._starts_row(i):
                if self._read_text(i + 1, norm(line)):
                    rest = [j for j in range(i + 1, count) if self.lines[j].strip()]
                    if rest:
                        self.warn("TRAILING_TEXT_IGNORED",
                                  _("ไม่ได้อ่านส่วนท้ายเอกสารตั้งแต่บรรทัดที่ {i} (“{line}”) อีก {count} บรรทัด "
                                    "เพราะอยู่นอกตารางแผน").format(
                                        i=i + 1, line=norm(line)[:60], count=shown_digits(len(rest) + 1)), i + 1)
                    return
                i += 1
                continue
            cells = line.split("\t")
            j, joined = i + 1, False
            while j < count and self._continues(cells, j):
                more = self.lines[j].split("\t")
                roles = self._roles()
                into = roles[len(cells) - 1] if len(cells) - 1 < len(roles) else None
                joined = joined or into != "agency"  # further paragraphs of an agency list are the usual form
                cells[-1] = cells[-1] + "\n" + more[0]
                cells.extend(more[1:])
                j += 1
            if len(cells) == 1:  # a wrapped line of text with no row after all
                self._read_text(i + 1, norm(cells[0]))
            else:
                self._read_cells(i + 1, cells, joined, last=j >= count)
            i = j

    def _width(self) -> int:
        return self.layout.width if self.layout is not None else len(ROLES)

    def _boundary(self, text: str) -> bool:
        """Whether a line's first cell starts something of its own (never part of the row above)."""
        first = norm(text)
        key = squash(first)
        return (not first or bool(strategy_heading(first)) or bool(GOAL.match(first)) or is_total(key)
                or bool(PAGE.match(first)) or bool(PART_END.match(first)) or label_role(first) == "tactic")

    def _starts_row(self, i: int) -> bool:
        """A line without tabs that is the first paragraph of a row's first cell (the row follows on the next line)."""
        if i + 1 >= len(self.lines) or self.ctx.strategy is None:
            return False
        nxt = self.lines[i + 1]
        return ("\t" in nxt and not nxt.startswith("\t") and not self._boundary(self.lines[i])
                and not self._boundary(nxt.split("\t")[0]) and header_layout(nxt.split("\t"), i + 2) is None)

    def _continues(self, cells: list[str], j: int) -> bool:
        """Whether line *j* carries on the row above: Word writes a cell's further paragraphs
        on lines of their own, so a row can span several lines of the text file."""
        nxt = self.lines[j]
        if not nxt.strip() or nxt.startswith("\t") or self._boundary(nxt.split("\t")[0]):
            return False
        first = squash(next((c for c in cells if c.strip()), ""))
        if is_total(first) or header_layout(cells, 0) is not None or is_sub_header(cells):
            return False
        width = self._width()
        filled = len(cells)
        more = nxt.split("\t")
        first_more = norm(more[0])
        numbered = activity_code_like(first_more) or tactic_number(first_more, 0) is not None
        if len(more) == 1:
            # "๒. จัดให้มี…" under a full row, with the rest of its row on the next line: a row of its own
            return filled <= width and not (numbered and filled == width and self._starts_row(j))
        if numbered:
            return False
        return filled < width and filled + len(more) - 1 <= width

    def _read_text(self, number: int, text: str) -> bool:
        """A line outside the table rows; True when it ends the plan part."""
        match = strategy_heading(text)
        if match:
            self._start_strategy(number, match)
            return False
        goal = GOAL.match(text)
        if goal and self.ctx.strategy is not None:
            self.ctx.strategy.goal = goal.group(1).strip()
            return False
        if PAGE.match(text):
            return False
        if self.strategies and PART_END.match(text):
            return True
        if self.strategies:
            self.warn("TEXT_IGNORED", _("ข้อความ “{text}” ไม่อยู่ในตารางแผนและไม่ใช่หัวข้อยุทธศาสตร์ จึงไม่ได้อ่าน").format(
                text=text[:80]), number)
        return False

    def _start_strategy(self, number: int, match: re.Match[str]) -> None:
        n = int(to_arabic_digits(match.group(1)))
        title = title_text(match.group(2))
        strategy = Strategy(n, title, uid=self.uid("s", n), source_line=number)
        if any(s.number == n for s in self.strategies):
            self.fail(number, _("ยุทธศาสตร์ที่ {n} ซ้ำ").format(n=shown_digits(n)))
        else:
            expected = len(self.strategies) + 1
            if n != expected:
                after = (_("มาหลังยุทธศาสตร์ที่ {number}").format(number=shown_digits(expected - 1)) if expected > 1
                         else _("เป็นยุทธศาสตร์แรกของแผน"))
                self.warn("STRATEGY_NUMBER", _("ยุทธศาสตร์ที่ {n} {after} (ลำดับข้าม)").format(
                    n=shown_digits(n), after=after), number)
            if not title:
                self.warn("STRATEGY_TITLE_MISSING", _("ยุทธศาสตร์ที่ {n} ไม่มีชื่อ").format(n=shown_digits(n)), number)
            self.strategies.append(strategy)
        self.ctx = _Context(strategy=strategy)

    def _read_cells(self, number: int, cells: list[str], joined: bool, last: bool) -> None:
        if not any(c.strip() for c in cells):
            return
        header = header_layout(cells, number)
        if header is not None:
            self._set_layout(header)
            return
        if is_sub_header(cells):  # "หน่วยนับ | ปริมาณงาน" under a header spanning two columns
            if self.layout is not None and not self.layout_checked and number - self.layout.line <= 2:
                for at, cell in enumerate(cells[: self.layout.width]):
                    if cell.strip():
                        unit = squash(cell).lower() in {"หน่วยนับ", "หน่วย", "unit"}
                        self.layout.roles[at] = "unit" if unit else "target"
                        self.layout.labels[at] = norm(cell)
            return
        filled = [c for c in cells if c.strip()]
        if len(filled) == 1 and cells[0].strip() and strategy_heading(cells[0]):
            self._read_text(number, norm(cells[0]))
            return
        if self.layout is None:
            if len(cells) != len(ROLES):
                self.fail(number, _("พบแถวตาราง {count} ช่องก่อนหัวตารางแผน (ไม่รู้ว่าช่องใดคืออะไร)").format(
                    count=shown_digits(len(cells))))
                return
            self.warn("HEADER_MISSING", _("ตารางแผนไม่มีแถวหัวตาราง อ่านตามลำดับคอลัมน์ของแผนปี ๒๕๖๙ (กลยุทธ์, กิจกรรม, "
                                          "หน่วยนับ, ปริมาณงาน, งบประมาณ, ระยะเวลา, ตัวชี้วัด, ผลที่คาดว่าจะได้รับ, "
                                          "ผู้รับผิดชอบ)"), number)
            self.layout = Layout(list(ROLES), [ROLE_TEXT[r] for r in ROLES], number)
        layout = self.layout
        if not self.layout_checked:
            self.layout_checked = True
            self._check_layout(layout)
        width = layout.width
        if len(cells) > width:
            extra = [c for c in cells[width:] if c.strip()]
            if extra:
                self.fail(number, _("แถวตารางมี {count} ช่อง แต่หัวตาราง (บรรทัดที่ {line}) มี {width} ช่อง "
                                    "(ช่องเกิน “{extra}”)").format(
                                        count=shown_digits(len(cells)), line=layout.line, width=shown_digits(width),
                                        extra=norm(extra[0])[:40]))
                return
            cells = cells[:width]
        elif len(cells) < width:
            if last and not self.ends_with_newline:
                self.fail(number, _("แถวสุดท้ายของเอกสารมีเพียง {count} ช่อง จาก {width} ช่อง ไฟล์อาจถูกตัดท้าย").format(
                    count=shown_digits(len(cells)), width=shown_digits(width)))
                return
            cells = cells + [""] * (width - len(cells))
        first = squash(next((c for c in cells if c.strip()), ""))
        if is_grand_total(first):
            self.stated_total = self._total_cell(number, cells, _("ยอดรวมงบประมาณทั้งสิ้น"))
            self.ended = True
            return
        at = layout.index("strategy")
        if at is not None and cells[at].strip() and not is_total(first):
            self._strategy_cell(number, norm(cells[at]))
        if self.ctx.strategy is None:
            self.fail(number, _("พบแถวตารางก่อนหัวข้อยุทธศาสตร์"))
            return
        if is_total(first):
            self.ctx.strategy.stated_budget = self._total_cell(number, cells, _("ยอดรวมของยุทธศาสตร์"))
            return
        row = _Row(number, {}, {}, joined)
        for at, (role, cell) in enumerate(zip(layout.roles, cells)):
            if role in ROLES or role in ("source", "strategy"):
                row.cells[role] = norm(cell)
                row.raw[role] = cell
            elif role != "seq" and cell.strip():
                label = layout.labels[at] or _("คอลัมน์ที่ {number}").format(number=shown_digits(at + 1))
                self.warn("COLUMN_IGNORED", _("ช่อง “{label}” มีข้อความ “{cell}” ซึ่งแผนไม่มีที่เก็บ จึงไม่ได้นำเข้า").format(
                    label=label, cell=norm(cell)[:60]), number)
        if joined:
            self.warn("LINES_JOINED", _("แถวตารางนี้แยกอยู่หลายบรรทัดในไฟล์ (ช่องที่มีหลายย่อหน้า) ได้รวมเป็นแถวเดียว"),
                      number)
        self._read_row(row)

    def _strategy_cell(self, number: int, text: str) -> None:
        """A table with a strategy column: a new strategy wherever the cell names one."""
        current = self.ctx.strategy
        match = strategy_heading(text)
        if match:
            if current is None or current.number != int(to_arabic_digits(match.group(1))):
                self._start_strategy(number, match)
            return
        if current is not None and squash(current.title) == squash(title_text(text)):
            return
        n = to_thai_digits(str(len(self.strategies) + 1))
        self.warn("STRATEGY_NUMBERED", _("ช่องยุทธศาสตร์ “{text}” ไม่มีเลขยุทธศาสตร์ ถือเป็นยุทธศาสตร์ที่ {n} ตามลำดับ").format(
            text=text[:60], n=shown_digits(len(self.strategies) + 1)), number)
        numbered = strategy_heading(f"ยุทธศาสตร์ที่ {n} {text}")
        assert numbered is not None
        self._start_strategy(number, numbered)

    def _set_layout(self, layout: Layout) -> None:
        """A header row; checked at the first row under it (a sub-header line may complete it)."""
        self.layout = layout
        self.layout_checked = False

    def _check_layout(self, layout: Layout) -> None:
        missing = [r for r in ("activity", "agency") if r not in layout.roles]
        if missing:
            self.fail(layout.line, _("หัวตารางแผนไม่มีคอลัมน์ {columns}").format(
                columns=", ".join(f"“{ROLE_TEXT[r]}”" for r in missing)))
        for role in ("tactic", "unit", "target", "budget", "period", "indicator", "expected"):
            if role not in layout.roles and role not in self.missing_warned:
                self.missing_warned.add(role)
                self.warn("COLUMN_MISSING", _("ตารางแผนไม่มีคอลัมน์ “{column}”").format(column=ROLE_TEXT[role]) + " "
                          + {"period": _("ถือว่าทุกแถวดำเนินการไตรมาส ๑ - ๔"),
                             "budget": _("จึงไม่มีงบประมาณของแถวใด"),
                             "tactic": _("ใช้เลขกลยุทธ์จากรหัสกิจกรรม")}.get(role, _("ช่องนี้ของทุกแถวจึงว่าง")),
                          layout.line)

    def _total_cell(self, number: int, cells: list[str], what: str) -> BudgetValue | None:
        label_at = next(i for i, c in enumerate(cells) if c.strip())  # the cell saying "รวม"
        found = [(i, c) for i, c in enumerate(cells) if i > label_at and c.strip()
                 and (self.layout is None or self.layout.roles[i] != "seq")]
        if not found:
            self.warn("TOTAL_BLANK", _("{what} เว้นว่างไว้").format(what=what), number)
            return None
        index, text = found[0]
        budget = parse_budget(text)
        if budget is None:
            self.fail(number, _("อ่าน{what} “{text}” ไม่ได้").format(what=what, text=norm(text)))
            return None
        if index != (self.layout.index("budget") if self.layout else 4):
            self.warn("ROW_SHIFTED", _("{what} อยู่ผิดคอลัมน์ (คอลัมน์ที่ {index} แทนคอลัมน์งบประมาณ) "
                                       "อ่านค่าได้ตามปกติ").format(what=what, index=shown_digits(index + 1)), number)
        return budget.value

    # -- one row ---------------------------------------------------------
    def _read_row(self, row: _Row) -> None:
        number = row.number
        if row["period"] and not looks_like_period(row["period"]):
            fixed = self._unshift(row)
            if fixed is None:
                return
            row = fixed
        strategy = self.ctx.strategy
        assert strategy is not None
        if row["tactic"]:
            if not self._start_tactic(number, row["tactic"], row["activity"]):
                return
        continued = False
        if row["activity"]:
            continued = bool(CONTINUED.search(row["activity"]))
            if not self._start_activity(number, CONTINUED.sub("", row["activity"]), continued):
                return
        if self.ctx.activity is None:
            self.fail(number, _("แถวนี้ไม่อยู่ใต้แผนงาน/โครงการ/กิจกรรมใด (ไม่พบรหัส เช่น ๑.๑)"), "activity")
            return
        self._read_indicator(row, continued)

    def _unshift(self, row: _Row) -> _Row | None:
        """Re-lay a row whose cells slid into the wrong columns, by what each cell holds."""
        number = row.number
        values = [row[r] for r in ROLES if row[r]]
        period_at = next((i for i, v in enumerate(values) if looks_like_period(v)), None)
        if period_at is None:
            try:
                parse_period(row["period"], self.year)
            except CellError as exc:
                self.fail(number, exc.message, "period")
            return None
        fixed = dict.fromkeys(ROLES, "")
        fixed["period"] = values[period_at]
        before, after = values[:period_at], values[period_at + 1:]
        for value in before:
            if activity_code_like(value) and not fixed["activity"]:
                fixed["activity"] = value
            elif _is_unit(value) and not fixed["unit"] and not fixed["target"]:
                fixed["unit"] = value
            elif is_number(value) and not fixed["target"] and fixed["unit"]:
                fixed["target"] = value
            elif parse_budget(value) is not None and not fixed["budget"]:
                fixed["budget"] = value
            elif not fixed["tactic"] and not fixed["unit"]:
                fixed["tactic"] = value
            else:
                self.fail(number, _("แถวนี้ช่องเลื่อนและจัดใหม่ไม่ได้ (ช่อง “{value}”)").format(value=value[:40]))
                return None
        slots = {1: ["agency"], 2: ["indicator", "agency"], 3: ["indicator", "expected", "agency"]}.get(len(after))
        if slots is None:
            self.fail(number, _("แถวนี้ช่องเลื่อนและจัดใหม่ไม่ได้"))
            return None
        for slot, value in zip(slots, after):
            fixed[slot] = value
        self.warn("ROW_SHIFTED", _("แถวนี้ข้อมูลเลื่อนไปอยู่ผิดคอลัมน์ ได้จัดใหม่ตามชนิดข้อมูล: หน่วยนับ “{unit}” "
                                   "เป้าหมาย “{target}” งบประมาณ “{budget}” ระยะเวลา “{period}” ผู้รับผิดชอบ "
                                   "“{agency}”").format(
                                       unit=fixed['unit'], target=fixed['target'], budget=fixed['budget'],
                                       period=fixed['period'], agency=fixed['agency']), number)
        written = {norm(text): text for text in row.raw.values() if text}  # keep a cell's line breaks
        return _Row(number, fixed, {role: written.get(value, value) for role, value in fixed.items()}, row.joined)

    def _start_tactic(self, number: int, text: str, activity_text: str) -> bool:
        strategy = self.ctx.strategy
        assert strategy is not None
        numbered = tactic_number(text, strategy.number)
        if numbered:
            n, title = numbered
        else:
            try:
                code = activity_code(activity_text, strategy.number)
            except CellError as exc:
                self.fail(number, exc.message, "activity")
                return False
            if code is None:
                self.fail(number, _("กลยุทธ์ไม่มีเลขลำดับ และแถวนี้ไม่มีรหัสกิจกรรมให้อนุมานได้"), "tactic")
                return False
            n, title = code[0], text
        self.ctx.tactic = self._tactic(number, n, title)
        self.tactic_line = number
        return True

    def _tactic(self, number: int, n: int, table_title: str) -> Tactic:
        strategy = self.ctx.strategy
        assert strategy is not None
        for tactic in strategy.tactics:
            if tactic.number == n:
                return tactic
        summary = self.summary.tactics.get((strategy.number, n))
        title = summary[0] if summary else norm(table_title)
        if not title:
            self.warn("TACTIC_MISSING", _("ไม่พบชื่อกลยุทธ์ที่ {n} ของยุทธศาสตร์ที่ {number}").format(
                n=shown_digits(n), number=shown_digits(strategy.number)), number)
            title = f"กลยุทธ์ที่ {to_thai_digits(str(n))}"
        elif summary and table_title and squash(summary[0]) != squash(table_title):
            self.warn("TACTIC_TITLE_DIFFERS",
                      _("ชื่อกลยุทธ์ที่ {n} ของยุทธศาสตร์ที่ {number} ในตารางแผน (“{table_title}”) "
                        "ต่างจากตารางสรุปกลยุทธ์ (“{summary}”, บรรทัดที่ {summary_line}) "
                        "ใช้ชื่อตามตารางสรุป").format(
                            n=shown_digits(n), number=shown_digits(strategy.number), table_title=norm(table_title),
                            summary=summary[0], summary_line=summary[1]), number)
        tactic = Tactic(n, title, uid=self.uid("s", strategy.number, "t", n))
        strategy.tactics.append(tactic)
        strategy.tactics.sort(key=lambda t: t.number)
        return tactic

    def _start_activity(self, number: int, text: str, continued: bool) -> bool:
        strategy = self.ctx.strategy
        assert strategy is not None
        try:
            code_parts = activity_code(text, strategy.number)
        except CellError as exc:
            self.fail(number, exc.message, "activity")
            return False
        if code_parts is None:
            self.fail(number, _("ไม่พบรหัสแผนงาน/โครงการ/กิจกรรม (เช่น ๑.๑) ใน “{text}”").format(
                text=text[:40]), "activity")
            return False
        tactic_no, activity_no, title = code_parts
        code = f"{tactic_no}.{activity_no}"
        if self.ctx.tactic is None or self.ctx.tactic.number != tactic_no:
            if self.ctx.tactic is not None and self.tactic_line == number:
                self.warn("CODE_TACTIC_DIFFERS", _("กิจกรรม {code} อยู่ในแถวของกลยุทธ์ที่ {number} ใช้กลยุทธ์ที่ {tactic_no} "
                                                   "ตามรหัสกิจกรรม").format(
                                                       code=shown_digits(code),
                                                       number=shown_digits(self.ctx.tactic.number),
                                                       tactic_no=shown_digits(tactic_no)), number)
            self.ctx.tactic = self._tactic(number, tactic_no, "")
        tactic = self.ctx.tactic
        existing = next((a for a in tactic.activities if a.code == code), None)
        if existing is not None:
            if not continued:
                self.warn("ACTIVITY_REPEATED", _("กิจกรรม {code} ปรากฏซ้ำโดยไม่มีคำว่า (ต่อ) ถือเป็นกิจกรรมเดียวกัน").format(
                    code=shown_digits(code)), number)
            self.ctx.activity = existing
            return True
        if continued:
            self.warn("CONTINUATION_WITHOUT_START",
                      _("กิจกรรม {code} มีคำว่า (ต่อ) แต่ไม่พบส่วนต้นในหน้าก่อน ถือเป็นกิจกรรมใหม่").format(
                          code=shown_digits(code)), number)
        if not title:
            self.warn("ACTIVITY_TITLE_MISSING", _("กิจกรรม {code} ไม่มีชื่อ").format(code=shown_digits(code)), number)
        activity = Activity(code, title, uid=self.uid("s", strategy.number, "a", code))
        tactic.activities.append(activity)
        self.ctx.activity = activity
        self.ctx.row = None
        return True

    def _read_indicator(self, row: _Row, continued: bool) -> None:
        activity = self.ctx.activity
        assert activity is not None
        number = row.number
        unit, target_text, indicator = row["unit"], row["target"], row["indicator"]
        try:
            budget_cell = parse_budget_cell(row.raw.get("budget", ""))
        except CellError as exc:
            self.fail(number, exc.message, "budget")
            return
        spellings = split_agency_cell(row.raw.get("agency", ""))
        names = [self.resolver.resolve(n, number) for n in spellings]
        written: dict[str, str] = {}  # register name -> the row's own spelling (the first, if written twice)
        for name, spelling in zip(names, spellings):
            written.setdefault(name, spelling)
        names = list(dict.fromkeys(names))
        if row["source"]:
            for item in budget_cell.items:
                item.source = item.source or row["source"]
        own_row = not row["activity"] and not row["tactic"]  # a further row of the activity above
        if not unit and not target_text and not indicator:
            self._extra_budget_line(number, budget_cell.items, names, written)
            return
        if target_text:
            try:
                target, unit, notes = parse_target(target_text, unit)
            except CellError as exc:
                self.fail(number, exc.message, "target")
                return
            self.notes(notes, number)
        else:
            target = None
            if "target" in self._roles():
                self.warn("TARGET_MISSING", _("ไม่ระบุปริมาณงานเป้าหมาย"), number)
        previous = activity.rows[-1] if activity.rows else None
        period = self._period(number, row["period"], previous if own_row else None)
        if period is None:
            return
        if (continued and previous is not None and previous.unit == unit and previous.target == target
                and squash(previous.indicator) == squash(indicator)):
            added = [n for n in names if n not in previous.agencies]
            previous.agencies.extend(added)
            _keep_spellings(previous, added, written)
            previous.budget_lines.extend(
                self._budget_lines(number, budget_cell.items, added, amounts_only=True))
            self.ctx.row = previous
            return
        ind = IndicatorRow(
            unit=unit, target=target, indicator=indicator, expected_result=row["expected"],
            quarter_from=period[0], quarter_to=period[1], agencies=names, source_line=number,
        )
        _keep_spellings(ind, names, written)
        ind.uid = self.uid("row", activity.uid, len(activity.rows) + 1)
        if not budget_cell.items:
            self._merged_budget(number, ind, previous if own_row else None)
        else:
            ind.budget_lines.extend(self._budget_lines(number, budget_cell.items, names))
            for line in ind.budget_lines:
                if line.agency and line.agency not in ind.agencies:
                    ind.agencies.append(line.agency)
        if not unit and "unit" in self._roles():
            self.warn("UNIT_MISSING", _("ไม่ระบุหน่วยนับ"), number)
        if not indicator and "indicator" in self._roles():
            self.warn("INDICATOR_MISSING", _("แถวของกิจกรรม {code} ไม่มีข้อความตัวชี้วัด").format(
                code=shown_digits(activity.code)), number)
        if not ind.agencies:
            self.warn("AGENCY_MISSING", _("ไม่ระบุหน่วยงานผู้รับผิดชอบ"), number)
        activity.rows.append(ind)
        self.ctx.row = ind

    def _roles(self) -> list[str | None]:
        return self.layout.roles if self.layout is not None else list(ROLES)

    def _merged_budget(self, number: int, row: IndicatorRow, previous: IndicatorRow | None) -> None:
        """An empty budget cell: under a row of the same activity it is a merged cell (Word leaves
        the cells below a merged one empty); otherwise the budget is missing."""
        if "budget" not in self._roles():
            return
        if previous is not None and not previous.budget_lines:
            previous = self.shared.get(id(previous))  # the row above shares a merged amount too
        if previous is None or not previous.budget_lines:
            self.warn("BUDGET_MISSING", _("ไม่ระบุงบประมาณของตัวชี้วัดนี้"), number)
            return
        first = previous.budget_lines[0].value
        if first.kind == "amount":
            self.shared[id(row)] = previous
            self.warn("BUDGET_SHARED", _("ช่องงบประมาณว่าง ถือว่ารวมอยู่ในงบประมาณของแถวบรรทัดที่ {source_line} "
                                         "ซึ่งเป็นช่องที่ผสานกัน จึงไม่นับซ้ำ").format(
                                             source_line=previous.source_line), number)
            return
        row.budget_lines.append(BudgetLine(first, row.agencies[0] if len(row.agencies) == 1 else None))
        self.warn("BUDGET_INHERITED", _("ช่องงบประมาณว่าง ใช้ “{value}” ของแถวก่อนหน้า (บรรทัดที่ {source_line}) "
                                        "ซึ่งเป็นช่องที่ผสานกัน").format(
                                            value=_stated(first).strip('“”'), source_line=previous.source_line), number)

    def _budget_lines(self, number: int, items: list[BudgetItem], names: list[str],
                      amounts_only: bool = False) -> list[BudgetLine]:
        lines: list[BudgetLine] = []
        tied = [i for i in items if i.agency]
        for item in items:
            if item.misspelt:
                self.warn("BUDGET_WORD_MISSPELT", _("งบประมาณเขียนว่า “{written}” ถือว่าเป็น “{word}”").format(
                    written=item.written, word=NO_BUDGET),
                          number)
            if item.note:
                self.warn("BUDGET_NOTE", _("ช่องงบประมาณมีหมายเหตุ “{note}” ซึ่งแผนไม่มีที่เก็บ (อ่านงบประมาณเป็น {value})").format(
                    note=item.note, value=_stated(item.value)), number)
            if item.source:
                self.warn("BUDGET_SOURCE", _("งบประมาณ {value} ระบุแหล่งงบประมาณ “{source}” "
                                             "(โปรแกรมเก็บแหล่งงบประมาณไว้ในข้อสังเกตนี้เท่านั้น)").format(
                                                 value=_stated(item.value), source=item.source), number)
        if amounts_only:
            items = [i for i in items if i.value.kind == "amount"]
        if len(items) == 1 and not tied:
            return [BudgetLine(items[0].value, names[0] if len(names) == 1 else None)]
        if tied:
            for item in items:
                agency = None
                if item.agency:
                    agency = self.resolver.resolve(item.agency, number)
                    if agency not in names:
                        self.warn("AGENCY_FROM_BUDGET", _("ช่องงบประมาณระบุ “{agency}” ซึ่งไม่อยู่ในช่องผู้รับผิดชอบ "
                                                          "จึงเพิ่มเป็นผู้รับผิดชอบของแถวนี้").format(
                                                              agency=item.agency), number)
                lines.append(BudgetLine(item.value, agency))
            return lines
        if len(items) > 1 and len(items) == len(names):
            self.warn("BUDGET_PAIRED_BY_ORDER", _("ช่องงบประมาณมี {count} จำนวน และผู้รับผิดชอบ {agencies} หน่วยงาน "
                                                  "จึงจับคู่ตามลำดับ: ").format(
                                                      count=shown_digits(len(items)),
                                                      agencies=shown_digits(len(names)))
                      + joined(", ", [n + " " + _stated(i.value) for n, i in zip(names, items)]), number)
            return [BudgetLine(i.value, n) for i, n in zip(items, names)]
        if len(items) > 1:
            self.warn("BUDGET_NOT_TIED", _("ช่องงบประมาณมี {count} จำนวน แต่ผู้รับผิดชอบมี {agencies} หน่วยงาน "
                                           "จึงไม่ได้ผูกจำนวนใดกับหน่วยงานใด").format(
                                               count=shown_digits(len(items)), agencies=shown_digits(len(names))),
                      number)
        return [BudgetLine(i.value, None) for i in items]

    def _extra_budget_line(self, number: int, items: list[BudgetItem], names: list[str],
                           written: dict[str, str] | None = None) -> None:
        row = self.ctx.row
        if row is None:
            self.fail(number, _("แถวงบประมาณเพิ่มเติมไม่มีตัวชี้วัดก่อนหน้าให้ผูก"))
            return
        if not items and not names:
            return
        if not items:
            self.warn("BUDGET_MISSING", _("แถวต่อเนื่องไม่ระบุงบประมาณ"), number)
        for name in names:
            if name not in row.agencies:
                row.agencies.append(name)
                _keep_spellings(row, [name], written or {})
        for line in self._budget_lines(number, items, names) if items else []:
            if line.agency and line.agency not in row.agencies:
                row.agencies.append(line.agency)
            row.budget_lines.append(line)

    def _period(self, number: int, text: str, previous: IndicatorRow | None) -> tuple[int, int] | None:
        if not text:
            if "period" not in self._roles():
                return 1, 4
            if previous is not None:
                self.warn("PERIOD_INHERITED", _("ช่องระยะเวลาว่าง ใช้{value} ของแถวก่อนหน้า (บรรทัดที่ {source_line}) "
                                                "ซึ่งเป็นช่องที่ผสานกัน").format(
                                                    value=shown_quarters(previous.quarter_from, previous.quarter_to),
                                                    source_line=previous.source_line), number)
                return previous.quarter_from, previous.quarter_to
            self.warn("PERIOD_MISSING", _("ไม่ระบุระยะเวลาดำเนินการ ถือเป็นไตรมาส ๑ - ๔"), number)
            return 1, 4
        try:
            period, notes = parse_period(text, self.year)
        except CellError as exc:
            self.fail(number, exc.message, "period")
            return None
        self.notes(notes, number)
        return period

    # -- checks ----------------------------------------------------------
    def _check_titles(self) -> None:
        for strategy in self.strategies:
            summary = self.summary.strategies.get(strategy.number)
            if summary and squash(summary[0]) != squash(strategy.title):
                self.warn("STRATEGY_TITLE_DIFFERS",
                          _("ชื่อยุทธศาสตร์ที่ {number} ในตารางสรุป (“{summary}”) ต่างจากหัวข้อในแผน "
                            "(“{title}”) ใช้ชื่อตามหัวข้อในแผน").format(
                                number=shown_digits(strategy.number), summary=summary[0], title=strategy.title),
                          summary[1])

    def _check_totals(self) -> None:
        stated_sum = 0
        for strategy in self.strategies:
            n = shown_digits(strategy.number)
            computed = strategy.budget_satang()
            stated = strategy.stated_budget
            if stated is None:
                self.warn("TOTAL_MISSING", _("ยุทธศาสตร์ที่ {n} ไม่มีแถว “รวม” งบประมาณ ยอดที่คำนวณได้ {value} บาท").format(
                    n=n, value=_baht(computed)), strategy.source_line)
                continue
            stated_sum += stated.counted_satang()
            if stated.counted_satang() != computed:
                self.warn("STRATEGY_TOTAL_MISMATCH",
                          _("ยุทธศาสตร์ที่ {n}: เอกสารระบุยอดรวม {value} แต่ผลรวมของรายการได้ {total} บาท").format(
                              n=n, value=_stated(stated), total=_baht(computed)), strategy.source_line)
        computed_total = sum(s.budget_satang() for s in self.strategies)
        if self.stated_total is None:
            self.warn("GRAND_TOTAL_MISSING", _("ไม่พบแถว “รวมงบประมาณทั้งสิ้น” ยอดที่คำนวณได้ {value} บาท").format(
                value=_baht(computed_total)), None)
            return
        if self.stated_total.counted_satang() != computed_total:
            self.warn("GRAND_TOTAL_MISMATCH",
                      _("เอกสารระบุรวมงบประมาณทั้งสิ้น {value} แต่ผลรวมของทุกรายการได้ {total} บาท").format(
                          value=_stated(self.stated_total), total=_baht(computed_total)), None)
        if self.stated_total.counted_satang() != stated_sum and all(s.stated_budget for s in self.strategies):
            self.warn("GRAND_TOTAL_VS_STATED",
                      _("รวมงบประมาณทั้งสิ้นที่เอกสารระบุ ({value}) ไม่เท่ากับผลรวมของยอด “รวม” "
                        "รายยุทธศาสตร์ที่เอกสารระบุ ({total} บาท)").format(
                            value=_stated(self.stated_total), total=_baht(stated_sum)), None)


def _is_unit(text: str) -> bool:
    value = squash(text)
    return bool(value) and not is_number(value) and parse_budget(value) is None \
        and not looks_like_period(value) and len(value) <= 12


def _baht(satang: int) -> str:
    """An amount in a warning: the screen's digits, remembered for the other language (i18n.Shown)."""
    return Shown(format_baht(satang / 100, thai_digits=language() == "th"), {"digits": format_baht(satang / 100)})


def _stated(value: BudgetValue) -> str:
    if value.kind == "amount" and value.satang is not None:
        return _("{amount} บาท").format(amount=_baht(value.satang))
    return {"none": f"“{NO_BUDGET}”", "na": "“n/a”", "dash": "“-”"}[value.kind]


def decode_document(data: bytes) -> str:
    """The text of a plan document file: UTF-8 (with or without a BOM) or UTF-16 with its BOM (Word's
    "Unicode text"). Thai in Windows-874 and anything else get a Thai message naming what the file is."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise PlanFormatError(None, _("ไฟล์ขึ้นต้นแบบ UTF-16 แต่เนื้อหาเสีย โปรดบันทึกเอกสารเป็นข้อความ (.txt) แบบ "
                                          "UTF-8 ใหม่")) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if b"\x00" not in data:
            legacy = data.decode("cp874", errors="replace")
            thai = sum("\u0e01" <= ch <= "\u0e5b" for ch in legacy)
            if thai >= 0.3 * sum(not ch.isspace() for ch in legacy) and "\ufffd" not in legacy:
                raise PlanFormatError(line, _("ไฟล์เป็นข้อความภาษาไทยแบบเก่า (Windows-874/TIS-620) ไม่ใช่ UTF-8 "
                                              "โปรดบันทึกเอกสารใหม่เป็นข้อความ (.txt) แบบ UTF-8")) from exc
        raise PlanFormatError(line, _("ไฟล์ไม่ใช่ข้อความ UTF-8 (อาจเป็นไฟล์ Word หรือไฟล์เสีย) "
                                      "โปรดบันทึกเอกสารเป็นข้อความ (.txt) แบบ UTF-8")) from exc


def read_plan_text(text: str, resolver: AgencyResolver, source_name: str = "") -> Plan:
    """Read a whole plan document; raises :class:`PlanFormatError` listing every problem (each with its
    line and cell) on malformed input."""
    return PlanTextReader(text, resolver, source_name).read()


def _keep_spellings(row: IndicatorRow, names: list[str], written: dict[str, str]) -> None:
    """Keep how the document writes *names* in *row*, where it is not the register's name."""
    for name in names:
        spelling = written.get(name, "")
        if spelling and spelling != name:
            row.written.setdefault(name, spelling)
