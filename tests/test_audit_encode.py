"""The audit log's value encoder (store/audit.encode, with fast paths for text and numbers) writes what
json.dumps(value, ensure_ascii=False) writes, so the log reads back the same (audit_history.field_changes)."""

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from trat_desktop.store import audit

VALUES = (st.none() | st.text() | st.integers(-2**63, 2**63 - 1) | st.booleans()
          | st.floats(allow_nan=False, allow_infinity=False)
          | st.lists(st.text() | st.integers(), max_size=3)
          | st.dictionaries(st.text(max_size=5), st.text() | st.integers(), max_size=3))


@given(VALUES)
def test_encode_is_json(value):
    expected = None if value is None else json.dumps(value, ensure_ascii=False)
    assert audit.encode(value) == expected
    if value is not None and not (isinstance(value, float) and math.isnan(value)):
        assert json.loads(audit.encode(value)) == value


def test_thai_stays_readable():
    assert audit.encode("ดำเนินการแล้ว\n\"ok\"") == '"ดำเนินการแล้ว\\n\\"ok\\""'
