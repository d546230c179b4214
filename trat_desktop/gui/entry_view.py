"""The entry grid's view and delegate: keyboard entry like a spreadsheet.

* Typing starts editing (the typed key replaces the value); Enter saves and goes down to the
  next editable cell of the same column; Tab / Shift+Tab go to the next / previous editable
  cell, line by line; greyed and descriptive cells are skipped.
* A refused value keeps the cursor on its cell so it can be typed again.
* Delete clears a value; the status column edits with a combo box of the four statuses.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ..domain.progress import MAX_NOTE, STATUSES
from .entry_model import WorkEntryModel

_EndEditHint = QAbstractItemDelegate.EndEditHint
_LINE_PADDING = 10  # pixels above and below one line of text


class EntryDelegate(QStyledItemDelegate):
    """Line edits for values, a combo box for the status; remembers whether the last commit saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last_ok: bool | None = None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        self.last_ok = None
        if index.column() == WorkEntryModel.COL_STATUS:
            combo = QComboBox(parent)
            combo.addItems(list(STATUSES.values()))
            combo.setFrame(False)
            return combo
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if index.column() == WorkEntryModel.COL_NOTE:
            editor.setMaxLength(MAX_NOTE)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            position = editor.findText(str(value))
            editor.setCurrentIndex(max(position, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            value = editor.currentText()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:  # pragma: no cover - only the two editors above are made
            return
        if value == (index.data(Qt.ItemDataRole.EditRole) or ""):
            self.last_ok = True  # unchanged: nothing to save
            return
        self.last_ok = model.setData(index, value, Qt.ItemDataRole.EditRole)


class EntryTableView(QTableView):
    """The entry grid: spans for group lines and item descriptions, spreadsheet-like keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_delegate = EntryDelegate(self)
        self.setItemDelegate(self.entry_delegate)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_rows)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._fit_timer.start())

    def entry_model(self) -> WorkEntryModel | None:
        model = self.model()
        return model if isinstance(model, WorkEntryModel) else None

    # -- layout ---------------------------------------------------------------------
    def apply_spans(self) -> None:
        """Group lines span the whole width; an item's description spans its quarter lines."""
        self.clearSpans()
        model = self.entry_model()
        if model is None:
            return
        columns = model.columnCount()
        for row, line in enumerate(model.lines()):
            if line.kind != "quarter":
                self.setSpan(row, 0, 1, columns)
            elif line.first and line.span > 1:
                for column in model.INFO_COLUMNS:
                    self.setSpan(row, column, line.span, 1)
        self.fit_rows()

    def _text_height(self, text: str, width: int, bold: bool = False) -> int:
        font = self.font()
        font.setBold(bold)
        rect = QFontMetrics(font).boundingRect(QRect(0, 0, max(width - 10, 20), 100000),
                                               int(Qt.TextFlag.TextWordWrap), text)
        return rect.height() + _LINE_PADDING

    def fit_rows(self) -> None:
        """Size each line so wrapped Thai texts show whole (spanned texts share their lines)."""
        model = self.entry_model()
        if model is None:
            return
        line_height = QFontMetrics(self.font()).height() + _LINE_PADDING + 4
        header = self.verticalHeader()
        full_width = sum(self.columnWidth(c) for c in range(model.columnCount()) if not self.isColumnHidden(c))
        lines = model.lines()
        row = 0
        while row < len(lines):
            line = lines[row]
            if line.kind != "quarter":
                header.resizeSection(row, max(line_height, self._text_height(
                    model.text(row, 0), full_width, line.kind == "strategy")))
                row += 1
                continue
            count = max(line.span, 1)
            needed = max(
                (self._text_height(model.text(row, c), self.columnWidth(c))
                 for c in model.INFO_COLUMNS if not self.isColumnHidden(c)),
                default=line_height,
            )
            needed = max(needed, self._text_height(model.text(row, model.COL_NOTE),
                                                    self.columnWidth(model.COL_NOTE)))
            each = max(line_height, -(-needed // count))
            for offset in range(count):
                header.resizeSection(row + offset, each)
            row += count

    # -- navigation -----------------------------------------------------------------
    def _editable(self, row: int, column: int) -> bool:
        model = self.entry_model()
        return model is not None and not self.isColumnHidden(column) and model.is_editable(row, column)

    def next_editable(self, row: int, column: int, step: int = 1) -> QModelIndex:
        """The next (step=1) or previous (step=-1) editable cell in reading order."""
        model = self.entry_model()
        if model is None:
            return QModelIndex()
        columns = list(model.EDIT_COLUMNS)
        cells = [(r, c) for r in range(model.rowCount()) for c in columns]
        if (row, column) in cells:
            start = cells.index((row, column)) + step
        else:
            start = next((i for i, (r, c) in enumerate(cells) if (r, c) > (row, column)), len(cells))
            if step < 0:
                start -= 1
        i = start
        while 0 <= i < len(cells):
            if self._editable(*cells[i]):
                return model.index(*cells[i])
            i += step
        return QModelIndex()

    def editable_below(self, row: int, column: int, step: int = 1) -> QModelIndex:
        """The next editable cell down (or up) the same column."""
        model = self.entry_model()
        if model is None:
            return QModelIndex()
        r = row + step
        while 0 <= r < model.rowCount():
            if self._editable(r, column):
                return model.index(r, column)
            r += step
        return QModelIndex()

    def first_editable(self, quarter: int | None = None) -> QModelIndex:
        """The first editable achieved cell, of *quarter* when given and there is one."""
        model = self.entry_model()
        if model is None:
            return QModelIndex()
        for row, line in enumerate(model.lines()):
            if (quarter is None or line.quarter == quarter) and self._editable(row, model.COL_ACHIEVED):
                return model.index(row, model.COL_ACHIEVED)
        return self.next_editable(0, -1) if quarter is None else self.first_editable(None)

    def moveCursor(self, cursorAction: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        if cursorAction in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious):
            step = 1 if cursorAction == QAbstractItemView.CursorAction.MoveNext else -1
            row, column = (current.row(), current.column()) if current.isValid() else (-1, -1)
            target = self.next_editable(row, column, step)
            return target if target.isValid() else current
        return super().moveCursor(cursorAction, modifiers)

    def _go(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        editing = self.state() == QAbstractItemView.State.EditingState
        key = event.key()
        if not editing and current.isValid() and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            step = -1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            self._go(self.editable_below(current.row(), current.column(), step))
            return
        if (not editing and current.isValid() and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and current.column() != WorkEntryModel.COL_STATUS and self._editable(current.row(), current.column())):
            self.model().setData(current, "", Qt.ItemDataRole.EditRole)
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        refused = self.entry_delegate.last_ok is False
        self.entry_delegate.last_ok = None
        if refused:  # stay on the refused cell so it can be typed again
            super().closeEditor(editor, _EndEditHint.NoHint)
            self.setFocus()
            return
        if hint == _EndEditHint.SubmitModelCache:  # Enter: save and go down
            current = self.currentIndex()
            super().closeEditor(editor, hint)
            self._go(self.editable_below(current.row(), current.column()))
            return
        super().closeEditor(editor, hint)
