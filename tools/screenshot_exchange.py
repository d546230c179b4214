"""Screenshots of the exchange screens, for ``tools/screenshot.py`` (views ``import``,
``conflicts``, ``keys`` and ``evidence``). Each builds its example in the temporary folder:
a coordinator database plus office installations that really export and import files.

* ``import``: the preview of three files: one from an office sending its first file (to be
  imported once its key is confirmed), one that conflicts with a coordinator's correction, and
  one whose content was changed after signing (refused, with the reason).
* ``conflicts``: the conflicts dialog after importing that conflicting file.
* ``keys``: the coordinator's keys dialog with three offices enrolled.
* ``evidence``: an office's entry page with files attached to the selected quarter.
"""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path
from typing import Any

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from trat_desktop.domain.identity import Identity
from trat_desktop.gui import ops
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.exchange import ExchangeService

EDU = "สำนักงานศึกษาธิการจังหวัดตราด"
HEALTH = "สำนักงานสาธารณสุขจังหวัดตราด"
FINANCE = "สำนักงานคลังจังหวัดตราด"


def _settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def _wait_ops(app: QApplication) -> None:
    while ops.running():
        app.processEvents()


def _installation(path: Path, role: str, office: str = "", reporter: str = "ผู้รายงาน") -> ExchangeService:
    progress = ProgressService(PlanService.open(path))
    progress.set_identity(Identity(role=role, office_name=office, reporter_name=reporter))  # type: ignore[arg-type]
    return ExchangeService(progress)


def _coordinator(service: PlanService) -> ExchangeService:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="coordinator", reporter_name="นายวิชัย ประสานงาน"))
    return ExchangeService(progress)


def _enter(exchange: ExchangeService, quarter: int, values: list[dict[str, str]], agency: str | None = None) -> None:
    """Enter *values* into the first rows (in plan order) that run in *quarter*."""
    progress = exchange.progress
    uid = progress.find_agency(agency)[0] if agency else None
    items = [i for i in progress.work_items(agency_uid=uid) if quarter in i.quarters()]
    for item, fields in zip(items, values):
        progress.set_progress(item, quarter, **fields)


def _tampered(source: Path, target: Path) -> Path:
    """A copy of an export whose progress data was edited after signing."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "progress.jsonl":
                body = body.replace(b'"achieved": 1', b'"achieved": 9').replace(b'"achieved":1', b'"achieved":9')
                body += b"\n"
            out.writestr(info.filename, body)
    return target


def _conflict_world(service: PlanService, tmp: Path) -> tuple[ExchangeService, list[Path]]:
    """The coordinator (on *service*) and three files: new office, conflicting, tampered."""
    coordinator = _coordinator(service)
    for folder in ("inbox-old", "inbox", "inbox-raw"):
        (tmp / folder).mkdir(exist_ok=True)
    edu = _installation(tmp / "edu.sqlite3", "office", EDU, "นางสาวสมใจ ใจดี")
    _enter(edu, 2, [{"achieved": "80", "status": "กำลังดำเนินการ"}, {"achieved": "1", "status": "ดำเนินการแล้ว"}])
    first, _ = edu.export_office(folder=tmp / "inbox-old")
    coordinator.import_files([first], trust_new=True)
    # the coordinator corrects the office's first value; the office later changes it too
    _enter(coordinator, 2, [{"achieved": "82", "note": "แก้ตามรายงานการประชุม"}], agency=EDU)
    _enter(edu, 2, [{"achieved": "85", "status": "ดำเนินการแล้ว", "note": "อบรมครบทุกกลุ่มงาน"}])
    inbox = tmp / "inbox"
    conflicting, _ = edu.export_office(folder=inbox)
    health = _installation(tmp / "health.sqlite3", "office", HEALTH, "นายสมศักดิ์ รักษ์สุข")
    _enter(health, 2, [{"achieved": "90", "status": "ดำเนินการแล้ว", "spent": "12,000"},
                       {"achieved": "2", "status": "กำลังดำเนินการ", "note": "ประชุมชี้แจงแล้ว ๒ ครั้ง"}])
    newcomer, _ = health.export_office(folder=inbox)
    finance = _installation(tmp / "finance.sqlite3", "office", FINANCE)
    _enter(finance, 2, [{"achieved": "1", "status": "ดำเนินการแล้ว"}])
    signed, _ = finance.export_office(folder=tmp / "inbox-raw")
    coordinator.import_files([finance.export_office(folder=tmp / "inbox-old")[0]], trust_new=True)
    tampered = _tampered(signed, inbox / signed.name)
    for office in (edu, health, finance):
        office.plans.close()
    return coordinator, [newcomer, conflicting, tampered]


def _window(service: PlanService, progress: Any, args: argparse.Namespace) -> Any:
    from trat_desktop.gui.main_window import MainWindow

    window = MainWindow(service, progress=progress, settings=args.settings, today=lambda: args.today)
    window.resize(*args.size)
    window.show()
    return window


def shoot_import(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    coordinator, files = _conflict_world(service, args.tmp)
    window = _window(service, coordinator.progress, args)
    dialog = window.exchange_actions.import_files(files)
    dialog.resize(1240, 800)
    _wait_ops(app)
    _settle(app)
    dialog.form.filesTree.doItemsLayout()
    _settle(app)
    return _grab(app, dialog)


def shoot_conflicts(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    coordinator, files = _conflict_world(service, args.tmp)
    coordinator.import_files(files[1:2])
    window = _window(service, coordinator.progress, args)
    dialog = window.exchange_actions.show_conflicts()
    dialog.resize(1060, 640)
    _settle(app)
    return _grab(app, dialog)


def shoot_keys(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    coordinator, files = _conflict_world(service, args.tmp)
    coordinator.import_files(files[:1], trust_new=True)
    window = _window(service, coordinator.progress, args)
    dialog = window.exchange_actions.show_keys()
    dialog.resize(900, 560)
    _settle(app)
    return _grab(app, dialog)


def shoot_evidence(app: QApplication, service: PlanService, args: argparse.Namespace) -> QPixmap | None:
    from trat_desktop.gui.entry_model import WorkEntryModel as M

    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name=EDU, reporter_name="นางสาวสมใจ ใจดี"))
    exchange = ExchangeService(progress)
    _enter(exchange, 2, [{"achieved": "85", "status": "ดำเนินการแล้ว", "note": "ชี้แจงคู่มือในการประชุมประจำเดือน"},
                         {"achieved": "1", "status": "กำลังดำเนินการ"}])
    items = [i for i in progress.work_items() if 2 in i.quarters()]
    examples = args.tmp / "examples"
    examples.mkdir(exist_ok=True)
    for name, size in (("ภาพถ่ายกิจกรรมอบรมคุณธรรม.jpg", 850_000), ("รายงานผลการประชุมชี้แจงคู่มือ.pdf", 240_000),
                       ("รายชื่อผู้เข้าร่วมอบรม.xlsx", 38_000)):
        path = examples / name
        path.write_bytes(name.encode() * (size // len(name.encode())))
        progress.attach_evidence(items[0], 2, path)
    other = examples / "คำสั่งแต่งตั้งคณะทำงาน.pdf"
    other.write_bytes(b"%PDF" * 20000)
    progress.attach_evidence(items[1], 2, other)
    window = _window(service, progress, args)
    page = window.office_page
    shown = next(i for i in page.model.items() if i.indicator_uid == items[0].indicator_uid)
    page.table.setCurrentIndex(page.model.index_of(shown, 2, M.COL_ACHIEVED))
    page.table.setFocus()
    _settle(app)
    page.table.scrollToTop()
    _settle(app)
    return window.grab()


def _grab(app: QApplication, widget: QWidget) -> QPixmap:
    _settle(app)
    return widget.grab()


SHOTS = {"import": shoot_import, "conflicts": shoot_conflicts, "keys": shoot_keys, "evidence": shoot_evidence}
