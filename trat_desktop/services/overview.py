"""The coordinator's consolidated picture: per row and office, per strategy, who has not reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..domain import plan_fit
from ..domain.display import number_text
from ..domain.labels import labelled_rows
from ..domain.figures import Thresholds, on_target
from ..domain.progress import ProgressEntry, achieved_to_date, allocated_satang, is_reported
from ..domain.reporting import Standing, missing_offices, standing
from ..i18n import _, language
from ..store import progress as progress_store
from .plan import PlanService


@dataclass
class AgencyProgress:
    """One responsible office on one row: its budget, spending and results so far."""

    agency_uid: str
    agency_name: str
    allocated_satang: int | None
    #: the values that fit the plan (they count towards results, targets and spending)
    entries: dict[int, ProgressEntry] = field(default_factory=dict)
    #: quarter -> (value kept but no longer fitting the plan, why): shown as "อยู่นอกแผนปัจจุบัน", not counted
    outside: dict[int, tuple[ProgressEntry, plan_fit.Misfit]] = field(default_factory=dict)

    @property
    def spent_satang(self) -> int:
        return sum(e.spent_satang or 0 for e in self.entries.values())

    def reported(self, quarter: int) -> bool:
        return is_reported(self.entries.get(quarter)) or quarter in self.outside

    def outside_text(self) -> str:
        """Thai for the kept values (the provincial report: stays Thai whatever the screen), e.g. "อยู่นอกแผนปัจจุบัน: ไตรมาส 4 ผล 80 (…)"; '' when none."""
        return "; ".join(f"{plan_fit.OUTSIDE_PLAN_TEXT}: ไตรมาส {q} ผล {number_text(e.achieved, False) or '-'} "
                         f"({plan_fit.reasons_text(m.reasons)})" for q, (e, m) in sorted(self.outside.items()))

    def outside_shown(self) -> str:
        """:meth:`outside_text` for the screen, in its language (the provincial report prints the Thai one)."""
        item = _("{outside}: ไตรมาส {quarter} ผล {achieved} ({reasons})")
        return "; ".join(item.format(outside=_(plan_fit.OUTSIDE_PLAN_TEXT), quarter=q,
                                     achieved=number_text(e.achieved, False) or "-",
                                     reasons=plan_fit.reasons_text(m.reasons))
                         for q, (e, m) in sorted(self.outside.items()))


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
    #: agencies no longer responsible for the row that still hold values on it (all of them outside the plan)
    kept: list[AgencyProgress] = field(default_factory=list)
    strategy_uid: str = ""
    activity_uid: str = ""
    #: the installation's bands (domain/figures.py): every standing of the row uses them
    thresholds: Thresholds = field(default_factory=Thresholds)

    def outside_count(self) -> int:
        return sum(len(o.outside) for o in [*self.offices, *self.kept])

    def achieved(self, office: AgencyProgress) -> float | None:
        return achieved_to_date(self.unit, office.entries)

    def office_on_target(self, office: AgencyProgress) -> bool | None:
        return on_target(self.unit, self.target, office.entries, self.thresholds)

    def standing(self, office: AgencyProgress, quarter: Any) -> Standing:
        """Where *office* stands on this row for the period (domain.reporting's one rule): only its
        values that fit the plan count (a value kept outside the plan is neither a result nor a report)."""
        return standing(range(self.quarter_from, self.quarter_to + 1), self.unit, self.target, office.entries,
                        quarter, thresholds=self.thresholds)

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
    #: office name -> its timeliness for the quarter's round ("ส่งล่าช้า ๓ วัน", "ยังไม่ส่ง"…); empty for the year
    timeliness: dict[str, str] = field(default_factory=dict)


def _office(row: Any, agency_uid: str, name: str, values: dict[int, ProgressEntry], assigned: bool) -> AgencyProgress:
    """An office's values on a row, split by the one policy (domain/plan_fit.py) into fitting and kept."""
    office = AgencyProgress(agency_uid, name, allocated_satang(row, name) if assigned else None)
    for quarter, entry in values.items():
        reasons = plan_fit.misfit_reasons(row, name, entry)
        if reasons:
            office.outside[quarter] = (entry, plan_fit.Misfit(row.uid, agency_uid, quarter, reasons))
        else:
            office.entries[quarter] = entry
    return office


class OverviewService:
    """Read-only views over all offices' progress."""

    def __init__(self, plans: PlanService) -> None:
        self.plans = plans

    def rows(self, fiscal_year: int | None = None, plan: Any = None) -> list[RowOverview]:
        plan = plan or self.plans.load_plan(fiscal_year)
        agencies = self.plans.agencies()
        uid_of = {a.name: a.uid for a in agencies}
        name_of = {a.uid: a.name for a in agencies}
        places = labelled_rows(plan)
        entries = progress_store.load_entries(self.plans.db, [p.row.uid for p in places])
        by_key: dict[tuple[str, str], dict[int, ProgressEntry]] = {}
        by_row: dict[str, list[str]] = {}  # the agencies with values per row (not a scan of every key per row)
        for e in entries:
            values = by_key.setdefault((e.indicator_uid, e.agency_uid), {})
            if not values:
                by_row.setdefault(e.indicator_uid, []).append(e.agency_uid)
            values[e.quarter] = e
        from .figures import thresholds_of

        thresholds = thresholds_of(self.plans.db)
        out = []
        for place in places:
            activity, row = place.activity, place.row
            offices = [_office(row, uid_of[name], name, by_key.get((row.uid, uid_of[name]), {}), True)
                       for name in row.agencies]
            kept = [_office(row, agency, name_of[agency], by_key[(row.uid, agency)], False)
                    for agency in by_row.get(row.uid, ())
                    if agency in name_of and name_of[agency] not in row.agencies]
            out.append(RowOverview(place.label, row.uid, place.strategy.number, activity.code, activity.title,
                                   row.indicator, row.unit, row.target, row.quarter_from, row.quarter_to, offices,
                                   [k for k in kept if k.outside],
                                   strategy_uid=place.strategy.uid, activity_uid=activity.uid,
                                   thresholds=thresholds))
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
            mine = [r for r in rows if r.strategy_uid == strategy.uid]
            pairs = [(o, r.standing(o, quarter)) for r in mine for o in r.offices]
            owed += [(o.agency_name, st) for o, st in pairs]
            stats.append(StrategyStats(
                strategy.number, strategy.title, len(pairs), sum(1 for _o, st in pairs if st.on_target),
                strategy.budget_satang(), sum(st.spent_satang for _o, st in pairs),
            ))
        missing = [name for name, _due, _done in missing_offices(owed)]
        timeliness: dict[str, str] = {}
        if quarter is not None:
            from .progress import ProgressService
            from .rounds import ReviewService, board

            for entry in board(ReviewService(ProgressService(self.plans)), plan.fiscal_year, f"q{quarter}"):
                timeliness[entry.office_name] = entry.punctuality.text(language=language())  # the screen's
        return Dashboard(plan.fiscal_year, quarter, stats, missing, timeliness)
