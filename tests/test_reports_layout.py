"""Page layout of the reports with content as long as the app accepts: rows split across pages with
"(ต่อ)", the header only at a page top, signatures kept with the end of the table, no glyph across a
rule, a Thai message (and no file) when a report cannot be laid out.

The office databases with long notes are built once per module (they render many pages).

Regenerate the golden cell images (after checking them by eye) with
``TRAT_UPDATE_GOLDEN=1 python3 -m pytest tests/test_reports_layout.py -k golden``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from trat_desktop.domain.identity import Identity
from trat_desktop.domain.progress import MAX_NOTE
from trat_desktop.services import PlanService, ProgressService

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None and not os.environ.get("CI"),
                                reason="poppler-utils (pdftotext) not installed; CI installs it and never skips")

GOLDEN = Path(__file__).resolve().parent / "golden"
MARK_WORDS = ["ที่", "นี้", "ปั้น", "น้ำ", "ผู้", "ญู", "ฐุ", "ป่า", "ฟ้า", "ปี่"]
OFFICE = "สำนักงานจังหวัดตราด"  # 17 indicator rows in FY2569
HEADER_CELL = "กิจกรรม / ตัวชี้วัด"
NOTE = ("จัดประชุมชี้แจงแนวทางการดำเนินงานให้แก่ข้าราชการพลเรือนและเจ้าหน้าที่ในสังกัด ณ ห้องประชุมศาลากลางจังหวัดตราด "
        "มีผู้เข้าร่วม ๑๒๐ คน พร้อมประชาสัมพันธ์ผ่านเพจเฟซบุ๊กของสำนักงานและกลุ่มไลน์ ดำเนินการตามแผนที่กำหนดไว้ "
        "ผู้เข้าร่วมมีความรู้ความเข้าใจเพิ่มขึ้นร้อยละ ๘๕ จากแบบประเมินก่อนและหลังการอบรม ปั้นสื่อ น้ำใจ ผู้ใหญ่บ้าน ")


def clock() -> dt.datetime:
    return dt.datetime(2026, 2, 10, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _office(path: Path, note_length: int, rows: int | None = None) -> tuple[PlanService, ProgressService]:
    service = PlanService.open(path)
    progress = ProgressService(service, clock=clock)
    progress.set_identity(Identity(role="office", office_name=OFFICE, reporter_name="นางสาวสมหญิง ตั้งใจทำงาน",
                                   reporter_position="นักวิเคราะห์นโยบายและแผนชำนาญการ", head_name="นายปั้น น้ำใจดี",
                                   head_position="หัวหน้าสำนักงานจังหวัดตราด"))
    for n, item in enumerate(progress.work_items()[:rows]):
        if 2 not in item.quarters():
            continue
        note = (NOTE * 40)[:note_length + (n * 37) % 60] if note_length else ""
        value = "3" if item.unit.strip() == "ระดับ" else "80" if item.unit.strip() == "ร้อยละ" else "5"
        progress.set_progress(item, 2, achieved=value, spent="12500", status="กำลังดำเนินการ", note=note[:MAX_NOTE])
    return service, progress


def pages_text(pdf: Path, tool: str = "pdftotext") -> list[str]:
    if tool == "pdftotext":
        out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
        return out.split("\f")[:-1]
    out = subprocess.run(["mutool", "draw", "-F", "txt", str(pdf)], capture_output=True, check=True).stdout.decode()
    return out.split("\f")


@pytest.fixture(scope="module")
def long_notes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The office report of an office whose every note is as long as the app accepts (4,000 characters)."""
    from trat_desktop.services.reports import office_report

    folder = tmp_path_factory.mktemp("long")
    service, progress = _office(folder / "o.sqlite3", MAX_NOTE)
    result = office_report(progress, folder / "office.pdf", quarter=2)
    service.close()
    return folder / "office.pdf", result.pages


@pytest.fixture(scope="module")
def realistic_notes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """The office report with notes of about 300 characters on every row due in quarter 2."""
    from trat_desktop.services.reports import office_report

    folder = tmp_path_factory.mktemp("real")
    service, progress = _office(folder / "o.sqlite3", 300)
    rows = sum(1 for i in progress.work_items() if 2 in i.quarters())
    result = office_report(progress, folder / "office.pdf", quarter=2)
    service.close()
    return folder / "office.pdf", result.pages, rows


def test_notes_as_long_as_the_app_accepts_print(long_notes: tuple[Path, int]) -> None:
    pdf, pages = long_notes
    texts = pages_text(pdf)
    assert len(texts) == pages > 5
    joined = "".join(texts)
    assert joined.count("(ต่อ)") >= 5  # notes continue on the next page, and say so
    for n, page in enumerate(texts, start=1):
        # the column header once per page, at the top of the table (above every row of the page)
        assert page.count(HEADER_CELL) == 1, f"page {n}"
        body = page.split(HEADER_CELL, 1)
        assert "ผลการดำเนินงาน / หมายเหตุ" not in body[0] and "(ต่อ)" not in body[0], f"page {n}"
        lines = [ln for ln in body[1].splitlines() if ln.strip()]
        assert lines and not lines[0].strip().startswith("(บาท)") or len(lines) > 3, f"page {n} has no table content"
    # the signatures share their page with the end of the table
    last = texts[-1]
    assert "ผู้รายงาน" in last and "รวม" in last and HEADER_CELL in last
    assert "ผู้รายงาน" not in "".join(texts[:-1])


def test_a_page_holds_about_four_rows_with_realistic_notes(realistic_notes: tuple[Path, int, int]) -> None:
    pdf, pages, rows = realistic_notes
    assert rows >= 10
    assert pages <= -(-rows // 3), f"{rows} rows take {pages} pages"
    texts = pages_text(pdf)
    for n, page in enumerate(texts, start=1):
        assert page.count(HEADER_CELL) == 1, f"page {n}"
    assert "ผู้รายงาน" in texts[-1] and "รวม" in texts[-1]


def test_a_one_row_report_takes_one_page(tmp_path: Path) -> None:
    from trat_desktop.services.reports import office_report

    service, progress = _office(tmp_path / "o.sqlite3", 300, rows=1)
    # an office whose plan has only one row: keep one row in the report
    items = progress.work_items()[:1]
    progress.work_items = lambda *a, **k: items  # type: ignore[method-assign]
    result = office_report(progress, tmp_path / "one.pdf", quarter=2)
    service.close()
    assert result.pages == 1


def test_every_extractor_finds_the_thai(realistic_notes: tuple[Path, int, int]) -> None:
    """poppler (pdftotext), MuPDF (mutool) and a pdf.js-like reader (pypdf) find the Thai as written."""
    import pypdf

    pdf, _pages, _rows = realistic_notes
    texts = {"pdftotext": "".join(pages_text(pdf)),
             "pypdf": "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)}
    if shutil.which("mutool") or os.environ.get("CI"):
        texts["mutool"] = "".join(pages_text(pdf, "mutool"))
    for tool, text in texts.items():
        flat = re.sub(r"\s+", " ", text)
        for word in ("สำนักงานจังหวัดตราด", "ดำเนินการ", "น้ำใจ", "ผู้ใหญ่บ้าน", "ประชาสัมพันธ์", "เจ้าหน้าที่",
                     "ตามแผนปฏิบัติการ", "ปั้นสื่อ"):
            assert word in flat, f"{tool}: {word}"
        assert "\ufffd" not in flat and not re.search("[\ue000-\uf8ff\U000f0000-\U000fffff]", flat), tool


def test_a_report_that_cannot_be_laid_out_says_so_in_thai(tmp_path: Path) -> None:
    from reportlab.platypus import Spacer

    from trat_desktop.errors import TratError
    from trat_desktop.reports.layout import PageDecor, build_pdf

    out = tmp_path / "big.pdf"
    with pytest.raises(TratError) as caught:
        build_pdf(out, [Spacer(10, 2000)], is_landscape=True, decor=PageDecor(), title="ทดสอบ")
    assert "จัดหน้ารายงาน" in caught.value.message
    assert list(tmp_path.iterdir()) == []  # no partial file under the name, nor beside it


# --- the grid --------------------------------------------------------------------------------------

def _mark_grid(path: Path, text_colour: object = None, rule: object = None) -> None:
    """The ten words with stacked marks, each in the first line of a ruled cell (2 rows of 5)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    from trat_desktop.reports.grid import Cell, Grid, Row
    from trat_desktop.reports.layout import build_pdf, PageDecor
    from trat_desktop.reports.typeset import STYLES, ThaiParagraph

    style = ParagraphStyle("golden", parent=STYLES["cell"], textColor=text_colour or colors.black)
    rows = [Row([Cell([ThaiParagraph(w, style)]) for w in MARK_WORDS[i:i + 5]]) for i in (0, 5)]
    build_pdf(path, [Grid([60] * 5, rows, rule=rule or colors.black)], is_landscape=False, decor=PageDecor(),
              title="marks")


def _raster(pdf: Path, tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-x", "354", "-y", "295", "-W", "1260",
                    "-H", "170", str(pdf), str(tmp_path / name)], check=True)
    return Image.open(tmp_path / f"{name}.png").convert("L")


def test_no_glyph_crosses_a_rule(tmp_path: Path) -> None:
    """Text drawn alone and rules drawn alone never share an inked pixel (at 300 dpi)."""
    from reportlab.lib import colors

    _mark_grid(tmp_path / "text.pdf", rule=colors.white)
    _mark_grid(tmp_path / "rules.pdf", text_colour=colors.white)
    text = _raster(tmp_path / "text.pdf", tmp_path, "text")
    rules = _raster(tmp_path / "rules.pdf", tmp_path, "rules")
    ink = [i for i, v in enumerate(text.tobytes()) if v < 160]
    ruled = {i for i, v in enumerate(rules.tobytes()) if v < 160}
    assert len(ink) > 2000 and len(ruled) > 2000  # both were drawn in the crop
    assert not [i for i in ink if i in ruled]


def test_golden_images_of_marks_in_ruled_cells(tmp_path: Path) -> None:
    from PIL import Image, ImageChops

    _mark_grid(tmp_path / "grid.pdf")
    image = _raster(tmp_path / "grid.pdf", tmp_path, "grid")
    golden = GOLDEN / "marks-in-cells.png"
    if os.environ.get("TRAT_UPDATE_GOLDEN"):
        image.save(golden, optimize=True)
    expected = Image.open(golden).convert("L")
    assert expected.size == image.size
    diff = ImageChops.difference(expected, image)
    assert sum(diff.histogram()[64:]) / (image.width * image.height) < 0.004


def test_a_row_taller_than_a_page_splits_with_a_continuation_mark(tmp_path: Path) -> None:
    """40 agencies in one cell, a 4,000-character text beside it: the row runs over pages."""
    from trat_desktop.reports.grid import Grid, Row, cell
    from trat_desktop.reports.layout import PageDecor, build_pdf

    agencies = "\n".join(f"- สำนักงานทดสอบที่ {n} จังหวัดตราด" for n in range(1, 41))
    rows = [Row([cell(f"แถว {n}"), cell(agencies if n == 2 else "สั้น"), cell((NOTE * 12)[:4000] if n == 2 else "")])
            for n in range(1, 4)]
    header = [Row([cell("ลำดับ", style="head"), cell("หน่วยงาน", style="head"), cell("รายละเอียด", style="head")])]
    out = tmp_path / "tall.pdf"
    pages = build_pdf(out, [Grid([60, 200, 440], rows, header)], is_landscape=True, decor=PageDecor(), title="t")
    texts = pages_text(out)
    assert pages == len(texts) >= 2
    for page in texts[1:]:
        assert page.count("ลำดับ") == 1 and "(ต่อ)" in page
    joined = "".join(texts)
    for n in range(1, 41):
        assert f"สำนักงานทดสอบที่ {n} จังหวัดตราด" in joined  # nothing lost at a split
    assert "แถว 3" in texts[-1]


def test_chart_axis_labels_sit_under_their_grid_lines() -> None:
    from reportlab.graphics.shapes import Drawing, Line
    from reportlab.platypus import Table

    from trat_desktop.reports.charts import BarRow, bar_chart

    chart = bar_chart([BarRow("ยุทธศาสตร์ที่ ๑", [0.4], "๔๐%")], ["รายงานแล้ว"], 700, ["๒๕%", "๕๐%", "๗๕%", "๑๐๐%"])
    bars = chart._cellvalues[0][1]
    ticks = chart._cellvalues[1][1]
    assert isinstance(bars, Drawing) and isinstance(ticks, Table)
    lines = sorted(x.x1 for x in bars.contents if isinstance(x, Line))[1:]  # the 25, 50, 75 and 100 % lines
    edges = [sum(ticks._colWidths[:i]) for i in range(len(ticks._colWidths) + 1)]
    centres = [(a + b) / 2 for a, b in zip(edges[1:], edges[2:])]
    assert [round(c, 3) for c in centres] == [round(x, 3) for x in lines]


def test_messy_notes_print_whole(tmp_path: Path) -> None:
    """Notes as people type them: blank lines and tabs, a long URL, Thai digits without a space,
    English, emoji, one 500-letter "word", a 119-line list. Nothing is lost, the header is once a page."""
    from trat_desktop.services.reports import office_report

    service = PlanService.open(tmp_path / "o.sqlite3")
    progress = ProgressService(service, clock=clock)
    progress.set_identity(Identity(role="office", office_name=OFFICE, reporter_name="ก" * 60,
                                   reporter_position="ข" * 120))
    url = "https://www.facebook.com/trat.province.ethics/posts/pfbid0123456789abcdefghijklmnopqrstuvwxyz"
    notes = ["บรรทัดแรก\n\n\nบรรทัดที่สี่\tมีแท็บ   และช่องว่าง", f"ดูที่ {url} และ LINE @trat",
             "๑๒๓๔๕๖๗๘๙๐" * 30, "The quick brown fox jumps over the lazy dog " * 20 + "😀🙏 ✓ “อ้างอิง” ๆ ฯลฯ",
             "ก" * 500, "\n".join(f"- รายการที่ {n} ดำเนินการแล้ว" for n in range(1, 120))]
    due = [i for i in progress.work_items() if 2 in i.quarters()]
    for n, item in enumerate(due):
        value = "3" if item.unit.strip() == "ระดับ" else "80" if item.unit.strip() == "ร้อยละ" else "5"
        progress.set_progress(item, 2, achieved=value, status="ยกเลิก" if n % 5 == 0 else "ดำเนินการแล้ว",
                              note=notes[n % len(notes)])
    result = office_report(progress, tmp_path / "messy.pdf", quarter=2)
    service.close()
    texts = pages_text(tmp_path / "messy.pdf")
    assert len(texts) == result.pages
    assert all(page.count(HEADER_CELL) == 1 for page in texts)
    flat = re.sub(r"\s", "", "".join(texts))
    for expected in (url, "รายการที่119ดำเนินการแล้ว", "๑๒๓๔๕๖๗๘๙๐" * 30, "ก" * 500, "ฯลฯ", "LINE@trat"):
        assert expected in flat, expected[:40]
    assert "ผู้รายงาน" in texts[-1] and "รวม" in texts[-1]
