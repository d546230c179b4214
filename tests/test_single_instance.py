"""One GUI per database, and the command line beside it (issue 14). A second copy of the app
brings the first to the front and ends without opening the database; one whose first copy does
not answer is refused in Thai; a crashed copy's lock does not count. The command line's writes
wait their turn while another program writes, and past --wait are refused in Thai."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from trat_desktop.gui import app as gui_app
from trat_desktop.gui.single_instance import SingleInstance, bring_to_front, lock_path, server_name
from trat_desktop.services import PlanService

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
HOLD_LOCK = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)
print("held" if lock.tryLock(0) else "not held", flush=True)
time.sleep(120)
"""


def app_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "trat_desktop", *args]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "trat.sqlite3"
    path.parent.mkdir()
    PlanService.open(path).close()
    return path


@pytest.fixture
def holder_process(db: Path):
    """Another process holding the GUI lock of *db* (but no socket: it never answers)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(lock_path(db))], stdout=subprocess.PIPE,
                            text=True, env=ENV)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(30)


def test_the_socket_name_is_the_same_for_every_spelling_of_the_path(db: Path) -> None:
    other = db.parent / ".." / db.parent.name / db.name
    assert server_name(other) == server_name(db)
    assert server_name(db.with_name("other.sqlite3")) != server_name(db)


def test_a_second_copy_brings_the_first_to_the_front_and_ends(qtbot, db: Path) -> None:
    first = SingleInstance(db)
    assert first.claim()
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    asked: list[bool] = []
    first.activation_requested.connect(lambda: (asked.append(True), bring_to_front(window)))
    try:
        second = subprocess.Popen(app_command("--db", str(db)), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, env=ENV)
        qtbot.waitUntil(lambda: bool(asked), timeout=60_000)  # our event loop answers it
        out, err = second.communicate(timeout=60)
    finally:
        first.release()
    assert second.returncode == 0, err
    assert "สลับไปที่หน้าต่างเดิม" in out
    assert not window.isMinimized() and window.isVisible()


def test_a_copy_whose_first_does_not_answer_is_refused_in_thai(qtbot, db: Path, holder_process, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(gui_app, "refuse_second_copy", said.append)
    instance, code = gui_app.claim_database(db)
    assert instance is None and code == 2
    assert len(said) == 1 and "เปิดอยู่ใน" in said[0] and "จึงเปิดซ้ำไม่ได้" in said[0]
    assert str(holder_process.pid) in said[0]  # who holds it


def test_the_lock_of_a_crashed_copy_does_not_count(qtbot, db: Path, holder_process) -> None:
    assert not SingleInstance(db).claim()
    holder_process.send_signal(signal.SIGKILL)
    holder_process.wait(30)
    again = SingleInstance(db)
    try:
        assert again.claim()
    finally:
        again.release()
    assert not lock_path(db).exists()  # released cleanly


# -- the command line beside another writer ----------------------------------------------------


def my_setup(db: Path) -> None:
    done = subprocess.run(app_command("--db", str(db), "setup", "--office", "สำนักงานศึกษาธิการจังหวัดตราด"),
                          capture_output=True, text=True, env=ENV, timeout=120)
    assert done.returncode == 0, done.stderr


def stored(db: Path) -> float | None:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT achieved FROM progress WHERE quarter = 2 AND achieved IS NOT NULL").fetchone()
    finally:
        conn.close()
    return None if row is None else row[0]


def test_a_cli_write_past_its_wait_is_refused_in_thai_and_changes_nothing(db: Path) -> None:
    my_setup(db)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. the GUI importing a folder of files
    try:
        done = subprocess.run(app_command("--db", str(db), "--wait", "0.2", "progress", "set", "1/1.2/1",
                                          "--quarter", "2", "--value", "5"),
                              capture_output=True, text=True, env=ENV, timeout=120)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert done.returncode == 2
    assert "ฐานข้อมูลกำลังถูกใช้งาน" in done.stderr and "โปรดลองอีกครั้ง" in done.stderr
    assert "Traceback" not in done.stderr
    assert stored(db) is None


def cli_holds_a_lock_on(db: Path, pid: int) -> bool:
    inode = db.stat().st_ino
    for line in Path("/proc/locks").read_text().splitlines():
        parts = line.split()
        if len(parts) > 5 and int(parts[4]) == pid and int(parts[5].split(":")[-1]) == inode:
            return True
    return False


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="reads the kernel's lock table")
def test_a_cli_write_waits_its_turn_while_another_program_writes(qtbot, db: Path) -> None:
    my_setup(db)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    cli = subprocess.Popen(app_command("--db", str(db), "--wait", "120", "progress", "set", "1/1.2/1",
                                       "--quarter", "2", "--value", "5"),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        qtbot.waitUntil(lambda: cli_holds_a_lock_on(db, cli.pid) or cli.poll() is not None, timeout=60_000)
        assert cli.poll() is None  # it opened the database and is waiting for our write to end
    finally:
        other.execute("COMMIT")
        other.close()
    out, err = cli.communicate(timeout=120)
    assert cli.returncode == 0, err
    assert stored(db) == 5
