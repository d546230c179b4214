"""The plan reader against a corpus of documents of the same form from other years, provinces and
word processors (tests/fixtures/plan-variants/: NAME.txt + NAME.expected.json).

``seed-*`` variants are written by tests/fixtures/plan-variants/generate.py from the FY2569 document;
``hand-*`` documents and their expectations are written by hand.
"""

from __future__ import annotations

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
