"""The account, care history and notifications against the real central service on loopback."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app import account, care_history, notifications, service_client, vault
from desktop_app.errors import WrongPassword
from desktop_app.profile import ProfileDirectory
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.engine import S_ACCESS, S_REFRESH, SyncEngine
from desktop_app.sync.http import Backoff
from server.feed.service import CareItem, import_care_history
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import PASSWORD, Flows, Mailbox
from tests.support.sync_lab import LiveServer

__all__ = ["flows", "live", "mailbox", "server_template", "smtp_server"]


@pytest.fixture
def directory(tmp_path: Path) -> ProfileDirectory:
    return ProfileDirectory(tmp_path / "client", kdf=vault.FLOOR_KDF)


def _files_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def test_activation_creates_the_local_profile_signed_in_and_the_first_sync_runs_at_once(
    live: LiveServer, flows: Flows, mailbox: Mailbox, directory: ProfileDirectory
) -> None:
    person = flows.provision()
    ticket = account.start_activation(
        live.url, person.activation_code, person.nir, person.serial, "zoe.martin.test", PASSWORD
    )
    assert "@" in ticket.email_masked and ticket.email_masked != person.email
    profile, recovery_key = account.confirm_activation(
        ticket, mailbox.last_otp(person.email), directory=directory, device_name="PC du salon"
    )
    assert recovery_key
    assert profile.label == "Zoé Martin"  # named after the person (the service's identity), not the login
    assert len(mailbox.to(person.email)) == 2  # the activation code letter and its confirmation code: no third
    profile.lock()
    reopened = directory.unlock(PASSWORD)  # the same password opens the local carnet
    assert account.is_signed_in(reopened)  # the activation code opened the session: no second mailed code
    [device] = account.devices(reopened)
    assert device.current and device.name == "PC du salon" and device.id == reopened.settings[SettingKey.DEVICE_ID]
    report = SyncEngine(reopened, backoff=Backoff(base=0.01, cap=0.05, attempts=2)).sync_once()
    assert report.revoked == []
    me = flows.client.get("/v1/me", headers={"Authorization": f"Bearer {reopened.settings[S_ACCESS]}"}).json()
    assert reopened.dossier_ids() == [me["dossier_id"]]
    # A later login on this computer keeps the same device (its id is in the profile).
    person.identifier = "zoe.martin.test"
    again = account.start_login(live.url, person.identifier, PASSWORD)
    reopened.lock()
    relogged, _ = account.confirm_login(again, mailbox.last_otp(person.email), directory=directory)
    assert [d.id for d in account.devices(relogged)] == [device.id]
    refresh_token = str(relogged.settings[S_REFRESH])
    relogged.lock()
    assert refresh_token.encode() not in _files_bytes(directory.data_dir)
    # The server address, identifier and tokens are settings of the encrypted store, never plaintext on disk.
    assert live.url.encode() not in _files_bytes(directory.data_dir)
    # The label (profile.json) is the person's name; the account is tied to the carnet by a hash, not the identifier.
    assert b"zoe.martin.test" not in _files_bytes(directory.data_dir)


@pytest.mark.parametrize(
    ("override", "field", "words"),
    [
        ({"nir": "184017505000199"}, "nir", "clé"),
        ({"serial": "99999999"}, "activation_code", "incorrect"),
        ({"identifier": "Zoe"}, "identifier", "8 à 100"),
    ],
)
def test_activation_refusals_name_the_field_in_french_and_create_nothing(
    live: LiveServer,
    flows: Flows,
    directory: ProfileDirectory,
    override: dict[str, str],
    field: str,
    words: str,
) -> None:
    person = flows.provision()
    args = {"code": person.activation_code, "nir": person.nir, "serial": person.serial, "identifier": "zoe.martin.t"}
    args.update(override)
    with pytest.raises(service_client.ServiceError) as caught:
        account.start_activation(live.url, args["code"], args["nir"], args["serial"], args["identifier"], PASSWORD)
    assert caught.value.field == field
    assert words in caught.value.message("fr")
    assert directory.profiles() == []


def test_identifier_taken_is_reported_on_the_identifier(live: LiveServer, flows: Flows) -> None:
    flows.activate(flows.provision(), identifier="deja.pris.2026")
    other = flows.provision()
    with pytest.raises(service_client.ServiceError) as caught:
        account.start_activation(live.url, other.activation_code, other.nir, other.serial, "deja.pris.2026", PASSWORD)
    assert caught.value.field == "identifier"
    assert "déjà pris" in caught.value.message("fr")


def test_wrong_email_code_keeps_the_ticket_usable(
    live: LiveServer, flows: Flows, mailbox: Mailbox, directory: ProfileDirectory
) -> None:
    person = flows.provision()
    ticket = account.start_activation(
        live.url, person.activation_code, person.nir, person.serial, "zoe.retry1", PASSWORD
    )
    code = mailbox.last_otp(person.email)
    wrong = "000000" if code != "000000" else "111111"
    with pytest.raises(service_client.ServiceError) as caught:
        account.confirm_activation(ticket, wrong, directory=directory)
    assert "Code incorrect" in caught.value.message("fr")
    assert directory.profiles() == []
    profile, _ = account.confirm_activation(ticket, code, directory=directory)
    profile.lock()


def test_login_creates_then_reopens_the_local_profile_and_keeps_tokens_encrypted(
    live: LiveServer, flows: Flows, mailbox: Mailbox, directory: ProfileDirectory
) -> None:
    person = flows.active_person()
    ticket = account.start_login(live.url, person.identifier, PASSWORD)
    profile, recovery_key = account.confirm_login(ticket, mailbox.last_otp(person.email), directory=directory)
    assert recovery_key is not None
    assert profile.dossier_ids() == [str(person.dossier_id)]
    assert account.is_signed_in(profile)
    devices = account.devices(profile)
    assert [d.current for d in devices] == [True]
    token = str(profile.settings["sync.refresh_token"])
    profile.lock()
    assert token.encode() not in _files_bytes(directory.data_dir)

    again = account.start_login(live.url, person.identifier, PASSWORD)
    reopened, second_key = account.confirm_login(again, mailbox.last_otp(person.email), directory=directory)
    assert second_key is None  # the existing carnet was unlocked, not replaced
    assert len(directory.profiles()) == 1
    assert [d.id for d in account.devices(reopened)] == [devices[0].id]  # same device, not a new one
    reopened.lock()


def test_login_with_a_local_password_that_differs_loses_nothing(
    live: LiveServer, flows: Flows, mailbox: Mailbox, directory: ProfileDirectory
) -> None:
    person = flows.active_person()
    existing, _ = directory.create(person.identifier, "une autre phrase de passe tout aussi longue 77")
    existing.lock()
    ticket = account.start_login(live.url, person.identifier, PASSWORD)
    with pytest.raises(WrongPassword):
        account.confirm_login(ticket, mailbox.last_otp(person.email), directory=directory)
    assert len(directory.profiles()) == 1


def test_wrong_credentials_are_a_refusal_on_the_password_not_an_expired_session(live: LiveServer, flows: Flows) -> None:
    person = flows.active_person()
    with pytest.raises(service_client.ServiceError) as caught:
        account.start_login(live.url, person.identifier, "ce n'est pas le bon mot de passe")
    assert (caught.value.status, caught.value.field) == (401, "password")
    assert caught.value.message("fr") == "Identifiant ou mot de passe incorrect."


def test_unreachable_service_is_reported_as_offline(directory: ProfileDirectory) -> None:
    from tests.support.service import free_port

    with pytest.raises(service_client.SyncOffline) as caught:
        account.start_login(f"http://127.0.0.1:{free_port()}", "zoe.martin.x", PASSWORD)
    assert "injoignable" in caught.value.message("fr")
    assert directory.profiles() == []


def test_opposition(live: LiveServer, flows: Flows) -> None:
    person = flows.provision()
    assert account.oppose(live.url, person.activation_code, person.nir, person.serial) == "opposed"
    with pytest.raises(service_client.ServiceError) as caught:
        account.oppose(live.url, person.activation_code, person.nir, "11111111")
    assert caught.value.field == "activation_code"


def test_care_history_is_cached_and_served_offline(
    live: LiveServer, flows: Flows, mailbox: Mailbox, directory: ProfileDirectory
) -> None:
    person = flows.active_person()
    assert live.ctx is not None
    today = live.ctx.now().date()
    items = [
        CareItem("R1", person.nir, "consultation", today - timedelta(days=3), "Consultation généraliste", "Dr Durand"),
        CareItem("R2", person.nir, "medicine", today - timedelta(days=900), "Amoxicilline"),
    ]
    with live.ctx.sessions() as session:
        import_care_history(session, live.ctx, items)
        session.commit()
    ticket = account.start_login(live.url, person.identifier, PASSWORD)
    profile, _ = account.confirm_login(ticket, mailbox.last_otp(person.email), directory=directory)
    fresh = care_history.care_history(profile)
    assert not fresh.from_cache
    assert [r.label for r in fresh.records] == ["Consultation généraliste"]  # older than 24 months: not served
    assert fresh.records[0].date == today - timedelta(days=3) and isinstance(fresh.records[0].date, date)
    live.stop()
    offline = care_history.care_history(profile)
    assert offline.from_cache and offline.records == fresh.records
    assert offline.fetched_at == fresh.fetched_at
    profile.lock()


def test_care_history_offline_without_a_copy_says_so(directory: ProfileDirectory) -> None:
    profile, _ = directory.create("Sans service", PASSWORD)
    with pytest.raises(service_client.NotSignedIn) as caught:
        care_history.care_history(profile)
    assert "connectez-vous" in caught.value.message("fr")
    profile.lock()


def test_revoking_a_device_ends_its_session(
    live: LiveServer, flows: Flows, mailbox: Mailbox, directory: ProfileDirectory
) -> None:
    person = flows.active_person()
    flows.login(person, device_name="Tablette")
    ticket = account.start_login(live.url, person.identifier, PASSWORD)
    profile, _ = account.confirm_login(ticket, mailbox.last_otp(person.email), directory=directory)
    tablet = next(d for d in account.devices(profile) if d.name == "Tablette")
    account.revoke_device(profile, tablet.id)
    assert next(d for d in account.devices(profile) if d.id == tablet.id).revoked
    profile.lock()


def test_notifications_of_a_new_account_are_empty_and_need_a_session(
    live: LiveServer, flows: Flows, mailbox: Mailbox, directory: ProfileDirectory
) -> None:
    person = flows.active_person()
    ticket = account.start_login(live.url, person.identifier, PASSWORD)
    profile, _ = account.confirm_login(ticket, mailbox.last_otp(person.email), directory=directory)
    assert notifications.notifications(profile) == ([], 0)
    profile.set_setting("sync.access_token", "jeton-perime")
    profile.set_setting("sync.refresh_token", "jeton-perime")
    with pytest.raises(service_client.NotSignedIn):  # an expired session is said plainly, never retried forever
        notifications.notifications(profile)
    profile.lock()
