"""The coordinator's แฟ้ม › นำเข้าเอกสารแผน (ข้อความ)…: a revised document is compared first, in a Thai
dialog, and applied only with its confirm button; the work runs off the GUI thread."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from exchange_helpers import installation
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui_office_support import thai_digits  # noqa: F401 - fixture
from test_plan_revision import INSERTED, PERCENT_ROW_LINE, TOURISM, insert_line
from trat_desktop.gui import ops
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.gui.plan_document_actions import APPLY_TEXT


@pytest.fixture
def boxes(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def fake(kind: str) -> Any:
        def show(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return show

    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    return shown


def open_window(qtbot, tmp_path: Path):
    center = installation(tmp_path / "c.sqlite3", "coordinator")
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    window = MainWindow(center.plans, progress=center.progress, settings=settings, today=lambda: dt.date(2026, 2, 10))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return center, window


def choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_a_revision_is_shown_first_and_applied_only_on_confirm(qtbot, monkeypatch, boxes, tmp_path: Path,
                                                               plan_text: str) -> None:
    center, window = open_window(qtbot, tmp_path)
    actions = window.plan_document_actions
    assert actions.import_action.isVisible()
    item = next(i for i in center.progress.work_items() if i.row.source_line == PERCENT_ROW_LINE
                and i.agency_name.startswith("สำนักงานการท่องเที่ยว"))
    center.progress.set_progress(item, 2, achieved="75")
    doc = tmp_path / "revised.txt"
    doc.write_text(insert_line(plan_text, PERCENT_ROW_LINE, INSERTED), encoding="utf-8")
    before = list(sqlite3.connect(tmp_path / "c.sqlite3").iterdump())

    choose(monkeypatch, doc)
    actions.import_action.trigger()
    qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.isVisible(), timeout=15000)
    text = actions.dialog.text.toPlainText()
    assert "เพิ่มตัวชี้วัด" in text and "แสดงเป็น" in text and "ผลที่บันทึกไว้" in text
    assert actions.dialog.apply_button.text() == APPLY_TEXT
    actions.dialog.reject()                                    # cancel: nothing changes
    assert list(sqlite3.connect(tmp_path / "c.sqlite3").iterdump()) == before

    actions.import_action.trigger()
    qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.isVisible(), timeout=15000)
    actions.dialog.apply_button.click()
    qtbot.waitUntil(lambda: ops.running() == 0 and any("ฉบับที่" in t for _k, t in boxes), timeout=15000)
    plan = center.plans.load_plan()
    assert plan.revision == 2 and len(plan.rows()) == 36
    kept = next(i for i in center.progress.work_items() if i.indicator_uid == item.indicator_uid
                and i.agency_uid == item.agency_uid)
    assert kept.entry(2).achieved == 75


def test_a_document_without_table_rows_is_refused_with_the_thai_reason(qtbot, monkeypatch, boxes, tmp_path: Path,
                                                                       plan_text: str) -> None:
    center, window = open_window(qtbot, tmp_path)
    doc = tmp_path / "cells.txt"
    doc.write_text(plan_text.replace("\t", "\n"), encoding="utf-8")
    before = list(sqlite3.connect(tmp_path / "c.sqlite3").iterdump())
    choose(monkeypatch, doc)
    window.plan_document_actions.import_action.trigger()
    qtbot.waitUntil(lambda: ops.running() == 0 and bool(boxes), timeout=15000)
    [(kind, text)] = boxes
    assert kind == "warning" and "cells.txt" in text
    assert window.plan_document_actions.dialog is None
    assert list(sqlite3.connect(tmp_path / "c.sqlite3").iterdump()) == before


def test_the_action_is_the_coordinators_only(qtbot, tmp_path: Path) -> None:
    office = installation(tmp_path / "o.sqlite3", "office", TOURISM)
    settings = QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat)
    window = MainWindow(office.plans, progress=office.progress, settings=settings, today=lambda: dt.date(2026, 2, 10))
    qtbot.addWidget(window)
    assert not window.plan_document_actions.import_action.isVisible()


def test_a_new_year_imports_at_once(qtbot, monkeypatch, boxes, tmp_path: Path, plan_text: str) -> None:
    center, window = open_window(qtbot, tmp_path)
    doc = tmp_path / "plan-2570.txt"
    doc.write_text(plan_text.replace("๒๕๖๙", "๒๕๗๐"), encoding="utf-8")
    choose(monkeypatch, doc)
    window.plan_document_actions.import_action.trigger()
    qtbot.waitUntil(lambda: ops.running() == 0 and bool(boxes), timeout=15000)
    assert window.plan_document_actions.dialog is None
    assert center.plans.fiscal_years() == [2569, 2570]
    assert "๒๕๗๐" in boxes[-1][1] and boxes[-1][0] == "information"
