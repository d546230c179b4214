"""ให้ความเห็นต่อตัวชี้วัด (coordinator): a comment on one row × quarter of an office ("ขอหลักฐานเพิ่ม").

Opened from the coordinator's grid and the consolidated view (context menu, Ctrl+M). The comment is saved by
services/rounds.py ``ReviewService.comment`` (the CLI's ``comment ROW_ID --quarter N --agency A --text T``) and
travels to the office in its next reply (ใบตอบรับ).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from ..i18n import _
from . import display
from .qt_thai import name_buttons

#: ready texts the coordinator most often sends (a click puts one into the box)
#: (the office reads them: text that goes to the office stays Thai whatever the screen's language)
QUICK_TEXTS = ("ขอหลักฐานเพิ่ม", "ขอภาพถ่ายกิจกรรม", "โปรดตรวจสอบตัวเลขผลการดำเนินงาน", "โปรดระบุเหตุผล")


@dataclass(frozen=True)
class CommentTarget:
    """The row × quarter a comment is about, and the offices that report it."""

    fiscal_year: int
    indicator_uid: str
    label: str                        # '1/1.5/2 จำนวนผู้เข้าร่วม…' (people read it; the uid identifies)
    offices: tuple[tuple[str, str], ...]   # (agency uid, name)
    quarter: int


class CommentDialog(QDialog):
    """Which office, which quarter, and the text; OK is "บันทึกความเห็น"."""

    def __init__(self, parent: QWidget | None, target: CommentTarget) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("ให้ความเห็นต่อตัวชี้วัด"))
        self.target = target
        layout = QVBoxLayout(self)
        where = QLabel(display.show_digits(target.label))
        where.setWordWrap(True)
        layout.addWidget(where)
        form = QFormLayout()
        self.office_combo = QComboBox()
        for uid, name in target.offices:
            self.office_combo.addItem(name, uid)
        office_label = QLabel(_("หน่วยงาน (&O)"))
        office_label.setBuddy(self.office_combo)
        form.addRow(office_label, self.office_combo)
        self.quarter_combo = QComboBox()
        for quarter in (1, 2, 3, 4):
            self.quarter_combo.addItem(display.show_digits(_("ไตรมาส {quarter}").format(quarter=quarter)), quarter)
        self.quarter_combo.setCurrentIndex(max(0, min(3, target.quarter - 1)))
        quarter_label = QLabel(_("ไตรมาส (&Q)"))
        quarter_label.setBuddy(self.quarter_combo)
        form.addRow(quarter_label, self.quarter_combo)
        layout.addLayout(form)
        text_label = QLabel(_("ความเห็นถึงหน่วยงาน (&T)"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(_("เช่น ขอหลักฐานเพิ่ม: ภาพถ่ายกิจกรรมและรายชื่อผู้เข้าร่วม"))
        text_label.setBuddy(self.text)
        layout.addWidget(text_label)
        layout.addWidget(self.text, 1)
        quick = QHBoxLayout()
        self.quick_buttons = []
        for number, phrase in enumerate(QUICK_TEXTS, start=1):
            button = QPushButton(f"{phrase} (&{number})")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, p=phrase: self._add(p))
            quick.addWidget(button)
            self.quick_buttons.append(button)
        layout.addLayout(quick)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons, _("บันทึกความเห็น"))
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.office_combo, self.quarter_combo)
        QWidget.setTabOrder(self.quarter_combo, self.text)
        self.text.setFocus()
        self.resize(560, 320)

    def _add(self, phrase: str) -> None:
        current = self.text.toPlainText().strip()
        self.text.setPlainText(f"{current} {phrase}".strip() if current else phrase)
        self.text.setFocus()

    def _try_accept(self) -> None:
        if not self.comment_text():
            self.error_label.setText(_("โปรดพิมพ์ความเห็นถึงหน่วยงานก่อนบันทึก"))
            self.error_label.show()
            return
        self.accept()

    def office_uid(self) -> str:
        return str(self.office_combo.currentData())

    def quarter(self) -> int:
        return int(self.quarter_combo.currentData())

    def comment_text(self) -> str:
        return self.text.toPlainText().strip()
