"""Office exports and the coordinator's import: merge rules, trust, conflicts, undo."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, FINANCE, agency_uid, craft, installation, record

from trat_desktop.cli import main
from trat_desktop.domain.identity import PermissionDenied
from trat_desktop.errors import TratError
from trat_desktop.exchange import keys
from trat_desktop.services.exchange import ExchangeService


@pytest.fixture
def world(tmp_path: Path):
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    coordinator = installation(tmp_path / "coordinator.sqlite3", "coordinator")
    return office, coordinator, tmp_path


def enter(office: ExchangeService, item_id: str, quarter: int, **values) -> None:
    progress = office.progress
    progress.set_progress(progress.find_item(item_id), quarter, **values)


def test_round_trip_with_evidence(world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="85", spent="12000", status="ดำเนินการแล้ว", note="อบรม")
    photo = tmp / "photo.jpg"
    photo.write_bytes(b"\xff\xd8photo")
    office.progress.attach_evidence(office.progress.find_item("1/1.5/2"), 2, photo)
    path, sequence = office.export_office(folder=tmp)
    assert sequence == 1 and "สนง.ศึกษาธิการ" in path.name and path.suffix == ".trat"
    with zipfile.ZipFile(path) as z:
        assert set(z.namelist()) >= {"manifest.json", "signature", "progress.jsonl", "evidence.jsonl"}
        manifest = json.loads(z.read("manifest.json"))
    assert manifest["office"]["name"] == EDUCATION and manifest["sequence"] == 1
    assert manifest["fiscal_year"] == 2569 and manifest["plan_revision"] == 1

    report = coordinator.import_files([path], trust_new=True)
    result = report.files[0]
    assert (result.status, result.added, result.updated, result.conflicts) == ("imported", 1, 0, 0)
    item = coordinator.progress.find_item("1/1.5/2", agency=EDUCATION)
    entry = item.entries[2]
    assert (entry.achieved, entry.spent_satang, entry.status, entry.note) == (85, 1_200_000, "done", "อบรม")
    evidence = coordinator.progress.evidence(item)
    assert [e.file_name for e in evidence] == ["photo.jpg"]
    assert coordinator.progress.evidence_path(evidence[0]).read_bytes() == photo.read_bytes()
    ledger = coordinator.ledger()
    assert ledger[0]["status"] == "imported" and ledger[0]["office_uid"] == agency_uid(coordinator, EDUCATION)


def test_reimport_is_unchanged_and_older_is_stale(world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="50")
    first, _ = office.export_office(tmp / "first.trat")
    enter(office, "1/1.5/2", 2, achieved="90")
    second, _ = office.export_office(tmp / "second.trat")
    assert coordinator.import_files([second], trust_new=True).files[0].status == "imported"
    before = coordinator.snapshot()
    again = coordinator.import_files([second]).files[0]
    assert again.status == "unchanged" and "แล้ว" in again.reason
    old = coordinator.import_files([first]).files[0]
    assert old.status == "stale" and "เก่ากว่า" in old.reason
    assert coordinator.snapshot() == before
    assert coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).entries[2].achieved == 90


def test_dry_run_lists_changes_and_writes_nothing(world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 3, achieved="70", note="ครึ่งทาง")
    path, _ = office.export_office(tmp / "x.trat")
    report = coordinator.import_files([path], dry_run=True, trust_new=True)
    assert report.dry_run and report.files[0].added == 1
    assert report.files[0].changes == ["[1/1.5/2] ไตรมาส 3 ผลการดำเนินงาน (ว่าง) -> 70; รายละเอียดผลการดำเนินงาน (ว่าง) -> ครึ่งทาง"]
    assert [(c.row, c.quarter, c.field, c.old, c.new) for c in report.files[0].details] == [
        ("1/1.5/2", 3, "achieved", None, 70.0), ("1/1.5/2", 3, "note", "", "ครึ่งทาง")]
    assert coordinator.snapshot() == [] and coordinator.ledger() == [] and coordinator.office_keys() == []


def test_first_key_must_be_trusted_and_later_keys_must_match(world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="50")
    path, _ = office.export_office(tmp / "x.trat")
    refused = coordinator.import_files([path]).files[0]
    assert refused.status == "rejected" and office.fingerprint() in refused.reason
    asked: list[tuple[str, str]] = []
    report = coordinator.import_files([path], confirm_key=lambda name, fp: asked.append((name, fp)) or True)
    assert asked == [(EDUCATION, office.fingerprint())] and report.ok
    # a new PC for the same office: another key is refused until the coordinator re-enrols the office
    newcomer = installation(tmp / "newpc.sqlite3", "office", EDUCATION)
    enter(newcomer, "1/1.5/2", 2, achieved="60")
    other, _ = newcomer.export_office(tmp / "y.trat")
    bad = coordinator.import_files([other], trust_new=True).files[0]
    assert bad.status == "rejected" and "ไม่ใช่ของ" in bad.reason
    assert coordinator.reenrol(EDUCATION)
    assert coordinator.import_files([other], trust_new=True).files[0].status == "imported"


def test_forged_file_office_a_signing_for_office_b(world) -> None:
    office, coordinator, tmp = world
    finance = installation(tmp / "finance.sqlite3", "office", FINANCE)
    enter(finance, "1/1.1/1", 2, achieved="80")
    coordinator.import_files([finance.export_office(tmp / "f.trat")[0]], trust_new=True)
    enter(office, "1/1.5/2", 2, achieved="1")
    coordinator.import_files([office.export_office(tmp / "e.trat")[0]], trust_new=True)
    before = coordinator.snapshot()
    finance_uid = agency_uid(coordinator, FINANCE)
    row = coordinator.progress.find_item("1/1.1/1", agency=FINANCE).indicator_uid
    # the education office's key, claiming to be the finance office
    forged = craft(tmp / "forged.trat", private_b64=office.my_keys().private_b64, office_uid=finance_uid,
                   sequence=99, records=[record(row, finance_uid, 2, 5, revision=50)])
    result = coordinator.import_files([forged]).files[0]
    assert result.status == "rejected" and "ไม่ใช่ของสำนักงานคลังจังหวัดตราด" in result.reason
    # the education office's own identity, but carrying the finance office's rows
    education_uid = agency_uid(coordinator, EDUCATION)
    smuggled = craft(tmp / "smuggled.trat", private_b64=office.my_keys().private_b64, office_uid=education_uid,
                     sequence=99, records=[record(row, finance_uid, 2, 5, revision=50)])
    result = coordinator.import_files([smuggled]).files[0]
    assert result.status == "rejected" and "หน่วยงานอื่น" in result.reason
    assert coordinator.snapshot() == before


def test_coordinator_correction_then_office_change_is_a_conflict(world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="50")
    coordinator.import_files([office.export_office(tmp / "1.trat")[0]], trust_new=True)
    item = coordinator.progress.find_item("1/1.5/2", agency=EDUCATION)
    coordinator.progress.set_progress(item, 2, achieved="55")  # the coordinator corrects a typo
    enter(office, "1/1.5/2", 2, achieved="60")  # the office changes it differently
    result = coordinator.import_files([office.export_office(tmp / "2.trat")[0]]).files[0]
    assert (result.status, result.conflicts) == ("conflict", 1)
    assert coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).entries[2].achieved == 55
    [(theirs, mine)] = coordinator.conflicts()
    assert (theirs.achieved, mine.achieved) == (60, 55)
    coordinator.resolve(theirs, keep_mine=False)
    assert coordinator.conflicts() == []
    assert coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).entries[2].achieved == 60
    # the office did not touch it again: the next file brings no new conflict
    enter(office, "1/1.3/1", 2, achieved="1")
    nxt = coordinator.import_files([office.export_office(tmp / "3.trat")[0]]).files[0]
    assert (nxt.status, nxt.added, nxt.conflicts) == ("imported", 1, 0)


def test_keep_mine_is_final_until_the_office_changes_again(world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="50")
    coordinator.import_files([office.export_office(tmp / "1.trat")[0]], trust_new=True)
    coordinator.progress.set_progress(coordinator.progress.find_item("1/1.5/2", agency=EDUCATION), 2, achieved="55")
    enter(office, "1/1.5/2", 2, achieved="60")
    second, _ = office.export_office(tmp / "2.trat")
    coordinator.import_files([second])
    [(theirs, _)] = coordinator.conflicts()
    coordinator.resolve(theirs, keep_mine=True)
    enter(office, "1/1.2/1", 2, achieved="70")
    coordinator.import_files([office.export_office(tmp / "3.trat")[0]])
    assert coordinator.conflicts() == []
    assert coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).entries[2].achieved == 55


def test_undo_import_and_backups(world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="50")
    coordinator.import_files([office.export_office(tmp / "1.trat")[0]], trust_new=True)
    after_first = coordinator.snapshot()
    enter(office, "1/1.5/2", 2, achieved="75")
    coordinator.import_files([office.export_office(tmp / "2.trat")[0]])
    assert coordinator.snapshot() != after_first
    info = coordinator.undo_import()
    assert info["files"] == ["2.trat"]
    assert coordinator.snapshot() == after_first
    assert [r["file_name"] for r in coordinator.ledger()] == ["1.trat"]
    backups = sorted(coordinator.backup_folder().glob("before-import-*.zip"))
    assert len(backups) == 2
    # a later edit makes undo unsafe
    coordinator.progress.set_progress(coordinator.progress.find_item("1/1.3/1", agency=EDUCATION), 2, achieved="1")
    with pytest.raises(TratError, match="หลังการนำเข้า"):
        coordinator.undo_import()


def test_backups_are_rotated(world) -> None:
    _, coordinator, _ = world
    for _ in range(4):
        coordinator.backup("daily", keep=2)
    assert len(list(coordinator.backup_folder().glob("daily-*.zip"))) == 2


def test_roles_are_enforced(world) -> None:
    office, coordinator, tmp = world
    with pytest.raises(PermissionDenied):
        coordinator.export_office(tmp / "x.trat")
    path, _ = office.export_office(tmp / "x.trat")
    with pytest.raises(PermissionDenied):
        office.import_files([path])


def test_fingerprint_is_readable_aloud(world) -> None:
    office, coordinator, _ = world
    fp = office.fingerprint()
    assert len(fp) == 24 and fp.count("-") == 4 and fp.replace("-", "").isdigit()
    assert fp != coordinator.fingerprint()
    assert keys.fingerprint(office.my_keys().public_b64) == fp


def test_cli_import_json_and_exit_status(world, capsys) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="50")
    good, _ = office.export_office(tmp / "good.trat")
    junk = tmp / "junk.trat"
    junk.write_bytes(b"not a zip at all")
    db = str(coordinator.plans.path)
    coordinator.plans.close()
    code = main(["--db", db, "import", str(good), str(junk), "--json", "--trust-new"])
    out = json.loads(capsys.readouterr().out)
    assert code == 2
    assert [f["status"] for f in out["files"]] == ["imported", "rejected"]
    assert out["totals"]["added"] == 1 and out["totals"]["files_rejected"] == 1
    code = main(["--db", db, "import", str(good), "--json"])
    assert code == 0 and json.loads(capsys.readouterr().out)["files"][0]["status"] == "unchanged"


def test_verification_code_links_paper_to_imported_file(world, capsys) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="85")
    code = office.verification_code()
    assert len(code) == 12 and code.count("-") == 2
    path, _ = office.export_office(tmp / "q2.trat")
    assert office.verification_code() == code  # exporting does not change the data
    coordinator.import_files([path], trust_new=True)
    found = coordinator.verify(code.lower())
    assert found is not None and found["file"] == "q2.trat" and found["office"] == EDUCATION
    enter(office, "1/1.5/2", 2, achieved="86")
    assert office.verification_code() != code
    assert coordinator.verify(office.verification_code()) is None
    db = str(coordinator.plans.path)
    coordinator.plans.close()
    assert main(["--db", db, "verify", code]) == 0
    assert "q2.trat" in capsys.readouterr().out
    assert main(["--db", db, "verify", "AAAA-BBBB-CC"]) == 2
