"""Narratives reach the printed reports: under the office's row, and gathered per strategy in the provincial
report; they survive export → import at the coordinator."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from exchange_helpers import EDUCATION, installation

from trat_desktop.services.reports import office_report, province_report

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None and not os.environ.get("CI"),
                                reason="needs poppler's pdftotext (CI installs it)")


def _text(pdf) -> str:
    return " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def test_narratives_print_for_the_office_and_travel_to_the_provincial_report(tmp_path):
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    item = next(i for i in office.progress.work_items() if 2 in i.quarters())
    office.progress.set_progress(item, 2, achieved="1" if item.unit != "ระดับ" else "3",
                                 result="จัดอบรมครู ๒ รุ่น ผู้เข้าร่วม ๘๐ คน", problems="งบประมาณไม่เพียงพอ",
                                 suggestions="ควรจัดแบบออนไลน์ควบคู่")
    office_report(office.progress, tmp_path / "office.pdf", quarter=2)
    text = _text(tmp_path / "office.pdf")
    assert "จัดอบรมครู" in text and "ปัญหาอุปสรรค: งบประมาณไม่เพียงพอ" in text
    assert "ข้อเสนอแนะ/แนวทางแก้ไข: ควรจัดแบบออนไลน์ควบคู่" in text
    path, _ = office.export_office(tmp_path / "x.trat")
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    assert coordinator.import_files([path], trust_new=True).files[0].status == "imported"
    province_report(coordinator.progress, tmp_path / "province.pdf", quarter=2)
    text = _text(tmp_path / "province.pdf")
    assert "ปัญหาอุปสรรคและข้อเสนอแนะรายยุทธศาสตร์" in text
    assert "งบประมาณไม่เพียงพอ" in text and "ควรจัดแบบออนไลน์ควบคู่" in text


def test_round_reports_name_the_round_and_its_period(tmp_path):
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    item = next(i for i in office.progress.work_items() if 2 in i.quarters())
    office.progress.set_progress(item, 2, achieved="1" if item.unit != "ระดับ" else "3", result="ผลรอบหกเดือน")
    from trat_desktop.services.reports import write_report

    write_report(office.progress, "office", tmp_path / "h1.pdf", fiscal_year=2569, round_id="h1")
    text = _text(tmp_path / "h1.pdf")
    assert "รอบ ๖ เดือน (๑ ตุลาคม ๒๕๖๘ – ๓๑ มีนาคม ๒๕๖๙)" in text and "ผลรอบหกเดือน" in text
    path, _ = office.export_office(tmp_path / "x.trat")
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    coordinator.import_files([path], trust_new=True)
    write_report(coordinator.progress, "province", tmp_path / "y.pdf", fiscal_year=2569, round_id="y")
    assert "รอบ ๑๒ เดือน (๑ ตุลาคม ๒๕๖๘ – ๓๐ กันยายน ๒๕๖๙)" in _text(tmp_path / "y.pdf")


def test_emoji_pasted_from_line_print_no_empty_boxes(tmp_path):
    """Sarabun has no emoji: a note pasted from LINE (📌 ✅ 🙏🏻, a zero-width space) printed each as an empty
    box (the font's .notdef glyph, still in the text layer). The PDF leaves them out and keeps the words; the
    stored note and the Word file keep them."""
    from docx import Document

    from trat_desktop.reports.typeset import ThaiParagraph, drawable
    from trat_desktop.services.reports import write_report

    note = "📌 ผลการดำเนินงาน: เข้าร่วม ๙๕%\n✅ ประชุมชี้แจง Code of Conduct 🙏🏻 ที่ห้องประชุม\u200b\n👍"
    assert drawable(note) == " ผลการดำเนินงาน: เข้าร่วม ๙๕%\n ประชุมชี้แจง Code of Conduct  ที่ห้องประชุม\n"
    assert drawable("ไม่ใช้งบประมาณ – “ก”") == "ไม่ใช้งบประมาณ – “ก”"
    assert ThaiParagraph(runs=[("✅ทำแล้ว", True)]).runs == (("ทำแล้ว", True),)
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    item = next(i for i in office.progress.work_items() if 2 in i.quarters())
    office.progress.set_progress(item, 2, achieved="1" if item.unit != "ระดับ" else "3", result=note,
                                 problems="เน็ตล่ม 😅😅")
    office_report(office.progress, tmp_path / "office.pdf", quarter=2)
    text = _text(tmp_path / "office.pdf")
    assert "ประชุมชี้แจง Code of Conduct ที่ห้องประชุม" in text and "ปัญหาอุปสรรค: เน็ตล่ม" in text
    assert not any(ch in text for ch in "📌✅🙏🏻👍😅\u200b")
    stored = next(i for i in office.progress.work_items() if i.id == item.id)
    assert stored.entries[2].note == note.replace("\u200b", "") or stored.entries[2].note == note
    write_report(office.progress, "office", tmp_path / "office.docx", quarter=2)
    words = "\n".join(p.text for t in Document(str(tmp_path / "office.docx")).tables for row in t.rows
                      for c in row.cells for p in c.paragraphs)
    assert "📌 ผลการดำเนินงาน" in words
