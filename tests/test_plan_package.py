"""Signed plan packages: the coordinator sends the plan out; offices take only newer revisions."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, installation, rewrite_zip

from trat_desktop.domain.identity import PermissionDenied
from trat_desktop.errors import TratError
from trat_desktop.exchange import keys
from trat_desktop.services.plan_edit import PlanEditService
from trat_desktop.services.plan_package import PlanPackageService


@pytest.fixture
def pair(tmp_path: Path):
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    office = installation(tmp_path / "o.sqlite3", "office", EDUCATION)
    return coordinator, office, tmp_path


def test_first_package_pins_the_key_and_later_ones_must_be_newer(pair) -> None:
    coordinator, office, tmp = pair
    editor = PlanEditService(coordinator.progress)
    packages = PlanPackageService(coordinator)
    first = packages.export_plan(tmp / "plan-1.trat")
    office_packages = PlanPackageService(office)
    with pytest.raises(TratError, match="--trust-new") as info:
        office_packages.import_plan(first)
    assert coordinator.fingerprint() in info.value.message
    result = office_packages.import_plan(first, trust_new=True)
    assert result["revision"] == 1 and result["rows"] == 35
    with pytest.raises(TratError, match="ไม่ใหม่กว่า"):
        office_packages.import_plan(first)
    # the coordinator renames an activity and adds a row: revision rises, the office takes it
    activity = coordinator.plans.load_plan().strategies[0].tactics[0].activities[0]
    editor.update("activity", activity.uid, title="ชื่อใหม่ของกิจกรรม")
    second = packages.export_plan(tmp / "plan-2.trat")
    result = office_packages.import_plan(second)
    assert result["revision"] == 2
    assert office.plans.load_plan().strategies[0].tactics[0].activities[0].title == "ชื่อใหม่ของกิจกรรม"
    assert office.plans.load_plan().revision == 2


def test_progress_on_a_removed_row_is_kept_and_flagged(pair) -> None:
    coordinator, office, tmp = pair
    progress = office.progress
    item = progress.find_item("1/1.5/2")
    progress.set_progress(item, 2, achieved="85")
    PlanPackageService(office).import_plan(PlanPackageService(coordinator).export_plan(tmp / "p1.trat"), trust_new=True)
    editor = PlanEditService(coordinator.progress)
    editor.remove("indicator", item.indicator_uid)
    result = PlanPackageService(office).import_plan(PlanPackageService(coordinator).export_plan(tmp / "p2.trat"))
    assert (result["removed_rows"], result["orphaned_progress"], result["rows"]) == (1, 1, 34)
    assert [e.achieved for e in progress.orphaned_entries()] == [85]
    assert all(i.indicator_uid != item.indicator_uid for i in progress.work_items())


def test_a_package_signed_by_someone_else_is_refused(pair) -> None:
    coordinator, office, tmp = pair
    PlanPackageService(office).import_plan(PlanPackageService(coordinator).export_plan(tmp / "p1.trat"), trust_new=True)
    impostor = installation(tmp / "impostor.sqlite3", "coordinator")
    PlanEditService(impostor.progress).update("strategy", impostor.plans.load_plan().strategies[0].uid, title="ปลอม")
    fake = PlanPackageService(impostor).export_plan(tmp / "fake.trat")
    with pytest.raises(TratError, match="ไม่ได้ลงนามโดยศูนย์"):
        PlanPackageService(office).import_plan(fake, trust_new=True)
    assert office.plans.load_plan().strategies[0].title != "ปลอม"


def test_tampered_or_wrong_kind_of_package(pair) -> None:
    coordinator, office, tmp = pair
    good = PlanPackageService(coordinator).export_plan(tmp / "p.trat")
    with zipfile.ZipFile(good) as z:
        plan = json.loads(z.read("plan.json"))
    plan["strategies"][0]["title"] = "แก้ไขระหว่างทาง"
    tampered = rewrite_zip(good, tmp / "t.trat", drop={"plan.json"},
                           add={"plan.json": json.dumps(plan, ensure_ascii=False).encode()})
    with pytest.raises(TratError, match="ค่าแฮช"):
        PlanPackageService(office).import_plan(tampered, trust_new=True)
    office.progress.set_progress(office.progress.find_item("1/1.5/2"), 2, achieved="5")
    office_file, _ = office.export_office(tmp / "office.trat")
    with pytest.raises(TratError, match="ไม่ใช่แพ็กเกจแผน"):
        PlanPackageService(office).import_plan(office_file, trust_new=True)
    with pytest.raises(PermissionDenied):
        PlanPackageService(coordinator).import_plan(good)
    with pytest.raises(PermissionDenied):
        PlanPackageService(office).export_plan(tmp / "x.trat")
    assert keys.fingerprint(coordinator.my_keys().public_b64) == coordinator.fingerprint()
