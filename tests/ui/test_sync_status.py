"""The truth of the status (issue 17), against the real service on loopback: one status model, the same words on the
status bar, the Accueil, the lock and the welcome screens; a local edit shows as pending at once; a change the
service refuses is listed with its reason, and can be discarded or corrected and sent again."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from desktop_app import schema
from desktop_app.dossier_store import Intent
from desktop_app.sync.refusals import settle
from dossier.sync_protocol import Entity, MutationOp
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import Flows, Mailbox
from tests.support.sync_lab import LiveServer
from tests.ui.test_online_screens import _signed_in_window, online_window
from tests.ui.test_sync_window import _run
from ui.ops import pending_count

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]

PENDING_ONE = "1 modification en attente d'envoi"


def _shown(window) -> dict[str, str]:
    """The status text on every screen that shows it."""
    shown = {
        "status bar": window.network_label.text(),
        "welcome": window.welcome.sync_state.text(),
        "lock": window.unlock_page.sync_state.text(),
    }
    if window._dossier is not None:
        shown["Accueil"] = window.dossier.home.sync_state.text()
    return shown


def _everywhere(window, text: str) -> bool:
    return set(_shown(window).values()) == {text}


def _up_to_date(window) -> str:
    assert window.sync.last_success is not None
    return f"À jour à {window.sync.last_success:%H:%M}"


def _signed_in_and_up_to_date(qtbot, window, flows: Flows, mailbox: Mailbox):
    """A person signed in through the login screen, the first sync done; returns the open dossier store."""
    _signed_in_window(qtbot, window, flows, mailbox)
    qtbot.waitUntil(lambda: window.network_label.text().startswith("À jour à "), timeout=20_000)
    return window.store


def _outbox_states(store) -> dict[str, str]:
    with store.reading() as conn:
        return {r.mutation_id: r.state for r in conn.execute(select(schema.outbox))}


def test_an_offline_edit_is_pending_at_once_then_up_to_date_and_every_screen_says_the_same(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    window = online_window
    # Before unlock: the welcome screen says the service answers (it used to say "Hors ligne" while connected).
    qtbot.waitUntil(lambda: _everywhere(window, "Service joignable"), timeout=10_000)
    _signed_in_window(qtbot, window, flows, mailbox)
    qtbot.waitUntil(lambda: window.network_label.text().startswith("À jour à "), timeout=20_000)
    # The Accueil too (it used to say "hors ligne" while the status bar said "À jour").
    qtbot.waitUntil(lambda: _everywhere(window, _up_to_date(window)), timeout=20_000)

    live.stop()
    store = window.store
    _run(qtbot, lambda: store.entries.create("allergy", {"name": "Pénicilline"}))
    # At once (before the engine even tries to push, 3 s after the edit): never "à jour" with a change unsent.
    qtbot.waitUntil(lambda: _everywhere(window, PENDING_ONE), timeout=2_500)
    assert window.sync_button.text() == "Synchroniser"
    # The push fails: offline, and the change still waits.
    qtbot.waitUntil(lambda: _everywhere(window, "Hors ligne · " + PENDING_ONE), timeout=90_000)

    live.start()  # the service is back (same address, same data)
    window.sync.sync_now()
    qtbot.waitUntil(lambda: window.network_label.text().startswith("À jour à "), timeout=60_000)
    qtbot.waitUntil(lambda: _everywhere(window, _up_to_date(window)), timeout=20_000)
    assert _run(qtbot, store.outbox.count_pending) == 0

    # Locked: the lock screen (and the welcome screen) say the service answers, in both languages.
    window.lock()
    qtbot.waitUntil(lambda: _everywhere(window, "Service joignable"), timeout=10_000)
    window.set_preference("language", "en")
    assert _everywhere(window, "Service reachable")
    live.stop()
    window.show_welcome()  # asks again
    qtbot.waitUntil(lambda: _everywhere(window, "Offline"), timeout=10_000)
    window.set_preference("language", "fr")
    assert _everywhere(window, "Hors ligne")
    live.start()


def _queue_refused(store, entry_id: str | None) -> None:
    """Outbox rows no form of this version writes (an older Carnet, another rule on the service): the service
    refuses their values. With `entry_id`, an update of that entry; else a new entry."""
    with store._write() as write:
        if entry_id is None:
            changes = {"name": [None, "Arachide"], "severity": [None, "extrême"]}
            write.queue(Intent(Entity.ENTRY, str(uuid.uuid4()), "allergy", MutationOp.CREATE, 0, changes))
        else:
            entry = store.entries.get(entry_id)
            change = {"severity": [entry.data.get("severity"), "très forte"]}
            write.queue(Intent(Entity.ENTRY, entry_id, "allergy", MutationOp.UPDATE, entry.server_version, change))


def test_a_refused_change_is_never_silent_it_is_discarded_or_corrected_and_sent_again(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    window = online_window
    store = _signed_in_and_up_to_date(qtbot, window, flows, mailbox)
    entry = _run(qtbot, lambda: store.entries.create("allergy", {"name": "Pollen"}))
    window.sync.sync_now()
    qtbot.waitUntil(lambda: _run(qtbot, store.outbox.count_pending) == 0, timeout=20_000)

    _run(qtbot, lambda: _queue_refused(store, None))
    _run(qtbot, lambda: _queue_refused(store, entry.id))
    qtbot.waitUntil(lambda: "2 modifications en attente d'envoi" in window.network_label.text(), timeout=2_500)
    window.sync.sync_now()
    refused = "2 modifications refusées — voir"
    qtbot.waitUntil(lambda: window.network_label.text() == f"{_up_to_date(window)} · {refused}", timeout=20_000)
    assert _everywhere(window, window.network_label.text())
    assert window.sync_button.text() == "Voir…"

    window.sync_button.click()  # "voir": the inbox opens on the refused changes
    inbox = window.refused_inbox
    assert window._conflict_dialog.isVisible() and window._conflict_dialog.tabs.currentWidget() is inbox
    assert window._conflict_dialog.tabs.tabText(0) == "Modifications refusées (2)"
    items = [inbox.list.item(i).text() for i in range(inbox.list.count())]
    assert items == ["Allergie — ajout : Arachide, extrême", "Allergie — modification : très forte"]
    assert inbox.why.text().startswith("Pourquoi : Le service n'accepte pas une des valeurs saisies.")
    assert "Gravité" in inbox.why.text()  # the service's own detail, in French
    assert "renvoyez-la" in inbox.advice.text() and "abandonnez-la" in inbox.advice.text()
    assert inbox.resend_button.isVisible() and inbox.discard_button.isVisible()

    # Discard the new allergy: it is never sent again, the carnet keeps the service's version (no such entry).
    states_before = _run(qtbot, lambda: _outbox_states(store))
    with qtbot.waitSignal(inbox.sig_settled, timeout=10_000):
        inbox.discard_button.click()
    qtbot.waitUntil(lambda: inbox.list.count() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: "1 modification refusée — voir" in window.network_label.text(), timeout=10_000)
    states = _run(qtbot, lambda: _outbox_states(store))
    assert sorted(states.values()).count("discarded") == 1
    assert sum(1 for k, v in states.items() if states_before[k] != v) == 1
    allergies = [e.data["name"] for e in _run(qtbot, store.entries.list) if e.kind == "allergy"]
    assert allergies == ["Pollen"]  # (the carnet also holds the identity the service gave at sign-in)

    # Edit and resend the update: the entry's own form, filled with the entry and what was refused; the person
    # corrects the value and saves: a new change goes through the store's validation, the refused one is settled.
    assert inbox.list.item(0).text() == "Allergie — modification : très forte"
    inbox.resend_button.click()
    qtbot.waitUntil(lambda: inbox.form is not None, timeout=10_000)
    form = inbox.form
    assert form.row("name").value() == "Pollen"
    # The refused value is no choice the form offers: it is named beside its field, which has the focus.
    assert "« très forte »" in form.row("severity").error.text()
    assert form.row("severity").editor.hasFocus()
    assert not form.reset_button.isVisible()
    form.row("severity").set_value("severe")
    with qtbot.waitSignal(inbox.sig_settled, timeout=20_000) as settled:
        form.save_button.click()
    assert settled.args == ["resent"]
    qtbot.waitUntil(lambda: inbox.list.count() == 0 and inbox.empty.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: _run(qtbot, store.outbox.count_pending) == 0, timeout=30_000)
    qtbot.waitUntil(lambda: window.network_label.text() == _up_to_date(window), timeout=20_000)
    assert _run(qtbot, lambda: store.entries.get(entry.id)).data["severity"] == "severe"
    assert window.sync_button.text() == "Synchroniser"
    states = _run(qtbot, lambda: _outbox_states(store))
    assert sorted(v for v in states.values() if v not in ("applied", "merged")) == ["discarded", "resent"]

    _run(qtbot, lambda: _queue_refused(store, entry.id))
    window.sync.sync_now()
    qtbot.waitUntil(lambda: inbox.list.count() == 1, timeout=20_000)
    inbox.resend_button.click()
    qtbot.waitUntil(lambda: inbox.form is not None, timeout=10_000)
    window.lock()  # nothing of the carnet stays on screen: the list and the form are emptied
    assert inbox.list.count() == 0 and inbox.form is None and not window._conflict_dialog.isVisible()


def test_a_discard_that_was_already_done_elsewhere_says_so_and_changes_nothing(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    window = online_window
    store = _signed_in_and_up_to_date(qtbot, window, flows, mailbox)
    _run(qtbot, lambda: _queue_refused(store, None))
    window.sync.sync_now()
    qtbot.waitUntil(lambda: "1 modification refusée — voir" in window.network_label.text(), timeout=20_000)
    qtbot.waitUntil(lambda: window.sync.state == "up_to_date" and pending_count() == 0, timeout=20_000)
    window.conflicts_action.trigger()  # Carnet › Modifications refusées et conflits…: opens on the refusals
    inbox = window.refused_inbox
    assert window._conflict_dialog.tabs.currentWidget() is inbox
    assert inbox.list.count() == 1
    [change] = window.sync.refused
    settle(window.profile, change, "discarded")  # meanwhile, another window of this carnet did it (no event here)
    inbox.discard_button.click()
    qtbot.waitUntil(lambda: inbox.list.count() == 0, timeout=10_000)
    assert inbox.error.isVisible()
    assert inbox.error.text() == "Cette modification a déjà été réglée ailleurs : rien n'a été modifié."
    assert window.network_label.text() == _up_to_date(window)
