"""An office's signed export of its year's progress, evidence and round records."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain.capabilities import require
from ..domain.labels import row_labels
from ..domain.thai import format_be_date, to_arabic_digits
from ..errors import TratError
from ..exchange import archive, formats, round_records
from ..store import evidence as evidence_store
from ..store import exchange as exchange_store
from ..store import progress as progress_store
from ..store import rounds as round_store
from ..store.connection import SCHEMA_VERSION
from ..i18n import _, ngettext
from .exchange_keys import ExchangeKeys
from .progress import ProgressService


def safe_name(text: str) -> str:
    return re.sub(r"[^\w.\-ก-๙]+", "_", text).strip("_") or "office"


class OfficeExport:
    """Exports for an office (and the verification code printed on its report)."""

    def __init__(self, progress: ProgressService, keys: ExchangeKeys) -> None:
        self.progress = progress
        self.plans = progress.plans
        self._db = progress.plans.db
        self.keys = keys

    def export_office(self, out: Path | None = None, fiscal_year: int | None = None,
                      folder: Path | None = None, final_round: str | None = None) -> tuple[Path, int]:
        """Write this office's signed export for a year; returns (path, sequence number). *final_round*
        marks the file made at a round's sign-off (the final file of that round)."""
        me = self.progress.identity()
        require(me, "export_office_file")
        plan = self.plans.load_plan(fiscal_year)
        pair = self.keys.my_keys()
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
                out = (folder or Path.cwd()) / f"{safe_name(short)}_{stamp}_ฉบับที่{sequence}.trat"
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
            shown = [_("“{file}” (ตัวชี้วัด {row} ไตรมาส {quarter})").format(
                file=e.file_name, row=labels.get(e.indicator_uid, e.indicator_uid[:8]), quarter=e.quarter)
                for e in missing[:10]]
            more = (ngettext(" และอีก {count} ไฟล์", " และอีก {count} ไฟล์", len(missing) - 10).format(
                count=len(missing) - 10) if len(missing) > 10 else "")
            raise TratError(ngettext(
                "ส่งออกไม่ได้ เพราะไม่พบไฟล์หลักฐาน {count} ไฟล์ในเครื่องนี้ (หรือไฟล์เสียหาย): {files}{more} "
                "— กู้คืนจากไฟล์สำรองที่มีไฟล์หลักฐาน หรือนำไฟล์เหล่านี้ออกจากหลักฐานแล้วแนบใหม่ ยังไม่ได้ใช้เลขลำดับการส่งออก",
                "ส่งออกไม่ได้ เพราะไม่พบไฟล์หลักฐาน {count} ไฟล์ในเครื่องนี้ (หรือไฟล์เสียหาย): {files}{more} "
                "— กู้คืนจากไฟล์สำรองที่มีไฟล์หลักฐาน หรือนำไฟล์เหล่านี้ออกจากหลักฐานแล้วแนบใหม่ ยังไม่ได้ใช้เลขลำดับการส่งออก",
                len(missing)).format(count=len(missing), files=", ".join(shown), more=more))
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
