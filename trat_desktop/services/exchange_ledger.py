"""The coordinator's bookkeeping of imports: the ledger, pending conflicts and held values, backups, undo."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain import merge, plan_fit
from ..domain.capabilities import require
from ..domain.labels import row_labels
from ..domain.progress import ProgressEntry
from ..errors import TratError
from ..store import audit as audit_store
from ..store import backup as backup_store
from ..store import evidence as evidence_store
from ..store import exchange as exchange_store
from ..store import progress as progress_store
from . import backup as backup_service
from .progress import ProgressService
from ..i18n import _, language, remake

BACKUPS_KEPT = 10


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


def all_row_labels(plans: Any) -> dict[str, str]:
    """Every year's rows' readable labels, by row uid."""
    return {uid: label for year in plans.fiscal_years() for uid, label in row_labels(plans.load_plan(year)).items()}


class ExchangeLedger:
    """What the coordinator keeps about imported files and settles afterwards."""

    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress
        self.plans = progress.plans
        self._db = progress.plans.db

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
        labels = all_row_labels(self.plans)
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
                raise TratError(_("ไม่พบค่าที่พักไว้นี้ (อาจตัดสินไปแล้ว)"))
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
        """The import ledger, newest first; each reason in the screen's language (stored in Thai, with the
        recipe it is made again from; older rows have none and show as stored)."""
        rows = exchange_store.ledger(self._db)
        for row in rows:
            row["reason"] = remake(row.pop("reason_key", ""), language()) or row["reason"]
        return rows

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
            raise TratError(_("ไม่มีการนำเข้าที่ยกเลิกได้"))
        run = [r for r in exchange_store.ledger(self._db, 100000) if r["backup_path"] == last["backup_path"]]
        high = max(r["audit_high"] for r in run)
        if exchange_store.audit_high(self._db) > high:
            raise TratError(_("มีการแก้ไขข้อมูลหลังการนำเข้าครั้งล่าสุดแล้ว จึงยกเลิกการนำเข้าไม่ได้ "
                               "(ใช้การกู้คืนจากไฟล์สำรองแทน)"))
        path = Path(last["backup_path"])
        backup_store.restore_from(self._db, path)
        audit_store.record(self._db, at=self.progress.now(), actor=me.actor(), action="undo_import", entity="import",
               entity_uid=path.name, field="files", old=json.dumps([r["file_name"] for r in run], ensure_ascii=False))
        return {"backup": str(path), "files": [r["file_name"] for r in run]}

    def snapshot(self) -> list[tuple[Any, ...]]:
        """Every progress value, pending conflict, attachment and withdrawal, for comparing final states."""
        return exchange_store.progress_snapshot(self._db) + evidence_store.evidence_snapshot(self._db)

