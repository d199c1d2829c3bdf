"""A malformed answer from the service (a broken proxy, a service bug) is an error the engine reports: nothing of it
is applied, nothing local is lost, and the next sync with sound answers converges."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from desktop_app.sync.engine import SyncEngine, SyncState
from desktop_app.sync.http import Backoff, ServiceAnswerInvalid

pytestmark = pytest.mark.usefixtures("sqlite_only")

Damage = Callable[[Any], Any]


class DamagingTransport(httpx.BaseTransport):
    """Forwards to the real service over loopback and damages the answer to one route, as a broken middlebox would."""

    def __init__(self, path: str, damage: Damage | bytes) -> None:
        self.inner = httpx.HTTPTransport()
        self.path, self.damage = path, damage
        self.damaged = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path != self.path or response.status_code >= 300:
            return response
        response.read()
        self.damaged += 1
        if isinstance(self.damage, bytes):
            body = self.damage
        else:
            body = json.dumps(self.damage(json.loads(response.content))).encode()
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    def close(self) -> None:
        self.inner.close()


def _engine(device: Any, transport: httpx.BaseTransport) -> SyncEngine:
    return SyncEngine(device.profile, transport=transport, backoff=Backoff(base=0.01, cap=0.05, attempts=2))


def _without_version(body: dict[str, Any]) -> dict[str, Any]:
    for page in body["dossiers"]:
        for item in page["items"]:
            item.pop("version", None)
    return body


def _unknown_status(body: dict[str, Any]) -> dict[str, Any]:
    for result in body["results"]:
        result["status"] = "maybe"
    return body


def test_a_push_answer_of_the_wrong_shape_applies_nothing_and_the_change_goes_out_later(lab: Any) -> None:
    device = lab.device(lab.person())
    store = device.profile.dossier()
    entry = store.entries.create("allergy", {"name": "Pénicilline"})
    damaging = DamagingTransport("/v1/sync/push", _unknown_status)
    broken = _engine(device, damaging)
    with pytest.raises(ServiceAnswerInvalid) as raised:
        broken.sync_once()
    assert damaging.damaged == 1
    assert store.outbox.count_pending() == 1  # still to send: the answer was not applied
    assert broken.state is SyncState.UP_TO_DATE  # settled, not left "syncing"
    assert raised.value.what == "push"
    assert any("status" in p for p in raised.value.problems)
    assert "maybe" not in str(raised.value) and "Pénicilline" not in str(raised.value)  # names rules, not values
    broken.http.close()

    report = device.engine.sync_once()  # the service's ledger answers the resent mutation once
    assert report.pushed == {"applied": 1}
    assert store.outbox.count_pending() == 0
    assert store.entries.get(entry.id).data["name"] == "Pénicilline"


def test_a_pull_page_of_the_wrong_shape_keeps_the_cursor_and_the_next_pull_brings_everything(lab: Any) -> None:
    person = lab.person()
    writer, reader = lab.device(person), lab.device(person)
    writer.profile.dossier().entries.create("allergy", {"name": "Arachide", "reaction": "Œdème"})
    writer.engine.sync_once()
    reader.engine.sync_once()
    writer.profile.dossier().entries.create("allergy", {"name": "Latex"})
    writer.engine.sync_once()

    store = reader.profile.dossier()
    before = [e.data["name"] for e in store.entries.list("allergy")]
    damaging = DamagingTransport("/v1/sync/pull", _without_version)
    broken = _engine(reader, damaging)
    with pytest.raises(ServiceAnswerInvalid) as raised:
        broken.sync_once()
    assert raised.value.what == "pull"
    assert any(p.endswith("version: missing") for p in raised.value.problems)
    assert [e.data["name"] for e in store.entries.list("allergy")] == before == ["Arachide"]
    broken.http.close()

    reader.engine.sync_once()
    assert sorted(e.data["name"] for e in store.entries.list("allergy")) == ["Arachide", "Latex"]
    assert reader.engine.local_digest(store) == writer.engine.local_digest(writer.profile.dossier())


def test_a_page_that_is_not_json_at_all_is_reported_not_a_crash(lab: Any) -> None:
    device = lab.device(lab.person())
    damaging = DamagingTransport("/v1/sync/pull", b"<html>Portail captif : connectez-vous</html>")
    broken = _engine(device, damaging)
    with pytest.raises(ServiceAnswerInvalid) as raised:
        broken.sync_once()
    assert raised.value.problems == ["body: not JSON"]
    assert raised.value.message("fr").startswith("Le service a envoyé une réponse illisible")
    broken.http.close()
    assert device.engine.sync_once().requests >= 1
