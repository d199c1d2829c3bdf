"""Where an imported entry came from, in words kept with the entry: source document, its author, the codes it gave.

Carnet's entry kinds have no field of their own for provenance or for codes other than a lab result's LOINC, so the
CDA import writes them in the entry's notes, where the person sees them and every export carries them. The display of
a code is never invented: only the code system's usual name and the code are written.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from dossier.cda.header import LOINC, CdaHeader, Code
from dossier.dates import PartialDate

# Usual names of the code systems found in CI-SIS documents (by OID).
CODE_SYSTEM_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        LOINC: "LOINC",
        "2.16.840.1.113883.6.96": "SNOMED CT",
        "2.16.840.1.113883.6.3": "CIM-10",
        "2.16.840.1.113883.6.73": "ATC",
        "1.2.250.1.213.2.3.1": "CIS",
        "1.2.250.1.213.2.3.2": "CIP",
        "1.2.250.1.213.2.59": "UCD",
        "1.2.250.1.213.2.5": "CCAM",
        "1.2.250.1.213.1.1.5.3": "CIM-10 (ATIH)",
    }
)
NOTES_MAX: Final = 5000


def system_name(code: Code) -> str:
    return CODE_SYSTEM_NAMES.get(code.system) or code.system_name or code.system


def provenance_note(header: CdaHeader, codes: tuple[Code, ...], *, existing: str | None = None) -> str:
    """ "Importé de « Titre » (Organisation, Dr X, 15/10/2024). Codes : CIM-10 J45.9, SNOMED CT 195967001"."""
    who = ", ".join(p for p in (header.author_organization, header.author_name) if p)
    when = PartialDate.parse(header.effective_date).french() if header.effective_date else ""
    origin = ", ".join(p for p in (who, when) if p)
    lines = [existing] if existing else []
    lines.append(f"Importé de « {header.title} »" + (f" ({origin})." if origin else "."))
    if codes:
        lines.append("Codes : " + ", ".join(f"{system_name(c)} {c.code}" for c in codes))
    return "\n".join(lines)[:NOTES_MAX]
