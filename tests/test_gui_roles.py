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
