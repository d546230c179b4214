"""The shape of a plan table: what its header labels name, and which lines are headings or totals.

Pure functions used by :mod:`.plan_text`; documents label and arrange the same columns in many ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .plan_cells import CellError, activity_code, looks_like_period, norm, parse_budget, squash

#: The columns of the plan table, in the order of the FY2569 document (used when a table has no header).
ROLES = ("tactic", "activity", "unit", "target", "budget", "period", "indicator", "expected", "agency")
ROLE_TEXT = {
    "tactic": "กลยุทธ์", "activity": "แผนงาน/โครงการ/กิจกรรม", "unit": "หน่วยนับ", "target": "ปริมาณงาน",
    "budget": "งบประมาณ", "period": "ระยะเวลาดำเนินการ", "indicator": "ตัวชี้วัด",
    "expected": "ผลที่คาดว่าจะได้รับ", "agency": "ผู้รับผิดชอบ", "source": "แหล่งงบประมาณ",
    "strategy": "ยุทธศาสตร์",
}
#: Header labels -> column role; the first entry whose word is in the label wins (order matters:
#: "ผลที่คาดว่าจะได้รับ (ตามตัวชี้วัด)" names the expected result, not the indicator).
_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("expected", ("ผลที่คาด", "ผลลัพธ์ที่คาด", "ผลที่จะได้รับ", "expected")),
    ("period", ("ระยะเวลา", "ช่วงเวลา", "ห้วงเวลา", "period", "timeline")),
    ("source", ("แหล่งงบ", "แหล่งที่มาของงบ", "แหล่งเงิน", "ประเภทงบ")),
    ("budget", ("งบประมาณ", "budget")),
    ("agency", ("ผู้รับผิดชอบ", "หน่วยงานรับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "หน่วยรับผิดชอบ", "responsib")),
    ("unit", ("หน่วยนับ", "unit")),
    ("target", ("ปริมาณงาน", "ค่าเป้าหมาย", "เป้าหมาย", "target")),
    ("indicator", ("ตัวชี้วัด", "indicator", "kpi")),
    ("activity", ("แผนงาน", "โครงการ", "กิจกรรม", "project", "activit")),
    ("tactic", ("กลยุทธ์", "tactic")),
    ("strategy", ("ยุทธศาสตร์", "strategy")),
)
_SEQ_LABELS = {"ลำดับ", "ลำดับที่", "ที่", "no", "no.", "#"}
_SUB_LABELS = {"หน่วยนับ", "หน่วย", "ปริมาณงาน", "ปริมาณ", "ค่าเป้าหมาย", "จำนวน", "unit", "target"}

_D = r"[0-9๐-๙]"
YEAR = re.compile(r"(?:ปีงบประมาณ|ประจำปี)\s*(?:พ\.\s*ศ\.)?\s*(" + _D + r"{4})")
STRATEGY = re.compile(r"^(?:ยุทธศาสตร์(?:ที่)?|strategy)\s*(" + _D + r"+)\s*(?:[:.)–-]\s*)?(.*)$", re.IGNORECASE)
GOAL = re.compile(r"^(?:เป้าหมาย|เป้าประสงค์)\s*:\s*(.*)$")
CONTINUED = re.compile(r"\s*\(\s*ต่อ\s*\)\s*$")
PAGE = re.compile(r"^(?:[-–(]?\s*(?:หน้า(?:ที่)?\s*)?" + _D + r"{1,3}\s*[-–)]?|page\s*\d+)$", re.IGNORECASE)
PART_END = re.compile(r"^(?:ส่วนที่\s*" + _D + r"+|ภาคผนวก|บทที่\s*" + _D + r"+)")
_GRAND = ("รวมงบประมาณทั้งสิ้น", "รวมทั้งสิ้น", "รวมทั้งหมด", "รวมงบประมาณทั้งหมด", "รวมทุกยุทธศาสตร์",
          "งบประมาณรวมทั้งสิ้น", "grandtotal")


def strategy_heading(text: str) -> re.Match[str] | None:
    return STRATEGY.match(norm(text))


_TOTAL = re.compile(r"^(?:รวม(?:งบประมาณ|เงิน)?(?:ยุทธศาสตร์(?:ที่)?" + _D + r"*)?(?:\(บาท\))?|รวมทั้งสิ้น|รวมทั้งหมด"
                    r"|total|subtotal)$", re.IGNORECASE)


def is_total(first: str) -> bool:
    """'รวม', 'รวมงบประมาณ', 'รวมยุทธศาสตร์ที่ ๑' (squashed) - but not a title such as 'รวมพลัง…'."""
    return bool(_TOTAL.match(first)) or is_grand_total(first)


def is_grand_total(first: str) -> bool:
    return first.lower().startswith(_GRAND)


def label_role(label: str) -> str | None:
    """The role a header label names, "" for an unknown label, None for an empty one."""
    key = squash(label).lower()
    if not key:
        return None
    if key in _SEQ_LABELS:
        return "seq"
    if len(key) > 60:
        return ""
    for role, words in _LABELS:
        if any(word in key for word in words):
            return role
    return ""


@dataclass
class Layout:
    """Which column of the table holds what, from its header row(s)."""

    roles: list[str | None]
    labels: list[str]
    line: int

    @property
    def width(self) -> int:
        return len(self.roles)

    def index(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None

    def label(self, role: str) -> str:
        at = self.index(role)
        return (self.labels[at] if at is not None and self.labels[at] else "") or ROLE_TEXT.get(role, role)


def header_layout(cells: list[str], number: int) -> Layout | None:
    labels = [norm(c) for c in cells]
    roles = [label_role(label) for label in labels]
    known = {r for r in roles if r and r != "seq"}
    if len(known) < 4 or "agency" not in known or not ({"indicator", "activity"} & known):
        return None
    if any(looks_like_period(label) or parse_budget(label) is not None for label in labels if label):
        return None
    seen: set[str] = set()
    for at, role in enumerate(roles):  # a role named twice: the second column is an extra column
        if role and role not in ("seq", ""):
            if role in seen:
                roles[at] = ""
            seen.add(role)
    # "เป้าหมายการดำเนินงาน" over two columns with no sub-header: unit, then target
    target = roles.index("target") if "target" in roles else None
    if "unit" not in roles and target is not None and target + 1 < len(roles) and roles[target + 1] is None \
            and "เป้าหมาย" in squash(labels[target]):
        roles[target], roles[target + 1] = "unit", "target"
    return Layout(roles, labels, number)


def is_sub_header(cells: list[str]) -> bool:
    filled = [squash(c).lower() for c in cells if c.strip()]
    return bool(filled) and all(c in _SUB_LABELS for c in filled)


def activity_code_like(text: str) -> bool:
    """Whether a cell starts with an activity code such as ๑.๑ (any strategy)."""
    try:
        return activity_code(norm(text), 0) is not None
    except CellError:
        return True


def title_text(text: str) -> str:
    return norm(text).strip("“”\"").strip()
