"""Quarterly progress: value rules, the office-only-its-rows rule, audit, CLI."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from tiny_plan import OFFICE_B, tiny_office

from trat_desktop.cli import main
from trat_desktop.domain.identity import Identity, PermissionDenied
from trat_desktop.domain.progress import ValidationError, check_achieved, parse_number, parse_spent, parse_status
from trat_desktop.services import PlanService, ProgressService

EDUCATION = "สำนักงานศึกษาธิการจังหวัดตราด"


@pytest.mark.parametrize(("unit", "value"), [("ร้อยละ", 0), ("ร้อยละ", 100), ("ร้อยละ", 87.5), ("ระดับ", 1),
                                             ("ระดับ", 5), ("ครั้ง", 0), ("ช่องทาง", 12), ("คน", 3)])
def test_values_inside_the_unit_rules(unit: str, value: float) -> None:
    check_achieved(unit, float(value))


@pytest.mark.parametrize(("unit", "value"), [("ร้อยละ", -1), ("ร้อยละ", 100.5), ("ระดับ", 0), ("ระดับ", 6),
                                             ("ระดับ", 2.5), ("ครั้ง", -1), ("ครั้ง", 1.5), ("บทเรียน", 0.1)])
def test_values_outside_the_unit_rules(unit: str, value: float) -> None:
    with pytest.raises(ValidationError) as info:
        check_achieved(unit, float(value))
    assert unit in info.value.message


def test_thai_and_arabic_digits_and_words() -> None:
    assert parse_number("๘๕", "x") == 85
    assert parse_number(" 1,250 ", "x") == 1250
    assert parse_number("", "x") is None
    with pytest.raises(ValidationError, match="ไม่ใช่ตัวเลข"):
        parse_number("แปดสิบ", "ผลการดำเนินงาน")
    with pytest.raises(ValidationError):
        parse_number("nan", "x")
    assert parse_spent("๑๒,๕๐๐.๒๕") == 1_250_025
    with pytest.raises(ValidationError, match="ทศนิยม"):
        parse_spent("10.555")
    with pytest.raises(ValidationError, match="ติดลบ"):
        parse_spent("-5")
    assert parse_status("กำลังดำเนินการ") == "in_progress"
    with pytest.raises(ValidationError, match="สถานะ"):
        parse_status("เสร็จ")


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(minutes=1)
        return self.now


@pytest.fixture
def office(service: PlanService) -> ProgressService:
    progress = ProgressService(service, clock=Clock())
    progress.set_identity(Identity(role="office", office_name="สนง.ศึกษาธิการ จ.ตราด", reporter_name="สมหญิง ตั้งใจ"))
    return progress


def counts(service: PlanService) -> tuple[int, int]:
    db = service.db
    return (db.execute("SELECT count(*) FROM progress").fetchone()[0],
            db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def test_office_sees_only_its_own_rows(service: PlanService, office: ProgressService) -> None:
    items = office.work_items()
    assert {i.agency_name for i in items} == {EDUCATION}
    expected = next(a.indicator_rows for a in service.agencies() if a.name == EDUCATION)
    assert len(items) == expected == 12
    coordinator = ProgressService(service)
    coordinator.set_identity(Identity(role="coordinator"))
    assert len(coordinator.work_items()) == 168


def test_save_audits_each_field_and_skips_no_ops(service: PlanService, office: ProgressService) -> None:
    item = office.find_item("1/1.5/2")
    entry, warnings = office.set_progress(item, 2, achieved="๘๕", spent="30,000", status="กำลังดำเนินการ", note="จัดอบรม")
    assert (entry.achieved, entry.spent_satang, entry.status, entry.revision) == (85, 3_000_000, "in_progress", 1)
    assert entry.reporter == "สมหญิง ตั้งใจ"
    assert warnings == []
    audit = office.audit()
    assert [(a["field"], a["old_value"], a["new_value"]) for a in reversed(audit[:4])] == [
        ("achieved", None, "85.0"), ("spent_satang", None, "3000000"), ("status", '"not_started"', '"in_progress"'),
        ("note", '""', '"จัดอบรม"')]  # one row per changed field, values JSON-encoded
    assert all("สมหญิง ตั้งใจ" in a["actor"] for a in audit[:4])
    before = counts(service)
    same, _ = office.set_progress(item, 2, achieved="85")
    assert same.revision == 1 and counts(service) == before
    changed, _ = office.set_progress(item, 2, status="ดำเนินการแล้ว")
    assert changed.revision == 2 and changed.achieved == 85
    assert counts(service) == (before[0], before[1] + 1)


def test_over_budget_warns_but_saves(office: ProgressService) -> None:
    item = office.find_item("1/1.5/2")
    assert item.allocated_satang == 3_400_000  # the education office's own 34,000 line
    office.set_progress(item, 2, spent="30000")
    entry, warnings = office.set_progress(item, 3, spent="๕,๐๐๐")
    assert entry.spent_satang == 500_000
    assert len(warnings) == 1 and "๓๕,๐๐๐" in warnings[0] and "๓๔,๐๐๐" in warnings[0]


@pytest.mark.parametrize(("quarter", "fields", "words"), [
    (1, {"achieved": "50"}, "นอกระยะเวลา"),
    (2, {"achieved": "101"}, "ร้อยละ"),
    (2, {"achieved": "เก้าสิบ"}, "ไม่ใช่ตัวเลข"),
    (2, {"spent": "-1"}, "ติดลบ"),
    (2, {"status": "done!"}, "สถานะ"),
    (2, {"note": "ก" * 5000}, "รายละเอียดผลการดำเนินงาน"),
])
def test_rejected_values_save_nothing(tiny: PlanService, quarter, fields, words) -> None:
    office = tiny_office(tiny)
    item = office.find_item("1/1.1/1")  # ร้อยละ, quarters 2-4
    office.set_progress(item, 3, achieved="10")
    before = counts(tiny)
    with pytest.raises(ValidationError) as info:
        office.set_progress(item, quarter, **fields)
    assert words in info.value.message
    assert counts(tiny) == before


def test_an_office_cannot_write_another_office(tiny: PlanService) -> None:
    import dataclasses

    office = tiny_office(tiny)
    own = office.find_item("1/1.1/1")  # shared by the two offices
    b = next(a for a in tiny.agencies() if a.name == OFFICE_B)
    other = dataclasses.replace(own, agency_uid=b.uid, agency_name=b.name)
    with pytest.raises(PermissionDenied, match="เฉพาะตัวชี้วัดของหน่วยงานตนเอง"):
        office.set_progress(other, 2, achieved="1")
    with pytest.raises(PermissionDenied):
        office.find_item("1/1.2/1", agency=OFFICE_B)
    assert counts(tiny)[0] == 0


def test_unconfigured_installation_cannot_write(tiny: PlanService) -> None:
    progress = ProgressService(tiny)
    item = progress.work_items()[0]
    with pytest.raises(PermissionDenied, match="ตั้งค่า"):
        progress.set_progress(item, 2, achieved="1")


def test_coordinator_writes_for_any_agency(service: PlanService) -> None:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
    from trat_desktop.errors import TratError
    with pytest.raises(TratError, match="--agency"):
        progress.find_item("1/1.1/1")
    item = progress.find_item("1/1.1/1", agency="สนง.คลัง จ.ตราด")
    entry, _ = progress.set_progress(item, 4, achieved="90")
    assert entry.agency_uid == item.agency_uid and entry.achieved == 90


def test_progress_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    first = PlanService.open(path)
    progress = ProgressService(first)
    progress.set_identity(Identity(role="office", office_name=EDUCATION))
    progress.set_progress(progress.find_item("1/1.2/1"), 2, achieved="75")
    first.close()
    again = PlanService.open(path)
    item = ProgressService(again).find_item("1/1.2/1")
    assert item.entries[2].achieved == 75
    again.close()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_setup_list_and_set(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "db.sqlite3")
    code, out, _ = run(capsys, "--db", db, "setup", "--office", "สนง.ศึกษาธิการ จ.ตราด", "--reporter", "สมชาย",
                       "--position", "นักวิชาการ", "--phone", "039-511-111", "--head", "นายใหญ่",
                       "--head-position", "ศึกษาธิการจังหวัด")
    assert code == 0 and EDUCATION in out
    code, out, _ = run(capsys, "--db", db, "progress", "list", "--json")
    items = json.loads(out)
    assert len(items) == 12 and all(i["agency"] == EDUCATION for i in items)
    row = next(i for i in items if i["id"] == "1/1.5/2")
    assert (row["strategy"], row["activity_code"], row["unit"], row["target"], row["allocated"]) == (1, "1.5", "ร้อยละ", 80, 34000)
    code, out, _ = run(capsys, "--db", db, "progress", "set", "1/1.5/2", "--quarter", "2", "--value", "๙๐",
                       "--spent", "12000", "--status", "ดำเนินการแล้ว", "--note", "อบรม ๒ รุ่น")
    assert code == 0 and "บันทึกแล้ว" in out
    code, out, _ = run(capsys, "--db", db, "progress", "list", "--json")
    q2 = next(i for i in json.loads(out) if i["id"] == "1/1.5/2")["progress"]["2"]
    assert q2["achieved"] == 90 and q2["spent"] == 12000 and q2["status"] == "done" and q2["note"] == "อบรม ๒ รุ่น"


def test_cli_invalid_input_exits_nonzero_and_changes_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db.sqlite3"
    run(capsys, "--db", str(db), "setup", "--office", EDUCATION)
    before = list(sqlite3.connect(db).iterdump())
    for args, words in [
        (["1/1.5/2", "--quarter", "2", "--value", "150"], "ร้อยละ"),
        (["1/1.5/2", "--quarter", "1", "--value", "5"], "นอกระยะเวลา"),
        (["9/9.9/9", "--quarter", "2", "--value", "5"], "ไม่พบตัวชี้วัด"),
        (["1/1.5/2", "--quarter", "2"], "ไม่มีค่าที่จะบันทึก"),
        (["1/1.1/1", "--quarter", "2", "--value", "5", "--agency", "สำนักงานจังหวัดตราด"], "หน่วยงานตนเอง"),
    ]:
        code, _, err = run(capsys, "--db", str(db), "progress", "set", *args)
        assert code == 2, args
        assert words in err, (args, err)
    assert list(sqlite3.connect(db).iterdump()) == before


def test_setup_without_an_office_says_so(service: PlanService) -> None:
    from trat_desktop.errors import TratError

    with pytest.raises(TratError, match="ต้องเลือกหน่วยงาน"):
        ProgressService(service).set_identity(Identity(role="office", office_name="  "))
    assert not ProgressService(service).identity().is_set_up


def test_work_items_carry_strategy_title_and_year(office: ProgressService) -> None:
    item = office.find_item("1/1.5/2")
    assert item.fiscal_year == 2569 and item.strategy_title.startswith("การสร้างมาตรฐานทางจริยธรรม")
    entry, _ = office.set_progress(item, 2, spent_satang=12345)
    assert entry.spent_satang == 12345


@pytest.mark.parametrize("typed", ["๙๐%", "90 %", "ร้อยละ ๙๐", "๙๐ เปอร์เซ็นต์", "90％"])
def test_a_share_is_typed_as_it_is_said(tmp_path: Path, capsys, typed: str) -> None:
    """On a ร้อยละ row "๙๐%" is 90 (as the CLI and the grid pass it to the service); on a row counted in ครั้ง a
    share is refused naming the unit, and nothing changes."""
    db = tmp_path / "db.sqlite3"
    run(capsys, "--db", str(db), "setup", "--office", EDUCATION)
    code, out, _ = run(capsys, "--db", str(db), "progress", "set", "1/1.5/2", "--quarter", "2", "--value", typed)
    assert code == 0, out
    _, out, _ = run(capsys, "--db", str(db), "progress", "list", "--json")
    items = json.loads(out)
    assert next(i for i in items if i["id"] == "1/1.5/2")["progress"]["2"]["achieved"] == 90
    count = next(i for i in items if i["unit"] not in ("ร้อยละ", "ระดับ"))
    before = list(sqlite3.connect(db).iterdump())
    code, _, err = run(capsys, "--db", str(db), "progress", "set", count["id"], "--quarter", "3", "--value", typed)
    assert code == 2 and "ร้อยละ" in err and count["unit"] in err, err
    assert list(sqlite3.connect(db).iterdump()) == before
