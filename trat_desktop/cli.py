"""The ``trat-desktop`` command: the GUI by default, plus scripting subcommands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Sequence

from . import __version__
from .domain.outline import plan_outline
from .errors import TratError
from .services import PlanService


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trat-desktop",
        description="Trat Desktop: แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรมของจังหวัดตราด",
    )
    parser.add_argument("--db", type=Path, help="ไฟล์ฐานข้อมูล (ค่าเริ่มต้น: โฟลเดอร์ข้อมูลของผู้ใช้)")
    parser.add_argument("--smoke-test", action="store_true", help="เปิดหน้าต่างหลัก วาด แล้วปิด (สำหรับทดสอบ)")
    parser.add_argument("--version", action="version", version=f"Trat Desktop {__version__}")
    commands = parser.add_subparsers(dest="command")

    plan = commands.add_parser("plan", help="แผนปฏิบัติการ")
    plan_cmds = plan.add_subparsers(dest="plan_command", required=True)
    summary = plan_cmds.add_parser("summary", help="สรุปจำนวนและงบประมาณของแผน")
    summary.add_argument("--json", action="store_true", help="พิมพ์เป็น JSON")
    summary.add_argument("--year", type=int, help="ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีล่าสุด)")
    show = plan_cmds.add_parser("show", help="แสดงแผนเป็นโครงร่างภาษาไทย")
    show.add_argument("--year", type=int)
    show.add_argument("--digits", choices=["thai", "arabic"], default="thai", help="เลขไทยหรือเลขอารบิก")
    import_text = plan_cmds.add_parser("import-text", help="นำเข้าแผนจากเอกสารข้อความ (ตารางคั่นด้วยแท็บ)")
    import_text.add_argument("file", type=Path)
    import_text.add_argument("--json", action="store_true")

    agencies = commands.add_parser("agencies", help="รายชื่อหน่วยงาน")
    agencies.add_argument("--json", action="store_true")
    return parser


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _summary_text(data: dict[str, Any]) -> str:
    lines = [
        f"{data['title']} ปีงบประมาณ พ.ศ. {data['fiscal_year']}",
        f"ยุทธศาสตร์ {data['strategies']} | กลยุทธ์ {data['tactics']} | กิจกรรม {data['activities']} | "
        f"ตัวชี้วัด {data['indicators']} | หน่วยงาน {data['agencies']} | การมอบหมาย {data['assignments']}",
        f"งบประมาณรวม (คำนวณ) {data['budget_total']:,} บาท; เอกสารระบุ "
        + (f"{data['stated_budget_total']:,} บาท" if data["stated_budget_total"] is not None else "-"),
    ]
    for number, amount in data["budget_by_strategy"].items():
        stated = data["stated_budget_by_strategy"][number]
        lines.append(f"  ยุทธศาสตร์ที่ {number}: {amount:,} บาท (เอกสารระบุ "
                     + (f"{stated:,} บาท)" if stated is not None else "-)"))
    lines.append(f"ข้อสังเกต {len(data['warnings'])} รายการ")
    lines += [f"  - [{w['code']}] " + (f"บรรทัดที่ {w['line']}: " if w["line"] else "") + w["message"]
              for w in data["warnings"]]
    return "\n".join(lines)


def run_command(args: argparse.Namespace, service: PlanService) -> int:
    if args.command == "plan":
        if args.plan_command == "summary":
            data = service.summary(args.year)
            _print_json(data) if args.json else print(_summary_text(data))
        elif args.plan_command == "show":
            sys.stdout.write(plan_outline(service.load_plan(args.year), args.digits == "thai"))
        elif args.plan_command == "import-text":
            plan = service.import_plan_text(args.file)
            data = service.summary(plan.fiscal_year)
            _print_json(data) if args.json else print(
                f"นำเข้าแผนปีงบประมาณ พ.ศ. {plan.fiscal_year} แล้ว (ฉบับที่ {plan.revision})\n" + _summary_text(data))
    elif args.command == "agencies":
        rows = service.agencies()
        if args.json:
            _print_json([{"id": a.id, "uid": a.uid, "name": a.name, "short_name": a.short_name,
                          "aliases": a.aliases, "indicator_rows": a.indicator_rows} for a in rows])
        else:
            for a in rows:
                extra = f" (ชื่ออื่น: {', '.join(a.aliases)})" if a.aliases else ""
                print(f"{a.id:>3}  {a.name} — ตัวชี้วัด {a.indicator_rows} แถว{extra}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    try:
        service = PlanService.open(args.db)
    except TratError as exc:
        print(f"ข้อผิดพลาด: {exc.message}", file=sys.stderr)
        return 2
    try:
        if args.command is None:
            from .gui.app import run_gui

            return run_gui(service, smoke_test=args.smoke_test)
        return run_command(args, service)
    except TratError as exc:
        print(f"ข้อผิดพลาด: {exc.message}", file=sys.stderr)
        return 2
    finally:
        service.close()
