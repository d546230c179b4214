"""A plan as JSON for plan packages, and back, with every field checked."""

from __future__ import annotations

import re
from typing import Any

from ..domain.model import (
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
from .archive import BadArchive

_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
MAX_TEXT = 4000


def _budget(value: BudgetValue | None) -> list[Any] | None:
    return None if value is None else [value.kind, value.satang]


def plan_to_json(plan: Plan) -> dict[str, Any]:
    return {
        "fiscal_year": plan.fiscal_year, "title": plan.title, "revision": plan.revision,
        "stated_total": _budget(plan.stated_total),
        "agencies": [{"uid": a.uid, "name": a.name, "short_name": a.short_name, "aliases": sorted(a.aliases)}
                     for a in plan.agencies.values()],
        "warnings": [[w.code, w.message, w.line] for w in plan.warnings],
        "strategies": [{
            "uid": s.uid, "number": s.number, "title": s.title, "goal": s.goal,
            "stated_budget": _budget(s.stated_budget),
            "tactics": [{
                "uid": t.uid, "number": t.number, "title": t.title,
                "activities": [{
                    "uid": a.uid, "code": a.code, "title": a.title, "predecessor_uid": a.predecessor_uid,
                    "rows": [{
                        "uid": r.uid, "predecessor_uid": r.predecessor_uid, "unit": r.unit, "target": r.target, "indicator": r.indicator,
                        "expected_result": r.expected_result, "quarters": [r.quarter_from, r.quarter_to],
                        "agencies": r.agencies,
                        "budget_lines": [[b.value.kind, b.value.satang, b.agency] for b in r.budget_lines],
                    } for r in a.rows],
                } for a in t.activities],
            } for t in s.tactics],
        } for s in plan.strategies],
    }


class _Reader:
    def __init__(self, file_name: str) -> None:
        self.file_name = file_name

    def fail(self, what: str) -> BadArchive:
        return BadArchive(f"แผนในไฟล์ “{self.file_name}” ไม่ถูกต้อง: {what}")

    def text(self, obj: dict[str, Any], key: str, empty_ok: bool = True) -> str:
        value = obj.get(key)
        if not isinstance(value, str) or len(value) > MAX_TEXT or (not empty_ok and not value):
            raise self.fail(f"ข้อมูล “{key}”")
        return value

    def integer(self, obj: dict[str, Any], key: str, low: int, high: int) -> int:
        value = obj.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(f"ข้อมูล “{key}”")
        return value

    def uid(self, obj: dict[str, Any], seen: set[str]) -> str:
        value = obj.get("uid")
        if not isinstance(value, str) or not _UID.fullmatch(value) or value in seen:
            raise self.fail("รหัส (uid) ซ้ำหรือไม่ถูกต้อง")
        seen.add(value)
        return value

    def predecessor(self, obj: dict[str, Any]) -> str:
        """The optional link to last year's part ('' or absent in packages without one)."""
        value = obj.get("predecessor_uid", "")
        if not isinstance(value, str) or (value and not _UID.fullmatch(value)):
            raise self.fail("รหัสของแถวในปีก่อน (predecessor_uid) ไม่ถูกต้อง")
        return value

    def items(self, obj: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = obj.get(key)
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value) or len(value) > 100_000:
            raise self.fail(f"รายการ “{key}”")
        return value

    def budget(self, value: Any) -> BudgetValue | None:
        if value is None:
            return None
        if not isinstance(value, list) or len(value) != 2 or value[0] not in ("amount", "none", "na", "dash"):
            raise self.fail("งบประมาณ")
        kind, satang = value
        if kind == "amount":
            if isinstance(satang, bool) or not isinstance(satang, int) or satang < 0:
                raise self.fail("จำนวนเงิน")
            return BudgetValue("amount", satang)
        if satang is not None:
            raise self.fail("งบประมาณ")
        return BudgetValue(kind)


def plan_from_json(data: Any, file_name: str) -> Plan:
    """Rebuild and check a plan; raises BadArchive in Thai on anything malformed."""
    r = _Reader(file_name)
    if not isinstance(data, dict):
        raise r.fail("โครงสร้าง")
    seen: set[str] = set()
    agencies: dict[str, Agency] = {}
    for a in r.items(data, "agencies"):
        aliases = a.get("aliases")
        if not isinstance(aliases, list) or not all(isinstance(x, str) and len(x) <= 300 for x in aliases):
            raise r.fail("ชื่ออื่นของหน่วยงาน")
        agency = Agency(r.text(a, "name", False), r.text(a, "short_name"), set(aliases), r.uid(a, seen))
        agencies[agency.name] = agency
    plan = Plan(r.integer(data, "fiscal_year", 2500, 2700), r.text(data, "title"),
                agencies=agencies, stated_total=r.budget(data.get("stated_total")),
                revision=r.integer(data, "revision", 1, 10**9))
    warnings = data.get("warnings")
    if not isinstance(warnings, list):
        raise r.fail("คำเตือน")
    for w in warnings:
        if not (isinstance(w, list) and len(w) == 3 and isinstance(w[0], str) and isinstance(w[1], str)
                and (w[2] is None or isinstance(w[2], int))):
            raise r.fail("คำเตือน")
        plan.warnings.append(PlanWarning(w[0][:60], w[1][:MAX_TEXT], w[2]))
    for s in r.items(data, "strategies"):
        strategy = Strategy(r.integer(s, "number", 1, 999), r.text(s, "title", False), r.text(s, "goal"),
                            r.budget(s.get("stated_budget")), uid=r.uid(s, seen))
        for t in r.items(s, "tactics"):
            tactic = Tactic(r.integer(t, "number", 1, 999), r.text(t, "title", False), uid=r.uid(t, seen))
            for a in r.items(t, "activities"):
                activity = Activity(r.text(a, "code", False), r.text(a, "title", False), uid=r.uid(a, seen),
                                    predecessor_uid=r.predecessor(a))
                for row in r.items(a, "rows"):
                    activity.rows.append(_row(r, row, seen, agencies))
                tactic.activities.append(activity)
            strategy.tactics.append(tactic)
        plan.strategies.append(strategy)
    return plan


def _row(r: _Reader, row: dict[str, Any], seen: set[str], agencies: dict[str, Agency]) -> IndicatorRow:
    quarters = row.get("quarters")
    if (not isinstance(quarters, list) or len(quarters) != 2 or not all(isinstance(q, int) for q in quarters)
            or not 1 <= quarters[0] <= quarters[1] <= 4):
        raise r.fail("ระยะเวลา")
    target = row.get("target")
    if target is not None and (isinstance(target, bool) or not isinstance(target, (int, float)) or target < 0):
        raise r.fail("เป้าหมาย")
    names = row.get("agencies")
    if not isinstance(names, list) or not all(isinstance(n, str) and n in agencies for n in names):
        raise r.fail("หน่วยงานผู้รับผิดชอบ")
    lines = []
    for line in row.get("budget_lines") or []:
        if not isinstance(line, list) or len(line) != 3 or (line[2] is not None and line[2] not in agencies):
            raise r.fail("รายการงบประมาณ")
        value = r.budget([line[0], line[1]])
        assert value is not None
        lines.append(BudgetLine(value, line[2]))
    return IndicatorRow(r.text(row, "unit"), None if target is None else float(target), r.text(row, "indicator"),
                        r.text(row, "expected_result"), quarters[0], quarters[1], list(names), lines,
                        uid=r.uid(row, seen), predecessor_uid=r.predecessor(row))
