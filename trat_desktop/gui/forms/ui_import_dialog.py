# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTreeWidget, QVBoxLayout)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(1180, 760)
        self.dialogLayout = QVBoxLayout(ImportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(ImportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.summaryLabel = QLabel(ImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.filesTree = QTreeWidget(ImportDialog)
        self.filesTree.setObjectName(u"filesTree")
        self.filesTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.filesTree.setAlternatingRowColors(True)
        self.filesTree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.filesTree.setUniformRowHeights(False)
        self.filesTree.setWordWrap(True)
        self.filesTree.header().setStretchLastSection(False)

        self.dialogLayout.addWidget(self.filesTree)

        self.keysGroup = QGroupBox(ImportDialog)
        self.keysGroup.setObjectName(u"keysGroup")
        self.keysGroupLayout = QVBoxLayout(self.keysGroup)
        self.keysGroupLayout.setObjectName(u"keysGroupLayout")
        self.keysHintLabel = QLabel(self.keysGroup)
        self.keysHintLabel.setObjectName(u"keysHintLabel")
        self.keysHintLabel.setWordWrap(True)

        self.keysGroupLayout.addWidget(self.keysHintLabel)

        self.keysGrid = QGridLayout()
        self.keysGrid.setObjectName(u"keysGrid")
        self.keysGrid.setColumnStretch(0, 1)

        self.keysGroupLayout.addLayout(self.keysGrid)


        self.dialogLayout.addWidget(self.keysGroup)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.busyLabel = QLabel(ImportDialog)
        self.busyLabel.setObjectName(u"busyLabel")

        self.buttonsLayout.addWidget(self.busyLabel)

        self.buttonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.conflictsButton = QPushButton(ImportDialog)
        self.conflictsButton.setObjectName(u"conflictsButton")
        self.conflictsButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.conflictsButton)

        self.importButton = QPushButton(ImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonsLayout.addWidget(self.importButton)

        self.closeButton = QPushButton(ImportDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsLayout)

        self.dialogLayout.setStretch(2, 1)

        self.retranslateUi(ImportDialog)

        self.importButton.setDefault(True)


        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(_(u"\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e44\u0e1f\u0e25\u0e4c\u0e08\u0e32\u0e01\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        self.introLabel.setText(_(u"\u0e15\u0e23\u0e27\u0e08\u0e44\u0e1f\u0e25\u0e4c\u0e01\u0e48\u0e2d\u0e19\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32: \u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e14\u0e49\u0e32\u0e19\u0e25\u0e48\u0e32\u0e07\u0e41\u0e2a\u0e14\u0e07\u0e1c\u0e25\u0e01\u0e32\u0e23\u0e15\u0e23\u0e27\u0e08\u0e41\u0e25\u0e30\u0e04\u0e48\u0e32\u0e17\u0e35\u0e48\u0e08\u0e30\u0e40\u0e1b\u0e25\u0e35\u0e48\u0e22\u0e19 (\u0e04\u0e48\u0e32\u0e40\u0e14\u0e34\u0e21 \u2192 \u0e04\u0e48\u0e32\u0e43\u0e2b\u0e21\u0e48) \u0e22\u0e31\u0e07\u0e44\u0e21\u0e48\u0e21\u0e35\u0e01\u0e32\u0e23\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e08\u0e19\u0e01\u0e27\u0e48\u0e32\u0e08\u0e30\u0e01\u0e14 \u201c\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u201d"))
        self.summaryLabel.setText(_(u"\u0e01\u0e33\u0e25\u0e31\u0e07\u0e15\u0e23\u0e27\u0e08\u0e44\u0e1f\u0e25\u0e4c\u2026"))
        ___qtreewidgetitem = self.filesTree.headerItem()
        ___qtreewidgetitem.setText(7, _(u"\u0e02\u0e31\u0e14\u0e41\u0e22\u0e49\u0e07"))
        ___qtreewidgetitem.setText(6, _(u"\u0e04\u0e07\u0e40\u0e14\u0e34\u0e21"))
        ___qtreewidgetitem.setText(5, _(u"\u0e1b\u0e23\u0e31\u0e1a\u0e1b\u0e23\u0e38\u0e07"))
        ___qtreewidgetitem.setText(4, _(u"\u0e40\u0e1e\u0e34\u0e48\u0e21"))
        ___qtreewidgetitem.setText(3, _(u"\u0e2a\u0e16\u0e32\u0e19\u0e30"))
        ___qtreewidgetitem.setText(2, _(u"\u0e09\u0e1a\u0e31\u0e1a\u0e17\u0e35\u0e48"))
        ___qtreewidgetitem.setText(1, _(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
        ___qtreewidgetitem.setText(0, _(u"\u0e44\u0e1f\u0e25\u0e4c"))
        self.keysGroup.setTitle(_(u"\u0e22\u0e37\u0e19\u0e22\u0e31\u0e19\u0e01\u0e38\u0e0d\u0e41\u0e08\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e2a\u0e48\u0e07\u0e44\u0e1f\u0e25\u0e4c\u0e21\u0e32\u0e40\u0e1b\u0e47\u0e19\u0e04\u0e23\u0e31\u0e49\u0e07\u0e41\u0e23\u0e01"))
        self.keysHintLabel.setText(_(u"\u0e42\u0e17\u0e23\u0e2b\u0e32\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19 \u0e43\u0e2b\u0e49\u0e40\u0e1b\u0e34\u0e14\u0e40\u0e21\u0e19\u0e39 \u201c\u0e15\u0e31\u0e49\u0e07\u0e04\u0e48\u0e32 \u2192 \u0e01\u0e38\u0e0d\u0e41\u0e08\u0e41\u0e25\u0e30\u0e25\u0e32\u0e22\u0e19\u0e34\u0e49\u0e27\u0e21\u0e37\u0e2d\u201d \u0e41\u0e25\u0e49\u0e27\u0e2d\u0e48\u0e32\u0e19\u0e15\u0e31\u0e27\u0e40\u0e25\u0e02\u0e43\u0e2b\u0e49\u0e1f\u0e31\u0e07 \u0e16\u0e49\u0e32\u0e15\u0e23\u0e07\u0e01\u0e31\u0e19\u0e17\u0e38\u0e01\u0e15\u0e31\u0e27\u0e08\u0e36\u0e07\u0e17\u0e33\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e2b\u0e21\u0e32\u0e22 \u0e44\u0e1f\u0e25\u0e4c\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e44\u0e21\u0e48\u0e44\u0e14\u0e49\u0e22\u0e37\u0e19\u0e22\u0e31\u0e19\u0e08\u0e30\u0e44\u0e21\u0e48\u0e16\u0e39\u0e01\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32"))
        self.busyLabel.setText("")
        self.conflictsButton.setText(_(u"\u0e41\u0e01\u0e49\u0e02\u0e49\u0e2d\u0e02\u0e31\u0e14\u0e41\u0e22\u0e49\u0e07\u2026"))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(_(u"\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e08\u0e32\u0e01\u0e44\u0e1f\u0e25\u0e4c\u0e17\u0e35\u0e48\u0e15\u0e23\u0e27\u0e08\u0e1c\u0e48\u0e32\u0e19\u0e25\u0e07\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25 (\u0e2a\u0e33\u0e23\u0e2d\u0e07\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e40\u0e14\u0e34\u0e21\u0e44\u0e27\u0e49\u0e01\u0e48\u0e2d\u0e19\u0e42\u0e14\u0e22\u0e2d\u0e31\u0e15\u0e42\u0e19\u0e21\u0e31\u0e15\u0e34)"))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(_(u"\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32"))
        self.closeButton.setText(_(u"\u0e1b\u0e34\u0e14"))
    # retranslateUi

