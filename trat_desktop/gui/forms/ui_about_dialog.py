# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(640, 520)
        self.dialogLayout = QVBoxLayout(AboutDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.iconLabel = QLabel(AboutDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        self.iconLabel.setMinimumSize(QSize(80, 80))
        self.iconLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.headerLayout.addWidget(self.iconLabel)

        self.titleLayout = QVBoxLayout()
        self.titleLayout.setObjectName(u"titleLayout")
        self.nameLabel = QLabel(AboutDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.titleLayout.addWidget(self.nameLabel)

        self.versionLabel = QLabel(AboutDialog)
        self.versionLabel.setObjectName(u"versionLabel")
        self.versionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.titleLayout.addWidget(self.versionLabel)

        self.purposeLabel = QLabel(AboutDialog)
        self.purposeLabel.setObjectName(u"purposeLabel")
        self.purposeLabel.setWordWrap(True)

        self.titleLayout.addWidget(self.purposeLabel)


        self.headerLayout.addLayout(self.titleLayout)

        self.headerLayout.setStretch(1, 1)

        self.dialogLayout.addLayout(self.headerLayout)

        self.dataGroup = QGroupBox(AboutDialog)
        self.dataGroup.setObjectName(u"dataGroup")
        self.dataLayout = QFormLayout(self.dataGroup)
        self.dataLayout.setObjectName(u"dataLayout")
        self.dataDirCaption = QLabel(self.dataGroup)
        self.dataDirCaption.setObjectName(u"dataDirCaption")

        self.dataLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dataDirCaption)

        self.dataDirLabel = QLabel(self.dataGroup)
        self.dataDirLabel.setObjectName(u"dataDirLabel")
        self.dataDirLabel.setWordWrap(True)
        self.dataDirLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dataLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dataDirLabel)

        self.dbCaption = QLabel(self.dataGroup)
        self.dbCaption.setObjectName(u"dbCaption")

        self.dataLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dbCaption)

        self.dbLabel = QLabel(self.dataGroup)
        self.dbLabel.setObjectName(u"dbLabel")
        self.dbLabel.setWordWrap(True)
        self.dbLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dataLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dbLabel)

        self.schemaCaption = QLabel(self.dataGroup)
        self.schemaCaption.setObjectName(u"schemaCaption")

        self.dataLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.schemaCaption)

        self.schemaLabel = QLabel(self.dataGroup)
        self.schemaLabel.setObjectName(u"schemaLabel")

        self.dataLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.schemaLabel)


        self.dialogLayout.addWidget(self.dataGroup)

        self.licenceGroup = QGroupBox(AboutDialog)
        self.licenceGroup.setObjectName(u"licenceGroup")
        self.licenceLayout = QVBoxLayout(self.licenceGroup)
        self.licenceLayout.setObjectName(u"licenceLayout")
        self.fontLabel = QLabel(self.licenceGroup)
        self.fontLabel.setObjectName(u"fontLabel")
        self.fontLabel.setWordWrap(True)

        self.licenceLayout.addWidget(self.fontLabel)

        self.componentsLabel = QLabel(self.licenceGroup)
        self.componentsLabel.setObjectName(u"componentsLabel")
        self.componentsLabel.setWordWrap(True)

        self.licenceLayout.addWidget(self.componentsLabel)


        self.dialogLayout.addWidget(self.licenceGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.licenceButton = QPushButton(AboutDialog)
        self.licenceButton.setObjectName(u"licenceButton")

        self.buttonLayout.addWidget(self.licenceButton)

        self.copyButton = QPushButton(AboutDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.buttonLayout.addWidget(self.copyButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(AboutDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonLayout)


        self.retranslateUi(AboutDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(_(u"\u0e40\u0e01\u0e35\u0e48\u0e22\u0e27\u0e01\u0e31\u0e1a Trat Desktop"))
        self.nameLabel.setText(_(u"Trat Desktop"))
        self.dataGroup.setTitle(_(u"\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e02\u0e2d\u0e07\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e19\u0e35\u0e49"))
        self.dataDirCaption.setText(_(u"\u0e42\u0e1f\u0e25\u0e40\u0e14\u0e2d\u0e23\u0e4c\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25"))
        self.dbCaption.setText(_(u"\u0e44\u0e1f\u0e25\u0e4c\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25"))
        self.schemaCaption.setText(_(u"\u0e42\u0e04\u0e23\u0e07\u0e2a\u0e23\u0e49\u0e32\u0e07\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25"))
        self.licenceGroup.setTitle(_(u"\u0e2a\u0e31\u0e0d\u0e0d\u0e32\u0e2d\u0e19\u0e38\u0e0d\u0e32\u0e15"))
        self.licenceButton.setText(_(u"\u0e2d\u0e48\u0e32\u0e19\u0e2a\u0e31\u0e0d\u0e0d\u0e32\u0e2d\u0e19\u0e38\u0e0d\u0e32\u0e15\u0e41\u0e1a\u0e1a\u0e2d\u0e31\u0e01\u0e29\u0e23 (OFL)\u2026"))
        self.copyButton.setText(_(u"\u0e04\u0e31\u0e14\u0e25\u0e2d\u0e01\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e2a\u0e33\u0e2b\u0e23\u0e31\u0e1a\u0e41\u0e08\u0e49\u0e07\u0e1b\u0e31\u0e0d\u0e2b\u0e32"))
#if QT_CONFIG(tooltip)
        self.copyButton.setToolTip(_(u"\u0e04\u0e31\u0e14\u0e25\u0e2d\u0e01\u0e23\u0e38\u0e48\u0e19\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21\u0e41\u0e25\u0e30\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07\u0e42\u0e1f\u0e25\u0e40\u0e14\u0e2d\u0e23\u0e4c\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25 \u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e27\u0e32\u0e07\u0e43\u0e19\u0e2d\u0e35\u0e40\u0e21\u0e25\u0e2b\u0e23\u0e37\u0e2d LINE \u0e16\u0e36\u0e07\u0e1c\u0e39\u0e49\u0e14\u0e39\u0e41\u0e25"))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(_(u"\u0e1b\u0e34\u0e14"))
    # retranslateUi

