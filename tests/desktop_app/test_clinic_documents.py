"""A document opened at the clinic workstation (desktop_app.clinic_documents), against the real service on loopback
through the fault-injecting proxy, with real SQLCipher profiles: where its bytes come from, and what is refused."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import delete

from desktop_app import schema
from desktop_app.clinic import ClinicSession, DocumentPolicy
from desktop_app.clinic_documents import DocumentNotOffline, DocumentNotYetOnService, local_copy, open_document
from desktop_app.dossier_store import CHUNK_SIZE
from desktop_app.sync.engine import S_URL
from desktop_app.sync.http import Backoff, ServiceRefused
from dossier.documents import Confidentiality
from server.sync.blobs import blob_path
from tests.support.faultproxy import FaultProxy
from tests.support.service_fixtures import backend as backend
from tests.support.service_fixtures import db_url as db_url
from tests.support.service_fixtures import mailbox as mailbox
from tests.support.service_fixtures import smtp_server as smtp_server
from tests.support.service_fixtures import template_db as template_db
from tests.support.sync_lab import ANNE, Device, Lab
from tests.support.sync_lab_fixtures import api as api
from tests.support.sync_lab_fixtures import flows as flows
from tests.support.sync_lab_fixtures import lab as lab
from tests.support.sync_lab_fixtures import live as live
from tests.support.sync_lab_fixtures import server_clock as server_clock

# Bytes only (the engine never parses them); over one storage chunk, so a copy can be cut short.
PDF = b"%PDF-1.4\n% compte rendu\n" + bytes(range(256)) * (CHUNK_SIZE // 256 + 3) + b"\n%%EOF\n"


class Station:
    """Anne's clinic session behind a proxy whose cable the test pulls; Martin's device with one PDF, synced."""

    def __init__(self, lab: Lab) -> None:
        anne = lab.professional(ANNE)
        self.patient: Device = lab.device(lab.person())
        lab.grant(self.patient, ANNE)
        self.document_id = self.patient.profile.dossier().documents.add(PDF, title="CR", category="compte_rendu").id
        self.patient.engine.sync_once()
        self.dossier_id = str(self.patient.profile.settings["own_dossier_id"])
        device = lab.pro_device(anne)
        assert lab.live.port
        self.proxy = FaultProxy(lab.live.port)
        device.profile.set_setting(S_URL, self.proxy.url)
        self.session = ClinicSession(device.profile, backoff=Backoff(base=0.01, cap=0.05, attempts=2))

    def cable(self, *, plugged: bool) -> None:
        self.proxy.faults.reset_probability = 0.0 if plugged else 1.0

    def open(self) -> Any:
        store = self.session.engine.require_open(self.dossier_id)
        return open_document(self.session.http, store, self.document_id)


@pytest.fixture
def station(lab: Lab) -> Iterator[Station]:
    made = Station(lab)
    yield made
    made.session.logout()
    made.proxy.close()


def test_online_from_the_service_offline_from_the_copy_and_a_copy_cut_short_is_never_shown(station: Station) -> None:
    station.session.prepare_day([station.dossier_id], documents=DocumentPolicy.ALL)
    online = station.open()
    assert (online.online, online.content, online.info.title) == (True, PDF, "CR")
    assert str(len(PDF)) in repr(online) and "%PDF" not in repr(online)  # the bytes never reach a log line

    station.cable(plugged=False)
    offline = station.open()
    assert (offline.online, offline.content) == (False, PDF)

    # The copy loses its last chunk (a download cut midway): offline, a clear message instead of half a document.
    store = station.session.engine.require_open(station.dossier_id)
    chunks = schema.document_chunks.c
    with store.transaction() as conn:
        conn.execute(delete(schema.document_chunks).where(chunks.document_id == station.document_id, chunks.idx == 1))
    assert local_copy(store, store.documents.get(station.document_id)) is None
    with pytest.raises(DocumentNotOffline) as refused:
        station.open()
    assert refused.value.message("fr").startswith("Ce document n'est pas disponible hors ligne sur ce poste")
    assert refused.value.message("en").startswith("This document is not available offline on this workstation")

    station.cable(plugged=True)  # back online: the service has it, whole
    assert station.open().content == PDF


def test_a_document_the_patient_masked_since_the_morning_is_refused_online_even_with_a_copy_here(
    station: Station,
) -> None:
    station.session.prepare_day([station.dossier_id], documents=DocumentPolicy.ALL)
    store = station.session.engine.require_open(station.dossier_id)
    assert local_copy(store, store.documents.get(station.document_id)) == PDF  # kept this morning

    station.patient.profile.dossier().documents.set_confidentiality(
        station.document_id, Confidentiality(masked_from_professionals=True)
    )
    station.patient.engine.sync_once()
    with pytest.raises(ServiceRefused) as refused:  # the service's word is final: the copy is not shown instead
        station.open()
    assert refused.value.status == 403 and refused.value.message("fr") == "Accès refusé à ce document."


def test_bytes_the_service_does_not_have_yet_come_from_the_copy_or_are_said_to_be_on_their_way(
    station: Station, lab: Lab
) -> None:
    station.session.prepare_day([station.dossier_id], documents=DocumentPolicy.NONE)  # titles only on this PC
    store = station.session.engine.require_open(station.dossier_id)
    info = store.documents.get(station.document_id)
    # The body leaves the service's store (as if the author's upload had not arrived yet): it answers 404.
    blob = blob_path(lab.live.settings.data_dir, uuid.UUID(station.dossier_id), info.sha256)
    moved = blob.with_name("aside")
    blob.rename(moved)
    with pytest.raises(DocumentNotYetOnService) as waiting:
        station.open()
    assert "pas encore arrivé sur le service" in waiting.value.message("fr")

    # With a whole copy on this PC, that copy is shown, said to come from here and not from the service.
    station.session.prepare_day([station.dossier_id], documents=DocumentPolicy.ALL)
    assert local_copy(store, info) is None  # the service could not send it either: still nothing here
    moved.rename(blob)
    station.session.sync()
    assert local_copy(store, info) == PDF
    blob.rename(moved)
    opened = station.open()
    assert (opened.online, opened.reached, opened.content) == (False, True, PDF)
