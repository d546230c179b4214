"""Kill trials: start `backup`, `restore` and `export` as separate processes, SIGKILL each at a
random moment, and look at what was left: the requested file must be absent or whole, the database
must open (old or new content, never a mix), and the next start must leave no temporary file.

    python bench/kill_trials.py [--kills 30] [--evidence-mb 24] [--seed 1]

Run by hand (POSIX only: it sends SIGKILL); the README reports the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from trat_desktop.services import PlanService  # noqa: E402
from trat_desktop.services import backup as backups  # noqa: E402

EDUCATION = "สำนักงานศึกษาธิการจังหวัดตราด"


def cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "trat_desktop", "--db", str(db), *args]


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".part") or p.name.startswith((".restoring-", ".incoming-"))]


def make_office(folder: Path, evidence_mb: int) -> Path:
    db = folder / "trat.sqlite3"
    subprocess.run(cli(db, "setup", "--office", EDUCATION), check=True, capture_output=True, cwd=ROOT)
    subprocess.run(cli(db, "progress", "set", "1/1.5/2", "--quarter", "2", "--value", "60"), check=True,
                   capture_output=True, cwd=ROOT)
    files = []
    for n in range(max(1, evidence_mb // 2)):
        path = folder / f"หลักฐาน-{n}.jpg"
        path.write_bytes(os.urandom(2 * 1024 * 1024))
        files.append(str(path))
    subprocess.run(cli(db, "evidence", "add", "1/1.5/2", "--quarter", "2", *files), check=True,
                   capture_output=True, cwd=ROOT)
    for path in files:
        Path(path).unlink()
    return db


def timed(cmd: list[str], runs: int = 3) -> float:
    """The median of *runs* uninterrupted runs (the machine is shared: single runs vary 3x)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def kill_after(cmd: list[str], delay: float) -> int:
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    return proc.wait()


def bundle_ok(path: Path) -> bool:
    try:
        backups.describe(path)
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None
    except Exception:  # noqa: BLE001
        return False


def missing_evidence(db: Path) -> int:
    from trat_desktop.store import backup as backup_store

    named = backup_store.named_evidence(db)
    return sum(not (db.parent / "evidence" / sha[:2] / sha).is_file() for sha in named)


def opens(db: Path) -> str:
    try:
        service = PlanService.open(db)
    except Exception as exc:  # noqa: BLE001
        return f"does not open: {exc}"
    try:
        return "ok" if service.fiscal_years() else "empty"
    finally:
        service.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=30, help="runs killed mid-run wanted per kind")
    parser.add_argument("--evidence-mb", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kinds", default="backup,restore,export")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    results: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory(prefix="trat-kill-") as tmp_name:
        tmp = Path(tmp_name)
        template = tmp / "template"
        template.mkdir()
        db = make_office(template, args.evidence_mb)
        good = tmp / "good.zip"
        durations = {
            "backup": timed(cli(db, "backup", "--out", str(good))),
            "export": timed(cli(db, "export", "--out", str(tmp / "probe.trat"))),
        }
        target = tmp / "restore-target"
        shutil.copytree(template, target)
        durations["restore"] = timed(cli(target / "trat.sqlite3", "restore", str(good)))
        print("uninterrupted:", {k: f"{v:.2f} s" for k, v in durations.items()})
        for kind in args.kinds.split(","):
            tally = {"trials": 0, "killed_mid_run": 0, "output_whole": 0, "output_absent": 0, "output_broken": 0,
                     "db_not_opening": 0, "evidence_missing_after_restore": 0, "temp_left_after_kill": 0, "temp_left_after_next_start": 0}
            trial = -1
            while tally["killed_mid_run"] < args.kills and trial < 4 * args.kills:
                trial += 1
                work = tmp / f"{kind}-{trial}"
                if kind == "restore":  # onto a new PC: an empty data folder
                    work.mkdir()
                else:
                    shutil.copytree(template, work)
                wdb = work / "trat.sqlite3"
                out_dir = tmp / f"{kind}-{trial}-out"
                out_dir.mkdir()
                delay = rng.uniform(0.3, 1.0) * durations[kind]  # the start-up (imports) is the first ~30 %
                if kind == "backup":
                    out = out_dir / "copy.zip"
                    code = kill_after(cli(wdb, "backup", "--out", str(out)), delay)
                elif kind == "export":
                    out = out_dir / "sent.trat"
                    code = kill_after(cli(wdb, "export", "--out", str(out)), delay)
                else:
                    out = wdb
                    code = kill_after(cli(wdb, "restore", str(good)), delay)
                tally["trials"] += 1
                tally["killed_mid_run"] += code == -signal.SIGKILL
                # the shared machine's speed varies: aim the next kill by what this run did
                durations[kind] *= 1.1 if code == -signal.SIGKILL else 0.75
                if kind == "restore":
                    if wdb.exists():  # restored: the database opens and every evidence file is there
                        tally["output_whole"] += 1
                        tally["db_not_opening"] += opens(wdb) != "ok"
                        tally["evidence_missing_after_restore"] += missing_evidence(wdb)
                    else:
                        tally["output_absent"] += 1
                elif out.exists():
                    whole = bundle_ok(out) if kind == "backup" else zipfile.ZipFile(out).testzip() is None
                    tally["output_whole" if whole else "output_broken"] += 1
                else:
                    tally["output_absent"] += 1
                left = temp_files(work) + temp_files(out_dir)
                tally["temp_left_after_kill"] += len(left)
                # the next start (and, for an export, the next export to the same name) cleans up
                if kind == "export":
                    subprocess.run(cli(wdb, "export", "--out", str(out)), capture_output=True, cwd=ROOT)
                elif kind == "restore" and not wdb.exists():  # not restored: the person runs it again
                    subprocess.run(cli(wdb, "restore", str(good)), capture_output=True, cwd=ROOT)
                    tally["evidence_missing_after_restore"] += missing_evidence(wdb)
                else:
                    PlanService.open(wdb).close()
                    if kind == "backup":
                        subprocess.run(cli(wdb, "backup", "--out", str(out)), capture_output=True, cwd=ROOT)
                tally["temp_left_after_next_start"] += len(temp_files(work) + temp_files(out_dir))
                tally["db_not_opening"] += kind != "restore" and opens(wdb) != "ok"
                shutil.rmtree(work)
                shutil.rmtree(out_dir)
            results[kind] = tally
            print(kind, json.dumps(tally))
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
