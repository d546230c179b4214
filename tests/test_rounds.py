"""The reporting round at an office: sign-off checks, the lock, withdrawal, changes after a sign-off, the
coordinator's dates; and the CLI verbs."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from trat_desktop.domain.identity import Identity, PermissionDenied
from trat_desktop.errors import TratError
from trat_desktop.services import ProgressService
from trat_desktop.services.rounds import RoundService

ROOT = Path(__file__).resolve().parent.parent
OFFICE = "สำนักงานจังหวัดตราด"


def _clock(day: dt.date):
    return lambda: dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture
def office(service):
    progress = ProgressService(service, clock=_clock(dt.date(2026, 4, 12)))
    progress.set_identity(Identity(role="office", office_name=OFFICE, reporter_name="ผู้รายงาน",
                                   head_name="นางหัวหน้า", head_position="ผู้อำนวยการ"))
    return progress


def _fill(progress: ProgressService, quarters: tuple[int, ...]) -> None:
    for item in progress.work_items(2569):
        for quarter in quarters:
            if quarter in item.quarters():
                if item.unit.strip() in ("ร้อยละ", "ระดับ"):
                    progress.set_progress(item, quarter, achieved="3")
                else:
                    progress.set_progress(item, quarter, status="cancelled", note="งดจัดเพราะน้ำท่วม")


def test_a_sign_off_needs_every_due_row_and_then_locks_the_rounds_values(office, tmp_path):
    rounds = RoundService(office)
    with pytest.raises(TratError, match="ยังส่งไตรมาส ๒ไม่ได้"):
        rounds.submit(2569, "q2")
    _fill(office, (2,))
    view, final = rounds.submit(2569, "q2", folder=tmp_path)
    assert final.is_file() and final.parent == tmp_path
    assert view.state == "submitted" and view.submission.signer_name == "นางหัวหน้า"
    assert view.submission.signed_on == "2026-04-12"
    item = next(i for i in office.work_items(2569) if 2 in i.quarters())
    before = office.current_entry(item, 2)
    with pytest.raises(TratError, match="ลงนามส่งรายงานแล้ว"):
        office.set_progress(item, 2, note="แก้ไขภายหลัง")
    evidence = tmp_path / "photo.jpg"
    evidence.write_bytes(b"\xff\xd8 photo")
    with pytest.raises(TratError, match="ถอนการส่งรายงาน"):
        office.attach_evidence(item, 2, evidence)
    assert office.current_entry(item, 2) == before
    if 3 in item.quarters():
        office.set_progress(item, 3, note="ไตรมาสถัดไปยังแก้ไขได้")


def test_withdrawing_needs_a_reason_reopens_the_round_and_counts_changes_after_the_sign_off(office, tmp_path):
    rounds = RoundService(office)
    _fill(office, (2,))
    rounds.submit(2569, "q2", folder=tmp_path)
    with pytest.raises(TratError, match="เหตุผล"):
        rounds.withdraw(2569, "q2", "  ")
    assert rounds.withdraw(2569, "q2", "แก้ตัวเลขผิด").state == "withdrawn"
    items = [i for i in office.work_items(2569) if 2 in i.quarters()]
    office.set_progress(items[0], 2, note="แก้ไขหลังถอน")
    office.set_progress(items[1], 2, note="แก้ไขหลังถอน")
    assert rounds.views(2569)["q2"].changed_after_signoff == 2
    again, _ = rounds.submit(2569, "q2", folder=tmp_path)
    assert again.state == "submitted" and again.changed_after_signoff == 0


def test_only_the_coordinator_sets_round_dates_and_impossible_dates_are_refused(service, office):
    with pytest.raises(PermissionDenied, match="ศูนย์ปฏิบัติการ"):
        RoundService(office).set_dates(2569, "y", end="31 ส.ค. 2569")
    coordinator = ProgressService(service)
    coordinator.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
    rounds = RoundService(coordinator)
    cut = rounds.set_dates(2569, "y", end="31 ส.ค. 2569", due="๑๐ ก.ย. ๒๕๖๙")
    assert (cut.end, cut.due) == (dt.date(2026, 8, 31), dt.date(2026, 9, 10))
    assert rounds.find(2569, "y").due == dt.date(2026, 9, 10)
    with pytest.raises(TratError, match="วันครบกำหนดส่งต้องไม่ก่อน"):
        rounds.set_dates(2569, "q3", due="1/6/2569")
    with pytest.raises(TratError, match="ไม่มีรอบรายงาน"):
        rounds.find(2569, "q5")
    assert rounds.find(2569, "q3").due == dt.date(2026, 7, 15)
    # an empty date (--due "") or none at all is refused, not printed as if set; a date not in the calendar says so
    for given in ({"due": ""}, {"due": "  "}, {}, {"start": "", "due": "1/7/2569"}):
        with pytest.raises(TratError, match="ไม่ได้ระบุวันที่ที่จะเปลี่ยน"):
            rounds.set_dates(2569, "h1", **given)
    for typed, words in (("31 ก.พ. 2569", "เดือนกุมภาพันธ์ ๒๕๖๙ มี ๒๘ วัน"), ("29/2/2569", "เดือนกุมภาพันธ์ ๒๕๖๙ มี ๒๘ วัน"),
                         ("๓๑ เม.ย. ๒๕๖๙", "เดือนเมษายน ๒๕๖๙ มี ๓๐ วัน")):
        with pytest.raises(TratError, match="ไม่มีวันที่") as refused:
            rounds.set_dates(2569, "h1", due=typed)
        assert words in refused.value.message, refused.value.message
    from trat_desktop.domain.rounds import parse_date

    assert parse_date("29/2/2567") == dt.date(2024, 2, 29)  # a leap year's 29th is in the calendar


def test_the_header_shows_the_open_round_and_days_left(office):
    rounds = RoundService(office)
    assert rounds.header_text(2569, dt.date(2026, 4, 12)) == "รอบที่ต้องส่ง: ไตรมาส ๒ · ครบกำหนดส่ง ๑๕ เม.ย. ๒๕๖๙ อีก ๓ วัน"


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "trat_desktop", "--db", str(db), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_round_verbs_on_the_command_line(tmp_path):
    db = tmp_path / "o.sqlite3"
    assert _cli(db, "setup", "--office", OFFICE, "--head", "นางหัวหน้า").returncode == 0
    listed = json.loads(_cli(db, "round", "list", "--year", "2569", "--json").stdout)
    assert [r["id"] for r in listed] == ["q1", "q2", "q3", "q4", "h1", "y"]
    assert listed[4]["quarters"] == [1, 2] and listed[1]["due"] == "2026-04-15" and listed[1]["state"] == "open"
    refused = _cli(db, "round", "submit", "q2")
    assert refused.returncode == 2 and "ยังส่งไตรมาส ๒ไม่ได้" in refused.stderr
    unknown = _cli(db, "round", "set", "y", "--due", "พรุ่งนี้")
    assert unknown.returncode == 2 and "ศูนย์ปฏิบัติการ" in unknown.stderr
    assert _cli(db, "round", "withdraw", "q2", "--reason", "x").returncode == 2


def test_the_final_file_tells_the_coordinator_who_signed_when_and_timeliness_follows(service, tmp_path):
    """Office signs q2 on 18 เม.ย. (3 days late), the coordinator imports the final file: received, late by 3;
    an office that sent nothing is missing; a returned round gets a ready reminder with the comment."""
    from trat_desktop.services import PlanService
    from trat_desktop.services.exchange import ExchangeService
    from trat_desktop.services.rounds import ReviewService, board, reminders

    office_plans = PlanService.open(tmp_path / "office.sqlite3")
    try:
        office = ProgressService(office_plans, clock=_clock(dt.date(2026, 4, 18)))
        office.set_identity(Identity(role="office", office_name=OFFICE, head_name="นางหัวหน้า"))
        _fill(office, (2,))
        _, final = RoundService(office).submit(2569, "q2", folder=tmp_path)
        coordinator = ProgressService(service, clock=_clock(dt.date(2026, 4, 20)))
        coordinator.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
        report = ExchangeService(coordinator).import_files([final], trust_new=True)
        assert [r.status for r in report.files] == ["imported"]
        review = ReviewService(coordinator)
        entries = {e.office_name: e for e in board(review, 2569, "q2")}
        mine = entries[OFFICE]
        assert (mine.state, mine.punctuality.state, mine.punctuality.days_late) == ("received", "late", 3)
        assert mine.signed_on == "2026-04-18"
        others = [e for name, e in entries.items() if name != OFFICE]
        assert others and all(e.punctuality.state == "missing" and e.state == "not_received" for e in others)
        again = ExchangeService(coordinator).import_files([final], trust_new=True)
        assert [r.status for r in again.files] == ["unchanged"]
        assert board(review, 2569, "q2")[0].received_at == board(review, 2569, "q2")[0].received_at
        review.set_state(OFFICE, 2569, "q2", "return", "ขอรายชื่อผู้เข้าร่วมกิจกรรม")
        assert {e.office_name: e.state for e in board(review, 2569, "q2")}[OFFICE] == "returned"
        messages = dict(reminders(review, 2569, "q2"))
        assert "ขอรายชื่อผู้เข้าร่วมกิจกรรม" in messages[OFFICE] and "ส่งคืนเพื่อแก้ไข" in messages[OFFICE]
        missing = next(m for o, m in messages.items() if o != OFFICE)
        assert "ยังไม่ได้รับไฟล์รายงาน" in missing and "๑๕ เมษายน ๒๕๖๙" in missing and "เลยกำหนดมาแล้ว ๕ วัน" in missing
    finally:
        office_plans.close()


def test_the_year_just_ended_stays_the_default_until_its_q4_round_is_due_as_the_centre_set_it(service):
    """One rule for due dates: the default year follows quarter 4's due date, moved by the coordinator."""
    from trat_desktop.domain.model import copy_for_year
    from trat_desktop.store import plans as plan_store

    import uuid

    plan_store.save_plan(service.db, copy_for_year(service.load_plan(2569), 2570, lambda _u: str(uuid.uuid4())))
    assert service.default_year(dt.date(2026, 10, 15)) == 2569
    assert service.default_year(dt.date(2026, 10, 16)) == 2570
    coordinator = ProgressService(service)
    coordinator.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
    RoundService(coordinator).set_dates(2569, "q4", due="31 ต.ค. 2569")
    assert service.default_year(dt.date(2026, 10, 20)) == 2569
    assert service.default_year(dt.date(2026, 11, 1)) == 2570


def test_the_coordinators_round_dates_travel_in_the_plan_package(service, tmp_path):
    from trat_desktop.services import PlanService
    from trat_desktop.services.exchange import ExchangeService
    from trat_desktop.services.plan_package import PlanPackageService

    coordinator = ProgressService(service)
    coordinator.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
    RoundService(coordinator).set_dates(2569, "y", end="31 ส.ค. 2569", due="10 ก.ย. 2569")
    package = PlanPackageService(ExchangeService(coordinator))
    path = package.export_plan(tmp_path / "plan.trat", 2569)
    office_plans = PlanService.open(tmp_path / "office.sqlite3")
    try:
        office = ProgressService(office_plans)
        office.set_identity(Identity(role="office", office_name=OFFICE))
        PlanPackageService(ExchangeService(office)).import_plan(path, trust_new=True)
        y = RoundService(office).find(2569, "y")
        assert (y.end, y.due) == (dt.date(2026, 8, 31), dt.date(2026, 9, 10))
    finally:
        office_plans.close()


def test_timeliness_is_in_the_provincial_report_and_the_workbook(service, tmp_path):
    import os
    import shutil
    import subprocess

    import openpyxl

    from trat_desktop.services import PlanService
    from trat_desktop.services.exchange import ExchangeService
    from trat_desktop.services.reports import write_report

    office_plans = PlanService.open(tmp_path / "office.sqlite3")
    try:
        office = ProgressService(office_plans, clock=_clock(dt.date(2026, 4, 18)))
        office.set_identity(Identity(role="office", office_name=OFFICE, head_name="นางหัวหน้า"))
        _fill(office, (2,))
        _, final = RoundService(office).submit(2569, "q2", folder=tmp_path)
    finally:
        office_plans.close()
    centre = ProgressService(service, clock=_clock(dt.date(2026, 4, 20)))
    centre.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
    ExchangeService(centre).import_files([final], trust_new=True)
    write_report(centre, "xlsx", tmp_path / "p.xlsx", fiscal_year=2569, quarter=2)
    sheet = openpyxl.load_workbook(tmp_path / "p.xlsx")["ความตรงเวลา"]
    lines = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert lines[OFFICE][3] == "ส่งล่าช้า ๓ วัน" and lines[OFFICE][5] == "18 เมษายน 2569"  # Buddhist era, as the rest of the workbook
    assert sum(1 for row in lines.values() if row[3] == "ยังไม่ส่ง") == len(lines) - 1
    if shutil.which("pdftotext") is None and not os.environ.get("CI"):
        return
    write_report(centre, "province", tmp_path / "p.pdf", fiscal_year=2569, quarter=2)
    text = " ".join(subprocess.run(["pdftotext", str(tmp_path / "p.pdf"), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "ความตรงเวลาในการส่งรายงาน" in text and "ส่งล่าช้า ๓ วัน" in text


def test_comment_list_names_the_indicator_each_comment_is_on(tmp_path, capsys):
    """`comment list` says which indicator a comment is on (as the receipt does), in text and in --json."""
    from trat_desktop.cli import main

    db = str(tmp_path / "centre.sqlite3")
    assert main(["--db", db, "setup", "--coordinator", "--reporter", "ผู้ประสาน"]) == 0
    assert main(["--db", db, "comment", "1/1.5/2", "--quarter", "2", "--text", "ขอหลักฐานการอบรมเพิ่ม",
                 "--agency", "สำนักงานศึกษาธิการจังหวัดตราด"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "comment", "list"]) == 0
    out = capsys.readouterr().out
    assert "ตัวชี้วัด 1/1.5/2 ไตรมาส 2: ขอหลักฐานการอบรมเพิ่ม" in out, out
    assert main(["--db", db, "comment", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(c["indicator"], c["quarter"]) for c in listed] == [("1/1.5/2", 2)]
