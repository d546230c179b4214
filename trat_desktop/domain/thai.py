"""Thai digits, Buddhist-era dates and fiscal quarters (babel has none of these); the month names are
CLDR's (``months``): Thai and English from a copy below that a test checks against babel's CLDR data
(importing babel.dates for them cost the start-up ~20 ms), any other locale from babel itself."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
BE_OFFSET = 543



#: CLDR's month names (format context) of the locales the app shows, as babel 2.18 gives them
#: (tests/test_i18n.py checks this copy against ``babel.dates.get_month_names``).
_CLDR_MONTHS: dict[tuple[str, str], tuple[str, ...]] = {
    ("wide", "th"): ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
                     "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"),
    ("abbreviated", "th"): ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.",
                            "ธ.ค."),
    ("wide", "en"): ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"),
    ("abbreviated", "en"): ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


#: CLDR's number symbols and decimal pattern (``#,##0.###``, grouping by three) of the locales the app shows,
#: as babel gives them (tests/test_i18n.py checks them, and the formatted numbers, against ``babel.numbers``;
#: importing babel.numbers and its locale data at start-up would cost ~30 ms).
_CLDR_NUMBER_SYMBOLS: dict[str, tuple[str, str]] = {"th": (".", ","), "en": (".", ",")}  # (decimal, group)
#: Python's "," and "." as each locale's symbols
_NUMBER_TABLES = {locale: str.maketrans({",": group, ".": decimal})
                  for locale, (decimal, group) in _CLDR_NUMBER_SYMBOLS.items()}


def format_number(value: int | float, decimals: int = 0, *, trim: bool = False, locale: str = "th") -> str:
    """*value* in CLDR's decimal pattern for *locale* (Arabic digits): grouped by three with the group symbol,
    *decimals* places after the decimal symbol (all kept, or trailing zeros cut with *trim*)."""
    text = f"{value:,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.translate(_NUMBER_TABLES.get(locale, _NUMBER_TABLES["th"]))


@functools.cache
def months(width: str = "wide", locale: str = "th") -> tuple[str, ...]:
    """January … December from CLDR: 'มกราคม' … (wide) or 'ม.ค.' … (abbreviated); Thai unless asked."""
    known = _CLDR_MONTHS.get((width, locale))
    if known is not None:
        return known
    from babel.dates import get_month_names

    names = get_month_names(width, context="format", locale=locale)
    return tuple(names[m] for m in range(1, 13))


def __getattr__(name: str) -> Any:
    """``MONTHS`` and ``MONTHS_SHORT``: the Thai month names, read from CLDR when first asked for."""
    if name == "MONTHS":
        return months("wide")
    if name == "MONTHS_SHORT":
        return months("abbreviated")
    raise AttributeError(name)


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits by Arabic ones."""
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits by Thai ones."""
    return text.translate(_TO_THAI)


def digits(text: str, thai: bool) -> str:
    """Render digits in *text* as Thai or Arabic."""
    return to_thai_digits(text) if thai else to_arabic_digits(text)


def shown_digits(text: object) -> str:
    """A number in a message to the user: Thai digits in Thai, Arabic digits in another language (who reads no
    Thai reads no ๑๒๓); a :class:`~trat_desktop.i18n.Shown` text, so a stored message shows it again in the
    other language. Reports do not use it: they print their own digit choice."""
    from ..i18n import Shown, language

    text = str(text)
    shown = to_thai_digits(text) if language() == "th" else to_arabic_digits(text)
    return Shown(shown, {"digits": to_arabic_digits(text)})


def format_baht(amount: int | float, thai_digits: bool = False) -> str:
    """Baht with thousands separators: 99650 -> '99,650' (or '๙๙,๖๕๐')."""
    if float(amount).is_integer():
        text = format_number(int(amount))
    else:
        text = format_number(amount, 2)
    return digits(text, thai_digits)


def format_be_date(day: dt.date, thai_digits: bool = True, language: str = "th", width: str = "wide") -> str:
    """A Buddhist-era date as in Thai documents: '๓๑ มีนาคม ๒๕๖๙' (reports: always Thai). On an English
    screen (*language* "en") CLDR's English month and the same Buddhist-era year: '31 March 2569 BE'
    (*width* "abbreviated": '๓๑ มี.ค. ๒๕๖๙', '31 Mar 2569 BE')."""
    from ..i18n import N_, translator

    pattern = translator(language)(N_("{day} {month} {year}"))  # English: "{day} {month} {year} BE"
    month = months(width, "en" if language == "en" else "th")[day.month - 1]
    return digits(pattern.format(day=day.day, month=month, year=day.year + BE_OFFSET), thai_digits)


def fiscal_year_of(day: dt.date) -> int:
    """The Thai fiscal year (พ.ศ.) a date falls in; the year starts on 1 October."""
    year = day.year + 1 if day.month >= 10 else day.year
    return year + BE_OFFSET


def fiscal_quarter_of(day: dt.date) -> int:
    """The fiscal quarter (1-4) of a date: Oct-Dec is quarter 1."""
    return ((day.month - 10) % 12) // 3 + 1


def quarter_bounds(fiscal_year_be: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a fiscal quarter."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(quarter)
    start_month = (10 + 3 * (quarter - 1) - 1) % 12 + 1
    ce = fiscal_year_be - BE_OFFSET
    start_year = ce - 1 if start_month >= 10 else ce
    start = dt.date(start_year, start_month, 1)
    end_month = start_month + 2
    nxt = dt.date(start_year + (end_month // 12), end_month % 12 + 1, 1)
    return start, nxt - dt.timedelta(days=1)
