"""Fiscal years: the default year and quarter (one domain rule), the previous year kept editable and
exportable, and --year on the command line."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, installation
from hypothesis import given
from hypothesis import strategies as st

from trat_desktop.cli import main
from trat_desktop.domain import fiscal
from trat_desktop.domain.identity import Identity
from trat_desktop.domain.thai import fiscal_year_of, to_thai_digits
from trat_desktop.exchange import archive
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.plan_edit import PlanEditService
from trat_desktop.services.plan_package import PlanPackageService
from trat_desktop.store import settings as settings_store


# -- the rule ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("today", "years", "expected"), [
    (dt.date(2026, 12, 2), [2569], 2569),          # a new install in FY2570 opens on the embedded FY2569 plan
    (dt.date(2026, 12, 2), [2569, 2570], 2570),    # the current quarter's year
    (dt.date(2026, 10, 1), [2569, 2570], 2569),    # the weeks after 1 October: the year just ended...
    (dt.date(2026, 10, 15), [2569, 2570], 2569),   # ... until its quarter 4 is due (15 October, inclusive)
    (dt.date(2026, 10, 16), [2569, 2570], 2570),
    (dt.date(2026, 9, 30), [2569, 2570], 2569),
    (dt.date(2026, 2, 10), [2569, 2570], 2569),
    (dt.date(2026, 2, 10), [2570, 2571], 2570),    # no plan before: the oldest after
    (dt.date(2027, 12, 1), [2568, 2569], 2569),    # no plan of this year: the newest before it
    (dt.date(2026, 12, 2), [], None),
])
def test_default_year(today: dt.date, years: list[int], expected: int | None) -> None:
    assert fiscal.default_year(today, years) == expected


def test_a_setting_moves_the_end_of_the_last_round() -> None:
    assert fiscal.default_year(dt.date(2026, 10, 20), [2569, 2570], rounds_due=30) == 2569
    assert fiscal.default_year(dt.date(2026, 10, 30), [2569, 2570], rounds_due=30) == 2569
    assert fiscal.default_year(dt.date(2026, 10, 31), [2569, 2570], rounds_due=30) == 2570
    assert fiscal.default_year(dt.date(2026, 10, 1), [2569, 2570], rounds_due=0) == 2570
    assert [fiscal.round_due_days(v) for v in ("30", " 7 ", None, "", "สิบ", "-3", "365")] == [30, 7, 15, 15, 15, 15, 15]


def test_default_quarter() -> None:
    assert fiscal.default_quarter(2569, dt.date(2026, 2, 10)) == 2
    assert fiscal.default_quarter(2568, dt.date(2026, 2, 10)) == 4  # a past year: its last round
    assert fiscal.default_quarter(2570, dt.date(2026, 2, 10)) == 1  # a year not yet begun
    assert fiscal.default_quarter(2570, dt.date(2026, 10, 1)) == 1
    assert fiscal.default_quarter(2569, dt.date(2026, 10, 10)) == 4
    assert fiscal.default_quarter(None, dt.date(2026, 10, 10)) == 4  # the year being reported is 2569
    assert fiscal.default_quarter(None, dt.date(2026, 12, 2)) == 1
    assert fiscal.current_quarter(2570, dt.date(2026, 12, 2)) == 1
    assert fiscal.current_quarter(2569, dt.date(2026, 12, 2)) is None


@given(st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)),
       st.sets(st.integers(2560, 2580), max_size=6), st.integers(0, 90))
def test_the_default_is_always_a_planned_year_and_the_reported_one_when_it_can_be(
        today: dt.date, years: set[int], due: int) -> None:
    chosen = fiscal.default_year(today, years, due)
    if not years:
        assert chosen is None
        return
    assert chosen in years
    reported = fiscal.reporting_year(today, due)
    assert reported in (fiscal_year_of(today), fiscal_year_of(today) - 1)
    if reported in years:
        assert chosen == reported
    elif any(y < reported for y in years):
        assert chosen == max(y for y in years if y < reported)
    # the year just ended is reported only in the days right after 1 October
    if reported != fiscal_year_of(today):
        assert today.month == 10 or (due > 31 and today.month in (10, 11, 12))


# -- services -----------------------------------------------------------------------------------
def _clock(day: dt.date):
    return lambda: dt.datetime.combine(day, dt.time(10, 0)).astimezone()


@pytest.fixture
def two_years(tmp_path: Path):
    """A coordinator with FY2569 and FY2570 plans and an education office that received both."""
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    PlanEditService(coordinator.progress).copy_year(2569, 2570)
    office = installation(tmp_path / "o.sqlite3", "office", EDUCATION)
    package = PlanPackageService(coordinator).export_plan(tmp_path / "plan-2570.trat", 2570)
    PlanPackageService(office).import_plan(package, trust_new=True)
    assert office.plans.fiscal_years() == [2569, 2570]
    yield coordinator, office, tmp_path
    coordinator.plans.close()
    office.plans.close()


def test_services_open_on_the_year_being_reported(two_years) -> None:
    _, office, _ = two_years
    plans = office.plans
    for day, year in ((dt.date(2026, 10, 10), 2569), (dt.date(2026, 10, 16), 2570), (dt.date(2027, 3, 1), 2570)):
        progress = ProgressService(plans, clock=_clock(day))
        assert progress.default_year() == year
        assert plans.load_plan().fiscal_year == year
        assert {i.fiscal_year for i in progress.work_items()} == {year}
    # the installation's setting moves the end of the last round
    settings_store.save_settings(plans.db, {fiscal.ROUND_DUE_DAYS_SETTING: "40"}, "ทดสอบ", "2026-10-01")
    assert ProgressService(plans, clock=_clock(dt.date(2026, 11, 5))).default_year() == 2569
    assert ProgressService(plans, clock=_clock(dt.date(2026, 11, 10))).default_year() == 2570


def test_the_previous_year_stays_editable_and_exportable(two_years) -> None:
    coordinator, office, tmp = two_years
    progress = ProgressService(office.plans, clock=_clock(dt.date(2026, 12, 2)))  # FY2570, quarter 1
    assert progress.default_year() == 2570
    old = progress.find_item("1/1.5/2", fiscal_year=2569)
    new = progress.find_item("1/1.5/2")
    assert (old.fiscal_year, new.fiscal_year) == (2569, 2570) and old.indicator_uid != new.indicator_uid
    progress.set_progress(old, 4, achieved="90")
    progress.set_progress(progress.find_item(old.indicator_uid), 4, note="แก้ไขหลังสิ้นปี")  # found by uid
    exchange = type(office)(progress)
    path, _ = exchange.export_office(tmp / "q4-2569.trat", fiscal_year=2569)
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read(archive.MANIFEST))
        records = [json.loads(line) for line in z.read("progress.jsonl").splitlines()]
    assert manifest["fiscal_year"] == 2569
    assert [(r["indicator_uid"], r["quarter"], r["achieved"], r["note"]) for r in records] == [
        (old.indicator_uid, 4, 90, "แก้ไขหลังสิ้นปี")]
    result = coordinator.import_files([path], trust_new=True).files[0]
    assert result.status == "imported", result
    assert coordinator.progress.find_item("1/1.5/2", agency=EDUCATION, fiscal_year=2569).entries[4].achieved == 90


# -- the command line --------------------------------------------------------------------------------
def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_year_options(two_years, capsys) -> None:
    _, office, tmp = two_years
    db = str(office.plans.path)
    office.plans.close()
    default = fiscal.default_year(dt.date.today(), [2569, 2570])
    code, out, _ = run(capsys, "--db", db, "progress", "list", "--json")
    assert code == 0 and {i["fiscal_year"] for i in json.loads(out)} == {default}
    lists = {}
    for year in (2569, 2570):
        code, out, _ = run(capsys, "--db", db, "progress", "list", "--json", "--year", str(year))
        lists[year] = json.loads(out)
        assert code == 0 and {i["fiscal_year"] for i in lists[year]} == {year} and len(lists[year]) == 12
    assert not {i["indicator_uid"] for i in lists[2569]} & {i["indicator_uid"] for i in lists[2570]}
    code, out, _ = run(capsys, "--db", db, "progress", "set", "1/1.5/2", "--quarter", "4", "--value", "๘๐",
                       "--year", "2569")
    assert code == 0, out
    code, out, _ = run(capsys, "--db", db, "progress", "list", "--json", "--year", "2569")
    assert next(i for i in json.loads(out) if i["id"] == "1/1.5/2")["progress"]["4"]["achieved"] == 80
    code, out, _ = run(capsys, "--db", db, "progress", "list", "--json", "--year", "2570")
    assert all(i["progress"]["4"] is None for i in json.loads(out))
    out_file = tmp / "export-2569.trat"
    code, _, _ = run(capsys, "--db", db, "export", "--out", str(out_file), "--year", "2569")
    assert code == 0
    with zipfile.ZipFile(out_file) as z:
        assert json.loads(z.read(archive.MANIFEST))["fiscal_year"] == 2569
    for year, quarter in ((2569, "๔"), (2570, "๑")):
        pdf = tmp / f"office-{year}.pdf"
        code, _, err = run(capsys, "--db", db, "report", "office", "--year", str(year), "--out", str(pdf))
        assert code == 0, err
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode("utf-8")
        assert f"ปีงบประมาณ พ.ศ. {to_thai_digits(str(year))}" in text
        if year == 2569:
            assert f"ไตรมาสที่ {quarter}" in text  # a past year's report is about its last round
    code, _, err = run(capsys, "--db", db, "progress", "list", "--year", "2575")
    assert code == 2 and "2575" in err and "2569" in err
    code, _, err = run(capsys, "--db", db, "export", "--out", str(tmp / "x.trat"), "--year", "2575")
    assert code == 2 and not (tmp / "x.trat").exists()


def test_a_new_install_opens_on_the_embedded_plan(tmp_path: Path) -> None:
    plans = PlanService.open(tmp_path / "new.sqlite3")
    progress = ProgressService(plans, clock=_clock(dt.date(2026, 12, 2)))
    progress.set_identity(Identity(role="office", office_name=EDUCATION))
    assert progress.default_year() == 2569 and plans.load_plan().fiscal_year == 2569
    plans.close()
