"""One message catalog for the text a user reads (gettext catalogs made with babel).

The text in the code is Thai, the source language: ``_("บันทึก")``. The catalogs beside this module
(``locale/messages.pot``, ``locale/th/LC_MESSAGES/messages.po``, ``locale/en/…``; compiled ``.mo``
next to each ``.po``) let a Thai editor correct wording in one file (the Thai catalog's ``msgstr``,
which starts equal to the ``msgid``) and give IT staff who read no Thai an English screen
(ตั้งค่า › ภาษาของหน้าจอ). A string without an English translation shows in Thai.

Reports keep printing Thai whatever the screen's language: report modules do not use ``_()``.

Updating the catalogs after changing text::

    python tools/i18n.py          # pybabel extract + update + compile, deterministic
    python tools/i18n.py --check  # what CI runs through tests/test_i18n.py

``_`` is bound at call time to the chosen language, so the language must be chosen before windows are
built (the app does it at start; a change applies at the next start).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path
from typing import Any

DOMAIN = "messages"
SOURCE_LANGUAGE = "th"
#: the languages offered, each named in its own language
LANGUAGES: dict[str, str] = {"th": "ไทย", "en": "English"}
_state: dict[str, object] = {"language": SOURCE_LANGUAGE, "translations": None}


def catalog_path(language: str, suffix: str = ".mo") -> Any:
    """Where the catalog of *language* is inside the package (``.mo`` or ``.po``): the package's folder
    when it is one (as importlib.resources names it, without importing it at start-up: ~2.5 ms), else
    through importlib.resources (a zipped package)."""
    parts = ("locale", language, "LC_MESSAGES", f"{DOMAIN}{suffix}")
    folder = Path(__file__).resolve().parent
    if (folder / "locale").is_dir():
        return folder.joinpath(*parts)
    from importlib import resources

    return resources.files("trat_desktop").joinpath(*parts)


def load(language: str) -> gettext.NullTranslations:
    """The compiled catalog of *language* (no catalog: the text as written, Thai)."""
    path = catalog_path(language)
    try:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except (OSError, FileNotFoundError):
        return gettext.NullTranslations()


def set_language(language: str) -> str:
    """Use *language* ("th" or "en"; anything else: Thai) from now on; returns the one chosen."""
    language = language if language in LANGUAGES else SOURCE_LANGUAGE
    _state["language"], _state["translations"] = language, load(language)
    return language


def language() -> str:
    return str(_state["language"])


def _translations() -> gettext.NullTranslations:
    found = _state["translations"]
    if found is None:
        found = _state["translations"] = load(language())
    return found  # type: ignore[return-value]


def _(message: str) -> str:
    """*message* (Thai) in the chosen language."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for *n* in the chosen language (Thai has one form)."""
    return _translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """*message* in the chosen language, told apart by *context* from the same Thai word used otherwise
    (ยกเลิก the button "Cancel" and ยกเลิก the status "Cancelled")."""
    return _translations().pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 (gettext's name)
    """Mark *message* for the catalog without translating it here (tables built at import time)."""
    return message


_loaded: dict[str, gettext.NullTranslations] = {}


def translator(language: str = SOURCE_LANGUAGE) -> Callable[[str], str]:
    """``gettext`` of one named language, whatever the screen's: the domain builds its words with it, so a
    report (always Thai, the default) and the screen (``translator(language())``) come from one rule."""
    language = language if language in LANGUAGES else SOURCE_LANGUAGE
    found = _loaded.get(language)
    if found is None:
        found = _loaded[language] = load(language)
    return found.gettext
