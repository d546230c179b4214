"""The figures in the GUI: the coordinator's thresholds dialog, the consolidated view's band (one rule with
on-target), its rule tooltip and its detail pane with the narratives, and the entry grid's flag for a
quarter marked ยังไม่เริ่ม that has a result."""

from __future__ import annotations

import datetime as dt

from coordinator_support import EDU, EDU_SHORT, office, thai_digits  # noqa: F401
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from trat_desktop.domain.figures import Thresholds
from trat_desktop.domain.identity import Identity
from trat_desktop.gui.consolidated_view import ConsolidatedPage
from trat_desktop.gui.entry_model import WorkEntryModel
from trat_desktop.gui.figures_actions import ThresholdsDialog
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.gui.overview_models import COL_ACHIEVED, COL_OFFICE, COL_ON_TARGET
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.figures import FiguresService


def _report(service: PlanService) -> None:
    education = office(service, EDU_SHORT)
    item = education.find_item("1/1.5/2")  # ร้อยละ, target 80
    education.set_progress(item, 2, achieved="72", spent="20000", note="อบรมครู ๔๐ คน ณ หอประชุม",
                           problems="งบประมาณมาล่าช้า", suggestions="ขอให้โอนงบก่อนไตรมาส")
    education.set_progress(education.find_item("1/1.3/1"), 2, achieved="1", status="not_started")
    education.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))


def _line_of(page: ConsolidatedPage, code: str, agency: str) -> int:
    for n in range(page.proxy.rowCount()):
        line = page.model.line(page.proxy.mapToSource(page.proxy.index(n, 0)).row())
        if line.row.id == code and line.office is not None and line.office.agency_name == agency:
            return n
    raise AssertionError(code)


def test_the_consolidated_view_bands_with_the_rule_and_shows_the_narratives(qtbot, service: PlanService) -> None:
    _report(service)
    page = ConsolidatedPage(service, background=False, quarter=2)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    n = _line_of(page, "1/1.5/2", EDU)
    # 72 of 80 = 90 %: ใกล้เคียง at the default 100 / 80
    assert page.proxy.index(n, COL_ON_TARGET).data() == "ใกล้เคียง (๙๐%)"
    tip = page.proxy.index(n, COL_ON_TARGET).data(Qt.ItemDataRole.ToolTipRole)
    assert "ร้อยละความสำเร็จ ๙๐" in tip and "ผลสะสม ÷ เป้าหมาย" in tip and "ใกล้เคียง: ร้อยละ ๘๐ ขึ้นไป" in tip
    assert "ร้อยละการเบิกจ่าย" in page.proxy.index(n, COL_ACHIEVED).data(Qt.ItemDataRole.ToolTipRole)
    office_tip = page.proxy.index(n, COL_OFFICE).data(Qt.ItemDataRole.ToolTipRole)
    assert "อบรมครู" in office_tip and "งบประมาณมาล่าช้า" in office_tip and "ขอให้โอนงบ" in office_tip
    page.view.setCurrentIndex(page.proxy.index(n, 2))
    detail = page.detail.toPlainText()
    assert "ผลการดำเนินงาน: อบรมครู ๔๐ คน" in detail and "ปัญหาอุปสรรค: งบประมาณมาล่าช้า" in detail
    assert "ข้อเสนอแนะ/แนวทางแก้ไข: ขอให้โอนงบก่อนไตรมาส" in detail and "ใกล้เคียง" in detail
    # a status that contradicts the result is flagged where the coordinator looks
    clash = _line_of(page, "1/1.3/1", EDU)
    assert "ยังไม่เริ่ม" in page.proxy.index(clash, COL_ON_TARGET).data(Qt.ItemDataRole.ToolTipRole)
    assert page.proxy.index(clash, COL_ON_TARGET).data(Qt.ItemDataRole.BackgroundRole) is not None
    # the coordinator lowers "achieved" to 90 %: the band and on-target move together
    FiguresService(ProgressService(service)).set_thresholds(90, 60)
    page.reload()
    n = _line_of(page, "1/1.5/2", EDU)
    assert page.proxy.index(n, COL_ON_TARGET).data() == "บรรลุ (๙๐%)"
    assert page.model.line(page.proxy.mapToSource(page.proxy.index(n, 0)).row()).on_target is True


def test_the_entry_grid_flags_not_started_with_a_result(qtbot, service: PlanService) -> None:
    education = office(service, EDU_SHORT)
    item = education.find_item("1/1.3/1")
    education.set_progress(item, 2, achieved="1", status="not_started")
    grid = WorkEntryModel()
    grid.set_items(education.work_items())
    row = grid.row_of(item, 2)
    status = grid.index(row, WorkEntryModel.COL_STATUS)
    assert "ยังไม่เริ่ม" in status.data(Qt.ItemDataRole.ToolTipRole) and "โปรดปรับสถานะ" in status.data(
        Qt.ItemDataRole.ToolTipRole)
    flagged = status.data(Qt.ItemDataRole.BackgroundRole)
    education.set_progress(education.find_item("1/1.3/1"), 2, status="in_progress")
    grid.set_items(education.work_items())
    calm = grid.index(grid.row_of(item, 2), WorkEntryModel.COL_STATUS)
    assert flagged is not None and calm.data(Qt.ItemDataRole.BackgroundRole) != flagged
    assert "โปรดปรับสถานะ" not in (calm.data(Qt.ItemDataRole.ToolTipRole) or "")


def test_the_thresholds_dialog_checks_and_saves_for_the_coordinator_only(qtbot, service: PlanService,
                                                                         tmp_path) -> None:
    dialog = ThresholdsDialog(None, Thresholds())
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.achieved.setValue(90)
    dialog.near.setValue(95)
    assert not ok.isEnabled() and "ไม่มากกว่า" in dialog.rule.text()
    dialog.near.setValue(70)
    assert ok.isEnabled() and "ใกล้เคียง: ร้อยละ ๗๐ ขึ้นไป" in dialog.rule.text()

    progress = ProgressService(service)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings, today=lambda: dt.date(2026, 4, 12))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.figures_actions is not None)
    actions = window.figures_actions
    actions.update_roles()
    assert actions.action.isVisible()
    actions.edit(values=(95, 75))
    assert FiguresService(progress).thresholds() == Thresholds(95, 75)
    assert "บันทึกเกณฑ์แล้ว" in actions.last_message
    progress.set_identity(Identity(role="office", office_name=EDU, reporter_name="ผู้รายงาน"))
    actions.update_roles()
    assert not actions.action.isVisible()
