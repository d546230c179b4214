"""The report chooser (รายงาน › …): which report, fiscal year, quarter or whole year, Thai or Arabic
digits, and what to do with it: ดูตัวอย่าง · พิมพ์… · บันทึกเป็น PDF… · บันทึกเป็น Word… (an editable .docx,
for the reports that have one; บันทึกไฟล์ Excel… for the workbook). The dialog only chooses; :class:`.report_actions.ReportActions` writes the file.

Plain data (:class:`ReportKind`, :class:`ReportRequest`) lives here too, so
it can be tested without a window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from ..domain.capabilities import can
from ..domain.identity import Identity
from ..domain.fiscal import ROUND_DUE_DAYS, default_quarter, default_year
from ..i18n import N_, _
from . import display
from .forms.ui_report_dialog import Ui_ReportDialog
from .style import emphasise

#: What the user asked for: open in the PDF viewer, open it to print, or save it where they choose.
PREVIEW, PRINT, SAVE = "preview", "print", "save"
ACTIONS = (PREVIEW, PRINT, SAVE)

#: The period combo's value for "the whole fiscal year".
WHOLE_YEAR = 0
#: The months of each fiscal quarter, as the period combo shows them.
QUARTER_MONTHS = {1: N_("ต.ค.–ธ.ค."), 2: N_("ม.ค.–มี.ค."), 3: N_("เม.ย.–มิ.ย."), 4: N_("ก.ค.–ก.ย.")}
#: The rounds beyond a quarter the period combo offers (ReportKind.rounds), with their months.
ROUND_MONTHS = {"h1": N_("ต.ค.–มี.ค."), "y": N_("ต.ค.–ก.ย.")}


@dataclass(frozen=True)
class ReportKind:
    """One entry of the รายงาน menu (its texts are marked for the catalog and translated where shown)."""

    key: str                 # office | province | plan | xlsx
    menu_text: str           # the menu item ("…": it opens the chooser)
    title: str               # in the chooser's combo
    description: str         # under the choices
    quarters: bool           # a quarter can be chosen
    whole_year: bool         # "ทั้งปีงบประมาณ" can be chosen
    pdf: bool                # a PDF (else the Excel workbook: no digits choice, no printing)
    capability: str          # the action of domain/capabilities.py that offers it in the menu
    word: bool = False       # can also be saved as an editable Word file (.docx)
    rounds: bool = False     # the reporting rounds รอบ ๖ เดือน and รอบ ๑๒ เดือน can be chosen too


KINDS: dict[str, ReportKind] = {k.key: k for k in (
    ReportKind("office", N_("รายงานผลการดำเนินงานของหน่วยงาน (ไตรมาส…)"),
               N_("แบบรายงานผลการดำเนินงานของหน่วยงาน (รายไตรมาส)"),
               N_("ผลการดำเนินงานของหน่วยงานนี้ในไตรมาสที่เลือก พร้อมช่องลงนามผู้รายงานและหัวหน้าส่วนราชการ "
                  "และรหัสตรวจสอบข้อมูล (QR) พิมพ์ ลงนาม แล้วส่งพร้อมไฟล์ผลการดำเนินงาน (.trat)"),
               quarters=True, whole_year=False, pdf=True, capability="offer_office_report", word=True, rounds=True),
    ReportKind("province", N_("รายงานภาพรวมจังหวัด…"),
               N_("รายงานผลการดำเนินงานภาพรวมจังหวัด"),
               N_("ผลรายยุทธศาสตร์ กิจกรรม และตัวชี้วัดของทุกหน่วยงาน หน่วยงานที่ยังรายงานไม่ครบ "
                  "ยอดรวมงบประมาณ และแผนภูมิความก้าวหน้า สำหรับไตรมาสที่เลือกหรือทั้งปีงบประมาณ"),
               quarters=True, whole_year=True, pdf=True, capability="province_report", word=True, rounds=True),
    ReportKind("plan", N_("พิมพ์แผนปฏิบัติการ…"),
               N_("แผนปฏิบัติการ (ตามรูปแบบเอกสารแผน)"),
               N_("แผนปฏิบัติการทั้งฉบับตามรูปแบบเอกสาร กระดาษ A4 แนวนอน หัวตารางซ้ำทุกหน้า "
                  "และยอดรวมงบประมาณรายยุทธศาสตร์"),
               quarters=False, whole_year=True, pdf=True, capability="plan_report", word=True),
    ReportKind("xlsx", N_("ส่งออก Excel…"),
               N_("ผลการดำเนินงานภาพรวม (ไฟล์ Excel)"),
               N_("สมุดงาน Excel (.xlsx): แผ่นสรุปรายยุทธศาสตร์ และแผ่นละหนึ่งยุทธศาสตร์ "
                  "ทุกตัวชี้วัดและหน่วยงาน (ร้อยละความสำเร็จ ผลเทียบเป้าหมาย ผลการดำเนินงาน ปัญหาอุปสรรค ข้อเสนอแนะ) "
                  "สรุปผลสัมฤทธิ์รายกิจกรรม ยุทธศาสตร์ และจังหวัด ตัวเลขเป็นตัวเลขที่นำไปคำนวณต่อได้ "
                  "สำหรับไตรมาส รอบรายงาน หรือทั้งปีงบประมาณ"),
               quarters=True, whole_year=True, pdf=False, capability="province_excel", rounds=True),
)}


def kinds_for(identity: Identity | None) -> list[ReportKind]:
    """The reports this installation is offered, in menu order (None: not set up yet)."""
    return [kind for kind in KINDS.values() if can(identity, kind.capability)]


@dataclass(frozen=True)
class ReportRequest:
    """One report to make: *quarter* None means the whole fiscal year (or the report's own default)."""

    kind: str
    fiscal_year: int | None = None
    quarter: int | None = None
    thai_digits: bool = True
    action: str = PREVIEW
    #: save the office or provincial report as an editable Word file (.docx) instead of a PDF
    word: bool = False
    #: a reporting round (h1, y) instead of a quarter ('' for none): the workbook offers them
    round_id: str = ""


class ReportDialog(QDialog):
    """Choose a report and an action; :attr:`action` and :meth:`request` say what was chosen
    once the dialog is accepted (an action button accepts it)."""

    def __init__(self, kinds: Sequence[ReportKind], years: Sequence[int], *, kind: str | None = None,
                 fiscal_year: int | None = None, today: dt.date | None = None, thai_digits: bool | None = None,
                 parent: QWidget | None = None, rounds_due: int = ROUND_DUE_DAYS) -> None:
        super().__init__(parent)
        self.form = Ui_ReportDialog()
        self.form.setupUi(self)
        self.kinds = list(kinds)
        self.today = today or dt.date.today()
        self.rounds_due = rounds_due
        self.action: str | None = None
        self.word = False
        form = self.form
        # บันทึกเป็น Word… beside บันทึกเป็น PDF… (shown for the reports that have a Word file)
        self.wordButton = QPushButton(_("บันทึกเป็น Word…"), self)
        self.wordButton.setObjectName("wordButton")
        self.wordButton.setToolTip(_("บันทึกเป็นเอกสาร Word (.docx) ที่แก้ไขได้ ตาราง หัวตารางซ้ำทุกหน้า อักษร TH SarabunPSK"))
        form.buttonsLayout.insertWidget(form.buttonsLayout.indexOf(form.saveButton) + 1, self.wordButton)
        emphasise(form.titleLabel, 1.3)
        for k in self.kinds:
            form.kindCombo.addItem(_(k.title), k.key)
        for year in years:
            form.yearCombo.addItem(display.show_digits(str(year)), year)
        if fiscal_year not in years:
            fiscal_year = default_year(self.today, years, rounds_due)
        if fiscal_year is not None:
            form.yearCombo.setCurrentIndex(list(years).index(fiscal_year))
        thai = display.thai_digits_enabled() if thai_digits is None else thai_digits
        (form.thaiDigitsRadio if thai else form.arabicDigitsRadio).setChecked(True)
        keys = [k.key for k in self.kinds]
        form.kindCombo.setCurrentIndex(keys.index(kind) if kind in keys else 0)
        self._on_kind()
        form.kindCombo.currentIndexChanged.connect(lambda _i: self._on_kind())
        form.yearCombo.currentIndexChanged.connect(lambda _i: self._fill_periods())
        form.previewButton.clicked.connect(lambda: self.choose(PREVIEW))
        form.printButton.clicked.connect(lambda: self.choose(PRINT))
        form.saveButton.clicked.connect(lambda: self.choose(SAVE))
        self.wordButton.clicked.connect(lambda: self.choose(SAVE, word=True))
        form.closeButton.clicked.connect(self.reject)
        has_years = bool(years) and bool(self.kinds)
        for button in (form.previewButton, form.printButton, form.saveButton, self.wordButton):
            button.setEnabled(button.isEnabled() and has_years)
        if not years:
            form.descriptionLabel.setText(_("ยังไม่มีแผนปฏิบัติการในฐานข้อมูล"))
        self._fit_height()

    # -- what is chosen --------------------------------------------------------------------
    def kind(self) -> ReportKind:
        return KINDS[str(self.form.kindCombo.currentData())]

    def fiscal_year(self) -> int | None:
        year = self.form.yearCombo.currentData()
        return int(year) if year is not None else None

    def quarter(self) -> int | None:
        """The chosen quarter, None for the whole year (and for the plan)."""
        value = self.form.periodCombo.currentData()
        return int(value) if isinstance(value, int) and value else None

    def round_id(self) -> str:
        """The chosen reporting round (h1, y), '' for a quarter or the whole year."""
        value = self.form.periodCombo.currentData()
        return value if isinstance(value, str) else ""

    def thai_digits(self) -> bool:
        return self.form.thaiDigitsRadio.isChecked()

    def request(self) -> ReportRequest:
        return ReportRequest(self.kind().key, self.fiscal_year(), self.quarter(), self.thai_digits(),
                             self.action or PREVIEW, word=self.word and self.kind().word, round_id=self.round_id())

    def set_period(self, quarter: int | str | None) -> bool:
        """Choose quarter 1-4, a round (h1, y) or None for the whole year; False when this report has no such
        choice."""
        index = self.form.periodCombo.findData(quarter or WHOLE_YEAR)
        if index < 0:
            return False
        self.form.periodCombo.setCurrentIndex(index)
        return True

    def choose(self, action: str, word: bool = False) -> None:
        """An action button: remember it (and whether a Word file was asked for) and close the dialog."""
        self.action = action
        self.word = word
        self.accept()

    def _fit_height(self) -> None:
        """As tall as the wrapped description needs at the dialog's width, no taller."""
        layout = self.layout()
        layout.activate()
        height = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else self.sizeHint().height()
        self.resize(self.width(), max(height, self.minimumSizeHint().height()))

    # -- keeping the choices consistent ----------------------------------------------------
    def _on_kind(self) -> None:
        form, kind = self.form, self.kind()
        self._fill_periods()
        form.thaiDigitsRadio.setEnabled(kind.pdf)
        form.arabicDigitsRadio.setEnabled(kind.pdf)
        form.digitsCaption.setEnabled(kind.pdf)
        form.printButton.setVisible(kind.pdf)
        self.wordButton.setVisible(kind.word)
        form.saveButton.setText(_("บันทึกเป็น PDF…") if kind.pdf else _("บันทึกไฟล์ Excel…"))
        form.previewButton.setText(_("ดูตัวอย่าง") if kind.pdf else _("เปิดดู"))
        form.previewButton.setToolTip(_("เปิดรายงานในโปรแกรมดู PDF ของเครื่อง (ยังไม่บันทึกไฟล์)") if kind.pdf
                                      else _("เปิดไฟล์ในโปรแกรมตารางคำนวณของเครื่อง (ยังไม่บันทึกไฟล์)"))
        form.descriptionLabel.setText(_(kind.description))
        self.setWindowTitle(_(kind.title))

    def _fill_periods(self) -> None:
        form, kind = self.form, self.kind()
        combo = form.periodCombo
        combo.blockSignals(True)
        combo.clear()
        if kind.quarters:
            for q in range(1, 5):
                combo.addItem(display.show_digits(_("ไตรมาส {quarter}").format(quarter=q)) + f" ({_(QUARTER_MONTHS[q])})", q)
        if kind.rounds:
            for key, months in ROUND_MONTHS.items():
                combo.addItem(display.round_name(key) + f" ({_(months)})", key)
        if kind.whole_year:
            combo.addItem(_("ทั้งแผน") if not kind.quarters else _("ทั้งปีงบประมาณ"), WHOLE_YEAR)
        if kind.quarters and kind.key != "xlsx":
            combo.setCurrentIndex(default_quarter(self.fiscal_year(), self.today, self.rounds_due) - 1)
        else:
            combo.setCurrentIndex(combo.count() - 1)
        combo.setEnabled(combo.count() > 1)
        form.periodCaption.setEnabled(combo.count() > 1)
        combo.blockSignals(False)
