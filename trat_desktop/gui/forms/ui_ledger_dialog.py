# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ledger_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_LedgerDialog(object):
    def setupUi(self, LedgerDialog):
        if not LedgerDialog.objectName():
            LedgerDialog.setObjectName(u"LedgerDialog")
        LedgerDialog.resize(1200, 620)
        self.dialogLayout = QVBoxLayout(LedgerDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.infoLabel = QLabel(LedgerDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.infoLabel)

        self.ledgerTable = QTableWidget(LedgerDialog)
        if (self.ledgerTable.columnCount() < 10):
            self.ledgerTable.setColumnCount(10)
        __qtablewidgetitem = QTableWidgetItem()
        self.ledgerTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.ledgerTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.ledgerTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.ledgerTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.ledgerTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.ledgerTable.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.ledgerTable.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.ledgerTable.setHorizontalHeaderItem(7, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.ledgerTable.setHorizontalHeaderItem(8, __qtablewidgetitem8)
        __qtablewidgetitem9 = QTableWidgetItem()
        self.ledgerTable.setHorizontalHeaderItem(9, __qtablewidgetitem9)
        self.ledgerTable.setObjectName(u"ledgerTable")
        self.ledgerTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ledgerTable.setAlternatingRowColors(True)
        self.ledgerTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ledgerTable.setWordWrap(True)
        self.ledgerTable.setColumnCount(10)
        self.ledgerTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.ledgerTable)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.countLabel = QLabel(LedgerDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.buttonsLayout.addWidget(self.countLabel)

        self.buttonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.closeButton = QPushButton(LedgerDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsLayout)

        self.dialogLayout.setStretch(1, 1)

        self.retranslateUi(LedgerDialog)

        QMetaObject.connectSlotsByName(LedgerDialog)
    # setupUi

    def retranslateUi(self, LedgerDialog):
        LedgerDialog.setWindowTitle(_(u"\u0e1b\u0e23\u0e30\u0e27\u0e31\u0e15\u0e34\u0e01\u0e32\u0e23\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32"))
        self.infoLabel.setText(_(u"\u0e17\u0e38\u0e01\u0e44\u0e1f\u0e25\u0e4c\u0e17\u0e35\u0e48\u0e40\u0e04\u0e22\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e2b\u0e23\u0e37\u0e2d\u0e16\u0e39\u0e01\u0e1b\u0e0f\u0e34\u0e40\u0e2a\u0e18 \u0e25\u0e48\u0e32\u0e2a\u0e38\u0e14\u0e2d\u0e22\u0e39\u0e48\u0e1a\u0e19\u0e2a\u0e38\u0e14"))
        ___qtablewidgetitem = self.ledgerTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(_(u"\u0e40\u0e27\u0e25\u0e32\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32"))
        ___qtablewidgetitem1 = self.ledgerTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(_(u"\u0e44\u0e1f\u0e25\u0e4c"))
        ___qtablewidgetitem2 = self.ledgerTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        ___qtablewidgetitem3 = self.ledgerTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(_(u"\u0e09\u0e1a\u0e31\u0e1a\u0e17\u0e35\u0e48"))
        ___qtablewidgetitem4 = self.ledgerTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(_(u"\u0e2a\u0e16\u0e32\u0e19\u0e30"))
        ___qtablewidgetitem5 = self.ledgerTable.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(_(u"\u0e40\u0e2b\u0e15\u0e38\u0e1c\u0e25"))
        ___qtablewidgetitem6 = self.ledgerTable.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(_(u"\u0e40\u0e1e\u0e34\u0e48\u0e21"))
        ___qtablewidgetitem7 = self.ledgerTable.horizontalHeaderItem(7)
        ___qtablewidgetitem7.setText(_(u"\u0e1b\u0e23\u0e31\u0e1a\u0e1b\u0e23\u0e38\u0e07"))
        ___qtablewidgetitem8 = self.ledgerTable.horizontalHeaderItem(8)
        ___qtablewidgetitem8.setText(_(u"\u0e04\u0e07\u0e40\u0e14\u0e34\u0e21"))
        ___qtablewidgetitem9 = self.ledgerTable.horizontalHeaderItem(9)
        ___qtablewidgetitem9.setText(_(u"\u0e02\u0e31\u0e14\u0e41\u0e22\u0e49\u0e07"))
        self.countLabel.setText("")
        self.closeButton.setText(_(u"\u0e1b\u0e34\u0e14"))
    # retranslateUi

