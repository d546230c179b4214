"""ใบตอบรับ: the centre's printable receipt for an office's files, for the paper file beside the signed
report: every file received (its sequence, time, status, counts and verification code), the review of
each round, and the comments. Built from plain data (:class:`ReceiptData`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from ..domain.identity import COORDINATOR_NAME
from ..domain.rounds import REVIEW_TEXT, ROUND_NAMES
from .common import PLAN_TITLE, ReportResult, Thai, bold_line, signature_block, signatures
from .grid import simple_grid
from .layout import PageDecor, build_pdf, frame_width, scale_widths
from .typeset import P

TITLE = "ใบตอบรับรายงานผลการดำเนินงาน"
STATUS_TEXT = {"imported": "นำเข้าแล้ว", "unchanged": "ไม่มีการเปลี่ยนแปลง", "stale": "ฉบับเก่ากว่าที่มีอยู่",
               "conflict": "นำเข้าแล้ว มีค่าที่ต้องตรวจสอบ", "rejected": "ไม่รับ"}


@dataclass(frozen=True)
class ReceiptData:
    fiscal_year: int
    office_name: str
    today: dt.date
    files: list[dict[str, Any]]          # sequence, file_name, imported_at, status, counts, code
    reviews: list[dict[str, Any]]        # round_id, state, comment, at
    comments: list[dict[str, Any]]       # where, text, answer
    signer_name: str = ""
    signer_position: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _when(text: str, d: Thai) -> str:
    try:
        at = dt.datetime.fromisoformat(text)
    except ValueError:
        return d(text)
    return d.date(at.date()) + d(f" เวลา {at:%H.%M} น.")


def receipt_story(data: ReceiptData, *, thai_digits: bool = True) -> tuple[list[Flowable], str, PageDecor]:
    d = Thai(thai_digits)
    width = frame_width(False)
    story: list[Flowable] = [
        P(TITLE, "title"),
        P(f"ตาม{PLAN_TITLE}", "subtitle"),
        P(d(f"ประจำปีงบประมาณ พ.ศ. {data.fiscal_year}"), "subtitle"),
        Spacer(1, 0.3 * cm),
        bold_line("จาก", COORDINATOR_NAME),
        bold_line("ถึง", data.office_name),
        bold_line("วันที่", d.date(data.today)),
        Spacer(1, 0.2 * cm),
        P(f"{COORDINATOR_NAME}ได้รับไฟล์รายงานผลการดำเนินงานของ{data.office_name}ดังนี้", "body"),
    ]
    if data.files:
        rows = [[P(d(f["sequence"]), "cell_center"), P(_when(f["imported_at"], d), "cell"),
                 P(STATUS_TEXT.get(f["status"], f["status"]), "cell"), P(d(f["counts"]), "cell"),
                 P(f.get("code", ""), "cell")] for f in data.files]
        story.append(simple_grid(["ฉบับที่", "วันเวลาที่ได้รับ", "สถานะ", "จำนวนรายการ", "รหัสตรวจสอบ"], rows,
                                 scale_widths([40, 120, 110, 150, 90], width)))
    else:
        story.append(P("ยังไม่ได้รับไฟล์ใดจากหน่วยงานนี้", "body"))
    story += [Spacer(1, 0.3 * cm), P("ผลการตรวจรายงาน", "heading")]
    latest: dict[str, dict[str, Any]] = {}
    for r in data.reviews:
        latest[r["round_id"]] = r
    if latest:
        rows = [[P(ROUND_NAMES[k], "cell"), P(REVIEW_TEXT.get(r["state"], r["state"]), "cell"),
                 P(_when(r["at"], d), "cell"), P(r.get("comment", ""), "cell")] for k, r in latest.items()]
        story.append(simple_grid(["รอบรายงาน", "ผลการตรวจ", "เมื่อ", "ความเห็น"], rows,
                                 scale_widths([90, 110, 120, 190], width)))
    else:
        story.append(P("ยังไม่ได้ตรวจรายงาน", "body"))
    if data.comments:
        story += [Spacer(1, 0.3 * cm), P("ความเห็นต่อรายการ", "heading")]
        rows = [[P(d(c["where"]), "cell"), P(c["text"], "cell"), P(c.get("answer") or "ยังไม่ได้ตอบ", "cell")]
                for c in data.comments]
        story.append(simple_grid(["ตัวชี้วัด / ไตรมาส", "ความเห็นของศูนย์ฯ", "คำตอบของหน่วยงาน"], rows,
                                 scale_widths([120, 200, 190], width)))
    story.append(signatures([signature_block("ผู้ตอบรับ", data.signer_name, data.signer_position, d.date(data.today),
                                             org=COORDINATOR_NAME)], width))
    title = f"{TITLE} {data.office_name} " + d(f"ปีงบประมาณ {data.fiscal_year}")
    return story, title, PageDecor(header=title, footer_left=COORDINATOR_NAME, thai_digits=thai_digits)


def write_receipt(data: ReceiptData, out: Path | str | BinaryIO, *, thai_digits: bool = True,
                  on_progress: Callable[[int], None] | None = None) -> ReportResult:
    story, title, decor = receipt_story(data, thai_digits=thai_digits)
    pages = build_pdf(out, story, is_landscape=False, decor=decor, title=title, subject=PLAN_TITLE,
                      on_progress=on_progress)
    return ReportResult(out if isinstance(out, Path) else None, pages, title)
