"""How one incoming office row meets the coordinator's copy. One rule, used by every import.

* no copy yet                                   -> add
* the office's revision is the one last taken   -> unchanged
* the values are the ones already held          -> same (record the revision; nothing else changes)
* the coordinator has not changed it locally    -> update (take the office's row)
* the coordinator changed it differently        -> conflict (keep the coordinator's value; ask)

A pending conflict keeps the office revision from before it, so a later file with the same
row raises the same conflict again and the outcome does not depend on the order of files.
"""

from __future__ import annotations

from typing import Literal

from .progress import ProgressEntry

Decision = Literal["add", "unchanged", "update", "same", "conflict"]
COMPARED = ("achieved", "spent_satang", "status", "note")


def same_values(a: ProgressEntry, b: ProgressEntry) -> bool:
    return all(getattr(a, name) == getattr(b, name) for name in COMPARED)


def decide(stored: ProgressEntry | None, office_revision: int | None, local_edit: bool,
           incoming: ProgressEntry) -> Decision:
    if stored is None:
        return "add"
    if office_revision is not None and incoming.revision == office_revision:
        return "unchanged"
    if same_values(stored, incoming):
        return "same"
    return "update" if not local_edit else "conflict"
