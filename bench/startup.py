"""Start-up benchmark: the real main window vs a bare PySide6 window with one QTableView.

    python3 bench/startup.py                 # office and coordinator, 10 runs each, offscreen
    python3 bench/startup.py --roles none    # a database with no identity set up (as before)
    python3 bench/startup.py --years 5 --audit 200000  # flat in years and audit size?
    python3 bench/startup.py -n 20 --platform xcb      # under a real X server / Xvfb
    python3 bench/startup.py --frozen dist/TratDesktop/TratDesktop

Each role gets its own database, made before the runs: the FY2569 plan, the identity set up
(office: the agency with the most indicator rows, reporter named; coordinator), and a full year
of progress (every row x agency x quarter in the period: the office's own rows on the office's
database, every agency's on the coordinator's). ``--years N`` adds N copies of the plan for
other fiscal years (with the same progress), ``--audit N`` N audit-log rows.

Each run is a whole process, timed from spawn to its first paint (wall clock), and the CPU
seconds the process itself reports at that paint:
  app:  python -m trat_desktop --smoke-test --db <temp file>   (prints "smoke test: window
        painted (cpu N s)" at the main window's first paint; it then checks the window, lets
        the menus that follow the paint install, and writes a report, not timed)
  bare: python bench/bare_window.py                            (prints "bare window painted
        (cpu N s)" at its table's first paint, then quits)
One warm-up run of each comes first (byte-code and font caches), then they alternate so drift
hits all alike. Prints the medians to the first paint, wall clock and the process's own CPU
seconds (the fairer one on a shared machine), and each role's ratio to the bare window.

Writes nothing into the repo: the database, byte-code (PYTHONPYCACHEPREFIX) and the
app's data/config folders (XDG_*) all go to a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = Path(__file__).resolve().parent / "bare_window.py"


def run_once(cmd: list[str], env: dict[str, str], timeout: float) -> float:
    """Seconds from spawn to exit; raises if the process fails."""
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, env=env, cwd=env["BENCH_CWD"], stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd)} exited with {proc.returncode}\n"
            f"stdout:\n{proc.stdout.decode(errors='replace')}\n"
            f"stderr:\n{proc.stderr.decode(errors='replace')}"
        )
    return elapsed


_PAINTED = re.compile(rb"(?:smoke test: window|bare window) painted \(cpu ([0-9.]+) s\)")


def run_to_paint(cmd: list[str], env: dict[str, str], timeout: float) -> tuple[float, float]:
    """(wall seconds from spawn to the first paint, the process's CPU seconds at that paint).
    Both the app's smoke test and bare_window.py print "... painted (cpu N s)" at their first paint;
    CPU time is the fairer measure on a machine shared with other work."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=env["BENCH_CWD"], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = cpu = None
    assert proc.stdout is not None
    for line in proc.stdout:
        found = _PAINTED.search(line)
        if found and wall is None:
            wall, cpu = time.perf_counter() - start, float(found.group(1))
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    if proc.returncode != 0 or wall is None or cpu is None:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}\n{err.decode(errors='replace')}")
    return wall, cpu


def identity_for(role: str, service: object) -> object:
    from trat_desktop.domain.identity import Identity

    if role == "coordinator":
        return Identity(role="coordinator", reporter_name="ผู้ประสานงานทดสอบ", reporter_position="นักวิเคราะห์")
    agencies = sorted(service.agencies(), key=lambda a: -a.indicator_rows)  # type: ignore[attr-defined]
    return Identity(role="office", office_uid=agencies[0].uid, reporter_name="ผู้รายงานทดสอบ",
                    reporter_position="นักวิเคราะห์นโยบายและแผน", head_name="หัวหน้าทดสอบ")


def prepare_database(path: Path, role: str, years: int, audit: int) -> str:
    """The database a *role* starts on (see the module text); returns a one-line description."""
    import random
    import uuid

    from trat_desktop.domain.model import copy_for_year
    from trat_desktop.services import PlanService, ProgressService
    from trat_desktop.store import plans as plan_store

    service = PlanService.open(path)
    try:
        if role == "none":
            return "no identity"
        progress = ProgressService(service)
        me = progress.set_identity(identity_for(role, service))  # type: ignore[arg-type]
        seed = service.load_plan(2569)
        plans = [seed]
        for n in range(years):
            year = 2568 - n
            plans.append(copy_for_year(seed, year, lambda old, y=year: str(uuid.uuid5(uuid.NAMESPACE_URL, f"{y}/{old}"))))
            plan_store.save_plan(service.db, plans[-1])
        uid_of = {a.name: a.uid for a in service.agencies()}
        rng = random.Random(2569)
        values = []
        for plan in plans:
            for row in plan.rows():
                for name in row.agencies:
                    if me.role == "office" and uid_of[name] != me.office_uid:
                        continue
                    for quarter in row.quarters():
                        values.append((row.uid, uid_of[name], quarter, float(rng.randint(1, 10)),
                                       rng.choice([None, 100_000, 250_000]), rng.choice(["in_progress", "done"]),
                                       rng.choice(["", "ดำเนินการตามแผนแล้ว มีผู้เข้าร่วมโครงการครบตามเป้าหมาย"]),
                                       me.reporter_name, "2026-03-31T10:00:00+07:00", 1))
        conn = service.db.conn
        with conn:
            conn.executemany(
                "INSERT INTO progress (indicator_uid, agency_uid, quarter, achieved, spent_satang, status, note, "
                "reporter, updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
            conn.executemany(
                "INSERT INTO audit_log (at, actor, action, entity, entity_uid, field, old_value, new_value) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (("2026-03-31T10:00:00+07:00", me.actor(), "set", "progress", f"bench-{i}", "achieved", "1", "2")
                 for i in range(audit)))
        return (f"{role} ({me.display_name}), {len(plans)} plan year(s), {len(values):,} progress entries, "
                f"+{audit:,} audit rows")
    finally:
        service.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=10, help="timed runs of each (default 10)")
    parser.add_argument("--platform", default="offscreen",
                        help="QT_QPA_PLATFORM for both (default offscreen; xcb needs DISPLAY)")
    parser.add_argument("--python", default=sys.executable, help="interpreter to run both with")
    parser.add_argument("--frozen", type=Path,
                        help="time this frozen app executable instead of 'python -m trat_desktop'")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run before giving up")
    parser.add_argument("--roles", default="office,coordinator",
                        help="comma-separated: none, office, coordinator (default office,coordinator)")
    parser.add_argument("--years", type=int, default=0, help="extra plan years with full progress (default 0)")
    parser.add_argument("--audit", type=int, default=0, help="extra audit-log rows (default 0)")
    args = parser.parse_args(argv)
    roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    if not roles or any(r not in ("none", "office", "coordinator") for r in roles):
        parser.error("--roles: none, office, coordinator")
    sys.path.insert(0, str(ROOT))

    with tempfile.TemporaryDirectory(prefix="trat-bench-") as tmp_name:
        tmp = Path(tmp_name)
        for sub in ("pycache", "data", "config", "cwd"):
            (tmp / sub).mkdir()
        dbs = {role: tmp / f"bench-{role}.sqlite3" for role in roles}
        for role, db in dbs.items():
            print(f"{role}: {prepare_database(db, role, args.years, args.audit)}", flush=True)

        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM=args.platform,
            PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
            XDG_DATA_HOME=str(tmp / "data"),
            XDG_CONFIG_HOME=str(tmp / "config"),
            BENCH_CWD=str(tmp / "cwd"),
        )
        # Byte-code goes to the temp prefix, and must be written there: without a cache every
        # run would recompile PySide6/stdlib modules (pycs beside the sources are ignored
        # once a prefix is set).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        # Import trat_desktop from this checkout even when it is not pip-installed.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))

        def app_cmd(db: Path) -> list[str]:
            if args.frozen:
                return [str(args.frozen.resolve()), "--smoke-test", "--db", str(db)]
            return [args.python, "-m", "trat_desktop", "--smoke-test", "--db", str(db)]

        bare_cmd = [args.python, str(BARE)]
        print(f"app:  {' '.join(app_cmd(Path('DB')))}")
        print(f"bare: {' '.join(bare_cmd)}")
        print(f"platform={args.platform} runs={args.runs} per role (+1 warm-up each)", flush=True)

        for db in dbs.values():
            run_once(app_cmd(db), env, args.timeout)  # warm-up (byte-code, fonts, first migration check)
        run_once(bare_cmd, env, args.timeout)

        app_times: dict[str, list[tuple[float, float]]] = {role: [] for role in roles}
        bare_times: list[tuple[float, float]] = []
        for _ in range(args.runs):
            for role, db in dbs.items():
                app_times[role].append(run_to_paint(app_cmd(db), env, args.timeout))
                bare_times.append(run_to_paint(bare_cmd, env, args.timeout))

    def show(label: str, times: list[tuple[float, float]]) -> tuple[float, float]:
        wall = statistics.median(t[0] for t in times)
        cpu = statistics.median(t[1] for t in times)
        print(f"{label}: to first paint median {wall * 1000:7.1f} ms wall (min {min(t[0] for t in times) * 1000:6.1f}), "
              f"{cpu * 1000:7.1f} ms CPU (min {min(t[1] for t in times) * 1000:6.1f})   (n={len(times)})")
        return wall, cpu

    bare_wall, bare_cpu = show("bare       ", bare_times)
    for role in roles:
        wall, cpu = show(f"{role:<11}", app_times[role])
        print(f"ratio {role}/bare: {wall / bare_wall:.2f} wall, {cpu / bare_cpu:.2f} CPU (goal <= 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
