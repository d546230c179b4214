"""How plan values read on screen, in the screen's language (domain words translated here). Plain Python (no Qt), so it is easy to test.

Builds on :mod:`trat_desktop.domain.display` (shared with reports) and adds what only the
screen needs: short agency names, tooltips, node titles. Whether digits are Thai or Arabic
is decided in one place, :func:`thai_digits_enabled`, and applied by :func:`show_digits`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..domain import display as shared
from ..domain.model import (
    Activity,
    BudgetLine,
    BudgetValue,
    IndicatorRow,
    Strategy,
    Tactic,
)
from ..domain.thai import digits, format_baht, format_be_date
from ..i18n import N_, _, language, pgettext

if TYPE_CHECKING:  # (imported where used: the coordinator's first paint needs neither: tests/test_startup_imports.py)
    from ..domain import rounds as _rounds
    from ..domain.figures import Thresholds

_settings = {"thai_digits": True}
NBSP = "\u00a0"  # joins words that must not be split across lines

#: Longer explanations of the non-amount budget kinds, for tooltips.
BUDGET_KIND_HINT: dict[str, str] = {
    "none": N_("เอกสารระบุว่าไม่ใช้งบประมาณ"),
    "na": N_("เอกสารระบุว่าไม่ทราบจำนวนงบประมาณ"),
    "dash": N_("เอกสารใส่เครื่องหมาย - (ไม่ระบุจำนวน)"),
}
#: How the non-amount kinds read on screen (the printed plan keeps the document's own "n/a" and "-").
BUDGET_KIND_LABEL: dict[str, str] = {"none": N_("ไม่ใช้งบประมาณ"), "na": N_("ไม่ทราบจำนวน"), "dash": N_("ไม่ระบุจำนวน (-)")}

#: the progress statuses of domain/progress.STATUSES (the stored words), marked for the catalog
STATUS_LABEL: dict[str, str] = {"not_started": N_("ยังไม่เริ่ม"), "in_progress": N_("กำลังดำเนินการ"),
                                "done": N_("ดำเนินการแล้ว")}


def status_text(status: str) -> str:
    """A progress status (its code, or its Thai word as stored) as the screen shows it."""
    from ..domain.progress import STATUSES

    if status in ("cancelled", STATUSES["cancelled"]):
        return pgettext("status", "ยกเลิก")  # not the button ยกเลิก (Cancel)
    return _(STATUS_LABEL.get(status) or STATUSES.get(status, status))


def set_thai_digits(enabled: bool) -> None:
    """Switch the whole display between Thai (๑๒๓) and Arabic (123) digits."""
    _settings["thai_digits"] = enabled


def thai_digits_enabled() -> bool:
    return _settings["thai_digits"]


def show_digits(text: str) -> str:
    """*text* with its digits in the display's chosen script."""
    return digits(text, thai_digits_enabled())


def baht_text(satang: int) -> str:
    """An amount in satang as baht with separators: 21065000 -> '๒๑๐,๖๕๐'."""
    baht = satang / 100
    return format_baht(int(baht) if baht.is_integer() else baht, thai_digits_enabled())


def budget_value_text(value: BudgetValue) -> str:
    """One budget value: an amount, or the Thai words for a non-amount ("n/a" reads ไม่ทราบจำนวน)."""
    if value.kind == "na":
        return _(BUDGET_KIND_LABEL["na"])
    return shared.budget_text(value, thai_digits_enabled(), language())


def agency_label(name: str, short_names: Mapping[str, str] | None = None) -> str:
    """An agency's short name ('สนง.ศึกษาธิการ จ.ตราด') when known, else its name."""
    return (short_names or {}).get(name) or name


def budget_line_text(line: BudgetLine, short_names: Mapping[str, str] | None = None) -> str:
    """A budget line with its agency when it belongs to one: '๓๔,๐๐๐ (สนง.ศึกษาธิการ จ.ตราด)'."""
    text = budget_value_text(line.value)
    if not line.agency:
        return text
    return f"{text} ({agency_label(line.agency, short_names).replace(' ', NBSP)})"


def budget_cell_text(row: IndicatorRow, short_names: Mapping[str, str] | None = None) -> str:
    """All budget lines of a row, one per line. The agency is left out when the row has only
    that one agency anyway (the responsible-agency column already says it)."""
    lines = []
    for line in row.budget_lines:
        if line.agency and row.agencies == [line.agency]:
            lines.append(budget_value_text(line.value))
        else:
            lines.append(budget_line_text(line, short_names))
    return "\n".join(lines)


def budget_cell_tooltip(row: IndicatorRow) -> str:
    """Budget lines with full agency names, explanations of non-amounts and the row's total."""
    parts = []
    for line in row.budget_lines:
        text = budget_line_text(line)
        hint = _(BUDGET_KIND_HINT[line.value.kind]) if line.value.kind in BUDGET_KIND_HINT else None
        parts.append(f"{text} — {hint}" if hint else text)
    if len(row.budget_lines) > 1:
        parts.append(_("รวม {amount} บาท").format(amount=baht_text(row.budget_satang())))
    return "\n".join(parts)


def quarter_text(row: IndicatorRow) -> str:
    """'ไตรมาส ๒–๔', or 'ไตรมาส ๔' for a single quarter ('Quarters 2–4' in English)."""
    return shared.period_text(row.quarter_from, row.quarter_to, thai_digits_enabled(), language())


# -- the domain's words on screen: the domain keeps them Thai (reports print them so), the screen translates --
def round_name(item: "_rounds.Round | str") -> str:
    """A round's name on screen: 'ไตรมาส ๑', 'รอบ ๖ เดือน' / 'Quarter 1', '6-month round'."""
    from ..domain import rounds as _rounds

    round_id = item if isinstance(item, str) else item.id
    return show_digits(_rounds.round_name(round_id, language()))


def review_text(state: str) -> str:
    """The coordinator's review state of a round (domain/rounds.REVIEW_TEXT) on screen."""
    from ..domain import rounds as _rounds

    return _(_rounds.REVIEW_TEXT[state])


def timeliness_text(punctuality: "_rounds.Punctuality") -> str:
    """'ส่งตรงเวลา', 'ส่งล่าช้า ๒ วัน' / 'On time', '2 day(s) late'."""
    return punctuality.text(thai_digits_enabled(), language())


def due_text(item: "_rounds.Round", today: dt.date) -> str:
    """'ครบกำหนดส่ง ๑๕ เม.ย. ๒๕๖๙ อีก ๓ วัน' / 'Due 15 Apr 2569 BE, in 3 day(s)'."""
    from ..domain import rounds as _rounds

    return _rounds.due_text(item, today, thai_digits_enabled(), language())


def band_text(band: str) -> str:
    """An achievement band (domain/figures.BAND_TEXT) on screen: บรรลุ / Achieved."""
    from ..domain.figures import BAND_TEXT

    return _(BAND_TEXT[band])


def rule_text(thresholds: Thresholds | None = None) -> str:
    """The figures' rule and the bands' thresholds, for a tooltip."""
    from ..domain.figures import rule_text as _rule_text

    return _rule_text(thresholds, thai_digits_enabled(), language())


def short_date_text(day: dt.date) -> str:
    """'๑๕ เม.ย. ๒๕๖๙' / '15 Apr 2569 BE' (a table column's width)."""
    from ..domain import rounds as _rounds

    return _rounds.be_date_text(day, thai_digits_enabled(), short=True, language=language())


def target_text(row: IndicatorRow) -> str:
    """The target quantity ('๘๐', '๒.๕'), or '' when the document gives none."""
    return shared.number_text(row.target, thai_digits_enabled())


def agencies_text(row: IndicatorRow, short_names: Mapping[str, str] | None = None) -> str:
    """Responsible agencies by short name, comma separated; each name is kept on one line
    (no-break spaces) so wrapping only happens between names."""
    labels = (agency_label(name, short_names).replace(" ", NBSP) for name in row.agencies)
    return ", ".join(labels)


def agencies_tooltip(row: IndicatorRow) -> str:
    """Full agency names, one per line."""
    return "\n".join(row.agencies)


def fiscal_year_text(year: int) -> str:
    return show_digits(_("ปีงบประมาณ พ.ศ. {year}").format(year=year))


def count_text(count: int, noun: str) -> str:
    return show_digits(f"{count:,} {noun}")


def strategy_text(strategy: Strategy) -> str:
    return show_digits(_("ยุทธศาสตร์ที่ {number} {title}").format(number=strategy.number, title=strategy.title))


def tactic_text(tactic: Tactic) -> str:
    return show_digits(_("กลยุทธ์ที่ {number}").format(number=tactic.number) + f" {tactic.title}")


def activity_text(activity: Activity) -> str:
    return show_digits(f"{activity.code} {activity.title}")


def digits_key(text: str) -> str:
    """*text* with Arabic digits, for comparing codes typed either way."""
    return digits(text, False)


def date_text(day: dt.date) -> str:
    """A Buddhist-era date: '๑๕ มกราคม ๒๕๖๙'; in English CLDR's month and the same year: '15 January 2569 BE'."""
    return format_be_date(day, thai_digits_enabled(), language())


def time_text(moment: dt.datetime | dt.time) -> str:
    """A clock time the Thai way: '๑๐:๓๕ น.' ('10:35' in English)."""
    return show_digits(_("{hour}:{minute} น.").format(hour=f"{moment.hour:02d}", minute=f"{moment.minute:02d}"))


def timestamp_text(iso: str) -> str:
    """An ISO timestamp as a Buddhist-era date and time: '๑๕ มกราคม ๒๕๖๙ ๑๐:๓๕ น.'."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return show_digits(iso)
    return f"{date_text(moment.date())} {time_text(moment)}"
