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


# --- the coordinator's side: comments from the grids, the board's states, round dates; the office's answers ----

def _centre_and_office(service, tmp_path):
    """An office that signed q2 off and sent its final file; the centre (*service*) imported it on 20 เม.ย."""
    from trat_desktop.services import PlanService

    office_plans = PlanService.open(tmp_path / "office.sqlite3")
    office = ProgressService(office_plans, clock=_clock())
    office.set_identity(Identity(role="office", office_name=OFFICE, head_name="นางหัวหน้า", head_position="ผอ."))
    for item in office.work_items(2569):
        if 2 in item.quarters():
            office.set_progress(item, 2, status="cancelled", note="งดจัด")
    _, final = RoundService(office).submit(2569, "q2", folder=tmp_path)
    centre = ProgressService(service, clock=lambda: dt.datetime(2026, 4, 20, 9, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    centre.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
    ExchangeService(centre).import_files([final], trust_new=True)
    return office_plans, office, centre, final


def _row_actions(view):
    from PySide6.QtGui import QKeySequence

    return {a.text(): a for a in view.actions() if a.shortcut() == QKeySequence("Ctrl+M") and a.isVisible()}


def _quarter_index(model, office_uid, quarter, column):
    for row, line in enumerate(model.lines()):
        if line.item is not None and line.item.agency_uid == office_uid and line.quarter == quarter:
            return line.item, model.index(row, column)
    raise AssertionError("no such line")


def test_the_whole_loop_in_both_windows_comment_review_reply_and_answer(qtbot, service, tmp_path, messages,
                                                                        monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from trat_desktop.gui.comment_dialog import CommentDialog
    from trat_desktop.services.rounds import ReviewService

    office_plans, office, centre, final = _centre_and_office(service, tmp_path)
    office_uid = office.identity().office_uid
    window = _window(qtbot, service, centre, tmp_path)
    actions = window.round_actions
    grid = window.office_page
    # the coordinator's grid (all offices): a comment action on the row, by context menu and Ctrl+M
    found = _row_actions(grid.table)
    assert list(found) == ["ให้ความเห็นต่อแถวนี้ (ขอหลักฐานเพิ่ม)…"]
    assert grid.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    item, index = _quarter_index(grid.model, office_uid, 2, grid.model.COL_ACHIEVED)
    grid.table.setCurrentIndex(index)

    def typed(dialog):
        assert dialog.office_combo.currentText() == OFFICE and dialog.quarter() == 2
        dialog.quick_buttons[0].click()                      # "ขอหลักฐานเพิ่ม"
        dialog.text.setPlainText(dialog.text.toPlainText() + ": ภาพถ่ายกิจกรรม")
        dialog._try_accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CommentDialog, "exec", typed)
    found["ให้ความเห็นต่อแถวนี้ (ขอหลักฐานเพิ่ม)…"].trigger()
    made = [c for c in ReviewService(centre).comments(2569) if c.indicator_uid == item.indicator_uid]
    assert [(c.quarter, c.text, c.office_uid) for c in made] == [(2, "ขอหลักฐานเพิ่ม: ภาพถ่ายกิจกรรม", office_uid)]

    # the review board: the file received, ตรวจแล้ว with a comment on the whole submission
    board = actions.show_board(modal=False)
    qtbot.addWidget(board)
    board.round_combo.setCurrentIndex(board.round_combo.findData("q2"))
    rows = {board.table.item(r, 0).text(): r for r in range(board.table.rowCount())}
    mine = rows[OFFICE]
    assert board.table.item(mine, 5).text().startswith(final.name) and "ฉบับที่" in board.table.item(mine, 5).text()
    assert "เม.ย." in board.table.item(mine, 4).text()
    assert "ส่งตรงเวลา ๑" in board.summary_label.text()
    board.table.selectRow(mine)
    board.comment_edit.setPlainText("ตรวจแล้ว รอหลักฐานเพิ่ม")
    board.check_button.click()
    assert board.table.item(mine, 1).text() == "ตรวจแล้ว" and not board.comment_edit.toPlainText()
    board.table.selectRow(mine)
    board.comment_edit.setPlainText("ขอบคุณที่ส่งตรงเวลา")
    board.comment_button.click()
    assert messages[-1][0] == "บันทึกความเห็นแล้ว"
    whole = [c.text for c in ReviewService(centre).comments(2569, office_uid) if c.round_id == "q2"]
    assert whole == ["ตรวจแล้ว รอหลักฐานเพิ่ม", "ขอบคุณที่ส่งตรงเวลา"]
    assert board.table.item(mine, 1).text() == "ตรวจแล้ว"   # a comment alone leaves the state

    # ส่งใบตอบรับ: reply files for every office
    replies = tmp_path / "replies"
    replies.mkdir()
    op = actions.export_replies(2569, replies)
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert len(list(replies.glob("*.trat"))) > 1 and messages[-1][0] == "ส่งใบตอบรับ"

    # the office imports the reply: the receipt shows, the commented row is flagged, answered from the grid
    office_window = _window(qtbot, office_plans, office, tmp_path)
    office_actions = office_window.round_actions
    reply = next(p for p in replies.glob("*.trat") if _reply_office(p) == office_uid)
    op = office_actions.import_reply(reply, trust=True)
    qtbot.waitUntil(lambda: op.done and messages[-1][0] == "ใบตอบรับ", timeout=20000)
    assert messages[-1][1].startswith("ศูนย์ฯ ได้รับไฟล์ฉบับที่ ๑ เมื่อ ๒๐ เม.ย. ๒๕๖๙ ๐๙:๐๐ น.")
    page = office_window.office_page
    page.reload()
    shown, index = _quarter_index(page.model, office_uid, 2, page.model.COL_QUARTER)
    assert page.model.data(index, Qt.ItemDataRole.BackgroundRole).color().name() == "#fff3b0"
    found = _row_actions(page.table)
    assert list(found) == ["ตอบความเห็นของศูนย์ฯ ที่แถวนี้…"]      # the office answers, it does not comment
    page.table.setCurrentIndex(index)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("แนบภาพถ่ายแล้ว", True))
    found["ตอบความเห็นของศูนย์ฯ ที่แถวนี้…"].trigger()
    assert messages[-1][0] == "ตอบความเห็นแล้ว"
    answered = [c for c in ReviewService(office).comments(2569) if c.indicator_uid == item.indicator_uid]
    assert [c.answer for c in answered] == ["แนบภาพถ่ายแล้ว"]
    shown, index = _quarter_index(page.model, office_uid, 2, page.model.COL_QUARTER)
    assert "ขอหลักฐานเพิ่ม" not in (page.model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
    office_plans.close()


def _reply_office(path):
    import json
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))["office"]["uid"]


def test_the_coordinator_comments_from_the_consolidated_view(qtbot, service, tmp_path, messages, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from trat_desktop.gui.comment_dialog import CommentDialog
    from trat_desktop.services.rounds import ReviewService

    centre = ProgressService(service, clock=_clock())
    centre.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
    window = _window(qtbot, service, centre, tmp_path)
    overview = window.coordinator_pages.overview
    overview.reload()
    qtbot.waitUntil(lambda: overview.proxy.rowCount() > 0, timeout=20000)
    found = _row_actions(overview.view)
    assert list(found) == ["ให้ความเห็นต่อแถวนี้ (ขอหลักฐานเพิ่ม)…"]
    overview.view.setCurrentIndex(overview.proxy.index(0, 0))
    target = window.round_actions._overview_target(overview, overview.view.currentIndex())
    chosen = target.offices[-1]

    def typed(dialog):
        assert dialog.office_combo.count() == len(target.offices)
        dialog.office_combo.setCurrentIndex(dialog.office_combo.count() - 1)
        dialog.quarter_combo.setCurrentIndex(2)
        dialog._try_accept()                      # empty: refused in Thai, the dialog stays
        assert dialog.error_label.text() == "โปรดพิมพ์ความเห็นถึงหน่วยงานก่อนบันทึก" and not dialog.result()
        dialog.text.setPlainText("โปรดตรวจสอบตัวเลข")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CommentDialog, "exec", typed)
    found["ให้ความเห็นต่อแถวนี้ (ขอหลักฐานเพิ่ม)…"].trigger()
    made = ReviewService(centre).comments(2569, chosen[0])
    assert [(c.indicator_uid, c.quarter, c.text) for c in made] == [(target.indicator_uid, 3, "โปรดตรวจสอบตัวเลข")]


def test_the_round_dates_dialog_reads_thai_dates_and_refuses_in_thai(qtbot, service, tmp_path, messages,
                                                                    monkeypatch):
    from trat_desktop.gui.round_dates_dialog import RoundDatesDialog

    centre = ProgressService(service, clock=_clock())
    centre.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
    window = _window(qtbot, service, centre, tmp_path)
    actions = window.round_actions
    actions.update_roles()
    assert actions.dates_action.isVisible() and actions.replies_action.isVisible()
    seen = {}

    def typed(dialog):
        edits = dialog.edits["y"]
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert edits["start"].text() == "๑ ต.ค. ๒๕๖๘" and ok.isEnabled()
        edits["end"].setText("๓๒ ส.ค. ๒๕๖๙")  # no such day: the message says how many days August has
        assert "เดือนสิงหาคม ๒๕๖๙ มี ๓๑ วัน" in dialog.error_labels["y"].text() and not ok.isEnabled()
        edits["end"].setText("ปลายเดือนสิงหา")
        assert "อ่านวันที่" in dialog.error_labels["y"].text() and not ok.isEnabled()
        edits["end"].setText("31/8/2569")
        edits["due"].setText("1 ส.ค. 2569")
        assert dialog.error_labels["y"].text() == "รอบ ๑๒ เดือน: วันครบกำหนดส่งต้องไม่ก่อนวันสิ้นสุดของรอบ"
        edits["due"].setText("๑๕ ก.ย. ๖๙")
        assert dialog.error_labels["y"].isHidden() and ok.isEnabled()
        assert dialog.quarter_labels["y"].text() == "๑, ๒, ๓, ๔"
        dialog.edits["q1"]["due"].setText("2026-01-20")
        seen["tab"] = [dialog.edits["q1"]["start"].nextInFocusChain() is dialog.edits["q1"]["end"]]
        dialog.save()
        return 1

    monkeypatch.setattr(RoundDatesDialog, "exec", typed)
    actions.dates_action.trigger()
    assert seen["tab"] == [True]
    assert messages[-1][0] == "กำหนดรอบรายงานแล้ว" and "ไตรมาส ๑" in messages[-1][1]
    year = RoundService(centre).find(2569, "y")
    assert (year.end, year.due) == (dt.date(2026, 8, 31), dt.date(2026, 9, 15))
    assert RoundService(centre).find(2569, "q1").due == dt.date(2026, 1, 20)


def test_values_saved_after_a_signoff_are_marked_in_the_office_grid(qtbot, service, tmp_path, messages):
    progress = ProgressService(service, clock=_clock())
    progress.set_identity(Identity(role="office", office_name=OFFICE, head_name="นางหัวหน้า"))
    for item in progress.work_items(2569):
        if 2 in item.quarters():
            progress.set_progress(item, 2, status="cancelled", note="งดจัด")
    RoundService(progress).submit(2569, "q2", folder=tmp_path)
    RoundService(progress).withdraw(2569, "q2", "แก้ตัวเลข")
    changed = next(i for i in progress.work_items(2569) if 2 in i.quarters())
    progress.set_progress(changed, 2, note="แก้ไขแล้ว")
    window = _window(qtbot, service, progress, tmp_path)
    model = window.office_page.model
    from PySide6.QtCore import Qt

    marked = {(line.item.indicator_uid, line.quarter) for row, line in enumerate(model.lines())
              if line.item is not None and model.text(row, model.COL_QUARTER).endswith("✎")}
    assert marked == {(changed.indicator_uid, 2)}
    index = model.index_of(next(i for i in model.items() if i.indicator_uid == changed.indicator_uid), 2,
                           model.COL_QUARTER)
    assert "แก้ไขหลังลงนาม" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "ครบกำหนดส่ง ๑๕ เม.ย. ๒๕๖๙ อีก ๓ วัน · แก้ไขหลังลงนาม ๑ รายการ" in window.office_page.form.todayLabel.text()
    assert window.round_actions.answer_action.isVisible() and not window.round_actions.dates_action.isVisible()


def test_the_sign_off_takes_the_heads_date_typed_in_thai(qtbot, service, tmp_path, messages, monkeypatch):
    from trat_desktop.gui.round_actions import SubmitDialog

    progress = ProgressService(service, clock=_clock())
    progress.set_identity(Identity(role="office", office_name=OFFICE, head_name="นางหัวหน้า", head_position="ผอ."))
    for item in progress.work_items(2569):
        if 2 in item.quarters():
            progress.set_progress(item, 2, status="cancelled", note="งดจัดกิจกรรม")
    window = _window(qtbot, service, progress, tmp_path)
    ok_texts = []

    def typed(dialog):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert dialog.signed_on.text() == "๑๒ เม.ย. ๒๕๖๙" and ok.isEnabled()
        assert dialog.summary_label.text().startswith("จะส่ง: ผลของไตรมาส ๒ ตัวชี้วัดที่ถึงกำหนด")
        dialog.signed_on.setText("๒๐ เม.ย. ๒๕๖๙")
        ok_texts.append(dialog.state_label.text())
        assert not ok.isEnabled()
        dialog.signed_on.setText("11/4/2569")
        assert ok.isEnabled()
        return 1

    monkeypatch.setattr(SubmitDialog, "exec", typed)
    op = window.round_actions.submit(folder=tmp_path)
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert ok_texts == ["วันที่ลงนาม (๒๐ เม.ย. ๒๕๖๙) ต้องไม่อยู่หลังวันนี้ (๑๒ เม.ย. ๒๕๖๙)"]
    assert messages[-1][0] == "ส่งรายงานแล้ว"
    assert RoundService(progress).views(2569)["q2"].submission.signed_on == "2026-04-11"
    for item in progress.work_items(2569):
        if 3 in item.quarters():
            progress.set_progress(item, 3, status="cancelled", note="งดจัดกิจกรรม")
    with pytest.raises(TratError, match="ต้องไม่อยู่หลังวันนี้"):       # the service asks the same rule
        RoundService(progress).submit(2569, "q3", signed_on=dt.date(2026, 5, 1), folder=tmp_path)
    with pytest.raises(TratError, match="ต้องไม่ก่อนวันเริ่มต้นของไตรมาส ๓"):
        RoundService(progress).submit(2569, "q3", signed_on=dt.date(2026, 3, 31), folder=tmp_path)
    assert RoundService(progress).views(2569)["q3"].state == "open"


def test_ctrl_m_on_the_coordinators_grid_opens_the_comment_dialog(qtbot, service, tmp_path, messages, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from trat_desktop.gui.comment_dialog import CommentDialog

    centre = ProgressService(service, clock=_clock())
    centre.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
    window = _window(qtbot, service, centre, tmp_path)
    page = window.office_page
    window.form.pageTabs.setCurrentWidget(page)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    line = next(r for r, ln in enumerate(page.model.lines()) if ln.item is not None and ln.quarter == 2)
    page.table.setCurrentIndex(page.model.index(line, page.model.COL_ACHIEVED))
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    opened = []

    def seen(dialog):
        opened.append((dialog.target.indicator_uid, dialog.quarter()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(CommentDialog, "exec", seen)
    qtbot.keyClick(page.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [(page.model.lines()[line].item.indicator_uid, 2)]


def test_the_centre_sees_values_changed_after_the_sign_off_in_its_grid_and_board(qtbot, service, tmp_path, messages):
    office_plans, office, centre, final = _centre_and_office(service, tmp_path)
    office_uid = office.identity().office_uid
    RoundService(office).withdraw(2569, "q2", "แก้ตัวเลข")
    changed = next(i for i in office.work_items(2569) if 2 in i.quarters())
    office.set_progress(changed, 2, note="แก้ไขตามหลักฐาน")
    later, _ = ExchangeService(office).export_office(None, 2569, tmp_path / "later")
    office_plans.close()
    ExchangeService(centre).import_files([later], trust_new=True)
    window = _window(qtbot, service, centre, tmp_path)
    model = window.office_page.model
    marked = {(line.item.indicator_uid, line.item.agency_uid, line.quarter) for row, line in enumerate(model.lines())
              if line.item is not None and model.text(row, model.COL_QUARTER).endswith("✎")}
    assert marked == {(changed.indicator_uid, office_uid, 2)}
    board = window.round_actions.show_board(modal=False)
    qtbot.addWidget(board)
    board.round_combo.setCurrentIndex(board.round_combo.findData("q2"))
    rows = {board.table.item(r, 0).text(): r for r in range(board.table.rowCount())}
    assert board.table.item(rows[OFFICE], 6).text() == "แก้ไขหลังลงนาม ๑ รายการ"
