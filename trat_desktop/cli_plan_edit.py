"""Command-line verbs for editing the plan: ``plan edit indicator`` and ``plan edit activity``.

What the plan editor does: the affected recorded progress is printed first; an edit that would leave
recorded values outside the plan needs ``--yes`` (without it: printed only, exit 3, nothing changed).
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from .i18n import N_, _, ngettext
from .domain.labels import find_activity, find_row
from .domain.plan_fit import OUTSIDE_PLAN_TEXT
from .domain.thai import to_arabic_digits
from .errors import TratError
from .services import PlanService, ProgressService
from .services.plan_edit import NeedsConfirmation, PlanEditService

NEEDS_YES = 3


def add_parsers(plan_cmds: Any) -> None:
    edit = plan_cmds.add_parser("edit", help=_("(ผู้ประสานงาน) แก้ไขตัวชี้วัดหรือรหัสกิจกรรมในแผน"))
    kinds = edit.add_subparsers(dest="edit_kind", required=True)
    row = kinds.add_parser("indicator", help=_("แก้ไขระยะเวลา หน่วยนับ เป้าหมาย หรือหน่วยงานของตัวชี้วัด"))
    row.add_argument("row_id", help=_("รหัสตัวชี้วัดจาก progress list เช่น 1/1.5/2"))
    row.add_argument("--quarters", help=_("ระยะเวลา เช่น 1-3 หรือ 2"))
    row.add_argument("--unit", help=_("หน่วยนับ"))
    row.add_argument("--target", help=_("เป้าหมาย (ว่าง = ไม่มีเป้าหมาย)"))
    row.add_argument("--agencies", help=_("หน่วยงานผู้รับผิดชอบ คั่นด้วย ; เช่น \"สนง.คลัง;สนง.ศึกษาธิการ\""))
    row.add_argument("--year", type=int)
    row.add_argument("--dry-run", action="store_true", help=_("แสดงผลกระทบโดยไม่บันทึก"))
    row.add_argument("--yes", action="store_true", help=_("ยืนยันแม้มีผลที่บันทึกไว้จะอยู่นอกแผนปัจจุบัน"))
    activity = kinds.add_parser("activity", help=_("แก้ไขรหัสกิจกรรม"))
    activity.add_argument("activity_id", help=_("ยุทธศาสตร์/รหัสกิจกรรม เช่น 1/1.5"))
    activity.add_argument("--code", required=True, help=_("รหัสใหม่ เช่น 1.7"))
    activity.add_argument("--year", type=int)
    activity.add_argument("--dry-run", action="store_true")


def _quarters(text: str) -> tuple[int, int]:
    cleaned = re.sub(r"\s*(?:-|–|—|ถึง)\s*", "-", to_arabic_digits(text).strip())
    match = re.fullmatch(r"(\d)(?:-(\d))?", cleaned)
    if not match:
        raise TratError(_("ระยะเวลา “{text}” ต้องเป็นรูปแบบ เช่น 1-3 หรือ 2").format(text=text))
    low, high = int(match.group(1)), int(match.group(2) or match.group(1))
    if not (1 <= low <= 4 and 1 <= high <= 4) or low > high:
        raise TratError(_("ระยะเวลา “{text}” ต้องเป็นไตรมาส ๑ ถึง ๔ และไตรมาสเริ่มไม่อยู่หลังไตรมาสสิ้นสุด").format(text=text))
    return low, high


def run(args: argparse.Namespace, service: PlanService) -> int | None:
    """Run ``plan edit``; None when *args* is not it."""
    if not (args.command == "plan" and args.plan_command == "edit"):
        return None
    progress = ProgressService(service)
    editor = PlanEditService(progress)
    progress.identity().check_can_edit_plan()
    plan = service.load_plan(args.year)
    if args.edit_kind == "activity":
        return _activity(args, editor, plan)
    try:  # the label is resolved to a uid once, here; a label two rows share is refused
        row = find_row(plan, to_arabic_digits(args.row_id)).row
    except TratError as exc:
        raise TratError(exc.message + " " + _("(ดูรหัสจาก progress list)")) from None
    fields: dict[str, Any] = {}
    if args.quarters is not None:
        fields["quarter_from"], fields["quarter_to"] = _quarters(args.quarters)
    if args.unit is not None:
        fields["unit"] = args.unit
    if args.target is not None:
        fields["target"] = args.target
    agency_uids = None
    if args.agencies is not None:
        agency_uids = [progress.find_agency(name)[0] for name in args.agencies.split(";") if name.strip()]
        if not agency_uids:
            raise TratError(_("ต้องระบุหน่วยงานผู้รับผิดชอบอย่างน้อยหนึ่งหน่วยงาน"))
    if not fields and agency_uids is None:
        raise TratError(_("ไม่มีสิ่งที่จะแก้ไข: ระบุ --quarters, --unit, --target หรือ --agencies"))
    impact = editor.impact_of_row_edit(row.uid, fields, agency_uids)
    if impact.affected:
        print(ngettext("ผลที่บันทึกไว้ซึ่งจะ{outside} {count} รายการ (เก็บไว้ ไม่ถูกลบ หน่วยงานยังล้างหรือแก้ไขได้):",
                       "ผลที่บันทึกไว้ซึ่งจะ{outside} {count} รายการ (เก็บไว้ ไม่ถูกลบ หน่วยงานยังล้างหรือแก้ไขได้):",
                       len(impact.affected)).format(outside=_(OUTSIDE_PLAN_TEXT), count=len(impact.affected)))
        for line in impact.lines:
            print(f"  {line}")
    else:
        print(_("ไม่มีผลที่บันทึกไว้ได้รับผลกระทบ"))
    if args.dry_run:
        print(_("(ทดลอง ไม่ได้บันทึก)"))
        return NEEDS_YES if impact.affected else 0
    if impact.affected and not args.yes:
        print(_("ยังไม่ได้แก้ไข: ใช้ --yes เพื่อยืนยัน"))
        return NEEDS_YES
    try:
        editor.edit_row(row.uid, fields, agency_uids, confirm=bool(args.yes))
    except NeedsConfirmation:  # the progress changed between the preview and the edit
        print(_("ยังไม่ได้แก้ไข: ผลที่บันทึกไว้เปลี่ยนไประหว่างนี้ โปรดลองใหม่"))
        return NEEDS_YES
    print(_("แก้ไขตัวชี้วัด [{id}] แล้ว").format(id=args.row_id))
    return 0


def _activity(args: argparse.Namespace, editor: PlanEditService, plan: Any) -> int:
    strategy_text, _slash, code = to_arabic_digits(args.activity_id).partition("/")
    strategy_text, code = strategy_text.strip(), code.strip()
    try:  # resolved once, here; two activities with the same code are refused, not guessed
        activity = find_activity(plan, f"{strategy_text}/{code}" if code else strategy_text)
    except TratError as exc:
        raise TratError(exc.message + " " + _("(รูปแบบ: ยุทธศาสตร์/รหัส เช่น 1/1.5)")) from None
    from .domain import plan_rules

    new_code = plan_rules.clean_field("activity", "code", args.code)
    editor.check_unique("activity", activity.uid, None, {"code": new_code})
    if args.dry_run:
        print(_("จะเปลี่ยนรหัสกิจกรรม {old} เป็น {new} (ทดลอง ไม่ได้บันทึก)").format(
            old=f"{strategy_text}/{code}", new=f"{strategy_text}/{new_code}"))
        return 0
    editor.update("activity", activity.uid, code=args.code)
    print(_("เปลี่ยนรหัสกิจกรรม {old} เป็น {new} แล้ว "
            "(รหัสตัวชี้วัดของกิจกรรมนี้เปลี่ยนตาม ผลที่บันทึกไว้ยังอยู่กับตัวชี้วัดเดิม)").format(
        old=f"{strategy_text}/{code}", new=f"{strategy_text}/{new_code}"))
    return 0
