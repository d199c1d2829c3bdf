"""Sign-in on this computer: identifier and password, then the mailed one-time code."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_app.account import link
from desktop_app.account.session import default_device_name
from desktop_app.account.space import fetch_identity
from desktop_app.account.unlock import AccountLocked, UnlockTicket, known_device_token, post_login
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.service_client import client, post_public
from desktop_app.setting_keys import SettingKey


@dataclass(frozen=True, slots=True)
class LoginTicket:
    """A login waiting for its mailed one-time code (the password is kept to open or create the carnet)."""

    server_url: str
    challenge_id: str
    identifier: str
    password: str = field(repr=False)


def start_login(
    server_url: str,
    identifier: str,
    password: str,
    *,
    directory: ProfileDirectory | None = None,
    unlock: UnlockTicket | None = None,
    unlock_code: str = "",
) -> LoginTicket:
    """First factor: identifier + password. The service mails a 6-digit code.

    If the service holds the account (429 after failed attempts), this computer's carnet of the account, opened
    with the same password, presents its device token (a known device gets in); else `AccountLocked` is raised and
    the owner may ask a code de déblocage (`request_unlock`), sent back here as `unlock` + `unlock_code` (S50)."""
    identifier = identifier.strip()
    body: dict[str, Any] = {"identifier": identifier, "password": password}
    if unlock is not None:
        body |= {"unlock_id": unlock.challenge_id, "unlock_code": unlock_code.strip().replace(" ", "")}
    with client(server_url) as http:
        try:
            challenge = post_login(http, "/v1/auth/login", body)
        except AccountLocked:
            token = known_device_token(directory, identifier, password, server_url=server_url)
            if token is None:
                raise
            challenge = post_login(http, "/v1/auth/login", body | {"device_token": token})
    return LoginTicket(server_url, str(challenge["challenge_id"]), identifier, password)


def confirm_login(
    ticket: LoginTicket,
    email_code: str,
    *,
    directory: ProfileDirectory,
    device_name: str | None = None,
    choice: link.LocalChoice | None = None,
) -> tuple[UnlockedProfile, str | None]:
    """Second factor; then open this account's carnet on this computer, link the one the person chose
    (``choice``), or create one named after them.

    Returns the open profile and, when it was just created, its recovery key (else None). The session tokens go
    into the profile's encrypted settings.
    """
    # Unlock first: a wrong local password must not cost the person a mailed code.
    profile = link.open_existing(
        directory, ticket.server_url, ticket.identifier, ticket.password, choice or link.LocalChoice()
    )
    device_id = profile.settings.get(SettingKey.DEVICE_ID) if profile is not None else None
    body: dict[str, Any] = {
        "challenge_id": ticket.challenge_id,
        "code": email_code.strip(),
        "device_name": device_name or default_device_name(),
    }
    if device_id:
        body["device_id"] = str(device_id)
    with link.locked_on_failure(profile), client(ticket.server_url) as http:
        pair = post_public(http, "/v1/auth/verify", body)
        me = http.request(
            "GET", "/v1/me", headers={"Authorization": f"Bearer {pair['access_token']}"}, auth=False
        ).json()
        identity = fetch_identity(http, str(pair["access_token"]))
    return link.settle(
        directory,
        server_url=ticket.server_url,
        identifier=ticket.identifier,
        password=ticket.password,
        dossier_id=str(me["dossier_id"]),
        identity=identity,
        pair=pair,
        profile=profile,
    )
