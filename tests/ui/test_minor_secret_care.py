"""Issue 17: a minor's secret care is shown as such to the minor when they come of age; a parent never sees it.

Against the real central service on loopback (its clock moved by hand past the 18th birthday) and its real SMTP
outbox: a professional sends two documents to a child profile, one of them secret; the parent's carnet, every read
route and every notice carry only the other one, before and after the majority; at 18 the insurer's file gives the
young adult their own activation code, and their carnet shows the secret care marked « Soins confidentiels (avant
vos 18 ans) » with why their parents never saw it."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_app import account, vault
from desktop_app.access import access_history
from desktop_app.dossier_store import DocumentInfo
from desktop_app.profile import ProfileDirectory
from desktop_app.secret_care import secret_care
from desktop_app.service_client import ServiceError
from desktop_app.sync.engine import SyncEngine
from desktop_app.sync.http import Backoff
from dossier.documents import Confidentiality
from dossier.identifiers import nir_key
from server.access.models import PatientNotification
from server.dossiers.service import Beneficiary, provision
from server.sync.models import SyncRecord
from tests.support.access import GP, Pros
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import PASSWORD, Flows, Mailbox, bearer
from tests.support.sync_lab import LiveServer

__all__ = ["flows", "live", "mailbox", "server_template", "smtp_server"]

SYNC = {"Carnet-Sync-Protocol": "1"}
SECRET, PLAIN, HELD = "Contraception — consultation", "Rappel vaccin DTP", "Sérologie — résultat"
CHILD_SERIAL = "33345670"


def _child_nir(born: date) -> str:
    """A girl born in Paris in ``born``'s month (the NIR's year and month agree with the identity)."""
    first13 = f"2{born.year % 100:02d}{born.month:02d}75056123"
    return first13 + nir_key(first13)


def _push_document(
    flows: Flows, pro: dict[str, str], dossier_id: uuid.UUID, title: str, *, secret: bool, until: date | None = None
) -> None:
    """A professional's document; `until`: held back from the patient side until the consultation d'annonce."""
    confidentiality: dict[str, Any] = {"hidden_from_legal_representatives": secret}
    if until is not None:
        confidentiality["hidden_from_patient_until"] = until.isoformat()
    values = {
        "title": title,
        "document_date": "2025-11-10",
        "author_kind": "professional",
        "confidentiality": confidentiality,
        "sha256": hashlib.sha256(title.encode()).hexdigest(),
        "size": 1234,
    }
    body = {
        "client_id": str(uuid.uuid4()),
        "stream_id": str(uuid.uuid4()),
        "dossier_id": str(dossier_id),
        "mutations": [
            {
                "mutation_id": str(uuid.uuid4()),
                "client_seq": 1,
                "entity": "document",
                "entity_id": str(uuid.uuid4()),
                "kind": "compte_rendu",
                "op": "create",
                "base_version": 0,
                "changes": {k: [None, v] for k, v in values.items()},
            }
        ],
    }
    r = flows.client.post("/v1/sync/push", headers={**pro, **SYNC}, json=body)
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied", r.text


def _document_notices(mailbox: Mailbox, address: str) -> int:
    """The « nouveau document » notices mailed to ``address`` (its sign-in codes are not counted)."""
    return sum("nouveau document" in str(m["Subject"]) for m in mailbox.to(address))


def _pulled_titles(flows: Flows, headers: dict[str, str], dossier_id: uuid.UUID) -> set[str]:
    body = {"client_id": str(uuid.uuid4()), "dossiers": {str(dossier_id): None}}
    r = flows.client.post("/v1/sync/pull", headers={**headers, **SYNC}, json=body)
    assert r.status_code == 200, r.text
    return {i["values"]["title"] for i in r.json()["dossiers"][0]["items"] if i["type"] == "record"}


def _parent_never_sees_it(flows: Flows, parent: dict[str, str], child_id: uuid.UUID, mailbox: Mailbox) -> None:
    """Every patient-side read route a parent has: the secret document is in none of them."""
    assert _pulled_titles(flows, parent, child_id) == {PLAIN}
    view = flows.client.get(f"/v1/me/shared-dossiers/{child_id}", headers=parent).json()
    assert view["access_reason"] == "legal_representative"
    assert {r["title"] for r in view["records"]} == {PLAIN}
    # The document bodies: the plain one passes the policy (its bytes are not uploaded yet), the secret one never.
    blob = f"/v1/sync/blobs/{child_id}/{{}}"
    plain = flows.client.get(blob.format(hashlib.sha256(PLAIN.encode()).hexdigest()), headers={**parent, **SYNC})
    assert plain.status_code == 404 and plain.json()["code"] == "blob_not_yet_uploaded", plain.text
    hidden = flows.client.get(blob.format(hashlib.sha256(SECRET.encode()).hexdigest()), headers={**parent, **SYNC})
    assert hidden.status_code == 403, hidden.text
    assert all("Contraception" not in m.as_string() for m in mailbox.messages)
    # The child's access history: the doctor's push of the plain document, never those of secret care alone.
    r = flows.client.get("/v1/me/access/history", headers=parent, params={"dossier_id": str(child_id)})
    assert r.status_code == 200, r.text
    assert [i["action"] for i in r.json()["items"] if i["actor_kind"] == "professional"] == ["sync.push"]


@pytest.fixture
def parent_side(live: LiveServer, flows: Flows, mailbox: Mailbox) -> dict[str, Any]:
    """A parent who took charge of a child profile ten days before the child's 18th birthday, and a doctor."""
    assert live.ctx is not None
    today = live.ctx.now().date()
    birthday = today + timedelta(days=10)
    born = date(birthday.year - 18, birthday.month, min(birthday.day, 28))
    parent, nir = flows.active_person(), _child_nir(born)
    with live.ctx.sessions() as session:
        provision(session, live.ctx, [Beneficiary(nir, CHILD_SERIAL, "Martin", "Léa", born, parent.email)])
        session.commit()
    code = mailbox.last_activation_code(parent.email)
    headers = bearer(flows.login(parent))
    proof = {"activation_code": code, "nir": nir, "carte_vitale_serial": CHILD_SERIAL}
    r = flows.client.post("/v1/me/children", headers=headers, json=proof)
    assert r.status_code == 201, r.text
    pro = Pros(flows.client, live.ctx, mailbox).sign_in(GP, "medecin_generaliste", "Durand")  # type: ignore[arg-type]
    child_id = uuid.UUID(r.json()["dossier_id"])
    return {"parent": parent, "headers": headers, "child_id": child_id, "pro": pro, "nir": nir}


def test_a_minors_secret_care_never_reaches_a_parent_and_is_marked_for_the_young_adult(
    qtbot: Any, live: LiveServer, flows: Flows, mailbox: Mailbox, parent_side: dict[str, Any], tmp_path: Path
) -> None:
    assert live.ctx is not None
    parent, headers, child_id, pro, nir = (parent_side[k] for k in ("parent", "headers", "child_id", "pro", "nir"))
    mailbox.clear()
    _push_document(flows, pro, child_id, PLAIN, secret=False)
    assert _document_notices(mailbox, parent.email) == 1  # the plain document is announced to the parent
    _push_document(flows, pro, child_id, SECRET, secret=True)
    assert _document_notices(mailbox, parent.email) == 1  # the secret one to nobody (the minor has no account yet)
    # A secret result held back until the consultation d'annonce, three days later (released by the first pull then).
    _push_document(flows, pro, child_id, HELD, secret=True, until=live.ctx.now().date() + timedelta(days=3))
    with live.ctx.sessions() as session:
        notes = session.scalars(select(PatientNotification).where(PatientNotification.dossier_id == child_id)).all()
    assert [n.event for n in notes] == ["document_added_by_professional"]  # no row the parents read says it
    _parent_never_sees_it(flows, headers, child_id, mailbox)

    # The parent's carnet syncs the child profile: the secret document never reaches it.
    parents = ProfileDirectory(tmp_path / "parent", kdf=vault.FLOOR_KDF)
    ticket = account.start_login(live.url, parent.identifier, PASSWORD)
    parent_carnet, _key = account.confirm_login(ticket, mailbox.last_otp(parent.email), directory=parents)
    engine = SyncEngine(parent_carnet, backoff=Backoff(base=0.01, cap=0.05, attempts=2))
    for _ in range(3):
        engine.sync_once()
    assert str(child_id) in parent_carnet.dossier_ids()
    assert [d.title for d in parent_carnet.dossier(str(child_id)).documents.list()] == [PLAIN]

    # Before the 18th birthday the insurer's file gives no code; the child profile cannot be taken over.
    with live.ctx.sessions() as session:
        beneficiary = Beneficiary(nir, CHILD_SERIAL, "Martin", "Léa", date(2000, 1, 1), "lea.martin@example.org")
        assert provision(session, live.ctx, [beneficiary]).came_of_age == 0
        session.commit()
    assert mailbox.to("lea.martin@example.org") == []

    # Eleven days later Léa is 18: the parent still never gets the secret care (their access is otherwise as it was).
    live.ctx.clock.advance(timedelta(days=11))  # type: ignore[attr-defined]
    headers = bearer(flows.login(parent))
    _parent_never_sees_it(flows, headers, child_id, mailbox)  # its pull released the held-back result…
    with live.ctx.sessions() as session:
        released = session.scalars(select(SyncRecord).where(SyncRecord.dossier_id == child_id)).all()
    assert [r.visible_from for r in released] == [None, None, None]
    assert _document_notices(mailbox, parent.email) == 1  # …and told the parent nothing
    with live.ctx.sessions() as session:
        notes = session.scalars(select(PatientNotification).where(PatientNotification.dossier_id == child_id)).all()
    assert len(notes) == 1
    engine.sync_once()
    assert [d.title for d in parent_carnet.dossier(str(child_id)).documents.list()] == [PLAIN]
    parent_carnet.lock()

    # The insurer's file now names her with her own address: a new activation code, mailed to her, not the parent.
    mailbox.clear()
    with live.ctx.sessions() as session:
        report = provision(session, live.ctx, [beneficiary])
        session.commit()
    assert (report.came_of_age, report.created) == (1, 0)
    assert mailbox.to(parent.email) == []
    code = mailbox.last_activation_code("lea.martin@example.org")
    assert "18 ans" in mailbox.last_body("lea.martin@example.org")
    with live.ctx.sessions() as session:  # once per code: the same file again mails nothing
        assert provision(session, live.ctx, [beneficiary]).came_of_age == 0
        session.commit()
    with pytest.raises(ServiceError):  # a wrong serial is refused like any activation
        account.check_activation(live.url, code, nir, "99999999")

    # She activates her space from her own carnet: everything is there, the secret care marked as such.
    hers = ProfileDirectory(tmp_path / "lea", kdf=vault.FLOOR_KDF)
    ticket = account.start_activation(live.url, code, nir, CHILD_SERIAL, "lea.martin08", PASSWORD)
    carnet, _key = account.confirm_activation(ticket, mailbox.last_otp("lea.martin@example.org"), directory=hers)
    engine = SyncEngine(carnet, backoff=Backoff(base=0.01, cap=0.05, attempts=2))
    for _ in range(3):
        engine.sync_once()
    store = carnet.dossier(str(child_id))
    # Her own access history shows the doctor's three sends, worded as any other « envoi ».
    sends = access_history(carnet, actor_kinds=("professional",)).items
    assert [e.action for e in sends] == ["sync.push"] * 3
    docs = {d.title: d for d in store.documents.list()}
    assert set(docs) == {PLAIN, SECRET, HELD}
    assert docs[SECRET].confidentiality.hidden_from_legal_representatives

    from ui.documents.view import DocumentsPage
    from ui.i18n import LanguageManager

    page = DocumentsPage()
    qtbot.addWidget(page)
    page.set_store(store)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and page._born is not None, timeout=20_000)
    header = page.model.headerData
    columns = range(page.model.columnCount())
    column = next(c for c in columns if header(c, Qt.Orientation.Horizontal) == "Confidentialité")
    rows = {page.model.row_object(r).title: r for r in range(3)}
    assert page.model.index(rows[SECRET], column).data() == "Soins confidentiels (avant vos 18 ans)"
    assert page.model.index(rows[HELD], column).data() == "Soins confidentiels (avant vos 18 ans)"
    assert page.model.index(rows[PLAIN], column).data() == "Visible"
    page.select_row(rows[SECRET])
    assert not page.secret_note.isHidden() and "ne les ont jamais vus" in page.secret_note.text()
    page.select_row(rows[PLAIN])
    assert page.secret_note.isHidden()
    LanguageManager().set_language("en")
    try:
        page.refresh()
        assert page.model.index(rows[SECRET], column).data() == "Confidential care (before you were 18)"
    finally:
        LanguageManager().set_language("fr")
    carnet.lock()


def _doc(confidentiality: Confidentiality, day: date) -> DocumentInfo:
    at = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return DocumentInfo("d", "t", "compte_rendu", day, "professional", "pdf", "application/pdf", 1, "0" * 64,
                        confidentiality, at, at)  # fmt: skip


def test_the_marking_follows_the_birth_date_and_the_date_of_the_care() -> None:
    secret = Confidentiality(hidden_from_legal_representatives=True)
    born = date(2008, 2, 29)  # comes of age on 1 March 2026
    before = _doc(secret, date(2025, 11, 10))
    assert secret_care(_doc(Confidentiality(), date(2025, 11, 10)), born=born, today=date(2026, 6, 1)) is None
    care = secret_care(before, born=born, today=date(2026, 3, 1), lang="fr")
    assert care is not None and care.label == "Soins confidentiels (avant vos 18 ans)"
    assert "01/03/2026" in care.explanation and "ne les verront jamais" in care.explanation
    # The day before the birthday she is still a minor: the care is hers, hidden from her parents.
    english = secret_care(before, born=born, today=date(2026, 3, 1), lang="en")
    assert english is not None and "(you turned 18 on 2026-03-01)" in english.explanation
    young = secret_care(before, born=born, today=date(2026, 2, 28), lang="en")
    assert young is not None and young.label == "Confidential care (hidden from your parents)"
    # Marked after the majority: not said to be from before 18 (the window never says what is not so).
    later = secret_care(_doc(secret, date(2026, 4, 1)), born=born, today=date(2026, 6, 1), lang="fr")
    assert later is not None and "avant vos 18 ans" not in later.label
    # Without a full birth date, secret care can only have been a minor's.
    unknown = secret_care(before, born=None, today=date(2026, 6, 1), lang="en")
    assert unknown is not None and unknown.label == "Confidential care (before you were 18)"
