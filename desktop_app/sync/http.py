"""The sync client's HTTP layer: protocol header, Server-Time, retries with full-jitter backoff, Retry-After, stalls.

Every request is idempotent on the server (mutation ledger, cursors, upload offsets), so any failure that may have
happened after the server committed is simply retried. A transfer that moves no byte for `stall_timeout` seconds is
aborted (httpx read/write timeouts) and retried like any other transport failure.
"""

from __future__ import annotations

import functools
import ipaddress
import os
import random
import ssl
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from desktop_app.errors import CarnetError

PROTOCOL_HEADER = "Carnet-Sync-Protocol"
PROTOCOL_VERSION = 1
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class SyncOffline(CarnetError):
    """The service could not be reached after the retries: nothing is lost, sync resumes later."""

    exit_code = 6
    message_fr = "Service injoignable : vos modifications restent sur cet ordinateur et partiront plus tard."
    message_en = "Service unreachable: your changes stay on this computer and will be sent later."


class SyncCancelled(CarnetError):
    exit_code = 130
    message_fr = "Synchronisation interrompue. Rien n'est perdu."
    message_en = "Synchronisation cancelled. Nothing is lost."


class ProtocolUnsupported(CarnetError):
    exit_code = 7
    message_fr = "Cette version de Carnet n'est plus acceptée par le service : mettez Carnet à jour."
    message_en = "This version of Carnet is no longer accepted by the service: update Carnet."


class NotSignedIn(CarnetError):
    exit_code = 3
    message_fr = "Session expirée ou absente : reconnectez-vous (carnet-cli login)."
    message_en = "Session missing or expired: sign in again (carnet-cli login)."


class DeviceRevoked(NotSignedIn):
    """The person removed this device from their account (from another device): its copies are purged, no retry."""

    exit_code = 9
    message_fr = (
        "Cet appareil a été retiré de votre compte : ses copies des dossiers ont été effacées. "
        "Reconnectez-vous pour l'utiliser à nouveau."
    )
    message_en = (
        "This device was removed from your account: its copies of the dossiers were erased. Sign in again to use it."
    )


class ServiceAnswerInvalid(CarnetError):
    """The service answered with something that is not the protocol's shape: nothing of it was applied.

    `problems` names what was wrong (where and which rule, never the values, which may be health data)."""

    exit_code = 1
    message_fr = (
        "Le service a envoyé une réponse illisible : rien n'a été modifié sur cet ordinateur, "
        "la synchronisation réessaiera plus tard."
    )
    message_en = "The service sent an answer Carnet cannot read: nothing was changed on this computer; sync will retry."

    def __init__(self, what: str, problems: list[str]) -> None:
        self.what = what
        self.problems = problems
        super().__init__()

    def __str__(self) -> str:
        return f"{self.message_en} ({self.what}: {'; '.join(self.problems[:5])})"


Answer = TypeVar("Answer", bound=BaseModel)


def read_answer(response: httpx.Response, model: type[Answer], what: str) -> Answer:
    """The body of a 2xx answer as `model`, validated; ServiceAnswerInvalid when it is not JSON of that shape.

    Parsed and validated in one pass from the bytes (faster than `response.json()` then validation: no
    intermediate objects for a 5,000-item page)."""
    try:
        return model.model_validate_json(response.content)
    except ValidationError as exc:
        errors = exc.errors(include_input=False, include_url=False, include_context=False)
        if any(e["type"] == "json_invalid" for e in errors):  # a proxy's page, a truncated body
            raise ServiceAnswerInvalid(what, ["body: not JSON"]) from None
        raise ServiceAnswerInvalid(what, [f"{'.'.join(map(str, e['loc']))}: {e['type']}" for e in errors]) from None


def refuse_unauthorised(response: httpx.Response) -> None:
    """A 401 ends the session; `device_revoked` says the device itself is gone (the response body must be read)."""
    if _body(response).get("code") == "device_revoked":
        raise DeviceRevoked()
    raise NotSignedIn()


class ServiceRefused(CarnetError):
    """A permanent refusal (4xx): retrying would not help."""

    exit_code = 1

    def __init__(self, status: int, body: Mapping[str, Any]) -> None:
        self.status = status
        self.body = dict(body)
        super().__init__(
            str(body.get("detail") or f"Le service a refusé la demande ({status})."),
            str(body.get("detail_en") or f"The service refused the request ({status})."),
        )


@dataclass(slots=True)
class Backoff:
    """Exponential backoff with full jitter (AWS architecture blog): sleep = uniform(0, min(cap, base·2^n))."""

    base: float = 0.5
    cap: float = 60.0
    attempts: int = 6
    rand: Callable[[], float] = field(default=random.random)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.cap * 10)
        return float(self.rand()) * min(self.cap, self.base * (2.0**attempt))


def parse_retry_after(value: str | None, now: datetime | None) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if now is None or when.tzinfo is None:
        return None
    return (when - now).total_seconds()


def parse_server_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


ALLOW_HTTP_ENV = "CARNET_ALLOW_HTTP"  # "1": accept http:// to a non-loopback service (a lab behind a trusted network)


class InsecureServiceUrl(CarnetError):
    """Health data never crosses a network in clear: http:// is for a service on this computer only (S35)."""

    exit_code = 4
    message_fr = (
        "Adresse du service refusée : utilisez https:// (http:// n'est accepté que pour un service sur cet ordinateur)."
    )
    message_en = "Service address refused: use https:// (http:// is only accepted for a service on this computer)."


def check_service_url(base_url: str, *, allow_http: bool = False) -> None:
    """Refuse a plain-HTTP service anywhere but on loopback, unless allowed (argument or CARNET_ALLOW_HTTP=1)."""
    url = httpx.URL(base_url)
    if url.scheme != "http" or allow_http or os.environ.get(ALLOW_HTTP_ENV) == "1":
        return
    host = url.host
    if host == "localhost":
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    raise InsecureServiceUrl()


@functools.cache
def _verifying_context(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    """The certificate-verifying TLS context, made once per process and trust settings: building one loads the CA
    bundle (40–90 ms), which every screen action used to pay. Keyed by SSL_CERT_FILE / SSL_CERT_DIR, which httpx
    honours, so a changed trust store is still taken."""
    return httpx.create_ssl_context()


def verifying_context() -> ssl.SSLContext:
    return _verifying_context(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))


class SyncHttp:
    """One service's HTTP client; counts requests, remembers the last Server-Time, honours a cancel event."""

    def __init__(
        self,
        base_url: str,
        *,
        token: Callable[[], str | None] = lambda: None,
        refresh: Callable[[SyncHttp], bool] = lambda _http: False,
        stall_timeout: float = 30.0,
        backoff: Backoff | None = None,
        cancel: threading.Event | None = None,
        transport: httpx.BaseTransport | None = None,
        verify: bool = True,
        allow_http: bool = False,
    ) -> None:
        check_service_url(base_url, allow_http=allow_http)
        self.base_url = base_url.rstrip("/")
        self._token = token
        self._refresh = refresh
        self.backoff = backoff or Backoff()
        self.cancel = cancel or threading.Event()
        self.requests = 0
        self.server_time: datetime | None = None
        # Requests may run on several threads (a page asked for ahead, chunks in flight): one refresh at a time, and
        # never twice for the same token (presenting a used refresh token again revokes the device's sessions, S34).
        self._refresh_lock = threading.Lock()
        timeout = httpx.Timeout(stall_timeout)
        context: ssl.SSLContext | bool = verifying_context() if verify and transport is None else verify
        self._client = httpx.Client(base_url=self.base_url, timeout=timeout, transport=transport, verify=context)

    def close(self) -> None:
        self._client.close()

    def _headers(self, extra: Mapping[str, str] | None, *, auth: bool) -> dict[str, str]:
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        token = self._token() if auth else None
        if token:
            headers["Authorization"] = f"Bearer {token}"
        headers.update(extra or {})
        return headers

    def _note(self, response: httpx.Response) -> None:
        stamp = parse_server_time(response.headers.get("server-time"))
        if stamp is not None:
            self.server_time = stamp

    def pause(self, attempt: int) -> None:
        """The backoff pause before retry number `attempt` (from 1) of something the caller repeats itself."""
        self._wait(self.backoff.delay(attempt - 1))

    def _wait(self, seconds: float) -> None:
        if self.cancel.wait(seconds):
            raise SyncCancelled()

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        content: bytes | Iterable[bytes] | None = None,
        headers: Mapping[str, str] | None = None,
        auth: bool = True,
        accept: frozenset[int] = frozenset(),
        resend_on_cut: bool = True,
    ) -> httpx.Response:
        """Send with retries. Returns 2xx responses and statuses in `accept`; raises for the rest.

        `resend_on_cut=False`: a connection lost mid-request raises (httpx.TransportError) instead of sending the
        same body again — the caller of a large upload asks where the server stands first."""
        refreshed = False
        attempt = 0
        while True:
            if self.cancel.is_set():
                raise SyncCancelled()
            retry_after: float | None = None
            sent = self._headers(headers, auth=auth)
            try:
                self.requests += 1
                response = self._client.request(method, path, json=json, content=content, headers=sent)
                self._note(response)
            except httpx.TransportError:
                if not resend_on_cut:
                    raise
                response = None
            if response is not None:
                status = response.status_code
                if status < 300 or status in accept:
                    return response
                if status == 401 and auth and not refreshed and _body(response).get("code") != "device_revoked":
                    refreshed = True
                    with self._refresh_lock:
                        if self._headers(headers, auth=auth).get("Authorization") != sent.get("Authorization"):
                            continue  # another thread refreshed meanwhile: try again with its new token
                        if self._refresh(self):
                            continue
                    raise NotSignedIn()
                if status == 401:
                    refuse_unauthorised(response)
                if status == 426:
                    raise ProtocolUnsupported()
                if status not in RETRY_STATUSES:
                    raise ServiceRefused(status, _body(response))
                retry_after = parse_retry_after(response.headers.get("retry-after"), self.server_time)
            attempt += 1
            if attempt >= self.backoff.attempts:
                raise SyncOffline()
            self._wait(self.backoff.delay(attempt - 1, retry_after))

    @contextmanager
    def stream(self, method: str, path: str, *, headers: Mapping[str, str] | None = None) -> Iterator[httpx.Response]:
        """A streamed response (downloads); the caller retries by resuming from its own offset."""
        if self.cancel.is_set():
            raise SyncCancelled()
        self.requests += 1
        with self._client.stream(method, path, headers=self._headers(headers, auth=True)) as response:
            self._note(response)
            yield response


def _body(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
