"""Values outside the plan in the GUI (pytest-qt, offscreen): the plan editor asks before an edit leaves
recorded values outside the plan, the office's grid keeps them open to clear or correct and marks them,
the consolidated view marks them, and the conflicts dialog accepts or drops values held aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coordinator_support import EDU_SHORT, coordinator, report_some, thai_digits  # noqa: F401
from exchange_helpers import EDUCATION, installation
from trat_desktop.domain.plan_fit import OUTSIDE_PLAN_TEXT
from trat_desktop.gui.conflicts_dialog import ACCEPT_TEXT, DROP_TEXT, ConflictsDialog
from trat_desktop.gui.entry_model import WorkEntryModel
from trat_desktop.gui.overview_models import build_lines
from trat_desktop.gui.plan_editor import PlanEditorPage
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.overview import OverviewService
from trat_desktop.services.plan_edit import PlanEditService


def answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_the_editor_names_the_affected_office_and_value_and_asks(qtbot, monkeypatch, service: PlanService,
                                                                coordinator: ProgressService) -> None:
    report_some(service)  # education: 1/1.5/2 quarter 2 = 85
    uid = coordinator.find_item("1/1.5/2", agency=EDU_SHORT).indicator_uid
    page = PlanEditorPage(service, coordinator)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    assert page.show_part(uid)
    model = page.table_model
    row = page.current_row()
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    quarter_from = model.index(row, model.column_of("quarter_from"))
    assert not model.setData(quarter_from, 3)  # what the quarter combo box commits
    assert len(asked) == 1 and EDUCATION in asked[0] and "ไตรมาส 2" in asked[0] and OUTSIDE_PLAN_TEXT in asked[0]
    assert next(r for r in service.load_plan().rows() if r.uid == uid).quarter_from == 2  # declined
    assert page.undo_stack.count() == 0
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert model.setData(model.index(row, model.column_of("quarter_from")), 3)
    assert len(asked) == 1
    assert next(r for r in service.load_plan().rows() if r.uid == uid).quarter_from == 3
    assert service.db.execute("SELECT achieved FROM progress WHERE indicator_uid = ? AND quarter = 2",
                              [uid]).fetchone()[0] == 85  # kept
    page.undo_stack.undo()  # undo repeats the confirmed edit backwards without asking again
    assert next(r for r in service.load_plan().rows() if r.uid == uid).quarter_from == 2 and len(asked) == 1


def test_new_activity_gets_the_next_free_code_from_the_rules(qtbot, service: PlanService,
                                                            coordinator: ProgressService) -> None:
    page = PlanEditorPage(service, coordinator)
    qtbot.addWidget(page)
    tactic = service.load_plan().strategies[0].tactics[0]
    assert page.show_part(tactic.activities[0].uid)
    uid = page.add_part()
    assert uid is not None
    added = next(a for a in service.load_plan().strategies[0].tactics[0].activities if a.uid == uid)
    assert added.code == "1.7"


def test_the_office_grid_keeps_a_value_outside_the_period_open_and_marked(qtbot, service: PlanService,
                                                                         coordinator: ProgressService) -> None:
    report_some(service)
    uid = coordinator.find_item("1/1.5/2", agency=EDU_SHORT).indicator_uid
    PlanEditService(coordinator).update("indicator", uid, confirm=True, quarter_from=3)
    from coordinator_support import office

    education = office(service, EDU_SHORT)
    model = WorkEntryModel()
    model.set_items(education.work_items())
    item = next(i for i in model.items() if i.indicator_uid == uid)
    row2 = model.row_of(item, 2)
    achieved = model.index(row2, model.COL_ACHIEVED)
    assert OUTSIDE_PLAN_TEXT in achieved.data() and model.is_editable(row2, model.COL_ACHIEVED)
    assert OUTSIDE_PLAN_TEXT in model.index(row2, model.COL_QUARTER).data(Qt.ItemDataRole.ToolTipRole)
    row1 = model.row_of(item, 1)
    assert not model.is_editable(row1, model.COL_ACHIEVED) and model.index(row1, model.COL_ACHIEVED).data() == "นอกระยะเวลา"

    def commit(work_item, quarter, field, value):
        education.set_progress(work_item, quarter, **{"achieved" if field == "achieved" else field: value})
        return True

    model.committer = commit
    assert model.setData(achieved, "")  # the office clears the kept value (result and spending)
    assert OUTSIDE_PLAN_TEXT in model.index(row2, model.COL_ACHIEVED).data()  # the spending is still kept
    assert model.setData(model.index(row2, model.COL_SPENT), "")
    assert item.entries[2].is_blank()
    assert OUTSIDE_PLAN_TEXT not in model.index(row2, model.COL_ACHIEVED).data()


def test_the_consolidated_view_marks_kept_values_of_a_reassigned_office(service: PlanService,
                                                                       coordinator: ProgressService) -> None:
    report_some(service)
    uid = coordinator.find_item("1/1.5/2", agency=EDU_SHORT).indicator_uid
    finance = next(a.uid for a in service.agencies() if a.name == "สำนักงานคลังจังหวัดตราด")
    PlanEditService(coordinator).set_agencies(uid, [finance], confirm=True)
    rows = [r for r in OverviewService(service).rows() if r.indicator_uid == uid]
    [line] = build_lines(rows, 2, per_office=False, short_names={})
    assert any(OUTSIDE_PLAN_TEXT in text for text in line.texts)


def test_the_conflicts_dialog_accepts_and_drops_values_held_aside(qtbot, tmp_path: Path) -> None:
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    office = installation(tmp_path / "o.sqlite3", "office", EDUCATION)
    item = office.progress.find_item("1/1.5/2")
    office.progress.set_progress(item, 3, achieved="40")
    office.progress.set_progress(item, 4, achieved="50")
    PlanEditService(coordinator.progress).update("indicator", item.indicator_uid, quarter_to=2)
    path, _ = office.export_office(tmp_path / "o.trat")
    assert coordinator.import_files([path], trust_new=True).files[0].held == 2
    dialog = ConflictsDialog(coordinator, coordinator.progress)
    qtbot.addWidget(dialog)
    table = dialog.form.conflictsTable
    assert table.rowCount() == 2 and OUTSIDE_PLAN_TEXT in table.item(0, 4).text()
    assert dialog.form.takeTheirsButton.text() == ACCEPT_TEXT and dialog.form.keepMineButton.text() == DROP_TEXT
    assert OUTSIDE_PLAN_TEXT in dialog.form.compareTitleLabel.text()
    qtbot.mouseClick(dialog.form.takeTheirsButton, Qt.MouseButton.LeftButton)  # accept quarter 3
    qtbot.mouseClick(dialog.form.keepMineButton, Qt.MouseButton.LeftButton)  # drop quarter 4
    assert table.rowCount() == 0 and coordinator.held_values() == []
    stored = {q: coordinator.progress.current_entry(
        coordinator.progress.find_item("1/1.5/2", agency=EDUCATION), q).achieved for q in (3, 4)}
    assert stored == {3: 40, 4: None}


def test_the_office_window_corrects_a_kept_value_by_typing(qtbot, tmp_path: Path) -> None:
    """The real window: the office types over a value the plan moved out of the period; it saves."""
    from PySide6.QtCore import QSettings

    from gui_office_support import TODAY, fixed_now, type_into_cell
    from trat_desktop.domain.identity import Identity
    from trat_desktop.gui.main_window import MainWindow

    service = PlanService.open(tmp_path / "o.sqlite3")
    progress = ProgressService(service)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    uid = progress.find_item("1/1.5/2", agency=EDUCATION).indicator_uid
    progress.set_identity(Identity(role="office", office_name=EDUCATION, reporter_name="ผู้รายงาน"))
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="85")
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    PlanEditService(progress).update("indicator", uid, confirm=True, quarter_from=3)  # as a plan package would
    progress.set_identity(Identity(role="office", office_name=EDUCATION, reporter_name="ผู้รายงาน"))
    window = MainWindow(service, progress=progress, settings=QSettings(str(tmp_path / "s.ini"),
                                                                       QSettings.Format.IniFormat),
                        today=lambda: TODAY, now=fixed_now)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    model = window.office_page.model
    item = next(i for i in model.items() if i.indicator_uid == uid)
    index = model.index(model.row_of(item, 2), WorkEntryModel.COL_ACHIEVED)
    assert OUTSIDE_PLAN_TEXT in index.data()
    type_into_cell(qtbot, window.office_page.table, index, "90")
    assert progress.current_entry(progress.find_item("1/1.5/2"), 2).achieved == 90
    assert not window.office_page.form.errorLabel.isVisible()
    service.close()


def test_the_conflicts_dialog_names_the_row_of_a_value_held_for_a_reassigned_office(qtbot, tmp_path: Path) -> None:
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    office = installation(tmp_path / "o.sqlite3", "office", EDUCATION)
    item = office.progress.find_item("1/1.5/2")
    office.progress.set_progress(item, 2, achieved="40")
    finance = next(a.uid for a in coordinator.plans.agencies() if a.name == "สำนักงานคลังจังหวัดตราด")
    PlanEditService(coordinator.progress).set_agencies(item.indicator_uid, [finance])
    path, _ = office.export_office(tmp_path / "o.trat")
    assert coordinator.import_files([path], trust_new=True).files[0].held == 1
    dialog = ConflictsDialog(coordinator, coordinator.progress)
    qtbot.addWidget(dialog)
    first = dialog.form.conflictsTable.item(0, 0).text()
    assert "ถูกนำออก" not in first and first.startswith("๑/๑.๕/๒") and item.indicator[:10] in first
    assert dialog.form.conflictsTable.item(0, 1).text() == EDUCATION
