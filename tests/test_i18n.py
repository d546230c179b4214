"""One message catalog (issue 15, item 5): the Thai text of the code and the compiled forms is in the
gettext catalogs (babel), the compiled catalogs are fresh, English is chosen in Settings, the months come
from CLDR with our Buddhist-era year and Thai digits, and reports stay Thai."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest

from trat_desktop import i18n

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import i18n as catalogs  # noqa: E402  (tools/i18n.py)


@pytest.fixture(autouse=True)
def thai_again():
    yield
    i18n.set_language("th")


def test_the_catalogs_hold_every_string_and_are_compiled_fresh() -> None:
    """Fails on a _("…") missing from the catalogs or a stale .pot/.po/.mo: run python tools/i18n.py."""
    assert catalogs.stale() == []


def test_the_compiled_forms_use_the_catalog() -> None:
    forms = sorted((ROOT / "trat_desktop" / "gui" / "forms").glob("ui_*.py"))
    assert forms
    for form in forms:
        text = form.read_text(encoding="utf-8")
        assert "QCoreApplication.translate(" not in text, form.name
    template = catalogs.extract()
    assert any(loc[0].endswith("ui_main_window.py") for m in template for loc in m.locations)
    assert len(template) > 200


def test_translations_keep_the_placeholders() -> None:
    from babel.messages.pofile import read_po

    for language in catalogs.LANGUAGES:
        with (catalogs.LOCALE / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if message.id and message.string:
                fields = lambda text: sorted(re.findall(r"\{(\w*)\}", text))  # noqa: E731
                if message.pluralizable:  # ngettext: every form keeps the singular's fields
                    for form in message.string:
                        assert not form or fields(form) == fields(message.id[0]), (language, message.id)
                    continue
                assert fields(message.string) == fields(message.id), (language, message.id)


def test_thai_is_the_source_and_english_a_second_language() -> None:
    assert i18n._("ยกเลิก") == "ยกเลิก"
    assert i18n.set_language("en") == "en"
    assert i18n._("ยกเลิก") == "Cancel"
    assert i18n._("หลักฐานประกอบ ({count})").format(count=3) == "Evidence (3)"
    assert i18n._("ข้อความที่ไม่มีในแคตตาล็อก") == "ข้อความที่ไม่มีในแคตตาล็อก"  # untranslated: Thai
    assert i18n.set_language("fr") == "th" and i18n._("ยกเลิก") == "ยกเลิก"


def test_a_thai_editor_corrects_wording_in_the_thai_catalog() -> None:
    from babel.messages.catalog import Catalog

    template = Catalog()
    template.add("บันทึกสำเนา…")
    template.add("ข้อความใหม่")
    edited = Catalog(locale="th")
    edited.add("บันทึกสำเนา…", "บันทึกสำเนาไฟล์…")
    th = catalogs.updated(template, "th", edited)
    assert th.get("บันทึกสำเนา…").string == "บันทึกสำเนาไฟล์…"  # the editor's wording is kept
    assert th.get("ข้อความใหม่").string == "ข้อความใหม่"  # a new message starts as written
    en = catalogs.updated(template, "en", None)
    assert en.get("ข้อความใหม่").string == ""


def test_a_form_shows_english_when_english_is_chosen(qapp) -> None:
    from PySide6.QtWidgets import QDialog

    from trat_desktop.gui.forms.ui_trash_dialog import Ui_TrashDialog

    i18n.set_language("en")
    dialog = QDialog()
    form = Ui_TrashDialog()
    form.setupUi(dialog)
    assert dialog.windowTitle() == "Trash: removed parts of the plan"
    i18n.set_language("th")
    form.retranslateUi(dialog)
    assert dialog.windowTitle() == "ถังขยะ: ส่วนของแผนที่ลบไว้"


def test_the_language_is_chosen_in_settings(qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from trat_desktop.gui import language
    from trat_desktop.gui.main_window import MainWindow
    from trat_desktop.services import PlanService

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    service = PlanService.open(tmp_path / "trat.sqlite3")
    window = MainWindow(service, settings=settings)
    qtbot.addWidget(window)
    menu = window.findChild(type(window.form.menuSettings), "menuLanguage")
    assert menu is not None and [a.text() for a in menu.actions()] == ["ไทย", "English"]
    assert menu.actions()[0].isChecked()
    menu.actions()[1].trigger()
    assert settings.value(language.LANGUAGE_KEY) == "en" and told and "next time" in told[0]
    assert language.apply_saved(settings) == "en" and i18n._("ปิด") == "Close"
    window.close()
    service.close()


def test_months_come_from_cldr_with_our_year_and_digits() -> None:
    from babel.dates import get_month_names

    from trat_desktop.domain import rounds, thai

    assert thai.months() == tuple(get_month_names("wide", locale="th")[m] for m in range(1, 13))
    # the copy of CLDR's names the start-up reads instead of babel.dates is CLDR's, for every width and locale
    assert thai._CLDR_MONTHS, "the copy is empty"
    for (width, locale), names in thai._CLDR_MONTHS.items():
        assert names == tuple(get_month_names(width, context="format", locale=locale)[m] for m in range(1, 13))
    # any other locale still comes from babel
    assert thai.months("wide", "fr")[0] == get_month_names("wide", locale="fr")[1]
    assert thai.MONTHS[0] == "มกราคม" and thai.MONTHS_SHORT[0] == "ม.ค." and thai.MONTHS_SHORT[11] == "ธ.ค."
    assert thai.format_be_date(dt.date(2026, 3, 31)) == "๓๑ มีนาคม ๒๕๖๙"
    assert thai.format_be_date(dt.date(2026, 3, 31), thai_digits=False) == "31 มีนาคม 2569"
    assert "เม.ย." in rounds.be_date_text(dt.date(2026, 4, 15))


def test_number_formatting_is_cldrs() -> None:
    """Amounts and values are written in CLDR's decimal pattern (symbols from the copy the start-up reads, which
    must be babel's): the same text as babel.numbers for integers, satang amounts and hundredths."""
    from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol
    from hypothesis import given, settings, strategies as st

    from trat_desktop.domain import display, thai

    for locale, (decimal, group) in thai._CLDR_NUMBER_SYMBOLS.items():
        assert (decimal, group) == (get_decimal_symbol(locale), get_group_symbol(locale)), locale

    @settings(max_examples=300, deadline=None)
    @given(st.integers(min_value=-10**12, max_value=10**12))
    def check(hundredths: int) -> None:
        value = hundredths / 100
        for locale in thai._CLDR_NUMBER_SYMBOLS:
            if value.is_integer():
                assert thai.format_number(int(value), locale=locale) == format_decimal(int(value), "#,##0", locale=locale)
            assert thai.format_number(value, 2, locale=locale) == format_decimal(value, "#,##0.00", locale=locale)
            assert thai.format_number(value, 2, trim=True, locale=locale) == format_decimal(value, "#,##0.##",
                                                                                             locale=locale)
        assert thai.format_baht(value) == format_decimal(value, "#,##0" if value.is_integer() else "#,##0.00",
                                                         locale="th")
        assert display.number_text(value, False) == format_decimal(value, "#,##0.##", locale="th")

    check()
    assert thai.format_baht(99650, True) == "๙๙,๖๕๐" and display.number_text(87.5) == "๘๗.๕"


def test_reports_stay_thai_whatever_the_screen_language() -> None:
    """Report modules never ask the catalog: a report printed with English chosen is still Thai."""
    for module in sorted((ROOT / "trat_desktop" / "reports").glob("*.py")):
        text = module.read_text(encoding="utf-8")
        assert "i18n" not in text, module.name


def test_the_compiled_thai_catalog_shows_every_message_as_its_po_says() -> None:
    """The Thai .mo leaves out the messages shown as written (start-up reads ~10 entries, not ~870): each
    message of the .po still comes out as the .po says, plural and context ones included."""
    import gettext

    from babel.messages.pofile import read_po

    folder = ROOT / "trat_desktop" / "locale" / "th" / "LC_MESSAGES"
    with (folder / "messages.mo").open("rb") as handle:
        mo = gettext.GNUTranslations(handle)
    with (folder / "messages.po").open("rb") as handle:
        po = read_po(handle, locale="th")
    assert len(mo._catalog) < 100  # type: ignore[attr-defined]  (the identity messages are left out)
    checked = 0
    for message in po:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            singular, plural = message.id
            for n in (0, 1, 2, 7):
                shown = (mo.npgettext(message.context, singular, plural, n) if message.context
                         else mo.ngettext(singular, plural, n))
                assert shown == message.string[0], message.id
        else:
            shown = mo.pgettext(message.context, message.id) if message.context else mo.gettext(message.id)
            assert shown == message.string, message.id
        checked += 1
    assert checked > 500


def test_every_message_has_an_english_translation() -> None:
    """English stays complete: a new _("…") needs its English in en/LC_MESSAGES/messages.po (IT staff who
    read no Thai support the app from it)."""
    from babel.messages.pofile import read_po

    with (catalogs.LOCALE / "en" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    missing = [message.id for message in catalog if message.id and (
        not all(message.string) if message.pluralizable else not message.string)]
    assert missing == [], f"{len(missing)} message(s) without English, e.g. {missing[:3]}"
    assert len(catalog) > 1000
