"""The Thai screen shown instead of the main window when the database cannot be opened at start.

A damaged database (SQLite's ``quick_check`` fails, or the file is truncated or not a database)
offers the newest backup in ``backups/`` beside it that passes the checks: one button restores
it (the damaged file is kept aside, never deleted), another picks any backup file. A read-only
file, a full disk, a busy database or a database from a newer app each get their own message
(restoring would not help them); a busy one can be tried again. After a restore the app goes on
to the main window over the restored data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ..errors import DatabaseBusyError, DatabaseDamagedError, DatabaseFullError, DatabaseReadOnlyError, TratError
from ..i18n import N_, _
from ..services import PlanService
from ..services import backup as backups
from . import display, file_dialogs
from .about_dialog import native

TITLE = N_("เปิดฐานข้อมูลไม่ได้")


def headline(error: TratError) -> str:
    if isinstance(error, DatabaseDamagedError):
        return _("ไฟล์ฐานข้อมูลเสียหาย")
    if isinstance(error, DatabaseReadOnlyError):
        return _("ไฟล์ฐานข้อมูลเขียนไม่ได้ (อ่านได้อย่างเดียว)")
    if isinstance(error, DatabaseFullError):
        return _("พื้นที่ดิสก์เต็ม")
    if isinstance(error, DatabaseBusyError):
        return _("ฐานข้อมูลกำลังถูกใช้งานโดยโปรแกรมอื่น")
    return _("เปิดฐานข้อมูลไม่ได้")


class StartProblemDialog(QDialog):
    """Why the database did not open, and (when it is damaged) the restore of the newest good backup.

    After ``exec()``: :attr:`restored` is the backup put in place (the app then opens normally),
    :attr:`retry` asks to try opening again; otherwise the app ends.
    """

    def __init__(self, db_path: Path | str, error: TratError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path).resolve()
        self.error = error
        self.restored: Path | None = None
        self.aside: Path | None = None
        self.retry = False
        self.last_message = ""
        self.damaged = isinstance(error, DatabaseDamagedError)
        self.latest: backups.BackupInfo | None = None
        self.refused: list[tuple[Path, str]] = []
        if self.damaged:
            self.latest, self.refused = backups.latest_good_backup(self.db_path)
        self.setWindowTitle(_(TITLE))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.headline = QLabel(f"<b>{headline(error)}</b>")
        self.message = QLabel(self.message_text())
        self.message.setWordWrap(True)
        self.backup_label = QLabel(self.backup_text())
        self.backup_label.setWordWrap(True)
        self.backup_label.setVisible(self.damaged)
        for label in (self.headline, self.message, self.backup_label):
            layout.addWidget(label)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(_("กู้คืนจากไฟล์สำรองล่าสุด"))
        self.choose_button = QPushButton(_("เลือกไฟล์สำรองอื่น…"))
        self.retry_button = QPushButton(_("ลองเปิดอีกครั้ง"))
        self.folder_button = QPushButton(_("เปิดโฟลเดอร์ข้อมูล"))
        self.close_button = QPushButton(_("ปิดโปรแกรม"))
        role = QDialogButtonBox.ButtonRole
        if self.damaged:
            buttons.addButton(self.restore_button, role.AcceptRole)
            buttons.addButton(self.choose_button, role.ActionRole)
            self.restore_button.setEnabled(self.latest is not None)
            self.restore_button.setDefault(self.latest is not None)
        else:
            buttons.addButton(self.retry_button, role.ActionRole)
        buttons.addButton(self.folder_button, role.ActionRole)
        buttons.addButton(self.close_button, role.RejectRole)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self.restore_latest)
        self.choose_button.clicked.connect(lambda: self.restore_chosen())
        self.retry_button.clicked.connect(self._retry)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db_path.parent))))
        self.close_button.clicked.connect(self.reject)

    # -- texts -----------------------------------------------------------------------------
    def message_text(self) -> str:
        lines = [self.error.message, "", _("ไฟล์: {db_path}").format(db_path=native(self.db_path))]
        if self.damaged:
            lines += ["", _("ไฟล์ที่เสียหายจะไม่ถูกลบ: เมื่อกู้คืน โปรแกรมจะเก็บไว้ในโฟลเดอร์เดียวกัน ชื่อ "
                            "“{stem}.before-restore-…{suffix}”").format(
                stem=self.db_path.stem, suffix=self.db_path.suffix)]
        elif isinstance(self.error, DatabaseBusyError):
            lines += ["", _("ปิดโปรแกรม Trat Desktop หน้าต่างอื่นหรือคำสั่งที่ใช้ฐานข้อมูลนี้อยู่ แล้วกด "
                            "“ลองเปิดอีกครั้ง”")]
        return "\n".join(lines)

    def backup_text(self) -> str:
        if not self.damaged:
            return ""
        if self.latest is None:
            text = (_("ไม่พบไฟล์สำรองที่ใช้ได้ในโฟลเดอร์ backups ข้างไฟล์ฐานข้อมูล "
                    "หากมีไฟล์สำรองไว้ที่อื่น (เช่น แฟลชไดรฟ์) กด “เลือกไฟล์สำรองอื่น…”"))
        else:
            info = self.latest
            facts = [_("• บันทึกไฟล์เมื่อ: {date} {modified}").format(
                date=display.date_text(info.modified.date()), modified=display.time_text(info.modified)),
                     _("• เป็นข้อมูลของ: {owner}").format(owner=info.owner)]
            if info.last_change is not None:
                facts.append(_("• แก้ไขข้อมูลครั้งล่าสุดในไฟล์: {date} {last_change}").format(
                    date=display.date_text(info.last_change.date()), last_change=display.time_text(info.last_change)))
            text = "\n".join([_("ไฟล์สำรองล่าสุดที่ใช้ได้: {name}").format(name=info.path.name),  # the name as on disk
                              *(display.show_digits(f) for f in facts),
                              _("ข้อมูลที่บันทึกหลังจากเวลาที่สำรองจะไม่อยู่ในข้อมูลที่กู้คืน")])
        if self.refused:
            text += _("\n\nไฟล์สำรองที่ใหม่กว่าแต่ใช้ไม่ได้:\n") + "\n".join(
                f"• {path.name}: {reason}" for path, reason in self.refused[:3])
        return text

    # -- messages (tests replace these) ----------------------------------------------------
    def _warn(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self, title, text)

    def _inform(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.information(self, title, text)

    # -- actions -----------------------------------------------------------------------------
    def _retry(self) -> None:
        self.retry = True
        self.accept()

    def restore_latest(self) -> bool:
        if self.latest is None:
            return False
        return self._restore(self.latest.path)

    def restore_chosen(self, chosen: Path | str | None = None) -> bool:
        if chosen is None:
            folder = backups.backups_beside(self.db_path)
            name, _filter = file_dialogs.getOpenFileName(self, _("เลือกไฟล์สำรองที่จะกู้คืน"),
                                                   str(folder if folder.is_dir() else self.db_path.parent),
                                                   _("ไฟล์สำรองข้อมูล (*.zip *.sqlite3);;ทุกไฟล์ (*)"))
            if not name:
                return False
            chosen = name
        try:
            backups.describe(chosen)
        except TratError as exc:
            self._warn(_("กู้คืนไม่ได้"), _("ไม่ได้กู้คืน และไฟล์ฐานข้อมูลไม่เปลี่ยนแปลง\n\n{message}").format(
                message=exc.message))
            return False
        return self._restore(Path(chosen))

    def _restore(self, backup: Path) -> bool:
        """Put *backup* in place (the damaged file kept aside) and check that it opens."""
        try:
            aside = backups.restore(self.db_path, backup)
        except TratError as exc:
            self._warn(_("กู้คืนไม่สำเร็จ"), _("{message}\n\nไฟล์ฐานข้อมูลไม่เปลี่ยนแปลง").format(message=exc.message))
            return False
        try:
            PlanService.open(self.db_path, check=True).close()  # an older backup is upgraded here
        except TratError as exc:
            back = ""
            if aside is not None:
                try:
                    backups.restore(self.db_path, aside)
                    back = _("นำไฟล์เดิมกลับมาแล้ว")
                except TratError as again:
                    back = _("ไฟล์เดิมอยู่ที่ “{aside}” ({message})").format(aside=native(aside), message=again.message)
            self._warn(_("กู้คืนไม่สำเร็จ"), _("เปิดข้อมูลที่กู้คืนไม่ได้: {message}\n\n{back}").format(
                message=exc.message, back=back))
            return False
        self.restored, self.aside = backup, aside
        kept = _("\n\nไฟล์ที่เสียหายเก็บไว้ที่\n{aside}").format(aside=native(aside)) if aside is not None else ""
        self._inform(_("กู้คืนแล้ว"), _("กู้คืนข้อมูลจาก “{name}” แล้ว{kept}\n\nกด OK "
                                        "เพื่อเปิดโปรแกรมพร้อมข้อมูลที่กู้คืน").format(
            name=backup.name, kept=kept))
        self.accept()
        return True
