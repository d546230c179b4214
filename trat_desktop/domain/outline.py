"""The plan as a readable Thai outline (``trat-desktop plan show``)."""

from __future__ import annotations

from .display import budget_line_text, budget_text, number_text, period_text
from .model import Plan
from .thai import digits, format_baht


def plan_outline(plan: Plan, thai_digits: bool = True) -> str:
    """Strategies > tactics > activities > indicator rows, with budgets, totals and warnings."""
    d = lambda text: digits(str(text), thai_digits)  # noqa: E731
    out = [plan.title, d(f"ประจำปีงบประมาณ พ.ศ. {plan.fiscal_year} (ฉบับปรับปรุงครั้งที่ {plan.revision})"), ""]
    for strategy in plan.strategies:
        out.append(d(f"ยุทธศาสตร์ที่ {strategy.number} {strategy.title}"))
        if strategy.goal:
            out.append(f"  เป้าหมาย: {strategy.goal}")
        for tactic in strategy.tactics:
            out.append(d(f"  กลยุทธ์ที่ {tactic.number} ") + tactic.title)
            for activity in tactic.activities:
                out.append(f"    {d(activity.code)} {activity.title}")
                for row in activity.rows:
                    budgets = "; ".join(budget_line_text(b, thai_digits, len(row.budget_lines) > 1)
                                        for b in row.budget_lines) or "ไม่ระบุ"
                    out.append(f"      • ตัวชี้วัด: {row.indicator or '(ไม่ระบุ)'}")
                    out.append(f"        เป้าหมาย {number_text(row.target, thai_digits)} {row.unit} | "
                               f"งบประมาณ {budgets} | {period_text(row.quarter_from, row.quarter_to, thai_digits)}")
                    out.append(f"        ผู้รับผิดชอบ: {', '.join(row.agencies) or '(ไม่ระบุ)'}")
        stated = budget_text(strategy.stated_budget, thai_digits) or "ไม่ระบุ"
        out.append(d(f"  รวมงบประมาณยุทธศาสตร์ที่ {strategy.number}: ")
                   + f"{format_baht(strategy.budget_satang() / 100, thai_digits)} บาท (เอกสารระบุ {stated})")
        out.append("")
    stated_total = budget_text(plan.stated_total, thai_digits) or "ไม่ระบุ"
    out.append(f"รวมงบประมาณทั้งสิ้น {format_baht(plan.budget_satang() / 100, thai_digits)} บาท "
               f"(เอกสารระบุ {stated_total})")
    if plan.warnings:
        out.append("")
        out.append(d(f"ข้อสังเกตจากเอกสาร ({len(plan.warnings)} รายการ)"))
        for warning in plan.warnings:
            where = d(f"บรรทัดที่ {warning.line}: ") if warning.line else ""
            out.append(f"  - {where}{warning.message}")
    return "\n".join(out) + "\n"
