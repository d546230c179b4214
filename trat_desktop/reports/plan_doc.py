"""The plan itself, printed the way the plan document lays it out (A4 landscape, its nine columns)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Callable

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from ..domain.display import budget_text, number_text, period_text
from ..domain.model import BudgetLine, IndicatorRow, Plan, Strategy
from ..domain.thai import format_baht
from ..services.progress import ProgressService
from .common import ReportResult, Thai
from .layout import GRID, SHADE, SHADE_STRONG, PageDecor, build_pdf, frame_width, scale_widths
from .typeset import PR, P

HEADER_TOP = ["กลยุทธ์", "แผนการดำเนินงาน แผนงาน/โครงการ/กิจกรรม", "เป้าหมายการดำเนินงาน", "",
              "งบประมาณ (บาท)", "ระยะเวลาดำเนินการ", "ตัวชี้วัด", "ผลที่คาดว่าจะได้รับ (ตามตัวชี้วัด)", "ผู้รับผิดชอบ"]
HEADER_SUB = ["", "", "หน่วยนับ", "ปริมาณงาน", "", "", "", "", ""]
WEIGHTS = [82, 118, 42, 40, 78, 62, 98, 88, 120]


def plan_report(progress: ProgressService, out: Path | str | BinaryIO, *, fiscal_year: int | None = None,
                thai_digits: bool = True, on_progress: Callable[[int], None] | None = None) -> ReportResult:
    """Write the plan of a fiscal year as a PDF."""
    plan = progress.plans.load_plan(fiscal_year)
    return write_plan(plan, out, thai_digits=thai_digits, on_progress=on_progress)


def write_plan(plan: Plan, out: Path | str | BinaryIO, *, thai_digits: bool = True,
               on_progress: Callable[[int], None] | None = None) -> ReportResult:
    d = Thai(thai_digits)
    width = frame_width(True)
    widths = scale_widths(WEIGHTS, width)
    short = {name: (a.short_name or name) for name, a in plan.agencies.items()}
    story: list[Flowable] = [
        P(plan.title, "title"),
        P(d(f"ประจำปีงบประมาณ พ.ศ. {plan.fiscal_year}"), "subtitle"),
        Spacer(1, 0.4 * cm),
    ]
    for strategy in plan.strategies:
        story.append(CondPageBreak(6 * cm))  # a strategy's heading starts with the beginning of its table
        story.append(KeepTogether([
            PR([(d(f"ยุทธศาสตร์ที่ {strategy.number}"), True), (f" “{strategy.title}”", True)], "heading"),
            P(f"เป้าหมาย : {strategy.goal}", "body") if strategy.goal else Spacer(1, 0),
            Spacer(1, 0.15 * cm),
        ]))
        story.append(_strategy_table(strategy, widths, d, short))
        story.append(Spacer(1, 0.4 * cm))
    total = Table([[P("รวมงบประมาณทั้งสิ้น", "cell_bold"), "", "", "",
                    P(format_baht(plan.budget_satang() / 100, d.thai), "cell_right_bold"), "", "", "", ""]],
                  colWidths=widths, hAlign="LEFT")
    total.setStyle([("SPAN", (0, 0), (3, 0)), ("SPAN", (5, 0), (-1, 0)), ("GRID", (0, 0), (-1, -1), 0.6, GRID),
                    ("BACKGROUND", (0, 0), (-1, -1), SHADE_STRONG), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    story.append(total)
    title = f"{plan.title} " + d(f"ประจำปีงบประมาณ พ.ศ. {plan.fiscal_year}")
    decor = PageDecor(header=title, thai_digits=thai_digits)
    pages = build_pdf(out, story, is_landscape=True, decor=decor, title=title, subject=plan.title,
                      on_progress=on_progress)
    return ReportResult(out if isinstance(out, Path) else None, pages, title)


def _budget_line(line: BudgetLine, thai: bool, short: dict[str, str], several: bool) -> str:
    text = budget_text(line.value, thai)
    return f"{text} ({short.get(line.agency, line.agency)})" if several and line.agency else text


def _row_cells(row: IndicatorRow, d: Thai, short: dict[str, str]) -> list[Flowable]:
    several = len(row.budget_lines) > 1
    budgets = "\n".join(_budget_line(b, d.thai, short, several) for b in row.budget_lines) or "-"
    names = [short.get(n, n) for n in row.agencies]
    agencies = "\n".join(f"-\u00a0{n}" for n in names) if len(names) > 1 else (names[0] if names else "-")
    return [P(row.unit, "cell_center"), P(number_text(row.target, d.thai), "cell_center"),
            P(budgets, "cell_right"), P(period_text(row.quarter_from, row.quarter_to, d.thai), "cell_center"),
            P(row.indicator, "cell"), P(row.expected_result, "cell"), P(agencies, "cell")]


class _PlanTable(Table):
    """A plan table whose every page part is closed by a line at its bottom and top, also where a
    page break falls inside a tactic or an activity (their first columns have no row lines)."""

    def onSplit(self, T: Table, byRow: int = 1) -> None:  # noqa: N802, N803 (reportlab's names)
        last = T._nrows - 1
        T.setStyle([("LINEBELOW", (0, last), (-1, last), 0.6, GRID),
                    ("LINEABOVE", (0, T.repeatRows), (-1, T.repeatRows), 0.6, GRID)])


def _strategy_table(strategy: Strategy, widths: list[float], d: Thai, short: dict[str, str]) -> Table:
    rows: list[list[object]] = [[P(h, "head") if h else "" for h in HEADER_TOP],
                                [P(h, "head") if h else "" for h in HEADER_SUB]]
    style: list[tuple] = [
        ("SPAN", (2, 0), (3, 0)), *[("SPAN", (c, 0), (c, 1)) for c in (0, 1, 4, 5, 6, 7, 8)],
        ("GRID", (0, 0), (-1, 1), 0.6, GRID), ("BACKGROUND", (0, 0), (-1, 1), SHADE_STRONG),
        ("VALIGN", (0, 0), (-1, 1), "MIDDLE"), ("VALIGN", (0, 2), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.6, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for tactic in strategy.tactics:
        first_of_tactic = True
        for activity in tactic.activities:
            first_of_activity = True
            for row in activity.rows:
                n = len(rows)
                tactic_cell: object = ""
                activity_cell: object = ""
                if first_of_tactic:
                    tactic_cell = P(f"{d(tactic.number)}. {tactic.title}", "cell")
                    style.append(("LINEABOVE", (0, n), (-1, n), 0.6, GRID))
                elif first_of_activity:
                    style.append(("LINEABOVE", (1, n), (-1, n), 0.6, GRID))
                else:
                    style.append(("LINEABOVE", (2, n), (-1, n), 0.4, GRID))
                if first_of_activity:
                    activity_cell = P(f"{d(activity.code)} {activity.title}", "cell")
                rows.append([tactic_cell, activity_cell, *_row_cells(row, d, short)])
                first_of_tactic = first_of_activity = False
    n = len(rows)
    has_amount = any(line.value.kind == "amount" for row in strategy.rows() for line in row.budget_lines)
    total = format_baht(strategy.budget_satang() / 100, d.thai) if has_amount else "-"
    stated = strategy.stated_budget
    if stated is not None and stated.kind == "amount" and stated.satang != strategy.budget_satang():
        total += f"\n(เอกสารระบุ {budget_text(stated, d.thai)})"  # the document's own sum disagrees
    rows.append([P("รวม", "cell_bold"), "", "", "", P(total, "cell_right_bold"), "", "", "", ""])
    style += [("SPAN", (0, n), (3, n)), ("SPAN", (5, n), (-1, n)), ("GRID", (0, n), (-1, n), 0.6, GRID),
              ("BACKGROUND", (0, n), (-1, n), SHADE), ("NOSPLIT", (0, n - 1), (-1, n))]
    t = _PlanTable(rows, colWidths=widths, repeatRows=2, hAlign="LEFT", splitInRow=1)
    t.setStyle(style)
    return t
