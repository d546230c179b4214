"""How one incoming office row meets the coordinator's copy. One rule, used by every import; pure (no I/O).

* no copy yet                                   -> add
* the office's revision is the one last taken   -> unchanged
* the values are the ones already held          -> same (record the revision; a value held aside for the
                                                   cell is settled: the office now agrees)
* the coordinator has not changed it locally    -> update (take the office's row)
* the coordinator changed it differently        -> conflict (keep the coordinator's value; hold the office's
                                                   aside and ask)
* a new value that no longer fits the plan      -> held (keep what is stored; hold the office's aside with the
                                                   reasons, for the coordinator to accept or drop)

A pending conflict keeps the office revision from before it, so a later file with the same
row raises the same conflict again. Files are taken in the order of their sequence per office
installation, and a file not newer than the newest one taken is stale (:func:`merge_file`): so the
outcome does not depend on the order in which files arrive, nor on how often (tests/test_merge_rule.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal, Mapping, NamedTuple

from .progress import ProgressEntry

Decision = Literal["add", "unchanged", "update", "same", "conflict", "held"]
COMPARED = ("achieved", "spent_satang", "status", "note")
Key = tuple[str, int]  # (indicator uid, quarter) within one office


def same_values(a: ProgressEntry, b: ProgressEntry) -> bool:
    return all(getattr(a, name) == getattr(b, name) for name in COMPARED)


# Stored, Pending, RowState and Outcome are immutable named tuples (not frozen dataclasses): an import
# makes three of them per incoming row, and a tuple is made several times faster.
class Stored(NamedTuple):
    """The coordinator's copy of one office's row × quarter."""

    entry: ProgressEntry
    #: the office's revision last taken (None: never taken from a file, e.g. after a re-enrolment)
    office_revision: int | None = None
    #: the coordinator corrected the office's value
    local_edit: bool = False


class Pending(NamedTuple):
    """An office value held aside: a conflict (no reasons) or a value outside the plan (reasons)."""

    entry: ProgressEntry
    reasons: tuple[str, ...] = ()


class RowState(NamedTuple):
    """Everything the coordinator keeps about one office's row × quarter."""

    stored: Stored | None = None
    pending: Pending | None = None


EMPTY = RowState()


class Outcome(NamedTuple):
    decision: Decision
    after: RowState


def decide(stored: ProgressEntry | None, office_revision: int | None, local_edit: bool,
           incoming: ProgressEntry) -> Decision:
    """The decision alone (without the plan's fit), from the stored copy's parts."""
    if stored is None:
        return "add"
    if office_revision is not None and incoming.revision == office_revision:
        return "unchanged"
    if same_values(stored, incoming):
        return "same"
    return "update" if not local_edit else "conflict"


def merge_row(before: RowState, incoming: ProgressEntry, misfit: tuple[str, ...] = ()) -> Outcome:
    """What an incoming office row does to the state of its cell: the decision and the state after it.
    *misfit*: why the incoming value no longer fits today's plan (domain/plan_fit.py), empty if it fits."""
    stored = before.stored
    decision = decide(stored.entry if stored else None, stored.office_revision if stored else None,
                      stored.local_edit if stored else False, incoming)
    if misfit and decision in ("add", "update", "conflict"):
        return Outcome("held", RowState(stored, Pending(incoming, tuple(misfit))))
    if decision in ("add", "update"):
        return Outcome(decision, RowState(Stored(incoming, incoming.revision, False), None))
    if decision == "conflict":
        return Outcome(decision, RowState(stored, Pending(incoming)))
    if decision == "same":
        assert stored is not None
        kept = stored if stored.local_edit else stored._replace(office_revision=incoming.revision)
        return Outcome(decision, RowState(kept, None))
    return Outcome(decision, before)


@dataclass(frozen=True)
class FileOutcome:
    """One file's merge: stale (nothing changes), or each of its rows' outcome in the file's order."""

    stale: bool
    rows: tuple[tuple[Key, RowState, Outcome], ...] = ()  # (cell, the state before, the outcome)


def is_stale(sequence: int | None, last_sequence: int) -> bool:
    """A file not newer than the newest one taken from the same installation never overwrites it."""
    return sequence is not None and sequence <= last_sequence


def merge_file(states: Mapping[Key, RowState], last_sequence: int, sequence: int | None,
               entries: Iterable[ProgressEntry], misfits: Mapping[Key, tuple[str, ...]] | None = None) -> FileOutcome:
    """One office file against the coordinator's state of that office's cells (absent cells are empty)."""
    if is_stale(sequence, last_sequence):
        return FileOutcome(True)
    misfits = misfits or {}
    out = []
    for incoming in entries:
        key = (incoming.indicator_uid, incoming.quarter)
        before = states.get(key, EMPTY)
        out.append((key, before, merge_row(before, incoming, misfits.get(key, ()))))
    return FileOutcome(False, tuple(out))


def apply(states: Mapping[Key, RowState], outcome: FileOutcome) -> dict[Key, RowState]:
    """The state after a file's merge (for tests and previews; the import writes the same through the store)."""
    out = dict(states)
    for key, _before, result in outcome.rows:
        out[key] = result.after
    return out
