"""Screenshots of the รายงาน menu and its chooser (run under Xvfb on Linux):

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tools/screenshot_reports.py docs/screenshots/report-dialog.png
    xvfb-run -a -s "-screen 0 1366x768x24" python3 tools/screenshot_reports.py --view menu docs/screenshots/guide-report-menu.png
    xvfb-run -a -s "-screen 0 1366x768x24" python3 tools/screenshot_reports.py --view menu --role coordinator out.png

In a temporary database (never the user's), an office (or ``--role coordinator``) installation:

* ``dialog`` (default): the chooser opened from the menu on the office's quarterly report
  (the coordinator's: the provincial report).
* ``menu``: the main window with the รายงาน menu open (for an office: cut off above the entry table).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from PySide6.QtCore import QPoint, QRect, QSettings  # noqa: E402
from PySide6.QtGui import QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from trat_desktop.domain.identity import Identity  # noqa: E402
from trat_desktop.gui.app import create_app  # noqa: E402
from trat_desktop.gui.display import set_thai_digits  # noqa: E402
from trat_desktop.gui.main_window import MainWindow  # noqa: E402
from trat_desktop.gui.report_actions import ReportActions  # noqa: E402
from trat_desktop.services import PlanService, ProgressService  # noqa: E402

EDU = "สำนักงานศึกษาธิการจังหวัดตราด"


def _settle(app: QApplication, rounds: int = 40) -> None:
    for _ in range(rounds):
        app.processEvents()


def _grab(app: QApplication, rect: QRect) -> QPixmap:
    return app.primaryScreen().grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height())


def shoot(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap:
    today = args.today
    progress = ProgressService(service, clock=lambda: dt.datetime.combine(today, dt.time(9, 0)).astimezone())
    if args.role == "office":
        progress.set_identity(Identity(role="office", office_name=EDU, reporter_name="นางสาวสมใจ ใจดี",
                                       reporter_position="นักวิเคราะห์นโยบายและแผน"))
    else:
        progress.set_identity(Identity(role="coordinator", reporter_name="นายวิชัย ประสานงาน"))
    settings = QSettings(str(args.tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings, today=lambda: today)
    window.resize(*args.size)
    window.move(0, 0)
    window.show()
    _settle(app)
    actions = window.report_actions  # MainWindow installs the รายงาน menu itself
    assert isinstance(actions, ReportActions)
    actions.opener = lambda _path: True  # never start the system's PDF viewer
    if args.view == "menu":
        menu = actions.menu
        assert menu is not None
        bar = window.menuBar()
        where = bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft())
        bar.setFocus()
        bar.setActiveAction(menu.menuAction())  # opened as a click would: its title highlighted
        _settle(app)
        if not menu.isVisible():
            menu.popup(where)
            _settle(app)
        bottom = where.y() + menu.height() + 90
        page = window.office_page
        if page is not None and page.isVisible():  # end above the entry table's header, not through it
            table_top = page.table.mapToGlobal(QPoint(0, 0)).y() - 6
            if table_top > where.y() + menu.height() + 10:
                bottom = table_top
        area = QRect(window.frameGeometry().topLeft(), QPoint(where.x() + menu.width() + 240, bottom))
        return _grab(app, area)
    dialog = actions.open_dialog("office" if args.role == "office" else "province")
    _settle(app)
    return dialog.grab()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="screenshots of the รายงาน menu")
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--view", choices=("dialog", "menu"), default="dialog")
    parser.add_argument("--role", choices=("office", "coordinator"), default="office")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 2, 10))
    parser.add_argument("--size", default="1280x800", help="window size WIDTHxHEIGHT")
    parser.add_argument("--arabic-digits", action="store_true", help="show 123 instead of ๑๒๓")
    args = parser.parse_args(argv)
    args.size = tuple(int(v) for v in args.size.lower().split("x"))

    app = create_app(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        args.tmp = Path(tmp)
        service = PlanService.open(args.tmp / "screenshot.sqlite3")
        try:
            set_thai_digits(not args.arabic_digits)
            pixmap = shoot(app, service, args)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            if not pixmap.save(str(args.out)):
                print(f"could not write {args.out}", file=sys.stderr)
                return 1
        finally:
            for widget in app.topLevelWidgets():
                widget.close()
            service.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
