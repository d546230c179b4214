"""No English a user can see (issue 15): every label, button, menu and action, header, tooltip, combo
item, tab and window title of every window and dialog, in both roles, is Thai, apart from the terms
offices use as they are (Excel, PDF, Word, LINE, file names, key names...)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu,
                               QPlainTextEdit, QTabWidget, QTextEdit, QWidget)

import screen_support
from trat_desktop.gui import qt_thai

#: terms shown as they are (names of products, formats and keys; the plan's own words)
ALLOWED = [
    r"Trat Desktop", r"Microsoft Excel", r"Excel", r"PDF", r"QR", r"Word", r"LINE", r"ITA", r"Dos\s*&\s*Don'?ts",
    r"Sarabun", r"TH SarabunPSK", r"SIL Open Font License", r"OFL", r"Qt", r"PySide6", r"Python", r"SQLite",
    r"reportlab", r"babel", r"Windows", r"Linux", r"macOS", r"USB", r"Google Fonts", r"Cadson Demak",
    r"KB", r"MB", r"GB", r"Ctrl", r"Shift", r"Alt", r"Enter", r"Tab", r"Esc", r"Delete", r"Del", r"Insert",
    r"Backspace", r"Space", r"F\d{1,2}", r"Home", r"End", r"PgUp", r"PgDown", r"Page\s?Up", r"Page\s?Down",
    r"e-?mail", r"Email", r"Qt for Python", r"LGPL", r"A4", r"A3",
    # the language menu names English in English, so that who reads no Thai finds it
    r"Language", r"English",
    # the plan document's and the ITA/OIT publication form's own words
    r"No Gift Policy", r"OIT", r"Link",
    # folder names as they are on disk, beside the database
    r"backups", r"evidence",
]
#: file names, extensions, paths, versions and addresses
PATTERNS = [
    r"[\w.\-ก-๙…]+\.(?:trat|pdf|xlsx|docx|txt|zip|sqlite3|csv|jpg|jpeg|png|doc|xls|ini|json|log|ttf|part|wal|shm)\b",
    r"\*\.\w+", r"\.\w{2,7}\b", r"(?:[A-Za-z]:)?(?:[\\/][^\s\\/“”\"',;)(]+){2,}[\\/]?", r"https?://\S+", r"\bv?\d+(?:\.\d+)+\w*\b",
    r"\(&\w\)",  # a keyboard access key in brackets, as Thai Windows menus write it: รอบรายงาน (&R)
    r"\S+@\S+", r"\b(?:Ctrl|Shift|Alt)(?:\+(?:Ctrl|Shift|Alt))*\+\S+",
]
_ALLOWED = re.compile("|".join(f"(?:{p})" for p in PATTERNS + [rf"\b{a}\b" for a in sorted(ALLOWED, key=len, reverse=True)]))
LATIN = re.compile(r"[A-Za-z]{1,}")


def english_in(text: str) -> str | None:
    rest = _ALLOWED.sub(" ", re.sub(r"<[^>]+>|&nbsp;|&amp;|&lt;|&gt;", " ", text or ""))
    found = LATIN.findall(rest)
    return " ".join(found) if found else None


def texts_of(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a user can read in *window*, without the data typed into fields."""
    out: list[tuple[str, str]] = [("window title", window.windowTitle())]

    def actions(where: str, items: list[QAction]) -> None:
        for action in items:
            if action.isSeparator() or not action.isVisible():
                continue
            out.append((f"{where} action", action.text().split("\t")[0]))
            out.append((f"{where} action tooltip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""))
            out.append((f"{where} action status tip", action.statusTip()))
            menu = action.menu()
            if isinstance(menu, QMenu):
                out.append((f"{where} menu", menu.title()))
                actions(f"{where} › {menu.title()}", menu.actions())

    widgets = [window, *window.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(window) and w is not window:
            continue
        kind = type(w).__name__
        out.append((f"{kind} tooltip", w.toolTip()))
        out.append((f"{kind} whats-this", w.whatsThis()))
        if isinstance(w, QLabel):
            out.append((f"label {w.objectName()}", w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((f"button {w.objectName()}", w.text()))
        elif isinstance(w, QGroupBox):
            out.append(("group", w.title()))
        elif isinstance(w, QLineEdit):
            out.append(("field placeholder", w.placeholderText()))
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            out.append(("text placeholder", w.placeholderText()))
            if w.isReadOnly():
                out.append(("read-only text", w.toPlainText()))
        elif isinstance(w, QComboBox):
            out.extend(("combo item", w.itemText(i)) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                out.append(("tab", w.tabText(i)))
                out.append(("tab tooltip", w.tabToolTip(i)))
        elif isinstance(w, QMenu):
            out.append(("menu", w.title()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            from PySide6.QtCore import QModelIndex

            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model (its columnCount is private)
                columns = 1
            for orientation, count in ((Qt.Orientation.Horizontal, columns),):
                for section in range(count):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.headerData(section, orientation, role)
                        out.append(("header", value if isinstance(value, str) else ""))
            for row in range(min(model.rowCount(QModelIndex()), 40)):
                for column in range(columns):
                    index = model.index(row, column)
                    value = model.data(index, Qt.ItemDataRole.ToolTipRole)
                    out.append(("cell tooltip", value if isinstance(value, str) else ""))
        own = QWidget.actions(w)  # (a dialog may name an attribute "actions")
        if own:
            actions(kind, own)
    return [(where, text) for where, text in out if text]


@pytest.mark.parametrize("role", ["office", "coordinator"])
def test_no_english_in_any_window(qapp, tmp_path: Path, role: str) -> None:
    qt_thai.install(qapp)
    found: dict[str, set[str]] = {}
    seen: set[str] = set()
    for name, window in screen_support.windows(role, tmp_path):
        for where, text in texts_of(window):
            seen.add(text)
            english = english_in(text)
            if english:
                found.setdefault(name, set()).add(f"{where}: {text[:80]!r} ({english})")
    # the walk reached buttons Qt names itself, menus, headers and tooltips
    assert {"ปิด", "ยกเลิก", "รายงาน", "ตัวชี้วัด"} <= seen and len(seen) > 300
    assert not found, "\n".join(f"{name}:\n  " + "\n  ".join(sorted(items)) for name, items in found.items())


def test_the_checker_finds_english() -> None:
    assert english_in("Yes") == "Yes"
    assert english_in("n/a") is not None
    assert english_in("ส่งออกเป็น Excel (.xlsx)") is None
    assert english_in("บันทึก รายงาน_2569.pdf แล้ว") is None
    assert english_in("Dos & Don'ts ของหน่วยงาน") is None
    assert english_in("กด Ctrl+Z เพื่อเลิกทำ") is None
    assert english_in("Cancel") == "Cancel"
