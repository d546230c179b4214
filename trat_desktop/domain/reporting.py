"""Where an office stands on one indicator row for a period: due, reported, missing, on target.

The one place that decides it. The dashboard, the consolidated view, the provincial and office
reports and the Excel export all call :func:`standing` (and :func:`missing_offices`), for the
period the user chose: a quarter 1-4, or ``None`` for the whole fiscal year.

* **due** – the quarters of the period that fall in the row's period (ไตรมาสที่ดำเนินการ).
* **reported** – of those, the quarters with a value, a spending, a note or a status.
* **missing** – due but not reported (an office owes a report).
* **on target** – the result to the end of the period is in the band บรรลุ of domain/figures.py (the one
  rule, with the coordinator's thresholds; None: nothing reported to the end of the period, or no target).
  A standing carries those figures (ร้อยละความสำเร็จ, band, a status that contradicts the result), so a
  printed "บรรลุเป้าหมาย" and a printed band come from one computation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from ..i18n import N_
from .figures import ItemFigures, Thresholds, item_figures
from .identity import Identity
from .model import Plan
from .progress import STATUSES, ProgressEntry, is_reported

#: the standing words as reports print them (Thai), marked for the catalog (the screen: ``_(NOT_DUE)`` …)
NOT_DUE = N_("นอกระยะเวลา")
NOT_REPORTED = N_("ยังไม่รายงาน")
REPORTED = N_("รายงานแล้ว")
ON_TARGET = N_("บรรลุเป้าหมาย")


#: a period: one quarter 1-4, a round's quarters (e.g. (1, 2) for รอบ ๖ เดือน), or None for the whole year
Period = int | tuple[int, ...] | None


def period_quarters(quarter: Period) -> tuple[int, ...]:
    """The quarters of a period: one quarter, a round's quarters, or 1-4 for the whole year."""
    if quarter is None:
        return (1, 2, 3, 4)
    if isinstance(quarter, tuple):
        return tuple(sorted(set(quarter)))
    return (quarter,)


def period_end(quarter: Period) -> int:
    """The last quarter of a period."""
    return period_quarters(quarter)[-1]


def entries_through(entries: Mapping[int, ProgressEntry], quarter: Period) -> dict[int, ProgressEntry]:
    """The entries of quarters up to the end of the period (all of them for the whole year)."""
    end = period_end(quarter)
    return {q: e for q, e in entries.items() if q <= end}


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
    #: the figures to the end of the period (domain/figures.py): on_target is their band บรรลุ
    figures: ItemFigures | None = None

    @property
    def band(self) -> str | None:
        return self.figures.band if self.figures is not None else None

    @property
    def achievement_pct(self) -> float | None:
        return self.figures.achievement_pct if self.figures is not None else None

    @property
    def contradiction(self) -> str:
        return self.figures.contradiction if self.figures is not None else ""

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
             entries: Mapping[int, ProgressEntry], quarter: Period,
             also_reported: Iterable[int] = (), thresholds: Thresholds | None = None) -> Standing:
    """Where one office stands on one row for *quarter* (a round's quarters as a tuple; None: the whole year). *entries* are the
    values that count; *also_reported*: quarters whose value is kept outside the plan (reported,
    not counted as a result); *thresholds*: the bands (the installation's setting; default 100 % / 80 %)."""
    in_row = set(row_quarters)
    kept = set(also_reported)
    due_quarters = [q for q in period_quarters(quarter) if q in in_row]
    reported = sum(1 for q in due_quarters if is_reported(entries.get(q)) or q in kept)
    so_far = entries_through(entries, quarter)
    latest = [e for _q, e in sorted(so_far.items()) if is_reported(e)]
    spent = sum(e.spent_satang or 0 for e in so_far.values())
    in_period = sum((entries[q].spent_satang or 0) for q in period_quarters(quarter) if q in entries)
    figures = item_figures(unit, target, so_far, thresholds=thresholds or Thresholds())
    on_target = None if figures.band is None else figures.band == "achieved"
    return Standing(len(due_quarters), reported, figures.achieved_to_date, on_target,
                    latest[-1].status if latest else "", spent, in_period, figures)


def missing_offices(standings: Iterable[tuple[str, Standing]]) -> list[tuple[str, int, int]]:
    """(office, reports due, reports made) of every office that owes a report in the period, by name."""
    owed: dict[str, list[int]] = {}
    for name, s in standings:
        counts = owed.setdefault(name, [0, 0])
        counts[0] += s.due
        counts[1] += s.reported
    return sorted((name, due, done) for name, (due, done) in owed.items() if done < due)


# --- what the report service hands the reports ------------------------------------------------
# The rows themselves are the services' plain dataclasses (services.progress.WorkItem,
# services.overview.RowOverview): the reports read their fields and never import the services.

@dataclass
class OfficeReportData:
    """Everything the office's quarterly report prints."""

    fiscal_year: int
    quarter: int
    today: dt.date
    me: Identity
    items: list[Any]  # services.progress.WorkItem
    verification_code: str
    #: a reporting round's name and period when the report is for a round (รอบ ๖ เดือน …), else ''
    period_title: str = ""
    #: the bands of domain/figures.py as the installation set them
    thresholds: Thresholds = field(default_factory=Thresholds)
    #: the round's id when the report is for a round ('' for a quarter report)
    round_id: str = ""


@dataclass
class ProvinceReportData:
    """Everything the provincial report and the Excel workbook print."""

    plan: Plan
    rows: list[Any]  # services.overview.RowOverview
    quarter: int | None
    me: Identity
    today: dt.date
    now: str  # ISO 8601 time of writing
    #: a reporting round's name and period when the report is for a round, else ''
    period_title: str = ""
    #: timeliness per office and round (domain/rounds.py): dicts with office, round, state_text, timeliness_text,
    #: submitted, received (services.rounds.OfficeRound.as_json); empty when not gathered
    timeliness: list[dict[str, Any]] = field(default_factory=list)
    #: the bands of domain/figures.py as the installation set them (the rows carry them too)
    thresholds: Thresholds = field(default_factory=Thresholds)
    #: the round's id when the report is for a round ('' for a quarter or whole-year report)
    round_id: str = ""
    #: the round's quarters (e.g. (1, 2) for รอบ ๖ เดือน): reports due, narratives; () outside a round
    round_quarters: tuple[int, ...] = ()

    @property
    def period(self) -> "Period":
        """The period the standings are computed for: the round's quarters, else the quarter (None: the year)."""
        return self.round_quarters if len(self.round_quarters) > 1 else self.quarter
