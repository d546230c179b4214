"""Reporting rounds: the coordinator's dates per year and round, and an office's sign-offs of a round."""

from __future__ import annotations

from typing import Any, NamedTuple

from .audit import record
from .connection import Database
from .round_dates import round_dates, save_round_dates  # noqa: F401 (the coordinator's dates, kept apart: see there)
from ..i18n import _


class Submission(NamedTuple):
    """The newest sign-off or withdrawal of one office's round."""

    office_uid: str
    fiscal_year: int
    round_id: str
    state: str
    signer_name: str
    signer_position: str
    signed_on: str
    reason: str
    audit_high: int
    at: str


def _submission(row: dict[str, Any]) -> Submission:
    return Submission(row["office_uid"], row["fiscal_year"], row["round_id"], row["state"], row["signer_name"],
                      row["signer_position"], row["signed_on"], row["reason"], row["audit_high"], row["at"])


def submissions(db: Database, office_uid: str, fiscal_year: int) -> dict[str, Submission]:
    """The newest submission row per round of one office's year."""
    found: dict[str, Submission] = {}
    for row in db.query("SELECT * FROM round_submissions WHERE office_uid = ? AND fiscal_year = ? ORDER BY id",
                        [office_uid, fiscal_year]):
        found[row["round_id"]] = _submission(row)
    return found


def add_submission(db: Database, office_uid: str, fiscal_year: int, round_id: str, state: str, *,
                   signer_name: str = "", signer_position: str = "", signed_on: str = "", reason: str = "",
                   actor: str, at: str) -> Submission:
    with db.atomic():
        high = db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
        db.execute(
            "INSERT INTO round_submissions (office_uid, fiscal_year, round_id, state, signer_name, signer_position, "
            "signed_on, reason, audit_high, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [office_uid, fiscal_year, round_id, state, signer_name, signer_position, signed_on, reason, high, at, actor])
        record(db, at=at, actor=actor, action=f"round_{state}", entity="round",
               entity_uid=f"{fiscal_year}/{round_id}/{office_uid}", field="state", new=state)
    return submissions(db, office_uid, fiscal_year)[round_id]


def progress_changes_since(db: Database, audit_high: int, agency_uid: str, quarters: tuple[int, ...]) -> int:
    """How many of an office's progress cells in *quarters* changed after audit row *audit_high*."""
    if not quarters:
        return 0
    patterns = [f"%/{agency_uid}/q{q}" for q in quarters]
    where = " OR ".join("entity_uid LIKE ?" for _ in patterns)
    row = db.execute(f"SELECT count(DISTINCT entity_uid) FROM audit_log WHERE id > ? AND entity = 'progress' "
                     f"AND ({where})", [audit_high, *patterns]).fetchone()
    return int(row[0])


# -- the coordinator's review -----------------------------------------------------------------------
class Review(NamedTuple):
    """One review of an office's round by the coordinator (a state of domain/rounds.REVIEW_STATES, with its comment)."""

    office_uid: str
    fiscal_year: int
    round_id: str
    state: str
    comment: str
    at: str
    actor: str


class Comment(NamedTuple):
    """A comment of the coordinator on an office's round or one row × quarter, with the office's answer."""

    id: int
    uid: str
    office_uid: str
    fiscal_year: int
    round_id: str | None
    indicator_uid: str | None
    quarter: int | None
    text: str
    at: str
    actor: str
    answer: str
    answered_at: str
    answered_by: str


def reviews(db: Database, fiscal_year: int) -> dict[tuple[str, str], Review]:
    """The newest review state per (office uid, round id) of a year."""
    found: dict[tuple[str, str], Review] = {}
    for row in db.query("SELECT * FROM round_reviews WHERE fiscal_year = ? ORDER BY id", [fiscal_year]):
        found[(row["office_uid"], row["round_id"])] = Review(
            row["office_uid"], row["fiscal_year"], row["round_id"], row["state"], row["comment"], row["at"], row["actor"])
    return found


def add_review(db: Database, office_uid: str, fiscal_year: int, round_id: str, state: str, comment: str,
               actor: str, at: str) -> None:
    with db.atomic():
        db.execute("INSERT INTO round_reviews (office_uid, fiscal_year, round_id, state, comment, at, actor) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)", [office_uid, fiscal_year, round_id, state, comment, at, actor])
        record(db, at=at, actor=actor, action="review", entity="round",
               entity_uid=f"{fiscal_year}/{round_id}/{office_uid}", field="review", new=state)


def _comment(row: dict[str, Any]) -> Comment:
    return Comment(row["id"], row["uid"], row["office_uid"], row["fiscal_year"], row["round_id"], row["indicator_uid"],
                   row["quarter"], row["text"], row["at"], row["actor"], row["answer"], row["answered_at"],
                   row["answered_by"])


def comments(db: Database, fiscal_year: int, office_uid: str | None = None) -> list[Comment]:
    sql, params = "SELECT * FROM review_comments WHERE fiscal_year = ?", [fiscal_year]
    if office_uid is not None:
        sql += " AND office_uid = ?"
        params.append(office_uid)
    return [_comment(r) for r in db.query(sql + " ORDER BY id", params)]


def add_comment(db: Database, uid: str, office_uid: str, fiscal_year: int, round_id: str | None,
                indicator_uid: str | None, quarter: int | None, text: str, actor: str, at: str) -> Comment:
    with db.atomic():
        row_id = db.execute(
            "INSERT INTO review_comments (uid, office_uid, fiscal_year, round_id, indicator_uid, quarter, text, at, actor) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [uid, office_uid, fiscal_year, round_id, indicator_uid, quarter, text, at, actor]).lastrowid
        record(db, at=at, actor=actor, action="comment", entity="comment", entity_uid=uid, field="text", new=text)
    return _comment(next(db.query("SELECT * FROM review_comments WHERE id = ?", [row_id])))


def answer_comment(db: Database, comment_id: int, answer: str, actor: str, at: str) -> Comment:
    with db.atomic():
        row = next(db.query("SELECT * FROM review_comments WHERE id = ?", [comment_id]), None)
        if row is None:
            from ..errors import TratError

            raise TratError(_("ไม่พบความเห็นหมายเลข {comment_id}").format(comment_id=comment_id))
        db.execute("UPDATE review_comments SET answer = ?, answered_at = ?, answered_by = ? WHERE id = ?",
                   [answer, at, actor, comment_id])
        record(db, at=at, actor=actor, action="comment_answer", entity="comment", entity_uid=row["uid"],
               field="answer", old=row["answer"] or None, new=answer)
    return _comment(next(db.query("SELECT * FROM review_comments WHERE id = ?", [comment_id])))


# -- at the coordinator: what offices sent about their rounds ---------------------------------------
def all_submissions(db: Database, office_uid: str, fiscal_year: int) -> list[Submission]:
    """Every sign-off and withdrawal of one office's year, oldest first (what its export carries)."""
    return [_submission(r) for r in db.query(
        "SELECT * FROM round_submissions WHERE office_uid = ? AND fiscal_year = ? ORDER BY id", [office_uid, fiscal_year])]


def answered_comments(db: Database, office_uid: str) -> list[Comment]:
    return [_comment(r) for r in db.query(
        "SELECT * FROM review_comments WHERE office_uid = ? AND answer != '' ORDER BY id", [office_uid])]


def take_office_rounds(db: Database, office_uid: str, fiscal_year: int, records: list[dict[str, Any]],
                       received_at: str, file_signed: str) -> int:
    """Store what an office's file says of its rounds (call inside the import's transaction); returns how
    many records were new. Idempotent and order-free: a sign-off is known by (round, its time), an answer
    is kept when it is newer than the one stored."""
    new = 0
    for r in records:
        if r["kind"] == "submission":
            cursor = db.execute(
                "INSERT OR IGNORE INTO received_submissions (office_uid, fiscal_year, round_id, state, signer_name, "
                "signer_position, signed_on, reason, at, received_at, file_signed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [office_uid, fiscal_year, r["round_id"], r["state"], r["signer_name"], r["signer_position"],
                 r["signed_on"], r["reason"], r["at"], received_at, file_signed])
            new += cursor.rowcount
        else:
            cursor = db.execute(
                "UPDATE review_comments SET answer = ?, answered_at = ?, answered_by = ? "
                "WHERE uid = ? AND office_uid = ? AND answered_at < ?",
                [r["answer"], r["answered_at"], "หน่วยงาน", r["comment_uid"], office_uid, r["answered_at"]])
            new += cursor.rowcount
    return new


class Received(NamedTuple):
    """An office's round as the coordinator last heard of it."""

    state: str           # submitted | withdrawn
    signed_on: str
    signer_name: str
    at: str
    received_at: str
    file_signed: str = ""  # the signed hash of the file that first carried it (the import ledger's signed_sha256)


def received_rounds(db: Database, fiscal_year: int) -> dict[tuple[str, str], Received]:
    """(office uid, round id) -> the newest sign-off or withdrawal received (by the office's own time)."""
    found: dict[tuple[str, str], Received] = {}
    for row in db.query("SELECT * FROM received_submissions WHERE fiscal_year = ? ORDER BY at, id", [fiscal_year]):
        first = found.get((row["office_uid"], row["round_id"]))
        received_at, carried = row["received_at"], row["file_signed"]
        if first is not None and first.state == row["state"] == "submitted" and first.signed_on == row["signed_on"]:
            received_at, carried = first.received_at, first.file_signed
        found[(row["office_uid"], row["round_id"])] = Received(row["state"], row["signed_on"], row["signer_name"],
                                                               row["at"], received_at, carried)
    return found


# -- replies (ใบตอบรับ) ---------------------------------------------------------------------------
def office_ledger(db: Database, office_uid: str, fiscal_year: int) -> list[dict[str, Any]]:
    """The coordinator's ledger rows of one office's files (for its receipt)."""
    return list(db.query(
        "SELECT sequence, file_name, imported_at, status, added, updated, unchanged, conflicts, exported_at, content_code, "
        "signed_sha256 "
        "FROM import_ledger WHERE office_uid = ? AND status != 'rejected' ORDER BY id", [office_uid]))


def review_rows(db: Database, office_uid: str, fiscal_year: int) -> list[Review]:
    return [Review(r["office_uid"], r["fiscal_year"], r["round_id"], r["state"], r["comment"], r["at"], r["actor"])
            for r in db.query("SELECT * FROM round_reviews WHERE office_uid = ? AND fiscal_year = ? ORDER BY id",
                              [office_uid, fiscal_year])]


def take_reply(db: Database, office_uid: str, fiscal_year: int, reply_sequence: int, receipts: list[dict[str, Any]],
               reviews_in: list[dict[str, Any]], comments_in: list[dict[str, Any]], actor: str, at: str) -> dict[str, int]:
    """Apply a reply at the office, in one transaction: receipts replace the year's, review rows and comments
    are added when not held yet (known by their time / uid); returns counts of what was new."""
    counts = {"receipts": 0, "reviews": 0, "comments": 0, "unlocks": 0}
    with db.atomic():
        db.execute("DELETE FROM office_receipts WHERE fiscal_year = ?", [fiscal_year])
        for r in receipts:
            db.execute("INSERT OR REPLACE INTO office_receipts (fiscal_year, sequence, file_name, imported_at, status, "
                       "counts, reply_sequence) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [fiscal_year, r["sequence"], r["file_name"], r["imported_at"], r["status"], r["counts"],
                        reply_sequence])
            counts["receipts"] += 1
        held = {(r.round_id, r.at, r.state) for r in review_rows(db, office_uid, fiscal_year)}
        for r in reviews_in:
            if (r["round_id"], r["at"], r["state"]) in held:
                continue
            db.execute("INSERT INTO round_reviews (office_uid, fiscal_year, round_id, state, comment, at, actor) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [office_uid, fiscal_year, r["round_id"], r["state"], r["comment"], r["at"], "ศูนย์ฯ"])
            counts["reviews"] += 1
            if r["state"] == "unlocked":
                latest = submissions(db, office_uid, fiscal_year).get(r["round_id"])
                if latest is not None and latest.state == "submitted" and latest.at <= r["at"]:
                    add_submission(db, office_uid, fiscal_year, r["round_id"], "withdrawn",
                                   reason="ศูนย์ฯ ปลดล็อกให้แก้ไข", actor=actor, at=at)
                    counts["unlocks"] += 1
        for c in comments_in:
            cursor = db.execute(
                "INSERT OR IGNORE INTO review_comments (uid, office_uid, fiscal_year, round_id, indicator_uid, quarter, "
                "text, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [c["uid"], office_uid, fiscal_year, c["round_id"], c["indicator_uid"], c["quarter"], c["text"], c["at"],
                 "ศูนย์ฯ"])
            counts["comments"] += cursor.rowcount
        record(db, at=at, actor=actor, action="reply_import", entity="reply", entity_uid=str(reply_sequence),
               field="sequence", new=reply_sequence)
    return counts


def receipts(db: Database, fiscal_year: int) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM office_receipts WHERE fiscal_year = ? ORDER BY sequence", [fiscal_year]))


def rows_changed_after(db: Database, agency_uid: str, quarters: tuple[int, ...], after: str,
                       indicator_uids: list[str]) -> int:
    """How many of an office's progress rows of *quarters* the office changed after time *after* (its
    sign-off), by the office's own time stamps: "แก้ไขหลังลงนาม" at the coordinator."""
    if not quarters or not after:
        return 0
    import json

    marks = ",".join("?" for _ in quarters)
    row = db.execute(
        f"SELECT count(*) FROM progress WHERE agency_uid = ? AND quarter IN ({marks}) AND updated_at > ? "
        "AND indicator_uid IN (SELECT value FROM json_each(?))",
        [agency_uid, *quarters, after, json.dumps(indicator_uids)]).fetchone()
    return int(row[0])


def last_signoffs(db: Database, fiscal_year: int) -> dict[tuple[str, str], str]:
    """(office uid, round id) -> the office's time of its latest sign-off received."""
    return {(r["office_uid"], r["round_id"]): r["at"] for r in db.query(
        "SELECT office_uid, round_id, max(at) AS at FROM received_submissions WHERE fiscal_year = ? "
        "AND state = 'submitted' GROUP BY office_uid, round_id", [fiscal_year])}
