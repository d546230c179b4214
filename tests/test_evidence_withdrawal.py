"""Evidence removal travels: a withdrawn attachment leaves every coordinator that imports the office's
exports, in any order; an attachment sent by mistake can be withdrawn and attached again; a copy of an
imported file that differs only in its zip headers is the same file."""

from __future__ import annotations

import hashlib
import itertools
import shutil
import zipfile
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, agency_uid, craft, installation, record, rewrite_zip
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trat_desktop.exchange import formats
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.exchange import ExchangeService


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("withdrawal")
    (folder / "office").mkdir()
    (folder / "coordinator").mkdir()
    office = installation(folder / "office" / "db.sqlite3", "office", EDUCATION)
    coordinator = installation(folder / "coordinator" / "db.sqlite3", "coordinator")
    files = []
    for n in range(2):
        path = folder / f"photo-{n}.jpg"
        path.write_bytes(f"photo number {n}".encode())
        files.append(path)
    office.plans.close()
    coordinator.plans.close()
    return folder, files


def open_copy(template: Path, target: Path) -> ExchangeService:
    """A copy of a template installation in a folder of its own (its evidence folder too)."""
    target.mkdir(parents=True)
    shutil.copy(template, target / "db.sqlite3")
    if (template.parent / "evidence").exists():
        shutil.copytree(template.parent / "evidence", target / "evidence")
    return ExchangeService(ProgressService(PlanService.open(target / "db.sqlite3")))


def attachments(service: ExchangeService) -> list[tuple[str, int, str]]:
    item = service.progress.find_item("1/1.5/2", agency=EDUCATION)
    return sorted((e.file_name, e.quarter, e.sha256[:8]) for e in service.progress.evidence(item))


def test_a_withdrawn_attachment_leaves_the_coordinator_in_either_order(templates, tmp_path) -> None:
    folder, photos = templates
    office = open_copy(folder / "office" / "db.sqlite3", tmp_path / "office")
    progress = office.progress
    item = progress.find_item("1/1.5/2")
    mistake = progress.attach_evidence(item, 2, photos[0])
    progress.attach_evidence(item, 2, photos[1])
    sent, _ = office.export_office(tmp_path / "1-both.trat")
    progress.remove_evidence(item, mistake.id)
    withdrawn, _ = office.export_office(tmp_path / "2-withdrawn.trat")
    assert [e.file_name for e in progress.evidence(item)] == ["photo-1.jpg"]

    states = []
    for n, order in enumerate(([sent, withdrawn], [withdrawn, sent])):
        coordinator = open_copy(folder / "coordinator" / "db.sqlite3", tmp_path / f"coordinator-{n}")
        for path in order:
            coordinator.import_files([path], trust_new=True)
        assert attachments(coordinator) == [("photo-1.jpg", 2, hashlib.sha256(photos[1].read_bytes()).hexdigest()[:8])]
        states.append(coordinator.snapshot())
    assert states[0] == states[1]

    # attached again after the withdrawal: the newer revision wins everywhere
    progress.attach_evidence(item, 2, photos[0])
    again, _ = office.export_office(tmp_path / "3-again.trat")
    with zipfile.ZipFile(again) as z:
        lines = formats.archive.jsonl(z.read("evidence.jsonl"), "evidence.jsonl", "x")
    assert sorted((r["file_name"], r["revision"], r["removed_at"] is None) for r in lines) == [
        ("photo-0.jpg", 3, True), ("photo-1.jpg", 1, True)]
    coordinator = open_copy(folder / "coordinator" / "db.sqlite3", tmp_path / "coordinator-again")
    for path in (again, withdrawn, sent):
        coordinator.import_files([path], trust_new=True)
    assert [name for name, *_ in attachments(coordinator)] == ["photo-0.jpg", "photo-1.jpg"]


def test_a_format_1_file_still_imports_its_attachments(templates, tmp_path) -> None:
    folder, photos = templates
    coordinator = open_copy(folder / "coordinator" / "db.sqlite3", tmp_path / "coordinator")
    office = open_copy(folder / "office" / "db.sqlite3", tmp_path / "office")
    uid = agency_uid(coordinator, EDUCATION)
    row = coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).indicator_uid
    body = photos[0].read_bytes()
    sha = hashlib.sha256(body).hexdigest()
    old = craft(tmp_path / "v1.trat", private_b64=office.my_keys().private_b64, office_uid=uid, sequence=3,
                records=[record(row, uid, 2, 60, revision=4)], manifest_changes={"format_version": 1},
                evidence=[{"indicator_uid": row, "agency_uid": uid, "quarter": 2, "sha256": sha,
                           "file_name": "รูปอบรม.jpg", "size": len(body), "added_at": "2026-01-05T10:00:00+07:00"}],
                blobs={sha: body})
    assert coordinator.import_files([old], trust_new=True).files[0].status == "imported"
    assert attachments(coordinator) == [("รูปอบรม.jpg", 2, sha[:8])]


def test_a_copy_with_other_zip_headers_is_unchanged_not_stale(templates, tmp_path) -> None:
    folder, _ = templates
    office = open_copy(folder / "office" / "db.sqlite3", tmp_path / "office")
    coordinator = open_copy(folder / "coordinator" / "db.sqlite3", tmp_path / "coordinator")
    office.progress.set_progress(office.progress.find_item("1/1.5/2"), 2, achieved="40")
    original, _ = office.export_office(tmp_path / "original.trat")
    copy = rewrite_zip(original, tmp_path / "copy.trat")   # entries re-written: other headers and times
    with zipfile.ZipFile(original) as a, zipfile.ZipFile(copy) as b:
        assert [i.date_time for i in a.infolist()] != [i.date_time for i in b.infolist()]
    assert original.read_bytes() != copy.read_bytes()
    assert coordinator.import_files([original], trust_new=True).files[0].status == "imported"
    result = coordinator.import_files([copy]).files[0]
    assert (result.status, "ลำดับ" in result.reason) == ("unchanged", False), result.reason
    both = coordinator.import_files([copy, original]).files
    assert [r.status for r in both] == ["unchanged", "unchanged"]


# -- property: any order of an office's exports gives one state --------------------------------------
ACTIONS = st.lists(st.tuples(st.sampled_from(["attach", "remove", "value"]), st.integers(0, 1), st.sampled_from([2, 3])),
                   min_size=1, max_size=6)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=st.lists(ACTIONS, min_size=2, max_size=4), seed=st.randoms(use_true_random=False))
def test_any_order_of_an_office_s_exports_gives_one_state(templates, tmp_path_factory, script, seed) -> None:
    folder, photos = templates
    tmp = tmp_path_factory.mktemp("order")
    office = open_copy(folder / "office" / "db.sqlite3", tmp / "office")
    progress = office.progress
    item = progress.find_item("1/1.5/2")
    exports = []
    for step, actions in enumerate(script):
        for action, n, quarter in actions:
            if action == "attach":
                progress.attach_evidence(item, quarter, photos[n])
            elif action == "remove":
                held = [e for e in progress.evidence(item, quarter) if e.file_name == photos[n].name]
                for e in held:
                    progress.remove_evidence(item, e.id)
            else:
                progress.set_progress(item, quarter, achieved=str(10 * step + n))
        exports.append(office.export_office(tmp / f"export-{step}.trat")[0])
    office_state = attachments(office)
    orders = list(itertools.permutations(exports))
    seed.shuffle(orders)
    states = set()
    for n, order in enumerate(orders[:4]):
        coordinator = open_copy(folder / "coordinator" / "db.sqlite3", tmp / f"coordinator-{n}")
        for path in order:
            assert coordinator.import_files([path], trust_new=True).files[0].status != "rejected"
        assert attachments(coordinator) == office_state   # the office's last word, whatever the order
        states.add(tuple(coordinator.snapshot()))
        coordinator.plans.close()
    assert len(states) == 1
