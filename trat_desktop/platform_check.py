"""Before Qt starts on Linux: is there a screen to draw on, and are Qt's X11 libraries there?

Without a display, Qt aborts the process with a hint about ``xcb-cursor0`` that is misleading (the
real cause is no screen, or another missing library). This check runs first and says in Thai what is
wrong and which Debian/Ubuntu packages to install, and the app exits with status 2.
"""

from __future__ import annotations

import os
import sys
from typing import Mapping

#: Libraries Qt's xcb platform plugin loads, with the Debian/Ubuntu package that ships each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}


def _loadable(name: str) -> bool:
    import ctypes  # (here: only a start on X11 asks)

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def gui_problem(environ: Mapping[str, str] | None = None, platform: str | None = None,
                loadable=_loadable) -> str | None:
    """A Thai message saying why the GUI cannot start here, or None if it can (or we cannot tell)."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: Qt's own choice, nothing to check here
    if not chosen and environ.get("WAYLAND_DISPLAY"):
        return None
    from .i18n import _  # only now: a light start-up

    if not environ.get("DISPLAY"):
        return _("ไม่พบหน้าจอแสดงผล (ไม่มีตัวแปร DISPLAY หรือ WAYLAND_DISPLAY) จึงเปิดหน้าต่างโปรแกรมไม่ได้ "
                 "โปรดเปิดโปรแกรมจากหน้าจอเดสก์ท็อป หรือใช้คำสั่งบรรทัดคำสั่ง เช่น “trat-desktop plan summary”")
    missing = [package for library, package in XCB_LIBRARIES.items() if not loadable(library)]
    if missing:
        return _("เปิดหน้าต่างโปรแกรมไม่ได้ เพราะเครื่องนี้ยังไม่มีไลบรารีของ Qt ที่จำเป็น โปรดติดตั้งด้วยคำสั่ง: "
                 "sudo apt-get install -y {packages}").format(packages=" ".join(missing))
    return None
