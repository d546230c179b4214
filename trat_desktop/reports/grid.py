"""A ruled table that any content the app accepts fits into: rows split across pages line by line.

reportlab's Table cannot split a row taller than the rest of a page without losing lines, repeating
the header mid-page or leaving a sliver (its in-row split works on whole cell flowables), and it
raises LayoutError for a row taller than a page. :class:`Grid` lays out its own rows:

* each row's height comes from its cells' Thai paragraphs at their column widths, and its padding
  from the real ink of the first and last line (stacked tone marks, ญ/ฐ tails): no glyph crosses a rule;
* at a page end a row that does not fit is split between two lines (at least two lines on each
  side); the part on the next page starts with "(ต่อ)" and never with a blank line;
* the header rows are drawn at the top of every part, so only at the top of a page (or where the
  table starts); a row marked ``keep_with_next`` (a heading) never ends a page;
* *footer* flowables (a summary, the signatures, the verification QR) are drawn under the last
  row and kept on the page of the table's end: no page holds only signatures.

Nothing here knows about reports; :mod:`.office`, :mod:`.province` and :mod:`.plan_doc` build Grids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from reportlab.lib import colors
from reportlab.platypus.flowables import Flowable

from .typeset import P, ThaiParagraph

CONTINUED = "(ต่อ)"
RULE = colors.Color(0.35, 0.35, 0.35)
MIN_LINES = 2          # a split row keeps at least this many lines of a paragraph on its page
MIN_TAIL_LINES = 2     # and at least this many go on to the next (under "(ต่อ)")
INK_CLEARANCE = 1.0    # points between the highest (lowest) ink and a rule


@dataclass(slots=True)
class Cell:
    """One cell: its flowables (usually one ThaiParagraph) and how many columns it spans."""

    content: list[Flowable]
    span: int = 1
    valign: str = "TOP"  # or "MIDDLE"


@dataclass(slots=True)
class Row:
    """A table row. *rule_from*: the column where the rule above the row starts (None: no rule);
    *keep_with_next*: the row may not be the last of a page (a heading)."""

    cells: list[Cell]
    background: Any = None
    rule_from: int | None = 0
    rule_to: int | None = None        # the column where that rule ends (None: the last)
    rule_width: float = 0.5
    keep_with_next: bool = False
    keep_with_previous: bool = False  # e.g. a total: never the first row of a page
    continued: bool = False  # a part of a row split across pages
    #: cells shown instead when the row starts a page (the tactic and activity of a plan row "(ต่อ)")
    carry: dict[int, Cell] | None = None
    #: cells shown instead when the whole row starts a page below a row of its own item on the page
    #: before (a note whose indicator ended that page: its text says "(ต่อ)")
    restart: list[Cell] | None = None
    #: (grid width, (top padding, content height, bottom padding)) of the last grid that measured it
    _geometry: tuple[float, tuple[float, float, float]] | None = field(default=None, repr=False)


def cell(*content: Flowable | str | None, span: int = 1, style: str = "cell", valign: str = "TOP") -> Cell:
    """A cell of flowables; text is made into a shaped paragraph of *style*."""
    items = [P(c, style) if isinstance(c, str) or c is None else c for c in content]
    return Cell(items, span, valign)


class Grid(Flowable):
    """A ruled table of :class:`Row` with a repeated header, split across pages row by row or
    inside a row, line by line. *widths*: column widths in points."""

    def __init__(self, widths: Sequence[float], rows: Sequence[Row], header: Sequence[Row] = (),
                 footer: Sequence[Flowable] = (), *, padding: float = 3.0, top_padding: float = 1.5,
                 bottom_padding: float = 2.5, rule: Any = RULE, outer_width: float = 0.6,
                 first_part: bool = True) -> None:
        super().__init__()
        self.widths = list(widths)
        self.rows = list(rows)
        self.header = list(header)
        self.footer = list(footer)
        self.padding = padding
        self.top_padding = top_padding
        self.bottom_padding = bottom_padding
        self.rule = rule
        self.outer_width = outer_width
        self.first_part = first_part
        if first_part:  # the parts of a split grid hold rows checked already
            for row in [*self.header, *self.rows]:
                if sum(c.span for c in row.cells) != len(self.widths):
                    raise ValueError(f"a row spans {sum(c.span for c in row.cells)} columns, "
                                     f"the grid has {len(self.widths)}")
        self._key = round(sum(self.widths), 3)
        self._footer_size: tuple[float, float] | None = None
        self._fill = 0.0
        self._avail_width = sum(self.widths)

    # --- geometry ------------------------------------------------------------------------------

    def _cell_widths(self, row: Row) -> list[float]:
        out, col = [], 0
        for c in row.cells:
            out.append(sum(self.widths[col:col + c.span]))
            col += c.span
        return out

    def _inner(self, width: float) -> float:
        return width - 2 * self.padding

    def _geometry(self, row: Row) -> tuple[float, float, float]:
        """(top padding, content height, bottom padding) of *row*."""
        key = self._key
        cached = row._geometry
        got = cached[1] if cached is not None and cached[0] == key else None
        if got is None:
            top = self.top_padding
            bottom = self.bottom_padding
            height = 0.0
            for c, w in zip(row.cells, self._cell_widths(row)):
                inner = self._inner(w)
                h = 0.0
                for n, f in enumerate(c.content):
                    _fw, fh = f.wrap(inner, 1e9)
                    h += fh + (f.getSpaceBefore() if n else 0) + (f.getSpaceAfter() if n < len(c.content) - 1 else 0)
                height = max(height, h)
                paras = [f for f in c.content if isinstance(f, ThaiParagraph)]
                if paras and c.content and paras[0] is c.content[0]:
                    above, _ = paras[0].overhang(inner)
                    top = max(top, above + INK_CLEARANCE)
                if paras and c.content and paras[-1] is c.content[-1]:
                    _, below = paras[-1].overhang(inner)
                    bottom = max(bottom, below + INK_CLEARANCE)
            got = (top, height, bottom)
            row._geometry = (key, got)
        return got

    def row_height(self, row: Row) -> float:
        top, h, bottom = self._geometry(row)
        return top + h + bottom

    def _header_height(self) -> float:
        return sum(self.row_height(r) for r in self.header)

    def _footer_height(self, width: float) -> float:
        if not self.footer:
            return 0.0
        if self._footer_size is None or self._footer_size[0] != width:
            self._footer_size = (width, sum(f.wrap(width, 1e9)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                                            for f in self.footer))
        return self._footer_size[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._avail_width = availWidth
        self.width = sum(self.widths)
        # rows are summed only until they pass the space offered: the exact height of a table that
        # does not fit is never needed (the frame splits it), and summing a long table's rows at
        # every page would make a long report quadratic
        total = self._header_height() + self._footer_height(availWidth)
        for r in self.rows:
            total += self.row_height(r)
            if total > availHeight + 1.0 and self._fill == 0.0:
                break
        self.height = total
        # a part that ends a page takes the rest of it: the next part must not start (with a
        # header) in the space left below
        self.height = max(self.height, self._fill)
        return self.width, self.height

    # --- splitting -------------------------------------------------------------------------------

    def _part(self, rows: list[Row], footer: Sequence[Flowable], first: bool, fill: float = 0.0) -> "Grid":
        if not first and rows and (rows[0].carry or (rows[0].restart and not rows[0].continued)):
            top = rows[0]
            cells = top.restart if top.restart and not top.continued else top.cells
            cells = [top.carry.get(i, c) if top.carry and _blank(c) else c for i, c in enumerate(cells)]
            rows = [Row(cells, top.background, 0, None, top.rule_width, top.keep_with_next, top.keep_with_previous,
                        top.continued), *rows[1:]]
        g = Grid(self.widths, rows, self.header, footer, padding=self.padding, top_padding=self.top_padding,
                 bottom_padding=self.bottom_padding, rule=self.rule, outer_width=self.outer_width, first_part=first)
        g._fill = fill
        return g

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        if self.height <= availHeight + 1e-6:
            return [self]
        room = availHeight - self._header_height()
        used = 0.0
        k = 0
        while k < len(self.rows):
            h = self.row_height(self.rows[k])
            if used + h > room + 1e-6:
                break
            used += h
            k += 1
        if k == len(self.rows):
            # every row fits but the footer does not: the last row (or its end) goes with the footer
            k -= 1
            used -= self.row_height(self.rows[k])
        if k < len(self.rows):
            cut = self._split_row(self.rows[k], room - used)
            if cut is not None:
                head, tail = cut
                return [self._part([*self.rows[:k], head], (), self.first_part, availHeight),
                        self._part([tail, *self.rows[k + 1:]], self.footer, False)]
        while k > 0 and (self.rows[k - 1].keep_with_next or self.rows[k].keep_with_previous):
            # rows[k] may not start the next page alone: rather than moving rows[k - 1] over too,
            # split it (a note of the row above a total, so the total goes on with its last lines)
            j = k - 1
            if not self.rows[j].keep_with_next:
                before = sum(self.row_height(r) for r in self.rows[:j])
                # (less than its whole height: a row that fits is split all the same, its end goes on)
                cut = self._split_row(self.rows[j], min(room - before, self.row_height(self.rows[j]) - 1.0))
                if cut is not None:
                    head, tail = cut
                    return [self._part([*self.rows[:j], head], (), self.first_part, availHeight),
                            self._part([tail, *self.rows[j + 1:]], self.footer, False)]
            k -= 1
        if k == 0:
            return []  # nothing fits here: the frame moves the table to the next page
        return [self._part(self.rows[:k], (), self.first_part, availHeight),
                self._part(self.rows[k:], self.footer, False)]

    def _split_row(self, row: Row, room: float) -> tuple[Row, Row] | None:
        """*row* cut so that its first part takes at most *room* points; None if no cut is good."""
        top, _h, bottom = self._geometry(row)
        content_room = room - top - bottom
        if content_room <= 0:
            return None
        heads: list[Cell] = []
        tails: list[Cell] = []
        any_head = any_tail = False
        for c, w in zip(row.cells, self._cell_widths(row)):
            inner = self._inner(w)
            head: list[Flowable] = []
            tail: list[Flowable] = []
            used = 0.0
            for n, f in enumerate(c.content):
                if tail:
                    tail.append(f)
                    continue
                _fw, fh = f.wrap(inner, 1e9)
                gap = f.getSpaceBefore() if n else 0.0
                if used + gap + fh <= content_room + 1e-6:
                    head.append(f)
                    used += gap + fh + f.getSpaceAfter()
                    continue
                if isinstance(f, ThaiParagraph):
                    lines = f.lines(inner)
                    leading = f.style.leading
                    fit = int((content_room - used - gap) // leading) if leading else 0
                    fit = min(fit, len(lines) - MIN_TAIL_LINES)
                    if fit >= MIN_LINES:
                        head.append(f.with_lines(lines[:fit]))
                        rest = lines[fit:]
                        while rest and not any(t.strip() for t, _ in rest[0]):
                            rest = rest[1:]  # no blank line at the top of the next page
                        if rest:
                            tail.append(f.with_lines(rest))
                        continue
                if not head:
                    return None  # a cell would start empty beside its neighbours' lines: a sliver
                tail.append(f)
            any_head = any_head or bool(head)
            any_tail = any_tail or bool(tail)
            heads.append(Cell(head, c.span, c.valign))
            tails.append(Cell(tail, c.span, c.valign))
        if not any_head or not any_tail:
            return None
        # the part on the next page says it continues, in the first cell that has something left
        first = next((c for c in tails if c.content), tails[0])
        style = first.content[0].style if first.content and isinstance(first.content[0], ThaiParagraph) else None
        first.content.insert(0, ThaiParagraph(CONTINUED, style) if style is not None else P(CONTINUED, "cell"))
        common = dict(background=row.background, rule_width=row.rule_width)
        return (Row(heads, rule_from=row.rule_from, keep_with_next=False, continued=row.continued, **common),
                Row(tails, rule_from=0, keep_with_next=row.keep_with_next, continued=True, carry=row.carry, **common))

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self) -> None:
        canv = self.canv
        width = sum(self.widths)
        y = self.height
        top_of_table = y
        rows = [*self.header, *self.rows]
        bounds: list[tuple[Row, float, float]] = []
        for row in rows:
            h = self.row_height(row)
            bounds.append((row, y, h))
            y -= h
        bottom_of_table = y
        canv.saveState()
        for row, top, h in bounds:  # backgrounds first, rules over them
            if row.background is not None:
                canv.setFillColor(row.background)
                canv.rect(0, top - h, width, h, stroke=0, fill=1)
        canv.setStrokeColor(self.rule)
        n_header = len(self.header)
        for i, (row, top, h) in enumerate(bounds):
            canv.setLineWidth(row.rule_width)
            if i == 0 or i == n_header:  # the table's top, the line under the header
                canv.setLineWidth(self.outer_width)
                canv.line(0, top, width, top)
            elif row.rule_from is not None:
                x0 = sum(self.widths[:row.rule_from])
                x1 = width if row.rule_to is None else sum(self.widths[:row.rule_to])
                canv.line(x0, top, x1, top)
            canv.setLineWidth(row.rule_width)
            col = 0
            for c in row.cells[:-1]:  # by position: a row may hold one Cell object twice ([cell("")] * 5)
                col += c.span
                x = sum(self.widths[:col])
                canv.line(x, top, x, top - h)
        canv.setLineWidth(self.outer_width)
        canv.line(0, top_of_table, 0, bottom_of_table)
        canv.line(width, top_of_table, width, bottom_of_table)
        canv.line(0, bottom_of_table, width, bottom_of_table)
        canv.restoreState()
        for row, top, h in bounds:
            pad_top, content_h, _pad_bottom = self._geometry(row)
            x = 0.0
            for c, w in zip(row.cells, self._cell_widths(row)):
                inner = self._inner(w)
                used = sum(f.wrap(inner, 1e9)[1] for f in c.content)
                cy = top - pad_top
                if c.valign == "MIDDLE":
                    cy -= (content_h - used) / 2
                for n, f in enumerate(c.content):
                    if n:
                        cy -= f.getSpaceBefore()
                    _fw, fh = f.wrap(inner, 1e9)
                    f.drawOn(canv, x + self.padding, cy - fh)
                    cy -= fh + f.getSpaceAfter()
                    if isinstance(f, ThaiParagraph):
                        f.release()  # a drawn row is not drawn again: keep a long report small
                x += w
        if self.footer:
            y = bottom_of_table
            for f in self.footer:
                y -= f.getSpaceBefore()
                _fw, fh = f.wrap(self._avail_width, 1e9)
                f.drawOn(canv, 0, y - fh)
                y -= fh + f.getSpaceAfter()


def simple_grid(headers: Sequence[str], rows: Sequence[Sequence[Flowable]], widths: Sequence[float], *,
                total_background: Any = None, footer: Sequence[Flowable] = ()) -> Grid:
    """A plain ruled table: a shaded header of *headers*, one cell per flowable; with
    *total_background* the last row is a total (shaded, never alone at a page top)."""
    from .layout import SHADE_STRONG

    header = [Row([cell(h, style="head", valign="MIDDLE") for h in headers], background=SHADE_STRONG)]
    body = [Row([Cell([f]) for f in r]) for r in rows]
    if total_background is not None and body:
        body[-1].background = total_background
        body[-1].keep_with_previous = True
    return Grid(widths, body, header, footer)


def _blank(c: Cell) -> bool:
    return all(isinstance(f, ThaiParagraph) and not f.text.strip() for f in c.content)


__all__ = ["Grid", "Row", "Cell", "cell", "simple_grid", "CONTINUED"]
