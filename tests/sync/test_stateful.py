"""Hypothesis stateful test: three clients, edits, documents, messages, faults, partitions, restarts, grant and revoke.

After healing and syncing to quiescence: every client equals the server for each dossier it may see — entries,
documents, and the messagerie's conversations (messages in the service's order, read marks, closing) —, the open
conflicts are the same everywhere, every mutation ended in exactly one terminal state (one ledger row each), no
message is stored twice, and no revoked dossier remains on disk.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from sqlalchemy import func, select

from desktop_app import messages, schema
from desktop_app.sync.engine import S_URL, TERMINAL
from desktop_app.sync.http import Backoff, SyncOffline
from server.messages.models import Message as StoredMessage
from server.sync.models import SyncLedger
from tests.support.faultproxy import FaultProxy, Faults
from tests.support.sync_lab import RPPS, Device, Lab, make_engine

DEAD = "http://127.0.0.1:9"


def _vaccinations(device: Device, dossier_id: str) -> dict[str, dict[str, Any]]:
    store = device.profile.dossier(dossier_id)
    return {e.id: e.data for e in store.entries.list("vaccination", limit=10_000)}


def _threads(device: Device, dossier_id: str) -> dict[str, Any]:
    """Every conversation of the dossier as this device holds it: its state and its messages in order."""
    if dossier_id not in device.profile.dossier_ids():
        return {}
    found, _ = messages.conversations(device.profile, dossier_id=dossier_id, limit=1000)
    return {
        c.id: (
            c.closed,
            c.last_seq,
            c.read_seq,
            [(m.id, m.seq, m.text) for m in messages.thread(device.profile, c.id)[1]],
        )
        for c in found
    }


def _open_conflicts(device: Device) -> set[str]:
    return {c.id for c in device.engine.conflicts()}


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_clients_converge_whatever_happens(lab: Lab) -> None:
    pro = lab.professional()
    flaky = FaultProxy(lab.live.port, Faults(reset_probability=0.08, seed=3))

    class Sync(RuleBasedStateMachine):
        @initialize()
        def setup(self) -> None:
            self.person = lab.person()
            self.dossier_id = str(self.person.dossier_id)
            self.a, self.b = lab.device(self.person), lab.device(self.person)
            self.clinic = lab.pro_device(pro)
            self.granted = False
            self.urls = {self.a.name: lab.live.url, self.b.name: lab.live.url, self.clinic.name: lab.live.url}
            # a conversation the professional started (online: writing needs no authorisation to read the dossier)
            self.conversation, _ = messages.start(
                self.clinic.profile, self.dossier_id, "Suivi", "Bonjour, comment allez-vous ?"
            )
            for device in self._patients():
                device.engine.sync_once()  # each copy holds it: what follows writes into it offline or not

        def _patients(self) -> list[Device]:
            return [self.a, self.b]

        def _device(self, n: int) -> Device:
            return [self.a, self.b, self.clinic][n % 3]

        def _route(self, device: Device, url: str) -> None:
            self.urls[device.name] = url
            device.profile.set_setting(S_URL, url)
            device.engine.http.close()
            device.engine = make_engine(device.profile, backoff=Backoff(base=0.001, cap=0.01, attempts=2))

        @rule(n=st.integers(0, 1), vaccine=st.sampled_from(["DTP", "ROR", "BCG", "Grippe"]))
        def create(self, n: int, vaccine: str) -> None:
            self._patients()[n].profile.dossier().entries.create(
                "vaccination", {"vaccine": vaccine, "date": "2020-02-03"}
            )

        @rule(n=st.integers(0, 1), pick=st.integers(0, 50), lot=st.sampled_from(["L1", "L2", "L3"]))
        def edit(self, n: int, pick: int, lot: str) -> None:
            store = self._patients()[n].profile.dossier()
            found = store.entries.list("vaccination")
            if found:
                store.entries.edit(found[pick % len(found)].id, {"lot": lot})

        @rule(n=st.integers(0, 1), pick=st.integers(0, 50))
        def delete(self, n: int, pick: int) -> None:
            store = self._patients()[n].profile.dossier()
            found = store.entries.list("vaccination")
            if found:
                store.entries.delete(found[pick % len(found)].id)

        @rule(n=st.integers(0, 1), size=st.integers(10, 3000))
        def add_document(self, n: int, size: int) -> None:
            body = b"%PDF-1.4\n" + uuid.uuid4().bytes * (size // 16 + 1)
            self._patients()[n].profile.dossier().documents.add(body, title="Compte rendu", category="compte_rendu")

        @rule(n=st.integers(0, 1), text=st.sampled_from(["Merci", "D'accord", "Jeudi ?"]))
        def reply(self, n: int, text: str) -> None:
            """A patient's reply, into the outbox when the conversation is in this device's copy (else skipped)."""
            with contextlib.suppress(LookupError, messages.ConversationClosed):
                if any(c.id == self.conversation for c in messages.conversations(self._patients()[n].profile)[0]):
                    messages.reply(self._patients()[n].profile, self.conversation, text)

        @rule(n=st.integers(0, 1))
        def read(self, n: int) -> None:
            profile = self._patients()[n].profile
            if any(c.id == self.conversation for c in messages.conversations(profile)[0]):
                messages.thread(profile, self.conversation, mark_as_read=True)

        @rule(n=st.integers(0, 1), go=st.integers(0, 5))
        def close(self, n: int, go: int) -> None:
            profile = self._patients()[n].profile
            if go == 0 and any(c.id == self.conversation for c in messages.conversations(profile)[0]):
                messages.close(profile, self.conversation)  # rarely: replies after it are refused, never lost

        @rule(text=st.sampled_from(["Pensez au bilan", "Résultats normaux"]))
        def pro_writes(self, text: str) -> None:
            """The professional's reply from the day's copy (its outbox), when the copy holds the conversation."""
            profile = self.clinic.profile
            if self.dossier_id in profile.dossier_ids() and self.conversation in _threads(self.clinic, self.dossier_id):
                with contextlib.suppress(messages.ConversationClosed):
                    messages.reply(profile, self.conversation, text)

        @rule(n=st.integers(0, 2))
        def sync(self, n: int) -> None:
            with contextlib.suppress(SyncOffline):
                self._device(n).engine.sync_once()

        @rule(n=st.integers(0, 2), how=st.sampled_from(["partition", "flaky", "heal"]))
        def network(self, n: int, how: str) -> None:
            url = {"partition": DEAD, "flaky": flaky.url, "heal": lab.live.url}[how]
            self._route(self._device(n), url)

        @rule(n=st.integers(0, 2))
        def restart(self, n: int) -> None:
            self._device(n).reopen()

        @rule(grant=st.booleans())
        def access(self, grant: bool) -> None:
            lab.grant(self.a, RPPS, revoke=not grant)
            self.granted = grant

        @invariant()
        def nothing_pending_is_lost(self) -> None:
            for device in self._patients():
                store = device.profile.dossier()
                with store.reading() as conn:
                    states = {r.state for r in conn.execute(select(schema.outbox.c.state))}
                assert states <= {"pending", *TERMINAL}

        def teardown(self) -> None:
            devices = [self.a, self.b, self.clinic]
            for device in devices:
                self._route(device, lab.live.url)
            for _ in range(3):
                for device in devices:
                    device.engine.sync_once()
            fresh = lab.device(self.person)
            fresh.engine.sync_once()
            truth = _vaccinations(fresh, self.dossier_id)
            said = _threads(fresh, self.dossier_id)
            assert said  # the professional's conversation reached every device of the patient
            ids = [m for _closed, _last, _read, thread in said.values() for m, _seq, _text in thread]
            assert lab.live.ctx is not None
            with lab.live.ctx.sessions() as session:
                stored = session.scalar(
                    select(func.count())
                    .select_from(StoredMessage)
                    .where(StoredMessage.conversation_id.in_([uuid.UUID(c) for c in said]))
                )
            assert len(ids) == len(set(ids)) == stored  # every message once, none lost, none doubled
            for device in self._patients():
                assert _vaccinations(device, self.dossier_id) == truth
                assert _threads(device, self.dossier_id) == said
                assert _open_conflicts(device) == _open_conflicts(fresh)
                store = device.profile.dossier()
                assert store.outbox.count_pending() == 0
                docs = {d.id: store.documents.read(d.id) for d in store.documents.list(limit=1000)}
                fresh_store = fresh.profile.dossier()
                assert docs == {d.id: fresh_store.documents.read(d.id) for d in fresh_store.documents.list(limit=1000)}
                with store.reading() as conn:
                    acked = [r.mutation_id for r in conn.execute(select(schema.outbox.c.mutation_id))]
                assert lab.live.ctx is not None
                with lab.live.ctx.sessions() as session:
                    for start in range(0, len(acked), 500):
                        part = [uuid.UUID(m) for m in acked[start : start + 500]]
                        count = session.scalar(
                            select(func.count()).select_from(SyncLedger).where(SyncLedger.mutation_id.in_(part))
                        )
                        assert count == len(part)  # exactly one ledger row (one terminal result) per mutation
            if self.granted:
                assert _vaccinations(self.clinic, self.dossier_id) == truth
                pro_side = _threads(self.clinic, self.dossier_id)
                assert {c: (closed, last, t) for c, (closed, last, _r, t) in pro_side.items()} == {
                    c: (closed, last, t) for c, (closed, last, _r, t) in said.items()
                }
            else:
                assert self.dossier_id not in self.clinic.profile.dossier_ids()
                assert not (self.clinic.profile.path / "dossiers" / f"{self.dossier_id}.db").exists()
            for device in (*devices, fresh):
                device.engine.http.close()
                device.profile.lock()
            lab.grant(self.a, RPPS, revoke=True)

    try:
        run_state_machine_as_test(
            Sync,
            settings=settings(
                max_examples=int(os.environ.get("CARNET_STATEFUL_EXAMPLES", "6")),
                stateful_step_count=14,
                deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
            ),
        )
    finally:
        flaky.close()
