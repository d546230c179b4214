"""Read a plan document from the official Word file (.docx) into the text form the plan reader takes.

Word's own structure is used, not a guess from a text export:

- the document body in order: paragraphs become lines; each table row becomes one line whose cells are
  separated by tabs, a cell's paragraphs (and line breaks) by newlines, exactly as Word's "save as text"
  writes them, so :mod:`plan_text` reads both the same way;
- vertically merged cells (``w:vMerge``): python-docx repeats a merged cell's text in every row it spans;
  here only the first row carries it and the rows it continues into get an empty cell, as in the
  document's text export;
- horizontally merged cells (``w:gridSpan``) keep the table's columns: the spanned columns are empty;
- automatic list numbering (``w:numPr``), where codes such as "๑.๑" are typed as Word numbering, is
  computed from the numbering definitions (level texts "%1.%2", Thai or Arabic digits, restarts) and
  written in front of the paragraph;
- tabs inside a cell become spaces (they would split the cell); empty paragraphs are dropped.

An old Word file (.doc), a PDF or anything that is not a .docx is refused with a Thai message.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ..errors import PlanFormatError
from ..i18n import N_, _
from .thai import to_thai_digits

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS_DOCX = N_("โปรดเปิดไฟล์ใน Word หรือ LibreOffice แล้วบันทึกเป็น “เอกสาร Word (.docx)” ก่อนนำเข้า")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def refuse_other_formats(data: bytes, name: str) -> None:
    """A Thai refusal for a file that is no .docx (old .doc, PDF, text, anything else)."""
    if data.startswith(OLE2_MAGIC):
        raise PlanFormatError(1, _("ไฟล์ “{name}” เป็นเอกสาร Word รุ่นเก่า (.doc) ซึ่งอ่านไม่ได้ {advice}").format(
            name=name, advice=_(SAVE_AS_DOCX)))
    if data.startswith(b"%PDF"):
        raise PlanFormatError(1, _("ไฟล์ “{name}” เป็น PDF ซึ่งอ่านตารางแผนไม่ได้ {advice}").format(
            name=name, advice=_(SAVE_AS_DOCX)))
    if not data.startswith(b"PK"):
        raise PlanFormatError(1, _("ไฟล์ “{name}” ไม่ใช่เอกสาร Word (.docx) {advice}").format(
            name=name, advice=_(SAVE_AS_DOCX)))


MAX_XML_BYTES = 64 * 1024 * 1024  # the unpacked XML parts of a plan document (a zip bomb is refused)


def is_docx(data: bytes) -> bool:
    """Whether *data* is a zip holding a Word document part of a sane unpacked size."""
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = {i.filename: i for i in archive.infolist()}
    except (zipfile.BadZipFile, ValueError):
        return False
    xml = sum(i.file_size for name, i in infos.items() if name.endswith(".xml"))
    return "word/document.xml" in infos and xml <= MAX_XML_BYTES


# -- numbering ------------------------------------------------------------------------------------
_ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50), ("xl", 40),
          ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
_THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"


def _roman(n: int) -> str:
    out = ""
    for text, value in _ROMAN:
        while n >= value:
            out, n = out + text, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """One level's counter as Word shows it for the level's number format."""
    if fmt in ("thaiNumbers", "thaiCounting"):
        return to_thai_digits(str(n))
    if fmt == "thaiLetters":
        return _THAI_LETTERS[(n - 1) % len(_THAI_LETTERS)]
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    """Word's numbering definitions and the running counters of each list."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)      # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)       # abstract id -> ilvl -> n
    abstract_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, numbering_xml: Any) -> "_Numbering":
        found = cls()
        if numbering_xml is None:
            return found
        abstract: dict[str, dict[int, _Level]] = {}
        for node in numbering_xml.findall(f"{W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{W}lvl"):
                levels[int(lvl.get(f"{W}ilvl", "0"))] = _Level(
                    _val(lvl.find(f"{W}numFmt"), "decimal"), _val(lvl.find(f"{W}lvlText"), ""),
                    int(_val(lvl.find(f"{W}start"), "1") or 1))
            abstract[node.get(f"{W}abstractNumId", "")] = levels
        for num in numbering_xml.findall(f"{W}num"):
            num_id = num.get(f"{W}numId", "")
            abstract_id = _val(num.find(f"{W}abstractNumId"), "")
            levels = {k: _Level(v.fmt, v.text, v.start) for k, v in abstract.get(abstract_id, {}).items()}
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                start = override.find(f"{W}startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl].start = int(_val(start, "1") or 1)
            found.levels[num_id] = levels
            found.abstract_of[num_id] = abstract_id
        return found

    def label(self, num_id: str, ilvl: int) -> str:
        """The next label of list *num_id* at level *ilvl* ("๑.๑", "2.", "•"…); '' for no list."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "•"
        text = level.text
        for k in range(ilvl, -1, -1):
            n = counters.get(k, levels.get(k, _Level()).start)
            text = text.replace(f"%{k + 1}", format_number(n, levels.get(k, level).fmt))
        return text.strip()


def _val(node: Any, default: str) -> str:
    if node is None:
        return default
    return node.get(f"{W}val", default)


# -- the body -------------------------------------------------------------------------------------
def _paragraph_text(p: Any, numbering: _Numbering, in_cell: bool) -> str:
    parts: list[str] = []
    for node in p.iter():
        tag = node.tag
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag == f"{W}tab":
            parts.append(" " if in_cell else "\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n" if in_cell else " ")
    text = "".join(parts)
    num_pr = p.find(f"{W}pPr/{W}numPr")
    if num_pr is not None:
        label = numbering.label(_val(num_pr.find(f"{W}numId"), "0"), int(_val(num_pr.find(f"{W}ilvl"), "0") or 0))
        if label:
            text = f"{label} {text.lstrip()}"
    return text


def _cell_text(tc: Any, numbering: _Numbering) -> str:
    lines: list[str] = []
    for child in tc:
        if child.tag == f"{W}p":
            lines.extend(_paragraph_text(child, numbering, True).split("\n"))
        elif child.tag == f"{W}tbl":  # a table inside a cell: its text, row by row
            for row in _table_rows(child, numbering):
                lines.append(" ".join(c.replace("\n", " ") for c in row))
    return "\n".join(line.strip() for line in lines if line.strip())


def _table_rows(tbl: Any, numbering: _Numbering) -> list[list[str]]:
    rows: list[list[str]] = []
    for tr in tbl.findall(f"{W}tr"):
        cells: list[str] = []
        for tc in tr.findall(f"{W}tc"):
            props = tc.find(f"{W}tcPr")
            span = int(_val(props.find(f"{W}gridSpan") if props is not None else None, "1") or 1)
            merge = props.find(f"{W}vMerge") if props is not None else None
            continued = merge is not None and merge.get(f"{W}val", "continue") != "restart"
            # a continued cell holds only an empty paragraph; its text is the first row's
            cells.append("" if continued else _cell_text(tc, numbering))
            cells.extend([""] * (span - 1))
        rows.append(cells)
    return rows


def docx_to_text(data: bytes, name: str = "") -> str:
    """The document's text in the form of Word's text export (see the module's docstring)."""
    refuse_other_formats(data, name)
    if not is_docx(data):
        raise PlanFormatError(1, _("ไฟล์ “{name}” เสียหายหรือไม่ใช่เอกสาร Word (.docx) {advice}").format(
            name=name, advice=_(SAVE_AS_DOCX)))
    import docx  # python-docx: only when a Word file is read
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise PlanFormatError(1, _("เปิดเอกสาร Word “{name}” ไม่ได้ (ไฟล์อาจเสียหาย) {advice}").format(
            name=name, advice=_(SAVE_AS_DOCX))) from exc
    except Exception as exc:  # noqa: BLE001 - lxml raises its own errors for broken XML
        raise PlanFormatError(1, _("อ่านเอกสาร Word “{name}” ไม่ได้ ({error}) {advice}").format(
            name=name, error=type(exc).__name__, advice=_(SAVE_AS_DOCX))) from exc
    try:
        numbering_xml = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering_xml = None
    numbering = _Numbering.read(numbering_xml)
    lines: list[str] = []
    for child in document.element.body:
        if child.tag == f"{W}p":
            lines.append(_paragraph_text(child, numbering, False))
        elif child.tag == f"{W}tbl":
            for cells in _table_rows(child, numbering):
                lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"
