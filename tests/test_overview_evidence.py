"""The coordinator's consolidated picture, the dashboard figures, and evidence files."""

from __future__ import annotations

from pathlib import Path

import pytest

from trat_desktop.domain.identity import Identity, PermissionDenied
from trat_desktop.domain.figures import on_target
from trat_desktop.domain.progress import ProgressEntry, achieved_to_date
from trat_desktop.errors import TratError
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.overview import OverviewService


def office(service: PlanService, name: str) -> ProgressService:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name=name, reporter_name="ผู้รายงาน"))
    return progress


def test_achieved_to_date_sums_counts_but_not_shares() -> None:
    e = lambda q, v: ProgressEntry("r", "a", q, achieved=v)  # noqa: E731
    assert achieved_to_date("ครั้ง", {2: e(2, 1), 3: e(3, 2)}) == 3
    assert achieved_to_date("ร้อยละ", {2: e(2, 60), 3: e(3, 85)}) == 85
    assert achieved_to_date("ระดับ", {3: e(3, 4), 2: e(2, 2)}) == 4
    assert on_target("ครั้ง", 2, {2: e(2, 1)}) is False
    assert on_target("ครั้ง", 2, {2: e(2, 1), 4: e(4, 1)}) is True
    assert on_target("ร้อยละ", 80, {}) is None


def test_consolidated_rows_and_dashboard(service: PlanService) -> None:
    education = office(service, "สนง.ศึกษาธิการ จ.ตราด")
    education.set_progress(education.find_item("1/1.5/2"), 2, achieved="85", spent="20000")
    education.set_progress(education.find_item("1/1.3/1"), 2, achieved="1")
    education.set_progress(education.find_item("1/1.3/1"), 3, achieved="1")
    overview = OverviewService(service)
    rows = {r.id: r for r in overview.rows()}
    assert len(rows) == 35
    r15 = rows["1/1.5/2"]
    assert [o.agency_name for o in r15.offices][1] == "สำนักงานศึกษาธิการจังหวัดตราด"
    assert r15.reported_count(2) == 1
    assert r15.allocated_satang == 11_100_000 and r15.spent_satang == 2_000_000
    edu = r15.offices[1]
    assert r15.achieved(edu) == 85 and r15.office_on_target(edu) is True
    r13 = rows["1/1.3/1"]
    assert r13.achieved(next(o for o in r13.offices if o.agency_name == "สำนักงานศึกษาธิการจังหวัดตราด")) == 2

    board = overview.dashboard(quarter=2)
    s1 = board.strategies[0]
    # as of quarter 2, 1/1.3/1 has 1 of its 2 (its quarter-3 result does not count yet)
    assert (s1.number, s1.assignments, s1.on_target, s1.allocated_satang, s1.spent_satang) == (1, 31, 1, 21_065_000, 2_000_000)
    assert overview.dashboard(quarter=3).strategies[0].on_target == 2
    assert overview.dashboard(quarter=None).strategies[0].on_target == 2
    assert [s.assignments for s in board.strategies] == [31, 60, 11, 39, 27]
    # an office is listed while it owes any report of the quarter (as in the printed report)
    assert "สำนักงานศึกษาธิการจังหวัดตราด" in board.missing_offices
    assert "สำนักงานจังหวัดตราด" in board.missing_offices
    for item in education.work_items():
        if 2 in item.quarters():
            education.set_progress(item, 2, status="กำลังดำเนินการ")
    board = overview.dashboard(quarter=2)
    assert "สำนักงานศึกษาธิการจังหวัดตราด" not in board.missing_offices
    assert len(board.missing_offices) == 24
    # quarter 1 is outside every row's period in this plan: nobody is due
    assert overview.dashboard(quarter=1).missing_offices == []


def test_evidence_is_stored_once_per_content(service: PlanService, tmp_path: Path) -> None:
    progress = office(service, "สนง.ศึกษาธิการ จ.ตราด")
    item = progress.find_item("1/1.5/2")
    photo = tmp_path / "รูปกิจกรรม.jpg"
    photo.write_bytes(b"\xff\xd8" + b"photo" * 1000)
    first = progress.attach_evidence(item, 2, photo)
    again = progress.attach_evidence(item, 2, photo)
    assert again.id == first.id
    other_quarter = progress.attach_evidence(item, 3, photo)
    assert other_quarter.id != first.id and other_quarter.sha256 == first.sha256
    stored = progress.evidence_path(first)
    assert stored.read_bytes() == photo.read_bytes()
    blobs = [p for p in progress.evidence_folder().rglob("*") if p.is_file()]
    assert blobs == [stored]
    assert [e.file_name for e in progress.evidence(item)] == ["รูปกิจกรรม.jpg", "รูปกิจกรรม.jpg"]
    progress.remove_evidence(item, first.id)
    assert [e.quarter for e in progress.evidence(item)] == [3]
    assert stored.exists()  # still used by quarter 3
    with pytest.raises(TratError):
        progress.remove_evidence(item, 9999)
    with pytest.raises(TratError, match="นอกระยะเวลา"):
        progress.attach_evidence(item, 1, photo)
    with pytest.raises(TratError, match="ไม่พบไฟล์"):
        progress.attach_evidence(item, 2, tmp_path / "missing.pdf")


def test_evidence_follows_the_office_rule_and_size_limit(service: PlanService, tmp_path: Path, monkeypatch) -> None:
    import dataclasses

    progress = office(service, "สนง.ศึกษาธิการ จ.ตราด")
    own = progress.find_item("1/1.2/1")
    provincial = next(a for a in service.agencies() if a.name == "สำนักงานจังหวัดตราด")
    forged = dataclasses.replace(own, agency_uid=provincial.uid, agency_name=provincial.name)
    doc = tmp_path / "doc.pdf"
    doc.write_bytes(b"%PDF-1.4 test")
    with pytest.raises(PermissionDenied):
        progress.attach_evidence(forged, 2, doc)
    monkeypatch.setattr("trat_desktop.store.evidence.MAX_EVIDENCE_BYTES", 5)
    with pytest.raises(TratError, match="ใหญ่เกิน"):
        progress.attach_evidence(own, 2, doc)
    assert progress.evidence(own) == []
    assert not progress.evidence_folder().exists() or not any(progress.evidence_folder().rglob("*.*"))
