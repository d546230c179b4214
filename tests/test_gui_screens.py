"""Every window and dialog fits an office PC's screen (issue 15): 1366×768, and 1093×614 (1366×768 at
125 % scaling). Each size runs in its own process on an offscreen screen of that size (Qt's offscreen
platform reads the screen from a JSON configuration); the main window's size, place and splitters are
remembered between runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QDialog

import screen_support
from trat_desktop.gui import screen_fit

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


def test_every_dialog_is_opened_by_the_screen_checks() -> None:
    missing = screen_support.dialog_classes_in_package() - set(screen_support.DIALOG_CLASSES)
    assert not missing, f"add these dialogs to tests/screen_support.py (DIALOG_CLASSES and windows()): {missing}"


@pytest.mark.parametrize("width,height", [(1366, 768), (1093, 614)])
def test_every_window_and_dialog_fits_the_screen(tmp_path: Path, width: int, height: int) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": os.pathsep.join([str(ROOT), str(TESTS), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, str(TESTS / "screen_support.py")], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout)
    assert len(found) >= 30  # both roles' tabs and dialogs were opened
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_a_dialog_larger_than_the_screen_is_cut_down_and_moved_on_screen(qapp) -> None:
    screen_fit.install(qapp)
    area = qapp.primaryScreen().availableGeometry()
    dialog = QDialog()
    dialog.resize(area.width() + 400, area.height() + 300)
    dialog.move(area.right() + 100, area.bottom() + 100)
    dialog.show()
    qapp.processEvents()
    assert dialog.width() <= area.width() - screen_fit.FRAME.width()
    assert dialog.height() <= area.height() - screen_fit.FRAME.height()
    assert area.contains(dialog.frameGeometry().topLeft()) and area.contains(dialog.geometry().bottomRight())
    dialog.close()


def test_the_main_window_remembers_its_geometry_and_splitters(qtbot, tmp_path: Path) -> None:
    from trat_desktop.gui.main_window import MainWindow
    from trat_desktop.services import PlanService

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    service = PlanService.open(tmp_path / "trat.sqlite3")
    area = qtbot_screen(qtbot)
    window = MainWindow(service, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= area.width() and window.height() <= area.height()  # the form's 1360×860, cut down
    window.resize(QSize(700, 560))
    window.move(area.x() + 20, area.y() + 10)
    splitter = window.form.mainSplitter
    splitter.setSizes([150, max(100, splitter.width() - 150)])
    sizes = splitter.sizes()
    window.close()
    again = MainWindow(service, settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == QSize(700, 560)
    assert again.form.mainSplitter.sizes() == sizes
    again.close()
    service.close()


def qtbot_screen(qtbot):
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.primaryScreen().availableGeometry()
