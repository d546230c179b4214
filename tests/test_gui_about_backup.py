"""The app icon, the About box, the "ข้อมูลและการสำรอง" dialog (data folder, restore through the
dialog with the current database kept aside, bad files refused), and the daily backup at start."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit

from trat_desktop.gui import file_dialogs

from trat_desktop import __version__
from trat_desktop.domain.identity import Identity
from trat_desktop.errors import TratError
from trat_desktop.gui import app as gui_app
from trat_desktop.gui import data_dialog, ops
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services import backup as backups
from trat_desktop.store.connection import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
EDU = "สำนักงานศึกษาธิการจังหวัดตราด"
ROW = "1/1.5/2"


def set_value(service: PlanService, achieved: str) -> None:
    progress = ProgressService(service)
    progress.set_progress(progress.find_item(ROW), 2, achieved=achieved)


def value_in(db: Path) -> float | None:
    service = PlanService.open(db)
    try:
        item = ProgressService(service).find_item(ROW)
        return item.entries[2].achieved if 2 in item.entries else None
    finally:
        service.close()


def office_window(qtbot, service: PlanService, tmp_path: Path) -> MainWindow:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name=EDU, reporter_name="ผู้ทดสอบ"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings)
    qtbot.addWidget(window)
    return window


class Boxes:
    """Records QMessageBox calls and answers questions with *answer*."""

    def __init__(self, monkeypatch, answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes) -> None:
        self.calls: list[tuple[str, str, str]] = []
        for kind in ("information", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, kind, self._fake(kind, QMessageBox.StandardButton.Ok))
        monkeypatch.setattr(QMessageBox, "question", self._fake("question", answer))
        yes = answer == QMessageBox.StandardButton.Yes
        monkeypatch.setattr(data_dialog, "ask", lambda parent, title, text, *a, **k:
                            self._fake("question", answer)(parent, title, text) == answer and yes)

    def _fake(self, kind: str, result: QMessageBox.StandardButton) -> Any:
        def fake(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
            self.calls.append((kind, title, text))
            return result

        return fake

    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.calls]

    def text(self, kind: str) -> str:
        return "\n".join(text for k, _title, text in self.calls if k == kind)


@pytest.fixture
def restarts(monkeypatch) -> list[bool]:
    """Replaces the restart (a new process, then quit) by a record of the call."""
    calls: list[bool] = []
    monkeypatch.setattr(data_dialog, "restart_application", lambda parent=None: calls.append(True) or True)
    return calls


# -- icon ---------------------------------------------------------------------------------
def test_the_app_and_the_window_have_the_icon(qtbot, service, tmp_path) -> None:
    app = gui_app.create_app([])
    assert not app.windowIcon().isNull()
    icon = gui_app.app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(32, 32), (64, 64), (256, 256)} <= sizes
    assert not icon.pixmap(QSize(48, 48)).isNull()
    window = office_window(qtbot, service, tmp_path)
    assert not window.windowIcon().isNull()
    assert window.windowTitle().endswith("Trat Desktop")


def test_the_windows_icon_file_holds_every_size_and_the_build_uses_it() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from make_icons import ico_sizes, targets
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert all(path.is_file() for path in targets())
    ico = ROOT / "resources" / "icons" / "trat-desktop.ico"
    assert {16, 32, 48, 256} <= set(ico_sizes(ico.read_bytes()))
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "resources/icons" in spec and "trat-desktop.ico" in spec


# -- About ---------------------------------------------------------------------------------
def test_about_box_shows_version_data_folder_schema_and_font_licence(qtbot, service, tmp_path) -> None:
    window = office_window(qtbot, service, tmp_path)
    assert window.form.actionAbout in window.form.menuHelp.actions()
    assert window.form.menuHelp.title() == "ช่วยเหลือ"
    window.form.actionAbout.trigger()
    dialog = window.about_dialog
    assert dialog is not None and dialog.isVisible()
    form = dialog.form
    assert dialog.windowTitle() == "เกี่ยวกับ Trat Desktop"
    assert __version__ in form.versionLabel.text()
    assert form.dataDirLabel.text() == str(tmp_path.resolve())
    assert form.dbLabel.text() == "trat.sqlite3"
    assert str(SCHEMA_VERSION) in form.schemaLabel.text()
    assert "Sarabun" in form.fontLabel.text() and "OFL" in form.fontLabel.text()
    assert "คุณธรรม" in form.purposeLabel.text()
    assert not form.iconLabel.pixmap().isNull()
    copied = dialog.copy_details()
    assert __version__ in copied and str(tmp_path.resolve()) in copied
    assert QApplication.clipboard().text() == copied
    licence = dialog.show_font_licence()
    assert "SIL OPEN FONT LICENSE" in licence.findChild(QPlainTextEdit).toPlainText().upper()
    dialog.close()


# -- the data and backup dialog -------------------------------------------------------------
def test_data_dialog_shows_the_folder_and_opens_it(qtbot, service, tmp_path, monkeypatch) -> None:
    window = office_window(qtbot, service, tmp_path)
    assert window.form.actionDataBackup in window.form.menuSettings.actions()
    assert window.form.actionDataBackup.isEnabled()
    backups.backup_now(service, label="daily")
    window.form.actionDataBackup.trigger()
    dialog = window.data_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.form.folderLabel.text() == str(tmp_path.resolve())
    assert "trat.sqlite3" in dialog.form.dbLabel.text()
    assert "daily-" in dialog.form.lastBackupLabel.text()
    opened: list[str] = []
    monkeypatch.setattr(data_dialog.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog.form.openFolderButton.click()
    dialog.form.openBackupsButton.click()
    assert [Path(p) for p in opened] == [tmp_path.resolve(), tmp_path.resolve() / "backups"]


def test_backup_now_button_reuses_the_menu_action(qtbot, service, tmp_path, monkeypatch) -> None:
    window = office_window(qtbot, service, tmp_path)
    Boxes(monkeypatch)
    target = tmp_path / "usb" / "copy.zip"
    monkeypatch.setattr(file_dialogs, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = window.open_data_dialog()
    dialog.form.backupButton.click()
    qtbot.waitUntil(lambda: ops.running() == 0 and target.is_file(), timeout=10000)
    assert "สำรองข้อมูลแล้ว" in window.exchange_actions.last_message


def test_restore_through_the_dialog_brings_back_the_old_value(qtbot, service, tmp_path, monkeypatch,
                                                              restarts) -> None:
    window = office_window(qtbot, service, tmp_path)
    db = Path(service.path)
    set_value(service, "40")
    copy = backups.backup_now(service, tmp_path / "usb" / "copy.zip")
    set_value(service, "90")
    boxes = Boxes(monkeypatch)
    monkeypatch.setattr(file_dialogs, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    dialog = window.open_data_dialog()
    dialog.form.restoreButton.click()

    assert boxes.kinds() == ["question", "information"]
    question = boxes.text("question")
    assert "copy.zip" in question and EDU in question and "before-restore" in question
    assert "เปิดใหม่" in question
    assert restarts == [True]
    assert window.database_released and not window.isEnabled()
    assert value_in(db) == 40
    aside = next(tmp_path.glob("trat.before-restore-*.sqlite3"))
    assert value_in(aside) == 90
    assert dialog.restored_aside == aside
    assert str(aside) in boxes.text("information")


def test_restore_of_an_older_copy_that_cannot_be_opened_puts_the_current_back(qtbot, service, tmp_path,
                                                                             monkeypatch, restarts) -> None:
    window = office_window(qtbot, service, tmp_path)
    db = Path(service.path)
    set_value(service, "40")
    copy = backups.backup_now(service, tmp_path / "copy.zip")
    set_value(service, "90")
    boxes = Boxes(monkeypatch)

    class Unopenable:  # the dialog's own check that the restored file opens fails
        @staticmethod
        def open(_path: Any = None) -> PlanService:
            raise TratError("เปิดไม่ได้ (ทดสอบ)")

    monkeypatch.setattr(data_dialog, "PlanService", Unopenable)
    assert window.open_data_dialog().restore(copy) is False
    assert "เปิดข้อมูลที่กู้คืนไม่ได้" in boxes.text("warning")
    assert restarts == [True]
    assert value_in(db) == 90


@pytest.mark.parametrize("kind, reason", [("junk", "ไม่ใช่ฐานข้อมูล"),
                                          ("foreign", "ไม่ใช่ฐานข้อมูลของ Trat Desktop"),
                                          ("missing", "ไม่พบไฟล์สำรอง"),
                                          ("itself", "ฐานข้อมูลที่ใช้อยู่")])
def test_a_bad_backup_is_refused_with_the_thai_reason_and_nothing_changes(qtbot, service, tmp_path, monkeypatch,
                                                                          restarts, kind, reason) -> None:
    window = office_window(qtbot, service, tmp_path)
    db = Path(service.path)
    set_value(service, "90")
    bad = tmp_path / "bad.sqlite3"
    if kind == "junk":
        bad.write_bytes(b"not a database " * 200)
    elif kind == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    elif kind == "itself":
        bad = db
    before = sorted(p.name for p in tmp_path.iterdir())
    boxes = Boxes(monkeypatch)
    monkeypatch.setattr(file_dialogs, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    dialog = window.open_data_dialog()
    dialog.form.restoreButton.click()

    assert boxes.kinds() == ["warning"]
    assert reason in boxes.text("warning")
    assert "ข้อมูลปัจจุบันไม่เปลี่ยนแปลง" in boxes.text("warning")
    assert restarts == []
    assert not window.database_released and window.isEnabled()
    assert service.fiscal_years()  # the window's connection is still open
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing kept aside, nothing written
    assert value_in(db) == 90


def test_restore_cancelled_at_the_question_changes_nothing(qtbot, service, tmp_path, monkeypatch, restarts) -> None:
    window = office_window(qtbot, service, tmp_path)
    set_value(service, "40")
    copy = backups.backup_now(service, tmp_path / "copy.zip")
    set_value(service, "90")
    Boxes(monkeypatch, answer=QMessageBox.StandardButton.No)
    assert window.open_data_dialog().restore(copy) is False
    assert restarts == [] and not window.database_released
    assert value_in(Path(service.path)) == 90
    assert not list(tmp_path.glob("*before-restore*"))


def test_restore_warns_about_another_installations_backup(qtbot, service, tmp_path, monkeypatch, restarts) -> None:
    (tmp_path / "other").mkdir()
    other = PlanService.open(tmp_path / "other" / "other.sqlite3")
    ProgressService(other).set_identity(Identity(role="office", office_name="สำนักงานคลังจังหวัดตราด"))
    copy = backups.backup_now(other, tmp_path / "other-copy.zip")
    other.close()
    window = office_window(qtbot, service, tmp_path)
    boxes = Boxes(monkeypatch, answer=QMessageBox.StandardButton.No)
    window.open_data_dialog().restore(copy)
    assert "คำเตือน" in boxes.text("question") and "สำนักงานคลังจังหวัดตราด" in boxes.text("question")


def test_restart_command_starts_the_app_the_same_way(monkeypatch) -> None:
    monkeypatch.setattr(sys, "argv", ["/opt/TratDesktop/TratDesktop", "--db", "x.sqlite3"])
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert data_dialog.restart_command() == (sys.executable, ["--db", "x.sqlite3"])
    monkeypatch.delattr(sys, "frozen")
    main = str(ROOT / "trat_desktop" / "__main__.py")
    monkeypatch.setattr(sys, "argv", [main, "--db", "x.sqlite3"])
    assert data_dialog.restart_command() == (sys.executable, ["-m", "trat_desktop", "--db", "x.sqlite3"])
    script = str(ROOT / "tools" / "build_ui.py")  # any existing script stands for the entry point
    monkeypatch.setattr(sys, "argv", [script])
    assert data_dialog.restart_command() == (sys.executable, [script])


# -- the daily backup ---------------------------------------------------------------------
def test_daily_backup_runs_quietly_when_the_session_starts(qtbot, service, tmp_path) -> None:
    ProgressService(service).set_identity(Identity(role="office", office_name=EDU))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = gui_app.open_main_window(service, ProgressService(service), settings=settings, backup_delay_ms=0)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.daily_backup_op is not None and window.daily_backup_op.done, timeout=10000)
    op = window.daily_backup_op
    assert op.error is None and op.dialog is None and op.quiet
    made = list((tmp_path / "backups").glob("daily-*.zip"))
    assert len(made) == 1 and made[0] == op.result
    assert window.statusBar().currentMessage() == data_dialog.DAILY_DONE
    assert op.thread_id is not None  # ran in a pool thread on its own connection
    # once a day: a second start the same day makes no second file
    again = window.start_daily_backup()
    qtbot.waitUntil(lambda: again.done, timeout=10000)
    assert again.result is None
    assert len(list((tmp_path / "backups").glob("daily-*.zip"))) == 1


def test_the_smoke_test_makes_no_daily_backup(qtbot, service, tmp_path, capsys) -> None:
    assert gui_app.run_gui(service, smoke_test=True) == 0
    QApplication.processEvents()
    assert not (tmp_path / "backups").exists()


def test_daily_backup_failure_shows_in_the_status_bar_only(qtbot, service, tmp_path, monkeypatch) -> None:
    window = office_window(qtbot, service, tmp_path)
    boxes = Boxes(monkeypatch)

    def broken(_plans: Any) -> None:
        raise TratError("ดิสก์เต็ม")

    monkeypatch.setattr(backups, "daily_backup", broken)
    op = window.start_daily_backup()
    qtbot.waitUntil(lambda: op.done, timeout=10000)
    assert boxes.calls == []
    assert window.statusBar().currentMessage() == f"{data_dialog.DAILY_FAILED}: ดิสก์เต็ม"


def test_restart_application_really_starts_a_new_process_and_quits(tmp_path) -> None:
    """The real restart (no monkeypatch): a new process with the same arguments, this one quits."""
    marker = tmp_path / "restarted.txt"
    child = tmp_path / "child.py"
    child.write_text(f"import sys, pathlib\npathlib.Path({str(marker)!r}).write_text(' '.join(sys.argv[1:]))\n",
                     encoding="utf-8")
    code = (
        "import sys\n"
        f"sys.argv = [{str(child)!r}, '--db', 'same.sqlite3']\n"
        "from PySide6.QtCore import QTimer\n"
        "from trat_desktop.gui.app import create_app\n"
        "from trat_desktop.gui.data_dialog import restart_application\n"
        "app = create_app([])\n"
        "QTimer.singleShot(0, restart_application)\n"
        "sys.exit(app.exec())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, timeout=60, capture_output=True)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    deadline = time.monotonic() + 20
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.read_text(encoding="utf-8") == "--db same.sqlite3"


def test_restore_through_the_dialog_brings_back_lost_evidence_files(qtbot, service, tmp_path, monkeypatch,
                                                                    restarts) -> None:
    import shutil

    window = office_window(qtbot, service, tmp_path)
    progress = ProgressService(service)
    photo = tmp_path / "ภาพกิจกรรม.jpg"
    photo.write_bytes(b"\xff\xd8 photo " * 300)
    attached = progress.attach_evidence(progress.find_item(ROW), 2, photo)
    copy = backups.backup_now(service, tmp_path / "usb" / "with-evidence.zip")
    shutil.rmtree(tmp_path / "evidence")  # the folder was lost (a disk replaced, a wrong delete)
    boxes = Boxes(monkeypatch)
    monkeypatch.setattr(file_dialogs, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    dialog = window.open_data_dialog()
    dialog.form.restoreButton.click()
    question = boxes.text("question")
    assert "ไฟล์หลักฐานในไฟล์สำรอง" in question and "ไฟล์สำรองรุ่นเก่า" not in question
    assert restarts == [True]
    blob = tmp_path / "evidence" / attached.sha256[:2] / attached.sha256
    assert blob.read_bytes() == photo.read_bytes()


def test_the_daily_backup_holds_the_evidence(service, tmp_path) -> None:
    import zipfile

    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name=EDU, reporter_name="ผู้ทดสอบ"))
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8 daily " * 50)
    attached = progress.attach_evidence(progress.find_item(ROW), 2, photo)
    made = backups.daily_backup(service)
    assert made is not None and made.suffix == ".zip"
    with zipfile.ZipFile(made) as bundle:
        assert bundle.read(f"evidence/{attached.sha256}") == photo.read_bytes()
    info = backups.describe(made)
    assert info.evidence_files == 1 and info.owner == EDU


def test_a_later_plan_load_does_not_cover_the_backup_message(qtbot, service, tmp_path) -> None:
    """The deferred plan load used to overwrite the daily backup's status message (a start-up race)."""
    window = office_window(qtbot, service, tmp_path)
    window.statusBar().showMessage(data_dialog.DAILY_DONE, 60000)
    window.refresh_data()
    assert window.statusBar().currentMessage() == data_dialog.DAILY_DONE
    window.statusBar().clearMessage()
    window.refresh_data()
    assert window.statusBar().currentMessage().startswith("โหลดแผน")
