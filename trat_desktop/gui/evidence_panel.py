"""The evidence panel beside the entry grid: the files attached to the selected row's quarter,
with "แนบไฟล์…", "เปิด", "บันทึกสำเนา…" and "ลบ".

Attaching copies (and hashes) the file, which can take a moment for a big one, so it runs
off the GUI thread (:mod:`.ops`). Listing and removing are quick and stay here. The store
keeps each file under its content hash, without its name or extension: "เปิด" first copies
it to a temporary folder under its original name, so the system picks the right program.
Only document, image and media types are opened that way; anything else (a program, a
script, a macro document) can only be saved as a copy, so a hostile attachment cannot run.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QWidget

from .. import atomic
from ..errors import TratError
from ..services import ProgressService, WorkItem
from . import display  # (file_dialogs where a dialog opens: its Qt classes are not needed before the first paint)
from .forms.ui_evidence_panel import Ui_EvidencePanel
from .style import emphasise
from ..i18n import N_, _

EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LAST_DIR_KEY = "evidence/last_dir"
MISSING_HERE = N_("ไม่พบไฟล์ในเครื่องนี้ (ส่งออกไม่ได้จนกว่าจะนำออกหรือกู้คืนจากไฟล์สำรองที่มีหลักฐาน)")
#: File types the system viewer may open directly (documents, images, audio/video, archives).
SAFE_TO_OPEN = {
    ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic", ".heif",
    ".txt", ".csv", ".rtf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp",
    ".mp3", ".m4a", ".wav", ".mp4", ".mov", ".avi", ".wmv", ".mkv", ".zip",
}
NO_SELECTION = N_("เลือกไตรมาสของตัวชี้วัดในตาราง เพื่อดูหรือแนบไฟล์หลักฐาน")
HINT = N_("ภาพถ่าย PDF หรือเอกสาร ไฟล์ละไม่เกิน 50 MB · ไฟล์ที่แนบจะส่งไปพร้อมไฟล์ผลการดำเนินงาน")


def size_text(size: int) -> str:
    """'๘๕๔ KB', '๑.๒ MB'."""
    if size < 1024:
        text = _("{size} ไบต์").format(size=size)
    elif size < 1024 * 1024:
        text = f"{size / 1024:,.0f} KB"
    else:
        text = f"{size / (1024 * 1024):,.1f} MB"
    return display.show_digits(text)


def safe_file_name(name: str) -> str:
    """A file name usable on Windows and Linux (no folders, no reserved characters)."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", base).strip(" .")
    return base or _("หลักฐาน")


def viewer_copy(source: Path, file_name: str, sha256: str) -> Path:
    """A copy of a stored evidence file under its own name, in the temporary folder."""
    folder = Path(tempfile.gettempdir()) / "trat-desktop-evidence" / sha256[:16]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_file_name(file_name)
    if not target.exists() or target.stat().st_size != source.stat().st_size:
        shutil.copyfile(source, target)
    return target


class EvidencePanel(QWidget):
    """Evidence of one (work item, quarter); bound to the progress service with :meth:`bind`."""

    #: (indicator uid, agency uid, quarter, number of files) after an attach or a removal
    changed = Signal(str, str, int, int)
    #: a message for the status bar
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_EvidencePanel()
        self.form.setupUi(self)
        emphasise(self.form.titleLabel)
        self._progress: Any = None
        self._plans: Any = None
        self.settings: QSettings | None = None
        self.item: WorkItem | None = None
        self.quarter: int | None = None
        self.evidence: list[Any] = []
        self.last_error: str | None = None
        self.last_opened: Path | None = None
        self.busy = False
        form = self.form
        form.messageLabel.hide()
        form.attachButton.clicked.connect(self.choose_and_attach)
        form.openButton.clicked.connect(self.open_selected)
        form.saveButton.clicked.connect(self.save_selected)
        form.removeButton.clicked.connect(lambda: self.remove_selected())  # clicked(bool) is not *confirm*
        form.fileList.itemDoubleClicked.connect(lambda *_: self.open_selected())
        form.fileList.currentRowChanged.connect(lambda *_: self._update_buttons())
        self.show_line(None, None)

    def bind(self, progress: Any, plans: Any, settings: QSettings | None = None) -> None:
        """Use these services (a progress service with evidence methods, and its plan service)."""
        self._progress, self._plans, self.settings = progress, plans, settings

    @property
    def available(self) -> bool:
        return self._progress is not None and hasattr(self._progress, "evidence")

    # -- what is shown ------------------------------------------------------------------
    def show_line(self, item: WorkItem | None, quarter: int | None) -> None:
        """Show the evidence of *item*'s *quarter* (None: nothing selected)."""
        changed = (item, quarter) != (self.item, self.quarter)
        self.item, self.quarter = item, quarter
        if changed:
            self._clear_message()
        self.refresh()

    def in_period(self) -> bool:
        return self.item is not None and self.quarter is not None and self.quarter in self.item.quarters()

    def refresh(self) -> None:
        """Re-read the attached files from the service."""
        form = self.form
        form.hintLabel.setText(display.show_digits(_(HINT)))
        item, quarter = self.item, self.quarter
        form.fileList.clear()
        self.evidence = []
        if item is None or quarter is None or not self.available:
            form.titleLabel.setText(_("หลักฐานประกอบ"))
            form.contextLabel.setText(_(NO_SELECTION))
            self._update_buttons()
            return
        where = display.show_digits(_("ตัวชี้วัด {id} · ไตรมาส {quarter}").format(id=item.id, quarter=quarter))
        if not self.in_period():
            form.contextLabel.setText(f"{where}\n" + display.show_digits(
                _("ไตรมาส {quarter} อยู่นอกระยะเวลาดำเนินการ ({period}) จึงแนบหลักฐานไม่ได้").format(
                    quarter=quarter, period=display.quarter_text(item.row))))
        else:
            form.contextLabel.setText(f"{where}\n{display.show_digits(item.indicator)}")
        try:
            self.evidence = list(self._progress.evidence(item, quarter))
        except TratError as exc:
            self._show_message(exc.message)
        for evidence in self.evidence:
            when = display.timestamp_text(evidence.added_at) if evidence.added_at else ""
            gone = self._missing_here(evidence)
            entry = QListWidgetItem(f"{evidence.file_name}\n{size_text(evidence.size)}" + (f" · {when}" if when else "")
                                    + (f" · {_(MISSING_HERE)}" if gone else ""))
            entry.setData(EVIDENCE_ID_ROLE, evidence.id)
            entry.setToolTip(evidence.file_name)
            form.fileList.addItem(entry)
        form.titleLabel.setText(display.show_digits(_("หลักฐานประกอบ ({count})").format(count=len(self.evidence))))
        if self.evidence:
            form.fileList.setCurrentRow(0)
        self._update_buttons()

    def _missing_here(self, evidence: Any) -> bool:
        """The attached file's content is not on this PC (e.g. after restoring a backup without evidence)."""
        try:
            return not Path(self._progress.evidence_path(evidence)).is_file()
        except (AttributeError, TratError, OSError):
            return False

    def _update_buttons(self) -> None:
        form = self.form
        usable = self.in_period() and self.available and not self.busy
        selected = usable and form.fileList.currentRow() >= 0
        form.attachButton.setEnabled(usable)
        for button in (form.openButton, form.saveButton, form.removeButton):
            button.setEnabled(selected)
        form.fileList.setEnabled(self.in_period())

    def selected_evidence(self) -> Any | None:
        row = self.form.fileList.currentRow()
        return self.evidence[row] if 0 <= row < len(self.evidence) else None

    def file_names(self) -> list[str]:
        return [e.file_name for e in self.evidence]

    # -- messages -------------------------------------------------------------------------
    def _show_message(self, text: str) -> None:
        self.last_error = text
        self.form.messageLabel.setText(text)
        self.form.messageLabel.show()
        self.status_message.emit(text)

    def _clear_message(self) -> None:
        self.last_error = None
        self.form.messageLabel.hide()

    # -- attach ---------------------------------------------------------------------------
    def _start_dir(self) -> str:
        if self.settings is not None:
            return str(self.settings.value(LAST_DIR_KEY, str(Path.home())))
        return str(Path.home())

    def choose_and_attach(self) -> None:
        if not self.in_period():
            return
        from . import file_dialogs

        paths, _chosen = file_dialogs.getOpenFileNames(self, _("เลือกไฟล์หลักฐาน"), self._start_dir(),
                                                      _("ทุกไฟล์ (*);;ภาพถ่าย (*.jpg *.jpeg *.png *.heic);;PDF (*.pdf)"))
        if paths:
            if self.settings is not None:
                self.settings.setValue(LAST_DIR_KEY, str(Path(paths[0]).parent))
            self.attach_files([Path(p) for p in paths])

    def attach_files(self, paths: list[Path]) -> None:
        """Attach *paths* to the shown quarter, in the background; errors shown in Thai."""
        item, quarter = self.item, self.quarter
        if item is None or quarter is None or not self.in_period() or not self.available:
            return
        from .ops import error_text, report_progress, run_in_background  # (workers: not needed to show the page)

        def work(plans: Any) -> tuple[list[str], list[str]]:
            progress = ProgressService(plans)
            attached, failed = [], []
            for n, path in enumerate(paths):
                report_progress(n, len(paths), path.name)
                try:
                    attached.append(progress.attach_evidence(item, quarter, path).file_name)
                except TratError as exc:
                    failed.append(exc.message)
            return attached, failed

        self.busy = True
        self._clear_message()
        self._update_buttons()
        run_in_background(self, self._plans, work, lambda result: self._attached(item, quarter, *result),
                          on_error=lambda exc: self._attached(item, quarter, [], [error_text(exc)]),
                          label=_("กำลังแนบไฟล์หลักฐาน…"))

    def _attached(self, item: WorkItem, quarter: int, attached: list[str], failed: list[str]) -> None:
        self.busy = False
        if (item, quarter) == (self.item, self.quarter):
            self.refresh()
        if failed:
            self._show_message(_("แนบไฟล์ไม่ได้: {reasons}").format(reasons=" · ".join(failed)))
        if attached:
            self.status_message.emit(_("แนบหลักฐานแล้ว: {files}").format(files=", ".join(attached)))
        self._emit_changed(item, quarter)
        self._update_buttons()

    def _emit_changed(self, item: WorkItem, quarter: int) -> None:
        try:
            count = len(self._progress.evidence(item, quarter))
        except TratError:
            return
        self.changed.emit(item.indicator_uid, item.agency_uid, quarter, count)

    # -- open, save, remove ---------------------------------------------------------------
    def _stored_file(self, evidence: Any) -> Path | None:
        path = Path(self._progress.evidence_path(evidence))
        if not path.is_file():
            self._show_message(_("ไม่พบไฟล์ “{name}” ในเครื่องนี้ (ไฟล์ในโฟลเดอร์ข้อมูลอาจถูกลบหรือย้าย)").format(
                name=evidence.file_name))
            return None
        return path

    def open_selected(self) -> bool:
        """Open the selected file with the system's program (a copy under its own name)."""
        evidence = self.selected_evidence()
        if evidence is None:
            return False
        self._clear_message()
        if Path(evidence.file_name).suffix.lower() not in SAFE_TO_OPEN:
            self._show_message(_("ไม่เปิดไฟล์ “{name}” โดยตรงเพื่อความปลอดภัย (อาจเป็นโปรแกรมหรือสคริปต์) "
                                 "ใช้ “บันทึกสำเนา…” แล้วตรวจสอบไฟล์ก่อนเปิด").format(name=evidence.file_name))
            return False
        source = self._stored_file(evidence)
        if source is None:
            return False
        try:
            copy = viewer_copy(source, evidence.file_name, evidence.sha256)
        except OSError as exc:
            self._show_message(_("คัดลอกไฟล์เพื่อเปิดไม่ได้: {reason}").format(reason=exc.strerror or exc))
            return False
        self.last_opened = copy
        from PySide6.QtCore import QUrl  # (Qt classes PySide6 builds when first imported: not to show the page)
        from PySide6.QtGui import QDesktopServices

        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            self._show_message(_("ไม่มีโปรแกรมสำหรับเปิดไฟล์ “{name}” ในเครื่องนี้").format(name=evidence.file_name))
            return False
        return True

    def save_selected(self) -> Path | None:
        """Save a copy of the selected file where the user chooses."""
        evidence = self.selected_evidence()
        if evidence is None:
            return None
        self._clear_message()
        source = self._stored_file(evidence)
        if source is None:
            return None
        suggested = str(Path(self._start_dir()) / safe_file_name(evidence.file_name))
        from . import file_dialogs

        target, _chosen = file_dialogs.getSaveFileName(self, _("บันทึกสำเนาไฟล์หลักฐาน"), suggested)
        if not target:
            return None
        try:
            atomic.copy_file(source, target, _("สำเนาไฟล์หลักฐาน"))  # whole or not at all
        except TratError as exc:
            self._show_message(_("บันทึกสำเนาไม่ได้: {reason}").format(reason=exc.message))
            return None
        self.status_message.emit(_("บันทึกสำเนาแล้ว: {path}").format(path=target))
        return Path(target)

    def remove_selected(self, confirm: bool = True) -> bool:
        """Take the selected file off this quarter (after asking)."""
        evidence, item = self.selected_evidence(), self.item
        if evidence is None or item is None or self.quarter is None:
            return False
        if confirm:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self, _("ลบไฟล์หลักฐาน"),
                display.show_digits(_("นำไฟล์ “{name}” ออกจากหลักฐานของตัวชี้วัด {id} ไตรมาส {quarter} หรือไม่?").format(
                    name=evidence.file_name, id=item.id, quarter=self.quarter)))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self._clear_message()
        try:
            self._progress.remove_evidence(item, evidence.id)
        except TratError as exc:
            self._show_message(exc.message)
            return False
        self.status_message.emit(_("ลบไฟล์หลักฐาน “{name}” แล้ว").format(name=evidence.file_name))
        quarter = self.quarter
        self.refresh()
        self._emit_changed(item, quarter)
        return True
