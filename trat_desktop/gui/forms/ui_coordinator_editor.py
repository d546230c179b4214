# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'coordinator_editor.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView, QToolButton, QTreeView, QVBoxLayout, QWidget)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_PlanEditorPage(object):
    def setupUi(self, PlanEditorPage):
        if not PlanEditorPage.objectName():
            PlanEditorPage.setObjectName(u"PlanEditorPage")
        PlanEditorPage.resize(1300, 760)
        self.pageLayout = QVBoxLayout(PlanEditorPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(PlanEditorPage)
        self.titleLabel.setObjectName(u"titleLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.titleLabel.sizePolicy().hasHeightForWidth())
        self.titleLabel.setSizePolicy(sizePolicy)

        self.headerLayout.addWidget(self.titleLabel)

        self.yearLabel = QLabel(PlanEditorPage)
        self.yearLabel.setObjectName(u"yearLabel")

        self.headerLayout.addWidget(self.yearLabel)

        self.yearCombo = QComboBox(PlanEditorPage)
        self.yearCombo.setObjectName(u"yearCombo")

        self.headerLayout.addWidget(self.yearCombo)

        self.copyYearButton = QPushButton(PlanEditorPage)
        self.copyYearButton.setObjectName(u"copyYearButton")

        self.headerLayout.addWidget(self.copyYearButton)

        self.agenciesButton = QPushButton(PlanEditorPage)
        self.agenciesButton.setObjectName(u"agenciesButton")

        self.headerLayout.addWidget(self.agenciesButton)

        self.trashButton = QPushButton(PlanEditorPage)
        self.trashButton.setObjectName(u"trashButton")

        self.headerLayout.addWidget(self.trashButton)


        self.pageLayout.addLayout(self.headerLayout)

        self.editorSplitter = QSplitter(PlanEditorPage)
        self.editorSplitter.setObjectName(u"editorSplitter")
        self.editorSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.editorSplitter.setChildrenCollapsible(False)
        self.partsTree = QTreeView(self.editorSplitter)
        self.partsTree.setObjectName(u"partsTree")
        self.partsTree.setHeaderHidden(True)
        self.partsTree.setWordWrap(True)
        self.editorSplitter.addWidget(self.partsTree)
        self.rightPanel = QWidget(self.editorSplitter)
        self.rightPanel.setObjectName(u"rightPanel")
        self.rightLayout = QVBoxLayout(self.rightPanel)
        self.rightLayout.setObjectName(u"rightLayout")
        self.rightLayout.setContentsMargins(0, 0, 0, 0)
        self.parentTitleLabel = QLabel(self.rightPanel)
        self.parentTitleLabel.setObjectName(u"parentTitleLabel")
        self.parentTitleLabel.setWordWrap(True)

        self.rightLayout.addWidget(self.parentTitleLabel)

        self.toolLayout = QHBoxLayout()
        self.toolLayout.setObjectName(u"toolLayout")
        self.addButton = QToolButton(self.rightPanel)
        self.addButton.setObjectName(u"addButton")

        self.toolLayout.addWidget(self.addButton)

        self.removeButton = QToolButton(self.rightPanel)
        self.removeButton.setObjectName(u"removeButton")

        self.toolLayout.addWidget(self.removeButton)

        self.upButton = QToolButton(self.rightPanel)
        self.upButton.setObjectName(u"upButton")

        self.toolLayout.addWidget(self.upButton)

        self.downButton = QToolButton(self.rightPanel)
        self.downButton.setObjectName(u"downButton")

        self.toolLayout.addWidget(self.downButton)

        self.openButton = QToolButton(self.rightPanel)
        self.openButton.setObjectName(u"openButton")

        self.toolLayout.addWidget(self.openButton)

        self.agencyPickButton = QToolButton(self.rightPanel)
        self.agencyPickButton.setObjectName(u"agencyPickButton")

        self.toolLayout.addWidget(self.agencyPickButton)

        self.budgetButton = QToolButton(self.rightPanel)
        self.budgetButton.setObjectName(u"budgetButton")

        self.toolLayout.addWidget(self.budgetButton)

        self.toolSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolLayout.addItem(self.toolSpacer)

        self.undoButton = QToolButton(self.rightPanel)
        self.undoButton.setObjectName(u"undoButton")

        self.toolLayout.addWidget(self.undoButton)

        self.redoButton = QToolButton(self.rightPanel)
        self.redoButton.setObjectName(u"redoButton")

        self.toolLayout.addWidget(self.redoButton)


        self.rightLayout.addLayout(self.toolLayout)

        self.partsTable = QTableView(self.rightPanel)
        self.partsTable.setObjectName(u"partsTable")
        self.partsTable.setAlternatingRowColors(True)
        self.partsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.partsTable.setWordWrap(True)

        self.rightLayout.addWidget(self.partsTable)

        self.hintLabel = QLabel(self.rightPanel)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.rightLayout.addWidget(self.hintLabel)

        self.rightLayout.setStretch(2, 1)
        self.editorSplitter.addWidget(self.rightPanel)

        self.pageLayout.addWidget(self.editorSplitter)

        self.messageLabel = QLabel(PlanEditorPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.messageLabel)

        self.pageLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanEditorPage)

        QMetaObject.connectSlotsByName(PlanEditorPage)
    # setupUi

    def retranslateUi(self, PlanEditorPage):
        PlanEditorPage.setWindowTitle(_(u"\u0e41\u0e01\u0e49\u0e44\u0e02\u0e41\u0e1c\u0e19"))
        self.titleLabel.setText(_(u"\u0e41\u0e01\u0e49\u0e44\u0e02\u0e41\u0e1c\u0e19\u0e1b\u0e0f\u0e34\u0e1a\u0e31\u0e15\u0e34\u0e01\u0e32\u0e23"))
        self.yearLabel.setText(_(u"\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13 \u0e1e.\u0e28."))
#if QT_CONFIG(tooltip)
        self.yearCombo.setToolTip(_(u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13\u0e02\u0e2d\u0e07\u0e41\u0e1c\u0e19\u0e17\u0e35\u0e48\u0e08\u0e30\u0e41\u0e01\u0e49\u0e44\u0e02"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.copyYearButton.setToolTip(_(u"\u0e2a\u0e23\u0e49\u0e32\u0e07\u0e41\u0e1c\u0e19\u0e02\u0e2d\u0e07\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13\u0e16\u0e31\u0e14\u0e44\u0e1b\u0e08\u0e32\u0e01\u0e41\u0e1c\u0e19\u0e1b\u0e35\u0e19\u0e35\u0e49 (\u0e44\u0e21\u0e48\u0e23\u0e27\u0e21\u0e1c\u0e25\u0e01\u0e32\u0e23\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e07\u0e32\u0e19)"))
#endif // QT_CONFIG(tooltip)
        self.copyYearButton.setText(_(u"\u0e04\u0e31\u0e14\u0e25\u0e2d\u0e01\u0e41\u0e1c\u0e19\u0e44\u0e1b\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13\u0e16\u0e31\u0e14\u0e44\u0e1b"))
#if QT_CONFIG(tooltip)
        self.agenciesButton.setToolTip(_(u"\u0e23\u0e32\u0e22\u0e0a\u0e37\u0e48\u0e2d\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19: \u0e40\u0e1e\u0e34\u0e48\u0e21 \u0e40\u0e1b\u0e25\u0e35\u0e48\u0e22\u0e19\u0e0a\u0e37\u0e48\u0e2d \u0e41\u0e25\u0e30\u0e0a\u0e37\u0e48\u0e2d\u0e2d\u0e37\u0e48\u0e19\u0e17\u0e35\u0e48\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23\u0e43\u0e0a\u0e49"))
#endif // QT_CONFIG(tooltip)
        self.agenciesButton.setText(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u2026"))
#if QT_CONFIG(tooltip)
        self.trashButton.setToolTip(_(u"\u0e2a\u0e48\u0e27\u0e19\u0e02\u0e2d\u0e07\u0e41\u0e1c\u0e19\u0e17\u0e35\u0e48\u0e25\u0e1a\u0e44\u0e27\u0e49 \u0e01\u0e39\u0e49\u0e04\u0e37\u0e19\u0e44\u0e14\u0e49"))
#endif // QT_CONFIG(tooltip)
        self.trashButton.setText(_(u"\u0e16\u0e31\u0e07\u0e02\u0e22\u0e30\u2026"))
#if QT_CONFIG(tooltip)
        self.partsTree.setToolTip(_(u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e2a\u0e48\u0e27\u0e19\u0e02\u0e2d\u0e07\u0e41\u0e1c\u0e19 \u0e15\u0e32\u0e23\u0e32\u0e07\u0e17\u0e32\u0e07\u0e02\u0e27\u0e32\u0e41\u0e2a\u0e14\u0e07\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e22\u0e48\u0e2d\u0e22\u0e02\u0e2d\u0e07\u0e2a\u0e48\u0e27\u0e19\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01"))
#endif // QT_CONFIG(tooltip)
        self.parentTitleLabel.setText(_(u"\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23"))
        self.hintLabel.setText(_(u"\u0e14\u0e31\u0e1a\u0e40\u0e1a\u0e34\u0e25\u0e04\u0e25\u0e34\u0e01\u0e2b\u0e23\u0e37\u0e2d\u0e01\u0e14 F2 \u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e41\u0e01\u0e49\u0e44\u0e02\u0e0a\u0e48\u0e2d\u0e07 \u00b7 Insert \u0e40\u0e1e\u0e34\u0e48\u0e21 \u00b7 Delete \u0e25\u0e1a \u00b7 Ctrl+\u2191/\u2193 \u0e40\u0e25\u0e37\u0e48\u0e2d\u0e19\u0e25\u0e33\u0e14\u0e31\u0e1a \u00b7 Ctrl+Z \u0e40\u0e25\u0e34\u0e01\u0e17\u0e33 \u00b7 Ctrl+Y \u0e17\u0e33\u0e0b\u0e49\u0e33"))
        self.messageLabel.setText("")
    # retranslateUi

