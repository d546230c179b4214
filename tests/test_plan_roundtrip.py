"""Random plans written out as documents in random styles read back to the same plan.

The styles are the ones documents really use (see tests/fixtures/plan-variants/): Thai or Arabic digits,
headings with or without "ที่" and a colon, activity codes ๑.๑ / ๑.๑. / ๑.๑.๑, agency lists in every
style, budgets with บาท or .-, periods as quarters, months or ตลอดปีงบประมาณ, an extra column,
trailing tabs trimmed, CRLF and a BOM, page breaks with "(ต่อ)". A change of form never changes the plan
and never warns; merged budget and period cells are inherited, each with its warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import example, given, settings
from hypothesis import strategies as st
from plan_variants_support import IdentityResolver, outline

from trat_desktop.domain.plan_text import read_plan_text
from trat_desktop.domain.thai import to_thai_digits

OFFICES = [
    "สำนักงานคลังจังหวัดจันทบุรี", "สนง.พลังงาน จ.จันทบุรี", "สำนักงานแรงงานจังหวัดจันทบุรี",
    "ที่ทำการปกครองจังหวัดตราด", "องค์การบริหารส่วนตำบลเกาะช้างใต้", "เทศบาลตำบลเกาะช้าง",
    "สพป.จันทบุรี เขต ๑", "สนง.สวัสดิการและคุ้มครองแรงงาน จ.ตราด", "เรือนจำจังหวัดตราด", "อบจ.ตราด",
]
TITLES = ["การสร้างมาตรฐานทางจริยธรรม", "ส่งเสริมองค์กรคุณธรรม", "การสื่อสารเรื่องพฤติกรรมสีเทา",
          "Integrity and Transparency", "เปิดโอกาสให้ภาคประชาชนมีส่วนร่วม", "พัฒนาผู้นำทางจริยธรรม"]
UNITS = ["ร้อยละ", "ครั้ง", "คน", "ช่องทาง", "ระดับ", "หมู่บ้าน"]
FISCAL_MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
HEADER = ["กลยุทธ์", "แผนงาน/โครงการ/กิจกรรม", "หน่วยนับ", "ปริมาณงาน", "งบประมาณ (บาท)",
          "ระยะเวลาดำเนินการ", "ตัวชี้วัด", "ผลที่คาดว่าจะได้รับ", "ผู้รับผิดชอบ"]


@dataclass
class Row:
    unit: str
    target: int
    quarters: tuple[int, int]
    baht: int | None  # None: ไม่ใช้งบประมาณ
    agencies: list[str]


@dataclass
class Style:
    thai: bool
    heading: int
    code: int
    agencies: int
    budget: int
    period: int
    crlf: bool
    bom: bool
    trim: bool
    remarks: bool
    merge: bool  # Word's merged cells: a repeated budget or period is left blank under the first
    breaks: int  # a page break (header again, "(ต่อ)") before every n-th further row of an activity; 0: none


rows = st.builds(
    Row, st.sampled_from(UNITS), st.integers(1, 500),
    st.tuples(st.integers(1, 4), st.integers(1, 4)).map(lambda q: (min(q), max(q))),
    st.one_of(st.sampled_from([None, 5_000, 12_000]), st.integers(0, 500_000)),  # often the same as the row above
    st.lists(st.sampled_from(OFFICES), min_size=1, max_size=4, unique=True),
)
activities = st.tuples(st.sampled_from(TITLES), st.lists(rows, min_size=1, max_size=3))
tactics = st.tuples(st.sampled_from(TITLES), st.lists(activities, min_size=1, max_size=3))
plans = st.tuples(st.integers(2566, 2575),
                  st.lists(st.tuples(st.sampled_from(TITLES), st.lists(tactics, min_size=1, max_size=2)),
                           min_size=1, max_size=4))
styles = st.builds(Style, st.booleans(), st.integers(0, 2), st.integers(0, 2), st.integers(0, 6),
                   st.integers(0, 3), st.integers(0, 3), st.booleans(), st.booleans(), st.booleans(),
                   st.booleans(), st.booleans(), st.integers(0, 2))


def render(plan: tuple, style: Style) -> str:  # type: ignore[type-arg]
    year, strategies = plan

    def d(text: object) -> str:
        return to_thai_digits(str(text)) if style.thai else str(text)

    def money(baht: int | None) -> str:
        if baht is None:
            return ["ไม่ใช้งบประมาณ", "ไม่ใช้ งบประมาณ"][style.budget % 2]
        return [d(f"{baht:,}"), d(f"{baht:,}") + " บาท", d(baht) + ".-", d(f"{baht:,}")][style.budget]

    def period(q: tuple[int, int]) -> str:
        a, b = q
        if style.period == 1:
            return f"ไตรมาสที่ {d(a)}-{d(b)}" if a != b else f"ไตรมาสที่ {d(a)}"
        if style.period == 2:
            def month(i: int) -> str:
                return f"{FISCAL_MONTHS[i]} {d(str(year - 1 if i < 3 else year)[-2:])}"
            return f"{month(3 * (a - 1))} - {month(3 * b - 1)}"
        if style.period == 3 and (a, b) == (1, 4):
            return "ตลอดปีงบประมาณ"
        return f"ไตรมาส {d(a)} - {d(b)}"

    def names(agencies: list[str]) -> str:
        return [
            " ".join(f"- {n}" for n in agencies), "\n".join(agencies), ", ".join(agencies), " / ".join(agencies),
            " ".join(f"{d(i)}) {n}" for i, n in enumerate(agencies, 1)), " ".join(f"• {n}" for n in agencies),
            " ".join(f"-{n}" for n in agencies),
        ][style.agencies]

    lines = [f"แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม จังหวัดจันทบุรี ประจำปีงบประมาณ พ.ศ. {d(year)}", "",
             f"๓.๑ แผนงานด้านการส่งเสริมคุณธรรม จริยธรรม ประจำปีงบประมาณ พ.ศ. {d(year)}", ""]
    grand = 0
    for s, (s_title, s_tactics) in enumerate(strategies, 1):
        lines += [[f"ยุทธศาสตร์ที่ {d(s)} {s_title}", f"ยุทธศาสตร์ {d(s)} : {s_title}",
                   f"ยุทธศาสตร์ที่ {d(s)} “{s_title}”"][style.heading], ""]
        lines.append("\t".join(HEADER + (["หมายเหตุ"] if style.remarks else [])))
        total = 0
        for t, (t_title, t_activities) in enumerate(s_tactics, 1):
            for a, (a_title, a_rows) in enumerate(t_activities, 1):
                code = [f"{d(t)}.{d(a)} {a_title}", f"{d(t)}.{d(a)}. {a_title}",
                        f"{d(s)}.{d(t)}.{d(a)} {a_title}"][style.code]
                previous: Row | None = None
                for n, row in enumerate(a_rows):
                    page_break = bool(style.breaks) and n > 0 and n % style.breaks == 0
                    if page_break:
                        lines += ["", "\t".join(HEADER + (["หมายเหตุ"] if style.remarks else []))]
                        previous = None  # Word does not merge cells across a page break
                    merged = style.merge and previous is not None
                    same_money = merged and previous is not None and previous.baht == row.baht
                    same_period = merged and previous is not None and previous.quarters == row.quarters
                    cells = [f"{d(t)}. {t_title}" if a == 1 and n == 0 else "",
                             code if n == 0 else (code + " (ต่อ)" if page_break else ""),
                             row.unit, d(row.target), "" if same_money else money(row.baht),
                             "" if same_period else period(row.quarters),
                             f"ตัวชี้วัดที่ {d(n + 1)} ของ {a_title}", "ผลที่คาดว่าจะได้รับ", names(row.agencies)]
                    lines.append("\t".join(cells + ([""] if style.remarks else [])))
                    total += 0 if same_money else row.baht or 0
                    previous = row
        lines.append("\t".join(["รวม", "", "", "", d(f"{total:,}"), "", "", "", ""] + ([""] if style.remarks else [])))
        lines.append("")
        grand += total
    lines.append("\t".join(["รวมงบประมาณทั้งสิ้น", "", "", "", d(f"{grand:,}"), "", "", "", ""]))
    if style.trim:
        lines = [line.rstrip("\t") for line in lines]
    text = "\n".join(lines) + "\n"
    if style.crlf:
        text = text.replace("\n", "\r\n")
    return ("\ufeff" if style.bom else "") + text


def expected(plan: tuple, style: Style) -> tuple[list[str], dict[str, int], int]:  # type: ignore[type-arg]
    """Row outlines, warnings and the budget in satang that the document states."""
    out, warnings, satang = [], {}, 0

    def warn(code: str) -> None:
        warnings[code] = warnings.get(code, 0) + 1
    for s, (_, s_tactics) in enumerate(plan[1], 1):
        for t, (_, t_activities) in enumerate(s_tactics, 1):
            for a, (_, a_rows) in enumerate(t_activities, 1):
                previous: Row | None = None
                for n, row in enumerate(a_rows, 1):
                    if style.breaks and n > 1 and (n - 1) % style.breaks == 0:
                        previous = None
                    merged = style.merge and previous is not None
                    value = "none" if row.baht is None else str(row.baht * 100)
                    budget = value + (f"@{row.agencies[0]}" if len(row.agencies) == 1 else "")
                    if merged and previous is not None and previous.quarters == row.quarters:
                        warn("PERIOD_INHERITED")
                    if merged and previous is not None and previous.baht == row.baht:
                        if row.baht is None:
                            warn("BUDGET_INHERITED")
                        else:
                            warn("BUDGET_SHARED")
                            budget = ""
                    satang += 0 if budget == "" or row.baht is None else row.baht * 100
                    previous = row
                    out.append(f"{s}/{t}.{a}/{n} | {row.unit} | {row.target} | q{row.quarters[0]}-{row.quarters[1]} | "
                               f"{budget} | " + "; ".join(row.agencies))
    return out, dict(sorted(warnings.items())), satang


@settings(max_examples=int(__import__("os").environ.get("ROUNDTRIP_EXAMPLES", "60")), deadline=None)
@given(plans, styles)
@example(  # three rows under one merged amount: each further row shares it, none counts it again
    (2570, [("ส่งเสริม", [("พัฒนา", [("การสร้าง", [Row("ร้อยละ", 80, (2, 4), 5_000, ["อบจ.ตราด"]),
                                                    Row("ครั้ง", 2, (2, 4), 5_000, ["อบจ.ตราด"]),
                                                    Row("คน", 3, (2, 4), 5_000, ["อบจ.ตราด"])])])])]),
    Style(True, 0, 0, 0, 0, 0, False, False, False, False, True, 0))
def test_a_plan_written_in_any_style_reads_back(plan: tuple, style: Style) -> None:  # type: ignore[type-arg]
    read = read_plan_text(render(plan, style), IdentityResolver())
    got = outline(read)
    rows, warnings, satang = expected(plan, style)
    assert got["fiscal_year"] == plan[0]
    assert got["rows"] == rows
    assert [s.title for s in read.strategies] == [title for title, _ in plan[1]]
    assert [[t.title for t in s.tactics] for s in read.strategies] == [[title for title, _ in ts] for _, ts in plan[1]]
    assert got["warnings"] == warnings
    assert read.budget_satang() == satang


def test_an_activity_code_of_another_tactic_is_reported() -> None:
    text = ("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๗๐\n\nยุทธศาสตร์ที่ ๑ ทดสอบ\n" + "\t".join(HEADER) + "\n"
            "๑. กลยุทธ์แรก\t๒.๑ กิจกรรม\tครั้ง\t๑\tไม่ใช้งบประมาณ\tไตรมาส ๑\tตัวชี้วัด\tผล\tอบจ.ตราด\n")
    read = read_plan_text(text, IdentityResolver())
    assert [(w.code, w.line) for w in read.warnings if w.code == "CODE_TACTIC_DIFFERS"] == [("CODE_TACTIC_DIFFERS", 5)]
    assert [t.number for t in read.strategies[0].tactics] == [1, 2]
    assert [a.code for a in read.strategies[0].tactics[1].activities] == ["2.1"]
