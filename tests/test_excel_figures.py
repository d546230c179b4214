"""The Excel workbook carries what every report carries (issue 12): per row ร้อยละความสำเร็จ (capped at 100),
the band บรรลุ/ใกล้เคียง/ต่ำกว่าเป้า with the coordinator's thresholds and the narratives; a สรุปผลสัมฤทธิ์ sheet
per activity, strategy and province; any reporting round (export-xlsx --round), cut at the round's end.

The figures below are worked out by hand on tests/tiny_plan.py:

* ``1/1.1/1`` ร้อยละ, target 80, offices A and B (budget 10,000 baht for A)
  A: q2 60 (spent 3,000), q3 70 · B: q2 80
* ``1/1.1/2`` ครั้ง, target 4, office A (budget 2,500): q1 1 (spent 500), q2 2 (spent 500), q3 1
* ``1/1.2/1`` ระดับ, target 5, office B: q4 5

รอบ ๖ เดือน (h1) counts quarters 1–2 only: A's ร้อยละ row 60/80 = 75 % (ต่ำกว่าเป้า, below 80 %), A's ครั้ง row
1+2 = 3 of 4 = 75 % (ต่ำกว่าเป้า), B's ร้อยละ row 80/80 = 100 % (บรรลุ), B's ระดับ row not reported. The province:
3 of 4 items reported (75 %), 1 on target (25 %), mean ร้อยละความสำเร็จ (75 + 75 + 100 + 0) / 4 = 62.5; budget
12,500 baht, spent 4,000, remaining 8,500, disbursed 32 %.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tiny_plan import OFFICE_A, OFFICE_B, tiny_plan, tiny_service
from trat_desktop.domain.identity import Identity
from trat_desktop.reports.excel import ACHIEVEMENT_HEADERS, ACHIEVEMENT_SHEET, DETAIL_HEADERS, detail_headers
from trat_desktop.services import ProgressService
from trat_desktop.services.figures import FiguresService
from trat_desktop.services.reports import export_xlsx


class Clock:
    """25 November 2026, 09:00 in Thailand (after every quarter of FY2569)."""

    def __call__(self) -> dt.datetime:
        return dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _office(plans: Any, name: str) -> ProgressService:
    progress = ProgressService(plans, clock=Clock())
    progress.set_identity(Identity(role="office", office_name=name, reporter_name="ผู้ทดสอบ"))
    return progress


@pytest.fixture
def centre(tmp_path: Path) -> ProgressService:
    plans = tiny_service()
    a = _office(plans, OFFICE_A)
    share, count = a.find_item("1/1.1/1"), a.find_item("1/1.1/2")
    a.set_progress(share, 2, achieved="60", spent="3000", status="in_progress", result="จัดอบรมรุ่นที่ 1",
                   problems="งบประมาณโอนล่าช้า", suggestions="ควรโอนงบประมาณก่อนเริ่มไตรมาส")
    a.set_progress(share, 3, achieved="70", status="in_progress", result="จัดอบรมรุ่นที่ 2")
    a.set_progress(count, 1, achieved="1", spent="500", status="in_progress")
    a.set_progress(count, 2, achieved="2", spent="500", status="in_progress")
    a.set_progress(count, 3, achieved="1", status="done")
    b = _office(plans, OFFICE_B)
    b.set_progress(b.find_item("1/1.1/1"), 2, achieved="80", status="done", result="ผ่านการอบรมครบ")
    b.set_progress(b.find_item("1/1.2/1"), 4, achieved="5", status="done")
    progress = ProgressService(plans, clock=Clock())
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    return progress


def _detail(path: Path) -> tuple[list[str], dict[tuple[str, str], dict[str, Any]]]:
    sheet = load_workbook(path)["ยุทธศาสตร์ 1"]
    rows = list(sheet.iter_rows(values_only=True))
    headers = list(rows[0])
    return headers, {(r[0], r[6]): dict(zip(headers, r)) for r in rows[1:]}


def _achievement(path: Path) -> dict[str, dict[str, Any]]:
    sheet = load_workbook(path)[ACHIEVEMENT_SHEET]
    assert [c.value for c in sheet[4]] == ACHIEVEMENT_HEADERS
    return {r[0]: dict(zip(ACHIEVEMENT_HEADERS, r)) for r in sheet.iter_rows(min_row=5, values_only=True)}


def test_a_round_of_six_months_counts_quarters_one_and_two_only(centre: ProgressService, tmp_path: Path) -> None:
    out = tmp_path / "h1.xlsx"
    export_xlsx(centre, out, round_id="h1")
    wb = load_workbook(out)
    assert wb.sheetnames == ["สรุป", ACHIEVEMENT_SHEET, "ยุทธศาสตร์ 1", "ความตรงเวลา"]
    assert wb["สรุป"]["A2"].value.startswith("รอบ 6 เดือน (1 ตุลาคม 2568 – 31 มีนาคม 2569)")
    headers, rows = _detail(out)
    assert headers == detail_headers(2) and "ผลไตรมาส 3" not in headers  # no later quarter is printed
    a_share = rows[("1/1.1/1", OFFICE_A)]
    assert (a_share["ผลไตรมาส 2"], a_share["ผลสะสม"], a_share["ร้อยละความสำเร็จ"]) == (60, 60, 75)
    assert a_share["ผลเทียบเป้าหมาย"] == "ต่ำกว่าเป้า" and a_share["สถานะล่าสุด"] == "กำลังดำเนินการ"
    assert a_share["งบประมาณที่ได้รับ (บาท)"] == 10_000 and a_share["ใช้ไป (บาท)"] == 3_000
    # the round's narratives, each named by its quarter; quarter 3's text is not the round's
    assert a_share["ผลการดำเนินงาน"] == "ไตรมาส 2: จัดอบรมรุ่นที่ 1"
    assert a_share["ปัญหาอุปสรรค"] == "ไตรมาส 2: งบประมาณโอนล่าช้า"
    assert a_share["ข้อเสนอแนะ/แนวทางแก้ไข"] == "ไตรมาส 2: ควรโอนงบประมาณก่อนเริ่มไตรมาส"
    a_count = rows[("1/1.1/2", OFFICE_A)]
    assert (a_count["ผลไตรมาส 1"], a_count["ผลไตรมาส 2"], a_count["ผลสะสม"]) == (1, 2, 3)
    assert a_count["ร้อยละความสำเร็จ"] == 75 and a_count["ผลเทียบเป้าหมาย"] == "ต่ำกว่าเป้า"
    b_share = rows[("1/1.1/1", OFFICE_B)]
    assert b_share["ร้อยละความสำเร็จ"] == 100 and b_share["ผลเทียบเป้าหมาย"] == "บรรลุ"
    b_level = rows[("1/1.2/1", OFFICE_B)]
    assert b_level["ผลสะสม"] is None and b_level["ผลเทียบเป้าหมาย"] is None and b_level["สถานะล่าสุด"] == "นอกระยะเวลา"

    figures = _achievement(out)
    province = figures["จังหวัด"]
    assert (province["ตัวชี้วัด (รายการ)"], province["ดำเนินการแล้ว"], province["ร้อยละที่ดำเนินการ"]) == (4, 3, 75)
    assert (province["บรรลุ"], province["ใกล้เคียง"], province["ร้อยละที่บรรลุ"]) == (1, 0, 25)
    assert province["ร้อยละความสำเร็จเฉลี่ย"] == 62.5
    assert (province["งบประมาณ (บาท)"], province["ใช้ไป (บาท)"], province["คงเหลือ (บาท)"]) == (12_500, 4_000, 8_500)
    assert province["ร้อยละการเบิกจ่าย"] == 32
    assert province["สรุป"] == "ดำเนินการแล้ว 3 จาก 4 ตัวชี้วัด คิดเป็นร้อยละ 75"
    assert figures["ยุทธศาสตร์ที่ 1"]["ดำเนินการแล้ว"] == 3
    training, assessment = figures["กิจกรรม 1.1"], figures["กิจกรรม 1.2"]
    assert training["ยุทธศาสตร์ / กิจกรรม"] == "โครงการอบรมคุณธรรม"
    assert (training["ตัวชี้วัด (รายการ)"], training["ดำเนินการแล้ว"], training["บรรลุ"]) == (3, 3, 1)
    assert training["ร้อยละความสำเร็จเฉลี่ย"] == pytest.approx(83.33)
    assert (assessment["ตัวชี้วัด (รายการ)"], assessment["ดำเนินการแล้ว"], assessment["ร้อยละที่ดำเนินการ"]) == (1, 0, 0)
    # the timeliness of that round only
    timeliness = list(wb["ความตรงเวลา"].iter_rows(min_row=2, values_only=True))
    assert timeliness and {r[0] for r in timeliness} == {"รอบ ๖ เดือน"}


def test_the_whole_year_counts_every_quarter_and_caps_at_one_hundred(centre: ProgressService, tmp_path: Path) -> None:
    a = _office(centre.plans, OFFICE_A)
    a.set_progress(a.find_item("1/1.1/2"), 4, achieved="3", status="done")  # 7 of 4: ร้อยละความสำเร็จ 100, not 175
    out = tmp_path / "year.xlsx"
    export_xlsx(centre, out)
    headers, rows = _detail(out)
    assert headers == DETAIL_HEADERS
    a_share = rows[("1/1.1/1", OFFICE_A)]
    assert a_share["ผลสะสม"] == 70 and a_share["ร้อยละความสำเร็จ"] == 87.5 and a_share["ผลเทียบเป้าหมาย"] == "ใกล้เคียง"
    assert a_share["ผลการดำเนินงาน"] == "ไตรมาส 2: จัดอบรมรุ่นที่ 1\nไตรมาส 3: จัดอบรมรุ่นที่ 2"
    a_count = rows[("1/1.1/2", OFFICE_A)]
    assert a_count["ผลสะสม"] == 7 and a_count["ร้อยละความสำเร็จ"] == 100 and a_count["ผลเทียบเป้าหมาย"] == "บรรลุ"
    province = _achievement(out)["จังหวัด"]
    assert (province["ดำเนินการแล้ว"], province["บรรลุ"], province["ใกล้เคียง"]) == (4, 3, 1)


def test_the_bands_follow_the_coordinators_thresholds(centre: ProgressService, tmp_path: Path) -> None:
    FiguresService(centre).set_thresholds("75", "70")  # 75 % is now บรรลุ
    out = tmp_path / "h1.xlsx"
    export_xlsx(centre, out, round_id="h1")
    _headers, rows = _detail(out)
    assert rows[("1/1.1/1", OFFICE_A)]["ผลเทียบเป้าหมาย"] == "บรรลุ"
    assert rows[("1/1.1/2", OFFICE_A)]["ผลเทียบเป้าหมาย"] == "บรรลุ"
    assert _achievement(out)["จังหวัด"]["บรรลุ"] == 3
    note = load_workbook(out)[ACHIEVEMENT_SHEET]["A3"].value
    assert "บรรลุ: ร้อยละ 75 ขึ้นไป" in note and "ใกล้เคียง: ร้อยละ 70 ขึ้นไป" in note
    FiguresService(centre).set_thresholds("100", "60")  # 75 % is ใกล้เคียง
    export_xlsx(centre, out, round_id="h1")
    _headers, rows = _detail(out)
    assert rows[("1/1.1/1", OFFICE_A)]["ผลเทียบเป้าหมาย"] == "ใกล้เคียง"


def test_a_quarter_round_is_its_quarter_with_results_to_date(centre: ProgressService, tmp_path: Path) -> None:
    out = tmp_path / "q3.xlsx"
    export_xlsx(centre, out, round_id="Q3")
    headers, rows = _detail(out)
    assert headers == detail_headers(3)
    a_share = rows[("1/1.1/1", OFFICE_A)]
    assert a_share["ผลสะสม"] == 70 and a_share["ผลการดำเนินงาน"] == "จัดอบรมรุ่นที่ 2"  # one quarter: no prefix
    assert a_share["ปัญหาอุปสรรค"] is None  # an empty cell
    assert load_workbook(out)["สรุป"]["A2"].value.startswith("ไตรมาส 3")


def test_every_sheet_prints_its_narratives_in_rows_that_hold_them(centre: ProgressService, tmp_path: Path) -> None:
    from trat_desktop.reports.excel import LINE_POINTS, MAX_ROW_POINTS, lines_needed

    a = _office(centre.plans, OFFICE_A)
    long_text = "ผู้เข้าร่วมอบรมบางส่วนติดภารกิจราชการเร่งด่วน จึงต้องจัดอบรมชดเชยในภายหลัง " * 3
    a.set_progress(a.find_item("1/1.1/2"), 2, problems=long_text)
    out = tmp_path / "y.xlsx"
    export_xlsx(centre, out, round_id="y")
    wb = load_workbook(out)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows in ("$1:$1", "$1:$4")
    sheet = wb["ยุทธศาสตร์ 1"]
    col = DETAIL_HEADERS.index("ปัญหาอุปสรรค")
    cell = next(r[col] for r in sheet.iter_rows(min_row=2) if r[0].value == "1/1.1/2")
    assert cell.value == "ไตรมาส 2: " + long_text.strip() and cell.alignment.wrap_text
    width = sheet.column_dimensions[cell.column_letter].width
    assert sheet.row_dimensions[cell.row].height >= min(MAX_ROW_POINTS, LINE_POINTS * lines_needed(cell.value, width))
    assert lines_needed(cell.value, width) >= 3


def test_cli_export_xlsx_round(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from trat_desktop.cli import main

    db = str(tmp_path / "db.sqlite3")
    assert main(["--db", db, "setup", "--coordinator"]) == 0  # the workbook is the coordinator's (province_excel)
    assert main(["--db", db, "export-xlsx", "--round", "h1", "--out", str(tmp_path / "h1.xlsx")]) == 0
    assert "h1.xlsx" in capsys.readouterr().out
    assert "ผลไตรมาส 3" not in [c.value for c in load_workbook(tmp_path / "h1.xlsx")["ยุทธศาสตร์ 1"][1]]
    # a wrong round, or a round beside a quarter: a Thai message, exit 2, no file
    assert main(["--db", db, "export-xlsx", "--round", "q5", "--out", str(tmp_path / "bad.xlsx")]) == 2
    assert "ไม่มีรอบรายงาน “q5”" in capsys.readouterr().err
    assert main(["--db", db, "export-xlsx", "--round", "h1", "--quarter", "2",
                 "--out", str(tmp_path / "both.xlsx")]) == 2
    assert "--round หรือ --quarter" in capsys.readouterr().err
    assert not (tmp_path / "bad.xlsx").exists() and not (tmp_path / "both.xlsx").exists()


def test_tiny_plan_is_what_the_figures_above_assume() -> None:
    rows = {r.uid: r for r in tiny_plan().rows()}
    assert sorted((r.unit, r.target) for r in rows.values()) == [("ครั้ง", 4), ("ระดับ", 5), ("ร้อยละ", 80)]
