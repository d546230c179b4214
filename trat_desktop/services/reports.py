"""The one report service: it gathers the plain rows each report prints and hands them to
:mod:`trat_desktop.reports`, which lays them out and never reads the database itself.

The CLI (``trat-desktop report …``, ``export-xlsx``), the GUI's report menu and the smoke test all
call :func:`write_report`; tests and the benchmark call the per-report functions below.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO, Callable

from ..domain.capabilities import can, require
from ..domain.model import Plan
from ..domain.fiscal import default_quarter
from ..domain.reporting import OfficeReportData, ProvinceReportData
from .exchange import ExchangeService
from .overview import OverviewService
from .progress import ProgressService
from ..i18n import _

Out = Path | str | BinaryIO
KINDS = ("office", "province", "plan", "xlsx", "receipt")


class ReportService:
    """Reads what a report needs, as plain data (domain dataclasses)."""

    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress

    def office(self, fiscal_year: int | None = None, quarter: int | None = None) -> OfficeReportData:
        """The office's rows with their quarters; refused on the coordinator's installation."""
        progress = self.progress
        me = progress.identity()
        require(me, "office_report")
        year = progress.plans.load_plan(fiscal_year).fiscal_year
        today = progress.today()
        from .figures import thresholds_of

        return OfficeReportData(year, quarter or default_quarter(year, today, progress.plans.round_due_days()), today, me,
                                progress.work_items(year), ExchangeService(progress).verification_code(year),
                                thresholds=thresholds_of(progress.plans.db))

    def province(self, fiscal_year: int | None = None, quarter: int | None = None,
                 round_id: str | None = None) -> ProvinceReportData:
        """Every row with every responsible office's progress (*quarter* None: the whole year; *round_id*:
        the timeliness of that round)."""
        plans = self.progress.plans
        plan = plans.load_plan(fiscal_year)
        from .figures import thresholds_of
        from .rounds import ReviewService, board

        rounds = [round_id] if round_id else ([f"q{quarter}"] if quarter else None)
        timeliness = [e.as_json() for r in (rounds or [None]) for e in board(ReviewService(self.progress),
                                                                             plan.fiscal_year, r)]
        return ProvinceReportData(plan, OverviewService(plans).rows(plan=plan), quarter, self.progress.identity(),
                                  self.progress.today(), self.progress.now(), timeliness=timeliness,
                                  thresholds=thresholds_of(plans.db))

    def plan(self, fiscal_year: int | None = None) -> Plan:
        return self.progress.plans.load_plan(fiscal_year)

    def receipt(self, office: str, fiscal_year: int | None = None) -> Any:
        """The centre's printable receipt (ใบตอบรับ) for one office: files received, reviews, comments."""
        from ..domain.capabilities import require
        from ..domain.labels import row_labels
        from ..reports.receipt import ReceiptData
        from ..store import rounds as round_store
        from .replies import ReplyService

        progress = self.progress
        me = progress.identity()
        require(me, "export_reply")
        year = progress.plans.load_plan(fiscal_year).fiscal_year
        office_uid, office_name = progress.find_agency(office)
        body = ReplyService(ExchangeService(progress)).reply_body(office_uid, year)
        codes = {r["sequence"]: r.get("content_code", "") for r in round_store.office_ledger(progress.plans.db, office_uid, year)}
        labels = row_labels(progress.plans.load_plan(year))
        comments = []
        for c in round_store.comments(progress.plans.db, year, office_uid):
            where = (f"{labels.get(c.indicator_uid or '', '')} ไตรมาส {c.quarter}" if c.quarter
                     else "ทั้งรอบรายงาน")
            comments.append({"where": where, "text": c.text, "answer": c.answer})
        files = [{**f, "code": codes.get(f["sequence"], "")} for f in body["receipts"]]
        return ReceiptData(year, office_name, progress.today(), files, body["reviews"], comments,
                           me.reporter_name, me.reporter_position)


def office_report(progress: ProgressService, out: Out, *, fiscal_year: int | None = None, quarter: int | None = None,
                  thai_digits: bool = True, on_progress: Callable[[int], None] | None = None) -> Any:
    from ..reports.office import write_office

    return write_office(ReportService(progress).office(fiscal_year, quarter), out, thai_digits=thai_digits,
                        on_progress=on_progress)


def province_report(progress: ProgressService, out: Out, *, fiscal_year: int | None = None,
                    quarter: int | None = None, thai_digits: bool = True,
                    on_progress: Callable[[int], None] | None = None) -> Any:
    from ..reports.province import write_province

    return write_province(ReportService(progress).province(fiscal_year, quarter), out, thai_digits=thai_digits,
                          on_progress=on_progress)


def plan_report(progress: ProgressService, out: Out, *, fiscal_year: int | None = None, thai_digits: bool = True,
                on_progress: Callable[[int], None] | None = None) -> Any:
    from ..reports.plan_doc import write_plan

    return write_plan(ReportService(progress).plan(fiscal_year), out, thai_digits=thai_digits,
                      on_progress=on_progress)


def export_xlsx(progress: ProgressService, out: Out, *, fiscal_year: int | None = None,
                quarter: int | None = None, round_id: str | None = None) -> Path | None:
    """The consolidated workbook for a quarter, the whole year (*quarter* None) or a reporting round
    (*round_id* q1–q4, h1, y: cut as ``report province --round`` is, :func:`round_period`; the round's
    timeliness only). A quarter and a round together are refused (Thai message), as is an unknown round."""
    from ..reports.excel import write_xlsx

    if round_id is not None and quarter is not None:
        from ..errors import TratError

        raise TratError(_("ระบุได้อย่างใดอย่างหนึ่ง: --round หรือ --quarter (เช่น --round h1)"))
    return write_xlsx(xlsx_data(progress, fiscal_year, quarter, round_id), out)


def xlsx_data(progress: ProgressService, fiscal_year: int | None = None, quarter: int | None = None,
              round_id: str | None = None) -> ProvinceReportData:
    """What the workbook prints: the provincial report's data, for a round with its quarters and its
    name (Arabic digits, as the rest of the workbook)."""
    if round_id is None:
        return ReportService(progress).province(fiscal_year, quarter)
    from dataclasses import replace

    from ..domain.rounds import check_round_id
    from ..domain.thai import digits

    round_id = check_round_id(round_id)
    cut, title = round_period(progress, fiscal_year, round_id, "province")
    data = ReportService(progress).province(fiscal_year, cut, round_id)
    return replace(data, period_title=digits(title, False), round_id=round_id,
                   round_quarters=round_quarters(progress, fiscal_year, round_id))


def round_quarters(progress: ProgressService, fiscal_year: int | None, round_id: str) -> tuple[int, ...]:
    """The quarters a round reports (domain/rounds.py, with the coordinator's dates)."""
    from .rounds import RoundService

    year = progress.plans.load_plan(fiscal_year).fiscal_year
    return RoundService(progress).find(year, round_id).quarters()


def round_period(progress: ProgressService, fiscal_year: int | None, round_id: str,
                 kind: str) -> tuple[int | None, str]:
    """A round as a report period: (the quarter the report is cut at, None for the whole year; the title).
    A quarter round is its quarter; รอบ ๖ เดือน is cut at the end of quarter 2 with its results to date;
    รอบ ๑๒ เดือน is the whole year (the office's report: to the end of quarter 4)."""
    from ..domain.rounds import be_date_text
    from .rounds import RoundService

    year = progress.plans.load_plan(fiscal_year).fiscal_year
    item = RoundService(progress).find(year, round_id)
    last = item.quarters()[-1]
    quarter: int | None = last
    if item.id == "y" and kind == "province":
        quarter = None
    title = f"{item.name} ({be_date_text(item.start, short=False)} – {be_date_text(item.end, short=False)})"
    return quarter, title


def is_word_target(out: Out) -> bool:
    """Whether *out* names a Word file (.docx): the format is picked by the file's extension."""
    return isinstance(out, (str, Path)) and str(out).lower().endswith(".docx")


def check_extension(kind: str, out: Out) -> None:
    """The format is picked by the file's extension: a name with another one (report.txt, a .pdf asked of
    the workbook) is refused in Thai before anything is written, not written as a PDF under that name."""
    from ..errors import TratError

    if not isinstance(out, (str, Path)):
        return
    suffix = Path(out).suffix.lower()
    allowed = (".xlsx",) if kind == "xlsx" else (".pdf", ".docx")
    if suffix and suffix not in allowed:
        raise TratError(_("ไฟล์ “{name}” ต้องมีนามสกุล {join} (โปรแกรมเลือกรูปแบบไฟล์ตามนามสกุล) "
                           "โปรดเปลี่ยนชื่อไฟล์แล้วลองอีกครั้ง").format(
                            name=Path(out).name, join=_(" หรือ ").join(allowed)))


def write_report(progress: ProgressService, kind: str, out: Out, *, fiscal_year: int | None = None,
                 quarter: int | None = None, thai_digits: bool = True,
                 on_progress: Callable[[int], None] | None = None, office: str | None = None,
                 round_id: str | None = None) -> Any:
    """One dispatch for the CLI, the GUI and the smoke test: *kind* is office, province, plan, receipt or
    xlsx; office, province, plan and receipt are written as Word (.docx) when *out* ends in .docx, else as
    PDF. Returns the ReportResult of a PDF or Word file (pages, title; a Word file's pages are 0: Word
    lays them out), or the path of the workbook."""
    if kind in ("province", "xlsx"):
        # the CLI reaches here as the GUI's menu does: the same rule (an office's database holds only its own
        # results, so a "provincial" report or workbook from it would mislead)
        require(progress.identity(), "province_report" if kind == "province" else "province_excel")
    check_extension(kind, out)
    if kind == "xlsx":
        return export_xlsx(progress, out, fiscal_year=fiscal_year, quarter=quarter, round_id=round_id)
    word = is_word_target(out)
    if kind == "plan":
        if word:
            from ..reports.word import write_plan_docx

            return write_plan_docx(ReportService(progress).plan(fiscal_year), out, thai_digits=thai_digits)
        return plan_report(progress, out, fiscal_year=fiscal_year, thai_digits=thai_digits, on_progress=on_progress)
    if kind == "receipt":
        from ..reports.receipt import write_receipt
        from ..reports.word import write_receipt_docx

        if not office:
            from ..errors import TratError

            raise TratError(_("ใบตอบรับต้องระบุหน่วยงาน (--office)"))
        data = ReportService(progress).receipt(office, fiscal_year)
        if word:
            return write_receipt_docx(data, out, thai_digits=thai_digits)
        return write_receipt(data, out, thai_digits=thai_digits, on_progress=on_progress)
    # office and province: one period (a quarter, or a round's cut and title), then the PDF or the Word writer
    title = ""
    if round_id is not None:
        quarter, title = round_period(progress, fiscal_year, round_id, kind)
    service = ReportService(progress)
    data = (service.office(fiscal_year, quarter) if kind == "office"
            else service.province(fiscal_year, quarter, round_id))
    if title and round_id is not None:
        from dataclasses import replace

        from ..domain.thai import digits

        quarters = round_quarters(progress, fiscal_year, round_id)
        # the round's name has Thai digits; a provincial round counts the reports due in all its quarters
        data = replace(data, period_title=digits(title, thai_digits), round_id=round_id,
                       **({"round_quarters": quarters} if kind == "province" else {}))
    if word:
        from ..reports.word import write_office_docx, write_province_docx

        return (write_office_docx if kind == "office" else write_province_docx)(data, out, thai_digits=thai_digits)
    from ..reports.office import write_office
    from ..reports.province import write_province

    return (write_office if kind == "office" else write_province)(data, out, thai_digits=thai_digits,
                                                                  on_progress=on_progress)


# --- the ITA evidence set ---------------------------------------------------------------------------------

#: what `report ita --format` writes: each document as PDF and Word side by side (default), or one of them
ITA_FORMATS = {"both": (".pdf", ".docx"), "pdf": (".pdf",), "docx": (".docx",)}
Step = Callable[[int, int, str], None]


def ita_data(progress: ProgressService, round_id: str, fiscal_year: int | None = None) -> Any:
    """What the memo and the publication form print, for this installation: an office's set of its own
    report, the coordinator's of the provincial report. The people are domain/ita.py's rule (a setting,
    else the set-up's reporter; the head from a setting, else the round's sign-off, else the set-up)."""
    from ..domain import ita as rules
    from ..reports.ita import ItaData
    from ..store import settings as settings_store
    from .figures import FiguresService
    from .rounds import RoundService

    me = progress.identity()
    require(me, "ita_set")
    key = rules.check_round_id(round_id)
    year = progress.plans.load_plan(fiscal_year).fiscal_year
    rounds = RoundService(progress)
    item = rounds.find(year, key)
    kind = "office" if can(me, "office_report") else "province"  # ita_set: an office or the centre
    values = settings_store.load_settings(progress.plans.db)
    signed = None
    if kind == "office":
        view = rounds.views(year).get(item.id)
        if view is not None and view.state == "submitted" and view.submission is not None:
            signed = (view.submission.signer_name, view.submission.signer_position)
    who = rules.people(values, (me.reporter_name, me.reporter_position), (me.head_name, me.head_position), signed)
    figures, items = FiguresService(progress).figures(year, item.id)
    code = ExchangeService(progress).verification_code(year) if kind == "office" else ""
    return ItaData(kind, year, item.id, item.name, item.start, item.end, progress.today(), me.display_name,
                   values.get("ita.letterhead") or me.display_name, values.get("ita.doc_prefix", ""),
                   values.get("ita.website", ""), who, figures, rules.file_name(2, item.id, year, kind),
                   offices=len({w.agency_uid for w, _f in items}) if kind == "province" else 0,
                   verification_code=code)


def write_ita_set(progress: ProgressService, round_id: str, folder: Path | str, *, fiscal_year: int | None = None,
                  thai_digits: bool = True, formats: str = "both", force: bool = False,
                  on_step: Step | None = None) -> list[Path]:
    """The round's ITA evidence set in *folder*: ๑ the บันทึกข้อความ, ๒ the round's report (the office's, or the
    provincial one at the coordinator's), ๓ the publication form, each as PDF and/or Word (*formats*).
    The folder appears with every file or not at all (atomic.atomic_folder); a folder with files in it is
    refused unless *force*. Returns the files' paths."""
    from ..atomic import atomic_folder
    from ..domain.ita import file_name
    from ..errors import TratError
    from ..reports.ita import write_form, write_form_docx, write_memo, write_memo_docx

    if formats not in ITA_FORMATS:
        raise TratError(_("ไม่มีรูปแบบไฟล์ “{formats}” (ใช้ได้: {allowed})").format(
            formats=formats, allowed=", ".join(ITA_FORMATS)))
    data = ita_data(progress, round_id, fiscal_year)  # refusals (role, round, year) before any file
    suffixes = ITA_FORMATS[formats]
    folder = Path(folder)
    names = [(n, s, file_name(n, data.round_id, data.fiscal_year, data.kind, s)) for n in (1, 2, 3) for s in suffixes]
    total = len(names)
    kind = "office" if data.kind == "office" else "province"
    with atomic_folder(folder, "ชุดหลักฐาน ITA", replace=force) as tmp:
        for done, (number, suffix, name) in enumerate(names):
            if on_step is not None:
                on_step(done, total, name)
            target = tmp / name
            if number == 1:
                (write_memo if suffix == ".pdf" else write_memo_docx)(data, target, thai_digits=thai_digits)
            elif number == 2:
                write_report(progress, kind, target, fiscal_year=data.fiscal_year, thai_digits=thai_digits,
                             round_id=data.round_id)
            else:
                (write_form if suffix == ".pdf" else write_form_docx)(data, target, thai_digits=thai_digits)
        if on_step is not None:
            on_step(total, total, "")
    return [folder / name for _n, _s, name in names]
