"""Layering rules, checked by parsing every module of the package with ``ast``.

* Only ``trat_desktop/gui/`` may import Qt (``PySide6``, ``shiboken6``).
* Only ``trat_desktop/store/`` may talk SQL: import ``sqlite3``/``sqlite_utils``/``apsw``
  or call ``.execute(``/``.executemany(``/``.executescript(``.
* ``trat_desktop/gui/`` never imports ``trat_desktop.store``: the GUI goes through services.
* ``trat_desktop/reports/`` imports only ``trat_desktop.domain`` (and the leaf modules ``paths``, ``atomic`` and
  ``errors``): reports are built from the plain rows the report service hands over.

The checker is tested on synthetic sources too, so these tests cannot pass by scanning nothing.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "trat_desktop"
PACKAGE_DIR = Path(__file__).resolve().parent.parent / PACKAGE

QT_MODULES = ("PySide6", "shiboken6")
SQL_MODULES = ("sqlite3", "sqlite_utils", "apsw")
SQL_CALLS = ("execute", "executemany", "executescript")
STORE_PACKAGE = f"{PACKAGE}.store"
REPORTS_PACKAGE = f"{PACKAGE}.reports"
REPORTS_MAY_USE = (REPORTS_PACKAGE, f"{PACKAGE}.domain", f"{PACKAGE}.paths", f"{PACKAGE}.errors", f"{PACKAGE}.atomic")


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: [{self.rule}] {self.detail}"


def module_name(relpath: str) -> str:
    """``trat_desktop/gui/main_window.py`` -> ``trat_desktop.gui.main_window``."""
    parts = list(Path(relpath).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_package(relpath: str) -> bool:
    return Path(relpath).name == "__init__.py"


def _within(name: str, top: str) -> bool:
    return name == top or name.startswith(top + ".")


def _resolve_from(node: ast.ImportFrom, relpath: str) -> str:
    """The absolute module named by a ``from X import ...`` (resolving leading dots)."""
    if node.level == 0:
        return node.module or ""
    here = module_name(relpath).split(".")
    # In a package's __init__, "." is the package itself; in a module, its parent.
    base = here if _is_package(relpath) else here[:-1]
    if node.level > 1:
        base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imported_modules(tree: ast.AST, relpath: str) -> list[tuple[int, str]]:
    """Every module a source imports, absolute, with its line.

    ``from a import b`` yields both ``a`` and ``a.b`` (``b`` may be a submodule).
    ``importlib.import_module("x")`` and ``__import__("x")`` with a literal name count too.
    """
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_from(node, relpath)
            found.append((node.lineno, base))
            found.extend(
                (node.lineno, f"{base}.{alias.name}" if base else alias.name)
                for alias in node.names
                if alias.name != "*"
            )
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            if (
                fname in ("import_module", "__import__")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found.append((node.lineno, first.value))
    return found


def check_source(source: str, relpath: str) -> list[Violation]:
    """The layering violations in one module; *relpath* is relative to the repo root."""
    tree = ast.parse(source, filename=relpath)
    name = module_name(relpath)
    in_gui = _within(name, f"{PACKAGE}.gui")
    in_store = _within(name, STORE_PACKAGE)
    in_reports = _within(name, REPORTS_PACKAGE)
    problems: list[Violation] = []

    for line, mod in imported_modules(tree, relpath):
        top = mod.split(".")[0]
        if top in QT_MODULES and not in_gui:
            problems.append(Violation(relpath, line, "qt-outside-gui", f"imports {mod}"))
        if top in SQL_MODULES and not in_store:
            problems.append(Violation(relpath, line, "sql-outside-store", f"imports {mod}"))
        if in_gui and _within(mod, STORE_PACKAGE):
            problems.append(Violation(relpath, line, "gui-imports-store", f"imports {mod}"))
        if (in_reports and _within(mod, PACKAGE) and mod != PACKAGE
                and not any(_within(mod, ok) for ok in REPORTS_MAY_USE)):
            problems.append(Violation(relpath, line, "reports-beyond-domain", f"imports {mod}"))

    if not in_store:
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_CALLS
            ):
                problems.append(
                    Violation(relpath, node.lineno, "sql-outside-store", f"calls .{node.func.attr}(")
                )
    # One report per (line, rule): "from PySide6.QtCore import A, B" is one violation.
    first: dict[tuple[int, str], Violation] = {}
    for v in problems:
        first.setdefault((v.line, v.rule), v)
    return sorted(first.values(), key=lambda v: (v.line, v.rule))


def package_files() -> list[Path]:
    return sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def scan_package() -> tuple[int, list[Violation]]:
    root = PACKAGE_DIR.parent
    files = package_files()
    problems: list[Violation] = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        problems.extend(check_source(path.read_text(encoding="utf-8"), rel))
    return len(files), problems


# --- the rules, applied to the real package ---------------------------------------------


def test_package_obeys_layering_rules() -> None:
    scanned, problems = scan_package()
    assert scanned > 0, f"no Python files found under {PACKAGE_DIR}"
    assert not problems, "layering violations:\n" + "\n".join(map(str, problems))


def test_scan_covers_known_modules() -> None:
    files = {p.relative_to(PACKAGE_DIR).as_posix() for p in package_files()}
    for expected in ("__init__.py", "paths.py", "services/plan.py", "store/connection.py", "gui/main_window.py"):
        assert expected in files
    # Every file counted must also parse: a syntax error would otherwise hide a module.
    scanned, _ = scan_package()
    assert scanned == len(files) >= 3


# --- the checker itself: it must flag what it is meant to flag ----------------------------


@pytest.mark.parametrize(
    ("relpath", "source", "rule"),
    [
        ("trat_desktop/services.py", "import PySide6\n", "qt-outside-gui"),
        ("trat_desktop/services.py", "from PySide6.QtCore import QObject\n", "qt-outside-gui"),
        ("trat_desktop/domain/model.py", "import PySide6.QtWidgets as w\n", "qt-outside-gui"),
        ("trat_desktop/cli.py", "import shiboken6\n", "qt-outside-gui"),
        ("trat_desktop/store/db.py", "from PySide6 import QtCore\n", "qt-outside-gui"),
        ("trat_desktop/cli.py", "def f():\n    import importlib\n    importlib.import_module('PySide6.QtGui')\n",
         "qt-outside-gui"),
        ("trat_desktop/services.py", "import sqlite3\n", "sql-outside-store"),
        ("trat_desktop/services.py", "from sqlite_utils import Database\n", "sql-outside-store"),
        ("trat_desktop/gui/main_window.py", "import sqlite_utils.db\n", "sql-outside-store"),
        ("trat_desktop/domain/thai.py", "def f(c):\n    c.execute('select 1')\n", "sql-outside-store"),
        ("trat_desktop/gui/x.py", "def f(c):\n    c.executescript('x')\n", "sql-outside-store"),
        ("trat_desktop/services.py", "def f(c):\n    c.executemany('x', [])\n", "sql-outside-store"),
        ("trat_desktop/gui/main_window.py", "from trat_desktop.store import Store\n", "gui-imports-store"),
        ("trat_desktop/gui/main_window.py", "import trat_desktop.store.db\n", "gui-imports-store"),
        ("trat_desktop/gui/main_window.py", "from trat_desktop import store\n", "gui-imports-store"),
        ("trat_desktop/gui/main_window.py", "from ..store import Store\n", "gui-imports-store"),
        ("trat_desktop/gui/main_window.py", "from .. import store\n", "gui-imports-store"),
        ("trat_desktop/gui/widgets/table.py", "from ...store.db import x\n", "gui-imports-store"),
        ("trat_desktop/gui/__init__.py", "from ..store import Store\n", "gui-imports-store"),
        ("trat_desktop/reports/office.py", "from ..services.exchange import ExchangeService\n", "reports-beyond-domain"),
        ("trat_desktop/reports/office.py", "from ..store import progress\n", "reports-beyond-domain"),
        ("trat_desktop/reports/__init__.py", "from ..services import PlanService\n", "reports-beyond-domain"),
        ("trat_desktop/reports/excel.py", "import trat_desktop.exchange.archive\n", "reports-beyond-domain"),
        ("trat_desktop/reports/excel.py", "def f():\n    from .. import services\n", "reports-beyond-domain"),
    ],
)
def test_checker_flags_offending_source(relpath: str, source: str, rule: str) -> None:
    problems = check_source(source, relpath)
    assert rule in {p.rule for p in problems}, problems


@pytest.mark.parametrize(
    ("relpath", "source"),
    [
        ("trat_desktop/gui/main_window.py", "from PySide6.QtWidgets import QMainWindow\nimport shiboken6\n"),
        ("trat_desktop/gui/main_window.py", "from ..services import PlanService\nfrom .. import paths\n"),
        ("trat_desktop/gui/main_window.py", "from trat_desktop.storage_hint import x\n"),
        ("trat_desktop/store/db.py", "import sqlite3\nimport sqlite_utils\n\ndef f(c):\n    c.execute('select 1')\n"),
        ("trat_desktop/store/__init__.py", "from .db import Store\n"),
        ("trat_desktop/services.py", "from .store import Store\n"),
        ("trat_desktop/cli.py", "import argparse\nfrom .services import PlanService\n"),
        ("trat_desktop/domain/model.py", "# import PySide6 -- only a comment\ns = 'c.execute(sql)'\n"),
        ("trat_desktop/reports/office.py", "from ..domain.reporting import standing\nfrom .grid import Grid\n"
                                           "from .. import paths\nfrom ..errors import TratError\n"),
    ],
)
def test_checker_accepts_clean_source(relpath: str, source: str) -> None:
    assert check_source(source, relpath) == []


def test_relative_imports_resolve() -> None:
    tree = ast.parse("from ..store import Store\nfrom . import models\n")
    mods = {m for _, m in imported_modules(tree, "trat_desktop/gui/main_window.py")}
    assert {"trat_desktop.store", "trat_desktop.store.Store", "trat_desktop.gui.models"} <= mods
    tree = ast.parse("from . import models\n")
    mods = {m for _, m in imported_modules(tree, "trat_desktop/gui/__init__.py")}
    assert "trat_desktop.gui.models" in mods
