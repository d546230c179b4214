"""Plan packages as offices see them (issue 15): a folder as the target, Thai refusals for other bad
targets, and the package number ("ฉบับที่") counting packages sent, not edits made on the coordinator's PC."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, installation

from trat_desktop.cli import main
from trat_desktop.errors import TratError
from trat_desktop.services.plan_edit import PlanEditService
from trat_desktop.services.plan_package import PlanPackageService, package_file_name


def _manifest(path: Path) -> dict:
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read("manifest.json"))


def test_cli_plan_export_into_a_folder_and_bad_targets(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "c.sqlite3")
    assert main(["--db", db, "setup", "--coordinator", "--reporter", "ผู้ทดสอบ"]) == 0
    folder = tmp_path / "ส่งออก"
    folder.mkdir()
    capsys.readouterr()
    assert main(["--db", db, "plan", "export", "--out", str(folder)]) == 0
    made = folder / package_file_name(2569, 1)
    assert made.is_file() and str(made) in capsys.readouterr().out
    assert _manifest(made)["package_number"] == 1
    # a file where a folder should be: refused in Thai, nothing written, no traceback
    blocker = tmp_path / "ไฟล์"
    blocker.write_text("x")
    code = main(["--db", db, "plan", "export", "--out", str(blocker / "p.trat")])
    out, err = capsys.readouterr()
    assert code == 2 and "ไม่ใช่โฟลเดอร์" in err and "Traceback" not in err + out
    assert blocker.read_text() == "x"
    # the current folder given as "." or ""
    for given in (".", ""):
        capsys.readouterr()
        import os
        here = os.getcwd()
        os.chdir(folder)
        try:
            assert main(["--db", db, "plan", "export", "--out", given]) == 0
        finally:
            os.chdir(here)
    assert sorted(p.name for p in folder.iterdir()) == [package_file_name(2569, 1)]


def test_the_first_package_is_number_one_whatever_the_plan_revision(tmp_path: Path) -> None:
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    office = installation(tmp_path / "o.sqlite3", "office", EDUCATION)
    editor = PlanEditService(coordinator.progress)
    strategy = coordinator.plans.load_plan().strategies[0]
    for n in range(11):  # the coordinator corrects the plan eleven times before sending it
        editor.update("strategy", strategy.uid, title=f"{strategy.title} ({n})")
    assert coordinator.plans.load_plan().revision == 12
    packages = PlanPackageService(coordinator)
    assert packages.package_number() == 1 and packages.default_name() == "แผนปฏิบัติการ_2569_ฉบับที่1.trat"
    first = packages.export_plan(tmp_path)
    assert first.name == "แผนปฏิบัติการ_2569_ฉบับที่1.trat"
    again = packages.export_plan(tmp_path / "again.trat")  # unchanged plan: the same number again
    assert _manifest(again)["package_number"] == 1 and packages.package_number() == 1
    taken = PlanPackageService(office).import_plan(first, trust_new=True)
    assert (taken["package_number"], taken["revision"]) == (1, 12)
    with pytest.raises(TratError, match="ฉบับที่ 1 ไม่ใหม่กว่าแผนที่มีอยู่ \\(ฉบับที่ 1\\)"):
        PlanPackageService(office).import_plan(again)
    editor.update("strategy", strategy.uid, title="ชื่อใหม่")
    editor.update("strategy", strategy.uid, title="ชื่อใหม่อีกครั้ง")
    assert packages.package_number() == 2
    second = packages.export_plan(tmp_path)
    assert second.name == "แผนปฏิบัติการ_2569_ฉบับที่2.trat"
    taken = PlanPackageService(office).import_plan(second)
    assert (taken["package_number"], taken["revision"]) == (2, 14)


def test_a_package_without_a_number_shows_its_revision(tmp_path: Path) -> None:
    """Packages from before package numbers (no "package_number") still import, numbered by revision."""
    from trat_desktop.services.plan_package import _package_number_of

    assert _package_number_of({}, 7) == 7
    assert _package_number_of({"package_number": True}, 7) == 7
    assert _package_number_of({"package_number": 10**9}, 7) == 7
    assert _package_number_of({"package_number": 3}, 7) == 3
