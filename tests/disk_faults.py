"""A full disk, simulated: files opened for writing under a folder accept a number of bytes,
then every write raises OSError(ENOSPC) as a real full disk does (the bytes that fit are written).

Python-level writes only (``open``/``io.open``, which zipfile, openpyxl and the report writer use);
SQLite's own writes are not intercepted.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
from pathlib import Path
from typing import Any


class Budget:
    def __init__(self, left: int) -> None:
        self.left = left
        self.refused = 0  # writes refused for want of space


class FillingFile:
    def __init__(self, raw: Any, budget: Budget) -> None:
        self._raw = raw
        self._budget = budget

    def write(self, data: Any) -> int:
        size = len(data)
        if size > self._budget.left:
            fits = self._budget.left
            if fits > 0:
                self._raw.write(data[:fits])
            self._budget.left = 0
            self._budget.refused += 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._budget.left -= size
        return self._raw.write(data)

    def __enter__(self) -> "FillingFile":
        return self

    def __exit__(self, *exc: Any) -> None:
        self._raw.close()

    def __iter__(self) -> Any:
        return iter(self._raw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


def full_disk(monkeypatch: Any, folder: Path, after_bytes: int = 0) -> Budget:
    """From now on, writes to files under *folder* fail with ENOSPC after *after_bytes* bytes."""
    real_open = builtins.open
    root = str(Path(folder).resolve())
    budget = Budget(after_bytes)

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        raw = real_open(file, mode, *args, **kwargs)
        writing = any(c in mode for c in "wax+")
        if writing and isinstance(file, (str, os.PathLike)) and str(Path(file).resolve()).startswith(root):
            return FillingFile(raw, budget)
        return raw

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    return budget


def leftovers(folder: Path) -> list[str]:
    """Every file under *folder* (recursively), relative, sorted."""
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*") if p.is_file())
