"""Import benchmark: 2,500 office files (100 times this province's offices, ~150 progress rows each)
imported into one coordinator database, against plain sqlite3 executemany of the same rows into the
same table of a copy of the same database, in the same run.

    python3 bench/import_bench.py [--offices 2500] [--rows-per-office 50] [--batch 250]

Writes only to a temporary folder. Prints files per second and the ratio to the raw insert.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offices", type=int, default=2500)
    parser.add_argument("--rows-per-office", type=int, default=50)
    parser.add_argument("--batch", type=int, default=2500, help="files per import run (one command)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        t0 = time.perf_counter()
        service = PlanService.open(tmp / "coordinator.sqlite3")
        progress = ProgressService(service)
        progress.set_identity(Identity(role="coordinator"))
        plan = big_plan(service, args.offices, args.rows_per_office)
        by_agency: dict[str, list[str]] = {}
        for row in plan.rows():
            for name in row.agencies:
                by_agency.setdefault(name, []).append(row.uid)
        files, all_rows = [], []
        for name, agency in plan.agencies.items():
            pair = keys.generate()
            records = [record(uid, agency.uid, q, 1, 1) for uid in by_agency.get(name, []) for q in (2, 3, 4)]
            all_rows.extend(records)
            files.append(craft(tmp / "in" / f"{agency.uid}.trat", private_b64=pair.private_b64,
                               office_uid=agency.uid, records=records, fiscal_year=2570))
        service.close()
        shutil.copy(tmp / "coordinator.sqlite3", tmp / "raw.sqlite3")
        print(f"set-up: {time.perf_counter() - t0:.1f} s; {len(files)} files, {len(all_rows):,} progress rows "
              f"({len(all_rows) / len(files):.0f} per file); plan rows {len(plan.rows()):,}")

        raw = sqlite3.connect(tmp / "raw.sqlite3")
        raw.execute("PRAGMA journal_mode = WAL")
        t0 = time.perf_counter()
        with raw:
            raw.executemany(
                "INSERT INTO progress (indicator_uid, agency_uid, quarter, achieved, spent_satang, status, note, "
                "reporter, updated_at, revision, office_revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
                [(r["indicator_uid"], r["agency_uid"], r["quarter"], r["achieved"], r["spent_satang"], r["status"],
                  r["note"], r["reporter"], r["updated_at"], r["revision"]) for r in all_rows])
        raw_time = time.perf_counter() - t0
        raw.close()

        exchange = ExchangeService(ProgressService(PlanService.open(tmp / "coordinator.sqlite3")))
        t0 = time.perf_counter()
        imported = 0
        for start in range(0, len(files), args.batch):
            report = exchange.import_files(files[start:start + args.batch], trust_new=True)
            assert report.ok, [f.reason for f in report.files if f.status == "rejected"][:3]
            imported += report.totals()["added"]
        import_time = time.perf_counter() - t0
        assert imported == len(all_rows), (imported, len(all_rows))
        print(f"raw executemany : {raw_time:8.2f} s")
        print(f"import (signed) : {import_time:8.2f} s  = {len(files) / import_time:,.0f} files/s, "
              f"{len(all_rows) / import_time:,.0f} rows/s")
        print(f"ratio import/raw: {import_time / raw_time:8.1f}  (target <= 10)")


if __name__ == "__main__":
    main()
