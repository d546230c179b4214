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
