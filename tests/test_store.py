"""The store through the service layer: seeding, round trips, atomic imports."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from trat_desktop.domain.agencies import AgencyResolver, load_register
from trat_desktop.domain.plan_text import read_plan_text
from trat_desktop.errors import PlanFormatError, TratError
from trat_desktop.services import PlanService
from trat_desktop.store import plans as plan_store

ROOT = Path(__file__).resolve().parent.parent


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_new_database_has_the_embedded_plan(service: PlanService) -> None:
    assert service.fiscal_years() == [2569]
    plan = service.load_plan()
    assert plan.revision == 1
    assert len(plan.rows()) == 35
    assert plan.source_name == "trat-ethics-plan-2569.txt"
    assert len(service.agencies()) == 25


def test_stored_plan_round_trips(service: PlanService, plan_text: str) -> None:
    parsed = read_plan_text(plan_text, AgencyResolver(load_register(ROOT / "db" / "seed" / "agencies.csv")),
                            "trat-ethics-plan-2569.txt")
    stored = service.load_plan(2569)
    assert stored.strategies == parsed.strategies
    assert stored.warnings == parsed.warnings
    assert stored.stated_total == parsed.stated_total
    assert set(stored.agencies) == set(parsed.agencies)


def test_reopening_does_not_seed_again(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    PlanService.open(path).close()
    again = PlanService.open(path)
    assert again.load_plan().revision == 1
    assert again.fiscal_years() == [2569]
    again.close()


def test_import_another_year_and_reimport(service: PlanService, plan_text: str, tmp_path: Path) -> None:
    doc = tmp_path / "plan-2570.txt"
    doc.write_text(plan_text.replace("๒๕๖๙", "๒๕๗๐"), encoding="utf-8")
    plan = service.import_plan_text(doc)
    assert plan.fiscal_year == 2570
    assert service.fiscal_years() == [2569, 2570]
    assert service.load_plan().fiscal_year == 2570
    # the uids of another year's rows are its own
    assert not {r.uid for r in plan.rows()} & {r.uid for r in service.load_plan(2569).rows()}
    again = service.import_plan_text(doc)
    assert again.revision == 2
    assert len(again.rows()) == 35
    assert service.summary(2570)["revision"] == 2


def test_malformed_import_changes_nothing(tmp_path: Path, plan_text: str) -> None:
    db = tmp_path / "db.sqlite3"
    PlanService.open(db).close()
    before = dump(db)
    bad = tmp_path / "bad.txt"
    bad.write_text(plan_text.replace("\t๙๙,๖๕๐\t", "\tเก้าหมื่น\t").replace("๒๕๖๙", "๒๕๗๐"), encoding="utf-8")
    service = PlanService.open(db)
    with pytest.raises(PlanFormatError) as info:
        service.import_plan_text(bad)
    assert info.value.line == 251
    service.close()
    assert dump(db) == before


@pytest.mark.parametrize("year, module, function", [
    ("๒๕๗๐", "plans", "_save_row"),            # a new year: stored as read
    ("๒๕๖๙", "plan_revision", "_row_children"),  # the same year: a revision applied in place
])
def test_failure_while_writing_rolls_back(tmp_path: Path, plan_text: str, monkeypatch, year, module, function) -> None:
    from trat_desktop.store import plan_revision

    db = tmp_path / "db.sqlite3"
    PlanService.open(db).close()
    before = dump(db)
    doc = tmp_path / "plan.txt"
    doc.write_text(plan_text.replace("๒๕๖๙", year), encoding="utf-8")
    calls = {"n": 0}
    target = {"plans": plan_store, "plan_revision": plan_revision}[module]
    real = getattr(target, function)

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 20:
            raise RuntimeError("disk pulled out")
        return real(*args, **kwargs)

    monkeypatch.setattr(target, function, failing)
    service = PlanService.open(db)
    with pytest.raises(RuntimeError):
        service.import_plan_text(doc)
    service.close()
    assert calls["n"] == 20
    assert dump(db) == before


def test_unreadable_documents_get_thai_messages(service: PlanService, tmp_path: Path, monkeypatch) -> None:
    binary = tmp_path / "plan.txt"  # a text file with bytes that are no UTF-8 (a .docx goes to the Word reader)
    binary.write_bytes("บรรทัดแรก\nบรรทัดสอง\n".encode("utf-8") + b"\x03\x04\xff\xfe")
    with pytest.raises(PlanFormatError) as info:
        service.import_plan_text(binary)
    assert info.value.line == 3 and "UTF-8" in info.value.message
    with pytest.raises(TratError, match="อ่านไฟล์"):
        service.import_plan_text(tmp_path / "missing.txt")
    monkeypatch.setattr("trat_desktop.services.plan.MAX_PLAN_DOCUMENT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("ก" * 2000, encoding="utf-8")
    with pytest.raises(TratError, match="ใหญ่เกินไป"):
        service.import_plan_text(big)
    assert service.fiscal_years() == [2569]


def test_unknown_year_is_a_thai_error(service: PlanService) -> None:
    with pytest.raises(TratError, match="2570"):
        service.load_plan(2570)
