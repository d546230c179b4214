"""Command-line verbs for the reporting rounds.

    trat-desktop round list [--year Y] [--json]
    trat-desktop round set ROUND [--year Y] [--due DATE] [--from DATE --to DATE]      # coordinator
    trat-desktop round submit ROUND [--year Y] [--signer NAME --position POSITION]    # office
    trat-desktop round withdraw ROUND [--year Y] --reason TEXT                        # office

    trat-desktop review OFFICE ROUND --accept | --return | --checked [--comment TEXT] [--year Y]   # coordinator
    trat-desktop comment ROW_ID --quarter N [--agency A] --text TEXT [--year Y]                # coordinator
    trat-desktop comment answer COMMENT_ID --text TEXT                                          # office
    trat-desktop comment list [--year Y] [--json]

ROUND: q1 q2 q3 q4 h1 (รอบ ๖ เดือน) y (รอบ ๑๒ เดือน). DATE: Thai BE (๑๕ เม.ย. ๒๕๖๙, 15/4/2569) or ISO.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .cli_language import date_text, digits_text, thai_digits
from .i18n import N_, _, language, ngettext
from .domain.capabilities import can, own_office
from .domain.rounds import ROUND_IDS
from .services import PlanService, ProgressService

STATE_TEXT = {"open": N_("ยังไม่ส่ง"), "submitted": N_("ลงนามส่งแล้ว"), "withdrawn": N_("ถอนการส่งแล้ว")}


def add_parsers(commands: Any) -> None:
    rounds = commands.add_parser("round", help=_("รอบรายงาน: ไตรมาส ๑–๔ รอบ ๖ เดือน รอบ ๑๒ เดือน"))
    cmds = rounds.add_subparsers(dest="round_command", required=True)
    listing = cmds.add_parser("list", help=_("รอบรายงานของปี ช่วงเวลา วันครบกำหนดส่ง และสถานะ"))
    listing.add_argument("--year", type=int, help=_("ปีงบประมาณ พ.ศ."))
    listing.add_argument("--json", action="store_true")
    setting = cmds.add_parser("set", help=_("กำหนดช่วงเวลาหรือวันครบกำหนดส่งของรอบ (ศูนย์ฯ)"))
    setting.add_argument("round", choices=ROUND_IDS)
    setting.add_argument("--year", type=int)
    setting.add_argument("--due", help=_("วันครบกำหนดส่ง"))
    setting.add_argument("--from", dest="start", help=_("วันเริ่มต้นของรอบ"))
    setting.add_argument("--to", dest="end", help=_("วันสิ้นสุดของรอบ"))
    submit = cmds.add_parser("submit", help=_("ลงนามส่งรายงานรอบนี้ (หน่วยงาน) ค่าของรอบจะถูกล็อกบนเครื่องนี้"))
    submit.add_argument("round", choices=ROUND_IDS)
    submit.add_argument("--year", type=int)
    submit.add_argument("--signer", default="", help=_("ชื่อหัวหน้าส่วนราชการผู้ลงนาม (ค่าเริ่มต้น: จากการตั้งค่า)"))
    submit.add_argument("--position", default="", help=_("ตำแหน่งผู้ลงนาม"))
    submit.add_argument("--out", type=Path, help=_("ไฟล์ส่งออกฉบับสุดท้ายของรอบ (ค่าเริ่มต้น: ชื่อตามหน่วยงานและวันที่)"))
    withdraw = cmds.add_parser("withdraw", help=_("ถอนการส่งรายงานรอบนี้เพื่อแก้ไข (หน่วยงาน)"))
    withdraw.add_argument("round", choices=ROUND_IDS)
    withdraw.add_argument("--year", type=int)
    withdraw.add_argument("--reason", required=True, help=_("เหตุผลที่ถอน"))


def add_review_parsers(commands: Any) -> None:
    review = commands.add_parser("review", help=_("ตรวจรับรายงานของหน่วยงานรายรอบ (ศูนย์ฯ)"))
    review.add_argument("office", help=_("ชื่อ ชื่อย่อ หรือรหัสหน่วยงาน"))
    review.add_argument("round", choices=ROUND_IDS)
    review.add_argument("--year", type=int)
    action = review.add_mutually_exclusive_group(required=True)
    action.add_argument("--accept", dest="action", action="store_const", const="accept", help=_("รับรายงาน"))
    action.add_argument("--return", dest="action", action="store_const", const="return", help=_("ส่งคืนเพื่อแก้ไข"))
    action.add_argument("--checked", dest="action", action="store_const", const="check", help=_("ตรวจแล้ว"))
    action.add_argument("--unlock", dest="action", action="store_const", const="unlock",
                        help=_("ปลดล็อกรอบที่รับแล้ว ให้หน่วยงานแก้ไขได้ (ส่งไปกับใบตอบรับ)"))
    review.add_argument("--comment", default="", help=_("ความเห็นถึงหน่วยงาน"))
    comment = commands.add_parser("comment", help=_("ความเห็นต่อตัวชี้วัดรายไตรมาส (ศูนย์ฯ) และคำตอบ (หน่วยงาน)"))
    comment.add_argument("target", help=_("รหัสตัวชี้วัด (ROW_ID), หรือ answer / list"))
    comment.add_argument("comment_id", nargs="?", type=int, help=_("หมายเลขความเห็น (สำหรับ answer)"))
    comment.add_argument("--quarter", type=int, choices=[1, 2, 3, 4])
    comment.add_argument("--agency", help=_("หน่วยงาน (เมื่อตัวชี้วัดมีหลายหน่วยงาน)"))
    comment.add_argument("--text", default="")
    comment.add_argument("--year", type=int)
    comment.add_argument("--json", action="store_true")


def add_reply_parsers(commands: Any) -> None:
    reply = commands.add_parser("reply", help=_("ใบตอบรับ: ศูนย์ฯ ส่งให้หน่วยงาน หน่วยงานนำเข้า"))
    cmds = reply.add_subparsers(dest="reply_command", required=True)
    export = cmds.add_parser("export", help=_("ส่งออกใบตอบรับ (ศูนย์ฯ)"))
    who = export.add_mutually_exclusive_group(required=True)
    who.add_argument("--office", help=_("หน่วยงาน"))
    who.add_argument("--all", action="store_true", help=_("ทุกหน่วยงาน (--out เป็นโฟลเดอร์)"))
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--year", type=int)
    take = cmds.add_parser("import", help=_("นำเข้าใบตอบรับจากศูนย์ฯ (หน่วยงาน)"))
    take.add_argument("file", type=Path)
    take.add_argument("--trust-new", action="store_true", help=_("ยอมรับกุญแจของศูนย์ฯ ครั้งแรก (ตรวจลายนิ้วมือแล้ว)"))


def add_figures_parser(commands: Any) -> None:
    figures = commands.add_parser("figures", help=_("ผลสัมฤทธิ์: ร้อยละความสำเร็จ ตัวชี้วัดที่บรรลุ งบประมาณที่ใช้ รายกิจกรรม ยุทธศาสตร์ จังหวัด"))
    figures.add_argument("--year", type=int)
    figures.add_argument("--round", choices=ROUND_IDS, help=_("เฉพาะไตรมาสของรอบนี้ (ค่าเริ่มต้น: ทั้งปี)"))
    figures.add_argument("--json", action="store_true")
    sub = figures.add_subparsers(dest="figures_command")
    limits = sub.add_parser("thresholds", help=_("เกณฑ์ผลสัมฤทธิ์: บรรลุ / ใกล้เคียง (ร้อยละของเป้าหมาย; ศูนย์ฯ กำหนด)"))
    limits.add_argument("--achieved", help=_("ร้อยละของเป้าหมายที่ถือว่า “บรรลุ” (ค่าเริ่มต้น 100)"))
    limits.add_argument("--near", help=_("ร้อยละของเป้าหมายที่ถือว่า “ใกล้เคียง” (ค่าเริ่มต้น 80)"))
    limits.add_argument("--json", action="store_true")


def add_timeliness_parser(commands: Any) -> None:
    timely = commands.add_parser("timeliness", help=_("ความตรงเวลาในการส่งรายงานของแต่ละหน่วยงาน (ศูนย์ฯ)"))
    timely.add_argument("--round", choices=ROUND_IDS, help=_("รอบ (ค่าเริ่มต้น: ทุกรอบ)"))
    timely.add_argument("--year", type=int)
    timely.add_argument("--json", action="store_true")
    timely.add_argument("--reminders", action="store_true", help=_("ข้อความแจ้งเตือนพร้อมส่งทาง LINE หรืออีเมล"))


def _thresholds(args: argparse.Namespace, figures: Any) -> int:
    """Show the bands, or set them (the coordinator; either limit alone keeps the other)."""
    current = figures.thresholds()
    if args.achieved is not None or args.near is not None:
        current = figures.set_thresholds(current.achieved if args.achieved is None else args.achieved,
                                         current.near if args.near is None else args.near)
    if args.json:
        print(json.dumps({"achieved": current.achieved, "near": current.near}, ensure_ascii=False))
    else:
        print((_("บันทึกเกณฑ์แล้ว: ") if args.achieved is not None or args.near is not None else _("เกณฑ์ผลสัมฤทธิ์: "))
              + current.text(thai_digits(), language()))
    return 0


def _year(args: argparse.Namespace, service: PlanService) -> int:
    return args.year or service.default_year() or service.fiscal_years()[-1]


def run(args: argparse.Namespace, service: PlanService) -> int | None:
    if args.command in ("review", "comment"):
        return _review(args, service)
    if args.command == "timeliness":
        return _timeliness(args, service)
    if args.command == "reply":
        return _reply(args, service)
    if args.command == "figures":
        from .services.figures import FiguresService

        figures = FiguresService(ProgressService(service))
        if getattr(args, "figures_command", None) == "thresholds":
            return _thresholds(args, figures)
        data = figures.as_json(_year(args, service), args.round)
        if args.json:
            print(json.dumps(data, ensure_ascii=False, indent=2))
            return 0
        province, _offices = figures.figures(data["fiscal_year"], args.round)
        who = _("หน่วยงาน") if own_office(figures.progress.identity()) is not None else _("จังหวัด")
        print(ngettext("{who}: {sentence} · บรรลุเป้าหมาย {count} ตัวชี้วัด",
                       "{who}: {sentence} · บรรลุเป้าหมาย {count} ตัวชี้วัด", province.on_target).format(
            who=who, sentence=province.sentence(thai_digits(), language()), count=digits_text(province.on_target)))
        for number, strategy in province.children.items():
            print("  " + _("ยุทธศาสตร์ที่ {number}: {sentence}").format(
                number=number, sentence=strategy.sentence(thai_digits(), language())))
        return 0
    if args.command != "round":
        return None
    from .services.rounds import RoundService

    rounds = RoundService(ProgressService(service))
    year = _year(args, service)
    if args.round_command == "list" and can(rounds.progress.identity(), "review"):  # the review board
        from .services.rounds import ReviewService, board

        entries = board(ReviewService(rounds.progress), year)
        if args.json:
            by_round: dict[str, Any] = {}
            for e in entries:
                by_round.setdefault(e.round.id, {**e.round.as_json(), "offices": []})["offices"].append(e.as_json())
            print(json.dumps(list(by_round.values()), ensure_ascii=False, indent=2))
            return 0
        for r in rounds.rounds(year):
            mine = [e for e in entries if e.round.id == r.id]
            got = sum(1 for e in mine if e.state != "not_received")
            print(f"{r.id:<3} {r.title(language()):<14} {date_text(r.start)} – {date_text(r.end)}  "
                  + _("ครบกำหนดส่ง {due}  ได้รับ {got}/{total} หน่วยงาน").format(due=date_text(r.due), got=got,
                                                                            total=len(mine)))
        return 0
    if args.round_command == "list":
        views = rounds.views(year)
        if args.json:
            print(json.dumps([v.as_json() for v in views.values()], ensure_ascii=False, indent=2))
            return 0
        for view in views.values():
            r = view.round
            extra = (" " + ngettext("(แก้ไขหลังลงนาม {count} รายการ)", "(แก้ไขหลังลงนาม {count} รายการ)",
                                    view.changed_after_signoff).format(count=view.changed_after_signoff)
                     if view.changed_after_signoff else "")
            state = _(STATE_TEXT[view.state]) if can(rounds.progress.identity(), "own_rounds") else ""
            print((f"{r.id:<3} {r.title(language()):<14} {date_text(r.start)} – {date_text(r.end)}  "
                   + _("ครบกำหนดส่ง {due}").format(due=date_text(r.due)) + f"  {state}{extra}").rstrip())
        return 0
    if args.round_command == "set":
        changed = rounds.set_dates(year, args.round, start=args.start, end=args.end, due=args.due)
        print(_("กำหนด{name}: {start} – {end} ครบกำหนดส่ง {due}").format(
            name=changed.title(language()), start=date_text(changed.start), end=date_text(changed.end),
            due=date_text(changed.due)))
        return 0
    if args.round_command == "submit":
        view, path = rounds.submit(year, args.round, args.signer, args.position, out=args.out)
        sub = view.submission
        print(_("ลงนามส่ง{name}แล้ว โดย {signer} ค่าของไตรมาส {quarters} ถูกล็อกบนเครื่องนี้\n"
                "ไฟล์ฉบับสุดท้ายของรอบ: {path}\nโปรดส่งไฟล์นี้ให้ศูนย์ฯ ทาง LINE อีเมล หรือ USB").format(
            name=view.round.title(language()), signer=sub.signer_name if sub else "",
            quarters=", ".join(str(q) for q in view.round.quarters()), path=path))
        return 0
    view = rounds.withdraw(year, args.round, args.reason)
    print(_("ถอนการส่ง{name}แล้ว แก้ไขค่าได้อีกครั้ง").format(name=view.round.title(language())))
    return 0


def _review(args: argparse.Namespace, service: PlanService) -> int:
    from .domain.rounds import REVIEW_TEXT
    from .errors import TratError
    from .services.rounds import ReviewService

    reviews = ReviewService(ProgressService(service))
    year = _year(args, service)
    if args.command == "review":
        state = reviews.set_state(args.office, year, args.round, args.action, args.comment)
        print(_("บันทึกผลการตรวจ{name}: {state}").format(name=reviews.rounds.find(year, args.round).title(language()),
                                                       state=_(REVIEW_TEXT[state])))
        return 0
    if args.target == "list":
        from .domain.labels import row_labels

        found = reviews.comments(year)
        labels = row_labels(service.load_plan(year))  # the row a comment is on, as people name it ("1/1.5/2")
        if args.json:
            print(json.dumps([{**c._asdict(), "indicator": labels.get(c.indicator_uid or "", "")} for c in found],
                             ensure_ascii=False, indent=2))
        for c in [] if args.json else found:
            label = labels.get(c.indicator_uid or "", "")
            where = ((_("ตัวชี้วัด {label} ไตรมาส {quarter}") if label else _("ไตรมาส {quarter}")).format(
                label=label, quarter=c.quarter) if c.quarter else (c.round_id or ""))
            answer = " — " + (_("ตอบ: {answer}").format(answer=c.answer) if c.answer else _("ยังไม่ตอบ"))
            print(f"#{c.id} {where}: {c.text}{answer}")
        return 0
    if args.target == "answer":
        if args.comment_id is None or not args.text.strip():
            raise TratError(_("ใช้: trat-desktop comment answer COMMENT_ID --text ข้อความ"))
        answered = reviews.answer(args.comment_id, args.text)
        print(_("ตอบความเห็น #{id} แล้ว").format(id=answered.id))
        return 0
    if args.quarter is None:
        raise TratError(_("ต้องระบุไตรมาส (--quarter)"))
    made = reviews.comment(args.target, args.quarter, args.text, args.agency, args.year)
    print(_("บันทึกความเห็น #{id} แล้ว").format(id=made.id))
    return 0


def _timeliness(args: argparse.Namespace, service: PlanService) -> int:
    from .domain.capabilities import require
    from .domain.rounds import REVIEW_TEXT
    from .errors import TratError
    from .services.rounds import ReviewService, board, reminders

    review = ReviewService(ProgressService(service))
    require(review.progress.identity(), "review")
    year = _year(args, service)
    if args.reminders:
        if not args.round:
            raise TratError(_("ข้อความแจ้งเตือนต้องระบุรอบ (--round)"))
        found = reminders(review, year, args.round)
        if args.json:
            print(json.dumps([{"office": o, "message": m} for o, m in found], ensure_ascii=False, indent=2))
        else:
            print("\n\n".join(f"— {o} —\n{m}" for o, m in found) or _("ไม่มีหน่วยงานที่ต้องแจ้งเตือน"))
        return 0
    entries = board(review, year, args.round)
    if args.json:
        print(json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=2))
        return 0
    for e in entries:
        dates = (" " + _("(ลงนาม {signed_on}, ไฟล์ลงนามส่ง {submitted_at}, ได้รับ {received_at})").format(
            signed_on=e.signed_on, submitted_at=e.submitted_at[:16], received_at=e.received_at[:16])
                 if e.signed_on else "")
        if e.changed_after_signoff:
            dates += " " + ngettext("แก้ไขหลังลงนาม {count} รายการ", "แก้ไขหลังลงนาม {count} รายการ",
                                    e.changed_after_signoff).format(count=e.changed_after_signoff)
        print(f"{e.round.id:<3} {e.office_name}: {e.punctuality.text(thai_digits(), language())} · "
              f"{_(REVIEW_TEXT[e.state])}{dates}")
    return 0


def _reply(args: argparse.Namespace, service: PlanService) -> int:
    from .services.exchange import ExchangeService
    from .services.replies import ReplyService

    replies = ReplyService(ExchangeService(ProgressService(service)))
    if args.reply_command == "export":
        year = _year(args, service)
        made = replies.export_all(args.out, year) if args.all else [replies.export_reply(args.office, args.out, year)]
        for path in made:
            print(_("ส่งออกใบตอบรับแล้ว: {path}").format(path=path))
        return 0
    result = replies.import_reply(args.file, trust_new=args.trust_new)
    print(result["message"])
    if result["status"] == "imported":
        print(_("ความเห็นใหม่ {comments} รายการ, ผลการตรวจใหม่ {reviews} รายการ, ปลดล็อก {unlocks} รอบ").format(
            comments=result["comments"], reviews=result["reviews"], unlocks=result["unlocks"]))
    return 0
