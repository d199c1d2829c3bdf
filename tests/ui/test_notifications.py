"""The notifications centre against the real central service on loopback: fetched, shown offline from the
encrypted copy, marked read (offline too, sent when the service is back), and the sidebar's unread badge."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app import notifications
from tests.support.access import GP, Pros, put
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import PASSWORD, Flows, Mailbox, bearer
from tests.support.sync_lab import LiveServer
from tests.ui.helpers import open_dossier
from tests.ui.test_online_screens import _signed_in_window, online_window

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]

SHOTS = Path("/tmp/shots-people")


def _nav_text(window) -> str:
    view = window.dossier
    return view.nav_model.item(len(view.pages) - 1).text()


def test_a_professional_opening_the_dossier_is_notified_then_shown_offline_and_marked_read(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    person, _profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None and person.dossier_id
    pro = Pros(flows.client, live.ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")  # type: ignore[arg-type]
    me = bearer(flows.login(person))
    put(flows.client, f"/v1/me/access/professionals/{GP}/authorisation", me)  # type: ignore[arg-type]
    live.ctx.clock.advance(timedelta(minutes=1))  # type: ignore[attr-defined] # ManualClock
    assert flows.client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro).status_code == 200

    page = online_window.dossier.notifications
    online_window.dossier.nav.setFocus()  # the last section of the list: End reaches it from the keyboard
    qtbot.keyClick(online_window.dossier.nav, Qt.Key.Key_End)
    assert online_window.dossier.current_section() == "notifications"
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.refresh_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert page.model.data(page.model.index(0, 1)) == "Alex Durand a ouvert votre dossier."
    assert page.model.data(page.model.index(0, 2)) == "Nouvelle"
    assert page.freshness.text().startswith("À jour le ")
    assert page.unread.value == 1
    assert _nav_text(online_window) == "Notifications  (1)"
    SHOTS.mkdir(parents=True, exist_ok=True)
    online_window.resize(1100, 700)
    online_window.grab().save(str(SHOTS / "notifications_fr.png"))

    # E-mail preferences: read from the service, changed here, kept there.
    qtbot.waitUntil(lambda: page.mail_preferences is not None, timeout=10_000)
    assert page.mail_access_check.isChecked() and page.mail_access_check.isEnabled()
    page.mail_access_check.setChecked(False)
    with qtbot.waitSignal(page.sig_preferences_loaded, timeout=20_000):
        page.mail_save_button.click()
    served_prefs = flows.client.get("/v1/me/notification-preferences", headers=me).json()
    assert served_prefs["professional_access"] is False and served_prefs["emergency_access"] is True

    # Offline: the encrypted copy answers after a lock and a new unlock, dated.
    live.stop()
    online_window.lock()
    assert page.model.rowCount() == 0 and page.unread.value == 0  # locking forgets what was shown (S18)
    open_dossier(qtbot, online_window, PASSWORD)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert page.freshness.text().startswith("Hors ligne : copie enregistrée le ")
    assert page.error.text() == ""  # offline is said once, by the copy's date
    assert page.mail_preferences is None and page.mail_save_button.isHidden()  # read and changed online only
    assert page.mail_emergency_note.text().startswith("Vos choix d'e-mail s'affichent")
    assert page.unread.value == 1 and _nav_text(online_window) == "Notifications  (1)"

    # Marked read offline: at once in the window and in the copy; the service hears it when it is back.
    online_window.dossier.show_section("notifications")
    page.table.selectRow(0)
    assert page.read_button.isEnabled()
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.read_button.click()
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 2)) == "Lue", timeout=10_000)
    assert page.unread.value == 0 and _nav_text(online_window) == "Notifications"
    reopened = online_window.profile
    assert reopened is not None and notifications.unread_count(reopened) == 0

    live.start()
    assert live.ctx is not None
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.refresh_button.click()
    assert page.freshness.text().startswith("À jour le ") and page.unread.value == 0
    served = flows.client.get("/v1/me/notifications", headers=bearer(flows.login(person)))
    assert served.status_code == 200 and served.json()["unread"] == 0
    assert [n["read"] for n in served.json()["items"]] == [True]
    _grab_in_english(qtbot, online_window, SHOTS / "notifications_en.png")


def _grab_in_english(qtbot, window, path: Path) -> None:
    window.set_preference("language", "en")
    qtbot.wait(100)
    assert window.dossier.notifications.title.text() == "Notifications"
    window.grab().save(str(path))
    window.set_preference("language", "fr")


def test_a_refused_change_is_listed_in_the_notifications_and_opens_the_inbox(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    from tests.ui.test_sync_status import _queue_refused, _signed_in_and_up_to_date
    from tests.ui.test_sync_window import _run

    store = _signed_in_and_up_to_date(qtbot, online_window, flows, mailbox)
    page = online_window.dossier.notifications
    assert page.refused_button.isHidden()
    _run(qtbot, lambda: _queue_refused(store, None))
    online_window.sync.sync_now()
    qtbot.waitUntil(lambda: not page.refused_button.isHidden(), timeout=20_000)
    assert page.refused_label.text() == ("1 modification refusée par le service : voyez pourquoi et quoi faire.")
    online_window.dossier.show_section("notifications")
    page.refused_button.click()
    assert online_window.refused_inbox.isVisible()
