"""Single cells of a plan table, as documents write them (trat_desktop/domain/plan_cells.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trat_desktop.domain.agencies import split_agency_cell
from trat_desktop.domain.model import BudgetValue
from trat_desktop.domain.plan_cells import (
    CellError,
    activity_code,
    parse_budget,
    parse_budget_cell,
    parse_period,
    parse_target,
    tactic_number,
)
from trat_desktop.domain.thai import to_thai_digits

THAI_MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
FULL_MONTHS = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม",
               "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน"]


@pytest.mark.parametrize(("text", "quarters", "codes"), [
    ("ไตรมาส ๑-๔", (1, 4), []),
    ("ไตรมาสที่ 2 – ไตรมาสที่ 4", (2, 4), []),
    ("Q2-Q4", (2, 4), []),
    ("ตลอดปีงบประมาณ", (1, 4), []),
    ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๙", (1, 4), []),
    ("ต.ค. ๖๘ - ก.ย. ๖๙", (1, 4), []),
    ("๑ ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙", (1, 4), []),
    ("มกราคม - มีนาคม ๒๕๖๙", (2, 2), []),
    ("ม.ค.-มี.ค.๖๙", (2, 2), []),
    ("เม.ย. - ก.ย. 2569", (3, 4), []),
    ("พ.ย. ๖๘ - ก.พ. ๖๙", (1, 2), ["PERIOD_FROM_MONTHS"]),
    ("ธันวาคม ๒๕๖๘", (1, 1), ["PERIOD_FROM_MONTHS"]),
    ("ไตรมาส ๑, ๒", (1, 2), []),
    ("ไตรมาส ๑ และ ๓", (1, 3), ["PERIOD_WIDENED"]),
    ("ก.ค. ๖๙ - ธ.ค. ๖๙", (4, 4), ["PERIOD_OUTSIDE_YEAR"]),
    ("ไตรมาสที่ ๑ - ๒ (ต.ค. ๖๘ - มี.ค. ๖๙)", (1, 2), []),
    ("ไตรมาส ๒ (ต.ค. - ธ.ค. ๖๘)", (2, 2), ["PERIOD_DIFFERS"]),
    ("ตลอดปีงบประมาณ (ต.ค. ๖๘ - ก.ย. ๖๙)", (1, 4), []),
])
def test_periods(text: str, quarters: tuple[int, int], codes: list[str]) -> None:
    got, notes = parse_period(text, 2569)
    assert got == quarters
    assert [n.code for n in notes] == codes
    assert all(any("\u0e00" <= ch <= "\u0e7f" for ch in n.message) for n in notes)


@pytest.mark.parametrize("text", ["ไตรมาส ๙", "ไตรมาส ๔ - ๒", "ปีหน้า", "ก.ย. - ต.ค.", "ต.ค. ๖๙ - ธ.ค. ๖๙",
                                  "ไตรมาส ๑, ๕", "ม.ค. - ก.พ. - มี.ค."])
def test_unreadable_periods_say_why_in_thai(text: str) -> None:
    with pytest.raises(CellError) as info:
        parse_period(text, 2569)
    assert "ระยะเวลา" in info.value.message


@given(st.integers(1, 4), st.integers(1, 4), st.booleans(), st.booleans())
def test_quarter_written_as_months_reads_back(first: int, last: int, full: bool, four_digits: bool) -> None:
    """A quarter range written as its first and last month (with the year of each) is that range."""
    first, last = min(first, last), max(first, last)
    names = FULL_MONTHS if full else THAI_MONTHS
    start, end = 3 * (first - 1), 3 * last - 1  # fiscal month indexes 0..11

    def year(index: int) -> str:
        be = 2568 if index < 3 else 2569
        return to_thai_digits(str(be) if four_digits else str(be)[-2:])
    text = f"{names[start]} {year(start)} - {names[end]} {year(end)}"
    assert parse_period(text, 2569) == ((first, last), [])


@pytest.mark.parametrize(("text", "value"), [
    ("๙๙,๖๕๐", BudgetValue.baht(99_650)),
    ("๙๙,๖๕๐ บาท", BudgetValue.baht(99_650)),
    ("99650.-", BudgetValue.baht(99_650)),
    ("๔๕,๕๐๐.๕๐", BudgetValue("amount", 4_550_050)),
    ("ไม่ใช้ งบประมาณ", BudgetValue("none")),
    ("n/a", BudgetValue("na")),
    ("-", BudgetValue("dash")),
])
def test_budget_values(text: str, value: BudgetValue) -> None:
    budget = parse_budget(text)
    assert budget is not None and budget.value == value


def test_budget_cells_with_sources_and_agencies() -> None:
    cell = parse_budget_cell("๕๐,๐๐๐ บาท (งบจังหวัด)")
    assert [(i.value, i.agency, i.source) for i in cell.items] == [(BudgetValue.baht(50_000), "", "งบจังหวัด")]
    cell = parse_budget_cell("สนง.คลัง จ.ตราด ๑๐,๐๐๐ / ๕,๐๐๐ (สนง.พลังงาน จ.ตราด)")
    assert [(i.value.satang, i.agency) for i in cell.items] == [(1_000_000, "สนง.คลัง จ.ตราด"),
                                                                (500_000, "สนง.พลังงาน จ.ตราด")]
    cell = parse_budget_cell("๕๐,๐๐๐\n๒๐,๐๐๐; ๑๐,๐๐๐")
    assert [i.value.satang for i in cell.items] == [5_000_000, 2_000_000, 1_000_000]
    assert parse_budget_cell("  ").items == []
    cell = parse_budget_cell("๕๐,๐๐๐ (งบจังหวัด) ๓๔,๐๐๐ (งบ อบจ.)")
    assert [(i.value.satang, i.source) for i in cell.items] == [(5_000_000, "งบจังหวัด"), (3_400_000, "งบ อบจ.")]
    cell = parse_budget_cell("๕๐,๐๐๐ (ไตรมาสละ ๑๒,๕๐๐ บาท)")
    assert [(i.value.satang, i.agency, i.note) for i in cell.items] == [(5_000_000, "", "ไตรมาสละ ๑๒,๕๐๐ บาท")]
    cell = parse_budget_cell("งบประมาณ ๑๒,๐๐๐ บาท (หนึ่งหมื่นสองพันบาทถ้วน)")
    assert [(i.value.satang, i.agency, i.source) for i in cell.items] == [(1_200_000, "", "")]
    with pytest.raises(CellError):
        parse_budget_cell("ห้าพันบาท")


@pytest.mark.parametrize(("text", "unit", "number", "new_unit", "codes"), [
    ("๘๐", "ร้อยละ", 80, "ร้อยละ", []),
    ("๘๐%", "ร้อยละ", 80, "ร้อยละ", []),
    ("ร้อยละ ๘๐", "ร้อยละ", 80, "ร้อยละ", []),
    ("ไม่น้อยกว่า ๘๐", "ร้อยละ", 80, "ร้อยละ", ["TARGET_QUALIFIED"]),
    ("๒ ครั้ง", "ครั้ง", 2, "ครั้ง", []),
    ("๒ ครั้ง", "", 2, "ครั้ง", ["UNIT_FROM_TARGET"]),
    ("๘๐%", "คน", 80, "คน", ["TARGET_UNIT_DIFFERS"]),
    ("1,000", "คน", 1000, "คน", []),
])
def test_targets(text: str, unit: str, number: float, new_unit: str, codes: list[str]) -> None:
    got, got_unit, notes = parse_target(text, unit)
    assert (got, got_unit, [n.code for n in notes]) == (number, new_unit, codes)


@pytest.mark.parametrize("text", ["หนึ่ง", "๘๐-๑๐๐", "สองครั้ง"])
def test_unreadable_targets(text: str) -> None:
    with pytest.raises(CellError):
        parse_target(text, "ครั้ง")


def test_codes() -> None:
    assert activity_code("๑.๑ จัดทำประกาศ", 1) == (1, 1, "จัดทำประกาศ")
    assert activity_code("๑.๑. จัดทำประกาศ", 3) == (1, 1, "จัดทำประกาศ")
    assert activity_code("2.1.3 อบรม", 2) == (1, 3, "อบรม")
    assert activity_code("จัดทำประกาศ", 1) is None
    with pytest.raises(CellError):
        activity_code("๒.๑.๑ อบรม", 1)
    assert tactic_number("๑. ส่งเสริม", 1) == (1, "ส่งเสริม")
    assert tactic_number("กลยุทธ์ที่ ๒ ส่งเสริม", 1) == (2, "ส่งเสริม")
    assert tactic_number("๓.๒ ส่งเสริม", 3) == (2, "ส่งเสริม")
    assert tactic_number("ส่งเสริม", 1) is None


@pytest.mark.parametrize("cell", [
    "- สนง.คลัง จ.ตราด - สนง.พลังงาน จ.ตราด - เรือนจำจังหวัดตราด",
    "สนง.คลัง จ.ตราด\nสนง.พลังงาน จ.ตราด\nเรือนจำจังหวัดตราด",
    "สนง.คลัง จ.ตราด, สนง.พลังงาน จ.ตราด, เรือนจำจังหวัดตราด",
    "สนง.คลัง จ.ตราด / สนง.พลังงาน จ.ตราด / เรือนจำจังหวัดตราด",
    "๑) สนง.คลัง จ.ตราด ๒) สนง.พลังงาน จ.ตราด ๓) เรือนจำจังหวัดตราด",
    "(1) สนง.คลัง จ.ตราด (2) สนง.พลังงาน จ.ตราด (3) เรือนจำจังหวัดตราด",
    "• สนง.คลัง จ.ตราด • สนง.พลังงาน จ.ตราด • เรือนจำจังหวัดตราด",
    "-สนง.คลัง จ.ตราด -สนง.พลังงาน จ.ตราด -เรือนจำจังหวัดตราด",
    "<ul><li>สนง.คลัง จ.ตราด</li><li>สนง.พลังงาน จ.ตราด</li><li>เรือนจำจังหวัดตราด</li></ul>",
])
def test_agency_cells_however_listed(cell: str) -> None:
    assert split_agency_cell(cell) == ["สนง.คลัง จ.ตราด", "สนง.พลังงาน จ.ตราด", "เรือนจำจังหวัดตราด"]


def test_agency_names_keep_their_own_dashes_and_numbers() -> None:
    assert split_agency_cell("สพป.จันทบุรี เขต ๑ - ศูนย์การเรียนรู้สังคม-วัฒนธรรม") == [
        "สพป.จันทบุรี เขต ๑", "ศูนย์การเรียนรู้สังคม-วัฒนธรรม"]


THAI_LETTERS = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะาิีึืุูเแโใไ่้๊๋ั็์ำ"
names = st.builds(
    lambda prefix, core, tail: f"{prefix}{core}{tail}",
    st.sampled_from(["", "สนง.", "สำนักงาน", "ที่ทำการ", "องค์การบริหารส่วนตำบล"]),
    st.text(THAI_LETTERS, min_size=2, max_size=20).filter(lambda t: t[0] not in "ะาิีึืุู่้๊๋ั็์ำ"),
    st.sampled_from(["", " จ.ตราด", "จังหวัดจันทบุรี", " เขต ๑", " สาขาตราด", "-วัฒนธรรม"]),
)


@given(st.lists(names, min_size=1, max_size=6, unique=True), st.integers(0, 7))
def test_any_agency_list_splits_back_into_its_names(agencies: list[str], style: int) -> None:
    cell = [
        " ".join(f"- {n}" for n in agencies), "\n".join(agencies), ", ".join(agencies), " / ".join(agencies),
        " ".join(f"{to_thai_digits(str(i))}) {n}" for i, n in enumerate(agencies, 1)),
        "\n".join(f"• {n}" for n in agencies), " ".join(f"-{n}" for n in agencies),
        "<ul> " + " ".join(f"<li>{n}</li>" for n in agencies) + "</ul>",
    ][style]
    assert split_agency_cell(cell) == agencies


@given(st.integers(0, 10_000_000), st.integers(0, 99), st.integers(0, 4), st.booleans())
def test_any_amount_reads_back_in_satang(baht: int, satang: int, style: int, thai: bool) -> None:
    text = [f"{baht:,}.{satang:02d}", f"{baht:,}.{satang:02d} บาท", f"{baht}.{satang:02d}", f"{baht:,}.-",
            f"{baht:,} บาท"][style]
    expected = baht * 100 + (satang if style < 3 else 0)
    budget = parse_budget(to_thai_digits(text) if thai else text)
    assert budget is not None and budget.value == BudgetValue("amount", expected)
