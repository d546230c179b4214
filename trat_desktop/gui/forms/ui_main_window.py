# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtGui import (QAction)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QMenu, QMenuBar, QStatusBar,
    QTabWidget, QVBoxLayout, QWidget)

from trat_desktop.i18n import _  # the app's message catalog (tools/build_ui.py)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1360, 860)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionExpandAll = QAction(MainWindow)
        self.actionExpandAll.setObjectName(u"actionExpandAll")
        self.actionCollapseAll = QAction(MainWindow)
        self.actionCollapseAll.setObjectName(u"actionCollapseAll")
        self.actionThaiDigits = QAction(MainWindow)
        self.actionThaiDigits.setObjectName(u"actionThaiDigits")
        self.actionThaiDigits.setCheckable(True)
        self.actionThaiDigits.setChecked(True)
        self.actionSetup = QAction(MainWindow)
        self.actionSetup.setObjectName(u"actionSetup")
        self.actionDataBackup = QAction(MainWindow)
        self.actionDataBackup.setObjectName(u"actionDataBackup")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(4, 4, 4, 0)
        self.pageTabs = QTabWidget(self.centralwidget)
        self.pageTabs.setObjectName(u"pageTabs")
        self.pageTabs.setDocumentMode(True)
        self.planPage = QWidget()
        self.planPage.setObjectName(u"planPage")
        self.pageTabs.addTab(self.planPage, "")

        self.centralLayout.addWidget(self.pageTabs)

        self.yearSelector = QWidget(self.centralwidget)
        self.yearSelector.setObjectName(u"yearSelector")
        self.yearSelectorLayout = QHBoxLayout(self.yearSelector)
        self.yearSelectorLayout.setObjectName(u"yearSelectorLayout")
        self.yearSelectorLayout.setContentsMargins(6, 0, 6, 2)
        self.yearLabel = QLabel(self.yearSelector)
        self.yearLabel.setObjectName(u"yearLabel")

        self.yearSelectorLayout.addWidget(self.yearLabel)

        self.yearCombo = QComboBox(self.yearSelector)
        self.yearCombo.setObjectName(u"yearCombo")

        self.yearSelectorLayout.addWidget(self.yearCombo)


        self.centralLayout.addWidget(self.yearSelector)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuEdit = QMenu(self.menubar)
        self.menuEdit.setObjectName(u"menuEdit")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuSettings = QMenu(self.menubar)
        self.menuSettings.setObjectName(u"menuSettings")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearCombo)
#endif // QT_CONFIG(shortcut)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuEdit.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuSettings.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionQuit)
        self.menuView.addAction(self.actionThaiDigits)
        self.menuView.addSeparator()
        self.menuView.addAction(self.actionExpandAll)
        self.menuView.addAction(self.actionCollapseAll)
        self.menuView.addSeparator()
        self.menuSettings.addAction(self.actionSetup)
        self.menuSettings.addAction(self.actionDataBackup)
        self.menuSettings.addSeparator()
        self.menuSettings.addAction(self.actionThaiDigits)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(_(u"\u0e41\u0e1c\u0e19\u0e1b\u0e0f\u0e34\u0e1a\u0e31\u0e15\u0e34\u0e01\u0e32\u0e23\u0e2a\u0e48\u0e07\u0e40\u0e2a\u0e23\u0e34\u0e21\u0e04\u0e38\u0e13\u0e18\u0e23\u0e23\u0e21 \u0e08\u0e23\u0e34\u0e22\u0e18\u0e23\u0e23\u0e21 \u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14\u0e15\u0e23\u0e32\u0e14 \u2014 Trat Desktop"))
        self.actionQuit.setText(_(u"\u0e2d\u0e2d\u0e01\u0e08\u0e32\u0e01\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21"))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(_(u"Ctrl+Q"))
#endif // QT_CONFIG(shortcut)
        self.actionExpandAll.setText(_(u"\u0e02\u0e22\u0e32\u0e22\u0e17\u0e31\u0e49\u0e07\u0e2b\u0e21\u0e14"))
        self.actionCollapseAll.setText(_(u"\u0e22\u0e38\u0e1a\u0e17\u0e31\u0e49\u0e07\u0e2b\u0e21\u0e14"))
        self.actionThaiDigits.setText(_(u"\u0e41\u0e2a\u0e14\u0e07\u0e40\u0e1b\u0e47\u0e19\u0e40\u0e25\u0e02\u0e44\u0e17\u0e22 (\u0e51\u0e52\u0e53)"))
#if QT_CONFIG(tooltip)
        self.actionThaiDigits.setToolTip(_(u"\u0e41\u0e2a\u0e14\u0e07\u0e15\u0e31\u0e27\u0e40\u0e25\u0e02\u0e40\u0e1b\u0e47\u0e19\u0e40\u0e25\u0e02\u0e44\u0e17\u0e22 \u0e2b\u0e23\u0e37\u0e2d\u0e40\u0e25\u0e02\u0e2d\u0e32\u0e23\u0e1a\u0e34\u0e01 (123) \u0e40\u0e21\u0e37\u0e48\u0e2d\u0e44\u0e21\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01"))
#endif // QT_CONFIG(tooltip)
        self.actionSetup.setText(_(u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e41\u0e25\u0e30\u0e1c\u0e39\u0e49\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u2026"))
#if QT_CONFIG(tooltip)
        self.actionSetup.setToolTip(_(u"\u0e40\u0e1b\u0e25\u0e35\u0e48\u0e22\u0e19\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e02\u0e2d\u0e07\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e19\u0e35\u0e49 \u0e1c\u0e39\u0e49\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19 \u0e41\u0e25\u0e30\u0e2b\u0e31\u0e27\u0e2b\u0e19\u0e49\u0e32\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19"))
#endif // QT_CONFIG(tooltip)
        self.actionDataBackup.setText(_(u"\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e41\u0e25\u0e30\u0e01\u0e32\u0e23\u0e2a\u0e33\u0e23\u0e2d\u0e07\u2026"))
#if QT_CONFIG(tooltip)
        self.actionDataBackup.setToolTip(_(u"\u0e42\u0e1f\u0e25\u0e40\u0e14\u0e2d\u0e23\u0e4c\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e02\u0e2d\u0e07\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e19\u0e35\u0e49 \u0e2a\u0e33\u0e23\u0e2d\u0e07\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25 \u0e41\u0e25\u0e30\u0e01\u0e39\u0e49\u0e04\u0e37\u0e19\u0e08\u0e32\u0e01\u0e44\u0e1f\u0e25\u0e4c\u0e2a\u0e33\u0e23\u0e2d\u0e07"))
#endif // QT_CONFIG(tooltip)
        self.actionAbout.setText(_(u"\u0e40\u0e01\u0e35\u0e48\u0e22\u0e27\u0e01\u0e31\u0e1a Trat Desktop\u2026"))
#if QT_CONFIG(tooltip)
        self.actionAbout.setToolTip(_(u"\u0e23\u0e38\u0e48\u0e19\u0e02\u0e2d\u0e07\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21 \u0e42\u0e1f\u0e25\u0e40\u0e14\u0e2d\u0e23\u0e4c\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25 \u0e41\u0e25\u0e30\u0e2a\u0e31\u0e0d\u0e0d\u0e32\u0e2d\u0e19\u0e38\u0e0d\u0e32\u0e15"))
#endif // QT_CONFIG(tooltip)
        self.pageTabs.setTabText(self.pageTabs.indexOf(self.planPage), _(u"\u0e41\u0e1c\u0e19\u0e1b\u0e0f\u0e34\u0e1a\u0e31\u0e15\u0e34\u0e01\u0e32\u0e23"))
#if QT_CONFIG(tooltip)
        self.pageTabs.setTabToolTip(self.pageTabs.indexOf(self.planPage), _(u"\u0e41\u0e1c\u0e19\u0e1b\u0e0f\u0e34\u0e1a\u0e31\u0e15\u0e34\u0e01\u0e32\u0e23\u0e17\u0e31\u0e49\u0e07\u0e09\u0e1a\u0e31\u0e1a: \u0e22\u0e38\u0e17\u0e18\u0e28\u0e32\u0e2a\u0e15\u0e23\u0e4c \u0e01\u0e25\u0e22\u0e38\u0e17\u0e18\u0e4c \u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23 \u0e41\u0e25\u0e30\u0e15\u0e31\u0e27\u0e0a\u0e35\u0e49\u0e27\u0e31\u0e14"))
#endif // QT_CONFIG(tooltip)
        self.yearLabel.setText(_(u"\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13 \u0e1e.\u0e28."))
#if QT_CONFIG(tooltip)
        self.yearCombo.setToolTip(_(u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e1b\u0e35\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13\u0e02\u0e2d\u0e07\u0e41\u0e1c\u0e19"))
#endif // QT_CONFIG(tooltip)
        self.menuFile.setTitle(_(u"\u0e41\u0e1f\u0e49\u0e21"))
        self.menuEdit.setTitle(_(u"\u0e41\u0e01\u0e49\u0e44\u0e02"))
        self.menuView.setTitle(_(u"\u0e21\u0e38\u0e21\u0e21\u0e2d\u0e07"))
        self.menuSettings.setTitle(_(u"\u0e15\u0e31\u0e49\u0e07\u0e04\u0e48\u0e32"))
        self.menuHelp.setTitle(_(u"\u0e0a\u0e48\u0e27\u0e22\u0e40\u0e2b\u0e25\u0e37\u0e2d"))
    # retranslateUi

