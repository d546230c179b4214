"""What the three reports share: Thai wording of quarters and dates, signature blocks, the QR code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain.reporting import NOT_DUE  # noqa: F401 (the one wording, in domain)
from ..domain.thai import digits, format_be_date, quarter_bounds
from .typeset import P, PR

PLAN_TITLE = "แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรมของจังหวัดตราด"
DOTS = "." * 42
DATE_DOTS = "........../........................../.........."
#: a PDF report that was written: where, how many pages, and the texts a test or a person checks
@dataclass
class ReportResult:
    path: Path | None
    pages: int
    title: str


class Thai:
    """The report's digit choice in one object: ``d('ไตรมาส 2')`` -> 'ไตรมาส ๒' when Thai digits are on.

    Every number and date of a report goes through here and the helpers of domain.thai / domain.display.
    """

    def __init__(self, thai_digits: bool = True) -> None:
        self.thai = thai_digits

    def __call__(self, text: object) -> str:
        return digits(str(text), self.thai)

    def date(self, day: dt.date) -> str:
        return format_be_date(day, self.thai)

    def quarter(self, fiscal_year: int, quarter: int | None) -> str:
        """'ไตรมาสที่ ๒ (๑ มกราคม – ๓๑ มีนาคม ๒๕๖๙)' or 'ทั้งปีงบประมาณ (...)'."""
        if quarter is None:
            start, _ = quarter_bounds(fiscal_year, 1)
            _, end = quarter_bounds(fiscal_year, 4)
            return f"ทั้งปีงบประมาณ ({self.date(start)} – {self.date(end)})"
        start, end = quarter_bounds(fiscal_year, quarter)
        return self(f"ไตรมาสที่ {quarter}") + f" ({self.date(start)} – {self.date(end)})"


def signature_block(role: str, name: str, position: str, date_text: str = "", org: str = "",
                    phone: str = "") -> list[Flowable]:
    """'ลงชื่อ ........ ผู้รายงาน' with name, position and date, centred, for signing by hand."""
    lines = [P(f"ลงชื่อ {DOTS} {role}", "body_center"),
             P(f"( {name} )" if name else f"( {DOTS} )", "body_center"),
             P(f"ตำแหน่ง {position}" if position else f"ตำแหน่ง {DOTS}", "body_center")]
    if org:
        lines.append(P(org, "body_center"))
    if phone:
        lines.append(P(f"โทรศัพท์ {phone}", "body_center"))
    lines.append(P(f"วันที่ {date_text}" if date_text else f"วันที่ {DATE_DOTS}", "body_center"))
    return lines


def signature_table(blocks: list[list[Flowable]], width: float) -> Table:
    """Signature blocks side by side (one row that is never split)."""
    col = width / len(blocks)
    t = Table([blocks], colWidths=[col] * len(blocks), hAlign="CENTER")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 4)]))
    return t


def signatures(blocks: list[list[Flowable]], width: float) -> Flowable:
    """Signature blocks side by side, kept on one page."""
    return KeepTogether([Spacer(1, 0.8 * cm), signature_table(blocks, width)])


def qr_drawing(data: str, size: float = 2.6 * cm) -> Drawing:
    """A QR code of *data* (no text in the drawing: the code is printed beside it as a shaped paragraph)."""
    widget = QrCodeWidget(data, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), -x0, -y0])
    drawing.add(widget)
    return drawing


def bold_line(label: str, value: str, style: str = "body") -> Flowable:
    """'<b>label</b> value' as a shaped paragraph."""
    return PR([(label, True), (" " + value, False)], style)
