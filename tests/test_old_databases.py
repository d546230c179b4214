"""Committed databases written by older versions of the app are upgraded with every row intact.

``tests/fixtures/*-v6.sqlite3`` were made by ``tests/fixtures/make_v6_db.py`` with the code of
commit 39fc668 (schema version 6): an office's and the coordinator's database holding progress,
evidence, the import ledger, pinned keys, conflicts, the trash and the audit log.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from trat_desktop.services import PlanService, ProgressService
from trat_desktop.store.connection import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent / "fixtures"
V6 = ["office-v6.sqlite3", "coordinator-v6.sqlite3"]


def rows_by_table(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite_%' ORDER BY name"):
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
            out[table] = (columns, conn.execute(f"SELECT * FROM {table}").fetchall())
        return out
    finally:
        conn.close()


@pytest.mark.parametrize("name", V6)
def test_version_6_database_keeps_every_row_after_the_upgrade(tmp_path: Path, name: str) -> None:
    old = rows_by_table(FIXTURES / name)
    assert sum(len(rows) for _cols, rows in old.values()) > 100  # the fixture really holds data
    for table in ("progress", "evidence", "audit_log", "settings"):
        assert old[table][1], f"the fixture has no {table} rows"
    copy = tmp_path / name
    shutil.copy(FIXTURES / name, copy)
    service = PlanService.open(copy)
    try:
        items = ProgressService(service).work_items()
        assert items  # the upgraded database is usable
    finally:
        service.close()
    new = rows_by_table(copy)
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    for table, (columns, rows) in old.items():
        if table not in new:
            pytest.fail(f"table {table} disappeared in the upgrade")
        new_columns, new_rows = new[table]
        keep = [new_columns.index(c) for c in columns if c in new_columns]
        assert len(keep) == len(columns), f"{table} lost columns"
        projected = sorted((tuple(r[i] for i in keep) for r in new_rows), key=repr)
        missing = [r for r in rows if r not in set(projected)]
        assert not missing, f"{table}: {len(missing)} rows changed or lost, e.g. {missing[:1]}"


def test_version_6_coordinator_database_holds_the_risky_parts() -> None:
    old = rows_by_table(FIXTURES / "coordinator-v6.sqlite3")
    for table in ("import_ledger", "conflicts", "office_keys", "trash"):
        assert old[table][1], f"the coordinator fixture has no {table} rows"


def test_a_version_6_file_restores_as_an_old_style_backup_on_a_new_pc(tmp_path: Path, capsys) -> None:
    from trat_desktop.cli import main

    new_db = tmp_path / "new-pc" / "trat.sqlite3"
    assert main(["--db", str(new_db), "restore", str(FIXTURES / "office-v6.sqlite3")]) == 0
    out = capsys.readouterr().out
    assert "ไม่มีไฟล์หลักฐาน 2 ไฟล์" in out  # two distinct contents attached, neither on this PC
    old = rows_by_table(FIXTURES / "office-v6.sqlite3")
    new = rows_by_table(new_db)
    width = len(old["progress"][0])  # later versions add columns (the narratives) after the old ones
    assert [r[:width] for r in new["progress"][1]] == old["progress"][1]
    assert len(new["evidence"][1]) == len(old["evidence"][1])
    assert main(["--db", str(new_db), "export", "--out", str(tmp_path / "x.trat")]) == 2
    assert "ไม่พบไฟล์หลักฐาน 3 ไฟล์" in capsys.readouterr().err and not (tmp_path / "x.trat").exists()
