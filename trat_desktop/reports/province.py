"""The provincial consolidated report for a quarter, a reporting round or the whole year (the coordinator prints it).

Every figure comes from the rows' standings (domain/reporting.py), which carry the figures of domain/figures.py:
"ดำเนินการแล้ว x จาก y ตัวชี้วัด คิดเป็นร้อยละ z", the bands, budget allocated/spent/remaining/ร้อยละการเบิกจ่าย per
row, activity, strategy and province, and a chart of ร้อยละความสำเร็จ per activity for each strategy."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ..domain.display import number_text, period_text
from ..domain.figures import BAND_TEXT, GroupFigures, ItemFigures, Placed, rollup, rule_text
from ..domain.identity import COORDINATOR_NAME
from ..domain.model import IndicatorRow, Plan
from ..domain.progress import STATUSES
from ..domain.reporting import Period, ProvinceReportData, Standing, missing_offices, period_quarters
from ..domain.thai import format_baht
from .charts import BarRow, bar_chart
from .common import NOT_DUE, PLAN_TITLE, ReportResult, Thai, signature_block, signature_table
from .grid import Cell, Grid, Row, cell, simple_grid
from .layout import SHADE, SHADE_STRONG, PageDecor, build_pdf, frame_width, scale_widths
from .office import allocated_text
from .typeset import PR, P

TITLE = "รายงานผลการดำเนินงานตามแผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรมของจังหวัดตราด"


RowOverview = Any  # services.overview.RowOverview: read, never imported (reports use the domain only)


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
    #: the figures to the end of the period (the standing's), with the office's budget
    figures: ItemFigures | None = None
    #: what the office wrote as ผลการดำเนินงาน in the period's quarters
    results: list[str] = field(default_factory=list)


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
    #: the rollup of domain/figures.py: the province, its strategies (by number), their activities (by code)
    group: GroupFigures = field(default_factory=GroupFigures)
    #: (strategy number, activity code) -> title, for the figures table and the charts
    activity_titles: dict[tuple[int, str], str] = field(default_factory=dict)

    @property
    def total(self) -> StrategyTotals:
        t = StrategyTotals(0, "รวมทั้งสิ้น")
        for s in self.strategies:
            for name in ("assignments", "due", "reported", "on_target", "allocated_satang", "spent_satang"):
                setattr(t, name, getattr(t, name) + getattr(s, name))
        return t


def province_figures(plan: Plan, rows: list[RowOverview], quarter: Period, thai: bool = True) -> ProvinceFigures:
    """Per strategy > row > office: reports owed and made, results so far, budgets; who owes reports.
    *quarter*: one quarter, a round's quarters (a tuple) or None for the whole year."""
    by_uid: dict[str, IndicatorRow] = {r.uid: r for r in plan.rows()}
    strategies = {s.uid: StrategyTotals(s.number, s.title) for s in plan.strategies}
    owed: list[tuple[str, Standing]] = []
    placed: list[Placed] = []
    titles: dict[tuple[int, str], str] = {}
    wanted = set(period_quarters(quarter))
    for row in rows:
        lines = []
        titles.setdefault((row.strategy, row.activity_code), row.activity_title)
        for office in row.offices:
            st = row.standing(office, quarter)
            figures = st.figures._replace(allocated_satang=office.allocated_satang) if st.figures else None
            line = OfficeLine(
                office.agency_name, st.due, st.reported, st.achieved, st.on_target, st.label,
                office.allocated_satang,
                allocated_text(by_uid[row.indicator_uid], office.agency_name, office.allocated_satang, thai),
                st.spent_satang, figures,
                [(q, e.note.strip()) for q, e in sorted(office.entries.items()) if q in wanted and e.note.strip()],
            )
            lines.append(line)
            strategies[row.strategy_uid].add(line)
            owed.append((office.agency_name, st))
            if figures is not None:
                placed.append(Placed(row.strategy, row.activity_code, figures))
        strategies[row.strategy_uid].rows.append(RowLine(row, lines))
    missing = missing_offices(owed)
    single = quarter if not isinstance(quarter, tuple) else None
    return ProvinceFigures(plan.fiscal_year, single, list(strategies.values()), missing, rollup(placed), titles)


# --- the document ----------------------------------------------------------------------------

def write_province(data: ProvinceReportData, out: Path | str | BinaryIO, *, thai_digits: bool = True,
                   on_progress: Callable[[int], None] | None = None) -> ReportResult:
    """Write the consolidated report for the data's quarter 1-4, or the whole fiscal year (None)."""
    story, title, decor = province_story(data, thai_digits=thai_digits)
    pages = build_pdf(out, story, is_landscape=True, decor=decor, title=title, subject=PLAN_TITLE,
                      on_progress=on_progress)
    return ReportResult(out if isinstance(out, Path) else None, pages, title)


def province_story(data: ProvinceReportData, *, thai_digits: bool = True) -> tuple[list[Flowable], str, PageDecor]:
    """The report's flowables, its title and its page decoration (the benchmark lays them out too)."""
    plan, quarter = data.plan, data.quarter
    year = plan.fiscal_year
    period_of = data.period
    figures = province_figures(plan, data.rows, period_of, thai_digits)
    figures.quarter = quarter if not data.round_quarters or len(data.round_quarters) == 1 else None
    several = isinstance(period_of, tuple)
    me = data.me
    today = data.today
    d = Thai(thai_digits)
    width = frame_width(True)
    period = data.period_title or d.quarter(year, quarter)
    story: list[Flowable] = [
        P(TITLE, "title"),
        P(d(f"ประจำปีงบประมาณ พ.ศ. {year}"), "subtitle"),
        P(period, "subtitle"),
        P(f"ข้อมูล ณ วันที่ {d.date(today)}", "subtitle"),
        Spacer(1, 0.3 * cm),
        P(d("1. สรุปผลการดำเนินงานรายยุทธศาสตร์"), "heading"),
        _summary_table(figures, d, width),
        CondPageBreak(5 * cm),
        P(d("2. ผลสัมฤทธิ์และการเบิกจ่ายงบประมาณ"), "heading"),
        *_achievement(figures, data, d, width),
        CondPageBreak(6 * cm),
        KeepTogether([P(d("3. แผนภูมิความก้าวหน้ารายยุทธศาสตร์"), "heading"), *_charts(figures, d, width)]),
        *_strategy_charts(figures, d, width),
        CondPageBreak(4 * cm),  # a heading does not end a page
        P(d("4. หน่วยงานที่ยังรายงานไม่ครบ"), "heading"),
        *_missing(figures, d, width),
        *_timeliness(data.timeliness, d, width),
        CondPageBreak(4 * cm),
        P(d("5. ปัญหาอุปสรรคและข้อเสนอแนะรายยุทธศาสตร์"), "heading"),
        *_narratives(plan, data.rows, period_of, d),
        CondPageBreak(5 * cm),
        P(d("6. ผลการดำเนินงานรายตัวชี้วัดและหน่วยงาน"), "heading"),
    ]
    blocks = [signature_block("ผู้รายงาน", me.reporter_name, me.reporter_position, d.date(today), org=COORDINATOR_NAME)]
    if me.head_name or me.head_position:
        blocks.append(signature_block("หัวหน้าส่วนราชการ", me.head_name, me.head_position, ""))
    story += _detail_tables(figures, d, width, [Spacer(1, 0.8 * cm), signature_table(blocks, width)], several)
    if data.round_id:
        from ..domain.rounds import ROUND_NAMES

        when = ROUND_NAMES.get(data.round_id, "")
    else:
        when = d(f"ไตรมาสที่ {quarter}") if quarter else "ทั้งปี"
    title = f"{TITLE} " + d(f"ปีงบประมาณ พ.ศ. {year}") + " " + when
    return story, title, PageDecor(header=title, footer_left=COORDINATOR_NAME, thai_digits=thai_digits)


def _timeliness(entries: list[dict[str, Any]], d: Thai, width: float) -> list[Flowable]:
    """Section 3's second table: each office's timeliness per round (received / on time / late / missing)."""
    if not entries:
        return []
    from ..domain.rounds import ROUND_NAMES

    rows = [[P(ROUND_NAMES[e["round"]], "cell"), P(e["office"], "cell"), P(e["state_text"], "cell"),
             P(d(e["timeliness_text"]), "cell"), P(d(e["submitted"]) if e["submitted"] else "-", "cell_center")]
            for e in entries]
    return [CondPageBreak(3 * cm), P("ความตรงเวลาในการส่งรายงาน", "cell_bold"),
            simple_grid(["รอบรายงาน", "หน่วยงาน", "ผลการตรวจ", "ความตรงเวลา", "วันที่ลงนามส่ง"], rows,
                        scale_widths([80, 260, 110, 110, 90], width))]


def _narratives(plan: Plan, rows: list[RowOverview], quarter: Period, d: Thai) -> list[Flowable]:
    """What offices wrote as ปัญหาอุปสรรค and ข้อเสนอแนะ/แนวทางแก้ไข, gathered per strategy (the period's quarters)."""
    out: list[Flowable] = []
    wanted = set(period_quarters(quarter))
    for strategy in plan.strategies:
        problems: list[str] = []
        suggestions: list[str] = []
        for row in rows:
            if row.strategy != strategy.number:
                continue
            for office in row.offices:
                for q, e in sorted(office.entries.items()):
                    if q not in wanted:
                        continue
                    where = d(f" ({office.agency_name}, ตัวชี้วัด {row.id} ไตรมาส {q})")
                    if e.problems.strip():
                        problems.append(e.problems.strip() + where)
                    if e.suggestions.strip():
                        suggestions.append(e.suggestions.strip() + where)
        out.append(P(d(f"ยุทธศาสตร์ที่ {strategy.number} {strategy.title}"), "cell_bold"))
        if not problems and not suggestions:
            out.append(P("ไม่มีหน่วยงานรายงานปัญหาอุปสรรคหรือข้อเสนอแนะ", "body"))
            continue
        for label, texts in (("ปัญหาอุปสรรค", problems), ("ข้อเสนอแนะ/แนวทางแก้ไข", suggestions)):
            if texts:
                out.append(P(label, "body"))
                out.extend(P("• " + text, "body") for text in texts)
    return out


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
    return simple_grid(SUMMARY_HEADERS, rows[1:], scale_widths([230, 70, 60, 80, 80, 80, 70, 50], width),
                       total_background=SHADE)


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


ACHIEVEMENT_HEADERS = ["ยุทธศาสตร์ / แผนงาน โครงการ กิจกรรม", "ดำเนินการแล้ว (ตัวชี้วัด)", "บรรลุ", "ใกล้เคียง",
                       "ร้อยละความสำเร็จเฉลี่ย", "งบประมาณ (บาท)", "ใช้ไป (บาท)", "คงเหลือ (บาท)",
                       "ร้อยละการเบิกจ่าย"]


def _opt_pct(value: float | None, d: Thai) -> str:
    return "-" if value is None else d(f"{value:.1f}")


def _achievement(f: ProvinceFigures, data: ProvinceReportData, d: Thai, width: float) -> list[Flowable]:
    """Section 2: the sentence "ดำเนินการแล้ว x จาก y ตัวชี้วัด คิดเป็นร้อยละ z" for the province, and per strategy
    and activity the items done, on target and near, the mean ร้อยละความสำเร็จ and the budget disbursed."""
    g = f.group
    out: list[Flowable] = [
        P(f"ภาพรวมจังหวัด: {g.sentence(d.thai)} " + d(f"บรรลุเป้าหมาย {g.on_target:,} ตัวชี้วัด") + " "
          + f"(ร้อยละ {_opt_pct(g.on_target_pct, d)}) " + d(f"ใกล้เคียงเป้าหมาย {g.near:,} ตัวชี้วัด"), "body"),
        P("งบประมาณ: " + _budget_sentence(g.allocated_satang, g.spent_satang, d), "body")
        if g.allocated_satang or g.spent_satang else P("ไม่มีงบประมาณที่เป็นตัวเงิน", "body"),
        P("เกณฑ์: " + rule_text(data.thresholds, d.thai) + " · นับตัวชี้วัดรายหน่วยงานที่รับผิดชอบ", "small"),
    ]
    if g.contradictions:
        out.append(P(d(f"มี {g.contradictions} รายการที่สถานะขัดกับผลการดำเนินงาน (เช่น “ยังไม่เริ่ม” แต่มีผลแล้ว) "
                       "ควรให้หน่วยงานตรวจสอบ"), "small"))

    def line(label: str, x: GroupFigures, bold: bool) -> list[Flowable]:
        r = "cell_right_bold" if bold else "cell_right"
        return [P(label, "cell_bold" if bold else "cell"),
                P(d(f"{x.reported:,}/{x.items:,}") + f" ({_opt_pct(x.reported_pct, d)}%)", r),
                P(d(f"{x.on_target:,}") + f" ({_opt_pct(x.on_target_pct, d)}%)", r), P(d(f"{x.near:,}"), r),
                P(_opt_pct(x.mean_achievement_pct, d), r), P(_baht(x.allocated_satang, d), r),
                P(_baht(x.spent_satang, d), r), P(_baht(x.remaining_satang, d), r),
                P(_opt_pct(x.disbursed_pct, d), r)]

    body: list[list[Flowable]] = []
    for s in f.strategies:
        sg = g.children.get(str(s.number))
        if sg is None:
            continue
        body.append(line(d(f"ยุทธศาสตร์ที่ {s.number} ") + s.title, sg, True))
        for code, ag in sg.children.items():
            body.append(line("    " + d(code) + " " + f.activity_titles.get((s.number, code), ""), ag, False))
    body.append(line("รวมทั้งจังหวัด", g, True))
    out.append(simple_grid(ACHIEVEMENT_HEADERS, body, scale_widths([250, 80, 60, 50, 60, 70, 65, 65, 50], width),
                           total_background=SHADE))
    return out


def _strategy_charts(f: ProvinceFigures, d: Thai, width: float) -> list[Flowable]:
    """One chart per strategy: the mean ร้อยละความสำเร็จ of each activity (bars on a 0-100 % grid, labels on
    their lines) with its "x จาก y" and the items on target beside it."""
    scale = [d("25%"), d("50%"), d("75%"), d("100%")]
    out: list[Flowable] = []
    number = 2
    for s in f.strategies:
        sg = f.group.children.get(str(s.number))
        if sg is None or not sg.children:
            continue
        number += 1
        rows = [BarRow(d(code) + " " + f.activity_titles.get((s.number, code), ""),
                       [None if a.mean_achievement_pct is None else a.mean_achievement_pct / 100,
                        None if a.reported_pct is None else a.reported_pct / 100],
                       d(f"ความสำเร็จเฉลี่ยร้อยละ {_opt_pct(a.mean_achievement_pct, d)} · ดำเนินการแล้ว "
                         f"{a.reported:,}/{a.items:,} · บรรลุ {a.on_target:,}"))
                for code, a in sg.children.items()]
        out.append(KeepTogether([
            Spacer(1, 0.3 * cm),
            P(d(f"แผนภูมิที่ {number} ยุทธศาสตร์ที่ {s.number} {s.title}: ร้อยละความสำเร็จเฉลี่ยรายกิจกรรม"), "body"),
            bar_chart(rows, ["ร้อยละความสำเร็จเฉลี่ย", "ร้อยละของตัวชี้วัดที่ดำเนินการแล้ว"], width, scale),
        ]))
    return out


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
    return [P(note, "body"), simple_grid([h.text for h in rows[0]], rows[1:], scale_widths([30, 330, 90, 90, 90], width))]


DETAIL_HEADERS = ["หน่วยงานที่รับผิดชอบ", "การรายงาน", "เป้าหมาย", "ผลสะสม", "สถานะล่าสุด", "ผลสัมฤทธิ์\n(ร้อยละ)",
                  "งบประมาณที่ได้รับ (บาท)", "ใช้ไป (บาท)"]
DETAIL_WEIGHTS = [214, 84, 72, 56, 82, 58, 70, 64]


def _reported_text(o: OfficeLine, quarter: int | None, d: Thai, several: bool = False) -> str:
    if o.due == 0:
        return NOT_DUE
    if quarter is not None and not several:
        return "รายงานแล้ว" if o.reported else "ยังไม่รายงาน"
    return d(f"{o.reported}/{o.due} ไตรมาส")


def _band_text(o: OfficeLine, d: Thai) -> str:
    """'บรรลุ (๑๐๐%)' from the office's figures: the same rule as on-target (domain/figures.py)."""
    f = o.figures
    if f is None or f.band is None:
        return ""
    return BAND_TEXT[f.band] + "\n(" + d(number_text(f.achievement_pct, False)) + "%)"


def _budget_sentence(allocated: int, spent: int, d: Thai) -> str:
    """'งบประมาณ x ใช้ไป y คงเหลือ z บาท ร้อยละการเบิกจ่าย w' ('' without an amount)."""
    if not allocated and not spent:
        return ""
    from ..domain.figures import balance_text

    text = (f"งบประมาณ {_baht(allocated, d)} ใช้ไป {_baht(spent, d)} "
            + balance_text(allocated, spent, lambda satang: _baht(satang, d)))
    return text + (f" ร้อยละการเบิกจ่าย {_pct(spent, allocated, d)}" if allocated else "")


def _detail_tables(f: ProvinceFigures, d: Thai, width: float, closing: list[Flowable],
                   several: bool = False) -> list[Flowable]:
    """Per strategy: strategy > activity > indicator > offices, with strategy totals and a grand total.

    A heading (strategy, activity, indicator) never ends a page; *closing* (the signatures) is kept
    with the end of the last table.
    """
    widths = scale_widths(DETAIL_WEIGHTS, width)
    header = [Row([cell(h, style="head", valign="MIDDLE") for h in DETAIL_HEADERS], background=SHADE_STRONG)]
    out: list[Flowable] = []
    for s in f.strategies:
        strategy_cell = d(f"ยุทธศาสตร์ที่ {s.number} ") + s.title
        rows: list[Row] = [Row([cell(strategy_cell, style="cell_bold", span=len(widths))], background=SHADE_STRONG,
                               keep_with_next=True)]
        carry = {0: cell(strategy_cell + " (ต่อ)", style="cell_bold", span=len(widths))}
        activity = None
        for line in s.rows:
            row = line.row
            if row.activity_uid != activity:
                activity = row.activity_uid
                rows.append(Row([cell(f"{d(row.activity_code)} {row.activity_title}", style="cell_bold",
                                      span=len(widths))], keep_with_next=True))
            budget = _budget_sentence(sum(o.allocated_satang or 0 for o in line.offices),
                                      sum(o.spent_satang for o in line.offices), d)
            rows.append(Row([Cell([PR([("ตัวชี้วัด " + d(row.id) + ":", True), (" " + (row.indicator or "-"), False),
                                       ("  เป้าหมาย " + f"{number_text(row.target, d.thai)} {row.unit}".strip() + "  "
                                        + period_text(row.quarter_from, row.quarter_to, d.thai)
                                        + (f"  ({budget})" if budget else ""), False)], "cell")],
                                  span=len(widths))], background=SHADE, keep_with_next=bool(line.offices)))
            for o in line.offices:
                rows.append(Row([
                    cell(o.name), cell(_reported_text(o, f.quarter, d, several)),
                    cell(f"{number_text(row.target, d.thai)} {row.unit}".strip(), style="cell_right"),
                    cell(number_text(o.achieved, d.thai), style="cell_right"), cell(o.status),
                    cell(_band_text(o, d), style="cell_center"),
                    cell(o.allocated_text, style="cell_right"),
                    cell(_baht(o.spent_satang, d) if o.spent_satang else "", style="cell_right"),
                ]))
                for q, text in o.results:
                    rows.append(Row([cell(d(f"ผลการดำเนินงาน ไตรมาส {q}: ") + text, style="cell",
                                          span=len(widths))]))
            for kept in [*row.offices, *row.kept]:
                if kept.outside:  # kept values, not counted above (domain/plan_fit.py)
                    rows.append(Row([cell(d(f"{kept.agency_name}: {kept.outside_text()}"), span=len(widths))]))
        totals = [s] + ([f.total] if s is f.strategies[-1] else [])
        for t in totals:
            label = d(f"รวมยุทธศาสตร์ที่ {t.number}") if t.number else "รวมทั้งสิ้นทุกยุทธศาสตร์"
            rows.append(Row([
                cell(label + d(f" ({t.assignments:,} การมอบหมาย)"), style="cell_bold"),
                cell(d(f"{t.reported:,}/{t.due:,}"), style="cell_right_bold"), cell(""), cell(""), cell(""),
                cell(d(f"{t.on_target:,}"), style="cell_center"),
                cell(_baht(t.allocated_satang, d), style="cell_right_bold"),
                cell(_baht(t.spent_satang, d), style="cell_right_bold"),
            ], background=SHADE_STRONG if not t.number else SHADE, keep_with_previous=True))
        for r in rows[1:]:
            r.carry = carry  # a page that starts inside the strategy names it "(ต่อ)" (in its empty first row)
        last = s is f.strategies[-1]
        out.append(_StrategyGrid(widths, rows, header, closing if last else ()))
        if not last:
            out.append(Spacer(1, 0.3 * cm))
    return out


class _StrategyGrid(Grid):
    """A strategy's table: at the top of each page after the first, a row naming the strategy "(ต่อ)"."""

    def _part(self, rows: list[Row], footer, first: bool, fill: float = 0.0) -> Grid:  # type: ignore[no-untyped-def]
        if not first and rows and rows[0].carry and 0 in rows[0].carry:
            rows = [Row([rows[0].carry[0]], background=SHADE_STRONG, keep_with_next=True), *rows]
        g = _StrategyGrid(self.widths, rows, self.header, footer, padding=self.padding,
                          top_padding=self.top_padding, bottom_padding=self.bottom_padding, rule=self.rule,
                          outer_width=self.outer_width, first_part=first)
        g._fill = fill
        return g


__all__ = ["write_province", "province_story", "province_figures", "ProvinceFigures", "STATUSES"]
