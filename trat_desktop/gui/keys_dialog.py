"""Keys and fingerprints ("กุญแจและลายนิ้วมือ"): this installation's fingerprint, large enough
to read over the phone, and for the coordinator the offices' pinned keys with "ลงทะเบียนใหม่"
(forget a key, e.g. after an office changed its PC, so its next file asks again)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox, QPushButton, QTableWidgetItem, QWidget

from ..domain.capabilities import can
from ..domain.identity import COORDINATOR_NAME
from ..errors import TratError
from ..i18n import _
from . import display
from .forms.ui_keys_dialog import Ui_KeysDialog
from .style import emphasise


class KeysDialog(QDialog):
    """Show fingerprints; re-enrol an office (coordinator)."""

    #: an office's key was forgotten (its name)
    reenrolled = Signal(str)

    def __init__(self, exchange: Any, progress: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_KeysDialog()
        self.form.setupUi(self)
        self._exchange = exchange
        self._progress = progress
        self.fingerprint = ""
        self.offices: list[tuple[str, str, str]] = []  # (name, fingerprint, pinned at)
        self.reenrol_buttons: dict[str, QPushButton] = {}
        form = self.form
        emphasise(form.fingerprintLabel, 2.4, letter_spacing=3)
        header = form.officesTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        form.officesTable.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        form.copyButton.clicked.connect(self.copy_fingerprint)
        form.closeButton.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        form = self.form
        me = self._progress.identity()
        try:
            self.fingerprint = self._exchange.fingerprint()
        except TratError as exc:
            self.fingerprint = ""
            form.roleLabel.setText(exc.message)
        # Arabic digits on purpose: the other side may show either script, digits read the same aloud
        form.fingerprintLabel.setText(self.fingerprint)
        coordinator = can(me, "manage_office_keys")
        who = _(COORDINATOR_NAME) if coordinator else (me.office_name or _("ยังไม่ได้ตั้งค่าหน่วยงาน"))
        form.roleLabel.setText(_("เครื่องนี้: {who}").format(who=who))
        form.officesGroup.setVisible(coordinator)
        if not coordinator:
            form.myHintLabel.setText(_("อ่านตัวเลขนี้ให้ผู้ประสานงานจังหวัดฟังทางโทรศัพท์ "
                                       "เมื่อส่งไฟล์เป็นครั้งแรกหรือเมื่อเปลี่ยนเครื่อง "
                                     "อีกฝ่ายต้องเห็นตัวเลขเดียวกันทุกตัว"))
        else:
            form.myHintLabel.setText(_("หน่วยงานจะเห็นตัวเลขนี้เมื่อนำเข้าแพ็กเกจแผนครั้งแรก "
                                       "ให้ยืนยันกับหน่วยงานทางโทรศัพท์"))
            self._fill_offices()

    def _fill_offices(self) -> None:
        table = self.form.officesTable
        try:
            names = {a.uid: a.name for a in self._exchange.plans.agencies()}
            keys = list(self._exchange.office_keys())
        except TratError as exc:
            self.form.officesHintLabel.setText(exc.message)
            keys, names = [], {}
        self.offices = [(names.get(k["agency_uid"], k["agency_uid"]), k["fingerprint"], k.get("pinned_at") or "")
                        for k in keys]
        self.offices.sort()
        self.reenrol_buttons = {}
        table.setRowCount(len(self.offices))
        for row, (name, fingerprint, pinned_at) in enumerate(self.offices):
            table.setItem(row, 0, QTableWidgetItem(name))
            fp_item = QTableWidgetItem(fingerprint)
            font = QFont(fp_item.font())
            font.setBold(True)
            fp_item.setFont(font)
            table.setItem(row, 1, fp_item)
            table.setItem(row, 2, QTableWidgetItem(display.timestamp_text(pinned_at) if pinned_at else ""))
            button = QPushButton(_("ลงทะเบียนใหม่"))
            button.setToolTip(_("ลืมกุญแจของ{name} ไฟล์ถัดไปของหน่วยงานนี้จะต้องยืนยันลายนิ้วมือใหม่").format(
                name=name))
            button.clicked.connect(lambda _=False, office=name: self.reenrol(office))
            table.setCellWidget(row, 3, button)
            self.reenrol_buttons[name] = button
        if self.reenrol_buttons:
            hint = next(iter(self.reenrol_buttons.values())).sizeHint()
            table.setColumnWidth(3, hint.width() + 16)
            table.verticalHeader().setDefaultSectionSize(max(hint.height() + 8, table.fontMetrics().height() + 14))
        if not self.offices:
            self.form.officesHintLabel.setText(_("ยังไม่มีหน่วยงานที่ลงทะเบียนกุญแจ "
                                                 "(ลงทะเบียนเมื่อนำเข้าไฟล์แรกของแต่ละหน่วยงาน)"))

    def copy_fingerprint(self) -> None:
        QGuiApplication.clipboard().setText(self.fingerprint)

    def reenrol(self, office: str, confirm: bool = True) -> bool:
        """Forget *office*'s pinned key (after asking); True when it was forgotten."""
        if confirm:
            answer = QMessageBox.question(
                self, _("ลงทะเบียนกุญแจใหม่"),
                _("ลืมกุญแจของ{office}?\n\nใช้เมื่อหน่วยงานเปลี่ยนเครื่องหรือติดตั้งโปรแกรมใหม่ "
                  "ไฟล์ถัดไปของหน่วยงานนี้จะต้องยืนยันลายนิ้วมือใหม่ทางโทรศัพท์ก่อนนำเข้า").format(
                    office=office))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            done = self._exchange.reenrol(office)
        except TratError as exc:
            QMessageBox.warning(self, _("ลงทะเบียนใหม่ไม่ได้"), exc.message)
            return False
        self.reload()
        if done:
            self.reenrolled.emit(office)
        return bool(done)
