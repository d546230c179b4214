"""A duplicate activity code (two rows share a label) drops no line from the work grid or the
consolidated view: their models are fed by uid."""

from __future__ import annotations

from test_identity_uids import coordinator, duplicate_a_code

from trat_desktop.gui.entry_model import LINE_KIND_ROLE, WorkEntryModel
from trat_desktop.gui.overview_models import OverviewTableModel
from trat_desktop.services import PlanService
from trat_desktop.services.overview import OverviewService


def test_the_grid_and_the_consolidated_view_keep_every_row(qtbot, service: PlanService) -> None:
    progress = coordinator(service)
    duplicate_a_code(service)
    items = progress.work_items()
    grid = WorkEntryModel()
    grid.set_items(items)
    kinds = [grid.index(r, 0).data(LINE_KIND_ROLE) for r in range(grid.rowCount())]
    assert kinds.count("quarter") == 4 * 168
    assert kinds.count("activity") == len(service.load_plan().activities())   # 1.5 and the recoded 1.6 apart
    view = OverviewTableModel()
    view.set_rows(OverviewService(service).rows(), 2, True, {a.name: a.short_name for a in service.agencies()})
    assert view.rowCount() == 168
