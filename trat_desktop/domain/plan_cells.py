"""Reading single cells of a plan table: budgets, periods, targets and codes, as documents write them.

Pure functions. Each returns what it read plus :class:`Note` s for every repair it made (the reader
turns them into plan warnings), or raises :class:`CellError` with a Thai message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..i18n import Shown, language
from ..i18n import keyed as _  # its warnings are stored and shown again (i18n.remake)
from ..i18n import language as screen_language
from .model import BudgetValue
from .thai import shown_digits, to_arabic_digits, to_thai_digits  # (shown_digits: re-exported)

NO_BUDGET = "ไม่ใช้งบประมาณ"
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_AMOUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$")


class CellError(ValueError):
    """A cell that cannot be read; ``message`` is Thai."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Note:
    """A repair or a reading the user should know about (becomes a PlanWarning)."""

    code: str
    message: str


def norm(text: str) -> str:
    """Collapse wrapped-line whitespace."""
    return _SPACE.sub(" ", text).strip()


def squash(text: str) -> str:
    """Text without any whitespace, for comparing wrapped copies of the same cell."""
    return _SPACE.sub("", text)


def thai_number(value: float) -> str:
    text = str(int(value)) if float(value).is_integer() else str(value)
    return to_thai_digits(text)


# -- budgets ----------------------------------------------------------------
@dataclass
class Budget:
    """One budget value as written; ``misspelt`` when "ไม่ใช้งบประมาณ" was misspelt."""

    value: BudgetValue
    misspelt: bool = False


@dataclass
class BudgetItem:
    """One amount of a budget cell, with the agency or the source the cell ties it to."""

    value: BudgetValue
    agency: str = ""
    source: str = ""
    misspelt: bool = False
    written: str = ""
    note: str = ""  # other bracketed text: "(ไตรมาสละ ๑๒,๕๐๐)"


@dataclass
class BudgetCell:
    items: list[BudgetItem] = field(default_factory=list)


_BAHT_SUFFIX = re.compile(r"(?:บาท|บ\.)$")
_DASH_SUFFIX = re.compile(r"(?:\.-|,-|\.—|-|\.–)$")
_BRACKET = re.compile(r"[(（]\s*([^()（）]*?)\s*[)）]")
_SOURCE_WORDS = ("งบ", "เงิน", "แหล่ง", "ทุน")
_ITEM_SPLIT = re.compile(r"\n|;|\s/\s|\s\+\s|,\s+|(?:^|\s)[-–•·▪●○*]\s+|(?<=[)）])\s+(?=\d)")
#: Words before an amount that name no agency and no source ("งบประมาณ ๕๐,๐๐๐ บาท").
_NO_NAME = {"งบประมาณ", "งบ", "จำนวน", "จำนวนเงิน", "เป็นเงิน", "รวม", "ใช้งบประมาณ"}
_NAME_AMOUNT = re.compile(r"^(?P<name>.*?[^\d,.\s])\s*[:=]?\s*(?P<amount>\d[\d,]*(?:\.\d{1,2})?)\s*(?:บาท|บ\.)?\s*(?:\.-|-)?$")


def parse_budget(text: str) -> Budget | None:
    """One budget value: an amount ('๙๙,๖๕๐', '99650.-', '๙๙,๖๕๐ บาท'), ไม่ใช้งบประมาณ (also misspelt),
    n/a or '-'; None if empty or unreadable."""
    raw = squash(to_arabic_digits(text))
    if not raw:
        return None
    if raw in {"-", "–", "—"}:
        return Budget(BudgetValue("dash"))
    if raw.lower() in {"n/a", "na", "n.a."}:
        return Budget(BudgetValue("na"))
    if raw == NO_BUDGET:
        return Budget(BudgetValue("none"))
    if raw.startswith("ไม่") and raw.endswith("งบประมาณ") and len(raw) <= len(NO_BUDGET) + 3:
        return Budget(BudgetValue("none"), misspelt=True)
    amount = _BAHT_SUFFIX.sub("", raw)
    amount = _DASH_SUFFIX.sub("", amount)
    amount = _BAHT_SUFFIX.sub("", amount)
    if _AMOUNT.match(amount):
        return Budget(BudgetValue.baht(float(amount.replace(",", ""))))
    return None


def _is_source(text: str) -> bool:
    return squash(text).startswith(_SOURCE_WORDS)


def _budget_item(text: str) -> BudgetItem:
    """'๕๐,๐๐๐ (งบจังหวัด)', '๓๔,๐๐๐ บาท (สนง.ศึกษาธิการ จ.ตราด)', 'สนง.คลัง ๑๐,๐๐๐'."""
    source, agency, note = "", "", ""
    for inner in _BRACKET.findall(text):
        if squash(inner).endswith(("บาทถ้วน", "บาท")) and not re.search(r"\d", inner):
            continue  # the amount again in words: "(หนึ่งหมื่นสองพันบาทถ้วน)"
        if _is_source(inner):
            source = norm(inner)
        elif re.search(r"\d", inner):
            note = norm(inner)  # a remark with numbers is no office's name
        elif inner.strip():
            agency = norm(inner)
    rest = norm(_BRACKET.sub(" ", text))
    budget = parse_budget(rest)
    if budget is None:
        match = _NAME_AMOUNT.match(rest)
        if match and parse_budget(match.group("amount")) is not None:
            name = norm(match.group("name")).rstrip(":=").strip()
            budget = parse_budget(match.group("amount"))
            if squash(name) in _NO_NAME:
                pass
            elif _is_source(name):
                source = source or name
            else:
                agency = agency or name
    if budget is None:
        raise CellError(_("อ่านงบประมาณ “{text}” ไม่ได้ (ต้องเป็นจำนวนเงิน เช่น ๙๙,๖๕๐ หรือ 99650.-, "
                          "ไม่ใช้งบประมาณ, n/a หรือ -)").format(text=norm(text)))
    return BudgetItem(budget.value, agency, source, budget.misspelt, norm(text), note)


def parse_budget_cell(text: str) -> BudgetCell:
    """A whole budget cell: one value, or several (one per line, ' / ', ';', '+'), each possibly
    with its agency ('สนง.คลัง ๑๐,๐๐๐', '๑๐,๐๐๐ (สนง.คลัง)') or source ('(งบจังหวัด)')."""
    if not text.strip():
        return BudgetCell()
    single = parse_budget(text)
    if single is not None:
        return BudgetCell([BudgetItem(single.value, misspelt=single.misspelt, written=norm(text))])
    parts = [p for p in (norm(p) for p in _ITEM_SPLIT.split(text)) if p]
    if not parts:
        raise CellError(_("อ่านงบประมาณ “{text}” ไม่ได้").format(text=norm(text)))
    return BudgetCell([_budget_item(p) for p in parts])


# -- periods ----------------------------------------------------------------
_QNUM = r"([0-9๐-๙])"
_QUARTER = re.compile(
    r"^(?:ไตรมาส(?:ที่)?|q)\s*" + _QNUM + r"(?:\s*(?:[-–—]|ถึง)\s*(?:ไตรมาส(?:ที่)?|q)?\s*" + _QNUM + r")?$",
    re.IGNORECASE)
_QUARTER_LIST = re.compile(r"^(?:ไตรมาส(?:ที่)?|q)\s*([0-9๐-๙](?:\s*(?:,|และ|/)\s*(?:q)?[0-9๐-๙])+)$", re.IGNORECASE)
_WHOLE_YEAR = ("ตลอดปีงบประมาณ", "ตลอดปี", "ทั้งปีงบประมาณ", "ทั้งปี", "๑ปีงบประมาณ", "ตลอดทั้งปี")
#: Month spellings (full, abbreviated, English) -> calendar month.
_MONTH_NAMES: dict[str, int] = {}
for _n, _names in enumerate((
    ("มกราคม", "ม.ค.", "มค", "jan", "january"), ("กุมภาพันธ์", "ก.พ.", "กพ", "feb", "february"),
    ("มีนาคม", "มี.ค.", "มีค", "mar", "march"), ("เมษายน", "เม.ย.", "เมย", "apr", "april"),
    ("พฤษภาคม", "พ.ค.", "พค", "may"), ("มิถุนายน", "มิ.ย.", "มิย", "jun", "june"),
    ("กรกฎาคม", "ก.ค.", "กค", "jul", "july"), ("สิงหาคม", "ส.ค.", "สค", "aug", "august"),
    ("กันยายน", "ก.ย.", "กย", "sep", "sept", "september"), ("ตุลาคม", "ต.ค.", "ตค", "oct", "october"),
    ("พฤศจิกายน", "พ.ย.", "พย", "nov", "november"), ("ธันวาคม", "ธ.ค.", "ธค", "dec", "december"),
), start=1):
    for _name in _names:
        _MONTH_NAMES[_name] = _n
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTH_NAMES), key=len, reverse=True))
_MONTH = re.compile(r"(?:(\d{1,2})\s*)?(" + _MONTH_ALT + r")\.?\s*(?:(?:พ\.ศ\.)?\s*(\d{4}|\d{2})(?!\d))?", re.IGNORECASE)


def quarters_text(first: int, last: int) -> str:
    """'ไตรมาส ๒ - ๔', or 'ไตรมาส ๓' for one quarter."""
    if first == last:
        return f"ไตรมาส {to_thai_digits(str(first))}"
    return f"ไตรมาส {to_thai_digits(str(first))} - {to_thai_digits(str(last))}"


def shown_quarters(first: int, last: int, language: str | None = None) -> str:
    """Quarters in a message: :func:`quarters_text` in Thai (as before), 'Quarters 2–4' in English."""
    language = language or screen_language()
    if language == "th":
        return Shown(quarters_text(first, last), {"quarters": [first, last]})
    from .display import period_text

    return Shown(period_text(first, last, False, language), {"quarters": [first, last]})


def fiscal_month(month: int) -> int:
    """October is month 1 of the fiscal year, September month 12."""
    return (month - 10) % 12 + 1


def _quarter_of(month: int) -> int:
    return (fiscal_month(month) - 1) // 3 + 1


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


def looks_like_period(text: str) -> bool:
    """Whether a cell is written as a period at all (used to re-lay shifted rows)."""
    try:
        parse_period(text, None)
    except CellError:
        return False
    return bool(text.strip())


def parse_period(text: str, fiscal_year: int | None) -> tuple[tuple[int, int], list[Note]]:
    """A period cell -> (first quarter, last quarter) and notes.

    Reads quarter ranges ('ไตรมาส ๑-๔', 'ไตรมาสที่ 2 – 4', 'Q2-Q4'), 'ตลอดปีงบประมาณ', and months
    ('ต.ค. ๖๘ - ก.ย. ๖๙', 'มกราคม - มีนาคม ๒๕๖๙'): months map to fiscal quarters (the year starts on
    1 October); a range that does not start or end on a quarter's edge is widened, with a note.
    """
    value = norm(text)
    arabic = to_arabic_digits(value)
    key = squash(arabic)
    if re.sub(r"(?:พ\.ศ\.)?\d{4}$", "", key) in _WHOLE_YEAR:
        return (1, 4), []
    quarters = parse_quarters(arabic)
    if quarters is not None:
        return quarters, []
    listed = _QUARTER_LIST.match(arabic)
    if listed:
        numbers = sorted({int(n) for n in re.findall(r"\d", listed.group(1))})
        if not all(1 <= n <= 4 for n in numbers):
            raise CellError(_("ระยะเวลาดำเนินการ “{value}” มีไตรมาสที่ไม่มีอยู่ (มีไตรมาส ๑ - ๔)").format(value=value))
        notes = []
        if numbers != list(range(numbers[0], numbers[-1] + 1)):
            notes.append(Note("PERIOD_WIDENED", _("ระยะเวลา “{value}” ไม่ต่อเนื่อง ถือเป็น{quarters}").format(
                value=value, quarters=shown_quarters(numbers[0], numbers[-1]))))
        return (numbers[0], numbers[-1]), notes
    months = _months(arabic)
    if months:
        return _month_range(value, months, fiscal_year)
    both = re.match(r"^(.*?)\s*[(（]([^()（）]*)[)）]$", value)
    if both:  # "ไตรมาส ๑ - ๒ (ต.ค. ๖๘ - มี.ค. ๖๙)": the quarters, checked against the months
        (quarters, notes) = parse_period(both.group(1), fiscal_year)
        try:
            (in_months, _notes) = parse_period(both.group(2), fiscal_year)
        except CellError:
            in_months = quarters
        if in_months != quarters:
            notes = notes + [Note("PERIOD_DIFFERS", _("ระยะเวลา “{value}”: {quarters} ไม่ตรงกับเดือนในวงเล็บ ({months}) ใช้{quarters}").format(
                value=value, quarters=shown_quarters(*quarters), months=shown_quarters(*in_months)))]
        return quarters, notes
    raise CellError(_("อ่านระยะเวลาดำเนินการ “{value}” ไม่ได้ (ต้องเป็น เช่น ไตรมาส ๒ - ๔, "
                      "ตลอดปีงบประมาณ หรือ ต.ค. ๖๘ - ก.ย. ๖๙)").format(value=value))


def _months(text: str) -> list[tuple[int, int | None]]:
    """Months named in *text*, each with its Buddhist-era year when written; [] unless the text is only that."""
    found: list[tuple[int, int | None]] = []
    rest = text
    for match in _MONTH.finditer(text):
        month = _MONTH_NAMES[match.group(2).lower()]
        year = match.group(3)
        be = None
        if year:
            be = int(year) + 2500 if len(year) == 2 else int(year)
            if be < 2400:  # a Christian-era year
                be += 543
        found.append((month, be))
        rest = rest.replace(match.group(0), " ", 1)
    leftover = re.sub(r"[\s\-–—,.]|ถึง|และ|ตั้งแต่|เดือน|ระหว่าง|พ\.ศ", "", rest)
    return found if found and not leftover else []


def _month_range(value: str, months: list[tuple[int, int | None]], fiscal_year: int | None
                 ) -> tuple[tuple[int, int], list[Note]]:
    notes: list[Note] = []
    (m1, y1), (m2, y2) = months[0], months[-1]
    if len(months) > 2:
        raise CellError(_("ระยะเวลาดำเนินการ “{value}” ระบุหลายช่วงเดือน อ่านเป็นช่วงเดียวไม่ได้").format(value=value))
    crosses = m1 >= 10 > m2  # October-December, then January-September: the calendar year changes
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if crosses else y2
    if y2 is None and y1 is not None:
        y2 = y1 + 1 if crosses else y1

    def fy(month: int, year: int | None) -> int | None:
        return None if year is None else (year + 1 if month >= 10 else year)

    fy1, fy2 = fy(m1, y1), fy(m2, y2)
    start, end = fiscal_month(m1), fiscal_month(m2)
    if fy1 is not None and fy2 is not None and fy1 != fy2:
        if fiscal_year is None or fy1 > fiscal_year or fy2 < fiscal_year:
            raise CellError(_("ระยะเวลาดำเนินการ “{value}” อยู่นอกปีงบประมาณของแผน").format(value=value))
        notes.append(Note("PERIOD_OUTSIDE_YEAR", _("ระยะเวลา “{value}” เกินปีงบประมาณ พ.ศ. {fiscal_year} "
                                                   "ใช้เฉพาะส่วนที่อยู่ในปีนี้").format(
                                                       value=value, fiscal_year=shown_digits(fiscal_year))))
        if fy1 < fiscal_year:
            start = 1
        if fy2 > fiscal_year:
            end = 12
    elif fiscal_year is not None and fy1 is not None and fy1 != fiscal_year:
        raise CellError(_("ระยะเวลาดำเนินการ “{value}” อยู่ในปีงบประมาณ พ.ศ. {fy1} ไม่ใช่ปีของแผน (พ.ศ. "
                          "{fiscal_year})").format(
                              value=value, fy1=shown_digits(fy1), fiscal_year=shown_digits(fiscal_year)))
    if start > end:
        raise CellError(_("ระยะเวลาดำเนินการ “{value}” เดือนเริ่มต้นอยู่หลังเดือนสิ้นสุด").format(value=value))
    first, last = (start - 1) // 3 + 1, (end - 1) // 3 + 1
    if (start - 1) % 3 or end % 3:
        notes.append(Note("PERIOD_FROM_MONTHS", _("ระยะเวลา “{value}” ไม่ตรงขอบไตรมาส ถือเป็น{quarters}").format(
            value=value, quarters=shown_quarters(first, last))))
    return (first, last), notes


# -- targets ----------------------------------------------------------------
_QUALIFIERS = ("ไม่น้อยกว่า", "ไม่ต่ำกว่า", "อย่างน้อย", "มากกว่า", "ไม่เกิน", "ไม่มากกว่า", "ประมาณ", "≥", ">=", ">", "≤", "<=", "<")
_PERCENT_UNITS = {"ร้อยละ", "เปอร์เซ็นต์", "%"}


def parse_target(text: str, unit: str) -> tuple[float, str, list[Note]]:
    """A target cell -> (number, unit, notes). Reads '๘๐', '๘๐%', 'ร้อยละ ๘๐', 'ไม่น้อยกว่า ๘๐', '๒ ครั้ง'.

    The unit comes back changed only when the cell carried one and the unit column was empty.
    """
    value = norm(text)
    rest = squash(to_arabic_digits(value)).replace(",", "")
    notes: list[Note] = []
    qualifier = next((q for q in _QUALIFIERS if rest.startswith(q)), "")
    rest = rest[len(qualifier):]
    match = re.match(r"^(?P<pre>ร้อยละ)?(?P<n>\d+(?:\.\d+)?)(?P<post>.*)$", rest)
    if not match or (match.group("post") and not re.match(r"^[^\d]+$", match.group("post"))):
        raise CellError(_("ปริมาณงาน “{value}” ไม่ใช่ตัวเลข").format(value=value))
    number = float(match.group("n"))
    written = "ร้อยละ" if match.group("pre") else match.group("post")
    if written == "%":
        written = "ร้อยละ"
    unit_key = squash(unit)
    if written:
        if not unit_key:
            unit = written
            notes.append(Note("UNIT_FROM_TARGET", _("ไม่ระบุหน่วยนับ ใช้หน่วย “{written}” ที่เขียนไว้ในช่องปริมาณงาน “{value}”").format(
                written=written, value=value)))
        elif written != unit_key and not (written == "ร้อยละ" and unit_key in _PERCENT_UNITS):
            notes.append(Note("TARGET_UNIT_DIFFERS", _("ปริมาณงาน “{value}” เขียนหน่วยต่างจากหน่วยนับ “{unit}” ใช้ตัวเลข {number} "
                                                       "และหน่วยนับ “{unit}”").format(value=value, unit=unit,
                                                                                     number=shown_digits(thai_number(number)))))
    if qualifier:
        notes.append(Note("TARGET_QUALIFIED", _("ปริมาณงาน “{value}” อ่านเป็น {number} (คำว่า “{qualifier}” "
                                                "ไม่ได้เก็บเป็นตัวเลข)").format(value=value, number=shown_digits(thai_number(number)),
                                                                            qualifier=qualifier)))
    return number, unit, notes


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(to_arabic_digits(squash(text)).replace(",", "")))


# -- codes ------------------------------------------------------------------
_D = r"[0-9๐-๙]+"
ACTIVITY_CODE = re.compile(r"^(" + _D + r")\s*\.\s*(" + _D + r")(?:\s*\.\s*(" + _D + r"))?\s*\.?(?:\s+|(?=[^\d๐-๙.\s])|$)(.*)$", re.S)
TACTIC_NUMBER = re.compile(
    r"^(?:กลยุทธ์(?:ที่)?\s*(" + _D + r")\s*[.:)]?|(" + _D + r")\s*\.\s*(" + _D + r")\s*\.?(?=\s|[^\d๐-๙.])"
    r"|\(?(" + _D + r")\s*[.)](?![0-9๐-๙]))\s*(.*)$", re.S)


def activity_code(text: str, strategy: int) -> tuple[int, int, str] | None:
    """'๑.๑ title', '๑.๑. title' -> (tactic, activity, title); '๑.๑.๑ title' (strategy.tactic.activity)
    when its first number is the strategy's. None if *text* has no code; CellError if a three-part code
    names another strategy."""
    match = ACTIVITY_CODE.match(text.strip())
    if not match:
        return None
    a, b, c = (int(to_arabic_digits(g)) if g else None for g in match.groups()[:3])
    title = norm(match.group(4))
    assert a is not None and b is not None
    if c is None:
        return a, b, title
    if a != strategy:
        raise CellError(_("รหัสกิจกรรม {code} ขึ้นต้นด้วยเลขยุทธศาสตร์ {a} แต่อยู่ใต้ยุทธศาสตร์ที่ "
                          "{strategy}").format(
                              code=shown_digits(f'{a}.{b}.{c}'), a=shown_digits(a), strategy=shown_digits(strategy)))
    return b, c, title


def tactic_number(text: str, strategy: int) -> tuple[int, str] | None:
    """'๑. title', 'กลยุทธ์ที่ ๑ title', '๑) title', '๑.๑ title' (strategy.tactic) -> (number, title)."""
    match = TACTIC_NUMBER.match(text.strip())
    if not match:
        return None
    named, s, t, plain, title = match.groups()
    if named:
        return int(to_arabic_digits(named)), norm(title)
    if s is not None and t is not None:
        if int(to_arabic_digits(s)) != strategy:
            return None
        return int(to_arabic_digits(t)), norm(title)
    assert plain is not None
    return int(to_arabic_digits(plain)), norm(title)
