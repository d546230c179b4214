# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'coordinator_dashboard.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QListWidget,
    QProgressBar, QPushButton, QSizePolicy, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_DashboardPage(object):
    def setupUi(self, DashboardPage):
        if not DashboardPage.objectName():
            DashboardPage.setObjectName(u"DashboardPage")
        DashboardPage.resize(1300, 760)
        self.pageLayout = QVBoxLayout(DashboardPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(DashboardPage)
        self.titleLabel.setObjectName(u"titleLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.titleLabel.sizePolicy().hasHeightForWidth())
        self.titleLabel.setSizePolicy(sizePolicy)

        self.headerLayout.addWidget(self.titleLabel)

        self.loadingBar = QProgressBar(DashboardPage)
        self.loadingBar.setObjectName(u"loadingBar")
        self.loadingBar.setMaximumWidth(160)
        self.loadingBar.setMaximum(0)
        self.loadingBar.setTextVisible(False)

        self.headerLayout.addWidget(self.loadingBar)

        self.yearLabel = QLabel(DashboardPage)
        self.yearLabel.setObjectName(u"yearLabel")

        self.headerLayout.addWidget(self.yearLabel)

        self.yearCombo = QComboBox(DashboardPage)
        self.yearCombo.setObjectName(u"yearCombo")

        self.headerLayout.addWidget(self.yearCombo)

        self.quarterLabel = QLabel(DashboardPage)
        self.quarterLabel.setObjectName(u"quarterLabel")

        self.headerLayout.addWidget(self.quarterLabel)

        self.quarterCombo = QComboBox(DashboardPage)
        self.quarterCombo.setObjectName(u"quarterCombo")

        self.headerLayout.addWidget(self.quarterCombo)

        self.refreshButton = QPushButton(DashboardPage)
        self.refreshButton.setObjectName(u"refreshButton")

        self.headerLayout.addWidget(self.refreshButton)


        self.pageLayout.addLayout(self.headerLayout)

        self.summaryLabel = QLabel(DashboardPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.summaryLabel)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.chartsLayout = QVBoxLayout()
        self.chartsLayout.setObjectName(u"chartsLayout")
        self.onTargetGroup = QGroupBox(DashboardPage)
        self.onTargetGroup.setObjectName(u"onTargetGroup")
        self.onTargetLayout = QVBoxLayout(self.onTargetGroup)
        self.onTargetLayout.setObjectName(u"onTargetLayout")

        self.chartsLayout.addWidget(self.onTargetGroup)

        self.budgetGroup = QGroupBox(DashboardPage)
        self.budgetGroup.setObjectName(u"budgetGroup")
        self.budgetLayout = QVBoxLayout(self.budgetGroup)
        self.budgetLayout.setObjectName(u"budgetLayout")

        self.chartsLayout.addWidget(self.budgetGroup)


        self.bodyLayout.addLayout(self.chartsLayout)

        self.missingGroup = QGroupBox(DashboardPage)
        self.missingGroup.setObjectName(u"missingGroup")
        self.missingLayout = QVBoxLayout(self.missingGroup)
        self.missingLayout.setObjectName(u"missingLayout")
        self.missingCountLabel = QLabel(self.missingGroup)
        self.missingCountLabel.setObjectName(u"missingCountLabel")
        self.missingCountLabel.setWordWrap(True)

        self.missingLayout.addWidget(self.missingCountLabel)

        self.missingList = QListWidget(self.missingGroup)
        self.missingList.setObjectName(u"missingList")
        self.missingList.setWordWrap(True)

        self.missingLayout.addWidget(self.missingList)


        self.bodyLayout.addWidget(self.missingGroup)

        self.bodyLayout.setStretch(0, 3)
        self.bodyLayout.setStretch(1, 1)

        self.pageLayout.addLayout(self.bodyLayout)

        self.messageLabel = QLabel(DashboardPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.messageLabel)

        self.pageLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearCombo)
        self.quarterLabel.setBuddy(self.quarterCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DashboardPage)

        QMetaObject.connectSlotsByName(DashboardPage)
    # setupUi

    def retranslateUi(self, DashboardPage):
        DashboardPage.setWindowTitle(_(u"\u0e41\u0e14\u0e0a\u0e1a\u0e2d\u0e23\u0e4c\u0e14"))
        self.titleLabel.setText(_(u"\u0e41\u0e14\u0e0a\u0e1a\u0e2d\u0e23\u0e4c\u0e14"))
#if QT_CONFIG(tooltip)
        self.loadingBar.setToolTip(_(u"\u0e01\u0e33\u0e25\u0e31\u0e07\u0e04\u0e33\u0e19\u0e27\u0e13"))
#endif // QT_CONFIG(tooltip)
        self.yearLabel.setText(_(u"\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13 \u0e1e.\u0e28."))
        self.quarterLabel.setText(_(u"\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a"))
#if QT_CONFIG(tooltip)
        self.quarterCombo.setToolTip(_(u"\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a\u0e17\u0e35\u0e48\u0e14\u0e39\u0e01\u0e32\u0e23\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19 (\u0e40\u0e23\u0e34\u0e48\u0e21\u0e15\u0e49\u0e19\u0e17\u0e35\u0e48\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a\u0e1b\u0e31\u0e08\u0e08\u0e38\u0e1a\u0e31\u0e19\u0e02\u0e2d\u0e07\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13)"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(_(u"\u0e04\u0e33\u0e19\u0e27\u0e13\u0e43\u0e2b\u0e21\u0e48\u0e08\u0e32\u0e01\u0e1c\u0e25\u0e01\u0e32\u0e23\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e07\u0e32\u0e19\u0e25\u0e48\u0e32\u0e2a\u0e38\u0e14"))
#endif // QT_CONFIG(tooltip)
        self.refreshButton.setText(_(u"\u0e23\u0e35\u0e40\u0e1f\u0e23\u0e0a"))
        self.summaryLabel.setText("")
        self.onTargetGroup.setTitle(_(u"\u0e1c\u0e39\u0e49\u0e23\u0e31\u0e1a\u0e1c\u0e34\u0e14\u0e0a\u0e2d\u0e1a\u0e17\u0e35\u0e48\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e01\u0e32\u0e23\u0e16\u0e36\u0e07\u0e40\u0e1b\u0e49\u0e32\u0e2b\u0e21\u0e32\u0e22\u0e41\u0e25\u0e49\u0e27 \u0e23\u0e32\u0e22\u0e22\u0e38\u0e17\u0e18\u0e28\u0e32\u0e2a\u0e15\u0e23\u0e4c (\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14 \u00d7 \u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19)"))
        self.budgetGroup.setTitle(_(u"\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13\u0e17\u0e35\u0e48\u0e44\u0e14\u0e49\u0e23\u0e31\u0e1a\u0e41\u0e25\u0e30\u0e17\u0e35\u0e48\u0e43\u0e0a\u0e49\u0e08\u0e48\u0e32\u0e22\u0e41\u0e25\u0e49\u0e27 \u0e23\u0e32\u0e22\u0e22\u0e38\u0e17\u0e18\u0e28\u0e32\u0e2a\u0e15\u0e23\u0e4c (\u0e1a\u0e32\u0e17)"))
        self.missingGroup.setTitle(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e22\u0e31\u0e07\u0e44\u0e21\u0e48\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19"))
        self.missingCountLabel.setText("")
#if QT_CONFIG(tooltip)
        self.missingList.setToolTip(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e16\u0e36\u0e07\u0e01\u0e33\u0e2b\u0e19\u0e14\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e43\u0e19\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a\u0e19\u0e35\u0e49\u0e41\u0e15\u0e48\u0e22\u0e31\u0e07\u0e44\u0e21\u0e48\u0e44\u0e14\u0e49\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e1c\u0e25"))
#endif // QT_CONFIG(tooltip)
        self.messageLabel.setText("")
    # retranslateUi

