"""Office mode: the entry grid's model, typing values (Thai digits too), refusals, warnings,
autosave across a restart, undo/redo through the service, keyboard order, digits setting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox

from gui_office_support import (  # noqa: F401 - fixtures
    ALL_ASSIGNMENTS,
    EDU,
    EDU_ROWS,
    TODAY,
    fixed_now,
    fresh_items,
    progress,
    send_key,
    settings,
    thai_digits,
    type_into_cell,
    window,
)
from trat_desktop.domain.identity import Identity
from trat_desktop.gui import display
from trat_desktop.gui.entry_controller import EntryController
from trat_desktop.gui.entry_model import WorkEntryModel as M
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.services import PlanService, ProgressService

EDITABLE = Qt.ItemFlag.ItemIsEditable
ENABLED = Qt.ItemFlag.ItemIsEnabled
BACKGROUND = Qt.ItemDataRole.BackgroundRole


def make_model(service: PlanService, progress: ProgressService) -> M:
    plan = service.load_plan()
    model = M()
    model.set_items(progress.work_items(), {s.number: s.title for s in plan.strategies})
    return model


# -- the model, without widgets ---------------------------------------------------------


def test_model_lists_the_office_rows_by_strategy_and_activity(service, progress) -> None:
    model = make_model(service, progress)
    assert model.item_count() == EDU_ROWS
    lines = model.lines()
    kinds = [line.kind for line in lines]
    assert kinds.count("quarter") == EDU_ROWS * 4
    assert kinds.count("strategy") == 5
    assert kinds.count("activity") == 12
    assert model.rowCount() == 5 + 12 + EDU_ROWS * 4
    assert {line.item.agency_name for line in lines if line.item} == {EDU}
    assert model.text(0, 0).startswith("ยุทธศาสตร์ที่ ๑ การสร้างมาตรฐานทางจริยธรรม")
    assert model.text(1, 0).startswith("โครงการ/กิจกรรม ๑.๒ ")
    # the first item: ร้อยละ, target 80, quarters 2-4, no budget amount
    assert [model.text(2, c) for c in (M.COL_UNIT, M.COL_TARGET, M.COL_PERIOD, M.COL_BUDGET)] == [
        "ร้อยละ", "๘๐", "ไตรมาส ๒–๔", "–"]
    assert model.text(2, M.COL_QUARTER) == "ไตรมาส ๑"
    row = model.row_of(fresh_items(service)["1/1.5/2"], 2)
    first = row - 1  # the item's description sits on its first (quarter 1) line
    assert model.text(first, M.COL_BUDGET) == "๓๔,๐๐๐"  # the office's own budget line
    assert model.text(row, M.COL_STATUS) == "ยังไม่เริ่ม"


def test_out_of_period_quarters_are_greyed_and_not_editable(service, progress) -> None:
    model = make_model(service, progress)
    items = fresh_items(service)
    for quarter, editable in ((1, False), (2, True), (3, True), (4, True)):
        row = model.row_of(items["1/1.2/1"], quarter)
        for column in M.EDIT_COLUMNS:
            flags = model.flags(model.index(row, column))
            assert bool(flags & EDITABLE) is editable, (quarter, column)
            assert bool(flags & ENABLED) is editable
    late = items["4/2.2/1"]  # quarters 3-4 only
    assert not model.flags(model.index(model.row_of(late, 2), M.COL_ACHIEVED)) & EDITABLE
    assert model.flags(model.index(model.row_of(late, 3), M.COL_ACHIEVED)) & EDITABLE
    row = model.row_of(late, 1)
    assert model.text(row, M.COL_ACHIEVED) == "นอกระยะเวลา"
    assert model.index(row, M.COL_ACHIEVED).data(BACKGROUND) is not None
    assert not model.setData(model.index(row, M.COL_ACHIEVED), "1")
    for header in (0, 1):  # group lines are not editable either
        assert not model.flags(model.index(header, M.COL_ACHIEVED)) & EDITABLE


def test_model_texts_follow_the_digit_switch(service, progress) -> None:
    model = make_model(service, progress)
    display.set_thai_digits(False)
    assert model.text(2, M.COL_TARGET) == "80"
    assert model.text(2, M.COL_PERIOD) == "ไตรมาส 2–4"
    assert model.text(0, 0).startswith("ยุทธศาสตร์ที่ 1 ")


def test_quarter_filter_shows_one_line_per_row(service, progress) -> None:
    model = make_model(service, progress)
    model.set_quarter_filter(3)
    quarters = [line for line in model.lines() if line.kind == "quarter"]
    assert len(quarters) == EDU_ROWS
    assert {line.quarter for line in quarters} == {3}
    assert all(model.is_editable(model.row_of(line.item, 3), M.COL_ACHIEVED) for line in quarters)


def test_model_edit_saves_through_the_service(service, progress) -> None:
    model = make_model(service, progress)
    controller = EntryController(progress, now=fixed_now)
    model.committer = controller.commit
    index = model.index_of(fresh_items(service)["1/1.2/1"], 2, M.COL_ACHIEVED)
    assert model.setData(index, "๗๕")
    assert fresh_items(service)["1/1.2/1"].entries[2].achieved == 75
    assert model.data(index) == "๗๕"
    assert model.data(index, Qt.ItemDataRole.EditRole) == "๗๕"
    assert controller.undo_stack.count() == 1


def test_current_quarter_is_highlighted_only_in_the_plan_year(qtbot, service, progress) -> None:
    from trat_desktop.gui.office_page import OfficePage

    page = OfficePage(service, progress, today=lambda: TODAY)
    qtbot.addWidget(page)
    assert page.current_quarter() == 2
    item = fresh_items(service)["1/1.2/1"]
    model = page.model
    q2 = model.index_of(item, 2, M.COL_ACHIEVED).data(BACKGROUND)
    q3 = model.index_of(item, 3, M.COL_ACHIEVED).data(BACKGROUND)
    assert q2 is not None and q3 is None
    assert "ไตรมาสปัจจุบัน: ไตรมาส ๒" in page.form.todayLabel.text()
    assert "๑๐ กุมภาพันธ์ ๒๕๖๙" in page.form.todayLabel.text()  # Buddhist-era date
    later = OfficePage(service, progress, today=lambda: dt.date(2026, 11, 25))  # fiscal year 2570
    qtbot.addWidget(later)
    assert later.current_quarter() is None
    assert later.model.index_of(item, 2, M.COL_ACHIEVED).data(BACKGROUND) is None
    assert "สิ้นสุดแล้ว" in later.form.todayLabel.text()


# -- typing in the view -------------------------------------------------------------------


def cell(window: MainWindow, item_id: str, quarter: int, column: int):
    page = window.office_page
    item = next(i for i in page.model.items() if i.id == item_id)
    return page.model.index_of(item, quarter, column)


def test_entry_page_is_the_default_for_an_office(window: MainWindow) -> None:
    tabs = window.form.pageTabs
    assert tabs.currentWidget() is window.office_page
    assert tabs.tabText(0) == "งานของหน่วยงาน"
    assert window.office_page.form.titleLabel.text().endswith(EDU)
    assert not window.office_page.form.setupPrompt.isVisible()
    assert not window.form.warningsDock.isVisible()  # the plan's warnings belong to the plan page
    tabs.setCurrentWidget(window.form.planPage)
    assert window.form.warningsDock.isVisible()


def test_typing_a_value_saves_it(qtbot, window: MainWindow, service) -> None:
    table = window.office_page.table
    type_into_cell(qtbot, table, cell(window, "1/1.3/1", 2, M.COL_ACHIEVED), "3")
    assert fresh_items(service)["1/1.3/1"].entries[2].achieved == 3
    assert window.saved_label.text() == "บันทึกอัตโนมัติแล้ว ๑๐:๓๕ น."
    # Enter went down to the next editable cell of the same column (quarter 3)
    assert table.currentIndex() == cell(window, "1/1.3/1", 3, M.COL_ACHIEVED)


def test_typing_thai_digits_saves_85(qtbot, window: MainWindow, service) -> None:
    index = cell(window, "1/1.2/1", 2, M.COL_ACHIEVED)
    type_into_cell(qtbot, window.office_page.table, index, "๘๕")
    assert fresh_items(service)["1/1.2/1"].entries[2].achieved == 85
    assert index.data() == "๘๕"
    assert not window.office_page.form.errorLabel.isVisible()


@pytest.mark.parametrize(("typed", "reason"), [
    ("150", "ร้อยละ” ต้องอยู่ระหว่าง ๐ ถึง ๑๐๐"),
    ("abc", "ไม่ใช่ตัวเลข"),
])
def test_an_invalid_value_is_refused_with_its_thai_reason(qtbot, window: MainWindow, service,
                                                         typed: str, reason: str) -> None:
    table = window.office_page.table
    index = cell(window, "1/1.2/1", 2, M.COL_ACHIEVED)
    type_into_cell(qtbot, table, index, "๘๐")
    type_into_cell(qtbot, table, index, typed)
    error = window.office_page.form.errorLabel
    assert error.isVisible()
    assert reason in error.text() and error.text().startswith("ไม่ได้บันทึก")
    assert reason in window.statusBar().currentMessage()
    assert fresh_items(service)["1/1.2/1"].entries[2].achieved == 80  # the old value stays
    assert index.data() == "๘๐"
    assert table.currentIndex() == index  # the cursor stays on the refused cell
    assert window.office_page.controller.undo_stack.count() == 1  # only the accepted edit


def test_spending_over_the_budget_warns_but_saves(qtbot, window: MainWindow, service) -> None:
    index = cell(window, "1/1.5/2", 2, M.COL_SPENT)
    type_into_cell(qtbot, window.office_page.table, index, "๔๐๐๐๐")
    assert fresh_items(service)["1/1.5/2"].entries[2].spent_satang == 4_000_000
    warning = window.office_page.form.warningLabel
    assert warning.isVisible() and "เกินงบประมาณ" in warning.text()
    assert not window.office_page.form.errorLabel.isVisible()
    assert index.data() == "๔๐,๐๐๐"


def test_status_and_note(qtbot, window: MainWindow, service) -> None:
    table = window.office_page.table
    index = cell(window, "1/1.2/1", 3, M.COL_STATUS)
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.indexWidget(index)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "ยังไม่เริ่ม", "กำลังดำเนินการ", "ดำเนินการแล้ว", "ยกเลิก"]
    combo.setCurrentIndex(2)
    send_key(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(index) is None)
    type_into_cell(qtbot, table, cell(window, "1/1.2/1", 3, M.COL_NOTE), "ประชุมชี้แจง ๒ ครั้ง")
    entry = fresh_items(service)["1/1.2/1"].entries[3]
    assert (entry.status, entry.note) == ("done", "ประชุมชี้แจง ๒ ครั้ง")


def test_undo_and_redo_write_through_the_service(qtbot, window: MainWindow, service, progress) -> None:
    table = window.office_page.table
    index = cell(window, "1/1.2/1", 2, M.COL_ACHIEVED)
    type_into_cell(qtbot, table, index, "80")
    type_into_cell(qtbot, table, index, "90")
    assert fresh_items(service)["1/1.2/1"].entries[2].achieved == 90
    assert window.undo_action.isEnabled() and window.undo_action.text().startswith("เลิกทำ")
    window.undo_action.trigger()
    assert fresh_items(service)["1/1.2/1"].entries[2].achieved == 80
    assert index.data() == "๘๐"
    window.undo_action.trigger()
    assert fresh_items(service)["1/1.2/1"].entries[2].achieved is None
    assert index.data() == ""
    window.redo_action.trigger()
    assert fresh_items(service)["1/1.2/1"].entries[2].achieved == 80
    changes = [row for row in progress.audit() if "achieved" in str(row)]
    assert len(changes) >= 5  # two edits, two undos and a redo are all in the audit log


def test_ctrl_z_and_ctrl_y_undo_and_redo(qtbot, window: MainWindow, service) -> None:
    undo = [s.toString() for s in window.undo_action.shortcuts()]
    redo = [s.toString() for s in window.redo_action.shortcuts()]
    assert "Ctrl+Z" in undo and "Ctrl+Y" in redo
    assert window.undo_action in window.form.menuEdit.actions()
    table = window.office_page.table
    type_into_cell(qtbot, table, cell(window, "1/1.3/1", 2, M.COL_ACHIEVED), "5")
    window.activateWindow()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fresh_items(service)["1/1.3/1"].entries[2].achieved is None
    qtbot.keyClick(table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert fresh_items(service)["1/1.3/1"].entries[2].achieved == 5


def test_delete_clears_a_value(qtbot, window: MainWindow, service) -> None:
    table = window.office_page.table
    index = cell(window, "1/1.3/1", 4, M.COL_ACHIEVED)
    type_into_cell(qtbot, table, index, "2")
    table.setCurrentIndex(index)
    send_key(table, Qt.Key.Key_Delete)
    assert fresh_items(service)["1/1.3/1"].entries[4].achieved is None


def test_autosave_survives_a_restart(qtbot, tmp_path: Path, service, progress, settings) -> None:
    win = MainWindow(service, progress=progress, settings=settings, today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    type_into_cell(qtbot, win.office_page.table, cell(win, "2/2.1/2", 3, M.COL_ACHIEVED), "๔")
    win.close()
    service.close()
    reopened = PlanService.open(tmp_path / "trat.sqlite3")
    try:
        again = ProgressService(reopened)
        assert again.identity().office_name == EDU
        item = next(i for i in again.work_items() if i.id == "2/2.1/2")
        assert item.entries[3].achieved == 4
        win2 = MainWindow(reopened, progress=again, settings=settings, today=lambda: TODAY)
        qtbot.addWidget(win2)
        assert cell(win2, "2/2.1/2", 3, M.COL_ACHIEVED).data() == "๔"
    finally:
        reopened.close()


def test_tab_and_enter_move_through_editable_cells(window: MainWindow) -> None:
    table = window.office_page.table
    start = cell(window, "1/1.2/1", 4, M.COL_ACHIEVED)
    table.setCurrentIndex(start)
    order = []
    for _ in range(5):
        send_key(table, Qt.Key.Key_Tab)
        order.append((table.currentIndex().row(), table.currentIndex().column()))
    row4 = start.row()
    next_item = cell(window, "1/1.3/1", 2, M.COL_ACHIEVED)  # skips quarter 1 and the group line
    assert order == [(row4, M.COL_SPENT), (row4, M.COL_STATUS), (row4, M.COL_NOTE),
                     (next_item.row(), M.COL_ACHIEVED), (next_item.row(), M.COL_SPENT)]
    send_key(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert table.currentIndex() == next_item
    table.setCurrentIndex(start)
    send_key(table, Qt.Key.Key_Return)  # not editing: go down the column
    assert table.currentIndex() == next_item


def test_the_office_sees_only_its_own_rows(window: MainWindow) -> None:
    page = window.office_page
    assert page.model.item_count() == EDU_ROWS
    assert {item.agency_name for item in page.model.items()} == {EDU}
    assert page.table.isColumnHidden(M.COL_AGENCY)
    assert not page.form.agencyCombo.isVisible()
    assert page.form.agencyCombo.lineEdit() is None  # the picker is the coordinator's: no type-ahead made for it
    assert page.form.countLabel.text() == "๑๒ ตัวชี้วัด"


def test_the_coordinator_sees_one_agency_at_a_time_or_all(qtbot, service, progress, settings) -> None:
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    win = MainWindow(service, progress=progress, settings=settings, today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    page = win.office_page
    assert win.form.pageTabs.currentWidget() is win.form.planPage  # the plan first for the coordinator
    combo = page.form.agencyCombo
    assert combo.isVisibleTo(page) and combo.itemText(0) == "ทุกหน่วยงาน"
    assert combo.isEditable() and combo.completer() is not None  # type-ahead on any part of a name
    # by default one agency (the first listed): only its rows are in the grid
    first = page.selected_agency()
    assert combo.currentIndex() == 1 and first is not None
    assert {item.agency_uid for item in page.model.items()} == {first}
    assert 0 < page.model.item_count() < ALL_ASSIGNMENTS
    combo.setCurrentIndex(0)  # ทุกหน่วยงาน is still there
    assert page.selected_agency() is None and page.model.item_count() == ALL_ASSIGNMENTS
    page.reload()  # a reload (e.g. after an import) keeps the choice
    assert combo.currentIndex() == 0 and page.model.item_count() == ALL_ASSIGNMENTS
    assert not page.table.isColumnHidden(M.COL_AGENCY)
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemText(i).startswith(EDU)))
    assert page.model.item_count() == EDU_ROWS
    page.reload()  # refilled: the typed text is still put back (once) when the user leaves it half typed
    combo.lineEdit().setText("ศึกษา")
    combo.lineEdit().editingFinished.emit()
    assert combo.currentText() == combo.itemText(combo.currentIndex()) and combo.currentText().startswith(EDU)
    assert {item.agency_name for item in page.model.items()} == {EDU}
    type_into_cell(qtbot, page.table, cell(win, "1/1.2/1", 2, M.COL_ACHIEVED), "70")
    assert fresh_items(service)  # the coordinator reads every row
    item = next(i for i in ProgressService(service).work_items(agency_uid=page.selected_agency()) if i.id == "1/1.2/1")
    assert item.entries[2].achieved == 70


def test_digit_setting_switches_and_persists(qtbot, window: MainWindow, service, progress,
                                             settings: QSettings) -> None:
    index = cell(window, "1/1.2/1", 2, M.COL_QUARTER)
    assert index.data() == "ไตรมาส ๒"
    window.form.actionThaiDigits.trigger()  # off: Arabic digits
    assert not display.thai_digits_enabled()
    assert index.data() == "ไตรมาส 2"
    assert window.form.yearCombo.currentText() == "2569"
    assert window.office_page.form.countLabel.text() == "12 ตัวชี้วัด"
    settings.sync()
    display.set_thai_digits(True)
    again = MainWindow(service, progress=progress, settings=QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert not again.form.actionThaiDigits.isChecked()
    assert not display.thai_digits_enabled()
