"""Thai for Qt's own texts: the buttons of message boxes and button boxes (ใช่ ไม่ใช่ ตกลง ยกเลิก ปิด
บันทึก …), the context menus of text fields, the widget file dialog, scroll bars and spin boxes.

PySide6-Essentials ships no ``qtbase_th.qm`` (Qt has no Thai translation), so the app installs this
translator instead: a :class:`QTranslator` whose ``translate()`` answers from the table below and
gives no answer (``None``) for anything else, which Qt then shows untranslated. One table, one
place: every QMessageBox (static or not) and QDialogButtonBox of the app gets Thai buttons without
each dialog naming them. A button a dialog names itself (``setText``) keeps that name.

Keyboard mnemonics (``&Yes``) are dropped: Thai has no letter to underline; Enter and Esc still
choose the default and the cancelling button.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTranslator

if TYPE_CHECKING:  # (a dialog's box: the class is built when a dialog needs it, not at start-up)
    from PySide6.QtWidgets import QDialogButtonBox

from ..i18n import _

_BUTTONS = {
    "OK": "ตกลง", "&OK": "ตกลง", "Save": "บันทึก", "&Save": "บันทึก", "Save All": "บันทึกทั้งหมด",
    "Open": "เปิด", "&Yes": "ใช่", "Yes to &All": "ใช่ทั้งหมด", "&No": "ไม่ใช่", "N&o to All": "ไม่ใช่ทั้งหมด",
    "Abort": "ยกเลิกการทำงาน", "Retry": "ลองอีกครั้ง", "Ignore": "ข้าม", "Close": "ปิด", "&Close": "ปิด",
    "Cancel": "ยกเลิก", "&Cancel": "ยกเลิก", "Discard": "ไม่บันทึก", "Close without Saving": "ปิดโดยไม่บันทึก",
    "Help": "วิธีใช้", "Apply": "ใช้", "Reset": "คืนค่า", "Restore Defaults": "คืนค่าเริ่มต้น",
}
_EDIT_MENU = {
    "&Undo": "เลิกทำ", "&Redo": "ทำซ้ำ", "Cu&t": "ตัด", "&Copy": "คัดลอก", "&Paste": "วาง", "Delete": "ลบ",
    "Select All": "เลือกทั้งหมด", "&Select All": "เลือกทั้งหมด", "Copy &Link Location": "คัดลอกที่อยู่ลิงก์",
}

#: context -> source text -> Thai
TEXTS: dict[str, dict[str, str]] = {
    "QPlatformTheme": _BUTTONS,
    "QGnomeTheme": _BUTTONS,
    "QKdeTheme": _BUTTONS,
    "QDialogButtonBox": _BUTTONS,
    "QMessageBox": {**_BUTTONS, "Show Details...": "แสดงรายละเอียด…", "Hide Details...": "ซ่อนรายละเอียด…"},
    "QErrorMessage": {"&OK": "ตกลง", "&Show this message again": "แสดงข้อความนี้อีก", "Warning:": "คำเตือน:",
                      "Fatal Error:": "ข้อผิดพลาดร้ายแรง:", "Debug Message:": "ข้อความตรวจแก้:"},
    "QProgressDialog": {"Cancel": "ยกเลิก"},
    "QInputDialog": {"Enter a value:": "ป้อนค่า:"},
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": _EDIT_MENU,
    "QAbstractSpinBox": {"&Select All": "เลือกทั้งหมด", "&Step up": "เพิ่มขึ้น", "Step &down": "ลดลง"},
    "QUnicodeControlCharacterMenu": {"Insert Unicode control character": "แทรกอักขระควบคุมยูนิโค้ด"},
    "QScrollBar": {"Scroll here": "เลื่อนมาที่นี่", "Left edge": "ซ้ายสุด", "Top": "บนสุด", "Right edge": "ขวาสุด",
                   "Bottom": "ล่างสุด", "Page left": "หน้าซ้าย", "Page up": "หน้าขึ้น", "Page right": "หน้าขวา",
                   "Page down": "หน้าลง", "Scroll left": "เลื่อนซ้าย", "Scroll up": "เลื่อนขึ้น",
                   "Scroll right": "เลื่อนขวา", "Scroll down": "เลื่อนลง"},
    "QTabBar": {"Scroll Left": "เลื่อนซ้าย", "Scroll Right": "เลื่อนขวา"},
    "QUndoStack": {"Undo": "เลิกทำ", "Redo": "ทำซ้ำ", "Undo %1": "เลิกทำ %1", "Redo %1": "ทำซ้ำ %1"},
    "QUndoGroup": {"Undo": "เลิกทำ", "Redo": "ทำซ้ำ", "Undo %1": "เลิกทำ %1", "Redo %1": "ทำซ้ำ %1"},
    "QDockWidget": {"Close": "ปิด", "Float": "แยกหน้าต่าง"},
    "QDialog": {"What's This?": "นี่คืออะไร?"},
    "QWhatsThisAction": {"What's This?": "นี่คืออะไร?"},
    "QFileDialog": {
        "Look in:": "ค้นหาใน:", "File &name:": "ชื่อไฟล์:", "Files of type:": "ชนิดไฟล์:", "Directory:": "โฟลเดอร์:",
        "&Open": "เปิด", "Open": "เปิด", "&Save": "บันทึก", "Save As": "บันทึกเป็น", "&Choose": "เลือก",
        "Back": "ย้อนกลับ", "Forward": "ไปข้างหน้า", "Go back": "ย้อนกลับ", "Go forward": "ไปข้างหน้า",
        "Parent Directory": "โฟลเดอร์แม่", "Go to the parent directory": "ไปยังโฟลเดอร์แม่",
        "Create New Folder": "สร้างโฟลเดอร์ใหม่", "Create a New Folder": "สร้างโฟลเดอร์ใหม่",
        "New Folder": "โฟลเดอร์ใหม่", "&New Folder": "โฟลเดอร์ใหม่", "List View": "มุมมองรายการ",
        "Detail View": "มุมมองรายละเอียด", "Change to list view mode": "แสดงเป็นรายการ",
        "Change to detail view mode": "แสดงรายละเอียด", "&Rename": "เปลี่ยนชื่อ", "&Delete": "ลบ",
        "Delete": "ลบ", "Show &hidden files": "แสดงไฟล์ที่ซ่อน", "Recent Places": "ที่ที่ใช้ล่าสุด",
        "Sidebar": "แถบด้านข้าง", "List of places and bookmarks": "รายการที่และที่คั่นหน้า",
        "My Computer": "คอมพิวเตอร์", "Computer": "คอมพิวเตอร์", "Remove": "นำออก", "Drive": "ไดรฟ์",
        "File": "ไฟล์", "File Folder": "โฟลเดอร์", "Folder": "โฟลเดอร์", "Files": "ไฟล์", "Directories": "โฟลเดอร์",
        "Unknown": "ไม่ทราบชนิด", "Alias": "นามแฝง", "Shortcut": "ทางลัด", "%1 File": "ไฟล์ %1",
        "Find Directory": "เลือกโฟลเดอร์", "All Files (*)": "ทุกไฟล์ (*)", "All files (*)": "ทุกไฟล์ (*)",
        "%1 already exists.\nDo you want to replace it?": "มีไฟล์ %1 อยู่แล้ว\nต้องการแทนที่หรือไม่?",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            "%1\nไม่พบไฟล์\nโปรดตรวจสอบชื่อไฟล์",
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
            "%1\nไม่พบโฟลเดอร์\nโปรดตรวจสอบชื่อโฟลเดอร์",
        "'%1' is write protected.\nDo you want to delete it anyway?": "“%1” ป้องกันการเขียนไว้\nต้องการลบหรือไม่?",
        "Are you sure you want to delete '%1'?": "ต้องการลบ “%1” หรือไม่?",
        "Could not delete directory.": "ลบโฟลเดอร์ไม่ได้",
    },
    "QFileSystemModel": {
        "Name": "ชื่อ", "Size": "ขนาด", "Type": "ชนิด", "Kind": "ชนิด", "Date Modified": "วันที่แก้ไข",
        "My Computer": "คอมพิวเตอร์", "Computer": "คอมพิวเตอร์", "%1 bytes": "%1 ไบต์", "%1 byte(s)": "%1 ไบต์",
        "Invalid filename": "ชื่อไฟล์ใช้ไม่ได้",
    },
}


_installed: dict[str, "ThaiQtTranslator"] = {}


class ThaiQtTranslator(QTranslator):
    """Answers Qt's own texts from :data:`TEXTS`; no answer for anything else."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: D102
                  n: int = -1) -> str | None:  # type: ignore[override]
        return TEXTS.get(context, {}).get(source)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False


def install(app: QCoreApplication) -> QTranslator:
    """Install the translator on *app* once (again: the one already installed)."""
    current = _installed.get("translator")
    if current is not None and current.parent() is app:
        return current
    translator = ThaiQtTranslator(app)
    app.installTranslator(translator)
    _installed["translator"] = translator
    return translator


def name_buttons(box: QDialogButtonBox, ok: str, cancel: str | None = None) -> None:
    """Name a button box's OK (what it does, e.g. "บันทึก") and Cancel (ยกเลิก unless *cancel*)."""
    from PySide6.QtWidgets import QDialogButtonBox

    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel or _("ยกเลิก"))


#: Thai written as Thai is: no spaces between its words (a wrapped text may break only between them)
_NO_SPACES = "ร้อยละของผู้เข้าร่วมโครงการมีความรู้ความเข้าใจ"


def breaks_thai_words() -> bool:
    """Whether Qt finds the word breaks of Thai text, so a wrapped Thai text (a grid cell, a hint) breaks
    between words. Qt asks libthai for them at run time (Debian's ``libthai0``; PySide6's wheels carry none):
    without it a Thai text breaks only at its spaces and a long phrase runs out of its cell."""
    from PySide6.QtCore import QTextBoundaryFinder

    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, _NO_SPACES)
    return 0 < finder.toNextBoundary() < len(_NO_SPACES)  # a break inside: between two of its words


#: the smoke test's warning when :func:`breaks_thai_words` is False (the window still works)
NO_THAI_BREAKS = ("หน้าจอตัดคำภาษาไทยไม่ได้ (ไม่พบไลบรารี libthai): ข้อความภาษาไทยยาว ๆ ในตารางจะขึ้นบรรทัดใหม่ได้"
                  "เฉพาะที่เว้นวรรค บน Debian/Ubuntu ติดตั้งด้วย apt-get install libthai0")
