"""A patient with two devices and a doctor who writes to them, on a live service (the messagerie's sync tests)."""

from __future__ import annotations

from pathlib import Path

from desktop_app import account, vault
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.setting_keys import SettingKey
from server.clock import ManualClock
from tests.support.access import GP, Headers, Pros
from tests.support.messagerie import Thread
from tests.support.service import PASSWORD, Flows, Mailbox, Person, free_port
from tests.support.sync_lab import LiveServer

IDENTIFIER = "zoe.sync.msg"


class Two:
    """One patient with a laptop and a phone (two devices of one account), and a doctor who writes to them."""

    def __init__(self, live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path) -> None:
        self.live, self.flows = live, flows
        self.person: Person = flows.provision()
        ticket = account.start_activation(
            live.url, self.person.activation_code, self.person.nir, self.person.serial, IDENTIFIER, PASSWORD
        )
        self.laptop_dir = tmp_path / "laptop"
        laptop_dir = ProfileDirectory(self.laptop_dir, kdf=vault.FLOOR_KDF)
        self.laptop, _ = account.confirm_activation(
            ticket, mailbox.last_otp(self.person.email), directory=laptop_dir, device_name="PC"
        )
        login = account.start_login(live.url, IDENTIFIER, PASSWORD)
        phone_dir = ProfileDirectory(tmp_path / "phone", kdf=vault.FLOOR_KDF)
        self.phone, _ = account.confirm_login(
            login, mailbox.last_otp(self.person.email), directory=phone_dir, device_name="Portable"
        )
        assert live.ctx is not None
        pros = Pros(flows.client, live.ctx, mailbox)  # type: ignore[arg-type]
        self.doctor: Headers = pros.sign_in(GP, "Médecin généraliste", "Durand")

    def thread(self, text: str = "Vos résultats sont arrivés.") -> Thread:
        return Thread.opened(self.flows.client, self.doctor, self.person.nir, text)

    @staticmethod
    def offline(profile: UnlockedProfile) -> None:
        profile.set_setting(SettingKey.SERVER_URL, f"http://127.0.0.1:{free_port()}")  # nobody listens there

    def online(self, profile: UnlockedProfile) -> None:
        profile.set_setting(SettingKey.SERVER_URL, self.live.url)

    @property
    def clock(self) -> ManualClock:
        assert self.live.ctx is not None
        found = self.live.ctx.settings.clock
        assert isinstance(found, ManualClock)
        return found
