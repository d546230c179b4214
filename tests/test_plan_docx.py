"""Reading the plan from the official Word file (.docx): merged cells, list numbering, agencies as
paragraphs or line breaks, one table over many pages with "(ต่อ)" rows, LibreOffice round trips; the
same outline, totals, agencies and warnings as the text export; a revised Word file previewed first;
old .doc, PDF and damaged files refused in Thai with nothing changed."""

from __future__ import annotations

import importlib.util
import re
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from trat_desktop.domain.agencies import AgencyResolver, load_register
from trat_desktop.domain.plan_docx import docx_to_text
from trat_desktop.domain.plan_text import read_plan_text
from trat_desktop.errors import PlanFormatError
from trat_desktop.services.plan import plan_summary

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "db" / "seed" / "trat-ethics-plan-2569.txt"
REGISTER = ROOT / "db" / "seed" / "agencies.csv"
FIXTURES = ROOT / "tests" / "fixtures" / "docx"


def _maker():
    spec = importlib.util.spec_from_file_location("make_docx", FIXTURES / "make_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _summary(text: str) -> dict:
    return plan_summary(read_plan_text(text, AgencyResolver(load_register(REGISTER))))


def _without_lines(outline: dict) -> dict:
    """The outline with its warnings' codes and messages but not their line numbers (a Word table's
    paragraphs and line breaks are lines of the text the reader is given)."""
    return {**outline, "warnings": [(w["code"], w["message"]) for w in outline["warnings"]]}


@pytest.fixture(scope="module")
def text_outline() -> dict:
    return _summary(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def merged_docx(tmp_path_factory) -> Path:
    return _maker().build(SEED.read_text(encoding="utf-8"), tmp_path_factory.mktemp("d") / "plan.docx")


def test_the_word_file_with_merged_cells_reads_as_its_text_export(merged_docx, text_outline):
    outline = _summary(docx_to_text(merged_docx.read_bytes(), merged_docx.name))
    assert outline == text_outline
    assert (outline["strategies"], outline["tactics"], outline["activities"], outline["indicators"]) == (5, 9, 25, 35)
    assert outline["budget_total"] == 227_650 and outline["agencies"] == 25 and outline["assignments"] == 168


def test_the_stated_totals_summary_table_and_warnings_are_the_text_exports(merged_docx, text_outline):
    outline = _summary(docx_to_text(merged_docx.read_bytes(), merged_docx.name))
    assert outline["stated_budget_total"] == text_outline["stated_budget_total"] is not None
    assert outline["stated_budget_by_strategy"] == text_outline["stated_budget_by_strategy"]
    assert outline["warnings"] == text_outline["warnings"] and len(outline["warnings"]) == 15


@pytest.mark.parametrize("options", [
    dict(merge_columns=(0, 1, 4, 5)),                  # tactic, activity, budget and period cells merged
    dict(line_breaks=True),                            # agencies separated by line breaks in one paragraph
    dict(one_table=True),                              # one table over every page, header rows repeated
    dict(one_table=True, line_breaks=True, merge_columns=(0, 1, 4, 5), numbered_codes=True),
], ids=["merged-budget-period", "line-breaks", "one-table", "everything"])
def test_word_variants_read_as_the_text_export(tmp_path, text_outline, options):
    made = _maker().build(SEED.read_text(encoding="utf-8"), tmp_path / "variant.docx", **options)
    xml = docx.Document(str(made)).element.xml
    if options.get("line_breaks"):
        assert "<w:br/>" in xml
    if options.get("one_table"):
        assert "w:tblHeader" in xml
        tables = [t for t in docx.Document(str(made)).tables if len(t.columns) == 9]
        assert len(tables) == 5  # one per strategy, each over several pages
        continued = [r for t in tables for r in t.rows if "(ต่อ)" in r.cells[1].text]
        assert len(continued) >= 5  # the "(ต่อ)" rows where the pages break stay inside the tables
    if options.get("merge_columns") == (0, 1, 4, 5):
        budget_merges = [tr for t in docx.Document(str(made)).tables if len(t.columns) == 9
                         for tr in t._tbl.tr_lst if tr.tc_lst[4].tcPr is not None
                         and tr.tc_lst[4].tcPr.find(qn("w:vMerge")) is not None]
        assert budget_merges
    assert _without_lines(_summary(docx_to_text(made.read_bytes()))) == _without_lines(text_outline)


def test_a_libreoffice_round_trip_of_the_document_with_every_word_feature(text_outline):
    """fy2569-word-features-libreoffice.docx: the "everything" variant above (one table per strategy with
    repeating header rows and "(ต่อ)" rows, merged tactic/activity/budget/period cells, agencies separated
    by line breaks, activity codes as Thai list numbering) saved again by LibreOffice 7.4
    (``soffice --headless --convert-to docx``)."""
    saved = FIXTURES / "fy2569-word-features-libreoffice.docx"
    xml = docx.Document(str(saved)).element.xml
    assert all(tag in xml for tag in ("w:vMerge", "w:tblHeader", "w:numPr", "<w:br/>"))
    text = docx_to_text(saved.read_bytes(), saved.name)
    assert "\t1.1 จัดทำประกาศ" in text  # LibreOffice writes the Thai numbering back as Arabic digits
    assert _without_lines(_summary(text)) == _without_lines(text_outline)


def test_merged_cells_are_read_from_the_xml_not_repeated_as_python_docx_does(merged_docx):
    from trat_desktop.domain import plan_docx

    document = docx.Document(str(merged_docx))
    plan_table = next(t for t in document.tables if len(t.columns) == 9)
    trs = plan_table._tbl.tr_lst
    merged = [r for r in range(1, len(trs)) if trs[r].tc_lst[0].tcPr is not None
              and trs[r].tc_lst[0].tcPr.find(plan_docx.W + "vMerge") is not None
              and trs[r].tc_lst[0].tcPr.find(plan_docx.W + "vMerge").get(plan_docx.W + "val") is None
              and plan_table.rows[r - 1].cells[0].text.strip() and r - 1 > 1]
    assert merged, "the document has no vertically merged tactic cell"
    r = merged[0]
    assert plan_table.rows[r].cells[0].text == plan_table.rows[r - 1].cells[0].text  # python-docx repeats it
    rows = plan_docx._table_rows(plan_table._tbl, plan_docx._Numbering())
    assert rows[r - 1][0] == plan_table.rows[r - 1].cells[0].text.strip() and rows[r][0] == ""


def test_activity_codes_typed_as_word_numbering(tmp_path, text_outline):
    made = _maker().build(SEED.read_text(encoding="utf-8"), tmp_path / "numbered.docx", numbered_codes=True)
    xml = docx.Document(str(made)).element.xml
    assert "w:numPr" in xml and "๑.๑ จัดทำประกาศ" not in xml  # the codes are numbering, not text
    text = docx_to_text(made.read_bytes())
    assert "\t๑.๑ จัดทำประกาศ" in text and "\t๑.๒ จัดทำ และประชาสัมพันธ์" in text
    assert _summary(text) == text_outline


def test_a_libreoffice_round_trip_of_the_numbered_document(text_outline):
    """fy2569-numbered-libreoffice.docx is the numbered document saved again by LibreOffice 7.4
    (soffice --headless --convert-to docx), which writes the Thai numbering as Arabic digits."""
    saved = FIXTURES / "fy2569-numbered-libreoffice.docx"
    text = docx_to_text(saved.read_bytes(), saved.name)
    assert "\t1.1 จัดทำประกาศ" in text
    assert _summary(text) == text_outline


def test_agencies_one_per_paragraph(tmp_path, text_outline):
    made = _maker().build(SEED.read_text(encoding="utf-8"), tmp_path / "agencies.docx", agencies_as_paragraphs=True)
    text = docx_to_text(made.read_bytes())
    assert any(line.count("\t") == 8 and "\n" not in line for line in text.splitlines())
    outline = _summary(text)
    assert (outline["agencies"], outline["assignments"]) == (text_outline["agencies"], text_outline["assignments"])


@pytest.mark.parametrize("name, data, words", [
    ("plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word รุ่นเก่า (.doc)"),
    ("plan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "เป็น PDF"),
    ("plan.docx", b"PK\x03\x04 broken zip", "เสียหายหรือไม่ใช่เอกสาร Word"),
    ("plan.docx", b"this is text", "ไม่ใช่เอกสาร Word (.docx)"),
    ("plan.rtf", b"{\\rtf1\\ansi plan}", "ไม่ใช่เอกสาร Word (.docx)"),
])
def test_other_formats_are_refused_with_the_advice_to_save_as_docx(name, data, words):
    with pytest.raises(PlanFormatError, match=re.escape(words)) as caught:
        docx_to_text(data, name)
    assert "บันทึกเป็น “เอกสาร Word (.docx)”" in str(caught.value)


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "trat_desktop", "--db", str(db), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_plan_import_text_takes_a_docx_and_refuses_a_pdf_changing_nothing(tmp_path, merged_docx):
    db = tmp_path / "t.sqlite3"
    before = json.loads(_cli(db, "plan", "summary", "--json").stdout)
    pdf = tmp_path / "แผน.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n")
    refused = _cli(db, "plan", "import-text", str(pdf))
    assert refused.returncode == 2 and "PDF" in refused.stderr and "Traceback" not in refused.stderr
    assert json.loads(_cli(db, "plan", "summary", "--json").stdout) == before
    fresh = tmp_path / "fresh.sqlite3"  # holds the embedded FY2569 plan: the Word file is the same plan
    done = _cli(fresh, "plan", "import-text", str(merged_docx), "--dry-run", "--json")
    assert done.returncode == 0, done.stderr
    diff = json.loads(done.stdout)["diff"]
    assert (diff["matched_rows"], diff["added"], diff["removed"], diff["changed"]) == (35, [], [], [])


def _damaged_xml(source: Path, out: Path) -> Path:
    import zipfile

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut in the middle of the XML
            new.writestr(info, data)
    return out


def test_a_damaged_word_file_is_refused_in_thai(tmp_path, merged_docx):
    broken = _damaged_xml(merged_docx, tmp_path / "แผน.docx")
    with pytest.raises(PlanFormatError, match="อ่านเอกสาร Word|เปิดเอกสาร Word") as caught:
        docx_to_text(broken.read_bytes(), broken.name)
    assert "แผน.docx" in str(caught.value) and "บันทึกเป็น “เอกสาร Word (.docx)”" in str(caught.value)


def test_a_word_file_without_the_plan_table_is_refused_as_the_text_reader_refuses(tmp_path):
    document = docx.Document()
    document.add_paragraph("แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม จังหวัดตราด")
    document.add_paragraph("ยุทธศาสตร์ที่ ๑ ส่งเสริมจริยธรรม")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 0).text = "ลำดับ", "๑"
    path = tmp_path / "no-plan.docx"
    document.save(str(path))
    with pytest.raises(PlanFormatError) as caught:
        _summary(docx_to_text(path.read_bytes(), path.name))
    assert re.search("[ก-๙]", str(caught.value)) and "Traceback" not in str(caught.value)


def test_a_damaged_word_file_on_the_command_line_changes_nothing(tmp_path, merged_docx):
    db = tmp_path / "t.sqlite3"
    _cli(db, "plan", "summary", "--json")
    before = db.read_bytes()
    for bad in (_damaged_xml(merged_docx, tmp_path / "แผน.docx"), tmp_path / "old.doc"):
        if bad.suffix == ".doc":
            bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
        refused = _cli(db, "plan", "import-text", str(bad))
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert "บันทึกเป็น “เอกสาร Word (.docx)”" in refused.stderr
    assert db.read_bytes() == before


def test_a_revised_word_file_is_previewed_before_it_changes_the_plan(qtbot, monkeypatch, tmp_path, plan_text):
    """The GUI's แฟ้ม › นำเข้าเอกสารแผน… takes the .docx: the revision is compared and shown, and the
    plan is unchanged until the confirm button."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox
    from test_gui_plan_document import choose, open_window
    from test_plan_revision import INSERTED, PERCENT_ROW_LINE, insert_line

    from trat_desktop.gui.plan_document_actions import DOCUMENT_FILES

    assert "*.docx" in DOCUMENT_FILES
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"refused: {a[2]}"))
    _center, window = open_window(qtbot, tmp_path)
    actions = window.plan_document_actions
    doc = _maker().build(insert_line(plan_text, PERCENT_ROW_LINE, INSERTED), tmp_path / "แผนฉบับปรับปรุง.docx")
    before = list(sqlite3.connect(tmp_path / "c.sqlite3").iterdump())
    choose(monkeypatch, doc)
    actions.import_action.trigger()
    qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.isVisible(), timeout=15000)
    assert "เพิ่มตัวชี้วัด" in actions.dialog.text.toPlainText()
    actions.dialog.reject()
    assert list(sqlite3.connect(tmp_path / "c.sqlite3").iterdump()) == before
