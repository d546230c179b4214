"""Where an office stands on one indicator row for a period: due, reported, missing, on target.

The one place that decides it. The dashboard, the consolidated view, the provincial and office
reports and the Excel export all call :func:`standing` (and :func:`missing_offices`), for the
period the user chose: a quarter 1-4, or ``None`` for the whole fiscal year.

* **due** – the quarters of the period that fall in the row's period (ไตรมาสที่ดำเนินการ).
* **reported** – of those, the quarters with a value, a spending, a note or a status.
* **missing** – due but not reported (an office owes a report).
* **on target** – the result to the end of the period reaches the target (None: nothing
  reported to the end of the period, or the row has no target).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .identity import Identity
from .model import IndicatorRow, Plan
from .progress import STATUSES, ProgressEntry, achieved_to_date, is_reported, on_target
from .thai import fiscal_quarter_of, fiscal_year_of

NOT_DUE = "นอกระยะเวลา"
NOT_REPORTED = "ยังไม่รายงาน"
REPORTED = "รายงานแล้ว"
ON_TARGET = "บรรลุเป้าหมาย"


def default_quarter(fiscal_year: int | None, today: dt.date) -> int:
    """The quarter a report or a page is about when none is chosen: today's, or the last one (4) of a
    past fiscal year, or the first one of a future year."""
    current = fiscal_year_of(today)
    if fiscal_year is None or fiscal_year == current:
        return fiscal_quarter_of(today)
    return 4 if current > fiscal_year else 1


def period_quarters(quarter: int | None) -> range:
    """The quarters of a period: one quarter, or 1-4 for the whole year."""
    return range(1, 5) if quarter is None else range(quarter, quarter + 1)


def entries_through(entries: Mapping[int, ProgressEntry], quarter: int | None) -> dict[int, ProgressEntry]:
    """The entries of quarters up to the end of the period (all of them for the whole year)."""
    return {q: e for q, e in entries.items() if quarter is None or q <= quarter}


@dataclass(frozen=True)
class Standing:
    """One office on one row for one period."""

    due: int                  # quarters of the period it had to report
    reported: int             # of those, how many it reported
    achieved: float | None    # its result to the end of the period
    on_target: bool | None
    status: str               # the key of the latest reported status to the end of the period ('' if none)
    spent_satang: int         # spending to the end of the period
    spent_in_period: int      # spending in the period's quarters

    @property
    def is_due(self) -> bool:
        return self.due > 0

    @property
    def missing(self) -> int:
        """Reports owed in the period."""
        return self.due - self.reported

    @property
    def complete(self) -> bool:
        """Every report due in the period was made (True when none was due)."""
        return self.reported >= self.due

    @property
    def label(self) -> str:
        """One Thai word for the cell of a report: never two that contradict each other.

        Not due → นอกระยะเวลา; a report owed → ยังไม่รายงาน (never beside บรรลุเป้าหมาย); the target
        reached → บรรลุเป้าหมาย under the status the office gave (alone when that status still says
        ยังไม่เริ่ม; never for a cancelled row); otherwise the status.
        """
        if not self.is_due:
            return NOT_DUE
        if not self.complete:
            return NOT_REPORTED
        status = STATUSES.get(self.status, "")
        if self.status == "cancelled" or not self.on_target:
            return status
        if self.status in ("", "not_started"):
            return ON_TARGET
        return f"{status}\n{ON_TARGET}"


def standing(row_quarters: Iterable[int], unit: str, target: float | None,
             entries: Mapping[int, ProgressEntry], quarter: int | None) -> Standing:
    """Where one office stands on one row for *quarter* (None: the whole year)."""
    in_row = set(row_quarters)
    due_quarters = [q for q in period_quarters(quarter) if q in in_row]
    reported = sum(1 for q in due_quarters if is_reported(entries.get(q)))
    so_far = entries_through(entries, quarter)
    latest = [e for _q, e in sorted(so_far.items()) if is_reported(e)]
    spent = sum(e.spent_satang or 0 for e in so_far.values())
    in_period = sum((entries[q].spent_satang or 0) for q in period_quarters(quarter) if q in entries)
    return Standing(len(due_quarters), reported, achieved_to_date(unit, so_far), on_target(unit, target, so_far),
                    latest[-1].status if latest else "", spent, in_period)


def missing_offices(standings: Iterable[tuple[str, Standing]]) -> list[tuple[str, int, int]]:
    """(office, reports due, reports made) of every office that owes a report in the period, by name."""
    owed: dict[str, list[int]] = {}
    for name, s in standings:
        counts = owed.setdefault(name, [0, 0])
        counts[0] += s.due
        counts[1] += s.reported
    return sorted((name, due, done) for name, (due, done) in owed.items() if done < due)


# --- the plain rows a report is made of (the report service fills them, reports only read them) ---

@dataclass
class WorkItem:
    """One indicator row as one agency works on it, with its progress per quarter."""

    id: str
    indicator_uid: str
    strategy: int
    tactic: int
    activity_code: str
    activity_title: str
    indicator: str
    unit: str
    target: float | None
    quarter_from: int
    quarter_to: int
    agency_uid: str
    agency_name: str
    allocated_satang: int | None
    row: IndicatorRow
    entries: dict[int, ProgressEntry] = field(default_factory=dict)
    strategy_title: str = ""
    fiscal_year: int = 0

    def quarters(self) -> range:
        return range(self.quarter_from, self.quarter_to + 1)

    def entry(self, quarter: int) -> ProgressEntry:
        return self.entries.get(quarter) or ProgressEntry(self.indicator_uid, self.agency_uid, quarter)



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
class OfficeReportData:
    """Everything the office's quarterly report prints."""

    fiscal_year: int
    quarter: int
    today: dt.date
    me: Identity
    items: list[WorkItem]
    verification_code: str


@dataclass
class ProvinceReportData:
    """Everything the provincial report and the Excel workbook print."""

    plan: Plan
    rows: list[RowOverview]
    quarter: int | None
    me: Identity
    today: dt.date
    now: str  # ISO 8601 time of writing
