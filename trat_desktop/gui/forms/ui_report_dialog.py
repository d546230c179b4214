# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_ReportDialog(object):
    def setupUi(self, ReportDialog):
        if not ReportDialog.objectName():
            ReportDialog.setObjectName(u"ReportDialog")
        ReportDialog.resize(640, 300)
        self.dialogLayout = QVBoxLayout(ReportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLabel = QLabel(ReportDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.dialogLayout.addWidget(self.titleLabel)

        self.choiceLayout = QFormLayout()
        self.choiceLayout.setObjectName(u"choiceLayout")
        self.choiceLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kindCaption = QLabel(ReportDialog)
        self.kindCaption.setObjectName(u"kindCaption")

        self.choiceLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindCaption)

        self.kindCombo = QComboBox(ReportDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.choiceLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.yearCaption = QLabel(ReportDialog)
        self.yearCaption.setObjectName(u"yearCaption")

        self.choiceLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.yearCaption)

        self.yearCombo = QComboBox(ReportDialog)
        self.yearCombo.setObjectName(u"yearCombo")

        self.choiceLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.yearCombo)

        self.periodCaption = QLabel(ReportDialog)
        self.periodCaption.setObjectName(u"periodCaption")

        self.choiceLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.periodCaption)

        self.periodCombo = QComboBox(ReportDialog)
        self.periodCombo.setObjectName(u"periodCombo")

        self.choiceLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.periodCombo)

        self.digitsCaption = QLabel(ReportDialog)
        self.digitsCaption.setObjectName(u"digitsCaption")

        self.choiceLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.digitsCaption)

        self.digitsLayout = QHBoxLayout()
        self.digitsLayout.setObjectName(u"digitsLayout")
        self.thaiDigitsRadio = QRadioButton(ReportDialog)
        self.thaiDigitsRadio.setObjectName(u"thaiDigitsRadio")
        self.thaiDigitsRadio.setChecked(True)

        self.digitsLayout.addWidget(self.thaiDigitsRadio)

        self.arabicDigitsRadio = QRadioButton(ReportDialog)
        self.arabicDigitsRadio.setObjectName(u"arabicDigitsRadio")

        self.digitsLayout.addWidget(self.arabicDigitsRadio)

        self.digitsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.digitsLayout.addItem(self.digitsSpacer)

        self.digitsLayout.setStretch(2, 1)

        self.choiceLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.digitsLayout)


        self.dialogLayout.addLayout(self.choiceLayout)

        self.descriptionLabel = QLabel(ReportDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setStyleSheet(u"QLabel { background: #f4f7fb; border: 1px solid #c9d6e6; border-radius: 4px; padding: 8px; }")
        self.descriptionLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.descriptionLabel)

        self.verticalSpacer = QSpacerItem(20, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.dialogLayout.addItem(self.verticalSpacer)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.previewButton = QPushButton(ReportDialog)
        self.previewButton.setObjectName(u"previewButton")

        self.buttonsLayout.addWidget(self.previewButton)

        self.printButton = QPushButton(ReportDialog)
        self.printButton.setObjectName(u"printButton")

        self.buttonsLayout.addWidget(self.printButton)

        self.saveButton = QPushButton(ReportDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonsLayout.addWidget(self.saveButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.closeButton = QPushButton(ReportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.kindCaption.setBuddy(self.kindCombo)
        self.yearCaption.setBuddy(self.yearCombo)
        self.periodCaption.setBuddy(self.periodCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.yearCombo)
        QWidget.setTabOrder(self.yearCombo, self.periodCombo)
        QWidget.setTabOrder(self.periodCombo, self.thaiDigitsRadio)
        QWidget.setTabOrder(self.thaiDigitsRadio, self.arabicDigitsRadio)
        QWidget.setTabOrder(self.arabicDigitsRadio, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.previewButton)
        QWidget.setTabOrder(self.previewButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.closeButton)

        self.retranslateUi(ReportDialog)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(ReportDialog)
    # setupUi

    def retranslateUi(self, ReportDialog):
        ReportDialog.setWindowTitle(_(u"\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19"))
        self.titleLabel.setText(_(u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e2b\u0e23\u0e37\u0e2d\u0e2a\u0e48\u0e07\u0e2d\u0e2d\u0e01\u0e44\u0e1f\u0e25\u0e4c"))
        self.kindCaption.setText(_(u"\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19"))
#if QT_CONFIG(tooltip)
        self.kindCombo.setToolTip(_(u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e08\u0e30\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e2b\u0e23\u0e37\u0e2d\u0e2a\u0e48\u0e07\u0e2d\u0e2d\u0e01"))
#endif // QT_CONFIG(tooltip)
        self.yearCaption.setText(_(u"\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13 \u0e1e.\u0e28."))
        self.periodCaption.setText(_(u"\u0e0a\u0e48\u0e27\u0e07\u0e40\u0e27\u0e25\u0e32"))
#if QT_CONFIG(tooltip)
        self.periodCombo.setToolTip(_(u"\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a\u0e02\u0e2d\u0e07\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13 (\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a \u0e51 \u0e04\u0e37\u0e2d \u0e15\u0e38\u0e25\u0e32\u0e04\u0e21\u2013\u0e18\u0e31\u0e19\u0e27\u0e32\u0e04\u0e21)"))
#endif // QT_CONFIG(tooltip)
        self.digitsCaption.setText(_(u"\u0e15\u0e31\u0e27\u0e40\u0e25\u0e02\u0e43\u0e19\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19"))
        self.thaiDigitsRadio.setText(_(u"\u0e40\u0e25\u0e02\u0e44\u0e17\u0e22 (\u0e51\u0e52\u0e53)"))
        self.arabicDigitsRadio.setText(_(u"\u0e40\u0e25\u0e02\u0e2d\u0e32\u0e23\u0e1a\u0e34\u0e01 (123)"))
#if QT_CONFIG(tooltip)
        self.previewButton.setToolTip(_(u"\u0e40\u0e1b\u0e34\u0e14\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e43\u0e19\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21\u0e14\u0e39 PDF \u0e02\u0e2d\u0e07\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07 (\u0e22\u0e31\u0e07\u0e44\u0e21\u0e48\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e44\u0e1f\u0e25\u0e4c)"))
#endif // QT_CONFIG(tooltip)
        self.previewButton.setText(_(u"\u0e14\u0e39\u0e15\u0e31\u0e27\u0e2d\u0e22\u0e48\u0e32\u0e07"))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(_(u"\u0e40\u0e1b\u0e34\u0e14\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e43\u0e19\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21\u0e14\u0e39 PDF \u0e41\u0e25\u0e49\u0e27\u0e2a\u0e31\u0e48\u0e07\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e08\u0e32\u0e01\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21\u0e19\u0e31\u0e49\u0e19"))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(_(u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u2026"))
        self.saveButton.setText(_(u"\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e40\u0e1b\u0e47\u0e19 PDF\u2026"))
        self.closeButton.setText(_(u"\u0e1b\u0e34\u0e14"))
    # retranslateUi

