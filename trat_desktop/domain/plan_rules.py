"""What a plan edit may set: one place for the rules of each field."""

from __future__ import annotations

import re
from typing import Any

from ..errors import TratError
from .model import BudgetValue
from .text import clean_text
from .thai import to_arabic_digits

MAX_TEXT = 4000
ENTITIES = ("strategy", "tactic", "activity", "indicator")
ENTITY_TEXT = {"strategy": "ยุทธศาสตร์", "tactic": "กลยุทธ์", "activity": "แผนงาน/โครงการ/กิจกรรม",
               "indicator": "ตัวชี้วัด"}
EDITABLE: dict[str, tuple[str, ...]] = {
    "strategy": ("number", "title", "goal"),
    "tactic": ("number", "title"),
    "activity": ("code", "title"),
    "indicator": ("unit", "target", "indicator", "expected_result", "quarter_from", "quarter_to"),
}
_CODE = re.compile(r"^\d+\.\d+$")


class PlanEditError(TratError):
    """An edit that would make the plan wrong; the message says why, in Thai."""


MAX_TARGET = 1e12
MAX_BUDGET_BAHT = 1e11


def _text(value: Any, what: str, required: bool) -> str:
    text = clean_text(value)
    if required and not text:
        raise PlanEditError(f"ต้องระบุ{what}")
    if len(text) > MAX_TEXT:
        raise PlanEditError(f"{what}ยาวเกิน {MAX_TEXT:,} ตัวอักษร")
    return text


def _int(value: Any, what: str, low: int, high: int) -> int:
    try:
        number = int(to_arabic_digits(str(value)).strip())
    except ValueError:
        raise PlanEditError(f"{what} “{value}” ต้องเป็นจำนวนเต็ม") from None
    if not low <= number <= high:
        raise PlanEditError(f"{what}ต้องอยู่ระหว่าง {low} ถึง {high}")
    return number


def clean_field(entity: str, field: str, value: Any) -> Any:
    """The stored form of one field's new value, or PlanEditError in Thai."""
    if entity not in EDITABLE or field not in EDITABLE[entity]:
        raise PlanEditError(f"แก้ไข “{field}” ของ{ENTITY_TEXT.get(entity, entity)}ไม่ได้")
    if field == "number":
        return _int(value, "ลำดับ", 1, 999)
    if field == "code":
        code = to_arabic_digits(str(value)).replace(" ", "")
        if not _CODE.match(code):
            raise PlanEditError(f"รหัสกิจกรรม “{value}” ต้องเป็นรูปแบบ เช่น ๑.๕")
        return code
    if field in ("quarter_from", "quarter_to"):
        return _int(value, "ไตรมาส", 1, 4)
    if field == "target":
        if value is None or str(value).strip() == "":
            return None
        try:
            number = float(to_arabic_digits(str(value)).replace(",", "").strip())
        except ValueError:
            raise PlanEditError(f"เป้าหมาย “{value}” ต้องเป็นตัวเลข") from None
        return check_target(number)
    required = field in ("title", "unit")
    names = {"title": "ชื่อ", "goal": "เป้าหมาย", "unit": "หน่วยนับ", "indicator": "ตัวชี้วัด",
             "expected_result": "ผลที่คาดว่าจะได้รับ"}
    return _text(value, names[field], required)


def check_target(number: float) -> float:
    """A row's target: a finite number from 0 up to 10^12 (plan edits and plan packages)."""
    if not 0 <= number <= MAX_TARGET:  # also false for NaN
        raise PlanEditError("เป้าหมายต้องเป็นตัวเลขตั้งแต่ ๐ ขึ้นไป")
    return float(number)


def check_budget_satang(satang: int) -> int:
    """A budget line's amount in satang: 0 up to 100,000 million baht (plan edits and plan packages)."""
    if not 0 <= satang <= MAX_BUDGET_BAHT * 100:
        raise PlanEditError("งบประมาณต้องเป็นจำนวนเงินตั้งแต่ ๐ บาทขึ้นไป และไม่เกินแสนล้านบาท")
    return satang


def check_period(quarter_from: int, quarter_to: int) -> None:
    if quarter_from > quarter_to:
        raise PlanEditError("ไตรมาสเริ่มต้องไม่อยู่หลังไตรมาสสิ้นสุด")


def clean_budget(kind: str, amount_baht: Any = None) -> BudgetValue:
    """A budget line's value: an amount in baht, or ไม่ใช้งบประมาณ / n/a / -."""
    if kind in ("none", "na", "dash"):
        return BudgetValue(kind)  # type: ignore[arg-type]
    if kind != "amount":
        raise PlanEditError(f"ชนิดงบประมาณ “{kind}” ไม่ถูกต้อง")
    try:
        amount = float(to_arabic_digits(str(amount_baht)).replace(",", "").strip())
    except ValueError:
        raise PlanEditError(f"งบประมาณ “{amount_baht}” ต้องเป็นตัวเลข") from None
    if amount < 0 or amount != amount or amount > MAX_BUDGET_BAHT:
        raise PlanEditError("งบประมาณต้องเป็นจำนวนเงินตั้งแต่ ๐ บาทขึ้นไป")
    if round(amount * 100) != round(amount * 100, 6):
        raise PlanEditError("งบประมาณมีทศนิยมได้ไม่เกิน ๒ ตำแหน่ง")
    return BudgetValue.baht(amount)
