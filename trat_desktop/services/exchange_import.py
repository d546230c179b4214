"""The coordinator's import of office files: each file checked (signature, key, every record) and merged by the
one merge rule (domain/merge.py), all-or-nothing per file; a run is one transaction."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..domain import merge, plan_fit
from ..domain.capabilities import require
from ..domain.display import number_text
from ..domain.evidence import EvidenceEvent, merge_events
from ..domain.labels import row_labels
from ..domain.progress import FIELD_NAMES, ProgressEntry, ValidationError, check_achieved
from ..domain.progress import STATUSES as PROGRESS_STATUSES
from ..domain.thai import format_baht
from ..errors import TratError
from ..exchange import archive, formats, keys, round_records
from ..exchange.archive import BadArchive
from ..store import agencies as agency_store
from ..store import evidence as evidence_store
from ..store import exchange as exchange_store
from ..store import plan_edit as edit_store
from ..store import progress as progress_store
from ..store import rounds as round_store
from ..store.connection import bulk_writes
from .exchange_keys import ExchangeKeys
from .exchange_ledger import ExchangeLedger
from .progress import ProgressService
from ..i18n import key_of, remake
from ..i18n import keyed as _  # refusals become the import ledger's reasons, stored and shown again (i18n.remake)
from ..i18n import keyed_ngettext as ngettext

FIELD_TEXT = {name: FIELD_NAMES[name] for name in merge.COMPARED}

def _shown(name: str, value: Any) -> str:
    """A value as a person reads it: Thai status names, baht, no needless '.0' (Arabic digits)."""
    if value is None or value == "":
        return _("(ว่าง)")
    if name == "status":
        return _(PROGRESS_STATUSES[value]) if value in PROGRESS_STATUSES else str(value)
    if name == "spent_satang":
        return format_baht(value / 100)
    if name == "achieved":
        return number_text(value, thai_digits=False)
    return str(value)
STATUSES = ("imported", "unchanged", "stale", "conflict", "rejected")


@dataclass(frozen=True)
class Change:
    """One value a file would change (or conflicts on), for a preview."""

    row: str
    quarter: int
    field: str
    old: Any
    new: Any
    conflict: bool


@dataclass
class FileResult:
    """What happened to one file (or would happen, in a dry run)."""

    file: str
    status: str = "rejected"
    reason: str = ""
    office: str = ""
    office_uid: str = ""
    sequence: int | None = None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    #: values held aside because they no longer fit the plan (the coordinator accepts or drops each)
    held: int = 0
    changes: list[str] = field(default_factory=list)
    details: list[Change] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"file": self.file, "status": self.status, "reason": self.reason, "office": self.office,
                "sequence": self.sequence, "added": self.added, "updated": self.updated,
                "unchanged": self.unchanged, "conflicts": self.conflicts, "held": self.held,
                "changes": self.changes}


@dataclass
class ImportReport:
    files: list[FileResult]
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return all(f.status != "rejected" for f in self.files)

    def totals(self) -> dict[str, int]:
        out = {name: sum(getattr(f, name) for f in self.files)
               for name in ("added", "updated", "unchanged", "conflicts", "held")}
        out.update({f"files_{s}": sum(f.status == s for f in self.files) for s in STATUSES})
        out["files"] = len(self.files)
        return out

    def as_json(self) -> dict[str, Any]:
        return {"dry_run": self.dry_run, "files": [f.as_json() for f in self.files], "totals": self.totals()}


@dataclass
class _Checked:
    """A file that passed every check, ready to merge."""

    result: FileResult
    sha: str
    name: str
    public_key: str
    manifest: dict[str, Any]
    entries: list[ProgressEntry]
    #: (indicator uid, quarter) -> why that entry no longer fits the plan (domain/plan_fit.py)
    misfits: dict[tuple[str, int], tuple[str, ...]]
    evidence: list[EvidenceEvent]
    #: the file, still open: evidence is copied out of it by hash when merged
    archive: archive.OpenArchive
    pin: bool
    code: str
    signed: str = ""
    rounds: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Run:
    """One import run's settings and state."""

    my_public: str
    dry_run: bool
    trust_new: bool
    confirm_key: Callable[[str, str], bool] | None
    stack: contextlib.ExitStack[Any] | None = None
    open: bool = False                      # the run's transaction is open (after its undo point)
    backup_path: str = ""
    #: file SHA-256s and signed digests met in this run
    seen: set[str] = field(default_factory=set)
    #: ledger rows of files that changed nothing, written in the run's transaction (or at its end)
    ledger_rows: list[dict[str, Any]] = field(default_factory=list)


def stored_reason(reason: str) -> dict[str, str]:
    """A reason as the ledger keeps it: in Thai (the source language, made again from the message's recipe
    when it was made in English) and the recipe, from which the ledger is shown in the screen's language."""
    key = key_of(reason) or ""
    return {"reason": remake(key, "th") or str(reason), "reason_key": key}


def unexpected_reason(file_name: str, exc: BaseException) -> str:
    """The reason for a file whose reading or merging failed in a way no check foresaw."""
    return _("ไฟล์ “{name}” นำเข้าไม่ได้เพราะเกิดข้อผิดพลาดที่ไม่คาดคิด ({error}) "
             "ไม่มีข้อมูลใดเปลี่ยนแปลง โปรดส่งไฟล์นี้ให้ผู้ดูแลระบบตรวจสอบ").format(name=file_name, error=type(exc).__name__)


def refuse_unforeseen(path: Path, work: Callable[[], Any]) -> Any:
    """Run the checks of one incoming file; anything they did not foresee refuses the file in Thai (a hostile
    file is refused, never a crash). Thai refusals pass through as they are."""
    try:
        return work()
    except TratError:
        raise
    except Exception as exc:  # noqa: BLE001 - see above
        raise BadArchive(unexpected_reason(path.name, exc)) from exc


def _expand(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.trat") if p.is_file()))
        else:
            out.append(path)
    return out



class RunCache:
    """What one import run reads once instead of once per file (plans, agencies, removed rows)."""

    def __init__(self, plans: Any, actor: str = "") -> None:
        self.plans = plans
        self.actor = actor  # who the run's key pins name (the identity does not change within a run)
        self.years = set(plans.fiscal_years())
        self.agencies = {a.uid: a for a in plans.agencies()}
        # rows this database once had (in the trash, also inside a removed activity; or holding progress):
        # an office may still send values for them, which are held aside, not a reason to refuse the file
        self.removed = (edit_store.removed_indicator_uids(plans.db)
                        | progress_store.indicator_uids(plans.db))
        self._plans: dict[int, Any] = {}
        self._rows: dict[int, dict[str, Any]] = {}
        self._labels: dict[str, str] | None = None

    def plan(self, year: int) -> Any:
        if year not in self._plans:
            self._plans[year] = self.plans.load_plan(year)
        return self._plans[year]

    def rows(self, year: int) -> dict[str, Any]:
        if year not in self._rows:
            self._rows[year] = {row.uid: row for row in self.plan(year).rows()}
        return self._rows[year]

    def in_other_year(self, indicator_uid: str, year: int) -> bool:
        """Whether a row belongs to another year's plan (a file of one year never carries those)."""
        return any(indicator_uid in self.rows(other) for other in self.years if other != year)

    def labels(self) -> dict[str, str]:
        if self._labels is None:
            self._labels = {uid: label for year in self.years for uid, label in row_labels(self.plan(year)).items()}
        return self._labels


class OfficeImport:
    """Import, check and merge office files (coordinator)."""

    def __init__(self, progress: ProgressService, signing: ExchangeKeys, ledger: ExchangeLedger,
                 on_progress: Callable[[int, int, str], None] | None = None) -> None:
        self.progress = progress
        self.plans = progress.plans
        self._db = progress.plans.db
        self.signing = signing
        self.ledger = ledger
        self.on_progress = on_progress

    def import_files(self, paths: list[Path | str], dry_run: bool = False, trust_new: bool = False,
                     confirm_key: Callable[[str, str], bool] | None = None) -> ImportReport:
        """Import office files and folders; each file all-or-nothing. *confirm_key(office, fingerprint)*
        is asked (GUI) for an office's first key when *trust_new* is False.

        Files stream: each is checked and merged before the next is read, so memory does not grow with the
        number of files, and evidence is copied from the archive to the evidence folder, never held. A file
        already imported (the same bytes, by its SHA-256) is known from the ledger without being parsed. The
        whole run is one transaction (a savepoint per file), opened at the first file that changes anything,
        after the undo point is written: a process killed mid-run leaves the database as it was."""
        me = self.progress.identity()
        require(me, "import_office_files")
        files = _expand([Path(p) for p in paths])
        self._run = RunCache(self.plans, me.actor())
        if not files:
            raise TratError(_("ไม่พบไฟล์ที่จะนำเข้า (.trat)"))
        run = _Run(self.signing.my_keys().public_b64, dry_run, trust_new, confirm_key)
        results: list[FileResult] = []
        self._written: list[Path] = []   # evidence files this run put on disk, removed if the run fails
        try:
            with contextlib.ExitStack() as stack:
                run.stack = stack
                for index, path in enumerate(self._in_order(files)):
                    self._report(index, len(files), path.name)
                    results.append(self._one(path, run))
                if not dry_run and run.ledger_rows:
                    with self._db.atomic():  # in the run's transaction if one was opened
                        self._flush_ledger(run)
        except BaseException:
            self._discard_written(self._written)
            if run.backup_path:
                Path(run.backup_path).unlink(missing_ok=True)
            raise
        self._report(len(files), len(files), "")
        if run.backup_path and not any(r.status in ("imported", "conflict") for r in results):
            exchange_store.forget_backup(self._db, run.backup_path)  # nothing to undo in this run
            Path(run.backup_path).unlink(missing_ok=True)
        order = {path.name: i for i, path in enumerate(files)}
        results.sort(key=lambda r: order.get(r.file, 0))
        if not dry_run:
            for r in results:
                if r.status == "rejected":
                    exchange_store.add_ledger(self._db, {"file_sha256": "", "file_name": r.file,
                                                         "imported_at": self.progress.now(), "status": "rejected",
                                                         **stored_reason(r.reason)})
        return ImportReport(results, dry_run)

    def _in_order(self, files: list[Path]) -> list[Path]:
        """Files in the order they are merged: per office, by export sequence (read from each manifest
        unchecked, only for the order; a file that cannot be read goes first and is refused by its check)."""
        def key(path: Path) -> tuple[str, int]:
            manifest = archive.peek_manifest(path) or {}
            office = manifest.get("office")
            uid = office.get("uid") if isinstance(office, dict) else None
            sequence = manifest.get("sequence")
            if not isinstance(uid, str):
                return ("", 0)
            if uid not in self._run.agencies:
                uid = agency_store.merged_into(self._db, uid) or uid
            return (uid, sequence if isinstance(sequence, int) and not isinstance(sequence, bool) else 0)
        return sorted(files, key=key)

    def _one(self, path: Path, run: "_Run") -> FileResult:
        """Check and merge one file (its result; a refusal is a result too)."""
        try:
            self.progress.plans.refuse_database_file(path)
            read = archive.read_file(path)
            sha = read[0]
            if sha in run.seen:
                return FileResult(path.name, "unchanged", _("ไฟล์เดียวกันซ้ำในชุดนี้"))
            run.seen.add(sha)
            known = self._known(path.name, sha, run)
            if known is not None:
                return known
            with formats.open_signed(path, formats.OFFICE_FORMAT, formats.OFFICE_ENTRIES,
                                     lazy=formats.EVIDENCE_BODIES, read=read) as (opened, manifest, public):
                item = self._check(path, opened, manifest, public, run)
                if item.signed in run.seen:
                    item.result.status, item.result.reason = "unchanged", _("ไฟล์เดียวกันซ้ำในชุดนี้")
                    return item.result
                run.seen.add(item.signed)
                self._merge_one(item, run)
                return item.result
        except TratError as exc:
            return FileResult(path.name, "rejected", exc.message)
        except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
            return FileResult(path.name, "rejected", unexpected_reason(path.name, exc))

    def _known(self, name: str, sha: str, run: "_Run") -> FileResult | None:
        """A file whose very bytes were imported before, from a key still pinned for that office: unchanged,
        known from the ledger without being opened."""
        earlier = exchange_store.ledger_has(self._db, sha)
        if earlier is None or not earlier["office_uid"]:
            return None
        pinned = exchange_store.pinned_key(self._db, earlier["office_uid"])
        agency = self._run.agencies.get(earlier["office_uid"])
        if pinned is None or agency is None or keys.fingerprint(pinned) != earlier["signer_fingerprint"]:
            return None  # re-enrolled or merged since: checked in full
        count = sum(earlier[k] or 0 for k in ("added", "updated", "unchanged", "conflicts"))
        result = FileResult(name, "unchanged", _("นำเข้าไฟล์นี้แล้วเมื่อ {at} ไม่มีการเปลี่ยนแปลง").format(at=earlier["imported_at"]),
                            agency.name, agency.uid, earlier["sequence"], unchanged=count)
        run.ledger_rows.append({k: earlier[k] for k in ("file_sha256", "signed_sha256", "office_uid", "sequence",
                                                         "signer_fingerprint", "content_code", "exported_at")}
                               | self._counts(result, name))
        return result

    def _counts(self, r: FileResult, name: str) -> dict[str, Any]:
        return {"file_name": name, "imported_at": self.progress.now(), "status": r.status, **stored_reason(r.reason),
                "added": r.added, "updated": r.updated, "unchanged": r.unchanged, "conflicts": r.conflicts}

    def _flush_ledger(self, run: "_Run") -> None:
        for row in run.ledger_rows:
            exchange_store.add_ledger(self._db, {**row, "backup_path": run.backup_path})
        run.ledger_rows.clear()

    def _begin(self, run: "_Run") -> None:
        """Before the first file that changes anything: the undo point, then the run's transaction."""
        if run.dry_run or run.open:
            return
        run.backup_path = str(self.ledger.backup("before-import"))
        # one transaction for the run, one savepoint per file: each file is still all-or-nothing,
        # and a process killed mid-run leaves the database as it was before the run
        run.stack.enter_context(bulk_writes(self._db))
        run.stack.enter_context(exchange_store.import_cache(self._db))
        run.stack.enter_context(self._db.atomic())
        run.open = True
        self._flush_ledger(run)

    def _report(self, done: int, total: int, name: str) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total, name)

    def _check(self, path: Path, opened: archive.OpenArchive, manifest: dict[str, Any], public: str,
               run: "_Run") -> _Checked:
        entries_raw = opened.entries
        if public == run.my_public:
            raise BadArchive(_("ไฟล์ “{name}” ส่งออกจากเครื่องนี้เอง จึงไม่นำเข้า").format(name=path.name))
        year = manifest["fiscal_year"]
        if year not in self._run.years:
            raise BadArchive(_("ไฟล์ “{name}” เป็นของแผนปีงบประมาณ พ.ศ. {year} ซึ่งไม่มีในฐานข้อมูลนี้").format(
                                 name=path.name, year=year))
        office = manifest.get("office")
        if not isinstance(office, dict) or not isinstance(office.get("uid"), str):
            raise BadArchive(_("ไฟล์ “{name}” ไม่ระบุหน่วยงาน").format(name=path.name))
        sent_uid = office["uid"]
        agency = self._run.agencies.get(sent_uid)
        if agency is None:  # an office the coordinator merged into another: its files land on the kept one
            kept = agency_store.merged_into(self._db, sent_uid)
            agency = self._run.agencies.get(kept) if kept else None
        if agency is None:
            raise BadArchive(_("ไฟล์ “{name}” มาจากหน่วยงานที่ไม่มีในทะเบียน").format(name=path.name))
        sequence = formats.check_sequence(manifest, path.name)
        result = FileResult(path.name, office=agency.name, office_uid=agency.uid, sequence=sequence)
        pinned = exchange_store.pinned_key(self._db, agency.uid)
        fp = keys.fingerprint(public)
        pin = False
        if pinned is None:
            if not (run.trust_new or (run.confirm_key is not None and run.confirm_key(agency.name, fp))):
                raise BadArchive(_("ไฟล์แรกจาก{name} ลงนามด้วยกุญแจลายนิ้วมือ {fp} ต้องยืนยันกุญแจก่อน "
                                    "(โปรดโทรตรวจสอบลายนิ้วมือกับหน่วยงาน แล้วนำเข้าด้วยตัวเลือก --trust-new)").format(
                                     name=agency.name, fp=fp))
            pin = True
        elif pinned != public:
            raise BadArchive(_("ไฟล์ “{name}” ลงนามด้วยกุญแจที่ไม่ใช่ของ{name2} (ลายนิ้วมือ {fp}) จึงไม่นำเข้า "
                                "หากหน่วยงานเปลี่ยนเครื่อง ให้ลงทะเบียนกุญแจใหม่ก่อน").format(
                                 name=path.name, name2=agency.name, fp=fp))
        entries, misfits, evidence = self._records(opened, path.name, year, agency.uid, agency.name, sent_uid)
        code = formats.content_code(entries_raw.get("progress.jsonl", b""))
        where = _("ไฟล์ “{name}” ข้อมูลรอบรายงานรายการที่ {number}")
        rounds = [round_records.check_record(r, where.format(name=path.name, number=i))
                  for i, r in enumerate(archive.jsonl(entries_raw.get(round_records.ENTRY, b""), round_records.ENTRY,
                                                      path.name), 1)]
        return _Checked(result, opened.sha, path.name, public, manifest, entries, misfits, evidence, opened, pin,
                        code, archive.signed_digest(entries_raw), rounds)

    def _records(self, opened: archive.OpenArchive, name: str, year: int, office_uid: str, office_name: str,
                 sent_uid: str | None = None
                 ) -> tuple[list[ProgressEntry], dict[tuple[str, int], tuple[str, ...]], list[EvidenceEvent]]:
        """Every row checked: the office's own, on rows of this year's plan, well formed, no duplicates.

        A value that no longer fits today's plan (a shortened period, a row reassigned or removed, a new
        unit) is not a reason to refuse the file: the office entered it when it fitted. It is returned among
        the misfits (domain/plan_fit.py) and held aside by the merge for the coordinator to accept or drop.
        """
        raw = opened.entries
        rows = self._run.rows(year)
        removed = self._run.removed
        records = archive.jsonl(raw.get("progress.jsonl", b""), "progress.jsonl", name)
        if len(records) > formats.MAX_RECORDS:
            raise BadArchive(_("ไฟล์ “{name}” มีข้อมูลมากเกินไป").format(name=name))
        entries: list[ProgressEntry] = []
        misfits: dict[tuple[str, int], tuple[str, ...]] = {}
        keys_seen: set[tuple[str, int]] = set()
        where_text = _("ไฟล์ “{name}” รายการที่ {number}")
        for number, record in enumerate(records, start=1):
            where = where_text.format(name=name, number=number)
            entry = formats.entry_from_record(record, where)
            if sent_uid is not None and sent_uid != office_uid and entry.agency_uid == sent_uid:
                entry = entry.with_changes(agency_uid=office_uid)  # the office was merged into *office_uid*
            if entry.agency_uid != office_uid:
                raise BadArchive(_("{where} เป็นข้อมูลของหน่วยงานอื่น ไฟล์ของ{office_name}บันทึกได้เฉพาะข้อมูลของตนเอง "
                                    "จึงไม่นำเข้าทั้งไฟล์").format(
                                     where=where, office_name=office_name))
            key = (entry.indicator_uid, entry.quarter)
            if key in keys_seen:
                raise BadArchive(_("{where} ซ้ำกับรายการก่อนหน้า จึงไม่นำเข้าทั้งไฟล์").format(where=where))
            keys_seen.add(key)
            row = rows.get(entry.indicator_uid)
            if row is None and (entry.indicator_uid not in removed
                                or self._run.in_other_year(entry.indicator_uid, year)):
                raise BadArchive(_("{where} อ้างถึงตัวชี้วัดที่ไม่มีในแผนปี {year} (ไฟล์ของแผนอื่น?) จึงไม่นำเข้าทั้งไฟล์").format(
                                     where=where, year=year))
            reasons = plan_fit.misfit_reasons(row, office_name, entry)
            # No reasons on a row of the plan: the value fits. misfit_reasons found the office assigned, the
            # quarter in the row's period and the value right for the row's unit, and entry_from_record checked
            # the status, the lengths of the texts and the money: all that validate_entry refuses for (its
            # warnings are not the import's), so it is not asked again per row.
            if reasons or entry.is_blank() or row is None:  # a cleared value fits wherever it is
                try:
                    if not plan_fit.value_possible(entry.achieved):  # no unit takes it: malformed
                        check_achieved(row.unit if row is not None else "", entry.achieved)
                    plan_fit.check_kept_edit(row, entry, entry)
                except ValidationError as exc:
                    raise BadArchive(_("{where}: {message} จึงไม่นำเข้าทั้งไฟล์").format(
                                         where=where, message=exc.message)) from None
                if reasons:
                    misfits[key] = reasons
            entries.append(entry)
        where_text = _("ไฟล์ “{name}” หลักฐานรายการที่ {number}")
        evidence = [formats.evidence_from_record(r, where_text.format(name=name, number=i))
                    for i, r in enumerate(archive.jsonl(raw.get("evidence.jsonl", b""), "evidence.jsonl", name), 1)]
        if sent_uid is not None and sent_uid != office_uid:
            evidence = [e._replace(agency_uid=office_uid) if e.agency_uid == sent_uid else e
                        for e in evidence]
        for item in evidence:
            if not _evidence_belongs(item, office_uid, office_name, rows, keys_seen):
                raise BadArchive(_("ไฟล์ “{name}” มีหลักฐานของตัวชี้วัดหรือหน่วยงานอื่น จึงไม่นำเข้าทั้งไฟล์").format(
                                     name=name))
            if item.removed:
                continue  # a withdrawal: no file is sent
            if opened.lazy.get(f"evidence/{item.sha256}") != (item.sha256, item.size):  # hashed as it was read
                raise BadArchive(_("ไฟล์หลักฐาน “{file_name}” ในไฟล์ “{name}” ไม่ตรงกับค่าแฮช จึงไม่นำเข้าทั้งไฟล์").format(
                                     file_name=item.file_name, name=name))
        return entries, misfits, evidence

    def _merge_one(self, item: _Checked, run: "_Run") -> None:
        """Merge one checked file in a savepoint of its own; if anything fails, the file is rejected, its
        savepoint rolled back and the evidence files it wrote removed, and the run goes on. A file known
        already, or older than what is held (stale), changes nothing but the ledger."""
        result = item.result
        earlier = exchange_store.ledger_has(self._db, item.sha, item.signed)
        if earlier is not None:
            result.status = "unchanged"
            result.reason = _("นำเข้าไฟล์นี้แล้วเมื่อ {at} ไม่มีการเปลี่ยนแปลง").format(at=earlier["imported_at"])
            result.unchanged = len(item.entries)
            run.ledger_rows.append(self._ledger_row(item))
            return
        last = exchange_store.last_sequence(self._db, result.office_uid, keys.fingerprint(item.public_key))
        if merge.is_stale(result.sequence, last):
            result.status = "stale"
            result.reason = _("ไฟล์ลำดับที่ {sequence} เก่ากว่าข้อมูลที่มีอยู่ (ลำดับที่ {last}) "
                              "จึงไม่นำมาทับข้อมูลที่ใหม่กว่า").format(sequence=result.sequence, last=last)
            run.ledger_rows.append(self._ledger_row(item))
            return
        self._begin(run)
        written: list[Path] = []
        try:
            with self._db.atomic():
                self._merge(item, run.dry_run, last, written)
                if not run.dry_run:
                    exchange_store.add_ledger(self._db, {**self._ledger_row(item), "backup_path": run.backup_path})
        except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
            self._discard_written(written)
            result.status, result.reason = "rejected", unexpected_reason(item.name, exc)
            result.added = result.updated = result.unchanged = result.conflicts = result.held = 0
            result.changes.clear()
            result.details.clear()
            return
        self._written.extend(written)

    @staticmethod
    def _discard_written(paths: list[Path]) -> None:
        for path in paths:
            with contextlib.suppress(OSError):
                path.unlink()

    def _merge(self, item: _Checked, dry_run: bool, last: int, written: list[Path]) -> None:
        result = item.result
        stored = exchange_store.stored_rows(self._db, result.office_uid)
        outcome = merge.merge_file(stored, last, result.sequence, item.entries, item.misfits)
        actor = f"นำเข้าจาก{result.office} ({item.name})"
        at = self.progress.now()
        with self._db.atomic():
            if item.pin and not dry_run:
                exchange_store.pin_key(self._db, result.office_uid, item.public_key, keys.fingerprint(item.public_key),
                                       self._run.actor, at)
            taken: list[tuple[ProgressEntry, ProgressEntry | None]] = []
            settle: list[tuple[str, str, int]] = []   # taken cells that had a value held aside
            for (_key, before, row), incoming in zip(outcome.rows, item.entries, strict=True):
                decision = row.decision
                if dry_run:
                    self._count(result, decision, before.stored, incoming, detail=True)
                elif decision == "add" or decision == "update":  # the common case, without a call per row
                    old = before.stored
                    taken.append((incoming, None if old is None else old.entry))
                    if before.pending is not None:
                        settle.append((incoming.indicator_uid, incoming.agency_uid, incoming.quarter))
                    if decision == "add":
                        result.added += 1
                    else:
                        result.updated += 1
                else:
                    self._count(result, decision, before.stored, incoming, detail=False)
                    self._write_outcome(item.sha, at, incoming, before, row)
            if not dry_run:
                exchange_store.apply_office_rows(self._db, taken, actor, at, settle=settle)
                self._merge_evidence(item, actor, at, written)
                round_store.take_office_rounds(self._db, result.office_uid, item.manifest["fiscal_year"],
                                               item.rounds, at, item.signed)
            changed = result.added or result.updated or result.conflicts or result.held
            result.status = ("conflict" if result.conflicts or result.held else
                             ("imported" if changed else "unchanged"))
            result.reason = {"conflict": _("นำเข้าแล้ว แต่มีค่าที่ขัดกับค่าที่ผู้ประสานงานแก้ไขไว้ โปรดเลือกค่าที่ถูกต้อง"),
                             "imported": _("นำเข้าเรียบร้อย"),
                             "unchanged": _("ข้อมูลตรงกับที่มีอยู่แล้ว")}[result.status]
            if result.held:
                held = ngettext("มีค่า{outside} {count} รายการ พักไว้ให้ผู้ประสานงานรับหรือไม่รับ",
                                "มีค่า{outside} {count} รายการ พักไว้ให้ผู้ประสานงานรับหรือไม่รับ", result.held
                                ).format(outside=_(plan_fit.OUTSIDE_PLAN_TEXT), count=result.held)
                result.reason = (_("นำเข้าแล้ว ") if result.added or result.updated else "") + held + (
                    _(" และมีค่าที่ขัดกับค่าที่ผู้ประสานงานแก้ไขไว้") if result.conflicts else "")

    def _write_outcome(self, file_sha: str, at: str, incoming: ProgressEntry, before: merge.RowState,
                       row: merge.Outcome) -> None:
        """Store what the merge rule decided for one cell that is not taken (rows taken, "add" and "update",
        are written together by :meth:`_merge`, settling a value held aside for the cell)."""
        old = before.stored
        if row.decision in ("conflict", "held"):
            assert row.after.pending is not None
            exchange_store.put_conflict(self._db, incoming, file_sha, at, row.after.pending.reasons)
        elif row.decision == "same":
            new = row.after.stored
            assert old is not None and new is not None
            if new != old:
                exchange_store.set_office_revision(self._db, old.entry, new.office_revision, new.local_edit)
            if before.pending is not None and row.after.pending is None:
                exchange_store.drop_conflict(self._db, incoming)

    def _merge_evidence(self, item: _Checked, actor: str, at: str, written: list[Path]) -> None:
        """Attachments and withdrawals: the winning event per attachment (domain/evidence.py); files are
        written for the attachments that stay, and only if not there yet."""
        held = evidence_store.events(self._db, item.result.office_uid)
        winners = merge_events(held, item.evidence)
        unchanged = set(held)
        changed = [winners[e.key] for e in item.evidence if winners[e.key] not in unchanged]
        attached = list({e.sha256: e for e in changed if not e.removed}.values())
        folder = self.progress.evidence_folder() if attached else Path()  # resolved only for files bringing some
        for event in attached:
            target = evidence_store.blob_path(folder, event.sha256)
            if not target.exists():
                # streamed from the archive, whole or not at all, checked again against its hash on the way
                item.archive.copy_entry(f"evidence/{event.sha256}", target, "ไฟล์หลักฐาน")
                written.append(target)
        evidence_store.apply_events(self._db, list(dict.fromkeys(changed)), actor, at)

    def _count(self, result: FileResult, decision: str, held: Any, incoming: ProgressEntry, detail: bool) -> None:
        """Count a row's outcome; with *detail* (a dry run) also say what would change, old -> new."""
        if decision in ("unchanged", "same"):
            result.unchanged += 1
            return
        counter = {"add": "added", "update": "updated", "conflict": "conflicts", "held": "held"}[decision]
        setattr(result, counter, getattr(result, counter) + 1)
        if not detail:
            return
        old = held.entry if held else ProgressEntry(incoming.indicator_uid, incoming.agency_uid, incoming.quarter)
        where = _("[{row}] ไตรมาส {quarter}").format(row=self._row_label(incoming.indicator_uid), quarter=incoming.quarter)
        changed = [name for name in merge.COMPARED if getattr(old, name) != getattr(incoming, name)]
        parts = [f"{_(FIELD_TEXT[name])} {_shown(name, getattr(old, name))} -> {_shown(name, getattr(incoming, name))}"
                 for name in changed]
        prefix = {"conflict": _("ขัดแย้งกับค่าที่ผู้ประสานงานแก้ไข: "),
                  "held": _("{outside} (พักไว้ให้ผู้ประสานงานตัดสิน): ").format(
                      outside=_(plan_fit.OUTSIDE_PLAN_TEXT))}.get(decision, "")
        result.changes.append(f"{where} {prefix}" + "; ".join(parts))
        result.details.extend(Change(self._row_label(incoming.indicator_uid), incoming.quarter, name,
                                     getattr(old, name), getattr(incoming, name), decision in ("conflict", "held"))
                              for name in changed)

    def _row_label(self, indicator_uid: str) -> str:
        return self._run.labels().get(indicator_uid, indicator_uid[:8])

    def _ledger_row(self, item: _Checked) -> dict[str, Any]:
        """The ledger row of a merged (or known, or stale) file; its undo point is added when it is written."""
        return {"file_sha256": item.sha, "signed_sha256": item.signed, "office_uid": item.result.office_uid,
                "sequence": item.result.sequence, "signer_fingerprint": keys.fingerprint(item.public_key),
                "content_code": item.code, "exported_at": str(item.manifest.get("exported_at", ""))[:40],
                **self._counts(item.result, item.result.file)}

    # -- conflicts, ledger, keys, backups, undo ----------------------------------


def _evidence_belongs(item: Any, office_uid: str, office_name: str, rows: dict[str, Any],
                      keys_seen: set[tuple[str, int]]) -> bool:
    """Evidence is the office's own, for a value the file carries or a row and quarter the office has in
    the plan (a withdrawal only has to name a row the file or the plan knows: it adds nothing)."""
    if item.agency_uid != office_uid:
        return False
    if (item.indicator_uid, item.quarter) in keys_seen:
        return True  # its value was checked above (the office's row and quarter, or a removed row)
    row = rows.get(item.indicator_uid)
    if item.removed:
        return row is not None
    return row is not None and office_name in row.agencies and item.quarter in row.quarters()
