# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'coordinator_overview.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit,
    QProgressBar, QPushButton, QSizePolicy, QTableView, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_ConsolidatedPage(object):
    def setupUi(self, ConsolidatedPage):
        if not ConsolidatedPage.objectName():
            ConsolidatedPage.setObjectName(u"ConsolidatedPage")
        ConsolidatedPage.resize(1300, 760)
        self.pageLayout = QVBoxLayout(ConsolidatedPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(ConsolidatedPage)
        self.titleLabel.setObjectName(u"titleLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.titleLabel.sizePolicy().hasHeightForWidth())
        self.titleLabel.setSizePolicy(sizePolicy)

        self.headerLayout.addWidget(self.titleLabel)

        self.yearLabel = QLabel(ConsolidatedPage)
        self.yearLabel.setObjectName(u"yearLabel")

        self.headerLayout.addWidget(self.yearLabel)

        self.yearCombo = QComboBox(ConsolidatedPage)
        self.yearCombo.setObjectName(u"yearCombo")

        self.headerLayout.addWidget(self.yearCombo)

        self.quarterLabel = QLabel(ConsolidatedPage)
        self.quarterLabel.setObjectName(u"quarterLabel")

        self.headerLayout.addWidget(self.quarterLabel)

        self.quarterCombo = QComboBox(ConsolidatedPage)
        self.quarterCombo.setObjectName(u"quarterCombo")

        self.headerLayout.addWidget(self.quarterCombo)

        self.modeCombo = QComboBox(ConsolidatedPage)
        self.modeCombo.setObjectName(u"modeCombo")

        self.headerLayout.addWidget(self.modeCombo)

        self.refreshButton = QPushButton(ConsolidatedPage)
        self.refreshButton.setObjectName(u"refreshButton")

        self.headerLayout.addWidget(self.refreshButton)


        self.pageLayout.addLayout(self.headerLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.filterLabel = QLabel(ConsolidatedPage)
        self.filterLabel.setObjectName(u"filterLabel")

        self.filterLayout.addWidget(self.filterLabel)

        self.filterEdit = QLineEdit(ConsolidatedPage)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.filterEdit)

        self.countLabel = QLabel(ConsolidatedPage)
        self.countLabel.setObjectName(u"countLabel")

        self.filterLayout.addWidget(self.countLabel)

        self.loadingBar = QProgressBar(ConsolidatedPage)
        self.loadingBar.setObjectName(u"loadingBar")
        self.loadingBar.setMaximumWidth(160)
        self.loadingBar.setMaximum(0)
        self.loadingBar.setTextVisible(False)

        self.filterLayout.addWidget(self.loadingBar)

        self.filterLayout.setStretch(1, 1)

        self.pageLayout.addLayout(self.filterLayout)

        self.overviewTable = QTableView(ConsolidatedPage)
        self.overviewTable.setObjectName(u"overviewTable")
        self.overviewTable.setAlternatingRowColors(True)
        self.overviewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overviewTable.setWordWrap(False)

        self.pageLayout.addWidget(self.overviewTable)

        self.messageLabel = QLabel(ConsolidatedPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.messageLabel)

        self.pageLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearCombo)
        self.quarterLabel.setBuddy(self.quarterCombo)
        self.filterLabel.setBuddy(self.filterEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ConsolidatedPage)

        QMetaObject.connectSlotsByName(ConsolidatedPage)
    # setupUi

    def retranslateUi(self, ConsolidatedPage):
        ConsolidatedPage.setWindowTitle(_(u"\u0e20\u0e32\u0e1e\u0e23\u0e27\u0e21\u0e1c\u0e25\u0e01\u0e32\u0e23\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e07\u0e32\u0e19"))
        self.titleLabel.setText(_(u"\u0e20\u0e32\u0e1e\u0e23\u0e27\u0e21\u0e1c\u0e25\u0e01\u0e32\u0e23\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e07\u0e32\u0e19"))
        self.yearLabel.setText(_(u"\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13 \u0e1e.\u0e28."))
        self.quarterLabel.setText(_(u"\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a"))
#if QT_CONFIG(tooltip)
        self.quarterCombo.setToolTip(_(u"\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a\u0e17\u0e35\u0e48\u0e14\u0e39\u0e01\u0e32\u0e23\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19 (\u0e40\u0e23\u0e34\u0e48\u0e21\u0e15\u0e49\u0e19\u0e17\u0e35\u0e48\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a\u0e1b\u0e31\u0e08\u0e08\u0e38\u0e1a\u0e31\u0e19\u0e02\u0e2d\u0e07\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13)"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.modeCombo.setToolTip(_(u"\u0e41\u0e2a\u0e14\u0e07\u0e17\u0e35\u0e25\u0e30\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e1c\u0e39\u0e49\u0e23\u0e31\u0e1a\u0e1c\u0e34\u0e14\u0e0a\u0e2d\u0e1a \u0e2b\u0e23\u0e37\u0e2d\u0e23\u0e27\u0e21\u0e17\u0e38\u0e01\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e43\u0e19\u0e41\u0e16\u0e27\u0e40\u0e14\u0e35\u0e22\u0e27\u0e15\u0e48\u0e2d\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(_(u"\u0e2d\u0e48\u0e32\u0e19\u0e1c\u0e25\u0e01\u0e32\u0e23\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e07\u0e32\u0e19\u0e25\u0e48\u0e32\u0e2a\u0e38\u0e14\u0e2d\u0e35\u0e01\u0e04\u0e23\u0e31\u0e49\u0e07"))
#endif // QT_CONFIG(tooltip)
        self.refreshButton.setText(_(u"\u0e23\u0e35\u0e40\u0e1f\u0e23\u0e0a"))
        self.filterLabel.setText(_(u"\u0e04\u0e49\u0e19\u0e2b\u0e32"))
#if QT_CONFIG(tooltip)
        self.filterEdit.setToolTip(_(u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e04\u0e33\u0e17\u0e35\u0e48\u0e15\u0e49\u0e2d\u0e07\u0e01\u0e32\u0e23 \u0e40\u0e0a\u0e48\u0e19 \u0e0a\u0e37\u0e48\u0e2d\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19 \u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14 \u0e2b\u0e23\u0e37\u0e2d\u0e23\u0e2b\u0e31\u0e2a \u0e51.\u0e55 (\u0e2b\u0e25\u0e32\u0e22\u0e04\u0e33\u0e04\u0e31\u0e48\u0e19\u0e14\u0e49\u0e27\u0e22\u0e0a\u0e48\u0e2d\u0e07\u0e27\u0e48\u0e32\u0e07)"))
#endif // QT_CONFIG(tooltip)
        self.filterEdit.setPlaceholderText(_(u"\u0e04\u0e49\u0e19\u0e2b\u0e32\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14 \u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19 \u0e23\u0e2b\u0e31\u0e2a\u0e01\u0e34\u0e08\u0e01\u0e23\u0e23\u0e21 \u0e2a\u0e16\u0e32\u0e19\u0e30\u2026"))
        self.countLabel.setText("")
#if QT_CONFIG(tooltip)
        self.loadingBar.setToolTip(_(u"\u0e01\u0e33\u0e25\u0e31\u0e07\u0e2d\u0e48\u0e32\u0e19\u0e1c\u0e25\u0e01\u0e32\u0e23\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e07\u0e32\u0e19"))
#endif // QT_CONFIG(tooltip)
        self.messageLabel.setText("")
    # retranslateUi

