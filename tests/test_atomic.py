"""atomic_write: whole files or none, Thai messages for every way a write fails, leftovers cleaned."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from disk_faults import full_disk, leftovers

from trat_desktop import atomic


def test_a_complete_write_replaces_and_a_failed_one_keeps_the_earlier_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    atomic.write_bytes(target, b"first")
    with pytest.raises(ZeroDivisionError):
        with atomic.atomic_write(target) as tmp:
            tmp.write_bytes(b"half")
            1 / 0  # any error in the writer: not an OSError, passed on unchanged
    assert target.read_bytes() == b"first" and leftovers(tmp_path) == ["report.pdf"]
    atomic.write_bytes(target, b"second")
    assert target.read_bytes() == b"second" and leftovers(tmp_path) == ["report.pdf"]


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "พื้นที่ดิสก์เต็ม"), (errno.EACCES, "ไม่มีสิทธิ์เขียน"),
                                         (errno.EROFS, "ไม่มีสิทธิ์เขียน"), (errno.EBUSY, "เปิดอยู่ในโปรแกรมอื่น"),
                                         (errno.EIO, "ไม่ได้")])
def test_each_os_error_gets_a_thai_message(tmp_path: Path, code: int, words: str) -> None:
    with pytest.raises(atomic.OutputError) as info:
        with atomic.atomic_write(tmp_path / "x.xlsx", "ไฟล์ Excel") as tmp:
            tmp.write_bytes(b"part")
            raise OSError(code, os.strerror(code))
    assert words in info.value.message and "x.xlsx" in info.value.message
    assert info.value.disk_full == (code == errno.ENOSPC)
    assert leftovers(tmp_path) == []


def test_a_folder_a_missing_folder_and_a_name_too_long(tmp_path: Path) -> None:
    with pytest.raises(atomic.OutputError, match="เป็นโฟลเดอร์"):
        atomic.write_bytes(tmp_path, b"x")
    with pytest.raises(atomic.OutputError, match="ไม่พบโฟลเดอร์"):
        with atomic.atomic_write(tmp_path / "gone" / "a.pdf", make_folder=False) as tmp:
            tmp.write_bytes(b"x")
    assert not (tmp_path / "gone").exists()
    with pytest.raises(atomic.OutputError, match="ยาวเกินไป"):
        atomic.write_bytes(tmp_path / ("ก" * 300 + ".pdf"), b"x")
    long_ok = tmp_path / ("ก" * 80 + ".pdf")  # 244 bytes: fits, and so must its temporary name
    atomic.write_bytes(long_ok, b"x")
    assert leftovers(tmp_path) == [long_ok.name]


def test_a_simulated_full_disk_after_some_bytes(tmp_path: Path, monkeypatch) -> None:
    budget = full_disk(monkeypatch, tmp_path, 10)
    with pytest.raises(atomic.OutputError, match="พื้นที่ดิสก์เต็ม"):
        atomic.write_bytes(tmp_path / "a.trat", b"x" * 100)
    assert budget.refused == 1 and leftovers(tmp_path) == []


def test_only_dead_processes_leftovers_are_cleaned(tmp_path: Path) -> None:
    dead = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True).stdout)
    name = "ก" * 60 + ".zip"  # a long name: the temporary name holds only its first 40 characters
    mine = atomic.part_path(tmp_path / name)
    theirs = tmp_path / mine.name.replace(f".{os.getpid()}-", f".{dead}-")
    other_target = tmp_path / f".other.zip.{dead}-0000abcd.part"
    for p in (mine, theirs, other_target):
        p.write_bytes(b"x")
    assert atomic.clean_leftovers(tmp_path, only_for=name) == [theirs]
    assert mine.exists() and other_target.exists()
    assert atomic.clean_leftovers(tmp_path) == [other_target]
    assert atomic.process_alive(os.getpid()) and not atomic.process_alive(dead)


def test_a_file_where_a_folder_should_be_gets_a_thai_message(tmp_path: Path) -> None:
    """Trials, 2026-12-03: a report or an ITA set under a path whose parent is a file printed the OS's English
    words ("(Not a directory)", "(File exists)"); now the Thai message names the file in the way."""
    from trat_desktop.cli import main

    blocker = tmp_path / "afile"
    blocker.write_text("x")
    for target in (blocker / "x.pdf", blocker / "a" / "b" / "x.docx"):
        with pytest.raises(atomic.OutputError) as err:
            with atomic.atomic_write(target) as tmp:
                tmp.write_bytes(b"data")
        message = str(err.value)
        assert f"“{blocker}” เป็นไฟล์ ไม่ใช่โฟลเดอร์" in message and "Not a directory" not in message
    with pytest.raises(atomic.OutputError) as err:
        with atomic.atomic_folder(blocker / "sub", what="ชุดหลักฐาน ITA"):
            pass
    assert f"“{blocker}” เป็นไฟล์ ไม่ใช่โฟลเดอร์" in str(err.value) and "File exists" not in str(err.value)
    with pytest.raises(atomic.OutputError) as err:
        with atomic.atomic_folder(blocker, what="ชุดหลักฐาน ITA"):
            pass
    assert "ชุดหลักฐาน ITA ไม่ได้" in str(err.value)
    assert main(["--db", str(tmp_path / "db.sqlite3"), "report", "plan", "--out", str(blocker / "p.pdf")]) == 2
    assert blocker.read_text() == "x" and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
