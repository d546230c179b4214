"""Who may do what: one capability table that services and the GUI both ask.

An installation is an office (หน่วยงาน) or the provincial coordinator (ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราด).
Services call :func:`require` before they act; the GUI calls :func:`can` to decide what to show.
"""

from __future__ import annotations

from .identity import COORDINATOR_NAME, Identity, PermissionDenied

OFFICE, COORDINATOR = "office", "coordinator"

#: action -> (roles allowed, Thai refusal)
CAPABILITIES: dict[str, tuple[frozenset[str], str]] = {
    "edit_plan": (frozenset({COORDINATOR}), f"แก้ไขแผนได้เฉพาะ{COORDINATOR_NAME}"),
    "set_rounds": (frozenset({COORDINATOR}), f"กำหนดรอบรายงานและวันครบกำหนดได้เฉพาะ{COORDINATOR_NAME}"),
    "export_plan_package": (frozenset({COORDINATOR}), f"ส่งออกแพ็กเกจแผนได้เฉพาะ{COORDINATOR_NAME}"),
    "import_office_files": (frozenset({COORDINATOR}), f"นำเข้าไฟล์ของหน่วยงานได้เฉพาะ{COORDINATOR_NAME}"),
    "review": (frozenset({COORDINATOR}), f"ตรวจรับรายงานได้เฉพาะ{COORDINATOR_NAME}"),
    "comment": (frozenset({COORDINATOR}), f"ให้ความเห็นต่อรายงานได้เฉพาะ{COORDINATOR_NAME}"),
    "unlock": (frozenset({COORDINATOR}), f"ปลดล็อกรอบรายงานได้เฉพาะ{COORDINATOR_NAME}"),
    "export_reply": (frozenset({COORDINATOR}), f"ส่งใบตอบรับได้เฉพาะ{COORDINATOR_NAME}"),
    "export_office_file": (frozenset({OFFICE}), "ส่งออกไฟล์ผลการดำเนินงานได้เฉพาะเครื่องของหน่วยงาน"),
    "submit_round": (frozenset({OFFICE}), "ส่งรายงานรอบได้เฉพาะเครื่องของหน่วยงาน"),
    "withdraw_round": (frozenset({OFFICE}), "ถอนการส่งรายงานได้เฉพาะเครื่องของหน่วยงาน"),
    "answer_comment": (frozenset({OFFICE}), "ตอบความเห็นได้เฉพาะเครื่องของหน่วยงาน"),
    "import_reply": (frozenset({OFFICE}), "นำเข้าใบตอบรับได้เฉพาะเครื่องของหน่วยงาน"),
    "import_plan_package": (frozenset({OFFICE}), "นำเข้าแพ็กเกจแผนได้เฉพาะเครื่องของหน่วยงาน"),
    "office_report": (frozenset({OFFICE}), "รายงานของหน่วยงานพิมพ์ได้จากเครื่องของหน่วยงาน"),
}
NOT_SET_UP = "ยังไม่ได้ตั้งค่าว่าเครื่องนี้เป็นของหน่วยงานใด โปรดตั้งค่าก่อน"


def can(identity: Identity, action: str) -> bool:
    """Whether this installation may do *action* (an unknown action is never allowed)."""
    roles, _ = CAPABILITIES.get(action, (frozenset(), ""))
    if identity.role == OFFICE and not identity.office_uid:
        return False
    return identity.role in roles


def require(identity: Identity, action: str) -> None:
    """Raise PermissionDenied in Thai unless this installation may do *action*."""
    if can(identity, action):
        return
    if action not in CAPABILITIES:
        raise PermissionDenied(f"ไม่รู้จักการทำงาน “{action}”")
    if identity.role is None or (identity.role == OFFICE and not identity.office_uid):
        raise PermissionDenied(NOT_SET_UP)
    raise PermissionDenied(CAPABILITIES[action][1])
