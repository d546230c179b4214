"""Who uses this installation: an office or the provincial coordinator, and who signs."""

from __future__ import annotations

from typing import Literal, NamedTuple

from ..errors import TratError
from ..i18n import N_, _
from .text import clean_text

Role = Literal["office", "coordinator"]
#: the coordinator's name as files and reports carry it (Thai); the screen shows ``_(COORDINATOR_NAME)``
COORDINATOR_NAME = N_("ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราด")
ROLE_TEXT = {"office": N_("หน่วยงาน"), "coordinator": COORDINATOR_NAME}
MAX_FIELD = 200
FIELD_NAMES = {"role": N_("บทบาท"), "office_uid": N_("รหัสหน่วยงาน"), "office_name": N_("ชื่อหน่วยงาน"),
               "reporter_name": N_("ชื่อผู้รายงาน"), "reporter_position": N_("ตำแหน่งผู้รายงาน"),
               "reporter_phone": N_("โทรศัพท์ผู้รายงาน"), "head_name": N_("ชื่อหัวหน้าหน่วยงาน"),
               "head_position": N_("ตำแหน่งหัวหน้าหน่วยงาน")}


class PermissionDenied(TratError):
    """The installation's role does not allow this change."""


class Identity(NamedTuple):
    """This installation's role, its office and the people named on signed reports."""

    role: Role | None = None
    office_uid: str = ""
    office_name: str = ""
    reporter_name: str = ""
    reporter_position: str = ""
    reporter_phone: str = ""
    head_name: str = ""
    head_position: str = ""

    @property
    def is_set_up(self) -> bool:
        return self.role == "coordinator" or (self.role == "office" and bool(self.office_uid))

    @property
    def display_name(self) -> str:
        if self.role == "coordinator":
            return COORDINATOR_NAME
        return self.office_name or "ยังไม่ได้ตั้งค่า"

    def actor(self) -> str:
        """How this installation's changes are signed in the audit log."""
        who = self.reporter_name or "ไม่ระบุชื่อ"
        return f"{who} ({self.display_name})"

    def check_can_write(self, agency_uid: str) -> None:
        """The rule: an office writes only its own rows; the coordinator may write any office's."""
        if self.role == "coordinator":
            return
        if self.role != "office" or not self.office_uid:
            raise PermissionDenied(_("ยังไม่ได้ตั้งค่าว่าเครื่องนี้เป็นของหน่วยงานใด โปรดตั้งค่าก่อนบันทึกผล"))
        if agency_uid != self.office_uid:
            raise PermissionDenied(_("{office} บันทึกผลได้เฉพาะตัวชี้วัดของหน่วยงานตนเอง").format(office=self.office_name))

    def check_can_edit_plan(self) -> None:
        """The rule (domain/capabilities.py): only the provincial coordinator edits the plan and the agency list."""
        from .capabilities import require  # that module builds on this one

        require(self, "edit_plan")

    def as_settings(self) -> dict[str, str]:
        return {name: str(getattr(self, name) or "") for name in self._fields}

    @classmethod
    def from_settings(cls, values: dict[str, str]) -> "Identity":
        known = set(cls._fields)
        data = {k: v for k, v in values.items() if k in known}
        if data.get("role") not in ("office", "coordinator"):
            data["role"] = None  # type: ignore[assignment]
        return cls(**data)  # type: ignore[arg-type]

    def validated(self) -> "Identity":
        """Check lengths and role; raises TratError in Thai."""
        if self.role not in ("office", "coordinator"):
            raise TratError(_("ต้องเลือกบทบาท: หน่วยงาน หรือ ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราด"))
        if self.role == "office" and not self.office_uid:
            raise TratError(_("ต้องเลือกหน่วยงาน"))
        for name in self._fields:
            value = getattr(self, name) or ""
            if len(value) > MAX_FIELD:
                raise TratError(_("ข้อมูล “{field}” ยาวเกิน {limit} ตัวอักษร").format(field=_(FIELD_NAMES[name]), limit=MAX_FIELD))
            if any(ord(ch) < 32 for ch in value):
                raise TratError(_("ข้อมูล “{field}” มีอักขระควบคุมที่ใช้ไม่ได้").format(field=_(FIELD_NAMES[name])))
        return self

    def cleaned(self) -> "Identity":
        """The same identity with every text field in its stored form (pasted line breaks, controls)."""
        return Identity(**{name: getattr(self, name) if name == "role" else clean_text(getattr(self, name))
                           for name in self._fields})
