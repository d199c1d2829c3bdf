"""« Se connecter avec Pro Santé Connect » on the clinic sign-in, against the real service on loopback and a real
OpenID Connect provider (oidc-provider under Node); the system browser is a stand-in driving the provider over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt

from desktop_app.sync.http import Backoff
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
from tests.ui.helpers import FakeClock, missing_accessibility
from ui.clinic.window import ClinicWindow
from ui.dialogs import ScriptedConfirmer
from ui.ops import wait_for_idle

SHOTS = Path("/tmp/shots-clinic")


@pytest.fixture(scope="module")
def provider() -> Iterator[RunningProvider]:
    with running_provider() as running:
        yield running


@pytest.fixture
def lab(live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path) -> Iterator[Lab]:
    with httpx.Client(base_url=live.url, timeout=30, headers={"Carnet-Sync-Protocol": "1"}) as api:
        yield Lab(live, flows, mailbox, tmp_path, api)


def window(qtbot: Any, lab: Lab, tmp_path: Path, browser: Browser) -> ClinicWindow:
    made = ClinicWindow(
        data_dir=tmp_path / "clinic-pc",
        server_url=lab.live.url,
        clock=FakeClock(),
        confirmer=ScriptedConfirmer(),
        backoff=Backoff(base=0.01, cap=0.05, attempts=2),
        kdf=FLOOR_KDF,
        sync_interval_ms=60_000,
        device_name="Poste accueil",
        open_url=browser.open,
    )
    qtbot.addWidget(made)
    made.resize(1100, 760)
    made.show()
    return made


def test_sign_in_with_pro_sante_connect(qtbot: Any, lab: Lab, tmp_path: Path, provider: RunningProvider) -> None:
    browser = Browser(provider, "dr-anne")
    clinic = window(qtbot, lab, tmp_path, browser)
    assert missing_accessibility([clinic]) == []

    # off on this service: a clear refusal under the password, nothing opened
    qtbot.mouseClick(clinic.sign_in_psc, Qt.MouseButton.LeftButton)
    assert clinic.password_error.isVisible() and browser.opened == []  # no password: nothing sent
    clinic.password.setText(PASSWORD)
    qtbot.mouseClick(clinic.sign_in_psc, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clinic.sign_in_psc.isEnabled(), timeout=20_000)
    assert "pas activée" in clinic.password_error.text() and clinic.session is None

    lab.live.settings.oidc = OidcSettings(
        issuer=provider.issuer,
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        redirect_uri=provider.redirect_uri,
    )
    lab.professional(ANNE)
    SHOTS.mkdir(parents=True, exist_ok=True)
    clinic.grab().save(str(SHOTS / "clinic-psc-sign-in.png"))
    clinic.password.setText(PASSWORD)
    qtbot.mouseClick(clinic.sign_in_psc, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clinic.session is not None, timeout=30_000)
    assert len(browser.opened) == 1 and browser.opened[0].startswith(provider.issuer)
    assert ANNE in clinic.who.text() and clinic.stack.currentIndex() == 1
    clinic.lock_session()
    wait_for_idle()
    assert not clinic.psc_hint.isVisible() and clinic.sign_in_psc.isEnabled()
