"""Agency names: one agency per real office, whatever spelling a document uses."""

from __future__ import annotations

import csv
import difflib
import re
import uuid
from pathlib import Path
from typing import Iterable

from ..i18n import keyed as _  # its warnings are stored and shown again (i18n.remake)
from .model import Agency, PlanWarning

#: Namespace for agency ids derived from the canonical name (stable on every PC).
AGENCY_NS = uuid.UUID("7d1c2f52-7a51-4c39-9a0e-5d3b1f0b2569")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def clean_name(raw: str) -> str:
    """Strip markup, bullets and wrapped-line spaces' excess: the name as a person reads it."""
    text = _TAG.sub(" ", raw)
    text = _SPACE.sub(" ", text).strip()
    return text.lstrip("-–—•·▪●○◦* ").strip()


def name_key(raw: str) -> str:
    """The key agency uids are derived from (kept as it was, so every PC gives an office the same uid);
    names are matched by :func:`match_key`."""
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
    """Read the agency register CSV (name, short_name, aliases and misspellings separated by '|').

    Misspellings are spellings documents really used for the office; they join it like aliases,
    and a document that uses one is told so (``AGENCY_SPELLING``)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    agencies = []
    for row in rows:
        aliases = _spellings(row.get("aliases"))
        misspelt = _spellings(row.get("misspellings"))
        name = row["name"].strip()
        agencies.append(Agency(name, row.get("short_name", "").strip(), aliases, agency_uid(name), misspelt))
    return agencies


def load_misspellings(path: Path) -> dict[str, str]:
    """The register's known misspellings: spelling -> canonical name."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {spelling: row["name"].strip() for row in csv.DictReader(fh)
                for spelling in _spellings(row.get("misspellings"))}


def _spellings(cell: str | None) -> set[str]:
    return {a.strip() for a in (cell or "").split("|") if a.strip()}


# -- matching -------------------------------------------------------------------------------------
HOME_PROVINCE = "ตราด"
#: The 77 provinces (กรุงเทพมหานคร included), to tell one province's offices from another's.
PROVINCES = (
    "กรุงเทพมหานคร กระบี่ กาญจนบุรี กาฬสินธุ์ กำแพงเพชร ขอนแก่น จันทบุรี ฉะเชิงเทรา ชลบุรี ชัยนาท ชัยภูมิ ชุมพร "
    "เชียงราย เชียงใหม่ ตรัง ตราด ตาก นครนายก นครปฐม นครพนม นครราชสีมา นครศรีธรรมราช นครสวรรค์ นนทบุรี นราธิวาส "
    "น่าน บึงกาฬ บุรีรัมย์ ปทุมธานี ประจวบคีรีขันธ์ ปราจีนบุรี ปัตตานี พระนครศรีอยุธยา พะเยา พังงา พัทลุง พิจิตร "
    "พิษณุโลก เพชรบุรี เพชรบูรณ์ แพร่ ภูเก็ต มหาสารคาม มุกดาหาร แม่ฮ่องสอน ยโสธร ยะลา ร้อยเอ็ด ระนอง ระยอง "
    "ราชบุรี ลพบุรี ลำปาง ลำพูน เลย ศรีสะเกษ สกลนคร สงขลา สตูล สมุทรปราการ สมุทรสงคราม สมุทรสาคร สระแก้ว "
    "สระบุรี สิงห์บุรี สุโขทัย สุพรรณบุรี สุราษฎร์ธานี สุรินทร์ หนองคาย หนองบัวลำภู อ่างทอง อำนาจเจริญ อุดรธานี "
    "อุตรดิตถ์ อุทัยธานี อุบลราชธานี"
).split()
_BY_LENGTH = sorted(PROVINCES, key=len, reverse=True)
#: Province names that are also common words: they name a province only after "จังหวัด".
_WORDLIKE = {"ตาก", "เลย", "แพร่", "น่าน", "ตรัง"}
#: Abbreviations at the start of a word (or right after another abbreviation's dot), longest first.
ABBREVIATIONS = (
    ("รพ.สต.", "โรงพยาบาลส่งเสริมสุขภาพตำบล"), ("สนง.", "สำนักงาน"), ("อบจ.", "องค์การบริหารส่วนจังหวัด"),
    ("อบต.", "องค์การบริหารส่วนตำบล"), ("กปภ.", "การประปาส่วนภูมิภาค"), ("ร.ร.", "โรงเรียน"),
    ("ทต.", "เทศบาลตำบล"), ("ทม.", "เทศบาลเมือง"), ("ทน.", "เทศบาลนคร"), ("รพ.", "โรงพยาบาล"),
    ("รร.", "โรงเรียน"), ("สภ.", "สถานีตำรวจภูธร"), ("จ.", "จังหวัด"), ("อ.", "อำเภอ"), ("ต.", "ตำบล"),
)
_ABBREVIATION = re.compile(r"(?:(?<=^)|(?<=\s)|(?<=\.))(" + "|".join(re.escape(a) for a, _full in ABBREVIATIONS) + ")")
_EXPANSION = dict(ABBREVIATIONS)
POSSIBLE_DUPLICATE_RATIO = 0.85
_GENERIC_WORDS = ("สำนักงาน", "ที่ว่าการ", "ที่ทำการ")


def expand_abbreviations(name: str) -> str:
    """The name with the usual abbreviations written out ("สนง.คลัง จ.ตราด" -> "สำนักงานคลัง จังหวัดตราด"),
    without the punctuation a list leaves after it ("…จ.ตราด," or "…จังหวัดตราด.")."""
    text = _ABBREVIATION.sub(lambda m: _EXPANSION[m.group(1)], clean_name(name)).rstrip(" ,;:")
    if text.endswith(".") and any(text[:-1].endswith(p) for p in PROVINCES):
        text = text[:-1]
    return text


def province_of(name: str, home: str = HOME_PROVINCE) -> str:
    """The province a name belongs to: the one after "จังหวัด"/"จ.", or one it ends with
    ("…สาขาตราด"); a name that names none is taken to be of the *home* province."""
    text = _SPACE.sub("", expand_abbreviations(name))
    found = None
    for at in (m.end() for m in re.finditer("จังหวัด", text)):
        found = next((p for p in _BY_LENGTH if text.startswith(p, at)), found)
    if found is not None:
        return found
    return next((p for p in _BY_LENGTH if text.endswith(p) and p not in _WORDLIKE), home)


def match_key(name: str, home: str = HOME_PROVINCE) -> str:
    """The key two spellings of one office share: no spaces, abbreviations written out, and the home
    province added to a name that names no province. Keys of different provinces never coincide."""
    text = _SPACE.sub("", expand_abbreviations(name))
    province = province_of(name, home)
    if province == home and not text.endswith(home):
        text += "จังหวัด" + home
    return text


def _core(key: str, province: str) -> str:
    """The distinctive part of a key: without the words every office shares and without its province."""
    for word in _GENERIC_WORDS:
        if key.startswith(word):
            key = key[len(word):]
    for suffix in ("จังหวัด" + province, province):
        if key.endswith(suffix):
            return key[: -len(suffix)]
    return key


def possibly_same(a: str, b: str, home: str = HOME_PROVINCE, b_home: str | None = None) -> bool:
    """Whether two names that no safe rule joins look alike enough to ask the coordinator (*b* names
    no province: it is of *b_home*, default *home*). Offices of different provinces are never alike."""
    b_home = b_home or home
    pa, pb = province_of(a, home), province_of(b, b_home)
    if pa != pb:
        return False
    ca, cb = _core(match_key(a, home), pa), _core(match_key(b, b_home), pb)
    if len(ca) < 4 or len(cb) < 4:
        return False
    return difflib.SequenceMatcher(None, ca, cb).ratio() >= POSSIBLE_DUPLICATE_RATIO


def document_province(text: str, default: str = HOME_PROVINCE) -> str:
    """The province a plan document is of: the first "จังหวัดX" in its opening lines (its title)."""
    head = _SPACE.sub("", "".join(text.lstrip("\ufeff").splitlines()[:40]))
    for match in re.finditer("จังหวัด", head):
        found = next((p for p in _BY_LENGTH if head.startswith(p, match.end())), None)
        if found is not None:
            return found
    return default


def pair_key(a_uid: str, b_uid: str) -> frozenset[str]:
    return frozenset((a_uid, b_uid))


class AgencyResolver:
    """Maps the names a document uses onto known agencies, learning aliases as it goes.

    A name joins an agency only by rules that cannot join two real offices: the canonical name, the
    short name or an alias, after writing out abbreviations, in the same province (:func:`match_key`),
    or a misspelling the register lists (reported as ``AGENCY_SPELLING``). Any other name becomes a new
    agency; when it looks like a known one (:func:`possibly_same`) the warning ``AGENCY_POSSIBLE_DUPLICATE``
    says "อาจเป็นหน่วยงานเดียวกับ …" and :attr:`possible_duplicates` lists the pair for the coordinator,
    unless the coordinator already kept the two apart (*kept_apart*: pairs of uids).
    """

    def __init__(self, known: Iterable[Agency], misspellings: dict[str, str] | None = None,
                 kept_apart: Iterable[frozenset[str]] = (), home: str = HOME_PROVINCE) -> None:
        self.home = home
        self.agencies: dict[str, Agency] = {}
        self._province: dict[str, str] = {}
        self._by_key: dict[str, str] = {}
        self._misspelt: dict[str, str] = {}
        self._warned: set[str] = set()
        self.kept_apart = set(kept_apart)
        self.warnings: list[PlanWarning] = []
        #: (new agency's name, the known agency's name it may be, line) for the coordinator to settle
        self.possible_duplicates: list[tuple[str, str, int | None]] = []
        listed = dict(misspellings or {})
        for agency in known:
            copy = Agency(agency.name, agency.short_name, set(agency.aliases), agency.uid or agency_uid(agency.name),
                          set(agency.misspellings))
            self._add(copy)
            listed.update({spelling: agency.name for spelling in agency.misspellings})
        for spelling, canonical in listed.items():
            if canonical in self.agencies:
                self._misspelt[match_key(spelling, self._province[canonical])] = canonical

    def _add(self, agency: Agency, province: str | None = None) -> None:
        """Index an agency's spellings; one that names no province is of the agency's own province
        (a known agency: the one its name gives, else the installation's; a new one: the document's)."""
        self.agencies[agency.name] = agency
        self._province[agency.name] = province or province_of(agency.name, HOME_PROVINCE)
        for spelling in sorted({agency.name, agency.short_name, *agency.aliases}):
            if spelling:
                self._by_key.setdefault(match_key(spelling, self._province[agency.name]), agency.name)

    def resolve(self, raw: str, line: int | None = None) -> str:
        """The canonical name for *raw*; records the spelling as an alias."""
        name = clean_name(raw)
        key = match_key(name, self.home)
        misspelt = self._misspelt.get(key)
        if misspelt is not None and key not in self._warned:
            self._warned.add(key)
            self.warnings.append(PlanWarning(
                "AGENCY_SPELLING",
                _("ชื่อหน่วยงาน “{name}” สะกดต่างจากทะเบียน ถือเป็น “{misspelt}” "
                  "(ตามทะเบียนหน่วยงาน)").format(name=name, misspelt=misspelt),
                line,
            ))
        canonical = self._by_key.get(key) or misspelt
        if canonical is None:
            return self._new_agency(name, key, line)
        agency = self.agencies[canonical]
        if name not in (agency.name, agency.short_name):
            agency.aliases.add(name)
        return canonical

    def _new_uid(self, name: str, key: str) -> str:
        """A new agency's uid, the same on every PC: from the old key for the installation's own province,
        else from the matching key (the old key took every name to be Trat's); never a known agency's."""
        taken = {a.uid for a in self.agencies.values()}
        uid = agency_uid(name) if self.home == HOME_PROVINCE else str(uuid.uuid5(AGENCY_NS, key))
        n = 1
        while uid in taken:
            uid, n = str(uuid.uuid5(AGENCY_NS, f"{key}#{n}")), n + 1
        return uid

    def _new_agency(self, name: str, key: str, line: int | None) -> str:
        uid = self._new_uid(name, key)
        alike = [other for other in self.agencies.values()
                 if pair_key(uid, other.uid) not in self.kept_apart
                 and any(possibly_same(name, spelling, self.home, self._province[other.name])
                         for spelling in {other.name, other.short_name, *other.aliases} if spelling)]
        if alike:
            names = _(" หรือ ").join(f"“{other.name}”" for other in alike)
            self.warnings.append(PlanWarning(
                "AGENCY_POSSIBLE_DUPLICATE",
                _("“{name}” อาจเป็นหน่วยงานเดียวกับ {names} จึงเพิ่มเป็นหน่วยงานใหม่ไว้ก่อน "
                  "โปรดรวมหรือแยกที่ แก้ไขแผน → หน่วยงาน (หรือคำสั่ง trat-desktop agencies)").format(
                      name=name, names=names),
                line,
            ))
            self.possible_duplicates.extend((name, other.name, line) for other in alike)
        else:
            self.warnings.append(PlanWarning(
                "AGENCY_UNKNOWN",
                _("ไม่พบหน่วยงาน “{name}” ในทะเบียนหน่วยงาน จึงเพิ่มเป็นหน่วยงานใหม่ โปรดตรวจสอบ").format(name=name),
                line,
            ))
        self._add(Agency(name, name, set(), uid), self.home)
        return name
