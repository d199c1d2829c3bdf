"""A professional's sign-in through Pro Santé Connect (or another OpenID Connect provider) from the desktop.

The central service is the OIDC client: it gives the authorization URL (`GET /v1/pro/auth/oidc/start`) and later
exchanges the code (`POST /v1/pro/auth/oidc/callback`). This side only opens the system browser on that URL (a
callback given by the UI) and catches the provider's redirect on a loopback listener, 127.0.0.1 at the port of the
service's redirect URI (RFC 8252 §7.3); the state it catches must be the one the service gave.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from desktop_app.errors import CarnetError
from desktop_app.sync.account import SignedIn
from desktop_app.sync.http import SyncHttp

DEFAULT_TIMEOUT_S = 300.0
_PAGE = (
    "<!doctype html><html lang='fr'><meta charset='utf-8'><title>Carnet</title><p>{fr}</p><p lang='en'>{en}</p></html>"
)


class OidcSignInError(CarnetError):
    """The browser sign-in did not come back usable; nothing was signed in."""

    exit_code = 3


def _not_loopback() -> OidcSignInError:
    return OidcSignInError(
        "Le service n'attend pas le retour de connexion sur ce poste (adresse de retour hors 127.0.0.1).",
        "The service does not expect the sign-in to come back to this computer (redirect URI not on 127.0.0.1).",
    )


class _Catcher(HTTPServer):
    """Serves the one redirect of the provider: remembers its query, answers a page telling to go back to Carnet."""

    def __init__(self, port: int, path: str) -> None:
        self.expected_path = path
        self.query: dict[str, str] | None = None
        self.arrived = threading.Event()
        super().__init__(("127.0.0.1", port), _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _Catcher

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != self.server.expected_path or self.server.arrived.is_set():
            self.send_error(404)
            return
        self.server.query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        page = _PAGE.format(
            fr="Connexion reçue : vous pouvez fermer cette page et revenir à Carnet.",
            en="Sign-in received: you can close this page and go back to Carnet.",
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(page)
        self.server.arrived.set()

    def log_message(self, format: str, *args: Any) -> None:
        return  # the query holds the code: never logged


def oidc_login(
    http: SyncHttp,
    *,
    open_browser: Callable[[str], None],
    device_name: str,
    device_id: str | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> SignedIn:
    """Start at the service, open the browser, catch the redirect, and let the service finish: a professional's
    session on this device. Raises OidcSignInError (refused at the provider, wrong state, no answer in time) or the
    service's refusal (unknown RPPS, expired request…)."""
    started = http.request("GET", "/v1/pro/auth/oidc/start", auth=False).json()
    redirect = urlsplit(str(started["redirect_uri"]))
    if redirect.scheme != "http" or redirect.hostname not in ("127.0.0.1", "localhost") or redirect.port is None:
        raise _not_loopback()
    catcher = _Catcher(redirect.port, redirect.path or "/")
    thread = threading.Thread(target=catcher.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        open_browser(str(started["authorization_url"]))
        if not catcher.arrived.wait(timeout):
            raise OidcSignInError(
                "Aucune réponse de Pro Santé Connect dans le temps imparti : recommencez la connexion.",
                "No answer from Pro Santé Connect in time: please sign in again.",
            )
    finally:
        catcher.shutdown()
        catcher.server_close()
        thread.join(5)
    query = catcher.query or {}
    if "error" in query:
        raise OidcSignInError(
            "La connexion a été refusée ou annulée chez Pro Santé Connect.",
            "The sign-in was refused or cancelled at Pro Santé Connect.",
        )
    if query.get("state") != started["state"] or not query.get("code"):
        raise OidcSignInError(
            "Le retour de connexion ne correspond pas à cette demande : recommencez la connexion.",
            "The sign-in answer does not match this request: please sign in again.",
        )
    body: dict[str, Any] = {"code": query["code"], "state": query["state"], "device_name": device_name}
    if device_id:
        body["device_id"] = device_id
    tokens = http.request("POST", "/v1/pro/auth/oidc/callback", json=body, auth=False).json()
    return SignedIn(str(tokens["access_token"]), str(tokens["refresh_token"]), str(tokens["device_id"]))
