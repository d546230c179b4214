"""Fixtures and helpers for the office-mode GUI tests (entry page, set-up dialog).

Thai text cannot be typed with qtbot.keyClicks (Qt asserts on non-Latin-1 text), so keys are
sent as QKeyEvents carrying the text, the way an input method delivers them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from trat_desktop.domain.identity import Identity
from trat_desktop.gui import display
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.services import PlanService, ProgressService, WorkItem

EDU = "สำนักงานศึกษาธิการจังหวัดตราด"
HEALTH = "สำนักงานสาธารณสุขจังหวัดตราด"
EDU_ROWS = 12
ALL_ASSIGNMENTS = 168
#: 10 February 2026: fiscal year 2569, quarter 2 (the plan's year).
TODAY = dt.date(2026, 2, 10)


def fixed_now() -> dt.datetime:
    return dt.datetime(2026, 2, 10, 10, 35)


@pytest.fixture(autouse=True)
def thai_digits() -> Iterator[None]:
    display.set_thai_digits(True)
    yield
    display.set_thai_digits(True)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Display settings in a temporary ini file, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def progress(service: PlanService) -> ProgressService:
    """A ProgressService over the seeded FY2569 plan, set up as the education office."""
    svc = ProgressService(service)
    svc.set_identity(Identity(role="office", office_name=EDU, reporter_name="นางสาวสมใจ ใจดี"))
    return svc


@pytest.fixture
def window(qtbot, service: PlanService, progress: ProgressService, settings: QSettings) -> MainWindow:
    win = MainWindow(service, progress=progress, settings=settings, today=lambda: TODAY, now=fixed_now)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def fresh_items(service: PlanService) -> dict[str, WorkItem]:
    """The work items as a new ProgressService reads them from the database, by id."""
    return {item.id: item for item in ProgressService(service).work_items()}


def send_text(widget: QWidget, text: str) -> None:
    """Type *text* (Thai allowed) into *widget*, one key event per character."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def send_key(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def type_into_cell(qtbot, view: QTableView, index: QModelIndex, text: str) -> None:
    """Select a cell, type *text* (the first key opens the editor) and press Enter."""
    view.setCurrentIndex(index)
    view.setFocus()
    send_text(view, text[0])
    editor = view.indexWidget(index)
    assert editor is not None, "typing did not open an editor"
    send_text(editor, text[1:])
    send_key(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)  # committed through a queued call
