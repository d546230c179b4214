"""Issue 9, item 2: progress that no longer fits the plan is kept, shown, editable, exported and held
aside on import; never refused whole, never lost. One test per case at the top of the issue."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, FINANCE, agency_uid, installation

from trat_desktop.cli import main
from trat_desktop.domain.plan_fit import OUTSIDE_PLAN_TEXT
from trat_desktop.domain.plan_rules import PlanEditError
from trat_desktop.domain.progress import ValidationError
from trat_desktop.services.plan_edit import NeedsConfirmation, PlanEditService
from trat_desktop.services.plan_package import PlanPackageService
from trat_desktop.store import audit as audit_store
from trat_desktop.store import audit_history
from trat_desktop.store import connection

ROW = "1/1.5/2"  # ร้อยละ, quarters 2-4, the education office answers for it


@pytest.fixture
def world(tmp_path: Path):
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    office = installation(tmp_path / "o.sqlite3", "office", EDUCATION)
    first = PlanPackageService(coordinator).export_plan(tmp_path / "plan-0.trat")
    PlanPackageService(office).import_plan(first, trust_new=True)
    return coordinator, office, tmp_path


class Flow:
    """Moving files between the two installations as people do."""

    def __init__(self, coordinator, office, tmp: Path) -> None:
        self.coordinator, self.office, self.tmp, self.n = coordinator, office, tmp, 0

    def send_plan(self) -> None:
        self.n += 1
        package = PlanPackageService(self.coordinator).export_plan(self.tmp / f"plan-{self.n}.trat")
        PlanPackageService(self.office).import_plan(package)

    def send_progress(self):
        self.n += 1
        path, _ = self.office.export_office(self.tmp / f"office-{self.n}.trat")
        result = self.coordinator.import_files([path], trust_new=True).files[0]
        assert result.status != "rejected", result.reason
        return result


def office_item(office, row_id: str = ROW):
    return office.progress.find_item(row_id)


def coordinator_value(coordinator, row_uid: str, quarter: int):
    from trat_desktop.store import progress as progress_store

    return progress_store.get_entry(coordinator.plans.db, row_uid, agency_uid(coordinator, EDUCATION), quarter)


def test_period_shortened_the_editor_asks_the_export_imports_the_value_is_held_and_the_office_can_clear_it(world):
    coordinator, office, tmp = world
    flow = Flow(coordinator, office, tmp)
    item = office_item(office)
    office.progress.set_progress(item, 3, achieved="70")
    office.progress.set_progress(item, 4, achieved="80")
    flow.send_progress()
    editor = PlanEditService(coordinator.progress)
    with pytest.raises(NeedsConfirmation) as asked:
        editor.update("indicator", item.indicator_uid, quarter_to=3)
    assert EDUCATION in asked.value.message and "ไตรมาส 4" in asked.value.message and "ผล 80" in asked.value.message
    assert [m.key[2] for m in asked.value.affected] == [4]
    assert next(r for r in coordinator.plans.load_plan().rows() if r.uid == item.indicator_uid).quarter_to == 4  # not yet
    editor.update("indicator", item.indicator_uid, confirm=True, quarter_to=3)
    flow.send_plan()

    item = office_item(office)
    assert set(item.outside) == {4} and item.outside[4].reasons == ("quarter_outside",)
    assert item.may_edit(4) and not item.may_edit(1)
    office.progress.set_progress(item, 4, achieved="85")  # a correction of the kept value is allowed
    result = flow.send_progress()  # the bug: this export was refused whole ("ไตรมาส ๔ อยู่นอกระยะเวลา…")
    assert (result.status, result.held) == ("conflict", 1) and OUTSIDE_PLAN_TEXT in result.reason
    assert coordinator_value(coordinator, item.indicator_uid, 4).achieved == 80  # held aside, not taken
    [held] = coordinator.held_values()
    assert (held.theirs.achieved, held.reasons, held.row_label) == (85, ("quarter_outside",), ROW)

    office.progress.set_progress(office_item(office), 4, achieved="", status="ยังไม่เริ่ม")  # the office clears it
    office.progress.set_progress(office_item(office), 3, achieved="75")
    result = flow.send_progress()
    assert result.held == 0 and coordinator.held_values() == []  # the cleared value settles the held one
    assert coordinator_value(coordinator, item.indicator_uid, 4).is_blank()
    assert coordinator_value(coordinator, item.indicator_uid, 3).achieved == 75


def test_a_new_value_outside_the_period_is_still_refused_for_the_office(world):
    coordinator, office, tmp = world
    editor = PlanEditService(coordinator.progress)
    item = office_item(office)
    editor.update("indicator", item.indicator_uid, quarter_to=3)  # nothing recorded: no question
    Flow(coordinator, office, tmp).send_plan()
    with pytest.raises(ValidationError, match="นอกระยะเวลา"):
        office.progress.set_progress(office_item(office), 4, achieved="10")
    assert not office_item(office).may_edit(4)


def test_reassigned_row_stays_listed_for_the_office_to_clear_and_its_export_imports(world):
    coordinator, office, tmp = world
    flow = Flow(coordinator, office, tmp)
    item = office_item(office)
    office.progress.set_progress(item, 2, achieved="60", note="อบรมแล้ว")
    flow.send_progress()
    editor = PlanEditService(coordinator.progress)
    finance = agency_uid(coordinator, FINANCE)
    with pytest.raises(NeedsConfirmation, match=EDUCATION):
        editor.set_agencies(item.indicator_uid, [finance])
    editor.set_agencies(item.indicator_uid, [finance], confirm=True)
    flow.send_plan()
    kept = office_item(office)
    assert not kept.assigned and kept.outside[2].reasons == ("agency_unassigned",)
    with pytest.raises(ValidationError):
        office.progress.set_progress(kept, 3, achieved="10")  # no new values on a row it no longer has
    office.progress.set_progress(kept, 2, note="อบรมแล้ว (ย้ายไปสำนักงานคลัง)")
    result = flow.send_progress()
    assert result.held == 1
    # the coordinator's consolidated view shows the kept value, outside the counts
    from trat_desktop.services.overview import OverviewService

    row = next(r for r in OverviewService(coordinator.plans).rows() if r.indicator_uid == item.indicator_uid)
    assert [o.agency_name for o in row.offices] == [FINANCE]
    assert [k.agency_name for k in row.kept] == [EDUCATION] and OUTSIDE_PLAN_TEXT in row.kept[0].outside_text()
    [held] = coordinator.held_values()
    coordinator.settle_held(held.theirs, accept=True)
    assert "ย้ายไปสำนักงานคลัง" in coordinator_value(coordinator, item.indicator_uid, 2).note
    choice = audit_history.changes(coordinator.plans.db, "progress", limit=5)
    assert any(c.action == "held_resolve" and c.new == "accept" and c.old["note"].startswith("อบรมแล้ว")
               for c in choice)


def test_unit_changed_the_office_corrects_the_value_and_it_imports_normally(world):
    coordinator, office, tmp = world
    flow = Flow(coordinator, office, tmp)
    item = office_item(office)
    office.progress.set_progress(item, 2, achieved="75")
    flow.send_progress()
    editor = PlanEditService(coordinator.progress)
    with pytest.raises(NeedsConfirmation, match="หน่วยนับ"):
        editor.update("indicator", item.indicator_uid, unit="ระดับ")
    editor.update("indicator", item.indicator_uid, confirm=True, unit="ระดับ")
    flow.send_plan()
    item = office_item(office)
    assert item.outside[2].reasons == ("value_unfit",)
    office.progress.set_progress(item, 2, note="ประเมินใหม่")  # other fields stay editable
    with pytest.raises(ValidationError, match="ระดับ"):
        office.progress.set_progress(office_item(office), 2, achieved="60")  # a correction must fit the unit
    office.progress.set_progress(office_item(office), 2, achieved="4")
    assert office_item(office).outside == {}
    result = flow.send_progress()
    assert (result.held, result.updated) == (0, 1)
    assert coordinator_value(coordinator, item.indicator_uid, 2).achieved == 4


def test_removed_row_the_office_export_made_before_the_package_still_imports(world):
    coordinator, office, tmp = world
    flow = Flow(coordinator, office, tmp)
    item = office_item(office)
    office.progress.set_progress(item, 2, achieved="50")
    editor = PlanEditService(coordinator.progress)
    editor.remove("indicator", item.indicator_uid)  # no progress at the coordinator yet: no question
    result = flow.send_progress()
    assert result.held == 1
    [held] = coordinator.held_values()
    assert held.reasons == ("row_removed",)
    coordinator.settle_held(held.theirs, accept=False)
    assert coordinator.held_values() == [] and coordinator_value(coordinator, item.indicator_uid, 2) is None
    dropped = audit_history.changes(coordinator.plans.db, "progress", limit=3)
    assert any(c.action == "held_resolve" and c.new == "drop" and c.old["achieved"] == 50 for c in dropped)


def test_duplicate_activity_code_is_refused_by_the_editor_and_the_cli(world, capsys):
    coordinator, _office, tmp = world
    editor = PlanEditService(coordinator.progress)
    plan = coordinator.plans.load_plan()
    first_tactic = plan.strategies[0].tactics[0]
    target = first_tactic.activities[4]  # 1.5
    with pytest.raises(PlanEditError, match="รหัสกิจกรรม ๑.๔ มีอยู่แล้วในยุทธศาสตร์นี้"):
        editor.update("activity", target.uid, code="๑.๔")
    with pytest.raises(PlanEditError, match="มีอยู่แล้ว"):
        editor.add("activity", first_tactic.uid, code="1.1", title="ซ้ำ")
    # another strategy may have its own 1.4
    other = plan.strategies[1].tactics[0].activities[0]
    editor.update("activity", other.uid, code="1.4")
    assert editor.new_fields("activity", first_tactic.uid) == {"code": "1.7"}
    before = coordinator.plans.load_plan().revision
    db = str(tmp / "c.sqlite3")
    assert main(["--db", db, "plan", "edit", "activity", "1/1.5", "--code", "1.4"]) == 2
    assert "มีอยู่แล้ว" in capsys.readouterr().err
    assert coordinator.plans.load_plan().revision == before
    assert main(["--db", db, "plan", "edit", "activity", "1/1.5", "--code", "1.9"]) == 0
    assert "1/1.9" in capsys.readouterr().out
    assert any(r.id == "1/1.9/2" for r in [coordinator.progress.find_item("1/1.9/2", agency=EDUCATION)])


def test_schema_rejects_duplicate_codes(tmp_path: Path):
    from trat_desktop.services import PlanService

    service = PlanService.open(tmp_path / "s.sqlite3")
    db = service.db
    conn = db.conn
    strategy = conn.execute("SELECT strategy_id FROM tactics GROUP BY strategy_id HAVING count(*) >= 2").fetchone()[0]
    first, second = [r[0] for r in conn.execute("SELECT id FROM tactics WHERE strategy_id = ? ORDER BY position",
                                                [strategy])][:2]
    code = conn.execute("SELECT code FROM activities WHERE tactic_id = ? LIMIT 1", [first]).fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError, match="duplicate activity code"):  # same tactic
        conn.execute("INSERT INTO activities (uid, tactic_id, code, title, position) VALUES ('x', ?, ?, 't', 99)",
                     [first, code])
    with pytest.raises(sqlite3.IntegrityError, match="duplicate activity code"):  # a sibling tactic
        conn.execute("UPDATE activities SET code = ? WHERE id = (SELECT id FROM activities WHERE tactic_id = ? "
                     "LIMIT 1)", [code, second])
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        conn.execute("UPDATE tactics SET number = (SELECT number FROM tactics WHERE id = ?) WHERE id = ?",
                     [first, second])
    service.close()


def test_migration_0007_repairs_existing_duplicates_deterministically(tmp_path: Path):
    import shutil

    path = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parent / "fixtures" / "plan-v1.sqlite3", path)
    raw = connection.Database(sqlite3.connect(path))
    connection.migrate(raw, 1, 6)
    conn = raw.conn
    # strategy 2 has tactics 1, 2, 3 with codes 1.1 / 2.1, 2.2 / 3.1…: make duplicates of both kinds
    strategy = conn.execute("SELECT strategy_id FROM tactics GROUP BY strategy_id HAVING count(*) >= 3").fetchone()[0]
    tactics = [r[0] for r in conn.execute("SELECT id FROM tactics WHERE strategy_id = ? ORDER BY position", [strategy])]
    conn.execute("UPDATE activities SET code = '1.1' WHERE tactic_id = ?", [tactics[1]])  # 2.1 and 2.2 -> 1.1
    conn.execute("UPDATE tactics SET number = 1 WHERE id = ?", [tactics[2]])
    conn.commit()
    raw.close()
    db = connection.connect(path)  # upgrades to 7
    codes = [r[0] for r in db.conn.execute(
        "SELECT a.code FROM activities a JOIN tactics t ON t.id = a.tactic_id WHERE t.strategy_id = ? "
        "ORDER BY t.position, a.position", [strategy])]
    assert codes[:3] == ["1.1", "1.1-2", "1.1-3"]
    assert len(set(codes)) == len(codes)
    numbers = [r[0] for r in db.conn.execute("SELECT number FROM tactics WHERE strategy_id = ? ORDER BY position",
                                             [strategy])]
    assert numbers == [1, 2, 3]  # the repeated 1 (third by position) became one after the highest
    db.close()


def test_cli_plan_edit_prints_the_affected_progress_and_needs_yes(world, capsys):
    coordinator, office, tmp = world
    flow = Flow(coordinator, office, tmp)
    office.progress.set_progress(office_item(office), 4, achieved="80")
    flow.send_progress()
    db = str(tmp / "c.sqlite3")
    revision = coordinator.plans.load_plan().revision
    assert main(["--db", db, "plan", "edit", "indicator", ROW, "--quarters", "๒-๓"]) == 3
    out = capsys.readouterr().out
    assert "ไตรมาส 4: ผล 80" in out and EDUCATION in out and "--yes" in out
    assert main(["--db", db, "plan", "edit", "indicator", ROW, "--quarters", "2-3", "--dry-run"]) == 3
    assert coordinator.plans.load_plan().revision == revision
    assert main(["--db", db, "plan", "edit", "indicator", ROW, "--quarters", "4-1"]) == 2
    assert "ไตรมาส" in capsys.readouterr().err
    assert main(["--db", db, "plan", "edit", "indicator", "9/9.9/9", "--unit", "ครั้ง"]) == 2
    assert main(["--db", db, "plan", "edit", "indicator", ROW, "--target", "90"]) == 0  # affects nothing
    assert main(["--db", db, "plan", "edit", "indicator", ROW, "--quarters", "2-3", "--agencies",
                 f"{EDUCATION};{FINANCE}", "--yes"]) == 0
    row = next(r for r in coordinator.plans.load_plan().rows() if r.uid == office_item(office).indicator_uid)
    assert (row.quarter_from, row.quarter_to, row.target, row.agencies) == (2, 3, 90, [EDUCATION, FINANCE])
    capsys.readouterr()
    # the office's side: progress list --json marks the kept value
    flow.send_plan()
    assert main(["--db", str(tmp / "o.sqlite3"), "progress", "list", "--json"]) == 0
    items = {i["id"]: i for i in json.loads(capsys.readouterr().out)}
    assert items[ROW]["outside_plan"] is True
    assert items[ROW]["progress"]["4"]["outside_plan"] is True
    assert items[ROW]["progress"]["4"]["reasons"] == ["quarter_outside"]
    assert all(not i["outside_plan"] for key, i in items.items() if key != ROW)
    # an office may not edit the plan
    assert main(["--db", str(tmp / "o.sqlite3"), "plan", "edit", "indicator", ROW, "--unit", "ครั้ง"]) == 2


def test_cli_conflicts_lists_held_values_and_settles_them(world, capsys):
    coordinator, office, tmp = world
    flow = Flow(coordinator, office, tmp)
    item = office_item(office)
    PlanEditService(coordinator.progress).update("indicator", item.indicator_uid, quarter_to=3)
    office.progress.set_progress(item, 4, achieved="30")  # the office still had the old plan
    flow.send_progress()
    db = str(tmp / "c.sqlite3")
    assert main(["--db", db, "conflicts", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert (listed["kind"], listed["outside_plan"], listed["row"], listed["quarter"]) == ("outside_plan", True, ROW, 4)
    assert main(["--db", db, "conflicts", "--resolve", "1", "--keep-mine"]) == 2  # wrong choice for this kind
    assert "--accept" in capsys.readouterr().err
    assert main(["--db", db, "conflicts", "--resolve", "1", "--accept"]) == 0
    assert "บันทึกการตัดสินแล้ว" in capsys.readouterr().out
    assert coordinator_value(coordinator, item.indicator_uid, 4).achieved == 30
    assert main(["--db", db, "conflicts", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_audit_log_readers_read_both_old_encodings_and_the_new_one(world):
    coordinator, office, tmp = world
    db = coordinator.plans.db
    with db.atomic():
        audit_store.record_many(db, [
            ("2026-01-01", "เก่า", "progress", "progress", "r/a/q1", "note", "", "123"),  # old str() per field
            ("2026-01-01", "เก่า", "progress", "progress", "r/a/q1", "achieved", None, "85.0"),
            ("2026-01-02", "เก่า", "import", "progress", "r/a/q2", "achieved,status",
             json.dumps({"achieved": None, "status": "not_started"}),
             json.dumps({"achieved": 60, "status": "done"}, ensure_ascii=False)),  # old per-record JSON row
        ])
    office.progress.set_progress(office_item(office), 2, achieved="40", note="ข้อความ")
    old = {(c.entity_uid, c.field): (c.old, c.new) for c in audit_history.changes(db, "progress")}
    assert old[("r/a/q1", "note")] == ("", "123") and old[("r/a/q1", "achieved")] == (None, 85.0)
    assert old[("r/a/q2", "achieved")] == (None, 60) and old[("r/a/q2", "status")] == ("not_started", "done")
    item = office_item(office)
    history = {c.field: (c.old, c.new) for c in office.progress.history(item, 2)}
    assert history == {"achieved": (None, 40.0), "note": ("", "ข้อความ")}


def test_a_plan_with_a_repeated_code_is_stored_repaired_with_a_warning(service):
    import uuid

    from trat_desktop.domain.model import copy_for_year
    from trat_desktop.store import plans as plan_store

    twin = copy_for_year(service.load_plan(), 2570, lambda old: str(uuid.uuid5(uuid.NAMESPACE_URL, old)))
    strategy = twin.strategies[1]  # tactics 1, 2, 3
    strategy.tactics[1].activities[0].code = "1.1"  # 2.1 -> the code of tactic 1's activity
    strategy.tactics[2].number = 1
    plan_store.save_plan(service.db, twin)
    stored = service.load_plan(2570)
    codes = [a.code for t in stored.strategies[1].tactics for a in t.activities]
    assert codes[:3] == ["1.1", "1.1-2", "2.2"]
    assert [t.number for t in stored.strategies[1].tactics] == [1, 2, 3]
    assert {w.code for w in stored.warnings} >= {"duplicate_code", "duplicate_tactic"}
    assert any("1.1-2" in w.message for w in stored.warnings)


def test_values_on_a_row_inside_a_removed_activity_are_held_not_refusing_the_file(world):
    coordinator, office, tmp = world
    item = office_item(office)
    office.progress.set_progress(item, 2, achieved="55")
    activity = next(a for a in coordinator.plans.load_plan().activities() if item.indicator_uid in
                    {r.uid for r in a.rows})
    PlanEditService(coordinator.progress).remove("activity", activity.uid)
    result = Flow(coordinator, office, tmp).send_progress()
    assert result.held == 1 and coordinator.held_values()[0].reasons == ("row_removed",)


@pytest.mark.parametrize(("args", "expected"), [
    (["--quarters", " ๒ - ๓ "], (2, 3, 80.0)),
    (["--quarters", "2–3"], (2, 3, 80.0)),  # an en dash, as word processors type it
    (["--quarters", "2 ถึง 4", "--target", "๘๕ %"], (2, 4, 85.0)),
    (["--quarters", "3"], (3, 3, 80.0)),
])
def test_cli_plan_edit_takes_the_ways_people_type_periods_and_targets(service, args, expected, capsys):
    from trat_desktop.services import ProgressService
    from trat_desktop.domain.identity import Identity

    ProgressService(service).set_identity(Identity(role="coordinator"))
    assert main(["--db", str(service.path), "plan", "edit", "indicator", ROW, *args]) == 0
    row = ProgressService(service).find_item(ROW, agency=EDUCATION).row
    assert (row.quarter_from, row.quarter_to, row.target) == expected


@pytest.mark.parametrize(("args", "words"), [
    (["--quarters", "4-2"], "ไตรมาสเริ่ม"), (["--quarters", "q2"], "รูปแบบ"), (["--target", "แปดสิบ"], "ตัวเลข"),
    (["--unit", " "], "หน่วยนับ"), (["--agencies", " ; "], "อย่างน้อย"), (["--agencies", "ไม่มีหน่วยนี้"], "ไม่พบ"),
    ([], "ไม่มีสิ่งที่จะแก้ไข"),
])
def test_cli_plan_edit_refusals_change_nothing(service, args, words, capsys):
    from trat_desktop.services import ProgressService
    from trat_desktop.domain.identity import Identity

    ProgressService(service).set_identity(Identity(role="coordinator"))
    before = list(service.db.conn.iterdump())
    assert main(["--db", str(service.path), "plan", "edit", "indicator", ROW, *args]) == 2
    assert words in capsys.readouterr().err
    assert list(service.db.conn.iterdump()) == before


def test_activity_codes_of_the_document_forms_are_accepted():
    from trat_desktop.domain.plan_rules import clean_field

    assert clean_field("activity", "code", "๑.๑.๑") == "1.1.1" and clean_field("activity", "code", " 2.10 ") == "2.10"
    for bad in ("1", "1..2", "1.5-2", "ก.1"):
        with pytest.raises(PlanEditError):
            clean_field("activity", "code", bad)


def test_a_value_no_unit_takes_is_malformed_one_only_the_new_unit_refuses_is_kept():
    from trat_desktop.domain.plan_fit import value_possible

    assert all(value_possible(v) for v in (None, 0, 3, 75, 99.5, 150, 10**6))
    assert not any(value_possible(v) for v in (100.000001, -0.001, -1, 2**62, 10.5 + 1000))


def test_the_import_preview_says_which_values_would_be_held_aside(world):
    coordinator, office, tmp = world
    item = office_item(office)
    office.progress.set_progress(item, 4, achieved="20")
    PlanEditService(coordinator.progress).update("indicator", item.indicator_uid, quarter_to=3)
    path, _ = office.export_office(tmp / "preview.trat")
    before = coordinator.snapshot()
    report = coordinator.import_files([path], dry_run=True, trust_new=True)
    [result] = report.files
    assert result.held == 1 and report.totals()["held"] == 1 and report.as_json()["files"][0]["held"] == 1
    assert any(OUTSIDE_PLAN_TEXT in change and f"[{ROW}] ไตรมาส 4" in change for change in result.changes)
    assert coordinator.snapshot() == before and coordinator.held_values() == []
