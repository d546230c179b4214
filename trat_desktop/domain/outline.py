"""The plan as a readable outline (``trat-desktop plan show``): Thai, or the command line's language for the
outline's own words (the plan's text, names and budgets' words stay as the plan has them)."""

from __future__ import annotations

from ..i18n import _, language
from .display import budget_line_text, budget_text, number_text, period_text
from .model import Plan
from .thai import digits, format_baht


def plan_outline(plan: Plan, thai_digits: bool = True) -> str:
    """Strategies > tactics > activities > indicator rows, with budgets, totals and warnings."""
    d = lambda text: digits(str(text), thai_digits)  # noqa: E731
    none = _("ไม่ระบุ")
    out = [plan.title, d(_("ประจำปีงบประมาณ พ.ศ. {year} (ฉบับปรับปรุงครั้งที่ {revision})").format(
        year=plan.fiscal_year, revision=plan.revision)), ""]
    for strategy in plan.strategies:
        out.append(d(_("ยุทธศาสตร์ที่ {number} {title}").format(number=strategy.number, title=strategy.title)))
        if strategy.goal:
            out.append("  " + _("เป้าหมาย: {goal}").format(goal=strategy.goal))
        for tactic in strategy.tactics:
            out.append("  " + d(_("กลยุทธ์ที่ {number}").format(number=tactic.number)) + " " + tactic.title)
            for activity in tactic.activities:
                out.append(f"    {d(activity.code)} {activity.title}")
                for row in activity.rows:
                    budgets = "; ".join(budget_line_text(b, thai_digits, len(row.budget_lines) > 1, language())
                                        for b in row.budget_lines) or none
                    out.append("      • " + _("ตัวชี้วัด: {indicator}").format(indicator=row.indicator or f"({none})"))
                    out.append("        " + _("เป้าหมาย {target} {unit} | งบประมาณ {budgets} | {period}").format(
                        target=number_text(row.target, thai_digits), unit=row.unit, budgets=budgets,
                        period=period_text(row.quarter_from, row.quarter_to, thai_digits, language())))
                    out.append("        " + _("ผู้รับผิดชอบ: {agencies}").format(
                        agencies=", ".join(row.agencies) or f"({none})"))
        stated = budget_text(strategy.stated_budget, thai_digits, language()) or none
        out.append("  " + d(_("รวมงบประมาณยุทธศาสตร์ที่ {number}:").format(number=strategy.number)) + " "
                   + _("{amount} บาท (เอกสารระบุ {stated})").format(
                       amount=format_baht(strategy.budget_satang() / 100, thai_digits), stated=stated))
        out.append("")
    stated_total = budget_text(plan.stated_total, thai_digits, language()) or none
    out.append(_("รวมงบประมาณทั้งสิ้น {amount} บาท (เอกสารระบุ {stated})").format(
        amount=format_baht(plan.budget_satang() / 100, thai_digits), stated=stated_total))
    if plan.warnings:
        out.append("")
        out.append(d(_("ข้อสังเกตจากเอกสาร ({count} รายการ)").format(count=len(plan.warnings))))
        for warning in plan.warnings:
            where = d(_("บรรทัดที่ {line}: ").format(line=warning.line)) if warning.line else ""
            out.append(f"  - {where}{warning.shown()}")
    return "\n".join(out) + "\n"
