"""Row heights of the Excel export count whole words per line, as LibreOffice and Excel wrap Thai."""

from trat_desktop.reports.excel import lines_needed


def test_a_wrapped_thai_title_gets_the_lines_a_spreadsheet_gives_it() -> None:
    # LibreOffice 7.4 wraps this strategy title into 4 lines in a 26-character column (looked at as PDF);
    # counting characters alone gave 3 and the last line was cut off
    title = "การพัฒนาหลักนโยบายและระบบบริหารการส่งเสริมมาตรฐานทางจริยธรรมภาครัฐให้ครอบคลุมทุกหน่วยงานและทุกระดับ"
    assert lines_needed(title, 26) == 4
    assert lines_needed("การสร้างมาตรฐานทางจริยธรรมภายในของหน่วยงานของรัฐ", 26) == 2
    assert lines_needed("", 10) == 1 and lines_needed("ก\nข", 10) == 2
    assert lines_needed("x" * 50, 11.5) == 5  # a word longer than the cell is cut anywhere
