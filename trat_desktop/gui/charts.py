"""Horizontal bar charts drawn with QPainter (QtCharts is not in PySide6-Essentials).

One group per category (e.g. a strategy): a bold heading and a second, elided line of
Thai label on the left, then one or more bars (e.g. allocated and spent) with their value
texts. Thai text is drawn by Qt's shaper, so stacked tone marks render as in any label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..i18n import _

MARGIN = 8
LABEL_SHARE = 0.36  # of the width, at most, for the labels
BAR_GAP = 3
GROUP_GAP = 10
TEXT_GAP = 6
GRID = QColor("#d0d7de")
TRACK = QColor("#eef1f4")
TEXT = QColor("#1f2328")
MUTED = QColor("#57606a")


@dataclass
class Bar:
    """One bar: its value on the chart's scale, colour and the text drawn after it."""

    value: float
    colour: str
    text: str = ""


@dataclass
class BarGroup:
    """One category: a heading ('ยุทธศาสตร์ที่ ๑'), a detail line (its title), its bars."""

    heading: str
    detail: str = ""
    bars: list[Bar] = field(default_factory=list)
    tooltip: str = ""


class HorizontalBarChart(QWidget):
    """Categories down the left, bars to the right on a common scale from 0 to :attr:`maximum`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[BarGroup] = []
        self.legend: list[tuple[str, str]] = []
        self.maximum: float | None = None
        self.empty_text = _("ยังไม่มีข้อมูล")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        #: areas of the groups from the last paint, for tooltips and tests
        self.group_rects: list[QRect] = []
        self.paint_count = 0

    # -- content --------------------------------------------------------------------
    def set_groups(self, groups: list[BarGroup], maximum: float | None = None,
                   legend: list[tuple[str, str]] | None = None) -> None:
        """Show *groups*; *maximum* fixes the scale (default: the largest value)."""
        self.groups = list(groups)
        self.maximum = maximum
        if legend is not None:
            self.legend = list(legend)
        self.updateGeometry()
        self.update()

    def scale_maximum(self) -> float:
        if self.maximum is not None and self.maximum > 0:
            return self.maximum
        values = [bar.value for g in self.groups for bar in g.bars]
        return max([v for v in values if v > 0], default=1.0)

    # -- geometry -------------------------------------------------------------------
    def _line(self) -> int:
        return QFontMetrics(self.font()).lineSpacing() + 1

    def _bar_height(self, scale: float = 1.0) -> int:
        return max(12, int(self._line() * 0.85 * scale))

    def _group_height(self, group: BarGroup, scale: float = 1.0) -> int:
        label = self._line() * (2 if group.detail else 1)
        bars = len(group.bars) * self._bar_height(scale) + max(0, len(group.bars) - 1) * BAR_GAP
        return max(label, bars)

    def _scale(self, available: int) -> float:
        """How much thicker the bars may grow to use the height the layout gives (at most 2x)."""
        natural = sum(self._group_height(g) for g in self.groups) + GROUP_GAP * max(0, len(self.groups) - 1)
        if natural <= 0:
            return 1.0
        return max(1.0, min(2.0, available / natural))

    def _legend_height(self) -> int:
        return self._line() + TEXT_GAP if self.legend else 0

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        height = 2 * MARGIN + self._legend_height()
        height += sum(self._group_height(g) for g in self.groups) + GROUP_GAP * max(0, len(self.groups) - 1)
        return QSize(520, max(height, self._line() * 3))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(320, self.sizeHint().height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return False

    # -- painting -------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            self._paint(painter)
        finally:
            painter.end()
        self.paint_count += 1

    def _paint(self, painter: QPainter) -> None:
        rect = self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        font = self.font()
        metrics = QFontMetrics(font)
        painter.setPen(TEXT)
        self.group_rects = []
        if not self.groups:
            painter.setPen(MUTED)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        y = rect.top()
        if self.legend:
            y = self._paint_legend(painter, rect, metrics)
        bold = QFont(font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        widest = max(max(bold_metrics.horizontalAdvance(g.heading), metrics.horizontalAdvance(g.detail))
                     for g in self.groups)
        label_width = min(int(rect.width() * LABEL_SHARE), widest + TEXT_GAP)
        texts = [bar.text for g in self.groups for bar in g.bars]
        text_width = max((metrics.horizontalAdvance(t) for t in texts), default=0) + TEXT_GAP
        bar_left = rect.left() + label_width + TEXT_GAP
        bar_width = max(20, rect.right() - bar_left - text_width)
        top = y
        maximum = self.scale_maximum()
        scale = self._scale(rect.bottom() - y)
        gap = int(GROUP_GAP * scale)
        for group in self.groups:
            height = self._group_height(group, scale)
            area = QRect(rect.left(), y, rect.width(), height)
            self.group_rects.append(area)
            painter.setFont(bold)
            painter.setPen(TEXT)
            line = metrics.height()
            painter.drawText(QRect(rect.left(), y, label_width, line), int(Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter), bold_metrics.elidedText(
                                 group.heading, Qt.TextElideMode.ElideRight, label_width))
            if group.detail:
                painter.setFont(font)
                painter.setPen(MUTED)
                painter.drawText(QRect(rect.left(), y + line, label_width, line), int(
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    metrics.elidedText(group.detail, Qt.TextElideMode.ElideRight, label_width))
            painter.setFont(font)
            bar_height = self._bar_height(scale)
            bars_height = len(group.bars) * bar_height + max(0, len(group.bars) - 1) * BAR_GAP
            bar_y = y + (height - bars_height) // 2
            for bar in group.bars:
                self._paint_bar(painter, bar, bar_left, bar_y, bar_width, bar_height, maximum)
                bar_y += bar_height + BAR_GAP
            y += height + gap
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(bar_left, top - 2, bar_left, y - gap + 2)

    def _paint_bar(self, painter: QPainter, bar: Bar, left: int, top: int, width: int, height: int,
                   maximum: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRect(QRectF(left, top, width, height))
        share = max(0.0, min(1.0, bar.value / maximum)) if maximum > 0 else 0.0
        if share > 0:
            painter.setBrush(QColor(bar.colour))
            painter.drawRoundedRect(QRectF(left, top, max(2.0, width * share), height), 2, 2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if bar.text:
            painter.setPen(TEXT)
            painter.drawText(QRect(left + width + TEXT_GAP, top - 4, 10_000, height + 8),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), bar.text)

    def _paint_legend(self, painter: QPainter, rect: QRect, metrics: QFontMetrics) -> int:
        x, line = rect.left(), metrics.height()
        for colour, text in self.legend:
            swatch = int(line * 0.7)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRect(x, rect.top() + (line - swatch) // 2, swatch, swatch)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(TEXT)
            x += swatch + 4
            painter.drawText(QPoint(x, rect.top() + metrics.ascent()), text)
            x += metrics.horizontalAdvance(text) + 16
        return rect.top() + line + TEXT_GAP

    # -- tooltips -------------------------------------------------------------------
    def group_at(self, point: QPoint) -> int:
        return next((n for n, area in enumerate(self.group_rects) if area.contains(point)), -1)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            n = self.group_at(event.pos())
            if 0 <= n < len(self.groups) and self.groups[n].tooltip:
                QToolTip.showText(event.globalPos(), self.groups[n].tooltip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
