"""The consolidated progress table as a Qt model over ``OverviewService.rows()``: one line
per indicator row x responsible office, or one line per row with its offices summarised.

Built for big plans (≈16,800 lines): every line's texts, numeric sort keys and a
lower-case search string are computed once (:func:`build_lines`, plain Python, so it can
run in a worker thread); filtering is a substring test over those strings in Python and
the proxy only reads a ready mask; sorting orders the lines by their keys in one Python
sort instead of Qt calling ``data()`` n·log n times.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Union

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ..domain import display as shared
from ..domain.plan_fit import OUTSIDE_PLAN_TEXT
from ..domain.thai import to_arabic_digits
from ..i18n import N_, _
from ..services.overview import AgencyProgress, RowOverview
from . import display

Index = Union[QModelIndex, QPersistentModelIndex]
#: Role giving a cell's sort key: a float for numbers (-1 when empty), else the text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 30
#: Role giving a line's search string (lower case, Arabic digits, every column).
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 31

(COL_STRATEGY, COL_CODE, COL_INDICATOR, COL_UNIT, COL_TARGET, COL_OFFICE, COL_REPORTED, COL_ACHIEVED,
 COL_ON_TARGET, COL_ALLOCATED, COL_SPENT, COL_SPENT_SHARE) = range(12)
#: Column headers; two lines where the column's values are narrower than the words.
HEADERS = (N_("ยุทธศาสตร์"), N_("รหัส"), N_("ตัวชี้วัด"), N_("หน่วยนับ"), N_("เป้าหมาย"), N_("หน่วยงาน"), N_("รายงาน\nไตรมาส"),
           N_("ผลสะสม"), N_("ถึง\nเป้าหมาย"), N_("งบประมาณ\n(บาท)"), N_("ใช้จ่ายแล้ว\n(บาท)"), N_("ใช้ไป\n(%)"))
HEADER_TIPS = (N_("ยุทธศาสตร์ที่"), N_("รหัสแผนงาน/โครงการ/กิจกรรม"), N_("ตัวชี้วัด"), N_("หน่วยนับของตัวชี้วัด"), N_("ค่าเป้าหมาย"),
               N_("หน่วยงานผู้รับผิดชอบ"), N_("การรายงานผลของไตรมาสที่เลือก"), N_("ผลการดำเนินงานสะสมถึงปัจจุบัน"),
               N_("ผลสัมฤทธิ์: บรรลุ / ใกล้เคียง / ต่ำกว่าเป้า (ร้อยละความสำเร็จ ตามเกณฑ์ที่ศูนย์ฯ กำหนด)"), N_("งบประมาณที่ได้รับ"), N_("งบประมาณที่ใช้จ่ายแล้วทุกไตรมาส"),
               N_("ร้อยละของงบประมาณที่ใช้จ่ายแล้ว"))
NUMERIC = (COL_STRATEGY, COL_CODE, COL_TARGET, COL_REPORTED, COL_ACHIEVED, COL_ON_TARGET, COL_ALLOCATED,
           COL_SPENT, COL_SPENT_SHARE)
_RIGHT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
_ALIGN = {COL_STRATEGY: _CENTER, COL_CODE: _CENTER, COL_UNIT: _CENTER, COL_TARGET: _RIGHT, COL_REPORTED: _CENTER,
          COL_ACHIEVED: _RIGHT, COL_ON_TARGET: _CENTER, COL_ALLOCATED: _RIGHT, COL_SPENT: _RIGHT,
          COL_SPENT_SHARE: _RIGHT}
_MISSING = QBrush(QColor("#fde2e1"))
_GOOD = QBrush(QColor("#dff3e4"))
_NEAR = QBrush(QColor("#fff3c4"))
_CLASH = QBrush(QColor("#fbd3c4"))  # status and result contradict (domain/figures.py)
NOT_DUE, MISSING, REPORTED = -1, 0, 1
DASH = "–"


def search_text(text: str) -> str:
    """How text is compared when filtering: case-folded, Arabic digits."""
    return to_arabic_digits(text).casefold()


@dataclass(slots=True)
class OverviewLine:
    """One table line: a row (and one of its offices, in per-office mode) with its texts."""

    row: RowOverview
    office: AgencyProgress | None
    order: int
    texts: list[str]
    keys: list[Any]
    search: str
    reported: int = NOT_DUE
    on_target: bool | None = None
    #: the office's band (per-office lines): achieved / near / below / None
    band: str | None = None
    #: a status that contradicts the result ("ยังไม่เริ่ม" with a value), '' when none
    contradiction: str = ""

    def offices(self) -> list[AgencyProgress]:
        return [self.office] if self.office is not None else list(self.row.offices)


def _code_key(strategy: int, code: str) -> float:
    tactic, _dot, activity = code.partition(".")
    try:
        return strategy * 1_000_000 + int(tactic) * 1000 + int(activity)
    except ValueError:
        return float(strategy * 1_000_000)


def _number(value: float | None) -> str:
    return shared.number_text(value, display.thai_digits_enabled()) if value is not None else DASH


def _fraction(count: int, total: int) -> str:
    return display.show_digits(_("{count}/{total} หน่วยงาน").format(count=count, total=total))


def _label(name: str, short_names: dict[str, str]) -> str:
    return display.agency_label(name, short_names)


def _cached_search(cache: dict[str, str] | None, key: str, parts: Sequence[str]) -> str:
    """search_text of the joined parts, once per key (rows and offices repeat over lines)."""
    if cache is None:
        return search_text("\x1f".join(parts))
    found = cache.get(key)
    if found is None:
        found = cache[key] = search_text("\x1f".join(parts))
    return found


def fill_line(line: OverviewLine, quarter: int, short_names: dict[str, str],
              cache: dict[str, str] | None = None) -> None:
    """Compute a line's texts, keys and search string for *quarter* (*cache*: shared search parts)."""
    row, offices = line.row, line.offices()
    # one rule (domain.reporting.standing) for the quarter shown, as in the dashboard and the reports:
    # results, targets and spending to the end of that quarter
    standings = [row.standing(o, quarter) for o in offices]
    due = row.quarter_from <= quarter <= row.quarter_to
    reported = sum(1 for st in standings if st.is_due and st.complete)
    on_target = [st.on_target for st in standings]
    achieved = [st.achieved for st in standings]
    allocated = [o.allocated_satang for o in offices]
    spent = sum(st.spent_satang for st in standings)
    alloc_total = sum(a or 0 for a in allocated) if any(a is not None for a in allocated) else None
    texts = [display.show_digits(str(row.strategy)), display.show_digits(row.activity_code),
             display.show_digits(row.indicator or _("(ไม่ระบุตัวชี้วัด)")), row.unit, _number(row.target)]
    keys: list[Any] = [float(row.strategy), _code_key(row.strategy, row.activity_code), texts[2], row.unit,
                       row.target if row.target is not None else -1.0]
    if line.office is not None:
        office = line.office
        texts.append(_label(office.agency_name, short_names))
        line.reported = NOT_DUE if not due else (REPORTED if reported else MISSING)
        texts.append({NOT_DUE: _("นอกระยะเวลา"), MISSING: _("ยังไม่รายงาน"), REPORTED: _("รายงานแล้ว")}[line.reported])
        keys += [texts[-2], float(line.reported)]
        line.on_target = on_target[0]
        line.band = standings[0].band
        line.contradiction = standings[0].contradiction
        texts.append(_number(achieved[0]) + (f" ({_(OUTSIDE_PLAN_TEXT)} {display.show_digits(str(len(office.outside)))})"
                                             if office.outside else ""))
        keys.append(achieved[0] if achieved[0] is not None else -1.0)
        texts.append(band_text(standings[0]))  # the band and on-target are one rule (domain/figures.py)
        share = standings[0].achievement_pct
        keys.append(share if share is not None else -1.0)
    else:
        texts.append(", ".join(_label(o.agency_name, short_names) for o in offices))
        line.reported = NOT_DUE if not due else (REPORTED if reported == len(offices) else MISSING)
        texts.append(_fraction(reported, len(offices)) if due else _("นอกระยะเวลา"))
        keys += [texts[-2], reported / len(offices) if due and offices else -1.0]
        hits = sum(1 for t in on_target if t)
        line.on_target = bool(offices) and hits == len(offices)
        line.contradiction = next((st.contradiction for st in standings if st.contradiction), "")
        values = [a for a in achieved if a is not None]
        kept = row.outside_count()
        texts.append((", ".join(_number(a) for a in achieved) if values else DASH)
                     + (f" ({_(OUTSIDE_PLAN_TEXT)} {display.show_digits(str(kept))})" if kept else ""))
        keys.append(sum(values) / len(values) if values else -1.0)
        texts.append(_fraction(hits, len(offices)) if any(t is not None for t in on_target) else DASH)
        keys.append(hits / len(offices) if offices else -1.0)
    texts.append(display.baht_text(alloc_total) if alloc_total is not None else DASH)
    keys.append(float(alloc_total) if alloc_total is not None else -1.0)
    texts.append(display.baht_text(spent) if spent else DASH)
    keys.append(float(spent))
    share = spent * 100 / alloc_total if alloc_total else None
    texts.append(display.show_digits(f"{share:,.1f}") if share is not None else DASH)
    keys.append(share if share is not None else -1.0)
    line.texts, line.keys = texts, keys
    fixed = _cached_search(cache, "row:" + row.indicator_uid, [*texts[:5], row.activity_title, row.id])
    who = (_cached_search(cache, "office:" + line.office.agency_uid, [texts[5], line.office.agency_name])
           if line.office is not None else search_text(texts[5] + " " + " ".join(o.agency_name for o in offices)))
    line.search = "\x1f".join([fixed, who, search_text("\x1f".join(texts[6:]))])


def band_text(st: Any) -> str:
    """'บรรลุ (100%)', 'ใกล้เคียง (85%)', 'ต่ำกว่าเป้า (40%)' from a standing; a dash without a band."""
    if st.band is None:
        return DASH
    return display.band_text(st.band) + display.show_digits(f" ({shared.number_text(st.achievement_pct, False)}%)")


def figures_text(row: RowOverview, office: AgencyProgress, quarter: int) -> str:
    """An office's figures on a row to the end of *quarter*, in words, with the rule (tooltip and detail pane)."""
    st = row.standing(office, quarter)
    parts = [_("{agency_name}: ผลสะสม {achieved} จากเป้าหมาย {target} {unit}").format(
        agency_name=office.agency_name, achieved=_number(st.achieved), target=_number(row.target),
        unit=row.unit).rstrip()]
    if st.band is not None:
        parts.append(_("ร้อยละความสำเร็จ {achievement_pct} · {band}").format(
            achievement_pct=_number(st.achievement_pct), band=display.band_text(st.band)))
    if office.allocated_satang:
        spent = st.spent_satang
        from ..domain.figures import balance_text
        from ..i18n import language

        parts.append(_("งบประมาณ {allocated_satang} บาท ใช้ไป {spent} บาท {balance} ร้อยละการเบิกจ่าย {rate}").format(
            allocated_satang=display.baht_text(office.allocated_satang), spent=display.baht_text(spent),
            balance=balance_text(office.allocated_satang, spent, display.baht_text, language()),
            rate=_number(round(100 * spent / office.allocated_satang, 2))))
    if st.contradiction:
        parts.append("⚠ " + _(st.contradiction))
    return display.show_digits("\n".join(parts))


NARRATIVE_LABELS = (("note", N_("ผลการดำเนินงาน")), ("problems", N_("ปัญหาอุปสรรค")), ("suggestions", N_("ข้อเสนอแนะ/แนวทางแก้ไข")))


def narrative_text(office: AgencyProgress, quarter: int | None = None) -> str:
    """What the office wrote (ผลการดำเนินงาน, ปัญหาอุปสรรค, ข้อเสนอแนะ) per quarter (only *quarter* when given)."""
    blocks = []
    for q, entry in sorted(office.entries.items()):
        if quarter is not None and q != quarter:
            continue
        said = [f"{_(label)}: {getattr(entry, key).strip()}" for key, label in NARRATIVE_LABELS
                if getattr(entry, key, "").strip()]
        if said:
            blocks.append(display.show_digits(_("ไตรมาส {quarter}").format(quarter=q)) + "\n" + "\n".join(said))
    return "\n".join(blocks)


def build_lines(rows: Sequence[RowOverview], quarter: int, per_office: bool,
                short_names: dict[str, str]) -> list[OverviewLine]:
    """The table's lines in plan order (plain Python: safe in a worker thread)."""
    lines: list[OverviewLine] = []
    cache: dict[str, str] = {}
    for row in rows:
        for office in (row.offices if per_office else [None]):
            line = OverviewLine(row, office, len(lines), [], [], "")
            fill_line(line, quarter, short_names, cache)
            lines.append(line)
    return lines


class OverviewTableModel(QAbstractTableModel):
    """Lines of the consolidated view with ready texts, sort keys, search strings and a filter mask."""

    COL_STRATEGY, COL_CODE, COL_INDICATOR, COL_UNIT, COL_TARGET, COL_OFFICE = range(6)
    COL_REPORTED, COL_ACHIEVED, COL_ON_TARGET, COL_ALLOCATED, COL_SPENT, COL_SPENT_SHARE = range(6, 12)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RowOverview] = []
        self.quarter = 1
        self.per_office = True
        self.short_names: dict[str, str] = {}
        self._lines: list[OverviewLine] = []
        self._terms: list[str] = []
        #: per line (in the current order): does it pass the filter? None: no filter
        self.accepted: list[bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    # -- content --------------------------------------------------------------------
    def set_rows(self, rows: Sequence[RowOverview], quarter: int, per_office: bool | None = None,
                 short_names: dict[str, str] | None = None, lines: list[OverviewLine] | None = None) -> None:
        """Show *rows* (the lines may be prepared already, e.g. by a worker thread)."""
        self.rows, self.quarter = list(rows), quarter
        if per_office is not None:
            self.per_office = per_office
        if short_names is not None:
            self.short_names = dict(short_names)
        self.beginResetModel()
        self._lines = lines if lines is not None else build_lines(self.rows, quarter, self.per_office,
                                                                  self.short_names)
        self._order_lines()
        self._refilter()
        self.endResetModel()

    def set_per_office(self, per_office: bool) -> None:
        if per_office != self.per_office:
            self.set_rows(self.rows, self.quarter, per_office)

    def set_quarter(self, quarter: int) -> None:
        """Show whether each office reported in *quarter* (no re-reading of the rows)."""
        if quarter == self.quarter:
            return
        self.quarter = quarter

        def refill() -> None:
            cache: dict[str, str] = {}
            for line in self._lines:
                fill_line(line, quarter, self.short_names, cache)

        self._relayout(refill)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_REPORTED, COL_REPORTED)

    def refresh(self) -> None:
        """Re-render every text (e.g. after switching Thai/Arabic digits)."""
        self.set_rows(self.rows, self.quarter)

    def line(self, row: int) -> OverviewLine:
        return self._lines[row]

    def lines(self) -> list[OverviewLine]:
        return list(self._lines)

    # -- filtering and sorting --------------------------------------------------------
    def set_query(self, text: str) -> bool:
        """Filter on every term of *text* (all must occur in a line); True if the filter changed."""
        terms = search_text(text).split()
        if terms == self._terms:
            return False
        self._terms = terms
        self._refilter()
        return True

    def _refilter(self) -> None:
        terms = self._terms
        if not terms:
            self.accepted = None
        elif len(terms) == 1:
            term = terms[0]
            self.accepted = [term in line.search for line in self._lines]
        else:
            self.accepted = [all(t in line.search for t in terms) for line in self._lines]

    @property
    def terms(self) -> list[str]:
        """The words the lines are filtered on."""
        return list(self._terms)

    def accepted_count(self) -> int:
        return len(self._lines) if self.accepted is None else sum(self.accepted)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the lines by their sort keys (column -1: plan order), keeping persistent indexes."""
        self._sort = (column, order)
        self._relayout(lambda: None)

    def _relayout(self, change: Callable[[], None]) -> None:
        """Apply *change* to the lines, re-order and re-filter them, move persistent indexes along."""
        self.layoutAboutToBeChanged.emit()
        old_rows = {id(line): n for n, line in enumerate(self._lines)}
        change()
        self._order_lines()
        self._refilter()
        by_old = [0] * len(self._lines)
        for n, line in enumerate(self._lines):
            by_old[old_rows[id(line)]] = n
        persistent = self.persistentIndexList()
        if persistent:
            self.changePersistentIndexList(
                persistent, [self.index(by_old[i.row()], i.column()) if i.isValid() else QModelIndex()
                             for i in persistent])
        self.layoutChanged.emit()

    def _order_lines(self) -> None:
        column, order = self._sort
        if 0 <= column < len(HEADERS):
            descending = order == Qt.SortOrder.DescendingOrder
            self._lines.sort(key=lambda line: line.order)
            self._lines.sort(key=lambda line: line.keys[column], reverse=descending)
        else:
            self._lines.sort(key=lambda line: line.order)

    # -- QAbstractTableModel --------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return line.texts[column]
        if role == SORT_ROLE:
            return line.keys[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN.get(column, _LEFT)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == COL_REPORTED and line.reported != NOT_DUE:
                return _GOOD if line.reported == REPORTED else _MISSING
            if column == COL_ON_TARGET and line.contradiction:
                return _CLASH
            if column == COL_ON_TARGET and line.on_target:
                return _GOOD
            if column == COL_ON_TARGET and line.band == "near":
                return _NEAR
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        if role == SEARCH_ROLE:
            return line.search
        return None

    def _tooltip(self, line: OverviewLine, column: int) -> str | None:
        row = line.row
        if column in (COL_INDICATOR, COL_CODE):
            return display.show_digits(_("{indicator}\nโครงการ/กิจกรรม {activity_code} "
                                         "{activity_title}\n(รหัสตัวชี้วัด {id} ไตรมาส {quarter_from}–{quarter_to})").format(
                indicator=row.indicator, activity_code=row.activity_code, activity_title=row.activity_title, id=row.id,
                quarter_from=row.quarter_from, quarter_to=row.quarter_to))
        if column in (COL_ACHIEVED, COL_ON_TARGET):
            parts = [figures_text(row, office, self.quarter) for office in line.offices()]
            parts.append(display.rule_text(row.thresholds))
            return "\n".join(parts)
        if column == COL_OFFICE:
            said = [(o.agency_name, narrative_text(o, self.quarter)) for o in line.offices()]
            texts = [f"{name}\n{text}" for name, text in said if text]
            if texts:
                return "\n\n".join(texts)
        if column in (COL_OFFICE, COL_REPORTED):
            parts = []
            for office in line.offices():
                state = _("รายงานแล้ว") if office.reported(self.quarter) else _("ยังไม่รายงาน")
                parts.append(_("{agency_name}: {state} ผลสะสม {achieved}").format(
                    agency_name=office.agency_name, state=state, achieved=_number(row.achieved(office))))
            for office in [*line.offices(), *(row.kept if line.office is None else [])]:
                if office.outside:
                    parts.append(f"{office.agency_name}: {office.outside_shown()}")
            return display.show_digits("\n".join(parts))
        return line.texts[column] if len(line.texts[column]) > 20 else None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                if section == COL_REPORTED:
                    return display.show_digits(_("รายงาน\nไตรมาส {quarter}").format(quarter=self.quarter))
                return _(HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return _(HEADER_TIPS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class OverviewProxy(QSortFilterProxyModel):
    """Filters with the source's ready mask; sorting is delegated to the source model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SEARCH_ROLE)
        self._source: OverviewTableModel | None = None

    def setSourceModel(self, model: Any) -> None:  # noqa: N802 (Qt name)
        self._source = model if isinstance(model, OverviewTableModel) else None
        super().setSourceModel(model)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        source = self._source
        if source is None:
            return True
        mask = source.accepted
        return mask is None or mask[source_row]

    def set_filter_text(self, text: str) -> None:
        """Filter lines by Thai text in any column (several words: all must occur)."""
        source = self._source
        if source is None:
            return
        if search_text(text).split() == source.terms:
            return
        self.beginFilterChange()
        source.set_query(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def invalidate_filter(self) -> None:
        """Re-run the filter over every line."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort numbers as numbers by the SORT_ROLE keys, in one Python sort in the source model."""
        if self._source is not None:
            self._source.sort(column, order)
