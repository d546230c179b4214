# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'budget_lines.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_BudgetLinesDialog(object):
    def setupUi(self, BudgetLinesDialog):
        if not BudgetLinesDialog.objectName():
            BudgetLinesDialog.setObjectName(u"BudgetLinesDialog")
        BudgetLinesDialog.resize(720, 420)
        self.dialogLayout = QVBoxLayout(BudgetLinesDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.rowLabel = QLabel(BudgetLinesDialog)
        self.rowLabel.setObjectName(u"rowLabel")
        self.rowLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.rowLabel)

        self.linesTable = QTableWidget(BudgetLinesDialog)
        if (self.linesTable.columnCount() < 3):
            self.linesTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.linesTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.linesTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.linesTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.linesTable.setObjectName(u"linesTable")
        self.linesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.linesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.linesTable.setColumnCount(3)

        self.dialogLayout.addWidget(self.linesTable)

        self.lineButtonsLayout = QHBoxLayout()
        self.lineButtonsLayout.setObjectName(u"lineButtonsLayout")
        self.addLineButton = QPushButton(BudgetLinesDialog)
        self.addLineButton.setObjectName(u"addLineButton")
        self.addLineButton.setAutoDefault(False)

        self.lineButtonsLayout.addWidget(self.addLineButton)

        self.removeLineButton = QPushButton(BudgetLinesDialog)
        self.removeLineButton.setObjectName(u"removeLineButton")
        self.removeLineButton.setAutoDefault(False)

        self.lineButtonsLayout.addWidget(self.removeLineButton)

        self.lineSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.lineButtonsLayout.addItem(self.lineSpacer)

        self.totalLabel = QLabel(BudgetLinesDialog)
        self.totalLabel.setObjectName(u"totalLabel")

        self.lineButtonsLayout.addWidget(self.totalLabel)


        self.dialogLayout.addLayout(self.lineButtonsLayout)

        self.errorLabel = QLabel(BudgetLinesDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(BudgetLinesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(1, 1)

        self.retranslateUi(BudgetLinesDialog)

        QMetaObject.connectSlotsByName(BudgetLinesDialog)
    # setupUi

    def retranslateUi(self, BudgetLinesDialog):
        BudgetLinesDialog.setWindowTitle(_(u"\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13\u0e02\u0e2d\u0e07\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14"))
        self.rowLabel.setText("")
        ___qtablewidgetitem = self.linesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(_(u"\u0e0a\u0e19\u0e34\u0e14"))
        ___qtablewidgetitem1 = self.linesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(_(u"\u0e08\u0e33\u0e19\u0e27\u0e19\u0e40\u0e07\u0e34\u0e19 (\u0e1a\u0e32\u0e17)"))
        ___qtablewidgetitem2 = self.linesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(_(u"\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        self.addLineButton.setText(_(u"\u0e40\u0e1e\u0e34\u0e48\u0e21\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23"))
        self.removeLineButton.setText(_(u"\u0e25\u0e1a\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23"))
        self.totalLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

