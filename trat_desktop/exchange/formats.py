"""The exchange formats' constants and record shapes (see docs/exchange-format.md)."""

from __future__ import annotations

import re
from typing import Any

from pathlib import Path

from ..domain.evidence import EvidenceEvent
from ..domain.progress import FIELD_NAMES, MAX_NOTE, STATUSES, ProgressEntry, ValidationError, check_spent
from ..domain.text import clean_text
from ..i18n import N_
from ..i18n import keyed as _  # refusals become the import ledger's reasons, stored and shown again (i18n.remake)
from . import archive
from .archive import BadArchive

PROVINCE = "ตราด"
OFFICE_FORMAT = "trat-office-export"
PLAN_FORMAT = "trat-plan-package"
REPLY_FORMAT = "trat-reply"
FORMAT_VERSION = 3          # 2: evidence.jsonl may list withdrawn attachments (removed_at); 3: rounds.jsonl, final_round
MAX_SEQUENCE = 1_000_000    # exports per installation: 100 a day for 27 years
MAX_REVISION = 2**53 - 1
OFFICE_ENTRIES = re.compile(r"manifest\.json|signature|progress\.jsonl|evidence\.jsonl|rounds\.jsonl|evidence/[0-9a-f]{64}")
PLAN_ENTRIES = re.compile(r"manifest\.json|signature|plan\.json")
REPLY_ENTRIES = re.compile(r"manifest\.json|signature|reply\.json")
ANY_ENTRIES = re.compile(f"{OFFICE_ENTRIES.pattern}|{PLAN_ENTRIES.pattern}|{REPLY_ENTRIES.pattern}")
MAX_RECORDS = 200_000
_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA = re.compile(r"[0-9a-f]{64}")


def entry_record(entry: ProgressEntry) -> dict[str, Any]:
    return {
        "indicator_uid": entry.indicator_uid, "agency_uid": entry.agency_uid, "quarter": entry.quarter,
        "achieved": entry.achieved, "spent_satang": entry.spent_satang, "status": entry.status,
        "note": entry.note, "reporter": entry.reporter, "updated_at": entry.updated_at, "revision": entry.revision,
        "problems": entry.problems, "suggestions": entry.suggestions,
    }


EVIDENCE_FIELD_NAMES = {**FIELD_NAMES, "sha256": N_("ค่าแฮชของไฟล์"), "file_name": N_("ชื่อไฟล์หลักฐาน"),
                        "size": N_("ขนาดไฟล์หลักฐาน"), "added_at": N_("เวลาที่แนบ"),
                        "removed_at": N_("เวลาที่ถอนหลักฐาน")}


def _name(name: str) -> str:
    """A field's name as the screen shows it (translated here; the tables hold the Thai)."""
    return _(EVIDENCE_FIELD_NAMES[name]) if name in EVIDENCE_FIELD_NAMES else name


def _field(record: dict[str, Any], name: str, kinds: tuple[type, ...], where: str, nullable: bool = False) -> Any:
    if name not in record:
        raise BadArchive(_("{where}: ไม่มีข้อมูล “{field}”").format(where=where, field=_name(name)))
    value = record[name]
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise BadArchive(_("{where}: ข้อมูล “{field}” มีชนิดไม่ถูกต้อง").format(where=where, field=_name(name)))
    return value


def _text(record: dict[str, Any], name: str, where: str, limit: int, multiline: bool = False) -> str:
    """A text field, its length checked as sent and then cleaned as at entry (line separators and
    control characters that older versions let through are tolerated and normalised)."""
    value = _field(record, name, (str,), where)
    if len(value) > limit:
        raise BadArchive(_("{where}: ข้อความ “{field}” ยาวเกิน {limit} ตัวอักษร").format(
            where=where, field=_name(name), limit=f"{limit:,}"))
    return clean_text(value, multiline=multiline)


_NARRATIVES = ("problems", "suggestions")
#: uids already found well formed (an import sees the same row and office uids in file after file); bounded
_GOOD_UIDS: set[str] = set()
_GOOD_UIDS_MAX = 20_000  # ~2 MB at most: memory stays flat in the number of files


def _is_uid(text: str) -> bool:
    """``_UID.fullmatch(text)``, remembered for the uids already seen."""
    if text in _GOOD_UIDS:
        return True
    if _UID.fullmatch(text) is None:
        return False
    if len(_GOOD_UIDS) >= _GOOD_UIDS_MAX:
        _GOOD_UIDS.clear()
    _GOOD_UIDS.add(text)
    return True


def _fast_entry(record: dict[str, Any]) -> ProgressEntry | None:
    """The common, well-formed record checked in one pass (the same checks as :func:`entry_from_record`,
    without naming what is wrong): None sends the record to the field-by-field checks and their message."""
    get = record.get
    indicator, agency, quarter, achieved = get("indicator_uid"), get("agency_uid"), get("quarter"), get("achieved")
    spent, status, revision = get("spent_satang"), get("status"), get("revision")
    note, reporter, updated = get("note"), get("reporter"), get("updated_at")
    problems, suggestions = get("problems", ""), get("suggestions", "")
    if (type(indicator) is not str or type(agency) is not str or not _is_uid(indicator)
            or not _is_uid(agency) or type(quarter) is not int or quarter not in (1, 2, 3, 4)
            or not (achieved is None or type(achieved) in (int, float)) or not (spent is None or type(spent) is int)
            or type(status) is not str or status not in STATUSES or type(revision) is not int
            or not 1 <= revision <= MAX_REVISION
            or type(note) is not str or len(note) > MAX_NOTE or type(reporter) is not str or len(reporter) > 200
            or type(updated) is not str or len(updated) > 40
            or type(problems) is not str or len(problems) > MAX_NOTE
            or type(suggestions) is not str or len(suggestions) > MAX_NOTE
            or "achieved" not in record or "spent_satang" not in record):
        return None
    try:
        check_spent(spent)
    except ValidationError:
        return None
    return ProgressEntry(indicator, agency, quarter, None if achieved is None else float(achieved), spent, status,
                         note and clean_text(note, multiline=True), reporter and clean_text(reporter),
                         updated and clean_text(updated), revision, problems and clean_text(problems, multiline=True),
                         suggestions and clean_text(suggestions, multiline=True))


def entry_from_record(record: dict[str, Any], where: str) -> ProgressEntry:
    """A progress row from a file, with every field's type and size checked (values are checked later)."""
    fast = _fast_entry(record)
    return fast if fast is not None else _checked_entry(record, where)


def _checked_entry(record: dict[str, Any], where: str) -> ProgressEntry:
    """:func:`entry_from_record` field by field, naming the first field that is wrong."""
    indicator = _text(record, "indicator_uid", where, 36)
    agency = _text(record, "agency_uid", where, 36)
    if not _UID.fullmatch(indicator) or not _UID.fullmatch(agency):
        raise BadArchive(_("{where}: รหัสตัวชี้วัดหรือหน่วยงานไม่ถูกต้อง").format(where=where))
    quarter = _field(record, "quarter", (int,), where)
    if quarter not in (1, 2, 3, 4):
        raise BadArchive(_("{where}: ไตรมาส {quarter} ไม่ถูกต้อง").format(where=where, quarter=quarter))
    achieved = _field(record, "achieved", (int, float), where, nullable=True)
    spent = _field(record, "spent_satang", (int,), where, nullable=True)
    try:
        check_spent(spent)
    except ValidationError as exc:
        raise BadArchive(f"{where}: {exc.message}") from None
    status = _text(record, "status", where, 20)
    if status not in STATUSES:
        raise BadArchive(_("{where}: สถานะ “{status}” ไม่ถูกต้อง").format(where=where, status=status[:20]))
    revision = _field(record, "revision", (int,), where)
    if not 1 <= revision <= MAX_REVISION:
        raise BadArchive(_("{where}: เลขครั้งที่แก้ไขไม่ถูกต้อง").format(where=where))
    return ProgressEntry(
        indicator, agency, quarter, None if achieved is None else float(achieved), spent, status,
        _text(record, "note", where, MAX_NOTE, multiline=True), _text(record, "reporter", where, 200),
        _text(record, "updated_at", where, 40), revision,
        # version 3: the narratives (older files have none)
        _text(record, "problems", where, MAX_NOTE, multiline=True) if "problems" in record else "",
        _text(record, "suggestions", where, MAX_NOTE, multiline=True) if "suggestions" in record else "",
    )


def evidence_record(event: EvidenceEvent) -> dict[str, Any]:
    """An attachment (removed_at null) or a withdrawal (removed_at set, no file sent) in evidence.jsonl."""
    return {"indicator_uid": event.indicator_uid, "agency_uid": event.agency_uid, "quarter": event.quarter,
            "sha256": event.sha256, "file_name": event.file_name, "size": event.size,
            "added_at": "" if event.removed else event.at, "removed_at": event.at if event.removed else None,
            "revision": event.revision}


def evidence_from_record(record: dict[str, Any], where: str) -> EvidenceEvent:
    """An attachment or withdrawal from a file (format 1 knows attachments only: revision 1)."""
    indicator = _text(record, "indicator_uid", where, 36)
    agency = _text(record, "agency_uid", where, 36)
    quarter = _field(record, "quarter", (int,), where)
    sha = _text(record, "sha256", where, 64)
    name = _field(record, "file_name", (str,), where)
    size = _field(record, "size", (int,), where)
    removed_at = _field(record, "removed_at", (str,), where, nullable=True) if "removed_at" in record else None
    added_at = _field(record, "added_at", (str,), where) if removed_at is None else ""
    revision = _field(record, "revision", (int,), where) if "revision" in record else 1
    if (not _UID.fullmatch(indicator) or not _UID.fullmatch(agency) or not _SHA.fullmatch(sha)
            or quarter not in (1, 2, 3, 4) or not 0 <= size <= archive.MAX_ENTRY_BYTES
            or not 1 <= revision <= MAX_REVISION or len(removed_at or added_at) > 40):
        raise BadArchive(_("{where}: ข้อมูลไฟล์หลักฐานไม่ถูกต้อง").format(where=where))
    cleaned = clean_text(name)
    if len(name) > 255 or "/" in cleaned or "\\" in cleaned or cleaned in ("", ".", ".."):
        raise BadArchive(_("{where}: ชื่อไฟล์หลักฐาน “{name}” ไม่อนุญาต").format(where=where, name=cleaned[:60]))
    return EvidenceEvent(indicator, agency, quarter, sha, cleaned, size,
                         clean_text(removed_at if removed_at is not None else added_at), revision,
                         removed_at is not None)


def check_entries(entries: dict[str, bytes], allowed: re.Pattern[str], file_name: str) -> None:
    """After the header says what the file is: only that kind's entries may be in it."""
    for name in entries:
        if not allowed.fullmatch(name):
            raise BadArchive(_("ไฟล์ “{name}” มีรายการที่ไม่อนุญาต (“{entry}”) จึงไม่นำเข้า").format(
                name=file_name, entry=name[:80]))


def check_header(manifest: dict[str, Any], expected_format: str, file_name: str) -> None:
    """Format, version and province: the checks every exchange file passes first."""
    fmt = manifest.get("format")
    if fmt != expected_format:
        if fmt == PLAN_FORMAT:
            raise BadArchive(_("ไฟล์ “{name}” เป็นแพ็กเกจแผน ไม่ใช่ไฟล์ผลการดำเนินงาน (ใช้คำสั่งนำเข้าแผนบนเครื่องหน่วยงาน)"
                               ).format(name=file_name))
        if fmt == OFFICE_FORMAT:
            raise BadArchive(_("ไฟล์ “{name}” เป็นไฟล์ผลการดำเนินงานของหน่วยงาน ไม่ใช่แพ็กเกจแผน").format(name=file_name))
        if fmt == REPLY_FORMAT:
            raise BadArchive(_("ไฟล์ “{name}” เป็นใบตอบรับจากศูนย์ฯ (นำเข้าบนเครื่องหน่วยงานด้วยคำสั่ง reply import)"
                               ).format(name=file_name))
        raise BadArchive(_("ไฟล์ “{name}” ไม่ใช่ไฟล์แลกเปลี่ยนของ Trat Desktop").format(name=file_name))
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadArchive(_("ไฟล์ “{name}” ไม่ระบุรุ่นของรูปแบบไฟล์").format(name=file_name))
    if version > FORMAT_VERSION:
        raise BadArchive(_("ไฟล์ “{name}” สร้างด้วยโปรแกรมรุ่นใหม่กว่า (รูปแบบรุ่น {version}) โปรดปรับปรุงโปรแกรมก่อนนำเข้า"
                           ).format(name=file_name, version=version))
    if manifest.get("province") != PROVINCE:
        province = manifest.get("province")
        shown = f" ({province[:40]})" if isinstance(province, str) and province.strip() else ""
        raise BadArchive(_("ไฟล์ “{name}” เป็นของจังหวัดอื่น{province}").format(name=file_name, province=shown))
    year = manifest.get("fiscal_year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise BadArchive(_("ไฟล์ “{name}” ไม่ระบุปีงบประมาณ").format(name=file_name))


def read_signed(path: Path, expected_format: str,
                allowed: re.Pattern[str]) -> tuple[dict[str, bytes], dict[str, Any], str, str, str]:
    """Open an exchange file in the order that trusts nothing unchecked: the archive's limits, the manifest
    parsed with bounds, the signature, every entry's hash, and only then the header's fields and the entries
    allowed for its format. Returns (entries, manifest, signer's public key, signed digest, file's sha256)."""
    with open_signed(path, expected_format, allowed) as (opened, manifest, public):
        return opened.entries, manifest, public, archive.signed_digest(opened.entries), opened.sha


EVIDENCE_BODIES = re.compile(r"evidence/[0-9a-f]{64}")


class open_signed:  # noqa: N801 - used as a function (a context manager)
    """:func:`read_signed` for a file whose *lazy* entries (evidence) are hashed, not read: use as
    ``with open_signed(...) as (opened, manifest, public)``; copy those entries out with
    ``opened.copy_entry`` while the file is open."""

    def __init__(self, path: Path, expected_format: str, allowed: re.Pattern[str],
                 lazy: re.Pattern[str] | None = None, read: tuple[str, bytes | None] | None = None) -> None:
        path = Path(path)
        opened = archive.open_archive(path, ANY_ENTRIES, lazy, read)
        try:
            manifest = archive.load_manifest(opened.entries, path.name)
            try:
                public = archive.check_signature_and_hashes(opened.entries, manifest, path.name, opened.lazy)
            except BadArchive:
                version = manifest.get("format_version")
                if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
                    # not trusted, only a better hint: a newer app may sign differently
                    raise BadArchive(_("ไฟล์ “{name}” อาจสร้างด้วยโปรแกรมรุ่นใหม่กว่า (รูปแบบรุ่น {version}) "
                                       "โปรดปรับปรุงโปรแกรมก่อนนำเข้า").format(name=path.name, version=version)) from None
                raise
            check_header(manifest, expected_format, path.name)
            check_entries({**opened.entries, **dict.fromkeys(opened.lazy, b"")}, allowed, path.name)
        except BaseException:
            opened.close()
            raise
        self.opened, self.manifest, self.public = opened, manifest, public

    def __enter__(self) -> tuple[archive.OpenArchive, dict[str, Any], str]:
        return self.opened, self.manifest, self.public

    def __exit__(self, *_exc: object) -> None:
        self.opened.close()


def check_sequence(manifest: dict[str, Any], file_name: str) -> int:
    sequence = manifest.get("sequence")
    if not isinstance(sequence, int) or isinstance(sequence, bool) or not 1 <= sequence <= MAX_SEQUENCE:
        raise BadArchive(_("ไฟล์ “{name}” ไม่มีเลขลำดับการส่งออกที่ถูกต้อง").format(name=file_name))
    return sequence


def content_code(progress_jsonl: bytes) -> str:
    """A short code for an export's progress data, printed on the signed paper report: 'K7QM-2XDA-9P'
    (domain/verification.py: an alphabet without look-alikes)."""
    from ..domain.verification import content_code as code

    return code(progress_jsonl)
