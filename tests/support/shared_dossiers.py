"""Set-ups of the shared-dossier tests (tests/ui/test_shared_dossiers.py): another person with records on the service,
and their naming of an aidant, through the service's own routes."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.support.access import add_record
from tests.support.service import Flows, Person
from tests.support.sync_lab import LiveServer

AIDANT_UNTIL = datetime(2030, 6, 30, 12, tzinfo=UTC)


def someone_with(flows: Flows, live: LiveServer, name: tuple[str, str], records: list[tuple[str, str, str]]) -> Person:
    """Another person with an account, whose dossier on the service holds ``records`` (entity, kind, title)."""
    person = flows.activate(flows.provision(first_names=name[0], last_name=name[1]))
    assert live.ctx is not None and person.dossier_id is not None
    for version, (entity, kind, title) in enumerate(records, start=1):
        add_record(live.ctx, person.dossier_id, entity=entity, kind=kind, title=title, version=version)
    return person


def name_aidant(flows: Flows, headers: dict[str, str], identifier: str) -> None:
    """The person (``headers``) names the account ``identifier`` their proche aidant until AIDANT_UNTIL."""
    r = flows.client.post(
        "/v1/me/access/aidants", headers=headers, json={"identifier": identifier, "ends_at": AIDANT_UNTIL.isoformat()}
    )
    assert r.status_code == 200, r.text
