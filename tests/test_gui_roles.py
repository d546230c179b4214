"""The main window by role: an office gets the entry page; the coordinator also gets the
plan editor, the consolidated view and the dashboard, with Ctrl+Z following the page."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from trat_desktop.domain.identity import Identity
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.services import PlanService, ProgressService


def window_for(qtbot, service: PlanService, identity: Identity, tmp_path) -> MainWindow:
    progress = ProgressService(service)
    progress.set_identity(identity)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings)
    qtbot.addWidget(window)
    return window


def tab_titles(window: MainWindow) -> list[str]:
    tabs = window.form.pageTabs
    return [tabs.tabText(i) for i in range(tabs.count())]


def test_office_has_no_coordinator_pages(qtbot, service, tmp_path) -> None:
    window = window_for(qtbot, service, Identity(role="office", office_name="สนง.คลัง จ.ตราด"), tmp_path)
    assert window.coordinator_pages is None
    assert "แก้ไขแผน" not in tab_titles(window)


def test_coordinator_pages_and_undo_follow_the_tab(qtbot, service, tmp_path) -> None:
    window = window_for(qtbot, service, Identity(role="coordinator", reporter_name="ผู้ประสาน"), tmp_path)
    titles = tab_titles(window)
    assert {"แก้ไขแผน", "ภาพรวมผลการดำเนินงาน", "แดชบอร์ด"} <= set(titles)
    pages = window.coordinator_pages
    window.form.pageTabs.setCurrentWidget(pages.editor)
    assert window.undo_group.activeStack() is pages.editor.undo_stack
    window.form.pageTabs.setCurrentWidget(window.office_page)
    assert window.undo_group.activeStack() is window.office_page.controller.undo_stack


def test_becoming_coordinator_in_setup_adds_the_pages(qtbot, service, tmp_path) -> None:
    window = window_for(qtbot, service, Identity(role="office", office_name="สนง.คลัง จ.ตราด"), tmp_path)
    assert window.coordinator_pages is None
    ProgressService(service).set_identity(Identity(role="coordinator"))
    window._sync_role_pages()
    assert window.coordinator_pages is not None and "แดชบอร์ด" in tab_titles(window)


def test_menus_and_hidden_plan_tab_fill_right_after_the_first_paint(qtbot, service, tmp_path) -> None:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name="สนง.คลัง จ.ตราด"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings, defer_menus=True)
    qtbot.addWidget(window)
    # the office's entry page is in front: the plan tab and two menus wait for the first paint
    assert window.form.pageTabs.currentWidget() is window.office_page
    assert window.report_actions is None and window.exchange_actions is None
    assert window.tree_model.rowCount() == 0
    window.show()
    qtbot.waitUntil(lambda: window.report_actions is not None, timeout=5000)
    assert window.exchange_actions is not None
    assert window.tree_model.rowCount() == 5
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.count("รายงาน") == 1


def test_gui_start_parses_only_the_global_options() -> None:
    from trat_desktop.cli import _gui_args

    args = _gui_args(["--db", "x.sqlite3", "--smoke-test"])
    assert args is not None and args.command is None and args.smoke_test and str(args.db) == "x.sqlite3"
    assert _gui_args([]) is not None
    for argv in (["plan", "summary"], ["--help"], ["--version"], ["--db"]):
        assert _gui_args(argv) is None
