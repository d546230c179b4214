"""The office's quarterly report (แบบรายงานผลการดำเนินงาน), signed by hand and sent with the export file."""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO, Callable

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ..domain.display import budget_text, number_text
from ..domain.model import IndicatorRow
from ..domain.plan_fit import OUTSIDE_PLAN_TEXT
from ..domain.reporting import OfficeReportData, standing
from ..domain.rounds import ROUND_NAMES
from ..domain.thai import format_baht
from .common import PLAN_TITLE, ReportResult, Thai, qr_drawing, signature_block
from .grid import CONTINUED, Cell, Grid, Row, cell
from .layout import SHADE, SHADE_STRONG, PageDecor, build_pdf, frame_width, scale_widths
from .typeset import PR, P

TITLE = "แบบรายงานผลการดำเนินงาน"
WorkItem = Any  # services.progress.WorkItem: read, never imported (reports use the domain only)


def allocated_text(row: IndicatorRow, agency_name: str, satang: int | None, thai: bool) -> str:
    """An office's budget on a row: the amount, or the document's own words ("ไม่ใช้งบประมาณ")."""
    if satang is not None:
        return format_baht(satang / 100, thai)
    own = [line for line in row.budget_lines if line.agency == agency_name]
    lines = own or [line for line in row.budget_lines if line.agency is None]
    return budget_text(lines[0].value, thai) if lines else "-"


def _baht(satang: int | None, thai: bool) -> str:
    return "" if satang is None else format_baht(satang / 100, thai)


def write_office(data: OfficeReportData, out: Path | str | BinaryIO, *, thai_digits: bool = True,
                 on_progress: Callable[[int], None] | None = None) -> ReportResult:
    """Write the office's report for one quarter and return what was written."""
    story, title, decor = office_story(data, thai_digits=thai_digits)
    pages = build_pdf(out, story, is_landscape=True, decor=decor, title=title, subject=PLAN_TITLE,
                      on_progress=on_progress)
    return ReportResult(out if isinstance(out, Path) else None, pages, title)


def office_story(data: OfficeReportData, *, thai_digits: bool = True) -> tuple[list[Flowable], str, PageDecor]:
    """The report's flowables, its title and its page decoration (the benchmark lays them out too)."""
    me = data.me
    year, q, today, items, code = data.fiscal_year, data.quarter, data.today, data.items, data.verification_code
    d = Thai(thai_digits)
    width = frame_width(True)

    # the plan and the year on one line, the office, the period and the date on one line: the table
    # starts higher on the first page (a long office name wraps at a word)
    story: list[Flowable] = [
        P(TITLE, "title"),
        P(f"ตาม{PLAN_TITLE}" + d(f" ประจำปีงบประมาณ พ.ศ. {year}"), "subtitle"),
        Spacer(1, 0.15 * cm),
        PR([("หน่วยงาน", True), (" " + me.office_name + "\u2003", False),
            ("ผลการดำเนินงาน", True), (" " + (data.period_title or d.quarter(year, q)) + "\u2003", False),
            ("วันที่รายงาน", True), (" " + d.date(today), False)], "body"),
        Spacer(1, 0.1 * cm),
    ]
    blocks = [
        signature_block("ผู้รายงาน", me.reporter_name, me.reporter_position, d.date(today), phone=d(me.reporter_phone)),
        signature_block("หัวหน้าส่วนราชการ", me.head_name, me.head_position, "", org=me.office_name),
    ]
    if getattr(data, "round_id", ""):  # a round's report: its figures and a chart per strategy (domain/figures.py)
        from reportlab.platypus import PageBreak

        from .figures_section import office_figures

        story += [*office_figures(items, [_standing(i, q) for i in items], d, width, data.thresholds), PageBreak()]
    in_round = bool(getattr(data, "round_id", ""))
    story.append(_items_table(items, q, d, width, _closing(_summary(items, q, d, in_round), blocks, code, width),
                              heads=headers(q, d, in_round)))
    title = f"{TITLE} {me.office_name} " + d(period_label(data))
    decor = PageDecor(header=title, footer_left=f"รหัสตรวจสอบข้อมูล {code}", thai_digits=thai_digits)
    return story, title, decor


def period_label(data: OfficeReportData) -> str:
    """The period in the running page header: "ไตรมาสที่ ๒/๒๕๖๙", or a round's name ("รอบ ๖ เดือน
    ปีงบประมาณ ๒๕๖๙") when the report is a round's; digits as the caller's Thai() makes them."""
    round_id = getattr(data, "round_id", "")
    if round_id in ROUND_NAMES:
        return f"{ROUND_NAMES[round_id]} ปีงบประมาณ {data.fiscal_year}"
    return f"ไตรมาสที่ {data.quarter}/{data.fiscal_year}"


HEADERS = ["ที่", "กิจกรรม / ตัวชี้วัด", "เป้าหมาย", "ผลไตรมาสนี้", "ผลสะสม", "สถานะ",
           "งบประมาณ (บาท)", "ใช้ไตรมาสนี้ (บาท)", "ใช้สะสม (บาท)"]
#: column weights: the narrative (activity, indicator) gets the width; notes go under their row across the table
WEIGHTS = [20, 280, 56, 46, 42, 68, 72, 58, 58]  # points of the 700-point frame: the figures' words just fit
NOTE_LABEL = "ผลการดำเนินงาน / หมายเหตุ:"


def _spans(parts: list[tuple[str, str]], widths: list[float]) -> list[int]:
    """Columns (of the 8 after the number) for ปัญหาอุปสรรค and ข้อเสนอแนะ side by side: the split where the
    taller of the two needs the fewest lines (each usually one)."""
    from .typeset import FONT, FONT_BOLD, STYLES, text_width

    size = STYLES["cell_dense"].fontSize
    need = [text_width(label, FONT_BOLD, size) + text_width(" " + text, FONT, size) for label, text in parts]
    best = (float("inf"), 0.0, 4)
    for k in range(1, len(widths)):
        a, b = sum(widths[:k]) - 6, sum(widths[k:]) - 6
        lines = max(-(-need[0] // a), -(-need[1] // b))
        best = min(best, (lines, abs(a - b), k))
    return [best[2], len(widths) - best[2]]


def _narrative(label: str, text: str, span: int, continued: bool = False) -> Cell:
    """'<b>label</b> text'; *continued*: the same, as it starts a page below its item's indicator."""
    return Cell([PR([*([(CONTINUED + " ", False)] if continued else []), (label, True), (" " + text, False)],
                    "cell_dense")], span=span)


def headers(q: int, d: Thai, in_round: bool = False) -> list[str]:
    """The items table's column heads; a round's report names the quarter its "this quarter" columns show
    (the round's last quarter), since "ไตรมาสนี้" means nothing under "รอบ ๖ เดือน"."""
    return [d(h.replace("ไตรมาสนี้", f"ไตรมาส {q}")) for h in HEADERS] if in_round else list(HEADERS)


def _items_table(items: list[WorkItem], q: int, d: Thai, width: float, footer: list[Flowable],
                 heads: list[str] | None = None) -> Grid:
    """One row per indicator (numbered 1, 2, ...; the plan's code stays beside the activity), the
    office's note under its row across the whole table, a total, and *footer* kept with the end."""
    header = [Row([cell(h, style="head_dense", valign="MIDDLE") for h in heads or HEADERS], background=SHADE_STRONG)]
    rows: list[Row] = []
    allocated_total = spent_q_total = spent_total = 0
    for n, item in enumerate(items, start=1):
        entry = item.entries.get(q)
        st = _standing(item, q)
        outside = item.outside  # values kept outside the plan: printed, marked, not counted (domain/plan_fit.py)
        allocated_total += item.allocated_satang or 0
        spent_q_total += st.spent_in_period
        spent_total += st.spent_satang
        note = (entry.note or "").strip() if entry else ""
        problems = (entry.problems or "").strip() if entry else ""
        suggestions = (entry.suggestions or "").strip() if entry else ""
        # the item's number stands beside every part of it that starts a page
        carry = {0: cell(d(n), style="cell_center_dense")}
        blank = cell("", style="cell_dense")
        # the activity across the table (its title needs the width), then the indicator with the figures
        rows.append(Row([cell(d(n), style="cell_center_dense"),
                         cell(PR([(f"{d(item.id)} {d(item.activity_code)} {item.activity_title}", True)], "cell_dense"),
                              span=8)], keep_with_next=True))
        rows.append(Row([
            blank,
            cell(PR([("ตัวชี้วัด:", True), (" " + (item.indicator or "-"), False)], "cell_dense")),
            cell(f"{number_text(item.target, d.thai)} {item.unit}".strip(), style="cell_right_dense"),
            cell((number_text(entry.achieved, d.thai) if entry else "")
                 + (f" ({OUTSIDE_PLAN_TEXT})" if q in outside else ""), style="cell_right_dense"),
            cell(number_text(st.achieved, d.thai), style="cell_right_dense"),
            cell(OUTSIDE_PLAN_TEXT if q in outside or not item.assigned else st.label, style="cell_dense"),
            cell(allocated_text(item.row, item.agency_name, item.allocated_satang, d.thai), style="cell_right_dense"),
            cell(_baht(entry.spent_satang if entry else None, d.thai), style="cell_right_dense"),
            cell(_baht(st.spent_satang if st.spent_satang or entry else None, d.thai), style="cell_right_dense"),
        ], rule_from=1, rule_width=0.3, carry=carry))
        # the note may start the next page below its indicator (an item's parts fill the page; the
        # activity, a heading, stays with its indicator)
        if note:
            rows.append(Row([blank, _narrative(NOTE_LABEL, note, 8)], rule_from=1, rule_width=0.3, carry=carry,
                            restart=[blank, _narrative(NOTE_LABEL, note, 8, continued=True)]))
        if problems or suggestions:
            # side by side: both are short as a rule; one alone takes the whole width
            parts = [(label, text) for label, text in (("ปัญหาอุปสรรค:", problems),
                                                        ("ข้อเสนอแนะ/แนวทางแก้ไข:", suggestions)) if text]
            spans = [8] if len(parts) == 1 else _spans(parts, scale_widths(WEIGHTS, width)[1:])
            rows.append(Row([blank, *(_narrative(label, text, span) for (label, text), span in zip(parts, spans))],
                            rule_from=1, rule_width=0.3, carry=carry,
                            restart=[blank, *(_narrative(label, text, span, continued=not n)
                                              for n, ((label, text), span) in enumerate(zip(parts, spans)))]))
    rows.append(Row([cell("รวม", style="cell_bold_dense", span=6),
                     cell(format_baht(allocated_total / 100, d.thai), style="cell_right_bold_dense"),
                     cell(format_baht(spent_q_total / 100, d.thai), style="cell_right_bold_dense"),
                     cell(format_baht(spent_total / 100, d.thai), style="cell_right_bold_dense")], background=SHADE,
                    keep_with_previous=True))
    # a point less under each row than the other reports (the ink of ญ ฐ and lower vowels still decides)
    return Grid(scale_widths(WEIGHTS, width), rows, header, footer, bottom_padding=1.5)


def _standing(item: WorkItem, q: int):  # type: ignore[no-untyped-def]
    """domain.reporting's rule on the values that fit the plan (a value kept outside it does not count)."""
    outside = item.outside
    fitting = {k: e for k, e in item.entries.items() if k not in outside}
    return standing(item.quarters() if item.assigned else (), item.unit, item.target, fitting, q,
                    thresholds=getattr(item, "thresholds", None))


def _summary(items: list[WorkItem], q: int, d: Thai, in_round: bool = False) -> str:
    items = [i for i in items if i.assigned]
    standings = [_standing(i, q) for i in items]
    due = sum(1 for s in standings if s.is_due)
    reported = sum(1 for s in standings if s.is_due and s.complete)
    reached = sum(1 for s in standings if s.on_target)
    when = f"ไตรมาส {q} จำนวน" if in_round else "ไตรมาสนี้"  # "ไตรมาส ๒ ๑๖ รายการ" would run two numbers together
    return d(f"ตัวชี้วัดที่รับผิดชอบ {len(items)} รายการ ต้องรายงานใน{when} {due} รายการ "
             f"รายงานแล้ว {reported} รายการ บรรลุเป้าหมายแล้ว {reached} รายการ")


QR_SIZE = 2.1 * cm
VERIFY_WIDTH = 7.4 * cm  # the QR with its explanation beside it: no taller than the signature blocks


def _verification(code: str) -> Table:
    """The QR code and, beside it, the printed code: the coordinator types it into `trat-desktop verify`."""
    text = [
        PR([("รหัสตรวจสอบข้อมูล", True), (" " + code, False)], "small"),
        P("ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราดตรวจสอบรหัสนี้กับไฟล์ .trat ที่ส่งพร้อมรายงาน "
          f"(trat-desktop verify {code}) หากแก้ไขข้อมูลหลังพิมพ์ ให้ส่งออกไฟล์และพิมพ์รายงานใหม่", "small"),
    ]
    t = Table([[qr_drawing(code, QR_SIZE), text]], colWidths=[QR_SIZE + 6, VERIFY_WIDTH - QR_SIZE - 6 - 8])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (0, 0), 6), ("RIGHTPADDING", (1, 0), (1, 0), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return t


def _closing(summary: str, blocks: list[list[Flowable]], code: str, width: float) -> list[Flowable]:
    """The summary, the two signature blocks and the verification QR beside them, kept together."""
    sig_w = (width - VERIFY_WIDTH) / len(blocks)
    t = Table([[*blocks, _verification(code)]], colWidths=[sig_w] * len(blocks) + [VERIFY_WIDTH], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 0.15 * cm), P(summary, "body"), Spacer(1, 0.6 * cm), t]  # room to sign on the dots
