"""The CDA R2 header as Carnet reads it: document id and type, patient with INS, author, custodian, confidentiality."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final
from xml.etree.ElementTree import Element

from dossier.cda.parse import NS

LOINC: Final = "2.16.840.1.113883.6.1"
CONFIDENTIALITY_SYSTEM: Final = "2.16.840.1.113883.5.25"
# OIDs of the national health identifier (INS) as the CI-SIS volumes list them.
INS_OIDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "1.2.250.1.213.1.4.8": "INS-NIR",
        "1.2.250.1.213.1.4.9": "INS-NIA",
        "1.2.250.1.213.1.4.10": "INS-NIR de test",
        "1.2.250.1.213.1.4.11": "INS-NIR de démonstration",
    }
)

# LOINC document type (ClinicalDocument/code) → Carnet document category (dossier.documents.DOCUMENT_CATEGORIES).
CATEGORY_BY_LOINC: Final[Mapping[str, str]] = MappingProxyType(
    {
        "60591-5": "synthese",  # Patient summary: VSM, IPS-FR
        "34133-9": "synthese",  # Summarization of episode note
        "11502-2": "biologie",  # CR-BIO laboratory report
        "18748-4": "imagerie",  # CR-IMG diagnostic imaging report
        "57833-6": "ordonnance",  # Prescription for medication
        "60593-1": "ordonnance",  # Medication dispensed (dispensation)
        "18776-5": "ordonnance",  # Plan of care note
        "87273-9": "prevention",  # Immunization note (VAC)
        "11369-6": "prevention",  # History of immunization
        "42348-3": "directives_anticipees",
        "11490-0": "compte_rendu",  # Discharge summary (lettre de liaison de sortie)
        "11488-4": "compte_rendu",  # Consultation note
        "34874-8": "compte_rendu",  # Surgical operation note
        "28570-0": "compte_rendu",  # Procedure note
        "11506-3": "compte_rendu",  # Progress note
        "11526-1": "compte_rendu",  # Pathology study (anatomo-pathologie)
        "34112-3": "compte_rendu",  # Hospital note
        "47420-5": "compte_rendu",  # Functional status assessment
        "11504-8": "compte_rendu",  # Surgical operation note (legacy)
    }
)


@dataclass(frozen=True, slots=True)
class Code:
    """A coded value as CDA carries it: system OID, code, the `displayName` the document gave (never invented) and
    its `originalText` (the words the author wrote, which are not the code's display)."""

    system: str
    code: str
    display: str | None = None
    system_name: str | None = None
    original_text: str | None = None

    @property
    def label(self) -> str:
        return self.display or self.original_text or ""

    def as_json(self) -> dict[str, str]:
        out = {"system": self.system, "code": self.code}
        if self.display:
            out["display"] = self.display
        return out


@dataclass(frozen=True, slots=True)
class Patient:
    given: str = ""
    family: str = ""
    birth_name: str = ""
    sex: str | None = None  # F, M or I
    birth_date: str | None = None
    ins: tuple[tuple[str, str], ...] = ()  # (OID, value)

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.given, self.birth_name or self.family) if p)

    def ins_nir(self) -> str | None:
        """The INS-NIR (real, test or demo), the one a dossier's identity can hold."""
        for oid, value in self.ins:
            if oid != "1.2.250.1.213.1.4.9":
                return value
        return None


@dataclass(frozen=True, slots=True)
class CdaHeader:
    document_id: str  # "root|extension" or "root"
    title: str
    type_code: Code | None
    category: str
    effective_date: str | None  # ISO date
    confidentiality: str  # N, R, V or another code of the document
    patient: Patient
    author_name: str = ""
    author_organization: str = ""
    custodian: str = ""
    template_ids: tuple[str, ...] = field(default_factory=tuple)


def _hl7(tag: str) -> str:
    return f"h:{tag}" if ":" not in tag else tag


def find(el: Element | None, path: str) -> Element | None:
    """The first element at a '/'-separated path of HL7-namespace tags (`find(root, "recordTarget/patientRole")`)."""
    if el is None:
        return None
    return el.find("/".join(_hl7(p) for p in path.split("/")), NS)


def findall(el: Element | None, path: str) -> list[Element]:
    if el is None:
        return []
    return el.findall("/".join(_hl7(p) for p in path.split("/")), NS)


def text(el: Element | None) -> str:
    """All the text inside an element, whitespace collapsed."""
    if el is None:
        return ""
    return " ".join("".join(el.itertext()).split())


def code_of(el: Element | None) -> Code | None:
    """A CD/CE/CV element as a Code."""
    if el is None:
        return None
    value = el.get("code")
    if not value:
        return None
    return Code(
        el.get("codeSystem") or "",
        value,
        el.get("displayName") or None,
        el.get("codeSystemName"),
        text(find(el, "originalText")) or None,
    )


_TS_RE: Final = re.compile(r"^(\d{4})(\d{2})?(\d{2})?")


def iso_date(value: str | None) -> str | None:
    """The date part of an HL7 TS ("20240315143000+0100" → "2024-03-15", "202403" → "2024-03")."""
    match = _TS_RE.match(value or "")
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)


def attr(el: Element | None, name: str) -> str | None:
    """An attribute of an element that may be missing (an Element with no child is falsy: never `find() or …`)."""
    return el.get(name) if el is not None else None


def name_of(el: Element | None) -> str:
    """A PN as a person reads it: prefix, given names, family name."""
    if el is None:
        return ""
    parts = [text(x) for x in (*findall(el, "prefix"), *findall(el, "given"), *findall(el, "family"))]
    return " ".join(p for p in parts if p) or text(el)


def _patient(root: Element) -> Patient:
    role = find(root, "recordTarget/patientRole")
    person = find(role, "patient")
    ins = tuple(
        (str(i.get("root")), str(i.get("extension")))
        for i in findall(role, "id")
        if i.get("root") in INS_OIDS and i.get("extension")
    )
    given = " ".join(text(g) for g in findall(person, "name/given") if text(g))
    family, birth = "", ""
    for fam in findall(person, "name/family"):
        if fam.get("qualifier") == "BR":
            birth = text(fam)
        elif not family:
            family = text(fam)
    sex = attr(find(person, "administrativeGenderCode"), "code")
    return Patient(
        given=given,
        family=family,
        birth_name=birth or family,
        sex={"F": "F", "M": "M", "U": "I", "UN": "I"}.get(sex or ""),
        birth_date=iso_date(attr(find(person, "birthTime"), "value")),
        ins=ins,
    )


def document_key(root: Element) -> str:
    ident = find(root, "id")
    if ident is None or not ident.get("root"):
        return ""
    ext = ident.get("extension")
    return f"{ident.get('root')}|{ext}" if ext else str(ident.get("root"))


def read_header(root: Element) -> CdaHeader:
    """Read the header of a parsed ClinicalDocument (see parse.parse_cda); missing parts are left empty."""
    type_code = code_of(find(root, "code"))
    loinc = type_code.code if type_code is not None and type_code.system == LOINC else ""
    title = text(find(root, "title")) or (type_code.label if type_code else "") or "CDA"
    assigned = find(root, "author/assignedAuthor")
    custodian = find(root, "custodian/assignedCustodian/representedCustodianOrganization/name")
    conf = find(root, "confidentialityCode")
    return CdaHeader(
        document_id=document_key(root),
        title=title,
        type_code=type_code,
        category=CATEGORY_BY_LOINC.get(loinc, "compte_rendu" if loinc else "autre"),
        effective_date=iso_date(attr(find(root, "effectiveTime"), "value")),
        confidentiality=(conf.get("code") if conf is not None else None) or "N",
        patient=_patient(root),
        author_name=name_of(find(assigned, "assignedPerson/name"))
        or text(find(assigned, "assignedAuthoringDevice/softwareName")),
        author_organization=text(find(assigned, "representedOrganization/name")),
        custodian=text(custodian),
        template_ids=tuple(str(t.get("root")) for t in findall(root, "templateId") if t.get("root")),
    )
