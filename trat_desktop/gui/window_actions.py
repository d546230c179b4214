"""What the action groups of one main window (its exchange, report, round, ITA, receipt and plan-document
menus) all hold: the window, its two services and its settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QMainWindow

from ..services import PlanService, ProgressService


class WindowActions(QObject):
    """A group of one main window's actions, a child of the window."""

    def __init__(self, window: QMainWindow, plans: PlanService, progress: ProgressService,
                 settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.plans = plans
        self.progress = progress
        self.settings = settings
