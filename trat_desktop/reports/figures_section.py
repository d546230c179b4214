"""The office report's figures: "ดำเนินการแล้ว x จาก y ตัวชี้วัด คิดเป็นร้อยละ z", the bands, the budget
(allocated, spent, remaining, ร้อยละการเบิกจ่าย) per strategy, and a chart of each strategy's mean
ร้อยละความสำเร็จ and share of rows done.

Computed from the items' standings (domain/reporting.py), whose figures are domain/figures.py's: the printed
"บรรลุเป้าหมาย" of the table and the bands here are one rule."""

from __future__ import annotations

from typing import Any, Sequence

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.figures import Placed, Thresholds, balance_text, rollup, rule_text
from ..domain.reporting import Standing
from .charts import BarRow, bar_chart
from .common import Thai
from .typeset import P


def _pct(value: float | None, d: Thai) -> str:
    return "-" if value is None else d(f"{value:.1f}")


def _baht(satang: int, d: Thai) -> str:
    from ..domain.thai import format_baht

    return format_baht(satang / 100, d.thai)


def office_figures(items: Sequence[Any], standings: Sequence[Standing], d: Thai, width: float,
                   thresholds: Thresholds | None = None) -> list[Flowable]:
    """The section for the office's assigned items (WorkItems) and their standings, in the same order."""
    placed = []
    for item, st in zip(items, standings):
        if not getattr(item, "assigned", True) or st.figures is None:
            continue
        placed.append(Placed(item.strategy, item.activity_code,
                             st.figures._replace(allocated_satang=item.allocated_satang)))
    g = rollup(placed)
    out: list[Flowable] = [
        P("สรุปผลสัมฤทธิ์", "heading"),
        P(g.sentence(d.thai) + " " + d(f"บรรลุเป้าหมาย {g.on_target:,} ตัวชี้วัด ใกล้เคียงเป้าหมาย {g.near:,} ตัวชี้วัด"),
          "body"),
    ]
    if g.allocated_satang or g.spent_satang:
        out.append(P(f"งบประมาณที่ได้รับ {_baht(g.allocated_satang, d)} บาท ใช้ไป {_baht(g.spent_satang, d)} บาท "
                     + balance_text(g.allocated_satang, g.spent_satang, lambda satang: _baht(satang, d))
                     + f" ร้อยละการเบิกจ่าย {_pct(g.disbursed_pct, d)}", "body"))
    if g.contradictions:
        out.append(P(d(f"มี {g.contradictions} ตัวชี้วัดที่สถานะยังเป็น “ยังไม่เริ่ม” แต่มีผลการดำเนินงานแล้ว "
                       "โปรดปรับสถานะก่อนส่งรายงาน"), "body"))
    out.append(P("เกณฑ์: " + rule_text(thresholds, d.thai), "small"))
    scale = [d("25%"), d("50%"), d("75%"), d("100%")]
    rows = [BarRow(d(f"ยุทธศาสตร์ที่ {number}"),
                   [None if sg.mean_achievement_pct is None else sg.mean_achievement_pct / 100,
                    None if sg.reported_pct is None else sg.reported_pct / 100],
                   d(f"ความสำเร็จเฉลี่ยร้อยละ {_pct(sg.mean_achievement_pct, d)} · ดำเนินการแล้ว "
                     f"{sg.reported:,}/{sg.items:,} · บรรลุ {sg.on_target:,}")
                   + (f" · งบประมาณ {_baht(sg.allocated_satang, d)} ใช้ไป {_baht(sg.spent_satang, d)} "
                      + balance_text(sg.allocated_satang, sg.spent_satang, lambda satang: _baht(satang, d))
                      if sg.allocated_satang or sg.spent_satang else ""))
            for number, sg in sorted(g.children.items(), key=lambda kv: int(kv[0]))]
    if rows:
        out.append(KeepTogether([
            Spacer(1, 0.2 * cm),
            P("แผนภูมิ ร้อยละความสำเร็จเฉลี่ยและร้อยละของตัวชี้วัดที่ดำเนินการแล้ว รายยุทธศาสตร์", "body"),
            bar_chart(rows, ["ร้อยละความสำเร็จเฉลี่ย", "ร้อยละของตัวชี้วัดที่ดำเนินการแล้ว"], width, scale),
        ]))
    out.append(Spacer(1, 0.3 * cm))
    return out
