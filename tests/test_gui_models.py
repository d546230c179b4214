"""The Qt item models and display texts, without any widget."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt

from test_gui_fakes import EDU, HEALTH, POLY, make_plan
from trat_desktop.domain.model import BudgetLine, BudgetValue
from trat_desktop.gui import display
from trat_desktop.gui.plan_models import NODE_KIND_ROLE, IndicatorTableModel, PlanTreeModel

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
T = IndicatorTableModel


@pytest.fixture(autouse=True)
def thai_digits() -> Iterator[None]:
    display.set_thai_digits(True)
    yield
    display.set_thai_digits(True)


# -- display texts ---------------------------------------------------------------------


def test_budget_texts_in_thai() -> None:
    assert display.budget_value_text(BudgetValue.baht(99650)) == "๙๙,๖๕๐"
    assert display.budget_value_text(BudgetValue.baht(12.5)) == "๑๒.๕๐"
    assert display.budget_value_text(BudgetValue("none")) == "ไม่ใช้งบประมาณ"
    assert display.budget_value_text(BudgetValue("na")) == "ไม่ทราบจำนวน"
    assert display.budget_value_text(BudgetValue("dash")) == "-"
    line = BudgetLine(BudgetValue.baht(34000), EDU)
    assert display.budget_line_text(line) == f"๓๔,๐๐๐ ({EDU})"
    short = display.budget_line_text(line, {EDU: "สนง.ศึกษาธิการ จ.ตราด"})
    assert short == "๓๔,๐๐๐ (สนง.ศึกษาธิการ\u00a0จ.ตราด)"  # breaks before the agency, not inside it


def test_quarter_and_year_texts() -> None:
    row = make_plan().strategies[0].tactics[0].activities[0].rows[0]
    assert display.quarter_text(row) == "ไตรมาส ๒–๔"
    single = make_plan().strategies[1].tactics[0].activities[0].rows[0]
    assert display.quarter_text(single) == "ไตรมาส ๔"
    assert display.fiscal_year_text(2569) == "ปีงบประมาณ พ.ศ. ๒๕๖๙"


def test_arabic_digits_setting_switches_every_number() -> None:
    display.set_thai_digits(False)
    assert display.baht_text(21065000) == "210,650"
    assert display.fiscal_year_text(2569) == "ปีงบประมาณ พ.ศ. 2569"
    model = PlanTreeModel(make_plan())
    assert model.data(model.index(0, 0), DISPLAY).startswith("ยุทธศาสตร์ที่ 1 ")


# -- tree model ------------------------------------------------------------------------


def test_tree_has_strategies_tactics_activities() -> None:
    model = PlanTreeModel(make_plan())
    assert model.rowCount() == 5
    assert model.columnCount() == 2
    s1 = model.index(0, 0)
    assert model.data(s1, DISPLAY) == "ยุทธศาสตร์ที่ ๑ การสร้างมาตรฐานทางจริยธรรมภายในของหน่วยงานของรัฐ"
    assert model.data(s1, NODE_KIND_ROLE) == "strategy"
    assert model.rowCount(s1) == 1
    tactic = model.index(0, 0, s1)
    assert model.data(tactic, DISPLAY).startswith("กลยุทธ์ที่ ๑ ส่งเสริมให้หน่วยงาน")
    assert model.data(tactic, NODE_KIND_ROLE) == "tactic"
    assert model.rowCount(tactic) == 2
    activity = model.index(1, 0, tactic)
    assert model.data(activity, DISPLAY).startswith("๑.๕ โครงการส่งเสริมคุณธรรม")
    assert model.data(activity, NODE_KIND_ROLE) == "activity"
    assert model.rowCount(activity) == 0
    assert model.parent(activity) == tactic
    assert model.parent(tactic) == s1
    assert not model.parent(s1).isValid()


def test_tree_budget_column_sums_rows() -> None:
    model = PlanTreeModel(make_plan())
    assert model.data(model.index(0, PlanTreeModel.COL_BUDGET), DISPLAY) == "๒๑๐,๖๕๐"
    assert model.data(model.index(2, PlanTreeModel.COL_BUDGET), DISPLAY) == "–"
    assert model.headerData(1, Qt.Orientation.Horizontal, DISPLAY) == "งบประมาณ"
    assert model.headerData(1, Qt.Orientation.Horizontal, TOOLTIP) == "งบประมาณรวม (บาท)"
    tip = model.data(model.index(0, 0), TOOLTIP)
    assert "๓ ตัวชี้วัด" in tip


def test_tree_returns_none_for_unused_roles_and_bad_indexes() -> None:
    model = PlanTreeModel(make_plan())
    assert model.data(QModelIndex(), DISPLAY) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    assert not model.index(9, 0).isValid()
    assert not model.index(0, 5).isValid()


def test_tree_passes_qt_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(PlanTreeModel(make_plan()), force_py=True)


def test_tree_reset_to_empty() -> None:
    model = PlanTreeModel(make_plan())
    model.set_plan(None)
    assert model.rowCount() == 0


# -- table model -----------------------------------------------------------------------


def _table_for(strategy: int, tactic: int, activity: int) -> IndicatorTableModel:
    plan = make_plan()
    model = IndicatorTableModel()
    model.set_activity(plan.strategies[strategy].tactics[tactic].activities[activity])
    return model


def test_table_columns_in_thai() -> None:
    model = IndicatorTableModel()
    headers = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(model.columnCount())]
    assert headers == [
        "โครงการ", "ตัวชี้วัด", "หน่วยนับ", "เป้าหมาย", "งบประมาณ (บาท)",
        "ระยะเวลา", "ผู้รับผิดชอบ", "ผลที่คาดว่าจะได้รับ",
    ]
    assert model.rowCount() == 0


def test_table_shows_activity_rows() -> None:
    model = _table_for(0, 0, 1)  # activity 1.5 of strategy 1
    assert model.rowCount() == 2
    assert model.data(model.index(0, T.COL_ACTIVITY), DISPLAY) == "๑.๕"
    assert model.data(model.index(0, T.COL_INDICATOR), DISPLAY) == "จำนวนครั้งในการจัดกิจกรรม"
    assert model.data(model.index(0, T.COL_UNIT), DISPLAY) == "ครั้ง"
    assert model.data(model.index(1, T.COL_TARGET), DISPLAY) == "๘๐"
    assert model.data(model.index(0, T.COL_BUDGET), DISPLAY) == "๙๙,๖๕๐"
    assert model.data(model.index(0, T.COL_PERIOD), DISPLAY) == "ไตรมาส ๒–๔"
    assert model.data(model.index(1, T.COL_EXPECTED), DISPLAY).startswith("บุคลากรมีความรู้")
    assert model.budget_satang() == 210650 * 100


def test_table_budget_lines_name_their_agency() -> None:
    model = _table_for(0, 0, 1)
    budget = model.data(model.index(1, T.COL_BUDGET), DISPLAY)
    assert budget.split("\n") == [
        "๕๐,๐๐๐",
        f"๓๔,๐๐๐ ({EDU})",
        f"๑๕,๐๐๐ ({POLY})",
        f"๑๒,๐๐๐ ({HEALTH})",
    ]
    tip = model.data(model.index(1, T.COL_BUDGET), TOOLTIP)
    assert tip.endswith("รวม ๑๑๑,๐๐๐ บาท")
    agencies = model.data(model.index(1, T.COL_AGENCIES), DISPLAY).split(", ")
    assert [a.replace("\u00a0", " ") for a in agencies[1:]] == [EDU, POLY, HEALTH]


def test_table_uses_short_agency_names_with_full_names_in_tooltips() -> None:
    model = _table_for(0, 0, 1)
    model.set_agency_names({EDU: "สนง.ศึกษาธิการ จ.ตราด", HEALTH: "สนง.สาธารณสุข จ.ตราด"})
    budget = model.data(model.index(1, T.COL_BUDGET), DISPLAY).split("\n")
    assert budget[1] == "๓๔,๐๐๐ (สนง.ศึกษาธิการ\u00a0จ.ตราด)"
    assert budget[2] == f"๑๕,๐๐๐ ({POLY})"  # no short name known
    agencies = model.data(model.index(1, T.COL_AGENCIES), DISPLAY)
    assert "สนง.ศึกษาธิการ\u00a0จ.ตราด, " in agencies  # names never wrap inside
    assert f"{EDU}\n{POLY}\n{HEALTH}" in model.data(model.index(1, T.COL_AGENCIES), TOOLTIP)
    assert f"({EDU})" in model.data(model.index(1, T.COL_BUDGET), TOOLTIP)


def test_single_agency_row_budget_does_not_repeat_the_agency() -> None:
    model = _table_for(1, 0, 1)  # activity 3.5: one agency, its one budget line
    assert model.data(model.index(0, T.COL_BUDGET), DISPLAY) == "๑๒,๐๐๐"
    assert model.data(model.index(0, T.COL_AGENCIES), DISPLAY) == HEALTH.replace(" ", "\u00a0")


def test_table_non_amount_budgets_in_words() -> None:
    assert _table_for(0, 0, 0).data(_table_for(0, 0, 0).index(0, T.COL_BUDGET), DISPLAY) == "ไม่ใช้งบประมาณ"
    na = _table_for(1, 0, 0)
    assert na.data(na.index(0, T.COL_BUDGET), DISPLAY) == "ไม่ทราบจำนวน"
    assert "ไม่ทราบจำนวน" in na.data(na.index(0, T.COL_BUDGET), TOOLTIP)
    dash = _table_for(2, 0, 0)
    assert dash.data(dash.index(1, T.COL_BUDGET), DISPLAY) == "-"
    fraction = _table_for(4, 0, 1)
    assert fraction.data(fraction.index(0, T.COL_TARGET), DISPLAY) == "๒.๕"


def test_table_alignment_tooltips_and_empty_roles() -> None:
    model = _table_for(0, 0, 1)
    align = Qt.AlignmentFlag(model.data(model.index(0, T.COL_BUDGET), Qt.ItemDataRole.TextAlignmentRole))
    assert align & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(0, T.COL_ACTIVITY), TOOLTIP).startswith("๑.๕ โครงการส่งเสริม")
    assert model.data(model.index(0, T.COL_UNIT), TOOLTIP) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    assert model.data(model.index(7, 0), DISPLAY) is None


def test_table_passes_qt_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(_table_for(0, 0, 1), force_py=True)


def test_table_many_calls_do_not_crash() -> None:
    """PySide6 6.12 aborted after many data() calls returning None; 6.11 is pinned."""
    model = _table_for(0, 0, 1)
    for _ in range(3000):
        for column in range(model.columnCount()):
            model.data(model.index(0, column), Qt.ItemDataRole.DecorationRole)
