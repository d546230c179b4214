"""Bad input: every hostile or broken file is rejected with a Thai reason and changes nothing."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from exchange_helpers import EDUCATION, agency_uid, craft, installation, record, rewrite_zip

from trat_desktop.exchange import archive, formats, keys


@pytest.fixture
def setup(tmp_path: Path):
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    coordinator = installation(tmp_path / "coordinator.sqlite3", "coordinator")
    progress = office.progress
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="50")
    first, _ = office.export_office(tmp_path / "first.trat")
    assert coordinator.import_files([first], trust_new=True).ok
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="80")
    good, _ = office.export_office(tmp_path / "good.trat")
    uid = agency_uid(coordinator, EDUCATION)
    row = coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).indicator_uid
    return office, coordinator, tmp_path, good, uid, row


def rejected(coordinator, path: Path, *words: str) -> str:
    before = coordinator.snapshot()
    keys_before = coordinator.office_keys()
    result = coordinator.import_files([path], trust_new=True).files[0]
    assert result.status == "rejected", result
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in result.reason)
    for word in words:
        assert word in result.reason, result.reason
    assert coordinator.snapshot() == before
    assert coordinator.office_keys() == keys_before
    return result.reason


def test_truncated_file(setup) -> None:
    _, coordinator, tmp, good, *_ = setup
    data = good.read_bytes()
    for cut in (10, len(data) // 2, len(data) - 30):
        bad = tmp / f"cut{cut}.trat"
        bad.write_bytes(data[:cut])
        rejected(coordinator, bad)


def test_bit_flips_anywhere(setup) -> None:
    _, coordinator, tmp, good, *_ = setup
    data = bytearray(good.read_bytes())
    outcomes = []
    for position in range(0, len(data), max(1, len(data) // 25)):
        flipped = bytearray(data)
        flipped[position] ^= 0x10
        bad = tmp / f"flip{position}.trat"
        bad.write_bytes(bytes(flipped))
        before = coordinator.snapshot()
        result = coordinator.import_files([bad], trust_new=True).files[0]
        # a flip in bytes the reader ignores (e.g. zip timestamps) leaves the signed content intact:
        # then it is the same good data (or, once taken, a stale copy of it)
        assert result.status in ("rejected", "imported", "unchanged", "stale")
        outcomes.append(result.status)
        if result.status == "rejected":
            assert coordinator.snapshot() == before
        else:
            assert coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).entries[2].achieved == 80
    assert outcomes.count("rejected") >= len(outcomes) * 0.7, outcomes


def test_missing_or_bad_signature(setup) -> None:
    office, coordinator, tmp, good, uid, row = setup
    rejected(coordinator, rewrite_zip(good, tmp / "nosig.trat", drop={"signature"}), "ลายมือชื่อ")
    with zipfile.ZipFile(good) as z:
        manifest = z.read("manifest.json")
    other = keys.generate()
    forged_sig = keys.sign(other.private_b64, manifest).encode()
    rejected(coordinator, rewrite_zip(good, tmp / "badsig.trat", drop={"signature"}, add={"signature": forged_sig}),
             "ลายมือชื่อดิจิทัล")
    tampered = manifest.replace(b'"sequence": 2', b'"sequence": 9')
    assert tampered != manifest
    rejected(coordinator, rewrite_zip(good, tmp / "tampered.trat", drop={"manifest.json"},
                                      add={"manifest.json": tampered}), "ลายมือชื่อดิจิทัล")
    swapped = rewrite_zip(good, tmp / "swapped.trat", drop={"progress.jsonl"},
                          add={"progress.jsonl": archive.dumps_jsonl([record(row, uid, 2, 99, revision=9)])})
    rejected(coordinator, swapped, "ค่าแฮช")


@pytest.mark.parametrize(("changes", "words"), [
    ({"format_version": formats.FORMAT_VERSION + 1}, ("รุ่นใหม่กว่า",)),
    ({"format_version": "one"}, ("รุ่น",)),
    ({"format": "something-else"}, ("ไม่ใช่ไฟล์แลกเปลี่ยน",)),
    ({"format": "trat-plan-package"}, ("แพ็กเกจแผน",)),
    ({"province": "จันทบุรี"}, ("จังหวัดอื่น",)),
    ({"fiscal_year": 2571}, ("2571",)),
    ({"sequence": 0}, ("ลำดับ",)),
    ({"office": {"uid": "00000000-0000-0000-0000-000000000000"}}, ("ทะเบียน",)),
])
def test_wrong_header(setup, changes, words) -> None:
    office, coordinator, tmp, _, uid, row = setup
    bad = craft(tmp / "bad.trat", private_b64=office.my_keys().private_b64, office_uid=uid, sequence=5,
                records=[record(row, uid, 2, 60, revision=7)], manifest_changes=changes)
    rejected(coordinator, bad, *words)


def test_coordinators_own_file(setup) -> None:
    _, coordinator, tmp, _, uid, row = setup
    mine = craft(tmp / "mine.trat", private_b64=coordinator.my_keys().private_b64, office_uid=uid, sequence=5,
                 records=[record(row, uid, 2, 60, revision=7)])
    rejected(coordinator, mine, "เครื่องนี้เอง")


def test_path_traversal_and_unknown_entries(setup) -> None:
    _, coordinator, tmp, good, *_ = setup
    for name in ("../../evil.txt", "/etc/passwd", "evidence/../../x", "C:\\windows\\x", "evidence/" + "a" * 63 + "Z",
                 "notes.txt"):
        bad = rewrite_zip(good, tmp / "trav.trat", add={name: b"x"})
        rejected(coordinator, bad, "ไม่อนุญาต")
        assert not (tmp.parent / "evil.txt").exists()


def test_zip_bomb_and_oversized(setup, monkeypatch) -> None:
    office, coordinator, tmp, _, uid, row = setup
    bomb = tmp / "bomb.trat"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("progress.jsonl", b"\n" * (30 * 1024 * 1024))
    rejected(coordinator, bomb, "zip bomb")
    monkeypatch.setattr(archive, "MAX_FILE_BYTES", 1000)
    big = craft(tmp / "big.trat", private_b64=office.my_keys().private_b64, office_uid=uid, sequence=5,
                records=[record(row, uid, 2, 60, revision=7, note="ก" * 900)])
    rejected(coordinator, big, "ใหญ่เกินไป")


def test_too_many_entries(setup, monkeypatch) -> None:
    _, coordinator, tmp, good, *_ = setup
    monkeypatch.setattr(archive, "MAX_ENTRIES", 3)
    rejected(coordinator, good, "มากเกินไป")


@pytest.mark.parametrize(("make_records", "words"), [
    (lambda uid, row: [{"indicator_uid": row}], ("ไม่มีข้อมูล",)),
    (lambda uid, row: [{**record(row, uid, 2, 60, 7), "achieved": "หกสิบ"}], ("ชนิด",)),
    (lambda uid, row: [{**record(row, uid, 2, 60, 7), "quarter": 9}], ("ไตรมาส",)),
    (lambda uid, row: [record(row, uid, 2, 60, 7, status="finished")], ("สถานะ",)),
    (lambda uid, row: [record(row, uid, 2, 60, 7, note="ก" * 5000)], ("ยาวเกิน",)),
    (lambda uid, row: [record(row, uid, 2, 60, 7), record(row, uid, 2, 61, 8)], ("ซ้ำ",)),
    (lambda uid, row: [record("11111111-1111-1111-1111-111111111111", uid, 2, 6, 7)], ("แผนอื่น",)),
    (lambda uid, row: [{**record(row, uid, 2, 60, 7), "revision": True}], ("ชนิด",)),
])
def test_malformed_or_impossible_content(setup, make_records, words) -> None:
    office, coordinator, tmp, _, uid, row = setup
    bad = craft(tmp / "bad.trat", private_b64=office.my_keys().private_b64, office_uid=uid, sequence=5,
                records=make_records(uid, row))
    rejected(coordinator, bad, *words)


def test_values_outside_the_plan_are_held_aside_not_taken_and_not_refusing_the_file(setup) -> None:
    """A row the office does not answer for, a quarter outside the period, a value outside the unit:
    whether a hostile file or an office entry made before a plan change, nothing is stored until the
    coordinator accepts it; the file's other rows import."""
    office, coordinator, tmp, _, uid, row = setup
    other_row = coordinator.progress.find_item("1/1.1/1", agency="สำนักงานคลังจังหวัดตราด").indicator_uid
    before = {(k[0], k[1], k[2]): k for k in coordinator.snapshot() if k[0] != "conflict"}
    bad = craft(tmp / "bad.trat", private_b64=office.my_keys().private_b64, office_uid=uid, sequence=5,
                records=[record(other_row, uid, 2, 60, 7), record(row, uid, 1, 60, 7),
                         record(row, uid, 3, 150, 7), record(row, uid, 2, 90, 8)])
    result = coordinator.import_files([bad], trust_new=True).files[0]
    assert (result.status, result.held, result.updated) == ("conflict", 3, 1), result
    assert "อยู่นอกแผนปัจจุบัน" in result.reason
    held = {(h.theirs.indicator_uid, h.theirs.quarter): h.reasons for h in coordinator.held_values()}
    assert held == {(other_row, 2): ("agency_unassigned",), (row, 1): ("quarter_outside",),
                    (row, 3): ("value_unfit",)}
    after = {(k[0], k[1], k[2]): k for k in coordinator.snapshot() if k[0] != "conflict"}
    assert set(after) == set(before)  # nothing stored outside the plan
    assert after[(row, uid, 2)][3] == 90


def test_unparseable_json_lines(setup) -> None:
    office, coordinator, tmp, _, uid, _ = setup
    for body in (b"{not json}\n", b"[1, 2]\n", b"\xff\xfe\x00garbage\n", b'{"a": "' + b"x" * 70000 + b'"}\n'):
        files = {"progress.jsonl": body, "evidence.jsonl": b""}
        manifest = {"format": "trat-office-export", "format_version": 1, "province": "ตราด", "fiscal_year": 2569,
                    "office": {"uid": uid}, "sequence": 5, "signer_public_key": office.my_keys().public_b64,
                    "files": {n: hashlib.sha256(b).hexdigest() for n, b in files.items()}}
        files["manifest.json"] = archive.dumps_json(manifest)
        bad = tmp / "json.trat"
        archive.write_archive(bad, files, office.my_keys().private_b64)
        rejected(coordinator, bad, "progress.jsonl")


def test_evidence_whose_hash_does_not_match(setup) -> None:
    office, coordinator, tmp, _, uid, row = setup
    real = b"real photo"
    sha = hashlib.sha256(real).hexdigest()
    evidence = [{"indicator_uid": row, "agency_uid": uid, "quarter": 2, "sha256": sha, "file_name": "p.jpg",
                 "size": len(real), "added_at": "2026-01-01"}]
    bad = craft(tmp / "ev.trat", private_b64=office.my_keys().private_b64, office_uid=uid, sequence=5,
                records=[record(row, uid, 2, 60, 7)], evidence=evidence, blobs={sha: b"another photo"})
    rejected(coordinator, bad, "ค่าแฮช")
    sneaky = [{**evidence[0], "file_name": "../../x.jpg"}]
    bad = craft(tmp / "ev2.trat", private_b64=office.my_keys().private_b64, office_uid=uid, sequence=5,
                records=[record(row, uid, 2, 60, 7)], evidence=sneaky, blobs={sha: real})
    rejected(coordinator, bad, "ไม่อนุญาต")


def test_not_a_zip_and_empty_and_missing(setup) -> None:
    _, coordinator, tmp, *_ = setup
    for name, body in (("empty.trat", b""), ("text.trat", "สวัสดี".encode()), ("png.trat", b"\x89PNG\r\n\x1a\n" + b"0" * 50)):
        (tmp / name).write_bytes(body)
        rejected(coordinator, tmp / name, "ไม่ใช่ไฟล์แลกเปลี่ยน")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("progress.jsonl", b"")
    (tmp / "nomanifest.trat").write_bytes(buf.getvalue())
    rejected(coordinator, tmp / "nomanifest.trat", "รายการกำกับ")
    rejected(coordinator, tmp / "does-not-exist.trat", "อ่านไฟล์")


def test_a_row_of_another_years_plan_is_refused_even_when_it_has_progress(setup) -> None:
    from trat_desktop.services.plan_edit import PlanEditService

    office, coordinator, tmp, _, uid, _row = setup
    PlanEditService(coordinator.progress).copy_year(2569, 2570)
    progress = coordinator.progress
    later = progress.find_item("1/1.5/2", agency=EDUCATION, fiscal_year=2570)
    progress.set_progress(later, 2, achieved="10")  # the coordinator's own entry on the 2570 row
    bad = craft(tmp / "year.trat", private_b64=office.my_keys().private_b64, office_uid=uid, sequence=5,
                records=[record(later.indicator_uid, uid, 2, 60, 7)])
    rejected(coordinator, bad, "แผนอื่น")


def _evidence_file(tmp: Path, office, uid: str, records, evidence_for: tuple[str, int]) -> Path:
    body = b"photo of the meeting"
    sha = hashlib.sha256(body).hexdigest()
    evidence = [{"indicator_uid": evidence_for[0], "agency_uid": uid, "quarter": evidence_for[1], "sha256": sha,
                 "file_name": "p.jpg", "size": len(body), "added_at": "2026-01-01"}]
    return craft(tmp / f"ev-{evidence_for[1]}.trat", private_b64=office.my_keys().private_b64, office_uid=uid,
                 sequence=5, records=records, evidence=evidence, blobs={sha: body})


def test_evidence_for_a_row_the_office_is_not_responsible_for(setup) -> None:
    office, coordinator, tmp, _, uid, row = setup
    other_row = coordinator.progress.find_item("1/1.1/1", agency="สำนักงานคลังจังหวัดตราด").indicator_uid
    bad = _evidence_file(tmp, office, uid, [record(row, uid, 2, 60, 7)], (other_row, 2))
    rejected(coordinator, bad, "หลักฐาน")


def test_evidence_for_a_quarter_outside_the_rows_period(setup) -> None:
    office, coordinator, tmp, _, uid, row = setup
    item = coordinator.progress.find_item("1/1.5/2", agency=EDUCATION)
    outside = next(q for q in (1, 2, 3, 4) if not item.row.quarter_from <= q <= item.row.quarter_to)
    bad = _evidence_file(tmp, office, uid, [record(row, uid, 2, 60, 7)], (row, outside))
    rejected(coordinator, bad, "หลักฐาน")


def test_evidence_for_an_own_row_and_quarter_without_a_value_imports(setup) -> None:
    office, coordinator, tmp, _, uid, row = setup
    item = coordinator.progress.find_item("1/1.5/2", agency=EDUCATION)
    other_quarter = next(q for q in item.row.quarters() if q != 2)
    good = _evidence_file(tmp, office, uid, [record(row, uid, 2, 60, 7)], (row, other_quarter))
    assert coordinator.import_files([good], trust_new=True).files[0].status == "imported"
