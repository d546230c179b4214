"""The merge rule itself (domain/merge.py), without a database: any order of an office's files, any number
of repeats, ends in one state; merging a row twice is merging it once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from trat_desktop.domain import merge
from trat_desktop.domain.merge import EMPTY, Pending, RowState, Stored
from trat_desktop.domain.progress import ProgressEntry

OFFICE = "00000000-0000-4000-8000-000000000001"
ROWS = [f"00000000-0000-4000-8000-00000000010{n}" for n in range(3)]
CELLS = [(row, quarter) for row in ROWS for quarter in (2, 3)]


def entry(cell: tuple[str, int], value: int, revision: int, note: str = "") -> ProgressEntry:
    return ProgressEntry(cell[0], OFFICE, cell[1], float(value), None, "in_progress", note, "", "", revision)


@st.composite
def histories(draw):
    """An office's successive exports (sequence 1, 2, ...), each a full snapshot of its cells."""
    current: dict[tuple[str, int], tuple[int, int]] = {}
    files = []
    for _ in range(draw(st.integers(1, 4))):
        for cell in draw(st.lists(st.sampled_from(CELLS), min_size=1, max_size=3, unique=True)):
            revision = current.get(cell, (0, 0))[1] + 1
            current = {**current, cell: (draw(st.integers(0, 3)), revision)}
        files.append([entry(cell, v, rev) for cell, (v, rev) in sorted(current.items())])
    return files


@st.composite
def starts(draw):
    """The coordinator's state before the files: some cells it entered or corrected itself."""
    out = {}
    for cell in draw(st.lists(st.sampled_from(CELLS), max_size=3, unique=True)):
        out[cell] = RowState(Stored(entry(cell, draw(st.integers(0, 3)), 1, "ผู้ประสานงาน"),
                                    draw(st.sampled_from([None, 1])), True))
    return out


def run(start, files, order, misfits):
    states, last = dict(start), 0
    for index in order:
        outcome = merge.merge_file(states, last, index + 1, files[index], misfits)
        if not outcome.stale:
            states, last = merge.apply(states, outcome), index + 1
    return seen(states)


def seen(states):
    """A state as the database keeps it (values, merge marks, the value held aside)."""
    def values(e):
        return None if e is None else tuple(getattr(e, name) for name in merge.COMPARED)
    return {cell: (values(s.stored.entry) if s.stored else None, s.stored.office_revision if s.stored else None,
                   s.stored.local_edit if s.stored else None,
                   (values(s.pending.entry), s.pending.entry.revision, s.pending.reasons) if s.pending else None)
            for cell, s in states.items() if s != EMPTY}


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_order_and_repeats_give_one_state(data) -> None:
    files = data.draw(histories())
    start = data.draw(starts())
    misfits = {cell: ("PERIOD",) for cell in data.draw(st.lists(st.sampled_from(CELLS), max_size=2, unique=True))}
    order = data.draw(st.permutations(range(len(files))))
    repeats = data.draw(st.lists(st.sampled_from(range(len(files))), max_size=3))
    mixed = list(order)
    for index in repeats:
        mixed.insert(data.draw(st.integers(0, len(mixed))), index)
    canonical = run(start, files, range(len(files)), misfits)
    assert run(start, files, mixed, misfits) == canonical
    # the newest file's values stand wherever the coordinator did not correct the cell and the plan fits
    for e in files[-1]:
        cell = (e.indicator_uid, e.quarter)
        if cell not in start and cell not in misfits:
            assert canonical[cell][0] == tuple(getattr(e, n) for n in merge.COMPARED)


@settings(max_examples=300, deadline=None)
@given(stored=st.one_of(st.none(), st.tuples(st.integers(0, 3), st.sampled_from([None, 1, 2, 3]), st.booleans())),
       pending=st.one_of(st.none(), st.tuples(st.integers(0, 3), st.integers(1, 3), st.booleans())),
       value=st.integers(0, 3), revision=st.integers(1, 3), misfit=st.booleans())
def test_merging_a_row_twice_is_merging_it_once(stored, pending, value, revision, misfit) -> None:
    cell = CELLS[0]
    before = RowState(
        Stored(entry(cell, stored[0], 1), stored[1], stored[2]) if stored else None,
        Pending(entry(cell, pending[0], pending[1]), ("PERIOD",) if pending[2] else ()) if pending else None)
    incoming = entry(cell, value, revision)
    reasons = ("PERIOD",) if misfit else ()
    once = merge.merge_row(before, incoming, reasons)
    twice = merge.merge_row(once.after, incoming, reasons)
    assert twice.after == once.after
    # the coordinator's correction is never overwritten; an office value never disappears unseen
    if stored and stored[2] and once.decision != "same":
        assert once.after.stored == before.stored
    assert (once.after.stored is not None and merge.same_values(once.after.stored.entry, incoming)
            or once.after.pending is not None and once.after.pending.entry == incoming
            or once.decision == "unchanged")


def test_the_decisions() -> None:
    cell = CELLS[0]
    mine = Stored(entry(cell, 1, 1), 1, False)
    assert merge.merge_row(EMPTY, entry(cell, 2, 1)).decision == "add"
    assert merge.merge_row(RowState(mine), entry(cell, 2, 1)).decision == "unchanged"
    assert merge.merge_row(RowState(mine), entry(cell, 1, 2)).after.stored.office_revision == 2  # same
    assert merge.merge_row(RowState(mine), entry(cell, 2, 2)).after.stored.entry.achieved == 2.0  # update
    corrected = Stored(entry(cell, 1, 1), 1, True)
    conflict = merge.merge_row(RowState(corrected), entry(cell, 2, 2))
    assert conflict.decision == "conflict" and conflict.after.stored == corrected
    # the office's next file agrees with the coordinator: the conflict is settled
    agreed = merge.merge_row(conflict.after, entry(cell, 1, 3))
    assert agreed.decision == "same" and agreed.after.pending is None
    held = merge.merge_row(RowState(mine), entry(cell, 2, 2), ("PERIOD",))
    assert held.decision == "held" and held.after.stored == mine and held.after.pending.reasons == ("PERIOD",)
    assert merge.merge_file({}, 3, 3, [entry(cell, 1, 1)]).stale
