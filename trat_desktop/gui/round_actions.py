"""The reporting round in the main window: a "รอบรายงาน" menu.

Office: ส่งรายงานรอบนี้… (the head of office's sign-off: what is due, who signs, then the round's final
file) · ถอนการส่งรายงาน… · นำเข้าใบตอบรับ… · ความเห็นจากศูนย์ฯ…
Coordinator: ติดตามการส่งรายงาน… (per office: received, on time or late, review, comments, reminders to
copy into LINE, replies for every office).

Files are written and read off the GUI thread (:mod:`.ops`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QInputDialog, QLabel, QLineEdit, QListWidget, QMainWindow, QMenu, QMessageBox, QPlainTextEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..domain import rounds as rules
from ..domain.capabilities import can
from ..errors import TratError
from ..i18n import N_, _, pgettext
from ..services import PlanService, ProgressService
from . import display, file_dialogs
from .ops import error_text, run_in_background
from .qt_thai import name_buttons
from .years import window_year
from .window_actions import WindowActions

LAST_DIR_KEY = "rounds/last_dir"
REPLY_FILES = N_("ใบตอบรับ (*.trat);;ทุกไฟล์ (*)")


def _rounds(progress: Any) -> Any:
    from ..services.rounds import RoundService

    return RoundService(progress)


def _reviews(progress: Any) -> Any:
    from ..services.rounds import ReviewService

    return ReviewService(progress)


def _replies(progress: Any) -> Any:
    from ..services.exchange import ExchangeService
    from ..services.replies import ReplyService

    return ReplyService(ExchangeService(progress))


def _short_time(iso: str) -> str:
    """'๒๐ เม.ย. ๒๕๖๙ ๐๙:๐๐ น.' (a table column's width)."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return display.show_digits(iso)
    return f"{display.short_date_text(moment.date())} {display.time_text(moment)}"


class SubmitDialog(QDialog):
    """ส่งรายงานรอบนี้: the round, its due date, what still blocks a sign-off, and who signs."""

    def __init__(self, parent: QWidget, progress: ProgressService, fiscal_year: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("ส่งรายงานรอบนี้"))
        self.progress = progress
        self.fiscal_year = fiscal_year
        self.service = _rounds(progress)
        me = progress.identity()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.round_combo = QComboBox()
        today = progress.today()
        current = self.service.open_round(fiscal_year, today)
        for item in self.service.rounds(fiscal_year):
            self.round_combo.addItem(display.round_name(item), item.id)
            if current is not None and item.id == current.id:
                self.round_combo.setCurrentIndex(self.round_combo.count() - 1)
        round_label = QLabel(pgettext("label", "รอบรายงาน (&R)"))
        round_label.setBuddy(self.round_combo)
        form.addRow(round_label, self.round_combo)
        self.due_label = QLabel()
        form.addRow(_("กำหนดส่ง"), self.due_label)
        self.signer = QLineEdit(me.head_name)
        self.position = QLineEdit(me.head_position)
        self.signed_on = QLineEdit(display.short_date_text(today))  # parse_date reads it back in either language
        self.signed_on.setToolTip(_("พิมพ์วันที่แบบไทย เช่น ๑๒ เม.ย. ๒๕๖๙ หรือ 12/4/2569"))
        for text, widget in ((_("หัวหน้าส่วนราชการผู้ลงนาม (&N)"), self.signer), (_("ตำแหน่ง (&P)"), self.position),
                             (_("วันที่ลงนาม (&D)"), self.signed_on)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addLayout(form)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        self.missing = QListWidget()
        layout.addWidget(self.missing)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons, _("ลงนามและบันทึกไฟล์ส่งรายงาน"))
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.round_combo.currentIndexChanged.connect(lambda *_: self.refresh())
        self.signed_on.textChanged.connect(lambda *_: self.refresh())
        self.signer.textChanged.connect(lambda *_: self.refresh())
        self.refresh()
        self.resize(760, 460)

    @property
    def round_id(self) -> str:
        return str(self.round_combo.currentData())

    def signed_date(self) -> dt.date:
        """The date typed (raises RoundError in Thai when it does not read or does not fit the round)."""
        item = self.service.find(self.fiscal_year, self.round_id)
        return rules.check_signed_on(item, rules.parse_date(self.signed_on.text()), self.progress.today())

    def _try_accept(self) -> None:
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            self.accept()

    def refresh(self) -> None:
        item = self.service.find(self.fiscal_year, self.round_id)
        today = self.progress.today()
        self.due_label.setText(f"{display.short_date_text(item.start)} – {display.short_date_text(item.end)} · "
                               f"{display.due_text(item, today)}")
        view = self.service.views(self.fiscal_year).get(item.id)
        missing = self.service.missing(self.fiscal_year, item.id)
        self.missing.clear()
        for cell in missing:
            self.missing.addItem(display.show_digits(_("{label} ไตรมาส {quarter}: ยังไม่มีผล "
                                                       "หรือมีสถานะแต่ไม่ระบุเหตุผล").format(
                label=cell.label, quarter=cell.quarter)))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if view is not None and view.state == "submitted":
            self.state_label.setText(_("{name}ลงนามส่งรายงานแล้ว").format(name=display.round_name(item)))
            ok.setEnabled(False)
        elif missing:
            self.state_label.setText(display.show_digits(
                _("ยังส่งไม่ได้: ตัวชี้วัดที่ถึงกำหนด {count} รายการยังไม่มีผล (หรือมีสถานะแต่ไม่ระบุเหตุผล) "
                  "โปรดบันทึกให้ครบก่อน").format(
                    count=len(missing))))
            ok.setEnabled(False)
        else:
            changed = _(" (แก้ไขหลังลงนามครั้งก่อน {changed_after_signoff} รายการ)").format(
                changed_after_signoff=view.changed_after_signoff) if view and view.changed_after_signoff else ""
            self.state_label.setText(display.show_digits(
                _("ตัวชี้วัดที่ถึงกำหนดมีผลครบแล้ว เมื่อลงนาม ค่าของ{name}จะถูกล็อกบนเครื่องนี้ "
                  "และโปรแกรมจะบันทึกไฟล์ส่งรายงานฉบับสุดท้ายของรอบ{changed}").format(
                    name=display.round_name(item), changed=changed)))
            ok.setEnabled(True)
            problem = ""
            try:
                self.signed_date()
            except TratError as exc:
                problem = exc.message
            if not self.signer.text().strip():
                problem = _("ต้องระบุชื่อหัวหน้าส่วนราชการผู้ลงนาม")
            if problem:
                self.state_label.setText(problem)
                ok.setEnabled(False)
        due = [w for w in self.progress.work_items(self.fiscal_year) if getattr(w, "assigned", True)
               and any(q in w.quarters() for q in item.quarters())]
        covers = "" if item.id.startswith("q") else _(" (ไตรมาส {join})").format(
            join=', '.join((str(q) for q in item.quarters())))
        self.summary_label.setText(display.show_digits(
            _("จะส่ง: ผลของ{name}{covers} ตัวชี้วัดที่ถึงกำหนด {count} รายการ").format(
                name=display.round_name(item), covers=covers, count=len(due))
            + (_(" ยังไม่ครบ {count} รายการ").format(count=len(missing)) if missing else _(" ครบทุกรายการ"))))


class TimelinessDialog(QDialog):
    """ติดตามการส่งรายงาน (coordinator): every office for a round, its review and timeliness; the review
    state is set here (ตรวจแล้ว, รับรายงาน, ส่งคืนเพื่อแก้ไข, ปลดล็อก) with an optional comment on the whole
    submission (the CLI's ``review OFFICE ROUND --checked|--accept|--return --comment TEXT``)."""

    COLUMNS = (N_("หน่วยงาน"), N_("สถานะ"), N_("ความตรงเวลา"), N_("ลงนามส่ง"), N_("ได้รับไฟล์"), N_("ไฟล์ที่ได้รับ"), N_("แก้ไขหลังลงนาม"))

    def __init__(self, parent: QWidget, actions: "RoundActions", fiscal_year: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("ติดตามการส่งรายงาน"))
        self.actions = actions
        self.fiscal_year = fiscal_year
        self.review = _reviews(actions.progress)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        round_label = QLabel(pgettext("label", "รอบรายงาน (&R)"))
        top.addWidget(round_label)
        self.round_combo = QComboBox()
        round_label.setBuddy(self.round_combo)
        current = self.review.rounds.open_round(fiscal_year)
        for item in self.review.rounds.rounds(fiscal_year):
            self.round_combo.addItem(display.show_digits(_("{name} (ครบกำหนด {due})").format(
                name=display.round_name(item), due=display.short_date_text(item.due))), item.id)
            if current is not None and item.id == current.id:
                self.round_combo.setCurrentIndex(self.round_combo.count() - 1)
        top.addWidget(self.round_combo, 1)
        layout.addLayout(top)
        self.summary_label = QLabel()
        layout.addWidget(self.summary_label)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([_(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        comment_label = QLabel(_("ความเห็นถึงหน่วยงานต่อรายงานทั้งฉบับ (ไปกับใบตอบรับ) (&C)"))
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setPlaceholderText(_("เช่น ขอหลักฐานเพิ่มของตัวชี้วัดยุทธศาสตร์ที่ ๒ (ไม่บังคับ "
                                               "ยกเว้นการส่งคืน)"))
        self.comment_edit.setMaximumHeight(self.comment_edit.fontMetrics().height() * 4)
        comment_label.setBuddy(self.comment_edit)
        layout.addWidget(comment_label)
        layout.addWidget(self.comment_edit)
        row = QHBoxLayout()
        self.check_button = QPushButton(_("ตรวจแล้ว (&K)"))
        self.accept_button = QPushButton(_("รับรายงาน (&A)"))
        self.return_button = QPushButton(_("ส่งคืนเพื่อแก้ไข… (&E)"))
        self.unlock_button = QPushButton(_("ปลดล็อก (&U)"))
        self.comment_button = QPushButton(_("บันทึกความเห็นอย่างเดียว (&M)"))
        for button in (self.check_button, self.accept_button, self.return_button, self.unlock_button,
                       self.comment_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        row2 = QHBoxLayout()
        self.copy_button = QPushButton(_("คัดลอกรายการแจ้งเตือน (&L)"))
        self.replies_button = QPushButton(_("ส่งใบตอบรับทุกหน่วยงาน… (&P)"))
        self.dates_button = QPushButton(_("กำหนดรอบรายงาน… (&D)"))
        for button in (self.copy_button, self.replies_button, self.dates_button):
            button.setAutoDefault(False)
            row2.addWidget(button)
        row2.addStretch(1)
        layout.addLayout(row2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(_("ปิด"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.check_button.clicked.connect(lambda: self.set_state("check"))
        self.accept_button.clicked.connect(lambda: self.set_state("accept"))
        self.return_button.clicked.connect(lambda: self.set_state("return"))
        self.unlock_button.clicked.connect(lambda: self.set_state("unlock"))
        self.comment_button.clicked.connect(self.comment_only)
        self.copy_button.clicked.connect(self.copy_reminders)
        self.replies_button.clicked.connect(lambda: actions.export_replies(self.fiscal_year))
        self.dates_button.clicked.connect(self._set_dates)
        self.round_combo.currentIndexChanged.connect(lambda *_: self.refresh())
        QWidget.setTabOrder(self.round_combo, self.table)
        QWidget.setTabOrder(self.table, self.comment_edit)
        self.entries: list[Any] = []
        self.refresh()
        self.resize(1000, 560)

    @property
    def round_id(self) -> str:
        return str(self.round_combo.currentData())

    def refresh(self) -> None:
        from ..services.rounds import board

        self.entries = board(self.review, self.fiscal_year, self.round_id)
        self.table.setRowCount(len(self.entries))
        counts: dict[str, int] = {}
        for r, e in enumerate(self.entries):
            counts[e.punctuality.state] = counts.get(e.punctuality.state, 0) + 1
            received = _short_time(e.received_at) if e.received_at else ""
            carried = e.file_name + (display.show_digits(_(" (ฉบับที่ {sequence})").format(
                sequence=e.sequence)) if e.sequence else "")
            values = (e.office_name, display.review_text(e.state), display.timeliness_text(e.punctuality),
                      display.short_date_text(dt.date.fromisoformat(e.signed_on))
                      if e.signed_on else "",
                      display.show_digits(received), carried,
                      display.show_digits(_("{CHANGED_AFTER_SIGNOFF} {changed_after_signoff} รายการ").format(
                          CHANGED_AFTER_SIGNOFF=_(rules.CHANGED_AFTER_SIGNOFF),
                          changed_after_signoff=e.changed_after_signoff))
                      if e.changed_after_signoff else "")
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        parts = [f"{_(text)} {counts[key]}" for key, text in rules.TIMELINESS_TEXT.items() if counts.get(key)]
        self.summary_label.setText(display.show_digits(" · ".join(parts) + _(" (ทั้งหมด {count} หน่วยงาน)").format(
            count=len(self.entries))))
        if self.entries and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def selected(self) -> Any:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def set_state(self, action: str) -> None:
        entry = self.selected()
        if entry is None:
            self.actions.warn(_("ยังไม่ได้เลือกหน่วยงาน"), _("โปรดเลือกหน่วยงานในตารางก่อน"))
            return
        comment = self.comment_edit.toPlainText().strip()
        if action == "return" and not comment:
            comment, ok = QInputDialog.getMultiLineText(self, _("ส่งคืนเพื่อแก้ไข"),
                                                        _("ความเห็นถึง{office_name} (ต้องแก้ไขอะไร)").format(
                                                            office_name=entry.office_name))
            if not ok:
                return
        row = self.table.currentRow()
        try:
            self.review.set_state(entry.office_uid, self.fiscal_year, self.round_id, action, comment)
        except TratError as exc:
            self.actions.warn(_("บันทึกผลการตรวจไม่ได้"), exc.message)
            return
        self.comment_edit.clear()
        self.refresh()
        self.table.selectRow(row)

    def comment_only(self) -> None:
        """A comment on the whole submission, the review state left as it is."""
        entry = self.selected()
        if entry is None:
            self.actions.warn(_("ยังไม่ได้เลือกหน่วยงาน"), _("โปรดเลือกหน่วยงานในตารางก่อน"))
            return
        try:
            self.review.submission_comment(entry.office_uid, self.fiscal_year, self.round_id,
                                           self.comment_edit.toPlainText())
        except TratError as exc:
            self.actions.warn(_("บันทึกความเห็นไม่ได้"), exc.message)
            return
        self.comment_edit.clear()
        self.actions.inform(_("บันทึกความเห็นแล้ว"), _("บันทึกความเห็นถึง{office_name}แล้ว "
                                                       "ความเห็นจะไปกับใบตอบรับครั้งถัดไป").format(
            office_name=entry.office_name))

    def _set_dates(self) -> None:
        if self.actions.set_round_dates(self.fiscal_year):
            current = self.round_id
            self.round_combo.blockSignals(True)
            for i, item in enumerate(self.review.rounds.rounds(self.fiscal_year)):
                self.round_combo.setItemText(i, display.show_digits(_("{name} (ครบกำหนด {due})").format(
                    name=display.round_name(item), due=display.short_date_text(item.due))))
            self.round_combo.blockSignals(False)
            self.round_combo.setCurrentIndex(max(0, self.round_combo.findData(current)))
            self.refresh()

    def copy_reminders(self) -> None:
        from ..services.rounds import reminders

        found = reminders(self.review, self.fiscal_year, self.round_id)
        text = "\n\n".join(f"— {office} —\n{message}" for office, message in found)
        QGuiApplication.clipboard().setText(text)
        self.actions.inform(_("คัดลอกแล้ว"), display.show_digits(
            _("คัดลอกข้อความแจ้งเตือน {count} หน่วยงานแล้ว วางใน LINE หรืออีเมลได้ทันที").format(
                count=len(found))) if found
            else _("ไม่มีหน่วยงานที่ต้องแจ้งเตือนในรอบนี้"))


class RoundActions(WindowActions):
    """The รอบรายงาน menu of one main window."""

    def __init__(self, window: QMainWindow, plans: PlanService, progress: ProgressService,
                 settings: QSettings) -> None:
        super().__init__(window, plans, progress, settings)
        self.last_message = ""
        self.last_op: Any = None
        self.dialog: Any = None
        self.menu = QMenu(_("รอบรายงาน (&R)"), window)
        a = self._action
        self.submit_action = a(_("ส่งรายงานรอบนี้…"), self.submit, _("ลงนามส่งรายงานของรอบ ค่าของรอบจะถูกล็อก"), "Ctrl+Shift+S")
        self.withdraw_action = a(_("ถอนการส่งรายงาน…"), self.withdraw, _("ถอนการส่งรายงานเพื่อแก้ไข (ก่อนศูนย์ฯ "
                                                                         "รับรายงาน)"))
        self.reply_action = a(_("นำเข้าใบตอบรับ…"), self.import_reply, _("ใบตอบรับและความเห็นจากศูนย์ฯ"))
        self.comments_action = a(_("ความเห็นจากศูนย์ฯ…"), self.show_comments, _("ความเห็นของศูนย์ฯ และคำตอบ"))
        self.answer_action = a(_("ตอบความเห็นของศูนย์ฯ…"), self.answer_comment,
                               _("ตอบความเห็นที่ยังไม่ได้ตอบ (คำตอบไปกับไฟล์ส่งออกครั้งถัดไป)"))
        self.board_action = a(_("ติดตามการส่งรายงาน…"), self.show_board,
                              _("ทุกหน่วยงาน: ได้รับหรือยัง ตรงเวลาหรือไม่ ผลการตรวจ ข้อความแจ้งเตือน"), "Ctrl+Shift+T")
        self.dates_action = a(_("กำหนดรอบรายงานและวันครบกำหนด…"), lambda: self.set_round_dates(),
                              _("ช่วงเวลาและวันครบกำหนดส่งของแต่ละรอบ (ส่งถึงหน่วยงานพร้อมแพ็กเกจแผน)"))
        self.replies_action = a(_("ส่งใบตอบรับทุกหน่วยงาน…"), lambda: self.export_replies(self.fiscal_year()),
                                _("ใบตอบรับที่ลงนามแล้วของทุกหน่วยงาน: ไฟล์ที่ได้รับ ผลการตรวจ ความเห็น การปลดล็อก"))
        #: each action is shown where domain/capabilities.py allows it
        self.capabilities = {self.submit_action: "submit_round", self.withdraw_action: "withdraw_round",
                             self.reply_action: "import_reply", self.comments_action: "answer_comment",
                             self.answer_action: "answer_comment", self.board_action: "review",
                             self.dates_action: "set_rounds", self.replies_action: "export_reply"}
        self.office_actions = [self.submit_action, self.withdraw_action, self.reply_action, self.comments_action,
                               self.answer_action]
        self.coordinator_actions = [self.board_action, self.dates_action, self.replies_action]
        for action in self.office_actions + self.coordinator_actions:
            self.menu.addAction(action)
        #: on the grids (context menu and Ctrl+M): a comment on the row × quarter, or the office's answer
        self.row_actions: list[tuple[QAction, Any, str]] = []
        self._attached: set[int] = set()
        self.menu.aboutToShow.connect(self.update_roles)
        self.update_roles()

    @classmethod
    def install(cls, window: QMainWindow, plans: Any, progress: Any, settings: QSettings,
                before: QAction | None = None) -> "RoundActions | None":
        if not isinstance(plans, PlanService) or not isinstance(progress, ProgressService):
            return None
        actions = cls(window, plans, progress, settings)
        bar = window.menuBar()
        if before is not None:
            bar.insertMenu(before, actions.menu)
        else:
            bar.addMenu(actions.menu)
        return actions

    def _action(self, text: str, slot: Any, tip: str, keys: str = "") -> QAction:
        action = QAction(text, self)
        action.setStatusTip(tip)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def update_roles(self) -> None:
        try:
            me = self.progress.identity()
        except TratError:
            me = None
        for action, capability in self.capabilities.items():
            action.setVisible(can(me, capability))
            action.setEnabled(can(me, capability))  # a hidden action's shortcut must not fire either
        for action, _view, capability in self.row_actions:
            action.setVisible(can(me, capability))
            action.setEnabled(can(me, capability))
        self.attach_views()

    def fiscal_year(self) -> int:
        return window_year(self.window, self.plans)

    # -- messages (tests replace the QMessageBox functions) ---------------------------------
    def inform(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.information(self.window, title, text)

    def warn(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self.window, title, text)

    def _start_dir(self) -> str:
        return str(self.settings.value(LAST_DIR_KEY, str(Path.home())))

    def _refresh(self) -> None:
        refresh = getattr(self.window, "refresh_data", None)
        if callable(refresh):
            refresh()

    # -- office --------------------------------------------------------------------------------
    def submit(self, folder: Path | None = None, accept: bool | None = None) -> Any:
        """The sign-off dialog; on ลงนาม the round's final file is written (in the background)."""
        year = self.fiscal_year()
        dialog = SubmitDialog(self.window, self.progress, year)
        self.dialog = dialog
        if accept is None:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        else:
            accepted = accept
        if not accepted:
            return None
        if folder is None:
            chosen = file_dialogs.getExistingDirectory(self.window, _("เลือกโฟลเดอร์ที่จะบันทึกไฟล์ส่งรายงาน"), self._start_dir())
            if not chosen:
                return None
            folder = Path(chosen)
        self.settings.setValue(LAST_DIR_KEY, str(folder))
        round_id, signer, position, target = dialog.round_id, dialog.signer.text(), dialog.position.text(), Path(folder)
        try:
            signed_on = dialog.signed_date()
        except TratError as exc:
            self.warn(_("ส่งรายงานไม่ได้"), exc.message)
            return None

        def work(plans: PlanService) -> Any:
            return _rounds(ProgressService(plans, clock=self.progress.clock)).submit(
                year, round_id, signer, position, signed_on=signed_on, folder=target)

        def done(result: Any) -> None:
            view, path = result
            self._refresh()
            self.inform(_("ส่งรายงานแล้ว"), _("ลงนามส่ง{name}แล้ว ค่าของรอบนี้ถูกล็อกบนเครื่องนี้\n\nไฟล์ส่งรายงาน: "
                                              "{path}\n\nโปรดส่งไฟล์นี้ให้ศูนย์ฯ ทาง LINE อีเมล หรือ USB").format(
                name=display.round_name(view.round), path=path))

        self.last_op = run_in_background(self.window, self.plans, work, done,
                                         lambda exc: self.warn(_("ส่งรายงานไม่ได้"), error_text(exc)),
                                         label=_("กำลังบันทึกไฟล์ส่งรายงาน…"))
        return self.last_op

    def withdraw(self, round_id: str | None = None, reason: str | None = None) -> None:
        year = self.fiscal_year()
        service = _rounds(self.progress)
        submitted = [v.round for v in service.views(year).values() if v.state == "submitted"]
        if not submitted:
            self.inform(_("ถอนการส่งรายงาน"), _("ยังไม่มีรอบที่ลงนามส่งรายงาน"))
            return
        if round_id is None:
            names = [display.round_name(r) for r in submitted]
            name, ok = QInputDialog.getItem(self.window, _("ถอนการส่งรายงาน"), _("รอบที่จะถอน"), names, 0, False)
            if not ok:
                return
            round_id = submitted[names.index(name)].id
        if reason is None:
            reason, ok = QInputDialog.getText(self.window, _("ถอนการส่งรายงาน"), _("เหตุผลที่ถอน (จะแจ้งศูนย์ฯ "
                                                                                   "ในไฟล์ถัดไป)"))
            if not ok:
                return
        try:
            view = service.withdraw(year, round_id, reason)
        except TratError as exc:
            self.warn(_("ถอนการส่งรายงานไม่ได้"), exc.message)
            return
        self._refresh()
        self.inform(_("ถอนการส่งรายงานแล้ว"), _("ถอนการส่ง{name}แล้ว แก้ไขค่าได้อีกครั้ง "
                                                "เมื่อแก้ไขเสร็จโปรดส่งรายงานรอบนี้ใหม่").format(
            name=display.round_name(view.round)))

    def import_reply(self, path: Path | None = None, trust: bool | None = None) -> Any:
        if path is None:
            chosen, _filter = file_dialogs.getOpenFileName(self.window, _("เลือกใบตอบรับจากศูนย์ฯ"), self._start_dir(), _(REPLY_FILES))
            if not chosen:
                return None
            path = Path(chosen)
        reply = Path(path)

        def work(plans: PlanService) -> dict[str, Any]:
            service = _replies(ProgressService(plans))
            try:
                return service.import_reply(reply)
            except TratError as exc:
                if not hasattr(exc, "fingerprint"):
                    raise
                return {"confirm": exc.fingerprint}

        def done(result: dict[str, Any]) -> None:
            if "confirm" in result:
                answer = trust
                if answer is None:
                    answer = QMessageBox.question(
                        self.window, _("ยืนยันกุญแจของศูนย์ฯ"),
                        _("ใบตอบรับนี้ลงนามด้วยกุญแจลายนิ้วมือ\n\n{confirm}\n\nโปรดโทรตรวจสอบกับศูนย์ฯ ว่าตรงกัน "
                          "แล้วกด “ใช่” เพื่อยอมรับ").format(
                            confirm=result['confirm'])) == QMessageBox.StandardButton.Yes
                if answer:
                    self.last_op = run_in_background(
                        self.window, self.plans, lambda plans: _replies(ProgressService(plans)).import_reply(reply, True),
                        done, lambda exc: self.warn(_("นำเข้าใบตอบรับไม่ได้"), error_text(exc)), label=_("กำลังนำเข้าใบตอบรับ…"))
                return
            self._refresh()
            extra = ""
            if result.get("status") == "imported":
                extra = display.show_digits(_("\n\nความเห็นใหม่ {comments} รายการ · ปลดล็อก {unlocks} รอบ").format(
                    comments=result['comments'], unlocks=result['unlocks']))
            self.inform(_("ใบตอบรับ"), result["message"] + extra)

        self.last_op = run_in_background(self.window, self.plans, work, done,
                                         lambda exc: self.warn(_("นำเข้าใบตอบรับไม่ได้"), error_text(exc)),
                                         label=_("กำลังนำเข้าใบตอบรับ…"))
        return self.last_op

    def show_comments(self) -> None:
        year = self.fiscal_year()
        found = _reviews(self.progress).comments(year)
        if not found:
            self.inform(_("ความเห็นจากศูนย์ฯ"), _("ยังไม่มีความเห็นจากศูนย์ฯ"))
            return
        lines = []
        for c in found:
            where = _("ไตรมาส {quarter}").format(
                quarter=c.quarter) if c.quarter else rules.ROUND_NAMES.get(c.round_id or "", "")
            answer = _("\n   ตอบแล้ว: {answer}").format(
                answer=c.answer) if c.answer else _("\n   (ยังไม่ได้ตอบ: ตอบที่ รอบรายงาน › ตอบความเห็นของศูนย์ฯ… "
                                                    "หรือกด Ctrl+M ที่แถวสีเหลือง)")
            lines.append(display.show_digits(f"#{c.id} {where}: {c.text}") + answer)
        self.inform(_("ความเห็นจากศูนย์ฯ"), "\n\n".join(lines))

    def answer_comment(self, comment_id: int | None = None, text: str | None = None) -> bool:
        """Choose an unanswered comment and answer it; the grid's flag goes once answered."""
        open_ones = [c for c in _reviews(self.progress).comments(self.fiscal_year()) if not c.answer]
        if not open_ones:
            self.inform(_("ตอบความเห็นของศูนย์ฯ"), _("ไม่มีความเห็นที่ยังไม่ได้ตอบ"))
            return False
        if comment_id is None:
            labels = [display.show_digits(f"#{c.id} " + (_("ไตรมาส {quarter}: ").format(
                quarter=c.quarter) if c.quarter else "") + c.text[:80])
                      for c in open_ones]
            chosen, ok = QInputDialog.getItem(self.window, _("ตอบความเห็นของศูนย์ฯ"), _("ความเห็น"), labels, 0, False)
            if not ok:
                return False
            comment_id = open_ones[labels.index(chosen)].id
        if text is None:
            asked = next((c for c in open_ones if c.id == comment_id), None)
            where = display.show_digits(_("ไตรมาส {quarter}: ").format(
                quarter=asked.quarter)) if asked is not None and asked.quarter else ""
            said = _("ความเห็นของศูนย์ฯ — {where}{text}\n\n").format(
                where=where, text=asked.text) if asked is not None else ""
            text, ok = QInputDialog.getMultiLineText(self.window, _("ตอบความเห็นของศูนย์ฯ"),
                                                     _("{said}คำตอบ (ไปกับไฟล์ส่งออกครั้งถัดไป)").format(said=said))
            if not ok:
                return False
        try:
            _reviews(self.progress).answer(comment_id, text)
        except TratError as exc:
            self.warn(_("ตอบความเห็นไม่ได้"), exc.message)
            return False
        self._refresh()
        self.inform(_("ตอบความเห็นแล้ว"), _("บันทึกคำตอบแล้ว คำตอบจะไปกับไฟล์ส่งออกครั้งถัดไป"))
        return True

    # -- coordinator ---------------------------------------------------------------------------
    def show_board(self, modal: bool = True) -> TimelinessDialog:
        dialog = TimelinessDialog(self.window, self, self.fiscal_year())
        self.dialog = dialog
        if modal:
            dialog.exec()
        return dialog

    def set_round_dates(self, fiscal_year: int | None = None, accept: bool | None = None) -> bool:
        """The period and due date of each round (coordinator); True when something was saved."""
        from .round_dates_dialog import RoundDatesDialog

        year = fiscal_year or self.fiscal_year()
        dialog = RoundDatesDialog(self.window, _rounds(self.progress), year)
        self.dialog = dialog
        if accept is None:
            dialog.exec()
        elif accept:
            dialog.save()
        if not dialog.saved:
            return False
        self._refresh()
        names = ", ".join(display.round_name(r) for r in dialog.saved)
        self.inform(_("กำหนดรอบรายงานแล้ว"), _("บันทึกวันที่ของ{names}แล้ว "
                                               "หน่วยงานจะได้รับวันที่ใหม่พร้อมแพ็กเกจแผนครั้งถัดไป (แฟ้ม → "
                                               "ส่งออกแพ็กเกจแผน…)").format(
            names=names))
        return True

    # -- on the grids: a comment on a row × quarter (coordinator), its answer (office) ------------
    def attach_views(self) -> None:
        """Put "ให้ความเห็น…" / "ตอบความเห็น…" (Ctrl+M) on the entry grid and the consolidated view."""
        page = getattr(self.window, "office_page", None)
        view = getattr(page, "table", None)
        if view is not None:
            self._attach(view, lambda index, p=page: self._entry_target(p, index), "comment",
                         _("ให้ความเห็นต่อแถวนี้ (ขอหลักฐานเพิ่ม)…"))
            self._attach(view, lambda index, p=page: self._entry_target(p, index), "answer_comment",
                         _("ตอบความเห็นของศูนย์ฯ ที่แถวนี้…"))
        pages = getattr(self.window, "coordinator_pages", None)
        # the overview once it is made (the window calls this again when it makes it on first showing)
        overview = pages.built("overview") if hasattr(pages, "built") else getattr(pages, "overview", None)
        view = getattr(overview, "view", None)
        if view is not None and hasattr(overview, "model") and hasattr(overview, "proxy"):
            self._attach(view, lambda index, o=overview: self._overview_target(o, index), "comment",
                         _("ให้ความเห็นต่อแถวนี้ (ขอหลักฐานเพิ่ม)…"))

    def _attach(self, view: Any, locate: Any, capability: str, text: str) -> None:
        key = hash((id(view), capability))
        if key in self._attached:
            return
        self._attached.add(key)
        action = QAction(text, view)
        action.setShortcut(QKeySequence("Ctrl+M"))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setStatusTip(_("ความเห็นไปกับใบตอบรับครั้งถัดไป") if capability == "comment"
                            else _("คำตอบไปกับไฟล์ส่งออกครั้งถัดไป"))
        if capability == "comment":
            action.triggered.connect(lambda _c=False: self.comment_on(locate(view.currentIndex())))
        else:
            action.triggered.connect(lambda _c=False: self.answer_here(locate(view.currentIndex())))
        view.addAction(action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        me = self.progress.identity()
        action.setVisible(can(me, capability))
        action.setEnabled(can(me, capability))
        self.row_actions.append((action, view, capability))

    @staticmethod
    def _entry_target(page: Any, index: QModelIndex) -> Any:
        from .comment_dialog import CommentTarget

        model = page.model
        if not index.isValid() or index.row() >= model.rowCount():
            return None
        line = model.line(index.row())
        item = getattr(line, "item", None)
        if item is None:
            return None
        return CommentTarget(item.fiscal_year, item.indicator_uid, f"{item.id} {item.indicator}",
                             ((item.agency_uid, item.agency_name),), line.quarter)

    @staticmethod
    def _overview_target(page: Any, index: QModelIndex) -> Any:
        from .comment_dialog import CommentTarget

        if not index.isValid():
            return None
        source = page.proxy.mapToSource(index)
        line = page.model.line(source.row())
        offices = tuple((o.agency_uid, o.agency_name) for o in line.offices())
        return CommentTarget(page.year, line.row.indicator_uid, f"{line.row.id} {line.row.indicator}", offices,
                             page.quarter())

    def comment_on(self, target: Any, text: str | None = None, office_uid: str | None = None,
                   quarter: int | None = None) -> Any:
        """The coordinator's comment on one row × quarter of an office (ReviewService.comment)."""
        from .comment_dialog import CommentDialog

        if not can(self.progress.identity(), "comment"):
            return None
        if target is None or not target.offices:
            self.warn(_("ให้ความเห็นไม่ได้"), _("โปรดเลือกแถวตัวชี้วัด (ไตรมาส) ในตารางก่อน"))
            return None
        if text is None:
            dialog = CommentDialog(self.window, target)
            self.dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            text, office_uid, quarter = dialog.comment_text(), dialog.office_uid(), dialog.quarter()
        office_uid = office_uid or target.offices[0][0]
        try:
            made = _reviews(self.progress).comment(target.indicator_uid, quarter or target.quarter, text,
                                                   agency=office_uid, fiscal_year=target.fiscal_year)
        except TratError as exc:
            self.warn(_("บันทึกความเห็นไม่ได้"), exc.message)
            return None
        name = dict(target.offices).get(office_uid, "")
        marks = getattr(getattr(self.window, "office_page", None), "refresh_comments", None)
        if callable(marks):
            marks()  # the grid marks the new comment (●) without reloading the rows
        self.window.statusBar().showMessage(display.show_digits(
            _("บันทึกความเห็นถึง{name} ไตรมาส {quarter} แล้ว (ไปกับใบตอบรับครั้งถัดไป)").format(
                name=name, quarter=made.quarter)), 10000)
        self.last_message = made.text
        return made

    def answer_here(self, target: Any, text: str | None = None) -> bool:
        """The office answers the centre's open comment(s) on the grid's current row × quarter."""
        if target is None:
            return self.answer_comment(text=text) if text is not None else self.answer_comment()
        open_ones = [c for c in _reviews(self.progress).comments(target.fiscal_year)
                     if not c.answer and c.indicator_uid == target.indicator_uid and c.quarter == target.quarter]
        if not open_ones:
            return self.answer_comment(text=text) if text is not None else self.answer_comment()
        return self.answer_comment(open_ones[0].id, text)

    def export_replies(self, year: int, folder: Path | None = None) -> Any:
        if folder is None:
            chosen = file_dialogs.getExistingDirectory(self.window, _("เลือกโฟลเดอร์ที่จะบันทึกใบตอบรับ"), self._start_dir())
            if not chosen:
                return None
            folder = Path(chosen)
        target = Path(folder)

        def done(made: list[Path]) -> None:
            self.inform(_("ส่งใบตอบรับ"), display.show_digits(_("บันทึกใบตอบรับ {count} ไฟล์แล้ว").format(
                count=len(made))) + f"\n\n{target}")

        self.last_op = run_in_background(self.window, self.plans,
                                         lambda plans: _replies(ProgressService(plans)).export_all(target, year), done,
                                         lambda exc: self.warn(_("ส่งใบตอบรับไม่ได้"), error_text(exc)),
                                         label=_("กำลังบันทึกใบตอบรับ…"))
        return self.last_op
