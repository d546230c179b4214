"""Saving and loading whole plans."""

from __future__ import annotations

import datetime as dt
import sqlite3
from operator import itemgetter
from typing import Any, Iterable, Iterator
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
        db["plan_warnings"].insert_all(warning_rows(plan_id, plan.warnings))
        db["audit_log"].insert({
            "at": stamp, "actor": "", "action": "plan_import", "entity": "plan",
            "entity_uid": str(plan.fiscal_year), "field": "revision",
            "old_value": None if old is None else str(old[1]), "new_value": str(new_revision),
        })
    return int(plan_id)


def warning_rows(plan_id: int, warnings: Iterable[PlanWarning]) -> Iterator[dict[str, Any]]:
    """The stored rows of a plan's warnings: the text in Thai (the source language, made again from the
    message's recipe when it was read in English), and the recipe the screen makes its own language from."""
    for w in warnings:
        yield {"plan_id": plan_id, "code": w.code, "message": w.shown("th"), "line": w.line, "message_key": w.key}


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


def load_plan(db: Database, fiscal_year: int, agency_uid: str | None = None) -> Plan | None:
    """The whole plan of a year as dataclasses, or None if there is none.

    With *agency_uid*: only the activities that hold a row of that agency (assigned to it, or with a
    value it recorded), each with all its rows, under their own tactics and strategies — what an
    office's entry page shows, with every label ("1/1.5/2") as in the whole plan (a row's number is
    its place among all the rows of its activity). An office of the 100× plan reads a few hundred
    rows instead of 3,500.

    One query per table, rows as tuples (no dict per row)."""
    conn = db.conn
    try:
        head = conn.execute(
            "SELECT id, fiscal_year, title, stated_total_kind, stated_total_satang, source_name, source_sha256, "
            "revision FROM plans WHERE fiscal_year = ?", [fiscal_year]).fetchone()
        if head is None:
            return None
        plan_id = head[0]
        plan = Plan(fiscal_year=head[1], title=head[2], stated_total=_budget(head[3], head[4]),
                    source_name=head[5], source_sha256=head[6], revision=head[7])
        strategies: dict[int, Strategy] = {}
        for sid, number, title, goal, kind, satang, uid, line in conn.execute(
                "SELECT id, number, title, goal, stated_budget_kind, stated_budget_satang, uid, source_line "
                "FROM strategies WHERE plan_id = ? ORDER BY position", [plan_id]):
            strategy = Strategy(number, title, goal, _budget(kind, satang), uid=uid, source_line=line)
            strategies[sid] = strategy
            plan.strategies.append(strategy)
        tactics: dict[int, Tactic] = {}
        for tid, sid, number, title, uid in conn.execute(
                """SELECT t.id, t.strategy_id, t.number, t.title, t.uid FROM tactics t
                   JOIN strategies s ON s.id = t.strategy_id WHERE s.plan_id = ? ORDER BY t.position""", [plan_id]):
            tactic = Tactic(number, title, uid=uid)
            tactics[tid] = tactic
            strategies[sid].tactics.append(tactic)
        scope, params = _scope(plan_id, agency_uid)
        activities: dict[int, Activity] = {}
        found = conn.execute(
            f"""SELECT a.position, a.id, a.tactic_id, a.code, a.title, a.uid, a.predecessor_uid FROM activities a
               JOIN tactics t ON t.id = a.tactic_id JOIN strategies s ON s.id = t.strategy_id
               WHERE {scope}""", params).fetchall()
        found.sort(key=_POSITION)  # (as the rows: sorted here, not in a temporary B-tree of every column)
        for _position, aid, tid, code, title, uid, predecessor in found:
            activity = Activity(code, title, uid=uid, predecessor_uid=predecessor)
            activities[aid] = activity
            tactics[tid].activities.append(activity)
        names = dict(conn.execute("SELECT id, name FROM agencies").fetchall())
        rows = _load_rows(conn, scope, params, activities, names)
        warnings = conn.execute("SELECT code, message, line, message_key FROM plan_warnings WHERE plan_id = ? "
                                "ORDER BY id",
                                [plan_id]).fetchall()
    except sqlite3.Error as exc:
        db._fail(exc)
    if agency_uid is not None:  # only the tactics and strategies that hold one of its activities
        for strategy in plan.strategies:
            strategy.tactics = [t for t in strategy.tactics if t.activities]
        plan.strategies = [s for s in plan.strategies if s.tactics]
    used = {n for r in rows for n in r.agencies}
    plan.agencies.update((a.name, a) for a in load_agencies(db) if a.name in used)
    plan.warnings = [PlanWarning(code, message, line, key) for code, message, line, key in warnings]
    return plan


def _scope(plan_id: int, agency_uid: str | None) -> tuple[str, list[object]]:
    """The WHERE clause (over activities a, tactics t, strategies s) of the activities read, and its parameters."""
    if agency_uid is None:
        return "s.plan_id = ?", [plan_id]
    return ("""s.plan_id = ? AND a.id IN (
                 SELECT i.activity_id FROM assignments x JOIN indicators i ON i.id = x.indicator_id
                 WHERE x.agency_id = (SELECT id FROM agencies WHERE uid = ?)
                 UNION SELECT i.activity_id FROM progress p JOIN indicators i ON i.uid = p.indicator_uid
                 WHERE p.agency_uid = ?)""", [plan_id, agency_uid, agency_uid])


_POSITION = itemgetter(0)


def _load_rows(conn: sqlite3.Connection, scope: str, params: list[object], activities: dict[int, Activity],
               names: dict[int, str]) -> list[IndicatorRow]:
    rows_of = f"""FROM indicators i JOIN activities a ON a.id = i.activity_id JOIN tactics t ON t.id = a.tactic_id
                  JOIN strategies s ON s.id = t.strategy_id WHERE {scope}"""
    found = conn.execute(
        "SELECT i.position, i.id, i.activity_id, i.unit, i.target, i.indicator, i.expected_result, i.quarter_from, "
        f"i.quarter_to, i.source_line, i.uid, i.predecessor_uid {rows_of}", params).fetchall()
    found.sort(key=_POSITION)  # (SQLite's ORDER BY here builds a temporary B-tree of every column)
    by_id: dict[int, IndicatorRow] = {}
    for (_position, rid, aid, unit, target, indicator, expected, q_from, q_to, line, uid, predecessor) in found:
        row = IndicatorRow(unit, target, indicator, expected, q_from, q_to, [], [], line, uid, predecessor, {})
        by_id[rid] = row
        activities[aid].rows.append(row)
    # The rows' assignments and budget lines: when this read holds most of the database's rows (one or
    # two years' plans) the whole tables are read in order and the others' skipped (less time than a lookup
    # per row, at 100× the plan); else by lookup. Either way row by row, never a list of all of them (an
    # import run holds its plan: its peak memory would grow with the plan's assignments).
    scan = len(by_id) * 2 >= conn.execute("SELECT count(*) FROM indicators").fetchone()[0]
    if scan:
        assigned = conn.execute("SELECT indicator_id, position, agency_id, written FROM assignments "
                                "ORDER BY indicator_id, position")  # read as it goes: no list of every row
    else:
        assigned = conn.execute(
            f"SELECT x.indicator_id, x.position, x.agency_id, x.written FROM assignments x WHERE x.indicator_id IN "
            f"(SELECT i.id {rows_of}) ORDER BY x.indicator_id, x.position", params)
    for rid, _position, agency_id, written in assigned:
        row = by_id.get(rid)  # type: ignore[assignment]
        if row is None:
            continue  # another plan's
        name = names[agency_id]
        row.agencies.append(name)
        if written:
            row.written[name] = written
    values: dict[tuple[str, int | None], BudgetValue] = {}  # frozen: one value object per kind and amount
    if scan:
        lines = conn.execute("SELECT indicator_id, position, agency_id, kind, amount_satang FROM budget_lines "
                             "ORDER BY indicator_id, position")
    else:
        lines = conn.execute(
            f"SELECT b.indicator_id, b.position, b.agency_id, b.kind, b.amount_satang FROM budget_lines b "
            f"WHERE b.indicator_id IN (SELECT i.id {rows_of}) ORDER BY b.indicator_id, b.position", params)
    for rid, _position, agency_id, kind, satang in lines:
        holder = by_id.get(rid)
        if holder is None:
            continue
        value = values.get((kind, satang))
        if value is None:
            value = values[(kind, satang)] = BudgetValue(kind, satang)
        holder.budget_lines.append(BudgetLine(value, names[agency_id] if agency_id is not None else None))
    return list(by_id.values())
