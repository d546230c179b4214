"""What a plan edit may set: one place for the rules of each field."""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..errors import TratError
from ..i18n import N_, pgettext
from ..i18n import keyed as _  # repair_duplicates' warnings are stored and shown again (i18n.remake)
from .model import BudgetValue, Plan, PlanWarning, Strategy
from .text import clean_text
from .thai import shown_digits, to_arabic_digits  # (domain/thai's: plan_cells, the plan reader, is not needed at start)

MAX_TEXT = 4000
ENTITIES = ("strategy", "tactic", "activity", "indicator")
#: a part's name as data (Thai); the screen shows :func:`entity_text`
ENTITY_TEXT = {"strategy": N_("ยุทธศาสตร์"), "tactic": N_("กลยุทธ์"), "activity": N_("แผนงาน/โครงการ/กิจกรรม"),
               "indicator": N_("ตัวชี้วัด")}
EDITABLE: dict[str, tuple[str, ...]] = {
    "strategy": ("number", "title", "goal"),
    "tactic": ("number", "title"),
    "activity": ("code", "title"),
    "indicator": ("unit", "target", "indicator", "expected_result", "quarter_from", "quarter_to"),
}
#: "1.5" (tactic.activity); other provinces' documents of the same form also number "1.1.1"
_CODE = re.compile(r"^\d+(?:\.\d+){1,3}$")


class PlanEditError(TratError):
    """An edit that would make the plan wrong; the message says why, in the screen's language (made at
    raise time through the catalog)."""


def entity_text(entity: str) -> str:
    """A part's name inside a sentence shown on screen ("Cannot edit … of the activity"): the screen's
    language, lower case in English (``pgettext("part", …)``; the same Thai words are headings elsewhere)."""
    words = {"strategy": pgettext("part", "ยุทธศาสตร์"), "tactic": pgettext("part", "กลยุทธ์"),
             "activity": pgettext("part", "แผนงาน/โครงการ/กิจกรรม"), "indicator": pgettext("part", "ตัวชี้วัด")}
    return words.get(entity, entity)


def entity_heading(entity: str) -> str:
    """A part's kind as a cell or heading shown on screen ("Activity"; the trash's kind column)."""
    words = {"strategy": pgettext("kind", "ยุทธศาสตร์"), "tactic": pgettext("kind", "กลยุทธ์"),
             "activity": pgettext("kind", "แผนงาน/โครงการ/กิจกรรม"), "indicator": pgettext("kind", "ตัวชี้วัด")}
    return words.get(entity, entity)


def field_text(field: str) -> str:
    """A plan field's name inside a sentence shown on screen (the plan editor's refusals and undo texts)."""
    words = {"number": pgettext("field", "ลำดับ"), "title": pgettext("field", "ชื่อ"),
             "goal": pgettext("field", "เป้าประสงค์"), "code": pgettext("field", "รหัส"),
             "unit": pgettext("field", "หน่วยนับ"), "target": pgettext("field", "เป้าหมาย"),
             "indicator": pgettext("field", "ตัวชี้วัด"), "expected_result": pgettext("field", "ผลที่คาดว่าจะได้รับ"),
             "quarter_from": pgettext("field", "ไตรมาสเริ่ม"), "quarter_to": pgettext("field", "ไตรมาสสิ้นสุด"),
             "quarter": pgettext("field", "ไตรมาส")}
    return words.get(field, field)


MAX_TARGET = 1e12
MAX_BUDGET_BAHT = 1e11


def _text(value: Any, what: str, required: bool) -> str:
    text = clean_text(value)
    if required and not text:
        raise PlanEditError(pgettext("plan field", "ต้องระบุ{what}").format(what=what))
    if len(text) > MAX_TEXT:
        raise PlanEditError(_("{what}ยาวเกิน {limit} ตัวอักษร").format(what=what, limit=f"{MAX_TEXT:,}"))
    return text


def _int(value: Any, what: str, low: int, high: int) -> int:
    try:
        number = int(to_arabic_digits(str(value)).strip())
    except ValueError:
        raise PlanEditError(_("{what} “{value}” ต้องเป็นจำนวนเต็ม").format(what=what, value=value)) from None
    if not low <= number <= high:
        raise PlanEditError(_("{what}ต้องอยู่ระหว่าง {low} ถึง {high}").format(what=what, low=low, high=high))
    return number


def clean_field(entity: str, field: str, value: Any) -> Any:
    """The stored form of one field's new value, or PlanEditError (in the screen's language)."""
    if entity not in EDITABLE or field not in EDITABLE[entity]:
        raise PlanEditError(_("แก้ไข “{field}” ของ{part}ไม่ได้").format(field=field_text(field),
                                                                       part=entity_text(entity)))
    if field == "number":
        return _int(value, field_text("number"), 1, 999)
    if field == "code":
        code = to_arabic_digits(str(value)).replace(" ", "")
        if not _CODE.match(code):
            raise PlanEditError(_("รหัสกิจกรรม “{value}” ต้องเป็นรูปแบบ เช่น {example}").format(
                value=value, example=shown_digits("1.5")))
        return code
    if field in ("quarter_from", "quarter_to"):
        return _int(value, field_text("quarter"), 1, 4)
    if field == "target":
        if value is None or str(value).strip() == "":
            return None
        try:
            number = float(to_arabic_digits(str(value)).replace(",", "").strip().removesuffix("%").strip())
        except ValueError:
            raise PlanEditError(_("เป้าหมาย “{value}” ต้องเป็นตัวเลข").format(value=value)) from None
        return check_target(number)
    required = field in ("title", "unit")
    # a strategy's goal was called เป้าหมาย in these messages (the editor's column says เป้าประสงค์)
    what = pgettext("field", "เป้าหมาย") if field == "goal" else field_text(field)
    return _text(value, what, required)


def check_target(number: float) -> float:
    """A row's target: a finite number from 0 up to 10^12 (plan edits and plan packages)."""
    if not 0 <= number <= MAX_TARGET:  # also false for NaN
        raise PlanEditError(_("เป้าหมายต้องเป็นตัวเลขตั้งแต่ ๐ ขึ้นไป"))
    return float(number)


def check_budget_satang(satang: int) -> int:
    """A budget line's amount in satang: 0 up to 100,000 million baht (plan edits and plan packages)."""
    if not 0 <= satang <= MAX_BUDGET_BAHT * 100:
        raise PlanEditError(_("งบประมาณต้องเป็นจำนวนเงินตั้งแต่ ๐ บาทขึ้นไป และไม่เกินแสนล้านบาท"))
    return satang


def check_period(quarter_from: int, quarter_to: int) -> None:
    if quarter_from > quarter_to:
        raise PlanEditError(_("ไตรมาสเริ่มต้องไม่อยู่หลังไตรมาสสิ้นสุด"))


def clean_budget(kind: str, amount_baht: Any = None) -> BudgetValue:
    """A budget line's value: an amount in baht, or ไม่ใช้งบประมาณ / n/a / -."""
    if kind in ("none", "na", "dash"):
        return BudgetValue(kind)  # type: ignore[arg-type]
    if kind != "amount":
        raise PlanEditError(_("ชนิดงบประมาณ “{kind}” ไม่ถูกต้อง").format(kind=kind))
    try:
        amount = float(to_arabic_digits(str(amount_baht)).replace(",", "").strip())
    except ValueError:
        raise PlanEditError(_("งบประมาณ “{amount}” ต้องเป็นตัวเลข").format(amount=amount_baht)) from None
    if amount < 0 or amount != amount or amount > MAX_BUDGET_BAHT:
        raise PlanEditError(_("งบประมาณต้องเป็นจำนวนเงินตั้งแต่ ๐ บาทขึ้นไป"))
    if round(amount * 100) != round(amount * 100, 6):
        raise PlanEditError(_("งบประมาณมีทศนิยมได้ไม่เกิน ๒ ตำแหน่ง"))
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
    """Refuse (PlanEditError) a number or code that a sibling under *parent_uid* already has.

    *uid* is the part being changed ('' for a new one); *parent_uid* is the fiscal year for a strategy,
    the strategy for a tactic, the tactic for an activity."""
    if entity == "strategy":
        if any(s.number == value and s.uid != uid for s in plan.strategies):
            raise PlanEditError(_("ยุทธศาสตร์ที่ {number} มีอยู่แล้วในแผนนี้").format(number=shown_digits(value)))
    elif entity == "tactic":
        strategy = next((s for s in plan.strategies if s.uid == parent_uid), None)
        if strategy and any(t.number == value and t.uid != uid for t in strategy.tactics):
            raise PlanEditError(_("กลยุทธ์ที่ {number} มีอยู่แล้วในยุทธศาสตร์นี้").format(number=shown_digits(value)))
    elif entity == "activity":
        strategy = _strategy_of(plan, parent_uid)
        if strategy and any(a.code == value and a.uid != uid for t in strategy.tactics for a in t.activities):
            raise PlanEditError(_("รหัสกิจกรรม {code} มีอยู่แล้วในยุทธศาสตร์นี้ (ยุทธศาสตร์ที่ {number})").format(
                code=shown_digits(value), number=shown_digits(strategy.number)))


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
