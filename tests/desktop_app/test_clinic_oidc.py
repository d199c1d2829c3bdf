"""« Se connecter avec Pro Santé Connect » on a clinic workstation: the engine against the real service on loopback,
the service against a real OpenID Connect provider (oidc-provider under Node), a browser driven over HTTP that the
engine's loopback listener catches coming back (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from desktop_app.clinic import ClinicSession, Rpps, pro_sign_in_oidc, profile_label
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.sync.http import Backoff, ServiceRefused
from desktop_app.sync.oidc_login import OidcSignInError
from desktop_app.vault import FLOOR_KDF
from server.config import OidcSettings
from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.oidc_provider import Browser, RunningProvider, running_provider
from tests.support.service import PASSWORD, Flows, Mailbox
from tests.support.sync_lab import ANNE, Lab, LiveServer


@pytest.fixture(scope="module")
def provider() -> Iterator[RunningProvider]:
    with running_provider() as running:
        yield running


@pytest.fixture
def lab(live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path, provider: RunningProvider) -> Iterator[Lab]:
    live.settings.oidc = OidcSettings(
        issuer=provider.issuer,
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        redirect_uri=provider.redirect_uri,
    )
    with httpx.Client(base_url=live.url, timeout=30, headers={"Carnet-Sync-Protocol": "1"}) as api:
        yield Lab(live, flows, mailbox, tmp_path, api)


def sign_in(lab: Lab, shared: ProfileDirectory, browser: Browser) -> UnlockedProfile:
    return pro_sign_in_oidc(
        shared, server_url=lab.live.url, password=PASSWORD, open_browser=browser.open, device_name="Poste accueil"
    )


def test_a_professional_signs_in_with_the_provider_and_gets_their_own_profile(
    lab: Lab, provider: RunningProvider, tmp_path: Path
) -> None:
    lab.professional(ANNE)
    shared = ProfileDirectory(tmp_path / "clinic-pc", kdf=FLOOR_KDF)
    browser = Browser(provider, "dr-anne")
    profile = pro_sign_in_oidc(
        shared, server_url=lab.live.url, password=PASSWORD, open_browser=browser.open, device_name="Poste accueil"
    )
    assert len(browser.opened) == 1 and browser.opened[0].startswith(provider.issuer)
    assert profile.label == profile_label(Rpps(ANNE))  # the RPPS came from the provider, through the service
    session = ClinicSession(profile, backoff=Backoff(base=0.01, cap=0.05, attempts=2))
    assert session.search(name="Personne") == []  # the session works on /v1/pro routes
    session.logout()


def test_a_tampered_state_or_an_unknown_rpps_signs_nobody_in(
    lab: Lab, provider: RunningProvider, tmp_path: Path
) -> None:
    shared = ProfileDirectory(tmp_path / "clinic-pc", kdf=FLOOR_KDF)
    with pytest.raises(OidcSignInError) as caught:
        sign_in(lab, shared, Browser(provider, "dr-anne", tamper_state=True))
    assert "ne correspond pas" in caught.value.message_fr
    with pytest.raises(ServiceRefused) as refused:  # Anne is not registered on this service (no lab.professional)
        sign_in(lab, shared, Browser(provider, "dr-anne"))
    assert refused.value.status == 403 and refused.value.body["code"] == "oidc_professional_unknown"
    assert shared.profiles() == []
