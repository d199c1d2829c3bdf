"""FHIR import into a dossier (all or nothing, idempotent, with a report) and IPS / collection exports to files."""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from collections.abc import Container, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier.entries import PROVENANCE
from dossier.errors import DossierValidationError
from dossier.fhir import build_collection_bundle, build_ips_bundle, parse_fhir, plan_import
from dossier.fhir.model import DocumentPayload, ImportItem, Reason, Skipped

if TYPE_CHECKING:
    from desktop_app.dossier_store import DocumentInfo, DossierStore, Entry

PAGE = 5_000
_CONTACT_TYPES = frozenset({"phone", "email"})


@dataclass(slots=True)
class TypeCounts:
    """Per FHIR resource type: how many the file held and what became of them."""

    in_file: int = 0
    imported: int = 0
    merged: int = 0
    skipped: int = 0


@dataclass(slots=True)
class ImportReport:
    """What an import did, per resource type, with the reason for every skipped resource."""

    source: str
    by_type: dict[str, TypeCounts] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    created_entries: int = 0
    created_documents: int = 0

    def counts(self, rtype: str) -> TypeCounts:
        return self.by_type.setdefault(rtype, TypeCounts())

    @property
    def imported(self) -> int:
        return sum(c.imported for c in self.by_type.values())

    @property
    def merged(self) -> int:
        return sum(c.merged for c in self.by_type.values())

    def as_json(self, lang: str = "fr") -> dict[str, Any]:
        """The report for `import --json`; reasons in the person's language."""
        return {
            "source": self.source,
            "created_entries": self.created_entries,
            "created_documents": self.created_documents,
            "by_type": {
                t: {"in_file": c.in_file, "imported": c.imported, "merged": c.merged, "skipped": c.skipped}
                for t, c in sorted(self.by_type.items())
            },
            "skipped": [
                {"type": s.resource_type, "where": s.where, "code": s.reason.code, "reason": s.reason.message(lang)}
                for s in self.skipped
            ],
        }

    def render(self, lang: str = "fr") -> str:
        en = lang.startswith("en")
        lines = [
            f"Import of {self.source}:" if en else f"Import de {self.source} :",
            (
                f"  {self.created_entries} entries and {self.created_documents} documents added."
                if en
                else f"  {self.created_entries} éléments et {self.created_documents} documents ajoutés."
            ),
        ]
        head = (
            ("type", "in file", "imported", "merged", "skipped")
            if en
            else (
                "type",
                "dans le fichier",
                "importés",
                "fusionnés",
                "ignorés",
            )
        )
        lines.append("  " + " | ".join(head))
        for rtype in sorted(self.by_type):
            c = self.by_type[rtype]
            lines.append(f"  {rtype} | {c.in_file} | {c.imported} | {c.merged} | {c.skipped}")
        reasons = Counter((s.resource_type, s.reason.message(lang)) for s in self.skipped)
        if reasons:
            lines.append("Skipped, and why:" if en else "Ignorés, et pourquoi :")
            for (rtype, why), n in sorted(reasons.items()):
                lines.append(f"  {rtype} ×{n} : {why}" if not en else f"  {rtype} ×{n}: {why}")
        return "\n".join(lines)


def _entry_rules() -> Any:
    from dossier import entries

    return entries


def _doc_rules() -> Any:
    from dossier import documents

    return documents


def _validation_reason(exc: DossierValidationError) -> Reason:
    return Reason(
        "invalid_value",
        "Valeur refusée : " + "; ".join(f"{i.field} : {i.message_fr}" for i in exc.issues),
        "Value refused: " + "; ".join(f"{i.field}: {i.message_en}" for i in exc.issues),
    )


SINGLETON_DIFFERENT = Reason(
    "already_filled",
    "Déjà renseigné dans votre carnet avec une autre valeur : gardé tel quel (modifiez-le si besoin).",
    "Already filled in with another value: kept as is (edit it if needed).",
)
SECTION_NOT_EMPTY = Reason(
    "section_not_empty",
    "« Non concerné » ignoré : cette rubrique contient déjà des éléments.",
    "'Not concerned' ignored: this section already has items.",
)


class EntryWriter:
    """Applies an ImportPlan inside one transaction, deciding per item: create, merge or skip."""

    def __init__(self, ds: DossierStore, *, author_kind: str) -> None:
        self.ds = ds
        self.author_kind = author_kind
        self.rules = _entry_rules()
        self.today = ds.today()

    def _existing(self, item: ImportItem) -> Entry | None:
        found = self.ds.entries.find_by_external_ref(item.external_ref)
        if found is None and item.carnet_entry_id:
            from desktop_app.errors import NotFound

            try:
                own = self.ds.entries.get(item.carnet_entry_id)
            except NotFound:
                own = None
            found = own if own is not None and own.kind == item.kind else None
        return found

    def _singleton(self, kind: str) -> Entry | None:
        spec = self.rules.ENTRY_KINDS.get(kind)
        if spec is None or not getattr(spec, "singleton", False):
            return None
        rows = self.ds.entries.list(kind, limit=1)
        return rows[0] if rows else None

    def _validate(self, kind: str, raw: Mapping[str, Any]) -> dict[str, Any] | Reason:
        """Validated fields; an optional phone or e-mail another system writes differently (a US number) is dropped
        rather than losing the whole entry."""
        try:
            return dict(self.rules.validate_entry(kind, raw, today=self.today, is_minor=False))
        except DossierValidationError as exc:
            spec = self.rules.ENTRY_KINDS.get(kind)
            bad = {i.field for i in exc.issues}
            # Only optional contact details (phone, e-mail): other systems format them in ways we don't accept.
            droppable = {
                f.name for f in (spec.fields if spec is not None else ()) if not f.required and f.type in _CONTACT_TYPES
            }
            optional = bad & droppable
            if not optional or optional != bad:
                return _validation_reason(exc)
        try:
            kept = {k: v for k, v in raw.items() if k not in optional}
            return dict(self.rules.validate_entry(kind, kept, today=self.today, is_minor=False))
        except DossierValidationError as exc:
            return _validation_reason(exc)

    def entry(self, item: ImportItem) -> str | Reason:
        """'imported', 'merged' or a reason to skip."""
        kind = str(item.kind)
        fields = self._validate(kind, item.fields)
        if isinstance(fields, Reason):
            return fields
        existing = self._existing(item)
        if existing is not None:
            # Re-importing one's own export must not relabel what the patient typed as imported.
            fields.pop(PROVENANCE, None)
            if existing.data.get(PROVENANCE):
                fields[PROVENANCE] = existing.data[PROVENANCE]
            if {k: existing.data.get(k) for k in fields} != fields:
                self.ds.entries.edit(existing.id, fields)
            return "merged"
        if kind == "not_concerned":
            section = fields.get("section")
            same = [e for e in self.ds.entries.list("not_concerned", limit=1000) if e.data.get("section") == section]
            if same:
                return "merged"
            kinds = [name for name, spec in self.rules.ENTRY_KINDS.items() if spec.section == section]
            if any(self.ds.entries.count(name) for name in kinds):
                return SECTION_NOT_EMPTY
        single = self._singleton(kind)
        if single is not None:
            return "merged" if {k: single.data.get(k) for k in fields} == fields else SINGLETON_DIFFERENT
        self.ds.entries.create(kind, fields, external_ref=item.external_ref, author_kind=self.author_kind)
        return "imported"

    def document(self, item: ImportItem, doc: DocumentPayload) -> str | Reason:
        if self.ds.documents.find_by_external_ref(item.external_ref) is not None:
            return "merged"
        rules = _doc_rules()
        # Check everything that could fail before writing: a failure half way would leave chunks in the
        # transaction.
        if len(doc.content) > self.ds.document_limit:
            return Reason("too_large", "Pièce jointe trop volumineuse.", "Attachment too large.")
        try:
            rules.detect_format(doc.content[: 1024 * 1024])
            doc_date = _date(doc.document_date)
            rules.validate_document_metadata(
                title=doc.title[:200],
                category=doc.category,
                document_date=doc_date,
                author_kind=self.author_kind,
                confidentiality=None,
                today=self.today,
            )
        except DossierValidationError as exc:
            return _validation_reason(exc)
        self.ds.documents.add(
            doc.content,
            title=doc.title[:200],
            category=doc.category,
            document_date=doc_date,
            author_kind=self.author_kind,
            filename=doc.filename,
            external_ref=item.external_ref,
        )
        return "imported"


def _date(value: str | None) -> date | None:
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


class Rehearsed(Exception):
    """Raised at the end of a dry run so that its transaction rolls back."""

    def __init__(self) -> None:
        super().__init__("dry run")


@contextmanager
def all_or_nothing(ds: DossierStore, *, dry_run: bool = False) -> Iterator[None]:
    """One transaction around an import; with `dry_run` it is rolled back at the end by raising Rehearsed (nothing
    written, no change published; the caller suppresses it) — the writer still sees its own writes, so the report
    says exactly what a real run would do."""
    if dry_run and getattr(ds._local, "conn", None) is not None:
        raise RuntimeError("a dry run cannot join a transaction already open: its rollback would undo it")
    with ds.transaction():
        yield
        if dry_run:
            raise Rehearsed()


def import_fhir_bytes(
    ds: DossierStore,
    data: bytes | str,
    *,
    source: str,
    accept_identity: bool = False,
    author_kind: str = "patient",
    dry_run: bool = False,
) -> ImportReport:
    """Import one FHIR JSON file (resource or Bundle) into `ds`, all or nothing.

    Broken input raises dossier.fhir.FhirInputError (a DossierValidationError naming where it breaks) before
    anything is written. Re-importing the same file adds nothing: every item has an idempotency key. With
    `dry_run`, the report of what would be imported, merged and skipped, and nothing written.
    """
    resource = parse_fhir(data, source=source)
    return import_fhir_resource(
        ds, resource, source=source, accept_identity=accept_identity, author_kind=author_kind, dry_run=dry_run
    )


def import_fhir_resource(
    ds: DossierStore,
    resource: Mapping[str, Any],
    *,
    source: str,
    accept_identity: bool = False,
    author_kind: str = "patient",
    dry_run: bool = False,
) -> ImportReport:
    """Import an already validated resource (dossier.fhir.parse_fhir); see import_fhir_bytes."""
    plan = plan_import(resource, accept_identity=accept_identity, source=source, today=ds.today())
    report = ImportReport(source=source)
    for rtype, n in plan.counts_in_file.items():
        report.counts(rtype).in_file = n
    for skipped in plan.skipped:
        report.counts(skipped.resource_type).skipped += 1
        report.skipped.append(skipped)
    by_source: dict[int, list[ImportItem]] = {}
    for item in plan.items:
        by_source.setdefault(item.source_index, []).append(item)
    writer = EntryWriter(ds, author_kind=author_kind)
    with contextlib.suppress(Rehearsed), all_or_nothing(ds, dry_run=dry_run):
        for items in by_source.values():
            outcomes: list[str | Reason] = []
            for item in items:
                outcome = writer.document(item, item.document) if item.document else writer.entry(item)
                outcomes.append(outcome)
                if outcome == "imported":
                    if item.document:
                        report.created_documents += 1
                    else:
                        report.created_entries += 1
            counts = report.counts(items[0].resource_type)
            if "imported" in outcomes:
                counts.imported += 1
            elif "merged" in outcomes:
                counts.merged += 1
            else:
                counts.skipped += 1
                reason = next(o for o in outcomes if isinstance(o, Reason))
                report.skipped.append(Skipped(items[0].resource_type, items[0].external_ref, reason))
    return report


def import_fhir_file(
    ds: DossierStore, path: Path, *, accept_identity: bool = False, author_kind: str = "patient"
) -> ImportReport:
    return import_fhir_bytes(
        ds, path.read_bytes(), source=path.name, accept_identity=accept_identity, author_kind=author_kind
    )


# --- export ------------------------------------------------------------------------------------------------------
def iter_entries(ds: DossierStore) -> Iterator[Entry]:
    offset = 0
    while True:
        page = ds.entries.list(offset=offset, limit=PAGE)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def iter_documents(ds: DossierStore) -> Iterator[DocumentInfo]:
    offset = 0
    while True:
        page = ds.documents.list(offset=offset, limit=PAGE)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def write_json_file(out: Path, payload: Mapping[str, Any]) -> None:
    """Write next to the target then rename: a failed export never leaves half a file under the chosen name."""
    tmp = out.with_name(f".{out.name}.part")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
    os.replace(tmp, out)


def export_ips(ds: DossierStore, out: Path, *, now: datetime | None = None) -> dict[str, Any]:
    """Write the dossier's IPS document Bundle to `out` (plain JSON: the caller warned the person) and return it."""
    bundle = build_ips_bundle(list(iter_entries(ds)), dossier_id=ds.dossier_id, now=now or datetime.now(UTC))
    write_json_file(out, bundle)
    return bundle


def export_fhir_collection(
    ds: DossierStore,
    out: Path,
    *,
    now: datetime | None = None,
    with_documents: bool = True,
    skip_documents: Container[str] = (),
) -> dict[str, Any]:
    """Write the whole dossier (entries, "non concerné", documents) as a FHIR collection Bundle.

    `skip_documents`: ids whose bytes are not on this computer (exports.local_bytes); the caller lists them."""
    docs = (
        ((d, ds.documents.read(d.id)) for d in iter_documents(ds) if d.id not in skip_documents)
        if with_documents
        else ()
    )
    bundle = build_collection_bundle(
        list(iter_entries(ds)), dossier_id=ds.dossier_id, now=now or datetime.now(UTC), documents=docs
    )
    write_json_file(out, bundle)
    return bundle
