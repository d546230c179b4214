"""Reading the plan from the official Word file (.docx): merged cells, list numbering, agencies as
paragraphs, a LibreOffice round trip; old .doc and PDF files refused in Thai with nothing changed."""

from __future__ import annotations

import importlib.util
import re
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

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
