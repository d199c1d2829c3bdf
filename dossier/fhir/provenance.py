"""Provenance of imported entries, both ways: who and what an imported resource came from, and the FHIR Provenance
resource Carnet writes for each imported entry it exports (another reader then knows it was not typed by the patient).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from dossier.entries import PROVENANCE
from dossier.fhir import codes as c

# Carnet's own Provenance resources carry this policy: their `recorded` is the date of import into Carnet.
IMPORT_POLICY = f"{c.CARNET_BASE}/provenance/import"
PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
_NAMESPACE = uuid.UUID("0c5e8a55-39a8-4c57-9a43-5b0f1f5f2a11")
# Elements naming who recorded, asserted, ordered or performed a resource, in order of preference.
_WHO_KEYS = ("recorder", "asserter", "requester", "informationSource", "performer", "serviceProvider", "author")

Resolve = Callable[[Any], Mapping[str, Any] | None]


def _person_name(resource: Mapping[str, Any]) -> str | None:
    for name in resource.get("name") or []:
        if isinstance(name, Mapping):
            text = name.get("text") or " ".join(
                [*name.get("prefix", []), *name.get("given", []), name.get("family", "")]
            )
            if str(text).strip():
                return str(text).strip()
    return None


def _references(value: Any) -> list[Any]:
    items = value if isinstance(value, list) else [value]
    return [x.get("actor", x) if isinstance(x, Mapping) and "actor" in x else x for x in items if x]


def who(resource: Mapping[str, Any], resolve: Resolve) -> dict[str, str]:
    """{"organisation", "author"} named by a resource's recorder, asserter, performer… (what is found)."""
    found: dict[str, str] = {}
    for key in _WHO_KEYS:
        for ref in _references(resource.get(key)):
            target = resolve(ref)
            rtype = (target or {}).get("resourceType") or (ref.get("type") if isinstance(ref, Mapping) else None)
            if target is not None and rtype == "Organization" and target.get("name"):
                found.setdefault("organisation", str(target["name"]))
            elif target is not None and rtype in {"Practitioner", "PractitionerRole", "RelatedPerson"}:
                name = _person_name(target) or (target.get("practitioner") or {}).get("display")
                if name:
                    found.setdefault("author", str(name))
            elif target is None and isinstance(ref, Mapping) and isinstance(ref.get("display"), str):
                found.setdefault("organisation" if rtype == "Organization" else "author", ref["display"].strip())
    return {k: v[:500] for k, v in found.items() if v}


def from_provenance_resource(r: Mapping[str, Any]) -> dict[str, str]:
    """What a FHIR Provenance says about its targets: organisation, author, document, and for Carnet's own the date
    of import."""
    out: dict[str, str] = {}
    for agent in r.get("agent") or []:
        if not isinstance(agent, Mapping):
            continue
        display = (agent.get("who") or {}).get("display")
        codes = {code for coding in (agent.get("type") or {}).get("coding") or [] for code in [coding.get("code")]}
        if not isinstance(display, str) or not display.strip() or "informant" in codes:
            continue
        out.setdefault("organisation" if codes & {"custodian", "assembler"} else "author", display.strip())
    for entity in r.get("entity") or []:
        what = (entity or {}).get("what") or {}
        if entity.get("role") == "source" and isinstance(what.get("display"), str):
            out.setdefault("document", what["display"].strip())
    if IMPORT_POLICY in (r.get("policy") or []) and isinstance(r.get("recorded"), str):
        out["imported_on"] = r["recorded"][:10]
    return {k: v[:500] for k, v in out.items() if v}


def provenance_resource(entry_id: str, data: Mapping[str, Any], target_ref: str) -> dict[str, Any] | None:
    """The Provenance of an imported entry (None for an entry typed in Carnet)."""
    prov = data.get(PROVENANCE)
    if not isinstance(prov, Mapping) or not prov.get("document") or not prov.get("imported_on"):
        return None
    agents = [
        {"type": {"coding": [{"system": PARTICIPANT_TYPE, "code": code}]}, "who": {"display": str(prov[key])}}
        for key, code in (("author", "author"), ("organisation", "custodian"))
        if prov.get(key)
    ] or [  # R4 wants an agent: the document informed us (read back as nobody in particular)
        {"type": {"coding": [{"system": PARTICIPANT_TYPE, "code": "informant"}]}, "who": {"display": prov["document"]}}
    ]
    return {
        "resourceType": "Provenance",
        "id": str(uuid.uuid5(_NAMESPACE, entry_id)),
        "target": [{"reference": target_ref}],
        "recorded": f"{prov['imported_on']}T00:00:00Z",
        "policy": [IMPORT_POLICY],
        "agent": agents,
        "entity": [{"role": "source", "what": {"display": str(prov["document"])}}],
    }
