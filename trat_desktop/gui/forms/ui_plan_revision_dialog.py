# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_revision_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_PlanRevisionDialog(object):
    def setupUi(self, PlanRevisionDialog):
        if not PlanRevisionDialog.objectName():
            PlanRevisionDialog.setObjectName(u"PlanRevisionDialog")
        PlanRevisionDialog.resize(900, 600)
        self.dialogLayout = QVBoxLayout(PlanRevisionDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.infoLabel = QLabel(PlanRevisionDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.infoLabel)

        self.previewText = QPlainTextEdit(PlanRevisionDialog)
        self.previewText.setObjectName(u"previewText")
        self.previewText.setReadOnly(True)

        self.dialogLayout.addWidget(self.previewText)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.applyButton = QPushButton(PlanRevisionDialog)
        self.applyButton.setObjectName(u"applyButton")

        self.buttonsLayout.addWidget(self.applyButton)

        self.cancelButton = QPushButton(PlanRevisionDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonsLayout.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonsLayout)

        self.dialogLayout.setStretch(1, 1)

        self.retranslateUi(PlanRevisionDialog)

        QMetaObject.connectSlotsByName(PlanRevisionDialog)
    # setupUi

    def retranslateUi(self, PlanRevisionDialog):
        PlanRevisionDialog.setWindowTitle(_(u"\u0e40\u0e1b\u0e23\u0e35\u0e22\u0e1a\u0e40\u0e17\u0e35\u0e22\u0e1a\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23\u0e41\u0e1c\u0e19\u0e09\u0e1a\u0e31\u0e1a\u0e1b\u0e23\u0e31\u0e1a\u0e1b\u0e23\u0e38\u0e07\u0e01\u0e31\u0e1a\u0e41\u0e1c\u0e19\u0e17\u0e35\u0e48\u0e21\u0e35\u0e2d\u0e22\u0e39\u0e48"))
        self.infoLabel.setText(_(u"\u0e15\u0e23\u0e27\u0e08\u0e14\u0e39\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e14\u0e49\u0e32\u0e19\u0e25\u0e48\u0e32\u0e07\u0e01\u0e48\u0e2d\u0e19 \u0e22\u0e31\u0e07\u0e44\u0e21\u0e48\u0e21\u0e35\u0e01\u0e32\u0e23\u0e40\u0e1b\u0e25\u0e35\u0e48\u0e22\u0e19\u0e41\u0e1b\u0e25\u0e07\u0e43\u0e14 \u0e46 \u0e08\u0e19\u0e01\u0e27\u0e48\u0e32\u0e08\u0e30\u0e01\u0e14\u0e1b\u0e38\u0e48\u0e21 \u201c\u0e1b\u0e23\u0e31\u0e1a\u0e41\u0e1c\u0e19\u0e15\u0e32\u0e21\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23\u0e19\u0e35\u0e49\u201d \u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14\u0e08\u0e31\u0e1a\u0e04\u0e39\u0e48\u0e15\u0e32\u0e21\u0e40\u0e19\u0e37\u0e49\u0e2d\u0e2b\u0e32 \u0e1c\u0e25\u0e01\u0e32\u0e23\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e44\u0e27\u0e49\u0e2d\u0e22\u0e39\u0e48\u0e01\u0e31\u0e1a\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14\u0e40\u0e14\u0e34\u0e21\u0e40\u0e2a\u0e21\u0e2d \u0e41\u0e16\u0e27\u0e17\u0e35\u0e48\u0e16\u0e39\u0e01\u0e19\u0e33"
                        "\u0e2d\u0e2d\u0e01\u0e44\u0e1b\u0e2d\u0e22\u0e39\u0e48\u0e43\u0e19\u0e16\u0e31\u0e07\u0e02\u0e22\u0e30\u0e41\u0e25\u0e30\u0e01\u0e39\u0e49\u0e04\u0e37\u0e19\u0e44\u0e14\u0e49"))
        self.applyButton.setText(_(u"\u0e1b\u0e23\u0e31\u0e1a\u0e41\u0e1c\u0e19\u0e15\u0e32\u0e21\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23\u0e19\u0e35\u0e49"))
        self.cancelButton.setText(_(u"\u0e22\u0e01\u0e40\u0e25\u0e34\u0e01"))
    # retranslateUi

