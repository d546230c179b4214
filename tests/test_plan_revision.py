"""A revised plan document for a year that already has a plan (issue 9, item 3): matched by content,
previewed, applied in place by uid; progress never moves to another row."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from trat_desktop.cli import main
from trat_desktop.domain.identity import Identity
from trat_desktop.domain.plan_match import match_plans
from trat_desktop.errors import TratError
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.plan_edit import PlanEditService
from trat_desktop.services.plan_import import PlanImportRefused, preview
from trat_desktop.store import progress as progress_store

TOURISM = "สนง.การท่องเที่ยวและกีฬา จ.ตราด"
PERCENT_ROW_LINE = 299  # "ร้อยละของบุคลากรในหน่วยงาน ที่ดำเนินการประเมินพฤติกรรม ทางจริยธรรม", the 2nd row of its activity
PERCENT_ROW_TEXT = "ร้อยละของบุคลากรในหน่วยงาน ที่ดำเนินการประเมินพฤติกรรม ทางจริยธรรม"
INSERTED = "\t".join(["", "", "ครั้ง", "๔", "ไม่ใช้ งบประมาณ", "ไตรมาส ๒ - ๔", "จำนวนครั้งในการจัดอบรมจริยธรรมให้บุคลากร",
                      "บุคลากรได้รับการอบรมด้านจริยธรรม", f"- {TOURISM}"])


def insert_line(text: str, before_line: int, line: str) -> str:
    lines = text.split("\n")
    return "\n".join(lines[:before_line - 1] + [line] + lines[before_line - 1:])


def write(tmp_path: Path, text: str, name: str = "revised.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def office(service: PlanService, name: str = TOURISM) -> ProgressService:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name=name, reporter_name="ผู้รายงาน"))
    return progress


def as_coordinator(service: PlanService) -> None:
    """The coordinator's machine holds the offices' values (imported); it imports plan documents."""
    ProgressService(service).set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))


def percent_item(progress: ProgressService):
    return next(i for i in progress.work_items() if i.indicator == PERCENT_ROW_TEXT)


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_an_inserted_row_leaves_the_offices_75_percent_on_its_own_row(service: PlanService, plan_text: str,
                                                                        tmp_path: Path) -> None:
    progress = office(service)
    item = percent_item(progress)
    assert item.unit == "ร้อยละ"
    progress.set_progress(item, 2, achieved="75")
    as_coordinator(service)
    old_label, uid = item.id, item.indicator_uid
    uids_before = {r.uid for r in service.load_plan().rows()}
    stored = "SELECT uid, id FROM indicators UNION ALL SELECT uid, id FROM activities"
    ids_before = dict(service.db.execute(stored).fetchall())

    result = service.preview_plan_text(write(tmp_path, insert_line(plan_text, PERCENT_ROW_LINE, INSERTED)))
    assert result.is_revision and result.diff is not None
    assert [r.title for r in result.diff.added] == ["จำนวนครั้งในการจัดอบรมจริยธรรมให้บุคลากร"]
    assert result.diff.removed == [] and result.diff.changed == [] and result.diff.unmatched == []
    assert result.progress_moves == [(old_label, result.diff.relabelled[uid][1], 1)]
    assert result.kept_aside == []
    assert any("แสดงเป็น" in line for line in result.lines())

    plan = service.apply_plan_import(result)
    assert plan.revision == 2
    ids_after = dict(service.db.execute(stored).fetchall())
    assert all(ids_after[uid] == row_id for uid, row_id in ids_before.items())  # updated in place, not re-inserted
    assert uids_before < {r.uid for r in plan.rows()}          # every old row kept its uid, one new row
    items = {i.indicator_uid: i for i in progress.work_items(agency_uid=item.agency_uid)}
    assert items[uid].entry(2).achieved == 75 and items[uid].unit == "ร้อยละ"
    assert items[uid].id != old_label                           # only its label moved
    inserted = next(i for i in items.values() if i.id == old_label)
    assert (inserted.unit, inserted.target, inserted.entries) == ("ครั้ง", 4, {})


def test_reworded_titles_and_indicators_are_changes_of_the_same_rows(service: PlanService, plan_text: str,
                                                                     tmp_path: Path) -> None:
    old = service.load_plan()
    text = (plan_text.replace("ร้อยละของบุคลากรในหน่วยงาน ที่ดำเนินการประเมินพฤติกรรม ทางจริยธรรม",
                              "ร้อยละของบุคลากรที่ได้รับการประเมินพฤติกรรมทางจริยธรรม")
            .replace("๑.๖ กิจกรรมให้บริการ ด้วยหลักธรรมาภิบาล", "๑.๖ กิจกรรมการให้บริการประชาชนด้วยหลักธรรมาภิบาล"))
    result = service.preview_plan_text(write(tmp_path, text))
    diff = result.diff
    assert diff is not None and not diff.added and not diff.removed and diff.matched_rows == 35
    changed = {(c.entity, f.field): (c.uid, f.old, f.new) for c in diff.changed for f in c.changes}
    row_uid = next(r.uid for r in old.rows() if r.source_line == PERCENT_ROW_LINE)
    assert changed[("indicator", "indicator")][0] == row_uid
    assert changed[("indicator", "indicator")][2] == "ร้อยละของบุคลากรที่ได้รับการประเมินพฤติกรรมทางจริยธรรม"
    activity = next(a for a in old.activities() if a.title.startswith("กิจกรรมให้บริการ"))
    assert changed[("activity", "title")][:2] == (activity.uid, activity.title)
    service.apply_plan_import(result)
    plan = service.load_plan()
    assert next(r for r in plan.rows() if r.uid == row_uid).indicator.startswith("ร้อยละของบุคลากรที่ได้รับ")
    assert {a.uid for a in plan.activities()} == {a.uid for a in old.activities()}


def test_a_removed_row_goes_to_the_trash_and_its_progress_is_kept_aside(service: PlanService, plan_text: str,
                                                                        tmp_path: Path) -> None:
    progress = office(service)
    item = percent_item(progress)
    progress.set_progress(item, 3, achieved="60")
    as_coordinator(service)
    lines = plan_text.split("\n")
    text = "\n".join(lines[:PERCENT_ROW_LINE - 1] + lines[PERCENT_ROW_LINE:])
    result = service.preview_plan_text(write(tmp_path, text))
    assert [r.uid for r in result.diff.removed] == [item.indicator_uid]
    assert [(m.key, m.reasons) for m in result.kept_aside] == [((item.indicator_uid, item.agency_uid, 3), ("row_removed",))]
    assert any("เก็บแยกไว้" in line and "อยู่นอกแผนปัจจุบัน" in line for line in result.lines())
    service.apply_plan_import(result)
    assert item.indicator_uid not in {r.uid for r in service.load_plan().rows()}
    kept = [e for e in progress.orphaned_entries() if e.indicator_uid == item.indicator_uid]
    assert [(e.quarter, e.achieved) for e in kept] == [(3, 60)]
    # the coordinator can restore it from the trash, with the same uid and the value on it
    coordinator = ProgressService(service)
    editor = PlanEditService(coordinator)
    trash = next(t for t in editor.trash() if t["uid"] == item.indicator_uid)
    editor.restore(trash["id"])
    back = next(i for i in coordinator.work_items() if i.indicator_uid == item.indicator_uid and i.agency_name == item.agency_name)
    assert back.entry(3).achieved == 60


def test_a_document_that_would_remove_most_of_the_plan_is_refused(service: PlanService, plan_text: str,
                                                                  tmp_path: Path) -> None:
    before = dump(Path(service.path))
    old = service.load_plan()
    half = service.load_plan()
    for activity in half.activities()[:20]:
        activity.rows.clear()
    with pytest.raises(PlanImportRefused, match=r"เพียง \d+ จาก 35 แถว"):
        preview(service, half, service.known_agencies())
    empty = service.load_plan()
    for activity in empty.activities():
        activity.rows.clear()
    with pytest.raises(PlanImportRefused, match="ไม่มีแถวตัวชี้วัด"):
        preview(service, empty, service.known_agencies())
    assert dump(Path(service.path)) == before
    assert match_plans(old, old).is_empty


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_previews_an_existing_year_and_needs_apply(tmp_path: Path, capsys, plan_text: str) -> None:
    db = tmp_path / "db.sqlite3"
    assert run(capsys, "--db", str(db), "setup", "--office", TOURISM, "--reporter", "ผู้รายงาน")[0] == 0
    code, out, _ = run(capsys, "--db", str(db), "progress", "list", "--json")
    row = next(i for i in json.loads(out) if i["indicator"].startswith("ร้อยละของบุคลากรในหน่วยงาน ที่ดำเนินการ"))
    assert run(capsys, "--db", str(db), "progress", "set", row["id"], "--quarter", "2", "--value", "75")[0] == 0
    assert run(capsys, "--db", str(db), "setup", "--coordinator", "--reporter", "ผู้ประสานงาน")[0] == 0
    doc = write(tmp_path, insert_line(plan_text, PERCENT_ROW_LINE, INSERTED))
    before = dump(db)

    code, out, err = run(capsys, "--db", str(db), "plan", "import-text", str(doc))
    assert code == 3 and "--apply" in err and "เพิ่มตัวชี้วัด" in out
    assert dump(db) == before
    code, out, _ = run(capsys, "--db", str(db), "plan", "import-text", str(doc), "--dry-run", "--json")
    assert code == 0 and dump(db) == before
    data = json.loads(out)
    assert data["applied"] is False and data["existing"] is True
    assert data["diff"]["matched_rows"] == 35 and len(data["diff"]["added"]) == 1
    assert data["progress_moves"] == [{"old_label": row["id"], "new_label": data["progress_moves"][0]["new_label"],
                                       "entries": 1}]
    assert data["kept_aside"] == []

    code, out, _ = run(capsys, "--db", str(db), "plan", "import-text", str(doc), "--apply", "--json")
    assert code == 0 and json.loads(out)["applied"] is True and json.loads(out)["indicators"] == 36
    code, out, _ = run(capsys, "--db", str(db), "progress", "list", "--json", "--agency", TOURISM)
    after = {i["indicator_uid"]: i for i in json.loads(out)}
    assert after[row["indicator_uid"]]["progress"]["2"]["achieved"] == 75
    assert after[row["indicator_uid"]]["id"] != row["id"]
    # the same document again changes nothing and needs no --apply
    code, out, _ = run(capsys, "--db", str(db), "plan", "import-text", str(doc))
    assert code == 0 and "ไม่ต่างจากแผนที่มีอยู่" in out


def test_cli_refuses_a_text_export_without_table_cells(tmp_path: Path, capsys, plan_text: str) -> None:
    """LibreOffice's plain-text export of the Word file: one cell per line, no tabs."""
    db = tmp_path / "db.sqlite3"
    assert run(capsys, "--db", str(db), "plan", "summary")[0] == 0
    before = dump(db)
    doc = write(tmp_path, plan_text.replace("\t", "\n"), "cells-per-line.txt")
    for extra in ((), ("--apply",), ("--dry-run",)):
        code, _, err = run(capsys, "--db", str(db), "plan", "import-text", str(doc), *extra)
        assert code == 2 and err.strip()
        assert dump(db) == before


def test_refusal_names_what_was_found(service: PlanService) -> None:
    from trat_desktop.services.plan_import import refusal

    old = service.load_plan()
    new = service.load_plan()
    new.source_name = "export.txt"
    for activity in new.activities():
        activity.rows.clear()
    message = refusal(old, new, match_plans(old, new))
    assert message is not None and "export.txt" in message and "ตัวชี้วัด 0 แถว" in message and "35 แถว" in message
    assert isinstance(PlanImportRefused(message), TratError)


def test_a_reassigned_row_keeps_the_old_offices_value_aside(service: PlanService, plan_text: str,
                                                             tmp_path: Path) -> None:
    progress = office(service)
    item = percent_item(progress)
    progress.set_progress(item, 2, achieved="75")
    as_coordinator(service)
    text = plan_text.replace("- สนง.การท่องเที่ยวและกีฬา จ.ตราด - สนง.เกษตรและสหกรณ์ จ.ตราด", "- สนง.เกษตรและสหกรณ์ จ.ตราด")
    result = service.preview_plan_text(write(tmp_path, text))
    [change] = [c for c in result.diff.changed if c.uid == item.indicator_uid]
    assert [f.field for f in change.changes] == ["agencies"]
    assert [(m.key, m.reasons) for m in result.kept_aside] == [
        ((item.indicator_uid, item.agency_uid, 2), ("agency_unassigned",))]
    service.apply_plan_import(result)
    assert [e.achieved for e in progress_store.load_entries(service.db, [item.indicator_uid])] == [75]
    # listed only to clear or correct the kept value: the office no longer answers for the row
    assert [i.assigned for i in progress.work_items(agency_uid=item.agency_uid)
            if i.indicator_uid == item.indicator_uid] == [False]


def test_cli_dry_run_of_a_new_year_changes_nothing(tmp_path: Path, capsys, plan_text: str) -> None:
    db = tmp_path / "db.sqlite3"
    assert run(capsys, "--db", str(db), "plan", "summary")[0] == 0
    before = dump(db)
    doc = write(tmp_path, plan_text.replace("๒๕๖๙", "๒๕๗๐"), "plan-2570.txt")
    code, out, _ = run(capsys, "--db", str(db), "plan", "import-text", str(doc), "--dry-run", "--json")
    assert code == 0 and json.loads(out) == {"applied": False, "fiscal_year": 2570, "source_name": "plan-2570.txt",
                                             "existing": False, "rows": 35}
    assert dump(db) == before
    code, out, _ = run(capsys, "--db", str(db), "plan", "import-text", str(doc))
    assert code == 0 and "2570" in out


def test_an_office_takes_revisions_from_plan_packages_not_from_documents(service: PlanService, plan_text: str,
                                                                         tmp_path: Path) -> None:
    office(service)
    before = dump(Path(service.path))
    with pytest.raises(TratError, match="แพ็กเกจแผน"):
        service.import_plan_text(write(tmp_path, insert_line(plan_text, PERCENT_ROW_LINE, INSERTED)))
    assert dump(Path(service.path)) == before


def test_a_corrected_document_brings_a_mistakenly_removed_row_back_with_its_values(
        service: PlanService, plan_text: str, tmp_path: Path) -> None:
    progress = office(service)
    item = percent_item(progress)
    progress.set_progress(item, 2, achieved="75")
    as_coordinator(service)
    lines = plan_text.split("\n")
    service.import_plan_text(write(tmp_path, "\n".join(lines[:PERCENT_ROW_LINE - 1] + lines[PERCENT_ROW_LINE:]),
                                   "mistake.txt"))
    assert item.indicator_uid not in {r.uid for r in service.load_plan().rows()}
    result = service.preview_plan_text(write(tmp_path, plan_text, "corrected.txt"))
    assert [r.uid for r in result.diff.restored] == [item.indicator_uid]
    assert not result.diff.added and not result.diff.removed
    assert any("นำกลับจากถังขยะ" in line for line in result.lines())
    service.apply_plan_import(result)
    back = next(i for i in progress.work_items(agency_uid=item.agency_uid) if i.indicator_uid == item.indicator_uid)
    assert back.entry(2).achieved == 75 and back.id == item.id
    assert item.indicator_uid not in {t["uid"] for t in PlanEditService(progress).trash()}
    assert service.preview_plan_text(write(tmp_path, plan_text, "again.txt")).changes_nothing


def test_another_provinces_document_of_the_same_form_is_refused(service: PlanService) -> None:
    """Same strategies, tactics and activity codes, other texts and other offices: not a revision."""
    from trat_desktop.domain.model import Agency

    other = service.load_plan()
    chanthaburi = Agency("สำนักงานจังหวัดจันทบุรี", "สนจ.จันทบุรี", uid="0b9a3c52-7d8e-4f1a-9b2c-3d4e5f6a7b8c")
    for n, row in enumerate(other.rows()):
        row.indicator = f"จำนวนโครงการจิตอาสาพัฒนาชุมชนในอำเภอเมืองจันทบุรี รอบที่ {n}"
        row.expected_result = "ประชาชนในพื้นที่มีส่วนร่วม"
        row.agencies = [chanthaburi.name]
        row.budget_lines = []
    other.agencies = {chanthaburi.name: chanthaburi}
    with pytest.raises(PlanImportRefused, match="จาก 35 แถว"):
        preview(service, other, [chanthaburi])


def test_a_revision_travels_to_the_office_and_its_next_export_lands_on_the_same_row(tmp_path: Path,
                                                                                    plan_text: str) -> None:
    """Coordinator applies a revised document, sends the plan package; the office keeps its 75 % on its
    row, and its next export (after the revision) imports onto that row at the coordinator."""
    from exchange_helpers import installation

    from trat_desktop.services.plan_package import PlanPackageService

    center = installation(tmp_path / "c.sqlite3", "coordinator")
    desk = installation(tmp_path / "o.sqlite3", "office", TOURISM)
    packages = PlanPackageService(center)
    PlanPackageService(desk).import_plan(packages.export_plan(tmp_path / "p1.trat"), trust_new=True)
    item = percent_item(desk.progress)
    desk.progress.set_progress(item, 2, achieved="75")
    first, _ = desk.export_office(tmp_path / "first.trat")
    assert center.import_files([first], trust_new=True).files[0].status == "imported"

    center.plans.import_plan_text(write(tmp_path, insert_line(plan_text, PERCENT_ROW_LINE, INSERTED)))
    PlanPackageService(desk).import_plan(packages.export_plan(tmp_path / "p2.trat"))
    mine = next(i for i in desk.progress.work_items() if i.indicator_uid == item.indicator_uid)
    assert mine.entry(2).achieved == 75 and mine.unit == "ร้อยละ" and mine.id != item.id
    desk.progress.set_progress(mine, 3, achieved="80")
    second, _ = desk.export_office(tmp_path / "second.trat")
    assert center.import_files([second]).files[0].status == "imported"
    theirs = next(i for i in center.progress.work_items(agency_uid=item.agency_uid)
                  if i.indicator_uid == item.indicator_uid)
    assert (theirs.entry(2).achieved, theirs.entry(3).achieved) == (75, 80)
    inserted = next(i for i in center.progress.work_items(agency_uid=item.agency_uid) if i.id == item.id)
    assert inserted.entries == {} and inserted.unit == "ครั้ง"


def test_a_revision_the_schema_refuses_is_a_thai_error_and_changes_nothing(service: PlanService) -> None:
    from trat_desktop.services.plan_import import apply

    before = dump(Path(service.path))
    doc = service.load_plan()
    doc.strategies[1].number = doc.strategies[0].number       # two strategies numbered 1
    result = preview(service, doc, service.known_agencies())
    with pytest.raises(TratError, match="ซ้ำกัน"):
        apply(service, result)
    assert dump(Path(service.path)) == before
