"""Backups of the whole database: now, daily with rotation, and restoring one (keeping the current aside)."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..domain.identity import Identity
from ..errors import DatabaseDamagedError, TratError
from ..store import backup as backup_store
from ..store.connection import integrity_problem
from .plan import PlanService

DAILY_KEPT = 7
BACKUP_SUFFIX = ".sqlite3"


@dataclass(frozen=True)
class BackupInfo:
    """A backup file that passed the checks, described for the person about to restore it."""

    path: Path
    size: int
    modified: dt.datetime
    schema_version: int
    owner: str  # whose installation it came from ("ยังไม่ได้ตั้งค่า" before set-up)
    last_change: dt.datetime | None  # the newest audited change in it


def describe(path: Path | str) -> BackupInfo:
    """Check a backup file (intact, ours, not from a newer app) and say what it holds.
    Raises TratError with the Thai reason otherwise; never changes the file."""
    path = Path(path)
    facts = backup_store.describe_backup(path)
    stat = path.stat()
    settings = facts["settings"]
    owner = Identity.from_settings(settings if isinstance(settings, dict) else {}).display_name
    last_change = None
    if isinstance(facts["last_change"], str):
        try:
            last_change = dt.datetime.fromisoformat(facts["last_change"])
        except ValueError:
            last_change = None
    return BackupInfo(path=path, size=stat.st_size, modified=dt.datetime.fromtimestamp(stat.st_mtime),
                      schema_version=int(facts["schema_version"]), owner=owner, last_change=last_change)


def backup_folder(plans: PlanService) -> Path:
    return plans.data_dir / "backups"


def backup_now(plans: PlanService, dest: Path | None = None, label: str = "manual", keep: int = 20,
               now: dt.datetime | None = None) -> Path:
    """A consistent copy made with SQLite's backup API while the app runs. A database that fails
    SQLite's integrity check is not backed up (DatabaseDamagedError): its copy would push a good
    backup out of the rotation."""
    problem = integrity_problem(plans.db)
    if problem:
        raise DatabaseDamagedError("ไม่ได้สำรองข้อมูล เพราะฐานข้อมูลที่ใช้อยู่เสียหาย (ไฟล์สำรองเดิมยังอยู่ครบ) "
                                   f"โปรดกู้คืนจากไฟล์สำรองล่าสุด: {problem}")
    if dest is not None:
        plans.refuse_database_file(dest)  # replacing the live file by its own copy would lose the WAL
        return backup_store.backup_to(plans.db, Path(dest))
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = backup_folder(plans)
    target = folder / f"{label}-{stamp}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{label}-{stamp}_{n}.sqlite3"  # sorts after the first of that second
    backup_store.backup_to(plans.db, target)
    backup_store.rotate(folder, f"{label}-*.sqlite3", keep)
    return target


def automatic_backups(plans: PlanService) -> list[Path]:
    """The backups the app made itself (daily and manual ones in the backups folder), newest first."""
    folder = backup_folder(plans)
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob(f"*{BACKUP_SUFFIX}") if p.is_file()]
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def backups_beside(db_path: Path | str) -> Path:
    """The backups folder of the database file at *db_path* (without opening it)."""
    return Path(db_path).resolve().parent / "backups"


def latest_good_backup(db_path: Path | str) -> tuple[BackupInfo | None, list[tuple[Path, str]]]:
    """The newest backup beside *db_path* that passes the checks (intact, ours, not newer), and the
    newer ones that did not, with their Thai reasons. For the start screen of a damaged database."""
    folder = backups_beside(db_path)
    files = sorted((p for p in folder.glob(f"*{BACKUP_SUFFIX}") if p.is_file()) if folder.is_dir() else [],
                   key=lambda p: p.stat().st_mtime, reverse=True)
    refused: list[tuple[Path, str]] = []
    for path in files:
        try:
            return describe(path), refused
        except TratError as exc:
            refused.append((path, exc.message))
    return None, refused


def daily_backup(plans: PlanService, today: dt.date | None = None, keep: int = DAILY_KEPT) -> Path | None:
    """Make today's automatic backup unless there is one already; keeps the newest *keep*."""
    today = today or dt.date.today()
    folder = backup_folder(plans)
    if any(folder.glob(f"daily-{today:%Y%m%d}-*.sqlite3")):
        return None
    return backup_now(plans, label="daily", keep=keep, now=dt.datetime.combine(today, dt.datetime.now().time()))


def restore(db_path: Path, backup: Path, now: dt.datetime | None = None) -> Path:
    """Replace the database file at *db_path* by a checked backup; the current file is kept aside.

    Call with no connection open on *db_path*. Returns where the current database was put.
    """
    db_path, backup = Path(db_path), Path(backup)
    backup_store.check_backup(backup)
    if backup.resolve() == db_path.resolve():
        raise TratError("ไฟล์สำรองคือฐานข้อมูลที่ใช้อยู่")
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
    n = 1
    while aside.exists():  # two restores in one second must not overwrite the first one kept aside
        n += 1
        aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}-{n}{db_path.suffix}")
    if db_path.exists():
        try:  # fold the write-ahead log into the copy kept aside
            plans = PlanService.open(db_path, check=True)
            try:
                backup_store.backup_to(plans.db, aside)
            finally:
                plans.close()
        except TratError:  # the current file is broken or foreign: keep its bytes as they are
            shutil.copyfile(db_path, aside)
            for suffix in ("-wal", "-shm"):
                if Path(str(db_path) + suffix).exists():
                    shutil.copyfile(str(db_path) + suffix, str(aside) + suffix)
    tmp = db_path.with_name(db_path.name + ".restoring")
    try:
        shutil.copyfile(backup, tmp)
        for suffix in ("-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        tmp.replace(db_path)
    except OSError as exc:  # e.g. Windows: another window of the app still has the database open
        tmp.unlink(missing_ok=True)
        raise TratError("กู้คืนไม่ได้ เพราะไฟล์ฐานข้อมูลยังถูกใช้อยู่หรือเขียนไม่ได้ "
                        f"(ปิดโปรแกรม Trat Desktop ทุกหน้าต่างแล้วลองอีกครั้ง): {exc}") from exc
    return aside
