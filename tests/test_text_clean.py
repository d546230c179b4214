"""Text fields in their stored form: one rule (domain/text.py) for progress entry, plan edits,
identity and import; exports that older readers can read even when old data holds line separators."""

from __future__ import annotations

import zipfile
from pathlib import Path

from exchange_helpers import EDUCATION, installation
from hypothesis import given
from hypothesis import strategies as st

from trat_desktop.domain.identity import Identity
from trat_desktop.domain.text import clean_text
from trat_desktop.services.plan_edit import PlanEditService
from trat_desktop.store import progress as progress_store

PASTED = "อบรม\u2028ครั้งที่ ๑\u2029ผู้เข้าร่วม\x85๓๐ คน\r\nครบ\tทุกคน\x00\x07\x1b[0m\ufeff"


def test_clean_text_on_pasted_text() -> None:
    assert clean_text(PASTED, multiline=True) == "อบรม\nครั้งที่ ๑\nผู้เข้าร่วม\n๓๐ คน\nครบ ทุกคน[0m\ufeff"
    assert clean_text(PASTED) == "อบรม ครั้งที่ ๑ ผู้เข้าร่วม ๓๐ คน ครบ ทุกคน[0m\ufeff"
    assert clean_text("  ที่\u200bนี่  😀 ") == "ที่\u200bนี่ 😀"     # zero-width space, Thai marks and emoji stay
    assert clean_text(None) == ""
    assert clean_text("\ud800ก") == "ก"                            # a lone surrogate cannot be stored


@given(st.text(), st.booleans())
def test_clean_text_is_idempotent_and_leaves_no_control_characters(text: str, multiline: bool) -> None:
    once = clean_text(text, multiline)
    assert clean_text(once, multiline) == once
    allowed = {"\n"} if multiline else set()
    assert not any((ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029" or 0xD800 <= ord(ch) < 0xE000)
                   and ch not in allowed for ch in once)
    once.encode("utf-8")  # always storable


def test_entry_plan_edits_and_identity_store_the_clean_form(tmp_path: Path) -> None:
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    progress = office.progress
    item = progress.find_item("1/1.5/2")
    stored, _ = progress.set_progress(item, 2, note=PASTED)
    assert stored.note == clean_text(PASTED, multiline=True) and "\u2028" not in stored.note
    me = progress.set_identity(Identity(role="office", office_name=EDUCATION, reporter_name="นาง\u2028สมศรี\x00",
                                        reporter_position="นักวิชาการ\tศึกษา"))
    assert (me.reporter_name, me.reporter_position) == ("นาง สมศรี", "นักวิชาการ ศึกษา")

    coordinator = installation(tmp_path / "coordinator.sqlite3", "coordinator")
    editor = PlanEditService(coordinator.progress)
    activity = coordinator.plans.load_plan().strategies[0].tactics[0].activities[0]
    editor.update("activity", activity.uid, title="ชื่อ\u2029ใหม่\x85ของกิจกรรม\x00")
    assert coordinator.plans.load_plan().strategies[0].tactics[0].activities[0].title == "ชื่อ ใหม่ ของกิจกรรม"


def test_old_data_with_line_separators_exports_a_file_any_reader_splits_right(tmp_path: Path) -> None:
    """A note stored before the cleaning rule (written straight to the store here) is escaped in the
    export: progress.jsonl has one line per row and no raw U+2028/U+2029/U+0085."""
    office = installation(tmp_path / "office.sqlite3", "office", EDUCATION)
    coordinator = installation(tmp_path / "coordinator.sqlite3", "coordinator")
    item = office.progress.find_item("1/1.5/2")
    old = office.progress.current_entry(item, 2).with_changes(note="ก\u2028ข\u2029ค\x85ง", achieved=10.0)
    progress_store.save_entry(office.plans.db, old, "ผู้ทดสอบ", "2026-01-01T00:00:00+07:00")
    path, _ = office.export_office(tmp_path / "old.trat")
    body = zipfile.ZipFile(path).read("progress.jsonl")
    text = body.decode("utf-8")
    assert not any(ch in text for ch in "\u2028\u2029\x85") and "\\u2028" in text
    assert len(text.splitlines()) == len(text.split("\n")) - 1   # str.splitlines (older readers) agrees
    assert coordinator.import_files([path], trust_new=True).files[0].status == "imported"
    assert coordinator.progress.find_item("1/1.5/2", agency=EDUCATION).entries[2].note == "ก\nข\nค\nง"


@given(st.text(alphabet=st.sampled_from(list("ab กข้ำ \n\r\t\x00\x85\u2028\u00a0\u200b\ufdd0\uffff\ud800😀")) | st.characters()),
       st.booleans())
def test_the_fast_path_cleans_as_the_full_rule(text: str, multiline: bool) -> None:
    from trat_desktop.domain.text import _clean_slowly

    assert clean_text(text, multiline) == _clean_slowly(text, multiline)
