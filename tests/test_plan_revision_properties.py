"""Property: through any sequence of revised-document imports (rows inserted, removed, reworded) and
office entries, every recorded value stays at the (indicator uid, agency uid, quarter) where it was
entered — on its own row, or visibly kept aside by plan_fit — and nothing is lost or moved."""

from __future__ import annotations

import copy
import shutil
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from trat_desktop.domain.identity import Identity
from trat_desktop.domain.model import IndicatorRow, Plan
from trat_desktop.domain.plan_fit import misfits
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.plan_edit import PlanEditService
from trat_desktop.services.plan_import import PlanImportRefused, apply, preview
from trat_desktop.store import progress as progress_store

READER_NS = uuid.UUID("3b0d2f7e-6a55-4d0e-9a43-1f2c5e8d7a69")

entry_step = st.tuples(st.just("enter"), st.integers(0, 10_000), st.integers(0, 10_000), st.integers(1, 4),
                       st.integers(1, 5))
mutation = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 10_000), st.integers(0, 5), st.sampled_from(["ครั้ง", "ร้อยละ", "ระดับ"])),
    st.tuples(st.just("remove"), st.integers(0, 10_000)),
    st.tuples(st.just("reword"), st.integers(0, 10_000)),
    st.tuples(st.just("readd"), st.integers(0, 10_000)),
)
revise_step = st.tuples(st.just("revise"), st.lists(mutation, min_size=1, max_size=4))
# the coordinator's editor between documents: a row moved within its activity, an activity recoded
edit_step = st.tuples(st.sampled_from(["move", "recode"]), st.integers(0, 10_000), st.integers(0, 5))
steps = st.lists(st.one_of(entry_step, revise_step, edit_step), min_size=2, max_size=7)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "trat.sqlite3"
    service = PlanService.open(path)
    ProgressService(service).set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    service.close()
    return path


def as_read(plan: Plan, step: int) -> Plan:
    """What the reader gives for a document: fresh uids by position (never the stored ones)."""
    doc = copy.deepcopy(plan)
    n = 0
    for s in doc.strategies:
        s.uid = str(uuid.uuid5(READER_NS, f"{step}/s/{n}"))
        for t in s.tactics:
            t.uid = str(uuid.uuid5(READER_NS, f"{step}/t/{t.number}/{n}"))
            for a in t.activities:
                a.uid = str(uuid.uuid5(READER_NS, f"{step}/a/{n}"))
                a.predecessor_uid = ""
                for r in a.rows:
                    n += 1
                    r.uid = str(uuid.uuid5(READER_NS, f"{step}/r/{n}"))
                    r.predecessor_uid = ""
                n += 1
    return doc


def revise(plan: Plan, mutations: list[tuple], step: int, entered: set[str],
           removed: list[tuple[str, IndicatorRow]]) -> tuple[Plan, set[str], set[str]]:
    """The stored plan with the mutations applied, as a document; and the uids of rows it leaves untouched.
    Removals and rewordings hit rows with recorded values half of the time (*entered*: their uids);
    "readd" puts back the content of a row an earlier document removed (*removed*: (activity uid, row));
    the uids of those rows are returned too."""
    doc = copy.deepcopy(plan)
    touched: set[str] = set()
    readded: set[str] = set()
    for i, m in enumerate(mutations):
        activities = doc.activities()
        rows = doc.rows()
        if m[0] == "readd":
            by_uid = {a.uid: a for a in activities}
            back = [(a, r) for a, r in removed if a in by_uid and r.uid not in {x.uid for x in rows}
                    and not r.uid.startswith("new-")]
            if back:
                activity_uid, row = back[m[1] % len(back)]
                by_uid[activity_uid].rows.append(copy.deepcopy(row))
                touched.add(row.uid)
                readded.add(row.uid)
        elif m[0] == "insert":
            activity = activities[m[1] % len(activities)]
            agency = next(iter(doc.agencies))
            activity.rows.insert(m[2] % (len(activity.rows) + 1), IndicatorRow(
                m[3], 4, f"แถวที่เพิ่มในฉบับปรับปรุง {step}.{i} เรื่องการอบรมจริยธรรม", "ผลที่คาดว่าจะได้รับ", 2, 4,
                agencies=[agency], uid=f"new-{step}-{i}"))
        elif rows and m[0] == "remove":
            hit = [r for r in rows if r.uid in entered]
            row = hit[m[1] % len(hit)] if hit and m[1] % 2 else rows[m[1] % len(rows)]
            touched.add(row.uid)
            owner = next(a for a in activities if row in a.rows)
            owner.rows.remove(row)
            removed.append((owner.uid, copy.deepcopy(row)))
        elif rows:
            hit = [r for r in rows if r.uid in entered]
            row = hit[m[1] % len(hit)] if hit and m[1] % 2 else rows[m[1] % len(rows)]
            touched.add(row.uid)
            row.indicator = row.indicator + f" (ปรับถ้อยคำ {step}.{i})"
    untouched = {r.uid for r in doc.rows()} - touched - {r.uid for r in doc.rows() if r.uid.startswith("new-")}
    return as_read(doc, step), untouched, readded & {r.uid for r in doc.rows()}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(steps)
def test_recorded_values_stay_where_they_were_entered(template: Path, tmp_path_factory, sequence) -> None:
    path = tmp_path_factory.mktemp("run") / "trat.sqlite3"
    shutil.copy(template, path)
    service = PlanService.open(path)
    progress = ProgressService(service)
    recorded: dict[tuple[str, str, int], float] = {}
    removed: list[tuple[str, IndicatorRow]] = []
    try:
        for step, action in enumerate(sequence):
            before = service.load_plan()
            if action[0] in ("move", "recode"):
                editor = PlanEditService(progress)
                if action[0] == "move":
                    row = before.rows()[action[1] % len(before.rows())]
                    editor.move("indicator", row.uid, action[2])
                else:
                    activity = before.activities()[action[1] % len(before.activities())]
                    editor.update("activity", activity.uid, code=f"{action[2] + 1}.{90 + step}")
                event(f"edit: {action[0]}")
            elif action[0] == "enter":
                _, row_seed, agency_seed, quarter, value = action
                items = progress.work_items()
                item = items[(row_seed + agency_seed) % len(items)]
                if quarter not in item.quarters():
                    quarter = item.quarter_from
                progress.set_progress(item, quarter, achieved=str(value))
                recorded[(item.indicator_uid, item.agency_uid, quarter)] = float(value)
            else:
                doc, untouched, readded = revise(before, action[1], step, {k[0] for k in recorded}, removed)
                try:
                    result = preview(service, doc, service.known_agencies())
                except PlanImportRefused:
                    event("revision refused")
                    assert service.load_plan().revision == before.revision
                else:
                    event(f"revision applied: {len(result.diff.added)} added, {len(result.diff.removed)} removed, "
                          f"{len(result.diff.restored)} restored, {len(result.kept_aside)} kept aside")
                    apply(service, result)
                    after_uids = {r.uid for r in service.load_plan().rows()}
                    assert untouched <= after_uids  # an unchanged row keeps its uid (and so its values)
                    # a row put back comes back with its old uid (from the trash, or never removed: refused)
                    assert readded <= after_uids
            # the invariant, after every step
            plan = service.load_plan()
            entries = {(e.indicator_uid, e.agency_uid, e.quarter): e for e in progress_store.load_entries(service.db)}
            assert set(entries) == set(recorded)             # nothing lost, nothing appeared elsewhere
            assert all(entries[k].achieved == v for k, v in recorded.items())
            names = {a.uid: a.name for a in service.known_agencies()}
            aside = {m.key for m in misfits(plan, entries.values(), names)}
            rows = {r.uid: r for r in plan.rows()}
            for key in recorded:
                row = rows.get(key[0])
                fits = row is not None and names[key[1]] in row.agencies and key[2] in row.quarters()
                assert fits or key in aside                  # on its row, or visibly kept aside
    finally:
        service.close()
