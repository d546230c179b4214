"""The ITA evidence set (issue 12): `report ita --round R --out FOLDER` for an office and for the coordinator on
the FY2569 plan with progress, the documents' settings (`settings show|set`), the text of each PDF as poppler
and MuPDF read it, the Thai official margins, the Word files, refusals in Thai and the folder written whole."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from trat_desktop.cli import main

pytestmark = pytest.mark.skipif((shutil.which("pdftotext") is None or shutil.which("mutool") is None)
                                and not os.environ.get("CI"),
                                reason="poppler-utils (pdftotext) or mupdf-tools (mutool) not installed; "
                                       "CI installs both and never skips")

OFFICE = "สำนักงานศึกษาธิการจังหวัดตราด"
SETTINGS = {
    "ita.doc_prefix": "ตร 0017.2/",
    "ita.letterhead": "สำนักงานศึกษาธิการจังหวัดตราด กลุ่มนิเทศ ติดตามและประเมินผล",
    "ita.website": "https://trat.moe.go.th/ita",
    "ita.publisher_name": "นายเว็บ มาสเตอร์",
    "ita.publisher_position": "นักวิชาการคอมพิวเตอร์",
}
H1 = "๑_บันทึกข้อความ_รอบ๖เดือน_2569", "๒_รายงานผลการดำเนินงาน_รอบ๖เดือน_2569", "๓_แบบฟอร์มการเผยแพร่ข้อมูล_รอบ๖เดือน_2569"
A4_WIDTH, A4_HEIGHT = 595.28, 841.89
CM = 72 / 2.54


def poppler(path: Path, *args: str) -> str:
    text = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, check=True).stdout.decode()
    assert "\ufffd" not in text and not re.search("[\ue000-\uf8ff\U000f0000-\U000fffff]", text)
    return text


def mupdf(path: Path) -> str:
    text = subprocess.run(["mutool", "draw", "-F", "txt", str(path)], capture_output=True, check=True).stdout.decode()
    assert "\ufffd" not in text and not re.search("[\ue000-\uf8ff\U000f0000-\U000fffff]", text)
    return text


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def run(db: Path, *argv: str) -> int:
    return main(["--db", str(db), *argv])


@pytest.fixture(scope="module")
def office_set(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An office with progress in quarters 1-2 and the documents' settings, and its รอบ ๖ เดือน set."""
    folder = tmp_path_factory.mktemp("ita-office")
    db = folder / "db.sqlite3"
    assert run(db, "setup", "--office", "สนง.ศึกษาธิการ จ.ตราด", "--reporter", "นางสมหญิง ตั้งใจ",
               "--position", "นักวิชาการศึกษาชำนาญการ", "--head", "นายปั้น น้ำใจดี",
               "--head-position", "ศึกษาธิการจังหวัดตราด") == 0
    assert run(db, "progress", "set", "1/1.5/2", "--quarter", "2", "--value", "85", "--spent", "20000",
               "--result", "อบรมผู้เข้าร่วม ๑๒๐ คน ที่ห้องประชุมศาลากลางจังหวัดตราด") == 0
    assert run(db, "progress", "set", "1/1.3/1", "--quarter", "2", "--value", "1", "--status", "ดำเนินการแล้ว") == 0
    for key, value in SETTINGS.items():
        assert run(db, "settings", "set", key, value) == 0
    out = folder / "ชุดหลักฐาน"
    assert run(db, "report", "ita", "--round", "h1", "--out", str(out)) == 0
    return db, out


def test_the_office_set_has_three_documents_as_pdf_and_word(office_set: tuple[Path, Path]) -> None:
    _db, out = office_set
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}{s}" for n in H1 for s in (".pdf", ".docx"))
    for name in H1:
        assert (out / f"{name}.pdf").read_bytes()[:5] == b"%PDF-"
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".part")]


def test_the_memo_reads_as_a_thai_memo_in_poppler_and_mupdf(office_set: tuple[Path, Path]) -> None:
    _db, out = office_set
    memo = out / f"{H1[0]}.pdf"
    for tool, text in (("pdftotext", flat(poppler(memo))), ("mutool", flat(mupdf(memo)))):
        for words in ("บันทึกข้อความ", "ส่วนราชการ", "สำนักงานศึกษาธิการจังหวัดตราด กลุ่มนิเทศ ติดตามและประเมินผล",
                      "ตร ๐๐๑๗.๒/", "วันที่", "เรื่อง", "ขออนุญาตเผยแพร่รายงานผลการดำเนินงาน", "รอบ ๖ เดือน",
                      "เรียน ศึกษาธิการจังหวัดตราด", "(๑ ตุลาคม ๒๕๖๘ – ๓๑ มีนาคม ๒๕๖๙)",
                      "https://trat.moe.go.th/ita", "Assessment: ITA)", "Assessment: OIT)", "จึงเรียนมาเพื่อโปรดทราบ และพิจารณาอนุญาต",
                      "( นางสมหญิง ตั้งใจ )", "นักวิชาการศึกษาชำนาญการ", "ทราบ / อนุญาต",
                      "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"):
            assert words in text, f"{tool}: {words}"
        assert not re.search("[0-9]", text.replace("https://trat.moe.go.th/ita", "")), tool  # Thai digits only
    # MuPDF reads ปั้น as "ปั้ น" (docs/notes.md, Reports): the head's name is checked in poppler
    assert "( นายปั้น น้ำใจดี )" in flat(poppler(memo))
    assert "ผลการดำเนินงาน" in flat(poppler(out / f"{H1[1]}.pdf"))


def test_the_publication_form_names_its_fields_and_signers(office_set: tuple[Path, Path]) -> None:
    _db, out = office_set
    form = out / f"{H1[2]}.pdf"
    for tool, text in (("pdftotext", flat(poppler(form))), ("mutool", flat(mupdf(form)))):
        for words in ("แบบฟอร์มการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน", "ชื่อหน่วยงาน", OFFICE,
                      "วัน/เดือน/ปี", "หัวข้อ", "รายละเอียดข้อมูล (สรุปสาระสำคัญ)" if tool == "docx" else "(สรุปสาระสำคัญ)", "Link ภายนอก",
                      "https://trat.moe.go.th/ita", "หมายเหตุ", f"{H1[1]}.pdf", "ผู้รับผิดชอบการให้ข้อมูล",
                      "ผู้อนุมัติรับรอง", "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่", "( นายเว็บ มาสเตอร์ )",
                      "ตำแหน่ง นักวิชาการคอมพิวเตอร์", "( นางสมหญิง ตั้งใจ )", "ตำแหน่ง ศึกษาธิการจังหวัดตราด",
                      "รายงานผลแล้ว ๒ รายการ"):
            assert words in text, f"{tool}: {words}"


def test_thai_official_margins(office_set: tuple[Path, Path]) -> None:
    """Every word of the memo and the form inside 3 cm left, 2 cm right, 2.5 cm top (A4 portrait)."""
    from pypdf import PdfReader

    _db, out = office_set
    for name in (H1[0], H1[2]):
        pdf = out / f"{name}.pdf"
        box = PdfReader(pdf).pages[0].mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == (round(A4_WIDTH, 1), round(A4_HEIGHT, 1))
        html = poppler(pdf, "-bbox")
        words = [tuple(float(v) for v in m) for m in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)]
        assert len(words) > 20
        left = min(w[0] for w in words)
        assert 3 * CM - 1 <= left <= 3 * CM + (1 if name == H1[0] else 8), (name, left / CM)  # the memo's text
        # starts at the 3 cm margin, the form's inside its table, whose rule is there
        assert max(w[2] for w in words) <= A4_WIDTH - 2 * CM + 1, name
        assert min(w[1] for w in words) >= 2.5 * CM - 6, name  # ink of the first line's marks may rise a little
        assert max(w[3] for w in words) <= A4_HEIGHT - 2 * CM, name


def test_the_word_files_carry_the_same_settings(office_set: tuple[Path, Path]) -> None:
    import docx

    _db, out = office_set
    memo = docx.Document(str(out / f"{H1[0]}.docx"))
    text = "\n".join(p.text for p in memo.paragraphs)
    for words in ("บันทึกข้อความ", "ส่วนราชการ", "ตร ๐๐๑๗.๒/", "https://trat.moe.go.th/ita", "ทราบ / อนุญาต",
                  "( นายปั้น น้ำใจดี )", SETTINGS["ita.letterhead"]):
        assert words in text, words
    section = memo.sections[0]
    assert (round(section.left_margin.cm, 2), round(section.right_margin.cm, 2), round(section.top_margin.cm, 2)) \
        == (3.0, 2.0, 2.5)
    assert section.page_width.cm < section.page_height.cm  # portrait
    heading = memo.paragraphs[0].runs[0]._r
    assert 'w:cs="TH SarabunPSK"' in heading.xml and 'w:val="58"' in heading.xml  # 29 pt, complex script too
    form = docx.Document(str(out / f"{H1[2]}.docx"))
    cells = [c.text for t in form.tables for row in t.rows for c in row.cells]
    for words in ("ชื่อหน่วยงาน", "Link ภายนอก", "https://trat.moe.go.th/ita", "หมายเหตุ"):
        assert any(words in c for c in cells), words
    assert any("ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่" in c and "นายเว็บ มาสเตอร์" in c for c in cells)


def test_settings_show_json_and_refusals(office_set: tuple[Path, Path], tmp_path: Path, capsys) -> None:
    db, _out = office_set
    capsys.readouterr()
    assert run(db, "settings", "show", "--json") == 0
    shown = {s["key"]: s for s in json.loads(capsys.readouterr().out)}
    assert shown["ita.doc_prefix"]["value"] == "ตร 0017.2/"
    assert shown["ita.head_name"] == {**shown["ita.head_name"], "value": "", "effective": "นายปั้น น้ำใจดี"}
    assert run(db, "settings", "set", "ita.website", "ไม่ใช่ที่อยู่") == 2
    assert "ไม่ใช่ที่อยู่เว็บไซต์" in capsys.readouterr().err
    assert run(db, "settings", "set", "ita.nothing", "x") == 2
    assert "ไม่มีการตั้งค่า" in capsys.readouterr().err
    assert run(db, "settings", "set", "ita.letterhead", "ก" * 201) == 2
    assert "ยาวเกิน" in capsys.readouterr().err


def test_a_bad_round_or_a_full_folder_is_refused_in_thai(office_set: tuple[Path, Path], tmp_path: Path,
                                                          capsys) -> None:
    db, out = office_set
    capsys.readouterr()
    target = tmp_path / "new"
    assert run(db, "report", "ita", "--round", "h2", "--out", str(target)) == 2
    err = capsys.readouterr().err
    assert "ไม่มีรอบรายงาน “h2”" in err and "Traceback" not in err
    assert not target.exists()
    assert run(db, "report", "ita", "--out", str(target)) == 2
    assert "--round" in capsys.readouterr().err
    assert run(db, "report", "office", "--round", "x1", "--out", str(tmp_path / "o.pdf")) == 2
    assert "ไม่มีรอบรายงาน" in capsys.readouterr().err  # the other reports' --round too: Thai, not argparse
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert run(db, "report", "ita", "--round", "q2", "--out", str(out)) == 2
    assert "มีไฟล์อยู่แล้ว" in capsys.readouterr().err
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    # --force replaces the whole folder; --format pdf writes PDFs only
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    assert run(db, "report", "ita", "--round", "q2", "--format", "pdf", "--force", "--out", str(copy)) == 0
    assert sorted(p.name for p in copy.iterdir()) == [
        "๑_บันทึกข้อความ_ไตรมาส๒_2569.pdf", "๒_รายงานผลการดำเนินงาน_ไตรมาส๒_2569.pdf",
        "๓_แบบฟอร์มการเผยแพร่ข้อมูล_ไตรมาส๒_2569.pdf"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    # an empty folder is taken over
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(db, "report", "ita", "--round", "y", "--format", "docx", "--out", str(empty)) == 0
    assert len(list(empty.iterdir())) == 3


def test_an_installation_not_set_up_is_refused(tmp_path: Path, capsys) -> None:
    assert run(tmp_path / "db.sqlite3", "report", "ita", "--round", "h1", "--out", str(tmp_path / "x")) == 2
    assert "ชุดหลักฐาน ITA" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_the_coordinator_set_is_of_the_provincial_report(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db.sqlite3"
    assert run(db, "setup", "--office", "สนง.ศึกษาธิการ จ.ตราด", "--reporter", "สมหญิง") == 0
    assert run(db, "progress", "set", "1/1.5/2", "--quarter", "2", "--value", "85", "--spent", "20000") == 0
    assert run(db, "setup", "--coordinator", "--reporter", "นางสาวผู้ประสาน งานดี",
               "--position", "เจ้าพนักงานปกครองชำนาญงาน", "--head", "นายผู้ว่า ราชการดี",
               "--head-position", "ผู้ว่าราชการจังหวัดตราด") == 0
    assert run(db, "settings", "set", "ita.letterhead", "สำนักงานจังหวัดตราด (กลุ่มงานอำนวยการ)") == 0
    assert run(db, "settings", "set", "ita.website", "www.trat.go.th") == 0
    out = tmp_path / "province"
    assert run(db, "report", "ita", "--round", "y", "--digits", "arabic", "--out", str(out)) == 0
    names = sorted(p.name for p in out.iterdir())
    assert "๒_รายงานภาพรวมจังหวัด_รอบ๑๒เดือน_2569.pdf" in names and len(names) == 6
    memo = flat(poppler(out / "๑_บันทึกข้อความ_รอบ๑๒เดือน_2569.pdf"))
    for words in ("สำนักงานจังหวัดตราด (กลุ่มงานอำนวยการ)", "เรียน ผู้ว่าราชการจังหวัดตราด", "รอบ 12 เดือน",
                  "ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราดได้รวบรวมผลการดำเนินงาน", "www.trat.go.th",
                  "( นางสาวผู้ประสาน งานดี )", "( นายผู้ว่า ราชการดี )", "รายงานผลการดำเนินงานภาพรวมจังหวัด"):
        assert words in memo, words
    assert not re.search("[๐-๙]", memo)  # --digits arabic
    form = flat(mupdf(out / "๓_แบบฟอร์มการเผยแพร่ข้อมูล_รอบ๑๒เดือน_2569.pdf"))
    assert "ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราด" in form and "๒_รายงานภาพรวมจังหวัด_รอบ๑๒เดือน_2569.pdf" in form
    report = flat(poppler(out / "๒_รายงานภาพรวมจังหวัด_รอบ๑๒เดือน_2569.pdf"))
    assert "รอบ 12 เดือน (1 ตุลาคม 2568 – 30 กันยายน 2569)" in report  # the round's title in the digits asked for


def test_a_failure_part_way_leaves_no_folder(service, tmp_path: Path, monkeypatch) -> None:
    from trat_desktop.domain.identity import Identity
    from trat_desktop.errors import TratError
    from trat_desktop.reports import ita
    from trat_desktop.services import ProgressService
    from trat_desktop.services.reports import write_ita_set

    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name=OFFICE, reporter_name="สมหญิง"))

    def broken(*_args, **_kwargs):
        raise TratError("จำลองดิสก์เต็ม")

    monkeypatch.setattr(ita, "write_form_docx", broken)
    steps: list[tuple[int, int, str]] = []
    with pytest.raises(TratError):
        write_ita_set(progress, "q2", tmp_path / "set", on_step=lambda *s: steps.append(s))
    assert not (tmp_path / "set").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name != "trat.sqlite3" and not p.name.startswith("trat.sqlite3")] == []
    assert steps[0] == (0, 6, "๑_บันทึกข้อความ_ไตรมาส๒_2569.pdf") and len(steps) == 6


def test_who_is_named_is_one_rule() -> None:
    from trat_desktop.domain.ita import file_name, people

    reporter, head = ("ผู้รายงาน", "ตำแหน่งผู้รายงาน"), ("หัวหน้า", "ตำแหน่งหัวหน้า")
    got = people({}, reporter, head)
    assert (got.officer_name, got.head_name, got.head_position, got.publisher_name) == \
        ("ผู้รายงาน", "หัวหน้า", "ตำแหน่งหัวหน้า", "")
    # the round's sign-off names the head; a setting wins over both
    got = people({}, reporter, head, ("ผู้ลงนาม", "รักษาราชการแทน"))
    assert (got.head_name, got.head_position) == ("ผู้ลงนาม", "รักษาราชการแทน")
    got = people({"ita.head_name": "ตั้งไว้", "ita.officer_position": "ตำแหน่งที่ตั้ง"}, reporter, head,
                 ("ผู้ลงนาม", "รักษาราชการแทน"))
    assert (got.head_name, got.head_position, got.officer_position) == ("ตั้งไว้", "รักษาราชการแทน", "ตำแหน่งที่ตั้ง")
    assert file_name(1, "h1", 2569, "office") == "๑_บันทึกข้อความ_รอบ๖เดือน_2569.pdf"
    assert file_name(2, "q3", 2569, "province", ".docx") == "๒_รายงานภาพรวมจังหวัด_ไตรมาส๓_2569.docx"


def test_the_head_who_signed_the_round_off_is_named(service, tmp_path: Path) -> None:
    """An office whose head signed the round off (รอบรายงาน › ส่งรายงานรอบนี้…): the memo names that signer."""
    from trat_desktop.domain.identity import Identity
    from trat_desktop.services import ProgressService
    from trat_desktop.services.reports import ita_data
    from trat_desktop.store import rounds as round_store

    progress = ProgressService(service, clock=lambda: dt.datetime(2026, 4, 10, 9, tzinfo=dt.timezone.utc))
    me = progress.set_identity(Identity(role="office", office_name=OFFICE, reporter_name="สมหญิง",
                                        head_name="หัวหน้าตามการตั้งค่า", head_position="ศึกษาธิการจังหวัดตราด"))
    round_store.add_submission(service.db, me.office_uid, 2569, "h1", "submitted", signer_name="นายรักษา ราชการแทน",
                               signer_position="รองศึกษาธิการจังหวัด รักษาราชการแทน", signed_on="2026-04-09",
                               actor=me.actor(), at=progress.now())
    data = ita_data(progress, "h1")
    assert (data.people.head_name, data.people.head_position) == ("นายรักษา ราชการแทน",
                                                                  "รองศึกษาธิการจังหวัด รักษาราชการแทน")
    assert data.today == dt.date(2026, 4, 10) and data.round_end == dt.date(2026, 3, 31)
    assert ita_data(progress, "q3").people.head_name == "หัวหน้าตามการตั้งค่า"
