"""The coordinator's pages as tabs: the plan editor, the consolidated progress view and the
dashboard. The main window calls :func:`add_coordinator_pages` once.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QTabWidget, QWidget

from ..services import PlanService, ProgressService
from .consolidated_view import ConsolidatedPage
from .dashboard import DashboardPage
from .plan_editor import PlanEditorPage

EDITOR_TAB = "แก้ไขแผน"
OVERVIEW_TAB = "ภาพรวมผลการดำเนินงาน"
DASHBOARD_TAB = "แดชบอร์ด"


@dataclass
class CoordinatorPages:
    """The three pages, for callers that want them by name."""

    editor: PlanEditorPage
    overview: ConsolidatedPage
    dashboard: DashboardPage

    def as_list(self) -> list[QWidget]:
        return [self.editor, self.overview, self.dashboard]

    def mark_stale(self) -> None:
        """Progress or the plan changed elsewhere: the views reload when next shown."""
        self.overview.mark_stale()
        self.dashboard.mark_stale()

    def set_year(self, year: int) -> None:
        """The window's year selector chose *year*: every page follows."""
        self.editor.set_year(year)
        self.overview.set_year(year)
        self.dashboard.set_year(year)

    def refresh_texts(self) -> None:
        """Re-render every text after the Thai/Arabic digits switch changed."""
        self.editor.refresh_texts()
        self.overview.refresh_texts()
        self.dashboard.refresh_texts()


def build_coordinator_pages(plans: PlanService, progress: ProgressService, background: bool = True,
                            undo_shortcuts: bool = True, parent: QWidget | None = None) -> CoordinatorPages:
    """Make the pages and wire them: a plan edit makes the overview and dashboard reload."""
    editor = PlanEditorPage(plans, progress, parent, undo_shortcuts=undo_shortcuts)
    overview = ConsolidatedPage(plans, parent, background=background)
    dashboard = DashboardPage(plans, parent, background=background)
    pages = CoordinatorPages(editor, overview, dashboard)
    editor.plan_changed.connect(overview.mark_stale)
    editor.plan_changed.connect(dashboard.mark_stale)
    return pages


def add_coordinator_pages(tabs: QTabWidget, plans: PlanService, progress: ProgressService, *,
                          background: bool = True, undo_shortcuts: bool = True) -> list[QWidget]:
    """Add the tabs แก้ไขแผน, ภาพรวมผลการดำเนินงาน and แดชบอร์ด to *tabs*; returns the pages
    [editor, overview, dashboard]. The editor's QUndoStack is ``pages[0].undo_stack`` (pass
    ``undo_shortcuts=False`` when the window binds Ctrl+Z/Ctrl+Y itself, e.g. via a QUndoGroup).
    """
    pages = build_coordinator_pages(plans, progress, background, undo_shortcuts, tabs)
    tabs.addTab(pages.editor, EDITOR_TAB)
    tabs.addTab(pages.overview, OVERVIEW_TAB)
    tabs.addTab(pages.dashboard, DASHBOARD_TAB)
    return pages.as_list()
