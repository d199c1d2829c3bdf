"""Clinic workstation (engine side): one encrypted profile per professional on a shared PC, search, bris de glace.

Plain Python, no Qt: the clinic screens call these from a worker thread. Profiles are created with
device_mode="shared" (never the OS keyring) and are found again by their label `Professionnel RPPS <rpps>`; each
opens only with that professional's password, so two professionals on one PC never see each other's caches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, NewType

import httpx

from desktop_app.errors import CarnetError
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.sync import account
from desktop_app.sync.engine import S_ACCESS, S_LEASES, S_REFRESH, S_URL, SyncEngine
from desktop_app.sync.http import Backoff, SyncHttp

Rpps = NewType("Rpps", str)
S_RPPS = "clinic.rpps"
MIN_REASON = 10


class ClinicInputError(CarnetError):
    """Something typed on the clinic workstation is not usable; nothing was sent."""

    exit_code = 2


def rpps_of(text: str) -> Rpps:
    value = text.replace(" ", "")
    if not (len(value) == 11 and value.isdigit()):
        raise ClinicInputError("Le numéro RPPS compte 11 chiffres.", "An RPPS number has 11 digits.")
    return Rpps(value)


def profile_label(rpps: Rpps) -> str:
    return f"Professionnel RPPS {rpps}"


@dataclass(frozen=True, slots=True)
class PatientSummary:
    dossier_id: str
    last_name: str
    first_names: str
    birth_date: str | None
    ins: str | None


@dataclass(frozen=True, slots=True)
class EmergencyAccess:
    dossier_id: str
    opened_at: datetime
    expires_at: datetime


def pro_sign_in(
    directory: ProfileDirectory,
    *,
    server_url: str,
    rpps: str,
    password: str,
    read_code: Callable[[], str],
    device_name: str,
    transport: httpx.BaseTransport | None = None,
) -> UnlockedProfile:
    """`login --professional`: password + e-mailed code, then this professional's own profile (created if new)."""
    who = rpps_of(rpps)
    http = SyncHttp(server_url, transport=transport)
    try:
        signed = account.login(
            http, identifier=who, password=password, read_code=read_code, device_name=device_name, professional=True
        )
    finally:
        http.close()
    mine = [p for p in directory.profiles() if p.label == profile_label(who)]
    if mine:
        profile = directory.unlock(password, profile_id=mine[0].profile_id)
    else:
        profile, _ = directory.create(profile_label(who), password, device_mode="shared", with_own_dossier=False)
    for key, value in ((S_URL, server_url), (S_ACCESS, signed.access_token), (S_REFRESH, signed.refresh_token)):
        profile.set_setting(key, value)
    profile.set_setting(S_RPPS, str(who))
    return profile


class ClinicSession:
    """A signed-in professional: their profile, its sync engine, and the professional API calls."""

    def __init__(
        self,
        profile: UnlockedProfile,
        *,
        transport: httpx.BaseTransport | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        self.profile = profile
        self.engine = SyncEngine(profile, transport=transport, backoff=backoff)
        self.http = self.engine.http

    def search(
        self, *, name: str | None = None, birth_date: date | None = None, ins: str | None = None
    ) -> list[PatientSummary]:
        """The dossiers this professional may open now, by name, birth date or INS (any may be left out)."""
        params = {"name": name or None, "birth_date": birth_date.isoformat() if birth_date else None, "ins": ins}
        query = str(httpx.QueryParams({k: v for k, v in params.items() if v}))
        rows = self.http.request("GET", f"/v1/pro/dossiers?{query}" if query else "/v1/pro/dossiers").json()
        return [
            PatientSummary(
                str(r["dossier_id"]), str(r["last_name"]), str(r["first_names"]), r.get("birth_date"), r.get("ins")
            )
            for r in rows
        ]

    def open(self, dossier_id: str) -> dict[str, Any]:
        """Open a dossier on the service (audited, the patient is notified)."""
        view: dict[str, Any] = self.http.request("GET", f"/v1/pro/dossiers/{dossier_id}").json()
        return view

    def prepare_day(self) -> list[str]:
        """Cache every dossier this professional may open, through the sync engine; returns the cached ids."""
        self.engine.sync_once()
        return self.profile.dossier_ids()

    def offline_until(self) -> dict[str, datetime]:
        """Per cached dossier, when its lease ends: « disponible hors ligne jusqu'au … »."""
        leases = self.profile.settings.get(S_LEASES) or {}
        states = self.engine.lease_states()
        return {
            dossier_id: datetime.fromisoformat(lease["checked_in"]).astimezone(UTC) + timedelta(seconds=lease["lease"])
            for dossier_id, lease in leases.items()
            if states.get(dossier_id) == "ok"
        }

    def emergency_access(self, *, ins: str, reason: str) -> EmergencyAccess:
        """Bris de glace (online only): refused by the service when the patient opposed it."""
        reason = " ".join(reason.split())
        if len(reason) < MIN_REASON or not ins.strip():
            raise ClinicInputError(
                f"Indiquez l'INS et un motif d'au moins {MIN_REASON} caractères.",
                f"Give the INS and a reason of at least {MIN_REASON} characters.",
            )
        body = self.http.request("POST", "/v1/pro/emergency-access", json={"ins": ins.strip(), "reason": reason}).json()
        return EmergencyAccess(
            str(body["dossier_id"]),
            datetime.fromisoformat(body["opened_at"].replace("Z", "+00:00")),
            datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00")),
        )

    def logout(self) -> None:
        """Drop the keys: the engine stops, the profile locks; the caller clears its views."""
        self.engine.cancel()
        self.engine.http.close()
        self.profile.lock()
