"""Reports saved as Word (.docx): real tables with repeating header rows, A4 with the PDF's margins,
TH SarabunPSK for Thai (w:cs and w:szCs set), signature blocks, the verification code, and the same
Thai words as the PDF of the same report (pdftotext); the format is picked by the file's extension,
on the command line too."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from exchange_helpers import EDUCATION, installation
from test_replies import OFFICE, _fill, world  # noqa: F401 - the replies' fixture (a centre with a receipt)
from test_gui_reports import boxes  # noqa: F401 - the message boxes recorded

from trat_desktop.reports import word
from trat_desktop.services.reports import write_report

ROOT = Path(__file__).resolve().parent.parent
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None and not os.environ.get("CI"),
                                     reason="needs poppler's pdftotext (CI installs it)")


def _texts(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def body_texts(path: Path) -> list[str]:
    """Every paragraph of the body in document order, those inside table cells included (a merged cell's
    text once), each line break a space: what a reader of the Word file sees, page furniture aside."""
    document = docx.Document(str(path))
    texts = []
    for p in document.element.body.iter(qn("w:p")):
        text = "".join(" " if n.tag in (qn("w:br"), qn("w:tab")) else (n.text or "")
                       for n in p.iter(qn("w:t"), qn("w:br"), qn("w:tab")))
        if text.strip():
            texts.append(text)
    return texts


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


def pdf_lines(path: Path) -> list[str]:
    """The PDF's text lines in drawing order (pdftotext -raw)."""
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return [line for line in out.splitlines() if line.strip()]


PAGE_LABEL = re.compile(r"หน้า\s*[0-9๐-๙]+/[0-9๐-๙]+")


def assert_same_words(docx_path: Path, pdf_path: Path, furniture: tuple[str, ...] = ()) -> None:
    """Word for word, both ways, whitespace and line breaks aside: every word the PDF prints is in the Word
    file, in a cell or paragraph of the same text, and every cell and paragraph of the Word file is printed
    in the PDF (a row the PDF splits over two pages may be in two pieces; a page's header, its number and
    the "(ต่อ)" of a row carried to the next page are page furniture)."""
    in_word = _squash("".join(body_texts(docx_path)))
    pdf = "\n".join(pdf_lines(pdf_path))
    pdf = PAGE_LABEL.sub(" ", pdf).replace("(ต่อ)", " ")
    for text in furniture:
        pdf = pdf.replace(text, " ")
    missing = [w for w in pdf.split() if _squash(w) not in in_word]
    assert not missing, f"in the PDF, not in the Word file: {missing[:10]}"
    printed = _squash(pdf)
    for text in body_texts(docx_path):
        rest, pieces = _squash(text), 0
        while rest:
            lo, hi = 0, len(rest)  # the longest prefix of *rest* the PDF prints (a prefix of a printed text is)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                lo, hi = (mid, hi) if rest[:mid] in printed else (lo, mid - 1)
            assert lo, f"in the Word file, not in the PDF: {text!r} (from {rest[:40]!r})"
            rest, pieces = rest[lo:], pieces + 1
        assert pieces <= 3, f"printed in {pieces} pieces: {text!r}"


def assert_word_layout(path: Path, landscape: bool) -> docx.Document:
    document = docx.Document(str(path))
    section = document.sections[0]
    assert {round(section.page_width.cm, 1), round(section.page_height.cm, 1)} == {21.0, 29.7}   # A4
    assert (section.page_width > section.page_height) == landscape
    assert [round(m.cm, 1) for m in (section.top_margin, section.left_margin, section.right_margin,
                                     section.bottom_margin)] == [2.5, 3.0, 2.0, 2.0]           # the PDF's margins
    for table in document.tables:
        first = table.rows[0]._tr
        if first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None:
            break
    else:
        raise AssertionError("no table with a repeating header row")
    runs = list(document.element.body.iter(qn("w:r")))
    assert runs
    for run in runs:
        if run.find(qn("w:t")) is None:
            continue
        fonts, size_cs = run.rPr.find(qn("w:rFonts")), run.rPr.find(qn("w:szCs"))
        assert fonts.get(qn("w:cs")) == word.FONT == fonts.get(qn("w:ascii")) and size_cs is not None
    normal = document.styles["Normal"].element.rPr
    assert normal.find(qn("w:szCs")).get(qn("w:val")) == "32"                                  # 16 pt for Thai
    assert normal.find(qn("w:rFonts")).get(qn("w:cs")) == "TH SarabunPSK"
    return document


def test_the_office_report_as_word(tmp_path):
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    item = next(i for i in office.progress.work_items() if 2 in i.quarters())
    office.progress.set_progress(item, 2, achieved="1" if item.unit != "ระดับ" else "3",
                                 result="จัดอบรมครู ๒ รุ่น", problems="งบประมาณไม่เพียงพอ")
    out = tmp_path / "รายงาน.docx"
    write_report(office.progress, "office", out, fiscal_year=2569, quarter=2)
    document = assert_word_layout(out, landscape=True)
    table = document.tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None    # repeats at each page top
    run = table.rows[1].cells[1].paragraphs[0].runs[0]._r
    fonts = run.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == "TH SarabunPSK" and run.rPr.find(qn("w:szCs")) is not None
    text = _texts(out)
    assert EDUCATION in text and "ผลการดำเนินงาน / หมายเหตุ: จัดอบรมครู ๒ รุ่น" in text and "ปัญหาอุปสรรค: งบประมาณไม่เพียงพอ" in text
    assert "ไตรมาสที่ ๒" in text and "ลงชื่อ" in text and "รหัสตรวจสอบข้อมูล" in text
    assert not list(tmp_path.glob(".*tmp*"))


def _png_size(blob: bytes) -> tuple[int, int]:
    assert blob[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(blob[16:20], "big"), int.from_bytes(blob[20:24], "big")


def test_the_provincial_report_as_word(tmp_path):
    """The whole PDF in Word: every section's heading, the figures sentence, the charts (bars as PNG pictures
    beside their labels as text), the per-row tables whose header rows repeat, the signature block."""
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    out = tmp_path / "province.docx"
    result = write_report(coordinator.progress, "province", out, fiscal_year=2569, round_id="h1")
    assert result.title.endswith("รอบ ๖ เดือน")
    document = assert_word_layout(out, landscape=True)
    texts = body_texts(out)
    joined = "\n".join(texts)
    for heading in ("๑. สรุปผลการดำเนินงานรายยุทธศาสตร์", "๒. ผลสัมฤทธิ์และการเบิกจ่ายงบประมาณ",
                    "๓. แผนภูมิความก้าวหน้ารายยุทธศาสตร์", "๔. หน่วยงานที่ยังรายงานไม่ครบ",
                    "๕. ปัญหาอุปสรรคและข้อเสนอแนะรายยุทธศาสตร์", "๖. ผลการดำเนินงานรายตัวชี้วัดและหน่วยงาน"):
        assert heading in texts
    assert "ภาพรวมจังหวัด: ดำเนินการแล้ว ๐ จาก" in joined and "รวมทั้งจังหวัด" in texts
    assert any(t.startswith("แผนภูมิที่ ๓ ยุทธศาสตร์ที่ ๑") for t in texts) and "ร้อยละความสำเร็จเฉลี่ย" in texts
    assert "ไม่มีหน่วยงานรายงานปัญหาอุปสรรคหรือข้อเสนอแนะ" in texts and "รวมทั้งสิ้นทุกยุทธศาสตร์" in joined
    assert any(t.startswith("ลงชื่อ") and t.endswith("ผู้รายงาน") for t in texts)
    pictures = [shape for shape in document.inline_shapes]
    assert len(pictures) > 30  # a bar picture per chart row and the legends' swatches
    blob = document.part.related_parts[pictures[0]._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    width, height = _png_size(blob)
    assert width > 4 * height > 0                                        # a row of bars, 4 pixels a point
    details = [t for t in document.tables if t.rows[0].cells[0].text == "หน่วยงานที่รับผิดชอบ"]
    assert len(details) == 5                                             # section ๖: one table per strategy
    for t in details:
        assert t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None   # repeated on every page
        assert t.rows[1].cells[0].text.startswith("ยุทธศาสตร์ที่ ") and len(t.rows[1]._tr.tc_lst) == 1  # a span


def test_a_drawing_becomes_a_png_of_its_shapes():
    """The charts' bars (a reportlab Drawing) drawn as a PNG, 4 pixels a point, where the PDF draws them;
    text in a drawing is refused (it would not be shaped)."""
    import io

    from PIL import Image
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib import colors

    drawing = Drawing(100, 20)
    drawing.add(Rect(0, 0, 50, 10, fillColor=colors.red, strokeColor=None))
    drawing.add(Line(75, 0, 75, 20, strokeColor=colors.blue, strokeWidth=1))
    image = Image.open(io.BytesIO(word.drawing_png(drawing))).convert("RGBA")
    assert image.size == (400, 80)
    assert image.getpixel((100, 60))[:3] == (255, 0, 0)                 # the bar, at the bottom left
    assert image.getpixel((100, 20))[3] == 0 and image.getpixel((250, 60))[3] == 0   # no ground
    assert image.getpixel((300, 10))[:3] == (0, 0, 255)                 # the grid line at 75 pt
    drawing.add(String(0, 0, "ไทย"))
    with pytest.raises(TypeError):
        word.drawing_png(drawing)


def test_the_office_round_report_as_word_has_its_figures(tmp_path):
    """A round's office report: สรุปผลสัมฤทธิ์ (x จาก y ตัวชี้วัด, the budget) and its chart first, as the PDF's,
    and the items table from the next page."""
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    item = next(i for i in office.progress.work_items() if 2 in i.quarters())
    office.progress.set_progress(item, 2, status="done", achieved="1" if item.unit != "ระดับ" else "3")
    out = tmp_path / "รอบ.docx"
    write_report(office.progress, "office", out, fiscal_year=2569, round_id="h1")
    document = assert_word_layout(out, landscape=True)
    texts = body_texts(out)
    assert texts.index("สรุปผลสัมฤทธิ์") < texts.index("กิจกรรม / ตัวชี้วัด")
    assert any(t.startswith("ดำเนินการแล้ว ") and " จาก " in t and "ตัวชี้วัด คิดเป็นร้อยละ" in t for t in texts)
    assert "แผนภูมิ ร้อยละความสำเร็จเฉลี่ยและร้อยละของตัวชี้วัดที่ดำเนินการแล้ว รายยุทธศาสตร์" in texts
    assert len(document.inline_shapes) >= 3                              # a strategy's bars and the legend
    breaks = [p for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert len(breaks) == 1                                              # the items table starts a page
    body = list(document.element.body)
    assert body[body.index(breaks[0]._p) + 1].tag == qn("w:tbl")


def test_the_plan_as_word(tmp_path):
    centre = installation(tmp_path / "c.sqlite3", "coordinator")
    out = tmp_path / "แผน.docx"
    result = write_report(centre.progress, "plan", out, fiscal_year=2569)
    assert result.path == out and "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙" in result.title
    document = assert_word_layout(out, landscape=True)
    tables = [t for t in document.tables if len(t.columns) == 9]
    assert len(tables) == 6  # one per strategy, and the grand total
    first = tables[0]
    for tr in first._tbl.tr_lst[:2]:                                      # both header rows repeat
        assert tr.trPr.find(qn("w:tblHeader")) is not None
    assert first._tbl.tr_lst[2].trPr.find(qn("w:tblHeader")) is None
    header = first.rows[0]._tr.tc_lst[2]                                  # เป้าหมายการดำเนินงาน over two columns
    assert header.tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "2"
    merges = [tr.tc_lst[0].tcPr.find(qn("w:vMerge")) for tr in first._tbl.tr_lst[2:]]
    assert merges[0].get(qn("w:val")) == "restart" and merges[1] is not None  # a tactic over its rows
    texts = body_texts(out)
    tactic = "๑. ส่งเสริมให้หน่วยงานสร้างการตระหนักรู้เพื่อรักษาและส่งเสริมจริยธรรม"
    assert texts.count(tactic) == 1  # once, over the rows it spans
    assert "รวมงบประมาณทั้งสิ้น" in texts and "๒๒๗,๖๕๐" in texts
    assert any(t.startswith("* เอกสารแผนระบุ") for t in texts)              # the stated totals that disagree
    arabic = tmp_path / "plan-arabic.docx"
    write_report(centre.progress, "plan", arabic, fiscal_year=2569, thai_digits=False)
    assert "227,650" in body_texts(arabic) and not any(re.search("[๐-๙]", t) for t in body_texts(arabic)[:2])


def test_the_receipt_as_word(world):  # noqa: F811 - the fixture
    from trat_desktop.services.exchange import ExchangeService
    from trat_desktop.services.rounds import ReviewService, RoundService

    office, _other, centre, folder = world
    _fill(office, 2)
    _, final = RoundService(office).submit(2569, "q2", folder=folder)
    ExchangeService(centre).import_files([final], trust_new=True)
    review = ReviewService(centre)
    item = next(i for i in centre.work_items(2569) if i.agency_name == OFFICE and 2 in i.quarters())
    review.comment(item.id, 2, "ขอภาพถ่ายกิจกรรมเพิ่ม", agency=OFFICE)
    review.set_state(OFFICE, 2569, "q2", "accept")
    code = ExchangeService(centre).ledger()[0]["content_code"]
    out = folder / "ใบตอบรับ.docx"
    write_report(centre, "receipt", out, fiscal_year=2569, office=OFFICE)
    assert_word_layout(out, landscape=False)
    texts = body_texts(out)
    assert "ใบตอบรับรายงานผลการดำเนินงาน" in texts and code in texts and "ขอภาพถ่ายกิจกรรมเพิ่ม" in texts
    assert "รับรายงานแล้ว" in texts and "ผู้ตอบรับ" in " ".join(texts) and "วันที่ ๑๖ เมษายน ๒๕๖๙" in " ".join(texts)


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "trat_desktop", "--db", str(db), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_report_plan_out_docx_on_the_command_line(tmp_path):
    db = tmp_path / "t.sqlite3"
    out = tmp_path / "plan.docx"
    done = _cli(db, "report", "plan", "--year", "2569", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "plan.docx" in done.stdout and "(0 หน้า)" not in done.stdout
    assert docx.Document(str(out)).tables


@needs_pdftotext
def test_each_word_file_has_the_words_of_its_pdf(world, tmp_path):  # noqa: F811 - the fixture
    """Text extraction of each .docx (paragraphs and table cells in order) gives the PDF's Thai, word for
    word (pdftotext), for the office report (a quarter's, and a round's with its สรุปผลสัมฤทธิ์ and chart), the
    provincial report (a quarter's and the h1 round's: figures, charts, missing offices, timeliness,
    narratives, per-row tables, signatures), the plan and the receipt. The charts' labels and figures are
    text in Word too (only their bars are pictures), so nothing is left out of the comparison."""
    from trat_desktop.services.exchange import ExchangeService
    from trat_desktop.services.rounds import ReviewService, RoundService

    office, _other, centre, folder = world
    _fill(office, 2)
    item = next(i for i in office.work_items(2569) if 2 in i.quarters())
    office.set_progress(item, 2, status="done", achieved="1" if item.unit != "ระดับ" else "3", spent="1500",
                        result="จัดอบรมครู ๒ รุ่น", problems="งบประมาณไม่เพียงพอ", suggestions="ขอรับการสนับสนุนงบประมาณ")
    _, final = RoundService(office).submit(2569, "q2", folder=folder)
    ExchangeService(centre).import_files([final], trust_new=True)
    ReviewService(centre).comment(item.id, 2, "ขอภาพถ่ายกิจกรรมเพิ่ม", agency=OFFICE)
    ReviewService(centre).set_state(OFFICE, 2569, "q2", "accept")
    for progress, kind, options in ((office, "office", {"quarter": 2}), (office, "office", {"round_id": "h1"}),
                                    (centre, "province", {"quarter": 2}), (centre, "province", {"round_id": "h1"}),
                                    (centre, "plan", {}), (centre, "receipt", {"office": OFFICE})):
        name = "-".join([kind, *map(str, options.values())])
        pdf, docx_path = tmp_path / f"{name}.pdf", tmp_path / f"{name}.docx"
        result = write_report(progress, kind, pdf, fiscal_year=2569, **options)
        written = write_report(progress, kind, docx_path, fiscal_year=2569, **options)
        assert written.title == result.title
        assert_same_words(docx_path, pdf, furniture=(result.title,))


def test_the_plan_saved_as_word_from_the_chooser_and_the_tool_button(qtbot, monkeypatch, service, tmp_path,
                                                                      boxes):
    """รายงาน › พิมพ์แผนปฏิบัติการ…: "บันทึกเป็น Word…" beside "บันทึกเป็น PDF…" (the chooser and a page's
    tool button); the Excel export has none."""
    from test_gui_reports import SaveDialog, choose, open_window, wait_ops

    from trat_desktop.gui import file_dialogs

    _window, actions = open_window(qtbot, service, "coordinator", tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    saver = SaveDialog(out_dir / "แผน")
    monkeypatch.setattr(file_dialogs, "getSaveFileName", saver)
    dialog = choose(actions, "plan")
    assert dialog.wordButton.isVisible() and dialog.wordButton.text() == "บันทึกเป็น Word…"
    buttons = dialog.form.buttonsLayout
    assert buttons.indexOf(dialog.wordButton) == buttons.indexOf(dialog.form.saveButton) + 1
    dialog.wordButton.click()
    wait_ops(qtbot)
    out = out_dir / "แผน.docx"
    assert out.is_file() and [p.name for p in out_dir.iterdir()] == [out.name]
    assert saver.filters == ["เอกสาร Word (*.docx)"] and Path(saver.proposed[0]).suffix == ".docx"
    assert "รวมงบประมาณทั้งสิ้น" in body_texts(out)
    dialog = choose(actions, "xlsx")
    assert not dialog.wordButton.isVisible()
    dialog.reject()
    button = actions.tool_button("plan", _window)
    assert "บันทึกเป็น Word…" in [a.text() for a in button.menu().actions()]
