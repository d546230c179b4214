"""How the plan document writes an agency in a row ("สนง.ศึกษาธิการ จ.ตราด") is kept per row: read from
the text and Word documents, stored, carried through revisions and plan packages (an optional field:
older packages still import), and printed by the plan printout in place of the register's name."""

from __future__ import annotations

import json
import shutil
import subprocess
import os
from pathlib import Path

import pytest

from trat_desktop.exchange.plan_json import plan_from_json, plan_to_json
from trat_desktop.services import PlanService

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "db" / "seed" / "trat-ethics-plan-2569.txt"
EDUCATION = "สำนักงานศึกษาธิการจังหวัดตราด"
WRITTEN = "สนง.ศึกษาธิการ จ.ตราด"


def spellings(plan) -> dict[tuple[str, str], str]:  # type: ignore[no-untyped-def]
    return {(r.uid, n): r.written_name(n) for r in plan.rows() for n in r.agencies}


def test_the_reader_keeps_each_rows_spelling_and_the_store_keeps_it(service: PlanService) -> None:
    plan = service.load_plan()  # read from the seed document, stored, loaded back
    education = [r for r in plan.rows() if EDUCATION in r.agencies]
    assert len(education) == 12 and all(r.written_name(EDUCATION) == WRITTEN for r in education)
    office = [r for r in plan.rows() if "สำนักงานจังหวัดตราด" in r.agencies]
    assert office and all(r.written == {} or "สำนักงานจังหวัดตราด" not in r.written for r in office)
    # the register's name is never stored as a "spelling"
    assert all(w != n for r in plan.rows() for n, w in r.written.items())


def test_a_word_document_gives_the_same_spellings(tmp_path: Path) -> None:
    import importlib.util

    from trat_desktop.domain.agencies import AgencyResolver, load_register
    from trat_desktop.domain.plan_docx import docx_to_text
    from trat_desktop.domain.plan_text import read_plan_text

    spec = importlib.util.spec_from_file_location("make_docx", ROOT / "tests" / "fixtures" / "docx" / "make_docx.py")
    maker = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(maker)  # type: ignore[union-attr]
    path = maker.build(SEED.read_text(encoding="utf-8"), tmp_path / "plan.docx")
    register = load_register(ROOT / "db" / "seed" / "agencies.csv")
    from_word = read_plan_text(docx_to_text(path.read_bytes(), path.name), AgencyResolver(register))
    from_text = read_plan_text(SEED.read_text(encoding="utf-8"), AgencyResolver(register))
    assert spellings(from_word) == spellings(from_text)
    assert WRITTEN in spellings(from_word).values()


def test_spellings_go_through_a_plan_package_and_old_packages_still_import(service: PlanService) -> None:
    plan = service.load_plan()
    data = json.loads(json.dumps(plan_to_json(plan)))
    assert spellings(plan_from_json(data, "plan.json")) == spellings(plan)
    for strategy in data["strategies"]:  # a package written before the field existed
        for tactic in strategy["tactics"]:
            for activity in tactic["activities"]:
                for row in activity["rows"]:
                    row.pop("written", None)
    old = plan_from_json(data, "old.json")
    assert all(r.written == {} for r in old.rows()) and len(old.rows()) == len(plan.rows())
    # a spelling for an agency the row does not have is refused like any other damage
    row = data["strategies"][0]["tactics"][0]["activities"][0]["rows"][0]
    row["written"] = {"ไม่มีหน่วยงานนี้": "x"}
    from trat_desktop.errors import TratError

    with pytest.raises(TratError):
        plan_from_json(data, "bad.json")


def test_a_revision_keeps_the_spellings_of_the_new_document(service: PlanService, tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert text.count(WRITTEN) >= 2
    revised = tmp_path / "revised.txt"
    # the revision writes the office in full in its first row; the others keep the abbreviation
    revised.write_text(text.replace(WRITTEN, "สำนักงานศึกษาธิการ จังหวัดตราด", 1), encoding="utf-8")
    before = service.load_plan()
    service.import_plan_text(revised)
    after = service.load_plan()
    assert after.revision == before.revision + 1
    names = [r.written_name(EDUCATION) for r in after.rows() if EDUCATION in r.agencies]
    assert names.count(WRITTEN) == len(names) - 1 and "สำนักงานศึกษาธิการ จังหวัดตราด" in names


@pytest.mark.skipif(shutil.which("pdftotext") is None and not os.environ.get("CI"),
                    reason="poppler-utils (pdftotext) not installed; CI installs it and never skips")
def test_the_plan_printout_writes_the_agencies_as_the_document_does(service: PlanService, tmp_path: Path) -> None:
    from trat_desktop.reports.plan_doc import write_plan

    write_plan(service.load_plan(), tmp_path / "plan.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "plan.pdf"), "-"], capture_output=True, check=True,
                          text=True).stdout
    flat = "".join(text.split())
    assert flat.count("สนง.ศึกษาธิการจ.ตราด") >= 12  # its 12 rows (pdftotext's lines joined)
    assert EDUCATION not in flat
    assert "สนง.แรงงานจ.ตราด" in flat and "สำนักงานจังหวัดตราด" in flat
