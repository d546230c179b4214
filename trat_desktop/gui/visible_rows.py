"""Row heights for the rows in view only: a table of a big plan (thousands of word-wrapped Thai
rows) would otherwise measure every row on every reload (QHeaderView.ResizeToContents does, and
again on each layout). Rows are sized to their contents as they come into view and stay sized
until the model, a column width or a text changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QHeaderView, QTableView, QWidget


def viewport_of(view: QAbstractScrollArea) -> QWidget:
    """``view.viewport()`` without its first-use cost: a C++ widget that PySide6 receives as a
    ``QWidget*`` is given its most derived Python class, and to find it PySide6 builds every QWidget
    subclass of QtWidgets with their enums (~8 ms, once per process, before the first paint when a
    view asks for its viewport while it is made). The viewport found by the name Qt gives it comes
    back as the QWidget asked for. (A viewport set with ``setViewport`` has no name: then the usual way.)"""
    found = view.findChild(QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else view.viewport()


class VisibleRowHeights(QObject):
    """Keeps the rows in *view*'s viewport sized to their contents (``resizeRowToContents``).

    Install once, after the model is set; a later ``setModel`` is followed too."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self._fitted: set[int] = set()
        self._model: Any = None
        #: rows sized so far (tests read it)
        self.sized = 0
        #: the view is being destroyed: a model it owns (a QTableWidget's) still signals as it goes
        self._gone = False
        view.destroyed.connect(self._forget_view)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalScrollBar().valueChanged.connect(lambda *_: self.fit())
        view.horizontalHeader().sectionResized.connect(lambda *_: self.refit())
        viewport_of(view).installEventFilter(self)
        self._watch(view.model())

    def _watch(self, model: Any) -> None:
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(lambda *_: self.refit())
        model.dataChanged.connect(self._on_data_changed)

    def _forget_view(self, *_: Any) -> None:
        self._gone = True

    def refit(self) -> None:
        """Everything may have changed: size the rows in view again, the others when they come into view."""
        self._fitted.clear()
        self.fit()

    def _on_data_changed(self, top_left: Any, bottom_right: Any, *_: Any) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            self._fitted.discard(row)
        self.fit()

    def fit(self) -> None:
        """Size the rows in view that are not sized yet."""
        if self._gone:
            return
        view = self.view
        self._watch(view.model())
        model = view.model()
        if model is None:
            return
        count = model.rowCount()
        row = max(view.rowAt(0), 0)
        bottom = viewport_of(view).height()
        y = view.rowViewportPosition(row) if count else 0
        while row < count and y < bottom:
            if row not in self._fitted:
                view.resizeRowToContents(row)
                self._fitted.add(row)
                self.sized += 1
            y += view.rowHeight(row)
            row += 1

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()  # a taller view shows more rows
        return False
