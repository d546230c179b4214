"""Save PNGs of the coordinator's pages for docs/screenshots/ (run under Xvfb on Linux):

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tools/screenshot_coordinator.py

Opens a fresh temporary database (seeded with the FY2569 plan), enters synthetic progress
for a few offices through ProgressService (so the views are not empty), sets the
installation up as the coordinator, and grabs the three tabs of a QTabWidget:
coordinator-editor.png, coordinator-overview.png and coordinator-dashboard.png.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from trat_desktop.domain.identity import Identity  # noqa: E402
from trat_desktop.domain.progress import LEVEL_UNITS, PERCENT_UNITS  # noqa: E402
from trat_desktop.gui.app import create_app  # noqa: E402
from trat_desktop.gui.display import set_thai_digits  # noqa: E402
from trat_desktop.services import PlanService, ProgressService  # noqa: E402

#: Offices that "reported", and the quarters they reported.
REPORTING = {
    "สนง.ศึกษาธิการ จ.ตราด": (2, 3),
    "สนง.สาธารณสุข จ.ตราด": (2, 3),
    "วิทยาลัยสารพัดช่างตราด": (2, 3),
    "สนจ.ตราด": (2,),
    "สนง.คลัง จ.ตราด": (2, 3),
    "อบจ.ตราด": (2,),
}
QUARTER = 3


def value_for(unit: str, target: float | None, rng: random.Random) -> str:
    if unit.strip() in PERCENT_UNITS:
        return str(rng.choice([60, 75, 80, 85, 92, 100]))
    if unit.strip() in LEVEL_UNITS:
        return str(rng.randint(2, 5))
    return str(rng.randint(0, max(1, int(target or 1))))


def enter_progress(service: PlanService) -> int:
    """Synthetic results for the offices in REPORTING; returns how many entries were saved."""
    rng = random.Random(2569)
    saved = 0
    for name, quarters in REPORTING.items():
        progress = ProgressService(service)
        progress.set_identity(Identity(role="office", office_name=name, reporter_name="ผู้รายงานตัวอย่าง"))
        for item in progress.work_items():
            for quarter in quarters:
                if quarter not in item.quarters():
                    continue
                spent = ""
                if item.allocated_satang:
                    spent = str(int(item.allocated_satang / 100 * rng.choice([0.2, 0.3, 0.45])))
                progress.set_progress(item, quarter, achieved=value_for(item.unit, item.target, rng),
                                      spent=spent, status="in_progress")
                saved += 1
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "docs" / "screenshots", help="folder for the PNGs")
    parser.add_argument("--size", default="1366x768", help="window size WIDTHxHEIGHT")
    parser.add_argument("--arabic-digits", action="store_true", help="show 123 instead of ๑๒๓")
    args = parser.parse_args(argv)

    app = create_app(sys.argv[:1])
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTabWidget

    from trat_desktop.gui.coordinator_pages import add_coordinator_pages

    set_thai_digits(not args.arabic_digits)
    width, height = (int(v) for v in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        service = PlanService.open(Path(tmp) / "screenshot.sqlite3")
        try:
            saved = enter_progress(service)
            coordinator = ProgressService(service)
            coordinator.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงานจังหวัด"))
            tabs = QTabWidget()
            tabs.setWindowTitle("ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราด — Trat Desktop")
            editor, overview, dashboard = add_coordinator_pages(tabs, service, coordinator, background=False)
            overview.set_quarter(QUARTER)  # type: ignore[attr-defined]
            overview.view.sortByColumn(9, Qt.SortOrder.DescendingOrder)  # type: ignore[attr-defined] # budget
            dashboard.set_quarter(QUARTER)  # type: ignore[attr-defined]
            tabs.resize(width, height)
            tabs.show()
            plan = service.load_plan()
            activity = plan.strategies[0].tactics[0].activities[4]  # 1.5, four agencies, four budget lines
            editor.show_part(activity.rows[1].uid)  # type: ignore[attr-defined]
            shots = (("coordinator-editor.png", 0), ("coordinator-overview.png", 1), ("coordinator-dashboard.png", 2))
            for name, index in shots:
                tabs.setCurrentIndex(index)
                for _ in range(30):
                    app.processEvents()
                target = args.out / name
                if not tabs.grab().save(str(target)):
                    print(f"could not write {target}", file=sys.stderr)
                    return 1
                print(f"wrote {target}")
            print(f"({saved} synthetic progress entries from {len(REPORTING)} offices, quarter {QUARTER} shown)")
            tabs.close()
        finally:
            service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
