"""Round reports (issue 12): the office's and the province's report for a round carry the round's name, the
figures ("ดำเนินการแล้ว x จาก y ตัวชี้วัด คิดเป็นร้อยละ z", bands, budget remaining and ร้อยละการเบิกจ่าย), charts
per strategy, the narratives (through export → import), and the signature blocks; the text is found by
poppler and by MuPDF, and the printed on-target follows the coordinator's thresholds (one rule)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from exchange_helpers import EDUCATION, installation

from trat_desktop.reports.province import province_figures
from trat_desktop.services.figures import FiguresService
from trat_desktop.services.overview import OverviewService
from trat_desktop.services.reports import write_report

pytestmark = pytest.mark.skipif((shutil.which("pdftotext") is None or shutil.which("mutool") is None)
                                and not os.environ.get("CI"), reason="needs pdftotext and mutool (CI installs them)")


def _texts(pdf) -> dict[str, str]:
    poppler = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    mupdf = subprocess.run(["mutool", "draw", "-F", "txt", str(pdf)], capture_output=True, check=True).stdout.decode()
    return {"pdftotext": " ".join(poppler.split()), "mutool": " ".join(mupdf.split())}


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    """The education office reports two rows in quarters 1-2 with narratives; the centre imports its file."""
    tmp = tmp_path_factory.mktemp("rounds")
    office = installation(tmp / "office.sqlite3", "office", EDUCATION)
    progress = office.progress
    share = progress.find_item("1/1.5/2")      # ร้อยละ, target 80, quarters 2-4, budget 34,000
    count = progress.find_item("1/1.3/1")      # ครั้ง, target 2
    progress.set_progress(share, 2, achieved="72", spent="1000", status="in_progress",
                          result="อบรมครู ๔๐ คน ณ หอประชุมโรงเรียน", problems="งบประมาณมาล่าช้า",
                          suggestions="ขอให้โอนงบก่อนเริ่มไตรมาส")
    progress.set_progress(count, 2, achieved="1", status="not_started", result="ประชุมชี้แจงหนึ่งครั้ง")
    path, _ = office.export_office(tmp / "x.trat")
    coordinator = installation(tmp / "c.sqlite3", "coordinator")
    assert coordinator.import_files([path], trust_new=True).files[0].status == "imported"
    return office, coordinator, tmp


def test_the_office_round_report(reported):
    office, _c, tmp = reported
    write_report(office.progress, "office", tmp / "office-h1.pdf", fiscal_year=2569, round_id="h1")
    for tool, text in _texts(tmp / "office-h1.pdf").items():
        # 12 rows, 2 reported: hand-computed 2/12 = 16.67 %
        assert "รอบ ๖ เดือน" in text and "สรุปผลสัมฤทธิ์" in text, tool
        assert "ดำเนินการแล้ว ๒ จาก ๑๒ ตัวชี้วัด คิดเป็นร้อยละ ๑๖.๖๗" in text, tool
        # 72 of 80 = 90 %: near; 1 of 2 = 50 %: below; budget 34,000 with 1,000 spent
        assert "บรรลุเป้าหมาย ๐ ตัวชี้วัด ใกล้เคียงเป้าหมาย ๑ ตัวชี้วัด" in text, tool
        assert "คงเหลือ ๓๓,๐๐๐ บาท ร้อยละการเบิกจ่าย ๒.๙" in text, tool
        assert "ยังไม่เริ่ม" in text and "โปรดปรับสถานะ" in text, tool
        assert "แผนภูมิ ร้อยละความสำเร็จเฉลี่ย" in text and "ความสำเร็จเฉลี่ยร้อยละ ๔๖.๗" in text, tool  # (90+50+0)/3
        assert "อบรมครู ๔๐ คน" in text and "ปัญหาอุปสรรค: งบประมาณมาล่าช้า" in text, tool
        assert "ลงชื่อ" in text and "หัวหน้าส่วนราชการ" in text, tool


def test_the_provincial_round_report_gathers_figures_charts_and_narratives(reported):
    _o, coordinator, tmp = reported
    result = write_report(coordinator.progress, "province", tmp / "province-h1.pdf", fiscal_year=2569, round_id="h1")
    assert "รอบ ๖ เดือน" in result.title
    for tool, text in _texts(tmp / "province-h1.pdf").items():
        assert "รอบ ๖ เดือน (๑ ตุลาคม ๒๕๖๘ – ๓๑ มีนาคม ๒๕๖๙)" in text, tool
        assert "ผลสัมฤทธิ์และการเบิกจ่ายงบประมาณ" in text, tool
        assert "ภาพรวมจังหวัด: ดำเนินการแล้ว ๒ จาก ๑๖๘ ตัวชี้วัด คิดเป็นร้อยละ ๑.๑๙" in text, tool
        assert "ร้อยละการเบิกจ่าย" in text and "คงเหลือ" in text, tool
        for n in range(1, 6):  # a chart per strategy, numbered after the two overall charts
            assert f"แผนภูมิที่ {'๓๔๕๖๗'[n - 1]} ยุทธศาสตร์ที่ {'๑๒๓๔๕'[n - 1]}" in text, tool
        assert "ร้อยละความสำเร็จเฉลี่ยรายกิจกรรม" in text and "๑๐๐%" in text, tool
        assert "ปัญหาอุปสรรคและข้อเสนอแนะรายยุทธศาสตร์" in text and "งบประมาณมาล่าช้า" in text, tool
        assert "ขอให้โอนงบก่อนเริ่มไตรมาส" in text, tool
        assert "ผลการดำเนินงาน ไตรมาส ๒: อบรมครู ๔๐ คน" in text, tool
        assert "ใกล้เคียง" in text and "(๙๐%)" in text and "ผู้รายงาน" in text, tool  # band over two lines


def test_a_round_counts_the_reports_due_in_all_its_quarters(reported):
    _o, coordinator, _tmp = reported
    plan = coordinator.plans.load_plan(2569)
    rows = OverviewService(coordinator.plans).rows(plan=plan)
    q2, h1 = province_figures(plan, rows, 2), province_figures(plan, rows, (1, 2))
    q1 = province_figures(plan, rows, 1)
    assert h1.total.due == q1.total.due + q2.total.due
    assert h1.group.reported == q2.group.reported == 2  # results to the end of the round


def test_the_printed_on_target_follows_the_thresholds(reported):
    _o, coordinator, tmp = reported
    FiguresService(coordinator.progress).set_thresholds(90, 50)
    try:
        write_report(coordinator.progress, "province", tmp / "lenient.pdf", fiscal_year=2569, round_id="q2")
        text = _texts(tmp / "lenient.pdf")["pdftotext"]
        assert "(๙๐%)" in text and "(๕๐%)" in text
        assert "บรรลุเป้าหมาย ๑ ตัวชี้วัด" in text and "บรรลุ: ร้อยละ ๙๐ ขึ้นไป" in text  # section 2, with the rule
        plan = coordinator.plans.load_plan(2569)
        figures = province_figures(plan, OverviewService(coordinator.plans).rows(plan=plan), 2)
        assert figures.total.on_target == figures.group.on_target == 1
    finally:
        FiguresService(coordinator.progress).set_thresholds(100, 80)
