"""Achievement figures for a year or a round, over this installation's rows (domain/figures.py computes).

The band thresholds are settings of the installation (``figures_achieved_pct``, ``figures_near_pct``):
the coordinator sets them (:meth:`FiguresService.set_thresholds`), the plan package carries them to the
offices, and every standing (dashboard, consolidated view, reports, Excel) bands with them.
"""

from __future__ import annotations

from typing import Any

from ..domain.capabilities import require
from ..domain.figures import RULE_TEXT, GroupFigures, Placed, Thresholds, ThresholdError, item_figures, rollup
from .progress import ProgressService, WorkItem

ACHIEVED_KEY, NEAR_KEY = "figures_achieved_pct", "figures_near_pct"


def thresholds_of(db: Any) -> Thresholds:
    """The installation's thresholds (100 % / 80 % when unset or unusable)."""
    from ..store import settings as settings_store

    values = settings_store.load_settings(db)
    try:
        return Thresholds(float(values.get(ACHIEVED_KEY, 100)), float(values.get(NEAR_KEY, 80)))
    except (ValueError, ThresholdError):
        return Thresholds()


def save_thresholds(db: Any, thresholds: Thresholds, actor: str, at: str) -> None:
    """Store thresholds (audited); the caller checked who may."""
    from ..store import settings as settings_store

    settings_store.save_settings(db, {ACHIEVED_KEY: _number(thresholds.achieved), NEAR_KEY: _number(thresholds.near)},
                                 actor, at)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


class FiguresService:
    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress

    def thresholds(self) -> Thresholds:
        return thresholds_of(self.progress.plans.db)

    def set_thresholds(self, achieved: object, near: object) -> Thresholds:
        """The coordinator's bands (checked: 0 < near ≤ achieved ≤ 100, Thai message otherwise)."""
        from ..domain.figures import parse_thresholds

        me = self.progress.identity()
        require(me, "set_thresholds")
        found = parse_thresholds(achieved, near)
        save_thresholds(self.progress.plans.db, found, me.actor(), self.progress.now())
        return found

    def quarters(self, fiscal_year: int, round_id: str | None) -> tuple[int, ...] | None:
        """The quarters a round's figures count: every quarter to the round's end (results to date, as the
        reports' standing counts them); None for the whole year."""
        if round_id is None:
            return None
        from .rounds import RoundService

        last = RoundService(self.progress).find(fiscal_year, round_id).quarters()[-1]
        return tuple(range(1, last + 1))

    def item(self, work: WorkItem, quarters: tuple[int, ...] | None = None,
             thresholds: Thresholds | None = None) -> Any:
        """One row × office; values kept outside the plan do not count (domain/plan_fit.py)."""
        fitting = {q: e for q, e in work.entries.items() if q not in getattr(work, "outside", {})}
        return item_figures(work.unit, work.target, fitting, work.allocated_satang, thresholds or self.thresholds(),
                            quarters)

    def figures(self, fiscal_year: int, round_id: str | None = None) -> tuple[GroupFigures, list[tuple[WorkItem, Any]]]:
        quarters = self.quarters(fiscal_year, round_id)
        thresholds = self.thresholds()
        items = []
        placed = []
        for work in self.progress.work_items(fiscal_year):
            if not getattr(work, "assigned", True):
                continue  # a row the office no longer answers for (values kept aside): not its figures
            f = self.item(work, quarters, thresholds)
            items.append((work, f))
            placed.append(Placed(work.strategy, work.activity_code, f))
        return rollup(placed), items

    def as_json(self, fiscal_year: int, round_id: str | None = None) -> dict[str, Any]:
        province, _items = self.figures(fiscal_year, round_id)
        thresholds = self.thresholds()
        return {"fiscal_year": fiscal_year, "round": round_id, "rule": RULE_TEXT,
                "thresholds": {"achieved": thresholds.achieved, "near": thresholds.near},
                "province": province.as_json(),
                "strategies": {number: {**s.as_json(), "activities": {code: a.as_json() for code, a in s.children.items()}}
                               for number, s in province.children.items()}}
