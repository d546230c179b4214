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
