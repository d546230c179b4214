"""Command-line verbs for printed reports (PDF or Word) and the Excel export.

    trat-desktop report office|province|plan|receipt [--year 2569] [--quarter N] [--digits thai|arabic]
                        [--office NAME] --out FILE.pdf|FILE.docx
    trat-desktop export-xlsx [--year 2569] [--quarter N] --out FILE.xlsx

reportlab and openpyxl are imported only when one of these runs (they cost start-up time).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .domain.fiscal import YEAR_HELP
from .services import PlanService, ProgressService

REPORT_KINDS = {
    "office": "แบบรายงานผลการดำเนินงานของหน่วยงาน (ไตรมาส)",
    "province": "รายงานผลการดำเนินงานภาพรวมจังหวัด (ไตรมาสหรือทั้งปี)",
    "plan": "แผนปฏิบัติการตามรูปแบบเอกสารแผน",
    "receipt": "ใบตอบรับของศูนย์ฯ ถึงหน่วยงาน (--office): ไฟล์ที่ได้รับ ผลการตรวจ ความเห็น",
}


def add_parsers(commands: Any, plan_cmds: Any = None) -> None:
    report = commands.add_parser("report", help="พิมพ์รายงานเป็น PDF หรือ Word (.docx): office, province, plan หรือ receipt")
    report.add_argument("kind", choices=list(REPORT_KINDS), help="; ".join(f"{k}: {v}" for k, v in REPORT_KINDS.items()))
    report.add_argument("--year", type=int, help=YEAR_HELP)
    report.add_argument("--quarter", type=int, choices=[1, 2, 3, 4],
                        help="ไตรมาส (office: ค่าเริ่มต้นไตรมาสปัจจุบัน; province: ไม่ระบุ = ทั้งปี)")
    report.add_argument("--digits", choices=["thai", "arabic"], default="thai", help="เลขไทย (ค่าเริ่มต้น) หรือเลขอารบิก")
    report.add_argument("--round", choices=["q1", "q2", "q3", "q4", "h1", "y"],
                        help="รอบรายงาน: q1–q4, h1 (รอบ ๖ เดือน), y (รอบ ๑๒ เดือน) แทน --quarter")
    report.add_argument("--office", help="receipt: หน่วยงานที่จะออกใบตอบรับให้ (ศูนย์ฯ)")
    report.add_argument("--out", type=Path, required=True, help="ไฟล์ที่จะเขียน: .pdf หรือ .docx (เอกสาร Word ที่แก้ไขได้)")
    xlsx = commands.add_parser("export-xlsx", help="ส่งออกผลการดำเนินงานภาพรวมเป็นไฟล์ Excel (.xlsx)")
    xlsx.add_argument("--year", type=int, help=YEAR_HELP)
    xlsx.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="ไม่ระบุ = ทั้งปี")
    xlsx.add_argument("--out", type=Path, required=True)


def run(args: argparse.Namespace, service: PlanService) -> int | None:
    """Run a report verb; None when *args* is not one."""
    if args.command == "report":
        from .services.reports import write_report

        result = write_report(ProgressService(service), args.kind, args.out, fiscal_year=args.year,
                              quarter=args.quarter, thai_digits=args.digits == "thai", office=args.office,
                              round_id=args.round)
        pages = f" ({result.pages} หน้า)" if result.pages else ""
        print(f"เขียนรายงานแล้ว: {args.out}{pages}")
        return 0
    if args.command == "export-xlsx":
        from .services.reports import write_report

        write_report(ProgressService(service), "xlsx", args.out, fiscal_year=args.year, quarter=args.quarter)
        print(f"ส่งออกไฟล์ Excel แล้ว: {args.out}")
        return 0
    return None
