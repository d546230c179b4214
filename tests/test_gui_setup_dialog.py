"""The set-up dialog: Thai type-ahead for the office, saving the identity through the
service, refusing an empty or unknown office; first-run and Settings-menu entry points."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog

from gui_office_support import EDU, EDU_ROWS, HEALTH, TODAY, settings, thai_digits  # noqa: F401 - fixtures
from trat_desktop.domain.identity import Identity
from trat_desktop.gui.agency_completer import match_agency
from trat_desktop.gui.app import run_gui
from trat_desktop.gui.main_window import MainWindow
from trat_desktop.gui.setup_dialog import NO_AGENCY_TEXT, SetupDialog
from trat_desktop.services import PlanService, ProgressService


def make_dialog(qtbot, service: PlanService, progress: ProgressService | None = None) -> SetupDialog:
    dialog = SetupDialog(progress or ProgressService(service), service.agencies(), first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_thai(widget, text: str) -> None:
    """Commit Thai text the way an input method does."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def completions(dialog: SetupDialog, text: str) -> list[str]:
    completer = dialog.completer
    completer.setCompletionPrefix(text)
    found = []
    for row in range(completer.completionCount()):
        completer.setCurrentRow(row)
        found.append(completer.currentCompletion())
    return found


def test_type_ahead_matches_names_short_names_and_aliases(qtbot, service) -> None:
    dialog = make_dialog(qtbot, service)
    assert completions(dialog, "ศึกษาธิการ") == [EDU]  # part of the name
    assert completions(dialog, "สสจ") == [HEALTH]  # an alias (สสจ.ตราด)
    assert completions(dialog, "สนง.คลัง") == ["สำนักงานคลังจังหวัดตราด"]  # part of a short name
    assert completions(dialog, "กปภ") == ["การประปาส่วนภูมิภาคสาขาตราด"]
    assert len(completions(dialog, "สำนักงาน")) > 10


def test_typing_thai_opens_the_completer_popup(qtbot, service) -> None:
    dialog = make_dialog(qtbot, service)
    edit = dialog.form.agencyCombo.lineEdit()
    edit.clear()
    edit.setFocus()
    type_thai(edit, "ศึกษา")
    assert edit.text() == "ศึกษา"
    qtbot.waitUntil(lambda: dialog.completer.popup().isVisible())
    popup = dialog.completer.popup()
    assert popup.model().rowCount() == 1
    assert popup.model().index(0, 0).data() == EDU


def test_match_agency_resolves_what_was_typed(service) -> None:
    agencies = service.agencies()
    assert match_agency("สนง.ศึกษาธิการ จ.ตราด", agencies).name == EDU
    assert match_agency("  ศึกษาธิการ ", agencies).name == EDU
    assert match_agency("สสจ.ตราด", agencies).name == HEALTH
    assert match_agency("สำนักงาน", agencies) is None  # several
    assert match_agency("", agencies) is None


def test_the_dialog_saves_an_office_identity(qtbot, service) -> None:
    progress = ProgressService(service)
    dialog = make_dialog(qtbot, service, progress)
    form = dialog.form
    assert form.officeRadio.isChecked() and form.agencyCombo.isEnabled()
    form.agencyCombo.setEditText("ศึกษาธิการ")
    form.reporterNameEdit.setText("นางสาวสมใจ ใจดี")
    form.reporterPositionEdit.setText("นักวิเคราะห์นโยบายและแผน")
    form.reporterPhoneEdit.setText("๐ ๓๙๕๑ ๑๒๓๔")
    form.headNameEdit.setText("นายสมชาย รักดี")
    form.headPositionEdit.setText("ศึกษาธิการจังหวัดตราด")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    me = ProgressService(service).identity()
    assert me.is_set_up and me.role == "office" and me.office_name == EDU
    assert me.office_uid == next(a.uid for a in service.agencies() if a.name == EDU)
    assert (me.reporter_name, me.reporter_phone, me.head_name) == ("นางสาวสมใจ ใจดี", "๐ ๓๙๕๑ ๑๒๓๔", "นายสมชาย รักดี")
    again = make_dialog(qtbot, service, progress)  # opened later from the menu: shows what was saved
    assert again.form.agencyCombo.currentText() == EDU
    assert again.form.headPositionEdit.text() == "ศึกษาธิการจังหวัดตราด"


def test_the_dialog_refuses_an_empty_office(qtbot, service) -> None:
    dialog = make_dialog(qtbot, service)
    dialog.form.agencyCombo.setEditText("")
    dialog.form.reporterNameEdit.setText("สมใจ")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.form.errorLabel.isVisible() and dialog.form.errorLabel.text() == NO_AGENCY_TEXT
    assert not ProgressService(service).identity().is_set_up


def test_the_service_message_is_shown_for_an_unknown_office(qtbot, service) -> None:
    dialog = make_dialog(qtbot, service)
    dialog.form.agencyCombo.setEditText("สำนักงานที่ไม่มีจริง")
    dialog.accept()
    assert dialog.isVisible()
    assert "ไม่พบหน่วยงาน" in dialog.form.errorLabel.text()
    assert not ProgressService(service).identity().is_set_up


def test_the_dialog_saves_the_coordinator(qtbot, service) -> None:
    dialog = make_dialog(qtbot, service)
    dialog.form.coordinatorRadio.setChecked(True)
    assert not dialog.form.agencyCombo.isEnabled()
    dialog.accept()
    me = ProgressService(service).identity()
    assert me.role == "coordinator" and me.is_set_up


def test_first_run_shows_the_dialog_and_then_the_office_rows(qtbot, service, settings) -> None:
    progress = ProgressService(service)
    window = MainWindow(service, progress=progress, settings=settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    page = window.office_page
    assert page.form.setupPrompt.isVisibleTo(page)
    assert page.model.item_count() == 0
    seen: list[str] = []

    def fill() -> None:
        dialog = window.setup_dialog
        seen.append(dialog.windowTitle())
        dialog.form.agencyCombo.setEditText(EDU)
        dialog.form.buttonBox.accepted.emit()

    QTimer.singleShot(0, fill)
    window.start()  # blocks in the dialog until fill() saves
    assert seen and "ตั้งค่าครั้งแรก" in seen[0]
    assert progress.identity().office_name == EDU
    assert page.model.item_count() == EDU_ROWS
    assert not page.form.setupPrompt.isVisibleTo(page)
    assert window.form.pageTabs.currentWidget() is page


def test_settings_menu_reopens_the_dialog(qtbot, service, settings) -> None:
    progress = ProgressService(service)
    progress.set_identity(Identity(role="office", office_name=EDU))
    window = MainWindow(service, progress=progress, settings=settings)
    qtbot.addWidget(window)
    window.show()
    assert window.form.actionSetup in window.form.menuSettings.actions()
    assert window.form.menuSettings.title() == "ตั้งค่า"
    assert window.form.actionThaiDigits in window.form.menuSettings.actions()

    def switch() -> None:
        dialog = window.setup_dialog
        assert dialog.form.agencyCombo.currentText() == EDU
        dialog.form.agencyCombo.setEditText("สสจ.ตราด")
        dialog.form.buttonBox.accepted.emit()

    QTimer.singleShot(0, switch)
    window.form.actionSetup.trigger()
    assert progress.identity().office_name == HEALTH
    assert {i.agency_name for i in window.office_page.model.items()} == {HEALTH}
    window.start()  # already set up: no dialog, returns at once


def test_smoke_test_skips_the_setup_dialog(qapp, service, capsys) -> None:
    assert not ProgressService(service).identity().is_set_up
    assert run_gui(service, smoke_test=True) == 0  # returns without waiting for anyone
    assert "ok" in capsys.readouterr().out
