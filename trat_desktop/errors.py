"""Errors that reach the user carry a Thai message."""

from __future__ import annotations


class TratError(Exception):
    """An error with a message meant for the user, in Thai."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PlanFormatError(TratError):
    """A plan document that cannot be read; names the line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"บรรทัดที่ {line}: {message}")
        self.line = line


class DatabaseVersionError(TratError):
    """The database was written by a newer version of the app."""
