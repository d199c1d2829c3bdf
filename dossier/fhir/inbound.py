"""Plan a FHIR import: which Carnet entries and documents each resource of a file becomes, or why it is skipped."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from dossier.entries import PROVENANCE
from dossier.fhir import codes as c
from dossier.fhir import kinds as k
from dossier.fhir import provenance as p
from dossier.fhir.model import DocumentPayload, ImportItem, ImportPlan, Reason, Skipped
from dossier.fhir.parse import FhirInputError

_REFERENCE_TYPES = {
    "Organization",
    "Practitioner",
    "PractitionerRole",
    "Medication",
    "Location",
    "Device",
    "Specimen",
    "Substance",
    "Endpoint",
    "HealthcareService",
}
_INSURER_TYPES = {"Claim", "ExplanationOfBenefit", "Coverage", "ClaimResponse", "Account", "Invoice"}

SKIP_REFERENCE = Reason(
    "reference_resource",
    "Ressource de référence (professionnel, établissement, médicament…) : elle sert à décrire les autres.",
    "Reference resource (practitioner, organisation, medication…): it describes the others.",
)
SKIP_INSURER = Reason(
    "insurer_data",
    "Donnée de remboursement : l'histoire de santé vient de l'Assurance Maladie.",
    "Claims data: the care history comes from the health insurer.",
)
SKIP_UNSUPPORTED = Reason(
    "unsupported_type",
    "Type de ressource sans rubrique dans Carnet.",
    "Resource type with no place in Carnet.",
)
SKIP_IDENTITY = Reason(
    "identity_not_confirmed",
    "Identité non importée sans votre confirmation (option --avec-identite).",
    "Identity not imported without your confirmation (--with-identity option).",
)
SKIP_COMPOSITION = Reason(
    "document_structure",
    "Structure du document : ses rubriques sont importées par leurs ressources.",
    "Document structure: its sections are imported through their resources.",
)
SKIP_PANEL = Reason(
    "panel",
    "Regroupement de mesures : chaque mesure est importée seule.",
    "Panel: its members are imported one by one.",
)
SKIP_OBSERVATION = Reason(
    "unsupported_observation",
    "Observation sans rubrique dans Carnet (ni mesure, ni habitude de vie, ni résultat d'analyse).",
    "Observation with no place in Carnet (neither a measure, social history nor a lab result).",
)
SKIP_SUPERSEDED = Reason(
    "superseded",
    "Version remplacée par une version plus récente du même document.",
    "Superseded by a newer version of the same document.",
)
SKIP_NOT_FINAL = Reason("not_final", "Résultat annulé ou saisi par erreur.", "Result cancelled or entered in error.")
SKIP_NO_ATTACHMENT = Reason(
    "no_attachment",
    "Aucun contenu joint dans le fichier (lien externe non téléchargé).",
    "No content inside the file (external links are not downloaded).",
)
SKIP_NESTED = Reason(
    "nested_bundle", "Lot imbriqué dans un lot : non importé.", "Bundle inside a bundle: not imported."
)
SKIP_PROVENANCE = Reason(
    "provenance",
    "Provenance : enregistrée avec les éléments qu'elle décrit.",
    "Provenance: recorded with the entries it describes.",
)
SKIP_NO_CARNET = Reason("unknown_basic", "Ressource « Basic » d'origine inconnue.", "Basic resource of unknown origin.")

_DOC_CATEGORY_BY_LOINC = {
    c.IPS_DOCUMENT: "synthese",
    "42348-3": "directives_anticipees",
    "11502-2": "biologie",
    "18748-4": "imagerie",
    "34133-9": "compte_rendu",
    "18842-5": "compte_rendu",
    "57833-6": "ordonnance",
}


def _canonical_hash(resource: Mapping[str, Any]) -> str:
    raw = json.dumps(resource, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return hashlib.sha256(raw).hexdigest()


class _Context:
    """Reference resolution inside one file (fullUrl, Type/id, contained #id)."""

    def __init__(self, root: Mapping[str, Any]) -> None:
        self.by_ref: dict[str, Mapping[str, Any]] = {}
        self.bundle_key: str | None = None
        if root.get("resourceType") == "Bundle":
            ident = root.get("identifier") or {}
            if ident.get("value"):
                self.bundle_key = f"{ident.get('system', '')}|{ident['value']}"
            elif root.get("id"):
                self.bundle_key = f"Bundle/{root['id']}"
            for entry in root.get("entry") or []:
                res = entry.get("resource")
                if not isinstance(res, Mapping):
                    continue
                if entry.get("fullUrl"):
                    self.by_ref[str(entry["fullUrl"])] = res
                if res.get("id"):
                    self.by_ref[f"{res['resourceType']}/{res['id']}"] = res

    def resolve_in(self, holder: Mapping[str, Any]) -> Any:
        """A resolver that also finds resources contained in `holder`."""
        contained = {f"#{x.get('id')}": x for x in holder.get("contained") or [] if isinstance(x, Mapping)}

        def resolve(ref: Any) -> Mapping[str, Any] | None:
            if not isinstance(ref, Mapping) or not isinstance(ref.get("reference"), str):
                return None
                # a display-only reference resolves to nothing; the caller reads `display`
            target: str = ref["reference"]
            return contained.get(target) or self.by_ref.get(target)

        return resolve

    def external_ref(self, resource: Mapping[str, Any], full_url: str | None) -> str:
        for ident in resource.get("identifier") or []:
            if isinstance(ident, Mapping) and ident.get("system") and ident.get("value"):
                return f"fhir:{ident['system']}|{ident['value']}"
        if full_url and full_url.startswith("urn:uuid:"):
            return f"fhir:{full_url}"
        rtype = resource.get("resourceType")
        if resource.get("id"):
            suffix = f"@{self.bundle_key}" if self.bundle_key else ""
            return f"fhir:{rtype}/{resource['id']}{suffix}"
        if full_url:
            return f"fhir:{full_url}"
        return f"fhir:sha256:{_canonical_hash(resource)}"


def _decode(data: str, where: str) -> bytes:
    try:
        # Real files wrap base64 with spaces or newlines (the official Binary example does): drop whitespace only.
        return base64.b64decode("".join(data.split()), validate=True)
    except (binascii.Error, ValueError):
        raise FhirInputError.single(
            where,
            "fhir_base64",
            "Pièce jointe illisible : le contenu base64 est abîmé.",
            "Unreadable attachment: the base64 content is damaged.",
        ) from None


def _document(
    attachment: Mapping[str, Any], *, title: str, category: str, date: str | None, where: str
) -> DocumentPayload | None:
    if not isinstance(attachment.get("data"), str):
        return None
    return DocumentPayload(
        content=_decode(attachment["data"], f"{where}.data"),
        title=title,
        category=category,
        content_type=attachment.get("contentType"),
        document_date=k.date_part(attachment.get("creation")) or date,
        filename=attachment.get("title") if "." in str(attachment.get("title") or "") else None,
    )


def _document_outcome(r: Mapping[str, Any], where: str) -> DocumentPayload | Reason:
    rtype = r["resourceType"]
    if rtype == "Binary":
        if not isinstance(r.get("data"), str):
            return SKIP_NO_ATTACHMENT
        return DocumentPayload(
            content=_decode(r["data"], f"{where}.data"),
            title=f"Pièce jointe {r.get('id') or ''}".strip(),
            category="autre",
            content_type=r.get("contentType"),
            document_date=None,
            filename=None,
        )
    if r.get("status") == "superseded":
        return SKIP_SUPERSEDED
    if r.get("status") == "entered-in-error":
        return SKIP_NOT_FINAL
    if rtype == "DocumentReference":
        title = r.get("description") or k.text_of(r.get("type")) or "Document"
        loinc = k.first_code(r.get("type"), c.LOINC)
        category = _DOC_CATEGORY_BY_LOINC.get(loinc or "", "compte_rendu")
        carried = k.carried_fields(r)
        if carried is not None and carried[0] == "document":
            category = str(carried[1].get("category", category))
            title = str(carried[1].get("title", title))
        date = k.date_part(r.get("date")) or k.date_part((r.get("context") or {}).get("period", {}).get("start"))
        for i, content in enumerate(r.get("content") or []):
            doc = _document(
                content.get("attachment") or {},
                title=str(title),
                category=category,
                date=date,
                where=f"{where}.content[{i}].attachment",
            )
            if doc is not None:
                return doc
        return SKIP_NO_ATTACHMENT
    # DiagnosticReport
    cats = {code for cat in r.get("category") or [] for _, code in k.codes_of(cat)}
    category = "imagerie" if cats & {"RAD", "IMG", "imaging", "RUS", "CT", "NMR"} else "biologie"
    title = k.text_of(r.get("code")) or "Compte rendu"
    date = k.date_part(r.get("effectiveDateTime")) or k.date_part(r.get("issued"))
    for i, form in enumerate(r.get("presentedForm") or []):
        doc = _document(form, title=title, category=category, date=date, where=f"{where}.presentedForm[{i}]")
        if doc is not None:
            return doc
    return SKIP_NO_ATTACHMENT


def _observation(r: Mapping[str, Any], resolve: Callable[[Any], Mapping[str, Any] | None]) -> k.Outcome:
    if r.get("status") in {"entered-in-error", "cancelled"}:
        return SKIP_NOT_FINAL
    code = r.get("code")
    if k.has_code(code, c.LOINC, c.BLOOD_GROUP_LOINC):
        return k.blood_group_from_fhir(r)
    loinc = next(
        (code_ for sys_, code_ in sorted(k.codes_of(code)) if sys_ == c.LOINC and code_ in c.MEASURE_BY_LOINC),
        None,
    )
    if loinc is not None:
        return k.measurement_from_fhir(r, c.MEASURE_BY_LOINC[loinc])
    lifestyle = k.lifestyle_from_fhir(r)
    if lifestyle is not None:
        return lifestyle
    if r.get("hasMember") and not any(key.startswith("value") for key in r):
        return SKIP_PANEL
    cats = {code_ for cat in r.get("category") or [] for _, code_ in k.codes_of(cat)}
    if "laboratory" in cats or _other_result(r, cats):
        return k.lab_result_from_fhir(r, resolve)
    return SKIP_OBSERVATION


_RESULT_VALUES = ("valueQuantity", "valueString", "valueCodeableConcept", "valueInteger")


def _other_result(r: Mapping[str, Any], cats: set[str]) -> bool:
    """A result outside the laboratory category (imaging, procedure, none) that IPS's "Results" section holds: a
    LOINC-coded number or text. Vital signs, surveys, exams and social history (alcohol use…) never are."""
    loinc = k.first_code(r.get("code"), c.LOINC)
    return (
        loinc is not None
        and loinc not in c.SOCIAL_HISTORY_LOINC
        and not cats & c.NOT_RESULT_CATEGORIES
        and any(key in r for key in _RESULT_VALUES)
    )


def _composition(r: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for section in r.get("section") or []:
        if not isinstance(section, Mapping):
            continue
        carried = k.carried_all(section)
        if carried:
            out.extend(carried)
            continue
        if section.get("entry"):
            continue
        if k.has_code(section.get("emptyReason"), c.LIST_EMPTY_REASON, "nilknown"):
            carnet = next(
                (c.CARNET_OF_SECTION[x] for _, x in k.codes_of(section.get("code")) if x in c.CARNET_OF_SECTION),
                None,
            )
            if carnet is not None:
                out.append(("not_concerned", {"section": carnet}))
    return out


def _map_resource(
    r: Mapping[str, Any], ctx: _Context, *, accept_identity: bool, where: str
) -> list[tuple[str, dict[str, Any]]] | DocumentPayload | Reason:
    """Entries (kind, fields) a resource becomes, a document, or why it is skipped."""
    rtype = r["resourceType"]
    carried = k.carried_fields(r)
    if rtype == "Patient" and not accept_identity:
        return SKIP_IDENTITY
    if carried is not None and carried[0] != "document":
        return [carried]
    resolve = ctx.resolve_in(r)
    outcome: k.Outcome | None
    if rtype == "Patient":
        outcome = k.identity_from_fhir(r)
    elif rtype == "Condition":
        outcome = k.condition_from_fhir(r)
    elif rtype in {"MedicationStatement", "MedicationRequest"}:
        outcome = k.treatment_from_fhir(r, resolve)
    elif rtype == "AllergyIntolerance":
        outcome = k.allergy_from_fhir(r)
    elif rtype == "Immunization":
        outcome = k.vaccination_from_fhir(r)
    elif rtype == "Encounter":
        outcome = k.hospitalisation_from_fhir(r, resolve)
    elif rtype == "Observation":
        outcome = _observation(r, resolve)
    elif rtype == "FamilyMemberHistory":
        outcome = k.family_history_from_fhir(r)
    elif rtype == "RelatedPerson":
        outcome = k.contact_from_fhir(r)
    elif rtype in {"DocumentReference", "DiagnosticReport", "Binary"}:
        return _document_outcome(r, where)
    elif rtype == "Composition":
        return _composition(r) or SKIP_COMPOSITION
    elif rtype == "Basic":
        outcome = SKIP_NO_CARNET
    elif rtype == "Consent":
        outcome = k.advance_directive_from_fhir(r, resolve)
    elif rtype == "Provenance":
        outcome = SKIP_PROVENANCE
    elif rtype == "Procedure":
        outcome = k.procedure_from_fhir(r, resolve)
    elif rtype in _REFERENCE_TYPES:
        outcome = SKIP_REFERENCE
    elif rtype in _INSURER_TYPES:
        outcome = SKIP_INSURER
    elif rtype == "Bundle":
        outcome = SKIP_NESTED
    else:
        outcome = SKIP_UNSUPPORTED
    return outcome if isinstance(outcome, Reason) else [outcome]


def _document_who(root: Mapping[str, Any], ctx: _Context) -> dict[str, str]:
    """Organisation and author of a document Bundle, from its Composition (custodian, author)."""
    composition = next(
        (
            e.get("resource")
            for e in root.get("entry") or []
            if isinstance(e, Mapping) and (e.get("resource") or {}).get("resourceType") == "Composition"
        ),
        None,
    )
    if not isinstance(composition, Mapping):
        return {}
    resolve = ctx.resolve_in(composition)
    return p.who({"author": composition.get("author"), "serviceProvider": composition.get("custodian")}, resolve)


def _provenances(resources: list[tuple[str | None, Mapping[str, Any], str]]) -> dict[str, dict[str, str]]:
    """Target reference → what the file's Provenance resources say about it."""
    out: dict[str, dict[str, str]] = {}
    for _, res, _ in resources:
        if res.get("resourceType") != "Provenance":
            continue
        said = p.from_provenance_resource(res)
        for target in res.get("target") or []:
            if isinstance(target, Mapping) and isinstance(target.get("reference"), str):
                out.setdefault(target["reference"], said)
    return out


def _with_provenance(
    fields: dict[str, Any], said: Mapping[str, str], *, source: str, today: date | None
) -> dict[str, Any]:
    """An imported entry records where it came from (kept as is when the file already carried it)."""
    if today is None or isinstance(fields.get(PROVENANCE), Mapping):
        return fields
    prov = {"document": source or "FHIR", "imported_on": today.isoformat(), **said}
    return {**fields, PROVENANCE: prov}


def plan_import(
    resource: Mapping[str, Any], *, accept_identity: bool = False, source: str = "", today: date | None = None
) -> ImportPlan:
    """Map a validated FHIR resource or Bundle (see parse.parse_fhir) to an ImportPlan; pure, writes nothing.

    With `today`, every planned entry records its provenance (dossier.entries.source): the file `source`, the date of
    import, and the organisation and author the resource, its Provenance or the document names."""
    ctx = _Context(resource)
    plan = ImportPlan()
    if resource.get("resourceType") == "Bundle":
        listed = [
            (
                str(e.get("fullUrl")) if e.get("fullUrl") else None,
                e.get("resource"),
                f"Bundle.entry[{i}].resource",
            )
            for i, e in enumerate(resource.get("entry") or [])
        ]
        resources = [(url, res, where) for url, res, where in listed if isinstance(res, Mapping)]
    else:
        resources = [(None, resource, str(resource.get("resourceType")))]
    document_who = _document_who(resource, ctx)
    provenances = _provenances(resources)
    for index, (full_url, res, where) in enumerate(resources):
        rtype = str(res["resourceType"])
        plan.counts_in_file[rtype] += 1
        mapped = _map_resource(res, ctx, accept_identity=accept_identity, where=where)
        label = full_url or (f"{rtype}/{res['id']}" if res.get("id") else where)
        if isinstance(mapped, Reason):
            plan.skipped.append(Skipped(rtype, label, mapped))
            continue
        ref = ctx.external_ref(res, full_url)
        carnet_id = _carnet_entry_id(res)
        if isinstance(mapped, DocumentPayload):
            plan.items.append(ImportItem(rtype, ref, document=mapped, source_index=index))
        else:
            said = (
                provenances.get(full_url or "")
                or provenances.get(f"{rtype}/{res.get('id')}")
                or {**document_who, **p.who(res, ctx.resolve_in(res))}
            )
            outcomes = [
                (kind, _with_provenance(fields, said, source=source, today=today) if kind != "identity" else fields)
                for kind, fields in mapped
            ]
            for n, (kind, fields) in enumerate(outcomes):
                item_ref = ref if rtype != "Composition" else f"{ref}#{kind}:{fields.get('section', n)}"
                plan.items.append(
                    ImportItem(
                        rtype,
                        item_ref,
                        kind=kind,
                        fields=fields,
                        carnet_entry_id=carnet_id,
                        source_index=index,
                    )
                )
        plan.sources[index] = rtype
    return plan


def _carnet_entry_id(resource: Mapping[str, Any]) -> str | None:
    if k.carried_fields(resource) is None:  # only trust our own identifiers
        return None
    for ident in resource.get("identifier") or []:
        value = ident.get("value") if isinstance(ident, Mapping) else None
        if ident.get("system") == c.CARNET_ENTRY_ID and isinstance(value, str) and value.startswith("urn:uuid:"):
            return value.removeprefix("urn:uuid:")
    return None
