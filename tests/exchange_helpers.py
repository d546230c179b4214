"""Building office and coordinator installations and crafting exchange files for tests."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any, Callable

from trat_desktop.domain.identity import Identity
from trat_desktop.exchange import archive, formats
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.exchange import ExchangeService

EDUCATION = "สำนักงานศึกษาธิการจังหวัดตราด"
FINANCE = "สำนักงานคลังจังหวัดตราด"


def installation(path: Path, role: str, office: str = "") -> ExchangeService:
    service = PlanService.open(path)
    progress = ProgressService(service)
    progress.set_identity(Identity(role=role, office_name=office, reporter_name="ผู้ทดสอบ"))  # type: ignore[arg-type]
    return ExchangeService(progress)


def copy_installation(template: Path, target: Path) -> ExchangeService:
    shutil.copy(template, target)
    return ExchangeService(ProgressService(PlanService.open(target)))


def agency_uid(exchange: ExchangeService, name: str) -> str:
    return next(a.uid for a in exchange.plans.agencies() if a.name == name)


def craft(path: Path, *, private_b64: str, public_b64: str | None = None, office_uid: str, office_name: str = "",
          sequence: int = 1, records: list[dict[str, Any]] | None = None, manifest_changes: dict[str, Any] | None = None,
          extra_entries: dict[str, bytes] | None = None, evidence: list[dict[str, Any]] | None = None,
          blobs: dict[str, bytes] | None = None, fiscal_year: int = 2569) -> Path:
    """An office export file made by hand, signed with *private_b64* (announcing *public_b64*)."""
    public_b64 = public_b64 or _public_of(private_b64)
    files: dict[str, bytes] = {"progress.jsonl": archive.dumps_jsonl(records or []),
                               "evidence.jsonl": archive.dumps_jsonl(evidence or [])}
    for sha, body in (blobs or {}).items():
        files[f"evidence/{sha}"] = body
    files.update(extra_entries or {})
    manifest = {
        "format": formats.OFFICE_FORMAT, "format_version": formats.FORMAT_VERSION, "schema_version": 6,
        "province": formats.PROVINCE, "fiscal_year": fiscal_year, "plan_revision": 1,
        "office": {"uid": office_uid, "name": office_name}, "sequence": sequence, "exported_at": "2026-01-01T00:00:00+07:00",
        "reporter": {}, "signer_public_key": public_b64,
        "files": {name: hashlib.sha256(body).hexdigest() for name, body in files.items()},
    }
    manifest.update(manifest_changes or {})
    files[archive.MANIFEST] = archive.dumps_json(manifest)
    archive.write_archive(path, files, private_b64)
    return path


def _public_of(private_b64: str) -> str:
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64))
    return base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def record(indicator_uid: str, agency_uid: str, quarter: int, achieved: float | None, revision: int,
           status: str = "in_progress", note: str = "", spent: int | None = None) -> dict[str, Any]:
    return {"indicator_uid": indicator_uid, "agency_uid": agency_uid, "quarter": quarter, "achieved": achieved,
            "spent_satang": spent, "status": status, "note": note, "reporter": "ผู้ทดสอบ",
            "updated_at": "2026-01-01T00:00:00+07:00", "revision": revision}


def rewrite_zip(source: Path, target: Path, rename: dict[str, str] | None = None,
                drop: set[str] | None = None, add: dict[str, bytes] | None = None) -> Path:
    """Copy an archive entry by entry, renaming, dropping or adding entries (without re-signing)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if drop and info.filename in drop:
                continue
            out.writestr((rename or {}).get(info.filename, info.filename), src.read(info))
        for name, body in (add or {}).items():
            out.writestr(name, body)
    return target


def resign(source: Path, target: Path, private_b64: str, *, entries: Callable[[dict[str, bytes]], None] | None = None,
           manifest_changes: dict[str, Any] | None = None, manifest_edit: Callable[[bytes], bytes] | None = None,
           keep_signature: bool = False) -> Path:
    """A copy of a real exchange file with its entries and manifest changed, then signed again with
    *private_b64* (the hashes in ``files`` follow the new entries). *manifest_edit* changes the manifest's
    bytes after it is written (for what json.dumps cannot write: NaN, 5,000 digits, deep nesting...).
    With *keep_signature* the old signature stays (a file tampered with by someone without the key)."""
    with zipfile.ZipFile(source) as z:
        files = {name: z.read(name) for name in z.namelist()}
    old_signature = files.pop(archive.SIGNATURE)
    manifest = json.loads(files.pop(archive.MANIFEST))
    if entries is not None:
        entries(files)
    manifest["files"] = {name: hashlib.sha256(body).hexdigest() for name, body in files.items()}
    manifest.update(manifest_changes or {})
    body = archive.dumps_json(manifest)
    files[archive.MANIFEST] = manifest_edit(body) if manifest_edit else body
    archive.write_archive(target, files, private_b64)
    if keep_signature:
        rewrite_zip(target, target.with_suffix(".tmp"), drop={archive.SIGNATURE},
                    add={archive.SIGNATURE: old_signature}).replace(target)
    return target


def insert_before_end(text: bytes, member: bytes) -> bytes:
    """Add a raw `"key": value` member to a JSON object's text (before its closing brace)."""
    end = text.rstrip().rindex(b"}")
    return text[:end].rstrip() + b",\n " + member + b"\n}"
