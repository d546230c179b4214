"""Agencies and their aliases."""

from __future__ import annotations

import json
from typing import Any, Iterable

from ..domain.model import Agency
from ..errors import TratError
from .audit import record
from .connection import Database
from ..i18n import _


def load_agencies(db: Database) -> list[Agency]:
    """Every known agency with its aliases, in register order."""
    aliases: dict[int, set[str]] = {}
    for row in db.query("SELECT agency_id, alias FROM agency_aliases"):
        aliases.setdefault(row["agency_id"], set()).add(row["alias"])
    return [
        Agency(row["name"], row["short_name"], aliases.get(row["id"], set()), row["uid"])
        for row in db.query("SELECT id, uid, name, short_name FROM agencies ORDER BY id")
    ]


def save_agencies(db: Database, agencies: Iterable[Agency]) -> dict[str, int]:
    """Insert new agencies and new aliases (call inside a transaction); returns name -> id."""
    ids = {row["name"]: row["id"] for row in db.query("SELECT id, name FROM agencies")}
    by_uid = {row["uid"]: (row["id"], row["name"]) for row in db.query("SELECT id, uid, name FROM agencies")}
    for agency in agencies:
        known = by_uid.get(agency.uid)
        if known is not None and known[1] != agency.name and agency.name not in ids:
            # renamed elsewhere (a plan package): same office, new name; the old name stays as an alias
            db.execute("UPDATE agencies SET name = ?, short_name = ? WHERE id = ?",
                       [agency.name, agency.short_name, known[0]])
            db.execute("INSERT OR IGNORE INTO agency_aliases (alias, agency_id) VALUES (?, ?)", [known[1], known[0]])
            ids.pop(known[1], None)
            ids[agency.name] = known[0]
        if agency.name not in ids:
            ids[agency.name] = db["agencies"].insert(
                {"uid": agency.uid, "name": agency.name, "short_name": agency.short_name}
            ).last_pk
        for alias in sorted(agency.aliases | agency.misspellings):
            db.execute(
                "INSERT OR IGNORE INTO agency_aliases (alias, agency_id) VALUES (?, ?)",
                [alias, ids[agency.name]],
            )
    return ids


def agency_rows(db: Database) -> list[dict[str, Any]]:
    """Agencies with aliases and the number of indicator rows each is responsible for."""
    aliases: dict[int, list[str]] = {}
    for row in db.query("SELECT agency_id, alias FROM agency_aliases ORDER BY alias"):
        aliases.setdefault(row["agency_id"], []).append(row["alias"])
    rows = db.query(
        """SELECT a.id, a.uid, a.name, a.short_name, count(s.indicator_id) AS indicator_rows
           FROM agencies a LEFT JOIN assignments s ON s.agency_id = a.id
           GROUP BY a.id ORDER BY a.id"""
    )
    return [{**row, "aliases": aliases.get(row["id"], [])} for row in rows]


def has_agencies(db: Database) -> bool:
    return db.execute("SELECT EXISTS (SELECT 1 FROM agencies)").fetchone()[0] == 1


# -- possible duplicates and the coordinator's decisions (migration 0010) ----------------------------
def record_possible_duplicates(db: Database, pairs: Iterable[tuple[str, str, str]], at: str) -> int:
    """Keep each (agency uid, the uid it may be, where it was seen) as pending, unless the pair is known
    already in either order (pending, merged or kept apart); returns how many were added."""
    added = 0
    for uid, other, source in pairs:
        if uid == other:
            continue
        known = db.execute("SELECT 1 FROM agency_duplicates WHERE (agency_uid = ? AND other_uid = ?) "
                           "OR (agency_uid = ? AND other_uid = ?)", [uid, other, other, uid]).fetchone()
        if known is None:
            db.execute("INSERT INTO agency_duplicates (agency_uid, other_uid, source, found_at) VALUES (?, ?, ?, ?)",
                       [uid, other, source, at])
            added += 1
    return added


def duplicate_pairs(db: Database, status: str = "pending") -> list[dict[str, Any]]:
    """Pairs with *status* whose two agencies both still exist, oldest first, with names and row counts."""
    return list(db.query(
        """SELECT d.id, d.agency_uid, d.other_uid, d.status, d.source, d.found_at, d.decided_at,
                  a.name AS agency_name, a.short_name AS agency_short_name,
                  b.name AS other_name, b.short_name AS other_short_name,
                  (SELECT count(*) FROM assignments s WHERE s.agency_id = a.id) AS agency_rows,
                  (SELECT count(*) FROM assignments s WHERE s.agency_id = b.id) AS other_rows
           FROM agency_duplicates d JOIN agencies a ON a.uid = d.agency_uid JOIN agencies b ON b.uid = d.other_uid
           WHERE d.status = ? ORDER BY d.id""", [status]))


def kept_apart_pairs(db: Database) -> set[frozenset[str]]:
    return {frozenset((r["agency_uid"], r["other_uid"]))
            for r in db.query("SELECT agency_uid, other_uid FROM agency_duplicates WHERE status = 'kept_apart'")}


def _agency(db: Database, uid: str) -> dict[str, Any]:
    row = next(db.query("SELECT id, uid, name, short_name FROM agencies WHERE uid = ?", [uid]), None)
    if row is None:
        raise TratError(_("ไม่พบหน่วยงาน (อาจถูกรวมไปแล้ว)"))
    return row


def _pair_rows(db: Database, a: str, b: str) -> list[dict[str, Any]]:
    return list(db.query("SELECT id, status, decided_at, actor FROM agency_duplicates WHERE (agency_uid = ? AND "
                         "other_uid = ?) OR (agency_uid = ? AND other_uid = ?)", [a, b, b, a]))


def _decide(db: Database, a: str, b: str, status: str, actor: str, at: str) -> list[dict[str, Any]]:
    """Set the pair's status (adding the pair when it was never suggested); returns what undo puts back."""
    rows = _pair_rows(db, a, b)
    if not rows:
        new_id = db.execute("INSERT INTO agency_duplicates (agency_uid, other_uid, status, source, found_at, "
                            "decided_at, actor) VALUES (?, ?, ?, 'ผู้ประสานงาน', ?, ?, ?)",
                            [a, b, status, at, at, actor]).lastrowid
        return [{"id": new_id, "inserted": True}]
    db.execute(f"UPDATE agency_duplicates SET status = ?, decided_at = ?, actor = ? WHERE id IN "
               f"({','.join('?' * len(rows))})", [status, at, actor, *[r["id"] for r in rows]])
    return [{**r, "inserted": False} for r in rows]


def _plans_of_agency(db: Database, agency_id: int) -> list[int]:
    return [r[0] for r in db.execute(
        """SELECT DISTINCT a.plan_id FROM (
               SELECT indicator_id FROM assignments WHERE agency_id = ?1
               UNION SELECT indicator_id FROM budget_lines WHERE agency_id = ?1) x
           JOIN indicators i ON i.id = x.indicator_id JOIN activities v ON v.id = i.activity_id
           JOIN tactics t ON t.id = v.tactic_id JOIN strategies a ON a.id = t.strategy_id""", [agency_id])]


def _retarget_trash(db: Database, old_uid: str, new_uid: str) -> list[dict[str, Any]]:
    """Removed parts in the trash that name *old_uid* name *new_uid* instead; returns the old payloads."""
    def walk(node: dict[str, Any]) -> None:
        if "assignments" in node:
            node["assignments"] = list(dict.fromkeys(new_uid if u == old_uid else u for u in node["assignments"]))
            for line in node.get("budget_lines", []):
                if line.get("agency_uid") == old_uid:
                    line["agency_uid"] = new_uid
        for child in node.get("children", []):
            walk(child)

    changed = []
    for row in db.query("SELECT id, payload FROM trash WHERE restored_at IS NULL AND instr(payload, ?) > 0", [old_uid]):
        node = json.loads(row["payload"])
        walk(node)
        db.execute("UPDATE trash SET payload = ? WHERE id = ?", [json.dumps(node, ensure_ascii=False), row["id"]])
        changed.append(row)
    return changed


def merge_agencies(db: Database, keep_uid: str, other_uid: str, actor: str, at: str) -> dict[str, Any]:
    """Make *other* part of *keep* in one transaction: its assignments, budget lines, progress, evidence,
    conflicts and pinned key move to *keep*, its names become aliases of *keep*, its row goes. Refused
    (nothing changed) when both have a value for the same row and quarter. Returns the decision row."""
    with db.atomic():
        keep, other = _agency(db, keep_uid), _agency(db, other_uid)
        if keep["id"] == other["id"]:
            raise TratError(_("เลือกหน่วยงานเดียวกันทั้งสองฝั่ง รวมไม่ได้"))
        clash = db.execute("SELECT count(*) FROM progress p JOIN progress q ON q.indicator_uid = p.indicator_uid "
                           "AND q.quarter = p.quarter WHERE p.agency_uid = ? AND q.agency_uid = ?",
                           [other_uid, keep_uid]).fetchone()[0]
        clash += db.execute("SELECT count(*) FROM conflicts p JOIN conflicts q ON q.indicator_uid = p.indicator_uid "
                            "AND q.quarter = p.quarter WHERE p.agency_uid = ? AND q.agency_uid = ?",
                            [other_uid, keep_uid]).fetchone()[0]
        if clash:
            raise TratError(_("“{name}” และ “{name2}” ต่างบันทึกผลของตัวชี้วัดเดียวกันในไตรมาสเดียวกัน ({clash} รายการ) "
                               "จึงรวมไม่ได้ เพราะจะทำให้ผลของหน่วยงานหนึ่งหายไป โปรดตรวจสอบว่าเป็นหน่วยงานเดียวกันจริงหรือไม่").format(
                                name=other['name'], name2=keep['name'], clash=clash))
        plan_ids = sorted(set(_plans_of_agency(db, other["id"])))
        aliases = [r[0] for r in db.execute("SELECT alias FROM agency_aliases WHERE agency_id = ?", [other["id"]])]
        assignments = [dict(r) for r in db.query("SELECT indicator_id, position, written FROM assignments "
                                                 "WHERE agency_id = ?", [other["id"]])]
        shared = {r[0] for r in db.execute("SELECT indicator_id FROM assignments WHERE agency_id = ? AND indicator_id IN "
                                           "(SELECT indicator_id FROM assignments WHERE agency_id = ?)",
                                           [keep["id"], other["id"]])}
        undo: dict[str, Any] = {
            "agency": other, "aliases": aliases,
            "assignments": [{**a, "shared": a["indicator_id"] in shared} for a in assignments],
            "budget_lines": [r[0] for r in db.execute("SELECT id FROM budget_lines WHERE agency_id = ?", [other["id"]])],
            "progress": [list(r) for r in db.execute("SELECT indicator_uid, quarter FROM progress WHERE agency_uid = ?",
                                                     [other_uid])],
            "conflicts": [list(r) for r in db.execute("SELECT indicator_uid, quarter FROM conflicts WHERE agency_uid = ?",
                                                      [other_uid])],
            "evidence_dropped": [dict(r) for r in db.query(
                "SELECT e.* FROM evidence e JOIN evidence k ON k.indicator_uid = e.indicator_uid AND k.quarter = e.quarter "
                "AND k.sha256 = e.sha256 WHERE e.agency_uid = ? AND k.agency_uid = ?", [other_uid, keep_uid])],
            "office_key": next(db.query("SELECT * FROM office_keys WHERE agency_uid = ?", [other_uid]), None),
            "plans": plan_ids,
        }
        undo["evidence"] = [list(r) for r in db.execute(
            "SELECT indicator_uid, quarter, sha256 FROM evidence WHERE agency_uid = ?", [other_uid])
            if not any(d["indicator_uid"] == r[0] and d["quarter"] == r[1] and d["sha256"] == r[2]
                       for d in undo["evidence_dropped"])]
        db.execute("DELETE FROM assignments WHERE agency_id = ? AND indicator_id IN "
                   "(SELECT indicator_id FROM assignments WHERE agency_id = ?)", [other["id"], keep["id"]])
        db.execute("UPDATE assignments SET agency_id = ? WHERE agency_id = ?", [keep["id"], other["id"]])
        db.execute("UPDATE budget_lines SET agency_id = ? WHERE agency_id = ?", [keep["id"], other["id"]])
        db.execute("UPDATE progress SET agency_uid = ? WHERE agency_uid = ?", [keep_uid, other_uid])
        db.execute("UPDATE conflicts SET agency_uid = ? WHERE agency_uid = ?", [keep_uid, other_uid])
        for row in undo["evidence_dropped"]:
            db.execute("DELETE FROM evidence WHERE id = ?", [row["id"]])
        db.execute("UPDATE evidence SET agency_uid = ? WHERE agency_uid = ?", [keep_uid, other_uid])
        keep_has_key = db.execute("SELECT 1 FROM office_keys WHERE agency_uid = ?", [keep_uid]).fetchone()
        if undo["office_key"] is not None:
            if keep_has_key:
                db.execute("DELETE FROM office_keys WHERE agency_uid = ?", [other_uid])
            else:
                db.execute("UPDATE office_keys SET agency_uid = ? WHERE agency_uid = ?", [keep_uid, other_uid])
        undo["trash"] = _retarget_trash(db, other_uid, keep_uid)
        db.execute("UPDATE agency_aliases SET agency_id = ? WHERE agency_id = ?", [keep["id"], other["id"]])
        added = []
        for name in dict.fromkeys((other["name"], other["short_name"])):
            if name and name not in (keep["name"], keep["short_name"]):
                if db.execute("INSERT OR IGNORE INTO agency_aliases (alias, agency_id) VALUES (?, ?)",
                              [name, keep["id"]]).rowcount:
                    added.append(name)
        undo["added_aliases"] = added
        db.execute("DELETE FROM agencies WHERE id = ?", [other["id"]])
        undo["pairs"] = _decide(db, keep_uid, other_uid, "merged", actor, at)
        for plan_id in plan_ids:
            db.execute("UPDATE plans SET revision = revision + 1 WHERE id = ?", [plan_id])
        record(db, at=at, actor=actor, action="agency_merge", entity="agency", entity_uid=keep_uid,
               field="merged", old=f"{other_uid} | {other['name']}", new=keep["name"])
        return _log_decision(db, "merge", keep_uid, other_uid, undo, actor, at)


def keep_apart(db: Database, a_uid: str, b_uid: str, actor: str, at: str) -> dict[str, Any]:
    """Record that two agencies are different offices: the pair is never suggested again."""
    with db.atomic():
        a, b = _agency(db, a_uid), _agency(db, b_uid)
        if a["id"] == b["id"]:
            raise TratError(_("เลือกหน่วยงานเดียวกันทั้งสองฝั่ง"))
        undo = {"pairs": _decide(db, a_uid, b_uid, "kept_apart", actor, at)}
        record(db, at=at, actor=actor, action="agency_keep_apart", entity="agency", entity_uid=a_uid,
               field="kept_apart", new=f"{b_uid} | {b['name']}")
        return _log_decision(db, "keep_apart", a_uid, b_uid, undo, actor, at)


def _log_decision(db: Database, action: str, kept: str, other: str, undo: dict[str, Any],
                  actor: str, at: str) -> dict[str, Any]:
    new_id = db.execute("INSERT INTO agency_decisions (action, kept_uid, other_uid, undo, at, actor) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [action, kept, other, json.dumps(undo, ensure_ascii=False), at, actor]).lastrowid
    return next(db.query("SELECT id, action, kept_uid, other_uid, at, actor FROM agency_decisions WHERE id = ?",
                         [new_id]))


def last_decision(db: Database) -> dict[str, Any] | None:
    """The newest merge or keep-apart not undone yet."""
    return next(db.query("SELECT * FROM agency_decisions WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1"), None)


def undo_decision(db: Database, actor: str, at: str) -> dict[str, Any]:
    """Undo the newest merge or keep-apart: everything as it was before it. Returns the decision undone."""
    with db.atomic():
        decision = last_decision(db)
        if decision is None:
            raise TratError(_("ไม่มีการรวมหรือแยกหน่วยงานที่ยกเลิกได้"))
        undo = json.loads(decision["undo"])
        if decision["action"] == "merge":
            _undo_merge(db, decision["kept_uid"], decision["other_uid"], undo)
        for pair in undo["pairs"]:
            if pair["inserted"]:
                db.execute("DELETE FROM agency_duplicates WHERE id = ?", [pair["id"]])
            else:
                db.execute("UPDATE agency_duplicates SET status = ?, decided_at = ?, actor = ? WHERE id = ?",
                           [pair["status"], pair["decided_at"], pair["actor"], pair["id"]])
        db.execute("UPDATE agency_decisions SET undone_at = ? WHERE id = ?", [at, decision["id"]])
        record(db, at=at, actor=actor, action="agency_undo", entity="agency", entity_uid=decision["kept_uid"],
               field=decision["action"], old=decision["other_uid"])
        return decision


def _undo_merge(db: Database, keep_uid: str, other_uid: str, undo: dict[str, Any]) -> None:
    keep = _agency(db, keep_uid)
    other = undo["agency"]
    if db.execute("SELECT 1 FROM agencies WHERE uid = ? OR name = ?", [other_uid, other["name"]]).fetchone():
        raise TratError(_("มีหน่วยงาน “{name}” อยู่แล้ว จึงยกเลิกการรวมไม่ได้").format(name=other['name']))
    db.execute("INSERT INTO agencies (id, uid, name, short_name) VALUES (?, ?, ?, ?)",
               [None if db.execute("SELECT 1 FROM agencies WHERE id = ?", [other["id"]]).fetchone() else other["id"],
                other_uid, other["name"], other["short_name"]])
    other_id = _agency(db, other_uid)["id"]
    for alias in undo["added_aliases"]:
        db.execute("DELETE FROM agency_aliases WHERE alias = ? AND agency_id = ?", [alias, keep["id"]])
    for alias in undo["aliases"]:
        db.execute("UPDATE agency_aliases SET agency_id = ? WHERE alias = ? AND agency_id = ?", [other_id, alias, keep["id"]])
    for a in undo["assignments"]:
        if a["shared"]:
            db.execute("INSERT OR IGNORE INTO assignments (indicator_id, agency_id, position, written) VALUES (?, ?, ?, ?)",
                       [a["indicator_id"], other_id, a["position"], a.get("written", "")])
        else:
            db.execute("UPDATE OR IGNORE assignments SET agency_id = ?, position = ?, written = ? "
                       "WHERE indicator_id = ? AND agency_id = ?",
                       [other_id, a["position"], a.get("written", ""), a["indicator_id"], keep["id"]])
    for line_id in undo["budget_lines"]:
        db.execute("UPDATE budget_lines SET agency_id = ? WHERE id = ? AND agency_id = ?", [other_id, line_id, keep["id"]])
    for indicator_uid, quarter in undo["progress"]:
        db.execute("UPDATE OR IGNORE progress SET agency_uid = ? WHERE indicator_uid = ? AND quarter = ? AND agency_uid = ?",
                   [other_uid, indicator_uid, quarter, keep_uid])
    for indicator_uid, quarter in undo["conflicts"]:
        db.execute("UPDATE OR IGNORE conflicts SET agency_uid = ? WHERE indicator_uid = ? AND quarter = ? AND agency_uid = ?",
                   [other_uid, indicator_uid, quarter, keep_uid])
    for indicator_uid, quarter, sha in undo["evidence"]:
        db.execute("UPDATE OR IGNORE evidence SET agency_uid = ? WHERE indicator_uid = ? AND quarter = ? AND sha256 = ? "
                   "AND agency_uid = ?", [other_uid, indicator_uid, quarter, sha, keep_uid])
    for row in undo["evidence_dropped"]:
        db.execute(f"INSERT OR IGNORE INTO evidence ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                   list(row.values()))
    key = undo["office_key"]
    if key is not None:
        db.execute("DELETE FROM office_keys WHERE agency_uid = ? AND public_key = ?", [keep_uid, key["public_key"]])
        db.execute(f"INSERT OR REPLACE INTO office_keys ({', '.join(key)}) VALUES ({', '.join('?' * len(key))})",
                   list(key.values()))
    for row in undo["trash"]:
        db.execute("UPDATE trash SET payload = ? WHERE id = ? AND restored_at IS NULL", [row["payload"], row["id"]])
    for plan_id in undo["plans"]:
        db.execute("UPDATE plans SET revision = revision + 1 WHERE id = ?", [plan_id])


def merged_into(db: Database, agency_uid: str) -> str | None:
    """The agency a merged-away agency now lives on (following merges of merges), or None."""
    seen: set[str] = set()
    current = agency_uid
    while current not in seen:
        seen.add(current)
        row = db.execute("SELECT kept_uid FROM agency_decisions WHERE action = 'merge' AND other_uid = ? "
                         "AND undone_at IS NULL ORDER BY id DESC LIMIT 1", [current]).fetchone()
        if row is None:
            return None if current == agency_uid else current
        current = row[0]
    return current
