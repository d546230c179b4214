"""Application start-up: the bundled Thai font and the smoke test."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from test_gui_fakes import FakeService
from trat_desktop.gui.app import FONT_FAMILY, create_app, load_fonts, run_gui


def test_create_app_uses_bundled_sarabun(qapp) -> None:
    app = create_app([])
    assert app is QApplication.instance()
    assert FONT_FAMILY in load_fonts()
    assert FONT_FAMILY in QFontDatabase.families()
    font = app.font()
    assert font.family() == FONT_FAMILY
    assert 10.5 <= font.pointSizeF() <= 11.5
    metrics = QFontMetrics(font)
    for char in "กขญฐ่้๊๋ำ๑๒":
        assert metrics.inFontUcs4(ord(char)), char


def test_smoke_test_passes_with_a_plan(qapp, capsys) -> None:
    assert run_gui(FakeService(), smoke_test=True) == 0
    assert "ok" in capsys.readouterr().out


def test_smoke_test_fails_without_a_plan(qapp, capsys) -> None:
    assert run_gui(FakeService({}), smoke_test=True) == 1
    assert "ยังไม่มีแผนปฏิบัติการ" in capsys.readouterr().err


def test_smoke_test_fails_when_the_window_breaks(qapp, capsys) -> None:
    class Broken(FakeService):
        def fiscal_years(self) -> list[int]:
            raise RuntimeError("boom")

    assert run_gui(Broken(), smoke_test=True) == 1
    assert "boom" in capsys.readouterr().err
