"""The audit log: who changed what, when, from which value to which."""

from __future__ import annotations

from typing import Any
from .connection import Database


def record(db: Database, *, at: str, actor: str, action: str, entity: str,
           entity_uid: str = "", field: str = "", old: Any = None, new: Any = None) -> None:
    """Append one audit row (call inside the transaction that makes the change)."""
    db.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_uid, field, old_value, new_value) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [at, actor, action, entity, entity_uid, field,
         None if old is None else str(old), None if new is None else str(new)],
    )


def record_many(db: Database, rows: list[tuple[Any, ...]]) -> None:
    """Append many audit rows: (at, actor, action, entity, entity_uid, field, old, new)."""
    db.conn.executemany(
        "INSERT INTO audit_log (at, actor, action, entity, entity_uid, field, old_value, new_value) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def audit_rows(db: Database, entity: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """The newest audit rows first."""
    if entity is None:
        return list(db.query("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", [limit]))
    return list(db.query("SELECT * FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT ?", [entity, limit]))
