"""The quarterly entry grid as a Qt table model: group header lines for strategies and
activities, then one line per (work item x quarter). Works without any widget.

Columns 0-5 describe the indicator row (the view spans them over the row's quarter lines);
columns 7-10 are what an office types each quarter. Quarters outside the row's period are
greyed and not editable. Edits go to a *committer* (the :class:`EntryController`) which
saves them through the progress service; a refused edit leaves the cell as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from ..domain import display as shared
from ..domain.figures import entry_contradiction
from ..domain import rounds
from ..domain.plan_fit import OUTSIDE_PLAN_TEXT
from ..domain.progress import STATUSES, ProgressEntry
from ..i18n import N_, _, ngettext
from ..services import WorkItem
from . import display
from .quiet_gc import no_gc_pass

LineKind = Literal["strategy", "activity", "quarter"]
Field = Literal["achieved", "spent", "status", "note"]
Committer = Callable[[WorkItem, int, str, Any], bool]
ItemKey = tuple[str, str]  # (indicator_uid, agency_uid)

#: Role giving a line's kind ('strategy', 'activity' or 'quarter').
LINE_KIND_ROLE = Qt.ItemDataRole.UserRole + 20

_GREY_BG = QColor("#eeeeee")
_GREY_FG = QColor("#8a8a8a")
_CURRENT_BG = QColor("#e3f0ff")
_OUTSIDE_BG = QColor("#fdebd3")  # a value kept outside the current plan
_STRATEGY_BG = QColor("#d9e4f1")
_ACTIVITY_BG = QColor("#f1f5fa")
_UNSAVED_BG = QColor("#ffd9b3")
_CONTRADICTION_BG = QColor("#fbd3c4")  # the status says ยังไม่เริ่ม although a result is entered
_COMMENT_BG = QColor("#fff3b0")  # the centre commented on this quarter and the office has not answered
UNSAVED_TIP = N_("ยังไม่ได้บันทึก: ฐานข้อมูลยังไม่ว่าง โปรแกรมจะลองบันทึกค่านี้อีกครั้งเอง")
_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
_TOP_CENTER = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
_TOP_RIGHT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
_RIGHT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
_CENTER = Qt.AlignmentFlag.AlignCenter


def item_key(item: WorkItem) -> ItemKey:
    return (item.indicator_uid, item.agency_uid)


#: the grid's mark of a value saved after the head of office signed its round off ("แก้ไขหลังลงนาม")
CHANGED_MARK = "✎"
_CHANGED_FG = QColor("#b34700")
#: at the centre, on its grid: a row × quarter it commented on, still open (the office has not answered) / answered
OPEN_COMMENT_MARK, ANSWERED_COMMENT_MARK = "●", "✓"
_ANSWERED_BG = QColor("#dcefd9")


class Line(NamedTuple):
    """One table line: a group header, or one quarter of one work item."""

    kind: LineKind
    text: str = ""
    item: WorkItem | None = None
    quarter: int = 0
    span: int = 1  # for the first quarter line of an item: how many lines the item covers

    @property
    def first(self) -> bool:
        return self.kind == "quarter" and self.span > 0

    def in_period(self) -> bool:
        """The quarter is open for entry: inside the row's period, or holding a value kept outside the
        plan that the office may still clear or correct (domain/plan_fit.py)."""
        return self.item is not None and self.item.may_edit(self.quarter)

    def outside(self) -> bool:
        """The quarter holds a value that no longer fits the plan ("อยู่นอกแผนปัจจุบัน")."""
        return self.item is not None and self.quarter in self.item.outside


_icons: dict[str, QIcon] = {}


def evidence_icon() -> QIcon:
    """The mark of a quarter that has evidence attached (the style's file icon)."""
    if "file" not in _icons:
        from PySide6.QtWidgets import QApplication, QStyle

        _icons["file"] = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
    return _icons["file"]


def edit_number_text(value: float | None) -> str:
    """A value as the user edits it: no thousands separators, in the display's digits."""
    if value is None:
        return ""
    text = str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")
    return display.show_digits(text)


class WorkEntryModel(QAbstractTableModel):
    """Work items grouped by strategy and activity, one line per quarter (1-4)."""

    COL_INDICATOR = 0
    COL_UNIT = 1
    COL_TARGET = 2
    COL_PERIOD = 3
    COL_BUDGET = 4
    COL_AGENCY = 5
    COL_QUARTER = 6
    COL_ACHIEVED = 7
    COL_SPENT = 8
    COL_STATUS = 9
    COL_NOTE = 10
    #: marked for the catalog, translated where shown (headerData)
    HEADERS = (N_("ตัวชี้วัด"), N_("หน่วยนับ"), N_("เป้าหมาย"), N_("ระยะเวลา"), N_("งบประมาณ (บาท)"), N_("หน่วยงาน"),
               N_("ไตรมาส"), N_("ผลการดำเนินงาน"), N_("ใช้จ่ายจริง (บาท)"), N_("สถานะ"), N_("หมายเหตุ"))
    HEADER_TIPS = (
        N_("ตัวชี้วัดตามแผนปฏิบัติการ"), N_("หน่วยนับของตัวชี้วัด"), N_("ค่าเป้าหมายตามแผน"),
        N_("ไตรมาสที่ต้องดำเนินการ"), N_("งบประมาณที่หน่วยงานได้รับสำหรับตัวชี้วัดนี้"), N_("หน่วยงานที่รับผิดชอบ"),
        N_("ไตรมาสของปีงบประมาณ"), N_("ผลที่ทำได้ในไตรมาสนี้ (พิมพ์เลขไทยหรือเลขอารบิกก็ได้)"),
        N_("งบประมาณที่ใช้จ่ายในไตรมาสนี้ (บาท)"), N_("สถานะการดำเนินงาน"), N_("หมายเหตุหรือรายละเอียดเพิ่มเติม"),
    )
    INFO_COLUMNS = (COL_INDICATOR, COL_UNIT, COL_TARGET, COL_PERIOD, COL_BUDGET, COL_AGENCY)
    FIELDS: dict[int, Field] = {COL_ACHIEVED: "achieved", COL_SPENT: "spent", COL_STATUS: "status", COL_NOTE: "note"}
    EDIT_COLUMNS = tuple(FIELDS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []
        self._items: list[WorkItem] = []
        self._strategy_titles: dict[int, str] = {}
        self._quarter_filter: int | None = None
        self._current_quarter: int | None = None
        self._short_names: dict[str, str] = {}
        self._evidence: dict[tuple[str, str, int], int] = {}
        #: items whose evidence counts are known (set, or asked of the counter)
        self._evidence_known: set[ItemKey] = set()
        #: asked for an item's counts {quarter: files} the first time it is shown (None: all known)
        self.evidence_counter: Callable[[WorkItem], dict[int, int]] | None = None
        #: (indicator uid, agency uid, quarter) -> the centre's comments not yet answered
        self._comments: dict[tuple[str, str, int], list[str]] = {}
        #: at the centre (set_review_comments): its comments the office answered, as (comment, answer)
        self._answered: dict[tuple[str, str, int], list[tuple[str, str]]] | None = None
        #: agency uid -> quarter -> the office's last sign-off covering it
        self._signed: dict[str, dict[int, str]] = {}
        self._unsaved: dict[tuple[str, str, int, str], str] = {}
        #: (indicator uid, agency uid, quarter) -> line, and the items by key (made with the lines)
        self._rows: dict[tuple[str, str, int], int] | None = None
        self._by_key: dict[ItemKey, WorkItem] | None = None
        self.committer: Committer | None = None

    # -- content --------------------------------------------------------------------
    def set_items(self, items: list[WorkItem], strategy_titles: dict[int, str] | None = None,
                  short_names: dict[str, str] | None = None) -> None:
        """Show these work items (in plan order), grouped under their strategy and activity."""
        self._items = list(items)
        self._strategy_titles = dict(strategy_titles or {})
        if short_names is not None:
            self._short_names = dict(short_names)
        self._rebuild()

    def set_evidence_counts(self, counts: dict[tuple[str, str, int], int],
                            counter: Callable[[WorkItem], dict[int, int]] | None = None) -> None:
        """How many evidence files each (indicator uid, agency uid, quarter) has (shown as an icon).
        With *counter*, an item missing from *counts* is asked for when it is first shown (a big
        grid asks for the items in view only)."""
        self._evidence = {key: n for key, n in counts.items() if n}
        self._evidence_known = {(key[0], key[1]) for key in counts}
        self.evidence_counter = counter
        self.refresh()

    def set_evidence_count(self, indicator_uid: str, agency_uid: str, quarter: int, count: int) -> None:
        """One quarter's evidence count changed (after an attach or a removal)."""
        key = (indicator_uid, agency_uid, quarter)
        shown = self._by_key_map().get((indicator_uid, agency_uid))
        if shown is not None:
            self.evidence_count(shown, quarter)  # the item's other quarters are known first
        if count:
            self._evidence[key] = count
        else:
            self._evidence.pop(key, None)
        row = self.row_of((indicator_uid, agency_uid), quarter)
        if row >= 0:
            self.dataChanged.emit(self.index(row, self.COL_QUARTER), self.index(row, self.COL_QUARTER))

    def set_unsaved(self, item: WorkItem, quarter: int, field: str, text: str | None) -> None:
        """A typed value not saved yet (shown as typed, marked) or, with None, no longer."""
        key = (item.indicator_uid, item.agency_uid, quarter, field)
        if text is None:
            self._unsaved.pop(key, None)
        else:
            self._unsaved[key] = text
        row = self.row_of(item, quarter)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def unsaved_text(self, row: int, column: int) -> str | None:
        line = self._lines[row]
        field = self.FIELDS.get(column)
        if line.item is None or field is None:
            return None
        return self._unsaved.get((line.item.indicator_uid, line.item.agency_uid, line.quarter, field))

    def set_comments(self, comments: dict[tuple[str, str, int], list[str]]) -> None:
        """The centre's open comments per row × quarter (flagged until answered)."""
        self._comments = {k: v for k, v in comments.items() if v}
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(self.HEADERS) - 1))

    def set_review_comments(self, comments: dict[tuple[str, str, int], list[tuple[str, str]]] | None) -> None:
        """At the centre: its comments per row × quarter as (text, the office's answer; '' while open). Open ones
        are flagged as on the office's grid and marked ●; answered ones are marked ✓ and show the answer.
        None: not the centre's grid (the office's open comments come from set_comments)."""
        if comments is None:
            self._answered = None
            return
        self._answered = {k: [(t, a) for t, a in v if a] for k, v in comments.items() if any(a for _t, a in v)}
        self.set_comments({k: [t for t, a in v if not a] for k, v in comments.items()})

    def comment_mark(self, item: WorkItem, quarter: int) -> str:
        """The centre's mark of its comments on a row × quarter ('' on the office's grid or without comments)."""
        if self._answered is None:
            return ""
        if self.comments_of(item, quarter):
            return OPEN_COMMENT_MARK
        return ANSWERED_COMMENT_MARK if (item.indicator_uid, item.agency_uid, quarter) in self._answered else ""

    def set_signoffs(self, signed: dict[str, dict[int, str]]) -> None:
        """Agency uid -> quarter -> its last sign-off covering it: values saved after it show "แก้ไขหลังลงนาม"."""
        self._signed = dict(signed)
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(self.HEADERS) - 1))

    def changed_after_signoff(self, item: WorkItem, quarter: int) -> bool:
        entry = item.entries.get(quarter)
        return entry is not None and rounds.changed_after_signoff(quarter, entry.updated_at or "",
                                                                   self._signed.get(item.agency_uid, {}))

    def comments_of(self, item: WorkItem, quarter: int) -> list[str]:
        return self._comments.get((item.indicator_uid, item.agency_uid, quarter), [])

    def evidence_count(self, item: WorkItem, quarter: int) -> int:
        key = item_key(item)
        if key not in self._evidence_known and self.evidence_counter is not None:
            self._evidence_known.add(key)
            for q, count in self.evidence_counter(item).items():
                if count:
                    self._evidence[(key[0], key[1], q)] = count
        return self._evidence.get((item.indicator_uid, item.agency_uid, quarter), 0)

    def set_quarter_filter(self, quarter: int | None) -> None:
        """Show only this quarter's line of each item (None: all four quarters)."""
        if quarter != self._quarter_filter:
            self._quarter_filter = quarter
            self._rebuild()

    def quarter_filter(self) -> int | None:
        return self._quarter_filter

    def set_current_quarter(self, quarter: int | None) -> None:
        """The quarter to highlight (today's, when the plan's year is the current one)."""
        self._current_quarter = quarter
        self.refresh()

    def current_quarter(self) -> int | None:
        return self._current_quarter

    def refresh(self) -> None:
        """Re-read every text (e.g. after switching Thai/Arabic digits)."""
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(self.HEADERS) - 1))

    def _rebuild(self) -> None:
        with no_gc_pass():
            self._make_lines()

    def _make_lines(self) -> None:
        self.beginResetModel()
        lines: list[Line] = []
        group: tuple[object, ...] | None = None
        strategy: int | None = None
        quarters = [self._quarter_filter] if self._quarter_filter else [1, 2, 3, 4]
        for item in self._items:
            if item.strategy != strategy:
                strategy = item.strategy
                title = self._strategy_titles.get(strategy, "")
                lines.append(Line("strategy", _("ยุทธศาสตร์ที่ {number} {title}").format(number=strategy, title=title).strip()))
            key = (item.strategy_uid, item.activity_uid) if item.activity_uid else (item.strategy, item.activity_code)
            if key != group:
                group = key
                lines.append(Line("activity", _("โครงการ/กิจกรรม {code} {title}").format(
                    code=item.activity_code, title=item.activity_title)))
            for n, quarter in enumerate(quarters):
                lines.append(Line("quarter", item=item, quarter=quarter, span=len(quarters) if n == 0 else 0))
        self._lines = lines
        self._rows = None  # made when first asked for (row_of)
        self._by_key = None
        self.endResetModel()

    def _rows_map(self) -> dict[tuple[str, str, int], int]:
        if self._rows is None:
            self._rows = {(line.item.indicator_uid, line.item.agency_uid, line.quarter): row
                          for row, line in enumerate(self._lines) if line.item is not None}
        return self._rows

    def _by_key_map(self) -> dict[ItemKey, WorkItem]:
        if self._by_key is None:
            self._by_key = {item_key(item): item for item in self._items}
        return self._by_key

    # -- lookups --------------------------------------------------------------------
    def items(self) -> list[WorkItem]:
        return list(self._items)

    def item_count(self) -> int:
        return len(self._items)

    def line(self, row: int) -> Line:
        return self._lines[row]

    def lines(self) -> list[Line]:
        return list(self._lines)

    def row_of(self, key: ItemKey | WorkItem, quarter: int) -> int:
        """The line of an item's quarter, or -1 when it is not shown."""
        if isinstance(key, WorkItem):
            key = item_key(key)
        return self._rows_map().get((key[0], key[1], quarter), -1)

    def index_of(self, key: ItemKey | WorkItem, quarter: int, column: int) -> QModelIndex:
        row = self.row_of(key, quarter)
        return self.index(row, column) if row >= 0 else QModelIndex()

    def field_of(self, column: int) -> Field | None:
        return self.FIELDS.get(column)

    def update_entry(self, entry: ProgressEntry) -> None:
        """Show a saved entry (after an undo or redo) in the item it belongs to."""
        item = self._by_key_map().get((entry.indicator_uid, entry.agency_uid))
        if item is not None:
            item.entries[entry.quarter] = entry
            row = self.row_of(item, entry.quarter)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    # -- texts ----------------------------------------------------------------------
    def text(self, row: int, column: int) -> str:
        """The displayed text of a cell."""
        line = self._lines[row]
        if line.kind != "quarter":
            return display.show_digits(line.text) if column == 0 else ""
        item = line.item
        assert item is not None
        if column in self.INFO_COLUMNS:
            return self._info_text(item, column) if line.first else ""
        if column == self.COL_QUARTER:
            changed = f" {CHANGED_MARK}" if self.changed_after_signoff(item, line.quarter) else ""
            mark = self.comment_mark(item, line.quarter)
            return display.show_digits(_("ไตรมาส {quarter}").format(quarter=line.quarter)) + changed + (f" {mark}" if mark else "")
        if not line.in_period():
            return _("นอกระยะเวลา") if column == self.COL_ACHIEVED else ""
        unsaved = self.unsaved_text(row, column)
        if unsaved is not None:
            return unsaved
        entry = item.entry(line.quarter)
        if column == self.COL_ACHIEVED:
            value = shared.number_text(entry.achieved, display.thai_digits_enabled())
            if line.outside():
                return f"{value} ({OUTSIDE_PLAN_TEXT})" if value else OUTSIDE_PLAN_TEXT
            return value
        if column == self.COL_SPENT:
            return display.baht_text(entry.spent_satang) if entry.spent_satang is not None else ""
        if column == self.COL_STATUS:
            return display.status_text(entry.status)
        if column == self.COL_NOTE:
            return display.show_digits(entry.note)
        return ""

    def _info_text(self, item: WorkItem, column: int) -> str:
        if column == self.COL_INDICATOR:
            return display.show_digits(item.indicator)
        if column == self.COL_UNIT:
            return item.unit
        if column == self.COL_TARGET:
            return display.target_text(item.row)
        if column == self.COL_PERIOD:
            return display.quarter_text(item.row)
        if column == self.COL_BUDGET:
            return display.baht_text(item.allocated_satang) if item.allocated_satang is not None else "–"
        if column == self.COL_AGENCY:
            return display.agency_label(item.agency_name, self._short_names)
        return ""

    def edit_text(self, row: int, column: int) -> str:
        """What an editor starts with: numbers without separators."""
        line = self._lines[row]
        if line.item is None:
            return ""
        unsaved = self.unsaved_text(row, column)
        if unsaved is not None:
            return unsaved
        entry = line.item.entry(line.quarter)
        if column == self.COL_ACHIEVED:
            return edit_number_text(entry.achieved)
        if column == self.COL_SPENT:
            return edit_number_text(None if entry.spent_satang is None else entry.spent_satang / 100)
        if column == self.COL_NOTE:
            return entry.note
        if column == self.COL_STATUS and line.in_period():
            return STATUSES.get(entry.status, entry.status)  # the stored word (the editor's items carry it)
        return self.text(row, column)

    def _tooltip(self, row: int, column: int) -> str | None:
        line = self._lines[row]
        if line.kind != "quarter":
            return display.show_digits(line.text)
        item = line.item
        assert item is not None
        if column == self.COL_INDICATOR:
            return display.show_digits(item.indicator + "\n" + _("(รหัส {code})").format(code=item.id))
        if column == self.COL_BUDGET:
            return display.budget_cell_tooltip(item.row) or None
        if column == self.COL_AGENCY:
            return item.agency_name
        if column in self.EDIT_COLUMNS and line.in_period() and self.unsaved_text(row, column) is not None:
            return _(UNSAVED_TIP)
        if column in self.EDIT_COLUMNS or column == self.COL_QUARTER:
            if line.outside():
                return display.show_digits(item.outside[line.quarter].message() +
                                           "\n" + _("ค่านี้ยังเก็บไว้ ล้างหรือแก้ไขได้ และส่งออกได้ตามปกติ"))
            if not line.in_period():
                return display.show_digits(_("ไตรมาส {quarter} อยู่นอกระยะเวลาดำเนินการ ({period}) จึงบันทึกผลไม่ได้")
                                           .format(quarter=line.quarter, period=display.quarter_text(item.row)))
            entry = item.entries.get(line.quarter)
            parts = []
            if entry is not None and entry.updated_at:
                when = display.timestamp_text(entry.updated_at)
                parts.append(display.show_digits(
                    _("บันทึกล่าสุด {when} โดย {reporter}").format(when=when, reporter=entry.reporter) if entry.reporter
                    else _("บันทึกล่าสุด {when}").format(when=when)))
            files = self.evidence_count(item, line.quarter)
            if files and column == self.COL_QUARTER:
                parts.append(display.show_digits(ngettext("มีหลักฐานแนบ {count} ไฟล์", "มีหลักฐานแนบ {count} ไฟล์", files)
                                                 .format(count=files)))
            if self.changed_after_signoff(item, line.quarter):
                parts.append(f"{CHANGED_MARK} {_(rounds.CHANGED_AFTER_SIGNOFF)}: " +
                             _("ค่านี้บันทึกหลังหัวหน้าส่วนราชการลงนามส่งรายงานรอบที่ครอบคลุมไตรมาสนี้ "
                               "(ประวัติการแก้ไขเก็บไว้ครบ)"))
            for text in self.comments_of(item, line.quarter):
                said = _("ความเห็นจากศูนย์ฯ (ยังไม่ได้ตอบ): {text}").format(text=text)
                parts.append(f"{self.comment_mark(item, line.quarter)} {said}".lstrip())
            for text, answer in (self._answered or {}).get((item.indicator_uid, item.agency_uid, line.quarter), []):
                parts.append(f"{ANSWERED_COMMENT_MARK} " + _("ความเห็นจากศูนย์ฯ (หน่วยงานตอบแล้ว): {text}\nคำตอบ: {answer}")
                             .format(text=text, answer=answer))
            clash = entry_contradiction(entry)
            if clash and column in (self.COL_STATUS, self.COL_ACHIEVED):
                parts.append(_(clash))
            return "\n".join(parts) or None
        return None

    # -- QAbstractTableModel --------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        row, column = index.row(), index.column()
        line = self._lines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.kind == "quarter" and line.in_period() and self.unsaved_text(row, column) is not None:
                return QBrush(_UNSAVED_BG)
            return self._background(line, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.COL_QUARTER and line.item is not None and self.changed_after_signoff(line.item, line.quarter):
                return QBrush(_CHANGED_FG)
            if line.kind == "quarter" and column not in self.INFO_COLUMNS and not line.in_period():
                return QBrush(_GREY_FG)
            if column == self.COL_STATUS and line.item is not None and line.quarter not in line.item.entries:
                return QBrush(_GREY_FG)  # nothing reported yet: the default status, greyed
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == self.COL_QUARTER and line.item is not None and self.evidence_count(line.item, line.quarter):
                return evidence_icon()
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._font(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._alignment(line, column))
        if role == LINE_KIND_ROLE:
            return line.kind
        return None

    def _background(self, line: Line, column: int) -> QBrush | None:
        if line.kind == "strategy":
            return QBrush(_STRATEGY_BG)
        if line.kind == "activity":
            return QBrush(_ACTIVITY_BG)
        if column in self.INFO_COLUMNS:
            return None
        if line.outside():
            return QBrush(_OUTSIDE_BG)
        if not line.in_period():
            return QBrush(_GREY_BG)
        if column == self.COL_QUARTER and line.item is not None and self.comments_of(line.item, line.quarter):
            return QBrush(_COMMENT_BG)
        if column == self.COL_QUARTER and line.item is not None and self.comment_mark(line.item, line.quarter):
            return QBrush(_ANSWERED_BG)  # at the centre: every comment here answered
        if (column == self.COL_STATUS and line.item is not None
                and entry_contradiction(line.item.entries.get(line.quarter))):
            return QBrush(_CONTRADICTION_BG)  # "ยังไม่เริ่ม" with a result (domain/figures.py)
        if line.quarter == self._current_quarter:
            return QBrush(_CURRENT_BG)
        return None

    def _font(self, line: Line, column: int) -> QFont | None:
        bold = line.kind == "strategy" or (
            line.kind == "quarter" and column == self.COL_QUARTER and line.quarter == self._current_quarter)
        italic = line.kind == "quarter" and column == self.COL_ACHIEVED and not line.in_period()
        if not (bold or italic):
            return None
        font = QFont()
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def _alignment(self, line: Line, column: int) -> Qt.AlignmentFlag:
        if line.kind != "quarter":
            return _LEFT
        if column in (self.COL_UNIT, self.COL_TARGET, self.COL_PERIOD):
            return _TOP_CENTER
        if column == self.COL_BUDGET:
            return _TOP_RIGHT
        if column in (self.COL_INDICATOR, self.COL_AGENCY):
            return _TOP_LEFT
        if column == self.COL_QUARTER:
            return _CENTER
        if column in (self.COL_ACHIEVED, self.COL_SPENT) and line.in_period():
            return _RIGHT
        return _LEFT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _(self.HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return _(self.HEADER_TIPS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return Qt.ItemFlag.NoItemFlags
        line = self._lines[index.row()]
        if line.kind != "quarter":
            return Qt.ItemFlag.ItemIsEnabled
        if index.column() in self.EDIT_COLUMNS:
            if not line.in_period():
                return Qt.ItemFlag.NoItemFlags  # greyed: neither enabled nor editable
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def is_editable(self, row: int, column: int) -> bool:
        """What :meth:`flags` says of editing, without making an index (the grid's keys ask often)."""
        if column not in self.FIELDS or not 0 <= row < len(self._lines):
            return False
        line = self._lines[row]
        return line.kind == "quarter" and line.in_period()

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Hand the typed value to the committer; True only when it was saved."""
        if role != Qt.ItemDataRole.EditRole or not self.is_editable(index.row(), index.column()):
            return False
        line = self._lines[index.row()]
        field = self.field_of(index.column())
        if self.committer is None or field is None or line.item is None:
            return False
        if not self.committer(line.item, line.quarter, field, value):
            return False
        row = index.row()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
        return True
