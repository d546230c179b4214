"""The coordinator's dates per year and round (the sign-offs, reviews and comments: store/rounds.py). Apart
from the sign-offs' record types so that the window's default year, which looks at the last round's due
date, does not build them before the first paint."""

from __future__ import annotations

import datetime as dt

from .audit import record
from .connection import Database


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
