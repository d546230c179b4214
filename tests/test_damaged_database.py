"""A damaged database (issue 14): found at start (quick_check reads every page), never backed up
over good backups (integrity_check first), and met by a Thai screen that offers the newest good
backup; a read-only or full database gets its own message, never "damaged"."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from trat_desktop import cli
from trat_desktop.domain.identity import Identity
from trat_desktop.errors import DatabaseDamagedError, DatabaseReadOnlyError, TratError
from trat_desktop.gui import app as gui_app
from trat_desktop.gui.start_problem import StartProblemDialog
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services import backup as backups

EDU = "สำนักงานศึกษาธิการจังหวัดตราด"
PAGE = 4096


def achieved(service: PlanService, quarter: int = 2) -> float | None:
    progress = ProgressService(service)
    item = next(i for i in progress.work_items() if i.id == "1/1.2/1")
    return progress.current_entry(item, quarter).achieved


def build(folder: Path) -> Path:
    """A database with progress 40, a good daily backup of it, then progress 55 (after the backup)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "trat.sqlite3"
    service = PlanService.open(path)
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name=EDU, reporter_name="ทดสอบ"))
    item = next(i for i in progress.work_items() if i.id == "1/1.2/1")
    progress.set_progress(item, 2, achieved="40")
    backups.backup_now(service, label="daily")
    progress.set_progress(item, 2, achieved="55")
    service.close()  # the last connection folds the WAL into the file
    assert not Path(f"{path}-wal").exists()
    return path


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def corrupt_middle_page(path: Path) -> None:
    """Garbage over one page in the middle of the file (the header and the first pages stay intact)."""
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE
    middle = pages // 2
    data[middle * PAGE:(middle + 1) * PAGE] = bytes((i * 37 + 11) % 256 for i in range(PAGE))
    path.write_bytes(bytes(data))


@pytest.fixture
def read_only(tmp_path: Path):
    """Make a file unwritable, also for root (who ignores chmod): the immutable attribute."""
    made: list[Path] = []

    def make(path: Path) -> None:
        if os.geteuid() == 0:
            result = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
            if result.returncode != 0:
                pytest.skip("the file system cannot mark a file immutable (chattr)")
        else:
            path.chmod(0o444)
        made.append(path)

    yield make
    for path in made:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        else:
            path.chmod(0o644)


# -- found at start, with its own message -----------------------------------------------------


def test_a_truncated_database_is_reported_damaged_in_thai(tmp_path, capsys) -> None:
    path = build(tmp_path / "data")
    truncate(path)
    with pytest.raises(DatabaseDamagedError, match="เสียหาย"):
        PlanService.open(path, check=True)
    assert cli.main(["--db", str(path), "progress", "list"]) == 2
    err = capsys.readouterr().err
    assert "เสียหาย" in err and "Traceback" not in err


def test_a_damaged_page_not_read_at_start_up_does_not_open_silently(tmp_path) -> None:
    path = build(tmp_path / "data")
    corrupt_middle_page(path)
    unchecked = PlanService.open(path)  # the pages read to open it are fine: without the check it opens
    unchecked.close()
    with pytest.raises(DatabaseDamagedError, match="เสียหาย"):
        PlanService.open(path, check=True)


def test_a_read_only_database_is_not_called_damaged(tmp_path, read_only, capsys) -> None:
    path = build(tmp_path / "data")
    read_only(path)
    with pytest.raises(DatabaseReadOnlyError) as caught:
        PlanService.open(path, check=True)
    assert "เขียนไม่ได้" in caught.value.message and "เสียหาย" not in caught.value.message
    assert cli.main(["--db", str(path), "plan", "summary"]) == 2
    err = capsys.readouterr().err
    assert "เขียนไม่ได้" in err and "ไม่ใช่ฐานข้อมูล" not in err


def test_a_damaged_database_is_not_backed_up_over_the_good_backups(tmp_path) -> None:
    path = build(tmp_path / "data")
    corrupt_middle_page(path)
    before = sorted(p.name for p in (path.parent / "backups").iterdir())
    service = PlanService.open(path)
    try:
        with pytest.raises(DatabaseDamagedError, match="ไม่ได้สำรองข้อมูล"):
            backups.backup_now(service, label="daily")
        with pytest.raises(DatabaseDamagedError):
            backups.daily_backup(service, today=dt.date(2030, 1, 1))
    finally:
        service.close()
    assert sorted(p.name for p in (path.parent / "backups").iterdir()) == before


def test_the_newest_good_backup_is_found_past_a_damaged_newer_one(tmp_path) -> None:
    path = build(tmp_path / "data")
    good = next((path.parent / "backups").glob("daily-*"))
    newer = path.parent / "backups" / "manual-29991231-000000.zip"
    shutil.copyfile(good, newer)
    truncate(newer)
    os.utime(newer, (good.stat().st_mtime + 60, good.stat().st_mtime + 60))
    info, refused = backups.latest_good_backup(path)
    assert info is not None and info.path == good
    assert [p for p, _ in refused] == [newer]


# -- the Thai start screen ----------------------------------------------------------------------


@pytest.fixture
def quiet_boxes(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(StartProblemDialog, "_warn", lambda self, title, text: said.append(text))
    monkeypatch.setattr(StartProblemDialog, "_inform", lambda self, title, text: said.append(text))
    return said


def test_the_start_screen_restores_the_newest_good_backup(qtbot, tmp_path, quiet_boxes) -> None:
    path = build(tmp_path / "data")
    corrupt_middle_page(path)
    damaged = path.read_bytes()
    try:
        PlanService.open(path, check=True)
    except TratError as exc:
        error = exc
    good = next((path.parent / "backups").glob("daily-*"))
    dialog = StartProblemDialog(path, error)
    qtbot.addWidget(dialog)
    assert dialog.headline.text() == "<b>ไฟล์ฐานข้อมูลเสียหาย</b>"
    assert f"ไฟล์สำรองล่าสุดที่ใช้ได้: {good.name}\n" in dialog.backup_label.text()  # the name as on disk
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert dialog.restored is not None and dialog.restored.name.startswith("daily-")
    assert dialog.aside is not None and dialog.aside.read_bytes() == damaged  # kept, not deleted
    service = PlanService.open(path, check=True)
    try:
        assert achieved(service) == 40  # the backup's data (55 came after it)
    finally:
        service.close()
    assert "กู้คืนข้อมูลจาก" in quiet_boxes[-1]


def test_without_a_good_backup_the_screen_says_so_and_offers_to_choose_one(qtbot, tmp_path, quiet_boxes) -> None:
    path = build(tmp_path / "data")
    elsewhere = tmp_path / "usb" / "copy.zip"
    elsewhere.parent.mkdir()
    shutil.move(str(next((path.parent / "backups").glob("daily-*"))), elsewhere)
    truncate(path)
    dialog = StartProblemDialog(path, DatabaseDamagedError("ไฟล์ฐานข้อมูล “trat.sqlite3” เสียหาย"))
    qtbot.addWidget(dialog)
    assert "ไม่พบไฟล์สำรองที่ใช้ได้" in dialog.backup_label.text()
    assert not dialog.restore_button.isEnabled()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"junk" * 100)
    assert not dialog.restore_chosen(junk)
    assert "ไม่ใช่ฐานข้อมูล" in quiet_boxes[-1]
    assert dialog.restore_chosen(elsewhere)
    service = PlanService.open(path, check=True)
    try:
        assert achieved(service) == 40
    finally:
        service.close()


def test_starting_the_gui_on_a_damaged_database_shows_the_thai_screen_then_the_restored_data(
        qtbot, tmp_path, monkeypatch, quiet_boxes) -> None:
    path = build(tmp_path / "data")
    truncate(path)
    seen: dict[str, object] = {}

    def click_restore() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, StartProblemDialog) and w.isVisible())
        seen["headline"] = dialog.headline.text()
        seen["message"] = dialog.message.text()
        dialog.restore_button.click()

    def fake_main(app, service, instance=None) -> int:
        seen["achieved"] = achieved(service)
        return 0

    monkeypatch.setattr(gui_app, "run_main", fake_main)
    QTimer.singleShot(0, click_restore)
    assert cli.main(["--db", str(path)]) == 0
    assert seen["headline"] == "<b>ไฟล์ฐานข้อมูลเสียหาย</b>"
    assert "เสียหาย" in str(seen["message"])
    assert seen["achieved"] == 40


def test_a_read_only_database_at_gui_start_gets_its_own_screen_without_a_restore(
        qtbot, tmp_path, monkeypatch, read_only) -> None:
    path = build(tmp_path / "data")
    read_only(path)
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, StartProblemDialog) and w.isVisible())
        seen["headline"] = dialog.headline.text()
        seen["restore_shown"] = dialog.restore_button.isVisible()
        dialog.close_button.click()

    monkeypatch.setattr(gui_app, "run_main", lambda app, service, instance=None: pytest.fail("must not open"))
    QTimer.singleShot(0, look_and_close)
    assert cli.main(["--db", str(path)]) == 2
    assert seen == {"headline": "<b>ไฟล์ฐานข้อมูลเขียนไม่ได้ (อ่านได้อย่างเดียว)</b>", "restore_shown": False}


def test_an_emptied_database_beside_backups_is_damaged_not_a_fresh_start(qtbot, tmp_path, quiet_boxes, capsys) -> None:
    """0 bytes (a full disk, a failed copy): SQLite would take it as a new empty database and the
    app would start afresh over it; with backups beside it, it is reported and restored instead."""
    path = build(tmp_path / "data")
    path.write_bytes(b"")
    assert cli.main(["--db", str(path), "progress", "list"]) == 2
    assert "ว่างเปล่า" in capsys.readouterr().err
    assert path.stat().st_size == 0  # nothing was created over it
    try:
        PlanService.open(path, check=True)
    except DatabaseDamagedError as exc:
        error = exc
    dialog = StartProblemDialog(path, error)
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isEnabled()
    assert dialog.restore_latest()
    service = PlanService.open(path, check=True)
    try:
        assert achieved(service) == 40
    finally:
        service.close()
    fresh = tmp_path / "new" / "trat.sqlite3"  # no backups beside it: a first start, as before
    fresh.parent.mkdir()
    fresh.write_bytes(b"")
    PlanService.open(fresh, check=True).close()
    assert fresh.stat().st_size > 0


# -- the start's check skipped after a clean close (issue 16, 100×) ------------------------------


def close_cleanly(path: Path) -> None:
    """A session as the app's: opened with the start's check, closed (checked again, recorded)."""
    PlanService.open(path, check=True).close()


def test_a_file_as_a_clean_close_left_it_opens_without_the_check(tmp_path, monkeypatch) -> None:
    from trat_desktop.store import connection

    path = build(tmp_path / "data")
    close_cleanly(path)
    assert connection.clean_close_record(path).exists()
    checks: list[bool] = []
    real = connection.integrity_problem
    monkeypatch.setattr(connection, "integrity_problem", lambda db, quick=False: checks.append(quick) or real(db, quick))
    service = PlanService.open(path, check=True)
    assert service.db.check_skipped and checks == []  # nothing changed since it was checked at close
    assert achieved(service) == 55
    service.close()
    assert checks == [True]  # checked when the user leaves instead


def test_a_page_damaged_after_a_clean_close_is_still_refused_and_restore_offered(
        qtbot, tmp_path, monkeypatch, quiet_boxes) -> None:
    path = build(tmp_path / "data")
    close_cleanly(path)
    corrupt_middle_page(path)  # the file's bytes (and so its modification time) changed since
    with pytest.raises(DatabaseDamagedError, match="เสียหาย"):
        PlanService.open(path, check=True)
    from trat_desktop.store import connection

    assert not connection.clean_close_record(path).exists()  # forgotten with the damage
    seen: dict[str, object] = {}

    def click_restore() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, StartProblemDialog) and w.isVisible())
        seen["headline"] = dialog.headline.text()
        dialog.restore_button.click()

    monkeypatch.setattr(gui_app, "run_main", lambda app, service, instance=None: seen.setdefault("achieved", achieved(service)) and 0)
    QTimer.singleShot(0, click_restore)
    assert cli.main(["--db", str(path)]) == 0
    assert seen == {"headline": "<b>ไฟล์ฐานข้อมูลเสียหาย</b>", "achieved": 40}


def test_same_size_and_time_but_other_bytes_at_the_start_are_checked(tmp_path) -> None:
    """A copy over the file that kept its size and time (a tool restoring the time): other file id or bytes."""
    path = build(tmp_path / "data")
    close_cleanly(path)
    info = path.stat()
    data = bytearray(path.read_bytes())
    data[100:108] = b"\xff" * 8  # inside the header page the fingerprint hashes
    path.write_bytes(bytes(data))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    service = None
    try:
        service = PlanService.open(path, check=True)
        assert not service.db.check_skipped
    except TratError:
        pass  # refused as damaged: checked, as it must be
    finally:
        if service is not None:
            service.close()


def test_a_write_not_folded_into_the_file_means_the_start_checks(tmp_path) -> None:
    """A session that ended without a clean close (killed) left its write-ahead log: the check runs."""
    import sqlite3

    path = build(tmp_path / "data")
    close_cleanly(path)
    other = sqlite3.connect(path)  # still open: its log stays beside the file, as a killed app's would
    other.execute("UPDATE progress SET note = 'ค้าง' WHERE rowid = (SELECT min(rowid) FROM progress)")
    other.commit()
    try:
        assert Path(f"{path}-wal").stat().st_size > 0
        service = PlanService.open(path, check=True)
        assert not service.db.check_skipped
        service.close()
    finally:
        other.close()


def test_damage_found_when_leaving_is_not_recorded_as_clean(tmp_path, monkeypatch) -> None:
    from trat_desktop.store import connection

    path = build(tmp_path / "data")
    close_cleanly(path)
    service = PlanService.open(path, check=True)
    assert service.db.check_skipped
    monkeypatch.setattr(connection, "integrity_problem", lambda db, quick=False: "พบปัญหา 1 จุด")
    service.close()
    assert not connection.clean_close_record(path).exists()
    monkeypatch.undo()
    again = PlanService.open(path, check=True)
    assert not again.db.check_skipped  # so the next start checks every page again
    again.close()


def test_a_session_opened_without_the_check_records_nothing(tmp_path) -> None:
    from trat_desktop.store import connection

    path = build(tmp_path / "data")  # opened and closed without check=True (as a worker's connection)
    assert not connection.clean_close_record(path).exists()


def test_no_record_while_another_connection_is_open(tmp_path) -> None:
    """Closing while another connection (a worker's, another program's) still has the file open records
    nothing, and the file is not read beside it (reading it would drop this process's SQLite locks)."""
    from trat_desktop.store import connection

    path = build(tmp_path / "data")
    main = PlanService.open(path, check=True)
    worker = PlanService.open(path)  # as a worker thread's connection
    try:
        main.close()
        assert not connection.clean_close_record(path).exists()
        assert achieved(worker) == 55  # the other connection still reads and works
    finally:
        worker.close()
    again = PlanService.open(path, check=True)
    assert not again.db.check_skipped
    again.close()
    assert connection.clean_close_record(path).exists()
