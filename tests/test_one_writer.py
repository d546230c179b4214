"""One database, one writer (issue 14): writes wait their turn for a bounded time and are then
refused in Thai; a busy database never drops a typed value in the entry grid; undo never
overwrites a value changed elsewhere since. Every wait here is on a condition, never a sleep."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui_office_support import (  # noqa: F401 - fixtures
    EDU,
    TODAY,
    fixed_now,
    fresh_items,
    progress,
    settings,
    thai_digits,
    type_into_cell,
    window,
)
from trat_desktop.domain.identity import Identity
from trat_desktop.errors import DatabaseBusyError, StaleEditError, database_error
from trat_desktop.gui.entry_model import WorkEntryModel as M
from trat_desktop.services import PlanService, ProgressService

BUSY = "ฐานข้อมูลกำลังถูกใช้งาน"


class WriteHolder:
    """Another program's write transaction on the same file (a plain sqlite3 connection)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)

    def __enter__(self) -> "WriteHolder":
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO audit_log (at, action, entity) VALUES ('x', 'other-program', 'test')")
        return self

    def release(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def __exit__(self, *exc: object) -> None:
        self.release()
        self.conn.close()


def office(service: PlanService) -> ProgressService:
    svc = ProgressService(service)
    if svc.identity().role != "office":
        svc.set_identity(Identity(role="office", office_name=EDU, reporter_name="ทดสอบ"))
    return svc


def item_of(progress: ProgressService, item_id: str = "1/1.2/1"):
    return next(i for i in progress.work_items() if i.id == item_id)


# -- the store: bounded wait, Thai refusal, nothing half written ---------------------------


def test_a_write_refused_after_the_bounded_wait_says_so_in_thai_and_changes_nothing(service, tmp_path) -> None:
    progress = office(service)
    item = item_of(progress)
    service.set_write_wait(0.1)
    audit_before = len(progress.audit(limit=10_000))
    with WriteHolder(tmp_path / "trat.sqlite3"):
        with pytest.raises(DatabaseBusyError, match=BUSY):
            progress.set_progress(item, 2, achieved="50")
    assert progress.current_entry(item, 2).achieved is None
    assert len(progress.audit(limit=10_000)) == audit_before + 1  # only the other program's row
    stored, _ = progress.set_progress(item, 2, achieved="50")  # free again: it goes through
    assert stored.achieved == 50


def test_a_write_waits_for_the_other_writer_to_finish(service, tmp_path) -> None:
    progress = office(service)
    item = item_of(progress)
    service.set_write_wait(30)
    holder = WriteHolder(tmp_path / "trat.sqlite3").__enter__()
    started = threading.Event()
    outcome: list[object] = []

    def other() -> None:
        own = PlanService.open(tmp_path / "trat.sqlite3")
        try:
            own.set_write_wait(30)
            mine = ProgressService(own)
            started.set()
            outcome.append(mine.set_progress(item_of(mine), 3, achieved="70")[0].achieved)
        except Exception as exc:  # noqa: BLE001
            outcome.append(exc)
        finally:
            own.close()

    thread = threading.Thread(target=other)
    thread.start()
    assert started.wait(30)
    holder.release()  # the waiting write goes through once the other program commits
    thread.join(60)
    holder.__exit__()
    assert outcome == [70]
    assert progress.current_entry(item, 3).achieved == 70


def test_concurrent_writers_on_two_connections_all_succeed(service, tmp_path) -> None:
    """Each writer reads then writes in one transaction (save_entry): with the write lock taken
    first, no one fails with "database is locked" and no revision is lost."""
    office(service)
    path = tmp_path / "trat.sqlite3"
    errors: list[BaseException] = []
    rounds = 15

    def writer(quarter: int) -> None:
        own = PlanService.open(path)
        try:
            mine = ProgressService(own)
            item = item_of(mine)
            for n in range(rounds):
                mine.set_progress(item, quarter, note=f"รอบ {n}")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            own.close()

    threads = [threading.Thread(target=writer, args=(q,)) for q in (2, 3, 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    progress = ProgressService(service)
    item = item_of(progress)
    assert [progress.current_entry(item, q).revision for q in (2, 3, 4)] == [rounds] * 3


def test_sqlite_failures_get_their_own_thai_messages(tmp_path) -> None:
    """Busy, full, read-only and damaged are told apart (real SQLite errors, not made-up ones)."""
    db = tmp_path / "x.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (v TEXT)")
    conn.commit()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(sqlite3.Error) as full:
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 50)
    conn.rollback()
    conn.close()
    assert "เต็ม" in database_error(full.value, "x.sqlite3").message
    ro = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as readonly:
        ro.execute("INSERT INTO t VALUES ('y')")
    ro.close()
    assert "เขียนไม่ได้" in database_error(readonly.value).message
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database " * 500)
    with pytest.raises(sqlite3.Error) as notadb:
        sqlite3.connect(junk).execute("SELECT * FROM sqlite_master").fetchall()
    assert "ไม่ใช่ฐานข้อมูล" in database_error(notadb.value).message
    texts = {database_error(e.value).message for e in (full, readonly, notadb)}
    assert len(texts) == 3 and not any("เสียหาย" in t for t in texts if "ไม่ใช่ฐานข้อมูล" not in t)
    assert database_error(ValueError("x")) is None


# -- undo never overwrites a newer value ----------------------------------------------------


def test_set_progress_with_an_old_revision_is_refused(service) -> None:
    progress = office(service)
    item = item_of(progress)
    first, _ = progress.set_progress(item, 2, achieved="10")
    progress.set_progress(item, 2, achieved="20")  # someone else, later
    with pytest.raises(StaleEditError, match="ถูกแก้ไขจากที่อื่น"):
        progress.set_progress(item, 2, achieved=None, expected_revision=first.revision)
    assert progress.current_entry(item, 2).achieved == 20


def test_undo_in_a_stale_window_refuses_and_keeps_the_newer_value(qtbot, window, service, tmp_path) -> None:
    table = window.office_page.table
    index = window.office_page.model.index(
        window.office_page.model.row_of(item_of(ProgressService(service)), 2), M.COL_ACHIEVED)
    type_into_cell(qtbot, table, index, "80")
    other = PlanService.open(tmp_path / "trat.sqlite3")  # e.g. the command line, meanwhile
    try:
        mine = ProgressService(other)
        mine.set_progress(item_of(mine), 2, achieved="95")
    finally:
        other.close()
    window.undo_action.trigger()
    assert fresh_items(service)["1/1.2/1"].entries[2].achieved == 95
    assert "ย้อนกลับไม่ได้" in window.office_page.controller.last_error
    assert window.office_page.form.errorLabel.isVisibleTo(window)
    assert index.data() == "๙๕"  # the grid shows what is stored now


# -- the entry grid never drops a typed value ------------------------------------------------


def test_a_value_typed_while_the_database_is_busy_stays_unsaved_and_is_saved_later(
        qtbot, window, service, tmp_path) -> None:
    page = window.office_page
    controller = page.controller
    service.set_write_wait(0.1)  # the window's connection (shared with the page's progress service)
    controller.retry_timer.setInterval(50)
    model = page.model
    item = item_of(ProgressService(service))
    index = model.index(model.row_of(item, 2), M.COL_ACHIEVED)
    holder = WriteHolder(tmp_path / "trat.sqlite3").__enter__()
    try:
        type_into_cell(qtbot, page.table, index, "๖๕")
        assert index.data() == "๖๕"  # still in the grid, as typed
        assert model.data(index, Qt.ItemDataRole.BackgroundRole).color().name() == "#ffd9b3"
        assert "ยังไม่ได้บันทึก" in model.data(index, Qt.ItemDataRole.ToolTipRole)
        assert BUSY in page.form.errorLabel.text()
        assert page.form.errorLabel.isVisibleTo(window)
        assert fresh_items(service)["1/1.2/1"].entries.get(2) is None  # not saved yet
        assert controller.unsaved and controller.retry_timer.isActive()
        qtbot.waitUntil(lambda: controller.retry_timer.remainingTime() >= 0 and len(controller.unsaved) == 1)
    finally:
        holder.__exit__()
    qtbot.waitUntil(lambda: not controller.unsaved, timeout=10_000)  # retried by the timer
    assert fresh_items(service)["1/1.2/1"].entries[2].achieved == 65
    assert index.data() == "๖๕"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is None or \
        model.data(index, Qt.ItemDataRole.BackgroundRole).color().name() != "#ffd9b3"
    assert not controller.retry_timer.isActive()
    window.undo_action.trigger()  # the retried save is undoable like any other
    assert fresh_items(service)["1/1.2/1"].entries[2].achieved is None



# -- no code path reads the live database outside SQLite ---------------------------------------


def test_the_live_database_and_its_wal_are_refused_as_files_to_import_attach_or_back_up_onto(
        service, tmp_path) -> None:
    from trat_desktop.errors import TratError
    from trat_desktop.services.exchange import ExchangeService
    from trat_desktop.services import backup as backups

    progress = office(service)
    item = item_of(progress)
    db = tmp_path / "trat.sqlite3"
    wal = tmp_path / "trat.sqlite3-wal"
    assert wal.exists()
    with pytest.raises(TratError, match="คือฐานข้อมูลที่โปรแกรมใช้อยู่"):
        progress.attach_evidence(item, 2, db)
    with pytest.raises(TratError, match="คือฐานข้อมูลที่โปรแกรมใช้อยู่"):
        service.import_plan_text(wal)
    with pytest.raises(TratError, match="คือฐานข้อมูลที่โปรแกรมใช้อยู่"):
        backups.backup_now(service, dest=db)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    report = ExchangeService(progress).import_files([wal, db], dry_run=True)
    assert [r.status for r in report.files] == ["rejected", "rejected"]
    assert all("คือฐานข้อมูลที่โปรแกรมใช้อยู่" in r.reason for r in report.files)
    assert progress.evidence(item) == [] and wal.exists()


def test_closing_the_window_with_an_unsaved_value_asks_first(qtbot, window, service, tmp_path, monkeypatch) -> None:
    from trat_desktop.gui import data_dialog

    page = window.office_page
    controller = page.controller
    service.set_write_wait(0.1)
    controller.retry_timer.setInterval(60_000)  # only the close retries here
    model = page.model
    item = item_of(ProgressService(service))
    index = model.index(model.row_of(item, 2), M.COL_ACHIEVED)
    questions: list[str] = []
    answer = [False]
    monkeypatch.setattr(data_dialog, "ask", lambda parent, title, text, yes, no="": questions.append(text) or answer[0])
    holder = WriteHolder(tmp_path / "trat.sqlite3").__enter__()
    try:
        type_into_cell(qtbot, page.table, index, "33")
        assert controller.unsaved
        window.close()
        assert window.isVisible() and "ยังบันทึกไม่ได้" in questions[-1]  # "ยังไม่ปิด": the window stays
    finally:
        holder.__exit__()
    window.close()  # the database is free again: the close saves the value, no question
    assert len(questions) == 1 and not window.isVisible()
    assert fresh_items(service)["1/1.2/1"].entries[2].achieved == 33


# -- property: undo and redo never overwrite a value written elsewhere ---------------------------

from hypothesis import HealthCheck, example, given, settings as hsettings, strategies as st  # noqa: E402

OPS = st.lists(st.one_of(st.tuples(st.just("type"), st.integers(0, 5)),
                         st.tuples(st.just("foreign"), st.integers(0, 5)),
                         st.just(("undo", 0)), st.just(("redo", 0))), min_size=1, max_size=12)


@pytest.fixture
def elsewhere(service, tmp_path):
    """Another connection to the same database (another window, the command line)."""
    other = PlanService.open(tmp_path / "trat.sqlite3")
    yield ProgressService(other)
    other.close()


@pytest.fixture
def free_cells(service):
    """Cells nobody wrote yet: one per example (one database per test)."""
    progress = office(service)
    return [(i, q) for i in progress.work_items() for q in i.quarters()]


@hsettings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
# found by hypothesis: typing the value that another window had stored adopted that window's revision,
# so a later undo of an older edit overwrote the newer value
@example(ops=[("undo", 0), ("type", 0), ("foreign", 0), ("foreign", 2), ("foreign", 0), ("foreign", 0),
              ("type", 0), ("foreign", 0), ("redo", 0), ("undo", 0), ("foreign", 3), ("redo", 0)])
@example(ops=[("undo", 0), ("type", 0), ("type", 0), ("foreign", 2), ("type", 2), ("redo", 0), ("undo", 0),
              ("redo", 0), ("redo", 0)])
def test_undo_and_redo_never_overwrite_a_value_written_elsewhere(qapp, service, elsewhere, free_cells, ops) -> None:
    from trat_desktop.gui.entry_controller import EntryController

    progress = ProgressService(service)
    item, quarter = free_cells.pop()
    controller = EntryController(progress)
    foreign_item = next(i for i in elsewhere.work_items() if i.indicator_uid == item.indicator_uid)

    def stored() -> float | None:
        return progress.current_entry(item, quarter).achieved

    foreign_since_mine = False  # a value written elsewhere after this window's last write
    try:
        for op, value in ops:
            before = stored()
            if op == "type":
                assert controller.commit(item, quarter, "achieved", str(value))
                assert stored() == value
                if before != value:
                    foreign_since_mine = False
            elif op == "foreign":
                elsewhere.set_progress(foreign_item, quarter, achieved=str(value))
                if before != value:
                    foreign_since_mine = True
            else:
                (controller.undo_stack.undo if op == "undo" else controller.undo_stack.redo)()
                if foreign_since_mine:
                    assert stored() == before  # refused: the newer value stays
    finally:
        controller.deleteLater()


def test_the_command_line_refuses_to_write_any_output_over_the_live_database(service, tmp_path, capsys) -> None:
    from trat_desktop import cli

    db = tmp_path / "trat.sqlite3"
    before = db.stat().st_size
    for verb in (["export-xlsx"], ["report", "plan"], ["backup"]):
        assert cli.main(["--db", str(db), *verb, "--out", str(db)]) == 2
        assert "คือฐานข้อมูลที่โปรแกรมใช้อยู่" in capsys.readouterr().err
    assert db.stat().st_size == before
    assert service.summary()["indicators"] == 35  # still the database it was
