"""Exchange, keys and backups in the main window's menus.

แฟ้ม (office): ส่งออกไฟล์ผลการดำเนินงาน… · นำเข้าแพ็กเกจแผน…
แฟ้ม (coordinator): นำเข้าไฟล์จากหน่วยงาน… (also by dropping files or folders on the window) ·
    ประวัติการนำเข้า · ข้อขัดแย้ง… · ยกเลิกการนำเข้าครั้งล่าสุด · ส่งออกแพ็กเกจแผน…
ตั้งค่า: กุญแจและลายนิ้วมือ… · สำรองข้อมูลตอนนี้…

Everything that reads or writes files runs off the GUI thread (:mod:`.ops`) on its own
connection; afterwards the window re-reads its views (``MainWindow.refresh_data``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from ..domain.capabilities import can
from ..domain.identity import Identity
from ..errors import TratError
from ..i18n import N_, _
from ..services import PlanService, ProgressService
from . import display, file_dialogs
from .ops import error_text, run_in_background
from .years import selected_year_of
from .window_actions import WindowActions

LAST_DIR_KEY = "exchange/last_dir"
OFFICE_FILES = N_("ไฟล์ผลการดำเนินงาน (*.trat);;ทุกไฟล์ (*)")
PLAN_FILES = N_("แพ็กเกจแผน (*.trat);;ทุกไฟล์ (*)")
BACKUP_FILES = N_("ไฟล์สำรองข้อมูล (*.zip);;ทุกไฟล์ (*)")
SEND_HINT = (N_("ส่งไฟล์นี้ให้ศูนย์ประสานงานจังหวัดทาง USB อีเมล หรือ LINE ได้เลย "
             "ไม่ต้องแก้ไขหรือเปลี่ยนชื่อไฟล์ (ไฟล์ลงนามไว้แล้ว ถ้าแก้ไขจะนำเข้าไม่ได้)"))


def dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """Local .trat files and folders in a drag (anything else is ignored)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() == ".trat"]


def _exchange_service(progress: Any) -> Any:
    """The exchange service, imported on first use (its signing library stays out of start-up)."""
    from ..services.exchange import ExchangeService

    return ExchangeService(progress)


def _packages(progress: Any) -> Any:
    from ..services.plan_package import PlanPackageService

    return PlanPackageService(_exchange_service(progress))


class ExchangeActions(WindowActions):
    """The menu actions and the drop target; one per main window."""

    def __init__(self, window: QMainWindow, plans: PlanService, progress: ProgressService,
                 settings: QSettings) -> None:
        super().__init__(window, plans, progress, settings)
        self._exchange: Any = None
        self.last_message = ""
        self.import_dialog: Any = None
        self.conflicts_dialog: Any = None
        self.ledger_dialog: Any = None
        self.keys_dialog: Any = None
        self.last_op: Any = None
        self._make_actions()
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    @property
    def exchange(self) -> Any:
        """The exchange service over the window's own connection, made on first use."""
        if self._exchange is None:
            self._exchange = _exchange_service(self.progress)
        return self._exchange

    @classmethod
    def install(cls, window: QMainWindow, plans: Any, progress: Any, settings: QSettings,
                file_menu: QMenu, settings_menu: QMenu, before: QAction | None) -> "ExchangeActions | None":
        """Add the actions to *file_menu* (before *before*) and *settings_menu*; None without real services."""
        if not isinstance(plans, PlanService) or not isinstance(progress, ProgressService):
            return None
        actions = cls(window, plans, progress, settings)
        for action in actions.file_actions:
            if before is not None:
                file_menu.insertAction(before, action)
            else:
                file_menu.addAction(action)
        if before is not None:
            file_menu.insertSeparator(before)
        settings_menu.addSeparator()
        for action in actions.settings_actions:
            settings_menu.addAction(action)
        file_menu.aboutToShow.connect(actions.update_roles)
        settings_menu.aboutToShow.connect(actions.update_roles)
        actions.update_roles()
        return actions

    def _action(self, text: str, slot: Any, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setStatusTip(tip)
        action.setToolTip(tip or text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        a = self._action
        self.export_office_action = a(_("ส่งออกไฟล์ผลการดำเนินงาน…"), self.export_office,
                                      _("บันทึกไฟล์ผลการดำเนินงานของหน่วยงานเพื่อส่งให้ศูนย์ฯ จังหวัด"))
        self.import_plan_action = a(_("นำเข้าแพ็กเกจแผน…"), self.import_plan_package,
                                    _("รับแผนปฏิบัติการฉบับใหม่จากศูนย์ฯ จังหวัด"))
        self.import_files_action = a(_("นำเข้าไฟล์จากหน่วยงาน…"), self.import_files,
                                     _("ตรวจและนำเข้าไฟล์ผลการดำเนินงานที่หน่วยงานส่งมา "
                                       "(ลากไฟล์มาวางที่หน้าต่างก็ได้)"))
        self.ledger_action = a(_("ประวัติการนำเข้า"), self.show_ledger, _("ไฟล์ที่เคยนำเข้าหรือถูกปฏิเสธ"))
        self.conflicts_action = a(_("ข้อขัดแย้ง…"), self.show_conflicts, _("ค่าที่หน่วยงานส่งมาต่างจากค่าที่แก้ไขไว้"))
        self.undo_import_action = a(_("ยกเลิกการนำเข้าครั้งล่าสุด"), self.undo_last_import,
                                    _("กลับไปเป็นข้อมูลก่อนการนำเข้าครั้งล่าสุด"))
        self.export_plan_action = a(_("ส่งออกแพ็กเกจแผน…"), self.export_plan_package,
                                    _("บันทึกแผนที่ลงนามแล้วเพื่อส่งให้หน่วยงาน"))
        self.keys_action = a(_("กุญแจและลายนิ้วมือ…"), self.show_keys, _("ลายนิ้วมือกุญแจสำหรับยืนยันทางโทรศัพท์"))
        self.backup_action = a(_("สำรองข้อมูลตอนนี้…"), self.backup_now, _("คัดลอกฐานข้อมูลและไฟล์หลักฐานทั้งหมดไปเก็บไว้ในไฟล์เดียว"))
        self.office_actions = [self.export_office_action, self.import_plan_action]
        self.coordinator_actions = [self.import_files_action, self.ledger_action, self.conflicts_action,
                                    self.undo_import_action, self.export_plan_action]
        self.file_actions = self.office_actions + self.coordinator_actions
        self.settings_actions = [self.keys_action, self.backup_action]
        #: each File action is shown where domain/capabilities.py allows it
        self.capabilities = {self.export_office_action: "export_office_file",
                             self.import_plan_action: "import_plan_package",
                             self.import_files_action: "import_office_files", self.ledger_action: "import_office_files",
                             self.conflicts_action: "settle_conflicts", self.undo_import_action: "undo_import",
                             self.export_plan_action: "export_plan_package"}

    def identity(self) -> Identity | None:
        try:
            return self.progress.identity()
        except TratError:
            return None

    def update_roles(self) -> None:
        """Show the office's or the coordinator's actions (the identity can change in set-up)."""
        me = self.identity()
        for action, capability in self.capabilities.items():
            action.setVisible(can(me, capability))
        self.keys_action.setEnabled(can(me, "exchange_keys"))
        if can(me, "settle_conflicts"):
            try:
                count = len(self.exchange.conflicts()) + len(self.exchange.held_values())
            except TratError:
                count = 0
            self.conflicts_action.setText(display.show_digits(_("ข้อขัดแย้ง ({count})…").format(
                count=count)) if count else _("ข้อขัดแย้ง…"))

    # -- messages (tests replace the QMessageBox functions) ---------------------------------
    def _inform(self, title: str, text: str) -> None:
        self.last_message = text
        self.window.statusBar().showMessage(text.split("\n")[0], 15000)
        QMessageBox.information(self.window, title, text)

    def _warn(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self.window, title, text)

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.window, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _on_error(self, title: str) -> Any:
        return lambda exc: self._warn(title, error_text(exc))

    def _start_dir(self) -> str:
        return str(self.settings.value(LAST_DIR_KEY, str(Path.home())))

    def _remember_dir(self, path: Path) -> None:
        self.settings.setValue(LAST_DIR_KEY, str(path if path.is_dir() else path.parent))

    def _refresh(self) -> None:
        refresh = getattr(self.window, "refresh_data", None)
        if callable(refresh):
            refresh()

    # -- office ------------------------------------------------------------------------------
    def export_office(self, folder: Path | None = None) -> None:
        """Ask for a folder, then write the office's signed export file there (in the background)."""
        if folder is None:
            chosen = file_dialogs.getExistingDirectory(self.window, _("เลือกโฟลเดอร์ที่จะบันทึกไฟล์ผลการดำเนินงาน"),
                                                      self._start_dir())
            if not chosen:
                return
            folder = Path(chosen)
        self._remember_dir(folder)
        target, year = Path(folder), self._selected_year()

        def work(plans: PlanService) -> tuple[Path, int]:
            return _exchange_service(ProgressService(plans)).export_office(fiscal_year=year, folder=target)

        def done(result: tuple[Path, int]) -> None:
            path, sequence = result
            self._inform(_("ส่งออกแล้ว"), display.show_digits(
                _("บันทึกไฟล์ผลการดำเนินงานแล้ว (ฉบับที่ {sequence})").format(
                    sequence=sequence)) + f"\n\n{path}\n\n{_(SEND_HINT)}")

        self.last_op = run_in_background(self.window, self.plans, work, done, self._on_error(_("ส่งออกไม่ได้")),
                                         label=_("กำลังส่งออกไฟล์ผลการดำเนินงาน…"))

    def import_plan_package(self, path: Path | None = None) -> None:
        """Take a plan package from the coordinator; the first one shows its fingerprint to confirm."""
        if path is None:
            chosen, _filter = file_dialogs.getOpenFileName(self.window, _("เลือกแพ็กเกจแผนจากศูนย์ฯ จังหวัด"),
                                                    self._start_dir(), _(PLAN_FILES))
            if not chosen:
                return
            path = Path(chosen)
        self._remember_dir(path)
        package = Path(path)

        def work(plans: PlanService) -> dict[str, Any]:
            packages = _packages(ProgressService(plans))
            try:
                return {"done": packages.import_plan(package)}
            except TratError as exc:
                if not hasattr(exc, "fingerprint"):  # only KeyNotTrusted carries one
                    raise
                return {"confirm": exc.fingerprint}

        self.last_op = run_in_background(self.window, self.plans, work,
                                         lambda result: self._plan_checked(package, result),
                                         self._on_error(_("นำเข้าแพ็กเกจแผนไม่ได้")), label=_("กำลังตรวจแพ็กเกจแผน…"))

    def _plan_checked(self, package: Path, result: dict[str, Any]) -> None:
        if "done" in result:
            self._plan_imported(result["done"])
            return
        fingerprint = result["confirm"]
        question = (_("นี่เป็นแพ็กเกจแผนฉบับแรกที่เครื่องนี้รับ ลงนามด้วยกุญแจลายนิ้วมือ\n\n        "
                      "{fingerprint}\n\nโปรดโทรหาศูนย์ประสานงานจังหวัด ให้เปิดเมนู “ตั้งค่า → กุญแจและลายนิ้วมือ” "
                      "แล้วอ่านตัวเลขให้ฟัง\nตรงกันทุกตัวหรือไม่? (ถ้าไม่ตรง อย่านำเข้า)").format(
            fingerprint=fingerprint))
        if not self._ask(_("ยืนยันลายนิ้วมือกุญแจของศูนย์ฯ จังหวัด"), question):
            self.window.statusBar().showMessage(_("ยกเลิกการนำเข้าแพ็กเกจแผน"), 10000)
            return

        def work(plans: PlanService) -> dict[str, Any]:
            packages = _packages(ProgressService(plans))
            return packages.import_plan(package, trust_new=True)

        def done(info: dict[str, Any]) -> None:
            if info.get("fingerprint") != fingerprint:  # the file changed between the two steps
                self._warn(_("ลายนิ้วมือไม่ตรง"), _("แพ็กเกจที่นำเข้าลงนามด้วยกุญแจ {got} ไม่ใช่ {fingerprint} "
                                                    "ที่ยืนยันไว้ โปรดแจ้งศูนย์ฯ จังหวัด").format(
                    got=info.get('fingerprint'), fingerprint=fingerprint))
            self._plan_imported(info)

        self.last_op = run_in_background(self.window, self.plans, work, done,
                                         self._on_error(_("นำเข้าแพ็กเกจแผนไม่ได้")), label=_("กำลังนำเข้าแพ็กเกจแผน…"))

    def _plan_imported(self, info: dict[str, Any]) -> None:
        self._refresh()
        text = (_("นำเข้าแผนปีงบประมาณ พ.ศ. {fiscal_year} ฉบับที่ {package_number} แล้ว ({rows:,} ตัวชี้วัด)").format(
            fiscal_year=info['fiscal_year'], package_number=info['package_number'], rows=info['rows']))
        if info.get("removed_rows"):
            text += (_("\n\nตัวชี้วัดที่ถูกนำออกจากแผน {removed_rows} แถว: ผลที่บันทึกไว้ของแถวเหล่านั้น "
                       "{orphaned_progress} รายการยังเก็บไว้ ไม่ได้ลบ").format(
                removed_rows=info['removed_rows'], orphaned_progress=info['orphaned_progress']))
        else:
            text += _("\n\nไม่มีตัวชี้วัดถูกนำออก ผลที่บันทึกไว้ทั้งหมดยังอยู่ครบ")
        self._inform(_("นำเข้าแพ็กเกจแผนแล้ว"), display.show_digits(text))

    # -- coordinator -------------------------------------------------------------------------
    def import_files(self, paths: list[Path] | None = None) -> Any:
        """Choose office files (or take *paths*), then open the import preview."""
        if paths is None:
            chosen, _filter = file_dialogs.getOpenFileNames(self.window, _("เลือกไฟล์จากหน่วยงาน"), self._start_dir(),
                                                     _(OFFICE_FILES))
            if not chosen:
                return None
            paths = [Path(p) for p in chosen]
        if not paths:
            return None
        self._remember_dir(Path(paths[0]))
        from .import_dialog import ImportDialog

        old = self.import_dialog
        if old is not None and not old.busy and not old.isVisible():
            old.deleteLater()  # a closed, idle one (a busy one still receives its background result)
        dialog = ImportDialog(self.plans, self.window)
        dialog.imported.connect(lambda _report: self._after_import())
        dialog.conflicts_requested.connect(self.show_conflicts)
        self.import_dialog = dialog
        dialog.open()
        dialog.start_preview(paths)
        return dialog

    def _after_import(self) -> None:
        self._refresh()
        self.update_roles()

    def show_ledger(self) -> Any:
        from .ledger_dialog import LedgerDialog

        self.ledger_dialog = LedgerDialog(self.exchange, self.window)
        self.ledger_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ledger_dialog.open()
        return self.ledger_dialog

    def show_conflicts(self) -> Any:
        from .conflicts_dialog import ConflictsDialog

        parent = self.import_dialog if self.import_dialog is not None and self.import_dialog.isVisible() else self.window
        dialog = ConflictsDialog(self.exchange, self.progress, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(self._after_import)
        self.conflicts_dialog = dialog
        dialog.open()
        return dialog

    def undo_last_import(self) -> None:
        """Put the database back as before the last import (after asking)."""
        if not self._ask(_("ยกเลิกการนำเข้าครั้งล่าสุด"),
                         _("ข้อมูลจะกลับไปเหมือนก่อนการนำเข้าครั้งล่าสุด (ใช้ได้เมื่อยังไม่ได้แก้ไขข้อมูลหลังนำเข้า)\n"
                         "ดำเนินการต่อหรือไม่?")):
            return

        def work(plans: PlanService) -> dict[str, Any]:
            return _exchange_service(ProgressService(plans)).undo_import()

        def done(info: dict[str, Any]) -> None:
            self._after_import()
            files = "\n".join(f"• {name}" for name in info.get("files", []))
            self._inform(_("ยกเลิกการนำเข้าแล้ว"), display.show_digits(
                _("ยกเลิกการนำเข้าแล้ว ({count} ไฟล์)").format(
                    count=len(info.get('files', [])))) + (f"\n\n{files}" if files else ""))

        self.last_op = run_in_background(self.window, self.plans, work, done,
                                         self._on_error(_("ยกเลิกการนำเข้าไม่ได้")), label=_("กำลังยกเลิกการนำเข้า…"))

    def _selected_year(self) -> int | None:
        return selected_year_of(self.window)

    def export_plan_package(self, out: Path | None = None) -> None:
        """Write the signed plan package of the selected year for the offices."""
        year = self._selected_year()
        if out is None:
            try:
                name = _packages(self.progress).default_name(year)
            except TratError as exc:
                self._warn(_("ส่งออกแพ็กเกจแผนไม่ได้"), exc.message)
                return
            chosen, _filter = file_dialogs.getSaveFileName(self.window, _("บันทึกแพ็กเกจแผน"),
                                                    str(Path(self._start_dir()) / name), _(PLAN_FILES))
            if not chosen:
                return
            out = Path(chosen)
        self._remember_dir(out)
        target = Path(out)

        def work(plans: PlanService) -> tuple[Path, str]:
            exchange = _exchange_service(ProgressService(plans))
            return _packages(ProgressService(plans)).export_plan(target, year), exchange.fingerprint()

        def done(result: tuple[Path, str]) -> None:
            path, fingerprint = result
            self._inform(_("ส่งออกแพ็กเกจแผนแล้ว"),
                         _("บันทึกแพ็กเกจแผนแล้ว\n\n{path}\n\nส่งไฟล์นี้ให้หน่วยงาน เมื่อหน่วยงานนำเข้าครั้งแรก "
                           "จะเห็นลายนิ้วมือกุญแจ {fingerprint} ให้ยืนยันกับหน่วยงานทางโทรศัพท์").format(
                             path=path, fingerprint=fingerprint))

        self.last_op = run_in_background(self.window, self.plans, work, done,
                                         self._on_error(_("ส่งออกแพ็กเกจแผนไม่ได้")), label=_("กำลังส่งออกแพ็กเกจแผน…"))

    # -- settings ----------------------------------------------------------------------------
    def show_keys(self) -> Any:
        from .keys_dialog import KeysDialog

        self.keys_dialog = KeysDialog(self.exchange, self.progress, self.window)
        self.keys_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.keys_dialog.open()
        return self.keys_dialog

    def backup_now(self, dest: Path | None = None) -> None:
        """Back up the database and its evidence files to one file the user chooses (in the background)."""
        if dest is None:
            now = dt.datetime.now()
            name = f"trat-backup-{now.year + 543}{now:%m%d-%H%M}.zip"
            chosen, _filter = file_dialogs.getSaveFileName(self.window, _("สำรองข้อมูลไปที่"),
                                                    str(Path(self._start_dir()) / name), _(BACKUP_FILES))
            if not chosen:
                return
            dest = Path(chosen)
        self._remember_dir(dest)
        target = Path(dest)
        if target.resolve() == Path(self.plans.path or "").resolve():
            self._warn(_("สำรองข้อมูลไม่ได้"), _("เลือกไฟล์อื่น ไม่ใช่ไฟล์ฐานข้อมูลที่ใช้อยู่"))
            return

        def work(plans: PlanService) -> Path:
            from ..services.backup import backup_now

            return backup_now(plans, dest=target)

        def done(path: Path) -> None:
            size = path.stat().st_size / (1024 * 1024) if path.is_file() else 0
            self._inform(_("สำรองข้อมูลแล้ว"), display.show_digits(_("สำรองข้อมูลแล้ว ({size:,.1f} MB)").format(
                size=size)) + f"\n\n{path}")

        self.last_op = run_in_background(self.window, self.plans, work, done,
                                         self._on_error(_("สำรองข้อมูลไม่ได้")), label=_("กำลังสำรองข้อมูล…"))

    # -- drag and drop -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window and kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, (QDragEnterEvent, QDropEvent))
            paths = dropped_paths(event)
            if not paths or not can(self.identity(), "import_office_files"):
                return False
            event.acceptProposedAction()
            if kind == QEvent.Type.Drop:
                self.import_files(paths)
            return True
        return super().eventFilter(watched, event)
