# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QTreeView, QVBoxLayout, QWidget)

from trat_desktop.gui.wrap_label import WrapLabel

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_PlanPage(object):
    def setupUi(self, PlanPage):
        if not PlanPage.objectName():
            PlanPage.setObjectName(u"PlanPage")
        self.planLayout = QVBoxLayout(PlanPage)
        self.planLayout.setObjectName(u"planLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.planTitleLabel = WrapLabel(PlanPage)
        self.planTitleLabel.setObjectName(u"planTitleLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.planTitleLabel.sizePolicy().hasHeightForWidth())
        self.planTitleLabel.setSizePolicy(sizePolicy)
        self.planTitleLabel.setWordWrap(True)

        self.headerLayout.addWidget(self.planTitleLabel)


        self.planLayout.addLayout(self.headerLayout)

        self.summaryLayout = QHBoxLayout()
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.fiscalYearLabel = QLabel(PlanPage)
        self.fiscalYearLabel.setObjectName(u"fiscalYearLabel")

        self.summaryLayout.addWidget(self.fiscalYearLabel)

        self.rowCountLabel = QLabel(PlanPage)
        self.rowCountLabel.setObjectName(u"rowCountLabel")

        self.summaryLayout.addWidget(self.rowCountLabel)

        self.totalBudgetLabel = QLabel(PlanPage)
        self.totalBudgetLabel.setObjectName(u"totalBudgetLabel")

        self.summaryLayout.addWidget(self.totalBudgetLabel)

        self.summarySpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.summaryLayout.addItem(self.summarySpacer)


        self.planLayout.addLayout(self.summaryLayout)

        self.mainSplitter = QSplitter(PlanPage)
        self.mainSplitter.setObjectName(u"mainSplitter")
        self.mainSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.mainSplitter.setChildrenCollapsible(False)
        self.planTree = QTreeView(self.mainSplitter)
        self.planTree.setObjectName(u"planTree")
        self.planTree.setAlternatingRowColors(True)
        self.planTree.setUniformRowHeights(False)
        self.planTree.setWordWrap(True)
        self.mainSplitter.addWidget(self.planTree)
        self.planTree.header().setStretchLastSection(False)
        self.detailPanel = QWidget(self.mainSplitter)
        self.detailPanel.setObjectName(u"detailPanel")
        self.detailLayout = QVBoxLayout(self.detailPanel)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.selectionTitleLabel = WrapLabel(self.detailPanel)
        self.selectionTitleLabel.setObjectName(u"selectionTitleLabel")
        self.selectionTitleLabel.setWordWrap(True)
        self.selectionTitleLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.selectionTitleLabel)

        self.selectionSummaryLabel = QLabel(self.detailPanel)
        self.selectionSummaryLabel.setObjectName(u"selectionSummaryLabel")

        self.detailLayout.addWidget(self.selectionSummaryLabel)

        self.rowsTable = QTableView(self.detailPanel)
        self.rowsTable.setObjectName(u"rowsTable")
        self.rowsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rowsTable.setAlternatingRowColors(True)
        self.rowsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rowsTable.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.rowsTable.setWordWrap(True)
        self.rowsTable.horizontalHeader().setStretchLastSection(False)
        self.rowsTable.verticalHeader().setVisible(False)

        self.detailLayout.addWidget(self.rowsTable)

        self.mainSplitter.addWidget(self.detailPanel)

        self.planLayout.addWidget(self.mainSplitter)

        self.planLayout.setStretch(2, 1)

        self.retranslateUi(PlanPage)

        QMetaObject.connectSlotsByName(PlanPage)
    # setupUi

    def retranslateUi(self, PlanPage):
        self.planTitleLabel.setText(_(u"\u0e41\u0e1c\u0e19\u0e1b\u0e0f\u0e34\u0e1a\u0e31\u0e15\u0e34\u0e01\u0e32\u0e23\u0e2a\u0e48\u0e07\u0e40\u0e2a\u0e23\u0e34\u0e21\u0e04\u0e38\u0e13\u0e18\u0e23\u0e23\u0e21 \u0e08\u0e23\u0e34\u0e22\u0e18\u0e23\u0e23\u0e21 \u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14\u0e15\u0e23\u0e32\u0e14"))
        self.fiscalYearLabel.setText(_(u"\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13"))
        self.rowCountLabel.setText(_(u"\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14"))
        self.totalBudgetLabel.setText(_(u"\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13\u0e23\u0e27\u0e21"))
#if QT_CONFIG(tooltip)
        self.planTree.setToolTip(_(u"\u0e22\u0e38\u0e17\u0e18\u0e28\u0e32\u0e2a\u0e15\u0e23\u0e4c \u0e01\u0e25\u0e22\u0e38\u0e17\u0e18\u0e4c \u0e41\u0e25\u0e30\u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23/\u0e01\u0e34\u0e08\u0e01\u0e23\u0e23\u0e21"))
#endif // QT_CONFIG(tooltip)
        self.selectionTitleLabel.setText(_(u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23/\u0e01\u0e34\u0e08\u0e01\u0e23\u0e23\u0e21\u0e08\u0e32\u0e01\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e14\u0e49\u0e32\u0e19\u0e0b\u0e49\u0e32\u0e22"))
        self.selectionSummaryLabel.setText("")
        pass
    # retranslateUi

