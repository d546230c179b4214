"""The coordinator's plan editing: validated, audited, undoable, never losing progress."""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from ..domain import plan_fit, plan_rules
from ..domain.model import Plan
from ..domain.agencies import agency_uid
from ..domain.labels import row_labels
from ..domain.model import BudgetValue, copy_for_year
from ..domain.plan_rules import PlanEditError
from ..domain.text import clean_text
from ..domain.thai import shown_digits
from ..errors import TratError
from ..store import plan_edit as edit_store
from ..store import plans as plan_store
from ..store import progress as progress_store
from .progress import ProgressService
from ..i18n import _, ngettext

COPY_NS = uuid.UUID("5b8e3c2a-91f4-4d1b-a7c0-6e2f8d4b2570")


class NeedsConfirmation(TratError):
    """This edit would leave recorded progress outside the plan (or hide it, for a removal); ask the user,
    then call again with confirm=True. *affected* lists the values, *lines* says them in Thai."""

    def __init__(self, message: str, progress_rows: int, affected: list[plan_fit.Misfit] | None = None,
                 lines: list[str] | None = None) -> None:
        super().__init__(message)
        self.progress_rows = progress_rows
        self.affected = affected or []
        self.lines = lines or []


@dataclass
class Impact:
    """What an edit would do to recorded progress: the values it newly leaves outside the plan."""

    affected: list[plan_fit.Misfit] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Removal:
    """What a removal did, for undo: the trash entry that restores it."""

    entity: str
    uid: str
    trash_id: int
    progress_rows: int


def plan_editor(progress: ProgressService) -> tuple[str, str]:
    """(actor, time stamp) of a plan or agency change, refused in Thai unless the coordinator makes it."""
    me = progress.identity()
    me.check_can_edit_plan()
    return me.actor(), progress.now()


class PlanEditService:
    """Plan and agency editing for the coordinator's installation."""

    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress
        self.plans = progress.plans
        self._db = progress.plans.db

    def _who(self) -> tuple[str, str]:
        return plan_editor(self.progress)

    # -- what an edit does to recorded progress ---------------------------------
    def _impact(self, entity: str, uid: str, change: Callable[[Plan], None]) -> Impact:
        """The values *change* (applied to a copy of the part's plan) would newly leave outside the plan."""
        year = edit_store.fiscal_year_of(self._db, entity, uid)
        before = self.plans.load_plan(year)
        after = copy.deepcopy(before)
        change(after)
        uids = [row.uid for row in before.rows()]
        entries = progress_store.load_entries(self._db, uids)
        names = {a.uid: a.name for a in self.plans.agencies()}
        found = plan_fit.affected_by(before, after, entries, names)
        labels = row_labels(before)
        by_key = {(e.indicator_uid, e.agency_uid, e.quarter): e for e in entries}
        return Impact(found, plan_fit.describe(found, by_key, names, labels))

    def impact_of_update(self, entity: str, uid: str, **fields: Any) -> Impact:
        """What changing these fields would leave outside the plan (the fields cleaned first)."""
        if entity != "indicator":
            for name, value in fields.items():
                plan_rules.clean_field(entity, name, value)
            return Impact()  # names, titles and codes never leave values outside the plan
        return self.impact_of_row_edit(uid, fields)

    def impact_of_agencies(self, indicator_uid: str, agency_uids: list[str]) -> Impact:
        return self.impact_of_row_edit(indicator_uid, {}, agency_uids)

    def impact_of_removal(self, entity: str, uid: str) -> Impact:
        gone = set(edit_store.indicator_uids_under(self._db, entity, uid))

        def change(plan: Plan) -> None:
            for activity in plan.activities():
                activity.rows = [r for r in activity.rows if r.uid not in gone]
        return self._impact(entity, uid, change)

    def impact_of_row_edit(self, indicator_uid: str, fields: dict[str, Any],
                           agency_uids: list[str] | None = None) -> Impact:
        """Several changes of one indicator row at once (the CLI's ``plan edit indicator``)."""
        clean = {name: plan_rules.clean_field("indicator", name, value) for name, value in fields.items()}
        names = {a.uid: a.name for a in self.plans.agencies()}

        def change(plan: Plan) -> None:
            row = next(r for r in plan.rows() if r.uid == indicator_uid)
            for name, value in clean.items():
                setattr(row, name, value)
            if agency_uids is not None:
                row.agencies = [names[u] for u in agency_uids if u in names]
        return self._impact("indicator", indicator_uid, change)

    def edit_row(self, indicator_uid: str, fields: dict[str, Any], agency_uids: list[str] | None = None,
                 confirm: bool = False) -> Impact:
        """Change an indicator row's fields and/or agencies in one transaction; NeedsConfirmation (unless
        *confirm*) when recorded values would be left outside the plan. Returns what it left outside."""
        self._who()
        if agency_uids is not None and not agency_uids:
            raise PlanEditError(_("ตัวชี้วัดต้องมีหน่วยงานผู้รับผิดชอบอย่างน้อยหนึ่งหน่วยงาน"))
        impact = self.impact_of_row_edit(indicator_uid, fields, agency_uids)
        if not confirm:
            self._ask(impact, _("การแก้ไขนี้"))
        with self._db.atomic():
            if fields:
                self.update("indicator", indicator_uid, confirm=True, **fields)
            if agency_uids is not None:
                self.set_agencies(indicator_uid, agency_uids, confirm=True)
        return impact

    @staticmethod
    def _ask(impact: Impact, what: str) -> None:
        if impact.affected:
            outside = _(plan_fit.OUTSIDE_PLAN_TEXT)
            count = len(impact.affected)
            raise NeedsConfirmation(
                ngettext("{what}ทำให้ผลที่บันทึกไว้ {count} รายการ{outside}:", "{what}ทำให้ผลที่บันทึกไว้ {count} รายการ{outside}:",
                         count).format(what=what, count=shown_digits(count), outside=outside)
                + "\n" + "\n".join(impact.lines) + "\n"
                + _("ผลเหล่านี้จะไม่ถูกลบ: เก็บไว้และแสดงว่า “{outside}” หน่วยงานยังล้างหรือแก้ไขได้ ยืนยันการแก้ไขหรือไม่?"
                    ).format(outside=outside), count, impact.affected, impact.lines)

    # -- parts -----------------------------------------------------------
    def check_unique(self, entity: str, uid: str, parent_uid: str | None, clean: dict[str, Any]) -> None:
        """A number or code a sibling already has is refused in Thai (the schema refuses it too)."""
        key = {"strategy": "number", "tactic": "number", "activity": "code"}.get(entity)
        if key is None or key not in clean:
            return
        if parent_uid is None:  # an existing part
            year = edit_store.fiscal_year_of(self._db, entity, uid)
            parent_uid = edit_store.parent_uid_of(self._db, entity, uid)
        elif entity == "strategy":
            year = int(parent_uid)
        else:
            year = edit_store.fiscal_year_of(self._db, edit_store.TABLES[entity][2], parent_uid)
        plan_rules.check_unique(self.plans.load_plan(year), entity, parent_uid, clean[key], uid)

    def update(self, entity: str, uid: str, confirm: bool = False, **fields: Any) -> dict[str, Any]:
        """Change fields of a strategy, tactic, activity or indicator row; returns the old values (for undo).

        An edit that would leave recorded values outside the plan raises NeedsConfirmation unless *confirm*.
        """
        clean = {name: plan_rules.clean_field(entity, name, value) for name, value in fields.items()}
        actor, at = self._who()
        self.check_unique(entity, uid, None, clean)
        if not confirm:
            self._ask(self.impact_of_update(entity, uid, **fields), _("การแก้ไขนี้"))
        return edit_store.update_fields(self._db, entity, uid, clean, actor, at)

    def add(self, entity: str, parent_uid: str, position: int | None = None, **fields: Any) -> str:
        """Add a part under *parent_uid* (a fiscal year for a strategy); returns the new uid."""
        defaults = {
            "strategy": {"number": 1, "title": "ยุทธศาสตร์ใหม่", "goal": ""},
            "tactic": {"number": 1, "title": "กลยุทธ์ใหม่"},
            "activity": {"code": "1.1", "title": "กิจกรรมใหม่"},
            "indicator": {"unit": "ครั้ง", "target": None, "indicator": "", "expected_result": "",
                          "quarter_from": 1, "quarter_to": 4},
        }
        if entity not in defaults:
            raise PlanEditError(_("เพิ่ม “{entity}” ไม่ได้").format(entity=entity))
        values = {**defaults[entity], **fields}
        clean = {name: plan_rules.clean_field(entity, name, value) for name, value in values.items()}
        if entity == "indicator":
            plan_rules.check_period(clean["quarter_from"], clean["quarter_to"])
        actor, at = self._who()
        self.check_unique(entity, "", str(parent_uid), clean)
        return edit_store.insert(self._db, entity, str(parent_uid), clean, actor, at, position)

    def new_fields(self, entity: str, parent_uid: str) -> dict[str, Any]:
        """The number or code a new part under *parent_uid* gets (domain/plan_rules.py), for the editor."""
        if entity == "strategy":
            plan = self.plans.load_plan(int(parent_uid))
            return {"number": plan_rules.next_number(s.number for s in plan.strategies)}
        plan = self.plans.load_plan(edit_store.fiscal_year_of(
            self._db, {"tactic": "strategy", "activity": "tactic", "indicator": "activity"}[entity], parent_uid))
        if entity == "tactic":
            strategy = next(s for s in plan.strategies if s.uid == parent_uid)
            return {"number": plan_rules.next_number(t.number for t in strategy.tactics)}
        if entity == "activity":
            return {"code": plan_rules.next_code(plan, parent_uid)}
        return {}

    def progress_under(self, entity: str, uid: str) -> int:
        return edit_store.progress_count(self._db, edit_store.indicator_uids_under(self._db, entity, uid))

    def remove(self, entity: str, uid: str, confirm: bool = False) -> Removal:
        """Remove a part; with recorded progress inside, only after confirmation. Progress is kept."""
        actor, at = self._who()
        count = self.progress_under(entity, uid)
        if count and not confirm:
            impact = self.impact_of_removal(entity, uid)
            listed = ("\n" + "\n".join(impact.lines)) if impact.lines else ""
            raise NeedsConfirmation(
                ngettext("{part}นี้มีผลการดำเนินงานที่บันทึกไว้ {count} รายการ", "{part}นี้มีผลการดำเนินงานที่บันทึกไว้ {count} รายการ",
                         count).format(part=plan_rules.entity_text(entity), count=shown_digits(count))
                + listed + "\n"
                + _("ยืนยันการลบหรือไม่? ผลที่บันทึกไว้จะถูกเก็บไว้และกู้คืนได้ (แสดงว่า “{outside}”)").format(
                    outside=_(plan_fit.OUTSIDE_PLAN_TEXT)), count, impact.affected, impact.lines)
        trash_id = edit_store.remove(self._db, entity, uid, actor, at)
        return Removal(entity, uid, trash_id, count)

    def restore(self, trash_id: int) -> str:
        actor, at = self._who()
        return edit_store.restore(self._db, trash_id, actor, at)

    def trash(self) -> list[dict[str, Any]]:
        return edit_store.trash_items(self._db)

    def move(self, entity: str, uid: str, position: int) -> int:
        """Reorder a part among its siblings; returns the old position (for undo)."""
        actor, at = self._who()
        return edit_store.move(self._db, entity, uid, position, actor, at)

    def set_agencies(self, indicator_uid: str, agency_uids: list[str], confirm: bool = False) -> list[str]:
        """Replace a row's responsible agencies; returns the old ones (for undo). Taking a row from an
        office that recorded values on it raises NeedsConfirmation unless *confirm*."""
        if not agency_uids:
            raise PlanEditError(_("ตัวชี้วัดต้องมีหน่วยงานผู้รับผิดชอบอย่างน้อยหนึ่งหน่วยงาน"))
        actor, at = self._who()
        if not confirm:
            self._ask(self.impact_of_agencies(indicator_uid, agency_uids), _("การเปลี่ยนหน่วยงานผู้รับผิดชอบนี้"))
        return edit_store.set_assignments(self._db, indicator_uid, agency_uids, actor, at)

    def restore_agencies(self, indicator_uid: str, agency_uids: list[str]) -> None:
        """Undo of set_agencies: put back exactly the old list (which may be empty for a new row)."""
        actor, at = self._who()
        edit_store.set_assignments(self._db, indicator_uid, agency_uids, actor, at)

    def set_budget_lines(self, indicator_uid: str, lines: list[tuple[str, Any, str | None]]) -> list[tuple[BudgetValue, str | None]]:
        """Replace a row's budget lines, each (kind, amount in baht, agency uid or None); returns the old ones."""
        clean = [(plan_rules.clean_budget(kind, amount), agency) for kind, amount, agency in lines]
        actor, at = self._who()
        return edit_store.set_budget_lines(self._db, indicator_uid, clean, actor, at)

    def restore_budget_lines(self, indicator_uid: str, lines: list[tuple[BudgetValue, str | None]]) -> None:
        actor, at = self._who()
        edit_store.set_budget_lines(self._db, indicator_uid, lines, actor, at)

    # -- agencies --------------------------------------------------------
    def add_agency(self, name: str, short_name: str = "") -> str:
        name = plan_rules.clean_field("strategy", "title", name)
        actor, at = self._who()
        uid = agency_uid(name)
        edit_store.add_agency(self._db, uid, name, clean_text(short_name) or name, actor, at)
        return uid

    def update_agency(self, uid: str, name: str, short_name: str) -> None:
        name = plan_rules.clean_field("strategy", "title", name)
        actor, at = self._who()
        edit_store.update_agency(self._db, uid, name, clean_text(short_name) or name, actor, at)

    def set_aliases(self, uid: str, aliases: list[str]) -> None:
        clean = [c for c in (clean_text(a) for a in aliases) if c]
        actor, at = self._who()
        edit_store.set_aliases(self._db, uid, clean, actor, at)

    # -- years -----------------------------------------------------------
    def copy_year(self, from_year: int, to_year: int) -> int:
        """Copy a year's plan to another year (e.g. 2569 -> 2570) with new row ids and no progress."""
        actor, _at = self._who()  # not "_": that is the catalog
        if to_year in self.plans.fiscal_years():
            raise TratError(_("มีแผนของปีงบประมาณ พ.ศ. {to_year} อยู่แล้ว").format(to_year=to_year))
        if not 2500 <= to_year <= 2700:
            raise TratError(_("ปีงบประมาณ พ.ศ. {to_year} ไม่สมเหตุสมผล").format(to_year=to_year))
        source = self.plans.load_plan(from_year)
        twin = copy_for_year(source, to_year, lambda old: str(uuid.uuid5(COPY_NS, f"{to_year}/{old}")))
        plan_store.save_plan(self._db, twin)
        return to_year

    def orphaned_progress(self) -> int:
        """Progress rows whose indicator row no longer exists in any plan (kept, shown as flagged)."""
        return len(self.progress.orphaned_entries())
