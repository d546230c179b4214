"""Concurrency runs (issue 14): command-line writes against one database while other programs
write to it. Counts each run's outcome: saved, refused in Thai ("ฐานข้อมูลกำลังถูกใช้งาน…"),
or anything else (an English error, a traceback, a lost write).

    python3 bench/concurrency.py [--writers 8] [--rounds 5]

Scenarios, each on a fresh office database in a temporary folder:
  parallel   WRITERS command-line `progress set` at once, ROUNDS times (each its own quarter cell)
  contended  a second program holds the write lock 0.4 s of every 0.5 s; WRITERS writes with --wait 5
  held       a second program holds the write lock for 8 s; WRITERS writes with --wait 1 (must be refused)
Afterwards every write that said "saved" must be in the database with its value.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
OFFICE = "สำนักงานศึกษาธิการจังหวัดตราด"
BUSY = "ฐานข้อมูลกำลังถูกใช้งาน"


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "trat_desktop", "--db", str(db), *args],
                          capture_output=True, text=True, env=ENV, timeout=300)


def fresh(folder: Path) -> tuple[Path, list[tuple[str, int]]]:
    db = folder / "trat.sqlite3"
    assert cli(db, "setup", "--office", OFFICE).returncode == 0
    items = json.loads(cli(db, "progress", "list", "--json").stdout)
    cells = [(i["id"], q) for i in items for q in i["quarters"]]
    return db, cells


def hold(db: Path, stop: threading.Event, held_s: float, free_s: float) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            stop.wait(held_s)
            conn.execute("COMMIT")
            stop.wait(free_s)
    finally:
        conn.close()


def write(db: Path, cell: tuple[str, int], value: int, wait: float | None) -> tuple[str, tuple[str, int], int]:
    args = (["--wait", str(wait)] if wait is not None else []) + [
        "progress", "set", cell[0], "--quarter", str(cell[1]), "--note", f"run {value}"]
    done = cli(db, *args)
    if done.returncode == 0:
        return "saved", cell, value
    if done.returncode == 2 and BUSY in done.stderr and "Traceback" not in done.stderr:
        return "refused", cell, value
    return "other: " + done.stderr.strip().splitlines()[-1][:120], cell, value


def check_saved(db: Path, outcomes: list[tuple[str, tuple[str, int], int]]) -> int:
    """How many writes reported saved are missing (their cell holds neither their note nor a later one)."""
    items = {i["id"]: i for i in json.loads(cli(db, "progress", "list", "--json").stdout)}
    notes = {}
    for item_id, item in items.items():
        for q, entry in (item.get("progress") or {}).items():
            if entry:
                notes[(item_id, int(q))] = entry["note"]
    last: dict[tuple[str, int], int] = {}
    for status, cell, value in outcomes:
        if status == "saved":
            last[cell] = max(last.get(cell, -1), value)
    return sum(1 for cell in last if not notes.get(cell, "").startswith("run "))


def scenario(name: str, writers: int, rounds: int, wait: float | None, holder: tuple[float, float] | None,
             must_refuse: bool = False) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="trat-conc-") as tmp:
        db, cells = fresh(Path(tmp))
        stop = threading.Event()
        thread = None
        if holder is not None:
            thread = threading.Thread(target=hold, args=(db, stop, *holder))
            thread.start()
            time.sleep(0.2)  # the holder has the lock before the first writer starts
        started = time.perf_counter()
        outcomes = []
        with ThreadPoolExecutor(writers) as pool:
            jobs = [pool.submit(write, db, cells[(n * writers + w) % len(cells)], n, wait)
                    for n in range(rounds) for w in range(writers)]
            outcomes = [j.result() for j in jobs]
        seconds = time.perf_counter() - started
        stop.set()
        if thread is not None:
            thread.join()
        missing = check_saved(db, outcomes)
    counts: dict[str, int] = {}
    for status, _, _ in outcomes:
        counts[status] = counts.get(status, 0) + 1
    return {"scenario": name, "runs": len(outcomes), **counts, "missing_saved": missing,
            "seconds": round(seconds, 1), "expected": "refused" if must_refuse else "saved"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    results = [
        scenario("parallel", args.writers, args.rounds, None, None),
        scenario("contended", args.writers, max(1, args.rounds // 2), 5.0, (0.4, 0.1)),
        scenario("held", args.writers, 1, 1.0, (8.0, 0.1), must_refuse=True),
    ]
    for r in results:
        print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
