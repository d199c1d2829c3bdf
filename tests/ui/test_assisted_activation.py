"""Assisted session, activation and opposition paths (PGSSI-S) against the real service on loopback, keyboard only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_app.assisted import AssistedWork, HelperSession
from desktop_app.service_client import ServiceError
from desktop_app.sync.http import Backoff, SyncOffline
from desktop_app.vault import FLOOR_KDF
from dossier.errors import DossierValidationError
from server.accounts.helper_models import Helper
from server.accounts.models import Account
from server.audit.models import AuditEvent
from server.dossiers.models import Dossier
from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.helper_accounts import LEA, LEA_SHOWN, helper_session, register_helper
from tests.support.service import PASSWORD, Flows, Mailbox, Person, make_nir
from tests.support.sync_lab import LiveServer
from tests.ui.test_assisted_session import (
    RPPS,
    _choose,
    _enter_and_wait,
    _key,
    _listing,
    _pdf_bytes,
    _pdf_printer,
    _register_doctor,
    _sign_in_helper,
    _type,
)
from tests.ui.test_assisted_session import helper_pc as helper_pc
from ui.assisted.session import PATHS, AssistedSession
from ui.ops import wait_for_idle

HELPER = LEA_SHOWN  # the registry's name and organisation of the signed-in helper (S51)
CHOSEN_ID = "zoe.assistee"


def _session(qtbot: Any, live: LiveServer, mailbox: Mailbox, printed: Path, calls: list[Path]) -> AssistedSession:
    """A session read aloud by the mock speech engine, already past the helper, consent and choice screens."""
    assert live.ctx is not None
    with httpx.Client(base_url=live.url, timeout=30) as api:
        register_helper(live.ctx, mailbox, api, LEA)

    def work(helper: HelperSession) -> AssistedWork:
        return AssistedWork(live.url, helper, kdf=FLOOR_KDF, backoff=Backoff(base=0.01, cap=0.05, attempts=2))

    session = AssistedSession(
        server_url=live.url, work_factory=work, printer=_pdf_printer(printed, calls), speech_engine="mock"
    )
    qtbot.addWidget(session)
    session.resize(900, 760)
    session.show()
    session.activateWindow()
    qtbot.waitUntil(lambda: session.helper_signin.email.hasFocus())
    session.read_aloud.setChecked(True)
    assert session.read_aloud.isChecked(), "the mock speech engine is part of Qt TextToSpeech"
    _sign_in_helper(qtbot, session, mailbox)
    _key(qtbot, Qt.Key.Key_Space)
    _enter_and_wait(qtbot, session, "choice")
    return session


def _proofs(qtbot: Any, session: AssistedSession, person: Person) -> None:
    """Activation code, NIR and Carte Vitale serial, one screen each."""
    _type(qtbot, person.activation_code.lower())  # any case: shown in capitals, in groups of four
    assert session.activation_code.text() == " ".join(person.activation_code[i : i + 4] for i in range(0, 12, 4))
    _enter_and_wait(qtbot, session, "nir")
    _type(qtbot, person.nir)
    _enter_and_wait(qtbot, session, "serial")
    _type(qtbot, person.serial)


def _history_of(live: LiveServer, flows: Flows, person: Person) -> list[dict[str, Any]]:
    token = flows.login(person)["access_token"]
    response = httpx.get(f"{live.url}/v1/me/access/history", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_keyboard_only_activation_then_first_entries_leaves_nothing_on_the_pc_S24_S32(
    qtbot: Any, live: LiveServer, flows: Flows, mailbox: Mailbox, helper_pc: dict[str, Any]
) -> None:
    person = flows.provision()
    _register_doctor(live)
    calls: list[Path] = []
    session = _session(qtbot, live, mailbox, helper_pc["printed"], calls)

    _choose(qtbot, session, "activation", "act_code")
    total = len(PATHS["activation"])
    assert session.step_label.text() == f"Étape 4 sur {total}"
    assert f"Étape 4 sur {total}. Votre code d'activation" in session.spoken  # read aloud as it appears
    _proofs(qtbot, session, person)
    _enter_and_wait(qtbot, session, "identifier")
    _type(qtbot, CHOSEN_ID)
    _enter_and_wait(qtbot, session, "new_password")
    assert session.new_password.hasFocus() and session.look_away["new_password"].isVisible()
    assert "détourner le regard" in session.look_away["new_password"].text()
    _type(qtbot, PASSWORD)
    assert session.meter.acceptable
    _key(qtbot, Qt.Key.Key_Tab)
    assert session.new_password_again.hasFocus()  # the strength meter takes no focus
    _type(qtbot, PASSWORD)
    _enter_and_wait(qtbot, session, "act_email")
    assert session.new_password.text() == "" and session.new_password_again.text() == ""  # not kept on screen
    assert "z***" in session.step("act_email").intro.text() or "@example.org" in session.step("act_email").intro.text()
    _type(qtbot, mailbox.last_otp(person.email))
    _enter_and_wait(qtbot, session, "entries")  # activated and signed in by the same code: no second one
    assert len(mailbox.to(person.email)) == 2  # the activation letter, then the one confirmation code
    assert session.work is not None and PASSWORD not in vars(session.work).values()  # dropped once sent
    _type(qtbot, "Pénicilline")
    _enter_and_wait(qtbot, session, "rpps")
    _type(qtbot, RPPS)
    _enter_and_wait(qtbot, session, "finish")
    assert session.step_label.text() == f"Étape {total} sur {total}"
    assert session.print_card.hasFocus()
    _key(qtbot, Qt.Key.Key_Return)  # carte d'urgence
    qtbot.waitUntil(lambda: len(calls) == 1 and calls[0].exists(), timeout=20_000)
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Return)  # récapitulatif (printed as a picture of its PDF: its text is read from the PDF)
    assert len(calls) == 2 and calls[1].exists()
    receipt, _ = _pdf_bytes(qtbot, session.receipt_pdf())
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Return)  # terminer et tout effacer
    qtbot.waitUntil(lambda: session.current_page == "done", timeout=20_000)
    wait_for_idle()

    assert f"Votre identifiant : {CHOSEN_ID}" in receipt and PASSWORD not in receipt
    assert "Activation de votre espace" in receipt and "1 allergie" in receipt and "Et maintenant" in receipt

    # The space is active under the chosen identifier, and the person's historique des accès shows the helper.
    assert live.ctx is not None
    with live.ctx.sessions() as db:
        dossier = db.scalars(select(Dossier).where(Dossier.nir == person.nir)).one()
        account = db.scalars(select(Account).where(Account.dossier_id == dossier.id)).one()
        assert account.identifier == CHOSEN_ID and account.status.value == "active"
        assert dossier.status.value == "active"
    person.identifier = CHOSEN_ID
    history = _history_of(live, flows, person)
    assert any(item.get("assisted_by") == HELPER for item in history), history

    # Nothing of the person remains: no profile, no cache, no temp file, no keyring entry, no typed text.
    for name, folder in helper_pc["dirs"].items():
        assert _listing(folder) == [], name
    assert helper_pc["keyring"].stored == {} and not any(c.startswith("set") for c in helper_pc["keyring"].calls)
    assert all(not e.text() for e in session.findChildren(type(session.password)))


def test_keyboard_only_opposition_prints_what_it_means_and_leaves_nothing_S24(
    qtbot: Any, live: LiveServer, flows: Flows, mailbox: Mailbox, helper_pc: dict[str, Any]
) -> None:
    person = flows.provision()
    calls: list[Path] = []
    session = _session(qtbot, live, mailbox, helper_pc["printed"], calls)
    _choose(qtbot, session, "activation", "act_code")  # the wrong answer: Échap goes back to the question
    _key(qtbot, Qt.Key.Key_Escape)
    assert session.current_page == "choice" and session.path_name == "" and session.step_label.text() == "Étape 3"
    _choose(qtbot, session, "opposition", "act_code")
    total = len(PATHS["opposition"])
    assert session.step_label.text() == f"Étape 4 sur {total}"
    _proofs(qtbot, session, person)
    _key(qtbot, Qt.Key.Key_Escape)  # back one screen: what was typed stays
    assert session.current_page == "nir" and session.nir.text() == person.nir and session.nir.hasFocus()
    _enter_and_wait(qtbot, session, "serial")
    assert session.serial.text() == person.serial
    _enter_and_wait(qtbot, session, "oppose_confirm")
    confirm = session.step("oppose_confirm")
    assert confirm.primary is not None and confirm.primary.hasFocus()  # plain confirmation: one big button
    assert "ne sera pas créé" in confirm.intro.text()
    assert f"Étape 7 sur {total}. Vous ne voulez pas de Mon espace santé" in session.spoken
    _enter_and_wait(qtbot, session, "finish")
    assert session.step_label.text() == f"Étape {total} sur {total}"
    assert not session.print_card.isVisible() and session.print_receipt.hasFocus()  # no dossier, no carte d'urgence
    assert "opposition est enregistrée" in session.step("finish").intro.text()
    _key(qtbot, Qt.Key.Key_Return)  # récapitulatif
    assert len(calls) == 1 and calls[0].exists()
    receipt, _ = _pdf_bytes(qtbot, session.receipt_pdf())
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Return)  # terminer et tout effacer
    qtbot.waitUntil(lambda: session.current_page == "done", timeout=20_000)
    wait_for_idle()

    assert "Opposition à la création" in receipt and "ne sera pas créé" in receipt and "changer d'avis" in receipt
    assert "Votre identifiant" not in receipt and "Léa Dubois" in receipt
    assert live.ctx is not None
    with live.ctx.sessions() as db:
        assert db.scalars(select(Dossier.status).where(Dossier.nir == person.nir)).one().value == "opposed"
    for name, folder in helper_pc["dirs"].items():
        assert _listing(folder) == [], name
    assert helper_pc["keyring"].calls == []
    assert all(not e.text() for e in session.findChildren(type(session.password)))


def test_wrong_code_nir_password_or_mailed_code_keep_what_was_typed_and_write_nothing(
    qtbot: Any, live: LiveServer, flows: Flows, mailbox: Mailbox, helper_pc: dict[str, Any]
) -> None:
    person = flows.provision()
    session = _session(qtbot, live, mailbox, helper_pc["printed"], [])
    _choose(qtbot, session, "activation", "act_code")
    _type(qtbot, "abc")  # too short: said here, nothing sent
    _key(qtbot, Qt.Key.Key_Return)
    assert session.current_page == "act_code" and session.step("act_code").error.isVisible()
    assert session.activation_code.text() == "ABC"
    session.activation_code.clear()
    _type(qtbot, person.activation_code)
    _enter_and_wait(qtbot, session, "nir")
    assert not session.step("act_code").error.isVisible()
    _type(qtbot, person.nir[:-1] + ("0" if person.nir[-1] != "0" else "1"))  # a wrong key
    _key(qtbot, Qt.Key.Key_Return)
    assert session.current_page == "nir" and "sécurité sociale" in session.step("nir").error.text()
    wrong_nir = make_nir(999)  # well formed, but not this person's
    session.nir.clear()
    _type(qtbot, wrong_nir)
    _enter_and_wait(qtbot, session, "serial")
    _type(qtbot, person.serial)
    _enter_and_wait(qtbot, session, "identifier")
    _type(qtbot, CHOSEN_ID)
    _enter_and_wait(qtbot, session, "new_password")
    _type(qtbot, "soleil123")  # weak: the live advice says why, the service is not asked
    assert not session.meter.acceptable and session.meter.advice.text()
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "soleil123")
    _key(qtbot, Qt.Key.Key_Return)
    assert session.current_page == "new_password" and "solide" in session.step("new_password").error.text()
    assert session.new_password.text() == "soleil123"
    for edit in (session.new_password, session.new_password_again):
        edit.clear()
        edit.setFocus()
        _type(qtbot, PASSWORD)
    # The service refuses the proofs (it never says which one, on purpose): back to the first proof, all kept.
    _enter_and_wait(qtbot, session, "act_code")
    assert "incorrect" in session.step("act_code").error.text()
    assert session.nir.text() == wrong_nir and session.new_identifier.text() == CHOSEN_ID
    assert session.new_password.text() == PASSWORD  # still typed: the person does not type it again
    assert live.ctx is not None
    with live.ctx.sessions() as db:
        dossier = db.scalars(select(Dossier).where(Dossier.nir == person.nir)).one()
        assert dossier.status.value == "pending"
        assert db.scalars(select(Account).where(Account.dossier_id == dossier.id)).all() == []
    assert len(mailbox.to(person.email)) == 1  # only the letter with the activation code: no code was mailed
    _enter_and_wait(qtbot, session, "nir")
    session.nir.clear()
    _type(qtbot, person.nir)
    for page in ("serial", "identifier", "new_password", "act_email"):
        _enter_and_wait(qtbot, session, page)
    _type(qtbot, "000000")  # a wrong mailed code
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.step("act_email").error.isVisible(), timeout=20_000)
    assert session.current_page == "act_email" and session.activation_email_code.text() == "000000"
    with live.ctx.sessions() as db:
        assert db.scalars(select(Dossier.status).where(Dossier.nir == person.nir)).one().value == "pending"
    session.activation_email_code.clear()
    _type(qtbot, mailbox.last_otp(person.email))
    _enter_and_wait(qtbot, session, "entries")
    workspace = session.work.workspace if session.work else None
    session.close()  # the helper closes the window mid-session: wiped all the same
    wait_for_idle()
    assert workspace is not None and not workspace.exists()
    for name, folder in helper_pc["dirs"].items():
        assert _listing(folder) == [], name


class _CutAfterActivation(httpx.BaseTransport):
    """A network fault on the first request after the activation (GET /v1/me) while `cut` is set."""

    def __init__(self) -> None:
        self.cut = False
        self.paths: list[str] = []
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        if self.cut and request.url.path == "/v1/me":
            raise httpx.ConnectError("cut", request=request)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


def test_activation_retried_after_a_network_cut_activates_once_and_needs_no_second_code(
    live: LiveServer, flows: Flows, mailbox: Mailbox, helper_pc: dict[str, Any]
) -> None:
    """Engine side: the password is never kept once sent; the activation opens the session itself; a failure right
    after it is retried with the session it opened (not activated twice, no login); the receipt never holds it."""
    person = flows.provision()
    network = _CutAfterActivation()
    assert live.ctx is not None
    work = AssistedWork(
        live.url,
        helper_session(live.url, live.ctx, mailbox),
        kdf=FLOOR_KDF,
        transport=network,
        backoff=Backoff(base=0.01, cap=0.02, attempts=2),
    )
    proofs = {"code": person.activation_code, "nir": person.nir, "serial": person.serial}
    try:
        with pytest.raises(DossierValidationError, match="identifier"):
            work.start_activation(**proofs, identifier="zoe", password=PASSWORD)  # too short: checked here
        with pytest.raises(ServiceError) as weak:
            work.start_activation(**proofs, identifier=CHOSEN_ID, password="soleil123")
        assert weak.value.field == "password"
        assert network.paths == [] and len(mailbox.to(person.email)) == 1  # nothing was sent
        with pytest.raises(ServiceError) as taken:
            work.start_activation(**proofs, identifier=flows.active_person().identifier, password=PASSWORD)
        assert taken.value.field == "identifier" and "déjà pris" in taken.value.message("fr")
        masked = work.start_activation(**proofs, identifier=CHOSEN_ID, password=PASSWORD)
        assert masked.endswith("@example.org") and masked != person.email
        assert PASSWORD not in vars(work).values()  # sent, not kept
        with pytest.raises(ServiceError) as wrong:
            work.confirm_activation("000000")
        assert wrong.value.field == "code"
        network.cut = True
        with pytest.raises(SyncOffline):
            work.confirm_activation(mailbox.last_otp(person.email))
        assert work.receipt is None  # not signed in yet
        network.cut = False
        assert work.confirm_activation("") == CHOSEN_ID  # the code was used: not sent again
        assert network.paths.count("/v1/activation/confirm") == 2  # the wrong code, then the right one
        assert "/v1/auth/login" not in network.paths and "/v1/auth/verify" not in network.paths
        assert len(mailbox.to(person.email)) == 2  # the activation letter and one confirmation code
        assert work.add_first_entries(allergies=["Pénicilline"]) == 1  # the session works: sent to the service
        assert work.receipt is not None
        lines = "\n".join(work.receipt.lines_fr(at=work.now()))
        assert "Activation de votre espace" in lines and CHOSEN_ID in lines and PASSWORD not in lines
    finally:
        work.abandon()
    assert not work.workspace.exists()


def test_activation_and_opposition_audit_rows_name_the_helper_S32(
    live: LiveServer, flows: Flows, mailbox: Mailbox, helper_pc: dict[str, Any]
) -> None:
    """S32: the service records the helper on the activation and the opposition themselves, not only afterwards."""
    activating, opposing = flows.provision(), flows.provision()
    assert live.ctx is not None
    work = AssistedWork(live.url, helper_session(live.url, live.ctx, mailbox), kdf=FLOOR_KDF)
    try:
        work.start_activation(
            code=activating.activation_code,
            nir=activating.nir,
            serial=activating.serial,
            identifier=CHOSEN_ID,
            password=PASSWORD,
        )
        work.confirm_activation(mailbox.last_otp(activating.email))
    finally:
        work.abandon()
    other = AssistedWork(live.url, helper_session(live.url, live.ctx, mailbox), kdf=FLOOR_KDF)  # signs in again
    try:
        other.oppose(code=opposing.activation_code, nir=opposing.nir, serial=opposing.serial)
    finally:
        other.abandon()
    assert live.ctx is not None
    with live.ctx.sessions() as db:
        rows = db.scalars(
            select(AuditEvent).where(
                AuditEvent.action.in_(
                    ("space.activation_started", "space.activated", "auth.login.success", "space.opposed")
                )
            )
        ).all()
        rows = [r for r in rows if r.actor_role != "helper"]  # the helper's own sign-ins are hers, not assisted
        lea = db.scalars(select(Helper).where(Helper.email == LEA.email)).one()
    assert sorted(r.action for r in rows) == [
        "auth.login.success",  # the session the activation opened
        "space.activated",
        "space.activation_started",
        "space.opposed",
    ]
    assert {r.assisted_by for r in rows} == {f"{lea.id}|{lea.organisation_id}"}  # her account, not free text (S51)
