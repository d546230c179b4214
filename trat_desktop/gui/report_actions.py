"""The รายงาน menu: printed reports (PDF) and the Excel export from the main window.

รายงาน › รายงานผลการดำเนินงานของหน่วยงาน (ไตรมาส…)   (an office's installation)
        รายงานภาพรวมจังหวัด…                         (the coordinator's)
        พิมพ์แผนปฏิบัติการ…                           (everyone)
        ส่งออก Excel…                                 (the coordinator's)

Each item opens the chooser (:class:`.report_dialog.ReportDialog`): fiscal year, quarter or whole
year, Thai or Arabic digits (default: the display's setting) and an action:

* ดูตัวอย่าง – the report is written to a temporary file and opened in the system's PDF viewer
  (QtPdf is not part of PySide6-Essentials; no page is rasterised here).
* พิมพ์…     – the same, with a note on printing from the viewer (A4, actual size).
* บันทึกเป็น PDF… / บันทึกไฟล์ Excel… – a file name is asked for (a Thai default with the
  Buddhist-era date), the file is written beside it and moved into place when complete.
* บันทึกเป็น Word… – the same as an editable .docx (the office and provincial reports, the plan).

The report is made off the GUI thread (:func:`.ops.run_in_background`) on the worker's own
PlanService; its page callback drives the progress dialog. Refusals (an office report on the
coordinator's installation, no plan) are the report functions' Thai :class:`TratError` messages.

Pages can put a button for a report in their tool bars with :meth:`ReportActions.tool_button`.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QMessageBox, QToolButton, QWidget

from ..domain.capabilities import can
from ..domain.identity import Identity
from ..domain.fiscal import ROUND_DUE_DAYS, default_quarter
from ..domain.thai import digits
from ..errors import TratError
from ..i18n import N_, _, ngettext
from ..services import PlanService, ProgressService
from . import display, file_dialogs
from .ops import BackgroundOp, error_text, report_progress, run_in_background
from .report_dialog import KINDS, PREVIEW, PRINT, SAVE, ReportDialog, ReportRequest, kinds_for
from .years import default_year_of, selected_year_of
from .window_actions import WindowActions

MENU_TITLE = N_("รายงาน")
LAST_DIR_KEY = "reports/last_dir"
PAGES_KEY = "reports/pages/{kind}"   # pages the last report of a kind had: the progress bar's estimate
PDF_FILES = N_("เอกสาร PDF (*.pdf)")
WORD_FILES = N_("เอกสาร Word (*.docx)")
#: the reports that can also be saved as an editable Word file
WORD_KINDS = tuple(key for key, kind in KINDS.items() if kind.word)
XLSX_FILES = N_("สมุดงาน Excel (*.xlsx)")
PREVIEW_DIR_NAME = "trat-desktop-reports"
PREVIEW_KEEP_SECONDS = 24 * 3600
#: the messages below are marked for the catalog and translated where shown
PRINT_HINT = N_("เปิดรายงานในโปรแกรมดู PDF แล้ว สั่งพิมพ์จากโปรแกรมนั้น (กด Ctrl+P)\n\n"
                "เลือกกระดาษ A4 และพิมพ์ “ขนาดจริง” (ไม่ย่อหรือขยายให้พอดีหน้า) "
                "เพื่อให้ระยะขอบตรงตามแบบหนังสือราชการ")
OFFICE_HINT = N_("ลงนามในรายงานแล้วส่งพร้อมไฟล์ผลการดำเนินงาน (แฟ้ม › ส่งออกไฟล์ผลการดำเนินงาน…) "
                 "หากแก้ไขข้อมูลหลังพิมพ์ ให้ส่งออกไฟล์และพิมพ์รายงานใหม่ (รหัสตรวจสอบข้อมูลจะเปลี่ยน)")
NOT_OPENED = N_("เปิดไฟล์ไม่ได้: ไม่พบโปรแกรมสำหรับเปิดไฟล์ชนิดนี้ในเครื่อง\n"
                "ไฟล์อยู่ที่\n{path}")
NOT_SET_UP_TIP = N_("ตั้งค่าหน่วยงานของเครื่องนี้ก่อน (ตั้งค่า › หน่วยงานและผู้รายงาน…)")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')

#: Opens a finished file for the user; True when a program took it.
Opener = Callable[[Path], bool]


def open_with_system(path: Path) -> bool:
    """The system's default program for *path* (the PDF viewer, the spreadsheet)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def be_date_stamp(day: dt.date) -> str:
    """A Buddhist-era date for file names, sorting by date: 10 Feb 2026 -> '2569-02-10'."""
    return f"{day.year + 543}-{day.month:02d}-{day.day:02d}"


def safe_file_name(text: str) -> str:
    """*text* without the characters Windows forbids in file names."""
    return re.sub(r"\s+", " ", _UNSAFE.sub("-", text)).strip(" .-") or "รายงาน"


def default_file_name(request: ReportRequest, year: int, office_name: str, today: dt.date) -> str:
    """A Thai file name that says what the report is, with the Buddhist-era date it was made:
    'แบบรายงานผลการดำเนินงาน_สำนักงานศึกษาธิการจังหวัดตราด_ไตรมาส2-2569_2569-02-10.pdf'."""
    period = f"ไตรมาส{request.quarter}-{year}" if request.quarter else f"ทั้งปี-{year}"
    if request.round_id:
        from ..domain.rounds import ROUND_NAMES

        period = digits(ROUND_NAMES[request.round_id], False).replace(" ", "") + f"-{year}"
    stamp = be_date_stamp(today)
    if request.kind == "office":
        name = f"แบบรายงานผลการดำเนินงาน_{office_name or 'หน่วยงาน'}_{period}_{stamp}"
    elif request.kind == "province":
        name = f"รายงานภาพรวมจังหวัด_{period}_{stamp}"
    elif request.kind == "plan":
        name = f"แผนปฏิบัติการ_ปีงบประมาณ{year}_{stamp}"
    else:
        name = f"ผลการดำเนินงานภาพรวม_{period}_{stamp}"
    return safe_file_name(name) + (".pdf" if KINDS[request.kind].pdf else ".xlsx")


@dataclass(frozen=True)
class ReportOutcome:
    """A report that was written: where, how many pages (0 for the workbook) and its title."""

    request: ReportRequest
    path: Path
    pages: int
    title: str


def make_report(progress: ProgressService, request: ReportRequest, target: Path,
                pages_estimate: int = 0, screen_thai: bool = True) -> ReportOutcome:
    """Write *request*'s report to *target* (in the calling thread; reports progress through
    :func:`.ops.report_progress`). The file appears complete or not at all."""
    from ..services.reports import write_report

    kind = KINDS[request.kind]
    show = (lambda text: digits(text, screen_thai))
    report_progress(0, 0, _("กำลังอ่านข้อมูล…"))

    def on_page(page: int) -> None:
        # the last report's page count, plus a step for writing the file (the pages are drawn at the end)
        total = max(pages_estimate, page) + 1
        report_progress(page, total, show(ngettext("จัดหน้าแล้ว {count} หน้า", "จัดหน้าแล้ว {count} หน้า", page)
                                          .format(count=page)))

    # the report service writes *target* whole or not at all (trat_desktop.atomic): a full disk or a
    # file held open by another program gives a Thai message and leaves nothing under the name
    result = write_report(progress, request.kind, target, fiscal_year=request.fiscal_year,
                          quarter=request.quarter if kind.quarters or request.kind == "xlsx" else None,
                          thai_digits=request.thai_digits, on_progress=on_page,
                          round_id=(request.round_id or None) if kind.rounds else None)
    if request.kind == "xlsx":
        pages, title = 0, _(kind.title)  # the workbook's name as the screen shows it
    else:
        pages, title = result.pages, result.title
    report_progress(max(pages, 1), max(pages, 1), _("เสร็จแล้ว"))
    return ReportOutcome(request, target, pages, title)


class ReportActions(WindowActions):
    """The รายงาน menu of one main window; runs reports in the background."""

    #: (done, total, text) as the report is made, in the GUI thread
    progressed = Signal(int, int, str)
    #: a report was written (:class:`ReportOutcome`)
    written = Signal(object)
    #: a report could not be made (the Thai message)
    failed = Signal(str)

    def __init__(self, window: QMainWindow, plans: PlanService, progress: ProgressService, settings: QSettings,
                 opener: Opener | None = None, preview_dir: Path | None = None) -> None:
        super().__init__(window, plans, progress, settings)
        self.opener: Opener = opener or open_with_system
        self.preview_dir = preview_dir or Path(tempfile.gettempdir()) / PREVIEW_DIR_NAME
        self.menu: QMenu | None = None
        self.dialog: ReportDialog | None = None
        self.last_op: BackgroundOp[Any] | None = None
        self.last_outcome: ReportOutcome | None = None
        self.last_message = ""
        self.progress_log: list[tuple[int, int, str]] = []
        self.actions: dict[str, QAction] = {}
        for kind in KINDS.values():
            action = QAction(_(kind.menu_text), self)
            action.setStatusTip(_(kind.description))
            action.triggered.connect(lambda _checked=False, key=kind.key: self.open_dialog(key))
            self.actions[kind.key] = action

    @classmethod
    def install(cls, window: QMainWindow, plans: Any, progress: Any, settings: QSettings,
                menu_bar: QMenuBar | None = None, before: QAction | None = None,
                opener: Opener | None = None) -> "ReportActions | None":
        """Add the รายงาน menu to *menu_bar* (the window's), before *before* (default: the
        ช่วยเหลือ menu, else at the end). None over test fakes (no real services)."""
        if not isinstance(plans, PlanService) or not isinstance(progress, ProgressService):
            return None
        actions = cls(window, plans, progress, settings, opener=opener)
        bar = menu_bar if menu_bar is not None else window.menuBar()
        if before is None:
            help_menu = getattr(getattr(window, "form", None), "menuHelp", None)
            before = help_menu.menuAction() if isinstance(help_menu, QMenu) else None
        menu = QMenu(_(MENU_TITLE), bar)
        menu.setObjectName("menuReports")
        for key in ("office", "province", "plan"):
            menu.addAction(actions.actions[key])
        menu.addSeparator()
        menu.addAction(actions.actions["xlsx"])
        if before is not None:
            bar.insertMenu(before, menu)
        else:
            bar.addMenu(menu)
        menu.aboutToShow.connect(actions.update_roles)
        actions.menu = menu
        actions.update_roles()
        return actions

    # -- roles -------------------------------------------------------------------------------
    def identity(self) -> Identity | None:
        try:
            return self.progress.identity()
        except TratError:
            return None

    def update_roles(self) -> None:
        """Show the reports this installation makes (the identity can change in set-up)."""
        identity = self.identity()
        for key, action in self.actions.items():
            action.setVisible(can(identity, KINDS[key].capability))
        office = self.actions["office"]
        ready = can(identity, "office_report")
        office.setEnabled(ready)
        office.setStatusTip(_(KINDS["office"].description if ready else NOT_SET_UP_TIP))
        office.setToolTip(office.statusTip())

    # -- the chooser -------------------------------------------------------------------------
    def _window_year(self) -> int | None:
        return selected_year_of(self.window)

    def _rounds_due(self) -> int:
        try:
            return int(self.plans.round_due_days())
        except (TratError, AttributeError):
            return ROUND_DUE_DAYS

    def open_dialog(self, kind: str | None = None) -> ReportDialog:
        """The chooser with *kind* selected (among this installation's reports); an action
        button starts the report."""
        try:
            years = self.plans.fiscal_years()
        except TratError:
            years = []
        kinds = kinds_for(self.identity())
        if kind in KINDS and KINDS[kind] not in kinds:
            kinds = [KINDS[kind]] + kinds  # asked for explicitly (e.g. by a page): the report itself refuses
        old = self.dialog
        if old is not None and shiboken6.isValid(old) and not old.isVisible():
            old.deleteLater()
        dialog = ReportDialog(kinds, years, kind=kind, fiscal_year=self._window_year(), today=self.progress.today(),
                              parent=self.window, rounds_due=self._rounds_due())
        dialog.accepted.connect(lambda: self.run(dialog.request()))
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- running -----------------------------------------------------------------------------
    def run(self, request: ReportRequest, path: Path | str | None = None) -> BackgroundOp[Any] | None:
        """Make *request*'s report and preview, print or save it (asking where unless *path*).
        None when the user cancelled the file dialog."""
        kind = KINDS[request.kind]
        if request.fiscal_year is None:
            request = replace(request, fiscal_year=self._window_year())
        if not kind.pdf and request.action == PRINT:
            request = replace(request, action=PREVIEW)
        if request.action == SAVE:
            target = Path(path) if path is not None else self._ask_target(request)
            if target is None:
                return None
            self.settings.setValue(LAST_DIR_KEY, str(target.parent))
        else:
            target = Path(path) if path is not None else self._preview_path(request)
        return self._start(request, target)

    def preview(self, kind: str, fiscal_year: int | None = None, quarter: int | None = None,
                thai_digits: bool | None = None, *, round_id: str = "") -> BackgroundOp[Any] | None:
        """ดูตัวอย่าง without the chooser (for a page's tool button); *round_id*: a round (the workbook)."""
        return self.run(replace(self._request(kind, PREVIEW, fiscal_year, quarter, thai_digits), round_id=round_id))

    def print_report(self, kind: str, fiscal_year: int | None = None, quarter: int | None = None,
                     thai_digits: bool | None = None) -> BackgroundOp[Any] | None:
        """พิมพ์… without the chooser."""
        return self.run(self._request(kind, PRINT, fiscal_year, quarter, thai_digits))

    def save(self, kind: str, path: Path | str | None = None, fiscal_year: int | None = None,
             quarter: int | None = None, thai_digits: bool | None = None, *,
             round_id: str = "") -> BackgroundOp[Any] | None:
        """บันทึกเป็น PDF… (or the workbook) without the chooser; *round_id*: a round (the workbook: h1, y)."""
        return self.run(replace(self._request(kind, SAVE, fiscal_year, quarter, thai_digits), round_id=round_id), path)

    def save_word(self, kind: str, path: Path | str | None = None, fiscal_year: int | None = None,
                  quarter: int | None = None, thai_digits: bool | None = None) -> BackgroundOp[Any] | None:
        """บันทึกเป็น Word… (an editable .docx of the office or provincial report or the plan)."""
        from dataclasses import replace

        return self.run(replace(self._request(kind, SAVE, fiscal_year, quarter, thai_digits), word=True), path)

    def _request(self, kind: str, action: str, fiscal_year: int | None, quarter: int | None,
                 thai_digits: bool | None) -> ReportRequest:
        if quarter is None and KINDS[kind].quarters and not KINDS[kind].whole_year:
            quarter = default_quarter(fiscal_year or self._window_year(), self.progress.today(), self._rounds_due())
        thai = display.thai_digits_enabled() if thai_digits is None else thai_digits
        return ReportRequest(kind, fiscal_year, quarter, thai, action)

    def _plan_year(self, request: ReportRequest) -> int:
        if request.fiscal_year is not None:
            return request.fiscal_year
        return self._window_year() or default_year_of(self.plans, self.plans.fiscal_years()) or 0

    def _default_name(self, request: ReportRequest) -> str:
        try:
            office = self.progress.identity().office_name
        except TratError:
            office = ""
        return default_file_name(request, self._plan_year(request), office, self.progress.today())

    def _ask_target(self, request: ReportRequest) -> Path | None:
        kind = KINDS[request.kind]
        start = Path(str(self.settings.value(LAST_DIR_KEY, str(Path.home()))))
        word = request.kind in WORD_KINDS and request.word
        caption = _("บันทึกรายงานเป็น Word") if word else (_("บันทึกรายงานเป็น PDF") if kind.pdf else _("บันทึกไฟล์ Excel"))
        name = self._default_name(request)
        if word:
            name = str(Path(name).with_suffix(".docx"))
        chosen, _filter = file_dialogs.getSaveFileName(self.window, caption, str(start / name),
                                                      _(WORD_FILES if word else (PDF_FILES if kind.pdf else XLSX_FILES)))
        if not chosen:
            return None
        target = Path(chosen)
        suffix = ".docx" if word else (".pdf" if kind.pdf else ".xlsx")
        return target if target.suffix.lower() == suffix else target.with_name(target.name + suffix)

    def _preview_path(self, request: ReportRequest) -> Path:
        """A fresh temporary file (one the viewer still holds open is never overwritten);
        previews older than a day are removed."""
        folder = self.preview_dir
        folder.mkdir(parents=True, exist_ok=True)
        now = time.time()
        for old in folder.iterdir():
            try:
                if old.is_file() and now - old.stat().st_mtime > PREVIEW_KEEP_SECONDS:
                    old.unlink()
            except OSError:
                pass  # still open in a viewer: next time
        name = Path(self._default_name(request))
        stamp = dt.datetime.now().strftime("%H%M%S")
        path = folder / f"{name.stem}_{stamp}{name.suffix}"
        n = 1
        while path.exists():
            n += 1
            path = folder / f"{name.stem}_{stamp}-{n}{name.suffix}"
        return path

    def _start(self, request: ReportRequest, target: Path) -> BackgroundOp[Any]:
        clock = self.progress.clock
        estimate = int(self.settings.value(PAGES_KEY.format(kind=request.kind), 0) or 0)
        screen_thai = display.thai_digits_enabled()
        self.progress_log = []
        self.last_outcome = None

        def work(plans: PlanService) -> ReportOutcome:
            return make_report(ProgressService(plans, clock=clock), request, target, estimate, screen_thai)

        verb = _("กำลังส่งออกไฟล์ Excel…") if request.kind == "xlsx" else _("กำลังจัดทำรายงาน…")
        self.last_op = run_in_background(self.window, self.plans, work, self._done, self._failed,
                                         progress=self._progressed, label=f"{verb}\n{_(KINDS[request.kind].title)}")
        return self.last_op

    # -- results (GUI thread) ----------------------------------------------------------------
    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress_log.append((done, total, text))
        self.progressed.emit(done, total, text)

    def _done(self, outcome: ReportOutcome) -> None:
        self.last_outcome = outcome
        request = outcome.request
        if outcome.pages:
            self.settings.setValue(PAGES_KEY.format(kind=request.kind), outcome.pages)
        pages = " " + display.show_digits(ngettext("({count} หน้า)", "({count} หน้า)", outcome.pages)
                                          .format(count=outcome.pages)) if outcome.pages else ""
        if request.action == SAVE:
            text = _("บันทึกแล้ว: {title}").format(title=outcome.title) + f"{pages}\n\n{outcome.path}"
            if request.kind == "office":
                text += f"\n\n{_(OFFICE_HINT)}"
            self._inform(_("บันทึกแล้ว"), text)
        elif not self.opener(outcome.path):
            self._warn(_("เปิดไฟล์ไม่ได้"), _(NOT_OPENED).format(path=outcome.path))
        elif request.action == PRINT:
            self._inform(_("พิมพ์รายงาน"), _(PRINT_HINT))
        else:
            self._status(_("เปิดตัวอย่างแล้ว: {title}").format(title=outcome.title) + pages)
        self.written.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        self._warn(_("จัดทำรายงานไม่ได้"), message)
        self.failed.emit(message)

    # -- messages (tests replace the QMessageBox functions) ----------------------------------
    def _status(self, text: str) -> None:
        self.last_message = text
        self.window.statusBar().showMessage(text, 15000)

    def _inform(self, title: str, text: str) -> None:
        self._status(text.split("\n")[0])
        self.last_message = text
        QMessageBox.information(self.window, title, text)

    def _warn(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self.window, title, text)

    # -- a hook for pages --------------------------------------------------------------------
    def tool_button(self, kind: str, parent: QWidget,
                    context: Callable[[], tuple[int | None, int | None]] | None = None) -> QToolButton:
        """A "พิมพ์รายงาน" button for a page's tool bar: click to preview, its menu to print,
        save or open the chooser. *context()* gives the page's (fiscal year, quarter)."""
        def chosen() -> tuple[int | None, int | None]:
            return context() if context is not None else (None, None)

        button = QToolButton(parent)
        button.setText(_("พิมพ์รายงาน") if KINDS[kind].pdf else _("ส่งออก Excel"))
        button.setToolTip(_(KINDS[kind].description))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(button)
        preview = menu.addAction(_("ดูตัวอย่าง") if KINDS[kind].pdf else _("เปิดดู"))
        preview.triggered.connect(lambda _c=False: self.preview(kind, *chosen()))
        if KINDS[kind].pdf:
            menu.addAction(_("พิมพ์…")).triggered.connect(lambda _c=False: self.print_report(kind, *chosen()))
        menu.addAction(_("บันทึกเป็น PDF…") if KINDS[kind].pdf else _("บันทึกไฟล์ Excel…")).triggered.connect(
            lambda _c=False: self.save(kind, None, *chosen()))
        if kind in WORD_KINDS:
            menu.addAction(_("บันทึกเป็น Word…")).triggered.connect(lambda _c=False: self.save_word(kind, None, *chosen()))
        menu.addSeparator()
        menu.addAction(_("ตัวเลือกอื่น…")).triggered.connect(lambda _c=False: self.open_dialog(kind))
        button.setMenu(menu)
        button.clicked.connect(lambda _c=False: self.preview(kind, *chosen()))
        return button
