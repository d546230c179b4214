"""A revised document for a year that already has a plan: which new part is which old part.

Parts are matched by what they say — strategy numbers and titles, tactic titles, activity codes and
titles, indicator text, expected result, unit, target, period and agencies — never by position. A
row of the new document that matches nothing is *added* (it gets a fresh uid); an old row nothing
matches is *removed* (it goes to the trash, its recorded progress kept aside); a matched row whose
fields differ is *changed* (old -> new per field); a new row that fits two old rows equally well
(different content, same score) is *unmatched*: it is added and the old rows are not guessed at.

Matching is greedy on a score, best pairs first, inside the same (matched) parent first and then
across the whole plan (a row moved to another activity). Rows with identical content are
interchangeable: between those only, their order decides.

:func:`match_plans` computes the :class:`PlanDiff`; :func:`revised_plan` gives the new plan carrying
the old uids of its matched parts (and fresh uids for the rest), ready to be stored in place.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from collections import Counter
from typing import Any, Callable, Iterable, Sequence

from ..i18n import N_, _
from .display import budget_line_text, number_text, period_text
from .model import Activity, IndicatorRow, Plan, Strategy, Tactic
from .thai import to_arabic_digits

ENTITIES = ("strategy", "tactic", "activity", "indicator")
#: the words of the revision preview (marked N_(), shown through _())
ENTITY_TEXT = {"strategy": N_("ยุทธศาสตร์"), "tactic": N_("กลยุทธ์"), "activity": N_("โครงการ/กิจกรรม"),
               "indicator": N_("ตัวชี้วัด")}
FIELD_TEXT = {
    "number": N_("ลำดับ"), "title": N_("ชื่อ"), "goal": N_("เป้าหมาย"), "code": N_("รหัส"), "indicator": N_("ตัวชี้วัด"),
    "expected_result": N_("ผลที่คาดว่าจะได้รับ"), "unit": N_("หน่วยนับ"), "target": N_("ค่าเป้าหมาย"),
    "period": N_("ระยะเวลา"), "agencies": N_("หน่วยงานผู้รับผิดชอบ"), "budget": N_("งบประมาณ"), "place": N_("อยู่ภายใต้"),
}
_TIE = 1e-9


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str

    def text(self) -> str:
        return f"{_(FIELD_TEXT[self.field]) if self.field in FIELD_TEXT else self.field}: “{self.old}” → “{self.new}”"


@dataclass(frozen=True)
class NodeRef:
    """A part of one of the two plans: its entity, uid (of that plan), label and a short title."""

    entity: str
    uid: str
    label: str
    title: str


@dataclass(frozen=True)
class NodeChange:
    """A matched part whose fields differ; ``uid`` is the old (kept) uid."""

    entity: str
    uid: str
    old_label: str
    new_label: str
    title: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class Unmatched:
    """A new row two or more old rows fit equally well; it is added, the old ones are not guessed at."""

    new: NodeRef
    candidates: tuple[NodeRef, ...]


@dataclass
class PlanDiff:
    """What a revised document changes, part by part (see the module docstring)."""

    fiscal_year: int
    matched: dict[str, dict[str, str]] = field(default_factory=lambda: {e: {} for e in ENTITIES})
    added: list[NodeRef] = field(default_factory=list)
    removed: list[NodeRef] = field(default_factory=list)
    changed: list[NodeChange] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    old_rows: int = 0
    new_rows: int = 0
    #: old row uid -> (old label, new label) for matched rows whose label differs (progress shown elsewhere)
    relabelled: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: rows removed earlier (in the trash) that the document has again: they come back with their uid
    restored: list[NodeRef] = field(default_factory=list)
    trashed_rows: dict[str, IndicatorRow] = field(default_factory=dict)

    @property
    def row_map(self) -> dict[str, str]:
        """new row uid (as read) -> old row uid."""
        return self.matched["indicator"]

    @property
    def matched_rows(self) -> int:
        return len(self.row_map)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.unmatched or self.restored)

    def as_json(self) -> dict[str, Any]:
        ref = lambda r: {"entity": r.entity, "uid": r.uid, "label": r.label, "title": r.title}  # noqa: E731
        return {
            "fiscal_year": self.fiscal_year, "old_rows": self.old_rows, "new_rows": self.new_rows,
            "matched_rows": self.matched_rows,
            # an added part has no uid yet (it gets a fresh one when the revision is applied)
            "added": [{"entity": r.entity, "label": r.label, "title": r.title} for r in self.added], "removed": [ref(r) for r in self.removed],
            "changed": [{"entity": c.entity, "uid": c.uid, "old_label": c.old_label, "new_label": c.new_label,
                         "title": c.title, "fields": {f.field: {"old": f.old, "new": f.new} for f in c.changes}}
                        for c in self.changed],
            "unmatched": [{"new": ref(u.new), "candidates": [ref(c) for c in u.candidates]} for u in self.unmatched],
            "relabelled": [{"uid": uid, "old_label": a, "new_label": b} for uid, (a, b) in self.relabelled.items()],
            "restored": [ref(r) for r in self.restored],
        }


# --- similarity -------------------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(to_arabic_digits(text or "").split())


class _Ratios:
    """How alike two texts are, 0..1: the Dice coefficient of their character pairs (spaces and digit
    forms ignored). Thai has no spaces between words, so pairs of characters stand in for words;
    each text's pairs are counted once."""

    def __init__(self) -> None:
        self._grams: dict[str, tuple[Counter[str], int]] = {}

    def _of(self, text: str) -> tuple[Counter[str], int]:
        found = self._grams.get(text)
        if found is None:
            flat = "".join(to_arabic_digits(text or "").split())
            grams = Counter(flat[i:i + 2] for i in range(max(len(flat) - 1, 0))) if len(flat) > 1 else Counter([flat])
            found = self._grams[text] = (grams, sum(grams.values()))
        return found

    def __call__(self, a: str, b: str) -> float:
        if a == b:
            return 1.0
        (ga, na), (gb, nb) = self._of(a), self._of(b)
        if not na or not nb or not (ga and gb):
            return 1.0 if not (ga or gb) else 0.0
        return 2 * sum((ga & gb).values()) / (na + nb)


def _jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def _row_content(row: IndicatorRow) -> tuple[Any, ...]:
    return (_norm(row.indicator), _norm(row.expected_result), row.unit.strip(), row.target,
            row.quarter_from, row.quarter_to, tuple(sorted(row.agencies)),
            tuple((b.value.kind, b.value.satang, b.agency) for b in row.budget_lines))


def _greedy(pairs: list[tuple[float, int, int, str, str]], old_content: Callable[[str], Any],
            taken_new: set[str], taken_old: set[str],
            out: dict[str, str], ambiguous: dict[str, list[str]] | None = None) -> None:
    """Best pairs first. *pairs*: (score, order, order, new uid, old uid). A pair whose new part has an
    equally good free partner of different content is ambiguous (left out, reported if asked)."""
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    blocked: set[str] = set()
    of_new: dict[str, list[tuple[float, str]]] = {}
    if ambiguous is not None:
        for score, _a, _b, new, old in pairs:
            of_new.setdefault(new, []).append((score, old))
    for score, _a, _b, new, old in pairs:
        if new in taken_new or old in taken_old or new in blocked:
            continue
        rivals = [o for sc, o in of_new.get(new, ())
                  if o != old and o not in taken_old and score - _TIE <= sc <= score + _TIE
                  and old_content(o) != old_content(old)]
        if rivals and ambiguous is not None:
            ambiguous[new] = [old, *rivals]
            blocked.add(new)
            continue
        out[new] = old
        taken_new.add(new)
        taken_old.add(old)


def _take(out: dict[str, str], new: str, old: str, taken_new: set[str], taken_old: set[str]) -> None:
    out[new] = old
    taken_new.add(new)
    taken_old.add(old)


# --- the match --------------------------------------------------------------------------------

@dataclass
class _Side:
    """One plan's parts by uid, with their parents and labels."""

    plan: Plan
    strategies: dict[str, Strategy] = field(default_factory=dict)
    tactics: dict[str, Tactic] = field(default_factory=dict)
    activities: dict[str, Activity] = field(default_factory=dict)
    rows: dict[str, IndicatorRow] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)
    label: dict[str, str] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, plan: Plan) -> "_Side":
        side = cls(plan)
        n = 0
        for s in plan.strategies:
            side.strategies[s.uid] = s
            side.label[s.uid] = str(s.number)
            for t in s.tactics:
                side.tactics[t.uid] = t
                side.parent[t.uid] = s.uid
                side.label[t.uid] = f"{s.number}/กลยุทธ์ {t.number}"
                for a in t.activities:
                    side.activities[a.uid] = a
                    side.parent[a.uid] = t.uid
                    side.label[a.uid] = f"{s.number}/{a.code}"
                    for i, r in enumerate(a.rows, start=1):
                        side.rows[r.uid] = r
                        side.parent[r.uid] = a.uid
                        side.label[r.uid] = f"{s.number}/{a.code}/{i}"
                        side.order[r.uid] = n
                        n += 1
        for i, uid in enumerate([*side.strategies, *side.tactics, *side.activities]):
            side.order.setdefault(uid, i)
        return side


def match_plans(old: Plan, new: Plan, trashed: Sequence[tuple[str, IndicatorRow]] = ()) -> PlanDiff:
    """Match the parts of *new* (a revised document for the same year) to those of *old* by content.

    *trashed*: (activity uid, row) of rows removed earlier and kept in the trash; a document row that
    matches one brings it back (``restored``) with its uid, so its recorded values are on it again.
    """
    if trashed:
        return _with_trash(old, new, trashed)
    ratio = _Ratios()
    o, n = _Side.of(old), _Side.of(new)
    diff = PlanDiff(old.fiscal_year, old_rows=len(o.rows), new_rows=len(n.rows))
    m = diff.matched

    # strategies: number and title (the same number and title pair up first)
    taken_ns: set[str] = set()
    taken_os: set[str] = set()
    same: dict[tuple[Any, ...], list[str]] = {}
    for ou, os_ in o.strategies.items():
        same.setdefault((os_.number, _norm(os_.title)), []).append(ou)
    for nu, ns in n.strategies.items():
        free = same.get((ns.number, _norm(ns.title)))
        if free:
            _take(m["strategy"], nu, free.pop(0), taken_ns, taken_os)
    pairs = []
    for nu, ns in n.strategies.items():
        for ou, os_ in o.strategies.items():
            if nu in taken_ns or ou in taken_os:
                continue
            r = ratio(ns.title, os_.title)
            if ns.number == os_.number or r >= 0.6:
                pairs.append((2.0 * (ns.number == os_.number) + 2 * r, n.order[nu], o.order[ou], nu, ou))
    _greedy(pairs, lambda u: u, taken_ns, taken_os, m["strategy"])

    # tactics: inside the matched strategy by number or title, elsewhere by title
    taken_nt: set[str] = set()
    taken_ot: set[str] = set()
    same = {}
    for ou, ot in o.tactics.items():
        same.setdefault((o.parent[ou], ot.number, _norm(ot.title)), []).append(ou)
    for nu, nt in n.tactics.items():
        free = same.get((m["strategy"].get(n.parent[nu]), nt.number, _norm(nt.title)))
        if free:
            _take(m["tactic"], nu, free.pop(0), taken_nt, taken_ot)
    pairs = []
    for nu, nt in n.tactics.items():
        for ou, ot in o.tactics.items():
            if nu in taken_nt or ou in taken_ot:
                continue
            same_parent = m["strategy"].get(n.parent[nu]) == o.parent[ou]
            r = ratio(nt.title, ot.title)
            if (same_parent and nt.number == ot.number) or r >= 0.6:
                pairs.append((2.0 * same_parent + (nt.number == ot.number) + 2 * r, n.order[nu], o.order[ou], nu, ou))
    _greedy(pairs, lambda u: u, taken_nt, taken_ot, m["tactic"])

    # activities: title first, then code and parent, and how much their rows have in common
    def row_overlap(na: Activity, oa: Activity) -> float:
        if not oa.rows or not na.rows:
            return 0.0
        return sum(max(ratio(r.indicator, x.indicator) for x in na.rows) for r in oa.rows) / len(oa.rows)

    # the same code and title under the matched tactic pair up first (cheap, and most of a revision)
    taken_na: set[str] = set()
    taken_oa: set[str] = set()
    same: dict[tuple[Any, ...], list[str]] = {}
    for ou, oa in o.activities.items():
        same.setdefault((o.parent[ou], _norm(oa.code), _norm(oa.title)), []).append(ou)
    for nu, na in n.activities.items():
        free = same.get((m["tactic"].get(n.parent[nu]), _norm(na.code), _norm(na.title)))
        if free:
            _take(m["activity"], nu, free.pop(0), taken_na, taken_oa)
    pairs = []
    for nu, na in n.activities.items():
        if nu in taken_na:
            continue
        for ou, oa in o.activities.items():
            if ou in taken_oa:
                continue
            same_parent = m["tactic"].get(n.parent[nu]) == o.parent[ou]
            same_code = _norm(na.code) == _norm(oa.code)
            r = ratio(na.title, oa.title)
            rows = row_overlap(na, oa)
            if r >= 0.6 or (same_code and same_parent) or rows >= 0.8:
                pairs.append((same_parent + 1.5 * same_code + 4 * r + 2 * rows, n.order[nu], o.order[ou], nu, ou))
    _greedy(pairs, lambda u: u, taken_na, taken_oa, m["activity"])

    # indicator rows: inside the matched activity first, then across the plan (a moved row)
    def row_score(nr: IndicatorRow, orow: IndicatorRow) -> tuple[float, float]:
        t = ratio(nr.indicator, orow.indicator)
        score = (4 * t + ratio(nr.expected_result, orow.expected_result) + (nr.unit.strip() == orow.unit.strip())
                 + (nr.target == orow.target) + _jaccard(nr.agencies, orow.agencies)
                 + 0.5 * ((nr.quarter_from, nr.quarter_to) == (orow.quarter_from, orow.quarter_to)))
        return score, t

    old_content = {u: _row_content(r) for u, r in o.rows.items()}
    taken_new: set[str] = set()
    taken_old: set[str] = set()
    ambiguous: dict[str, list[str]] = {}
    # rows of identical content in the matched activity pair up first, in order (they cannot be told apart)
    identical: dict[tuple[Any, ...], list[str]] = {}
    in_activity: dict[str, list[str]] = {}
    for ou in o.rows:
        identical.setdefault((o.parent[ou], old_content[ou]), []).append(ou)
        in_activity.setdefault(o.parent[ou], []).append(ou)
    for nu, nr in n.rows.items():
        free = identical.get((m["activity"].get(n.parent[nu]), _row_content(nr)))
        if free:
            _take(m["indicator"], nu, free.pop(0), taken_new, taken_old)
    pairs = []
    for nu, nr in n.rows.items():
        if nu in taken_new:
            continue
        for ou in in_activity.get(m["activity"].get(n.parent[nu], ""), []):
            if ou in taken_old:
                continue
            orow = o.rows[ou]
            score, t = row_score(nr, orow)
            same_unit = nr.unit.strip() == orow.unit.strip()
            # the same text (roughly), or a reworded one with the same unit and mostly the same offices
            if t >= 0.5 or (same_unit and _jaccard(nr.agencies, orow.agencies) >= 0.5):
                pairs.append((score, n.order[nu], o.order[ou], nu, ou))
    _greedy(pairs, old_content.__getitem__, taken_new, taken_old, m["indicator"], ambiguous)
    pairs = []
    for nu, nr in n.rows.items():
        if nu in taken_new or nu in ambiguous:
            continue
        for ou, orow in o.rows.items():
            if ou in taken_old:
                continue
            score, t = row_score(nr, orow)
            if t >= 0.85 and nr.unit.strip() == orow.unit.strip():
                pairs.append((score, n.order[nu], o.order[ou], nu, ou))
    _greedy(pairs, old_content.__getitem__, taken_new, taken_old, m["indicator"], ambiguous)

    _describe(diff, o, n, ambiguous)
    return diff


def _with_trash(old: Plan, new: Plan, trashed: Sequence[tuple[str, IndicatorRow]]) -> PlanDiff:
    extended = copy.deepcopy(old)
    activities = {a.uid: a for a in extended.activities()}
    extra: dict[str, IndicatorRow] = {}
    for activity_uid, row in trashed:
        if activity_uid in activities and row.uid not in extra:
            activities[activity_uid].rows.append(copy.deepcopy(row))
            extra[row.uid] = row
    diff = match_plans(extended, new)
    labels = {v: k for k, v in diff.row_map.items()}
    new_labels = _labels_of(new)
    diff.restored = [NodeRef("indicator", uid, new_labels[labels[uid]], _title("indicator", extra[uid]))
                     for uid in extra if uid in labels]
    diff.removed = [r for r in diff.removed if r.uid not in extra]
    diff.changed = [c for c in diff.changed if c.uid not in extra]
    diff.relabelled = {u: v for u, v in diff.relabelled.items() if u not in extra}
    diff.old_rows = len(old.rows())
    diff.trashed_rows = {uid: extra[uid] for uid in extra if uid in labels}
    return diff


def _labels_of(plan: Plan) -> dict[str, str]:
    return {r.uid: f"{s.number}/{a.code}/{i}" for s in plan.strategies for t in s.tactics for a in t.activities
            for i, r in enumerate(a.rows, start=1)}


def _row_fields(row: IndicatorRow) -> dict[str, str]:
    return {
        "indicator": row.indicator, "expected_result": row.expected_result, "unit": row.unit,
        "target": number_text(row.target, False), "period": period_text(row.quarter_from, row.quarter_to, False),
        "agencies": ", ".join(row.agencies),
        "budget": "; ".join(budget_line_text(b, False, len(row.budget_lines) > 1) for b in row.budget_lines),
    }


def _fields(entity: str, part: Any) -> dict[str, str]:
    if entity == "indicator":
        return _row_fields(part)
    if entity == "strategy":
        return {"number": str(part.number), "title": part.title, "goal": part.goal}
    if entity == "tactic":
        return {"number": str(part.number), "title": part.title}
    return {"code": part.code, "title": part.title}


def _title(entity: str, part: Any) -> str:
    return (part.indicator or "(ไม่ระบุตัวชี้วัด)") if entity == "indicator" else part.title


def _describe(diff: PlanDiff, o: _Side, n: _Side, ambiguous: dict[str, list[str]]) -> None:
    tables = {"strategy": ("strategies", None), "tactic": ("tactics", "strategy"),
              "activity": ("activities", "tactic"), "indicator": ("rows", "activity")}
    for entity in ENTITIES:
        attr, parent_entity = tables[entity]
        old_parts: dict[str, Any] = getattr(o, attr)
        new_parts: dict[str, Any] = getattr(n, attr)
        mapping = diff.matched[entity]
        for nu, part in new_parts.items():
            ou = mapping.get(nu)
            if ou is None:
                if entity == "indicator" and nu in ambiguous:
                    continue
                diff.added.append(NodeRef(entity, nu, n.label[nu], _title(entity, part)))
                continue
            before, after = _fields(entity, old_parts[ou]), _fields(entity, part)
            changes = [FieldChange(k, before[k], after[k]) for k in after if before[k] != after[k]]
            if parent_entity is not None and diff.matched[parent_entity].get(n.parent[nu]) != o.parent[ou]:
                changes.append(FieldChange("place", o.label[o.parent[ou]], n.label[n.parent[nu]]))
            if changes:
                diff.changed.append(NodeChange(entity, ou, o.label[ou], n.label[nu], _title(entity, part),
                                               tuple(changes)))
            if entity == "indicator" and o.label[ou] != n.label[nu]:
                diff.relabelled[ou] = (o.label[ou], n.label[nu])
        kept = set(mapping.values())
        for ou, part in old_parts.items():
            if ou not in kept:
                diff.removed.append(NodeRef(entity, ou, o.label[ou], _title(entity, part)))
    for nu, candidates in ambiguous.items():
        diff.unmatched.append(Unmatched(
            NodeRef("indicator", nu, n.label[nu], _title("indicator", n.rows[nu])),
            tuple(NodeRef("indicator", c, o.label[c], _title("indicator", o.rows[c])) for c in candidates)))


def revised_plan(old: Plan, new: Plan, diff: PlanDiff, new_uid: Callable[[], str]) -> Plan:
    """A copy of *new* whose matched parts carry their old uids (and predecessor links); every other
    part gets ``new_uid()``. The plan's revision and source are those of *new*."""
    out = copy.deepcopy(new)
    old_parts: dict[str, Any] = dict(diff.trashed_rows)
    for s in old.strategies:
        old_parts[s.uid] = s
        for t in s.tactics:
            old_parts[t.uid] = t
            for a in t.activities:
                old_parts[a.uid] = a
                for r in a.rows:
                    old_parts[r.uid] = r

    def renew(entity: str, part: Any) -> None:
        kept = diff.matched[entity].get(part.uid)
        if kept is None:
            part.uid = new_uid()
            return
        part.uid = kept
        if hasattr(part, "predecessor_uid"):
            part.predecessor_uid = old_parts[kept].predecessor_uid

    for s in out.strategies:
        renew("strategy", s)
        for t in s.tactics:
            renew("tactic", t)
            for a in t.activities:
                renew("activity", a)
                for r in a.rows:
                    renew("indicator", r)
    return out


def summary_lines(diff: PlanDiff, limit: Sequence[str] = ENTITIES) -> list[str]:
    """The diff as Thai lines for the CLI and the GUI dialog."""
    lines: list[str] = []
    count = lambda items, e: sum(1 for x in items if x.entity == e)  # noqa: E731
    lines.append(_("จับคู่ตัวชี้วัดกับแผนเดิมได้ {matched_rows} จาก {old_rows} แถว (เอกสารใหม่มี "
                   "{new_rows} แถว)").format(
                       matched_rows=diff.matched_rows, old_rows=diff.old_rows, new_rows=diff.new_rows))
    for entity in limit:
        a, r, c = count(diff.added, entity), count(diff.removed, entity), count(diff.changed, entity)
        if a or r or c:
            lines.append(_("{entity}: เพิ่ม {added} · นำออก {removed} · เปลี่ยน {changed}").format(
                entity=_(ENTITY_TEXT[entity]), added=a, removed=r, changed=c))
    for ref in diff.added:
        lines.append(_("+ เพิ่ม{entity} {label}: {title}").format(entity=_(ENTITY_TEXT[ref.entity]), label=ref.label,
                                                                title=ref.title))
    for ref in diff.removed:
        lines.append(_("- นำออก{entity} {label}: {title} (ย้ายไปถังขยะ กู้คืนได้)").format(
            entity=_(ENTITY_TEXT[ref.entity]), label=ref.label, title=ref.title))
    for ref in diff.restored:
        lines.append(_("↺ นำกลับจากถังขยะ: ตัวชี้วัด {label}: {title} "
                       "(ผลที่บันทึกไว้เดิมกลับมาอยู่กับแถวนี้)").format(label=ref.label, title=ref.title))
    for change in diff.changed:
        where = change.old_label if change.old_label == change.new_label else f"{change.old_label} → {change.new_label}"
        lines.append(_("~ เปลี่ยน{entity} {where}: {title}").format(entity=_(ENTITY_TEXT[change.entity]), where=where,
                                                                  title=change.title))
        lines.extend(f"    {f.text()}" for f in change.changes)
    for u in diff.unmatched:
        others = ", ".join(c.label for c in u.candidates)
        lines.append(_("? จับคู่ไม่ได้: ตัวชี้วัด {label} “{title}” ตรงกับแถวเดิม {others} เท่า ๆ กัน "
                       "จึงนำเข้าเป็นแถวใหม่ (แถวเดิมไม่ถูกเดา)").format(
                           label=u.new.label, title=u.new.title, others=others))
    return lines
