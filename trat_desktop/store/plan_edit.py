"""Editing a stored plan part by part: fields, insertions, moves, removals kept in the trash.

Every change runs in one transaction, writes the audit log and raises the plan's revision.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import uuid
from typing import Any, Iterator

from ..domain.model import BudgetValue
from ..errors import TratError
from .audit import record
from .connection import Database
from ..i18n import _, pgettext

# entity -> (table, parent column, parent entity); a strategy's parent is its plan
TABLES: dict[str, tuple[str, str, str]] = {
    "strategy": ("strategies", "plan_id", "plan"),
    "tactic": ("tactics", "strategy_id", "strategy"),
    "activity": ("activities", "tactic_id", "tactic"),
    "indicator": ("indicators", "activity_id", "activity"),
}
CHILD = {"plan": "strategy", "strategy": "tactic", "tactic": "activity", "activity": "indicator"}


@contextlib.contextmanager
def _unique_codes(what: str) -> Iterator[None]:
    """The schema's uniqueness of numbers and codes (migration 0007) as a Thai refusal."""
    try:
        yield
    except sqlite3.IntegrityError as exc:
        text = str(exc)
        if "activity code" in text or "activities.tactic_id, activities.code" in text:
            raise TratError(_("{what}ไม่ได้: รหัสกิจกรรมนี้มีอยู่แล้วในยุทธศาสตร์เดียวกัน").format(what=what)) from None
        if "tactics.strategy_id, tactics.number" in text or "strategies.plan_id, strategies.number" in text:
            raise TratError(_("{what}ไม่ได้: ลำดับนี้มีอยู่แล้วในระดับเดียวกัน").format(what=what)) from None
        raise


def _row(db: Database, entity: str, uid: str) -> dict[str, Any]:
    table = TABLES[entity][0]
    row = next(db.query(f"SELECT * FROM {table} WHERE uid = ?", [uid]), None)
    if row is None:
        raise TratError(_("ไม่พบรายการที่จะแก้ไข (อาจถูกลบไปแล้ว)"))
    return row


def plan_id_of(db: Database, entity: str, row_id: int) -> int:
    """The plan a part belongs to, walking up the parents."""
    while entity != "plan":
        table, parent_col, parent = TABLES[entity]
        row_id = db.execute(f"SELECT {parent_col} FROM {table} WHERE id = ?", [row_id]).fetchone()[0]
        entity = parent
    return row_id


def fiscal_year_of(db: Database, entity: str, uid: str) -> int:
    """The fiscal year of the plan a part belongs to."""
    plan_id = plan_id_of(db, entity, _row(db, entity, uid)["id"])
    return int(db.execute("SELECT fiscal_year FROM plans WHERE id = ?", [plan_id]).fetchone()[0])


def parent_uid_of(db: Database, entity: str, uid: str) -> str:
    """The uid of a part's parent (the fiscal year as text for a strategy)."""
    table, parent_col, parent = TABLES[entity]
    parent_id = _row(db, entity, uid)[parent_col]
    if parent == "plan":
        return str(db.execute("SELECT fiscal_year FROM plans WHERE id = ?", [parent_id]).fetchone()[0])
    return str(db.execute(f"SELECT uid FROM {TABLES[parent][0]} WHERE id = ?", [parent_id]).fetchone()[0])


def _parent_id(db: Database, entity: str, parent_uid: str) -> int:
    parent = TABLES[entity][2]
    if parent == "plan":
        row = db.execute("SELECT id FROM plans WHERE fiscal_year = ?", [int(parent_uid)]).fetchone()
        if row is None:
            raise TratError(_("ไม่มีแผนของปีงบประมาณ {parent_uid}").format(parent_uid=parent_uid))
        return row[0]
    return _row(db, parent, parent_uid)["id"]


def _bump(db: Database, plan_id: int, actor: str, at: str, what: str) -> None:
    db.execute("UPDATE plans SET revision = revision + 1 WHERE id = ?", [plan_id])
    record(db, at=at, actor=actor, action="plan_edit", entity="plan", entity_uid=str(plan_id), field=what)


def update_fields(db: Database, entity: str, uid: str, changes: dict[str, Any],
                  actor: str, at: str) -> dict[str, Any]:
    """Set fields (already cleaned by the domain rules); returns the old values of those fields."""
    table = TABLES[entity][0]
    with _unique_codes(pgettext("refused", "แก้ไข")), db.atomic():
        row = _row(db, entity, uid)
        old = {k: row[k] for k in changes}
        changed = {k: v for k, v in changes.items() if row[k] != v}
        if not changed:
            return old
        merged = {**row, **changed}
        if entity == "indicator" and merged["quarter_from"] > merged["quarter_to"]:
            raise TratError(_("ไตรมาสเริ่มต้องไม่อยู่หลังไตรมาสสิ้นสุด"))
        assignments = ", ".join(f"{k} = ?" for k in changed)
        db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*changed.values(), row["id"]])
        for key, value in changed.items():
            record(db, at=at, actor=actor, action="plan_edit", entity=entity, entity_uid=uid, field=key,
                   old=row[key], new=value)
        _bump(db, plan_id_of(db, entity, row["id"]), actor, at, f"{entity}.{','.join(changed)}")
    return old


def _siblings(db: Database, entity: str, parent_id: int) -> list[dict[str, Any]]:
    table, parent_col, _ = TABLES[entity]
    return list(db.query(f"SELECT id, uid, position FROM {table} WHERE {parent_col} = ? ORDER BY position, id",
                         [parent_id]))


def _renumber(db: Database, entity: str, ids: list[int]) -> None:
    table = TABLES[entity][0]
    for position, row_id in enumerate(ids):
        db.execute(f"UPDATE {table} SET position = ? WHERE id = ?", [position, row_id])


def insert(db: Database, entity: str, parent_uid: str, values: dict[str, Any], actor: str, at: str,
           position: int | None = None, uid: str | None = None) -> str:
    """Add a part under its parent at *position* (default: last); returns its uid."""
    table, parent_col, _ = TABLES[entity]
    with _unique_codes(pgettext("refused", "เพิ่ม")), db.atomic():
        parent_id = _parent_id(db, entity, parent_uid)
        siblings = [s["id"] for s in _siblings(db, entity, parent_id)]
        uid = uid or str(uuid.uuid4())
        row_id = db[table].insert({**values, "uid": uid, parent_col: parent_id, "position": len(siblings)}).last_pk
        at_index = len(siblings) if position is None else max(0, min(position, len(siblings)))
        siblings.insert(at_index, row_id)
        _renumber(db, entity, siblings)
        record(db, at=at, actor=actor, action="plan_add", entity=entity, entity_uid=uid,
               new=json.dumps(values, ensure_ascii=False))
        _bump(db, plan_id_of(db, entity, row_id), actor, at, f"{entity}+")
    return uid


def move(db: Database, entity: str, uid: str, position: int, actor: str, at: str) -> int:
    """Move a part among its siblings; returns its old position."""
    table, parent_col, _ = TABLES[entity]
    with db.atomic():
        row = _row(db, entity, uid)
        ids = [s["id"] for s in _siblings(db, entity, row[parent_col])]
        old = ids.index(row["id"])
        ids.pop(old)
        ids.insert(max(0, min(position, len(ids))), row["id"])
        _renumber(db, entity, ids)
        record(db, at=at, actor=actor, action="plan_move", entity=entity, entity_uid=uid, field="position",
               old=old, new=ids.index(row["id"]))
        _bump(db, plan_id_of(db, entity, row["id"]), actor, at, f"{entity}~")
    return old


def indicator_uids_under(db: Database, entity: str, uid: str) -> list[str]:
    """The uids of every indicator row inside a part (the row itself for an indicator)."""
    row = _row(db, entity, uid)
    ids = [row["id"]]
    while entity != "indicator":
        child = CHILD[entity]
        table, parent_col, _ = TABLES[child]
        ids = [r["id"] for r in db.query(
            f"SELECT id FROM {table} WHERE {parent_col} IN (SELECT value FROM json_each(?))", [json.dumps(ids)])]
        entity = child
    return [r["uid"] for r in db.query("SELECT uid FROM indicators WHERE id IN (SELECT value FROM json_each(?))",
                                       [json.dumps(ids)])]


def progress_count(db: Database, indicator_uids: list[str]) -> int:
    return db.execute("SELECT count(*) FROM progress WHERE indicator_uid IN (SELECT value FROM json_each(?))",
                      [json.dumps(indicator_uids)]).fetchone()[0]


def _snapshot(db: Database, entity: str, row: dict[str, Any]) -> dict[str, Any]:
    table, parent_col, _ = TABLES[entity]
    node: dict[str, Any] = {"values": {k: v for k, v in row.items() if k not in ("id", parent_col)}}
    if entity == "indicator":
        assigned = list(db.query(
            "SELECT a.uid, x.written FROM assignments x JOIN agencies a ON a.id = x.agency_id WHERE x.indicator_id = ? "
            "ORDER BY x.position", [row["id"]]))
        node["assignments"] = [r["uid"] for r in assigned]
        written = {r["uid"]: r["written"] for r in assigned if r["written"]}
        if written:  # the document's spellings (optional: snapshots before version 12 have none)
            node["written"] = written
        node["budget_lines"] = [dict(r) for r in db.query(
            "SELECT (SELECT uid FROM agencies WHERE id = b.agency_id) AS agency_uid, kind, amount_satang, position "
            "FROM budget_lines b WHERE indicator_id = ? ORDER BY position", [row["id"]])]
    else:
        child = CHILD[entity]
        child_table, child_parent, _ = TABLES[child]
        node["children"] = [_snapshot(db, child, r) for r in db.query(
            f"SELECT * FROM {child_table} WHERE {child_parent} = ? ORDER BY position", [row["id"]])]
    return node


def remove(db: Database, entity: str, uid: str, actor: str, at: str) -> int:
    """Remove a part and everything in it, keeping the subtree in the trash; returns the trash id.

    Progress rows are not touched: they refer to rows by uid and return with a restore.
    """
    table, parent_col, parent = TABLES[entity]
    with db.atomic():
        row = _row(db, entity, uid)
        plan_id = plan_id_of(db, entity, row["id"])
        siblings = [s["id"] for s in _siblings(db, entity, row[parent_col])]
        parent_uid = (str(db.execute("SELECT fiscal_year FROM plans WHERE id = ?", [row[parent_col]]).fetchone()[0])
                      if parent == "plan" else
                      db.execute(f"SELECT uid FROM {TABLES[parent][0]} WHERE id = ?", [row[parent_col]]).fetchone()[0])
        payload = json.dumps(_snapshot(db, entity, row), ensure_ascii=False)
        trash_id = db["trash"].insert({"entity": entity, "uid": uid, "parent_uid": parent_uid,
                                       "position": siblings.index(row["id"]), "payload": payload,
                                       "removed_at": at, "actor": actor}).last_pk
        db.execute(f"DELETE FROM {table} WHERE id = ?", [row["id"]])
        _renumber(db, entity, [i for i in siblings if i != row["id"]])
        record(db, at=at, actor=actor, action="plan_remove", entity=entity, entity_uid=uid, field="trash",
               new=str(trash_id))
        _bump(db, plan_id, actor, at, f"{entity}-")
    return int(trash_id)


def _insert_tree(db: Database, entity: str, parent_id: int, node: dict[str, Any]) -> int:
    table, parent_col, _ = TABLES[entity]
    row_id = db[table].insert({**node["values"], parent_col: parent_id}).last_pk
    if entity == "indicator":
        agency = {r["uid"]: r["id"] for r in db.query("SELECT id, uid FROM agencies")}
        written = node.get("written") or {}
        for position, agency_uid in enumerate(node["assignments"]):
            db.execute("INSERT INTO assignments (indicator_id, agency_id, position, written) VALUES (?, ?, ?, ?)",
                       [row_id, agency[agency_uid], position, written.get(agency_uid, "")])
        for line in node["budget_lines"]:
            db.execute("INSERT INTO budget_lines (indicator_id, agency_id, kind, amount_satang, position) "
                       "VALUES (?, ?, ?, ?, ?)", [row_id, agency.get(line["agency_uid"]), line["kind"],
                                                  line["amount_satang"], line["position"]])
    else:
        for child in node["children"]:
            _insert_tree(db, CHILD[entity], row_id, child)
    return int(row_id)


def restore(db: Database, trash_id: int, actor: str, at: str) -> str:
    """Put a removed part back where it was, with the same uids; returns its uid."""
    with _unique_codes(pgettext("refused", "กู้คืน")), db.atomic():
        item = next(db.query("SELECT * FROM trash WHERE id = ? AND restored_at IS NULL", [trash_id]), None)
        if item is None:
            raise TratError(_("ไม่พบรายการที่ลบไว้ หรือกู้คืนไปแล้ว"))
        entity = item["entity"]
        parent_id = _parent_id(db, entity, item["parent_uid"])
        row_id = _insert_tree(db, entity, parent_id, json.loads(item["payload"]))
        ids = [s["id"] for s in _siblings(db, entity, parent_id) if s["id"] != row_id]
        ids.insert(min(item["position"], len(ids)), row_id)
        _renumber(db, entity, ids)
        db.execute("UPDATE trash SET restored_at = ? WHERE id = ?", [at, trash_id])
        record(db, at=at, actor=actor, action="plan_restore", entity=entity, entity_uid=item["uid"],
               field="trash", old=str(trash_id))
        _bump(db, plan_id_of(db, entity, row_id), actor, at, f"{entity}^")
    return str(item["uid"])


def removed_indicator_uids(db: Database) -> set[str]:
    """Every indicator row uid in the trash, also the rows inside a removed activity, tactic or strategy."""
    found: set[str] = set()

    def walk(entity: str, node: dict[str, Any]) -> None:
        if entity == "indicator":
            found.add(node["values"]["uid"])
            return
        for child in node.get("children", []):
            walk(CHILD[entity], child)

    for row in db.query("SELECT entity, payload FROM trash WHERE restored_at IS NULL"):
        walk(row["entity"], json.loads(row["payload"]))
    return found


def trash_items(db: Database) -> list[dict[str, Any]]:
    """Removed parts not yet restored, newest first, each with a readable title."""
    out = []
    for row in db.query("SELECT id, entity, uid, parent_uid, removed_at, actor, payload FROM trash "
                        "WHERE restored_at IS NULL ORDER BY id DESC"):
        values = json.loads(row.pop("payload"))["values"]
        label = values.get("code") or values.get("number") or ""
        row["title"] = f"{label} {values.get('title') or values.get('indicator') or ''}".strip()
        out.append(row)
    return out


def set_assignments(db: Database, indicator_uid: str, agency_uids: list[str],
                    actor: str, at: str) -> list[str]:
    """Replace a row's responsible agencies (in order); returns the old list of agency uids."""
    with db.atomic():
        row = _row(db, "indicator", indicator_uid)
        agency = {r["uid"]: r["id"] for r in db.query("SELECT id, uid FROM agencies")}
        unknown = [u for u in agency_uids if u not in agency]
        if unknown:
            raise TratError(_("ไม่พบหน่วยงานที่เลือก"))
        old = [r["uid"] for r in db.query(
            "SELECT a.uid FROM assignments x JOIN agencies a ON a.id = x.agency_id WHERE x.indicator_id = ? "
            "ORDER BY x.position", [row["id"]])]
        if old == agency_uids:
            return old
        # an agency that stays keeps the document's spelling of it in this row
        written = {r[0]: r[1] for r in db.execute("SELECT agency_id, written FROM assignments WHERE indicator_id = ?",
                                                  [row["id"]])}
        db.execute("DELETE FROM assignments WHERE indicator_id = ?", [row["id"]])
        for position, uid in enumerate(dict.fromkeys(agency_uids)):
            db.execute("INSERT INTO assignments (indicator_id, agency_id, position, written) VALUES (?, ?, ?, ?)",
                       [row["id"], agency[uid], position, written.get(agency[uid], "")])
        record(db, at=at, actor=actor, action="plan_edit", entity="indicator", entity_uid=indicator_uid,
               field="agencies", old=json.dumps(old), new=json.dumps(agency_uids))
        _bump(db, plan_id_of(db, "indicator", row["id"]), actor, at, "indicator.agencies")
    return old


def set_budget_lines(db: Database, indicator_uid: str,
                     lines: list[tuple[BudgetValue, str | None]], actor: str, at: str) -> list[tuple[BudgetValue, str | None]]:
    """Replace a row's budget lines (value, agency uid or None); returns the old lines."""
    with db.atomic():
        row = _row(db, "indicator", indicator_uid)
        agency = {r["uid"]: r["id"] for r in db.query("SELECT id, uid FROM agencies")}
        old = [(BudgetValue(r["kind"], r["amount_satang"]), r["agency_uid"]) for r in db.query(
            "SELECT kind, amount_satang, (SELECT uid FROM agencies WHERE id = b.agency_id) AS agency_uid "
            "FROM budget_lines b WHERE indicator_id = ? ORDER BY position", [row["id"]])]
        if old == lines:
            return old
        db.execute("DELETE FROM budget_lines WHERE indicator_id = ?", [row["id"]])
        for position, (value, agency_uid) in enumerate(lines):
            if agency_uid is not None and agency_uid not in agency:
                raise TratError(_("ไม่พบหน่วยงานของรายการงบประมาณ"))
            db.execute("INSERT INTO budget_lines (indicator_id, agency_id, kind, amount_satang, position) "
                       "VALUES (?, ?, ?, ?, ?)",
                       [row["id"], agency.get(agency_uid) if agency_uid else None, value.kind, value.satang, position])
        text = lambda ls: json.dumps([[v.kind, v.satang, a] for v, a in ls])  # noqa: E731
        record(db, at=at, actor=actor, action="plan_edit", entity="indicator", entity_uid=indicator_uid,
               field="budget_lines", old=text(old), new=text(lines))
        _bump(db, plan_id_of(db, "indicator", row["id"]), actor, at, "indicator.budget")
    return old


def add_agency(db: Database, uid: str, name: str, short_name: str, actor: str, at: str) -> None:
    with db.atomic():
        if db.execute("SELECT 1 FROM agencies WHERE name = ?", [name]).fetchone():
            raise TratError(_("มีหน่วยงาน “{name}” อยู่แล้ว").format(name=name))
        same = db.execute("SELECT name FROM agencies WHERE uid = ?", [uid]).fetchone()
        if same:
            raise TratError(_("“{name}” เป็นอีกชื่อหนึ่งของ “{same}” ซึ่งมีอยู่แล้ว (เพิ่มเป็นชื่ออื่นของหน่วยงานนั้นได้)").format(
                                name=name, same=same[0]))
        db["agencies"].insert({"uid": uid, "name": name, "short_name": short_name})
        record(db, at=at, actor=actor, action="agency_add", entity="agency", entity_uid=uid, new=name)


def update_agency(db: Database, uid: str, name: str, short_name: str, actor: str, at: str) -> None:
    with db.atomic():
        row = next(db.query("SELECT * FROM agencies WHERE uid = ?", [uid]), None)
        if row is None:
            raise TratError(_("ไม่พบหน่วยงาน"))
        clash = db.execute("SELECT 1 FROM agencies WHERE name = ? AND uid != ?", [name, uid]).fetchone()
        if clash:
            raise TratError(_("มีหน่วยงาน “{name}” อยู่แล้ว").format(name=name))
        db.execute("UPDATE agencies SET name = ?, short_name = ? WHERE uid = ?", [name, short_name, uid])
        if row["name"] != name:
            db.execute("INSERT OR IGNORE INTO agency_aliases (alias, agency_id) VALUES (?, ?)", [row["name"], row["id"]])
        record(db, at=at, actor=actor, action="agency_edit", entity="agency", entity_uid=uid, field="name",
               old=f"{row['name']} | {row['short_name']}", new=f"{name} | {short_name}")


def set_aliases(db: Database, uid: str, aliases: list[str], actor: str, at: str) -> None:
    with db.atomic():
        row = next(db.query("SELECT id FROM agencies WHERE uid = ?", [uid]), None)
        if row is None:
            raise TratError(_("ไม่พบหน่วยงาน"))
        taken = db.execute("SELECT alias FROM agency_aliases WHERE agency_id != ? AND alias IN "
                           "(SELECT value FROM json_each(?))", [row["id"], json.dumps(aliases)]).fetchall()
        if taken:
            raise TratError(_("ชื่อ “{taken}” เป็นชื่ออื่นของหน่วยงานอื่นอยู่แล้ว").format(taken=taken[0][0]))
        old = [r[0] for r in db.execute("SELECT alias FROM agency_aliases WHERE agency_id = ? ORDER BY alias",
                                        [row["id"]])]
        db.execute("DELETE FROM agency_aliases WHERE agency_id = ?", [row["id"]])
        for alias in dict.fromkeys(aliases):
            db.execute("INSERT INTO agency_aliases (alias, agency_id) VALUES (?, ?)", [alias, row["id"]])
        record(db, at=at, actor=actor, action="agency_edit", entity="agency", entity_uid=uid, field="aliases",
               old=json.dumps(old, ensure_ascii=False), new=json.dumps(aliases, ensure_ascii=False))
