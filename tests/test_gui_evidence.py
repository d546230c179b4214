"""Evidence files on the entry page: attach (in the background), list, open a named copy,
save a copy, remove; out-of-period quarters; Thai errors for a missing or too big file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from trat_desktop.gui import file_dialogs

from gui_office_support import (  # noqa: F401 - fixtures
    fresh_items,
    progress,
    settings,
    thai_digits,
    window,
)
from trat_desktop.gui import ops
from trat_desktop.gui.entry_model import WorkEntryModel as M
from trat_desktop.gui.evidence_panel import safe_file_name


def select(window, item_id: str, quarter: int) -> Any:
    """Make the quarter line of *item_id* current in the grid; returns the evidence panel."""
    page = window.office_page
    item = next(i for i in page.model.items() if i.id == item_id)
    page.table.setCurrentIndex(page.model.index_of(item, quarter, M.COL_QUARTER))
    return page.evidence_panel


def attach(qtbot, monkeypatch, panel, paths: list[Path]) -> None:
    monkeypatch.setattr(file_dialogs, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], ""))
    qtbot.mouseClick(panel.form.attachButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ops.running() == 0 and not panel.busy, timeout=15000)


def test_attach_list_open_and_remove(qtbot, monkeypatch, tmp_path, window, progress) -> None:
    panel = select(window, "1/1.5/2", 2)
    assert panel.form.attachButton.isEnabled() and panel.file_names() == []
    assert "๑/๑.๕/๒" in panel.form.contextLabel.text() and "ไตรมาส ๒" in panel.form.contextLabel.text()
    photo = tmp_path / "ภาพกิจกรรม.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 report")
    attach(qtbot, monkeypatch, panel, [photo, report])
    assert sorted(panel.file_names()) == sorted(["ภาพกิจกรรม.jpg", "report.pdf"])
    assert panel.form.titleLabel.text() == "หลักฐานประกอบ (๒)" and panel.last_error is None
    item = fresh_items(window.office_page._plans)["1/1.5/2"]
    assert sorted(e.file_name for e in progress.evidence(item, 2)) == sorted(["ภาพกิจกรรม.jpg", "report.pdf"])
    # the grid marks the quarter that has evidence
    model = window.office_page.model
    assert model.data(model.index_of(item, 2, M.COL_QUARTER), Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index_of(item, 3, M.COL_QUARTER), Qt.ItemDataRole.DecorationRole) is None
    assert "มีหลักฐานแนบ ๒ ไฟล์" in model.data(model.index_of(item, 2, M.COL_QUARTER), Qt.ItemDataRole.ToolTipRole)

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    panel.form.fileList.setCurrentRow(panel.file_names().index("ภาพกิจกรรม.jpg"))
    qtbot.mouseClick(panel.form.openButton, Qt.MouseButton.LeftButton)
    [url] = opened
    copy = Path(url.toLocalFile())
    assert copy.name == "ภาพกิจกรรม.jpg" and copy.read_bytes() == photo.read_bytes()

    saved = tmp_path / "saved.pdf"
    monkeypatch.setattr(file_dialogs, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    panel.form.fileList.setCurrentRow(panel.file_names().index("report.pdf"))
    qtbot.mouseClick(panel.form.saveButton, Qt.MouseButton.LeftButton)
    assert saved.read_bytes() == report.read_bytes()

    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or answer[0])
    qtbot.mouseClick(panel.form.removeButton, Qt.MouseButton.LeftButton)  # asked, declined: nothing removed
    assert len(asked) == 1 and "report.pdf" in asked[0]
    assert sorted(panel.file_names()) == ["report.pdf", "ภาพกิจกรรม.jpg"]
    answer[0] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(panel.form.removeButton, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and panel.file_names() == ["ภาพกิจกรรม.jpg"]
    assert [e.file_name for e in progress.evidence(item, 2)] == ["ภาพกิจกรรม.jpg"]
    qtbot.mouseClick(panel.form.removeButton, Qt.MouseButton.LeftButton)
    assert panel.file_names() == [] and progress.evidence(item, 2) == []
    assert model.data(model.index_of(item, 2, M.COL_QUARTER), Qt.ItemDataRole.DecorationRole) is None
    assert not panel.form.removeButton.isEnabled()


def test_out_of_period_quarter_cannot_take_evidence(window) -> None:
    panel = select(window, "1/1.2/1", 1)  # this row runs in quarters 2-4
    assert not panel.form.attachButton.isEnabled() and not panel.form.fileList.isEnabled()
    assert "นอกระยะเวลาดำเนินการ" in panel.form.contextLabel.text()
    panel = select(window, "1/1.2/1", 2)
    assert panel.form.attachButton.isEnabled()
    window.office_page.table.setCurrentIndex(window.office_page.model.index(0, 0))  # a strategy line
    assert not panel.form.attachButton.isEnabled() and "เลือกไตรมาส" in panel.form.contextLabel.text()


def test_missing_and_too_big_files_are_refused_in_thai(qtbot, monkeypatch, tmp_path, window, progress) -> None:
    panel = select(window, "1/1.5/2", 2)
    attach(qtbot, monkeypatch, panel, [tmp_path / "ไม่มีไฟล์นี้.pdf"])
    assert panel.last_error is not None and "ไม่พบไฟล์" in panel.last_error
    assert panel.form.messageLabel.isVisible() and panel.file_names() == []
    monkeypatch.setattr("trat_desktop.store.evidence.MAX_EVIDENCE_BYTES", 10)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 100)
    attach(qtbot, monkeypatch, panel, [big])
    assert "ใหญ่เกิน" in (panel.last_error or "") and panel.file_names() == []


def test_programs_are_not_opened_directly(qtbot, monkeypatch, tmp_path, window) -> None:
    panel = select(window, "1/1.5/2", 2)
    script = tmp_path / "รายงาน.pdf.exe"
    script.write_bytes(b"MZ")
    attach(qtbot, monkeypatch, panel, [script])
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert not panel.open_selected() and opened == []
    assert "ความปลอดภัย" in (panel.last_error or "")


@pytest.mark.parametrize("name, safe", [("../../etc/passwd", "passwd"), ('a<b>:c?.pdf', "a_b__c_.pdf"),
                                        ("C:\\x\\ภาพ.jpg", "ภาพ.jpg"), ("...", "หลักฐาน")])
def test_safe_file_names(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


def test_a_file_missing_on_this_pc_is_marked(qtbot, monkeypatch, tmp_path, window, progress) -> None:
    from trat_desktop.gui.evidence_panel import MISSING_HERE

    panel = select(window, "1/1.5/2", 2)
    photo = tmp_path / "ภาพ.jpg"
    photo.write_bytes(b"\xff\xd8 missing later")
    attach(qtbot, monkeypatch, panel, [photo])
    assert MISSING_HERE not in panel.form.fileList.item(0).text()
    item = fresh_items(window.office_page._plans)["1/1.5/2"]
    [attached] = progress.evidence(item, 2)
    progress.evidence_path(attached).unlink()  # as after restoring a backup made without evidence
    panel.refresh()
    assert MISSING_HERE in panel.form.fileList.item(0).text()
