"""Property tests of the reporting round: an office's round files imported in any order and any number of
times give the coordinator one history; replies imported in any order and any number of times give the
office one state (the newest reply's)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trat_desktop.domain.identity import Identity
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.exchange import ExchangeService
from trat_desktop.services.replies import ReplyService
from trat_desktop.services.rounds import ReviewService, RoundService, board
from trat_desktop.store import rounds as round_store

OFFICE = "สำนักงานจังหวัดตราด"


def _clock(day: dt.date):
    start = dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    ticks = iter(range(10**9))
    return lambda: start + dt.timedelta(seconds=next(ticks))


def _open(path, identity=None, day=dt.date(2026, 4, 12)):
    plans = PlanService.open(path)
    progress = ProgressService(plans, clock=_clock(day))
    if identity is not None:
        progress.set_identity(identity)
    return plans, progress


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Three office files (q2 signed off, withdrawn and corrected, signed again) and two replies."""
    folder = tmp_path_factory.mktemp("rounds")
    office_plans, office = _open(folder / "office.sqlite3", Identity(role="office", office_name=OFFICE, head_name="หัวหน้า"))
    centre_plans, centre = _open(folder / "centre.sqlite3", Identity(role="coordinator", reporter_name="ผู้ประสาน"),
                                 dt.date(2026, 4, 16))
    centre_plans.close()  # a closed database is one file (its WAL checkpointed): safe to copy
    shutil.copy(folder / "centre.sqlite3", folder / "centre-empty.sqlite3")
    centre_plans, centre = _open(folder / "centre.sqlite3", day=dt.date(2026, 4, 16))
    for item in office.work_items(2569):
        if 2 in item.quarters():
            office.set_progress(item, 2, status="cancelled", note="งดจัด")
    rounds = RoundService(office)
    _, first = rounds.submit(2569, "q2", folder=folder / "f1")
    rounds.withdraw(2569, "q2", "แก้ไขตัวเลข")
    item = next(i for i in office.work_items(2569) if 2 in i.quarters())
    office.set_progress(item, 2, note="แก้ไขแล้ว")
    second, _ = ExchangeService(office).export_office(folder / "f2.trat", 2569)
    _, third = rounds.submit(2569, "q2", folder=folder / "f3")
    office_plans.close()
    shutil.copy(folder / "office.sqlite3", folder / "office-before-replies.sqlite3")
    files = [first, second, third]
    ExchangeService(centre).import_files(files, trust_new=True)
    review = ReviewService(centre)
    review.comment(item.id, 2, "ขอหลักฐาน", agency=OFFICE)
    review.set_state(OFFICE, 2569, "q2", "accept")
    replies = ReplyService(ExchangeService(centre))
    r1 = replies.export_reply(OFFICE, folder / "r1.trat", 2569)
    review.set_state(OFFICE, 2569, "q2", "unlock", "แก้ไขได้")
    r2 = replies.export_reply(OFFICE, folder / "r2.trat", 2569)
    centre_plans.close()
    return folder, files, [r1, r2]


def _centre_state(progress: ProgressService):
    received = round_store.received_rounds(progress.plans.db, 2569)
    history = list(progress.plans.db.query(
        "SELECT round_id, state, signed_on, at FROM received_submissions ORDER BY round_id, at, state"))
    return ({k: (v.state, v.signed_on, v.at) for k, v in received.items()}, history,
            [(e.office_name, e.state, e.punctuality) for e in board(ReviewService(progress), 2569, "q2")])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.lists(st.integers(0, 2), min_size=3, max_size=6).filter(lambda o: set(o) == {0, 1, 2}))
def test_office_files_in_any_order_and_repeats_give_one_round_history(made, order, tmp_path_factory):
    folder, files, _ = made
    expected_db = tmp_path_factory.mktemp("e") / "c.sqlite3"
    shutil.copy(folder / "centre-empty.sqlite3", expected_db)
    plans, centre = _open(expected_db, day=dt.date(2026, 4, 16))
    for f in files:
        ExchangeService(centre).import_files([f], trust_new=True)
    expected = _centre_state(centre)
    plans.close()
    db = tmp_path_factory.mktemp("o") / "c.sqlite3"
    shutil.copy(folder / "centre-empty.sqlite3", db)
    plans, centre = _open(db, day=dt.date(2026, 4, 16))
    for index in order:
        ExchangeService(centre).import_files([files[index]], trust_new=True)
    state = _centre_state(centre)
    plans.close()
    assert state[0] == expected[0] and state[1] == expected[1]
    assert [(o, s) for o, s, _ in state[2]] == [(o, s) for o, s, _ in expected[2]]
    assert expected[0][(next(iter(expected[0]))[0], "q2")][0] == "submitted"


def _office_state(progress: ProgressService):
    db = progress.plans.db
    comments = sorted((c.uid, c.text) for c in ReviewService(progress).comments(2569))
    reviews = sorted((r.round_id, r.state, r.at) for r in round_store.review_rows(db, progress.identity().office_uid, 2569))
    view = RoundService(progress).views(2569)["q2"]
    return comments, reviews, view.state, [(r["sequence"], r["status"]) for r in round_store.receipts(db, 2569)]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.lists(st.integers(0, 1), min_size=1, max_size=4).filter(lambda o: 1 in o))
def test_replies_in_any_order_and_repeats_give_the_newest_replys_state(made, order, tmp_path_factory):
    folder, _, replies = made
    expected_db = tmp_path_factory.mktemp("e") / "o.sqlite3"
    shutil.copy(folder / "office-before-replies.sqlite3", expected_db)
    plans, office = _open(expected_db)
    ReplyService(ExchangeService(office)).import_reply(replies[1], trust_new=True)
    expected = _office_state(office)
    plans.close()
    db = tmp_path_factory.mktemp("o") / "o.sqlite3"
    shutil.copy(folder / "office-before-replies.sqlite3", db)
    plans, office = _open(db)
    service = ReplyService(ExchangeService(office))
    for index in order:
        service.import_reply(replies[index], trust_new=True)
    state = _office_state(office)
    plans.close()
    assert state == expected
    assert expected[2] == "withdrawn" and len(expected[0]) == 2  # unlocked; both comments


REPLY_KILLER = """
import sys, time
from pathlib import Path
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.exchange import ExchangeService
from trat_desktop.services.replies import ReplyService
from trat_desktop.store import rounds as store

db, path, marker = sys.argv[1:4]
real = store.add_submission

def hold(*args, **kwargs):
    result = real(*args, **kwargs)       # the unlock is written, the reply's transaction is still open
    Path(marker).write_text("in transaction")
    time.sleep(120)
    return result

store.add_submission = hold
ReplyService(ExchangeService(ProgressService(PlanService.open(db)))).import_reply(Path(path), trust_new=True)
"""


def test_sigkill_during_a_reply_import_leaves_the_office_as_before(made, tmp_path):
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time
    from pathlib import Path

    folder, _, replies = made
    db = tmp_path / "office.sqlite3"
    shutil.copy(folder / "office-before-replies.sqlite3", db)
    plans, office = _open(db)
    before = _office_state(office)
    plans.close()
    marker = tmp_path / "marker"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    child = subprocess.Popen([sys.executable, "-c", REPLY_KILLER, str(db), str(replies[1]), str(marker)], env=env)
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), "the reply import never reached its transaction"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    plans, office = _open(db)
    assert _office_state(office) == before
    assert ReplyService(ExchangeService(office)).import_reply(replies[1], trust_new=True)["unlocks"] == 1
    plans.close()
