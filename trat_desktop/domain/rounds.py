"""Reporting rounds: ไตรมาส ๑–๔, รอบ ๖ เดือน and รอบ ๑๒ เดือน, with their periods, due dates and timeliness.

Pure functions; the one place that says which round is open, when it is due, which quarters it covers,
and whether an office's submission was on time. Defaults (the coordinator may change any date, and the
dates travel in the plan package):

- a quarter covers its three months and is due 15 days after its last day;
- รอบ ๖ เดือน (``h1``) covers quarters 1–2 (1 ต.ค.–31 มี.ค.), due 15 days after 31 มี.ค.;
- รอบ ๑๒ เดือน (``y``) covers the year (1 ต.ค.–30 ก.ย.), due 15 days after 30 ก.ย. Offices often cut it
  at 31 ส.ค. for ITA: set its end date, and its quarters follow.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Literal, Mapping, NamedTuple

from ..errors import TratError
from ..i18n import N_, _, language, translator
from .fiscal import ROUND_DUE_DAYS
from .thai import BE_OFFSET, digits, format_be_date, months, quarter_bounds, shown_digits, to_arabic_digits

ROUND_IDS = ("q1", "q2", "q3", "q4", "h1", "y")
#: the rounds' names as reports print them (Thai); the screen shows ``round_name(id, language)``
ROUND_NAMES = {
    "q1": N_("ไตรมาส ๑"), "q2": N_("ไตรมาส ๒"), "q3": N_("ไตรมาส ๓"), "q4": N_("ไตรมาส ๔"),
    "h1": N_("รอบ ๖ เดือน"), "y": N_("รอบ ๑๒ เดือน"),
}
DUE_AFTER_DAYS = ROUND_DUE_DAYS  # the installation's setting may change it (domain/fiscal.py)


class RoundError(TratError):
    """A round or a date that cannot be used; the message is Thai."""


class Round(NamedTuple):
    """One reporting round of a fiscal year (พ.ศ.)."""

    fiscal_year: int
    id: str
    start: dt.date
    end: dt.date
    due: dt.date

    @property
    def name(self) -> str:
        """The round's Thai name, as reports and exchange files carry it (the screen: :meth:`title`)."""
        return ROUND_NAMES[self.id]

    def title(self, language: str = "th") -> str:
        """The round's name in *language* ('ไตรมาส ๑', 'Quarter 1')."""
        return round_name(self.id, language)

    def quarters(self) -> tuple[int, ...]:
        """The fiscal quarters whose values this round reports: those that begin inside its period."""
        return tuple(q for q in (1, 2, 3, 4)
                     if self.start <= quarter_bounds(self.fiscal_year, q)[0] <= self.end)

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "fiscal_year": self.fiscal_year,
                "from": self.start.isoformat(), "to": self.end.isoformat(), "due": self.due.isoformat(),
                "quarters": list(self.quarters())}


def round_name(round_id: str, language: str = "th") -> str:
    """A round's name in *language* (Thai by default: reports)."""
    return translator(language)(ROUND_NAMES[round_id])


def _shown(item: Round) -> str:
    """A round's name for a refusal, in the language of the screen or command line."""
    return item.title(language())


def _date(day: dt.date, short: bool = True) -> str:
    return be_date_text(day, language() == "th", short=short, language=language())


def check_round_id(round_id: str) -> str:
    key = str(round_id).strip().lower()
    if key not in ROUND_IDS:
        raise RoundError(_("ไม่มีรอบรายงาน “{round_id}” (ใช้ได้: {ids})").format(round_id=round_id,
                                                                              ids=", ".join(ROUND_IDS)))
    return key


def default_round(fiscal_year: int, round_id: str, due_days: int = DUE_AFTER_DAYS) -> Round:
    round_id = check_round_id(round_id)
    if round_id.startswith("q"):
        start, end = quarter_bounds(fiscal_year, int(round_id[1]))
    elif round_id == "h1":
        start, end = quarter_bounds(fiscal_year, 1)[0], quarter_bounds(fiscal_year, 2)[1]
    else:
        start, end = quarter_bounds(fiscal_year, 1)[0], quarter_bounds(fiscal_year, 4)[1]
    return Round(fiscal_year, round_id, start, end, end + dt.timedelta(days=due_days))


def rounds_of_year(fiscal_year: int, overrides: Mapping[str, Mapping[str, dt.date]] | None = None,
                   due_days: int = DUE_AFTER_DAYS) -> list[Round]:
    """The year's rounds in order, the coordinator's dates (``{"y": {"end": …, "due": …}}``) over the defaults
    (a round's end + *due_days*, the installation's setting of domain/fiscal.py)."""
    found = []
    for round_id in ROUND_IDS:
        base = default_round(fiscal_year, round_id, due_days)
        change = dict((overrides or {}).get(round_id, {}))
        found.append(base._replace(**{k: v for k, v in change.items() if k in ("start", "end", "due")}))
    return found


def check_dates(item: Round) -> Round:
    """A round's dates must make sense and stay inside its fiscal year (due may fall after it)."""
    year_start, year_end = default_round(item.fiscal_year, "y").start, default_round(item.fiscal_year, "y").end
    if item.start > item.end:
        raise RoundError(_("{name}: วันเริ่มต้นต้องไม่อยู่หลังวันสิ้นสุด").format(name=_shown(item)))
    if item.start < year_start or item.end > year_end:
        raise RoundError(_("{name}: ช่วงเวลาต้องอยู่ในปีงบประมาณ พ.ศ. {year} ({start} – {end})").format(
            name=_shown(item), year=digits(str(item.fiscal_year), True), start=_date(year_start),
            end=_date(year_end)))
    if item.due < item.end:
        raise RoundError(_("{name}: วันครบกำหนดส่งต้องไม่ก่อนวันสิ้นสุดของรอบ").format(name=_shown(item)))
    if item.due > item.end + dt.timedelta(days=366):
        raise RoundError(_("{name}: วันครบกำหนดส่งห่างจากวันสิ้นสุดของรอบเกิน ๑ ปี").format(name=_shown(item)))
    if not item.quarters():
        raise RoundError(_("{name}: ช่วงเวลานี้ไม่ครอบคลุมไตรมาสใดเลย").format(name=_shown(item)))
    return item


def open_round(rounds: Iterable[Round], today: dt.date) -> Round | None:
    """The round an office is working towards today: the quarter round whose period has ended and whose
    due date has not passed, else the quarter now running; None outside the year's rounds."""
    quarter_rounds = [r for r in rounds if r.id.startswith("q")]
    due_now = [r for r in quarter_rounds if r.end < today <= r.due]
    if due_now:
        return due_now[0]
    running = [r for r in quarter_rounds if r.start <= today <= r.end]
    return running[0] if running else None


def be_date_text(day: dt.date, thai_digits: bool = True, short: bool = True, language: str = "th") -> str:
    """'๑๕ เม.ย. ๒๕๖๙' (short) or '๑๕ เมษายน ๒๕๖๙'; English screen: '15 Apr 2569 BE' (domain/thai.py)."""
    return format_be_date(day, thai_digits, language, "abbreviated" if short else "wide")  # CLDR months


def due_text(item: Round, today: dt.date, thai_digits: bool = True, language: str = "th") -> str:
    """'ครบกำหนดส่ง ๑๕ เม.ย. ๒๕๖๙ อีก ๓ วัน' / '… วันนี้' / '… เลยกำหนดมาแล้ว ๒ วัน'."""
    tr, left = translator(language), (item.due - today).days
    due = be_date_text(item.due, thai_digits, language=language)
    if left > 0:
        text = tr(N_("ครบกำหนดส่ง {due} อีก {days} วัน")).format(due=due, days=left)
    elif left == 0:
        text = tr(N_("ครบกำหนดส่ง {due} วันนี้")).format(due=due)
    else:
        text = tr(N_("ครบกำหนดส่ง {due} เลยกำหนดมาแล้ว {days} วัน")).format(due=due, days=-left)
    return digits(text, thai_digits)


_BE_TEXT = re.compile(r"^(\d{1,2})\s*([^\d\s]+?)\s*(\d{2,4})$")
_SLASHED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$")


def _year_ce(text: str) -> int:
    year = int(text)
    if year < 100:  # '๖๙' -> 2569
        year += 2500
    return year - BE_OFFSET if year > 2400 else year


def _calendar_date(year: int, month: int, day: int, text: str) -> dt.date:
    """The date, or a refusal that says the date is not in the calendar ("31 ก.พ.": February has 28 or 29
    days), which a user corrects more easily than "unreadable"."""
    import calendar

    if 1 <= month <= 12 and 1 <= year <= 9999:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise RoundError(_("ไม่มีวันที่ “{text}” ในปฏิทิน: เดือน{month} {year} มี {days} วัน").format(
                text=text, month=months("wide", "th" if language() == "th" else "en")[month - 1],
                year=shown_digits(year + BE_OFFSET), days=shown_digits(last)))
    return dt.date(year, month, day)


def parse_date(text: str) -> dt.date:
    """A date as people type it: ISO '2026-04-15', '15/4/2569', '๑๕ เม.ย. ๒๕๖๙', '15 เมษายน 2569', '15 Apr 2569 BE'.

    Years above 2400 are Buddhist era; two-digit years are BE (๖๙ = ๒๕๖๙)."""
    cleaned = " ".join(to_arabic_digits(str(text)).split())
    cleaned = re.sub(r"\s*B\.?\s?E\.?$", "", cleaned, flags=re.IGNORECASE)  # '15 Apr 2569 BE' (English screen)
    try:
        if re.match(r"^\d{4}-\d{2}-\d{2}$", cleaned):
            day = dt.date.fromisoformat(cleaned)
            return day.replace(year=day.year - BE_OFFSET) if day.year > 2400 else day
        slashed = _SLASHED.match(cleaned)
        if slashed:
            return _calendar_date(_year_ce(slashed.group(3)), int(slashed.group(2)), int(slashed.group(1)), text)
        named = _BE_TEXT.match(cleaned)
        if named:
            month_text = named.group(2).replace(" ", "")
            names: dict[str, int] = {}
            for locale in ("th", "en"):  # Thai, and the English of an English screen ('15 Apr 2569 BE')
                for width in ("wide", "abbreviated"):
                    names |= {m.lower(): i + 1 for i, m in enumerate(months(width, locale))}
                    names |= {m.lower().replace(".", ""): i + 1 for i, m in enumerate(months(width, locale))}
            if month_text.lower() in names:
                return _calendar_date(_year_ce(named.group(3)), names[month_text.lower()], int(named.group(1)),
                                      text)
    except ValueError:
        pass
    raise RoundError(_("อ่านวันที่ “{text}” ไม่ได้ (ใช้รูปแบบ เช่น ๑๕ เม.ย. ๒๕๖๙, 15/4/2569 หรือ 2026-04-15)").format(
        text=text))


# -- timeliness -----------------------------------------------------------------------------------
Timeliness = Literal["on_time", "late", "missing", "not_due"]
TIMELINESS_TEXT = {"on_time": N_("ส่งตรงเวลา"), "late": N_("ส่งล่าช้า"), "missing": N_("ยังไม่ส่ง"),
                   "not_due": N_("ยังไม่ถึงกำหนด")}


class Punctuality(NamedTuple):
    """An office's timeliness for one round: the state and how many days late (0 when not late)."""

    state: Timeliness
    days_late: int = 0

    def text(self, thai_digits: bool = True, language: str = "th") -> str:
        tr = translator(language)
        if self.state == "late":
            return digits(tr(N_("ส่งล่าช้า {days} วัน")).format(days=self.days_late), thai_digits)
        return tr(TIMELINESS_TEXT[self.state])


def submitted_day(file_signed_at: str, signoff_at: str = "") -> dt.date | None:
    """The day an office submitted a round, for timeliness: the signed time of the final export that carried
    its sign-off (the manifest's ``exported_at``, covered by the file's signature), else the sign-off's own
    recorded time (also inside the signed file). Never the sign-off date the office typed: that may be any
    day of the round, so a late office could otherwise make itself "on time". The day is the office's own
    (the time's written offset). None when neither time can be read."""
    for stamp in (file_signed_at, signoff_at):
        try:
            return dt.datetime.fromisoformat(str(stamp)).date()
        except ValueError:
            continue
    return None


def punctuality(item: Round, submitted_on: dt.date | None, today: dt.date) -> Punctuality:
    """On time / late by N days / missing / not yet due; *submitted_on* is the final export's signed date
    (:func:`submitted_day`), not the typed sign-off date."""
    if submitted_on is not None:
        late = (submitted_on - item.due).days
        return Punctuality("late", late) if late > 0 else Punctuality("on_time")
    if today > item.due:
        return Punctuality("missing", (today - item.due).days)
    return Punctuality("not_due")



# -- sign-off and lock ----------------------------------------------------------------------------
def locked_quarters(rounds: Iterable[Round], states: Mapping[str, str]) -> dict[int, Round]:
    """The quarters an office may not change: those of every round it has signed off (state
    ``submitted``) and not withdrawn or had unlocked; quarter -> the round that locks it."""
    locked: dict[int, Round] = {}
    for item in rounds:
        if states.get(item.id) == "submitted":
            for quarter in item.quarters():
                locked.setdefault(quarter, item)
    return locked


CHANGED_AFTER_SIGNOFF = N_("แก้ไขหลังลงนาม")


def check_signed_on(item: Round, day: dt.date, today: dt.date) -> dt.date:
    """The head of office's date of signing: not after today, not before the round begins."""
    if day > today:
        raise RoundError(_("วันที่ลงนาม ({day}) ต้องไม่อยู่หลังวันนี้ ({today})").format(day=_date(day),
                                                                                    today=_date(today)))
    if day < item.start:
        raise RoundError(_("วันที่ลงนาม ({day}) ต้องไม่ก่อนวันเริ่มต้นของ{name} ({start})").format(
            day=_date(day), name=_shown(item), start=_date(item.start)))
    return day


def signoff_times(rounds: Iterable[Round], signed_at: Mapping[str, str]) -> dict[int, str]:
    """Quarter -> the time of the latest sign-off (round id -> its time) of a round that covers it."""
    found: dict[int, str] = {}
    for item in rounds:
        at = signed_at.get(item.id, "")
        for quarter in item.quarters() if at else ():
            found[quarter] = max(found.get(quarter, ""), at)
    return found


def changed_after_signoff(quarter: int, updated_at: str, signed: Mapping[int, str]) -> bool:
    """Whether a value of *quarter* saved at *updated_at* was changed after that quarter's last sign-off."""
    at = signed.get(quarter, "")
    return bool(at and updated_at and updated_at > at)


def lock_message(item: Round, quarter: int) -> str:
    """The refusal of a change to a signed-off quarter (in the language of the screen or command line)."""
    return _("ไตรมาส {quarter} อยู่ใน{name}ที่ลงนามส่งรายงานแล้ว จึงแก้ไขไม่ได้ หากต้องการแก้ไข "
             "ให้ถอนการส่งรายงาน{name}ก่อน (หรือขอให้ศูนย์ฯ ปลดล็อกหากศูนย์ฯ รับรายงานแล้ว)").format(
        quarter=digits(str(quarter), True), name=_shown(item))


class DueCell(NamedTuple):
    """One row × quarter an office owes for a round, and what it recorded there (None: nothing)."""

    label: str
    quarter: int
    achieved: float | None
    status: str
    reason: str


def missing_for_round(cells: Iterable[DueCell]) -> list[DueCell]:
    """What still blocks a sign-off: a due cell needs a value, or a status other than ยังไม่เริ่ม with a reason."""
    return [c for c in cells if c.achieved is None and not (c.status != "not_started" and c.reason.strip())]


# -- the coordinator's view of an office's round ----------------------------------------------------
REVIEW_STATES = ("not_received", "received", "checked", "returned", "accepted", "unlocked")
#: the coordinator's review states in Thai (reports, exchange); the screen shows ``_(REVIEW_TEXT[state])``
REVIEW_TEXT = {"not_received": N_("ยังไม่ได้รับ"), "received": N_("ได้รับแล้ว"), "checked": N_("ตรวจแล้ว"),
               "returned": N_("ส่งคืนเพื่อแก้ไข"), "accepted": N_("รับรายงานแล้ว"), "unlocked": N_("ปลดล็อกให้แก้ไข")}


def reminder_text(office_name: str, item: Round, state: str, today: dt.date, owed: int = 0,
                  comments: Iterable[str] = (), sender: str = "ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราด") -> str:
    """A ready Thai message to paste into LINE or e-mail for an office that is missing or was returned."""
    lines = [f"เรียน {office_name}"]
    if state == "returned":
        lines.append(f"{sender}ได้ตรวจรายงานผลการดำเนินงานตามแผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม "
                     f"{item.name} ปีงบประมาณ พ.ศ. {digits(str(item.fiscal_year), True)} แล้ว "
                     "ขอส่งคืนเพื่อแก้ไขตามความเห็นดังนี้")
        lines.extend(f"- {c}" for c in comments)
        lines.append(f"และขอความกรุณาส่งไฟล์รายงานฉบับแก้ไขภายใน {be_date_text(max(item.due, today), short=False)}")
    else:
        late = (today - item.due).days
        status = (f"ซึ่งครบกำหนดส่งเมื่อ {be_date_text(item.due, short=False)} (เลยกำหนดมาแล้ว "
                  f"{digits(str(late), True)} วัน)" if late > 0 else f"ซึ่งครบกำหนดส่ง {be_date_text(item.due, short=False)}")
        lines.append(f"{sender}ยังไม่ได้รับไฟล์รายงานผลการดำเนินงานตามแผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม "
                     f"{item.name} ปีงบประมาณ พ.ศ. {digits(str(item.fiscal_year), True)} {status}")
        if owed:
            lines.append(f"ยังขาดผลการดำเนินงาน {digits(str(owed), True)} รายการ")
        lines.append("ขอความกรุณาบันทึกผล ลงนามส่งรายงานรอบนี้ในโปรแกรม Trat Desktop และส่งไฟล์ .trat "
                     "ทาง LINE หรืออีเมลของศูนย์ฯ")
    lines.append("ขอบคุณครับ/ค่ะ")
    return "\n".join(lines)
