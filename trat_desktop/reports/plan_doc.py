"""The plan itself, printed the way the plan document lays it out (A4 landscape, its nine columns)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Callable

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ..domain.display import budget_text, number_text, period_text
from ..domain.model import BudgetLine, IndicatorRow, Plan, Strategy
from ..domain.thai import format_baht
from .common import ReportResult, Thai
from .grid import Cell, Grid, Row, cell
from .layout import SHADE, SHADE_STRONG, PageDecor, build_pdf, frame_width, scale_widths
from .typeset import PR, P

HEADER_TOP = ["กลยุทธ์", "แผนการดำเนินงาน แผนงาน/โครงการ/กิจกรรม", "เป้าหมายการดำเนินงาน", "",
              "งบประมาณ (บาท)", "ระยะเวลาดำเนินการ", "ตัวชี้วัด", "ผลที่คาดว่าจะได้รับ (ตามตัวชี้วัด)", "ผู้รับผิดชอบ"]
HEADER_SUB = ["", "", "หน่วยนับ", "ปริมาณงาน", "", "", "", "", ""]
WEIGHTS = [76, 112, 52, 54, 72, 62, 90, 86, 116]  # points: "หน่วยนับ", "ปริมาณงาน", "ไม่ใช้งบประมาณ" fit


def write_plan(plan: Plan, out: Path | str | BinaryIO, *, thai_digits: bool = True,
               on_progress: Callable[[int], None] | None = None) -> ReportResult:
    """The plan as its document lays it out: each row's agency names as the document writes them there
    (the register's name where it did not say, never an abbreviation it does not use), totals summed from its rows, and where its own stated totals disagree, a footnote."""
    d = Thai(thai_digits)
    width = frame_width(True)
    widths = scale_widths(WEIGHTS, width)
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
        story.append(_strategy_table(strategy, widths, d))
        story.append(Spacer(1, 0.4 * cm))
    grand = plan.budget_satang()
    stated = getattr(plan, "stated_total", None)
    mark = ""
    notes: list[str] = []
    if stated is not None and stated.kind == "amount" and stated.satang != grand:
        mark = " *"
        notes.append(f"* เอกสารแผนระบุงบประมาณรวมทั้งสิ้นไว้ {budget_text(stated, d.thai)} บาท "
                     f"รายการในแผนรวมได้ {format_baht(grand / 100, d.thai)} บาท")
    total = Grid(widths, [Row([cell("รวมงบประมาณทั้งสิ้น", style="cell_bold", span=4),
                               cell(format_baht(grand / 100, d.thai) + mark, style="cell_right_bold"),
                               cell("", span=4)], background=SHADE_STRONG)],
                 footer=[P(n, "small") for n in notes])
    story.append(total)
    title = f"{plan.title} " + d(f"ประจำปีงบประมาณ พ.ศ. {plan.fiscal_year}")
    decor = PageDecor(header=title, thai_digits=thai_digits)
    pages = build_pdf(out, story, is_landscape=True, decor=decor, title=title, subject=plan.title,
                      on_progress=on_progress)
    return ReportResult(out if isinstance(out, Path) else None, pages, title)


def _budget_line(line: BudgetLine, thai: bool, several: bool, row: IndicatorRow) -> str:
    text = budget_text(line.value, thai)
    return f"{text} ({row.written_name(line.agency)})" if several and line.agency else text


def _row_cells(row: IndicatorRow, d: Thai) -> list[Cell]:
    several = len(row.budget_lines) > 1
    budgets = "\n".join(_budget_line(b, d.thai, several, row) for b in row.budget_lines) or "-"
    names = [row.written_name(n) for n in row.agencies]  # as this row of the document writes them
    agencies = "\n".join(f"-\u00a0{n}" for n in names) if len(names) > 1 else (names[0] if names else "-")
    return [cell(row.unit, style="cell_center"), cell(number_text(row.target, d.thai), style="cell_center"),
            cell(budgets, style="cell_right"), cell(period_text(row.quarter_from, row.quarter_to, d.thai),
                                                    style="cell_center"),
            cell(row.indicator), cell(row.expected_result), cell(agencies)]


def _header() -> list[Row]:
    top = [cell(h, style="head", valign="MIDDLE") for h in HEADER_TOP if h]
    top[2].span = 2  # เป้าหมายการดำเนินงาน over หน่วยนับ and ปริมาณงาน
    sub = [cell("", style="head")] * 2 + [cell(h, style="head") for h in HEADER_SUB if h] + [cell("", style="head")] * 5
    return [Row(top, background=SHADE_STRONG), Row(sub, background=SHADE_STRONG, rule_from=2, rule_to=4)]


def _strategy_table(strategy: Strategy, widths: list[float], d: Thai) -> Grid:
    rows: list[Row] = []
    for tactic in strategy.tactics:
        tactic_text = f"{d(tactic.number)}. {tactic.title}"
        first_of_tactic = True
        for activity in tactic.activities:
            activity_text = f"{d(activity.code)} {activity.title}"
            first_of_activity = True
            for row in activity.rows:
                # a row that starts a page (or the part of a row that goes on to the next page)
                # names its tactic and activity again, marked "(ต่อ)"
                carry = {0: cell(f"{tactic_text} (ต่อ)"), 1: cell(f"{activity_text} (ต่อ)")}
                rows.append(Row(
                    [cell(tactic_text if first_of_tactic else ""),
                     cell(activity_text if first_of_activity else ""), *_row_cells(row, d)],
                    rule_from=0 if first_of_tactic else 1 if first_of_activity else 2,
                    rule_width=0.6 if first_of_activity else 0.4, carry=carry))
                first_of_tactic = first_of_activity = False
    has_amount = any(line.value.kind == "amount" for row in strategy.rows() for line in row.budget_lines)
    total = format_baht(strategy.budget_satang() / 100, d.thai) if has_amount else "-"
    stated = strategy.stated_budget
    footnotes = []
    if stated is not None and stated.kind == "amount" and stated.satang != strategy.budget_satang():
        total += " *"  # the document's own sum disagrees: said under the table, not inside the cell
        footnotes.append(P(d(f"* เอกสารแผนระบุงบประมาณรวมของยุทธศาสตร์ที่ {strategy.number} ไว้ ")
                           + f"{budget_text(stated, d.thai)} บาท รายการในยุทธศาสตร์รวมได้ "
                           + f"{format_baht(strategy.budget_satang() / 100, d.thai)} บาท", "small"))
    rows.append(Row([cell("รวม", style="cell_bold", span=4), cell(total, style="cell_right_bold"), cell("", span=4)],
                    background=SHADE, keep_with_previous=True, rule_width=0.6))
    return Grid(widths, rows, _header(), footnotes)
