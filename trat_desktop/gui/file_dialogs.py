"""File dialogs that never open the files they list.

On Linux a process's POSIX locks on a file are dropped when *any* descriptor of that file in the
process is closed. Qt's own file dialog guesses each listed file's type from its content when its
name does not tell (the database's ``-wal`` and ``-shm`` files have no extension), which opens
and closes them: the app's SQLite connection then loses its locks on the write-ahead log, and the
next program that opens the database (the command line, a second window) resets the shared index
or deletes the ``-wal`` file under the running app ("disk I/O error", lost writes; issue 14).

So every dialog of the app is made here: Qt's widget-based dialog (not the desktop's native one,
which may read files for thumbnails) with an icon provider that decides icons and type names from
the name alone. On Windows, whose locks do not work that way, the native dialog is kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QFileIconProvider, QStyle, QWidget

from ..i18n import N_, _
from .database_file import protect, protected  # noqa: F401 (the live database's files; protect is re-exported)

NATIVE = sys.platform == "win32"
PROTECTED_TEXT = (N_("ไฟล์ “{name}” คือฐานข้อมูลที่โปรแกรมใช้อยู่ จึงเปิดเป็นไฟล์อื่นหรือบันทึกทับไม่ได้ "
                  "(ข้อมูลจะเสียหาย) โปรดเลือกไฟล์หรือชื่ออื่น"))


def _refuse(parent: QWidget | None, chosen: list[str]) -> list[str]:
    """*chosen* unless it names the live database: then a Thai warning and nothing chosen."""
    bad = [c for c in chosen if protected(c)]
    if not bad:
        return chosen
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, _("เลือกไฟล์นี้ไม่ได้"), _(PROTECTED_TEXT).format(name=Path(bad[0]).name))
    return []


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from a file's name and kind only (no content sniffing, no thumbnails)."""

    def __init__(self) -> None:
        super().__init__()
        self.setOptions(QFileIconProvider.Option.DontUseCustomDirectoryIcons)
        style = QApplication.style()
        self._dir = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        self._file = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self._drive = style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)

    def icon(self, what: object) -> QIcon:  # type: ignore[override]
        if isinstance(what, QFileInfo):
            if what.isRoot():
                return self._drive
            return self._dir if what.isDir() else self._file
        if what == QFileIconProvider.IconType.Folder:
            return self._dir
        if what == QFileIconProvider.IconType.Drive:
            return self._drive
        return self._file

    def type(self, info: QFileInfo) -> str:  # noqa: A003 (Qt name)
        if info.isDir():
            return _("โฟลเดอร์")
        suffix = info.suffix()
        return _("ไฟล์ {suffix}").format(suffix=suffix) if suffix else _("ไฟล์")


def make_dialog(parent: QWidget | None, caption: str, start: Path | str,
                filters: str = "") -> QFileDialog:
    """A QFileDialog that lists folders without opening the files in them (see the module text)."""
    dialog = QFileDialog(parent, caption, str(start), filters)
    options = QFileDialog.Option.DontUseCustomDirectoryIcons
    if not NATIVE:
        options |= QFileDialog.Option.DontUseNativeDialog
    dialog.setOptions(options)
    if not NATIVE:
        provider = NameOnlyIconProvider()
        dialog.setIconProvider(provider)
        dialog._provider = provider  # type: ignore[attr-defined]  # kept alive with the dialog
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    chosen = dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []
    return _refuse(dialog.parentWidget(), chosen)


# QFileDialog's static functions as they were at import: if something replaced one since (a test
# written against QFileDialog), that replacement answers instead of a real dialog that would wait.
_STOCK = {name: getattr(QFileDialog, name) for name in
          ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory")}


def _replaced(name: str) -> object | None:
    current = getattr(QFileDialog, name)
    return None if current is _STOCK[name] else current


# The same calls and answers as QFileDialog's static functions (tests replace these).
def getOpenFileName(parent: QWidget | None, caption: str = "", dir: str = "",  # noqa: A002,N802 (Qt's names)
                    filter: str = "") -> tuple[str, str]:  # noqa: A002
    """(the chosen file's path or '', the chosen filter)."""
    if (stand_in := _replaced("getOpenFileName")) is not None:
        return stand_in(parent, caption, dir, filter)  # type: ignore[operator,no-any-return]
    dialog = make_dialog(parent, caption, dir, filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    chosen = _run(dialog)
    return (chosen[0] if chosen else ""), dialog.selectedNameFilter()


def getOpenFileNames(parent: QWidget | None, caption: str = "", dir: str = "",  # noqa: A002,N802
                     filter: str = "") -> tuple[list[str], str]:  # noqa: A002
    if (stand_in := _replaced("getOpenFileNames")) is not None:
        return stand_in(parent, caption, dir, filter)  # type: ignore[operator,no-any-return]
    dialog = make_dialog(parent, caption, dir, filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _run(dialog), dialog.selectedNameFilter()


def getSaveFileName(parent: QWidget | None, caption: str = "", dir: str = "",  # noqa: A002,N802
                    filter: str = "") -> tuple[str, str]:  # noqa: A002
    """(where to save or '', the chosen filter); the dialog asks before replacing a file."""
    if (stand_in := _replaced("getSaveFileName")) is not None:
        return stand_in(parent, caption, dir, filter)  # type: ignore[operator,no-any-return]
    dialog = make_dialog(parent, caption, dir, filter)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    chosen = _run(dialog)
    return (chosen[0] if chosen else ""), dialog.selectedNameFilter()


def getExistingDirectory(parent: QWidget | None, caption: str = "", dir: str = "") -> str:  # noqa: A002,N802
    if (stand_in := _replaced("getExistingDirectory")) is not None:
        return stand_in(parent, caption, dir)  # type: ignore[operator,no-any-return]
    dialog = make_dialog(parent, caption, dir)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""
