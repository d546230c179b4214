"""The command line's language: Thai by default, English with ``--language en`` (or ``TRAT_LANGUAGE=en``).

The commands' own messages go through the catalog (``_()``). argparse's own words ("usage:", "options",
"the following arguments are required: %s" …) are English in Python's argparse, which looks its texts up at
call time through its module-level ``_`` and ``ngettext``; :func:`install` replaces them with a lookup that
gives our Thai (:data:`ARGPARSE_TEXT`, in the catalog), so a Thai user reads "วิธีใช้:" and "ข้อผิดพลาด:",
and the English catalog gives back argparse's English. The language is chosen before any parser is built
(argparse reads some of its words, such as the help option's, when a parser is made).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Sequence

from . import i18n
from .i18n import N_, _

ENV = "TRAT_LANGUAGE"
OPTION = "--language"

#: argparse's English (Python 3.11) -> our Thai, marked for the catalog; the English catalog gives the English back
ARGPARSE_TEXT: dict[str, str] = {
    "usage: ": N_("วิธีใช้: "),
    "positional arguments": N_("อาร์กิวเมนต์ตามตำแหน่ง"),
    "options": N_("ตัวเลือก"),
    "show this help message and exit": N_("แสดงวิธีใช้นี้แล้วจบ"),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s: ข้อผิดพลาด: %(message)s\n"),
    "the following arguments are required: %s": N_("ต้องระบุอาร์กิวเมนต์ต่อไปนี้: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_("ค่า %(value)r ใช้ไม่ได้ (เลือกจาก %(choices)s)"),
    "unrecognized arguments: %s": N_("ไม่รู้จักอาร์กิวเมนต์: %s"),
    "argument %(argument_name)s: %(message)s": N_("อาร์กิวเมนต์ %(argument_name)s: %(message)s"),
    "invalid %(type)s value: %(value)r": N_("ค่า %(value)r ไม่ใช่ %(type)s ที่ใช้ได้"),
    "expected one argument": N_("ต้องมีค่าหนึ่งค่า"),
    "expected at most one argument": N_("มีค่าได้ไม่เกินหนึ่งค่า"),
    "expected at least one argument": N_("ต้องมีค่าอย่างน้อยหนึ่งค่า"),
    "expected %s argument": N_("ต้องมีค่า %s ค่า"),
    "not allowed with argument %s": N_("ใช้ร่วมกับอาร์กิวเมนต์ %s ไม่ได้"),
    "one of the arguments %s is required": N_("ต้องระบุอาร์กิวเมนต์ %s อย่างใดอย่างหนึ่ง"),
    "ambiguous option: %(option)s could match %(matches)s": N_("ตัวเลือก %(option)s กำกวม อาจหมายถึง %(matches)s"),
    "ignored explicit argument %r": N_("ไม่ใช้ค่า %r ที่ระบุมา"),
    "unexpected option string: %s": N_("ไม่คาดว่าจะมีตัวเลือก %s"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": N_("ไม่รู้จักคำสั่ง %(parser_name)r (ใช้ได้: %(choices)s)"),
    "can't open '%(filename)s': %(error)s": N_("เปิด '%(filename)s' ไม่ได้: %(error)s"),
}


def argparse_gettext(message: str) -> str:
    """argparse's English *message* in the chosen language (text argparse has that we do not know: as it is)."""
    thai = ARGPARSE_TEXT.get(message)
    return _(thai) if thai is not None else message


def argparse_ngettext(singular: str, plural: str, n: int) -> str:
    thai = ARGPARSE_TEXT.get(singular)
    return _(thai) if thai is not None else (singular if n == 1 else plural)


def install() -> None:
    """Make argparse speak through our catalog (argparse looks ``_``/``ngettext`` up at call time)."""
    argparse._ = argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = argparse_ngettext  # type: ignore[attr-defined]


def requested(argv: Sequence[str], environ: dict[str, str] | None = None) -> str:
    """The language the command line asks for: ``--language X`` / ``--language=X``, else ``$TRAT_LANGUAGE``,
    else Thai (an unknown value: Thai, and the parser then refuses the option's value)."""
    tokens = list(argv)
    for i, token in enumerate(tokens):
        if token == "--":
            break
        if token == OPTION and i + 1 < len(tokens):
            return tokens[i + 1]
        if token.startswith(OPTION + "="):
            return token.split("=", 1)[1]
    return (os.environ if environ is None else environ).get(ENV, "") or i18n.SOURCE_LANGUAGE


def choose(argv: Sequence[str]) -> str:
    """Set the command line's language from *argv* and the environment, and teach argparse; returns it."""
    install()
    return i18n.set_language(requested(argv).strip().lower())


def thai_digits() -> bool:
    """Whether result lines write Thai digits: in Thai as before (๑๕ เม.ย. ๒๕๖๙), in English Arabic digits
    (IT staff who read no Thai read no Thai digits either)."""
    return i18n.language() == i18n.SOURCE_LANGUAGE


def date_text(day: dt.date, short: bool = True) -> str:
    """A Buddhist-era date in the command line's language: '๑๕ เม.ย. ๒๕๖๙' / '15 Apr 2569 BE'."""
    from .domain.rounds import be_date_text

    return be_date_text(day, thai_digits(), short=short, language=i18n.language())


def digits_text(value: object) -> str:
    """*value* with Thai digits in Thai, as it is in English."""
    from .domain.thai import to_thai_digits

    return to_thai_digits(str(value)) if thai_digits() else str(value)


def status_text(status: str) -> str:
    """A progress status in the command line's language (the stored Thai word in Thai; '-' when unknown)."""
    from .domain.progress import STATUSES

    if status == "cancelled":
        return i18n.pgettext("status", "ยกเลิก")
    return _(STATUSES[status]) if status in STATUSES else "-"
