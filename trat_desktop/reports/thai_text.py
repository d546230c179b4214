"""Where Thai text may be broken across lines: word segmentation and grapheme clusters.

Thai is written without spaces between words, so a line may only be broken where a word
segmenter says a word ends. The segmenter is nlpo3 (a small Rust extension with wheels for
Windows and Linux) with PyThaiNLP's CC0 word list (resources/thai/words_th.txt) plus a few
words of this plan (resources/thai/words_trat.txt). Nothing here knows about PDF.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

from .. import paths

DICT_NAME = "trat-desktop-th"
_loaded = False

#: Combining marks above/below a Thai consonant (never start a line or a cluster).
THAI_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
#: Vowels that follow their consonant: a line may not start with one.
THAI_FOLLOWING = frozenset("\u0e30\u0e32\u0e33\u0e45\u0e46\u0e2f")
#: Vowels written before their consonant: a line may not end with one.
THAI_LEADING = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
#: After these a line may break when a letter follows ("แผนงาน/โครงการ", "สังคม-วัฒนธรรม").
BREAK_AFTER = frozenset("/-\u2013")


def word_list_paths() -> list[Path]:
    folder = paths.resource("resources", "thai")
    return [folder / "words_th.txt", folder / "words_trat.txt"]


def _merged_word_list() -> Path:
    """nlpo3 loads one file per dictionary: the union of our lists, written once to the temp folder."""
    parts = [p.read_bytes() for p in word_list_paths()]
    digest = hashlib.sha256(b"\n".join(parts)).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / f"trat-desktop-words-{digest}.txt"
    if not target.exists():
        words: dict[str, None] = {}
        for data in parts:
            for line in data.decode("utf-8").splitlines():
                if line.strip():
                    words.setdefault(line.strip())
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix="trat-words-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join(words) + "\n")
        os.replace(tmp, target)
    return target


def _ensure_dictionary() -> None:
    global _loaded
    if _loaded:
        return
    import nlpo3

    message, ok = nlpo3.load_dict(str(_merged_word_list()), DICT_NAME)
    if not ok and "exist" not in message.lower():
        raise RuntimeError(f"nlpo3 could not load the Thai word list: {message}")
    _loaded = True


@lru_cache(maxsize=65536)
def segment(text: str) -> tuple[str, ...]:
    """The words of *text* as the segmenter finds them (spaces and punctuation are tokens too)."""
    if not text:
        return ()
    _ensure_dictionary()
    import nlpo3

    return tuple(nlpo3.segment(text, DICT_NAME))


def word_boundaries(text: str) -> set[int]:
    """Every offset between two tokens of the segmenter (0 < i < len(text))."""
    out: set[int] = set()
    pos = 0
    for token in segment(text)[:-1]:
        pos += len(token)
        out.add(pos)
    return out


def is_thai_letter(ch: str) -> bool:
    """Thai consonants, vowels and marks (not Thai digits, which behave like numbers)."""
    return "\u0e01" <= ch <= "\u0e4f"


def _letter(ch: str) -> bool:
    return is_thai_letter(ch) or ch.isalpha()


@lru_cache(maxsize=65536)
def break_points(text: str) -> tuple[int, ...]:
    """Offsets inside runs of non-space characters where a line may break without a space.

    A break needs a segmenter word boundary and Thai letters on both sides (Latin words and
    numbers such as ๒๒๗,๖๕๐ are only broken at spaces), or a slash or dash followed by a
    letter. It never falls inside a character cluster, before a following vowel or ๆ, or
    after a leading vowel.
    """
    out = []
    for i in sorted(word_boundaries(text)):
        a, b = text[i - 1], text[i]
        if a.isspace() or b.isspace():
            continue  # spaces are break opportunities of their own
        if not (is_thai_letter(a) and is_thai_letter(b)) and not (a in BREAK_AFTER and _letter(b)):
            continue
        if b in THAI_MARKS or b in THAI_FOLLOWING or a in THAI_LEADING or is_combining(b):
            continue
        out.append(i)
    return tuple(out)


def is_combining(ch: str) -> bool:
    """Whether *ch* joins the character before it (marks, SARA AM, joiners)."""
    return ch in THAI_MARKS or ch == "\u0e33" or unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in "\u200c\u200d"


def graphemes(text: str) -> list[str]:
    """*text* cut into user-perceived characters: a base with its marks (ปั้ stays whole)."""
    out: list[str] = []
    for ch in text:
        if out and is_combining(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def cluster_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets strictly inside text[start:end] between two grapheme clusters."""
    out = []
    pos = start
    for g in graphemes(text[start:end])[:-1]:
        pos += len(g)
        if not (text[pos - 1].isspace() or text[pos].isspace()):  # a kept space ("ต่าง ๆ") stays inside
            out.append(pos)
    return out


def good_cut(text: str, i: int) -> bool:
    """Whether Thai spelling allows a forced break at *i* (a cluster boundary)."""
    a, b = text[i - 1], text[i]
    silent = "\u0e4c" in text[i + 1:i + 3]  # ณ์, ตร์: a letter with THANTHAKHAT ends the syllable before it
    return a not in THAI_LEADING and b not in THAI_FOLLOWING and not is_combining(b) and not silent


_words: frozenset[str] | None = None


def _word_set() -> frozenset[str]:
    """The segmenter's word list as a set (loaded only when a word has to be cut)."""
    global _words
    if _words is None:
        _words = frozenset(w.strip() for p in word_list_paths()
                           for w in p.read_text(encoding="utf-8").splitlines() if w.strip())
    return _words


@lru_cache(maxsize=4096)
def sub_word_cuts(word: str) -> tuple[int, ...]:
    """Cuts of a compound into dictionary words ('ข้อมูลข่าวสาร' -> ข้อมูล|ข่าวสาร), fewest pieces;
    () when the word cannot be covered by shorter dictionary words."""
    words = _word_set()
    n = len(word)
    best: list[tuple[int, int] | None] = [None] * (n + 1)  # (pieces, previous cut)
    best[0] = (0, -1)
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 1, n + 1):
            # dictionary words; any single character that is not a Thai letter ("-", ".", NBSP) stands alone
            if j - i < n and (word[i:j] in words or (j == i + 1 and not is_thai_letter(word[i]))):
                candidate = (best[i][0] + 1, i)  # type: ignore[index]
                if best[j] is None or candidate[0] < best[j][0]:  # type: ignore[index]
                    best[j] = candidate
    if best[n] is None:
        return ()
    cuts = []
    j = n
    while j > 0:
        j = best[j][1]  # type: ignore[index]
        if j > 0:
            cuts.append(j)
    return tuple(sorted(cuts))
