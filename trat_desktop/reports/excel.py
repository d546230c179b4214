"""The consolidated progress as an Excel workbook: a summary sheet and one sheet per strategy."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..atomic import atomic_write
from ..domain.figures import BAND_TEXT, GroupFigures, rule_text
from ..domain.progress import STATUSES
from ..domain.thai import format_be_date
from ..domain.reporting import NOT_DUE, NOT_REPORTED, Period, ProvinceReportData, period_end, period_quarters
from .common import PLAN_TITLE
from .province import ProvinceFigures, province_figures

SUMMARY_SHEET = "สรุป"
SUMMARY_HEADERS = ["ยุทธศาสตร์ที่", "ยุทธศาสตร์", "การมอบหมาย (ตัวชี้วัด × หน่วยงาน)", "รายงานที่ต้องส่ง",
                   "รายงานแล้ว", "บรรลุเป้าหมาย", "งบประมาณที่ได้รับ (บาท)", "ใช้ไป (บาท)", "ร้อยละการใช้จ่าย"]
#: a strategy sheet's columns for the whole year (:func:`detail_headers`: to a period's last quarter)
DETAIL_HEADERS = ["รหัสตัวชี้วัด", "กิจกรรม", "ตัวชี้วัด", "หน่วยนับ", "เป้าหมาย", "ระยะเวลา (ไตรมาส)",
                  "หน่วยงานที่รับผิดชอบ", "ผลไตรมาส 1", "ผลไตรมาส 2", "ผลไตรมาส 3", "ผลไตรมาส 4", "ผลสะสม",
                  "ร้อยละความสำเร็จ", "ผลเทียบเป้าหมาย", "สถานะล่าสุด", "งบประมาณที่ได้รับ (บาท)", "ใช้ไป (บาท)",
                  "ผลการดำเนินงาน", "ปัญหาอุปสรรค", "ข้อเสนอแนะ/แนวทางแก้ไข"]
ACHIEVEMENT_SHEET = "สรุปผลสัมฤทธิ์"
ACHIEVEMENT_HEADERS = ["ระดับ", "ยุทธศาสตร์ / กิจกรรม", "ตัวชี้วัด (รายการ)", "ดำเนินการแล้ว", "ร้อยละที่ดำเนินการ",
                       "บรรลุ", "ใกล้เคียง", "ร้อยละที่บรรลุ", "ร้อยละความสำเร็จเฉลี่ย", "งบประมาณ (บาท)",
                       "ใช้ไป (บาท)", "คงเหลือ (บาท)", "ร้อยละการเบิกจ่าย", "สรุป"]
NARRATIVES = {"ผลการดำเนินงาน", "ปัญหาอุปสรรค", "ข้อเสนอแนะ/แนวทางแก้ไข", "สรุป"}
WRAPPED = {"ยุทธศาสตร์", "ยุทธศาสตร์ / กิจกรรม", "กิจกรรม", "ตัวชี้วัด", "หน่วยงานที่รับผิดชอบ"} | NARRATIVES
#: the widest a column of these headers grows (else 18 for a narrative, 21 for other text, 12 for a number)
CAPS = {"กิจกรรม": 16}
MAX_ROW_POINTS = 409.0  # the tallest row a spreadsheet keeps
MONEY = "#,##0.00"
COUNT = "#,##0"
SHARE = "0.0"
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="D0DCE8")
TOTAL_FILL = PatternFill("solid", fgColor="E6EBF2")
THIN = Side(style="thin", color="999999")
LINE_POINTS = 15.0  # one line of 11 pt Thai text
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def display_width(text: str) -> int:
    """Columns a text takes: Thai marks above or below a letter take none."""
    return sum(1 for ch in text if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))


def _number_format(value: float) -> str:
    return COUNT if float(value).is_integer() else "#,##0.##"


def _baht(satang: int | None) -> float | None:
    return None if satang is None else satang / 100


def _write_rows(ws: Any, headers: list[str], rows: list[list[Any]], formats: dict[int, str],
                top: int = 1, caps: dict[str, int] | None = None) -> None:
    """Header row at *top* (frozen), the rows below it, columns sized to their content (at most *caps* of a
    header, else :data:`CAPS`)."""
    for c, h in enumerate(headers, start=1):
        cell = ws.cell(row=top, column=c, value=h)
        cell.font, cell.fill, cell.border = HEAD_FONT, HEAD_FILL, BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, values in enumerate(rows, start=top + 1):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.border = BOX
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.number_format = formats.get(c, _number_format(value))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    widths = []
    for c, h in enumerate(headers, start=1):
        # a text column's header takes two lines at most, a number column's three
        longest = max([display_width(str(h)) // (2 if h in WRAPPED else 3) + 2] + [
            display_width(f"{v:,.2f}" if isinstance(v, float) else str(v)) for v in (row[c - 1] for row in rows)
            if v is not None])
        # narrow enough that a sheet printed on the width of an A4 page stays readable: the 20 columns
        # of a strategy sheet with its narratives take about 240 units (the 17 without them took 220)
        cap = (caps or {}).get(h) or CAPS.get(h) or (18 if h in NARRATIVES else 21 if h in WRAPPED else 12)
        widths.append(max(8, min(cap, longest + 2)))
        ws.column_dimensions[get_column_letter(c)].width = widths[-1]
    # row heights that hold the wrapped Thai (LibreOffice does not grow rows by itself)
    ws.row_dimensions[top].height = LINE_POINTS * max(lines_needed(str(h), w) for h, w in zip(headers, widths))
    for r, values in enumerate(rows, start=top + 1):
        n = max([1] + [lines_needed(str(v), w) for v, w in zip(values, widths) if v is not None])
        ws.row_dimensions[r].height = min(MAX_ROW_POINTS, LINE_POINTS * n + 2)
    page_setup(ws, top)


def lines_needed(text: str, width_chars: float) -> int:
    """Lines a wrapped cell of *width_chars* characters needs for *text* (Thai marks take no width).

    The cell is filled word by word as a spreadsheet wraps it (at spaces and, for Thai, at the word
    boundaries of the segmenter, as LibreOffice and Excel break Thai with a dictionary), so the room
    left at the end of each line is counted; a word wider than the cell takes the lines it needs."""
    from .thai_text import segment

    usable = max(1.0, width_chars - 1.5)
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0.0
        for word in segment(part) if part.strip() else ():
            w = _units(word)
            if used and used + w > usable and not word.isspace():
                lines += 1
                used = 0.0
            if word.isspace() and not used:
                continue  # a space at a line start takes no room
            if w > usable:  # longer than the cell: cut anywhere
                extra = math.ceil(w / usable) - 1
                lines += extra
                used = w - extra * usable
            else:
                used += w
        total += lines
    return total


def _units(text: str) -> float:
    """Width in Excel's column units (the width of "0"): a Thai letter takes about 0.82 (measured
    in LibreOffice with Sarabun and Tahoma), marks above and below none."""
    return sum(0.82 if "\u0e01" <= ch <= "\u0e5b" else 1.0 for ch in text
               if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))


def page_setup(ws: Any, title_rows: int) -> None:
    """A4 landscape, all columns on the width of a page, the title and header rows on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{title_rows}"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "หน้า &P / &N"


def _summary_rows(f: ProvinceFigures) -> list[list[Any]]:
    def line(number: Any, title: str, s: Any) -> list[Any]:
        share = round(100 * s.spent_satang / s.allocated_satang, 1) if s.allocated_satang else None
        return [number, title, s.assignments, s.due, s.reported, s.on_target, _baht(s.allocated_satang),
                _baht(s.spent_satang), share]

    rows = [line(s.number, s.title, s) for s in f.strategies]
    rows.append(line(None, "รวมทั้งสิ้น", f.total))
    return rows


def detail_headers(last_quarter: int = 4) -> list[str]:
    """The columns of a strategy sheet, the quarters' results up to the period's end."""
    cut = DETAIL_HEADERS.index("ผลไตรมาส 1")
    return DETAIL_HEADERS[:cut] + [f"ผลไตรมาส {q}" for q in range(1, last_quarter + 1)] + DETAIL_HEADERS[cut + 4:]


def _period_text(data: ProvinceReportData) -> str:
    if data.period_title:
        return data.period_title
    return f"ไตรมาสที่ {data.quarter}" if data.quarter else "ทั้งปีงบประมาณ"


def _titles(ws: Any, data: ProvinceReportData, heading: str, note: str = "") -> None:
    ws["A1"] = f"{heading} ปีงบประมาณ พ.ศ. {data.plan.fiscal_year}"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = f"{_period_text(data)} (ส่งออกเมื่อ {be_timestamp(data.now)})"
    if note:
        ws["A3"] = note


def _spread(ws: Any, row: int, columns: int) -> None:
    """A note over the width of the table, wrapped, in a row as tall as its lines (printed on every page)."""
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    cell = ws.cell(row=row, column=1)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    width = sum(ws.column_dimensions[get_column_letter(c)].width for c in range(1, columns + 1))
    ws.row_dimensions[row].height = LINE_POINTS * lines_needed(str(cell.value or ""), width) + 2


def _narrative(entries: dict[int, Any], quarters: tuple[int, ...], name: str) -> str:
    """What the office wrote in the period's quarters ("ไตรมาส N: …" when the period has several)."""
    texts = [(q, str(getattr(entries[q], name) or "").strip()) for q in quarters if q in entries]
    texts = [(q, t) for q, t in texts if t]
    if len(quarters) == 1:
        return "\n".join(t for _q, t in texts)
    return "\n".join(f"ไตรมาส {q}: {t}" for q, t in texts)


def _detail_rows(s: Any, period: Period) -> list[list[Any]]:
    last = period_end(period)
    quarters = period_quarters(period)
    data: list[list[Any]] = []
    for line in s.rows:
        row = line.row
        for office, figures_line in zip(row.offices, line.offices):
            # the quarters to the period's end only: ผลสะสม and the band count no later quarter
            per_quarter = [office.entries[q].achieved if q in office.entries else None for q in range(1, last + 1)]
            f = figures_line.figures
            status = row.standing(office, period).status
            data.append([
                row.id, f"{row.activity_code} {row.activity_title}", row.indicator, row.unit, row.target,
                f"{row.quarter_from}-{row.quarter_to}" if row.quarter_from != row.quarter_to else str(row.quarter_from),
                office.agency_name, *per_quarter, figures_line.achieved,
                f.achievement_pct if f is not None else None,
                BAND_TEXT.get(f.band or "", "") if f is not None else "",
                STATUSES.get(status, "") if status else (NOT_REPORTED if figures_line.due else NOT_DUE),
                _baht(office.allocated_satang) if office.allocated_satang is not None else figures_line.allocated_text,
                _baht(figures_line.spent_satang),
                _narrative(office.entries, quarters, "note"), _narrative(office.entries, quarters, "problems"),
                _narrative(office.entries, quarters, "suggestions"),
            ])
    return data


def _achievement_rows(figures: ProvinceFigures) -> list[tuple[str, list[Any]]]:
    """(kind, values) of the province, each strategy and each of its activities (domain/figures.py's rollup)."""
    def line(level: str, title: str, g: GroupFigures) -> list[Any]:
        return [level, title, g.items, g.reported, g.reported_pct, g.on_target, g.near, g.on_target_pct,
                g.mean_achievement_pct, _baht(g.allocated_satang), _baht(g.spent_satang), _baht(g.remaining_satang),
                g.disbursed_pct, g.sentence(thai_digits=False)]

    g = figures.group
    out = [("province", line("จังหวัด", "ภาพรวมจังหวัดตราด", g))]
    for s in figures.strategies:
        sg = g.children.get(str(s.number))
        if sg is None:
            continue
        out.append(("strategy", line(f"ยุทธศาสตร์ที่ {s.number}", s.title, sg)))
        for code, ag in sg.children.items():
            out.append(("activity", line(f"กิจกรรม {code}", figures.activity_titles.get((s.number, code), ""), ag)))
    return out


def write_xlsx(data: ProvinceReportData, out: Path | str | BinaryIO) -> Path | None:
    """Write the workbook for the data's period: a quarter, a round's quarters or the whole year (the counts,
    the results to date, the bands and the narratives are those of the period, as in the provincial report)."""
    plan, rows, period, timeliness = data.plan, data.rows, data.period, data.timeliness
    figures = province_figures(plan, rows, period, thai=False)
    wb = Workbook()
    ws = wb.active
    ws.title = SUMMARY_SHEET
    _titles(ws, data, f"ผลการดำเนินงานตาม{PLAN_TITLE}")
    summary = _summary_rows(figures)
    formats = {7: MONEY, 8: MONEY, 9: SHARE, 3: COUNT, 4: COUNT, 5: COUNT, 6: COUNT}
    _write_rows(ws, SUMMARY_HEADERS, summary, formats, top=4)
    for c in range(1, len(SUMMARY_HEADERS) + 1):
        ws.cell(row=4 + len(summary), column=c).fill = TOTAL_FILL
        ws.cell(row=4 + len(summary), column=c).font = HEAD_FONT

    sheet = wb.create_sheet(ACHIEVEMENT_SHEET)
    _titles(sheet, data, "สรุปผลสัมฤทธิ์ตามแผนปฏิบัติการ",
            "เกณฑ์: " + rule_text(data.thresholds, thai_digits=False) + " · นับตัวชี้วัดรายหน่วยงานที่รับผิดชอบ")
    lines = _achievement_rows(figures)
    _write_rows(sheet, ACHIEVEMENT_HEADERS, [values for _k, values in lines],
                {3: COUNT, 4: COUNT, 5: SHARE, 6: COUNT, 7: COUNT, 8: SHARE, 9: SHARE, 10: MONEY, 11: MONEY,
                 12: MONEY, 13: SHARE}, top=4, caps={"ยุทธศาสตร์ / กิจกรรม": 32, "สรุป": 26})
    _spread(sheet, 3, len(ACHIEVEMENT_HEADERS))
    for r, (kind, _values) in enumerate(lines, start=5):
        if kind != "activity":
            for c in range(1, len(ACHIEVEMENT_HEADERS) + 1):
                sheet.cell(row=r, column=c).font = HEAD_FONT
                sheet.cell(row=r, column=c).fill = TOTAL_FILL

    headers = detail_headers(period_end(period))
    money = {headers.index("งบประมาณที่ได้รับ (บาท)") + 1: MONEY, headers.index("ใช้ไป (บาท)") + 1: MONEY,
             headers.index("ร้อยละความสำเร็จ") + 1: SHARE}
    for s in figures.strategies:
        _write_rows(wb.create_sheet(f"ยุทธศาสตร์ {s.number}"), headers, _detail_rows(s, period), money)
    if timeliness:
        from ..domain.rounds import ROUND_NAMES

        sheet = wb.create_sheet("ความตรงเวลา")
        lines_t = [[ROUND_NAMES[e["round"]], e["office"], e["state_text"], e["timeliness_text"], be_text(e["due"]),
                    be_text(e["submitted"]), be_text(e["received"])] for e in timeliness]
        _write_rows(sheet, ["รอบรายงาน", "หน่วยงาน", "ผลการตรวจ", "ความตรงเวลา", "ครบกำหนดส่ง", "วันที่ลงนามส่ง",
                            "วันเวลาที่ได้รับ"], lines_t, {})
    wb.properties.title = f"ผลการดำเนินงาน ปีงบประมาณ พ.ศ. {plan.fiscal_year}"
    wb.properties.creator = "Trat Desktop"
    if not isinstance(out, (str, Path)):
        wb.save(out)
        return None
    with atomic_write(out, "ไฟล์ Excel", make_folder=False) as tmp, open(tmp, "wb") as fh:  # whole or not at all
        wb.save(fh)
    return Path(out)


def be_text(value: object) -> str:
    """An ISO date or time as the workbook writes dates (Buddhist era); anything else as it is."""
    text = "" if value is None else str(value)
    try:
        if len(text) == 10:
            return format_be_date(dt.date.fromisoformat(text), False)
        if len(text) > 10 and text[10] in "T ":
            return be_timestamp(text)
    except ValueError:
        pass
    return text


def be_timestamp(iso: str) -> str:
    """'2026-12-02T05:00:12+07:00' -> '2 ธันวาคม 2569 เวลา 05.00 น.' (Arabic digits, like the rest of the workbook)."""
    moment = dt.datetime.fromisoformat(iso)
    return f"{format_be_date(moment.date(), False)} เวลา {moment:%H.%M} น."
