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


def plural_translator(language: str = SOURCE_LANGUAGE) -> Callable[[str, str, int], str]:
    """``ngettext`` of one named language (see :func:`translator`): bind it to the name ``ngettext`` where it
    is called, so babel finds the message (``ngettext = plural_translator(language)``)."""
    translator(language)
    return _loaded[language if language in LANGUAGES else SOURCE_LANGUAGE].ngettext


# -- texts that can be made again in another language ------------------------------------------------
# A plan's warnings are stored (plan_warnings) and shown later, perhaps in the other language: the modules
# that make them import ``keyed as _`` (babel still sees ``_``), whose text remembers its msgid and its
# arguments; the store keeps that recipe beside the Thai text and the screen makes it again (:func:`remake`).


class Message(str):
    """A text made through the catalog that remembers how (its ``recipe``: msgid, context or plural, the
    arguments of ``format``), so :func:`remake` can make it in another language. It is the str it reads as;
    what a str method returns (slices, f-strings, ``join``) is plain text again."""

    recipe: dict[str, Any]

    def __new__(cls, text: str, recipe: dict[str, Any]) -> "Message":
        made = str.__new__(cls, text)
        made.recipe = recipe
        return made

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        text = str.format(self, *args, **kwargs)
        if args or "a" in self.recipe or "+" in self.recipe:
            return text
        return Message(text, {**self.recipe, "a": {k: _ingredient(v) for k, v in kwargs.items()}})

    def __add__(self, other: str) -> str:  # type: ignore[override]
        if not isinstance(other, str):
            return NotImplemented
        return Message(str.__add__(self, other), {"+": [_ingredient(self), _ingredient(other)]})

    def __radd__(self, other: str) -> str:
        if not isinstance(other, str):
            return NotImplemented
        return Message(other + str(self), {"+": [_ingredient(other), _ingredient(self)]})

    def __reduce__(self) -> tuple[Any, ...]:
        return (str, (str(self),))

    def key(self) -> str:
        """The recipe as JSON (what the store keeps beside the text)."""
        import json

        return json.dumps(self.recipe, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Shown(str):
    """A value as a message shows it in one language (a number in Thai or Arabic digits, a quarter span)
    that remembers the value, so :func:`remake` shows it in another."""

    value: dict[str, Any]

    def __new__(cls, text: str, value: dict[str, Any]) -> "Shown":
        made = str.__new__(cls, text)
        made.value = value
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (str, (str(self),))


def _ingredient(value: object) -> object:
    if isinstance(value, Message):
        return {"t": value.recipe}
    if isinstance(value, Shown):
        return value.value
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


def keyed(message: str) -> str:
    """``_`` whose text remembers its msgid (see :class:`Message`)."""
    return Message(_translations().gettext(message), {"m": message})


def keyed_ngettext(singular: str, plural: str, n: int) -> str:
    return Message(_translations().ngettext(singular, plural, n), {"m": singular, "p": plural, "n": n})


def keyed_pgettext(context: str, message: str) -> str:
    return Message(_translations().pgettext(context, message), {"m": message, "c": context})


def joined(separator: str, parts: list[str]) -> str:
    """``separator.join(parts)`` that keeps the parts' recipes (a list of amounts inside a warning)."""
    ingredients: list[object] = []
    for n, part in enumerate(parts):
        if n:
            ingredients.append(separator)
        ingredients.append(_ingredient(part))
    return Message(separator.join(parts), {"+": ingredients})


def key_of(text: object) -> str | None:
    """The recipe (JSON) of a text made by :func:`keyed` and friends, None for plain text."""
    return text.key() if isinstance(text, Message) else None


def remake(key: str | dict[str, Any] | None, language: str) -> str | None:
    """The text of a recipe (:meth:`Message.key`) in *language*; None when there is none or it cannot be
    made (then the caller shows the text it stored)."""
    if not key:
        return None
    try:
        import json

        recipe = json.loads(key) if isinstance(key, str) else key
        return _make(recipe, language if language in LANGUAGES else SOURCE_LANGUAGE)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def _make(recipe: dict[str, Any], language: str) -> str:
    if "+" in recipe:
        return "".join(_made(part, language) for part in recipe["+"])
    found = _loaded.get(language)
    if found is None:
        found = _loaded[language] = load(language)
    if "p" in recipe:
        text = found.ngettext(recipe["m"], recipe["p"], int(recipe["n"]))
    elif "c" in recipe:
        text = found.pgettext(recipe["c"], recipe["m"])
    else:
        text = found.gettext(recipe["m"])
    if "a" in recipe:
        text = text.format(**{name: _made(value, language) for name, value in recipe["a"].items()})
    return str(text)


def _made(value: object, language: str) -> object:
    if not isinstance(value, dict):
        return value
    if "t" in value:
        return _make(value["t"], language)
    from .domain.thai import to_arabic_digits, to_thai_digits

    if "digits" in value:
        return to_thai_digits(value["digits"]) if language == "th" else to_arabic_digits(value["digits"])
    if "quarters" in value:
        from .domain.plan_cells import shown_quarters

        return shown_quarters(*value["quarters"], language=language)
    raise KeyError(value)
