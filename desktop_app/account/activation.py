"""Activation of one's space: the letter's code, NIR and Carte Vitale serial, then the mailed code."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from desktop_app.account import link
from desktop_app.account.session import default_device_name
from desktop_app.account.space import ServiceIdentity, fetch_identity
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.service_client import client, post_public
from desktop_app.setting_keys import SettingKey


@dataclass(frozen=True, slots=True)
class ActivationTicket:
    """An activation waiting for the code mailed to the person. Holds the password until the local profile is
    made with it (the same password opens the account and the carnet); drop the ticket once done."""

    server_url: str
    activation_id: str
    email_masked: str
    identifier: str
    password: str = field(repr=False)


def check_activation(server_url: str, code: str, nir: str, serial: str) -> str:
    """Check the letter's code with the NIR and the Carte Vitale serial, before an identifier and a password are
    chosen; returns the space's status (pending, opposed or created). A wrong proof is refused as at activation."""
    with client(server_url) as http:
        body = post_public(
            http, "/v1/activation/check", {"activation_code": code, "nir": nir, "carte_vitale_serial": serial}
        )
    return str(body["status"])


def start_activation(
    server_url: str, code: str, nir: str, serial: str, identifier: str, password: str
) -> ActivationTicket:
    """Activation code + NIR + Carte Vitale serial + chosen identifier and password: the service mails a code."""
    with client(server_url) as http:
        started = post_public(
            http,
            "/v1/activation",
            {
                "activation_code": code,
                "nir": nir,
                "carte_vitale_serial": serial,
                "identifier": identifier.strip(),
                "password": password,
            },
        )
    return ActivationTicket(
        server_url, str(started["activation_id"]), str(started["email_masked"]), identifier.strip(), password
    )


def confirm_activation(
    ticket: ActivationTicket,
    email_code: str,
    *,
    directory: ProfileDirectory,
    device_name: str | None = None,
    choice: link.LocalChoice | None = None,
) -> tuple[UnlockedProfile, str | None]:
    """Confirm the mailed code, then open the person's carnet on this computer: the one they chose to link
    (``choice``), or a new encrypted one named after them (the identity the service holds).

    Returns the open profile and, when it was just created, its recovery key (to show or print once). The code
    proves the mailbox as a login code does, so the service opens a session at once on the device this profile
    uses: its tokens go into the profile's encrypted settings, and the first sync can run right away. A service
    that opens no session leaves the profile signed out (``is_signed_in`` false).
    """
    # Unlock first: a wrong password for the carnet to link must not spend the mailed code.
    profile = link.open_existing(
        directory, ticket.server_url, ticket.identifier, ticket.password, choice or link.LocalChoice()
    )
    existing_device = profile.settings.get(SettingKey.DEVICE_ID) if profile is not None else None
    body = {
        "activation_id": ticket.activation_id,
        "code": email_code.strip(),
        "device_id": str(existing_device or uuid.uuid4()),
        "device_name": device_name or default_device_name(),
    }
    with link.locked_on_failure(profile), client(ticket.server_url) as http:
        done = post_public(http, "/v1/activation/confirm", body)
        pair = done.get("tokens")
        identity: ServiceIdentity | None = None
        if isinstance(pair, dict):
            identity = fetch_identity(http, str(pair["access_token"]))
    return link.settle(
        directory,
        server_url=ticket.server_url,
        identifier=str(done["identifier"]),
        password=ticket.password,
        dossier_id=str(done["dossier_id"]),
        identity=identity,
        pair=pair if isinstance(pair, dict) else None,
        profile=profile,
    )
