"""The trash: plan parts removed by the coordinator, kept with their progress; restore one
back where it was (through the editor's controller, so the restore can be undone too)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from ..domain.plan_rules import entity_heading
from ..errors import TratError
from ..i18n import N_, _
from . import display
from .forms.ui_trash_dialog import Ui_TrashDialog

_ERROR_STYLE = "color: #b00020;"
UNKNOWN_TITLE = N_("(ลบไว้ก่อนเปิดหน้าต่างนี้ ไม่ทราบชื่อ)")


class TrashDialog(QDialog):
    """Removed parts, newest first; *restorer* (trash id, entity) -> restored uid or None."""

    def __init__(self, list_trash: Callable[[], list[dict[str, Any]]],
                 restorer: Callable[[int, str], str | None], titles: dict[str, str],
                 error_text: Callable[[], str | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_TrashDialog()
        self.form.setupUi(self)
        self._list = list_trash
        self._restorer = restorer
        self._titles = titles
        self._error_text = error_text or (lambda: None)
        self.items: list[dict[str, Any]] = []
        self.restored: list[str] = []
        form = self.form
        form.errorLabel.setStyleSheet(_ERROR_STYLE)
        form.errorLabel.hide()
        form.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(_("ปิด"))
        form.buttonBox.rejected.connect(self.reject)
        form.restoreButton.clicked.connect(self.restore_current)
        form.trashTable.doubleClicked.connect(lambda _index: self.restore_current())
        header = form.trashTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        form.trashTable.setColumnWidth(3, 220)
        form.trashTable.verticalHeader().hide()
        form.trashTable.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        form.trashTable.setWordWrap(True)
        self.reload()

    def reload(self) -> None:
        try:
            self.items = self._list()
        except TratError as exc:
            self._show_error(exc.message)
            return
        table = self.form.trashTable
        table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = (entity_heading(item["entity"]),
                     self._titles.get(item["uid"], _(UNKNOWN_TITLE)),
                     display.timestamp_text(item["removed_at"]), item["actor"] or "")
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                cell.setData(Qt.ItemDataRole.UserRole, item["id"])
                table.setItem(row, column, cell)
        self.form.restoreButton.setEnabled(bool(self.items))
        if self.items:
            table.selectRow(0)
        else:
            self.form.infoLabel.setText(_("ถังขยะว่าง: ยังไม่มีส่วนของแผนที่ลบไว้"))

    def restore_current(self) -> str | None:
        row = self.form.trashTable.currentRow()
        if not 0 <= row < len(self.items):
            self._show_error(_("เลือกรายการที่จะกู้คืนก่อน"))
            return None
        item = self.items[row]
        uid = self._restorer(int(item["id"]), str(item["entity"]))
        if uid is None:
            self._show_error(self._error_text() or _("กู้คืนไม่ได้"))
            return None
        self.form.errorLabel.hide()
        self.restored.append(uid)
        self.reload()
        return uid

    def _show_error(self, message: str) -> None:
        self.form.errorLabel.setText(message)
        self.form.errorLabel.show()
