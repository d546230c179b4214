"""Backups made while the app runs, daily rotation, and restoring with the current database kept aside."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from trat_desktop.cli import main
from trat_desktop.domain.identity import Identity
from trat_desktop.errors import TratError
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services import backup as backups


def value(db: Path) -> float | None:
    service = PlanService.open(db)
    try:
        item = ProgressService(service).find_item("1/1.5/2")
        return item.entries[2].achieved if 2 in item.entries else None
    finally:
        service.close()


def test_backup_restore_round_trip(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db.sqlite3"
    service = PlanService.open(db)
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name="สนง.ศึกษาธิการ จ.ตราด"))
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="40")
    copy = backups.backup_now(service, tmp_path / "copy.zip")
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="90")
    service.close()
    assert value(db) == 90
    assert main(["--db", str(db), "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "before-restore" in out
    assert value(db) == 40
    aside = next(tmp_path.glob("db.before-restore-*.sqlite3"))
    assert value(aside) == 90


def test_restore_refuses_bad_files_and_changes_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db.sqlite3"
    PlanService.open(db).close()
    before = list(sqlite3.connect(db).iterdump())
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"garbage" * 100)
    assert main(["--db", str(db), "restore", str(junk)]) == 2
    assert "ไม่ใช่ฐานข้อมูล" in capsys.readouterr().err
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(TratError, match="ไม่ใช่ฐานข้อมูลของ Trat Desktop"):
        backups.restore(db, other)
    assert list(sqlite3.connect(db).iterdump()) == before
    assert not list(tmp_path.glob("db.before-restore-*"))


def test_restore_works_when_the_current_database_is_broken(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    service = PlanService.open(db)
    good = backups.backup_now(service, tmp_path / "good.zip")
    service.close()
    db.write_bytes(b"\x00" * 4096)
    aside = backups.restore(db, good)
    assert aside.read_bytes() == b"\x00" * 4096
    assert PlanService.open(db).fiscal_years() == [2569]


def test_daily_backup_once_a_day_and_rotated(tmp_path: Path) -> None:
    service = PlanService.open(tmp_path / "db.sqlite3")
    start = dt.date(2026, 3, 1)
    made = [backups.daily_backup(service, start + dt.timedelta(days=n), keep=3) for n in range(5)]
    assert all(made)
    assert backups.daily_backup(service, start + dt.timedelta(days=4), keep=3) is None
    kept = sorted(p.name for p in backups.backup_folder(service).glob("daily-*.zip"))
    assert len(kept) == 3 and kept[-1].startswith("daily-20260305")
    service.close()


def test_describe_says_whose_backup_it_is_and_refuses_bad_files(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    service = PlanService.open(db)
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name="สนง.ศึกษาธิการ จ.ตราด"))
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="40")
    copy = backups.backup_now(service, tmp_path / "copy.zip")
    service.close()
    info = backups.describe(copy)
    assert info.owner == "สำนักงานศึกษาธิการจังหวัดตราด"
    assert info.size == copy.stat().st_size and info.schema_version >= 1
    assert info.last_change is not None and info.last_change.year >= 2025
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"x" * 4096)
    with pytest.raises(TratError, match="ไม่ใช่ฐานข้อมูล"):
        backups.describe(junk)


def test_two_restores_in_one_second_keep_both_databases_aside(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    service = PlanService.open(db)
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name="สนง.ศึกษาธิการ จ.ตราด"))
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="40")
    copy = backups.backup_now(service, tmp_path / "copy.zip")
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="90")
    service.close()
    now = dt.datetime(2026, 3, 1, 9, 0, 0)
    first = backups.restore(db, copy, now=now)
    second = backups.restore(db, first, now=now)  # undo the restore within the same second
    assert first != second
    assert value(first) == 90 and value(second) == 40 and value(db) == 90


# -- backups hold the evidence; restore on a new PC ----------------------------------------------
def _office_with_evidence(tmp_path: Path):
    from exchange_helpers import EDUCATION, installation

    (tmp_path / "old-pc").mkdir()
    office = installation(tmp_path / "old-pc" / "trat.sqlite3", "office", EDUCATION)
    progress = office.progress
    item = progress.find_item("1/1.5/2")
    progress.set_progress(item, 2, achieved="70")
    files = []
    for name, body in (("ภาพอบรม.jpg", b"\xff\xd8 jpeg " * 500), ("memo.pdf", b"%PDF-1.4 memo")):
        path = tmp_path / name
        path.write_bytes(body)
        progress.attach_evidence(item, 2, path)
        files.append(path)
    return office, files


def test_a_backup_restored_on_a_new_pc_exports_with_its_evidence(tmp_path: Path, capsys) -> None:
    import zipfile

    from exchange_helpers import EDUCATION, installation

    office, files = _office_with_evidence(tmp_path)
    bundle = backups.backup_now(office.plans, tmp_path / "usb" / "office-backup.zip")
    office.plans.close()
    with zipfile.ZipFile(bundle) as z:
        names = set(z.namelist())
    assert {"backup.json", "database.sqlite3"} <= names and sum(n.startswith("evidence/") for n in names) == 2
    info = backups.describe(bundle)
    assert (info.bundle, info.evidence_files, info.evidence_not_inside) == (True, 2, 0)

    new_db = tmp_path / "new-pc" / "data" / "trat.sqlite3"  # a new, empty data folder
    assert main(["--db", str(new_db), "restore", str(bundle)]) == 0
    assert "ไฟล์หลักฐาน 2 ไฟล์" in capsys.readouterr().out
    assert main(["--db", str(new_db), "export", "--out", str(tmp_path / "sent.trat")]) == 0
    assert "ลำดับที่ 1" in capsys.readouterr().out
    coordinator = installation(tmp_path / "coord.sqlite3", "coordinator")
    result = coordinator.import_files([tmp_path / "sent.trat"], trust_new=True).files[0]
    assert result.status == "imported"
    item = coordinator.progress.find_item("1/1.5/2", agency=EDUCATION)
    got = {e.file_name: coordinator.progress.evidence_path(e).read_bytes() for e in coordinator.progress.evidence(item)}
    assert got == {f.name: f.read_bytes() for f in files}
    coordinator.plans.close()


def test_an_old_style_backup_restores_and_export_names_the_missing_evidence(tmp_path: Path, capsys) -> None:
    from trat_desktop.store import backup as backup_store

    office, _files = _office_with_evidence(tmp_path)
    old_style = backup_store.backup_to(office.plans.db, tmp_path / "usb" / "old.sqlite3")  # what 39fc668 wrote
    office.plans.close()
    new_db = tmp_path / "new-pc" / "trat.sqlite3"
    assert main(["--db", str(new_db), "restore", str(old_style)]) == 0
    assert "ไม่มีไฟล์หลักฐาน 2 ไฟล์" in capsys.readouterr().out
    out = tmp_path / "sent.trat"
    assert main(["--db", str(new_db), "export", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "ไม่พบไฟล์หลักฐาน 2 ไฟล์" in err and "“ภาพอบรม.jpg” (ตัวชี้วัด 1/1.5/2 ไตรมาส 2)" in err
    assert "memo.pdf" in err and "FileNotFoundError" not in err and not out.exists()
    # the person removes the lost attachments (or re-attaches them): the next export is number 1
    assert main(["--db", str(new_db), "evidence", "list", "--json"]) == 0
    import json

    listed = json.loads(capsys.readouterr().out)
    assert [e["present"] for e in listed] == [False, False]
    for e in listed:
        assert main(["--db", str(new_db), "evidence", "remove", str(e["id"])]) == 0
    assert main(["--db", str(new_db), "export", "--out", str(out)]) == 0
    assert "ลำดับที่ 1)" in capsys.readouterr().out


def _rewrite(source: Path, target: Path, change) -> Path:
    import zipfile

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            body = change(info.filename, src.read(info))
            if body is not None:
                out.writestr(info.filename, body)
    return target


def test_a_damaged_or_tampered_bundle_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    office, _files = _office_with_evidence(tmp_path)
    bundle = backups.backup_now(office.plans, tmp_path / "good.zip")
    office.plans.close()
    flip = lambda b: bytes([b[0] ^ 1]) + b[1:]  # noqa: E731
    bad = {
        "evidence": _rewrite(bundle, tmp_path / "e.zip", lambda n, b: flip(b) if n.startswith("evidence/") else b),
        "database": _rewrite(bundle, tmp_path / "d.zip", lambda n, b: b[:-4096] if n == "database.sqlite3" else b),
        "dropped": _rewrite(bundle, tmp_path / "x.zip", lambda n, b: None if n.startswith("evidence/") else b),
        "foreign": _rewrite(bundle, tmp_path / "f.zip", lambda n, b: b),
    }
    import zipfile

    with zipfile.ZipFile(bad["foreign"], "a") as z:
        z.writestr("../../etc/evil", b"x")
    truncated = tmp_path / "t.zip"
    truncated.write_bytes(bundle.read_bytes()[: bundle.stat().st_size // 2])
    bad["truncated"] = truncated
    new_pc = tmp_path / "new-pc"
    new_pc.mkdir()
    existing = tmp_path / "in-use"
    existing.mkdir()
    db = existing / "trat.sqlite3"
    PlanService.open(db).close()
    before = db.read_bytes()
    for kind, path in bad.items():
        with pytest.raises(TratError) as info:
            backups.restore(new_pc / "trat.sqlite3", path)
        assert "ไฟล์สำรอง" in info.value.message or "ไม่ใช่ไฟล์สำรอง" in info.value.message, kind
        assert list(new_pc.iterdir()) == [], kind
        with pytest.raises(TratError):
            backups.restore(db, path)
        assert db.read_bytes() == before, kind
        assert sorted(p.name for p in existing.iterdir()) == ["trat.sqlite3"], kind


def test_rotation_and_the_daily_check_count_old_style_backups(tmp_path: Path) -> None:
    from trat_desktop.store import backup as backup_store

    service = PlanService.open(tmp_path / "db.sqlite3")
    folder = backups.backup_folder(service)
    old = backup_store.backup_to(service.db, folder / "daily-20260301-080000.sqlite3")
    assert backups.daily_backup(service, dt.date(2026, 3, 1)) is None  # today's exists (old style)
    made = [backups.daily_backup(service, dt.date(2026, 3, d), keep=2) for d in (2, 3)]
    assert all(p is not None and p.suffix == ".zip" for p in made)
    assert not old.exists() and sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in made)
    assert backups.automatic_backups(service)[0] in made
    service.close()


def test_leftovers_of_killed_runs_are_removed_at_the_next_start(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    db = tmp_path / "trat.sqlite3"
    PlanService.open(db).close()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)
    backups_dir = tmp_path / "backups"
    evidence = tmp_path / "evidence" / "ab"
    evidence.mkdir(parents=True)
    backups_dir.mkdir(exist_ok=True)
    killed = [backups_dir / f".daily-20260301-080000.zip.{dead}-0123abcd.part",
              backups_dir / f".daily-20260301-080000.zip.db.{dead}-89abcdef.part",
              backups_dir / "manual-20260301-080000.sqlite3.part",  # an earlier version's name
              evidence / f".ab12.{dead}-00000000.part",
              tmp_path / f".trat.sqlite3.{dead}-11111111.part"]
    staging = tmp_path / f".restoring-{dead}-22222222"
    (staging / "evidence").mkdir(parents=True)
    for path in killed:
        path.write_bytes(b"half")
    running = backups_dir / f".daily-20260302-080000.zip.{os.getpid()}-33333333.part"  # still being written
    running.write_bytes(b"busy")
    mine = tmp_path / "notes.txt.part"  # not ours: never touched
    mine.write_bytes(b"x")
    PlanService.open(db).close()
    assert [p for p in killed if p.exists()] == [] and not staging.exists()
    assert running.exists() and mine.exists()


def test_any_set_of_attachments_survives_backup_and_restore_on_a_new_pc(tmp_path_factory) -> None:
    """Property: whatever files are attached (same content twice, on several rows and quarters,
    empty files), a backup restored onto a new data folder holds the same database rows and the
    same evidence contents, and the restored installation exports."""
    import sqlite3 as sql

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from exchange_helpers import EDUCATION, installation

    template_dir = tmp_path_factory.mktemp("template")
    template = installation(template_dir / "trat.sqlite3", "office", EDUCATION)
    slots = [(item.id, q) for item in template.progress.work_items()[:4] for q in item.quarters()]
    template.plans.close()

    bodies = st.binary(min_size=0, max_size=300)
    attachments = st.lists(st.tuples(st.sampled_from(slots), st.sampled_from([b"same", b""]) | bodies),
                           min_size=0, max_size=6)

    @settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(attachments)
    def check(chosen) -> None:
        import shutil

        root = tmp_path_factory.mktemp("case")
        shutil.copy(template_dir / "trat.sqlite3", root / "trat.sqlite3")
        plans = PlanService.open(root / "trat.sqlite3")
        progress = ProgressService(plans)
        for n, ((item_id, quarter), body) in enumerate(chosen):
            source = root / f"ไฟล์ {n}.bin"
            source.write_bytes(body)
            progress.attach_evidence(progress.find_item(item_id), quarter, source)
        bundle = backups.backup_now(plans, root / "usb" / "b.zip")
        plans.close()
        new_db = root / "new" / "trat.sqlite3"
        result = backups.restore_backup(new_db, bundle)
        assert result.aside is None and result.evidence_missing == 0
        query = "SELECT id, indicator_uid, agency_uid, quarter, sha256, file_name, size FROM evidence ORDER BY id"
        old_rows = sql.connect(root / "trat.sqlite3").execute(query).fetchall()
        new_rows = sql.connect(new_db).execute(query).fetchall()
        assert new_rows == old_rows
        for row in new_rows:
            sha = row[4]
            assert (root / "new" / "evidence" / sha[:2] / sha).read_bytes() == \
                   (root / "evidence" / sha[:2] / sha).read_bytes()
        restored = ProgressService(PlanService.open(new_db))
        from trat_desktop.services.exchange import ExchangeService

        _path, sequence = ExchangeService(restored).export_office(root / "x.trat")
        assert sequence == 1
        restored.plans.close()

    check()


def test_a_bundle_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    import json
    import zipfile

    service = PlanService.open(tmp_path / "db.sqlite3")
    bundle = backups.backup_now(service, tmp_path / "b.zip")
    service.close()

    def newer_format(name: str, body: bytes) -> bytes:
        if name != "backup.json":
            return body
        manifest = json.loads(body)
        manifest["format_version"] = 99
        return json.dumps(manifest).encode()

    future = _rewrite(bundle, tmp_path / "future.zip", newer_format)
    with pytest.raises(TratError, match="รุ่นใหม่กว่า"):
        backups.describe(future)
    # a database of a newer schema inside a well-formed bundle
    with zipfile.ZipFile(bundle) as z:
        raw = z.read("database.sqlite3")
    newer_db = tmp_path / "newer.sqlite3"
    newer_db.write_bytes(raw)
    conn = sqlite3.connect(newer_db)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    service = PlanService.open(tmp_path / "db.sqlite3")
    from trat_desktop.store import backup as backup_store

    backup_store.write_bundle(service.db, tmp_path / "b2.zip", None)
    service.close()
    import hashlib

    body = newer_db.read_bytes()

    def swap_database(name: str, old: bytes) -> bytes:
        if name == "database.sqlite3":
            return body
        if name == "backup.json":
            manifest = json.loads(old)
            manifest["database"] = {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
            return json.dumps(manifest).encode()
        return old

    swapped = _rewrite(tmp_path / "b2.zip", tmp_path / "swapped.zip", swap_database)
    with pytest.raises(TratError, match="รุ่นใหม่กว่า"):
        backups.restore(tmp_path / "new" / "x.sqlite3", swapped)
    assert not (tmp_path / "new").exists()


def test_a_killed_imports_undo_point_is_removed_at_the_next_start(tmp_path):
    """An import killed after writing its undo point and before its ledger row leaves a file nothing can use:
    the next start removes it once it is an hour old; undo points the ledger names stay."""
    import os
    import time

    from trat_desktop import paths as app_paths
    from trat_desktop.services import PlanService
    from trat_desktop.services.plan import ORPHAN_UNDO_AGE_S, clean_orphan_undo_points

    plans = PlanService.open(tmp_path / "c.sqlite3")
    folder = app_paths.backups_dir(plans.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    orphan = folder / "before-import-20261201-101010.zip"
    fresh = folder / "before-import-20261202-101010.zip"
    named = folder / "before-import-20261130-101010.zip"
    for f in (orphan, fresh, named):
        f.write_bytes(b"PK")
    old = time.time() - ORPHAN_UNDO_AGE_S - 60
    os.utime(orphan, (old, old))
    os.utime(named, (old, old))
    from trat_desktop.store import exchange as exchange_store

    exchange_store.add_ledger(plans.db, {"file_sha256": "x", "file_name": "a.trat", "imported_at": "2026-11-30",
                                         "status": "imported", "backup_path": str(named)})
    assert clean_orphan_undo_points(plans.db, plans.data_dir) == [orphan]
    assert not orphan.exists() and fresh.exists() and named.exists()
    plans.close()
