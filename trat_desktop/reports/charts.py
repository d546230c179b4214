"""Bar charts of progress per strategy, drawn with reportlab.graphics.

The bars are reportlab.graphics shapes; every label is a shaped Thai paragraph beside or under
them (text inside a reportlab Drawing is drawn with drawString, which does not shape Thai).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect
from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from .typeset import P

BAR_HEIGHT = 7.0
BAR_GAP = 2.0
SERIES_COLOURS = [colors.Color(0.16, 0.38, 0.66), colors.Color(0.30, 0.65, 0.35), colors.Color(0.85, 0.55, 0.15)]
GRID_COLOUR = colors.Color(0.75, 0.75, 0.75)
OVER_COLOUR = colors.Color(0.80, 0.22, 0.18)  # a share above 100 % (e.g. spending over the budget)


@dataclass
class BarRow:
    """One category: its label, a share 0..1 per series (None: no bar), and the figures as text."""

    label: str
    shares: list[float | None]
    text: str


def _bars(shares: list[float | None], width: float) -> Drawing:
    n = len(shares)
    height = n * BAR_HEIGHT + (n + 1) * BAR_GAP
    drawing = Drawing(width, height)
    for k in range(5):
        x = width * k / 4
        drawing.add(Line(x, 0, x, height, strokeColor=GRID_COLOUR, strokeWidth=0.4 if k else 0.8))
    for i, share in enumerate(shares):
        if share is None:
            continue
        y = height - (i + 1) * (BAR_HEIGHT + BAR_GAP)
        w = max(0.0, min(1.0, share)) * width
        if w > 0:
            colour = OVER_COLOUR if share > 1.0 else SERIES_COLOURS[i % len(SERIES_COLOURS)]
            drawing.add(Rect(0, y, w, BAR_HEIGHT, fillColor=colour, strokeColor=None))
    return drawing


def _swatch(colour: colors.Color) -> Drawing:
    drawing = Drawing(9, 9)
    drawing.add(Rect(0, 1, 8, 7, fillColor=colour, strokeColor=None))
    return drawing


def bar_chart(rows: list[BarRow], series: list[str], width: float, scale: list[str]) -> Flowable:
    """A horizontal bar chart: labels left, bars in the middle on a 0-100 % grid, figures right.

    *scale* holds the labels of the 25, 50, 75 and 100 % grid lines, in the report's digits;
    each is printed centred under its line.
    """
    label_w, text_w = width * 0.30, width * 0.28
    bar_w = width - label_w - text_w
    data: list[list[object]] = []
    for row in rows:
        data.append([P(row.label, "small"), _bars(row.shares, bar_w - 12), P(row.text, "small")])
    # each label centred under its grid line: columns a quarter wide, centred on 25, 50, 75 and 100 %
    quarter = (bar_w - 12) / 4
    ticks = Table([[P("", "small")] + [P(s, "small_center") for s in scale]], colWidths=[quarter / 2] + [quarter] * 4,
                  hAlign="LEFT")
    ticks.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    data.append([P("", "small"), ticks, P("", "small")])
    legend = []
    for i, name in enumerate(series):
        legend += [_swatch(SERIES_COLOURS[i % len(SERIES_COLOURS)]), P(name, "small")]
    legend_table = Table([legend], colWidths=[12, bar_w / max(1, len(series)) - 12] * len(series))
    legend_table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    data.append([P("", "small"), legend_table, P("", "small")])
    t = Table(data, colWidths=[label_w, bar_w, text_w], hAlign="LEFT")
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (1, 0), (1, -1), 0), ("RIGHTPADDING", (1, 0), (1, -1), 12),
        ("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.3, GRID_COLOUR),
    ]))
    return t
