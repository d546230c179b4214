"""Schema creation, numbered migrations and refusing databases the app cannot read."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from trat_desktop import paths
from trat_desktop.errors import DatabaseVersionError, TratError
from trat_desktop.services import PlanService
from trat_desktop.store import connection
from trat_desktop.store.connection import SCHEMA_VERSION, connect

FIXTURE_V1 = Path(__file__).resolve().parent / "fixtures" / "plan-v1.sqlite3"


def structure(path: Path) -> dict:
    """Tables with their columns, checks, keys and indexes, independent of DDL formatting."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
            out[name] = {
                "columns": conn.execute(f"PRAGMA table_info({name})").fetchall(),
                "fks": conn.execute(f"PRAGMA foreign_key_list({name})").fetchall(),
                "indexes": sorted(
                    (idx[1], idx[2], tuple(c[2] for c in conn.execute(f"PRAGMA index_info('{idx[1]}')")))
                    for idx in conn.execute(f"PRAGMA index_list({name})")
                ),
                "sql": " ".join(conn.execute("SELECT sql FROM sqlite_master WHERE name=?", [name]).fetchone()[0].split()),
            }
        out["user_version"] = conn.execute("PRAGMA user_version").fetchone()[0]
        out["application_id"] = conn.execute("PRAGMA application_id").fetchone()[0]
        return out
    finally:
        conn.close()


def test_schema_sql_equals_the_migrations(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    connect(fresh).close()
    migrated = tmp_path / "migrated.sqlite3"
    db = sqlite3.connect(migrated)
    db.execute("CREATE TABLE placeholder (x)")  # non-empty, version 0: forces the migration path
    db.execute(f"PRAGMA application_id = {connection.APPLICATION_ID}")
    db.commit()
    db.close()
    connect(migrated).close()
    got = structure(migrated)
    got.pop("placeholder")
    assert got == structure(fresh)
    assert got["user_version"] == SCHEMA_VERSION


def test_version_1_fixture_is_upgraded_with_its_data(tmp_path: Path) -> None:
    db_path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE_V1, db_path)
    service = PlanService.open(db_path)
    plan = service.load_plan(2569)
    assert len(plan.rows()) == 35
    assert service.summary()["budget_total"] == 227_650
    service.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM progress").fetchone()[0] == 0
    conn.close()


def test_failed_migration_leaves_the_database_as_it_was(tmp_path: Path, monkeypatch) -> None:
    db_path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE_V1, db_path)
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    shutil.copy(paths.migrations_dir() / "0001_plan.sql", migrations)
    good = (paths.migrations_dir() / "0002_progress_audit.sql").read_text(encoding="utf-8")
    (migrations / "0002_progress_audit.sql").write_text(good + "\nTHIS IS NOT SQL;\n", encoding="utf-8")
    monkeypatch.setattr(paths, "migrations_dir", lambda: migrations)
    with pytest.raises(sqlite3.Error):
        connect(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='progress'").fetchone()[0] == 0
    conn.close()


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    db_path = tmp_path / "new.sqlite3"
    connect(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseVersionError) as info:
        connect(db_path)
    assert "รุ่นใหม่กว่า" in info.value.message
    assert db_path.read_bytes() == before


def test_foreign_and_corrupt_files_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE photos (id)")
    conn.commit()
    conn.close()
    with pytest.raises(TratError, match="ไม่ใช่ฐานข้อมูลของ Trat Desktop"):
        connect(other)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(TratError, match="ไม่ใช่ฐานข้อมูล"):
        connect(garbage)
    assert garbage.read_bytes() == b"this is not a database at all" * 100


def test_foreign_keys_and_wal_are_on(tmp_path: Path) -> None:
    db = connect(tmp_path / "x.sqlite3")
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_an_upgrade_first_keeps_a_copy_of_the_old_database(tmp_path: Path) -> None:
    db_path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE_V1, db_path)
    PlanService.open(db_path).close()
    copies = list((tmp_path / "backups").glob("before-upgrade-v1-*.sqlite3"))
    assert len(copies) == 1
    conn = sqlite3.connect(copies[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    PlanService.open(db_path).close()  # already current: no second copy
    assert len(list((tmp_path / "backups").glob("before-upgrade-*.sqlite3"))) == 1


def test_migrations_are_numbered_one_to_the_schema_version_without_gaps() -> None:
    """A gap would let a database skip a migration forever (the runner refuses one)."""
    from trat_desktop.store.connection import migration_files

    assert sorted(migration_files()) == list(range(1, SCHEMA_VERSION + 1))
