"""Random plans written out as documents in random styles read back to the same plan.

The styles are the ones documents really use (see tests/fixtures/plan-variants/): Thai or Arabic digits,
headings with or without "ที่" and a colon, activity codes ๑.๑ / ๑.๑. / ๑.๑.๑, agency lists in every
style, budgets with บาท or .-, periods as quarters, months or ตลอดปีงบประมาณ, an extra column,
trailing tabs trimmed, CRLF and a BOM. A change of form never changes the plan, and never warns.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
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


rows = st.builds(
    Row, st.sampled_from(UNITS), st.integers(1, 500),
    st.tuples(st.integers(1, 4), st.integers(1, 4)).map(lambda q: (min(q), max(q))),
    st.one_of(st.none(), st.integers(0, 500_000)),
    st.lists(st.sampled_from(OFFICES), min_size=1, max_size=4, unique=True),
)
activities = st.tuples(st.sampled_from(TITLES), st.lists(rows, min_size=1, max_size=3))
tactics = st.tuples(st.sampled_from(TITLES), st.lists(activities, min_size=1, max_size=3))
plans = st.tuples(st.integers(2566, 2575),
                  st.lists(st.tuples(st.sampled_from(TITLES), st.lists(tactics, min_size=1, max_size=2)),
                           min_size=1, max_size=4))
styles = st.builds(Style, st.booleans(), st.integers(0, 2), st.integers(0, 2), st.integers(0, 6),
                   st.integers(0, 3), st.integers(0, 3), st.booleans(), st.booleans(), st.booleans(),
                   st.booleans())


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
                for n, row in enumerate(a_rows):
                    cells = [f"{d(t)}. {t_title}" if a == 1 and n == 0 else "", code if n == 0 else "",
                             row.unit, d(row.target), money(row.baht), period(row.quarters),
                             f"ตัวชี้วัดที่ {d(n + 1)} ของ {a_title}", "ผลที่คาดว่าจะได้รับ", names(row.agencies)]
                    lines.append("\t".join(cells + ([""] if style.remarks else [])))
                    total += row.baht or 0
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


def expected_rows(plan: tuple) -> list[str]:  # type: ignore[type-arg]
    out = []
    for s, (_, s_tactics) in enumerate(plan[1], 1):
        for t, (_, t_activities) in enumerate(s_tactics, 1):
            for a, (_, a_rows) in enumerate(t_activities, 1):
                for n, row in enumerate(a_rows, 1):
                    value = "none" if row.baht is None else str(row.baht * 100)
                    budget = value + (f"@{row.agencies[0]}" if len(row.agencies) == 1 else "")
                    out.append(f"{s}/{t}.{a}/{n} | {row.unit} | {row.target} | q{row.quarters[0]}-{row.quarters[1]} | "
                               f"{budget} | " + "; ".join(row.agencies))
    return out


@settings(max_examples=int(__import__("os").environ.get("ROUNDTRIP_EXAMPLES", "60")), deadline=None)
@given(plans, styles)
def test_a_plan_written_in_any_style_reads_back(plan: tuple, style: Style) -> None:  # type: ignore[type-arg]
    read = read_plan_text(render(plan, style), IdentityResolver())
    got = outline(read)
    assert got["fiscal_year"] == plan[0]
    assert got["rows"] == expected_rows(plan)
    assert [s.title for s in read.strategies] == [title for title, _ in plan[1]]
    assert [[t.title for t in s.tactics] for s in read.strategies] == [[title for title, _ in ts] for _, ts in plan[1]]
    assert got["warnings"] == {}
    assert read.budget_satang() == 100 * sum(r.baht or 0 for _, ts in plan[1] for _, acts in ts for _, rs in acts
                                             for r in rs)


def test_an_activity_code_of_another_tactic_is_reported() -> None:
    text = ("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๗๐\n\nยุทธศาสตร์ที่ ๑ ทดสอบ\n" + "\t".join(HEADER) + "\n"
            "๑. กลยุทธ์แรก\t๒.๑ กิจกรรม\tครั้ง\t๑\tไม่ใช้งบประมาณ\tไตรมาส ๑\tตัวชี้วัด\tผล\tอบจ.ตราด\n")
    read = read_plan_text(text, IdentityResolver())
    assert [(w.code, w.line) for w in read.warnings if w.code == "CODE_TACTIC_DIFFERS"] == [("CODE_TACTIC_DIFFERS", 5)]
    assert [t.number for t in read.strategies[0].tactics] == [1, 2]
    assert [a.code for a in read.strategies[0].tactics[1].activities] == ["2.1"]
