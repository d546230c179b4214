"""Who this installation is: an office (picked with Thai type-ahead) or the provincial
coordinator, plus the reporter and the head of office. Shown on first start and from the
"ตั้งค่า" menu; saves through ``ProgressService.set_identity``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..domain.identity import Identity
from ..errors import TratError
from ..i18n import N_, _
from .agency_completer import UID_ROLE, AgencyCompleter, AgencyLike, fill_agency_combo, match_agency
from .forms.ui_setup_dialog import Ui_SetupDialog

FIRST_RUN_TITLE = N_("ตั้งค่าครั้งแรก — เครื่องนี้เป็นของหน่วยงานใด")
SETTINGS_TITLE = N_("ตั้งค่าหน่วยงานและผู้รายงาน")
NO_AGENCY_TEXT = N_("ต้องเลือกหน่วยงาน (พิมพ์บางส่วนของชื่อแล้วเลือกจากรายการ)")


class IdentityStore(Protocol):
    """What the dialog needs from :class:`trat_desktop.services.ProgressService`."""

    def identity(self) -> Identity: ...
    def set_identity(self, identity: Identity) -> Identity: ...


class SetupDialog(QDialog):
    """Edit and save the installation's identity; a refused identity keeps the dialog open."""

    def __init__(self, progress: IdentityStore, agencies: Sequence[AgencyLike],
                 parent: QWidget | None = None, first_run: bool = False) -> None:
        super().__init__(parent)
        self.form = Ui_SetupDialog()
        self.form.setupUi(self)
        self.setWindowTitle(_(FIRST_RUN_TITLE if first_run else SETTINGS_TITLE))
        self._progress = progress
        self._agencies = list(agencies)
        self.saved_identity: Identity | None = None

        form = self.form
        self.completer: AgencyCompleter = fill_agency_combo(form.agencyCombo, self._agencies)
        form.agencyCombo.lineEdit().setPlaceholderText(_("พิมพ์ชื่อหน่วยงาน เช่น ศึกษาธิการ หรือ สสจ."))
        form.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(_("บันทึก"))
        form.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(_("ยกเลิก"))
        form.buttonBox.accepted.connect(self.accept)
        form.buttonBox.rejected.connect(self.reject)
        form.officeRadio.toggled.connect(self._on_role_changed)
        form.errorLabel.hide()
        self._load(progress.identity())
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()).width() + 80, self.sizeHint().height())

    def _load(self, identity: Identity) -> None:
        form = self.form
        coordinator = identity.role == "coordinator"
        form.coordinatorRadio.setChecked(coordinator)
        form.officeRadio.setChecked(not coordinator)
        position = form.agencyCombo.findData(identity.office_uid, UID_ROLE) if identity.office_uid else -1
        form.agencyCombo.setCurrentIndex(position)
        if position < 0:
            form.agencyCombo.setEditText(identity.office_name)
        form.reporterNameEdit.setText(identity.reporter_name)
        form.reporterPositionEdit.setText(identity.reporter_position)
        form.reporterPhoneEdit.setText(identity.reporter_phone)
        form.headNameEdit.setText(identity.head_name)
        form.headPositionEdit.setText(identity.head_position)
        self._on_role_changed()

    def _on_role_changed(self, *_: object) -> None:
        self.form.agencyCombo.setEnabled(self.form.officeRadio.isChecked())

    def identity(self) -> Identity:
        """The identity as filled in (the office as typed or resolved; not yet validated)."""
        form = self.form
        people = dict(
            reporter_name=form.reporterNameEdit.text().strip(),
            reporter_position=form.reporterPositionEdit.text().strip(),
            reporter_phone=form.reporterPhoneEdit.text().strip(),
            head_name=form.headNameEdit.text().strip(),
            head_position=form.headPositionEdit.text().strip(),
        )
        if form.coordinatorRadio.isChecked():
            return Identity(role="coordinator", **people)
        text = form.agencyCombo.currentText().strip()
        agency = match_agency(text, self._agencies)
        if agency is not None:
            return Identity(role="office", office_uid=agency.uid, office_name=agency.name, **people)
        return Identity(role="office", office_name=text, **people)

    def show_error(self, message: str) -> None:
        self.form.errorLabel.setText(message)
        self.form.errorLabel.show()

    def accept(self) -> None:
        """Save through the service; on a TratError show its Thai message and stay open."""
        identity = self.identity()
        if identity.role == "office" and not (identity.office_uid or identity.office_name):
            self.show_error(_(NO_AGENCY_TEXT))
            self.form.agencyCombo.setFocus()
            return
        try:
            self.saved_identity = self._progress.set_identity(identity)
        except TratError as exc:
            self.show_error(exc.message)
            return
        self.form.errorLabel.hide()
        super().accept()
