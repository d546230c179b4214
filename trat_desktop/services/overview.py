"""The coordinator's consolidated picture: per row and office, per strategy, who has not reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..domain.progress import ProgressEntry, achieved_to_date, allocated_satang, is_reported, on_target
from ..domain.reporting import Standing, missing_offices, standing
from ..store import progress as progress_store
from .plan import PlanService
from .progress import row_ids


@dataclass
class AgencyProgress:
    """One responsible office on one row: its budget, spending and results so far."""

    agency_uid: str
    agency_name: str
    allocated_satang: int | None
    entries: dict[int, ProgressEntry] = field(default_factory=dict)

    @property
    def spent_satang(self) -> int:
        return sum(e.spent_satang or 0 for e in self.entries.values())

    def reported(self, quarter: int) -> bool:
        return is_reported(self.entries.get(quarter))


@dataclass
class RowOverview:
    """An indicator row with every responsible office's progress."""

    id: str
    indicator_uid: str
    strategy: int
    activity_code: str
    activity_title: str
    indicator: str
    unit: str
    target: float | None
    quarter_from: int
    quarter_to: int
    offices: list[AgencyProgress]

    def achieved(self, office: AgencyProgress) -> float | None:
        return achieved_to_date(self.unit, office.entries)

    def office_on_target(self, office: AgencyProgress) -> bool | None:
        return on_target(self.unit, self.target, office.entries)

    def standing(self, office: AgencyProgress, quarter: int | None) -> Standing:
        """Where *office* stands on this row for the period (domain.reporting's one rule)."""
        return standing(range(self.quarter_from, self.quarter_to + 1), self.unit, self.target, office.entries, quarter)

    def reported_count(self, quarter: int) -> int:
        return sum(o.reported(quarter) for o in self.offices)

    @property
    def allocated_satang(self) -> int:
        return sum(o.allocated_satang or 0 for o in self.offices)

    @property
    def spent_satang(self) -> int:
        return sum(o.spent_satang for o in self.offices)


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
