"""Exports: evidence that is compressed already is stored, not deflated again; an export the coordinator's
import would refuse by its limits is refused before anything is written or a sequence number is used."""

from __future__ import annotations

import zipfile

import pytest
from exchange_helpers import EDUCATION, installation

from trat_desktop.errors import TratError
from trat_desktop.exchange import archive


def _office(tmp_path):
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    item = next(i for i in office.progress.work_items() if 2 in i.quarters())
    return office, item


def test_photos_and_pdfs_are_stored_and_text_is_deflated(tmp_path):
    office, item = _office(tmp_path)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 400)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + b"x" * 5000)
    office.progress.set_progress(item, 2, note="อบรม " * 200)
    office.progress.attach_evidence(item, 2, photo)
    office.progress.attach_evidence(item, 2, pdf)
    path, _ = office.export_office(tmp_path / "out.trat")
    with zipfile.ZipFile(path) as z:
        kinds = {i.filename: i.compress_type for i in z.infolist()}
    evidence = [k for name, k in kinds.items() if name.startswith("evidence/")]
    assert evidence == [zipfile.ZIP_STORED, zipfile.ZIP_STORED]
    assert kinds["progress.jsonl"] == zipfile.ZIP_DEFLATED and kinds["manifest.json"] == zipfile.ZIP_DEFLATED
    coordinator = installation(tmp_path / "c.sqlite3", "coordinator")
    assert coordinator.import_files([path], trust_new=True).files[0].status == "imported"


def test_an_export_over_the_import_limits_is_refused_before_writing(tmp_path, monkeypatch):
    office, item = _office(tmp_path)
    big = tmp_path / "scan.png"
    big.write_bytes(b"\x89PNG" + b"\0" * 300_000)
    office.progress.attach_evidence(item, 2, big)
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 200_000)
    with pytest.raises(TratError, match="ใหญ่เกินกว่าที่ปลายทางรับได้") as caught:
        office.export_office(tmp_path / "out.trat")
    assert "นำไฟล์หลักฐาน" in caught.value.message
    assert not (tmp_path / "out.trat").exists() and not list(tmp_path.glob(".*tmp*"))
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 400 * 1024 * 1024)
    _path, sequence = office.export_office(tmp_path / "out.trat")
    assert sequence == 1  # the refused export used no number
