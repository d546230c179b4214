# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'warnings_dock.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_WarningsDock(object):
    def setupUi(self, warningsDock):
        if not warningsDock.objectName():
            warningsDock.setObjectName(u"warningsDock")
        warningsDock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable|QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.warningsContents = QWidget()
        self.warningsContents.setObjectName(u"warningsContents")
        self.warningsLayout = QVBoxLayout(self.warningsContents)
        self.warningsLayout.setObjectName(u"warningsLayout")
        self.warningsLayout.setContentsMargins(2, 0, 2, 2)
        self.warningsTable = QTableWidget(self.warningsContents)
        if (self.warningsTable.columnCount() < 2):
            self.warningsTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.warningsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.warningsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.warningsTable.setObjectName(u"warningsTable")
        self.warningsTable.setMinimumSize(QSize(0, 48))
        self.warningsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.warningsTable.setAlternatingRowColors(True)
        self.warningsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.warningsTable.setWordWrap(True)
        self.warningsTable.setColumnCount(2)
        self.warningsTable.horizontalHeader().setStretchLastSection(True)
        self.warningsTable.verticalHeader().setVisible(False)

        self.warningsLayout.addWidget(self.warningsTable)

        warningsDock.setWidget(self.warningsContents)

        self.retranslateUi(warningsDock)

        QMetaObject.connectSlotsByName(warningsDock)
    # setupUi

    def retranslateUi(self, warningsDock):
        warningsDock.setWindowTitle(_(u"\u0e04\u0e33\u0e40\u0e15\u0e37\u0e2d\u0e19\u0e08\u0e32\u0e01\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23\u0e41\u0e1c\u0e19"))
        ___qtablewidgetitem = self.warningsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(_(u"\u0e1a\u0e23\u0e23\u0e17\u0e31\u0e14"))
        ___qtablewidgetitem1 = self.warningsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(_(u"\u0e04\u0e33\u0e40\u0e15\u0e37\u0e2d\u0e19"))
    # retranslateUi

