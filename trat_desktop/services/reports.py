"""The one report service: it gathers the plain rows each report prints and hands them to
:mod:`trat_desktop.reports`, which lays them out and never reads the database itself.

The CLI (``trat-desktop report …``, ``export-xlsx``), the GUI's report menu and the smoke test all
call :func:`write_report`; tests and the benchmark call the per-report functions below.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO, Callable

from ..domain.identity import PermissionDenied
from ..domain.model import Plan
from ..domain.fiscal import default_quarter
from ..domain.reporting import OfficeReportData, ProvinceReportData
from .exchange import ExchangeService
from .overview import OverviewService
from .progress import ProgressService

Out = Path | str | BinaryIO
KINDS = ("office", "province", "plan", "xlsx")


class ReportService:
    """Reads what a report needs, as plain data (domain dataclasses)."""

    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress

    def office(self, fiscal_year: int | None = None, quarter: int | None = None) -> OfficeReportData:
        """The office's rows with their quarters; refused on the coordinator's installation."""
        progress = self.progress
        me = progress.identity()
        if me.role != "office" or not me.office_uid:
            raise PermissionDenied("แบบรายงานผลการดำเนินงานพิมพ์ได้จากเครื่องของหน่วยงาน (ตั้งค่าเครื่องเป็นหน่วยงานก่อน)")
        year = progress.plans.load_plan(fiscal_year).fiscal_year
        today = progress.today()
        return OfficeReportData(year, quarter or default_quarter(year, today, progress.plans.round_due_days()), today, me,
                                progress.work_items(year), ExchangeService(progress).verification_code(year))

    def province(self, fiscal_year: int | None = None, quarter: int | None = None) -> ProvinceReportData:
        """Every row with every responsible office's progress (*quarter* None: the whole year)."""
        plans = self.progress.plans
        plan = plans.load_plan(fiscal_year)
        return ProvinceReportData(plan, OverviewService(plans).rows(plan=plan), quarter, self.progress.identity(),
                                  self.progress.today(), self.progress.now())

    def plan(self, fiscal_year: int | None = None) -> Plan:
        return self.progress.plans.load_plan(fiscal_year)


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


def write_report(progress: ProgressService, kind: str, out: Out, *, fiscal_year: int | None = None,
                 quarter: int | None = None, thai_digits: bool = True,
                 on_progress: Callable[[int], None] | None = None) -> Any:
    """One dispatch for the CLI, the GUI and the smoke test: *kind* is office, province, plan or xlsx.
    Returns the ReportResult of a PDF (pages, title), or the path of the workbook."""
    if kind == "xlsx":
        return export_xlsx(progress, out, fiscal_year=fiscal_year, quarter=quarter)
    if kind == "plan":
        return plan_report(progress, out, fiscal_year=fiscal_year, thai_digits=thai_digits, on_progress=on_progress)
    make = {"office": office_report, "province": province_report}[kind]
    return make(progress, out, fiscal_year=fiscal_year, quarter=quarter, thai_digits=thai_digits,
                on_progress=on_progress)
