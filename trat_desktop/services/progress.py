"""Progress entry and setup: who this installation is, its rows, and saving quarterly results."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from .. import paths
from ..domain import plan_fit
from ..domain.capabilities import can, edits_locally, own_office
from ..domain.identity import Identity, PermissionDenied
from ..domain.labels import LabelledRow, labelled_rows
if TYPE_CHECKING:  # (domain/figures is read when the bands are: the coordinator's first paint needs none)
    from ..domain.figures import Thresholds
    from ..store.audit_history import FieldChange
    from ..store.evidence import Evidence
from ..domain.model import IndicatorRow, Plan
from ..domain.progress import (
    ProgressEntry,
    ValidationError,
    allocated_satang,
    check_achieved,
    parse_achieved,
    parse_spent,
    parse_status,
    validate_entry,
)
from ..domain.text import clean_text
from ..errors import TratError
from ..store import audit as audit_store
from ..store import progress as progress_store
from ..store import settings as settings_store
from .plan import PlanService
from ..i18n import _

UNSET: Any = object()


def _evidence_store() -> Any:
    """store/evidence, read when evidence is (the coordinator's window opens on the plan without it)."""
    from ..store import evidence

    return evidence


@functools.lru_cache(maxsize=1)
def _default_thresholds() -> Thresholds:
    """The default bands, made once (a work item's until work_items gives it the installation's)."""
    from ..domain.figures import Thresholds

    return Thresholds()


@dataclass
class WorkItem:
    """One indicator row as one agency works on it, with its progress per quarter."""

    id: str
    indicator_uid: str
    strategy: int
    tactic: int
    activity_code: str
    activity_title: str
    indicator: str
    unit: str
    target: float | None
    quarter_from: int
    quarter_to: int
    agency_uid: str
    agency_name: str
    allocated_satang: int | None
    row: IndicatorRow
    entries: dict[int, ProgressEntry] = field(default_factory=dict)
    strategy_title: str = ""
    fiscal_year: int = 0
    strategy_uid: str = ""
    activity_uid: str = ""
    #: False for a row the agency no longer answers for, listed only because it still holds its values
    assigned: bool = True
    #: the installation's bands (domain/figures.py), so every standing of the item uses them
    thresholds: Thresholds = field(default_factory=_default_thresholds)

    @property
    def outside(self) -> dict[int, plan_fit.Misfit]:
        """Quarter -> why its recorded value no longer fits the plan (shown as "อยู่นอกแผนปัจจุบัน")."""
        found = {}
        for quarter, entry in self.entries.items():
            reasons = plan_fit.misfit_reasons(self.row, self.agency_name, entry)
            if reasons:
                found[quarter] = plan_fit.Misfit(self.indicator_uid, self.agency_uid, quarter, reasons)
        return found

    def quarters(self) -> range:
        return range(self.quarter_from, self.quarter_to + 1)

    def entry(self, quarter: int) -> ProgressEntry:
        return self.entries.get(quarter) or ProgressEntry(self.indicator_uid, self.agency_uid, quarter)

    def may_edit(self, quarter: int) -> bool:
        """Whether the office may change this quarter: inside the period of a row it answers for, or a
        kept value outside the plan (to clear or correct it)."""
        if self.assigned and quarter in self.quarters():
            return True
        return plan_fit.may_keep_editing(self.entries.get(quarter), self.row, self.agency_name, quarter)




class ProgressService:
    """Setup of the installation and quarterly progress, on the plan service's database."""

    def __init__(self, plans: PlanService, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.plans = plans
        self._db = plans.db
        self._clock = clock or (lambda: dt.datetime.now().astimezone())
        if clock is not None or plans.clock is None:
            plans.clock = self._clock

    def now(self) -> str:
        """The time stamp for a change, ISO 8601 with the UTC offset."""
        return self._clock().isoformat(timespec="seconds")

    def today(self) -> dt.date:
        return self._clock().date()

    def default_year(self) -> int | None:
        """The fiscal year being reported today that has a plan (:func:`..domain.fiscal.default_year`)."""
        return self.plans.default_year(self.today())

    @property
    def clock(self) -> Callable[[], dt.datetime]:
        """The clock this service dates things with (a copy of the service on another thread reuses it)."""
        return self._clock

    _now = now

    # -- identity --------------------------------------------------------
    def identity(self) -> Identity:
        return Identity.from_settings(settings_store.load_settings(self._db))

    def find_agency(self, name_or_id: str) -> tuple[str, str]:
        """An agency by id, uid, name, short name or alias -> (uid, canonical name)."""
        text = str(name_or_id).strip()
        agencies = self.plans.agencies()
        for a in agencies:
            if text in (str(a.id), a.uid, a.name, a.short_name) or text in a.aliases:
                return a.uid, a.name
        matches = [a for a in agencies if text and text in a.name]
        if len(matches) == 1:
            return matches[0].uid, matches[0].name
        if len(matches) > 1:
            raise TratError(_("“{text}” ตรงกับหลายหน่วยงาน: {names}").format(
                text=text, names=", ".join(a.name for a in matches[:5])))
        raise TratError(_("ไม่พบหน่วยงาน “{text}”").format(text=text))

    def set_identity(self, identity: Identity) -> Identity:
        """Save who this installation is (validated); the office name is taken from the agency list."""
        identity = identity.cleaned()
        if identity.role == "office":
            if not (identity.office_uid or identity.office_name).strip():
                raise TratError(_("ต้องเลือกหน่วยงาน"))
            uid, name = self.find_agency(identity.office_uid or identity.office_name)
            identity = Identity(**{**identity.as_settings(), "role": "office", "office_uid": uid, "office_name": name})
        elif identity.role == "coordinator":
            identity = Identity(**{**identity.as_settings(), "role": "coordinator", "office_uid": "", "office_name": ""})
        identity.validated()
        settings_store.save_settings(self._db, identity.as_settings(), identity.actor(), self._now())
        from .exchange import ExchangeService  # the installation's key pair is made at setup

        ExchangeService(self).my_keys()
        return identity

    # -- rows ------------------------------------------------------------
    def work_items(self, fiscal_year: int | None = None, agency_uid: str | None = None,
                   plan: Plan | None = None) -> list[WorkItem]:
        """The rows this installation works on: an office's own rows, or every assignment for the coordinator.

        The coordinator may narrow the list to one agency with *agency_uid*. *plan* is that year's plan
        when the caller has just read it (the entry page): it is not read again.
        """
        mine = own_office(self.identity())
        if mine is not None:
            agency_uid = mine
        if plan is None or (fiscal_year is not None and plan.fiscal_year != fiscal_year):
            plan = self.plans.office_plan(fiscal_year, mine) if mine else self.plans.load_plan(fiscal_year)
        names = {a.uid: a.name for a in self.plans.agencies()}
        uid_of = {name: uid for uid, name in names.items()}
        items: list[WorkItem] = []
        places = labelled_rows(plan)
        for place in places:
            row = place.row
            for agency in row.agencies:
                a_uid = uid_of[agency]
                if agency_uid is not None and a_uid != agency_uid:
                    continue
                items.append(self._item(place, a_uid, agency, plan.fiscal_year))
        entries = progress_store.load_entries(self._db, [r.uid for r in plan.rows()], agency_uid)
        by_key = {(e.indicator_uid, e.agency_uid, e.quarter): e for e in entries}
        # values an agency recorded on a row it no longer answers for: still listed, to clear or correct
        listed = {(i.indicator_uid, i.agency_uid) for i in items}
        position = {place.row.uid: place for place in places}
        for e in entries:
            if (e.indicator_uid, e.agency_uid) not in listed and not e.is_blank() and e.agency_uid in names:
                listed.add((e.indicator_uid, e.agency_uid))
                items.append(self._item(position[e.indicator_uid], e.agency_uid, names[e.agency_uid],
                                        plan.fiscal_year, assigned=False))
        for item in items:
            item.entries = {q: by_key[(item.indicator_uid, item.agency_uid, q)]
                            for q in range(1, 5) if (item.indicator_uid, item.agency_uid, q) in by_key}
        from .figures import thresholds_of

        thresholds = thresholds_of(self._db)
        for item in items:
            item.thresholds = thresholds
        order = {row.uid: n for n, row in enumerate(plan.rows())}
        items.sort(key=lambda i: order[i.indicator_uid])  # plan order (a kept row among its neighbours)
        return items

    @staticmethod
    def _item(place: LabelledRow, a_uid: str, agency: str, fiscal_year: int, assigned: bool = True) -> WorkItem:
        activity, row = place.activity, place.row
        return WorkItem(
            id=place.label, indicator_uid=row.uid, strategy=place.strategy.number, tactic=place.tactic.number,
            activity_code=activity.code, activity_title=activity.title, indicator=row.indicator, unit=row.unit,
            target=row.target, quarter_from=row.quarter_from, quarter_to=row.quarter_to, agency_uid=a_uid,
            agency_name=agency, allocated_satang=allocated_satang(row, agency) if assigned else None, row=row,
            strategy_title=place.strategy.title, fiscal_year=fiscal_year, assigned=assigned,
            strategy_uid=place.strategy.uid, activity_uid=activity.uid,
        )

    def find_item(self, item_id: str, agency: str | None = None, fiscal_year: int | None = None) -> WorkItem:
        """A work item by its id ('1/1.5/2') or indicator uid; the coordinator names the agency.

        The label is resolved to an indicator uid once, here; a label two rows share is refused in Thai.
        """
        me = self.identity()
        agency_uid = None
        if agency is not None:
            agency_uid = self.find_agency(agency)[0]
            me.check_can_write(agency_uid)
        items = self.work_items(fiscal_year, agency_uid)
        text = item_id.strip()
        uids = list(dict.fromkeys(i.indicator_uid for i in items if text in (i.id, i.indicator_uid)))
        if not uids and fiscal_year is None:  # an indicator uid names its year itself
            for year in self.plans.fiscal_years():
                items = self.work_items(year, agency_uid)
                uids = [i.indicator_uid for i in items if i.indicator_uid == text][:1]
                if uids:
                    break
        if len(uids) > 1:
            raise TratError(_("รหัส “{text}” ตรงกับตัวชี้วัด {count} แถว (มีกิจกรรมที่ใช้รหัสซ้ำกัน) โปรดระบุด้วยรหัสประจำแถว "
                               "(indicator_uid ใน progress list --json)").format(
                                text=text, count=len(uids)))
        uid = uids[0] if uids else ""
        candidates = [i for i in items if i.indicator_uid == uid]
        if not candidates:
            raise TratError(_("ไม่พบตัวชี้วัดรหัส “{item_id}” ในรายการของ{whose}").format(
                item_id=item_id, whose=_("หน่วยงานนี้") if own_office(me) is not None else _("แผน")))
        if len(candidates) > 1:
            raise TratError(_("ตัวชี้วัด “{item_id}” มีหลายหน่วยงานรับผิดชอบ ต้องระบุหน่วยงาน (--agency)").format(
                                item_id=item_id))
        return candidates[0]

    # -- writing ---------------------------------------------------------
    def set_progress(self, item: WorkItem, quarter: int, *, achieved: Any = UNSET, spent: Any = UNSET,
                     status: Any = UNSET, note: Any = UNSET, spent_satang: Any = UNSET,
                     result: Any = UNSET, problems: Any = UNSET, suggestions: Any = UNSET,
                     expected_revision: int | None = None) -> tuple[ProgressEntry, list[str]]:
        """Validate and save one quarter of one item; values may be text as typed (Thai or Arabic digits).

        *spent* is baht as typed (text) or satang (int); *spent_satang* is satang (int or None), for undo.
        Saving values equal to the stored ones changes nothing (no revision, no audit row).
        *result* (ผลการดำเนินงาน, the narrative) is stored as the entry's ``note`` (*note* is its old name);
        *problems* (ปัญหาอุปสรรค) and *suggestions* (ข้อเสนอแนะ/แนวทางแก้ไข) beside it.

        *expected_revision* (undo/redo): save only if the stored entry is still at that revision
        (StaleEditError otherwise: a newer value from elsewhere is never overwritten).

        Returns the stored entry and the warnings that did not block saving (e.g. over budget).
        Raises ValidationError or PermissionDenied (Thai messages) and then saves nothing.
        """
        me = self.identity()
        me.check_can_write(item.agency_uid)
        self.check_round_open(item, quarter)
        current = self.current_entry(item, quarter)
        changes: dict[str, Any] = {"reporter": me.reporter_name}
        if achieved is not UNSET:
            changes["achieved"] = (parse_achieved(achieved, item.row.unit) if isinstance(achieved, str)
                                   else achieved)
        if spent is not UNSET:
            changes["spent_satang"] = parse_spent(spent) if isinstance(spent, str) else spent
        if spent_satang is not UNSET:
            changes["spent_satang"] = spent_satang
        if status is not UNSET:
            changes["status"] = parse_status(status)
        if result is not UNSET:
            note = result
        if note is not UNSET:
            changes["note"] = clean_text(note, multiline=True)
        if problems is not UNSET:
            changes["problems"] = clean_text(problems, multiline=True)
        if suggestions is not UNSET:
            changes["suggestions"] = clean_text(suggestions, multiline=True)
        entry = current.with_changes(**changes)
        spent_elsewhere = sum(e.spent_satang or 0 for q, e in self._entries(item).items() if q != quarter)
        try:
            check = validate_entry(item.row, item.agency_name, entry, spent_elsewhere)
        except ValidationError:
            # a value kept outside the plan may still be cleared or corrected (domain/plan_fit.py)
            stored = progress_store.get_entry(self._db, item.indicator_uid, item.agency_uid, quarter)
            if not plan_fit.may_keep_editing(stored, item.row, item.agency_name, quarter):
                raise
            assert stored is not None
            check = plan_fit.check_kept_edit(item.row, stored, entry)
        stored = progress_store.save_entry(self._db, check.entry, me.actor(), self._now(),
                                           local_edit=edits_locally(me),
                                           expected_revision=expected_revision)
        item.entries[quarter] = stored
        return stored, check.warnings

    def open_comments(self, fiscal_year: int) -> dict[tuple[str, str, int], list[str]]:
        """The centre's comments on this office's rows not answered yet: (indicator, agency, quarter) -> texts."""
        from ..store import rounds as round_store

        me = self.identity()
        found: dict[tuple[str, str, int], list[str]] = {}
        if not can(me, "answer_comment"):
            return found
        for c in round_store.comments(self._db, fiscal_year, me.office_uid):
            if c.indicator_uid and c.quarter and not c.answer:
                found.setdefault((c.indicator_uid, me.office_uid, c.quarter), []).append(c.text)
        return found

    def round_header(self, fiscal_year: int, today: dt.date | None = None) -> str:
        """The open round and its due date for the entry page's header."""
        from .rounds import RoundService  # that service builds on this one

        return RoundService(self).header_text(fiscal_year, today)

    def signoff_times(self, fiscal_year: int) -> dict[str, dict[int, str]]:
        """Office uid -> quarter -> the latest sign-off covering it (values saved after it: "แก้ไขหลังลงนาม")."""
        from .rounds import RoundService  # that service builds on this one

        return RoundService(self).signoff_times(fiscal_year)

    def review_comments(self, fiscal_year: int) -> dict[tuple[str, str, int], list[tuple[str, str]]]:
        """At the centre: its comments per row × quarter with the offices' answers (ReviewService.row_comments)."""
        from .rounds import ReviewService  # that service builds on this one

        return ReviewService(self).row_comments(fiscal_year)

    def check_round_open(self, item: WorkItem, quarter: int) -> None:
        """A value of a round the head of office signed off stays as signed until the round is withdrawn."""
        from .rounds import RoundService  # that service builds on this one

        RoundService(self).check_not_locked(item.fiscal_year, item.agency_uid, quarter)

    def current_entry(self, item: WorkItem, quarter: int) -> ProgressEntry:
        return progress_store.get_entry(self._db, item.indicator_uid, item.agency_uid, quarter) or item.entry(quarter)

    def _entries(self, item: WorkItem) -> dict[int, ProgressEntry]:
        return {e.quarter: e for e in progress_store.load_entries(self._db, [item.indicator_uid], item.agency_uid)}

    def orphaned_entries(self) -> list[ProgressEntry]:
        """Progress whose indicator row is in no plan any more (removed or revised away): kept and flagged."""
        live = {row.uid for year in self.plans.fiscal_years() for row in self.plans.load_plan(year).rows()}
        return [e for e in progress_store.load_entries(self._db) if e.indicator_uid not in live]

    # -- evidence --------------------------------------------------------
    def evidence_folder(self) -> Path:
        return paths.evidence_dir(self.plans.data_dir)

    def attach_evidence(self, item: WorkItem, quarter: int, source: Path | str) -> Evidence:
        """Copy a file into the store (once per content) and attach it to a row's quarter."""
        me = self.check_can_attach(item, quarter)
        source = Path(source)
        self.plans.refuse_database_file(source)
        sha, size = _evidence_store().store_blob(self.evidence_folder(), source)
        return _evidence_store().add_evidence(self._db, item.indicator_uid, item.agency_uid, quarter, sha,
                                           source.name, size, me.actor(), self._now())

    def check_can_attach(self, item: WorkItem, quarter: int) -> Identity:
        """The rule for attaching to *item*'s *quarter*: the installation may write the row, and the
        quarter is inside the row's period, and no signed-off round locks it. Raises PermissionDenied,
        ValidationError or TratError (Thai)."""
        me = self.identity()
        me.check_can_write(item.agency_uid)
        if quarter not in item.quarters():
            raise ValidationError(_("ไตรมาส {quarter} อยู่นอกระยะเวลาดำเนินการของตัวชี้วัดนี้").format(
                                      quarter=quarter))
        self.check_round_open(item, quarter)
        return me

    def check_evidence_file(self, source: Path | str) -> int:
        """Refuse (TratError, Thai) a file that cannot be attached: missing, not a file, too large.
        Returns its size. attach_evidence checks the same; this lets a caller check several first."""
        return _evidence_store().check_source(Path(source))

    def all_evidence(self, fiscal_year: int | None = None) -> list[tuple[WorkItem, Evidence]]:
        """Every attachment on the rows this installation works on, in plan order."""
        return [(item, e) for item in self.work_items(fiscal_year) for e in self.evidence(item)]

    def find_evidence(self, evidence_id: int, fiscal_year: int | None = None) -> tuple[WorkItem, Evidence]:
        """An attachment by its id (as `evidence list` shows it), on this installation's rows."""
        for item, e in self.all_evidence(fiscal_year):
            if e.id == evidence_id:
                return item, e
        raise TratError(_("ไม่พบไฟล์หลักฐานรหัส {evidence_id} ในตัวชี้วัดของ{whose} (ดูรหัสได้จากคำสั่ง evidence list)").format(
            evidence_id=evidence_id, whose=_("หน่วยงานนี้") if own_office(self.identity()) is not None else _("แผน")))

    def evidence(self, item: WorkItem, quarter: int | None = None) -> list[Evidence]:
        return _evidence_store().list_evidence(self._db, item.indicator_uid, item.agency_uid, quarter)

    def evidence_path(self, evidence: Evidence) -> Path:
        """Where the attached file's content is, for opening with the system viewer."""
        return _evidence_store().blob_path(self.evidence_folder(), evidence.sha256)

    def remove_evidence(self, item: WorkItem, evidence_id: int) -> None:
        me = self.identity()
        me.check_can_write(item.agency_uid)
        mine = {e.id: e for e in self.evidence(item)}
        if evidence_id not in mine:
            raise TratError(_("ไม่พบไฟล์หลักฐานนี้ในตัวชี้วัดที่เลือก"))
        self.check_round_open(item, mine[evidence_id].quarter)
        _evidence_store().remove_evidence(self._db, evidence_id, me.actor(), self._now())

    def audit(self, limit: int = 200) -> list[dict[str, Any]]:
        return audit_store.audit_rows(self._db, limit=limit)

    def history(self, item: WorkItem, quarter: int, limit: int = 200) -> list[FieldChange]:
        """The audited changes of one cell, newest first, decoded whatever format the log wrote them in."""
        from ..store import audit_history  # (reading the log back: not needed to open the app)

        key = progress_store.entity_uid(ProgressEntry(item.indicator_uid, item.agency_uid, quarter))
        return audit_history.changes(self._db, "progress", key, limit)


__all__ = ["ProgressService", "WorkItem", "UNSET", "ValidationError", "PermissionDenied", "check_achieved"]
