"""The year and quarter a page opens on, asked of the plan service (which knows today and the
installation's setting) or, for test fakes, of the domain rule itself."""

from __future__ import annotations

import datetime as dt

from ..domain.fiscal import ROUND_DUE_DAYS, default_quarter, default_year
from ..errors import TratError


def default_year_of(plans: object, years: list[int], today: dt.date | None = None) -> int | None:
    """The year a page opens on: the plans' :meth:`default_year` (the one being reported), else the domain rule."""
    ask = getattr(plans, "default_year", None)
    if callable(ask):
        try:
            return ask(today)  # type: ignore[no-any-return]
        except TratError:
            pass
    return default_year(today or _today_of(plans), years)


def default_quarter_of(plans: object, fiscal_year: int | None, today: dt.date | None = None) -> int:
    """The quarter a page opens on for *fiscal_year* (:func:`..domain.fiscal.default_quarter`)."""
    ask = getattr(plans, "round_due_days", None)
    try:
        due = int(ask()) if callable(ask) else ROUND_DUE_DAYS
    except TratError:
        due = ROUND_DUE_DAYS
    return default_quarter(fiscal_year, today or _today_of(plans), due)


def _today_of(plans: object) -> dt.date:
    ask = getattr(plans, "today", None)
    day = ask() if callable(ask) else None
    return day if isinstance(day, dt.date) else dt.date.today()


def selected_year_of(window: object) -> int | None:
    """The fiscal year chosen in a main window's year selector (None without one, or nothing chosen)."""
    combo = getattr(getattr(window, "form", None), "yearCombo", None)
    year = combo.currentData() if combo is not None else None
    return int(year) if year else None


def window_year(window: object, plans: object) -> int:
    """The window's chosen year, else the newest plan's: the year a menu command works on."""
    return selected_year_of(window) or plans.fiscal_years()[-1]  # type: ignore[attr-defined]
