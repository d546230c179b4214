"""Editing a row's budget lines: each line is an amount in baht or one of the document's
non-amounts (ไม่ใช้งบประมาณ, ไม่ทราบจำนวน for the document's "n/a", ไม่ระบุจำนวน for its "-"), shared by the row's offices or belonging to one.

The dialog hands the lines, as ``(kind, amount text, agency uid or None)``, to a *saver*
(the plan editor's controller, which calls ``PlanEditService.set_budget_lines``) and stays
open with the Thai message when the service refuses them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from ..domain import display as shared
from ..domain.model import IndicatorRow
from ..domain.plan_rules import clean_budget
from ..errors import TratError
from . import display
from ..i18n import N_, _
from .delegates import MoveOnDelegate
from .forms.ui_budget_lines import Ui_BudgetLinesDialog

#: The kinds in the order the combo lists them.
KINDS: tuple[tuple[str, str], ...] = (("amount", N_("จำนวนเงิน")), ("none", N_("ไม่ใช้งบประมาณ")),
                                      ("na", display.BUDGET_KIND_LABEL["na"]), ("dash", display.BUDGET_KIND_LABEL["dash"]))
SHARED_TEXT = N_("ใช้ร่วมกัน (ไม่ระบุหน่วยงาน)")
COL_KIND, COL_AMOUNT, COL_AGENCY = 0, 1, 2
_ERROR_STYLE = "color: #b00020;"
BudgetInput = tuple[str, Any, "str | None"]


def amount_edit_text(satang: int | None) -> str:
    """An amount as the user edits it: no separators, in the display's digits."""
    if satang is None:
        return ""
    return display.show_digits(shared.number_text(satang / 100, False).replace(",", ""))


class BudgetLinesDialog(QDialog):
    """The budget lines of one indicator row, editable as a small table."""

    def __init__(self, row: IndicatorRow, agencies: Sequence[tuple[str, str]], uid_of: dict[str, str],
                 saver: Callable[[list[BudgetInput]], bool] | None = None,
                 error_text: Callable[[], str | None] | None = None,
                 parent: QWidget | None = None) -> None:
        """*agencies*: (uid, label) of the offices a line may belong to (the row's own first);
        *uid_of*: agency name -> uid, to show the row's current lines."""
        super().__init__(parent)
        self.form = Ui_BudgetLinesDialog()
        self.form.setupUi(self)
        self._agencies = list(agencies)
        self._saver = saver
        self._error_text = error_text or (lambda: None)
        form = self.form
        form.rowLabel.setText(_("ตัวชี้วัด: {indicator}").format(indicator=display.show_digits(row.indicator or row.unit)))
        header = form.linesTable.horizontalHeader()
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_AMOUNT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_AGENCY, QHeaderView.ResizeMode.Stretch)
        form.linesTable.setColumnWidth(COL_AMOUNT, 160)
        form.linesTable.setItemDelegate(MoveOnDelegate(form.linesTable))  # Enter saves and goes down
        form.linesTable.verticalHeader().hide()  # its row numbers would ignore the digits setting
        form.errorLabel.setStyleSheet(_ERROR_STYLE)
        form.errorLabel.hide()
        form.addLineButton.clicked.connect(lambda: self.add_line())
        form.removeLineButton.clicked.connect(self.remove_current_line)
        form.linesTable.itemChanged.connect(lambda _item: self._update_total())
        form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(_("บันทึก"))
        form.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(_("ยกเลิก"))
        form.buttonBox.accepted.connect(self.accept)
        form.buttonBox.rejected.connect(self.reject)
        for line in row.budget_lines:
            agency = uid_of.get(line.agency) if line.agency else None
            self.add_line(line.value.kind, amount_edit_text(line.value.satang), agency)
        self._update_total()

    # -- lines ----------------------------------------------------------------------
    def add_line(self, kind: str = "amount", amount: str = "", agency_uid: str | None = None) -> int:
        """Append a line; returns its row."""
        table = self.form.linesTable
        row = table.rowCount()
        table.blockSignals(True)
        table.insertRow(row)
        kinds = QComboBox(table)
        for key, text in KINDS:
            kinds.addItem(_(text), key)
        kinds.setCurrentIndex(max(0, kinds.findData(kind)))
        kinds.currentIndexChanged.connect(lambda _i: self._update_total())
        table.setCellWidget(row, COL_KIND, kinds)
        table.setItem(row, COL_AMOUNT, QTableWidgetItem(amount))
        owners = QComboBox(table)
        owners.addItem(_(SHARED_TEXT), None)
        for uid, label in self._agencies:
            owners.addItem(label, uid)
        if agency_uid is not None and owners.findData(agency_uid) < 0:
            owners.addItem(agency_uid, agency_uid)
        owners.setCurrentIndex(max(0, owners.findData(agency_uid)) if agency_uid else 0)
        table.setCellWidget(row, COL_AGENCY, owners)
        table.blockSignals(False)
        self._update_total()
        return row

    def remove_current_line(self) -> None:
        table = self.form.linesTable
        row = table.currentRow()
        if row < 0:
            row = table.rowCount() - 1
        if row >= 0:
            table.removeRow(row)
            self._update_total()

    def set_line(self, row: int, kind: str | None = None, amount: str | None = None,
                 agency_uid: str | None | bool = False) -> None:
        """Change a line (for tests and scripts); *agency_uid* False leaves the owner alone."""
        table = self.form.linesTable
        if kind is not None:
            combo = table.cellWidget(row, COL_KIND)
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(combo.findData(kind))
        if amount is not None:
            table.item(row, COL_AMOUNT).setText(amount)
        if agency_uid is not False:
            combo = table.cellWidget(row, COL_AGENCY)
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(max(0, combo.findData(agency_uid)) if agency_uid else 0)

    def lines(self) -> list[BudgetInput]:
        """The lines as typed: (kind, amount text or None, agency uid or None)."""
        table = self.form.linesTable
        out: list[BudgetInput] = []
        for row in range(table.rowCount()):
            kinds, owners = table.cellWidget(row, COL_KIND), table.cellWidget(row, COL_AGENCY)
            if not isinstance(kinds, QComboBox) or not isinstance(owners, QComboBox):
                continue  # a line being built
            kind = kinds.currentData()
            item = table.item(row, COL_AMOUNT)
            amount = item.text().strip() if item is not None and kind == "amount" else None
            out.append((kind, amount, owners.currentData()))
        return out

    def _update_total(self) -> None:
        total, bad = 0, False
        for kind, amount, _agency in self.lines():
            if kind != "amount":
                continue
            try:
                total += clean_budget(kind, amount).counted_satang()
            except TratError:
                bad = True
        text = _("รวม {amount} บาท").format(amount=display.baht_text(total))
        self.form.totalLabel.setText(text + (_(" (มีจำนวนเงินที่ไม่ถูกต้อง)") if bad else ""))

    def accept(self) -> None:
        """Save through the saver; stay open showing the Thai reason when it is refused."""
        if self._saver is not None and not self._saver(self.lines()):
            self.form.errorLabel.setText(self._error_text() or _("บันทึกไม่ได้"))
            self.form.errorLabel.show()
            return
        super().accept()
