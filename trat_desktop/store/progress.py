"""Quarterly progress rows (indicator row x agency x quarter), each change audited."""

from __future__ import annotations

import json
from typing import Iterable

from ..domain.progress import ProgressEntry, check_still_stored
from .audit import record
from .connection import Database

AUDITED = ("achieved", "spent_satang", "status", "note")
_COLUMNS = "indicator_uid, agency_uid, quarter, achieved, spent_satang, status, note, reporter, updated_at, revision"


def _entry(row: dict) -> ProgressEntry:
    return ProgressEntry(
        row["indicator_uid"], row["agency_uid"], row["quarter"], row["achieved"], row["spent_satang"],
        row["status"], row["note"], row["reporter"], row["updated_at"], row["revision"],
    )


def load_entries(db: Database, indicator_uids: Iterable[str] | None = None,
                 agency_uid: str | None = None) -> list[ProgressEntry]:
    """Progress rows, optionally only for some indicator rows and/or one agency."""
    sql = f"SELECT {_COLUMNS} FROM progress"
    where, params = [], []
    if agency_uid is not None:
        where.append("agency_uid = ?")
        params.append(agency_uid)
    if indicator_uids is not None:
        uids = list(indicator_uids)
        where.append("indicator_uid IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(uids))
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [_entry(r) for r in db.query(sql + " ORDER BY indicator_uid, agency_uid, quarter", params)]


def get_entry(db: Database, indicator_uid: str, agency_uid: str, quarter: int) -> ProgressEntry | None:
    row = next(db.query(f"SELECT {_COLUMNS} FROM progress WHERE indicator_uid = ? AND agency_uid = ? AND quarter = ?",
                        [indicator_uid, agency_uid, quarter]), None)
    return None if row is None else _entry(row)


def save_entry(db: Database, entry: ProgressEntry, actor: str, at: str,
               local_edit: bool = False, expected_revision: int | None = None) -> ProgressEntry:
    """Write an entry in one transaction with one audit row per changed field; returns what is stored.

    An entry equal to the stored one changes nothing (no new revision, no audit row).
    *local_edit* marks a coordinator's correction of an office's row (see domain/merge.py).
    With *expected_revision* (undo/redo) the stored revision must still be that one, checked inside
    the write transaction (StaleEditError otherwise, nothing written).
    """
    with db.atomic():
        old = get_entry(db, entry.indicator_uid, entry.agency_uid, entry.quarter)
        base = old or ProgressEntry(entry.indicator_uid, entry.agency_uid, entry.quarter)
        if expected_revision is not None:
            check_still_stored(base.revision, expected_revision)
        changed = [f for f in AUDITED if getattr(base, f) != getattr(entry, f)]
        if old is not None and not changed:
            return old
        if old is None and not changed:
            return base
        stored = entry.with_changes(updated_at=at, revision=base.revision + 1)
        db.execute(
            f"""INSERT INTO progress ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(indicator_uid, agency_uid, quarter) DO UPDATE SET
                  achieved = excluded.achieved, spent_satang = excluded.spent_satang,
                  status = excluded.status, note = excluded.note, reporter = excluded.reporter,
                  updated_at = excluded.updated_at, revision = excluded.revision""",
            [stored.indicator_uid, stored.agency_uid, stored.quarter, stored.achieved, stored.spent_satang,
             stored.status, stored.note, stored.reporter, stored.updated_at, stored.revision],
        )
        if local_edit:
            db.execute("UPDATE progress SET local_edit = 1 WHERE indicator_uid = ? AND agency_uid = ? AND quarter = ?",
                       [stored.indicator_uid, stored.agency_uid, stored.quarter])
        for name in changed:
            record(db, at=at, actor=actor, action="progress", entity="progress",
                   entity_uid=f"{entry.indicator_uid}/{entry.agency_uid}/q{entry.quarter}",
                   field=name, old=getattr(base, name), new=getattr(stored, name))
        return stored
