"""CDA R2 documents into a dossier: the original and its embedded files as documents, entries offered with a report.

Everything is read and checked before the first write, and the writes happen in one transaction: a broken file, a
document of another patient or an entry the dossier refuses leaves the dossier as it was. Imported documents and
entries are labelled as coming from a professional (never typed by the patient); each entry's external reference
names the source document (`cda:<document id>#<entry id>`), so a re-import merges instead of duplicating.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier.cda import (
    DEFAULT_MAX_BYTES,
    LABELS,
    SNIFF_SIZE,
    CdaDocument,
    CdaEntry,
    CdaHeader,
    CdaInputError,
    Code,
    looks_like_cda,
    read_cda,
    too_large,
)
from dossier.cda.header import LOINC
from dossier.cda.provenance import SYSTEM_URIS, reserved_keys
from dossier.dates import PartialDate
from dossier.documents import DOCUMENT_CATEGORIES, Confidentiality
from dossier.errors import FieldIssue
from dossier.fhir.model import ImportItem, Reason, Skipped

if TYPE_CHECKING:
    from desktop_app.dossier_store import DocumentInfo, DossierStore
    from desktop_app.exports.fhir_io import ImportReport

AUTHOR_KIND = "professional"
ORIGINAL = "CDA original"
# HL7 confidentiality (2.16.840.1.113883.5.25): restricted and very restricted documents start masked from other
# professionals (reversible by the patient); normal ones are not.
_MASKED_CODES = frozenset({"R", "V"})


@dataclass(slots=True)
class CdaImportReport:
    """What a CDA import did: the header read, the documents stored and the entries per template family."""

    source: str
    document: CdaDocument
    entries: ImportReport
    documents_added: int = 0
    documents_merged: int = 0
    entries_offered: int = 0
    ref: str = ""  # the original's external reference, "cda:<document id>"
    imported_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def as_json(self) -> dict[str, Any]:
        h = self.document.header
        return {
            "source": self.source,
            "format": "cda",
            "document_id": h.document_id,
            "title": h.title,
            "type": h.type_code.as_json() if h.type_code else None,
            "category": h.category,
            "date": h.effective_date,
            "confidentiality": h.confidentiality,
            "patient": {
                "name": h.patient.display_name,
                "birth_date": h.patient.birth_date,
                "ins": [{"oid": oid, "value": value} for oid, value in h.patient.ins],
            },
            "author": h.author_name,
            "author_organization": h.author_organization,
            "custodian": h.custodian,
            "imported_at": self.imported_at,
            "documents_added": self.documents_added,
            "documents_merged": self.documents_merged,
            "entries_offered": self.entries_offered,
            "entries": self.entries.as_json(),
            # Every mapped entry with the codes the document gave (system OID, code, display as written).
            "entry_codes": [
                {"where": e.where, "kind": e.kind, "codes": code_list(e.codes)}
                for e in self.document.entries
                if e.kind is not None
            ],
        }

    def render(self, lang: str = "fr") -> str:
        en = lang.startswith("en")
        h = self.document.header
        category = DOCUMENT_CATEGORIES[h.category]
        when = h.effective_date or ("no date" if en else "sans date")
        if h.effective_date and not en:
            when = PartialDate.parse(h.effective_date).french()
        who = ", ".join(p for p in (h.author_name, h.author_organization) if p) or "?"
        lines = [
            f"CDA document: {h.title} ({category.label_en}, {when})"
            if en
            else f"Document CDA : {h.title} ({category.label_fr}, {when})",
            f"  From {who}; custodian: {h.custodian or '?'}"
            if en
            else f"  De {who} ; conservé par {h.custodian or '?'}",
            (
                f"  Documents: {self.documents_added} added, {self.documents_merged} already there."
                if en
                else f"  Documents : {self.documents_added} ajouté(s), {self.documents_merged} déjà présent(s)."
            ),
        ]
        if self.entries.by_type:
            lines.append(self.entries.render(lang))
        elif self.entries_offered:
            lines.append(
                f"  {self.entries_offered} entries can be added to the record: carnet-cli import cda {self.source}"
                if en
                else f"  {self.entries_offered} éléments peuvent être ajoutés au carnet : "
                f"carnet-cli import cda {self.source}"
            )
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What a person changed before storing (the app's add panel); None keeps what the header says."""

    title: str | None = None
    category: str | None = None
    document_date: date | None = None


def is_cda_file(path: Path) -> bool:
    """True when the file opens an HL7 CDA ClinicalDocument (only its first bytes are read)."""
    try:
        with path.open("rb") as fh:
            return looks_like_cda(fh.read(SNIFF_SIZE))
    except OSError:
        return False


def header_of(path: Path) -> CdaHeader | None:
    """The header of a CDA file to prefill a form, None when the file is not a readable CDA document."""
    if not is_cda_file(path):
        return None
    try:
        return read_cda_file(path)[1].header
    except (OSError, CdaInputError):
        return None


def add_cda_document(
    ds: DossierStore, path: Path, meta: DocumentMeta | None = None
) -> tuple[CdaImportReport, DocumentInfo]:
    """The app's add: store the document (entries only offered) and return the stored document to show."""
    report = import_cda_file(ds, path, with_entries=False, meta=meta)
    shown = shown_document(ds, report)
    assert shown is not None  # just stored, in this transaction's commit
    return report, shown


def read_cda_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, CdaDocument]:
    """Read and parse a file, refusing an oversized one from its size before reading it."""
    size = path.stat().st_size
    if size > max_bytes:
        raise too_large(size, max_bytes)
    data = path.read_bytes()
    return data, read_cda(data, max_bytes=max_bytes)


def _confidentiality(code: str) -> Confidentiality:
    return Confidentiality(masked_from_professionals=code in _MASKED_CODES)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value and len(value) == 10 else None


def _fields_for_dossier(entry: CdaEntry, header: CdaHeader, *, source: str, today: date) -> dict[str, Any]:
    """The entry's fields with the reserved keys of dossier.entries.source, as the FHIR import writes them: the codes
    the document gave (`codes`; a lab result's LOINC in its own field) and where it came from (`provenance`)."""
    fields = dict(entry.fields)
    if entry.kind == "lab_result" and "loinc" not in fields:
        loinc = next((c.code for c in entry.codes if c.system == LOINC), None)
        if loinc:
            fields["loinc"] = loinc
    loinc_kept = (SYSTEM_URIS[LOINC], str(fields["loinc"])) if fields.get("loinc") else None
    return fields | reserved_keys(header, entry.codes, source=source, imported_on=today, skip=loinc_kept)


def _check_patient(ds: DossierStore, doc: CdaDocument) -> None:
    """A document whose INS differs from the dossier's identity is another person's: refused, nothing stored."""
    theirs = doc.header.patient.ins_nir()
    rows = ds.entries.list("identity", limit=1)
    ours = str(rows[0].data.get("ins") or "") if rows else ""
    if theirs and ours and theirs[:13] != ours[:13]:
        raise CdaInputError(
            [
                FieldIssue(
                    "recordTarget",
                    "cda_other_patient",
                    "Ce document concerne une autre personne (son INS diffère de celui de ce carnet). "
                    "Rien n'a été enregistré.",
                    "This document is about another person (its INS differs from this record's). Nothing was stored.",
                )
            ]
        )


def code_list(codes: tuple[Code, ...]) -> list[dict[str, str]]:
    return [c.as_json() for c in codes]


class _Import:
    def __init__(self, ds: DossierStore, doc: CdaDocument, data: bytes, source: str, meta: DocumentMeta) -> None:
        from desktop_app.exports.fhir_io import ImportReport

        self.ds, self.doc, self.data, self.source, self.meta = ds, doc, data, source, meta
        key = doc.header.document_id or f"sha256:{hashlib.sha256(data).hexdigest()}"
        self.ref = f"cda:{key}"
        self.report = CdaImportReport(source=source, document=doc, entries=ImportReport(source=source), ref=self.ref)

    def _add_document(self, content: bytes, *, ref: str, filename: str, title: str) -> None:
        h = self.doc.header
        if self.ds.documents.find_by_external_ref(ref) is not None:
            self.report.documents_merged += 1
            return
        if len(content) > self.ds.document_limit:
            raise CdaInputError(
                [
                    FieldIssue(
                        filename,
                        "too_large",
                        "Document trop volumineux pour ce carnet. Rien n'a été enregistré.",
                        "Document too large for this record. Nothing was stored.",
                    )
                ]
            )
        self.ds.documents.add(
            content,
            title=title[:200],
            category=self.meta.category or h.category,
            document_date=self.meta.document_date or _date(h.effective_date),
            author_kind=AUTHOR_KIND,
            confidentiality=_confidentiality(h.confidentiality),
            filename=filename,
            external_ref=ref,
        )
        self.report.documents_added += 1

    def documents(self) -> None:
        stem = Path(self.source).stem or "document"
        title = self.meta.title or self.doc.header.title
        # With an embedded file, that file is what a person opens; the original says what it is.
        original = f"{title} ({ORIGINAL})" if self.doc.attachments else title
        self._add_document(self.data, ref=self.ref, filename=f"{stem}.xml", title=original)
        for n, attachment in enumerate(self.doc.attachments):
            suffix = "" if n == 0 else f"-{n + 1}"
            self._add_document(
                attachment.content,
                ref=f"{self.ref}#media{n}",
                filename=f"{stem}{suffix}.{attachment.extension}",
                title=title,
            )

    def entries(self) -> None:
        from desktop_app.exports.fhir_io import EntryWriter

        writer = EntryWriter(self.ds, author_kind=AUTHOR_KIND)
        report = self.report.entries
        for entry in self.doc.entries:
            label = LABELS[entry.family]
            counts = report.counts(label)
            counts.in_file += 1
            outcome: str | Reason
            if entry.skipped is not None or entry.kind is None:
                outcome = entry.skipped or Reason("unsupported_template", "", "")
            else:
                item = ImportItem(
                    label,
                    f"{self.ref}#{entry.ref}",
                    kind=entry.kind,
                    fields=_fields_for_dossier(entry, self.doc.header, source=self.source, today=writer.today),
                )
                outcome = writer.entry(item)
            if outcome == "imported":
                counts.imported += 1
                report.created_entries += 1
            elif outcome == "merged":
                counts.merged += 1
            elif isinstance(outcome, Reason):
                counts.skipped += 1
                report.skipped.append(Skipped(label, entry.where, outcome))


def import_cda_bytes(
    ds: DossierStore,
    data: bytes,
    *,
    source: str,
    with_entries: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    doc: CdaDocument | None = None,
    meta: DocumentMeta | None = None,
    dry_run: bool = False,
) -> CdaImportReport:
    """Store a CDA document (original + embedded files) and, with `with_entries`, import its entries; all or nothing.

    Raises CdaInputError (a DossierValidationError: CLI exit 4) before any write for a broken, hostile, oversized
    or other patient's document. With `dry_run`, the report of what would be stored, and nothing written.
    """
    from desktop_app.exports.fhir_io import Rehearsed, all_or_nothing

    doc = doc if doc is not None else read_cda(data, max_bytes=max_bytes)
    _check_patient(ds, doc)
    job = _Import(ds, doc, data, source, meta or DocumentMeta())
    job.report.entries_offered = sum(1 for e in doc.entries if e.kind is not None)
    with contextlib.suppress(Rehearsed), all_or_nothing(ds, dry_run=dry_run):
        job.documents()
        if with_entries:
            job.entries()
    return job.report


def import_cda_file(
    ds: DossierStore,
    path: Path,
    *,
    with_entries: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    meta: DocumentMeta | None = None,
    dry_run: bool = False,
) -> CdaImportReport:
    data, doc = read_cda_file(path, max_bytes=max_bytes)
    return import_cda_bytes(
        ds, data, source=path.name, with_entries=with_entries, max_bytes=max_bytes, doc=doc, meta=meta, dry_run=dry_run
    )


def shown_document(ds: DossierStore, report: CdaImportReport) -> DocumentInfo | None:
    """The stored document a person opens: the embedded file when there is one, else the original."""
    for ref in (f"{report.ref}#media0", report.ref):
        found = ds.documents.find_by_external_ref(ref)
        if found is not None:
            return found
    return None
