"""Bounded JSON for untrusted files: what a Trat file can hold reads as json reads it; what it cannot
(too deep, too long, NaN, lone surrogates, duplicate keys, integers SQLite cannot store) is refused in Thai."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trat_desktop.exchange.safe_json import UnsafeJson, loads, nesting_depth

SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cs",)))
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False)
    | SAFE_TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(SAFE_TEXT, children, max_size=4),
    max_leaves=20)


@given(VALUES, st.booleans())
def test_what_json_writes_within_the_bounds_reads_back(value, ascii_only: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only)
    if nesting_depth(text) <= 24:
        assert loads(text) == json.loads(text)


@pytest.mark.parametrize(("text", "words"), [
    ("[" * 100_000 + "]" * 100_000, "ลึก"),
    ('{"a": ' + "[" * 25 + "]" * 25 + "}", "ลึก"),
    ('{"a": 1' + "0" * 5000 + "}", "ยาว"),
    ('{"a": 0.' + "1" * 40 + "}", "ยาว"),
    ('{"a": 9223372036854775808}', "จำนวนเต็ม"),
    ('{"a": -9223372036854775809}', "จำนวนเต็ม"),
    ('{"a": NaN}', "NaN"),
    ('{"a": Infinity}', "Infinity"),
    ('{"a": 1e400}', "ใหญ่เกิน"),
    ('{"a": "\\ud800"}', "surrogate"),
    ('{"a": ["ok", {"b": ["\\udfff"]}]}', "surrogate"),
    ('{"\\ud800": 1}', "surrogate"),
    ('{"a": 1, "a": 2}', "ซ้ำ"),
    ('{"a": 1', "อ่านไม่ได้"),
    (b'{"a": "\xed\xa0\x80"}', "UTF-8"),
])
def test_hostile_json_is_refused_in_thai(text, words) -> None:
    with pytest.raises(UnsafeJson) as info:
        loads(text)
    assert words in info.value.message


def test_brackets_inside_strings_are_not_nesting() -> None:
    text = json.dumps({"note": "[[[[{{{{" * 100 + '\\"[' * 50})
    assert nesting_depth(text) == 1
    assert loads(text)["note"].startswith("[[[[")
    assert loads('["\\ud83d\\ude00"]') == ["😀"]   # a surrogate pair is a character


def _outcome(parse, text: str, **options):
    try:
        return ("value", parse(text, **options))
    except UnsafeJson as exc:
        return ("refused", exc.message)


JSON_PIECES = st.sampled_from(['{', '}', '[', ']', '"a"', '"ข"', ':', ',', ' ', '1', '-0', '1e400', '2.5', 'NaN',
                               '99999999999999999999', 'null', 'true', '"\\ud800"', '"\\n"', '\\', '"',
                               # integers about the limits (2^63 has 19 digits; 18 digits always fit)
                               '999999999999999999', '-999999999999999999', '9223372036854775807',
                               '9223372036854775808', '-9223372036854775808', '-9223372036854775809',
                               '1' * 33, '0' * 19])


@given(st.one_of(VALUES.map(json.dumps), st.lists(JSON_PIECES, max_size=12).map("".join),
                 st.text(max_size=20)), st.integers(0, 24))
def test_one_line_reads_as_loads_reads_it(text: str, depth: int) -> None:
    """The JSON-lines fast path (loads_line) gives what loads gives, value or refusal, for any text."""
    from trat_desktop.exchange.safe_json import loads_line
    escapes = "\\u" in text
    assert _outcome(loads_line, text, max_depth=depth, escapes=escapes) == _outcome(
        loads, text, max_depth=depth, escapes=escapes)


@pytest.mark.parametrize("number", ["999999999999999999", "-999999999999999999", "9223372036854775807",
                                    "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
                                    "1" * 40, "12345"])
def test_a_line_with_big_or_small_integers_reads_as_loads_reads_it(number: str) -> None:
    """Integers of up to 18 digits take json's own parser in loads_line; longer ones the checked hook."""
    from trat_desktop.exchange.safe_json import loads_line
    for text in (f'{{"revision": {number}, "quarter": 2}}', f'{{"note": "{number}", "quarter": {number}}}'):
        assert _outcome(loads_line, text, escapes=False) == _outcome(loads, text, escapes=False)
