"""The coordinator's pages as tabs: the plan editor, the consolidated progress view and the
dashboard. The main window keeps one :class:`CoordinatorPages` whose pages are built the first
time they are needed (their tab first shown, or a caller asking for ``.editor`` etc.), so a
coordinator's window paints without building three pages nobody is looking at yet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTabWidget, QWidget

from ..i18n import N_, _

if TYPE_CHECKING:  # the page modules are imported when a page is first built
    from ..services import PlanService, ProgressService
    from .consolidated_view import ConsolidatedPage
    from .dashboard import DashboardPage
    from .plan_editor import PlanEditorPage

EDITOR_TAB = N_("แก้ไขแผน")
OVERVIEW_TAB = N_("ภาพรวมผลการดำเนินงาน")
DASHBOARD_TAB = N_("แดชบอร์ด")
_TAB_TEXTS = (("editor", EDITOR_TAB), ("overview", OVERVIEW_TAB), ("dashboard", DASHBOARD_TAB))


def tab_texts() -> tuple[tuple[str, str], ...]:
    """(name, tab text) in tab order, the text in the screen's language."""
    return tuple((name, _(text)) for name, text in _TAB_TEXTS)


def __getattr__(name: str) -> object:
    """``TABS``, (name, tab text) in tab order: read when asked, so the text follows the language chosen
    at start (``from .coordinator_pages import TABS`` asks at that moment)."""
    if name == "TABS":
        return tab_texts()
    raise AttributeError(name)


class CoordinatorPages:
    """The three pages, by name; each is made the first time it is asked for.

    *on_built(name, page)* is told of each page as it is made (the main window puts it into its
    tab). Year, staleness and digit changes go to the pages already made; a page made later
    starts from the current year and fresh data."""

    def __init__(self, plans: PlanService, progress: ProgressService, background: bool = True,
                 undo_shortcuts: bool = True, parent: QWidget | None = None,
                 on_built: Callable[[str, QWidget], None] | None = None) -> None:
        self._plans, self._progress = plans, progress
        self._background, self._undo_shortcuts, self._parent = background, undo_shortcuts, parent
        self._on_built = on_built
        self._pages: dict[str, Any] = {}
        self._year: int | None = None

    # -- the pages --------------------------------------------------------------------
    @property
    def editor(self) -> PlanEditorPage:
        return self.page("editor")  # type: ignore[no-any-return]

    @property
    def overview(self) -> ConsolidatedPage:
        return self.page("overview")  # type: ignore[no-any-return]

    @property
    def dashboard(self) -> DashboardPage:
        return self.page("dashboard")  # type: ignore[no-any-return]

    def built(self, name: str) -> Any:
        """The page called *name* if it was made already, else None (never makes it)."""
        return self._pages.get(name)

    def built_pages(self) -> list[QWidget]:
        return [self._pages[name] for name, _text in _TAB_TEXTS if name in self._pages]

    def page(self, name: str) -> Any:
        """The page called *name* ('editor', 'overview' or 'dashboard'), made now if need be."""
        if name not in self._pages:
            from .quiet_gc import no_gc_pass

            with no_gc_pass():  # the editor reads and lays out the whole plan
                page = self._make(name)
            self._pages[name] = page
            if self._year is not None:
                page.set_year(self._year)
            if self._on_built is not None:
                self._on_built(name, page)
        return self._pages[name]

    def _make(self, name: str) -> QWidget:
        if name == "editor":
            from .plan_editor import PlanEditorPage

            editor = PlanEditorPage(self._plans, self._progress, self._parent, undo_shortcuts=self._undo_shortcuts)
            # a plan edit: the overview and dashboard reload (a lambda: the connection keeps this object
            # alive, a bound method of a plain object would not)
            editor.plan_changed.connect(lambda *_: self.mark_stale())
            return editor
        if name == "overview":
            from .consolidated_view import ConsolidatedPage

            return ConsolidatedPage(self._plans, self._parent, background=self._background)
        if name == "dashboard":
            from .dashboard import DashboardPage

            return DashboardPage(self._plans, self._parent, background=self._background)
        raise KeyError(name)

    def as_list(self) -> list[QWidget]:
        """All three pages (made now if need be), in tab order."""
        return [self.page(name) for name, _text in _TAB_TEXTS]

    # -- what the window tells every page ---------------------------------------------------
    def mark_stale(self) -> None:
        """Progress or the plan changed elsewhere: the views reload when next shown."""
        for name in ("overview", "dashboard"):
            page = self._pages.get(name)
            if page is not None:
                page.mark_stale()

    def set_year(self, year: int) -> None:
        """The window's year selector chose *year*: every page follows (a page made later starts there)."""
        self._year = year
        for page in self.built_pages():
            page.set_year(year)  # type: ignore[attr-defined]

    def refresh_texts(self) -> None:
        """Re-render every text after the Thai/Arabic digits switch changed."""
        for page in self.built_pages():
            page.refresh_texts()  # type: ignore[attr-defined]


def build_coordinator_pages(plans: PlanService, progress: ProgressService, background: bool = True,
                            undo_shortcuts: bool = True, parent: QWidget | None = None,
                            lazy: bool = False,
                            on_built: Callable[[str, QWidget], None] | None = None) -> CoordinatorPages:
    """The pages, wired: a plan edit makes the overview and dashboard reload. With *lazy*, none is
    made yet (each is made when first asked for)."""
    pages = CoordinatorPages(plans, progress, background, undo_shortcuts, parent, on_built)
    if not lazy:
        pages.as_list()
    return pages


def add_coordinator_pages(tabs: QTabWidget, plans: PlanService, progress: ProgressService, *,
                          background: bool = True, undo_shortcuts: bool = True) -> list[QWidget]:
    """Add the tabs แก้ไขแผน, ภาพรวมผลการดำเนินงาน and แดชบอร์ด to *tabs*; returns the pages
    [editor, overview, dashboard]. The editor's QUndoStack is ``pages[0].undo_stack`` (pass
    ``undo_shortcuts=False`` when the window binds Ctrl+Z/Ctrl+Y itself, e.g. via a QUndoGroup).
    """
    pages = build_coordinator_pages(plans, progress, background, undo_shortcuts, tabs)
    for page, (_name, title) in zip(pages.as_list(), tab_texts()):
        tabs.addTab(page, title)
    return pages.as_list()
