"""Welcome, local profile creation and unlock, driven through the real widgets on a real encrypted profile."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from desktop_app.profile import ProfileDirectory
from tests.ui.helpers import OTHER_PASSWORD, PASSWORD


def test_welcome_offers_the_four_choices_local_creation_and_assisted_sessions(window) -> None:
    texts = {c: b.text().replace("&", "") for c, b in window.welcome.buttons.items()}
    assert texts == {
        "activate": "J'ai reçu mon code d'activation",
        "login": "J'ai déjà un compte",
        "unlock": "Ouvrir mon carnet",
        "oppose": "Je ne veux pas de Mon espace",
        "create": "Créer un carnet sur cet ordinateur",
        "assisted": "Séance accompagnée (aidant)",
        "clinic": "Poste de soins (professionnel de santé)",
        "deceased": "Un proche est décédé",
    }
    for button in window.welcome.buttons.values():
        assert button.accessibleName() and button.accessibleDescription()


def test_online_choices_say_the_service_is_not_reachable_and_go_back(qtbot, window) -> None:
    for choice in ("activate", "login", "oppose"):
        window.welcome.buttons[choice].click()
        assert window.current_page() is window.unavailable
        assert "pas joignable" in window.unavailable.message.text()
        window.unavailable.back_button.click()
        assert window.current_page() is window.welcome


def test_create_then_unlock_with_the_keyboard_alone(qtbot, window, profiles: ProfileDirectory) -> None:
    # Welcome: focus starts on "Ouvrir mon carnet"; one Tab reaches "Créer un carnet" (first time here), Return.
    window.activateWindow()
    window.welcome.focus_default()
    assert window.welcome.buttons["unlock"].hasFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.welcome.buttons["create"].hasFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    page = window.create_page
    assert window.current_page() is page and page.name_edit.hasFocus()
    qtbot.keyClicks(page.name_edit, "Camille Martin")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(window.focusWidget(), PASSWORD)
    assert page.meter.acceptable and page.meter.bar.value() >= 3
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert page.confirm_edit.hasFocus()
    qtbot.keyClicks(page.confirm_edit, PASSWORD)
    with qtbot.waitSignal(page.sig_created, timeout=20_000):
        qtbot.keyClick(page.confirm_edit, Qt.Key.Key_Return)
    # The recovery key is shown once, then forgotten.
    assert window.current_page() is window.recovery_page
    key = window.recovery_page.shown_key()
    assert len(key.replace("-", "")) >= 32
    with qtbot.waitSignal(window.sig_unlocked, timeout=20_000):
        qtbot.keyClick(window.recovery_page.done_button, Qt.Key.Key_Return)
    assert window.recovery_page.shown_key() == ""
    assert window.current_page() is window.dossier
    assert [p.label for p in profiles.profiles()] == ["Camille Martin"]

    # Lock (Ctrl+L) and unlock again with the keyboard: type the password, press Return.
    with qtbot.waitSignal(window.sig_locked):
        window.lock_action.trigger()
    assert window.current_page() is window.unlock_page
    assert window.unlock_page.password_edit.hasFocus()
    qtbot.keyClicks(window.unlock_page.password_edit, PASSWORD)
    with qtbot.waitSignal(window.sig_unlocked, timeout=20_000):
        qtbot.keyClick(window.unlock_page.password_edit, Qt.Key.Key_Return)
    # The recovery key printed at creation opens the profile too.
    window.profile.lock()
    recovered = profiles.unlock_with_recovery(key)
    recovered.lock()


def test_create_refuses_a_weak_password_and_mismatched_confirmation(qtbot, window) -> None:
    window.welcome.buttons["create"].click()
    page = window.create_page
    qtbot.keyClicks(page.name_edit, "Camille")
    qtbot.keyClicks(page.password_edit, "azerty123")
    assert not page.meter.acceptable
    assert page.meter.advice.text()  # plain-language advice is shown
    assert not page.create_button.isEnabled()
    page.password_edit.setText(PASSWORD)
    qtbot.keyClicks(page.confirm_edit, PASSWORD + "x")
    assert page.confirm_error.isVisible() and "identiques" in page.confirm_error.text()
    assert not page.create_button.isEnabled()


def test_unlock_with_a_wrong_then_the_right_password(qtbot, window, existing_profile) -> None:
    window.welcome.buttons["unlock"].click()
    page = window.unlock_page
    qtbot.keyClicks(page.password_edit, OTHER_PASSWORD)
    with qtbot.waitSignal(page.sig_unlock_failed, timeout=20_000):
        page.unlock_button.click()
    assert page.error.isVisible() and "Mot de passe incorrect" in page.error.text()
    assert window.is_locked() and window.current_page() is page
    page.password_edit.clear()
    qtbot.keyClicks(page.password_edit, PASSWORD)
    with qtbot.waitSignal(window.sig_unlocked, timeout=20_000):
        page.unlock_button.click()
    assert page.password_edit.text() == ""  # S23: the password field is emptied after unlock
    assert window.current_page() is window.dossier
    assert "verrouillé" not in window.lock_label.text()
    assert window.network_label.text() == "Carnet local, sans compte — vos données restent sur cet ordinateur"


def test_unlock_runs_off_the_ui_thread(qtbot, tmp_path) -> None:
    """S03: a QTimer keeps ticking while Argon2id (real default parameters) derives the key."""
    from ui.unlock.view import UnlockPage

    directory = ProfileDirectory(tmp_path / "data")
    directory.create("Camille", PASSWORD)[0].lock()
    page = UnlockPage(directory)
    qtbot.addWidget(page)
    page.refresh_profiles()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    page.password_edit.setText(PASSWORD)
    timer.start()
    with qtbot.waitSignal(page.sig_unlocked, timeout=30_000) as blocker:
        page.unlock_button.click()
        assert page.busy and not page.unlock_button.isEnabled()
    timer.stop()
    blocker.args[0].lock()
    assert len(ticks) >= 3, "the event loop was blocked during the key derivation"


def test_repeated_wrong_passwords_disable_the_button_for_the_delay(qtbot, window, existing_profile) -> None:
    """S29: after a few failures the store asks to wait; the button stays disabled until the delay is over."""
    window.show_unlock()
    page = window.unlock_page
    messages: list[str] = []
    for _ in range(6):
        page.password_edit.setText(OTHER_PASSWORD)
        with qtbot.waitSignal(page.sig_unlock_failed, timeout=20_000) as blocker:
            page.unlock_button.click()
        messages.append(blocker.args[0])
        if not page.unlock_button.isEnabled():
            break
    assert "Patientez" in messages[-1]
    assert len(messages) <= 5
    assert not page.unlock_button.isEnabled() and not page.password_edit.isEnabled()
    qtbot.waitUntil(page.unlock_button.isEnabled, timeout=20_000)
    assert not page.error.isVisible()


def test_forgotten_password_recovery_key_then_a_new_password(qtbot, window, profiles: ProfileDirectory) -> None:
    profile, recovery_key = profiles.create("Camille Martin", PASSWORD)
    profile.lock()
    window.show_unlock()
    page = window.unlock_page
    page.recovery_check.setChecked(True)
    assert page.password_label.text().replace("&", "") == "Clé de secours :"
    qtbot.keyClicks(page.password_edit, "AAAAA-BBBBB")
    with qtbot.waitSignal(page.sig_unlock_failed, timeout=20_000) as failed:
        page.unlock_button.click()
    assert "Clé de secours incorrecte" in failed.args[0]
    page.password_edit.clear()
    qtbot.keyClicks(page.password_edit, recovery_key)
    with qtbot.waitSignal(window.sig_unlocked, timeout=20_000):
        page.unlock_button.click()
    settings = window.dossier.settings
    assert window.dossier.current_section() == "settings" and settings.reset_mode
    assert not settings.current_edit.isVisibleTo(settings)  # the forgotten password is not asked
    qtbot.keyClicks(settings.new_edit, OTHER_PASSWORD)
    qtbot.keyClicks(settings.confirm_edit, OTHER_PASSWORD)
    with qtbot.waitSignal(settings.sig_password_changed, timeout=20_000):
        settings.change_button.click()
    assert not settings.reset_mode
    window.lock()
    from ui.ops import wait_for_idle

    wait_for_idle()
    profiles.unlock(OTHER_PASSWORD).lock()
