"""carnet-cli and CDA R2 documents: `import cda FILE…`, `document add FILE.xml` on a CDA, and the CDA check of
`import fhir`. Plugged in by desktop_app.cli.interop (import) and desktop_app.cli.core (document add); each handler
takes the CLI Context and returns an exit code.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.argtext import readable_name
from desktop_app.exports.cda_io import is_cda_file
from dossier.cda import DEFAULT_MAX_BYTES, CdaInputError
from dossier.errors import FieldIssue

if TYPE_CHECKING:
    from desktop_app.cli.core import Context

EXIT_OK = 0


def refuse_cda_for_fhir(paths: list[Path]) -> None:
    """`import fhir` on a CDA file: say what it is and which command reads it, instead of a JSON parser message."""
    for path in paths:
        if is_cda_file(path):
            raise CdaInputError(
                [
                    FieldIssue(
                        path.name,
                        "cda_not_fhir",
                        f"Ceci est un document CDA, pas du FHIR : utilisez « carnet-cli import cda {path} ».",
                        f"This is a CDA document, not FHIR: use 'carnet-cli import cda {path}'.",
                    )
                ]
            )


def _missing(ctx: Context, paths: list[Path]) -> None:
    from desktop_app.cli.core import UsageError

    for p in paths:
        if not p.is_file():
            raise UsageError(f"Fichier introuvable : {p}", f"File not found: {p}")


def _print(ctx: Context, reports: list[Any]) -> None:
    if ctx.args.json:
        print(json.dumps([r.as_json() for r in reports], ensure_ascii=False, indent=1))
    else:
        for report in reports:
            print(report.render(ctx.lang))


def cmd_import_cda(ctx: Context) -> int:
    """Store each document and import its entries; every file is read and checked before anything is written."""
    from desktop_app.exports.cda_io import import_cda_bytes, read_cda_file

    paths = [Path(p) for p in ctx.args.files]
    _missing(ctx, paths)
    limit = ctx.args.max_size_mb * 1024 * 1024
    parsed = [(p, *read_cda_file(p, max_bytes=limit)) for p in paths]
    ds = ctx.dossier()
    with ds.transaction():  # several files: all or nothing as well
        reports = [
            import_cda_bytes(
                ds, data, source=readable_name(p), with_entries=not ctx.args.document_only, doc=doc, max_bytes=limit
            )
            for p, data, doc in parsed
        ]
    _print(ctx, reports)
    return EXIT_OK


def cmd_document_add_cda(ctx: Context, path: Path) -> int:
    """`document add` on a CDA: the document with its header's metadata (--title, --category, --date given win),
    entries only offered (see `import cda`)."""
    from datetime import date

    from desktop_app.exports.cda_io import DocumentMeta, import_cda_bytes, read_cda_file

    data, doc = read_cda_file(path)
    args = ctx.args
    meta = DocumentMeta(args.title, args.category, date.fromisoformat(args.date) if args.date else None)
    report = import_cda_bytes(ctx.dossier(), data, source=readable_name(path), with_entries=False, doc=doc, meta=meta)
    _print(ctx, [report])
    return EXIT_OK


def register_import(
    im: Any, command: Callable[[Any, str, Callable[[Context], int], str], argparse.ArgumentParser]
) -> None:
    """Add `import cda` next to `import fhir` (called by desktop_app.cli.interop.register)."""
    p = command(im, "cda", cmd_import_cda, "importer des documents CDA R2 (DMP, CI-SIS)")
    p.add_argument("files", nargs="+", metavar="FICHIER")
    p.add_argument(
        "--document-seul",
        "--document-only",
        dest="document_only",
        action="store_true",
        help="enregistrer le document sans importer ses éléments",
    )
    p.add_argument(
        "--taille-max",
        "--max-size",
        dest="max_size_mb",
        type=int,
        default=DEFAULT_MAX_BYTES // (1024 * 1024),
        metavar="MO",
        help="taille maximale d'un document, en Mo (50 par défaut)",
    )
