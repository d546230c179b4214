"""Printed reports (PDF, Thai typesetting on reportlab) and the Excel export. No Qt, no database.

Each function takes the plain data the report service (:mod:`trat_desktop.services.reports`) hands
over, writes to a path or a binary file object, and returns what it wrote. reportlab and openpyxl
load on first use. The architecture test allows this package to import ``trat_desktop.domain``
only (and the leaf modules ``paths`` for the fonts, ``errors`` for Thai messages, ``atomic``
for files written whole or not at all).

* :func:`write_office`   – the office's quarterly report with signature blocks and a verification QR code
* :func:`write_province` – the provincial consolidated report for a quarter or the whole year
* :func:`write_plan`     – the plan as the plan document lays it out
* :func:`write_xlsx`     – the consolidated progress as an Excel workbook

*on_progress(page)* (PDFs) is called as each page is finished, for a GUI progress bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .common import ReportResult


def write_office(*args: Any, **kwargs: Any) -> "ReportResult":
    from .office import write_office as run

    return run(*args, **kwargs)


def write_province(*args: Any, **kwargs: Any) -> "ReportResult":
    from .province import write_province as run

    return run(*args, **kwargs)


def write_plan(*args: Any, **kwargs: Any) -> "ReportResult":
    from .plan_doc import write_plan as run

    return run(*args, **kwargs)


def write_xlsx(*args: Any, **kwargs: Any) -> Any:
    from .excel import write_xlsx as run

    return run(*args, **kwargs)


__all__ = ["write_office", "write_province", "write_plan", "write_xlsx"]
