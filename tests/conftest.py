"""Shared test set-up."""

from __future__ import annotations

import os

# Qt must not need a display: use the offscreen platform before any QApplication exists, on a desktop-sized
# screen (1920×1200; Qt's offscreen default is 800×600, smaller than the windows tests size, which the app
# would cut down to fit; tests/test_gui_screens.py checks office-sized screens in processes of their own).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={os.path.join(os.path.dirname(__file__), 'offscreen_screen.json')}"


# --- store and plan fixtures -------------------------------------------------
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED_PLAN = ROOT / "db" / "seed" / "trat-ethics-plan-2569.txt"


@pytest.fixture
def plan_text() -> str:
    """The FY2569 plan document as shipped in db/seed/."""
    return SEED_PLAN.read_text(encoding="utf-8")


@pytest.fixture
def service(tmp_path):
    """A PlanService on a fresh database in a temporary folder (seeded with the FY2569 plan)."""
    from trat_desktop.services import PlanService

    svc = PlanService.open(tmp_path / "trat.sqlite3")
    yield svc
    svc.close()


@pytest.fixture
def memory_db():
    """A fresh in-memory database with the current schema and no plan (store tests)."""
    from tiny_plan import memory_db as make

    db = make()
    yield db
    db.close()


@pytest.fixture
def tiny(memory_db):
    """A PlanService on an in-memory database holding the tiny plan of tests/tiny_plan.py."""
    from tiny_plan import tiny_service

    return tiny_service(db=memory_db)
