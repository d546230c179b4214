# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'trash_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_TrashDialog(object):
    def setupUi(self, TrashDialog):
        if not TrashDialog.objectName():
            TrashDialog.setObjectName(u"TrashDialog")
        TrashDialog.resize(820, 460)
        self.dialogLayout = QVBoxLayout(TrashDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.infoLabel = QLabel(TrashDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.infoLabel)

        self.trashTable = QTableWidget(TrashDialog)
        if (self.trashTable.columnCount() < 4):
            self.trashTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.trashTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.trashTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.trashTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.trashTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.trashTable.setObjectName(u"trashTable")
        self.trashTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trashTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.trashTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.trashTable.setColumnCount(4)

        self.dialogLayout.addWidget(self.trashTable)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.restoreButton = QPushButton(TrashDialog)
        self.restoreButton.setObjectName(u"restoreButton")
        self.restoreButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.restoreButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)


        self.dialogLayout.addLayout(self.buttonsLayout)

        self.errorLabel = QLabel(TrashDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TrashDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(1, 1)

        self.retranslateUi(TrashDialog)

        QMetaObject.connectSlotsByName(TrashDialog)
    # setupUi

    def retranslateUi(self, TrashDialog):
        TrashDialog.setWindowTitle(_(u"\u0e16\u0e31\u0e07\u0e02\u0e22\u0e30: \u0e2a\u0e48\u0e27\u0e19\u0e02\u0e2d\u0e07\u0e41\u0e1c\u0e19\u0e17\u0e35\u0e48\u0e25\u0e1a\u0e44\u0e27\u0e49"))
        self.infoLabel.setText(_(u"\u0e2a\u0e48\u0e27\u0e19\u0e02\u0e2d\u0e07\u0e41\u0e1c\u0e19\u0e17\u0e35\u0e48\u0e25\u0e1a\u0e44\u0e27\u0e49\u0e22\u0e31\u0e07\u0e40\u0e01\u0e47\u0e1a\u0e44\u0e27\u0e49\u0e1e\u0e23\u0e49\u0e2d\u0e21\u0e1c\u0e25\u0e01\u0e32\u0e23\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e41\u0e25\u0e49\u0e27 \u0e40\u0e25\u0e37\u0e2d\u0e01\u0e41\u0e25\u0e49\u0e27\u0e01\u0e14 \u201c\u0e01\u0e39\u0e49\u0e04\u0e37\u0e19\u201d \u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e19\u0e33\u0e01\u0e25\u0e31\u0e1a\u0e44\u0e1b\u0e44\u0e27\u0e49\u0e17\u0e35\u0e48\u0e40\u0e14\u0e34\u0e21"))
        ___qtablewidgetitem = self.trashTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(_(u"\u0e1b\u0e23\u0e30\u0e40\u0e20\u0e17"))
        ___qtablewidgetitem1 = self.trashTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(_(u"\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23"))
        ___qtablewidgetitem2 = self.trashTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(_(u"\u0e25\u0e1a\u0e40\u0e21\u0e37\u0e48\u0e2d"))
        ___qtablewidgetitem3 = self.trashTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(_(u"\u0e1c\u0e39\u0e49\u0e25\u0e1a"))
        self.restoreButton.setText(_(u"\u0e01\u0e39\u0e49\u0e04\u0e37\u0e19"))
        self.errorLabel.setText("")
    # retranslateUi

