"""กำหนดรอบรายงาน (coordinator): each round's period and due date, typed as Thai dates.

One line per round (ไตรมาส ๑–๔, รอบ ๖ เดือน, รอบ ๑๒ เดือน): ตั้งแต่, ถึง, ครบกำหนดส่ง. A date is typed as people
write it ("๓๑ ส.ค. ๒๕๖๙", "31/8/2569", "2026-08-31"); domain/rounds.py reads it and says in Thai what is wrong.
Saving goes through services/rounds.py ``RoundService.set_dates`` (the CLI's ``round set``); the dates travel
to the offices in the next plan package.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from ..domain import rounds as rules
from ..errors import TratError
from ..i18n import N_, _
from . import display
from .qt_thai import name_buttons

FIELDS = ("start", "end", "due")
HEADERS = (N_("รอบรายงาน"), N_("ตั้งแต่"), N_("ถึง"), N_("ครบกำหนดส่ง"), N_("ไตรมาสที่ครอบคลุม"))


def date_text(day: dt.date) -> str:
    return display.short_date_text(day)  # parse_date reads it back in either language


class RoundDatesDialog(QDialog):
    """The year's rounds with editable dates; OK ("บันทึกรอบรายงาน") only while every line reads."""

    def __init__(self, parent: QWidget | None, service: Any, fiscal_year: int) -> None:
        super().__init__(parent)
        self.service = service
        self.fiscal_year = fiscal_year
        self.setWindowTitle(display.show_digits(_("กำหนดรอบรายงาน ปีงบประมาณ พ.ศ. {fiscal_year}").format(
            fiscal_year=fiscal_year)))
        self.rounds = {r.id: r for r in service.rounds(fiscal_year)}
        layout = QVBoxLayout(self)
        hint = QLabel(_("พิมพ์วันที่แบบไทย เช่น ๓๑ ส.ค. ๒๕๖๙ หรือ 31/8/2569 · รอบ ๑๒ เดือนอาจตัดที่ ๓๑ ส.ค. "
                      "สำหรับการประเมิน ITA · วันที่จะส่งถึงหน่วยงานพร้อมแพ็กเกจแผนครั้งถัดไป"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        grid = QGridLayout()
        layout.addLayout(grid)  # first: the line edits belong to the dialog as they are made (their Tab order)
        for column, text in enumerate(HEADERS):
            grid.addWidget(QLabel(f"<b>{_(text)}</b>"), 0, column)
        self.edits: dict[str, dict[str, QLineEdit]] = {}
        self.quarter_labels: dict[str, QLabel] = {}
        self.error_labels: dict[str, QLabel] = {}
        previous: QWidget | None = None
        line = 1
        for round_id, item in self.rounds.items():
            name = QLabel(display.round_name(item))
            grid.addWidget(name, line, 0)
            edits = {}
            for column, field in enumerate(FIELDS, start=1):
                edit = QLineEdit(date_text(getattr(item, field)))
                edit.setObjectName(f"{round_id}_{field}")
                edit.setAccessibleName(f"{display.round_name(item)} {_(HEADERS[column])}")
                edit.textChanged.connect(lambda _t, r=round_id: self.check(r))
                grid.addWidget(edit, line, column)
                edits[field] = edit
                if previous is not None:
                    QWidget.setTabOrder(previous, edit)
                previous = edit
            name.setBuddy(edits["start"])
            self.edits[round_id] = edits
            self.quarter_labels[round_id] = QLabel()
            grid.addWidget(self.quarter_labels[round_id], line, 4)
            error = QLabel()
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            grid.addWidget(error, line + 1, 0, 1, len(HEADERS))
            self.error_labels[round_id] = error
            line += 2
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons, _("บันทึกรอบรายงาน"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.saved: list[rules.Round] = []
        for round_id in self.rounds:
            self.check(round_id)
        self.resize(760, self.sizeHint().height())

    # -- reading the lines ------------------------------------------------------------------
    def typed(self, round_id: str) -> rules.Round:
        """The round as typed on its line (raises RoundError in Thai)."""
        edits = self.edits[round_id]
        days = {field: rules.parse_date(edits[field].text()) for field in FIELDS}
        return rules.check_dates(rules.Round(self.fiscal_year, round_id, days["start"], days["end"], days["due"]))

    def problems(self) -> dict[str, str]:
        found = {}
        for round_id in self.rounds:
            try:
                self.typed(round_id)
            except TratError as exc:
                found[round_id] = exc.message
        return found

    def check(self, round_id: str) -> None:
        error = self.error_labels[round_id]
        try:
            item = self.typed(round_id)
        except TratError as exc:
            error.setText(exc.message)
            error.show()
            self.quarter_labels[round_id].setText("")
        else:
            error.hide()
            self.quarter_labels[round_id].setText(
                display.show_digits(", ".join(str(q) for q in item.quarters())))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not self.problems())

    def changed(self) -> list[rules.Round]:
        """The rounds whose typed dates differ from the stored ones."""
        found = []
        for round_id, stored in self.rounds.items():
            typed = self.typed(round_id)
            if (typed.start, typed.end, typed.due) != (stored.start, stored.end, stored.due):
                found.append(typed)
        return found

    def save(self) -> None:
        """Store the changed rounds through the service (each one checked there again)."""
        if self.problems():
            return
        try:
            for item in self.changed():
                self.saved.append(self.service.set_dates(self.fiscal_year, item.id, item.start.isoformat(),
                                                         item.end.isoformat(), item.due.isoformat()))
        except TratError as exc:
            self.error_labels[next(iter(self.rounds))].setText(exc.message)
            self.error_labels[next(iter(self.rounds))].show()
            return
        self.accept()
