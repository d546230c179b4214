"""Reporting rounds: the coordinator's dates per year and round, and an office's sign-offs of a round."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .audit import record
from .connection import Database


@dataclass(frozen=True)
class Submission:
    """The newest sign-off or withdrawal of one office's round."""

    office_uid: str
    fiscal_year: int
    round_id: str
    state: str
    signer_name: str
    signer_position: str
    signed_on: str
    reason: str
    audit_high: int
    at: str


def round_dates(db: Database, fiscal_year: int) -> dict[str, dict[str, dt.date]]:
    """The coordinator's dates for a year: {round_id: {"start", "end", "due"}} (rounds left at the defaults are absent)."""
    found: dict[str, dict[str, dt.date]] = {}
    for row in db.query("SELECT * FROM round_dates WHERE fiscal_year = ?", [fiscal_year]):
        found[row["round_id"]] = {"start": dt.date.fromisoformat(row["start_date"]),
                                  "end": dt.date.fromisoformat(row["end_date"]),
                                  "due": dt.date.fromisoformat(row["due_date"])}
    return found


def save_round_dates(db: Database, fiscal_year: int, round_id: str, start: dt.date, end: dt.date, due: dt.date,
                     actor: str, at: str) -> None:
    with db.atomic():
        old = round_dates(db, fiscal_year).get(round_id)
        db.execute(
            "INSERT INTO round_dates (fiscal_year, round_id, start_date, end_date, due_date, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(fiscal_year, round_id) DO UPDATE SET "
            "start_date = excluded.start_date, end_date = excluded.end_date, due_date = excluded.due_date, "
            "updated_at = excluded.updated_at",
            [fiscal_year, round_id, start.isoformat(), end.isoformat(), due.isoformat(), at])
        text = f"{start.isoformat()}..{end.isoformat()} due {due.isoformat()}"
        before = None if old is None else f"{old['start'].isoformat()}..{old['end'].isoformat()} due {old['due'].isoformat()}"
        record(db, at=at, actor=actor, action="round_dates", entity="round", entity_uid=f"{fiscal_year}/{round_id}",
               field="dates", old=before, new=text)


def _submission(row: dict[str, Any]) -> Submission:
    return Submission(row["office_uid"], row["fiscal_year"], row["round_id"], row["state"], row["signer_name"],
                      row["signer_position"], row["signed_on"], row["reason"], row["audit_high"], row["at"])


def submissions(db: Database, office_uid: str, fiscal_year: int) -> dict[str, Submission]:
    """The newest submission row per round of one office's year."""
    found: dict[str, Submission] = {}
    for row in db.query("SELECT * FROM round_submissions WHERE office_uid = ? AND fiscal_year = ? ORDER BY id",
                        [office_uid, fiscal_year]):
        found[row["round_id"]] = _submission(row)
    return found


def add_submission(db: Database, office_uid: str, fiscal_year: int, round_id: str, state: str, *,
                   signer_name: str = "", signer_position: str = "", signed_on: str = "", reason: str = "",
                   actor: str, at: str) -> Submission:
    with db.atomic():
        high = db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
        db.execute(
            "INSERT INTO round_submissions (office_uid, fiscal_year, round_id, state, signer_name, signer_position, "
            "signed_on, reason, audit_high, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [office_uid, fiscal_year, round_id, state, signer_name, signer_position, signed_on, reason, high, at, actor])
        record(db, at=at, actor=actor, action=f"round_{state}", entity="round",
               entity_uid=f"{fiscal_year}/{round_id}/{office_uid}", field="state", new=state)
    return submissions(db, office_uid, fiscal_year)[round_id]


def progress_changes_since(db: Database, audit_high: int, agency_uid: str, quarters: tuple[int, ...]) -> int:
    """How many of an office's progress cells in *quarters* changed after audit row *audit_high*."""
    if not quarters:
        return 0
    patterns = [f"%/{agency_uid}/q{q}" for q in quarters]
    where = " OR ".join("entity_uid LIKE ?" for _ in patterns)
    row = db.execute(f"SELECT count(DISTINCT entity_uid) FROM audit_log WHERE id > ? AND entity = 'progress' "
                     f"AND ({where})", [audit_high, *patterns]).fetchone()
    return int(row[0])
