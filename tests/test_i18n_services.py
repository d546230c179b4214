"""The services speak the screen's language, the reports do not (issue 15, item 5): with English chosen a
refusal of a service (a damaged exchange file, a year without a plan, a file that cannot be written) is
English, with Thai chosen it is the Thai it always was; and whatever is chosen, the office report, the
provincial report, the receipt and the workbook print the same Thai."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from trat_desktop import i18n
from trat_desktop.domain.identity import Identity
from trat_desktop.errors import TratError
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.exchange import ExchangeService

OFFICE = "สำนักงานศึกษาธิการจังหวัดตราด"
TZ = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture(autouse=True)
def thai_again():
    i18n.set_language("th")
    yield
    i18n.set_language("th")


def _clock(day: dt.date):
    moment = dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=TZ)
    return lambda: moment  # one fixed moment: two runs of a report print the same time


@pytest.fixture
def centre(tmp_path):
    plans = PlanService.open(tmp_path / "centre.sqlite3")
    progress = ProgressService(plans, clock=_clock(dt.date(2026, 4, 16)))
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสาน"))
    yield progress
    plans.close()


def _refusals(centre: ProgressService, folder: Path) -> dict[str, str]:
    """Three refusals of three layers, in the language chosen now."""
    broken = folder / "broken.trat"
    broken.write_bytes(b"PK\x03\x04 not really a zip file")
    result = ExchangeService(centre).import_files([broken]).files[0]
    assert result.status == "rejected"
    with pytest.raises(TratError) as no_year:
        centre.plans.load_plan(2580)
    blocker = folder / "a-file"
    blocker.write_text("x")
    from trat_desktop import atomic

    with pytest.raises(atomic.OutputError) as no_folder:
        atomic.write_bytes(blocker / "report.pdf", b"%PDF")
    return {"import": result.reason, "year": no_year.value.message, "write": no_folder.value.message}


def test_a_services_refusal_is_english_when_english_is_chosen_and_thai_otherwise(centre, tmp_path) -> None:
    thai = _refusals(centre, tmp_path)
    assert thai["import"] == ("ไฟล์ “broken.trat” ไม่ใช่ไฟล์แลกเปลี่ยนของ Trat Desktop หรือไฟล์ไม่ครบ/เสียหาย")
    assert thai["year"].startswith("ไม่มีแผนของปีงบประมาณ พ.ศ. 2580")
    assert thai["write"].startswith("บันทึกไฟล์ “report.pdf” ไม่ได้ เพราะ")

    assert i18n.set_language("en") == "en"
    english = _refusals(centre, tmp_path)
    assert english["import"] == ("The file “broken.trat” is not a Trat Desktop exchange file, "
                                 "or it is incomplete or damaged")
    assert english["year"].startswith("There is no plan for fiscal year B.E. 2580 (only for 2569")
    assert english["write"].startswith("Could not save the file “report.pdf” because “")
    for text in english.values():  # no Thai left in them (the file names here are Latin)
        assert not any("\u0e00" <= ch <= "\u0e7f" for ch in text), text

    i18n.set_language("th")
    assert _refusals(centre, tmp_path) == thai


def test_a_plan_documents_problems_and_the_import_summary_follow_the_language() -> None:
    from trat_desktop.errors import PlanFormatError, PlanProblem

    problems = [PlanProblem(3, "x"), PlanProblem(9, "y", cell="A")]
    assert str(PlanFormatError(problems=problems)).startswith("เอกสารแผนมีปัญหา 2 รายการ จึงยังไม่ได้นำเข้าสิ่งใด:")
    i18n.set_language("en")
    text = str(PlanFormatError(problems=problems))
    assert text.splitlines() == ["The plan document has 2 problems, so nothing was imported:",
                                 "1. line 3: x", "2. line 9: column “A”: y"]
    assert str(PlanFormatError(problems=problems[:1])) == "line 3: x"


def _pdf_text(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def _cells(path: Path) -> list[tuple[str, list[object]]]:
    import openpyxl

    book = openpyxl.load_workbook(path)
    return [(sheet.title, [c.value for row in sheet.iter_rows() for c in row]) for sheet in book.worksheets]


def test_reports_receipts_and_workbooks_stay_thai_when_english_is_chosen(centre, tmp_path) -> None:
    from trat_desktop.services.reports import (ReportService, export_xlsx, office_report, province_report,
                                               write_report)
    from trat_desktop.services.rounds import ReviewService

    office_plans = PlanService.open(tmp_path / "office.sqlite3")
    try:
        office = ProgressService(office_plans, clock=_clock(dt.date(2026, 4, 10)))
        office.set_identity(Identity(role="office", office_name=OFFICE, reporter_name="ผู้รายงาน",
                                     head_name="นางหัวหน้า", head_position="ศึกษาธิการจังหวัดตราด"))
        for item in office.work_items(2569)[:5]:
            if 2 in item.quarters():
                office.set_progress(item, 2, achieved="1", status="cancelled", note="งดจัดกิจกรรม")
        sent, _sequence = ExchangeService(office).export_office(out=tmp_path / "office.trat")
        assert ExchangeService(centre).import_files([sent], trust_new=True).ok
        item = next(i for i in centre.work_items(2569) if i.agency_name == OFFICE and 2 in i.quarters())
        ReviewService(centre).comment(item.id, 2, "ขอภาพถ่ายกิจกรรมเพิ่ม", agency=OFFICE)

        made: dict[str, dict[str, object]] = {}
        for language in ("th", "en"):
            i18n.set_language(language)
            folder = tmp_path / language
            folder.mkdir()
            office_report(office, folder / "office.pdf", fiscal_year=2569, quarter=2)
            province_report(centre, folder / "province.pdf", fiscal_year=2569, quarter=2)
            write_report(centre, "receipt", folder / "receipt.pdf", fiscal_year=2569, office=OFFICE)
            export_xlsx(centre, folder / "book.xlsx", fiscal_year=2569, quarter=2)
            receipt = ReportService(centre).receipt(OFFICE, 2569)
            made[language] = {name: _pdf_text(folder / f"{name}.pdf") for name in ("office", "province", "receipt")}
            made[language]["book"] = _cells(folder / "book.xlsx")
            made[language]["receipt rows"] = (receipt.comments, receipt.files, receipt.reviews)
        assert i18n.language() == "en"  # the English run really ran in English ...
        with pytest.raises(TratError, match="There is no plan"):
            centre.plans.load_plan(2580)
    finally:
        office_plans.close()
    assert made["en"] == made["th"]  # ... and printed the same Thai
    thai = made["th"]
    assert OFFICE in str(thai["office"]) and "งดจัดกิจกรรม" in str(thai["office"])
    assert "ขอภาพถ่ายกิจกรรมเพิ่ม" in str(thai["receipt"]) and OFFICE in str(thai["province"])
    comments, files, _reviews = thai["receipt rows"]  # type: ignore[misc]
    assert [c["where"].split()[-2] for c in comments] == ["ไตรมาส"]
    assert files and all(f["counts"].startswith("เพิ่ม ") for f in files)  # the reply file's words too
    assert any(isinstance(v, str) and "ไตรมาส" in v for _title, values in thai["book"] for v in values)  # type: ignore[union-attr]


def _plan_edit_refusals() -> list[str]:
    from trat_desktop.domain import plan_rules
    from trat_desktop.domain.model import Plan, Strategy

    found = []
    for call in (lambda: plan_rules.clean_field("strategy", "title", " "),
                 lambda: plan_rules.clean_field("indicator", "quarter_from", "9"),
                 lambda: plan_rules.clean_field("activity", "code", "x"),
                 lambda: plan_rules.clean_field("tactic", "goal", "x"),
                 lambda: plan_rules.clean_budget("amount", "1.234"),
                 lambda: plan_rules.check_unique(Plan(title="แผน", fiscal_year=2569, strategies=[Strategy(number=2, title="ก", uid="s1")]),
                                                 "strategy", "", 2)):
        with pytest.raises(plan_rules.PlanEditError) as refused:
            call()
        found.append(refused.value.message)
    return found


def test_the_plan_editors_refusals_and_their_field_names_follow_the_language() -> None:
    thai = _plan_edit_refusals()
    assert thai == ["ต้องระบุชื่อ", "ไตรมาสต้องอยู่ระหว่าง 1 ถึง 4", "รหัสกิจกรรม “x” ต้องเป็นรูปแบบ เช่น ๑.๕",
                    "แก้ไข “เป้าประสงค์” ของกลยุทธ์ไม่ได้", "งบประมาณมีทศนิยมได้ไม่เกิน ๒ ตำแหน่ง",
                    "ยุทธศาสตร์ที่ ๒ มีอยู่แล้วในแผนนี้"]
    i18n.set_language("en")
    english = _plan_edit_refusals()
    assert english == ["The title is required", "The quarter must be between 1 and 4",
                       "The activity code “x” must be of the form 1.5",
                       "The “goal” of a tactic cannot be edited", "The budget may have at most 2 decimal places",
                       "Strategy 2 already exists in this plan"]


def test_a_rejected_files_reason_is_stored_in_thai_and_shown_in_the_screens_language(centre, tmp_path) -> None:
    """The import ledger keeps the reason in Thai whatever language the import ran in, with its recipe, so the
    ledger shows it in the language chosen now; a row stored before (no recipe) shows as stored."""
    from trat_desktop.store import exchange as exchange_store

    i18n.set_language("en")
    english = _refusals(centre, tmp_path)["import"]
    exchange = ExchangeService(centre)
    stored = [r for r in exchange_store.ledger(centre.plans.db) if r["status"] == "rejected"]
    assert stored and stored[0]["reason"] == "ไฟล์ “broken.trat” ไม่ใช่ไฟล์แลกเปลี่ยนของ Trat Desktop หรือไฟล์ไม่ครบ/เสียหาย"
    assert stored[0]["reason_key"]
    assert exchange.ledger()[0]["reason"] == english
    i18n.set_language("th")
    assert exchange.ledger()[0]["reason"] == stored[0]["reason"]
    centre.plans.db.execute("UPDATE import_ledger SET reason = 'เหตุผลเดิม', reason_key = ''")
    i18n.set_language("en")
    assert exchange.ledger()[0]["reason"] == "เหตุผลเดิม"


def _variants() -> list[Path]:
    root = Path(__file__).resolve().parent.parent
    return [root / "db" / "seed" / "trat-ethics-plan-2569.txt",
            *sorted((root / "tests" / "fixtures" / "plan-variants").glob("*.txt"))]


def test_each_plan_warning_made_in_one_language_is_made_again_in_the_other() -> None:
    """Every warning the plan reader gives on the seed plan and the other provinces' variants carries its
    recipe, and the recipe makes exactly the text the reader gives in the other language (digits, amounts,
    quarters, lists of amounts included)."""
    from trat_desktop.domain.agencies import AgencyResolver, load_misspellings, load_register
    from trat_desktop.domain.plan_rules import repair_duplicates
    from trat_desktop.domain.plan_text import PlanFormatError, read_plan_text

    register = Path(__file__).resolve().parent.parent / "db" / "seed" / "agencies.csv"
    compared = 0
    for path in _variants():
        text = path.read_text(encoding="utf-8")
        read = {}
        for language in ("th", "en"):
            i18n.set_language(language)
            try:
                plan = read_plan_text(text, AgencyResolver(load_register(register), load_misspellings(register)))
            except PlanFormatError:
                break
            read[language] = plan.warnings + repair_duplicates(plan)
        if len(read) < 2:
            continue
        assert len(read["th"]) == len(read["en"])
        for thai, english in zip(read["th"], read["en"]):
            assert thai.key and english.key, thai
            assert thai.shown("en") == english.message
            assert english.shown("th") == thai.message
            compared += 1
    assert compared > 100


def test_the_figures_sentence_has_english_plural_forms_and_stays_thai_for_reports() -> None:
    from trat_desktop.domain.figures import GroupFigures

    one = GroupFigures(items=1, reported=0)
    many = GroupFigures(items=16, reported=12)
    i18n.set_language("en")  # the screen's language does not reach a report's sentence (language="th")
    assert one.sentence(False) == "ดำเนินการแล้ว 0 จาก 1 ตัวชี้วัด คิดเป็นร้อยละ 0"
    assert many.sentence(True) == "ดำเนินการแล้ว ๑๒ จาก ๑๖ ตัวชี้วัด คิดเป็นร้อยละ ๗๕"
    assert one.sentence(False, "en") == "Reported 0 of 1 indicator, 0 %"
    assert many.sentence(False, "en") == "Reported 12 of 16 indicators, 75 %"
