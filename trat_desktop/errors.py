"""Errors that reach the user carry a Thai message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


class TratError(Exception):
    """An error with a message meant for the user, in Thai."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PlanProblem:
    """One thing wrong in a plan document: where (line, and the column as the document labels it) and what."""

    line: int | None
    message: str
    cell: str = ""

    def __str__(self) -> str:
        where = f"บรรทัดที่ {self.line}: " if self.line else ""
        cell = f"ช่อง “{self.cell}”: " if self.cell else ""
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
            found = [PlanProblem(line, message or "อ่านเอกสารแผนไม่ได้")]
        if len(found) == 1:
            text = str(found[0])
        else:
            shown = found[:MAX_SHOWN_PROBLEMS]
            text = (f"เอกสารแผนมีปัญหา {len(found)} รายการ จึงยังไม่ได้นำเข้าสิ่งใด:\n"
                    + "\n".join(f"{n}. {p}" for n, p in enumerate(shown, start=1)))
            if len(found) > len(shown):
                text += f"\n… และอีก {len(found) - len(shown)} รายการในบรรทัดถัดไปของเอกสาร"
        super().__init__(text)
        self.problems = found
        self.line = found[0].line


class DatabaseVersionError(TratError):
    """The database was written by a newer version of the app."""
