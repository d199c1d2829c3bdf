"""A real OpenID Connect provider for the tests (tests/interop/oidc: Node + the OpenID-certified `oidc-provider`),
and a person signing in at it over HTTP through its own login and consent pages, as a browser would."""

from __future__ import annotations

import re
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx

from tests.support.required import require
from tests.support.service import free_port

PROVIDER_DIR = Path(__file__).resolve().parent.parent / "interop" / "oidc"


def missing_part() -> str | None:
    """Why the provider cannot run here (no Node, packages not installed), or None when it can."""
    if shutil.which("node") is None:
        return "Node.js is not installed (the OIDC provider of tests/interop/oidc needs Node >= 20)"
    if not (PROVIDER_DIR / "node_modules" / "oidc-provider" / "package.json").is_file():
        return f"npm package oidc-provider missing: run `npm ci` in {PROVIDER_DIR}"
    return None


@dataclass(frozen=True, slots=True)
class RunningProvider:
    issuer: str
    client_id: str
    client_secret: str
    redirect_uri: str


@contextmanager
def running_provider() -> Iterator[RunningProvider]:
    """The provider on a free loopback port, with one confidential client whose redirect URI nobody listens on yet.
    Without Node or its packages: skipped locally, a failure in CI."""
    missing = missing_part()
    require(missing is None, missing or "")
    port = free_port()
    client = RunningProvider(
        issuer=f"http://127.0.0.1:{port}",
        client_id="carnet-test",
        client_secret=secrets.token_urlsafe(32),
        redirect_uri=f"http://127.0.0.1:{free_port()}/oidc/callback",
    )
    process = subprocess.Popen(
        ["node", "provider.mjs", str(port), client.client_id, client.client_secret, client.redirect_uri],
        cwd=PROVIDER_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # blocks until it listens (or dies: empty line)
        assert line.startswith("ready "), f"the OIDC provider did not start: {line!r}"
        yield client
    finally:
        process.terminate()
        process.wait(timeout=10)


_ACTION = re.compile(r'<form[^>]*action="([^"]+)"[^>]*method="post"')
_PROMPT = re.compile(r'name="prompt" value="(\w+)"')


def sign_in_at_provider(url: str, login: str, redirect_uri: str) -> dict[str, str]:
    """Open the authorization URL, pass the login form (as `login`) and the consent form, and return the query the
    provider sends back to the redirect URI (`code` and `state`, or `error`), without calling it."""
    target = redirect_from_provider(url, login, redirect_uri)
    return {k: v[0] for k, v in parse_qs(urlsplit(target).query).items()}


def redirect_from_provider(url: str, login: str, redirect_uri: str) -> str:
    """What a browser does at the provider until it is sent back: the full redirect URL (not called)."""
    with httpx.Client(follow_redirects=False, timeout=20) as browser:
        response = browser.get(url)
        for _ in range(12):
            if response.is_redirect:
                target = urljoin(str(response.url), response.headers["location"])
                if target.startswith(redirect_uri):
                    return target
                response = browser.get(target)
                continue
            assert response.status_code == 200, response.text[:500]
            action, prompt = _ACTION.search(response.text), _PROMPT.search(response.text)
            assert action and prompt, response.text[:500]
            form = {"prompt": prompt.group(1)}
            if prompt.group(1) == "login":
                form |= {"login": login, "password": "any"}
            response = browser.post(urljoin(str(response.url), action.group(1)), data=form)
    raise AssertionError("the provider never redirected back")


class Browser:
    """A stand-in for the system browser: signs in at the provider as `login`, then follows the redirect back to
    the desktop's loopback listener (the state altered on the way when asked)."""

    def __init__(self, provider: RunningProvider, login: str, *, tamper_state: bool = False) -> None:
        self.provider, self.login, self.tamper_state = provider, login, tamper_state
        self.opened: list[str] = []

    def open(self, url: str) -> None:
        self.opened.append(url)
        back = redirect_from_provider(url, self.login, self.provider.redirect_uri)
        if self.tamper_state:
            back = back.replace("state=", "state=x")
        assert httpx.get(back, timeout=10).status_code == 200
