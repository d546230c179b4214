# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agencies_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_AgenciesDialog(object):
    def setupUi(self, AgenciesDialog):
        if not AgenciesDialog.objectName():
            AgenciesDialog.setObjectName(u"AgenciesDialog")
        AgenciesDialog.resize(980, 620)
        self.dialogLayout = QVBoxLayout(AgenciesDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.filterEdit = QLineEdit(AgenciesDialog)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.dialogLayout.addWidget(self.filterEdit)

        self.agencyTable = QTableView(AgenciesDialog)
        self.agencyTable.setObjectName(u"agencyTable")
        self.agencyTable.setAlternatingRowColors(True)
        self.agencyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agencyTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agencyTable.setWordWrap(True)

        self.dialogLayout.addWidget(self.agencyTable)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.addButton = QPushButton(AgenciesDialog)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.addButton)

        self.editButton = QPushButton(AgenciesDialog)
        self.editButton.setObjectName(u"editButton")
        self.editButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.editButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.countLabel = QLabel(AgenciesDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.buttonsLayout.addWidget(self.countLabel)


        self.dialogLayout.addLayout(self.buttonsLayout)

        self.errorLabel = QLabel(AgenciesDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AgenciesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(1, 1)

        self.retranslateUi(AgenciesDialog)

        QMetaObject.connectSlotsByName(AgenciesDialog)
    # setupUi

    def retranslateUi(self, AgenciesDialog):
        AgenciesDialog.setWindowTitle(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        self.filterEdit.setPlaceholderText(_(u"\u0e04\u0e49\u0e19\u0e2b\u0e32\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19 (\u0e0a\u0e37\u0e48\u0e2d \u0e0a\u0e37\u0e48\u0e2d\u0e22\u0e48\u0e2d \u0e2b\u0e23\u0e37\u0e2d\u0e0a\u0e37\u0e48\u0e2d\u0e2d\u0e37\u0e48\u0e19)\u2026"))
        self.addButton.setText(_(u"\u0e40\u0e1e\u0e34\u0e48\u0e21\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u2026"))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(_(u"\u0e40\u0e1b\u0e25\u0e35\u0e48\u0e22\u0e19\u0e0a\u0e37\u0e48\u0e2d \u0e0a\u0e37\u0e48\u0e2d\u0e22\u0e48\u0e2d \u0e2b\u0e23\u0e37\u0e2d\u0e0a\u0e37\u0e48\u0e2d\u0e2d\u0e37\u0e48\u0e19\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01 (\u0e14\u0e31\u0e1a\u0e40\u0e1a\u0e34\u0e25\u0e04\u0e25\u0e34\u0e01\u0e17\u0e35\u0e48\u0e41\u0e16\u0e27\u0e01\u0e47\u0e44\u0e14\u0e49)"))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(_(u"\u0e41\u0e01\u0e49\u0e44\u0e02\u2026"))
        self.countLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

