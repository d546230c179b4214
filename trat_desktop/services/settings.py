"""Settings a user sets for this database (``trat-desktop settings show|set``, ตั้งค่า › เอกสารชุดหลักฐาน ITA…):
the keys and their checks are domain/ita.py's; they are stored in the settings table (store/settings.py),
each change audited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain.capabilities import name_on_documents
from ..domain.ita import SETTINGS, check_setting, people
from ..store import settings as settings_store
from .progress import ProgressService


@dataclass(frozen=True)
class SettingView:
    key: str
    label: str
    value: str        # as stored ('' = not set)
    effective: str    # what the documents print ('' = a blank to fill in by hand)
    help: str

    def as_json(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "value": self.value, "effective": self.effective,
                "help": self.help}


class SettingsService:
    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress

    def stored(self) -> dict[str, str]:
        return settings_store.load_settings(self.progress.plans.db)

    def show(self) -> list[SettingView]:
        """Every user setting with its stored value and what the documents print when it is empty."""
        values = self.stored()
        me = self.progress.identity()
        who = people(values, (me.reporter_name, me.reporter_position), (me.head_name, me.head_position))
        defaults = {"ita.letterhead": name_on_documents(me),
                    "ita.officer_name": who.officer_name, "ita.officer_position": who.officer_position,
                    "ita.head_name": who.head_name, "ita.head_position": who.head_position,
                    "ita.publisher_name": who.publisher_name, "ita.publisher_position": who.publisher_position}
        return [SettingView(s.key, s.label, values.get(s.key, ""), values.get(s.key) or defaults.get(s.key, ""), s.help)
                for s in SETTINGS]

    def set(self, key: str, value: str) -> str:
        """Store one setting ('' clears it); returns the stored value. Thai TratError on a bad key or value."""
        return self.set_many({key: value})[check_setting(key, value)[0]]

    def set_many(self, values: dict[str, str]) -> dict[str, str]:
        """Check every value first, then store them all in one transaction (nothing changes on a refusal)."""
        checked = dict(check_setting(k, v) for k, v in values.items())
        me = self.progress.identity()
        settings_store.save_settings(self.progress.plans.db, checked, me.actor(), self.progress.now())
        return checked
