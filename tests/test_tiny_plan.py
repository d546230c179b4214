"""The tiny plan and the in-memory database behave like the real thing (so tests can rely on them)."""

from __future__ import annotations

import pytest
from tiny_plan import OFFICE_A, OFFICE_B, tiny_office, tiny_plan

from trat_desktop.domain.progress import ValidationError
from trat_desktop.errors import TratError
from trat_desktop.store import plans as plan_store


def test_the_tiny_plan_round_trips_through_the_store(memory_db) -> None:
    plan = tiny_plan()
    plan_store.save_plan(memory_db, plan, plan.agencies.values())
    stored = plan_store.load_plan(memory_db, 2569)
    assert [r.uid for r in stored.rows()] == [r.uid for r in plan.rows()]
    assert [(r.unit, r.target, r.quarter_from, r.quarter_to, r.agencies) for r in stored.rows()] == [
        (r.unit, r.target, r.quarter_from, r.quarter_to, r.agencies) for r in plan.rows()]
    assert stored.budget_satang() == plan.budget_satang() == 1_250_000


def test_an_in_memory_database_has_no_data_folder(tiny) -> None:
    assert tiny.fiscal_years() == [2569]
    with pytest.raises(TratError, match="หน่วยความจำ"):
        tiny.data_dir


def test_office_rows_and_rules_on_the_tiny_plan(tiny) -> None:
    office = tiny_office(tiny)
    items = office.work_items()
    assert [(i.id, i.agency_name) for i in items] == [("1/1.1/1", OFFICE_A), ("1/1.1/2", OFFICE_A)]
    first = office.find_item("1/1.1/1")
    assert first.allocated_satang == 1_000_000
    entry, warnings = office.set_progress(first, 2, achieved="๘๐", spent="12,000")
    assert entry.achieved == 80 and len(warnings) == 1  # over A's 10,000-baht line
    with pytest.raises(ValidationError, match="ร้อยละ"):
        office.set_progress(first, 3, achieved="101")
    other = tiny_office(tiny, OFFICE_B)
    assert [i.id for i in other.work_items()] == ["1/1.1/1", "1/1.2/1"]
