"""« Préparer la journée » against the real service on loopback: only the chosen dossiers, documents by policy."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop_app.clinic import ClinicInputError, ClinicSession, DocumentPolicy
from desktop_app.sync.http import Backoff, SyncCancelled
from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.service import Flows, Mailbox
from tests.support.sync_lab import ANNE, Device, Lab, LiveServer

RECENT_PDF = b"%PDF-1.4\n" + hashlib.sha256(b"recent").digest() * 64 + b"\n%%EOF\n"
OLD_PDF = b"%PDF-1.4\n" + hashlib.sha256(b"old").digest() * 64 + b"\n%%EOF\n"


@pytest.fixture
def lab(live: LiveServer, flows: Flows, mailbox: Mailbox, tmp_path: Path) -> Iterator[Lab]:
    with httpx.Client(base_url=live.url, timeout=30, headers={"Carnet-Sync-Protocol": "1"}) as api:
        yield Lab(live, flows, mailbox, tmp_path, api)


def _patient(lab: Lab, last_name: str) -> Device:
    device = lab.device(lab.flows.activate(lab.flows.provision(last_name=last_name)))
    lab.grant(device, ANNE)
    return device


def _session(lab: Lab, pro: dict[str, Any]) -> ClinicSession:
    """The workstation's clock is the service's (a test clock): « the last 12 months » are counted from it."""
    clock = lab.live.settings.clock
    assert clock is not None
    return ClinicSession(lab.pro_device(pro).profile, backoff=Backoff(base=0.01, cap=0.05, attempts=2), clock=clock.now)


def _on_disk(session: ClinicSession) -> list[str]:
    return sorted(p.stem for p in (session.profile.path / "dossiers").glob("*.db"))


def _downloads_pending(session: ClinicSession, dossier_id: str) -> int:
    return next(
        int(d["downloads_pending"]) for d in session.engine.status()["dossiers"] if d["dossier_id"] == dossier_id
    )


def test_only_the_chosen_dossiers_are_cached_and_a_new_day_drops_the_others(lab: Lab) -> None:
    anne = lab.professional(ANNE)
    martin, bernard = _patient(lab, "Martin"), _patient(lab, "Bernard")
    m, b = str(martin.profile.settings["own_dossier_id"]), str(bernard.profile.settings["own_dossier_id"])
    session = _session(lab, anne)
    assert {p.dossier_id for p in session.search()} == {m, b}  # both may be opened...

    assert session.prepare_day([m], documents=DocumentPolicy.ALL) == [m]  # ...only the chosen one is cached
    assert _on_disk(session) == [m] and set(session.offline_until()) == {m}
    session.sync()  # later syncs (the background timer) adopt nothing else
    assert session.profile.dossier_ids() == [m] and _on_disk(session) == [m]

    # Bad input: a clear error, and the day already prepared is untouched.
    with pytest.raises(ClinicInputError, match="Unknown dossier"):
        session.prepare_day([b, "pas-un-dossier"], documents=DocumentPolicy.ALL)
    assert session.profile.dossier_ids() == [m] and session.day() == ([m], DocumentPolicy.ALL)

    # The next day: Bernard only. Martin's copy is crypto-shredded, unless it still holds unsent work.
    martin_store = session.profile.dossier(m)
    martin_store.entries.create("vaccination", {"vaccine": "DTPolio", "date": "2024-02-14"}, author_kind="professional")
    assert session.prepare_day([b], documents=DocumentPolicy.ALL) == [m, b]  # kept: its change was only now sent
    assert session.prepare_day([b], documents=DocumentPolicy.ALL) == [b]
    assert _on_disk(session) == [b] and set(session.offline_until()) == {b}
    assert session.prepare_day([], documents=DocumentPolicy.NONE) == [] and _on_disk(session) == []
    session.logout()


def test_the_document_policy_decides_which_contents_are_kept_offline(lab: Lab) -> None:
    anne = lab.professional(ANNE)
    patient = _patient(lab, "Martin")
    dossier = patient.profile.dossier()
    today = lab.live.settings.clock.now().date()  # type: ignore[union-attr]
    recent = dossier.documents.add(
        RECENT_PDF, title="Compte rendu récent", category="imagerie", document_date=today - timedelta(30)
    )
    old = dossier.documents.add(OLD_PDF, title="Ancienne radio", category="imagerie", document_date=date(2015, 3, 1))
    patient.engine.sync_once()
    d = dossier.dossier_id
    session = _session(lab, anne)

    session.prepare_day([d], documents=DocumentPolicy.NONE)
    titles = sorted(doc.title for doc in session.profile.dossier(d).documents.list())
    assert titles == ["Ancienne radio", "Compte rendu récent"]  # titles always, contents not
    assert _downloads_pending(session, d) == 2

    session.prepare_day([d], documents=DocumentPolicy.RECENT)
    assert _downloads_pending(session, d) == 1
    assert session.profile.dossier(d).documents.read(recent.id) == RECENT_PDF

    session.prepare_day([d], documents=DocumentPolicy.ALL)
    assert _downloads_pending(session, d) == 0
    assert session.profile.dossier(d).documents.read(old.id) == OLD_PDF
    session.logout()


def test_a_cancelled_preparation_keeps_what_was_fetched_and_resumes(lab: Lab) -> None:
    anne = lab.professional(ANNE)
    patient = _patient(lab, "Martin")
    patient.profile.dossier().documents.add(RECENT_PDF, title="Lettre", category="compte_rendu")
    patient.engine.sync_once()
    d = str(patient.profile.settings["own_dossier_id"])
    session = _session(lab, anne)
    seen: list[Any] = []

    def interrupt(progress: Any) -> None:  # the professional clicks « Interrompre » once the pull has begun
        if not seen:
            session.cancel()
        seen.append(progress)

    session.engine.on_progress(interrupt)
    with pytest.raises(SyncCancelled):
        session.prepare_day([d], documents=DocumentPolicy.ALL)
    assert seen and session.profile.dossier_ids() == [d]  # the records already fetched stay
    assert _downloads_pending(session, d) == 1  # the document's content was not fetched
    with pytest.raises(SyncCancelled):  # still cancelled until resumed: a queued sync does not undo the click
        session.sync()
    session.resume()
    assert session.prepare_day([d], documents=DocumentPolicy.ALL) == [d]
    assert _downloads_pending(session, d) == 0
    session.logout()
