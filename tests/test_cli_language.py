"""The command line's language (issue 15): Thai by default, English with --language en or TRAT_LANGUAGE=en;
argparse's own words ("usage:", "error:", "the following arguments are required") follow it too."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from trat_desktop import i18n
from trat_desktop.cli import main

THAI = re.compile(r"[\u0E01-\u0E4E]")


@pytest.fixture(autouse=True)
def thai_afterwards():
    yield
    i18n.set_language("th")


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's help and refusals
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_english_help_has_no_thai(capsys) -> None:
    code, out, _ = run(capsys, "--language", "en", "--help")
    assert code == 0
    assert out.startswith("usage: trat-desktop") and "options:" in out and "positional arguments:" in out
    assert "show this help message and exit" in out and "--language {en,th}" in out
    assert not THAI.search(out), [line for line in out.splitlines() if THAI.search(line)]
    code, out, _ = run(capsys, "--language", "en", "progress", "set", "--help")
    assert code == 0 and not THAI.search(out), out


def test_thai_is_the_default_for_help_and_argparse_refusals(capsys) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and out.startswith("วิธีใช้: trat-desktop") and "ตัวเลือก:" in out
    assert "แสดงวิธีใช้นี้แล้วจบ" in out and "usage:" not in out
    code, _, err = run(capsys, "progress", "set")
    assert code == 2
    assert err.startswith("วิธีใช้: ") and "ข้อผิดพลาด: ต้องระบุอาร์กิวเมนต์ต่อไปนี้: id, --quarter" in err
    code, _, err = run(capsys, "round", "list", "--year", "x")
    assert code == 2 and "ค่า 'x' ไม่ใช่ int ที่ใช้ได้" in err, err


def test_english_refusals_exit_2_and_change_nothing(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "db.sqlite3")
    code, _, err = run(capsys, "--language", "en", "progress", "set")
    assert code == 2 and "error: the following arguments are required: id, --quarter" in err and not THAI.search(err)
    code, _, err = run(capsys, "--db", db, "--language=en", "round", "set", "q2", "--to", "31/3/2569")
    assert code == 2 and err == ("Error: Only the Trat Provincial Anti-Corruption Operation Centre may set the "
                                 "reporting rounds and due dates\n"), err
    # the same refusal in Thai by default
    code, _, err = run(capsys, "--db", db, "round", "set", "q2", "--to", "31/3/2569")
    assert code == 2 and err.startswith("ข้อผิดพลาด: กำหนดรอบรายงานและวันครบกำหนดได้เฉพาะศูนย์ปฏิบัติการ"), err


def test_the_language_from_the_environment(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "TRAT_LANGUAGE": "en"}
    result = subprocess.run([sys.executable, "-m", "trat_desktop", "progress", "set"], capture_output=True,
                            text=True, encoding="utf-8", env=env, cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 2
    assert "usage: trat-desktop progress set" in result.stderr and "error: the following arguments" in result.stderr
    result = subprocess.run([sys.executable, "-m", "trat_desktop", "--language", "th", "progress", "set"],
                            capture_output=True, text=True, encoding="utf-8", env=env,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 2 and "ข้อผิดพลาด:" in result.stderr  # the option wins over the environment


# -- the result lines (issue 15, item 5: the rest of the CLI and the plan reader) ---------------------------
THAI_DIGIT = re.compile(r"[๐-๙]")


def thai_phrases(text: str, *phrases: str) -> list[str]:
    """The converted Thai *phrases* still in *text* (data — names, plan text — may stay Thai)."""
    return [p for p in phrases if p in text]


def test_an_office_reads_rounds_evidence_settings_and_figures_in_english(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "db.sqlite3")
    assert run(capsys, "--db", db, "setup", "--office", "สำนักงานจังหวัดตราด")[0] == 0
    code, out, _ = run(capsys, "--db", db, "--language", "en", "round", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["q1", "Quarter", "1", "1", "Oct", "2568", "BE", "–", "31", "Dec", "2568", "BE",
                                "due", "15", "Jan", "2569", "BE", "Not", "submitted"], lines[0]
    assert "12-month round" in lines[-1]
    assert not THAI.search(out) and not THAI_DIGIT.search(out), out
    # the default is the Thai as before
    code, out, _ = run(capsys, "--db", db, "round", "list")
    assert out.splitlines()[0].split() == ["q1", "ไตรมาส", "๑", "๑", "ต.ค.", "๒๕๖๘", "–", "๓๑", "ธ.ค.", "๒๕๖๘",
                                           "ครบกำหนดส่ง", "๑๕", "ม.ค.", "๒๕๖๙", "ยังไม่ส่ง"]

    memo = tmp_path / "memo.pdf"
    memo.write_bytes(b"%PDF-1.4\n%%EOF\n")
    code, out, _ = run(capsys, "--db", db, "--language", "en", "evidence", "add", "1/1.1/1", "--quarter", "2", str(memo))
    assert code == 0 and out == "Attached [1/1.1/1] quarter 2: memo.pdf (1 KB) id 1\n", out
    code, out, _ = run(capsys, "--db", db, "--language", "en", "evidence", "list")
    assert out.splitlines() == ["สำนักงานจังหวัดตราด: 1 evidence file", "    1  [1/1.1/1] Quarter 2  memo.pdf (1 KB)"]
    code, out, _ = run(capsys, "--db", db, "evidence", "list")
    assert out.splitlines() == ["สำนักงานจังหวัดตราด: ไฟล์หลักฐาน 1 ไฟล์", "    1  [1/1.1/1] ไตรมาส 2  memo.pdf (1 KB)"]

    code, out, _ = run(capsys, "--db", db, "--language", "en", "settings", "show")
    assert code == 0
    assert "ita.letterhead — Government office (name in the memo's letterhead): (not set: สำนักงานจังหวัดตราด)" in out
    assert "ita.website — Office website (external link): (not set; empty = left blank to fill in by hand)" in out
    assert not thai_phrases(out, "ไม่ได้ตั้ง", "ว่าง =", "เว็บไซต์ของหน่วยงาน", "ผู้จัดทำ", "หัวหน้าส่วนราชการ"), out
    code, out, _ = run(capsys, "--db", db, "settings", "show")
    assert "ita.website — เว็บไซต์ของหน่วยงาน (Link ภายนอก): (ไม่ได้ตั้ง; ว่าง = เว้นไว้ให้เขียนเอง)" in out
    code, out, _ = run(capsys, "--db", db, "--language", "en", "settings", "set", "ita.website", "https://www.trat.go.th")
    assert out == "Set ita.website = “https://www.trat.go.th”\n"
    code, _, err = run(capsys, "--db", db, "--language", "en", "settings", "set", "ita.website", "no url")
    assert code == 2 and err == "Error: “no url” is not a website address (e.g. https://www.trat.go.th)\n"

    code, out, _ = run(capsys, "--db", db, "--language", "en", "figures")
    assert out.splitlines()[0] == "Office: Reported 0 of 17 indicators, 0 % · 0 indicators on target", out
    assert "  Strategy 1: Reported 0 of 4 indicators, 0 %" in out.splitlines()
    assert not THAI.search(out) and not THAI_DIGIT.search(out)
    code, out, _ = run(capsys, "--db", db, "figures")
    assert out.splitlines()[0] == "หน่วยงาน: ดำเนินการแล้ว ๐ จาก ๑๗ ตัวชี้วัด คิดเป็นร้อยละ ๐ · บรรลุเป้าหมาย ๐ ตัวชี้วัด"


def test_the_centre_reads_the_board_in_english(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "db.sqlite3")
    assert run(capsys, "--db", db, "setup", "--coordinator")[0] == 0
    code, out, _ = run(capsys, "--db", db, "--language", "en", "round", "list")
    assert code == 0 and out.splitlines()[0].endswith("due 15 Jan 2569 BE  received 0/25 offices"), out
    assert not THAI.search(out)
    code, out, _ = run(capsys, "--db", db, "round", "list")
    assert out.splitlines()[0].endswith("ครบกำหนดส่ง ๑๕ ม.ค. ๒๕๖๙  ได้รับ 0/25 หน่วยงาน"), out
    code, out, _ = run(capsys, "--db", db, "--language", "en", "timeliness", "--round", "q1")
    assert code == 0 and out.splitlines()[0] == "q1  การประชาสัมพันธ์ภูมิภาคสาขาตราด: Not submitted · Not received", out
    assert not thai_phrases(out, "ยังไม่ส่ง", "ยังไม่ได้รับ")
    code, out, _ = run(capsys, "--db", db, "timeliness", "--round", "q1")
    assert out.splitlines()[0] == "q1  การประชาสัมพันธ์ภูมิภาคสาขาตราด: ยังไม่ส่ง · ยังไม่ได้รับ"
    code, out, _ = run(capsys, "--db", db, "--language", "en", "round", "set", "q2", "--due", "20/4/2569")
    assert out == "Quarter 2 set: 1 Jan 2569 BE – 31 Mar 2569 BE, due 20 Apr 2569 BE\n", out
    code, out, _ = run(capsys, "--db", db, "round", "set", "q2", "--due", "21/4/2569")
    assert out == "กำหนดไตรมาส ๒: ๑ ม.ค. ๒๕๖๙ – ๓๑ มี.ค. ๒๕๖๙ ครบกำหนดส่ง ๒๑ เม.ย. ๒๕๖๙\n", out
    # the reminders copied for offices stay Thai: they are sent to offices
    code, out, _ = run(capsys, "--db", db, "--language", "en", "timeliness", "--round", "q1", "--reminders")
    assert "ขอบคุณครับ/ค่ะ" in out


def test_the_plan_readers_warnings_and_problems_in_english(tmp_path: Path, capsys, plan_text: str) -> None:
    text = plan_text.replace("๒๕๖๙", "๒๕๗๐")
    assert text.count("ไตรมาส ๓ - ๔") == 1
    doc = tmp_path / "plan-2570.txt"
    doc.write_text(text.replace("ไตรมาส ๓ - ๔", "ไตรมาส ๑ และ ๔"), encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(tmp_path / "en.sqlite3"), "--language", "en", "plan", "import-text", str(doc))
    assert code == 0
    assert "  - [PERIOD_WIDENED] line 316: The period “ไตรมาส ๑ และ ๔” is not continuous; taken as Quarters 1–4" in out
    assert ("  - [STRATEGY_TOTAL_MISMATCH] line 303: Strategy 4: the document states a total of 50,000 baht, "
            "but its items add up to 5,000 baht") in out
    assert "The office name “อำเภอลแหลมงอบ” is spelt differently from the register" in out
    assert not thai_phrases(out, "ไม่ต่อเนื่อง", "ถือเป็น", "เอกสารระบุ", "สะกดต่างจากทะเบียน", "ต่างจากตารางสรุป",
                            "อยู่ผิดคอลัมน์", "บาท"), out
    code, out, _ = run(capsys, "--db", str(tmp_path / "th.sqlite3"), "plan", "import-text", str(doc))
    assert "  - [PERIOD_WIDENED] บรรทัดที่ 316: ระยะเวลา “ไตรมาส ๑ และ ๔” ไม่ต่อเนื่อง ถือเป็นไตรมาส ๑ - ๔" in out
    assert "ยุทธศาสตร์ที่ ๔: เอกสารระบุยอดรวม ๕๐,๐๐๐ บาท แต่ผลรวมของรายการได้ ๕,๐๐๐ บาท" in out

    broken = tmp_path / "broken.txt"
    broken.write_text(text.replace("ไตรมาส ๓ - ๔", "ไตรมาส สาม"), encoding="utf-8")
    code, _, err = run(capsys, "--db", str(tmp_path / "en.sqlite3"), "--language", "en", "plan", "import-text",
                       str(broken))
    assert code == 2 and "Cannot read the period “ไตรมาส สาม” (it must be e.g." in err, err
    assert not thai_phrases(err, "อ่านระยะเวลาดำเนินการ", "ต้องเป็น เช่น"), err
    code, _, err = run(capsys, "--db", str(tmp_path / "th.sqlite3"), "plan", "import-text", str(broken))
    assert code == 2 and "อ่านระยะเวลาดำเนินการ “ไตรมาส สาม” ไม่ได้ (ต้องเป็น เช่น ไตรมาส ๒ - ๔" in err, err
    # a Word file that is not one
    fake = tmp_path / "plan.docx"
    fake.write_bytes(b"not a zip")
    code, _, err = run(capsys, "--db", str(tmp_path / "en.sqlite3"), "--language", "en", "plan", "import-text", str(fake))
    assert code == 2 and "The file “plan.docx” is not a Word document (.docx). Please open the file in Word" in err, err
    assert not THAI.search(err.replace("บรรทัดที่", "")), err  # "บรรทัดที่ 1: " is errors.py's (the services' part)


def test_plan_show_has_english_words_around_the_plans_thai(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "db.sqlite3")
    code, out, _ = run(capsys, "--db", db, "--language", "en", "plan", "show", "--digits", "arabic")
    assert code == 0
    assert out.splitlines()[1] == "Fiscal year 2569 B.E. (revision 1)"
    assert "Total budget 227,650 baht (document states 227,650)" in out
    assert "  Budget of strategy 1: 210,650 baht (document states 210,650)" in out
    assert not thai_phrases(out, "ประจำปีงบประมาณ", "รวมงบประมาณ", "ผู้รับผิดชอบ:", "ข้อสังเกตจากเอกสาร"), out


def test_a_plan_imported_in_english_keeps_thai_warnings_and_each_screen_shows_its_own(tmp_path: Path, capsys,
                                                                                     plan_text: str) -> None:
    """The plan's warnings are stored in Thai whatever language imported it (a database never mixes
    languages); the recipe stored beside them shows them in English to an English command line or screen."""
    import sqlite3

    doc = tmp_path / "plan-2570.txt"
    doc.write_text(plan_text.replace("๒๕๖๙", "๒๕๗๐").replace("ไตรมาส ๓ - ๔", "ไตรมาส ๑ และ ๔"), encoding="utf-8")
    db = str(tmp_path / "db.sqlite3")
    code, out, _ = run(capsys, "--db", db, "--language", "en", "plan", "import-text", str(doc))
    assert code == 0 and "The period “ไตรมาส ๑ และ ๔” is not continuous; taken as Quarters 1–4" in out
    with sqlite3.connect(db) as conn:
        stored = dict(conn.execute("SELECT w.code, w.message FROM plan_warnings w JOIN plans p ON p.id = w.plan_id "
                                   "WHERE p.fiscal_year = 2570"))
    assert stored["PERIOD_WIDENED"] == "ระยะเวลา “ไตรมาส ๑ และ ๔” ไม่ต่อเนื่อง ถือเป็นไตรมาส ๑ - ๔"
    assert stored["STRATEGY_TOTAL_MISMATCH"] == "ยุทธศาสตร์ที่ ๔: เอกสารระบุยอดรวม ๕๐,๐๐๐ บาท แต่ผลรวมของรายการได้ ๕,๐๐๐ บาท"
    code, out, _ = run(capsys, "--db", db, "plan", "show", "--year", "2570")
    assert code == 0 and "ระยะเวลา “ไตรมาส ๑ และ ๔” ไม่ต่อเนื่อง ถือเป็นไตรมาส ๑ - ๔" in out
    assert "is not continuous" not in out
    code, out, _ = run(capsys, "--db", db, "--language", "en", "plan", "show", "--year", "2570")
    assert code == 0 and "The period “ไตรมาส ๑ และ ๔” is not continuous; taken as Quarters 1–4" in out
    # the seeded plan (made in Thai) shows English too; a row stored before migration 0013 shows as stored
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE plan_warnings SET message_key = '' WHERE code = 'STRATEGY_TOTAL_MISMATCH'")
    code, out, _ = run(capsys, "--db", db, "--language", "en", "plan", "show", "--year", "2570")
    assert "ยุทธศาสตร์ที่ ๔: เอกสารระบุยอดรวม ๕๐,๐๐๐ บาท" in out and "is not continuous" in out


def test_plan_show_writes_the_budget_words_in_the_chosen_language(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "db.sqlite3")
    code, thai, _ = run(capsys, "--db", db, "plan", "show")
    assert code == 0 and "งบประมาณ ไม่ใช้งบประมาณ" in thai
    code, english, _ = run(capsys, "--db", db, "--language", "en", "plan", "show")
    assert code == 0 and "budget No budget used" in english.replace("Budget", "budget"), english
    outline = english.split("Notes on the document")[0]  # (the warnings quote the document's own words)
    assert "ไม่ใช้งบประมาณ" not in outline, outline


THAI_DIGIT = re.compile("[๐-๙]")


def test_english_refusals_have_arabic_digits_and_thai_ones_thai(tmp_path: Path, capsys) -> None:
    """Who reads no Thai reads no ๑๒๓: numbers, quarters and amounts in English messages are Arabic."""
    db = str(tmp_path / "db.sqlite3")
    assert run(capsys, "--db", db, "setup", "--office", "สำนักงานศึกษาธิการจังหวัดตราด")[0] == 0
    for args, english, thai in [
        (["1/1.5/2", "--quarter", "1", "--value", "5"], "Quarter 1 is outside this indicator's period (Quarters 2–4)",
         "ไตรมาส ๑ อยู่นอกระยะเวลาดำเนินการของตัวชี้วัดนี้ (ไตรมาส ๒–๔)"),
        (["1/1.5/2", "--quarter", "2", "--value", "150"], "(entered 150)", "(กรอก ๑๕๐)"),
    ]:
        code, _out, err = run(capsys, "--language", "en", "--db", db, "progress", "set", *args)
        assert code == 2 and english in err and not THAI_DIGIT.search(err), err
        code, _out, err = run(capsys, "--db", db, "progress", "set", *args)
        assert code == 2 and thai in err, err
    code, _out, err = run(capsys, "--language", "en", "--db", db, "round", "submit", "q2", "--signer", "x")
    assert code == 2 and "quarter 2" in err and not THAI_DIGIT.search(err), err
