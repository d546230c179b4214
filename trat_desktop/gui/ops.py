"""Long operations off the GUI thread, in the style of Anki's ``CollectionOp``.

    run_in_background(window, plans,
                      work=lambda plans: ExchangeService(ProgressService(plans)).export_office(folder=d),
                      on_done=lambda result: ..., label="กำลังส่งออก…")

The services hold a SQLite connection that only the thread which made it may use, so *work*
gets its **own** :class:`PlanService`, opened on the same database file (WAL mode lets the GUI's
connection keep reading meanwhile) and closed when *work* returns. *work* must not touch
widgets; it may call :func:`report_progress` (e.g. as ``ExchangeService.on_progress``).
Results, progress and errors arrive in the GUI thread through queued Qt signals, and a
window-modal :class:`QProgressDialog` shows meanwhile (determinate once a total is known).
Afterwards the GUI refreshes its views from its own services.

A database that is not a file (``:memory:``) cannot be opened twice: then *work* runs at once
in the GUI thread on the caller's service (tests with in-memory fakes still work).
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ..errors import TratError, database_error
from ..i18n import N_, _
from ..services import PlanService
from .database_file import can_open_again  # noqa: F401 (used below and by the dialogs)

T = TypeVar("T")
Progress = Callable[[int, int, str], None]

#: Milliseconds before the progress dialog shows (quick operations never flash it).
SHOW_AFTER_MS = 300
UNEXPECTED = N_("เกิดข้อผิดพลาดที่ไม่คาดคิด")

_local = threading.local()
_active: set["BackgroundOp[Any]"] = set()


def report_progress(done: int, total: int, name: str = "") -> None:
    """From inside a background *work* function: *done* of *total* steps, now at *name*.
    Does nothing outside a background operation."""
    op = getattr(_local, "op", None)
    if op is not None:
        op.progressed.emit(int(done), int(total), str(name))


def error_text(error: BaseException) -> str:
    """The Thai message for the user: a TratError's own (a database failure's: busy, full, read-only,
    damaged), else a generic one with the detail."""
    translated = database_error(error)
    if translated is not None:
        return translated.message
    return f"{_(UNEXPECTED)}: {error.__class__.__name__}: {error}"


class _Job(QRunnable):
    """Runs *work* in a pool thread on its own PlanService; reports through the op's signals."""

    def __init__(self, op: "BackgroundOp[Any]", path: Path, work: Callable[[PlanService], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the op keeps it; PySide would otherwise free it under Python
        self._op, self._path, self._work = op, path, work

    def run(self) -> None:
        op = self._op
        _local.op = op
        try:
            plans = PlanService.open(self._path)
            try:
                result = self._work(plans)
            finally:
                plans.close()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            op.details = traceback.format_exc()
            op.failed_in_worker.emit(exc)
        else:
            op.succeeded_in_worker.emit(result)
        finally:
            _local.op = None


class BackgroundOp(QObject, Generic[T]):
    """One running operation. Lives in the GUI thread; the worker only emits its signals.

    :attr:`finished` (True on success) is emitted in the GUI thread after the callbacks ran.
    """

    progressed = Signal(int, int, str)
    succeeded_in_worker = Signal(object)
    failed_in_worker = Signal(object)
    finished = Signal(bool)

    def __init__(self, parent_widget: QWidget | None, on_done: Callable[[T], None],
                 on_error: Callable[[BaseException], None] | None, progress: Progress | None,
                 label: str, quiet: bool = False) -> None:
        super().__init__()  # no QObject parent: a closing window must not delete it under the worker
        self._widget = parent_widget
        self._on_done, self._on_error, self._progress = on_done, on_error, progress
        self.label = label
        self.quiet = quiet
        self.result: T | None = None
        self.error: BaseException | None = None
        self.details = ""
        self.done = False
        self.thread_id: int | None = None  # the worker's thread (for tests)
        self.dialog: QProgressDialog | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self.progressed.connect(self._on_progress, queued)
        self.succeeded_in_worker.connect(self._on_succeeded, queued)
        self.failed_in_worker.connect(self._on_failed, queued)

    # -- the dialog ------------------------------------------------------------------
    def _show_dialog(self) -> None:
        widget = self._widget if self._widget is not None and shiboken6.isValid(self._widget) else None
        dialog = QProgressDialog(self.label, "", 0, 0, widget)
        dialog.setCancelButton(None)  # an import or export is all-or-nothing: it is not stopped halfway
        dialog.setWindowTitle(_("โปรดรอสักครู่"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        dialog.setValue(0)
        self.dialog = dialog

    def _close_dialog(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reset()
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None

    # -- slots (GUI thread) ------------------------------------------------------------
    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, name: str) -> None:
        # The caller's callback first and the dialog's setValue() last: once the modal dialog is
        # shown, setValue() processes events, which can deliver the next steps and even the result
        # (closing the dialog) before it returns. Nothing of this step may come after it.
        if self._progress is not None:
            self._progress(done, total, name)
        dialog = self.dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.setLabelText(f"{self.label}\n{name}" if name else self.label)
            if total > 0:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))

    @Slot(object)
    def _on_succeeded(self, result: Any) -> None:
        self.result = result
        self._finish(True)

    @Slot(object)
    def _on_failed(self, error: Any) -> None:
        self.error = error
        self._finish(False)

    def _finish(self, ok: bool) -> None:
        self.done = True
        self._close_dialog()
        _active.discard(self)
        try:
            if ok:
                self._on_done(self.result)  # type: ignore[arg-type]
            elif self.error is not None:
                if not isinstance(self.error, TratError) and self.details:
                    print(self.details, file=sys.stderr)
                (self._on_error or self._default_error)(self.error)
        finally:
            self.finished.emit(ok)

    def _default_error(self, error: BaseException) -> None:
        widget = self._widget if self._widget is not None and shiboken6.isValid(self._widget) else None
        QMessageBox.warning(widget, _("ทำรายการไม่สำเร็จ"), error_text(error))

    # -- starting ----------------------------------------------------------------------
    def start(self, plans: Any, work: Callable[[PlanService], T]) -> None:
        _active.add(self)
        if not can_open_again(plans):
            self._run_here(plans, work)
            return
        if not self.quiet:
            self._show_dialog()

        def tracked(service: PlanService) -> T:
            self.thread_id = threading.get_ident()
            return work(service)

        self._job = _Job(self, Path(plans.path), tracked)
        QThreadPool.globalInstance().start(self._job)

    def _run_here(self, plans: Any, work: Callable[[PlanService], T]) -> None:
        _local.op = self
        self.thread_id = threading.get_ident()
        try:
            result = work(plans)
        except BaseException as exc:  # noqa: BLE001
            self.details = traceback.format_exc()
            self.failed_in_worker.emit(exc)
        else:
            self.succeeded_in_worker.emit(result)
        finally:
            _local.op = None


def run_in_background(parent: QWidget | None, plans: Any, work: Callable[[PlanService], T],
                      on_done: Callable[[T], None], on_error: Callable[[BaseException], None] | None = None,
                      progress: Progress | None = None, label: str | None = None,
                      quiet: bool = False) -> BackgroundOp[T]:
    """Run ``work(own_plan_service)`` in a pool thread with a progress dialog over *parent*
    (none when *quiet*: for housekeeping the user did not ask for, e.g. the daily backup).

    *plans* is the caller's service: only its database path is used (or, for an in-memory
    database, the service itself, in this thread). ``on_done(result)`` or ``on_error(exc)``
    (default: a Thai warning box) and ``progress(done, total, name)`` are called in the GUI thread.
    """
    op: BackgroundOp[T] = BackgroundOp(parent, on_done, on_error, progress, label or _("กำลังดำเนินการ…"), quiet=quiet)
    op.start(plans, work)
    return op


def running() -> int:
    """How many operations have not finished yet (for tests and for closing the window)."""
    return len(_active)
