"""Every printed report reads back as the Thai that was written in poppler (pdftotext), MuPDF (mutool,
what SumatraPDF uses) and a pdf.js-like reader (pypdf): the words of issue 10 are found in each, and the
three readers give the same words. CI installs poppler-utils and mupdf-tools and never skips."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from trat_desktop.domain.identity import Identity
from trat_desktop.services import PlanService, ProgressService

pytestmark = pytest.mark.skipif((shutil.which("pdftotext") is None or shutil.which("mutool") is None)
                                and not os.environ.get("CI"),
                                reason="poppler-utils or mupdf-tools not installed; CI installs both and never skips")

OFFICE = "สำนักงานจังหวัดตราด"
WORDS = [OFFICE, "ดำเนินการ", "น้ำ", "ปั้น"]
#: words with a tone mark moved left over MAI HAN-AKAT / SARA I on ป ฝ ฟ, and the plain stacked ones
MARKED = ["ปั้น", "ฝั่ง", "ฟ้า", "ป่า", "ปี่", "ฟื้น", "ปั๊ม", "ที่", "นี้", "น้ำ", "ผู้"]
NOTE = ("ดำเนินการปั้นสื่อประชาสัมพันธ์ร่วมกับผู้นำชุมชนริมฝั่งน้ำ ฟื้นฟูป่าชายเลน ฟ้าใส ป่าสมบูรณ์ เป่าปี่ "
        "ปั๊มน้ำ ที่นี้ ผู้ใหญ่บ้าน สำนักงานจังหวัดตราด")


def clock() -> dt.datetime:
    return dt.datetime(2026, 2, 10, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def texts(pdf: Path) -> dict[str, str]:
    import pypdf

    def run(*cmd: str) -> str:
        return subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")

    out = {"pdftotext": run("pdftotext", str(pdf), "-"),
           "mutool": run("mutool", "draw", "-q", "-F", "txt", str(pdf)),
           "pypdf": "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)}
    # pdftotext joins a word hyphenated at a line end ("สังคม-|วัฒนธรรม"): so do the others here
    return {k: re.sub(r"(?<=[\u0e01-\u0e4f])- ", "", re.sub(r"\s+", " ", v)) for k, v in out.items()}


def thai_words(text: str) -> set[str]:
    return {w for w in text.split() if re.search("[\u0e01-\u0e4f]", w)}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from trat_desktop.reports.receipt import ReceiptData, write_receipt
    from trat_desktop.reports.plan_doc import write_plan
    from trat_desktop.services.reports import office_report, province_report

    folder = tmp_path_factory.mktemp("extract")
    service = PlanService.open(folder / "db.sqlite3")  # seeded with the FY2569 plan
    office = ProgressService(service, clock=clock)
    office.set_identity(Identity(role="office", office_name=OFFICE, reporter_name="นางสาวสมหญิง ตั้งใจทำงาน",
                                 head_name="นายปั้น น้ำใจดี", head_position="หัวหน้าสำนักงานจังหวัดตราด"))
    for item in office.work_items()[:6]:
        if 2 in item.quarters():
            office.set_progress(item, 2, achieved="1", status="กำลังดำเนินการ", note=NOTE, problems="น้ำท่วมฝั่ง",
                                suggestions="ปั้นสื่อเพิ่ม")
    out = {"office": folder / "office.pdf", "province": folder / "province.pdf", "plan": folder / "plan.pdf",
           "receipt": folder / "receipt.pdf"}
    office_report(office, out["office"], quarter=2)
    centre = ProgressService(service, clock=clock)
    centre.set_identity(Identity(role="coordinator", reporter_name="นางสาวปั้นฝัน ฟ้าใส"))
    province_report(centre, out["province"], quarter=2)
    plan = service.load_plan()
    row = plan.rows()[0]
    row.expected_result += " " + NOTE  # the FY2569 document has no ปั้น or น้ำ
    write_plan(plan, out["plan"])
    write_receipt(ReceiptData(fiscal_year=2569, office_name=OFFICE, today=dt.date(2026, 2, 10),
                              files=[{"sequence": 1, "file_name": "a.trat", "imported_at": "2026-02-10T09:00:00+07:00",
                                      "status": "imported", "counts": "๖ รายการ", "code": "AB12-CD34"}],
                              reviews=[{"round_id": "q2", "state": "accepted", "comment": NOTE,
                                        "at": "2026-02-10T10:00:00+07:00"}],
                              comments=[{"where": "1/1.5/2 ไตรมาส 2", "text": NOTE, "answer": "ดำเนินการแล้ว"}],
                              signer_name="นายปั้น น้ำใจดี"), out["receipt"])
    service.close()
    return out


@pytest.mark.parametrize("kind", ["office", "province", "plan", "receipt"])
def test_every_reader_finds_the_thai_of_every_report(reports: dict[str, Path], kind: str) -> None:
    got = texts(reports[kind])
    for reader, text in got.items():
        for word in WORDS:
            assert word in text, f"{kind}, {reader}: {word}"
        assert "\ufffd" not in text and not re.search("[\ue000-\uf8ff\U000f0000-\U000fffff\x00-\x08]", text), \
            f"{kind}, {reader}"
        if kind in ("office", "receipt"):
            for word in MARKED:
                assert word in text, f"{kind}, {reader}: {word}"
    # the three readers read the same Thai words (no "ปั้ น" in one of them)
    assert thai_words(got["mutool"]) == thai_words(got["pdftotext"]), kind
    assert thai_words(got["pypdf"]) == thai_words(got["pdftotext"]), kind
