"""Exchange through the GUI: the background-operation helper, an office's export read by the
coordinator's import preview and import, refused files, first-key confirmation, conflicts,
ledger, undo, keys, plan packages, backups and dropping files on the window. Real services on
temporary databases; file dialogs and message boxes are replaced by recorders."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest
from exchange_helpers import EDUCATION, FINANCE, installation
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from trat_desktop.gui import file_dialogs

from gui_office_support import thai_digits  # noqa: F401 - fixture
from trat_desktop.errors import TratError
from trat_desktop.gui import ops
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.services import PlanService
from trat_desktop.services.exchange import ExchangeService

TODAY = dt.date(2026, 2, 10)


# -- fixtures ---------------------------------------------------------------------------------
class Boxes:
    """Records message boxes instead of showing them; questions get *answer*."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.Yes

    def texts(self, kind: str) -> list[str]:
        return [text for k, _title, text in self.shown if k == kind]


@pytest.fixture
def boxes(monkeypatch) -> Boxes:
    recorder = Boxes()

    def fake(kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
            recorder.shown.append((kind, title, text))
            return recorder.answer if kind == "question" else QMessageBox.StandardButton.Ok
        return show

    for kind in ("information", "warning", "question", "critical"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    return recorder


@pytest.fixture
def world(tmp_path: Path):
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    coordinator = installation(tmp_path / "coordinator.sqlite3", "coordinator")
    yield office, coordinator, tmp_path
    office.plans.close()
    coordinator.plans.close()


def open_window(qtbot, exchange: ExchangeService, tmp: Path, name: str) -> MainWindow:
    settings = QSettings(str(tmp / f"{name}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(exchange.plans, progress=exchange.progress, settings=settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    return window


def wait_ops(qtbot) -> None:
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=15000)


def enter(exchange: ExchangeService, item_id: str, quarter: int, agency: str | None = None, **values: Any) -> None:
    progress = exchange.progress
    progress.set_progress(progress.find_item(item_id, agency=agency), quarter, **values)


def import_through_gui(qtbot, monkeypatch, window: MainWindow, paths: list[Path], confirm: tuple[str, ...] = ()) -> Any:
    """Choose *paths* in the (replaced) file dialog, wait for the preview, tick *confirm*, import."""
    monkeypatch.setattr(file_dialogs, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], ""))
    window.exchange_actions.import_files_action.trigger()
    dialog = window.exchange_actions.import_dialog
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=15000)
    for office in confirm:
        dialog.confirm_key(office)
    return dialog


# -- the background helper ----------------------------------------------------------------------
def test_ops_runs_work_on_its_own_connection_off_the_gui_thread(qtbot, service: PlanService) -> None:
    gui_thread = threading.get_ident()
    seen: list[tuple[int, int, str, int]] = []
    results: list[Any] = []

    def work(plans: PlanService) -> tuple[int, bool, list[int]]:
        for n in range(3):
            ops.report_progress(n, 3, f"ไฟล์ {n}")
        return threading.get_ident(), plans is service, plans.fiscal_years()

    op = ops.run_in_background(None, service, work, results.append,
                               progress=lambda d, t, name: seen.append((d, t, name, threading.get_ident())),
                               label="ทดสอบ")
    with qtbot.waitSignal(op.finished, timeout=10000) as signal:
        pass
    assert signal.args == [True]
    [(worker_thread, same_service, years)] = results
    assert worker_thread != gui_thread and op.thread_id == worker_thread
    assert not same_service and years == [2569]
    assert seen == [(n, 3, f"ไฟล์ {n}", gui_thread) for n in range(3)]  # delivered in the GUI thread, in order
    assert ops.running() == 0 and op.dialog is None
    assert service.fiscal_years() == [2569]  # the GUI's own connection still works


def test_ops_delivers_errors_in_thai(qtbot, service: PlanService) -> None:
    errors: list[BaseException] = []

    def work(_plans: PlanService) -> None:
        raise TratError("ไฟล์เสียหาย")

    op = ops.run_in_background(None, service, work, lambda _r: None, on_error=errors.append)
    with qtbot.waitSignal(op.finished, timeout=10000) as signal:
        pass
    assert signal.args == [False] and ops.error_text(errors[0]) == "ไฟล์เสียหาย"
    assert ops.error_text(ValueError("x")).startswith(ops.UNEXPECTED)


# -- office export -> coordinator import ---------------------------------------------------------
def test_office_export_then_coordinator_import_through_the_gui(qtbot, monkeypatch, boxes, world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="85", status="ดำเนินการแล้ว", note="อบรม")
    office_window = open_window(qtbot, office, tmp, "office")
    actions = office_window.exchange_actions
    assert actions.export_office_action.isVisible() and not actions.import_files_action.isVisible()
    out = tmp / "usb"
    out.mkdir()
    monkeypatch.setattr(file_dialogs, "getExistingDirectory", lambda *a, **k: str(out))
    actions.export_office_action.trigger()
    wait_ops(qtbot)
    [exported] = list(out.glob("*.trat"))
    [message] = boxes.texts("information")
    assert str(exported) in message and "ฉบับที่ ๑" in message and "LINE" in message

    window = open_window(qtbot, coordinator, tmp, "coordinator")
    assert window.exchange_actions.import_files_action.isVisible()
    assert window.office_page.show_agency(coordinator.progress.find_agency(EDUCATION)[0])  # one agency at a time
    dialog = import_through_gui(qtbot, monkeypatch, window, [exported])
    [row] = dialog.file_rows()
    assert row["status"] == "imported" and row["status_text"] == "รอยืนยันกุญแจ"
    assert row["office"] == EDUCATION and row["counts"]["added"] == "๑"
    assert any("ผลการดำเนินงาน (ว่าง) → ๘๕" in line for line in row["details"])
    assert dialog.form.keysGroup.isVisible() and dialog.first_keys == {EDUCATION: office.fingerprint()}
    assert coordinator.snapshot() == []  # the preview saved nothing

    dialog.confirm_key(EDUCATION)
    qtbot.mouseClick(dialog.form.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15000)
    [done] = dialog.file_rows()
    assert done["status"] == "imported" and done["status_text"] == "นำเข้าแล้ว" and done["counts"]["added"] == "๑"
    assert "นำเข้าเสร็จแล้ว ๑ ไฟล์" in dialog.form.summaryLabel.text()
    entry = coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).entries[2]
    assert (entry.achieved, entry.status, entry.note) == (85, "done", "อบรม")
    [ledger] = coordinator.ledger()
    assert (ledger["file_name"], ledger["status"], ledger["added"], ledger["sequence"]) == (exported.name, "imported", 1, 1)
    # the window re-read its own views: the coordinator's entry page shows the office's value
    page_items = {(i.id, i.agency_name): i for i in window.office_page.model.items()}
    assert page_items[("1/1.5/2", EDUCATION)].entries[2].achieved == 85
    # the ledger dialog lists it
    ledger_dialog = window.exchange_actions.show_ledger()
    table = ledger_dialog.form.ledgerTable
    assert table.rowCount() == 1 and table.item(0, 1).text() == exported.name
    assert [table.item(0, c).text() for c in (2, 3, 4, 6)] == [EDUCATION, "๑", "นำเข้าแล้ว", "๑"]


def test_unconfirmed_first_key_is_refused_with_its_reason(qtbot, monkeypatch, boxes, world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="50")
    path, _ = office.export_office(folder=tmp)
    window = open_window(qtbot, coordinator, tmp, "coordinator")
    dialog = import_through_gui(qtbot, monkeypatch, window, [path])  # nothing ticked
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15000)
    [row] = dialog.file_rows()
    assert row["status"] == "rejected" and row["status_text"] == "ปฏิเสธ"
    assert any("ต้องยืนยันกุญแจก่อน" in line and office.fingerprint() in line for line in row["details"])
    assert coordinator.snapshot() == [] and coordinator.office_keys() == []
    assert [r["status"] for r in coordinator.ledger()] == ["rejected"]


def test_a_broken_file_shows_its_thai_reason_and_changes_nothing(qtbot, monkeypatch, boxes, world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="50")
    coordinator.import_files([office.export_office(folder=tmp)[0]], trust_new=True)
    before = coordinator.snapshot()
    broken = tmp / "broken.trat"
    broken.write_bytes(b"this is not a zip archive")
    window = open_window(qtbot, coordinator, tmp, "coordinator")
    dialog = import_through_gui(qtbot, monkeypatch, window, [broken])
    [row] = dialog.file_rows()
    assert row["status"] == "rejected" and row["status_text"] == "ปฏิเสธ"
    assert row["details"] and "broken.trat" in row["details"][0] and any("ก" <= ch <= "๙" for ch in row["details"][0])
    assert not dialog.form.importButton.isEnabled() and not dialog.form.keysGroup.isVisible()
    assert "ไม่มีไฟล์ที่นำเข้าได้" in dialog.form.summaryLabel.text()
    assert coordinator.snapshot() == before and len(coordinator.ledger()) == 1


def test_conflicts_are_settled_both_ways_in_the_dialog(qtbot, monkeypatch, boxes, world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="50")
    enter(office, "1/1.5/2", 3, achieved="10")
    coordinator.import_files([office.export_office(folder=tmp)[0]], trust_new=True)
    enter(coordinator, "1/1.5/2", 2, agency=EDUCATION, achieved="55")  # the coordinator corrects both
    enter(coordinator, "1/1.5/2", 3, agency=EDUCATION, achieved="15")
    enter(office, "1/1.5/2", 2, achieved="60")  # and the office changes both differently
    enter(office, "1/1.5/2", 3, achieved="20", note="ปรับตามจริง")
    second, _ = office.export_office(folder=tmp)
    window = open_window(qtbot, coordinator, tmp, "coordinator")
    dialog = import_through_gui(qtbot, monkeypatch, window, [second])
    assert dialog.file_rows()[0]["status_text"] == "มีข้อขัดแย้ง"
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15000)
    assert dialog.file_rows()[0]["counts"]["conflicts"] == "๒" and dialog.form.conflictsButton.isVisible()

    qtbot.mouseClick(dialog.form.conflictsButton, Qt.MouseButton.LeftButton)
    conflicts = window.exchange_actions.conflicts_dialog
    table, compare = conflicts.form.conflictsTable, conflicts.form.compareTable
    assert table.rowCount() == 2
    quarters = [table.item(r, 2).text() for r in range(2)]
    assert sorted(quarters) == ["๒", "๓"]
    q2 = quarters.index("๒")
    table.setCurrentCell(q2, 0)
    assert table.item(q2, 3).text().startswith("๕๕") and table.item(q2, 4).text().startswith("๖๐")
    assert (compare.item(0, 0).text(), compare.item(0, 1).text()) == ("๕๕", "๖๐")
    qtbot.mouseClick(conflicts.form.keepMineButton, Qt.MouseButton.LeftButton)  # keep the coordinator's 55
    assert table.rowCount() == 1 and table.item(0, 2).text() == "๓"
    qtbot.mouseClick(conflicts.form.takeTheirsButton, Qt.MouseButton.LeftButton)  # take the office's 20
    assert table.rowCount() == 0 and "ไม่มีข้อขัดแย้งเหลืออยู่" in conflicts.form.messageLabel.text()
    entries = coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).entries
    assert (entries[2].achieved, entries[3].achieved, entries[3].note) == (55, 20, "ปรับตามจริง")
    assert coordinator.conflicts() == []


def test_undo_last_import_through_the_menu(qtbot, monkeypatch, boxes, world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="50")
    path, _ = office.export_office(folder=tmp)
    window = open_window(qtbot, coordinator, tmp, "coordinator")
    dialog = import_through_gui(qtbot, monkeypatch, window, [path], confirm=(EDUCATION,))
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15000)
    assert coordinator.snapshot() != []
    dialog.close()
    window.exchange_actions.undo_import_action.trigger()
    wait_ops(qtbot)
    assert boxes.texts("question") and "ยกเลิกการนำเข้าแล้ว (๑ ไฟล์)" in boxes.texts("information")[-1]
    assert coordinator.snapshot() == [] and coordinator.ledger() == []
    window.exchange_actions.undo_import_action.trigger()  # nothing left to undo: a Thai reason
    wait_ops(qtbot)
    assert boxes.texts("warning")[-1] == "ไม่มีการนำเข้าที่ยกเลิกได้"


def test_dropping_a_file_on_the_window_opens_the_preview(qtbot, boxes, world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="50")
    path, _ = office.export_office(folder=tmp)
    window = open_window(qtbot, coordinator, tmp, "coordinator")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    centre = QPoint(window.width() // 2, window.height() // 2)
    enter_event = QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                  Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter_event)
    assert enter_event.isAccepted()
    drop = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    dialog = window.exchange_actions.import_dialog
    assert dialog is not None and dialog.paths == [path]
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=15000)
    assert dialog.file_rows()[0]["office"] == EDUCATION
    # other files are not taken, and an office's window takes no drops
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp / "notes.txt"))])
    refused = QDragEnterEvent(centre, Qt.DropAction.CopyAction, other, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    refused.setAccepted(False)
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()


# -- keys, plan packages, backups -------------------------------------------------------------------
def test_keys_dialog_shows_fingerprints_and_reenrols(qtbot, monkeypatch, boxes, world) -> None:
    office, coordinator, tmp = world
    office_window = open_window(qtbot, office, tmp, "office")
    keys = office_window.exchange_actions.show_keys()
    assert keys.form.fingerprintLabel.text() == office.fingerprint()
    assert keys.form.fingerprintLabel.font().pointSizeF() > 2 * QApplication.font().pointSizeF()
    assert not keys.form.officesGroup.isVisible() and EDUCATION in keys.form.roleLabel.text()

    enter(office, "1/1.5/2", 2, achieved="50")
    coordinator.import_files([office.export_office(folder=tmp)[0]], trust_new=True)
    window = open_window(qtbot, coordinator, tmp, "coordinator")
    keys = window.exchange_actions.show_keys()
    assert keys.form.fingerprintLabel.text() == coordinator.fingerprint()
    assert keys.form.officesGroup.isVisible()
    assert keys.offices[0][:2] == (EDUCATION, office.fingerprint())
    assert keys.form.officesTable.item(0, 1).text() == office.fingerprint()
    qtbot.mouseClick(keys.reenrol_buttons[EDUCATION], Qt.MouseButton.LeftButton)
    assert boxes.texts("question") and coordinator.office_keys() == []
    assert keys.form.officesTable.rowCount() == 0


def test_plan_package_first_import_asks_to_confirm_the_fingerprint(qtbot, monkeypatch, boxes, world) -> None:
    office, coordinator, tmp = world
    window = open_window(qtbot, coordinator, tmp, "coordinator")
    target = tmp / "plan.trat"
    monkeypatch.setattr(file_dialogs, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.exchange_actions.export_plan_action.trigger()
    wait_ops(qtbot)
    assert target.is_file() and coordinator.fingerprint() in boxes.texts("information")[-1]

    office_window = open_window(qtbot, office, tmp, "office")
    monkeypatch.setattr(file_dialogs, "getOpenFileName", lambda *a, **k: (str(target), ""))
    boxes.answer = QMessageBox.StandardButton.No  # the digits did not match: nothing is taken
    office_window.exchange_actions.import_plan_action.trigger()
    wait_ops(qtbot)
    assert coordinator.fingerprint() in boxes.texts("question")[-1]
    assert len(boxes.texts("information")) == 1

    boxes.answer = QMessageBox.StandardButton.Yes
    office_window.exchange_actions.import_plan_action.trigger()
    wait_ops(qtbot)
    wait_ops(qtbot)
    assert "ฉบับที่ ๑" in boxes.texts("information")[-1] and "ยังอยู่ครบ" in boxes.texts("information")[-1]
    questions = len(boxes.texts("question"))
    office_window.exchange_actions.import_plan_action.trigger()  # pinned now: no question, not newer
    wait_ops(qtbot)
    assert len(boxes.texts("question")) == questions and "ไม่ใหม่กว่า" in boxes.texts("warning")[-1]


def test_backup_now_copies_the_database(qtbot, monkeypatch, boxes, world) -> None:
    office, _coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="50")
    window = open_window(qtbot, office, tmp, "office")
    target = tmp / "backups" / "copy.zip"
    monkeypatch.setattr(file_dialogs, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.exchange_actions.backup_action.trigger()
    wait_ops(qtbot)
    assert str(target) in boxes.texts("information")[-1]
    with zipfile.ZipFile(target) as bundle:
        (tmp / "unpacked.sqlite3").write_bytes(bundle.read("database.sqlite3"))
    with sqlite3.connect(tmp / "unpacked.sqlite3") as copy:
        assert copy.execute("SELECT achieved FROM progress").fetchall() == [(50.0,)]


def test_backup_now_onto_a_full_usb_stick_says_so_in_thai(qtbot, monkeypatch, boxes, world) -> None:
    from disk_faults import full_disk, leftovers

    office, _coordinator, tmp = world
    usb = tmp / "usb"
    usb.mkdir()
    window = open_window(qtbot, office, tmp, "office")
    target = usb / "copy.zip"
    monkeypatch.setattr(file_dialogs, "getSaveFileName", lambda *a, **k: (str(target), ""))
    full_disk(monkeypatch, usb, 3000)
    window.exchange_actions.backup_action.trigger()
    wait_ops(qtbot)
    [warning] = boxes.texts("warning")
    assert "พื้นที่ดิสก์เต็ม" in warning and "copy.zip" in warning and "Errno" not in warning
    assert leftovers(usb) == []


def test_finance_office_does_not_see_coordinator_actions(qtbot, world) -> None:
    _office, _coordinator, tmp = world
    finance = installation(tmp / "finance.sqlite3", "office", FINANCE)
    window = open_window(qtbot, finance, tmp, "finance")
    actions = window.exchange_actions
    actions.update_roles()
    assert [a.isVisible() for a in actions.office_actions] == [True, True]
    assert not any(a.isVisible() for a in actions.coordinator_actions)
    finance.plans.close()


def test_change_lines_read_in_thai() -> None:
    from trat_desktop.gui.import_dialog import change_text, screen_text

    line = "[1/1.5/2] ไตรมาส 2 ผล (ว่าง) -> 85; งบที่ใช้ (บาท) (ว่าง) -> 12,000.50; สถานะ ยังไม่เริ่ม -> ดำเนินการแล้ว"
    assert change_text(line) == ("[๑/๑.๕/๒] ไตรมาส ๒ ผล (ว่าง) → ๘๕; งบที่ใช้ (บาท) (ว่าง) → ๑๒,๐๐๐.๕๐; "
                                 "สถานะ ยังไม่เริ่ม → ดำเนินการแล้ว")
    assert screen_text("ไฟล์ “x_2569_1.trat” กุญแจ 1234-5678-9012-3456-7890 ปี 2569") == \
        "ไฟล์ “x_2569_1.trat” กุญแจ 1234-5678-9012-3456-7890 ปี ๒๕๖๙"


def test_ops_without_a_database_file_runs_in_this_thread(qtbot) -> None:
    plans = PlanService.open(":memory:")
    results: list[Any] = []
    op = ops.run_in_background(None, plans, lambda p: (threading.get_ident(), p is plans), results.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert results == [(threading.get_ident(), True)]
    plans.close()
