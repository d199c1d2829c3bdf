"""Build FHIR R4 Bundles from a dossier: the IPS document Bundle and the whole-dossier collection Bundle."""

from __future__ import annotations

import base64
import html
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Protocol

from dossier.errors import DossierValidationError
from dossier.fhir import codes as c
from dossier.fhir import kinds as k
from dossier.fhir import provenance as p
from dossier.fhir.model import EntryLike

# Deterministic ids: the same dossier exported twice gives the same Patient/Composition ids (idempotent re-import).
_NAMESPACE = uuid.UUID("6f1d2a6e-3b8e-4c1e-9a59-2f3d4c5b6a70")

KIND_SECTION: dict[str, tuple[str, str]] = {
    "treatment": c.SECTION_MEDICATIONS,
    "allergy": c.SECTION_ALLERGIES,
    "condition": c.SECTION_PROBLEMS,
    "vaccination": c.SECTION_IMMUNIZATIONS,
    "measurement": c.SECTION_VITALS,
    "blood_group": c.SECTION_RESULTS,
    "lab_result": c.SECTION_RESULTS,
    "hospitalisation": c.SECTION_HOSPITAL,
    "procedure": c.SECTION_PROCEDURES,
    "disability": c.SECTION_FUNCTIONAL,
    "family_history": c.SECTION_FAMILY,
    "lifestyle": c.SECTION_SOCIAL,
    "advance_directive": c.SECTION_DIRECTIVES,
}
REQUIRED_SECTIONS = (c.SECTION_MEDICATIONS, c.SECTION_ALLERGIES, c.SECTION_PROBLEMS)
_SECTION_ORDER = [
    c.SECTION_PROBLEMS,
    c.SECTION_PAST_ILLNESS,
    c.SECTION_MEDICATIONS,
    c.SECTION_ALLERGIES,
    c.SECTION_IMMUNIZATIONS,
    c.SECTION_RESULTS,
    c.SECTION_VITALS,
    c.SECTION_HOSPITAL,
    c.SECTION_PROCEDURES,
    c.SECTION_FUNCTIONAL,
    c.SECTION_FAMILY,
    c.SECTION_SOCIAL,
    c.SECTION_DIRECTIVES,
    c.SECTION_OTHER,
]


class DocumentLike(Protocol):
    """What the exporter reads from a stored document (desktop_app.dossier_store.DocumentInfo satisfies it)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def document_date(self) -> date | None: ...
    @property
    def mime_type(self) -> str: ...
    @property
    def filename(self) -> str | None: ...


def _urn(id_: str) -> str:
    return f"urn:uuid:{id_}"


def _section_for(entry: EntryLike) -> tuple[str, str]:
    if entry.kind == "condition" and (entry.data.get("end_date") or entry.data.get("status") == "resolved"):
        return c.SECTION_PAST_ILLNESS
    return KIND_SECTION.get(entry.kind, c.SECTION_OTHER)


def _line(entry: EntryLike) -> str:
    summary = getattr(entry, "summary", None)
    if isinstance(summary, str) and summary:
        return summary
    return ", ".join(f"{v}" for v in entry.data.values() if isinstance(v, str | int | float) and v != "")


def _narrative(lines: Iterable[str]) -> dict[str, str]:
    items = "".join(f"<li>{html.escape(x)}</li>" for x in lines)
    div = (
        f'<div xmlns="http://www.w3.org/1999/xhtml"><ul>{items}</ul></div>'
        if items
        else ('<div xmlns="http://www.w3.org/1999/xhtml">Aucune information / No information</div>')
    )
    return {"status": "generated", "div": div}


class _Builder:
    def __init__(self, *, dossier_id: str, entries: Sequence[EntryLike]) -> None:
        self.dossier_id = dossier_id
        self.entries = [e for e in entries if e.kind != "identity"]
        identity = next((e for e in entries if e.kind == "identity"), None)
        self.patient_id = identity.id if identity else str(uuid.uuid5(_NAMESPACE, f"patient:{dossier_id}"))
        self.patient = k.entry_to_fhir("identity", identity.data, "") if identity else {"resourceType": "Patient"}
        self.patient_ref = _urn(self.patient_id)
        self.bundle_entries: list[dict[str, Any]] = []

    def add(self, id_: str, resource: dict[str, Any]) -> None:
        resource["id"] = id_
        ids = [i for i in resource.get("identifier", []) if i.get("system") != c.CARNET_ENTRY_ID]
        # Existing identifiers (the INS on Patient, as FR Core) stay first; ours comes last.
        resource["identifier"] = [*ids, {"system": c.CARNET_ENTRY_ID, "value": _urn(id_)}]
        self.bundle_entries.append({"fullUrl": _urn(id_), "resource": resource})

    def entry_resources(self, *, with_not_concerned: bool) -> None:
        self.add(self.patient_id, self.patient)
        for entry in self.entries:
            if entry.kind == "not_concerned" and not with_not_concerned:
                continue
            self.add(entry.id, k.entry_to_fhir(entry.kind, entry.data, self.patient_ref))
            provenance = p.provenance_resource(entry.id, entry.data, _urn(entry.id))
            if provenance is not None:  # an imported entry says where it came from
                self.bundle_entries.append({"fullUrl": _urn(provenance["id"]), "resource": provenance})


def _bundle(kind: str, *, bundle_id: str, now: datetime, entries: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "id": bundle_id,
        "identifier": {"system": c.CARNET_ENTRY_ID, "value": _urn(bundle_id)},
        "type": kind,
        "timestamp": now.isoformat(timespec="seconds"),
        "entry": entries,
    }


def check_ips_identity(entries: Sequence[EntryLike]) -> None:
    """IPS requires the patient's name and birth date: refuse, saying what is missing, rather than write an invalid
    summary (an emergency reader must know whose summary it is)."""
    identity = next((e.data for e in entries if e.kind == "identity"), {})
    missing_fr = [
        label
        for label, ok in (
            ("le nom ou les prénoms", identity.get("birth_name") or identity.get("first_names")),
            ("la date de naissance", identity.get("birth_date")),
        )
        if not ok
    ]
    if missing_fr:
        missing_en = [
            {"le nom ou les prénoms": "the name", "la date de naissance": "the birth date"}[x] for x in missing_fr
        ]
        raise DossierValidationError.single(
            "identity",
            "ips_identity_incomplete",
            f"Synthèse IPS impossible : l'identité ne donne pas {' ni '.join(missing_fr)}. "
            "Complétez la rubrique Identité, puis recommencez.",
            f"Cannot write the IPS summary: the identity lacks {' and '.join(missing_en)}. "
            "Fill in the Identity section, then try again.",
        )


def build_ips_bundle(entries: Sequence[EntryLike], *, dossier_id: str, now: datetime) -> dict[str, Any]:
    """An IPS document Bundle: Composition (LOINC 60591-5), Patient (INS as FR Core), one section per kind group.

    `now` must be timezone-aware. A section with no entries says why: "nilknown" when the patient declared the
    section "non concerné", "unavailable" otherwise. Raises DossierValidationError when the identity lacks the name or
    the birth date IPS requires.
    """
    check_ips_identity(entries)
    b = _Builder(dossier_id=dossier_id, entries=entries)
    b.entry_resources(with_not_concerned=False)
    by_section: dict[tuple[str, str], list[tuple[EntryLike, str]]] = {}
    for entry in b.entries:
        if entry.kind != "not_concerned":
            by_section.setdefault(_section_for(entry), []).append((entry, _urn(entry.id)))
    declared: dict[tuple[str, str], list[EntryLike]] = {}
    for entry in b.entries:
        if entry.kind == "not_concerned":
            declared.setdefault(c.SECTION_OF_CARNET.get(str(entry.data.get("section")), c.SECTION_OTHER), []).append(
                entry
            )
    sections = []
    for sec in _SECTION_ORDER:
        members = by_section.get(sec, [])
        nots = declared.get(sec, [])
        if not members and not nots and sec not in REQUIRED_SECTIONS:
            continue
        section: dict[str, Any] = {
            "title": sec[1],
            "code": {"coding": [{"system": c.LOINC, "code": sec[0]}], "text": sec[1]},
        }
        for entry in nots:
            k.carry_fields(section, "not_concerned", entry.data)
        if members:
            section["text"] = _narrative(_line(e) for e, _ in members)
            section["entry"] = [{"reference": ref} for _, ref in members]
        else:
            reason = "nilknown" if nots else "unavailable"
            label = "Non concerné / Nil known" if nots else "Information non disponible / Unavailable"
            section["text"] = _narrative([label])
            section["emptyReason"] = {
                "coding": [{"system": c.LIST_EMPTY_REASON, "code": reason}],
                "text": label,
            }
        sections.append(section)
    composition_id = str(uuid.uuid5(_NAMESPACE, f"composition:{dossier_id}"))
    composition = {
        "resourceType": "Composition",
        "status": "final",
        "type": {"coding": [{"system": c.LOINC, "code": c.IPS_DOCUMENT, "display": "Patient summary Document"}]},
        "subject": {"reference": b.patient_ref},
        "date": now.isoformat(timespec="seconds"),
        "author": [{"reference": b.patient_ref}],
        "title": "Synthèse patient internationale (IPS) / International Patient Summary",
        "confidentiality": "N",
        "section": sections,
    }
    b.bundle_entries.insert(0, {"fullUrl": _urn(composition_id), "resource": composition})
    composition["id"] = composition_id
    composition["identifier"] = {"system": c.CARNET_ENTRY_ID, "value": _urn(composition_id)}
    return _bundle("document", bundle_id=str(uuid.uuid4()), now=now, entries=b.bundle_entries)


def document_reference(doc: DocumentLike, content: bytes, patient_ref: str) -> dict[str, Any]:
    r: dict[str, Any] = {
        "resourceType": "DocumentReference",
        "status": "current",
        "subject": {"reference": patient_ref},
        "description": doc.title,
        "category": [{"coding": [{"system": c.CARNET_SECTION, "code": doc.category}]}],
        "content": [
            {
                "attachment": {
                    "contentType": doc.mime_type,
                    "data": base64.b64encode(content).decode("ascii"),
                    "title": doc.filename or doc.title,
                }
            }
        ],
    }
    if doc.document_date:
        r["date"] = f"{doc.document_date.isoformat()}T00:00:00Z"
    return k.carry_fields(r, "document", {"category": doc.category, "title": doc.title})


def build_collection_bundle(
    entries: Sequence[EntryLike],
    *,
    dossier_id: str,
    now: datetime,
    documents: Iterable[tuple[DocumentLike, bytes]] = (),
) -> dict[str, Any]:
    """The whole dossier as a collection Bundle: every entry, "non concerné" declarations and documents."""
    b = _Builder(dossier_id=dossier_id, entries=entries)
    b.entry_resources(with_not_concerned=True)
    for doc, content in documents:
        b.add(doc.id, document_reference(doc, content, b.patient_ref))
    return _bundle("collection", bundle_id=str(uuid.uuid4()), now=now, entries=b.bundle_entries)


def entries_of(items: Iterable[Mapping[str, Any]]) -> list[EntryLike]:
    """EntryLike objects from plain dicts {id, kind, data} (tests, benchmarks)."""
    from dossier.fhir.model import SimpleEntry

    return [SimpleEntry(str(i["id"]), str(i["kind"]), dict(i["data"])) for i in items]
