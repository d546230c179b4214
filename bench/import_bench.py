"""Import benchmark: office files (by default 2,500: 100 times this province's offices, 150 progress rows
each) imported into one coordinator database, measured in the same run against

* plain sqlite3 ``executemany`` of the same rows into the same tables (same indexes) of a copy of the database:
  every row the import added (progress, one audit row per changed field, the ledger, the pinned keys and
  their audit rows), read back from the imported database; also of the incoming progress rows alone;
* the physical floor: reading and hashing each file (SHA-256), unzipping every entry, one Ed25519
  verification, parsing every JSON line (plain ``json.loads``), and the plain insert of the same rows;
* re-importing the same, unchanged files.

    python3 bench/import_bench.py [--offices 2500] [--rows-per-office 50] [--batch 2500]
    python3 bench/import_bench.py --memory      # peak memory against the number of files and evidence size

Times are CPU seconds of this process (the machine is shared; wall seconds in brackets). Writes only to a
temporary folder.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import tracemalloc
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from exchange_helpers import craft, record  # noqa: E402

from trat_desktop.domain.identity import Identity  # noqa: E402
from trat_desktop.domain.model import Agency  # noqa: E402
from trat_desktop.exchange import keys  # noqa: E402
from trat_desktop.services import PlanService, ProgressService  # noqa: E402
from trat_desktop.services.exchange import ExchangeService  # noqa: E402
from trat_desktop.store import plans as plan_store  # noqa: E402

NS = uuid.UUID("3c7f1f7e-0b7a-4c4e-9d55-6d1f0c2e2569")


def big_plan(service: PlanService, offices: int, rows_per_office: int):
    """The FY2569 plan repeated until there are enough rows, with synthetic offices spread over them."""
    base = service.load_plan(2569)
    plan = copy.deepcopy(base)
    plan.fiscal_year = 2570
    plan.warnings = []
    plan.strategies = []
    copies = 100
    for n in range(copies):
        for strategy in copy.deepcopy(base.strategies):
            strategy.number = len(plan.strategies) + 1
            strategy.uid = str(uuid.uuid5(NS, f"s{n}/{strategy.uid}"))
            for tactic in strategy.tactics:
                tactic.uid = str(uuid.uuid5(NS, f"t{n}/{tactic.uid}"))
                for activity in tactic.activities:
                    activity.uid = str(uuid.uuid5(NS, f"a{n}/{activity.uid}"))
                    for row in activity.rows:
                        row.uid = str(uuid.uuid5(NS, f"r{n}/{row.uid}"))
                        row.quarter_from, row.quarter_to = 2, 4
                        row.unit, row.target = "ครั้ง", 3
                        row.agencies, row.budget_lines = [], []
            plan.strategies.append(strategy)
    rows = plan.rows()
    agencies = {}
    for k in range(offices):
        name = f"หน่วยงานทดสอบที่ {k + 1:04d}"
        agencies[name] = Agency(name, name, set(), str(uuid.uuid5(NS, name)))
        for j in range(rows_per_office):
            rows[(k * rows_per_office + j * 7) % len(rows)].agencies.append(name)
    for row in rows:
        row.agencies = list(dict.fromkeys(row.agencies))
    plan.agencies = agencies
    plan_store.save_plan(service.db, plan, agencies.values())
    return plan


def set_up(tmp: Path, offices: int, rows_per_office: int, evidence_bytes: int = 0):
    """A coordinator database with the big plan and one signed file per office; returns (files, rows)."""
    service = PlanService.open(tmp / "coordinator.sqlite3")
    progress = ProgressService(service)
    progress.set_identity(Identity(role="coordinator"))
    plan = big_plan(service, offices, rows_per_office)
    by_agency: dict[str, list[str]] = {}
    for row in plan.rows():
        for name in row.agencies:
            by_agency.setdefault(name, []).append(row.uid)
    files, all_rows = [], []
    for name, agency in plan.agencies.items():
        pair = keys.generate()
        records = [record(uid, agency.uid, q, 1, 1) for uid in by_agency.get(name, []) for q in (2, 3, 4)]
        evidence, blobs = [], {}
        if evidence_bytes and records:
            body = os.urandom(evidence_bytes)
            sha = hashlib.sha256(body).hexdigest()
            blobs[sha] = body
            first = records[0]
            evidence.append({"indicator_uid": first["indicator_uid"], "agency_uid": agency.uid,
                             "quarter": first["quarter"], "sha256": sha, "file_name": "photo.jpg",
                             "size": len(body), "added_at": "2026-01-01T00:00:00+07:00", "removed_at": None,
                             "revision": 1})
        all_rows.extend(records)
        files.append(craft(tmp / "in" / f"{agency.uid}.trat", private_b64=pair.private_b64, office_uid=agency.uid,
                           records=records, fiscal_year=2570, evidence=evidence, blobs=blobs))
    service.close()
    return files, all_rows


class Clock:
    """CPU and wall seconds of a block."""

    def __enter__(self) -> "Clock":
        self.cpu, self.wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.cpu, self.wall = time.process_time() - self.cpu, time.perf_counter() - self.wall

    def __str__(self) -> str:
        return f"{self.cpu:8.2f} s  [{self.wall:6.2f}]"


def raw_insert(db: Path, tables: dict[str, tuple[list[str], list[tuple]]]) -> Clock:
    """Plain sqlite3 ``executemany`` of the given rows, table by table, in one transaction (default settings)."""
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA journal_mode = WAL")
    with Clock() as clock, raw:
        for table, (columns, rows) in tables.items():
            raw.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            rows)
    raw.close()
    return clock


def progress_only(rows: list[dict]) -> dict[str, tuple[list[str], list[tuple]]]:
    """The incoming progress rows as they are sent, nothing else (the baseline the earlier rounds reported)."""
    columns = ["indicator_uid", "agency_uid", "quarter", "achieved", "spent_satang", "status", "note", "reporter",
               "updated_at", "revision", "office_revision"]
    return {"progress": (columns, [(*(r[c] for c in columns[:9]), 1, r["revision"]) for r in rows])}


def written_rows(db: Path, before: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every row the import added, table by table, as stored (all columns but the rowid): what a plain insert
    of "the same rows" has to write into the same tables with the same indexes."""
    con = sqlite3.connect(db)
    con.execute("ATTACH ? AS before", [str(before)])
    out = {}
    for table in ("progress", "audit_log", "import_ledger", "office_keys", "conflicts", "evidence"):
        columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if not (r[5] and r[2] == "INTEGER")]
        old = con.execute(f"SELECT coalesce(max(rowid), 0) FROM before.{table}").fetchone()[0]
        rows = con.execute(f"SELECT {', '.join(columns)} FROM main.{table} WHERE rowid > ? ORDER BY rowid",
                           [old]).fetchall()
        if rows:
            out[table] = (columns, rows)
    con.close()
    return out


def floor_parts(files: list[Path]) -> dict[str, float]:
    """CPU seconds of the work no import can skip, per step, over all files."""
    parts = dict.fromkeys(("read + SHA-256", "unzip", "Ed25519", "JSON"), 0.0)
    for path in files:
        t = time.process_time()
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        t1 = time.process_time()
        with zipfile.ZipFile(path) as z:
            entries = {name: z.read(name) for name in z.namelist()}
        t2 = time.process_time()
        manifest = json.loads(entries["manifest.json"])
        keys.verify(manifest["signer_public_key"], entries["manifest.json"], entries["signature"].decode())
        t3 = time.process_time()
        for line in entries["progress.jsonl"].split(b"\n"):
            if line:
                json.loads(line)
        t4 = time.process_time()
        for name, took in zip(parts, (t1 - t, t2 - t1, t3 - t2, t4 - t3)):
            parts[name] += took
    return parts


def speed(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        t0 = time.perf_counter()
        files, all_rows = set_up(tmp, args.offices, args.rows_per_office)
        for name in ("before", "raw", "raw-same"):
            shutil.copy(tmp / "coordinator.sqlite3", tmp / f"{name}.sqlite3")
        print(f"set-up: {time.perf_counter() - t0:.1f} s; {len(files)} files, {len(all_rows):,} progress rows "
              f"({len(all_rows) / len(files):.0f} per file)")
        raw = raw_insert(tmp / "raw.sqlite3", progress_only(all_rows))
        parts = floor_parts(files)

        exchange = ExchangeService(ProgressService(PlanService.open(tmp / "coordinator.sqlite3")))
        imported = 0
        with Clock() as first:
            for start in range(0, len(files), args.batch):
                report = exchange.import_files(files[start:start + args.batch], trust_new=True)
                assert report.ok, [f.reason for f in report.files if f.status == "rejected"][:3]
                imported += report.totals()["added"]
        assert imported == len(all_rows), (imported, len(all_rows))
        exchange.plans.close()
        written = written_rows(tmp / "coordinator.sqlite3", tmp / "before.sqlite3")
        exchange = ExchangeService(ProgressService(PlanService.open(tmp / "coordinator.sqlite3")))
        with Clock() as again:
            for start in range(0, len(files), args.batch):
                report = exchange.import_files(files[start:start + args.batch], trust_new=True)
                assert report.totals()["files_unchanged"] == len(files[start:start + args.batch])
        exchange.plans.close()
        same = raw_insert(tmp / "raw-same.sqlite3", written)
        counted = ", ".join(f"{table} {len(rows):,}" for table, (_columns, rows) in written.items())
        floor = sum(parts.values()) + same.cpu
        print(f"rows the import wrote: {counted}")
        print(f"raw executemany, the same rows (all of the above): {same}")
        print(f"raw executemany, incoming progress rows only     : {raw}")
        for name, took in parts.items():
            print(f"floor: {name:16s}                         : {took:8.2f} s")
        print(f"floor (these + raw insert of the same rows)      : {floor:8.2f} s")
        print(f"import (signed, checked, merged)                 : {first}  = {len(files) / first.wall:,.0f} files/s")
        print(f"re-import of the same, unchanged files           : {again}")
        print(f"ratio import / raw insert of the same rows       : {first.cpu / same.cpu:6.2f}  (goal <= 3)")
        print(f"ratio import / floor                             : {first.cpu / floor:6.2f}  (goal <= 2)")
        print(f"ratio import / raw insert of the progress rows   : {first.cpu / raw.cpu:6.2f}  (for comparison)")
        print(f"unchanged re-import / first import               : {again.cpu / first.cpu:6.1%}  (goal <= 10 %)")


def peak_mb(tmp: Path, offices: int, rows_per_office: int, evidence_bytes: int = 0) -> float:
    """Peak Python memory (tracemalloc) of one import run, above what was held before it."""
    folder = tmp / f"m{offices}-{evidence_bytes}"
    folder.mkdir()
    files, _rows = set_up(folder, offices, rows_per_office, evidence_bytes)
    exchange = ExchangeService(ProgressService(PlanService.open(folder / "coordinator.sqlite3")))
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    report = exchange.import_files(files, trust_new=True)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    assert report.ok, [f.reason for f in report.files if f.status == "rejected"][:3]
    exchange.plans.close()
    return peak / 1e6


def memory(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        small, large = peak_mb(tmp, 100, args.rows_per_office), peak_mb(tmp, 400, args.rows_per_office)
        print(f"peak memory, 100 files: {small:7.1f} MB; 400 files: {large:7.1f} MB  "
              f"= {(large - small) / 300 * 1000:.1f} kB per file more")
        heavy = peak_mb(tmp, 4, args.rows_per_office, 25 * 1024 * 1024)
        print(f"peak memory, 4 files with 25 MB of evidence each (100 MB): {heavy:7.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offices", type=int, default=2500)
    parser.add_argument("--rows-per-office", type=int, default=50)
    parser.add_argument("--batch", type=int, default=2500, help="files per import run (one command)")
    parser.add_argument("--memory", action="store_true", help="measure peak memory instead of time")
    args = parser.parse_args()
    memory(args) if args.memory else speed(args)


if __name__ == "__main__":
    main()
