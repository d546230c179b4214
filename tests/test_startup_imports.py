"""What the app's start-up imports before the main window's first paint (issue 16): the report,
spreadsheet, Word and exchange/crypto machinery, the menus that are added after the paint and the
coordinator's pages that are built when first shown (its entry page too: its window opens on the
plan) stay out of the process until they are used.
Behaviour, not timing (the timings are in bench/startup.py): each role starts the real way
(``trat_desktop.cli.main`` with ``--smoke-test``) in a fresh process, which reports the modules it
holds at the first paint and stops there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from trat_desktop.domain.identity import Identity
from trat_desktop.services import PlanService, ProgressService

ROOT = Path(__file__).resolve().parent.parent

#: Packages and modules no first paint needs (a prefix matches its submodules too).
NOT_AT_START = (
    # babel: the entry page header's month names come from domain/thai's copy of CLDR's (checked by a test)
    "babel", "reportlab", "openpyxl", "docx", "cryptography", "uharfbuzz", "nlpo3", "sqlite_utils",
    "PySide6.QtPrintSupport", "PySide6.QtSvg",
    "trat_desktop.reports", "trat_desktop.exchange", "trat_desktop.services.exchange",
    "trat_desktop.services.exchange_export", "trat_desktop.services.exchange_import",
    "trat_desktop.services.reports", "trat_desktop.cli_reports", "trat_desktop.cli_exchange",
    "trat_desktop.gui.report_actions", "trat_desktop.gui.exchange_actions", "trat_desktop.gui.round_actions",
    "trat_desktop.gui.ita_actions", "trat_desktop.gui.figures_actions", "trat_desktop.gui.plan_document_actions",
    "trat_desktop.gui.plan_editor", "trat_desktop.gui.consolidated_view", "trat_desktop.gui.dashboard",
    "trat_desktop.gui.charts",
    # the file dialogs (QFileDialog, QStyle): the window names its database through gui/database_file
    "trat_desktop.gui.file_dialogs",
    # the background workers (QThreadPool, QProgressDialog): the entry page's evidence panel imports them to attach
    "trat_desktop.gui.ops",
    # standard modules the first paint does not need (PySide6 itself brings json, tempfile, zipfile, shutil):
    # the catalogs are found beside i18n.py, the user's data folder only without --db, OpenSSL's hashes and
    # secrets when a file is hashed or a savepoint named, ctypes for X11's libraries (not offscreen), locale
    # for argparse's catalogs (the GUI's options are read without a parser)
    "importlib.resources", "platformdirs", "hashlib", "secrets", "ctypes", "locale",
    # the entry page's narratives tab (made when first shown: the evidence tab is in front)
    "trat_desktop.gui.narrative_panel",
    # the plan document's cell reader (its many patterns): plan_rules takes shown_digits from domain/thai
    "trat_desktop.domain.plan_cells",
    # reading the audit log back (a cell's history): the store modules import store/audit to write it only
    "trat_desktop.store.audit_history",
)

#: Runs the app's start as ``python -m trat_desktop --smoke-test --db DB`` does; at the smoke test's
#: "window painted" line it prints the loaded modules as JSON and ends the process at once.
PROBE = r"""
import gc, json, os, sys
import trat_desktop.gui.app as app_module
said = app_module._say
def at_paint(text, error=False):
    if "window painted" in text:
        print("MODULES " + json.dumps(sorted(sys.modules) + (["<gc on>"] if gc.isenabled() else [])), flush=True)
        os._exit(0)
    said(text, error)
app_module._say = at_paint
from trat_desktop.cli import main
raise SystemExit(main(["--smoke-test", "--db", sys.argv[1]]))
"""


def modules_at_first_paint(db: Path, tmp_path: Path) -> set[str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-c", PROBE, str(db)], env=env, cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("MODULES ")]
    assert done.returncode == 0 and lines, f"no first paint: {done.returncode}\n{done.stdout}\n{done.stderr}"
    return set(json.loads(lines[0][len("MODULES "):]))


def undocumented_dataclasses(modules: set[str]) -> list[str]:
    """The app's dataclasses in *modules* without a docstring of their own: for those, Python's
    dataclass builds one from ``inspect.signature`` when the class is made (~0.3 ms each at start)."""
    import dataclasses
    import importlib

    found = []
    for name in sorted(m for m in modules if m.startswith("trat_desktop")):
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == name
                    and (value.__doc__ or "").startswith(value.__name__ + "(")):
                found.append(f"{name}.{value.__qualname__}")
    return found


def frozen_dataclasses(modules: set[str]) -> list[str]:
    """The app's frozen dataclasses in *modules* that check nothing when made (no ``__post_init__``): such a
    value record is a ``typing.NamedTuple`` in this app. On Python 3.11 a frozen dataclass compiles six
    methods one by one when its class is made (~0.4 ms each class, ~20 of them on the start path); a
    NamedTuple one (~0.07 ms), and its fields are read by C code."""
    import dataclasses
    import importlib

    found = []
    for name in sorted(m for m in modules if m.startswith("trat_desktop")):
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == name
                    and value.__dataclass_params__.frozen and "__post_init__" not in vars(value)):  # type: ignore[attr-defined]
                found.append(f"{name}.{value.__qualname__}")
    return found


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_AT_START))


@pytest.mark.parametrize("role", ["office", "coordinator"])
def test_the_first_paint_imports_no_report_exchange_or_later_modules(tmp_path: Path, role: str) -> None:
    db = tmp_path / f"{role}.sqlite3"
    service = PlanService.open(db)
    try:
        progress = ProgressService(service)
        if role == "office":
            office = max(service.agencies(), key=lambda a: a.indicator_rows)
            identity = Identity(role="office", office_uid=office.uid, reporter_name="ผู้รายงาน")
        else:
            identity = Identity(role="coordinator", reporter_name="ผู้ประสานงาน")
        progress.set_identity(identity)
    finally:
        service.close()
    PlanService.open(db, check=True).close()  # as a quit leaves it: the next start skips its check (store/connection)
    modules = modules_at_first_paint(db, tmp_path)
    # the probe saw the real window: the GUI and the services were loaded
    assert {"trat_desktop.gui.main_window", "trat_desktop.gui.plan_models", "trat_desktop.services.progress"} <= modules
    assert "<gc on>" in modules  # the cycle collector, paused while the app starts (startup_gc), is back on
    assert heavy(modules) == []
    # the office opens on its entry page; the coordinator on the plan, its entry page made later
    entry_page = {"trat_desktop.gui.office_page", "trat_desktop.gui.entry_model", "trat_desktop.gui.evidence_panel",
                  # what only the entry page uses: its undo, the bands of its figures
                  "trat_desktop.gui.entry_controller", "trat_desktop.domain.figures",
                  # and the rounds' sign-offs it shows (the window's default year reads store/round_dates only)
                  "trat_desktop.store.rounds", "trat_desktop.services.rounds",
                  # and the evidence of the selected line (the services read store/evidence when asked)
                  "trat_desktop.store.evidence"}
    # the plan tab's widgets and the warnings dock: made after the office's first paint, before the coordinator's
    plan_page = {"trat_desktop.gui.forms.ui_plan_page", "trat_desktop.gui.forms.ui_warnings_dock"}
    if role == "office":
        assert entry_page <= modules
        assert plan_page.isdisjoint(modules)
    else:
        assert entry_page.isdisjoint(modules)
        assert plan_page <= modules
    assert undocumented_dataclasses(modules) == []
    assert frozen_dataclasses(modules) == []
    # the names checked are real modules (a misspelt one would pass for ever)
    for name in ("babel", "platformdirs", "reportlab", "openpyxl", "docx", "cryptography", "trat_desktop.gui.report_actions"):
        __import__(name)


def test_the_app_selects_no_pyside_feature_and_its_modules_are_not_read_for_one() -> None:
    """gui/__init__.py answers PySide6's "does this module use PySide6?" (asked for every module imported
    after it, by reading the module's source) for the app's own modules; that is only sound while no
    module selects a ``__feature__`` (snake_case, true_property) and none outside gui/ imports PySide6
    (tests/test_architecture.py)."""
    import trat_desktop.gui  # noqa: F401 (installs the answer)
    import trat_desktop.domain.model as model
    import trat_desktop.gui.main_window as main_window
    from PySide6.support import feature  # type: ignore[import-not-found,attr-defined]

    for path in sorted((ROOT / "trat_desktop").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "import __feature__" not in text and "from __feature__" not in text, path
    scan = feature._mod_uses_pyside
    assert getattr(scan, "_trat_desktop", False)
    assert scan(model) is False and scan(main_window) is True
    assert scan(json) is False and scan(sys.modules["json.decoder"]) is False  # Python's own: not read
    assert scan(sys.modules[__name__]) is True and scan(pytest) is False  # others: read as PySide6 reads them


def test_the_collector_waits_during_the_start_and_then_skips_what_the_start_made() -> None:
    """startup_gc: no collection between pause() and resume(); after it the collector is on and the
    objects made so far sit in the oldest generation (the next young pass does not walk them)."""
    import gc

    from trat_desktop import startup_gc

    passes: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            passes.append(info["generation"])

    assert gc.isenabled()
    startup_gc.resume()  # on already: nothing happens
    assert gc.isenabled()
    gc.callbacks.append(count)
    try:
        startup_gc.pause()
        made = [[i] for i in range(50_000)]  # far more than a young generation's 700
        assert passes == [] and not gc.isenabled()
        startup_gc.resume()
        assert gc.isenabled() and gc.get_count()[0] < 700 and gc.is_tracked(made[0])
    finally:
        gc.callbacks.remove(count)
        gc.enable()
