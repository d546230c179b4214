"""Exchange bookkeeping: signing keys, pinned office keys, the import ledger, conflicts, merged rows."""

from __future__ import annotations

import contextlib
import json
from typing import Any, Iterator

from ..domain.merge import Pending, RowState, Stored
from ..domain.progress import ProgressEntry
from . import progress as progress_store
from .audit import record
from .connection import Database

_ENTRY_COLUMNS = ("achieved", "spent_satang", "status", "note", "reporter", "updated_at", "problems", "suggestions")


# -- this installation's keys and counters -----------------------------------------
def get_setting(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return None if row is None else row[0]


def put_secret_setting(db: Database, key: str, value: str, actor: str, at: str, shown: str) -> None:
    """Set a setting whose value must not enter the audit log (the log records *shown* instead)."""
    with db.atomic():
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   [key, value])
        record(db, at=at, actor=actor, action="setting", entity="settings", entity_uid=key, field=key, new=shown)


def next_sequence(db: Database, key: str = "export_sequence") -> int:
    """Raise and return a per-installation counter, in its own transaction."""
    with db.atomic():
        current = int(get_setting(db, key) or 0) + 1
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   [key, str(current)])
    return current


# -- pinned keys ------------------------------------------------------------------
def pinned_key(db: Database, agency_uid: str) -> str | None:
    row = db.execute("SELECT public_key FROM office_keys WHERE agency_uid = ?", [agency_uid]).fetchone()
    return None if row is None else row[0]


def pin_key(db: Database, agency_uid: str, public_key: str, fingerprint: str, actor: str, at: str) -> None:
    db.execute("INSERT INTO office_keys (agency_uid, public_key, fingerprint, pinned_at, actor) VALUES (?, ?, ?, ?, ?) "
               "ON CONFLICT(agency_uid) DO UPDATE SET public_key = excluded.public_key, "
               "fingerprint = excluded.fingerprint, pinned_at = excluded.pinned_at, actor = excluded.actor",
               [agency_uid, public_key, fingerprint, at, actor])
    record(db, at=at, actor=actor, action="key_pin", entity="office_key", entity_uid=agency_uid, new=fingerprint)


def unpin_key(db: Database, agency_uid: str, actor: str, at: str) -> bool:
    with db.atomic():
        old = db.execute("SELECT fingerprint FROM office_keys WHERE agency_uid = ?", [agency_uid]).fetchone()
        if old is None:
            return False
        db.execute("DELETE FROM office_keys WHERE agency_uid = ?", [agency_uid])
        # revisions are counted per installation: a new PC's rows are compared by value, not revision
        progress_store.forget_office_revisions(db, agency_uid)
        record(db, at=at, actor=actor, action="key_unpin", entity="office_key", entity_uid=agency_uid, old=old[0])
    return True


def office_keys(db: Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM office_keys ORDER BY pinned_at"))


# -- ledger -----------------------------------------------------------------------
def ledger_has(db: Database, file_sha256: str, signed_sha256: str = "") -> dict[str, Any] | None:
    """The earlier accepting import of the same file, if any: the same bytes, or the same signed content
    (a copy whose zip headers differ)."""
    return next(db.query("SELECT * FROM import_ledger WHERE (file_sha256 = ? OR (signed_sha256 = ? AND ? != '')) "
                         "AND status != 'rejected' ORDER BY id LIMIT 1",
                         [file_sha256, signed_sha256, signed_sha256]), None)


def last_sequence(db: Database, office_uid: str, signer_fingerprint: str) -> int:
    """The newest export taken from an office's installation (sequences are counted per installation key)."""
    row = db.execute("SELECT max(sequence) FROM import_ledger WHERE office_uid = ? AND signer_fingerprint = ? "
                     "AND status IN ('imported', 'conflict', 'unchanged')", [office_uid, signer_fingerprint]).fetchone()
    return row[0] or 0


def add_ledger(db: Database, values: dict[str, Any]) -> int:
    values = {**values, "audit_high": audit_high(db)}
    columns = ", ".join(values)  # the import's own column names, never text from a file
    cursor = db.execute(f"INSERT INTO import_ledger ({columns}) VALUES ({', '.join('?' * len(values))})",
                        list(values.values()))
    return int(cursor.lastrowid)


def ledger(db: Database, limit: int = 500) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM import_ledger ORDER BY id DESC LIMIT ?", [limit]))


def audit_high(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]


def forget_backup(db: Database, backup_path: str) -> None:
    db.execute("UPDATE import_ledger SET backup_path = '' WHERE backup_path = ?", [backup_path])


def last_backup(db: Database) -> dict[str, Any] | None:
    """The ledger row of the newest import run that made a backup."""
    return next(db.query("SELECT * FROM import_ledger WHERE backup_path != '' ORDER BY id DESC LIMIT 1"), None)


@contextlib.contextmanager
def import_cache(db: Database, mib: int = 64) -> Iterator[None]:
    """A larger page cache for an import run (a fixed bound, not growing with the files): its rows go to the
    progress and audit tables and their indexes at once, which the default 2 MB cannot hold, so each file
    would read back pages it had just written. Durability is untouched."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {-int(mib) * 1024}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")


# -- merge targets ----------------------------------------------------------------
def _entry(r: Any, values: dict[str, Any], office_revision: int | None = None) -> ProgressEntry:
    return ProgressEntry(r["indicator_uid"], r["agency_uid"], r["quarter"], values["achieved"],
                         values["spent_satang"], values["status"], values["note"], values["reporter"],
                         values["updated_at"], values["revision"] if office_revision is None else office_revision,
                         values.get("problems", ""), values.get("suggestions", ""))


def stored_rows(db: Database, agency_uid: str) -> dict[tuple[str, int], RowState]:
    """The coordinator's state of one office's cells, keyed by (indicator uid, quarter): the stored row with
    its merge marks, and any office value held aside (domain/merge.py)."""
    out: dict[tuple[str, int], RowState] = {}
    for r in db.query("SELECT * FROM progress WHERE agency_uid = ?", [agency_uid]):
        out[(r["indicator_uid"], r["quarter"])] = RowState(
            Stored(_entry(r, r), r["office_revision"], bool(r["local_edit"])))
    for r in db.query("SELECT * FROM conflicts WHERE agency_uid = ?", [agency_uid]):
        key = (r["indicator_uid"], r["quarter"])
        pending = Pending(_entry(r, json.loads(r["theirs"]), r["office_revision"]),
                          tuple(json.loads(r["reasons"])) if r["reasons"] else ())
        out[key] = RowState(out.get(key, RowState()).stored, pending)
    return out


def apply_office_rows(db: Database, rows: list[tuple[ProgressEntry, ProgressEntry | None]],
                      actor: str, at: str, action: str = "import",
                      settle: list[tuple[str, str, int]] | None = None) -> None:
    """Take office rows as sent, each (incoming, the coordinator's old copy or None): values, the office's
    revision as office_revision, no local edit, any pending conflict settled (*settle*: the cells that have
    one, when the caller knows; None: looked for in every cell); audited per changed field (through the one
    progress write path)."""
    progress_store.take_office_rows(db, rows, actor=actor, at=at, action=action, settle=settle)


def set_office_revision(db: Database, entry: ProgressEntry, office_revision: int,
                        local_edit: bool) -> None:
    progress_store.set_merge_marks(db, entry, office_revision, local_edit)


def put_conflict(db: Database, incoming: ProgressEntry, file_sha256: str, at: str,
                 reasons: tuple[str, ...] = ()) -> None:
    """Keep an office value aside: a conflict with the coordinator's edit, or (with *reasons*, codes of
    domain/plan_fit.py) a value that no longer fits the plan."""
    theirs = json.dumps({name: getattr(incoming, name) for name in _ENTRY_COLUMNS}, ensure_ascii=False)
    db.execute("INSERT INTO conflicts (indicator_uid, agency_uid, quarter, theirs, office_revision, file_sha256, "
               "detected_at, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(indicator_uid, agency_uid, quarter) "
               "DO UPDATE SET theirs = excluded.theirs, office_revision = excluded.office_revision, "
               "file_sha256 = excluded.file_sha256, detected_at = excluded.detected_at, reasons = excluded.reasons",
               [incoming.indicator_uid, incoming.agency_uid, incoming.quarter, theirs, incoming.revision,
                file_sha256, at, json.dumps(list(reasons)) if reasons else ""])


def conflicts(db: Database, held: bool = False) -> list[tuple[ProgressEntry, dict[str, Any]]]:
    """Pending conflicts (or, with *held*, values held aside as outside the plan): (their entry, the row)
    with the row's ``reasons`` decoded to a tuple (empty for a conflict)."""
    out = []
    for r in db.query("SELECT * FROM conflicts WHERE (reasons != '') = ? "
                      "ORDER BY detected_at, indicator_uid, agency_uid, quarter", [int(held)]):
        theirs = json.loads(r["theirs"])
        entry = ProgressEntry(r["indicator_uid"], r["agency_uid"], r["quarter"], theirs["achieved"],
                              theirs["spent_satang"], theirs["status"], theirs["note"], theirs["reporter"],
                              theirs["updated_at"], r["office_revision"], theirs.get("problems", ""),
                              theirs.get("suggestions", ""))
        r["reasons"] = tuple(json.loads(r["reasons"])) if r["reasons"] else ()
        out.append((entry, r))
    return out


def drop_conflict(db: Database, entry: ProgressEntry) -> None:
    db.execute("DELETE FROM conflicts WHERE indicator_uid = ? AND agency_uid = ? AND quarter = ?",
               [entry.indicator_uid, entry.agency_uid, entry.quarter])


def progress_snapshot(db: Database) -> list[tuple[Any, ...]]:
    """Every progress value and pending conflict, for comparing final states."""
    rows = db.execute("SELECT indicator_uid, agency_uid, quarter, achieved, spent_satang, status, note, "
                      "office_revision, local_edit FROM progress ORDER BY 1, 2, 3").fetchall()
    pending = db.execute("SELECT indicator_uid, agency_uid, quarter, theirs, office_revision FROM conflicts "
                         "ORDER BY 1, 2, 3").fetchall()
    return [tuple(r) for r in rows] + [("conflict", *r) for r in pending]


def referenced_backups(db: Database) -> set[str]:
    """The undo points (backup files) the import ledger still names."""
    return {r[0] for r in db.execute("SELECT DISTINCT backup_path FROM import_ledger WHERE backup_path != ''")}
