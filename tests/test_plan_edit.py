"""The coordinator edits the plan: validation, audit, revisions, removal with progress kept, undo data."""

from __future__ import annotations


import pytest

from trat_desktop.domain.identity import Identity, PermissionDenied
from trat_desktop.domain.model import BudgetValue
from trat_desktop.domain.plan_rules import PlanEditError
from trat_desktop.errors import TratError
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.plan_edit import NeedsConfirmation, PlanEditService


@pytest.fixture
def editor(service: PlanService) -> PlanEditService:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    return PlanEditService(progress)


def dump(service: PlanService) -> list[str]:
    return list(service.db.conn.iterdump())


def test_only_the_coordinator_edits(service: PlanService) -> None:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name="สนง.คลัง จ.ตราด"))
    s1 = service.load_plan().strategies[0]
    with pytest.raises(PermissionDenied, match="ศูนย์ปฏิบัติการ"):
        PlanEditService(progress).update("strategy", s1.uid, title="ใหม่")
    assert service.load_plan().strategies[0].title == s1.title


def test_update_is_audited_and_raises_the_revision(editor: PlanEditService, service: PlanService) -> None:
    activity = service.load_plan().strategies[0].tactics[0].activities[4]
    old = editor.update("activity", activity.uid, title="  โครงการส่งเสริมคุณธรรม   ปรับปรุง ")
    assert old == {"title": activity.title}
    plan = service.load_plan()
    assert plan.strategies[0].tactics[0].activities[4].title == "โครงการส่งเสริมคุณธรรม ปรับปรุง"
    assert plan.revision == 2
    last = editor.progress.audit(limit=2)
    assert any(a["field"] == "title" and a["old_value"] == activity.title and "ผู้ประสานงาน" in a["actor"] for a in last)
    editor.update("activity", activity.uid, **old)  # the undo path
    assert service.load_plan().strategies[0].tactics[0].activities[4].title == activity.title


@pytest.mark.parametrize(("entity", "fields", "words"), [
    ("activity", {"title": "   "}, "ชื่อ"),
    ("activity", {"code": "หนึ่ง"}, "รหัสกิจกรรม"),
    ("indicator", {"target": "-5"}, "เป้าหมาย"),
    ("indicator", {"quarter_from": "5"}, "ไตรมาส"),
    ("indicator", {"quarter_from": "4"}, "ไตรมาสเริ่ม"),  # the row ends in quarter 4 but starts... see below
    ("indicator", {"unit": ""}, "หน่วยนับ"),
    ("strategy", {"colour": "แดง"}, "แก้ไข"),
])
def test_invalid_edits_change_nothing(editor: PlanEditService, service: PlanService, entity, fields, words) -> None:
    plan = service.load_plan()
    target = {"activity": plan.activities()[0], "strategy": plan.strategies[0],
              "indicator": next(r for r in plan.rows() if r.quarter_to == 3)}[entity]
    before = dump(service)
    with pytest.raises(TratError) as info:
        editor.update(entity, target.uid, **fields)
    assert words in info.value.message
    assert dump(service) == before


def test_add_and_move_parts(editor: PlanEditService, service: PlanService) -> None:
    s5 = service.load_plan().strategies[4]
    tactic = s5.tactics[1]
    uid = editor.add("activity", tactic.uid, position=0, code="๒.๓", title="กิจกรรมใหม่")
    row_uid = editor.add("indicator", uid, unit="ครั้ง", target="๔", indicator="จำนวนครั้ง", quarter_from=2, quarter_to=3)
    editor.set_agencies(row_uid, [a.uid for a in service.agencies()[:2]])
    editor.set_budget_lines(row_uid, [("amount", "1,500", None)])
    plan = service.load_plan()
    activities = plan.strategies[4].tactics[1].activities
    assert [a.code for a in activities] == ["2.3", "2.1", "2.2"]
    new_row = activities[0].rows[0]
    assert (new_row.unit, new_row.target, new_row.quarter_from, new_row.quarter_to) == ("ครั้ง", 4, 2, 3)
    assert len(new_row.agencies) == 2
    assert service.summary()["budget_by_strategy"]["5"] == 1_500
    old = editor.move("activity", uid, 2)
    assert old == 0
    assert [a.code for a in service.load_plan().strategies[4].tactics[1].activities] == ["2.1", "2.2", "2.3"]
    assert service.load_plan().revision == 6
    with pytest.raises(PlanEditError, match="อย่างน้อย"):
        editor.set_agencies(row_uid, [])


def test_removal_with_progress_asks_first_and_keeps_the_progress(editor: PlanEditService, service: PlanService) -> None:
    progress = editor.progress
    item = progress.find_item("1/1.5/2", agency="สนง.ศึกษาธิการ จ.ตราด")
    progress.set_progress(item, 2, achieved="85")
    with pytest.raises(NeedsConfirmation) as info:
        editor.remove("indicator", item.indicator_uid)
    assert info.value.progress_rows == 1 and "ยืนยัน" in info.value.message
    assert len(service.load_plan().rows()) == 35
    removal = editor.remove("indicator", item.indicator_uid, confirm=True)
    assert len(service.load_plan().rows()) == 34
    assert service.db.execute("SELECT count(*) FROM progress").fetchone()[0] == 1
    assert editor.orphaned_progress() == 1
    assert [t["uid"] for t in editor.trash()] == [item.indicator_uid]
    editor.restore(removal.trash_id)
    again = progress.find_item("1/1.5/2", agency="สนง.ศึกษาธิการ จ.ตราด")
    assert again.indicator_uid == item.indicator_uid and again.entries[2].achieved == 85
    assert editor.orphaned_progress() == 0
    with pytest.raises(TratError, match="กู้คืนไปแล้ว"):
        editor.restore(removal.trash_id)


def test_removing_and_restoring_a_strategy_gives_the_same_plan(editor: PlanEditService, service: PlanService) -> None:
    before = service.load_plan()
    removal = editor.remove("strategy", before.strategies[1].uid)
    assert [s.number for s in service.load_plan().strategies] == [1, 3, 4, 5]
    assert len(service.load_plan().rows()) == 24
    editor.restore(removal.trash_id)
    after = service.load_plan()
    assert after.strategies == before.strategies
    assert after.revision == before.revision + 2


def test_budget_lines_round_trip_for_undo(editor: PlanEditService, service: PlanService) -> None:
    row = service.load_plan().strategies[0].tactics[0].activities[4].rows[1]
    old = editor.set_budget_lines(row.uid, [("none", None, None)])
    assert len(old) == 4 and old[0][0] == BudgetValue.baht(50_000)
    assert service.summary()["budget_by_strategy"]["1"] == 99_650
    editor.restore_budget_lines(row.uid, old)
    assert service.summary()["budget_by_strategy"]["1"] == 210_650
    with pytest.raises(PlanEditError):
        editor.set_budget_lines(row.uid, [("amount", "-3", None)])


def test_copy_year_with_empty_progress(editor: PlanEditService, service: PlanService) -> None:
    progress = editor.progress
    progress.set_progress(progress.find_item("1/1.5/2", agency="สนง.ศึกษาธิการ จ.ตราด"), 2, achieved="85")
    editor.copy_year(2569, 2570)
    assert service.fiscal_years() == [2569, 2570]
    new, old = service.load_plan(2570), service.load_plan(2569)
    assert len(new.rows()) == 35 and service.summary(2570)["budget_total"] == 227_650
    assert not {r.uid for r in new.rows()} & {r.uid for r in old.rows()}
    assert new.warnings == [] and new.stated_total is None
    assert all(not i.entries for i in progress.work_items(2570))
    with pytest.raises(TratError, match="อยู่แล้ว"):
        editor.copy_year(2569, 2570)


def test_agency_editing(editor: PlanEditService, service: PlanService) -> None:
    uid = editor.add_agency("สำนักงานขนส่งจังหวัดตราด", "สนง.ขนส่ง จ.ตราด")
    assert any(a.uid == uid for a in service.agencies())
    with pytest.raises(TratError, match="อยู่แล้ว"):
        editor.add_agency("สำนักงานขนส่งจังหวัดตราด")
    odd = next(a for a in service.agencies() if a.name == "สนง.สทสร จ.ตราด")
    editor.update_agency(odd.uid, "สำนักงานสถิติจังหวัดตราด", "สนง.สถิติ จ.ตราด")
    renamed = next(a for a in service.agencies() if a.uid == odd.uid)
    assert renamed.name == "สำนักงานสถิติจังหวัดตราด" and "สนง.สทสร จ.ตราด" in renamed.aliases
    assert renamed.indicator_rows == 1
    with pytest.raises(TratError, match="หน่วยงานอื่น"):
        editor.set_aliases(uid, ["อำเภอลแหลมงอบ"])
    editor.set_aliases(uid, ["ขนส่งตราด", "ขนส่งตราด"])
    assert next(a for a in service.agencies() if a.uid == uid).aliases == ["ขนส่งตราด"]


def test_new_row_agencies_undo_to_empty_and_trash_titles(editor: PlanEditService, service: PlanService) -> None:
    activity = service.load_plan().activities()[0]
    row_uid = editor.add("indicator", activity.uid)
    first = editor.set_agencies(row_uid, [service.agencies()[0].uid])
    assert first == []
    editor.restore_agencies(row_uid, first)
    new_row = next(r for r in service.load_plan().rows() if r.uid == row_uid)
    assert new_row.agencies == [] and new_row.unit == "ครั้ง"
    editor.remove("activity", activity.uid)
    assert editor.trash()[0]["title"].startswith("1.1 จัดทำประกาศ")
