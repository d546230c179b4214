"""The screen's language (ตั้งค่า › ภาษาของหน้าจอ): Thai, the source language, or English for IT staff who
read no Thai. Kept in QSettings (``ui/language``); the app applies it at start (``create_app``) before any
window is built, so a change shows from the next start. Reports print Thai whatever is chosen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup

from .. import i18n
from ..i18n import _

LANGUAGE_KEY = "ui/language"


def saved_language(settings: QSettings) -> str:
    value = settings.value(LANGUAGE_KEY, i18n.SOURCE_LANGUAGE)
    return str(value) if str(value) in i18n.LANGUAGES else i18n.SOURCE_LANGUAGE


def apply_saved(settings: QSettings) -> str:
    """Use the language saved in *settings* from now on; returns it."""
    return i18n.set_language(saved_language(settings))


def install_menu(window: Any) -> Any:
    """Add ภาษาของหน้าจอ (Language) to the window's ตั้งค่า menu; returns the submenu (None without one)."""
    menu_settings = getattr(getattr(window, "form", None), "menuSettings", None)
    settings = getattr(window, "settings", None)
    if menu_settings is None or settings is None:
        return None
    menu = menu_settings.addMenu(_("ภาษาของหน้าจอ (Language)"))
    menu.setObjectName("menuLanguage")
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = saved_language(settings)
    for code, name in i18n.LANGUAGES.items():
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: choose(window, c))
        group.addAction(action)
        menu.addAction(action)
    return menu


def choose(window: Any, code: str, tell: bool = True) -> None:
    """Save *code* as the screen's language (applied at the next start) and say so in both languages."""
    window.settings.setValue(LANGUAGE_KEY, code)
    window.settings.sync()
    if tell and code != i18n.language():
        from PySide6.QtWidgets import QMessageBox  # (here: a Qt class PySide6 builds when first imported)

        QMessageBox.information(window, _("ภาษาของหน้าจอ (Language)"),
                                "จะใช้ภาษาใหม่เมื่อเปิดโปรแกรมครั้งถัดไป\n"
                                "The new language applies the next time the program starts.")
