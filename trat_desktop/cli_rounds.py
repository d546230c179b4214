"""Command-line verbs for the reporting rounds.

    trat-desktop round list [--year Y] [--json]
    trat-desktop round set ROUND [--year Y] [--due DATE] [--from DATE --to DATE]      # coordinator
    trat-desktop round submit ROUND [--year Y] [--signer NAME --position POSITION]    # office
    trat-desktop round withdraw ROUND [--year Y] --reason TEXT                        # office

ROUND: q1 q2 q3 q4 h1 (รอบ ๖ เดือน) y (รอบ ๑๒ เดือน). DATE: Thai BE (๑๕ เม.ย. ๒๕๖๙, 15/4/2569) or ISO.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from .domain.rounds import ROUND_IDS, be_date_text
from .services import PlanService, ProgressService

STATE_TEXT = {"open": "ยังไม่ส่ง", "submitted": "ลงนามส่งแล้ว", "withdrawn": "ถอนการส่งแล้ว"}


def add_parsers(commands: Any) -> None:
    rounds = commands.add_parser("round", help="รอบรายงาน: ไตรมาส ๑–๔ รอบ ๖ เดือน รอบ ๑๒ เดือน")
    cmds = rounds.add_subparsers(dest="round_command", required=True)
    listing = cmds.add_parser("list", help="รอบรายงานของปี ช่วงเวลา วันครบกำหนดส่ง และสถานะ")
    listing.add_argument("--year", type=int, help="ปีงบประมาณ พ.ศ.")
    listing.add_argument("--json", action="store_true")
    setting = cmds.add_parser("set", help="กำหนดช่วงเวลาหรือวันครบกำหนดส่งของรอบ (ศูนย์ฯ)")
    setting.add_argument("round", choices=ROUND_IDS)
    setting.add_argument("--year", type=int)
    setting.add_argument("--due", help="วันครบกำหนดส่ง")
    setting.add_argument("--from", dest="start", help="วันเริ่มต้นของรอบ")
    setting.add_argument("--to", dest="end", help="วันสิ้นสุดของรอบ")
    submit = cmds.add_parser("submit", help="ลงนามส่งรายงานรอบนี้ (หน่วยงาน) ค่าของรอบจะถูกล็อกบนเครื่องนี้")
    submit.add_argument("round", choices=ROUND_IDS)
    submit.add_argument("--year", type=int)
    submit.add_argument("--signer", default="", help="ชื่อหัวหน้าส่วนราชการผู้ลงนาม (ค่าเริ่มต้น: จากการตั้งค่า)")
    submit.add_argument("--position", default="", help="ตำแหน่งผู้ลงนาม")
    withdraw = cmds.add_parser("withdraw", help="ถอนการส่งรายงานรอบนี้เพื่อแก้ไข (หน่วยงาน)")
    withdraw.add_argument("round", choices=ROUND_IDS)
    withdraw.add_argument("--year", type=int)
    withdraw.add_argument("--reason", required=True, help="เหตุผลที่ถอน")


def _year(args: argparse.Namespace, service: PlanService) -> int:
    return args.year or service.fiscal_years()[-1]


def run(args: argparse.Namespace, service: PlanService) -> int | None:
    if args.command != "round":
        return None
    from .services.rounds import RoundService

    rounds = RoundService(ProgressService(service))
    year = _year(args, service)
    if args.round_command == "list":
        views = rounds.views(year)
        if args.json:
            print(json.dumps([v.as_json() for v in views.values()], ensure_ascii=False, indent=2))
            return 0
        for view in views.values():
            r = view.round
            extra = f" (แก้ไขหลังลงนาม {view.changed_after_signoff} รายการ)" if view.changed_after_signoff else ""
            state = STATE_TEXT[view.state] if rounds.progress.identity().role == "office" else ""
            print(f"{r.id:<3} {r.name:<14} {be_date_text(r.start)} – {be_date_text(r.end)}  "
                  f"ครบกำหนดส่ง {be_date_text(r.due)}  {state}{extra}".rstrip())
        return 0
    if args.round_command == "set":
        changed = rounds.set_dates(year, args.round, start=args.start, end=args.end, due=args.due)
        print(f"กำหนด{changed.name}: {be_date_text(changed.start)} – {be_date_text(changed.end)} "
              f"ครบกำหนดส่ง {be_date_text(changed.due)}")
        return 0
    if args.round_command == "submit":
        view = rounds.submit(year, args.round, args.signer, args.position)
        sub = view.submission
        print(f"ลงนามส่ง{view.round.name}แล้ว โดย {sub.signer_name if sub else ''} "
              f"ค่าของไตรมาส {', '.join(str(q) for q in view.round.quarters())} ถูกล็อกบนเครื่องนี้")
        return 0
    view = rounds.withdraw(year, args.round, args.reason)
    print(f"ถอนการส่ง{view.round.name}แล้ว แก้ไขค่าได้อีกครั้ง")
    return 0
