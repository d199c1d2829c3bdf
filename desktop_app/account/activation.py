"""Activation of one's space: the letter's code, NIR and Carte Vitale serial, then the mailed code."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from desktop_app.account.session import default_device_name
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.service_client import client, link_profile, post_public


@dataclass(frozen=True, slots=True)
class ActivationTicket:
    """An activation waiting for the code mailed to the person. Holds the password until the local profile is
    made with it (the same password opens the account and the carnet); drop the ticket once done."""

    server_url: str
    activation_id: str
    email_masked: str
    identifier: str
    password: str = field(repr=False)


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
    label: str | None = None,
    device_name: str | None = None,
) -> tuple[UnlockedProfile, str]:
    """Confirm the mailed code, then create the local encrypted profile for the service's dossier.

    Returns the open profile and its recovery key (to show or print once). The code proves the mailbox as a login
    code does, so the service opens a session at once on the device this profile will use (a new id generated
    here, the name as at login): its tokens go into the profile's encrypted settings, and the first sync can run
    right away, without a second mailed code. A service that opens no session leaves the profile signed out
    (``is_signed_in`` false): the person then signs in with ``start_login``.
    """
    body = {
        "activation_id": ticket.activation_id,
        "code": email_code.strip(),
        "device_id": str(uuid.uuid4()),
        "device_name": device_name or default_device_name(),
    }
    with client(ticket.server_url) as http:
        done = post_public(http, "/v1/activation/confirm", body)
    identifier = str(done["identifier"])
    profile, recovery_key = directory.create(
        label or identifier, ticket.password, own_dossier_id=str(done["dossier_id"]), user_inputs=(identifier,)
    )
    pair = done.get("tokens")
    link_profile(profile, ticket.server_url, identifier, pair if isinstance(pair, dict) else None)
    return profile, recovery_key
