"""Benchmark a revised plan document on a plan 100 times the FY2569 plan.

    python3 bench/revision_bench.py               # factor 100
    python3 bench/revision_bench.py --factor 10   # a smaller plan

Builds, in a temporary database, the big plan of bench/big_plan.py with progress everywhere, then a
"revised document" of it (fresh uids as the reader gives; one row inserted, one removed, one
reworded) and measures the preview (matching by content + what recorded progress is affected) and
applying it in place. Target: preview and apply each < 10 s at factor 100.
The bench may use the store directly (the app's GUI never does).
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from big_plan import build_database  # noqa: E402

from trat_desktop.domain.model import IndicatorRow  # noqa: E402
from trat_desktop.services.plan_import import apply, preview  # noqa: E402

TARGET_S = 10.0


def as_document(plan):  # type: ignore[no-untyped-def]
    doc = copy.deepcopy(plan)
    for part in [*doc.strategies, *(t for s in doc.strategies for t in s.tactics), *doc.activities(), *doc.rows()]:
        part.uid = str(uuid.uuid4())
    activities = doc.activities()
    source = activities[7].rows[0]
    activities[5].rows.insert(0, IndicatorRow(source.unit, source.target, "ตัวชี้วัดที่เพิ่มในฉบับปรับปรุง", "",
                                              source.quarter_from, source.quarter_to, list(source.agencies),
                                              uid=str(uuid.uuid4())))
    del activities[9].rows[0]
    activities[11].rows[0].indicator += " (ปรับถ้อยคำ)"
    return doc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, default=100)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        service, rows, _pairs, entries = build_database(Path(tmp) / "big.sqlite3", args.factor)
        try:
            doc = as_document(service.load_plan(2569))
            t0 = time.perf_counter()
            result = preview(service, doc, service.known_agencies())
            preview_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            apply(service, result)
            apply_s = time.perf_counter() - t0
        finally:
            service.close()
    diff = result.diff
    print(f"{rows:,} rows, {entries:,} progress entries: preview {preview_s:.2f} s, apply {apply_s:.2f} s "
          f"(target < {TARGET_S:.0f} s each); matched {diff.matched_rows:,}, added {len(diff.added)}, "
          f"removed {len(diff.removed)}, changed {len(diff.changed)}, kept aside {len(result.kept_aside)}")
    return 0 if preview_s < TARGET_S and apply_s < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
