"""What the desktop screens ask of the central service: activation, login, opposition, care history, devices.

Plain Python (no Qt, no widgets): the UI calls these from its worker (``ui.ops.Op``) and never does HTTP or SQL
itself. Every refusal of the service (problem+json with a French ``detail``) becomes a ``ServiceError`` carrying
that message and, when the service names one, the field it concerns, so a screen can show it next to that field.
Tokens and the server address live only in the profile's encrypted settings, never in a plaintext file.
"""

from __future__ import annotations

import platform
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from desktop_app.cli_sync import S_DEVICE, S_IDENTIFIER
from desktop_app.errors import CarnetError
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.sync.engine import S_ACCESS, S_REFRESH, S_URL
from desktop_app.sync.http import Backoff, NotSignedIn, ServiceRefused, SyncHttp, SyncOffline

S_CARE_HISTORY = "online.care_history"
CARE_PAGE = 200
# Screens wait for these calls: give up quickly (two tries) and say "hors ligne" rather than hang for a minute.
UI_BACKOFF = Backoff(base=0.2, cap=1.0, attempts=2)
UI_STALL_TIMEOUT = 15.0

__all__ = [
    "ActivationTicket",
    "CareHistory",
    "CareRecord",
    "Device",
    "LoginTicket",
    "NotSignedIn",
    "Notification",
    "ServiceError",
    "SyncOffline",
    "cached_care_history",
    "care_history",
    "confirm_activation",
    "confirm_login",
    "devices",
    "is_signed_in",
    "notifications",
    "oppose",
    "revoke_device",
    "start_activation",
    "start_login",
    "verify_password",
]


class ServiceError(CarnetError):
    """The service refused a request; ``field`` names the form field concerned (``nir``, ``identifier``…)."""

    exit_code = 1

    def __init__(self, *, status: int, code: str, message_fr: str, message_en: str, field: str | None) -> None:
        self.status = status
        self.code = code
        self.field = field
        super().__init__(message_fr, message_en)


# Refusals about several fields at once (the service does not say which one is wrong, on purpose): shown beside
# the first of them.
_FIELD_OF_CODE = {"activation_refused": "activation_code", "invalid_credentials": "password", "code_invalid": "code"}


def _service_error(exc: ServiceRefused) -> ServiceError:
    body = exc.body
    issues = body.get("issues") or []
    first = issues[0] if issues and isinstance(issues[0], dict) else {}
    code = str(body.get("code") or "refused")
    field_name = str(first["field"]) if first.get("field") else _FIELD_OF_CODE.get(code)
    message_fr = str(first.get("message_fr") or exc.message_fr) if first else exc.message_fr
    message_en = str(first.get("message_en") or exc.message_en) if first else exc.message_en
    if code == "identifier_taken":  # the detail says what to do; the issue only what is wrong
        message_fr, message_en = exc.message_fr, exc.message_en
    return ServiceError(status=exc.status, code=code, message_fr=message_fr, message_en=message_en, field=field_name)


@contextmanager
def _client(
    server_url: str,
    *,
    profile: UnlockedProfile | None = None,
    backoff: Backoff | None = None,
) -> Iterator[SyncHttp]:
    """A SyncHttp for one screen action; with a profile it sends the stored token and refreshes it once."""

    def token() -> str | None:
        value = profile.settings.get(S_ACCESS) if profile is not None else None
        return str(value) if value else None

    def refresh(http: SyncHttp) -> bool:
        return profile is not None and _refresh_tokens(http, profile)

    http = SyncHttp(
        server_url, token=token, refresh=refresh, backoff=backoff or UI_BACKOFF, stall_timeout=UI_STALL_TIMEOUT
    )
    try:
        yield http
    except ServiceRefused as exc:
        raise _service_error(exc) from exc
    finally:
        http.close()


def _public(http: SyncHttp, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """POST without a session. A 401 here means wrong credentials or code, not an expired session."""
    response = http.request("POST", path, json=body, auth=False, accept=frozenset({401}))
    if response.status_code == 401:
        try:
            problem = response.json()
        except ValueError:
            problem = {}
        raise ServiceRefused(401, problem if isinstance(problem, dict) else {})
    result: dict[str, Any] = response.json()
    return result


def _refresh_tokens(http: SyncHttp, profile: UnlockedProfile) -> bool:
    refresh_token = profile.settings.get(S_REFRESH)
    if not refresh_token:
        return False
    try:
        pair = http.request("POST", "/v1/auth/refresh", json={"refresh_token": refresh_token}, auth=False).json()
    except ServiceRefused:
        return False
    _store_tokens(profile, pair)
    return True


def _store_tokens(profile: UnlockedProfile, pair: dict[str, Any]) -> None:
    profile.set_setting(S_ACCESS, str(pair["access_token"]))
    profile.set_setting(S_REFRESH, str(pair["refresh_token"]))
    if pair.get("device_id"):
        profile.set_setting(S_DEVICE, str(pair["device_id"]))


def _server_of(profile: UnlockedProfile) -> str:
    url = profile.settings.get(S_URL)
    if not url:
        raise NotSignedIn(
            "Ce carnet n'est pas relié au service en ligne : connectez-vous avec « J'ai déjà un compte ».",
            "This record is not linked to the online service: sign in with 'I already have an account'.",
        )
    return str(url)


def is_signed_in(profile: UnlockedProfile) -> bool:
    """True when the profile holds a service address and a session (it may still have expired)."""
    settings = profile.settings
    return bool(settings.get(S_URL) and settings.get(S_REFRESH))


def verify_password(profile: UnlockedProfile, password: str) -> None:
    """S19: prove the current password again before a sensitive setting (raises WrongPassword; throttled, S29).

    Goes through the public unlock of the profile's directory: the check is the real key derivation, and failures
    count towards the same throttle as the unlock screen.
    """
    ProfileDirectory(profile.path.parent.parent).unlock(password, profile_id=profile.profile_id).lock()


def default_device_name() -> str:
    return f"Carnet sur {platform.node() or 'cet ordinateur'}"[:100]


# -- activation ---------------------------------------------------------------------------------------------------


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
    with _client(server_url) as http:
        started = _public(
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
    ticket: ActivationTicket, email_code: str, *, directory: ProfileDirectory, label: str | None = None
) -> tuple[UnlockedProfile, str]:
    """Confirm the mailed code, then create the local encrypted profile for the service's dossier.

    Returns the open profile and its recovery key (to show or print once). The profile has no session yet: the
    service opens sessions only through a login (``start_login``), which the person does when they want to sync.
    """
    with _client(ticket.server_url) as http:
        done = _public(
            http, "/v1/activation/confirm", {"activation_id": ticket.activation_id, "code": email_code.strip()}
        )
    profile, recovery_key = directory.create(
        label or str(done["identifier"]),
        ticket.password,
        own_dossier_id=str(done["dossier_id"]),
        user_inputs=(str(done["identifier"]),),
    )
    profile.set_setting(S_URL, ticket.server_url)
    profile.set_setting(S_IDENTIFIER, str(done["identifier"]))
    return profile, recovery_key


# -- login ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoginTicket:
    """A login waiting for its mailed one-time code (the password is kept to open or create the carnet)."""

    server_url: str
    challenge_id: str
    identifier: str
    password: str = field(repr=False)


def start_login(server_url: str, identifier: str, password: str) -> LoginTicket:
    """First factor: identifier + password. The service mails a 6-digit code."""
    with _client(server_url) as http:
        challenge = _public(http, "/v1/auth/login", {"identifier": identifier.strip(), "password": password})
    return LoginTicket(server_url, str(challenge["challenge_id"]), identifier.strip(), password)


def _local_profile_for(directory: ProfileDirectory, identifier: str) -> str | None:
    matches = [p.profile_id for p in directory.profiles() if p.label == identifier]
    return matches[0] if matches else None


def confirm_login(
    ticket: LoginTicket,
    email_code: str,
    *,
    directory: ProfileDirectory,
    device_name: str | None = None,
) -> tuple[UnlockedProfile, str | None]:
    """Second factor; then unlock the carnet of this identifier on this computer, or create it.

    Returns the open profile and, when it was just created, its recovery key (else None). The session tokens go
    into the profile's encrypted settings.
    """
    existing = _local_profile_for(directory, ticket.identifier)
    # Unlock first: a wrong local password must not cost the person a mailed code.
    profile = directory.unlock(ticket.password, profile_id=existing) if existing else None
    device_id = profile.settings.get(S_DEVICE) if profile is not None else None
    body: dict[str, Any] = {
        "challenge_id": ticket.challenge_id,
        "code": email_code.strip(),
        "device_name": device_name or default_device_name(),
    }
    if device_id:
        body["device_id"] = str(device_id)
    try:
        with _client(ticket.server_url) as http:
            pair = _public(http, "/v1/auth/verify", body)
            me = http.request(
                "GET", "/v1/me", headers={"Authorization": f"Bearer {pair['access_token']}"}, auth=False
            ).json()
    except BaseException:
        if profile is not None:
            profile.lock()
        raise
    recovery_key: str | None = None
    if profile is None:
        profile, recovery_key = directory.create(
            ticket.identifier, ticket.password, own_dossier_id=str(me["dossier_id"]), user_inputs=(ticket.identifier,)
        )
    profile.set_setting(S_URL, ticket.server_url)
    profile.set_setting(S_IDENTIFIER, ticket.identifier)
    _store_tokens(profile, pair)
    return profile, recovery_key


# -- opposition -----------------------------------------------------------------------------------------------------


def oppose(server_url: str, code: str, nir: str, serial: str) -> str:
    """Oppose the creation of one's space; returns the space's new status (``opposed``)."""
    with _client(server_url) as http:
        body = _public(
            http, "/v1/spaces/opposition", {"activation_code": code, "nir": nir, "carte_vitale_serial": serial}
        )
    return str(body["status"])


# -- care history ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CareRecord:
    id: str
    kind: str
    date: date
    label: str
    professional: str | None


@dataclass(frozen=True, slots=True)
class CareHistory:
    """The reimbursed care of the last 24 months, when it was fetched, and whether it is the offline copy."""

    records: tuple[CareRecord, ...]
    fetched_at: datetime
    from_cache: bool


def _care_from_json(raw: dict[str, Any]) -> CareRecord:
    return CareRecord(
        str(raw["id"]), str(raw["kind"]), date.fromisoformat(str(raw["date"])), str(raw["label"]), raw["professional"]
    )


def cached_care_history(profile: UnlockedProfile) -> CareHistory | None:
    """The last copy fetched (kept in the profile's encrypted settings), or None."""
    cached = profile.settings.get(S_CARE_HISTORY)
    if not isinstance(cached, dict):
        return None
    records = tuple(_care_from_json(r) for r in cached.get("records", []))
    return CareHistory(records, datetime.fromisoformat(str(cached["fetched_at"])), from_cache=True)


def care_history(profile: UnlockedProfile, *, now: Callable[[], datetime] | None = None) -> CareHistory:
    """Fetch the care history and keep a copy; offline (or signed out) return the last copy if there is one."""
    try:
        raw: list[dict[str, Any]] = []
        with _client(_server_of(profile), profile=profile) as http:
            while True:
                page = http.request("GET", f"/v1/me/care-history?limit={CARE_PAGE}&offset={len(raw)}", auth=True).json()
                raw.extend(page)
                if len(page) < CARE_PAGE:
                    break
    except (SyncOffline, NotSignedIn):
        cached = cached_care_history(profile)
        if cached is None:
            raise
        return cached
    fetched_at = (now or (lambda: datetime.now(UTC)))()
    profile.set_setting(S_CARE_HISTORY, {"fetched_at": fetched_at.isoformat(), "records": raw})
    return CareHistory(tuple(_care_from_json(r) for r in raw), fetched_at, from_cache=False)


# -- devices and notifications --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Device:
    id: str
    name: str
    first_seen_at: datetime
    last_seen_at: datetime
    revoked: bool
    current: bool


def devices(profile: UnlockedProfile) -> list[Device]:
    """The devices registered to the account, this one marked ``current``."""
    with _client(_server_of(profile), profile=profile) as http:
        rows = http.request("GET", "/v1/me/devices").json()
    return [
        Device(
            str(r["id"]),
            str(r["name"]),
            datetime.fromisoformat(str(r["first_seen_at"])),
            datetime.fromisoformat(str(r["last_seen_at"])),
            bool(r["revoked"]),
            bool(r["current"]),
        )
        for r in rows
    ]


def revoke_device(profile: UnlockedProfile, device_id: str) -> None:
    """Revoke one device: its sessions stop working at once (it keeps nothing it has not synced)."""
    with _client(_server_of(profile), profile=profile) as http:
        http.request("DELETE", f"/v1/me/devices/{device_id}")


@dataclass(frozen=True, slots=True)
class Notification:
    id: str
    event: str
    at: datetime
    professional_name: str
    detail: str | None
    read: bool


def notifications(profile: UnlockedProfile, *, limit: int = 50) -> tuple[list[Notification], int]:
    """The newest notifications and how many are unread."""
    with _client(_server_of(profile), profile=profile) as http:
        page = http.request("GET", f"/v1/me/notifications?limit={limit}").json()
    items = [
        Notification(
            str(n["id"]),
            str(n["event"]),
            datetime.fromisoformat(str(n["at"])),
            str(n["professional_name"]),
            n.get("detail"),
            bool(n["read"]),
        )
        for n in page["items"]
    ]
    return items, int(page["unread"])
