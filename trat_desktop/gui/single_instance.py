"""One window of the app per database.

The first GUI on a database takes a lock file beside it (``trat.sqlite3.gui-lock``, a QLockFile:
released by the system when the process ends, so a crash leaves no lock that counts) and
listens on a local socket named after the database's resolved path. A second GUI on the same
database finds the lock taken, asks the first over that socket to come to the front, and ends
(exit 0) without opening the database. If the first does not answer (a copy of the app on another
PC using the same file on a shared folder, or one that hangs), the second refuses with a Thai
message naming who holds it (exit 2). Two copies started at the same moment cannot both win:
the lock is taken before the socket.

The command line is not kept out: its writes wait their turn at SQLite's level (BEGIN IMMEDIATE
with a bounded wait, see store/connection.py) and are refused in Thai past it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ..i18n import _

ACTIVATE = b"activate\n"
ANSWER = b"ok\n"
WAIT_MS = 3000
LOCK_SUFFIX = ".gui-lock"
_current: "SingleInstance | None" = None  # this process's claim


def server_name(db_path: Path | str) -> str:
    """The local socket's name for a database (the same for every spelling of its path)."""
    resolved = str(Path(db_path).resolve())
    return "trat-desktop-" + hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:24]


def lock_path(db_path: Path | str) -> Path:
    path = Path(db_path).resolve()
    return path.with_name(path.name + LOCK_SUFFIX)


class SingleInstance(QObject):
    """The claim of one GUI on one database. Keep it alive while the window runs."""

    #: a second copy asked this one to come to the front
    activation_requested = Signal()

    def __init__(self, db_path: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path).resolve()
        self.name = server_name(self.db_path)
        self.lock = QLockFile(str(lock_path(self.db_path)))
        self.lock.setStaleLockTime(0)  # only a dead holder makes the lock stale, never its age
        self.server: QLocalServer | None = None
        self._sockets: list[QLocalSocket] = []
        self.holder = ""  # who holds the database, for the refusal message

    def claim(self) -> bool:
        """True when this process is now the database's only GUI (the lock taken, listening).
        A folder where no lock file can be made (read-only) does not stop the app: the database
        itself then says what it can do."""
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        if not self.lock.tryLock(0):
            if self.lock.error() != QLockFile.LockError.LockFailedError:
                return True  # no lock possible here (e.g. a read-only folder): not held by anyone
            info = self.lock.getLockInfo()  # (pid, host, app); PySide drops the C++ bool
            info = info[-3:] if isinstance(info, tuple) and len(info) >= 3 else ()
            self.holder = (_("โปรแกรม {app} (หมายเลขโปรเซส {pid}) บนเครื่อง “{host}”").format(
                app=info[2], pid=info[0], host=info[1]) if info and info[0]
                else _("โปรแกรม Trat Desktop อีกหน้าต่างหนึ่ง"))
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)  # left by a crashed copy: we hold the lock, so it is dead
            server.listen(self.name)
        server.newConnection.connect(self._on_connection)
        self.server = server
        global _current
        _current = self
        return True

    def ask_first_to_show(self, wait_ms: int = WAIT_MS) -> bool:
        """Ask the running copy to bring its window to the front; True when it answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(wait_ms):
            return False
        socket.write(ACTIVATE)
        socket.flush()
        answered = socket.waitForReadyRead(wait_ms) and socket.readAll().data().startswith(ANSWER)
        socket.disconnectFromServer()
        return bool(answered)

    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._sockets = [s for s in self._sockets if s.state() != QLocalSocket.LocalSocketState.UnconnectedState]
            self._sockets.append(socket)
            socket.readyRead.connect(self._on_ready)
            if socket.bytesAvailable():
                self._on_request(socket)

    def _on_ready(self) -> None:
        for socket in list(self._sockets):
            if socket.bytesAvailable():
                self._on_request(socket)

    def _on_request(self, socket: QLocalSocket) -> None:
        if socket.readAll().data().startswith(ACTIVATE.strip()):
            socket.write(ANSWER)
            socket.flush()
            self.activation_requested.emit()

    def release(self) -> None:
        global _current
        for socket in self._sockets:
            socket.readyRead.disconnect(self._on_ready)
            socket.abort()
        self._sockets = []
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()
        if _current is self:
            _current = None


def release_current() -> None:
    """Give up this process's claim (before the app restarts itself, so the new copy can take it)."""
    if _current is not None:
        _current.release()


def bring_to_front(window: object) -> None:
    """Show *window* on top (restored if minimised) for the user who started a second copy."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    if not isinstance(window, QWidget):
        return
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
