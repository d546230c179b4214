"""How attachments and their withdrawals merge: one rule, the same in every order.

An attachment is known by (indicator row, office, quarter, content sha256). Every add and every removal
of it at the office raises that attachment's revision by one, and a removal is kept as a withdrawal
(a tombstone) that each later export lists. The coordinator keeps, per attachment, the event with the
highest revision, a removal winning a tie (a tie can only come from two installations of one office).
Taking the maximum is commutative, associative and idempotent, so any set of an office's exports, in any
order, gives one state; and a file sent by mistake can be withdrawn by the next export.
"""

from __future__ import annotations

from dataclasses import dataclass

Key = tuple[str, str, int, str]


@dataclass(frozen=True)
class EvidenceEvent:
    """An attachment as sent (removed=False, *at* = when added) or its withdrawal (removed=True)."""

    indicator_uid: str
    agency_uid: str
    quarter: int
    sha256: str
    file_name: str
    size: int
    at: str
    revision: int = 1
    removed: bool = False

    @property
    def key(self) -> Key:
        return (self.indicator_uid, self.agency_uid, self.quarter, self.sha256)

    def rank(self) -> tuple[int, bool, str, str, int]:
        """The order of events of one attachment; the highest wins (ties broken on every field)."""
        return (self.revision, self.removed, self.at, self.file_name, self.size)


def merge_events(held: list[EvidenceEvent], incoming: list[EvidenceEvent]) -> dict[Key, EvidenceEvent]:
    """The winning event per attachment over what is held and what arrives."""
    out: dict[Key, EvidenceEvent] = {}
    for event in [*held, *incoming]:
        current = out.get(event.key)
        if current is None or event.rank() > current.rank():
            out[event.key] = event
    return out


def next_revision(held: EvidenceEvent | None) -> int:
    """The revision an add or a removal at the office gets."""
    return 1 if held is None else held.revision + 1
