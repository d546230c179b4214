"""The one policy for recorded progress that no longer fits the plan (domain/plan_fit.py)."""

from __future__ import annotations

import copy

from trat_desktop.domain.model import Activity, IndicatorRow, Plan, Strategy, Tactic
from trat_desktop.domain.plan_fit import OUTSIDE_PLAN_TEXT, affected_by, may_keep_editing, misfits
from trat_desktop.domain.progress import ProgressEntry

NAMES = {"ag-a": "สำนักงาน ก", "ag-b": "สำนักงาน ข"}


def tiny_plan() -> Plan:
    row1 = IndicatorRow("ร้อยละ", 80, "ตัวชี้วัด ๑", "", 1, 4, agencies=["สำนักงาน ก", "สำนักงาน ข"], uid="r1")
    row2 = IndicatorRow("ครั้ง", 4, "ตัวชี้วัด ๒", "", 2, 3, agencies=["สำนักงาน ข"], uid="r2")
    activity = Activity("1.1", "กิจกรรม", rows=[row1, row2], uid="a1")
    return Plan(2569, "แผน", strategies=[Strategy(1, "ยุทธ", tactics=[Tactic(1, "กล", [activity], uid="t1")], uid="s1")])


def test_values_that_fit_are_not_misfits_and_blank_entries_never_are():
    plan = tiny_plan()
    entries = [ProgressEntry("r1", "ag-a", 3, achieved=75), ProgressEntry("r2", "ag-a", 1)]
    assert misfits(plan, entries, NAMES) == []


def test_each_plan_change_is_named_with_its_reason():
    plan = tiny_plan()
    entries = [ProgressEntry("r1", "ag-a", 4, achieved=75), ProgressEntry("r2", "ag-b", 3, achieved=2)]
    after = copy.deepcopy(plan)
    row1, row2 = after.rows()
    row1.quarter_to = 3                      # shortened period
    row1.unit = "ระดับ"                      # 75 is no level
    row2.agencies = ["สำนักงาน ก"]           # reassigned
    found = {m.key: m.reasons for m in affected_by(plan, after, entries, NAMES)}
    assert found == {("r1", "ag-a", 4): ("quarter_outside", "value_unfit"),
                     ("r2", "ag-b", 3): ("agency_unassigned",)}
    after.strategies[0].tactics[0].activities[0].rows.remove(row2)
    removed = {m.key: m.reasons for m in misfits(after, entries, NAMES)}
    assert removed[("r2", "ag-b", 3)] == ("row_removed",)
    assert all(m.message().startswith(OUTSIDE_PLAN_TEXT) for m in misfits(after, entries, NAMES))


def test_affected_by_lists_only_what_the_change_newly_leaves_out():
    plan = tiny_plan()
    plan.rows()[1].quarter_to = 2
    entries = [ProgressEntry("r2", "ag-b", 3, achieved=1)]
    assert [m.key for m in misfits(plan, entries, NAMES)] == [("r2", "ag-b", 3)]
    assert affected_by(plan, copy.deepcopy(plan), entries, NAMES) == []


def test_an_office_may_clear_or_correct_a_kept_value_but_not_start_a_new_one():
    plan = tiny_plan()
    row2 = plan.rows()[1]
    kept = ProgressEntry("r2", "ag-b", 4, achieved=3)
    assert may_keep_editing(kept, row2, "สำนักงาน ข", 4)
    assert not may_keep_editing(None, row2, "สำนักงาน ข", 4)
    assert not may_keep_editing(ProgressEntry("r2", "ag-b", 2, achieved=3), row2, "สำนักงาน ข", 2)
