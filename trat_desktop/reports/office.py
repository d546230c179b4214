"""The office's quarterly report (แบบรายงานผลการดำเนินงาน), signed by hand and sent with the export file."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Callable

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain.display import budget_text, number_text
from ..domain.fiscal import default_quarter
from ..domain.identity import PermissionDenied
from ..domain.model import IndicatorRow
from ..domain.plan_fit import OUTSIDE_PLAN_TEXT
from ..domain.progress import STATUSES, achieved_to_date, is_reported, on_target
from ..domain.thai import format_baht
from ..services.exchange import ExchangeService
from ..services.progress import ProgressService, WorkItem
from .common import (
    NOT_DUE, PLAN_TITLE, ReportResult, Thai, bold_line, entries_through, qr_drawing, signature_block,
    signatures,
)
from .layout import SHADE, PageDecor, build_pdf, frame_width, scale_widths, table
from .typeset import PR, P

TITLE = "แบบรายงานผลการดำเนินงาน"
NOT_REPORTED = "ยังไม่รายงาน"


def allocated_text(row: IndicatorRow, agency_name: str, satang: int | None, thai: bool) -> str:
    """An office's budget on a row: the amount, or the document's own words ("ไม่ใช้งบประมาณ")."""
    if satang is not None:
        return format_baht(satang / 100, thai)
    own = [line for line in row.budget_lines if line.agency == agency_name]
    lines = own or [line for line in row.budget_lines if line.agency is None]
    return budget_text(lines[0].value, thai) if lines else "-"


def _baht(satang: int | None, thai: bool) -> str:
    return "" if satang is None else format_baht(satang / 100, thai)


def office_report(progress: ProgressService, out: Path | str | BinaryIO, *, fiscal_year: int | None = None,
                  quarter: int | None = None, thai_digits: bool = True,
                  on_progress: Callable[[int], None] | None = None) -> ReportResult:
    """Write the office's report for one quarter (default: the current one) and return what was written."""
    me = progress.identity()
    if me.role != "office" or not me.office_uid:
        raise PermissionDenied("แบบรายงานผลการดำเนินงานพิมพ์ได้จากเครื่องของหน่วยงาน (ตั้งค่าเครื่องเป็นหน่วยงานก่อน)")
    plan = progress.plans.load_plan(fiscal_year)
    year = plan.fiscal_year
    today = progress.today()
    q = quarter or default_quarter(year, today, progress.plans.round_due_days())
    d = Thai(thai_digits)
    items = progress.work_items(year)
    code = ExchangeService(progress).verification_code(year)
    width = frame_width(True)

    story: list[Flowable] = [
        P(TITLE, "title"),
        P(f"ตาม{PLAN_TITLE}", "subtitle"),
        P(d(f"ประจำปีงบประมาณ พ.ศ. {year}"), "subtitle"),
        Spacer(1, 0.3 * cm),
        bold_line("หน่วยงาน", me.office_name),
        bold_line("ผลการดำเนินงาน", d.quarter(year, q)),
        bold_line("วันที่รายงาน", d.date(today)),
        Spacer(1, 0.25 * cm),
        _items_table(items, q, d, width),
        Spacer(1, 0.2 * cm),
        P(_summary(items, q, d), "body"),
    ]
    story.append(signatures([
        signature_block("ผู้รายงาน", me.reporter_name, me.reporter_position, d.date(today), phone=d(me.reporter_phone)),
        signature_block("หัวหน้าส่วนราชการ", me.head_name, me.head_position, "", org=me.office_name),
    ], width))
    story.append(_verification(code, width))
    title = f"{TITLE} {me.office_name} " + d(f"ไตรมาสที่ {q}/{year}")
    decor = PageDecor(header=title, footer_left=f"รหัสตรวจสอบข้อมูล {code}", thai_digits=thai_digits)
    pages = build_pdf(out, story, is_landscape=True, decor=decor, title=title, subject=PLAN_TITLE,
                      on_progress=on_progress)
    return ReportResult(out if isinstance(out, Path) else None, pages, title)


HEADERS = ["ที่", "กิจกรรม / ตัวชี้วัด", "เป้าหมาย", "ผลไตรมาสนี้", "ผลสะสม", "สถานะ",
           "งบประมาณที่ได้รับ (บาท)", "ใช้ไปไตรมาสนี้ (บาท)", "ใช้ไปสะสม (บาท)", "หมายเหตุ"]
WEIGHTS = [44, 180, 60, 48, 48, 74, 74, 58, 58, 56]


def _items_table(items: list[WorkItem], q: int, d: Thai, width: float) -> Table:
    rows: list[list[Flowable]] = [[P(h, "head") for h in HEADERS]]
    allocated_total = spent_q_total = spent_total = 0
    for item in items:
        entry = item.entries.get(q)
        outside = item.outside
        due = q in item.quarters() and item.assigned
        # values kept outside the plan are printed, marked, and not counted (domain/plan_fit.py)
        so_far = entries_through({k: e for k, e in item.entries.items() if k not in outside}, q)
        achieved = achieved_to_date(item.unit, so_far)
        spent_cum = sum(e.spent_satang or 0 for e in so_far.values()) if so_far else None
        if q in outside or not item.assigned:
            status = OUTSIDE_PLAN_TEXT
        elif not due:
            status = NOT_DUE
        elif is_reported(entry):
            status = STATUSES[entry.status]  # type: ignore[union-attr]
        else:
            status = NOT_REPORTED
        if on_target(item.unit, item.target, so_far):
            status += "\nบรรลุเป้าหมาย"
        allocated_total += item.allocated_satang or 0
        spent_q_total += (entry.spent_satang or 0) if entry else 0
        spent_total += spent_cum or 0
        rows.append([
            P(d(item.id), "cell"),
            PR([(f"{d(item.activity_code)} {item.activity_title}", True),
                ("\nตัวชี้วัด: " + (item.indicator or "-"), False)], "cell"),
            P(f"{number_text(item.target, d.thai)} {item.unit}".strip(), "cell_right"),
            P((number_text(entry.achieved, d.thai) if entry else "")
              + (f" ({OUTSIDE_PLAN_TEXT})" if q in outside else ""), "cell_right"),
            P(number_text(achieved, d.thai), "cell_right"),
            P(status, "cell"),
            P(allocated_text(item.row, item.agency_name, item.allocated_satang, d.thai), "cell_right"),
            P(_baht(entry.spent_satang if entry else None, d.thai), "cell_right"),
            P(_baht(spent_cum, d.thai), "cell_right"),
            P(entry.note if entry else "", "cell"),
        ])
    rows.append([P("รวม", "cell_bold"), "", "", "", "", "",
                 P(format_baht(allocated_total / 100, d.thai), "cell_right_bold"),
                 P(format_baht(spent_q_total / 100, d.thai), "cell_right_bold"),
                 P(format_baht(spent_total / 100, d.thai), "cell_right_bold"), ""])
    n = len(rows)
    return table(rows, scale_widths(WEIGHTS, width),
                 extra=[("SPAN", (0, n - 1), (5, n - 1)), ("BACKGROUND", (0, n - 1), (-1, n - 1), SHADE),
                        ("NOSPLIT", (0, max(1, n - 2)), (-1, n - 1))])


def _summary(items: list[WorkItem], q: int, d: Thai) -> str:
    items = [i for i in items if i.assigned]
    due = [i for i in items if q in i.quarters()]
    reported = sum(1 for i in due if is_reported(i.entries.get(q)))
    reached = sum(1 for i in items if on_target(i.unit, i.target, entries_through(
        {k: e for k, e in i.entries.items() if k not in i.outside}, q)))
    return d(f"ตัวชี้วัดที่รับผิดชอบ {len(items)} รายการ ต้องรายงานในไตรมาสนี้ {len(due)} รายการ "
             f"รายงานแล้ว {reported} รายการ บรรลุเป้าหมายแล้ว {reached} รายการ")


def _verification(code: str, width: float) -> Flowable:
    """The QR code and the printed code: the coordinator types it into `trat-desktop verify`."""
    text = [
        PR([("รหัสตรวจสอบข้อมูล", True), (" " + code, False)], "body"),
        P("รหัสนี้ระบุข้อมูลผลการดำเนินงานที่ส่งออกเป็นไฟล์ .trat พร้อมรายงานฉบับนี้ "
          f"ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราดตรวจสอบได้ด้วยคำสั่ง trat-desktop verify {code} "
          "ว่าตรงกับไฟล์ที่นำเข้าไฟล์ใด หากแก้ไขข้อมูลหลังพิมพ์รายงาน ให้ส่งออกไฟล์และพิมพ์รายงานใหม่", "small"),
    ]
    t = Table([[qr_drawing(code), text]], colWidths=[3.0 * cm, width - 3.0 * cm], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 0.5 * cm), t])
