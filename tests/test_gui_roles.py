"""The main window by role: an office gets the entry page; the coordinator also gets the
plan editor, the consolidated view and the dashboard, with Ctrl+Z following the page."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from trat_desktop.domain.identity import Identity
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.services import PlanService, ProgressService


def window_for(qtbot, service: PlanService, identity: Identity, tmp_path) -> MainWindow:
    progress = ProgressService(service)
    progress.set_identity(identity)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings)
    qtbot.addWidget(window)
    return window


def tab_titles(window: MainWindow) -> list[str]:
    tabs = window.form.pageTabs
    return [tabs.tabText(i) for i in range(tabs.count())]


def test_office_has_no_coordinator_pages(qtbot, service, tmp_path) -> None:
    window = window_for(qtbot, service, Identity(role="office", office_name="สนง.คลัง จ.ตราด"), tmp_path)
    assert window.coordinator_pages is None
    assert "แก้ไขแผน" not in tab_titles(window)


def test_coordinator_pages_and_undo_follow_the_tab(qtbot, service, tmp_path) -> None:
    window = window_for(qtbot, service, Identity(role="coordinator", reporter_name="ผู้ประสาน"), tmp_path)
    titles = tab_titles(window)
    assert {"แก้ไขแผน", "ภาพรวมผลการดำเนินงาน", "แดชบอร์ด"} <= set(titles)
    pages = window.coordinator_pages
    window.form.pageTabs.setCurrentWidget(pages.editor)
    assert window.undo_group.activeStack() is pages.editor.undo_stack
    window.form.pageTabs.setCurrentWidget(window.office_page)
    assert window.undo_group.activeStack() is window.office_page.controller.undo_stack


def test_becoming_coordinator_in_setup_adds_the_pages(qtbot, service, tmp_path) -> None:
    window = window_for(qtbot, service, Identity(role="office", office_name="สนง.คลัง จ.ตราด"), tmp_path)
    assert window.coordinator_pages is None
    ProgressService(service).set_identity(Identity(role="coordinator"))
    window._sync_role_pages()
    assert window.coordinator_pages is not None and "แดชบอร์ด" in tab_titles(window)


def test_menus_and_hidden_plan_tab_fill_right_after_the_first_paint(qtbot, service, tmp_path) -> None:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name="สนง.คลัง จ.ตราด"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings, defer_menus=True)
    qtbot.addWidget(window)
    # the office's entry page is in front: the plan tab and two menus wait for the first paint
    assert window.form.pageTabs.currentWidget() is window.office_page
    assert window.report_actions is None and window.exchange_actions is None
    assert window.tree_model.rowCount() == 0
    window.show()
    qtbot.waitUntil(lambda: window.report_actions is not None, timeout=5000)
    assert window.exchange_actions is not None
    assert window.tree_model.rowCount() == 5
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.count("รายงาน") == 1


def test_gui_start_parses_only_the_global_options() -> None:
    from trat_desktop.cli import _gui_args

    args = _gui_args(["--db", "x.sqlite3", "--smoke-test"])
    assert args is not None and args.command is None and args.smoke_test and str(args.db) == "x.sqlite3"
    assert _gui_args([]) is not None
    for argv in (["plan", "summary"], ["--help"], ["--version"], ["--db"], ["--smoke"], ["--db", "-x"],
                 ["--wait", "3"]):
        assert _gui_args(argv) is None
    # what it reads, it reads as the full parser does
    from trat_desktop.cli import build_parser

    for argv in (["--db=y.sqlite3"], ["--smoke-test", "--db", "z.sqlite3"], ["--smoke-test"], [],
                 ["--language", "en", "--smoke-test"], ["--language=en"]):
        quick, full = vars(_gui_args(argv)), vars(build_parser().parse_args(argv))
        # (--language: chosen before either parser reads it, cli_language.choose)
        assert all(full[key] == value for key, value in quick.items() if key != "language"), argv


# --- who may do what: the GUI asks domain/capabilities.py, never the role itself ------------------

import ast  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

GUI_DIR = Path(__file__).resolve().parent.parent / "trat_desktop" / "gui"
ROLE_NAMES = {"office", "coordinator", "unset"}
#: setup_dialog.py is where the role is chosen (its radio buttons), not where it decides what is allowed
CHOOSES_THE_ROLE = {"setup_dialog.py"}


def _is_role(node: ast.AST) -> bool:
    """``x.role``, ``x.role()``, ``x.is_coordinator``/``x.is_office``, ``role_of(x)``."""
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "role_of":
            return True
        if isinstance(func, ast.Attribute) and func.attr == "role_of":
            return True
        node = func
    return isinstance(node, ast.Attribute) and node.attr in ("role", "is_coordinator", "is_office")


def _names_a_role(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return node.value in ROLE_NAMES or node.value in ("OFFICE", "COORDINATOR")
    if isinstance(node, ast.Name):
        return node.id in ("OFFICE", "COORDINATOR", "UNSET")
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return any(_names_a_role(e) for e in node.elts)
    return False


def role_checks(source: str) -> list[int]:
    """Lines deciding by role: a comparison with ``.role`` (or ``role_of``/``is_coordinator``), a name ``role``
    compared with a role's name, or any attribute ``is_coordinator``/``is_office`` read."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_is_role(s) for s in sides):
                found.append(node.lineno)
            elif any(isinstance(s, ast.Name) and s.id == "role" for s in sides) and any(_names_a_role(s) for s in sides):
                found.append(node.lineno)
        elif isinstance(node, ast.Attribute) and node.attr in ("is_coordinator", "is_office"):
            found.append(node.lineno)
    return sorted(set(found))


def test_the_gui_asks_the_capability_table_not_the_role() -> None:
    files = sorted(GUI_DIR.rglob("*.py"))
    assert len(files) > 20
    offending = [f"{p.relative_to(GUI_DIR)}:{line}" for p in files if p.name not in CHOOSES_THE_ROLE
                 for line in role_checks(p.read_text(encoding="utf-8"))]
    assert not offending, ("decide with capabilities.can(identity, ACTION), not by role:\n" + "\n".join(offending))


@pytest.mark.parametrize("source", [
    'if me.role == "coordinator":\n    pass\n',
    'x = identity.role != "office"\n',
    'ok = self.progress.identity().role in ("office", "coordinator")\n',
    'role = me.role\nshow = role == "coordinator"\n',
    'show = role_of(me) == COORDINATOR\n',
    'if me.is_coordinator:\n    pass\n',
    'if "coordinator" == self.role():\n    pass\n',
])
def test_the_role_check_finder_flags(source: str) -> None:
    assert role_checks(source)


@pytest.mark.parametrize("source", [
    'if role == Qt.ItemDataRole.DisplayRole:\n    pass\n',
    'if can(me, "review"):\n    pass\n',
    'if request.kind == "office":\n    pass\n',
    'Identity(role="office", office_name="x")\n',
])
def test_the_role_check_finder_leaves_alone(source: str) -> None:
    assert not role_checks(source)


def test_every_action_the_gui_asks_is_in_the_table() -> None:
    """A misspelt action would silently hide a menu (can() refuses unknown actions)."""
    import re

    from trat_desktop.domain.capabilities import CAPABILITIES

    asked = set()
    for path in GUI_DIR.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        asked |= set(re.findall(r'\bcan\([^,()]+(?:\([^()]*\))?,\s*"([a-z_]+)"\)', text))
        asked |= set(re.findall(r'capability="([a-z_]+)"', text))
        asked |= set(re.findall(r'self\.\w+_action: "([a-z_]+)"', text))
    assert len(asked) >= 10, asked
    assert asked <= set(CAPABILITIES), asked - set(CAPABILITIES)


def test_menus_follow_the_capability_table_for_each_installation(qtbot, service, tmp_path) -> None:
    """Each File / รอบรายงาน / รายงาน action is visible exactly where domain/capabilities.py allows it."""
    from trat_desktop.domain.capabilities import can

    fresh = PlanService.open(tmp_path / "fresh.sqlite3")    # not set up yet
    unset = MainWindow(fresh, progress=ProgressService(fresh),
                       settings=QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(unset)
    makers = [lambda: unset] + [lambda i=identity: window_for(qtbot, service, i, tmp_path) for identity in (
        Identity(role="office", office_name="สนง.คลัง จ.ตราด"), Identity(role="coordinator", reporter_name="ผู้ประสาน"))]
    for make in makers:  # one at a time: the two set-up windows share a database
        window = make()
        me = window._progress.identity()
        identity = me
        rounds, exchange, reports = window.round_actions, window.exchange_actions, window.report_actions
        rounds.update_roles()
        exchange.update_roles()
        reports.update_roles()
        for action, capability in {**rounds.capabilities, **exchange.capabilities}.items():
            assert action.isVisible() == can(me, capability), (identity.role, action.text())
        from trat_desktop.gui.report_dialog import KINDS

        for key, action in reports.actions.items():
            assert action.isVisible() == can(me, KINDS[key].capability), (identity.role, key)
        assert (window.coordinator_pages is not None) == can(me, "view_all_offices")
        window.close()
    assert not can(unset._progress.identity(), "submit_round") and can(unset._progress.identity(), "plan_report")
    fresh.close()


# --- ... and so do the command line and the services: the role is read only where it is chosen ---------

PACKAGE_DIR = GUI_DIR.parent
#: where the role is defined and turned into capabilities
DEFINES_THE_ROLE = {"domain/capabilities.py", "domain/identity.py"}
#: the set-up code that chooses the role (file -> functions); the GUI's set-up dialog is allowed above
SETS_UP_THE_ROLE = {"services/progress.py": {"set_identity"}}


def role_reads(source: str, allowed_functions: frozenset[str] = frozenset()) -> list[int]:
    """Stricter than :func:`role_checks`: every read of ``x.role`` (compared, tested for truth or passed on),
    ``role_of(x)``, ``x.is_coordinator``/``x.is_office``, ``settings["role"]``/``settings.get("role")``, and every
    comparison :func:`role_checks` finds, outside the functions in *allowed_functions*."""
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in allowed_functions:
            skipped |= {id(inner) for inner in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and node.attr in (
                "role", "is_coordinator", "is_office"):
            found.append(node.lineno)
        elif isinstance(node, ast.Call) and _is_role(node):
            found.append(node.lineno)
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value == "role":
            found.append(node.lineno)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
              and node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value == "role"):
            found.append(node.lineno)
        elif isinstance(node, ast.Compare) and role_checks(ast.unparse(node)):
            found.append(node.lineno)
    return sorted(set(found))


def test_the_command_line_and_the_services_ask_the_capability_table_not_the_role() -> None:
    """Who may do what, whose rows and which view: cli*.py, services/ (and every other module outside gui/)
    ask domain/capabilities.py (can, require, sees_all_offices, own_office, edits_locally, ...)."""
    files = [p for p in sorted(PACKAGE_DIR.rglob("*.py")) if GUI_DIR not in p.parents]
    names = {p.relative_to(PACKAGE_DIR).as_posix() for p in files}
    assert {"cli.py", "cli_rounds.py", "cli_evidence.py", "services/progress.py", "services/reports.py"} <= names
    assert DEFINES_THE_ROLE <= names and set(SETS_UP_THE_ROLE) <= names
    offending = []
    for path in files:
        name = path.relative_to(PACKAGE_DIR).as_posix()
        if name in DEFINES_THE_ROLE:
            continue
        source = path.read_text(encoding="utf-8")
        offending += [f"{name}:{line}" for line in role_reads(source, frozenset(SETS_UP_THE_ROLE.get(name, ())))]
    assert not offending, ("decide with domain/capabilities.py (can, require or a named question such as "
                           "own_office), not by role:\n" + "\n".join(offending))


@pytest.mark.parametrize("source", [
    'who = "office" if me.role == "office" else "province"\n',
    'actor = me.actor() if me.role else ""\n',
    'print(identity.role)\n',
    'role = values["role"]\n',
    'role = values.get("role")\n',
    'local = role_of(me) == "coordinator"\n',
    'def set_identity(identity):\n    pass\nif me.role == "office":\n    pass\n',
])
def test_the_stricter_finder_flags(source: str) -> None:
    assert role_reads(source, frozenset({"set_identity"}))


@pytest.mark.parametrize("source", [
    'if own_office(me) is not None:\n    pass\n',
    'Identity(role="coordinator", office_uid="")\n',
    'def signature_block(role, name):\n    return [role, name]\n',
    'def set_identity(identity):\n    if identity.role == "office":\n        pass\n',
    'settings = {"role": "office"}\n',
])
def test_the_stricter_finder_leaves_alone(source: str) -> None:
    assert not role_reads(source, frozenset({"set_identity"}))


def test_the_named_questions_answer_as_the_roles_did() -> None:
    """own_office / edits_locally / signs_changes / name_on_documents keep what the role comparisons decided."""
    from trat_desktop.domain.capabilities import (
        edits_locally, name_on_documents, own_office, sees_all_offices, signs_changes)

    office = Identity(role="office", office_uid="a-1", office_name="สนง.คลัง จ.ตราด", reporter_name="นายก")
    centre = Identity(role="coordinator", reporter_name="ผู้ประสาน")
    unset, half = Identity(), Identity(role="office")  # half: an office not chosen yet (never stored)
    assert [own_office(i) for i in (office, centre, unset, half)] == ["a-1", None, None, ""]
    assert [edits_locally(i) for i in (office, centre, unset, half)] == [False, True, False, False]
    assert [sees_all_offices(i) for i in (office, centre, unset, half, None)] == [False, True, False, False, False]
    assert signs_changes(office) == "นายก (สนง.คลัง จ.ตราด)" and signs_changes(unset) == ""
    assert signs_changes(centre).startswith("ผู้ประสาน (ศูนย์")
    assert name_on_documents(office) == "สนง.คลัง จ.ตราด" and name_on_documents(unset) == ""
    assert name_on_documents(centre).startswith("ศูนย์ปฏิบัติการ")
