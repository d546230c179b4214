"""A4 pages as Thai official documents lay them out, with shaped headers, footers and page numbers."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from ..atomic import atomic_write
from ..domain.thai import digits
from ..errors import TratError
from .typeset import STYLES, P, install

#: Margins of Thai official documents (ระเบียบงานสารบรรณ): top 2.5 cm, left 3 cm (binding),
#: right and bottom 2 cm. Landscape pages keep the same margins.
MARGIN_TOP = 2.5 * cm
MARGIN_LEFT = 3.0 * cm
MARGIN_RIGHT = 2.0 * cm
MARGIN_BOTTOM = 2.0 * cm
FOOTER_Y = 1.0 * cm  # baseline area of the page number, inside the bottom margin
GRID = colors.Color(0.35, 0.35, 0.35)
SHADE = colors.Color(0.90, 0.92, 0.95)
SHADE_STRONG = colors.Color(0.80, 0.85, 0.91)


def page_size(is_landscape: bool) -> tuple[float, float]:
    return landscape(A4) if is_landscape else A4


def frame_width(is_landscape: bool) -> float:
    return page_size(is_landscape)[0] - MARGIN_LEFT - MARGIN_RIGHT


@dataclass
class PageDecor:
    """What every page carries besides the story: a running header and footer texts."""

    header: str = ""          # small text at the top of pages 2, 3, ...
    footer_left: str = ""     # e.g. the verification code
    thai_digits: bool = True
    #: a Thai official document (a memo, a form): no footer rule or "หน้า x/N"; from page 2 the page
    #: number centred at the top, "- ๒ -", as the ระเบียบงานสารบรรณ numbers a letter's pages
    official: bool = False

    def page_label(self, page: int, total: int) -> str:
        """'หน้า ๑/๕' (or 'หน้า 1/5')."""
        return digits(f"หน้า {page}/{total}", self.thai_digits)


def _draw_text(canvas: Canvas, text: str, style: str, x: float, y: float, width: float) -> None:
    """Draw shaped text with its first baseline near *y* (through a Paragraph, never drawString)."""
    para = P(text, style)
    _w, h = para.wrap(width, 100)
    para.drawOn(canvas, x, y - h + para.style.leading * 0.3)


def _canvas_class(decor: PageDecor) -> type[Canvas]:
    """A canvas that writes each page as it is finished, with 'หน้า x/N' drawn from a form that is
    filled in at the end, when N is known (no page is held back: a 1,400-page report stays small),
    and each page's content compressed as soon as it is complete."""

    class PagedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages_done = 0

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages_done += 1
            self._decorate(self._pages_done)
            Canvas.showPage(self)
            page = self._doc.Pages.pages[-1]
            stream = getattr(page, "stream", None)
            if stream and not page.Contents:
                compressed = PDFZCompress.encode(stream)
                page.Contents = PDFStream(PDFDictionary({"Filter": PDFArray([PDFName("FlateDecode")])}), compressed)
                page.stream = None

        def save(self) -> None:
            total = self._pages_done
            if decor.official:
                Canvas.save(self)
                return
            width, height = self._pagesize
            usable = width - MARGIN_LEFT - MARGIN_RIGHT
            for n in range(1, total + 1):
                self.beginForm(_label_form(n), 0, 0, width, height)
                _draw_text(self, decor.page_label(n, total), "small_right", MARGIN_LEFT, FOOTER_Y + 0.65 * cm, usable)
                self.endForm()
            Canvas.save(self)

        def _decorate(self, page: int) -> None:
            width, _height = self._pagesize
            usable = width - MARGIN_LEFT - MARGIN_RIGHT
            if decor.official:
                if page > 1:
                    top = self._pagesize[1] - MARGIN_TOP + 1.0 * cm
                    _draw_text(self, digits(f"- {page} -", decor.thai_digits), "body_center", MARGIN_LEFT, top, usable)
                return
            y = FOOTER_Y + 0.35 * cm
            self.saveState()
            self.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
            self.setLineWidth(0.4)
            self.line(MARGIN_LEFT, y + 0.45 * cm, width - MARGIN_RIGHT, y + 0.45 * cm)
            self.doForm(_label_form(page))
            if decor.footer_left:
                _draw_text(self, decor.footer_left, "small", MARGIN_LEFT, y + 0.3 * cm, usable * 0.75)
            if decor.header and page > 1:
                top = self._pagesize[1] - MARGIN_TOP + 0.9 * cm
                _draw_text(self, decor.header, "small_right", MARGIN_LEFT, top, usable)
            self.restoreState()

    return PagedCanvas


def _label_form(page: int) -> str:
    return f"TratPageLabel{page}"


def build_pdf(out: Path | str | BinaryIO, story: Sequence[Flowable], *, is_landscape: bool, decor: PageDecor,
              title: str, subject: str = "", on_progress: Callable[[int], None] | None = None) -> int:
    """Lay *story* out on A4 pages and write the PDF; returns the number of pages.

    *on_progress(page)* is called as each page is finished (for a progress bar). A path is written
    whole or not at all (:func:`trat_desktop.atomic.atomic_write`; a full disk gives a Thai message).
    """
    if isinstance(out, (str, Path)):
        with atomic_write(out, "ไฟล์รายงาน", make_folder=False) as tmp, open(tmp, "wb") as fh:
            return build_pdf(fh, story, is_landscape=is_landscape, decor=decor, title=title, subject=subject,
                             on_progress=on_progress)
    install()
    size = page_size(is_landscape)
    target: Any = out
    doc = BaseDocTemplate(
        target, pagesize=size, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author="Trat Desktop", subject=subject, creator="Trat Desktop",
        lang="th-TH",
    )
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, size[0] - MARGIN_LEFT - MARGIN_RIGHT,
                  size[1] - MARGIN_TOP - MARGIN_BOTTOM, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    pages = 0

    def page_done(_canvas: Canvas, _doc: Any) -> None:
        nonlocal pages
        pages += 1
        if on_progress is not None:
            on_progress(pages)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=page_done, pagesize=size)])
    try:
        doc.build(list(story), canvasmaker=_canvas_class(decor))
    except LayoutError as exc:  # (a path given: atomic_write above leaves no file under its name)
        raise ReportLayoutError(title) from exc
    return pages


class ReportLayoutError(TratError):
    """A report whose content cannot be laid out on A4 pages (Thai message, no traceback)."""

    def __init__(self, title: str) -> None:
        super().__init__(f"จัดหน้ารายงาน “{title}” ไม่ได้: มีข้อความหรือรายการในช่องหนึ่งยาวเกินกว่าจะพิมพ์ได้ "
                         "ไม่ได้เขียนไฟล์ใด กรุณาแจ้งผู้ดูแลโปรแกรมพร้อมรายงานนี้")


def pdf_bytes(story: Sequence[Flowable], **kwargs: Any) -> bytes:
    buffer = io.BytesIO()
    build_pdf(buffer, story, **kwargs)
    return buffer.getvalue()


def grid_style(extra: Sequence[tuple] = (), header_rows: int = 1) -> TableStyle:
    """Thin grid, top-aligned cells, a shaded header."""
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header_rows:
        commands += [("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE_STRONG),
                     ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE")]
    return TableStyle(commands + list(extra))


def table(rows: list[list[Any]], widths: Sequence[float], *, header_rows: int = 1, extra: Sequence[tuple] = (),
          repeat: bool = True) -> Table:
    t = Table(rows, colWidths=list(widths), repeatRows=header_rows if repeat else 0, hAlign="LEFT")
    t.setStyle(grid_style(extra, header_rows))
    return t


def scale_widths(weights: Sequence[float], total: float) -> list[float]:
    """Column widths proportional to *weights* that add up to *total*."""
    s = float(sum(weights))
    return [total * w / s for w in weights]


__all__ = ["PageDecor", "build_pdf", "pdf_bytes", "table", "grid_style", "frame_width", "scale_widths", "STYLES"]
