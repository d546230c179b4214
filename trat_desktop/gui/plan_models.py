"""Qt item models over the plan dataclasses: a strategy > tactic > activity tree and an
indicator-row table. Read-only; every text goes through :mod:`.display`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QObject, Qt

from ..domain.model import Activity, IndicatorRow, Plan, Strategy, Tactic
from ..i18n import N_, _
from . import display

NodeKind = Literal["strategy", "tactic", "activity"]

#: Role returning a node's kind ('strategy', 'tactic' or 'activity') from the tree model.
NODE_KIND_ROLE = Qt.ItemDataRole.UserRole + 1

_ALIGN_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
_ALIGN_TOP_RIGHT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
_ALIGN_TOP_CENTER = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
_ALIGN_TOP_LEFT_INT = int(_ALIGN_TOP_LEFT)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
#: the roles the indicator table answers (display, tooltip, alignment), as plain ints
_TABLE_ROLES = frozenset({_DISPLAY, _TOOLTIP, int(Qt.ItemDataRole.TextAlignmentRole)})


@dataclass(eq=False)
class PlanNode:
    """A tree node wrapping a Strategy, Tactic or Activity (kept alive for internalPointer)."""

    kind: NodeKind
    item: Strategy | Tactic | Activity
    parent: "PlanNode | None"
    row: int
    children: list["PlanNode"] = field(default_factory=list)
    _budget: int | None = field(default=None, repr=False)

    def title(self) -> str:
        if isinstance(self.item, Strategy):
            return display.strategy_text(self.item)
        if isinstance(self.item, Tactic):
            return display.tactic_text(self.item)
        return display.activity_text(self.item)

    def activities(self) -> list[Activity]:
        """The activities at or under this node, in document order."""
        if isinstance(self.item, Activity):
            return [self.item]
        return [a for child in self.children for a in child.activities()]

    def entries(self) -> list[tuple[Activity, IndicatorRow]]:
        """(activity, indicator row) pairs under this node."""
        return [(a, r) for a in self.activities() for r in a.rows]

    def budget_satang(self) -> int:
        """The node's budget (computed once: the tree asks for it on every paint)."""
        if self._budget is None:
            self._budget = sum(r.budget_satang() for _, r in self.entries())
        return self._budget


def build_nodes(plan: Plan) -> list[PlanNode]:
    """The strategy nodes of *plan*, with tactic and activity children."""
    roots = []
    for s_row, strategy in enumerate(plan.strategies):
        s_node = PlanNode("strategy", strategy, None, s_row)
        for t_row, tactic in enumerate(strategy.tactics):
            t_node = PlanNode("tactic", tactic, s_node, t_row)
            t_node.children = [
                PlanNode("activity", activity, t_node, a_row)
                for a_row, activity in enumerate(tactic.activities)
            ]
            s_node.children.append(t_node)
        roots.append(s_node)
    for s_node in roots:  # budgets bottom-up, each row counted once (a strategy node summed every row again)
        for t_node in s_node.children:
            for a_node in t_node.children:
                a_node._budget = sum(r.budget_satang() for r in a_node.item.rows)  # type: ignore[union-attr]
            t_node._budget = sum(a._budget or 0 for a in t_node.children)
        s_node._budget = sum(t._budget or 0 for t in s_node.children)
    return roots


class PlanTreeModel(QAbstractItemModel):
    """Strategies > tactics > activities, with each node's budget in a second column."""

    COL_TITLE = 0
    COL_BUDGET = 1
    HEADERS = (N_("ยุทธศาสตร์ / กลยุทธ์ / โครงการ"), N_("งบประมาณ"))
    HEADER_TIPS = (N_("แผนงาน/โครงการ/กิจกรรม ตามยุทธศาสตร์และกลยุทธ์"), N_("งบประมาณรวม (บาท)"))

    def __init__(self, plan: Plan | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[PlanNode] = []
        if plan is not None:
            self.set_plan(plan)

    def set_plan(self, plan: Plan | None) -> None:
        self.beginResetModel()
        self._roots = build_nodes(plan) if plan is not None else []
        self.endResetModel()

    def node(self, index: QModelIndex) -> PlanNode | None:
        """The node behind *index* (None for the invisible root)."""
        if not index.isValid():
            return None
        return index.internalPointer()  # type: ignore[no-any-return]

    def index_of(self, node: PlanNode, column: int = 0) -> QModelIndex:
        return self.createIndex(node.row, column, node)

    def iter_nodes(self) -> list[PlanNode]:
        """All nodes, depth first."""
        out: list[PlanNode] = []
        stack = list(reversed(self._roots))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out

    @staticmethod
    def budget_text(node: PlanNode) -> str:
        """The budget column's text of *node*."""
        return display.baht_text(node.budget_satang()) if node.budget_satang() else "–"

    def _children(self, parent: QModelIndex) -> list[PlanNode]:
        node = self.node(parent)
        return self._roots if node is None else node.children

    # -- QAbstractItemModel ---------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        children = self._children(parent)
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        if 0 <= row < len(children) and 0 <= column < len(self.HEADERS):
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, *args: Any) -> Any:  # type: ignore[override]
        if not args:  # QObject.parent()
            return super().parent()
        node = self.node(args[0])
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_TITLE:
                return node.title()
            return self.budget_text(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_TITLE:
                count = display.count_text(len(node.entries()), _("ตัวชี้วัด"))
                return f"{node.title()}\n({count})"
            if not node.budget_satang():
                return _("ไม่มีงบประมาณที่เป็นจำนวนเงิน")
            return _("งบประมาณรวม {budget_satang} บาท").format(budget_satang=display.baht_text(node.budget_satang()))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_BUDGET:
            return int(_ALIGN_TOP_RIGHT)
        if role == NODE_KIND_ROLE:
            return node.kind
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(self.HEADER_TIPS[section])
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class IndicatorTableModel(QAbstractTableModel):
    """Indicator rows of one or more activities, one table row per indicator row."""

    COL_ACTIVITY = 0
    COL_INDICATOR = 1
    COL_UNIT = 2
    COL_TARGET = 3
    COL_BUDGET = 4
    COL_PERIOD = 5
    COL_AGENCIES = 6
    COL_EXPECTED = 7
    HEADERS = (
        N_("โครงการ"),
        N_("ตัวชี้วัด"),
        N_("หน่วยนับ"),
        N_("เป้าหมาย"),
        N_("งบประมาณ (บาท)"),
        N_("ระยะเวลา"),
        N_("ผู้รับผิดชอบ"),
        N_("ผลที่คาดว่าจะได้รับ"),
    )
    _ALIGN = {
        COL_UNIT: _ALIGN_TOP_CENTER,
        COL_TARGET: _ALIGN_TOP_CENTER,
        COL_BUDGET: _ALIGN_TOP_RIGHT,
        COL_PERIOD: _ALIGN_TOP_CENTER,
    }
    _ALIGN_INT = {column: int(align) for column, align in _ALIGN.items()}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[tuple[Activity, IndicatorRow]] = []
        self._short_names: dict[str, str] = {}

    def set_agency_names(self, short_names: dict[str, str]) -> None:
        """Short agency names to show instead of the canonical ones (full names stay in tooltips)."""
        self.beginResetModel()
        self._short_names = dict(short_names)
        self.endResetModel()

    def set_entries(self, entries: list[tuple[Activity, IndicatorRow]]) -> None:
        """Show these (activity, indicator row) pairs."""
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def set_activity(self, activity: Activity) -> None:
        self.set_entries([(activity, r) for r in activity.rows])

    def entry(self, row: int) -> tuple[Activity, IndicatorRow]:
        return self._entries[row]

    def activity_count(self) -> int:
        """How many distinct activities the shown rows come from."""
        return len({id(a) for a, _ in self._entries})

    def budget_satang(self) -> int:
        return sum(r.budget_satang() for _, r in self._entries)

    def text(self, row: int, column: int) -> str:
        """The displayed text of a cell."""
        activity, ind = self._entries[row]
        if column == self.COL_ACTIVITY:
            return display.show_digits(activity.code)
        if column == self.COL_INDICATOR:
            return display.show_digits(ind.indicator)
        if column == self.COL_UNIT:
            return display.show_digits(ind.unit)
        if column == self.COL_TARGET:
            return display.target_text(ind)
        if column == self.COL_BUDGET:
            return display.budget_cell_text(ind, self._short_names)
        if column == self.COL_PERIOD:
            return display.quarter_text(ind)
        if column == self.COL_AGENCIES:
            return display.agencies_text(ind, self._short_names)
        if column == self.COL_EXPECTED:
            return display.show_digits(ind.expected_result)
        return ""

    def _tooltip(self, row: int, column: int) -> str | None:
        activity, ind = self._entries[row]
        if column == self.COL_ACTIVITY:
            return display.activity_text(activity)
        if column == self.COL_BUDGET:
            return display.budget_cell_tooltip(ind)
        if column == self.COL_AGENCIES:
            return display.agencies_tooltip(ind) or None
        if column in (self.COL_INDICATOR, self.COL_EXPECTED):
            return self.text(row, column) or None
        if column == self.COL_PERIOD:
            return display.show_digits(_("ไตรมาส {quarter_from} ถึง {quarter_to} ของปีงบประมาณ").format(
                quarter_from=ind.quarter_from, quarter_to=ind.quarter_to))
        return None

    # -- QAbstractTableModel --------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the role first: a view asks ~8 roles per cell (sizing the fitted columns of a big plan's rows
        # asks thousands of cells before the first paint) and most have no answer here
        if role not in _TABLE_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._entries):
            return None
        if role == _DISPLAY:
            return self.text(row, column)
        if role == _TOOLTIP:
            return self._tooltip(row, column)
        return self._ALIGN_INT.get(column, _ALIGN_TOP_LEFT_INT)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return _(self.HEADERS[section])
        if orientation == Qt.Orientation.Vertical:
            return display.show_digits(str(section + 1))
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
