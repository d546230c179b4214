"""Baseline for bench/startup.py: a bare PySide6 QMainWindow holding one QTableView.

Shows the window, quits right after the table's first paint, exits 0 (1 if no paint in 10 s).
At the paint it prints the process's CPU seconds so far (bench/startup.py reads them).
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


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
    table = QTableView()
    table.setModel(QStandardItemModel(20, 6, table))
    window.setCentralWidget(table)
    window.resize(1000, 700)
    watcher = _FirstPaint(app)
    table.viewport().installEventFilter(watcher)
    QTimer.singleShot(10_000, app.quit)
    window.show()
    app.exec()
    return 0 if watcher.painted else 1


if __name__ == "__main__":
    raise SystemExit(main())
