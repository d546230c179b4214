"""The live database's files, never offered back as a file to open or to save over (see
gui/file_dialogs.py, whose dialogs refuse them). Apart from the dialogs so that the main window can
name its database while it is made without importing the dialogs' Qt classes (QFileDialog, QStyle:
~10 ms of PySide6 class building before the first paint)."""

from __future__ import annotations

from pathlib import Path

#: The live database and its companions.
_protected: set[Path] = set()


def protect(db_path: Path | str | None) -> None:
    """Refuse the database file (and its -wal/-shm/-journal) in every dialog from now on."""
    if db_path is None or str(db_path) == ":memory:":
        return
    path = Path(db_path).resolve()
    _protected.update(path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal"))


def protected(chosen: str) -> bool:
    """Whether *chosen* names one of the protected files."""
    if not chosen:
        return False
    try:
        return Path(chosen).resolve() in _protected
    except OSError:
        return False
