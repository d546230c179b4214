"""The compiled forms in trat_desktop/gui/forms/ match a fresh ``uic`` run of ui/*.ui.

Runs tools/build_ui.py's check logic in-process (uic is found inside the PySide6 package,
not on PATH). If this fails, run ``python tools/build_ui.py`` and commit the result.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_build_ui() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_ui", ROOT / "tools" / "build_ui.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_ui", module)
    spec.loader.exec_module(module)
    return module


build_ui = _load_build_ui()


def test_every_ui_file_has_a_fresh_compiled_form() -> None:
    ui_files = build_ui.ui_files()
    assert ui_files, "no ui/*.ui files found"
    assert (ROOT / "ui" / "main_window.ui") in ui_files
    problems = build_ui.stale_forms()
    assert not problems, "stale forms (run: python tools/build_ui.py):\n" + "\n".join(problems)


def test_compiled_output_is_deterministic() -> None:
    ui_file = ROOT / "ui" / "main_window.ui"
    first = build_ui.compile_ui(ui_file)
    assert first == build_ui.compile_ui(ui_file)
    assert "class Ui_MainWindow" in first
    assert "Qt User Interface Compiler version" not in first  # the version line is dropped
    assert "\r" not in first


def test_compiled_forms_import_only_the_qt_classes_they_use() -> None:
    """uic imports ~40 Qt classes whatever the form has; PySide6 builds each one imported (start-up)."""
    import ast

    for path in sorted((ROOT / "trat_desktop" / "gui" / "forms").glob("ui_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name for node in tree.body if isinstance(node, ast.ImportFrom)
                    and (node.module or "").startswith("PySide6") for alias in node.names}
        used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        assert imported and imported <= used, (path.name, sorted(imported - used))
    kept = build_ui.used_qt_imports("from PySide6.QtGui import (QAction, QBrush,\n    QPainter)\n"
                                    "from PySide6.QtCore import (QDate)\nclass Ui_X:\n    a = QAction(None)\n")
    assert kept == "from PySide6.QtGui import (QAction)\nclass Ui_X:\n    a = QAction(None)\n"


@pytest.fixture
def scratch(tmp_path: Path) -> tuple[Path, Path]:
    ui_dir, forms_dir = tmp_path / "ui", tmp_path / "forms"
    ui_dir.mkdir()
    shutil.copy(ROOT / "ui" / "main_window.ui", ui_dir / "main_window.ui")
    return ui_dir, forms_dir


def test_check_reports_missing_edited_and_orphan_forms(scratch: tuple[Path, Path]) -> None:
    ui_dir, forms_dir = scratch
    forms_dir.mkdir()
    assert build_ui.stale_forms(ui_dir, forms_dir) == [
        "ui_main_window.py: missing (compile main_window.ui)"
    ]
    written = build_ui.build(ui_dir, forms_dir)
    assert written == [forms_dir / "ui_main_window.py"]
    assert build_ui.stale_forms(ui_dir, forms_dir) == []
    assert build_ui.build(ui_dir, forms_dir) == []  # unchanged forms are not rewritten

    ui = ui_dir / "main_window.ui"
    ui.write_text(ui.read_text(encoding="utf-8").replace("ออกจากโปรแกรม", "ปิดโปรแกรม"), encoding="utf-8")
    assert build_ui.stale_forms(ui_dir, forms_dir) == [
        "ui_main_window.py: differs from a fresh compile of main_window.ui"
    ]
    (forms_dir / "ui_old_dialog.py").write_text("# left over\n", encoding="utf-8")
    assert "ui_old_dialog.py: no matching .ui source in ui/" in build_ui.stale_forms(ui_dir, forms_dir)


def test_check_mode_exit_code(scratch: tuple[Path, Path], capsys) -> None:
    ui_dir, forms_dir = scratch
    dirs = ["--ui-dir", str(ui_dir), "--forms-dir", str(forms_dir)]
    assert build_ui.main(["--check", *dirs]) == 1
    assert "ui_main_window.py: missing" in capsys.readouterr().err
    assert build_ui.main(dirs) == 0
    assert (forms_dir / "ui_main_window.py").is_file()
    assert build_ui.main(["--check", *dirs]) == 0
