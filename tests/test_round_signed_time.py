"""Timeliness counts the signed time of the final export, never the sign-off date the office typed: a late
office cannot make itself "on time" by back-dating its head's sign-off to a day inside the round."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from trat_desktop.domain import rounds as rules
from trat_desktop.domain.identity import Identity
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.exchange import ExchangeService
from trat_desktop.services.rounds import ReviewService, RoundService, board

from test_rounds import OFFICE, _clock, _fill


def test_the_submitted_day_is_the_files_signed_time_then_the_sign_offs_own_time() -> None:
    assert rules.submitted_day("2026-04-20T10:00:00+07:00", "2026-04-01T09:00:00+07:00") == dt.date(2026, 4, 20)
    assert rules.submitted_day("", "2026-04-19T23:30:00+07:00") == dt.date(2026, 4, 19)  # the office's own day
    assert rules.submitted_day("not a time", "") is None and rules.submitted_day("", "") is None


def _office_signs(tmp_path, name: str, export_day: dt.date, typed: dt.date):
    plans = PlanService.open(tmp_path / f"{name}.sqlite3")
    office = ProgressService(plans, clock=_clock(export_day))
    office.set_identity(Identity(role="office", office_name=OFFICE, head_name="นางหัวหน้า"))
    _fill(office, (2,))
    view, final = RoundService(office).submit(2569, "q2", signed_on=typed, folder=tmp_path / name)
    assert view.submission is not None and view.submission.signed_on == typed.isoformat()
    return plans, final


@pytest.mark.parametrize("typed", [dt.date(2026, 1, 1), dt.date(2026, 4, 15)])
def test_a_back_dated_sign_off_does_not_make_a_late_office_on_time(service, tmp_path, typed) -> None:
    """q2 is due 15 เม.ย.; the office signs and sends on 20 เม.ย. but types the round's first day or the due date."""
    (tmp_path / "late").mkdir()
    plans, final = _office_signs(tmp_path, "late", dt.date(2026, 4, 20), typed)
    try:
        coordinator = ProgressService(service, clock=_clock(dt.date(2026, 4, 21)))
        coordinator.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
        assert [r.status for r in ExchangeService(coordinator).import_files([final], trust_new=True).files] == ["imported"]
        mine = next(e for e in board(ReviewService(coordinator), 2569, "q2") if e.office_name == OFFICE)
        assert (mine.punctuality.state, mine.punctuality.days_late) == ("late", 5)
        assert mine.signed_on == typed.isoformat()          # the head's date is still shown as typed
        assert mine.submitted_on() == "2026-04-20" and mine.submitted_at.startswith("2026-04-20T10:00")
        shown = mine.as_json()
        assert (shown["submitted"], shown["signed_on"], shown["timeliness"], shown["days_late"]) == (
            "2026-04-20", typed.isoformat(), "late", 5)
    finally:
        plans.close()


def test_an_office_that_sends_on_time_stays_on_time_and_the_cli_shows_both_dates(service, tmp_path) -> None:
    (tmp_path / "ontime").mkdir()
    plans, final = _office_signs(tmp_path, "ontime", dt.date(2026, 4, 15), dt.date(2026, 4, 14))
    try:
        coordinator = ProgressService(service, clock=_clock(dt.date(2026, 4, 30)))
        coordinator.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
        ExchangeService(coordinator).import_files([final], trust_new=True)
        mine = next(e for e in board(ReviewService(coordinator), 2569, "q2") if e.office_name == OFFICE)
        assert mine.punctuality.state == "on_time" and mine.submitted_on() == "2026-04-15"
    finally:
        plans.close()
    from trat_desktop import cli

    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["--db", str(service.path), "timeliness", "--round", "q2", "--json"]) == 0
    entry = next(e for e in json.loads(out.getvalue()) if e["office"] == OFFICE)
    assert (entry["submitted"], entry["signed_on"], entry["timeliness"]) == ("2026-04-15", "2026-04-14", "on_time")
