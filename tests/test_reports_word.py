"""Reports saved as Word (.docx): real tables with a repeating header row, TH SarabunPSK for Thai (w:cs and
w:szCs set), the same Thai words as the PDF; the format is picked by the file's extension."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn
from exchange_helpers import EDUCATION, installation

from trat_desktop.services.reports import write_report


def _texts(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_the_office_report_as_word(tmp_path):
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    item = next(i for i in office.progress.work_items() if 2 in i.quarters())
    office.progress.set_progress(item, 2, achieved="1" if item.unit != "ระดับ" else "3",
                                 result="จัดอบรมครู ๒ รุ่น", problems="งบประมาณไม่เพียงพอ")
    out = tmp_path / "รายงาน.docx"
    write_report(office.progress, "office", out, fiscal_year=2569, quarter=2)
    document = docx.Document(str(out))
    section = document.sections[0]
    assert section.page_width > section.page_height                      # A4 landscape
    assert round(section.left_margin.cm, 1) == 3.0 and round(section.right_margin.cm, 1) == 2.0
    table = document.tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None    # repeats at each page top
    run = table.rows[1].cells[1].paragraphs[0].runs[0]._r
    fonts = run.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == "TH SarabunPSK" and run.rPr.find(qn("w:szCs")) is not None
    text = _texts(out)
    assert EDUCATION in text and "ผลการดำเนินงาน: จัดอบรมครู ๒ รุ่น" in text and "ปัญหาอุปสรรค: งบประมาณไม่เพียงพอ" in text
    assert "ไตรมาสที่ ๒" in text and "ลงชื่อ" in text and "รหัสตรวจสอบข้อมูล" in text
    assert not list(tmp_path.glob(".*tmp*"))


def test_the_provincial_report_as_word(tmp_path):
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    out = tmp_path / "province.docx"
    write_report(coordinator.progress, "province", out, fiscal_year=2569, round_id="h1")
    text = _texts(out)
    assert "รอบ ๖ เดือน" in text and "ยุทธศาสตร์ที่ ๑" in text and "รวมทั้งสิ้น" in text
