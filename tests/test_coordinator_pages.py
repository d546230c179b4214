"""The coordinator's pages on the real services (pytest-qt, offscreen): editing the plan in
place with undo, removal with progress, agencies and budgets, copying a year, the
consolidated view and the dashboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTabWidget

from coordinator_support import (  # noqa: F401
    EDU,
    EDU_SHORT,
    PAIRS,
    coordinator,
    dump,
    edit_cell,
    office,
    report_some,
    send_key,
    send_text,
    thai_digits,
)
from trat_desktop.gui.consolidated_view import ConsolidatedPage
from trat_desktop.gui.coordinator_pages import add_coordinator_pages
from trat_desktop.gui.dashboard import DashboardPage
from trat_desktop.gui.plan_editor import PlanEditorPage
from trat_desktop.services import PlanService, ProgressService


@pytest.fixture
def editor(qtbot, service: PlanService, coordinator: ProgressService) -> PlanEditorPage:
    page = PlanEditorPage(service, coordinator)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:
    """Make QMessageBox.question answer *button*; returns the questions asked."""
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def row_uid(service: PlanService, row_id: str) -> str:
    return ProgressService(service).find_item(row_id, agency=EDU_SHORT).indicator_uid


# -- editing in place ---------------------------------------------------------------------


def test_editing_a_title_in_the_view_saves_it_and_undo_restores(editor: PlanEditorPage, service: PlanService,
                                                               qtbot) -> None:
    view, model = editor.form.partsTable, editor.table_model
    old = service.load_plan().strategies[1].title
    edit_cell(qtbot, view, model.index(1, model.column_of("title")), "ยุทธศาสตร์ทดสอบ ใหม่")
    assert service.load_plan().strategies[1].title == "ยุทธศาสตร์ทดสอบ ใหม่"
    assert model.index(1, model.column_of("title")).data() == "ยุทธศาสตร์ทดสอบ ใหม่"
    assert editor.undo_stack.count() == 1 and editor.undo_stack.undoText() == "แก้ชื่อของยุทธศาสตร์"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert service.load_plan().strategies[1].title == old
    assert model.index(1, model.column_of("title")).data() == old
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert service.load_plan().strategies[1].title == "ยุทธศาสตร์ทดสอบ ใหม่"


@pytest.mark.parametrize(("entity_path", "key", "typed", "words"), [
    ("plan", "title", "", "ต้องระบุชื่อ"),
    ("activity", "target", "-5", "เป้าหมาย"),
    ("activity", "unit", "", "หน่วยนับ"),
])
def test_an_invalid_edit_is_refused_and_nothing_changes(editor: PlanEditorPage, service: PlanService, qtbot,
                                                       entity_path, key, typed, words) -> None:
    if entity_path == "activity":
        assert editor.show_part(row_uid(service, "1/1.5/2"))
    view, model = editor.form.partsTable, editor.table_model
    row = max(0, editor.current_row())
    before = dump(service)
    shown = model.index(row, model.column_of(key)).data()
    edit_cell(qtbot, view, model.index(row, model.column_of(key)), typed)
    assert dump(service) == before
    assert words in editor.message() and editor.form.messageLabel.isVisible()
    assert model.index(row, model.column_of(key)).data() == shown
    assert editor.undo_stack.count() == 0


def test_double_click_opens_children_and_digits_follow_the_switch(editor: PlanEditorPage, service: PlanService,
                                                                  qtbot) -> None:
    from trat_desktop.gui import display

    view, model = editor.form.partsTable, editor.table_model
    children = model.index(0, model.column_of("children"))
    rect = view.visualRect(children)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a press comes first
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert model.entity == "tactic" and model.parent_uid == service.load_plan().strategies[0].uid
    assert editor.form.parentTitleLabel.text().startswith("กลยุทธ์ภายใต้ ยุทธศาสตร์ที่ ๑")
    display.set_thai_digits(False)
    editor.refresh_texts()
    assert editor.form.yearCombo.currentText() == "2569"
    assert "ยุทธศาสตร์ที่ 1" in editor.form.parentTitleLabel.text()
    assert model.index(0, 0).data() == "1"


def test_quarters_are_chosen_with_a_combo(editor: PlanEditorPage, service: PlanService, qtbot) -> None:
    uid = row_uid(service, "1/1.5/2")
    editor.show_part(uid)
    view, model = editor.form.partsTable, editor.table_model
    index = model.index(editor.current_row(), model.column_of("quarter_to"))
    view.setCurrentIndex(index)
    view.edit(index)
    combo = view.indexWidget(index)
    assert combo.count() == 4 and combo.itemText(0) == "ไตรมาส ๑"
    combo.setCurrentIndex(2)
    send_key(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)
    row = next(r for r in service.load_plan().rows() if r.uid == uid)
    assert (row.quarter_from, row.quarter_to) == (2, 3)
    model.setData(model.index(editor.current_row(), model.column_of("quarter_from")), 4)  # after the end
    assert "ไตรมาสเริ่ม" in editor.message()
    assert next(r for r in service.load_plan().rows() if r.uid == uid).quarter_from == 2


def test_insert_adds_and_undo_removes(editor: PlanEditorPage, service: PlanService, qtbot) -> None:
    tactic = service.load_plan().strategies[4].tactics[1]
    editor._select_tree(tactic.uid)
    assert editor.table_model.entity == "activity"
    editor.select_part(tactic.activities[0].uid)
    editor.form.partsTable.setFocus()
    qtbot.keyClick(editor.form.partsTable, Qt.Key.Key_Insert)
    activities = service.load_plan().strategies[4].tactics[1].activities
    assert [a.code for a in activities] == ["2.1", "2.3", "2.2"] and activities[1].title == "โครงการ/กิจกรรมใหม่"
    editor.form.partsTable.closePersistentEditor(editor.form.partsTable.currentIndex())
    editor.undo_stack.undo()
    assert [a.code for a in service.load_plan().strategies[4].tactics[1].activities] == ["2.1", "2.2"]
    editor.undo_stack.redo()
    assert len(service.load_plan().strategies[4].tactics[1].activities) == 3


def test_ctrl_down_moves_and_undo_moves_back(editor: PlanEditorPage, service: PlanService, qtbot) -> None:
    numbers = [s.number for s in service.load_plan().strategies]
    editor.select_part(service.load_plan().strategies[0].uid)
    editor.form.partsTable.setFocus()
    qtbot.keyClick(editor.form.partsTable, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [s.number for s in service.load_plan().strategies] == [2, 1, 3, 4, 5]
    assert editor.current_part().number == 1 and editor.current_row() == 1
    editor.undo_stack.undo()
    assert [s.number for s in service.load_plan().strategies] == numbers


# -- removal ------------------------------------------------------------------------------


def test_removing_a_row_with_progress_asks_and_keeps_the_progress(editor: PlanEditorPage, service: PlanService,
                                                                 qtbot, monkeypatch) -> None:
    report_some(service)
    uid = row_uid(service, "1/1.5/2")
    editor.show_part(uid)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    editor.form.partsTable.setFocus()
    qtbot.keyClick(editor.form.partsTable, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "ยืนยัน" in asked[0] and "เก็บไว้และกู้คืนได้" in asked[0]
    assert len(service.load_plan().rows()) == 35  # declined: nothing removed
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert editor.remove_part()
    assert len(service.load_plan().rows()) == 34 and uid not in {r.uid for r in service.load_plan().rows()}
    assert service.db.execute("SELECT count(*) FROM progress WHERE indicator_uid = ?", [uid]).fetchone()[0] == 1
    assert "ยังเก็บไว้" in editor.message()
    editor.undo_stack.undo()
    item = ProgressService(service).find_item("1/1.5/2", agency=EDU_SHORT)
    assert item.indicator_uid == uid and item.entries[2].achieved == 85


def test_trash_lists_and_restores(editor: PlanEditorPage, service: PlanService) -> None:
    strategy = service.load_plan().strategies[2]
    editor.select_part(strategy.uid)
    assert editor.remove_part()
    assert [s.number for s in service.load_plan().strategies] == [1, 2, 4, 5]
    trash = editor.open_trash()
    assert trash.form.trashTable.rowCount() == 1
    assert trash.form.trashTable.item(0, 1).text().startswith("ยุทธศาสตร์ที่ ๓")
    assert trash.restore_current() == strategy.uid
    assert [s.number for s in service.load_plan().strategies] == [1, 2, 3, 4, 5]
    assert trash.form.trashTable.rowCount() == 0
    editor.undo_stack.undo()  # undoing the restore removes it again
    assert len(service.load_plan().strategies) == 4
    trash.close()


# -- agencies and budget lines ----------------------------------------------------------------


def test_agency_picker_changes_a_rows_agencies(editor: PlanEditorPage, service: PlanService, qtbot) -> None:
    uid = row_uid(service, "1/1.5/2")
    before = next(r for r in service.load_plan().rows() if r.uid == uid).agencies
    editor.show_part(uid)
    dialog = editor.open_agency_picker()
    assert dialog is not None and len(dialog.chosen()) == 4
    send_text(dialog.form.filterEdit, "ศุลกากร")
    assert dialog.proxy.rowCount() == 0
    dialog.form.filterEdit.clear()
    send_text(dialog.form.filterEdit, "สำนักงานจังหวัด")
    province = [uid_ for uid_ in dialog.visible_uids()]
    assert len(province) == 1
    dialog.toggle(0)
    assert "เลือกแล้ว ๕ หน่วยงาน" in dialog.form.countLabel.text()
    dialog.accept()
    after = next(r for r in service.load_plan().rows() if r.uid == uid).agencies
    assert after == [*before, "สำนักงานจังหวัดตราด"]
    assert "สนจ.ตราด" in editor.table_model.index(editor.current_row(), editor.table_model.column_of("agencies")).data()
    editor.undo_stack.undo()
    assert next(r for r in service.load_plan().rows() if r.uid == uid).agencies == before


def test_agency_picker_refuses_no_agency(editor: PlanEditorPage, service: PlanService) -> None:
    uid = row_uid(service, "1/1.5/2")
    editor.show_part(uid)
    dialog = editor.open_agency_picker()
    dialog.form.clearButton.click()
    dialog.accept()
    assert dialog.isVisible() and "อย่างน้อยหนึ่ง" in dialog.form.errorLabel.text()
    assert len(next(r for r in service.load_plan().rows() if r.uid == uid).agencies) == 4
    dialog.reject()


def test_budget_lines_editor_saves_and_undo_restores(editor: PlanEditorPage, service: PlanService) -> None:
    uid = row_uid(service, "1/1.5/2")
    editor.show_part(uid)
    dialog = editor.open_budget_editor()
    assert dialog is not None and dialog.form.linesTable.rowCount() == 4
    assert dialog.lines()[0][:2] == ("amount", "๕๐๐๐๐")
    dialog.set_line(0, amount="-3")
    dialog.accept()
    assert dialog.isVisible() and "๐ บาทขึ้นไป" in dialog.form.errorLabel.text()
    assert service.summary()["budget_by_strategy"]["1"] == 210_650
    for _ in range(3):
        dialog.form.linesTable.setCurrentCell(1, 1)
        dialog.remove_current_line()
    dialog.set_line(0, kind="none")
    dialog.add_line("amount", "๑,๕๐๐", None)
    dialog.accept()
    assert not dialog.isVisible()
    assert service.summary()["budget_by_strategy"]["1"] == 99_650 + 1_500
    editor.undo_stack.undo()
    assert service.summary()["budget_by_strategy"]["1"] == 210_650


def test_agencies_dialog_adds_renames_and_sets_aliases(editor: PlanEditorPage, service: PlanService) -> None:
    from trat_desktop.gui.agencies_dialog import AgencyFormDialog

    dialog = editor.open_agencies()
    count = dialog.proxy.rowCount()
    form = AgencyFormDialog(editor.edit_service, None, dialog)
    form.form.nameEdit.setText("สำนักงานขนส่งจังหวัดตราด")
    form.form.shortEdit.setText("สนง.ขนส่ง จ.ตราด")
    form.form.aliasesEdit.setPlainText("ขนส่งตราด\nขนส่ง จ.ตราด")
    assert form.save()
    dialog.reload(form.uid)
    assert dialog.proxy.rowCount() == count + 1
    added = next(a for a in service.agencies() if a.uid == form.uid)
    assert added.short_name == "สนง.ขนส่ง จ.ตราด" and set(added.aliases) == {"ขนส่งตราด", "ขนส่ง จ.ตราด"}
    again = AgencyFormDialog(editor.edit_service, None, dialog)
    again.form.nameEdit.setText("สำนักงานขนส่งจังหวัดตราด")
    assert not again.save() and "อยู่แล้ว" in again.form.errorLabel.text()
    rename = AgencyFormDialog(editor.edit_service, added, dialog)
    rename.form.nameEdit.setText("สำนักงานขนส่งจังหวัดตราด (ปรับปรุง)")
    assert rename.save()
    renamed = next(a for a in service.agencies() if a.uid == added.uid)
    assert renamed.name.endswith("(ปรับปรุง)") and "สำนักงานขนส่งจังหวัดตราด" in renamed.aliases
    send_text(dialog.form.filterEdit, "ขนส่ง")
    dialog.reload()
    assert dialog.proxy.rowCount() == 1
    dialog.close()


def test_copy_year_creates_2570(editor: PlanEditorPage, service: PlanService, monkeypatch) -> None:
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert editor.form.copyYearButton.text() == "คัดลอกแผนไปปีงบประมาณถัดไป"
    editor.form.copyYearButton.click()
    assert "๒๕๗๐" in asked[0]
    assert service.fiscal_years() == [2569, 2570]
    assert editor.year == 2570 and editor.form.yearCombo.currentText() == "๒๕๗๐"
    assert len(service.load_plan(2570).rows()) == 35
    editor.form.copyYearButton.click()  # 2571 from 2570
    editor.form.yearCombo.setCurrentIndex(0)
    assert editor.copy_to_next_year(ask=False) is None and "มีแผนของปีงบประมาณ พ.ศ. 2570 อยู่แล้ว" in editor.message()


def test_an_office_installation_cannot_edit(qtbot, service: PlanService) -> None:
    page = PlanEditorPage(service, office(service, EDU_SHORT))
    qtbot.addWidget(page)
    assert "แก้ไขไม่ได้" in page.message()
    before = dump(service)
    model = page.table_model
    assert not model.setData(model.index(0, model.column_of("title")), "ใหม่")
    assert "แก้ไขแผนได้เฉพาะ" in page.message()
    assert dump(service) == before


# -- consolidated view and dashboard ------------------------------------------------------------


def test_consolidated_page_filters_typed_thai(qtbot, service: PlanService) -> None:
    report_some(service)
    page = ConsolidatedPage(service, background=False, quarter=2)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.proxy.rowCount() == PAIRS and "๑๖๘" in page.form.countLabel.text()
    page.filter_box.setFocus()
    send_text(page.filter_box, "รายงานแล้ว")
    assert page.proxy.rowCount() == 2  # the education office's two rows due in quarter 2
    assert page.form.countLabel.text() == "แสดง ๒ จาก ๑๖๘ รายการ (ตัวชี้วัด × หน่วยงาน)"
    page.set_quarter(3)
    assert page.proxy.rowCount() == 1 and page.model.headerData(6, Qt.Orientation.Horizontal) == "รายงาน\nไตรมาส ๓"
    page.filter_box.clear()
    page.set_per_office(False)
    assert page.proxy.rowCount() == 35
    page.view.sortByColumn(9, Qt.SortOrder.DescendingOrder)  # budget
    assert page.proxy.index(0, 9).data() == "๙๙,๖๕๐" or page.proxy.index(0, 9).data().startswith("๑")


def test_consolidated_page_loads_in_the_background(qtbot, service: PlanService) -> None:
    page = ConsolidatedPage(service, quarter=2)
    qtbot.addWidget(page)
    assert page.loader.background
    with qtbot.waitSignal(page.loader.loaded, timeout=10_000):
        page.show()
    assert page.model.rowCount() == PAIRS
    qtbot.waitUntil(lambda: not page.form.loadingBar.isVisible())


def test_dashboard_paints_and_lists_missing_offices(qtbot, service: PlanService) -> None:
    report_some(service)
    page = DashboardPage(service, background=False, quarter=2)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    assert not page.grab().isNull()
    qtbot.waitUntil(lambda: page.on_target_chart.paint_count > 0 and page.budget_chart.paint_count > 0)
    missing = page.missing_offices()
    # the education office reported 2 of its quarter-2 rows: it still owes the others (as in the printed report)
    assert len(missing) == 25 and "สำนักงานจังหวัดตราด" in missing and EDU in missing
    assert page.form.missingList.count() == 25
    texts = [page.form.missingList.item(i).text() for i in range(25)]
    assert all(text.endswith(("· ยังไม่ส่ง", "· ยังไม่ถึงกำหนด")) for text in texts)  # each office's timeliness
    assert page.form.missingCountLabel.text().startswith("๒๕ หน่วยงาน")
    assert len(page.on_target_chart.group_rects) == 5
    assert page.board.strategies[0].on_target == 1  # as of quarter 2
    page.set_quarter(3)
    assert page.board.strategies[0].on_target == 2
    page.set_quarter(1)
    assert page.missing_offices() == [] and "ไม่มีหน่วยงานที่ค้างรายงาน" in page.form.missingCountLabel.text()


def test_pages_are_added_as_tabs_and_follow_plan_edits(qtbot, service: PlanService,
                                                     coordinator: ProgressService) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    pages = add_coordinator_pages(tabs, service, coordinator, background=False)
    assert [tabs.tabText(i) for i in range(3)] == ["แก้ไขแผน", "ภาพรวมผลการดำเนินงาน", "แดชบอร์ด"]
    editor, overview = pages[0], pages[1]
    assert editor.undo_stack is editor.controller.undo_stack
    tabs.show()
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: overview.model.rowCount() == PAIRS)
    tabs.setCurrentIndex(0)
    editor.show_part(row_uid(service, "1/1.5/2"))
    assert editor.remove_part()  # no progress: no question
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: overview.model.rowCount() == PAIRS - 4)
    overview.form.yearCombo.setCurrentIndex(0)
    assert overview.year == 2569


def test_every_page_follows_the_digits_switch(qtbot, service: PlanService, coordinator: ProgressService) -> None:
    from trat_desktop.gui import display

    report_some(service)
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    editor, overview, dashboard = add_coordinator_pages(tabs, service, coordinator, background=False)
    tabs.show()
    for index in range(3):
        tabs.setCurrentIndex(index)
    overview.set_quarter(2)
    dashboard.set_quarter(2)
    display.set_thai_digits(False)
    for page in (editor, overview, dashboard):
        page.refresh_texts()
    assert overview.form.quarterCombo.currentText() == "ไตรมาส 2"
    assert overview.form.countLabel.text() == "ทั้งหมด 168 รายการ (ตัวชี้วัด × หน่วยงาน)"
    assert dashboard.form.missingCountLabel.text().startswith("25 หน่วยงาน")
    assert "ถึงเป้าหมายแล้ว 1 จาก 168" in dashboard.form.summaryLabel.text()  # as of quarter 2
    assert dashboard.on_target_chart.groups[0].bars[0].text.startswith("1/31")
