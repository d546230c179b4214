"""Reports as editable Word files (.docx), for offices that edit a report before signing it.

The same plain data as the PDFs (domain/reporting.py), the same words and Thai digits (reports/common.Thai),
laid out as real Word tables with a header row repeated on every page, A4 with the PDF's margins, signature
blocks and the verification code. Text is "TH SarabunPSK" 16 pt with the complex-script font and size set
(``w:rFonts w:cs``, ``w:szCs``: python-docx has no API for them), so Word uses the font for Thai.
Written to a temporary file and renamed when complete (a partial file is never left under the name).

The helpers are public for other Word documents (the ITA forms): :func:`new_document`, :func:`paragraph`,
:func:`table` (header rows that repeat, :class:`WordCell` spans and vertical merges), :func:`signature_blocks`,
:func:`page_furniture`, :func:`set_thai_font`, :func:`save`. The first version's private names (``_document``,
``_para``, ``_table``, ``_signatures``, ``_font``, ``_save``) still work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..atomic import atomic_write
from ..domain.display import number_text
from ..domain.plan_fit import OUTSIDE_PLAN_TEXT
from ..domain.reporting import OfficeReportData, ProvinceReportData
from ..domain.thai import format_baht
from .common import DATE_DOTS, PLAN_TITLE, ReportResult, Thai
from .common import DOTS as COMMON_DOTS

FONT = "TH SarabunPSK"
SIZE_PT = 16
SMALL_PT = 14
TITLE_PT = 20
HEADING_PT = 18
DOTS = COMMON_DOTS
MARGINS_CM = {"top": 2.5, "left": 3.0, "right": 2.0, "bottom": 2.0}  # reports/layout.py's MARGIN_*
LEFT, CENTER, RIGHT = "left", "center", "right"


@dataclass
class WordCell:
    """One cell of :func:`table`: its text (``\\n`` is a line break), the columns it spans, whether it
    continues the cell above it (a vertical merge, w:vMerge: Word shows one cell over both rows), bold,
    alignment and shading (hex fill such as "D9D9D9")."""

    text: str = ""
    span: int = 1
    merge_up: bool = False
    bold: bool = False
    align: str = LEFT
    shade: str = ""


def new_document(landscape: bool = False) -> Any:
    """An A4 document (portrait or landscape) with the PDF's margins; Normal is TH SarabunPSK 16 pt."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin, section.right_margin = Cm(MARGINS_CM["left"]), Cm(MARGINS_CM["right"])
    section.top_margin, section.bottom_margin = Cm(MARGINS_CM["top"]), Cm(MARGINS_CM["bottom"])
    section.header_distance = section.footer_distance = Cm(1.0)
    style = document.styles["Normal"]
    set_thai_font(style.element, SIZE_PT)
    style.paragraph_format.space_after = 0
    return document


def set_thai_font(element: Any, size_pt: float, bold: bool = False) -> None:
    """TH SarabunPSK for every script (w:ascii, w:hAnsi, w:cs, w:eastAsia) and the size for complex scripts
    too (w:sz and w:szCs; bold as w:b and w:bCs) on a run, a style or anything with an rPr."""
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


def add_runs(paragraph: Any, text: str, *, size: float = SIZE_PT, bold: bool = False) -> Any:
    """*text* at the end of *paragraph* in TH SarabunPSK, each ``\\n`` a line break (w:br)."""
    for n, line in enumerate(str(text).split("\n")):
        run = paragraph.add_run()
        if n:
            run.add_break()
        run.add_text(line)
        set_thai_font(run._r, size, bold)
    return paragraph


def _align(paragraph: Any, align: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    if align != LEFT:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == CENTER else WD_ALIGN_PARAGRAPH.RIGHT


def paragraph(container: Any, text: str, *, bold: bool = False, size: float = SIZE_PT, center: bool = False,
              align: str = LEFT, space_before_pt: float = 0, keep_with_next: bool = False) -> Any:
    """A paragraph of Thai text in TH SarabunPSK (a document, a cell, a header or footer)."""
    from docx.shared import Pt

    added = container.add_paragraph()
    _align(added, CENTER if center else align)
    if space_before_pt:
        added.paragraph_format.space_before = Pt(space_before_pt)
    if keep_with_next:
        added.paragraph_format.keep_with_next = True
    return add_runs(added, text, size=size, bold=bold)


def _tc_at(tr: Any, column: int) -> Any:
    """The w:tc of row *tr* that covers grid column *column* (after horizontal merges)."""
    from docx.oxml.ns import qn

    at = 0
    for tc in tr.tc_lst:
        span = tc.tcPr.find(qn("w:gridSpan")) if tc.tcPr is not None else None
        width = int(span.get(qn("w:val"))) if span is not None else 1
        if at <= column < at + width:
            return tc
        at += width
    raise IndexError(column)


def _merge_up(tbl: Any, row: int, column: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    above = _tc_at(tbl.tr_lst[row - 1], column).get_or_add_tcPr()
    if above.find(qn("w:vMerge")) is None:
        start = OxmlElement("w:vMerge")
        start.set(qn("w:val"), "restart")
        above.append(start)
    _tc_at(tbl.tr_lst[row], column).get_or_add_tcPr().append(OxmlElement("w:vMerge"))


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shd.set(qn(key), value)
    cell._tc.get_or_add_tcPr().append(shd)


def _fill_row(table: Any, values: Sequence[str | WordCell], widths_cm: Sequence[float], size: float,
              bold: bool, shade: str, header: bool, keep_rows: bool = True) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    row = table.add_row()
    tr_pr = row._tr.get_or_add_trPr()
    if header:
        repeat = OxmlElement("w:tblHeader")  # repeated at the top of every page
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
    elif keep_rows:
        tr_pr.append(OxmlElement("w:cantSplit"))  # a row is not split over two pages
    r = len(table.rows) - 1
    column = 0
    spans: list[tuple[int, int]] = []
    ups: list[int] = []
    for value in values:
        spec = value if isinstance(value, WordCell) else WordCell(str(value))
        cell = row.cells[column]
        cell.width = Cm(sum(widths_cm[column:column + spec.span]))
        if not spec.merge_up:
            _align(cell.paragraphs[0], CENTER if header and spec.align == LEFT else spec.align)
            add_runs(cell.paragraphs[0], spec.text, size=size, bold=bold or spec.bold)
        if spec.shade or shade:
            _shade(cell, spec.shade or shade)
        if spec.span > 1:
            spans.append((column, spec.span))
        if spec.merge_up and r > 0:
            ups.append(column)
        column += spec.span
    for first, span in reversed(spans):
        row.cells[first].merge(row.cells[first + span - 1])
    for first in ups:
        _merge_up(table._tbl, r, first)


HEADER_SHADE = "D9D9D9"
TOTAL_SHADE = "EDEDED"


def table(container: Any, headers: Sequence[str] | Sequence[Sequence[str | WordCell]],
          rows: Sequence[Sequence[str | WordCell]], widths_cm: Sequence[float], *, size: float = SMALL_PT,
          total_rows: int = 0, keep_rows: bool = True) -> Any:
    """A ruled Word table whose header rows repeat at the top of every page (w:tblHeader).

    *headers* is one row of texts, or several rows of texts or :class:`WordCell` (spans, vertical merges);
    *rows* are texts or :class:`WordCell`; the last *total_rows* rows are shaded as totals; *keep_rows*: a row
    is never split over two pages (w:cantSplit; off for tables of tall rows, which would leave pages half empty). Column widths
    are written to the grid (w:gridCol) and to each cell, as Word and LibreOffice lay tables out by both."""
    from docx.shared import Cm

    header_rows = [list(headers)] if headers and isinstance(headers[0], str) else [list(h) for h in headers]
    added = container.add_table(rows=0, cols=len(widths_cm))
    added.style = "Table Grid"
    added.autofit = False
    for column, width in zip(added.columns, widths_cm):
        column.width = Cm(width)
    for values in header_rows:
        _fill_row(added, values, widths_cm, size, True, HEADER_SHADE, header=True)
    for n, values in enumerate(rows):
        total = n >= len(rows) - total_rows
        _fill_row(added, values, widths_cm, size, False, TOTAL_SHADE if total else "", header=False,
                  keep_rows=keep_rows)
    return added


def signature_blocks(container: Any, blocks: Sequence[Sequence[str]], *, size: float = SIZE_PT) -> Any:
    """'ลงชื่อ ........ ผู้รายงาน' blocks side by side in a table without rules, as the PDF's
    (reports/common.signature_block): each block is (role, name, position, date text[, organisation[, phone]]);
    an empty name, position or date leaves dots to fill in by hand."""
    from docx.oxml import OxmlElement

    added = container.add_table(rows=1, cols=len(blocks))
    tr_pr = added.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    for cell, block in zip(added.rows[0].cells, blocks):
        role, name, position, date_text = (list(block) + ["", "", "", ""])[:4]
        org = block[4] if len(block) > 4 else ""
        phone = block[5] if len(block) > 5 else ""
        lines = [f"ลงชื่อ {DOTS} {role}", f"( {name} )" if name else f"( {DOTS} )",
                 f"ตำแหน่ง {position}" if position else f"ตำแหน่ง {DOTS}"]
        if org:
            lines.append(org)
        if phone:
            lines.append(f"โทรศัพท์ {phone}")
        lines.append(f"วันที่ {date_text}" if date_text else f"วันที่ {DATE_DOTS}")
        for n, line in enumerate(lines):
            target = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            _align(target, CENTER)
            add_runs(target, line, size=size)
    return added


def page_furniture(document: Any, header: str = "", footer_left: str = "", *, thai_digits: bool = True) -> None:
    """The PDF's page furniture: *header* at the top right of every page but the first, and the page
    number ("หน้า ๑": a PAGE field, in Thai digits by the section's w:pgNumType when asked) at the foot, after *footer_left*."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section = document.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    if thai_digits:  # the section's page numbers in Thai digits (Word and LibreOffice both honour it)
        numbers = OxmlElement("w:pgNumType")
        numbers.set(qn("w:fmt"), "thaiNumbers")
        after = section._sectPr.find(qn("w:cols"))  # the schema's order: pgMar, …, pgNumType, cols, …
        if after is not None:
            after.addprevious(numbers)
        else:
            section._sectPr.append(numbers)
    footers = [section.footer]
    if header:
        section.different_first_page_header_footer = True
        target = section.header.paragraphs[0]
        _align(target, RIGHT)
        add_runs(target, header, size=SMALL_PT)
        footers.append(section.first_page_footer)
    for footer in footers:
        _page_number(footer.paragraphs[0], footer_left, thai_digits, usable)


def _page_number(target: Any, footer_left: str, thai_digits: bool, usable: int) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if footer_left:
        add_runs(target, footer_left + "\t", size=SMALL_PT)
        stops = target.paragraph_format.tab_stops
        for inherited in target.style.paragraph_format.tab_stops:  # the Footer style's centre and right tabs
            stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
        stops.add_tab_stop(usable, WD_TAB_ALIGNMENT.RIGHT)
    else:
        _align(target, RIGHT)
    add_runs(target, "หน้า ", size=SMALL_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, None), ("end", None)):
        run = target.add_run()
        set_thai_font(run._r, SMALL_PT)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        else:
            run.add_text("๑" if thai_digits else "1")  # shown until the field is updated


def save(document: Any, out: Path | str | BinaryIO) -> None:
    """Write *document* whole or not at all (a temporary file renamed when complete), or to a file object."""
    if not isinstance(out, (str, Path)):
        document.save(out)
        return
    with atomic_write(Path(out), "ไฟล์ Word") as tmp, open(tmp, "wb") as fh:
        document.save(fh)


# the names the first version had (kept for callers)
def _document(landscape: bool) -> Any:
    return new_document(landscape)


def _font(element: Any, size_pt: float, bold: bool = False) -> None:
    set_thai_font(element, size_pt, bold)


def _para(container: Any, text: str, *, bold: bool = False, size: float = SIZE_PT, center: bool = False) -> Any:
    return paragraph(container, text, bold=bold, size=size, center=center)


def _table(document: Any, headers: list[str], rows: list[list[str]], widths_cm: list[float]) -> Any:
    return table(document, headers, rows, widths_cm)


def _signatures(document: Any, blocks: list[tuple[str, str, str, str]]) -> Any:
    return signature_blocks(document, blocks)


def _save(document: Any, out: Path | str | BinaryIO) -> None:
    save(document, out)


def write_office_docx(data: OfficeReportData, out: Path | str | BinaryIO, *, thai_digits: bool = True) -> ReportResult:
    """The office's report as an editable Word file, with the PDF's content (reports/office.py): one row per
    indicator with its narrative under it across the table, the total, the summary, the two signature
    blocks and the verification code."""
    from .office import HEADERS, NOTE_LABEL, WEIGHTS, _baht, _standing, _summary, allocated_text
    from .office import TITLE as OFFICE_TITLE

    d = Thai(thai_digits)
    me, q = data.me, data.quarter
    code = data.verification_code
    document = new_document(landscape=True)
    title = f"{OFFICE_TITLE} {me.office_name} " + d(f"ไตรมาสที่ {q}/{data.fiscal_year}")
    page_furniture(document, title, f"รหัสตรวจสอบข้อมูล {code}", thai_digits=thai_digits)
    paragraph(document, OFFICE_TITLE, bold=True, size=TITLE_PT, center=True)
    paragraph(document, f"ตาม{PLAN_TITLE}", center=True)
    paragraph(document, d(f"ประจำปีงบประมาณ พ.ศ. {data.fiscal_year}"), center=True)
    for label, value in (("หน่วยงาน", me.office_name), ("ผลการดำเนินงาน", data.period_title or d.quarter(data.fiscal_year, q)),
                         ("วันที่รายงาน", d.date(data.today))):
        add_runs(paragraph(document, label, bold=True), " " + value)
    rows: list[list[str | WordCell]] = []
    allocated_total = spent_q_total = spent_total = 0
    for n, item in enumerate(data.items, start=1):
        entry = item.entries.get(q)
        st = _standing(item, q)
        outside = item.outside
        allocated_total += item.allocated_satang or 0
        spent_q_total += st.spent_in_period
        spent_total += st.spent_satang
        rows.append([
            WordCell(d(n), align=CENTER),
            f"{d(item.id)} {d(item.activity_code)} {item.activity_title}\nตัวชี้วัด: {item.indicator or '-'}",
            WordCell(f"{number_text(item.target, d.thai)} {item.unit}".strip(), align=RIGHT),
            WordCell((number_text(entry.achieved, d.thai) if entry else "")
                     + (f" ({OUTSIDE_PLAN_TEXT})" if q in outside else ""), align=RIGHT),
            WordCell(number_text(st.achieved, d.thai), align=RIGHT),
            OUTSIDE_PLAN_TEXT if q in outside or not item.assigned else st.label,
            WordCell(allocated_text(item.row, item.agency_name, item.allocated_satang, d.thai), align=RIGHT),
            WordCell(_baht(entry.spent_satang if entry else None, d.thai), align=RIGHT),
            WordCell(_baht(st.spent_satang if st.spent_satang or entry else None, d.thai), align=RIGHT),
        ])
        for label, text in ((NOTE_LABEL, entry.note if entry else ""), ("ปัญหาอุปสรรค:", entry.problems if entry else ""),
                            ("ข้อเสนอแนะ/แนวทางแก้ไข:", entry.suggestions if entry else "")):
            if (text or "").strip():
                rows.append([WordCell(merge_up=True), WordCell(f"{label} {text.strip()}", span=8)])
    rows.append([WordCell("รวม", span=6, bold=True),
                 WordCell(format_baht(allocated_total / 100, d.thai), bold=True, align=RIGHT),
                 WordCell(format_baht(spent_q_total / 100, d.thai), bold=True, align=RIGHT),
                 WordCell(format_baht(spent_total / 100, d.thai), bold=True, align=RIGHT)])
    usable = 29.7 - MARGINS_CM["left"] - MARGINS_CM["right"]
    table(document, HEADERS, rows, [usable * w / sum(WEIGHTS) for w in WEIGHTS], total_rows=1)
    paragraph(document, _summary(data.items, q, d), space_before_pt=6)
    paragraph(document, "")
    signature_blocks(document, [("ผู้รายงาน", me.reporter_name, me.reporter_position, d.date(data.today), "",
                                 d(me.reporter_phone)),
                                ("หัวหน้าส่วนราชการ", me.head_name, me.head_position, "", me.office_name)])
    add_runs(paragraph(document, "รหัสตรวจสอบข้อมูล", bold=True, size=SMALL_PT, space_before_pt=12), " " + code,
             size=SMALL_PT)
    paragraph(document, "ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราดตรวจสอบรหัสนี้กับไฟล์ .trat ที่ส่งพร้อมรายงาน "
              f"(trat-desktop verify {code}) หากแก้ไขข้อมูลหลังพิมพ์ ให้ส่งออกไฟล์และพิมพ์รายงานใหม่", size=SMALL_PT)
    save(document, out)
    return ReportResult(out if isinstance(out, Path) else None, 0, title)


def write_province_docx(data: ProvinceReportData, out: Path | str | BinaryIO, *,
                        thai_digits: bool = True) -> ReportResult:
    """The provincial report's summary and per-row table as an editable Word file."""
    from .province import SUMMARY_HEADERS, TITLE, province_figures

    d = Thai(thai_digits)
    figures = province_figures(data.plan, data.rows, data.quarter, thai_digits)
    from ..domain.identity import COORDINATOR_NAME

    document = new_document(landscape=True)
    page_furniture(document, TITLE, COORDINATOR_NAME, thai_digits=thai_digits)
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
    signature_blocks(document, [("ผู้รายงาน", me.reporter_name, me.reporter_position, d.date(data.today),
                                 COORDINATOR_NAME)])
    _save(document, out)
    return ReportResult(out if isinstance(out, Path) else None, 0, TITLE)


def write_plan_docx(plan: Any, out: Path | str | BinaryIO, *, thai_digits: bool = True) -> ReportResult:
    """The plan as its document lays it out (reports/plan_doc.py's columns), as an editable Word file:
    one table per strategy whose two header rows repeat on every page, the tactic and activity cells
    merged vertically over their rows, each strategy's total and the grand total, and a footnote where
    the document's own stated totals disagree."""
    from ..domain.display import budget_text, period_text
    from .plan_doc import HEADER_SUB, HEADER_TOP, WEIGHTS

    d = Thai(thai_digits)
    document = new_document(landscape=True)
    title = f"{plan.title} " + d(f"ประจำปีงบประมาณ พ.ศ. {plan.fiscal_year}")
    page_furniture(document, title, thai_digits=thai_digits)
    paragraph(document, plan.title, bold=True, size=TITLE_PT, center=True)
    paragraph(document, d(f"ประจำปีงบประมาณ พ.ศ. {plan.fiscal_year}"), center=True)
    usable = 29.7 - MARGINS_CM["left"] - MARGINS_CM["right"]
    widths = [usable * w / sum(WEIGHTS) for w in WEIGHTS]
    top = [WordCell(h, span=2) if h == "เป้าหมายการดำเนินงาน" else WordCell(h) for h in HEADER_TOP if h]
    sub = [WordCell(merge_up=True), WordCell(merge_up=True), *[WordCell(h) for h in HEADER_SUB if h],
           *[WordCell(merge_up=True) for _ in range(5)]]
    for strategy in plan.strategies:
        paragraph(document, d(f"ยุทธศาสตร์ที่ {strategy.number}") + f" “{strategy.title}”", bold=True,
                  size=HEADING_PT, space_before_pt=12, keep_with_next=True)
        if strategy.goal:
            paragraph(document, f"เป้าหมาย : {strategy.goal}", keep_with_next=True)
        rows: list[list[str | WordCell]] = []
        for tactic in strategy.tactics:
            first_of_tactic = True
            for activity in tactic.activities:
                first_of_activity = True
                for row in activity.rows:
                    several = len(row.budget_lines) > 1
                    budgets = "\n".join(
                        f"{budget_text(b.value, d.thai)} ({row.written_name(b.agency)})" if several and b.agency
                        else budget_text(b.value, d.thai) for b in row.budget_lines) or "-"
                    names = [row.written_name(n) for n in row.agencies]  # as the document writes them (plan_doc)
                    agencies = ("\n".join(f"-\u00a0{n}" for n in names) if len(names) > 1
                                else (names[0] if names else "-"))
                    rows.append([
                        WordCell(f"{d(tactic.number)}. {tactic.title}", merge_up=not first_of_tactic),
                        WordCell(f"{d(activity.code)} {activity.title}", merge_up=not first_of_activity),
                        WordCell(row.unit, align=CENTER), WordCell(number_text(row.target, d.thai), align=CENTER),
                        WordCell(budgets, align=RIGHT),
                        WordCell(period_text(row.quarter_from, row.quarter_to, d.thai), align=CENTER),
                        row.indicator, row.expected_result, agencies])
                    first_of_tactic = first_of_activity = False
        has_amount = any(line.value.kind == "amount" for row in strategy.rows() for line in row.budget_lines)
        total = format_baht(strategy.budget_satang() / 100, d.thai) if has_amount else "-"
        stated = strategy.stated_budget
        note = ""
        if stated is not None and stated.kind == "amount" and stated.satang != strategy.budget_satang():
            total += " *"
            note = (d(f"* เอกสารแผนระบุงบประมาณรวมของยุทธศาสตร์ที่ {strategy.number} ไว้ ")
                    + f"{budget_text(stated, d.thai)} บาท รายการในยุทธศาสตร์รวมได้ "
                    + f"{format_baht(strategy.budget_satang() / 100, d.thai)} บาท")
        rows.append([WordCell("รวม", span=4, bold=True), WordCell(total, bold=True, align=RIGHT), WordCell(span=4)])
        table(document, [top, sub], rows, widths, total_rows=1, keep_rows=False)
        if note:
            paragraph(document, note, size=SMALL_PT)
    grand = plan.budget_satang()
    stated_total = getattr(plan, "stated_total", None)
    mark, notes = "", []
    if stated_total is not None and stated_total.kind == "amount" and stated_total.satang != grand:
        mark = " *"
        notes.append(f"* เอกสารแผนระบุงบประมาณรวมทั้งสิ้นไว้ {budget_text(stated_total, d.thai)} บาท "
                     f"รายการในแผนรวมได้ {format_baht(grand / 100, d.thai)} บาท")
    paragraph(document, "")
    table(document, [], [[WordCell("รวมงบประมาณทั้งสิ้น", span=4, bold=True),
                          WordCell(format_baht(grand / 100, d.thai) + mark, bold=True, align=RIGHT), WordCell(span=4)]],
          widths, total_rows=1)
    for text in notes:
        paragraph(document, text, size=SMALL_PT)
    save(document, out)
    return ReportResult(out if isinstance(out, Path) else None, 0, title)


def write_receipt_docx(data: Any, out: Path | str | BinaryIO, *, thai_digits: bool = True) -> ReportResult:
    """ใบตอบรับ (reports/receipt.py) as an editable Word file: the files received, the review of each
    round, the comments, and the centre's signature block; A4 portrait with the PDF's margins."""
    from ..domain.identity import COORDINATOR_NAME
    from ..domain.rounds import REVIEW_TEXT, ROUND_NAMES
    from .receipt import STATUS_TEXT, TITLE, _when

    d = Thai(thai_digits)
    document = new_document(landscape=False)
    title = f"{TITLE} {data.office_name} " + d(f"ปีงบประมาณ {data.fiscal_year}")
    page_furniture(document, title, COORDINATOR_NAME, thai_digits=thai_digits)
    usable = 21.0 - MARGINS_CM["left"] - MARGINS_CM["right"]

    def cm_widths(weights: list[float]) -> list[float]:
        return [usable * w / sum(weights) for w in weights]

    paragraph(document, TITLE, bold=True, size=TITLE_PT, center=True)
    paragraph(document, f"ตาม{PLAN_TITLE}", center=True)
    paragraph(document, d(f"ประจำปีงบประมาณ พ.ศ. {data.fiscal_year}"), center=True)
    for label, value in (("จาก", COORDINATOR_NAME), ("ถึง", data.office_name), ("วันที่", d.date(data.today))):
        line = paragraph(document, label, bold=True, space_before_pt=6 if label == "จาก" else 0)
        add_runs(line, " " + value)
    paragraph(document, f"{COORDINATOR_NAME}ได้รับไฟล์รายงานผลการดำเนินงานของ{data.office_name}ดังนี้",
              space_before_pt=6)
    if data.files:
        table(document, ["ฉบับที่", "วันเวลาที่ได้รับ", "สถานะ", "จำนวนรายการ", "รหัสตรวจสอบ"],
              [[WordCell(d(f["sequence"]), align=CENTER), _when(f["imported_at"], d),
                STATUS_TEXT.get(f["status"], f["status"]), d(f["counts"]), f.get("code", "")] for f in data.files],
              cm_widths([40, 120, 110, 150, 90]))
    else:
        paragraph(document, "ยังไม่ได้รับไฟล์ใดจากหน่วยงานนี้")
    paragraph(document, "ผลการตรวจรายงาน", bold=True, size=HEADING_PT, space_before_pt=12, keep_with_next=True)
    latest: dict[str, dict[str, Any]] = {}
    for r in data.reviews:
        latest[r["round_id"]] = r
    if latest:
        table(document, ["รอบรายงาน", "ผลการตรวจ", "เมื่อ", "ความเห็น"],
              [[ROUND_NAMES[k], REVIEW_TEXT.get(r["state"], r["state"]), _when(r["at"], d), r.get("comment", "")]
               for k, r in latest.items()], cm_widths([90, 110, 120, 190]))
    else:
        paragraph(document, "ยังไม่ได้ตรวจรายงาน")
    if data.comments:
        paragraph(document, "ความเห็นต่อรายการ", bold=True, size=HEADING_PT, space_before_pt=12, keep_with_next=True)
        table(document, ["ตัวชี้วัด / ไตรมาส", "ความเห็นของศูนย์ฯ", "คำตอบของหน่วยงาน"],
              [[d(c["where"]), c["text"], c.get("answer") or "ยังไม่ได้ตอบ"] for c in data.comments],
              cm_widths([120, 200, 190]))
    paragraph(document, "")
    signature_blocks(document, [("ผู้ตอบรับ", data.signer_name, data.signer_position, d.date(data.today),
                                 COORDINATOR_NAME)])
    save(document, out)
    return ReportResult(out if isinstance(out, Path) else None, 0, title)
