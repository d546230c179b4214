"""The narratives tab of the entry page: what the office writes there is saved for the selected quarter, and
never overwrites what the grid saved meanwhile (its note)."""

from __future__ import annotations

from gui_office_support import fresh_items, progress, settings, thai_digits, type_into_cell, window  # noqa: F401

from trat_desktop.gui.entry_model import WorkEntryModel as M


def cell(window, item_id: str, quarter: int, column: int):
    page = window.office_page
    item = next(i for i in page.model.items() if i.id == item_id)
    return page.model.index_of(item, quarter, column)


def test_narratives_are_saved_for_the_selected_quarter(qtbot, window, service) -> None:
    page = window.office_page
    table = page.table
    table.setCurrentIndex(cell(window, "1/1.2/1", 3, M.COL_ACHIEVED))
    panel = page.narrative_panel
    assert panel.title.text().endswith("ไตรมาส ๓") and panel.boxes["problems"].isEnabled()
    panel.boxes["note"].setPlainText("อบรมบุคลากร ๒ รุ่น ณ ห้องประชุมศาลากลาง ผู้เข้าร่วม ๘๐ คน")
    panel.boxes["problems"].setPlainText("งบประมาณไม่เพียงพอ")
    panel.boxes["suggestions"].setPlainText("ควรจัดออนไลน์ร่วมด้วย")
    assert panel.save()
    entry = fresh_items(service)["1/1.2/1"].entries[3]
    assert (entry.note, entry.problems, entry.suggestions) == (
        "อบรมบุคลากร ๒ รุ่น ณ ห้องประชุมศาลากลาง ผู้เข้าร่วม ๘๐ คน", "งบประมาณไม่เพียงพอ", "ควรจัดออนไลน์ร่วมด้วย")
    shown = next(i for i in page.model.items() if i.id == "1/1.2/1").entries[3]
    assert shown.problems == "งบประมาณไม่เพียงพอ"  # the grid's item holds the saved entry too


def test_a_note_typed_in_the_grid_is_not_overwritten_by_the_panel(qtbot, window, service) -> None:
    page = window.office_page
    table = page.table
    table.setCurrentIndex(cell(window, "1/1.2/1", 3, M.COL_ACHIEVED))
    type_into_cell(qtbot, table, cell(window, "1/1.2/1", 3, M.COL_NOTE), "ประชุมชี้แจง ๒ ครั้ง")
    panel = page.narrative_panel
    assert panel.quarter == 4                                             # Enter moved the grid down a line
    table.setCurrentIndex(cell(window, "1/1.2/1", 3, M.COL_NOTE))
    assert panel.boxes["note"].toPlainText() == "ประชุมชี้แจง ๒ ครั้ง"   # the panel follows the grid
    panel.boxes["problems"].setPlainText("ผู้เข้าร่วมน้อย")
    type_into_cell(qtbot, table, cell(window, "1/1.2/1", 3, M.COL_NOTE), "ประชุมชี้แจง ๓ ครั้ง")  # the grid saves meanwhile
    table.setCurrentIndex(cell(window, "1/1.2/1", 4, M.COL_ACHIEVED))      # leaving the cell saves the panel
    entry = fresh_items(service)["1/1.2/1"].entries[3]
    assert (entry.note, entry.problems) == ("ประชุมชี้แจง ๓ ครั้ง", "ผู้เข้าร่วมน้อย")


def test_a_too_long_narrative_is_refused_in_thai_and_nothing_is_saved(qtbot, window, service) -> None:
    page = window.office_page
    page.table.setCurrentIndex(cell(window, "1/1.2/1", 3, M.COL_ACHIEVED))
    panel = page.narrative_panel
    panel.boxes["problems"].setPlainText("ก" * 4001)
    assert not panel.save()
    assert "ปัญหาอุปสรรคยาวเกิน" in panel.message.text()
    assert 3 not in fresh_items(service)["1/1.2/1"].entries


def test_the_narratives_tab_is_made_when_first_shown_with_the_line_selected_before(qtbot, window, service) -> None:
    """The entry page opens on the evidence tab: the narratives' widgets are made when their tab is first
    shown (issue 16), for the line selected meanwhile, and then follow the grid and the saves as before."""
    page = window.office_page
    tabs = page.detail_tabs
    assert page._narrative_panel is None and tabs.widget(1).objectName() == "narrativePlaceholder"
    type_into_cell(qtbot, page.table, cell(window, "1/1.2/1", 2, M.COL_NOTE), "ประชุมชี้แจง")
    page.table.setCurrentIndex(cell(window, "1/1.2/1", 2, M.COL_ACHIEVED))  # (Enter moved the grid down a line)
    tabs.setCurrentIndex(1)
    panel = tabs.currentWidget()
    assert panel is page.narrative_panel and tabs.count() == 2
    assert tabs.tabText(1) == "ผลการดำเนินงาน ปัญหาอุปสรรค ข้อเสนอแนะ"
    assert panel.quarter == 2 and panel.title.text().endswith("ไตรมาส ๒")
    assert panel.boxes["note"].toPlainText() == "ประชุมชี้แจง"  # what the grid saved before it was made
    page.table.setCurrentIndex(cell(window, "1/1.2/1", 3, M.COL_ACHIEVED))
    assert panel.quarter == 3  # it follows the grid now
    panel.boxes["problems"].setPlainText("ผู้เข้าร่วมน้อย")
    assert panel.save()
    assert fresh_items(service)["1/1.2/1"].entries[3].problems == "ผู้เข้าร่วมน้อย"
