"""Printed reports (PDF, Thai typesetting on reportlab) and the Excel export. No Qt here.

Each function takes a ProgressService (the installation's identity, clock and database), writes to a
path or a binary file object, and returns what it wrote. reportlab and openpyxl load on first use.

* :func:`office_report`   – the office's quarterly report with signature blocks and a verification QR code
* :func:`province_report` – the provincial consolidated report for a quarter or the whole year
* :func:`plan_report`     – the plan as the plan document lays it out
* :func:`export_xlsx`     – the consolidated progress as an Excel workbook

*on_progress(page)* (PDFs) is called as each page is finished, for a GUI progress bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .common import ReportResult


def office_report(*args: Any, **kwargs: Any) -> "ReportResult":
    from .office import office_report as run

    return run(*args, **kwargs)


def province_report(*args: Any, **kwargs: Any) -> "ReportResult":
    from .province import province_report as run

    return run(*args, **kwargs)


def plan_report(*args: Any, **kwargs: Any) -> "ReportResult":
    from .plan_doc import plan_report as run

    return run(*args, **kwargs)


def export_xlsx(*args: Any, **kwargs: Any) -> Any:
    from .excel import export_xlsx as run

    return run(*args, **kwargs)


__all__ = ["office_report", "province_report", "plan_report", "export_xlsx"]
