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
from . import display
from .entry_model import WorkEntryModel
from .visible_rows import viewport_of

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
            for word in STATUSES.values():  # shown in the screen's language, saved as the stored word
                combo.addItem(display.status_text(word), word)
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
            position = editor.findData(str(value))
            editor.setCurrentIndex(max(position, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:  # pragma: no cover - only the two editors above are made
            return
        if value == (index.data(Qt.ItemDataRole.EditRole) or ""):
            self.last_ok = True  # unchanged: nothing to save
            return
        self.last_ok = model.setData(index, value, Qt.ItemDataRole.EditRole)


class EntryTableView(QTableView):
    """The entry grid: spans for group lines and item descriptions, spreadsheet-like keys.

    Row heights and spans are made only for the lines in view (and for lines as they scroll into
    view): measuring every wrapped Thai text of a big plan on every reload froze the window for
    seconds. Text heights are cached per (text, width, weight), so a reload or a quarter filter
    over the same texts measures nothing again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_delegate = EntryDelegate(self)
        self.setItemDelegate(self.entry_delegate)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_rows)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._fit_timer.start())
        self.verticalScrollBar().valueChanged.connect(lambda *_: self.fit_visible())
        #: first lines (of a group line or an item) whose heights are set for the current widths
        self._fitted: set[int] = set()
        #: first lines whose spans are set since the last model reset
        self._spanned: set[int] = set()
        self._heights: dict[tuple[str, int, bool], int] = {}
        self._watched: WorkEntryModel | None = None
        #: how many texts were measured (not found in the cache): tests and bench/big_plan.py read it
        self.measured = 0

    def entry_model(self) -> WorkEntryModel | None:
        model = self.model()
        return model if isinstance(model, WorkEntryModel) else None

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 (Qt name)
        super().setModel(model)
        if isinstance(model, WorkEntryModel) and model is not self._watched:
            self._watched = model
            model.dataChanged.connect(self._on_data_changed)
        self.verticalHeader().setDefaultSectionSize(self._line_height())

    # -- layout ---------------------------------------------------------------------
    def apply_spans(self) -> None:
        """After a model reset: forget the spans and heights made, make those of the lines in view."""
        self.clearSpans()
        self._spanned.clear()
        self._fitted.clear()
        self.fit_visible()

    def fit_rows(self) -> None:
        """Size the lines in view again so wrapped Thai texts show whole (spanned texts share their
        lines); the others are sized when they scroll into view. After a width or text change."""
        self._fitted.clear()
        self.fit_visible()

    def _line_height(self) -> int:
        return QFontMetrics(self.font()).height() + _LINE_PADDING + 4

    def _text_height(self, text: str, width: int, bold: bool = False) -> int:
        if not text:
            return _LINE_PADDING
        key = (text, width, bold)
        height = self._heights.get(key)
        if height is None:
            font = self.font()
            font.setBold(bold)
            rect = QFontMetrics(font).boundingRect(QRect(0, 0, max(width - 10, 20), 100000),
                                                   int(Qt.TextFlag.TextWordWrap), text)
            height = self._heights[key] = rect.height() + _LINE_PADDING
            self.measured += 1
        return height

    def first_line_of(self, row: int) -> int:
        """The first line of the item (or group line) that line *row* belongs to."""
        model = self.entry_model()
        if model is None:
            return row
        while row > 0:
            line = model.line(row)
            if line.kind != "quarter" or line.span > 0:
                break
            row -= 1
        return row

    def fit_visible(self) -> None:
        """Spans and heights for the lines in view that have none yet."""
        model = self.entry_model()
        if model is None:
            return
        count = model.rowCount()
        if count == 0:
            return
        top = self.rowAt(0)
        row = self.first_line_of(top if top >= 0 else 0)
        bottom = viewport_of(self).height()
        header = self.verticalHeader()
        y = header.sectionViewportPosition(row)
        while row < count and y < bottom:
            lines = self._fit_one(model, row)
            for offset in range(lines):
                y += header.sectionSize(row + offset)
            row += lines

    def _fit_one(self, model: WorkEntryModel, row: int) -> int:
        """Span and size one group line or one item's lines (from its first); returns how many lines."""
        line = model.line(row)
        columns = model.columnCount()
        if line.kind != "quarter":
            if row not in self._spanned:
                self.setSpan(row, 0, 1, columns)
                self._spanned.add(row)
            if row not in self._fitted:
                full_width = sum(self.columnWidth(c) for c in range(columns) if not self.isColumnHidden(c))
                self.verticalHeader().resizeSection(row, max(self._line_height(), self._text_height(
                    model.text(row, 0), full_width, line.kind == "strategy")))
                self._fitted.add(row)
            return 1
        span = max(line.span, 1)
        if span > 1 and row not in self._spanned:
            for column in model.INFO_COLUMNS:
                self.setSpan(row, column, span, 1)
            self._spanned.add(row)
        if row not in self._fitted:
            needed = max(
                (self._text_height(model.text(row, c), self.columnWidth(c))
                 for c in model.INFO_COLUMNS if not self.isColumnHidden(c)),
                default=self._line_height(),
            )
            # each line fits its own note; the description, spanned over the item's lines, gets
            # what it lacks shared out over them
            rows = range(row, min(row + span, model.rowCount()))
            heights = [max(self._line_height(), self._text_height(model.text(r, model.COL_NOTE),
                                                                  self.columnWidth(model.COL_NOTE))) for r in rows]
            lacking = needed - sum(heights)
            if lacking > 0:
                heights = [h + -(-lacking // len(heights)) for h in heights]
            header = self.verticalHeader()
            for r, height in zip(rows, heights):
                header.resizeSection(r, height)
            self._fitted.add(row)
        return span

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: object) -> None:
        """A text changed (a note typed, digits switched): size its lines again when in view."""
        first, last = top_left.row(), bottom_right.row()
        if last - first > 64:
            self._fitted.clear()
        else:
            for row in range(self.first_line_of(first), last + 1):
                self._fitted.discard(row)
        self.fit_visible()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fit_visible()  # a taller view shows more lines

    # -- navigation -----------------------------------------------------------------
    def _editable(self, row: int, column: int) -> bool:
        model = self.entry_model()
        return model is not None and not self.isColumnHidden(column) and model.is_editable(row, column)

    def next_editable(self, row: int, column: int, step: int = 1) -> QModelIndex:
        """The next (step=1) or previous (step=-1) editable cell in reading order."""
        model = self.entry_model()
        if model is None:
            return QModelIndex()
        columns = [c for c in model.EDIT_COLUMNS if not self.isColumnHidden(c)]
        if step < 0:
            columns.reverse()
        count = model.rowCount()
        r = max(row, 0) if step > 0 else min(row, count - 1)
        while 0 <= r < count:
            for c in columns:
                if r == row and not ((c > column) if step > 0 else (c < column)):
                    continue  # before the cell (after it, going back)
                if model.is_editable(r, c):
                    return model.index(r, c)
            r += step
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
        if self.isColumnHidden(model.COL_ACHIEVED):
            return self.next_editable(0, -1)
        fallback = -1
        for row in range(model.rowCount()):
            if not model.is_editable(row, model.COL_ACHIEVED):
                continue
            if quarter is None or model.line(row).quarter == quarter:
                return model.index(row, model.COL_ACHIEVED)
            if fallback < 0:
                fallback = row
        # a line's cells are editable together: no editable achieved cell means none at all
        return model.index(fallback, model.COL_ACHIEVED) if fallback >= 0 else QModelIndex()

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
