"""Save PNGs of the app for docs/screenshots/ (run under Xvfb on Linux):

    xvfb-run -a -s "-screen 0 1366x768x24" python tools/screenshot.py --role office docs/screenshots/main-window.png
    xvfb-run -a -s "-screen 0 1366x768x24" python tools/screenshot.py --view office docs/screenshots/office-entry.png
    xvfb-run -a -s "-screen 0 1366x768x24" python tools/screenshot.py --view setup docs/screenshots/setup-dialog.png
    xvfb-run -a -s "-screen 0 1366x768x24" python tools/screenshot.py --view import docs/screenshots/import-preview.png
    (also --view conflicts, keys, evidence: see tools/screenshot_exchange.py;
     --view about, data, restore, export-done, menu for the user guide: tools/screenshot_guide.py)

Opens the plan database at ``--db`` (default: a fresh temporary one, seeded by the service).

* ``plan`` (default): the plan page with an activity selected, grabbed with ``QWidget.grab()``;
  the coordinator's window, or with ``--role office`` an office's (as the user guide shows it).
* ``office``: the "งานของหน่วยงาน" entry page of ``--office``, with a few example values
  typed in (one over its budget, so the yellow notice shows). In a temporary database only.
* ``setup``: the set-up dialog with Thai typed into the office box and the type-ahead list
  open; grabbed from the screen, since the list is a separate window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from PySide6.QtCore import QRect, QSettings  # noqa: E402
from PySide6.QtGui import QInputMethodEvent, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from trat_desktop.domain.identity import Identity  # noqa: E402
from trat_desktop.gui.app import create_app  # noqa: E402
from trat_desktop.gui.display import set_thai_digits  # noqa: E402
from trat_desktop.services import PlanService, ProgressService  # noqa: E402

from screenshot_exchange import SHOTS as EXCHANGE_SHOTS  # noqa: E402 - tools/ is on sys.path
from screenshot_guide import SHOTS as GUIDE_SHOTS  # noqa: E402
from screenshot_rounds import ROUND_SHOTS  # noqa: E402

EDU = "สำนักงานศึกษาธิการจังหวัดตราด"
#: Example entries for the office screenshot: (row id, quarter, field, typed text).
EXAMPLE_ENTRIES = (
    ("1/1.2/1", 2, "achieved", "๘๕"), ("1/1.2/1", 2, "status", "ดำเนินการแล้ว"),
    ("1/1.2/1", 2, "note", "ชี้แจงคู่มือในการประชุมประจำเดือน"),
    ("1/1.3/1", 2, "achieved", "๑"), ("1/1.3/1", 2, "status", "กำลังดำเนินการ"),
    ("1/1.5/2", 2, "achieved", "๙๐"), ("1/1.5/2", 2, "spent", "๒๐,๐๐๐"),
    ("1/1.5/2", 2, "status", "กำลังดำเนินการ"),
)


def _settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def _grab_screen(app: QApplication, rect: QRect) -> QPixmap:
    screen = app.primaryScreen()
    return screen.grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height())


def shoot_plan(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    from trat_desktop.gui.main_window import MainWindow

    progress = None
    if args.db is None:  # a throw-away database: show the window as the coordinator (or --role office) has it
        progress = ProgressService(service)
        if args.role == "office":
            progress.set_identity(Identity(role="office", office_name=args.office, reporter_name="นางสาวสมใจ ใจดี",
                                           reporter_position="นักวิเคราะห์นโยบายและแผน"))
        else:
            progress.set_identity(Identity(role="coordinator"))
    window = MainWindow(service, progress=progress, settings=_settings(args), today=lambda: args.today)
    window.resize(*args.size)
    window.show()
    if args.role == "office":  # an office opens on its entry page: show the plan tab instead
        window.form.pageTabs.setCurrentWidget(window.form.planPage)
    if not window.select_activity(args.activity, args.strategy):
        print(f"activity {args.activity} of strategy {args.strategy} not found", file=sys.stderr)
        return None
    _settle(app)
    return window.grab()


def shoot_office(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    from trat_desktop.gui.entry_model import WorkEntryModel as M
    from trat_desktop.gui.main_window import MainWindow

    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name=args.office, reporter_name="นางสาวสมใจ ใจดี",
                                   reporter_position="นักวิเคราะห์นโยบายและแผน"))
    window = MainWindow(service, progress=progress, settings=_settings(args), today=lambda: args.today)
    window.resize(*args.size)
    window.show()
    page = window.office_page
    items = {item.id: item for item in page.model.items()}
    columns = {"achieved": M.COL_ACHIEVED, "spent": M.COL_SPENT, "status": M.COL_STATUS, "note": M.COL_NOTE}
    for item_id, quarter, field, text in EXAMPLE_ENTRIES if args.office == EDU else ():
        page.model.setData(page.model.index_of(items[item_id], quarter, columns[field]), text)
    if args.office == EDU:  # spending over the row's budget: saved, with the yellow notice
        page.model.setData(page.model.index_of(items["1/1.5/2"], 3, M.COL_SPENT), "๒๐,๐๐๐")
        page.table.setCurrentIndex(page.model.index_of(items["1/1.5/2"], 3, M.COL_ACHIEVED))
    page.table.setFocus()
    _settle(app)
    page.table.scrollToTop()
    _settle(app)
    return window.grab()


def shoot_setup(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    from trat_desktop.gui.setup_dialog import SetupDialog

    dialog = SetupDialog(ProgressService(service), service.agencies(), first_run=True)
    form = dialog.form
    form.reporterNameEdit.setText("นางสาวสมใจ ใจดี")
    form.reporterPositionEdit.setText("นักวิเคราะห์นโยบายและแผนชำนาญการ")
    form.reporterPhoneEdit.setText("๐ ๓๙๕๑ ๑๒๓๔")
    form.headNameEdit.setText("นายสมชาย รักษ์ดี")
    form.headPositionEdit.setText("ศึกษาธิการจังหวัดตราด")
    dialog.move(40, 40)
    dialog.show()
    dialog.activateWindow()
    _settle(app)
    edit = form.agencyCombo.lineEdit()
    edit.clear()
    edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(args.typed)
    QApplication.sendEvent(edit, event)
    _settle(app, 40)
    area = dialog.frameGeometry()
    popup = dialog.completer.popup()
    if popup.isVisible():
        area = area.united(popup.frameGeometry())
    return _grab_screen(app, area)


def _settings(args: argparse.Namespace) -> QSettings:
    """Throw-away display settings holding the --arabic-digits choice (never the user's)."""
    from trat_desktop.gui.main_window import THAI_DIGITS_KEY

    settings = QSettings(str(args.tmp / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(THAI_DIGITS_KEY, not args.arabic_digits)
    return settings


SHOTS = {"plan": shoot_plan, "office": shoot_office, "setup": shoot_setup}
SHOTS.update(EXCHANGE_SHOTS)
SHOTS.update(GUIDE_SHOTS)
SHOTS.update(ROUND_SHOTS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="screenshots of Trat Desktop")
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--view", choices=sorted(SHOTS), default="plan", help="what to photograph")
    parser.add_argument("--db", type=Path, help="plan database (default: a new temporary one)")
    parser.add_argument("--activity", default="1.5", help="plan view: activity code to select, e.g. 1.5")
    parser.add_argument("--strategy", type=int, default=1, help="plan view: strategy number of the activity")
    parser.add_argument("--role", choices=("coordinator", "office"), default="coordinator",
                        help="plan view: whose window (the office's has only its entry and plan tabs)")
    parser.add_argument("--office", default=EDU, help="office view: the office whose rows are shown")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 2, 10),
                        help="office view: the date taken as today (its quarter is highlighted)")
    parser.add_argument("--typed", default="ศึกษา", help="setup view: text typed into the office box")
    parser.add_argument("--size", default="1366x768", help="window size WIDTHxHEIGHT")
    parser.add_argument("--arabic-digits", action="store_true", help="show 123 instead of ๑๒๓")
    args = parser.parse_args(argv)
    args.size = tuple(int(v) for v in args.size.lower().split("x"))

    app = create_app(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        args.tmp = Path(tmp)
        args.settings = _settings(args)
        if args.db is not None and args.view != "plan":
            print("--db is only for the plan view (the office views write example data)", file=sys.stderr)
            return 2
        service = PlanService.open(args.db or args.tmp / "screenshot.sqlite3")
        try:
            set_thai_digits(not args.arabic_digits)
            pixmap = SHOTS[args.view](app, service, args)
            if pixmap is None:
                return 1
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
