"""Saving edits of the entry grid: every committed cell goes straight to
``ProgressService.set_progress`` (autosave) and becomes an undoable command whose undo
writes the old value back through the same service call (so undo is audited too)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.identity import Identity
from ..domain.progress import ProgressEntry
from ..errors import TratError
from ..services import WorkItem
from . import display

#: How each edited field is named in the undo history.
FIELD_TEXT = {"achieved": "ผลการดำเนินงาน", "spent": "งบประมาณที่ใช้", "status": "สถานะ", "note": "หมายเหตุ"}


class ProgressSource(Protocol):
    """What the entry page needs from :class:`trat_desktop.services.ProgressService`."""

    def identity(self) -> Identity: ...
    def set_identity(self, identity: Identity) -> Identity: ...
    def work_items(self, fiscal_year: int | None = None, agency_uid: str | None = None) -> list[WorkItem]: ...
    def current_entry(self, item: WorkItem, quarter: int) -> ProgressEntry: ...
    def set_progress(self, item: WorkItem, quarter: int, **values: Any) -> tuple[ProgressEntry, list[str]]: ...


def stored_value(entry: ProgressEntry, field: str) -> Any:
    """The stored value of a field, in the form set_progress accepts back (not text)."""
    if field == "achieved":
        return entry.achieved
    if field == "spent":
        return entry.spent_satang
    if field == "status":
        return entry.status
    return entry.note


class ProgressEdit(QUndoCommand):
    """One committed cell edit. Already saved when pushed, so the first redo does nothing."""

    def __init__(self, controller: "EntryController", item: WorkItem, quarter: int, field: str,
                 old: Any, new: Any) -> None:
        super().__init__(display.show_digits(f"แก้{FIELD_TEXT[field]} ไตรมาส {quarter} ตัวชี้วัด {item.id}"))
        self.item, self.quarter, self.field, self.old, self.new = item, quarter, field, old, new
        self._controller = controller
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if not self._controller.write(self.item, self.quarter, self.field, self.new):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._controller.write(self.item, self.quarter, self.field, self.old):
            self.setObsolete(True)


class EntryController(QObject):
    """Commits edits through the progress service and keeps the undo history."""

    #: (time of the save, warnings that did not block it)
    saved = Signal(object, list)
    #: the Thai reason a value was not saved
    refused = Signal(str)
    #: a stored ProgressEntry written by undo/redo (the model shows it)
    entry_changed = Signal(object)

    def __init__(self, progress: ProgressSource, parent: QObject | None = None,
                 now: Callable[[], dt.datetime] | None = None) -> None:
        super().__init__(parent)
        self.progress = progress
        self.undo_stack = QUndoStack(self)
        self._now = now or dt.datetime.now
        self.last_saved: dt.datetime | None = None
        self.last_error: str | None = None

    def commit(self, item: WorkItem, quarter: int, field: str, value: Any) -> bool:
        """Save a typed value; on success push an undo command. False (and *refused*) if not saved."""
        text = "" if value is None else str(value)
        try:
            old = stored_value(self.progress.current_entry(item, quarter), field)
            stored, warnings = self.progress.set_progress(item, quarter, **{field: text})
        except TratError as exc:
            self._refuse(exc.message)
            return False
        new = stored_value(stored, field)
        if new != old:
            self.undo_stack.push(ProgressEdit(self, item, quarter, field, old, new))
        self._saved(warnings)
        return True

    def write(self, item: WorkItem, quarter: int, field: str, value: Any) -> bool:
        """Write a stored value back (undo/redo); True when saved."""
        try:
            stored, warnings = self.progress.set_progress(item, quarter, **{field: value})
        except TratError as exc:
            self._refuse(exc.message)
            return False
        self.entry_changed.emit(stored)
        self._saved(warnings)
        return True

    def reset(self) -> None:
        """Forget the undo history (e.g. after changing who this installation is)."""
        self.undo_stack.clear()

    def _saved(self, warnings: list[str]) -> None:
        self.last_saved = self._now()
        self.last_error = None
        self.saved.emit(self.last_saved, list(warnings))

    def _refuse(self, message: str) -> None:
        self.last_error = message
        self.refused.emit(message)
