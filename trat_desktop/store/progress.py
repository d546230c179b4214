"""Quarterly progress rows (indicator row x agency x quarter): the one write path, each change audited.

Every write to ``progress`` goes through :func:`write_entries` (a person's edit through :func:`save_entry`,
an import through the exchange store), with one audit record format: one audit row per changed field,
old and new value JSON-encoded (see :mod:`.audit` for reading older rows).
"""

from __future__ import annotations

import json
from operator import attrgetter
from typing import Any, Iterable, Literal

from ..domain.progress import ProgressEntry, check_still_stored
from .audit import encode, record_many
from .connection import Database

AUDITED = ("achieved", "spent_satang", "status", "note", "problems", "suggestions")
#: the progress table's columns in the order of ProgressEntry's fields (a row of them is one entry: ``_make``)
_COLUMNS = ", ".join(ProgressEntry._fields)


def entity_uid(entry: ProgressEntry) -> str:
    """How the audit log names a progress cell."""
    return f"{entry.indicator_uid}/{entry.agency_uid}/q{entry.quarter}"


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
    return list(map(ProgressEntry._make, db.rows(sql + " ORDER BY indicator_uid, agency_uid, quarter", params)))


def indicator_uids(db: Database) -> set[str]:
    """Every indicator row uid that has progress recorded."""
    return {r[0] for r in db.execute("SELECT DISTINCT indicator_uid FROM progress")}


def get_entry(db: Database, indicator_uid: str, agency_uid: str, quarter: int) -> ProgressEntry | None:
    found = db.rows(f"SELECT {_COLUMNS} FROM progress WHERE indicator_uid = ? AND agency_uid = ? AND quarter = ?",
                    [indicator_uid, agency_uid, quarter])
    return ProgressEntry._make(found[0]) if found else None


def changed_fields(old: ProgressEntry | None, new: ProgressEntry) -> list[str]:
    base = old or ProgressEntry(new.indicator_uid, new.agency_uid, new.quarter)
    return [f for f in AUDITED if getattr(base, f) != getattr(new, f)]


def write_entries(db: Database, rows: list[tuple[ProgressEntry, ProgressEntry | None]], *, actor: str, at: str,
                  action: str, origin: Literal["local", "office", "coordinator"],
                  office_revisions: list[int] | None = None) -> None:
    """Write progress rows, each (new entry as it is to be stored, the stored copy or None), with one audit row
    per changed field (old and new JSON-encoded). Call inside a transaction.

    *origin*: ``local`` an office's own edit (office_revision untouched), ``coordinator`` the coordinator's
    correction of an office's row (marked local_edit), ``office`` an office's row taken from its file
    (*office_revisions*, one per row, kept as office_revision; local_edit cleared; a pending conflict or
    held-aside value of that cell settled).
    """
    if not rows:
        return
    if origin == "office":
        take_office_rows(db, [(n._replace(revision=r), old) for (n, old), r in
                              zip(rows, office_revisions or [], strict=True)], actor=actor, at=at, action=action,
                         revisions=[n.revision for n, _old in rows])
        return
    db.conn.executemany(_UPSERT, [_VALUES(n) for n, _old in rows])
    if origin == "coordinator":
        db.conn.executemany("UPDATE progress SET local_edit = 1 WHERE indicator_uid = ? AND agency_uid = ? "
                            "AND quarter = ?", [_KEY(n) for n, _old in rows])
    record_many(db, _audit(rows, actor, at, action))


def take_office_rows(db: Database, rows: list[tuple[ProgressEntry, ProgressEntry | None]], *, actor: str, at: str,
                     action: str, settle: list[tuple[str, str, int]] | None = None,
                     revisions: list[int] | None = None) -> None:
    """Write office rows taken from their files, each (the office's entry as sent, the stored copy or None):
    the stored revision is the stored copy's plus one (*revisions*, one per row, if given), the office's own
    revision is kept as office_revision, local_edit cleared, and the cell's pending conflict or held-aside
    value settled (*settle*: only those cells, when the caller knows which have one; None: every cell).
    Audited like :func:`write_entries` (one row per changed field). Call inside a transaction."""
    if not rows:
        return
    if revisions is None:
        revisions = [1 if old is None else old.revision + 1 for _n, old in rows]
    # the office's revision kept and local_edit cleared in the same statement as the values
    db.conn.executemany(_OFFICE_UPSERT, [
        (n.indicator_uid, n.agency_uid, n.quarter, n.achieved, n.spent_satang, n.status, n.note, n.reporter,
         n.updated_at, revision, n.problems, n.suggestions, n.revision)
        for (n, _old), revision in zip(rows, revisions, strict=True)])
    keys = [_KEY(n) for n, _old in rows] if settle is None else settle
    if keys:
        db.conn.executemany("DELETE FROM conflicts WHERE indicator_uid = ? AND agency_uid = ? AND quarter = ?", keys)
    record_many(db, _audit(rows, actor, at, action))


_VALUES = attrgetter("indicator_uid", "agency_uid", "quarter", "achieved", "spent_satang", "status", "note",
                     "reporter", "updated_at", "revision", "problems", "suggestions")  # in the order of _COLUMNS
_KEY = attrgetter("indicator_uid", "agency_uid", "quarter")
_AUDITED_VALUES = attrgetter(*AUDITED)
_BLANK = _AUDITED_VALUES(ProgressEntry("", "", 1))  # what a cell holds before its first value
_UPDATE = """ON CONFLICT(indicator_uid, agency_uid, quarter) DO UPDATE SET
               achieved = excluded.achieved, spent_satang = excluded.spent_satang,
               status = excluded.status, note = excluded.note, reporter = excluded.reporter,
               updated_at = excluded.updated_at, revision = excluded.revision,
               problems = excluded.problems, suggestions = excluded.suggestions"""
_UPSERT = f"INSERT INTO progress ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) {_UPDATE}"
_OFFICE_UPSERT = (f"INSERT INTO progress ({_COLUMNS}, office_revision, local_edit) "
                  f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) {_UPDATE}, "
                  "office_revision = excluded.office_revision, local_edit = 0")


def _audit(rows: list[tuple[ProgressEntry, ProgressEntry | None]], actor: str, at: str,
           action: str) -> list[tuple[Any, ...]]:
    """The audit rows of a write: one per changed field, as tuples for :func:`record_many`."""
    out = []
    append = out.append
    for new, old in rows:
        after = _AUDITED_VALUES(new)
        before = _BLANK if old is None else _AUDITED_VALUES(old)
        if after == before:
            continue
        uid = f"{new.indicator_uid}/{new.agency_uid}/q{new.quarter}"  # entity_uid(new)
        for name, was, now in zip(AUDITED, before, after):
            if was != now:
                append((at, actor, action, "progress", uid, name, encode(was), encode(now)))
    return out


def save_entry(db: Database, entry: ProgressEntry, actor: str, at: str,
               local_edit: bool = False, expected_revision: int | None = None) -> ProgressEntry:
    """Write a person's edit of one entry in one transaction; returns what is stored.

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
        if not changed_fields(old, entry):
            return base
        stored = entry.with_changes(updated_at=at, revision=base.revision + 1)
        write_entries(db, [(stored, old)], actor=actor, at=at, action="progress",
                      origin="coordinator" if local_edit else "local")
        return stored


def set_merge_marks(db: Database, entry: ProgressEntry, office_revision: int | None, local_edit: bool) -> None:
    """The merge's bookkeeping on a stored row (not a value change, so not audited): the office's revision
    last taken and whether the coordinator changed the row locally."""
    db.execute("UPDATE progress SET office_revision = ?, local_edit = ? WHERE indicator_uid = ? AND agency_uid = ? "
               "AND quarter = ?", [office_revision, int(local_edit), entry.indicator_uid, entry.agency_uid,
                                   entry.quarter])


def forget_office_revisions(db: Database, agency_uid: str) -> None:
    """An office's new PC counts revisions anew: its rows are compared by value from now on."""
    db.execute("UPDATE progress SET office_revision = NULL WHERE agency_uid = ?", [agency_uid])
