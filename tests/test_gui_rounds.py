"""The รอบรายงาน menu: the office signs a round off through the dialog (blocked while rows are due, then the
final file is written in the background and values lock), withdraws it; the coordinator's board shows who
sent, reviews and copies reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox

from trat_desktop.domain.identity import Identity
from trat_desktop.errors import TratError
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.services import ProgressService
from trat_desktop.services.exchange import ExchangeService
from trat_desktop.services.rounds import RoundService

OFFICE = "สำนักงานจังหวัดตราด"


def _clock():
    start = dt.datetime(2026, 4, 12, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    ticks = iter(range(10**9))
    return lambda: start + dt.timedelta(seconds=next(ticks))


@pytest.fixture
def messages(monkeypatch):
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append((title, text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append((title, text)))
    return said


def _window(qtbot, service, progress, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings, today=lambda: dt.date(2026, 4, 12))
    qtbot.addWidget(window)
    assert window.round_actions is not None
    return window


def test_an_office_signs_a_round_off_through_the_menu_and_can_withdraw_it(qtbot, service, tmp_path, messages,
                                                                          monkeypatch):
    progress = ProgressService(service, clock=_clock())
    progress.set_identity(Identity(role="office", office_name=OFFICE, head_name="นางหัวหน้า", head_position="ผอ."))
    window = _window(qtbot, service, progress, tmp_path)
    actions = window.round_actions
    actions.update_roles()
    assert actions.submit_action.isVisible() and not actions.board_action.isVisible()
    assert actions.menu.title() == "รอบรายงาน (&R)"
    window.office_page.reload()
    assert "รอบที่ต้องส่ง: ไตรมาส ๒ · ครบกำหนดส่ง ๑๕ เม.ย. ๒๕๖๙ อีก ๓ วัน" in window.office_page.form.todayLabel.text()

    assert actions.submit(folder=tmp_path, accept=False) is None
    dialog = actions.dialog
    assert dialog.round_id == "q2"                      # 12 เม.ย. 2569: q2 is due on 15 เม.ย.
    assert "อีก ๓ วัน" in dialog.due_label.text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.missing.count() > 0 and "ยังส่งไม่ได้" in dialog.state_label.text()
    assert ok.text() == "ลงนามและบันทึกไฟล์ส่งรายงาน" and dialog.signer.text() == "นางหัวหน้า"

    for item in progress.work_items(2569):
        if 2 in item.quarters():
            progress.set_progress(item, 2, status="cancelled", note="งดจัดกิจกรรม")
    op = actions.submit(folder=tmp_path, accept=True)
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert messages and messages[-1][0] == "ส่งรายงานแล้ว", messages
    assert list(tmp_path.glob("*.trat"))
    item = next(i for i in progress.work_items(2569) if 2 in i.quarters())
    with pytest.raises(TratError, match="ลงนามส่งรายงานแล้ว"):
        progress.set_progress(item, 2, note="แก้")

    actions.withdraw("q2", "แก้ตัวเลข")
    assert messages[-1][0] == "ถอนการส่งรายงานแล้ว"
    progress.set_progress(item, 2, note="แก้ไขแล้ว")
    assert RoundService(progress).views(2569)["q2"].changed_after_signoff == 1


def test_the_coordinators_board_shows_who_sent_and_copies_reminders(qtbot, service, tmp_path, messages, monkeypatch):
    from trat_desktop.services import PlanService

    office_plans = PlanService.open(tmp_path / "office.sqlite3")
    office = ProgressService(office_plans, clock=_clock())
    office.set_identity(Identity(role="office", office_name=OFFICE, head_name="นางหัวหน้า"))
    for item in office.work_items(2569):
        if 2 in item.quarters():
            office.set_progress(item, 2, status="cancelled", note="งดจัด")
    _, final = RoundService(office).submit(2569, "q2", folder=tmp_path)
    office_plans.close()
    centre = ProgressService(service, clock=lambda: dt.datetime(2026, 4, 20, 9, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    centre.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
    ExchangeService(centre).import_files([final], trust_new=True)
    window = _window(qtbot, service, centre, tmp_path)
    actions = window.round_actions
    actions.update_roles()
    assert actions.board_action.isVisible() and not actions.submit_action.isVisible()
    board = actions.show_board(modal=False)
    qtbot.addWidget(board)
    assert board.round_id == "q3" or board.round_id == "q2"
    board.round_combo.setCurrentIndex([board.round_combo.itemData(i) for i in range(board.round_combo.count())].index("q2"))
    rows = {board.table.item(r, 0).text(): r for r in range(board.table.rowCount())}
    mine = rows[OFFICE]
    assert board.table.item(mine, 1).text() == "ได้รับแล้ว"
    assert board.table.item(mine, 2).text() == "ส่งตรงเวลา"
    other = next(r for name, r in rows.items() if name != OFFICE)
    assert board.table.item(other, 2).text() == "ยังไม่ส่ง"
    board.table.selectRow(mine)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("ขอหลักฐานเพิ่ม", True))
    board.set_state("return")
    assert board.table.item(mine, 1).text() == "ส่งคืนเพื่อแก้ไข"
    board.copy_reminders()
    copied = QApplication.clipboard().text()
    assert "ขอหลักฐานเพิ่ม" in copied and "ยังไม่ได้รับไฟล์รายงาน" in copied


def test_a_commented_quarter_is_flagged_in_the_grid_until_the_office_answers(qtbot, service, tmp_path, messages):
    from trat_desktop.store import rounds as round_store

    progress = ProgressService(service, clock=_clock())
    progress.set_identity(Identity(role="office", office_name=OFFICE, head_name="นางหัวหน้า"))
    item = next(i for i in progress.work_items(2569) if 2 in i.quarters())
    me = progress.identity()
    round_store.take_reply(service.db, me.office_uid, 2569, 1, [], [],
                           [{"uid": "0b6c4f9e-6a0e-4c41-9d3e-1f2a3b4c5d6e", "round_id": None,
                             "indicator_uid": item.indicator_uid, "quarter": 2, "text": "ขอภาพถ่ายกิจกรรม",
                             "at": "2026-04-16T10:00:00+07:00"}], "ทดสอบ", "2026-04-16T10:00:00+07:00")
    window = _window(qtbot, service, progress, tmp_path)
    page = window.office_page
    model = page.model
    shown = next(i for i in model.items() if i.indicator_uid == item.indicator_uid)
    index = model.index_of(shown, 2, model.COL_QUARTER)
    from PySide6.QtCore import Qt

    assert "ขอภาพถ่ายกิจกรรม" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color().name() == "#fff3b0"
    comment = round_store.comments(service.db, 2569, me.office_uid)[0]
    assert window.round_actions.answer_comment(comment.id, "แนบภาพถ่ายแล้ว")
    index = model.index_of(next(i for i in model.items() if i.indicator_uid == item.indicator_uid), 2, model.COL_QUARTER)
    assert "ขอภาพถ่ายกิจกรรม" not in (model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
