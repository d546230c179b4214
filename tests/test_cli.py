"""The trat-desktop command line."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from trat_desktop.cli import main
from trat_desktop.store.connection import SCHEMA_VERSION

SUMMARY_KEYS = {
    "fiscal_year", "strategies", "tactics", "activities", "indicators", "agencies", "assignments",
    "budget_total", "budget_by_strategy", "stated_budget_by_strategy", "stated_budget_total", "warnings",
}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_json_reports_the_document_faithfully(tmp_path: Path) -> None:
    # through the real entry point, as a user or script would call it
    result = subprocess.run(
        [sys.executable, "-m", "trat_desktop", "--db", str(tmp_path / "db.sqlite3"), "plan", "summary", "--json"],
        capture_output=True, text=True, encoding="utf-8", check=True,
    )
    data = json.loads(result.stdout)
    assert SUMMARY_KEYS <= set(data)
    assert (data["fiscal_year"], data["strategies"], data["tactics"], data["activities"]) == (2569, 5, 9, 25)
    assert (data["indicators"], data["agencies"], data["assignments"]) == (35, 25, 168)
    assert data["budget_total"] == 227_650
    assert data["budget_by_strategy"] == {"1": 210_650, "2": 12_000, "3": 0, "4": 5_000, "5": 0}
    assert data["stated_budget_by_strategy"] == {"1": 210_650, "2": 12_000, "3": None, "4": 50_000, "5": None}
    assert data["stated_budget_total"] == 227_650
    codes = [w["code"] for w in data["warnings"]]
    assert "STRATEGY_TOTAL_MISMATCH" in codes and "YEAR_MISMATCH" in codes
    assert all(set(w) >= {"code", "message"} for w in data["warnings"])


def test_plan_show_is_a_thai_outline(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(tmp_path / "db.sqlite3"), "plan", "show")
    assert code == 0
    assert "ยุทธศาสตร์ที่ ๕ การสื่อสารเพื่อสร้างความรู้ความเข้าใจ" in out
    assert "๑.๕ โครงการส่งเสริม" in out
    assert "๕๐,๐๐๐ (องค์การบริหารส่วนจังหวัดตราด)" in out
    assert "รวมงบประมาณทั้งสิ้น ๒๒๗,๖๕๐ บาท" in out
    assert "ไม่ใช้งบประมาณ" in out and "ไตรมาส ๒–๔" in out
    code, out, _ = run(capsys, "--db", str(tmp_path / "db.sqlite3"), "plan", "show", "--digits", "arabic")
    assert "รวมงบประมาณทั้งสิ้น 227,650 บาท" in out


def test_agencies_json(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(tmp_path / "db.sqlite3"), "agencies", "--json")
    assert code == 0
    agencies = json.loads(out)
    assert len(agencies) == 25
    assert all({"id", "name", "aliases", "indicator_rows"} <= set(a) for a in agencies)
    assert sum(a["indicator_rows"] for a in agencies) == 168
    by_name = {a["name"]: a for a in agencies}
    assert by_name["สำนักงานจังหวัดตราด"]["indicator_rows"] == 17
    assert "อำเภอลแหลมงอบ" in by_name["ที่ว่าการอำเภอแหลมงอบ"]["aliases"]


def test_import_text_another_year(tmp_path: Path, capsys, plan_text: str) -> None:
    doc = tmp_path / "plan-2570.txt"
    doc.write_text(plan_text.replace("๒๕๖๙", "๒๕๗๐"), encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(tmp_path / "db.sqlite3"), "plan", "import-text", str(doc), "--json")
    assert code == 0
    assert json.loads(out)["fiscal_year"] == 2570
    code, out, _ = run(capsys, "--db", str(tmp_path / "db.sqlite3"), "plan", "summary", "--json", "--year", "2569")
    assert json.loads(out)["fiscal_year"] == 2569


def test_import_of_malformed_document_fails_in_thai_and_changes_nothing(tmp_path: Path, capsys, plan_text: str) -> None:
    db = tmp_path / "db.sqlite3"
    assert run(capsys, "--db", str(db), "plan", "summary")[0] == 0
    before = list(sqlite3.connect(db).iterdump())
    doc = tmp_path / "broken.txt"
    doc.write_text(plan_text.replace("ไตรมาส ๓ - ๔", "ไตรมาส สาม"), encoding="utf-8")
    code, out, err = run(capsys, "--db", str(db), "plan", "import-text", str(doc))
    assert code == 2
    assert "บรรทัดที่ 316" in err and "ระยะเวลาดำเนินการ" in err
    assert list(sqlite3.connect(db).iterdump()) == before


def test_newer_database_exits_with_thai_message(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db.sqlite3"
    assert run(capsys, "--db", str(db), "agencies")[0] == 0
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--db", str(db), "plan", "summary")
    assert code == 2
    assert "รุ่นใหม่กว่า" in err


def test_smoke_test_opens_the_window_and_writes_a_report(tmp_path: Path) -> None:
    import os

    result = subprocess.run(
        [sys.executable, "-m", "trat_desktop", "--db", str(tmp_path / "db.sqlite3"), "--smoke-test"],
        capture_output=True, text=True, encoding="utf-8", env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "smoke test: ok" in result.stdout
    assert "smoke test: report ok" in result.stdout


def test_smoke_report_fails_loudly(monkeypatch, service, capsys) -> None:
    import trat_desktop.services.reports as reports
    from trat_desktop.cli import smoke_report

    def broken(*args, **kwargs):
        raise OSError("font missing")

    monkeypatch.setattr(reports, "plan_report", broken)
    assert smoke_report(service) == 1
    assert "font missing" in capsys.readouterr().err


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Trials, 2026-12-03: `trat-desktop progress list | head -2` ended in a BrokenPipeError traceback."""
    import os

    root = Path(__file__).resolve().parents[1]
    db = str(tmp_path / "db.sqlite3")
    assert main(["--db", db, "setup", "--coordinator"]) == 0
    # ≈ 300 KB of JSON: more than a pipe holds, so the program is still writing when the reader leaves
    proc = subprocess.Popen([sys.executable, "-m", "trat_desktop", "--db", db, "progress", "list", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=root,
                            env={**os.environ, "PYTHONPATH": str(root)})
    assert proc.stdout is not None and proc.stdout.readline()
    proc.stdout.close()  # as `head` does
    _out, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipe" not in err
    assert proc.returncode == 0
