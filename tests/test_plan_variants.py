"""The plan reader against a corpus of documents of the same form from other years, provinces and
word processors (tests/fixtures/plan-variants/: NAME.txt + NAME.expected.json).

``seed-*`` variants are written by tests/fixtures/plan-variants/generate.py from the FY2569 document;
``hand-*`` documents and their expectations are written by hand.
"""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest
from plan_variants_support import VARIANTS, IdentityResolver, outline, problems

from trat_desktop.domain.agencies import AgencyResolver, load_register
from trat_desktop.domain.plan_text import read_plan_text
from trat_desktop.errors import PlanFormatError

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted(VARIANTS.glob("*.txt"))


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # keeps CR and the BOM as the file has them


def test_the_corpus_is_large_and_mixed() -> None:
    names = [p.stem for p in DOCUMENTS]
    assert len(names) >= 40
    assert sum(n.startswith("hand-") for n in names) >= 6
    assert all((VARIANTS / f"{n}.expected.json").exists() for n in names)
    refused = [n for n in names if "error" in json.loads((VARIANTS / f"{n}.expected.json").read_text("utf-8"))]
    assert len(refused) >= 8


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_variant_reads_to_its_expected_outline(path: Path) -> None:
    expected = json.loads((VARIANTS / f"{path.stem}.expected.json").read_text("utf-8"))
    text = _read(path)
    if "error" in expected:
        with pytest.raises(PlanFormatError) as info:
            read_plan_text(text, IdentityResolver(), path.name)
        found = problems(info.value)
        assert [[line, cell] for line, cell, _ in found] == [[e[0], e[1]] for e in expected["error"]], found
        for (_, _, message), (_, _, fragment) in zip(found, expected["error"]):
            assert fragment in message
        assert all(any("\u0e00" <= ch <= "\u0e7f" for ch in message) for _, _, message in found)
        assert str(info.value).count("บรรทัดที่") >= len([e for e in expected["error"] if e[0]])
        return
    plan = read_plan_text(text, IdentityResolver(), path.name)
    got = outline(plan)
    for key in ("fiscal_year", "counts", "total_satang", "stated_total_satang", "strategies", "warnings"):
        assert got[key] == expected[key], key
    assert got["rows"] == expected["rows"]
    assert all(any("\u0e00" <= ch <= "\u0e7f" for ch in w.message) for w in plan.warnings)


@pytest.mark.parametrize("path", [p for p in DOCUMENTS if "error" not in
                                  json.loads((VARIANTS / f"{p.stem}.expected.json").read_text("utf-8"))],
                         ids=lambda p: p.stem)
def test_variant_reads_with_the_trat_register(path: Path) -> None:
    """With the real register (Trat's) nothing crashes: unknown offices become agencies of their own."""
    expected = json.loads((VARIANTS / f"{path.stem}.expected.json").read_text("utf-8"))
    plan = read_plan_text(_read(path), AgencyResolver(load_register(ROOT / "db" / "seed" / "agencies.csv")))
    assert len(plan.rows()) == expected["counts"]["rows"]
    assert plan.budget_satang() == expected["total_satang"]
    assert all(name in plan.agencies for row in plan.rows() for name in row.agencies)
    assert 0 < sum(len(r.agencies) for r in plan.rows()) <= expected["counts"]["assignments"]


def test_generated_variants_are_up_to_date() -> None:
    result = subprocess.run([sys.executable, str(VARIANTS / "generate.py"), "--check"], cwd=ROOT,
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr


# -- documents nobody wrote for the reader ------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SEED_LINES = (ROOT / "db" / "seed" / "trat-ethics-plan-2569.txt").read_text("utf-8").split("\n")
NOISE = ["", "รวม\t\t\t\t๕๐๐\t\t\t\t", "ยุทธศาสตร์ที่ ๒ ซ้ำ", "\t\t\t", "กลยุทธ์\tกิจกรรม", "- ๓ -",
         "\t๙.๙ กิจกรรมแทรก\tครั้ง\t๑\tไม่ใช้งบประมาณ\tไตรมาส ๕\tx\ty\tz", "ผู้รับผิดชอบ", "๑๒,๐๐๐", "\ufeff"]


@st.composite
def mangled(draw: st.DrawFn) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "copy", "noise", "untab", "retab", "cut"]))
        if op == "drop":
            del lines[at]
        elif op == "copy":
            lines.insert(at, lines[at])
        elif op == "noise":
            lines.insert(at, draw(st.sampled_from(NOISE)))
        elif op == "untab":
            lines[at] = lines[at].replace("\t", " ", 1)
        elif op == "retab":
            lines[at] = lines[at].replace("\t", "\t\t", 1)
        else:
            text = "\n".join(lines)
            return text[: draw(st.integers(0, len(text)))]
    return "\n".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_a_mangled_document_reads_or_is_refused_in_thai(text: str) -> None:
    """Whatever happens to the document, the reader returns a sound plan or a list of Thai problems."""
    try:
        plan = read_plan_text(text, IdentityResolver())
    except PlanFormatError as error:
        assert error.problems and all(any("\u0e00" <= ch <= "\u0e7f" for ch in p.message) for p in error.problems)
        return
    rows = plan.rows()
    assert rows
    assert all(1 <= r.quarter_from <= r.quarter_to <= 4 for r in rows)
    assert all(line.value.counted_satang() >= 0 for r in rows for line in r.budget_lines)
    assert len({r.uid for r in rows}) == len(rows)


@pytest.mark.parametrize("name", ["README.md", "docs/user-guide.md", "docs/exchange-format.md", "pyproject.toml"])
def test_a_document_that_is_no_plan_is_refused(name: str) -> None:
    with pytest.raises(PlanFormatError) as info:
        read_plan_text((ROOT / name).read_text("utf-8"), IdentityResolver())
    assert "ไม่พบ" in str(info.value)


# -- through the command line ----------------------------------------------------
def _cli(capsys, *args: str) -> tuple[int, str, str]:
    from trat_desktop.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", ["hand-malformed-chanthaburi", "hand-libreoffice-chanthaburi", "seed-libreoffice-one-cell-per-line",
                                  "seed-truncated-mid-row", "hand-no-rows-chanthaburi"])
def test_cli_refuses_with_every_problem_and_changes_nothing(tmp_path: Path, capsys, name: str) -> None:
    import sqlite3

    db = tmp_path / "db.sqlite3"
    assert _cli(capsys, "--db", str(db), "plan", "summary")[0] == 0
    before = list(sqlite3.connect(db).iterdump())
    code, out, err = _cli(capsys, "--db", str(db), "plan", "import-text", str(VARIANTS / f"{name}.txt"))
    assert code == 2 and not out
    expected = json.loads((VARIANTS / f"{name}.expected.json").read_text("utf-8"))["error"]
    for line, _cell, fragment in expected:
        assert f"บรรทัดที่ {line}:" in err and fragment in err
    assert list(sqlite3.connect(db).iterdump()) == before


def test_cli_imports_another_province_next_to_trat(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "db.sqlite3")
    code, out, _ = _cli(capsys, "--db", db, "plan", "import-text", str(VARIANTS / "hand-chanthaburi-2570.txt"), "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["fiscal_year"], data["strategies"], data["indicators"], data["budget_total"]) == (2570, 3, 8, 209_650)
    assert {"BUDGET_SOURCE", "PERIOD_INHERITED", "BUDGET_SHARED"} <= {w["code"] for w in data["warnings"]}
    code, out, _ = _cli(capsys, "--db", db, "plan", "summary", "--json", "--year", "2569")
    assert json.loads(out)["indicators"] == 35
    code, out, _ = _cli(capsys, "--db", db, "agencies", "--json")
    chanthaburi = [a for a in json.loads(out) if "จันทบุรี" in a["name"]]
    # คลัง, พลังงาน, แรงงาน … of จันทบุรี: ten offices, each an agency of its own, none merged into Trat's
    assert len(chanthaburi) == 10 and all(a["indicator_rows"] >= 1 for a in chanthaburi)


# -- how the file is encoded -------------------------------------------------------
def test_word_unicode_text_reads_like_utf8() -> None:
    from trat_desktop.domain.plan_text import decode_document

    text = _read(VARIANTS / "hand-chanthaburi-2570.txt")
    for data in (text.encode("utf-16"), codecs.BOM_UTF16_BE + text.encode("utf-16-be"), ("\ufeff" + text).encode()):
        assert decode_document(data).lstrip("\ufeff") == text


def test_old_thai_encoding_is_refused_by_name(service, tmp_path: Path) -> None:
    doc = tmp_path / "plan-874.txt"
    doc.write_bytes(_read(VARIANTS / "hand-chanthaburi-2570.txt").encode("cp874"))
    before = service.fiscal_years()
    with pytest.raises(PlanFormatError) as info:
        service.import_plan_text(doc)
    assert "Windows-874" in info.value.message and info.value.line == 1
    assert service.fiscal_years() == before


def test_cells_over_several_lines_keep_their_rows_apart() -> None:
    """A tactic cell whose first paragraph sits on its own line under the row above starts a row."""
    plan = read_plan_text(_read(VARIANTS / "hand-trat-2570-tactic-paragraphs.txt"), IdentityResolver())
    assert [t.title for t in plan.strategies[0].tactics] == [
        "กำหนดให้มีหัวหน้าหน่วยงาน และผู้รับผิดชอบงานจริยธรรม", "จัดให้มีสื่อสาร ประชาสัมพันธ์บทบาทของหน่วยงาน"]
    assert plan.rows()[1].indicator == "จำนวนช่องทางที่เผยแพร่"


def test_a_document_wrong_everywhere_lists_every_problem_in_a_readable_message(monkeypatch) -> None:
    monkeypatch.setattr("trat_desktop.errors.MAX_SHOWN_PROBLEMS", 10)
    text = _read(ROOT / "db" / "seed" / "trat-ethics-plan-2569.txt").replace("ไตรมาส ๒ - ๔", "ไตรมาสหน้า")
    with pytest.raises(PlanFormatError) as info:
        read_plan_text(text, IdentityResolver())
    problems_found = info.value.problems
    assert len(problems_found) == 37 and all("ไตรมาสหน้า" in p.message for p in problems_found)
    assert len({p.line for p in problems_found}) == len(problems_found)
    message = str(info.value)
    assert message.startswith(f"เอกสารแผนมีปัญหา {len(problems_found)} รายการ")
    assert message.count("\n") == 11 and "และอีก 27 รายการ" in message


def test_a_csv_whose_quoting_does_not_line_up_is_refused_by_name() -> None:
    text = _read(VARIANTS / "hand-chanthaburi-2570-csv.txt").replace(',ใช้ห้องประชุมศาลากลาง', ',"ใช้ห้องประชุม', 1)
    with pytest.raises(PlanFormatError) as info:
        read_plan_text(text, IdentityResolver())
    assert "CSV" in str(info.value) and "“,”" in str(info.value)
