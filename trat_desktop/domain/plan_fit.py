"""One policy for recorded progress that no longer fits the plan.

The plan changes during the year (a row's period is shortened, a row is reassigned, its unit changes, a
row is removed, a revised document is imported). Recorded progress is never deleted, moved to another row
or locked out by that:

- a value that no longer fits is *kept* where it was entered, keyed by (indicator uid, agency uid, quarter),
  and shown as "อยู่นอกแผนปัจจุบัน" (:data:`OUTSIDE_PLAN_TEXT`);
- the office can still clear or correct it (:func:`may_keep_editing`), and its export never becomes impossible;
- an import holds such a value aside for the coordinator to accept or drop; the rest of the file imports;
- the plan editor, before an edit, lists the values the edit would leave outside the plan (:func:`affected_by`).

This module only *decides*; the services apply the decision. Every caller (editor, office entry, import,
reports) asks :func:`misfit_reasons` / :func:`misfits`, so the rule lives here once.
"""

from __future__ import annotations

from typing import Iterable, Mapping, NamedTuple

from ..i18n import N_, _, language, translator
from .display import number_text
from .model import IndicatorRow, Plan
from .progress import MAX_NOTE, STATUSES, EntryCheck, ProgressEntry, ValidationError, check_achieved

#: printed as it is in reports and exchange notes; the screen shows ``_(OUTSIDE_PLAN_TEXT)``
OUTSIDE_PLAN_TEXT = N_("อยู่นอกแผนปัจจุบัน")

#: reason code -> Thai explanation
REASONS: dict[str, str] = {
    "row_removed": N_("ตัวชี้วัดนี้ไม่อยู่ในแผนปัจจุบันแล้ว"),
    "agency_unassigned": N_("หน่วยงานนี้ไม่ได้เป็นผู้รับผิดชอบตัวชี้วัดนี้ในแผนปัจจุบันแล้ว"),
    "quarter_outside": N_("ไตรมาสนี้อยู่นอกระยะเวลาดำเนินการของตัวชี้วัดในแผนปัจจุบัน"),
    "value_unfit": N_("ค่าที่บันทึกไม่เป็นไปตามหน่วยนับของตัวชี้วัดในแผนปัจจุบัน"),
}


class Misfit(NamedTuple):
    """A recorded value that the plan no longer has room for, and why (reason codes of :data:`REASONS`)."""

    indicator_uid: str
    agency_uid: str
    quarter: int
    reasons: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.indicator_uid, self.agency_uid, self.quarter)

    def message(self) -> str:
        """Thai: "อยู่นอกแผนปัจจุบัน: <reasons>"."""
        return f"{OUTSIDE_PLAN_TEXT}: " + reasons_text(self.reasons)


def misfit_reasons(row: IndicatorRow | None, agency_name: str | None, entry: ProgressEntry) -> tuple[str, ...]:
    """Why *entry* (recorded on *row* by the agency called *agency_name*) does not fit the plan; () if it fits.

    *row* is None when the plan no longer has the entry's indicator row; *agency_name* is None for an
    agency the database does not know. A blank entry always fits (there is nothing to keep).
    """
    if entry.is_blank():
        return ()
    if row is None:
        return ("row_removed",)
    reasons: list[str] = []
    if agency_name is None or agency_name not in row.agencies:
        reasons.append("agency_unassigned")
    if entry.quarter not in row.quarters():
        reasons.append("quarter_outside")
    try:
        check_achieved(row.unit, entry.achieved)
    except ValidationError:
        reasons.append("value_unfit")
    return tuple(reasons)


def misfits(plan: Plan, entries: Iterable[ProgressEntry], agency_names: Mapping[str, str]) -> list[Misfit]:
    """Every entry of *entries* that does not fit *plan*; *agency_names* maps agency uid -> name.

    Entries of rows that belong to another year's plan must not be passed in (the caller scopes them).
    """
    rows = {row.uid: row for row in plan.rows()}
    found = []
    for entry in entries:
        reasons = misfit_reasons(rows.get(entry.indicator_uid), agency_names.get(entry.agency_uid), entry)
        if reasons:
            found.append(Misfit(entry.indicator_uid, entry.agency_uid, entry.quarter, reasons))
    return found


def affected_by(before: Plan, after: Plan, entries: Iterable[ProgressEntry],
                agency_names: Mapping[str, str]) -> list[Misfit]:
    """The values a plan change (*before* -> *after*) newly leaves outside the plan (for the editor's question)."""
    entries = list(entries)
    already = {m.key for m in misfits(before, entries, agency_names)}
    return [m for m in misfits(after, entries, agency_names) if m.key not in already]


def may_keep_editing(stored: ProgressEntry | None, row: IndicatorRow | None, agency_name: str | None,
                     quarter: int) -> bool:
    """Whether an office may still change a cell the plan no longer opens for entry: only where a
    value was recorded before (to clear or correct it); a new value outside the plan is not started."""
    return stored is not None and bool(misfit_reasons(row, agency_name, stored)) and stored.quarter == quarter


def check_kept_edit(row: IndicatorRow | None, stored: ProgressEntry, entry: ProgressEntry) -> EntryCheck:
    """An office's change of a kept value (:func:`may_keep_editing` said yes): what may still be refused.

    The period and the assignment no longer apply (that is why the value is kept); a changed result must
    still follow the row's unit, the status must be one of ours and the note not too long. Clearing is
    always allowed. Raises ValidationError (Thai)."""
    if entry.is_blank():
        return EntryCheck(entry)
    if row is not None and entry.achieved != stored.achieved:
        check_achieved(row.unit, entry.achieved)
    if entry.status not in STATUSES:
        raise ValidationError(_("สถานะ “{status}” ไม่ถูกต้อง").format(status=entry.status))
    if len(entry.note) > MAX_NOTE:
        raise ValidationError(_("หมายเหตุยาวเกิน {limit} ตัวอักษร").format(limit=f"{MAX_NOTE:,}"))
    if entry.spent_satang is not None and entry.spent_satang < 0:
        raise ValidationError(_("งบประมาณที่ใช้ต้องไม่ติดลบ"))
    return EntryCheck(entry, [_("{outside}: ค่านี้ยังเก็บไว้ แต่ไม่นับในแผนปัจจุบัน").format(
        outside=_(OUTSIDE_PLAN_TEXT))])


#: one unit of each rule (domain/progress.check_achieved): a value none of them takes is no one's value
_UNIT_RULES = ("ร้อยละ", "ระดับ", "ครั้ง")


def value_possible(value: float | None) -> bool:
    """Whether a result could have been entered under some unit (ร้อยละ, ระดับ or a count): a value that
    breaks only the row's *current* unit may come from before a unit change and is kept; one that no unit
    takes (100.000001, -0.001, 2^62) is malformed."""
    for unit in _UNIT_RULES:
        try:
            check_achieved(unit, value)
        except ValidationError:
            continue
        return True
    return False


def reasons_text(reasons: Iterable[str], language: str = "th") -> str:
    """A list of reason codes in *language* (Thai by default: data; unknown codes are shown as they are)."""
    tr = translator(language)
    return tr(N_(" และ")).join(tr(REASONS[r]) if r in REASONS else r for r in reasons)


def describe(found: Iterable[Misfit], entries: Mapping[tuple[str, str, int], ProgressEntry],
             agency_names: Mapping[str, str], labels: Mapping[str, str], limit: int = 20) -> list[str]:
    """One Thai line per affected value, for the editor's question and the CLI:
    "[1/1.5/2] <office> ไตรมาส ๓: ผล 75 — <reasons>"."""
    lines = []
    for m in found:
        entry = entries.get(m.key)
        value = ("" if entry is None or entry.achieved is None
                 else " " + _("ผล {value}").format(value=number_text(entry.achieved, False)))
        note = "" if entry is None or not entry.note else " " + _("หมายเหตุ “{note}”").format(note=entry.note[:40])
        lines.append(f"[{labels.get(m.indicator_uid, m.indicator_uid[:8])}] {agency_names.get(m.agency_uid, m.agency_uid)} "
                     + _("ไตรมาส {quarter}:{value}{note} — {reasons}").format(
                         quarter=m.quarter, value=value, note=note, reasons=reasons_text(m.reasons, language())))
    if len(lines) > limit:
        lines = lines[:limit] + [_("… และอีก {count} รายการ").format(count=len(lines) - limit)]
    return lines
