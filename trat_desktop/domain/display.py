"""How plan values read in Thai: budgets, periods, targets. One place for all views and reports."""

from __future__ import annotations

from ..i18n import N_, translator
from .model import BUDGET_KIND_TEXT, BudgetLine, BudgetValue, IndicatorRow
from .thai import digits, format_baht, format_number


def budget_text(value: BudgetValue | None, thai_digits: bool = True, language: str = "th") -> str:
    """'๙๙,๖๕๐' for an amount, the document's words otherwise, '' when absent. ไม่ใช้งบประมาณ reads in
    *language* (a report: Thai; ``plan show`` and the screen: theirs); "n/a" and "-" are the same in both."""
    if value is None:
        return ""
    if value.kind == "amount" and value.satang is not None:
        return format_baht(value.satang / 100, thai_digits)
    if value.kind == "none":
        return translator(language)(N_("ไม่ใช้งบประมาณ"))
    return BUDGET_KIND_TEXT[value.kind]


def budget_line_text(line: BudgetLine, thai_digits: bool = True, with_agency: bool = True,
                     language: str = "th") -> str:
    text = budget_text(line.value, thai_digits, language)
    return f"{text} ({line.agency})" if with_agency and line.agency else text


def period_text(quarter_from: int, quarter_to: int, thai_digits: bool = True, language: str = "th") -> str:
    """'ไตรมาส ๒–๔' or 'ไตรมาส ๓' (reports); 'Quarters 2–4' on an English screen."""
    tr = translator(language)
    text = (tr(N_("ไตรมาส {first}")).format(first=quarter_from) if quarter_from == quarter_to
            else tr(N_("ไตรมาส {first}–{last}")).format(first=quarter_from, last=quarter_to))
    return digits(text, thai_digits)


def number_text(value: float | None, thai_digits: bool = True) -> str:
    """A target or achieved value without a needless '.0'."""
    if value is None:
        return ""
    text = format_number(int(value)) if float(value).is_integer() else format_number(value, 2, trim=True)
    return digits(text, thai_digits)


def row_budget_text(row: IndicatorRow, thai_digits: bool = True) -> str:
    """All budget lines of a row, one per line."""
    return "\n".join(budget_line_text(line, thai_digits, len(row.budget_lines) > 1) for line in row.budget_lines)
