"""Idle auto-lock (S16): an application event filter notes user activity, a single-shot QTimer checks the clock."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot

DEFAULT_TIMEOUT_S = 5 * 60
# How often, at most, the timer wakes up to compare the clock; the lock itself is decided by the clock, so a
# suspended machine that wakes after the delay locks at once instead of waiting a whole new period.
DEFAULT_POLL_MS = 15_000

_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.InputMethod,
    }
)


class IdleLocker(QObject):
    """Emits ``sig_idle_timeout`` once the person has not touched keyboard or mouse for ``timeout_s`` seconds."""

    sig_idle_timeout = Signal()
    """The idle delay elapsed while armed: the application must lock now."""

    def __init__(
        self,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        clock: Callable[[], float] = time.monotonic,
        poll_ms: int = DEFAULT_POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timeout_s = float(timeout_s)
        self._poll_ms = max(1, poll_ms)
        self._last_activity = clock()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.on_timer_timeout)

    @property
    def timeout_s(self) -> float:
        return self._timeout_s

    @property
    def armed(self) -> bool:
        return self._armed

    def set_timeout(self, seconds: float) -> None:
        """Change the idle delay (Paramètres); takes effect from the last activity."""
        if seconds <= 0:
            raise ValueError("the auto-lock delay must be positive")
        self._timeout_s = float(seconds)
        if self._armed:
            self._schedule()

    def arm(self) -> None:
        """Start watching (after unlock)."""
        self._armed = True
        self._last_activity = self._clock()
        self._schedule()

    def disarm(self) -> None:
        """Stop watching (while locked nothing needs locking)."""
        self._armed = False
        self._timer.stop()

    def note_activity(self) -> None:
        self._last_activity = self._clock()

    def idle_seconds(self) -> float:
        return self._clock() - self._last_activity

    def check(self) -> bool:
        """Lock now if the delay has elapsed; returns whether it did. Otherwise re-arms the timer."""
        if not self._armed:
            return False
        if self.idle_seconds() >= self._timeout_s:
            self.disarm()
            self.sig_idle_timeout.emit()
            return True
        self._schedule()
        return False

    def _schedule(self) -> None:
        remaining_ms = max(0, int((self._timeout_s - self.idle_seconds()) * 1000))
        self._timer.start(min(remaining_ms, self._poll_ms))

    def on_timer_timeout(self) -> None:
        self.check()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() in _ACTIVITY_EVENTS:
            self._last_activity = self._clock()
        return False


# (service, path, interface, signal, Qt slot signature) the screen-lock listener subscribes to on the session bus.
SESSION_LOCK_SIGNALS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged"),
)
LOGIN1 = "org.freedesktop.login1"


class ScreenLockListener(QObject):
    """S17: emits ``sig_os_locked`` when the OS locks the screen, locks the session or goes to sleep (Linux D-Bus).

    Like KeePassXC's ScreenLockListenerDBus: the freedesktop and GNOME screensavers' ``ActiveChanged(true)``,
    logind's session ``Lock`` and the manager's ``PrepareForSleep(true)``. Where no bus is reachable nothing is
    connected and the idle timer remains the protection. Windows and macOS hooks are not written yet.
    """

    sig_os_locked = Signal()
    """The operating system locked the screen or the session, or is suspending: lock the carnet now."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connected_signals: list[str] = []

    def connect_buses(self, *, session_bus: object | None = None, system_bus: object | None = None) -> list[str]:
        """Subscribe on the given buses (default: the user's session bus and the system bus); returns what worked."""
        from PySide6.QtCore import SLOT
        from PySide6.QtDBus import QDBusConnection

        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        assert isinstance(session, QDBusConnection) and isinstance(system, QDBusConnection)
        wanted: list[tuple[QDBusConnection, str, str, str, str, str]] = [
            (session, "", path, interface, name, "on_active_changed(bool)")
            for _service, path, interface, name in SESSION_LOCK_SIGNALS
        ]
        wanted += [
            (system, LOGIN1, "", f"{LOGIN1}.Session", "Lock", "on_session_lock()"),
            (
                system,
                LOGIN1,
                "/org/freedesktop/login1",
                f"{LOGIN1}.Manager",
                "PrepareForSleep",
                "on_prepare_for_sleep(bool)",
            ),
        ]
        for bus, service, path, interface, name, slot in wanted:
            # PySide6's stubs want the slot as bytes; at run time SLOT()'s string is what QtDBus accepts.
            hooked = bus.isConnected() and bus.connect(service, path, interface, name, self, SLOT(slot))  # type: ignore[call-overload]
            if hooked:
                self.connected_signals.append(f"{interface}.{name}")
        return self.connected_signals

    @Slot(bool)
    def on_active_changed(self, active: bool) -> None:
        if active:
            self.sig_os_locked.emit()

    @Slot()
    def on_session_lock(self) -> None:
        self.sig_os_locked.emit()

    @Slot(bool)
    def on_prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.sig_os_locked.emit()
