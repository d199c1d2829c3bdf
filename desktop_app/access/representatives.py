"""Legal representatives and the children's dossiers the person manages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import client, server_of


@dataclass(frozen=True, slots=True)
class Representative:
    account_id: str
    identifier: str | None


@dataclass(frozen=True, slots=True)
class ChildProfile:
    """A child's dossier the person manages as legal representative, with its representatives (when told)."""

    dossier_id: str
    first_names: str
    last_name: str
    birth_date: date
    representatives: tuple[Representative, ...] = ()


def _representative(raw: Any) -> Representative:
    if isinstance(raw, dict):
        return Representative(str(raw.get("account_id") or raw.get("id")), raw.get("identifier"))
    return Representative(str(raw), None)


def _child(raw: dict[str, Any]) -> ChildProfile:
    return ChildProfile(
        str(raw["dossier_id"]),
        str(raw.get("first_names") or ""),
        str(raw.get("last_name") or ""),
        date.fromisoformat(str(raw["birth_date"])),
        tuple(_representative(r) for r in raw.get("representatives") or ()),
    )


def children(profile: UnlockedProfile) -> list[ChildProfile]:
    """The children's dossiers the person manages (GET /v1/me/children; else the representative rows of
    GET /v1/me/shared-dossiers, without the list of representatives)."""
    with client(server_of(profile), profile=profile) as http:
        response = http.request("GET", "/v1/me/children", accept=frozenset({404, 405}))
        if response.status_code in (404, 405):
            rows = [
                r
                for r in http.request("GET", "/v1/me/shared-dossiers").json()
                if r.get("role") == "legal_representative"
            ]
        else:
            rows = list(response.json())
    return [_child(r) for r in rows]


def add_child(profile: UnlockedProfile, *, activation_code: str, nir: str, serial: str) -> ChildProfile:
    """Take charge of a child's space with its activation code, NIR and Carte Vitale serial (from the letter)."""
    body = {"activation_code": activation_code, "nir": nir, "carte_vitale_serial": serial}
    with client(server_of(profile), profile=profile) as http:
        return _child(http.request("POST", "/v1/me/children", json=body).json())


def add_representative(profile: UnlockedProfile, dossier_id: str, identifier: str) -> ChildProfile:
    """Add the child's second legal representative (another Carnet account, by identifier; two at most)."""
    with client(server_of(profile), profile=profile) as http:
        raw = http.request(
            "POST", f"/v1/me/children/{dossier_id}/representatives", json={"identifier": identifier.strip()}
        ).json()
    return _child(raw)


def remove_representative(profile: UnlockedProfile, dossier_id: str, account_id: str) -> ChildProfile:
    """Remove a legal representative; the service refuses the last one (ServiceError code ``last_representative``)."""
    with client(server_of(profile), profile=profile) as http:
        raw = http.request("DELETE", f"/v1/me/children/{dossier_id}/representatives/{account_id}").json()
    return _child(raw)
