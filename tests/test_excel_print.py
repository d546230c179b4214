"""The Excel export as printed: row heights that count whole words per line (as LibreOffice and Excel wrap
Thai), Buddhist-era dates on every sheet."""

from trat_desktop.reports.excel import lines_needed


def test_a_wrapped_thai_title_gets_the_lines_a_spreadsheet_gives_it() -> None:
    # LibreOffice 7.4 wraps this strategy title into 4 lines in a 26-character column (looked at as PDF);
    # counting characters alone gave 3 and the last line was cut off
    title = "การพัฒนาหลักนโยบายและระบบบริหารการส่งเสริมมาตรฐานทางจริยธรรมภาครัฐให้ครอบคลุมทุกหน่วยงานและทุกระดับ"
    assert lines_needed(title, 26) == 4
    assert lines_needed("การสร้างมาตรฐานทางจริยธรรมภายในของหน่วยงานของรัฐ", 26) == 2
    assert lines_needed("", 10) == 1 and lines_needed("ก\nข", 10) == 2
    assert lines_needed("x" * 50, 11.5) == 5  # a word longer than the cell is cut anywhere


def test_no_sheet_writes_an_iso_date(service, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Every date and time of the workbook is Buddhist era, the timeliness sheet's too."""
    import re

    from openpyxl import load_workbook

    from trat_desktop.domain.identity import Identity
    from trat_desktop.services import ProgressService
    from trat_desktop.services.reports import export_xlsx

    office = ProgressService(service)
    office.set_identity(Identity(role="office", office_name="สำนักงานศึกษาธิการจังหวัดตราด", reporter_name="สมหญิง"))
    office.set_progress(office.find_item("1/1.5/2"), 2, achieved="85", spent="20000")
    centre = ProgressService(service)
    centre.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    export_xlsx(centre, tmp_path / "p.xlsx", quarter=2)
    wb = load_workbook(tmp_path / "p.xlsx")
    assert "ความตรงเวลา" in wb.sheetnames
    texts = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [t for t in texts if re.search(r"20\d\d-\d\d-\d\d", t)]
    timeliness = [str(v) for row in wb["ความตรงเวลา"].iter_rows(min_row=2, values_only=True) for v in row if v]
    assert any(re.search(r" 25\d\d", t) for t in timeliness)  # the due dates, in the Buddhist era
