"""The narratives of the selected row's quarter, beside its evidence: ผลการดำเนินงาน (what was done, when,
where, how many took part), ปัญหาอุปสรรค and ข้อเสนอแนะ/แนวทางแก้ไข. Saved when the user leaves a box
(autosave) or presses Ctrl+S, through the same service call as the grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QWidget

from ..domain.progress import MAX_NOTE
from ..errors import TratError
from ..i18n import N_, _
from ..services import WorkItem
from . import display

FIELDS = (
    ("note", N_("ผลการดำเนินงาน"), N_("ทำอะไร เมื่อไร ที่ไหน ผู้เข้าร่วมกี่คน")),
    ("problems", N_("ปัญหาอุปสรรค"), N_("ถ้ามี")),
    ("suggestions", N_("ข้อเสนอแนะ/แนวทางแก้ไข"), N_("ถ้ามี")),
)


class NarrativePanel(QWidget):
    """Three text boxes for the selected row × quarter."""

    #: a stored entry after a save (the grid shows it)
    entry_saved = Signal(object)
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._progress: Any = None
        self.item: WorkItem | None = None
        self.quarter: int | None = None
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel()
        self.title.setWordWrap(True)
        layout.addWidget(self.title, 0, 0, 1, 3)
        self.boxes: dict[str, QPlainTextEdit] = {}
        #: the boxes the user changed since they were filled: only these are saved (the grid may change the
        #: same entry meanwhile, e.g. its note)
        self.dirty: set[str] = set()
        for column, (name, label, hint) in enumerate(FIELDS):
            caption = QLabel(_(label))
            box = QPlainTextEdit()
            box.setPlaceholderText(_(hint))
            box.setTabChangesFocus(True)  # Tab moves on, as in the grid
            box.installEventFilter(self)
            box.textChanged.connect(lambda name=name: self.dirty.add(name))
            caption.setBuddy(box)
            layout.addWidget(caption, 1, column)
            layout.addWidget(box, 2, column)
            self.boxes[name] = box
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message, 3, 0, 1, 3)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.show_line(None, None)

    def bind(self, progress: Any) -> None:
        self._progress = progress

    def show_line(self, item: WorkItem | None, quarter: int | None) -> None:
        """Show *item*'s *quarter* (None: nothing selected, boxes disabled)."""
        if (item, quarter) != (self.item, self.quarter):
            self.save()
        elif self.dirty:
            return  # the same cell, being typed in: keep what the user typed
        self.item, self.quarter = item, quarter
        entry = item.entry(quarter) if item is not None and quarter is not None else None
        editable = entry is not None and self._progress is not None and (
            quarter in item.quarters() or quarter in getattr(item, "outside", {}))
        for name, box in self.boxes.items():
            box.blockSignals(True)
            box.setPlainText(getattr(entry, name) if entry is not None else "")
            box.blockSignals(False)
            box.setEnabled(bool(editable))
        self.dirty.clear()
        if item is None or quarter is None:
            self.title.setText(_("เลือกไตรมาสของตัวชี้วัดในตารางเพื่อบันทึกรายละเอียดผลการดำเนินงาน"))
        else:
            self.title.setText(display.show_digits(_("ตัวชี้วัด {id} · ไตรมาส {quarter}").format(
                id=item.id, quarter=quarter)))
        self.message.setText("")

    def entry_changed(self, entry: Any) -> None:
        """An entry saved elsewhere (the grid, undo): show it if it is this cell's and nothing is being typed."""
        if self.item is None or self.quarter is None or self.dirty:
            return
        if (entry.indicator_uid, entry.agency_uid, entry.quarter) == (self.item.indicator_uid, self.item.agency_uid,
                                                                      self.quarter):
            for name, box in self.boxes.items():
                box.blockSignals(True)
                box.setPlainText(getattr(entry, name))
                box.blockSignals(False)

    def reload_cell(self) -> None:
        """Show this cell as stored now (after the grid saved something)."""
        if self.item is not None and self.quarter is not None and self._progress is not None:
            try:
                self.entry_changed(self._progress.current_entry(self.item, self.quarter))
            except TratError:
                pass

    def values(self) -> dict[str, str]:
        return {name: box.toPlainText() for name, box in self.boxes.items()}

    def save(self) -> bool:
        """Save what changed in the boxes; False when nothing was saved (refusals shown in Thai)."""
        item, quarter = self.item, self.quarter
        if item is None or quarter is None or self._progress is None:
            return False
        stored = self._progress.current_entry(item, quarter)
        changed = {name: text for name, text in self.values().items()
                   if name in self.dirty and text.strip() != getattr(stored, name)}
        if not changed:
            self.dirty.clear()
            return False
        too_long = [n for n, t in changed.items() if len(t) > MAX_NOTE]
        if too_long:
            self.message.setText(_("{field}ยาวเกิน {limit:,} ตัวอักษร ยังไม่ได้บันทึก").format(
                field=next(_(label) for name, label, _hint in FIELDS if name == too_long[0]), limit=MAX_NOTE))
            return False
        try:
            entry, _warnings = self._progress.set_progress(item, quarter, **changed)
        except TratError as exc:
            self.message.setText(_("ยังไม่ได้บันทึก: {message}").format(message=exc.message))
            return False
        self.dirty.clear()
        self.message.setText(_("บันทึกแล้ว"))
        self.entry_saved.emit(entry)
        self.status_message.emit(display.show_digits(_("บันทึกรายละเอียดผลการดำเนินงาน ตัวชี้วัด {id} ไตรมาส "
                                                       "{quarter} แล้ว").format(
            id=item.id, quarter=quarter)))
        return True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.FocusOut and obj in self.boxes.values():
            self.save()
        return False
