"""Item models of the plan editor: the parts tree (plan > strategies > tactics > activities)
and an editable table of one part's children. Work without any widget.

The table hands every typed value to a *committer* (the :class:`PlanEditController`), which
saves it through ``PlanEditService``; a refused value leaves the cell as it was. After a
save the editor reloads the plan and calls :meth:`PartTableModel.set_children`, which
updates the rows in place when the same parts are shown (no reset under an open editor).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Union

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from ..domain import display as shared
from ..domain.model import Activity, IndicatorRow, Plan, Strategy, Tactic
from ..domain.plan_rules import entity_heading
from ..i18n import N_, _
from . import display

Part = Union[Strategy, Tactic, Activity, IndicatorRow]
Index = Union[QModelIndex, QPersistentModelIndex]
#: (entity, uid, field, typed value) -> saved?
Committer = Callable[[str, str, str, Any], bool]

ENTITY_ROLE = Qt.ItemDataRole.UserRole + 40
UID_ROLE = Qt.ItemDataRole.UserRole + 41
CHILD_ENTITY = {"plan": "strategy", "strategy": "tactic", "tactic": "activity", "activity": "indicator"}
#: How the children of each kind are counted: '๖ กิจกรรม'.
CHILD_NOUN = {"strategy": N_("กลยุทธ์"), "tactic": N_("โครงการ/กิจกรรม"), "activity": N_("ตัวชี้วัด")}
_MISSING_BG = QColor("#fde2e1")
_READONLY_FG = QColor("#44546a")


@dataclass(frozen=True)
class Column:
    """One table column: the field it edits (or a pseudo-field), its header and tooltip."""

    key: str
    header: str
    tip: str
    editable: bool = True


COLUMNS: dict[str, tuple[Column, ...]] = {
    "strategy": (
        Column("number", N_("ลำดับ"), N_("ลำดับที่ของยุทธศาสตร์")),
        Column("title", N_("ชื่อยุทธศาสตร์"), N_("ชื่อยุทธศาสตร์ (ต้องระบุ)")),
        Column("goal", N_("เป้าประสงค์"), N_("เป้าประสงค์ของยุทธศาสตร์")),
        Column("children", N_("กลยุทธ์"), N_("ดับเบิลคลิกเพื่อแสดงกลยุทธ์ของยุทธศาสตร์นี้"), editable=False),
    ),
    "tactic": (
        Column("number", N_("ลำดับ"), N_("ลำดับที่ของกลยุทธ์")),
        Column("title", N_("ชื่อกลยุทธ์"), N_("ชื่อกลยุทธ์ (ต้องระบุ)")),
        Column("children", N_("โครงการ/กิจกรรม"), N_("ดับเบิลคลิกเพื่อแสดงโครงการ/กิจกรรมของกลยุทธ์นี้"), editable=False),
    ),
    "activity": (
        Column("code", N_("รหัส"), N_("รหัสโครงการ/กิจกรรม เช่น ๑.๕ (กลยุทธ์.ลำดับ)")),
        Column("title", N_("ชื่อแผนงาน/โครงการ/กิจกรรม"), N_("ชื่อแผนงาน/โครงการ/กิจกรรม (ต้องระบุ)")),
        Column("children", N_("ตัวชี้วัด"), N_("ดับเบิลคลิกเพื่อแสดงตัวชี้วัดของโครงการ/กิจกรรมนี้"), editable=False),
    ),
    "indicator": (
        Column("indicator", N_("ตัวชี้วัด"), N_("ข้อความตัวชี้วัด")),
        Column("unit", N_("หน่วยนับ"), N_("หน่วยนับ เช่น ร้อยละ ครั้ง ระดับ (ต้องระบุ)")),
        Column("target", N_("เป้าหมาย"), N_("ค่าเป้าหมาย ตั้งแต่ ๐ ขึ้นไป (เว้นว่างได้)")),
        Column("quarter_from", N_("ไตรมาส\nเริ่ม"), N_("ไตรมาสแรกที่ดำเนินการ")),
        Column("quarter_to", N_("ไตรมาส\nสิ้นสุด"), N_("ไตรมาสสุดท้ายที่ดำเนินการ")),
        Column("agencies", N_("ผู้รับผิดชอบ"), N_("ดับเบิลคลิกเพื่อเลือกหน่วยงานผู้รับผิดชอบ"), editable=False),
        Column("budget", N_("งบประมาณ (บาท)"), N_("ดับเบิลคลิกเพื่อแก้ไขรายการงบประมาณ"), editable=False),
        Column("expected_result", N_("ผลที่คาดว่าจะได้รับ"), N_("ผลที่คาดว่าจะได้รับ")),
    ),
}
QUARTER_FIELDS = ("quarter_from", "quarter_to")
NUMBER_FIELDS = ("number", "target", "quarter_from", "quarter_to")


def part_title(entity: str, part: Part) -> str:
    """A part as one line of text: 'ยุทธศาสตร์ที่ ๑ …', '๑.๕ …', or an indicator's text."""
    if isinstance(part, Strategy):
        return display.strategy_text(part)
    if isinstance(part, Tactic):
        return display.tactic_text(part)
    if isinstance(part, Activity):
        return display.activity_text(part)
    return display.show_digits(part.indicator or _("ตัวชี้วัด ({unit})").format(unit=part.unit))


def children_of(part: Plan | Part) -> list[Part]:
    if isinstance(part, Plan):
        return list(part.strategies)
    if isinstance(part, Strategy):
        return list(part.tactics)
    if isinstance(part, Tactic):
        return list(part.activities)
    if isinstance(part, Activity):
        return list(part.rows)
    return []


def find_part(plan: Plan, uid: str) -> tuple[str, Plan | Part] | None:
    """(entity, part) with this uid, or ('plan', plan) for the fiscal year; None if absent."""
    if uid == str(plan.fiscal_year):
        return "plan", plan
    for strategy in plan.strategies:
        if strategy.uid == uid:
            return "strategy", strategy
        for tactic in strategy.tactics:
            if tactic.uid == uid:
                return "tactic", tactic
            for activity in tactic.activities:
                if activity.uid == uid:
                    return "activity", activity
                for row in activity.rows:
                    if row.uid == uid:
                        return "indicator", row
    return None


def parent_uid_of(plan: Plan, uid: str) -> str | None:
    """The uid of a part's parent (the fiscal year as text for a strategy)."""
    for strategy in plan.strategies:
        if strategy.uid == uid:
            return str(plan.fiscal_year)
        for tactic in strategy.tactics:
            if tactic.uid == uid:
                return strategy.uid
            for activity in tactic.activities:
                if activity.uid == uid:
                    return tactic.uid
                if any(row.uid == uid for row in activity.rows):
                    return activity.uid
    return None


class PartTreeModel(QStandardItemModel):
    """The plan's parts down to activities; the top item is the whole plan of the year."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([_("แผนปฏิบัติการ")])
        self._items: dict[str, QStandardItem] = {}

    def set_plan(self, plan: Plan | None) -> None:
        """Rebuild the tree (the editor restores expansion and selection by uid)."""
        self.removeRows(0, self.rowCount())
        self._items = {}
        if plan is None:
            return
        root = self._item("plan", str(plan.fiscal_year),
                          display.show_digits(_("แผนทั้งฉบับ ปีงบประมาณ พ.ศ. {fiscal_year}").format(
                              fiscal_year=plan.fiscal_year)))
        self.appendRow(root)
        for strategy in plan.strategies:
            s_item = self._item("strategy", strategy.uid, display.strategy_text(strategy))
            root.appendRow(s_item)
            for tactic in strategy.tactics:
                t_item = self._item("tactic", tactic.uid, display.tactic_text(tactic))
                s_item.appendRow(t_item)
                for activity in tactic.activities:
                    t_item.appendRow(self._item("activity", activity.uid, display.activity_text(activity)))

    def _item(self, entity: str, uid: str, text: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setToolTip(text)
        item.setData(entity, ENTITY_ROLE)
        item.setData(uid, UID_ROLE)
        self._items[uid] = item
        return item

    def uids(self) -> list[str]:
        """Every part shown in the tree, plan first."""
        return list(self._items)

    def index_of_uid(self, uid: str) -> QModelIndex:
        item = self._items.get(uid)
        return item.index() if item is not None else QModelIndex()

    def root_index(self) -> QModelIndex:
        return self.index(0, 0)


class PartTableModel(QAbstractTableModel):
    """The children of one part (strategies of the plan, tactics of a strategy, …), editable."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entity = "strategy"
        self.parent_uid = ""
        self._parts: list[Part] = []
        self._short_names: dict[str, str] = {}
        self.committer: Committer | None = None

    # -- content --------------------------------------------------------------------
    @property
    def columns(self) -> tuple[Column, ...]:
        return COLUMNS[self.entity]

    def set_children(self, parent_entity: str, parent_uid: str, parts: list[Part],
                     short_names: dict[str, str] | None = None) -> None:
        """Show *parts*, the children of a part; in place when the same parts are shown."""
        if short_names is not None:
            self._short_names = dict(short_names)
        entity = CHILD_ENTITY[parent_entity]
        same = (entity == self.entity and parent_uid == self.parent_uid
                and [p.uid for p in parts] == [p.uid for p in self._parts])
        if same:
            self._parts = list(parts)
            if parts:
                self.dataChanged.emit(self.index(0, 0), self.index(len(parts) - 1, len(self.columns) - 1))
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(parts) - 1)
            return
        self.beginResetModel()
        self.entity, self.parent_uid, self._parts = entity, parent_uid, list(parts)
        self.endResetModel()

    def part(self, row: int) -> Part:
        return self._parts[row]

    def parts(self) -> list[Part]:
        return list(self._parts)

    def row_of(self, uid: str) -> int:
        return next((n for n, p in enumerate(self._parts) if p.uid == uid), -1)

    def column_of(self, key: str) -> int:
        return next((n for n, c in enumerate(self.columns) if c.key == key), -1)

    def key(self, column: int) -> str:
        return self.columns[column].key if 0 <= column < len(self.columns) else ""

    def refresh(self) -> None:
        """Re-read every text (e.g. after switching Thai/Arabic digits)."""
        if self._parts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._parts) - 1, len(self.columns) - 1))

    # -- texts ----------------------------------------------------------------------
    def text(self, row: int, column: int) -> str:
        """The displayed text of a cell."""
        part, key = self._parts[row], self.key(column)
        if key == "children":
            children = children_of(part)
            return display.count_text(len(children), _(CHILD_NOUN[self.entity])) if children else "–"
        if isinstance(part, IndicatorRow):
            if key == "agencies":
                return display.agencies_text(part, self._short_names) or _("ยังไม่ระบุ")
            if key == "budget":
                return display.budget_cell_text(part, self._short_names) or "–"
            if key == "target":
                return display.target_text(part)
            if key in QUARTER_FIELDS:
                return display.show_digits(_("ไตรมาส {quarter}").format(quarter=getattr(part, key)))
        value = getattr(part, key, "")
        return display.show_digits(str(value if value is not None else ""))

    def edit_value(self, row: int, column: int) -> Any:
        """What an editor starts with: the quarter as a number, numbers without separators."""
        part, key = self._parts[row], self.key(column)
        value = getattr(part, key, "")
        if key in QUARTER_FIELDS:
            return int(value)
        if key == "target":
            return "" if value is None else display.show_digits(
                shared.number_text(value, False).replace(",", ""))
        return display.show_digits(str(value if value is not None else ""))

    def _tooltip(self, row: int, column: int) -> str | None:
        part, key = self._parts[row], self.key(column)
        if isinstance(part, IndicatorRow):
            if key == "agencies":
                return display.agencies_tooltip(part) or _("ยังไม่ได้ระบุหน่วยงานผู้รับผิดชอบ (ดับเบิลคลิกเพื่อเลือก)")
            if key == "budget":
                return display.budget_cell_tooltip(part) or _("ยังไม่มีรายการงบประมาณ (ดับเบิลคลิกเพื่อเพิ่ม)")
        if key in ("title", "goal", "indicator", "expected_result"):
            return self.text(row, column) or None
        return _(self.columns[column].tip)

    # -- QAbstractTableModel --------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._parts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._parts):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            key = self.key(column)
            if key in ("number", "code", "unit", "target", *QUARTER_FIELDS, "children"):
                return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            if key == "budget":
                return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role == Qt.ItemDataRole.BackgroundRole:
            part = self._parts[row]
            if self.key(column) == "agencies" and isinstance(part, IndicatorRow) and not part.agencies:
                return QBrush(_MISSING_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not self.columns[column].editable:
            return QBrush(_READONLY_FG)
        if role == UID_ROLE:
            return self._parts[row].uid
        if role == ENTITY_ROLE:
            return self.entity
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return _(self.columns[section].header)
            if role == Qt.ItemDataRole.ToolTipRole:
                return _(self.columns[section].tip)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return display.show_digits(str(section + 1))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Hand the typed value to the committer; True only when it was saved."""
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        if self.committer is None:
            return False
        part = self._parts[index.row()]
        return self.committer(self.entity, part.uid, self.key(index.column()), value)

    def entity_text(self) -> str:
        """The name of the shown parts' kind ('กลยุทธ์'), in the screen's language."""
        return entity_heading(self.entity)
