"""Fixtures and helpers for the coordinator's pages (plan editor, consolidated view, dashboard).

Thai text cannot be typed with qtbot.keyClicks (Qt asserts on non-Latin-1 text): keys are sent
as QKeyEvents carrying the text, the way an input method delivers them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from trat_desktop.domain.identity import Identity
from trat_desktop.gui import display
from trat_desktop.services import PlanService, ProgressService

EDU = "สำนักงานศึกษาธิการจังหวัดตราด"
EDU_SHORT = "สนง.ศึกษาธิการ จ.ตราด"
PROVINCE = "สำนักงานจังหวัดตราด"
ROWS, PAIRS = 35, 168


@pytest.fixture(autouse=True)
def thai_digits() -> Iterator[None]:
    display.set_thai_digits(True)
    yield
    display.set_thai_digits(True)


@pytest.fixture
def coordinator(service: PlanService) -> ProgressService:
    """A ProgressService set up as the provincial coordinator (who may edit the plan)."""
    progress = ProgressService(service)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    return progress


def office(service: PlanService, name: str) -> ProgressService:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name=name, reporter_name="ผู้รายงาน"))
    return progress


def report_some(service: PlanService) -> None:
    """The education office's results, as in tests/test_overview_evidence.py.

    The identity is stored in the database, so it is set back to the coordinator afterwards.
    """
    education = office(service, EDU_SHORT)
    education.set_progress(education.find_item("1/1.5/2"), 2, achieved="85", spent="20000")
    education.set_progress(education.find_item("1/1.3/1"), 2, achieved="1")
    education.set_progress(education.find_item("1/1.3/1"), 3, achieved="1")
    education.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))


def dump(service: PlanService) -> list[str]:
    """Everything in the database, to show that a refused edit changed nothing."""
    return list(service.db.conn.iterdump())


def send_text(widget: QWidget, text: str) -> None:
    """Type *text* (Thai allowed) into *widget*, one key event per character."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def send_key(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def edit_cell(qtbot, view: QTableView, index: QModelIndex, text: str) -> None:
    """Open the cell's editor, replace its text with *text* and press Enter."""
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert editor is not None, "no editor opened"
    editor.selectAll()  # type: ignore[attr-defined]
    send_text(editor, text) if text else send_key(editor, Qt.Key.Key_Delete)
    send_key(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)  # committed through a queued call
