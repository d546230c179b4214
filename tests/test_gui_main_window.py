"""The main window over a fake service (and over the real one when it works)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QTableView, QTreeView

from test_gui_fakes import EDU, ROW_COUNT, FakeService, make_plan
from trat_desktop.gui.main_window import WINDOW_TITLE, MainWindow
from trat_desktop.gui.plan_models import IndicatorTableModel as T

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def window(qtbot) -> MainWindow:
    win = MainWindow(FakeService())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_window_uses_the_compiled_form(window: MainWindow) -> None:
    assert isinstance(window.form.planTree, QTreeView)
    assert isinstance(window.form.rowsTable, QTableView)
    assert isinstance(window.form.warningsDock, QDockWidget)
    assert window.windowTitle() == WINDOW_TITLE
    assert "จังหวัดตราด" in window.windowTitle()


def test_tree_shows_five_strategies(window: MainWindow) -> None:
    tree = window.form.planTree
    model = tree.model()
    assert model.rowCount() == 5
    titles = [model.index(i, 0).data(DISPLAY) for i in range(5)]
    assert [t.split(" ")[0] + " " + t.split(" ")[1] for t in titles] == [
        "ยุทธศาสตร์ที่ ๑", "ยุทธศาสตร์ที่ ๒", "ยุทธศาสตร์ที่ ๓", "ยุทธศาสตร์ที่ ๔", "ยุทธศาสตร์ที่ ๕",
    ]
    assert tree.isExpanded(model.index(0, 0))


def test_header_shows_year_count_and_total(window: MainWindow) -> None:
    form = window.form
    assert form.fiscalYearLabel.text().startswith("ปีงบประมาณ พ.ศ. ๒๕๖๙")
    assert "๑๐ รายการ" in form.rowCountLabel.text()
    total = form.totalBudgetLabel.text()
    assert total.startswith("งบประมาณรวม ๒๗๒,๖๕๐ บาท")
    assert "เอกสารระบุ ๒๒๗,๖๕๐ บาท" in total  # the fake's stated total differs
    assert form.planTitleLabel.text().startswith("แผนปฏิบัติการส่งเสริมคุณธรรม")
    assert form.planTitleLabel.text().endswith("พ.ศ. ๒๕๖๙")  # Arabic digits in the title shown as Thai
    assert form.yearCombo.currentText() == "๒๕๖๙"


def test_first_strategy_selected_at_start(window: MainWindow) -> None:
    node = window.current_node()
    assert node is not None and node.kind == "strategy"
    assert window.table_model.rowCount() == 3
    assert not window.form.rowsTable.isColumnHidden(T.COL_ACTIVITY)


def test_clicking_an_activity_fills_the_table(window: MainWindow, qtbot) -> None:
    tree = window.form.planTree
    model = window.tree_model
    s1 = model.index(0, 0)
    activity = model.index(1, 0, model.index(0, 0, s1))  # 1.5
    rect = tree.visualRect(activity)
    assert rect.isValid(), "activity row should be visible after expandAll"
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    table = window.table_model
    assert window.current_node().item.code == "1.5"
    assert table.rowCount() == 2
    assert table.index(0, T.COL_BUDGET).data(DISPLAY) == "๙๙,๖๕๐"
    assert "๓๔,๐๐๐ (สนง.ศึกษาธิการ\u00a0จ.ตราด)" in table.index(1, T.COL_BUDGET).data(DISPLAY)
    assert EDU in table.index(1, T.COL_AGENCIES).data(Qt.ItemDataRole.ToolTipRole)
    assert window.form.rowsTable.isColumnHidden(T.COL_ACTIVITY)
    assert window.form.selectionTitleLabel.text().startswith("๑.๕ โครงการส่งเสริมคุณธรรม")
    assert window.form.selectionSummaryLabel.text() == "๒ ตัวชี้วัด · งบประมาณ ๒๑๐,๖๕๐ บาท"
    # Word-wrapped rows: the four budget lines make the second row at least four lines tall.
    view = window.form.rowsTable
    assert view.rowHeight(1) >= 4 * view.fontMetrics().lineSpacing()


def test_select_activity_by_code_and_strategy(window: MainWindow) -> None:
    assert window.select_activity("๑.๑", strategy=5)
    node = window.current_node()
    assert node.parent.parent.item.number == 5
    assert window.table_model.index(0, T.COL_UNIT).data(DISPLAY) == "ระดับ"
    assert window.select_activity("3.2")
    assert window.table_model.index(0, T.COL_BUDGET).data(DISPLAY) == "ไม่ทราบจำนวน"
    assert window.table_model.index(0, T.COL_PERIOD).data(DISPLAY) == "ไตรมาส ๔"
    assert window.form.selectionSummaryLabel.text() == "๑ ตัวชี้วัด · ไม่มีงบประมาณที่เป็นจำนวนเงิน"
    assert not window.select_activity("9.9")


def test_selecting_a_tactic_shows_all_its_rows(window: MainWindow) -> None:
    model = window.tree_model
    tactic = model.index(0, 0, model.index(1, 0))  # strategy 2, tactic 3
    window.form.planTree.setCurrentIndex(tactic)
    assert window.table_model.rowCount() == 2
    assert [window.table_model.index(r, T.COL_ACTIVITY).data(DISPLAY) for r in range(2)] == ["๓.๒", "๓.๕"]
    assert "จาก ๒ โครงการ/กิจกรรม" in window.form.selectionSummaryLabel.text()


def test_warnings_panel_lists_messages_and_lines(window: MainWindow, qtbot) -> None:
    table = window.form.warningsTable
    assert table.rowCount() == 3
    assert table.item(0, 0).text() == "๕"
    assert table.item(0, 1).text().startswith("ปีในชื่อเอกสาร")
    assert table.item(2, 0).text() == "–"
    assert window.form.warningsDock.windowTitle() == "คำเตือนจากเอกสารแผน (๓)"
    # Double-clicking the line-259 warning selects activity 1.5, whose row starts there.
    table.cellDoubleClicked.emit(1, 0)
    assert window.current_node().item.code == "1.5"


def test_year_combo_switches_plan(qtbot) -> None:
    old = make_plan(2568)
    old.strategies = old.strategies[:2]
    win = MainWindow(FakeService({2568: old, 2569: make_plan(2569)}))
    qtbot.addWidget(win)
    assert win.tree_model.rowCount() == 5  # latest year first
    combo = win.form.yearCombo
    assert [combo.itemText(i) for i in range(combo.count())] == ["๒๕๖๘", "๒๕๖๙"]
    combo.setCurrentIndex(0)
    assert win.plan.fiscal_year == 2568
    assert win.tree_model.rowCount() == 2
    assert win.form.fiscalYearLabel.text().startswith("ปีงบประมาณ พ.ศ. ๒๕๖๘")


def test_service_error_is_shown_not_raised(qtbot) -> None:
    win = MainWindow(FakeService(fail="อ่านฐานข้อมูลไม่ได้"))
    qtbot.addWidget(win)
    assert win.load_error == "อ่านฐานข้อมูลไม่ได้"
    assert win.form.selectionTitleLabel.text() == "อ่านฐานข้อมูลไม่ได้"
    assert win.tree_model.rowCount() == 0


def test_empty_database_says_so(qtbot) -> None:
    win = MainWindow(FakeService({}))
    qtbot.addWidget(win)
    assert win.load_error == "ยังไม่มีแผนปฏิบัติการในฐานข้อมูล"


def test_window_over_real_service(qtbot, tmp_path: Path) -> None:
    from trat_desktop.services import PlanService

    service = PlanService.open(tmp_path / "gui.sqlite3")
    try:
        win = MainWindow(service)
        qtbot.addWidget(win)
        assert win.load_error is None
        assert win.tree_model.rowCount() == 5
        assert len(win.plan.rows()) == win.table_model.rowCount() + sum(
            len(s.rows()) for s in win.plan.strategies[1:]
        )
        assert win.select_activity("1.5", strategy=1)
        assert win.table_model.rowCount() >= 1
    finally:
        service.close()


def test_fake_row_count_matches_header(window: MainWindow) -> None:
    assert len(window.plan.rows()) == ROW_COUNT
