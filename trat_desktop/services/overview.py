"""The coordinator's consolidated picture: per row and office, per strategy, who has not reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..domain.progress import ProgressEntry, achieved_to_date, allocated_satang, is_reported, on_target
from ..store import progress as progress_store
from .plan import PlanService
from ..domain.labels import labelled_rows


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
    strategy_uid: str = ""
    activity_uid: str = ""

    def achieved(self, office: AgencyProgress) -> float | None:
        return achieved_to_date(self.unit, office.entries)

    def office_on_target(self, office: AgencyProgress) -> bool | None:
        return on_target(self.unit, self.target, office.entries)

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
    quarter: int
    strategies: list[StrategyStats]
    missing_offices: list[str]


class OverviewService:
    """Read-only views over all offices' progress."""

    def __init__(self, plans: PlanService) -> None:
        self.plans = plans

    def rows(self, fiscal_year: int | None = None, plan: Any = None) -> list[RowOverview]:
        plan = plan or self.plans.load_plan(fiscal_year)
        uid_of = {a.name: a.uid for a in self.plans.agencies()}
        places = labelled_rows(plan)
        entries = progress_store.load_entries(self.plans.db, [p.row.uid for p in places])
        by_key: dict[tuple[str, str], dict[int, ProgressEntry]] = {}
        for e in entries:
            by_key.setdefault((e.indicator_uid, e.agency_uid), {})[e.quarter] = e
        out = []
        for place in places:
            activity, row = place.activity, place.row
            offices = [
                AgencyProgress(uid_of[name], name, allocated_satang(row, name), by_key.get((row.uid, uid_of[name]), {}))
                for name in row.agencies
            ]
            out.append(RowOverview(place.label, row.uid, place.strategy.number, activity.code, activity.title,
                                   row.indicator, row.unit, row.target, row.quarter_from, row.quarter_to, offices,
                                   strategy_uid=place.strategy.uid, activity_uid=activity.uid))
        return out

    def dashboard(self, quarter: int, fiscal_year: int | None = None) -> Dashboard:
        """Per strategy: offices on target, budget allocated vs spent; offices missing this quarter's report."""
        plan = self.plans.load_plan(fiscal_year)
        rows = self.rows(plan=plan)
        stats = []
        for strategy in plan.strategies:
            mine = [r for r in rows if r.strategy_uid == strategy.uid]
            pairs = [(r, o) for r in mine for o in r.offices]
            stats.append(StrategyStats(
                strategy.number, strategy.title, len(pairs),
                sum(1 for r, o in pairs if r.office_on_target(o)),
                strategy.budget_satang(), sum(o.spent_satang for _, o in pairs),
            ))
        due: dict[str, bool] = {}
        for row in rows:
            if row.quarter_from <= quarter <= row.quarter_to:
                for office in row.offices:
                    due[office.agency_name] = due.get(office.agency_name, False) or office.reported(quarter)
        missing = sorted(name for name, reported in due.items() if not reported)
        return Dashboard(plan.fiscal_year, quarter, stats, missing)
