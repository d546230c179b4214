"""Command-line verbs for evidence files, with the same rules and service calls as the GUI's
evidence panel (gui/evidence_panel.py)::

    trat-desktop evidence add ROW_ID --quarter N FILE...   # ROW_ID as `progress list` prints it
    trat-desktop evidence list [--json]
    trat-desktop evidence remove EVIDENCE_ID
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .i18n import N_, _, ngettext
from .domain.capabilities import sees_all_offices
from .domain.display import number_text
from .errors import TratError
from .services import PlanService, ProgressService


def add_parsers(commands: Any) -> None:
    evidence = commands.add_parser("evidence", help=_("ไฟล์หลักฐานประกอบผลการดำเนินงาน"))
    cmds = evidence.add_subparsers(dest="evidence_command", required=True)
    add = cmds.add_parser("add", help=_("แนบไฟล์หลักฐานกับตัวชี้วัดในไตรมาสหนึ่ง"))
    add.add_argument("id", metavar="ROW_ID", help=_("รหัสตัวชี้วัดจาก progress list เช่น 1/1.5/2"))
    add.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4])
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add.add_argument("--agency", help=_("(ผู้ประสานงาน) หน่วยงานของตัวชี้วัด"))
    add.add_argument("--year", type=int)
    listing = cmds.add_parser("list", help=_("ไฟล์หลักฐานทั้งหมดของตัวชี้วัดที่รับผิดชอบ"))
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--year", type=int)
    remove = cmds.add_parser("remove", help=_("นำไฟล์หลักฐานออก (รหัสจาก evidence list)"))
    remove.add_argument("evidence_id", type=int, metavar="EVIDENCE_ID")
    remove.add_argument("--year", type=int)


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024)):,} KB"
    return f"{size / (1024 * 1024):,.1f} MB"


def run(args: argparse.Namespace, service: PlanService) -> int | None:
    """Run an evidence verb; None when *args* is not one."""
    if args.command != "evidence":
        return None
    progress = ProgressService(service)
    if args.evidence_command == "add":
        item = progress.find_item(args.id, args.agency, args.year)
        progress.check_can_attach(item, args.quarter)
        for path in args.files:  # every file checked before any is attached: a refusal changes nothing
            try:
                progress.check_evidence_file(path)
            except TratError as exc:
                raise TratError(exc.message + " " + _("ไม่ได้แนบไฟล์ใด")) from None
        for path in args.files:
            e = progress.attach_evidence(item, args.quarter, path)
            print(_("แนบแล้ว [{row}] ไตรมาส {quarter}: {file_name} ({size}) รหัส {id}").format(
                row=item.id, quarter=args.quarter, file_name=e.file_name, size=_size(e.size), id=e.id))
        return 0
    if args.evidence_command == "list":
        rows = progress.all_evidence(args.year)
        if args.json:
            print(json.dumps([{"id": e.id, "row": item.id, "indicator_uid": e.indicator_uid, "agency": item.agency_name,
                               "agency_uid": e.agency_uid, "quarter": e.quarter, "file_name": e.file_name,
                               "size": e.size, "sha256": e.sha256, "added_at": e.added_at,
                               "present": progress.evidence_path(e).is_file()}
                              for item, e in rows], ensure_ascii=False, indent=2))
            return 0
        print(ngettext("{who}: ไฟล์หลักฐาน {count} ไฟล์", "{who}: ไฟล์หลักฐาน {count} ไฟล์", len(rows)).format(
            who=progress.identity().display_name, count=len(rows)))
        for item, e in rows:
            gone = "" if progress.evidence_path(e).is_file() else " " + _("(ไม่พบไฟล์ในเครื่องนี้)")
            print(f"{e.id:>5}  [{item.id}] " + _("ไตรมาส {quarter}").format(quarter=e.quarter)
                  + f"  {e.file_name} ({_size(e.size)}){gone}"
                  + (f" | {item.agency_name}" if sees_all_offices(progress.identity()) else ""))
        return 0
    item, e = progress.find_evidence(args.evidence_id, args.year)
    progress.remove_evidence(item, e.id)
    print(_("นำไฟล์ “{file_name}” ออกจากหลักฐานของตัวชี้วัด [{row}] ไตรมาส {quarter} แล้ว").format(
        file_name=e.file_name, row=item.id, quarter=number_text(e.quarter, False)))
    return 0
