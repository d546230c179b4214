"""Keyboard entry in the plan editor's table (issue 15): Tab saves and moves to the next cell, Enter saves
and goes down; typing "ร้อยละ Tab ๙๐" sets the unit and then the target (it used to set the unit to ๙๐)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from coordinator_support import coordinator  # noqa: F401
from trat_desktop.gui.plan_editor import PlanEditorPage
from trat_desktop.services import PlanService, ProgressService


def type_thai(widget, text: str) -> None:
    for ch in text:  # qtbot.keyClicks cannot type Thai
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def key(widget, which: Qt.Key) -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, which, Qt.KeyboardModifier.NoModifier))


def editor_of(table):
    editors = [w for w in table.viewport().findChildren(QWidget) if w.isVisible() and w.parent() is table.viewport()]
    return editors[0] if len(editors) == 1 else None


def row_of(service: PlanService, uid: str):
    return next(r for r in service.load_plan().rows() if r.uid == uid)


def test_tab_and_enter_save_and_move_on(qtbot, service: PlanService, coordinator: ProgressService) -> None:
    from coordinator_support import EDU_SHORT

    uid = coordinator.find_item("1/1.5/2", agency=EDU_SHORT).indicator_uid
    page = PlanEditorPage(service, coordinator)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    assert page.show_part(uid)
    table, model = page.form.partsTable, page.table_model
    row = 0  # the activity's first indicator row (one more follows)
    uid = model.part(row).uid
    assert model.rowCount() > 1
    unit = model.index(row, model.column_of("unit"))
    table.setCurrentIndex(unit)
    table.edit(unit)
    editor = editor_of(table)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_thai(editor, "ร้อยละ")
    key(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: row_of(service, uid).unit == "ร้อยละ" and editor_of(table) not in (None, editor))
    assert table.currentIndex().column() == model.column_of("target")
    editor = editor_of(table)
    assert isinstance(editor, QLineEdit) and editor is not table
    editor.selectAll()
    type_thai(editor, "๙๐")
    key(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: row_of(service, uid).target == 90)
    assert row_of(service, uid).unit == "ร้อยละ"
    # Enter went down: the next row's target is current, no editor open
    assert (table.currentIndex().row(), table.currentIndex().column()) == (row + 1, model.column_of("target"))
    assert table.state() != table.State.EditingState
    # Shift+Tab goes back
    table.edit(table.currentIndex())
    editor = editor_of(table)
    QApplication.sendEvent(editor, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier))
    qtbot.waitUntil(lambda: table.currentIndex().column() == model.column_of("unit"))
    assert table.currentIndex().row() == row + 1
