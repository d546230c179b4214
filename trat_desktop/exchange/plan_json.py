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
from ..domain.plan_rules import MAX_TEXT, PlanEditError, check_budget_satang, check_target
from ..domain.text import clean_text
from ..i18n import N_
from ..i18n import keyed as _  # refusals become the import ledger's reasons, stored and shown again (i18n.remake)
from .archive import BadArchive

# the Thai name of each plan field a message may name (never the JSON key)
FIELD_NAMES = {"fiscal_year": N_("ปีงบประมาณ"), "title": N_("ชื่อ"), "revision": N_("ฉบับที่"),
               "name": N_("ชื่อหน่วยงาน"), "short_name": N_("ชื่อย่อหน่วยงาน"), "number": N_("ลำดับ"),
               "goal": N_("เป้าประสงค์"), "code": N_("รหัสกิจกรรม"), "unit": N_("หน่วยนับ"), "indicator": N_("ตัวชี้วัด"),
               "expected_result": N_("ผลที่คาดว่าจะได้รับ"), "agencies": N_("หน่วยงาน"), "strategies": N_("ยุทธศาสตร์"),
               "tactics": N_("กลยุทธ์"), "activities": N_("แผนงาน/โครงการ/กิจกรรม"), "rows": N_("ตัวชี้วัด")}


def _name(key: str) -> str:
    """A field's name as the screen shows it."""
    return _(FIELD_NAMES[key]) if key in FIELD_NAMES else key

_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _budget(value: BudgetValue | None) -> list[Any] | None:
    return None if value is None else [value.kind, value.satang]


def plan_to_json(plan: Plan) -> dict[str, Any]:
    return {
        "fiscal_year": plan.fiscal_year, "title": plan.title, "revision": plan.revision,
        "stated_total": _budget(plan.stated_total),
        "agencies": [{"uid": a.uid, "name": a.name, "short_name": a.short_name, "aliases": sorted(a.aliases)}
                     for a in plan.agencies.values()],
        "warnings": [[w.code, w.shown("th"), w.line] for w in plan.warnings],  # Thai, as stored
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
                        **({"written": {n: r.written[n] for n in r.agencies if r.written.get(n, n) != n}}
                           if any(r.written.get(n, n) != n for n in r.agencies) else {}),
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
        return BadArchive(_("แผนในไฟล์ “{name}” ไม่ถูกต้อง: {what}").format(name=self.file_name, what=what))

    def text(self, obj: dict[str, Any], key: str, empty_ok: bool = True) -> str:
        """A text field, cleaned as a plan edit cleans it (line separators, control characters)."""
        value = obj.get(key)
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise self.fail(_("ข้อมูล “{field}”").format(field=_name(key)))
        value = clean_text(value)
        if not empty_ok and not value:
            raise self.fail(_("ข้อมูล “{field}”").format(field=_name(key)))
        return value

    def integer(self, obj: dict[str, Any], key: str, low: int, high: int) -> int:
        value = obj.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(_("ข้อมูล “{field}”").format(field=_name(key)))
        return value

    def uid(self, obj: dict[str, Any], seen: set[str]) -> str:
        value = obj.get("uid")
        if not isinstance(value, str) or not _UID.fullmatch(value) or value in seen:
            raise self.fail(_("รหัสประจำรายการซ้ำหรือไม่ถูกต้อง"))
        seen.add(value)
        return value

    def predecessor(self, obj: dict[str, Any]) -> str:
        """The optional link to last year's part ('' or absent in packages without one)."""
        value = obj.get("predecessor_uid", "")
        if not isinstance(value, str) or (value and not _UID.fullmatch(value)):
            raise self.fail(_("รหัสของแถวในปีก่อน (predecessor_uid) ไม่ถูกต้อง"))
        return value

    def items(self, obj: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = obj.get(key)
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value) or len(value) > 100_000:
            raise self.fail(_("รายการ “{field}”").format(field=_name(key)))
        return value

    def budget(self, value: Any) -> BudgetValue | None:
        if value is None:
            return None
        if not isinstance(value, list) or len(value) != 2 or value[0] not in ("amount", "none", "na", "dash"):
            raise self.fail(_("งบประมาณ"))
        kind, satang = value
        if kind == "amount":
            if isinstance(satang, bool) or not isinstance(satang, int):
                raise self.fail(_("จำนวนเงิน"))
            try:
                return BudgetValue("amount", check_budget_satang(satang))
            except PlanEditError as exc:
                raise self.fail(exc.message) from None
        if satang is not None:
            raise self.fail(_("งบประมาณ"))
        return BudgetValue(kind)


def plan_from_json(data: Any, file_name: str) -> Plan:
    """Rebuild and check a plan; raises BadArchive in Thai on anything malformed."""
    r = _Reader(file_name)
    if not isinstance(data, dict):
        raise r.fail(_("โครงสร้าง"))
    seen: set[str] = set()
    agencies: dict[str, Agency] = {}
    for a in r.items(data, "agencies"):
        aliases = a.get("aliases")
        if not isinstance(aliases, list) or not all(isinstance(x, str) and len(x) <= 300 for x in aliases):
            raise r.fail(_("ชื่ออื่นของหน่วยงาน"))
        clean_aliases = {clean_text(x) for x in aliases} - {""}
        agency = Agency(r.text(a, "name", False), r.text(a, "short_name"), clean_aliases, r.uid(a, seen))
        agencies[agency.name] = agency
    plan = Plan(r.integer(data, "fiscal_year", 2500, 2700), r.text(data, "title"),
                agencies=agencies, stated_total=r.budget(data.get("stated_total")),
                revision=r.integer(data, "revision", 1, 10**9))
    warnings = data.get("warnings")
    if not isinstance(warnings, list):
        raise r.fail(_("คำเตือน"))
    for w in warnings:
        if not (isinstance(w, list) and len(w) == 3 and isinstance(w[0], str) and isinstance(w[1], str)
                and (w[2] is None or (isinstance(w[2], int) and not isinstance(w[2], bool) and 0 <= w[2] <= 10**7))):
            raise r.fail(_("คำเตือน"))
        plan.warnings.append(PlanWarning(clean_text(w[0])[:60], clean_text(w[1])[:MAX_TEXT], w[2]))
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
        raise r.fail(_("ระยะเวลา"))
    target = row.get("target")
    if target is not None:
        if isinstance(target, bool) or not isinstance(target, (int, float)):
            raise r.fail(_("เป้าหมาย"))
        try:
            target = check_target(target)
        except PlanEditError as exc:
            raise r.fail(exc.message) from None
    names = row.get("agencies")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise r.fail(_("หน่วยงานผู้รับผิดชอบ"))
    names = [clean_text(n) for n in names]  # agency names are keyed cleaned, as read above
    if not all(n in agencies for n in names):
        raise r.fail(_("หน่วยงานผู้รับผิดชอบ"))
    lines = []
    budget_lines = row.get("budget_lines") or []
    if not isinstance(budget_lines, list):
        raise r.fail(_("รายการงบประมาณ"))
    for line in budget_lines:
        if not isinstance(line, list) or len(line) != 3 or (line[2] is not None and not isinstance(line[2], str)):
            raise r.fail(_("รายการงบประมาณ"))
        agency = None if line[2] is None else clean_text(line[2])
        if agency is not None and agency not in agencies:
            raise r.fail(_("รายการงบประมาณ"))
        value = r.budget([line[0], line[1]])
        assert value is not None
        lines.append(BudgetLine(value, agency))
    written = row.get("written") or {}  # optional (packages before version 12 of the app have none)
    if not isinstance(written, dict) or not all(isinstance(k, str) and isinstance(v, str) and len(v) <= MAX_TEXT
                                                and clean_text(k) in names for k, v in written.items()):
        raise r.fail(_("หน่วยงานผู้รับผิดชอบ"))
    spellings = {clean_text(k): clean_text(v) for k, v in written.items() if clean_text(v)}
    return IndicatorRow(r.text(row, "unit"), None if target is None else float(target), r.text(row, "indicator"),
                        r.text(row, "expected_result"), quarters[0], quarters[1], list(names), lines,
                        uid=r.uid(row, seen), predecessor_uid=r.predecessor(row), written=spellings)


# --- the coordinator's figure thresholds (optional; packages without them still import) --------------

THRESHOLDS_KEY = "figures_thresholds"


def thresholds_to_json(thresholds: Any) -> dict[str, Any]:
    """The bands of domain/figures.py as an optional plan.json field: ``{"figures_thresholds": {...}}``."""
    return {THRESHOLDS_KEY: {"achieved": thresholds.achieved, "near": thresholds.near}}


def thresholds_from_json(data: Any, file_name: str) -> Any:
    """The package's thresholds (domain.figures.Thresholds), None when it carries none; checked as the
    coordinator's entry is (0 < near ≤ achieved ≤ 100)."""
    from ..domain.figures import Thresholds, ThresholdError

    if not isinstance(data, dict) or THRESHOLDS_KEY not in data:
        return None
    given = data[THRESHOLDS_KEY]
    r = _Reader(file_name)
    if not isinstance(given, dict) or set(given) != {"achieved", "near"}:
        raise r.fail(_("เกณฑ์ผลสัมฤทธิ์"))
    values = [given["achieved"], given["near"]]
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        raise r.fail(_("เกณฑ์ผลสัมฤทธิ์"))
    try:
        return Thresholds(float(values[0]), float(values[1]))
    except (ThresholdError, OverflowError):
        raise r.fail(_("เกณฑ์ผลสัมฤทธิ์")) from None
