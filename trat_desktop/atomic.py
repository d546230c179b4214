"""Output files appear whole or not at all.

Every file the app writes for the user or for itself (PDF reports, Excel workbooks, backups,
exchange files, evidence copies) is written to a temporary file in the target folder and renamed
over the requested name only when complete::

    with atomic_write(out) as tmp:
        build_the_file(tmp)

A failure (a full disk, no permission, a killed writer's exception) leaves no file under the
requested name and removes the temporary one; an ``OSError`` becomes a :class:`OutputError`
with a Thai message ("พื้นที่ดิสก์เต็ม …" for ENOSPC). A process killed mid-write leaves a
temporary file named ``.NAME.PID-XXXXXXXX.part``; :func:`clean_leftovers` (run when a database
is opened, and for the same target name before each write) removes those whose process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Iterator

from .errors import TratError
from .i18n import _, pgettext

PART_SUFFIX = ".part"
_PART = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]{8}\.part$")
_STAGING = re.compile(r"^\.(?P<what>restoring|backing-up)-(?P<pid>\d+)-[0-9a-f]{8}$")
#: names earlier versions used for their temporary files (no process id: only in the app's own folders)
_LEGACY = re.compile(r"^(\.incoming-.*|\.writing-.*\.tmp|.+\.sqlite3\.part|.+\.sqlite3\.restoring|[0-9a-f]{64}\.part)$")
DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
NO_RIGHT = (errno.EACCES, errno.EPERM, errno.EROFS)


class OutputError(TratError):
    """A file could not be written; nothing was left under its name."""

    def __init__(self, message: str, disk_full: bool = False) -> None:
        super().__init__(message)
        self.disk_full = disk_full


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in DISK_FULL


def _what_words() -> None:  # never called: marks for the catalog the words callers name what they write with
    for word in (pgettext("what", "ไฟล์"), pgettext("what", "โฟลเดอร์"), pgettext("what", "ไฟล์สำรอง"),
                 pgettext("what", "ไฟล์หลักฐาน"), pgettext("what", "สำเนาไฟล์หลักฐาน"), pgettext("what", "ไฟล์ Word"),
                 pgettext("what", "ไฟล์ Excel"), pgettext("what", "ไฟล์รายงาน"), pgettext("what", "ฐานข้อมูล"),
                 pgettext("what", "สำเนาฐานข้อมูลเดิม"), pgettext("what", "ชุดหลักฐาน ITA")):
        del word


def _what(what: str) -> str:
    """*what* (Thai: report modules pass it so, they cannot ask the catalog) in the screen's language, as a
    message names it ("the backup file"); a word the table above does not hold goes through ``_()``."""
    shown = pgettext("what", what)
    return shown if shown != what else _(what)


def output_error(exc: OSError, path: Path | str, what: str = "ไฟล์") -> OutputError:
    """The message for an OSError while writing *path* (*what*: e.g. "ไฟล์สำรอง", translated here)."""
    path = Path(path)
    what = _what(what)
    if is_disk_full(exc):
        return OutputError(_("พื้นที่ดิสก์เต็ม บันทึก{what} “{name}” ไม่ได้ และไม่มีไฟล์ที่บันทึกไม่ครบเหลืออยู่ "
                             "โปรดลบไฟล์ที่ไม่ใช้แล้วในไดรฟ์ “{drive}” หรือเลือกที่บันทึกอื่น แล้วลองอีกครั้ง"
                             ).format(what=what, name=path.name, drive=_drive(path)), disk_full=True)
    if exc.errno in NO_RIGHT:
        return OutputError(_("บันทึก{what} “{name}” ไม่ได้ เพราะไม่มีสิทธิ์เขียนในโฟลเดอร์ “{folder}” "
                             "หรือไฟล์เดิมเปิดอยู่ในโปรแกรมอื่น (เช่น โปรแกรมอ่าน PDF หรือ Excel) "
                             "ปิดไฟล์หรือเลือกที่บันทึกอื่น แล้วลองอีกครั้ง").format(what=what, name=path.name,
                                                                                 folder=path.parent))
    blocker = _file_in_the_way(path)
    if blocker is not None:  # ENOTDIR, or EEXIST from mkdir: a folder on the way is a file
        return OutputError(_("บันทึก{what} “{name}” ไม่ได้ เพราะ “{blocker}” เป็นไฟล์ ไม่ใช่โฟลเดอร์ "
                             "เลือกที่บันทึกอื่น แล้วลองอีกครั้ง").format(what=what, name=path.name, blocker=blocker))
    if exc.errno == errno.ENOENT and not _is_dir(path.parent):
        return OutputError(_("บันทึก{what} “{name}” ไม่ได้ เพราะไม่พบโฟลเดอร์ “{folder}” "
                             "เลือกที่บันทึกอื่น แล้วลองอีกครั้ง").format(what=what, name=path.name, folder=path.parent))
    if exc.errno == errno.ENAMETOOLONG:
        return OutputError(_("บันทึก{what} “{name}…” ไม่ได้ เพราะชื่อไฟล์หรือที่อยู่ยาวเกินไป "
                             "เลือกชื่อที่สั้นลง แล้วลองอีกครั้ง").format(what=what, name=path.name[:40]))
    if exc.errno == errno.EISDIR or _is_dir(path):
        # TRANSLATORS: {what} ends with a space in English ("file "): write "the {what}because", no space
        return OutputError(_("บันทึก{what}ไม่ได้ เพราะ “{path}” เป็นโฟลเดอร์ โปรดระบุชื่อไฟล์").format(
            what=_spaced(what), path=path))
    if exc.errno in (errno.EBUSY, errno.ETXTBSY):
        return OutputError(_("บันทึก{what} “{name}” ไม่ได้ เพราะไฟล์เดิมเปิดอยู่ในโปรแกรมอื่น "
                             "ปิดไฟล์นั้นหรือเลือกชื่ออื่น แล้วลองอีกครั้ง").format(what=what, name=path.name))
    detail = exc.strerror or exc.__class__.__name__
    return OutputError(_("บันทึก{what} “{name}” ไม่ได้ ({detail}) ไม่มีไฟล์ที่บันทึกไม่ครบเหลืออยู่ "
                         "ลองปิดไฟล์หรือเลือกที่บันทึกอื่น แล้วลองอีกครั้ง").format(what=what, name=path.name,
                                                                                detail=detail))


def _spaced(what: str) -> str:
    """*what* with a space after it when it ends in a Latin letter ("บันทึกชุดหลักฐาน ITA ไม่ได้"); an
    English word always ends so, and the English messages count on that space ("the {what}because")."""
    return what + " " if what[-1:].isascii() else what


def _file_in_the_way(path: Path) -> Path | None:
    """The nearest existing folder above *path* when it is a file (so nothing can be written below it)."""
    parent = path.parent
    try:
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
        return parent if parent.exists() and not parent.is_dir() else None
    except OSError:
        return None


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _drive(path: Path) -> str:
    anchor = path.anchor or "/"
    return anchor if sys.platform == "win32" else str(path.parent)


PART_NAME_CHARS = 40  # of the target's name in a temporary name (a long Thai name must still fit in 255 bytes)


def part_path(path: Path) -> Path:
    """A fresh temporary name beside *path*, naming this process."""
    return path.with_name(f".{path.name[:PART_NAME_CHARS]}.{os.getpid()}-{os.urandom(4).hex()}{PART_SUFFIX}")


def _prepare(path: Path, what: str, make_folder: bool = True) -> Path:
    """The temporary name an output is written under beside *path* (its folder made, if asked, and what an
    earlier killed write left under that name removed)."""
    if make_folder:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise output_error(exc, path, what) from exc
    clean_leftovers(path.parent, only_for=path.name)
    return part_path(path)


@contextlib.contextmanager
def atomic_write(path: Path | str, what: str = "ไฟล์", make_folder: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside *path*; when the block ends without an error the file is
    flushed to disk and renamed to *path*. Otherwise it is removed and *path* is left as it was
    (an existing file under that name is replaced only by a complete new one). *make_folder*:
    create the target's folder if needed (not for a place the user chose in a dialog)."""
    path = Path(path)
    tmp = _prepare(path, what, make_folder)
    try:
        yield tmp
        _flush(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise output_error(exc, path, what) from exc
    finally:
        _remove(tmp)


def write_bytes(path: Path | str, data: bytes, what: str = "ไฟล์") -> Path:
    """Write *data* to *path* whole or not at all."""
    with atomic_write(path, what) as tmp:
        with open(tmp, "wb") as out:
            out.write(data)
    return Path(path)


def copy_file(source: Path | str, target: Path | str, what: str = "ไฟล์") -> Path:
    """Copy *source* to *target* whole or not at all."""
    with atomic_write(target, what) as tmp:
        with open(source, "rb") as src, open(tmp, "wb") as out:
            shutil.copyfileobj(src, out, 1 << 20)
    return Path(target)


def staging_dir(folder: Path, what: str = "restoring") -> Path:
    """A fresh hidden work folder inside *folder* (removed by the caller, or by clean_leftovers
    once this process is gone)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f".{what}-{os.getpid()}-{os.urandom(4).hex()}"
    path.mkdir()
    return path


def _flush(path: Path) -> None:
    """The data on the disk before the rename (a power cut after it finds a whole file)."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows flushes only a writable handle
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF, errno.EACCES):  # some file systems cannot fsync
            raise
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    try:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def process_alive(pid: int) -> bool:
    """Whether a process with this id is running (our own process counts as running)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def clean_leftovers(folder: Path, only_for: str | None = None, legacy: bool = False) -> list[Path]:
    """Remove temporary files (and work folders) that processes killed mid-write left in
    *folder*; those of running processes stay. *only_for*: just the leftovers of that target
    name. *legacy*: also the temporary names of earlier versions (only in the app's own
    folders, where nothing else writes). Returns what was removed."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _PART.match(name) or (None if only_for else _STAGING.match(name))
        if match is not None:
            short = None if only_for is None else only_for[:PART_NAME_CHARS]
            if short is not None and not (match.group("name") == short
                                          or match.group("name").startswith(short + ".")):
                continue  # another target's (NAME.db: the database copied while making NAME)
            if process_alive(int(match.group("pid"))):
                continue
        elif not (legacy and only_for is None and _LEGACY.match(name)):
            continue
        path = Path(folder) / name
        _remove(path)
        if not path.exists():
            removed.append(path)
    return removed


@contextlib.contextmanager
def atomic_folder(path: Path | str, what: str = "โฟลเดอร์", replace: bool = False) -> Iterator[Path]:
    """Yield a temporary folder beside *path* (``.NAME.PID-XXXXXXXX.part``); when the block ends without
    an error it is renamed to *path*, so the folder appears with all its files or not at all. A folder
    already at *path* is taken over when empty; one with files in it is refused (an OutputError in Thai,
    before anything is written) unless *replace*, when it is moved aside and removed only after the new
    one is in place. A failure removes the temporary folder and leaves *path* as it was."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        # TRANSLATORS: {what} ends with a space in English ("folder "): write "the {what}because", no space
        raise OutputError(_("บันทึก{what}ไม่ได้ เพราะ “{path}” เป็นไฟล์ ไม่ใช่โฟลเดอร์ โปรดระบุโฟลเดอร์ใหม่").format(
            what=_spaced(_what(what)), path=path))
    if path.is_dir() and any(path.iterdir()) and not replace:
        raise OutputError(_("โฟลเดอร์ “{path}” มีไฟล์อยู่แล้ว จึงไม่ได้เขียนทับ และไม่ได้เปลี่ยนแปลงสิ่งใด "
                            "โปรดเลือกโฟลเดอร์ใหม่หรือโฟลเดอร์ว่าง หรือสั่งอีกครั้งพร้อม --force เพื่อแทนที่ทั้งโฟลเดอร์"
                            ).format(path=path))
    tmp = _prepare(path, what)
    aside: Path | None = None
    try:
        tmp.mkdir()
        yield tmp
        for child in tmp.iterdir():  # what the block wrote reaches the disk before the rename
            if child.is_file():
                _flush(child)
        if path.is_dir():
            if any(path.iterdir()):
                aside = part_path(path)
                os.replace(path, aside)
            else:
                path.rmdir()
        try:
            os.replace(tmp, path)
        except OSError:
            if aside is not None:
                os.replace(aside, path)  # the old folder back under its name
                aside = None
            raise
    except OSError as exc:
        raise output_error(exc, path, what) from exc
    finally:
        _remove(tmp)
        if aside is not None:
            _remove(aside)
