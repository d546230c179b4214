"""`trat-desktop evidence add|list|remove`: the evidence panel's rules and service calls, scriptable."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from exchange_helpers import EDUCATION, installation

from trat_desktop.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def dump(db: Path) -> list[str]:
    return list(sqlite3.connect(db).iterdump())


def test_add_list_remove_and_the_withdrawal_reaches_the_coordinator(tmp_path: Path, capsys) -> None:
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    coordinator = installation(tmp_path / "coord.sqlite3", "coordinator")
    office.plans.close()
    db = str(tmp_path / "office.sqlite3")
    photo, memo = tmp_path / "ภาพ อบรม.jpg", tmp_path / "memo.pdf"
    photo.write_bytes(b"\xff\xd8" * 100)
    memo.write_bytes(b"%PDF-1.4")
    code, out, _ = run(capsys, "--db", db, "evidence", "add", "1/1.5/2", "--quarter", "2", str(photo), str(memo))
    assert code == 0 and out.count("แนบแล้ว [1/1.5/2] ไตรมาส 2") == 2
    code, out, _ = run(capsys, "--db", db, "evidence", "list", "--json")
    listed = json.loads(out)
    assert [(e["row"], e["quarter"], e["file_name"], e["present"]) for e in listed] == [
        ("1/1.5/2", 2, "ภาพ อบรม.jpg", True), ("1/1.5/2", 2, "memo.pdf", True)]
    assert run(capsys, "--db", db, "export", "--out", str(tmp_path / "1.trat"))[0] == 0
    coordinator.import_files([tmp_path / "1.trat"], trust_new=True)
    item = coordinator.progress.find_item("1/1.5/2", agency=EDUCATION)
    assert sorted(e.file_name for e in coordinator.progress.evidence(item)) == ["memo.pdf", "ภาพ อบรม.jpg"]

    memo_id = next(e["id"] for e in listed if e["file_name"] == "memo.pdf")
    code, out, _ = run(capsys, "--db", db, "evidence", "remove", str(memo_id))
    assert code == 0 and "memo.pdf" in out
    code, out, _ = run(capsys, "--db", db, "evidence", "list")
    assert "memo.pdf" not in out and "ภาพ อบรม.jpg" in out
    assert run(capsys, "--db", db, "export", "--out", str(tmp_path / "2.trat"))[0] == 0
    coordinator.import_files([tmp_path / "2.trat"])
    assert [e.file_name for e in coordinator.progress.evidence(item)] == ["ภาพ อบรม.jpg"]
    coordinator.plans.close()


def test_refusals_exit_2_in_thai_and_change_nothing(tmp_path: Path, capsys) -> None:
    installation(tmp_path / "office.sqlite3", "office", EDUCATION).plans.close()
    db = tmp_path / "office.sqlite3"
    good = tmp_path / "good.jpg"
    good.write_bytes(b"\xff\xd8")
    big = tmp_path / "big.bin"
    with big.open("wb") as fh:
        fh.truncate(51 * 1024 * 1024)  # sparse: over the 50 MB limit without using the disk
    before = dump(db)
    cases = [
        (["1/1.5/2", "--quarter", "2", str(good), str(tmp_path / "missing.pdf")], "ไม่พบไฟล์"),
        (["1/1.5/2", "--quarter", "2", str(good), str(big)], "ใหญ่เกิน"),
        (["1/1.5/2", "--quarter", "1", str(good)], "นอกระยะเวลา"),
        (["9/9.9/9", "--quarter", "2", str(good)], "ไม่พบตัวชี้วัด"),
        (["1/1.5/2", "--quarter", "2", str(tmp_path)], "ไม่พบไฟล์"),
    ]
    for args, words in cases:
        code, _out, err = run(capsys, "--db", str(db), "evidence", "add", *args)
        assert code == 2 and words in err and "Traceback" not in err, args
    code, _out, err = run(capsys, "--db", str(db), "evidence", "remove", "99")
    assert code == 2 and "evidence list" in err
    assert dump(db) == before
    assert not (tmp_path / "evidence").exists()


def test_the_coordinator_names_the_agency(tmp_path: Path, capsys) -> None:
    installation(tmp_path / "coord.sqlite3", "coordinator").plans.close()
    db = str(tmp_path / "coord.sqlite3")
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"x")
    code, _out, err = run(capsys, "--db", db, "evidence", "add", "1/1.1/1", "--quarter", "4", str(photo))
    assert code == 2 and "--agency" in err
    code, out, _ = run(capsys, "--db", db, "evidence", "add", "1/1.1/1", "--quarter", "4", str(photo),
                       "--agency", "สนง.คลัง จ.ตราด")
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "evidence", "list")
    assert "p.jpg" in out and "สำนักงานคลังจังหวัดตราด" in out
