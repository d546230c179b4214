# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'office_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout)

from trat_desktop.gui.entry_view import EntryTableView
from trat_desktop.gui.evidence_panel import EvidencePanel
from trat_desktop.gui.wrap_label import WrapLabel

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_OfficePage(object):
    def setupUi(self, OfficePage):
        if not OfficePage.objectName():
            OfficePage.setObjectName(u"OfficePage")
        OfficePage.resize(1300, 760)
        self.pageLayout = QVBoxLayout(OfficePage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = WrapLabel(OfficePage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.titleLabel)

        self.todayLabel = WrapLabel(OfficePage)
        self.todayLabel.setObjectName(u"todayLabel")
        self.todayLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.todayLabel)

        self.setupPrompt = QFrame(OfficePage)
        self.setupPrompt.setObjectName(u"setupPrompt")
        self.setupPrompt.setStyleSheet(u"QFrame#setupPrompt { background: #fff4c2; border: 1px solid #e6c84a; border-radius: 3px; }")
        self.setupPromptLayout = QHBoxLayout(self.setupPrompt)
        self.setupPromptLayout.setObjectName(u"setupPromptLayout")
        self.setupPromptLabel = WrapLabel(self.setupPrompt)
        self.setupPromptLabel.setObjectName(u"setupPromptLabel")
        self.setupPromptLabel.setWordWrap(True)

        self.setupPromptLayout.addWidget(self.setupPromptLabel)

        self.setupButton = QPushButton(self.setupPrompt)
        self.setupButton.setObjectName(u"setupButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.setupButton.sizePolicy().hasHeightForWidth())
        self.setupButton.setSizePolicy(sizePolicy)

        self.setupPromptLayout.addWidget(self.setupButton)

        self.setupPromptLayout.setStretch(0, 1)

        self.pageLayout.addWidget(self.setupPrompt)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.agencyLabel = QLabel(OfficePage)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.filterLayout.addWidget(self.agencyLabel)

        self.agencyCombo = QComboBox(OfficePage)
        self.agencyCombo.setObjectName(u"agencyCombo")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(2)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.agencyCombo.sizePolicy().hasHeightForWidth())
        self.agencyCombo.setSizePolicy(sizePolicy1)

        self.filterLayout.addWidget(self.agencyCombo)

        self.quarterLabel = QLabel(OfficePage)
        self.quarterLabel.setObjectName(u"quarterLabel")

        self.filterLayout.addWidget(self.quarterLabel)

        self.quarterCombo = QComboBox(OfficePage)
        self.quarterCombo.setObjectName(u"quarterCombo")

        self.filterLayout.addWidget(self.quarterCombo)

        self.filterSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.countLabel = QLabel(OfficePage)
        self.countLabel.setObjectName(u"countLabel")

        self.filterLayout.addWidget(self.countLabel)


        self.pageLayout.addLayout(self.filterLayout)

        self.entrySplitter = QSplitter(OfficePage)
        self.entrySplitter.setObjectName(u"entrySplitter")
        self.entrySplitter.setOrientation(Qt.Orientation.Vertical)
        self.entrySplitter.setChildrenCollapsible(False)
        self.entryTable = EntryTableView(self.entrySplitter)
        self.entryTable.setObjectName(u"entryTable")
        self.entryTable.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed|QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed)
        self.entryTable.setTabKeyNavigation(True)
        self.entryTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entryTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.entryTable.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.entryTable.setWordWrap(True)
        self.entrySplitter.addWidget(self.entryTable)
        self.entryTable.horizontalHeader().setStretchLastSection(True)
        self.entryTable.verticalHeader().setVisible(False)
        self.evidencePanel = EvidencePanel(self.entrySplitter)
        self.evidencePanel.setObjectName(u"evidencePanel")
        self.entrySplitter.addWidget(self.evidencePanel)

        self.pageLayout.addWidget(self.entrySplitter)

        self.errorLabel = WrapLabel(OfficePage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"QLabel { background: #fde2e1; color: #8f0010; border: 1px solid #f0a0a0; border-radius: 3px; padding: 4px 8px; }")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.errorLabel)

        self.warningLabel = WrapLabel(OfficePage)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setStyleSheet(u"QLabel { background: #fff4c2; color: #5c4400; border: 1px solid #e6c84a; border-radius: 3px; padding: 4px 8px; }")
        self.warningLabel.setWordWrap(True)
        self.warningLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.warningLabel)

        self.hintLabel = WrapLabel(OfficePage)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.hintLabel)

        self.pageLayout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.agencyLabel.setBuddy(self.agencyCombo)
        self.quarterLabel.setBuddy(self.quarterCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OfficePage)

        QMetaObject.connectSlotsByName(OfficePage)
    # setupUi

    def retranslateUi(self, OfficePage):
        OfficePage.setWindowTitle(_(u"\u0e07\u0e32\u0e19\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        self.titleLabel.setText(_(u"\u0e07\u0e32\u0e19\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        self.todayLabel.setText("")
        self.setupPromptLabel.setText(_(u"\u0e22\u0e31\u0e07\u0e44\u0e21\u0e48\u0e44\u0e14\u0e49\u0e15\u0e31\u0e49\u0e07\u0e04\u0e48\u0e32\u0e27\u0e48\u0e32\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e19\u0e35\u0e49\u0e40\u0e1b\u0e47\u0e19\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e43\u0e14 \u0e08\u0e36\u0e07\u0e22\u0e31\u0e07\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e1c\u0e25\u0e01\u0e32\u0e23\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e07\u0e32\u0e19\u0e44\u0e21\u0e48\u0e44\u0e14\u0e49"))
        self.setupButton.setText(_(u"\u0e15\u0e31\u0e49\u0e07\u0e04\u0e48\u0e32\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u2026"))
        self.agencyLabel.setText(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19:"))
#if QT_CONFIG(tooltip)
        self.agencyCombo.setToolTip(_(u"\u0e41\u0e2a\u0e14\u0e07\u0e40\u0e09\u0e1e\u0e32\u0e30\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01 (\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e0a\u0e37\u0e48\u0e2d \u0e0a\u0e37\u0e48\u0e2d\u0e22\u0e48\u0e2d \u0e2b\u0e23\u0e37\u0e2d\u0e1a\u0e32\u0e07\u0e2a\u0e48\u0e27\u0e19\u0e02\u0e2d\u0e07\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e04\u0e49\u0e19\u0e2b\u0e32)"))
#endif // QT_CONFIG(tooltip)
        self.quarterLabel.setText(_(u"\u0e41\u0e2a\u0e14\u0e07:"))
#if QT_CONFIG(tooltip)
        self.quarterCombo.setToolTip(_(u"\u0e41\u0e2a\u0e14\u0e07\u0e17\u0e38\u0e01\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a \u0e2b\u0e23\u0e37\u0e2d\u0e40\u0e09\u0e1e\u0e32\u0e30\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a\u0e40\u0e14\u0e35\u0e22\u0e27\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e01\u0e23\u0e2d\u0e01\u0e1c\u0e25\u0e02\u0e2d\u0e07\u0e17\u0e38\u0e01\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14\u0e15\u0e48\u0e2d\u0e40\u0e19\u0e37\u0e48\u0e2d\u0e07\u0e01\u0e31\u0e19"))
#endif // QT_CONFIG(tooltip)
        self.countLabel.setText("")
#if QT_CONFIG(tooltip)
        self.entryTable.setToolTip("")
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
        self.warningLabel.setText("")
        self.hintLabel.setText(_(u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e04\u0e48\u0e32\u0e41\u0e25\u0e49\u0e27\u0e01\u0e14 Enter \u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e41\u0e25\u0e30\u0e25\u0e07\u0e44\u0e1b\u0e1a\u0e23\u0e23\u0e17\u0e31\u0e14\u0e16\u0e31\u0e14\u0e44\u0e1b \u00b7 Tab \u0e44\u0e1b\u0e0a\u0e48\u0e2d\u0e07\u0e16\u0e31\u0e14\u0e44\u0e1b \u00b7 F2 \u0e41\u0e01\u0e49\u0e44\u0e02\u0e04\u0e48\u0e32\u0e40\u0e14\u0e34\u0e21 \u00b7 Delete \u0e25\u0e49\u0e32\u0e07\u0e04\u0e48\u0e32 \u00b7 Ctrl+Z \u0e40\u0e25\u0e34\u0e01\u0e17\u0e33 \u00b7 \u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e2d\u0e31\u0e15\u0e42\u0e19\u0e21\u0e31\u0e15\u0e34\u0e17\u0e38\u0e01\u0e04\u0e23\u0e31\u0e49\u0e07\u0e17\u0e35\u0e48\u0e41\u0e01\u0e49\u0e44\u0e02"))
    # retranslateUi

