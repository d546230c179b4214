"""The coordinator's consolidated picture: per row and office, per strategy, who has not reported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain.progress import ProgressEntry, allocated_satang
from ..domain.reporting import AgencyProgress, RowOverview, Standing, missing_offices  # noqa: F401 (re-exported)
from ..store import progress as progress_store
from .plan import PlanService
from .progress import row_ids


@dataclass
class StrategyStats:
    """Dashboard figures for one strategy."""

    number: int
    title: str
    assignments: int
    on_target: int
    allocated_satang: int
    spent_satang: int

    @property
    def on_target_share(self) -> float:
        return self.on_target / self.assignments if self.assignments else 0.0


@dataclass
class Dashboard:
    fiscal_year: int
    quarter: int | None
    strategies: list[StrategyStats]
    missing_offices: list[str]


class OverviewService:
    """Read-only views over all offices' progress."""

    def __init__(self, plans: PlanService) -> None:
        self.plans = plans

    def rows(self, fiscal_year: int | None = None, plan: Any = None) -> list[RowOverview]:
        plan = plan or self.plans.load_plan(fiscal_year)
        uid_of = {a.name: a.uid for a in self.plans.agencies()}
        ids = row_ids(plan)
        entries = progress_store.load_entries(self.plans.db, [row.uid for *_, row in ids.values()])
        by_key: dict[tuple[str, str], dict[int, ProgressEntry]] = {}
        for e in entries:
            by_key.setdefault((e.indicator_uid, e.agency_uid), {})[e.quarter] = e
        out = []
        for item_id, (strategy, _tactic, activity, row) in ids.items():
            offices = [
                AgencyProgress(uid_of[name], name, allocated_satang(row, name), by_key.get((row.uid, uid_of[name]), {}))
                for name in row.agencies
            ]
            out.append(RowOverview(item_id, row.uid, strategy, activity.code, activity.title, row.indicator,
                                   row.unit, row.target, row.quarter_from, row.quarter_to, offices))
        return out

    def dashboard(self, quarter: int | None, fiscal_year: int | None = None) -> Dashboard:
        """Per strategy, for the chosen period (a quarter, or None for the year): assignments on target to
        the end of the period, budget allocated vs spent to then; the offices that owe a report of the
        period. The same rule (:func:`domain.reporting.standing`) as the printed reports and the Excel."""
        plan = self.plans.load_plan(fiscal_year)
        rows = self.rows(plan=plan)
        stats = []
        owed: list[tuple[str, Standing]] = []
        for strategy in plan.strategies:
            mine = [r for r in rows if r.strategy == strategy.number]
            pairs = [(o, r.standing(o, quarter)) for r in mine for o in r.offices]
            owed += [(o.agency_name, st) for o, st in pairs]
            stats.append(StrategyStats(
                strategy.number, strategy.title, len(pairs), sum(1 for _o, st in pairs if st.on_target),
                strategy.budget_satang(), sum(st.spent_satang for _o, st in pairs),
            ))
        missing = [name for name, _due, _done in missing_offices(owed)]
        return Dashboard(plan.fiscal_year, quarter, stats, missing)
