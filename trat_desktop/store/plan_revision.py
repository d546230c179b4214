"""Storing a revised plan document for a year that already has a plan: in place, by uid.

Unlike :func:`.plans.save_plan` (a new year), nothing is deleted and re-inserted: every part whose
uid is in the revised plan is updated where it is (fields, parent, position), new parts are inserted,
and parts no longer in the plan go to the trash exactly as the editor's removals do (restorable, with
their recorded progress untouched). All in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable

from ..domain.model import Agency, BudgetLine, BudgetValue, IndicatorRow, Plan
from ..errors import TratError
from .agencies import save_agencies
from .audit import record
from .connection import Database
from .plan_edit import TABLES, _snapshot
from .plans import warning_rows
from ..i18n import _


def _budget_columns(value: Any) -> tuple[str | None, int | None]:
    return (None, None) if value is None else (value.kind, value.satang)


def _existing(db: Database, plan_id: int) -> dict[str, dict[str, dict[str, Any]]]:
    """entity -> uid -> stored row, for every part of the plan."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    out["strategy"] = {r["uid"]: r for r in db.query("SELECT * FROM strategies WHERE plan_id = ?", [plan_id])}
    out["tactic"] = {r["uid"]: r for r in db.query(
        "SELECT t.* FROM tactics t JOIN strategies s ON s.id = t.strategy_id WHERE s.plan_id = ?", [plan_id])}
    out["activity"] = {r["uid"]: r for r in db.query(
        "SELECT a.* FROM activities a JOIN tactics t ON t.id = a.tactic_id JOIN strategies s ON s.id = t.strategy_id "
        "WHERE s.plan_id = ?", [plan_id])}
    out["indicator"] = {r["uid"]: r for r in db.query(
        "SELECT i.* FROM indicators i JOIN activities a ON a.id = i.activity_id JOIN tactics t ON t.id = a.tactic_id "
        "JOIN strategies s ON s.id = t.strategy_id WHERE s.plan_id = ?", [plan_id])}
    return out


def _prune(node: dict[str, Any], keep: set[str]) -> dict[str, Any]:
    """A trash snapshot without the children that live on in the revised plan."""
    if "children" in node:
        node["children"] = [_prune(c, keep) for c in node["children"] if c["values"]["uid"] not in keep]
    return node


def _upsert(db: Database, table: str, uid: str, values: dict[str, Any], known: dict[str, Any]) -> int:
    if uid in known:
        row_id = known[uid]["id"]
        db.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                   [*values.values(), row_id])
        return int(row_id)
    return int(db[table].insert({**values, "uid": uid}).last_pk)


def _row_children(db: Database, row_id: int, row: IndicatorRow, agency_ids: dict[str, int]) -> None:
    db.execute("DELETE FROM assignments WHERE indicator_id = ?", [row_id])
    db.execute("DELETE FROM budget_lines WHERE indicator_id = ?", [row_id])
    for position, name in enumerate(dict.fromkeys(row.agencies)):
        spelling = row.written.get(name, "")
        db.execute("INSERT INTO assignments (indicator_id, agency_id, position, written) VALUES (?, ?, ?, ?)",
                   [row_id, agency_ids[name], position, "" if spelling == name else spelling])
    for position, line in enumerate(row.budget_lines):
        db.execute("INSERT INTO budget_lines (indicator_id, agency_id, kind, amount_satang, position) "
                   "VALUES (?, ?, ?, ?, ?)", [row_id, agency_ids[line.agency] if line.agency else None,
                                              line.value.kind, line.value.satang, position])


def trashed_rows(db: Database, fiscal_year: int) -> list[tuple[int, str, IndicatorRow]]:
    """Indicator rows of the year's plan that were removed (and not restored): (trash id, activity uid, row)."""
    activities = {r["uid"] for r in db.query(
        "SELECT a.uid FROM activities a JOIN tactics t ON t.id = a.tactic_id JOIN strategies s ON s.id = t.strategy_id "
        "JOIN plans p ON p.id = s.plan_id WHERE p.fiscal_year = ?", [fiscal_year])}
    names = {r["uid"]: r["name"] for r in db.query("SELECT uid, name FROM agencies")}
    out = []
    for item in db.query("SELECT id, parent_uid, payload FROM trash WHERE entity = 'indicator' AND restored_at IS NULL "
                         "ORDER BY id DESC"):
        if item["parent_uid"] not in activities:
            continue
        node = json.loads(item["payload"])
        v = node["values"]
        lines = [BudgetLine(BudgetValue(b["kind"], b["amount_satang"]), names.get(b["agency_uid"]))
                 for b in node.get("budget_lines", [])]
        row = IndicatorRow(v["unit"], v["target"], v["indicator"], v["expected_result"], v["quarter_from"],
                           v["quarter_to"], [names[u] for u in node.get("assignments", []) if u in names], lines,
                           source_line=v.get("source_line", 0), uid=v["uid"], predecessor_uid=v.get("predecessor_uid", ""),
                           written={names[u]: w for u, w in (node.get("written") or {}).items() if u in names})
        out.append((int(item["id"]), str(item["parent_uid"]), row))
    return out


def save_revision(db: Database, plan: Plan, agencies: Iterable[Agency], actor: str, at: str,
                  restored: dict[str, int] | None = None) -> int:
    """Update the stored plan of ``plan.fiscal_year`` to *plan* in place (see the module docstring);
    returns the new revision number. Parts are identified by uid only. *restored*: row uid -> trash id
    of removed rows the revision brings back (marked restored in the trash). A plan the schema refuses
    (a number or code repeated among siblings) is a Thai error and nothing changes."""
    try:
        return _save_revision(db, plan, agencies, actor, at, restored)
    except sqlite3.IntegrityError:
        raise TratError(_("ปรับแผนปีงบประมาณ พ.ศ. {fiscal_year} ตามเอกสารไม่ได้: เอกสารมีลำดับยุทธศาสตร์ ลำดับกลยุทธ์ "
                           "หรือรหัสโครงการ/กิจกรรมซ้ำกันในส่วนเดียวกัน โปรดแก้เอกสารแล้วนำเข้าใหม่ ฐานข้อมูลไม่เปลี่ยนแปลง").format(
                            fiscal_year=plan.fiscal_year)) from None


def _save_revision(db: Database, plan: Plan, agencies: Iterable[Agency], actor: str, at: str,
                   restored: dict[str, int] | None) -> int:
    with db.atomic():
        head = db.execute("SELECT id, revision FROM plans WHERE fiscal_year = ?", [plan.fiscal_year]).fetchone()
        if head is None:
            raise TratError(_("ไม่มีแผนของปีงบประมาณ พ.ศ. {fiscal_year}").format(fiscal_year=plan.fiscal_year))
        plan_id, old_revision = head
        agency_ids = save_agencies(db, [*agencies, *plan.agencies.values()])
        known = _existing(db, plan_id)
        keep = {p.uid for p in plan.strategies} | {t.uid for s in plan.strategies for t in s.tactics} | \
            {a.uid for a in plan.activities()} | {r.uid for r in plan.rows()}
        # what leaves the plan, as the editor's removals keep it: the top-most removed part with what
        # is removed under it (parts moved elsewhere by the revision are left out of the snapshot)
        trashed: list[tuple[str, dict[str, Any], str, int, str]] = []
        ids_to_uid = {e: {r["id"]: u for u, r in rows.items()} for e, rows in known.items()}
        for entity in ("strategy", "tactic", "activity", "indicator"):
            table, parent_col, parent = TABLES[entity]
            for uid, row in known[entity].items():
                if uid in keep:
                    continue
                parent_uid = (str(plan.fiscal_year) if parent == "plan" else ids_to_uid[parent][row[parent_col]])
                if parent != "plan" and parent_uid not in keep:
                    continue  # inside a removed part: goes to the trash with it
                payload = _prune(_snapshot(db, entity, row), keep)
                trashed.append((entity, payload, parent_uid, int(row["position"]), uid))
        # numbers and codes are unique among siblings: park the old ones out of the way first
        db.execute("UPDATE strategies SET number = -id WHERE plan_id = ?", [plan_id])
        if known["tactic"]:
            db.execute("UPDATE tactics SET number = -id WHERE id IN (SELECT value FROM json_each(?))",
                       [json.dumps([r["id"] for r in known["tactic"].values()])])
        if known["activity"]:
            db.execute("UPDATE activities SET code = '~' || id WHERE id IN (SELECT value FROM json_each(?))",
                       [json.dumps([r["id"] for r in known["activity"].values()])])
        for s_pos, strategy in enumerate(plan.strategies):
            kind, satang = _budget_columns(strategy.stated_budget)
            s_id = _upsert(db, "strategies", strategy.uid, {
                "plan_id": plan_id, "number": strategy.number, "title": strategy.title, "goal": strategy.goal,
                "stated_budget_kind": kind, "stated_budget_satang": satang, "source_line": strategy.source_line,
                "position": s_pos}, known["strategy"])
            for t_pos, tactic in enumerate(strategy.tactics):
                t_id = _upsert(db, "tactics", tactic.uid, {
                    "strategy_id": s_id, "number": tactic.number, "title": tactic.title, "position": t_pos,
                }, known["tactic"])
                for a_pos, activity in enumerate(tactic.activities):
                    a_id = _upsert(db, "activities", activity.uid, {
                        "tactic_id": t_id, "code": activity.code, "title": activity.title, "position": a_pos,
                        "predecessor_uid": activity.predecessor_uid}, known["activity"])
                    for r_pos, row in enumerate(activity.rows):
                        r_id = _upsert(db, "indicators", row.uid, {
                            "activity_id": a_id, "unit": row.unit, "target": row.target, "indicator": row.indicator,
                            "expected_result": row.expected_result, "quarter_from": row.quarter_from,
                            "quarter_to": row.quarter_to, "source_line": row.source_line, "position": r_pos,
                            "predecessor_uid": row.predecessor_uid}, known["indicator"])
                        _row_children(db, r_id, row, agency_ids)
        for entity, payload, parent_uid, position, uid in trashed:
            table = TABLES[entity][0]
            trash_id = db["trash"].insert({"entity": entity, "uid": uid, "parent_uid": parent_uid,
                                           "position": position, "payload": json.dumps(payload, ensure_ascii=False),
                                           "removed_at": at, "actor": actor}).last_pk
            db.execute(f"DELETE FROM {table} WHERE uid = ?", [uid])
            record(db, at=at, actor=actor, action="plan_remove", entity=entity, entity_uid=uid, field="trash",
                   new=str(trash_id))
        for uid, trash_id in (restored or {}).items():
            db.execute("UPDATE trash SET restored_at = ? WHERE id = ? AND restored_at IS NULL", [at, trash_id])
            record(db, at=at, actor=actor, action="plan_restore", entity="indicator", entity_uid=uid, field="trash",
                   old=str(trash_id))
        kind, satang = _budget_columns(plan.stated_total)
        db.execute("UPDATE plans SET title = ?, revision = ?, source_name = ?, source_sha256 = ?, "
                   "stated_total_kind = ?, stated_total_satang = ?, imported_at = ? WHERE id = ?",
                   [plan.title, old_revision + 1, plan.source_name, plan.source_sha256, kind, satang, at, plan_id])
        db.execute("DELETE FROM plan_warnings WHERE plan_id = ?", [plan_id])
        db["plan_warnings"].insert_all(warning_rows(plan_id, plan.warnings))
        record(db, at=at, actor=actor, action="plan_import", entity="plan", entity_uid=str(plan.fiscal_year),
               field="revision", old=str(old_revision), new=str(old_revision + 1))
    return int(old_revision + 1)


__all__ = ["save_revision"]
