"""Choosing a row's responsible agencies: a checkable list with a Thai type-ahead filter.

The model works without the dialog (tests use it directly); the dialog hands the chosen
uids to a *saver* (the plan editor's controller) and stays open with the Thai message when
the service refuses them (e.g. no agency chosen).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..domain.thai import to_arabic_digits
from ..i18n import _
from ..services import AgencyInfo
from . import display
from .forms.ui_agency_picker import Ui_AgencyPickerDialog

UID_ROLE = Qt.ItemDataRole.UserRole + 50
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 51
_ERROR_STYLE = "color: #b00020;"


def search_key(text: str) -> str:
    """How names are matched: case-folded, Arabic digits, no spaces (so 'สนง. คลัง' finds 'สนง.คลัง')."""
    return "".join(to_arabic_digits(text).casefold().split())


class AgencyChoiceModel(QStandardItemModel):
    """Every agency as a checkable line: its short name, then the full name when different."""

    def __init__(self, agencies: Sequence[AgencyInfo], chosen: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._initial = list(chosen)
        chosen_set = set(chosen)
        for agency in agencies:
            label = agency.short_name if agency.short_name and agency.short_name != agency.name else ""
            text = f"{label} — {agency.name}" if label else agency.name
            item = QStandardItem(display.show_digits(text))
            item.setEditable(False)
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked if agency.uid in chosen_set else Qt.CheckState.Unchecked)
            item.setData(agency.uid, UID_ROLE)
            item.setData(search_key(" ".join([agency.name, agency.short_name, *agency.aliases])), SEARCH_ROLE)
            tip = agency.name + (_("\nชื่ออื่น: ") + ", ".join(agency.aliases) if agency.aliases else "")
            item.setToolTip(tip)
            self.appendRow(item)

    def set_checked(self, uid: str, checked: bool = True) -> bool:
        for row in range(self.rowCount()):
            item = self.item(row)
            if item.data(UID_ROLE) == uid:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return True
        return False

    def clear_checks(self) -> None:
        for row in range(self.rowCount()):
            self.item(row).setCheckState(Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        """Checked uids: those chosen before keep their order, new ones follow in list order."""
        checked = [self.item(r).data(UID_ROLE) for r in range(self.rowCount())
                   if self.item(r).checkState() == Qt.CheckState.Checked]
        kept = [uid for uid in self._initial if uid in checked]
        return kept + [uid for uid in checked if uid not in kept]


class AgencyFilterProxy(QSortFilterProxyModel):
    """Type-ahead filter over the agencies' names, short names and aliases."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.setFilterFixedString(search_key(text))


class AgencyPickerDialog(QDialog):
    """Tick the agencies responsible for one indicator row."""

    def __init__(self, agencies: Sequence[AgencyInfo], chosen: Sequence[str], row_text: str,
                 saver: Callable[[list[str]], bool] | None = None,
                 error_text: Callable[[], str | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_AgencyPickerDialog()
        self.form.setupUi(self)
        self.model = AgencyChoiceModel(agencies, chosen, self)
        self.proxy = AgencyFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._saver = saver
        self._error_text = error_text or (lambda: None)
        form = self.form
        form.rowLabel.setText(_("ตัวชี้วัด: {row_text}").format(row_text=row_text))
        form.agencyList.setModel(self.proxy)
        form.filterEdit.textChanged.connect(self._on_filter)
        form.clearButton.clicked.connect(self.model.clear_checks)
        form.errorLabel.setStyleSheet(_ERROR_STYLE)
        form.errorLabel.hide()
        form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(_("บันทึก"))
        form.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(_("ยกเลิก"))
        form.buttonBox.accepted.connect(self.accept)
        form.buttonBox.rejected.connect(self.reject)
        self.model.itemChanged.connect(lambda _item: self._update_count())
        self._update_count()
        form.filterEdit.setFocus()

    def _on_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.rowCount():
            self.form.agencyList.setCurrentIndex(self.proxy.index(0, 0))
        self._update_count()

    def _update_count(self) -> None:
        chosen = len(self.model.chosen())
        shown = self.proxy.rowCount()
        text = _("เลือกแล้ว {chosen} หน่วยงาน").format(chosen=chosen)
        if shown != self.model.rowCount():
            text += _(" · พบ {shown} จาก {total} หน่วยงาน").format(shown=shown, total=self.model.rowCount())
        self.form.countLabel.setText(display.show_digits(text))

    def visible_uids(self) -> list[str]:
        """The uids the filter lets through, in list order."""
        return [self.proxy.index(r, 0).data(UID_ROLE) for r in range(self.proxy.rowCount())]

    def toggle(self, proxy_row: int) -> None:
        """Tick or untick the agency on a visible line."""
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
        item = self.model.itemFromIndex(source)
        if item is not None:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def chosen(self) -> list[str]:
        return self.model.chosen()

    def accept(self) -> None:
        """Save through the saver; stay open showing the Thai reason when it is refused."""
        if self._saver is not None and not self._saver(self.chosen()):
            self.form.errorLabel.setText(self._error_text() or _("บันทึกไม่ได้"))
            self.form.errorLabel.show()
            return
        super().accept()

    def current_index(self) -> QModelIndex:
        return self.form.agencyList.currentIndex()
