"""Key-value settings of this installation."""

from __future__ import annotations

from .audit import record
from .connection import Database


def load_settings(db: Database) -> dict[str, str]:
    return {row["key"]: row["value"] for row in db.query("SELECT key, value FROM settings")}


def save_settings(db: Database, values: dict[str, str], actor: str, at: str) -> None:
    """Write settings in one transaction, auditing each change."""
    with db.atomic():
        old = load_settings(db)
        for key, value in values.items():
            if old.get(key) == value:
                continue
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])
            record(db, at=at, actor=actor, action="setting", entity="settings", entity_uid=key,
                   field=key, old=old.get(key), new=value)
