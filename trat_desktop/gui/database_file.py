"""The live database as the GUI holds it, in one Qt-free place the main window uses while it is made
(so its first paint imports no dialog, worker or undo classes: QFileDialog and QStyle alone cost
PySide6 ~10 ms to build): its files, never offered back as a file to open or to save over (the dialogs
of gui/file_dialogs.py refuse them); how long the GUI's own writes wait for another program; whether a
worker thread can open it again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: How long a write on the GUI thread waits for another program's write (see ops.py), in seconds.
GUI_WRITE_WAIT_SECONDS = 1.5
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


def can_open_again(plans: Any) -> bool:
    """A second connection (in a worker thread) needs the database to be a file on disk."""
    path = getattr(plans, "path", None)
    return path is not None and str(path) != ":memory:" and Path(path).is_file()
