"""Carnet entry kind ⇄ FHIR R4 resource, one pair of functions per kind so both directions stay side by side.

Entry field names live here and nowhere else in dossier/fhir: when dossier.entries renames a field, only this module
changes. Every exported resource also carries the entry's exact fields in the `entry-fields` extension, so a Carnet →
Carnet round trip is exact even for fields FHIR has no element for; imports from other systems use the native
elements below.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from dossier.entries import CODES, LOINC_CODE, MAX_CODES
from dossier.fhir import codes as c
from dossier.fhir.model import Reason
from dossier.identifiers import INS_NIA_OID, ins_kind, ins_oid
from dossier.measures import MEASURES as DOMAIN_MEASURES

Resource = dict[str, Any]
Fields = dict[str, Any]


# --- helpers
def text_of(concept: Any) -> str | None:
    """Readable text of a CodeableConcept: its text, else the first coding display, else code."""
    if not isinstance(concept, Mapping):
        return None
    if isinstance(concept.get("text"), str) and concept["text"].strip():
        return str(concept["text"]).strip()
    for coding in concept.get("coding") or []:
        if isinstance(coding, Mapping):
            for key in ("display", "code"):
                if isinstance(coding.get(key), str) and coding[key].strip():
                    return str(coding[key]).strip()
    return None


def codes_of(concept: Any) -> set[tuple[str, str]]:
    if not isinstance(concept, Mapping):
        return set()
    return {
        (str(cd.get("system", "")), str(cd.get("code", "")))
        for cd in concept.get("coding") or []
        if isinstance(cd, Mapping)
    }


def has_code(concept: Any, system: str, *codes_: str) -> bool:
    return any((system, code) in codes_of(concept) for code in codes_)


def first_code(concept: Any, system: str) -> str | None:
    for sys_, code in sorted(codes_of(concept)):
        if sys_ == system:
            return code
    return None


def date_part(value: Any) -> str | None:
    """The date (YYYY-MM-DD, or shorter when FHIR gives only a year or month) of a FHIR date/dateTime."""
    return value[:10] if isinstance(value, str) and value else None


def concept(
    text: str, *, system: str | None = None, code: str | None = None, display: str | None = None
) -> dict[str, Any]:
    """A CodeableConcept: our text, and a coding when there is a code; `display` only when it is the code system's
    own display (never our text, which is not the official name of the code)."""
    out: dict[str, Any] = {"text": text}
    if system and code:
        out["coding"] = [{"system": system, "code": code, **({"display": display} if display else {})}]
    return out


def source_codes(concept_: Any) -> list[dict[str, str]]:
    """The codings of a CodeableConcept as the source sent them (dossier.entries.source.SourceCode)."""
    out: list[dict[str, str]] = []
    if not isinstance(concept_, Mapping):
        return out
    for coding in concept_.get("coding") or []:
        if not isinstance(coding, Mapping):
            continue
        system, code, display = (coding.get(key) for key in ("system", "code", "display"))
        if isinstance(system, str) and system.strip() and isinstance(code, str) and code.strip():
            item = {"system": system.strip()[:200], "code": code.strip()[:200]}
            if isinstance(display, str) and display.strip():
                item["display"] = display.strip()[:500]
            if item not in out:
                out.append(item)
    return out[:MAX_CODES]


def coded(text: str, f: Mapping[str, Any], *also: dict[str, str]) -> dict[str, Any]:
    """A CodeableConcept: the entry's text and the codes it arrived with (dossier.entries.source), then `also`."""
    codings = [
        {k_: str(v) for k_, v in x.items() if k_ in ("system", "code", "display") and v}
        for x in [*(f.get(CODES) or []), *also]
        if isinstance(x, Mapping) and x.get("system") and x.get("code")
    ]
    unique = [
        x
        for i, x in enumerate(codings)
        if (x["system"], x["code"]) not in {(y["system"], y["code"]) for y in codings[:i]}
    ]
    out: dict[str, Any] = {"text": text}
    if unique:
        out["coding"] = unique
    return out


def unknown() -> dict[str, Any]:
    """An element's value is not known (data-absent-reason "unknown"): what IPS asks for a mandatory element."""
    return {"extension": [{"url": c.DATA_ABSENT_REASON_EXT, "valueCode": "unknown"}]}


def set_effective(r: Resource, when: Any) -> Resource:
    """effectiveDateTime, or an explicit "unknown" (IPS makes effective[x] mandatory on Observations and statements)."""
    if isinstance(when, str) and when:
        r["effectiveDateTime"] = when
    else:
        r["_effectiveDateTime"] = unknown()
    return r


def _clean(d: Mapping[str, Any]) -> Fields:
    """Drop empty values so imported fields look like what a person would have typed."""
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def carry_fields(resource: Resource, kind: str, fields: Mapping[str, Any]) -> Resource:
    resource.setdefault("extension", []).append(
        {
            "url": c.CARNET_FIELDS_EXT,
            "extension": [
                {"url": "kind", "valueCode": kind},
                {
                    "url": "fields",
                    "valueString": json.dumps(dict(fields), sort_keys=True, ensure_ascii=False),
                },
            ],
        }
    )
    return resource


def carried_fields(resource: Mapping[str, Any]) -> tuple[str, Fields] | None:
    """(kind, fields) from our extension, when the resource was written by Carnet."""
    found = carried_all(resource)
    return found[0] if found else None


def carried_all(resource: Mapping[str, Any]) -> list[tuple[str, Fields]]:
    """Every (kind, fields) our extensions carry on an element (a Composition section may carry several)."""
    out: list[tuple[str, Fields]] = []
    for ext in resource.get("extension") or []:
        if isinstance(ext, Mapping) and ext.get("url") == c.CARNET_FIELDS_EXT:
            parts = {e.get("url"): e for e in ext.get("extension") or [] if isinstance(e, Mapping)}
            kind = parts.get("kind", {}).get("valueCode")
            raw = parts.get("fields", {}).get("valueString")
            if isinstance(kind, str) and isinstance(raw, str):
                try:
                    fields = json.loads(raw)
                except json.JSONDecodeError:
                    continue
                if isinstance(fields, dict):
                    out.append((kind, fields))
    return out


# An import mapper returns (kind, fields) or a Reason to skip.
Outcome = tuple[str, Fields] | Reason


def _skip(code: str, fr: str, en: str) -> Reason:
    return Reason(code, fr, en)


ENTERED_IN_ERROR = _skip(
    "entered_in_error",
    "Marqué « saisi par erreur » par la source.",
    "Marked 'entered in error' by the source.",
)
NO_TEXT = _skip("no_text", "Aucun libellé lisible.", "No readable label.")

_NO_KNOWN: dict[tuple[str, str], str] = {  # → Carnet section declared "non concerné"
    (c.SNOMED, "716186003"): "allergies",  # No known allergy
    ("http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips", "no-known-allergies"): "allergies",
    ("http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips", "no-known-medications"): "traitements",
    ("http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips", "no-known-problems"): "maladies",
    ("http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips", "no-known-immunizations"): "vaccinations",
}
_NO_INFO_SYSTEM = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips"
_PARTIAL_NONE = {"409137002", "428607008", "429625007", "716186003"}  # no known drug / env / food allergy


def _absence(concept_: Any) -> Outcome | None:
    """IPS/SNOMED 'no known …' → not_concerned; 'no information' or a partial absence → skip."""
    for code in codes_of(concept_):
        if code in _NO_KNOWN:
            return "not_concerned", {"section": _NO_KNOWN[code]}
        if code[0] == _NO_INFO_SYSTEM:
            return _skip(
                "no_information",
                "La source indique « pas d'information ».",
                "The source says 'no information'.",
            )
        if code[0] == c.SNOMED and code[1] in _PARTIAL_NONE:
            return _skip(
                "partial_absence",
                "Absence d'allergie limitée à une catégorie : rien à enregistrer.",
                "No known allergy of one category only: nothing to record.",
            )
    return None


def _name_or_absence(concept_: Any) -> str | Outcome:
    """The readable name of what a resource records, or why it becomes no entry ("no known …", no label)."""
    absent = _absence(concept_)
    if absent is not None:
        return absent
    return text_of(concept_) or NO_TEXT


# --- condition
def condition_to_fhir(f: Mapping[str, Any], patient_ref: str) -> Resource:
    r: Resource = {
        "resourceType": "Condition",
        "subject": {"reference": patient_ref},
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/condition-category",
                        "code": "problem-list-item",
                    }
                ]
            }
        ],
        "code": coded(str(f.get("name", "")), f),
    }
    status = "resolved" if f.get("end_date") or f.get("status") == "resolved" else "active"
    r["clinicalStatus"] = {"coding": [{"system": c.CONDITION_CLINICAL, "code": status}]}
    if f.get("onset_date"):
        r["onsetDateTime"] = f["onset_date"]
    if f.get("end_date"):
        r["abatementDateTime"] = f["end_date"]
    if f.get("notes"):
        r["note"] = [{"text": f["notes"]}]
    return r


def condition_from_fhir(r: Mapping[str, Any]) -> Outcome:
    if has_code(
        r.get("verificationStatus"),
        "http://terminology.hl7.org/CodeSystem/condition-ver-status",
        "entered-in-error",
        "refuted",
    ):
        return _skip("refuted", "Diagnostic réfuté ou saisi par erreur.", "Diagnosis refuted or entered in error.")
    name = _name_or_absence(r.get("code"))
    if not isinstance(name, str):
        return name
    clinical = first_code(r.get("clinicalStatus"), c.CONDITION_CLINICAL)
    end = date_part(r.get("abatementDateTime")) or date_part((r.get("abatementPeriod") or {}).get("end"))
    resolved = clinical in {"inactive", "remission", "resolved"} or bool(end)
    return "condition", _clean(
        {
            "name": name,
            CODES: source_codes(r.get("code")),
            "onset_date": date_part(r.get("onsetDateTime")) or date_part((r.get("onsetPeriod") or {}).get("start")),
            "end_date": end,
            "status": "resolved" if resolved else "active",
            "notes": "\n".join(n["text"] for n in r.get("note") or [] if isinstance(n, Mapping) and n.get("text")),
        }
    )


# --- treatment
def treatment_to_fhir(f: Mapping[str, Any], patient_ref: str) -> Resource:
    active = f.get("ongoing", not f.get("end_date"))
    r: Resource = {
        "resourceType": "MedicationStatement",
        "status": "active" if active else "completed",
        "medicationCodeableConcept": coded(str(f.get("name", "")), f),
        "subject": {"reference": patient_ref},
    }
    period = _clean({"start": f.get("start_date"), "end": f.get("end_date")})
    if period:
        r["effectivePeriod"] = period
    else:
        set_effective(r, None)
    if f.get("dosage"):
        r["dosage"] = [{"text": f["dosage"]}]
    if f.get("prescriber"):
        r["informationSource"] = {"display": f["prescriber"]}
    return r


def _medication_name(r: Mapping[str, Any], resolve: Callable[[Any], Mapping[str, Any] | None]) -> str | None:
    name = text_of(r.get("medicationCodeableConcept"))
    if name:
        return name
    med = resolve(r.get("medicationReference"))
    if med is not None:
        return text_of(med.get("code"))
    ref = r.get("medicationReference")
    return str(ref["display"]) if isinstance(ref, Mapping) and ref.get("display") else None


def treatment_from_fhir(r: Mapping[str, Any], resolve: Callable[[Any], Mapping[str, Any] | None]) -> Outcome:
    status = r.get("status")
    if status == "entered-in-error":
        return ENTERED_IN_ERROR
    if status in {"not-taken", "cancelled", "draft"}:
        return _skip("not_taken", "Traitement non pris ou annulé.", "Medication not taken or cancelled.")
    if r.get("resourceType") == "MedicationRequest" and r.get("intent") not in {
        "order",
        "original-order",
        "instance-order",
        "plan",
        None,
    }:
        return _skip("not_an_order", "Proposition de traitement, pas une prescription.", "A proposal, not an order.")
    concept_ = r.get("medicationCodeableConcept")
    absent = _absence(concept_) if concept_ else None
    if absent is not None:
        return absent
    name = _medication_name(r, resolve)
    if not name:
        return NO_TEXT
    medication = resolve(r.get("medicationReference")) or {}
    codes = source_codes(r.get("medicationCodeableConcept")) or source_codes(medication.get("code"))
    period = r.get("effectivePeriod") or (r.get("dispenseRequest") or {}).get("validityPeriod") or {}
    start = (
        date_part(period.get("start"))
        or date_part(r.get("effectiveDateTime"))
        or date_part(r.get("authoredOn"))
        or date_part(r.get("dateAsserted"))
    )
    end = date_part(period.get("end"))
    ongoing = True if status == "active" else False if status in {"completed", "stopped"} else None
    source = r.get("requester") or r.get("informationSource") or {}
    prescriber = source.get("display") if isinstance(source, Mapping) else None
    dosage = "; ".join(
        d["text"]
        for d in (r.get("dosage") or r.get("dosageInstruction") or [])
        if isinstance(d, Mapping) and d.get("text")
    )
    return "treatment", _clean(
        {
            "name": name,
            CODES: codes,
            "dosage": dosage,
            "start_date": start,
            "end_date": end,
            "ongoing": ongoing,
            "prescriber": prescriber,
        }
    )


# --- allergy
_SEVERITY_IN = {"mild": "mild", "moderate": "moderate", "severe": "severe"}
_SEVERITY_OUT = set(_SEVERITY_IN)


def allergy_to_fhir(f: Mapping[str, Any], patient_ref: str) -> Resource:
    r: Resource = {
        "resourceType": "AllergyIntolerance",
        "clinicalStatus": {"coding": [{"system": c.ALLERGY_CLINICAL, "code": "active"}]},
        "code": coded(str(f.get("name", "")), f),
        "patient": {"reference": patient_ref},
    }
    severity = f.get("severity") if f.get("severity") in _SEVERITY_OUT else None
    reaction = _clean({"description": f.get("reaction"), "severity": severity})
    if reaction:
        # R4 requires a manifestation: the reaction as written, or "unknown" (no invented text).
        reaction["manifestation"] = [concept(str(f["reaction"])) if f.get("reaction") else unknown()]
        r["reaction"] = [reaction]
    if f.get("since"):
        r["onsetDateTime"] = f["since"]
    if f.get("notes"):
        r["note"] = [{"text": f["notes"]}]
    return r


def allergy_from_fhir(r: Mapping[str, Any]) -> Outcome:
    if has_code(
        r.get("verificationStatus"),
        "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
        "entered-in-error",
        "refuted",
    ):
        return _skip("refuted", "Allergie réfutée ou saisie par erreur.", "Allergy refuted or entered in error.")
    substance = _name_or_absence(r.get("code"))
    if not isinstance(substance, str):
        return substance
    reactions = [x for x in r.get("reaction") or [] if isinstance(x, Mapping)]
    reaction_text = "; ".join(
        x.get("description") or ", ".join(filter(None, (text_of(m) for m in x.get("manifestation") or [])))
        for x in reactions
    )
    severities = [x["severity"] for x in reactions if x.get("severity") in _SEVERITY_IN]
    severity = max(severities, key=["mild", "moderate", "severe"].index) if severities else None
    if severity is None and r.get("criticality") == "high":
        severity = "severe"
    return "allergy", _clean(
        {
            "name": substance,
            CODES: source_codes(r.get("code")),
            "reaction": reaction_text,
            "severity": severity,
            "since": date_part(r.get("onsetDateTime")) or date_part((r.get("onsetPeriod") or {}).get("start")),
            "notes": "\n".join(n["text"] for n in r.get("note") or [] if isinstance(n, Mapping) and n.get("text")),
        }
    )


# --- vaccination
def vaccination_to_fhir(f: Mapping[str, Any], patient_ref: str) -> Resource:
    r: Resource = {
        "resourceType": "Immunization",
        "status": "completed",
        "vaccineCode": coded(str(f.get("vaccine", "")), f),
        "patient": {"reference": patient_ref},
        "occurrenceDateTime": f.get("date"),
    }
    if f.get("lot"):
        r["lotNumber"] = f["lot"]
    if f.get("vaccinator"):
        r["performer"] = [{"actor": {"display": f["vaccinator"]}}]
    if f.get("dose"):
        r["protocolApplied"] = [{"series": f["dose"], "doseNumberString": f["dose"]}]
    return r


def vaccination_from_fhir(r: Mapping[str, Any]) -> Outcome:
    if r.get("status") == "entered-in-error":
        return ENTERED_IN_ERROR
    if r.get("status") == "not-done":
        return _skip("not_done", "Vaccination non réalisée.", "Immunization not done.")
    vaccine = _name_or_absence(r.get("vaccineCode"))
    if not isinstance(vaccine, str):
        return vaccine
    date = date_part(r.get("occurrenceDateTime"))
    if not date:
        return _skip("no_date", "Vaccination sans date.", "Immunization without a date.")
    performers = [p.get("actor", {}).get("display") for p in r.get("performer") or [] if isinstance(p, Mapping)]
    dose = None
    for proto in r.get("protocolApplied") or []:
        words = f"{proto.get('doseNumberString', '')} {proto.get('series', '')}".lower()
        if "rappel" in words or "booster" in words:
            dose = "rappel"
        elif "primo" in words or "primary" in words:
            dose = "primo"
        elif proto.get("doseNumberPositiveInt"):
            dose = "primo" if proto["doseNumberPositiveInt"] == 1 else "rappel"
    return "vaccination", _clean(
        {
            "vaccine": vaccine,
            CODES: source_codes(r.get("vaccineCode")),
            "date": date,
            "lot": r.get("lotNumber"),
            "dose": dose,
            "vaccinator": next((p for p in performers if p), None),
        }
    )


# --- hospitalisation
_INPATIENT = {"IMP", "ACUTE", "NONAC", "inpatient"}


def hospitalisation_to_fhir(f: Mapping[str, Any], patient_ref: str) -> Resource:
    r: Resource = {
        "resourceType": "Encounter",
        "status": "finished" if f.get("end_date") else "in-progress",
        "class": {"system": c.V3_ACT_CODE, "code": "IMP", "display": "inpatient encounter"},
        "subject": {"reference": patient_ref},
        "period": _clean({"start": f.get("start_date"), "end": f.get("end_date")}),
    }
    if f.get("reason"):
        r["reasonCode"] = [concept(str(f["reason"]))]
    if f.get("place"):
        r["serviceProvider"] = {"display": f["place"]}
    return r


def hospitalisation_from_fhir(r: Mapping[str, Any], resolve: Callable[[Any], Mapping[str, Any] | None]) -> Outcome:
    if r.get("status") in {"entered-in-error", "cancelled", "planned"}:
        return _skip("not_held", "Séjour annulé, prévu ou saisi par erreur.", "Stay cancelled, planned or in error.")
    klass = r.get("class") or {}
    if klass.get("code") not in _INPATIENT:
        return _skip(
            "not_a_stay",
            "Consultation ou passage sans hospitalisation (l'historique des soins vient de l'Assurance Maladie).",
            "A visit, not a hospital stay (care history comes from the health insurer).",
        )
    period = r.get("period") or {}
    start = date_part(period.get("start"))
    if not start:
        return _skip("no_date", "Hospitalisation sans date.", "Hospital stay without a date.")
    reasons = [text_of(x) for x in r.get("reasonCode") or []] + [text_of(x) for x in r.get("type") or []]
    provider = r.get("serviceProvider")
    org = resolve(provider)
    place = (org or {}).get("name") or (provider or {}).get("display")
    return "hospitalisation", _clean(
        {
            "reason": next((x for x in reasons if x), "Hospitalisation"),
            "start_date": start,
            "end_date": date_part(period.get("end")),
            "place": place,
        }
    )


# --- procedure (operations, acts: IPS History of Procedures)
def procedure_to_fhir(f: Mapping[str, Any], patient_ref: str) -> Resource:
    r: Resource = {
        "resourceType": "Procedure",
        "status": "completed",
        "code": coded(str(f.get("name", "")), f),
        "subject": {"reference": patient_ref},
    }
    if f.get("date"):
        r["performedDateTime"] = f["date"]
    else:  # IPS: performed[x] is required, "unknown" when it is
        r["_performedDateTime"] = unknown()
    if f.get("place"):
        r["performer"] = [{"actor": {"display": f["place"]}}]
    if f.get("notes"):
        r["note"] = [{"text": f["notes"]}]
    return r


def procedure_from_fhir(r: Mapping[str, Any], resolve: Callable[[Any], Mapping[str, Any] | None]) -> Outcome:
    if r.get("status") == "entered-in-error":
        return ENTERED_IN_ERROR
    if r.get("status") in {"not-done", "preparation", "stopped", "on-hold"}:
        return _skip("not_done", "Acte non réalisé, prévu ou interrompu.", "Procedure not done, planned or stopped.")
    name = _name_or_absence(r.get("code"))
    if not isinstance(name, str):
        return name
    performers = [p.get("actor") for p in r.get("performer") or [] if isinstance(p, Mapping)]
    places = [(resolve(a) or {}).get("name") or (a or {}).get("display") for a in performers]
    place = next((str(x) for x in places if x), None) or (resolve(r.get("location")) or {}).get("name")
    return "procedure", _clean(
        {
            "name": name,
            CODES: source_codes(r.get("code")),
            "date": date_part(r.get("performedDateTime")) or date_part((r.get("performedPeriod") or {}).get("start")),
            "place": place,
            "notes": "\n".join(n["text"] for n in r.get("note") or [] if isinstance(n, Mapping) and n.get("text")),
        }
    )


# --- measurement
def _measure_values(f: Mapping[str, Any], mc: c.MeasureCode) -> tuple[dict[str, Any], str, str]:
    """(values, unit, UCUM code): as typed or received (original_*, full precision) when its unit has a UCUM code,
    else Carnet's normalised values."""
    names = ("systolic", "diastolic") if mc.measure_type == "blood_pressure" else ("value",)
    typed_unit = f.get("original_unit")
    ucum = UCUM_OF_UNIT.get(str(typed_unit)) if typed_unit else None
    typed = {n: f.get(f"original_{n}") for n in names}
    if ucum and all(isinstance(v, int | float) for v in typed.values()):
        return typed, str(typed_unit), ucum
    return {n: f.get(n) for n in names}, mc.unit, mc.ucum


def measurement_to_fhir(f: Mapping[str, Any], patient_ref: str) -> Resource:
    mc = c.MEASURES[str(f["measure_type"])]
    r: Resource = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": c.OBS_CATEGORY, "code": mc.category}]}],
        "code": concept(mc.display, system=c.LOINC, code=mc.loinc, display=mc.display),
        "subject": {"reference": patient_ref},
    }
    set_effective(r, f.get("measured_at"))
    if mc.category == "laboratory":  # IPS laboratory results name a performer: none is known for a measure
        r["performer"] = [unknown()]
    values, unit, ucum = _measure_values(f, mc)
    if mc.measure_type == "blood_pressure":
        r["component"] = [
            {
                "code": concept(label, system=c.LOINC, code=code, display=label),
                "valueQuantity": {"value": values[key], "unit": unit, "system": c.UCUM, "code": ucum},
            }
            for key, code, label in (
                ("systolic", c.SYSTOLIC_LOINC, "Systolic blood pressure"),
                ("diastolic", c.DIASTOLIC_LOINC, "Diastolic blood pressure"),
            )
        ]
    else:
        r["valueQuantity"] = {"value": values["value"], "unit": unit, "system": c.UCUM, "code": ucum}
    return r


# Carnet's unit ids (dossier.measures) in UCUM, both ways: a value keeps its unit and precision when Carnet knows it.
UCUM_OF_UNIT: dict[str, str] = {
    "kg": "kg",
    "g": "g",
    "lb": "[lb_av]",
    "cm": "cm",
    "m": "m",
    "mmHg": "mm[Hg]",
    "cmHg": "cm[Hg]",
    "/min": "/min",
    "°C": "Cel",
    "°F": "[degF]",
    "g/L": "g/L",
    "mmol/L": "mmol/L",
    "mg/dL": "mg/dL",
}
_UNIT_OF_UCUM = {v: k_ for k_, v in UCUM_OF_UNIT.items()}


def _carnet_unit(measure_type: str, unit: Any) -> str | None:
    """Carnet's id of the source unit when this measure accepts it as typed ("[lb_av]" → "lb"), else None."""
    if not isinstance(unit, str) or measure_type in {"steps", "pain"}:
        return None
    known = DOMAIN_MEASURES[measure_type].unit(_UNIT_OF_UCUM.get(unit, unit))
    return known.id if known is not None else None


def _quantity(q: Any, measure_type: str) -> float | tuple[float, str] | Reason | None:
    """The value as sent with Carnet's id of its unit (kept as typed, full precision), or converted to Carnet's unit
    when Carnet does not know the source unit."""
    if not isinstance(q, Mapping) or not isinstance(q.get("value"), int | float):
        return None
    unit = q.get("code") or q.get("unit")
    same = _carnet_unit(measure_type, q.get("code")) or _carnet_unit(measure_type, q.get("unit"))
    if same is not None:
        return q["value"], same
    value = c.convert_to_carnet_unit(measure_type, float(q["value"]), unit)
    if value is None:
        return _skip("unit", f"Unité « {unit} » non prise en charge.", f"Unit '{unit}' is not supported.")
    if measure_type in {"steps", "pain"}:
        # Both are whole numbers by definition (LOINC 72514-3 is a 0–10 verbal scale); some systems send decimals.
        return round(value)
    return value


BMI_COMPUTED = Reason(
    "computed",
    "IMC : Carnet le calcule à partir du poids et de la taille.",
    "BMI: Carnet computes it from the weight and the height.",
)


def measurement_from_fhir(r: Mapping[str, Any], measure_type: str) -> Outcome:
    if measure_type == "bmi":
        return BMI_COMPUTED
    when = r.get("effectiveDateTime") or (r.get("effectivePeriod") or {}).get("start") or r.get("issued")
    if not when:
        return _skip("no_date", "Mesure sans date.", "Measurement without a date.")
    fields: Fields = {
        "measure_type": measure_type,
        "measured_at": when,
        "unit": c.MEASURES[measure_type].unit,
    }
    if measure_type == "blood_pressure":
        for comp in r.get("component") or []:
            key = (
                "systolic"
                if has_code(comp.get("code"), c.LOINC, c.SYSTOLIC_LOINC)
                else "diastolic"
                if has_code(comp.get("code"), c.LOINC, c.DIASTOLIC_LOINC)
                else None
            )
            if key:
                v = _quantity(comp.get("valueQuantity"), measure_type)
                if isinstance(v, Reason):
                    return v
                if isinstance(v, tuple):
                    v, fields["unit"] = v
                if v is not None:
                    fields[key] = v
        if "systolic" not in fields or "diastolic" not in fields:
            return _skip("incomplete", "Tension sans systolique et diastolique.", "Blood pressure lacks sys/dia.")
        return "measurement", fields
    v = _quantity(r.get("valueQuantity"), measure_type)
    if isinstance(v, Reason):
        return v
    if v is None:
        return _skip("no_value", "Mesure sans valeur.", "Measurement without a value.")
    if isinstance(v, tuple):
        v, fields["unit"] = v
    fields["value"] = v
    return "measurement", fields


# --- lab result
INTERPRETATION_BY_HL7_CODE = {
    "N": "normal",
    "H": "high",
    "HU": "high",
    "L": "low",
    "LU": "low",
    "A": "abnormal",
    "HH": "critical",
    "LL": "critical",
    "AA": "critical",
}
# "critical" says neither high nor low: AA (critical abnormal) is the one code that keeps exactly that.
_INTERPRETATION_OUT = {"normal": "N", "high": "H", "low": "L", "abnormal": "A", "critical": "AA"}
_INTERPRETATION_SYSTEMS = {c.OBS_INTERPRETATION, c.OBS_INTERPRETATION_V2, ""}
_INTERPRETATION_LABELS = {
    "normal": "Normal",
    "high": "Élevé / High",
    "low": "Bas / Low",
    "abnormal": "Anormal / Abnormal",
    "critical": "Critique / Critical",
}


def _french_number(value: Any) -> str:
    return f"{value:g}".replace(".", ",") if isinstance(value, int | float) else str(value)


def lab_result_to_fhir(f: Mapping[str, Any], patient_ref: str) -> Resource:
    """A laboratory Observation (IPS Results section); the unit is free text, so no UCUM code is claimed."""
    test = str(f.get("test", ""))
    r: Resource = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": c.OBS_CATEGORY, "code": "laboratory"}]}],
        "code": coded(test, f, *([{"system": c.LOINC, "code": str(f["loinc"])}] if f.get("loinc") else [])),
        "subject": {"reference": patient_ref},
    }
    set_effective(r, f.get("date"))
    if isinstance(f.get("value"), int | float):
        r["valueQuantity"] = _clean({"value": f["value"], "unit": f.get("unit")})
    elif f.get("value_text"):
        r["valueString"] = f["value_text"]
    interpretation = f.get("interpretation")
    if interpretation in _INTERPRETATION_OUT:
        r["interpretation"] = [
            {
                "coding": [{"system": c.OBS_INTERPRETATION, "code": _INTERPRETATION_OUT[str(interpretation)]}],
                "text": _INTERPRETATION_LABELS[str(interpretation)],
            }
        ]
    if f.get("reference_range"):
        r["referenceRange"] = [{"text": f["reference_range"]}]
    # IPS: a laboratory result names its performer, or says it is unknown.
    r["performer"] = [{"display": f["laboratory"]} if f.get("laboratory") else unknown()]
    if f.get("notes"):
        r["note"] = [{"text": f["notes"]}]
    return r


def _lab_value(r: Mapping[str, Any]) -> Fields:
    """value + unit, or value_text: a comparator ("< 0.5") makes the value a text, since it is not one number."""
    q = r.get("valueQuantity")
    if isinstance(q, Mapping) and isinstance(q.get("value"), int | float) and not isinstance(q["value"], bool):
        unit = q.get("unit") or q.get("code")
        if q.get("comparator"):
            return {"value_text": f"{q['comparator']} {_french_number(q['value'])}", "unit": unit}
        return {"value": q["value"], "unit": unit}
    if isinstance(r.get("valueInteger"), int) and not isinstance(r["valueInteger"], bool):
        return {"value": r["valueInteger"]}
    if isinstance(r.get("valueString"), str):
        return {"value_text": r["valueString"].strip()}
    return {"value_text": text_of(r.get("valueCodeableConcept"))}


def _reference_range(r: Mapping[str, Any]) -> str | None:
    for rng in r.get("referenceRange") or []:
        if not isinstance(rng, Mapping):
            continue
        if isinstance(rng.get("text"), str) and rng["text"].strip():
            return str(rng["text"]).strip()
        low, high = ((rng.get(key) or {}).get("value") for key in ("low", "high"))
        if low is not None and high is not None:
            return f"{_french_number(low)}–{_french_number(high)}"
        if low is not None:
            return f"≥ {_french_number(low)}"
        if high is not None:
            return f"≤ {_french_number(high)}"
    return None


def _interpretation(r: Mapping[str, Any]) -> str | None:
    for concept_ in r.get("interpretation") or []:
        for system, code in sorted(codes_of(concept_)):
            if system in _INTERPRETATION_SYSTEMS and code.upper() in INTERPRETATION_BY_HL7_CODE:
                return INTERPRETATION_BY_HL7_CODE[code.upper()]
    return None


def lab_result_from_fhir(r: Mapping[str, Any], resolve: Callable[[Any], Mapping[str, Any] | None]) -> Outcome:
    test = text_of(r.get("code"))
    if not test:
        return NO_TEXT
    value = _clean(_lab_value(r))
    if "value" not in value and "value_text" not in value:
        return _skip("no_value", "Résultat d'analyse sans valeur.", "Lab result without a value.")
    when = r.get("effectiveDateTime") or (r.get("effectivePeriod") or {}).get("start") or r.get("issued")
    if not date_part(when):
        return _skip("no_date", "Résultat d'analyse sans date.", "Lab result without a date.")
    loinc = first_code(r.get("code"), c.LOINC)
    labs = [
        (resolve(p) or {}).get("name") or p.get("display") for p in r.get("performer") or [] if isinstance(p, Mapping)
    ]
    loinc = loinc if loinc and LOINC_CODE.fullmatch(loinc) else None
    # The LOINC code lives in its own field; the other codings (and a LOINC display the source gave) stay as sent.
    codes = [x for x in source_codes(r.get("code")) if x != {"system": c.LOINC, "code": loinc}]
    return "lab_result", _clean(
        {
            "test": test,
            CODES: codes,
            "loinc": loinc,
            **value,
            "reference_range": _reference_range(r),
            "interpretation": _interpretation(r),
            "date": date_part(when),
            "laboratory": next((x for x in labs if isinstance(x, str) and x), None),
            "notes": "\n".join(n["text"] for n in r.get("note") or [] if isinstance(n, Mapping) and n.get("text")),
        }
    )


# --- blood group, lifestyle
_BLOOD_SNOMED = {
    ("A", "positive"): "278149003",
    ("A", "negative"): "278152006",
    ("B", "positive"): "278150003",
    ("B", "negative"): "278153001",
    ("AB", "positive"): "278151004",
    ("AB", "negative"): "278154007",
    ("O", "positive"): "278147001",
    ("O", "negative"): "278148006",
}
_BLOOD_BY_SNOMED = {v: k for k, v in _BLOOD_SNOMED.items()}


def blood_group_to_fhir(f: Mapping[str, Any], patient_ref: str) -> Resource:
    abo, rh = str(f.get("abo", "")), str(f.get("rh", ""))
    label = f"{abo}{'+' if rh == 'positive' else '-' if rh == 'negative' else ''}"
    code = _BLOOD_SNOMED.get((abo, rh))
    r: Resource = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": c.OBS_CATEGORY, "code": "laboratory"}]}],
        "code": concept(
            "ABO and Rh group [Type] in Blood",
            system=c.LOINC,
            code=c.BLOOD_GROUP_LOINC,
            display="ABO and Rh group [Type] in Blood",
        ),
        "subject": {"reference": patient_ref},
        "performer": [unknown()],
        "valueCodeableConcept": concept(label, system=c.SNOMED, code=code) if code else {"text": label},
    }
    return set_effective(r, f.get("date"))


def blood_group_from_fhir(r: Mapping[str, Any]) -> Outcome:
    value = r.get("valueCodeableConcept")
    known = next((_BLOOD_BY_SNOMED[code] for sys_, code in codes_of(value) if code in _BLOOD_BY_SNOMED), None)
    if known is None:
        text = (text_of(value) or str(r.get("valueString") or "")).upper().replace(" ", "").replace("RH", "")
        text = text.replace("POSITIVE", "+").replace("NEGATIVE", "-").replace("0", "O")
        abo = next((g for g in ("AB", "A", "B", "O") if text.startswith(g)), None)
        sign = text[len(abo) :] if abo else ""
        rh = "positive" if sign.startswith("+") else "negative" if sign.startswith("-") else None
        known = (abo, rh) if abo and rh else None
    if known is None:
        return _skip("no_value", "Groupe sanguin illisible.", "Unreadable blood group.")
    when = date_part(r.get("effectiveDateTime") or (r.get("effectivePeriod") or {}).get("start") or r.get("issued"))
    return "blood_group", _clean({"abo": known[0], "rh": known[1], "date": when})


_TOBACCO_SNOMED = {"266919005": "never", "8517006": "former", "77176002": "current", "449868002": "current"}
_TOBACCO_OUT = {"never": "266919005", "former": "8517006", "current": "77176002"}
_TOBACCO_TEXT = {
    "never": "never",
    "former": "former",
    "ex-": "former",
    "current": "current",
    "every day": "current",
}
_LIFESTYLE_CODES = {
    "tobacco": c.TOBACCO_LOINC,
    "alcohol": c.ALCOHOL_LOINC,
    "physical_activity": "physical-activity",
    "sleep_hours": "93832-4",
}


def lifestyle_to_fhir(f: Mapping[str, Any], patient_ref: str) -> Resource:
    """The lifestyle entry (one per dossier) as one social-history Observation with a component per habit."""
    components = []
    for key, code in _LIFESTYLE_CODES.items():
        value = f.get(key)
        if value is None:
            continue
        system = c.LOINC if code[0].isdigit() else c.CARNET_SECTION
        comp: dict[str, Any] = {"code": concept(key, system=system, code=code)}
        if key == "sleep_hours":
            comp["valueQuantity"] = {"value": value, "unit": "h", "system": c.UCUM, "code": "h"}
        elif key == "tobacco" and value in _TOBACCO_OUT:
            comp["valueCodeableConcept"] = concept(str(value), system=c.SNOMED, code=_TOBACCO_OUT[str(value)])
        else:
            comp["valueCodeableConcept"] = {"text": str(value)}
        components.append(comp)
    r: Resource = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": c.OBS_CATEGORY, "code": "social-history"}]}],
        "code": concept("Habitudes de vie / Social history", system=c.LOINC, code="29762-2"),
        "subject": {"reference": patient_ref},
        "component": components,
    }
    return set_effective(r, None)


def _tobacco(concept_: Any) -> str | None:
    for _, code in codes_of(concept_):
        if code in _TOBACCO_SNOMED:
            return _TOBACCO_SNOMED[code]
    text = (text_of(concept_) or "").lower()
    return next((v for k_, v in _TOBACCO_TEXT.items() if k_ in text), None)


def lifestyle_from_fhir(r: Mapping[str, Any]) -> Outcome | None:
    """Tobacco (LOINC 72166-2) and the Carnet social-history panel; None when the Observation is not one."""
    if has_code(r.get("code"), c.LOINC, c.TOBACCO_LOINC):
        value = _tobacco(r.get("valueCodeableConcept"))
        if value is None:
            return _skip("no_value", "Statut tabagique illisible.", "Unreadable smoking status.")
        return "lifestyle", {"tobacco": value}
    if not has_code(r.get("code"), c.LOINC, "29762-2"):
        return None
    fields: Fields = {}
    for comp in r.get("component") or []:
        key = next(
            (k_ for k_, code in _LIFESTYLE_CODES.items() if code in {x for _, x in codes_of(comp.get("code"))}),
            None,
        )
        if key == "sleep_hours" and isinstance(comp.get("valueQuantity"), Mapping):
            fields[key] = comp["valueQuantity"].get("value")
        elif key == "tobacco":
            fields[key] = _tobacco(comp.get("valueCodeableConcept"))
        elif key is not None:
            fields[key] = text_of(comp.get("valueCodeableConcept"))
    fields = _clean(fields)
    return ("lifestyle", fields) if fields else _skip("no_value", "Habitudes de vie vides.", "Empty social history.")


# --- family history
_V3_ROLE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
_RELATION_OUT = {
    "mother": "MTH",
    "father": "FTH",
    "sister": "SIS",
    "brother": "BRO",
    "half_sister": "HSIS",
    "half_brother": "HBRO",
    "daughter": "DAU",
    "son": "SON",
    "maternal_grandmother": "MGRMTH",
    "maternal_grandfather": "MGRFTH",
    "paternal_grandmother": "PGRMTH",
    "paternal_grandfather": "PGRFTH",
    "aunt": "AUNT",
    "uncle": "UNCLE",
    "cousin": "COUSN",
    "other": "FAMMEMB",
}
_RELATION_IN = {v: k_ for k_, v in _RELATION_OUT.items()} | {"NMTH": "mother", "NFTH": "father"}


def family_history_to_fhir(f: Mapping[str, Any], patient_ref: str) -> Resource:
    relation = str(f.get("relationship", "other"))
    condition: dict[str, Any] = {"code": concept(str(f.get("condition", "")))}
    if f.get("age_at_onset") is not None:
        condition["onsetAge"] = {"value": f["age_at_onset"], "unit": "a", "system": c.UCUM, "code": "a"}
    return {
        "resourceType": "FamilyMemberHistory",
        "status": "completed",
        "patient": {"reference": patient_ref},
        "relationship": concept(relation, system=_V3_ROLE, code=_RELATION_OUT.get(relation, "FAMMEMB")),
        "condition": [condition],
    }


def family_history_from_fhir(r: Mapping[str, Any]) -> Outcome:
    if r.get("status") == "entered-in-error":
        return ENTERED_IN_ERROR
    code = first_code(r.get("relationship"), _V3_ROLE)
    relationship = _RELATION_IN.get(code or "", "other")
    conditions = [x for x in r.get("condition") or [] if isinstance(x, Mapping)]
    names = [text_of(x.get("code")) for x in conditions]
    condition = ", ".join(x for x in names if x)
    if not condition:
        return NO_TEXT
    ages = [x["onsetAge"].get("value") for x in conditions if isinstance(x.get("onsetAge"), Mapping)]
    return "family_history", _clean(
        {"condition": condition, "relationship": relationship, "age_at_onset": int(ages[0]) if ages else None}
    )


# --- people around
CONTACT_KINDS = ("emergency_contact", "trusted_person", "caregiver")


def contact_to_fhir(kind: str, f: Mapping[str, Any], patient_ref: str) -> Resource:
    r: Resource = {
        "resourceType": "RelatedPerson",
        "patient": {"reference": patient_ref},
        "relationship": [
            {
                "coding": [{"system": c.CARNET_CONTACT_ROLE, "code": kind}],
                "text": str(f.get("relationship") or kind),
            }
        ],
        "name": [{"text": str(f.get("name", ""))}],
    }
    telecom = [{"system": s, "value": f[k_]} for k_, s in (("phone", "phone"), ("email", "email")) if f.get(k_)]
    if telecom:
        r["telecom"] = telecom
    if f.get("address"):
        r["address"] = [{"text": f["address"]}]
    return r


def _address_text(addresses: Any) -> str | None:
    for a in addresses or []:
        if isinstance(a, Mapping):
            text = a.get("text") or ", ".join(
                x for x in [*a.get("line", []), " ".join(filter(None, [a.get("postalCode"), a.get("city")]))] if x
            )
            if text:
                return str(text)
    return None


def _telecom(r: Mapping[str, Any], system: str) -> str | None:
    return next(
        (t.get("value") for t in r.get("telecom") or [] if isinstance(t, Mapping) and t.get("system") == system),
        None,
    )


def contact_from_fhir(r: Mapping[str, Any]) -> Outcome:
    roles = [first_code(x, c.CARNET_CONTACT_ROLE) for x in r.get("relationship") or []]
    v2 = "http://terminology.hl7.org/CodeSystem/v2-0131"
    kind = next((x for x in roles if x in CONTACT_KINDS), None)
    if kind is None and any(has_code(x, v2, "C") for x in r.get("relationship") or []):
        kind = "emergency_contact"
    if kind is None:
        return _skip(
            "unknown_role",
            "Proche dont le rôle (urgence, confiance, aidant) n'est pas indiqué.",
            "Related person with no role we know (emergency, trusted, caregiver).",
        )
    names = r.get("name") or []
    name = None
    if names and isinstance(names[0], Mapping):
        n = names[0]
        name = n.get("text") or " ".join([*n.get("given", []), n.get("family", "")]).strip()
    if not name:
        return NO_TEXT
    rel_texts = [x.get("text") for x in r.get("relationship") or [] if isinstance(x, Mapping)]
    relationship = next((t for t in rel_texts if t and t != kind), None)
    return kind, _clean(
        {
            "name": name,
            "relationship": relationship,
            "phone": _telecom(r, "phone"),
            "email": _telecom(r, "email"),
            "address": _address_text(r.get("address")),
        }
    )


# --- identity
_SEX_OUT = {"F": "female", "M": "male", "I": "other"}
_SEX_IN = {v: k_ for k_, v in _SEX_OUT.items()}
_INS_SYSTEMS = frozenset({c.INS_NIR_SYSTEM, f"urn:oid:{INS_NIA_OID}", c.INS_NIR_TEST})
BIRTH_PLACE_EXT = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace"


def identity_to_fhir(f: Mapping[str, Any]) -> Resource:
    r: Resource = {"resourceType": "Patient"}
    names = []
    official = _clean(
        {"use": "official", "family": f.get("birth_name"), "given": str(f.get("first_names") or "").split()}
    )
    if len(official) > 1:
        names.append(official)
    if f.get("used_name"):
        names.append({"use": "usual", "family": f["used_name"]})
    if names:
        r["name"] = names
    if f.get("sex") in _SEX_OUT:
        r["gender"] = _SEX_OUT[str(f["sex"])]
    if f.get("birth_date"):
        r["birthDate"] = f["birth_date"]
    if f.get("birth_place"):
        r["extension"] = [{"url": BIRTH_PLACE_EXT, "valueAddress": {"text": f["birth_place"]}}]
    if f.get("ins"):
        # As FR Core's Patient: INS-NIR identifier, type INS-NIR, official use.
        r["identifier"] = [
            {
                "use": "official",
                "type": {"coding": [{"system": c.INS_TYPE_SYSTEM, "code": ins_kind(str(f["ins"]))}]},
                "system": f"urn:oid:{ins_oid(str(f['ins']))}",
                "value": f["ins"],
            }
        ]
    telecom = [{"system": s, "value": f[k_]} for k_, s in (("phone", "phone"), ("email", "email")) if f.get(k_)]
    if telecom:
        r["telecom"] = telecom
    if f.get("address"):
        r["address"] = [{"text": f["address"]}]
    if f.get("gp_name"):
        r["generalPractitioner"] = [{"display": f["gp_name"]}]
    return r


def identity_from_fhir(r: Mapping[str, Any]) -> Outcome:
    names = [n for n in r.get("name") or [] if isinstance(n, Mapping)]
    official = next((n for n in names if n.get("use") == "official"), names[0] if names else {})
    usual = next((n for n in names if n.get("use") == "usual" and n is not official), {})
    ins = next(
        (
            i.get("value")
            for i in r.get("identifier") or []
            if isinstance(i, Mapping) and i.get("system") in _INS_SYSTEMS
        ),
        None,
    )
    birth_place = next(
        (
            (e.get("valueAddress") or {}).get("text") or (e.get("valueAddress") or {}).get("city")
            for e in r.get("extension") or []
            if isinstance(e, Mapping) and e.get("url") == BIRTH_PLACE_EXT
        ),
        None,
    )
    gps = [g.get("display") for g in r.get("generalPractitioner") or [] if isinstance(g, Mapping)]
    fields = _clean(
        {
            "birth_name": official.get("family"),
            "first_names": " ".join(official.get("given") or []),
            "used_name": usual.get("family"),
            "sex": _SEX_IN.get(str(r.get("gender"))),
            "birth_date": r.get("birthDate"),
            "birth_place": birth_place,
            "ins": ins,
            "phone": _telecom(r, "phone"),
            "email": _telecom(r, "email"),
            "address": _address_text(r.get("address")),
            "gp_name": next((g for g in gps if g), None),
        }
    )
    if not fields.get("birth_name") and not fields.get("first_names"):
        return NO_TEXT
    return "identity", fields


# --- advance directive (read from a Consent; written as a Basic with the entry's fields)
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
_DIRECTIVE_LOINC = ("42348-3", "75320-2", "64298-3")  # advance directives; advance directive; power of attorney


def advance_directive_from_fhir(r: Mapping[str, Any], resolve: Callable[[Any], Mapping[str, Any] | None]) -> Outcome:
    """A Consent whose scope is an advance directive ("adr") becomes Directives anticipées; other consents
    (privacy, research, treatment) are not directives."""
    if r.get("status") in {"entered-in-error", "rejected", "inactive", "draft", "proposed"}:
        return _skip("not_in_force", "Directive non en vigueur ou saisie par erreur.", "Directive not in force.")
    is_directive = has_code(r.get("scope"), CONSENT_SCOPE, "adr") or any(
        has_code(cat, c.LOINC, *_DIRECTIVE_LOINC) for cat in r.get("category") or []
    )
    if not is_directive:
        return _skip(
            "not_a_directive",
            "Consentement (confidentialité, recherche ou soins) : ce n'est pas une directive anticipée.",
            "A consent (privacy, research or treatment), not an advance directive.",
        )
    attachments = r.get("sourceAttachment")
    attachments = attachments if isinstance(attachments, list) else [attachments] if attachments else []
    titles = [str(a["title"]) for a in attachments if isinstance(a, Mapping) and a.get("title")]
    provisions = [text_of(x) for x in (r.get("provision") or {}).get("code") or []]
    keepers = [(resolve(o) or {}).get("name") or (o or {}).get("display") for o in r.get("organization") or []]
    summary = "; ".join(x for x in [*provisions, *titles] if x)
    fields = _clean(
        {
            "written_on": date_part(r.get("dateTime")),
            "summary": summary[:5000],
            "kept_at": next((str(x) for x in keepers if x), None),
        }
    )
    if not fields.get("summary") and not fields.get("kept_at"):
        return NO_TEXT
    return "advance_directive", fields


# --- kinds without a native FHIR home
def generic_to_fhir(kind: str, f: Mapping[str, Any], patient_ref: str) -> Resource:
    """Basic resource coded with the Carnet kind; the fields travel in the entry-fields extension."""
    return {
        "resourceType": "Basic",
        "code": {"coding": [{"system": c.CARNET_KIND, "code": kind}], "text": kind},
        "subject": {"reference": patient_ref},
    }


EXPORTERS: dict[str, Callable[[Mapping[str, Any], str], Resource]] = {
    "condition": condition_to_fhir,
    "treatment": treatment_to_fhir,
    "allergy": allergy_to_fhir,
    "vaccination": vaccination_to_fhir,
    "hospitalisation": hospitalisation_to_fhir,
    "procedure": procedure_to_fhir,
    "measurement": measurement_to_fhir,
    "blood_group": blood_group_to_fhir,
    "lifestyle": lifestyle_to_fhir,
    "family_history": family_history_to_fhir,
    "lab_result": lab_result_to_fhir,
}


def entry_to_fhir(kind: str, fields: Mapping[str, Any], patient_ref: str) -> Resource:
    """The FHIR resource for one entry (without id/identifier, which the bundle builder adds)."""
    if kind == "identity":
        r = identity_to_fhir(fields)
    elif kind in CONTACT_KINDS:
        r = contact_to_fhir(kind, fields, patient_ref)
    elif kind == "measurement" and fields.get("measure_type") in c.MEASURES:
        r = measurement_to_fhir(fields, patient_ref)
    elif kind in EXPORTERS and kind != "measurement":
        r = EXPORTERS[kind](fields, patient_ref)
    else:
        r = generic_to_fhir(kind, fields, patient_ref)
    return carry_fields(r, kind, fields)
