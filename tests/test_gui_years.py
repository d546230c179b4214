"""The window's fiscal-year selector: an office that received next year's plan still enters and
exports the previous year; the coordinator's pages follow the selector."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, installation
from gui_office_support import thai_digits, type_into_cell  # noqa: F401 - fixture
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from trat_desktop.gui import file_dialogs

from trat_desktop.exchange import archive
from trat_desktop.gui import ops
from trat_desktop.gui.entry_model import WorkEntryModel as M
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.services import ProgressService
from trat_desktop.services.exchange import ExchangeService
from trat_desktop.services.plan_edit import PlanEditService
from trat_desktop.services.plan_package import PlanPackageService

#: 2 December 2026: fiscal year 2570, quarter 1; FY2569's quarter 4 was due on 15 October.
TODAY = dt.date(2026, 12, 2)


def _clock() -> dt.datetime:
    return dt.datetime.combine(TODAY, dt.time(9, 30)).astimezone()


@pytest.fixture
def world(tmp_path: Path):
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    PlanEditService(coordinator.progress).copy_year(2569, 2570)
    office = installation(tmp_path / "o.sqlite3", "office", EDUCATION)
    package = PlanPackageService(coordinator).export_plan(tmp_path / "plan-2570.trat", 2570)
    PlanPackageService(office).import_plan(package, trust_new=True)
    yield coordinator, office, tmp_path
    coordinator.plans.close()
    office.plans.close()


def _window(qtbot, exchange: ExchangeService, tmp: Path, name: str) -> MainWindow:
    progress = ProgressService(exchange.plans, clock=_clock)
    window = MainWindow(exchange.plans, progress=progress, today=lambda: TODAY,
                        settings=QSettings(str(tmp / f"{name}.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    return window


def _cell(window: MainWindow, item_id: str, quarter: int, column: int):
    page = window.office_page
    item = next(i for i in page.model.items() if i.id == item_id)
    return page.model.index_of(item, quarter, column)


def test_office_switches_to_the_previous_year_enters_and_exports(qtbot, monkeypatch, world) -> None:
    coordinator, office, tmp = world
    window = _window(qtbot, office, tmp, "office")
    page = window.office_page
    combo = window.form.yearCombo
    assert window.form.pageTabs.cornerWidget() is window.year_selector and combo.isVisible()
    assert [combo.itemData(i) for i in range(combo.count())] == [2569, 2570]
    assert window.selected_year() == 2570 and page.plan.fiscal_year == 2570  # the year being reported
    assert {i.fiscal_year for i in page.model.items()} == {2570}
    assert window.select_year(2569)
    qtbot.waitUntil(lambda: page.plan is not None and page.plan.fiscal_year == 2569)
    assert {i.fiscal_year for i in page.model.items()} == {2569}
    assert "ปีงบประมาณนี้สิ้นสุดแล้ว" in page.form.todayLabel.text()
    assert page.model.line(page.table.currentIndex().row()).quarter == 4  # the past year's last round
    assert window.plan.fiscal_year == 2569  # the plan page follows too
    type_into_cell(qtbot, page.table, _cell(window, "1/1.5/2", 4, M.COL_ACHIEVED), "๙๕")
    old = office.progress.find_item("1/1.5/2", fiscal_year=2569)
    assert old.entries[4].achieved == 95
    assert 4 not in office.progress.find_item("1/1.5/2", fiscal_year=2570).entries

    out = tmp / "usb"
    out.mkdir()
    monkeypatch.setattr(file_dialogs, "getExistingDirectory", lambda *a, **k: str(out))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    window.exchange_actions.export_office_action.trigger()
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=15000)
    [exported] = list(out.glob("*.trat"))
    with zipfile.ZipFile(exported) as z:
        assert json.loads(z.read(archive.MANIFEST))["fiscal_year"] == 2569
        records = [json.loads(line) for line in z.read("progress.jsonl").splitlines()]
    assert [(r["indicator_uid"], r["quarter"], r["achieved"]) for r in records] == [(old.indicator_uid, 4, 95)]
    assert coordinator.import_files([exported], trust_new=True).files[0].status == "imported"

    # back to the current year: the grid shows FY2570's rows, without the value
    assert window.select_year(2570)
    qtbot.waitUntil(lambda: page.plan.fiscal_year == 2570)
    assert all(4 not in i.entries for i in page.model.items())


def test_coordinator_pages_follow_the_window_year(qtbot, world) -> None:
    coordinator, _, tmp = world
    window = _window(qtbot, coordinator, tmp, "coordinator")
    pages = window.coordinator_pages
    assert window.selected_year() == 2570
    assert (pages.editor.year, pages.overview.year, pages.dashboard.year) == (2570, 2570, 2570)
    assert pages.overview.quarter() == 1
    window.select_year(2569)
    assert (pages.editor.year, pages.overview.year, pages.dashboard.year) == (2569, 2569, 2569)
    assert pages.overview.quarter() == 4 and pages.dashboard.quarter() == 4  # the last round of a past year
    window.form.pageTabs.setCurrentWidget(pages.overview)
    qtbot.waitUntil(lambda: pages.overview.form.yearCombo.currentData() == 2569, timeout=15000)
    window.report_actions.open_dialog("province")
    dialog = window.report_actions.dialog
    assert dialog.fiscal_year() == 2569 and dialog.quarter() == 4
    dialog.close()


def test_a_pages_own_year_choice_moves_the_window_and_the_other_pages(qtbot, world) -> None:
    coordinator, _, tmp = world
    window = _window(qtbot, coordinator, tmp, "coordinator")
    pages = window.coordinator_pages
    combo = pages.dashboard.form.yearCombo
    window.form.pageTabs.setCurrentWidget(pages.dashboard)
    qtbot.waitUntil(lambda: combo.count() == 2, timeout=15000)
    combo.setCurrentIndex(combo.findData(2569))  # as a click on the dashboard's own list
    assert window.selected_year() == 2569
    assert (pages.editor.year, pages.overview.year, window.plan.fiscal_year) == (2569, 2569, 2569)
    assert window.office_page.plan.fiscal_year == 2569


def test_copying_the_plan_to_a_new_year_opens_it_everywhere(qtbot, monkeypatch, tmp_path: Path) -> None:
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    window = _window(qtbot, coordinator, tmp_path, "coordinator")
    assert window.selected_year() == 2569  # FY2570 has no plan yet: the embedded FY2569 plan
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor = window.coordinator_pages.editor
    editor.form.copyYearButton.click()
    assert coordinator.plans.fiscal_years() == [2569, 2570]
    assert window.selected_year() == 2570 and editor.year == 2570 and window.plan.fiscal_year == 2570
    coordinator.plans.close()


def test_a_new_years_plan_arriving_is_opened_unless_the_user_chose_a_year(qtbot, tmp_path: Path) -> None:
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    PlanEditService(coordinator.progress).copy_year(2569, 2570)
    office = installation(tmp_path / "o.sqlite3", "office", EDUCATION)
    window = _window(qtbot, office, tmp_path, "office")
    assert window.selected_year() == 2569
    package = PlanPackageService(coordinator).export_plan(tmp_path / "plan-2570.trat", 2570)
    PlanPackageService(office).import_plan(package, trust_new=True)
    window.refresh_data()  # what the window does after a plan package is imported
    assert window.selected_year() == 2570 and window.office_page.plan.fiscal_year == 2570
    window.select_year(2569)
    window.refresh_data()
    assert window.selected_year() == 2569 and window.office_page.plan.fiscal_year == 2569
    coordinator.plans.close()
    office.plans.close()


def test_in_the_first_weeks_of_october_the_office_opens_on_the_year_just_ended(qtbot, world) -> None:
    _, office, tmp = world
    day = dt.date(2026, 10, 10)
    progress = ProgressService(office.plans, clock=lambda: dt.datetime.combine(day, dt.time(9)).astimezone())
    window = MainWindow(office.plans, progress=progress, today=lambda: day,
                        settings=QSettings(str(tmp / "october.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    page = window.office_page
    assert window.selected_year() == 2569 and page.plan.fiscal_year == 2569
    assert "ส่งผลไตรมาส ๔ ได้ถึง ๑๕ ตุลาคม ๒๕๖๙" in page.form.todayLabel.text()
    assert page.model.line(page.table.currentIndex().row()).quarter == 4
