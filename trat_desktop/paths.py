"""Where the app finds its own files (source tree or frozen build) and the user's data."""

from __future__ import annotations

import sys
from pathlib import Path

APP_DIR_NAME = "TratDesktop"
APP_AUTHOR = "TratProvince"


#: The folders of the project root that ship with the app. In a wheel they are mapped into the
#: package (``trat_desktop/db``, ``trat_desktop/resources``: see pyproject.toml), in the frozen build
#: they lie in ``sys._MEIPASS``, and in a source checkout (editable install) beside the package.
SHIPPED = ("db", "resources")


def _candidates() -> list[Path]:
    found: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.append(Path(frozen))
    # the package's own folder, as importlib.resources.files("trat_desktop") names it for a package on
    # the file system (installed from a wheel); found without importing importlib.resources (start-up)
    package = Path(__file__).resolve().parent
    if package.is_dir():
        found.append(package)
    found.append(Path(__file__).resolve().parent.parent)  # the source tree
    return found


def resource_root() -> Path:
    """The folder holding ``db/`` and ``resources/``: inside the installed package (importlib.resources),
    ``sys._MEIPASS`` when frozen, else the project root of a source checkout."""
    for root in _candidates():
        if (root / "db" / "schema.sql").is_file():
            return root
    from .i18n import _  # only now: a light start-up

    raise FileNotFoundError(_("ไม่พบไฟล์ข้อมูลของโปรแกรม (db/schema.sql) โปรดติดตั้งโปรแกรม Trat Desktop ใหม่"))


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
    from platformdirs import user_data_dir  # (here: a start with --db does not need it)

    folder = Path(user_data_dir(APP_DIR_NAME, APP_AUTHOR))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "trat-desktop.sqlite3"


def evidence_dir(data_dir: Path) -> Path:
    """The content-addressed evidence files beside a database (``evidence/ab/abcd…``)."""
    return Path(data_dir) / "evidence"


def backups_dir(data_dir: Path) -> Path:
    """The app's own backups beside a database (daily, before an import, before an upgrade)."""
    return Path(data_dir) / "backups"
