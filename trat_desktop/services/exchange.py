"""Office exports and the coordinator's import and merge: signed, checked, all-or-nothing per file."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .. import __version__, atomic
from ..domain import merge, plan_fit
from ..domain.capabilities import require
from ..domain.labels import row_labels
from ..domain.display import number_text
from ..domain.progress import STATUSES as PROGRESS_STATUSES
from ..domain.evidence import EvidenceEvent, merge_events
from ..domain.progress import FIELD_NAMES, ProgressEntry, ValidationError, check_achieved, validate_entry
from ..domain.thai import format_baht, format_be_date, to_arabic_digits
from ..errors import TratError
from ..exchange import archive, formats, keys, round_records
from ..exchange.archive import BadArchive
from ..store import agencies as agency_store
from ..store import audit as audit_store
from ..store import backup as backup_store
from ..store import evidence as evidence_store
from ..store import exchange as exchange_store
from ..store import rounds as round_store
from ..store import plan_edit as edit_store
from ..store import progress as progress_store
from ..store.connection import SCHEMA_VERSION, bulk_writes
from . import backup as backup_service
from .progress import ProgressService

BACKUPS_KEPT = 10
FIELD_TEXT = {name: FIELD_NAMES[name] for name in merge.COMPARED}


def _shown(name: str, value: Any) -> str:
    """A value as a person reads it: Thai status names, baht, no needless '.0' (Arabic digits)."""
    if value is None or value == "":
        return "(ว่าง)"
    if name == "status":
        return PROGRESS_STATUSES.get(value, str(value))
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


@dataclass(frozen=True)
class HeldValue:
    """An office value held aside on import because it no longer fits the plan."""

    theirs: ProgressEntry
    mine: ProgressEntry | None
    reasons: tuple[str, ...]
    office: str
    row_label: str
    detected_at: str

    def message(self) -> str:
        return f"{plan_fit.OUTSIDE_PLAN_TEXT}: {plan_fit.reasons_text(self.reasons)}"


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
    blobs: dict[str, bytes]
    pin: bool
    code: str
    signed: str = ""
    rounds: list[dict[str, Any]] = field(default_factory=list)


def unexpected_reason(file_name: str, exc: BaseException) -> str:
    """The Thai reason for a file whose reading or merging failed in a way no check foresaw."""
    return (f"ไฟล์ “{file_name}” นำเข้าไม่ได้เพราะเกิดข้อผิดพลาดที่ไม่คาดคิด ({type(exc).__name__}) "
            "ไม่มีข้อมูลใดเปลี่ยนแปลง โปรดส่งไฟล์นี้ให้ผู้ดูแลระบบตรวจสอบ")


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


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w.\-ก-๙]+", "_", text).strip("_") or "office"


class _RunCache:
    """What one import run reads once instead of once per file (plans, agencies, removed rows)."""

    def __init__(self, service: "ExchangeService") -> None:
        self.service = service
        self.years = set(service.plans.fiscal_years())
        self.agencies = {a.uid: a for a in service.plans.agencies()}
        # rows this database once had (in the trash, also inside a removed activity; or holding progress):
        # an office may still send values for them, which are held aside, not a reason to refuse the file
        self.removed = (edit_store.removed_indicator_uids(service.plans.db)
                        | progress_store.indicator_uids(service.plans.db))
        self._plans: dict[int, Any] = {}
        self._rows: dict[int, dict[str, Any]] = {}
        self._labels: dict[str, str] | None = None

    def plan(self, year: int) -> Any:
        if year not in self._plans:
            self._plans[year] = self.service.plans.load_plan(year)
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


class ExchangeService:
    """Exports for an office; import, merge, conflicts, ledger and undo for the coordinator."""

    def __init__(self, progress: ProgressService, on_progress: Callable[[int, int, str], None] | None = None) -> None:
        self.progress = progress
        self.plans = progress.plans
        self._db = progress.plans.db
        self.on_progress = on_progress

    # -- keys --------------------------------------------------------------------
    def my_keys(self) -> keys.KeyPair:
        """This installation's key pair, made at setup (or now, for an older database)."""
        private = exchange_store.get_setting(self._db, "signing_private_key")
        public = exchange_store.get_setting(self._db, "signing_public_key")
        if private and public:
            return keys.KeyPair(private, public)
        pair = keys.generate()
        actor, at = self.progress.identity().actor(), self.progress.now()
        with self._db.atomic():
            exchange_store.put_secret_setting(self._db, "signing_private_key", pair.private_b64, actor, at, "(ลับ)")
            exchange_store.put_secret_setting(self._db, "signing_public_key", pair.public_b64, actor, at, pair.fingerprint)
        return pair

    def fingerprint(self) -> str:
        return self.my_keys().fingerprint

    # -- office export -----------------------------------------------------------
    def export_office(self, out: Path | None = None, fiscal_year: int | None = None,
                      folder: Path | None = None, final_round: str | None = None) -> tuple[Path, int]:
        """Write this office's signed export for a year; returns (path, sequence number). *final_round*
        marks the file made at a round's sign-off (the final file of that round)."""
        me = self.progress.identity()
        require(me, "export_office_file")
        plan = self.plans.load_plan(fiscal_year)
        pair = self.my_keys()
        uids = [row.uid for row in plan.rows()]
        events = evidence_store.events(self._db, me.office_uid, uids)  # attachments, then withdrawals
        files: dict[str, bytes] = {
            "progress.jsonl": self._progress_payload(plan.fiscal_year, me.office_uid),
            "evidence.jsonl": archive.dumps_jsonl([formats.evidence_record(e) for e in events]),
            round_records.ENTRY: archive.dumps_jsonl(
                [round_records.submission_record(s) for s in round_store.all_submissions(self._db, me.office_uid,
                                                                                          plan.fiscal_year)]
                + [round_records.answer_record(c) for c in round_store.answered_comments(self._db, me.office_uid)]),
        }
        # the attached files, read and checked first: missing ones are refused before a number is used
        files.update(self._evidence_bodies(plan, [e for e in events if not e.removed]))
        with self._db.atomic():  # the sequence number is kept only if the file was written
            sequence = exchange_store.next_sequence(self._db)
            now = self.progress.now()
            manifest = {
                "format": formats.OFFICE_FORMAT, "format_version": formats.FORMAT_VERSION,
                "schema_version": SCHEMA_VERSION, "app_version": __version__, "province": formats.PROVINCE,
                "fiscal_year": plan.fiscal_year, "plan_revision": plan.revision,
                "office": {"uid": me.office_uid, "name": me.office_name}, "sequence": sequence, "exported_at": now,
                "reporter": {"name": me.reporter_name, "position": me.reporter_position, "phone": me.reporter_phone,
                             "head_name": me.head_name, "head_position": me.head_position},
                "signer_public_key": pair.public_b64,
                "files": {name: hashlib.sha256(body).hexdigest() for name, body in files.items()},
            }
            if final_round is not None:
                manifest["final_round"] = final_round
            files[archive.MANIFEST] = archive.dumps_json(manifest)
            if out is None:
                short = next((a.short_name for a in self.plans.agencies() if a.uid == me.office_uid), me.office_name)
                stamp = to_arabic_digits(format_be_date(self.progress.today(), thai_digits=False)).replace(" ", "-")
                out = (folder or Path.cwd()) / f"{_safe_name(short)}_{stamp}_ฉบับที่{sequence}.trat"
            archive.write_archive(out, files, pair.private_b64)
        return out, sequence

    def _evidence_bodies(self, plan: Any, attachments: list[Any]) -> dict[str, bytes]:
        """The attached files' contents for an export, each checked against its hash. Files missing
        on this PC (e.g. a database restored from a backup without its evidence) are named in Thai,
        with their rows, before anything is written or numbered."""
        folder = self.progress.evidence_folder()
        bodies: dict[str, bytes] = {}
        missing = []
        for e in attachments:
            name = f"evidence/{e.sha256}"
            if name in bodies:
                continue
            try:
                body = evidence_store.blob_path(folder, e.sha256).read_bytes()
            except OSError:
                body = None
            if body is None or len(body) != e.size or hashlib.sha256(body).hexdigest() != e.sha256:
                missing.append(e)
            else:
                bodies[name] = body
        if missing:
            labels = row_labels(plan)
            shown = [f"“{e.file_name}” (ตัวชี้วัด {labels.get(e.indicator_uid, e.indicator_uid[:8])} ไตรมาส {e.quarter})"
                     for e in missing[:10]]
            more = f" และอีก {len(missing) - 10} ไฟล์" if len(missing) > 10 else ""
            raise TratError(f"ส่งออกไม่ได้ เพราะไม่พบไฟล์หลักฐาน {len(missing)} ไฟล์ในเครื่องนี้ (หรือไฟล์เสียหาย): "
                            + ", ".join(shown) + more + " — กู้คืนจากไฟล์สำรองที่มีไฟล์หลักฐาน หรือนำไฟล์เหล่านี้ออกจาก"
                            "หลักฐานแล้วแนบใหม่ ยังไม่ได้ใช้เลขลำดับการส่งออก")
        return bodies

    def _progress_payload(self, fiscal_year: int, office_uid: str) -> bytes:
        uids = [row.uid for row in self.plans.load_plan(fiscal_year).rows()]
        entries = progress_store.load_entries(self._db, uids, office_uid)
        return archive.dumps_jsonl([formats.entry_record(e) for e in entries])

    def verification_code(self, fiscal_year: int | None = None) -> str:
        """The code of this office's data as an export made now would carry it (printed on its report)."""
        me = self.progress.identity()
        require(me, "verification_code")
        year = self.plans.load_plan(fiscal_year).fiscal_year
        return formats.content_code(self._progress_payload(year, me.office_uid))

    def verify(self, code: str) -> dict[str, Any] | None:
        """Which imported file and office a printed code belongs to (coordinator), or None."""
        from ..domain.verification import codes_match

        for row in exchange_store.ledger(self._db, 100000):
            if row["content_code"] and codes_match(row["content_code"], code):
                names = {a.uid: a.name for a in self.plans.agencies()}
                return {"file": row["file_name"], "office": names.get(row["office_uid"], row["office_uid"]),
                        "sequence": row["sequence"], "imported_at": row["imported_at"], "status": row["status"],
                        "code": row["content_code"]}
        return None

    # -- coordinator import ------------------------------------------------------
    def import_files(self, paths: list[Path | str], dry_run: bool = False, trust_new: bool = False,
                     confirm_key: Callable[[str, str], bool] | None = None) -> ImportReport:
        """Import office files and folders; each file all-or-nothing. *confirm_key(office, fingerprint)*
        is asked (GUI) for an office's first key when *trust_new* is False."""
        me = self.progress.identity()
        require(me, "import_office_files")
        files = _expand([Path(p) for p in paths])
        self._run = _RunCache(self)
        if not files:
            raise TratError("ไม่พบไฟล์ที่จะนำเข้า (.trat)")
        results: list[FileResult] = []
        checked: list[_Checked] = []
        for index, path in enumerate(files):
            self._report(index, len(files), path.name)
            try:
                checked.append(self._check(path, trust_new, confirm_key))
            except TratError as exc:
                results.append(FileResult(path.name, "rejected", exc.message))
            except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
                results.append(FileResult(path.name, "rejected", unexpected_reason(path.name, exc)))
        backup_path = ""
        if checked and not dry_run:
            backup_path = str(self.backup("before-import"))
        seen: set[str] = set()
        self._written: list[Path] = []   # evidence files this run put on disk, removed if the run fails
        try:
            with contextlib.ExitStack() as stack:
                if not dry_run:
                    # one transaction for the run, one savepoint per file: each file is still all-or-nothing,
                    # and a process killed mid-run leaves the database as it was before the run
                    stack.enter_context(bulk_writes(self._db))
                    stack.enter_context(self._db.atomic())
                for item in sorted(checked, key=lambda c: (c.result.office_uid, c.result.sequence or 0, c.signed)):
                    if item.signed in seen:
                        item.result.status, item.result.reason = "unchanged", "ไฟล์เดียวกันซ้ำในชุดนี้"
                    else:
                        seen.add(item.signed)
                        self._merge_one(item, dry_run, backup_path)
                    results.append(item.result)
        except BaseException:
            self._discard_written(self._written)
            if backup_path:
                Path(backup_path).unlink(missing_ok=True)
            raise
        self._report(len(files), len(files), "")
        if backup_path and not any(r.status in ("imported", "conflict") for r in results):
            exchange_store.forget_backup(self._db, backup_path)  # nothing to undo in this run
            Path(backup_path).unlink(missing_ok=True)
        order = {path.name: i for i, path in enumerate(files)}
        results.sort(key=lambda r: order.get(r.file, 0))
        if not dry_run:
            for r in results:
                if r.status == "rejected":
                    exchange_store.add_ledger(self._db, {"file_sha256": "", "file_name": r.file,
                                                         "imported_at": self.progress.now(), "status": "rejected",
                                                         "reason": r.reason})
        return ImportReport(results, dry_run)

    def _report(self, done: int, total: int, name: str) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total, name)

    def _check(self, path: Path, trust_new: bool, confirm_key: Callable[[str, str], bool] | None) -> _Checked:
        self.progress.plans.refuse_database_file(path)
        entries_raw, manifest, public, signed, sha = formats.read_signed(path, formats.OFFICE_FORMAT,
                                                                          formats.OFFICE_ENTRIES)
        if public == self.my_keys().public_b64:
            raise BadArchive(f"ไฟล์ “{path.name}” ส่งออกจากเครื่องนี้เอง จึงไม่นำเข้า")
        year = manifest["fiscal_year"]
        if year not in self._run.years:
            raise BadArchive(f"ไฟล์ “{path.name}” เป็นของแผนปีงบประมาณ พ.ศ. {year} ซึ่งไม่มีในฐานข้อมูลนี้")
        office = manifest.get("office")
        if not isinstance(office, dict) or not isinstance(office.get("uid"), str):
            raise BadArchive(f"ไฟล์ “{path.name}” ไม่ระบุหน่วยงาน")
        sent_uid = office["uid"]
        agency = self._run.agencies.get(sent_uid)
        if agency is None:  # an office the coordinator merged into another: its files land on the kept one
            kept = agency_store.merged_into(self._db, sent_uid)
            agency = self._run.agencies.get(kept) if kept else None
        if agency is None:
            raise BadArchive(f"ไฟล์ “{path.name}” มาจากหน่วยงานที่ไม่มีในทะเบียน")
        sequence = formats.check_sequence(manifest, path.name)
        result = FileResult(path.name, office=agency.name, office_uid=agency.uid, sequence=sequence)
        pinned = exchange_store.pinned_key(self._db, agency.uid)
        fp = keys.fingerprint(public)
        pin = False
        if pinned is None:
            if not (trust_new or (confirm_key is not None and confirm_key(agency.name, fp))):
                raise BadArchive(f"ไฟล์แรกจาก{agency.name} ลงนามด้วยกุญแจลายนิ้วมือ {fp} ต้องยืนยันกุญแจก่อน "
                                 "(โปรดโทรตรวจสอบลายนิ้วมือกับหน่วยงาน แล้วนำเข้าด้วยตัวเลือก --trust-new)")
            pin = True
        elif pinned != public:
            raise BadArchive(f"ไฟล์ “{path.name}” ลงนามด้วยกุญแจที่ไม่ใช่ของ{agency.name} (ลายนิ้วมือ {fp}) จึงไม่นำเข้า "
                             "หากหน่วยงานเปลี่ยนเครื่อง ให้ลงทะเบียนกุญแจใหม่ก่อน")
        entries, misfits, evidence, blobs = self._records(entries_raw, path.name, year, agency.uid, agency.name,
                                                          sent_uid)
        code = formats.content_code(entries_raw.get("progress.jsonl", b""))
        rounds = [round_records.check_record(r, f"ไฟล์ “{path.name}” ข้อมูลรอบรายงานรายการที่ {i}")
                  for i, r in enumerate(archive.jsonl(entries_raw.get(round_records.ENTRY, b""), round_records.ENTRY,
                                                      path.name), 1)]
        return _Checked(result, sha, path.name, public, manifest, entries, misfits, evidence, blobs, pin, code,
                        signed, rounds)

    def _records(self, raw: dict[str, bytes], name: str, year: int, office_uid: str, office_name: str,
                 sent_uid: str | None = None
                 ) -> tuple[list[ProgressEntry], dict[tuple[str, int], tuple[str, ...]], list[EvidenceEvent],
                            dict[str, bytes]]:
        """Every row checked: the office's own, on rows of this year's plan, well formed, no duplicates.

        A value that no longer fits today's plan (a shortened period, a row reassigned or removed, a new
        unit) is not a reason to refuse the file: the office entered it when it fitted. It is returned among
        the misfits (domain/plan_fit.py) and held aside by the merge for the coordinator to accept or drop.
        """
        rows = self._run.rows(year)
        removed = self._run.removed
        records = archive.jsonl(raw.get("progress.jsonl", b""), "progress.jsonl", name)
        if len(records) > formats.MAX_RECORDS:
            raise BadArchive(f"ไฟล์ “{name}” มีข้อมูลมากเกินไป")
        entries: list[ProgressEntry] = []
        misfits: dict[tuple[str, int], tuple[str, ...]] = {}
        keys_seen: set[tuple[str, int]] = set()
        for number, record in enumerate(records, start=1):
            where = f"ไฟล์ “{name}” รายการที่ {number}"
            entry = formats.entry_from_record(record, where)
            if sent_uid is not None and sent_uid != office_uid and entry.agency_uid == sent_uid:
                entry = entry.with_changes(agency_uid=office_uid)  # the office was merged into *office_uid*
            if entry.agency_uid != office_uid:
                raise BadArchive(f"{where} เป็นข้อมูลของหน่วยงานอื่น ไฟล์ของ{office_name}บันทึกได้เฉพาะข้อมูลของตนเอง "
                                 "จึงไม่นำเข้าทั้งไฟล์")
            key = (entry.indicator_uid, entry.quarter)
            if key in keys_seen:
                raise BadArchive(f"{where} ซ้ำกับรายการก่อนหน้า จึงไม่นำเข้าทั้งไฟล์")
            keys_seen.add(key)
            row = rows.get(entry.indicator_uid)
            if row is None and (entry.indicator_uid not in removed
                                or self._run.in_other_year(entry.indicator_uid, year)):
                raise BadArchive(f"{where} อ้างถึงตัวชี้วัดที่ไม่มีในแผนปี {year} (ไฟล์ของแผนอื่น?) จึงไม่นำเข้าทั้งไฟล์")
            reasons = plan_fit.misfit_reasons(row, office_name, entry)
            try:
                if reasons or entry.is_blank() or row is None:  # a cleared value fits wherever it is
                    if not plan_fit.value_possible(entry.achieved):  # no unit takes it: malformed
                        check_achieved(row.unit if row is not None else "", entry.achieved)
                    plan_fit.check_kept_edit(row, entry, entry)
                    if reasons:
                        misfits[key] = reasons
                else:
                    validate_entry(row, office_name, entry)
            except ValidationError as exc:
                raise BadArchive(f"{where}: {exc.message} จึงไม่นำเข้าทั้งไฟล์") from None
            entries.append(entry)
        evidence = [formats.evidence_from_record(r, f"ไฟล์ “{name}” หลักฐานรายการที่ {i}")
                    for i, r in enumerate(archive.jsonl(raw.get("evidence.jsonl", b""), "evidence.jsonl", name), 1)]
        blobs: dict[str, bytes] = {}
        if sent_uid is not None and sent_uid != office_uid:
            evidence = [dataclasses.replace(e, agency_uid=office_uid) if e.agency_uid == sent_uid else e
                        for e in evidence]
        for item in evidence:
            if not _evidence_belongs(item, office_uid, office_name, rows, keys_seen):
                raise BadArchive(f"ไฟล์ “{name}” มีหลักฐานของตัวชี้วัดหรือหน่วยงานอื่น จึงไม่นำเข้าทั้งไฟล์")
            if item.removed:
                continue  # a withdrawal: no file is sent
            body = raw.get(f"evidence/{item.sha256}")
            if body is None or hashlib.sha256(body).hexdigest() != item.sha256 or len(body) != item.size:
                raise BadArchive(f"ไฟล์หลักฐาน “{item.file_name}” ในไฟล์ “{name}” ไม่ตรงกับค่าแฮช จึงไม่นำเข้าทั้งไฟล์")
            blobs[item.sha256] = body
        return entries, misfits, evidence, blobs

    def _merge_one(self, item: _Checked, dry_run: bool, backup_path: str) -> None:
        """Merge one checked file in a savepoint of its own; if anything fails, the file is rejected, its
        savepoint rolled back and the evidence files it wrote removed, and the run goes on."""
        written: list[Path] = []
        try:
            with self._db.atomic():
                self._merge(item, dry_run, backup_path, written)
        except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
            self._discard_written(written)
            result = item.result
            result.status, result.reason = "rejected", unexpected_reason(item.name, exc)
            result.added = result.updated = result.unchanged = result.conflicts = 0
            result.changes.clear()
            result.details.clear()
            return
        self._written.extend(written)

    @staticmethod
    def _discard_written(paths: list[Path]) -> None:
        for path in paths:
            with contextlib.suppress(OSError):
                path.unlink()

    def _merge(self, item: _Checked, dry_run: bool, backup_path: str, written: list[Path]) -> None:
        result = item.result
        earlier = exchange_store.ledger_has(self._db, item.sha, item.signed)
        if earlier is not None:
            result.status = "unchanged"
            result.reason = f"นำเข้าไฟล์นี้แล้วเมื่อ {earlier['imported_at']} ไม่มีการเปลี่ยนแปลง"
            result.unchanged = len(item.entries)
            if not dry_run:
                self._ledger(item, backup_path)
            return
        last = exchange_store.last_sequence(self._db, result.office_uid, keys.fingerprint(item.public_key))
        if result.sequence is not None and result.sequence <= last:
            result.status = "stale"
            result.reason = (f"ไฟล์ลำดับที่ {result.sequence} เก่ากว่าข้อมูลที่มีอยู่ (ลำดับที่ {last}) "
                             "จึงไม่นำมาทับข้อมูลที่ใหม่กว่า")
            if not dry_run:
                self._ledger(item, backup_path)
            return
        actor = f"นำเข้าจาก{result.office} ({item.name})"
        at = self.progress.now()
        with self._db.atomic():
            if item.pin and not dry_run:
                exchange_store.pin_key(self._db, result.office_uid, item.public_key, keys.fingerprint(item.public_key),
                                       self.progress.identity().actor(), at)
            stored = exchange_store.stored_rows(self._db, result.office_uid)
            taken: list[tuple[ProgressEntry, ProgressEntry | None]] = []
            for incoming in item.entries:
                held = stored.get((incoming.indicator_uid, incoming.quarter))
                decision = merge.decide(held.entry if held else None, held.office_revision if held else None,
                                        held.local_edit if held else False, incoming)
                reasons = item.misfits.get((incoming.indicator_uid, incoming.quarter))
                if reasons and decision in ("add", "update", "conflict"):
                    decision = "held"  # a new value outside today's plan: held aside, the coordinator decides
                self._count(result, decision, held, incoming, detail=dry_run)
                if dry_run:
                    continue
                if decision == "held":
                    exchange_store.put_conflict(self._db, incoming, item.sha, at, reasons)
                elif decision in ("add", "update"):
                    taken.append((incoming, held.entry if held else None))
                elif decision == "same" and held is not None and not held.local_edit:
                    exchange_store.set_office_revision(self._db, held.entry, incoming.revision, False)
                elif decision == "conflict":
                    exchange_store.put_conflict(self._db, incoming, item.sha, at)
            if not dry_run:
                exchange_store.apply_office_rows(self._db, taken, actor, at)
                self._merge_evidence(item, actor, at, written)
                round_store.take_office_rounds(self._db, result.office_uid, item.manifest["fiscal_year"],
                                               item.rounds, at, item.signed)
            changed = result.added or result.updated or result.conflicts or result.held
            result.status = ("conflict" if result.conflicts or result.held else
                             ("imported" if changed else "unchanged"))
            result.reason = {"conflict": "นำเข้าแล้ว แต่มีค่าที่ขัดกับค่าที่ผู้ประสานงานแก้ไขไว้ โปรดเลือกค่าที่ถูกต้อง",
                             "imported": "นำเข้าเรียบร้อย",
                             "unchanged": "ข้อมูลตรงกับที่มีอยู่แล้ว"}[result.status]
            if result.held:
                result.reason = ("นำเข้าแล้ว " if result.added or result.updated else "") + (
                    f"มีค่า{plan_fit.OUTSIDE_PLAN_TEXT} {result.held} รายการ พักไว้ให้ผู้ประสานงานรับหรือไม่รับ"
                    + (" และมีค่าที่ขัดกับค่าที่ผู้ประสานงานแก้ไขไว้" if result.conflicts else ""))
            if not dry_run:
                self._ledger(item, backup_path)

    def _merge_evidence(self, item: _Checked, actor: str, at: str, written: list[Path]) -> None:
        """Attachments and withdrawals: the winning event per attachment (domain/evidence.py); files are
        written for the attachments that stay, and only if not there yet."""
        held = evidence_store.events(self._db, item.result.office_uid)
        winners = merge_events(held, item.evidence)
        unchanged = set(held)
        changed = [winners[e.key] for e in item.evidence if winners[e.key] not in unchanged]
        folder = self.progress.evidence_folder()
        for event in {e.sha256: e for e in changed if not e.removed}.values():
            target = evidence_store.blob_path(folder, event.sha256)
            if not target.exists():
                atomic.write_bytes(target, item.blobs[event.sha256], "ไฟล์หลักฐาน")  # whole or not at all
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
        where = f"[{self._row_label(incoming.indicator_uid)}] ไตรมาส {incoming.quarter}"
        changed = [name for name in merge.COMPARED if getattr(old, name) != getattr(incoming, name)]
        parts = [f"{FIELD_TEXT[name]} {_shown(name, getattr(old, name))} -> {_shown(name, getattr(incoming, name))}"
                 for name in changed]
        prefix = {"conflict": "ขัดแย้งกับค่าที่ผู้ประสานงานแก้ไข: ",
                  "held": f"{plan_fit.OUTSIDE_PLAN_TEXT} (พักไว้ให้ผู้ประสานงานตัดสิน): "}.get(decision, "")
        result.changes.append(f"{where} {prefix}" + "; ".join(parts))
        result.details.extend(Change(self._row_label(incoming.indicator_uid), incoming.quarter, name,
                                     getattr(old, name), getattr(incoming, name), decision in ("conflict", "held"))
                              for name in changed)

    def _row_label(self, indicator_uid: str) -> str:
        return self._run.labels().get(indicator_uid, indicator_uid[:8])

    def _ledger(self, item: _Checked, backup_path: str) -> None:
        r = item.result
        exchange_store.add_ledger(self._db, {
            "file_sha256": item.sha, "signed_sha256": item.signed, "file_name": r.file, "office_uid": r.office_uid, "sequence": r.sequence,
            "signer_fingerprint": keys.fingerprint(item.public_key),
            "content_code": item.code,
            "exported_at": str(item.manifest.get("exported_at", ""))[:40], "imported_at": self.progress.now(),
            "status": r.status, "reason": r.reason, "added": r.added, "updated": r.updated,
            "unchanged": r.unchanged, "conflicts": r.conflicts, "backup_path": backup_path,
        })

    # -- conflicts, ledger, keys, backups, undo ----------------------------------
    def conflicts(self) -> list[tuple[ProgressEntry, ProgressEntry | None]]:
        """Pending conflicts as (the office's value, the coordinator's value)."""
        out = []
        for theirs, _row in exchange_store.conflicts(self._db):
            mine = progress_store.get_entry(self._db, theirs.indicator_uid, theirs.agency_uid, theirs.quarter)
            out.append((theirs, mine))
        return out

    def held_values(self) -> list[HeldValue]:
        """Office values held aside on import because they no longer fit the plan (oldest first)."""
        names = {a.uid: a.name for a in self.plans.agencies()}
        labels = _RunCache(self).labels()
        out = []
        for theirs, row in exchange_store.conflicts(self._db, held=True):
            mine = progress_store.get_entry(self._db, theirs.indicator_uid, theirs.agency_uid, theirs.quarter)
            out.append(HeldValue(theirs, mine, row["reasons"], names.get(theirs.agency_uid, theirs.agency_uid),
                                 labels.get(theirs.indicator_uid, ""), row["detected_at"]))
        return out

    def resolve(self, theirs: ProgressEntry, keep_mine: bool) -> None:
        """Settle a conflict: keep the coordinator's value, or take the office's."""
        me = self.progress.identity()
        require(me, "settle_conflicts")
        at = self.progress.now()
        with self._db.atomic():
            mine = progress_store.get_entry(self._db, theirs.indicator_uid, theirs.agency_uid, theirs.quarter)
            if keep_mine and mine is not None:
                exchange_store.set_office_revision(self._db, mine, theirs.revision, True)
                exchange_store.drop_conflict(self._db, theirs)
            else:
                exchange_store.apply_office_rows(self._db, [(theirs, mine)], me.actor(), at)
            audit_store.record(self._db, at=at, actor=me.actor(), action="conflict_resolve", entity="progress",
                   entity_uid=f"{theirs.indicator_uid}/{theirs.agency_uid}/q{theirs.quarter}",
                   field="choice", new="keep_mine" if keep_mine else "take_theirs")

    def settle_held(self, theirs: ProgressEntry, accept: bool) -> None:
        """Settle a value held aside: *accept* stores it (kept, shown as outside the plan), otherwise it is
        dropped. Both are audited with the office's value, so a dropped value can still be read back."""
        me = self.progress.identity()
        require(me, "settle_conflicts")
        at = self.progress.now()
        key = progress_store.entity_uid(theirs)
        with self._db.atomic():
            pending = {progress_store.entity_uid(e) for e, _ in exchange_store.conflicts(self._db, held=True)}
            if key not in pending:
                raise TratError("ไม่พบค่าที่พักไว้นี้ (อาจตัดสินไปแล้ว)")
            mine = progress_store.get_entry(self._db, theirs.indicator_uid, theirs.agency_uid, theirs.quarter)
            if accept:
                exchange_store.apply_office_rows(self._db, [(theirs, mine)], me.actor(), at, action="held_accept")
            else:
                exchange_store.drop_conflict(self._db, theirs)
            audit_store.record_many(self._db, [(
                at, me.actor(), "held_resolve", "progress", key, "choice",
                audit_store.encode({name: getattr(theirs, name) for name in merge.COMPARED}),
                audit_store.encode("accept" if accept else "drop"))])

    def ledger(self) -> list[dict[str, Any]]:
        return exchange_store.ledger(self._db)

    def office_keys(self) -> list[dict[str, Any]]:
        return exchange_store.office_keys(self._db)

    def reenrol(self, office: str) -> bool:
        """Forget an office's pinned key so that its next file (from a new PC) can be trusted anew."""
        me = self.progress.identity()
        require(me, "manage_office_keys")
        uid, _name = self.progress.find_agency(office)
        return exchange_store.unpin_key(self._db, uid, me.actor(), self.progress.now())

    def backup_folder(self) -> Path:
        return backup_service.backup_folder(self.plans)

    def backup(self, label: str = "manual", dest: Path | None = None, keep: int = BACKUPS_KEPT) -> Path:
        """A consistent copy of the database, rotated so at most *keep* of each label remain."""
        # the undo point of an import holds the database only: an import never removes evidence files
        return backup_service.backup_now(self.plans, dest, label=label, keep=keep,
                                         with_evidence=label != "before-import")

    def undo_import(self) -> dict[str, Any]:
        """Put the database back as it was before the last import run, if nothing changed since."""
        me = self.progress.identity()
        require(me, "undo_import")
        last = exchange_store.last_backup(self._db)
        if last is None:
            raise TratError("ไม่มีการนำเข้าที่ยกเลิกได้")
        run = [r for r in exchange_store.ledger(self._db, 100000) if r["backup_path"] == last["backup_path"]]
        high = max(r["audit_high"] for r in run)
        if exchange_store.audit_high(self._db) > high:
            raise TratError("มีการแก้ไขข้อมูลหลังการนำเข้าครั้งล่าสุดแล้ว จึงยกเลิกการนำเข้าไม่ได้ "
                            "(ใช้การกู้คืนจากไฟล์สำรองแทน)")
        path = Path(last["backup_path"])
        backup_store.restore_from(self._db, path)
        audit_store.record(self._db, at=self.progress.now(), actor=me.actor(), action="undo_import", entity="import",
               entity_uid=path.name, field="files", old=json.dumps([r["file_name"] for r in run], ensure_ascii=False))
        return {"backup": str(path), "files": [r["file_name"] for r in run]}

    def snapshot(self) -> list[tuple[Any, ...]]:
        """Every progress value, pending conflict, attachment and withdrawal, for comparing final states."""
        return exchange_store.progress_snapshot(self._db) + evidence_store.evidence_snapshot(self._db)


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
