"""Saving and loading whole plans."""

from __future__ import annotations

import datetime as dt
from typing import Iterable
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
from ..domain import plan_rules
from .agencies import load_agencies, save_agencies
from .connection import Database


def _budget_columns(value: BudgetValue | None) -> tuple[str | None, int | None]:
    return (None, None) if value is None else (value.kind, value.satang)


def _budget(kind: str | None, satang: int | None) -> BudgetValue | None:
    return None if kind is None else BudgetValue(kind, satang)  # type: ignore[arg-type]


def fiscal_years(db: Database) -> list[int]:
    return [row["fiscal_year"] for row in db.query("SELECT fiscal_year FROM plans ORDER BY fiscal_year")]


def save_plan(db: Database, plan: Plan, agencies: Iterable[Agency] = (),
              now: dt.datetime | None = None, revision: int | None = None) -> int:
    """Store *plan*, replacing any plan of the same year, all in one transaction; returns the plan id.

    *agencies* are saved too (with their aliases) even where the plan does not use them.
    """
    stamp = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    plan.warnings.extend(plan_rules.repair_duplicates(plan))  # the schema refuses repeated codes
    with db.atomic():
        old = db.execute("SELECT id, revision FROM plans WHERE fiscal_year = ?", [plan.fiscal_year]).fetchone()
        new_revision = 1
        if old is not None:
            new_revision = old[1] + 1
            db.execute("DELETE FROM plans WHERE id = ?", [old[0]])
        if revision is not None:
            new_revision = revision
        agency_ids = save_agencies(db, [*agencies, *plan.agencies.values()])
        kind, satang = _budget_columns(plan.stated_total)
        plan_id = db["plans"].insert({
            "fiscal_year": plan.fiscal_year, "title": plan.title, "revision": new_revision,
            "source_name": plan.source_name, "source_sha256": plan.source_sha256,
            "stated_total_kind": kind, "stated_total_satang": satang, "imported_at": stamp,
        }).last_pk
        for s_pos, strategy in enumerate(plan.strategies):
            kind, satang = _budget_columns(strategy.stated_budget)
            strategy_id = db["strategies"].insert({
                "uid": strategy.uid, "plan_id": plan_id, "number": strategy.number, "title": strategy.title,
                "goal": strategy.goal, "stated_budget_kind": kind, "stated_budget_satang": satang,
                "source_line": strategy.source_line, "position": s_pos,
            }).last_pk
            for t_pos, tactic in enumerate(strategy.tactics):
                tactic_id = db["tactics"].insert({
                    "uid": tactic.uid, "strategy_id": strategy_id, "number": tactic.number,
                    "title": tactic.title, "position": t_pos,
                }).last_pk
                for a_pos, activity in enumerate(tactic.activities):
                    activity_id = db["activities"].insert({
                        "uid": activity.uid, "tactic_id": tactic_id, "code": activity.code,
                        "title": activity.title, "position": a_pos, "predecessor_uid": activity.predecessor_uid,
                    }).last_pk
                    for r_pos, row in enumerate(activity.rows):
                        _save_row(db, activity_id, r_pos, row, agency_ids)
        db["plan_warnings"].insert_all(
            {"plan_id": plan_id, "code": w.code, "message": w.message, "line": w.line} for w in plan.warnings
        )
        db["audit_log"].insert({
            "at": stamp, "actor": "", "action": "plan_import", "entity": "plan",
            "entity_uid": str(plan.fiscal_year), "field": "revision",
            "old_value": None if old is None else str(old[1]), "new_value": str(new_revision),
        })
    return int(plan_id)


def _save_row(db: Database, activity_id: int, position: int, row: IndicatorRow,
              agency_ids: dict[str, int]) -> None:
    row_id = db["indicators"].insert({
        "uid": row.uid, "activity_id": activity_id, "unit": row.unit, "target": row.target,
        "indicator": row.indicator, "expected_result": row.expected_result,
        "quarter_from": row.quarter_from, "quarter_to": row.quarter_to,
        "source_line": row.source_line, "position": position, "predecessor_uid": row.predecessor_uid,
    }).last_pk
    db["assignments"].insert_all(
        {"indicator_id": row_id, "agency_id": agency_ids[name], "position": i, "written": _written(row, name)}
        for i, name in enumerate(row.agencies)
    )
    db["budget_lines"].insert_all(
        {"indicator_id": row_id, "agency_id": agency_ids[line.agency] if line.agency else None,
         "kind": line.value.kind, "amount_satang": line.value.satang, "position": i}
        for i, line in enumerate(row.budget_lines)
    )


def _written(row: IndicatorRow, name: str) -> str:
    """The document's spelling of *name* in *row* to store ('' when it is the register's name)."""
    spelling = row.written.get(name, "")
    return "" if spelling == name else spelling


def load_plan(db: Database, fiscal_year: int) -> Plan | None:
    """The whole plan of a year as dataclasses, or None if there is none."""
    head = next(db.query("SELECT * FROM plans WHERE fiscal_year = ?", [fiscal_year]), None)
    if head is None:
        return None
    agencies = {a.name: a for a in load_agencies(db)}
    names = {row["id"]: row["name"] for row in db.query("SELECT id, name FROM agencies")}
    plan = Plan(
        fiscal_year=head["fiscal_year"], title=head["title"],
        stated_total=_budget(head["stated_total_kind"], head["stated_total_satang"]),
        source_name=head["source_name"], source_sha256=head["source_sha256"],
        revision=head["revision"],
    )
    strategies: dict[int, Strategy] = {}
    for row in db.query("SELECT * FROM strategies WHERE plan_id = ? ORDER BY position", [head["id"]]):
        strategy = Strategy(row["number"], row["title"], row["goal"],
                            _budget(row["stated_budget_kind"], row["stated_budget_satang"]),
                            uid=row["uid"], source_line=row["source_line"])
        strategies[row["id"]] = strategy
        plan.strategies.append(strategy)
    tactics: dict[int, Tactic] = {}
    for row in db.query(
        """SELECT t.* FROM tactics t JOIN strategies s ON s.id = t.strategy_id
           WHERE s.plan_id = ? ORDER BY t.position""", [head["id"]]):
        tactic = Tactic(row["number"], row["title"], uid=row["uid"])
        tactics[row["id"]] = tactic
        strategies[row["strategy_id"]].tactics.append(tactic)
    activities: dict[int, Activity] = {}
    for row in db.query(
        """SELECT a.* FROM activities a JOIN tactics t ON t.id = a.tactic_id
           JOIN strategies s ON s.id = t.strategy_id WHERE s.plan_id = ? ORDER BY a.position""", [head["id"]]):
        activity = Activity(row["code"], row["title"], uid=row["uid"], predecessor_uid=row["predecessor_uid"])
        activities[row["id"]] = activity
        tactics[row["tactic_id"]].activities.append(activity)
    rows = _load_rows(db, head["id"], activities, names)
    for name in {n for r in rows for n in r.agencies}:
        plan.agencies[name] = agencies[name]
    plan.warnings = [
        PlanWarning(r["code"], r["message"], r["line"])
        for r in db.query("SELECT code, message, line FROM plan_warnings WHERE plan_id = ? ORDER BY id", [head["id"]])
    ]
    return plan


def _load_rows(db: Database, plan_id: int, activities: dict[int, Activity],
               names: dict[int, str]) -> list[IndicatorRow]:
    scope = """FROM indicators i JOIN activities a ON a.id = i.activity_id JOIN tactics t ON t.id = a.tactic_id
               JOIN strategies s ON s.id = t.strategy_id WHERE s.plan_id = ?"""
    by_id: dict[int, IndicatorRow] = {}
    for row in db.query(f"SELECT i.* {scope} ORDER BY i.position", [plan_id]):
        indicator = IndicatorRow(
            unit=row["unit"], target=row["target"], indicator=row["indicator"],
            expected_result=row["expected_result"], quarter_from=row["quarter_from"],
            quarter_to=row["quarter_to"], source_line=row["source_line"], uid=row["uid"],
            predecessor_uid=row["predecessor_uid"],
        )
        by_id[row["id"]] = indicator
        activities[row["activity_id"]].rows.append(indicator)
    for row in db.query(
        f"SELECT x.indicator_id, x.agency_id, x.written FROM assignments x WHERE x.indicator_id IN "
        f"(SELECT i.id {scope}) ORDER BY x.indicator_id, x.position", [plan_id]):
        indicator = by_id[row["indicator_id"]]
        name = names[row["agency_id"]]
        indicator.agencies.append(name)
        if row["written"]:
            indicator.written[name] = row["written"]
    for row in db.query(
        f"SELECT b.* FROM budget_lines b WHERE b.indicator_id IN (SELECT i.id {scope}) "
        "ORDER BY b.indicator_id, b.position", [plan_id]):
        value = BudgetValue(row["kind"], row["amount_satang"])
        agency = names[row["agency_id"]] if row["agency_id"] is not None else None
        by_id[row["indicator_id"]].budget_lines.append(BudgetLine(value, agency))
    return list(by_id.values())
