"""Small shared looks for widgets (titles in bold, larger)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget


def emphasise(widget: QWidget, scale: float = 1.0, letter_spacing: float | None = None) -> None:
    """Set *widget*'s font bold, *scale* times its size, optionally spaced out (fingerprints)."""
    font = QFont(widget.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    if letter_spacing is not None:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, letter_spacing)
    widget.setFont(font)
