"""Command-line verbs for printed reports (PDF or Word) and the Excel export.

    trat-desktop report office|province|plan|receipt [--year 2569] [--quarter N] [--digits thai|arabic]
                        [--office NAME] --out FILE.pdf|FILE.docx
    trat-desktop report ita --round q1|q2|q3|q4|h1|y [--format both|pdf|docx] [--force] --out FOLDER
    trat-desktop settings show [--json] | settings set KEY VALUE
    trat-desktop export-xlsx [--year 2569] [--quarter N | --round q1|q2|q3|q4|h1|y] --out FILE.xlsx

reportlab and openpyxl are imported only when one of these runs (they cost start-up time).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .i18n import N_, _
from .domain.fiscal import YEAR_HELP
from .services import PlanService, ProgressService

REPORT_KINDS = {
    "office": N_("แบบรายงานผลการดำเนินงานของหน่วยงาน (ไตรมาส)"),
    "province": N_("รายงานผลการดำเนินงานภาพรวมจังหวัด (ไตรมาสหรือทั้งปี)"),
    "plan": N_("แผนปฏิบัติการตามรูปแบบเอกสารแผน"),
    "receipt": N_("ใบตอบรับของศูนย์ฯ ถึงหน่วยงาน (--office): ไฟล์ที่ได้รับ ผลการตรวจ ความเห็น"),
    "ita": N_("ชุดหลักฐาน ITA ของรอบรายงาน (--round) ในโฟลเดอร์ --out: บันทึกข้อความ รายงาน และแบบฟอร์มการเผยแพร่ข้อมูล"),
}


def add_parsers(commands: Any, plan_cmds: Any = None) -> None:
    report = commands.add_parser("report", help=_("พิมพ์รายงานเป็น PDF หรือ Word (.docx): office, province, plan หรือ receipt"))
    report.add_argument("kind", choices=list(REPORT_KINDS), help="; ".join(f"{k}: {_(v)}" for k, v in REPORT_KINDS.items()))
    report.add_argument("--year", type=int, help=_(YEAR_HELP))
    report.add_argument("--quarter", type=int, choices=[1, 2, 3, 4],
                        help=_("ไตรมาส (office: ค่าเริ่มต้นไตรมาสปัจจุบัน; province: ไม่ระบุ = ทั้งปี)"))
    report.add_argument("--digits", choices=["thai", "arabic"], default="thai", help=_("เลขไทย (ค่าเริ่มต้น) หรือเลขอารบิก"))
    report.add_argument("--round", metavar="ROUND",  # checked by domain/rounds.py: a wrong one is told in Thai
                        help=_("รอบรายงาน: q1–q4, h1 (รอบ ๖ เดือน), y (รอบ ๑๒ เดือน) แทน --quarter"))
    report.add_argument("--office", help=_("receipt: หน่วยงานที่จะออกใบตอบรับให้ (ศูนย์ฯ)"))
    report.add_argument("--format", choices=["both", "pdf", "docx"], default="both",
                        help=_("ita: เอกสารแต่ละฉบับเป็นทั้ง PDF และ Word (both ค่าเริ่มต้น) หรือเฉพาะ pdf / docx"))
    report.add_argument("--force", action="store_true",
                        help=_("ita: แทนที่โฟลเดอร์ --out ที่มีไฟล์อยู่แล้วทั้งโฟลเดอร์"))
    report.add_argument("--out", type=Path, required=True,
                        help=_("ไฟล์ PDF (หรือ .docx) ที่จะเขียน; ita: โฟลเดอร์ที่จะสร้าง"))
    xlsx = commands.add_parser("export-xlsx", help=_("ส่งออกผลการดำเนินงานภาพรวมเป็นไฟล์ Excel (.xlsx)"))
    xlsx.add_argument("--year", type=int, help=_(YEAR_HELP))
    xlsx.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help=_("ไม่ระบุ = ทั้งปี"))
    xlsx.add_argument("--round", metavar="ROUND",  # checked by domain/rounds.py, as report --round
                      help=_("รอบรายงาน: q1–q4, h1 (รอบ ๖ เดือน: ผลไตรมาส ๑–๒), y (รอบ ๑๒ เดือน) แทน --quarter"))
    xlsx.add_argument("--out", type=Path, required=True)
    settings = commands.add_parser("settings", help=_("การตั้งค่าเอกสารของฐานข้อมูลนี้ (ชุดหลักฐาน ITA): show, set"))
    settings_cmds = settings.add_subparsers(dest="settings_command", required=True)
    show = settings_cmds.add_parser("show", help=_("แสดงการตั้งค่าและค่าที่จะพิมพ์ในเอกสาร"))
    show.add_argument("--json", action="store_true")
    put = settings_cmds.add_parser("set", help=_("ตั้งค่าหนึ่งรายการ (ค่าว่าง \"\" = ล้างค่า ใช้ค่าเริ่มต้น)"))
    put.add_argument("key", metavar="KEY", help=_("เช่น ita.doc_prefix, ita.letterhead, ita.website (ดู settings show)"))
    put.add_argument("value", metavar="VALUE")


def run(args: argparse.Namespace, service: PlanService) -> int | None:
    """Run a report verb; None when *args* is not one."""
    if args.command == "report" and args.kind == "ita":
        return _ita(args, ProgressService(service))
    if args.command == "settings":
        return _settings(args, ProgressService(service))
    if args.command == "report":
        from .services.reports import write_report

        result = write_report(ProgressService(service), args.kind, args.out, fiscal_year=args.year,
                              quarter=args.quarter, thai_digits=args.digits == "thai", office=args.office,
                              round_id=args.round)
        pages = _(" ({pages} หน้า)").format(pages=result.pages) if result.pages else ""
        print(_("เขียนรายงานแล้ว: {path}{pages}").format(path=args.out, pages=pages))
        return 0
    if args.command == "export-xlsx":
        from .services.reports import write_report

        write_report(ProgressService(service), "xlsx", args.out, fiscal_year=args.year, quarter=args.quarter,
                     round_id=args.round)
        print(_("ส่งออกไฟล์ Excel แล้ว: {path}").format(path=args.out))
        return 0
    return None


def _ita(args: argparse.Namespace, progress: ProgressService) -> int:
    from .errors import TratError
    from .services.reports import write_ita_set

    if not args.round:
        raise TratError(_("ชุดหลักฐาน ITA ต้องระบุรอบรายงาน --round (q1, q2, q3, q4, h1 หรือ y)"))
    if args.quarter is not None:
        raise TratError(_("ชุดหลักฐาน ITA ใช้ --round แทน --quarter (เช่น --round q2)"))
    files = write_ita_set(progress, args.round, args.out, fiscal_year=args.year, thai_digits=args.digits == "thai",
                          formats=args.format, force=args.force)
    print(_("เขียนชุดหลักฐาน ITA แล้ว: {path} ({count} ไฟล์)").format(path=args.out, count=len(files)))
    for path in files:
        print(f"  {path.name}")
    return 0


def _settings(args: argparse.Namespace, progress: ProgressService) -> int:
    import json

    from .services.settings import SettingsService

    settings = SettingsService(progress)
    if args.settings_command == "set":
        stored = settings.set(args.key, args.value)
        print(_("ตั้งค่า {key} = “{value}”").format(key=args.key, value=stored) if stored
              else _("ล้างค่า {key} แล้ว (ใช้ค่าเริ่มต้น)").format(key=args.key))
        return 0
    views = settings.show()
    if args.json:
        print(json.dumps([v.as_json() for v in views], ensure_ascii=False, indent=2))
        return 0
    for v in views:
        shown = v.value or (_("(ไม่ได้ตั้ง: {value})").format(value=v.effective) if v.effective
                            else _("(ไม่ได้ตั้ง; {help})").format(help=_(v.help) if v.help else ""))
        print(f"{v.key} — {_(v.label)}: {shown}")
    return 0
