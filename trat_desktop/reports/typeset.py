"""Thai typesetting on reportlab: bundled Sarabun, HarfBuzz shaping, word-boundary line breaks,
and a PDF text layer that copies and searches as the Thai that was written.

Three things reportlab 5.1 does not do for Thai, and how they are done here:

* **Line breaks.** reportlab breaks lines only at spaces (and, for words too long for the line,
  between any two characters, which also loses the shaping). :class:`ThaiParagraph` lays the
  text out itself at each width it is given: break opportunities are spaces and the word
  boundaries of the segmenter (:mod:`.thai_text`), widths are HarfBuzz advances of the Sarabun
  glyphs, and the lines go to a reportlab Paragraph as explicit ``<br/>`` breaks. Nothing is
  inserted into the text itself (no U+200B, no visible gap). A word longer than its column is
  cut between grapheme clusters, never inside one.
* **Shaping.** Every Paragraph style here has ``shaping=1`` (uharfbuzz): tone marks are
  lowered and shifted, ญ/ฐ lose their tails above a lower vowel, SARA AM is decomposed.
* **Text layer.** Shaped glyphs such as a lowered tone mark have no Unicode value of their own;
  reportlab gives them private-use codes, so pdftotext yields garbage, and the decomposed SARA AM
  extracts as NIKHAHIT + SARA AA. :func:`install` wraps reportlab's ``shapeFragWord`` so each
  glyph is drawn with a code that stands for the characters of its HarfBuzz cluster, and its
  ``makeToUnicodeCMap`` so the PDF's ToUnicode table maps those codes back to that text.
  Searching "สำนักงานจังหวัดตราด" in the PDF then finds it. A tone mark the shaper moves left over
  MAI HAN-AKAT or SARA I on ป ฝ ฟ (ปั้น) is drawn with a glyph copy of its own in the embedded subset
  (``makeSubset``), whose advance reaches back to the pen: MuPDF measures glyphs by glyph id and
  read the gap as a space ("ปั้ น").

Text is always drawn through Paragraphs (canvas.drawString does not shape).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable, Sequence

import uharfbuzz
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, makeShapedFragWord
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.flowables import Flowable

from .. import paths
from . import thai_text

FONT = "Sarabun"
FONT_BOLD = "Sarabun-Bold"
FONT_FILES = {FONT: "Sarabun-Regular.ttf", FONT_BOLD: "Sarabun-Bold.ttf"}
HB_FEATURES = {"kern": True, "liga": True, "dlig": True}  # what reportlab's shaper uses

Run = tuple[str, bool]  # (text, bold)

_installed = False


# --- fonts and the reportlab hooks --------------------------------------------------------

def install() -> None:
    """Register Sarabun Regular/Bold (so <b> works) and the text-layer hooks; idempotent."""
    global _installed
    if _installed:
        return
    folder = paths.fonts_dir()
    for name, file in FONT_FILES.items():
        try:
            pdfmetrics.getFont(name)
        except KeyError:
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    if rl_paragraph.shapeFragWord is not _shape_frag_word:
        _orig["shapeFragWord"] = rl_paragraph.shapeFragWord
        rl_paragraph.shapeFragWord = _shape_frag_word
    if ttfonts.makeToUnicodeCMap is not _to_unicode_cmap:
        _orig["makeToUnicodeCMap"] = ttfonts.makeToUnicodeCMap
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    if ttfonts.TTFontFile.makeSubset is not _make_subset:
        _orig["makeSubset"] = ttfonts.TTFontFile.makeSubset
        ttfonts.TTFontFile.makeSubset = _make_subset
    if PDFTextObject._formatText is not _format_text:
        _orig["_formatText"] = PDFTextObject._formatText
        PDFTextObject._formatText = _format_text
    _installed = True


_orig: dict[str, object] = {}
#: text-layer codes: code -> the text it stands for ('' for the second glyph of a decomposed SARA AM)
_ALIAS_TEXT: dict[int, str] = {}
#: (font face, glyph id, text) -> code; codes come from plane 15 (private use), unused by Sarabun
_ALIAS_CODE: dict[tuple[int, int, str, float], int] = {}
_ALIAS_FIRST = 0xF0000
_FACES: list[object] = []  # keep the faces alive so their id() stays theirs
_UNCHANGED = object()
_shape_cache: dict[tuple[str, float, str], object] = {}
_SHAPE_CACHE_MAX = 200_000


def _alias(face: object, gid: int, text: str, width: float) -> str:
    key = (id(face), gid, text, width)
    code = _ALIAS_CODE.get(key)
    if code is None:
        if face not in _FACES:
            _FACES.append(face)
        code = _ALIAS_FIRST + len(_ALIAS_CODE)
        _ALIAS_CODE[key] = code
        _ALIAS_TEXT[code] = text
        face.charToGlyph[code] = gid  # type: ignore[attr-defined]
        face.charWidths[code] = width  # type: ignore[attr-defined]
        if width != _glyph_width(face, gid):
            _DISTINCT[code] = (gid, width)
    return chr(code)


def _glyph_width(face: object, gid: int) -> float:
    aw = face.hmetrics[gid][0] if gid < len(face.hmetrics) else 0  # type: ignore[attr-defined]
    return aw * 1000 / getattr(face, "unitsPerEm", 1000)


#: alias code -> (glyph id, PDF width) for a glyph drawn with another width than its own (a mark moved
#: left over a tall letter): the embedded subset gets a copy of the glyph for it, with that advance
_DISTINCT: dict[int, tuple[int, float]] = {}
#: (font face id, alias code) -> the glyph index of its copy (beyond the font's own glyphs)
_COPIES: dict[tuple[int, int], int] = {}


def _make_subset(self, subset):  # type: ignore[no-untyped-def]
    """reportlab's font subsetting, giving each moved mark (see :data:`_DISTINCT`) a glyph of its own.

    MuPDF measures a glyph by its glyph id in the embedded font, not by the code drawn: a tone mark
    drawn 0.16 em left of the pen (ปั้น, ฝั่ง, ฟื้น) with a PDF width reaching back to the pen still left a
    gap there that MuPDF read as a space ("ปั้ น"). A copy of the glyph (same outline, so it looks the
    same) whose advance is that width closes the gap for every reader.
    """
    moved = [c for c in subset if c in _DISTINCT and self.charToGlyph.get(c) == _DISTINCT[c][0]]
    if not moved:
        return _orig["makeSubset"](self, subset)  # type: ignore[operator]
    upem = getattr(self, "unitsPerEm", 1000)
    while len(self.hmetrics) < len(self.glyphPos):
        self.hmetrics.append((0, 0))
    for code in moved:
        key = (id(self), code)
        if key not in _COPIES:
            gid, width = _DISTINCT[code]
            copy = len(self.glyphPos)
            self.glyphPos.extend([self.glyphPos[gid], self.glyphPos[gid + 1]])
            self.hmetrics.extend([(int(round(width * upem / 1000)), self.hmetrics[gid][1]), (0, 0)])
            _COPIES[key] = copy
        self.charToGlyph[code] = _COPIES[key]
    try:
        return _orig["makeSubset"](self, subset)  # type: ignore[operator]
    finally:
        for code in moved:
            self.charToGlyph[code] = _DISTINCT[code][0]


_NIKHAHIT, _SARA_AA, _SARA_AM = "\u0e4d", "\u0e32", "\u0e33"
_RISE_SLACK = 40  # font units (of 1000): vertical mark offsets up to this are drawn on the baseline
_SHIFT_SLACK = 40  # font units: a mark shifted further left than this gets a PDF width reaching back to the pen
_AM_SLACK = 20  # font units: how far the shaper may have moved a NIKHAHIT and it still looks like ำ


def _recompose_sara_am(shaped: list) -> None:
    """Draw marks lowered by a hair on the baseline (below), and a decomposed SARA AM (NIKHAHIT + SARA AA, two glyphs for one character) as the font's own
    ำ glyph where the shaper left the NIKHAHIT where that glyph has it (all consonants but ป ฝ ฟ, by
    at most 0.02 em): one glyph for one character, which every PDF reader extracts as ำ (MuPDF gives
    U+FFFD for a glyph that stands for no character; pdf.js a control character)."""
    for p, piece in enumerate(shaped[1:], start=1):
        f, s = piece[0], piece[1]
        data = getattr(s, "__shapeData__", None)
        if not data:
            continue
        if any(sd.y_offset and abs(sd.y_offset) <= _RISE_SLACK for sd in data):
            # a mark lowered by a hair (ปั้น: MAI THO 0.03 em under its place over MAI HAN-AKAT) is drawn
            # in its place: a raised or lowered glyph is a separate "line" to MuPDF and pypdf, which then
            # read "ปั้ น"; 0.04 em at 9.5 pt is 0.1 mm
            data = [sd._replace(y_offset=0) if abs(sd.y_offset) <= _RISE_SLACK else sd for sd in data]
            s = ShapedStr(str(s), shapeData=data)
            shaped[p] = (f, s) if isinstance(piece, tuple) else [f, s]
        if _SARA_AA not in s:
            continue
        face = pdfmetrics.getFont(f.fontName).face
        nikhahit = face.charToGlyph.get(ord(_NIKHAHIT))
        am = face.charToGlyph.get(ord(_SARA_AM))
        if nikhahit is None or am is None:
            continue
        chars = list(str(s))
        out_chars: list[str] = []
        out_data: list = []
        i = 0
        changed = False
        while i < len(chars):
            ch, sd = chars[i], data[i]
            if (i + 1 < len(chars) and face.charToGlyph.get(ord(ch)) == nikhahit and chars[i + 1] == _SARA_AA
                    and sd.x_advance == 0 and abs(sd.x_offset) <= _AM_SLACK and sd.y_offset == 0
                    and data[i + 1].cluster == sd.cluster):
                out_chars.append(_SARA_AM)
                out_data.append(data[i + 1])
                i += 2
                changed = True
                continue
            out_chars.append(ch)
            out_data.append(sd)
            i += 1
        if changed:
            new = ShapedStr("".join(out_chars), shapeData=out_data)
            shaped[p] = (f, new) if isinstance(piece, tuple) else [f, new]


def _fix_text_layer(word: list, shaped: list) -> None:
    """Give every glyph of a shaped frag word a code whose ToUnicode is its cluster's text."""
    _recompose_sara_am(shaped)
    text = "".join(s for f, s in word[1:] if not hasattr(f, "cbDefn"))
    glyphs = []  # (piece index, glyph index, cluster)
    for p, piece in enumerate(shaped[1:], start=1):
        data = getattr(piece[1], "__shapeData__", None)
        if data:
            glyphs.extend((p, g, d.cluster) for g, d in enumerate(data))
    if not glyphs:
        return
    starts = sorted({c for *_, c in glyphs})
    end_of = {c: (starts[i + 1] if i + 1 < len(starts) else len(text)) for i, c in enumerate(starts)}
    wanted: dict[tuple[int, int], str] = {}
    i = 0
    while i < len(glyphs):
        j = i
        cluster = glyphs[i][2]
        while j < len(glyphs) and glyphs[j][2] == cluster:
            j += 1
        chars = text[cluster:end_of[cluster]]
        group = glyphs[i:j]
        if len(group) == len(chars):
            for (p, g, _), ch in zip(group, chars):
                wanted[(p, g)] = ch
        else:  # ligature (one glyph, several characters) or decomposition (SARA AM: two glyphs)
            for n, (p, g, _) in enumerate(group):
                wanted[(p, g)] = chars if n == 0 else ""
        i = j
    for p, piece in enumerate(shaped[1:], start=1):
        f, s = piece[0], piece[1]
        data = getattr(s, "__shapeData__", None)
        if not data:
            continue
        face = pdfmetrics.getFont(f.fontName).face
        chars = list(str(s))
        data = list(data)
        changed = False
        for g, ch in enumerate(chars):
            want = wanted.get((p, g), ch)
            sd = data[g]
            width = face.charWidths.get(ord(ch), face.defaultWidth)
            if sd.x_advance == 0 and sd.x_offset < -_SHIFT_SLACK:
                # a mark moved left over a tall letter (ปั้น, ปี่): its box in the PDF reaches back to the pen,
                # else readers see a gap after it and read a space ("ปั้ น")
                width = -sd.x_offset
                data[g] = sd._replace(width=width)
            if want != ch or width != face.charWidths.get(ord(ch), face.defaultWidth):
                gid = face.charToGlyph.get(ord(ch))
                if gid is None:
                    continue
                chars[g] = _alias(face, gid, want, width)
                changed = True
        if changed:
            new = ShapedStr("".join(chars), shapeData=data)
            shaped[p] = (f, new) if isinstance(piece, tuple) else [f, new]


def _shape_frag_word(w, *args, **kwargs):  # type: ignore[no-untyped-def]
    """reportlab's shapeFragWord, with the text-layer fix and a cache for one-style words."""
    key = None
    if len(w) == 2 and not args and not kwargs and not hasattr(w[1][0], "cbDefn"):
        f, s = w[1]
        key = (f.fontName, f.fontSize, str(s))
        hit = _shape_cache.get(key)
        if hit is _UNCHANGED:
            return w
        if hit is not None:
            width, chars, data = hit  # type: ignore[misc]
            out = makeShapedFragWord(w)([width, (f, ShapedStr(chars, shapeData=list(data)))])
            return out
    out = _orig["shapeFragWord"](w, *args, **kwargs)  # type: ignore[operator]
    if out is not w:
        _fix_text_layer(w, out)
    if key is not None:
        if len(_shape_cache) > _SHAPE_CACHE_MAX:
            _shape_cache.clear()
        if out is w:
            _shape_cache[key] = _UNCHANGED
        elif len(out) == 2 and isinstance(out[1][1], ShapedStr):
            _shape_cache[key] = (out[0], str(out[1][1]), tuple(out[1][1].__shapeData__))
    return out


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, with the cluster text for the codes made by :func:`_alias`."""
    if not any(v in _ALIAS_TEXT for v in subset):
        return _orig["makeToUnicodeCMap"](fontname, subset)  # type: ignore[operator]

    def dst(v: int) -> str:
        text = _ALIAS_TEXT[v] if v in _ALIAS_TEXT else chr(v)
        return text.encode("utf-16-be").hex().upper()

    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        "<00> <%02X>" % (len(subset) - 1), "endcodespacerange", "%d beginbfchar" % len(subset),
    ]
    lines += ["<%02X> <%s>" % (i, dst(v)) for i, v in enumerate(subset)]
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def _format_text(self, text):  # type: ignore[no-untyped-def]
    """reportlab's text operators for a shaped run, inside an ActualText span of the run's text.

    Shaped Thai puts marks on a raised or lowered baseline (the Ts operator), which text
    extractors read as separate lines or words; the span tells them the real text of the run.
    """
    code = _orig["_formatText"](self, text)
    if isinstance(text, ShapedStr) and text.strip():
        actual = "".join(_ALIAS_TEXT.get(ord(c), c) for c in text)
        return f"/Span <</ActualText <FEFF{actual.encode('utf-16-be').hex().upper()}>>> BDC {code} EMC"
    return code


# --- characters the font has no glyph for ----------------------------------------------------

_covered: frozenset[str] | None = None


def drawable(text: str) -> str:
    """*text* without the characters Sarabun has no glyph for, which would print as empty boxes: emoji
    pasted from LINE (📌 ✅ 🙏🏻 with their skin tones, variation selectors and joiners), zero-width spaces.
    Line breaks and spaces stay; the stored text is not changed (a Word file keeps the emoji: Word draws
    them from the system's emoji font)."""
    global _covered
    if text.isascii():
        return text
    if _covered is None:
        install()
        cmap = pdfmetrics.getFont(FONT).face.charToGlyph
        _covered = frozenset(chr(c) for c in cmap) | frozenset("\n\t ")
    if _covered.issuperset(text):
        return text
    return "".join(ch for ch in text if ch in _covered)


# --- measuring ----------------------------------------------------------------------------

class _Metrics:
    """Advance widths of shaped text in one font, in font units (cached)."""

    def __init__(self, font_name: str) -> None:
        ttf = pdfmetrics.getFont(font_name)
        self.font = uharfbuzz.Font(ttf.hbFace)
        self.upem = ttf.hbFace.upem
        self.cache: dict[str, int] = {}
        self.space = pdfmetrics.stringWidth(" ", font_name, 1000)

    def units(self, text: str) -> int:
        got = self.cache.get(text)
        if got is None:
            buf = uharfbuzz.Buffer()
            buf.add_str(text)
            buf.guess_segment_properties()
            uharfbuzz.shape(self.font, buf, HB_FEATURES)
            got = sum(p.x_advance for p in buf.glyph_positions)
            if len(self.cache) > 500_000:
                self.cache.clear()
            self.cache[text] = got
        return got

    def width(self, text: str, size: float) -> float:
        return self.units(text) * size / self.upem


_metrics: dict[str, _Metrics] = {}


def metrics(font_name: str) -> _Metrics:
    m = _metrics.get(font_name)
    if m is None:
        install()
        m = _metrics[font_name] = _Metrics(font_name)
    return m


def text_width(text: str, font_name: str, size: float) -> float:
    """The width of *text* as drawn shaped (spaces counted like reportlab counts them)."""
    m = metrics(font_name)
    words = text.split(" ")
    return sum(m.width(w, size) for w in words if w) + (len(words) - 1) * m.space * size / 1000


# --- line breaking ------------------------------------------------------------------------

@dataclass
class Layout:
    """Lines of a text at one width: each line a list of runs; ``forced`` counts words that had
    to be cut between grapheme clusters because they were wider than the line."""

    lines: list[list[Run]]
    forced: int
    breaks: list[int]  # offsets in the source text (newlines counted) where a line was broken


def _font_runs(text: str, bold: list[bool], start: int, end: int) -> list[tuple[int, int, bool]]:
    out: list[tuple[int, int, bool]] = []
    i = start
    while i < end:
        j = i
        while j < end and bold[j] == bold[i]:
            j += 1
        out.append((i, j, bold[i]))
        i = j
    return out


def layout_lines(runs: Sequence[Run], width: float, size: float, font: str = FONT, bold_font: str = FONT_BOLD,
                 first_indent: float = 0.0) -> Layout:
    """Break *runs* into lines no wider than *width* points, at spaces and Thai word boundaries."""
    text = "".join(t for t, _ in runs)
    if "\n" not in text and (len(runs) == 1 or not text.strip()):
        # the common case of a table cell: one font, and the whole text fits on one line
        if text_width(text.strip(), bold_font if runs and runs[0][1] else font, size) <= width - first_indent:
            return Layout([[(text.strip(), bool(runs and runs[0][1]))]] if text.strip() else [[]], 0, [])
    bold: list[bool] = []
    for t, b in runs:
        bold.extend([b] * len(t))
    regular, heavy = metrics(font), metrics(bold_font)

    def measure(start: int, end: int) -> float:
        """Width of a space-free stretch text[start:end]."""
        return sum((heavy if b else regular).width(text[i:j], size) for i, j, b in _font_runs(text, bold, start, end))

    def space_width(i: int) -> float:
        return (heavy if bold[i] else regular).space * size / 1000

    lines: list[tuple[int, int]] = []
    breaks: list[int] = []
    forced = 0
    offset = 0
    for para in text.split("\n"):
        p0 = offset
        offset += len(para) + 1
        limit_first = width - (first_indent if not lines else 0.0)
        points = set(thai_text.break_points(para)) if para.strip() else set()
        # pieces: (start, end, is_space) in absolute offsets
        pieces: list[tuple[int, int, bool]] = []
        i = 0
        n = len(para)
        while i < n:
            if para[i].isspace() and para[i] != "\u00a0":
                j = i
                while j < n and para[j].isspace() and para[j] != "\u00a0":
                    j += 1
                pieces.append((p0 + i, p0 + j, True))
                i = j
                continue
            j = i + 1
            while j < n and not (para[j].isspace() and para[j] != "\u00a0") and j not in points:
                j += 1
            pieces.append((p0 + i, p0 + j, False))
            i = j
        # "ต่าง ๆ": the space before MAI YAMOK is no place for a line break
        merged: list[tuple[int, int, bool]] = []
        k = 0
        while k < len(pieces):
            piece = pieces[k]
            if (piece[2] and merged and not merged[-1][2] and k + 1 < len(pieces)
                    and text[pieces[k + 1][0]] == "\u0e46"):
                merged[-1] = (merged[-1][0], pieces[k + 1][1], False)
                k += 2
                continue
            merged.append(piece)
            k += 1
        pieces = merged
        line_start = line_end = -1
        chunk_start = -1
        before_chunk = 0.0
        current = 0.0
        gap = 0.0
        gap_pending = False
        limit = limit_first

        def new_line(start: int, end: int) -> None:
            nonlocal line_start, line_end, chunk_start, before_chunk, current, limit, forced
            w = measure(start, end)
            if w > limit:
                # one word wider than the line: cut it into the dictionary words it is made of
                # (ข้อมูล|ข่าวสาร), else between grapheme clusters where Thai spelling allows (not after
                # เ แ โ ใ ไ, not before ะ า ำ ๆ), else between any two clusters; never inside a cluster
                forced += 1
                clusters = thai_text.cluster_cuts(text, start, end)
                tiers = [[start + c for c in thai_text.sub_word_cuts(text[start:end])],
                         [c for c in clusters if thai_text.good_cut(text, c)], clusters]
                while measure(start, end) > limit:
                    at = -1
                    for tier in tiers:
                        fitting = [c for c in tier if start < c < end and measure(start, c) <= limit]
                        if fitting:
                            at = max(fitting)
                            break
                    if at < 0:  # not even one cluster fits: give it a line of its own
                        at = next((c for c in clusters if c > start), end)
                        if at == end:
                            break
                    lines.append((start, at))
                    breaks.append(at)
                    limit = width
                    start = at
                w = measure(start, end)
            line_start, line_end, chunk_start = start, end, start
            before_chunk, current = 0.0, w

        for start, end, is_space in pieces:
            if is_space:
                if line_start >= 0:
                    gap += space_width(start)
                    gap_pending = True
                continue
            if line_start < 0:
                new_line(start, end)
            else:
                if gap_pending:
                    candidate = current + gap + measure(start, end)
                else:
                    candidate = before_chunk + measure(chunk_start, end)
                if candidate <= limit + 1e-6:
                    if gap_pending:
                        before_chunk = current + gap
                        chunk_start = start
                    line_end = end
                    current = candidate
                else:
                    lines.append((line_start, line_end))
                    breaks.append(start)
                    limit = width
                    new_line(start, end)
            gap = 0.0
            gap_pending = False
        if line_start >= 0:
            lines.append((line_start, line_end))
        else:
            lines.append((p0, p0))  # an empty paragraph still takes a line
        if offset <= len(text):
            breaks.append(offset - 1)  # the newline itself
    out = [[(text[i:j], b) for i, j, b in _font_runs(text, bold, s, e)] for s, e in lines]
    return Layout(out, forced, breaks)


def _markup(lines: Iterable[list[Run]]) -> str:
    parts = []
    for line in lines:
        chunks = []
        for t, b in line:
            t = html.escape(t, quote=False)
            chunks.append(f"<b>{t}</b>" if b else t)
        parts.append("".join(chunks))
    return "<br/>".join(parts)


# --- the flowable -------------------------------------------------------------------------

#: reportlab Paragraphs by (markup, style, width): drawing one again at another place is all it takes
_PARAGRAPHS: dict[tuple[str, str, float | None], Paragraph] = {}
_PARAGRAPHS_MAX = 1000
_PARAGRAPH_SHARED_LENGTH = 60  # characters of markup

class ThaiParagraph(Flowable):
    """A shaped paragraph whose lines break only at spaces and Thai word boundaries.

    *text* is plain text (no markup; newlines are line breaks); *runs* instead gives
    (text, bold) pieces. Change fonts only at spaces: reportlab shapes a space-free word
    with a single font.
    """

    # Flowable's per-instance defaults as class attributes, and slots for the rest: a report of
    # 100,000 cells keeps 100,000 of these alive, so each carries only what is its own
    __slots__ = ("style", "runs", "_preset", "_para", "_for_width", "layout")
    width = 0.0
    height = 0.0
    wrapped = 0
    hAlign = "LEFT"  # noqa: N815 (reportlab's name)
    vAlign = "BOTTOM"  # noqa: N815
    _traceInfo = None  # noqa: N815
    _showBoundary = None  # noqa: N815
    encoding = None

    def __init__(self, text: str = "", style: ParagraphStyle | None = None, runs: Sequence[Run] | None = None,
                 lines: Sequence[list[Run]] | None = None) -> None:
        install()
        self.style = style or STYLES["body"]
        if lines is not None:  # lines laid out already (a part of a paragraph split across pages)
            runs = [r for n, line in enumerate(lines) for r in ([("\n", False)] if n else []) + list(line)]
        self.runs: tuple[Run, ...] = tuple(runs) if runs is not None else ((str(text), False),)
        if lines is None:
            self.runs = tuple((drawable(t), b) for t, b in self.runs)
        self._preset = [list(line) for line in lines] if lines is not None else None
        self._para: Paragraph | None = None
        self._for_width: float | None = None
        self.layout: Layout | None = None

    def __repr__(self) -> str:
        return f"ThaiParagraph({self.text!r})"

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.runs)

    def getPlainText(self, identify: object = None) -> str:  # noqa: N802 (reportlab name)
        return self.text

    def _prepare(self, avail_width: float) -> None:
        """Lay the lines out at *avail_width* (cached). The reportlab Paragraph that draws them is made
        only when drawn or split, and dropped after drawing: a report of thousands of cells keeps
        only their lines in memory, not a Paragraph each."""
        if self.layout is not None and self._for_width == avail_width:
            return
        st = self.style
        if self._preset is not None:
            self.layout = Layout(self._preset, 0, [])
        else:
            self.layout = layout_lines(self.runs, avail_width - st.leftIndent - st.rightIndent, st.fontSize,
                                       st.fontName, FONT_BOLD, st.firstLineIndent)
        self._para = None
        self._for_width = avail_width

    def _paragraph(self) -> Paragraph:
        if self._para is None:
            assert self.layout is not None
            markup = _markup(self.layout.lines)
            if len(markup) > _PARAGRAPH_SHARED_LENGTH:
                self._para = Paragraph(markup, self.style)
                return self._para
            key = (markup, self.style.name, self._for_width)
            para = _PARAGRAPHS.get(key)
            if para is None or para.style is not self.style:
                if len(_PARAGRAPHS) > _PARAGRAPHS_MAX:
                    _PARAGRAPHS.clear()
                # the same short cell (an office, a status, ไม่ใช้งบประมาณ, an amount) is drawn from one Paragraph
                para = _PARAGRAPHS[key] = Paragraph(markup, self.style)
            self._para = para
        return self._para

    def _blank(self) -> bool:
        assert self.layout is not None
        return not any(t for line in self.layout.lines for t, _b in line)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._prepare(availWidth)
        assert self.layout is not None
        # what reportlab's Paragraph gives for explicit lines: a leading per line, nothing when blank
        self.width = availWidth
        self.height = 0.0 if self._blank() else len(self.layout.lines) * self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        assert self._for_width is not None
        para = self._paragraph()
        _w, h = para.wrap(self._for_width, 1e9)
        para.drawOn(self.canv, 0, self.height - h)
        self._para = None  # drawn: the lines are kept, the Paragraph is not

    def release(self) -> None:
        """Forget the laid-out lines too (a table row that was drawn); a later wrap lays them out again."""
        self._para = None
        if self._preset is None:
            self.layout = None
            self._for_width = None

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        # A table splitting a row passes the column width with its padding (wider than the width the
        # cell was wrapped at): keep the lines of the last wrap, so the split matches the drawn height.
        if self.layout is None:
            self._prepare(availWidth)
        assert self._for_width is not None
        width = self._for_width
        para = self._paragraph()
        para.wrap(width, availHeight)
        return para.split(width, availHeight)

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.style.spaceAfter

    def minWidth(self) -> float:  # noqa: N802
        st = self.style
        widest = 0.0
        for t, b in self.runs:
            font = FONT_BOLD if b else st.fontName
            for word in t.split():
                cuts = [0, *thai_text.break_points(word), len(word)]
                for a, z in zip(cuts, cuts[1:]):
                    widest = max(widest, metrics(font).width(word[a:z], st.fontSize))
        return widest + st.leftIndent + st.rightIndent

    def lines(self, avail_width: float) -> list[list[Run]]:
        """The lines of this paragraph at *avail_width* (what :meth:`wrap` draws)."""
        self._prepare(avail_width)
        assert self.layout is not None
        return self.layout.lines

    def with_lines(self, lines: Sequence[list[Run]]) -> "ThaiParagraph":
        """A paragraph of the same style holding *lines* as laid out (for a row split across pages)."""
        return ThaiParagraph(style=self.style, lines=lines)

    def overhang(self, avail_width: float) -> tuple[float, float]:
        """Points by which ink reaches above the paragraph's box (stacked marks on the first line)
        and below it (ญ ฐ and lower vowels on the last line); 0 where the box holds it."""
        lines = self.lines(avail_width)
        if not lines:
            return 0.0, 0.0
        st = self.style
        size = st.fontSize
        top, _ = line_ink(lines[0], st.fontName)
        _, bottom = line_ink(lines[-1], st.fontName)
        # reportlab puts the first baseline one font size below the box top, the last one
        # (leading - font size) above its bottom
        return max(0.0, top * size - size), max(0.0, bottom * size - (st.leading - size))

    def line_count(self) -> int:
        """How many lines reportlab draws (after :meth:`wrap`)."""
        para = self._paragraph()
        assert self._for_width is not None
        para.wrap(self._for_width, 1e9)
        return len(para.blPara.lines)


# --- styles -------------------------------------------------------------------------------

BODY_SIZE = 11.0   # Sarabun 11 pt reads like TH SarabunPSK 16 pt, the size of Thai official letters
TABLE_SIZE = 9.5
TABLE_LEADING = 13.0  # 1.37 × 9.5: Sarabun's ascent + descent is 1.3 em; table cells pad for the marks above
SMALL_SIZE = 8.5


def _style(name: str, size: float, bold: bool = False, align: int = TA_LEFT, leading: float | None = None,
           **extra: object) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=FONT_BOLD if bold else FONT, fontSize=size, leading=leading or round(size * 1.45, 1),
        alignment=align, shaping=1, splitLongWords=0, textColor=colors.black, **extra)


STYLES: dict[str, ParagraphStyle] = {
    "title": _style("title", 13.5, True, TA_CENTER, spaceAfter=2),
    "subtitle": _style("subtitle", BODY_SIZE, False, TA_CENTER),
    "heading": _style("heading", 12, True, TA_LEFT, spaceBefore=8, spaceAfter=4),
    "body": _style("body", BODY_SIZE),
    "body_right": _style("body_right", BODY_SIZE, align=TA_RIGHT),
    "body_center": _style("body_center", BODY_SIZE, align=TA_CENTER),
    "cell": _style("cell", TABLE_SIZE, leading=TABLE_LEADING),
    "cell_bold": _style("cell_bold", TABLE_SIZE, True, leading=TABLE_LEADING),
    "cell_right": _style("cell_right", TABLE_SIZE, align=TA_RIGHT, leading=TABLE_LEADING),
    "cell_right_bold": _style("cell_right_bold", TABLE_SIZE, True, TA_RIGHT, leading=TABLE_LEADING),
    "cell_center": _style("cell_center", TABLE_SIZE, align=TA_CENTER, leading=TABLE_LEADING),
    "head": _style("head", TABLE_SIZE, True, TA_CENTER),
    "small": _style("small", SMALL_SIZE),
    "small_right": _style("small_right", SMALL_SIZE, align=TA_RIGHT),
    "small_center": _style("small_center", SMALL_SIZE, align=TA_CENTER),
}
#: the office report's table (rows of narrative under their figures): lines 12.4 points apart, 1.3 em,
#: Sarabun's ascent + descent (TH SarabunPSK 14 pt at Word's single spacing is closer still); the grid
#: still pads each cell for the ink of its first and last line
DENSE_LEADING = 12.4
for _name in [n for n in STYLES if n.startswith("cell") or n == "head"]:
    STYLES[_name + "_dense"] = ParagraphStyle(_name + "_dense", parent=STYLES[_name], leading=DENSE_LEADING)


def P(text: object, style: str = "body") -> ThaiParagraph:  # noqa: N802 (a short name for report code)
    """A shaped paragraph of plain text in one of :data:`STYLES`."""
    return ThaiParagraph("" if text is None else str(text), STYLES[style])


def PR(runs: Sequence[Run], style: str = "body") -> ThaiParagraph:  # noqa: N802
    """A shaped paragraph of (text, bold) runs."""
    return ThaiParagraph(style=STYLES[style], runs=runs)


# --- ink extents ---------------------------------------------------------------------------

_ink_cache: dict[tuple[str, str], tuple[float, float]] = {}


def ink_extent(text: str, font_name: str = FONT) -> tuple[float, float]:
    """How far the shaped glyphs of *text* reach above and below the baseline, in ems (1.0 = font size).

    Stacked marks (ปั้, ที่, น้ำ) reach higher than the font's ascent; ญ, ฐ and lower vowels (ฐุ, ญู) lower
    than its descent. Table cells pad by these, so no glyph crosses a rule.
    """
    key = (font_name, text)
    got = _ink_cache.get(key)
    if got is None:
        m = metrics(font_name)
        buf = uharfbuzz.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        uharfbuzz.shape(m.font, buf, HB_FEATURES)
        top = bottom = 0
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
            ext = m.font.get_glyph_extents(info.codepoint)
            if ext is None:
                continue
            top = max(top, pos.y_offset + ext.y_bearing)
            bottom = min(bottom, pos.y_offset + ext.y_bearing + ext.height)
        got = (top / m.upem, -bottom / m.upem)
        if len(_ink_cache) > 200_000:
            _ink_cache.clear()
        _ink_cache[key] = got
    return got


def line_ink(line: Sequence[Run], base_font: str = FONT) -> tuple[float, float]:
    """:func:`ink_extent` of one laid-out line of runs (the highest top, the deepest bottom)."""
    top = bottom = 0.0
    for t, b in line:
        if t.strip():
            a, z = ink_extent(t, FONT_BOLD if b else base_font)
            top, bottom = max(top, a), max(bottom, z)
    return top, bottom
