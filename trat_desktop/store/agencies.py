"""Agencies and their aliases."""

from __future__ import annotations

from typing import Any, Iterable

from ..domain.model import Agency
from .connection import Database


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
        for alias in agency.aliases:
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
