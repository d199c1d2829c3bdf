"""S17 (lock when the OS locks: D-Bus signals) and S20 (clipboard marked secret, cleared if unchanged)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import open_dossier
from ui.clipboard import CONCEALED_FORMAT, SecretClipboard


def test_os_screen_lock_signal_locks_the_open_carnet(qtbot, window, existing_profile) -> None:
    """S17: the handlers the D-Bus signals reach lock the window; an unlocking screensaver does nothing."""
    open_dossier(qtbot, window)
    window.screen_lock.on_active_changed(False)  # the screensaver went away: nothing to do
    window.screen_lock.on_prepare_for_sleep(False)  # resuming: nothing to do
    assert not window.is_locked()
    with qtbot.waitSignal(window.sig_locked):
        window.screen_lock.on_active_changed(True)
    assert window.is_locked() and window.current_page() is window.unlock_page
    open_dossier(qtbot, window)
    with qtbot.waitSignal(window.sig_locked):
        window.screen_lock.on_prepare_for_sleep(True)  # suspend, lid closed
    open_dossier(qtbot, window)
    with qtbot.waitSignal(window.sig_locked):
        window.screen_lock.on_session_lock()  # loginctl lock-session


@pytest.fixture
def private_bus() -> Iterator[str]:
    if shutil.which("dbus-daemon") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("dbus-daemon is needed for the S17 D-Bus test in CI")
        pytest.skip("dbus-daemon not installed: the real-bus S17 test is skipped")
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE, text=True
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    yield address
    bus.terminate()
    bus.wait(10)


def test_a_real_screensaver_signal_on_the_session_bus_reaches_the_listener(qtbot, private_bus: str) -> None:
    """S17 end to end: a freedesktop ActiveChanged(true) broadcast on a (private) session bus is heard."""
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    from ui.locking import ScreenLockListener

    listening = QDBusConnection.connectToBus(private_bus, "carnet-listener")
    sending = QDBusConnection.connectToBus(private_bus, "carnet-screensaver")
    try:
        listener = ScreenLockListener()
        connected = listener.connect_buses(session_bus=listening, system_bus=listening)
        assert "org.freedesktop.ScreenSaver.ActiveChanged" in connected
        signal = QDBusMessage.createSignal(
            "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
        )
        signal.setArguments([True])
        with qtbot.waitSignal(listener.sig_os_locked, timeout=10_000):
            assert sending.send(signal)
    finally:
        QDBusConnection.disconnectFromBus("carnet-listener")
        QDBusConnection.disconnectFromBus("carnet-screensaver")


@pytest.fixture
def clipboard(qtbot) -> Iterator[tuple[SecretClipboard, QTimer]]:
    timer = QTimer()  # injected: the test fires it instead of waiting 30 s
    secret = SecretClipboard(timer=timer)
    yield secret, timer
    QApplication.clipboard().clear()


def test_copied_value_is_marked_secret_and_cleared_after_the_delay(clipboard) -> None:
    """S20: the concealment hint is set; the timer clears the clipboard when it still holds our copy."""
    secret, timer = clipboard
    secret.copy("ABCD-EFGH-1234")
    mime = QApplication.clipboard().mimeData()
    assert CONCEALED_FORMAT in mime.formats()
    assert bytes(mime.data(CONCEALED_FORMAT)) == b"secret"
    assert QApplication.clipboard().text() == "ABCD-EFGH-1234"
    assert timer.isActive() and timer.interval() == 30_000
    timer.timeout.emit()
    assert QApplication.clipboard().text() == ""


def test_clipboard_is_not_cleared_when_the_person_copied_something_else(clipboard) -> None:
    """S20: only if unchanged — what the person copied afterwards is theirs."""
    secret, timer = clipboard
    secret.copy("valeur secrète")
    QApplication.clipboard().setText("liste de courses")
    timer.timeout.emit()
    assert QApplication.clipboard().text() == "liste de courses"
    assert secret.clear_if_ours() is False
    assert QApplication.clipboard().text() == "liste de courses"


def test_lock_clears_a_copied_recovery_key(qtbot, window, profiles) -> None:
    """S20: the recovery key copied from its page is cleared when the window locks (and so when it quits)."""
    window.on_welcome_choice_made("create")
    page = window.create_page
    qtbot.keyClicks(page.name_edit, "Camille")
    qtbot.keyClicks(page.password_edit, "cheval agrafe batterie correcte 1987")
    qtbot.keyClicks(page.confirm_edit, "cheval agrafe batterie correcte 1987")
    with qtbot.waitSignal(page.sig_created, timeout=20_000):
        page.create_button.click()
    key = window.recovery_page.shown_key()
    window.recovery_page.copy_button.click()
    assert QApplication.clipboard().text() == key
    assert CONCEALED_FORMAT in QApplication.clipboard().mimeData().formats()
    with qtbot.waitSignal(window.sig_locked):
        window.lock()
    assert QApplication.clipboard().text() == ""
