"""Reporting rounds: default periods and due dates, the open round, Thai due text, dates as typed, timeliness."""

from __future__ import annotations

import datetime as dt

import pytest

from trat_desktop.domain.rounds import (
    RoundError, check_dates, default_round, due_text, open_round, parse_date, punctuality, rounds_of_year,
)

D = dt.date


def test_default_rounds_of_fy2569():
    rounds = {r.id: r for r in rounds_of_year(2569)}
    assert (rounds["q1"].start, rounds["q1"].end, rounds["q1"].due) == (D(2025, 10, 1), D(2025, 12, 31), D(2026, 1, 15))
    assert (rounds["q2"].end, rounds["q2"].due) == (D(2026, 3, 31), D(2026, 4, 15))
    assert (rounds["h1"].start, rounds["h1"].end, rounds["h1"].quarters()) == (D(2025, 10, 1), D(2026, 3, 31), (1, 2))
    assert (rounds["y"].end, rounds["y"].due, rounds["y"].quarters()) == (D(2026, 9, 30), D(2026, 10, 15), (1, 2, 3, 4))
    assert rounds["q4"].quarters() == (4,)


def test_the_twelve_month_round_cut_at_31_august_keeps_its_quarters_and_moves_its_due_date():
    cut = rounds_of_year(2569, {"y": {"end": D(2026, 8, 31), "due": D(2026, 9, 10)}})[-1]
    assert cut.quarters() == (1, 2, 3, 4) and cut.due == D(2026, 9, 10)
    assert check_dates(cut) is cut


@pytest.mark.parametrize("change, words", [
    ({"start": D(2026, 4, 1), "end": D(2026, 3, 1)}, "วันเริ่มต้น"),
    ({"end": D(2026, 10, 31)}, "ปีงบประมาณ"),
    ({"due": D(2026, 3, 1)}, "วันครบกำหนดส่ง"),
])
def test_impossible_dates_are_refused_in_thai(change, words):
    item = default_round(2569, "q2")
    with pytest.raises(RoundError, match=words):
        check_dates(item._replace(**change))


def test_the_open_round_and_its_due_text_from_todays_date():
    rounds = rounds_of_year(2569)
    assert open_round(rounds, D(2026, 4, 12)).id == "q2"          # q2 ended, due 15 เม.ย.
    assert due_text(open_round(rounds, D(2026, 4, 12)), D(2026, 4, 12)) == "ครบกำหนดส่ง ๑๕ เม.ย. ๒๕๖๙ อีก ๓ วัน"
    assert open_round(rounds, D(2026, 4, 16)).id == "q3"          # past due: the running quarter
    assert due_text(rounds[1], D(2026, 4, 15)).endswith("วันนี้")
    assert due_text(rounds[1], D(2026, 4, 17)).endswith("เลยกำหนดมาแล้ว ๒ วัน")
    assert open_round(rounds, D(2027, 1, 1)) is None


@pytest.mark.parametrize("text, day", [
    ("2026-04-15", D(2026, 4, 15)), ("15/4/2569", D(2026, 4, 15)), ("๑๕ เม.ย. ๒๕๖๙", D(2026, 4, 15)),
    ("15 เมษายน 2569", D(2026, 4, 15)), ("๑๕ เม.ย. ๖๙", D(2026, 4, 15)), ("31/8/2026", D(2026, 8, 31)),
    ("2569-04-15", D(2026, 4, 15)),
])
def test_dates_as_people_type_them(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["", "15 เมย์ 2569", "พรุ่งนี้", "2026-13-01", "15/13/2569"])
def test_unreadable_dates_are_refused_in_thai(text):
    with pytest.raises(RoundError, match="อ่านวันที่"):
        parse_date(text)


@pytest.mark.parametrize(("text", "words"), [("31/2/2569", "เดือนกุมภาพันธ์ ๒๕๖๙ มี ๒๘ วัน"),
                                              ("๓๑ มิ.ย. ๒๕๖๙", "เดือนมิถุนายน ๒๕๖๙ มี ๓๐ วัน"),
                                              ("0/1/2569", "เดือนมกราคม ๒๕๖๙ มี ๓๑ วัน")])
def test_a_date_not_in_the_calendar_says_so(text, words):
    with pytest.raises(RoundError, match="ไม่มีวันที่") as refused:
        parse_date(text)
    assert words in refused.value.message


def test_timeliness():
    q2 = default_round(2569, "q2")
    assert punctuality(q2, D(2026, 4, 15), D(2026, 5, 1)).text() == "ส่งตรงเวลา"
    assert punctuality(q2, D(2026, 4, 18), D(2026, 5, 1)).text() == "ส่งล่าช้า ๓ วัน"
    missing = punctuality(q2, None, D(2026, 4, 20))
    assert missing.state == "missing" and missing.days_late == 5
    assert punctuality(q2, None, D(2026, 4, 10)).state == "not_due"
