"""The coordinator's plan editing: validated, audited, undoable, never losing progress."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from ..domain import plan_rules
from ..domain.agencies import agency_uid
from ..domain.model import BudgetValue, copy_for_year
from ..domain.plan_rules import PlanEditError
from ..domain.text import clean_text
from ..domain.thai import to_thai_digits
from ..errors import TratError
from ..store import plan_edit as edit_store
from ..store import plans as plan_store
from .progress import ProgressService

COPY_NS = uuid.UUID("5b8e3c2a-91f4-4d1b-a7c0-6e2f8d4b2570")


class NeedsConfirmation(TratError):
    """Removing this part would hide recorded progress; ask the user, then call again with confirm=True."""

    def __init__(self, message: str, progress_rows: int) -> None:
        super().__init__(message)
        self.progress_rows = progress_rows


@dataclass(frozen=True)
class Removal:
    """What a removal did, for undo: the trash entry that restores it."""

    entity: str
    uid: str
    trash_id: int
    progress_rows: int


class PlanEditService:
    """Plan and agency editing for the coordinator's installation."""

    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress
        self.plans = progress.plans
        self._db = progress.plans.db

    def _who(self) -> tuple[str, str]:
        me = self.progress.identity()
        me.check_can_edit_plan()
        return me.actor(), self.progress.now()

    # -- parts -----------------------------------------------------------
    def update(self, entity: str, uid: str, **fields: Any) -> dict[str, Any]:
        """Change fields of a strategy, tactic, activity or indicator row; returns the old values (for undo)."""
        clean = {name: plan_rules.clean_field(entity, name, value) for name, value in fields.items()}
        actor, at = self._who()
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
            raise PlanEditError(f"เพิ่ม “{entity}” ไม่ได้")
        values = {**defaults[entity], **fields}
        clean = {name: plan_rules.clean_field(entity, name, value) for name, value in values.items()}
        if entity == "indicator":
            plan_rules.check_period(clean["quarter_from"], clean["quarter_to"])
        actor, at = self._who()
        return edit_store.insert(self._db, entity, str(parent_uid), clean, actor, at, position)

    def progress_under(self, entity: str, uid: str) -> int:
        return edit_store.progress_count(self._db, edit_store.indicator_uids_under(self._db, entity, uid))

    def remove(self, entity: str, uid: str, confirm: bool = False) -> Removal:
        """Remove a part; with recorded progress inside, only after confirmation. Progress is kept."""
        actor, at = self._who()
        count = self.progress_under(entity, uid)
        if count and not confirm:
            raise NeedsConfirmation(
                f"{plan_rules.ENTITY_TEXT[entity]}นี้มีผลการดำเนินงานที่บันทึกไว้ {to_thai_digits(str(count))} รายการ "
                "ยืนยันการลบหรือไม่? ผลที่บันทึกไว้จะถูกเก็บไว้และกู้คืนได้", count)
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

    def set_agencies(self, indicator_uid: str, agency_uids: list[str]) -> list[str]:
        """Replace a row's responsible agencies; returns the old ones (for undo)."""
        if not agency_uids:
            raise PlanEditError("ตัวชี้วัดต้องมีหน่วยงานผู้รับผิดชอบอย่างน้อยหนึ่งหน่วยงาน")
        actor, at = self._who()
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
        actor, _ = self._who()
        if to_year in self.plans.fiscal_years():
            raise TratError(f"มีแผนของปีงบประมาณ พ.ศ. {to_year} อยู่แล้ว")
        if not 2500 <= to_year <= 2700:
            raise TratError(f"ปีงบประมาณ พ.ศ. {to_year} ไม่สมเหตุสมผล")
        source = self.plans.load_plan(from_year)
        twin = copy_for_year(source, to_year, lambda old: str(uuid.uuid5(COPY_NS, f"{to_year}/{old}")))
        plan_store.save_plan(self._db, twin)
        return to_year

    def orphaned_progress(self) -> int:
        """Progress rows whose indicator row no longer exists in any plan (kept, shown as flagged)."""
        return len(self.progress.orphaned_entries())
