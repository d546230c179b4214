"""The import ledger ("ประวัติการนำเข้า"): every file the coordinator imported or had refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from ..errors import TratError
from ..i18n import _
from . import display
from .forms.ui_ledger_dialog import Ui_LedgerDialog
from .import_dialog import DONE_STATUS, STATUS_COLOURS, screen_text

COUNTS = ("added", "updated", "unchanged", "conflicts")


class LedgerDialog(QDialog):
    """A read-only table of the ledger, newest first."""

    def __init__(self, exchange: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_LedgerDialog()
        self.form.setupUi(self)
        self._exchange = exchange
        self.rows: list[dict[str, Any]] = []
        table = self.form.ledgerTable
        header = table.horizontalHeader()
        for column in range(table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(1, 260)
        self.form.closeButton.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        form = self.form
        try:
            self.rows = list(self._exchange.ledger())
            names = {a.uid: a.name for a in self._exchange.plans.agencies()}
        except TratError as exc:
            self.rows, names = [], {}
            form.countLabel.setText(exc.message)
        table = form.ledgerTable
        table.setRowCount(len(self.rows))
        for row, entry in enumerate(self.rows):
            status = entry.get("status") or ""
            office = names.get(entry.get("office_uid") or "", "") or "–"
            sequence = entry.get("sequence")
            cells = [display.timestamp_text(entry.get("imported_at") or ""), entry.get("file_name") or "", office,
                     display.show_digits(str(sequence)) if sequence else "–", _(DONE_STATUS.get(status, status)),
                     screen_text(entry.get("reason") or "")]
            cells += [display.show_digits(str(entry.get(name) or 0)) if status != "rejected" else "" for name in COUNTS]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column >= 6 or column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 4:
                    item.setForeground(QBrush(QColor(STATUS_COLOURS.get(status, "#000000"))))
                table.setItem(row, column, item)
        table.resizeRowsToContents()
        if self.rows:
            form.countLabel.setText(display.show_digits(_("{count:,} รายการ").format(count=len(self.rows))))
        elif not form.countLabel.text():
            form.countLabel.setText(_("ยังไม่เคยนำเข้าไฟล์"))
