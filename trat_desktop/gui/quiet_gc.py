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
