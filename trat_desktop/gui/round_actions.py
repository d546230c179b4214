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

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QInputDialog, QLabel, QLineEdit, QListWidget, QMainWindow, QMenu, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..domain import rounds as rules
from ..domain.capabilities import can
from ..errors import TratError
from ..services import PlanService, ProgressService
from . import display, file_dialogs
from .ops import error_text, run_in_background

LAST_DIR_KEY = "rounds/last_dir"
REPLY_FILES = "ใบตอบรับ (*.trat);;ทุกไฟล์ (*)"


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


def thai_buttons(box: QDialogButtonBox, ok: str, cancel: str = "ยกเลิก") -> None:
    """Thai text on a button box's OK and Cancel (Qt ships no Thai translation of its own)."""
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)


class SubmitDialog(QDialog):
    """ส่งรายงานรอบนี้: the round, its due date, what still blocks a sign-off, and who signs."""

    def __init__(self, parent: QWidget, progress: ProgressService, fiscal_year: int) -> None:
        super().__init__(parent)
        self.setWindowTitle("ส่งรายงานรอบนี้")
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
            self.round_combo.addItem(item.name, item.id)
            if current is not None and item.id == current.id:
                self.round_combo.setCurrentIndex(self.round_combo.count() - 1)
        form.addRow("รอบรายงาน", self.round_combo)
        self.due_label = QLabel()
        form.addRow("กำหนดส่ง", self.due_label)
        self.signer = QLineEdit(me.head_name)
        self.position = QLineEdit(me.head_position)
        form.addRow("หัวหน้าส่วนราชการผู้ลงนาม", self.signer)
        form.addRow("ตำแหน่ง", self.position)
        layout.addLayout(form)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        self.missing = QListWidget()
        layout.addWidget(self.missing)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        thai_buttons(self.buttons, "ลงนามและบันทึกไฟล์ส่งรายงาน")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.round_combo.currentIndexChanged.connect(lambda *_: self.refresh())
        self.refresh()

    @property
    def round_id(self) -> str:
        return str(self.round_combo.currentData())

    def refresh(self) -> None:
        item = self.service.find(self.fiscal_year, self.round_id)
        today = self.progress.today()
        self.due_label.setText(f"{rules.be_date_text(item.start)} – {rules.be_date_text(item.end)} · "
                               f"{rules.due_text(item, today)}")
        view = self.service.views(self.fiscal_year).get(item.id)
        missing = self.service.missing(self.fiscal_year, item.id)
        self.missing.clear()
        for cell in missing:
            self.missing.addItem(display.show_digits(f"{cell.label} ไตรมาส {cell.quarter}: ยังไม่มีผล "
                                                     "หรือมีสถานะแต่ไม่ระบุเหตุผล"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if view is not None and view.state == "submitted":
            self.state_label.setText(f"{item.name}ลงนามส่งรายงานแล้ว")
            ok.setEnabled(False)
        elif missing:
            self.state_label.setText(display.show_digits(
                f"ยังส่งไม่ได้: ตัวชี้วัดที่ถึงกำหนด {len(missing)} รายการยังไม่มีผล (หรือมีสถานะแต่ไม่ระบุเหตุผล) "
                "โปรดบันทึกให้ครบก่อน"))
            ok.setEnabled(False)
        else:
            changed = f" (แก้ไขหลังลงนามครั้งก่อน {view.changed_after_signoff} รายการ)" if view and view.changed_after_signoff else ""
            self.state_label.setText(f"ตัวชี้วัดที่ถึงกำหนดมีผลครบแล้ว เมื่อลงนาม ค่าของ{item.name}จะถูกล็อกบนเครื่องนี้ "
                                     f"และโปรแกรมจะบันทึกไฟล์ส่งรายงานฉบับสุดท้ายของรอบ{changed}")
            ok.setEnabled(True)


class TimelinessDialog(QDialog):
    """ติดตามการส่งรายงาน (coordinator): every office for a round, its review and timeliness."""

    COLUMNS = ("หน่วยงาน", "สถานะ", "ความตรงเวลา", "ลงนามส่ง", "ได้รับไฟล์", "แก้ไขหลังลงนาม")

    def __init__(self, parent: QWidget, actions: "RoundActions", fiscal_year: int) -> None:
        super().__init__(parent)
        self.setWindowTitle("ติดตามการส่งรายงาน")
        self.actions = actions
        self.fiscal_year = fiscal_year
        self.review = _reviews(actions.progress)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("รอบรายงาน"))
        self.round_combo = QComboBox()
        current = self.review.rounds.open_round(fiscal_year)
        for item in self.review.rounds.rounds(fiscal_year):
            self.round_combo.addItem(f"{item.name} (ครบกำหนด {rules.be_date_text(item.due)})", item.id)
            if current is not None and item.id == current.id:
                self.round_combo.setCurrentIndex(self.round_combo.count() - 1)
        top.addWidget(self.round_combo, 1)
        layout.addLayout(top)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.accept_button = QPushButton("รับรายงาน")
        self.return_button = QPushButton("ส่งคืนเพื่อแก้ไข…")
        self.unlock_button = QPushButton("ปลดล็อก")
        self.copy_button = QPushButton("คัดลอกข้อความแจ้งเตือน")
        self.replies_button = QPushButton("ส่งใบตอบรับทุกหน่วยงาน…")
        for button in (self.accept_button, self.return_button, self.unlock_button, self.copy_button,
                       self.replies_button):
            row.addWidget(button)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("ปิด")
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.accept_button.clicked.connect(lambda: self.set_state("accept"))
        self.return_button.clicked.connect(lambda: self.set_state("return"))
        self.unlock_button.clicked.connect(lambda: self.set_state("unlock"))
        self.copy_button.clicked.connect(self.copy_reminders)
        self.replies_button.clicked.connect(lambda: actions.export_replies(self.fiscal_year))
        self.round_combo.currentIndexChanged.connect(lambda *_: self.refresh())
        self.entries: list[Any] = []
        self.refresh()

    @property
    def round_id(self) -> str:
        return str(self.round_combo.currentData())

    def refresh(self) -> None:
        from ..services.rounds import board

        self.entries = board(self.review, self.fiscal_year, self.round_id)
        self.table.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            values = (e.office_name, rules.REVIEW_TEXT[e.state], e.punctuality.text(),
                      rules.be_date_text(dt.date.fromisoformat(e.signed_on)) if e.signed_on else "",
                      display.show_digits(e.received_at[:16].replace("T", " ")) if e.received_at else "",
                      display.show_digits(str(e.changed_after_signoff)) if e.changed_after_signoff else "")
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def selected(self) -> Any:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def set_state(self, action: str) -> None:
        entry = self.selected()
        if entry is None:
            self.actions.warn("ยังไม่ได้เลือกหน่วยงาน", "โปรดเลือกหน่วยงานในตารางก่อน")
            return
        comment = ""
        if action == "return":
            comment, ok = QInputDialog.getMultiLineText(self, "ส่งคืนเพื่อแก้ไข",
                                                        f"ความเห็นถึง{entry.office_name} (ต้องแก้ไขอะไร)")
            if not ok:
                return
        try:
            self.review.set_state(entry.office_uid, self.fiscal_year, self.round_id, action, comment)
        except TratError as exc:
            self.actions.warn("บันทึกผลการตรวจไม่ได้", exc.message)
            return
        self.refresh()

    def copy_reminders(self) -> None:
        from ..services.rounds import reminders

        found = reminders(self.review, self.fiscal_year, self.round_id)
        text = "\n\n".join(f"— {office} —\n{message}" for office, message in found)
        QGuiApplication.clipboard().setText(text)
        self.actions.inform("คัดลอกแล้ว", display.show_digits(
            f"คัดลอกข้อความแจ้งเตือน {len(found)} หน่วยงานแล้ว วางใน LINE หรืออีเมลได้ทันที") if found
            else "ไม่มีหน่วยงานที่ต้องแจ้งเตือนในรอบนี้")


class RoundActions(QObject):
    """The รอบรายงาน menu of one main window."""

    def __init__(self, window: QMainWindow, plans: PlanService, progress: ProgressService,
                 settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.plans = plans
        self.progress = progress
        self.settings = settings
        self.last_message = ""
        self.last_op: Any = None
        self.dialog: Any = None
        self.menu = QMenu("รอบรายงาน", window)
        a = self._action
        self.submit_action = a("ส่งรายงานรอบนี้…", self.submit, "ลงนามส่งรายงานของรอบ ค่าของรอบจะถูกล็อก")
        self.withdraw_action = a("ถอนการส่งรายงาน…", self.withdraw, "ถอนการส่งรายงานเพื่อแก้ไข (ก่อนศูนย์ฯ รับรายงาน)")
        self.reply_action = a("นำเข้าใบตอบรับ…", self.import_reply, "ใบตอบรับและความเห็นจากศูนย์ฯ")
        self.comments_action = a("ความเห็นจากศูนย์ฯ…", self.show_comments, "ความเห็นของศูนย์ฯ และคำตอบ")
        self.answer_action = a("ตอบความเห็นของศูนย์ฯ…", self.answer_comment,
                               "ตอบความเห็นที่ยังไม่ได้ตอบ (คำตอบไปกับไฟล์ส่งออกครั้งถัดไป)")
        self.board_action = a("ติดตามการส่งรายงาน…", self.show_board,
                              "ทุกหน่วยงาน: ได้รับหรือยัง ตรงเวลาหรือไม่ ผลการตรวจ ข้อความแจ้งเตือน")
        self.office_actions = [self.submit_action, self.withdraw_action, self.reply_action, self.comments_action,
                               self.answer_action]
        self.coordinator_actions = [self.board_action]
        for action in self.office_actions + self.coordinator_actions:
            self.menu.addAction(action)
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

    def _action(self, text: str, slot: Any, tip: str) -> QAction:
        action = QAction(text, self)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def update_roles(self) -> None:
        me = self.progress.identity()
        for action in self.office_actions:
            action.setVisible(can(me, "submit_round"))
        for action in self.coordinator_actions:
            action.setVisible(can(me, "review"))

    def fiscal_year(self) -> int:
        combo = getattr(getattr(self.window, "form", None), "yearCombo", None)
        year = combo.currentData() if combo is not None else None
        return int(year) if year else self.plans.fiscal_years()[-1]

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
            chosen = file_dialogs.getExistingDirectory(self.window, "เลือกโฟลเดอร์ที่จะบันทึกไฟล์ส่งรายงาน", self._start_dir())
            if not chosen:
                return None
            folder = Path(chosen)
        self.settings.setValue(LAST_DIR_KEY, str(folder))
        round_id, signer, position, target = dialog.round_id, dialog.signer.text(), dialog.position.text(), Path(folder)

        def work(plans: PlanService) -> Any:
            return _rounds(ProgressService(plans, clock=self.progress.clock)).submit(
                year, round_id, signer, position, folder=target)

        def done(result: Any) -> None:
            view, path = result
            self._refresh()
            self.inform("ส่งรายงานแล้ว", f"ลงนามส่ง{view.round.name}แล้ว ค่าของรอบนี้ถูกล็อกบนเครื่องนี้\n\n"
                                         f"ไฟล์ส่งรายงาน: {path}\n\nโปรดส่งไฟล์นี้ให้ศูนย์ฯ ทาง LINE อีเมล หรือ USB")

        self.last_op = run_in_background(self.window, self.plans, work, done,
                                         lambda exc: self.warn("ส่งรายงานไม่ได้", error_text(exc)),
                                         label="กำลังบันทึกไฟล์ส่งรายงาน…")
        return self.last_op

    def withdraw(self, round_id: str | None = None, reason: str | None = None) -> None:
        year = self.fiscal_year()
        service = _rounds(self.progress)
        submitted = [v.round for v in service.views(year).values() if v.state == "submitted"]
        if not submitted:
            self.inform("ถอนการส่งรายงาน", "ยังไม่มีรอบที่ลงนามส่งรายงาน")
            return
        if round_id is None:
            names = [r.name for r in submitted]
            name, ok = QInputDialog.getItem(self.window, "ถอนการส่งรายงาน", "รอบที่จะถอน", names, 0, False)
            if not ok:
                return
            round_id = submitted[names.index(name)].id
        if reason is None:
            reason, ok = QInputDialog.getText(self.window, "ถอนการส่งรายงาน", "เหตุผลที่ถอน (จะแจ้งศูนย์ฯ ในไฟล์ถัดไป)")
            if not ok:
                return
        try:
            view = service.withdraw(year, round_id, reason)
        except TratError as exc:
            self.warn("ถอนการส่งรายงานไม่ได้", exc.message)
            return
        self._refresh()
        self.inform("ถอนการส่งรายงานแล้ว", f"ถอนการส่ง{view.round.name}แล้ว แก้ไขค่าได้อีกครั้ง เมื่อแก้ไขเสร็จโปรดส่งรายงานรอบนี้ใหม่")

    def import_reply(self, path: Path | None = None, trust: bool | None = None) -> Any:
        if path is None:
            chosen, _ = file_dialogs.getOpenFileName(self.window, "เลือกใบตอบรับจากศูนย์ฯ", self._start_dir(), REPLY_FILES)
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
                        self.window, "ยืนยันกุญแจของศูนย์ฯ",
                        f"ใบตอบรับนี้ลงนามด้วยกุญแจลายนิ้วมือ\n\n{result['confirm']}\n\nโปรดโทรตรวจสอบกับศูนย์ฯ "
                        "ว่าตรงกัน แล้วกด “ใช่” เพื่อยอมรับ") == QMessageBox.StandardButton.Yes
                if answer:
                    self.last_op = run_in_background(
                        self.window, self.plans, lambda plans: _replies(ProgressService(plans)).import_reply(reply, True),
                        done, lambda exc: self.warn("นำเข้าใบตอบรับไม่ได้", error_text(exc)), label="กำลังนำเข้าใบตอบรับ…")
                return
            self._refresh()
            extra = ""
            if result.get("status") == "imported":
                extra = display.show_digits(f"\n\nความเห็นใหม่ {result['comments']} รายการ · ปลดล็อก {result['unlocks']} รอบ")
            self.inform("ใบตอบรับ", result["message"] + extra)

        self.last_op = run_in_background(self.window, self.plans, work, done,
                                         lambda exc: self.warn("นำเข้าใบตอบรับไม่ได้", error_text(exc)),
                                         label="กำลังนำเข้าใบตอบรับ…")
        return self.last_op

    def show_comments(self) -> None:
        year = self.fiscal_year()
        found = _reviews(self.progress).comments(year)
        if not found:
            self.inform("ความเห็นจากศูนย์ฯ", "ยังไม่มีความเห็นจากศูนย์ฯ")
            return
        lines = []
        for c in found:
            where = f"ไตรมาส {c.quarter}" if c.quarter else rules.ROUND_NAMES.get(c.round_id or "", "")
            answer = f"\n   ตอบแล้ว: {c.answer}" if c.answer else "\n   (ยังไม่ได้ตอบ: ตอบด้วยคำสั่ง comment answer)"
            lines.append(display.show_digits(f"#{c.id} {where}: {c.text}") + answer)
        self.inform("ความเห็นจากศูนย์ฯ", "\n\n".join(lines))

    def answer_comment(self, comment_id: int | None = None, text: str | None = None) -> bool:
        """Choose an unanswered comment and answer it; the grid's flag goes once answered."""
        open_ones = [c for c in _reviews(self.progress).comments(self.fiscal_year()) if not c.answer]
        if not open_ones:
            self.inform("ตอบความเห็นของศูนย์ฯ", "ไม่มีความเห็นที่ยังไม่ได้ตอบ")
            return False
        if comment_id is None:
            labels = [display.show_digits(f"#{c.id} " + (f"ไตรมาส {c.quarter}: " if c.quarter else "") + c.text[:80])
                      for c in open_ones]
            chosen, ok = QInputDialog.getItem(self.window, "ตอบความเห็นของศูนย์ฯ", "ความเห็น", labels, 0, False)
            if not ok:
                return False
            comment_id = open_ones[labels.index(chosen)].id
        if text is None:
            text, ok = QInputDialog.getMultiLineText(self.window, "ตอบความเห็นของศูนย์ฯ", "คำตอบ (ไปกับไฟล์ส่งออกครั้งถัดไป)")
            if not ok:
                return False
        try:
            _reviews(self.progress).answer(comment_id, text)
        except TratError as exc:
            self.warn("ตอบความเห็นไม่ได้", exc.message)
            return False
        self._refresh()
        self.inform("ตอบความเห็นแล้ว", "บันทึกคำตอบแล้ว คำตอบจะไปกับไฟล์ส่งออกครั้งถัดไป")
        return True

    # -- coordinator ---------------------------------------------------------------------------
    def show_board(self, modal: bool = True) -> TimelinessDialog:
        dialog = TimelinessDialog(self.window, self, self.fiscal_year())
        self.dialog = dialog
        if modal:
            dialog.exec()
        return dialog

    def export_replies(self, year: int, folder: Path | None = None) -> Any:
        if folder is None:
            chosen = file_dialogs.getExistingDirectory(self.window, "เลือกโฟลเดอร์ที่จะบันทึกใบตอบรับ", self._start_dir())
            if not chosen:
                return None
            folder = Path(chosen)
        target = Path(folder)

        def done(made: list[Path]) -> None:
            self.inform("ส่งใบตอบรับ", display.show_digits(f"บันทึกใบตอบรับ {len(made)} ไฟล์แล้ว") + f"\n\n{target}")

        self.last_op = run_in_background(self.window, self.plans,
                                         lambda plans: _replies(ProgressService(plans)).export_all(target, year), done,
                                         lambda exc: self.warn("ส่งใบตอบรับไม่ได้", error_text(exc)),
                                         label="กำลังบันทึกใบตอบรับ…")
        return self.last_op
