"""The ITA evidence set (ชุดหลักฐาน ITA) of one reporting round: the บันทึกข้อความ and the แบบฟอร์มการเผยแพร่ข้อมูล
ต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน, as A4 PDFs in the Thai official layout and as Word files. (The round's report,
the set's second document, is the office or provincial report itself: :mod:`.office`, :mod:`.province`.)

* **บันทึกข้อความ** in the form of แบบที่ ๒๙ of the ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ: the heading large and
  bold, ส่วนราชการ / ที่ / วันที่ / เรื่อง on dotted lines, เรียน, the body (paragraphs indented 2.5 cm) asking the
  head to acknowledge the round's report and to allow publishing it on the website as ITA (OIT) evidence,
  the officer's signature, and the head's order "ทราบ / อนุญาต" with its signature, name, position and date.
  No Garuda image (the form allows the heading alone).
* **แบบฟอร์มการเผยแพร่ข้อมูล**: a ruled table (ชื่อหน่วยงาน, วัน/เดือน/ปี, หัวข้อ, รายละเอียดข้อมูล (สรุปสาระสำคัญ),
  Link ภายนอก, หมายเหตุ) and three signature blocks: ผู้รับผิดชอบการให้ข้อมูล, ผู้อนุมัติรับรอง,
  ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่.

Sizes: the reports' body is Sarabun 11 pt, which reads like TH SarabunPSK 16 pt (the size of Thai letters);
the heading is 20 pt (TH SarabunPSK 29 pt) and the labels 13.5 pt (TH SarabunPSK 20 pt), as แบบที่ ๒๙ has them.
The Word files use TH SarabunPSK 16 / 20 / 29 pt. Built from plain data (:class:`ItaData`); no services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain.figures import GroupFigures
from ..domain.identity import COORDINATOR_NAME
from ..domain.ita import People
from ..domain.thai import format_baht
from .common import PLAN_TITLE, ReportResult, Thai
from .grid import Grid, Row, cell
from .layout import PageDecor, build_pdf, frame_width, scale_widths
from .typeset import FONT_BOLD, PR, STYLES, P, ThaiParagraph, text_width

MEMO_TITLE = "บันทึกข้อความ"
FORM_TITLE = "แบบฟอร์มการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน"
ITA_NAME = "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA)"
SUBTITLE = "ประกอบการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)"
OIT_NAME = "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT)"
BLANK = "." * 38
DATE_BLANK = "........../................../.........."
FORM_DATE_BLANK = "วันที่ ........ เดือน ........................ พ.ศ. ..........."
INDENT = 2.5 * cm  # ย่อหน้า: 2.5 cm from the left margin

HEADING_SIZE = 20.0   # TH SarabunPSK 29 pt
LABEL_SIZE = 13.5     # TH SarabunPSK 20 pt


def _derive(name: str, parent: str, **changes: Any) -> ParagraphStyle:
    return ParagraphStyle(f"ita_{name}", parent=STYLES[parent], **changes)


_STYLES = {
    "heading": _derive("heading", "body", fontName=FONT_BOLD, fontSize=HEADING_SIZE, leading=HEADING_SIZE * 1.3,
                       alignment=TA_CENTER),
    "label": _derive("label", "body", fontName=FONT_BOLD, fontSize=LABEL_SIZE, leading=LABEL_SIZE * 1.3),
    "paragraph": _derive("paragraph", "body", firstLineIndent=INDENT, spaceBefore=6),
    "form_title": _derive("form_title", "body", fontName=FONT_BOLD, fontSize=LABEL_SIZE, leading=LABEL_SIZE * 1.35,
                          alignment=TA_CENTER),
}


def _p(text: str, style: str) -> ThaiParagraph:
    return ThaiParagraph(text, _STYLES[style]) if style in _STYLES else P(text, style)


@dataclass(frozen=True)
class ItaData:
    """What the memo and the publication form print (gathered by services/reports.py)."""

    kind: str                 # "office" (an office's set) or "province" (the coordinator's)
    fiscal_year: int
    round_id: str
    round_name: str           # 'รอบ ๖ เดือน'
    round_start: dt.date
    round_end: dt.date
    today: dt.date
    office_name: str          # the agency (or the centre) that publishes
    letterhead: str           # ส่วนราชการ as on the memo's head
    doc_prefix: str           # 'ตร ๐๐๑๗.๒/' ('' = a blank to fill in)
    website: str
    people: People
    figures: GroupFigures     # the round's figures over this installation's rows (domain/figures.py)
    report_file: str          # the set's second document, named in the memo and the form
    offices: int = 0          # the province: offices responsible for rows
    verification_code: str = ""

    @property
    def report_name(self) -> str:
        return ("แบบรายงานผลการดำเนินงาน" if self.kind == "office"
                else "รายงานผลการดำเนินงานภาพรวมจังหวัด")


# --- the words, shared by the PDF and the Word file ------------------------------------------------------

def _period(data: ItaData, d: Thai) -> str:
    return f"{d.date(data.round_start)} – {d.date(data.round_end)}"


def subject(data: ItaData, d: Thai) -> str:
    return d(f"ขออนุญาตเผยแพร่รายงานผลการดำเนินงานตาม{PLAN_TITLE} {data.round_name} "
             f"ประจำปีงบประมาณ พ.ศ. {data.fiscal_year} บนเว็บไซต์ของหน่วยงาน")


def topic(data: ItaData, d: Thai) -> str:
    return d(f"รายงานผลการดำเนินงานตาม{PLAN_TITLE} {data.round_name} ประจำปีงบประมาณ พ.ศ. {data.fiscal_year}")


def addressee(data: ItaData) -> str:
    return data.people.head_position or "หัวหน้าส่วนราชการ"


def figures_text(data: ItaData, d: Thai) -> str:
    """'ตัวชี้วัดที่รับผิดชอบ ๑๖ รายการ รายงานผลแล้ว ๑๒ รายการ (ร้อยละ ๗๕) บรรลุเป้าหมาย ๘ รายการ ใช้งบประมาณ …'."""
    f = data.figures
    pct = f.reported_pct
    text = (f"ตัวชี้วัดที่{'รับผิดชอบ' if data.kind == 'office' else 'ต้องรายงาน (ตัวชี้วัด × หน่วยงาน)'} "
            f"{f.items:,} รายการ รายงานผลแล้ว {f.reported:,} รายการ"
            + (f" (ร้อยละ {pct:.0f})" if pct is not None else "")
            + f" บรรลุเป้าหมาย {f.on_target:,} รายการ")
    if f.allocated_satang:
        share = f.disbursed_pct
        text += (f" งบประมาณ {format_baht(f.allocated_satang / 100)} บาท ใช้ไปแล้ว {format_baht(f.spent_satang / 100)} บาท"
                 + (f" (ร้อยละ {share:.1f})" if share is not None else ""))
    return d(text)


def memo_paragraphs(data: ItaData, d: Thai) -> list[str]:
    """The memo's body: what was done, what is asked, the closing line."""
    year = data.fiscal_year
    if data.kind == "office":
        first = (f"ตามที่จังหวัดตราดได้จัดทำ{PLAN_TITLE} ประจำปีงบประมาณ พ.ศ. {year} และ{data.office_name}"
                 "เป็นหน่วยงานที่รับผิดชอบดำเนินการตามแผนดังกล่าว โดยรายงานผลการดำเนินงานต่อศูนย์ปฏิบัติการต่อต้าน"
                 "การทุจริตจังหวัดตราดตามรอบที่กำหนด นั้น")
        second = (f"บัดนี้ {data.office_name}ได้จัดทำรายงานผลการดำเนินงานตามแผนดังกล่าว {data.round_name} "
                  f"({_period(data, d)}) เรียบร้อยแล้ว โดยมี{figures_text(data, d)} รายละเอียดตาม{data.report_name}ที่แนบมาพร้อมนี้")
    else:
        first = (f"ตามที่จังหวัดตราดได้จัดทำ{PLAN_TITLE} ประจำปีงบประมาณ พ.ศ. {year} โดยมี{COORDINATOR_NAME}"
                 "เป็นหน่วยงานประสานและติดตามผลการดำเนินงานของหน่วยงานที่รับผิดชอบ นั้น")
        second = (f"บัดนี้ {COORDINATOR_NAME}ได้รวบรวมผลการดำเนินงานของหน่วยงานที่รับผิดชอบ"
                  + (f" {data.offices:,} หน่วยงาน" if data.offices else "")
                  + f" และจัดทำรายงานผลการดำเนินงานภาพรวมจังหวัด {data.round_name} ({_period(data, d)}) เรียบร้อยแล้ว "
                  f"โดยมี{figures_text(data, d)} รายละเอียดตาม{data.report_name}ที่แนบมาพร้อมนี้")
    third = (f"เพื่อให้การดำเนินงานเป็นไปตามหลักเกณฑ์{ITA_NAME} ประจำปีงบประมาณ พ.ศ. {year} "
             f"ตัวชี้วัดการเปิดเผยข้อมูล ตาม{OIT_NAME} จึงขออนุญาตนำ{data.report_name} {data.round_name} "
             "ดังกล่าวเผยแพร่ต่อสาธารณะบนเว็บไซต์" + (f" {data.website}" if data.website else "ของหน่วยงาน"))
    closing = "จึงเรียนมาเพื่อโปรดทราบ และพิจารณาอนุญาต"
    return [d(first), d(second), d(third), closing]


def form_rows(data: ItaData, d: Thai) -> list[tuple[str, str]]:
    """The publication form's table: (label, value)."""
    detail = (f"{data.report_name} {data.round_name} ({_period(data, d)}) ตาม{PLAN_TITLE} "
              f"ประจำปีงบประมาณ พ.ศ. {data.fiscal_year} ของ{data.office_name} สรุปสาระสำคัญ: {figures_text(data, d)}")
    # the file's name and the code as they are (a name with Thai digits would not be the file's)
    note = d(f"ข้อมูลประกอบ{ITA_NAME} ตัวชี้วัดการเปิดเผยข้อมูล (OIT) เอกสารที่เผยแพร่: ") + data.report_file
    if data.verification_code:
        note += f" (รหัสตรวจสอบข้อมูล {data.verification_code})"
    return [
        ("ชื่อหน่วยงาน", data.office_name),
        ("วัน/เดือน/ปี", d.date(data.today)),
        ("หัวข้อ", topic(data, d)),
        ("รายละเอียดข้อมูล\n(สรุปสาระสำคัญ)", d(detail)),
        ("Link ภายนอก", data.website or BLANK),
        ("หมายเหตุ", note),
    ]


def doc_number(data: ItaData, d: Thai) -> str:
    """'ตร ๐๐๑๗.๒/' with a blank for the number the registry gives; a blank line when no prefix is set."""
    prefix = d(data.doc_prefix.strip())
    if not prefix:
        return BLANK
    return prefix + ("................" if prefix.endswith("/") else "")


# --- the PDF ---------------------------------------------------------------------------------------------

class FieldLine(Flowable):
    """'ส่วนราชการ  value' as the form prints it: a bold label at 13.5 pt, the value at body size on the
    same baseline, and a dotted line under the value to the right edge (under each of its lines)."""

    def __init__(self, label: str, value: str, label_style: str = "label", gap: float = 6.0) -> None:
        super().__init__()
        self.label = _p(label, label_style)
        self.value = P(value, "body")
        self.label_width = text_width(label, _STYLES[label_style].fontName, _STYLES[label_style].fontSize) + gap
        self.width = self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: N803
        self.width = avail_width
        _w, lh = self.label.wrap(self.label_width + 2, avail_height)
        _w, vh = self.value.wrap(max(avail_width - self.label_width, 30), avail_height)
        label_size, value_size = self.label.style.fontSize, self.value.style.fontSize
        lines = max(1, len(self.value.lines(max(avail_width - self.label_width, 30))))
        # both first baselines at the label's: the value box starts (label size - value size) lower
        self._value_drop = label_size - value_size
        self.height = max(lh, self._value_drop + max(vh, lines * self.value.style.leading)) + 2
        self._lines = lines
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        _w, lh = self.label.wrap(self.label_width + 2, self.height)
        self.label.drawOn(canvas, 0, self.height - lh)
        value_w = max(self.width - self.label_width, 30)
        _w, vh = self.value.wrap(value_w, self.height)
        top = self.height - self._value_drop
        self.value.drawOn(canvas, self.label_width, top - vh)
        canvas.saveState()
        canvas.setDash(0.6, 1.8)
        canvas.setLineWidth(0.6)
        leading = self.value.style.leading
        for n in range(self._lines):
            baseline = top - self.value.style.fontSize - n * leading
            canvas.line(self.label_width - 2, baseline - 2.2, self.width, baseline - 2.2)
        canvas.restoreState()


def _side_by_side(cells: list[Any], widths: list[float], valign: str = "TOP") -> Table:
    t = Table([cells], colWidths=widths, hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), valign), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return t


def _name_line(name: str) -> str:
    return f"( {name} )" if name else f"( {BLANK} )"


def memo_story(data: ItaData, *, thai_digits: bool = True) -> tuple[list[Flowable], str, PageDecor]:
    d = Thai(thai_digits)
    width = frame_width(False)
    people = data.people
    half = width / 2
    story: list[Flowable] = [
        _p(MEMO_TITLE, "heading"),
        Spacer(1, 0.25 * cm),
        FieldLine("ส่วนราชการ", d(data.letterhead)),
        _side_by_side([FieldLine("ที่", doc_number(data, d)), FieldLine("วันที่", d.date(data.today))],
                      [half - 0.3 * cm, half + 0.3 * cm]),
        FieldLine("เรื่อง", subject(data, d)),
        Spacer(1, 0.35 * cm),
        P(f"เรียน  {addressee(data)}", "body"),
    ]
    story += [_p(text, "paragraph") for text in memo_paragraphs(data, d)]
    signer = [Spacer(1, 1.3 * cm), P(_name_line(people.officer_name), "body_center"),
              P(people.officer_position or f"ตำแหน่ง {BLANK}", "body_center")]
    story.append(KeepTogether([_side_by_side(["", signer], [half - 1 * cm, half + 1 * cm])]))
    order = [P("ทราบ / อนุญาต", "body_center"), Spacer(1, 1.0 * cm),
             P(f"ลงชื่อ {BLANK}", "body_center"), P(_name_line(people.head_name), "body_center"),
             P(people.head_position or f"ตำแหน่ง {BLANK}", "body_center"),
             P(f"วันที่ {DATE_BLANK}", "body_center")]
    story.append(KeepTogether([Spacer(1, 0.6 * cm), _side_by_side([order, ""], [half, half])]))
    title = d(f"{MEMO_TITLE} {data.office_name} {data.round_name}/{data.fiscal_year}")
    return story, title, PageDecor(official=True, thai_digits=thai_digits)


def _form_block(role: str, name: str, position: str) -> list[Flowable]:
    return [PR([(role, True)], "body_center"), Spacer(1, 0.9 * cm), P(f"ลงชื่อ {BLANK}", "body_center"),
            P(_name_line(name), "body_center"),
            P(f"ตำแหน่ง {position}" if position else f"ตำแหน่ง {BLANK}", "body_center"),
            P(FORM_DATE_BLANK, "body_center")]


def form_story(data: ItaData, *, thai_digits: bool = True) -> tuple[list[Flowable], str, PageDecor]:
    d = Thai(thai_digits)
    width = frame_width(False)
    people = data.people
    widths = scale_widths([30, 70], width)
    rows = [Row([cell(PR([(label, True)], "body")), cell(value, style="body")]) for label, value in form_rows(data, d)]
    story: list[Flowable] = [
        _p(FORM_TITLE, "form_title"),
        P(SUBTITLE, "body_center"),
        P(d(f"ประจำปีงบประมาณ พ.ศ. {data.fiscal_year}"), "body_center"),
        Spacer(1, 0.4 * cm),
        Grid(widths, rows, padding=6.0, top_padding=4.0, bottom_padding=5.0),
        Spacer(1, 0.8 * cm),
    ]
    half = width / 2
    story.append(KeepTogether([
        _side_by_side([_form_block("ผู้รับผิดชอบการให้ข้อมูล", people.officer_name, people.officer_position),
                       _form_block("ผู้อนุมัติรับรอง", people.head_name, people.head_position)], [half, half]),
        Spacer(1, 0.7 * cm),
        _side_by_side(["", _form_block("ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่", people.publisher_name,
                                       people.publisher_position), ""], [half / 2, half, half / 2]),
    ]))
    title = d(f"{FORM_TITLE} {data.office_name} {data.round_name}/{data.fiscal_year}")
    return story, title, PageDecor(official=True, thai_digits=thai_digits)


def write_memo(data: ItaData, out: Path | str | BinaryIO, *, thai_digits: bool = True,
               on_progress: Callable[[int], None] | None = None) -> ReportResult:
    story, title, decor = memo_story(data, thai_digits=thai_digits)
    pages = build_pdf(out, story, is_landscape=False, decor=decor, title=title, subject=PLAN_TITLE,
                      on_progress=on_progress)
    return ReportResult(out if isinstance(out, Path) else None, pages, title)


def write_form(data: ItaData, out: Path | str | BinaryIO, *, thai_digits: bool = True,
               on_progress: Callable[[int], None] | None = None) -> ReportResult:
    story, title, decor = form_story(data, thai_digits=thai_digits)
    pages = build_pdf(out, story, is_landscape=False, decor=decor, title=title, subject=PLAN_TITLE,
                      on_progress=on_progress)
    return ReportResult(out if isinstance(out, Path) else None, pages, title)


# --- Word --------------------------------------------------------------------------------------------------

def write_memo_docx(data: ItaData, out: Path | str | BinaryIO, *, thai_digits: bool = True) -> ReportResult:
    """The memo as an editable Word file: TH SarabunPSK 29 / 20 / 16 pt, A4 with the PDF's margins."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt

    from .word import SIZE_PT, _document, _font, _para, _save

    d = Thai(thai_digits)
    people = data.people
    document = _document(landscape=False)
    _para(document, MEMO_TITLE, bold=True, size=29, center=True)

    def field(*parts: tuple[str, str], tab: float | None = None) -> None:
        paragraph = document.add_paragraph()
        if tab is not None:
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(tab), WD_TAB_ALIGNMENT.LEFT)
        for n, (label, value) in enumerate(parts):
            if n:
                paragraph.add_run("\t")
            _font(paragraph.add_run(label + " ")._r, 20, bold=True)
            _font(paragraph.add_run(value)._r, SIZE_PT)
        for run in paragraph.runs:
            if run.text == "\t":
                _font(run._r, SIZE_PT)

    field(("ส่วนราชการ", d(data.letterhead)))
    field(("ที่", doc_number(data, d)), ("วันที่", d.date(data.today)), tab=8.0)
    field(("เรื่อง", subject(data, d)))
    _para(document, "")
    _para(document, f"เรียน  {addressee(data)}")
    for text in memo_paragraphs(data, d):
        paragraph = _para(document, text)
        paragraph.paragraph_format.first_line_indent = Cm(2.5)
        paragraph.paragraph_format.space_before = Pt(6)
    for _ in range(2):
        _para(document, "")
    for line in (_name_line(people.officer_name), people.officer_position or f"ตำแหน่ง {BLANK}"):
        paragraph = _para(document, line)
        paragraph.paragraph_format.left_indent = Cm(8.0)
        paragraph.alignment = 1  # centre (of the right half)
    _para(document, "")
    for line in ("ทราบ / อนุญาต", "", f"ลงชื่อ {BLANK}", _name_line(people.head_name),
                 people.head_position or f"ตำแหน่ง {BLANK}", f"วันที่ {DATE_BLANK}"):
        paragraph = _para(document, line)
        paragraph.paragraph_format.right_indent = Cm(8.0)
        paragraph.alignment = 1  # centre (of the left half): the head's order
    _save(document, out)
    return ReportResult(out if isinstance(out, Path) else None, 0, MEMO_TITLE)


def write_form_docx(data: ItaData, out: Path | str | BinaryIO, *, thai_digits: bool = True) -> ReportResult:
    """The publication form as an editable Word file: the ruled table and the three signature blocks."""
    from docx.shared import Cm

    from .word import SIZE_PT, _document, _font, _para, _save, _signatures

    d = Thai(thai_digits)
    people = data.people
    document = _document(landscape=False)
    _para(document, FORM_TITLE, bold=True, size=20, center=True)
    _para(document, SUBTITLE, center=True)
    _para(document, d(f"ประจำปีงบประมาณ พ.ศ. {data.fiscal_year}"), center=True)
    _para(document, "")
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, (5.5, 10.5)):
        column.width = Cm(width)
    for label, value in form_rows(data, d):
        cells = table.add_row().cells
        for c, text, bold, width in ((cells[0], label.replace("\n", " "), True, 5.5), (cells[1], value, False, 10.5)):
            c.width = Cm(width)
            c.paragraphs[0].text = ""
            _font(c.paragraphs[0].add_run(text)._r, SIZE_PT, bold=bold)
    _para(document, "")
    _signatures(document, [("ผู้รับผิดชอบการให้ข้อมูล", people.officer_name, people.officer_position, ""),
                           ("ผู้อนุมัติรับรอง", people.head_name, people.head_position, "")])
    _para(document, "")
    _signatures(document, [("ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่", people.publisher_name, people.publisher_position, "")])
    _save(document, out)
    return ReportResult(out if isinstance(out, Path) else None, 0, FORM_TITLE)
