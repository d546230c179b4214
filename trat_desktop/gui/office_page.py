"""The "งานของหน่วยงาน" page: the office's indicator rows grouped by strategy and activity,
with a quarterly entry grid that saves every committed cell at once (autosave), and beside it
the evidence files of the selected row's quarter (:class:`.evidence_panel.EvidencePanel`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTabWidget, QWidget

from ..domain.capabilities import can, own_office
from ..domain.identity import COORDINATOR_NAME, Identity
from ..domain.model import Plan
from ..domain import fiscal
from ..domain.thai import fiscal_year_of
from ..errors import TratError
from ..i18n import N_, SOURCE_LANGUAGE, _, language, ngettext
from ..services import AgencyInfo, WorkItem
from . import display
from .entry_controller import EntryController, ProgressSource
from .entry_model import WorkEntryModel
from .forms.ui_office_page import Ui_OfficePage
from .quiet_gc import no_gc_pass, settle_after
from .style import emphasise

if TYPE_CHECKING:  # (made when its tab is first shown: the entry page opens on the evidence)
    from .narrative_panel import NarrativePanel

#: marked only (translated where shown, after the language is chosen)
ALL_AGENCIES = N_("ทุกหน่วยงาน")
M = WorkEntryModel
#: Fixed starting widths; the indicator and note columns share the rest of the width.
_WIDTHS = {M.COL_UNIT: 70, M.COL_TARGET: 70, M.COL_PERIOD: 90, M.COL_BUDGET: 125,
           M.COL_AGENCY: 170, M.COL_QUARTER: 100, M.COL_ACHIEVED: 115, M.COL_SPENT: 120, M.COL_STATUS: 135}


class PlanSource(Protocol):
    """What the page needs from :class:`trat_desktop.services.PlanService`."""

    def load_plan(self, fiscal_year: int | None = None) -> Plan: ...
    def agencies(self) -> list[AgencyInfo]: ...


class OfficePage(QWidget):
    """Quarterly data entry for the office (or, for the coordinator, any agency)."""

    #: a message for the main window's status bar
    status_message = Signal(str)
    #: the time of the last autosave
    saved_at = Signal(object)
    #: the user asked to set up this installation
    setup_requested = Signal()

    def __init__(self, plans: PlanSource, progress: ProgressSource, parent: QWidget | None = None,
                 today: Callable[[], dt.date] | None = None, now: Callable[[], dt.datetime] | None = None,
                 load_when_shown: bool = False) -> None:
        super().__init__(parent)
        #: with *load_when_shown*, the rows are read when the page is first shown (and a reload asked
        #: for while it is hidden waits until it is shown again): a coordinator's window paints its
        #: plan tab without reading the entry grid first
        self._load_when_shown = load_when_shown
        self._stale = False
        self.form = Ui_OfficePage()
        self.form.setupUi(self)
        self._plans = plans
        self._progress = progress
        self._today = today or dt.date.today
        self.identity: Identity = Identity()
        self.plan: Plan | None = None
        #: the fiscal year shown (None: the default year, :func:`..domain.fiscal.default_year`)
        self.year: int | None = None
        self.load_error: str | None = None
        self._agencies: list[AgencyInfo] = []

        self.model = WorkEntryModel(self)
        self.controller = EntryController(progress, self, now)
        self.model.committer = self.controller.commit
        self.table = self.form.entryTable
        self.evidence_panel = self.form.evidencePanel
        self.evidence_panel.bind(progress, plans)
        #: the narratives' tab (:attr:`narrative_panel`) is made when first shown or asked for; until then
        #: it holds a placeholder and the selected line is kept for it
        self._narrative_panel: NarrativePanel | None = None
        self._narrative_line: tuple[WorkItem | None, int | None] = (None, None)
        self._setup_views()
        self._connect()
        self.reload()

    # -- setup ----------------------------------------------------------------------
    def _setup_views(self) -> None:
        form = self.form
        emphasise(form.titleLabel, 1.25)
        form.errorLabel.hide()
        form.warningLabel.hide()
        form.quarterCombo.addItem(_("ทุกไตรมาส"), None)
        for quarter in range(1, 5):
            form.quarterCombo.addItem(display.show_digits(_("ไตรมาส {quarter}").format(quarter=quarter)), quarter)
        table = self.table
        table.setModel(self.model)
        header = table.horizontalHeader()
        # the widths suit the Thai headers; another language's may be longer ("Actually spent (baht)")
        metrics = header.fontMetrics() if language() != SOURCE_LANGUAGE else None
        for column, width in _WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            if metrics is not None:
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
                width = max(width, max((metrics.horizontalAdvance(line) for line in title.splitlines()),
                                       default=0) + 28)
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(M.COL_INDICATOR, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(M.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        splitter = form.entrySplitter
        # below the grid: the selected quarter's evidence and its narratives, one tab each
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setObjectName("detailTabs")  # (screen_fit's keeper follows tab widgets by name)
        index = splitter.indexOf(self.evidence_panel)
        splitter.replaceWidget(index, self.detail_tabs)
        self.detail_tabs.addTab(self.evidence_panel, _("หลักฐานประกอบ"))
        self._narrative_placeholder: QWidget | None = QWidget()
        self._narrative_placeholder.setObjectName("narrativePlaceholder")
        self.detail_tabs.addTab(self._narrative_placeholder, _("ผลการดำเนินงาน ปัญหาอุปสรรค ข้อเสนอแนะ"))
        self.detail_tabs.currentChanged.connect(self._on_detail_tab)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([600, 150])

    def _connect(self) -> None:
        form = self.form
        form.setupButton.clicked.connect(self.setup_requested)
        form.quarterCombo.currentIndexChanged.connect(self._on_quarter_filter)
        form.agencyCombo.currentIndexChanged.connect(lambda *_: self.load_items())
        self.controller.saved.connect(self._on_saved)
        self.controller.refused.connect(self._on_refused)
        self.controller.kept_unsaved.connect(self._on_kept_unsaved)
        self.controller.unsaved_changed.connect(self.model.set_unsaved)
        self.controller.entry_changed.connect(self.model.update_entry)
        self.model.modelReset.connect(self.table.apply_spans)
        self.table.selectionModel().currentChanged.connect(self._on_current_line)
        self.model.modelReset.connect(lambda: self._on_current_line(self.table.currentIndex()))
        self.evidence_panel.changed.connect(self.model.set_evidence_count)
        self.evidence_panel.status_message.connect(self.status_message)

    @property
    def narrative_panel(self) -> NarrativePanel:
        """The narratives of the selected line (:class:`.narrative_panel.NarrativePanel`), made in its tab now
        if it is not made yet (the current tab stays)."""
        if self._narrative_panel is None:
            from .narrative_panel import NarrativePanel

            panel = NarrativePanel()
            panel.bind(self._progress)
            self._narrative_panel = panel
            tabs, placeholder = self.detail_tabs, self._narrative_placeholder
            self._narrative_placeholder = None
            index, current = tabs.indexOf(placeholder), tabs.currentIndex()
            tabs.blockSignals(True)
            try:
                title = tabs.tabText(index)
                tabs.removeTab(index)
                tabs.insertTab(index, panel, title)
                tabs.setCurrentIndex(current)
            finally:
                tabs.blockSignals(False)
            placeholder.deleteLater()  # type: ignore[union-attr]
            panel.entry_saved.connect(self.model.update_entry)
            self.controller.entry_changed.connect(panel.entry_changed)
            self.controller.saved.connect(lambda _at, _warnings: panel.reload_cell())
            panel.status_message.connect(self.status_message)
            panel.show_line(*self._narrative_line)
        return self._narrative_panel

    def _on_detail_tab(self, index: int) -> None:
        if self._narrative_placeholder is not None and self.detail_tabs.widget(index) is self._narrative_placeholder:
            self.narrative_panel  # noqa: B018 (first shown: made now)

    # -- loading --------------------------------------------------------------------
    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.reload()

    @property
    def loaded(self) -> bool:
        """False while a load waits for the page to be shown."""
        return not self._stale

    def reload(self) -> None:
        """Re-read who this installation is and its rows (after setup or a digit switch)."""
        form = self.form
        if self._load_when_shown and not self.isVisible():
            self._stale = True  # read when shown; who this installation is, now (the window asks)
            try:
                self.identity = self._progress.identity()
            except TratError:
                pass
            return
        self._stale = False
        try:
            self.identity = self._progress.identity()
            with no_gc_pass():
                self.plan = self._read_plan(self.year if self.year is not None else self._default_year())
            self._agencies = self._plans.agencies()
        except TratError as exc:
            self._show_load_error(exc.message)
            return
        self.load_error = None
        me = self.identity
        form.setupPrompt.setVisible(not me.is_set_up)
        coordinator = can(me, "view_all_offices")
        form.agencyLabel.setVisible(coordinator)
        form.agencyCombo.setVisible(coordinator)
        self.table.setColumnHidden(M.COL_AGENCY, not coordinator)
        if coordinator:
            self._fill_agency_filter()
        self._show_header()
        self.load_items()

    def _read_plan(self, year: int | None) -> Plan:
        """The plan this page shows: for an office, only the activities holding its rows (labels as in the
        whole plan: PlanService.office_plan); for the coordinator the whole plan."""
        mine = own_office(self.identity)
        ask = getattr(self._plans, "office_plan", None)
        if mine and callable(ask):
            return ask(year, mine)  # type: ignore[no-any-return]
        return self._plans.load_plan(year)

    def _rounds_due(self) -> int:
        ask = getattr(self._plans, "round_due_days", None)
        try:
            return int(ask()) if callable(ask) else fiscal.ROUND_DUE_DAYS
        except TratError:
            return fiscal.ROUND_DUE_DAYS

    def _default_year(self) -> int | None:
        ask = getattr(self._plans, "default_year", None)
        return ask(self._today()) if callable(ask) else None  # type: ignore[no-any-return]

    def set_year(self, year: int) -> None:
        """Show and enter the results of fiscal year *year* (the window's year selector)."""
        shown = self.plan is not None and self.plan.fiscal_year == year and self.load_error is None
        if shown and self.year in (None, year):
            self.year = year
            return
        self.year = year
        self.controller.reset()
        self.reload()

    def _fill_agency_filter(self) -> None:
        """The coordinator's agency picker: one agency at a time by default (the first listed, a big
        plan's grid stays small), "ทุกหน่วยงาน" first in the list; a choice made is kept on refill."""
        from .agency_completer import UID_ROLE, fill_agency_combo  # (the coordinator's: an office has no picker)

        combo = self.form.agencyCombo
        chosen = combo.count() > 0 and combo.currentIndex() >= 0
        wanted = combo.currentData(UID_ROLE) if chosen else None
        listed = [a for a in self._agencies if a.indicator_rows]
        counts = {a.uid: display.show_digits(ngettext("({count} ตัวชี้วัด)", "({count} ตัวชี้วัด)", a.indicator_rows)
                                             .format(count=a.indicator_rows)) for a in listed}
        typed = combo.isEditable()
        fill_agency_combo(combo, listed, all_text=_(ALL_AGENCIES), counts=counts)  # (editable from here)
        if not typed:  # the coordinator's first fill: an office's page never shows the picker
            combo.lineEdit().editingFinished.connect(self._restore_agency_text)
        if chosen and wanted is None:
            index = 0  # ทุกหน่วยงาน, as chosen
        else:
            index = combo.findData(wanted, UID_ROLE) if wanted else -1
            if index < 0:
                index = 1 if combo.count() > 1 else 0
        combo.blockSignals(True)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def show_agency(self, agency_uid: str | None) -> bool:
        """The coordinator's grid shows *agency_uid*'s rows (None: every agency); False if not listed."""
        from .agency_completer import UID_ROLE

        combo = self.form.agencyCombo
        index = 0 if agency_uid is None else combo.findData(agency_uid, UID_ROLE)
        if index < 0 or not can(self.identity, "view_all_offices"):
            return False
        if index != combo.currentIndex():
            combo.setCurrentIndex(index)
        return True

    def _restore_agency_text(self) -> None:
        combo = self.form.agencyCombo
        if combo.currentIndex() >= 0 and combo.currentText() != combo.itemText(combo.currentIndex()):
            combo.setEditText(combo.itemText(combo.currentIndex()))

    def selected_agency(self) -> str | None:
        """The uid the coordinator filters on (None: all agencies)."""
        if not can(self.identity, "view_all_offices"):
            return None
        from .agency_completer import UID_ROLE

        return self.form.agencyCombo.currentData(UID_ROLE)

    def load_items(self) -> None:
        """Fill the grid with the work items the service gives this installation."""
        if not self.identity.is_set_up or self.plan is None:
            self.model.set_items([])
            self.form.countLabel.setText("")
            return
        try:
            items: list[WorkItem] = self._work_items(self.plan, self.selected_agency())
        except TratError as exc:
            self._show_load_error(exc.message)
            return
        titles = {s.number: s.title for s in self.plan.strategies}
        short = {a.name: a.short_name for a in self._agencies if a.short_name}
        self.model.set_items(items, titles, short)
        self.model.set_evidence_counts({}, self._evidence_counter() if self.evidence_panel.available else None)
        self.model.set_comments(self._open_comments())
        self.refresh_comments()
        self.model.set_signoffs(self._signoff_times())
        self.model.set_current_quarter(self.current_quarter())
        self.form.countLabel.setText(indicator_count_text(len(items)))
        settle_after(len(items))  # a big load's objects to the old generation now, not in the next click
        start = self.table.first_editable(fiscal.default_quarter(self.plan.fiscal_year, self._today()))
        if start.isValid():
            self.table.setCurrentIndex(start)
            self.table.scrollToTop()

    def _work_items(self, plan: Plan, agency_uid: str | None) -> list[WorkItem]:
        """The service's work items, handing it the plan this page has read (it is not read twice)."""
        with no_gc_pass():  # tens of thousands of new objects for every agency of a big plan
            return self._progress.work_items(plan.fiscal_year, agency_uid=agency_uid, plan=plan)

    def _open_comments(self) -> dict[tuple[str, str, int], list[str]]:
        """The centre's comments this office has not answered, per row × quarter (the grid flags them)."""
        ask = getattr(self._progress, "open_comments", None)
        if not callable(ask) or self.plan is None:
            return {}
        try:
            return dict(ask(self.plan.fiscal_year))
        except TratError:
            return {}

    def refresh_comments(self) -> None:
        """At the centre: mark the rows × quarters it commented on, open ones and answered ones apart."""
        ask = getattr(self._progress, "review_comments", None)
        if not can(self.identity, "comment") or not callable(ask) or self.plan is None:
            self.model.set_review_comments(None)
            return
        try:
            self.model.set_review_comments(dict(ask(self.plan.fiscal_year)))
        except TratError:
            self.model.set_review_comments({})

    def _signoff_times(self) -> dict[str, dict[int, str]]:
        """Office -> quarter -> its last sign-off covering it (values saved later are marked in the grid)."""
        ask = getattr(self._progress, "signoff_times", None)
        if not callable(ask) or self.plan is None:
            return {}
        try:
            return dict(ask(self.plan.fiscal_year))
        except TratError:
            return {}

    def _evidence_counter(self) -> Callable[[WorkItem], dict[int, int]]:
        """How many files are attached to each quarter of an item (the grid asks for the items it shows)."""
        failed: list[str] = []

        def count(item: WorkItem) -> dict[int, int]:
            counts: dict[int, int] = {}
            if failed:
                return counts
            try:
                for evidence in self._progress.evidence(item):  # type: ignore[attr-defined]
                    counts[evidence.quarter] = counts.get(evidence.quarter, 0) + 1
            except TratError as exc:
                failed.append(exc.message)  # said once; the marks are left out
                self.status_message.emit(exc.message)
            except Exception as exc:  # noqa: BLE001 - asked while painting: the database closed (restore, exit)
                failed.append(str(exc))
            return counts

        return count

    def _on_current_line(self, current: QModelIndex) -> None:
        """Show the evidence of the selected quarter line (nothing for a group line)."""
        line = self.model.line(current.row()) if current.isValid() and current.row() < self.model.rowCount() else None
        if line is None or line.item is None:
            self.evidence_panel.show_line(None, None)
            self._narrative_line = (None, None)
        else:
            self.evidence_panel.show_line(line.item, line.quarter)
            self._narrative_line = (line.item, line.quarter)
        if self._narrative_panel is not None:
            self._narrative_panel.show_line(*self._narrative_line)

    def current_quarter(self) -> int | None:
        """Today's fiscal quarter when the plan is this fiscal year's, else None."""
        return None if self.plan is None else fiscal.current_quarter(self.plan.fiscal_year, self._today())

    def _show_header(self) -> None:
        me, form = self.identity, self.form
        if can(me, "view_all_offices"):
            title = _("งานของหน่วยงาน — {coordinator} (บันทึกแทนหน่วยงานใดก็ได้)").format(coordinator=_(COORDINATOR_NAME))
        else:
            title = _("งานของหน่วยงาน — {office}").format(office=me.office_name or _("ยังไม่ได้ตั้งค่า"))
        form.titleLabel.setText(title)
        today = self._today()
        parts = [_("วันนี้ {date}").format(date=display.date_text(today))]
        if self.plan is not None:
            parts.append(display.fiscal_year_text(self.plan.fiscal_year))
            quarter = self.current_quarter()
            if quarter is not None:
                parts.append(display.show_digits(_("ไตรมาสปัจจุบัน: ไตรมาส {quarter} (แถบสีฟ้า)").format(quarter=quarter)))
            elif fiscal_year_of(today) > self.plan.fiscal_year:
                parts.append(display.show_digits(_("ปีงบประมาณนี้สิ้นสุดแล้ว (ขณะนี้เป็นปีงบประมาณ {year})")
                                                 .format(year=fiscal_year_of(today))))
                deadline = fiscal.last_round_deadline(self.plan.fiscal_year, self._rounds_due())
                if today <= deadline:
                    parts.append(_("ส่งผลไตรมาส {quarter} ได้ถึง {date}").format(
                        quarter=display.show_digits("4"), date=display.date_text(deadline)))
            round_text = self._round_text(today)
            if round_text:
                parts.append(round_text)
        if me.reporter_name:
            parts.append(_("ผู้รายงาน {name}").format(name=me.reporter_name))
        form.todayLabel.setText(" · ".join(parts))

    def _round_text(self, today: dt.date) -> str:
        """The open reporting round and its due date, for an office ('ไตรมาส ๒ · ครบกำหนดส่ง … อีก ๓ วัน')."""
        ask = getattr(self._progress, "round_header", None)
        if not can(self.identity, "own_rounds") or not callable(ask) or self.plan is None:
            return ""
        try:
            return str(ask(self.plan.fiscal_year, today))
        except TratError:
            return ""

    def _show_load_error(self, message: str) -> None:
        self.load_error = message
        self.model.set_items([])
        self.form.errorLabel.setText(message)
        self.form.errorLabel.show()
        self.status_message.emit(message)

    def refresh_display(self) -> None:
        """Show every text again in the chosen digits."""
        form = self.form
        if self._stale:
            return  # shown in the chosen digits when first shown
        for i in range(1, form.quarterCombo.count()):
            form.quarterCombo.setItemText(i, display.show_digits(_("ไตรมาส {quarter}").format(quarter=i)))
        if can(self.identity, "view_all_offices"):
            self._fill_agency_filter()
        self._show_header()
        self.form.countLabel.setText(indicator_count_text(self.model.item_count()))
        self.model.refresh()
        self.table.fit_rows()
        self.evidence_panel.refresh()

    # -- edits ----------------------------------------------------------------------
    def _on_quarter_filter(self, combo_index: int) -> None:
        quarter = self.form.quarterCombo.itemData(combo_index)
        self.model.set_quarter_filter(quarter)
        start = self.table.first_editable(quarter or self.current_quarter())
        if start.isValid():
            self.table.setCurrentIndex(start)

    def _on_saved(self, when: dt.datetime, warnings: list[str]) -> None:
        if not self.controller.unsaved:
            self.form.errorLabel.hide()
        if warnings:
            self.form.warningLabel.setText(_("บันทึกแล้ว แต่โปรดตรวจสอบ: {warnings}").format(warnings=" · ".join(warnings)))
            self.form.warningLabel.show()
        else:
            self.form.warningLabel.hide()
        self.saved_at.emit(when)
        if warnings:
            self.status_message.emit(_("บันทึกแล้ว มีข้อควรตรวจสอบ: {warnings}").format(warnings=" · ".join(warnings)))

    def _on_kept_unsaved(self, message: str) -> None:
        self.form.warningLabel.hide()
        self.form.errorLabel.setText(_("ยังไม่ได้บันทึก: {message}").format(message=message))
        self.form.errorLabel.show()
        self.status_message.emit(_("ยังไม่ได้บันทึก: {message}").format(message=message.splitlines()[0]))

    def _on_refused(self, message: str) -> None:
        self.form.warningLabel.hide()
        self.form.errorLabel.setText(_("ไม่ได้บันทึก: {message}").format(message=message))
        self.form.errorLabel.show()
        self.status_message.emit(_("ไม่ได้บันทึก: {message}").format(message=message))


def saved_text(when: dt.datetime) -> str:
    """'บันทึกอัตโนมัติแล้ว ๑๐:๓๕ น.'"""
    return _("บันทึกอัตโนมัติแล้ว {time}").format(time=display.time_text(when))


def indicator_count_text(count: int) -> str:
    """'๑๒ ตัวชี้วัด' (the grid's count of indicators)."""
    return display.show_digits(ngettext("{count:,} ตัวชี้วัด", "{count:,} ตัวชี้วัด", count).format(count=count))
