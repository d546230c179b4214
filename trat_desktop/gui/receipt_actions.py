"""The printable receipt (ใบตอบรับ) in the coordinator's window (issue 11: "a printable receipt with the same
verification code is available for the paper file"; issue 13: also as Word).

รายงาน › ใบตอบรับของหน่วยงาน…   the office (and the year shown), then a file name: .pdf or .docx by the
                                 file type chosen (gui/file_dialogs.py); written off the GUI thread, whole
                                 or not at all, by services/reports.write_report – as `report receipt`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMainWindow, QMenu, QMessageBox, QVBoxLayout,
    QWidget,
)

from ..domain.capabilities import can
from ..i18n import N_, _
from ..services import PlanService, ProgressService
from . import file_dialogs
from .ops import error_text, run_in_background
from .qt_thai import name_buttons
from .years import window_year
from .window_actions import WindowActions

MENU_TEXT = N_("ใบตอบรับของหน่วยงาน…")
CAPABILITY = "export_reply"  # the same rule as the receipt itself (services/reports.ReportService.receipt)
LAST_DIR_KEY = "receipt/last_dir"
PDF_FILTER = N_("เอกสาร PDF (*.pdf)")
WORD_FILTER = N_("เอกสาร Word (*.docx)")


class ReceiptDialog(QDialog):
    """Which office's receipt."""

    def __init__(self, parent: QWidget, offices: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("ใบตอบรับของหน่วยงาน"))
        layout = QVBoxLayout(self)
        intro = QLabel(_("ใบตอบรับแสดงไฟล์ทุกฉบับที่ศูนย์ฯ ได้รับจากหน่วยงาน (ฉบับที่ วันเวลา ผลการนำเข้า รหัสตรวจสอบ) "
                         "ผลการตรวจ และความเห็น พิมพ์ ลงนาม แล้วเก็บเข้าแฟ้มหรือส่งให้หน่วยงาน"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.office_combo = QComboBox()
        self.office_combo.addItems(offices)
        self.office_combo.setEditable(False)
        label = QLabel(_("หน่วยงาน:"))
        label.setBuddy(self.office_combo)
        form.addRow(label, self.office_combo)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons, _("บันทึกใบตอบรับ…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def office(self) -> str:
        return self.office_combo.currentText()


class ReceiptActions(WindowActions):
    """รายงาน › ใบตอบรับของหน่วยงาน… (coordinator)."""

    def __init__(self, window: QMainWindow, plans: PlanService, progress: ProgressService,
                 settings: QSettings) -> None:
        super().__init__(window, plans, progress, settings)
        self.action = QAction(_(MENU_TEXT), window)
        self.action.triggered.connect(lambda _checked=False: self.open_dialog())
        self.dialog: ReceiptDialog | None = None
        self.last_op: Any = None
        self.last_path: Path | None = None

    @classmethod
    def install(cls, window: QMainWindow, plans: Any, progress: Any, settings: QSettings,
                report_menu: QMenu | None) -> "ReceiptActions | None":
        if not isinstance(plans, PlanService) or report_menu is None:
            return None
        actions = cls(window, plans, progress, settings)
        report_menu.addAction(actions.action)
        report_menu.aboutToShow.connect(actions.update_roles)
        actions.update_roles()
        return actions

    def update_roles(self) -> None:
        self.action.setVisible(can(self.progress.identity(), CAPABILITY))

    def fiscal_year(self) -> int:
        return window_year(self.window, self.plans)

    def offices(self) -> list[str]:
        return [a.name for a in self.plans.agencies()]

    def open_dialog(self) -> ReceiptDialog:
        dialog = ReceiptDialog(self.window, self.offices())
        dialog.accepted.connect(lambda: self.save(dialog.office()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def save(self, office: str, path: Path | str | None = None) -> Any:
        """Ask for a file name (unless *path*), then write the receipt: Word when it ends in .docx."""
        year = self.fiscal_year()
        if path is None:
            start = Path(str(self.settings.value(LAST_DIR_KEY, str(Path.home()))))
            name = f"ใบตอบรับ_{office}_{year}.pdf".replace("/", "-")
            chosen, chosen_filter = file_dialogs.getSaveFileName(
                self.window, _("บันทึกใบตอบรับ"), str(start / name), f"{_(PDF_FILTER)};;{_(WORD_FILTER)}")
            if not chosen:
                return None
            path = Path(chosen)
            wanted = ".docx" if chosen_filter == _(WORD_FILTER) else ".pdf"
            if path.suffix.lower() not in (".pdf", ".docx"):
                path = path.with_name(path.name + wanted)
            self.settings.setValue(LAST_DIR_KEY, str(path.parent))
        target = Path(path)
        clock = self.progress.clock

        def work(plans: PlanService) -> Any:
            from ..services.reports import write_report

            return write_report(ProgressService(plans, clock=clock), "receipt", target, fiscal_year=year,
                                office=office)

        self.last_op = run_in_background(self.window, self.plans, work, lambda _r: self._done(target),
                                         self._failed, label=_("กำลังจัดทำใบตอบรับ…"))
        return self.last_op

    def _done(self, target: Path) -> None:
        self.last_path = target
        self.inform(_("บันทึกใบตอบรับแล้ว"), _("บันทึกใบตอบรับแล้วที่\n{path}").format(path=target))

    def _failed(self, error: BaseException) -> None:
        self.warn(_("จัดทำใบตอบรับไม่ได้"), error_text(error))

    # -- messages (tests replace the QMessageBox functions) ----------------------------------------
    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)
