"""One call of a desktop screen to the central service: the HTTP client, its session tokens and its errors.

Plain Python (no Qt, no widgets): the UI calls the feature modules (``account``, ``access``, ``care_history``,
``notifications``) from its worker (``ui.ops.Op``) and never does HTTP or SQL itself. Every refusal of the service
(problem+json with a French ``detail``) becomes a ``ServiceError`` carrying that message and, when the service names
one, the field it concerns, so a screen can show it next to that field. Tokens and the server address live only in
the profile's encrypted settings, never in a plaintext file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from desktop_app.errors import CarnetError
from desktop_app.profile import UnlockedProfile
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.http import Backoff, NotSignedIn, ServiceRefused, SyncHttp, SyncOffline

__all__ = [
    "UI_BACKOFF",
    "NotSignedIn",
    "ServiceError",
    "SyncOffline",
    "aware",
    "client",
    "link_profile",
    "post_public",
    "server_of",
    "service_error",
]

# Screens wait for these calls: give up quickly (two tries) and say "hors ligne" rather than hang for a minute.
UI_BACKOFF = Backoff(base=0.2, cap=1.0, attempts=2)
UI_STALL_TIMEOUT = 15.0


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


def service_error(exc: ServiceRefused) -> ServiceError:
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
def client(
    server_url: str,
    *,
    profile: UnlockedProfile | None = None,
    backoff: Backoff | None = None,
) -> Iterator[SyncHttp]:
    """A SyncHttp for one screen action; with a profile it sends the stored token and refreshes it once."""

    def token() -> str | None:
        value = profile.settings.get(SettingKey.ACCESS_TOKEN) if profile is not None else None
        return str(value) if value else None

    def refresh(http: SyncHttp) -> bool:
        return profile is not None and _refresh_tokens(http, profile)

    http = SyncHttp(
        server_url, token=token, refresh=refresh, backoff=backoff or UI_BACKOFF, stall_timeout=UI_STALL_TIMEOUT
    )
    try:
        yield http
    except ServiceRefused as exc:
        raise service_error(exc) from exc
    finally:
        http.close()


def post_public(http: SyncHttp, path: str, body: dict[str, Any], *, auth: bool = False) -> dict[str, Any]:
    """POST where a 401 means wrong credentials or code, not an expired session: without a session, or (``auth``)
    with one the caller has just made fresh, for a request that carries the password again. An empty answer
    (204) is ``{}``."""
    response = http.request("POST", path, json=body, auth=auth, accept=frozenset({401}))
    if response.status_code == 401:
        try:
            problem = response.json()
        except ValueError:
            problem = {}
        raise ServiceRefused(401, problem if isinstance(problem, dict) else {})
    if not response.content:
        return {}
    result: dict[str, Any] = response.json()
    return result


def _refresh_tokens(http: SyncHttp, profile: UnlockedProfile) -> bool:
    refresh_token = profile.settings.get(SettingKey.REFRESH_TOKEN)
    if not refresh_token:
        return False
    try:
        pair = http.request("POST", "/v1/auth/refresh", json={"refresh_token": refresh_token}, auth=False).json()
    except ServiceRefused:
        return False
    _store_tokens(profile, pair)
    return True


def _store_tokens(profile: UnlockedProfile, pair: dict[str, Any]) -> None:
    profile.set_setting(SettingKey.ACCESS_TOKEN, str(pair["access_token"]))
    profile.set_setting(SettingKey.REFRESH_TOKEN, str(pair["refresh_token"]))
    if pair.get("device_id"):
        profile.set_setting(SettingKey.DEVICE_ID, str(pair["device_id"]))


def link_profile(profile: UnlockedProfile, server_url: str, identifier: str, pair: dict[str, Any] | None) -> None:
    """Tie the profile to its account on the service and, when a session was opened, keep its tokens."""
    profile.set_setting(SettingKey.SERVER_URL, server_url)
    profile.set_setting(SettingKey.IDENTIFIER, identifier)
    if pair is not None:
        _store_tokens(profile, pair)


def server_of(profile: UnlockedProfile) -> str:
    url = profile.settings.get(SettingKey.SERVER_URL)
    if not url:
        raise NotSignedIn(
            "Ce carnet n'est pas relié au service en ligne : connectez-vous avec « J'ai déjà un compte ».",
            "This record is not linked to the online service: sign in with 'I already have an account'.",
        )
    return str(url)


def aware(moment: datetime, name: str) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"{name} must carry a time zone")
    return moment
