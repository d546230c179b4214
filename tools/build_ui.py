"""Compile every ``ui/*.ui`` (Qt Designer) into ``trat_desktop/gui/forms/ui_<name>.py``.

Usage::

    python tools/build_ui.py           # (re)write the compiled forms
    python tools/build_ui.py --check   # exit 1 and list forms that are stale or missing

The output is made deterministic: the uic version line is dropped and line endings are
``\\n``, so the same ``.ui`` gives the same file on every PC. Every text uic passes to
``QCoreApplication.translate(...)`` is rewritten to the app's catalog, ``_("…")`` from
``trat_desktop.i18n`` (so ``pybabel extract`` finds it and the chosen language shows). ``uic`` is found inside the
installed PySide6 package (no PATH lookup), so this also works from a bare virtualenv.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
UI_DIR = PROJECT_ROOT / "ui"
FORMS_DIR = PROJECT_ROOT / "trat_desktop" / "gui" / "forms"

#: Header lines that change with the PySide6 version, not with the form.
_VOLATILE = re.compile(r"^## Created by: Qt User Interface Compiler version .*$\n?", re.MULTILINE)
#: uic's text calls: QCoreApplication.translate("Form", u"…" [u"…" …], None)
_TRANSLATE = re.compile(r'QCoreApplication\.translate\("\w+", ((?:u?"(?:[^"\\]|\\.)*"\s*)+), None\)')
_CATALOG_IMPORT = "from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)\n"
#: uic's imports from PySide6: ``from PySide6.QtGui import (QAction, QBrush, ...)``
_QT_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(([^)]*)\)\n", re.MULTILINE)


def find_uic() -> list[str]:
    """The command that runs PySide6's uic (as ``pyside6-uic`` does), found via the package."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise RuntimeError("PySide6 is not installed")
    pyside_dir = Path(spec.origin).resolve().parent
    candidates = [
        pyside_dir / "Qt" / "libexec" / "uic",  # Linux, macOS
        pyside_dir / "uic.exe",  # Windows
        pyside_dir / "uic",
    ]
    for exe in candidates:
        if exe.is_file():
            return [os.fspath(exe), "-g", "python"]
    # Fall back to the console script installed next to the interpreter.
    scripts = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        if (scripts / name).is_file():
            return [os.fspath(scripts / name)]
    raise RuntimeError(f"uic not found under {pyside_dir}")


def form_path(ui_file: Path, forms_dir: Path = FORMS_DIR) -> Path:
    """``ui/main_window.ui`` -> ``trat_desktop/gui/forms/ui_main_window.py``."""
    return forms_dir / f"ui_{ui_file.stem}.py"


def normalize(text: str) -> str:
    """Drop the version header line and use ``\\n`` line endings."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return used_qt_imports(to_catalog(_VOLATILE.sub("", text)))


def used_qt_imports(text: str) -> str:
    """Keep only the PySide6 names the form uses: uic imports some 40 classes whatever the form has
    (QConicalGradient, QPainter, QDate, ...), and PySide6 builds each class, with its enums, when it is
    first imported (a few ms at start-up for the main window's and the entry page's forms)."""
    body = _QT_IMPORT.sub("", text)

    def keep(match: re.Match[str]) -> str:
        names = [name.strip() for name in match.group(2).split(",") if name.strip()]
        used = [name for name in names if re.search(rf"\b{name}\b", body)]
        if not used:
            return ""
        lines, line = [], f"from {match.group(1)} import ("
        for name in used:
            piece = f"{name}, " if name != used[-1] else f"{name})"
            if len(line) + len(piece) > 100:
                lines.append(line.rstrip())
                line = "    "
            line += piece
        lines.append(line)
        return "\n".join(lines) + "\n"

    return _QT_IMPORT.sub(keep, text)


def to_catalog(text: str) -> str:
    """Rewrite uic's ``QCoreApplication.translate("Form", u"text", None)`` to ``_(u"text")`` and import ``_``."""
    text, count = _TRANSLATE.subn(lambda m: f"_({m.group(1).rstrip()})", text)
    if count:
        first_class = text.index("\nclass ")
        text = text[:first_class] + "\n" + _CATALOG_IMPORT + text[first_class:]
    return text


def compile_ui(ui_file: Path) -> str:
    """The normalized Python source uic generates for *ui_file*."""
    result = subprocess.run(
        [*find_uic(), os.fspath(ui_file)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"uic failed on {ui_file.name}: {message}")
    return normalize(result.stdout.decode("utf-8"))


def ui_files(ui_dir: Path = UI_DIR) -> list[Path]:
    return sorted(ui_dir.glob("*.ui"))


def stale_forms(ui_dir: Path = UI_DIR, forms_dir: Path = FORMS_DIR) -> list[str]:
    """Problems with the compiled forms, one line each; empty when all are fresh.

    Reports forms that differ from a fresh compile, forms that are missing, and
    ``ui_*.py`` files with no ``.ui`` source left.
    """
    problems: list[str] = []
    expected: set[Path] = set()
    for ui_file in ui_files(ui_dir):
        target = form_path(ui_file, forms_dir)
        expected.add(target)
        if not target.is_file():
            problems.append(f"{target.name}: missing (compile {ui_file.name})")
            continue
        committed = target.read_bytes().decode("utf-8")
        if committed != compile_ui(ui_file):
            problems.append(f"{target.name}: differs from a fresh compile of {ui_file.name}")
    for orphan in sorted(forms_dir.glob("ui_*.py")):
        if orphan not in expected:
            problems.append(f"{orphan.name}: no matching .ui source in {ui_dir.name}/")
    return problems


def build(ui_dir: Path = UI_DIR, forms_dir: Path = FORMS_DIR) -> list[Path]:
    """Compile every form; only rewrite files whose content changed. Returns the files written."""
    forms_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ui_file in ui_files(ui_dir):
        target = form_path(ui_file, forms_dir)
        source = compile_ui(ui_file)
        if not target.is_file() or target.read_bytes().decode("utf-8") != source:
            target.write_bytes(source.encode("utf-8"))
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if a form is stale")
    parser.add_argument("--ui-dir", type=Path, default=UI_DIR, help=argparse.SUPPRESS)
    parser.add_argument("--forms-dir", type=Path, default=FORMS_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.check:
        problems = stale_forms(args.ui_dir, args.forms_dir)
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            print("run: python tools/build_ui.py", file=sys.stderr)
            return 1
        print(f"{len(ui_files(args.ui_dir))} form(s) up to date")
        return 0
    for path in build(args.ui_dir, args.forms_dir):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
