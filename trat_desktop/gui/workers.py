"""Loading in the background so a big plan does not freeze the window.

A :class:`BackgroundLoader` runs one plain-Python function at a time on a QThreadPool and
delivers its result (or its Thai error) in the GUI thread; a newer start makes older results
stale, so only the newest one arrives. The function must not touch widgets, and it needs its
own database connection: :func:`thread_service` opens one through ``PlanService.open`` when
the store is a file (SQLite connections stay in the thread that made them). Without a file
(an in-memory database) the loader runs the function at once, in the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..errors import TratError, database_error
from ..i18n import _
from ..services import PlanService


class ReloadWhenShown:
    """For a page that shows data others change: ``mark_stale()`` reloads it now if it is
    shown, else the next time it is shown. The page defines ``reload()`` and sets
    ``self._stale = False`` there. Put this before the Qt base class."""

    _stale = True

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self.reload()  # type: ignore[attr-defined]

    def mark_stale(self) -> None:
        """The plan or the progress changed: reload now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():  # type: ignore[attr-defined]
            self.reload()  # type: ignore[attr-defined]


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the pool arrive queued."""

    finished = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, generation: int) -> None:
        super().__init__()
        self.fn, self.relay, self.generation = fn, relay, generation
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except TratError as exc:
            self._emit(self.relay.failed, exc.message)
        except Exception as exc:  # noqa: BLE001 - reported to the user, never lost in the thread
            translated = database_error(exc)  # busy, damaged, ... in Thai
            self._emit(self.relay.failed, translated.message if translated
                       else _("อ่านข้อมูลไม่ได้: {error}").format(error=exc))
        else:
            self._emit(self.relay.finished, result)

    def _emit(self, signal: Any, value: object) -> None:
        try:
            signal.emit(self.generation, value)
        except RuntimeError:  # the page was closed (and its relay deleted) while this job ran
            pass


def can_run_in_background(plans: PlanService) -> bool:
    """A worker thread can open its own connection only to a database file."""
    path = getattr(plans, "path", None)
    return path is not None and str(path) != ":memory:" and Path(path).is_file()


@contextmanager
def thread_service(plans: PlanService, background: bool) -> Iterator[PlanService]:
    """The plan service to use inside a job: a new connection in a worker, else *plans*."""
    if not background:
        yield plans
        return
    own = PlanService.open(plans.path)
    try:
        yield own
    finally:
        own.close()


class BackgroundLoader(QObject):
    """Runs loading functions off the GUI thread; emits only the newest one's outcome."""

    loaded = Signal(object)
    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, background: bool = True, parent: QObject | None = None,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.background = background
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._generation = 0
        self._running: dict[int, _Job] = {}

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(self, fn: Callable[[bool], Any]) -> None:
        """Run ``fn(in_background)``; its result comes through :attr:`loaded`."""
        self._generation += 1
        generation = self._generation
        if not self.background:
            try:
                result = fn(False)
            except TratError as exc:
                self.failed.emit(exc.message)
                return
            self.loaded.emit(result)
            return
        job = _Job(lambda: fn(True), self._relay, generation)
        was_busy = self.busy
        self._running[generation] = job  # keep the Python object alive while the pool runs it
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(job)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (for tests and shutdown)."""
        return self._pool.waitForDone(msecs)

    def _done(self, generation: int) -> bool:
        self._running.pop(generation, None)
        if not self._running:
            self.busy_changed.emit(False)
        return generation == self._generation

    def _on_finished(self, generation: int, result: object) -> None:
        if self._done(generation):
            self.loaded.emit(result)

    def _on_failed(self, generation: int, message: str) -> None:
        if self._done(generation):
            self.failed.emit(message)
