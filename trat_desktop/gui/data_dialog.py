"""ตั้งค่า › ข้อมูลและการสำรอง: the data folder (and a button to open it), "สำรองข้อมูลตอนนี้…"
(the same action as in the menu), "กู้คืนจากไฟล์สำรอง…", and the quiet daily backup at start.

Restoring replaces the database file, which needs every connection to it closed, so it goes:
check the chosen file (a bad one is refused with the Thai reason before anything is touched)
→ confirm → the main window finishes its background work and closes its service
→ :func:`trat_desktop.services.backup.restore` (the current database is kept aside)
→ open the restored file once (an older backup is upgraded here; if it cannot be opened the
kept-aside database is put back) → the app restarts itself with the same arguments, so every
page, undo stack and cached key starts from the restored data. Tests replace
:func:`restart_application`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QProcess, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from ..errors import TratError
from ..i18n import N_, _
from ..services import PlanService
from ..services import backup as backups
from . import display, file_dialogs
from .about_dialog import native
from .ops import can_open_again, error_text, run_in_background

BACKUP_FILES = N_("ไฟล์สำรองข้อมูล (*.zip *.sqlite3);;ทุกไฟล์ (*)")
RESTORE_TITLE = N_("กู้คืนจากไฟล์สำรอง")
DAILY_DONE = N_("สำรองข้อมูลอัตโนมัติประจำวันแล้ว")
DAILY_FAILED = N_("สำรองข้อมูลอัตโนมัติไม่สำเร็จ")


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return display.show_digits(f"{max(1, round(size / 1024)):,} KB")
    return display.show_digits(f"{size / (1024 * 1024):,.1f} MB")


def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str | None = None) -> bool:
    """A question with Thai buttons (Qt ships no Thai translation for Yes/No); *no* is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no or _("ยกเลิก"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def when_text(moment: dt.datetime) -> str:
    return f"{display.date_text(moment.date())} {display.time_text(moment)}"


# -- restarting ---------------------------------------------------------------------------
def restart_command() -> tuple[str, list[str]]:
    """The program and arguments that start this app again as it was started.

    Frozen (PyInstaller): the executable itself. From source: the interpreter with
    ``-m trat_desktop`` when started that way (``python -m`` leaves ``__main__.py`` in argv[0]),
    else the same script (e.g. the ``trat-desktop`` entry point).
    """
    args = list(sys.argv[1:])
    if getattr(sys, "frozen", False):
        return sys.executable, args
    first = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if first is None or first.name == "__main__.py" or not first.is_file():
        return sys.executable, ["-m", "trat_desktop", *args]
    return sys.executable, [str(first), *args]


def restart_application(parent: QWidget | None = None) -> bool:
    """Start a new copy of the app, then quit this one. False if the new copy did not start
    (the user is told to open the app again)."""
    from .single_instance import release_current

    program, args = restart_command()
    release_current()  # else the new copy would find the database taken and only show this one
    started = QProcess.startDetached(program, args, str(Path.cwd()))
    ok = bool(started[0] if isinstance(started, tuple) else started)
    if not ok:
        QMessageBox.information(parent, _(RESTORE_TITLE), _("เปิดโปรแกรมใหม่เองไม่ได้ โปรดเปิดโปรแกรม Trat Desktop "
                                                            "อีกครั้ง"))
    QApplication.quit()
    return ok


# -- the daily backup -----------------------------------------------------------------------
def start_daily_backup(window: Any, plans: Any) -> Any:
    """Today's automatic backup (if there is none yet) in the background, without a progress
    dialog; the result shows in the window's status bar only. None without a database file."""
    if not isinstance(plans, PlanService) or not can_open_again(plans):
        return None

    def status(text: str, ms: int) -> None:
        if shiboken6.isValid(window):
            window.statusBar().showMessage(text, ms)

    def done(path: Path | None) -> None:
        if path is not None:
            status(_(DAILY_DONE), 8000)

    return run_in_background(window, plans, lambda own: backups.daily_backup(own), done,
                             lambda exc: status(f"{_(DAILY_FAILED)}: {error_text(exc)}", 20000),
                             label=_("กำลังสำรองข้อมูลอัตโนมัติ…"), quiet=True)


# -- the dialog -------------------------------------------------------------------------------
class DataDialog(QDialog):
    """Data folder, backups and restore over *window*'s database.

    *window* is the main window: it owns the PlanService (``release_database()`` closes it)
    and its ``exchange_actions.backup_now`` makes a backup to a chosen file.
    """

    def __init__(self, window: Any, plans: PlanService, current_owner: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        from .forms.ui_data_dialog import Ui_DataDialog

        self.form = Ui_DataDialog()
        self.form.setupUi(self)
        self.window_ = window
        self.plans = plans
        self.db_path = Path(plans.path or "").resolve()
        self.data_dir = plans.data_dir
        self.backup_dir = backups.backup_folder(plans)
        self.current_owner = current_owner  # this installation's name, to warn about another's backup
        self.last_message = ""
        self.restored_aside: Path | None = None
        form = self.form
        form.openFolderButton.clicked.connect(lambda: self.open_folder(self.data_dir))
        form.openBackupsButton.clicked.connect(lambda: self.open_folder(self.backup_dir))
        form.backupButton.clicked.connect(self.backup_now)
        form.restoreButton.clicked.connect(lambda: self.restore())
        form.closeButton.clicked.connect(self.accept)
        self.reload()
        self.resize(760, self.heightForWidth(760) if self.hasHeightForWidth() else self.sizeHint().height())

    def reload(self) -> None:
        form = self.form
        form.folderLabel.setText(native(self.data_dir))
        size = sum(p.stat().st_size for p in (self.db_path, Path(f"{self.db_path}-wal")) if p.is_file())
        form.dbLabel.setText(_("ไฟล์ฐานข้อมูล: {name} ({size})").format(name=self.db_path.name, size=size_text(size)))
        form.autoLabel.setText(display.show_digits(
            _("โปรแกรมสำรองข้อมูลให้อัตโนมัติวันละครั้งเมื่อเปิดโปรแกรม และเก็บไว้ {DAILY_KEPT} วันล่าสุด ในโฟลเดอร์ "
              "backups ภายในโฟลเดอร์ข้อมูล ควรสำรองไว้นอกเครื่องด้วย (เช่น แฟลชไดรฟ์) อย่างน้อยเดือนละครั้ง "
              "และทุกครั้งก่อนส่งเครื่องซ่อม").format(
                DAILY_KEPT=backups.DAILY_KEPT)))
        latest = backups.automatic_backups(self.plans)
        if latest:
            newest = latest[0]
            when = dt.datetime.fromtimestamp(newest.stat().st_mtime)
            form.lastBackupLabel.setText(
                _("ไฟล์สำรองล่าสุดในเครื่อง: {name} ({when})").format(name=newest.name, when=when_text(when)))
        else:
            form.lastBackupLabel.setText(_("ยังไม่มีไฟล์สำรองอัตโนมัติในเครื่องนี้"))
        form.openBackupsButton.setEnabled(self.backup_dir.is_dir())

    # -- messages (tests replace the QMessageBox functions) --------------------------------
    def _warn(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self, title, text)

    def _inform(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.information(self, title, text)

    def _ask(self, title: str, text: str, yes: str) -> bool:
        self.last_message = text
        return ask(self, title, text, yes)

    # -- actions ------------------------------------------------------------------------------
    @staticmethod
    def open_folder(folder: Path) -> bool:
        """Open *folder* in the system's file manager (Explorer on Windows)."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def backup_now(self) -> None:
        """The menu's "สำรองข้อมูลตอนนี้…" (asks where to save, copies in the background)."""
        actions = getattr(self.window_, "exchange_actions", None)
        if actions is not None:
            actions.backup_now()

    def restore(self, chosen: Path | str | None = None) -> bool:
        """Pick a backup file, check it, confirm, then restore it and restart the app.
        False when nothing was restored (cancelled, or the file was refused)."""
        if chosen is None:
            start = self.backup_dir if self.backup_dir.is_dir() else self.data_dir
            name, _filter = file_dialogs.getOpenFileName(self, _("เลือกไฟล์สำรองที่จะกู้คืน"), str(start), _(BACKUP_FILES))
            if not name:
                return False
            chosen = name
        chosen = Path(chosen)
        try:
            if chosen.resolve() == self.db_path:
                raise TratError(_("ไฟล์ที่เลือกคือฐานข้อมูลที่ใช้อยู่ตอนนี้ โปรดเลือกไฟล์สำรอง"))
            info = backups.describe(chosen)
        except TratError as exc:
            self._warn(_("กู้คืนไม่ได้"), _("ไม่ได้กู้คืน และข้อมูลปัจจุบันไม่เปลี่ยนแปลง\n\n{message}").format(
                message=exc.message))
            return False
        if not self._ask(_(RESTORE_TITLE), self.confirm_text(info), _("กู้คืน")):
            return False
        return self._restore_checked(chosen)

    def confirm_text(self, info: backups.BackupInfo) -> str:
        lines = [_("กู้คืนข้อมูลจากไฟล์ “{name}” หรือไม่").format(name=info.path.name),
                 "",
                 _("• ไฟล์สำรองนี้เป็นข้อมูลของ: {owner}").format(owner=info.owner),
                 _("• บันทึกไฟล์เมื่อ: {modified} ({size})").format(
                     modified=when_text(info.modified), size=size_text(info.size))]
        if info.last_change is not None:
            lines.append(_("• แก้ไขข้อมูลครั้งล่าสุดในไฟล์: {last_change}").format(
                last_change=when_text(info.last_change)))
        if info.bundle:
            lines.append(_("• ไฟล์หลักฐานในไฟล์สำรอง: {evidence_files:,} ไฟล์").format(
                evidence_files=info.evidence_files))
        else:
            lines.append(_("• ไฟล์สำรองรุ่นเก่า: มีเฉพาะฐานข้อมูล ไม่มีไฟล์หลักฐาน "
                           "(ใช้ไฟล์หลักฐานที่อยู่ในเครื่องนี้)"))
        if info.evidence_not_inside:
            lines.append(_("• ไฟล์หลักฐานที่ไม่อยู่ในไฟล์สำรอง: {evidence_not_inside:,} ไฟล์").format(
                evidence_not_inside=info.evidence_not_inside))
        current = self.current_owner
        if current and info.owner != current:
            lines += ["", _("คำเตือน: เครื่องนี้ตั้งค่าเป็น “{current}” แต่ไฟล์สำรองเป็นของ “{owner}”").format(
                current=current, owner=info.owner)]
        lines += ["",
                  _("ข้อมูลที่บันทึกไว้หลังจากวันที่สำรองจะไม่อยู่ในข้อมูลที่กู้คืน แต่ฐานข้อมูลปัจจุบันจะไม่ถูกลบ: "
                    "โปรแกรมจะเก็บไว้ในโฟลเดอร์ข้อมูล ชื่อ “{stem}.before-restore-…{suffix}”").format(
                      stem=self.db_path.stem, suffix=self.db_path.suffix),
                  "",
                  _("เมื่อกู้คืนเสร็จ โปรแกรมจะปิดแล้วเปิดใหม่เอง")]
        return "\n".join(display.show_digits(line) if line.startswith("•") else line for line in lines)

    def _restore_checked(self, chosen: Path) -> bool:
        """After the confirmation: close the window's database, restore, reopen once, restart."""
        release = getattr(self.window_, "release_database", None)
        if callable(release):
            release()
        else:
            self.plans.close()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # unpacking the evidence can take a while
        try:
            aside = backups.restore(self.db_path, chosen)
        except TratError as exc:
            QApplication.restoreOverrideCursor()
            self._warn(_("กู้คืนไม่สำเร็จ"), _("{message}\n\nข้อมูลปัจจุบันไม่เปลี่ยนแปลง โปรแกรมจะเปิดใหม่").format(
                message=exc.message))
            restart_application(self)
            return False
        QApplication.restoreOverrideCursor()
        try:
            PlanService.open(self.db_path).close()  # upgrades an older backup to this version now
        except TratError as exc:
            try:  # put the kept-aside database back: the restored file cannot be used
                if aside is None:
                    raise TratError(_("ไม่มีฐานข้อมูลเดิม"))
                backups.restore(self.db_path, aside)
                back = _("นำฐานข้อมูลเดิมกลับมาใช้แล้ว")
            except TratError as again:
                back = _("ฐานข้อมูลเดิมอยู่ที่ “{aside}” ({message})").format(
                    aside=native(aside), message=again.message)
            self._warn(_("กู้คืนไม่สำเร็จ"), _("เปิดข้อมูลที่กู้คืนไม่ได้: {message}\n\n{back} โปรแกรมจะเปิดใหม่").format(
                message=exc.message, back=back))
            restart_application(self)
            return False
        self.restored_aside = aside
        kept = _("ฐานข้อมูลก่อนกู้คืนเก็บไว้ที่\n{aside}\n\n").format(aside=native(aside)) if aside is not None else ""
        self._inform(_("กู้คืนแล้ว"),
                     _("กู้คืนข้อมูลจาก “{name}” แล้ว\n\n{kept}กด OK แล้วโปรแกรมจะปิดและเปิดใหม่พร้อมข้อมูลที่กู้คืน").format(
                         name=chosen.name, kept=kept))
        restart_application(self)
        return True
