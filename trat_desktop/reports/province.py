"""The provincial consolidated report for a quarter or the whole year (the coordinator prints it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ..domain.display import number_text, period_text
from ..domain.identity import COORDINATOR_NAME
from ..domain.model import IndicatorRow, Plan
from ..domain.progress import STATUSES, achieved_to_date, is_reported, on_target
from ..domain.thai import format_baht
from ..services.overview import OverviewService, RowOverview
from ..services.progress import ProgressService
from .charts import BarRow, bar_chart
from .common import (
    NOT_DUE, PLAN_TITLE, ReportResult, Thai, entries_through, latest_status, signature_block,
    signatures,
)
from .layout import SHADE, SHADE_STRONG, PageDecor, build_pdf, frame_width, scale_widths, table
from .office import allocated_text
from .typeset import PR, P

TITLE = "รายงานผลการดำเนินงานตามแผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรมของจังหวัดตราด"


# --- the figures ------------------------------------------------------------------------------

@dataclass
class OfficeLine:
    """One responsible office on one indicator row, as of the report's quarter."""

    name: str
    due: int            # quarters it had to report (1 or 0 for a quarter report)
    reported: int       # of those, how many it reported
    achieved: float | None
    on_target: bool | None
    status: str
    allocated_satang: int | None
    allocated_text: str
    spent_satang: int


@dataclass
class RowLine:
    row: RowOverview
    offices: list[OfficeLine]


@dataclass
class StrategyTotals:
    number: int
    title: str
    assignments: int = 0
    due: int = 0
    reported: int = 0
    on_target: int = 0
    allocated_satang: int = 0
    spent_satang: int = 0
    rows: list[RowLine] = field(default_factory=list)

    def add(self, office: OfficeLine) -> None:
        self.assignments += 1
        self.due += office.due
        self.reported += office.reported
        self.on_target += 1 if office.on_target else 0
        self.allocated_satang += office.allocated_satang or 0
        self.spent_satang += office.spent_satang


@dataclass
class ProvinceFigures:
    fiscal_year: int
    quarter: int | None
    strategies: list[StrategyTotals]
    missing: list[tuple[str, int, int]]   # (office, due, reported) for offices that owe reports

    @property
    def total(self) -> StrategyTotals:
        t = StrategyTotals(0, "รวมทั้งสิ้น")
        for s in self.strategies:
            for name in ("assignments", "due", "reported", "on_target", "allocated_satang", "spent_satang"):
                setattr(t, name, getattr(t, name) + getattr(s, name))
        return t


def province_figures(plan: Plan, rows: list[RowOverview], quarter: int | None, thai: bool = True) -> ProvinceFigures:
    """Per strategy > row > office: reports owed and made, results so far, budgets; who owes reports."""
    by_uid: dict[str, IndicatorRow] = {r.uid: r for r in plan.rows()}
    strategies = {s.number: StrategyTotals(s.number, s.title) for s in plan.strategies}
    owed: dict[str, list[int]] = {}
    for row in rows:
        lines = []
        quarters = [q for q in range(row.quarter_from, row.quarter_to + 1) if quarter is None or q == quarter]
        for office in row.offices:
            so_far = entries_through(office.entries, quarter)
            due = len(quarters)
            reported = sum(1 for q in quarters if is_reported(office.entries.get(q)))
            line = OfficeLine(
                office.agency_name, due, reported, achieved_to_date(row.unit, so_far),
                on_target(row.unit, row.target, so_far), latest_status(so_far), office.allocated_satang,
                allocated_text(by_uid[row.indicator_uid], office.agency_name, office.allocated_satang, thai),
                sum(e.spent_satang or 0 for e in so_far.values()),
            )
            lines.append(line)
            strategies[row.strategy].add(line)
            counts = owed.setdefault(office.agency_name, [0, 0])
            counts[0] += due
            counts[1] += reported
        strategies[row.strategy].rows.append(RowLine(row, lines))
    missing = sorted((name, due, done) for name, (due, done) in owed.items() if done < due)
    return ProvinceFigures(plan.fiscal_year, quarter, list(strategies.values()), missing)


# --- the document ----------------------------------------------------------------------------

def province_report(progress: ProgressService, out: Path | str | BinaryIO, *, fiscal_year: int | None = None,
                    quarter: int | None = None, thai_digits: bool = True,
                    on_progress: Callable[[int], None] | None = None) -> ReportResult:
    """Write the consolidated report: *quarter* 1-4, or None for the whole fiscal year."""
    story, title, decor = province_story(progress, fiscal_year=fiscal_year, quarter=quarter, thai_digits=thai_digits)
    pages = build_pdf(out, story, is_landscape=True, decor=decor, title=title, subject=PLAN_TITLE,
                      on_progress=on_progress)
    return ReportResult(out if isinstance(out, Path) else None, pages, title)


def province_story(progress: ProgressService, *, fiscal_year: int | None = None, quarter: int | None = None,
                   thai_digits: bool = True) -> tuple[list[Flowable], str, PageDecor]:
    """The report's flowables, its title and its page decoration (the benchmark lays them out too)."""
    plans = progress.plans
    plan = plans.load_plan(fiscal_year)
    year = plan.fiscal_year
    figures = province_figures(plan, OverviewService(plans).rows(year), quarter, thai_digits)
    me = progress.identity()
    today = progress.today()
    d = Thai(thai_digits)
    width = frame_width(True)
    period = d.quarter(year, quarter)
    story: list[Flowable] = [
        P(TITLE, "title"),
        P(d(f"ประจำปีงบประมาณ พ.ศ. {year}"), "subtitle"),
        P(period, "subtitle"),
        P(f"ข้อมูล ณ วันที่ {d.date(today)}", "subtitle"),
        Spacer(1, 0.3 * cm),
        P(d("1. สรุปผลการดำเนินงานรายยุทธศาสตร์"), "heading"),
        _summary_table(figures, d, width),
        KeepTogether([P(d("2. แผนภูมิความก้าวหน้ารายยุทธศาสตร์"), "heading"), *_charts(figures, d, width)]),
        CondPageBreak(4 * cm),  # a heading does not end a page
        P(d("3. หน่วยงานที่ยังรายงานไม่ครบ"), "heading"),
        *_missing(figures, d, width),
        CondPageBreak(5 * cm),
        P(d("4. ผลการดำเนินงานรายตัวชี้วัดและหน่วยงาน"), "heading"),
        *_detail_tables(figures, d, width),
    ]
    blocks = [signature_block("ผู้รายงาน", me.reporter_name, me.reporter_position, d.date(today), org=COORDINATOR_NAME)]
    if me.head_name or me.head_position:
        blocks.append(signature_block("หัวหน้าส่วนราชการ", me.head_name, me.head_position, ""))
    story.append(signatures(blocks, width))
    title = f"{TITLE} " + d(f"ปีงบประมาณ พ.ศ. {year}") + " " + (d(f"ไตรมาสที่ {quarter}") if quarter else "ทั้งปี")
    return story, title, PageDecor(header=title, footer_left=COORDINATOR_NAME, thai_digits=thai_digits)


def _pct(part: int, whole: int, d: Thai) -> str:
    return d(f"{100 * part / whole:.1f}") if whole else "-"


def _baht(satang: int, d: Thai) -> str:
    return format_baht(satang / 100, d.thai)


SUMMARY_HEADERS = ["ยุทธศาสตร์", "การมอบหมาย (ตัวชี้วัด × หน่วยงาน)", "รายงานที่ต้องส่ง", "รายงานแล้ว",
                   "บรรลุเป้าหมาย", "งบประมาณที่ได้รับ (บาท)", "ใช้ไป (บาท)", "ร้อยละการใช้จ่าย"]


def _summary_table(f: ProvinceFigures, d: Thai, width: float) -> Flowable:
    rows: list[list[Flowable]] = [[P(h, "head") for h in SUMMARY_HEADERS]]

    def line(s: StrategyTotals, label: str, bold: bool) -> list[Flowable]:
        r = "cell_right_bold" if bold else "cell_right"
        return [P(label, "cell_bold" if bold else "cell"), P(d(f"{s.assignments:,}"), r),
                P(d(f"{s.due:,}"), r), P(d(f"{s.reported:,}") + f" ({_pct(s.reported, s.due, d)}%)", r),
                P(d(f"{s.on_target:,}") + f" ({_pct(s.on_target, s.assignments, d)}%)", r),
                P(_baht(s.allocated_satang, d), r), P(_baht(s.spent_satang, d), r),
                P(_pct(s.spent_satang, s.allocated_satang, d), r)]

    for s in f.strategies:
        rows.append(line(s, d(f"ยุทธศาสตร์ที่ {s.number} ") + s.title, False))
    rows.append(line(f.total, "รวมทั้งสิ้น", True))
    n = len(rows)
    return table(rows, scale_widths([230, 70, 60, 80, 80, 80, 70, 50], width),
                 extra=[("BACKGROUND", (0, n - 1), (-1, n - 1), SHADE)])


def _charts(f: ProvinceFigures, d: Thai, width: float) -> list[Flowable]:
    scale = [d("25%"), d("50%"), d("75%"), d("100%")]
    progress_rows = [
        BarRow(d(f"ยุทธศาสตร์ที่ {s.number}"),
               [s.reported / s.due if s.due else None, s.on_target / s.assignments if s.assignments else None],
               d(f"รายงานแล้ว {s.reported:,}/{s.due:,}") + f" ({_pct(s.reported, s.due, d)}%) "
               + d(f"บรรลุเป้าหมาย {s.on_target:,}/{s.assignments:,}") + f" ({_pct(s.on_target, s.assignments, d)}%)")
        for s in f.strategies
    ]
    budget_rows = [
        BarRow(d(f"ยุทธศาสตร์ที่ {s.number}"),
               [s.spent_satang / s.allocated_satang if s.allocated_satang else None],
               (f"ใช้ไป {_baht(s.spent_satang, d)} จาก {_baht(s.allocated_satang, d)} บาท "
                f"({_pct(s.spent_satang, s.allocated_satang, d)}%)") if s.allocated_satang
               else f"ไม่มีงบประมาณที่เป็นตัวเงิน (ใช้ไป {_baht(s.spent_satang, d)} บาท)")
        for s in f.strategies
    ]
    return [
        P("แผนภูมิที่ " + d("1") + " ร้อยละของรายงานที่ส่งแล้ว และของการมอบหมายที่บรรลุเป้าหมาย", "body"),
        bar_chart(progress_rows, ["รายงานแล้ว", "บรรลุเป้าหมาย"], width, scale),
        Spacer(1, 0.3 * cm),
        P("แผนภูมิที่ " + d("2") + " งบประมาณที่ใช้ไปเทียบกับงบประมาณที่ได้รับ (แถบสีแดง: ใช้เกินงบประมาณที่ได้รับ)",
          "body"),
        bar_chart(budget_rows, ["ร้อยละของงบประมาณที่ใช้ไป"], width, scale),
    ]


def _missing(f: ProvinceFigures, d: Thai, width: float) -> list[Flowable]:
    if not f.missing:
        return [P("ทุกหน่วยงานรายงานครบแล้ว", "body")]
    rows: list[list[Flowable]] = [[P(h, "head") for h in ("ที่", "หน่วยงาน", "รายงานที่ต้องส่ง", "รายงานแล้ว",
                                                           "ยังไม่รายงาน")]]
    for n, (name, due, done) in enumerate(f.missing, start=1):
        rows.append([P(d(n), "cell_center"), P(name, "cell"), P(d(due), "cell_right"), P(d(done), "cell_right"),
                     P(d(due - done), "cell_right")])
    none_at_all = sum(1 for _, due, done in f.missing if done == 0)
    note = d(f"หน่วยงานที่ยังรายงานไม่ครบ {len(f.missing)} หน่วยงาน ในจำนวนนี้ยังไม่ได้รายงานเลย {none_at_all} หน่วยงาน")
    return [P(note, "body"), table(rows, scale_widths([30, 330, 90, 90, 90], width))]


DETAIL_HEADERS = ["หน่วยงานที่รับผิดชอบ", "การรายงาน", "เป้าหมาย", "ผลสะสม", "สถานะล่าสุด", "บรรลุ\nเป้าหมาย",
                  "งบประมาณที่ได้รับ (บาท)", "ใช้ไป (บาท)"]
DETAIL_WEIGHTS = [214, 84, 72, 56, 82, 58, 70, 64]


def _reported_text(o: OfficeLine, quarter: int | None, d: Thai) -> str:
    if o.due == 0:
        return NOT_DUE
    if quarter is not None:
        return "รายงานแล้ว" if o.reported else "ยังไม่รายงาน"
    return d(f"{o.reported}/{o.due} ไตรมาส")


CHUNK_ROWS = 150  # a long strategy is cut into tables of about this many rows (see _detail_tables)


def _detail_tables(f: ProvinceFigures, d: Thai, width: float) -> list[Flowable]:
    """Per strategy: strategy > activity > indicator > offices, with strategy totals and a grand total.

    reportlab re-processes every remaining row and style command of a table at each page break, so
    a strategy with thousands of rows is cut, at an activity, into tables of about CHUNK_ROWS rows;
    each repeats the column headings and the strategy's name ("(ต่อ)"). FY2569 needs no cut.
    """
    widths = scale_widths(DETAIL_WEIGHTS, width)
    out: list[Flowable] = []
    for s in f.strategies:
        rows: list[list[object]] = []
        extra: list[tuple] = []

        def full(flowable: Flowable, shade: object | None = None) -> None:
            n = len(rows)
            rows.append([flowable] + [""] * (len(widths) - 1))
            extra.append(("SPAN", (0, n), (-1, n)))
            if shade is not None:
                extra.append(("BACKGROUND", (0, n), (-1, n), shade))

        def start(continued: bool) -> None:
            rows.append([P(h, "head") for h in DETAIL_HEADERS])
            full(P(d(f"ยุทธศาสตร์ที่ {s.number} ") + s.title + (" (ต่อ)" if continued else ""), "cell_bold"),
                 SHADE_STRONG)

        def flush() -> None:
            out.append(table(list(rows), widths, extra=list(extra)))
            rows.clear()
            extra.clear()

        start(False)
        activity = None
        for line in s.rows:
            row = line.row
            if row.activity_code != activity and len(rows) >= CHUNK_ROWS:
                flush()
                start(True)
            group_start = len(rows)
            if row.activity_code != activity:
                activity = row.activity_code
                full(P(f"{d(row.activity_code)} {row.activity_title}", "cell_bold"))
            # an activity or indicator heading never ends a page without its first office
            extra.append(("NOSPLIT", (0, group_start), (-1, len(rows) + min(1, len(line.offices)))))
            full(PR([("ตัวชี้วัด " + d(row.id) + ":", True), (" " + (row.indicator or "-"), False),
                     ("  เป้าหมาย " + f"{number_text(row.target, d.thai)} {row.unit}".strip() + "  "
                      + period_text(row.quarter_from, row.quarter_to, d.thai), False)], "cell"), SHADE)
            for o in line.offices:
                rows.append([
                    P(o.name, "cell"), P(_reported_text(o, f.quarter, d), "cell"),
                    P(f"{number_text(row.target, d.thai)} {row.unit}".strip(), "cell_right"),
                    P(number_text(o.achieved, d.thai), "cell_right"), P(o.status, "cell"),
                    P({True: "บรรลุ", False: "ยังไม่บรรลุ", None: ""}[o.on_target], "cell_center"),
                    P(o.allocated_text, "cell_right"), P(_baht(o.spent_satang, d) if o.spent_satang else "", "cell_right"),
                ])
            for kept in [*row.offices, *row.kept]:
                if kept.outside:  # kept values, not counted above (domain/plan_fit.py)
                    full(P(d(f"{kept.agency_name}: {kept.outside_text()}"), "cell"))
        totals = [s] + ([f.total] if s is f.strategies[-1] else [])
        for t in totals:
            n = len(rows)
            label = d(f"รวมยุทธศาสตร์ที่ {t.number}") if t.number else "รวมทั้งสิ้นทุกยุทธศาสตร์"
            rows.append([P(label, "cell_bold"),
                         P(d(f"{t.reported:,}/{t.due:,}"), "cell_right_bold"), "", "",
                         P(d(f"{t.assignments:,} การมอบหมาย"), "cell_right_bold"),
                         P(d(f"{t.on_target:,}"), "cell_center"),
                         P(_baht(t.allocated_satang, d), "cell_right_bold"), P(_baht(t.spent_satang, d), "cell_right_bold")])
            extra += [("BACKGROUND", (0, n), (-1, n), SHADE_STRONG if not t.number else SHADE)]
        extra.append(("NOSPLIT", (0, len(rows) - len(totals) - 1), (-1, len(rows) - 1)))
        flush()
        out.append(Spacer(1, 0.3 * cm))
    return out


__all__ = ["province_report", "province_figures", "ProvinceFigures", "STATUSES"]
