"""Python's cycle collector while the app starts.

A start makes tens of thousands of objects (modules, classes, the plan, the main window) and frees almost
none, yet every 700 of them began a collection that walked the young ones, and every tenth of those the
older ones too (~10 ms of a GUI start, bench/startup.py). So the collector waits from the start
(``__main__.py``) until a command is known (cli.main) or the GUI's main window has first painted
(gui/app.py). What the start made then goes straight to the oldest generation, where it belongs (it lives
for the session): turned back on plainly, the collector's next young pass would walk all of it at once."""

from __future__ import annotations

import gc


def pause() -> None:
    """No cycle collection from now until :func:`resume`."""
    gc.disable()


def resume() -> None:
    """The collector back on, after :func:`pause` (nothing happens if it is on)."""
    if gc.isenabled():
        return
    gc.freeze()  # every object so far out of the young generations...
    gc.unfreeze()  # ...into the oldest, without a pass over them
    gc.enable()
