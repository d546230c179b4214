"""A corpus of hostile exchange files, made from real exports through the exchange helpers.

Each case starts from a genuine file (an office export with an attachment, or a plan package) and
changes it the way an attacker, a broken tool or a damaged disk would; most are signed again with the
real key (so they reach the checks after the signature), some keep the old signature (no key needed).
``office_corpus`` and ``plan_corpus`` return the cases; tests/test_hostile_corpus.py runs every one.
"""

from __future__ import annotations

import io
import warnings
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from exchange_helpers import insert_before_end, record, resign, rewrite_zip

from trat_desktop.exchange import archive

MARK = "__RAW__"


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    words: tuple[str, ...]        # what the Thai reason must say
    signed: bool = True           # signed again with the real key (False: needs no key)


def _raw_json(value: dict[str, Any], raw: bytes) -> bytes:
    """JSON of *value* with the string MARK replaced by raw bytes (NaN, 5,000 digits, '\\ud800'...)."""
    return json.dumps(value, ensure_ascii=False).encode().replace(f'"{MARK}"'.encode(), raw)


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def office_corpus(folder: Path, good: Path, private_b64: str, uid: str, row: str, count_row: str) -> list[Case]:
    """Hostile variants of the office export *good* (signed by *private_b64*; *row* is a ร้อยละ row with
    quarter 2 in its period, *count_row* a row counted in whole numbers)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    number = iter(range(1, 10_000))

    def add(words: tuple[str, ...], *, signed: bool = True, label: str = "", **options: Any) -> None:
        path = folder / f"{next(number):03d}-{label or 'case'}.trat"
        resign(good, path, private_b64, keep_signature=not signed, **options)
        cases.append(Case(path.name, path, words, signed))

    def manifest_member(member: bytes) -> Callable[[bytes], bytes]:
        return lambda text: insert_before_end(text, member)

    def progress_line(changes: dict[str, Any] | None = None, raw: bytes | None = None,
                      base: dict[str, Any] | None = None) -> Callable[[dict[str, bytes]], None]:
        line = {**(base or record(row, uid, 2, 60, revision=50)), **(changes or {})}
        body = _raw_json(line, raw) if raw is not None else json.dumps(line, ensure_ascii=False).encode()

        def edit(files: dict[str, bytes]) -> None:
            files["progress.jsonl"] = body + b"\n"
        return edit

    def evidence_line(changes: dict[str, Any], raw: bytes | None = None) -> Callable[[dict[str, bytes]], None]:
        def edit(files: dict[str, bytes]) -> None:
            first = json.loads(files["evidence.jsonl"].split(b"\n")[0])
            line = {**first, **changes}
            files["evidence.jsonl"] = (_raw_json(line, raw) if raw is not None
                                       else json.dumps(line, ensure_ascii=False).encode()) + b"\n"
        return edit

    # -- the manifest, parsed before the signature is checked: no key needed ------------------------
    add(("ลึก",), signed=False, label="nested-manifest", manifest_edit=manifest_member(b'"x": ' + _nested(100_000)))
    add(("ลึก",), signed=False, label="manifest-is-nesting", manifest_edit=lambda _t: _nested(200_000))
    add(("ตัวเลขยาว",), signed=False, label="5000-digits", manifest_edit=manifest_member(b'"x": 1' + b"0" * 5000))
    add(("ตัวเลขยาว",), signed=False, label="5000-digit-float",
        manifest_edit=manifest_member(b'"x": 0.' + b"1" * 5000))
    add(("NaN",), signed=False, label="nan-manifest", manifest_edit=manifest_member(b'"x": NaN'))
    add(("Infinity",), signed=False, label="inf-manifest", manifest_edit=manifest_member(b'"x": -Infinity'))
    add(("ใหญ่เกิน",), signed=False, label="1e400-manifest", manifest_edit=manifest_member(b'"x": 1e400'))
    add(("ซ้ำ",), signed=False, label="duplicate-key", manifest_edit=manifest_member(b'"sequence": 9'))
    add(("surrogate",), signed=False, label="lone-surrogate", manifest_edit=manifest_member(b'"x": "\\ud800"'))
    add(("surrogate",), signed=False, label="lone-surrogate-key", manifest_edit=manifest_member(b'"\\udfff": 1'))
    add(("อ่านไม่ได้",), signed=False, label="utf8-surrogate", manifest_edit=manifest_member(b'"x": "\xed\xa0\x80"'))
    add(("จำนวนเต็ม",), signed=False, label="int-2-63", manifest_edit=manifest_member(b'"x": 9223372036854775808'))
    add(("ไม่ถูกต้อง",), signed=False, label="manifest-list", manifest_edit=lambda _t: b"[1, 2]")
    add(("ลายมือชื่อ",), signed=False, label="re-sequenced", manifest_changes={"sequence": 99})
    add(("กุญแจ",), signed=False, label="huge-key", manifest_changes={"signer_public_key": "A" * 10_000})
    add(("รุ่นใหม่กว่า",), signed=False, label="future-unsigned", manifest_changes={"format_version": 99})
    path = folder / f"{next(number):03d}-huge-signature.trat"
    rewrite_zip(good, path, drop={archive.SIGNATURE}, add={archive.SIGNATURE: b"A" * 1_000_000})
    cases.append(Case(path.name, path, ("ลายมือชื่อ",), False))
    path = folder / f"{next(number):03d}-duplicate-entry.trat"
    with zipfile.ZipFile(good) as z:
        manifest = z.read(archive.MANIFEST)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the duplicate name is the point
        rewrite_zip(good, path, add={archive.MANIFEST: manifest})
    cases.append(Case(path.name, path, ("ไม่อนุญาต",), False))
    path = folder / f"{next(number):03d}-bad-crc.trat"
    path.write_bytes(_stored_with_bad_crc(good))
    cases.append(Case(path.name, path, ("เสียหาย",), False))

    # -- signed with the office's real key: the header ---------------------------------------------------
    add(("จำนวนเต็ม",), label="sequence-2-63", manifest_edit=lambda t: t.replace(b'"sequence": 2', b'"sequence": 9223372036854775808'))
    add(("ลำดับ",), label="sequence-2-62", manifest_changes={"sequence": 2**62})
    add(("ตัวเลขยาว",), label="sequence-5000-digits",
        manifest_edit=lambda t: t.replace(b'"sequence": 2', b'"sequence": 2' + b"0" * 5000))
    add(("ลำดับ",), label="sequence-float", manifest_changes={"sequence": 2.0})
    add(("ปีงบประมาณ",), label="year-float", manifest_changes={"fiscal_year": 2569.0})
    add(("ปีงบประมาณ",), label="year-huge", manifest_changes={"fiscal_year": 2**62})
    add(("หน่วยงาน",), label="office-list", manifest_changes={"office": [uid]})
    add(("จังหวัดอื่น",), label="no-province", manifest_changes={"province": None})
    add(("รุ่นใหม่กว่า",), label="future-signed", manifest_changes={"format_version": 10**18})
    add(("รุ่น",), label="version-zero", manifest_changes={"format_version": 0})
    add(("ไม่ตรงกับรายการกำกับ",), label="digest-int",
        manifest_edit=lambda t: t.replace(b'"progress.jsonl": "', b'"progress.jsonl": 1, "x": "'))
    add(("ไม่มีรายชื่อไฟล์",), label="files-list", manifest_edit=lambda t: t.replace(b'"files": {', b'"files": [{', 1)
        .replace(b'},\n "fiscal_year"', b'}],\n "fiscal_year"', 1))
    add(("ลึก",), label="nested-signed", manifest_edit=manifest_member(b'"x": ' + _nested(50)))

    # -- signed: progress rows ----------------------------------------------------------------------------
    add(("งบประมาณที่ใช้", "มากเกิน"), label="spent-1e13-baht", entries=progress_line({"spent_satang": 10**15}))
    add(("จำนวนเต็ม",), label="spent-2-63", entries=progress_line({"spent_satang": 2**63}))
    add(("งบประมาณที่ใช้", "ชนิด"), label="spent-float", entries=progress_line({"spent_satang": 1.5}))
    add(("งบประมาณที่ใช้", "ติดลบ"), label="spent-negative", entries=progress_line({"spent_satang": -1}))
    add(("NaN",), label="achieved-nan", entries=progress_line({"achieved": MARK}, b"NaN"))
    add(("ใหญ่เกิน",), label="achieved-1e400", entries=progress_line({"achieved": MARK}, b"1e400"))
    add(("ตัวเลขยาว",), label="achieved-5000-digits", entries=progress_line({"achieved": MARK}, b"7" * 5000))
    add(("ร้อยละ", "๑๐๐.๐๐๐๐๐๑"), label="achieved-percent-over", entries=progress_line({"achieved": 100.000001}))
    add(("มากเกิน",), label="count-2-62", entries=progress_line(
        base=record(count_row, uid, 2, 2**62, revision=50)))
    add(("จำนวนเต็มตั้งแต่", "-๐.๐๐๑"), label="count-minus-tiny", entries=progress_line(
        base=record(count_row, uid, 2, -0.001, revision=50)))
    add(("จำนวนเต็ม",), label="revision-2-63", entries=progress_line({"revision": 2**63}))
    add(("ครั้งที่แก้ไข",), label="revision-2-60", entries=progress_line({"revision": 2**60}))
    add(("จำนวนเต็ม",), label="quarter-2-64", entries=progress_line({"quarter": 2**64}))
    add(("ผลการดำเนินงาน", "ไม่มีข้อมูล"), label="no-achieved", entries=progress_line(
        base={k: v for k, v in record(row, uid, 2, 60, revision=50).items() if k != "achieved"}))
    add(("surrogate",), label="note-surrogate", entries=progress_line({"note": MARK}, b'"\\ud83d"'))
    add(("ลึก",), label="line-nesting", entries=progress_line({"note": MARK}, _nested(20_000)))
    add(("ซ้ำ",), label="line-duplicate-key", entries=progress_line({"note": MARK}, b'"a", "note": "b"'))
    add(("รายละเอียดผลการดำเนินงาน", "ยาวเกิน"), label="note-too-long", entries=progress_line({"note": "ก" * 4001}))
    add(("สถานะ",), label="status-int", entries=progress_line({"status": 3}))

    # -- signed: evidence -----------------------------------------------------------------------------------
    add(("จำนวนเต็ม",), label="evidence-size-2-64", entries=evidence_line({"size": 2**64}))
    add(("หลักฐาน",), label="evidence-size-negative", entries=evidence_line({"size": -1}))
    add(("ไม่อนุญาต",), label="evidence-name-controls", entries=evidence_line({"file_name": "\x00\x01\u2028"}))
    add(("ไม่อนุญาต",), label="evidence-name-dots", entries=evidence_line({"file_name": "..\x00"}))
    add(("หลักฐาน",), label="evidence-revision-0", entries=evidence_line({"revision": 0}))
    add(("เวลาที่ถอนหลักฐาน", "ชนิด"), label="evidence-removed-int", entries=evidence_line({"removed_at": 5}))
    add(("ค่าแฮช",), label="evidence-wrong-size", entries=evidence_line({"size": 1}))
    return cases


def _stored_with_bad_crc(good: Path) -> bytes:
    """The export written without compression, with one byte of the progress data changed in place
    (the zip's CRC no longer matches)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info))
    data = bytearray(buf.getvalue())
    at = data.index(b'"indicator_uid"')
    data[at + 1] ^= 0x01
    return bytes(data)


def plan_corpus(folder: Path, package: Path, private_b64: str) -> list[Case]:
    """Hostile variants of the plan package *package* (signed by the coordinator key *private_b64*)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    number = iter(range(1, 10_000))
    with zipfile.ZipFile(package) as z:
        plan = json.loads(z.read("plan.json"))
        revision = json.loads(z.read(archive.MANIFEST))["revision"] + 1
    plan["revision"] = revision

    def add(words: tuple[str, ...], edit: Callable[[dict[str, Any]], Any] | None = None, raw: bytes | None = None,
            body: bytes | None = None, signed: bool = True, label: str = "", **options: Any) -> None:
        data = json.loads(json.dumps(plan))
        if edit is not None:
            edit(data)
        text = body if body is not None else (_raw_json(data, raw) if raw is not None
                                               else json.dumps(data, ensure_ascii=False).encode())

        def entries(files: dict[str, bytes]) -> None:
            files["plan.json"] = text
        path = folder / f"{next(number):03d}-{label or 'plan'}.trat"
        changes = {"revision": revision, **options.pop("manifest_changes", {})}
        resign(package, path, private_b64, entries=entries, manifest_changes=changes,
               keep_signature=not signed, **options)
        cases.append(Case(path.name, path, words, signed))

    def first_row(data: dict[str, Any]) -> dict[str, Any]:
        return data["strategies"][0]["tactics"][0]["activities"][0]["rows"][0]

    def set_row(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
        return lambda data: first_row(data).__setitem__(key, value)

    add(("NaN",), set_row("target", MARK), b"NaN", label="target-nan")
    add(("ใหญ่เกิน",), set_row("target", MARK), b"1e400", label="target-1e400")
    add(("เป้าหมาย",), set_row("target", -1), label="target-negative")
    add(("เป้าหมาย",), set_row("target", 1e13), label="target-1e13")
    add(("จำนวนเต็ม",), set_row("budget_lines", [["amount", MARK, None]]), b"9223372036854775808",
        label="budget-2-63")
    add(("งบประมาณ",), set_row("budget_lines", [["amount", 10**14, None]]), label="budget-1e12-baht")
    add(("งบประมาณ",), set_row("budget_lines", {"amount": 1}), label="budget-lines-dict")
    add(("จำนวนเต็ม",), set_row("quarters", [1, MARK]), b"9223372036854775808", label="quarter-2-63")
    add(("หน่วยงาน",), set_row("agencies", ["ไม่มีหน่วยงานนี้"]), label="unknown-agency")
    add(("ลึก",), set_row("unit", MARK), _nested(10_000), label="nested-plan")
    add(("surrogate",), lambda d: d.__setitem__("title", MARK), b'"\\udc80"', label="title-surrogate")
    add(("คำเตือน",), lambda d: d.__setitem__("warnings", [["X", "y", 2**62]]), label="warning-line-huge")
    add(("โครงสร้าง",), body=b"[1, 2, 3]", label="plan-list")
    add(("รหัสประจำรายการ",), lambda d: d["strategies"][0].__setitem__("uid", d["agencies"][0]["uid"]), label="duplicate-uid")
    add(("ไม่ตรงกับรายการกำกับ",), lambda d: d.__setitem__("fiscal_year", 2570), label="year-mismatch")
    add(("ตัวเลขยาว",), signed=False, label="revision-5000-digits",
        manifest_edit=lambda t: insert_before_end(t, b'"x": 1' + b"0" * 5000))
    add(("ลึก",), signed=False, label="nested-manifest",
        manifest_edit=lambda t: insert_before_end(t, b'"x": ' + _nested(100_000)))
    add(("ลายมือชื่อ",), signed=False, label="unsigned-target", edit=set_row("target", 5))
    return cases
