"""Property tests: importing any set of files, in any order, any number of times, ends the same;
and a process killed in the middle of an import leaves the database whole."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, FINANCE, agency_uid, copy_installation, craft, installation, record
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from trat_desktop.exchange import keys

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("template")
    coordinator = installation(folder / "coordinator.sqlite3", "coordinator")
    offices = {}
    for name in (EDUCATION, FINANCE):
        uid = agency_uid(coordinator, name)
        rows = [i.indicator_uid for i in coordinator.progress.work_items(agency_uid=uid)
                if i.unit == "ร้อยละ" and i.quarter_from <= 2 <= i.quarter_to]
        offices[name] = (uid, rows[:3], keys.generate())
    coordinator.plans.close()
    return folder / "coordinator.sqlite3", offices


def office_history(draw, rows: list[str]) -> list[dict[tuple[str, int], tuple[int, int]]]:
    """Successive full snapshots of an office: (row, quarter) -> (value, revision)."""
    current: dict[tuple[str, int], tuple[int, int]] = {}
    history = []
    for _ in range(draw(st.integers(1, 3))):
        for row in draw(st.lists(st.sampled_from(rows), min_size=1, max_size=3, unique=True)):
            quarter = draw(st.sampled_from([2, 3]))
            value = draw(st.integers(0, 100))
            revision = current.get((row, quarter), (0, 0))[1] + 1
            current = {**current, (row, quarter): (value, revision)}
        history.append(dict(current))
    return history


@st.composite
def scenario(draw, offices):
    files = []
    for name, (uid, rows, pair) in offices.items():
        for sequence, snapshot in enumerate(office_history(draw, rows), start=1):
            files.append((name, uid, pair, sequence, snapshot))
    edits = draw(st.lists(st.tuples(st.sampled_from(list(offices)), st.integers(0, 2), st.sampled_from([2, 3]),
                                    st.integers(0, 100)), max_size=2))
    order = draw(st.permutations(range(len(files))))
    repeats = draw(st.lists(st.sampled_from(range(len(files))), max_size=2))
    return files, edits, list(order) + repeats


def run_imports(template_db: Path, target: Path, offices, files, edits, order) -> list:
    coordinator = copy_installation(template_db, target / "c.sqlite3")
    for name, row_index, quarter, value in edits:
        uid, rows, _ = offices[name]
        progress = coordinator.progress
        item = next(i for i in progress.work_items(agency_uid=uid) if i.indicator_uid == rows[row_index])
        progress.set_progress(item, quarter, achieved=str(value))
    for index in order:
        name, uid, pair, sequence, snapshot = files[index]
        path = target / f"{uid[:8]}-{sequence}.trat"
        if not path.exists():
            craft(path, private_b64=pair.private_b64, office_uid=uid, sequence=sequence,
                  records=[record(row, uid, q, v, rev) for (row, q), (v, rev) in sorted(snapshot.items())])
        report = coordinator.import_files([path], trust_new=True)
        assert report.ok, report.files[0].reason
    state = coordinator.snapshot()
    coordinator.plans.close()
    return state


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.data())
def test_any_order_and_repeats_give_the_same_state(template, tmp_path_factory, data) -> None:
    template_db, offices = template
    files, edits, order = data.draw(scenario(offices))
    canonical = sorted(range(len(files)), key=lambda i: (files[i][0], files[i][3]))
    first = run_imports(template_db, tmp_path_factory.mktemp("a"), offices, files, edits, canonical)
    second = run_imports(template_db, tmp_path_factory.mktemp("b"), offices, files, edits, order)
    assert first == second
    event("with conflicts" if any(r[0] == "conflict" for r in first) else "without conflicts")
    # and the state is each office's newest snapshot, except where the coordinator's edits stand
    edited = {(offices[n][1][r], offices[n][0], q) for n, r, q, _ in edits}
    for name, (uid, _rows, _pair) in offices.items():
        newest = max((f for f in files if f[0] == name), key=lambda f: f[3])[4]
        for (row, quarter), (value, _rev) in newest.items():
            if (row, uid, quarter) not in edited:
                assert (row, uid, quarter, float(value)) in {(r[0], r[1], r[2], r[3]) for r in first if r[0] != "conflict"}


KILLER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from trat_desktop.services import PlanService, ProgressService
    from trat_desktop.services.exchange import ExchangeService
    from trat_desktop.store import exchange as store

    db, path, marker = sys.argv[1:4]
    real = store.add_ledger

    def hold(conn, values):
        result = real(conn, values)          # rows are written, the transaction is still open
        Path(marker).write_text("in transaction")
        time.sleep(120)
        return result

    store.add_ledger = hold
    ExchangeService(ProgressService(PlanService.open(db))).import_files([Path(path)], trust_new=True)
""")


def test_sigkill_during_import_leaves_the_database_intact(tmp_path: Path) -> None:
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    progress = office.progress
    for item in progress.work_items():
        for quarter in item.quarters():
            progress.set_progress(item, quarter, achieved="1" if item.unit != "ระดับ" else "3")
    path, _ = office.export_office(tmp_path / "big.trat")
    coordinator = installation(tmp_path / "coordinator.sqlite3", "coordinator")
    before = coordinator.snapshot()
    db = coordinator.plans.path
    coordinator.plans.close()
    marker = tmp_path / "marker"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", KILLER, str(db), str(path), str(marker)], env=env)
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), "the import never reached its transaction"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM import_ledger").fetchone()[0] == 0
    conn.close()
    from trat_desktop.services import PlanService, ProgressService
    from trat_desktop.services.exchange import ExchangeService

    reopened = ExchangeService(ProgressService(PlanService.open(db)))
    assert reopened.snapshot() == before
    result = reopened.import_files([path], trust_new=True).files[0]
    assert result.status == "imported" and result.added == sum(len(list(i.quarters())) for i in progress.work_items())
