"""The account and the space on the service, from the client engine: recovery, password, closure, naming the carnet
after the person, one person one carnet — against the real service on loopback and its real SMTP outbox."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app import account, vault
from desktop_app.errors import WrongPassword
from desktop_app.profile import ProfileDirectory
from desktop_app.service_client import ServiceError
from desktop_app.sync.engine import SyncEngine
from desktop_app.sync.http import Backoff
from server.sync.models import SyncRecord
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import PASSWORD, Flows, Mailbox
from tests.support.sync_lab import LiveServer

__all__ = ["flows", "live", "mailbox", "server_template", "smtp_server"]

NEW_PASSWORD = "Tortue orange lit 9 journaux sous la pluie"
LOCAL_PASSWORD = "hibou marine dort contre la lampe 42 verte"


@pytest.fixture
def directory(tmp_path: Path) -> ProfileDirectory:
    return ProfileDirectory(tmp_path / "client", kdf=vault.FLOOR_KDF)


def _sign_in(live: LiveServer, mailbox: Mailbox, person, directory: ProfileDirectory, **kw):  # type: ignore[no-untyped-def]
    ticket = account.start_login(live.url, person.identifier, kw.pop("password", PASSWORD))
    return account.confirm_login(ticket, mailbox.last_otp(person.email), directory=directory, **kw)


def test_forgot_identifier_mails_it_and_forgot_password_resets_it_with_the_mailed_code(
    live: LiveServer, flows: Flows, mailbox: Mailbox
) -> None:
    person = flows.active_person()
    account.forgot_identifier(live.url, f" {person.email} ")
    assert person.identifier in mailbox.last_body(person.email)
    account.forgot_identifier(live.url, "personne@example.org")  # the same answer: nothing says who exists
    assert mailbox.to("personne@example.org") == []
    reset = account.forgot_password(live.url, person.identifier)
    with pytest.raises(ServiceError) as wrong:
        account.reset_password(reset, "000000", NEW_PASSWORD)
    assert wrong.value.field == "code"
    reset = account.forgot_password(live.url, person.identifier)
    code = mailbox.last_otp(person.email)
    with pytest.raises(ServiceError) as weak:
        account.reset_password(reset, code, "court")
    assert weak.value.field == "new_password" or weak.value.field == "password"
    reset = account.forgot_password(live.url, person.identifier)
    account.reset_password(reset, mailbox.last_otp(person.email), NEW_PASSWORD)
    assert flows.start_login(person, NEW_PASSWORD).status_code == 202
    assert flows.start_login(person, PASSWORD).status_code == 401


def test_password_change_closure_reactivation_and_deletion_request(
    live: LiveServer, flows: Flows, mailbox: Mailbox, directory: ProfileDirectory
) -> None:
    person = flows.active_person()
    profile, _key = _sign_in(live, mailbox, person, directory)
    with pytest.raises(ServiceError) as wrong:
        account.change_password(profile, "pas le bon mot de passe", NEW_PASSWORD)
    assert wrong.value.field == "password" and "incorrect" in wrong.value.message("fr")
    account.change_password(profile, PASSWORD, NEW_PASSWORD)
    assert flows.start_login(person, NEW_PASSWORD).status_code == 202
    with pytest.raises(ServiceError) as refused:
        account.close_space(profile, PASSWORD)  # the old password no longer counts
    assert refused.value.code == "invalid_credentials"
    assert account.close_space(profile, NEW_PASSWORD) == "closed"
    with pytest.raises(ServiceError) as closed_twice:
        account.close_space(profile, NEW_PASSWORD)
    assert closed_twice.value.code == "space_not_active"
    assert account.reactivate_space(profile) == "active"
    assert account.identity(profile).status == "active"
    assert account.request_deletion(profile, NEW_PASSWORD) == "deletion_requested"
    assert account.reactivate_space(profile) == "active"  # a pending deletion can still be cancelled
    profile.lock()


def test_activation_checks_the_proofs_first_and_names_the_carnet_after_the_person(
    live: LiveServer, flows: Flows, mailbox: Mailbox, directory: ProfileDirectory
) -> None:
    person = flows.provision(first_names="Zoé Marie", last_name="Lefèvre")
    with pytest.raises(ServiceError) as wrong:
        account.check_activation(live.url, person.activation_code, person.nir, "99999999")
    assert wrong.value.field == "activation_code"
    assert account.check_activation(live.url, person.activation_code, person.nir, person.serial) == "pending"
    ticket = account.start_activation(
        live.url, person.activation_code, person.nir, person.serial, "zoe.lefevre52", PASSWORD
    )
    profile, recovery_key = account.confirm_activation(ticket, mailbox.last_otp(person.email), directory=directory)
    assert recovery_key
    assert profile.label == "Zoé Lefèvre"  # the person, not "zoe.lefevre52"
    [identity] = profile.dossier().entries.list("identity")
    assert identity.data["birth_name"] == "Lefèvre" and identity.data["first_names"] == "Zoé Marie"
    assert identity.data["birth_date"] == "1984-01-01" and identity.data["sex"] == "M"
    assert identity.data["ins"] == person.nir
    profile.lock()


def test_an_offline_carnet_is_linked_to_the_account_its_entries_pushed_once(
    live: LiveServer, flows: Flows, mailbox: Mailbox, directory: ProfileDirectory
) -> None:
    local, _ = directory.create("Zoé Martin (sur ce PC)", LOCAL_PASSWORD)
    entries = local.dossier().entries
    entries.create("allergy", {"name": "Pénicilline", "reaction": "Urticaire"})
    entries.create("condition", {"name": "Hypertension artérielle", "onset_date": "2009"})
    entries.create("blood_group", {"abo": "A", "rh": "positive"})
    local.dossier().documents.add(b"%PDF-1.4\n%%EOF\n", title="Ordonnance", category="ordonnance")
    local_id = local.profile_id
    local.lock()
    person = flows.active_person()
    assert account.linkable_carnets(directory, live.url, person.identifier) == [(local_id, "Zoé Martin (sur ce PC)")]
    with pytest.raises(WrongPassword):  # the carnet's own password is asked, and a wrong one spends no code
        _sign_in(live, mailbox, person, directory, choice=account.LocalChoice(local_id, "pas le bon du tout"))
    profile, recovery_key = _sign_in(
        live, mailbox, person, directory, choice=account.LocalChoice(local_id, LOCAL_PASSWORD)
    )
    assert recovery_key is None and profile.profile_id == local_id
    assert profile.dossier_ids() == [str(person.dossier_id)]
    assert profile.dossier().entries.count() == 3 and profile.dossier().documents.count() == 1
    engine = SyncEngine(profile, backoff=Backoff(base=0.01, cap=0.05, attempts=2))
    engine.sync_once()
    engine.sync_once()
    assert live.ctx is not None
    with live.ctx.sessions() as session:
        records = session.scalars(select(SyncRecord).where(SyncRecord.dossier_id == person.dossier_id)).all()
    kinds = sorted(r.kind for r in records if not r.deleted)
    assert kinds.count("allergy") == 1 and kinds.count("condition") == 1 and kinds.count("blood_group") == 1
    assert len([r for r in records if r.entity == "document"]) == 1
    profile.lock()
    assert account.linkable_carnets(directory, live.url, person.identifier) == []
    # The next sign-in opens the same carnet with the carnet's password: still one carnet, nothing new to send.
    again, key = _sign_in(live, mailbox, person, directory, choice=account.LocalChoice(local_id, LOCAL_PASSWORD))
    assert key is None and again.profile_id == local_id
    assert [p.profile_id for p in directory.profiles()] == [local_id]
    again.lock()


def test_the_last_opened_carnet_is_remembered(directory: ProfileDirectory) -> None:
    first, _ = directory.create("Premier carnet", LOCAL_PASSWORD)
    second, _ = directory.create("Second carnet", LOCAL_PASSWORD)
    assert directory.last_opened() == second.profile_id
    first.lock()
    second.lock()
    directory.unlock(LOCAL_PASSWORD, profile_id=first.profile_id).lock()
    assert directory.last_opened() == first.profile_id
    assert re.fullmatch(r"[0-9a-f-]{36}", (directory.data_dir / "last-opened").read_text())


def test_activation_links_the_carnet_already_here_instead_of_making_a_second(
    live: LiveServer, flows: Flows, mailbox: Mailbox, directory: ProfileDirectory
) -> None:
    local, _ = directory.create("Zoé (avant l'activation)", LOCAL_PASSWORD)
    local.dossier().entries.create("allergy", {"name": "Pollen de bouleau", "reaction": "Rhinite"})
    local_id = local.profile_id
    local.lock()
    person = flows.provision()
    ticket = account.start_activation(
        live.url, person.activation_code, person.nir, person.serial, "zoe.activee", PASSWORD
    )
    profile, recovery_key = account.confirm_activation(
        ticket,
        mailbox.last_otp(person.email),
        directory=directory,
        choice=account.LocalChoice(local_id, LOCAL_PASSWORD),
    )
    assert recovery_key is None and profile.profile_id == local_id
    assert [p.profile_id for p in directory.profiles()] == [local_id]
    me = flows.client.get("/v1/me", headers={"Authorization": f"Bearer {profile.settings['sync.access_token']}"})
    assert profile.dossier_ids() == [me.json()["dossier_id"]]
    assert [e.data["name"] for e in profile.dossier().entries.list("allergy")] == ["Pollen de bouleau"]
    assert account.is_signed_in(profile)
    profile.lock()
