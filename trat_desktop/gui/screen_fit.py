"""Windows that fit the screen they open on (issue 15): a typical office PC has 1366×768 pixels, and at
125 % scaling only 1093×614 of them for the app.

* :func:`fit_window` keeps a window inside its screen's available area (the taskbar excluded) with room
  for the title bar: a size from a form (the import dialog's 1180×760) is cut down to what fits, and
  the window is moved back on screen. It never goes below the layout's minimum size: a dialog whose
  content cannot shrink must scroll or wrap instead (tests/test_gui_screens.py checks every one).
* :class:`ScreenFitter`, installed once on the application by ``create_app``, does that for every
  dialog and main window as it is shown, so no dialog needs to ask.
* :func:`remember_geometry` restores the main window's size and place and the positions of its
  splitters from the settings, and saves them when the window closes.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QRegularExpression, QSettings, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QSplitter, QTabWidget, QWidget

#: room for a window's frame around its content: sides, and the title bar plus the bottom edge
FRAME = QSize(16, 40)
GEOMETRY_KEY = "window/geometry"
SPLITTER_KEY = "window/splitter/{name}"
#: The names of the app's own widgets (a form's, or given in code), not of the widgets Qt makes inside
#: its own (``qt_tabwidget_tabbar``, ``qt_splithandle_``, a tab bar's ``ScrollLeftButton``...) or unnamed
#: ones. Looking for splitters and tab widgets by it, PySide6 does not wrap Qt's inner widgets (which made
#: it build ~15 Python classes with their enums before the first paint, ~3 ms).
_OWN_NAME = QRegularExpression(r"^(?!qt_|Scroll(Left|Right)Button$).")


def available_area(widget: QWidget) -> QRect:
    """The available geometry (taskbar excluded) of the screen *widget* shows on: its parent window's
    screen, else its own, else the primary screen."""
    parent = widget.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or widget.screen() \
        or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def room(widget: QWidget) -> QSize:
    """The largest size of *widget*'s content that fits its screen with a frame around it."""
    area = available_area(widget)
    return QSize(max(200, area.width() - FRAME.width()), max(150, area.height() - FRAME.height()))


def fitted_size(widget: QWidget, wanted: QSize | None = None) -> QSize:
    """*wanted* (or the widget's size) cut down to :func:`room`, never below the layout's minimum."""
    wanted = wanted or widget.size()
    size = wanted.boundedTo(room(widget))
    return size.expandedTo(widget.minimumSizeHint()).expandedTo(widget.minimumSize())


def fit_window(widget: QWidget, wanted: QSize | None = None) -> None:
    """Resize a top-level *widget* to fit its screen and move it inside the screen's available area."""
    if widget.isMaximized() or widget.isFullScreen():
        return
    size = fitted_size(widget, wanted)
    if size != widget.size():
        widget.resize(size)
    area = available_area(widget)
    frame = widget.frameGeometry()
    extra_w = max(frame.width() - widget.width(), 0) or FRAME.width()
    extra_h = max(frame.height() - widget.height(), 0) or FRAME.height()
    x, y = frame.x(), frame.y()
    x = min(max(x, area.left()), max(area.left(), area.right() + 1 - widget.width() - extra_w))
    y = min(max(y, area.top()), max(area.top(), area.bottom() + 1 - widget.height() - extra_h))
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


class ScreenFitter(QObject):
    """Fits every dialog and main window of the application to its screen when it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Show and isinstance(watched, (QDialog, QMainWindow)) and watched.isWindow():
            fit_window(watched)
            # a message box settles its size in its own showEvent, after this filter: fit again then
            QTimer.singleShot(0, lambda w=watched: _fit_if_alive(w))
        return False


def _fit_if_alive(widget: QWidget) -> None:
    import shiboken6

    if shiboken6.isValid(widget) and widget.isVisible():
        fit_window(widget)


_installed: dict[str, ScreenFitter] = {}


def install(app: QApplication) -> ScreenFitter:
    """Install the fitter on *app* once."""
    current = _installed.get("fitter")
    if current is not None and current.parent() is app:
        return current
    fitter = ScreenFitter(app)
    app.installEventFilter(fitter)
    _installed["fitter"] = fitter
    return fitter


# -- the main window's geometry and splitters ----------------------------------------------------------
class _Keeper(QObject):
    """Restores splitters as they appear (pages may be built later) and saves everything on close."""

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.restored: set[str] = set()
        window.installEventFilter(self)
        for tabs in window.findChildren(QTabWidget, _OWN_NAME):  # (a page built later may bring splitters)
            tabs.currentChanged.connect(lambda _i: self.restore_splitters())

    def splitters(self) -> list[QSplitter]:
        """The window's named splitters (their positions are kept by name)."""
        return [s for s in self.window.findChildren(QSplitter, _OWN_NAME) if s.objectName()]

    def restore_splitters(self) -> None:
        for splitter in self.splitters():
            name = splitter.objectName()
            if name in self.restored:
                continue
            self.restored.add(name)
            state = self.settings.value(SPLITTER_KEY.format(name=name))
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    def save(self) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.window.saveGeometry())
        for splitter in self.splitters():
            if splitter.objectName() in self.restored or splitter.isVisible():
                self.settings.setValue(SPLITTER_KEY.format(name=splitter.objectName()), splitter.saveState())
        self.settings.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.window:
            if event.type() == QEvent.Type.Close:
                self.save()
            elif event.type() == QEvent.Type.Show:
                self.restore_splitters()
        return False


def remember_geometry(window: QMainWindow, settings: QSettings) -> None:
    """Give *window* the size and place it had when it was last closed (first run: as large as its
    form asks, cut to the screen), and its splitters their positions; both are saved when the window
    closes. A saved place on a screen no longer there is brought back onto the screen."""
    state = settings.value(GEOMETRY_KEY)
    if isinstance(state, QByteArray) and not state.isEmpty() and window.restoreGeometry(state):
        if not window.isMaximized():
            fit_window(window)
    else:
        fit_window(window)
    window._geometry_keeper = _Keeper(window, settings)  # type: ignore[attr-defined]
