"""Save a PNG of the main window, e.g. for docs/screenshots/ (run under Xvfb on Linux):

    xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshot.py docs/screenshots/main-window.png

Opens the plan database at ``--db`` (default: a fresh temporary one, seeded by the service),
selects an activity and grabs the window with ``QWidget.grab()``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from trat_desktop.gui.app import create_app  # noqa: E402
from trat_desktop.gui.display import set_thai_digits  # noqa: E402
from trat_desktop.services import PlanService  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="screenshot of the Trat Desktop main window")
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--db", type=Path, help="plan database (default: a new temporary one)")
    parser.add_argument("--activity", default="1.5", help="activity code to select, e.g. 1.5")
    parser.add_argument("--strategy", type=int, default=1, help="strategy number of the activity")
    parser.add_argument("--size", default="1400x900", help="window size WIDTHxHEIGHT")
    parser.add_argument("--arabic-digits", action="store_true", help="show 123 instead of ๑๒๓")
    args = parser.parse_args(argv)

    app = create_app(sys.argv[:1])
    from trat_desktop.gui.main_window import MainWindow

    set_thai_digits(not args.arabic_digits)
    with tempfile.TemporaryDirectory() as tmp:
        service = PlanService.open(args.db or Path(tmp) / "screenshot.sqlite3")
        try:
            window = MainWindow(service)
            width, height = (int(v) for v in args.size.lower().split("x"))
            window.resize(width, height)
            window.show()
            if not window.select_activity(args.activity, args.strategy):
                print(f"activity {args.activity} of strategy {args.strategy} not found", file=sys.stderr)
                return 1
            for _ in range(20):
                app.processEvents()
            args.out.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(args.out)):
                print(f"could not write {args.out}", file=sys.stderr)
                return 1
            window.close()
        finally:
            service.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
