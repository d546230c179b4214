# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox,
    QLabel, QLineEdit, QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_SetupDialog(object):
    def setupUi(self, SetupDialog):
        if not SetupDialog.objectName():
            SetupDialog.setObjectName(u"SetupDialog")
        SetupDialog.resize(640, 560)
        SetupDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(SetupDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(SetupDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.roleGroup = QGroupBox(SetupDialog)
        self.roleGroup.setObjectName(u"roleGroup")
        self.roleLayout = QGridLayout(self.roleGroup)
        self.roleLayout.setObjectName(u"roleLayout")
        self.officeRadio = QRadioButton(self.roleGroup)
        self.officeRadio.setObjectName(u"officeRadio")
        self.officeRadio.setChecked(True)

        self.roleLayout.addWidget(self.officeRadio, 0, 0, 1, 1)

        self.agencyCombo = QComboBox(self.roleGroup)
        self.agencyCombo.setObjectName(u"agencyCombo")
        self.agencyCombo.setEditable(True)
        self.agencyCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.roleLayout.addWidget(self.agencyCombo, 0, 1, 1, 1)

        self.coordinatorRadio = QRadioButton(self.roleGroup)
        self.coordinatorRadio.setObjectName(u"coordinatorRadio")

        self.roleLayout.addWidget(self.coordinatorRadio, 1, 0, 1, 2)

        self.roleLayout.setColumnStretch(1, 1)

        self.dialogLayout.addWidget(self.roleGroup)

        self.reporterGroup = QGroupBox(SetupDialog)
        self.reporterGroup.setObjectName(u"reporterGroup")
        self.reporterLayout = QFormLayout(self.reporterGroup)
        self.reporterLayout.setObjectName(u"reporterLayout")
        self.reporterNameLabel = QLabel(self.reporterGroup)
        self.reporterNameLabel.setObjectName(u"reporterNameLabel")

        self.reporterLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reporterNameLabel)

        self.reporterNameEdit = QLineEdit(self.reporterGroup)
        self.reporterNameEdit.setObjectName(u"reporterNameEdit")
        self.reporterNameEdit.setMaxLength(200)

        self.reporterLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reporterNameEdit)

        self.reporterPositionLabel = QLabel(self.reporterGroup)
        self.reporterPositionLabel.setObjectName(u"reporterPositionLabel")

        self.reporterLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reporterPositionLabel)

        self.reporterPositionEdit = QLineEdit(self.reporterGroup)
        self.reporterPositionEdit.setObjectName(u"reporterPositionEdit")
        self.reporterPositionEdit.setMaxLength(200)

        self.reporterLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reporterPositionEdit)

        self.reporterPhoneLabel = QLabel(self.reporterGroup)
        self.reporterPhoneLabel.setObjectName(u"reporterPhoneLabel")

        self.reporterLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reporterPhoneLabel)

        self.reporterPhoneEdit = QLineEdit(self.reporterGroup)
        self.reporterPhoneEdit.setObjectName(u"reporterPhoneEdit")
        self.reporterPhoneEdit.setMaxLength(200)

        self.reporterLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reporterPhoneEdit)


        self.dialogLayout.addWidget(self.reporterGroup)

        self.headGroup = QGroupBox(SetupDialog)
        self.headGroup.setObjectName(u"headGroup")
        self.headLayout = QFormLayout(self.headGroup)
        self.headLayout.setObjectName(u"headLayout")
        self.headNameLabel = QLabel(self.headGroup)
        self.headNameLabel.setObjectName(u"headNameLabel")

        self.headLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.headNameLabel)

        self.headNameEdit = QLineEdit(self.headGroup)
        self.headNameEdit.setObjectName(u"headNameEdit")
        self.headNameEdit.setMaxLength(200)

        self.headLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.headNameEdit)

        self.headPositionLabel = QLabel(self.headGroup)
        self.headPositionLabel.setObjectName(u"headPositionLabel")

        self.headLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.headPositionLabel)

        self.headPositionEdit = QLineEdit(self.headGroup)
        self.headPositionEdit.setObjectName(u"headPositionEdit")
        self.headPositionEdit.setMaxLength(200)

        self.headLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.headPositionEdit)


        self.dialogLayout.addWidget(self.headGroup)

        self.errorLabel = QLabel(SetupDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"QLabel { background: #fde2e1; color: #8f0010; border: 1px solid #f0a0a0; border-radius: 3px; padding: 4px 8px; }")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.dialogSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.dialogSpacer)

        self.buttonBox = QDialogButtonBox(SetupDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reporterNameLabel.setBuddy(self.reporterNameEdit)
        self.reporterPositionLabel.setBuddy(self.reporterPositionEdit)
        self.reporterPhoneLabel.setBuddy(self.reporterPhoneEdit)
        self.headNameLabel.setBuddy(self.headNameEdit)
        self.headPositionLabel.setBuddy(self.headPositionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.officeRadio, self.agencyCombo)
        QWidget.setTabOrder(self.agencyCombo, self.coordinatorRadio)
        QWidget.setTabOrder(self.coordinatorRadio, self.reporterNameEdit)
        QWidget.setTabOrder(self.reporterNameEdit, self.reporterPositionEdit)
        QWidget.setTabOrder(self.reporterPositionEdit, self.reporterPhoneEdit)
        QWidget.setTabOrder(self.reporterPhoneEdit, self.headNameEdit)
        QWidget.setTabOrder(self.headNameEdit, self.headPositionEdit)

        self.retranslateUi(SetupDialog)

        QMetaObject.connectSlotsByName(SetupDialog)
    # setupUi

    def retranslateUi(self, SetupDialog):
        SetupDialog.setWindowTitle(_(u"\u0e15\u0e31\u0e49\u0e07\u0e04\u0e48\u0e32\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e41\u0e25\u0e30\u0e1c\u0e39\u0e49\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19"))
        self.introLabel.setText(_(u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e27\u0e48\u0e32\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e19\u0e35\u0e49\u0e43\u0e0a\u0e49\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e1c\u0e25\u0e01\u0e32\u0e23\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e07\u0e32\u0e19\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e43\u0e14 \u0e41\u0e25\u0e30\u0e23\u0e30\u0e1a\u0e38\u0e1c\u0e39\u0e49\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e01\u0e31\u0e1a\u0e2b\u0e31\u0e27\u0e2b\u0e19\u0e49\u0e32\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e08\u0e30\u0e25\u0e07\u0e19\u0e32\u0e21\u0e43\u0e19\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19 \u0e41\u0e01\u0e49\u0e44\u0e02\u0e20\u0e32\u0e22\u0e2b\u0e25\u0e31\u0e07\u0e44\u0e14\u0e49\u0e17\u0e35\u0e48\u0e40\u0e21\u0e19\u0e39 \u201c\u0e15\u0e31\u0e49\u0e07\u0e04\u0e48\u0e32\u201d"))
        self.roleGroup.setTitle(_(u"\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e19\u0e35\u0e49\u0e40\u0e1b\u0e47\u0e19\u0e02\u0e2d\u0e07"))
        self.officeRadio.setText(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
#if QT_CONFIG(tooltip)
        self.agencyCombo.setToolTip(_(u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e1a\u0e32\u0e07\u0e2a\u0e48\u0e27\u0e19\u0e02\u0e2d\u0e07\u0e0a\u0e37\u0e48\u0e2d\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19 \u0e0a\u0e37\u0e48\u0e2d\u0e22\u0e48\u0e2d \u0e2b\u0e23\u0e37\u0e2d\u0e0a\u0e37\u0e48\u0e2d\u0e17\u0e35\u0e48\u0e43\u0e0a\u0e49\u0e43\u0e19\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23 \u0e41\u0e25\u0e49\u0e27\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e08\u0e32\u0e01\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23"))
#endif // QT_CONFIG(tooltip)
        self.coordinatorRadio.setText(_(u"\u0e28\u0e39\u0e19\u0e22\u0e4c\u0e1b\u0e0f\u0e34\u0e1a\u0e31\u0e15\u0e34\u0e01\u0e32\u0e23\u0e15\u0e48\u0e2d\u0e15\u0e49\u0e32\u0e19\u0e01\u0e32\u0e23\u0e17\u0e38\u0e08\u0e23\u0e34\u0e15\u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14\u0e15\u0e23\u0e32\u0e14 (\u0e1c\u0e39\u0e49\u0e1b\u0e23\u0e30\u0e2a\u0e32\u0e19\u0e07\u0e32\u0e19\u0e23\u0e30\u0e14\u0e31\u0e1a\u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14 \u0e14\u0e39\u0e41\u0e25\u0e30\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e1c\u0e25\u0e44\u0e14\u0e49\u0e17\u0e38\u0e01\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19)"))
        self.reporterGroup.setTitle(_(u"\u0e1c\u0e39\u0e49\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19"))
        self.reporterNameLabel.setText(_(u"\u0e0a\u0e37\u0e48\u0e2d\u2013\u0e2a\u0e01\u0e38\u0e25"))
        self.reporterNameEdit.setPlaceholderText(_(u"\u0e40\u0e0a\u0e48\u0e19 \u0e19\u0e32\u0e07\u0e2a\u0e32\u0e27\u0e2a\u0e21\u0e43\u0e08 \u0e43\u0e08\u0e14\u0e35"))
        self.reporterPositionLabel.setText(_(u"\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07"))
        self.reporterPositionEdit.setPlaceholderText(_(u"\u0e40\u0e0a\u0e48\u0e19 \u0e19\u0e31\u0e01\u0e27\u0e34\u0e40\u0e04\u0e23\u0e32\u0e30\u0e2b\u0e4c\u0e19\u0e42\u0e22\u0e1a\u0e32\u0e22\u0e41\u0e25\u0e30\u0e41\u0e1c\u0e19\u0e0a\u0e33\u0e19\u0e32\u0e0d\u0e01\u0e32\u0e23"))
        self.reporterPhoneLabel.setText(_(u"\u0e42\u0e17\u0e23\u0e28\u0e31\u0e1e\u0e17\u0e4c"))
        self.reporterPhoneEdit.setPlaceholderText(_(u"\u0e40\u0e0a\u0e48\u0e19 \u0e50 \u0e53\u0e59\u0e55\u0e51 \u0e51\u0e52\u0e53\u0e54"))
        self.headGroup.setTitle(_(u"\u0e2b\u0e31\u0e27\u0e2b\u0e19\u0e49\u0e32\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19 (\u0e1c\u0e39\u0e49\u0e25\u0e07\u0e19\u0e32\u0e21\u0e43\u0e19\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19)"))
        self.headNameLabel.setText(_(u"\u0e0a\u0e37\u0e48\u0e2d\u2013\u0e2a\u0e01\u0e38\u0e25"))
        self.headPositionLabel.setText(_(u"\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07"))
        self.headPositionEdit.setPlaceholderText(_(u"\u0e40\u0e0a\u0e48\u0e19 \u0e28\u0e36\u0e01\u0e29\u0e32\u0e18\u0e34\u0e01\u0e32\u0e23\u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14\u0e15\u0e23\u0e32\u0e14"))
        self.errorLabel.setText("")
    # retranslateUi

