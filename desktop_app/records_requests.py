"""Mes demandes de dossier: requests for one's medical records kept as `records_request` entries (so they sync),
with the legal deadlines and status computed by dossier.right_of_access, and the request letter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop_app.dossier_store import DocumentInfo, DossierStore, Entry
from desktop_app.errors import CarnetError
from desktop_app.exports.request_letter import Requester, build_request_letter
from dossier.dates import PartialDate
from dossier.right_of_access import Deadlines, RequestStatus, compute_deadlines, request_status

KIND = "records_request"


@dataclass(frozen=True, slots=True)
class TrackedRequest:
    """A request with its deadlines and where it stands now."""

    entry: Entry
    deadlines: Deadlines
    status: RequestStatus

    def as_dict(self) -> dict[str, Any]:
        d = self.deadlines
        return {
            "id": self.entry.id,
            **self.entry.data,
            "status": self.status.value,
            "counted_from": d.counted_from.isoformat(),
            "estimated": d.estimated,
            "earliest": d.earliest.isoformat(timespec="minutes"),
            "latest": d.latest.isoformat(),
            "long_deadline": d.long_deadline,
            "moved_from": d.moved_from.isoformat() if d.moved_from else None,
            "rule_fr": d.rule_fr(),
            "rule_en": d.rule_en(),
        }


def first_day(value: object) -> date | None:
    """A stored partial date as its first day ("2019-03" → 1 March 2019); None when absent."""
    if not value:
        return None
    partial = PartialDate.parse(str(value))
    return date(partial.year, partial.month or 1, partial.day or 1)


def track(entry: Entry, *, now: datetime) -> TrackedRequest:
    """The deadlines and status of one request entry on `now` (local time)."""
    data = entry.data
    sent_on = first_day(data.get("sent_on"))
    assert sent_on is not None  # a required field of the kind
    deadlines = compute_deadlines(
        sent_on=sent_on,
        received=first_day(data.get("received_on")),
        oldest_information=first_day(data.get("oldest_information")),
    )
    return TrackedRequest(
        entry, deadlines, request_status(deadlines, now=now, answered_on=first_day(data.get("answered_on")))
    )


def list_requests(store: DossierStore, *, now: datetime) -> list[TrackedRequest]:
    """Every request, the open ones first (late, then by deadline), then the answered ones."""
    entries: list[Entry] = []
    offset = 0
    while batch := store.entries.list(KIND, offset=offset, limit=500):
        entries += batch
        offset += len(batch)
    tracked = [track(e, now=now) for e in entries]
    order = {RequestStatus.LATE: 0, RequestStatus.REFLECTION: 1, RequestStatus.WAITING: 1, RequestStatus.ANSWERED: 2}
    return sorted(tracked, key=lambda t: (order[t.status], t.deadlines.latest))


def add_request(store: DossierStore, fields: Mapping[str, object]) -> Entry:
    """Record a new request (validated like every entry: a clear message per wrong field, nothing written)."""
    return store.entries.create(KIND, fields)


def close_request(store: DossierStore, entry_id: str, *, answered_on: date) -> Entry:
    """The records arrived: the request is answered (closed)."""
    _entry(store, entry_id)
    return store.entries.edit(entry_id, {"answered_on": answered_on.isoformat()})


def file_records(
    store: DossierStore,
    entry_id: str,
    content: bytes,
    *,
    filename: str,
    category: str = "compte_rendu",
    received_on: date,
) -> DocumentInfo:
    """The records arrived: file them into Documents (titled after the request) and close the request.

    The document is checked and stored first; the request is closed only once it is there, so a refused file
    (too large, unknown category) leaves the request open and nothing half-done.
    """
    request = _entry(store, entry_id)
    title = f"Dossier reçu de {request.data['recipient']}"[:200]
    document = store.documents.add(
        content, title=title, category=category, document_date=received_on, filename=filename
    )
    store.entries.edit(entry_id, {"answered_on": received_on.isoformat()})
    return document


def _entry(store: DossierStore, entry_id: str) -> Entry:
    entry = store.entries.get(entry_id)
    if entry.kind != KIND:
        raise CarnetError("Cet élément n'est pas une demande de dossier.", "This item is not a records request.")
    return entry


def letter(store: DossierStore, entry_id: str, *, written_on: date, generated_at: datetime) -> bytes:
    """The request letter (PDF bytes, in memory) for one request, signed with the dossier's identity."""
    request = _entry(store, entry_id)
    identity = store.entries.list("identity", limit=1)
    if not identity:
        raise CarnetError(
            "Renseignez d'abord votre identité (nom, prénoms, date de naissance) : la lettre doit permettre de "
            "vous identifier.",
            "Fill in your identity first (names, birth date): the letter must identify you.",
        )
    doctor = identity[0].data.get("gp_name")
    return build_request_letter(
        Requester.from_identity(identity[0].data),
        request.data,
        written_on=written_on,
        generated_at=generated_at,
        doctor=str(doctor) if doctor else None,
    )
