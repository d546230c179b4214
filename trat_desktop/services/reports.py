"""The one report service: it gathers the plain rows each report prints and hands them to
:mod:`trat_desktop.reports`, which lays them out and never reads the database itself.

The CLI (``trat-desktop report …``, ``export-xlsx``), the GUI's report menu and the smoke test all
call :func:`write_report`; tests and the benchmark call the per-report functions below.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO, Callable

from ..domain.capabilities import require
from ..domain.model import Plan
from ..domain.fiscal import default_quarter
from ..domain.reporting import OfficeReportData, ProvinceReportData
from .exchange import ExchangeService
from .overview import OverviewService
from .progress import ProgressService

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
        return OfficeReportData(year, quarter or default_quarter(year, today, progress.plans.round_due_days()), today, me,
                                progress.work_items(year), ExchangeService(progress).verification_code(year))

    def province(self, fiscal_year: int | None = None, quarter: int | None = None) -> ProvinceReportData:
        """Every row with every responsible office's progress (*quarter* None: the whole year)."""
        plans = self.progress.plans
        plan = plans.load_plan(fiscal_year)
        from .rounds import ReviewService, board

        rounds = [f"q{quarter}"] if quarter else None
        timeliness = [e.as_json() for r in (rounds or [None]) for e in board(ReviewService(self.progress),
                                                                             plan.fiscal_year, r)]
        return ProvinceReportData(plan, OverviewService(plans).rows(plan=plan), quarter, self.progress.identity(),
                                  self.progress.today(), self.progress.now(), timeliness=timeliness)

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
                quarter: int | None = None) -> Path | None:
    from ..reports.excel import write_xlsx

    return write_xlsx(ReportService(progress).province(fiscal_year, quarter), out)


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


def write_report(progress: ProgressService, kind: str, out: Out, *, fiscal_year: int | None = None,
                 quarter: int | None = None, thai_digits: bool = True,
                 on_progress: Callable[[int], None] | None = None, office: str | None = None,
                 round_id: str | None = None) -> Any:
    """One dispatch for the CLI, the GUI and the smoke test: *kind* is office, province, plan, receipt or
    xlsx; office, province, plan and receipt are written as Word (.docx) when *out* ends in .docx, else as
    PDF. Returns the ReportResult of a PDF or Word file (pages, title; a Word file's pages are 0: Word
    lays them out), or the path of the workbook."""
    if kind == "xlsx":
        return export_xlsx(progress, out, fiscal_year=fiscal_year, quarter=quarter)
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

            raise TratError("ใบตอบรับต้องระบุหน่วยงาน (--office)")
        data = ReportService(progress).receipt(office, fiscal_year)
        if word:
            return write_receipt_docx(data, out, thai_digits=thai_digits)
        return write_receipt(data, out, thai_digits=thai_digits, on_progress=on_progress)
    # office and province: one period (a quarter, or a round's cut and title), then the PDF or the Word writer
    title = ""
    if round_id is not None:
        quarter, title = round_period(progress, fiscal_year, round_id, kind)
    service = ReportService(progress)
    data = service.office(fiscal_year, quarter) if kind == "office" else service.province(fiscal_year, quarter)
    if title:
        from dataclasses import replace

        data = replace(data, period_title=title)
    if word:
        from ..reports.word import write_office_docx, write_province_docx

        return (write_office_docx if kind == "office" else write_province_docx)(data, out, thai_digits=thai_digits)
    from ..reports.office import write_office
    from ..reports.province import write_province

    return (write_office if kind == "office" else write_province)(data, out, thai_digits=thai_digits,
                                                                  on_progress=on_progress)
