"""JSON from untrusted files, bounded before and while parsing.

Python's ``json`` crashes on hostile input that costs nothing to make: nesting a few thousand levels
deep (RecursionError), a 5,000-digit number (ValueError: the int-string limit), and it accepts what the
format never holds: NaN and Infinity, lone surrogates ("\\ud800"), duplicate keys, integers SQLite cannot
store (>= 2^63). :func:`loads` refuses all of these with :class:`UnsafeJson` (a Thai message) and is the
only way the exchange readers parse JSON.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..domain.text import has_lone_surrogate
from ..errors import TratError
from ..i18n import keyed as _  # refusals become the import ledger's reasons, stored and shown again (i18n.remake)

MAX_DEPTH = 24            # plan.json needs 12 levels, a manifest 3
MAX_NUMBER_CHARS = 32     # a float's repr is at most 24 characters; 2^63 has 19 digits
INT_LIMIT = 2**63         # SQLite's integers are signed 64-bit


class UnsafeJson(TratError):
    """JSON that is malformed, too deep, or holds values the exchange formats never contain."""


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def nesting_depth(text: str, enough: int = MAX_DEPTH) -> int:
    """The deepest nesting of [ and { outside strings (a scan that cannot recurse); a text with
    fewer brackets than *enough* is answered without scanning."""
    if text.count("[") + text.count("{") <= enough:
        return text.count("[") + text.count("{")
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_CHARS:
        raise UnsafeJson(_("มีตัวเลขยาวเกินไป"))
    value = int(text)
    if not -INT_LIMIT <= value < INT_LIMIT:
        raise UnsafeJson(_("มีจำนวนเต็มใหญ่เกินกว่าที่เก็บได้"))
    return value


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise UnsafeJson(_("มีตัวเลขยาวเกินไป"))
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise UnsafeJson(_("มีตัวเลขที่ใหญ่เกินกว่าที่เป็นไปได้"))
    return value


def _parse_constant(name: str) -> Any:
    raise UnsafeJson(_("มีค่า {name} ซึ่งไม่ใช่ตัวเลข").format(name=name))


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        key = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise UnsafeJson(_("มีชื่อข้อมูลซ้ำ (“{key}”)").format(key=key[:40]))
    return out


def _check_strings(value: Any) -> None:
    """Every key and string, at any depth (the depth is bounded, so recursion is safe)."""
    if isinstance(value, str):
        if has_lone_surrogate(value):
            raise UnsafeJson(_("มีอักขระที่ไม่ถูกต้อง (surrogate เดี่ยว)"))
    elif isinstance(value, list):
        for item in value:
            _check_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_strings(key)
            _check_strings(item)


def may_hold_surrogates(text: str) -> bool:
    """Lone surrogates can only come from a \\u escape (UTF-8 decoding refuses encoded ones), so a text
    without one needs no walk over its strings. Checked once for a whole JSON-lines entry."""
    return "\\u" in text


def loads(data: bytes | str, max_depth: int = MAX_DEPTH, escapes: bool | None = None) -> Any:
    """Parse untrusted JSON; raises UnsafeJson (Thai) for anything a Trat file would not hold.
    *escapes* = False skips the walk for lone surrogates (the caller checked a larger text)."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise UnsafeJson(_("ไม่ใช่ข้อความ UTF-8")) from None
    else:
        text = data
    if nesting_depth(text, max_depth) > max_depth:
        raise UnsafeJson(_("มีโครงสร้างซ้อนกันลึกเกินไป"))
    try:
        value = _DECODER.decode(text)
    except UnsafeJson:
        raise
    except (json.JSONDecodeError, ValueError, RecursionError):
        raise UnsafeJson(_("อ่านไม่ได้ (ไม่ใช่ JSON ที่ถูกต้อง)")) from None
    if may_hold_surrogates(text) if escapes is None else escapes:
        _check_strings(value)
    return value


_DECODER = json.JSONDecoder(parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant,
                            object_pairs_hook=_object)


def loads_line(text: str, max_depth: int = MAX_DEPTH, escapes: bool = True) -> Any:
    """:func:`loads` of one line of a JSON-lines entry (a str), the same result with less work per line:
    a line with few brackets and no escapes the caller found, that is one JSON value from its first character
    to its last, is parsed by the scanner itself; anything else (whitespace around it, an error, an escape)
    goes through :func:`loads`, which says what is wrong. The hooks refuse the same values either way."""
    if not escapes and text.count("[") + text.count("{") <= max_depth:
        # integers of at most 18 digits are always within the limits _parse_int checks (2^63 has 19 digits):
        # without a longer run of digits anywhere in the line, json's own integer parser gives the same value
        scan = _SCAN if _LONG_DIGITS.search(text) else _SCAN_SHORT_INTS
        try:
            value, end = scan(text, 0)
        except UnsafeJson:
            raise
        except (StopIteration, ValueError, RecursionError):
            end = -1
        if end == len(text):
            return value
    return loads(text, max_depth=max_depth, escapes=escapes)


_SCAN = _DECODER.scan_once
#: the same decoder with json's own integer parser, for a line with no run of 19 or more digits
_SCAN_SHORT_INTS = json.JSONDecoder(parse_float=_parse_float, parse_constant=_parse_constant,
                                    object_pairs_hook=_object).scan_once
_LONG_DIGITS = re.compile(r"[0-9]{19}")
