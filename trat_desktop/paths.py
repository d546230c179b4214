"""Where the app finds its own files (source tree or frozen build) and the user's data."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_DIR_NAME = "TratDesktop"
APP_AUTHOR = "TratProvince"


def resource_root() -> Path:
    """The folder holding ``db/`` and ``resources/``: ``sys._MEIPASS`` when frozen, else the project root."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    """A file the app ships, e.g. ``resource('db', 'schema.sql')``."""
    return resource_root().joinpath(*parts)


def schema_path() -> Path:
    return resource("db", "schema.sql")


def migrations_dir() -> Path:
    return resource("db", "migrations")


def seed_dir() -> Path:
    return resource("db", "seed")


def fonts_dir() -> Path:
    return resource("resources", "fonts")


def icons_dir() -> Path:
    """The app icon: ``trat-desktop-{32,64,256}.png`` (loaded by the GUI) and ``trat-desktop.ico``."""
    return resource("resources", "icons")


def default_db_path() -> Path:
    """The database in the user's data folder (created on first use)."""
    folder = Path(user_data_dir(APP_DIR_NAME, APP_AUTHOR))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "trat-desktop.sqlite3"


def evidence_dir(data_dir: Path) -> Path:
    """The content-addressed evidence files beside a database (``evidence/ab/abcd…``)."""
    return Path(data_dir) / "evidence"


def backups_dir(data_dir: Path) -> Path:
    """The app's own backups beside a database (daily, before an import, before an upgrade)."""
    return Path(data_dir) / "backups"
