"""Benchmark the provincial report (PDF) against a bare reportlab layout of the same cells.

    python3 bench/report_bench.py                 # FY2569 comparison + the plan 100 times larger
    python3 bench/report_bench.py --factor 10     # a smaller big plan, for a quick look
    python3 bench/report_bench.py --factor 0      # only the FY2569 comparison

1. FY2569 with synthetic progress: every responsible office reports every quarter of each row's
   period (the seeded plan, 35 rows, 168 row x office assignments).
   * ours: the provincial report for the whole year as `trat-desktop report province` writes it:
     shaped Sarabun (HarfBuzz), Thai word-boundary line breaks (nlpo3), the text-layer fix,
     'หน้า x/N' page numbers, charts and signature block;
   * bare: the same flowables with every Thai paragraph replaced by a plain reportlab Paragraph
     of the same text and size (no shaping, no segmentation: reportlab breaks at spaces only),
     laid out by a plain SimpleDocTemplate on the same A4 landscape frame.
   Both time the layout and PDF of flowables built beforehand; each runs three times in this
   process. Ours's first run also loads the font faces, HarfBuzz objects and the segmenter's
   dictionary (printed apart). Target: ours at most 2 x bare (medians). The bare run gets each
   Grid as a reportlab Table of the same cells (same spans, repeated header).
   The office report (สำนักงานจังหวัดตราด, a ~300-character note on every row) is compared the same way. The end-to-end time of
   `trat-desktop report province` (loading the data, the figures) is printed as well.
2. The plan 100 times larger (bench/big_plan.py: ~3,500 rows, 100 offices, ~16,800 assignments,
   progress in every cell): the provincial report and the plan printout complete; target >= 20 pages
   per CPU second and a peak memory under 400 MB. Both are also run on the plan 10 times smaller
   (factor / 10): a printout is linear in pages when its pages per CPU second at the full factor are
   at least 0.6 of those at the small one (this shared machine varies by ±15 % between runs; a part
   that grows with the square of the pages, as reportlab's Table.split did, falls by several times).

Exit status 1 if the target is missed. The bench may use the store directly (the app never does).
"""

from __future__ import annotations

import argparse
import html
import io
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from big_plan import achieved_value, build_database  # noqa: E402

from trat_desktop.domain.identity import Identity  # noqa: E402
from trat_desktop.services import PlanService, ProgressService  # noqa: E402
from trat_desktop.services.reports import ReportService  # noqa: E402

TARGET_RATIO = 2.0
PAGES_PER_SECOND = 20
PEAK_MB = 400


def fill_progress(service: PlanService) -> int:
    """Every office reports every quarter of every row's period (FY2569 as seeded)."""
    plan = service.load_plan(2569)
    uid_of = {a.name: a.uid for a in service.agencies()}
    rng = random.Random(2569)
    values = []
    for row in plan.rows():
        for name in row.agencies:
            for quarter in row.quarters():
                values.append((row.uid, uid_of[name], quarter, achieved_value(row.unit, row.target, rng),
                               rng.choice([None, 100_000, 250_000]), rng.choice(["in_progress", "done"]),
                               rng.choice(["", "จัดกิจกรรมแล้ว ผู้เข้าร่วมทั้งหมดผ่านการทดสอบความรู้"]),
                               "ผู้รายงานทดสอบ", "2026-03-31T10:00:00+07:00", 1))
    with service.db.conn as conn:
        conn.executemany(
            "INSERT INTO progress (indicator_uid, agency_uid, quarter, achieved, spent_satang, status, note, "
            "reporter, updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
    return len(values)


NOTE = ("จัดประชุมชี้แจงแนวทางการดำเนินงานให้แก่ข้าราชการพลเรือนและเจ้าหน้าที่ในสังกัด ณ ห้องประชุมศาลากลางจังหวัดตราด "
        "มีผู้เข้าร่วม ๑๒๐ คน พร้อมประชาสัมพันธ์ผ่านเพจเฟซบุ๊กของสำนักงานและกลุ่มไลน์ ดำเนินการตามแผนที่กำหนดไว้ "
        "ผู้เข้าร่วมมีความรู้ความเข้าใจเพิ่มขึ้นร้อยละ ๘๕ จากแบบประเมินก่อนและหลังการอบรม ")


def office_with_notes(service: PlanService) -> ProgressService:
    """สำนักงานจังหวัดตราด (17 rows) with a value, a spending and a note of ~300 characters in quarter 2."""
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name="สำนักงานจังหวัดตราด", reporter_name="ผู้รายงานทดสอบ"))
    for item in progress.work_items(2569):
        if 2 in item.quarters():
            value = "3" if item.unit.strip() == "ระดับ" else "80" if item.unit.strip() == "ร้อยละ" else "5"
            progress.set_progress(item, 2, achieved=value, spent="12500", status="กำลังดำเนินการ", note=NOTE[:300])
    return progress


def coordinator(service: PlanService) -> ProgressService:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="coordinator", reporter_name="ผู้ประสานงานทดสอบ",
                                   reporter_position="เจ้าพนักงานปกครองชำนาญงาน"))
    return progress


def ours_total(progress: ProgressService) -> tuple[float, int, int]:
    """`trat-desktop report province` end to end: data, figures, layout, PDF."""
    from trat_desktop.services.reports import province_report

    buffer = io.BytesIO()
    start = time.perf_counter()
    result = province_report(progress, buffer)
    return time.perf_counter() - start, result.pages, len(buffer.getvalue())


def _story(progress: ProgressService, kind: str):  # type: ignore[no-untyped-def]
    from trat_desktop.reports.office import office_story
    from trat_desktop.reports.province import province_story

    if kind == "office":
        return office_story(ReportService(progress).office(2569, 2))
    return province_story(ReportService(progress).province())


def plan_printout(progress: ProgressService) -> tuple[float, int, int]:
    """The plan printout (`trat-desktop report plan`): layout and PDF of the whole plan."""
    from trat_desktop.reports.plan_doc import write_plan

    plan = ReportService(progress).plan()
    buffer = io.BytesIO()
    start = time.perf_counter()
    result = write_plan(plan, buffer)
    return time.perf_counter() - start, result.pages, len(buffer.getvalue())


def ours(progress: ProgressService, kind: str = "province") -> tuple[float, int, int]:
    """Only the layout and the PDF of the report's flowables (what the bare run does too)."""
    from trat_desktop.reports.layout import build_pdf

    story, title, decor = _story(progress, kind)
    buffer = io.BytesIO()
    start = time.perf_counter()
    pages = build_pdf(buffer, story, is_landscape=True, decor=decor, title=title)
    return time.perf_counter() - start, pages, len(buffer.getvalue())


def _bare(flowable, style_cache):  # type: ignore[no-untyped-def]
    """The same flowable with Thai paragraphs as plain reportlab Paragraphs (no Thai handling)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph, Table

    from trat_desktop.reports.grid import Grid
    from trat_desktop.reports.typeset import FONT, ThaiParagraph

    if isinstance(flowable, Grid):
        return _bare_grid(flowable, style_cache)
    if isinstance(flowable, ThaiParagraph):
        st = flowable.style
        bare = style_cache.get(st.name)
        if bare is None:
            bare = style_cache[st.name] = ParagraphStyle(st.name + "-bare", parent=st, fontName=FONT, shaping=0,
                                                         splitLongWords=1)
        markup = "".join(f"<b>{html.escape(t)}</b>" if b else html.escape(t) for t, b in flowable.runs)
        return Paragraph(markup.replace("\n", "<br/>"), bare)
    if isinstance(flowable, Table):
        flowable._cellvalues = [[_bare_cell(v, style_cache) for v in row] for row in flowable._cellvalues]
        return flowable
    if isinstance(flowable, KeepTogether):
        flowable._content = [_bare(f, style_cache) for f in flowable._content]
        return flowable
    return flowable


def _bare_grid(grid, style_cache):  # type: ignore[no-untyped-def]
    """A Grid as a bare reportlab Table of the same cells: repeated header, spans, a thin grid, rows
    split between rows only (reportlab's own)."""
    from reportlab.platypus import Table, TableStyle

    data, style = [], [("GRID", (0, 0), (-1, -1), 0.5, (0.35, 0.35, 0.35)), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for r, row in enumerate([*grid.header, *grid.rows]):
        cells, col = [], 0
        for c in row.cells:
            cells.append([_bare(f, style_cache) for f in c.content])
            cells += [""] * (c.span - 1)
            if c.span > 1:
                style.append(("SPAN", (col, r), (col + c.span - 1, r)))
            col += c.span
        if row.background is not None:
            style.append(("BACKGROUND", (0, r), (-1, r), row.background))
        data.append(cells)
    table = Table(data, colWidths=grid.widths, repeatRows=len(grid.header), hAlign="LEFT")
    table.setStyle(TableStyle(style))
    footer = [_bare(f, style_cache) for f in grid.footer]
    return [table, *footer]


def _bare_cell(value, style_cache):  # type: ignore[no-untyped-def]
    if isinstance(value, (list, tuple)):
        return [_bare(v, style_cache) for v in value]
    return _bare(value, style_cache)


def bare(progress: ProgressService, kind: str = "province") -> tuple[float, int, int]:
    from reportlab.platypus import SimpleDocTemplate

    from trat_desktop.reports.layout import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, page_size

    story, title, _decor = _story(progress, kind)
    cache: dict = {}
    story = [g for f in story for g in (lambda b: b if isinstance(b, list) else [b])(_bare(f, cache))]   # built before the clock starts: only the layout is timed
    buffer = io.BytesIO()
    start = time.perf_counter()
    doc = SimpleDocTemplate(buffer, pagesize=page_size(True), leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title)
    doc.build(story)
    return time.perf_counter() - start, doc.page, len(buffer.getvalue())


def max_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factor", type=int, default=100, help="size of the big plan (0: skip it)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        service = PlanService.open(Path(tmp) / "fy2569.sqlite3")
        entries = fill_progress(service)
        progress = coordinator(service)
        import reportlab.graphics.barcode.qr  # noqa: F401  (imports are not what is measured)
        import reportlab.platypus  # noqa: F401

        import trat_desktop.reports.province  # noqa: F401
        mine = [ours(progress) for _ in range(args.runs)]
        plain = [bare(progress) for _ in range(args.runs)]
        total = [ours_total(progress) for _ in range(args.runs)]
        cold = mine[0][0]
        warm = statistics.median(t for t, *_ in mine[1:]) if len(mine) > 1 else cold
        base = statistics.median(t for t, *_ in plain)
        end_to_end = statistics.median(t for t, *_ in total)
        print(f"FY2569, every office reporting every quarter ({entries} entries); layout and PDF only:")
        print(f"  ours : {mine[0][1]} pages, {mine[0][2] / 1024:.0f} KiB; first run {cold * 1000:.0f} ms, "
              f"then {warm * 1000:.0f} ms ({mine[0][1] / warm:.1f} pages/s)")
        print(f"  bare : {plain[0][1]} pages, {plain[0][2] / 1024:.0f} KiB; {base * 1000:.0f} ms "
              "(same flowables, plain Paragraphs: no shaping, no Thai breaks, no page x/N)")
        ratio_cold, ratio_warm = cold / base, warm / base
        verdict = "OK" if ratio_warm <= TARGET_RATIO else "MISSED"
        print(f"  ratio: {ratio_warm:.2f}x (first run in the process {ratio_cold:.2f}x); target <= "
              f"{TARGET_RATIO:.0f}x {verdict}")
        print(f"  end to end (trat-desktop report province: data, figures, layout): {end_to_end * 1000:.0f} ms")
        ok = ratio_warm <= TARGET_RATIO
        service.close()

        office_service = PlanService.open(Path(tmp) / "office.sqlite3")
        office = office_with_notes(office_service)
        mine = [ours(office, "office") for _ in range(args.runs)]
        plain = [bare(office, "office") for _ in range(args.runs)]
        warm = statistics.median(t for t, *_ in mine[1:]) if len(mine) > 1 else mine[0][0]
        base = statistics.median(t for t, *_ in plain)
        verdict = "OK" if warm / base <= TARGET_RATIO else "MISSED"
        print(f"FY2569 office report (สำนักงานจังหวัดตราด, a note of about 300 characters on every row of quarter 2):")
        print(f"  ours : {mine[0][1]} pages, {warm * 1000:.0f} ms; bare: {plain[0][1]} pages, {base * 1000:.0f} ms; "
              f"ratio {warm / base:.2f}x; target <= {TARGET_RATIO:.0f}x {verdict}")
        ok = ok and warm / base <= TARGET_RATIO
        office_service.close()

        if args.factor:
            rates: dict[str, list[float]] = {"province": [], "plan": []}
            factors = [args.factor // 10, args.factor] if args.factor >= 10 else [args.factor]
            for factor in factors:
                t0 = time.perf_counter()
                big, rows, pairs, cells = build_database(Path(tmp) / f"big{factor}.sqlite3", factor)
                built = time.perf_counter() - t0
                progress = coordinator(big)
                print(f"plan x{factor}: {rows:,} rows, {pairs:,} assignments, {cells:,} entries "
                      f"(database built in {built:.1f} s)")
                for kind, run in (("province", ours), ("plan", plan_printout)):
                    cpu0 = time.process_time()
                    seconds, pages, size = run(progress)
                    cpu = time.process_time() - cpu0
                    peak = max_rss_mb()
                    rates[kind].append(pages / cpu)
                    name = "provincial report" if kind == "province" else "plan printout"
                    if factor != args.factor:
                        print(f"  {name}: {pages:,} pages in {seconds:.1f} s, {pages / cpu:.1f} pages per CPU second")
                        continue
                    verdict = "OK" if pages / cpu >= PAGES_PER_SECOND and peak < PEAK_MB else "MISSED"
                    print(f"  {name}: {pages:,} pages, {size / 1024 / 1024:.1f} MiB in {seconds:.1f} s "
                          f"= {pages / seconds:.1f} pages/s ({pages / cpu:.1f} pages per CPU second: the machine is "
                          f"shared); peak memory of the process so far {peak:.0f} MB; target >= {PAGES_PER_SECOND} "
                          f"pages/s, < {PEAK_MB} MB {verdict}")
                    ok = ok and verdict == "OK"
                big.close()
            for kind, (small, *large) in rates.items():
                if large:
                    linear = large[0] >= 0.6 * small
                    print(f"  {kind}: {large[0]:.1f} vs {small:.1f} pages per CPU second at x{factors[0]}: "
                          f"{'linear' if linear else 'NOT linear'} in pages")
                    ok = ok and linear
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
