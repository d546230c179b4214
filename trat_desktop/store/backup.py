"""Consistent copies of the live database (SQLite's backup API) and putting one back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import TratError
from .connection import Database, APPLICATION_ID, SCHEMA_VERSION


def backup_to(db: Database, dest: Path) -> Path:
    """Copy the open database to *dest* while the app runs."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    target = sqlite3.connect(tmp)
    try:
        db.conn.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
    finally:
        target.close()
    tmp.replace(dest)
    return dest


def check_backup(path: Path) -> int:
    """A backup file must be an intact Trat Desktop database no newer than the app; returns its version."""
    if not path.is_file():
        raise TratError(f"ไม่พบไฟล์สำรอง “{path}”")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise TratError(f"ไฟล์ “{path.name}” ไม่ใช่ฐานข้อมูล หรือเสียหาย") from None
    if app_id != APPLICATION_ID:
        raise TratError(f"ไฟล์ “{path.name}” ไม่ใช่ฐานข้อมูลของ Trat Desktop")
    if ok != "ok":
        raise TratError(f"ไฟล์สำรอง “{path.name}” เสียหาย ({ok})")
    if version > SCHEMA_VERSION:
        raise TratError(f"ไฟล์สำรอง “{path.name}” มาจากโปรแกรมรุ่นใหม่กว่า")
    return version


def describe_backup(path: Path) -> dict[str, object]:
    """What a checked backup holds, read without changing it: its schema version, its settings
    (the installation's identity) and the time of its newest audited change (ISO text or None)."""
    version = check_backup(path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        settings = (dict(conn.execute("SELECT key, value FROM settings").fetchall())
                    if "settings" in tables else {})
        last_change = (conn.execute("SELECT max(at) FROM audit_log").fetchone()[0]
                       if "audit_log" in tables else None)
    except sqlite3.DatabaseError:
        raise TratError(f"อ่านไฟล์สำรอง “{path.name}” ไม่ได้") from None
    finally:
        conn.close()
    return {"schema_version": version, "settings": settings, "last_change": last_change}


def restore_from(db: Database, source: Path) -> None:
    """Replace the live database's content with a checked backup (same schema version only)."""
    version = check_backup(source)
    current = db.execute("PRAGMA user_version").fetchone()[0]
    if version != current:
        raise TratError("ไฟล์สำรองมาจากฐานข้อมูลรุ่นโครงสร้างอื่น ให้ใช้คำสั่งกู้คืนจากไฟล์สำรองแทน")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        src.backup(db.conn)
    finally:
        src.close()


def rotate(folder: Path, pattern: str, keep: int) -> list[Path]:
    """Delete the oldest files matching *pattern* beyond *keep*; returns what was deleted."""
    files = sorted(folder.glob(pattern))  # names carry the time stamp, oldest first
    doomed = files[:-keep] if keep > 0 else files
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed
