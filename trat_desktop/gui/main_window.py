"""The main window. Two pages: "งานของหน่วยงาน" (quarterly entry, when a progress service is
given) and "แผนปฏิบัติการ" (the plan tree, the selected node's indicator rows, the document's
warnings in a dock). Menus for undo/redo, Thai/Arabic digits, the installation's setup, its
data folder and backups (ตั้งค่า › ข้อมูลและการสำรอง…) and ช่วยเหลือ › เกี่ยวกับ Trat Desktop…"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QUndoGroup
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QMainWindow, QStyledItemDelegate, QWidget

from ..domain.capabilities import can
from ..domain.fiscal import default_year
from ..domain.model import Plan, PlanWarning
from ..errors import TratError
from ..i18n import N_, _, ngettext
from . import display
from .forms.ui_main_window import Ui_MainWindow
from .delegates import WrappingTreeDelegate
from .plan_models import IndicatorTableModel, PlanNode, PlanTreeModel
from .quiet_gc import no_gc_pass
from .style import emphasise

THAI_DIGITS_KEY = "display/thai_digits"
#: texts marked with N_() (translated where shown: a _() at import would come before the language is chosen)
ENTRY_TAB_TEXT = N_("งานของหน่วยงาน")
NOT_SAVED_YET = N_("บันทึกอัตโนมัติทุกครั้งที่แก้ไข")

#: the start of the status-bar note naming the plan loaded (a later message is not covered by it)
PLAN_LOADED = N_("โหลดแผน")
WINDOW_TITLE = N_("แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม จังหวัดตราด — Trat Desktop")
NO_PLAN_TEXT = N_("ยังไม่มีแผนปฏิบัติการในฐานข้อมูล")

#: Indicator table columns: how each one sizes (the two long texts share the spare width).
_STRETCH = (IndicatorTableModel.COL_INDICATOR, IndicatorTableModel.COL_EXPECTED)
_FIT = (IndicatorTableModel.COL_ACTIVITY, IndicatorTableModel.COL_UNIT,
        IndicatorTableModel.COL_TARGET, IndicatorTableModel.COL_PERIOD)
_INITIAL_WIDTHS = {IndicatorTableModel.COL_BUDGET: 220, IndicatorTableModel.COL_AGENCIES: 160}
#: Columns sized to their contents look at this many rows (and those in view), not all of a big plan's.
_FIT_PRECISION = 100
#: A plan tree with more nodes than this opens down to its tactics only (FY2569 has about 120).
EXPAND_ALL_UP_TO = 1500


class PlanSource(Protocol):
    """What the window needs from :class:`trat_desktop.services.PlanService`."""

    def fiscal_years(self) -> list[int]: ...
    def load_plan(self, fiscal_year: int | None = None) -> Plan: ...
    def warnings(self, fiscal_year: int | None = None) -> list[PlanWarning]: ...


def load_digit_setting(settings: QSettings) -> bool:
    """Apply the saved Thai/Arabic digit choice and return it. Never chosen: Thai digits on a Thai screen,
    Arabic on an English one (IT staff who read no Thai read no ๑๒๓ either); a choice made is kept."""
    from .. import i18n

    value = settings.value(THAI_DIGITS_KEY, i18n.language() == i18n.SOURCE_LANGUAGE)
    thai = value if isinstance(value, bool) else str(value).lower() not in ("false", "0", "no")
    display.set_thai_digits(thai)
    return thai


class _FirstPaint(QObject):
    """Runs *then* once, just after *widget* first paints (start-up work nobody sees at first)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            obj.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False


class MainWindow(QMainWindow):
    """Browse the plan and, with *progress*, enter the office's quarterly results.
    Talks to the services only, never to the database."""

    def __init__(self, service: PlanSource, parent: QWidget | None = None, progress: Any = None,
                 settings: QSettings | None = None, today: Callable[[], dt.date] | None = None,
                 now: Callable[[], dt.datetime] | None = None, defer_menus: bool = False) -> None:
        super().__init__(parent)
        self.form = Ui_MainWindow()
        self.form.setupUi(self)
        self.setWindowTitle(_(WINDOW_TITLE))
        from .app import app_icon

        self.setWindowIcon(app_icon())
        self._service = service
        self._progress = progress
        from .database_file import GUI_WRITE_WAIT_SECONDS, protect  # (Qt-free: see there)

        protect(getattr(service, "path", None))  # never offered as a file to open or save over
        set_wait = getattr(service, "set_write_wait", None)
        if callable(set_wait):  # writes on the GUI thread wait briefly for another program (see ops.py)
            set_wait(GUI_WRITE_WAIT_SECONDS)
        self._today = today or (progress.today if progress is not None and hasattr(progress, "today") else dt.date.today)
        self.settings = settings if settings is not None else QSettings()
        self.plan: Plan | None = None
        self.plan_warnings: list[PlanWarning] = []
        self.load_error: str | None = None
        self._dock_was_visible = True
        self.database_released = False
        self.about_dialog: Any = None
        self.data_dialog: Any = None
        self.daily_backup_op: Any = None
        self.form.actionThaiDigits.setChecked(load_digit_setting(self.settings))

        self._place_year_selector()
        #: whether the user chose the year (else the window follows the default year as plans arrive)
        self._year_chosen = False
        self._followed_year: int | None = None
        self.tree_model = PlanTreeModel(parent=self)
        self.table_model = IndicatorTableModel(self)
        self.saved_label = QLabel(_(NOT_SAVED_YET))
        self.statusBar().addPermanentWidget(self.saved_label)
        self._office_page: Any = None
        #: the entry tab's stand-in while its page is not made yet (the coordinator's window opens on the plan)
        self._office_placeholder: QWidget | None = None
        self.coordinator_pages: Any = None
        self.undo_group = QUndoGroup(self)
        if progress is not None:
            self._add_office_page(progress, today, now, load_when_shown=defer_menus)
        #: the plan tab's widgets and the warnings dock (:meth:`_make_plan_page`): made now, or in the app
        #: for a window that opens on the entry page when the plan tab is first shown or after the first paint
        self._plan_page_made = False
        if not defer_menus or self.form.pageTabs.currentWidget() is self.form.planPage:
            self._make_plan_page()
        self._connect()
        self._setup_edit_menu()
        self.exchange_actions: Any = None
        self.plan_document_actions: Any = None
        self.report_actions: Any = None
        self.round_actions: Any = None
        self.figures_actions: Any = None
        self.ita_actions: Any = None
        self.receipt_actions: Any = None
        plan_tab_first = self.form.pageTabs.currentWidget() is self.form.planPage
        if defer_menus:  # the app: paint the first page, then fill what is not in sight
            if plan_tab_first:
                self._fill_years()
            self._first_paint = _FirstPaint(self.centralWidget(), lambda: self._after_first_paint(not plan_tab_first))
        else:
            self._fill_years()
            self._install_menus()
        self._sync_role_pages()
        if self._office_page is not None or self._office_placeholder is not None:
            self._on_tab_changed(self.form.pageTabs.currentIndex())
        from .language import install_menu
        from .screen_fit import remember_geometry

        install_menu(self)  # ตั้งค่า › ภาษาของหน้าจอ (Language)
        remember_geometry(self, self.settings)  # size, place and splitters as last closed, within the screen

    # -- office mode ----------------------------------------------------------------
    def _add_office_page(self, progress: Any, today: Callable[[], dt.date] | None,
                         now: Callable[[], dt.datetime] | None, load_when_shown: bool = False) -> None:
        """The entry page ("งานของหน่วยงาน"). In the app (*load_when_shown*) a window that opens on
        the plan (the coordinator's) holds a placeholder in the entry tab: the page (and its modules)
        is made when the tab is first shown or :attr:`office_page` is first read (after the first paint)."""
        self._office_args = (progress, today, now, load_when_shown)
        if load_when_shown and self._opens_on_plan(self._identity_now(progress)):
            tabs = self.form.pageTabs
            placeholder = QWidget(tabs)
            placeholder.setObjectName("officePagePlaceholder")
            self._office_placeholder = placeholder
            tabs.insertTab(0, placeholder, _(ENTRY_TAB_TEXT))
            tabs.setCurrentIndex(tabs.indexOf(self.form.planPage))
            return
        self._build_office_page()

    @staticmethod
    def _identity_now(progress: Any) -> Any:
        from ..domain.identity import Identity

        try:
            return progress.identity()
        except TratError:
            return Identity()

    @staticmethod
    def _opens_on_plan(identity: Any) -> bool:
        return bool(can(identity, "edit_plan"))

    @property
    def office_page(self) -> Any:
        """The entry page (None without a progress service); made now if its tab holds a placeholder."""
        if self._office_page is None and self._office_placeholder is not None:
            self._build_office_page()
        return self._office_page

    def _build_office_page(self) -> Any:
        from .office_page import OfficePage

        progress, today, now, load_when_shown = self._office_args
        page = OfficePage(self._service, progress, self, today=today, now=now,  # type: ignore[arg-type]
                          load_when_shown=load_when_shown)
        self._office_page = page
        tabs = self.form.pageTabs
        placeholder, self._office_placeholder = self._office_placeholder, None
        if placeholder is None:
            tabs.insertTab(0, page, _(ENTRY_TAB_TEXT))
            tabs.setCurrentIndex(self._default_tab())
        else:  # the page takes the placeholder's place; the current tab stays
            index, current = tabs.indexOf(placeholder), tabs.currentIndex()
            tabs.blockSignals(True)
            try:
                tabs.removeTab(index)
                tabs.insertTab(index, page, _(ENTRY_TAB_TEXT))
                tabs.setCurrentIndex(current)
            finally:
                tabs.blockSignals(False)
            placeholder.deleteLater()
        page.status_message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        page.saved_at.connect(self._on_saved)
        page.setup_requested.connect(self.open_setup)
        page.evidence_panel.settings = self.settings
        if placeholder is not None:  # what the window did for a page made at once
            stack = page.controller.undo_stack
            self.undo_group.addStack(stack)
            if self.undo_group.activeStack() is None:
                self.undo_group.setActiveStack(stack)
            if self._followed_year is not None:
                page.set_year(self._followed_year)
            pages = self.coordinator_pages
            if pages is not None:
                page.saved_at.connect(lambda *_: pages.mark_stale())
        return page

    def _default_tab(self) -> int:
        """The entry page for an office (or before set-up); the plan for the coordinator."""
        page = self.office_page
        if page is None or self._opens_on_plan(page.identity):
            return self.form.pageTabs.indexOf(self.form.planPage)
        return self.form.pageTabs.indexOf(page)

    def _setup_edit_menu(self) -> None:
        form = self.form
        if self._office_page is None and self._office_placeholder is None:
            form.menuEdit.menuAction().setVisible(False)
            form.actionSetup.setEnabled(False)
            return
        if self._office_page is not None:  # a page made later joins the group then
            stack = self._office_page.controller.undo_stack
            self.undo_group.addStack(stack)
            self.undo_group.setActiveStack(stack)
        self.undo_action = self.undo_group.createUndoAction(self, _("เลิกทำ"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, _("ทำซ้ำ"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        form.menuEdit.addAction(self.undo_action)
        form.menuEdit.addAction(self.redo_action)

    # -- coordinator pages ----------------------------------------------------------------
    def _sync_role_pages(self) -> None:
        """The coordinator's tabs (plan editor, consolidated view, dashboard) once this
        installation is the coordinator's. Each tab holds a placeholder until it is first shown
        (or its page is asked for); then its page is made and takes the placeholder's place,
        joining the window's undo group and year selector (:meth:`_coordinator_page_built`)."""
        if self.coordinator_pages is not None or self._progress is None:
            return
        if not can(self._progress.identity(), "view_all_offices"):
            return
        from .coordinator_pages import TABS, build_coordinator_pages

        tabs = self.form.pageTabs
        self._page_placeholders: dict[str, QWidget] = {}
        for name, title in TABS:
            placeholder = QWidget(tabs)
            placeholder.setObjectName(f"{name}Placeholder")
            self._page_placeholders[name] = placeholder
            tabs.addTab(placeholder, title)
        pages = build_coordinator_pages(self._service, self._progress, undo_shortcuts=False,  # type: ignore[arg-type]
                                        parent=tabs, lazy=True, on_built=self._coordinator_page_built)
        self.coordinator_pages = pages
        year = self.selected_year()
        if year is not None:
            pages.set_year(year)
        if self._office_page is not None:  # (a page made later connects itself)
            self._office_page.saved_at.connect(lambda *_: pages.mark_stale())
        if self.round_actions is not None:
            self.round_actions.attach_views()  # "ให้ความเห็น…" on the consolidated view

    def _coordinator_page_built(self, name: str, page: QWidget) -> None:
        """A coordinator page was just made: it replaces its tab's placeholder (the current tab stays)."""
        tabs = self.form.pageTabs
        placeholder = self._page_placeholders.pop(name, None)
        index = tabs.indexOf(placeholder) if placeholder is not None else -1
        if index >= 0:
            current = tabs.currentIndex()
            title = tabs.tabText(index)
            tabs.blockSignals(True)
            try:
                tabs.removeTab(index)
                tabs.insertTab(index, page, title)
                tabs.setCurrentIndex(current)
            finally:
                tabs.blockSignals(False)
            placeholder.deleteLater()  # type: ignore[union-attr]
        if name == "editor":
            self.undo_group.addStack(page.undo_stack)  # type: ignore[attr-defined]
            page.plan_changed.connect(self.refresh_data)  # type: ignore[attr-defined]
        page.year_chosen.connect(self.select_year)  # type: ignore[attr-defined]
        if self.round_actions is not None:
            self.round_actions.attach_views()  # "ให้ความเห็น…" on the consolidated view, now that it exists

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        """Let background loads finish before the services close; values typed but not saved yet
        (the database was busy) are tried once more, and the user decides before they are lost."""
        from PySide6.QtCore import QThreadPool

        if not self.confirm_unsaved():
            event.ignore()
            return
        QThreadPool.globalInstance().waitForDone(2000)
        super().closeEvent(event)

    def confirm_unsaved(self) -> bool:
        """True when closing loses nothing typed: every unsaved value saved now, or the user chose
        to close anyway (the default button keeps the window open)."""
        page = self._office_page  # a page never made holds nothing typed
        controller = getattr(page, "controller", None)
        if controller is None or not controller.unsaved:
            return True
        if controller.retry_unsaved() == 0:
            return True
        from .data_dialog import ask

        count = len(controller.unsaved)
        reason = controller.last_error or _("ฐานข้อมูลไม่ว่าง")
        text = ngettext("มีค่าที่พิมพ์ไว้ {count} ช่องที่ยังบันทึกไม่ได้ ({reason})\n\n"
                        "ถ้าปิดโปรแกรมตอนนี้ ค่าเหล่านี้จะหายไป (ช่องที่ยังไม่ได้บันทึกมีสีส้ม)",
                        "มีค่าที่พิมพ์ไว้ {count} ช่องที่ยังบันทึกไม่ได้ ({reason})\n\n"
                        "ถ้าปิดโปรแกรมตอนนี้ ค่าเหล่านี้จะหายไป (ช่องที่ยังไม่ได้บันทึกมีสีส้ม)", count)
        return ask(self, _("ยังมีค่าที่ยังไม่ได้บันทึก"), display.show_digits(text.format(count=count, reason=reason)),
                   yes=_("ปิดโปรแกรม (ค่าที่ยังไม่ได้บันทึกจะหายไป)"), no=_("ยังไม่ปิด"))

    def _after_first_paint(self, fill_plan: bool) -> None:
        if fill_plan:
            self._make_plan_page()
            self._fill_years()
        self._install_menus()

    def _install_menus(self) -> None:
        """The exchange-file and report menus (over real services only)."""
        self._install_exchange_menu()
        from .report_actions import ReportActions

        self.report_actions = ReportActions.install(self, self._service, self._progress, self.settings)
        from .round_actions import RoundActions

        self.round_actions = RoundActions.install(self, self._service, self._progress, self.settings,
                                                  self.form.menuSettings.menuAction())
        from .figures_actions import FiguresActions

        self.figures_actions = FiguresActions.install(self, self._progress, self.form.menuSettings)
        from .ita_actions import ItaActions  # รายงาน › ชุดหลักฐาน ITA…, ตั้งค่า › เอกสารชุดหลักฐาน ITA…

        self.ita_actions = ItaActions.install(self, self._service, self._progress, self.settings,
                                              getattr(self.report_actions, "menu", None), self.form.menuSettings)
        from .receipt_actions import ReceiptActions  # รายงาน › ใบตอบรับของหน่วยงาน… (coordinator)

        self.receipt_actions = ReceiptActions.install(self, self._service, self._progress, self.settings,
                                                      getattr(self.report_actions, "menu", None))

    # -- exchange files, keys, backups -------------------------------------------------
    def _install_exchange_menu(self) -> None:
        """แฟ้ม/ตั้งค่า items for exchange files, plan packages, keys and backups, and dropping
        office files on the window (:mod:`.exchange_actions`; only over real services)."""
        from .exchange_actions import ExchangeActions

        form = self.form
        self.exchange_actions = ExchangeActions.install(
            self, self._service, self._progress, self.settings, form.menuFile, form.menuSettings, form.actionQuit)
        from .plan_document_actions import PlanDocumentActions

        self.plan_document_actions = PlanDocumentActions.install(
            self, self._service, self._progress, self.settings, form.menuFile, form.actionQuit)

    # -- about, data folder, backups ----------------------------------------------------
    def _real_plans(self) -> Any:
        """The PlanService over a database file, or None (test fakes, in-memory databases)."""
        from ..services import PlanService
        from .database_file import can_open_again

        service = self._service
        return service if isinstance(service, PlanService) and can_open_again(service) else None

    def show_about(self) -> Any:
        """ช่วยเหลือ › เกี่ยวกับ Trat Desktop…"""
        from .about_dialog import AboutDialog

        info = None
        plans = self._real_plans()
        if plans is not None and not self.database_released:
            from ..services.about import app_info

            try:
                info = app_info(plans)
            except TratError:
                info = None
        self.about_dialog = AboutDialog(info, self)
        self.about_dialog.open()
        return self.about_dialog

    def open_data_dialog(self) -> Any:
        """ตั้งค่า › ข้อมูลและการสำรอง… (None without a database file)."""
        plans = self._real_plans()
        if plans is None or self.database_released:
            return None
        from .data_dialog import DataDialog

        owner = ""
        if self._progress is not None:
            try:
                owner = self._progress.identity().display_name
            except TratError:
                owner = ""
        self.data_dialog = DataDialog(self, plans, current_owner=owner)
        self.data_dialog.open()
        return self.data_dialog

    def start_daily_backup(self) -> Any:
        """Today's automatic backup, quietly in the background (status bar only)."""
        if self.database_released:
            return None
        from .data_dialog import start_daily_backup

        self.daily_backup_op = start_daily_backup(self, self._real_plans())
        return self.daily_backup_op

    def release_database(self, timeout_ms: int = 30000) -> None:
        """Before the database file is replaced (restore): let background work finish and deliver
        its results, then close this window's connection. The window is disabled afterwards;
        the app restarts to use the restored file."""
        from PySide6.QtCore import QElapsedTimer, QEventLoop, QThreadPool
        from PySide6.QtWidgets import QApplication

        from . import ops

        app = QApplication.instance()
        timer = QElapsedTimer()
        timer.start()
        while (ops.running() or QThreadPool.globalInstance().activeThreadCount()) and timer.elapsed() < timeout_ms:
            QThreadPool.globalInstance().waitForDone(50)
            if app is not None:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if app is not None:
            app.processEvents()  # results queued by the last jobs arrive while the service is open
        self.setEnabled(False)
        self.database_released = True
        self.statusBar().showMessage(_("ปิดฐานข้อมูลแล้ว"))
        close = getattr(self._service, "close", None)
        if callable(close):
            close()

    def refresh_data(self) -> None:
        """Re-read what the pages show from the services (after an import, an undo, a new plan)."""
        path, year = self._current_path(), self.form.yearCombo.currentData()
        self._fill_years(select=year)
        if path:
            self._select_path(path)
        if self._office_page is not None:  # (a page not made yet reads the data when it is)
            self._office_page.reload()
        if self.coordinator_pages is not None:
            self.coordinator_pages.mark_stale()

    def start(self) -> None:
        """After the window is shown: first-run set-up when this installation has no identity."""
        if self._progress is not None and not self._progress.identity().is_set_up:
            self.open_setup(first_run=True)

    def open_setup(self, first_run: bool = False) -> bool:
        """The set-up dialog; True when an identity was saved (the entry page then reloads)."""
        if self._progress is None:
            return False
        from .setup_dialog import SetupDialog

        try:
            agencies = self._service.agencies()  # type: ignore[attr-defined]
        except TratError as exc:
            self.statusBar().showMessage(exc.message)
            return False
        dialog = SetupDialog(self._progress, agencies, self, first_run=first_run)
        self.setup_dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.setup_dialog = None
        if accepted:
            self._sync_role_pages()
            if self.round_actions is not None:
                self.round_actions.update_roles()  # the grids' comment actions follow the new role
        if accepted and self.office_page is not None:
            self.office_page.controller.reset()
            self.office_page.reload()
            self.form.pageTabs.setCurrentIndex(self._default_tab())
            name = dialog.saved_identity.display_name if dialog.saved_identity else ""
            self.statusBar().showMessage(_("บันทึกการตั้งค่าแล้ว: {name}").format(name=name), 10000)
        return accepted

    def _on_saved(self, when: dt.datetime) -> None:
        from .office_page import saved_text

        self.saved_label.setText(saved_text(when))
        self.saved_label.setToolTip(_("บันทึกลงฐานข้อมูลเมื่อ {date} {time}").format(
            date=display.date_text(when.date()), time=display.time_text(when)))

    def set_thai_digits(self, enabled: bool) -> None:
        """Switch Thai/Arabic digits everywhere, remember the choice (QSettings)."""
        display.set_thai_digits(enabled)
        self.settings.setValue(THAI_DIGITS_KEY, enabled)
        if self.form.actionThaiDigits.isChecked() != enabled:
            self.form.actionThaiDigits.setChecked(enabled)
        path = self._current_path()
        year = self.form.yearCombo.currentData()
        self._fill_years(select=year)
        if path:
            self._select_path(path)
        if self._office_page is not None:
            self._office_page.refresh_display()
        if self.coordinator_pages is not None:
            self.coordinator_pages.refresh_texts()

    def _current_path(self) -> list[int]:
        self._make_plan_page()
        index, rows = self.form.planTree.currentIndex(), []
        while index.isValid():
            rows.insert(0, index.row())
            index = index.parent()
        return rows

    def _select_path(self, rows: list[int]) -> None:
        index = QModelIndex()
        for row in rows:
            index = self.tree_model.index(row, 0, index)
        node = self.tree_model.node(index)
        if node is not None:
            self.select_node(node)

    def _on_tab_changed(self, tab: int) -> None:
        """The plan's warnings dock only belongs to the plan page; Ctrl+Z follows the page."""
        widget = self.form.pageTabs.widget(tab)
        if widget is not None and widget is self._office_placeholder:  # first shown: make the page now
            widget = self._build_office_page()
        pages = self.coordinator_pages
        placeholders = getattr(self, "_page_placeholders", {})
        name = next((n for n, w in placeholders.items() if w is widget), None)
        if pages is not None and name is not None:  # first shown: make the page now
            widget = pages.page(name)
        if pages is not None and widget is not None and widget is pages.built("editor"):
            self.undo_group.setActiveStack(widget.undo_stack)
        elif self._office_page is not None:
            self.undo_group.setActiveStack(self._office_page.controller.undo_stack)
        if widget is not None and widget is self.form.planPage:
            self._make_plan_page()  # (first shown: made now)
        if not self._plan_page_made:
            return  # no dock yet: it is made hidden behind the entry page
        dock = self.form.warningsDock
        if self._office_page is not None and self.form.pageTabs.widget(tab) is self._office_page:
            self._dock_was_visible = dock.isVisible() or not self.isVisible()
            dock.hide()
        elif self._dock_was_visible:
            dock.show()

    # -- setup ----------------------------------------------------------------------
    def _make_plan_page(self) -> None:
        """The plan tab's widgets (ui/plan_page.ui, in the tab's page of the window's form) and the
        plan's warnings dock (ui/warnings_dock.ui), once: they join the window's form (``form.planTree``,
        ``form.warningsDock``…) as if made with it. An office's window opens on its entry page, so in the
        app these wait until the plan tab is first shown or the first paint is done (issue 16)."""
        if self._plan_page_made:
            return
        self._plan_page_made = True
        from PySide6.QtWidgets import QDockWidget

        from .forms.ui_plan_page import Ui_PlanPage
        from .forms.ui_warnings_dock import Ui_WarningsDock

        form = self.form
        page_form = Ui_PlanPage()
        page_form.setupUi(form.planPage)
        dock = QDockWidget(self)
        dock_form = Ui_WarningsDock()
        dock_form.setupUi(dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        vars(form).update(vars(page_form), warningsDock=dock)
        vars(form).update(vars(dock_form))
        if self._office_page is not None and form.pageTabs.currentWidget() is self._office_page:
            dock.hide()  # the plan's warnings belong to the plan page (see _on_tab_changed)
            self._dock_was_visible = True
        self._setup_views()
        form.actionExpandAll.triggered.connect(form.planTree.expandAll)
        form.actionCollapseAll.triggered.connect(form.planTree.collapseAll)
        form.planTree.selectionModel().currentChanged.connect(self._on_current_changed)
        form.warningsTable.cellDoubleClicked.connect(self._on_warning_activated)

    def _setup_views(self) -> None:
        form = self.form
        emphasise(form.planTitleLabel, 1.25)
        emphasise(form.selectionTitleLabel)

        tree = form.planTree
        tree.setModel(self.tree_model)
        tree.header().setSectionResizeMode(PlanTreeModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        # the budget column fits its widest text, measured once per plan (:meth:`_fit_budget_column`):
        # ResizeToContents asked the wrapping delegate for every open node's size on each layout
        tree.header().setSectionResizeMode(PlanTreeModel.COL_BUDGET, QHeaderView.ResizeMode.Fixed)
        tree.header().setResizeContentsPrecision(_FIT_PRECISION)
        tree.setItemDelegate(WrappingTreeDelegate(tree))
        # wrapped titles follow the column width: one layout after a burst of header resizes (each
        # layout measures every open node; start-up resizes the header several times)
        self._tree_layout = QTimer(self)
        self._tree_layout.setSingleShot(True)
        self._tree_layout.setInterval(0)
        self._tree_layout.timeout.connect(tree.doItemsLayout)
        tree.header().sectionResized.connect(lambda *_: self._tree_layout.start())

        table = form.rowsTable
        table.setModel(self.table_model)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(100)  # on a small screen the table scrolls instead of squeezing the text columns
        for column in _STRETCH:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # the short columns fit their texts once per content (:meth:`_fit_table_columns`): ResizeToContents
        # measured up to _FIT_PRECISION rows of each again on every layout (a start lays out several times)
        for column in _FIT:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.table_model.modelReset.connect(self._fit_table_columns)
        self.table_model.layoutChanged.connect(self._fit_table_columns)
        for column, width in _INITIAL_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        header.setResizeContentsPrecision(_FIT_PRECISION)  # fit the columns from the first rows, not all
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        from .visible_rows import VisibleRowHeights

        self.row_heights = VisibleRowHeights(table)  # wrapped rows sized as they come into view

        warnings = form.warningsTable
        warnings.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # (a revised document may bring hundreds of warnings: its wrapped Thai rows sized as they come into view)
        self.warning_heights = VisibleRowHeights(warnings)

        form.menuView.addAction(form.warningsDock.toggleViewAction())
        form.mainSplitter.setStretchFactor(0, 2)
        form.mainSplitter.setStretchFactor(1, 5)
        form.mainSplitter.setSizes([440, 920])
        self.resizeDocks([form.warningsDock], [150], Qt.Orientation.Vertical)

    def _connect(self) -> None:
        form = self.form
        form.actionQuit.triggered.connect(self.close)
        form.yearCombo.currentIndexChanged.connect(self._on_year_changed)
        form.actionThaiDigits.toggled.connect(self.set_thai_digits)
        form.actionSetup.triggered.connect(lambda: self.open_setup())
        form.actionAbout.triggered.connect(lambda: self.show_about())
        form.actionDataBackup.triggered.connect(lambda: self.open_data_dialog())
        form.actionDataBackup.setEnabled(self._real_plans() is not None)
        form.pageTabs.currentChanged.connect(self._on_tab_changed)

    def _place_year_selector(self) -> None:
        """The fiscal-year selector sits beside the page tabs: it chooses the year of every page
        (entry grid, plan, overview, dashboard), of the reports and of the export."""
        form = self.form
        corner = form.yearSelector
        form.centralLayout.removeWidget(corner)
        form.yearCombo.setToolTip(_("เลือกปีงบประมาณที่จะบันทึก ดู รายงาน และส่งออก"))
        form.pageTabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.year_selector = corner

    def selected_year(self) -> int | None:
        """The fiscal year chosen in the window's selector."""
        year = self.form.yearCombo.currentData()
        return int(year) if year is not None else None

    def default_year(self, years: list[int]) -> int | None:
        """The year the window opens on (:func:`..domain.fiscal.default_year`, with this installation's setting)."""
        ask = getattr(self._service, "default_year", None)
        if callable(ask):
            try:
                return ask(self._today())  # type: ignore[no-any-return]
            except TratError:
                pass
        return default_year(self._today(), years)

    def select_year(self, year: int) -> bool:
        """Switch every page to *year*; False when no plan of that year exists."""
        index = self.form.yearCombo.findData(year)
        if index < 0:
            self._fill_years()  # a year just made (copied, imported): read the years again
            index = self.form.yearCombo.findData(year)
        if index < 0:
            return False
        self._year_chosen = True
        if index != self.form.yearCombo.currentIndex():
            self.form.yearCombo.setCurrentIndex(index)
        return True

    def _fill_years(self, select: int | None = None) -> None:
        combo = self.form.yearCombo
        try:
            years = self._service.fiscal_years()
        except TratError as exc:
            self._show_error(exc.message)
            return
        combo.blockSignals(True)
        combo.clear()
        for year in years:
            combo.addItem(display.show_digits(str(year)), year)
        year = select if select in years and self._year_chosen else self.default_year(years)
        combo.setCurrentIndex(years.index(year) if year in years else -1)
        combo.blockSignals(False)
        if year is not None:
            self.load_year(year)
            if year != self._followed_year:
                self._follow_year(year)
        else:
            self._show_error(_(NO_PLAN_TEXT))

    def _follow_year(self, year: int) -> None:
        """The entry grid and the coordinator's pages show *year* too."""
        self._followed_year = year
        if self._office_page is not None and self._office_page.year != year:  # (one made later: then)
            self._office_page.set_year(year)
        if self.coordinator_pages is not None:
            self.coordinator_pages.set_year(year)

    # -- loading --------------------------------------------------------------------
    def load_year(self, year: int | None) -> bool:
        """Load and show the plan of *year*; on a service error show its Thai message."""
        self._make_plan_page()
        try:
            with no_gc_pass():
                plan = self._service.load_plan(year)
            warnings = plan.warnings  # the plan read carries them (warnings() would read it again)
        except TratError as exc:
            self._show_error(exc.message)
            return False
        self.load_error = None
        self.plan = plan
        self.plan_warnings = list(warnings)
        with no_gc_pass():
            self.tree_model.set_plan(plan)
        self.table_model.set_agency_names(
            {name: agency.short_name for name, agency in plan.agencies.items() if agency.short_name}
        )
        self._expand_tree()
        self._fit_budget_column()
        self._show_header(plan)
        self._show_warnings(self.plan_warnings)
        roots = self.tree_model.iter_nodes()
        if roots:
            self.select_node(roots[0])
        else:
            self.table_model.set_entries([])
        return True

    def _fit_table_columns(self) -> None:
        """The indicator table's short columns (activity, unit, target, quarters) as wide as their texts or
        their headers, as ResizeToContents made them (the rows in view and around them, up to _FIT_PRECISION)."""
        table = self.form.rowsTable
        for column in _FIT:
            if not table.isColumnHidden(column):
                table.resizeColumnToContents(column)

    def _fit_budget_column(self) -> None:
        """The tree's budget column as wide as its widest text (any node's, open or not) or its
        header, as QHeaderView.ResizeToContents made it: the text's advance plus the item view's
        text margins, which Qt's own delegate adds (asked once, for the widest text, rather than
        asking the style for them: a Python QStyle costs PySide6 ~4 ms to build before the first paint)."""
        tree, model = self.form.planTree, self.tree_model
        column = PlanTreeModel.COL_BUDGET
        header = tree.header()
        metrics = tree.fontMetrics()
        widest, widest_node = 0, None
        advances: dict[str, int] = {}  # one measure per distinct text (a 100x plan has 3,400 nodes)
        for node in model.iter_nodes():
            text = model.budget_text(node)  # the column's text, without an index per node
            advance = advances.get(text)
            if advance is None:
                advance = advances[text] = metrics.horizontalAdvance(text) if text else 0
            if advance > widest:
                widest, widest_node = advance, node
        if widest_node is not None:
            plain = QStyledItemDelegate(tree)  # the tree's own delegate wraps to the column's width
            tree.setItemDelegateForColumn(column, plain)
            try:
                widest = tree.sizeHintForIndex(model.index_of(widest_node, column)).width()
            finally:
                tree.setItemDelegateForColumn(column, None)  # type: ignore[arg-type]
                plain.deleteLater()
        header.resizeSection(column, max(widest, header.sectionSizeFromContents(column).width()))

    def _expand_tree(self) -> None:
        """Open the whole tree; a very big plan opens down to its tactics only (its activities open
        with a click or ขยายทั้งหมด), so that the first showing does not lay out every activity."""
        tree = self.form.planTree
        if len(self.tree_model.iter_nodes()) <= EXPAND_ALL_UP_TO:
            tree.expandAll()
        else:
            tree.expandToDepth(0)

    def _show_error(self, message: str) -> None:
        self._make_plan_page()
        self.load_error = message
        self.form.selectionTitleLabel.setText(message)
        self.statusBar().showMessage(message)

    def _show_header(self, plan: Plan) -> None:
        form = self.form
        form.planTitleLabel.setText(display.show_digits(plan.title or _(WINDOW_TITLE).split(" — ")[0]))
        form.fiscalYearLabel.setText(display.fiscal_year_text(plan.fiscal_year))
        rows = len(plan.rows())
        form.rowCountLabel.setText(display.show_digits(
            ngettext("ตัวชี้วัด {count:,} รายการ", "ตัวชี้วัด {count:,} รายการ", rows).format(count=rows)))
        total = _("งบประมาณรวม {amount} บาท").format(amount=display.baht_text(plan.budget_satang()))
        stated = plan.stated_total
        if stated is not None and stated.kind == "amount" and stated.satang != plan.budget_satang():
            total += _(" (เอกสารระบุ {amount} บาท)").format(amount=display.budget_value_text(stated))
        form.totalBudgetLabel.setText(total)
        for label in (form.fiscalYearLabel, form.rowCountLabel):
            label.setText(label.text() + "  ·")
        year = display.show_digits(str(plan.fiscal_year))
        if plan.source_name:  # the file's name as it is
            note = _("โหลดแผนปีงบประมาณ พ.ศ. {year} จาก {source}").format(year=year, source=plan.source_name)
        else:
            note = _("โหลดแผนปีงบประมาณ พ.ศ. {year}").format(year=year)
        self._show_passing_note(note)

    def _show_passing_note(self, text: str) -> None:
        """A note of lesser weight (which plan was loaded): it never covers another message still in
        the status bar, e.g. the daily backup's result, which may arrive before the deferred load."""
        current = self.statusBar().currentMessage()
        if not current or current.startswith(_(PLAN_LOADED)):
            self.statusBar().showMessage(text)

    def _show_warnings(self, warnings: list[PlanWarning]) -> None:
        table = self.form.warningsTable
        table.setRowCount(len(warnings))
        from PySide6.QtWidgets import QTableWidgetItem

        for i, warning in enumerate(warnings):
            line = display.show_digits(str(warning.line)) if warning.line else "–"
            line_item = QTableWidgetItem(line)
            line_item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            line_item.setData(Qt.ItemDataRole.UserRole, warning.line)
            message = warning.shown()  # the screen's language, whichever it was stored in
            message_item = QTableWidgetItem(display.show_digits(message))
            message_item.setToolTip(message)  # (its code, e.g. ROW_SHIFTED, is for the CLI's --json)
            table.setItem(i, 0, line_item)
            table.setItem(i, 1, message_item)
        count = display.show_digits(str(len(warnings)))
        self.form.warningsDock.setWindowTitle(_("คำเตือนจากเอกสารแผน ({count})").format(count=count))

    # -- selection ------------------------------------------------------------------
    def select_node(self, node: PlanNode) -> None:
        """Make *node* current in the tree (which fills the table)."""
        self._make_plan_page()
        index = self.tree_model.index_of(node)
        tree = self.form.planTree
        tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        tree.scrollTo(index)

    def select_activity(self, code: str, strategy: int | None = None) -> bool:
        """Select the activity coded *code* ('1.5', Thai or Arabic digits), in strategy
        number *strategy* or else the first that has it; False when there is none."""
        wanted = display.digits_key(code)
        for node in self.tree_model.iter_nodes():
            if node.kind != "activity" or display.digits_key(node.item.code) != wanted:
                continue
            root = node.parent.parent if node.parent else None
            if strategy is None or (root is not None and root.item.number == strategy):
                self.select_node(node)
                return True
        return False

    def current_node(self) -> PlanNode | None:
        self._make_plan_page()
        return self.tree_model.node(self.form.planTree.currentIndex())

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.tree_model.node(current)
        if node is None:
            return
        entries = node.entries()
        self.table_model.set_entries(entries)
        table = self.form.rowsTable
        was_hidden = table.isColumnHidden(IndicatorTableModel.COL_ACTIVITY)
        table.setColumnHidden(IndicatorTableModel.COL_ACTIVITY, node.kind == "activity")
        if was_hidden and node.kind != "activity":
            table.resizeColumnToContents(IndicatorTableModel.COL_ACTIVITY)  # (hidden at the reset: fitted once shown, so its header counts)
        table.scrollToTop()
        self.row_heights.refit()
        self.form.selectionTitleLabel.setText(node.title())
        indicators = len(entries)
        summary = ngettext("{count:,} ตัวชี้วัด", "{count:,} ตัวชี้วัด", indicators).format(count=indicators)
        if node.kind != "activity":
            activities = len(node.activities())
            summary += ngettext(" จาก {count:,} โครงการ/กิจกรรม", " จาก {count:,} โครงการ/กิจกรรม",
                                activities).format(count=activities)
        budget = node.budget_satang()
        summary += (_(" · งบประมาณ {amount} บาท").format(amount=display.baht_text(budget)) if budget
                    else _(" · ไม่มีงบประมาณที่เป็นจำนวนเงิน"))
        self.form.selectionSummaryLabel.setText(display.show_digits(summary))

    def _on_year_changed(self, combo_index: int) -> None:
        year = self.form.yearCombo.itemData(combo_index)
        if year is not None:
            self._year_chosen = True
            self.load_year(int(year))
            self._follow_year(int(year))

    def _on_warning_activated(self, row: int, _column: int) -> None:
        item = self.form.warningsTable.item(row, 0)
        line = item.data(Qt.ItemDataRole.UserRole) if item else None
        node = self.node_for_line(line) if line else None
        if node is not None:
            self.select_node(node)

    def node_for_line(self, line: int) -> PlanNode | None:
        """The activity whose indicator row starts at or most closely before *line*."""
        best: tuple[int, PlanNode] | None = None
        for node in self.tree_model.iter_nodes():
            if node.kind != "activity":
                continue
            for _key, row in node.entries():
                if 0 < row.source_line <= line and (best is None or row.source_line > best[0]):
                    best = (row.source_line, node)
        return best[1] if best else None
