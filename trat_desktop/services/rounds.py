"""The reporting cycle at an office: the year's rounds, the open one and its due date, the head of office's
sign-off that locks a round's values, and withdrawing it; the coordinator sets the rounds' dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..domain import rounds as rules
from ..domain.capabilities import require
from ..domain.thai import to_thai_digits
from ..errors import TratError
from ..store import rounds as round_store
from .progress import ProgressService

MAX_REASON = 1000


@dataclass(frozen=True)
class RoundView:
    """A round as an office sees it."""

    round: rules.Round
    state: str                 # "open" | "submitted" | "withdrawn"
    submission: round_store.Submission | None
    changed_after_signoff: int

    def as_json(self) -> dict[str, Any]:
        data = self.round.as_json()
        data.update(state=self.state, changed_after_signoff=self.changed_after_signoff)
        if self.submission is not None:
            s = self.submission
            data["submission"] = {"state": s.state, "signer_name": s.signer_name, "signer_position": s.signer_position,
                                  "signed_on": s.signed_on, "reason": s.reason, "at": s.at}
        return data


class RoundService:
    """Rounds of a fiscal year over the progress service's database."""

    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress
        self._db = progress.plans.db

    def rounds(self, fiscal_year: int) -> list[rules.Round]:
        return rules.rounds_of_year(fiscal_year, round_store.round_dates(self._db, fiscal_year))

    def find(self, fiscal_year: int, round_id: str) -> rules.Round:
        key = rules.check_round_id(round_id)
        return next(r for r in self.rounds(fiscal_year) if r.id == key)

    def open_round(self, fiscal_year: int, today: dt.date | None = None) -> rules.Round | None:
        return rules.open_round(self.rounds(fiscal_year), today or self.progress.today())

    def header_text(self, fiscal_year: int, today: dt.date | None = None) -> str:
        """'ไตรมาส ๒ · ครบกำหนดส่ง ๑๕ เม.ย. ๒๕๖๙ อีก ๓ วัน' for the office's grid header ('' outside the year)."""
        today = today or self.progress.today()
        item = rules.open_round(self.rounds(fiscal_year), today)
        if item is None:
            return ""
        state = self.views(fiscal_year).get(item.id)
        if state is not None and state.state == "submitted":
            return f"{item.name} · ลงนามส่งรายงานแล้ว"
        return f"{item.name} · {rules.due_text(item, today)}"

    # -- coordinator ---------------------------------------------------------------------------
    def set_dates(self, fiscal_year: int, round_id: str, start: Any = None, end: Any = None,
                  due: Any = None) -> rules.Round:
        """Change a round's period and/or due date (Thai BE or ISO dates as typed)."""
        me = self.progress.identity()
        require(me, "set_rounds")
        if fiscal_year not in self.progress.plans.fiscal_years():
            raise TratError(f"ไม่มีแผนของปีงบประมาณ พ.ศ. {to_thai_digits(str(fiscal_year))}")
        current = self.find(fiscal_year, round_id)
        changed = rules.Round(
            fiscal_year, current.id,
            rules.parse_date(start) if start else current.start,
            rules.parse_date(end) if end else current.end,
            rules.parse_date(due) if due else current.due)
        rules.check_dates(changed)
        round_store.save_round_dates(self._db, fiscal_year, changed.id, changed.start, changed.end, changed.due,
                                     me.actor(), self.progress.now())
        return changed

    # -- office --------------------------------------------------------------------------------
    def views(self, fiscal_year: int, office_uid: str | None = None) -> dict[str, RoundView]:
        office_uid = office_uid or self.progress.identity().office_uid
        subs = round_store.submissions(self._db, office_uid, fiscal_year) if office_uid else {}
        found = {}
        for item in self.rounds(fiscal_year):
            sub = subs.get(item.id)
            state = sub.state if sub is not None else "open"
            changed = 0
            if sub is not None:
                changed = round_store.progress_changes_since(self._db, sub.audit_high, office_uid, item.quarters())
            found[item.id] = RoundView(item, state, sub, changed)
        return found

    def locked_quarters(self, fiscal_year: int, office_uid: str) -> dict[int, rules.Round]:
        states = {k: s.state for k, s in round_store.submissions(self._db, office_uid, fiscal_year).items()}
        return rules.locked_quarters(self.rounds(fiscal_year), states)

    def check_not_locked(self, fiscal_year: int, office_uid: str, quarter: int) -> None:
        """Raise in Thai when a round this office signed off locks *quarter* of *fiscal_year*."""
        locked = self.locked_quarters(fiscal_year, office_uid).get(quarter)
        if locked is not None:
            raise TratError(rules.lock_message(locked, quarter))

    def missing(self, fiscal_year: int, round_id: str) -> list[rules.DueCell]:
        """The office's due cells that block a sign-off of the round."""
        item = self.find(fiscal_year, round_id)
        cells = []
        for work in self.progress.work_items(fiscal_year):
            for quarter in item.quarters():
                if quarter not in work.quarters():
                    continue
                entry = work.entries.get(quarter)
                cells.append(rules.DueCell(work.id, quarter, entry.achieved if entry else None,
                                           entry.status if entry else "not_started", entry.note if entry else ""))
        return rules.missing_for_round(cells)

    def submit(self, fiscal_year: int, round_id: str, signer_name: str = "", signer_position: str = "",
               signed_on: dt.date | None = None) -> RoundView:
        """The head of office's sign-off: every due row reported, then the round's values lock on this PC."""
        me = self.progress.identity()
        require(me, "submit_round")
        item = self.find(fiscal_year, round_id)
        current = self.views(fiscal_year).get(item.id)
        if current is not None and current.state == "submitted":
            raise TratError(f"{item.name}ลงนามส่งรายงานแล้ว (เมื่อ {current.submission.signed_on if current.submission else ''})")
        missing = self.missing(fiscal_year, item.id)
        if missing:
            listed = ", ".join(f"{c.label} ไตรมาส {to_thai_digits(str(c.quarter))}" for c in missing[:10])
            more = f" และอีก {to_thai_digits(str(len(missing) - 10))} รายการ" if len(missing) > 10 else ""
            raise TratError(f"ยังส่ง{item.name}ไม่ได้: ตัวชี้วัดที่ถึงกำหนดยังไม่มีผล หรือมีสถานะแต่ไม่ระบุเหตุผล "
                            f"{to_thai_digits(str(len(missing)))} รายการ: {listed}{more}")
        name = (signer_name or me.head_name).strip()
        position = (signer_position or me.head_position).strip()
        if not name:
            raise TratError("ต้องระบุชื่อหัวหน้าส่วนราชการผู้ลงนาม")
        day = signed_on or self.progress.today()
        round_store.add_submission(self._db, me.office_uid, fiscal_year, item.id, "submitted",
                                   signer_name=name[:200], signer_position=position[:200], signed_on=day.isoformat(),
                                   actor=me.actor(), at=self.progress.now())
        return self.views(fiscal_year)[item.id]

    def withdraw(self, fiscal_year: int, round_id: str, reason: str) -> RoundView:
        """Take back a sign-off (with a reason) to correct values; they unlock on this PC."""
        me = self.progress.identity()
        require(me, "withdraw_round")
        item = self.find(fiscal_year, round_id)
        current = self.views(fiscal_year).get(item.id)
        if current is None or current.state != "submitted":
            raise TratError(f"{item.name}ยังไม่ได้ลงนามส่งรายงาน จึงไม่มีอะไรให้ถอน")
        reason = " ".join(str(reason or "").split())
        if not reason:
            raise TratError("ต้องระบุเหตุผลที่ถอนการส่งรายงาน")
        if len(reason) > MAX_REASON:
            raise TratError(f"เหตุผลยาวเกิน {MAX_REASON:,} ตัวอักษร")
        round_store.add_submission(self._db, me.office_uid, fiscal_year, item.id, "withdrawn", reason=reason,
                                   actor=me.actor(), at=self.progress.now())
        return self.views(fiscal_year)[item.id]
