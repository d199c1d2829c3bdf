"""The « Historique des accès » section against the real central service on loopback: filters, offline copy."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from desktop_app import access, service_client
from tests.support.access import GP, Pros, put
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import PASSWORD, Flows, Mailbox, bearer
from tests.support.sync_lab import LiveServer
from tests.ui.helpers import open_dossier
from tests.ui.test_online_screens import _signed_in_window, online_window

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]

SHOTS = Path("/tmp/shots-access")


def _texts(page, column: int) -> list[str]:
    return [page.model.data(page.model.index(row, column)) for row in range(page.model.rowCount())]


def _refresh(qtbot, page) -> None:
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.refresh_button.click()
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)


def _rows(page) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return list(zip(_texts(page, 1), _texts(page, 2), _texts(page, 3), _texts(page, 4), strict=True))


def test_access_history_lists_a_professional_opening_the_dossier_filters_and_keeps_an_offline_copy(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    person, _profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None and person.dossier_id
    pros = Pros(flows.client, live.ctx, mailbox)  # type: ignore[arg-type] # httpx.Client speaks TestClient's API
    pro = pros.sign_in(GP, "medecin_generaliste", "Durand")
    me = bearer(flows.login(person))
    put(flows.client, f"/v1/me/access/professionals/{GP}/authorisation", me)  # type: ignore[arg-type]
    live.ctx.clock.advance(timedelta(minutes=1))  # type: ignore[attr-defined] # ManualClock
    assert flows.client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro).status_code == 200

    page = online_window.dossier.access_history
    online_window.dossier.show_section("access_history")
    assert online_window.dossier.current_section() == "access_history"
    assert page.freshness.text().startswith("Pas encore chargé")
    _refresh(qtbot, page)
    assert page.freshness.text().startswith("À jour le ")
    rows = _rows(page)
    assert rows[0] == (
        "Alex Durand (RPPS 10000000017)",
        "Professionnel de santé",
        "Ouverture du dossier",
        "Autorisé : professionnel autorisé",
    )
    assert ("Titulaire du dossier", "Autorisation d'un professionnel") in {(r[1], r[2]) for r in rows}

    # Filter: professionals only.
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("professional"))
    qtbot.waitUntil(lambda: not page.model.loading and page.last_page is not None, timeout=10_000)
    qtbot.waitUntil(lambda: set(_texts(page, 2)) == {"Professionnel de santé"}, timeout=10_000)
    # Dates: the day of the opening (local time) includes it; the following days do not.
    opened = page.model.row_object(0).at.astimezone().date()
    page.since_edit.setDate(QDate(opened.year, opened.month, opened.day))
    page.until_edit.setDate(QDate(opened.year, opened.month, opened.day))
    page.dates_check.setChecked(True)
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 1, timeout=10_000)
    later = QDate(opened.year, opened.month, opened.day).addDays(1)
    page.until_edit.setDate(later.addDays(1))
    page.since_edit.setDate(later)
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 0, timeout=10_000)
    page.dates_check.setChecked(False)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("all"))
    # Every line seen before is back (the window's own sync may have added its lines since: the patient's push)
    qtbot.waitUntil(lambda: not page.model.loading and set(rows) <= set(_rows(page)), timeout=10_000)
    shown = _rows(page)

    SHOTS.mkdir(parents=True, exist_ok=True)
    online_window.resize(1100, 700)
    online_window.grab().save(str(SHOTS / "access_history.png"))

    # Offline: the last unfiltered copy, with its date; locking forgets what was shown (S18).
    live.stop()
    online_window.lock()
    assert page.model.rowCount() == 0
    open_dossier(qtbot, online_window, PASSWORD)
    online_window.dossier.show_section("access_history")
    qtbot.waitUntil(lambda: _rows(page) == shown, timeout=10_000)  # the copy of the last unfiltered page
    assert page.freshness.text().startswith("Hors ligne : copie enregistrée le ")
    _refresh(qtbot, page)  # the service is gone: the copy answers, still dated
    assert page.last_page is not None and page.last_page.from_cache
    assert "Ouverture du dossier" in _texts(page, 3)
    online_window.grab().save(str(SHOTS / "access_history_offline.png"))


def test_access_history_client_refuses_naive_dates_and_unknown_kinds_before_asking(
    qtbot, online_window, flows: Flows, mailbox: Mailbox
) -> None:
    from datetime import datetime

    _person, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    with pytest.raises(ValueError, match="time zone"):
        access.access_history(profile, since=datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="unknown actor kinds"):
        access.access_history(profile, actor_kinds=("martian",))


def test_access_settings_client_authorise_block_unblock_and_emergency_rule(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer
) -> None:
    """Changes made through desktop_app.access show in GET /v1/me/access, read by the service's own API."""
    person, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None
    Pros(flows.client, live.ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")  # type: ignore[arg-type]
    me = bearer(flows.login(person))

    def served() -> dict:
        r = flows.client.get("/v1/me/access", headers=me)
        assert r.status_code == 200, r.text
        return r.json()

    settings = access.authorise(profile, GP)
    assert [(a.professional.rpps, a.professional.name) for a in settings.authorised] == [(GP, "Alex Durand")]
    assert [a["rpps"] for a in served()["authorised"]] == [GP]
    settings = access.block(profile, GP)
    assert settings.authorised == () and [b.rpps for b in settings.blocked] == [GP]
    assert served()["authorised"] == [] and [b["rpps"] for b in served()["blocked"]] == [GP]
    settings = access.unblock(profile, GP)  # unblocking does not authorise again
    assert settings.blocked == () and settings.authorised == ()
    assert served()["authorised"] == []

    # A malformed RPPS is refused before asking, beside its field; nothing changed.
    with pytest.raises(service_client.ServiceError) as refused:
        access.authorise(profile, "12 AB")
    assert refused.value.field == "rpps"
    assert access.access_settings(profile).authorised == ()

    # Emergency: masked documents cannot stay on once neither SAMU nor other professionals may open the dossier.
    on = access.set_emergency(
        profile, access.EmergencySettings(samu=True, other_professionals=False, masked_documents=True)
    )
    assert on.emergency.masked_documents
    off = access.set_emergency(
        profile, access.EmergencySettings(samu=False, other_professionals=False, masked_documents=True)
    )
    assert not off.emergency.masked_documents
    assert served()["emergency"]["masked_documents"] is False


def test_access_section_authorise_then_block_asks_first_and_the_service_has_it(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, confirmer
) -> None:
    person, _profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None
    Pros(flows.client, live.ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")  # type: ignore[arg-type]
    me = bearer(flows.login(person))
    page = online_window.dossier.access
    online_window.dossier.show_section("access")
    qtbot.waitUntil(lambda: page.settings is not None, timeout=20_000)

    # A malformed RPPS: said beside the actions, nothing asked, nothing sent.
    qtbot.keyClicks(page.rpps_edit, "12 AB")
    page.authorise_button.click()
    assert "11 chiffres" in page.error.text() and confirmer.questions == []
    page.rpps_edit.clear()
    qtbot.keyClicks(page.rpps_edit, GP)
    confirmer.answers.extend([False])  # « Annuler »: nothing changes
    page.authorise_button.click()
    assert flows.client.get("/v1/me/access", headers=me).json()["authorised"] == []
    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.authorise_button.click()
    assert [a["rpps"] for a in flows.client.get("/v1/me/access", headers=me).json()["authorised"]] == [GP]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert page.model.data(page.model.index(0, 0)) == "Alex Durand"
    assert page.model.data(page.model.index(0, 2)).startswith("Autorisé le ")

    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.block_button.click()
    assert "ne pourra plus rien voir" in confirmer.questions[-1][1]
    served = flows.client.get("/v1/me/access", headers=me).json()
    assert served["authorised"] == [] and [b["rpps"] for b in served["blocked"]] == [GP]
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 2)) == "Bloqué", timeout=10_000)
    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.unblock_button.click()
    assert "ne sera pas autorisé pour autant" in confirmer.questions[-1][1]
    assert flows.client.get("/v1/me/access", headers=me).json()["authorised"] == []

    # Emergency rule: documents masqués off and greyed when neither SAMU nor other professionals may open.
    page.samu_check.setChecked(True)
    page.masked_check.setChecked(True)
    assert page.masked_check.isEnabled()
    page.samu_check.setChecked(False)
    page.others_check.setChecked(False)
    assert not page.masked_check.isEnabled() and not page.masked_check.isChecked()
    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.emergency_button.click()
    assert "aucun professionnel" in confirmer.questions[-1][1]
    emergency = flows.client.get("/v1/me/access", headers=me).json()["emergency"]
    assert emergency["samu"] is False and emergency["masked_documents"] is False

    # Médecin traitant, then a proche aidant invited and revoked (the revocation says access ends now).
    qtbot.keyClicks(page.doctor_edit, GP)
    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.doctor_button.click()
    assert flows.client.get("/v1/me/access", headers=me).json()["medecin_traitant"]["rpps"] == GP
    assert "RPPS 10000000017" in page.doctor_label.text()
    helper = flows.active_person()
    qtbot.keyClicks(page.aidant_edit, helper.identifier)
    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.invite_button.click()
    assert [a["identifier"] for a in flows.client.get("/v1/me/access", headers=me).json()["aidants"]] == [
        helper.identifier
    ]
    qtbot.waitUntil(lambda: page.aidants_model.rowCount() == 1, timeout=10_000)
    page.aidants_table.setCurrentIndex(page.aidants_model.index(0, 0))
    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_changed, timeout=20_000):
        page.revoke_button.click()
    assert "ne pourra plus consulter votre dossier" in confirmer.questions[-1][1]
    assert flows.client.get("/v1/me/access", headers=me).json()["aidants"] == []

    SHOTS.mkdir(parents=True, exist_ok=True)
    online_window.resize(1100, 900)
    online_window.grab().save(str(SHOTS / "access_settings.png"))
    online_window.lock()
    assert page.model.rowCount() == 0 and page.settings is None  # S18
