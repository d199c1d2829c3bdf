"""POST /v1/activation/check: the three proofs checked before an identifier and a password are chosen, with the
same answer and the same throttle as the activation itself."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.support.service import Flows


def test_check_says_at_once_whether_the_three_proofs_match(client: TestClient, flows: Flows) -> None:
    person = flows.provision()
    ok = client.post("/v1/activation/check", json=person.proof())
    assert ok.status_code == 200 and ok.json() == {"status": "pending"}
    for wrong in ({"carte_vitale_serial": "99999999"}, {"activation_code": "AAAABBBBCCCC"}):
        refused = client.post("/v1/activation/check", json=person.proof(**wrong))
        assert refused.status_code == 400 and refused.json()["code"] == "activation_refused"
    malformed = client.post("/v1/activation/check", json=person.proof(nir="123"))
    assert malformed.status_code in (400, 422)
    flows.activate(person)
    again = flows.provision()
    assert client.post("/v1/activation/check", json=again.proof()).status_code == 200
    # Nothing was created by checking: the space still activates with the same code.
    flows.activate(again)


def test_check_of_an_active_space_is_refused_and_wrong_proofs_are_throttled(client: TestClient, flows: Flows) -> None:
    person = flows.active_person()
    done = client.post("/v1/activation/check", json=person.proof())
    assert done.status_code in (400, 409)  # the code died at activation: refused like any wrong proof
    target = flows.provision()
    answers = [
        client.post("/v1/activation/check", json=target.proof(carte_vitale_serial="99999999")).status_code
        for _ in range(12)
    ]
    assert answers[:10] == [400] * 10 and 429 in answers[10:]  # the space's allowance (10), then locked
    assert client.post("/v1/activation/check", json=target.proof()).status_code == 429
