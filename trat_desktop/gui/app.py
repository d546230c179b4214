"""Start the GUI: the QApplication with the bundled Thai font and the app icon, the main window
(plus the quiet daily backup), a smoke test."""

from __future__ import annotations

import functools
import sys
import time
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from .. import APP_NAME, __version__, startup_gc
from ..paths import fonts_dir, icons_dir
from . import qt_thai, screen_fit

FONT_FAMILY = "Sarabun"
FONT_FILES = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf")
FONT_POINT_SIZE = 11.0
SMOKE_TIMEOUT_MS = 5000
ICON_SIZES = (32, 64, 256)
#: The daily backup starts this long after the window shows (first paint and loads come first).
DAILY_BACKUP_DELAY_MS = 2000
WINDOWS_APP_ID = "TratProvince.TratDesktop"


@functools.lru_cache(maxsize=1)
def app_icon() -> QIcon:
    """The app icon from the PNGs under resources/icons/ (no SVG plugin needed when frozen)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icons_dir() / f"trat-desktop-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def _windows_taskbar_identity() -> None:
    """On Windows, group the app's windows under its own taskbar button and icon (not python's)."""
    if sys.platform != "win32":
        return
    try:
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(WINDOWS_APP_ID)  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        pass


#: (the application the fonts were registered with, their families): registered once per application
#: (the real start makes the app twice over: the one-window claim, then the window)
_registered: tuple[Any, list[str]] | None = None


def load_fonts() -> list[str]:
    """Register the bundled Sarabun fonts (once per application); returns the families Qt found in them."""
    global _registered
    app = QApplication.instance()
    if _registered is not None and app is not None and _registered[0] is app:
        return list(_registered[1])
    families: list[str] = []
    for name in FONT_FILES:
        path = fonts_dir() / name
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    found = sorted(set(families))
    if app is not None and found:
        _registered = (app, found)
    return list(found)


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once) with Sarabun ~11 pt as its font, so Thai renders on a
    PC with no Thai font installed."""
    app = QApplication.instance()
    if app is None:
        _windows_taskbar_identity()
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("TratProvince")
    app.setWindowIcon(app_icon())
    from PySide6.QtCore import QSettings

    from .language import apply_saved

    if apply_saved(QSettings()) == "th":  # the screen's language (ตั้งค่า › ภาษาของหน้าจอ) before any window
        qt_thai.install(app)  # Qt's own buttons and menus in Thai (no qtbase_th.qm exists)
    screen_fit.install(app)  # every dialog and window inside its screen (1366×768, 125 %)
    families = load_fonts()
    font = QFont(FONT_FAMILY if FONT_FAMILY in families else app.font().family())
    font.setPointSizeF(FONT_POINT_SIZE)
    app.setFont(font)
    return app


def progress_for(service: object) -> object | None:
    """The progress service over a real PlanService (None for anything else, e.g. test fakes)."""
    from ..services import PlanService, ProgressService

    return ProgressService(service) if isinstance(service, PlanService) else None


def claim_database(db_path: Any) -> tuple[Any, int]:
    """One GUI per database (gui/single_instance.py): (the claim to keep while the app runs, 0),
    or (None, exit code) when another copy has it: 0 once that copy came to the front, 2 after a
    Thai refusal when it did not answer."""
    from .single_instance import SingleInstance

    create_app()
    instance = SingleInstance(db_path)
    if instance.claim():
        return instance, 0
    from ..i18n import _

    if instance.ask_first_to_show():
        _say(_("Trat Desktop เปิดฐานข้อมูลนี้อยู่แล้ว จึงสลับไปที่หน้าต่างเดิม"))
        return None, 0
    refuse_second_copy(
        _("ฐานข้อมูล “{name}” เปิดอยู่ใน{holder} จึงเปิดซ้ำไม่ได้ "
          "(การเปิดฐานข้อมูลเดียวกันสองหน้าต่างอาจทำให้ค่าที่บันทึกใหม่ถูกเขียนทับ)\n\n"
          "โปรดใช้หน้าต่างที่เปิดอยู่ หรือปิดโปรแกรมนั้นก่อนแล้วเปิดใหม่").format(name=instance.db_path.name,
                                                                          holder=instance.holder))
    return None, 2


def refuse_second_copy(text: str) -> None:
    """The Thai refusal of a second copy whose first did not answer (tests replace this)."""
    from PySide6.QtWidgets import QMessageBox

    from ..i18n import _

    _say(text, error=True)
    QMessageBox.warning(None, _("เปิดฐานข้อมูลซ้ำไม่ได้"), text)


def follow(instance: Any, window: Any) -> None:
    """A second copy's request brings *window* to the front."""
    if instance is not None:
        from .single_instance import bring_to_front

        instance.activation_requested.connect(lambda: bring_to_front(window))


def run_gui(service: object, smoke_test: bool = False, progress: object | None = None,
            instance: Any = None) -> int:
    """Show the main window over *service*. With *smoke_test*, paint it, check it, close it
    and return 0 if it worked (1 if not) without waiting for the user (and without the
    first-run set-up dialog, and without the daily backup). *instance* is this GUI's claim on
    the database (a second copy's start brings the window to the front)."""
    app = create_app()
    if progress is None:
        progress = progress_for(service)
    if not smoke_test:
        window = open_main_window(service, progress)  # kept alive while the app runs
        follow(instance, window)
        return app.exec()
    return _smoke(app, service, progress)


def run_start_problem(db_path: Any, error: Any, open_service: Any = None, instance: Any = None) -> int:
    """The database did not open at start (*error*, a TratError): the Thai start screen instead of
    a traceback or nothing. When the user restores a backup (damaged file) or the retry works, the
    main window opens as usual. Returns the exit code (2 when the app ends without a database)."""
    from ..services import PlanService
    from .start_problem import StartProblemDialog

    opener = open_service or (lambda path: PlanService.open(path, check=True))
    startup_gc.resume()  # (off while the app starts: no main window comes now)
    app = create_app()
    while True:
        dialog = StartProblemDialog(db_path, error)
        dialog.setWindowIcon(app_icon())
        dialog.exec()
        if dialog.restored is None and not dialog.retry:
            return 2
        try:
            service = opener(db_path)
        except Exception as exc:  # noqa: BLE001 - shown on the same screen again
            from ..errors import TratError, database_error
            from ..i18n import _

            error = database_error(exc) or TratError(_("เปิดฐานข้อมูลไม่ได้: {error}").format(error=exc))
            continue
        try:
            return run_main(app, service, instance)
        finally:
            service.close()


def run_main(app: QApplication, service: object, instance: Any = None) -> int:
    """The main window over *service* until the user quits (after the start screen's restore)."""
    window = open_main_window(service, progress_for(service))  # kept alive while the app runs
    follow(instance, window)
    return app.exec()


def open_main_window(service: object, progress: object | None = None, settings: Any = None,
                     backup_delay_ms: int = DAILY_BACKUP_DELAY_MS) -> Any:
    """Show the main window as a user's session starts: then the first-run set-up (if this
    installation has none) and, a little later, today's automatic backup in the background
    (status bar only). The smoke test does neither."""
    from .main_window import MainWindow

    with _fitter_paused() as resume:
        window = MainWindow(service, progress=progress, settings=settings, defer_menus=True)  # type: ignore[arg-type]
        window.show()
        resume.at_first_paint(window)

    def start() -> None:
        resume()  # (the first-run set-up may come before the window's first paint)
        window.start()

    QTimer.singleShot(0, start)  # first-run set-up over the shown window
    QTimer.singleShot(backup_delay_ms, window.start_daily_backup)
    return window


class _FirstPaint(QObject):
    """Calls *then()* once, at the first paint of a window's contents (the window or its central widget)."""

    def __init__(self, window: QWidget, then: Any) -> None:
        super().__init__(window)
        self.then, self.seen = then, False
        central = window.centralWidget() if isinstance(window, QMainWindow) else None
        self._watched = tuple(w for w in (window, central) if w is not None)
        for widget in self._watched:
            widget.installEventFilter(self)

    def stop(self) -> None:
        for widget in self._watched:
            widget.removeEventFilter(self)
        self._watched = ()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            self.stop()
            self.then()
        return False


class _ResumeFitter(QObject):
    """Puts the screen fitter back on the application (and turns the cycle collector back on), at the main window's first paint (or when
    called); the window itself is fitted as the fitter would have fitted it when shown."""

    def __init__(self, app: QApplication, fitter: Any) -> None:
        super().__init__(app)
        self.app, self.fitter, self.done = app, fitter, fitter is None
        self._watch: _FirstPaint | None = None

    def __call__(self) -> None:
        startup_gc.resume()  # and the cycle collector, off while the app starts
        if not self.done:
            self.done = True
            self.app.installEventFilter(self.fitter)
        if self._watch is not None:
            self._watch.stop()

    def at_first_paint(self, window: QWidget) -> None:
        if self.done:
            return
        from .screen_fit import fit_window

        fit_window(window)  # what the fitter does at a main window's Show
        self._watch = _FirstPaint(window, self)


class _fitter_paused:  # noqa: N801 (a context manager used like a function)
    """While the main window is made and first painted, the application's screen fitter (gui/screen_fit.py,
    a Python filter on every event of every object: ~14 ms of the start-up) is off; the window is fitted
    when shown, and the fitter is back at its first paint, before any dialog (see :class:`_ResumeFitter`).
    If making the window fails, the fitter is back at once."""

    def __enter__(self) -> _ResumeFitter:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        fitter = screen_fit.install(app)  # the one create_app installed (idempotent)
        app.removeEventFilter(fitter)
        self.resume = _ResumeFitter(app, fitter)
        return self.resume

    def __exit__(self, kind: Any, *_: Any) -> None:
        if kind is not None:
            self.resume()


def _smoke(app: QApplication, service: object, progress: object | None = None) -> int:
    from .main_window import MainWindow

    errors: list[str] = []
    previous_hook = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        errors.append("".join(traceback.format_exception(kind, exc, tb)))

    sys.excepthook = hook  # exceptions raised inside Qt slots land here
    try:
        with _fitter_paused() as resume:  # as the app's start (open_main_window)
            window = MainWindow(service, progress=progress, defer_menus=True)  # type: ignore[arg-type]
            painted = _paint_watch(window, then=lambda: app.exit(0))  # (not quit(): it closes the windows)
            window.show()
            resume.at_first_paint(window)
        give_up = QTimer()  # (no paint in time: the checks below say so)
        give_up.setSingleShot(True)
        give_up.timeout.connect(lambda: app.exit(0))
        give_up.start(SMOKE_TIMEOUT_MS)
        if not painted.seen:
            app.exec()  # the app's own event loop until the first paint, as a user's start runs it
        give_up.stop()
        from PySide6.QtCore import QElapsedTimer, QEventLoop  # (after the paint: the smoke test's own)

        deadline = QElapsedTimer()
        deadline.start()
        while progress is not None and window.report_actions is None and deadline.elapsed() < 5000:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)  # menus added after the paint
        problems = list(errors)
        try:  # the one-window-per-database claim needs QtNetwork (a frozen build must carry it)
            from .single_instance import SingleInstance  # noqa: F401
        except ImportError as exc:
            problems.append(f"ไม่มีส่วนของ Qt ที่ใช้กันเปิดฐานข้อมูลซ้ำ: {exc}")
        if progress is not None and (window.exchange_actions is None or window.report_actions is None):
            problems.append("เมนูแลกเปลี่ยนไฟล์หรือเมนูรายงานไม่ได้ติดตั้ง")
        if not window.isVisible():
            problems.append("หน้าต่างหลักไม่แสดง")
        if not painted.seen:
            problems.append("วาดหน้าต่างไม่ได้")
        if window.load_error:
            problems.append(window.load_error)
        if window.tree_model.rowCount() == 0:
            problems.append("ไม่มียุทธศาสตร์ในรายการแผน")
        page = window.office_page
        if page is not None and page.load_error:
            problems.append(page.load_error)
        window.close()
        app.processEvents()
    except Exception:  # noqa: BLE001 - a smoke test reports every failure
        problems = [traceback.format_exc()]
    finally:
        sys.excepthook = previous_hook
    if not qt_thai.breaks_thai_words():  # (a warning: the window works, long Thai texts break at spaces only)
        _say(f"smoke test: คำเตือน: {qt_thai.NO_THAI_BREAKS}", error=True)
    for problem in problems:
        _say(f"smoke test: {problem}", error=True)
    if not problems:
        _say("smoke test: ok")
    return 0 if not problems else 1


def _paint_watch(window: QWidget, then: Any = None) -> _FirstPaint:
    """Notes the first paint of a window's contents (the smoke test's 'it drew'), then calls *then*; start-up
    ends here (bench/startup.py reads the process's CPU seconds so far too)."""
    def painted() -> None:
        _say(f"smoke test: window painted (cpu {time.process_time():.3f} s)")
        if then is not None:
            then()

    return _FirstPaint(window, painted)


def _say(text: str, error: bool = False) -> None:
    """Print if there is a console (a windowed Windows build has sys.stdout = None)."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(text, file=stream, flush=True)  # at once, also into a pipe (CI logs, bench/frozen_startup.py)
