"""The audit log: who changed what, when, from which value to which.

One record format: one row per changed field, old and new values JSON-encoded (:func:`encode`).
Older databases also hold rows written as ``str(value)`` per field, and imports that wrote one row per
progress record with the changed fields comma-separated and JSON objects of old and new values; they are
never rewritten. :func:`field_changes` reads all three.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from .connection import Database

#: fields whose values are text: an old ``str()`` row of these is taken as it is
_TEXT_FIELDS = {"status", "note", "reporter", "title", "goal", "code", "unit", "indicator", "expected_result"}


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


@dataclass(frozen=True)
class FieldChange:
    """One field's change as the audit log tells it, whatever format the row was written in."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_uid: str
    field: str
    old: Any
    new: Any


def _decode(field: str, text: str | None) -> Any:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return text  # an old str() row of a text value
    if field in _TEXT_FIELDS and not isinstance(value, str):
        return text  # an old str() row of text that happens to look like a number
    return value


def field_changes(row: dict[str, Any]) -> list[FieldChange]:
    """The field changes one audit row records (an old per-record import row holds several)."""
    base = {k: row[k] for k in ("id", "at", "actor", "action", "entity", "entity_uid")}
    old_text, new_text, field = row["old_value"], row["new_value"], row["field"] or ""
    if "," in field or (new_text or "").startswith("{"):
        try:
            old_map, new_map = json.loads(old_text or "{}"), json.loads(new_text or "{}")
        except ValueError:
            old_map = new_map = None
        if isinstance(old_map, dict) and isinstance(new_map, dict):
            return [FieldChange(**base, field=name, old=old_map.get(name), new=new_map.get(name))
                    for name in field.split(",") if name]
    return [FieldChange(**base, field=field, old=_decode(field, old_text), new=_decode(field, new_text))]


def changes(db: Database, entity: str | None = None, entity_uid: str | None = None,
            limit: int = 200) -> list[FieldChange]:
    """Decoded field changes, newest first, optionally of one entity kind or one entity."""
    sql, params = "SELECT * FROM audit_log", []
    where = []
    if entity is not None:
        where.append("entity = ?")
        params.append(entity)
    if entity_uid is not None:
        where.append("entity_uid = ?")
        params.append(entity_uid)
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = db.query(sql + " ORDER BY id DESC LIMIT ?", [*params, limit])
    return [change for row in rows for change in field_changes(row)]
