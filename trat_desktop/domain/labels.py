"""Readable row labels ("1/1.5/2": strategy number / activity code / row number) — for people only.

A label is shown, printed and typed; it is never a key. Two rows can carry the same label (an
activity given a code that another activity already has), so every lookup goes by uid, and a
label typed at the command line is resolved to a uid once (:func:`resolve_label`), refusing an
ambiguous one in Thai.
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import TratError
from ..i18n import _
from .model import Activity, IndicatorRow, Plan, Strategy, Tactic


class LabelledRow(NamedTuple):
    """An indicator row in plan order with its place and its readable label."""

    label: str
    strategy: Strategy
    tactic: Tactic
    activity: Activity
    row: IndicatorRow


def labelled_rows(plan: Plan) -> list[LabelledRow]:
    """Every indicator row in plan order, each with its label (labels may repeat; uids do not)."""
    out = []
    for strategy in plan.strategies:
        for tactic in strategy.tactics:
            for activity in tactic.activities:
                for n, row in enumerate(activity.rows, start=1):
                    out.append(LabelledRow(f"{strategy.number}/{activity.code}/{n}", strategy, tactic, activity, row))
    return out


def row_labels(plan: Plan) -> dict[str, str]:
    """indicator uid -> label."""
    return {item.row.uid: item.label for item in labelled_rows(plan)}


def resolve_label(plan: Plan, text: str) -> str:
    """The indicator uid a typed label (or uid) names; an unknown or ambiguous label is a Thai error."""
    text = text.strip()
    found = list(dict.fromkeys(i.row.uid for i in labelled_rows(plan) if text in (i.label, i.row.uid)))
    if not found:
        raise TratError(_("ไม่พบตัวชี้วัดรหัส “{text}” ในแผนปีงบประมาณ พ.ศ. {year}").format(text=text, year=plan.fiscal_year))
    if len(found) > 1:
        raise TratError(_("รหัส “{text}” ตรงกับตัวชี้วัด {count} แถว (มีกิจกรรมที่ใช้รหัสซ้ำกัน) "
                          "โปรดระบุด้วยรหัสประจำแถว (uid) ที่แสดงใน progress list --json").format(text=text, count=len(found)))
    return found[0]


def find_row(plan: Plan, text: str) -> LabelledRow:
    """The row a typed label ("1/1.5/2") or uid names, with its place (resolved once, ambiguity refused)."""
    uid = resolve_label(plan, text)
    return next(item for item in labelled_rows(plan) if item.row.uid == uid)


def activity_label(strategy: Strategy, activity: Activity) -> str:
    """An activity's readable id: the "1/1.5" part of its rows' ids."""
    return f"{strategy.number}/{activity.code}"


def find_activity(plan: Plan, text: str) -> Activity:
    """The activity a typed "1/1.5" (or its uid) names; an unknown or ambiguous one is a Thai error."""
    text = text.strip()
    found = [a for s in plan.strategies for t in s.tactics for a in t.activities
             if text in (activity_label(s, a), a.uid)]
    if not found:
        raise TratError(_("ไม่พบโครงการ/กิจกรรมรหัส “{text}” ในแผนปีงบประมาณ พ.ศ. {year}").format(
            text=text, year=plan.fiscal_year))
    if len(found) > 1:
        raise TratError(_("รหัส “{text}” ตรงกับโครงการ/กิจกรรม {count} รายการ (ใช้รหัสซ้ำกัน) "
                          "โปรดแก้รหัสให้ไม่ซ้ำก่อน หรือระบุด้วยรหัสประจำ (uid)").format(text=text, count=len(found)))
    return found[0]
