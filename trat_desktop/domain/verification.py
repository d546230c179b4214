"""Verification codes: the short code printed on an office's signed paper report, which the
coordinator types back to find the imported file it belongs to (``verify``).

A code is the first 50 bits of the SHA-256 of the export's progress data, written as ten symbols in
groups of 4-4-2 ("K7QM-2XDA-9P"). New codes use :data:`ALPHABET`, which has none of the symbols a
reader mistakes for another on paper: no 0 or O, no 1 or I (L stands alone). Codes printed by
earlier versions used base32 (A–Z, 2–7) and still verify: a typed code is compared with a stored
one through :func:`code_key`, which maps look-alikes to one symbol (0→O, 1/I→L), ignores case,
spaces, dashes and Thai digits; and a stored code is compared in both alphabets, so a paper code of an
old version matches a file imported by a new one and the other way round.
"""

from __future__ import annotations

import base64
import hashlib
import re

#: 32 symbols without look-alikes: the digits 2–9 and the letters without I and O
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
#: the alphabet of codes before issue 15 (RFC 4648 base32)
OLD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
BITS = 50
LENGTH = 10
#: what a typed symbol is taken for (look-alikes and Thai digits)
LOOK_ALIKES = str.maketrans({"0": "O", "1": "L", "I": "L",
                             **{thai: str(n) for n, thai in enumerate("๐๑๒๓๔๕๖๗๘๙")}})


def _render(value: int, alphabet: str) -> str:
    text = "".join(alphabet[(value >> (5 * (LENGTH - 1 - i))) & 31] for i in range(LENGTH))
    return f"{text[:4]}-{text[4:8]}-{text[8:]}"


def _value(code: str, alphabet: str) -> int | None:
    text = re.sub(r"[\s\-]", "", code.upper())
    if len(text) != LENGTH or any(c not in alphabet for c in text):
        return None
    value = 0
    for c in text:
        value = value * 32 + alphabet.index(c)
    return value


def content_code(payload: bytes) -> str:
    """The verification code of an export's progress data."""
    digest = int.from_bytes(hashlib.sha256(payload).digest()[:8], "big") >> (64 - BITS)
    return _render(digest, ALPHABET)


def old_content_code(payload: bytes) -> str:
    """The code earlier versions printed for the same data (base32 of the same 50 bits)."""
    text = base64.b32encode(hashlib.sha256(payload).digest()).decode()[:LENGTH]
    return f"{text[:4]}-{text[4:8]}-{text[8:]}"


def code_key(code: str) -> str:
    """A code as compared: upper case, without spaces and dashes, look-alikes mapped to one symbol."""
    return re.sub(r"[^0-9A-Z]", "", code.upper().translate(LOOK_ALIKES))


def code_forms(stored: str) -> set[str]:
    """The keys under which a stored code is found: as stored, and the same bits in the other alphabet."""
    forms = {code_key(stored)}
    for alphabet in (ALPHABET, OLD_ALPHABET):
        value = _value(stored, alphabet)
        if value is not None:
            forms |= {code_key(_render(value, ALPHABET)), code_key(_render(value, OLD_ALPHABET))}
    return forms


def codes_match(stored: str, typed: str) -> bool:
    """Whether a code typed by a person is the stored code (look-alikes allowed, either alphabet)."""
    wanted = code_key(typed)
    return bool(stored) and len(wanted) == LENGTH and wanted in code_forms(stored)
