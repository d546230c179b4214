"""แฟ้ม › นำเข้าเอกสารแผน (Word หรือข้อความ)… for the coordinator: the plan document as the official
Word file (.docx) or its text export.

A year with no plan is imported at once. For a year that has one, the document is a revision: the
comparison with the stored plan (rows added, removed, changed, unmatched; which recorded progress is
shown under another label or kept aside) is shown in a dialog first, and only its confirm button
changes the plan. Reading, comparing and applying run off the GUI thread (:mod:`.ops`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMessageBox, QWidget

from ..domain.capabilities import can
from ..errors import TratError
from ..i18n import N_, _
from ..services import PlanService, ProgressService
from . import display, file_dialogs
from .forms.ui_plan_revision_dialog import Ui_PlanRevisionDialog
from .ops import error_text, run_in_background
from .window_actions import WindowActions

LAST_DIR_KEY = "plan_document/last_dir"
DOCUMENT_FILES = (N_("เอกสารแผน (*.docx *.txt);;เอกสาร Word (*.docx);;ข้อความ UTF-8 (*.txt);;ทุกไฟล์ (*)"))
APPLY_TEXT = N_("ปรับแผนตามเอกสารนี้")


class PlanRevisionDialog(QDialog):
    """The preview of a revised document; Accepted means: apply it."""

    def __init__(self, parent: QWidget | None, lines: list[str]) -> None:
        super().__init__(parent)
        self.form = Ui_PlanRevisionDialog()
        self.form.setupUi(self)
        self.text = self.form.previewText
        self.apply_button = self.form.applyButton
        self.text.setPlainText(display.show_digits("\n".join(lines)))
        self.form.applyButton.clicked.connect(self.accept)
        self.form.cancelButton.clicked.connect(self.reject)
        self.form.cancelButton.setDefault(True)  # Enter does not change the plan


class PlanDocumentActions(WindowActions):
    """The coordinator's "import plan document" action; one per main window."""

    def __init__(self, window: QMainWindow, plans: PlanService, progress: ProgressService,
                 settings: QSettings) -> None:
        super().__init__(window, plans, progress, settings)
        self.dialog: PlanRevisionDialog | None = None
        self.last_message = ""
        self.last_op: Any = None
        self.import_action = QAction(_("นำเข้าเอกสารแผน (Word หรือข้อความ)…"), self)
        self.import_action.setStatusTip(_("อ่านแผนปฏิบัติการจากเอกสาร Word (.docx) หรือข้อความ "
                                          "ปีที่มีแผนอยู่แล้วจะแสดงการเปรียบเทียบก่อนปรับแผน"))
        self.import_action.triggered.connect(lambda _checked=False: self.import_document())

    @classmethod
    def install(cls, window: QMainWindow, plans: Any, progress: Any, settings: QSettings,
                file_menu: QMenu, before: QAction | None) -> "PlanDocumentActions | None":
        if not isinstance(plans, PlanService) or not isinstance(progress, ProgressService):
            return None
        actions = cls(window, plans, progress, settings)
        if before is not None:
            file_menu.insertAction(before, actions.import_action)
        else:
            file_menu.addAction(actions.import_action)
        file_menu.aboutToShow.connect(actions.update_role)
        actions.update_role()
        return actions

    def update_role(self) -> None:
        try:
            me = self.progress.identity()
        except TratError:
            me = None
        self.import_action.setVisible(can(me, "apply_plan_document"))

    # -- messages (tests replace the QMessageBox functions) ---------------------------------
    def _inform(self, text: str) -> None:
        self.last_message = text
        self.window.statusBar().showMessage(text.split("\n")[0], 15000)
        QMessageBox.information(self.window, _("นำเข้าเอกสารแผน"), text)

    def _warn(self, exc: BaseException, document: Path | None = None) -> None:
        text = error_text(exc)
        if document is not None and document.name not in text:
            text = _("เอกสาร “{name}”:\n{text}").format(
                name=document.name, text=text)  # which file it was, when the message does not say
        self.last_message = text
        QMessageBox.warning(self.window, _("นำเข้าเอกสารแผนไม่ได้"), self.last_message)

    # -- the flow ---------------------------------------------------------------------------
    def import_document(self, path: Path | None = None) -> None:
        """Choose a document, compare it off the GUI thread, then import or show the comparison."""
        if path is None:
            start = str(self.settings.value(LAST_DIR_KEY, str(Path.home())))
            chosen, _filter = file_dialogs.getOpenFileName(self.window, _("เลือกเอกสารแผน (Word หรือข้อความ)"), start, _(DOCUMENT_FILES))
            if not chosen:
                return
            path = Path(chosen)
        self.settings.setValue(LAST_DIR_KEY, str(Path(path).parent))
        document = Path(path)
        self.last_op = run_in_background(self.window, self.plans, lambda plans: plans.preview_plan_text(document),
                                         lambda result: self._compared(document, result),
                                         lambda exc: self._warn(exc, document),
                                         label=_("กำลังอ่านและเปรียบเทียบเอกสารแผน…"))

    def _compared(self, document: Path, result: Any) -> None:
        if not result.is_revision:
            self._apply(document)
            return
        if result.changes_nothing:
            self._inform(display.show_digits("\n".join(result.lines())))
            return
        self.dialog = PlanRevisionDialog(self.window, result.lines())
        self.dialog.accepted.connect(lambda: self._apply(document))
        self.dialog.open()

    def _apply(self, document: Path) -> None:
        def work(plans: PlanService) -> tuple[int, int, int]:
            plan = plans.import_plan_text(document)  # compared again on this connection, then applied
            return plan.fiscal_year, plan.revision, len(plan.rows())

        self.last_op = run_in_background(self.window, self.plans, work, self._applied, self._warn,
                                         label=_("กำลังปรับแผนตามเอกสาร…"))

    def _applied(self, info: tuple[int, int, int]) -> None:
        year, revision, rows = info
        refresh = getattr(self.window, "refresh_data", None)
        if callable(refresh):
            refresh()
        self._inform(display.show_digits(_("นำเข้าแผนปีงบประมาณ พ.ศ. {year} ฉบับที่ {revision} แล้ว ({rows} "
                                           "ตัวชี้วัด)").format(
            year=year, revision=revision, rows=rows)))
