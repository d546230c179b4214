"""รายงาน › ใบตอบรับของหน่วยงาน… (issue 11: the printable receipt for the paper file; issue 13: also as Word):
the coordinator picks the office, a file name, and gets the receipt as PDF or .docx; an office is not offered it."""

from __future__ import annotations

from pathlib import Path

import docx

from trat_desktop.gui import file_dialogs
from trat_desktop.services import PlanService

from test_gui_reports import Boxes, SaveDialog, boxes, open_window, pdftext, wait_ops  # noqa: F401

OFFICE = "สำนักงานจังหวัดตราด"


def _menu_texts(window) -> list[str]:
    menu = window.report_actions.menu
    menu.aboutToShow.emit()
    return [a.text() for a in menu.actions() if a.isVisible()]


def test_only_the_coordinator_is_offered_the_receipt(qtbot, service: PlanService, tmp_path: Path) -> None:
    window, _actions = open_window(qtbot, service, "coordinator", tmp_path / "c")
    assert "ใบตอบรับของหน่วยงาน…" in _menu_texts(window)


def test_an_office_has_no_receipt_item(qtbot, service: PlanService, tmp_path: Path) -> None:
    window, _actions = open_window(qtbot, service, "office", tmp_path / "o")
    assert "ใบตอบรับของหน่วยงาน…" not in _menu_texts(window)


def test_the_receipt_saved_as_pdf_and_as_word(qtbot, monkeypatch, service: PlanService, tmp_path: Path,
                                              boxes: Boxes) -> None:  # noqa: F811
    window, _actions = open_window(qtbot, service, "coordinator", tmp_path)
    actions = window.receipt_actions
    dialog = actions.open_dialog()
    assert OFFICE in [dialog.office_combo.itemText(i) for i in range(dialog.office_combo.count())]
    dialog.office_combo.setCurrentText(OFFICE)
    out = tmp_path / "receipt.pdf"
    saver = SaveDialog(out)
    monkeypatch.setattr(file_dialogs, "getSaveFileName", saver)
    dialog.accept()
    wait_ops(qtbot)
    assert Path(saver.proposed[0]).name == f"ใบตอบรับ_{OFFICE}_2569.pdf" and "*.docx" in saver.filters[0]
    text = pdftext(out)
    assert "ใบตอบรับ" in text and OFFICE in text, text[:300]
    assert actions.last_path == out and boxes.shown[-1][0] == "information"

    word = tmp_path / "receipt.docx"
    actions.save(OFFICE, word)
    wait_ops(qtbot)
    words = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    assert "ใบตอบรับ" in words and actions.last_path == word


def test_a_receipt_that_cannot_be_made_is_told_in_thai(qtbot, service: PlanService, tmp_path: Path,
                                                       boxes: Boxes) -> None:  # noqa: F811
    window, _actions = open_window(qtbot, service, "coordinator", tmp_path)
    window.receipt_actions.save("ไม่มีหน่วยงานนี้", tmp_path / "x.pdf")
    wait_ops(qtbot)
    kind, title, text = boxes.shown[-1]
    assert kind == "warning" and title == "จัดทำใบตอบรับไม่ได้" and "Traceback" not in text
    assert not (tmp_path / "x.pdf").exists()
