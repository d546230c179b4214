"""Errors that reach the user carry a message in the screen's language (Thai unless English is chosen)."""

from __future__ import annotations

from typing import Iterable, NamedTuple

from .i18n import N_, _, ngettext


class TratError(Exception):
    """An error with a message meant for the user, in Thai."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PlanProblem(NamedTuple):
    """One thing wrong in a plan document: where (line, and the column as the document labels it) and what."""

    line: int | None
    message: str
    cell: str = ""

    def __str__(self) -> str:
        where = _("บรรทัดที่ {line}: ").format(line=self.line) if self.line else ""
        cell = _("ช่อง “{cell}”: ").format(cell=self.cell) if self.cell else ""
        return where + cell + self.message


#: How many problems a PlanFormatError's message lists (``problems`` keeps them all).
MAX_SHOWN_PROBLEMS = 40


class PlanFormatError(TratError):
    """A plan document that cannot be read; lists every problem found in one run, each with its line.

    ``PlanFormatError(line, message)`` is one problem; ``PlanFormatError(problems=[...])`` many.
    ``line`` is the first problem's line, ``problems`` all of them, ``str()`` a readable Thai message.
    """

    def __init__(self, line: int | None = None, message: str = "", *,
                 problems: Iterable[PlanProblem] | None = None) -> None:
        found = list(problems) if problems is not None else [PlanProblem(line, message)]
        if not found:
            found = [PlanProblem(line, message or _("อ่านเอกสารแผนไม่ได้"))]
        if len(found) == 1:
            text = str(found[0])
        else:
            shown = found[:MAX_SHOWN_PROBLEMS]
            text = (ngettext("เอกสารแผนมีปัญหา {count} รายการ จึงยังไม่ได้นำเข้าสิ่งใด:",
                             "เอกสารแผนมีปัญหา {count} รายการ จึงยังไม่ได้นำเข้าสิ่งใด:", len(found)
                             ).format(count=len(found)) + "\n"
                    + "\n".join(f"{n}. {p}" for n, p in enumerate(shown, start=1)))
            if len(found) > len(shown):
                more = len(found) - len(shown)
                text += "\n" + ngettext("… และอีก {count} รายการในบรรทัดถัดไปของเอกสาร",
                                        "… และอีก {count} รายการในบรรทัดถัดไปของเอกสาร", more).format(count=more)
        super().__init__(text)
        self.problems = found
        self.line = found[0].line


class DatabaseVersionError(TratError):
    """The database was written by a newer version of the app."""


class DatabaseBusyError(TratError):
    """Another program (or another window of this one) kept the database busy past the bounded wait.
    Nothing was written; trying again later is safe."""


class DatabaseDamagedError(TratError):
    """The database file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB or a failed integrity check)."""


class DatabaseReadOnlyError(TratError):
    """The database file or its folder cannot be written (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN)."""


class DatabaseFullError(TratError):
    """The disk holding the database is full (SQLITE_FULL)."""


class StaleEditError(TratError):
    """An undo or redo whose value was changed elsewhere since (another window, the CLI, an import)."""


#: marked only: translated where raised (``_(BUSY_MESSAGE)``)
BUSY_MESSAGE = N_("ฐานข้อมูลกำลังถูกใช้งานโดยโปรแกรมอื่นหรืองานอื่นของโปรแกรมนี้ (เช่น การนำเข้าไฟล์ หรือคำสั่งที่สั่งงานอยู่) "
                  "จึงยังบันทึกไม่ได้ โปรดลองอีกครั้ง")

# SQLite's primary result codes (the low byte of an extended code), see sqlite.org/rescode.html
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26


def read_only_error(name: str = "", detail: str = "") -> DatabaseReadOnlyError:
    file = f"“{name}” " if name else ""
    return DatabaseReadOnlyError(_("ไฟล์ฐานข้อมูล {file}หรือโฟลเดอร์ของไฟล์เขียนไม่ได้ (อ่านได้อย่างเดียว) "
                                   "จึงบันทึกไม่ได้ โปรดตรวจสิทธิ์ของไฟล์และโฟลเดอร์ หรือคัดลอกไฟล์ออกจากแผ่นซีดี/"
                                   "แฟลชไดรฟ์ที่ป้องกันการเขียนไว้ แล้วลองอีกครั้ง").format(file=file) + detail)


def database_error(exc: BaseException, name: str = "") -> TratError | None:
    """The Thai error for a database failure (an exception carrying SQLite's result code, as
    Python's sqlite3 errors do), or None when *exc* is not one. *name* is the file's name for the
    message. Read-only, full, busy and damaged files each get their own message: a full disk or a
    read-only file is never reported as a damaged one."""
    if isinstance(exc, TratError):
        return exc
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    primary = code & 0xFF
    file = f"“{name}” " if name else ""
    detail = _(" (รหัสข้อผิดพลาด {code})").format(code=getattr(exc, "sqlite_errorname", code))  # SQLite's English text stays out
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseBusyError(_(BUSY_MESSAGE))
    if primary == _SQLITE_FULL:
        return DatabaseFullError(_("พื้นที่ดิสก์ที่เก็บฐานข้อมูล {file}เต็ม จึงบันทึกไม่ได้ และข้อมูลไม่เปลี่ยนแปลง "
                                   "โปรดลบไฟล์ที่ไม่ใช้ในดิสก์นั้นแล้วลองอีกครั้ง").format(file=file) + detail)
    if primary in (_SQLITE_READONLY, _SQLITE_PERM):
        return read_only_error(name, detail)
    if primary == _SQLITE_CANTOPEN:
        return DatabaseReadOnlyError(_("เปิดไฟล์ฐานข้อมูล {file}ไม่ได้ (ไม่มีสิทธิ์ หรือโฟลเดอร์เขียนไม่ได้) "
                                       "โปรดตรวจสิทธิ์ของไฟล์และโฟลเดอร์").format(file=file) + detail)
    if primary == _SQLITE_NOTADB:
        return DatabaseDamagedError(_("ไฟล์ {file}ไม่ใช่ฐานข้อมูล หรือไฟล์เสียหาย").format(file=file) + detail)
    if primary == _SQLITE_CORRUPT:
        return DatabaseDamagedError(_("ไฟล์ฐานข้อมูล {file}เสียหาย").format(file=file) + detail)
    if primary == _SQLITE_IOERR:
        return TratError(_("อ่านหรือเขียนไฟล์ฐานข้อมูล {file}ไม่สำเร็จ (ดิสก์มีปัญหา หรือไฟล์ถูกย้าย/ถอดไดรฟ์ออก) "
                           "โปรดปิดโปรแกรมแล้วเปิดใหม่").format(file=file) + detail)
    return None
