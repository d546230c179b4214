# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflicts_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_ConflictsDialog(object):
    def setupUi(self, ConflictsDialog):
        if not ConflictsDialog.objectName():
            ConflictsDialog.setObjectName(u"ConflictsDialog")
        ConflictsDialog.resize(1040, 680)
        self.dialogLayout = QVBoxLayout(ConflictsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.infoLabel = QLabel(ConflictsDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.infoLabel)

        self.conflictsTable = QTableWidget(ConflictsDialog)
        if (self.conflictsTable.columnCount() < 5):
            self.conflictsTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.conflictsTable.setObjectName(u"conflictsTable")
        self.conflictsTable.setStyleSheet(u"QTableWidget::item { padding: 3px 4px; }")
        self.conflictsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflictsTable.setAlternatingRowColors(True)
        self.conflictsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflictsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflictsTable.setWordWrap(True)
        self.conflictsTable.setColumnCount(5)
        self.conflictsTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.conflictsTable)

        self.compareGroup = QGroupBox(ConflictsDialog)
        self.compareGroup.setObjectName(u"compareGroup")
        self.compareLayout = QVBoxLayout(self.compareGroup)
        self.compareLayout.setObjectName(u"compareLayout")
        self.compareTitleLabel = QLabel(self.compareGroup)
        self.compareTitleLabel.setObjectName(u"compareTitleLabel")
        self.compareTitleLabel.setWordWrap(True)

        self.compareLayout.addWidget(self.compareTitleLabel)

        self.compareTable = QTableWidget(self.compareGroup)
        if (self.compareTable.columnCount() < 2):
            self.compareTable.setColumnCount(2)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.compareTable.setHorizontalHeaderItem(0, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.compareTable.setHorizontalHeaderItem(1, __qtablewidgetitem6)
        self.compareTable.setObjectName(u"compareTable")
        self.compareTable.setStyleSheet(u"QTableWidget::item { padding: 3px 4px; }")
        self.compareTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compareTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.compareTable.setWordWrap(True)
        self.compareTable.setColumnCount(2)
        self.compareTable.horizontalHeader().setStretchLastSection(True)

        self.compareLayout.addWidget(self.compareTable)


        self.dialogLayout.addWidget(self.compareGroup)

        self.messageLabel = QLabel(ConflictsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.messageLabel)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.keepMineButton = QPushButton(ConflictsDialog)
        self.keepMineButton.setObjectName(u"keepMineButton")
        self.keepMineButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.keepMineButton)

        self.takeTheirsButton = QPushButton(ConflictsDialog)
        self.takeTheirsButton.setObjectName(u"takeTheirsButton")
        self.takeTheirsButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.takeTheirsButton)

        self.buttonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.closeButton = QPushButton(ConflictsDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsLayout)

        self.dialogLayout.setStretch(1, 2)
        self.dialogLayout.setStretch(2, 3)

        self.retranslateUi(ConflictsDialog)

        QMetaObject.connectSlotsByName(ConflictsDialog)
    # setupUi

    def retranslateUi(self, ConflictsDialog):
        ConflictsDialog.setWindowTitle(_(u"\u0e02\u0e49\u0e2d\u0e02\u0e31\u0e14\u0e41\u0e22\u0e49\u0e07\u0e08\u0e32\u0e01\u0e01\u0e32\u0e23\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32"))
        self.infoLabel.setText(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e2a\u0e48\u0e07\u0e04\u0e48\u0e32\u0e17\u0e35\u0e48\u0e15\u0e48\u0e32\u0e07\u0e08\u0e32\u0e01\u0e04\u0e48\u0e32\u0e17\u0e35\u0e48\u0e1c\u0e39\u0e49\u0e1b\u0e23\u0e30\u0e2a\u0e32\u0e19\u0e07\u0e32\u0e19\u0e41\u0e01\u0e49\u0e44\u0e02\u0e44\u0e27\u0e49\u0e43\u0e19\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e19\u0e35\u0e49 \u0e40\u0e25\u0e37\u0e2d\u0e01\u0e17\u0e35\u0e25\u0e30\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e27\u0e48\u0e32\u0e08\u0e30\u0e43\u0e0a\u0e49\u0e04\u0e48\u0e32\u0e43\u0e14 \u0e04\u0e48\u0e32\u0e2d\u0e37\u0e48\u0e19\u0e43\u0e19\u0e44\u0e1f\u0e25\u0e4c\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e40\u0e23\u0e35\u0e22\u0e1a\u0e23\u0e49\u0e2d\u0e22\u0e41\u0e25\u0e49\u0e27"))
        ___qtablewidgetitem = self.conflictsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(_(u"\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14"))
        ___qtablewidgetitem1 = self.conflictsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        ___qtablewidgetitem2 = self.conflictsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(_(u"\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a"))
        ___qtablewidgetitem3 = self.conflictsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(_(u"\u0e04\u0e48\u0e32\u0e02\u0e2d\u0e07\u0e09\u0e31\u0e19 (\u0e1c\u0e39\u0e49\u0e1b\u0e23\u0e30\u0e2a\u0e32\u0e19\u0e07\u0e32\u0e19)"))
        ___qtablewidgetitem4 = self.conflictsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(_(u"\u0e04\u0e48\u0e32\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        self.compareGroup.setTitle(_(u"\u0e40\u0e1b\u0e23\u0e35\u0e22\u0e1a\u0e40\u0e17\u0e35\u0e22\u0e1a\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01"))
        self.compareTitleLabel.setText("")
        ___qtablewidgetitem5 = self.compareTable.horizontalHeaderItem(0)
        ___qtablewidgetitem5.setText(_(u"\u0e04\u0e48\u0e32\u0e02\u0e2d\u0e07\u0e09\u0e31\u0e19 (\u0e1c\u0e39\u0e49\u0e1b\u0e23\u0e30\u0e2a\u0e32\u0e19\u0e07\u0e32\u0e19)"))
        ___qtablewidgetitem6 = self.compareTable.horizontalHeaderItem(1)
        ___qtablewidgetitem6.setText(_(u"\u0e04\u0e48\u0e32\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        self.messageLabel.setText("")
#if QT_CONFIG(tooltip)
        self.keepMineButton.setToolTip(_(u"\u0e04\u0e07\u0e04\u0e48\u0e32\u0e17\u0e35\u0e48\u0e1c\u0e39\u0e49\u0e1b\u0e23\u0e30\u0e2a\u0e32\u0e19\u0e07\u0e32\u0e19\u0e41\u0e01\u0e49\u0e44\u0e02\u0e44\u0e27\u0e49 \u0e44\u0e21\u0e48\u0e43\u0e0a\u0e49\u0e04\u0e48\u0e32\u0e17\u0e35\u0e48\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e2a\u0e48\u0e07\u0e21\u0e32"))
#endif // QT_CONFIG(tooltip)
        self.keepMineButton.setText(_(u"\u0e43\u0e0a\u0e49\u0e04\u0e48\u0e32\u0e02\u0e2d\u0e07\u0e09\u0e31\u0e19"))
#if QT_CONFIG(tooltip)
        self.takeTheirsButton.setToolTip(_(u"\u0e43\u0e0a\u0e49\u0e04\u0e48\u0e32\u0e17\u0e35\u0e48\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e2a\u0e48\u0e07\u0e21\u0e32\u0e41\u0e17\u0e19\u0e04\u0e48\u0e32\u0e17\u0e35\u0e48\u0e1c\u0e39\u0e49\u0e1b\u0e23\u0e30\u0e2a\u0e32\u0e19\u0e07\u0e32\u0e19\u0e41\u0e01\u0e49\u0e44\u0e02\u0e44\u0e27\u0e49"))
#endif // QT_CONFIG(tooltip)
        self.takeTheirsButton.setText(_(u"\u0e43\u0e0a\u0e49\u0e04\u0e48\u0e32\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        self.closeButton.setText(_(u"\u0e1b\u0e34\u0e14"))
    # retranslateUi

