"""A plan document for a year: a new year is stored at once; a revised document for a year that
already has a plan is matched to it by content (domain/plan_match), previewed, and applied in place.

The preview says which rows are added, removed, changed (old -> new) and unmatched, and what happens
to recorded progress: it stays on its row (by uid) and is only shown under another label, or it no
longer fits the plan and is kept aside (domain/plan_fit). A document that would remove most of the
plan is refused with a Thai message and nothing changes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from ..domain import plan_rules
from ..domain.capabilities import require, signs_changes
from ..domain.identity import Identity
from ..domain.labels import row_labels
from ..domain.model import Agency, Plan
from ..domain.plan_fit import Misfit, affected_by
from ..domain.plan_match import PlanDiff, match_plans, revised_plan, summary_lines
from ..errors import TratError
from ..i18n import _, ngettext
from ..store import agencies as agency_store
from ..store import plan_revision as revision_store
from ..store import plans as plan_store
from ..store import progress as progress_store
from ..store import settings as settings_store


class PlanImportRefused(TratError):
    """The document would replace most of the plan (or has no plan table rows); nothing changed."""


@dataclass
class PlanImport:
    """What importing a plan document would do (nothing has changed yet)."""

    plan: Plan
    agencies: list[Agency]
    existing: Plan | None = None
    diff: PlanDiff | None = None
    kept_aside: list[Misfit] = field(default_factory=list)
    #: (old label, new label, recorded values) of rows whose progress is now shown under another label
    progress_moves: list[tuple[str, str, int]] = field(default_factory=list)
    labels_before: dict[str, str] = field(default_factory=dict)
    agency_names: dict[str, str] = field(default_factory=dict)
    #: row uid -> trash id of removed rows the document brings back
    restored_trash: dict[str, int] = field(default_factory=dict)
    #: (new agency uid, known agency uid, where) the reader thinks may be one office (the coordinator decides)
    possible_duplicates: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def is_revision(self) -> bool:
        return self.existing is not None

    @property
    def changes_nothing(self) -> bool:
        return self.diff is not None and self.diff.is_empty

    def lines(self) -> list[str]:
        """The preview as lines in the screen's language."""
        year = self.plan.fiscal_year
        if self.existing is None:
            count = len(self.plan.rows())
            return [ngettext("แผนปีงบประมาณ พ.ศ. {year} ยังไม่มีในฐานข้อมูล: นำเข้าเป็นแผนใหม่ ({count} ตัวชี้วัด)",
                             "แผนปีงบประมาณ พ.ศ. {year} ยังไม่มีในฐานข้อมูล: นำเข้าเป็นแผนใหม่ ({count} ตัวชี้วัด)",
                             count).format(year=year, count=count)]
        assert self.diff is not None
        out = [_("แผนปีงบประมาณ พ.ศ. {year} มีอยู่แล้ว (ฉบับที่ {revision}) "
                 "เปรียบเทียบกับเอกสาร “{source}” ตามเนื้อหา (ไม่ใช่ตามลำดับแถว)").format(
            year=year, revision=self.existing.revision, source=self.plan.source_name)]
        out += summary_lines(self.diff) if not self.diff.is_empty else [_("เอกสารนี้ไม่ต่างจากแผนที่มีอยู่")]
        out.append(_("ผลการดำเนินงานที่บันทึกไว้:"))
        for old, new, count in self.progress_moves:
            out.append("  " + ngettext("ตัวชี้วัด {old} → แสดงเป็น {new} (ผลที่บันทึกไว้ {count} รายการ อยู่กับตัวชี้วัดเดิม)",
                                       "ตัวชี้วัด {old} → แสดงเป็น {new} (ผลที่บันทึกไว้ {count} รายการ อยู่กับตัวชี้วัดเดิม)",
                                       count).format(old=old, new=new, count=count))
        for misfit in self.kept_aside:
            label = self.labels_before.get(misfit.indicator_uid, misfit.indicator_uid)
            agency = self.agency_names.get(misfit.agency_uid, misfit.agency_uid)
            out.append("  " + _("เก็บแยกไว้: ตัวชี้วัด {label} · {agency} · ไตรมาส {quarter} — {reason}").format(
                label=label, agency=agency, quarter=misfit.quarter, reason=misfit.message()))
        if not self.progress_moves and not self.kept_aside:
            out.append("  " + _("ไม่มีผลที่บันทึกไว้ได้รับผลกระทบ (ทุกค่าอยู่กับตัวชี้วัดเดิม)"))
        return out

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"fiscal_year": self.plan.fiscal_year, "source_name": self.plan.source_name,
                                "existing": self.existing is not None, "rows": len(self.plan.rows())}
        if self.diff is not None:
            data["diff"] = self.diff.as_json()
            data["progress_moves"] = [{"old_label": a, "new_label": b, "entries": n}
                                      for a, b, n in self.progress_moves]
            data["kept_aside"] = [{"indicator_uid": m.indicator_uid, "label": self.labels_before.get(m.indicator_uid, ""),
                                   "agency_uid": m.agency_uid, "agency": self.agency_names.get(m.agency_uid, ""),
                                   "quarter": m.quarter, "reasons": list(m.reasons), "message": m.message()}
                                  for m in self.kept_aside]
        return data


def _fresh_uid() -> str:
    return str(uuid.uuid4())


def refusal(existing: Plan, plan: Plan, diff: PlanDiff) -> str | None:
    """Why a revised document must not replace *existing* (None if it may): no plan table rows, or
    fewer than half of the existing rows found in it."""
    found = _("พบยุทธศาสตร์ {strategies} กลยุทธ์ {tactics} โครงการ/กิจกรรม {activities} ตัวชี้วัด {rows} แถว").format(
        strategies=len(plan.strategies), tactics=sum(len(s.tactics) for s in plan.strategies),
        activities=len(plan.activities()), rows=len(plan.rows()))
    old_rows = len(existing.rows())
    if not plan.rows() and old_rows:
        return _("เอกสาร “{source}” ไม่มีแถวตัวชี้วัดในตารางแผน ({found}) จึงไม่นำมาแทนแผน"
                 "ปีงบประมาณ พ.ศ. {year} ที่มี {old_rows} แถว ฐานข้อมูลไม่เปลี่ยนแปลง "
                 "(เอกสารอาจถูกบันทึกเป็นข้อความโดยไม่มีแท็บคั่นช่องตาราง)").format(
            source=plan.source_name, found=found, year=plan.fiscal_year, old_rows=old_rows)
    if old_rows and diff.matched_rows * 2 < old_rows:
        return _("เอกสาร “{source}” ({found}) ตรงกับแผนปีงบประมาณ พ.ศ. {year} "
                 "เพียง {matched} จาก {old_rows} แถว การนำเข้าจะนำตัวชี้วัดเดิมออกเกินครึ่งแผน "
                 "จึงไม่นำเข้า ฐานข้อมูลไม่เปลี่ยนแปลง (ตรวจสอบว่าเป็นเอกสารของปีและจังหวัดนี้)").format(
            source=plan.source_name, found=found, year=plan.fiscal_year, matched=diff.matched_rows, old_rows=old_rows)
    return None


def preview(plans: Any, plan: Plan, agencies: list[Agency]) -> PlanImport:
    """What storing *plan* (as read from a document) would do; raises PlanImportRefused."""
    if plan.fiscal_year not in plans.fiscal_years():
        return PlanImport(plan, agencies)
    require(Identity.from_settings(settings_store.load_settings(plans.db)), "apply_plan_document")
    existing = plans.load_plan(plan.fiscal_year)
    plan.warnings.extend(plan_rules.repair_duplicates(plan))  # as a new year's plan is stored: codes unique
    trashed = revision_store.trashed_rows(plans.db, plan.fiscal_year)
    diff = match_plans(existing, plan, [(activity, row) for _id, activity, row in trashed])
    why = refusal(existing, plan, diff)
    if why:
        raise PlanImportRefused(why)
    revised = revised_plan(existing, plan, diff, _fresh_uid)
    names = {a.uid: a.name for a in plans.known_agencies()} | {a.uid: a.name for a in agencies}
    old_uids = {r.uid for r in existing.rows()}
    entries = [e for e in progress_store.load_entries(plans.db, old_uids)]
    counts: dict[str, int] = {}
    for e in entries:
        if not e.is_blank():
            counts[e.indicator_uid] = counts.get(e.indicator_uid, 0) + 1
    moves = [(a, b, counts[uid]) for uid, (a, b) in diff.relabelled.items() if counts.get(uid)]
    trash_ids: dict[str, int] = {}
    for trash_id, _activity, row in trashed:  # newest first, as matched
        trash_ids.setdefault(row.uid, trash_id)
    restored = {ref.uid: trash_ids[ref.uid] for ref in diff.restored}
    return PlanImport(revised, agencies, existing, diff, affected_by(existing, revised, entries, names), moves,
                      row_labels(existing), names, restored)


def apply(plans: Any, result: PlanImport, now: dt.datetime | None = None) -> Plan:
    """Store a previewed import in one transaction: a new year as read, a revision in place; with the
    possible duplicate agencies the reader found, for the coordinator to settle."""
    db = plans.db
    at = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    with db.atomic():
        if result.existing is None:
            plan_store.save_plan(db, result.plan, result.agencies)
        else:
            me = Identity.from_settings(settings_store.load_settings(db))
            revision_store.save_revision(db, result.plan, result.agencies, signs_changes(me), at,
                                         result.restored_trash)
        agency_store.record_possible_duplicates(db, result.possible_duplicates, at)
    return plans.load_plan(result.plan.fiscal_year)
