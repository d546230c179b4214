"""How many pages the office report takes with realistic notes (about 300 characters, all different, see
tests/office_notes.py): a row's narrative under it across the whole width, ปัญหาอุปสรรค and ข้อเสนอแนะ side
by side, the closing (summary, signatures, QR) no taller than it must be.

With body text at Sarabun 9.5 pt (≈ TH SarabunPSK 14 pt, the smallest the house allows) on lines 12.4 points
apart a row with a 300-character note is about 90 points high; 16 of them, the heading and the closing take 4
landscape pages, 5 with short problems and suggestions too: a note may start the next page below its indicator
("(ต่อ)"), so the pages fill (docs/notes.md, Reports (issue 10))."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from office_notes import NOTES, PROBLEMS, SUGGESTIONS
from trat_desktop.domain.identity import Identity
from trat_desktop.services import PlanService, ProgressService

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None and not os.environ.get("CI"),
                                reason="poppler-utils (pdftotext) not installed; CI installs it and never skips")
HEADER_CELL = "กิจกรรม / ตัวชี้วัด"


def clock() -> dt.datetime:
    return dt.datetime(2026, 2, 10, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _report(folder: Path, *, short_problems: bool, rows: int = 16) -> tuple[Path, int, int]:
    from trat_desktop.services.reports import office_report

    service = PlanService.open(folder / "o.sqlite3")
    progress = ProgressService(service, clock=clock)
    progress.set_identity(Identity(role="office", office_name="สำนักงานจังหวัดตราด", reporter_name="นางสาวสมหญิง ตั้งใจทำงาน",
                                   reporter_position="นักวิเคราะห์นโยบายและแผนชำนาญการ", head_name="นายปั้น น้ำใจดี",
                                   head_position="หัวหน้าสำนักงานจังหวัดตราด"))
    due = [i for i in progress.work_items() if 2 in i.quarters()][:rows]
    for n, item in enumerate(due):
        extra = dict(problems=PROBLEMS[n % len(PROBLEMS)], suggestions=SUGGESTIONS[n % len(SUGGESTIONS)]) \
            if short_problems else {}
        progress.set_progress(item, 2, achieved="5", spent="12500", status="กำลังดำเนินการ", note=NOTES[n % len(NOTES)],
                              **extra)
    keep = {i.indicator_uid for i in due}
    items = [i for i in progress.work_items() if i.indicator_uid in keep]
    progress.work_items = lambda *a, **k: items  # type: ignore[method-assign]
    result = office_report(progress, folder / "office.pdf", quarter=2)
    service.close()
    return folder / "office.pdf", result.pages, len(items)


def _pages_text(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    return out.split("\f")[:-1]


@pytest.mark.parametrize("short_problems, most", [(False, 4), (True, 5)])
def test_sixteen_rows_with_realistic_notes(tmp_path: Path, short_problems: bool, most: int) -> None:
    pdf, pages, rows = _report(tmp_path, short_problems=short_problems)
    assert rows == 16 and all(len(n) >= 280 for n in NOTES) and len(set(NOTES)) == len(NOTES)
    assert pages <= most, f"16 rows take {pages} pages"
    texts = _pages_text(pdf)
    assert len(texts) == pages
    for n, page in enumerate(texts, start=1):
        assert page.count(HEADER_CELL) == 1, f"page {n}"  # every page holds table rows under its header
        assert len([ln for ln in page.split(HEADER_CELL, 1)[1].splitlines() if ln.strip()]) > 4, f"page {n}"
    last = texts[-1]
    assert "ผู้รายงาน" in last and "หัวหน้าส่วนราชการ" in last and "รวม" in last and "รหัสตรวจสอบข้อมูล" in last
    assert "ผู้รายงาน" not in "".join(texts[:-1])
    flat = " ".join("".join(texts).split())
    assert "ปัญหาอุปสรรค:" in flat if short_problems else "ปัญหาอุปสรรค:" not in flat


def test_one_row_with_its_note_takes_one_page(tmp_path: Path) -> None:
    _pdf, pages, rows = _report(tmp_path, short_problems=True, rows=1)
    assert rows == 1 and pages == 1


@pytest.mark.parametrize("round_id, name", [("h1", "รอบ ๖ เดือน"), ("y", "รอบ ๑๒ เดือน")])
def test_a_rounds_report_names_the_round_in_its_page_header(tmp_path: Path, round_id: str, name: str) -> None:
    """The running header of pages 2, 3, ... and the title block name the round, never "ไตรมาสที่ N/ปี"."""
    from trat_desktop.services.reports import write_report

    _report(tmp_path, short_problems=True)  # the database with 16 rows and their notes
    service = PlanService.open(tmp_path / "o.sqlite3")
    progress = ProgressService(service, clock=clock)
    result = write_report(progress, "office", tmp_path / "round.pdf", fiscal_year=2569, round_id=round_id)
    service.close()
    texts = _pages_text(tmp_path / "round.pdf")
    assert len(texts) == result.pages > 1
    assert result.title == f"แบบรายงานผลการดำเนินงาน สำนักงานจังหวัดตราด {name} ปีงบประมาณ ๒๕๖๙"
    for n, page in enumerate(texts[1:], start=2):
        top = [ln for ln in page.splitlines() if ln.strip()][0]
        assert name in top and "ไตรมาสที่" not in top, f"page {n}: {top.strip()}"
    first = " ".join(texts[0].split())
    assert f"ผลการดำเนินงาน {name} (" in first and "ไตรมาสที่" not in first.split("กิจกรรม / ตัวชี้วัด")[0]
    # "this quarter" means nothing under a round's name: the columns and the summary name the quarter shown
    quarter = {"h1": "๒", "y": "๔"}[round_id]
    flat = " ".join(" ".join(texts).split())
    assert "ใช้ไตรมาสนี้" not in flat and f"ใช้ไตรมาส {quarter}" in flat  # (the notes may say ไตรมาสนี้)
    assert "ต้องรายงานในไตรมาสนี้" not in flat and f"ต้องรายงานในไตรมาส {quarter}" in flat
