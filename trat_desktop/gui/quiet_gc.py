"""Pausing Python's cycle collector while a big plan's objects are made.

Reading a plan 100 times FY2569's, or its 16,800 work items, makes hundreds of thousands of
objects; each few hundred of them start a collection that walks every object already alive, so
most of such a load was spent in the collector (measured with bench/big_plan.py). The objects made
there hold no reference cycles, so the collector may as well wait until the load is done."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_gc_pass() -> Iterator[None]:
    """No cycle collection inside the block (the collector runs as usual after it). Nested use is fine."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: a load of at least this many work items is followed by one young-generation collection (see settle_after)
BIG_LOAD_ITEMS = 5_000


def settle_after(items: int, over: int = BIG_LOAD_ITEMS) -> None:
    """After a big load (*items* work items, e.g. the coordinator's ทุกหน่วยงาน over a big plan): one full
    collection now, while the user waits for the load. The load's objects are then old, counted, and the
    collector's next passes over all of them wait until as many objects again have been made; otherwise one
    such pass (0.1–0.25 s at 100×) lands in whatever small action comes next (a quarter change measured
    160–280 ms instead of 40–50 ms)."""
    if items >= over and gc.isenabled():
        gc.collect()
