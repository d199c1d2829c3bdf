"""The person's space on the service: the identity it holds, the account's password, closure, reactivation and the
deletion request. Each call needs the profile's session (signed in); refusals arrive as ``ServiceError``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import client, post_public, server_of
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.http import SyncHttp
from dossier.identifiers import INS_NIR_OID, ins_oid, sex_from_nir


@dataclass(frozen=True, slots=True)
class ServiceIdentity:
    """Who the space belongs to, as the service knows it (from the Assurance Maladie's provisioning)."""

    last_name: str
    first_names: str
    birth_date: date
    nir: str
    status: str
    sex: str = "I"
    """F, M or I (undetermined), as the service says (from the Assurance Maladie's NIR)."""
    ins: str = ""
    """The matricule INS (the NIR, or the NIA of a temporary number) and its OID."""
    ins_oid: str = INS_NIR_OID

    @property
    def display_name(self) -> str:
        """« Zoé Lefèvre »: the first given name and the last name, as a carnet is named."""
        first = self.first_names.split()[0] if self.first_names.split() else ""
        return f"{first} {self.last_name}".strip()


def identity_of(body: Mapping[str, object]) -> ServiceIdentity:
    return ServiceIdentity(
        last_name=str(body["last_name"]),
        first_names=str(body["first_names"]),
        birth_date=date.fromisoformat(str(body["birth_date"])),
        nir=str(body["nir"]),
        status=str(body["status"]),
        # An older service said neither: both are read from the NIR, as it does.
        sex=str(body.get("sex") or sex_from_nir(str(body["nir"]))),
        ins=str(body.get("ins") or body["nir"]),
        ins_oid=str(body.get("ins_oid") or ins_oid(str(body["nir"]))),
    )


def fetch_identity(http: SyncHttp, access_token: str | None = None) -> ServiceIdentity:
    """GET /v1/me/dossier, with the profile's session or an explicit access token (right after a login)."""
    if access_token is None:
        body = http.request("GET", "/v1/me/dossier").json()
    else:
        headers = {"Authorization": f"Bearer {access_token}"}
        body = http.request("GET", "/v1/me/dossier", headers=headers, auth=False).json()
    return identity_of(body)


def identity(profile: UnlockedProfile) -> ServiceIdentity:
    with client(server_of(profile), profile=profile) as http:
        return fetch_identity(http)


def change_password(profile: UnlockedProfile, current: str, new: str) -> None:
    """Change the account's password on the service (the service closes the sessions of the other devices).

    The carnet on this computer keeps its own password: the screen offers to change it too."""
    _post_with_password(profile, "/v1/me/password", {"current_password": current, "new_password": new})


def close_space(profile: UnlockedProfile, password: str) -> str:
    """Close the space: archived ten years, professionals lose access; returns the new status (``closed``)."""
    return str(_post_with_password(profile, "/v1/me/closure", {"password": password})["status"])


def reactivate_space(profile: UnlockedProfile) -> str:
    """Reopen a closed space, or cancel a pending deletion; returns the new status (``active``)."""
    return _status_call(profile, "/v1/me/reactivation", None)


def request_deletion(profile: UnlockedProfile, password: str) -> str:
    """Ask for the deletion of the space (done within three months); returns ``deletion_requested``."""
    return str(_post_with_password(profile, "/v1/me/deletion-request", {"password": password})["status"])


def sign_out(profile: UnlockedProfile) -> None:
    """Se déconnecter du service sur cet ordinateur: the service closes this device's sessions, then the carnet forgets
    them. The carnet stays here, readable with its own password; it is no longer synced until the person signs in
    again (« J'ai déjà un compte »: the account marker links it back, nothing doubled). Refused while the service
    cannot be reached (``ServiceError`` / offline), so no session is left open there while this computer forgot it."""
    with client(server_of(profile), profile=profile) as http:
        http.request("POST", "/v1/auth/logout")
    profile.set_setting(SettingKey.ACCESS_TOKEN, "")
    profile.set_setting(SettingKey.REFRESH_TOKEN, "")


def _status_call(profile: UnlockedProfile, path: str, body: dict[str, str] | None) -> str:
    with client(server_of(profile), profile=profile) as http:
        answer = http.request("POST", path, json=body if body is not None else {}).json()
    return str(answer["status"])


def _post_with_password(profile: UnlockedProfile, path: str, body: dict[str, str]) -> dict[str, object]:
    """A POST that carries the password again: a 401 there means « wrong password », not an expired session.

    The session is made fresh first (GET /v1/me refreshes an expired token), so the 401 of the POST itself can
    only be the service's answer about the password."""
    with client(server_of(profile), profile=profile) as http:
        http.request("GET", "/v1/me")
        return post_public(http, path, body, auth=True)
