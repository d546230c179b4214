"""Agency names: joined only by rules that cannot join two real offices; everything else is a new agency,
a look-alike is a pending "possible duplicate" the coordinator merges or keeps apart, with undo."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trat_desktop.cli import main
from trat_desktop.domain.agencies import (
    PROVINCES, AgencyResolver, load_misspellings, load_register, match_key, possibly_same, province_of,
)
from trat_desktop.domain.identity import Identity, PermissionDenied
from trat_desktop.domain.plan_text import read_plan_text
from trat_desktop.errors import TratError
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.agencies import AgencyService
from trat_desktop.services.plan_edit import PlanEditService

ROOT = Path(__file__).resolve().parents[1]
REGISTER = ROOT / "db" / "seed" / "agencies.csv"
HEALTH = "สำนักงานสาธารณสุขจังหวัดตราด"
HEALTH_MISSPELT = "สำนักงานสาธารณะสุขจังหวัดตราด"
#: Names as a Chanthaburi document and a Ko Chang cell really write them (the bug report's cases).
FOREIGN = ["สนง.คลังจังหวัดจันทบุรี", "สนง.พลังงาน จ.จันทบุรี", "สำนักงานแรงงานจังหวัดจันทบุรี",
           "สำนักงานจังหวัดจันทบุรี"]
KO_CHANG = ["อบต.เกาะช้างใต้", "ทต.เกาะช้างใต้", "ทต.เกาะช้าง"]


def _resolver() -> AgencyResolver:
    return AgencyResolver(load_register(REGISTER), load_misspellings(REGISTER))


# -- the rules ------------------------------------------------------------------------------------
def test_safe_rules_join_spellings_of_one_office() -> None:
    r = _resolver()
    for spelling in ("สนง.คลัง จ.ตราด", "สนง. คลัง จ. ตราด", "สำนักงานคลัง จังหวัดตราด", "สนง.คลัง",
                     "  สำนักงานคลังจังหวัดตราด ", "สนง.คลัง จ.ตราด,", "สำนักงานคลังจังหวัดตราด."):
        assert r.resolve(spelling) == "สำนักงานคลังจังหวัดตราด", spelling
    assert r.resolve("อบจ.ตราด") == "องค์การบริหารส่วนจังหวัดตราด"
    assert r.resolve("อ.แหลมงอบ") == "ที่ว่าการอำเภอแหลมงอบ"  # the short name, abbreviation written out
    assert r.resolve("สถ.จ.ตราด") == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดตราด"  # a registered alias
    assert r.warnings == []


def test_province_of_a_name() -> None:
    assert province_of("สนง.คลัง จ.จันทบุรี") == "จันทบุรี"
    assert province_of("สำนักงานจังหวัดจันทบุรี") == "จันทบุรี"
    assert province_of("การประปาส่วนภูมิภาคสาขาระยอง") == "ระยอง"
    assert province_of("อบต.เกาะช้างใต้") == "ตราด"  # no province named: the home province
    assert province_of("สำนักงานประชาสัมพันธ์และเผยแพร่") == "ตราด"  # "แพร่" here is a word, not the province
    assert province_of("สำนักงานจังหวัดแพร่") == "แพร่"
    assert len(set(PROVINCES)) == 77
    assert match_key("สนง.คลัง จ.จันทบุรี") == match_key("สำนักงานคลังจังหวัดจันทบุรี") != match_key("สนง.คลัง")
    assert not possibly_same("สำนักงานคลังจังหวัดจันทบุรี", "สำนักงานคลังจังหวัดตราด")
    assert possibly_same(HEALTH_MISSPELT, HEALTH)


def test_another_provinces_offices_are_never_merged() -> None:
    r = _resolver()
    names = [r.resolve(n, 10 + i) for i, n in enumerate(FOREIGN + KO_CHANG)]
    assert names == FOREIGN + KO_CHANG  # each one its own agency, under the name the document used
    assert len(r.agencies) == 24 + len(FOREIGN) + len(KO_CHANG)
    assert all(a not in r.agencies["สำนักงานคลังจังหวัดตราด"].aliases for a in FOREIGN)
    assert {w.code for w in r.warnings} <= {"AGENCY_UNKNOWN", "AGENCY_POSSIBLE_DUPLICATE"}
    assert not any(w.code == "AGENCY_SPELLING" for w in r.warnings)
    # the Ko Chang look-alikes are asked about, never joined; no pair crosses a province
    assert ("ทต.เกาะช้าง", "ทต.เกาะช้างใต้", 16) in r.possible_duplicates
    for new, old, _ in r.possible_duplicates:
        assert province_of(new) == province_of(old)
    message = next(w.message for w in r.warnings if w.code == "AGENCY_POSSIBLE_DUPLICATE")
    assert "อาจเป็นหน่วยงานเดียวกับ" in message


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["คลัง", "พลังงาน", "แรงงาน", "สาธารณสุข", "พาณิชย์", "ศึกษาธิการ", "สหกรณ์"]),
       st.lists(st.sampled_from(PROVINCES), min_size=2, max_size=4, unique=True),
       st.booleans())
def test_offices_of_different_provinces_never_share_an_agency(office: str, provinces: list[str], short: bool) -> None:
    r = _resolver()
    spelt = [f"สนง.{office} จ.{p}" if short else f"สำนักงาน{office}จังหวัด{p}" for p in provinces]
    resolved = [r.resolve(name) for name in spelt]
    assert len(set(resolved)) == len(provinces)
    for name, canonical in zip(spelt, resolved):
        assert province_of(canonical) == province_of(name)
    # the same office spelt the other way joins its own province's agency, and only it
    again = [r.resolve(f"สำนักงาน{office}จังหวัด{p}" if short else f"สนง.{office} จ.{p}") for p in provinces]
    assert again == resolved


def test_fy2569_outline_holds_without_guessing(plan_text: str) -> None:
    plan = read_plan_text(plan_text, _resolver(), "trat-ethics-plan-2569.txt")
    assert len(plan.agencies) == 25 and sum(len(r.agencies) for r in plan.rows()) == 168
    codes = [w.code for w in plan.warnings]
    assert "AGENCY_POSSIBLE_DUPLICATE" not in codes
    assert sorted(w.line for w in plan.warnings if w.code == "AGENCY_SPELLING") == [275, 281, 331]


# -- persisted pairs and decisions ----------------------------------------------------------------------
def _messy_document(plan_text: str, tmp: Path) -> Path:
    """FY2570's document with another province's offices, Ko Chang's look-alikes and a misspelt office."""
    extra = " - ".join(FOREIGN + KO_CHANG + [HEALTH_MISSPELT, "สนง. คลัง จ. ตราด"])
    text = plan_text.replace("๒๕๖๙", "๒๕๗๐").replace(
        "- สนง.ส่งเสริมการเรียนรู้ประจำจังหวัดตราด - อำเภอแหลมงอบ\n",
        f"- สนง.ส่งเสริมการเรียนรู้ประจำจังหวัดตราด - อำเภอแหลมงอบ - {extra}\n", 1)
    path = tmp / "plan-2570.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def coordinator(tmp_path: Path, plan_text: str):
    plans = PlanService.open(tmp_path / "c.sqlite3")
    progress = ProgressService(plans)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    plans.import_plan_text(_messy_document(plan_text, tmp_path))
    yield AgencyService(progress), tmp_path
    plans.close()


def _pairs(service: AgencyService) -> set[tuple[str, str]]:
    return {(p.agency_name, p.other_name) for p in service.pending()}


def _tables(db_path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db_path)
    out = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
           for t in ("agencies", "agency_aliases", "assignments", "budget_lines", "progress", "evidence", "trash")}
    out["plans"] = conn.execute("SELECT id, fiscal_year FROM plans").fetchall()
    conn.close()
    return out


def test_the_document_leaves_pending_pairs_and_foreign_offices_apart(coordinator) -> None:
    service, _ = coordinator
    summary = service.plans.summary(2570)
    assert summary["agencies"] == 25 + len(FOREIGN) + len(KO_CHANG) + 1
    assert _pairs(service) == {("ทต.เกาะช้าง", "ทต.เกาะช้างใต้"), (HEALTH_MISSPELT, HEALTH)}
    assert summary == service.plans.summary(2570)  # nothing pending changed the plan
    assert 2569 in service.plans.fiscal_years() and service.plans.summary(2569)["agencies"] == 25


def test_merge_moves_everything_and_keeps_the_old_name(coordinator) -> None:
    service, tmp = coordinator
    progress = service.progress
    editor = PlanEditService(progress)
    item = progress.find_item("1/1.1/1", agency=HEALTH_MISSPELT, fiscal_year=2570)
    progress.set_progress(item, 2, achieved="60", note="จากชื่อที่สะกดผิด")
    photo = tmp / "photo.jpg"
    photo.write_bytes(b"meeting photo")
    progress.attach_evidence(item, 2, photo)
    misspelt_uid = item.agency_uid
    editor.set_budget_lines(item.indicator_uid, [("amount", 1500, misspelt_uid)])
    revision = service.plans.load_plan(2570).revision

    decision = service.merge("สนง.สาธารณสุข จ.ตราด", HEALTH_MISSPELT)
    assert (decision.kept_name, decision.other_name) == (HEALTH, HEALTH_MISSPELT)
    health = next(a for a in service.plans.agencies() if a.name == HEALTH)
    assert HEALTH_MISSPELT in health.aliases
    assert all(a.uid != misspelt_uid for a in service.plans.agencies())
    moved = progress.find_item("1/1.1/1", agency=HEALTH, fiscal_year=2570)
    assert moved.entries[2].achieved == 60 and moved.entries[2].note == "จากชื่อที่สะกดผิด"
    assert [e.file_name for e in progress.evidence(moved, 2)] == ["photo.jpg"]
    row = next(r for r in service.plans.load_plan(2570).rows() if r.uid == item.indicator_uid)
    assert row.agencies.count(HEALTH) == 1 and HEALTH_MISSPELT not in row.agencies
    assert [(b.agency, b.value.satang) for b in row.budget_lines] == [(HEALTH, 150_000)]
    assert service.plans.load_plan(2570).revision > revision  # offices receive the change in the next package
    assert (HEALTH_MISSPELT, HEALTH) not in _pairs(service)
    # the next document that spells it so joins the office silently (the old name is an alias now)
    plan = service.plans.import_plan_text(tmp / "plan-2570.txt")
    assert HEALTH_MISSPELT not in plan.agencies and HEALTH in plan.agencies
    assert not any(HEALTH_MISSPELT in w.message for w in plan.warnings)
    assert _pairs(service) == {("ทต.เกาะช้าง", "ทต.เกาะช้างใต้")}


def test_undo_puts_back_exactly_what_a_merge_changed(coordinator) -> None:
    service, tmp = coordinator
    progress = service.progress
    item = progress.find_item("1/1.1/1", agency=HEALTH_MISSPELT, fiscal_year=2570)
    progress.set_progress(item, 3, achieved="40")
    photo = tmp / "p.jpg"
    photo.write_bytes(b"evidence")
    progress.attach_evidence(item, 3, photo)
    PlanEditService(progress).set_budget_lines(item.indicator_uid, [("amount", 900, item.agency_uid), ("none", None, None)])
    removed = progress.find_item("1/1.2/1", agency="สำนักงานคลังจังหวัดตราด", fiscal_year=2570)
    PlanEditService(progress).set_agencies(removed.indicator_uid, [removed.agency_uid, item.agency_uid])
    PlanEditService(progress).remove("indicator", removed.indicator_uid, confirm=True)  # in the trash, naming it
    before = _tables(Path(service.plans.path))
    pending = _pairs(service)
    service.merge(HEALTH, HEALTH_MISSPELT)
    assert _tables(Path(service.plans.path)) != before
    service.undo()
    assert _tables(Path(service.plans.path)) == before
    assert _pairs(service) == pending
    with pytest.raises(TratError, match="ไม่มีการรวมหรือแยก"):
        service.undo()


def test_refusals_change_nothing(coordinator) -> None:
    service, _ = coordinator
    before = _tables(Path(service.plans.path))
    with pytest.raises(TratError, match="ต่างจังหวัด"):
        service.merge("สำนักงานคลังจังหวัดตราด", "สนง.คลังจังหวัดจันทบุรี")
    with pytest.raises(TratError, match="ต่างจังหวัด"):
        service.merge("สำนักงานจังหวัดจันทบุรี", "สำนักงานจังหวัดตราด")
    with pytest.raises(TratError, match="ไม่พบหน่วยงาน"):
        service.merge(HEALTH, "หน่วยงานที่ไม่มีอยู่จริง")
    with pytest.raises(TratError, match="เดียวกันอยู่แล้ว"):
        service.merge(HEALTH, "สนง.สาธารณสุข จ.ตราด")
    # both recorded a value for the same row and quarter: merging would lose one
    progress = service.progress
    shared = next(i for i in progress.work_items(2570) if i.agency_name == HEALTH_MISSPELT)
    PlanEditService(progress).set_agencies(shared.indicator_uid, [shared.agency_uid, service.find(HEALTH)[0]])
    for agency in (HEALTH, HEALTH_MISSPELT):
        progress.set_progress(progress.find_item(shared.indicator_uid, agency=agency), 2, achieved="10")
    before = _tables(Path(service.plans.path))
    with pytest.raises(TratError, match="ไตรมาสเดียวกัน"):
        service.merge(HEALTH, HEALTH_MISSPELT)
    assert _tables(Path(service.plans.path)) == before


def test_keep_apart_is_remembered_by_the_next_document(coordinator) -> None:
    service, tmp = coordinator
    service.keep_apart("ทต.เกาะช้าง", "ทต.เกาะช้างใต้")
    assert _pairs(service) == {(HEALTH_MISSPELT, HEALTH)}
    plan = service.plans.import_plan_text(tmp / "plan-2570.txt")  # the same names again
    assert _pairs(service) == {(HEALTH_MISSPELT, HEALTH)}
    assert not any(w.code == "AGENCY_POSSIBLE_DUPLICATE" and "เกาะช้าง" in w.message for w in plan.warnings)
    service.undo()
    assert _pairs(service) == {(HEALTH_MISSPELT, HEALTH), ("ทต.เกาะช้าง", "ทต.เกาะช้างใต้")}


def test_adding_an_agency_under_another_spelling_of_a_known_one_is_refused_in_thai(coordinator) -> None:
    service, _ = coordinator
    before = _tables(Path(service.plans.path))
    with pytest.raises(TratError, match="อีกชื่อหนึ่งของ “สำนักงานคลังจังหวัดตราด”"):
        PlanEditService(service.progress).add_agency("สนง.คลัง")
    assert _tables(Path(service.plans.path)) == before


def test_an_office_cannot_merge(tmp_path: Path, plan_text: str) -> None:
    plans = PlanService.open(tmp_path / "o.sqlite3")
    progress = ProgressService(plans)
    progress.set_identity(Identity(role="office", office_name=HEALTH))
    with pytest.raises(PermissionDenied):
        AgencyService(progress).merge(HEALTH, "สำนักงานคลังจังหวัดตราด")
    plans.close()


# -- the command line ------------------------------------------------------------------------------------
def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_agencies_merge_keep_apart_undo(tmp_path: Path, capsys, plan_text: str) -> None:
    db = str(tmp_path / "db.sqlite3")
    doc = _messy_document(plan_text, tmp_path)
    assert run(capsys, "--db", db, "plan", "import-text", str(doc))[0] == 0
    code, out, _ = run(capsys, "--db", db, "agencies")
    assert code == 0 and "รอการตัดสินใจ 2 คู่" in out and f"“{HEALTH_MISSPELT}” อาจเป็นหน่วยงานเดียวกับ “{HEALTH}”" in out
    code, out, _ = run(capsys, "--db", db, "agencies", "--json")
    by_name = {a["name"]: a for a in json.loads(out)}
    assert [p["name"] for p in by_name[HEALTH_MISSPELT]["possible_duplicates"]] == [HEALTH]
    assert by_name["สำนักงานคลังจังหวัดตราด"]["possible_duplicates"] == []
    code, _, err = run(capsys, "--db", db, "agencies", "merge", HEALTH, HEALTH_MISSPELT)
    assert code == 2 and "ศูนย์ปฏิบัติการ" in err  # not set up as the coordinator
    assert run(capsys, "--db", db, "setup", "--coordinator", "--reporter", "ผู้ประสานงาน")[0] == 0
    before = _tables(tmp_path / "db.sqlite3")
    code, _, err = run(capsys, "--db", db, "agencies", "merge", "สำนักงานคลังจังหวัดตราด", "สนง.คลังจังหวัดจันทบุรี")
    assert code == 2 and "ต่างจังหวัด" in err and _tables(tmp_path / "db.sqlite3") == before
    code, out, _ = run(capsys, "--db", db, "agencies", "merge", "สนง.สาธารณสุข จ.ตราด", HEALTH_MISSPELT)
    assert code == 0 and "รวม" in out
    code, out, _ = run(capsys, "--db", db, "agencies", "keep-apart", "ทต.เกาะช้าง", "ทต.เกาะช้างใต้")
    assert code == 0 and "คนละหน่วยงาน" in out
    code, out, _ = run(capsys, "--db", db, "agencies")
    assert "รอการตัดสินใจ" not in out
    assert run(capsys, "--db", db, "agencies", "undo")[0] == 0
    assert run(capsys, "--db", db, "agencies", "undo")[0] == 0
    assert _tables(tmp_path / "db.sqlite3") == before
    code, _, err = run(capsys, "--db", db, "agencies", "undo")
    assert code == 2 and "ไม่มีการรวม" in err


# -- the agencies dialog -------------------------------------------------------------------------------
def test_dialog_merges_keeps_apart_and_undoes(qtbot, coordinator) -> None:
    from trat_desktop.gui import display
    from trat_desktop.gui.plan_editor import PlanEditorPage

    display.set_thai_digits(True)
    service, _ = coordinator
    editor = PlanEditorPage(service.plans, service.progress)
    qtbot.addWidget(editor)
    dialog = editor.open_agencies()
    assert dialog.duplicates_box.isVisible()
    texts = [dialog.pair_list.item(i).text() for i in range(dialog.pair_list.count())]
    assert len(texts) == 2 and any(f"“{HEALTH_MISSPELT}” (๑ ตัวชี้วัด) อาจเป็นหน่วยงานเดียวกับ “{HEALTH}”" in t
                                   for t in texts)
    assert not dialog.undo_button.isEnabled()
    dialog.pair_list.setCurrentRow(next(i for i, t in enumerate(texts) if HEALTH_MISSPELT in t))
    count = len(dialog.agencies)
    dialog.merge_button.click()
    assert "รวม" in dialog.decision_label.text() and len(dialog.agencies) == count - 1
    assert HEALTH_MISSPELT in next(a for a in service.plans.agencies() if a.name == HEALTH).aliases
    assert dialog.pair_list.count() == 1 and dialog.undo_button.isEnabled()
    dialog.apart_button.click()
    assert "คนละหน่วยงาน" in dialog.decision_label.text() and service.pending() == []
    assert dialog.pair_list.item(0).text() == "ไม่มีคู่ที่รอการตัดสินใจ" and not dialog.merge_button.isEnabled()
    dialog.undo_button.click()
    dialog.undo_button.click()
    assert len(service.pending()) == 2 and len(dialog.agencies) == count
    assert "ยกเลิกการรวม" in dialog.decision_label.text() and not dialog.undo_button.isEnabled()
    dialog.close()


# -- property: merges, keep-aparts and undos in any order lose nothing ---------------------------------------
@pytest.fixture(scope="module")
def template(tmp_path_factory, plan_text_module: str) -> Path:
    tmp = tmp_path_factory.mktemp("agencies")
    plans = PlanService.open(tmp / "template.sqlite3")
    progress = ProgressService(plans)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงาน"))
    plans.import_plan_text(_messy_document(plan_text_module, tmp))
    items = progress.work_items(2570)
    chosen = items[::7] + [i for i in items if i.agency_name in (HEALTH_MISSPELT, *KO_CHANG, *FOREIGN[:2])]
    for n, item in enumerate(chosen):
        progress.set_progress(item, item.quarter_from, achieved=str(n % 5 + 1))
    plans.close()
    return tmp / "template.sqlite3"


@pytest.fixture(scope="module")
def plan_text_module() -> str:
    return (ROOT / "db" / "seed" / "trat-ethics-plan-2569.txt").read_text(encoding="utf-8")


def _values(db_path: Path) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    rows = sorted(conn.execute("SELECT indicator_uid, quarter, achieved FROM progress").fetchall())
    conn.close()
    return rows


NAMES = [HEALTH, HEALTH_MISSPELT, "สำนักงานคลังจังหวัดตราด", *FOREIGN[:2], *KO_CHANG]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["merge", "apart", "undo"]), st.sampled_from(NAMES),
                          st.sampled_from(NAMES)), min_size=1, max_size=6))
def test_decisions_in_any_order_lose_nothing_and_undo_all_the_way(template: Path, tmp_path_factory, steps) -> None:
    import shutil

    path = tmp_path_factory.mktemp("run") / "db.sqlite3"
    shutil.copy(template, path)
    plans = PlanService.open(path)
    service = AgencyService(ProgressService(plans))
    initial, values = _tables(path), _values(path)
    done = 0
    for action, a, b in steps:
        before = _tables(path)
        try:
            if action == "merge":
                service.merge(a, b)
            elif action == "apart":
                service.keep_apart(a, b)
            else:
                service.undo()
                done -= 2
            done += 1
        except TratError:
            assert _tables(path) == before  # a refusal changes nothing
        assert _values(path) == values  # every value is still there, on its row and quarter
        names = {x.uid for x in plans.agencies()}
        conn = sqlite3.connect(path)
        assert {r[0] for r in conn.execute("SELECT agency_uid FROM progress")} <= names  # never on a lost agency
        conn.close()
        for foreign in FOREIGN[:2]:
            assert foreign in {x.name for x in plans.agencies()}  # another province's office is never merged away
    while service.can_undo():
        service.undo()
    assert _tables(path) == initial
    plans.close()


def test_another_provinces_document_never_touches_trats_agencies(tmp_path: Path, plan_text: str) -> None:
    from trat_desktop.domain.agencies import document_province

    chanthaburi = plan_text.replace("ตราด", "จันทบุรี").replace("๒๕๖๙", "๒๕๗๐")
    assert (document_province(plan_text), document_province(chanthaburi)) == ("ตราด", "จันทบุรี")
    doc = tmp_path / "chanthaburi.txt"
    doc.write_text(chanthaburi, encoding="utf-8")
    plans = PlanService.open(tmp_path / "db.sqlite3")
    trat = {a.uid: (a.name, a.short_name, sorted(a.aliases)) for a in plans.agencies()}
    plan = plans.import_plan_text(doc)
    after = {a.uid: (a.name, a.short_name, sorted(a.aliases)) for a in plans.agencies()}
    assert {uid: after[uid] for uid in trat} == trat  # not renamed, no alias learnt
    used = {n for r in plan.rows() for n in r.agencies}
    assert len(used) == 28 and sum(len(r.agencies) for r in plan.rows()) == 168
    assert not used & {name for name, _, _ in trat.values()}
    # names that give no province ("สนง.ทรัพยากรธรรมชาติและสิ่งแวดล้อม") are the document's province's
    assert "สนง.ทรัพยากรธรรมชาติและสิ่งแวดล้อม" in used
    assert all(uid not in trat for uid in after if after[uid][0] in used)
    service = AgencyService(ProgressService(plans))
    assert all(p.agency_uid not in trat and p.other_uid not in trat for p in service.pending())
    plans.close()


def test_an_office_merged_into_another_still_sends_its_files(coordinator, tmp_path: Path) -> None:
    """An office set up as the agency the coordinator later merged away: its files land on the kept agency."""
    from trat_desktop.services.exchange import ExchangeService
    from trat_desktop.services.plan_package import PlanPackageService

    service, tmp = coordinator
    centre = service.progress
    package = PlanPackageService(ExchangeService(centre)).export_plan(tmp / "plan-2570.trat", 2570)
    office_plans = PlanService.open(tmp / "office.sqlite3")
    try:
        office = ProgressService(office_plans)
        PlanPackageService(ExchangeService(office)).import_plan(package, trust_new=True)
        office.set_identity(Identity(role="office", office_name=HEALTH_MISSPELT, reporter_name="ผู้รายงาน"))
        item = office.find_item("1/1.1/1", fiscal_year=2570)
        office.set_progress(item, 2, achieved="60", note="ก่อนรวมหน่วยงาน")
        sent, _ = ExchangeService(office).export_office(tmp / "office.trat", 2570)
    finally:
        office_plans.close()
    service.merge(HEALTH, HEALTH_MISSPELT)
    result = ExchangeService(centre).import_files([sent], trust_new=True).files[0]
    assert result.status == "imported", result.reason
    landed = centre.find_item("1/1.1/1", agency=HEALTH, fiscal_year=2570)
    assert landed.entries[2].achieved == 60 and landed.entries[2].note == "ก่อนรวมหน่วยงาน"
