"""The coordinator's import of office files: a preview first (a dry run, in the background),
then "นำเข้า" (the real import, in the background, with a progress bar) and its summary.

The preview lists per file its status, the reason, the counts and every change (old → new).
An office sending its first file has no pinned key yet: the preview shows the key's
fingerprint, and that office's files are only imported once the user has ticked
"ยืนยันลายนิ้วมือกุญแจ" for it (after checking the digits with the office by phone). The
real import trusts exactly the fingerprints that were shown and ticked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ..domain.plan_fit import OUTSIDE_PLAN_TEXT
from ..i18n import N_, _
from ..services import ProgressService
from ..services.exchange import ExchangeService
from ..services.exchange_import import FileResult, ImportReport
from . import display
from .forms.ui_import_dialog import Ui_ImportDialog
from .ops import error_text, report_progress, run_in_background
from .style import emphasise

#: Status words after the import, and in the preview (where nothing is imported yet).
DONE_STATUS = {"imported": N_("นำเข้าแล้ว"), "unchanged": N_("ไม่เปลี่ยนแปลง"), "stale": N_("ไฟล์เก่ากว่า"),
               "conflict": N_("มีข้อขัดแย้ง"), "rejected": N_("ปฏิเสธ")}
PREVIEW_STATUS = {**DONE_STATUS, "imported": N_("จะนำเข้า")}
STATUS_COLOURS = {"imported": "#1b6e2a", "unchanged": "#5f6368", "stale": "#8a5a00",
                  "conflict": "#b35900", "rejected": "#b00020"}
NEEDS_KEY = N_("ต้องยืนยันลายนิ้วมือกุญแจของหน่วยงานนี้ก่อน (ด้านล่าง) จึงจะนำเข้า")
WAITING_FOR_KEY = N_("รอยืนยันกุญแจ")
#: What the preview says instead of the service's dry-run reasons (written as if done).
PREVIEW_REASONS = {"imported": N_("ตรวจผ่าน นำเข้าได้"),
                   "conflict": N_("นำเข้าได้ แต่มีค่าที่ขัดกับค่าที่ผู้ประสานงานแก้ไขไว้ "
                                  "ต้องเลือกค่าที่ถูกต้องหลังนำเข้า")}
COL_FILE, COL_OFFICE, COL_SEQUENCE, COL_STATUS, COL_ADDED, COL_UPDATED, COL_UNCHANGED, COL_CONFLICTS = range(8)
WRAPPED_COLUMNS = (COL_FILE, COL_OFFICE)
COUNT_COLUMNS = {COL_ADDED: "added", COL_UPDATED: "updated", COL_UNCHANGED: "unchanged", COL_CONFLICTS: "conflicts"}


#: Kept as they are when digits are switched: key fingerprints (read aloud, shown 0-9 everywhere)
#: and quoted file names (so they match the names in the list and on disk).
_VERBATIM = re.compile(r"(\d{4}(?:-\d{4}){4}|“[^”]*”)")
def screen_text(text: str) -> str:
    """A service message in the display's digits, except fingerprints and quoted file names."""
    parts = _VERBATIM.split(text)
    return "".join(part if n % 2 else display.show_digits(part) for n, part in enumerate(parts))


def change_text(change: str) -> str:
    """A service change line for the screen: a real arrow and the display's digits.

    ``[1/1.5/2] ไตรมาส 2 ผลการดำเนินงาน (ว่าง) -> 85; งบประมาณที่ใช้ (ว่าง) -> 12,000; สถานะ ยังไม่เริ่ม -> ดำเนินการแล้ว``
    reads ``[๑/๑.๕/๒] ไตรมาส ๒ ผลการดำเนินงาน (ว่าง) → ๘๕; งบประมาณที่ใช้ (ว่าง) → ๑๒,๐๐๐; สถานะ ยังไม่เริ่ม → ดำเนินการแล้ว``.
    """
    return screen_text(change.replace(" -> ", " → "))


def totals_text(report: ImportReport, preview: bool) -> str:
    """One line of counts: 'ตรวจแล้ว ๓ ไฟล์ (ยังไม่ได้บันทึก): จะเพิ่ม ๒ …'."""
    t = report.totals()
    counts = dict(files=t["files"], added=t["added"], updated=t["updated"], unchanged=t["unchanged"],
                  conflicts=t["conflicts"], held=t["held"], rejected=t["files_rejected"], outside=OUTSIDE_PLAN_TEXT)
    if preview:
        text = _("ตรวจแล้ว {files} ไฟล์ (ยังไม่ได้บันทึก): จะเพิ่ม {added} รายการ · จะปรับปรุง {updated} · "
                 "คงเดิม {unchanged} · ขัดแย้ง {conflicts} · ").format(**counts)
        if t["held"]:
            text += _("จะพักไว้ {held} ({outside}) · ").format(**counts)
    else:
        text = _("นำเข้าเสร็จแล้ว {files} ไฟล์: เพิ่ม {added} รายการ · ปรับปรุง {updated} · "
                 "คงเดิม {unchanged} · ขัดแย้ง {conflicts} · ").format(**counts)
        if t["held"]:
            text += _("พักไว้ {held} ({outside}) · ").format(**counts)
    text += _("ปฏิเสธ {rejected} ไฟล์").format(**counts)
    return display.show_digits(text)


class SpannedWrapDelegate(QStyledItemDelegate):
    """Wraps long Thai text: spanned rows (reasons, changes) over the whole width, others per column."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        tree = self._tree
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        spanned = tree.isFirstColumnSpanned(index.row(), index.parent())
        if not spanned and index.column() not in WRAPPED_COLUMNS:
            return super().sizeHint(option, index)  # short texts: the column sizes to them
        width = tree.viewport().width() if spanned else tree.columnWidth(index.column())
        if index.column() == 0:
            width -= tree.indentation() * (depth + (1 if tree.rootIsDecorated() else 0))
        if width <= 20:
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(0, 0, width, 1)
        hint = super().sizeHint(opt, index)
        return QSize(min(hint.width(), width), hint.height() + 4)


class ImportDialog(QDialog):
    """Preview and import office files (coordinator)."""

    #: the ImportReport of a real import, after it finished
    imported = Signal(object)
    #: the user asked to settle the conflicts
    conflicts_requested = Signal()

    def __init__(self, plans: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_ImportDialog()
        self.form.setupUi(self)
        self._plans = plans
        self.paths: list[Path] = []
        self.preview: ImportReport | None = None
        self.result: ImportReport | None = None
        self.first_keys: dict[str, str] = {}
        self.key_boxes: dict[str, QCheckBox] = {}
        self.error: str | None = None
        self.busy = False
        self._setup()

    def _setup(self) -> None:
        form = self.form
        tree = form.filesTree
        tree.setItemDelegate(SpannedWrapDelegate(tree))
        header = tree.header()
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_OFFICE, QHeaderView.ResizeMode.Interactive)
        tree.setColumnWidth(COL_OFFICE, 250)
        for column in range(COL_SEQUENCE, COL_CONFLICTS + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: tree.doItemsLayout())
        emphasise(form.summaryLabel)
        form.keysGroup.hide()
        form.conflictsButton.hide()
        form.importButton.setEnabled(False)
        form.importButton.clicked.connect(self.start_import)
        form.closeButton.clicked.connect(self.reject)
        form.conflictsButton.clicked.connect(self._ask_conflicts)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.form.filesTree.doItemsLayout()  # spanned rows wrap to the new width

    def _ask_conflicts(self) -> None:
        self.conflicts_requested.emit()

    # -- preview ------------------------------------------------------------------------
    def start_preview(self, paths: Sequence[Path | str]) -> None:
        """Check *paths* (files and folders) without saving anything, in the background."""
        self.paths = [Path(p) for p in paths]
        self._set_busy(True, _("กำลังตรวจไฟล์…"))
        files = list(self.paths)

        def work(plans: Any) -> tuple[ImportReport, dict[str, str]]:
            exchange = ExchangeService(ProgressService(plans), on_progress=report_progress)
            first: dict[str, str] = {}

            def note_key(office: str, fingerprint: str) -> bool:
                first.setdefault(office, fingerprint)
                return True  # preview as if confirmed; the real import trusts only what is ticked

            return exchange.import_files(files, dry_run=True, confirm_key=note_key), first

        run_in_background(self, self._plans, work, self._show_preview, on_error=self._failed,
                          label=_("กำลังตรวจไฟล์จากหน่วยงาน…"))

    def _show_preview(self, result: tuple[ImportReport, dict[str, str]]) -> None:
        report, first = result
        self.preview = report
        usable = {f.office for f in report.files if f.status != "rejected"}
        self.first_keys = {office: fp for office, fp in first.items() if office in usable}
        self._fill(report, preview=True)
        self._show_keys()
        self.form.summaryLabel.setText(totals_text(report, preview=True))
        self._set_busy(False)
        importable = any(f.status != "rejected" for f in report.files)
        self.form.importButton.setEnabled(importable)
        if not importable:
            self.form.summaryLabel.setText(self.form.summaryLabel.text() + _("\nไม่มีไฟล์ที่นำเข้าได้"))

    def _failed(self, error: BaseException) -> None:
        self.error = error_text(error)
        self._set_busy(False)
        self.form.summaryLabel.setText(self.error)
        self.form.importButton.setEnabled(False)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.form.busyLabel.setText(text if busy else "")
        self.form.importButton.setEnabled(False if busy else self.form.importButton.isEnabled())

    # -- the list -------------------------------------------------------------------------
    def _fill(self, report: ImportReport, preview: bool) -> None:
        tree = self.form.filesTree
        tree.clear()
        words = PREVIEW_STATUS if preview else DONE_STATUS
        for result in report.files:
            item = QTreeWidgetItem(tree)
            self._fill_file(item, result, words, preview)
            tree.addTopLevelItem(item)
            reason = _(PREVIEW_REASONS[result.status]) if preview and result.status in PREVIEW_REASONS else result.reason
            if preview and result.office in self.first_keys and result.status != "rejected":
                reason = f"{reason} · {_(NEEDS_KEY)}"
            if reason:
                self._child(item, screen_text(reason), result.status == "rejected")
            for change in result.changes:
                self._child(item, change_text(change))
            item.setExpanded(True)
        tree.doItemsLayout()

    def _fill_file(self, item: QTreeWidgetItem, result: FileResult, words: dict[str, str], preview: bool) -> None:
        item.setText(COL_FILE, result.file)
        item.setToolTip(COL_FILE, result.file)
        item.setText(COL_OFFICE, result.office or "–")
        item.setText(COL_SEQUENCE, display.show_digits(str(result.sequence)) if result.sequence else "–")
        status = _(words.get(result.status, result.status))
        if preview and result.office in self.first_keys and result.status != "rejected":
            status = _(WAITING_FOR_KEY)
        item.setText(COL_STATUS, status)
        item.setForeground(COL_STATUS, QBrush(QColor(STATUS_COLOURS.get(result.status, "#000000"))))
        font = QFont(item.font(COL_STATUS))
        font.setBold(True)
        item.setFont(COL_STATUS, font)
        item.setData(COL_STATUS, Qt.ItemDataRole.UserRole, result.status)
        for column, name in COUNT_COLUMNS.items():
            item.setText(column, display.show_digits(str(getattr(result, name))) if result.status != "rejected" else "")
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
        item.setTextAlignment(COL_SEQUENCE, Qt.AlignmentFlag.AlignCenter)

    def _child(self, parent: QTreeWidgetItem, text: str, error: bool = False) -> None:
        child = QTreeWidgetItem(parent)
        child.setText(0, text)
        child.setToolTip(0, text)
        if error:
            child.setForeground(0, QBrush(QColor(STATUS_COLOURS["rejected"])))
        child.setFirstColumnSpanned(True)

    def file_rows(self) -> list[dict[str, Any]]:
        """What the list shows, per file (for tests and screenshots)."""
        tree = self.form.filesTree
        rows = []
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            rows.append({"file": item.text(COL_FILE), "office": item.text(COL_OFFICE),
                         "status": item.data(COL_STATUS, Qt.ItemDataRole.UserRole), "status_text": item.text(COL_STATUS),
                         "counts": {name: item.text(column) for column, name in COUNT_COLUMNS.items()},
                         "details": [item.child(n).text(0) for n in range(item.childCount())]})
        return rows

    # -- first keys ----------------------------------------------------------------------
    def _show_keys(self) -> None:
        grid = self.form.keysGrid
        while grid.count():
            widget = grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.key_boxes = {}
        for row, (office, fingerprint) in enumerate(sorted(self.first_keys.items())):
            name = QLabel(office)
            name.setWordWrap(True)
            digits = QLabel(fingerprint)
            emphasise(digits, 1.35, letter_spacing=1.5)
            digits.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box = QCheckBox(_("ยืนยันลายนิ้วมือกุญแจ"))
            box.setToolTip(_("ตรวจแล้วทางโทรศัพท์ว่าลายนิ้วมือกุญแจของ{office}ตรงกับตัวเลขนี้ทุกตัว").format(
                office=office))
            grid.addWidget(name, row, 0)
            grid.addWidget(digits, row, 1)
            grid.addWidget(box, row, 2)
            self.key_boxes[office] = box
        self.form.keysGroup.setVisible(bool(self.first_keys))

    def confirm_key(self, office: str, checked: bool = True) -> None:
        """Tick (or untick) an office's fingerprint confirmation."""
        self.key_boxes[office].setChecked(checked)

    def confirmed_keys(self) -> dict[str, str]:
        return {office: fp for office, fp in self.first_keys.items()
                if office in self.key_boxes and self.key_boxes[office].isChecked()}

    # -- import ---------------------------------------------------------------------------
    def start_import(self) -> None:
        """Import for real, in the background; offices whose key was not ticked are refused."""
        if self.busy or self.preview is None:
            return
        confirmed = self.confirmed_keys()
        files = list(self.paths)

        def work(plans: Any) -> ImportReport:
            exchange = ExchangeService(ProgressService(plans), on_progress=report_progress)
            return exchange.import_files(files, confirm_key=lambda office, fp: confirmed.get(office) == fp)

        self.form.importButton.setEnabled(False)
        self._set_busy(True, _("กำลังนำเข้า…"))
        run_in_background(self, self._plans, work, self._show_result, on_error=self._failed,
                          label=_("กำลังนำเข้าไฟล์จากหน่วยงาน…"))

    def _show_result(self, report: ImportReport) -> None:
        self.result = report
        self._set_busy(False)
        self.first_keys = {}
        self._fill(report, preview=False)
        self.form.keysGroup.hide()
        self.form.importButton.hide()
        self.form.introLabel.setText(_("ผลการนำเข้า (บันทึกลงฐานข้อมูลแล้ว ยกเลิกได้ที่เมนู “แฟ้ม → "
                                       "ยกเลิกการนำเข้าครั้งล่าสุด”)"))
        self.form.summaryLabel.setText(totals_text(report, preview=False))
        has_conflicts = any(f.conflicts or f.held for f in report.files)
        self.form.conflictsButton.setVisible(has_conflicts)
        self.form.closeButton.setDefault(True)
        self.imported.emit(report)
