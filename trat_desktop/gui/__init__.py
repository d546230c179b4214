"""The Qt (PySide6) user interface. The only package that imports PySide6."""

from __future__ import annotations

import sys
from typing import Any

_STDLIB = frozenset(sys.stdlib_module_names)


def _skip_pyside_source_scan() -> None:
    """Once PySide6 is loaded, every module an ``import`` statement names is checked for its
    ``__feature__`` switch (snake_case, true_property): PySide6 reads the module's whole source to
    see whether it says "PySide6" (``inspect.getsource``, ~0.1 ms a module, ~8 ms for the ~90 modules the
    main window's first paint imports). The answer for the app's own modules is known without reading
    them: those outside ``trat_desktop.gui`` never import PySide6 (tests/test_architecture.py), and those
    inside are the GUI (the few that do not import PySide6 get "no feature selected" instead of "not a
    PySide6 module", the same thing here, since this app selects no feature anywhere: tested too).
    Python's own modules (``sys.stdlib_module_names``) never use PySide6 either. Other modules are asked
    as before. Nothing changes if PySide6's internals are not as expected."""
    try:
        from PySide6.support import feature  # type: ignore[import-not-found,attr-defined]
    except ImportError:
        return
    scan = getattr(feature, "_mod_uses_pyside", None)
    if not callable(scan) or getattr(scan, "_trat_desktop", False):
        return

    def uses_pyside(module: Any) -> bool:
        name = getattr(module, "__name__", "")
        if name == "trat_desktop.gui" or name.startswith("trat_desktop.gui."):
            return True
        if name == "trat_desktop" or name.startswith("trat_desktop.") or name.partition(".")[0] in _STDLIB:
            return False
        return bool(scan(module))

    uses_pyside._trat_desktop = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside


_skip_pyside_source_scan()
