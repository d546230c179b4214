"""The coordinator's dashboard ("แดชบอร์ด"): per strategy, the share of row x office pairs
on target and the budget allocated vs spent (bar charts drawn with QPainter), and the
offices that have not reported for the chosen quarter (``OverviewService.dashboard``).
"""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale, Signal
from PySide6.QtWidgets import QWidget

from ..errors import TratError
from ..i18n import _
from ..services import PlanService
from ..services.overview import Dashboard, OverviewService
from . import display
from .charts import Bar, BarGroup, HorizontalBarChart
from .consolidated_view import default_quarter_of, default_year_of, fill_quarter_combo, fill_year_combo, short_names_of
from .forms.ui_coordinator_dashboard import Ui_DashboardPage
from .workers import ReloadWhenShown, BackgroundLoader, can_run_in_background, thread_service
from .style import emphasise

ON_TARGET_COLOUR = "#2e7d32"
ALLOCATED_COLOUR = "#90caf9"
SPENT_COLOUR = "#1565c0"
ERROR_STYLE = "color: #b00020;"


def percent_text(share: float) -> str:
    """0.387 -> '๓๘.๗%'."""
    return display.show_digits(f"{share * 100:,.1f}%")


def on_target_groups(board: Dashboard) -> list[BarGroup]:
    """One bar per strategy: the share of its row x office pairs that reached the target."""
    groups = []
    for s in board.strategies:
        text = display.show_digits(f"{s.on_target}/{s.assignments}") + f" ({percent_text(s.on_target_share)})"
        tip = display.show_digits(_("ยุทธศาสตร์ที่ {number} {title}\nถึงเป้าหมายแล้ว {on_target} จาก {assignments} "
                                    "(ตัวชี้วัด × หน่วยงาน)").format(
            number=s.number, title=s.title, on_target=s.on_target, assignments=s.assignments))
        groups.append(BarGroup(display.show_digits(_("ยุทธศาสตร์ที่ {number}").format(number=s.number)), s.title,
                               [Bar(s.on_target_share * 100, ON_TARGET_COLOUR, text)], tip))
    return groups


def budget_groups(board: Dashboard) -> list[BarGroup]:
    """Two bars per strategy: budget allocated and spent so far (baht)."""
    groups = []
    for s in board.strategies:
        spent_share = f" ({percent_text(s.spent_satang / s.allocated_satang)})" if s.allocated_satang else ""
        tip = (display.show_digits(_("ยุทธศาสตร์ที่ {number} {title}\n").format(number=s.number, title=s.title))
               + _("งบประมาณ {allocated_satang} บาท\n").format(allocated_satang=display.baht_text(s.allocated_satang))
               + _("ใช้จ่ายแล้ว {spent_satang} บาท{spent_share}").format(
                   spent_satang=display.baht_text(s.spent_satang), spent_share=spent_share))
        groups.append(BarGroup(display.show_digits(_("ยุทธศาสตร์ที่ {number}").format(number=s.number)), s.title, [
            Bar(s.allocated_satang / 100, ALLOCATED_COLOUR, _("งบประมาณ {allocated_satang}").format(
                allocated_satang=display.baht_text(s.allocated_satang))),
            Bar(s.spent_satang / 100, SPENT_COLOUR, _("ใช้จ่าย {spent_satang}{spent_share}").format(
                spent_satang=display.baht_text(s.spent_satang), spent_share=spent_share)),
        ], tip))
    return groups


def summary_text(board: Dashboard) -> str:
    """One line with the totals of every strategy."""
    pairs = sum(s.assignments for s in board.strategies)
    hits = sum(s.on_target for s in board.strategies)
    allocated = sum(s.allocated_satang for s in board.strategies)
    spent = sum(s.spent_satang for s in board.strategies)
    share = percent_text(hits / pairs) if pairs else percent_text(0)
    spent_share = f" ({percent_text(spent / allocated)})" if allocated else ""
    return (display.show_digits(_("ปีงบประมาณ พ.ศ. {fiscal_year} · ไตรมาส {quarter} · ถึงเป้าหมายแล้ว {hits:,} จาก "
                                  "{pairs:,} ").format(
        fiscal_year=board.fiscal_year, quarter=board.quarter, hits=hits, pairs=pairs))
            + _("({share}) · งบประมาณ {allocated} บาท ").format(share=share, allocated=display.baht_text(allocated))
            + _("ใช้จ่ายแล้ว {spent} บาท{spent_share}").format(spent=display.baht_text(spent), spent_share=spent_share))


class DashboardPage(ReloadWhenShown, QWidget):
    """Charts per strategy and the offices that have not reported."""

    #: the user chose another fiscal year here (the window's selector follows)
    year_chosen = Signal(int)

    def __init__(self, plans: PlanService, parent: QWidget | None = None, background: bool = True,
                 quarter: int | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_DashboardPage()
        self.form.setupUi(self)
        self.plans = plans
        self.year: int | None = None
        self.board: Dashboard | None = None
        self._short_names: dict[str, str] = {}
        self.on_target_chart = HorizontalBarChart(self)
        self.on_target_chart.set_groups([], maximum=100.0)
        self.budget_chart = HorizontalBarChart(self)
        self.budget_chart.legend = [(ALLOCATED_COLOUR, _("งบประมาณที่ได้รับ")), (SPENT_COLOUR, _("ใช้จ่ายแล้ว"))]
        self.form.onTargetLayout.addWidget(self.on_target_chart)
        self.form.budgetLayout.addWidget(self.budget_chart)
        self.loader = BackgroundLoader(background and can_run_in_background(plans), self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(lambda message: self.show_message(message, error=True))
        self.loader.busy_changed.connect(self._on_busy)
        form = self.form
        emphasise(form.titleLabel, 1.2)
        form.loadingBar.hide()
        fill_quarter_combo(form.quarterCombo, quarter or default_quarter_of(plans, None))
        form.yearCombo.currentIndexChanged.connect(lambda _i: self._on_year())
        form.quarterCombo.currentIndexChanged.connect(lambda _i: self.reload())
        form.refreshButton.clicked.connect(self.reload)

    # -- loading --------------------------------------------------------------------
    def quarter(self) -> int:
        return int(self.form.quarterCombo.currentData() or 1)

    def set_quarter(self, quarter: int) -> None:
        self.form.quarterCombo.setCurrentIndex(quarter - 1)

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
        form = self.form
        form.quarterCombo.blockSignals(True)
        self.set_quarter(default_quarter_of(self.plans, year))
        form.quarterCombo.blockSignals(False)
        self.mark_stale()

    def reload(self) -> None:
        """Recompute the figures for the chosen year and quarter (in the background for a file store)."""
        self._stale = False
        try:
            years = self.plans.fiscal_years()
            self._short_names = short_names_of(self.plans)
        except TratError as exc:
            self.show_message(exc.message, error=True)
            return
        self.year = fill_year_combo(self.form.yearCombo, years, self.year,
                                    None if self.year in years else default_year_of(self.plans, years))
        if self.year is None:
            self.show_message(_("ยังไม่มีแผนปฏิบัติการในฐานข้อมูล"), error=True)
            return
        year, quarter, plans = self.year, self.quarter(), self.plans

        def load(background: bool) -> Dashboard:
            with thread_service(plans, background) as service:
                return OverviewService(service).dashboard(quarter, year)

        self.loader.start(load)

    def _on_busy(self, busy: bool) -> None:
        self.form.loadingBar.setVisible(busy)
        self.form.refreshButton.setEnabled(not busy)

    def _on_loaded(self, board: Dashboard) -> None:
        if board.fiscal_year != self.year or board.quarter != self.quarter():
            return
        self.board = board
        self.show_message("")
        self.form.summaryLabel.setText(summary_text(board))
        self.on_target_chart.set_groups(on_target_groups(board), maximum=100.0)
        self.budget_chart.set_groups(budget_groups(board))
        quarter = display.show_digits(str(board.quarter))
        self.form.missingGroup.setTitle(_("หน่วยงานที่ยังรายงานไตรมาส {quarter} ไม่ครบ").format(quarter=quarter))
        missing = self.form.missingList
        missing.clear()
        collator = QCollator(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
        labels = sorted(((display.agency_label(n, self._short_names), n) for n in board.missing_offices),
                        key=lambda pair: collator.sortKey(pair[0]))
        for label, name in labels:
            late = board.timeliness.get(name, "")
            missing.addItem(f"{label} · {late}" if late else label)
            missing.item(missing.count() - 1).setToolTip(name)
        if board.missing_offices:
            text = display.show_digits(_("{count:,} หน่วยงาน ยังบันทึกผลของไตรมาสนี้ไม่ครบทุกตัวชี้วัด").format(
                count=len(board.missing_offices)))
        else:
            text = _("ไม่มีหน่วยงานที่ค้างรายงานในไตรมาสนี้")
        self.form.missingCountLabel.setText(text)

    def missing_offices(self) -> list[str]:
        """The offices listed as not reported (full names)."""
        return list(self.board.missing_offices) if self.board else []

    # -- messages -------------------------------------------------------------------
    def show_message(self, text: str, error: bool = False) -> None:
        label = self.form.messageLabel
        label.setStyleSheet(ERROR_STYLE if error else "")
        label.setText(text)
        label.setVisible(bool(text))

    def refresh_texts(self) -> None:
        """Re-render every text after the digits setting changed."""
        fill_quarter_combo(self.form.quarterCombo, self.quarter())
        self.reload()
