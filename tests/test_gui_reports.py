"""The รายงาน menu: reports made through the GUI on real services (temporary databases), written
off the GUI thread, read back with pdftotext/openpyxl. File dialogs, message boxes and the system
viewer are replaced by recorders."""

from __future__ import annotations

import datetime as dt
import re
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from trat_desktop.gui import file_dialogs

from gui_office_support import thai_digits  # noqa: F401 - fixture
from trat_desktop.domain.identity import Identity
from trat_desktop.gui import display, ops
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.gui.report_actions import (
    MENU_TITLE, PAGES_KEY, ReportActions, be_date_stamp, default_file_name, safe_file_name,
)
from trat_desktop.gui.report_dialog import PREVIEW, SAVE, ReportDialog, ReportRequest, kinds_for
from trat_desktop.services import PlanService, ProgressService

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None and not os.environ.get("CI"),
                                reason="poppler-utils (pdftotext) not installed; CI installs it and never skips")

EDUCATION = "สำนักงานศึกษาธิการจังหวัดตราด"
TODAY = dt.date(2026, 2, 10)              # fiscal year 2569, quarter 2
TODAY_BE = "๑๐ กุมภาพันธ์ ๒๕๖๙"
TODAY_BE_ARABIC = "10 กุมภาพันธ์ 2569"
REFUSAL = "แบบรายงานผลการดำเนินงานพิมพ์ได้จากเครื่องของหน่วยงาน"


def clock() -> dt.datetime:
    return dt.datetime(2026, 2, 10, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def pdftext(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    assert "\uffff" not in text and "\u200b" not in text
    return text


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


# -- fixtures ---------------------------------------------------------------------------------
class Boxes:
    """Records message boxes instead of showing them."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []

    def texts(self, kind: str) -> list[str]:
        return [text for k, _title, text in self.shown if k == kind]


@pytest.fixture
def boxes(monkeypatch) -> Boxes:
    recorder = Boxes()

    def fake(kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
            recorder.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return show

    for kind in ("information", "warning", "question", "critical"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    return recorder


class Viewer:
    """Stands in for the system's PDF viewer: remembers what it was asked to open."""

    def __init__(self, works: bool = True) -> None:
        self.opened: list[Path] = []
        self.works = works
        self.thread: int | None = None

    def __call__(self, path: Path) -> bool:
        self.opened.append(path)
        self.thread = threading.get_ident()
        return self.works


class SaveDialog:
    """Replaces file_dialogs.getSaveFileName: records the proposed name, answers *answer*."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.proposed: list[str] = []
        self.filters: list[str] = []

    def __call__(self, _parent: Any, _caption: str, proposed: str, filters: str = "", *_a: Any, **_k: Any) -> Any:
        self.proposed.append(proposed)
        self.filters.append(filters)
        return (str(self.answer) if self.answer else "", "")


def make_progress(service: PlanService, role: str) -> ProgressService:
    progress = ProgressService(service, clock=clock)
    if role == "none":  # a new installation, before set-up
        return progress
    if role == "office":
        progress.set_identity(Identity(role="office", office_name=EDUCATION, reporter_name="สมหญิง ตั้งใจ",
                                       reporter_position="นักวิชาการศึกษาชำนาญการ", head_name="นายปั้น น้ำใจดี",
                                       head_position="ศึกษาธิการจังหวัดตราด"))
        progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="85", spent="20000",
                              status="กำลังดำเนินการ", note="อบรมผู้เข้าร่วม ๑๒๐ คน")
    else:
        progress.set_identity(Identity(role="office", office_name=EDUCATION, reporter_name="สมหญิง"))
        progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="85", spent="20000")
        progress.set_identity(Identity(role="coordinator", reporter_name="นางสาวผู้ประสาน งานดี",
                                       reporter_position="เจ้าพนักงานปกครองชำนาญงาน"))
    return progress


def open_window(qtbot, service: PlanService, role: str, tmp: Path, viewer: Viewer | None = None
                ) -> tuple[MainWindow, ReportActions]:
    progress = make_progress(service, role)
    settings = QSettings(str(tmp / f"{role}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    # the main window installs the menu over real services; the test swaps in its viewer
    actions = window.report_actions
    assert isinstance(actions, ReportActions)
    actions.opener = viewer or Viewer()
    actions.preview_dir = tmp / "previews"
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window, actions


def wait_ops(qtbot) -> None:
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=30000)


def choose(actions: ReportActions, kind: str) -> ReportDialog:
    """Trigger the menu item of *kind*: the chooser opens with that report selected."""
    actions.update_roles()
    action = actions.actions[kind]
    assert action.isVisible() and action.isEnabled()
    action.trigger()
    dialog = actions.dialog
    assert dialog is not None and dialog.isVisible() and dialog.kind().key == kind
    return dialog


def assert_progress_reached_the_end(actions: ReportActions, pages: int) -> None:
    # Steps are compared as a set: once the modal progress dialog is visible, its setValue()
    # processes events, so ops may hand a later step over before an earlier one (see the report).
    log = actions.progress_log
    assert log[0] == (0, 0, "กำลังอ่านข้อมูล…")
    page_steps = sorted(done for done, _total, text in log if text.startswith("จัดหน้าแล้ว"))
    assert page_steps == list(range(1, pages + 1))
    assert all(done <= total for done, total, _ in log if total)  # the bar never runs past its end
    assert (pages, pages, "เสร็จแล้ว") in log
    assert max(done for done, _t, _n in log) == pages


# -- the menu ---------------------------------------------------------------------------------
def test_menu_sits_before_help_and_follows_the_role(qtbot, service: PlanService, tmp_path: Path) -> None:
    window, actions = open_window(qtbot, service, "office", tmp_path)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index(MENU_TITLE) == titles.index("ช่วยเหลือ") - 1
    texts = [a.text() for a in actions.menu.actions() if not a.isSeparator()]
    assert texts == ["รายงานผลการดำเนินงานของหน่วยงาน (ไตรมาส…)", "รายงานภาพรวมจังหวัด…",
                     "พิมพ์แผนปฏิบัติการ…", "ส่งออก Excel…", "ชุดหลักฐาน ITA…",  # gui/ita_actions.py
                     "ใบตอบรับของหน่วยงาน…"]  # gui/receipt_actions.py (shown to the coordinator only)
    visible = [k for k, a in actions.actions.items() if a.isVisible()]
    assert visible == ["office", "plan"]

    # the same installation becomes the coordinator's: the menu follows when it opens
    window.exchange_actions.progress.set_identity(Identity(role="coordinator"))
    actions.menu.aboutToShow.emit()
    assert [k for k, a in actions.actions.items() if a.isVisible()] == ["province", "plan", "xlsx"]


def test_an_office_that_is_not_set_up_is_told_to_set_up(qtbot, service: PlanService, tmp_path: Path) -> None:
    window, actions = open_window(qtbot, service, "none", tmp_path)
    office = actions.actions["office"]
    assert office.isVisible() and not office.isEnabled()
    assert "ตั้งค่าหน่วยงานของเครื่องนี้ก่อน" in office.statusTip()
    assert [k.key for k in kinds_for(None)] == ["office", "plan"]


# -- the office's report ------------------------------------------------------------------------
def test_office_report_saved_as_pdf_through_the_menu(qtbot, monkeypatch, service: PlanService, tmp_path: Path,
                                                     boxes: Boxes) -> None:
    window, actions = open_window(qtbot, service, "office", tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    saver = SaveDialog(out_dir / "รายงานไตรมาส2")  # typed without the extension
    monkeypatch.setattr(file_dialogs, "getSaveFileName", saver)
    written: list[Any] = []
    actions.written.connect(written.append)

    dialog = choose(actions, "office")
    # the current fiscal quarter is chosen; the whole year is not offered for the office report
    assert dialog.quarter() == 2 and dialog.fiscal_year() == 2569
    assert dialog.form.periodCombo.findData(0) == -1
    assert dialog.thai_digits()  # the display's setting
    assert dialog.form.saveButton.text() == "บันทึกเป็น PDF…" and dialog.form.printButton.isVisible()
    dialog.form.saveButton.click()
    assert not dialog.isVisible()
    wait_ops(qtbot)

    out = out_dir / "รายงานไตรมาส2.pdf"
    assert out.is_file() and [p.name for p in out_dir.iterdir()] == [out.name]  # no partial file left behind
    assert Path(saver.proposed[0]).name == f"แบบรายงานผลการดำเนินงาน_{EDUCATION}_ไตรมาส2-2569_2569-02-10.pdf"
    assert saver.filters == ["เอกสาร PDF (*.pdf)"]
    text = pdftext(out)
    for expected in (EDUCATION, TODAY_BE, "แบบรายงานผลการดำเนินงาน", "ไตรมาสที่ ๒", "( สมหญิง ตั้งใจ )",
                     "หัวหน้าส่วนราชการ", "๒๐,๐๐๐"):
        assert expected in text, expected
    pages = pdf_pages(out)
    [outcome] = written
    assert outcome.path == out and outcome.pages == pages and outcome.request.action == SAVE
    [info] = boxes.texts("information")
    assert info.startswith(f"บันทึกแล้ว: แบบรายงานผลการดำเนินงาน {EDUCATION} ไตรมาสที่ ๒/๒๕๖๙ "
                           f"({display.show_digits(str(pages))} หน้า)\n\n{out}\n\n")
    assert "ลงนาม" in info
    assert_progress_reached_the_end(actions, pages)
    assert actions.settings.value(PAGES_KEY.format(kind="office")) in (pages, str(pages))
    assert actions.settings.value("reports/last_dir") == str(out_dir)


def test_preview_opens_a_temporary_pdf_in_the_viewer(qtbot, service: PlanService, tmp_path: Path,
                                                     boxes: Boxes) -> None:
    viewer = Viewer()
    window, actions = open_window(qtbot, service, "office", tmp_path, viewer)
    display.set_thai_digits(False)  # the app shows Arabic digits: the report follows
    dialog = choose(actions, "office")
    assert not dialog.thai_digits()
    dialog.set_period(3)
    dialog.form.previewButton.click()
    wait_ops(qtbot)

    [opened] = viewer.opened
    assert viewer.thread == threading.get_ident()  # opened from the GUI thread
    assert opened.parent == tmp_path / "previews" and opened.suffix == ".pdf"
    assert opened.name.startswith(f"แบบรายงานผลการดำเนินงาน_{EDUCATION}_ไตรมาส3-2569_2569-02-10_")
    assert opened.read_bytes()[:5] == b"%PDF-"
    text = pdftext(opened)
    assert EDUCATION in text and TODAY_BE_ARABIC in text and "ไตรมาสที่ 3" in text
    assert not re.search("[๐-๙]", text.replace("๑๒๐", ""))  # no Thai digits (except in the typed note)
    assert boxes.shown == [] and actions.last_outcome.request.action == PREVIEW
    assert actions.last_message == f"เปิดตัวอย่างแล้ว: แบบรายงานผลการดำเนินงาน {EDUCATION} ไตรมาสที่ 3/2569 " \
        f"({actions.last_outcome.pages} หน้า)"

    # a second preview never overwrites the first (the viewer may hold it open)
    actions.preview("office", quarter=3)
    wait_ops(qtbot)
    assert len(viewer.opened) == 2 and viewer.opened[1] != opened and opened.exists()


def test_print_opens_the_viewer_with_printing_advice(qtbot, service: PlanService, tmp_path: Path,
                                                     boxes: Boxes) -> None:
    viewer = Viewer()
    window, actions = open_window(qtbot, service, "office", tmp_path, viewer)
    choose(actions, "plan").form.printButton.click()
    wait_ops(qtbot)
    [opened] = viewer.opened
    text = pdftext(opened)
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙" in text and "รวมงบประมาณทั้งสิ้น" in text
    [advice] = boxes.texts("information")
    assert "Ctrl+P" in advice and "A4" in advice and "ขนาดจริง" in advice


def test_a_missing_viewer_is_reported_with_the_file(qtbot, service: PlanService, tmp_path: Path,
                                                     boxes: Boxes) -> None:
    window, actions = open_window(qtbot, service, "office", tmp_path, Viewer(works=False))
    actions.preview("plan")
    wait_ops(qtbot)
    [warning] = boxes.texts("warning")
    assert "ไม่พบโปรแกรมสำหรับเปิดไฟล์" in warning and str(actions.last_outcome.path) in warning
    assert actions.last_outcome.path.is_file()


def test_cancelling_the_file_dialog_makes_nothing(qtbot, monkeypatch, service: PlanService, tmp_path: Path,
                                                  boxes: Boxes) -> None:
    window, actions = open_window(qtbot, service, "office", tmp_path)
    monkeypatch.setattr(file_dialogs, "getSaveFileName", SaveDialog(None))
    assert actions.save("office") is None
    assert ops.running() == 0 and actions.last_outcome is None and boxes.shown == []


def test_an_unwritable_target_gives_a_thai_message(qtbot, service: PlanService, tmp_path: Path,
                                                   boxes: Boxes) -> None:
    window, actions = open_window(qtbot, service, "office", tmp_path)
    failures: list[str] = []
    actions.failed.connect(failures.append)
    actions.save("plan", tmp_path / "no-such-folder" / "plan.pdf")
    wait_ops(qtbot)
    [warning] = boxes.texts("warning")
    assert warning.startswith("บันทึกไฟล์รายงาน “plan.pdf” ไม่ได้") and "ไม่พบโฟลเดอร์" in warning
    assert "เลือกที่บันทึกอื่น" in warning and not (tmp_path / "no-such-folder").exists()
    assert failures == [warning] and actions.last_outcome is None


# -- the coordinator -----------------------------------------------------------------------------
def test_provincial_report_for_the_whole_year(qtbot, monkeypatch, service: PlanService, tmp_path: Path,
                                              boxes: Boxes) -> None:
    window, actions = open_window(qtbot, service, "coordinator", tmp_path)
    out = tmp_path / "province.pdf"
    saver = SaveDialog(out)
    monkeypatch.setattr(file_dialogs, "getSaveFileName", saver)
    dialog = choose(actions, "province")
    assert dialog.quarter() == 2  # default: the current quarter; the whole year is offered too
    assert dialog.set_period(None) and dialog.quarter() is None
    dialog.form.saveButton.click()
    wait_ops(qtbot)

    assert Path(saver.proposed[0]).name == "รายงานภาพรวมจังหวัด_ทั้งปี-2569_2569-02-10.pdf"
    text = pdftext(out)
    for expected in ("รายงานผลการดำเนินงาน", "ทั้งปีงบประมาณ",
                     f"ข้อมูล ณ วันที่ {TODAY_BE}", EDUCATION, "( นางสาวผู้ประสาน งานดี )", "๒๐,๐๐๐"):
        assert expected in text, expected
    pages = pdf_pages(out)
    assert actions.last_outcome.pages == pages
    assert_progress_reached_the_end(actions, pages)


def test_excel_export_for_the_coordinator(qtbot, monkeypatch, service: PlanService, tmp_path: Path,
                                          boxes: Boxes) -> None:
    from openpyxl import load_workbook

    viewer = Viewer()
    window, actions = open_window(qtbot, service, "coordinator", tmp_path, viewer)
    out = tmp_path / "progress.xlsx"
    saver = SaveDialog(out)
    monkeypatch.setattr(file_dialogs, "getSaveFileName", saver)
    dialog = choose(actions, "xlsx")
    form = dialog.form
    assert dialog.quarter() is None  # the whole year by default
    assert form.saveButton.text() == "บันทึกไฟล์ Excel…" and not form.printButton.isVisible()
    assert not form.thaiDigitsRadio.isEnabled()  # numbers stay numbers
    form.saveButton.click()
    wait_ops(qtbot)

    assert Path(saver.proposed[0]).name == "ผลการดำเนินงานภาพรวม_ทั้งปี-2569_2569-02-10.xlsx"
    assert saver.filters == ["สมุดงาน Excel (*.xlsx)"]
    book = load_workbook(out)
    assert book.sheetnames[0] == "สรุป" and "ยุทธศาสตร์ 1" in book.sheetnames
    sheet = book["ยุทธศาสตร์ 1"]
    spent = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "1/1.5/2" and row[6] == EDUCATION]
    from trat_desktop.reports.excel import DETAIL_HEADERS

    assert spent and spent[0][DETAIL_HEADERS.index("ใช้ไป (บาท)")] == 20000  # a number, not text
    assert boxes.texts("information")[0].startswith("บันทึกแล้ว: ผลการดำเนินงานภาพรวม (ไฟล์ Excel)\n\n")
    assert actions.progress_log[-1] == (1, 1, "เสร็จแล้ว")

    # "เปิดดู": a temporary workbook for the spreadsheet program
    actions.preview("xlsx", quarter=2)
    wait_ops(qtbot)
    [opened] = viewer.opened
    assert opened.suffix == ".xlsx" and "ไตรมาส2-2569" in opened.name
    assert load_workbook(opened)["สรุป"]["A2"].value.startswith("ไตรมาสที่ 2")


def test_an_office_report_on_the_coordinators_installation_is_refused(qtbot, service: PlanService,
                                                                     tmp_path: Path, boxes: Boxes) -> None:
    viewer = Viewer()
    window, actions = open_window(qtbot, service, "coordinator", tmp_path, viewer)
    assert not actions.actions["office"].isVisible()
    failures: list[str] = []
    actions.failed.connect(failures.append)
    out = tmp_path / "office.pdf"
    actions.save("office", out)  # e.g. a page's button on the wrong installation
    wait_ops(qtbot)
    [warning] = boxes.texts("warning")
    assert REFUSAL in warning and failures == [warning]
    assert not out.exists() and not list(tmp_path.glob(".*part")) and viewer.opened == []

    # asked for explicitly, the chooser offers it, and the report itself refuses
    dialog = actions.open_dialog("office")
    assert dialog.kind().key == "office"
    dialog.form.previewButton.click()
    wait_ops(qtbot)
    assert REFUSAL in boxes.texts("warning")[-1] and viewer.opened == []


# -- progress ----------------------------------------------------------------------------------
def test_progress_bar_is_determinate_once_the_page_count_is_known(qtbot, monkeypatch, service: PlanService, tmp_path: Path,
                                                                  boxes: Boxes) -> None:
    window, actions = open_window(qtbot, service, "office", tmp_path)
    bar: list[tuple[int, int]] = []  # the progress dialog's (value, maximum) at each step
    set_value = QProgressDialog.setValue

    def look(dialog: QProgressDialog, value: int) -> None:
        bar.append((value, dialog.maximum()))  # before: a shown dialog's setValue() processes events
        set_value(dialog, value)

    monkeypatch.setattr(QProgressDialog, "setValue", look)
    op = actions.preview("plan")
    assert op.dialog is not None and op.dialog.labelText().startswith("กำลังจัดทำรายงาน…")
    wait_ops(qtbot)
    pages = actions.last_outcome.pages
    assert pages > 5
    assert_progress_reached_the_end(actions, pages)
    assert bar[0] == (0, 0)  # busy while the data is read
    assert bar[1:] == [(n, n + 1) for n in range(1, pages + 1)] + [(pages, pages)]  # then page by page, to full
    assert op.dialog is None  # closed
    # the next one estimates from the last: the bar's end stays put while pages come
    # (one step more than the pages: the file is written after the last page is laid out)
    actions.preview("plan")
    wait_ops(qtbot)
    totals = {total for _done, total, text in actions.progress_log if text.startswith("จัดหน้าแล้ว")}
    assert totals == {pages + 1}
    assert_progress_reached_the_end(actions, pages)
    labels = [text for _d, _t, text in actions.progress_log]
    assert f"จัดหน้าแล้ว {display.show_digits('3')} หน้า" in labels  # screen digits in the dialog


def test_the_report_is_made_off_the_gui_thread(qtbot, service: PlanService, tmp_path: Path, boxes: Boxes) -> None:
    window, actions = open_window(qtbot, service, "office", tmp_path)
    op = actions.preview("plan")
    assert op is not None
    wait_ops(qtbot)
    assert op.thread_id is not None and op.thread_id != threading.get_ident()


# -- the page hook ---------------------------------------------------------------------------------
def test_tool_button_previews_what_the_page_shows(qtbot, service: PlanService, tmp_path: Path,
                                                  boxes: Boxes) -> None:
    viewer = Viewer()
    window, actions = open_window(qtbot, service, "office", tmp_path, viewer)
    button = actions.tool_button("office", window, context=lambda: (2569, 1))
    assert [a.text() for a in button.menu().actions() if not a.isSeparator()] == [
        "ดูตัวอย่าง", "พิมพ์…", "บันทึกเป็น PDF…", "บันทึกเป็น Word…", "ตัวเลือกอื่น…"]
    button.click()
    wait_ops(qtbot)
    [opened] = viewer.opened
    assert "ไตรมาส1-2569" in opened.name and "ไตรมาสที่ ๑" in pdftext(opened)


# -- plain helpers -----------------------------------------------------------------------------------
def test_defaults() -> None:
    assert be_date_stamp(dt.date(2026, 11, 25)) == "2569-11-25"
    assert safe_file_name('ก/ข:ค*"ง"  จ. ') == "ก-ข-ค-ง- จ"
    name = default_file_name(ReportRequest("office", 2569, 4), 2569, "สนง./ทดสอบ", dt.date(2026, 11, 25))
    assert name == "แบบรายงานผลการดำเนินงาน_สนง.-ทดสอบ_ไตรมาส4-2569_2569-11-25.pdf"
    assert default_file_name(ReportRequest("plan", 2569), 2569, "", dt.date(2026, 11, 25)) == \
        "แผนปฏิบัติการ_ปีงบประมาณ2569_2569-11-25.pdf"


def test_install_needs_real_services(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert ReportActions.install(window, object(), object(), settings) is None
    assert [a.text() for a in window.menuBar().actions()] == []


def test_progress_steps_keep_their_order_while_the_dialog_shows(qtbot, monkeypatch, service: PlanService) -> None:
    """ops: a shown modal progress dialog processes events in setValue(); later steps and the result
    arriving in there must neither reorder the steps nor touch the closed dialog."""
    from PySide6.QtWidgets import QWidget

    monkeypatch.setattr(ops, "SHOW_AFTER_MS", 0)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    seen: list[int] = []
    results: list[str] = []

    def work(_plans: PlanService) -> str:
        for n in range(1, 301):
            ops.report_progress(n, 300, f"{n}")
        return "เสร็จ"

    op = ops.run_in_background(parent, service, work, results.append,
                               progress=lambda done, _total, _name: seen.append(done), label="ทดสอบ")
    with qtbot.waitSignal(op.finished, timeout=20000) as signal:
        pass
    assert signal.args == [True] and results == ["เสร็จ"]
    assert seen == list(range(1, 301)) and op.dialog is None


def test_office_report_saved_as_word_through_the_menu(qtbot, monkeypatch, service: PlanService, tmp_path: Path,
                                                      boxes: Boxes) -> None:
    import docx

    window, actions = open_window(qtbot, service, "office", tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    saver = SaveDialog(out_dir / "รายงานไตรมาส2")  # typed without the extension
    monkeypatch.setattr(file_dialogs, "getSaveFileName", saver)
    actions.save_word("office")
    wait_ops(qtbot)
    out = out_dir / "รายงานไตรมาส2.docx"
    assert out.is_file() and [p.name for p in out_dir.iterdir()] == [out.name]
    assert saver.filters == ["เอกสาร Word (*.docx)"] and Path(saver.proposed[0]).suffix == ".docx"
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert EDUCATION in text and "ไตรมาสที่ ๒" in text


@pytest.mark.parametrize("role, kind, name", [("coordinator", "province", "รายงานภาพรวมจังหวัด_รอบ6เดือน-2569"),
                                              ("office", "office", None)])
def test_a_round_report_through_the_chooser(qtbot, monkeypatch, service: PlanService, tmp_path: Path,
                                            boxes: Boxes, role: str, kind: str, name: str | None) -> None:
    """รอบ ๖ เดือน can be chosen for the PDF reports (issue 12: round reports), not only for Excel."""
    _window, actions = open_window(qtbot, service, role, tmp_path)
    out = tmp_path / f"{kind}-h1.pdf"
    saver = SaveDialog(out)
    monkeypatch.setattr(file_dialogs, "getSaveFileName", saver)
    dialog = choose(actions, kind)
    assert dialog.set_period("h1") and dialog.round_id() == "h1" and dialog.quarter() is None
    dialog.form.saveButton.click()
    wait_ops(qtbot)
    if name:
        assert Path(saver.proposed[0]).name.startswith(name)
    text = pdftext(out)
    assert "รอบ ๖ เดือน" in text and "๑ ตุลาคม ๒๕๖๘" in text, text[:400]
