"""Screenshots for the Thai user guide (docs/user-guide.md), for ``tools/screenshot.py``
(views ``about``, ``data``, ``restore``, ``export-done``, ``menu``). Each builds its example
in the temporary database that tools/screenshot.py opens (never the user's):

* ``about``: ช่วยเหลือ › เกี่ยวกับ Trat Desktop.
* ``data``: ตั้งค่า › ข้อมูลและการสำรอง, after today's automatic backup.
* ``restore``: the question asked before restoring a backup (the dialog's real text).
* ``export-done``: the message after an office exported its file (where it is, how to send it).
* ``menu``: the main window with the ตั้งค่า menu open (an office's installation).

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tools/screenshot.py --view data docs/screenshots/guide-data.png
"""

from __future__ import annotations

import argparse
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox

from trat_desktop.domain.identity import Identity
from trat_desktop.gui import ops
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services import backup as backups

EDU = "สำนักงานศึกษาธิการจังหวัดตราด"


def _settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def _wait_ops(app: QApplication) -> None:
    while ops.running():
        app.processEvents()


def _office(service: PlanService) -> ProgressService:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name=EDU, reporter_name="นางสาวสมใจ ใจดี",
                                   reporter_position="นักวิเคราะห์นโยบายและแผน"))
    return progress


def _window(service: PlanService, progress: ProgressService | None, args: argparse.Namespace) -> Any:
    from trat_desktop.gui.main_window import MainWindow

    settings = QSettings(str(args.tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings, today=lambda: args.today)
    window.resize(*args.size)
    window.move(0, 0)
    window.show()
    return window


def _message_grab(app: QApplication, kind: str, answer: QMessageBox.StandardButton,
                  shots: list[QPixmap]) -> Any:
    """A stand-in for ``QMessageBox.<kind>`` that shows the real box, photographs it, answers."""
    icons = {"question": QMessageBox.Icon.Question, "information": QMessageBox.Icon.Information,
             "warning": QMessageBox.Icon.Warning}

    def show(parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        box = QMessageBox(icons[kind], title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                          if kind == "question" else QMessageBox.StandardButton.Ok, parent)
        box.setModal(False)
        box.show()
        _settle(app, 40)
        shots.append(box.grab())
        box.close()
        return answer

    return show


def shoot_about(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    window = _window(service, _office(service), args)
    dialog = window.show_about()
    _settle(app)
    return dialog.grab()


def shoot_data(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    window = _window(service, _office(service), args)
    window.start_daily_backup()
    _wait_ops(app)
    dialog = window.open_data_dialog()
    _settle(app)
    return dialog.grab()


def shoot_restore(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    progress = _office(service)
    item = progress.find_item("1/1.5/2")
    progress.set_progress(item, 2, achieved="85")
    usb = args.tmp / "USB"
    copy = backups.backup_now(service, usb / "trat-backup-25690210-1630.sqlite3")
    progress.set_progress(item, 2, achieved="90")
    window = _window(service, progress, args)
    dialog = window.open_data_dialog()
    shots: list[QPixmap] = []

    def photograph(box: QMessageBox) -> int:  # instead of exec(): show, grab, answer "ยกเลิก"
        box.setModal(False)
        box.show()
        _settle(app, 40)
        shots.append(box.grab())
        box.close()
        return 0

    original = QMessageBox.exec
    QMessageBox.exec = photograph  # type: ignore[method-assign, assignment]
    try:
        dialog.restore(copy)
    finally:
        QMessageBox.exec = original  # type: ignore[method-assign]
    return shots[0] if shots else None


def shoot_export_done(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    progress = _office(service)
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="90", status="กำลังดำเนินการ")
    window = _window(service, progress, args)
    folder = args.tmp / "ส่งจังหวัด"
    folder.mkdir()
    shots: list[QPixmap] = []
    original = QMessageBox.information
    QMessageBox.information = _message_grab(app, "information", QMessageBox.StandardButton.Ok, shots)  # type: ignore[method-assign]
    try:
        window.exchange_actions.export_office(folder)
        _wait_ops(app)
        _settle(app)
    finally:
        QMessageBox.information = original  # type: ignore[method-assign]
    return shots[0] if shots else None


def shoot_menu(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    window = _window(service, _office(service), args)
    _settle(app)
    menu = window.form.menuSettings
    window.exchange_actions.update_roles()
    bar = window.form.menubar
    where = bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft())
    menu.popup(where)
    _settle(app, 40)
    area = QRect(window.frameGeometry().topLeft(), QPoint(where.x() + menu.width() + 200,
                                                          where.y() + menu.height() + 40))
    return app.primaryScreen().grabWindow(0, area.x(), area.y(), area.width(), area.height())


SHOTS = {"about": shoot_about, "data": shoot_data, "restore": shoot_restore, "export-done": shoot_export_done,
         "menu": shoot_menu}
