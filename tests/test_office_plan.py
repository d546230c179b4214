"""An office's part of the plan (issue 16, 100×): the entry page of an office reads only the activities that
hold its rows (PlanService.office_plan). Its work items must be exactly those read from the whole plan:
the same rows, labels, order, values and the rows it no longer answers for but has values on."""

from __future__ import annotations

import copy
import random

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from trat_desktop.domain.identity import Identity
from trat_desktop.domain.labels import row_labels
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.store import plans as plan_store

STAMP = "2026-03-31T10:00:00+07:00"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    service = PlanService.open(tmp_path_factory.mktemp("office-plan") / "trat.sqlite3")
    yield service
    service.close()


def reshuffle(service: PlanService, seed: int, kept_values: int) -> tuple[list, dict[str, str]]:
    """The FY2569 plan with its agencies dealt out again over the rows (some rows with none), and progress
    values of random agencies on random rows, some on rows the agency does not answer for."""
    rng = random.Random(seed)
    plan = copy.deepcopy(service.load_plan(2569))
    agencies = plan_store.load_agencies(service.db)
    names = [a.name for a in agencies[:12]]
    for row in plan.rows():
        row.agencies = rng.sample(names, rng.randint(0, 3))
        row.budget_lines = [line for line in row.budget_lines if line.agency is None or line.agency in row.agencies]
        row.written = {k: v for k, v in row.written.items() if k in row.agencies}
    plan.agencies = {a.name: a for a in agencies}
    plan_store.save_plan(service.db, plan, agencies)
    uid_of = {a.name: a.uid for a in agencies}
    rows = service.load_plan(2569).rows()
    values = []
    for row in rows:
        for name in row.agencies:
            if rng.random() < 0.5:
                values.append((row.uid, uid_of[name], row.quarter_from, float(rng.randint(0, 9))))
    for _ in range(kept_values):  # an agency's value on a row it no longer answers for (or a blank one)
        row = rng.choice(rows)
        values.append((row.uid, uid_of[rng.choice(names)], row.quarter_to, rng.choice([None, 3.0])))
    conn = service.db.conn
    with conn:
        conn.execute("DELETE FROM progress")
        conn.executemany(
            "INSERT OR REPLACE INTO progress (indicator_uid, agency_uid, quarter, achieved, status, note, reporter, "
            "updated_at, revision) VALUES (?, ?, ?, ?, 'in_progress', '', 'ทดสอบ', ?, 1)",
            [(*v, STAMP) for v in values])
    return rows, uid_of


def items_of(progress: ProgressService, plan) -> list[tuple]:
    return [(i.id, i.indicator_uid, i.agency_uid, i.assigned, i.allocated_satang, i.row,
             sorted((q, e.achieved) for q, e in i.entries.items()))
            for i in progress.work_items(2569, plan=plan)]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), kept_values=st.integers(0, 6))
def test_an_offices_part_of_the_plan_gives_the_same_work_items_as_the_whole_plan(service, seed, kept_values) -> None:
    rows, uid_of = reshuffle(service, seed, kept_values)
    progress = ProgressService(service)
    whole = service.load_plan(2569)
    labels = row_labels(whole)
    for name in list(uid_of)[:12]:
        uid = uid_of[name]
        progress.set_identity(Identity(role="office", office_uid=uid, reporter_name="ทดสอบ"))
        part = service.office_plan(2569, uid)
        assert items_of(progress, part) == items_of(progress, whole)
        assert items_of(progress, None) == items_of(progress, whole)  # the service reads the office's part itself
        # every row of the part has the whole plan's label, and only activities that hold its rows are read
        for row_uid, label in row_labels(part).items():
            assert labels[row_uid] == label
        mine = {i.indicator_uid for i in progress.work_items(2569, plan=whole)}
        activities = [a for s in part.strategies for t in s.tactics for a in t.activities]
        assert all(any(r.uid in mine for r in a.rows) for a in activities)
        assert all(t.activities for s in part.strategies for t in s.tactics)


def test_an_office_with_no_rows_reads_an_empty_part(service) -> None:
    part = service.office_plan(2569, "no-such-office")
    assert part.fiscal_year == 2569 and part.strategies == [] and part.rows() == []


def test_the_whole_plan_read_is_unchanged_by_the_scoped_read(service) -> None:
    """load_plan of the store (the tuple reader) gives what was saved: the plan survives a save and a read."""
    plan = service.load_plan(2569)
    plan_store.save_plan(service.db, copy.deepcopy(plan), plan_store.load_agencies(service.db))
    again = service.load_plan(2569)
    assert again.rows() == plan.rows() and again.strategies == plan.strategies
    assert again.agencies == plan.agencies and again.warnings == plan.warnings


def test_a_plan_reads_the_same_beside_other_years(tmp_path) -> None:
    """Alone in the database a plan's assignments and budget lines are read by scanning their tables; beside
    other years' plans (most rows not its own) by lookup: the same plan either way."""
    import uuid

    service = PlanService.open(tmp_path / "trat.sqlite3")
    try:
        alone = service.load_plan(2569)
        agencies = plan_store.load_agencies(service.db)
        for year in (2570, 2571, 2572):
            other = copy.deepcopy(alone)
            other.fiscal_year = year
            for strategy in other.strategies:
                strategy.uid = str(uuid.uuid4())
                for tactic in strategy.tactics:
                    tactic.uid = str(uuid.uuid4())
                    for activity in tactic.activities:
                        activity.uid = str(uuid.uuid4())
                        for row in activity.rows:
                            row.uid = str(uuid.uuid4())
                            row.agencies.reverse()  # other years' rows, in another order
            plan_store.save_plan(service.db, other, agencies)
        beside = service.load_plan(2569)
        assert beside == alone
        assert [r.agencies for r in service.load_plan(2570).rows()] == [list(reversed(r.agencies)) for r in alone.rows()]
    finally:
        service.close()
