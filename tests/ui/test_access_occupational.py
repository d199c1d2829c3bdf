"""Accès et confidentialité against the real service: a médecin du travail's express consent, given and withdrawn;
the child access window with the child's own historique des accès."""

from __future__ import annotations

from datetime import date

from desktop_app import access
from tests.support.access import GP, Pros, provision_minor
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import PASSWORD, Flows, Mailbox, bearer
from tests.support.sync_lab import LiveServer
from tests.ui.helpers import clipped_buttons, missing_accessibility, open_dossier
from tests.ui.test_access_more import _access_page, _served
from tests.ui.test_online_screens import _signed_in_window, online_window

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]

OCCUPATIONAL = "10000000041"


def _state(page, rpps: str) -> str:
    rows = [page.model.row_object(r) for r in range(page.model.rowCount())]
    row = next(r for r in range(len(rows)) if rows[r].professional.rpps == rpps)
    return page.model.data(page.model.index(row, 2))


def test_occupational_physician_express_consent_given_refused_for_others_and_withdrawn(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, confirmer
) -> None:
    person, _profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None
    pros = Pros(flows.client, live.ctx, mailbox)  # type: ignore[arg-type]
    occ = pros.sign_in(OCCUPATIONAL, "medecin_du_travail", "Travail")
    pros.sign_in(GP, "medecin_generaliste", "Durand")
    me = bearer(flows.login(person))
    dossier = f"/v1/pro/dossiers/{person.dossier_id}"
    assert flows.client.get(dossier, headers=occ).status_code == 403  # no consent yet
    page = _access_page(qtbot, online_window)
    button = page.occupational_button

    # A general practitioner typed by hand: the service refuses in words, nothing changes.
    qtbot.keyClicks(page.rpps_edit, GP)
    assert button.isVisible() and button.isEnabled()
    confirmer.answers.append(True)
    button.click()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=20_000)
    assert "n'est pas médecin du travail" in page.error.text()
    assert _served(flows, me)["occupational_consents"] == []

    # The médecin du travail: asked in words; « Annuler » changes nothing; then consent given.
    page.rpps_edit.clear()
    qtbot.keyClicks(page.rpps_edit, OCCUPATIONAL)
    assert button.text().replace("&", "") == "Autoriser la médecine du travail (consentement exprès)"
    confirmer.answers.append(False)
    button.click()
    title, text = confirmer.questions[-1]
    assert title == "Autoriser la médecine du travail ?" and "consentement exprès" in text
    assert _served(flows, me)["occupational_consents"] == []
    confirmer.answers.append(True)
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        button.click()
    assert [p["rpps"] for p in _served(flows, me)["occupational_consents"]] == [OCCUPATIONAL]
    assert page.settings is not None and [o.rpps for o in page.settings.occupational_consents] == [OCCUPATIONAL]
    assert flows.client.get(dossier, headers=occ).status_code == 200  # the consent opens the dossier
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert _state(page, OCCUPATIONAL) == "Consentement exprès (médecine du travail)"
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert page.rpps_edit.text() == OCCUPATIONAL
    assert button.text().replace("&", "") == "Retirer le consentement à la médecine du travail"
    assert missing_accessibility([page]) == []

    # Another professional chosen in the list: the control is not offered for them.
    access.authorise(online_window.profile, GP)
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    gp_row = next(r for r in range(2) if page.model.row_object(r).professional.rpps == GP)
    page.table.setCurrentIndex(page.model.index(gp_row, 0))
    assert not button.isVisibleTo(page)

    # Withdrawn: asked, then the médecin du travail is shut out again.
    page.table.setCurrentIndex(page.model.index(1 - gp_row, 0))
    assert button.isVisibleTo(page)
    confirmer.answers.append(True)
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        button.click()
    assert confirmer.questions[-1][0] == "Retirer le consentement ?"
    assert _served(flows, me)["occupational_consents"] == []
    assert flows.client.get(dossier, headers=occ).status_code == 403

    # Offline copy: readable, the control disabled.
    online_window.lock()
    live.stop()
    open_dossier(qtbot, online_window, PASSWORD)
    page = _access_page(qtbot, online_window)
    assert page.offline and not page.occupational_button.isEnabled()


def test_the_child_access_window_shows_the_childs_own_access_history(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, confirmer
) -> None:
    parent, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None
    Pros(flows.client, live.ctx, mailbox).sign_in(OCCUPATIONAL, "medecin_du_travail", "Travail")  # type: ignore[arg-type]
    child = provision_minor(live.ctx, mailbox, n=710, parent_email=parent.email, born=date(2014, 9, 1))  # type: ignore[arg-type]
    added = access.add_child(profile, activation_code=child.activation_code or "", nir=child.nir, serial=child.serial)
    me = bearer(flows.login(parent))
    page = _access_page(qtbot, online_window)
    child_page = page.manage_child(added)
    history = page.child_history
    assert history is not None and page.child_tabs is not None
    qtbot.waitUntil(lambda: child_page.settings is not None, timeout=20_000)
    assert history.title.text() == "Historique des accès — dossier de Léa"

    # A change on the child's dossier, made in the child's window, then read in its own history tab.
    qtbot.keyClicks(child_page.rpps_edit, OCCUPATIONAL)
    confirmer.answers.append(True)
    with qtbot.waitSignal(child_page.sig_changed, timeout=20_000):
        child_page.occupational_button.click()
    assert [p["rpps"] for p in _served(flows, me, added.dossier_id)["occupational_consents"]] == [OCCUPATIONAL]
    assert _served(flows, me)["occupational_consents"] == []  # the parent's own dossier is untouched
    page.child_tabs.setCurrentWidget(history)
    with qtbot.waitSignal(history.sig_loaded, timeout=20_000) as loaded:
        history.reload()
    assert not loaded.args[0].from_cache
    actions = [history.model.data(history.model.index(r, 3)) for r in range(history.model.rowCount())]
    assert "Consentement exprès à la médecine du travail" in actions
    own = access.access_history(profile)
    assert all(e.action != "access.occupational_consent_given" for e in own.items)  # not in the parent's history
    assert missing_accessibility([history]) == []

    # 200 % text: the child window's tabs keep their buttons whole.
    online_window.set_preference("text_scale", 200)
    for shown in (child_page, history):
        page.child_tabs.setCurrentWidget(shown)
        qtbot.waitUntil(shown.isVisible, timeout=5_000)
        assert clipped_buttons(shown) == []
    online_window.set_preference("text_scale", 100)

    online_window.lock()
    assert history.model.rowCount() == 0 and history.last_page is None  # S18: the child's history is forgotten too
