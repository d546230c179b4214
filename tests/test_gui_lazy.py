"""Pages and rows made when they are first needed (issue 16): the coordinator's tabs are built
when first shown, the app's entry page reads its rows when first shown, the entry grid and the
plan tab size the rows in view (and those scrolled into view), and the coordinator's grid shows
one agency at a time. Behaviour only: the timings are in bench/startup.py and bench/big_plan.py."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from trat_desktop.domain.identity import Identity
from trat_desktop.gui.entry_model import WorkEntryModel
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.services import PlanService, ProgressService

from gui_office_support import ALL_ASSIGNMENTS, TODAY, fixed_now, settings, thai_digits  # noqa: F401

M = WorkEntryModel
LONG_NOTE = "จัดอบรมเจ้าหน้าที่ทุกกลุ่มงานเรื่องการป้องกันผลประโยชน์ทับซ้อน " * 6


def coordinator_window(qtbot, service: PlanService, settings, defer: bool) -> MainWindow:  # noqa: F811
    progress = ProgressService(service)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    window = MainWindow(service, progress=progress, settings=settings, today=lambda: TODAY, now=fixed_now,
                        defer_menus=defer)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    return window


def test_coordinator_tabs_are_built_when_first_shown(qtbot, service, settings) -> None:  # noqa: F811
    window = coordinator_window(qtbot, service, settings, defer=True)
    window.show()
    qtbot.waitUntil(lambda: window.report_actions is not None, timeout=5000)
    tabs, pages = window.form.pageTabs, window.coordinator_pages
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles[-3:] == ["แก้ไขแผน", "ภาพรวมผลการดำเนินงาน", "แดชบอร์ด"]
    assert [pages.built(name) for name in ("editor", "overview", "dashboard")] == [None, None, None]
    # showing the overview tab builds that page only, in its tab, and it loads
    tabs.setCurrentIndex(titles.index("ภาพรวมผลการดำเนินงาน"))
    overview = pages.built("overview")
    assert overview is not None and tabs.currentWidget() is overview
    assert pages.built("editor") is None and pages.built("dashboard") is None
    qtbot.waitUntil(lambda: overview.model.rowCount() == ALL_ASSIGNMENTS, timeout=10000)
    assert tabs.tabText(tabs.currentIndex()) == "ภาพรวมผลการดำเนินงาน"
    # asking for a page builds it too (into its tab, the current tab stays), with the window's year
    editor = pages.editor
    assert tabs.indexOf(editor) == titles.index("แก้ไขแผน") and tabs.currentWidget() is overview
    assert editor.year == window.selected_year()
    tabs.setCurrentWidget(editor)
    assert window.undo_group.activeStack() is editor.undo_stack
    assert tabs.count() == len(titles)


def test_a_plan_edit_marks_the_overview_stale_once_built(qtbot, service, settings) -> None:  # noqa: F811
    window = coordinator_window(qtbot, service, settings, defer=False)
    window.show()
    pages = window.coordinator_pages
    pages.editor.plan_changed.emit()  # the overview is not made yet: nothing to do, nothing fails
    assert pages.built("overview") is None
    overview = pages.overview
    assert overview._stale  # a page made now loads when first shown
    window.form.pageTabs.setCurrentWidget(overview)
    qtbot.waitUntil(lambda: not overview._stale and overview.model.rowCount() == ALL_ASSIGNMENTS, timeout=10000)
    window.form.pageTabs.setCurrentWidget(window.form.planPage)
    pages.editor.plan_changed.emit()
    assert overview._stale


def test_the_apps_entry_page_reads_its_rows_when_first_shown(qtbot, service, settings) -> None:  # noqa: F811
    window = coordinator_window(qtbot, service, settings, defer=True)
    window.show()
    qtbot.waitUntil(lambda: window.report_actions is not None, timeout=5000)
    page = window.office_page
    assert window.form.pageTabs.currentWidget() is window.form.planPage  # the coordinator starts on the plan
    assert not page.loaded and page.model.rowCount() == 0
    assert page.identity.role == "coordinator"  # who this is is known at once (the window's tabs need it)
    window.refresh_data()  # a reload asked for while hidden waits too
    assert not page.loaded
    window.form.pageTabs.setCurrentWidget(page)
    assert page.loaded and page.model.item_count() > 0
    # one agency by default: only its rows
    uid = page.selected_agency()
    assert uid is not None and {item.agency_uid for item in page.model.items()} == {uid}
    assert page.form.agencyCombo.itemText(0) == "ทุกหน่วยงาน"
    assert page.show_agency(None) and page.model.item_count() == ALL_ASSIGNMENTS


def test_the_coordinators_entry_page_is_made_when_its_tab_is_first_shown(qtbot, service, settings) -> None:  # noqa: F811
    window = coordinator_window(qtbot, service, settings, defer=True)
    tabs = window.form.pageTabs
    entry_tab = tabs.widget(0)
    assert tabs.tabText(0) == "งานของหน่วยงาน" and entry_tab.objectName() == "officePagePlaceholder"
    assert tabs.currentWidget() is window.form.planPage
    assert window.form.menuEdit.menuAction().isVisible()  # undo/redo are there before the page is
    window.show()
    tabs.setCurrentIndex(0)  # the user opens the entry tab before the menus arrive
    page = tabs.currentWidget()
    assert type(page).__name__ == "OfficePage" and window.office_page is page and tabs.indexOf(page) == 0
    assert tabs.count() == 5 and tabs.tabText(0) == "งานของหน่วยงาน"
    qtbot.waitUntil(lambda: page.loaded and page.model.item_count() > 0, timeout=5000)
    assert page.plan is not None and page.plan.fiscal_year == window.selected_year()  # the window's year
    assert window.undo_group.activeStack() is page.controller.undo_stack  # Ctrl+Z follows the page
    assert page.controller.undo_stack in window.undo_group.stacks()
    qtbot.waitUntil(lambda: window.report_actions is not None, timeout=5000)
    assert window.office_page is page  # made once


def test_reading_the_entry_page_makes_it_in_its_tab(qtbot, service, settings) -> None:  # noqa: F811
    window = coordinator_window(qtbot, service, settings, defer=True)
    page = window.office_page  # e.g. the menus after the first paint ask for it
    tabs = window.form.pageTabs
    assert tabs.widget(0) is page and tabs.currentWidget() is window.form.planPage
    assert not page.loaded  # hidden: it reads its rows when first shown
    window.show()
    tabs.setCurrentWidget(page)
    assert page.loaded and page.model.item_count() > 0


def office_window(qtbot, service: PlanService, settings, defer: bool) -> MainWindow:  # noqa: F811
    progress = ProgressService(service)
    office = max(service.agencies(), key=lambda a: a.indicator_rows)
    progress.set_identity(Identity(role="office", office_uid=office.uid, reporter_name="ผู้รายงาน"))
    window = MainWindow(service, progress=progress, settings=settings, today=lambda: TODAY, now=fixed_now,
                        defer_menus=defer)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    return window


def test_the_offices_plan_tab_is_made_after_the_first_paint(qtbot, service, settings) -> None:  # noqa: F811
    """An office's window opens on its entry page: in the app its plan tab (tree, rows, header) and the
    plan's warnings dock are made once the first paint is done (or when the tab is first shown)."""
    window = office_window(qtbot, service, settings, defer=True)
    tabs, form = window.form.pageTabs, window.form
    assert tabs.currentWidget() is window.office_page and tabs.tabText(tabs.indexOf(form.planPage)) == "แผนปฏิบัติการ"
    assert form.planPage.layout() is None and not hasattr(form, "planTree") and not hasattr(form, "warningsDock")
    assert form.yearCombo.parent() is window.year_selector  # the year selector is there from the start
    window.show()
    qtbot.waitUntil(lambda: window.report_actions is not None, timeout=5000)  # after the first paint
    assert window.plan is not None and window.tree_model.iter_nodes()  # made and filled
    assert form.planTree.model() is window.tree_model and form.planTree.parent().parent() is form.planPage
    assert not form.warningsDock.isVisible()  # the plan's warnings belong to the plan page
    assert form.warningsDock.toggleViewAction() in form.menuView.actions()
    tabs.setCurrentWidget(form.planPage)
    assert form.warningsDock.isVisible() and window.current_node() is not None
    assert form.selectionTitleLabel.text() == window.current_node().title()
    form.actionCollapseAll.trigger()  # the View menu's actions work the tree made later
    assert not form.planTree.isExpanded(window.tree_model.index_of(window.tree_model.iter_nodes()[0]))


def test_the_offices_plan_tab_shown_before_the_first_paint_is_made_then(qtbot, service, settings) -> None:  # noqa: F811
    window = office_window(qtbot, service, settings, defer=True)
    form = window.form
    form.pageTabs.setCurrentWidget(form.planPage)  # before the window is shown
    assert form.planTree.model() is window.tree_model and form.warningsDock.parent() is window
    window.show()
    qtbot.waitUntil(lambda: window.report_actions is not None, timeout=5000)
    assert window.plan is not None and window.current_node() is not None
    assert form.warningsDock.isVisible()
    assert window.findChildren(type(form.warningsDock)) == [form.warningsDock]  # made once


def test_the_offices_plan_splitter_made_later_is_restored(qtbot, service, settings) -> None:  # noqa: F811
    first = office_window(qtbot, service, settings, defer=False)
    first.show()
    first.form.pageTabs.setCurrentWidget(first.form.planPage)
    splitter = first.form.mainSplitter
    splitter.setSizes([150, max(100, splitter.width() - 150)])
    sizes = splitter.sizes()
    first.close()
    again = office_window(qtbot, service, settings, defer=True)
    again.show()
    qtbot.waitUntil(lambda: again.report_actions is not None, timeout=5000)
    again.form.pageTabs.setCurrentWidget(again.form.planPage)
    assert again.form.mainSplitter.sizes() == sizes


def note_height(view, text: str) -> int:
    """What a wrapped note needs in the note column (as the view measures it)."""
    width = view.columnWidth(M.COL_NOTE)
    return QFontMetrics(view.font()).boundingRect(QRect(0, 0, max(width - 10, 20), 100000),
                                                  int(Qt.TextFlag.TextWordWrap), text).height()


def test_grid_rows_are_sized_in_view_and_when_scrolled_into_view(qtbot, service, settings) -> None:  # noqa: F811
    progress = ProgressService(service)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    items = progress.work_items(2569)
    last = items[-1]
    quarter = next(iter(last.quarters()))
    progress.set_progress(last, quarter, note=LONG_NOTE)
    window = coordinator_window(qtbot, service, settings, defer=False)
    window.show()
    page = window.office_page
    window.form.pageTabs.setCurrentWidget(page)
    assert page.show_agency(None)
    view, model = page.table, page.model
    qtbot.waitUntil(lambda: model.rowCount() > 500)
    row = model.row_of(last, quarter)
    assert row > 500 and view.rowAt(0) < 50  # far below the lines in view
    default = view.verticalHeader().defaultSectionSize()
    assert view.rowHeight(row) == default  # not measured yet
    assert view.measured < 300  # only the lines in view were measured, not every line's texts
    first_item = model.line(view.first_line_of(view.rowAt(0)))
    assert first_item is not None
    # scrolled into view: the long note shows whole
    view.scrollTo(model.index(row, M.COL_NOTE))
    qtbot.waitUntil(lambda: view.rowHeight(row) > default)
    assert view.rowHeight(row) >= note_height(view, model.text(row, M.COL_NOTE))
    # group lines in view span the width; item descriptions span their quarter lines
    top = view.rowAt(0)
    for r in range(top, min(top + 8, model.rowCount())):
        line = model.line(r)
        if line.kind != "quarter":
            assert view.columnSpan(r, 0) == model.columnCount()
        elif line.span > 1:
            assert view.rowSpan(r, M.COL_INDICATOR) == line.span


def test_a_note_typed_in_view_resizes_its_line(qtbot, service, settings) -> None:  # noqa: F811
    window = coordinator_window(qtbot, service, settings, defer=False)
    window.show()
    page = window.office_page
    window.form.pageTabs.setCurrentWidget(page)
    view, model = page.table, page.model
    index = view.first_editable()
    note = model.index(index.row(), M.COL_NOTE)
    before = view.rowHeight(index.row())
    assert model.setData(note, LONG_NOTE)
    qtbot.waitUntil(lambda: view.rowHeight(index.row()) > before)
    assert view.rowHeight(index.row()) >= note_height(view, model.text(index.row(), M.COL_NOTE))


def test_plan_tab_sizes_the_rows_in_view(qtbot, service, settings) -> None:  # noqa: F811
    window = coordinator_window(qtbot, service, settings, defer=False)
    window.show()
    table = window.form.rowsTable
    biggest = max(window.tree_model.iter_nodes(), key=lambda node: len(node.entries()))
    window.select_node(biggest)  # the strategy with the most rows: all of them
    model = window.table_model
    assert model.rowCount() > 10
    table.resize(900, 250)
    qtbot.waitUntil(lambda: table.rowAt(0) == 0)
    sized = window.row_heights.sized
    last = model.rowCount() - 1
    assert table.rowViewportPosition(last) > table.viewport().height()  # the last row is out of view
    table.scrollToBottom()
    qtbot.waitUntil(lambda: window.row_heights.sized > sized)
    assert table.rowHeight(last) >= table.sizeHintForRow(last)


def test_the_warnings_dock_sizes_the_rows_in_view(qtbot, service, settings) -> None:  # noqa: F811
    """The plan document's warnings (FY2569: 15, a revised document may bring hundreds) are word-wrapped
    Thai rows: sized as they come into view, not all of them on every layout (ResizeToContents did)."""
    from PySide6.QtWidgets import QHeaderView

    window = coordinator_window(qtbot, service, settings, defer=False)
    window.show()
    table = window.form.warningsTable
    assert table.rowCount() == len(window.plan_warnings) > 10
    assert table.verticalHeader().sectionResizeMode(0) != QHeaderView.ResizeMode.ResizeToContents
    window.resizeDocks([window.form.warningsDock], [150], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: table.rowAt(0) == 0 and table.viewport().height() > 0)
    last = table.rowCount() - 1
    assert table.rowViewportPosition(last) > table.viewport().height()  # out of view: not sized yet
    assert table.rowHeight(last) == table.verticalHeader().defaultSectionSize()
    assert all(table.rowHeight(row) >= table.sizeHintForRow(row)  # the rows in view show their whole text
               for row in range(table.rowAt(0), table.rowAt(table.viewport().height() - 1) + 1))
    sized = window.warning_heights.sized
    table.scrollToBottom()
    qtbot.waitUntil(lambda: window.warning_heights.sized > sized)
    assert table.rowHeight(last) >= table.sizeHintForRow(last)


def test_the_indicator_tables_short_columns_fit_their_texts(qtbot, service, settings) -> None:  # noqa: F811
    """Activity, unit, target and quarters are as wide as ResizeToContents made them (which measured them again on
    every layout): fitted when the rows change, for a strategy, an activity (no activity column) and again in
    Arabic digits."""
    from PySide6.QtWidgets import QHeaderView

    from trat_desktop.gui import display
    from trat_desktop.gui.main_window import _FIT
    from trat_desktop.gui.plan_models import IndicatorTableModel

    window = coordinator_window(qtbot, service, settings, defer=False)
    window.show()
    qtbot.waitExposed(window)
    table, header = window.form.rowsTable, window.form.rowsTable.horizontalHeader()
    header.setMinimumSectionSize(20)  # (FY2569's texts are narrower than the window's 100 px: the width is the text's)

    def as_resize_to_contents() -> dict[int, int]:
        widths = {}
        for column in _FIT:
            if table.isColumnHidden(column):
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            header.resizeSections()
            widths[column] = table.columnWidth(column)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        return widths

    nodes = window.tree_model.iter_nodes()
    strategies = [node for node in nodes if node.kind == "strategy"]
    activities = [node for node in nodes if node.kind == "activity"]
    # Arabic digits come while an activity is shown (its table has no activity column): the strategy after it
    # has that column fitted in Arabic digits
    steps = [(node, True) for pair in zip(activities, strategies) for node in pair]
    steps += [(activities[0], True), (strategies[-1], False)]
    for wanted, thai in steps:
        if thai != display.thai_digits_enabled():
            window.set_thai_digits(thai)  # (the plan is read again: new nodes)
        node = next(n for n in window.tree_model.iter_nodes() if n.kind == wanted.kind and n.item.uid == wanted.item.uid)
        window.select_node(node)
        assert table.isColumnHidden(IndicatorTableModel.COL_ACTIVITY) == (node.kind == "activity")
        fitted = {column: table.columnWidth(column) for column in _FIT if not table.isColumnHidden(column)}
        assert all(header.sectionResizeMode(column) == QHeaderView.ResizeMode.Fixed for column in _FIT)
        assert fitted == as_resize_to_contents(), (node.title(), thai)
        assert min(fitted.values()) < 100  # (the texts' own widths)


def test_the_plan_trees_budget_column_fits_every_budget(qtbot, service, settings) -> None:  # noqa: F811
    """Sized once per plan from its texts (ResizeToContents asked every open node on each layout):
    every node's budget shows whole, open or not, and the column is no wider than that or its header."""
    from PySide6.QtWidgets import QHeaderView, QStyle

    from trat_desktop.gui.plan_models import PlanTreeModel

    window = MainWindow(service, settings=settings)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    tree, model = window.form.planTree, window.tree_model
    column = PlanTreeModel.COL_BUDGET
    assert tree.header().sectionResizeMode(column) != QHeaderView.ResizeMode.ResizeToContents

    def needed() -> int:
        metrics = tree.fontMetrics()
        margin = 2 * (tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
        texts = [model.data(model.index_of(node, column)) for node in model.iter_nodes()]
        return max(max(metrics.horizontalAdvance(t) + margin for t in texts),
                   tree.header().sectionSizeFromContents(column).width())

    assert len(model.iter_nodes()) > 20 and tree.columnWidth(column) == needed()
    window.set_thai_digits(False)  # Arabic digits: other widths, fitted again
    assert tree.columnWidth(column) == needed()
    tree.collapseAll()
    tree.expandAll()
    assert tree.columnWidth(column) == needed()


def test_the_screen_fitter_is_back_once_the_app_window_has_painted(qtbot, service, settings) -> None:  # noqa: F811
    """The app's window is made and first painted with the screen fitter off (a Python filter on every
    event); it is fitted itself, and every dialog after its first paint is fitted again."""
    from PySide6.QtWidgets import QApplication, QDialog

    from trat_desktop.gui import screen_fit
    from trat_desktop.gui.app import create_app, open_main_window

    app = create_app([])
    progress = ProgressService(service)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    window = open_main_window(service, progress, settings=settings, backup_delay_ms=24 * 3600 * 1000)
    qtbot.addWidget(window)
    area = app.primaryScreen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    qtbot.waitUntil(lambda: window.report_actions is not None, timeout=5000)  # painted, menus added
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    dialog.resize(area.width() + 400, area.height() + 300)
    dialog.show()
    QApplication.processEvents()
    assert dialog.width() <= area.width() - screen_fit.FRAME.width()
    assert dialog.height() <= area.height() - screen_fit.FRAME.height()


def test_viewport_of_is_the_views_viewport_even_one_set_later(qtbot) -> None:
    """gui/visible_rows.viewport_of finds the viewport by the name Qt gives it (cheaper for PySide6 at
    start-up than viewport()); a viewport set with setViewport has no name and is found the usual way."""
    from PySide6.QtWidgets import QTableView, QTreeView, QWidget

    from trat_desktop.gui.visible_rows import viewport_of

    table, tree = QTableView(), QTreeView()
    qtbot.addWidget(table)
    qtbot.addWidget(tree)
    assert viewport_of(table) is table.viewport()
    replaced = QWidget()
    tree.setViewport(replaced)
    assert viewport_of(tree) is tree.viewport() is replaced
