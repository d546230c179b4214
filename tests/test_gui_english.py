"""The screen in English (issue 15): with ตั้งค่า › ภาษาของหน้าจอ set to English, the main window of each
role shows the converted menus and dialogs in English, while what goes to the offices stays Thai."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from gui_office_support import fresh_items, send_key
from trat_desktop import i18n
from trat_desktop.domain.identity import Identity
from trat_desktop.gui import comment_dialog, language, ops
from trat_desktop.gui.entry_model import WorkEntryModel as M
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.services import ProgressService

THAI = re.compile(r"[\u0E01-\u0E4E]")  # Thai letters (Thai digits are a display setting)


@pytest.fixture
def english(tmp_path):
    """The language setting saved as English and applied as the app does at start."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(language.LANGUAGE_KEY, "en")
    assert language.apply_saved(settings) == "en"
    yield settings
    i18n.set_language("th")


def _window(qtbot, service, identity: Identity, settings: QSettings) -> MainWindow:
    progress = ProgressService(service)
    progress.set_identity(identity)
    window = MainWindow(service, progress=progress, settings=settings, today=lambda: dt.date(2026, 4, 12))
    qtbot.addWidget(window)
    return window


def test_an_office_sees_the_round_menu_and_its_dialogs_in_english(qtbot, service, tmp_path, english) -> None:
    window = _window(qtbot, service, Identity(role="office", office_name="สนง.คลัง จ.ตราด", head_name="นางหัวหน้า"),
                     english)
    actions = window.round_actions
    actions.update_roles()
    assert actions.menu.title() == "&Rounds"
    assert actions.submit_action.text() == "Submit this round's report…"
    assert actions.comments_action.text() == "Comments from the centre…"
    assert window.exchange_actions.export_office_action.text() == "Export progress file…"
    assert actions.submit(folder=tmp_path, accept=False) is None
    dialog = actions.dialog
    assert dialog.windowTitle() == "Submit this round's report"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Sign and save the submission file"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    assert dialog.state_label.text().startswith(("Cannot submit yet", "Every indicator due has a result"))
    assert dialog.signer.text() == "นางหัวหน้า"  # the user's own data stays as typed
    dialog.reject()
    panel = window.office_page.narrative_panel
    assert not THAI.search(panel.title.text()), panel.title.text()
    assert ops.error_text(ValueError("x")).startswith("Unexpected error")


def test_the_coordinator_sees_the_pages_board_and_import_dialog_in_english(qtbot, service, tmp_path,
                                                                           english) -> None:
    window = _window(qtbot, service, Identity(role="coordinator", reporter_name="ผู้ประสาน"), english)
    tabs = window.form.pageTabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert {"Edit plan", "Results overview", "Dashboard"} <= set(titles), titles
    actions = window.round_actions
    actions.update_roles()
    assert actions.board_action.text() == "Report tracking…"

    board = actions.show_board(modal=False)
    qtbot.addWidget(board)
    assert board.windowTitle() == "Report tracking"
    headers = [board.table.horizontalHeaderItem(c).text() for c in range(board.table.columnCount())]
    assert headers[:3] == ["Office", "Status", "Timeliness"], headers
    assert board.accept_button.text() == "Accept report (&A)"
    board.close()

    bogus = tmp_path / "not-a-report.trat"
    bogus.write_bytes(b"not a signed file")
    dialog = window.exchange_actions.import_files([bogus])
    qtbot.waitUntil(lambda: dialog.preview is not None or bool(dialog.error), timeout=15000)
    assert dialog.windowTitle() == "Import office files"
    summary = dialog.form.summaryLabel.text()
    assert summary.startswith("Checked ") and "file(s) (nothing saved yet)" in summary, summary
    assert "No file can be imported" in summary and not THAI.search(summary), summary
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=15000)
    dialog.close()

    # what goes to an office stays Thai whatever the screen's language
    assert all(THAI.search(text) for text in comment_dialog.QUICK_TEXTS)


def test_an_office_s_entry_grid_in_english(qtbot, service, english) -> None:
    window = _window(qtbot, service, Identity(role="office", office_name="สำนักงานศึกษาธิการจังหวัดตราด"), english)
    model = window.office_page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Indicators", "Unit", "Target", "Period", "Budget (baht)", "Office", "Quarter", "Result",
                       "Actually spent (baht)", "Status", "Note"], headers
    header = window.office_page.table.horizontalHeader()  # the English headers fit their columns
    for column in (M.COL_SPENT, M.COL_BUDGET, M.COL_ACHIEVED, M.COL_STATUS):
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(headers[column]) + 12, column
    tips = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in range(model.columnCount())]
    assert not any(THAI.search(tip) for tip in tips), tips
    lines = model.lines()
    strategy = next(row for row, line in enumerate(lines) if line.kind == "strategy")
    assert model.text(strategy, 0).startswith("Strategy ")  # then the plan's own Thai title
    row = next(row for row, line in enumerate(lines) if line.kind == "quarter" and line.in_period())
    assert model.text(row, M.COL_QUARTER).startswith("Quarter ")
    assert model.text(row, M.COL_STATUS) == "Not started"
    assert model.data(model.index(row, M.COL_STATUS), Qt.ItemDataRole.EditRole) == "ยังไม่เริ่ม"  # the stored word
    greyed = next(row for row, line in enumerate(lines) if line.kind == "quarter" and not line.in_period())
    assert model.text(greyed, M.COL_ACHIEVED) == "Not in period"
    tip = model.data(model.index(greyed, M.COL_ACHIEVED), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Quarter ") and "so no result can be entered" in tip, tip
    # the status editor lists the statuses in English and saves the stored word
    window.show()
    table = window.office_page.table
    index = model.index(row, M.COL_STATUS)
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.indexWidget(index)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Not started", "In progress", "Done", "Cancelled"]
    combo.setCurrentIndex(2)
    send_key(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(index) is None)
    assert model.text(row, M.COL_STATUS) == "Done"
    line = model.line(row)
    assert fresh_items(service)[line.item.id].entries[line.quarter].status == "done"


def test_the_report_menu_and_chooser_in_english(qtbot, service, english) -> None:
    window = _window(qtbot, service, Identity(role="coordinator", reporter_name="ผู้ประสาน"), english)
    actions = window.report_actions
    assert actions.menu.title() == "Reports"
    assert actions.actions["province"].text() == "Provincial overview report…"
    assert actions.actions["xlsx"].text() == "Export to Excel…"
    dialog = actions.open_dialog("province")
    form = dialog.form
    assert dialog.windowTitle() == "Provincial progress report"
    buttons = [form.previewButton.text(), form.printButton.text(), form.saveButton.text(), dialog.wordButton.text(),
               form.closeButton.text()]
    assert buttons == ["Preview", "Print…", "Save as PDF…", "Save as Word…", "Close"], buttons
    periods = [form.periodCombo.itemText(i) for i in range(form.periodCombo.count())]
    # (digits follow ตั้งค่า › ใช้เลขไทย; the round names รอบ ๖ เดือน… are the domain's words, shown in English)
    assert re.fullmatch(r"Quarter [1๑] \(Oct–Dec\)", periods[0]) and periods[-1] == "Whole fiscal year", periods
    assert not THAI.search(form.descriptionLabel.text()), form.descriptionLabel.text()
    dialog.form.kindCombo.setCurrentIndex(dialog.form.kindCombo.findData("xlsx"))
    assert (dialog.windowTitle(), form.saveButton.text(), form.previewButton.text()) == (
        "Overall results (Excel file)", "Save Excel file…", "Open")
    dialog.reject()
    button = actions.tool_button("province", window)
    assert button.text() == "Print report"
    assert [a.text() for a in button.menu().actions() if a.text()] == [
        "Preview", "Print…", "Save as PDF…", "Save as Word…", "More options…"]


def _menu_texts(menu) -> list[str]:
    """The texts of *menu*'s items and of its submenus' items (separators left out)."""
    texts = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        texts.append(action.text())
        if action.menu() is not None:
            texts.extend(_menu_texts(action.menu()))
    return texts


def test_the_main_window_s_menus_and_the_office_page_header_in_english(qtbot, service, english) -> None:
    window = _window(qtbot, service, Identity(role="office", office_name="สำนักงานศึกษาธิการจังหวัดตราด",
                                              reporter_name="นายผู้รายงาน"), english)
    assert window.windowTitle() == "Trat Province ethics promotion action plan — Trat Desktop"
    menus = [action for action in window.menuBar().actions() if action.menu() is not None and action.isVisible()]
    titles = [action.text() for action in menus]
    assert {"File", "Edit", "View", "&Rounds", "Settings", "Reports", "Help"} <= set(titles), titles
    assert not [title for title in titles if THAI.search(title)], titles
    items = [text for action in menus for text in _menu_texts(action.menu())]
    assert "Undo" in items and "Redo" in items, items
    # the language menu names itself in both languages and each language in its own (ไทย)
    own_names = set(i18n.LANGUAGES.values()) | {text for text in items if text.startswith("Language (")}
    assert not [text for text in items if THAI.search(text) and text not in own_names], items
    tabs = window.form.pageTabs
    assert tabs.tabText(tabs.indexOf(window.office_page)) == "Office work"
    assert window.saved_label.text() == "Every change is saved automatically"
    assert window.form.yearCombo.toolTip() == "Choose the fiscal year to enter, view, report on and export"
    form = window.form
    assert form.fiscalYearLabel.text().startswith("Fiscal year ") and "(B.E.)" in form.fiscalYearLabel.text()
    assert re.fullmatch(r"[\d,]+ indicators  ·", form.rowCountLabel.text()), form.rowCountLabel.text()
    assert form.totalBudgetLabel.text().startswith("Total budget ") and "baht" in form.totalBudgetLabel.text()
    assert form.warningsDock.windowTitle().startswith("Warnings from the plan document (")
    assert not THAI.search(form.selectionSummaryLabel.text()), form.selectionSummaryLabel.text()

    page = window.office_page
    # the header's words are English; the office's name and the reporter's stay as they were typed
    assert page.form.titleLabel.text() == "Office work — สำนักงานศึกษาธิการจังหวัดตราด"
    header = page.form.todayLabel.text()
    assert header.startswith("Today ") and "Fiscal year " in header and "Reported by นายผู้รายงาน" in header, header
    assert "Current quarter: quarter " in header, header
    combo = page.form.quarterCombo
    assert combo.itemText(0) == "All quarters" and combo.itemText(1).startswith("Quarter ")  # digits: a setting
    assert [page.detail_tabs.tabText(i) for i in range(2)] == ["Evidence", "Progress, problems and suggestions"]
    assert page.form.countLabel.text().endswith(" indicators"), page.form.countLabel.text()


def test_the_coordinator_s_entry_page_in_english(qtbot, service, english) -> None:
    window = _window(qtbot, service, Identity(role="coordinator", reporter_name="ผู้ประสาน"), english)
    page = window.office_page
    assert page.form.titleLabel.text().startswith("Office work — ")
    assert page.form.titleLabel.text().endswith(" (may enter results for any office)")
    assert page.form.agencyCombo.itemText(0) == "All offices"


def test_the_domain_s_words_on_an_english_screen_while_reports_stay_thai(qtbot, service, english) -> None:
    from trat_desktop.domain.rounds import default_round
    from trat_desktop.gui import display
    from trat_desktop.services import reports

    window = _window(qtbot, service, Identity(role="coordinator", reporter_name="ผู้ประสาน"), english)
    dialog = window.report_actions.open_dialog("province")
    periods = [dialog.form.periodCombo.itemText(i) for i in range(dialog.form.periodCombo.count())]
    assert any(re.fullmatch(r"[6๖]-month round \(.+\)", p) for p in periods), periods
    assert not [p for p in periods if THAI.search(p)], periods
    dialog.reject()
    # the entry grid's period column, the coordinator's board (review, timeliness), dates and times
    model = window.office_page.model
    lines = model.lines()
    shown = {model.text(r, M.COL_PERIOD) for r, line in enumerate(lines) if line.kind == "quarter"} - {"", None}
    assert shown and all(re.fullmatch(r"Quarters? [\d๐-๙–]+", text) for text in shown), shown
    board = window.round_actions.show_board(modal=False)
    qtbot.addWidget(board)
    cells = [board.table.item(r, c).text() for r in range(board.table.rowCount()) for c in (1, 2)]
    assert cells and not [c for c in cells if THAI.search(c)], cells[:6]
    assert set(cells[::2]) <= {"Not received", "Received", "Checked", "Returned for changes", "Accepted",
                               "Unlocked for editing"}, set(cells[::2])
    rounds = [board.round_combo.itemText(i) for i in range(board.round_combo.count())]
    assert rounds[0].startswith("Quarter ") and "BE" in rounds[0] and not THAI.search(" ".join(rounds)), rounds
    board.close()
    day = dt.date(2026, 12, 3)
    assert display.date_text(day) in ("3 December 2569 BE", "๓ December ๒๕๖๙ BE")
    assert display.short_date_text(day).replace("๓", "3").replace("๒๕๖๙", "2569") == "3 Dec 2569 BE"
    assert display.time_text(dt.time(10, 35)).replace("๑๐:๓๕", "10:35") == "10:35"
    assert display.band_text("near") == "Near" and display.review_text("accepted") == "Accepted"
    assert default_round(2569, "h1").name == "รอบ ๖ เดือน" and display.round_name("h1") in ("6-month round", "๖-month round")
    # what a report prints is built from Thai data rows whatever the screen's language
    _, title = reports.round_period(ProgressService(service), 2569, "h1", "province")
    assert title.startswith("รอบ ๖ เดือน (") and "มีนาคม" in title, title


def test_the_plans_warnings_stored_in_thai_show_in_english(qtbot, service, english) -> None:
    """The seeded plan's warnings were stored in Thai; the English screen makes them again in English (and
    the Thai plan words quoted in them stay as the document wrote them)."""
    window = _window(qtbot, service, Identity(role="coordinator", reporter_name="ผู้ประสาน"), english)
    qtbot.waitUntil(lambda: window.form.warningsTable.rowCount() > 0)
    table = window.form.warningsTable
    messages = [table.item(row, 1).text() for row in range(table.rowCount())]
    assert any(m.startswith("The document names fiscal year") for m in messages), messages
    assert not any(m.startswith("เอกสารระบุปีงบประมาณ") for m in messages), messages
    assert window.form.warningsDock.windowTitle().startswith("Warnings")


def test_digits_follow_the_screen_language_until_chosen(tmp_path, english) -> None:
    """Never chosen: an English screen shows 123 (๑๒๓ means nothing to who reads no Thai), a Thai one ๑๒๓;
    a choice made in ตั้งค่า › ใช้เลขไทย is kept whatever the language."""
    from trat_desktop.gui import display
    from trat_desktop.gui.main_window import THAI_DIGITS_KEY, load_digit_setting

    try:
        assert load_digit_setting(english) is False
        assert display.show_digits("2569") == "2569"
        english.setValue(THAI_DIGITS_KEY, True)
        assert load_digit_setting(english) is True and display.show_digits("2569") == "๒๕๖๙"
        i18n.set_language("th")
        fresh = QSettings(str(tmp_path / "thai.ini"), QSettings.Format.IniFormat)
        assert load_digit_setting(fresh) is True
        fresh.setValue(THAI_DIGITS_KEY, False)
        assert load_digit_setting(fresh) is False
    finally:
        display.set_thai_digits(True)
