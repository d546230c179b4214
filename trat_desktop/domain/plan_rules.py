"""What a plan edit may set: one place for the rules of each field."""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..errors import TratError
from ..i18n import _
from .model import BudgetValue, Plan, PlanWarning, Strategy
from .text import clean_text
from .thai import to_arabic_digits, to_thai_digits

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
#: "1.5" (tactic.activity); other provinces' documents of the same form also number "1.1.1"
_CODE = re.compile(r"^\d+(?:\.\d+){1,3}$")


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
            number = float(to_arabic_digits(str(value)).replace(",", "").strip().removesuffix("%").strip())
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


# -- codes unique within their parent ------------------------------------------------
# A strategy's number is unique in its plan, a tactic's number in its strategy, and an activity's code in
# its strategy (row ids read "strategy/code/n"; the code "1.5" names tactic 1, activity 5). The schema
# enforces the same (migration 0007); these give the editor its Thai message first.

def _strategy_of(plan: Plan, uid: str) -> Strategy | None:
    for strategy in plan.strategies:
        if strategy.uid == uid or any(t.uid == uid or any(a.uid == uid for a in t.activities)
                                      for t in strategy.tactics):
            return strategy
    return None


def check_unique(plan: Plan, entity: str, parent_uid: str, value: Any, uid: str = "") -> None:
    """Refuse (PlanEditError, Thai) a number or code that a sibling under *parent_uid* already has.

    *uid* is the part being changed ('' for a new one); *parent_uid* is the fiscal year for a strategy,
    the strategy for a tactic, the tactic for an activity."""
    if entity == "strategy":
        if any(s.number == value and s.uid != uid for s in plan.strategies):
            raise PlanEditError(f"ยุทธศาสตร์ที่ {to_thai_digits(str(value))} มีอยู่แล้วในแผนนี้")
    elif entity == "tactic":
        strategy = next((s for s in plan.strategies if s.uid == parent_uid), None)
        if strategy and any(t.number == value and t.uid != uid for t in strategy.tactics):
            raise PlanEditError(f"กลยุทธ์ที่ {to_thai_digits(str(value))} มีอยู่แล้วในยุทธศาสตร์นี้")
    elif entity == "activity":
        strategy = _strategy_of(plan, parent_uid)
        if strategy and any(a.code == value and a.uid != uid for t in strategy.tactics for a in t.activities):
            raise PlanEditError(f"รหัสกิจกรรม {to_thai_digits(str(value))} มีอยู่แล้วในยุทธศาสตร์นี้ "
                                f"(ยุทธศาสตร์ที่ {to_thai_digits(str(strategy.number))})")


def next_number(numbers: Iterable[int]) -> int:
    """The number a new strategy or tactic gets: one after the highest."""
    return max(numbers, default=0) + 1


def next_code(plan: Plan, tactic_uid: str) -> str:
    """The code a new activity of a tactic gets: "<tactic>.<n>" with n one after the highest of the
    tactic's codes, and free in the whole strategy."""
    strategy = _strategy_of(plan, tactic_uid)
    tactic = next((t for t in strategy.tactics if t.uid == tactic_uid), None) if strategy else None
    prefix = tactic.number if tactic else 1
    taken = {a.code for t in strategy.tactics for a in t.activities} if strategy else set()
    suffixes = [int(m.group(2)) for a in (tactic.activities if tactic else [])
                if (m := re.match(r"^(\d+)\.(\d+)$", a.code))]
    n = max(suffixes, default=0) + 1
    while f"{prefix}.{n}" in taken:
        n += 1
    return f"{prefix}.{n}"


def repair_duplicates(plan: Plan) -> list[PlanWarning]:
    """Make a plan's numbers and codes unique the way migration 0007 repairs a database: the first by
    position keeps its own; a repeated tactic number becomes the next after the strategy's highest; a
    repeated activity code gets "-2", "-3", ... Each repair is a Thai warning."""
    warnings: list[PlanWarning] = []
    for strategy in plan.strategies:
        seen: set[int] = set()
        highest = max((t.number for t in strategy.tactics), default=0)
        for tactic in strategy.tactics:
            if tactic.number in seen:
                highest += 1
                warnings.append(PlanWarning("duplicate_tactic", _(
                    "ยุทธศาสตร์ที่ {number}: กลยุทธ์ที่ {tactic} ซ้ำ จึงเปลี่ยนเป็นกลยุทธ์ที่ {highest}").format(
                    number=strategy.number, tactic=tactic.number, highest=highest)))
                tactic.number = highest
            seen.add(tactic.number)
        counts: dict[str, int] = {}
        for tactic in strategy.tactics:
            for activity in tactic.activities:
                counts[activity.code] = counts.get(activity.code, 0) + 1
                if counts[activity.code] > 1:
                    new = f"{activity.code}-{counts[activity.code]}"
                    warnings.append(PlanWarning("duplicate_code", _(
                        "ยุทธศาสตร์ที่ {number}: รหัสกิจกรรม {code} ซ้ำ จึงเปลี่ยนเป็น {new} (แก้ไขได้ในหน้าแก้ไขแผน)").format(
                        number=strategy.number, code=activity.code, new=new)))
                    activity.code = new
    return warnings
