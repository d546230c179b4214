"""The coordinator's plan editor ("แก้ไขแผน"): a tree of the plan's parts on the left; the
chosen part's children on the right as an editable table (strategies, tactics, activities
or indicator rows). Insert adds, Delete removes (asking first when progress is recorded;
the progress is kept), Ctrl+Up/Down moves, double-click edits; responsible agencies and
budget lines have their own dialogs. Every change is undoable (:attr:`undo_stack`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QMessageBox,
    QStyleOptionViewItem,
    QWidget,
)

from ..domain.capabilities import can
from ..domain.model import IndicatorRow, Plan
from ..errors import TratError
from ..i18n import _, ngettext, pgettext
from ..services import PlanService, ProgressService
from ..services.plan_edit import PlanEditService
from . import display
from .agencies_dialog import AgenciesDialog
from .agency_picker import AgencyPickerDialog
from .budget_editor import BudgetLinesDialog
from .delegates import MoveOnDelegate
from .forms.ui_coordinator_editor import Ui_PlanEditorPage
from .plan_edit_commands import PlanEditController
from .plan_edit_models import (
    QUARTER_FIELDS,
    UID_ROLE,
    PartTableModel,
    PartTreeModel,
    children_of,
    find_part,
    parent_uid_of,
    part_title,
)
from .trash_dialog import TrashDialog
from .years import default_year_of
from .style import emphasise

ERROR_STYLE = "color: #b00020;"
INFO_STYLE = "color: #1b5e20;"
NEW_TITLE = {"strategy": "ยุทธศาสตร์ใหม่", "tactic": "กลยุทธ์ใหม่", "activity": "โครงการ/กิจกรรมใหม่"}
#: The column to start typing in after adding a part.
FIRST_EDIT = {"strategy": "title", "tactic": "title", "activity": "title", "indicator": "indicator"}
_STRETCH = {"title", "goal", "indicator", "expected_result"}
_WIDTHS = {"agencies": 200, "budget": 200}


class QuarterDelegate(MoveOnDelegate):
    """The quarter columns are edited with a combo: ไตรมาส ๑ … ไตรมาส ๔."""

    def __init__(self, model: PartTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def _is_quarter(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return self._model.key(index.column()) in QUARTER_FIELDS

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        if not self._is_quarter(index):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for quarter in range(1, 5):
            combo.addItem(display.show_digits(_("ไตรมาส {quarter}").format(quarter=quarter)), quarter)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox) and self._is_quarter(index):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox) and self._is_quarter(index):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class PlanEditorPage(QWidget):
    """Edit one fiscal year's plan through ``PlanEditService``; undo/redo every change."""

    #: the plan or the agency list changed (other pages may reload)
    plan_changed = Signal()
    #: the user chose another fiscal year here (the window's selector follows)
    year_chosen = Signal(int)

    def __init__(self, plans: PlanService, progress: ProgressService, parent: QWidget | None = None,
                 undo_shortcuts: bool = True) -> None:
        super().__init__(parent)
        self.form = Ui_PlanEditorPage()
        self.form.setupUi(self)
        self.plans = plans
        self.progress = progress
        self.edit_service = PlanEditService(progress)
        self.controller = PlanEditController(self.edit_service, self)
        self.controller.confirm = self._ask
        self.undo_stack = self.controller.undo_stack
        self.plan: Plan | None = None
        self.year: int | None = None
        self.tree_model = PartTreeModel(self)
        self.table_model = PartTableModel(self)
        self.table_model.committer = self._commit
        self._short_names: dict[str, str] = {}
        self._setup_views()
        self._setup_actions(undo_shortcuts)
        self.controller.changed.connect(self._on_changed)
        self.controller.refused.connect(lambda message: self.show_message(message, error=True))
        self.controller.done.connect(lambda message: self.show_message(message))
        self._fill_years()

    # -- setup ----------------------------------------------------------------------
    def _setup_views(self) -> None:
        form = self.form
        emphasise(form.titleLabel, 1.2)
        emphasise(form.parentTitleLabel)
        form.partsTree.setModel(self.tree_model)
        form.partsTree.selectionModel().currentChanged.connect(self._on_tree_current)
        table = form.partsTable
        table.setModel(self.table_model)
        table.setItemDelegate(QuarterDelegate(self.table_model, table))
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.doubleClicked.connect(self._on_double_click)
        table.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.table_model.modelReset.connect(self._size_columns)
        form.editorSplitter.setStretchFactor(0, 2)
        form.editorSplitter.setStretchFactor(1, 5)
        form.editorSplitter.setSizes([280, 1020])
        form.yearCombo.currentIndexChanged.connect(self._on_year_changed)
        form.copyYearButton.clicked.connect(lambda _checked=False: self.copy_to_next_year())
        form.agenciesButton.clicked.connect(lambda _checked=False: self.open_agencies())
        form.trashButton.clicked.connect(lambda _checked=False: self.open_trash())

    def _action(self, text: str, tip: str, slot: Any, keys: list[QKeySequence] | None = None,
                widget: QWidget | None = None) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        if keys:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            (widget or self).addAction(action)
        return action

    def _setup_actions(self, undo_shortcuts: bool) -> None:
        form, table = self.form, self.form.partsTable
        K = QKeySequence
        self.add_action = self._action(_("เพิ่ม"), _("เพิ่มรายการต่อจากแถวที่เลือก (Insert)"), self.add_part,
                                       [K(Qt.Key.Key_Insert)], table)
        self.remove_action = self._action(_("ลบ"), _("ลบแถวที่เลือก (Delete) ผลการดำเนินงานที่บันทึกไว้ยังเก็บไว้"),
                                          self.remove_part, [K(Qt.Key.Key_Delete)], table)
        self.up_action = self._action(_("เลื่อนขึ้น"), _("เลื่อนแถวที่เลือกขึ้น (Ctrl+↑)"), lambda: self.move_part(-1),
                                      [K(Qt.Modifier.CTRL | Qt.Key.Key_Up)], table)
        self.down_action = self._action(_("เลื่อนลง"), _("เลื่อนแถวที่เลือกลง (Ctrl+↓)"), lambda: self.move_part(1),
                                        [K(Qt.Modifier.CTRL | Qt.Key.Key_Down)], table)
        self.open_action = self._action(_("รายการย่อย"), _("แสดงรายการย่อยของแถวที่เลือก"), self.open_children)
        self.agencies_action = self._action(_("ผู้รับผิดชอบ…"), _("เลือกหน่วยงานผู้รับผิดชอบตัวชี้วัดที่เลือก"),
                                            self.open_agency_picker)
        self.budget_action = self._action(_("งบประมาณ…"), _("แก้ไขรายการงบประมาณของตัวชี้วัดที่เลือก"),
                                          self.open_budget_editor)
        self.undo_action = self.undo_stack.createUndoAction(self, _("เลิกทำ"))
        self.redo_action = self.undo_stack.createRedoAction(self, _("ทำซ้ำ"))
        if undo_shortcuts:
            for action, keys in ((self.undo_action, [K(K.StandardKey.Undo)]),
                                 (self.redo_action, [K("Ctrl+Y"), K("Ctrl+Shift+Z")])):
                action.setShortcuts(keys)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(action)
        for button, action in ((form.addButton, self.add_action), (form.removeButton, self.remove_action),
                               (form.upButton, self.up_action), (form.downButton, self.down_action),
                               (form.openButton, self.open_action), (form.agencyPickButton, self.agencies_action),
                               (form.budgetButton, self.budget_action), (form.undoButton, self.undo_action),
                               (form.redoButton, self.redo_action)):
            button.setDefaultAction(action)
        self._update_actions()

    def _size_columns(self) -> None:
        table = self.form.partsTable
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, spec in enumerate(self.table_model.columns):
            if spec.key in _STRETCH:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif spec.key in _WIDTHS:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                table.setColumnWidth(column, _WIDTHS[spec.key])
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # -- years and loading ----------------------------------------------------------
    def _fill_years(self, select: int | None = None, keep_place: bool = False) -> None:
        combo = self.form.yearCombo
        try:
            years = self.plans.fiscal_years()
        except TratError as exc:
            self.show_message(exc.message, error=True)
            return
        combo.blockSignals(True)
        combo.clear()
        for year in years:
            combo.addItem(display.show_digits(str(year)), year)
        wanted = select if select in years else (self.year if self.year in years else default_year_of(self.plans, years))
        combo.setCurrentIndex(years.index(wanted) if wanted is not None else -1)
        combo.blockSignals(False)
        if wanted is not None and keep_place and wanted == self.year:
            self.reload(select_uid=getattr(self.current_part(), "uid", ""))
        elif wanted is not None:
            self.load_year(wanted)
        else:
            self.show_message(_("ยังไม่มีแผนปฏิบัติการในฐานข้อมูล"), error=True)
        if not can(self.progress.identity(), "edit_plan"):
            self.show_message(_("เครื่องนี้ไม่ได้ตั้งค่าเป็นศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราด "
                                "จึงดูแผนได้แต่แก้ไขไม่ได้"), error=True)

    def _on_year_changed(self, combo_index: int) -> None:
        year = self.form.yearCombo.itemData(combo_index)
        if year is not None:
            self.load_year(int(year))
            self.year_chosen.emit(int(year))

    def set_year(self, year: int) -> None:
        """Edit the plan of *year* (the window's year selector); nothing when it is shown already."""
        if year != self.year:
            self._fill_years(select=year)

    def load_year(self, year: int) -> bool:
        """Show the plan of *year* from its top (all strategies)."""
        self.year = year
        self.tree_model.set_plan(None)
        return self.reload(select_parent=str(year))

    def reload(self, select_uid: str = "", select_parent: str | None = None) -> bool:
        """Re-read the plan; keep the tree's expansion and the chosen part, select *select_uid*."""
        try:
            plan = self.plans.load_plan(self.year)
        except TratError as exc:
            self.show_message(exc.message, error=True)
            return False
        self.plan = plan
        self._short_names = {name: a.short_name for name, a in plan.agencies.items() if a.short_name}
        tree = self.form.partsTree
        expanded = {uid for uid in self.tree_model.uids() if tree.isExpanded(self.tree_model.index_of_uid(uid))}
        current = select_parent or self.current_parent_uid() or str(plan.fiscal_year)
        # the cell being left keeps its column: a Tab after an edit moves on from there, not from column 0
        column = max(0, self.form.partsTable.currentIndex().column())
        if select_uid and find_part(plan, select_uid) is not None:
            parent = parent_uid_of(plan, select_uid)
            if parent is not None and parent != self.table_model.parent_uid:
                current = parent
        if find_part(plan, current) is None:
            current = str(plan.fiscal_year)
        tree.selectionModel().blockSignals(True)
        self.tree_model.set_plan(plan)
        tree.selectionModel().blockSignals(False)
        if not expanded:
            expanded = {str(plan.fiscal_year), *(s.uid for s in plan.strategies)}
        for uid in expanded:
            index = self.tree_model.index_of_uid(uid)
            if index.isValid():
                tree.setExpanded(index, True)
        self._select_tree(current)
        if select_uid:
            self.select_part(select_uid, column)
        self._update_actions()
        return True

    def _select_tree(self, uid: str) -> None:
        index = self.tree_model.index_of_uid(uid)
        tree = self.form.partsTree
        tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        tree.scrollTo(index)
        self._show_children(uid)

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        uid = current.data(UID_ROLE)
        if uid:
            self._show_children(uid)

    def _show_children(self, uid: str) -> None:
        if self.plan is None:
            return
        found = find_part(self.plan, uid)
        if found is None:
            return
        entity, part = found
        if entity == "indicator":
            return
        parts = children_of(part)
        self.table_model.set_children(entity, uid, parts, self._short_names)
        title = (display.show_digits(_("แผนทั้งฉบับ ปีงบประมาณ พ.ศ. {year}").format(year=self.plan.fiscal_year))
                 if isinstance(part, Plan) else part_title(entity, part))
        children = {"strategy": pgettext("parts", "ยุทธศาสตร์"), "tactic": pgettext("parts", "กลยุทธ์"),
                    "activity": pgettext("parts", "แผนงาน/โครงการ/กิจกรรม"), "indicator": pgettext("parts", "ตัวชี้วัด")}
        entity = self.table_model.entity
        count = ngettext("{count} รายการ", "{count} รายการ", len(parts)).format(count=display.show_digits(f"{len(parts):,}"))
        self.form.parentTitleLabel.setText(_("{parts}ภายใต้ {title} ({count})").format(
            parts=children.get(entity, entity), title=title, count=count))
        self._update_actions()

    def current_parent_uid(self) -> str | None:
        index = self.form.partsTree.currentIndex()
        return index.data(UID_ROLE) if index.isValid() else None

    def select_part(self, uid: str, column: int = 0) -> bool:
        """Make the table row of *uid* current (it must be among the shown children), at *column*."""
        row = self.table_model.row_of(uid)
        if row < 0:
            return False
        table = self.form.partsTable
        index = self.table_model.index(row, max(0, min(column, self.table_model.columnCount() - 1)))
        table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        table.scrollTo(index)
        return True

    def show_part(self, uid: str) -> bool:
        """Show the parent of *uid* on the right and select its row (any level)."""
        if self.plan is None or find_part(self.plan, uid) is None:
            return False
        parent = parent_uid_of(self.plan, uid)
        if parent is not None:
            self._select_tree(parent)
        return self.select_part(uid)

    # -- current row ----------------------------------------------------------------
    def current_row(self) -> int:
        index = self.form.partsTable.currentIndex()
        return index.row() if index.isValid() else -1

    def current_part(self) -> Any:
        row = self.current_row()
        return self.table_model.part(row) if 0 <= row < self.table_model.rowCount() else None

    def _update_actions(self) -> None:
        part = self.current_part()
        row, count = self.current_row(), self.table_model.rowCount()
        is_row = isinstance(part, IndicatorRow)
        self.remove_action.setEnabled(part is not None)
        self.up_action.setEnabled(part is not None and row > 0)
        self.down_action.setEnabled(part is not None and row < count - 1)
        self.open_action.setEnabled(part is not None and not is_row)
        self.agencies_action.setEnabled(is_row)
        self.budget_action.setEnabled(is_row)
        self.add_action.setEnabled(self.plan is not None)

    # -- edits ----------------------------------------------------------------------
    def _commit(self, entity: str, uid: str, field: str, value: Any) -> bool:
        return self.controller.update(entity, uid, field, "" if value is None else value)

    def _on_changed(self, uid: str) -> None:
        if self._message_is_error():
            self.show_message("")
        self.reload(select_uid=uid)
        self.plan_changed.emit()

    def _new_fields(self, entity: str) -> dict[str, Any]:
        """A new part's first values: its number or code from the plan rules (domain/plan_rules.py)."""
        fields = self.edit_service.new_fields(entity, self.table_model.parent_uid)
        if entity == "indicator":
            return {"indicator": "ตัวชี้วัดใหม่", "unit": "ครั้ง", "quarter_from": 1, "quarter_to": 4}
        return {**fields, "title": NEW_TITLE[entity]}

    def _editing(self) -> bool:
        """A cell editor is open (keys like Insert or Ctrl+Up then belong to it, not to the table)."""
        return self.form.partsTable.state() == QAbstractItemView.State.EditingState

    def add_part(self) -> str | None:
        """Add a part after the current row (or at the end) and start editing its text."""
        if self.plan is None or self._editing():
            return None
        entity, parent_uid = self.table_model.entity, self.table_model.parent_uid
        row = self.current_row()
        position = row + 1 if row >= 0 else None
        uid = self.controller.add(entity, parent_uid, position, **self._new_fields(entity))
        if uid is not None and self.select_part(uid):
            column = self.table_model.column_of(FIRST_EDIT[entity])
            index = self.table_model.index(self.table_model.row_of(uid), column)
            self.form.partsTable.setCurrentIndex(index)
            self.form.partsTable.edit(index)
        return uid

    def remove_part(self) -> bool:
        part = self.current_part()
        if part is None or self._editing():
            return False
        row, entity = self.current_row(), self.table_model.entity
        removed = self.controller.remove(entity, part.uid, part_title(entity, part))
        if removed and self.table_model.rowCount():
            neighbour = self.table_model.part(min(row, self.table_model.rowCount() - 1))
            self.select_part(neighbour.uid)
        return removed

    def move_part(self, step: int) -> bool:
        part, row = self.current_part(), self.current_row()
        if part is None or self._editing() or not 0 <= row + step < self.table_model.rowCount():
            return False
        return self.controller.move(self.table_model.entity, part.uid, row + step)

    def open_children(self) -> None:
        part = self.current_part()
        if part is not None and not isinstance(part, IndicatorRow):
            self._select_tree(part.uid)

    def _on_double_click(self, index: QModelIndex) -> None:
        key = self.table_model.key(index.column())
        if key == "children":
            self.open_children()
        elif key == "agencies":
            self.open_agency_picker()
        elif key == "budget":
            self.open_budget_editor()

    def _ask(self, message: str) -> bool:
        answer = QMessageBox.question(
            self, _("ยืนยันการลบ"), message,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- dialogs (opened window-modal, not blocking: tests drive them directly) -----
    def _row_and_agencies(self) -> tuple[IndicatorRow, list[Any], dict[str, str]] | None:
        """The selected indicator row, every agency, and name -> uid; None (with a message) otherwise."""
        part = self.current_part()
        if not isinstance(part, IndicatorRow):
            return None
        try:
            agencies = self.plans.agencies()
        except TratError as exc:
            self.show_message(exc.message, error=True)
            return None
        return part, agencies, {a.name: a.uid for a in agencies}

    def open_agency_picker(self) -> AgencyPickerDialog | None:
        found = self._row_and_agencies()
        if found is None:
            return None
        part, agencies, uid_of = found
        chosen = [uid_of[name] for name in part.agencies if name in uid_of]
        uid = part.uid
        dialog = AgencyPickerDialog(
            agencies, chosen, display.show_digits(part.indicator or part.unit),
            saver=lambda uids: self.controller.set_agencies(uid, uids),
            error_text=lambda: self.controller.last_error, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_budget_editor(self) -> BudgetLinesDialog | None:
        found = self._row_and_agencies()
        if found is None:
            return None
        part, agencies, uid_of = found
        own = [(uid_of[n], display.agency_label(n, self._short_names)) for n in part.agencies if n in uid_of]
        uid = part.uid
        dialog = BudgetLinesDialog(
            part, own, uid_of, saver=lambda lines: self.controller.set_budget_lines(uid, lines),
            error_text=lambda: self.controller.last_error, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_agencies(self) -> AgenciesDialog:
        from ..services.agencies import AgencyService

        dialog = AgenciesDialog(self.plans.agencies, self.edit_service, self,
                                duplicates=AgencyService(self.progress))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._after_agencies())
        dialog.open()
        return dialog

    def _after_agencies(self) -> None:
        self.reload(select_uid=getattr(self.current_part(), "uid", ""))
        self.plan_changed.emit()

    def open_trash(self) -> TrashDialog:
        dialog = TrashDialog(self.edit_service.trash, self.controller.restore, self.controller.removed_titles,
                             lambda: self.controller.last_error, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- years ----------------------------------------------------------------------
    def copy_to_next_year(self, ask: bool = True) -> int | None:
        """Copy the shown year's plan to the next fiscal year (no progress) and show it."""
        if self.year is None:
            return None
        source, target = self.year, self.year + 1
        question = display.show_digits(
            _("คัดลอกแผนปีงบประมาณ พ.ศ. {source} ไปเป็นแผนปีงบประมาณ พ.ศ. {target}?\n"
              "ยุทธศาสตร์ กลยุทธ์ โครงการ ตัวชี้วัด ผู้รับผิดชอบ และงบประมาณจะถูกคัดลอกทั้งหมด "
              "แต่ไม่รวมผลการดำเนินงาน").format(source=source, target=target))
        if ask and QMessageBox.question(
                self, _("คัดลอกแผนไปปีงบประมาณถัดไป"), question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return None
        try:
            year = self.edit_service.copy_year(source, target)
        except TratError as exc:
            self.show_message(exc.message, error=True)
            return None
        self._fill_years(select=year)
        self.show_message(display.show_digits(_("คัดลอกแผนปี {source} ไปเป็นแผนปี {year} แล้ว").format(source=source, year=year)))
        self.plan_changed.emit()
        self.year_chosen.emit(year)
        return year

    # -- messages -------------------------------------------------------------------
    def show_message(self, text: str, error: bool = False) -> None:
        label = self.form.messageLabel
        label.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        label.setProperty("error", error)
        label.setText(text)

    def _message_is_error(self) -> bool:
        return bool(self.form.messageLabel.property("error")) and bool(self.form.messageLabel.text())

    def message(self) -> str:
        return self.form.messageLabel.text()

    def refresh_texts(self) -> None:
        """Re-read every text after the digits setting changed (staying on the same part)."""
        self._fill_years(keep_place=True)
