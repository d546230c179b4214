"""ตั้งค่า › เกณฑ์ผลสัมฤทธิ์… : the coordinator's band thresholds (บรรลุ / ใกล้เคียง), the offices take them with
the next plan package. Built in code (a small form), like the round dialogs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ..domain.capabilities import can
from ..domain.figures import RULE_TEXT, Thresholds, ThresholdError
from ..errors import TratError
from ..i18n import _, language
from . import display
from .qt_thai import name_buttons


class ThresholdsDialog(QDialog):
    """Two percentages, checked as they change (0 < ใกล้เคียง ≤ บรรลุ ≤ 100), with the rule in words."""

    def __init__(self, parent: QWidget | None, current: Thresholds) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("เกณฑ์ผลสัมฤทธิ์"))
        layout = QVBoxLayout(self)
        intro = QLabel(_("ร้อยละความสำเร็จ (ผลสะสม ÷ เป้าหมาย) ที่ถือว่า “บรรลุ” และ “ใกล้เคียง” "
                       "ใช้ทั้งในแดชบอร์ด ตารางภาพรวม รายงาน และไฟล์ Excel "
                       "หน่วยงานได้รับเกณฑ์นี้พร้อมแพ็กเกจแผนฉบับถัดไป"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.achieved = self._spin(current.achieved)
        self.near = self._spin(current.near)
        form.addRow(_("บรรลุ เมื่อถึงร้อยละ"), self.achieved)
        form.addRow(_("ใกล้เคียง เมื่อถึงร้อยละ"), self.near)
        layout.addLayout(form)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setToolTip(_(RULE_TEXT))
        layout.addWidget(self.rule)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons, _("บันทึก"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.achieved.valueChanged.connect(self._check)
        self.near.valueChanged.connect(self._check)
        self._check()

    @staticmethod
    def _spin(value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0.0, 100.0)
        spin.setDecimals(1)
        spin.setSingleStep(5.0)
        spin.setSuffix(" %")
        spin.setValue(value)
        return spin

    def thresholds(self) -> Thresholds:
        """The values shown (raises ThresholdError in Thai when they break the rule)."""
        return Thresholds(self.achieved.value(), self.near.value())

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            self.rule.setText(display.show_digits(self.thresholds().text(False, language())))
            self.rule.setStyleSheet("")
            ok.setEnabled(True)
        except ThresholdError as exc:
            self.rule.setText(exc.message)
            self.rule.setStyleSheet("color: #b3261e;")
            ok.setEnabled(False)


class FiguresActions(QObject):
    """The ตั้งค่า menu's เกณฑ์ผลสัมฤทธิ์… item (shown to the coordinator only: the capability table)."""

    def __init__(self, window: QMainWindow, progress: Any, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.progress = progress
        self.dialog: ThresholdsDialog | None = None
        self.last_message = ""
        self.action = QAction(_("เกณฑ์ผลสัมฤทธิ์ (บรรลุ/ใกล้เคียง)…"), self)
        self.action.setStatusTip(_("กำหนดร้อยละความสำเร็จที่ถือว่าบรรลุและใกล้เคียงเป้าหมาย"))
        self.action.triggered.connect(lambda _checked=False: self.edit())
        menu.addAction(self.action)
        menu.aboutToShow.connect(self.update_roles)
        self.update_roles()

    @classmethod
    def install(cls, window: QMainWindow, progress: Any, menu: QMenu | None) -> "FiguresActions | None":
        from ..services import ProgressService

        if menu is None or not isinstance(progress, ProgressService):
            return None
        return cls(window, progress, menu)

    def _service(self) -> Any:
        from ..services.figures import FiguresService

        return FiguresService(self.progress)

    def update_roles(self) -> None:
        try:
            me = self.progress.identity()
        except TratError:
            self.action.setVisible(False)
            return
        self.action.setVisible(can(me, "set_thresholds"))

    def edit(self, values: tuple[float, float] | None = None) -> ThresholdsDialog | None:
        """Open the dialog (tests pass *values* to fill it and save at once)."""
        self.dialog = ThresholdsDialog(self.window, self._service().thresholds())
        self.dialog.accepted.connect(self._save)
        if values is not None:
            self.dialog.achieved.setValue(values[0])
            self.dialog.near.setValue(values[1])
            if self.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
                self.dialog.accept()
            return self.dialog
        self.dialog.open()
        return self.dialog

    def _save(self) -> None:
        assert self.dialog is not None
        try:
            saved = self._service().set_thresholds(self.dialog.achieved.value(), self.dialog.near.value())
        except TratError as exc:
            from PySide6.QtWidgets import QMessageBox

            self.last_message = exc.message
            QMessageBox.warning(self.window, _("เกณฑ์ผลสัมฤทธิ์"), exc.message)
            return
        self.last_message = _("บันทึกเกณฑ์แล้ว: ") + saved.text(display.thai_digits_enabled(), language())
        self.window.statusBar().showMessage(self.last_message, 8000)
        refresh = getattr(self.window, "refresh_data", None)
        if callable(refresh):
            refresh()
