"""A word-wrapped label (the entry page's title, header and hints, the selected line's context, the plan tab's
titles) that Qt can ask for its size cheaply.

QLabel lays its whole text out for every size question: its size hint tries up to three widths (a "golden
ratio"), its minimum size lays it out once a word a line and once on one line, and each layout pass asks its
height for a width again, at every width the window passes through while it is made — about fifty layouts of
Thai text for the entry page's wrapped labels before its first paint (issue 16). Here the height for a width is
remembered for the text shown until the font, the style or the margins change, and the size hints are one line
high: in a layout a wrapped label is given the height for the width it gets (``heightForWidth``), whatever its
hints say, so the window looks the same (tests/test_wrap_label.py, and the start screenshots pixel for pixel)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel


class WrapLabel(QLabel):
    """QLabel with ``wordWrap`` whose height per width is remembered (see the module text)."""

    #: a wrapped label's preferred width before a layout gives it its own
    HINT_WIDTH = 200

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self._text: str | None = None
        self._heights: dict[int, int] = {}

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange):
            self._heights.clear()
        super().changeEvent(event)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        if not self.wordWrap():
            return super().heightForWidth(width)
        text = self.text()  # (however it was set: setText, clear, a signal to the slot)
        if text != self._text:
            self._text, self._heights = text, {}
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._measure(width)
        return height

    def _measure(self, width: int) -> int:
        return super().heightForWidth(width)

    def _one_line(self, width: int) -> QSize:
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     self.fontMetrics().height() + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return self._one_line(0) if self.wordWrap() else super().minimumSizeHint()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return self._one_line(self.HINT_WIDTH) if self.wordWrap() else super().sizeHint()
