"""Every window and dialog of the app, opened as a user opens them, for checks that walk them all
(issue 15): that each fits a 1366×768 or 1093×614 screen, and that none shows English.

``windows(role, tmp)`` yields ``(name, top-level widget)``, each shown; the caller checks it and the
next one is opened. A new dialog class in trat_desktop/gui must be listed here (``DIALOG_CLASSES``
is checked against the package by tests/test_gui_screens.py).
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from trat_desktop.domain.identity import Identity
from trat_desktop.services import PlanService, ProgressService

EDU = "สำนักงานศึกษาธิการจังหวัดตราด"
TODAY = dt.date(2026, 2, 10)

#: dialog classes of trat_desktop.gui (module.Class) -> the name they are opened under below
DIALOG_CLASSES = {
    "about_dialog.AboutDialog": "about",
    "agencies_dialog.AgencyFormDialog": "agency-form",
    "agencies_dialog.AgenciesDialog": "agencies",
    "agency_picker.AgencyPickerDialog": "agency-picker",
    "budget_editor.BudgetLinesDialog": "budget-lines",
    "comment_dialog.CommentDialog": "comment",
    "figures_actions.ThresholdsDialog": "thresholds",
    "round_dates_dialog.RoundDatesDialog": "round-dates",
    "conflicts_dialog.ConflictsDialog": "conflicts",
    "data_dialog.DataDialog": "data",
    "import_dialog.ImportDialog": "import",
    "ita_actions.ItaDialog": "ita",
    "ita_actions.ItaSettingsDialog": "ita-settings",
    "keys_dialog.KeysDialog": "keys",
    "receipt_actions.ReceiptDialog": "receipt",
    "ledger_dialog.LedgerDialog": "ledger",
    "plan_document_actions.PlanRevisionDialog": "plan-revision",
    "report_dialog.ReportDialog": "report",
    "round_actions.SubmitDialog": "submit",
    "round_actions.TimelinessDialog": "timeliness",
    "setup_dialog.SetupDialog": "setup",
    "start_problem.StartProblemDialog": "start-problem",
    "trash_dialog.TrashDialog": "trash",
}


def dialog_classes_in_package() -> set[str]:
    import trat_desktop.gui as gui

    found = set()
    for info in pkgutil.iter_modules(gui.__path__):
        if info.name == "forms":
            continue
        module = importlib.import_module(f"trat_desktop.gui.{info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                found.add(f"{info.name}.{name}")
    return found


def _service(tmp: Path, role: str) -> tuple[PlanService, ProgressService]:
    service = PlanService.open(tmp / f"{role}.sqlite3")
    progress = ProgressService(service)
    if role == "office":
        progress.set_identity(Identity(role="office", office_name=EDU, reporter_name="นางสาวสมใจ ใจดี"))
    else:
        progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    return service, progress


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _shown(widget: QWidget) -> QWidget:
    if not widget.isVisible():
        widget.show()
    _settle()
    return widget


def windows(role: str, tmp: Path, settings: QSettings | None = None) -> Iterator[tuple[str, QWidget]]:
    """Open the main window of *role* ("office" or "coordinator"), then each dialog it offers."""
    from trat_desktop.gui.main_window import MainWindow

    service, progress = _service(tmp, role)
    settings = settings or QSettings(str(tmp / f"{role}-settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings, today=lambda: TODAY,
                        now=lambda: dt.datetime(2026, 2, 10, 10, 35))
    window.show()
    _settle()
    tabs = window.form.pageTabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        _settle()
        yield f"{role}: หน้าต่างหลัก แท็บ {tabs.tabText(i)}", window
    tabs.setCurrentIndex(0)

    def add(name: str, make: Any) -> Iterator[tuple[str, QWidget]]:
        dialog = make()
        if dialog is None:
            raise AssertionError(f"{name}: did not open")
        _shown(dialog)
        yield f"{role}: {name}", dialog
        dialog.close()
        _settle()

    yield from add("about", window.show_about)
    yield from add("data", window.open_data_dialog)
    from trat_desktop.gui.setup_dialog import SetupDialog

    yield from add("setup", lambda: SetupDialog(progress, service.agencies(), window, first_run=False))
    yield from add("report", window.report_actions.open_dialog)
    yield from add("keys", window.exchange_actions.show_keys)
    yield from add("ita", window.ita_actions.open_dialog)
    yield from add("ita-settings", window.ita_actions.open_settings)
    from trat_desktop.gui.plan_document_actions import PlanRevisionDialog

    lines = [f"ตัวชี้วัดแถวที่ {n}: แก้ไขข้อความตัวชี้วัดและหน่วยนับตามเอกสารฉบับใหม่" for n in range(60)]
    yield from add("plan-revision", lambda: PlanRevisionDialog(window, lines))
    from trat_desktop.errors import DatabaseDamagedError
    from trat_desktop.gui.start_problem import StartProblemDialog

    yield from add("start-problem", lambda: StartProblemDialog(
        tmp / f"{role}.sqlite3", DatabaseDamagedError("ไฟล์ฐานข้อมูล “trat.sqlite3” เสียหาย")))
    if role == "office":
        from trat_desktop.gui.round_actions import SubmitDialog

        year = window.round_actions.fiscal_year()
        yield from add("submit", lambda: SubmitDialog(window, progress, year))
        return
    yield from add("ledger", window.exchange_actions.show_ledger)
    yield from add("conflicts", window.exchange_actions.show_conflicts)
    from trat_desktop.gui.import_dialog import ImportDialog

    yield from add("import", lambda: ImportDialog(service, window))
    yield from add("timeliness", lambda: window.round_actions.show_board(modal=False))
    from trat_desktop.gui.comment_dialog import CommentDialog, CommentTarget
    from trat_desktop.gui.round_actions import _rounds
    from trat_desktop.gui.round_dates_dialog import RoundDatesDialog

    year = window.round_actions.fiscal_year()
    offices = tuple((a.uid, a.name) for a in service.agencies()[:6])
    target = CommentTarget(year, progress.find_item("1/1.5/2", agency="สนง.ศึกษาธิการ จ.ตราด").indicator_uid,
                           "1/1.5/2 ร้อยละของผู้เข้าร่วมโครงการมีความรู้ความเข้าใจและมีส่วนร่วม", offices, 2)
    yield from add("comment", lambda: CommentDialog(window, target))
    yield from add("round-dates", lambda: RoundDatesDialog(window, _rounds(progress), year))
    yield from add("thresholds", lambda: window.figures_actions.edit())
    yield from add("receipt", window.receipt_actions.open_dialog)
    editor = window.coordinator_pages.editor
    tabs.setCurrentWidget(editor)
    _settle()
    uid = progress.find_item("1/1.5/2", agency="สนง.ศึกษาธิการ จ.ตราด").indicator_uid
    editor.show_part(uid)
    yield from add("agency-picker", editor.open_agency_picker)
    yield from add("budget-lines", editor.open_budget_editor)
    yield from add("trash", editor.open_trash)
    yield from add("agencies", editor.open_agencies)
    from trat_desktop.gui.agencies_dialog import AgencyFormDialog

    yield from add("agency-form", lambda: AgencyFormDialog(editor.edit_service, None, window))


#: room a real desktop's title bar and frame take around a window (Windows 10/11 at 100 %: 31 + 8 px)
FRAME_ALLOWANCE = (16, 40)


def fit_problems(widget: QWidget) -> list[str]:
    """What does not fit *widget*'s screen: the window itself (with room for a title bar), its layout's
    minimum size, and any visible button, field or label cut off by the window or a parent (not by a
    scroll area, where scrolling shows it)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QComboBox, QLabel, QLineEdit

    screen = widget.screen().availableGeometry()
    room_w, room_h = screen.width() - FRAME_ALLOWANCE[0], screen.height() - FRAME_ALLOWANCE[1]
    problems = []
    geometry = widget.frameGeometry()
    if widget.width() > room_w or widget.height() > room_h or not screen.contains(geometry):
        problems.append(f"window {geometry.width()}×{geometry.height()} at {geometry.x()},{geometry.y()} "
                        f"(screen {screen.width()}×{screen.height()})")
    minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    if minimum.width() > room_w or minimum.height() > room_h:
        problems.append(f"minimum size {minimum.width()}×{minimum.height()}")
    for child in widget.findChildren(QWidget):
        if not isinstance(child, (QAbstractButton, QLineEdit, QComboBox, QLabel)) or not child.isVisibleTo(widget):
            continue
        if child.width() <= 0 or child.height() <= 0:
            continue
        visible = QRect(child.mapTo(widget, QPoint(0, 0)), child.size())
        parent = child.parentWidget()
        scrolled = False
        while parent is not None and parent is not widget:
            if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():
                scrolled = True
                break
            visible = visible.intersected(QRect(parent.mapTo(widget, QPoint(0, 0)), parent.size()))
            parent = parent.parentWidget()
        if scrolled:
            continue
        visible = visible.intersected(widget.rect())
        text = child.text() if hasattr(child, "text") else ""
        name = f"{type(child).__name__} “{str(text)[:30]}”" if text else f"{type(child).__name__} {child.objectName()}"
        if visible.height() < child.height() - 2 or visible.width() < min(child.width(), 40) - 2:
            problems.append(f"{name} cut off ({visible.width()}×{visible.height()} of {child.width()}×{child.height()})")
        elif isinstance(child, QAbstractButton) and child.width() < child.minimumSizeHint().width() - 2:
            problems.append(f"{name} squeezed ({child.width()} < {child.minimumSizeHint().width()})")
    return problems


def main() -> int:
    """Run as a script on a screen of the size given by the offscreen configuration: print, as JSON,
    each window's name with what does not fit (tests/test_gui_screens.py)."""
    import json
    import sys
    import tempfile

    from trat_desktop.gui.app import create_app

    create_app([])
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for role in sys.argv[1:] or ("office", "coordinator"):
            for name, widget in windows(role, Path(tmp)):
                results[name] = fit_problems(widget)
    json.dump(results, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
