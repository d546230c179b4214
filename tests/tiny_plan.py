"""A tiny plan for store, domain and service tests: built in memory in a millisecond instead of
reading the whole FY2569 document (~0.3 s per test).

    plan = tiny_plan()                 # 1 strategy, 1 tactic, 2 activities, 3 rows, 2 agencies
    plans = tiny_service()             # a PlanService on an in-memory database holding it
    progress = tiny_office(plans)      # set up as office A (signing keys made)

The rows (readable ids as ``progress list`` prints them):

* ``1/1.1/1`` ร้อยละ, target 80, quarters 2–4, offices A and B; budget 10,000 baht for A only
* ``1/1.1/2`` ครั้ง, target 4, quarters 1–4, office A; budget 2,500 baht
* ``1/1.2/1`` ระดับ, target 5, quarter 4 only, office B; "ไม่ใช้งบประมาณ"
"""

from __future__ import annotations

import uuid
from typing import Any

from trat_desktop.domain.agencies import agency_uid
from trat_desktop.domain.identity import Identity
from trat_desktop.domain.model import (Activity, Agency, BudgetLine, BudgetValue, IndicatorRow, Plan, Strategy,
                                       Tactic)

OFFICE_A = "สำนักงานทดสอบหนึ่ง"
OFFICE_B = "สำนักงานทดสอบสอง"
_NS = uuid.UUID("5a0c2d3e-7a0f-4c1e-9b8e-000000000014")


def _uid(*parts: object) -> str:
    return str(uuid.uuid5(_NS, "/".join(str(p) for p in parts)))


def tiny_plan(fiscal_year: int = 2569, offices: tuple[str, str] = (OFFICE_A, OFFICE_B)) -> Plan:
    a, b = offices
    rows_1 = [
        IndicatorRow(unit="ร้อยละ", target=80, indicator="ร้อยละของบุคลากรที่ผ่านการอบรม", expected_result="บุคลากรมีคุณธรรม",
                     quarter_from=2, quarter_to=4, agencies=[a, b],
                     budget_lines=[BudgetLine(BudgetValue.baht(10_000), agency=a)], uid=_uid(fiscal_year, "r1")),
        IndicatorRow(unit="ครั้ง", target=4, indicator="จำนวนครั้งที่จัดประชุม", expected_result="มีการประชุม",
                     quarter_from=1, quarter_to=4, agencies=[a], budget_lines=[BudgetLine(BudgetValue.baht(2_500))],
                     uid=_uid(fiscal_year, "r2")),
    ]
    rows_2 = [
        IndicatorRow(unit="ระดับ", target=5, indicator="ระดับความสำเร็จของการประเมิน", expected_result="ผ่านการประเมิน",
                     quarter_from=4, quarter_to=4, agencies=[b], budget_lines=[BudgetLine(BudgetValue("none"))],
                     uid=_uid(fiscal_year, "r3")),
    ]
    tactic = Tactic(number=1, title="ส่งเสริมคุณธรรมในองค์กร", uid=_uid(fiscal_year, "t1"), activities=[
        Activity(code="1.1", title="โครงการอบรมคุณธรรม", rows=rows_1, uid=_uid(fiscal_year, "a1")),
        Activity(code="1.2", title="โครงการประเมินองค์กรคุณธรรม", rows=rows_2, uid=_uid(fiscal_year, "a2")),
    ])
    strategy = Strategy(number=1, title="การสร้างมาตรฐานทางจริยธรรม", goal="หน่วยงานมีมาตรฐานทางจริยธรรม",
                        tactics=[tactic], uid=_uid(fiscal_year, "s1"))
    agencies = {name: Agency(name=name, short_name=f"สนง.ทดสอบ{n}", uid=agency_uid(name))
                for n, name in ((1, a), (2, b))}
    return Plan(fiscal_year=fiscal_year, title="แผนทดสอบ", strategies=[strategy], agencies=agencies,
                source_name="tiny", revision=1)


def memory_db() -> Any:
    """A fresh database in memory with the current schema (no seed plan)."""
    from trat_desktop.store.connection import connect

    return connect(":memory:")


def tiny_service(plan: Plan | None = None, db: Any = None) -> Any:
    """A PlanService on an in-memory database holding the tiny plan (no data folder: no evidence
    or backups; use a file database for those)."""
    from trat_desktop.services import PlanService
    from trat_desktop.store import plans as plan_store

    db = db if db is not None else memory_db()
    plan = plan or tiny_plan()
    plan_store.save_plan(db, plan, plan.agencies.values())
    return PlanService(db, None)


def tiny_office(plans: Any, office: str = OFFICE_A, clock: Any = None) -> Any:
    from trat_desktop.services import ProgressService

    progress = ProgressService(plans, clock=clock)
    progress.set_identity(Identity(role="office", office_name=office, reporter_name="ผู้ทดสอบ"))
    return progress
