"""Achievement figures for a year or a round, over this installation's rows (domain/figures.py computes)."""

from __future__ import annotations

from typing import Any

from ..domain.figures import RULE_TEXT, GroupFigures, Placed, Thresholds, item_figures, rollup
from .progress import ProgressService, WorkItem

ACHIEVED_KEY, NEAR_KEY = "figures_achieved_pct", "figures_near_pct"


class FiguresService:
    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress

    def thresholds(self) -> Thresholds:
        from ..store import settings as settings_store

        values = settings_store.load_settings(self.progress.plans.db)
        try:
            return Thresholds(float(values.get(ACHIEVED_KEY, 100)), float(values.get(NEAR_KEY, 80)))
        except ValueError:
            return Thresholds()

    def quarters(self, fiscal_year: int, round_id: str | None) -> tuple[int, ...] | None:
        if round_id is None:
            return None
        from .rounds import RoundService

        return RoundService(self.progress).find(fiscal_year, round_id).quarters()

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
        return {"fiscal_year": fiscal_year, "round": round_id, "rule": RULE_TEXT,
                "thresholds": {"achieved": self.thresholds().achieved, "near": self.thresholds().near},
                "province": province.as_json(),
                "strategies": {number: {**s.as_json(), "activities": {code: a.as_json() for code, a in s.children.items()}}
                               for number, s in province.children.items()}}
