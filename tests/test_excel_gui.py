"""ส่งออก Excel… offers the reporting rounds beside the quarters and the whole year (issue 12: round reports
for any round); the chosen round reaches the workbook and its file name."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from test_gui_reports import Boxes, SaveDialog, Viewer, boxes, choose, open_window, wait_ops  # noqa: F401
from trat_desktop.gui import file_dialogs
from trat_desktop.gui.report_dialog import ReportRequest
from trat_desktop.gui.report_actions import default_file_name
from trat_desktop.services import PlanService


def test_the_excel_chooser_offers_the_rounds(qtbot, monkeypatch, service: PlanService, tmp_path: Path,
                                             boxes: Boxes) -> None:  # noqa: F811
    _window, actions = open_window(qtbot, service, "coordinator", tmp_path, Viewer())
    dialog = choose(actions, "xlsx")
    combo = dialog.form.periodCombo
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[4:] == ["รอบ ๖ เดือน (ต.ค.–มี.ค.)", "รอบ ๑๒ เดือน (ต.ค.–ก.ย.)", "ทั้งปีงบประมาณ"]
    assert dialog.set_period("h1") and dialog.round_id() == "h1" and dialog.quarter() is None
    assert dialog.request().round_id == "h1"
    out = tmp_path / "h1.xlsx"
    saver = SaveDialog(out)
    monkeypatch.setattr(file_dialogs, "getSaveFileName", saver)
    dialog.form.saveButton.click()
    wait_ops(qtbot)
    assert Path(saver.proposed[0]).name == "ผลการดำเนินงานภาพรวม_รอบ6เดือน-2569_2569-02-10.xlsx"
    book = load_workbook(out)
    assert book["สรุป"]["A2"].value.startswith("รอบ 6 เดือน (1 ตุลาคม 2568 – 31 มีนาคม 2569)")
    assert "ผลไตรมาส 3" not in [c.value for c in book["ยุทธศาสตร์ 1"][1]]  # cut at the round's end
    assert "สรุปผลสัมฤทธิ์" in book.sheetnames
    # a quarter stays a quarter; the provincial PDF report offers the rounds too (issue 12: round reports)
    assert dialog.set_period(2) and dialog.round_id() == "" and dialog.quarter() == 2
    dialog.form.kindCombo.setCurrentIndex(dialog.form.kindCombo.findData("province"))
    assert dialog.form.periodCombo.findData("h1") >= 0 and dialog.form.periodCombo.findData("y") >= 0


def test_a_rounds_file_name() -> None:
    import datetime as dt

    request = ReportRequest("xlsx", 2569, None, round_id="y")
    assert default_file_name(request, 2569, "", dt.date(2026, 11, 25)) == \
        "ผลการดำเนินงานภาพรวม_รอบ12เดือน-2569_2569-11-25.xlsx"
