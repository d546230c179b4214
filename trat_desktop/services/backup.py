"""Backups of the whole installation: now, daily with rotation, and restoring one (keeping the
current database aside), also on a new PC.

A backup is one file (a zip, see :mod:`trat_desktop.store.backup`): the database made with
SQLite's backup API plus every evidence file it refers to, each under its hash. Restoring checks
the database (hash, integrity_check) and every evidence file's hash before anything is changed,
then puts the evidence into the data folder's ``evidence/`` and the database in place. Plain
``.sqlite3`` backups of earlier versions still restore (their evidence is what the folder holds).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .. import atomic, paths
from ..domain.identity import Identity
from ..errors import DatabaseDamagedError, TratError
from ..store import backup as backup_store
from ..store import evidence as evidence_store
from ..store.connection import integrity_problem
from .plan import PlanService, clean_data_folder
from ..i18n import _

DAILY_KEPT = 7
BACKUP_SUFFIX = ".zip"
OLD_SUFFIX = ".sqlite3"  # backups made before evidence was inside them
SUFFIXES = (BACKUP_SUFFIX, OLD_SUFFIX)


@dataclass(frozen=True)
class BackupInfo:
    """A backup file that passed the checks, described for the person about to restore it."""

    path: Path
    size: int
    modified: dt.datetime
    schema_version: int
    owner: str  # whose installation it came from ("ยังไม่ได้ตั้งค่า" before set-up)
    last_change: dt.datetime | None  # the newest audited change in it
    evidence_files: int = 0  # attached files inside the backup
    evidence_not_inside: int = 0  # attached files the database names that the backup does not hold
    bundle: bool = True  # False: an older backup holding the database only


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: where the previous database went (None: there was none, e.g. a new
    PC), how many evidence files were put in the data folder, and how many the restored data
    names that this PC still does not have (export will name them)."""

    aside: Path | None
    evidence_restored: int
    evidence_missing: int


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
                      schema_version=int(str(facts["schema_version"])), owner=owner, last_change=last_change,
                      evidence_files=int(str(facts["evidence_files"])),
                      evidence_not_inside=int(str(facts["evidence_not_inside"])), bundle=bool(facts["bundle"]))


def backup_folder(plans: PlanService) -> Path:
    return paths.backups_dir(plans.data_dir)


def backup_now(plans: PlanService, dest: Path | None = None, label: str = "manual", keep: int = 20,
               now: dt.datetime | None = None, with_evidence: bool = True) -> Path:
    """A backup file made while the app runs: the database (SQLite's backup API) and, with
    *with_evidence*, every evidence file it refers to. To *dest*, or into the backups folder as
    ``LABEL-STAMP.zip`` keeping the newest *keep* of that label. Whole or not at all: a full disk
    gives a Thai message and leaves nothing behind. A database that fails SQLite's integrity check
    is not backed up (DatabaseDamagedError): its copy would push a good backup out of the rotation."""
    problem = integrity_problem(plans.db)
    if problem:
        raise DatabaseDamagedError(_("ไม่ได้สำรองข้อมูล เพราะฐานข้อมูลที่ใช้อยู่เสียหาย (ไฟล์สำรองเดิมยังอยู่ครบ) "
                                      "โปรดกู้คืนจากไฟล์สำรองล่าสุด: {problem}").format(
                                       problem=problem))
    evidence = paths.evidence_dir(plans.data_dir) if with_evidence else None
    if dest is not None:
        plans.refuse_database_file(dest)  # replacing the live file by its own copy would lose the WAL
        return backup_store.write_bundle(plans.db, Path(dest), evidence).path
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = backup_folder(plans)
    target = folder / f"{label}-{stamp}{BACKUP_SUFFIX}"
    n = 1
    while any(target.with_suffix(s).exists() for s in SUFFIXES):
        n += 1
        target = folder / f"{label}-{stamp}_{n}{BACKUP_SUFFIX}"  # sorts after the first of that second
    backup_store.write_bundle(plans.db, target, evidence)
    backup_store.rotate(folder, [f"{label}-*{s}" for s in SUFFIXES], keep)
    return target


def automatic_backups(plans: PlanService) -> list[Path]:
    """The backups the app made itself (daily, manual and before-import ones in the backups
    folder, old-style ones too), newest first."""
    folder = backup_folder(plans)
    if not folder.is_dir():
        return []
    files = [p for s in SUFFIXES for p in folder.glob(f"*{s}") if p.is_file() and not p.name.startswith(".")]
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def backups_beside(db_path: Path | str) -> Path:
    """The backups folder of the database file at *db_path* (without opening it)."""
    return Path(db_path).resolve().parent / "backups"


def latest_good_backup(db_path: Path | str) -> tuple[BackupInfo | None, list[tuple[Path, str]]]:
    """The newest backup beside *db_path* that passes the checks (intact, ours, not newer), and the
    newer ones that did not, with their Thai reasons. For the start screen of a damaged database."""
    folder = backups_beside(db_path)
    files = sorted((p for s in SUFFIXES for p in folder.glob(f"*{s}") if p.is_file() and not p.name.startswith("."))
                   if folder.is_dir() else [],
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
    if any(p for s in SUFFIXES for p in folder.glob(f"daily-{today:%Y%m%d}-*{s}")):
        return None
    _check_room(plans, folder)
    return backup_now(plans, label="daily", keep=keep, now=dt.datetime.combine(today, dt.datetime.now().time()))


#: what an automatic backup leaves free on the disk at least (the database must still be able to grow)
RESERVE_BYTES = 200 * 1024 * 1024


def _check_room(plans: PlanService, folder: Path) -> None:
    """An automatic backup must not fill the disk the database lives on: refuse (Thai) when the
    backup and a reserve would not fit."""
    need = backup_store.estimated_size(plans.db) + RESERVE_BYTES
    probe = folder if folder.is_dir() else plans.data_dir
    try:
        free = shutil.disk_usage(probe).free
    except OSError:
        return
    if free < need:
        mb = 1024 * 1024
        raise atomic.OutputError(
            _("พื้นที่ดิสก์เหลือน้อย ({count:,} MB) จึงไม่ได้สำรองข้อมูลอัตโนมัติวันนี้ "
               "(ไฟล์สำรองต้องใช้ประมาณ {count2:,} MB และควรเหลือที่ว่างอย่างน้อย {count3:,} MB) "
               "โปรดลบไฟล์ที่ไม่ใช้แล้ว หรือสำรองลงแฟลชไดรฟ์ด้วย “สำรองข้อมูลตอนนี้…”").format(
                count=free // mb, count2=(need - RESERVE_BYTES) // mb + 1, count3=RESERVE_BYTES // mb),
            disk_full=True)


def _keep_aside(db_path: Path, now: dt.datetime | None) -> Path | None:
    """The current database copied beside itself as ``NAME.before-restore-STAMP.sqlite3``."""
    if not db_path.exists():
        return None
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
    n = 1
    while aside.exists():  # two restores in one second must not overwrite the first one kept aside
        n += 1
        aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}-{n}{db_path.suffix}")
    try:  # fold the write-ahead log into the copy kept aside
        plans = PlanService.open(db_path, check=True)  # a damaged one: its bytes
    except Exception:  # noqa: BLE001 - broken, foreign or unreadable: keep its bytes as they are
        atomic.copy_file(db_path, aside, "สำเนาฐานข้อมูลเดิม")
        for suffix in ("-wal", "-shm"):
            if Path(str(db_path) + suffix).exists():
                atomic.copy_file(str(db_path) + suffix, str(aside) + suffix, "สำเนาฐานข้อมูลเดิม")
        return aside
    try:
        backup_store.backup_to(plans.db, aside)
    finally:
        plans.close()
    return aside


def restore_backup(db_path: Path | str, backup: Path | str, now: dt.datetime | None = None) -> RestoreResult:
    """Replace the database at *db_path* by a checked backup, putting its evidence files into the
    data folder beside it; the current database (if any) is kept aside. Works on a new, empty data
    folder (a new PC). Call with no connection open on *db_path*. Everything in the backup is
    checked (database hash and integrity_check, each evidence file's hash) before anything changes;
    a refused or failed restore changes nothing."""
    db_path, backup = Path(db_path), Path(backup)
    if not backup.is_file():
        raise TratError(_("ไม่พบไฟล์สำรอง “{backup}”").format(backup=backup))
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise TratError(_("ไฟล์สำรองคือฐานข้อมูลที่ใช้อยู่"))
    data_dir = db_path.resolve().parent
    made_folder = not data_dir.exists()
    clean_data_folder(data_dir)  # of an earlier restore that was killed (no database is opened first)
    try:
        staging = atomic.staging_dir(data_dir, "restoring")
    except OSError as exc:
        raise atomic.output_error(exc, db_path, "ฐานข้อมูล") from exc
    try:
        facts, staged_db = backup_store.open_bundle(backup, staging)
        blobs = backup_store.extract_evidence(backup, facts, staging)
        aside = _keep_aside(db_path, now)
        folder = paths.evidence_dir(data_dir)
        try:
            for sha, file in blobs.items():
                target = evidence_store.blob_path(folder, sha)
                if target.is_file() and target.stat().st_size == facts.evidence[sha]:
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(file, target)
            for suffix in ("-wal", "-shm"):
                Path(str(db_path) + suffix).unlink(missing_ok=True)
            os.replace(staged_db, db_path)
        except OSError as exc:  # e.g. Windows: another window of the app still has the database open
            if atomic.is_disk_full(exc):
                raise atomic.output_error(exc, db_path, "ฐานข้อมูล") from exc
            raise TratError(_("กู้คืนไม่ได้ เพราะไฟล์ฐานข้อมูลยังถูกใช้อยู่หรือเขียนไม่ได้ (ปิดโปรแกรม Trat Desktop "
                               "ทุกหน้าต่างแล้วลองอีกครั้ง): {exc}").format(exc=exc)) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if made_folder:  # a refused restore onto a new folder leaves no empty folder behind
            with contextlib.suppress(OSError):
                data_dir.rmdir()
        raise
    shutil.rmtree(staging, ignore_errors=True)
    named = backup_store.named_evidence(db_path)
    present = {sha for sha in named if evidence_store.blob_path(folder, sha).is_file()}
    return RestoreResult(aside=aside, evidence_restored=len(blobs), evidence_missing=len(named - present))


def restore(db_path: Path, backup: Path, now: dt.datetime | None = None) -> Path | None:
    """Replace the database file at *db_path* by a checked backup; the current file is kept aside.

    Call with no connection open on *db_path*. Returns where the current database was put
    (None when there was no database yet, e.g. on a new PC).
    """
    return restore_backup(db_path, backup, now).aside
