"""A full disk (ENOSPC injected at write time) for each kind of output: a Thai message, nothing
under the requested name, no temporary file left, and nothing else changed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from disk_faults import full_disk, leftovers
from exchange_helpers import EDUCATION, installation

from trat_desktop import atomic
from trat_desktop.services import reports  # the report service: reports are made from its plain rows
from trat_desktop.cli import main
from trat_desktop.errors import TratError
from trat_desktop.services import backup as backups

FULL = "พื้นที่ดิสก์เต็ม"


@pytest.fixture
def office(tmp_path: Path):
    (tmp_path / "office").mkdir()
    ex = installation(tmp_path / "office" / "office.sqlite3", "office", EDUCATION)
    progress = ex.progress
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="60", note="อบรม")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8" + bytes(range(256)) * 400)
    progress.attach_evidence(progress.find_item("1/1.5/2"), 2, photo)
    yield ex
    ex.plans.close()


@pytest.mark.parametrize("after", [0, 3000])
def test_pdf_report(office, tmp_path: Path, monkeypatch, after: int) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    full_disk(monkeypatch, out_dir, after)
    with pytest.raises(atomic.OutputError) as info:
        reports.office_report(office.progress, out_dir / "report.pdf", quarter=2)
    assert info.value.message.startswith(FULL) and "report.pdf" in info.value.message
    assert info.value.disk_full
    assert leftovers(out_dir) == []


def test_pdf_report_keeps_an_earlier_file_of_that_name(office, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out" / "plan.pdf"
    out.parent.mkdir()
    out.write_bytes(b"%PDF- the earlier report")
    full_disk(monkeypatch, out.parent, 1000)
    with pytest.raises(TratError, match=FULL):
        reports.plan_report(office.progress, out)
    assert out.read_bytes() == b"%PDF- the earlier report"
    assert leftovers(out.parent) == ["plan.pdf"]


# openpyxl leaves its ZipFile unclosed when the write fails; our handle is closed (Windows can delete it)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_xlsx(tmp_path: Path, monkeypatch) -> None:
    coordinator = installation(tmp_path / "coord.sqlite3", "coordinator")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    full_disk(monkeypatch, out_dir, 2000)
    with pytest.raises(TratError, match=FULL):
        reports.export_xlsx(coordinator.progress, out_dir / "ผล.xlsx")
    assert leftovers(out_dir) == []
    coordinator.plans.close()


def test_backup_to_a_chosen_file_and_the_daily_one(office, tmp_path: Path, monkeypatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    data = tmp_path / "office"
    before = leftovers(data)
    full_disk(monkeypatch, tmp_path, 5000)
    with pytest.raises(TratError, match=FULL):
        backups.backup_now(office.plans, usb / "copy.zip")
    assert leftovers(usb) == []
    with pytest.raises(TratError, match=FULL):
        backups.daily_backup(office.plans)
    assert leftovers(data) == before  # no backup, no .part, no unpacked database copy
    monkeypatch.undo()
    made = backups.daily_backup(office.plans)  # once there is room again it works
    assert made is not None and zipfile.ZipFile(made).testzip() is None


def test_backup_on_the_command_line_exits_2_in_thai(office, tmp_path: Path, monkeypatch, capsys) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    db = office.plans.path
    office.plans.close()
    full_disk(monkeypatch, usb, 100)
    assert main(["--db", str(db), "backup", "--out", str(usb / "copy.zip")]) == 2
    err = capsys.readouterr().err
    assert FULL in err and "Traceback" not in err and "Errno" not in err
    assert leftovers(usb) == []


def test_export_uses_no_sequence_number_when_the_disk_is_full(office, tmp_path: Path, monkeypatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    full_disk(monkeypatch, usb, 500)
    with pytest.raises(TratError, match=FULL):
        office.export_office(usb / "edu.trat")
    assert leftovers(usb) == []
    monkeypatch.undo()
    _path, sequence = office.export_office(usb / "edu.trat")
    assert sequence == 1  # the failed export did not use up number 1


def test_plan_package(tmp_path: Path, monkeypatch) -> None:
    from trat_desktop.services.plan_package import PlanPackageService

    coordinator = installation(tmp_path / "coord.sqlite3", "coordinator")
    usb = tmp_path / "usb"
    usb.mkdir()
    full_disk(monkeypatch, usb, 2000)
    with pytest.raises(TratError, match=FULL):
        PlanPackageService(coordinator).export_plan(usb / "plan.tratplan")
    assert leftovers(usb) == []
    coordinator.plans.close()


def test_evidence_add(office, tmp_path: Path, monkeypatch) -> None:
    progress = office.progress
    item = progress.find_item("1/1.3/1")
    memo = tmp_path / "memo.pdf"
    memo.write_bytes(b"%PDF-1.4 " * 5000)
    evidence_dir = progress.evidence_folder()
    before = leftovers(evidence_dir)
    full_disk(monkeypatch, evidence_dir, 10_000)
    with pytest.raises(TratError, match=FULL) as info:
        progress.attach_evidence(item, 2, memo)
    assert "“memo.pdf”" in info.value.message  # the person's file, not the stored copy's hash
    assert leftovers(evidence_dir) == before
    assert progress.evidence(item) == []
    monkeypatch.undo()
    assert main(["--db", str(office.plans.path), "evidence", "list", "--json"]) == 0


def test_evidence_add_on_the_command_line(office, tmp_path: Path, monkeypatch, capsys) -> None:
    memo = tmp_path / "memo.pdf"
    memo.write_bytes(b"%PDF-1.4 " * 5000)
    db = office.plans.path
    evidence_dir = office.progress.evidence_folder()
    office.plans.close()
    full_disk(monkeypatch, evidence_dir, 100)
    assert main(["--db", str(db), "evidence", "add", "1/1.3/1", "--quarter", "2", str(memo)]) == 2
    assert FULL in capsys.readouterr().err
    monkeypatch.undo()
    assert main(["--db", str(db), "evidence", "list"]) == 0
    assert "memo.pdf" not in capsys.readouterr().out


def test_restore_onto_a_full_disk_changes_nothing(office, tmp_path: Path, monkeypatch) -> None:
    bundle = backups.backup_now(office.plans, tmp_path / "copy.zip")
    new_pc = tmp_path / "new-pc"
    new_pc.mkdir()
    full_disk(monkeypatch, new_pc, 20_000)
    with pytest.raises(TratError, match=FULL):
        backups.restore(new_pc / "trat.sqlite3", bundle)
    assert leftovers(new_pc) == [] and [p.name for p in new_pc.iterdir()] == []


def test_the_daily_backup_does_not_fill_the_disk(office, tmp_path: Path, monkeypatch) -> None:
    import shutil
    from collections import namedtuple

    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: Usage(10**10, 10**10 - 50 * 1024 * 1024, 50 * 1024 * 1024))
    data = tmp_path / "office"
    before = leftovers(data)
    with pytest.raises(TratError, match="พื้นที่ดิสก์เหลือน้อย") as info:
        backups.daily_backup(office.plans)
    assert "50 MB" in info.value.message
    assert leftovers(data) == before
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: Usage(10**10, 0, 10**10))
    assert backups.daily_backup(office.plans) is not None
