"""The coordinator's entry grid marks the rows × quarters it commented on: ● while the office has not answered
(yellow, like the office's flag), ✓ once the office's answer came back in its next export (green, with the answer
in the tooltip). The office's own grid keeps its flag without the centre's marks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from trat_desktop.gui.entry_model import ANSWERED_COMMENT_MARK, OPEN_COMMENT_MARK
from trat_desktop.services.exchange import ExchangeService
from trat_desktop.services.replies import ReplyService
from trat_desktop.services.rounds import ReviewService

from test_gui_rounds import _centre_and_office, _quarter_index, _window, messages  # noqa: F401


def _cell(model, office_uid, quarter):
    _item, index = _quarter_index(model, office_uid, quarter, model.COL_QUARTER)
    return (model.data(index, Qt.ItemDataRole.DisplayRole), model.data(index, Qt.ItemDataRole.ToolTipRole) or "",
            model.data(index, Qt.ItemDataRole.BackgroundRole))


def test_the_centres_grid_marks_open_and_answered_comments_apart(qtbot, service, tmp_path, messages) -> None:
    office_plans, office, centre, _final = _centre_and_office(service, tmp_path)
    try:
        office_uid = office.identity().office_uid
        window = _window(qtbot, service, centre, tmp_path)
        grid, actions = window.office_page, window.round_actions
        text, tip, background = _cell(grid.model, office_uid, 2)
        assert OPEN_COMMENT_MARK not in text and ANSWERED_COMMENT_MARK not in text and "ความเห็น" not in tip

        # a comment from the grid: marked at once (no reload), open
        item, index = _quarter_index(grid.model, office_uid, 2, grid.model.COL_QUARTER)
        made = actions.comment_on(actions._entry_target(grid, index), text="ขอภาพถ่ายกิจกรรม",
                                  office_uid=office_uid, quarter=2)
        assert made is not None and made.quarter == 2
        text, tip, background = _cell(grid.model, office_uid, 2)
        assert text.endswith(f" {OPEN_COMMENT_MARK}")
        assert f"{OPEN_COMMENT_MARK} ความเห็นจากศูนย์ฯ (ยังไม่ได้ตอบ): ขอภาพถ่ายกิจกรรม" in tip
        assert background.color().name() == "#fff3b0"
        other = next(line.quarter for line in grid.model.lines()
                     if line.item is not None and line.item.agency_uid == office_uid and line.quarter != 2)
        assert OPEN_COMMENT_MARK not in _cell(grid.model, office_uid, other)[0]

        # the reply travels to the office, which answers; the answer comes back in its next export
        reply = ReplyService(ExchangeService(centre)).export_reply(office_uid, tmp_path / "reply.trat", 2569)
        ReplyService(ExchangeService(office)).import_reply(reply, trust_new=True)
        office_window = _window(qtbot, office_plans, office, tmp_path)
        office_text, office_tip, office_bg = _cell(office_window.office_page.model, office_uid, 2)
        assert office_bg.color().name() == "#fff3b0" and "ขอภาพถ่ายกิจกรรม" in office_tip
        assert OPEN_COMMENT_MARK not in office_text          # the office's grid: its flag, not the centre's marks
        mine = next(c for c in ReviewService(office).comments(2569) if c.indicator_uid == item.indicator_uid)
        ReviewService(office).answer(mine.id, "แนบภาพถ่ายแล้ว")
        sent, _sequence = ExchangeService(office).export_office(tmp_path / "answer.trat", 2569)
        assert grid.model.comment_mark(item, 2) == OPEN_COMMENT_MARK   # not yet at the centre
        ExchangeService(centre).import_files([sent], trust_new=True)
        window.refresh_data()
        text, tip, background = _cell(grid.model, office_uid, 2)
        assert text.endswith(f" {ANSWERED_COMMENT_MARK}") and OPEN_COMMENT_MARK not in text
        assert "(หน่วยงานตอบแล้ว): ขอภาพถ่ายกิจกรรม\nคำตอบ: แนบภาพถ่ายแล้ว" in tip and "ยังไม่ได้ตอบ" not in tip
        assert background.color().name() == "#dcefd9"

        # a second comment on the same cell, still open: the open mark wins, both are listed
        actions.comment_on(actions._entry_target(grid, _quarter_index(grid.model, office_uid, 2,
                                                                       grid.model.COL_QUARTER)[1]),
                           text="ขอรายชื่อผู้เข้าร่วม", office_uid=office_uid, quarter=2)
        text, tip, background = _cell(grid.model, office_uid, 2)
        assert text.endswith(f" {OPEN_COMMENT_MARK}") and background.color().name() == "#fff3b0"
        assert "ขอรายชื่อผู้เข้าร่วม" in tip and "คำตอบ: แนบภาพถ่ายแล้ว" in tip
    finally:
        office_plans.close()


def test_only_the_centre_gets_its_comments_per_row(service, tmp_path) -> None:
    office_plans, office, centre, _final = _centre_and_office(service, tmp_path)
    try:
        item = next(i for i in centre.work_items(2569, office.identity().office_uid) if 2 in i.quarters())
        ReviewService(centre).comment(item.indicator_uid, 2, "ขอหลักฐานเพิ่ม", agency=item.agency_uid,
                                      fiscal_year=2569)
        assert centre.review_comments(2569) == {(item.indicator_uid, item.agency_uid, 2): [("ขอหลักฐานเพิ่ม", "")]}
        assert office.review_comments(2569) == {}
    finally:
        office_plans.close()
