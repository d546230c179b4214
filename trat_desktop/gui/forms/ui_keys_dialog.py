# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'keys_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_KeysDialog(object):
    def setupUi(self, KeysDialog):
        if not KeysDialog.objectName():
            KeysDialog.setObjectName(u"KeysDialog")
        KeysDialog.resize(860, 600)
        self.dialogLayout = QVBoxLayout(KeysDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.myGroup = QGroupBox(KeysDialog)
        self.myGroup.setObjectName(u"myGroup")
        self.myLayout = QVBoxLayout(self.myGroup)
        self.myLayout.setObjectName(u"myLayout")
        self.roleLabel = QLabel(self.myGroup)
        self.roleLabel.setObjectName(u"roleLabel")
        self.roleLabel.setWordWrap(True)

        self.myLayout.addWidget(self.roleLabel)

        self.fingerprintLabel = QLabel(self.myGroup)
        self.fingerprintLabel.setObjectName(u"fingerprintLabel")
        self.fingerprintLabel.setStyleSheet(u"QLabel { background: #f4f7fb; border: 1px solid #c9d6e6; border-radius: 4px; padding: 10px; }")
        self.fingerprintLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprintLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.myLayout.addWidget(self.fingerprintLabel)

        self.myButtonsLayout = QHBoxLayout()
        self.myButtonsLayout.setObjectName(u"myButtonsLayout")
        self.myHintLabel = QLabel(self.myGroup)
        self.myHintLabel.setObjectName(u"myHintLabel")
        self.myHintLabel.setWordWrap(True)

        self.myButtonsLayout.addWidget(self.myHintLabel)

        self.copyButton = QPushButton(self.myGroup)
        self.copyButton.setObjectName(u"copyButton")
        self.copyButton.setAutoDefault(False)

        self.myButtonsLayout.addWidget(self.copyButton)

        self.myButtonsLayout.setStretch(0, 1)

        self.myLayout.addLayout(self.myButtonsLayout)


        self.dialogLayout.addWidget(self.myGroup)

        self.officesGroup = QGroupBox(KeysDialog)
        self.officesGroup.setObjectName(u"officesGroup")
        self.officesLayout = QVBoxLayout(self.officesGroup)
        self.officesLayout.setObjectName(u"officesLayout")
        self.officesHintLabel = QLabel(self.officesGroup)
        self.officesHintLabel.setObjectName(u"officesHintLabel")
        self.officesHintLabel.setWordWrap(True)

        self.officesLayout.addWidget(self.officesHintLabel)

        self.officesTable = QTableWidget(self.officesGroup)
        if (self.officesTable.columnCount() < 4):
            self.officesTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.officesTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.officesTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.officesTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.officesTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.officesTable.setObjectName(u"officesTable")
        self.officesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.officesTable.setAlternatingRowColors(True)
        self.officesTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.officesTable.setColumnCount(4)
        self.officesTable.verticalHeader().setVisible(False)

        self.officesLayout.addWidget(self.officesTable)


        self.dialogLayout.addWidget(self.officesGroup)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.closeButton = QPushButton(KeysDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsLayout)

        self.dialogLayout.setStretch(1, 1)

        self.retranslateUi(KeysDialog)

        QMetaObject.connectSlotsByName(KeysDialog)
    # setupUi

    def retranslateUi(self, KeysDialog):
        KeysDialog.setWindowTitle(_(u"\u0e01\u0e38\u0e0d\u0e41\u0e08\u0e41\u0e25\u0e30\u0e25\u0e32\u0e22\u0e19\u0e34\u0e49\u0e27\u0e21\u0e37\u0e2d"))
        self.myGroup.setTitle(_(u"\u0e25\u0e32\u0e22\u0e19\u0e34\u0e49\u0e27\u0e21\u0e37\u0e2d\u0e01\u0e38\u0e0d\u0e41\u0e08\u0e02\u0e2d\u0e07\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e19\u0e35\u0e49"))
        self.roleLabel.setText("")
        self.fingerprintLabel.setText("")
        self.myHintLabel.setText(_(u"\u0e2d\u0e48\u0e32\u0e19\u0e15\u0e31\u0e27\u0e40\u0e25\u0e02\u0e19\u0e35\u0e49\u0e43\u0e2b\u0e49\u0e1c\u0e39\u0e49\u0e1b\u0e23\u0e30\u0e2a\u0e32\u0e19\u0e07\u0e32\u0e19\u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14\u0e1f\u0e31\u0e07\u0e17\u0e32\u0e07\u0e42\u0e17\u0e23\u0e28\u0e31\u0e1e\u0e17\u0e4c \u0e40\u0e21\u0e37\u0e48\u0e2d\u0e2a\u0e48\u0e07\u0e44\u0e1f\u0e25\u0e4c\u0e40\u0e1b\u0e47\u0e19\u0e04\u0e23\u0e31\u0e49\u0e07\u0e41\u0e23\u0e01\u0e2b\u0e23\u0e37\u0e2d\u0e40\u0e21\u0e37\u0e48\u0e2d\u0e40\u0e1b\u0e25\u0e35\u0e48\u0e22\u0e19\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07 \u0e2d\u0e35\u0e01\u0e1d\u0e48\u0e32\u0e22\u0e15\u0e49\u0e2d\u0e07\u0e40\u0e2b\u0e47\u0e19\u0e15\u0e31\u0e27\u0e40\u0e25\u0e02\u0e40\u0e14\u0e35\u0e22\u0e27\u0e01\u0e31\u0e19\u0e17\u0e38\u0e01\u0e15\u0e31\u0e27"))
        self.copyButton.setText(_(u"\u0e04\u0e31\u0e14\u0e25\u0e2d\u0e01"))
        self.officesGroup.setTitle(_(u"\u0e01\u0e38\u0e0d\u0e41\u0e08\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e25\u0e07\u0e17\u0e30\u0e40\u0e1a\u0e35\u0e22\u0e19\u0e41\u0e25\u0e49\u0e27"))
        self.officesHintLabel.setText(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e40\u0e1b\u0e25\u0e35\u0e48\u0e22\u0e19\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e2b\u0e23\u0e37\u0e2d\u0e15\u0e34\u0e14\u0e15\u0e31\u0e49\u0e07\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21\u0e43\u0e2b\u0e21\u0e48: \u0e01\u0e14 \u201c\u0e25\u0e07\u0e17\u0e30\u0e40\u0e1a\u0e35\u0e22\u0e19\u0e43\u0e2b\u0e21\u0e48\u201d \u0e41\u0e25\u0e49\u0e27\u0e22\u0e37\u0e19\u0e22\u0e31\u0e19\u0e25\u0e32\u0e22\u0e19\u0e34\u0e49\u0e27\u0e21\u0e37\u0e2d\u0e43\u0e2b\u0e21\u0e48\u0e17\u0e32\u0e07\u0e42\u0e17\u0e23\u0e28\u0e31\u0e1e\u0e17\u0e4c\u0e40\u0e21\u0e37\u0e48\u0e2d\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e44\u0e1f\u0e25\u0e4c\u0e16\u0e31\u0e14\u0e44\u0e1b"))
        ___qtablewidgetitem = self.officesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        ___qtablewidgetitem1 = self.officesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(_(u"\u0e25\u0e32\u0e22\u0e19\u0e34\u0e49\u0e27\u0e21\u0e37\u0e2d"))
        ___qtablewidgetitem2 = self.officesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(_(u"\u0e25\u0e07\u0e17\u0e30\u0e40\u0e1a\u0e35\u0e22\u0e19\u0e40\u0e21\u0e37\u0e48\u0e2d"))
        self.closeButton.setText(_(u"\u0e1b\u0e34\u0e14"))
    # retranslateUi

