"""The outline of a read plan, as the corpus under tests/fixtures/plan-variants/ records it.

Agencies are kept as the document names them (an identity resolver): how a name is joined to an
agency is the resolver's business and tested on its own; the corpus pins how the reader finds the
names, the rows, the money and the periods.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trat_desktop.domain.agencies import AgencyResolver, agency_uid, clean_name
from trat_desktop.domain.model import Agency, BudgetLine, Plan

VARIANTS = Path(__file__).resolve().parent / "fixtures" / "plan-variants"
#: Warnings that come from agency resolution, not from the reader.
RESOLVER_CODES = {"AGENCY_SPELLING", "AGENCY_UNKNOWN"}


class IdentityResolver(AgencyResolver):
    """Every name is an agency of its own, exactly as written (after clean_name)."""

    def __init__(self) -> None:
        super().__init__([])

    def resolve(self, raw: str, line: int | None = None) -> str:
        name = clean_name(raw)
        if name not in self.agencies:
            self.agencies[name] = Agency(name, name, set(), agency_uid(name))
        return name


def _budget(line: BudgetLine) -> str:
    value = str(line.value.satang) if line.value.kind == "amount" else line.value.kind
    return value + (f"@{line.agency}" if line.agency else "")


def _target(value: float | None) -> str:
    if value is None:
        return "-"
    return str(int(value)) if float(value).is_integer() else str(value)


def outline(plan: Plan) -> dict[str, Any]:
    rows = []
    for strategy in plan.strategies:
        for tactic in strategy.tactics:
            for activity in tactic.activities:
                for n, row in enumerate(activity.rows, start=1):
                    rows.append(" | ".join([
                        f"{strategy.number}/{activity.code}/{n}", row.unit, _target(row.target),
                        f"q{row.quarter_from}-{row.quarter_to}", "; ".join(_budget(b) for b in row.budget_lines),
                        "; ".join(row.agencies),
                    ]))
    warnings: dict[str, int] = {}
    for warning in plan.warnings:
        if warning.code not in RESOLVER_CODES:
            warnings[warning.code] = warnings.get(warning.code, 0) + 1
    stated = plan.stated_total
    return {
        "fiscal_year": plan.fiscal_year,
        "strategies": [
            {"number": s.number, "title": s.title, "tactics": [t.number for t in s.tactics],
             "activities": [a.code for t in s.tactics for a in t.activities], "rows": len(s.rows()),
             "budget_satang": s.budget_satang()}
            for s in plan.strategies
        ],
        "counts": {
            "strategies": len(plan.strategies),
            "tactics": sum(len(s.tactics) for s in plan.strategies),
            "activities": len(plan.activities()),
            "rows": len(plan.rows()),
            "assignments": sum(len(r.agencies) for r in plan.rows()),
            "agencies": len({n for r in plan.rows() for n in r.agencies}),
        },
        "total_satang": plan.budget_satang(),
        "stated_total_satang": stated.satang if stated is not None and stated.kind == "amount" else None,
        "rows": rows,
        "warnings": dict(sorted(warnings.items())),
    }


def problems(error: Any) -> list[list[Any]]:
    """A PlanFormatError as [line, cell, message] triples."""
    return [[p.line, p.cell, p.message] for p in error.problems]
