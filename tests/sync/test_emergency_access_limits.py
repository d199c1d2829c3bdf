"""Issue 15, finding 4 (S49): emergency access (bris de glace) is throttled per professional, needs a reason from
the list plus a real free text, alerts the patient and the médecin traitant, and unusual use shows in an
administrator's report (S29: throttle; S32: every access audited with who did it). Over real HTTP, live service."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from dossier.access import EMERGENCY_REASON_MIN_TEXT, EmergencyReason
from server.cli import main as server_cli
from tests.support.service import PASSWORD, Mailbox, make_nir
from tests.support.sync_lab import BRUNO, Lab

TEXT = "Patient inconscient amené par les pompiers"


def _pro_headers(lab: Lab, pro: dict[str, Any]) -> dict[str, str]:
    r = lab.api.post("/v1/pro/auth/login", json={"rpps": pro["rpps"], "password": PASSWORD})
    assert r.status_code == 202, r.text
    body = {"challenge_id": r.json()["challenge_id"], "code": lab.mailbox.last_otp(pro["email"]), "device_name": "SAU"}
    tokens = lab.api.post("/v1/pro/auth/verify", json=body).json()
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def _break_glass(api: httpx.Client, headers: dict[str, str], ins: str, **body: Any) -> httpx.Response:
    payload = {"ins": ins, "reason_code": EmergencyReason.UNCONSCIOUS.value, "reason": TEXT, **body}
    return api.post("/v1/pro/emergency-access", json=payload, headers=headers)


def test_guessing_nirs_is_throttled_per_professional(lab: Lab) -> None:
    """S29: 40 guessed NIRs in a burst: the first misses are 404, then 429 — even for a real patient's NIR."""
    patient = lab.person()
    headers = _pro_headers(lab, lab.professional())
    statuses = [_break_glass(lab.api, headers, make_nir(5000 + i)).status_code for i in range(40)]
    assert statuses[:5] == [404] * 5
    assert set(statuses[5:]) == {429}
    locked = _break_glass(lab.api, headers, patient.nir)
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0
    # Another professional is not held back by this one's guesses.
    other = _pro_headers(lab, lab.professional(BRUNO))
    assert _break_glass(lab.api, other, patient.nir).status_code == 201


@pytest.mark.parametrize(
    "body",
    [
        {"reason": "x"},  # the one-character reason the attack round got accepted
        {"reason": "u" + " " * 30 + "v"},  # padding is not a reason
        {"reason": "a" * (EMERGENCY_REASON_MIN_TEXT - 1)},
        {"reason_code": "because"},
        {"reason_code": None},
    ],
)
def test_a_reason_is_a_code_from_the_list_and_a_real_free_text(lab: Lab, body: dict[str, Any]) -> None:
    patient = lab.person()
    headers = _pro_headers(lab, lab.professional())
    r = _break_glass(lab.api, headers, patient.nir, **body)
    assert r.status_code == 422, r.text


def test_an_emergency_access_alerts_the_patient_and_the_medecin_traitant_and_shows_in_the_report(
    lab: Lab, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    """S32: the alert names no reason; the report lists the professionals over the threshold, with their misses."""
    patient = lab.person()
    mt = lab.professional(BRUNO)
    me = {"Authorization": f"Bearer {lab.flows.login(patient)['access_token']}"}
    r = lab.api.put("/v1/me/access/medecin-traitant", json={"rpps": mt["rpps"]}, headers=me)
    assert r.status_code == 200, r.text
    urgentist = lab.professional()
    headers = _pro_headers(lab, urgentist)
    mailbox.clear()
    for i in range(3):
        assert _break_glass(lab.api, headers, make_nir(7000 + i)).status_code == 404
    r = _break_glass(lab.api, headers, patient.nir, reason_code=EmergencyReason.VITAL_EMERGENCY.value)
    assert r.status_code == 201, r.text
    assert "en urgence" in mailbox.last_body(patient.email)
    assert "en urgence" in mailbox.last_body(mt["email"])
    assert "pompiers" not in mailbox.last_body(mt["email"])

    settings = lab.live.settings
    argv = ["audit", "emergency-report", "--days", "36500", "--threshold", "4", "--json"]
    argv += ["--data-dir", str(settings.data_dir), "--database-url", settings.effective_database_url]
    assert server_cli(argv) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(row["rpps"], row["accesses"], row["misses"]) for row in rows] == [(urgentist["rpps"], 1, 3)]
    assert rows[0]["reasons"] == {EmergencyReason.VITAL_EMERGENCY.value: 1}
    assert server_cli([*argv[:5], "5", *argv[6:]]) == 0  # under the threshold: nobody listed
    assert json.loads(capsys.readouterr().out) == []
    assert server_cli([a for a in argv if a != "--json"]) == 0
    assert urgentist["rpps"] in capsys.readouterr().out
