"""domain/plan_match.py on tiny plans: matched by content, never by position."""

from __future__ import annotations

import copy
import itertools

from trat_desktop.domain.model import Activity, IndicatorRow, Plan, Strategy, Tactic
from trat_desktop.domain.plan_match import match_plans, revised_plan, summary_lines


def row(text: str, unit: str = "ร้อยละ", target: float | None = 80, agencies=("สำนักงาน ก",), uid: str = "") -> IndicatorRow:
    return IndicatorRow(unit, target, text, "ผลที่คาด", 1, 4, agencies=list(agencies), uid=uid)


def plan(*activities: Activity) -> Plan:
    return Plan(2569, "แผน", strategies=[Strategy(1, "ยุทธศาสตร์การสร้างมาตรฐาน", uid="s1",
                                                 tactics=[Tactic(1, "กลยุทธ์ส่งเสริม", list(activities), uid="t1")])])


def as_read(p: Plan) -> Plan:
    """Fresh positional uids, as the document reader gives."""
    doc = copy.deepcopy(p)
    counter = itertools.count()
    for s in doc.strategies:
        s.uid = f"n{next(counter)}"
        for t in s.tactics:
            t.uid = f"n{next(counter)}"
            for a in t.activities:
                a.uid = f"n{next(counter)}"
                for r in a.rows:
                    r.uid = f"n{next(counter)}"
    return doc


def old_plan() -> Plan:
    return plan(
        Activity("1.1", "จัดทำประกาศเจตนารมณ์ของหน่วยงาน", uid="a1", rows=[
            row("ร้อยละของบุคลากรที่รับทราบประกาศเจตนารมณ์", uid="r1"),
            row("จำนวนช่องทางการเผยแพร่ประกาศ", unit="ช่องทาง", target=3, uid="r2"),
        ]),
        Activity("1.2", "อบรมมาตรฐานทางจริยธรรม", uid="a2", rows=[
            row("จำนวนครั้งการอบรมมาตรฐานทางจริยธรรม", unit="ครั้ง", target=2, agencies=("สำนักงาน ข",), uid="r3"),
        ]),
    )


def test_the_same_plan_read_again_changes_nothing_and_keeps_every_uid() -> None:
    old = old_plan()
    doc = as_read(old)
    diff = match_plans(old, doc)
    assert diff.is_empty and diff.matched_rows == 3
    fresh = iter(f"fresh{i}" for i in range(100))
    assert [r.uid for r in revised_plan(old, doc, diff, lambda: next(fresh)).rows()] == ["r1", "r2", "r3"]


def test_an_inserted_row_is_added_and_the_rows_after_it_keep_their_uids() -> None:
    old = old_plan()
    doc = as_read(old)
    doc.strategies[0].tactics[0].activities[0].rows.insert(0, row("จำนวนครั้งที่จัดอบรม", unit="ครั้ง", target=4))
    diff = match_plans(old, doc)
    assert [r.label for r in diff.added] == ["1/1.1/1"] and not diff.removed and not diff.changed
    assert diff.relabelled == {"r1": ("1/1.1/1", "1/1.1/2"), "r2": ("1/1.1/2", "1/1.1/3")}
    fresh = iter(f"fresh{i}" for i in range(100))
    revised = revised_plan(old, doc, diff, lambda: next(fresh))
    assert [r.uid for r in revised.rows()] == ["fresh0", "r1", "r2", "r3"]
    assert "เพิ่มตัวชี้วัด 1/1.1/1" in "\n".join(summary_lines(diff))


def test_a_renumbered_activity_and_a_moved_row_are_changes_of_the_same_parts() -> None:
    old = old_plan()
    doc = as_read(old)
    first, second = doc.strategies[0].tactics[0].activities
    first.code = "1.5"                                   # renumbered
    second.rows.append(first.rows.pop(1))                # a row moved to the other activity
    diff = match_plans(old, doc)
    assert not diff.added and not diff.removed
    changes = {(c.uid, f.field): (f.old, f.new) for c in diff.changed for f in c.changes}
    assert changes[("a1", "code")] == ("1.1", "1.5")
    assert changes[("r2", "place")] == ("1/1.1", "1/1.2")


def test_two_rows_that_fit_equally_well_are_not_guessed() -> None:
    old = plan(Activity("1.1", "กิจกรรม", uid="a1", rows=[row("กข", uid="r1"), row("คง", uid="r2")]))
    doc = as_read(plan(Activity("1.1", "กิจกรรม", rows=[row("กขคง")])))
    diff = match_plans(old, doc)
    assert [(u.new.label, sorted(c.uid for c in u.candidates)) for u in diff.unmatched] == [("1/1.1/1", ["r1", "r2"])]
    assert sorted(r.uid for r in diff.removed if r.entity == "indicator") == ["r1", "r2"]
    assert "จับคู่ไม่ได้" in "\n".join(summary_lines(diff))


def test_rows_of_identical_content_pair_up_in_order() -> None:
    old = plan(Activity("1.1", "กิจกรรม", uid="a1", rows=[row("เหมือนกัน", uid="r1"), row("เหมือนกัน", uid="r2")]))
    diff = match_plans(old, as_read(old))
    assert diff.is_empty and sorted(diff.row_map.values()) == ["r1", "r2"]


def test_a_reworded_row_needs_its_unit_and_offices_to_stay() -> None:
    old = old_plan()
    reworded = as_read(old)
    reworded.strategies[0].tactics[0].activities[1].rows[0].indicator = "จำนวนรุ่นของการฝึกอบรมบุคลากร"
    diff = match_plans(old, reworded)
    assert [c.uid for c in diff.changed] == ["r3"] and not diff.added
    reassigned = copy.deepcopy(reworded)
    reassigned.strategies[0].tactics[0].activities[1].rows[0].agencies = ["สำนักงาน ค"]
    diff = match_plans(old, reassigned)
    assert [r.uid for r in diff.removed] == ["r3"] and len(diff.added) == 1
