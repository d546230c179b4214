"""Reading and writing exchange archives (zip) with hard limits against hostile files."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any, Callable

from ..atomic import atomic_write
from ..errors import TratError
from ..i18n import N_
from ..i18n import keyed as _  # refusals become the import ledger's reasons, stored and shown again (i18n.remake)
from . import keys, safe_json

# Limits (documented in docs/exchange-format.md)
MAX_FILE_BYTES = 200 * 1024 * 1024          # the archive on disk
MAX_ENTRIES = 5000
MAX_ENTRY_BYTES = 60 * 1024 * 1024          # one entry, uncompressed
MAX_TOTAL_BYTES = 400 * 1024 * 1024         # all entries, uncompressed
MAX_RATIO = 200                             # uncompressed / compressed, for entries over 1 MB
MAX_MANIFEST_BYTES = 1024 * 1024
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)

MANIFEST = "manifest.json"
ENTRY_NAMES = {"progress.jsonl": N_("ข้อมูลผลการดำเนินงาน"), "evidence.jsonl": N_("รายการหลักฐาน")}
SIGNATURE = "signature"


class BadArchive(TratError):
    """A file that is not a sound exchange archive; nothing has been changed."""


class KeyNotTrusted(BadArchive):
    """A correctly signed file from a key not yet pinned: ask a person to confirm *fingerprint*."""

    def __init__(self, message: str, fingerprint: str) -> None:
        super().__init__(message)
        self.fingerprint = fingerprint


def _thai_bytes(n: int) -> str:
    return f"{n / (1024 * 1024):,.0f} MB"


def _os_reason(exc: OSError) -> str:
    """Why a file could not be read, in the screen's language."""
    import errno

    return {errno.ENOENT: _("ไม่พบไฟล์"), errno.EACCES: _("ไม่มีสิทธิ์อ่านไฟล์"), errno.EPERM: _("ไม่มีสิทธิ์อ่านไฟล์"),
            errno.EISDIR: _("เป็นโฟลเดอร์ ไม่ใช่ไฟล์"), errno.EIO: _("อ่านข้อมูลจากดิสก์ไม่ได้")}.get(
        exc.errno or 0, _("ระบบปฏิบัติการไม่ยอมให้อ่าน"))


#: an archive up to this size is read once into memory (hashed and unzipped from there); a larger one is
#: hashed in chunks and unzipped from the disk, so memory stays small whatever the evidence weighs
READ_WHOLE_BYTES = 16 * 1024 * 1024
_CHUNK = 1 << 20


class OpenArchive:
    """An archive checked against the limits: its small entries read, its *lazy* entries (evidence) only
    hashed in chunks, to be copied out later by :meth:`copy_entry` (never held in memory)."""

    def __init__(self, name: str, zip_file: zipfile.ZipFile, sha: str) -> None:
        self.name = name
        self.sha = sha
        self.entries: dict[str, bytes] = {}
        #: lazy entry name -> (sha256 hex of its contents, size)
        self.lazy: dict[str, tuple[str, int]] = {}
        self._zip = zip_file
        self._infos: dict[str, zipfile.ZipInfo] = {}

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> "OpenArchive":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def copy_entry(self, name: str, target: Path, what: str = "ไฟล์") -> None:
        """Write a lazy entry to *target* whole or not at all, checking on the way that it is still the
        contents that were hashed (BadArchive otherwise; nothing is left under *target*)."""
        digest, size = self.lazy[name]
        with atomic_write(target, what) as tmp:
            with open(tmp, "wb") as out:
                got = _stream_entry(self._zip, self._infos[name], self.name, out.write)
            if got != (digest, size):  # the temporary file is removed, nothing is renamed
                raise BadArchive(_("ไฟล์ “{name}” เปลี่ยนไประหว่างการนำเข้า จึงไม่นำเข้าทั้งไฟล์").format(name=self.name))


def read_file(path: Path) -> tuple[str, bytes | None]:
    """An archive's sha256 (what the import ledger knows it by), checked against the size limit, and its
    bytes when it is small enough to keep for unzipping (None: hashed in chunks, unzipped from the disk)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BadArchive(_("อ่านไฟล์ “{name}” ไม่ได้: {reason}").format(name=path.name, reason=_os_reason(exc))) from exc
    if size > MAX_FILE_BYTES:
        raise BadArchive(_("ไฟล์ “{name}” ใหญ่เกินไป ({size}; รับได้ไม่เกิน {limit})").format(
            name=path.name, size=_thai_bytes(size), limit=_thai_bytes(MAX_FILE_BYTES)))
    try:
        if size <= READ_WHOLE_BYTES:
            data = path.read_bytes()
            return hashlib.sha256(data).hexdigest(), data
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(_CHUNK), b""):
                digest.update(chunk)
        return digest.hexdigest(), None
    except OSError as exc:
        raise BadArchive(_("อ่านไฟล์ “{name}” ไม่ได้: {reason}").format(name=path.name, reason=_os_reason(exc))) from exc


def open_archive(path: Path, allowed: re.Pattern[str], lazy: re.Pattern[str] | None = None,
                 read: tuple[str, bytes | None] | None = None) -> OpenArchive:
    """Open an archive checked against the limits: every entry read (or, matching *lazy*, hashed), with the
    file's own sha256. *read*: what :func:`read_file` gave for it already. The caller closes it."""
    path = Path(path)
    sha, data = read if read is not None else read_file(path)
    source: Any = io.BytesIO(data) if data is not None else path
    try:
        zip_file = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise BadArchive(_("ไฟล์ “{name}” ไม่ใช่ไฟล์แลกเปลี่ยนของ Trat Desktop หรือไฟล์ไม่ครบ/เสียหาย").format(
            name=path.name)) from None
    opened = OpenArchive(path.name, zip_file, sha)
    try:
        infos = zip_file.infolist()
        if len(infos) > MAX_ENTRIES:
            raise BadArchive(_("ไฟล์ “{name}” มีรายการมากเกินไป ({count} รายการ)").format(
                name=path.name, count=f"{len(infos):,}"))
        total = 0
        for info in infos:
            name = info.filename
            if not allowed.fullmatch(name) or name in opened._infos:
                raise BadArchive(_("ไฟล์ “{name}” มีรายการที่ไม่อนุญาต (“{entry}”) จึงไม่นำเข้า").format(
                    name=path.name, entry=name[:80]))
            opened._infos[name] = info
            if lazy is not None and lazy.fullmatch(name):
                digest_hex, length = _stream_entry(zip_file, info, path.name, None)
                opened.lazy[name] = (digest_hex, length)
            else:
                body = _read_entry(zip_file, info, path.name)
                length = len(body)
                opened.entries[name] = body
            total += length
            if total > MAX_TOTAL_BYTES:
                raise BadArchive(_("ไฟล์ “{name}” เมื่อแตกออกใหญ่เกิน {limit}").format(
                    name=path.name, limit=_thai_bytes(MAX_TOTAL_BYTES)))
    except BaseException:
        opened.close()
        raise
    return opened


def read_archive(path: Path, allowed: re.Pattern[str]) -> tuple[dict[str, bytes], str]:
    """All entries of an archive, checked against the limits; returns (entries, sha256 of the file)."""
    with open_archive(path, allowed) as opened:
        return opened.entries, opened.sha


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file_name: str) -> bytes:
    """Read one entry in chunks, counting real bytes (headers can lie)."""
    out = bytearray()
    _stream_entry(archive, info, file_name, out.extend, hashed=False)
    return bytes(out)


def _stream_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file_name: str,
                  sink: Callable[[bytes], Any] | None, hashed: bool = True) -> tuple[str, int]:
    """Pass one entry in chunks to *sink*, counting real bytes (headers can lie) against the limits;
    returns (sha256 hex of the contents or '', size)."""
    digest = hashlib.sha256() if hashed else None
    size = 0
    compressed = max(info.compress_size, 1)
    try:
        with archive.open(info) as fh:
            while True:
                chunk = fh.read(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_ENTRY_BYTES:
                    raise BadArchive(_("รายการ “{entry}” ในไฟล์ “{name}” ใหญ่เกินไป").format(
                        entry=info.filename, name=file_name))
                if size > 1024 * 1024 and size / compressed > MAX_RATIO:
                    raise BadArchive(_("ไฟล์ “{name}” มีลักษณะเป็นไฟล์บีบอัดอันตราย (zip bomb) จึงไม่นำเข้า").format(
                        name=file_name))
                if digest is not None:
                    digest.update(chunk)
                if sink is not None:
                    sink(chunk)
    except BadArchive:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        raise BadArchive(_("ไฟล์ “{name}” เสียหาย (ข้อมูลไม่ตรงกับค่าตรวจสอบ) จึงไม่นำเข้า").format(name=file_name)) from None
    return (digest.hexdigest() if digest is not None else "", size)


#: Leading bytes of contents that are compressed already (JPEG, PNG, GIF, WebP, PDF streams are not,
#: but zip-based files such as .docx/.xlsx and archives are): stored as they are, not deflated again.
_COMPRESSED_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"RIFF", b"PK\x03\x04", b"\x1f\x8b", b"7z\xbc\xaf",
                     b"\x00\x00\x00\x18ftyp", b"\x00\x00\x00\x1cftyp", b"\x00\x00\x00\x20ftyp", b"%PDF")


def compress_type(body: bytes) -> int:
    """ZIP_STORED for content that deflate cannot shrink (photos, PDFs, zip-based documents), else deflate."""
    return zipfile.ZIP_STORED if body.startswith(_COMPRESSED_MAGIC) else zipfile.ZIP_DEFLATED


def check_writable(entries: dict[str, bytes], what: str = N_("ไฟล์ส่งออก")) -> None:
    """Refuse, before anything is written, an archive the importer would refuse by its limits, and say what
    to do (``BadArchive`` in Thai)."""
    what = _(what)
    too_big = [n for n, body in entries.items() if len(body) > MAX_ENTRY_BYTES]
    total = sum(len(body) for body in entries.values())
    if too_big:
        raise BadArchive(_("{what}มีไฟล์ที่ใหญ่เกิน {limit} ({count} ไฟล์) ซึ่งปลายทางจะไม่รับ "
                           "โปรดนำไฟล์หลักฐานขนาดใหญ่ออก แล้วแนบไฟล์ที่ย่อขนาดแล้ว (เช่น ภาพถ่ายความละเอียดต่ำลง หรือ PDF ที่บีบอัด)"
                           ).format(what=what, limit=_thai_bytes(MAX_ENTRY_BYTES), count=len(too_big)))
    stored = sum(len(body) for body in entries.values() if compress_type(body) == zipfile.ZIP_STORED)
    if total > MAX_TOTAL_BYTES or stored > MAX_FILE_BYTES or len(entries) + 1 > MAX_ENTRIES:
        raise BadArchive(_("{what}ใหญ่เกินกว่าที่ปลายทางรับได้ ({size} ใน {count} รายการ; รับได้ไม่เกิน "
                           "{limit} และ {max_entries} รายการ) โปรดนำไฟล์หลักฐานที่ไม่จำเป็นออก "
                           "หรือย่อขนาดไฟล์ แล้วส่งออกใหม่").format(
            what=what, size=_thai_bytes(total), count=f"{len(entries):,}", limit=_thai_bytes(MAX_TOTAL_BYTES),
            max_entries=f"{MAX_ENTRIES:,}"))


def write_archive(path: Path, entries: dict[str, bytes], private_b64: str) -> str:
    """Write manifest-signed entries atomically (whole or not at all; a full disk gives a Thai
    message); *entries* must include the manifest. Entries already compressed are stored, the rest
    deflated. Returns the file's sha256."""
    path = Path(path)
    check_writable(entries)
    signature = keys.sign(private_b64, entries[MANIFEST]).encode()
    digest = hashlib.sha256()
    with atomic_write(path, "ไฟล์") as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name in [MANIFEST, *sorted(n for n in entries if n != MANIFEST)]:
                info = zipfile.ZipInfo(name, _FIXED_TIME)
                info.compress_type = compress_type(entries[name])
                archive.writestr(info, entries[name])
            info = zipfile.ZipInfo(SIGNATURE, _FIXED_TIME)
            archive.writestr(info, signature)
        with open(tmp, "rb") as written:
            for chunk in iter(lambda: written.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def load_manifest(entries: dict[str, bytes], file_name: str) -> dict[str, Any]:
    """The manifest, parsed with every bound (depth, number lengths, no NaN, no lone surrogates)
    before any of its fields is looked at; the caller checks the signature next."""
    if MANIFEST not in entries or SIGNATURE not in entries:
        raise BadArchive(_("ไฟล์ “{name}” ไม่มีรายการกำกับหรือลายมือชื่อดิจิทัล จึงไม่นำเข้า").format(name=file_name))
    if len(entries[MANIFEST]) > MAX_MANIFEST_BYTES:
        raise BadArchive(_("รายการกำกับในไฟล์ “{name}” ใหญ่เกินไป").format(name=file_name))
    try:
        manifest = safe_json.loads(entries[MANIFEST], max_depth=8)
    except safe_json.UnsafeJson as exc:
        raise BadArchive(_("รายการกำกับในไฟล์ “{name}” อ่านไม่ได้: {reason}").format(
            name=file_name, reason=exc.message)) from None
    if not isinstance(manifest, dict):
        raise BadArchive(_("รายการกำกับในไฟล์ “{name}” ไม่ถูกต้อง").format(name=file_name))
    return manifest


def signed_digest(entries: dict[str, bytes]) -> str:
    """What a file is known by: the SHA-256 of its signed manifest (which holds every entry's hash).
    Two copies of one export that differ only in their zip headers have the same digest."""
    return hashlib.sha256(entries[MANIFEST]).hexdigest()


def check_signature_and_hashes(entries: dict[str, bytes], manifest: dict[str, Any], file_name: str,
                               lazy: dict[str, tuple[str, int]] | None = None) -> str:
    """Verify the signature over the manifest and every entry's hash (of *lazy* entries: the hash taken while
    they were streamed); returns the signer's public key."""
    public = manifest.get("signer_public_key")
    if not isinstance(public, str) or len(public) > 100:
        raise BadArchive(_("ไฟล์ “{name}” ไม่ระบุกุญแจของผู้ลงนาม จึงไม่นำเข้า").format(name=file_name))
    keys.check_public_key(public)
    signature = entries[SIGNATURE]
    if len(signature) > 200 or not keys.verify(public, entries[MANIFEST], signature.decode("ascii", "replace").strip()):
        raise BadArchive(_("ลายมือชื่อดิจิทัลของไฟล์ “{name}” ไม่ถูกต้อง (ไฟล์ถูกแก้ไขหรือปลอมแปลง) จึงไม่นำเข้า").format(
            name=file_name))
    listed = manifest.get("files")
    if not isinstance(listed, dict):
        raise BadArchive(_("รายการกำกับในไฟล์ “{name}” ไม่มีรายชื่อไฟล์").format(name=file_name))
    lazy = lazy or {}
    present = {n for n in entries if n not in (MANIFEST, SIGNATURE)} | set(lazy)
    if not all(isinstance(d, str) for d in listed.values()) or set(listed) != present:
        raise BadArchive(_("ไฟล์ “{name}” มีรายการไม่ตรงกับรายการกำกับ จึงไม่นำเข้า").format(name=file_name))
    for name, digest in listed.items():
        got = lazy[name][0] if name in lazy else hashlib.sha256(entries[name]).hexdigest()
        if got != digest:
            raise BadArchive(_("ข้อมูล “{entry}” ในไฟล์ “{name}” ไม่ตรงกับค่าแฮชในรายการกำกับ จึงไม่นำเข้า").format(
                entry=name, name=file_name))
    return public


def jsonl(data: bytes, name: str, file_name: str, max_line: int = 64 * 1024) -> list[dict[str, Any]]:
    """Parse a JSON-lines entry into objects, refusing malformed or overlong lines.

    Lines end at '\n' only: a note that holds U+2028, U+2029 or U+0085 (written raw by older
    versions) is one line, not three (``str.splitlines`` would cut it)."""
    shown = f"{_(ENTRY_NAMES[name])} ({name})" if name in ENTRY_NAMES else f"“{name}”"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadArchive(_("{entry} ในไฟล์ “{name}” ไม่ใช่ข้อความ UTF-8").format(entry=shown, name=file_name)) from None
    records = []
    escapes = safe_json.may_hold_surrogates(text)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if len(line) > max_line:
            raise BadArchive(_("{entry} บรรทัดที่ {line} ในไฟล์ “{name}” ยาวเกินไป").format(
                entry=shown, line=number, name=file_name))
        try:
            record = safe_json.loads_line(line, max_depth=4, escapes=escapes)
        except safe_json.UnsafeJson as exc:
            raise BadArchive(_("{entry} บรรทัดที่ {line} ในไฟล์ “{name}” อ่านไม่ได้: {reason}").format(
                entry=shown, line=number, name=file_name, reason=exc.message)) from None
        if not isinstance(record, dict):
            raise BadArchive(_("{entry} บรรทัดที่ {line} ในไฟล์ “{name}” ไม่ถูกต้อง").format(
                entry=shown, line=number, name=file_name))
        records.append(record)
    return records


_RAW_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _dumps(data: Any, **options: Any) -> bytes:
    """JSON with the separators that some readers take for line ends escaped (older readers of this app
    split lines with ``str.splitlines``); inside JSON they can only occur in strings."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, **options).translate(_RAW_BREAKS).encode("utf-8")


def dumps_jsonl(records: list[dict[str, Any]]) -> bytes:
    return b"".join(_dumps(r) + b"\n" for r in records)


def dumps_json(data: dict[str, Any]) -> bytes:
    return _dumps(data, indent=1)


def peek_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest of an archive, read without any check but its size bounds (not trusted: only to put
    files in order before each is checked in full), or None."""
    try:
        with zipfile.ZipFile(path) as zip_file:
            info = zip_file.getinfo(MANIFEST)
            if info.file_size > MAX_MANIFEST_BYTES or info.compress_size > MAX_MANIFEST_BYTES:
                return None
            with zip_file.open(info) as fh:
                manifest = safe_json.loads(fh.read(MAX_MANIFEST_BYTES + 1), max_depth=8)
        return manifest if isinstance(manifest, dict) else None
    except Exception:  # noqa: BLE001 - an unreadable file is put anywhere; its full check refuses it
        return None
