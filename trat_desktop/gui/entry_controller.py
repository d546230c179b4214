"""Saving edits of the entry grid: every committed cell goes straight to
``ProgressService.set_progress`` (autosave) and becomes an undoable command whose undo
writes the old value back through the same service call (so undo is audited too).

A value that could not be saved for a reason other than the value itself (the database busy
with another program's write past the bounded wait, a full disk, a read-only file) is never
dropped: it stays in the grid marked unsaved, the user is told in Thai, and it is retried every
:data:`RETRY_MS` until it is saved (or refused for its value). Undo and redo write back only over
the revision they left (``expected_revision``): a value changed elsewhere since is never overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.identity import Identity
from ..domain.progress import ProgressEntry
from ..errors import (DatabaseBusyError, DatabaseFullError, DatabaseReadOnlyError, StaleEditError, TratError,
                      database_error)
from ..i18n import N_, _
from ..services import WorkItem
from . import display
#: how long the GUI's own connection waits for another program's write before keeping a value unsaved
from .database_file import GUI_WRITE_WAIT_SECONDS

#: How often values kept unsaved are tried again (milliseconds).
RETRY_MS = 2000
#: Failures that say nothing about the value: keep it and try again.
TRANSIENT = (DatabaseBusyError, DatabaseFullError, DatabaseReadOnlyError)
UNSAVED_NOTE = N_("ค่าที่พิมพ์ยังอยู่ในตาราง (ยังไม่ได้บันทึก) โปรแกรมจะลองบันทึกอีกครั้งเองทุก ๒ วินาที")

#: How each edited field is named in the undo history.
FIELD_TEXT = {"achieved": N_("ผลการดำเนินงาน"), "spent": N_("งบประมาณที่ใช้"), "status": N_("สถานะ"), "note": N_("หมายเหตุ")}


class ProgressSource(Protocol):
    """What the entry page needs from :class:`trat_desktop.services.ProgressService`."""

    def identity(self) -> Identity: ...
    def set_identity(self, identity: Identity) -> Identity: ...
    def work_items(self, fiscal_year: int | None = None, agency_uid: str | None = None,
                   plan: Any = None) -> list[WorkItem]: ...
    def current_entry(self, item: WorkItem, quarter: int) -> ProgressEntry: ...
    def set_progress(self, item: WorkItem, quarter: int, *, expected_revision: int | None = None,
                     **values: Any) -> tuple[ProgressEntry, list[str]]: ...


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
        super().__init__(display.show_digits(_("แก้{field} ไตรมาส {quarter} ตัวชี้วัด {id}").format(
            field=_(FIELD_TEXT[field]), quarter=quarter, id=item.id)))
        self.item, self.quarter, self.field, self.old, self.new = item, quarter, field, old, new
        self._controller = controller
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._write_back(self.new)

    def undo(self) -> None:
        self._write_back(self.old)

    def _write_back(self, value: Any) -> None:
        if self._controller.write(self.item, self.quarter, self.field, value) is None:
            self.setObsolete(True)


class EntryController(QObject):
    """Commits edits through the progress service and keeps the undo history."""

    #: (time of the save, warnings that did not block it)
    saved = Signal(object, list)
    #: the Thai reason a value was not saved
    refused = Signal(str)
    #: a stored ProgressEntry written by undo/redo (the model shows it)
    entry_changed = Signal(object)
    #: (item, quarter, field, typed text or None): a value kept unsaved, or no longer (saved or refused)
    unsaved_changed = Signal(object, int, str, object)
    #: the Thai reason values are kept unsaved (they are retried)
    kept_unsaved = Signal(str)

    def __init__(self, progress: ProgressSource, parent: QObject | None = None,
                 now: Callable[[], dt.datetime] | None = None) -> None:
        super().__init__(parent)
        self.progress = progress
        self.undo_stack = QUndoStack(self)
        self._now = now or dt.datetime.now
        self.last_saved: dt.datetime | None = None
        self.last_error: str | None = None
        #: values typed but not saved yet, in the order typed: (indicator uid, agency uid, quarter, field) ->
        #: (item, text)
        self.unsaved: dict[tuple[str, str, int, str], tuple[WorkItem, str]] = {}
        #: the revision this window last wrote per (indicator uid, agency uid, quarter): undo checks it
        self.revisions: dict[tuple[str, str, int], int] = {}
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self.retry_unsaved)
        set_wait = getattr(getattr(progress, "plans", None), "set_write_wait", None)
        if callable(set_wait):  # the window must not freeze long: wait briefly, keep the value, retry
            set_wait(GUI_WRITE_WAIT_SECONDS)

    def commit(self, item: WorkItem, quarter: int, field: str, value: Any) -> bool:
        """Save a typed value; on success push an undo command. False (and *refused*) if it was
        refused for its value. A value that could not be saved for another reason (busy, full,
        read-only) is kept unsaved and retried: True, and the grid shows it marked unsaved."""
        text = "" if value is None else str(value)
        return self._save(item, quarter, field, text) != "refused"

    def _save(self, item: WorkItem, quarter: int, field: str, text: str) -> str:
        """'saved', 'kept' (unsaved, retried later) or 'refused'."""
        key = (item.indicator_uid, item.agency_uid, quarter, field)
        try:
            old = stored_value(self.progress.current_entry(item, quarter), field)
            stored, warnings = self.progress.set_progress(item, quarter, **{field: text})
        except Exception as exc:  # noqa: BLE001 - every failure is shown; none may lose the value
            error = database_error(exc) or exc
            if isinstance(error, TRANSIENT):
                self._keep(key, item, text, error.message)
                return "kept"
            self._forget(key, item)
            self._refuse(error.message if isinstance(error, TratError) else _("เกิดข้อผิดพลาดที่ไม่คาดคิด: {error}").format(
                error=error))
            return "refused"
        was_kept = key in self.unsaved
        self._forget(key, item)
        if was_kept:  # the grid may show other item objects since (a reload): show what is stored
            self.entry_changed.emit(stored)
        new = stored_value(stored, field)
        if new != old:
            # only a write of this window's own becomes what its undo may overwrite: typing the value
            # that is already stored (written elsewhere) must not adopt that other revision
            self.revisions[key[:3]] = stored.revision
            self.undo_stack.push(ProgressEdit(self, item, quarter, field, old, new))
        self._saved(warnings)
        return "saved"

    def write(self, item: WorkItem, quarter: int, field: str, value: Any) -> ProgressEntry | None:
        """Write a stored value back (undo/redo), only over the revision this window last wrote
        there; the stored entry, or None when refused (a newer value from elsewhere, busy, ...)
        with the Thai reason."""
        expected_revision = self.revisions.get((item.indicator_uid, item.agency_uid, quarter))
        try:
            stored, warnings = self.progress.set_progress(item, quarter, expected_revision=expected_revision,
                                                          **{field: value})
        except Exception as exc:  # noqa: BLE001
            error = database_error(exc) or exc
            if not isinstance(error, TratError):
                raise
            if isinstance(error, StaleEditError):  # show what is stored now
                self.entry_changed.emit(self.progress.current_entry(item, quarter))
            self._refuse(error.message)
            return None
        self.revisions[(item.indicator_uid, item.agency_uid, quarter)] = stored.revision
        self.entry_changed.emit(stored)
        self._saved(warnings)
        return stored

    # -- values kept unsaved --------------------------------------------------------------
    def _keep(self, key: tuple[str, str, int, str], item: WorkItem, text: str, reason: str) -> None:
        self.unsaved[key] = (item, text)  # a cell typed again keeps its place, with the newest text
        self.unsaved_changed.emit(item, key[2], key[3], text)
        message = f"{reason}\n{_(UNSAVED_NOTE)}"
        self.last_error = message
        self.kept_unsaved.emit(message)
        if not self.retry_timer.isActive():
            self.retry_timer.start()

    def _forget(self, key: tuple[str, str, int, str], item: WorkItem) -> None:
        if self.unsaved.pop(key, None) is not None:
            self.unsaved_changed.emit(item, key[2], key[3], None)
        if not self.unsaved:
            self.retry_timer.stop()

    def unsaved_text(self, item: WorkItem, quarter: int, field: str) -> str | None:
        kept = self.unsaved.get((item.indicator_uid, item.agency_uid, quarter, field))
        return None if kept is None else kept[1]

    def retry_unsaved(self) -> int:
        """Try to save every value kept unsaved, oldest first; stops at the first still busy.
        Returns how many are still unsaved."""
        for (_uid, _office, quarter, field), (item, text) in list(self.unsaved.items()):
            if self._save(item, quarter, field, text) == "kept":
                break
        return len(self.unsaved)

    def reset(self) -> None:
        """Forget the undo history (e.g. after changing who this installation is)."""
        self.undo_stack.clear()
        self.revisions.clear()

    def _saved(self, warnings: list[str]) -> None:
        self.last_saved = self._now()
        self.last_error = None
        self.saved.emit(self.last_saved, list(warnings))

    def _refuse(self, message: str) -> None:
        self.last_error = message
        self.refused.emit(message)
