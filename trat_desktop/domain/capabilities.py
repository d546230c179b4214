"""Who may do what: one capability table that services and the GUI both ask.

An installation is an office (หน่วยงาน) or the provincial coordinator (ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราด).
Services call :func:`require` before they act; the GUI calls :func:`can` to decide what to show.
"""

from __future__ import annotations

from ..i18n import N_, _
from .identity import COORDINATOR_NAME, Identity, PermissionDenied

OFFICE, COORDINATOR, UNSET = "office", "coordinator", "unset"   # UNSET: an installation not set up yet
PLAN_MESSAGE = N_("แก้ไขแผนได้เฉพาะ{coordinator}")

#: action -> (roles allowed, Thai refusal, marked for the catalog; {coordinator}: COORDINATOR_NAME)
CAPABILITIES: dict[str, tuple[frozenset[str], str]] = {
    # the plan
    "edit_plan": (frozenset({COORDINATOR}), PLAN_MESSAGE),
    "apply_plan_document": (frozenset({COORDINATOR, UNSET}),
                            N_("เครื่องของหน่วยงานรับแผนฉบับปรับปรุงทางแพ็กเกจแผนจากศูนย์ฯ จังหวัด "
                            "(แฟ้ม → นำเข้าแพ็กเกจแผน…) ไม่ปรับแผนจากเอกสารเอง")),
    "export_plan_package": (frozenset({COORDINATOR}), N_("ส่งออกแพ็กเกจแผนได้เฉพาะเครื่องของผู้ประสานงานจังหวัด")),
    "import_plan_package": (frozenset({OFFICE, UNSET}), N_("เครื่องผู้ประสานงานจังหวัดไม่ต้องนำเข้าแพ็กเกจแผน")),
    # exchange files
    "export_office_file": (frozenset({OFFICE}), N_("ส่งออกผลการดำเนินงานได้เฉพาะเครื่องของหน่วยงาน โปรดตั้งค่าหน่วยงานก่อน")),
    "verification_code": (frozenset({OFFICE}), N_("รหัสตรวจสอบใช้กับรายงานของหน่วยงาน")),
    "import_office_files": (frozenset({COORDINATOR}), N_("นำเข้าไฟล์ของหน่วยงานได้เฉพาะเครื่องของผู้ประสานงานจังหวัด")),
    "settle_conflicts": (frozenset({COORDINATOR}), PLAN_MESSAGE),
    "manage_office_keys": (frozenset({COORDINATOR}), PLAN_MESSAGE),
    "undo_import": (frozenset({COORDINATOR}), PLAN_MESSAGE),
    # the reporting round
    "set_rounds": (frozenset({COORDINATOR}), N_("กำหนดรอบรายงานและวันครบกำหนดได้เฉพาะ{coordinator}")),
    "review": (frozenset({COORDINATOR}), N_("ตรวจรับรายงานได้เฉพาะ{coordinator}")),
    "comment": (frozenset({COORDINATOR}), N_("ให้ความเห็นต่อรายงานได้เฉพาะ{coordinator}")),
    "unlock": (frozenset({COORDINATOR}), N_("ปลดล็อกรอบรายงานได้เฉพาะ{coordinator}")),
    "export_reply": (frozenset({COORDINATOR}), N_("ส่งใบตอบรับได้เฉพาะ{coordinator}")),
    "submit_round": (frozenset({OFFICE}), N_("ส่งรายงานรอบได้เฉพาะเครื่องของหน่วยงาน")),
    "withdraw_round": (frozenset({OFFICE}), N_("ถอนการส่งรายงานได้เฉพาะเครื่องของหน่วยงาน")),
    "answer_comment": (frozenset({OFFICE}), N_("ตอบความเห็นได้เฉพาะเครื่องของหน่วยงาน")),
    "import_reply": (frozenset({OFFICE}), N_("นำเข้าใบตอบรับได้เฉพาะเครื่องของหน่วยงาน")),
    # figures
    "set_thresholds": (frozenset({COORDINATOR}),
                       N_("กำหนดเกณฑ์ผลสัมฤทธิ์ (บรรลุ/ใกล้เคียง) ได้เฉพาะ{coordinator} "
                       "หน่วยงานได้รับเกณฑ์พร้อมแพ็กเกจแผน")),
    "exchange_keys": (frozenset({OFFICE, COORDINATOR}), N_("โปรดตั้งค่าเครื่องก่อน จึงจะมีกุญแจลงนามไฟล์")),
    # the pages: every office's work (the coordinator's grid with an agency filter, consolidated view, dashboard)
    "view_all_offices": (frozenset({COORDINATOR}), N_("ดูผลของทุกหน่วยงานได้เฉพาะ{coordinator}")),
    "own_rounds": (frozenset({OFFICE}), N_("รอบรายงานของหน่วยงานแสดงบนเครื่องของหน่วยงาน")),
    # reports
    "office_report": (frozenset({OFFICE}),
                      N_("แบบรายงานผลการดำเนินงานพิมพ์ได้จากเครื่องของหน่วยงาน (ตั้งค่าเครื่องเป็นหน่วยงานก่อน)")),
    # offered in the menu before set-up too (disabled there, with a hint to set up first)
    "offer_office_report": (frozenset({OFFICE, UNSET}), N_("แบบรายงานผลการดำเนินงานพิมพ์ได้จากเครื่องของหน่วยงาน")),
    "province_report": (frozenset({COORDINATOR}), N_("รายงานภาพรวมจังหวัดพิมพ์ได้จากเครื่องของ{coordinator}")),
    "province_excel": (frozenset({COORDINATOR}), N_("ส่งออก Excel ภาพรวมได้จากเครื่องของ{coordinator}")),
    "plan_report": (frozenset({OFFICE, COORDINATOR, UNSET}), ""),
    "ita_set": (frozenset({OFFICE, COORDINATOR}),
                N_("ชุดหลักฐาน ITA จัดทำได้เมื่อตั้งค่าเครื่องเป็นหน่วยงานหรือศูนย์ฯ จังหวัดแล้ว (ตั้งค่า › หน่วยงานและผู้รายงาน…)")),
}


def role_of(identity: Identity) -> str:
    """office, coordinator, or unset (no role yet, or an office not chosen)."""
    if identity.role == COORDINATOR:
        return COORDINATOR
    if identity.role == OFFICE and identity.office_uid:
        return OFFICE
    return UNSET


def can(identity: Identity | None, action: str) -> bool:
    """Whether this installation may do *action* (an unknown action is never allowed; no identity: not set up)."""
    roles, _refusal = CAPABILITIES.get(action, (frozenset(), ""))
    return role_of(identity or Identity()) in roles


def require(identity: Identity, action: str) -> None:
    """Raise PermissionDenied in Thai unless this installation may do *action*."""
    if can(identity, action):
        return
    if action not in CAPABILITIES:
        raise PermissionDenied(_("ไม่รู้จักการทำงาน “{action}”").format(action=action))
    raise PermissionDenied(_(CAPABILITIES[action][1]).format(coordinator=_(COORDINATOR_NAME)))


# -- named questions the services and the command line ask (instead of comparing roles) ----------------
def sees_all_offices(identity: Identity | None) -> bool:
    """Whether this installation works on every office's rows and shows whose each one is (the coordinator)."""
    return can(identity, "view_all_offices")


def own_office(identity: Identity) -> str | None:
    """Whose rows this installation works on: an office only its own (its uid; '' while none is chosen, so no
    rows at all), None: any office's (the coordinator, or an installation without a role yet)."""
    return identity.office_uid if identity.role == OFFICE else None


def edits_locally(identity: Identity) -> bool:
    """Whether a value saved here is the centre's own correction of an office's value (kept as a local edit,
    which a later file of the office does not silently overwrite)."""
    return role_of(identity) == COORDINATOR


def signs_changes(identity: Identity) -> str:
    """How this installation signs a change in the audit log, '' while it has no role yet."""
    return identity.actor() if identity.role else ""


def name_on_documents(identity: Identity) -> str:
    """The installation's name as documents print it by default, '' while it has no role yet."""
    return identity.display_name if identity.role else ""
