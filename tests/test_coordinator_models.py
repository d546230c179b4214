"""The coordinator's item models without widgets: consolidated lines, filter, sort, quarters,
the editor's part table, the agency choices and the dashboard's chart figures."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt

from coordinator_support import EDU, PAIRS, PROVINCE, ROWS, coordinator, report_some, thai_digits  # noqa: F401
from trat_desktop.gui import display
from trat_desktop.gui.agency_picker import AgencyChoiceModel, AgencyFilterProxy
from trat_desktop.gui.dashboard import budget_groups, on_target_groups, summary_text
from trat_desktop.gui.overview_models import (
    COL_ACHIEVED,
    COL_CODE,
    COL_OFFICE,
    COL_REPORTED,
    COL_TARGET,
    SEARCH_ROLE,
    SORT_ROLE,
    OverviewProxy,
    OverviewTableModel,
)
from trat_desktop.gui.plan_edit_models import PartTableModel, PartTreeModel
from trat_desktop.services import PlanService
from trat_desktop.services.overview import OverviewService

DISPLAY = Qt.ItemDataRole.DisplayRole


def overview(service: PlanService, quarter: int = 2, per_office: bool = True) -> tuple[OverviewTableModel, OverviewProxy]:
    model = OverviewTableModel()
    names = {a.name: a.short_name for a in service.agencies()}
    model.set_rows(OverviewService(service).rows(), quarter, per_office, names)
    proxy = OverviewProxy()
    proxy.setSourceModel(model)
    return model, proxy


def column(proxy: OverviewProxy, col: int, role: int = DISPLAY) -> list:
    return [proxy.index(r, col).data(role) for r in range(proxy.rowCount())]


# -- consolidated view ------------------------------------------------------------------


def test_one_line_per_row_and_office_or_per_row(service: PlanService) -> None:
    model, proxy = overview(service)
    assert model.rowCount() == proxy.rowCount() == PAIRS
    assert model.columnCount() == 12
    model.set_per_office(False)
    assert model.rowCount() == proxy.rowCount() == ROWS
    first = model.line(0)
    assert model.data(model.index(0, COL_CODE), DISPLAY) == display.show_digits(first.row.activity_code)
    assert model.headerData(COL_REPORTED, Qt.Orientation.Horizontal) == "รายงาน\nไตรมาส ๒"


def test_reported_column_follows_the_quarter(service: PlanService) -> None:
    report_some(service)
    model, proxy = overview(service, quarter=2)
    r15 = [n for n in range(model.rowCount()) if model.line(n).row.id == "1/1.5/2"]
    texts = {model.line(n).office.agency_name: model.index(n, COL_REPORTED).data() for n in r15}
    assert texts[EDU] == "รายงานแล้ว" and texts["วิทยาลัยสารพัดช่างตราด"] == "ยังไม่รายงาน"
    edu = next(n for n in r15 if model.line(n).office.agency_name == EDU)
    assert model.index(edu, COL_ACHIEVED).data() == "๘๕"
    model.set_quarter(3)
    assert model.index(edu, COL_REPORTED).data() == "ยังไม่รายงาน"
    assert model.headerData(COL_REPORTED, Qt.Orientation.Horizontal) == "รายงาน\nไตรมาส ๓"
    model.set_quarter(1)  # this plan starts in quarter 2
    assert model.index(edu, COL_REPORTED).data() == "นอกระยะเวลา"
    model.set_quarter(2)
    model.set_per_office(False)
    row = next(n for n in range(model.rowCount()) if model.line(n).row.id == "1/1.5/2")
    assert model.index(row, COL_REPORTED).data() == "๑/๔ หน่วยงาน"


def test_filter_by_thai_text_narrows_the_lines(service: PlanService) -> None:
    model, proxy = overview(service)
    proxy.set_filter_text("ศึกษาธิการ")
    edu_lines = proxy.rowCount()
    assert 0 < edu_lines < PAIRS
    assert all("ศึกษาธิการ" in proxy.index(r, 0).data(SEARCH_ROLE) for r in range(proxy.rowCount()))
    proxy.set_filter_text("ศึกษาธิการ ร้อยละ")  # every word must occur
    assert 0 < proxy.rowCount() < edu_lines
    proxy.set_filter_text("๑.๕")  # a code in Thai digits matches the same lines as in Arabic ones
    thai = proxy.rowCount()
    proxy.set_filter_text("1.5")
    assert proxy.rowCount() == thai > 0
    assert set(column(proxy, COL_CODE)) == {"๑.๕"}
    proxy.set_filter_text("ไม่มีคำนี้ในแผนแน่นอน")
    assert proxy.rowCount() == 0
    proxy.set_filter_text("")
    assert proxy.rowCount() == PAIRS


def test_sorting_compares_numbers_as_numbers(service: PlanService) -> None:
    model, proxy = overview(service)
    keep = QPersistentModelIndex(proxy.index(0, COL_OFFICE))
    kept_line = model.line(proxy.mapToSource(proxy.index(0, 0)).row())
    proxy.sort(COL_TARGET, Qt.SortOrder.DescendingOrder)
    keys = column(proxy, COL_TARGET, SORT_ROLE)
    assert keys == sorted(keys, reverse=True)
    texts = column(proxy, COL_TARGET)
    assert texts[0] == "๑๐๐" and "๘๐" in texts and texts.index("๑๐๐") < texts.index("๘๐")  # not text order
    assert texts[-1] in ("๑", "")
    # the persistent index moved with its line
    assert model.line(proxy.mapToSource(proxy.index(keep.row(), 0)).row()) is kept_line
    proxy.sort(COL_CODE, Qt.SortOrder.AscendingOrder)
    codes = column(proxy, COL_CODE, SORT_ROLE)
    assert codes == sorted(codes)
    proxy.set_filter_text("ร้อยละ")  # filtering keeps the order
    codes = column(proxy, COL_CODE, SORT_ROLE)
    assert codes == sorted(codes) and proxy.rowCount() < PAIRS
    proxy.sort(-1)  # back to plan order
    proxy.set_filter_text("")
    assert [model.line(proxy.mapToSource(proxy.index(r, 0)).row()).order for r in range(PAIRS)] == list(range(PAIRS))


def test_digits_switch_reaches_every_number(service: PlanService) -> None:
    report_some(service)
    model, _proxy = overview(service)
    display.set_thai_digits(False)
    model.refresh()
    texts = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(12)]
    assert not any(ch in "๐๑๒๓๔๕๖๗๘๙" for text in texts for ch in text)
    assert "85" in texts and "20,000" in texts  # achieved, spent


# -- plan editor models -------------------------------------------------------------------


def test_part_table_shows_children_and_saves_through_the_committer(service: PlanService) -> None:
    plan = service.load_plan()
    tree = PartTreeModel()
    tree.set_plan(plan)
    assert tree.rowCount() == 1 and tree.rowCount(tree.root_index()) == 5
    table = PartTableModel()
    table.set_children("plan", "2569", plan.strategies)
    assert table.rowCount() == 5 and table.entity == "strategy"
    assert table.index(0, 0).data() == "๑" and table.index(0, 3).data() == "๑ กลยุทธ์"
    activity = plan.strategies[0].tactics[0].activities[4]
    table.set_children("activity", activity.uid, activity.rows)
    assert table.entity == "indicator" and table.rowCount() == len(activity.rows)
    target = table.column_of("target")
    assert table.index(1, target).data(Qt.ItemDataRole.EditRole) == "๘๐"
    quarter = table.column_of("quarter_from")
    assert table.index(1, quarter).data() == "ไตรมาส ๒" and table.index(1, quarter).data(Qt.ItemDataRole.EditRole) == 2
    assert not table.flags(table.index(1, table.column_of("agencies"))) & Qt.ItemFlag.ItemIsEditable
    seen = []
    table.committer = lambda *args: seen.append(args) or True
    assert table.setData(table.index(1, target), "๙๐")
    assert seen == [("indicator", activity.rows[1].uid, "target", "๙๐")]
    assert not table.setData(table.index(1, table.column_of("budget")), "1")


def test_agency_choices_keep_order_and_filter_thai(service: PlanService) -> None:
    agencies = service.agencies()
    edu = next(a for a in agencies if a.name == EDU)
    province = next(a for a in agencies if a.name == PROVINCE)
    model = AgencyChoiceModel(agencies, [province.uid, edu.uid])
    assert model.chosen() == [province.uid, edu.uid]
    model.set_checked(province.uid, False)
    model.set_checked(agencies[-1].uid)
    assert model.chosen() == [edu.uid, agencies[-1].uid]
    proxy = AgencyFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("ศึกษา ธิการ")  # spaces do not matter
    assert proxy.rowCount() == 1
    proxy.set_text("สนง.สทสร")  # an alias finds its agency
    assert proxy.rowCount() == 1


# -- dashboard figures ----------------------------------------------------------------------


def test_dashboard_groups_carry_the_service_figures(service: PlanService) -> None:
    report_some(service)
    board = OverviewService(service).dashboard(quarter=2)
    groups = on_target_groups(board)
    assert [g.heading for g in groups] == [f"ยุทธศาสตร์ที่ {display.show_digits(str(n))}" for n in range(1, 6)]
    on_target = board.strategies[0].on_target
    assert groups[0].bars[0].text.startswith(display.show_digits(f"{on_target}/31"))
    assert abs(groups[0].bars[0].value - 100 * on_target / 31) < 1e-9
    money = budget_groups(board)
    assert money[0].bars[0].text == "งบประมาณ ๒๑๐,๖๕๐" and money[0].bars[1].text.startswith("ใช้จ่าย ๒๐,๐๐๐")
    assert "ถึงเป้าหมายแล้ว ๑ จาก ๑๖๘" in summary_text(board)  # as of quarter 2 (its quarter-3 result not yet)


def test_the_consolidated_view_honours_the_quarter_shown(service: PlanService) -> None:
    """1/1.3/1 (target 2 ครั้ง): the education office's 1 in quarter 2 and 1 in quarter 3. Shown for
    quarter 2 it has 1 and is not yet on target; for quarter 3, 2 and on target (domain.reporting)."""
    from trat_desktop.gui.overview_models import build_lines

    report_some(service)
    rows = [r for r in OverviewService(service).rows() if r.id == "1/1.3/1"]

    def education(quarter: int):  # type: ignore[no-untyped-def]
        return next(line for line in build_lines(rows, quarter, True, {})
                    if line.office is not None and line.office.agency_name == EDU)

    q2, q3 = education(2), education(3)
    assert q2.keys[7] == 1 and q2.on_target is False
    assert q3.keys[7] == 2 and q3.on_target is True
