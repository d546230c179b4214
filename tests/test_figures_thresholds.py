"""The coordinator's band thresholds: set in Thai-checked steps, carried to offices by the plan package, and
the one on-target rule (domain/figures.py) that standing, the dashboard and the reports all use."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, installation, resign

from trat_desktop.domain.figures import Thresholds, ThresholdError, entry_contradiction, item_figures, parse_thresholds
from trat_desktop.domain.identity import PermissionDenied
from trat_desktop.domain.progress import ProgressEntry
from trat_desktop.domain.reporting import standing
from trat_desktop.errors import TratError
from trat_desktop.services.figures import FiguresService
from trat_desktop.services.overview import OverviewService
from trat_desktop.services.plan_package import PlanPackageService

ROOT = Path(__file__).resolve().parent.parent


def e(q, achieved=None, status="in_progress"):
    return ProgressEntry("r", "a", q, achieved, None, status, "")


def test_thresholds_are_checked_with_thai_messages():
    assert parse_thresholds("๙๐", "70%") == Thresholds(90, 70)
    for achieved, near, words in [(120, 80, "ไม่เกินร้อยละ"), (80, 90, "ไม่มากกว่า"), (100, 0, "มากกว่า ๐"),
                                  ("abc", 80, "ตัวเลข"), ("nan", 80, "ตัวเลข")]:
        with pytest.raises(ThresholdError, match=words):
            parse_thresholds(achieved, near)
    assert parse_thresholds(100, 100) == Thresholds(100, 100)  # near may equal achieved


def test_standing_on_target_is_the_figures_band_whatever_the_thresholds():
    # 9 of a target of 10: 90 %
    entries = {1: e(1, 4), 2: e(2, 5)}
    strict, lenient = Thresholds(), Thresholds(90, 50)
    assert item_figures("ครั้ง", 10, entries, thresholds=strict).band == "near"
    assert standing(range(1, 5), "ครั้ง", 10, entries, 2, thresholds=strict).on_target is False
    lenient_standing = standing(range(1, 5), "ครั้ง", 10, entries, 2, thresholds=lenient)
    assert lenient_standing.on_target is True and lenient_standing.band == "achieved"
    assert lenient_standing.achievement_pct == 90.0
    # through quarter 1 only: 4 of 10, below either way
    assert standing(range(1, 5), "ครั้ง", 10, entries, 1, thresholds=lenient).band == "below"
    # hand-computed: a share takes the latest quarter, a level too, counts add up
    assert standing(range(1, 5), "ร้อยละ", 80, {1: e(1, 90), 3: e(3, 60)}, None).achievement_pct == 75.0
    assert standing(range(1, 5), "ระดับ", 5, {2: e(2, 5)}, None).on_target is True
    assert standing(range(1, 5), "คน", None, {2: e(2, 5)}, None).on_target is None


def test_not_started_with_a_result_is_flagged_per_quarter_and_on_the_standing():
    assert entry_contradiction(e(2, 3, "not_started"))
    assert entry_contradiction(e(2, 0, "not_started")) == ""
    assert entry_contradiction(e(2, 3, "done")) == ""
    st = standing(range(1, 5), "ครั้ง", 2, {2: e(2, 3, "not_started")}, 2)
    assert "ยังไม่เริ่ม" in st.contradiction and st.on_target is True


def test_the_coordinator_sets_thresholds_offices_take_them_with_the_plan(tmp_path):
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    office = installation(tmp_path / "o.sqlite3", "office", EDUCATION)
    with pytest.raises(PermissionDenied, match="ศูนย์ปฏิบัติการ"):
        FiguresService(office.progress).set_thresholds(90, 70)
    with pytest.raises(TratError, match="ไม่มากกว่า"):
        FiguresService(coordinator.progress).set_thresholds(70, 90)
    assert FiguresService(coordinator.progress).thresholds() == Thresholds()  # refused: nothing changed
    FiguresService(coordinator.progress).set_thresholds("90", "๗๐")
    package = PlanPackageService(coordinator).export_plan(tmp_path / "p.trat")
    with zipfile.ZipFile(package) as z:
        assert json.loads(z.read("plan.json"))["figures_thresholds"] == {"achieved": 90.0, "near": 70.0}
    PlanPackageService(office).import_plan(package, trust_new=True)
    assert FiguresService(office.progress).thresholds() == Thresholds(90, 70)
    # both ends band alike: 9 of 10 is on target at 90 %
    item = office.progress.find_item("1/1.5/2")  # a count row of the education office
    target = item.target or 1
    office.progress.set_progress(item, 2, achieved=str(target * 0.9), status="in_progress")
    work = next(w for w in office.progress.work_items() if w.indicator_uid == item.indicator_uid)
    assert work.thresholds == Thresholds(90, 70)
    row = next(r for r in OverviewService(office.plans).rows() if r.indicator_uid == item.indicator_uid)
    office_line = next(o for o in row.offices if o.agency_uid == item.agency_uid)
    assert row.standing(office_line, 2).on_target is True
    assert FiguresService(office.progress).item(work).band == "achieved"


def test_an_old_package_without_thresholds_imports_and_a_bad_one_is_refused(tmp_path):
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    office = installation(tmp_path / "o.sqlite3", "office", EDUCATION)
    good = PlanPackageService(coordinator).export_plan(tmp_path / "p.trat")
    private = coordinator.my_keys().private_b64

    def plan_edit(change):
        def edit(files):
            data = json.loads(files["plan.json"])
            change(data)
            files["plan.json"] = json.dumps(data, ensure_ascii=False).encode()
        return edit

    bad = resign(good, tmp_path / "bad.trat", private,
                 entries=plan_edit(lambda d: d.update(figures_thresholds={"achieved": 70, "near": 95})))
    with pytest.raises(TratError, match="เกณฑ์ผลสัมฤทธิ์"):
        PlanPackageService(office).import_plan(bad, trust_new=True)
    assert office.plans.load_plan().revision == 1 and FiguresService(office.progress).thresholds() == Thresholds()
    old = resign(good, tmp_path / "old.trat", private, entries=plan_edit(lambda d: d.pop("figures_thresholds")))
    PlanPackageService(office).import_plan(old, trust_new=True)
    assert FiguresService(office.progress).thresholds() == Thresholds()


def test_thresholds_on_the_command_line(tmp_path):
    def run(db, *args):
        return subprocess.run([sys.executable, "-m", "trat_desktop", "--db", str(tmp_path / db), *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)

    assert run("c.sqlite3", "setup", "--coordinator").returncode == 0
    shown = run("c.sqlite3", "figures", "thresholds")
    assert shown.returncode == 0 and "ร้อยละ ๑๐๐" in shown.stdout and "ร้อยละ ๘๐" in shown.stdout
    done = run("c.sqlite3", "figures", "thresholds", "--achieved", "95", "--near", "75")
    assert done.returncode == 0 and "บันทึกเกณฑ์แล้ว" in done.stdout
    refused = run("c.sqlite3", "figures", "thresholds", "--near", "96")
    assert refused.returncode == 2 and "ไม่มากกว่า" in refused.stderr
    assert json.loads(run("c.sqlite3", "figures", "thresholds", "--json").stdout) == {"achieved": 95.0, "near": 75.0}
    assert json.loads(run("c.sqlite3", "figures", "--json").stdout)["thresholds"] == {"achieved": 95.0, "near": 75.0}
    assert run("o.sqlite3", "setup", "--office", "สำนักงานจังหวัดตราด").returncode == 0
    office = run("o.sqlite3", "figures", "thresholds", "--achieved", "90")
    assert office.returncode == 2 and "แพ็กเกจแผน" in office.stderr
