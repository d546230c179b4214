"""Text as it is stored: one rule for every typed, pasted or imported text field.

Pasted text brings characters a person cannot see: line and paragraph separators (U+2028, U+2029),
NEL (U+0085), carriage returns, tabs and other control characters, lone surrogates. Stored as they
are, they break files and lines later (a note with U+2028 once made an office's exports unreadable).
:func:`clean_text` is called by progress entry, plan edits and the importers alike.
"""

from __future__ import annotations

import re
import unicodedata

# line breaks of every kind: CR LF, CR, VT, FF, FS, GS, RS, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR
_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _drop(ch: str) -> bool:
    """Characters removed: controls (C0, DEL, C1), surrogates, non-characters and unassigned format
    controls that have no business in a form field. Zero-width joiners, Thai and emoji stay."""
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs"):
        return True
    return 0xFDD0 <= ord(ch) <= 0xFDEF or (ord(ch) & 0xFFFE) == 0xFFFE


def clean_text(value: object, multiline: bool = False) -> str:
    """The stored form of a text field: line breaks of any kind become '\\n' (or a space on a
    single-line field), tabs and odd spaces a space, control characters removed, ends trimmed;
    a single-line field also has its runs of spaces collapsed."""
    text = "" if value is None else str(value)
    # the common case, decided in C: nothing to replace or drop (no breaks, controls, odd spaces,
    # surrogates or non-characters: none of them is printable), only spaces to trim
    if multiline:
        lines = text.split("\n")
        if all(line.isprintable() for line in lines):
            return "\n".join(line.rstrip() for line in lines).strip()
    elif text.isprintable():
        return " ".join(text.split()) if "  " in text else text.strip(" ")
    return _clean_slowly(text, multiline)


def _clean_slowly(text: str, multiline: bool) -> str:
    text = _BREAKS.sub("\n" if multiline else " ", text)
    text = _SPACES.sub(" ", text)
    text = "".join(ch for ch in text if ch == "\n" or not _drop(ch))
    if multiline:
        lines = [line.rstrip() for line in text.split("\n")]
        return "\n".join(lines).strip()
    return " ".join(text.split())


def has_lone_surrogate(text: str) -> bool:
    """A string that cannot be written as UTF-8 (only a JSON escape such as '\\ud800' makes one)."""
    return _SURROGATE.search(text) is not None
