"""The exchange formats' constants and record shapes (see docs/exchange-format.md)."""

from __future__ import annotations

import re
from typing import Any

from ..domain.progress import MAX_NOTE, STATUSES, ProgressEntry
from .archive import BadArchive

PROVINCE = "ตราด"
OFFICE_FORMAT = "trat-office-export"
PLAN_FORMAT = "trat-plan-package"
FORMAT_VERSION = 1
OFFICE_ENTRIES = re.compile(r"manifest\.json|signature|progress\.jsonl|evidence\.jsonl|evidence/[0-9a-f]{64}")
PLAN_ENTRIES = re.compile(r"manifest\.json|signature|plan\.json")
ANY_ENTRIES = re.compile(f"{OFFICE_ENTRIES.pattern}|{PLAN_ENTRIES.pattern}")
MAX_RECORDS = 200_000
_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA = re.compile(r"[0-9a-f]{64}")


def entry_record(entry: ProgressEntry) -> dict[str, Any]:
    return {
        "indicator_uid": entry.indicator_uid, "agency_uid": entry.agency_uid, "quarter": entry.quarter,
        "achieved": entry.achieved, "spent_satang": entry.spent_satang, "status": entry.status,
        "note": entry.note, "reporter": entry.reporter, "updated_at": entry.updated_at, "revision": entry.revision,
    }


def _field(record: dict[str, Any], name: str, kinds: tuple[type, ...], where: str, nullable: bool = False) -> Any:
    if name not in record:
        raise BadArchive(f"{where}: ไม่มีข้อมูล “{name}”")
    value = record[name]
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise BadArchive(f"{where}: ข้อมูล “{name}” มีชนิดไม่ถูกต้อง")
    return value


def _text(record: dict[str, Any], name: str, where: str, limit: int) -> str:
    value = _field(record, name, (str,), where)
    if len(value) > limit:
        raise BadArchive(f"{where}: ข้อความ “{name}” ยาวเกิน {limit:,} ตัวอักษร")
    return value


def entry_from_record(record: dict[str, Any], where: str) -> ProgressEntry:
    """A progress row from a file, with every field's type and size checked (values are checked later)."""
    indicator = _text(record, "indicator_uid", where, 36)
    agency = _text(record, "agency_uid", where, 36)
    if not _UID.fullmatch(indicator) or not _UID.fullmatch(agency):
        raise BadArchive(f"{where}: รหัสตัวชี้วัดหรือหน่วยงานไม่ถูกต้อง")
    quarter = _field(record, "quarter", (int,), where)
    if quarter not in (1, 2, 3, 4):
        raise BadArchive(f"{where}: ไตรมาส {quarter} ไม่ถูกต้อง")
    achieved = _field(record, "achieved", (int, float), where, nullable=True)
    spent = _field(record, "spent_satang", (int,), where, nullable=True)
    status = _text(record, "status", where, 20)
    if status not in STATUSES:
        raise BadArchive(f"{where}: สถานะ “{status[:20]}” ไม่ถูกต้อง")
    revision = _field(record, "revision", (int,), where)
    if not 1 <= revision < 2**53:
        raise BadArchive(f"{where}: เลขครั้งที่แก้ไขไม่ถูกต้อง")
    return ProgressEntry(
        indicator, agency, quarter, None if achieved is None else float(achieved), spent, status,
        _text(record, "note", where, MAX_NOTE), _text(record, "reporter", where, 200),
        _text(record, "updated_at", where, 40), revision,
    )


def evidence_from_record(record: dict[str, Any], where: str) -> dict[str, Any]:
    out = {
        "indicator_uid": _text(record, "indicator_uid", where, 36),
        "agency_uid": _text(record, "agency_uid", where, 36),
        "quarter": _field(record, "quarter", (int,), where),
        "sha256": _text(record, "sha256", where, 64),
        "file_name": _text(record, "file_name", where, 255),
        "size": _field(record, "size", (int,), where),
        "added_at": _text(record, "added_at", where, 40),
    }
    if not _SHA.fullmatch(out["sha256"]) or out["quarter"] not in (1, 2, 3, 4) or out["size"] < 0:
        raise BadArchive(f"{where}: ข้อมูลไฟล์หลักฐานไม่ถูกต้อง")
    if "/" in out["file_name"] or "\\" in out["file_name"] or out["file_name"] in ("", ".", ".."):
        raise BadArchive(f"{where}: ชื่อไฟล์หลักฐาน “{out['file_name'][:60]}” ไม่อนุญาต")
    return out


def check_entries(entries: dict[str, bytes], allowed: re.Pattern[str], file_name: str) -> None:
    """After the header says what the file is: only that kind's entries may be in it."""
    for name in entries:
        if not allowed.fullmatch(name):
            raise BadArchive(f"ไฟล์ “{file_name}” มีรายการที่ไม่อนุญาต (“{name[:80]}”) จึงไม่นำเข้า")


def check_header(manifest: dict[str, Any], expected_format: str, file_name: str) -> None:
    """Format, version and province: the checks every exchange file passes first."""
    fmt = manifest.get("format")
    if fmt != expected_format:
        if fmt == PLAN_FORMAT:
            raise BadArchive(f"ไฟล์ “{file_name}” เป็นแพ็กเกจแผน ไม่ใช่ไฟล์ผลการดำเนินงาน (ใช้คำสั่งนำเข้าแผนบนเครื่องหน่วยงาน)")
        if fmt == OFFICE_FORMAT:
            raise BadArchive(f"ไฟล์ “{file_name}” เป็นไฟล์ผลการดำเนินงานของหน่วยงาน ไม่ใช่แพ็กเกจแผน")
        raise BadArchive(f"ไฟล์ “{file_name}” ไม่ใช่ไฟล์แลกเปลี่ยนของ Trat Desktop")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadArchive(f"ไฟล์ “{file_name}” ไม่ระบุรุ่นของรูปแบบไฟล์")
    if version > FORMAT_VERSION:
        raise BadArchive(f"ไฟล์ “{file_name}” สร้างด้วยโปรแกรมรุ่นใหม่กว่า (รูปแบบรุ่น {version}) โปรดปรับปรุงโปรแกรมก่อนนำเข้า")
    if manifest.get("province") != PROVINCE:
        raise BadArchive(f"ไฟล์ “{file_name}” เป็นของจังหวัดอื่น ({str(manifest.get('province'))[:40]})")
    year = manifest.get("fiscal_year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise BadArchive(f"ไฟล์ “{file_name}” ไม่ระบุปีงบประมาณ")


def content_code(progress_jsonl: bytes) -> str:
    """A short code for an export's progress data, printed on the signed paper report: 'K7QM-2XDA-9P'."""
    import base64
    import hashlib

    text = base64.b32encode(hashlib.sha256(progress_jsonl).digest()).decode()[:10]
    return f"{text[:4]}-{text[4:8]}-{text[8:]}"
