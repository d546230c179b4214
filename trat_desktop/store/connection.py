"""Opening, creating and upgrading the SQLite database."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from typing import Any, Iterator, NoReturn, Sequence
from pathlib import Path

from ..errors import DatabaseDamagedError, DatabaseVersionError, TratError, database_error, read_only_error
from .. import paths
from ..i18n import _, ngettext

APPLICATION_ID = 0x54524154  # "TRAT"
SCHEMA_VERSION = 13
_MIGRATION = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
#: How long a write waits for another connection's write transaction to end (SQLite's busy handler
#: retries within it) before it is refused with a Thai message. The GUI's own connection waits less
#: (see PlanService.set_write_wait): it must not freeze the window, and it keeps the value to retry.
WRITE_WAIT_SECONDS = 20.0


class Database:
    """The app's SQLite connection. Reads go straight to sqlite3; writes that use sqlite-utils
    (table inserts, ``atomic()`` transactions, transaction-aware ``executescript``) load it on
    first use, which keeps its import (~80 ms with its plugin scan) out of the GUI's start-up."""

    def __init__(self, conn: sqlite3.Connection, name: str = "", write_wait: float = WRITE_WAIT_SECONDS) -> None:
        self.conn = conn
        self.name = name  # the file's name, for messages
        self._utils: Any = None
        #: the file whose clean close is recorded (a connection opened with the start's check), else None
        self.checked_path: Path | None = None
        #: True when the start's check was skipped: the file was as a clean close had left it
        self.check_skipped = False
        # Writes take the write lock up front (BEGIN IMMEDIATE): a transaction that read first and
        # wrote later could otherwise fail at once with SQLITE_BUSY when another connection wrote
        # in between, without waiting (the "database is locked" after 0.3 s of issue 14).
        conn.isolation_level = "IMMEDIATE"
        self.set_write_wait(write_wait)

    def set_write_wait(self, seconds: float) -> None:
        """How long a write waits for another connection's write to finish (bounded), then fails
        with :class:`~trat_desktop.errors.DatabaseBusyError`."""
        self.write_wait = float(seconds)
        self.conn.execute(f"PRAGMA busy_timeout = {max(0, int(seconds * 1000))}")

    def _fail(self, exc: sqlite3.Error) -> NoReturn:
        translated = database_error(exc, self.name)
        if translated is None:
            raise exc
        raise translated from exc

    @property
    def utils(self) -> Any:
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(self.conn)
        return self._utils

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run one statement; a write outside a transaction commits at once (as sqlite-utils does),
        since Python's sqlite3 would otherwise leave it in an implicit transaction."""
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql, params)
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.commit()
        except sqlite3.Error as exc:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.rollback()
            self._fail(exc)
        return cursor

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of one query as tuples, in the order of its columns (:meth:`query` makes a dict of each)."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            self._fail(exc)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Iterator[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, params)
            keys = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
        except sqlite3.Error as exc:
            self._fail(exc)
        for row in rows:
            yield dict(zip(keys, row))

    @contextlib.contextmanager
    def atomic(self) -> Iterator["Database"]:
        """One transaction (savepoints when nested), as sqlite-utils' ``atomic()`` but taking the
        write lock first (``BEGIN IMMEDIATE``, waiting at most :attr:`write_wait`). SQLite's
        busy, full, read-only and damaged failures become Thai errors; nothing is half written."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"trat_{os.urandom(8).hex()}"  # (as secrets.token_hex, without its start-up import)
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            self._fail(exc)
        try:
            yield self
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.rollback()
            self._fail(exc)
        except BaseException:
            conn.rollback()
            raise

    def executescript(self, sql: str) -> Any:
        return self.utils.executescript(sql)

    def __getitem__(self, table: str) -> Any:
        return self.utils[table]

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]

    def close(self) -> None:
        """Close the connection. One opened with the start's check (:func:`connect`) is checked again
        first (``PRAGMA quick_check``, the user is leaving: not part of any start) and, when it is
        intact and this was the last connection (the write-ahead log folded into the file), the file's
        fingerprint is recorded so that the next start can skip the check (:func:`clean_close_matches`)."""
        path = self.checked_path
        if path is None:
            self.conn.close()
            return
        self.checked_path = None
        record = clean_close_record(path)
        try:
            intact = not self.conn.in_transaction and integrity_problem(self, quick=True) == ""
        except (TratError, sqlite3.Error):
            intact = False
        if not intact:
            _forget(record)
        self.conn.close()
        if intact:
            _record_clean_close(path, record)


def connect(path: Path | str, check: bool = False, write_wait: float | None = None) -> Database:
    """Open (or create) a database and bring it to :data:`SCHEMA_VERSION`.

    A new database is built from ``db/schema.sql``; an older one is upgraded
    by the numbered migrations; a newer one, or a file that is not ours, is
    refused with a Thai message and left untouched. With *check* (the app's start), every page is
    read once (``PRAGMA quick_check``) so that a damaged page is found now, not in the middle of an
    import: a damaged file raises :class:`DatabaseDamagedError`; a read-only or full one its own error.
    *write_wait*: seconds a write waits for another connection's (default :data:`WRITE_WAIT_SECONDS`).
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise TratError(_("“{path}” เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล").format(path=path))
    real_file = path.name != ":memory:"
    unchanged = check and real_file and clean_close_matches(path)  # before SQLite opens (and logs) anything
    try:
        conn = sqlite3.connect(str(path), timeout=WRITE_WAIT_SECONDS)
    except sqlite3.Error as exc:
        raise (database_error(exc, path.name) or TratError(_("เปิดฐานข้อมูล “{path}” ไม่ได้: {exc}").format(path=path, exc=exc))) from exc
    try:
        db = Database(conn, path.name, WRITE_WAIT_SECONDS if write_wait is None else max(0.0, write_wait))
        version, app_id, has_tables = _identity(db, path)
        if version > SCHEMA_VERSION:
            raise DatabaseVersionError(
                _("ฐานข้อมูล “{name}” สร้างด้วยโปรแกรมรุ่นใหม่กว่านี้ (รุ่นโครงสร้าง {version} "
                   "แต่โปรแกรมนี้รองรับถึงรุ่น {schema_version}) โปรดปรับปรุงโปรแกรม Trat Desktop ก่อนเปิดไฟล์นี้").format(
                    name=path.name, version=version, schema_version=SCHEMA_VERSION)
            )
        if has_tables and app_id != APPLICATION_ID:
            raise TratError(_("ไฟล์ “{name}” ไม่ใช่ฐานข้อมูลของ Trat Desktop").format(name=path.name))
        if check and has_tables:
            db.check_skipped = unchanged
            problem = "" if unchanged else integrity_problem(db, quick=True)
            if problem:
                _forget(clean_close_record(path))
                raise DatabaseDamagedError(_("ไฟล์ฐานข้อมูล “{name}” เสียหาย ({problem})").format(
                                               name=path.name, problem=problem))
        db.execute("PRAGMA foreign_keys = ON")
        if path.name != ":memory:":
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
        if not has_tables:
            create_fresh(db)
        elif version < SCHEMA_VERSION:
            backup_before_upgrade(db, path, version)
            migrate(db, version)
        if check and path.name != ":memory:" and not _writable(path):
            # a read-only file opens and reads fine, then refuses every save: say so now
            raise read_only_error(path.name, _(" (ตรวจเมื่อเปิดโปรแกรม)"))
        if check and real_file:
            db.checked_path = path
        return db
    except sqlite3.Error as exc:
        conn.close()
        translated = database_error(exc, path.name)
        if translated is None:
            raise
        raise translated from exc
    except BaseException:
        conn.close()
        raise


#: Bytes of the file's start and end that the clean-close fingerprint hashes: the header (page size,
#: change counter, schema cookie, version) and the schema's root page; the last page.
FINGERPRINT_BYTES = 8192


def clean_close_record(path: Path) -> Path:
    """Where the fingerprint of *path*'s last clean close is kept: beside it, ``NAME-checked``."""
    return path.with_name(f"{path.name}-checked")


def _fingerprint(path: Path) -> dict[str, Any] | None:
    """What a clean close is recognised by: size, modification time (ns), file id, and a hash of the
    file's first and last bytes (CRC-32); None if the file cannot be read, or a write-ahead log, its index or a
    rollback journal is beside it: a connection is open (here or in another program) or a write was not
    folded into the file (a killed session): the start checks. The file is only read when none is there,
    so no connection of this process can lose its locks when the read's descriptor is closed (the WAL bug
    of issue 14, docs/notes.md)."""
    import zlib  # (not hashlib: OpenSSL's hashes stay out of the start; a damage, not an attacker, is looked for)

    try:
        for other in (f"{path}-wal", f"{path}-shm", f"{path}-journal"):
            if os.path.exists(other):
                return None
        info = os.stat(path)
        with open(path, "rb") as handle:
            head = handle.read(FINGERPRINT_BYTES)
            handle.seek(max(0, info.st_size - FINGERPRINT_BYTES))
            tail = handle.read(FINGERPRINT_BYTES)
        if os.stat(path).st_mtime_ns != info.st_mtime_ns:
            return None  # written while read
    except OSError:
        return None
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns, "file_id": [info.st_dev, info.st_ino],
            "crc32": [zlib.crc32(head), zlib.crc32(tail)], "schema": SCHEMA_VERSION}


def clean_close_matches(path: Path) -> bool:
    """Is *path* exactly as the app left it at its last clean close, after a clean ``quick_check``
    then? (Then the start's check may be skipped: see docs/notes.md, "Start-up at 100×".)"""
    import json

    try:
        recorded = json.loads(clean_close_record(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    now = _fingerprint(path)
    return now is not None and recorded == now


def _record_clean_close(path: Path, record: Path) -> None:
    """After the last connection closed on an intact file: its fingerprint (atomically; a folder
    that cannot be written keeps no record, and the next start checks)."""
    import json

    from ..atomic import atomic_write

    found = _fingerprint(path)
    if found is None:
        _forget(record)
        return
    try:
        with atomic_write(record, make_folder=False) as tmp:
            tmp.write_text(json.dumps(found), encoding="utf-8")
    except (OSError, TratError):
        _forget(record)


def _forget(record: Path) -> None:
    with contextlib.suppress(OSError):
        record.unlink()


def _writable(path: Path) -> bool:
    """Can the file, and its folder (the write-ahead log is made beside it), be written? Asked of
    the system without writing (a trial write would cost a disk flush at every start)."""
    return os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK | os.X_OK)


def integrity_problem(db: Database, quick: bool = False) -> str:
    """'' when SQLite finds the database intact, else a Thai summary of what it found.
    *quick* runs ``PRAGMA quick_check`` (every page read, indexes not compared: cheap enough for
    each start), else ``PRAGMA integrity_check`` (before a backup)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [r[0] for r in db.conn.execute(f"PRAGMA {pragma}(100)")]
    except sqlite3.DatabaseError as exc:
        translated = database_error(exc, db.name)
        if isinstance(translated, DatabaseDamagedError) or translated is None:
            return _("อ่านบางส่วนของไฟล์ไม่ได้ รหัสข้อผิดพลาด {code}").format(
                code=getattr(exc, "sqlite_errorname", "")).strip()
        raise translated from exc
    if rows == ["ok"]:
        return ""
    if len(rows) >= 100:
        return _("การตรวจความสมบูรณ์ของไฟล์พบปัญหา {count} จุดหรือมากกว่า").format(count=len(rows))
    return ngettext("การตรวจความสมบูรณ์ของไฟล์พบปัญหา {count} จุด", "การตรวจความสมบูรณ์ของไฟล์พบปัญหา {count} จุด",
                    len(rows)).format(count=len(rows))


def backup_before_upgrade(db: Database, path: Path, version: int) -> Path | None:
    """Before a newer app upgrades a database file: a copy as it was, in ``backups/`` beside it
    (``before-upgrade-vN-STAMP.sqlite3``), so the previous version of the app can still use it."""
    if path.name == ":memory:" or not path.is_file():
        return None
    import datetime as dt

    from .backup import backup_to  # that module builds on this one

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup_to(db, path.resolve().parent / "backups" / f"before-upgrade-v{version}-{stamp}.sqlite3")


def _identity(db: Database, path: Path) -> tuple[int, int, bool]:
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        has_tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    except TratError:
        raise
    except sqlite3.DatabaseError as exc:
        translated = database_error(exc, path.name)
        if translated is not None and not isinstance(translated, DatabaseDamagedError):
            raise translated from exc  # busy, read-only, full: not "damaged"
        raise DatabaseDamagedError(_("ไฟล์ “{name}” ไม่ใช่ฐานข้อมูล หรือไฟล์เสียหาย ({exc})").format(
                                       name=path.name, exc=exc)) from exc
    return version, app_id, has_tables


def create_fresh(db: Database) -> None:
    """Build the current schema in an empty database, in one transaction."""
    script = paths.schema_path().read_text(encoding="utf-8")
    with db.atomic():
        db.executescript(script)


def migration_files() -> dict[int, Path]:
    """Numbered migrations: ``NNNN_slug.sql`` upgrades a database to version NNNN."""
    found: dict[int, Path] = {}
    for file in sorted(paths.migrations_dir().iterdir()):
        match = _MIGRATION.match(file.name)
        if match:
            found[int(match.group(1))] = file
    return found


def migrate(db: Database, current: int, target: int = SCHEMA_VERSION) -> None:
    """Apply each migration after *current* up to *target*, each in its own transaction."""
    files = migration_files()
    for version in range(current + 1, target + 1):
        if version not in files:
            raise TratError(_("ไม่พบไฟล์ปรับรุ่นฐานข้อมูลหมายเลข {version:04d}").format(version=version))
        script = files[version].read_text(encoding="utf-8")
        with db.atomic():
            db.executescript(script)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {version}")


@contextlib.contextmanager
def bulk_writes(db: Database) -> Iterator[None]:
    """Many small transactions in a row (an import run): skip the disk flush at each commit and flush
    once at the end. Every transaction stays atomic; a killed process loses nothing that committed;
    only a power cut during the run could lose that run's last files, never corrupt the database."""
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA wal_autocheckpoint = 20000")
    try:
        yield
    finally:
        db.execute("PRAGMA wal_autocheckpoint = 1000")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA synchronous = FULL")


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]
