"""Issue 15 (remaining point of #4), S54: successful emergency accesses (bris de glace) are throttled too, not only
reported — a bounded number per professional in a sliding window, then 429 with a French explanation. Over real HTTP
against the live service (S29: throttle; S32: the refusal is audited)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import func, select

from dossier.access import EmergencyReason
from server.access.service import EMERGENCY_THROTTLED
from server.audit.models import AuditEvent
from server.clock import ManualClock
from server.config import RateLimits
from tests.support.service import PASSWORD
from tests.support.sync_lab import BRUNO, Lab

TEXT = "Patient inconscient amené par les pompiers"
LIMIT = RateLimits().emergency_accesses
WINDOW = RateLimits().emergency_window


def _pro_headers(lab: Lab, pro: dict[str, Any]) -> dict[str, str]:
    r = lab.api.post("/v1/pro/auth/login", json={"rpps": pro["rpps"], "password": PASSWORD})
    assert r.status_code == 202, r.text
    body = {"challenge_id": r.json()["challenge_id"], "code": lab.mailbox.last_otp(pro["email"]), "device_name": "SAU"}
    return {"Authorization": f"Bearer {lab.api.post('/v1/pro/auth/verify', json=body).json()['access_token']}"}


def _break_glass(api: httpx.Client, headers: dict[str, str], ins: str) -> httpx.Response:
    payload = {"ins": ins, "reason_code": EmergencyReason.UNCONSCIOUS.value, "reason": TEXT}
    return api.post("/v1/pro/emergency-access", json=payload, headers=headers)


def test_successful_emergency_accesses_are_bounded_per_professional_S54(lab: Lab, server_clock: ManualClock) -> None:
    first, second = lab.person(), lab.person()
    urgentist = lab.professional()
    headers = _pro_headers(lab, urgentist)
    for i in range(LIMIT):
        r = _break_glass(lab.api, headers, (first if i % 2 else second).nir)
        assert r.status_code == 201, (i, r.text)
        server_clock.advance(timedelta(minutes=1))
    over = _break_glass(lab.api, headers, first.nir)
    assert over.status_code == 429, over.text
    problem = over.json()
    assert problem["code"] == "emergency_rate_exceeded"
    assert "accès d'urgence" in problem["detail"] and "médecin traitant" in problem["detail"]
    waited = int(over.headers["Retry-After"])
    assert WINDOW - timedelta(minutes=LIMIT) <= timedelta(seconds=waited) <= WINDOW
    # The same answer for an INS naming no space: the throttle says nothing of who has a space.
    assert _break_glass(lab.api, headers, "299999999999999").status_code == 429
    # Another professional is not held back.
    assert _break_glass(lab.api, _pro_headers(lab, lab.professional(BRUNO)), first.nir).status_code == 201
    ctx = lab.live.ctx
    assert ctx is not None
    with ctx.sessions() as session:
        refused = session.scalar(select(func.count()).where(AuditEvent.action == EMERGENCY_THROTTLED))
    assert refused == 2  # each refusal is in the audit trail
    # Once the oldest access leaves the window, one more is allowed — and only one.
    server_clock.advance(timedelta(seconds=waited))
    headers = _pro_headers(lab, urgentist)
    assert _break_glass(lab.api, headers, second.nir).status_code == 201
    assert _break_glass(lab.api, headers, second.nir).status_code == 429
