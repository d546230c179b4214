"""Reports as editable Word files (.docx), for offices that edit a report before signing it.

The same plain data as the PDFs (domain/reporting.py), the same words and Thai digits (reports/common.Thai),
laid out as real Word tables with a header row repeated on every page, A4 with the PDF's margins, signature
blocks and the verification code. Text is "TH SarabunPSK" 16 pt with the complex-script font and size set
(``w:rFonts w:cs``, ``w:szCs``: python-docx has no API for them), so Word uses the font for Thai.
Written to a temporary file and renamed when complete (a partial file is never left under the name).

The helpers are public for other Word documents (the ITA forms): :func:`new_document`, :func:`paragraph`,
:func:`table` (header rows that repeat, :class:`WordCell` spans and vertical merges), :func:`signature_blocks`,
:func:`page_furniture`, :func:`set_thai_font`, :func:`save`; :func:`put_story` puts a PDF's flowables into Word
(the provincial report is its PDF's story so), :func:`drawing_png` draws a chart's bars as a picture. The first version's private names (``_document``,
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
    #: the PDF's flowables to put in the cell instead of *text* (paragraphs with their own styles, pictures,
    #: tables: :func:`put_story`)
    content: Sequence[Any] | None = None
    middle: bool = False  # centred vertically


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
        _tc_pr_insert(above, start)
    _tc_pr_insert(_tc_at(tbl.tr_lst[row], column).get_or_add_tcPr(), OxmlElement("w:vMerge"))


#: the order of a cell's properties in the schema (w:tcPr): Word refuses a file with them out of order
_TC_PR_ORDER = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
                "textDirection", "tcFitText", "vAlign", "hideMark")


def _tc_pr_insert(tc_pr: Any, element: Any) -> None:
    """*element* into a cell's properties at its place in the schema's order."""
    from docx.oxml.ns import qn

    later = _TC_PR_ORDER[_TC_PR_ORDER.index(element.tag.rsplit("}", 1)[1]) + 1:]
    for child in tc_pr:
        if child.tag.rsplit("}", 1)[1] in later:
            child.addprevious(element)
            return
    tc_pr.append(element)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shd.set(qn(key), value)
    _tc_pr_insert(cell._tc.get_or_add_tcPr(), shd)


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
        if spec.middle:
            from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if spec.content is not None:
            put_story(cell, spec.content)
        elif not spec.merge_up:
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


# --- the PDF's story in Word ------------------------------------------------------------------

PT_PER_CM = 72 / 2.54
#: Sarabun at 11 pt reads like TH SarabunPSK at 16 pt (reports/typeset.py's BODY_SIZE): the PDF's sizes × 16/11
SIZE_FACTOR = SIZE_PT / 11.0
PICTURE_SCALE = 4  # pixels per point of a drawing's picture (288 dpi)
_WORD_SIZES = {"title": TITLE_PT, "heading": HEADING_PT}


def _cm(points: float) -> Any:
    from docx.shared import Cm

    return Cm(points / PT_PER_CM)


def _hex(colour: Any) -> str:
    """'D9D9D9' for a reportlab colour ('' for none)."""
    if colour is None:
        return ""
    return "".join(f"{round(255 * v):02X}" for v in (colour.red, colour.green, colour.blue))


def drawing_png(drawing: Any, scale: float = PICTURE_SCALE) -> bytes:
    """A reportlab Drawing of rectangles, lines and polygons (the bars of reports/charts.py, a QR code) as a PNG
    with a transparent ground, *scale* pixels per point. Drawn with Pillow (reportlab's own dependency): reportlab's
    renderPM needs a backend (rlPyCairo or rl_renderPM) the project does not ship. Text is refused: a Drawing's
    strings are not shaped, so the charts keep their Thai labels outside the drawing (as paragraphs; in Word
    as text beside the picture)."""
    import io

    from PIL import Image, ImageDraw
    from reportlab.graphics.shapes import Group, Line, Polygon, Rect, UserNode, mmult

    width, height = max(1, round(drawing.width * scale)), max(1, round(drawing.height * scale))
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)

    def rgba(colour: Any) -> tuple[int, int, int, int]:
        return (*(round(255 * v) for v in (colour.red, colour.green, colour.blue)), round(255 * colour.alpha))

    def walk(node: Any, ctm: tuple[float, ...]) -> None:
        if isinstance(node, UserNode):
            node = node.provideNode()
        if isinstance(node, Group):
            ctm = mmult(ctm, node.transform)
            for child in node.getContents():
                walk(child, ctm)
            return

        def at(x: float, y: float) -> tuple[float, float]:
            a, b, c, d, e, f = ctm
            return (a * x + c * y + e) * scale, height - (b * x + d * y + f) * scale

        stroke = getattr(node, "strokeColor", None)
        line_width = max(1, round(getattr(node, "strokeWidth", 1) * scale * abs(ctm[0])))
        if isinstance(node, Rect):
            (x0, y0), (x1, y1) = at(node.x, node.y), at(node.x + node.width, node.y + node.height)
            box = [round(min(x0, x1)), round(min(y0, y1)), round(max(x0, x1)) - 1, round(max(y0, y1)) - 1]
            if box[2] >= box[0] and box[3] >= box[1]:
                pen.rectangle(box, fill=rgba(node.fillColor) if node.fillColor is not None else None,
                              outline=rgba(stroke) if stroke is not None else None,
                              width=line_width if stroke is not None else 0)
        elif isinstance(node, Line):
            if stroke is not None:
                pen.line([at(node.x1, node.y1), at(node.x2, node.y2)], fill=rgba(stroke), width=line_width)
        elif isinstance(node, Polygon):
            points = [at(x, y) for x, y in zip(node.points[::2], node.points[1::2])]
            pen.polygon(points, fill=rgba(node.fillColor) if node.fillColor is not None else None,
                        outline=rgba(stroke) if stroke is not None else None)
        else:
            raise TypeError(f"drawing_png draws rectangles, lines and polygons, not {type(node).__name__}")

    walk(drawing, (1, 0, 0, 1, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(72 * scale, 72 * scale))
    return buffer.getvalue()


def _word_size(style: Any) -> float:
    """A PDF paragraph style's size in Word: TH SarabunPSK's for the Sarabun size (title and heading as the
    other Word documents have them)."""
    return _WORD_SIZES.get(style.name) or round(style.fontSize * SIZE_FACTOR * 2) / 2


def _is_cell(container: Any) -> bool:
    from docx.table import _Cell

    return isinstance(container, _Cell)


def _last_block(container: Any) -> Any:
    """The last paragraph or table of a document's body or of a cell (None when empty)."""
    from docx.oxml.ns import qn

    element = container._tc if _is_cell(container) else container.element.body
    for child in reversed(element):
        if child.tag in (qn("w:p"), qn("w:tbl")):
            return child
    return None


def _tiny(paragraph_: Any) -> None:
    """An empty paragraph Word requires (after a table in a cell, between two tables) made 1 pt high."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    paragraph_.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph_.paragraph_format.line_spacing = Pt(1)


class _Story:
    """Puts flowables into a document or a cell, carrying the space of a Spacer and a page break to what comes
    next."""

    def __init__(self) -> None:
        self.space = 0.0          # points (the PDF's) of Spacers not yet given to a paragraph
        self.page_break = False

    def all(self, container: Any, items: Sequence[Any], keep: bool = False, together: bool = False) -> None:
        """*items* in order; *together* (a KeepTogether): each stays on the page of the next, and a table's rows
        with each other; *keep*: the last too stays with what follows."""
        items = list(items)
        for n, item in enumerate(items):
            self.put(container, item, keep or (together and n < len(items) - 1), together)

    def put(self, container: Any, item: Any, keep: bool, together: bool = False) -> None:
        from reportlab.graphics.shapes import Drawing
        from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer
        from reportlab.platypus import Table as PdfTable

        from .grid import Grid
        from .typeset import ThaiParagraph

        if item is None:
            return
        if isinstance(item, (list, tuple)):
            self.all(container, item, keep, together=True)
        elif isinstance(item, str):
            self.text(container, ((item, False),), None, keep)
        elif isinstance(item, ThaiParagraph):
            self.text(container, item.runs, item.style, keep)
        elif isinstance(item, Grid):
            self.grid(container, item, keep or bool(item.footer), together)
            self.all(container, item.footer, keep, together=True)   # kept with the end of the table
        elif isinstance(item, PdfTable):
            self.pdf_table(container, item, keep, together)
        elif isinstance(item, Drawing):
            self.picture(container, item, keep)
        elif isinstance(item, KeepTogether):
            self.all(container, item._content, keep, together=True)
        elif isinstance(item, CondPageBreak):
            return  # Word keeps headings with what follows (keep with next) instead
        elif isinstance(item, PageBreak):
            self.page_break = True
        elif isinstance(item, Spacer):
            self.space += item.height
        else:
            raise TypeError(f"no Word form for {type(item).__name__}")

    def paragraph(self, container: Any) -> Any:
        """A new paragraph, or the empty one a new cell starts with; the pending space and page break on it."""
        from docx.oxml.ns import qn
        from docx.shared import Pt
        from docx.text.paragraph import Paragraph

        last = _last_block(container)
        if (_is_cell(container) and last is not None and last.tag == qn("w:p")
                and last.find(qn("w:r")) is None and last.find(qn("w:pPr")) is None):
            added = Paragraph(last, container)
        else:
            added = container.add_paragraph()
        if self.space:
            added.paragraph_format.space_before = Pt(self.space * SIZE_FACTOR)
            self.space = 0.0
        if self.page_break:
            added.paragraph_format.page_break_before = True
            self.page_break = False
        return added

    def before_table(self, container: Any) -> None:
        """A paragraph between two tables (Word would join them), for a pending space or a page break."""
        from docx.oxml.ns import qn

        last = _last_block(container)
        if self.page_break or self.space >= 6 or (last is not None and last.tag == qn("w:tbl")):
            _tiny(self.paragraph(container))
        self.space = 0.0

    def text(self, container: Any, runs: Sequence[tuple[str, bool]], style: Any, keep: bool) -> None:
        from docx.shared import Pt

        from .typeset import FONT_BOLD

        added = self.paragraph(container)
        size = _word_size(style) if style is not None else SIZE_PT
        bold = style is not None and style.fontName == FONT_BOLD
        if style is not None:
            _align(added, {1: CENTER, 2: RIGHT}.get(style.alignment, LEFT))
            if style.spaceBefore and not added.paragraph_format.space_before:
                added.paragraph_format.space_before = Pt(style.spaceBefore * SIZE_FACTOR)
            if style.spaceAfter:
                added.paragraph_format.space_after = Pt(style.spaceAfter * SIZE_FACTOR)
        if keep or (style is not None and style.name == "heading"):
            added.paragraph_format.keep_with_next = True
        for text, strong in runs:
            add_runs(added, text, size=size, bold=bold or strong)

    def picture(self, container: Any, drawing: Any, keep: bool) -> None:
        import io

        added = self.paragraph(container)
        if keep:
            added.paragraph_format.keep_with_next = True
        shape = added.add_run().add_picture(io.BytesIO(drawing_png(drawing)), width=_cm(drawing.width),
                                            height=_cm(drawing.height))
        for side in ("distT", "distB", "distL", "distR"):  # no space around it (LibreOffice adds 9 pt if unsaid)
            shape._inline.set(side, "0")

    def grid(self, container: Any, grid: Any, keep: bool, together: bool = False) -> None:
        """A ruled grid (reports/grid.py) as a Word table: its header rows repeat on every page, spans and
        shading as the PDF's (a page's "(ต่อ)" row is the PDF's page furniture: Word repeats the header only)."""
        self.before_table(container)

        def cells(row: Any, header: bool) -> list[WordCell]:
            shade = "" if header else _hex(row.background)
            return [WordCell(content=c.content, span=c.span, shade=shade, middle=c.valign == "MIDDLE")
                    for c in row.cells]

        added = table(container, [cells(r, True) for r in grid.header], [cells(r, False) for r in grid.rows],
                      [w / PT_PER_CM for w in grid.widths])
        # the PDF's paddings (Word's default is 5.4 pt at each side); the edge at the margin, as the PDF's
        _no_cell_margins(added, grid.top_padding, grid.padding, grid.bottom_padding, grid.padding)
        body = added.rows[len(grid.header):]
        last = len(body) - 1
        for n, (row, word_row) in enumerate(zip(grid.rows, body)):
            after = grid.rows[n + 1] if n < last else None
            if (row.keep_with_next or (after is not None and after.keep_with_previous) or (together and n < last)
                    or (keep and n == last)):
                _keep_row(word_row)

    def pdf_table(self, container: Any, pdf: Any, keep: bool, together: bool = False) -> None:
        """A reportlab Table (a chart: labels, bars and figures; signature blocks side by side) as a Word table
        without rules: its widths and cell paddings, each cell's flowables in it (drawings as pictures)."""
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from reportlab.graphics.shapes import Drawing

        self.before_table(container)
        values = pdf._cellvalues
        columns = max((len(r) for r in values), default=0)
        widths = [w if isinstance(w, (int, float)) else None for w in (list(pdf._colWidths) + [None] * columns)[:columns]]
        known = sum(w for w in widths if w)
        free = [n for n, w in enumerate(widths) if not w]
        for n in free:  # an unsized column shares what the frame leaves (the landscape frame's width)
            widths[n] = max(36.0, (24.7 * PT_PER_CM - known) / len(free))
        added = container.add_table(rows=0, cols=columns)
        added.autofit = False
        _no_cell_margins(added)  # each cell's own paddings below, as the PDF's
        for column, width in zip(added.columns, widths):
            column.width = _cm(width)
        for r, row_values in enumerate(values):
            row = added.add_row()
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            for c, value in enumerate(row_values):
                target = row.cells[c]
                target.width = _cm(widths[c])
                style = pdf._cellStyles[r][c]
                right = style.rightPadding
                drawn = [f for f in (value if isinstance(value, (list, tuple)) else [value]) if isinstance(f, Drawing)]
                if drawn:  # a picture is never cut: the PDF lets a drawing run into the padding
                    right = max(0.0, min(right, widths[c] - style.leftPadding - max(f.width for f in drawn)))
                margins = OxmlElement("w:tcMar")
                for side, amount in (("top", style.topPadding), ("left", style.leftPadding),
                                     ("bottom", style.bottomPadding), ("right", right)):
                    node = OxmlElement(f"w:{side}")
                    node.set(qn("w:w"), str(round(amount * 20)))  # twentieths of a point
                    node.set(qn("w:type"), "dxa")
                    margins.append(node)
                _tc_pr_insert(target._tc.get_or_add_tcPr(), margins)
                if style.valign == "MIDDLE":
                    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                inner = _Story()
                inner.all(target, value if isinstance(value, (list, tuple)) else [value], together=False)
                _close_cell(target)
            if (together and r < len(values) - 1) or (keep and r == len(values) - 1):
                _keep_row(row)


def _no_cell_margins(added: Any, top: float = 0, left: float = 0, bottom: float = 0, right: float = 0,
                     indent_by: float = 0) -> None:
    """A table's default cell margins (points; none by default: its cells set their own, as the PDF's) and its
    indent (the table's edge from the margin)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = added._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblInd")) + tbl_pr.findall(qn("w:tblCellMar")):
        tbl_pr.remove(old)
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(round(indent_by * 20)))
    indent.set(qn("w:type"), "dxa")
    margins = OxmlElement("w:tblCellMar")
    for side, amount in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        node = OxmlElement(f"w:{side}")
        node.set(qn("w:w"), str(round(amount * 20)))  # twentieths of a point
        node.set(qn("w:type"), "dxa")
        margins.append(node)
    # the schema's order: tblStyle, …, tblW, jc, tblCellSpacing, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook
    later = ("tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")
    for element, after in ((indent, later), (margins, ("tblLook", "tblCaption", "tblDescription"))):
        for child in tbl_pr:
            if child.tag.rsplit("}", 1)[1] in after:
                child.addprevious(element)
                break
        else:
            tbl_pr.append(element)


def _keep_row(row: Any) -> None:
    """The row stays on the page of the next one (Word's keep with next on the row's paragraphs)."""
    for target in row.cells:
        for p in target.paragraphs:
            p.paragraph_format.keep_with_next = True


def _close_cell(target: Any) -> None:
    """A cell whose last block is a table ends with the paragraph Word requires: 1 pt high."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    children = [c for c in target._tc if c.tag in (qn("w:p"), qn("w:tbl"))]
    if len(children) >= 2 and children[-1].tag == qn("w:p") and children[-1].find(qn("w:r")) is None \
            and children[-2].tag == qn("w:tbl"):
        _tiny(Paragraph(children[-1], target))
    if children and children[0].tag == qn("w:p") and children[0].find(qn("w:r")) is None and len(children) > 1 \
            and children[1].tag == qn("w:tbl"):
        target._tc.remove(children[0])  # the empty paragraph a new cell starts with, above a nested table


def put_story(container: Any, story: Sequence[Any]) -> None:
    """The PDF's flowables as Word content in *container* (a document or a table cell): shaped paragraphs
    (reports/typeset.py) with their runs, alignment and sizes; ruled grids (reports/grid.py) as Word tables whose
    header rows repeat; reportlab Tables (the charts, signature blocks side by side) as tables without rules;
    drawings (a chart's bars) as PNG pictures (:func:`drawing_png`); KeepTogether as keep with next; Spacers as
    space before; page breaks. A report's Word file so has its PDF's words and figures by construction."""
    writer = _Story()
    writer.all(container, story)
    if writer.page_break:  # a page break at the end: what the caller adds next starts the next page
        _tiny(writer.paragraph(container))


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
    from .office import NOTE_LABEL, WEIGHTS, _baht, _standing, _summary, allocated_text, headers, period_label
    from .office import TITLE as OFFICE_TITLE

    d = Thai(thai_digits)
    me, q = data.me, data.quarter
    code = data.verification_code
    document = new_document(landscape=True)
    title = f"{OFFICE_TITLE} {me.office_name} " + d(period_label(data))  # the PDF's running header
    page_furniture(document, title, f"รหัสตรวจสอบข้อมูล {code}", thai_digits=thai_digits)
    paragraph(document, OFFICE_TITLE, bold=True, size=TITLE_PT, center=True)
    paragraph(document, f"ตาม{PLAN_TITLE}", center=True)
    paragraph(document, d(f"ประจำปีงบประมาณ พ.ศ. {data.fiscal_year}"), center=True)
    for label, value in (("หน่วยงาน", me.office_name), ("ผลการดำเนินงาน", data.period_title or d.quarter(data.fiscal_year, q)),
                         ("วันที่รายงาน", d.date(data.today))):
        add_runs(paragraph(document, label, bold=True), " " + value)
    if getattr(data, "round_id", ""):  # a round's report: its สรุปผลสัมฤทธิ์ and chart first, as the PDF's
        from reportlab.platypus import PageBreak

        from .figures_section import office_figures
        from .layout import frame_width

        put_story(document, [*office_figures(data.items, [_standing(i, q) for i in data.items], d, frame_width(True),
                                             data.thresholds), PageBreak()])
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
    in_round = bool(getattr(data, "round_id", ""))
    table(document, headers(q, d, in_round), rows, [usable * w / sum(WEIGHTS) for w in WEIGHTS], total_rows=1)
    paragraph(document, _summary(data.items, q, d, in_round), space_before_pt=6)
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
    """The provincial report as an editable Word file with its PDF's content: the PDF's story
    (reports/province.py's :func:`province_story`) put into Word by :func:`put_story`: the summary, the figures
    ("ดำเนินการแล้ว x จาก y ตัวชี้วัด", the budget per activity, strategy and province), the charts (their bars as
    pictures, their labels as text), the offices that have not reported, the timeliness, the problems and
    suggestions per strategy, the per-row tables with each office's result and band, and the signature blocks;
    the PDF's page header and footer."""
    from .province import province_story

    story, title, decor = province_story(data, thai_digits=thai_digits)
    document = new_document(landscape=True)
    page_furniture(document, decor.header, decor.footer_left, thai_digits=thai_digits)
    put_story(document, story)
    save(document, out)
    return ReportResult(out if isinstance(out, Path) else None, 0, title)


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
