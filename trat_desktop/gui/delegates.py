"""Item delegates. QTreeView does not give its delegate the column width when it asks for a
row's size, so word-wrapped tree items would never grow taller; :class:`WrappingTreeDelegate`
fixes that. :class:`MoveOnDelegate` gives editable tables the keys of the office's grid: Tab and
Shift+Tab save and go to the next / previous cell (Qt's own), Enter saves and goes down."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem,
                               QTreeView, QWidget)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class MoveOnDelegate(QStyledItemDelegate):
    """Enter in a cell editor saves the value and makes the cell below current (as in the office's
    grid); Tab / Shift+Tab save and move on (Qt's delegate does that once the view keeps the current
    column across the save, see PlanEditorPage.reload)."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if (isinstance(editor, QWidget) and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in _ENTER and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            view = self.parent()
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if isinstance(view, QAbstractItemView):
                current = view.currentIndex()
                below = current.sibling(current.row() + 1, current.column()) if current.isValid() else current
                if below.isValid():
                    view.setCurrentIndex(below)
            return True
        return super().eventFilter(editor, event)


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
