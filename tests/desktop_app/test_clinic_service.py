"""Clinic workstation service against the real service on loopback: two professionals on one shared PC."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop_app.clinic import ClinicInputError, ClinicSession, DocumentPolicy, pro_sign_in, profile_label
from desktop_app.errors import WrongPassword
from desktop_app.profile import ProfileDirectory
from desktop_app.sync.engine import S_ACCESS
from desktop_app.sync.http import Backoff, ServiceRefused
from desktop_app.vault import FLOOR_KDF
from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.service import PASSWORD, Flows, Mailbox
from tests.support.sync_lab import ANNE, BRUNO, Lab, LiveServer


@pytest.fixture
def lab(live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path) -> Iterator[Lab]:
    with httpx.Client(base_url=live.url, timeout=30, headers={"Carnet-Sync-Protocol": "1"}) as api:
        yield Lab(live, flows, mailbox, tmp_path, api)


def _sign_in(lab: Lab, directory: ProfileDirectory, pro: dict[str, Any]) -> ClinicSession:
    profile = pro_sign_in(
        directory,
        server_url=lab.live.url,
        rpps=pro["rpps"],
        password=PASSWORD,
        read_code=lambda: lab.mailbox.last_otp(pro["email"]),
        device_name="Poste accueil",
    )
    return ClinicSession(profile, backoff=Backoff(base=0.01, cap=0.05, attempts=2))


def test_two_professionals_on_one_pc_see_only_their_own_caches(lab: Lab, tmp_path: Path) -> None:
    patient = lab.person()
    device = lab.device(patient)
    anne, bruno = lab.professional(ANNE), lab.professional(BRUNO)
    lab.grant(device, ANNE)  # the patient authorises Anne only
    shared = ProfileDirectory(tmp_path / "clinic-pc", kdf=FLOOR_KDF)

    a = _sign_in(lab, shared, anne)
    found = a.search(name="Martin")
    assert [p.dossier_id for p in found] == [str(patient.dossier_id)]
    assert a.search(name="Personne") == []
    assert a.open(str(patient.dossier_id))  # audited on the service
    assert a.prepare_day([str(patient.dossier_id)], documents=DocumentPolicy.ALL) == [str(patient.dossier_id)]
    until = a.offline_until()
    assert set(until) == {str(patient.dossier_id)}
    a.logout()
    assert a.profile.locked

    b = _sign_in(lab, shared, bruno)
    # Bruno chooses Anne's patient anyway: the service does not offer it to him, nothing is cached.
    assert b.search() == [] and b.prepare_day([str(patient.dossier_id)], documents=DocumentPolicy.ALL) == []
    b.logout()

    labels = sorted(p.label for p in shared.profiles())
    assert labels == [profile_label(ANNE), profile_label(BRUNO)]  # type: ignore[arg-type]
    assert all(p.device_mode == "shared" and not p.remembered for p in shared.profiles())
    # Anne signs in again: her own profile is reopened, her cache is still there; Bruno's password cannot open it.
    again = _sign_in(lab, shared, anne)
    assert again.profile.dossier_ids() == [str(patient.dossier_id)]
    anne_id = again.profile.profile_id
    again.logout()
    with pytest.raises(WrongPassword):
        shared.unlock("un autre mot de passe tout à fait différent", profile_id=anne_id)


def test_emergency_access_needs_a_reason_and_respects_opposition(lab: Lab, tmp_path: Path) -> None:
    patient = lab.person()
    device = lab.device(patient)
    anne = lab.professional(ANNE)
    session = _sign_in(lab, ProfileDirectory(tmp_path / "pc", kdf=FLOOR_KDF), anne)
    with pytest.raises(ClinicInputError, match="at least 15 characters"):
        session.emergency_access(ins=patient.nir, reason_code="unconscious", reason="vite")
    with pytest.raises(ClinicInputError, match="a reason from the list"):
        session.emergency_access(ins=patient.nir, reason_code="because", reason="Patient inconscient aux urgences")
    opened = session.emergency_access(
        ins=patient.nir, reason_code="unconscious", reason="Patient inconscient aux urgences"
    )
    assert opened.dossier_id == str(patient.dossier_id) and opened.expires_at > opened.opened_at

    headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}
    r = lab.api.put(
        "/v1/me/access/emergency",
        json={"samu": False, "other_professionals": False, "masked_documents": False},
        headers=headers,
    )
    assert r.status_code == 200, r.text
    with pytest.raises(ServiceRefused) as refused:
        session.emergency_access(ins=patient.nir, reason_code="unconscious", reason="Patient inconscient aux urgences")
    assert refused.value.status == 403 and "emergency_not_allowed_by_patient" in str(refused.value)
    session.logout()


def test_bad_rpps_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    shared = ProfileDirectory(tmp_path / "pc", kdf=FLOOR_KDF)
    with pytest.raises(ClinicInputError, match="11 digits"):
        pro_sign_in(
            shared, server_url="http://127.0.0.1:9", rpps="123", password=PASSWORD, read_code=str, device_name="x"
        )
    assert shared.profiles() == []
