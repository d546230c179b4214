"""Screenshots of the reporting round for the user guide (docs/user-guide.md), for ``tools/screenshot.py``.

Each view builds its example in the temporary database tools/screenshot.py opens (the centre's) and in a
second temporary database for the office, never the user's. Today is 12 เม.ย. ๒๕๖๙ at the office
(ไตรมาส ๒ due on 15 เม.ย.) and 20 เม.ย. at the centre.

* ``round-office``: the office's entry page after the centre's reply: the header with the open round and its
  days left, a row × quarter flagged with the centre's comment, a value marked "แก้ไขหลังลงนาม".
* ``round-submit``: รอบรายงาน › ส่งรายงานรอบนี้… with the head of office's sign-off.
* ``round-board``: รอบรายงาน › ติดตามการส่งรายงาน… (the coordinator's review board).
* ``round-comment``: the coordinator's comment on a row × quarter (Ctrl+M on the grid).
* ``round-dates``: รอบรายงาน › กำหนดรอบรายงานและวันครบกำหนด… (the ๑๒-month round cut at ๓๑ ส.ค.).

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tools/screenshot.py --view round-board --size 1366x768 \\
        docs/screenshots/round-board.png
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from trat_desktop.domain.identity import Identity
from trat_desktop.errors import TratError
from trat_desktop.gui import ops
from trat_desktop.services import PlanService, ProgressService

OFFICE = "สำนักงานศึกษาธิการจังหวัดตราด"
LATE = "สำนักงานจังหวัดตราด"
TZ = dt.timezone(dt.timedelta(hours=7))


def _settle(app: QApplication, rounds: int = 40) -> None:
    for _ in range(rounds):
        app.processEvents()


def _wait_ops(app: QApplication) -> None:
    while ops.running():
        app.processEvents()


def _clock(day: dt.date, hour: int = 9) -> Any:
    start = dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=TZ)
    ticks = iter(range(10**9))
    return lambda: start + dt.timedelta(seconds=next(ticks))


def _fill(progress: ProgressService, quarter: int) -> None:
    for item in progress.work_items(2569):
        if quarter not in item.quarters():
            continue
        try:
            progress.set_progress(item, quarter, achieved="1", status="done", note="จัดกิจกรรมตามแผน")
        except TratError:
            progress.set_progress(item, quarter, status="cancelled", note="งดจัดกิจกรรม")


def _office_db(args: argparse.Namespace, name: str, day: dt.date) -> tuple[PlanService, ProgressService]:
    plans = PlanService.open(args.tmp / f"{abs(hash(name))}.sqlite3")
    progress = ProgressService(plans, clock=_clock(day))
    progress.set_identity(Identity(role="office", office_name=name, reporter_name="นางสาวสมใจ ใจดี",
                                   reporter_position="นักวิเคราะห์นโยบายและแผน", head_name="นายสมชาย รักษ์ดี",
                                   head_position="ศึกษาธิการจังหวัดตราด"))
    return plans, progress


def _world(service: PlanService, args: argparse.Namespace) -> dict[str, Any]:
    """Two offices signed ไตรมาส ๒ off (one late), the centre imported both and commented one row."""
    from trat_desktop.services.exchange import ExchangeService
    from trat_desktop.services.rounds import ReviewService, RoundService

    files = args.tmp / "files"
    files.mkdir(exist_ok=True)
    office_plans, office = _office_db(args, OFFICE, dt.date(2026, 4, 10))
    _fill(office, 2)
    _, on_time = RoundService(office).submit(2569, "q2", folder=files)
    late_plans, late = _office_db(args, LATE, dt.date(2026, 4, 18))
    _fill(late, 2)
    _, late_file = RoundService(late).submit(2569, "q2", folder=files)
    late_plans.close()
    centre = ProgressService(service, clock=_clock(dt.date(2026, 4, 20)))
    centre.set_identity(Identity(role="coordinator", reporter_name="นายประสาน งานดี"))
    ExchangeService(centre).import_files([on_time, late_file], trust_new=True)
    review = ReviewService(centre)
    item = next(i for i in centre.work_items(2569) if i.agency_name == OFFICE and 2 in i.quarters())
    review.comment(item.id, 2, "ขอหลักฐานเพิ่ม: ภาพถ่ายกิจกรรมและรายชื่อผู้เข้าร่วม", agency=OFFICE)
    review.set_state(OFFICE, 2569, "q2", "check", "ตรวจแล้ว รอหลักฐานเพิ่มของตัวชี้วัด 1/1.5/1")
    review.set_state(LATE, 2569, "q2", "accept")
    return {"office_plans": office_plans, "office": office, "centre": centre, "item": item}


def _window(service: PlanService, progress: ProgressService, args: argparse.Namespace, today: dt.date) -> Any:
    from trat_desktop.gui.main_window import MainWindow

    settings = QSettings(str(args.tmp / f"settings-{id(progress)}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings, today=lambda: today)
    window.resize(*args.size)
    window.move(0, 0)
    window.show()
    return window


def shoot_round_office(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    from trat_desktop.services.exchange import ExchangeService
    from trat_desktop.services.replies import ReplyService
    from trat_desktop.services.rounds import RoundService

    world = _world(service, args)
    reply = ReplyService(ExchangeService(world["centre"])).export_reply(OFFICE, args.tmp / "reply.trat", 2569)
    office: ProgressService = world["office"]
    ReplyService(ExchangeService(office)).import_reply(reply, trust_new=True)
    RoundService(office).withdraw(2569, "q2", "แก้ไขผลตามความเห็นของศูนย์ฯ")
    item = next(i for i in office.work_items(2569) if i.indicator_uid != world["item"].indicator_uid
                and 2 in i.quarters())
    office.set_progress(item, 2, note="แก้ไขจำนวนผู้เข้าร่วมตามหลักฐาน")
    window = _window(world["office_plans"], office, args, dt.date(2026, 4, 12))
    page = window.office_page
    page.reload()
    model = page.model
    shown = next(i for i in model.items() if i.indicator_uid == world["item"].indicator_uid)
    page.table.setCurrentIndex(model.index_of(shown, 2, model.COL_ACHIEVED))
    page.table.setFocus()
    _settle(app)
    return window.grab()


def shoot_round_submit(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    from trat_desktop.gui.round_actions import SubmitDialog

    office_plans, office = _office_db(args, OFFICE, dt.date(2026, 4, 12))
    _fill(office, 2)
    items = [i for i in office.work_items(2569) if 2 in i.quarters()]
    office.set_progress(items[-1], 2, achieved=None, status="not_started", note="")
    window = _window(office_plans, office, args, dt.date(2026, 4, 12))
    dialog = SubmitDialog(window, office, 2569)
    dialog.resize(760, 460)
    dialog.move(80, 60)
    dialog.show()
    _settle(app)
    return dialog.grab()


def shoot_round_board(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    world = _world(service, args)
    window = _window(service, world["centre"], args, dt.date(2026, 4, 20))
    board = window.round_actions.show_board(modal=False)
    board.round_combo.setCurrentIndex(board.round_combo.findData("q2"))
    board.resize(min(1300, args.size[0] - 40), min(680, args.size[1] - 60))
    board.move(10, 10)
    board.show()
    rows = {board.table.item(r, 0).text(): r for r in range(board.table.rowCount())}
    board.table.selectRow(rows[OFFICE])
    board.comment_edit.setPlainText("ขอบคุณที่ส่งตรงเวลา โปรดแนบภาพถ่ายกิจกรรมของตัวชี้วัด 1/1.5/1 เพิ่มเติม")
    _settle(app)
    return board.grab()


def shoot_round_comment(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    from trat_desktop.gui.comment_dialog import CommentDialog

    world = _world(service, args)
    window = _window(service, world["centre"], args, dt.date(2026, 4, 20))
    page = window.office_page
    window.form.pageTabs.setCurrentWidget(page)
    combo = page.form.agencyCombo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if OFFICE in combo.itemText(i)))
    _settle(app)
    model = page.model
    line = next(row for row, ln in enumerate(model.lines())
                if ln.item is not None and ln.item.agency_name == OFFICE and ln.quarter == 2)
    index = model.index(line, model.COL_ACHIEVED)
    page.table.setCurrentIndex(index)
    page.table.scrollTo(index)
    target = window.round_actions._entry_target(page, index)
    dialog = CommentDialog(window, target)
    dialog.text.setPlainText("ขอหลักฐานเพิ่ม: ภาพถ่ายกิจกรรม")
    dialog.show()
    dialog.move(420, 330)
    _settle(app)
    dialog.activateWindow()
    _settle(app)
    frame = window.frameGeometry()
    return app.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())


def shoot_round_dates(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    from trat_desktop.gui.round_dates_dialog import RoundDatesDialog
    from trat_desktop.services.rounds import RoundService

    centre = ProgressService(service, clock=_clock(dt.date(2026, 4, 20)))
    centre.set_identity(Identity(role="coordinator", reporter_name="นายประสาน งานดี"))
    window = _window(service, centre, args, dt.date(2026, 4, 20))
    dialog = RoundDatesDialog(window, RoundService(centre), 2569)
    dialog.edits["y"]["end"].setText("๓๑ ส.ค. ๒๕๖๙")
    dialog.edits["y"]["due"].setText("๓๑ ก.ค. ๒๕๖๙")   # before the end: the Thai refusal shows
    dialog.show()
    _settle(app)
    return dialog.grab()


ROUND_SHOTS = {"round-office": shoot_round_office, "round-submit": shoot_round_submit,
               "round-board": shoot_round_board, "round-comment": shoot_round_comment,
               "round-dates": shoot_round_dates}
