"""The clinic workstation against the real service on loopback, for the clinic's UI tests: the fault proxy in front
of the service (a cable to pull), the window fixture, and the steps a professional takes (sign in, search, prepare
the day). A test module imports the fixtures it uses (`from tests.support.clinic_lab import clinic as clinic`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.sync.http import Backoff
from desktop_app.vault import FLOOR_KDF
from server.professionals.service import NewProfessional, add_professional
from tests.support.faultproxy import FaultProxy
from tests.support.service import PASSWORD, Flows, Mailbox
from tests.support.sync_lab import Lab, LiveServer
from tests.ui.helpers import FakeClock
from ui.clinic.day import DOSSIER_ROLE, PrepareDayDialog
from ui.clinic.window import ClinicWindow
from ui.dialogs import ScriptedConfirmer
from ui.ops import wait_for_idle

__all__ = ["clinic", "lab", "network", "picker"]

SHOTS = Path("/tmp/shots-clinic")
SYNC_MS = 60_000


class Network:
    """The fault proxy in front of the service, with a cable the test can pull (every connection is then reset)."""

    def __init__(self, live: LiveServer) -> None:
        self.proxy = FaultProxy(live.port)
        self.url = self.proxy.url

    @property
    def online(self) -> bool:
        return self.proxy.faults.reset_probability == 0.0

    @online.setter
    def online(self, value: bool) -> None:
        self.proxy.faults.reset_probability = 0.0 if value else 1.0


@pytest.fixture
def lab(live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path) -> Iterator[Lab]:
    with httpx.Client(base_url=live.url, timeout=30, headers={"Carnet-Sync-Protocol": "1"}) as api:
        yield Lab(live, flows, mailbox, tmp_path, api)


@pytest.fixture
def network(live: LiveServer) -> Iterator[Network]:
    net = Network(live)
    yield net
    net.proxy.close()


class Picker:
    """Stands in for the file dialog: answers with the path the test chose (None = the person cancelled)."""

    def __init__(self) -> None:
        self.path: Path | None = None

    def __call__(self, _parent: QWidget) -> Path | None:
        return self.path


@pytest.fixture
def picker() -> Picker:
    return Picker()


@pytest.fixture
def clinic(qtbot: Any, lab: Lab, tmp_path: Path, network: Network, picker: Picker) -> Iterator[ClinicWindow]:
    window = make_window(qtbot, tmp_path, network, picker)
    yield window
    window.lock_session()
    wait_for_idle()


def make_window(qtbot: Any, tmp_path: Path, network: Network, picker: Picker) -> ClinicWindow:
    """The Poste de soins on a fresh data directory, behind the fault proxy, shown at 1100 × 760."""
    window = ClinicWindow(
        data_dir=tmp_path / "clinic-pc",
        server_url=network.url,
        clock=FakeClock(),
        confirmer=ScriptedConfirmer(),
        choose_file=picker,
        backoff=Backoff(base=0.01, cap=0.05, attempts=2),
        kdf=FLOOR_KDF,
        idle_poll_ms=20,
        sync_interval_ms=SYNC_MS,
        device_name="Poste accueil",
    )
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    return window


def shot(window: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / f"{name}.png"))


def shows(window: ClinicWindow, text: str) -> bool:
    """Whether the open dossier's read-only list has a line with this text."""
    return any(text in window.contents.item(i).text() for i in range(window.contents.count()))


def sign_in(qtbot: Any, window: ClinicWindow, lab: Lab, pro: dict[str, Any]) -> None:
    window.rpps.setText(pro["rpps"])
    window.password.setText(PASSWORD)
    qtbot.mouseClick(window.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.code_box.isVisible, timeout=20_000)
    window.code.setText(lab.mailbox.last_otp(pro["email"]))
    qtbot.mouseClick(window.confirm_code, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None, timeout=20_000)


def search(qtbot: Any, window: ClinicWindow, text: str) -> None:
    window.search.setText(text)
    window.patients.set_patients([])
    window.search_button.click()
    qtbot.waitUntil(lambda: window.patients.rowCount() > 0 or window.search_error.isVisible(), timeout=20_000)


def prepare(qtbot: Any, window: ClinicWindow, dossier_ids: list[str]) -> PrepareDayDialog:
    """« Préparer la journée… », check exactly these patients, confirm, and wait for the day to be ready."""
    window.prepare.click()
    dialog = window.day_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0 or dialog.error.isVisible(), timeout=20_000)
    for row in range(dialog.model.rowCount()):
        item = dialog.model.item(row)
        wanted = item.data(DOSSIER_ROLE) in dossier_ids
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    dialog.confirm.click()
    qtbot.waitUntil(
        lambda: not window._preparing and window.progress.value() == window.progress.maximum(), timeout=30_000
    )
    return dialog


def registered(
    lab: Lab, rpps: str, profession: str, last_name: str, first_names: str, *, enrol: bool = True
) -> dict[str, Any]:
    """A professional of any profession, registered by the service (the enrolment mail sent) and, unless told
    otherwise, enrolled with PASSWORD; `code` is the e-mailed enrolment code."""
    ctx = lab.live.ctx
    assert ctx is not None
    address = f"pro{rpps}@example.org"
    with ctx.sessions() as session:
        add_professional(session, ctx, NewProfessional(rpps, profession, last_name, first_names, address))
        session.commit()
    mail = lab.mailbox.last_body(address)
    code = re.search(r"enrôlement \(usage unique\) : ([A-Z0-9]{12})", mail)
    assert code, mail
    if not enrol:
        return {"rpps": rpps, "email": address, "mail": mail, "code": code.group(1)}
    r = lab.api.post("/v1/pro/enrolment", json={"rpps": rpps, "enrolment_code": code.group(1), "password": PASSWORD})
    assert r.status_code == 204, r.text
    return {"rpps": rpps, "email": address, "mail": mail, "code": code.group(1)}


def add_document(qtbot: Any, window: ClinicWindow, *, category: str | None = None) -> None:
    """« Ajouter un document… » (the picker already holds the file), its dialog confirmed as it comes."""
    window.add_document.click()
    qtbot.waitUntil(lambda: window.document_dialog is not None, timeout=10_000)
    dialog = window.document_dialog
    assert dialog is not None
    if category is not None:
        dialog.category.setCurrentIndex(dialog.category.findData(category))
    dialog.confirm.click()
