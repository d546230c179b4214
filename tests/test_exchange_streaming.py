"""The import streams: one file open at a time, evidence copied out of the archive by hash, files already
imported known by their SHA-256 without being opened, files of one office merged in their export order;
and the fast checks of records answer as the field-by-field checks do."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, installation
from hypothesis import given, settings
from hypothesis import strategies as st

from trat_desktop.exchange import archive, formats
from trat_desktop.exchange.archive import BadArchive


@pytest.fixture
def world(tmp_path: Path):
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    coordinator = installation(tmp_path / "coordinator.sqlite3", "coordinator")
    return office, coordinator, tmp_path


def enter(office, item_id: str, quarter: int, **values) -> None:
    office.progress.set_progress(office.progress.find_item(item_id), quarter, **values)


def test_one_file_open_at_a_time_and_evidence_streamed(world, monkeypatch) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="40")
    photo = tmp / "photo.jpg"
    photo.write_bytes(b"\xff\xd8" + bytes(range(256)) * 100)
    office.progress.attach_evidence(office.progress.find_item("1/1.5/2"), 2, photo)
    paths = [office.export_office(tmp / "a.trat")[0]]
    enter(office, "1/1.5/2", 2, achieved="60")
    paths.append(office.export_office(tmp / "b.trat")[0])
    real, open_now, most = archive.open_archive, [0], [0]
    held: list[dict[str, bytes]] = []

    def counting(*args, **kwargs):
        opened = real(*args, **kwargs)
        open_now[0] += 1
        most[0] = max(most[0], open_now[0])
        held.append(opened.entries)
        close = opened.close

        def closing() -> None:
            open_now[0] -= 1
            close()
        opened.close = closing
        return opened

    monkeypatch.setattr(archive, "open_archive", counting)
    report = coordinator.import_files(paths, trust_new=True)
    assert [f.status for f in report.files] == ["imported", "imported"]
    assert most[0] == 1 and open_now[0] == 0
    assert all(not name.startswith("evidence/") for entries in held for name in entries)  # hashed, not read
    item = coordinator.progress.find_item("1/1.5/2", agency=EDUCATION)
    assert item.entries[2].achieved == 60
    [evidence] = coordinator.progress.evidence(item)
    assert coordinator.progress.evidence_path(evidence).read_bytes() == photo.read_bytes()


def test_files_of_one_office_merge_in_export_order(world) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="10")
    first = office.export_office(tmp / "z-first.trat")[0]
    enter(office, "1/1.5/2", 2, achieved="20")
    second = office.export_office(tmp / "a-second.trat")[0]
    report = coordinator.import_files([tmp], trust_new=True)  # the folder lists a-second first
    assert {f.file: f.status for f in report.files} == {"a-second.trat": "imported", "z-first.trat": "imported"}
    assert [f.file for f in report.files] == ["a-second.trat", "z-first.trat"]  # reported in the order given
    assert coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).entries[2].achieved == 20
    assert second.exists() and first.exists()


def test_a_known_file_is_not_opened_again_unless_its_key_changed(world, monkeypatch) -> None:
    office, coordinator, tmp = world
    enter(office, "1/1.5/2", 2, achieved="70")
    path = office.export_office(tmp / "one.trat")[0]
    assert coordinator.import_files([path], trust_new=True).files[0].status == "imported"
    before = coordinator.snapshot()

    def never(*_args, **_kwargs):
        raise AssertionError("opened")

    with monkeypatch.context() as patch:
        patch.setattr(formats, "open_signed", never)
        again = coordinator.import_files([path]).files[0]
    assert (again.status, again.unchanged, again.office, again.sequence) == ("unchanged", 1, EDUCATION, 1)
    assert coordinator.ledger()[0]["status"] == "unchanged" and coordinator.snapshot() == before
    # after a re-enrolment the same bytes are checked in full: the key must be confirmed again
    assert coordinator.reenrol(EDUCATION)
    refused = coordinator.import_files([path]).files[0]
    assert refused.status == "rejected" and "ยืนยันกุญแจ" in refused.reason


def test_an_entry_that_changed_after_hashing_is_not_copied(tmp_path: Path) -> None:
    body = b"evidence" * 1000
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("evidence/" + "0" * 64, body)
    with archive.open_archive(path, formats.OFFICE_ENTRIES, formats.EVIDENCE_BODIES) as opened:
        name = "evidence/" + "0" * 64
        assert opened.entries == {} and opened.lazy[name][1] == len(body)
        opened.copy_entry(name, tmp_path / "ok")
        assert (tmp_path / "ok").read_bytes() == body
        opened.lazy[name] = ("f" * 64, len(body))
        with pytest.raises(BadArchive):
            opened.copy_entry(name, tmp_path / "bad")
    assert not (tmp_path / "bad").exists() and not list(tmp_path.glob(".bad*"))


UID = "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"
values = st.one_of(st.none(), st.booleans(), st.integers(-3, 2**54), st.floats(allow_nan=False, allow_infinity=False),
                   st.text(max_size=5), st.sampled_from([UID, f" {UID}", "done", "in_progress", " done", "x" * 41]),
                   st.just("ก" * 4001))


@settings(max_examples=400, deadline=None)
@given(st.fixed_dictionaries(
    {"indicator_uid": st.sampled_from([UID, f" {UID} "]) | values, "agency_uid": st.just(UID) | values,
     "quarter": st.sampled_from([1, 4]) | values, "achieved": st.sampled_from([None, 3, 2.5]) | values,
     "spent_satang": st.sampled_from([None, 100]) | values, "status": st.sampled_from(["done", "not_started"]) | values,
     "note": st.sampled_from(["", " อบรม  ครู \n"]) | values, "reporter": st.just("ผู้รายงาน") | values,
     "updated_at": st.just("2026-01-01T00:00:00+07:00") | values, "revision": st.sampled_from([1, 7]) | values},
    optional={"problems": st.just("ปัญหา") | values, "suggestions": values}))
def test_the_fast_record_check_answers_as_the_full_one(record) -> None:
    try:
        expected = formats._checked_entry(record, "ที่")
    except BadArchive:
        expected = None
    fast = formats._fast_entry(record)
    assert fast is None or fast == expected
    if expected is None:
        with pytest.raises(BadArchive):
            formats.entry_from_record(record, "ที่")
    else:
        assert formats.entry_from_record(record, "ที่") == expected
