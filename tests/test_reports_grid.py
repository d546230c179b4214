"""The ruled grid of the reports: where its rules go."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas


class _Canvas(Canvas):
    """A canvas that also records the lines drawn on it."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO())
        self.lines: list[tuple[float, float, float, float]] = []

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.lines.append((x0, y0, x1, y1))
        super().line(x0, y0, x1, y1)


def test_a_row_holding_one_cell_object_twice_rules_every_column() -> None:
    """The plan printout's header sub-row is [blank] * 2 + … + [blank] * 5: one Cell object many times.
    Its column rules must still stand at the column boundaries (they were drawn at the first blank's)."""
    from trat_desktop.reports.grid import Grid, Row, cell

    blank = cell("")
    grid = Grid([10, 20, 30, 40], [Row([blank, blank, cell("x"), blank])])
    canvas = _Canvas()
    grid.wrap(100, 1000)
    grid.canv = canvas  # type: ignore[attr-defined]
    grid.draw()
    verticals = {round(x0, 3) for x0, y0, x1, y1 in canvas.lines if x0 == x1}
    assert verticals == {0, 10, 30, 60, 100}
