"""FHIR R4 ⇄ Carnet: parse and validate FHIR JSON, plan imports, build IPS and collection Bundles (pure, no I/O)."""

from dossier.fhir.inbound import plan_import
from dossier.fhir.model import (
    DocumentPayload,
    EntryLike,
    ImportItem,
    ImportPlan,
    Reason,
    SimpleEntry,
    Skipped,
)
from dossier.fhir.outbound import DocumentLike, build_collection_bundle, build_ips_bundle
from dossier.fhir.parse import FhirInputError, load_json, parse_fhir, validate_resource

__all__ = [
    "DocumentLike",
    "DocumentPayload",
    "EntryLike",
    "FhirInputError",
    "ImportItem",
    "ImportPlan",
    "Reason",
    "SimpleEntry",
    "Skipped",
    "build_collection_bundle",
    "build_ips_bundle",
    "load_json",
    "parse_fhir",
    "plan_import",
    "validate_resource",
]
