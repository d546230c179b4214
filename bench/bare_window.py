"""Baseline for bench/startup.py and bench/big_plan.py: a bare PySide6 QMainWindow holding one
QTableView, as a real minimal window is written: it uses Qt's enums (the ``Qt`` namespace: item
roles and alignment; the header's resize modes and the view's selection behaviour), which any real
window pays for on their first use (PySide6 builds a class's Python enums when the class is first
touched, ~14 ms for ``Qt``), and a 20 x 6 model with text in its cells.

Shows the window, quits right after its first paint, exits 0 (1 if no paint in 10 s). The first
paint is watched exactly as the app's smoke test watches its window (gui/app.py ``_paint_watch``):
the first Paint event of the main window or of its central widget. At that paint it prints the
process's CPU seconds so far (bench/startup.py and bench/big_plan.py read them).
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QMainWindow, QTableView

ROWS, COLUMNS = 20, 6


class _FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.painted = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            print(f"bare window painted (cpu {time.process_time():.3f} s)", flush=True)  # bench/startup.py
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare window")
    table = QTableView()
    model = QStandardItemModel(ROWS, COLUMNS, table)
    for row in range(ROWS):
        for column in range(COLUMNS):
            item = QStandardItem(f"{row + 1}.{column + 1}")
            item.setData(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), Qt.ItemDataRole.TextAlignmentRole)
            model.setItem(row, column, item)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    window.setCentralWidget(table)
    window.resize(1000, 700)
    watcher = _FirstPaint(app)
    for widget in (window, table):  # as the app's smoke test: the window or its central widget
        widget.installEventFilter(watcher)
    QTimer.singleShot(10_000, app.quit)
    window.show()
    app.exec()
    return 0 if watcher.painted else 1


if __name__ == "__main__":
    raise SystemExit(main())
