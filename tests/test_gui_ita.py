"""รายงาน › ชุดหลักฐาน ITA… and ตั้งค่า › เอกสารชุดหลักฐาน ITA… on real services: the settings dialog stores what
`settings set` stores (and refuses what it refuses), the set is written off the GUI thread into a new folder
inside the one chosen, with progress; an existing folder is replaced only when the user says yes."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from trat_desktop.domain.identity import Identity
from trat_desktop.gui import file_dialogs, ops
from trat_desktop.gui.ita_actions import MENU_TEXT, SETTINGS_TEXT, ItaActions, ItaDialog
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.services import PlanService, ProgressService
from trat_desktop.services.settings import SettingsService

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None and not os.environ.get("CI"),
                                reason="poppler-utils (pdftotext) not installed; CI installs it and never skips")

EDUCATION = "สำนักงานศึกษาธิการจังหวัดตราด"
FOLDER = f"ชุดหลักฐานITA_รอบ๖เดือน_2569_{EDUCATION}"


def clock() -> dt.datetime:
    return dt.datetime(2026, 4, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))  # รอบ ๖ เดือน is owed


@pytest.fixture
def boxes(monkeypatch) -> dict[str, list[str]]:
    shown: dict[str, list[str]] = {"information": [], "warning": [], "question": []}
    answers = {"question": QMessageBox.StandardButton.No}

    def fake(kind: str) -> Any:
        def show(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
            shown[kind].append(text)
            return answers.get(kind, QMessageBox.StandardButton.Ok)
        return show

    for kind in shown:
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    shown["answers"] = answers  # type: ignore[assignment]
    return shown


def open_window(qtbot, service: PlanService, tmp: Path) -> tuple[MainWindow, ItaActions, ProgressService]:
    progress = ProgressService(service, clock=clock)
    progress.set_identity(Identity(role="office", office_name=EDUCATION, reporter_name="นางสมหญิง ตั้งใจ",
                                   reporter_position="นักวิชาการศึกษาชำนาญการ", head_name="นายปั้น น้ำใจดี",
                                   head_position="ศึกษาธิการจังหวัดตราด"))
    progress.set_progress(progress.find_item("1/1.5/2"), 2, achieved="85", spent="20000")
    settings = QSettings(str(tmp / "gui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, progress=progress, settings=settings, today=lambda: clock().date())
    qtbot.addWidget(window)
    actions = window.ita_actions
    assert isinstance(actions, ItaActions)
    return window, actions, progress


def pdftext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()


def test_the_menus_carry_the_two_items(qtbot, monkeypatch, service: PlanService, tmp_path: Path) -> None:
    window, actions, _progress = open_window(qtbot, service, tmp_path)
    reports = window.report_actions.menu
    assert MENU_TEXT in [a.text() for a in reports.actions()]
    assert SETTINGS_TEXT in [a.text() for a in window.form.menuSettings.actions()]
    actions.update_roles()
    assert actions.set_action.isEnabled()
    monkeypatch.setattr(actions.progress, "identity", lambda: Identity())  # not set up: it says what to do first
    actions.update_roles()
    assert not actions.set_action.isEnabled() and "ตั้งค่า" in actions.set_action.toolTip()


def test_the_settings_dialog_stores_and_refuses_as_the_cli(qtbot, service: PlanService, tmp_path: Path) -> None:
    window, actions, progress = open_window(qtbot, service, tmp_path)
    actions.settings_action.trigger()
    dialog = actions.settings_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.edits["ita.head_name"].placeholderText() == "นายปั้น น้ำใจดี"  # the set-up's head by default
    dialog.edits["ita.doc_prefix"].setText("ตร 0017.2/")
    dialog.edits["ita.website"].setText("ไม่ใช่เว็บไซต์")
    dialog.save()
    assert dialog.isVisible() and "ไม่ใช่ที่อยู่เว็บไซต์" in dialog.message.text()
    assert SettingsService(progress).stored().get("ita.doc_prefix") is None  # nothing stored on a refusal
    dialog.edits["ita.website"].setText("https://trat.moe.go.th")
    dialog.save()
    assert not dialog.isVisible()
    stored = SettingsService(progress).stored()
    assert (stored["ita.doc_prefix"], stored["ita.website"]) == ("ตร 0017.2/", "https://trat.moe.go.th")


def test_the_set_is_made_off_the_gui_thread_into_a_new_folder(qtbot, monkeypatch, service: PlanService,
                                                              tmp_path: Path, boxes) -> None:
    window, actions, progress = open_window(qtbot, service, tmp_path)
    SettingsService(progress).set("ita.website", "https://trat.moe.go.th")
    chosen = tmp_path / "เว็บไซต์"
    chosen.mkdir()
    asked: list[str] = []
    monkeypatch.setattr(file_dialogs, "getExistingDirectory", lambda *a, **k: asked.append(a[1]) or str(chosen))
    actions.set_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, ItaDialog) and dialog.isVisible()
    assert dialog.round_id == "q2"  # the round owed on 5 April 2569
    dialog.round_combo.setCurrentIndex(dialog.round_combo.findData("h1"))
    dialog.format_combo.setCurrentIndex(1)  # PDF only
    dialog.accept()
    qtbot.waitUntil(lambda: ops.running() == 0 and bool(boxes["information"]), timeout=30000)
    target = chosen / FOLDER
    assert sorted(p.name for p in target.iterdir()) == [
        "๑_บันทึกข้อความ_รอบ๖เดือน_2569.pdf", "๒_รายงานผลการดำเนินงาน_รอบ๖เดือน_2569.pdf",
        "๓_แบบฟอร์มการเผยแพร่ข้อมูล_รอบ๖เดือน_2569.pdf"]
    assert asked and "ITA" in asked[0]
    assert "https://trat.moe.go.th" in pdftext(target / "๑_บันทึกข้อความ_รอบ๖เดือน_2569.pdf")
    assert str(target) in boxes["information"][-1]
    assert (3, 3, "เสร็จแล้ว") in actions.progress_log
    assert any(t.startswith("กำลังจัดทำ ๒_รายงาน") for _d, _t2, t in actions.progress_log)

    # again: the folder has files, so the user is asked; No changes nothing, Yes replaces it
    before = {p.name: p.stat().st_mtime_ns for p in target.iterdir()}
    assert actions.make("h1", chosen, formats="pdf") is None
    assert boxes["question"] and {p.name: p.stat().st_mtime_ns for p in target.iterdir()} == before
    boxes["answers"]["question"] = QMessageBox.StandardButton.Yes
    assert actions.make("h1", chosen, formats="docx") is not None
    qtbot.waitUntil(lambda: ops.running() == 0 and len(boxes["information"]) == 2, timeout=30000)
    assert sorted(p.suffix for p in target.iterdir()) == [".docx"] * 3
    assert not [p for p in chosen.iterdir() if p.name.endswith(".part")]
