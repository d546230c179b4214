"""Identity by uid (issue 9, item 1): labels like "1/1.5/2" are for people; nothing is keyed by them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, installation

from trat_desktop.cli import main
from trat_desktop.domain.identity import Identity
from trat_desktop.domain.labels import labelled_rows, resolve_label
from trat_desktop.errors import TratError
from trat_desktop.exchange.plan_json import plan_from_json, plan_to_json
from trat_desktop.exchange.archive import BadArchive
from trat_desktop.reports.province import province_figures
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.overview import OverviewService
from trat_desktop.services.plan_edit import PlanEditService
from trat_desktop.services.plan_package import PlanPackageService


def coordinator(service: PlanService) -> ProgressService:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    return progress


def duplicate_a_code(service: PlanService) -> tuple[str, str]:
    """Give activity 1.6 the code 1.5 directly in the database (as the editor allowed before the
    uniqueness rule, in a database of that time); returns (the shared label, the renamed activity's uid)."""
    plan = service.load_plan()
    first, second = (next(a for a in plan.activities() if a.code == c) for c in ("1.5", "1.6"))
    # the schema now refuses repeated codes (migration 0007); drop its guards to make the state anyway:
    # even with two rows under one label, nothing may be dropped or merged
    service.db.execute("DROP TRIGGER IF EXISTS activities_code_unique_update")
    service.db.execute("DROP INDEX IF EXISTS idx_activities_code")
    service.db.execute("UPDATE activities SET code = ? WHERE uid = ?", [first.code, second.uid])
    return "1/1.5/1", second.uid


def test_a_duplicate_activity_code_drops_no_row_anywhere(service: PlanService) -> None:
    progress = coordinator(service)
    label, _ = duplicate_a_code(service)
    plan = service.load_plan()
    assert len({p.label for p in labelled_rows(plan)}) == 34       # two rows now share a label
    items = progress.work_items()
    assert len(items) == 168 and len({(i.indicator_uid, i.agency_uid) for i in items}) == 168
    overview = OverviewService(service)
    rows = overview.rows()
    assert len(rows) == 35 and len({r.indicator_uid for r in rows}) == 35
    dashboard = overview.dashboard(2)
    assert sum(s.assignments for s in dashboard.strategies) == 168
    figures = province_figures(plan, rows, None)
    assert sum(len(s.rows) for s in figures.strategies) == 35
    assert sum(len(line.offices) for s in figures.strategies for line in s.rows) == 168


def test_an_ambiguous_label_is_refused_in_thai_and_a_uid_still_works(service: PlanService, tmp_path: Path,
                                                                     capsys) -> None:
    progress = coordinator(service)
    label, _ = duplicate_a_code(service)
    with pytest.raises(TratError, match="ตรงกับตัวชี้วัด 2 แถว"):
        progress.find_item(label)
    with pytest.raises(TratError, match="ตรงกับตัวชี้วัด 2 แถว"):
        resolve_label(service.load_plan(), label)
    uid = next(p.row.uid for p in labelled_rows(service.load_plan()) if p.label == label)
    assert resolve_label(service.load_plan(), uid) == uid
    only = next(p.row for p in labelled_rows(service.load_plan()) if p.row.uid == uid).agencies[0]
    assert progress.find_item(uid, agency=only).indicator_uid == uid
    db = service.path
    service.close()
    before = list(__import__("sqlite3").connect(db).iterdump())
    code = main(["--db", str(db), "progress", "set", label, "--quarter", "2", "--value", "1"])
    _, err = capsys.readouterr()
    assert code == 2 and "ตรงกับตัวชี้วัด 2 แถว" in err
    assert list(__import__("sqlite3").connect(db).iterdump()) == before
    PlanService.open(db).close()


def test_uids_survive_edits_moves_and_renumbering(service: PlanService) -> None:
    progress = coordinator(service)
    editor = PlanEditService(progress)
    item = progress.find_item("1/1.5/2", agency="สนง.ศึกษาธิการ จ.ตราด")
    progress.set_progress(item, 2, achieved="75")
    before = service.load_plan()
    uids = {r.uid for r in before.rows()} | {a.uid for a in before.activities()}
    activity = next(a for a in before.activities() if a.code == "1.5")
    editor.update("activity", activity.uid, code="1.9", title="ชื่อใหม่")       # renumbered and renamed
    editor.move("indicator", item.indicator_uid, 0)                            # the row moves up
    editor.move("activity", activity.uid, 0)                                   # the activity too
    after = service.load_plan()
    assert {r.uid for r in after.rows()} | {a.uid for a in after.activities()} == uids
    moved = next(i for i in progress.work_items() if i.indicator_uid == item.indicator_uid
                 and i.agency_uid == item.agency_uid)
    assert moved.id == "1/1.9/1" and moved.entry(2).achieved == 75


def test_copy_to_next_year_links_each_row_to_its_predecessor(service: PlanService, tmp_path: Path) -> None:
    editor = PlanEditService(coordinator(service))
    editor.copy_year(2569, 2570)
    old, new = service.load_plan(2569), service.load_plan(2570)
    assert [r.predecessor_uid for r in new.rows()] == [r.uid for r in old.rows()]
    assert [a.predecessor_uid for a in new.activities()] == [a.uid for a in old.activities()]
    assert all(r.predecessor_uid == "" for r in old.rows())
    # the link survives a removal and a restore, and a plan package round trip
    row = new.rows()[3]
    removal = editor.remove("indicator", row.uid)
    editor.restore(removal.trash_id)
    again = service.load_plan(2570)
    assert next(r for r in again.rows() if r.uid == row.uid).predecessor_uid == row.predecessor_uid
    twin = plan_from_json(json.loads(json.dumps(plan_to_json(again))), "plan.json")
    assert [(r.uid, r.predecessor_uid) for r in twin.rows()] == [(r.uid, r.predecessor_uid) for r in again.rows()]
    assert [(a.uid, a.predecessor_uid) for a in twin.activities()] == [(a.uid, a.predecessor_uid) for a in again.activities()]


def test_a_package_without_predecessors_still_reads_and_a_bad_one_is_refused(service: PlanService) -> None:
    data = plan_to_json(service.load_plan())
    for s in data["strategies"]:
        for t in s["tactics"]:
            for a in t["activities"]:
                a.pop("predecessor_uid")
                for r in a["rows"]:
                    r.pop("predecessor_uid")
    assert len(plan_from_json(data, "old.json").rows()) == 35
    data["strategies"][0]["tactics"][0]["activities"][0]["rows"][0]["predecessor_uid"] = "1/1.1/1"
    with pytest.raises(BadArchive, match="predecessor_uid"):
        plan_from_json(data, "bad.json")


def test_plan_package_round_trip_keeps_every_uid_and_the_progress(tmp_path: Path) -> None:
    center = installation(tmp_path / "c.sqlite3", "coordinator")
    office = installation(tmp_path / "o.sqlite3", "office", EDUCATION)
    editor = PlanEditService(center.progress)
    editor.copy_year(2569, 2570)
    item = office.progress.find_item("1/1.5/2")
    office.progress.set_progress(item, 2, achieved="75")
    activity = next(a for a in center.plans.load_plan(2569).activities() if a.code == "1.5")
    editor.update("activity", activity.uid, code="1.7")
    packages = PlanPackageService(center)
    PlanPackageService(office).import_plan(packages.export_plan(tmp_path / "p.trat", 2569), trust_new=True)
    PlanPackageService(office).import_plan(packages.export_plan(tmp_path / "q.trat", 2570))
    mine, theirs = office.plans.load_plan(2569), center.plans.load_plan(2569)
    assert [r.uid for r in mine.rows()] == [r.uid for r in theirs.rows()]
    assert [r.predecessor_uid for r in office.plans.load_plan(2570).rows()] == [r.uid for r in mine.rows()]
    kept = next(i for i in office.progress.work_items(2569) if i.indicator_uid == item.indicator_uid)
    assert kept.id == "1/1.7/2" and kept.entry(2).achieved == 75


def test_labels_resolve_once_to_rows_and_activities(service: PlanService) -> None:
    from trat_desktop.domain.labels import find_activity, find_row

    plan = service.load_plan()
    place = find_row(plan, "1/1.5/2")
    assert place.label == "1/1.5/2" and place.activity.code == "1.5" and find_row(plan, place.row.uid) == place
    assert find_activity(plan, "1/1.5") is place.activity
    with pytest.raises(TratError, match="ไม่พบ"):
        find_row(plan, "9/9.9/9")
    duplicate_a_code(service)
    plan = service.load_plan()
    with pytest.raises(TratError, match="2 รายการ"):
        find_activity(plan, "1/1.5")
    with pytest.raises(TratError, match="2 แถว"):
        find_row(plan, "1/1.5/1")
