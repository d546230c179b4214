"""Set-up on a real machine: the wheel carries everything the app reads at run time, the app finds it
through importlib.resources when installed, and the GUI says in Thai why it cannot start without a screen."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from trat_desktop.platform_check import XCB_LIBRARIES, gui_problem

ROOT = Path(__file__).resolve().parent.parent


def _tracked(folder: str) -> list[str]:
    out = subprocess.run(["git", "ls-files", folder], cwd=ROOT, capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if line]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(dest), str(ROOT)], check=True, cwd=build,
                   env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    return next(dest.glob("trat_desktop-*.whl"))


def test_the_wheel_holds_every_module_and_every_shipped_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = [p for p in _tracked("db") + _tracked("resources")]
    assert shipped, "git ls-files found nothing"
    missing = [p for p in shipped if f"trat_desktop/{p}" not in names]
    assert missing == []
    modules = [p for p in _tracked("trat_desktop") if p.endswith(".py")]
    assert [m for m in modules if m not in names] == []
    catalogs = _tracked("trat_desktop/locale")  # the message catalogs (trat_desktop/i18n.py)
    assert any(c.endswith("en/LC_MESSAGES/messages.mo") for c in catalogs)
    assert [c for c in catalogs if c not in names] == []


def test_an_installed_wheel_reads_its_files_from_inside_the_package(wheel, tmp_path):
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    code = ("import trat_desktop.paths as p; r = p.resource_root(); print(r); "
            "print(p.schema_path().is_file(), p.fonts_dir().joinpath('Sarabun-Regular.ttf').is_file())")
    out = subprocess.run([sys.executable, "-S", "-c", f"import sys; sys.path[:0] = [{str(target)!r}] + "
                          f"[q for q in {sys.path!r} if 'site-packages' in q]; {code}"],
                         capture_output=True, text=True, check=True, cwd=tmp_path)
    root, checks = out.stdout.splitlines()
    assert Path(root) == target / "trat_desktop"
    assert checks == "True True"


def test_no_screen_gives_a_thai_message_not_qts_abort():
    message = gui_problem({}, "linux")
    assert message and "DISPLAY" in message and "หน้าจอ" in message
    assert gui_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert gui_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert gui_problem({}, "win32") is None


def test_missing_qt_libraries_are_named_by_their_debian_package():
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    message = gui_problem({"DISPLAY": ":0"}, "linux", loadable=lambda name: name not in absent)
    assert message is not None and message.endswith("libxcb-icccm4 libxcb-keysyms1")
    assert gui_problem({"DISPLAY": ":0"}, "linux", loadable=lambda name: True) is None
    assert set(XCB_LIBRARIES.values()) >= {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"}


def test_the_gui_command_without_a_screen_exits_2_in_thai(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run([sys.executable, "-m", "trat_desktop", "--db", str(tmp_path / "t.sqlite3")],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert out.returncode == 2
    assert "ไม่พบหน้าจอแสดงผล" in out.stderr and "Traceback" not in out.stderr
