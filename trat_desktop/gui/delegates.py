"""Item delegates. QTreeView does not give its delegate the column width when it asks for a
row's size, so word-wrapped tree items would never grow taller; this delegate fixes that."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView


class WrappingTreeDelegate(QStyledItemDelegate):
    """Size tree items for their column's width (minus indentation) so long Thai titles wrap."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree

    def _depth(self, index: QModelIndex | QPersistentModelIndex) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        return depth

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._tree.columnWidth(index.column())
        if index.column() == 0:
            levels = self._depth(index) + (1 if self._tree.rootIsDecorated() else 0)
            width -= self._tree.indentation() * levels
        if width <= 0:
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(0, 0, width, 1)  # must be a valid rect for the style to wrap text
        hint = super().sizeHint(opt, index)
        return QSize(min(hint.width(), width), hint.height())
