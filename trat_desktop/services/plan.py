"""The plan service: opening the store, importing plan documents, summaries."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, NamedTuple

from .. import paths
from ..domain import fiscal
from ..domain.model import Agency, Plan, PlanWarning
from ..errors import TratError
from ..store import agencies as agency_store
from ..store import plans as plan_store
from ..store import settings as settings_store
from ..store.connection import connect
from ..i18n import _

EMBEDDED_PLAN = "trat-ethics-plan-2569.txt"
AGENCY_REGISTER = "agencies.csv"
MAX_PLAN_DOCUMENT_BYTES = 5 * 1024 * 1024
MAX_WORD_DOCUMENT_BYTES = 30 * 1024 * 1024  # a .docx may carry pictures (the cover, logos)
WORD_SUFFIXES = (".docx", ".doc", ".pdf", ".odt", ".rtf")


class AgencyInfo(NamedTuple):
    """An agency as listed to the user."""

    id: int
    uid: str
    name: str
    short_name: str
    aliases: list[str]
    indicator_rows: int


def refuse_emptied(path: Path) -> None:
    """A database file of 0 bytes beside backups is a lost database (a full disk, a failed copy),
    not a new one: SQLite would take it as empty and the app would start afresh over it, hiding
    the loss. Reported as damaged, so the start screen offers the newest backup."""
    from ..errors import DatabaseDamagedError

    try:
        emptied = path.is_file() and path.stat().st_size == 0
    except OSError:
        return
    backups = path.resolve().parent / "backups"
    if emptied and backups.is_dir() and any(p for s in (".zip", ".sqlite3") for p in backups.glob(f"*{s}")):
        raise DatabaseDamagedError(_("ไฟล์ฐานข้อมูล “{name}” ว่างเปล่า (0 ไบต์) ทั้งที่เคยมีข้อมูลและมีไฟล์สำรองอยู่ "
                                      "ข้อมูลอาจหายเพราะดิสก์เต็มหรือคัดลอกไม่สำเร็จ").format(
                                       name=path.name))


def clean_data_folder(data_dir: Path) -> list[Path]:
    """Temporary files and work folders that killed runs (backups, restores, evidence copies) left
    in the data folder, its backups folder and its evidence folder; those of running processes stay.
    Called when a database is opened and before a restore."""
    from .. import atomic

    removed = atomic.clean_leftovers(data_dir)
    removed += atomic.clean_leftovers(paths.backups_dir(data_dir), legacy=True)
    evidence = paths.evidence_dir(data_dir)
    try:
        subfolders = [evidence / name for name in os.listdir(evidence) if len(name) == 2]
    except OSError:
        subfolders = []
    for folder in subfolders:
        removed += atomic.clean_leftovers(folder, legacy=True)
    return removed


#: An import's undo point younger than this may belong to an import still running in another process.
ORPHAN_UNDO_AGE_S = 3600


def clean_orphan_undo_points(db: Any, data_dir: Path, now: float | None = None) -> list[Path]:
    """The undo points (``backups/before-import-*``) of imports that were killed before their ledger row was
    written: no ledger row names them, so nothing could ever undo with them. Older than an hour only."""
    import time

    folder = paths.backups_dir(data_dir)
    try:
        candidates = sorted(folder.glob("before-import-*"))
    except OSError:
        return []
    if not candidates:
        return []
    from ..store import exchange as exchange_store  # (only when there is something to check: start-up)

    named = {str(Path(p).resolve()) for p in exchange_store.referenced_backups(db)}
    limit = (now if now is not None else time.time()) - ORPHAN_UNDO_AGE_S
    removed = []
    for path in candidates:
        try:
            if str(path.resolve()) not in named and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


class PlanService:
    """Opens the store (migrating and seeding it) and answers questions about plans."""

    def __init__(self, db: Any, path: Path | None = None) -> None:
        self._db = db
        self.path = path
        #: the clock "today" comes from (None: the system's); the progress service shares its own
        self.clock: Any = None

    @property
    def data_dir(self) -> Path:
        """The folder holding the database and its evidence files."""
        if self.path is None or str(self.path) == ":memory:":
            raise TratError(_("ฐานข้อมูลในหน่วยความจำไม่มีโฟลเดอร์ข้อมูล"))
        return Path(self.path).resolve().parent

    @property
    def db(self) -> Any:
        """The store handle, for the other services built on the same database (never for the GUI)."""
        return self._db

    @classmethod
    def open(cls, db_path: Path | str | None = None, check: bool = False,
             write_wait: float | None = None) -> "PlanService":
        """Open (or create) the database at *db_path*, default in the user's data folder.

        A new, empty database receives the agency register and the embedded FY2569 plan.
        With *check* (the app's start) every page is read once and writing is tried, so a damaged
        (DatabaseDamagedError) or read-only (DatabaseReadOnlyError) file is reported now.
        *write_wait*: seconds a write waits for another program's write before the Thai refusal.
        """
        path = Path(db_path) if db_path is not None else paths.default_db_path()
        if check:
            refuse_emptied(path)
        service = cls(connect(path, check=check, write_wait=write_wait), path)
        if str(path) != ":memory:":
            clean_data_folder(service.data_dir)  # what killed backups, restores and copies left
            clean_orphan_undo_points(service.db, service.data_dir)  # and killed imports
        if not service.fiscal_years() and not agency_store.has_agencies(service._db):
            service.import_plan_text(paths.seed_dir() / EMBEDDED_PLAN)
        return service

    def close(self) -> None:
        self._db.close()

    def refuse_database_file(self, path: Path | str) -> None:
        """A file the user picked (to import, attach or read) must not be the live database or its
        ``-wal``/``-shm``: reading it outside SQLite would drop SQLite's locks (Linux) and let another
        program delete the write-ahead log under the running app. Refused in Thai; only stat()ed."""
        if self.path is None or str(self.path) == ":memory:":
            return
        candidate = Path(path)
        for own in (Path(self.path), Path(f"{self.path}-wal"), Path(f"{self.path}-shm"), Path(f"{self.path}-journal")):
            try:
                same = candidate.exists() and own.exists() and candidate.samefile(own)
            except OSError:
                same = False
            if same:
                raise TratError(_("ไฟล์ “{name}” คือฐานข้อมูลที่โปรแกรมใช้อยู่ จึงใช้เป็นไฟล์ที่จะนำเข้า แนบ หรือบันทึกทับไม่ได้ "
                                   "(ข้อมูลจะเสียหาย) โปรดเลือกไฟล์อื่น").format(
                                    name=candidate.name))

    def set_write_wait(self, seconds: float) -> None:
        """How long a write waits for another program's write to finish before it is refused with
        the Thai "database busy" message (the GUI's own connection waits briefly and retries later)."""
        self._db.set_write_wait(seconds)

    def fiscal_years(self) -> list[int]:
        """Fiscal years (พ.ศ.) that have a plan, oldest first."""
        return plan_store.fiscal_years(self._db)

    def _year(self, fiscal_year: int | None) -> int:
        years = self.fiscal_years()
        if not years:
            raise TratError(_("ยังไม่มีแผนปฏิบัติการในฐานข้อมูล"))
        if fiscal_year is None:
            year = fiscal.default_year(self.today(), years, self.round_due_days())
            assert year is not None
            return year
        if fiscal_year not in years:
            shown = ", ".join(str(y) for y in years)
            raise TratError(_("ไม่มีแผนของปีงบประมาณ พ.ศ. {fiscal_year} (มีเฉพาะปี {shown})").format(
                                fiscal_year=fiscal_year, shown=shown))
        return fiscal_year

    def today(self) -> dt.date:
        """Today, by the clock the services were given (tests and the GUI may set ``clock``)."""
        return self.clock().date() if self.clock is not None else dt.date.today()

    def round_due_days(self) -> int:
        """Days after a quarter ends until its results are due (the installation's setting, else 15)."""
        return fiscal.round_due_days(settings_store.load_settings(self._db).get(fiscal.ROUND_DUE_DAYS_SETTING))

    def default_year(self, today: dt.date | None = None) -> int | None:
        """The fiscal year shown when none is chosen: the one being reported now that has a plan. The year
        just ended stays the default until its quarter 4 is due (its round date, domain/rounds.py)."""
        from ..domain.rounds import rounds_of_year
        from ..store.round_dates import round_dates

        from ..domain.thai import fiscal_year_of

        today = today or self.today()
        ended = fiscal_year_of(today) - 1
        q4 = rounds_of_year(ended, round_dates(self._db, ended), self.round_due_days())[3]
        return fiscal.default_year(today, self.fiscal_years(), max(0, (q4.due - q4.end).days))

    def load_plan(self, fiscal_year: int | None = None) -> Plan:
        """The whole plan of a year (default: :meth:`default_year`), as domain dataclasses."""
        plan = plan_store.load_plan(self._db, self._year(fiscal_year))
        assert plan is not None
        return plan

    def office_plan(self, fiscal_year: int | None, agency_uid: str) -> Plan:
        """The part of a year's plan an office works on: the activities holding its rows (assigned to it,
        or with a value it recorded), each with all its rows, under their tactics and strategies. Its
        rows, their labels and their order are those of the whole plan (:meth:`load_plan`); other rows
        of those activities come along (their place gives the labels). For an office's entry page."""
        plan = plan_store.load_plan(self._db, self._year(fiscal_year), agency_uid=agency_uid)
        assert plan is not None
        return plan

    def warnings(self, fiscal_year: int | None = None) -> list[PlanWarning]:
        return self.load_plan(fiscal_year).warnings

    def import_plan_text(self, path: Path | str) -> Plan:
        """Read a plan document (text export) and store it; on any error nothing changes.

        A new year is stored as read. For a year that has a plan the document is a revision: matched
        to the plan by content and applied in place (see :meth:`preview_plan_text`, which shows it
        first); a document that would remove most of the plan is refused (PlanImportRefused).
        """
        from .plan_import import apply

        return apply(self, self.preview_plan_text(path))

    def preview_plan_text(self, path: Path | str) -> Any:
        """What importing the document would do (a ``PlanImport``); nothing changes."""
        path = Path(path)
        self.refuse_database_file(path)
        text = read_document(path)
        from ..domain.agencies import (  # only when a document is read
            AgencyResolver, document_province, load_misspellings, load_register)
        from ..domain.plan_text import read_plan_text
        from .plan_import import preview

        register = paths.seed_dir() / AGENCY_REGISTER
        resolver = AgencyResolver(self.known_agencies() or load_register(register), load_misspellings(register),
                                  agency_store.kept_apart_pairs(self._db), home=document_province(text))
        plan = read_plan_text(text, resolver, source_name=path.name)
        result = preview(self, plan, list(resolver.agencies.values()))
        uids = {a.name: a.uid for a in resolver.agencies.values()}
        result.possible_duplicates = [(uids[new], uids[old], f"{path.name} บรรทัดที่ {line}" if line else path.name)
                                      for new, old, line in resolver.possible_duplicates]
        return result

    def apply_plan_import(self, result: Any) -> Plan:
        """Store a ``PlanImport`` from :meth:`preview_plan_text`."""
        from .plan_import import apply

        return apply(self, result)

    def known_agencies(self) -> list[Agency]:
        """Every agency in the database, as domain objects with aliases."""
        return agency_store.load_agencies(self._db)

    def summary(self, fiscal_year: int | None = None) -> dict[str, Any]:
        """The `plan summary --json` object."""
        return plan_summary(self.load_plan(fiscal_year))

    def agencies(self) -> list[AgencyInfo]:
        return [
            AgencyInfo(r["id"], r["uid"], r["name"], r["short_name"], r["aliases"], r["indicator_rows"])
            for r in agency_store.agency_rows(self._db)
        ]


def read_document(path: Path) -> str:
    """A plan document's text; too big, unreadable or not UTF-8 gets a Thai message."""
    try:
        size = path.stat().st_size
        word = path.suffix.lower() in WORD_SUFFIXES
        if word and size <= MAX_WORD_DOCUMENT_BYTES:
            from ..domain.plan_docx import docx_to_text  # python-docx only when a Word file is read

            return docx_to_text(path.read_bytes(), path.name)
        if size > MAX_PLAN_DOCUMENT_BYTES:
            raise TratError(_("ไฟล์ “{name}” ใหญ่เกินไป ({size:,} ไบต์; รับได้ไม่เกิน {limit:,} ไบต์)").format(
                                name=path.name, size=size, limit=MAX_PLAN_DOCUMENT_BYTES))
        data = path.read_bytes()
    except OSError as exc:
        raise TratError(_("อ่านไฟล์ “{path}” ไม่ได้: {value}").format(path=path, value=exc.strerror or exc)) from exc
    if data.startswith(b"PK") or data.startswith(b"\xd0\xcf\x11\xe0") or data.startswith(b"%PDF"):
        from ..domain.plan_docx import docx_to_text  # a Word file or a PDF under another name

        return docx_to_text(data, path.name)
    from ..domain.plan_text import decode_document

    return decode_document(data)


def _baht(satang: int) -> int:
    return satang // 100 if satang % 100 == 0 else round(satang / 100)


def plan_summary(plan: Plan) -> dict[str, Any]:
    """Counts, computed and stated totals, and warnings of a plan."""
    def stated(value: Any) -> int | None:
        return _baht(value.satang) if value is not None and value.kind == "amount" else None

    rows = plan.rows()
    return {
        "fiscal_year": plan.fiscal_year,
        "title": plan.title,
        "revision": plan.revision,
        "strategies": len(plan.strategies),
        "tactics": sum(len(s.tactics) for s in plan.strategies),
        "activities": len(plan.activities()),
        "indicators": len(rows),
        "agencies": len({name for r in rows for name in r.agencies}),
        "assignments": sum(len(r.agencies) for r in rows),
        "budget_total": _baht(plan.budget_satang()),
        "budget_by_strategy": {str(s.number): _baht(s.budget_satang()) for s in plan.strategies},
        "stated_budget_by_strategy": {str(s.number): stated(s.stated_budget) for s in plan.strategies},
        "stated_budget_total": stated(plan.stated_total),
        "warnings": [{"code": w.code, "message": w.shown(), "line": w.line} for w in plan.warnings],
    }
