# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agency_picker.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListView,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_AgencyPickerDialog(object):
    def setupUi(self, AgencyPickerDialog):
        if not AgencyPickerDialog.objectName():
            AgencyPickerDialog.setObjectName(u"AgencyPickerDialog")
        AgencyPickerDialog.resize(560, 620)
        self.dialogLayout = QVBoxLayout(AgencyPickerDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.rowLabel = QLabel(AgencyPickerDialog)
        self.rowLabel.setObjectName(u"rowLabel")
        self.rowLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.rowLabel)

        self.filterEdit = QLineEdit(AgencyPickerDialog)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.dialogLayout.addWidget(self.filterEdit)

        self.agencyList = QListView(AgencyPickerDialog)
        self.agencyList.setObjectName(u"agencyList")
        self.agencyList.setAlternatingRowColors(True)
        self.agencyList.setWordWrap(True)

        self.dialogLayout.addWidget(self.agencyList)

        self.countLayout = QHBoxLayout()
        self.countLayout.setObjectName(u"countLayout")
        self.countLabel = QLabel(AgencyPickerDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.countLayout.addWidget(self.countLabel)

        self.countSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.countLayout.addItem(self.countSpacer)

        self.clearButton = QPushButton(AgencyPickerDialog)
        self.clearButton.setObjectName(u"clearButton")
        self.clearButton.setAutoDefault(False)

        self.countLayout.addWidget(self.clearButton)


        self.dialogLayout.addLayout(self.countLayout)

        self.errorLabel = QLabel(AgencyPickerDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AgencyPickerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(2, 1)

        self.retranslateUi(AgencyPickerDialog)

        QMetaObject.connectSlotsByName(AgencyPickerDialog)
    # setupUi

    def retranslateUi(self, AgencyPickerDialog):
        AgencyPickerDialog.setWindowTitle(_(u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e1c\u0e39\u0e49\u0e23\u0e31\u0e1a\u0e1c\u0e34\u0e14\u0e0a\u0e2d\u0e1a"))
        self.rowLabel.setText("")
#if QT_CONFIG(tooltip)
        self.filterEdit.setToolTip(_(u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e0a\u0e37\u0e48\u0e2d \u0e0a\u0e37\u0e48\u0e2d\u0e22\u0e48\u0e2d \u0e2b\u0e23\u0e37\u0e2d\u0e0a\u0e37\u0e48\u0e2d\u0e2d\u0e37\u0e48\u0e19\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e04\u0e49\u0e19\u0e2b\u0e32"))
#endif // QT_CONFIG(tooltip)
        self.filterEdit.setPlaceholderText(_(u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e04\u0e49\u0e19\u0e2b\u0e32\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u2026"))
#if QT_CONFIG(tooltip)
        self.agencyList.setToolTip(_(u"\u0e17\u0e33\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e2b\u0e21\u0e32\u0e22\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e23\u0e31\u0e1a\u0e1c\u0e34\u0e14\u0e0a\u0e2d\u0e1a\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14\u0e19\u0e35\u0e49 (\u0e04\u0e25\u0e34\u0e01 \u0e2b\u0e23\u0e37\u0e2d\u0e01\u0e14 Space)"))
#endif // QT_CONFIG(tooltip)
        self.countLabel.setText("")
        self.clearButton.setText(_(u"\u0e44\u0e21\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e17\u0e31\u0e49\u0e07\u0e2b\u0e21\u0e14"))
        self.errorLabel.setText("")
    # retranslateUi

