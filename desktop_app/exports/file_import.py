"""Import one FHIR or CDA file chosen in the window: a dry run first (the report, nothing written), then the import.

Both formats end in the same report: per resource type (or CDA template family) what the file held and what is
imported, merged or skipped with its reason, plus the documents a CDA file adds. The import itself is all or nothing
(fhir_io / cda_io); the dry run is the same import rolled back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.exports.fhir_io import ImportReport

if TYPE_CHECKING:
    from desktop_app.dossier_store import DossierStore

FHIR_SUFFIXES = (".json", ".xml")


@dataclass(frozen=True, slots=True)
class FileImport:
    """What importing `source` does (or would do, for a dry run)."""

    source: str
    format: str  # "fhir" or "cda"
    entries: ImportReport
    documents_added: int
    documents_merged: int
    dry_run: bool

    @property
    def changes_anything(self) -> bool:
        return bool(self.entries.created_entries or self.documents_added or self.entries.merged)


def import_file(ds: DossierStore, path: Path, *, dry_run: bool) -> FileImport:
    """Import (or rehearse importing) `path` into `ds`.

    A broken or foreign file raises dossier's validation error (FhirInputError, CdaInputError) before anything is
    written; the message says where it breaks, in French and English.
    """
    from desktop_app.exports.cda_io import import_cda_file, is_cda_file
    from desktop_app.exports.fhir_io import import_fhir_bytes

    if is_cda_file(path):
        cda = import_cda_file(ds, path, with_entries=True, dry_run=dry_run)
        return FileImport(path.name, "cda", cda.entries, cda.documents_added, cda.documents_merged, dry_run)
    report = import_fhir_bytes(ds, path.read_bytes(), source=path.name, dry_run=dry_run)
    return FileImport(path.name, "fhir", report, report.created_documents, 0, dry_run)
