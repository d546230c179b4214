"""The reporting round in exchange files (format version 3): what an office's export says of its rounds
(``rounds.jsonl``: its sign-offs and withdrawals, and its answers to the coordinator's comments), each
record checked as strictly as the progress rows (see docs/exchange-format.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..domain.rounds import ROUND_IDS
from ..domain.text import clean_text
from .archive import BadArchive

ENTRY = "rounds.jsonl"
MAX_TEXT = 2000
KINDS = ("submission", "answer")
FIELD_NAMES = {"kind": "ชนิดรายการ", "round_id": "รอบรายงาน", "state": "สถานะการส่ง", "signer_name": "ชื่อผู้ลงนาม",
               "signer_position": "ตำแหน่งผู้ลงนาม", "signed_on": "วันที่ลงนาม", "reason": "เหตุผล", "at": "เวลา",
               "comment_uid": "รหัสความเห็น", "answer": "คำตอบ", "answered_at": "เวลาที่ตอบ"}


def _text(record: dict[str, Any], name: str, where: str, limit: int = MAX_TEXT, required: bool = False) -> str:
    value = record.get(name, "")
    if not isinstance(value, str):
        raise BadArchive(f"{where}: ข้อมูล “{FIELD_NAMES.get(name, name)}” มีชนิดไม่ถูกต้อง")
    if len(value) > limit:
        raise BadArchive(f"{where}: ข้อมูล “{FIELD_NAMES.get(name, name)}” ยาวเกิน {limit:,} ตัวอักษร")
    value = clean_text(value, multiline=name in ("reason", "answer"))
    if required and not value:
        raise BadArchive(f"{where}: ไม่มีข้อมูล “{FIELD_NAMES.get(name, name)}”")
    return value


def _stamp(record: dict[str, Any], name: str, where: str) -> str:
    value = _text(record, name, where, 40, required=True)
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise BadArchive(f"{where}: ข้อมูล “{FIELD_NAMES[name]}” ไม่ใช่วันเวลาที่ถูกต้อง") from None
    return value


def submission_record(s: Any) -> dict[str, Any]:
    return {"kind": "submission", "round_id": s.round_id, "state": s.state, "signer_name": s.signer_name,
            "signer_position": s.signer_position, "signed_on": s.signed_on, "reason": s.reason, "at": s.at}


def answer_record(c: Any) -> dict[str, Any]:
    return {"kind": "answer", "comment_uid": c.uid, "answer": c.answer, "answered_at": c.answered_at}


def check_record(record: dict[str, Any], where: str) -> dict[str, Any]:
    """One record of rounds.jsonl, cleaned; BadArchive in Thai when anything is off."""
    kind = record.get("kind")
    if kind not in KINDS:
        raise BadArchive(f"{where}: ชนิดรายการไม่ถูกต้อง")
    if kind == "answer":
        uid = _text(record, "comment_uid", where, 64, required=True)
        return {"kind": kind, "comment_uid": uid, "answer": _text(record, "answer", where, required=True),
                "answered_at": _stamp(record, "answered_at", where)}
    round_id = record.get("round_id")
    if round_id not in ROUND_IDS:
        raise BadArchive(f"{where}: รอบรายงานไม่ถูกต้อง")
    state = record.get("state")
    if state not in ("submitted", "withdrawn"):
        raise BadArchive(f"{where}: สถานะการส่งไม่ถูกต้อง")
    signed_on = _text(record, "signed_on", where, 10)
    if signed_on:
        try:
            dt.date.fromisoformat(signed_on)
        except ValueError:
            raise BadArchive(f"{where}: วันที่ลงนามไม่ถูกต้อง") from None
    elif state == "submitted":
        raise BadArchive(f"{where}: การส่งรายงานไม่มีวันที่ลงนาม")
    return {"kind": kind, "round_id": round_id, "state": state,
            "signer_name": _text(record, "signer_name", where, 200), "signer_position": _text(record, "signer_position", where, 200),
            "signed_on": signed_on, "reason": _text(record, "reason", where), "at": _stamp(record, "at", where)}
