"""The ``trat-desktop`` command: the GUI by default, plus scripting subcommands."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Sequence

from . import __version__, paths, startup_gc
# The subcommand modules (cli_exchange, cli_reports, ...) are imported where a command is parsed
# or run, not here: the GUI's start does not need them (~45 ms of imports, bench/startup.py).
from .domain.outline import plan_outline
from .errors import TratError, database_error
from .domain.display import number_text
from .domain.fiscal import YEAR_HELP
from .domain.identity import Identity
from .domain.plan_fit import OUTSIDE_PLAN_TEXT
from .domain.progress import STATUSES
from . import i18n
from .i18n import _, pgettext
from .services import PlanService, ProgressService, WorkItem


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trat-desktop",
        description=_("Trat Desktop: แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรมของจังหวัดตราด"),
    )
    parser.add_argument("--db", type=Path, help=_("ไฟล์ฐานข้อมูล (ค่าเริ่มต้น: โฟลเดอร์ข้อมูลของผู้ใช้)"))
    parser.add_argument("--smoke-test", action="store_true", help=_("เปิดหน้าต่างหลัก วาด แล้วปิด (สำหรับทดสอบ)"))
    parser.add_argument("--wait", type=float, metavar="SECONDS",
                        help=_("รอให้โปรแกรมอื่นที่กำลังเขียนฐานข้อมูลเขียนเสร็จได้นานกี่วินาที ก่อนแจ้งว่าฐานข้อมูลไม่ว่าง (ค่าเริ่มต้น 20)"))
    parser.add_argument("--version", action="version", version=f"Trat Desktop {__version__}",
                        help=_("แสดงรุ่นของโปรแกรมแล้วจบ"))
    parser.add_argument("--language", choices=sorted(i18n.LANGUAGES), default=i18n.language(),
                        help=_("ภาษาของข้อความในบรรทัดคำสั่ง: th (ไทย ค่าเริ่มต้น) หรือ en (English); "
                               "ตั้งด้วยตัวแปร TRAT_LANGUAGE ได้เช่นกัน รายงานพิมพ์เป็นภาษาไทยเสมอ"))
    commands = parser.add_subparsers(dest="command")

    plan = commands.add_parser("plan", help=_("แผนปฏิบัติการ"))
    plan_cmds = plan.add_subparsers(dest="plan_command", required=True)
    summary = plan_cmds.add_parser("summary", help=_("สรุปจำนวนและงบประมาณของแผน"))
    summary.add_argument("--json", action="store_true", help=_("พิมพ์เป็น JSON"))
    summary.add_argument("--year", type=int, help=_(YEAR_HELP))
    show = plan_cmds.add_parser("show", help=_("แสดงแผนเป็นโครงร่างภาษาไทย"))
    show.add_argument("--year", type=int, help=_(YEAR_HELP))
    show.add_argument("--digits", choices=["thai", "arabic"], default="thai", help=_("เลขไทยหรือเลขอารบิก"))
    import_text = plan_cmds.add_parser("import-text", help=_("นำเข้าแผนจากเอกสาร Word (.docx) หรือข้อความ (ตารางคั่นด้วยแท็บ)"))
    import_text.add_argument("file", type=Path)
    import_text.add_argument("--json", action="store_true")
    import_text.add_argument("--dry-run", action="store_true",
                             help=_("แสดงผลการเปรียบเทียบกับแผนที่มีอยู่ โดยไม่เปลี่ยนแปลงข้อมูล"))
    import_text.add_argument("--apply", action="store_true",
                             help=_("ปรับแผนของปีที่มีอยู่แล้วตามเอกสารฉบับปรับปรุง (หลังดูผลการเปรียบเทียบ)"))

    from . import cli_evidence, cli_exchange, cli_plan_edit, cli_reports, cli_rounds

    cli_exchange.add_parsers(commands, plan_cmds)
    cli_plan_edit.add_parsers(plan_cmds)
    cli_reports.add_parsers(commands, plan_cmds)
    cli_evidence.add_parsers(commands)
    cli_rounds.add_parsers(commands)
    cli_rounds.add_review_parsers(commands)
    cli_rounds.add_timeliness_parser(commands)
    cli_rounds.add_reply_parsers(commands)
    cli_rounds.add_figures_parser(commands)

    agencies = commands.add_parser("agencies", help=_("รายชื่อหน่วยงาน และคู่ที่อาจเป็นหน่วยงานเดียวกัน"))
    agencies.add_argument("--json", action="store_true")
    agency_cmds = agencies.add_subparsers(dest="agencies_command")
    merge = agency_cmds.add_parser("merge", help=_("(ผู้ประสานงาน) รวมหน่วยงาน B เข้ากับ A: ชื่อของ B เป็นชื่ออื่นของ A"))
    merge.add_argument("a", metavar="A", help=_("หน่วยงานที่คงไว้ (uid ชื่อ หรือชื่อย่อ)"))
    merge.add_argument("b", metavar="B", help=_("หน่วยงานที่รวมเข้าไป"))
    apart = agency_cmds.add_parser("keep-apart", help=_("(ผู้ประสานงาน) บันทึกว่า A และ B เป็นคนละหน่วยงาน"))
    apart.add_argument("a", metavar="A")
    apart.add_argument("b", metavar="B")
    agency_cmds.add_parser("undo", help=_("(ผู้ประสานงาน) ยกเลิกการรวมหรือแยกหน่วยงานครั้งล่าสุด"))

    setup = commands.add_parser("setup", help=_("ตั้งค่าเครื่องนี้: หน่วยงานหรือผู้ประสานงานจังหวัด และผู้รายงาน"))
    role = setup.add_mutually_exclusive_group(required=True)
    role.add_argument("--office", metavar="NAME_OR_ID", help=_("ชื่อ ชื่อย่อ หรือรหัสหน่วยงาน"))
    role.add_argument("--coordinator", action="store_true", help=_("ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดตราด"))
    setup.add_argument("--reporter", default="", help=_("ชื่อผู้รายงาน"))
    setup.add_argument("--position", default="", help=_("ตำแหน่งผู้รายงาน"))
    setup.add_argument("--phone", default="", help=_("โทรศัพท์ผู้รายงาน"))
    setup.add_argument("--head", default="", help=_("ชื่อหัวหน้าส่วนราชการ"))
    setup.add_argument("--head-position", default="", help=_("ตำแหน่งหัวหน้าส่วนราชการ"))

    progress = commands.add_parser("progress", help=_("ผลการดำเนินงานรายไตรมาส"))
    progress_cmds = progress.add_subparsers(dest="progress_command", required=True)
    listing = progress_cmds.add_parser("list", help=_("ตัวชี้วัดที่รับผิดชอบและผลรายไตรมาส"))
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--year", type=int, help=_(YEAR_HELP))
    listing.add_argument("--agency", help=_("(ผู้ประสานงาน) เฉพาะหน่วยงานนี้"))
    put = progress_cmds.add_parser("set", help=_("บันทึกผลของตัวชี้วัดหนึ่งในไตรมาสหนึ่ง"))
    put.add_argument("id", help=_("รหัสตัวชี้วัดจาก progress list เช่น 1/1.5/2"))
    put.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4])
    put.add_argument("--value", help=_("ผลการดำเนินงาน (เลขไทยหรือเลขอารบิก)"))
    put.add_argument("--spent", help=_("งบประมาณที่ใช้ (บาท)"))
    put.add_argument("--status", help=_("ยังไม่เริ่ม / กำลังดำเนินการ / ดำเนินการแล้ว / ยกเลิก"))
    put.add_argument("--result", "--note", dest="note",
                     help=_("ผลการดำเนินงาน: ทำอะไร เมื่อไร ที่ไหน ผู้เข้าร่วมกี่คน (--note ใช้แทนได้)"))
    put.add_argument("--problems", help=_("ปัญหาอุปสรรค"))
    put.add_argument("--suggestions", help=_("ข้อเสนอแนะ/แนวทางแก้ไข"))
    put.add_argument("--agency", help=_("(ผู้ประสานงาน) หน่วยงานที่บันทึกแทน"))
    put.add_argument("--year", type=int, help=_(YEAR_HELP))
    return parser


def _status(status: str) -> str:
    """A progress status in the command line's language (the stored Thai word in Thai)."""
    return pgettext("status", "ยกเลิก") if status == "cancelled" else _(STATUSES[status])


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _summary_text(data: dict[str, Any]) -> str:
    lines = [
        _("{title} ปีงบประมาณ พ.ศ. {year}").format(title=data['title'], year=data['fiscal_year']),
        _("ยุทธศาสตร์ {strategies} | กลยุทธ์ {tactics} | กิจกรรม {activities} | "
          "ตัวชี้วัด {indicators} | หน่วยงาน {agencies} | การมอบหมาย {assignments}").format(**data),
        _("งบประมาณรวม (คำนวณ) {total} บาท; เอกสารระบุ {stated}").format(
            total=f"{data['budget_total']:,}",
            stated=_("{amount} บาท").format(amount=f"{data['stated_budget_total']:,}")
            if data["stated_budget_total"] is not None else "-"),
    ]
    for number, amount in data["budget_by_strategy"].items():
        stated = data["stated_budget_by_strategy"][number]
        lines.append(_("  ยุทธศาสตร์ที่ {number}: {amount} บาท (เอกสารระบุ {stated})").format(
            number=number, amount=f"{amount:,}",
            stated=_("{amount} บาท").format(amount=f"{stated:,}") if stated is not None else "-"))
    lines.append(_("ข้อสังเกต {count} รายการ").format(count=len(data['warnings'])))
    lines += [f"  - [{w['code']}] " + (_("บรรทัดที่ {line}: ").format(line=w['line']) if w["line"] else "") + w["message"]
              for w in data["warnings"]]
    return "\n".join(lines)


def run_command(args: argparse.Namespace, service: PlanService) -> int:
    out = getattr(args, "out", None)
    if out is not None:  # a report, export or backup written over the live database would destroy it
        service.refuse_database_file(out)
    from . import cli_evidence, cli_exchange, cli_plan_edit, cli_reports, cli_rounds

    handled = cli_exchange.run(args, service)
    if handled is not None:
        return handled
    handled = cli_reports.run(args, service)
    if handled is not None:
        return handled
    handled = cli_evidence.run(args, service)
    if handled is not None:
        return handled
    handled = cli_plan_edit.run(args, service)
    if handled is not None:
        return handled
    handled = cli_rounds.run(args, service)
    if handled is not None:
        return handled
    if args.command == "plan":
        if args.plan_command == "summary":
            data = service.summary(args.year)
            _print_json(data) if args.json else print(_summary_text(data))
        elif args.plan_command == "show":
            sys.stdout.write(plan_outline(service.load_plan(args.year), args.digits == "thai"))
        elif args.plan_command == "import-text":
            return _import_text(args, service)
    elif args.command == "agencies":
        return _agencies(args, service)
    elif args.command == "setup":
        return _setup(args, ProgressService(service))
    elif args.command == "progress":
        return _progress(args, ProgressService(service))
    return 0


def _import_text(args: argparse.Namespace, service: PlanService) -> int:
    """A new year imports at once; a revision of an existing year is previewed and needs --apply
    (without it: the preview and exit 3; --dry-run: the preview and exit 0). Nothing changes otherwise."""
    result = service.preview_plan_text(args.file)
    if args.dry_run or (result.is_revision and not args.apply and not result.changes_nothing):
        _print_json({"applied": False, **result.as_json()}) if args.json else print("\n".join(result.lines()))
        if not args.dry_run:
            print(_("ยังไม่ได้เปลี่ยนแปลงแผน: ตรวจดูรายการข้างต้น แล้วสั่งอีกครั้งพร้อม --apply"), file=sys.stderr)
            return 3
        return 0
    if result.changes_nothing:
        _print_json({"applied": False, **result.as_json()}) if args.json else print("\n".join(result.lines()))
        return 0
    plan = service.apply_plan_import(result)
    data = service.summary(plan.fiscal_year)
    if args.json:
        _print_json({**data, "applied": True, **({"revision_of": result.as_json()} if result.is_revision else {})})
    else:
        if result.is_revision:
            print("\n".join(result.lines()))
        print(_("นำเข้าแผนปีงบประมาณ พ.ศ. {year} แล้ว (ฉบับที่ {revision})").format(year=plan.fiscal_year, revision=plan.revision)
              + "\n" + _summary_text(data))
    return 0


def _agencies(args: argparse.Namespace, service: PlanService) -> int:
    from .services.agencies import AgencyService, decision_text

    agencies = AgencyService(ProgressService(service))
    if args.agencies_command in ("merge", "keep-apart", "undo"):
        if args.agencies_command == "merge":
            print(decision_text(agencies.merge(args.a, args.b)))
        elif args.agencies_command == "keep-apart":
            print(decision_text(agencies.keep_apart(args.a, args.b)))
        else:
            print(decision_text(agencies.undo(), undone=True))
        return 0
    rows, pending = service.agencies(), agencies.pending()
    if args.json:
        def partners(uid: str) -> list[dict[str, Any]]:
            return [{"uid": p.other_uid if p.agency_uid == uid else p.agency_uid,
                     "name": p.other_name if p.agency_uid == uid else p.agency_name, "source": p.source}
                    for p in pending if uid in (p.agency_uid, p.other_uid)]

        _print_json([{"id": a.id, "uid": a.uid, "name": a.name, "short_name": a.short_name,
                      "aliases": a.aliases, "indicator_rows": a.indicator_rows,
                      "possible_duplicates": partners(a.uid)} for a in rows])
        return 0
    for a in rows:
        extra = _(" (ชื่ออื่น: {aliases})").format(aliases=', '.join(a.aliases)) if a.aliases else ""
        print(f"{a.id:>3}  " + _("{name} — ตัวชี้วัด {rows} แถว{extra}").format(name=a.name, rows=a.indicator_rows,
                                                                           extra=extra))
    if pending:
        print("\n" + _("อาจเป็นหน่วยงานเดียวกัน รอการตัดสินใจ {count} คู่ "
                       "(trat-desktop agencies merge A B หรือ agencies keep-apart A B):").format(count=len(pending)))
        for p in pending:
            print(_("- “{name}” อาจเป็นหน่วยงานเดียวกับ “{other}” ({source})").format(
                name=p.agency_name, other=p.other_name, source=p.source))
    return 0


def _setup(args: argparse.Namespace, progress: ProgressService) -> int:
    identity = progress.set_identity(Identity(
        role="coordinator" if args.coordinator else "office", office_name=args.office or "",
        reporter_name=args.reporter, reporter_position=args.position, reporter_phone=args.phone,
        head_name=args.head, head_position=args.head_position,
    ))
    print(_("ตั้งค่าเครื่องนี้เป็น: {name}").format(name=identity.display_name))
    return 0


def _item_json(item: WorkItem, figures: Any = None) -> dict[str, Any]:
    def entry(q: int) -> dict[str, Any] | None:
        if q not in item.entries:
            return None
        e = item.entries[q]
        out = {"achieved": e.achieved, "spent": None if e.spent_satang is None else e.spent_satang / 100,
               "status": e.status, "note": e.note, "result": e.note, "problems": e.problems,
               "suggestions": e.suggestions, "reporter": e.reporter, "updated_at": e.updated_at,
               "revision": e.revision, "outside_plan": q in item.outside}
        if q in item.outside:
            out["reasons"] = list(item.outside[q].reasons)
            out["reason_text"] = item.outside[q].message()
        return out

    return {
        "id": item.id, "fiscal_year": item.fiscal_year, "indicator_uid": item.indicator_uid, "strategy": item.strategy, "tactic": item.tactic,
        "activity_code": item.activity_code, "activity_title": item.activity_title,
        "indicator": item.indicator, "unit": item.unit, "target": item.target,
        "quarters": [item.quarter_from, item.quarter_to], "agency": item.agency_name,
        "agency_uid": item.agency_uid,
        "allocated": None if item.allocated_satang is None else item.allocated_satang / 100,
        "assigned": item.assigned, "outside_plan": bool(item.outside),
        "progress": {str(q): entry(q) for q in range(1, 5)},
        **({} if figures is None else {"achieved_to_date": figures.achieved_to_date,
                                       "achievement_pct": figures.achievement_pct, "band": figures.band,
                                       "band_text": figures.as_json()["band_text"],
                                       "contradiction": figures.contradiction}),
    }


def _progress(args: argparse.Namespace, progress: ProgressService) -> int:
    if args.progress_command == "list":
        agency_uid = progress.find_agency(args.agency)[0] if args.agency else None
        items = progress.work_items(args.year, agency_uid)
        if args.json:
            from .services.figures import FiguresService

            figures = FiguresService(progress)
            thresholds = figures.thresholds()
            _print_json([_item_json(i, figures.item(i, thresholds=thresholds) if i.assigned else None) for i in items])
            return 0
        print(_("{name}: ตัวชี้วัด {count} รายการ").format(name=progress.identity().display_name, count=len(items)))
        for item in items:
            done = ", ".join(_("ไตรมาส {quarter}: {achieved} ({status})").format(
                quarter=q, achieved=number_text(e.achieved, False) or '-', status=_status(e.status))
                             + (f" [{_(OUTSIDE_PLAN_TEXT)}]" if q in item.outside else "")
                             for q, e in sorted(item.entries.items()))
            print(f"[{item.id}] {item.indicator or item.activity_title} | "
                  + _("เป้าหมาย {target} {unit}").format(target=number_text(item.target, False), unit=item.unit)
                  + f" | {item.agency_name}" + (f" | {done}" if done else ""))
        return 0
    item = progress.find_item(args.id, args.agency, args.year)
    fields = {k: v for k, v in {"achieved": args.value, "spent": args.spent, "status": args.status,
                                "note": args.note, "problems": args.problems,
                                "suggestions": args.suggestions}.items() if v is not None}
    if not fields:
        raise TratError(_("ไม่มีค่าที่จะบันทึก: ระบุ --value, --spent, --status, --result, --problems หรือ --suggestions"))
    entry, warnings = progress.set_progress(item, args.quarter, **fields)
    for warning in warnings:
        print(_("คำเตือน: {warning}").format(warning=warning), file=sys.stderr)
    print(_("บันทึกแล้ว [{id}] ไตรมาส {quarter}: ผล {achieved} สถานะ {status} (ครั้งที่ {revision})").format(
        id=item.id, quarter=args.quarter, achieved=number_text(entry.achieved, False) or '-',
        status=_status(entry.status), revision=entry.revision))
    return 0


def smoke_report(service: PlanService) -> int:
    """The smoke test's second half: the plan report as a PDF in a temporary folder (fonts, shaping,
    word list and reportlab all found, also in a frozen build). 0 if it worked."""
    import tempfile

    from .services import reports

    with tempfile.TemporaryDirectory(prefix="trat-smoke-") as folder:
        out = Path(folder) / "plan.pdf"
        try:
            result = reports.plan_report(ProgressService(service), out)
            ok = result.pages > 0 and out.read_bytes()[:5] == b"%PDF-"
        except Exception as exc:  # noqa: BLE001 - the smoke test reports any failure
            _say(f"smoke test: report failed: {exc!r}", error=True)
            return 1
    _say(f"smoke test: report ok ({result.pages} pages)" if ok else "smoke test: report is empty", error=not ok)
    return 0 if ok else 1


def _say(text: str, error: bool = False) -> None:
    """Print if there is a console (a windowed Windows build has sys.stdout = None)."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(text, file=stream)


def _gui_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """Starting the GUI (no command): just the global options, read without building a parser (one
    ArgumentParser costs a few ms of start-up, the ~25 subcommand parsers more). None for anything else
    (a command, help, an abbreviated option): the full parser reads it."""
    tokens = list(sys.argv[1:] if argv is None else argv)
    values: dict[str, str | None] = {"--db": None, "--language": None}  # (the GUI's language is its own setting)
    smoke_test = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        name, equals, value = token.partition("=")
        if token == "--smoke-test":
            smoke_test = True
        elif name in values and equals:
            values[name] = value
        elif token in values and i + 1 < len(tokens) and not tokens[i + 1].startswith("-"):
            values[token] = tokens[i + 1]
            i += 1
        else:
            return None
        i += 1
    db = values["--db"]
    return argparse.Namespace(db=None if db is None else Path(db), language=values["--language"],
                              smoke_test=smoke_test, command=None)


def _silence_stdout() -> None:
    """Point stdout at the null device, so Python's flush at exit meets no closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    finally:
        startup_gc.resume()  # (if the window never painted)


def _main(argv: Sequence[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    from .cli_language import choose

    choose(sys.argv[1:] if argv is None else argv)  # before any parser: argparse reads its words when built
    args = _gui_args(argv) or build_parser().parse_args(argv)
    if args.command is None:
        startup_gc.pause()  # the GUI's start: the cycle collector waits for the window's first paint (gui/app.py)
    else:
        startup_gc.resume()
    if args.command == "restore":
        from . import cli_exchange

        try:
            return cli_exchange.restore_command(args.db or paths.default_db_path(), args.file)
        except TratError as exc:
            print(_("ข้อผิดพลาด: {message}").format(message=exc.message), file=sys.stderr)
            return 2
    instance = None
    if args.command is None:
        from .platform_check import gui_problem  # before anything makes a QApplication

        problem = gui_problem()
        if problem:
            print(_("ข้อผิดพลาด: {message}").format(message=problem), file=sys.stderr)
            return 2
    if args.command is None and not args.smoke_test:
        from .gui.app import claim_database  # one window per database: a second copy shows the first

        instance, code = claim_database(args.db or paths.default_db_path())
        if instance is None:
            return code
    try:
        wait = getattr(args, "wait", None)
        service = PlanService.open(args.db, check=True, write_wait=None if wait is None else max(0.0, wait))
    except TratError as exc:
        if args.command is None and not args.smoke_test:
            from .gui.app import run_start_problem  # a Thai screen, with the restore offer if damaged

            return run_start_problem(args.db or paths.default_db_path(), exc, instance=instance)
        print(_("ข้อผิดพลาด: {message}").format(message=exc.message), file=sys.stderr)
        return 2
    try:
        if args.command is None:
            from .gui.app import run_gui

            code = run_gui(service, smoke_test=args.smoke_test, instance=instance)
            if args.smoke_test and code == 0:
                code = smoke_report(service)
            return code
        return run_command(args, service)
    except BrokenPipeError:  # the reader went away (`... | head`): stop quietly, without a traceback
        _silence_stdout()
        return 0
    except Exception as exc:  # noqa: BLE001 - a database failure is told in Thai, others propagate
        translated = database_error(exc)
        if translated is None:
            raise
        print(_("ข้อผิดพลาด: {message}").format(message=translated.message), file=sys.stderr)
        return 2
    finally:
        service.close()
        if instance is not None:
            instance.release()
