"""The agency list for the coordinator: every agency with its short name, the other names
plan documents use for it and how many indicator rows it has; add one, rename one, edit
its other names. Changes go through ``PlanEditService`` (audited); a refused change shows
the Thai message and the form stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QWidget

from ..errors import TratError
from ..services import AgencyInfo
from . import display
from .agency_picker import search_key
from .forms.ui_agencies_dialog import Ui_AgenciesDialog
from .forms.ui_agency_form import Ui_AgencyFormDialog

UID_ROLE = Qt.ItemDataRole.UserRole + 60
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 61
HEADERS = ("ชื่อหน่วยงาน", "ชื่อย่อ", "ชื่ออื่นที่เอกสารใช้", "ตัวชี้วัด")
_ERROR_STYLE = "color: #b00020;"


class AgencyEditing(Protocol):
    """What the dialogs need from :class:`trat_desktop.services.plan_edit.PlanEditService`."""

    def add_agency(self, name: str, short_name: str = "") -> str: ...
    def update_agency(self, uid: str, name: str, short_name: str) -> None: ...
    def set_aliases(self, uid: str, aliases: list[str]) -> None: ...


def agency_table_model(agencies: list[AgencyInfo], parent: QWidget | None = None) -> QStandardItemModel:
    """One line per agency: name, short name, aliases (one per line), indicator rows."""
    model = QStandardItemModel(0, len(HEADERS), parent)
    model.setHorizontalHeaderLabels(list(HEADERS))
    for agency in agencies:
        cells = [agency.name, agency.short_name, "\n".join(agency.aliases),
                 display.show_digits(str(agency.indicator_rows))]
        items = [QStandardItem(text) for text in cells]
        for item in items:
            item.setEditable(False)
            item.setData(agency.uid, UID_ROLE)
            item.setData(search_key(" ".join([agency.name, agency.short_name, *agency.aliases])), SEARCH_ROLE)
        items[3].setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        model.appendRow(items)
    return model


class AgencyFormDialog(QDialog):
    """Add an agency, or rename one and edit its other names."""

    def __init__(self, editing: AgencyEditing, agency: AgencyInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_AgencyFormDialog()
        self.form.setupUi(self)
        self._editing = editing
        self._agency = agency
        self.uid: str | None = agency.uid if agency else None
        form = self.form
        self.setWindowTitle("แก้ไขหน่วยงาน" if agency else "เพิ่มหน่วยงาน")
        if agency is not None:
            form.nameEdit.setText(agency.name)
            form.shortEdit.setText(agency.short_name if agency.short_name != agency.name else "")
            form.aliasesEdit.setPlainText("\n".join(agency.aliases))
        form.errorLabel.setStyleSheet(_ERROR_STYLE)
        form.errorLabel.hide()
        form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("บันทึก")
        form.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("ยกเลิก")
        form.buttonBox.accepted.connect(self.accept)
        form.buttonBox.rejected.connect(self.reject)

    def aliases(self) -> list[str]:
        return [line.strip() for line in self.form.aliasesEdit.toPlainText().splitlines() if line.strip()]

    def save(self) -> bool:
        """Add or update through the service; False (message shown) when refused."""
        form = self.form
        name, short = form.nameEdit.text(), form.shortEdit.text()
        aliases = self.aliases()
        try:
            if self.uid is None:
                self.uid = self._editing.add_agency(name, short)
                if aliases:
                    self._editing.set_aliases(self.uid, aliases)
            else:
                old = self._agency
                wanted = (" ".join(name.split()), short.strip() or " ".join(name.split()))
                if old is None or wanted != (old.name, old.short_name):
                    self._editing.update_agency(self.uid, name, short)
                if old is None or aliases != old.aliases:
                    self._editing.set_aliases(self.uid, aliases)
        except TratError as exc:
            form.errorLabel.setText(exc.message)
            form.errorLabel.show()
            return False
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()


class AgenciesDialog(QDialog):
    """List, filter, add and edit agencies."""

    def __init__(self, list_agencies: Callable[[], list[AgencyInfo]], editing: AgencyEditing,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_AgenciesDialog()
        self.form.setupUi(self)
        self._list = list_agencies
        self._editing = editing
        self.agencies: list[AgencyInfo] = []
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        form = self.form
        form.agencyTable.setModel(self.proxy)
        header = form.agencyTable.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # register order until a header is clicked
        form.agencyTable.setSortingEnabled(True)
        form.agencyTable.verticalHeader().hide()
        form.errorLabel.setStyleSheet(_ERROR_STYLE)
        form.errorLabel.hide()
        form.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("ปิด")
        form.buttonBox.rejected.connect(self.reject)
        form.filterEdit.textChanged.connect(lambda text: self._filter(text))
        form.addButton.clicked.connect(self.add_agency)
        form.editButton.clicked.connect(self.edit_current)
        form.agencyTable.doubleClicked.connect(lambda _index: self.edit_current())
        self.reload()

    def reload(self, select_uid: str | None = None) -> None:
        try:
            self.agencies = self._list()
        except TratError as exc:
            self.form.errorLabel.setText(exc.message)
            self.form.errorLabel.show()
            return
        model = agency_table_model(self.agencies, self)
        old = self.proxy.sourceModel()
        self.proxy.setSourceModel(model)
        if old is not None:
            old.deleteLater()
        table = self.form.agencyTable
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        table.setColumnWidth(1, 220)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._update_count()
        if select_uid:
            for row in range(self.proxy.rowCount()):
                if self.proxy.index(row, 0).data(UID_ROLE) == select_uid:
                    table.selectRow(row)
                    table.scrollTo(self.proxy.index(row, 0))
                    break

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(search_key(text))
        self._update_count()

    def _update_count(self) -> None:
        text = f"{self.proxy.rowCount()} จาก {len(self.agencies)} หน่วยงาน"
        self.form.countLabel.setText(display.show_digits(text))

    def current(self) -> AgencyInfo | None:
        index = self.form.agencyTable.currentIndex()
        uid = index.data(UID_ROLE) if index.isValid() else None
        return next((a for a in self.agencies if a.uid == uid), None)

    def add_agency(self) -> None:
        dialog = AgencyFormDialog(self._editing, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(dialog.uid)

    def edit_current(self) -> None:
        agency = self.current()
        if agency is None:
            self.form.errorLabel.setText("เลือกหน่วยงานที่จะแก้ไขก่อน")
            self.form.errorLabel.show()
            return
        self.form.errorLabel.hide()
        dialog = AgencyFormDialog(self._editing, agency, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(agency.uid)
