"""Achievement figures: the only place they are computed (reports, the dashboard, the CLI ask here).

**Per indicator row × office** (an office's share of a row):

- *achieved to date*: counts (ครั้ง, คน, เรื่อง …) add up over the quarters reported; a share (ร้อยละ) or
  a level (ระดับ) is not summed: the latest quarter's value counts (:func:`.progress.achieved_to_date`);
- *ร้อยละความสำเร็จ*: achieved ÷ target × 100, capped at 100 (None without a target or a result);
- *band*: บรรลุ (at least the "achieved" threshold, default 100 %), ใกล้เคียง (at least the "near"
  threshold, default 80 %), ต่ำกว่าเป้า (below it); None when nothing is reported.

**Per activity, strategy and province**: "ดำเนินการแล้ว x จาก y ตัวชี้วัด คิดเป็นร้อยละ z" (x: the row ×
office items with any report, y: all items) and the share of items on target; budget allocated, spent to
date, remaining and ร้อยละการเบิกจ่าย.

Status and figures must not contradict: a row still "ยังไม่เริ่ม" that has a result is flagged
(:func:`entry_contradiction`, per quarter in the entry grid; :func:`item_figures`, on the latest quarter).

**One rule for "on target"**: :func:`on_target` is the band "บรรลุ" of :func:`item_figures`;
:func:`.reporting.standing` (the dashboard, the consolidated view, every report and the Excel) asks it, so a
printed "บรรลุเป้าหมาย" and a figure's band can never disagree, whatever thresholds the coordinator set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, NamedTuple

from ..errors import TratError
from ..i18n import N_, _, plural_translator, translator
from .progress import ProgressEntry, achieved_to_date, is_reported

#: the bands as reports print them (Thai); the screen shows ``_(BAND_TEXT[band])``
BAND_TEXT = {"achieved": N_("บรรลุ"), "near": N_("ใกล้เคียง"), "below": N_("ต่ำกว่าเป้า")}
RULE_TEXT = N_("ผลสะสม: หน่วยนับที่เป็นจำนวน (ครั้ง คน เรื่อง ฯลฯ) รวมทุกไตรมาส; ร้อยละและระดับใช้ค่าของไตรมาสล่าสุด "
               "· ร้อยละความสำเร็จ = ผลสะสม ÷ เป้าหมาย × ๑๐๐ (ไม่เกิน ๑๐๐)")


THRESHOLD_RULE_TEXT = N_("เกณฑ์ต้องเป็น ๐ < “ใกล้เคียง” ≤ “บรรลุ” ≤ ๑๐๐")


class ThresholdError(TratError, ValueError):
    """Band thresholds that cannot be used; the message is Thai."""


@dataclass(frozen=True)
class Thresholds:
    """Band limits in per cent of the target (the coordinator may change them; offices take them with the
    plan package, so both ends band alike)."""

    achieved: float = 100.0
    near: float = 80.0

    def __post_init__(self) -> None:
        for value in (self.achieved, self.near):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
                raise ThresholdError(_("เกณฑ์ต้องเป็นตัวเลขร้อยละ ({rule})").format(rule=_(THRESHOLD_RULE_TEXT)))
        if not 0 < self.near:
            raise ThresholdError(_("เกณฑ์ “ใกล้เคียง” ต้องมากกว่า ๐ ({rule})").format(rule=_(THRESHOLD_RULE_TEXT)))
        if self.achieved > 100:
            raise ThresholdError(_("เกณฑ์ “บรรลุ” ต้องไม่เกินร้อยละ ๑๐๐ ({rule})").format(rule=_(THRESHOLD_RULE_TEXT)))
        if self.near > self.achieved:
            raise ThresholdError(_("เกณฑ์ “ใกล้เคียง” ต้องไม่มากกว่าเกณฑ์ “บรรลุ” ({rule})").format(
                rule=_(THRESHOLD_RULE_TEXT)))

    def text(self, thai_digits: bool = True, language: str = "th") -> str:
        """'บรรลุ: ร้อยละ ๑๐๐ ขึ้นไป · ใกล้เคียง: ร้อยละ ๘๐ ขึ้นไป · ต่ำกว่าเป้า: น้อยกว่าร้อยละ ๘๐'."""
        from .display import number_text

        a, n = number_text(self.achieved, thai_digits), number_text(self.near, thai_digits)
        return translator(language)(N_("บรรลุ: ร้อยละ {achieved} ขึ้นไป · ใกล้เคียง: ร้อยละ {near} ขึ้นไป · "
                                       "ต่ำกว่าเป้า: น้อยกว่าร้อยละ {near}")).format(achieved=a, near=n)


def parse_thresholds(achieved: object, near: object) -> Thresholds:
    """Thresholds from what a person typed or a settings table holds (Thai or Arabic digits, '%' allowed)."""
    from .thai import to_arabic_digits

    def number(value: object, name: str) -> float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        text = to_arabic_digits(str(value)).strip().rstrip("%").strip()
        try:
            found = float(text)
        except ValueError:
            raise ThresholdError(_("เกณฑ์ “{name}” ต้องเป็นตัวเลขร้อยละ (ได้ “{value}”)").format(
                name=_(name), value=value)) from None
        if found != found or found in (float("inf"), float("-inf")):
            raise ThresholdError(_("เกณฑ์ “{name}” ต้องเป็นตัวเลขร้อยละ (ได้ “{value}”)").format(name=_(name), value=value))
        return found

    return Thresholds(number(achieved, BAND_TEXT["achieved"]), number(near, BAND_TEXT["near"]))


def rule_text(thresholds: "Thresholds | None" = None, thai_digits: bool = True, language: str = "th") -> str:
    """The rule of the figures and the bands, for a tooltip or a report's note (Thai unless *language*)."""
    from .thai import digits

    return (digits(translator(language)(RULE_TEXT), thai_digits) + " · "
            + (thresholds or Thresholds()).text(thai_digits, language))


NOT_STARTED_WITH_RESULT = N_("สถานะยังเป็น “ยังไม่เริ่ม” แต่มีผลการดำเนินงานแล้ว โปรดปรับสถานะ")
CANCELLED_ON_TARGET = N_("สถานะเป็น “ยกเลิก” แต่ผลการดำเนินงานถึงเป้าหมาย โปรดตรวจสอบ")


def entry_contradiction(entry: ProgressEntry | None) -> str:
    """A quarter whose status says nothing was done although a result is entered ('' when they agree)."""
    if entry is not None and entry.status == "not_started" and entry.achieved is not None and entry.achieved > 0:
        return NOT_STARTED_WITH_RESULT
    return ""


class ItemFigures(NamedTuple):
    """One row × office."""

    achieved_to_date: float | None
    achievement_pct: float | None
    band: str | None
    reported: bool
    allocated_satang: int | None
    spent_satang: int
    contradiction: str = ""

    def as_json(self) -> dict[str, object]:
        return {"achieved_to_date": self.achieved_to_date, "achievement_pct": self.achievement_pct,
                "band": self.band, "band_text": BAND_TEXT.get(self.band or "", ""), "reported": self.reported,
                "allocated_satang": self.allocated_satang, "spent_satang": self.spent_satang,
                "contradiction": self.contradiction}


#: what is left of a budget, or by how much it was overspent ("คงเหลือ -๑,๒๐๐ บาท" means nothing to a reader)
BALANCE_LEFT = N_("คงเหลือ {amount} บาท")
BALANCE_OVER = N_("ใช้เกินงบประมาณ {amount} บาท")


def balance_text(allocated_satang: int, spent_satang: int, baht, language: str = "th") -> str:
    """'คงเหลือ ๑,๒๐๐ บาท', or 'ใช้เกินงบประมาณ ๑,๒๐๐ บาท' when more was spent than allocated (a spend on a row
    with no budget included); *baht* formats satang as the caller prints amounts (digits, separators)."""
    left = allocated_satang - spent_satang
    words = BALANCE_LEFT if left >= 0 else BALANCE_OVER
    return translator(language)(words).format(amount=baht(abs(left)))


def pct(part: float, whole: float) -> float | None:
    return None if not whole else round(100.0 * part / whole, 2)


def item_figures(unit: str, target: float | None, entries: Mapping[int, ProgressEntry],
                 allocated_satang: int | None = None, thresholds: Thresholds = Thresholds(),
                 quarters: Iterable[int] | None = None) -> ItemFigures:
    """The figures of one row × office from its entries (only *quarters*, e.g. a round's, when given)."""
    wanted = set(quarters) if quarters is not None else {1, 2, 3, 4}
    used = {q: e for q, e in entries.items() if q in wanted}
    achieved = achieved_to_date(unit, used)
    share = None
    if achieved is not None and target:
        share = min(100.0, round(100.0 * achieved / target, 2))
    elif achieved is not None and target == 0:
        share = 100.0
    band = None
    if share is not None:
        band = "achieved" if share >= thresholds.achieved else ("near" if share >= thresholds.near else "below")
    spent = sum(e.spent_satang or 0 for e in used.values())
    contradiction = ""
    latest = [e for _q, e in sorted(used.items()) if is_reported(e)]
    if latest and latest[-1].status == "not_started" and achieved is not None and achieved > 0:
        contradiction = NOT_STARTED_WITH_RESULT
    if latest and latest[-1].status == "cancelled" and band == "achieved":
        contradiction = CANCELLED_ON_TARGET
    return ItemFigures(achieved, share, band, bool(latest), allocated_satang, spent, contradiction)


def on_target(unit: str, target: float | None, entries: Mapping[int, ProgressEntry],
              thresholds: Thresholds = Thresholds()) -> bool | None:
    """Whether a row × office has reached its target: its band is บรรลุ (None when it has no band: nothing
    reported, or no target). The only "on target" rule; :func:`.reporting.standing` asks it."""
    band = item_figures(unit, target, entries, thresholds=thresholds).band
    return None if band is None else band == "achieved"


@dataclass
class GroupFigures:
    """Figures of a group of items: an activity, a strategy or the province."""

    items: int = 0
    reported: int = 0
    on_target: int = 0
    near: int = 0
    allocated_satang: int = 0
    spent_satang: int = 0
    contradictions: int = 0
    #: sum of the items' ร้อยละความสำเร็จ, and how many items it averages over (an item not yet reported
    #: counts as 0; an item reported without a target has no share and is left out)
    achievement_total: float = 0.0
    scored: int = 0
    children: dict[str, "GroupFigures"] = field(default_factory=dict)

    def add(self, f: ItemFigures) -> None:
        self.items += 1
        self.reported += int(f.reported)
        self.on_target += int(f.band == "achieved")
        self.near += int(f.band == "near")
        self.allocated_satang += f.allocated_satang or 0
        self.spent_satang += f.spent_satang
        self.contradictions += int(bool(f.contradiction))
        if f.achievement_pct is not None:
            self.achievement_total += f.achievement_pct
            self.scored += 1
        elif not f.reported:
            self.scored += 1

    @property
    def mean_achievement_pct(self) -> float | None:
        """ร้อยละความสำเร็จเฉลี่ย of the group's items (None when none can be scored)."""
        return round(self.achievement_total / self.scored, 2) if self.scored else None

    @property
    def reported_pct(self) -> float | None:
        return pct(self.reported, self.items)

    @property
    def on_target_pct(self) -> float | None:
        return pct(self.on_target, self.items)

    @property
    def remaining_satang(self) -> int:
        return self.allocated_satang - self.spent_satang

    @property
    def disbursed_pct(self) -> float | None:
        return pct(self.spent_satang, self.allocated_satang)

    def sentence(self, thai_digits: bool = True, language: str = "th") -> str:
        """'ดำเนินการแล้ว ๑๒ จาก ๑๖ ตัวชี้วัด คิดเป็นร้อยละ ๗๕'."""
        from .display import number_text

        share = self.reported_pct
        ngettext = plural_translator(language)  # (the name babel finds the message by)
        return ngettext("ดำเนินการแล้ว {reported} จาก {items} ตัวชี้วัด คิดเป็นร้อยละ {share}",
                        "ดำเนินการแล้ว {reported} จาก {items} ตัวชี้วัด คิดเป็นร้อยละ {share}", self.items).format(
            reported=number_text(self.reported, thai_digits), items=number_text(self.items, thai_digits),
            share=number_text(share if share is not None else 0, thai_digits))

    def as_json(self) -> dict[str, object]:
        return {"items": self.items, "reported": self.reported, "reported_pct": self.reported_pct,
                "on_target": self.on_target, "on_target_pct": self.on_target_pct, "near": self.near,
                "allocated_satang": self.allocated_satang, "spent_satang": self.spent_satang,
                "remaining_satang": self.remaining_satang, "disbursed_pct": self.disbursed_pct,
                "contradictions": self.contradictions, "mean_achievement_pct": self.mean_achievement_pct,
                "sentence": self.sentence(thai_digits=False)}


class Placed(NamedTuple):
    """An item's figures with where it sits: strategy number, activity code."""

    strategy: int
    activity: str
    figures: ItemFigures


def rollup(placed: Iterable[Placed]) -> GroupFigures:
    """The province's figures, with strategies as children and their activities as grandchildren."""
    province = GroupFigures()
    for p in placed:
        strategy = province.children.setdefault(str(p.strategy), GroupFigures())
        activity = strategy.children.setdefault(p.activity, GroupFigures())
        for group in (province, strategy, activity):
            group.add(p.figures)
    return province
