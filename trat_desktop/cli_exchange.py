"""Command-line verbs for exchange files, keys, conflicts, backups and undo."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .cli_language import status_text
from .i18n import N_, _, ngettext
from .domain.display import number_text
from .domain.plan_fit import OUTSIDE_PLAN_TEXT
from .domain.fiscal import YEAR_HELP
from .errors import TratError
from .services import PlanService, ProgressService
from .services import backup as backup_service

VERBS = {"export", "import", "undo-import", "ledger", "conflicts", "keys", "verify", "backup"}
STATUS_TEXT = {"imported": N_("นำเข้าแล้ว"), "unchanged": N_("ไม่เปลี่ยนแปลง"), "stale": N_("ไฟล์เก่ากว่า"),
               "conflict": N_("มีข้อขัดแย้ง"), "rejected": N_("ปฏิเสธ")}


def add_parsers(commands: Any, plan_cmds: Any) -> None:
    export = commands.add_parser("export", help=_("ส่งออกผลการดำเนินงานของหน่วยงาน (ไฟล์ .trat)"))
    export.add_argument("--out", type=Path, help=_("ไฟล์หรือโฟลเดอร์ปลายทาง (ค่าเริ่มต้น: โฟลเดอร์ปัจจุบัน)"))
    export.add_argument("--year", type=int, help=_(YEAR_HELP))
    imp = commands.add_parser("import", help=_("(ผู้ประสานงาน) นำเข้าไฟล์ของหน่วยงาน"))
    imp.add_argument("paths", nargs="+", type=Path)
    imp.add_argument("--dry-run", action="store_true", help=_("แสดงสิ่งที่จะเปลี่ยน โดยไม่บันทึก"))
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--trust-new", action="store_true", help=_("ยอมรับกุญแจของหน่วยงานที่ส่งไฟล์มาเป็นครั้งแรก"))
    commands.add_parser("undo-import", help=_("(ผู้ประสานงาน) ยกเลิกการนำเข้าครั้งล่าสุด"))
    ledger = commands.add_parser("ledger", help=_("ประวัติการนำเข้าไฟล์"))
    ledger.add_argument("--json", action="store_true")
    conflicts = commands.add_parser("conflicts", help=_("ค่าที่ขัดแย้งกับค่าที่ผู้ประสานงานแก้ไข"))
    conflicts.add_argument("--json", action="store_true")
    conflicts.add_argument("--resolve", type=int, metavar="N", help=_("เลขลำดับจากรายการ"))
    choice = conflicts.add_mutually_exclusive_group()
    choice.add_argument("--keep-mine", action="store_true", help=_("ใช้ค่าของผู้ประสานงาน"))
    choice.add_argument("--take-theirs", action="store_true", help=_("ใช้ค่าของหน่วยงาน"))
    choice.add_argument("--accept", action="store_true", help=_("(ค่าที่อยู่นอกแผนปัจจุบัน) รับค่าของหน่วยงานไว้"))
    choice.add_argument("--drop", action="store_true", help=_("(ค่าที่อยู่นอกแผนปัจจุบัน) ไม่รับค่านี้"))
    key_cmd = commands.add_parser("keys", help=_("ลายนิ้วมือกุญแจของเครื่องนี้และของหน่วยงานที่ลงทะเบียน"))
    key_cmd.add_argument("--reenrol", metavar="OFFICE", help=_("ลงทะเบียนกุญแจของหน่วยงานนี้ใหม่ (เมื่อเปลี่ยนเครื่อง)"))
    verify = commands.add_parser("verify", help=_("(ผู้ประสานงาน) ตรวจว่ารหัสบนรายงานกระดาษตรงกับไฟล์ที่นำเข้าใด"))
    verify.add_argument("code")
    verify.add_argument("--json", action="store_true")
    backup = commands.add_parser("backup", help=_("สำรองฐานข้อมูลพร้อมไฟล์หลักฐาน (ไฟล์ .zip ไฟล์เดียว)"))
    backup.add_argument("--out", type=Path, required=True)
    restore = commands.add_parser("restore", help=_("กู้คืนฐานข้อมูลจากไฟล์สำรอง (เก็บฐานข้อมูลปัจจุบันไว้ข้าง ๆ)"))
    restore.add_argument("file", type=Path)
    pexp = plan_cmds.add_parser("export", help=_("(ผู้ประสานงาน) ส่งออกแพ็กเกจแผนที่ลงนามแล้ว"))
    pexp.add_argument("--out", type=Path, required=True,
                      help=_("ไฟล์หรือโฟลเดอร์ปลายทาง (โฟลเดอร์: บันทึกในโฟลเดอร์นั้นด้วยชื่อ แผนปฏิบัติการ_ปี_ฉบับที่N.trat)"))
    pexp.add_argument("--year", type=int, help=_(YEAR_HELP))
    pimp = plan_cmds.add_parser("import", help=_("(หน่วยงาน) นำเข้าแพ็กเกจแผนจากศูนย์ฯ จังหวัด"))
    pimp.add_argument("file", type=Path)
    pimp.add_argument("--trust-new", action="store_true")
    pimp.add_argument("--json", action="store_true")


def _json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def run(args: argparse.Namespace, service: PlanService) -> int | None:
    """Run an exchange verb; None when *args* is not one."""
    if args.command not in VERBS and not (args.command == "plan" and args.plan_command in ("export", "import")):
        return None
    from .services.exchange import ExchangeService  # signing keys load only when needed
    from .services.plan_package import PlanPackageService

    exchange = ExchangeService(ProgressService(service))
    if args.command == "plan" and args.plan_command in ("export", "import"):
        packages = PlanPackageService(exchange)
        if args.plan_command == "export":
            path = packages.export_plan(args.out, args.year)
            print(_("ส่งออกแพ็กเกจแผนแล้ว: {path} (ลายนิ้วมือกุญแจ {fingerprint})").format(
                path=path, fingerprint=exchange.fingerprint()))
        else:
            info = packages.import_plan(args.file, args.trust_new)
            if args.json:
                _json(info)
            else:
                print(_("นำเข้าแผนปีงบประมาณ พ.ศ. {fiscal_year} ฉบับที่ {package_number} แล้ว "
                        "({rows} ตัวชี้วัด; ตัวชี้วัดที่ถูกนำออก {removed_rows} แถว "
                        "ผลที่บันทึกไว้ของแถวเหล่านั้น {orphaned_progress} รายการถูกเก็บไว้)").format(
                    fiscal_year=info["fiscal_year"], package_number=info["package_number"], rows=info["rows"],
                    removed_rows=info["removed_rows"], orphaned_progress=info["orphaned_progress"]))
        return 0
    if args.command == "export":
        out = args.out
        folder = out if out is not None and out.is_dir() else None
        path, sequence = exchange.export_office(None if folder else out, args.year, folder=folder)
        print(_("ส่งออกแล้ว: {path} (ลำดับที่ {sequence})").format(path=path, sequence=sequence))
        return 0
    if args.command == "import":
        def progress(done: int, total: int, name: str) -> None:
            if not args.json and name:
                print(f"[{done + 1}/{total}] {name}", file=sys.stderr)

        exchange.on_progress = progress
        report = exchange.import_files(args.paths, dry_run=args.dry_run, trust_new=args.trust_new)
        if args.json:
            _json(report.as_json())
        else:
            for f in report.files:
                counts = _("เพิ่ม {added}, ปรับปรุง {updated}, คงเดิม {unchanged}, ขัดแย้ง {conflicts}").format(
                    added=f.added, updated=f.updated, unchanged=f.unchanged, conflicts=f.conflicts)
                if f.held:
                    counts += ", " + _("พักไว้ {held}").format(held=f.held)
                print(f"{_(STATUS_TEXT[f.status])}: {f.file} — {f.reason} ({counts})")
                for change in f.changes if args.dry_run else []:
                    print(f"    {change}")
            t = report.totals()
            print(ngettext("รวม {files} ไฟล์: ", "รวม {files} ไฟล์: ", t["files"]).format(files=t["files"])
                  + _("เพิ่ม {added}, ปรับปรุง {updated}, คงเดิม {unchanged}, ขัดแย้ง {conflicts}").format(**t) + ", "
                  + (_("พักไว้ {held} ({outside}), ").format(held=t["held"], outside=_(OUTSIDE_PLAN_TEXT))
                     if t["held"] else "")
                  + ngettext("ปฏิเสธ {count} ไฟล์", "ปฏิเสธ {count} ไฟล์", t["files_rejected"]).format(
                      count=t["files_rejected"])
                  + (" " + _("(ทดลอง ไม่ได้บันทึก)") if args.dry_run else ""))
        return 0 if report.ok else 2
    if args.command == "undo-import":
        info = exchange.undo_import()
        print(ngettext("ยกเลิกการนำเข้าแล้ว ({count} ไฟล์) กลับสู่สภาพก่อนนำเข้าจาก {backup}",
                       "ยกเลิกการนำเข้าแล้ว ({count} ไฟล์) กลับสู่สภาพก่อนนำเข้าจาก {backup}",
                       len(info["files"])).format(count=len(info["files"]), backup=info["backup"]))
        return 0
    if args.command == "ledger":
        rows = exchange.ledger()
        if args.json:
            _json(rows)
        else:
            for r in rows:
                print(f"{r['imported_at']}  {_(STATUS_TEXT[r['status']]):<14} {r['file_name']}  "
                      + _("ลำดับ {sequence}").format(sequence=r["sequence"]) + f"  {r['reason']}")
        return 0
    if args.command == "conflicts":
        return _conflicts(args, exchange)
    if args.command == "keys":
        if args.reenrol:
            done = exchange.reenrol(args.reenrol)
            print(_("ลบกุญแจที่ลงทะเบียนไว้แล้ว ไฟล์ถัดไปจะต้องยืนยันกุญแจใหม่") if done else _("หน่วยงานนี้ยังไม่ได้ลงทะเบียนกุญแจ"))
            return 0
        print(_("ลายนิ้วมือกุญแจของเครื่องนี้: {fingerprint}").format(fingerprint=exchange.fingerprint()))
        names = {a.uid: a.name for a in service.agencies()}
        for k in exchange.office_keys():
            print(f"  {names.get(k['agency_uid'], k['agency_uid'])}: {k['fingerprint']} "
                  + _("(ลงทะเบียน {pinned_at})").format(pinned_at=k["pinned_at"]))
        return 0
    if args.command == "verify":
        found = exchange.verify(args.code)
        if args.json:
            _json(found)
        elif found is None:
            print(_("ไม่พบไฟล์ที่นำเข้าซึ่งตรงกับรหัส {code}").format(code=args.code))
        else:
            print(_("รหัส {code} ตรงกับไฟล์ “{file}” ของ{office} (ลำดับที่ {sequence}, นำเข้าเมื่อ {imported_at})").format(
                code=found["code"], file=found["file"], office=found["office"], sequence=found["sequence"],
                imported_at=found["imported_at"]))
        return 0 if found else 2
    if args.command == "backup":
        path = backup_service.backup_now(service, dest=args.out)
        info = backup_service.describe(path)
        print(ngettext("สำรองข้อมูลแล้ว: {path} (ฐานข้อมูลและไฟล์หลักฐาน {count} ไฟล์)",
                       "สำรองข้อมูลแล้ว: {path} (ฐานข้อมูลและไฟล์หลักฐาน {count} ไฟล์)",
                       info.evidence_files).format(path=path, count=info.evidence_files))
        if info.evidence_not_inside:
            print(ngettext("คำเตือน: ไม่พบไฟล์หลักฐาน {count} ไฟล์ในเครื่องนี้ จึงไม่อยู่ในไฟล์สำรอง",
                           "คำเตือน: ไม่พบไฟล์หลักฐาน {count} ไฟล์ในเครื่องนี้ จึงไม่อยู่ในไฟล์สำรอง",
                           info.evidence_not_inside).format(count=info.evidence_not_inside), file=sys.stderr)
        return 0
    return None


def _conflicts(args: argparse.Namespace, exchange: Any) -> int:
    """Pending conflicts (1..n), then office values held aside as outside the plan (n+1..)."""
    pending = exchange.conflicts()
    held = exchange.held_values()
    if args.resolve is not None:
        if not 1 <= args.resolve <= len(pending) + len(held):
            raise TratError(_("ไม่มีรายการลำดับที่ {n}").format(n=args.resolve))
        if args.resolve <= len(pending):
            if not (args.keep_mine or args.take_theirs):
                raise TratError(_("รายการนี้เป็นค่าที่ขัดแย้ง: ระบุ --keep-mine หรือ --take-theirs"))
            exchange.resolve(pending[args.resolve - 1][0], keep_mine=args.keep_mine)
        else:
            if not (args.accept or args.drop):
                raise TratError(_("รายการนี้เป็นค่าที่{outside}: ระบุ --accept (รับไว้) หรือ --drop (ไม่รับ)").format(outside=_(OUTSIDE_PLAN_TEXT)))
            exchange.settle_held(held[args.resolve - len(pending) - 1].theirs, accept=args.accept)
        print(_("บันทึกการตัดสินแล้ว"))
        return 0
    items = [{"n": i, "kind": "conflict", "indicator_uid": t.indicator_uid, "agency_uid": t.agency_uid,
              "quarter": t.quarter, "theirs": {"achieved": t.achieved, "status": t.status, "note": t.note},
              "mine": None if m is None else {"achieved": m.achieved, "status": m.status, "note": m.note}}
             for i, (t, m) in enumerate(pending, start=1)]
    items += [{"n": i, "kind": "outside_plan", "outside_plan": True, "indicator_uid": h.theirs.indicator_uid,
               "row": h.row_label, "agency_uid": h.theirs.agency_uid, "office": h.office,
               "quarter": h.theirs.quarter, "reasons": list(h.reasons), "reason_text": h.message(),
               "theirs": {"achieved": h.theirs.achieved, "status": h.theirs.status, "note": h.theirs.note},
               "mine": None if h.mine is None else {"achieved": h.mine.achieved, "status": h.mine.status,
                                                    "note": h.mine.note}}
              for i, h in enumerate(held, start=len(pending) + 1)]
    if args.json:
        _json(items)
        return 0
    if not items:
        print(_("ไม่มีค่าที่ขัดแย้งหรือค่าที่พักไว้"))
    for it in items:
        mine = it["mine"] or {}
        if it["kind"] == "conflict":
            print(f"{it['n']}. " + _("ไตรมาส {quarter}: ของผู้ประสานงาน {mine} ({mine_status}) / ของหน่วยงาน {theirs} "
                                     "({theirs_status})").format(
                quarter=it["quarter"], mine=mine.get("achieved"), mine_status=status_text(mine.get("status", "")),
                theirs=it["theirs"]["achieved"], theirs_status=status_text(it["theirs"]["status"])))
        else:
            print(f"{it['n']}. [{it['row']}] {it['office']} "
                  + _("ไตรมาส {quarter}: ค่าของหน่วยงาน {theirs} ({status}) — {reason} "
                      "(--accept รับไว้ / --drop ไม่รับ)").format(
                      quarter=it["quarter"], theirs=number_text(it["theirs"]["achieved"], False) or "-",
                      status=status_text(it["theirs"]["status"]), reason=it["reason_text"]))
    return 0


def restore_command(db_path: Path, backup: Path) -> int:
    """`trat-desktop restore FILE`, run without opening the (perhaps broken) current database.
    Works on a new, empty data folder too (a new PC: `--db` pointing anywhere)."""
    result = backup_service.restore_backup(db_path, backup)
    PlanService.open(db_path).close()  # upgrades an older backup to this version
    lines = [_("กู้คืนจาก “{backup}” แล้ว").format(backup=backup) + " "
             + (_("ฐานข้อมูลเดิมเก็บไว้ที่ “{aside}”").format(aside=result.aside) if result.aside
                else _("ไปที่ “{db_path}”").format(db_path=db_path))]
    if result.evidence_restored:
        lines.append(ngettext("ไฟล์หลักฐาน {count} ไฟล์อยู่ในโฟลเดอร์ข้อมูลแล้ว",
                              "ไฟล์หลักฐาน {count} ไฟล์อยู่ในโฟลเดอร์ข้อมูลแล้ว",
                              result.evidence_restored).format(count=result.evidence_restored))
    if result.evidence_missing:
        lines.append(ngettext("คำเตือน: ไม่มีไฟล์หลักฐาน {count} ไฟล์ในไฟล์สำรองและในเครื่องนี้ "
                              "(ไฟล์สำรองรุ่นเก่าเก็บเฉพาะฐานข้อมูล) ให้นำไฟล์เหล่านั้นมาแนบใหม่ก่อนส่งออก",
                              "คำเตือน: ไม่มีไฟล์หลักฐาน {count} ไฟล์ในไฟล์สำรองและในเครื่องนี้ "
                              "(ไฟล์สำรองรุ่นเก่าเก็บเฉพาะฐานข้อมูล) ให้นำไฟล์เหล่านั้นมาแนบใหม่ก่อนส่งออก",
                              result.evidence_missing).format(count=result.evidence_missing))
    print("\n".join(lines))
    return 0
