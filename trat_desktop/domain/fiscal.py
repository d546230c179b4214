"""Which fiscal year and quarter the app opens on: the one being reported now.

The Thai fiscal year starts on 1 October (FY2570 = 1 Oct 2026 – 30 Sep 2027). A quarter's results
are due some days after the quarter ends (:data:`ROUND_DUE_DAYS`, 15 unless the installation's
setting says otherwise), so in the first weeks of October the year that just ended is still the one
being reported: its quarter 4 is due on 15 October. The app never opens on a year that has no plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..i18n import N_
from .thai import fiscal_quarter_of, fiscal_year_of

#: Days after a quarter's last day until its results are due (quarter 4: 30 September + 15 = 15 October).
ROUND_DUE_DAYS = 15
#: The settings key that overrides :data:`ROUND_DUE_DAYS` on an installation.
ROUND_DUE_DAYS_SETTING = "reporting/round_due_days"
MAX_ROUND_DUE_DAYS = 90
#: How the command line describes --year.
YEAR_HELP = N_("ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีที่กำลังรายงาน คือปีของไตรมาสปัจจุบัน หรือปีที่เพิ่งสิ้นสุด "
               "จนถึงวันครบกำหนดส่งไตรมาส ๔ และต้องมีแผนของปีนั้น)")


def round_due_days(setting: str | None) -> int:
    """The days a round stays open after its quarter ends: the setting when it is a sensible whole number."""
    try:
        days = int(str(setting).strip())
    except (TypeError, ValueError):
        return ROUND_DUE_DAYS
    return days if 0 <= days <= MAX_ROUND_DUE_DAYS else ROUND_DUE_DAYS


def last_round_due(fiscal_year: int) -> dt.date:
    """The day quarter 4 of *fiscal_year* (พ.ศ.) ends: 30 September."""
    return dt.date(fiscal_year - 543, 9, 30)


def last_round_deadline(fiscal_year: int, rounds_due: int = ROUND_DUE_DAYS) -> dt.date:
    """The last day quarter 4's results of *fiscal_year* are due (15 October by default)."""
    return last_round_due(fiscal_year) + dt.timedelta(days=rounds_due)


def reporting_year(today: dt.date, rounds_due: int = ROUND_DUE_DAYS) -> int:
    """The fiscal year being reported on *today*: today's, or the year just ended until its quarter 4 is due."""
    current = fiscal_year_of(today)
    if today <= last_round_deadline(current - 1, rounds_due):
        return current - 1
    return current


def default_year(today: dt.date, years_with_plan: Iterable[int], rounds_due: int = ROUND_DUE_DAYS) -> int | None:
    """The year to show when none is chosen: the year being reported if it has a plan, else the newest
    planned year before it, else the oldest after it; None when no year has a plan."""
    years = sorted(set(years_with_plan))
    if not years:
        return None
    wanted = reporting_year(today, rounds_due)
    if wanted in years:
        return wanted
    earlier = [y for y in years if y < wanted]
    return earlier[-1] if earlier else years[0]


def default_quarter(fiscal_year: int | None, today: dt.date, rounds_due: int = ROUND_DUE_DAYS) -> int:
    """The quarter of *fiscal_year* (default: the year being reported) to show when none is chosen:
    today's in the current year, 4 in a year that has ended (its last round), 1 in one not yet begun."""
    year = reporting_year(today, rounds_due) if fiscal_year is None else fiscal_year
    current = fiscal_year_of(today)
    if year == current:
        return fiscal_quarter_of(today)
    return 4 if current > year else 1


def current_quarter(fiscal_year: int, today: dt.date) -> int | None:
    """Today's quarter when *fiscal_year* is today's fiscal year, else None (nothing to highlight)."""
    return fiscal_quarter_of(today) if fiscal_year_of(today) == fiscal_year else None
