"""The ITA evidence set in the main window (issue 12).

รายงาน › ชุดหลักฐาน ITA…            the round, the formats and Thai or Arabic digits; a folder is asked for
                                  (gui/file_dialogs.py) and the set is written into a new folder inside it,
                                  named after the round (ชุดหลักฐานITA_รอบ๖เดือน_2569_สำนักงาน…), off the GUI
                                  thread with a progress dialog; an existing folder with files is replaced
                                  only when the user says so
ตั้งค่า › เอกสารชุดหลักฐาน ITA…      the documents' settings (services/settings.py, as `trat-desktop settings set`)

The work is services/reports.write_ita_set, as the CLI's `report ita` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMainWindow, QMenu,
    QMessageBox, QVBoxLayout, QWidget,
)

from ..domain.capabilities import can
from ..errors import TratError
from ..i18n import N_, _
from ..services import PlanService, ProgressService
from . import display, file_dialogs
from .ops import error_text, report_progress, run_in_background
from .qt_thai import name_buttons
from .years import window_year
from .window_actions import WindowActions

MENU_TEXT = N_("ชุดหลักฐาน ITA…")
SETTINGS_TEXT = N_("เอกสารชุดหลักฐาน ITA…")
LAST_DIR_KEY = "ita/last_dir"
FORMATS = [("both", N_("PDF และ Word (.docx)")), ("pdf", N_("เฉพาะ PDF")), ("docx", N_("เฉพาะ Word (.docx)"))]
NOT_READY = N_("ตั้งค่าเครื่องเป็นหน่วยงานหรือศูนย์ฯ จังหวัดก่อน (ตั้งค่า › หน่วยงานและผู้รายงาน…)")


class ItaDialog(QDialog):
    """ชุดหลักฐาน ITA: which round, which formats, which digits."""

    def __init__(self, parent: QWidget, progress: ProgressService, fiscal_year: int) -> None:
        super().__init__(parent)
        from ..services.rounds import RoundService

        self.setWindowTitle(_("ชุดหลักฐาน ITA"))
        self.fiscal_year = fiscal_year
        rounds = RoundService(progress)
        layout = QVBoxLayout(self)
        me = progress.identity()
        what = (_("แบบรายงานผลการดำเนินงานของหน่วยงาน") if can(me, "office_report")
                else _("รายงานผลการดำเนินงานภาพรวมจังหวัด"))
        intro = QLabel(_("เอกสาร ๓ ฉบับสำหรับเผยแพร่บนเว็บไซต์ของหน่วยงาน (หลักฐาน ITA/OIT): ๑ "
                         "บันทึกข้อความขออนุญาตเผยแพร่ ๒ {what}ของรอบ ๓ "
                         "แบบฟอร์มการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน\nชื่อผู้ลงนาม เลขที่หนังสือ "
                         "และเว็บไซต์ ตั้งได้ที่ ตั้งค่า › เอกสารชุดหลักฐาน ITA…").format(
            what=what))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.round_combo = QComboBox()
        current = rounds.open_round(fiscal_year, progress.today())
        for item in rounds.rounds(fiscal_year):
            self.round_combo.addItem(display.round_name(item), item.id)
            if current is not None and item.id == current.id:
                self.round_combo.setCurrentIndex(self.round_combo.count() - 1)
        form.addRow(_("รอบรายงาน"), self.round_combo)
        self.format_combo = QComboBox()
        for key, text in FORMATS:
            self.format_combo.addItem(_(text), key)
        form.addRow(_("รูปแบบไฟล์"), self.format_combo)
        self.thai_digits = QCheckBox(_("ใช้เลขไทย"))
        self.thai_digits.setChecked(display.thai_digits_enabled())
        form.addRow(_("ตัวเลข"), self.thai_digits)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons, _("เลือกโฟลเดอร์และจัดทำ…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @property
    def round_id(self) -> str:
        return str(self.round_combo.currentData())

    @property
    def formats(self) -> str:
        return str(self.format_combo.currentData())


class ItaSettingsDialog(QDialog):
    """The documents' settings, one line each; an empty line prints its default (shown greyed)."""

    def __init__(self, parent: QWidget, progress: ProgressService) -> None:
        super().__init__(parent)
        from ..services.settings import SettingsService

        self.setWindowTitle(_("ตั้งค่าเอกสารชุดหลักฐาน ITA"))
        self.service = SettingsService(progress)
        self.error = ""
        layout = QVBoxLayout(self)
        note = QLabel(_("ค่าที่เว้นว่างไว้ใช้ค่าเริ่มต้นที่แสดงจาง ๆ (จากการตั้งค่าหน่วยงานและผู้รายงาน "
                      "หรือผู้ลงนามส่งรายงานของรอบ) หรือพิมพ์เป็นเส้นจุดให้เขียนด้วยมือ"))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for view in self.service.show():
            edit = QLineEdit(view.value)
            edit.setPlaceholderText(view.effective if not view.value and view.effective else (_(view.help) if view.help else ""))
            edit.setToolTip((_(view.help) if view.help else ""))
            edit.setMaxLength(200)
            form.addRow(_(view.label), edit)
            self.edits[view.key] = edit
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons, _("บันทึก"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())

    def values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.edits.items()}

    def save(self) -> None:
        """Check and store every value at once; a refusal stays in the dialog with its Thai message."""
        try:
            self.service.set_many(self.values())
        except TratError as exc:
            self.error = exc.message
            self.message.setText(exc.message)
            return
        self.accept()


class ItaActions(WindowActions):
    """รายงาน › ชุดหลักฐาน ITA… and ตั้งค่า › เอกสารชุดหลักฐาน ITA… of one main window."""

    def __init__(self, window: QMainWindow, plans: PlanService, progress: ProgressService,
                 settings: QSettings) -> None:
        super().__init__(window, plans, progress, settings)
        self.dialog: Any = None
        self.settings_dialog: Any = None
        self.last_op: Any = None
        self.last_files: list[Path] = []
        self.last_message = ""
        self.progress_log: list[tuple[int, int, str]] = []
        self.set_action = QAction(_(MENU_TEXT), self)
        self.set_action.setStatusTip(_("บันทึกข้อความ รายงานของรอบ และแบบฟอร์มการเผยแพร่ข้อมูล "
                                       "สำหรับเผยแพร่บนเว็บไซต์ (ITA)"))
        self.set_action.triggered.connect(lambda _checked=False: self.open_dialog())
        self.settings_action = QAction(_(SETTINGS_TEXT), self)
        self.settings_action.setStatusTip(_("ส่วนราชการ เลขที่หนังสือ เว็บไซต์ และผู้ลงนามในเอกสารชุดหลักฐาน ITA"))
        self.settings_action.triggered.connect(lambda _checked=False: self.open_settings())

    @classmethod
    def install(cls, window: QMainWindow, plans: Any, progress: Any, settings: QSettings,
                report_menu: QMenu | None, settings_menu: QMenu | None) -> "ItaActions | None":
        if not isinstance(plans, PlanService) or not isinstance(progress, ProgressService):
            return None
        actions = cls(window, plans, progress, settings)
        if report_menu is not None:
            report_menu.addSeparator()
            report_menu.addAction(actions.set_action)
            report_menu.aboutToShow.connect(actions.update_roles)
        if settings_menu is not None:
            settings_menu.addAction(actions.settings_action)
        actions.update_roles()
        return actions

    def update_roles(self) -> None:
        try:
            ready = can(self.progress.identity(), "ita_set")
        except TratError:
            ready = False
        self.set_action.setEnabled(ready)
        self.set_action.setToolTip(self.set_action.statusTip() if ready else _(NOT_READY))

    def fiscal_year(self) -> int:
        return window_year(self.window, self.plans)

    # -- the set ---------------------------------------------------------------------------------
    def open_dialog(self) -> ItaDialog | None:
        try:
            dialog = ItaDialog(self.window, self.progress, self.fiscal_year())
        except TratError as exc:
            self.warn(_("ชุดหลักฐาน ITA"), exc.message)
            return None
        dialog.accepted.connect(lambda: self.make(dialog.round_id, formats=dialog.formats,
                                                  thai_digits=dialog.thai_digits.isChecked()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def make(self, round_id: str, folder: Path | str | None = None, formats: str = "both",
             thai_digits: bool = True) -> Any:
        """Ask for a folder (unless *folder*), then write the set into a new folder inside it."""
        from ..domain.ita import folder_name

        year = self.fiscal_year()
        if folder is None:
            start = str(self.settings.value(LAST_DIR_KEY, str(Path.home())))
            chosen = file_dialogs.getExistingDirectory(self.window, _("เลือกโฟลเดอร์ที่จะเก็บชุดหลักฐาน ITA"), start)
            if not chosen:
                return None
            folder = chosen
            self.settings.setValue(LAST_DIR_KEY, chosen)
        try:
            target = Path(folder) / folder_name(round_id, year, self.progress.identity().display_name)
        except TratError as exc:
            self.warn(_("ชุดหลักฐาน ITA"), exc.message)
            return None
        force = False
        if target.is_dir() and any(target.iterdir()):
            answer = QMessageBox.question(self.window, _("มีโฟลเดอร์นี้อยู่แล้ว"),
                                          _("มีโฟลเดอร์ “{name}” "
                                            "ที่มีไฟล์อยู่แล้ว\n\nแทนที่ทั้งโฟลเดอร์ด้วยชุดใหม่หรือไม่?").format(
                                              name=target.name))
            if answer != QMessageBox.StandardButton.Yes:
                return None
            force = True
        clock = self.progress.clock
        self.progress_log = []

        def work(plans: PlanService) -> list[Path]:
            from ..services.reports import write_ita_set

            def step(done: int, total: int, name: str) -> None:
                report_progress(done, total, _("กำลังจัดทำ {name}").format(name=name) if name else _("เสร็จแล้ว"))

            return write_ita_set(ProgressService(plans, clock=clock), round_id, target, fiscal_year=year,
                                 thai_digits=thai_digits, formats=formats, force=force, on_step=step)

        self.last_op = run_in_background(self.window, self.plans, work, self._done, self._failed,
                                         progress=self._progressed, label=_("กำลังจัดทำชุดหลักฐาน ITA…"))
        return self.last_op

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress_log.append((done, total, text))

    def _done(self, files: list[Path]) -> None:
        self.last_files = files
        folder = files[0].parent if files else Path()
        listed = "\n".join(f"• {p.name}" for p in files)
        self.inform(_("จัดทำชุดหลักฐาน ITA แล้ว"),
                    _("บันทึกแล้วในโฟลเดอร์\n{folder}\n\n{listed}\n\nลงนามในบันทึกข้อความและแบบฟอร์ม "
                      "แล้วนำรายงานขึ้นเว็บไซต์ของหน่วยงาน").format(
                        folder=folder, listed=listed))

    def _failed(self, error: BaseException) -> None:
        self.warn(_("จัดทำชุดหลักฐาน ITA ไม่ได้"), error_text(error))

    # -- settings --------------------------------------------------------------------------------
    def open_settings(self) -> ItaSettingsDialog:
        dialog = ItaSettingsDialog(self.window, self.progress)
        dialog.accepted.connect(lambda: self.window.statusBar().showMessage(_("บันทึกการตั้งค่าเอกสารชุดหลักฐาน ITA "
                                                                              "แล้ว"), 8000))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    # -- messages (tests replace the QMessageBox functions) ----------------------------------------
    def inform(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.information(self.window, title, text)

    def warn(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self.window, title, text)
