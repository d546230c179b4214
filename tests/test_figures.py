"""Achievement figures against hand-computed cases for each kind of unit, bands and thresholds, rollups."""

from __future__ import annotations

import pytest

from trat_desktop.domain.figures import GroupFigures, Placed, Thresholds, item_figures, rollup
from trat_desktop.domain.progress import ProgressEntry


def e(q, achieved=None, spent=None, status="in_progress", note=""):
    return ProgressEntry("r", "a", q, achieved, spent, status, note)


def test_counts_add_up_over_the_quarters():
    f = item_figures("ครั้ง", 4, {2: e(2, 1), 3: e(3, 2)})
    assert (f.achieved_to_date, f.achievement_pct, f.band) == (3, 75.0, "below")
    f = item_figures("ครั้ง", 4, {2: e(2, 1), 3: e(3, 2), 4: e(4, 2)})
    assert (f.achieved_to_date, f.achievement_pct, f.band) == (5, 100.0, "achieved")  # 125 % capped


def test_a_share_or_a_level_takes_the_latest_quarter_not_the_sum():
    f = item_figures("ร้อยละ", 80, {2: e(2, 50), 3: e(3, 70)})
    assert (f.achieved_to_date, f.achievement_pct, f.band) == (70, 87.5, "near")
    f = item_figures("ระดับ", 5, {1: e(1, 5), 4: e(4, 3)})
    assert (f.achieved_to_date, f.achievement_pct, f.band) == (3, 60.0, "below")


def test_a_rounds_quarters_only_and_thresholds_the_coordinator_sets():
    entries = {1: e(1, 2), 2: e(2, 1), 3: e(3, 1)}
    assert item_figures("คน", 4, entries, quarters=(1, 2)).achieved_to_date == 3
    lenient = Thresholds(achieved=75, near=50)
    assert item_figures("คน", 4, entries, quarters=(1, 2), thresholds=lenient).band == "achieved"
    with pytest.raises(ValueError):
        Thresholds(achieved=70, near=90)


def test_nothing_reported_has_no_band_and_no_target_no_share():
    assert item_figures("ครั้ง", 2, {}).band is None
    assert item_figures("ครั้ง", None, {1: e(1, 3)}).achievement_pct is None


def test_status_and_figures_never_contradict_silently():
    flagged = item_figures("ครั้ง", 2, {2: e(2, 2, status="not_started")})
    assert "ยังไม่เริ่ม" in flagged.contradiction
    assert item_figures("ครั้ง", 2, {2: e(2, 2, status="done")}).contradiction == ""


def test_rollup_per_activity_strategy_and_province_with_budget():
    placed = [
        Placed(1, "1.1", item_figures("ครั้ง", 2, {2: e(2, 2, spent=500_00)}, allocated_satang=1000_00)),
        Placed(1, "1.1", item_figures("ครั้ง", 2, {}, allocated_satang=1000_00)),
        Placed(1, "1.2", item_figures("ร้อยละ", 80, {2: e(2, 70)})),
        Placed(2, "2.1", item_figures("ระดับ", 5, {3: e(3, 5, spent=250_00)}, allocated_satang=250_00)),
    ]
    province = rollup(placed)
    assert (province.items, province.reported, province.on_target, province.near) == (4, 3, 2, 1)
    assert province.sentence() == "ดำเนินการแล้ว ๓ จาก ๔ ตัวชี้วัด คิดเป็นร้อยละ ๗๕"
    assert (province.allocated_satang, province.spent_satang, province.remaining_satang) == (2250_00, 750_00, 1500_00)
    assert province.disbursed_pct == pytest.approx(33.33)
    s1 = province.children["1"]
    assert (s1.items, s1.reported, s1.on_target_pct) == (3, 2, pytest.approx(33.33))
    assert s1.children["1.1"].sentence(thai_digits=False) == "ดำเนินการแล้ว 1 จาก 2 ตัวชี้วัด คิดเป็นร้อยละ 50"
    assert GroupFigures().reported_pct is None


def test_figures_on_the_command_line(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    db = str(tmp_path / "o.sqlite3")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "trat_desktop", "--db", db, *args], capture_output=True,
                              text=True, cwd=root, timeout=120)

    assert run("setup", "--office", "สำนักงานจังหวัดตราด").returncode == 0
    assert run("progress", "set", "1/1.1/1", "--quarter", "2", "--value", "60", "--status", "in_progress").returncode == 0
    data = json.loads(run("figures", "--year", "2569", "--json").stdout)
    assert data["province"]["reported"] == 1 and data["province"]["near"] == 0
    assert data["strategies"]["1"]["activities"]["1.1"]["reported_pct"] == 100.0
    by_round = json.loads(run("figures", "--round", "q1", "--json").stdout)
    assert by_round["province"]["reported"] == 0


def test_progress_list_json_carries_each_items_figures(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    db = str(tmp_path / "o.sqlite3")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "trat_desktop", "--db", db, *args], capture_output=True,
                              text=True, cwd=root, timeout=120)

    assert run("setup", "--office", "สำนักงานจังหวัดตราด").returncode == 0
    assert run("progress", "set", "1/1.1/1", "--quarter", "2", "--value", "60", "--status", "in_progress").returncode == 0
    items = {i["id"]: i for i in json.loads(run("progress", "list", "--year", "2569", "--json").stdout)}
    first = items["1/1.1/1"]  # ร้อยละ, target 80: 60 is 75 % of it
    assert (first["achieved_to_date"], first["achievement_pct"], first["band"]) == (60, 75.0, "below")
    assert items["1/1.2/1"]["band"] is None and items["1/1.2/1"]["achieved_to_date"] is None


def test_mean_achievement_counts_an_unreported_item_as_zero():
    placed = [
        Placed(1, "1.1", item_figures("ครั้ง", 4, {1: e(1, 3)})),          # 75 %
        Placed(1, "1.1", item_figures("ครั้ง", 4, {})),                    # not reported: 0
        Placed(1, "1.2", item_figures("คน", None, {1: e(1, 3)})),          # no target: left out
        Placed(1, "1.2", item_figures("ร้อยละ", 50, {1: e(1, 60)})),       # capped at 100
    ]
    province = rollup(placed)
    assert province.mean_achievement_pct == pytest.approx((75 + 0 + 100) / 3, abs=0.01)
    assert province.children["1"].children["1.2"].mean_achievement_pct == 100.0
    assert GroupFigures().mean_achievement_pct is None


def test_an_overspent_budget_says_by_how_much_not_a_negative_balance():
    from trat_desktop.domain.figures import balance_text
    from trat_desktop.domain.thai import format_baht

    def baht(satang):
        return format_baht(satang / 100, True)

    assert balance_text(500_000, 380_000, baht) == "คงเหลือ ๑,๒๐๐ บาท"
    assert balance_text(500_000, 500_000, baht) == "คงเหลือ ๐ บาท"
    assert balance_text(0, 120_000, baht) == "ใช้เกินงบประมาณ ๑,๒๐๐ บาท"  # a spend on a row with no budget
    assert balance_text(100_000, 220_000, baht, "en") == "๑,๒๐๐ baht over budget"  # (the digits are the caller's)
    from trat_desktop.reports.province import _budget_sentence
    from trat_desktop.reports.common import Thai

    sentence = _budget_sentence(0, 120_000, Thai(True))
    assert "ใช้เกินงบประมาณ ๑,๒๐๐ บาท" in sentence and "-" not in sentence, sentence
