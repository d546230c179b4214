"""The WAL bug of issue 14: on Linux, Qt's stock file dialog opens the files it lists to guess
their type (the database's ``-wal``/``-shm`` have no extension; a database named without a known
extension is opened itself). Closing those descriptors drops this process's POSIX locks, and the
next program that opens the database deletes the write-ahead log under the running app: its
later writes are lost. The app's dialogs (gui/file_dialogs.py) list a folder without opening
anything; these tests prove it with the locks the kernel reports and with the data itself."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

from trat_desktop.gui import database_file, file_dialogs
from trat_desktop.services import PlanService

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="POSIX locks are read from /proc/locks")

GUI_DIR = Path(__file__).resolve().parent.parent / "trat_desktop" / "gui"
NAME = "trat-data"  # no extension: Qt's stock dialog reads the database file itself to guess its type


def my_locks(folder: Path) -> set[str]:
    """The files of *folder* this process holds POSIX locks on (from the kernel's lock table)."""
    inodes = {p.stat().st_ino: p.name for p in folder.iterdir()}
    held = set()
    for line in Path("/proc/locks").read_text().splitlines():
        parts = line.split()
        if len(parts) > 5 and parts[1] == "POSIX" and int(parts[4]) == os.getpid():
            inode = int(parts[5].split(":")[-1])
            if inode in inodes:
                held.add(inodes[inode])
    return held


def list_folder(qtbot, dialog: QFileDialog, folder: Path) -> None:
    """Show *dialog* and wait until it has listed the folder with each file's icon and type."""
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    wanted = {NAME, f"{NAME}-wal", f"{NAME}-shm"}

    def listed() -> bool:
        root = model.index(str(folder))
        rows = [model.index(r, 0, root) for r in range(model.rowCount(root))]
        names = {model.fileName(i) for i in rows}
        return wanted <= names and all(
            model.data(i, Qt.ItemDataRole.DecorationRole) is not None and model.type(i) for i in rows)

    qtbot.waitUntil(listed, timeout=10_000)


def touch_from_another_process(db: Path) -> None:
    """What the command line does: open the database, write, close."""
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute(\"INSERT INTO audit_log (at, action, entity) VALUES ('t', 'other', 'test')\"); "
            "c.commit(); c.close()")
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=60)


def count_from_another_process(db: Path) -> int:
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "print(c.execute(\"SELECT count(*) FROM audit_log WHERE action LIKE 'gui-%'\").fetchone()[0])")
    out = subprocess.run([sys.executable, "-c", code, str(db)], check=True, capture_output=True, text=True, timeout=60)
    return int(out.stdout.strip())


@pytest.fixture
def live(tmp_path: Path):
    folder = tmp_path / "data"
    folder.mkdir()
    plans = PlanService.open(folder / NAME)
    plans.db.execute("INSERT INTO audit_log (at, action, entity) VALUES ('t', 'gui-1', 'test')")
    yield folder, plans
    plans.close()


def test_the_apps_dialog_lists_the_data_folder_and_the_wal_survives(qtbot, live) -> None:
    folder, plans = live
    locked = my_locks(folder)
    assert {NAME, f"{NAME}-shm"} <= locked  # SQLite's locks while the app runs
    dialog = file_dialogs.make_dialog(None, "เลือกไฟล์", folder, "ทุกไฟล์ (*)")
    qtbot.addWidget(dialog)
    list_folder(qtbot, dialog, folder)
    assert my_locks(folder) == locked  # nothing was opened and closed behind SQLite's back
    touch_from_another_process(folder / NAME)
    assert (folder / f"{NAME}-wal").exists() and (folder / f"{NAME}-shm").exists()
    plans.db.execute("INSERT INTO audit_log (at, action, entity) VALUES ('t', 'gui-2', 'test')")
    touch_from_another_process(folder / NAME)
    assert count_from_another_process(folder / NAME) == 2  # the app's writes are all there
    dialog.close()


def test_qts_stock_dialog_is_the_hazard_these_dialogs_avoid(qtbot, live) -> None:
    """The control: Qt's own dialog, on the same folder, drops the locks and a write is lost.
    If Qt stops reading listed files this test fails and file_dialogs.py may be simplified."""
    folder, plans = live
    dialog = QFileDialog(None, "x", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    list_folder(qtbot, dialog, folder)
    assert NAME not in my_locks(folder)
    touch_from_another_process(folder / NAME)
    assert not (folder / f"{NAME}-wal").exists()  # deleted under the running app
    plans.db.execute("INSERT INTO audit_log (at, action, entity) VALUES ('t', 'gui-2', 'test')")
    assert count_from_another_process(folder / NAME) < 2  # the app's second write is not in the file
    dialog.close()


def test_every_file_dialog_of_the_gui_goes_through_file_dialogs() -> None:
    """No GUI module but file_dialogs.py calls QFileDialog's static functions or builds one."""
    offenders = []
    for path in sorted(GUI_DIR.rglob("*.py")):
        if path.name == "file_dialogs.py" or "forms" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id == "QFileDialog" and node.attr.startswith("get"):
                offenders.append(f"{path.name}:{node.lineno} QFileDialog.{node.attr}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "QFileDialog":
                offenders.append(f"{path.name}:{node.lineno} QFileDialog()")
    assert offenders == []
    source = ast.parse("QFileDialog.getOpenFileName(None)")  # the checker sees what it looks for
    assert any(isinstance(n, ast.Attribute) and n.attr == "getOpenFileName" for n in ast.walk(source))


def test_the_dialog_types_files_by_name_only(qtbot, tmp_path: Path) -> None:
    provider = file_dialogs.NameOnlyIconProvider()
    from PySide6.QtCore import QFileInfo

    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "noext").write_bytes(b"%PDF-1.4")
    assert provider.type(QFileInfo(str(tmp_path / "a.pdf"))) == "ไฟล์ pdf"
    assert provider.type(QFileInfo(str(tmp_path / "noext"))) == "ไฟล์"
    assert provider.type(QFileInfo(str(tmp_path))) == "โฟลเดอร์"
    assert not provider.icon(QFileInfo(str(tmp_path / "noext"))).isNull()


def test_the_live_database_is_refused_as_a_file_to_open_or_save_over(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    db = tmp_path / "trat.sqlite3"
    db.write_bytes(b"")
    monkeypatch.setattr(database_file, "_protected", set())
    file_dialogs.protect(db)
    other = tmp_path / "report.pdf"
    assert file_dialogs._refuse(None, [str(other)]) == [str(other)]
    assert file_dialogs._refuse(None, [str(tmp_path / "." / "trat.sqlite3")]) == []
    assert file_dialogs._refuse(None, [str(other), f"{db}-wal"]) == []
    assert len(warned) == 2 and "คือฐานข้อมูลที่โปรแกรมใช้อยู่" in warned[0]


def test_a_save_dialog_answered_with_the_live_database_chooses_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    db = tmp_path / "trat.sqlite3"
    db.write_bytes(b"")
    monkeypatch.setattr(database_file, "_protected", set())
    file_dialogs.protect(db)

    def answer(name: str) -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)  # Qt's own question is not ours
        dialog.selectFile(name)
        dialog.accept()

    QTimer.singleShot(0, lambda: answer(str(db)))
    assert file_dialogs.getSaveFileName(None, "บันทึก", str(tmp_path), "PDF (*.pdf)")[0] == ""
    assert warned and db.read_bytes() == b""
    QTimer.singleShot(0, lambda: answer(str(tmp_path / "report.pdf")))
    assert file_dialogs.getSaveFileName(None, "บันทึก", str(tmp_path), "PDF (*.pdf)")[0] == str(tmp_path / "report.pdf")


def test_a_test_that_replaces_qfiledialogs_functions_still_gets_its_answer(monkeypatch) -> None:
    """Tests written against QFileDialog's static functions must not open a real dialog that waits."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("/tmp/x.pdf", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "/tmp")
    assert file_dialogs.getSaveFileName(None, "x", "/tmp", "") == ("/tmp/x.pdf", "")
    assert file_dialogs.getExistingDirectory(None, "x", "/tmp") == "/tmp"
