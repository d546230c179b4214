"""Benchmark the coordinator's consolidated view on a plan 100 times the FY2569 plan.

    python3 bench/big_plan.py               # factor 100, offscreen
    python3 bench/big_plan.py --factor 10   # a smaller plan, for a quick look

Builds, in a temporary database, a plan with every tactic of the FY2569 plan copied
*factor* times (≈3,500 indicator rows at factor 100), 100 agencies (the real ones plus
synthetic offices) shared out over the rows (≈16,800 row x office pairs), and progress in
every row x office x quarter-in-period cell. Then measures:

* open: building the consolidated page's models from the services, showing it and the
  first paint (offscreen), in this process;
* keystroke: per Thai character typed into the filter box (sent as QKeyEvents), the time
  until the proxy has filtered, median over the keystrokes;
* memory: peak resident set size of the process (ru_maxrss).

Targets: open < 2 s, keystroke < 100 ms, memory < 300 MB. Exit status 1 if one is missed.
The bench may use the store directly (the app's GUI never does).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trat_desktop.domain.agencies import agency_uid  # noqa: E402
from trat_desktop.domain.model import (  # noqa: E402
    Activity,
    Agency,
    BudgetLine,
    IndicatorRow,
    Plan,
    Strategy,
    Tactic,
)
from trat_desktop.domain.progress import LEVEL_UNITS, PERCENT_UNITS  # noqa: E402
from trat_desktop.services import PlanService  # noqa: E402
from trat_desktop.store import plans as plan_store  # noqa: E402

AGENCIES = 100
TARGETS = {"open_s": 2.0, "keystroke_ms": 100.0, "memory_mb": 300.0}
#: What is typed into the filter box, one key at a time (then erased again).
TYPED = "จำนวนครั้ง"


def synthetic_agencies(real: list[Agency], count: int) -> list[Agency]:
    """The real agencies plus synthetic offices up to *count*."""
    out = list(real)
    n = 1
    while len(out) < count:
        name = f"สำนักงานทดสอบที่ {n} จังหวัดตราด"
        out.append(Agency(name, f"สนง.ทดสอบ {n}", set(), agency_uid(name)))
        n += 1
    return out[:count]


def big_plan(seed: Plan, factor: int, agencies: list[Agency], fiscal_year: int) -> Plan:
    """Every tactic of *seed* copied *factor* times (renumbered), agencies shifted per copy."""
    index = {a.name: i for i, a in enumerate(agencies)}
    plan = Plan(fiscal_year, f"แผนทดสอบขนาดใหญ่ ปีงบประมาณ พ.ศ. {fiscal_year}",
                agencies={a.name: a for a in agencies}, source_name="bench")

    def shifted(name: str, copy: int) -> str:
        return agencies[(index[name] + copy * 7) % len(agencies)].name

    for strategy in seed.strategies:
        s = Strategy(strategy.number, strategy.title, strategy.goal, uid=str(uuid.uuid4()))
        for copy in range(factor):
            for tactic in strategy.tactics:
                number = copy * len(strategy.tactics) + tactic.number
                t = Tactic(number, tactic.title, uid=str(uuid.uuid4()))
                for activity in tactic.activities:
                    suffix = activity.code.split(".")[1]
                    a = Activity(f"{number}.{suffix}", activity.title, uid=str(uuid.uuid4()))
                    for row in activity.rows:
                        a.rows.append(IndicatorRow(
                            row.unit, row.target, row.indicator, row.expected_result, row.quarter_from,
                            row.quarter_to, [shifted(n, copy) for n in row.agencies],
                            [BudgetLine(line.value, shifted(line.agency, copy) if line.agency else None)
                             for line in row.budget_lines],
                            uid=str(uuid.uuid4())))
                    t.activities.append(a)
                s.tactics.append(t)
        plan.strategies.append(s)
    return plan


def achieved_value(unit: str, target: float | None, rng: random.Random) -> float:
    unit = unit.strip()
    if unit in PERCENT_UNITS:
        return float(rng.randint(40, 100))
    if unit in LEVEL_UNITS:
        return float(rng.randint(1, 5))
    return float(rng.randint(0, max(1, int(target or 1))))


def build_database(path: Path, factor: int) -> tuple[PlanService, int, int, int]:
    """The big plan (FY 2569 replaced) with progress everywhere; returns (service, rows, pairs, entries)."""
    service = PlanService.open(path)
    seed = service.load_plan(2569)
    agencies = synthetic_agencies(plan_store.load_agencies(service.db), AGENCIES)
    plan = big_plan(seed, factor, agencies, 2569)
    plan_store.save_plan(service.db, plan, agencies)
    uid_of = {a.name: a.uid for a in agencies}
    rng = random.Random(2569)
    stamp = "2026-03-31T10:00:00+07:00"
    values = []
    for row in plan.rows():
        for name in row.agencies:
            for quarter in row.quarters():
                values.append((row.uid, uid_of[name], quarter, achieved_value(row.unit, row.target, rng),
                               rng.choice([None, 100_000, 250_000]), rng.choice(["in_progress", "done"]),
                               "", "ผู้รายงานทดสอบ", stamp, 1))
    conn = service.db.conn
    with conn:
        conn.executemany(
            "INSERT INTO progress (indicator_uid, agency_uid, quarter, achieved, spent_satang, status, note, "
            "reporter, updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
    rows = plan.rows()
    return service, len(rows), sum(len(r.agencies) for r in rows), len(values)


def max_rss_mb() -> float:
    """Peak resident set size of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def measure(service: PlanService, keystrokes: int) -> dict[str, float]:
    """Open the consolidated page on *service* and type into its filter box."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from trat_desktop.gui.app import create_app
    from trat_desktop.gui.consolidated_view import ConsolidatedPage

    app = create_app(sys.argv[:1])

    class FirstPaint(QObject):
        painted = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    start = time.perf_counter()
    page = ConsolidatedPage(service, background=False)
    page.resize(1400, 860)
    watcher = FirstPaint()
    page.view.viewport().installEventFilter(watcher)
    page.show()
    while not watcher.painted:
        app.processEvents()
    open_s = time.perf_counter() - start
    shown = page.proxy.rowCount()

    box = page.filter_box
    box.setFocus()
    times: list[float] = []
    text = (TYPED * ((keystrokes // len(TYPED)) + 1))[:keystrokes]
    for char in text:
        t0 = time.perf_counter()
        QApplication.sendEvent(box, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                              Qt.KeyboardModifier.NoModifier, char))
        page.apply_filter_now()  # the debounce timer would fire here; apply at once to time the filtering
        app.processEvents()  # repaint the narrowed view
        times.append((time.perf_counter() - t0) * 1000)
    narrowed = page.proxy.rowCount()
    backspace: list[float] = []
    for _ in text:
        t0 = time.perf_counter()
        QApplication.sendEvent(box, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Backspace,
                                              Qt.KeyboardModifier.NoModifier))
        page.apply_filter_now()
        app.processEvents()
        backspace.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    page.view.sortByColumn(page.model.COL_ACHIEVED, Qt.SortOrder.DescendingOrder)
    app.processEvents()
    sort_ms = (time.perf_counter() - t0) * 1000
    page.close()
    return {"open_s": open_s, "rows_shown": shown, "rows_after_typing": narrowed,
            "keystroke_ms": statistics.median(times), "keystroke_max_ms": max(times),
            "backspace_ms": statistics.median(backspace), "sort_ms": sort_ms}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, default=100, help="copies of each tactic (default 100)")
    parser.add_argument("--keystrokes", type=int, default=10, help="Thai characters to type (default 10)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        service, rows, pairs, entries = build_database(Path(tmp) / "big.sqlite3", args.factor)
        print(f"built: {rows:,} indicator rows, {pairs:,} row x office pairs, {entries:,} progress entries, "
              f"{len(service.agencies())} agencies in {time.perf_counter() - t0:.1f} s")
        try:
            result = measure(service, args.keystrokes)
        finally:
            service.close()
    result["memory_mb"] = max_rss_mb()
    print(f"open consolidated view: {result['open_s']:.2f} s (target < {TARGETS['open_s']:.0f} s), "
          f"{result['rows_shown']:,} lines shown")
    print(f"filter keystroke: median {result['keystroke_ms']:.1f} ms, max {result['keystroke_max_ms']:.1f} ms "
          f"(target < {TARGETS['keystroke_ms']:.0f} ms); {result['rows_after_typing']:,} lines left after "
          f"typing “{(TYPED * 3)[:args.keystrokes]}”; backspace median {result['backspace_ms']:.1f} ms")
    print(f"sort by achieved: {result['sort_ms']:.0f} ms")
    print(f"peak memory: {result['memory_mb']:.0f} MB (target < {TARGETS['memory_mb']:.0f} MB)")
    missed = [name for name, limit in TARGETS.items() if result[name] >= limit]
    if missed:
        print("missed: " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
