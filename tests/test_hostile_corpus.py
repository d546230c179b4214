"""Every file of the hostile corpus (tests/hostile_corpus.py) is refused with a Thai reason, changes
nothing in the database (compared as a full dump, the ledger's one "rejected" row aside) and leaves
nothing on disk; one bad file in a folder never stops the others; plan packages alike."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, agency_uid, installation, record, resign
from hostile_corpus import Case, office_corpus, plan_corpus

from trat_desktop.domain.progress import LEVEL_UNITS, PERCENT_UNITS
from trat_desktop.errors import TratError
from trat_desktop.services.exchange_import import unexpected_reason
from trat_desktop.services.plan_package import PlanPackageService

CRASHED = unexpected_reason("", ValueError())[-40:]   # the tail of the fallback reason: a check was missing
ENGLISH_FIELDS = ("spent_satang", "achieved", "indicator_uid", "agency_uid", "file_name", "removed_at", "revision",
                  "(None)", "(กรอก -๐)")


def dump(db_path: Path, skip_rejected: bool = True) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        if skip_rejected:
            # the run's own "rejected" rows are the one change a refused file may make
            conn.execute("PRAGMA query_only = 1")
            lines = [line for line in conn.iterdump() if "'rejected'" not in line]
        else:
            lines = list(conn.iterdump())
        return lines
    finally:
        conn.close()


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")
            if p.is_file() and not p.name.endswith(("-wal", "-shm")) and "hostile" not in p.parts}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    (tmp / "office").mkdir()
    (tmp / "coordinator").mkdir()
    office = installation(tmp / "office" / "db.sqlite3", "office", EDUCATION)
    coordinator = installation(tmp / "coordinator" / "db.sqlite3", "coordinator")
    progress = office.progress
    item = progress.find_item("1/1.5/2")
    progress.set_progress(item, 2, achieved="50")
    photo = tmp / "photo.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of the training \xff\xd9")
    progress.attach_evidence(item, 2, photo)
    first, _ = office.export_office(tmp / "first.trat")
    assert coordinator.import_files([first], trust_new=True).ok
    progress.set_progress(item, 2, achieved="80")
    good, _ = office.export_office(tmp / "good.trat")
    uid = agency_uid(coordinator, EDUCATION)
    count_row = next(i.indicator_uid for i in progress.work_items()
                     if i.row.unit.strip() not in PERCENT_UNITS | LEVEL_UNITS and 2 in i.quarters())
    cases = office_corpus(tmp / "hostile" / "office", good, office.my_keys().private_b64, uid,
                          item.indicator_uid, count_row)
    return office, coordinator, tmp, good, cases


def assert_refused_cleanly(reason: str, case: Case) -> None:
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in reason), (case.name, reason)
    assert CRASHED not in reason, f"{case.name} crashed instead of being refused: {reason}"
    for word in case.words:
        assert word in reason, (case.name, reason)
    without_name = reason.replace(case.name, "")
    for english in ENGLISH_FIELDS:
        assert english not in without_name, (case.name, reason)


def test_every_hostile_office_file_is_refused_and_changes_nothing(world) -> None:
    _, coordinator, tmp, _, cases = world
    db_path = tmp / "coordinator" / "db.sqlite3"
    assert len(cases) >= 55
    before, on_disk = dump(db_path), files_under(tmp / "coordinator")
    ledger_before = len(coordinator.ledger())
    for case in cases:
        result = coordinator.import_files([case.path], trust_new=True).files[0]
        assert result.status == "rejected", (case.name, result.status, result.reason)
        assert_refused_cleanly(result.reason, case)
    assert dump(db_path) == before
    assert files_under(tmp / "coordinator") == on_disk            # no backup, no evidence file, no .part
    assert len(coordinator.ledger()) == ledger_before + len(cases)  # one "rejected" row each, nothing else


def test_one_folder_of_hostile_files_with_one_good_file(world) -> None:
    """The whole corpus in one run with a genuine newer export: every file gets a status, the good
    file is imported, and the bad ones do not stop it."""
    office, coordinator, tmp, _, cases = world
    progress = office.progress
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="90")
    folder = tmp / "hostile" / "mixed"
    folder.mkdir(parents=True)
    for case in cases:
        shutil.copy(case.path, folder / case.name)
    office.export_office(folder / "zzz-genuine.trat")
    report = coordinator.import_files([folder], trust_new=True)
    statuses = {r.file: r.status for r in report.files}
    assert len(statuses) == len(cases) + 1
    assert statuses.pop("zzz-genuine.trat") == "imported"
    assert set(statuses.values()) == {"rejected"}
    assert coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).entries[2].achieved == 90
    for case, result in zip(cases, [r for r in report.files if r.file != "zzz-genuine.trat"]):
        assert result.file == case.name
        assert_refused_cleanly(result.reason, case)


def test_a_merge_that_fails_rejects_its_file_and_leaves_nothing(world, monkeypatch) -> None:
    """The safety net: a fault no check foresaw while merging one file (here: writing its evidence row)
    rejects that file in Thai, rolls it back, removes the evidence file it wrote and the run's backup."""
    office, coordinator, tmp, good, _ = world
    from trat_desktop.store import evidence as evidence_store

    other = tmp / "other-photo.png"
    other.write_bytes(b"\x89PNG another photo")
    progress = office.progress
    progress.attach_evidence(progress.find_item("1/1.5/2"), 2, other)
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="95")
    newer, _ = office.export_office(tmp / "newer.trat")
    db_path = tmp / "coordinator" / "db.sqlite3"
    before, on_disk = dump(db_path), files_under(tmp / "coordinator")

    def broken(*_args, **_kwargs):
        raise OverflowError("Python int too large to convert to SQLite INTEGER")
    monkeypatch.setattr(evidence_store, "apply_events", broken)
    result = coordinator.import_files([newer], trust_new=True).files[0]
    assert result.status == "rejected" and "ไม่มีข้อมูลใดเปลี่ยนแปลง" in result.reason
    assert dump(db_path) == before
    assert files_under(tmp / "coordinator") == on_disk


def test_a_note_with_line_separators_imports_and_so_do_later_files(world) -> None:
    """Pasted text (U+2028, U+2029, U+0085, a tab, a NUL) in a file made by an older version: the file is
    read, the note stored as entry would store it, and the office's later files import too."""
    office, coordinator, tmp, good, _ = world
    uid = agency_uid(coordinator, EDUCATION)
    row = office.progress.find_item("1/1.5/2").indicator_uid
    pasted = "อบรม\u2028ครั้งที่ ๑\u2029ผู้เข้าร่วม\x85๓๐ คน\tครบ\x00"

    def raw_note(files: dict[str, bytes]) -> None:
        import json
        line = json.dumps(record(row, uid, 2, 97, revision=90, note=pasted), ensure_ascii=False)
        files["progress.jsonl"] = line.encode() + b"\n"
    old_style = resign(good, tmp / "old-style.trat", office.my_keys().private_b64, entries=raw_note,
                       manifest_changes={"sequence": 500, "format_version": 1})
    assert "\u2028".encode() in __import__("zipfile").ZipFile(old_style).read("progress.jsonl")
    result = coordinator.import_files([old_style], trust_new=True).files[0]
    assert result.status == "imported", result.reason
    entry = coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).entries[2]
    assert entry.note == "อบรม\nครั้งที่ ๑\nผู้เข้าร่วม\n๓๐ คน ครบ"
    later = resign(good, tmp / "later.trat", office.my_keys().private_b64, manifest_changes={"sequence": 501})
    assert coordinator.import_files([later], trust_new=True).files[0].status in ("imported", "unchanged")


# -- plan packages ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def plan_world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("plan-corpus")
    (tmp / "office").mkdir()
    (tmp / "coordinator").mkdir()
    coordinator = installation(tmp / "coordinator" / "db.sqlite3", "coordinator")
    office = installation(tmp / "office" / "db.sqlite3", "office", EDUCATION)
    package = PlanPackageService(coordinator).export_plan(tmp / "plan.trat")
    PlanPackageService(office).import_plan(package, trust_new=True)
    cases = plan_corpus(tmp / "hostile" / "plan", package, coordinator.my_keys().private_b64)
    return office, tmp, package, cases


def test_every_hostile_plan_package_is_refused_and_changes_nothing(plan_world) -> None:
    office, tmp, _, cases = plan_world
    db_path = tmp / "office" / "db.sqlite3"
    before, on_disk = dump(db_path, skip_rejected=False), files_under(tmp / "office")
    packages = PlanPackageService(office)
    assert len(cases) >= 15
    for case in cases:
        with pytest.raises(TratError) as info:
            packages.import_plan(case.path)
        assert_refused_cleanly(info.value.message, case)
    assert dump(db_path, skip_rejected=False) == before
    assert files_under(tmp / "office") == on_disk


def test_unreadable_paths_get_a_thai_status_and_do_not_stop_the_run(world, tmp_path) -> None:
    office, coordinator, tmp, _, _ = world
    folder = tmp_path / "inbox"
    (folder / "a-folder.trat").mkdir(parents=True)            # a folder named like a file
    locked = folder / "b-locked.trat"
    locked.write_bytes(b"PK")
    locked.chmod(0)
    office.progress.set_progress(office.progress.find_item("1/1.5/2"), 2, achieved="99")
    office.export_office(folder / "c-genuine.trat")
    report = coordinator.import_files([folder / "a-folder.trat", locked, folder / "c-genuine.trat",
                                       folder / "missing.trat"], trust_new=True)
    by_name = {r.file: r for r in report.files}
    assert by_name["c-genuine.trat"].status != "rejected"   # (stale here: earlier tests took sequence 501)
    assert by_name["missing.trat"].status == "rejected" and "ไม่พบไฟล์" in by_name["missing.trat"].reason
    locked_result = by_name["b-locked.trat"]  # unreadable, or (as root) read and found not to be a zip
    assert locked_result.status == "rejected" and "ไฟล์" in locked_result.reason
    assert not any(word in r.reason for r in report.files for word in ("Errno", "Permission", "No such"))
    locked.chmod(0o600)
