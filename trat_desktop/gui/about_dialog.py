"""ช่วยเหลือ › เกี่ยวกับ Trat Desktop: name, version, purpose, this installation's data folder and
schema version, the Sarabun font's licence (OFL) and the components the app is built with."""

from __future__ import annotations

import sys
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QDir, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QVBoxLayout, QWidget

from .. import APP_NAME, __version__
from ..i18n import N_, _
from .forms.ui_about_dialog import Ui_AboutDialog
from .style import emphasise

ABOUT_TITLE = N_("เกี่ยวกับ {APP_NAME}")
NO_DATA = N_("(ไม่มี: ฐานข้อมูลนี้ไม่ได้อยู่ในไฟล์)")


def native(path: Any) -> str:
    """A path as the user's system writes it (backslashes on Windows)."""
    return QDir.toNativeSeparators(str(path))


class AboutDialog(QDialog):
    """The About box. *info* is :class:`trat_desktop.services.about.AppInfo` (None without a
    database file, e.g. over test fakes)."""

    def __init__(self, info: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from .app import app_icon
        from ..services.about import FONT_NOTE, PURPOSE

        self.form = Ui_AboutDialog()
        self.form.setupUi(self)
        self.info = info
        self.licence_dialog: QDialog | None = None
        form = self.form
        self.setWindowTitle(_(ABOUT_TITLE).format(APP_NAME=APP_NAME))
        self.setWindowIcon(app_icon())
        form.iconLabel.setPixmap(app_icon().pixmap(72, 72))
        emphasise(form.nameLabel, 1.8)
        form.nameLabel.setText(APP_NAME)
        version = info.version if info is not None else __version__
        form.versionLabel.setText(_("รุ่น {version}").format(version=version))
        form.purposeLabel.setText(info.purpose if info is not None else _(PURPOSE))
        if info is not None:
            form.dataDirLabel.setText(native(info.data_dir))
            form.dbLabel.setText(info.db_path.name)
            schema = _("รุ่นที่ {schema_version}").format(schema_version=info.schema_version)
            if info.schema_version != info.app_schema_version:
                schema += _(" (โปรแกรมนี้รองรับถึงรุ่นที่ {app_schema_version})").format(
                    app_schema_version=info.app_schema_version)
            form.schemaLabel.setText(schema)
        else:
            form.dataDirLabel.setText(_(NO_DATA))
            form.dbLabel.setText("–")
            form.schemaLabel.setText("–")
        form.fontLabel.setText(info.font_note if info is not None else _(FONT_NOTE))
        form.componentsLabel.setText(self.components_text())
        form.licenceButton.clicked.connect(self.show_font_licence)
        form.copyButton.clicked.connect(self.copy_details)
        form.closeButton.clicked.connect(self.accept)
        self.resize(680, self.sizeHint().height())

    @staticmethod
    def components_text() -> str:
        python = ".".join(str(v) for v in sys.version_info[:3])
        return (_("สร้างด้วย Python {python} และ Qt {qt} ผ่าน Qt for Python (PySide6 {pyside_version}) "
                  "ซึ่งใช้ภายใต้สัญญาอนุญาต LGPL รุ่น 3").format(
            python=python, qt=qVersion(), pyside_version=pyside_version))

    def details_text(self) -> str:
        """What "คัดลอกข้อมูลสำหรับแจ้งปัญหา" puts on the clipboard (plain text, for e-mail or LINE)."""
        info = self.info
        lines = [_("{APP_NAME} รุ่น {version}").format(
            APP_NAME=APP_NAME, version=info.version if info is not None else __version__)]
        if info is not None:
            lines += [_("โฟลเดอร์ข้อมูล: {data_dir}").format(data_dir=native(info.data_dir)),
                      _("ไฟล์ฐานข้อมูล: {db_path}").format(db_path=native(info.db_path)),
                      _("โครงสร้างฐานข้อมูลรุ่นที่ {schema_version} (โปรแกรมรองรับถึงรุ่นที่ {app_schema_version})").format(
                          schema_version=info.schema_version, app_schema_version=info.app_schema_version)]
        lines.append(f"Python {sys.version.split()[0]} · Qt {qVersion()} · PySide6 {pyside_version} · {sys.platform}")
        return "\n".join(lines)

    def copy_details(self) -> str:
        text = self.details_text()
        QGuiApplication.clipboard().setText(text)
        return text

    def show_font_licence(self) -> QDialog:
        """The OFL text shipped with the fonts, in a read-only box."""
        from ..services.about import font_licence_text

        dialog = QDialog(self)
        dialog.setWindowTitle(_("สัญญาอนุญาตแบบอักษร Sarabun (SIL Open Font License 1.1)"))
        layout = QVBoxLayout(dialog)
        text = QPlainTextEdit(dialog)
        text.setReadOnly(True)
        text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        text.setPlainText(font_licence_text() or _("ไม่พบไฟล์สัญญาอนุญาต (OFL.txt)"))
        layout.addWidget(text)
        dialog.resize(720, 560)
        self.licence_dialog = dialog
        dialog.open()
        return dialog
