"""Agencies that may be one office: the pending "possible duplicate" pairs a plan document left, and
the coordinator's decisions (merge, keep apart, undo). No SQL here (``store.agencies``) and no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain.agencies import HOME_PROVINCE, province_of
from ..errors import TratError
from ..store import agencies as agency_store
from .progress import ProgressService
from ..i18n import _


@dataclass(frozen=True)
class DuplicatePair:
    """A new agency that may be the same office as a known one, waiting for the coordinator."""

    id: int
    agency_uid: str
    agency_name: str
    agency_rows: int
    other_uid: str
    other_name: str
    other_rows: int
    source: str
    found_at: str

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Decision:
    """A merge or keep-apart, as stored (for the message after it and for undo)."""

    id: int
    action: str
    kept_uid: str
    other_uid: str
    kept_name: str
    other_name: str


class AgencyService:
    """Settle possible duplicate agencies (coordinator only); every decision can be undone."""

    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress
        self.plans = progress.plans
        self._db = progress.plans.db

    def _who(self) -> tuple[str, str]:
        from .plan_edit import plan_editor

        return plan_editor(self.progress)

    def pending(self) -> list[DuplicatePair]:
        """Pairs the plan documents left for the coordinator, oldest first."""
        return [DuplicatePair(r["id"], r["agency_uid"], r["agency_name"], r["agency_rows"], r["other_uid"],
                              r["other_name"], r["other_rows"], r["source"], r["found_at"])
                for r in agency_store.duplicate_pairs(self._db)]

    def find(self, ref: str) -> tuple[str, str]:
        """An agency by its uid, number, name, short name or alias (exactly) -> (uid, name)."""
        text = " ".join(str(ref).split())
        agencies = self.plans.agencies()
        for test in (lambda a: text in (a.uid, str(a.id), a.name), lambda a: text == a.short_name,
                     lambda a: text in a.aliases):
            found = [a for a in agencies if test(a)]
            if len(found) == 1:
                return found[0].uid, found[0].name
            if len(found) > 1:
                raise TratError(_("“{text}” ตรงกับหลายหน่วยงาน: {names} โปรดระบุด้วยชื่อเต็มหรือรหัส (uid)").format(
                    text=text, names=", ".join(a.name for a in found[:5])))
        raise TratError(_("ไม่พบหน่วยงาน “{text}” (ระบุด้วยชื่อเต็ม ชื่อย่อ ชื่ออื่น หรือรหัส uid)").format(
                            text=text))

    def merge(self, keep: str, other: str) -> Decision:
        """*other* becomes part of *keep*: its rows, budget lines, progress and evidence move, its names
        stay as aliases of *keep*. Offices of different provinces are never merged."""
        keep_uid, keep_name = self.find(keep)
        other_uid, other_name = self.find(other)
        if keep_uid == other_uid:
            raise TratError(_("“{keep_name}” กับ “{other_name}” เป็นหน่วยงานเดียวกันอยู่แล้ว").format(
                                keep_name=keep_name, other_name=other_name))
        a, b = province_of(keep_name, HOME_PROVINCE), province_of(other_name, HOME_PROVINCE)
        if a != b:
            raise TratError(_("“{other_name}” (จังหวัด{b}) กับ “{keep_name}” (จังหวัด{a}) อยู่ต่างจังหวัดกัน "
                               "จึงเป็นคนละหน่วยงาน รวมกันไม่ได้").format(
                                other_name=other_name, b=b, keep_name=keep_name, a=a))
        actor, at = self._who()
        row = agency_store.merge_agencies(self._db, keep_uid, other_uid, actor, at)
        return Decision(row["id"], "merge", keep_uid, other_uid, keep_name, other_name)

    def keep_apart(self, a: str, b: str) -> Decision:
        """The two are different offices: the pair is settled and never suggested again."""
        a_uid, a_name = self.find(a)
        b_uid, b_name = self.find(b)
        actor, at = self._who()
        row = agency_store.keep_apart(self._db, a_uid, b_uid, actor, at)
        return Decision(row["id"], "keep_apart", a_uid, b_uid, a_name, b_name)

    def can_undo(self) -> bool:
        return agency_store.last_decision(self._db) is not None

    def undo(self) -> Decision:
        """Undo the newest merge or keep-apart."""
        actor, at = self._who()
        row = agency_store.undo_decision(self._db, actor, at)
        names = {a.uid: a.name for a in self.plans.agencies()}
        return Decision(row["id"], row["action"], row["kept_uid"], row["other_uid"],
                        names.get(row["kept_uid"], row["kept_uid"]), names.get(row["other_uid"], row["other_uid"]))


def decision_text(decision: Decision, undone: bool = False) -> str:
    """The sentence that tells the user what happened (in the screen's language)."""
    names = {"other": decision.other_name, "kept": decision.kept_name}
    if decision.action == "merge":
        if undone:
            return _("ยกเลิกการรวม “{other}” กับ “{kept}” แล้ว").format(**names)
        return _("รวม “{other}” เข้ากับ “{kept}” แล้ว (ชื่อเดิมเก็บไว้เป็นชื่ออื่นของหน่วยงาน)").format(**names)
    if undone:
        return _("ยกเลิกการแยก “{kept}” กับ “{other}” แล้ว (กลับไปรอการตัดสินใจ)").format(**names)
    return _("บันทึกแล้วว่า “{kept}” กับ “{other}” เป็นคนละหน่วยงาน").format(**names)
