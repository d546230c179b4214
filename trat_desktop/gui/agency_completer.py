"""Thai type-ahead for picking an agency: an editable combo box whose completer matches
any part of the name, the short name or an alias ('ศึกษา', 'สสจ', 'สนง.คลัง'), ignoring case."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

#: Item role holding the text the completer searches (name, short name and aliases).
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 30
#: Item role holding the agency's uid (None for an "all agencies" entry).
UID_ROLE = Qt.ItemDataRole.UserRole + 31


class AgencyLike(Protocol):
    uid: str
    name: str
    short_name: str
    aliases: list[str]


def search_text(agency: AgencyLike) -> str:
    """Every name an agency goes by, one string for matching."""
    return " | ".join(n for n in (agency.name, agency.short_name, *agency.aliases) if n)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def match_agency(text: str, agencies: Sequence[AgencyLike]) -> AgencyLike | None:
    """The agency *text* names: an exact name, short name or alias first, else the only one
    containing it; None when nothing or several match."""
    wanted = _norm(text)
    if not wanted:
        return None
    for agency in agencies:
        if wanted in (_norm(n) for n in (agency.name, agency.short_name, *agency.aliases) if n):
            return agency
    found = [a for a in agencies if wanted in _norm(search_text(a))]
    return found[0] if len(found) == 1 else None


class AgencyCompleter(QCompleter):
    """Matches on SEARCH_ROLE but puts the agency's display name in the line edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCompletionRole(SEARCH_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def fill_agency_combo(combo: QComboBox, agencies: Sequence[AgencyLike], all_text: str | None = None,
                      counts: dict[str, Any] | None = None) -> AgencyCompleter:
    """Fill an editable combo with agencies (first an 'all' entry when *all_text* is given) and
    give it the type-ahead completer. *counts* adds a suffix per uid, e.g. '(๑๒ ตัวชี้วัด)'."""
    combo.blockSignals(True)
    combo.clear()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    if all_text is not None:
        combo.addItem(all_text)
        combo.setItemData(0, all_text, SEARCH_ROLE)
        combo.setItemData(0, None, UID_ROLE)
    for agency in agencies:
        suffix = f" {counts[agency.uid]}" if counts and agency.uid in counts else ""
        combo.addItem(agency.name + suffix)
        row = combo.count() - 1
        combo.setItemData(row, search_text(agency), SEARCH_ROLE)
        combo.setItemData(row, agency.uid, UID_ROLE)
        combo.setItemData(row, search_text(agency).replace(" | ", "\n"), Qt.ItemDataRole.ToolTipRole)
    completer = AgencyCompleter(combo)
    completer.setModel(combo.model())
    combo.setCompleter(completer)
    combo.blockSignals(False)
    return completer
