"""Printed reports: what a reader finds in the PDFs (via pdftotext), the verification code, the CLI,
and the Excel export read back."""

from __future__ import annotations

import datetime as dt
import re
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from trat_desktop.cli import main
from trat_desktop.domain.identity import Identity, PermissionDenied
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.exchange import ExchangeService
from trat_desktop.services.overview import OverviewService

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None and not os.environ.get("CI"),
                                reason="poppler-utils (pdftotext) not installed; CI installs it and never skips")

EDUCATION = "สำนักงานศึกษาธิการจังหวัดตราด"
TODAY_BE = "๒๕ พฤศจิกายน ๒๕๖๙"
THAI_DIGIT = re.compile("[๐-๙]")


class Clock:
    """25 November 2026 (พ.ศ. ๒๕๖๙), 09:00 in Thailand."""

    def __call__(self) -> dt.datetime:
        return dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def pdftext(path: Path, *args: str) -> str:
    text = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    assert "\uffff" not in text and "\u200b" not in text and "\ufffd" not in text
    assert not re.search("[\ue000-\uf8ff]", text), "private-use characters in the text layer"
    return text


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


def pdf_fonts(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout


@pytest.fixture
def office(service: PlanService) -> ProgressService:
    progress = ProgressService(service, clock=Clock())
    progress.set_identity(Identity(
        role="office", office_name="สนง.ศึกษาธิการ จ.ตราด", reporter_name="สมหญิง ตั้งใจ",
        reporter_position="นักวิชาการศึกษาชำนาญการ", reporter_phone="039-511-234",
        head_name="นายปั้น น้ำใจดี", head_position="ศึกษาธิการจังหวัดตราด"))
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="85", spent="20000", status="กำลังดำเนินการ",
                          note="อบรมผู้เข้าร่วม ๑๒๐ คน ที่ห้องประชุมศาลากลางจังหวัดตราด")
    progress.set_progress(progress.find_item("1/1.3/1"), 2, achieved="1", status="ดำเนินการแล้ว")
    return progress


@pytest.fixture
def coordinator(service: PlanService) -> ProgressService:
    education = ProgressService(service, clock=Clock())
    education.set_identity(Identity(role="office", office_name=EDUCATION, reporter_name="สมหญิง"))
    education.set_progress(education.find_item("1/1.5/2"), 2, achieved="85", spent="20000")
    education.set_progress(education.find_item("1/1.3/1"), 2, achieved="1")
    progress = ProgressService(service, clock=Clock())
    progress.set_identity(Identity(role="coordinator", reporter_name="นางสาวผู้ประสาน งานดี",
                                   reporter_position="เจ้าพนักงานปกครองชำนาญงาน"))
    return progress


# --- the office's report ----------------------------------------------------------------------

def test_office_report_reads_as_written(office: ProgressService, tmp_path: Path) -> None:
    from trat_desktop.services.reports import office_report

    out = tmp_path / "office.pdf"
    result = office_report(office, out, quarter=2)
    text = pdftext(out)
    assert result.pages == pdf_pages(out) >= 2
    for expected in ("แบบรายงานผลการดำเนินงาน", EDUCATION, "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                     "ไตรมาสที่ ๒ (๑ มกราคม ๒๕๖๙ – ๓๑ มีนาคม ๒๕๖๙)", TODAY_BE, "ผู้รายงาน", "หัวหน้าส่วนราชการ",
                     "( สมหญิง ตั้งใจ )", "( นายปั้น น้ำใจดี )", "ตำแหน่ง ศึกษาธิการจังหวัดตราด",
                     "โทรศัพท์ ๐๓๙-๕๑๑-๒๓๔", "๒๐,๐๐๐", "ไม่ใช้งบประมาณ", "กำลังดำเนินการ",
                     "อบรม", "ตัวชี้วัด:", "๑/๑.๕/๒", f"หน้า ๑/{'๐๑๒๓๔๕๖๗๘๙'[result.pages]}"):
        assert expected in text, expected
    # the code the paper carries is the one the office's export will carry
    code = ExchangeService(office).verification_code()
    assert f"รหัสตรวจสอบข้อมูล {code}" in text
    assert text.count(code) >= result.pages + 1  # in each page's footer and in the verification block
    assert "Sarabun-Regular" in pdf_fonts(out) and "Sarabun-Bold" in pdf_fonts(out)


def test_office_report_arabic_digits(office: ProgressService, tmp_path: Path) -> None:
    from trat_desktop.services.reports import office_report

    out = tmp_path / "office.pdf"
    office_report(office, out, quarter=2, thai_digits=False)
    text = pdftext(out)
    assert "25 พฤศจิกายน 2569" in text and "20,000" in text and "หน้า 1/" in text and "1/1.5/2" in text
    # every number the report formats is Arabic; text the office typed stays as typed
    assert not THAI_DIGIT.search(text.replace("๑๒๐", ""))


def test_paper_code_finds_the_imported_file(office: ProgressService, tmp_path: Path) -> None:
    """The printed verification code is what `trat-desktop verify` looks up on the coordinator's machine."""
    from trat_desktop.services.reports import office_report

    office_report(office, tmp_path / "office.pdf", quarter=2)
    code = re.search(r"รหัสตรวจสอบข้อมูล ([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2})", pdftext(tmp_path / "office.pdf")).group(1)  # type: ignore[union-attr]
    path, _ = ExchangeService(office).export_office(tmp_path / "q2.trat")
    coordinator_db = PlanService.open(tmp_path / "coordinator.sqlite3")
    coordinator = ProgressService(coordinator_db)
    coordinator.set_identity(Identity(role="coordinator"))
    exchange = ExchangeService(coordinator)
    exchange.import_files([path], trust_new=True)
    found = exchange.verify(code)
    assert found is not None and found["office"] == EDUCATION and found["file"] == "q2.trat"
    coordinator_db.close()


def test_qr_code_carries_the_verification_code() -> None:
    from trat_desktop.reports.common import qr_drawing

    drawing = qr_drawing("GFBB-TVXZ-E3")
    widget = drawing.contents[0]
    assert widget.value == "GFBB-TVXZ-E3"


def test_office_report_needs_an_office(coordinator: ProgressService, tmp_path: Path) -> None:
    from trat_desktop.services.reports import office_report

    with pytest.raises(PermissionDenied):
        office_report(coordinator, tmp_path / "x.pdf")


# --- the provincial report --------------------------------------------------------------------

def test_province_figures_match_the_dashboard(coordinator: ProgressService) -> None:
    from trat_desktop.reports.province import province_figures

    plans = coordinator.plans
    plan = plans.load_plan()
    overview = OverviewService(plans)
    figures = province_figures(plan, overview.rows(), 2)
    s1 = figures.strategies[0]
    assert (s1.assignments, s1.due, s1.reported, s1.spent_satang) == (31, 31, 2, 2_000_000)
    assert [s.assignments for s in figures.strategies] == [31, 60, 11, 39, 27]
    # one rule: the offices that owe a report of quarter 2 are the same in the report and the dashboard
    owing = [name for name, due, done in figures.missing if done < due]
    assert owing == [name for name, _due, _done in figures.missing]
    assert owing == overview.dashboard(2).missing_offices
    assert EDUCATION in owing  # it reported two of its rows, not all of them
    # and the dashboard honours the period: quarter 1 and the whole year count other reports
    assert overview.dashboard(1).missing_offices != owing or figures.missing == []
    year = overview.dashboard(None)
    assert set(year.missing_offices) >= set(owing)
    assert figures.total.allocated_satang == plan.budget_satang() == 22_765_000
    whole_year = province_figures(plan, overview.rows(), None)
    assert whole_year.strategies[0].due == sum(r.quarter_to - r.quarter_from + 1 for r in plan.strategies[0].rows()
                                               for _ in r.agencies)


def test_province_report_reads_as_written(coordinator: ProgressService, tmp_path: Path) -> None:
    from trat_desktop.services.reports import province_report

    out = tmp_path / "province.pdf"
    result = province_report(coordinator, out, quarter=2)
    text = pdftext(out)
    assert result.pages == pdf_pages(out)
    for expected in ("รายงานผลการดำเนินงานตามแผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรมของจังหวัดตราด",
                     "ไตรมาสที่ ๒ (๑ มกราคม ๒๕๖๙ – ๓๑ มีนาคม ๒๕๖๙)", f"ข้อมูล ณ วันที่ {TODAY_BE}",
                     "สรุปผลการดำเนินงานรายยุทธศาสตร์", "แผนภูมิที่ ๑", "หน่วยงานที่ยังรายงานไม่ครบ",
                     "สำนักงานจังหวัดตราด", EDUCATION, "รวมยุทธศาสตร์ที่ ๑", "รวมทั้งสิ้น", "๒๒๗,๖๕๐", "๒๐,๐๐๐",
                     "ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราด", "( นางสาวผู้ประสาน งานดี )",
                     "ตำแหน่ง เจ้าพนักงานปกครองชำนาญงาน", "รายงานแล้ว", "ยังไม่รายงาน"):
        assert expected in text, expected
    province_report(coordinator, tmp_path / "year.pdf")
    assert "ทั้งปีงบประมาณ (๑ ตุลาคม ๒๕๖๘ – ๓๐ กันยายน ๒๕๖๙)" in pdftext(tmp_path / "year.pdf")


# --- the plan ---------------------------------------------------------------------------------

def test_plan_report_lays_out_the_document(service: PlanService, tmp_path: Path) -> None:
    from trat_desktop.services.reports import plan_report

    out = tmp_path / "plan.pdf"
    done: list[int] = []
    result = plan_report(ProgressService(service), out, on_progress=done.append)
    text = pdftext(out)
    pages = pdf_pages(out)
    assert result.pages == pages > 5
    assert done == list(range(1, pages + 1))  # a progress bar can follow the pages
    for expected in ("แผนปฏิบัติการ ส่งเสริมคุณธรรม จริยธรรม ของจังหวัดตราด", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                     "ยุทธศาสตร์ที่ ๑", "“การสร้างมาตรฐานทางจริยธรรมภายในของหน่วยงานของรัฐ”", "แผนงาน/โครงการ/", "แผนการดำเนินงาน",
                     "ผลที่คาดว่าจะได้รับ", "ไม่ใช้งบประมาณ", "๙๙,๖๕๐", "ไตรมาส ๒–๔",
                     "รวมงบประมาณทั้งสิ้น", "๒๒๗,๖๕๐", "๒๑๐,๖๕๐", "สำนักงานจังหวัดตราด", "อำเภอแหลมงอบ"):
        assert expected in text, expected
    nospace = re.sub(r"\s", "", text)  # a long name wraps in its column (at a word boundary)
    assert "องค์การบริหารส่วนจังหวัดตราด" in nospace and "การประปาส่วนภูมิภาคสาขาตราด" in nospace
    # the document's names, never an abbreviation it does not use; its errors in a footnote, not in a cell
    flat = " ".join(text.split())
    for invented in ("สนจ.ตราด", "อบจ.", "กปภ.", "(เอกสารระบุ"):
        assert invented not in flat, invented
    assert "* เอกสารแผนระบุงบประมาณรวมของยุทธศาสตร์ที่ ๔ ไว้ ๕๐,๐๐๐ บาท รายการในยุทธศาสตร์รวมได้ ๕,๐๐๐ บาท" in flat
    # the header rows once on every page, at its top; a page that starts inside an activity names it "(ต่อ)"
    per_page = text.split("\f")[:-1]
    assert len(per_page) == pages
    for n, page in enumerate(per_page, start=1):
        headings = [m.start() for m in re.finditer("ยุทธศาสตร์ที่ [๐-๙]+ “", page)]
        continuing = page.find("ระยะเวลา") < (headings[0] if headings else len(page))
        # each table's header where the table starts, and at the top of a page a table runs onto
        assert page.count("ระยะเวลา") == len(headings) + (1 if continuing and n > 1 else 0), f"page {n}"
    assert sum("(ต่อ)" in page for page in per_page) >= pages // 2
    labels = re.findall(r"หน้า ([๐-๙]+)/([๐-๙]+)", text)
    assert len(labels) == pages and all(total == labels[0][1] for _, total in labels)
    assert pdftext(out, "-f", "1", "-l", "1").count("กลยุทธ์") >= 1
    # landscape A4
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.276 pts (A4)" in info


def test_plan_report_in_arabic_digits(service: PlanService, tmp_path: Path) -> None:
    from trat_desktop.services.reports import plan_report

    plan_report(ProgressService(service), tmp_path / "plan.pdf", thai_digits=False)
    text = pdftext(tmp_path / "plan.pdf")
    for expected in ("227,650", "210,650", "99,650", "พ.ศ. 2569", "ไตรมาส 2–4", "ยุทธศาสตร์ที่ 1", "1.5 โครงการ",
                     "หน้า 1/"):
        assert expected in text, expected
    for thai in ("๒๒๗,๖๕๐", "๙๙,๖๕๐", "ไตรมาส ๒", "ยุทธศาสตร์ที่ ๑", "หน้า ๑/"):
        assert thai not in text, thai


# --- no Thai drawn around the shaper ----------------------------------------------------------

def test_no_thai_is_drawn_without_shaping(office: ProgressService, monkeypatch, tmp_path: Path) -> None:
    """Canvas.drawString and friends do not shape: no report may use them for Thai."""
    from reportlab.pdfgen.canvas import Canvas

    from trat_desktop.services.reports import office_report, plan_report
    from trat_desktop.reports.typeset import STYLES

    unshaped: list[str] = []

    def spy(name: str):  # type: ignore[no-untyped-def]
        original = getattr(Canvas, name)

        def wrapper(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            unshaped.extend(str(a) for a in args if isinstance(a, str) and re.search("[\u0e00-\u0e7f]", a))
            return original(self, *args, **kwargs)

        monkeypatch.setattr(Canvas, name, wrapper)

    for name in ("drawString", "drawRightString", "drawCentredString", "drawAlignedString"):
        spy(name)
    office_report(office, tmp_path / "o.pdf", quarter=2)
    plan_report(office, tmp_path / "p.pdf")
    assert unshaped == []
    assert all(style.shaping == 1 and style.splitLongWords == 0 for style in STYLES.values())


# --- the command line -------------------------------------------------------------------------

def test_cli_report_and_export(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "db.sqlite3")
    assert main(["--db", db, "report", "plan", "--out", str(tmp_path / "plan.pdf")]) == 0
    assert "หน้า)" in capsys.readouterr().out
    assert "๒๒๗,๖๕๐" in pdftext(tmp_path / "plan.pdf")
    # the provincial report and the workbook: the coordinator's (capabilities province_report, province_excel)
    centre = str(tmp_path / "centre.sqlite3")
    assert main(["--db", centre, "setup", "--coordinator"]) == 0
    assert main(["--db", centre, "report", "province", "--quarter", "3", "--digits", "arabic",
                 "--out", str(tmp_path / "province.pdf")]) == 0
    assert "ไตรมาสที่ 3 (1 เมษายน 2569 – 30 มิถุนายน 2569)" in pdftext(tmp_path / "province.pdf")
    assert main(["--db", centre, "export-xlsx", "--out", str(tmp_path / "x.xlsx")]) == 0
    assert (tmp_path / "x.xlsx").stat().st_size > 5000
    # an office report needs an office installation
    assert main(["--db", db, "report", "office", "--out", str(tmp_path / "office.pdf")]) == 2
    assert "หน่วยงาน" in capsys.readouterr().err
    assert main(["--db", db, "setup", "--office", "สนง.ศึกษาธิการ จ.ตราด", "--reporter", "สมหญิง"]) == 0
    assert main(["--db", db, "report", "office", "--quarter", "2", "--out", str(tmp_path / "office.pdf")]) == 0
    assert EDUCATION in pdftext(tmp_path / "office.pdf")
    # an office's database holds only its own results: no "provincial" report or workbook from it, as in the GUI
    capsys.readouterr()
    for argv in (["report", "province", "--round", "h1", "--out", str(tmp_path / "o-province.pdf")],
                 ["report", "province", "--out", str(tmp_path / "o-province.docx")],
                 ["export-xlsx", "--round", "h1", "--out", str(tmp_path / "o.xlsx")]):
        assert main(["--db", db, *argv]) == 2
        err = capsys.readouterr().err
        assert "ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราด" in err and "Traceback" not in err
    assert not any(p.name.startswith("o-province") or p.name == "o.xlsx" for p in tmp_path.iterdir())


# --- Excel ------------------------------------------------------------------------------------

def test_excel_round_trip(coordinator: ProgressService, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from trat_desktop.services.reports import export_xlsx
    from trat_desktop.reports.excel import DETAIL_HEADERS, SUMMARY_HEADERS
    from trat_desktop.reports.province import province_figures

    out = tmp_path / "progress.xlsx"
    export_xlsx(coordinator, out)
    plans = coordinator.plans
    plan = plans.load_plan()
    figures = province_figures(plan, OverviewService(plans).rows(), None)
    wb = load_workbook(out)
    assert wb.sheetnames == ["สรุป", "สรุปผลสัมฤทธิ์", *[f"ยุทธศาสตร์ {n}" for n in range(1, 6)], "ความตรงเวลา"]
    summary = wb["สรุป"]
    assert [c.value for c in summary[4]] == SUMMARY_HEADERS
    assert summary.freeze_panes == "A5"
    for i, s in enumerate(figures.strategies, start=5):
        values = [c.value for c in summary[i]]
        assert values[:8] == [s.number, s.title, s.assignments, s.due, s.reported, s.on_target,
                              s.allocated_satang / 100, s.spent_satang / 100]
        assert all(isinstance(v, (int, float)) for v in values[2:8])
    total = [c.value for c in summary[5 + len(figures.strategies)]]
    assert total[1] == "รวมทั้งสิ้น" and total[6] == 227_650 and total[7] == 20_000
    assert summary["G5"].number_format == "#,##0.00"

    s1 = wb["ยุทธศาสตร์ 1"]
    assert [c.value for c in s1[1]] == DETAIL_HEADERS and s1.freeze_panes == "A2"
    rows = [[c.value for c in r] for r in s1.iter_rows(min_row=2)]
    assert len(rows) == figures.strategies[0].assignments == 31
    edu = next(r for r in rows if r[0] == "1/1.5/2" and r[6] == EDUCATION)
    col = {h: i for i, h in enumerate(DETAIL_HEADERS)}
    assert edu[7:12] == [None, 85, None, None, 85] and edu[col["ผลเทียบเป้าหมาย"]] == "บรรลุ"
    assert edu[col["ร้อยละความสำเร็จ"]] == 100
    assert edu[col["งบประมาณที่ได้รับ (บาท)"]] == 34_000 and edu[col["ใช้ไป (บาท)"]] == 20_000
    assert isinstance(edu[8], (int, float)) and isinstance(edu[col["งบประมาณที่ได้รับ (บาท)"]], (int, float))
    assert edu[2] == next(r.indicator for r in OverviewService(plans).rows() if r.id == "1/1.5/2")
    assert any(r[col["งบประมาณที่ได้รับ (บาท)"]] == "ไม่ใช้งบประมาณ" for r in rows)  # the document's words stay words
    widths = {k: v.width for k, v in s1.column_dimensions.items()}
    assert widths["C"] > widths["D"] >= 8 and widths["G"] > 20


def test_excel_prints_on_a4_landscape_with_rows_that_hold_their_text(coordinator: ProgressService,
                                                                     tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from trat_desktop.services.reports import export_xlsx
    from trat_desktop.reports.excel import DETAIL_HEADERS, LINE_POINTS, lines_needed

    education = ProgressService(coordinator.plans, clock=Clock())
    long_note = "จัดประชุมชี้แจงแนวทางให้แก่ข้าราชการพลเรือนและเจ้าหน้าที่ในสังกัด ณ ห้องประชุมศาลากลางจังหวัดตราด " * 4
    education.set_identity(Identity(role="office", office_name=EDUCATION, reporter_name="สมหญิง"))
    education.set_progress(education.find_item("1/1.5/2"), 3, achieved="90", note=long_note)
    coordinator.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    out = tmp_path / "progress.xlsx"
    export_xlsx(coordinator, out)
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]  # nothing left beside it
    wb = load_workbook(out)
    # Buddhist-era date and time, never ISO
    assert wb["สรุป"]["A2"].value.endswith("(ส่งออกเมื่อ 25 พฤศจิกายน 2569 เวลา 09.00 น.)")
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows in ("$1:$1", "$1:$4")  # the heading rows on every printed page
    s1 = wb["ยุทธศาสตร์ 1"]
    row = next(r for r in s1.iter_rows(min_row=2) if r[0].value == "1/1.5/2" and r[6].value == EDUCATION)
    note_cell = row[DETAIL_HEADERS.index("ผลการดำเนินงาน")]
    assert note_cell.value == "ไตรมาส 3: " + long_note.strip()  # the whole year: each quarter's text, named
    assert note_cell.alignment.wrap_text
    width = s1.column_dimensions[note_cell.column_letter].width
    assert lines_needed(long_note, width) >= 4
    assert s1.row_dimensions[row[0].row].height >= LINE_POINTS * lines_needed(long_note, width)
    assert lines_needed("ก" * 20, 10) == 2 and lines_needed("ปั้" * 8, 10) == 1  # marks take no width


def test_province_report_pages_follow_the_tables(coordinator: ProgressService, tmp_path: Path) -> None:
    """Headers only where a table starts or runs onto a page (with its strategy named "(ต่อ)"),
    signatures on the page of the last rows, no counts in a status column."""
    from trat_desktop.services.reports import province_report

    out = tmp_path / "province.pdf"
    result = province_report(coordinator, out, quarter=2)
    pages = pdftext(out, "-layout").split("\f")[:-1]
    assert len(pages) == result.pages
    detail = [n for n, page in enumerate(pages) if "หน่วยงานที่รับผิดชอบ" in page]
    assert len(detail) >= 5
    from trat_desktop.reports.province import DETAIL_HEADERS

    header_text = "".join("".join(DETAIL_HEADERS).split())
    for n in detail[1:]:
        lines = pages[n].split("หน่วยงานที่รับผิดชอบ", 1)[1].splitlines()
        first = next(ln.strip() for ln in lines if ln.strip() and not all(w in header_text for w in ln.split()))
        assert first.startswith("ยุทธศาสตร์ที่"), f"page {n + 1}: {first}"  # the strategy first, "(ต่อ)" if it runs on
    assert "(ต่อ)" in "".join(pages[n] for n in detail[1:])
    last = pages[-1]
    assert "ลงชื่อ" in last and "รวมทั้งสิ้นทุกยุทธศาสตร์" in last
    assert "ลงชื่อ" not in "".join(pages[:-1])
    flat = " ".join("".join(pages).split())
    assert re.search(r"รวมยุทธศาสตร์ที่ ๑ \(๓๑ การมอบหมาย\)", flat)


def test_reports_print_a_value_outside_the_plan_marked_and_leave_it_out_of_the_totals(
        office: ProgressService, coordinator: ProgressService, tmp_path: Path) -> None:
    """After the coordinator moves 1/1.5/2's period past quarter 2, the recorded 85 is printed as
    "อยู่นอกแผนปัจจุบัน" in the office's and the province's reports and no longer counts as reported."""
    from trat_desktop.services.reports import office_report, province_report
    from trat_desktop.services.plan_edit import PlanEditService

    uid = coordinator.find_item("1/1.5/2", agency=EDUCATION).indicator_uid  # the identity is the coordinator's
    PlanEditService(coordinator).update("indicator", uid, confirm=True, quarter_from=3)
    office.set_identity(Identity(role="office", office_name="สนง.ศึกษาธิการ จ.ตราด", reporter_name="สมหญิง ตั้งใจ"))
    office_report(office, tmp_path / "office.pdf", quarter=2)
    text = "".join(pdftext(tmp_path / "office.pdf").split())  # narrow cells wrap the words
    assert "๘๕(อยู่นอกแผนปัจจุบัน)" in text
    coordinator.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
    province_report(coordinator, tmp_path / "province.pdf", quarter=2)
    text = "".join(pdftext(tmp_path / "province.pdf").split())
    assert "อยู่นอกแผนปัจจุบัน:ไตรมาส๒ผล๘๕" in text


def test_a_report_under_a_name_of_another_format_is_refused_in_thai(tmp_path: Path) -> None:
    """The format is picked by the extension: report.txt is not written as a PDF under that name."""
    from trat_desktop.errors import TratError
    from trat_desktop.services.reports import check_extension

    for kind, name in (("office", "report.txt"), ("plan", "plan.xlsx"), ("xlsx", "book.pdf")):
        with pytest.raises(TratError) as caught:
            check_extension(kind, tmp_path / name)
        assert "นามสกุล" in caught.value.message and name in caught.value.message
    for kind, name in (("office", "a.PDF"), ("province", "b.docx"), ("xlsx", "c.xlsx"), ("plan", "no-suffix")):
        check_extension(kind, tmp_path / name)  # accepted
    assert list(tmp_path.iterdir()) == []
