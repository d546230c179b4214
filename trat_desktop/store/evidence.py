"""Evidence files: rows in the database, contents in a folder, one file per distinct content."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterable, NamedTuple, TYPE_CHECKING

from ..errors import TratError
from .audit import record
from .connection import Database
from ..i18n import _

if TYPE_CHECKING:  # (imported where used: the coordinator's window opens without the evidence's merge and writes)
    from ..domain.evidence import EvidenceEvent

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024


class Evidence(NamedTuple):
    """One evidence file attached to a row × office × quarter (the file itself is kept by its SHA-256)."""

    id: int
    indicator_uid: str
    agency_uid: str
    quarter: int
    sha256: str
    file_name: str
    size: int
    added_at: str
    revision: int = 1


def blob_path(folder: Path, sha256: str) -> Path:
    return folder / sha256[:2] / sha256


def _hash_file(path: Path) -> tuple[str, int]:
    import hashlib  # (here: not needed to open the app; OpenSSL's load is ~2 ms)

    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            size += len(chunk)
            if size > MAX_EVIDENCE_BYTES:
                raise TratError(_("ไฟล์ “{name}” ใหญ่เกิน {count} MB").format(
                                    name=path.name, count=MAX_EVIDENCE_BYTES // (1024 * 1024)))
            digest.update(chunk)
    return digest.hexdigest(), size


def check_source(source: Path) -> int:
    """A file that can be attached: it exists, is a file and is not too large; returns its size."""
    source = Path(source)
    try:
        if not source.is_file():
            raise TratError(_("ไม่พบไฟล์ “{source}”").format(source=source))
        size = source.stat().st_size
    except OSError as exc:
        raise TratError(_("อ่านไฟล์ “{source}” ไม่ได้ ({value})").format(source=source, value=exc.strerror or exc)) from exc
    if size > MAX_EVIDENCE_BYTES:
        raise TratError(_("ไฟล์ “{name}” ใหญ่เกิน {count} MB").format(
                            name=source.name, count=MAX_EVIDENCE_BYTES // (1024 * 1024)))
    return size


def store_blob(folder: Path, source: Path) -> tuple[str, int]:
    """Copy *source* into the folder under its hash (once), whole or not at all; returns
    (sha256, size). A full disk gives a Thai message and leaves no partial file."""
    check_source(source)
    sha, size = _hash_file(source)
    target = blob_path(folder, sha)
    if target.exists() and target.stat().st_size == size:
        return sha, size
    from ..atomic import OutputError, atomic_write

    try:
        with atomic_write(target, "ไฟล์หลักฐาน") as tmp:
            with open(tmp, "wb") as out, source.open("rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)
            if _hash_file(tmp)[0] != sha:
                raise TratError(_("ไฟล์ “{name}” เปลี่ยนไประหว่างคัดลอก โปรดลองอีกครั้ง").format(name=source.name))
    except OutputError as exc:  # name the person's file, not the stored copy's hash
        if exc.disk_full:
            raise OutputError(_("พื้นที่ดิสก์เต็ม แนบไฟล์ “{name}” ไม่ได้ เพราะไม่มีที่ว่างในโฟลเดอร์ข้อมูล “{parent}” "
                                 "โปรดลบไฟล์ที่ไม่ใช้แล้วในไดรฟ์นั้น แล้วลองอีกครั้ง (ไม่ได้แนบไฟล์ "
                                 "และไม่มีไฟล์ที่คัดลอกไม่ครบเหลืออยู่)").format(
                                  name=source.name, parent=Path(folder).parent), disk_full=True) from exc
        raise OutputError(_("แนบไฟล์ “{name}” ไม่ได้: {message}").format(name=source.name, message=exc.message)) from exc
    return sha, size


def add_evidence(db: Database, indicator_uid: str, agency_uid: str, quarter: int, sha256: str,
                 file_name: str, size: int, actor: str, at: str) -> Evidence:
    """Record an attachment (idempotent for the same content on the same row and quarter). Attaching
    again what was withdrawn takes the next revision, so the add outranks the withdrawal everywhere."""
    key = [indicator_uid, agency_uid, quarter, sha256]
    with db.atomic():
        withdrawn = db.execute("SELECT revision FROM evidence_withdrawn WHERE indicator_uid = ? AND agency_uid = ? "
                               "AND quarter = ? AND sha256 = ?", key).fetchone()
        inserted = db.execute(
            "INSERT OR IGNORE INTO evidence (indicator_uid, agency_uid, quarter, sha256, file_name, size, added_at, "
            "revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [*key, file_name, size, at, 1 if withdrawn is None else withdrawn[0] + 1],
        ).rowcount == 1
        if inserted and withdrawn is not None:
            db.execute("DELETE FROM evidence_withdrawn WHERE indicator_uid = ? AND agency_uid = ? AND quarter = ? "
                       "AND sha256 = ?", key)
        row = next(db.query("SELECT * FROM evidence WHERE indicator_uid = ? AND agency_uid = ? AND quarter = ? "
                            "AND sha256 = ?", [indicator_uid, agency_uid, quarter, sha256]))
        if inserted:
            record(db, at=at, actor=actor, action="evidence_add", entity="evidence",
                   entity_uid=f"{indicator_uid}/{agency_uid}/q{quarter}", field="file", new=f"{file_name} {sha256}")
    return Evidence(**row)


def list_evidence(db: Database, indicator_uid: str, agency_uid: str,
                  quarter: int | None = None) -> list[Evidence]:
    sql = "SELECT * FROM evidence WHERE indicator_uid = ? AND agency_uid = ?"
    params: list[object] = [indicator_uid, agency_uid]
    if quarter is not None:
        sql += " AND quarter = ?"
        params.append(quarter)
    return [Evidence(**r) for r in db.query(sql + " ORDER BY quarter, id", params)]


def remove_evidence(db: Database, evidence_id: int, actor: str, at: str) -> Evidence | None:
    """Withdraw an attachment: its row goes, a withdrawal with the next revision stays (exports list it,
    so the coordinator drops it too); the file stays in the folder while any other row uses it."""
    with db.atomic():
        row = next(db.query("SELECT * FROM evidence WHERE id = ?", [evidence_id]), None)
        if row is None:
            return None
        db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
        db.execute("INSERT OR REPLACE INTO evidence_withdrawn (indicator_uid, agency_uid, quarter, sha256, file_name, "
                   "size, removed_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [row["indicator_uid"], row["agency_uid"], row["quarter"], row["sha256"], row["file_name"],
                    row["size"], at, row["revision"] + 1])
        record(db, at=at, actor=actor, action="evidence_remove", entity="evidence",
               entity_uid=f"{row['indicator_uid']}/{row['agency_uid']}/q{row['quarter']}", field="file",
               old=f"{row['file_name']} {row['sha256']}")
    return Evidence(**row)


def sha_in_use(db: Database, sha256: str) -> bool:
    return db.execute("SELECT EXISTS (SELECT 1 FROM evidence WHERE sha256 = ?)", [sha256]).fetchone()[0] == 1


def events(db: Database, agency_uid: str, indicator_uids: Iterable[str] | None = None) -> list[EvidenceEvent]:
    """An office's attachments and withdrawals as merge events (all rows, or those of *indicator_uids*)."""
    from ..domain.evidence import EvidenceEvent

    wanted = None if indicator_uids is None else set(indicator_uids)
    out = [EvidenceEvent(r["indicator_uid"], r["agency_uid"], r["quarter"], r["sha256"], r["file_name"], r["size"],
                         r["added_at"], r["revision"], False)
           for r in db.query("SELECT * FROM evidence WHERE agency_uid = ? ORDER BY id", [agency_uid])]
    out += [EvidenceEvent(r["indicator_uid"], r["agency_uid"], r["quarter"], r["sha256"], r["file_name"], r["size"],
                          r["removed_at"], r["revision"], True)
            for r in db.query("SELECT * FROM evidence_withdrawn WHERE agency_uid = ? "
                              "ORDER BY indicator_uid, quarter, sha256", [agency_uid])]
    return [e for e in out if wanted is None or e.indicator_uid in wanted]


def apply_events(db: Database, winners: Iterable[EvidenceEvent], actor: str, at: str) -> int:
    """Make the stored attachments follow the winning events: an add is kept (or updated to the winning
    revision), a withdrawal removes the row and is kept as a tombstone. Returns how many rows changed."""
    changed = 0
    for e in winners:
        key = [e.indicator_uid, e.agency_uid, e.quarter, e.sha256]
        where = "indicator_uid = ? AND agency_uid = ? AND quarter = ? AND sha256 = ?"
        if e.removed:
            gone = db.execute(f"DELETE FROM evidence WHERE {where}", key).rowcount
            db.execute("INSERT OR REPLACE INTO evidence_withdrawn (indicator_uid, agency_uid, quarter, sha256, file_name, "
                       "size, removed_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [*key, e.file_name, e.size, e.at, e.revision])
            if gone:
                changed += 1
                record(db, at=at, actor=actor, action="evidence_remove", entity="evidence",
                       entity_uid=f"{e.indicator_uid}/{e.agency_uid}/q{e.quarter}", field="file",
                       old=f"{e.file_name} {e.sha256}")
            continue
        db.execute(f"DELETE FROM evidence_withdrawn WHERE {where}", key)
        held = db.execute(f"SELECT file_name, size, added_at, revision FROM evidence WHERE {where}", key).fetchone()
        if held is None:
            db.execute("INSERT INTO evidence (indicator_uid, agency_uid, quarter, sha256, file_name, size, added_at, "
                       "revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [*key, e.file_name, e.size, e.at, e.revision])
            changed += 1
            record(db, at=at, actor=actor, action="evidence_add", entity="evidence",
                   entity_uid=f"{e.indicator_uid}/{e.agency_uid}/q{e.quarter}", field="file",
                   new=f"{e.file_name} {e.sha256}")
        elif tuple(held) != (e.file_name, e.size, e.at, e.revision):
            db.execute(f"UPDATE evidence SET file_name = ?, size = ?, added_at = ?, revision = ? WHERE {where}",
                       [e.file_name, e.size, e.at, e.revision, *key])
    return changed


def evidence_snapshot(db: Database) -> list[tuple[object, ...]]:
    """Every attachment and withdrawal, for comparing final states."""
    rows = db.execute("SELECT indicator_uid, agency_uid, quarter, sha256, file_name, size, added_at, revision "
                      "FROM evidence ORDER BY 1, 2, 3, 4").fetchall()
    gone = db.execute("SELECT indicator_uid, agency_uid, quarter, sha256, file_name, size, removed_at, revision "
                      "FROM evidence_withdrawn ORDER BY 1, 2, 3, 4").fetchall()
    return [tuple(r) for r in rows] + [("withdrawn", *r) for r in gone]
