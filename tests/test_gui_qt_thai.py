"""Qt's own texts in Thai (issue 15): message-box and button-box buttons, the text fields' context menu."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from trat_desktop.gui import qt_thai

LATIN = re.compile(r"[A-Za-z]")
SB = QMessageBox.StandardButton
ALL_BUTTONS = [SB.Ok, SB.Save, SB.SaveAll, SB.Open, SB.Yes, SB.YesToAll, SB.No, SB.NoToAll, SB.Abort, SB.Retry,
               SB.Ignore, SB.Close, SB.Cancel, SB.Discard, SB.Help, SB.Apply, SB.Reset, SB.RestoreDefaults]


def test_every_standard_button_reads_thai(qapp) -> None:
    qt_thai.install(qapp)
    assert qt_thai.install(qapp) is qt_thai.install(qapp)  # once
    buttons = SB.NoButton
    for b in ALL_BUTTONS:
        buttons |= b
    box = QMessageBox(QMessageBox.Icon.Question, "ยืนยัน", "ข้อความ", buttons)
    texts = {box.button(b).text() for b in ALL_BUTTONS}
    assert not any(LATIN.search(t) for t in texts), texts
    assert {"ใช่", "ไม่ใช่", "ตกลง", "ยกเลิก", "ปิด", "บันทึก"} <= texts
    bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                          | QDialogButtonBox.StandardButton.Close)
    assert sorted(b.text() for b in bb.buttons()) == sorted(["ตกลง", "ยกเลิก", "ปิด"])


def test_text_field_context_menu_reads_thai(qapp) -> None:
    qt_thai.install(qapp)
    field = QLineEdit()
    menu = field.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert "คัดลอก" in texts and "วาง" in texts
    assert not any(LATIN.search(t) for t in texts if not t.startswith("แทรกอักขระ")), texts


def test_create_app_installs_it(qapp) -> None:
    from trat_desktop.gui.app import create_app

    create_app([])
    assert QMessageBox(QMessageBox.Icon.Information, "", "", SB.Ok).button(SB.Ok).text() == "ตกลง"


def test_qt_breaks_thai_between_words(qapp) -> None:
    """Thai has no spaces between words: Qt asks libthai where they are (Debian's libthai0, installed by the
    README's set-up and CI). Without it a wrapped Thai text breaks at its spaces only, and a long phrase runs out
    of its grid cell; the smoke test says so."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics

    assert qt_thai.breaks_thai_words(), qt_thai.NO_THAI_BREAKS
    metrics = QFontMetrics(qapp.font())
    phrase = qt_thai._NO_SPACES * 2
    one_line = metrics.horizontalAdvance(phrase)
    wrapped = metrics.boundingRect(QRect(0, 0, one_line // 4, 10_000), int(Qt.TextFlag.TextWordWrap), phrase)
    assert wrapped.width() <= one_line // 4 and wrapped.height() >= 4 * metrics.height()  # broken between words
