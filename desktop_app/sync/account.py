"""Activation and two-factor login against the central service (the e-mailed code is asked for by a callback)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop_app.sync.http import SyncHttp


@dataclass(frozen=True, slots=True)
class SignedIn:
    access_token: str
    refresh_token: str
    device_id: str


@dataclass(frozen=True, slots=True)
class Activated:
    dossier_id: str
    identifier: str
    email_masked: str
    session: SignedIn | None  # the confirmed e-mail code opens this device's session (older services: None)


def activate(
    http: SyncHttp,
    *,
    activation_code: str,
    nir: str,
    carte_vitale_serial: str,
    identifier: str,
    password: str,
    read_code: Callable[[str], str],
    device_name: str,
) -> Activated:
    """Activation code + NIR + Carte Vitale + chosen identifier and password; then the code mailed to the person.

    The confirmation also registers this device (a client-generated id), so no second code is needed to sync.
    """
    started = http.request(
        "POST",
        "/v1/activation",
        json={
            "activation_code": activation_code,
            "nir": nir,
            "carte_vitale_serial": carte_vitale_serial,
            "identifier": identifier,
            "password": password,
        },
        auth=False,
    ).json()
    code = read_code(str(started.get("email_masked", "")))
    done = http.request(
        "POST",
        "/v1/activation/confirm",
        json={
            "activation_id": started["activation_id"],
            "code": code.strip(),
            "device_id": str(uuid.uuid4()),
            "device_name": device_name,
        },
        auth=False,
    ).json()
    tokens = done.get("tokens")
    session = (
        SignedIn(str(tokens["access_token"]), str(tokens["refresh_token"]), str(tokens["device_id"]))
        if tokens
        else None
    )
    return Activated(str(done["dossier_id"]), str(done["identifier"]), str(started.get("email_masked", "")), session)


def login(
    http: SyncHttp,
    *,
    identifier: str,
    password: str,
    read_code: Callable[[], str],
    device_name: str,
    device_id: str | None = None,
    device_token: str | None = None,
    professional: bool = False,
) -> SignedIn:
    """Password first, then the one-time code the service has just mailed; the session is bound to this device.
    `device_token` (this device's refresh token, when it has one) lets its owner in while strangers' failures hold
    the account locked (S29)."""
    prefix = "/v1/pro" if professional else "/v1"
    first: dict[str, Any] = (
        {"rpps": identifier, "password": password} if professional else {"identifier": identifier, "password": password}
    )
    if device_token:
        first["device_token"] = device_token
    challenge = http.request("POST", f"{prefix}/auth/login", json=first, auth=False).json()
    body: dict[str, Any] = {
        "challenge_id": challenge["challenge_id"],
        "code": read_code().strip(),
        "device_name": device_name,
    }
    if device_id:
        body["device_id"] = device_id
    tokens = http.request("POST", f"{prefix}/auth/verify", json=body, auth=False).json()
    return SignedIn(str(tokens["access_token"]), str(tokens["refresh_token"]), str(tokens["device_id"]))


def my_dossier_id(http: SyncHttp, access_token: str) -> str:
    me = http.request("GET", "/v1/me", headers={"Authorization": f"Bearer {access_token}"}, auth=False).json()
    return str(me["dossier_id"])
