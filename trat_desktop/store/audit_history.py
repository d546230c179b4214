"""Reading the audit log back (see :mod:`.audit` for its record formats): each row's field changes,
decoded whatever format the row was written in. Apart from :mod:`.audit`, which every store module
imports to write the log, so that the app's start does not make these classes (issue 16)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .connection import Database

#: fields whose values are text: an old ``str()`` row of these is taken as it is
_TEXT_FIELDS = {"status", "note", "reporter", "title", "goal", "code", "unit", "indicator", "expected_result"}


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
