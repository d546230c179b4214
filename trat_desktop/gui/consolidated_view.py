"""The coordinator's consolidated progress view ("ภาพรวมผลการดำเนินงาน"): every indicator
row x responsible office with who has reported for the chosen quarter, the results so far
against the target and the budget allocated vs spent; filter by Thai text, sort any column.

Loading a big plan runs in a worker thread (see :mod:`.workers`) behind a busy bar.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPlainTextEdit, QWidget

from ..errors import TratError
from ..i18n import _
from ..services import PlanService
from ..services.overview import OverviewService, RowOverview
from . import display
from .years import default_quarter_of, default_year_of
from .forms.ui_coordinator_overview import Ui_ConsolidatedPage
from .overview_models import (
    COL_INDICATOR,
    COL_OFFICE,
    COL_ON_TARGET,
    OverviewLine,
    OverviewProxy,
    OverviewTableModel,
    build_lines,
    figures_text,
    narrative_text,
)
from .quiet_gc import no_gc_pass
from .workers import ReloadWhenShown, BackgroundLoader, can_run_in_background, thread_service
from .style import emphasise

ERROR_STYLE = "color: #b00020;"
#: Filter at once up to this many lines; above it wait for a pause in typing.
DEBOUNCE_ABOVE = 50_000
DEBOUNCE_MS = 150
_WIDTHS = {COL_OFFICE: 210, COL_ON_TARGET: 130}  # the band with its per cent: "ต่ำกว่าเป้า (๕๐%)"


@dataclass
class OverviewData:
    """What a load produces (in a worker thread for big plans)."""

    fiscal_year: int | None
    rows: list[RowOverview]
    lines: list[OverviewLine]
    quarter: int
    per_office: bool
    short_names: dict[str, str]


def fill_quarter_combo(combo: object, quarter: int) -> None:
    """ไตรมาส ๑-๔ with *quarter* chosen."""
    combo.blockSignals(True)  # type: ignore[attr-defined]
    combo.clear()  # type: ignore[attr-defined]
    for q in range(1, 5):
        combo.addItem(display.show_digits(_("ไตรมาส {quarter}").format(quarter=q)), q)  # type: ignore[attr-defined]
    combo.setCurrentIndex(quarter - 1)  # type: ignore[attr-defined]
    combo.blockSignals(False)  # type: ignore[attr-defined]


def fill_year_combo(combo: object, years: list[int], wanted: int | None, default: int | None = None) -> int | None:
    """The plan years, *wanted* chosen if it is one of them, else *default* (the year being reported);
    returns the chosen year."""
    chosen = wanted if wanted in years else (default if default in years else (years[-1] if years else None))
    combo.blockSignals(True)  # type: ignore[attr-defined]
    combo.clear()  # type: ignore[attr-defined]
    for year in years:
        combo.addItem(display.show_digits(str(year)), year)  # type: ignore[attr-defined]
    combo.setCurrentIndex(years.index(chosen) if chosen is not None else -1)  # type: ignore[attr-defined]
    combo.blockSignals(False)  # type: ignore[attr-defined]
    return chosen


def short_names_of(plans: PlanService) -> dict[str, str]:
    return {a.name: a.short_name for a in plans.agencies() if a.short_name}


class ConsolidatedPage(ReloadWhenShown, QWidget):
    """Consolidated progress of all offices, filterable and sortable."""

    #: the user chose another fiscal year here (the window's selector follows)
    year_chosen = Signal(int)

    def __init__(self, plans: PlanService, parent: QWidget | None = None, background: bool = True,
                 quarter: int | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_ConsolidatedPage()
        self.form.setupUi(self)
        self.plans = plans
        self.year: int | None = None
        self.model = OverviewTableModel(self)
        self.proxy = OverviewProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = self.form.overviewTable
        self.filter_box = self.form.filterEdit
        self.loader = BackgroundLoader(background and can_run_in_background(plans), self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(lambda message: self.show_message(message, error=True))
        self.loader.busy_changed.connect(self._on_busy)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(DEBOUNCE_MS)
        self._filter_timer.timeout.connect(self.apply_filter_now)
        self._setup(quarter or default_quarter_of(plans, None))

    def _setup(self, quarter: int) -> None:
        form = self.form
        emphasise(form.titleLabel, 1.2)
        fill_quarter_combo(form.quarterCombo, quarter)
        self.model.quarter = quarter
        form.modeCombo.addItem(_("รายหน่วยงาน (ตัวชี้วัด × หน่วยงาน)"), True)
        form.modeCombo.addItem(_("รายตัวชี้วัด (รวมหน่วยงาน)"), False)
        form.loadingBar.hide()
        # the chosen line's figures (with the rule) and what its offices wrote: result, problems, suggestions
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("detailText")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(_("เลือกแถวเพื่อดูผลสัมฤทธิ์ ผลการดำเนินงาน ปัญหาอุปสรรค "
                                         "และข้อเสนอแนะของหน่วยงาน"))
        self.detail.setMaximumHeight(int(self.fontMetrics().height() * 8))
        form.pageLayout.insertWidget(form.pageLayout.indexOf(self.view) + 1, self.detail)
        view = self.view
        view.setModel(self.proxy)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSortingEnabled(False)
        header = view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, header.sortIndicatorOrder())
        view.setSortingEnabled(True)
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(200)  # size columns from the first lines, not all 16,800
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_INDICATOR, QHeaderView.ResizeMode.Stretch)
        vertical = view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(int(view.fontMetrics().height() * 1.6))
        vertical.hide()
        form.yearCombo.currentIndexChanged.connect(lambda _i: self._on_year())
        form.quarterCombo.currentIndexChanged.connect(lambda _i: self._on_quarter())
        form.modeCombo.currentIndexChanged.connect(lambda _i: self._on_mode())
        form.refreshButton.clicked.connect(self.reload)
        self.filter_box.textChanged.connect(self._on_filter_text)
        view.selectionModel().currentRowChanged.connect(lambda _now, _before: self.show_detail())

    # -- loading --------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the years and the chosen year's rows (in the background for a file store)."""
        self._stale = False
        try:
            years = self.plans.fiscal_years()
            short_names = short_names_of(self.plans)
        except TratError as exc:
            self.show_message(exc.message, error=True)
            return
        self.year = fill_year_combo(self.form.yearCombo, years, self.year,
                                    None if self.year in years else default_year_of(self.plans, years))
        if self.year is None:
            self.show_message(_("ยังไม่มีแผนปฏิบัติการในฐานข้อมูล"), error=True)
            return
        year, quarter, per_office, plans = self.year, self.quarter(), self.per_office(), self.plans

        def load(background: bool) -> OverviewData:
            with no_gc_pass():  # every row x office of a big plan: no collector passes over them while made
                with thread_service(plans, background) as service:
                    rows = OverviewService(service).rows(year)
                return OverviewData(year, rows, build_lines(rows, quarter, per_office, short_names),
                                    quarter, per_office, short_names)

        self.loader.start(load)

    def _on_loaded(self, data: OverviewData) -> None:
        if data.fiscal_year != self.year:
            return
        self.model.set_rows(data.rows, data.quarter, data.per_office, data.short_names, data.lines)
        if data.quarter != self.quarter():
            self.model.set_quarter(self.quarter())
        if data.per_office != self.per_office():
            self.model.set_per_office(self.per_office())
        self.apply_filter_now()
        header = self.view.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._size_columns()
        self.show_message("")
        self._update_count()

    def _on_busy(self, busy: bool) -> None:
        self.form.loadingBar.setVisible(busy)
        self.form.refreshButton.setEnabled(not busy)

    def _size_columns(self) -> None:
        """Fit each column to its header's longest line and its first lines' values; the
        indicator column takes the rest. (QHeaderView's own fit reserves room for the sort
        arrow in every column, which would leave the indicators only a sliver.)"""
        view = self.view
        header = view.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(self.model.columnCount()):
            if column == COL_INDICATOR:
                continue
            if column in _WIDTHS:
                view.setColumnWidth(column, _WIDTHS[column])
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            words = max((metrics.horizontalAdvance(line) for line in title.split("\n")), default=0)
            view.setColumnWidth(column, max(view.sizeHintForColumn(column), words + 22))

    # -- choices --------------------------------------------------------------------
    def quarter(self) -> int:
        return int(self.form.quarterCombo.currentData() or self.model.quarter)

    def per_office(self) -> bool:
        return bool(self.form.modeCombo.currentData())

    def set_quarter(self, quarter: int) -> None:
        self.form.quarterCombo.setCurrentIndex(quarter - 1)

    def set_per_office(self, per_office: bool) -> None:
        self.form.modeCombo.setCurrentIndex(0 if per_office else 1)

    def _on_year(self) -> None:
        year = self.form.yearCombo.currentData()
        if year is not None and year != self.year:
            self.set_year(int(year))
            self.year_chosen.emit(int(year))

    def set_year(self, year: int) -> None:
        """Show *year* (its default quarter): now if shown, else when next shown."""
        if year == self.year:
            return
        self.year = year
        self.set_quarter(default_quarter_of(self.plans, year))
        self.mark_stale()

    def _on_quarter(self) -> None:
        self.model.set_quarter(self.quarter())
        self.apply_filter_now()
        self.show_detail()

    # -- detail pane ------------------------------------------------------------------
    def detail_text(self) -> str:
        """The current line's figures and narratives for the chosen quarter ('' without a line)."""
        index = self.view.currentIndex()
        if not index.isValid():
            return ""
        line = self.model.line(self.proxy.mapToSource(index).row())
        row, quarter = line.row, self.quarter()
        parts = [display.show_digits(_("ตัวชี้วัด {id} {value}").format(
            id=row.id, value=row.indicator or row.activity_title))]
        for office in line.offices():
            parts.append(figures_text(row, office, quarter))
            said = narrative_text(office, quarter)
            parts.append(said or display.show_digits(_("ไตรมาส {quarter}: ยังไม่มีผลการดำเนินงาน ปัญหาอุปสรรค "
                                                       "หรือข้อเสนอแนะ").format(
                quarter=quarter)))
        parts.append(display.rule_text(row.thresholds))
        return "\n".join(parts)

    def show_detail(self) -> None:
        self.detail.setPlainText(self.detail_text())

    def _on_mode(self) -> None:
        self.model.set_per_office(self.per_office())
        self.apply_filter_now()
        self._size_columns()

    # -- filter ---------------------------------------------------------------------
    def _on_filter_text(self, _text: str) -> None:
        if self.model.rowCount() > DEBOUNCE_ABOVE:
            self._filter_timer.start()
        else:
            self.apply_filter_now()

    def apply_filter_now(self, force: bool = False) -> None:
        """Filter by the text in the box at once (the debounce timer calls this too).

        The model keeps its filter words across reloads and re-sorts, so only a changed
        text makes the proxy filter again (*force* is kept for callers that want to be sure).
        """
        self._filter_timer.stop()
        if force:
            self.proxy.invalidate_filter()
        self.proxy.set_filter_text(self.filter_box.text())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        noun = _("รายการ (ตัวชี้วัด × หน่วยงาน)") if self.model.per_office else _("ตัวชี้วัด")
        text = _("แสดง {shown:,} จาก {total:,} {noun}").format(shown=shown, total=total, noun=noun) if shown != total else _("ทั้งหมด {total:,} {noun}").format(total=total, noun=noun)
        self.form.countLabel.setText(display.show_digits(text))

    # -- messages -------------------------------------------------------------------
    def show_message(self, text: str, error: bool = False) -> None:
        label = self.form.messageLabel
        label.setStyleSheet(ERROR_STYLE if error else "")
        label.setText(text)
        label.setVisible(bool(text))

    def refresh_texts(self) -> None:
        """Re-render every text after the digits setting changed."""
        fill_quarter_combo(self.form.quarterCombo, self.quarter())
        self.model.refresh()
        self.apply_filter_now()
