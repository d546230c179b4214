"""Agency names: one agency per real office, whatever spelling a document uses."""

from __future__ import annotations

import csv
import difflib
import re
import uuid
from pathlib import Path
from typing import Iterable

from .model import Agency, PlanWarning

#: Namespace for agency ids derived from the canonical name (stable on every PC).
AGENCY_NS = uuid.UUID("7d1c2f52-7a51-4c39-9a0e-5d3b1f0b2569")
FUZZY_MIN_RATIO = 0.85
_GENERIC_PREFIXES = ("สำนักงาน", "ที่ว่าการ")
_GENERIC_SUFFIXES = ("จังหวัดตราด", "ตราด")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def clean_name(raw: str) -> str:
    """Strip markup, bullets and wrapped-line spaces' excess: the name as a person reads it."""
    text = _TAG.sub(" ", raw)
    text = _SPACE.sub(" ", text).strip()
    return text.lstrip("-–—•·▪●○◦* ").strip()


def name_key(raw: str) -> str:
    """A spelling-insensitive key: no spaces, abbreviations expanded, province suffix added."""
    text = _SPACE.sub("", clean_name(raw))
    text = text.replace("สนง.", "สำนักงาน").replace("จ.ตราด", "จังหวัดตราด")
    if not text.endswith("ตราด"):
        text += "จังหวัดตราด"
    return text


def agency_uid(name: str) -> str:
    return str(uuid.uuid5(AGENCY_NS, name_key(name)))


#: Where one name ends and the next begins in a responsible-agency cell: a line break, a bullet or a
#: dash after a space ("- A - B", "-A -B", "• A"), a number "๑)" / "(2)" / "๓." before a name, a comma,
#: a semicolon or a slash with spaces (" / "). A dash or slash inside a word ("สังคม-วัฒนธรรม") is no break.
_AGENCY_BREAK = re.compile(
    r"\n|[,;،]|\s/\s|(?:^|(?<=\s))(?:[-–—•·▪●○◦*]|\(?[0-9๐-๙]{1,2}[).](?![0-9๐-๙]))"
)
_LIST_TAG = re.compile(r"<\s*/?\s*(?:li|br|p|div)\b[^>]*>", re.IGNORECASE)


def split_agency_cell(cell: str) -> list[str]:
    """Split a responsible-agency cell into cleaned names, however the document lists them:
    '- A - B', one per line, 'A, B', 'A / B', '๑) A ๒) B', bullets, '-A -B'."""
    text = _LIST_TAG.sub("\n", cell)
    text = _TAG.sub(" ", text)
    parts = _AGENCY_BREAK.split(" " + text)
    return [name for name in (clean_name(p) for p in parts) if name]


def load_register(path: Path) -> list[Agency]:
    """Read the agency register CSV (name, short_name, aliases separated by '|')."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    agencies = []
    for row in rows:
        aliases = {a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()}
        name = row["name"].strip()
        agencies.append(Agency(name, row.get("short_name", "").strip(), aliases, agency_uid(name)))
    return agencies


class AgencyResolver:
    """Maps the names a document uses onto known agencies, learning aliases as it goes.

    Exact matches (after :func:`name_key`) are silent; a near spelling is accepted
    with a warning; an unknown name becomes a new agency with a warning, so the
    coordinator can check it.
    """

    def __init__(self, known: Iterable[Agency]) -> None:
        self.agencies: dict[str, Agency] = {}
        self._by_key: dict[str, str] = {}
        self.warnings: list[PlanWarning] = []
        for agency in known:
            copy = Agency(agency.name, agency.short_name, set(agency.aliases), agency.uid or agency_uid(agency.name))
            self._add(copy)

    def _add(self, agency: Agency) -> None:
        self.agencies[agency.name] = agency
        for spelling in {agency.name, agency.short_name, *agency.aliases}:
            if spelling:
                self._by_key.setdefault(name_key(spelling), agency.name)

    def resolve(self, raw: str, line: int | None = None) -> str:
        """The canonical name for *raw*; records the spelling as an alias."""
        name = clean_name(raw)
        key = name_key(name)
        canonical = self._by_key.get(key)
        if canonical is None:
            canonical = self._fuzzy(key)
            if canonical is not None:
                self.warnings.append(PlanWarning(
                    "AGENCY_SPELLING",
                    f"ชื่อหน่วยงาน “{name}” สะกดต่างจากทะเบียน ถือเป็น “{canonical}”",
                    line,
                ))
                self._by_key[key] = canonical
        if canonical is None:
            self.warnings.append(PlanWarning(
                "AGENCY_UNKNOWN",
                f"ไม่พบหน่วยงาน “{name}” ในทะเบียนหน่วยงาน จึงเพิ่มเป็นหน่วยงานใหม่ โปรดตรวจสอบ",
                line,
            ))
            agency = Agency(name, name, set(), agency_uid(name))
            self._add(agency)
            return name
        agency = self.agencies[canonical]
        if name not in (agency.name, agency.short_name):
            agency.aliases.add(name)
        return canonical

    def _fuzzy(self, key: str) -> str | None:
        core = _core(key)
        if len(core) < 4:
            return None
        best, best_ratio = None, 0.0
        for other_key, canonical in self._by_key.items():
            other = _core(other_key)
            if len(other) < 4:
                continue
            ratio = difflib.SequenceMatcher(None, core, other).ratio()
            if ratio > best_ratio:
                best, best_ratio = canonical, ratio
        return best if best_ratio >= FUZZY_MIN_RATIO else None


def _core(key: str) -> str:
    """The distinctive part of a name key, without the words every office shares."""
    for prefix in _GENERIC_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix):]
    for suffix in _GENERIC_SUFFIXES:
        if key.endswith(suffix):
            key = key[: -len(suffix)]
            break
    return key
