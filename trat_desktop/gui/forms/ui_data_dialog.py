# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'data_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_DataDialog(object):
    def setupUi(self, DataDialog):
        if not DataDialog.objectName():
            DataDialog.setObjectName(u"DataDialog")
        DataDialog.resize(720, 560)
        self.dialogLayout = QVBoxLayout(DataDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.folderGroup = QGroupBox(DataDialog)
        self.folderGroup.setObjectName(u"folderGroup")
        self.folderLayout = QVBoxLayout(self.folderGroup)
        self.folderLayout.setObjectName(u"folderLayout")
        self.folderHelpLabel = QLabel(self.folderGroup)
        self.folderHelpLabel.setObjectName(u"folderHelpLabel")
        self.folderHelpLabel.setWordWrap(True)

        self.folderLayout.addWidget(self.folderHelpLabel)

        self.folderLabel = QLabel(self.folderGroup)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setStyleSheet(u"QLabel { background: #f4f7fb; border: 1px solid #c9d6e6; border-radius: 4px; padding: 6px; }")
        self.folderLabel.setWordWrap(True)
        self.folderLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.folderLayout.addWidget(self.folderLabel)

        self.folderButtons = QHBoxLayout()
        self.folderButtons.setObjectName(u"folderButtons")
        self.dbLabel = QLabel(self.folderGroup)
        self.dbLabel.setObjectName(u"dbLabel")
        self.dbLabel.setWordWrap(True)

        self.folderButtons.addWidget(self.dbLabel)

        self.openFolderButton = QPushButton(self.folderGroup)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.folderButtons.addWidget(self.openFolderButton)

        self.folderButtons.setStretch(0, 1)

        self.folderLayout.addLayout(self.folderButtons)


        self.dialogLayout.addWidget(self.folderGroup)

        self.backupGroup = QGroupBox(DataDialog)
        self.backupGroup.setObjectName(u"backupGroup")
        self.backupLayout = QVBoxLayout(self.backupGroup)
        self.backupLayout.setObjectName(u"backupLayout")
        self.autoLabel = QLabel(self.backupGroup)
        self.autoLabel.setObjectName(u"autoLabel")
        self.autoLabel.setWordWrap(True)

        self.backupLayout.addWidget(self.autoLabel)

        self.lastBackupLabel = QLabel(self.backupGroup)
        self.lastBackupLabel.setObjectName(u"lastBackupLabel")
        self.lastBackupLabel.setWordWrap(True)

        self.backupLayout.addWidget(self.lastBackupLabel)

        self.backupButtons = QHBoxLayout()
        self.backupButtons.setObjectName(u"backupButtons")
        self.backupButton = QPushButton(self.backupGroup)
        self.backupButton.setObjectName(u"backupButton")

        self.backupButtons.addWidget(self.backupButton)

        self.openBackupsButton = QPushButton(self.backupGroup)
        self.openBackupsButton.setObjectName(u"openBackupsButton")

        self.backupButtons.addWidget(self.openBackupsButton)

        self.backupSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backupButtons.addItem(self.backupSpacer)


        self.backupLayout.addLayout(self.backupButtons)


        self.dialogLayout.addWidget(self.backupGroup)

        self.restoreGroup = QGroupBox(DataDialog)
        self.restoreGroup.setObjectName(u"restoreGroup")
        self.restoreLayout = QVBoxLayout(self.restoreGroup)
        self.restoreLayout.setObjectName(u"restoreLayout")
        self.restoreHelpLabel = QLabel(self.restoreGroup)
        self.restoreHelpLabel.setObjectName(u"restoreHelpLabel")
        self.restoreHelpLabel.setWordWrap(True)

        self.restoreLayout.addWidget(self.restoreHelpLabel)

        self.restoreButtons = QHBoxLayout()
        self.restoreButtons.setObjectName(u"restoreButtons")
        self.restoreButton = QPushButton(self.restoreGroup)
        self.restoreButton.setObjectName(u"restoreButton")

        self.restoreButtons.addWidget(self.restoreButton)

        self.restoreSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.restoreButtons.addItem(self.restoreSpacer)


        self.restoreLayout.addLayout(self.restoreButtons)


        self.dialogLayout.addWidget(self.restoreGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.closeLayout = QHBoxLayout()
        self.closeLayout.setObjectName(u"closeLayout")
        self.closeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.closeLayout.addItem(self.closeSpacer)

        self.closeButton = QPushButton(DataDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.closeLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.closeLayout)


        self.retranslateUi(DataDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(DataDialog)
    # setupUi

    def retranslateUi(self, DataDialog):
        DataDialog.setWindowTitle(_(u"\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e41\u0e25\u0e30\u0e01\u0e32\u0e23\u0e2a\u0e33\u0e23\u0e2d\u0e07"))
        self.folderGroup.setTitle(_(u"\u0e42\u0e1f\u0e25\u0e40\u0e14\u0e2d\u0e23\u0e4c\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e02\u0e2d\u0e07\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e19\u0e35\u0e49"))
        self.folderHelpLabel.setText(_(u"\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25 \u0e44\u0e1f\u0e25\u0e4c\u0e2b\u0e25\u0e31\u0e01\u0e10\u0e32\u0e19\u0e17\u0e35\u0e48\u0e41\u0e19\u0e1a \u0e01\u0e38\u0e0d\u0e41\u0e08\u0e02\u0e2d\u0e07\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07 \u0e41\u0e25\u0e30\u0e44\u0e1f\u0e25\u0e4c\u0e2a\u0e33\u0e23\u0e2d\u0e07\u0e2d\u0e31\u0e15\u0e42\u0e19\u0e21\u0e31\u0e15\u0e34 \u0e40\u0e01\u0e47\u0e1a\u0e2d\u0e22\u0e39\u0e48\u0e43\u0e19\u0e42\u0e1f\u0e25\u0e40\u0e14\u0e2d\u0e23\u0e4c\u0e19\u0e35\u0e49\u0e17\u0e31\u0e49\u0e07\u0e2b\u0e21\u0e14 \u0e40\u0e21\u0e37\u0e48\u0e2d\u0e22\u0e49\u0e32\u0e22\u0e44\u0e1b\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e43\u0e2b\u0e21\u0e48\u0e43\u0e2b\u0e49\u0e04\u0e31\u0e14\u0e25\u0e2d\u0e01\u0e17\u0e31\u0e49\u0e07\u0e42\u0e1f\u0e25\u0e40\u0e14\u0e2d\u0e23\u0e4c"))
        self.openFolderButton.setText(_(u"\u0e40\u0e1b\u0e34\u0e14\u0e42\u0e1f\u0e25\u0e40\u0e14\u0e2d\u0e23\u0e4c"))
        self.backupGroup.setTitle(_(u"\u0e2a\u0e33\u0e23\u0e2d\u0e07\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25"))
        self.backupButton.setText(_(u"\u0e2a\u0e33\u0e23\u0e2d\u0e07\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e15\u0e2d\u0e19\u0e19\u0e35\u0e49\u2026"))
#if QT_CONFIG(tooltip)
        self.backupButton.setToolTip(_(u"\u0e04\u0e31\u0e14\u0e25\u0e2d\u0e01\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e17\u0e31\u0e49\u0e07\u0e2b\u0e21\u0e14\u0e44\u0e1b\u0e40\u0e01\u0e47\u0e1a\u0e44\u0e27\u0e49 \u0e40\u0e0a\u0e48\u0e19 \u0e43\u0e19\u0e41\u0e1f\u0e25\u0e0a\u0e44\u0e14\u0e23\u0e1f\u0e4c (USB)"))
#endif // QT_CONFIG(tooltip)
        self.openBackupsButton.setText(_(u"\u0e40\u0e1b\u0e34\u0e14\u0e42\u0e1f\u0e25\u0e40\u0e14\u0e2d\u0e23\u0e4c\u0e2a\u0e33\u0e23\u0e2d\u0e07\u0e2d\u0e31\u0e15\u0e42\u0e19\u0e21\u0e31\u0e15\u0e34"))
        self.restoreGroup.setTitle(_(u"\u0e01\u0e39\u0e49\u0e04\u0e37\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25"))
        self.restoreHelpLabel.setText(_(u"\u0e19\u0e33\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e08\u0e32\u0e01\u0e44\u0e1f\u0e25\u0e4c\u0e2a\u0e33\u0e23\u0e2d\u0e07\u0e01\u0e25\u0e31\u0e1a\u0e21\u0e32\u0e43\u0e0a\u0e49\u0e41\u0e17\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e1b\u0e31\u0e08\u0e08\u0e38\u0e1a\u0e31\u0e19 \u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21\u0e08\u0e30\u0e15\u0e23\u0e27\u0e08\u0e44\u0e1f\u0e25\u0e4c\u0e01\u0e48\u0e2d\u0e19 \u0e41\u0e25\u0e30\u0e40\u0e01\u0e47\u0e1a\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e1b\u0e31\u0e08\u0e08\u0e38\u0e1a\u0e31\u0e19\u0e44\u0e27\u0e49\u0e43\u0e19\u0e42\u0e1f\u0e25\u0e40\u0e14\u0e2d\u0e23\u0e4c\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25 (\u0e44\u0e21\u0e48\u0e25\u0e1a\u0e17\u0e34\u0e49\u0e07) \u0e08\u0e32\u0e01\u0e19\u0e31\u0e49\u0e19\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21\u0e08\u0e30\u0e40\u0e23\u0e34\u0e48\u0e21\u0e43\u0e2b\u0e21\u0e48"))
        self.restoreButton.setText(_(u"\u0e01\u0e39\u0e49\u0e04\u0e37\u0e19\u0e08\u0e32\u0e01\u0e44\u0e1f\u0e25\u0e4c\u0e2a\u0e33\u0e23\u0e2d\u0e07\u2026"))
        self.closeButton.setText(_(u"\u0e1b\u0e34\u0e14"))
    # retranslateUi

