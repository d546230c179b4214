# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'evidence_panel.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout)

from trat_desktop.gui.wrap_label import WrapLabel

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_EvidencePanel(object):
    def setupUi(self, EvidencePanel):
        if not EvidencePanel.objectName():
            EvidencePanel.setObjectName(u"EvidencePanel")
        EvidencePanel.resize(1200, 170)
        EvidencePanel.setMinimumSize(QSize(0, 120))
        self.panelLayout = QHBoxLayout(EvidencePanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 4, 0, 0)
        self.infoLayout = QVBoxLayout()
        self.infoLayout.setObjectName(u"infoLayout")
        self.titleLabel = QLabel(EvidencePanel)
        self.titleLabel.setObjectName(u"titleLabel")

        self.infoLayout.addWidget(self.titleLabel)

        self.contextLabel = WrapLabel(EvidencePanel)
        self.contextLabel.setObjectName(u"contextLabel")
        self.contextLabel.setWordWrap(True)

        self.infoLayout.addWidget(self.contextLabel)

        self.messageLabel = WrapLabel(EvidencePanel)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setStyleSheet(u"QLabel { background: #fde2e1; color: #8f0010; border: 1px solid #f0a0a0; border-radius: 3px; padding: 4px 8px; }")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoLayout.addWidget(self.messageLabel)

        self.infoSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.infoLayout.addItem(self.infoSpacer)

        self.hintLabel = WrapLabel(EvidencePanel)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"QLabel { color: #555555; }")
        self.hintLabel.setWordWrap(True)

        self.infoLayout.addWidget(self.hintLabel)


        self.panelLayout.addLayout(self.infoLayout)

        self.fileList = QListWidget(EvidencePanel)
        self.fileList.setObjectName(u"fileList")
        self.fileList.setAlternatingRowColors(True)
        self.fileList.setWordWrap(True)

        self.panelLayout.addWidget(self.fileList)

        self.buttonsLayout = QVBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.attachButton = QPushButton(EvidencePanel)
        self.attachButton.setObjectName(u"attachButton")

        self.buttonsLayout.addWidget(self.attachButton)

        self.openButton = QPushButton(EvidencePanel)
        self.openButton.setObjectName(u"openButton")

        self.buttonsLayout.addWidget(self.openButton)

        self.saveButton = QPushButton(EvidencePanel)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonsLayout.addWidget(self.saveButton)

        self.removeButton = QPushButton(EvidencePanel)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonsLayout.addWidget(self.removeButton)

        self.buttonsSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.buttonsLayout.addItem(self.buttonsSpacer)


        self.panelLayout.addLayout(self.buttonsLayout)

        self.panelLayout.setStretch(0, 2)
        self.panelLayout.setStretch(1, 3)

        self.retranslateUi(EvidencePanel)

        QMetaObject.connectSlotsByName(EvidencePanel)
    # setupUi

    def retranslateUi(self, EvidencePanel):
        EvidencePanel.setWindowTitle(_(u"\u0e2b\u0e25\u0e31\u0e01\u0e10\u0e32\u0e19\u0e1b\u0e23\u0e30\u0e01\u0e2d\u0e1a"))
        self.titleLabel.setText(_(u"\u0e2b\u0e25\u0e31\u0e01\u0e10\u0e32\u0e19\u0e1b\u0e23\u0e30\u0e01\u0e2d\u0e1a"))
        self.contextLabel.setText(_(u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a\u0e02\u0e2d\u0e07\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14\u0e43\u0e19\u0e15\u0e32\u0e23\u0e32\u0e07 \u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e14\u0e39\u0e2b\u0e23\u0e37\u0e2d\u0e41\u0e19\u0e1a\u0e44\u0e1f\u0e25\u0e4c\u0e2b\u0e25\u0e31\u0e01\u0e10\u0e32\u0e19"))
        self.messageLabel.setText("")
        self.hintLabel.setText(_(u"\u0e20\u0e32\u0e1e\u0e16\u0e48\u0e32\u0e22 PDF \u0e2b\u0e23\u0e37\u0e2d\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23 \u0e44\u0e1f\u0e25\u0e4c\u0e25\u0e30\u0e44\u0e21\u0e48\u0e40\u0e01\u0e34\u0e19 50 MB \u00b7 \u0e44\u0e1f\u0e25\u0e4c\u0e17\u0e35\u0e48\u0e41\u0e19\u0e1a\u0e08\u0e30\u0e2a\u0e48\u0e07\u0e44\u0e1b\u0e1e\u0e23\u0e49\u0e2d\u0e21\u0e44\u0e1f\u0e25\u0e4c\u0e1c\u0e25\u0e01\u0e32\u0e23\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e07\u0e32\u0e19"))
#if QT_CONFIG(tooltip)
        self.fileList.setToolTip(_(u"\u0e44\u0e1f\u0e25\u0e4c\u0e2b\u0e25\u0e31\u0e01\u0e10\u0e32\u0e19\u0e02\u0e2d\u0e07\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14\u0e41\u0e25\u0e30\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01 (\u0e14\u0e31\u0e1a\u0e40\u0e1a\u0e34\u0e25\u0e04\u0e25\u0e34\u0e01\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e40\u0e1b\u0e34\u0e14)"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.attachButton.setToolTip(_(u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e44\u0e1f\u0e25\u0e4c (\u0e20\u0e32\u0e1e\u0e16\u0e48\u0e32\u0e22 PDF \u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23) \u0e21\u0e32\u0e41\u0e19\u0e1a\u0e40\u0e1b\u0e47\u0e19\u0e2b\u0e25\u0e31\u0e01\u0e10\u0e32\u0e19\u0e02\u0e2d\u0e07\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a\u0e19\u0e35\u0e49 \u0e44\u0e1f\u0e25\u0e4c\u0e25\u0e30\u0e44\u0e21\u0e48\u0e40\u0e01\u0e34\u0e19 50 MB"))
#endif // QT_CONFIG(tooltip)
        self.attachButton.setText(_(u"\u0e41\u0e19\u0e1a\u0e44\u0e1f\u0e25\u0e4c\u2026"))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(_(u"\u0e40\u0e1b\u0e34\u0e14\u0e44\u0e1f\u0e25\u0e4c\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e14\u0e49\u0e27\u0e22\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21\u0e02\u0e2d\u0e07\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07"))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(_(u"\u0e40\u0e1b\u0e34\u0e14"))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(_(u"\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e2a\u0e33\u0e40\u0e19\u0e32\u0e02\u0e2d\u0e07\u0e44\u0e1f\u0e25\u0e4c\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e44\u0e27\u0e49\u0e43\u0e19\u0e42\u0e1f\u0e25\u0e40\u0e14\u0e2d\u0e23\u0e4c\u0e2d\u0e37\u0e48\u0e19"))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(_(u"\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e2a\u0e33\u0e40\u0e19\u0e32\u2026"))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(_(u"\u0e19\u0e33\u0e44\u0e1f\u0e25\u0e4c\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e2d\u0e2d\u0e01\u0e08\u0e32\u0e01\u0e2b\u0e25\u0e31\u0e01\u0e10\u0e32\u0e19\u0e02\u0e2d\u0e07\u0e44\u0e15\u0e23\u0e21\u0e32\u0e2a\u0e19\u0e35\u0e49"))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(_(u"\u0e25\u0e1a"))
    # retranslateUi

