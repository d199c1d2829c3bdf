"""The owner's ways past an account lock-out (S29, S50; issue 15 #8): a known device presents its refresh token,
or a code mailed to the account's address (`POST /v1/auth/unlock`) lets one login through.

The device token lives in the carnet's encrypted settings, so it is read only when the service answers "locked":
the local carnet is opened with the password just typed (a wrong one opens nothing and sends nothing more)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.errors import CarnetError
from desktop_app.profile import ProfileDirectory
from desktop_app.service_client import ServiceError, client, service_error
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.http import ServiceRefused, SyncHttp

LOCKED = "too_many_attempts"


class AccountLocked(ServiceError):
    """The service holds this account after failed attempts (429): from an unknown device, only a code mailed to
    the account's address (`request_unlock`) lets its owner in before the wait is over."""


@dataclass(frozen=True, slots=True)
class UnlockTicket:
    """A code de déblocage was mailed (or, for an unknown identifier, pretended to be: the same answer)."""

    server_url: str
    identifier: str
    challenge_id: str


def post_login(http: SyncHttp, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """POST a sign-in step without a session. A 429 is an answer here (the account or this address is held), not
    a reason to wait and retry: `AccountLocked` for a login, a plain `ServiceError` otherwise."""
    response = http.request("POST", path, json=body, auth=False, accept=frozenset({401, 429}))
    if response.status_code in (401, 429):
        try:
            problem = response.json()
        except ValueError:
            problem = {}
        error = service_error(ServiceRefused(response.status_code, problem if isinstance(problem, dict) else {}))
        if error.status == 429 and error.code == LOCKED and path.endswith("/auth/login"):
            raise AccountLocked(
                status=429, code=error.code, message_fr=error.message_fr, message_en=error.message_en, field=None
            )
        raise error
    result: dict[str, Any] = response.json()
    return result


def known_device_token(
    directory: ProfileDirectory | None, identifier: str, password: str, *, server_url: str
) -> str | None:
    """The refresh token this computer's carnet of `identifier` holds, if the password opens it; else None."""
    if directory is None:
        return None
    from desktop_app.account.link import carnet_of_account

    found = carnet_of_account(directory, server_url, identifier)
    if found is None:
        return None
    try:
        profile = directory.unlock(password, profile_id=found)
    except CarnetError:  # wrong password, too many local attempts, a damaged carnet: no token, nothing more sent
        return None
    try:
        token = profile.settings.get(SettingKey.REFRESH_TOKEN)
    finally:
        profile.lock()
    return str(token) if token else None


def request_unlock(server_url: str, identifier: str) -> UnlockTicket:
    """« Recevoir un code de déblocage par e-mail »: the service mails a code to the account's address."""
    identifier = identifier.strip()
    with client(server_url) as http:
        sent = post_login(http, "/v1/auth/unlock", {"login": identifier})
    return UnlockTicket(server_url, identifier, str(sent["challenge_id"]))
