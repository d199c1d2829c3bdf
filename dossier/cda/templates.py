"""Entries of the common CI-SIS templates → Carnet entries, with the codes the document gave (pure, no I/O).

The CI-SIS entry templates (FR-Vaccination, FR-Traitement, FR-Allergie-ou-hypersensibilite, FR-Probleme,
FR-Resultat-examens-de-biologie-element-d-observation…) each declare their IHE parent templateId as well; those
stable IHE identifiers are what is recognised here:

- vaccinations: IHE PCC Immunizations (1.3.6.1.4.1.19376.1.5.3.1.4.12), a `substanceAdministration`;
- treatments: IHE PCC Medications (…1.4.7), IHE Pharm prescription (…1.9.1.3.2) and dispense (…1.9.1.3.4) items;
- allergies: IHE PCC Allergy and intolerance (…1.4.6), usually inside an allergy concern (…1.4.5.3);
- problems: IHE PCC Problem entry (…1.4.5), usually inside a problem concern (…1.4.5.2);
- lab results: IHE XD-LAB Laboratory observation (1.3.6.1.4.1.19376.1.3.1.6) inside the report's data processing
  entry (…1.3.1) and its battery organizers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final
from xml.etree.ElementTree import Element

from dossier.cda.header import LOINC, CdaHeader, Code, attr, code_of, find, findall, iso_date, name_of, text
from dossier.cda.parse import HL7, XSI
from dossier.fhir.kinds import INTERPRETATION_BY_HL7_CODE
from dossier.fhir.model import Reason

IMMUNIZATION: Final = frozenset({"1.3.6.1.4.1.19376.1.5.3.1.4.12"})
MEDICATION: Final = frozenset(
    {"1.3.6.1.4.1.19376.1.5.3.1.4.7", "1.3.6.1.4.1.19376.1.9.1.3.2", "1.3.6.1.4.1.19376.1.9.1.3.4"}
)
ALLERGY: Final = frozenset({"1.3.6.1.4.1.19376.1.5.3.1.4.6"})
PROBLEM: Final = frozenset({"1.3.6.1.4.1.19376.1.5.3.1.4.5"})
LAB_OBSERVATION: Final = frozenset({"1.3.6.1.4.1.19376.1.3.1.6"})
SEVERITY: Final = frozenset({"1.3.6.1.4.1.19376.1.5.3.1.4.1"})

# The "type" column of the import report: one stable ASCII name per template family (Carnet's entry kind names),
# as `import fhir` shows FHIR resource types.
LABELS: Final = {
    "vaccination": "vaccination",
    "treatment": "treatment",
    "allergy": "allergy",
    "condition": "condition",
    "lab_result": "lab_result",
    "other": "other",
}

SKIP_TEMPLATE = Reason(
    "unsupported_template",
    "Entrée d'un modèle CI-SIS sans rubrique dans Carnet (elle reste lisible dans le document).",
    "Entry of a CI-SIS template with no place in Carnet (it stays readable in the document).",
)
SKIP_NEGATED = Reason(
    "negated",
    "Entrée niée par le document (« non fait », « absence de ») : rien à importer.",
    "Entry negated by the document ('not done', 'no…'): nothing to import.",
)
SKIP_NOT_DONE = Reason(
    "not_completed",
    "Acte annulé ou non réalisé selon le document.",
    "Act cancelled or not performed according to the document.",
)
SKIP_NO_NAME = Reason(
    "no_name",
    "Entrée sans libellé ni code lisible : rien d'utile à importer.",
    "Entry with no readable label or code: nothing useful to import.",
)

# HL7 v3 ObservationInterpretation: the same codes in CDA as in FHIR, one table for both.
_INTERPRETATION: Final = INTERPRETATION_BY_HL7_CODE
_SEVERITY_CODES: Final = {"H": "severe", "M": "moderate", "L": "mild", "24484000": "severe", "6736007": "moderate"}
_SEVERITY_CODES_MILD: Final = {"255604002": "mild"}
_NUMBER_RE: Final = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


Mapped = tuple[str, dict[str, Any], tuple[Code, ...]] | Reason


@dataclass(frozen=True, slots=True)
class CdaEntry:
    """One entry of the document mapped to a Carnet entry kind, or skipped with a reason."""

    family: str  # key of LABELS
    where: str  # section title and position, for a person to find it in the document
    ref: str  # stable within the document: the entry's own id, else its position
    kind: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    codes: tuple[Code, ...] = ()
    skipped: Reason | None = None


def _templates(el: Element) -> set[str]:
    return {str(t.get("root")) for t in findall(el, "templateId") if t.get("root")}


def _local(el: Element) -> str:
    return el.tag.removeprefix(f"{{{HL7}}}") if isinstance(el.tag, str) else ""


def _codes(el: Element | None) -> tuple[Code, ...]:
    """A coded element and its translations, in the document's order."""
    if el is None:
        return ()
    found = [code_of(el), *(code_of(t) for t in findall(el, "translation"))]
    return tuple(c for c in found if c is not None)


class _Reader:
    """Reads entries of one document, resolving narrative references (`<reference value="#id"/>`)."""

    def __init__(self, header: CdaHeader, narrative: dict[str, str]) -> None:
        self.header = header
        self.narrative = narrative

    def label(self, el: Element | None) -> str:
        """A coded element's readable label: its displayName, its originalText (resolved), else ''."""
        if el is None:
            return ""
        original = find(el, "originalText")
        ref = attr(find(original, "reference"), "value") if original is not None else None
        if ref and ref.startswith("#") and self.narrative.get(ref[1:]):
            return self.narrative[ref[1:]]
        return el.get("displayName") or text(original) or ""

    def own_text(self, el: Element) -> str:
        node = find(el, "text")
        ref = attr(find(node, "reference"), "value")
        if ref and ref.startswith("#"):
            return self.narrative.get(ref[1:], "")
        return text(node)

    # --- one function per family ------------------------------------------------------------------------------
    def vaccination(self, el: Element) -> Mapped:
        material = find(el, "consumable/manufacturedProduct/manufacturedMaterial")
        code = find(material, "code")
        name = text(find(material, "name")) or self.label(code)
        if not name:
            return SKIP_NO_NAME
        when = iso_date(attr(find(el, "effectiveTime"), "value") or attr(find(el, "effectiveTime/low"), "value"))
        fields: dict[str, Any] = {"vaccine": name, "date": when}
        lot = text(find(material, "lotNumberText"))
        if lot:
            fields["lot"] = lot
        performer = name_of(find(el, "performer/assignedEntity/assignedPerson/name"))
        if performer:
            fields["vaccinator"] = performer
        return "vaccination", fields, _codes(code)

    def treatment(self, el: Element) -> Mapped:
        product = "product" if _local(el) == "supply" else "consumable"
        material = find(el, f"{product}/manufacturedProduct/manufacturedMaterial")
        code = find(material, "code")
        name = text(find(material, "name")) or self.label(code)
        if not name:
            return SKIP_NO_NAME
        fields: dict[str, Any] = {"name": name}
        dosage = self._dosage(el)
        if dosage:
            fields["dosage"] = dosage
        period = next((t for t in findall(el, "effectiveTime") if find(t, "low") is not None), None)
        start = iso_date(attr(find(period, "low"), "value")) or iso_date(attr(find(el, "effectiveTime"), "value"))
        end = iso_date(attr(find(period, "high"), "value"))
        if start:
            fields["start_date"] = start
        if end:
            fields["end_date"] = end
        prescriber = name_of(find(el, "author/assignedAuthor/assignedPerson/name"))
        if prescriber:
            fields["prescriber"] = prescriber
        if product == "product":
            fields["notes"] = "Délivrance en pharmacie"
        return "treatment", fields, _codes(code)

    def _dosage(self, el: Element) -> str:
        literal = self.own_text(el)
        if literal:
            return literal[:200]
        dose = find(el, "doseQuantity")
        parts = []
        if dose is not None and dose.get("value"):
            unit = dose.get("unit") or ""
            parts.append(f"{dose.get('value')} {unit if unit != '1' else ''}".strip())
        route = self.label(find(el, "routeCode"))
        if route:
            parts.append(route)
        return ", ".join(parts)

    def allergy(self, el: Element) -> Mapped:
        agent = find(el, "participant/participantRole/playingEntity")
        agent_code = find(agent, "code")
        value = find(el, "value")
        name = self.label(agent_code) or text(find(agent, "name")) or self.label(value)
        if not name:
            return SKIP_NO_NAME
        fields: dict[str, Any] = {"name": name}
        for rel in findall(el, "entryRelationship"):
            obs = find(rel, "observation")
            if obs is None:
                continue
            if _templates(obs) & SEVERITY:
                severity = attr(find(obs, "value"), "code") or ""
                if severity in _SEVERITY_CODES or severity in _SEVERITY_CODES_MILD:
                    fields["severity"] = {**_SEVERITY_CODES, **_SEVERITY_CODES_MILD}[severity]
            elif rel.get("typeCode") == "MFST":
                reaction = self.label(find(obs, "value"))
                if reaction:
                    fields["reaction"] = reaction[:200]
        since = iso_date(attr(find(el, "effectiveTime/low"), "value"))
        if since:
            fields["since"] = since
        # The agent's codes name what the person reacts to; the observation's value is then only the kind of
        # reaction (drug allergy, intolerance…), not another code of the same concept.
        return "allergy", fields, _codes(agent_code) or _codes(value)

    def condition(self, el: Element, concern_status: str | None) -> Mapped:
        value = find(el, "value")
        name = self.label(value) or self.own_text(el)
        if not name:
            return SKIP_NO_NAME
        fields: dict[str, Any] = {"name": name[:200]}
        onset = iso_date(attr(find(el, "effectiveTime/low"), "value"))
        end = iso_date(attr(find(el, "effectiveTime/high"), "value"))
        if onset:
            fields["onset_date"] = onset
        if end:
            fields["end_date"] = end
        if end or concern_status == "completed":
            fields["status"] = "resolved"
        elif concern_status == "active":
            fields["status"] = "active"
        return "condition", fields, _codes(value)

    def lab_result(self, el: Element) -> Mapped:
        code = find(el, "code")
        name = self.label(code)
        if not name:
            return SKIP_NO_NAME
        codes = _codes(code)
        fields: dict[str, Any] = {"test": name[:200]}
        loinc = next((c.code for c in codes if c.system == LOINC), None)
        if loinc:
            fields["loinc"] = loinc
        self._value(find(el, "value"), fields)
        interpretation = _INTERPRETATION.get(attr(find(el, "interpretationCode"), "code") or "")
        if interpretation:
            fields["interpretation"] = interpretation
        ref_range = self._range(find(el, "referenceRange/observationRange"))
        if ref_range:
            fields["reference_range"] = ref_range
        fields["date"] = (
            iso_date(attr(find(el, "effectiveTime"), "value") or attr(find(el, "effectiveTime/low"), "value"))
            or self.header.effective_date
        )
        laboratory = text(find(el, "performer/assignedEntity/representedOrganization/name")) or (
            self.header.author_organization or self.header.custodian
        )
        if laboratory:
            fields["laboratory"] = laboratory[:200]
        return "lab_result", fields, codes

    def _value(self, value: Element | None, fields: dict[str, Any]) -> None:
        if value is None:
            return
        vtype = (value.get(f"{{{XSI}}}type") or "").split(":")[-1]
        raw = value.get("value") or ""
        if vtype in {"PQ", "INT", "REAL"} and _NUMBER_RE.match(raw):
            # The text of the number is kept as the document wrote it: float() of "128.269" is 128.269.
            fields["value"] = float(raw.replace(",", "."))
            unit = value.get("unit")
            if unit and unit != "1":
                fields["unit"] = unit
        elif vtype in {"CD", "CE", "CV", "CO"}:
            label = self.label(value) or value.get("code") or ""
            if label:
                fields["value_text"] = label[:200]
        else:
            literal = text(value) or raw
            if literal:
                fields["value_text"] = literal[:200]

    def _range(self, obs_range: Element | None) -> str:
        if obs_range is None:
            return ""
        literal = text(find(obs_range, "text"))
        low, high = find(obs_range, "value/low"), find(obs_range, "value/high")
        unit = attr(low, "unit") or attr(high, "unit") or ""
        unit = "" if unit == "1" else unit
        lo, hi = attr(low, "value"), attr(high, "value")
        if lo and hi:
            return f"{lo}–{hi} {unit}".strip()
        if lo:
            return f"≥ {lo} {unit}".strip()
        if hi:
            return f"≤ {hi} {unit}".strip()
        return literal[:200]


def _family(el: Element) -> str | None:
    found = _templates(el)
    local = _local(el)
    if found & IMMUNIZATION and local == "substanceAdministration":
        return "vaccination"
    if found & MEDICATION and local in {"substanceAdministration", "supply"}:
        return "treatment"
    if found & ALLERGY and local == "observation":
        return "allergy"
    if found & PROBLEM and local == "observation":
        return "condition"
    if found & LAB_OBSERVATION and local == "observation":
        return "lab_result"
    return None


_CLINICAL: Final = {"act", "observation", "organizer", "substanceAdministration", "supply", "procedure", "encounter"}


def _walk(el: Element, concern: str | None) -> Iterator[tuple[Element, str, str | None]]:
    """Recognised entries under `el` (not inside one another: an allergy's reaction is not a problem of its own)."""
    for child in el:
        local = _local(child)
        if local in {"entryRelationship", "component"}:
            yield from _walk(child, concern)
            continue
        if local not in _CLINICAL:
            continue
        family = _family(child)
        if family is not None:
            yield child, family, concern
            continue
        status = attr(find(child, "statusCode"), "code") if local == "act" else concern
        yield from _walk(child, status)


def _entry_ref(el: Element, fallback: str) -> str:
    ident = find(el, "id")
    if ident is not None and ident.get("root"):
        ext = ident.get("extension")
        return f"{ident.get('root')}|{ext}" if ext else str(ident.get("root"))
    return fallback


def extract_entries(root: Element, header: CdaHeader, narrative: dict[str, str]) -> list[CdaEntry]:
    """Every top-level entry of the structured body: mapped to a Carnet entry, or skipped with its reason."""
    reader = _Reader(header, narrative)
    out: list[CdaEntry] = []
    for s_index, section in enumerate(root.iter(f"{{{HL7}}}section")):
        title = text(find(section, "title")) or f"section {s_index + 1}"
        for e_index, entry in enumerate(findall(section, "entry")):
            where = f"{title} #{e_index + 1}"
            top = next((c for c in entry if _local(c) in _CLINICAL), None)
            if top is None:
                continue  # observationMedia and the like: handled as attachments
            found = list(_walk(entry, None))
            if not found:
                out.append(CdaEntry("other", where, f"{s_index}.{e_index}", skipped=SKIP_TEMPLATE))
                continue
            for n, (el, family, concern) in enumerate(found):
                ref = _entry_ref(el, f"{s_index}.{e_index}.{n}")
                out.append(_map(reader, el, family, concern, where, ref))
    return out


def _map(reader: _Reader, el: Element, family: str, concern: str | None, where: str, ref: str) -> CdaEntry:
    if el.get("negationInd") == "true":
        return CdaEntry(family, where, ref, skipped=SKIP_NEGATED)
    if attr(find(el, "statusCode"), "code") in {"cancelled", "aborted", "nullified"}:
        return CdaEntry(family, where, ref, skipped=SKIP_NOT_DONE)
    readers = {
        "vaccination": reader.vaccination,
        "treatment": reader.treatment,
        "allergy": reader.allergy,
        "lab_result": reader.lab_result,
    }
    mapped = reader.condition(el, concern) if family == "condition" else readers[family](el)
    if isinstance(mapped, Reason):
        return CdaEntry(family, where, ref, skipped=mapped)
    kind, fields, codes = mapped
    return CdaEntry(family, where, ref, kind=kind, fields=fields, codes=codes)
