# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agency_form.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_AgencyFormDialog(object):
    def setupUi(self, AgencyFormDialog):
        if not AgencyFormDialog.objectName():
            AgencyFormDialog.setObjectName(u"AgencyFormDialog")
        AgencyFormDialog.resize(560, 400)
        self.dialogLayout = QVBoxLayout(AgencyFormDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(AgencyFormDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(AgencyFormDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.shortLabel = QLabel(AgencyFormDialog)
        self.shortLabel.setObjectName(u"shortLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shortLabel)

        self.shortEdit = QLineEdit(AgencyFormDialog)
        self.shortEdit.setObjectName(u"shortEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shortEdit)

        self.aliasesLabel = QLabel(AgencyFormDialog)
        self.aliasesLabel.setObjectName(u"aliasesLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.aliasesLabel)

        self.aliasesEdit = QPlainTextEdit(AgencyFormDialog)
        self.aliasesEdit.setObjectName(u"aliasesEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.aliasesEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AgencyFormDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AgencyFormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.shortLabel.setBuddy(self.shortEdit)
        self.aliasesLabel.setBuddy(self.aliasesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AgencyFormDialog)

        QMetaObject.connectSlotsByName(AgencyFormDialog)
    # setupUi

    def retranslateUi(self, AgencyFormDialog):
        AgencyFormDialog.setWindowTitle(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        self.nameLabel.setText(_(u"\u0e0a\u0e37\u0e48\u0e2d\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        self.nameEdit.setPlaceholderText(_(u"\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e15\u0e47\u0e21 \u0e40\u0e0a\u0e48\u0e19 \u0e2a\u0e33\u0e19\u0e31\u0e01\u0e07\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32\u0e18\u0e34\u0e01\u0e32\u0e23\u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14\u0e15\u0e23\u0e32\u0e14"))
        self.shortLabel.setText(_(u"\u0e0a\u0e37\u0e48\u0e2d\u0e22\u0e48\u0e2d"))
        self.shortEdit.setPlaceholderText(_(u"\u0e40\u0e0a\u0e48\u0e19 \u0e2a\u0e19\u0e07.\u0e28\u0e36\u0e01\u0e29\u0e32\u0e18\u0e34\u0e01\u0e32\u0e23 \u0e08.\u0e15\u0e23\u0e32\u0e14 (\u0e40\u0e27\u0e49\u0e19\u0e27\u0e48\u0e32\u0e07\u0e44\u0e14\u0e49)"))
        self.aliasesLabel.setText(_(u"\u0e0a\u0e37\u0e48\u0e2d\u0e2d\u0e37\u0e48\u0e19"))
#if QT_CONFIG(tooltip)
        self.aliasesEdit.setToolTip(_(u"\u0e0a\u0e37\u0e48\u0e2d\u0e17\u0e35\u0e48\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23\u0e41\u0e1c\u0e19\u0e43\u0e0a\u0e49\u0e40\u0e23\u0e35\u0e22\u0e01\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e19\u0e35\u0e49 \u0e1a\u0e23\u0e23\u0e17\u0e31\u0e14\u0e25\u0e30\u0e2b\u0e19\u0e36\u0e48\u0e07\u0e0a\u0e37\u0e48\u0e2d"))
#endif // QT_CONFIG(tooltip)
        self.aliasesEdit.setPlaceholderText(_(u"\u0e1a\u0e23\u0e23\u0e17\u0e31\u0e14\u0e25\u0e30\u0e2b\u0e19\u0e36\u0e48\u0e07\u0e0a\u0e37\u0e48\u0e2d"))
        self.errorLabel.setText("")
    # retranslateUi

