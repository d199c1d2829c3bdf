"""Issue 15, finding 8: the account lock-out must not be a weapon against its owner (S50, S29, S34).

The CNIL throttle stays (5 wrong passwords lock the account for an unknown device), but the owner still gets in from
a known device (a valid refresh token of one of the account's devices, presented at login) or with a code mailed to
the account's address; the 429 says so, in French and English. Over real HTTP against the live service.
"""

from __future__ import annotations

from typing import Any

import httpx

from tests.support.service import PASSWORD, Flows, Mailbox, Person


def _attack(api: httpx.Client, person: Person) -> None:
    for _ in range(5):
        r = api.post("/v1/auth/login", json={"identifier": person.identifier, "password": "devine-le-123"})
        assert r.status_code == 401, r.text


def _login(api: httpx.Client, person: Person, **proof: Any) -> httpx.Response:
    return api.post("/v1/auth/login", json={"identifier": person.identifier, "password": PASSWORD, **proof})


def test_after_an_attackers_five_failures_the_owner_gets_in_from_a_known_device(
    api: httpx.Client, flows: Flows, mailbox: Mailbox
) -> None:
    """S29 + S34: a stranger's failures lock unknown devices out, never the owner's registered device."""
    owner = flows.active_person()
    known = flows.login(owner, device_name="PC salon")
    stranger = flows.login(flows.active_person(), device_name="PC voisin")
    _attack(api, owner)

    locked = _login(api, owner)  # the right password, from an unknown device
    assert locked.status_code == 429
    problem = locked.json()
    assert "appareil" in problem["detail"] and "e-mail" in problem["detail"]
    assert "device" in problem["detail_en"] and "e-mail" in problem["detail_en"]
    # Another account's device proves nothing about this one; a made-up token neither.
    assert _login(api, owner, device_token=stranger["refresh_token"]).status_code == 429
    assert _login(api, owner, device_token="x" * 43).status_code == 429

    r = _login(api, owner, device_token=known["refresh_token"])
    assert r.status_code == 202, r.text
    body = {
        "challenge_id": r.json()["challenge_id"],
        "code": mailbox.last_otp(owner.email),
        "device_name": "PC salon",
        "device_id": known["device_id"],
    }
    verified = api.post("/v1/auth/verify", json=body)
    assert verified.status_code == 200, verified.text
    assert verified.json()["device_id"] == known["device_id"]
    # Unknown devices are still held back.
    assert _login(api, owner).status_code == 429


def test_wrong_passwords_from_a_known_device_are_throttled_too(api: httpx.Client, flows: Flows) -> None:
    """S29: the known device's way in has its own counter; it is not a way around the throttle."""
    owner = flows.active_person()
    known = flows.login(owner)
    statuses = [
        api.post(
            "/v1/auth/login",
            json={"identifier": owner.identifier, "password": "faux-mot-2", "device_token": known["refresh_token"]},
        ).status_code
        for _ in range(6)
    ]
    assert statuses == [401] * 5 + [429]
    assert _login(api, owner, device_token=known["refresh_token"]).status_code == 429


def test_after_an_attack_the_owner_gets_in_with_a_code_mailed_to_the_accounts_address(
    api: httpx.Client, flows: Flows, mailbox: Mailbox
) -> None:
    """S29: the e-mailed factor unlocks one login; the code is single-use and asking for one reveals nothing."""
    owner = flows.active_person()
    _attack(api, owner)
    assert _login(api, owner).status_code == 429

    unknown = api.post("/v1/auth/unlock", json={"login": "personne.inconnue"})
    asked = api.post("/v1/auth/unlock", json={"login": owner.identifier})
    assert unknown.status_code == asked.status_code == 202
    assert set(unknown.json()) == set(asked.json())
    proof = {"unlock_id": asked.json()["challenge_id"], "unlock_code": mailbox.last_otp(owner.email)}

    assert _login(api, owner, unlock_id=proof["unlock_id"], unlock_code="000000").status_code == 429
    r = _login(api, owner, **proof)
    assert r.status_code == 202, r.text
    assert _login(api, owner, **proof).status_code == 429  # single use
