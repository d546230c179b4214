"""The agency list for the coordinator: every agency with its short name, the other names
plan documents use for it and how many indicator rows it has; add one, rename one, edit
its other names. Changes go through ``PlanEditService`` (audited); a refused change shows
the Thai message and the form stays open.

Above the list, the names a plan document left as "possible duplicates" (อาจเป็นหน่วยงานเดียวกับ …)
wait for the coordinator: merge the two, or keep them apart; the last decision can be undone
(through ``AgencyService``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout, QWidget,
)

from ..errors import TratError
from ..i18n import N_, _
from ..services import AgencyInfo
from . import display
from .agency_picker import search_key
from .forms.ui_agencies_dialog import Ui_AgenciesDialog
from .forms.ui_agency_form import Ui_AgencyFormDialog

UID_ROLE = Qt.ItemDataRole.UserRole + 60
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 61
HEADERS = (N_("ชื่อหน่วยงาน"), N_("ชื่อย่อ"), N_("ชื่ออื่นที่เอกสารใช้"), N_("ตัวชี้วัด"))
_ERROR_STYLE = "color: #b00020;"


class AgencyEditing(Protocol):
    """What the dialogs need from :class:`trat_desktop.services.plan_edit.PlanEditService`."""

    def add_agency(self, name: str, short_name: str = "") -> str: ...
    def update_agency(self, uid: str, name: str, short_name: str) -> None: ...
    def set_aliases(self, uid: str, aliases: list[str]) -> None: ...


class DuplicateSettling(Protocol):
    """What the dialog needs from :class:`trat_desktop.services.agencies.AgencyService`."""

    def pending(self) -> list[Any]: ...
    def merge(self, keep: str, other: str) -> Any: ...
    def keep_apart(self, a: str, b: str) -> Any: ...
    def undo(self) -> Any: ...
    def can_undo(self) -> bool: ...


def agency_table_model(agencies: list[AgencyInfo], parent: QWidget | None = None) -> QStandardItemModel:
    """One line per agency: name, short name, aliases (one per line), indicator rows."""
    model = QStandardItemModel(0, len(HEADERS), parent)
    model.setHorizontalHeaderLabels([_(h) for h in HEADERS])
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
        self.setWindowTitle(_("แก้ไขหน่วยงาน") if agency else _("เพิ่มหน่วยงาน"))
        if agency is not None:
            form.nameEdit.setText(agency.name)
            form.shortEdit.setText(agency.short_name if agency.short_name != agency.name else "")
            form.aliasesEdit.setPlainText("\n".join(agency.aliases))
        form.errorLabel.setStyleSheet(_ERROR_STYLE)
        form.errorLabel.hide()
        form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(_("บันทึก"))
        form.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(_("ยกเลิก"))
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
                 parent: QWidget | None = None, duplicates: DuplicateSettling | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_AgenciesDialog()
        self.form.setupUi(self)
        self._list = list_agencies
        self._editing = editing
        self._duplicates = duplicates
        self.pairs: list[Any] = []
        self.changed = False
        self._add_duplicates_box()
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
        form.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(_("ปิด"))
        form.buttonBox.rejected.connect(self.reject)
        form.filterEdit.textChanged.connect(lambda text: self._filter(text))
        form.addButton.clicked.connect(self.add_agency)
        form.editButton.clicked.connect(self.edit_current)
        form.agencyTable.doubleClicked.connect(lambda _index: self.edit_current())
        self.reload()

    # -- possible duplicates ------------------------------------------------------------
    def _add_duplicates_box(self) -> None:
        box = QGroupBox(_("อาจเป็นหน่วยงานเดียวกัน (รอการตัดสินใจ)"), self)
        layout = QVBoxLayout(box)
        hint = QLabel(_("ชื่อที่เอกสารแผนเขียนต่างออกไปและคล้ายหน่วยงานที่มีอยู่ โปรแกรมไม่รวมให้เอง "
                      "เลือกคู่แล้วรวมเป็นหน่วยงานเดียว (ชื่อเดิมเก็บไว้เป็นชื่ออื่น ผลการดำเนินงานย้ายตามไปด้วย) "
                      "หรือบันทึกว่าเป็นคนละหน่วยงาน"), box)
        hint.setWordWrap(True)
        self.pair_list = QListWidget(box)
        self.pair_list.setWordWrap(True)
        self.pair_list.setMaximumHeight(self.pair_list.fontMetrics().height() * 7)
        buttons = QHBoxLayout()
        self.merge_button = QPushButton(_("รวมเป็นหน่วยงานเดียวกัน"), box)
        self.apart_button = QPushButton(_("เป็นคนละหน่วยงาน"), box)
        self.undo_button = QPushButton(_("ยกเลิกการรวม/แยกครั้งล่าสุด"), box)
        for button in (self.merge_button, self.apart_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        self.decision_label = QLabel("", box)
        self.decision_label.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.pair_list)
        layout.addLayout(buttons)
        layout.addWidget(self.decision_label)
        self.duplicates_box = box
        self.form.dialogLayout.insertWidget(0, box)
        self.merge_button.clicked.connect(self.merge_current)
        self.apart_button.clicked.connect(self.keep_apart_current)
        self.undo_button.clicked.connect(self.undo_last)
        self.pair_list.currentRowChanged.connect(lambda _row: self._update_pair_buttons())
        box.setVisible(self._duplicates is not None)

    def _reload_pairs(self) -> None:
        if self._duplicates is None:
            return
        try:
            self.pairs = self._duplicates.pending()
            can_undo = self._duplicates.can_undo()
        except TratError as exc:
            self.decision_label.setText(exc.message)
            return
        self.pair_list.clear()
        for pair in self.pairs:
            text = display.show_digits(
                _("“{agency_name}” ({agency_rows} ตัวชี้วัด) อาจเป็นหน่วยงานเดียวกับ “{other_name}” ({other_rows} "
                  "ตัวชี้วัด) — พบใน {source}").format(
                    agency_name=pair.agency_name, agency_rows=pair.agency_rows, other_name=pair.other_name,
                    other_rows=pair.other_rows, source=pair.source))
            item = QListWidgetItem(text)
            item.setData(UID_ROLE, pair.id)
            self.pair_list.addItem(item)
        if self.pairs:
            self.pair_list.setCurrentRow(0)
        else:
            self.pair_list.addItem(QListWidgetItem(_("ไม่มีคู่ที่รอการตัดสินใจ")))
        self.undo_button.setEnabled(can_undo)
        self._update_pair_buttons()

    def _update_pair_buttons(self) -> None:
        chosen = self.current_pair() is not None
        self.merge_button.setEnabled(chosen)
        self.apart_button.setEnabled(chosen)
        pair = self.current_pair()
        if pair is not None:
            self.merge_button.setToolTip(_("รวม “{agency_name}” เข้ากับ “{other_name}”").format(
                agency_name=pair.agency_name, other_name=pair.other_name))

    def current_pair(self) -> Any:
        row = self.pair_list.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def _decide(self, act: Callable[[], Any], undone: bool = False) -> bool:
        from ..services.agencies import decision_text

        try:
            decision = act()
        except TratError as exc:
            self.decision_label.setStyleSheet(_ERROR_STYLE)
            self.decision_label.setText(exc.message)
            return False
        self.changed = True
        self.decision_label.setStyleSheet("")
        self.decision_label.setText(decision_text(decision, undone=undone))
        self.reload()
        return True

    def merge_current(self) -> bool:
        """Merge the chosen pair: the new name joins the known agency (its name kept as an alias)."""
        pair = self.current_pair()
        if pair is None or self._duplicates is None:
            return False
        duplicates = self._duplicates
        return self._decide(lambda: duplicates.merge(pair.other_uid, pair.agency_uid))

    def keep_apart_current(self) -> bool:
        pair = self.current_pair()
        if pair is None or self._duplicates is None:
            return False
        duplicates = self._duplicates
        return self._decide(lambda: duplicates.keep_apart(pair.agency_uid, pair.other_uid))

    def undo_last(self) -> bool:
        if self._duplicates is None:
            return False
        return self._decide(self._duplicates.undo, undone=True)

    def reload(self, select_uid: str | None = None) -> None:
        self._reload_pairs()
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
        text = _("{shown} จาก {count} หน่วยงาน").format(shown=self.proxy.rowCount(), count=len(self.agencies))
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
            self.form.errorLabel.setText(_("เลือกหน่วยงานที่จะแก้ไขก่อน"))
            self.form.errorLabel.show()
            return
        self.form.errorLabel.hide()
        dialog = AgencyFormDialog(self._editing, agency, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(agency.uid)
