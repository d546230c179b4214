"""The audit log: who changed what, when, from which value to which.

One record format: one row per changed field, old and new values JSON-encoded (:func:`encode`).
Older databases also hold rows written as ``str(value)`` per field, and imports that wrote one row per
progress record with the changed fields comma-separated and JSON objects of old and new values; they are
never rewritten. :func:`.audit_history.field_changes` reads all three (that module reads the log back;
this one, which every store module imports to write it, is on the app's start path: issue 16).
"""

from __future__ import annotations

import json
import math
from typing import Any

from .connection import Database


def encode(value: Any) -> str | None:
    """An audited value as stored: JSON (Thai kept readable); None stays NULL."""
    if value is None:
        return None
    kind = type(value)
    if kind is str:
        return _ENCODE_STR(value)  # what json.dumps(value, ensure_ascii=False) writes, without its set-up
    if kind is int or (kind is float and math.isfinite(value)):
        return repr(value)  # what JSON writes for them
    return _ENCODE(value)


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(value, ensure_ascii=False), made once
_ENCODE_STR = json.encoder.encode_basestring  # the encoder's own function for a str (ensure_ascii=False)


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
    """The newest audit rows first, as stored."""
    if entity is None:
        return list(db.query("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", [limit]))
    return list(db.query("SELECT * FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT ?", [entity, limit]))
