"""A hand-made plan and a fake PlanService for the GUI tests (no database needed).

The plan mimics the Trat 2569 document: five strategies, multi-line budgets tied to
agencies, and each non-amount budget kind. Other GUI tests import from this module.
"""

from __future__ import annotations

from typing import Any

from trat_desktop.domain.model import (
    Activity,
    Agency,
    BudgetLine,
    BudgetValue,
    IndicatorRow,
    Plan,
    PlanWarning,
    Strategy,
    Tactic,
)
from trat_desktop.errors import TratError

EDU = "สำนักงานศึกษาธิการจังหวัดตราด"
HEALTH = "สำนักงานสาธารณสุขจังหวัดตราด"
POLY = "วิทยาลัยสารพัดช่างตราด"
GOV = "ที่ทำการปกครองจังหวัดตราด"


def _row(unit: str, target: float | None, indicator: str, budget: list[BudgetLine],
         q: tuple[int, int] = (2, 4), agencies: list[str] | None = None, line: int = 0,
         expected: str = "บุคลากรมีความรู้ความเข้าใจด้านคุณธรรม จริยธรรม") -> IndicatorRow:
    return IndicatorRow(unit, target, indicator, expected, q[0], q[1],
                        agencies or [GOV], budget, line)


def none() -> list[BudgetLine]:
    return [BudgetLine(BudgetValue("none"))]


def make_plan(year: int = 2569) -> Plan:
    """Five strategies, 8 activities, 10 indicator rows, counted total 272,650 baht."""
    s1 = Strategy(1, "การสร้างมาตรฐานทางจริยธรรมภายในของหน่วยงานของรัฐ",
                  goal="การสร้างการรับรู้และความเข้าใจมาตรฐานทางจริยธรรม", tactics=[
        Tactic(1, "ส่งเสริมให้หน่วยงานสร้างการตระหนักรู้เพื่อรักษาและส่งเสริมจริยธรรม", [
            Activity("1.2", "จัดทำ และประชาสัมพันธ์คู่มือ Dos & Don'ts ให้บุคลากรในหน่วยงานได้รับทราบ", [
                _row("ร้อยละ", 80, "ร้อยละของบุคลากรในหน่วยงานรับทราบคู่มือ", none(), line=247),
            ]),
            Activity("1.5", "โครงการส่งเสริมคุณธรรม จริยธรรม และการป้องกันการทุจริต เพื่อสร้างความโปร่งใสของหน่วยงาน", [
                _row("ครั้ง", 1, "จำนวนครั้งในการจัดกิจกรรม",
                     [BudgetLine(BudgetValue.baht(99650))], line=254),
                _row("ร้อยละ", 80, "ร้อยละของผู้เข้าร่วมโครงการมีความรู้ความเข้าใจ", [
                    BudgetLine(BudgetValue.baht(50000)),
                    BudgetLine(BudgetValue.baht(34000), EDU),
                    BudgetLine(BudgetValue.baht(15000), POLY),
                    BudgetLine(BudgetValue.baht(12000), HEALTH),
                ], agencies=[GOV, EDU, POLY, HEALTH], line=259),
            ]),
        ]),
    ])
    s2 = Strategy(2, "การพัฒนาผลักดันนโยบายและระบบบริหารการส่งเสริมมาตรฐานทางจริยธรรมภาครัฐ", tactics=[
        Tactic(3, "รณรงค์ ส่งเสริมให้เจ้าหน้าที่ของรัฐยึดหลักมาตรฐานทางจริยธรรม", [
            Activity("3.2", "โครงการขับเคลื่อนการป้องกันและปราบปรามการทุจริต", [
                _row("ร้อยละ", 80, "ร้อยละของบุคลากรที่เข้าร่วมโครงการ",
                     [BudgetLine(BudgetValue("na"))], q=(4, 4), line=290),
            ]),
            Activity("3.5", "กิจกรรมเสริมสร้างวัฒนธรรมที่ดี", [
                _row("ร้อยละ", 80, "ร้อยละของบุคลากรที่เข้าร่วมกิจกรรม",
                     [BudgetLine(BudgetValue.baht(12000), HEALTH)], q=(3, 3),
                     agencies=[HEALTH], line=296),
            ]),
        ]),
    ])
    s3 = Strategy(3, "การส่งเสริมการนำมาตรฐานทางจริยธรรมไปใช้ในการบริหารงานบุคคล", tactics=[
        Tactic(1, "ส่งเสริมให้ใช้เครื่องมือรูปแบบต่างๆ ในการประเมินพฤติกรรมทางจริยธรรม", [
            Activity("1.1", "การจัดทำแบบทดสอบประเมินพฤติกรรมทางจริยธรรม", [
                _row("ร้อยละ", 80, "ร้อยละของบุคลากรที่ดำเนินการประเมิน", none(), line=307),
                _row("ครั้ง", 2, "จำนวนครั้งในการจัดกิจกรรมประเมินจริยธรรม",
                     [BudgetLine(BudgetValue("dash"))], line=308),
            ]),
        ]),
    ])
    s4 = Strategy(4, "การรวมพลังทุกภาคส่วนในการสร้างสังคม-วัฒนธรรมทางจริยธรรม", tactics=[
        Tactic(2, "การจัดกิจกรรมในรูปแบบความรับผิดชอบต่อสังคม", [
            Activity("2.1", "กิจกรรมเฉลิมพระเกียรติ โดยอาสาสมัคร", [
                _row("ครั้ง", 1, "จำนวนครั้งในการจัดกิจกรรม",
                     [BudgetLine(BudgetValue.baht(50000))], q=(1, 4), line=320),
            ]),
        ]),
    ])
    s5 = Strategy(5, "การสื่อสารเพื่อสร้างความรู้ความเข้าใจและเสริมสร้างทัศนคติเรื่องมาตรฐานจริยธรรม", tactics=[
        Tactic(1, "ใช้ช่องทางสื่อสังคมออนไลน์ (Social Media) ในการรณรงค์", [
            Activity("1.1", "การเผยแพร่ข้อมูลข่าวสารด้านจริยธรรมผ่าน website และ Social Media", [
                _row("ระดับ", 5, "ระดับความสำเร็จในการเผยแพร่ข้อมูลข่าวสาร", none(), line=335),
            ]),
            Activity("1.2", "ประชาสัมพันธ์ช่องทางร้องเรียนการทุจริต", [
                _row("ช่องทาง", 2.5, "จำนวนช่องทางสื่อสาร", none(), line=344),
            ]),
        ]),
    ])
    return Plan(
        fiscal_year=year,
        title=f"แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม ของจังหวัดตราด ประจำปีงบประมาณ พ.ศ. {year}",
        strategies=[s1, s2, s3, s4, s5],
        stated_total=BudgetValue.baht(227650),
        warnings=WARNINGS,
        source_name="trat-ethics-plan-2569.txt",
        agencies={a.name: a for a in AGENCIES},
    )


AGENCIES = [
    Agency(EDU, "สนง.ศึกษาธิการ จ.ตราด"),
    Agency(HEALTH, "สนง.สาธารณสุข จ.ตราด"),
    Agency(POLY, ""),
    Agency(GOV, "ที่ทำการปกครอง จ.ตราด"),
]

WARNINGS = [
    PlanWarning("title-year", "ปีในชื่อเอกสาร (๒๕๖๕) ไม่ตรงกับปีงบประมาณของแผน (๒๕๖๙)", 5),
    PlanWarning("total-mismatch", "ยอดรวมงบประมาณยุทธศาสตร์ที่ ๑ ไม่ตรงกับผลรวมของรายการ", 259),
    PlanWarning("no-line", "ไม่พบหน่วยงานในทะเบียน", None),
]

#: Sum of the counted budgets of make_plan(): 99,650 + 111,000 + 12,000 + 50,000.
TOTAL_BAHT = 272650
ROW_COUNT = 10


class FakeService:
    """The PlanService methods the GUI calls, over hand-made plans."""

    def __init__(self, plans: dict[int, Plan] | None = None, fail: str | None = None) -> None:
        self.plans = plans if plans is not None else {2569: make_plan()}
        self.fail = fail
        self.calls: list[tuple[str, Any]] = []

    def fiscal_years(self) -> list[int]:
        self.calls.append(("fiscal_years", None))
        return sorted(self.plans)

    def load_plan(self, fiscal_year: int | None = None) -> Plan:
        self.calls.append(("load_plan", fiscal_year))
        if self.fail:
            raise TratError(self.fail)
        return self.plans[fiscal_year if fiscal_year is not None else max(self.plans)]

    def warnings(self, fiscal_year: int | None = None) -> list[PlanWarning]:
        return list(self.load_plan(fiscal_year).warnings)

    def summary(self, fiscal_year: int | None = None) -> dict[str, Any]:
        plan = self.load_plan(fiscal_year)
        return {"fiscal_year": plan.fiscal_year, "rows": len(plan.rows())}

    def agencies(self) -> list[Any]:
        return []


def test_fake_plan_is_what_the_gui_tests_assume() -> None:
    plan = make_plan()
    assert len(plan.strategies) == 5
    assert len(plan.rows()) == ROW_COUNT
    assert plan.budget_satang() == TOTAL_BAHT * 100
    kinds = {line.value.kind for row in plan.rows() for line in row.budget_lines}
    assert kinds == {"amount", "none", "na", "dash"}


def test_fake_service_reports_errors_as_trat_errors() -> None:
    service = FakeService(fail="เปิดฐานข้อมูลไม่ได้")
    try:
        service.load_plan()
    except TratError as exc:
        assert exc.message == "เปิดฐานข้อมูลไม่ได้"
    else:  # pragma: no cover
        raise AssertionError("expected TratError")
