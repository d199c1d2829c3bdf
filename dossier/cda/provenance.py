"""Where an imported CDA entry came from and the codes it arrived with, as the reserved keys of an entry's data
(dossier.entries.source), the same keys the FHIR import writes, so that the app shows them (« Importé de … le … ») and
every FHIR export sends the codes and a Provenance out again.

A code's system is the CDA OID mapped to the URI FHIR uses for it (`urn:oid:<OID>` for the systems FHIR names no
URI for, such as the French CIP, CIS, UCD or CCAM); its display is the document's own `displayName` or none, never
one of ours.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Final

from dossier.cda.header import LOINC, CdaHeader, Code
from dossier.entries import CODES, MAX_CODES, PROVENANCE
from dossier.fhir import codes as fhir_codes

# OIDs of code systems found in CI-SIS documents → the canonical URI of FHIR R4 (terminology.hl7.org).
SYSTEM_URIS: Final[Mapping[str, str]] = MappingProxyType(
    {
        LOINC: fhir_codes.LOINC,
        "2.16.840.1.113883.6.96": fhir_codes.SNOMED,
        "2.16.840.1.113883.6.3": "http://hl7.org/fhir/sid/icd-10",
        "2.16.840.1.113883.6.73": "http://www.whocc.no/atc",
        "2.16.840.1.113883.6.8": fhir_codes.UCUM,
        "2.16.840.1.113883.12.292": "http://hl7.org/fhir/sid/cvx",
        "2.16.840.1.113883.6.88": "http://www.nlm.nih.gov/research/umls/rxnorm",
        "2.16.840.1.113883.5.4": fhir_codes.V3_ACT_CODE,
        "2.16.840.1.113883.5.83": fhir_codes.OBS_INTERPRETATION,
    }
)
_OID: Final = re.compile(r"[0-2](\.(0|[1-9]\d*))+")
_UUID: Final = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_LIMIT: Final = 200


def system_uri(system: str) -> str | None:
    """The FHIR system URI of a CDA codeSystem (an OID, rarely a UUID), None when it is neither."""
    system = system.strip()
    if system in SYSTEM_URIS:
        return SYSTEM_URIS[system]
    if _OID.fullmatch(system):
        return f"urn:oid:{system}"
    if _UUID.fullmatch(system):
        return f"urn:uuid:{system.lower()}"
    return None


def source_codes(codes: tuple[Code, ...], *, skip: tuple[str, str] | None = None) -> list[dict[str, str]]:
    """The codings as the document sent them (dossier.entries.source.SourceCode), without repeats; `skip` leaves out
    one (system URI, code) kept elsewhere (a lab result's LOINC in its own field) when the document gave it no
    display."""
    out: list[dict[str, str]] = []
    for code in codes:
        uri = system_uri(code.system)
        value = code.code.strip()
        if uri is None or not value or len(uri) > _LIMIT or len(value) > _LIMIT:
            continue
        item = {"system": uri, "code": value}
        if code.display and code.display.strip():
            item["display"] = code.display.strip()[:500]
        elif (uri, value) == skip:
            continue
        if all((x["system"], x["code"]) != (uri, value) for x in out):
            out.append(item)
    return out[:MAX_CODES]


def provenance(header: CdaHeader, *, source: str, imported_on: date) -> dict[str, str]:
    """The source document (its title, else the file name), its organisation and author, and the date of import."""
    found = {
        "document": header.title or source or "CDA",
        "imported_on": imported_on.isoformat(),
        "organisation": header.author_organization or header.custodian,
        "author": header.author_name,
    }
    return {k: v.strip()[:500] for k, v in found.items() if v and v.strip()}


def reserved_keys(
    header: CdaHeader, codes: tuple[Code, ...], *, source: str, imported_on: date, skip: tuple[str, str] | None = None
) -> dict[str, Any]:
    """The entry data's reserved keys for one imported CDA entry."""
    out: dict[str, Any] = {PROVENANCE: provenance(header, source=source, imported_on=imported_on)}
    kept = source_codes(codes, skip=skip)
    if kept:
        out[CODES] = kept
    return out
