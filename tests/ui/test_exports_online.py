"""Issue 17, the printouts that come from the service: the Historique des accès report built from the service's own
history (no hand-made events file) and the justificatif of an invited proche aidant, against the real central
service on loopback."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop_app import access
from desktop_app.exports.printouts import Printout
from tests.support.access import GP, Pros, put
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.exports_ui import ScriptedChoices, pdf_text
from tests.support.service import Flows, Mailbox, bearer
from tests.support.sync_lab import LiveServer
from tests.ui.test_online_screens import _signed_in_window, online_window

__all__ = ["flows", "live", "mailbox", "online_window", "server_template", "smtp_server"]


def _saved_pdf(qtbot, window, kind: Printout, out: Path) -> str:
    choices = ScriptedChoices()
    choices.install(window.exports.doors)
    window.exports.printouts[kind].trigger()
    dialog = window.exports.dialog
    qtbot.waitUntil(lambda: dialog.content is not None or dialog.error.isVisible(), timeout=30_000)
    assert dialog.content is not None, dialog.error.text()
    choices.saves.append(out)
    dialog.save_pdf_button.click()
    text = pdf_text(out)
    dialog.reject()
    return text


def test_the_access_history_report_is_the_services_history_of_the_dossier(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, live: LiveServer, tmp_path: Path
) -> None:
    person, _profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    assert live.ctx is not None and person.dossier_id
    pros = Pros(flows.client, live.ctx, mailbox)  # type: ignore[arg-type]
    pro = pros.sign_in(GP, "medecin_generaliste", "Durand")
    put(flows.client, f"/v1/me/access/professionals/{GP}/authorisation", bearer(flows.login(person)))  # type: ignore[arg-type]
    live.ctx.clock.advance(timedelta(minutes=1))  # type: ignore[attr-defined]
    assert flows.client.get(f"/v1/pro/dossiers/{person.dossier_id}", headers=pro).status_code == 200

    text = _saved_pdf(qtbot, online_window, Printout.ACCESS_HISTORY, tmp_path / "acces.pdf")
    assert f"Historique des accès Dossier de {online_window.profile.label}" in text  # no identity yet: the carnet
    assert "Alex Durand (RPPS 10000000017) (Professionnel de santé)" in text
    assert "Ouverture du dossier — Autorisé : professionnel autorisé" in text
    assert "Autorisation d'un professionnel" in text  # the person's own change, from the same history


def test_the_justificatif_names_the_invited_aidant_and_the_dates_and_says_so_when_there_is_none(
    qtbot, online_window, flows: Flows, mailbox: Mailbox, tmp_path: Path
) -> None:
    _person, profile = _signed_in_window(qtbot, online_window, flows, mailbox)
    online_window.exports.printouts[Printout.CAREGIVER].trigger()
    dialog = online_window.exports.dialog
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
    assert "Aucun proche aidant n'est invité" in dialog.error.text()
    assert not dialog.save_pdf_button.isEnabled() and not dialog.save_documents_button.isEnabled()
    dialog.reject()

    helper = flows.active_person()
    ends = datetime.now(UTC) + timedelta(days=90)
    access.invite_aidant(profile, helper.identifier, ends_at=ends)
    text = _saved_pdf(qtbot, online_window, Printout.CAREGIVER, tmp_path / "justificatif.pdf")
    assert "Justificatif d'accès — proche aidant" in text
    assert helper.identifier in text
    assert f"au {ends.astimezone():%d/%m/%Y} inclus" in text
