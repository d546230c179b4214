"""Quarterly progress: statuses, the value rules per unit, and what an entry holds.

Every rule about what may be entered lives here, once; the CLI, the GUI and the
importers all call :func:`validate_entry`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import TratError
from ..i18n import N_, _, language
from .display import number_text, period_text
from .model import IndicatorRow
from .thai import format_baht, shown_digits, to_arabic_digits

STATUSES: dict[str, str] = {
    "not_started": "ยังไม่เริ่ม",
    "in_progress": "กำลังดำเนินการ",
    "done": "ดำเนินการแล้ว",
    "cancelled": "ยกเลิก",
}
_STATUS_BY_TEXT = {**{v: k for k, v in STATUSES.items()}, **{k: k for k in STATUSES}}

PERCENT_UNITS = {"ร้อยละ", "%", "เปอร์เซ็นต์"}
LEVEL_UNITS = {"ระดับ"}
MAX_NOTE = 4000
MAX_COUNT = 1_000_000_000
MAX_SPENT_BAHT = 10_000_000_000
MAX_SPENT_SATANG = MAX_SPENT_BAHT * 100
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")

# One Thai name per field of an entry: every message about a field uses it, never the key.
FIELD_NAMES: dict[str, str] = {
    "indicator_uid": N_("รหัสตัวชี้วัด"), "agency_uid": N_("รหัสหน่วยงาน"), "quarter": N_("ไตรมาส"),
    "achieved": N_("ผลการดำเนินงาน"), "spent_satang": N_("งบประมาณที่ใช้"), "status": N_("สถานะ"),
    "note": N_("รายละเอียดผลการดำเนินงาน"), "problems": N_("ปัญหาอุปสรรค"), "suggestions": N_("ข้อเสนอแนะ/แนวทางแก้ไข"),
    "reporter": N_("ผู้รายงาน"), "updated_at": N_("เวลาที่แก้ไข"), "revision": N_("ครั้งที่แก้ไข"),
}


class ValidationError(TratError):
    """A value that may not be saved; the message says why, in Thai."""


def check_still_stored(stored_revision: int, expected_revision: int) -> None:
    """An undo or redo writes a value back only over the revision it left behind: if the entry was
    changed since (another window, the command line, an import), the newer value stays and the
    undo is refused (StaleEditError) instead of overwriting it."""
    from ..errors import StaleEditError

    if stored_revision != expected_revision:
        raise StaleEditError(
            _("ย้อนกลับไม่ได้ เพราะค่านี้ถูกแก้ไขจากที่อื่นหลังจากนั้นแล้ว (ครั้งที่ {stored} "
              "ใหม่กว่าครั้งที่ {expected} ที่หน้าต่างนี้บันทึกไว้ เช่น จากหน้าต่างอื่น คำสั่ง หรือการนำเข้าไฟล์) "
              "ค่าที่บันทึกไว้ล่าสุดไม่เปลี่ยนแปลง").format(stored=stored_revision, expected=expected_revision))


class ProgressEntry(NamedTuple):
    """What one office reports for one indicator row in one quarter."""

    indicator_uid: str
    agency_uid: str
    quarter: int
    achieved: float | None = None
    spent_satang: int | None = None
    status: str = "not_started"
    note: str = ""
    reporter: str = ""
    updated_at: str = ""
    revision: int = 0
    #: narratives beside ``note`` (ผลการดำเนินงาน: what was done, when, where, how many took part)
    problems: str = ""       # ปัญหาอุปสรรค
    suggestions: str = ""    # ข้อเสนอแนะ/แนวทางแก้ไข

    def with_changes(self, **changes: object) -> "ProgressEntry":
        return self._replace(**changes)  # type: ignore[arg-type]

    def is_blank(self) -> bool:
        return (self.achieved is None and self.spent_satang is None and self.status == "not_started"
                and not self.note and not self.problems and not self.suggestions)


@dataclass
class EntryCheck:
    """The outcome of validating an entry: the clean entry plus warnings that do not block saving."""

    entry: ProgressEntry
    warnings: list[str] = field(default_factory=list)


def parse_number(text: str, what: str) -> float | None:
    """'๘๐', '1,250', ' 3.5 ' -> float; '' -> None; anything else -> ValidationError."""
    cleaned = to_arabic_digits(str(text)).replace(",", "").replace(" ", "").strip()
    if cleaned == "":
        return None
    if not _NUMBER.match(cleaned):
        raise ValidationError(_("{what} “{text}” ไม่ใช่ตัวเลข").format(what=_(what), text=text))
    value = float(cleaned)
    if math.isnan(value) or math.isinf(value):
        raise ValidationError(_("{what} “{text}” ไม่ใช่ตัวเลข").format(what=_(what), text=text))
    return value


_PERCENT_SIGNS = ("%", "\uff05", "เปอร์เซ็นต์")  # % and the full-width ％ a Thai keyboard or LINE may give


def parse_achieved(text: str, unit: str) -> float | None:
    """A result as typed for a row of *unit*: as :func:`parse_number`, and for a ร้อยละ row a share may be
    typed as it is said, "๙๐%", "90 %", "ร้อยละ ๙๐" (the sign or word is the unit's own). A sign on a row
    of another unit is refused, naming the unit (90% of ครั้ง means nothing)."""
    cleaned = str(text).strip()
    bare = cleaned
    for sign in _PERCENT_SIGNS:
        if bare.endswith(sign):
            bare = bare[: -len(sign)].strip()
            break
    if bare.startswith("ร้อยละ"):
        bare = bare[len("ร้อยละ"):].strip()
    if bare != cleaned and bare:
        if unit.strip() not in PERCENT_UNITS:
            raise ValidationError(_("ผลการดำเนินงาน “{text}” เป็นร้อยละ แต่หน่วยของตัวชี้วัดนี้คือ “{unit}”: "
                                    "กรอกเป็นตัวเลขของหน่วยนั้น").format(text=text, unit=unit.strip() or _("จำนวน")))
        return parse_number(bare, N_("ผลการดำเนินงาน"))
    return parse_number(text, N_("ผลการดำเนินงาน"))


def parse_status(text: str) -> str:
    """A status from its Thai name or its key."""
    key = _STATUS_BY_TEXT.get(str(text).strip())
    if key is None:
        raise ValidationError(_("สถานะ “{text}” ไม่ถูกต้อง ต้องเป็น: {statuses}").format(
            text=text, statuses=" / ".join(STATUSES.values())))
    return key


def entered_text(value: float) -> str:
    """A value as the user entered it, for a message: never rounded ('-๐' for -0.001, '๑๐๐' for 100.000001)."""
    if abs(value) >= 1e15:
        return shown_digits(f"{value:.12g}")
    shown = number_text(value)
    if float(to_arabic_digits(shown).replace(",", "")) == value:
        return shown_digits(shown)
    return shown_digits(f"{value:.12g}")


def check_achieved(unit: str, value: float | None) -> None:
    """The value rule of a unit: ร้อยละ 0-100, ระดับ 1-5 (whole), counts whole numbers >= 0."""
    if value is None:
        return
    value = float(value)
    unit = unit.strip()
    if unit in PERCENT_UNITS:
        if not 0 <= value <= 100:
            raise ValidationError(_("ผลการดำเนินงานหน่วย “ร้อยละ” ต้องอยู่ระหว่าง ๐ ถึง ๑๐๐ (กรอก {value})").format(
                value=entered_text(value)))
    elif unit in LEVEL_UNITS:
        if not value.is_integer() or not 1 <= value <= 5:
            raise ValidationError(_("ผลการดำเนินงานหน่วย “ระดับ” ต้องเป็นจำนวนเต็ม ๑ ถึง ๕ (กรอก {value})").format(
                value=entered_text(value)))
    else:
        if value < 0 or not value.is_integer():
            raise ValidationError(_("ผลการดำเนินงานหน่วย “{unit}” ต้องเป็นจำนวนเต็มตั้งแต่ ๐ ขึ้นไป (กรอก {value})").format(
                unit=unit or _("จำนวน"), value=entered_text(value)))
        if value > MAX_COUNT:
            raise ValidationError(_("ผลการดำเนินงานมากเกินกว่าที่เป็นไปได้"))


def parse_spent(text: str) -> int | None:
    """Budget spent in baht (Thai or Arabic digits, up to 2 decimals) -> satang."""
    value = parse_number(text, N_("งบประมาณที่ใช้"))
    if value is None:
        return None
    if round(value * 100) != round(value * 100, 6):
        raise ValidationError(_("งบประมาณที่ใช้มีทศนิยมได้ไม่เกิน ๒ ตำแหน่ง (สตางค์)"))
    satang = int(round(value * 100))
    check_spent(satang)
    return satang


def check_spent(satang: int | None) -> None:
    """The range of money spent in one quarter, in satang: 0 to 10,000 million baht (entry and import)."""
    if satang is None:
        return
    if satang < 0:
        raise ValidationError(_("งบประมาณที่ใช้ต้องไม่ติดลบ"))
    if satang > MAX_SPENT_SATANG:
        raise ValidationError(_("งบประมาณที่ใช้มากเกินกว่าที่เป็นไปได้ (ไม่เกิน {limit} บาท)").format(
            limit=shown_digits(format_baht(MAX_SPENT_BAHT))))


def allocated_satang(row: IndicatorRow, agency_name: str) -> int | None:
    """The budget an agency has on a row: its own line, else a shared line; None if no amount."""
    own = [line for line in row.budget_lines if line.agency == agency_name and line.value.kind == "amount"]
    shared = [line for line in row.budget_lines if line.agency is None and line.value.kind == "amount"]
    lines = own or shared
    if not lines:
        return None
    return sum(line.value.satang or 0 for line in lines)


def validate_entry(row: IndicatorRow, agency_name: str, entry: ProgressEntry,
                   spent_other_quarters: int = 0) -> EntryCheck:
    """Check an entry against its row; raises ValidationError, or returns warnings that do not block."""
    if entry.quarter not in row.quarters():
        raise ValidationError(_("ไตรมาส {quarter} อยู่นอกระยะเวลาดำเนินการของตัวชี้วัดนี้ ({period})").format(
            quarter=shown_digits(entry.quarter),
            period=period_text(row.quarter_from, row.quarter_to, language() == "th", language=language())))
    if agency_name not in row.agencies:
        raise ValidationError(_("“{agency}” ไม่ได้เป็นผู้รับผิดชอบตัวชี้วัดนี้").format(agency=agency_name))
    check_achieved(row.unit, entry.achieved)
    if entry.status not in STATUSES:
        raise ValidationError(_("สถานะ “{status}” ไม่ถูกต้อง").format(status=entry.status))
    for name in ("note", "problems", "suggestions"):
        if len(getattr(entry, name)) > MAX_NOTE:
            raise ValidationError(_("{field}ยาวเกิน {limit} ตัวอักษร").format(field=_(FIELD_NAMES[name]),
                                                                             limit=f"{MAX_NOTE:,}"))
    check_spent(entry.spent_satang)
    warnings: list[str] = []
    allocated = allocated_satang(row, agency_name)
    total_spent = spent_other_quarters + (entry.spent_satang or 0)
    if entry.spent_satang:
        if allocated is None:
            warnings.append(_("ตัวชี้วัดนี้ไม่มีงบประมาณที่จัดสรรไว้ แต่มีการบันทึกงบประมาณที่ใช้"))
        elif total_spent > allocated:
            warnings.append(_("งบประมาณที่ใช้รวมทุกไตรมาส {spent} บาท เกินงบประมาณที่ได้รับ {allocated} บาท").format(
                spent=format_baht(total_spent / 100, True), allocated=format_baht(allocated / 100, True)))
    return EntryCheck(entry, warnings)


def achieved_to_date(unit: str, entries: dict[int, ProgressEntry]) -> float | None:
    """What a row has achieved so far: counts add up over the quarters; ร้อยละ and ระดับ
    are the latest quarter's value (a share or a level is not summed)."""
    values = [(q, e.achieved) for q, e in sorted(entries.items()) if e.achieved is not None]
    if not values:
        return None
    if unit.strip() in PERCENT_UNITS or unit.strip() in LEVEL_UNITS:
        return values[-1][1]
    return sum(v for _q, v in values)


def is_reported(entry: ProgressEntry | None) -> bool:
    """An office has reported a quarter when it entered a value, a spending, a note or a status."""
    return entry is not None and not entry.is_blank()
