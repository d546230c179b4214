"""Reports as editable Word files (.docx), for offices that edit a report before signing it.

The same plain data as the PDFs (domain/reporting.py), the same words and Thai digits (reports/common.Thai),
laid out as real Word tables with a header row repeated on every page, A4 with the PDF's margins, signature
blocks and the verification code. Text is "TH SarabunPSK" 16 pt with the complex-script font and size set
(``w:rFonts w:cs``, ``w:szCs``: python-docx has no API for them), so Word uses the font for Thai.
Written to a temporary file and renamed when complete (a partial file is never left under the name).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from ..atomic import atomic_write
from ..domain.display import number_text
from ..domain.plan_fit import OUTSIDE_PLAN_TEXT
from ..domain.reporting import OfficeReportData, ProvinceReportData
from ..domain.thai import format_baht
from .common import PLAN_TITLE, ReportResult, Thai

FONT = "TH SarabunPSK"
SIZE_PT = 16
SMALL_PT = 14
DOTS = "........................................"


def _document(landscape: bool) -> Any:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    style = document.styles["Normal"]
    _font(style.element, SIZE_PT)
    style.paragraph_format.space_after = 0
    return document


def _font(element: Any, size_pt: float, bold: bool = False) -> None:
    """TH SarabunPSK for every script (w:ascii, w:hAnsi, w:cs) and the size for complex scripts too."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), FONT)
    for tag in ("w:sz", "w:szCs"):
        node = rpr.find(qn(tag))
        if node is None:
            node = OxmlElement(tag)
            rpr.append(node)
        node.set(qn("w:val"), str(int(size_pt * 2)))
    if bold:
        for tag in ("w:b", "w:bCs"):
            if rpr.find(qn(tag)) is None:
                rpr.append(OxmlElement(tag))


def _para(container: Any, text: str, *, bold: bool = False, size: float = SIZE_PT, center: bool = False) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = container.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for n, line in enumerate(str(text).split("\n")):
        run = paragraph.add_run(line)
        if n:
            run.add_break()  # a line break inside the paragraph
        _font(run._r, size, bold)
    return paragraph


def _table(document: Any, headers: list[str], rows: list[list[str]], widths_cm: list[float]) -> Any:
    """A ruled table whose header row repeats at the top of every page (w:tblHeader)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)  # w:gridCol, which Word and LibreOffice lay the table out by
    header = table.rows[0]
    tr_pr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, text, width in zip(header.cells, headers, widths_cm):
        cell.width = Cm(width)
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(text)
        _font(run._r, SMALL_PT, bold=True)
    for values in rows:
        cells = table.add_row().cells
        for cell, text, width in zip(cells, values, widths_cm):
            cell.width = Cm(width)
            for n, line in enumerate(str(text).split("\n")):
                run = cell.paragraphs[0].add_run(line)
                if n:
                    run.add_break()
                _font(run._r, SMALL_PT)
    return table


def _signatures(document: Any, blocks: list[tuple[str, str, str, str]]) -> None:
    """'ลงชื่อ ........ ผู้รายงาน' blocks side by side, in a table without rules."""
    table = document.add_table(rows=1, cols=len(blocks))
    for cell, (role, name, position, date_text) in zip(table.rows[0].cells, blocks):
        cell.paragraphs[0].text = ""
        for line in (f"ลงชื่อ {DOTS} {role}", f"( {name or DOTS} )", f"ตำแหน่ง {position or DOTS}",
                     f"วันที่ {date_text or DOTS}"):
            _para(cell, line, center=True)


def _save(document: Any, out: Path | str | BinaryIO) -> None:
    if not isinstance(out, (str, Path)):
        document.save(out)
        return
    with atomic_write(Path(out), "ไฟล์ Word") as tmp, open(tmp, "wb") as fh:
        document.save(fh)


def write_office_docx(data: OfficeReportData, out: Path | str | BinaryIO, *, thai_digits: bool = True) -> ReportResult:
    """The office's report as an editable Word file (the PDF's content)."""
    from .office import HEADERS, _standing, allocated_text
    from .office import TITLE as OFFICE_TITLE

    d = Thai(thai_digits)
    me, q = data.me, data.quarter
    document = _document(landscape=True)
    _para(document, OFFICE_TITLE, bold=True, size=20, center=True)
    _para(document, f"ตาม{PLAN_TITLE}", center=True)
    _para(document, d(f"ประจำปีงบประมาณ พ.ศ. {data.fiscal_year}"), center=True)
    _para(document, f"หน่วยงาน {me.office_name}")
    _para(document, f"ผลการดำเนินงาน {data.period_title or d.quarter(data.fiscal_year, q)}")
    _para(document, f"วันที่รายงาน {d.date(data.today)}")
    rows = []
    for n, item in enumerate(data.items, start=1):
        entry = item.entries.get(q)
        st = _standing(item, q)
        narrative = []
        for label, text in (("ผลการดำเนินงาน", entry.note if entry else ""),
                            ("ปัญหาอุปสรรค", entry.problems if entry else ""),
                            ("ข้อเสนอแนะ/แนวทางแก้ไข", entry.suggestions if entry else "")):
            if text.strip():
                narrative.append(f"{label}: {text.strip()}")
        rows.append([
            d(n), "\n".join([f"{d(item.id)} {d(item.activity_code)} {item.activity_title}",
                             f"ตัวชี้วัด: {item.indicator or '-'}", *narrative]),
            f"{number_text(item.target, d.thai)} {item.unit}".strip(),
            (number_text(entry.achieved, d.thai) if entry else "") + (f" ({OUTSIDE_PLAN_TEXT})" if q in item.outside else ""),
            number_text(st.achieved, d.thai), st.label,
            allocated_text(item.row, item.agency_name, item.allocated_satang, d.thai),
            format_baht((entry.spent_satang or 0) / 100, d.thai) if entry and entry.spent_satang else "",
            format_baht(st.spent_satang / 100, d.thai) if st.spent_satang else "",
        ])
    _table(document, HEADERS, rows, [1.0, 9.5, 2.0, 1.7, 1.6, 2.4, 2.5, 2.2, 2.2])
    _para(document, "")
    _signatures(document, [("ผู้รายงาน", me.reporter_name, me.reporter_position, d.date(data.today)),
                           ("หัวหน้าส่วนราชการ", me.head_name, me.head_position, "")])
    _para(document, f"รหัสตรวจสอบข้อมูล {data.verification_code} (ศูนย์ฯ ตรวจสอบรหัสนี้กับไฟล์ .trat ที่ส่งพร้อมรายงาน)",
          size=SMALL_PT)
    _save(document, out)
    title = f"{OFFICE_TITLE} {me.office_name} " + d(f"ไตรมาสที่ {q}/{data.fiscal_year}")
    return ReportResult(out if isinstance(out, Path) else None, 0, title)


def write_province_docx(data: ProvinceReportData, out: Path | str | BinaryIO, *,
                        thai_digits: bool = True) -> ReportResult:
    """The provincial report's summary and per-row table as an editable Word file."""
    from .province import SUMMARY_HEADERS, TITLE, province_figures

    d = Thai(thai_digits)
    figures = province_figures(data.plan, data.rows, data.quarter, thai_digits)
    document = _document(landscape=True)
    _para(document, TITLE, bold=True, size=20, center=True)
    _para(document, d(f"ประจำปีงบประมาณ พ.ศ. {data.plan.fiscal_year}"), center=True)
    _para(document, data.period_title or d.quarter(data.plan.fiscal_year, data.quarter), center=True)
    _para(document, f"ข้อมูล ณ วันที่ {d.date(data.today)}", center=True)
    _para(document, d("1. สรุปผลการดำเนินงานรายยุทธศาสตร์"), bold=True)

    def line(label: str, s: Any) -> list[str]:
        share = f"{100 * s.spent_satang / s.allocated_satang:.1f}" if s.allocated_satang else "-"
        return [label, d(f"{s.assignments:,}"), d(f"{s.due:,}"), d(f"{s.reported:,}"), d(f"{s.on_target:,}"),
                format_baht(s.allocated_satang / 100, d.thai), format_baht(s.spent_satang / 100, d.thai), d(share)]

    rows = [line(d(f"ยุทธศาสตร์ที่ {s.number} {s.title}"), s) for s in figures.strategies]
    rows.append(line("รวมทั้งสิ้น", figures.total))
    _table(document, list(SUMMARY_HEADERS), rows, [8.0, 2.0, 2.0, 2.2, 2.2, 2.6, 2.6, 1.6])
    if data.timeliness:
        from ..domain.rounds import ROUND_NAMES

        _para(document, "")
        _para(document, "ความตรงเวลาในการส่งรายงาน", bold=True)
        _table(document, ["รอบรายงาน", "หน่วยงาน", "ผลการตรวจ", "ความตรงเวลา"],
               [[ROUND_NAMES[e["round"]], e["office"], e["state_text"], d(e["timeliness_text"])]
                for e in data.timeliness], [3.0, 10.0, 5.0, 5.0])
    _para(document, "")
    me = data.me
    _signatures(document, [("ผู้รายงาน", me.reporter_name, me.reporter_position, d.date(data.today))])
    _save(document, out)
    return ReportResult(out if isinstance(out, Path) else None, 0, TITLE)
