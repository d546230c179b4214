"""The reporting cycle at an office: the year's rounds, the open one and its due date, the head of office's
sign-off that locks a round's values, and withdrawing it; the coordinator sets the rounds' dates."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from ..domain import rounds as rules
from ..domain.capabilities import can, require
from ..domain.thai import shown_digits
from ..errors import TratError
from ..store import rounds as round_store
from .progress import ProgressService
from ..i18n import _, language, ngettext

MAX_REASON = 1000


class RoundView(NamedTuple):
    """A round as an office sees it."""

    round: rules.Round
    state: str                 # "open" | "submitted" | "withdrawn"
    submission: round_store.Submission | None
    changed_after_signoff: int

    def as_json(self) -> dict[str, Any]:
        data = self.round.as_json()
        data.update(state=self.state, changed_after_signoff=self.changed_after_signoff)
        if self.submission is not None:
            s = self.submission
            data["submission"] = {"state": s.state, "signer_name": s.signer_name, "signer_position": s.signer_position,
                                  "signed_on": s.signed_on, "reason": s.reason, "at": s.at}
        return data


class RoundService:
    """Rounds of a fiscal year over the progress service's database."""

    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress
        self._db = progress.plans.db

    def rounds(self, fiscal_year: int) -> list[rules.Round]:
        return rules.rounds_of_year(fiscal_year, round_store.round_dates(self._db, fiscal_year),
                                    self.progress.plans.round_due_days())

    def find(self, fiscal_year: int, round_id: str) -> rules.Round:
        key = rules.check_round_id(round_id)
        return next(r for r in self.rounds(fiscal_year) if r.id == key)

    def open_round(self, fiscal_year: int, today: dt.date | None = None) -> rules.Round | None:
        return rules.open_round(self.rounds(fiscal_year), today or self.progress.today())

    def header_text(self, fiscal_year: int, today: dt.date | None = None) -> str:
        """'รอบที่ต้องส่ง: ไตรมาส ๒ · ครบกำหนดส่ง ๑๕ เม.ย. ๒๕๖๙ อีก ๓ วัน' for the office's header ('' outside the year)."""
        today = today or self.progress.today()
        item = rules.open_round(self.rounds(fiscal_year), today)
        if item is None:
            return ""
        state = self.views(fiscal_year).get(item.id)
        changed = ""
        if state is not None and state.changed_after_signoff:
            changed = " · " + ngettext("{changed} {count} รายการ", "{changed} {count} รายการ",
                                       state.changed_after_signoff).format(
                changed=_(rules.CHANGED_AFTER_SIGNOFF), count=shown_digits(state.changed_after_signoff))
        if state is not None and state.state == "submitted":
            return _("รอบที่ต้องส่ง: {round} · ลงนามส่งรายงานแล้ว{changed}").format(round=item.title(language()), changed=changed)
        return _("รอบที่ต้องส่ง: {round} · {due}{changed}").format(
            round=item.title(language()), due=rules.due_text(item, today, language() == "th", language=language()), changed=changed)

    # -- coordinator ---------------------------------------------------------------------------
    def set_dates(self, fiscal_year: int, round_id: str, start: Any = None, end: Any = None,
                  due: Any = None) -> rules.Round:
        """Change a round's period and/or due date (Thai BE or ISO dates as typed)."""
        me = self.progress.identity()
        require(me, "set_rounds")
        if fiscal_year not in self.progress.plans.fiscal_years():
            raise TratError(_("ไม่มีแผนของปีงบประมาณ พ.ศ. {year}").format(
                                year=shown_digits(fiscal_year)))
        current = self.find(fiscal_year, round_id)
        given = {"start": start, "end": end, "due": due}
        blank = [name for name, value in given.items() if value is not None and not str(value).strip()]
        if blank or all(value is None for value in given.values()):
            # an empty date typed (--due "") would otherwise leave the round as it was and look as if set
            raise TratError(_("ไม่ได้ระบุวันที่ที่จะเปลี่ยน: ระบุวันเริ่มต้น วันสิ้นสุด หรือวันครบกำหนดส่ง "
                              "เช่น ๑๕ เม.ย. ๒๕๖๙ จึงยังไม่ได้เปลี่ยนแปลงสิ่งใด"))
        changed = rules.Round(
            fiscal_year, current.id,
            rules.parse_date(start) if start else current.start,
            rules.parse_date(end) if end else current.end,
            rules.parse_date(due) if due else current.due)
        rules.check_dates(changed)
        round_store.save_round_dates(self._db, fiscal_year, changed.id, changed.start, changed.end, changed.due,
                                     me.actor(), self.progress.now())
        return changed

    # -- office --------------------------------------------------------------------------------
    def views(self, fiscal_year: int, office_uid: str | None = None) -> dict[str, RoundView]:
        office_uid = office_uid or self.progress.identity().office_uid
        subs = round_store.submissions(self._db, office_uid, fiscal_year) if office_uid else {}
        found = {}
        for item in self.rounds(fiscal_year):
            sub = subs.get(item.id)
            state = sub.state if sub is not None else "open"
            changed = 0
            if sub is not None:
                changed = round_store.progress_changes_since(self._db, sub.audit_high, office_uid, item.quarters())
            found[item.id] = RoundView(item, state, sub, changed)
        return found

    def signoff_times(self, fiscal_year: int) -> dict[str, dict[int, str]]:
        """Office uid -> quarter -> its latest sign-off of a round covering that quarter: values saved after it are
        "แก้ไขหลังลงนาม". An office knows its own sign-offs; the coordinator those its imported files carried."""
        me = self.progress.identity()
        signed: dict[str, dict[str, str]] = {}
        if can(me, "submit_round"):
            for sub in round_store.all_submissions(self._db, me.office_uid, fiscal_year):
                if sub.state == "submitted":
                    mine = signed.setdefault(me.office_uid, {})
                    mine[sub.round_id] = max(mine.get(sub.round_id, ""), sub.at)
        elif can(me, "review"):
            for (office_uid, round_id), at in round_store.last_signoffs(self._db, fiscal_year).items():
                signed.setdefault(office_uid, {})[round_id] = at
        rounds = self.rounds(fiscal_year)
        return {office_uid: rules.signoff_times(rounds, times) for office_uid, times in signed.items()}

    def locked_quarters(self, fiscal_year: int, office_uid: str) -> dict[int, rules.Round]:
        states = {k: s.state for k, s in round_store.submissions(self._db, office_uid, fiscal_year).items()}
        return rules.locked_quarters(self.rounds(fiscal_year), states)

    def check_not_locked(self, fiscal_year: int, office_uid: str, quarter: int) -> None:
        """Raise in Thai when a round this office signed off locks *quarter* of *fiscal_year*."""
        locked = self.locked_quarters(fiscal_year, office_uid).get(quarter)
        if locked is not None:
            raise TratError(rules.lock_message(locked, quarter))

    def missing(self, fiscal_year: int, round_id: str) -> list[rules.DueCell]:
        """The office's due cells that block a sign-off of the round."""
        item = self.find(fiscal_year, round_id)
        cells = []
        for work in self.progress.work_items(fiscal_year):
            if not getattr(work, "assigned", True):
                continue  # no longer the office's row: nothing is due there
            for quarter in item.quarters():
                if quarter not in work.quarters():
                    continue
                entry = work.entries.get(quarter)
                cells.append(rules.DueCell(work.id, quarter, entry.achieved if entry else None,
                                           entry.status if entry else "not_started", entry.note if entry else ""))
        return rules.missing_for_round(cells)

    def submit(self, fiscal_year: int, round_id: str, signer_name: str = "", signer_position: str = "",
               signed_on: dt.date | None = None, out: Any = None, folder: Any = None) -> tuple[RoundView, Any]:
        """The head of office's sign-off: every due row reported, then the round's values lock on this PC."""
        me = self.progress.identity()
        require(me, "submit_round")
        item = self.find(fiscal_year, round_id)
        current = self.views(fiscal_year).get(item.id)
        if current is not None and current.state == "submitted":
            raise TratError(_("{name}ลงนามส่งรายงานแล้ว (เมื่อ {signed_on})").format(
                name=item.title(language()), signed_on=current.submission.signed_on if current.submission else ""))
        missing = self.missing(fiscal_year, item.id)
        if missing:
            cell = _("{row} ไตรมาส {quarter}")
            listed = ", ".join(cell.format(row=c.label, quarter=shown_digits(c.quarter)) for c in missing[:10])
            more = (ngettext(" และอีก {count} รายการ", " และอีก {count} รายการ", len(missing) - 10).format(
                count=shown_digits(len(missing) - 10)) if len(missing) > 10 else "")
            raise TratError(ngettext("ยังส่ง{name}ไม่ได้: ตัวชี้วัดที่ถึงกำหนดยังไม่มีผล หรือมีสถานะแต่ไม่ระบุเหตุผล "
                                     "{count} รายการ: {listed}{more}",
                                     "ยังส่ง{name}ไม่ได้: ตัวชี้วัดที่ถึงกำหนดยังไม่มีผล หรือมีสถานะแต่ไม่ระบุเหตุผล "
                                     "{count} รายการ: {listed}{more}", len(missing)).format(
                name=item.title(language()), count=shown_digits(len(missing)), listed=listed, more=more))
        name = (signer_name or me.head_name).strip()
        position = (signer_position or me.head_position).strip()
        if not name:
            raise TratError(_("ต้องระบุชื่อหัวหน้าส่วนราชการผู้ลงนาม"))
        day = rules.check_signed_on(item, signed_on or self.progress.today(), self.progress.today())
        from .exchange import ExchangeService  # the final file of the round

        exchange = ExchangeService(self.progress)
        with self._db.atomic():  # the sign-off stands only with its final file
            round_store.add_submission(self._db, me.office_uid, fiscal_year, item.id, "submitted",
                                       signer_name=name[:200], signer_position=position[:200],
                                       signed_on=day.isoformat(), actor=me.actor(), at=self.progress.now())
            path, _sequence = exchange.export_office(out, fiscal_year, folder, final_round=item.id)
        return self.views(fiscal_year)[item.id], path

    def withdraw(self, fiscal_year: int, round_id: str, reason: str) -> RoundView:
        """Take back a sign-off (with a reason) to correct values; they unlock on this PC."""
        me = self.progress.identity()
        require(me, "withdraw_round")
        item = self.find(fiscal_year, round_id)
        current = self.views(fiscal_year).get(item.id)
        if current is None or current.state != "submitted":
            raise TratError(_("{name}ยังไม่ได้ลงนามส่งรายงาน จึงไม่มีอะไรให้ถอน").format(name=item.title(language())))
        accepted = round_store.reviews(self._db, fiscal_year).get((me.office_uid, item.id))
        if accepted is not None and accepted.state == "accepted":
            raise TratError(_("ศูนย์ฯ รับรายงาน{name}แล้ว จึงถอนการส่งไม่ได้ หากต้องแก้ไข โปรดขอให้ศูนย์ฯ ปลดล็อก").format(
                                name=item.title(language())))
        reason = " ".join(str(reason or "").split())
        if not reason:
            raise TratError(_("ต้องระบุเหตุผลที่ถอนการส่งรายงาน"))
        if len(reason) > MAX_REASON:
            raise TratError(_("เหตุผลยาวเกิน {max_reason:,} ตัวอักษร").format(max_reason=MAX_REASON))
        round_store.add_submission(self._db, me.office_uid, fiscal_year, item.id, "withdrawn", reason=reason,
                                   actor=me.actor(), at=self.progress.now())
        return self.views(fiscal_year)[item.id]


MAX_COMMENT = 2000
REVIEW_ACTIONS = {"accept": "accepted", "return": "returned", "check": "checked", "unlock": "unlocked"}


def _clean(text: Any, what: str, limit: int) -> str:
    from ..domain.text import clean_text

    cleaned = clean_text(str(text or ""), multiline=True).strip()
    if not cleaned:
        raise TratError(_("ต้องระบุ{what}").format(what=what))
    if len(cleaned) > limit:
        raise TratError(_("{what}ยาวเกิน {limit:,} ตัวอักษร").format(what=what, limit=limit))
    return cleaned


class ReviewService:
    """The coordinator's review of each office's round (states, comments); an office answers comments."""

    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress
        self.rounds = RoundService(progress)
        self._db = progress.plans.db

    def states(self, fiscal_year: int) -> dict[tuple[str, str], str]:
        """(office uid, round id) -> review state (absent: not received)."""
        return {key: r.state for key, r in round_store.reviews(self._db, fiscal_year).items()}

    def set_state(self, office: str, fiscal_year: int, round_id: str, action: str, comment: str = "") -> str:
        me = self.progress.identity()
        require(me, "review")
        office_uid, office_name = self.progress.find_agency(office)
        item = self.rounds.find(fiscal_year, round_id)
        state = REVIEW_ACTIONS[action]
        if state == "returned" and not str(comment or "").strip():
            raise TratError(_("การส่งคืนเพื่อแก้ไขต้องมีความเห็นบอกหน่วยงานว่าต้องแก้ไขอะไร (--comment)"))
        text = _clean(comment, _("ความเห็น"), MAX_COMMENT) if str(comment or "").strip() else ""
        now = self.progress.now()
        round_store.add_review(self._db, office_uid, fiscal_year, item.id, state, text, me.actor(), now)
        if text:
            import uuid

            round_store.add_comment(self._db, str(uuid.uuid4()), office_uid, fiscal_year, item.id, None, None,
                                    text, me.actor(), now)
        return state

    def comment(self, item_id: str, quarter: int, text: str, agency: str | None = None,
                fiscal_year: int | None = None) -> round_store.Comment:
        """A comment on one row × quarter of an office ("ขอหลักฐานเพิ่ม")."""
        import uuid

        me = self.progress.identity()
        require(me, "comment")
        work = self.progress.find_item(item_id, agency, fiscal_year)
        if quarter not in (1, 2, 3, 4):
            raise TratError(_("ไตรมาสต้องเป็น ๑ ถึง ๔"))
        return round_store.add_comment(self._db, str(uuid.uuid4()), work.agency_uid, work.fiscal_year, None,
                                       work.indicator_uid, quarter, _clean(text, _("ความเห็น"), MAX_COMMENT),
                                       me.actor(), self.progress.now())

    def submission_comment(self, office: str, fiscal_year: int, round_id: str, text: str) -> round_store.Comment:
        """A comment on an office's whole submission of a round, leaving its review state as it is."""
        import uuid

        me = self.progress.identity()
        require(me, "comment")
        office_uid, _name = self.progress.find_agency(office)
        item = self.rounds.find(fiscal_year, round_id)
        return round_store.add_comment(self._db, str(uuid.uuid4()), office_uid, fiscal_year, item.id, None, None,
                                       _clean(text, _("ความเห็น"), MAX_COMMENT), me.actor(), self.progress.now())

    def comments(self, fiscal_year: int, office_uid: str | None = None) -> list[round_store.Comment]:
        me = self.progress.identity()
        if can(me, "answer_comment"):  # an office sees only its own
            office_uid = me.office_uid
        return round_store.comments(self._db, fiscal_year, office_uid)

    def row_comments(self, fiscal_year: int) -> dict[tuple[str, str, int], list[tuple[str, str]]]:
        """At the centre, for its grid: its comments on rows × quarters, (indicator uid, office uid, quarter) ->
        [(text, the office's answer)], the answer '' while open. Answers come back in the office's next export.
        Nothing on an installation that does not comment (an office sees its open ones: ProgressService.open_comments)."""
        found: dict[tuple[str, str, int], list[tuple[str, str]]] = {}
        if not can(self.progress.identity(), "comment"):
            return found
        for c in round_store.comments(self._db, fiscal_year):
            if c.indicator_uid and c.quarter:
                found.setdefault((c.indicator_uid, c.office_uid, c.quarter), []).append((c.text, c.answer))
        return found

    def answer(self, comment_id: int, text: str) -> round_store.Comment:
        me = self.progress.identity()
        require(me, "answer_comment")
        mine = {c.id for y in self.progress.plans.fiscal_years() for c in self.comments(y)}
        if comment_id not in mine:
            raise TratError(_("ไม่พบความเห็นหมายเลข {comment_id} ของหน่วยงานนี้").format(comment_id=comment_id))
        return round_store.answer_comment(self._db, comment_id, _clean(text, _("คำตอบ"), MAX_COMMENT), me.actor(),
                                          self.progress.now())


class OfficeRound(NamedTuple):
    """One office × round as the coordinator tracks it."""

    office_uid: str
    office_name: str
    round: rules.Round
    state: str                       # a key of rules.REVIEW_TEXT
    punctuality: rules.Punctuality
    signed_on: str                   # the sign-off date the office typed (the head's date on paper)
    received_at: str
    changed_after_signoff: int = 0
    file_name: str = ""              # the file that carried the sign-off (the import ledger's name)
    sequence: int | None = None
    submitted_at: str = ""           # that file's signed export time: what timeliness counts (rules.submitted_day)

    def as_json(self) -> dict[str, Any]:
        return {"office_uid": self.office_uid, "office": self.office_name, "round": self.round.id,
                "changed_after_signoff": self.changed_after_signoff,
                "state": self.state, "state_text": rules.REVIEW_TEXT[self.state],
                "timeliness": self.punctuality.state, "days_late": self.punctuality.days_late,
                "timeliness_text": self.punctuality.text(), "due": self.round.due.isoformat(),
                "submitted": self.submitted_on(), "submitted_at": self.submitted_at, "signed_on": self.signed_on,
                "received": self.received_at, "file": self.file_name, "sequence": self.sequence}

    def submitted_on(self) -> str:
        """The day the final file was signed (ISO), '' when nothing was submitted."""
        day = rules.submitted_day(self.submitted_at) if self.submitted_at else None
        return day.isoformat() if day else ""


def board(review: ReviewService, fiscal_year: int, round_id: str | None = None,
          today: dt.date | None = None) -> list[OfficeRound]:
    """Every office with rows in the year's plan × the round(s): review state and timeliness."""
    progress = review.progress
    today = today or progress.today()
    plan = progress.plans.load_plan(fiscal_year)
    names = {a.name: a.uid for a in progress.plans.agencies()}
    offices = sorted({name for row in plan.rows() for name in row.agencies})
    row_uids = [row.uid for row in plan.rows()]
    received = round_store.received_rounds(review._db, fiscal_year)
    reviewed = round_store.reviews(review._db, fiscal_year)
    signoffs = round_store.last_signoffs(review._db, fiscal_year)
    wanted = [review.rounds.find(fiscal_year, round_id)] if round_id else review.rounds.rounds(fiscal_year)
    found = []
    files: dict[str, dict[str, Any]] = {}
    for name in offices:
        uid = names[name]
        for item in wanted:
            got = received.get((uid, item.id))
            seen = reviewed.get((uid, item.id))
            submitted = got is not None and got.state == "submitted"
            if seen is not None and (got is None or seen.at >= got.received_at):
                state = seen.state
            else:
                state = "received" if submitted else "not_received"
            last = signoffs.get((uid, item.id), "")
            changed = round_store.rows_changed_after(review._db, uid, item.quarters(), last, row_uids)
            carried = files.setdefault(uid, {r["signed_sha256"]: r for r in reversed(round_store.office_ledger(
                review._db, uid, fiscal_year))}).get(got.file_signed) if submitted else None
            # timeliness counts the final file's signed time, never the typed sign-off date (domain/rounds.py)
            signed_at = (str(carried["exported_at"] or "") if carried else "") or (got.at if submitted else "")
            signed = rules.submitted_day(signed_at) if submitted else None
            found.append(OfficeRound(uid, name, item, state, rules.punctuality(item, signed, today),
                                     got.signed_on if submitted else "", got.received_at if submitted else "", changed,
                                     str(carried["file_name"]) if carried else "",
                                     int(carried["sequence"]) if carried else None,
                                     signed_at if submitted else ""))
    return found


def reminders(review: ReviewService, fiscal_year: int, round_id: str, today: dt.date | None = None) -> list[tuple[str, str]]:
    """(office, ready Thai message) for every office missing the round after its due date, or returned."""
    today = today or review.progress.today()
    texts = []
    comments = round_store.comments(review._db, fiscal_year)
    for entry in board(review, fiscal_year, round_id, today):
        if entry.state == "returned":
            notes = [c.text for c in comments if c.office_uid == entry.office_uid and not c.answer
                     and (c.round_id == round_id or (c.quarter is not None and c.quarter in entry.round.quarters()))]
            texts.append((entry.office_name, rules.reminder_text(entry.office_name, entry.round, "returned", today,
                                                                 comments=notes)))
        elif entry.punctuality.state == "missing":
            texts.append((entry.office_name, rules.reminder_text(entry.office_name, entry.round, "missing", today)))
    return texts
