"""Conflicts left by an import: a quarter the coordinator had edited, which the office then
changed too. Each is shown with the coordinator's value beside the office's, and settled with
"ใช้ค่าของฉัน" (keep the coordinator's) or "ใช้ค่าของหน่วยงาน" (take the office's).

Listed with them: office values held aside because they no longer fit the plan ("อยู่นอกแผนปัจจุบัน",
domain/plan_fit.py), settled with "รับค่านี้ไว้" (store it) or "ไม่รับค่านี้" (drop it); both audited."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from ..domain import display as shared
from ..domain.plan_fit import OUTSIDE_PLAN_TEXT
from ..domain.progress import ProgressEntry
from ..errors import TratError
from ..i18n import N_, _
from . import display
from .forms.ui_conflicts_dialog import Ui_ConflictsDialog

#: The compared fields: (label, how a value reads).
FIELDS = (
    (N_("ผลการดำเนินงาน"), lambda e: shared.number_text(e.achieved, display.thai_digits_enabled())),
    (N_("ใช้จ่ายจริง (บาท)"), lambda e: display.baht_text(e.spent_satang) if e.spent_satang is not None else ""),
    (N_("สถานะ"), lambda e: display.status_text(e.status)),
    (N_("หมายเหตุ"), lambda e: display.show_digits(e.note)),
    (N_("ผู้รายงาน"), lambda e: e.reporter),
    (N_("บันทึกเมื่อ"), lambda e: display.timestamp_text(e.updated_at) if e.updated_at else ""),
)
EMPTY = N_("(ว่าง)")
ACCEPT_TEXT, DROP_TEXT = N_("รับค่านี้ไว้"), N_("ไม่รับค่านี้")
_DIFFERENT_BG = QColor("#fff4c2")


def value_summary(entry: ProgressEntry | None) -> str:
    """'๘๕ · ดำเนินการแล้ว · งบ ๑๒,๐๐๐ บาท' — the values that usually differ, in one line."""
    if entry is None:
        return _("(ไม่มีค่า)")
    parts = [shared.number_text(entry.achieved, display.thai_digits_enabled()) or _("ผล {empty}").format(
        empty=_(EMPTY)),
             display.status_text(entry.status)]
    if entry.spent_satang is not None:
        parts.append(_("งบ {spent_satang} บาท").format(spent_satang=display.baht_text(entry.spent_satang)))
    if entry.note:
        parts.append(display.show_digits(entry.note))
    return " · ".join(parts)


class ConflictsDialog(QDialog):
    """List the pending conflicts; settle the selected one either way."""

    #: a conflict was settled (the views should re-read their data)
    resolved = Signal()

    def __init__(self, exchange: Any, progress: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_ConflictsDialog()
        self.form.setupUi(self)
        self._exchange = exchange
        self._progress = progress
        self.pending: list[tuple[ProgressEntry, ProgressEntry | None]] = []
        #: per pending line: the held-aside value it is (outside the plan), or None for a conflict
        self.held: list[Any] = []
        self._labels: dict[tuple[str, str], tuple[str, str, str]] = {}
        form = self.form
        table = form.conflictsTable
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(1, 260)
        table.setColumnWidth(3, 200)
        table.setColumnWidth(4, 200)
        compare = form.compareTable
        compare.setRowCount(len(FIELDS))
        compare.setVerticalHeaderLabels([_(label) for label, _read in FIELDS])
        compare.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        compare.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # rows follow wrapping
        table.currentCellChanged.connect(lambda *_: self._show_selected())
        self._button_texts = (form.keepMineButton.text(), form.takeTheirsButton.text())
        form.keepMineButton.clicked.connect(lambda: self.resolve_selected(keep_mine=True))
        form.takeTheirsButton.clicked.connect(lambda: self.resolve_selected(keep_mine=False))
        form.closeButton.clicked.connect(self.accept)
        self.reload()

    # -- reading --------------------------------------------------------------------------
    def _row_labels(self) -> dict[tuple[str, str], tuple[str, str, str]]:
        """(indicator uid, agency uid) -> (row id, indicator, agency name), from the work items."""
        try:
            items = self._progress.work_items()
        except TratError:
            return {}
        return {(i.indicator_uid, i.agency_uid): (i.id, i.indicator, i.agency_name) for i in items}

    def reload(self) -> None:
        """Re-read the pending conflicts from the service."""
        form = self.form
        try:
            self.pending = list(self._exchange.conflicts())
            held = list(self._exchange.held_values())
        except TratError as exc:
            self.pending, held = [], []
            form.messageLabel.setText(exc.message)
        self.held = [None] * len(self.pending) + held
        self.pending += [(h.theirs, h.mine) for h in held]
        self._labels = self._row_labels()
        agencies = {}
        try:
            agencies = {a.uid: a.name for a in self._exchange.plans.agencies()}
        except TratError:
            pass
        table = form.conflictsTable
        table.setRowCount(len(self.pending))
        for row, (theirs, mine) in enumerate(self.pending):
            kept = self.held[row]
            # a held value's row may be one the office no longer answers for: by its row, not its assignment
            indicators = {uid: (c, text) for (uid, _a), (c, text, _n) in self._labels.items()}
            fallback = (("", _("(ตัวชี้วัดที่ถูกนำออกจากแผน)")) if kept is None or not kept.row_label else
                        (kept.row_label, indicators.get(theirs.indicator_uid, ("", ""))[1]))
            code, indicator, agency = self._labels.get(
                (theirs.indicator_uid, theirs.agency_uid),
                (*fallback, agencies.get(theirs.agency_uid, theirs.agency_uid)))
            theirs_text = value_summary(theirs) + (f" ({_(OUTSIDE_PLAN_TEXT)})" if kept is not None else "")
            cells = [display.show_digits(f"{code} {indicator}".strip()), agency,
                     display.show_digits(str(theirs.quarter)), value_summary(mine), theirs_text]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        count = len(self.pending)
        self.setWindowTitle(display.show_digits(_("ข้อขัดแย้งและค่าที่พักไว้จากการนำเข้า ({count})").format(
            count=count)))
        if count:
            form.messageLabel.setText("")
            table.setCurrentCell(0, 0)
        else:
            form.messageLabel.setText(_("ไม่มีข้อขัดแย้งที่รอการตัดสิน"))
        self._show_selected()

    def selected(self) -> tuple[ProgressEntry, ProgressEntry | None] | None:
        row = self.form.conflictsTable.currentRow()
        return self.pending[row] if 0 <= row < len(self.pending) else None

    def _show_selected(self) -> None:
        form = self.form
        chosen = self.selected()
        form.keepMineButton.setEnabled(chosen is not None)
        form.takeTheirsButton.setEnabled(chosen is not None)
        compare = form.compareTable
        if chosen is None:
            compare.clearContents()
            form.compareTitleLabel.setText("")
            return
        theirs, mine = chosen
        row = form.conflictsTable.currentRow()
        kept = self.held[row]
        mine_label, theirs_label = self._button_texts if kept is None else (_(DROP_TEXT), _(ACCEPT_TEXT))
        form.keepMineButton.setText(mine_label)
        form.takeTheirsButton.setText(theirs_label)
        form.compareTitleLabel.setText(" · ".join(
            form.conflictsTable.item(row, c).text() for c in (0, 1)) + display.show_digits(_(" · ไตรมาส {quarter}").format(
                quarter=theirs.quarter))
            + ("" if kept is None else f"\n{kept.message()}"))
        for n, (_label, read) in enumerate(FIELDS):
            mine_text = (read(mine) if mine is not None else "") or _(EMPTY)
            theirs_text = read(theirs) or _(EMPTY)
            differ = mine_text != theirs_text and n < 4
            for column, text in enumerate((mine_text, theirs_text)):
                item = QTableWidgetItem(text)
                if differ:
                    item.setBackground(QBrush(_DIFFERENT_BG))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                compare.setItem(n, column, item)

    # -- settling ---------------------------------------------------------------------------
    def resolve_selected(self, keep_mine: bool) -> bool:
        """Settle the selected line; True when the service took the choice. For a value held aside
        *keep_mine* drops it and otherwise accepts it."""
        chosen = self.selected()
        if chosen is None:
            return False
        theirs, _mine = chosen
        kept = self.held[self.form.conflictsTable.currentRow()]
        try:
            if kept is None:
                self._exchange.resolve(theirs, keep_mine=keep_mine)
            else:
                self._exchange.settle_held(theirs, accept=not keep_mine)
        except TratError as exc:
            self.form.messageLabel.setText(exc.message)
            return False
        row = self.form.conflictsTable.currentRow()
        self.reload()
        if self.pending:
            self.form.conflictsTable.setCurrentCell(min(row, len(self.pending) - 1), 0)
        if kept is None:
            done = _("ใช้ค่าของฉันแล้ว") if keep_mine else _("ใช้ค่าของหน่วยงานแล้ว")
        else:
            done = _("ไม่รับค่าที่อยู่นอกแผนปัจจุบันแล้ว") if keep_mine else _("รับค่าที่อยู่นอกแผนปัจจุบันไว้แล้ว")
        self.form.messageLabel.setText(done if self.pending else _("{done} · ไม่มีข้อขัดแย้งเหลืออยู่").format(
            done=done))
        self.resolved.emit()
        return True
