"""The loop back to the office: a signed reply (ใบตอบรับ) with the receipt, review states, comments and
unlocks; answers travel back in the next export. Replies are idempotent, ordered, and another office's or a
forged reply is refused."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from trat_desktop.domain.identity import Identity
from trat_desktop.errors import TratError
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.exchange import ExchangeService
from trat_desktop.services.replies import ReplyService
from trat_desktop.services.rounds import ReviewService, RoundService, board

OFFICE = "สำนักงานจังหวัดตราด"
OTHER = "สำนักงานสาธารณสุขจังหวัดตราด"


def _clock(day: dt.date):
    """A clock that moves on a second at each reading (events keep their order)."""
    start = dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    ticks = iter(range(10**9))
    return lambda: start + dt.timedelta(seconds=next(ticks))


def _fill(progress: ProgressService, quarter: int) -> None:
    for item in progress.work_items(2569):
        if quarter in item.quarters():
            progress.set_progress(item, quarter, status="cancelled", note="งดจัดกิจกรรม")


@pytest.fixture
def world(tmp_path):
    opened = []

    def open_db(name: str, identity: Identity, day: dt.date) -> ProgressService:
        plans = PlanService.open(tmp_path / f"{name}.sqlite3")
        opened.append(plans)
        progress = ProgressService(plans, clock=_clock(day))
        progress.set_identity(identity)
        return progress

    office = open_db("office", Identity(role="office", office_name=OFFICE, head_name="นางหัวหน้า"), dt.date(2026, 4, 10))
    other = open_db("other", Identity(role="office", office_name=OTHER, head_name="นายหัวหน้า"), dt.date(2026, 4, 10))
    centre = open_db("centre", Identity(role="coordinator", reporter_name="ผู้ประสาน"), dt.date(2026, 4, 16))
    yield office, other, centre, tmp_path
    for plans in opened:
        plans.close()


def test_the_whole_loop_receipt_comments_acceptance_unlock_and_answers(world):
    office, other, centre, folder = world
    _fill(office, 2)
    _, final = RoundService(office).submit(2569, "q2", folder=folder)
    ExchangeService(centre).import_files([final], trust_new=True)
    review = ReviewService(centre)
    item = next(i for i in centre.work_items(2569) if i.agency_name == OFFICE and 2 in i.quarters())
    asked = review.comment(item.id, 2, "ขอหลักฐานเพิ่ม", agency=OFFICE)
    review.set_state(OFFICE, 2569, "q2", "accept")
    replies = ReplyService(ExchangeService(centre))
    first = replies.export_reply(OFFICE, folder / "reply1.trat", 2569)

    office_replies = ReplyService(ExchangeService(office))
    with pytest.raises(TratError, match="ยังไม่ได้ลงทะเบียน"):
        office_replies.import_reply(first)
    taken = office_replies.import_reply(first, trust_new=True)
    assert taken["status"] == "imported" and taken["comments"] == 1
    assert taken["message"].startswith("ศูนย์ฯ ได้รับไฟล์ฉบับที่ ๑ เมื่อ")
    assert [c.text for c in ReviewService(office).comments(2569)] == ["ขอหลักฐานเพิ่ม"]
    with pytest.raises(TratError, match="รับรายงานไตรมาส ๒แล้ว"):
        RoundService(office).withdraw(2569, "q2", "แก้ไข")
    assert office_replies.import_reply(first)["status"] == "unchanged"

    review.set_state(OFFICE, 2569, "q2", "unlock")
    second = replies.export_reply(OFFICE, folder / "reply2.trat", 2569)
    assert office_replies.import_reply(second)["unlocks"] == 1
    office_item = next(i for i in office.work_items(2569) if i.indicator_uid == item.indicator_uid)
    office.set_progress(office_item, 2, note="แก้ไขหลังศูนย์ฯ ปลดล็อก")
    assert RoundService(office).views(2569)["q2"].changed_after_signoff == 1
    assert office_replies.import_reply(first)["status"] == "stale"
    corrected, _ = ExchangeService(office).export_office(folder / "corrected.trat", 2569)
    ExchangeService(centre).import_files([corrected])
    seen = {e.office_name: e for e in board(review, 2569, "q2")}[OFFICE]
    assert seen.changed_after_signoff == 1  # shown at the centre too, until the next sign-off
    assert RoundService(office).views(2569)["q2"].state == "withdrawn"

    mine = ReviewService(office).comments(2569)[0]
    ReviewService(office).answer(mine.id, "แนบรายชื่อผู้เข้าร่วมแล้ว")
    _, again = RoundService(office).submit(2569, "q2", folder=folder / "again")
    ExchangeService(centre).import_files([again])
    answered = [c for c in review.comments(2569) if c.uid == asked.uid][0]
    assert answered.answer == "แนบรายชื่อผู้เข้าร่วมแล้ว"
    assert {e.office_name: e.state for e in board(review, 2569, "q2")}[OFFICE] == "received"


def test_another_offices_or_a_forged_reply_is_refused_and_changes_nothing(world):
    office, other, centre, folder = world
    replies = ReplyService(ExchangeService(centre))
    ReviewService(centre).set_state(OTHER, 2569, "q2", "return", "ขอแก้ไขตัวเลข")
    for_other = replies.export_reply(OTHER, folder / "other.trat", 2569)
    mine = ReplyService(ExchangeService(office))
    with pytest.raises(TratError, match=f"เป็นของ{OTHER}"):
        mine.import_reply(for_other, trust_new=True)
    assert ReviewService(office).comments(2569) == []
    # a reply signed by someone else than the pinned centre
    mine.import_reply(replies.export_reply(OFFICE, folder / "genuine.trat", 2569), trust_new=True)
    forger = ReplyService(ExchangeService(other))
    other.plans.db.execute("UPDATE settings SET value = 'coordinator' WHERE key = 'role'")
    forged = forger.export_reply(OFFICE, folder / "forged.trat", 2569)
    with pytest.raises(TratError, match="ไม่ได้ลงนามโดยศูนย์ฯ"):
        mine.import_reply(forged)
    broken = folder / "broken.trat"
    shutil.copy(forged, broken)
    data = bytearray(broken.read_bytes())
    data[len(data) // 2] ^= 0xFF
    broken.write_bytes(bytes(data))
    with pytest.raises(TratError):
        mine.import_reply(broken)
    assert ReviewService(office).comments(2569) == []


def test_the_printable_receipt_names_each_file_its_code_the_review_and_comments(world):
    import os
    import shutil as sh
    import subprocess

    if sh.which("pdftotext") is None and not os.environ.get("CI"):
        pytest.skip("needs poppler's pdftotext (CI installs it)")
    from trat_desktop.services.reports import write_report

    office, other, centre, folder = world
    _fill(office, 2)
    _, final = RoundService(office).submit(2569, "q2", folder=folder)
    ExchangeService(centre).import_files([final], trust_new=True)
    review = ReviewService(centre)
    item = next(i for i in centre.work_items(2569) if i.agency_name == OFFICE and 2 in i.quarters())
    review.comment(item.id, 2, "ขอภาพถ่ายกิจกรรมเพิ่ม", agency=OFFICE)
    review.set_state(OFFICE, 2569, "q2", "accept")
    code = ExchangeService(centre).ledger()[0]["content_code"]
    result = write_report(centre, "receipt", folder / "receipt.pdf", fiscal_year=2569, office=OFFICE)
    assert result.pages >= 1
    text = " ".join(subprocess.run(["pdftotext", str(folder / "receipt.pdf"), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "ใบตอบรับรายงานผลการดำเนินงาน" in text and OFFICE in text
    assert code in text and "รับรายงานแล้ว" in text and "ขอภาพถ่ายกิจกรรมเพิ่ม" in text
    with pytest.raises(TratError, match="ศูนย์ปฏิบัติการ"):
        write_report(office, "receipt", folder / "no.pdf", fiscal_year=2569, office=OFFICE)
    assert not (folder / "no.pdf").exists()
