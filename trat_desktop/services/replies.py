"""Replies (ใบตอบรับ): the coordinator's signed answer to an office, and the office taking it.

A reply holds a receipt of every file the centre imported from the office (sequence, time, status,
counts), the review state of each round, the comments, and unlock grants (a review state
``unlocked``). The office imports it with the same trust as plan packages (the coordinator's key pinned
by the first plan package or reply). Replies are ordered by their own sequence: one imported twice, or
an older one after a newer, changes nothing; a reply for another office is refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain.capabilities import require
from ..domain.rounds import ROUND_IDS, REVIEW_TEXT, be_date_text
from ..domain.text import clean_text
from ..domain.thai import shown_digits, to_thai_digits
from ..exchange import archive, formats, safe_json
from ..exchange.archive import BadArchive
from ..store import exchange as exchange_store
from ..store import rounds as round_store
from ..store import settings as settings_store
from ..store.connection import SCHEMA_VERSION
from .exchange import ExchangeService
from .exchange_import import refuse_unforeseen
from .plan_package import COORDINATOR_KEY, check_coordinator_key
from ..i18n import _

REPLY_SEQUENCE = "reply_sequence"
APPLIED = "reply_applied_sequence"
REPLY_STATES = ("received", "checked", "returned", "accepted", "unlocked")
MAX_ITEMS = 20_000


class ReplyService:
    def __init__(self, exchange: ExchangeService) -> None:
        self.exchange = exchange
        self.progress = exchange.progress
        self._db = exchange.plans.db

    # -- coordinator ---------------------------------------------------------------------------
    def reply_body(self, office_uid: str, fiscal_year: int) -> dict[str, Any]:
        receipts = [{"sequence": r["sequence"], "file_name": r["file_name"], "imported_at": r["imported_at"],
                     "status": r["status"],
                     "counts": f"เพิ่ม {r['added']} แก้ไข {r['updated']} คงเดิม {r['unchanged']} ขัดแย้ง {r['conflicts']}"}
                    for r in round_store.office_ledger(self._db, office_uid, fiscal_year) if r["sequence"] is not None]
        reviews = [{"round_id": r.round_id, "state": r.state, "comment": r.comment, "at": r.at}
                   for r in round_store.review_rows(self._db, office_uid, fiscal_year)]
        comments = [{"uid": c.uid, "round_id": c.round_id, "indicator_uid": c.indicator_uid, "quarter": c.quarter,
                     "text": c.text, "at": c.at} for c in round_store.comments(self._db, fiscal_year, office_uid)]
        return {"receipts": receipts, "reviews": reviews, "comments": comments}

    def export_reply(self, office: str, out: Path, fiscal_year: int) -> Path:
        """A signed reply file for one office (the receipt of its files, reviews, comments, unlocks)."""
        me = self.progress.identity()
        require(me, "export_reply")
        office_uid, office_name = self.progress.find_agency(office)
        pair = self.exchange.my_keys()
        body = archive.dumps_json(self.reply_body(office_uid, fiscal_year))
        with self._db.atomic():
            sequence = exchange_store.next_sequence(self._db, REPLY_SEQUENCE)
            manifest = {
                "format": formats.REPLY_FORMAT, "format_version": formats.FORMAT_VERSION,
                "schema_version": SCHEMA_VERSION, "app_version": __version__, "province": formats.PROVINCE,
                "fiscal_year": fiscal_year, "office": {"uid": office_uid, "name": office_name}, "sequence": sequence,
                "exported_at": self.progress.now(), "signer_public_key": pair.public_b64,
                "files": {"reply.json": hashlib.sha256(body).hexdigest()},
            }
            archive.write_archive(Path(out), {"reply.json": body, archive.MANIFEST: archive.dumps_json(manifest)},
                                  pair.private_b64)
        return Path(out)

    def export_all(self, folder: Path, fiscal_year: int) -> list[Path]:
        """A reply for every office with rows in the year's plan, into *folder*."""
        plan = self.exchange.plans.load_plan(fiscal_year)
        names = sorted({name for row in plan.rows() for name in row.agencies})
        short = {a.name: a.short_name or a.name for a in self.exchange.plans.agencies()}
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        made = []
        for name in names:
            safe = "".join(ch if ch.isalnum() or ch in ".-_" else "_" for ch in short.get(name, name))
            made.append(self.export_reply(name, folder / f"ใบตอบรับ_{safe}_{fiscal_year}.trat", fiscal_year))
        return made

    # -- office --------------------------------------------------------------------------------
    def import_reply(self, path: Path, trust_new: bool = False) -> dict[str, Any]:
        me = self.progress.identity()
        require(me, "import_reply")
        path = Path(path)
        return refuse_unforeseen(path, lambda: self._import(path, trust_new, me))

    def _import(self, path: Path, trust_new: bool, me: Any) -> dict[str, Any]:
        self.progress.plans.refuse_database_file(path)
        raw, manifest, public, _signed, _sha = formats.read_signed(path, formats.REPLY_FORMAT, formats.REPLY_ENTRIES)
        pinned, fp = check_coordinator_key(self._db, public, trust_new, _("ใบตอบรับ"), path.name)
        office = manifest.get("office")
        if not isinstance(office, dict) or office.get("uid") != me.office_uid:
            other = office.get("name") if isinstance(office, dict) and isinstance(office.get("name"), str) else _("หน่วยงานอื่น")
            raise BadArchive(_("ใบตอบรับ “{name}” เป็นของ{other} ไม่ใช่ของ{office_name}").format(
                                 name=path.name, other=other[:80], office_name=me.office_name))
        year = manifest["fiscal_year"]
        if year not in self.exchange.plans.fiscal_years():
            raise BadArchive(_("ใบตอบรับ “{name}” เป็นของปีงบประมาณ พ.ศ. {year} ซึ่งไม่มีแผนในเครื่องนี้").format(
                                 name=path.name, year=year))
        sequence = formats.check_sequence(manifest, path.name)
        applied = int(exchange_store.get_setting(self._db, APPLIED) or 0)
        if sequence <= applied:
            return {"status": "unchanged" if sequence == applied else "stale", "sequence": sequence,
                    "message": _("ใบตอบรับฉบับที่ {number} ไม่ใหม่กว่าฉบับที่นำเข้าแล้ว (ฉบับที่ {applied}) "
                                 "จึงไม่เปลี่ยนแปลงข้อมูล").format(number=shown_digits(sequence),
                                                               applied=shown_digits(applied))}
        if "reply.json" not in raw:
            raise BadArchive(_("ใบตอบรับ “{name}” ไม่มีข้อมูล").format(name=path.name))
        try:
            data = safe_json.loads(raw["reply.json"], max_depth=6)
        except safe_json.UnsafeJson as exc:
            raise BadArchive(_("ใบตอบรับ “{name}” อ่านไม่ได้: {message}").format(
                                 name=path.name, message=exc.message)) from None
        receipts, reviews, comments = _checked_body(data, path.name)
        now = self.progress.now()
        with self._db.atomic():
            if pinned is None:
                exchange_store.put_secret_setting(self._db, COORDINATOR_KEY, public, me.actor(), now, fp)
            counts = round_store.take_reply(self._db, me.office_uid, year, sequence, receipts, reviews, comments,
                                            me.actor(), now)
            settings_store.save_settings(self._db, {APPLIED: str(sequence)}, me.actor(), now)
        latest = max(receipts, key=lambda r: r["sequence"], default=None)
        text = (_("ศูนย์ฯ ได้รับไฟล์ฉบับที่ {number} เมื่อ {when}").format(
                    number=shown_digits(latest["sequence"]), when=_when(latest["imported_at"]))
                if latest else _("ศูนย์ฯ ยังไม่ได้รับไฟล์ใดจากหน่วยงานนี้"))
        return {"status": "imported", "sequence": sequence, "message": text, **counts}

    def receipts(self, fiscal_year: int) -> list[dict[str, Any]]:
        return round_store.receipts(self._db, fiscal_year)


def _when(iso: str) -> str:
    """'๒๐ เม.ย. ๒๕๖๙ ๐๙:๐๐ น.' (the text as given when it is no ISO time)."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)[:32]
    from ..i18n import language

    if language() != "th":  # an English screen: '20 Apr 2569 BE 09:00'
        return be_date_text(moment.date(), False, language=language()) + f" {moment.hour:02d}:{moment.minute:02d}"
    return be_date_text(moment.date()) + to_thai_digits(f" {moment.hour:02d}:{moment.minute:02d} น.")


def _list(data: Any, key: str, name: str) -> list[dict[str, Any]]:
    items = data.get(key, []) if isinstance(data, dict) else None
    if not isinstance(items, list) or len(items) > MAX_ITEMS or not all(isinstance(i, dict) for i in items):
        raise BadArchive(_("ใบตอบรับ “{name}” มีข้อมูลที่ไม่ถูกต้อง").format(name=name))
    return items


def _str(item: dict[str, Any], key: str, name: str, limit: int = 2000, required: bool = True) -> str:
    value = item.get(key, "")
    if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
        raise BadArchive(_("ใบตอบรับ “{name}” มีข้อมูลที่ไม่ถูกต้อง").format(name=name))
    return clean_text(value, multiline=True)


def _int(value: Any, name: str, low: int, high: int, nullable: bool = False) -> int | None:
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise BadArchive(_("ใบตอบรับ “{name}” มีข้อมูลที่ไม่ถูกต้อง").format(name=name))
    return value


def _checked_body(data: Any, name: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    receipts = [{"sequence": _int(r.get("sequence"), name, 1, formats.MAX_SEQUENCE),
                 "file_name": _str(r, "file_name", name, 300, False), "imported_at": _str(r, "imported_at", name, 40),
                 "status": _str(r, "status", name, 20), "counts": _str(r, "counts", name, 200, False)}
                for r in _list(data, "receipts", name)]
    reviews = []
    for r in _list(data, "reviews", name):
        if r.get("round_id") not in ROUND_IDS or r.get("state") not in REPLY_STATES:
            raise BadArchive(_("ใบตอบรับ “{name}” มีสถานะการตรวจที่ไม่ถูกต้อง").format(name=name))
        reviews.append({"round_id": r["round_id"], "state": r["state"], "comment": _str(r, "comment", name, 2000, False),
                        "at": _str(r, "at", name, 40)})
    comments = []
    for c in _list(data, "comments", name):
        round_id = c.get("round_id")
        if round_id is not None and round_id not in ROUND_IDS:
            raise BadArchive(_("ใบตอบรับ “{name}” มีความเห็นที่ไม่ถูกต้อง").format(name=name))
        try:
            uid = str(uuid.UUID(_str(c, "uid", name, 64)))
        except ValueError:
            raise BadArchive(_("ใบตอบรับ “{name}” มีความเห็นที่ไม่ถูกต้อง").format(name=name)) from None
        indicator = c.get("indicator_uid")
        if indicator is not None and (not isinstance(indicator, str) or len(indicator) > 64):
            raise BadArchive(_("ใบตอบรับ “{name}” มีความเห็นที่ไม่ถูกต้อง").format(name=name))
        comments.append({"uid": uid, "round_id": round_id, "indicator_uid": indicator,
                         "quarter": _int(c.get("quarter"), name, 1, 4, nullable=True),
                         "text": _str(c, "text", name), "at": _str(c, "at", name, 40)})
    return receipts, reviews, comments


__all__ = ["ReplyService", "REVIEW_TEXT"]
