"""carnet-cli sub-commands for exports and imports: `export ips|fhir|pdf|archive`, `import fhir|archive`.

Plugged in by desktop_app.cli (`register(groups, parents=[common])`); each handler takes the CLI Context and returns
an exit code. Full exports ask for the password even when the keyring could unlock (S19), and plain (unencrypted)
outputs are only written to the path the person gave, never over an existing file without --force (S15).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier.errors import DossierValidationError

if TYPE_CHECKING:
    from desktop_app.cli.core import Context
    from desktop_app.dossier_store import DossierStore
    from desktop_app.profile import UnlockedProfile

EXIT_OK, EXIT_USAGE = 0, 2
PDF_KINDS = ("synthese", "carte-urgence", "historique-acces", "justificatif-aidant")


def _usage(fr: str, en: str) -> Exception:
    from desktop_app.cli.core import UsageError

    return UsageError(fr, en)


def _target(ctx: Context, raw: str) -> Path:
    out = Path(raw)
    if out.exists() and not getattr(ctx.args, "force", False):
        raise _usage(
            f"{out} existe déjà : choisissez un autre nom ou ajoutez --force pour le remplacer.",
            f"{out} already exists: choose another name or add --force to replace it.",
        )
    if not out.parent.is_dir():
        raise _usage(f"Le dossier {out.parent} n'existe pas.", f"The folder {out.parent} does not exist.")
    return out


def _plain_warning(ctx: Context, out: Path) -> None:
    from desktop_app.hardening import make_private

    make_private(out)  # every export is written for its owner only, even over an existing file with --force (S15)
    print(
        ctx_pick(
            ctx,
            f"Attention : {out} n'est pas chiffré. Gardez-le en lieu sûr et supprimez-le après usage.",
            f"Warning: {out} is not encrypted. Keep it safe and delete it when done.",
        ),
        file=sys.stderr,
    )


def ctx_pick(ctx: Context, fr: str, en: str) -> str:
    return en if ctx.lang == "en" else fr


def _reauthenticated(ctx: Context) -> UnlockedProfile:
    """Unlock with the typed password even if the keyring could do it: full exports re-authenticate (S19)."""
    password = ctx.secrets.read("Mot de passe du carnet :", "Record password:")
    return ctx.directory.unlock(password, profile_id=ctx.args.profile)


def _with_dossier(ctx: Context, action: Callable[[DossierStore], int]) -> int:
    profile = _reauthenticated(ctx)
    try:
        return action(profile.dossier(getattr(ctx.args, "dossier", None)))
    finally:
        profile.lock()


# --- export ------------------------------------------------------------------------------------------------------
def cmd_export_ips(ctx: Context) -> int:
    from desktop_app.exports.fhir_io import export_ips

    out = _target(ctx, ctx.args.output)

    def run(ds: DossierStore) -> int:
        bundle = export_ips(ds, out)
        _plain_warning(ctx, out)
        n = len(bundle["entry"])
        ctx.out(f"Synthèse IPS écrite dans {out} ({n} ressources).", f"IPS summary written to {out} ({n} resources).")
        return EXIT_OK

    return _with_dossier(ctx, run)


def _local_documents(ctx: Context, profile: UnlockedProfile, dossier_ids: Sequence[str]) -> set[str]:
    """Issue 15 finding 12: fetch documents' missing bytes first when linked (progress on stderr), then warn about
    and return the ids still missing — the export leaves them out instead of failing halfway."""
    from desktop_app.exports.local_bytes import fetch_missing, missing_documents

    shown: list[int] = []

    def progress(p: Any) -> None:
        if p.phase == "download" and p.bytes_total:
            percent = min(100, p.bytes_done * 100 // p.bytes_total)
            if not shown or percent // 10 != shown[-1] // 10:
                shown.append(percent)
                print(
                    ctx_pick(ctx, f"Téléchargement des documents… {percent} %", f"Downloading documents… {percent}%"),
                    file=sys.stderr,
                )

    fetch_missing(profile, dossier_ids, progress)
    missing = [d for dossier_id in dossier_ids for d in missing_documents(profile.dossier(dossier_id))]
    if missing:
        print(
            ctx_pick(
                ctx,
                f"Attention : {len(missing)} document(s) ne sont pas encore sur cet ordinateur et ne sont pas dans "
                "l'export. Lancez « carnet-cli sync » une fois connecté, puis exportez de nouveau :",
                f"Warning: {len(missing)} document(s) are not on this computer yet and are not in the export. "
                "Run 'carnet-cli sync' once online, then export again:",
            ),
            file=sys.stderr,
        )
        for d in missing:
            print(f"  - {d.title} ({d.id})", file=sys.stderr)
    return {d.id for d in missing}


def _missing_line(ctx: Context, missing: set[str]) -> None:
    if missing:
        ctx.out(
            f"Documents non inclus (pas encore sur cet ordinateur) : {', '.join(sorted(missing))}.",
            f"Documents left out (not on this computer yet): {', '.join(sorted(missing))}.",
        )


def cmd_export_fhir(ctx: Context) -> int:
    from desktop_app.exports.fhir_io import export_fhir_collection

    out = _target(ctx, ctx.args.output)
    profile = _reauthenticated(ctx)
    try:
        ds = profile.dossier(getattr(ctx.args, "dossier", None))
        missing = set() if ctx.args.without_documents else _local_documents(ctx, profile, [ds.dossier_id])
        bundle = export_fhir_collection(ds, out, with_documents=not ctx.args.without_documents, skip_documents=missing)
    finally:
        profile.lock()
    _plain_warning(ctx, out)
    n = len(bundle["entry"])
    ctx.out(f"Dossier complet écrit dans {out} ({n} ressources).", f"Whole record written to {out} ({n} resources).")
    _missing_line(ctx, missing)
    return EXIT_OK


def _access_events(path: str | None) -> list[Any]:
    from desktop_app.exports.pdf import AccessEvent

    if not path:
        return []
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return [
            AccessEvent(
                at=datetime.fromisoformat(str(e["at"])),
                actor=str(e["actor"]),
                action=str(e["action"]),
                detail=str(e.get("detail", "")),
                emergency=bool(e.get("emergency", False)),
            )
            for e in raw
        ]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DossierValidationError.single(
            "events",
            "invalid",
            f"Fichier d'accès illisible ({type(exc).__name__}) : une liste JSON de {{at, actor, action}} est attendue.",
            f"Unreadable access file ({type(exc).__name__}): a JSON list of {{at, actor, action}} is expected.",
        ) from None


def _patient_name(ds: DossierStore, fallback: str) -> str:
    ident = ds.entries.list("identity", limit=1)
    if ident:
        d = ident[0].data
        return " ".join(str(d[k]) for k in ("first_names", "birth_name") if d.get(k)) or fallback
    return fallback


def _date_arg(value: str | None, field: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _usage(
            f"--{field} : date attendue au format AAAA-MM-JJ.", f"--{field}: expected a date as YYYY-MM-DD."
        ) from None


def cmd_export_pdf(ctx: Context) -> int:
    from desktop_app.exports import pdf
    from desktop_app.exports.fhir_io import iter_entries

    out = _target(ctx, ctx.args.output)
    kind = ctx.args.kind
    now = datetime.now(UTC)
    if kind == "justificatif-aidant" and not (ctx.args.caregiver and ctx.args.end):
        raise _usage(
            "justificatif-aidant : indiquez --aidant NOM et --fin AAAA-MM-JJ.",
            "justificatif-aidant: give --aidant NAME and --fin YYYY-MM-DD.",
        )

    def run(ds: DossierStore) -> int:
        entries = list(iter_entries(ds))
        if kind == "synthese":
            content = pdf.build_synthese(entries, generated_at=now)
        elif kind == "carte-urgence":
            content = pdf.build_emergency_card(entries, generated_at=now)
        elif kind == "historique-acces":
            content = pdf.build_access_history(
                _access_events(ctx.args.events),
                patient_label=_patient_name(ds, ctx.args.profile or ""),
                generated_at=now,
                lang=ctx.lang,
            )
        else:
            start = _date_arg(ctx.args.start, "debut") if ctx.args.start else now.date()
            grant = pdf.CaregiverGrant(
                patient_name=_patient_name(ds, ""),
                caregiver_name=ctx.args.caregiver,
                relationship=ctx.args.relationship or "",
                start=start,
                end=_date_arg(ctx.args.end, "fin"),
                reference=f"CARNET-{ds.dossier_id[:8].upper()}-{now:%Y%m%d}",
            )
            if grant.end < grant.start:
                raise _usage("--fin est avant --debut.", "--fin is before --debut.")
            content = pdf.build_caregiver_certificate(grant, generated_at=now, lang=ctx.lang)
        pdf.write_pdf(out, content)
        _plain_warning(ctx, out)
        if ctx.args.save_to_documents:
            ds.documents.add(content, title=_PDF_TITLES[kind], category="synthese", filename=out.name)
        ctx.out(f"PDF écrit dans {out}.", f"PDF written to {out}.")
        return EXIT_OK

    return _with_dossier(ctx, run)


_PDF_TITLES = {
    "synthese": "Synthèse du profil médical",
    "carte-urgence": "Carte d'urgence",
    "historique-acces": "Historique des accès",
    "justificatif-aidant": "Justificatif d'accès — proche aidant",
}


def _archive_passphrase(ctx: Context, *, new: bool) -> str:
    env = os.environ.get("CARNET_ARCHIVE_PASSPHRASE")
    if env:
        return env
    first = ctx.secrets.read("Phrase de passe de l'archive :", "Archive passphrase:")
    if new and not ctx.secrets.from_stdin:
        again = ctx.secrets.read("Confirmez la phrase de passe :", "Confirm the passphrase:")
        if again != first:
            raise _usage("Les deux phrases de passe diffèrent.", "The two passphrases differ.")
    return first


def cmd_export_archive(ctx: Context) -> int:
    from desktop_app.exports.archive import export_archive

    out = _target(ctx, ctx.args.output)
    profile = _reauthenticated(ctx)
    try:
        passphrase = _archive_passphrase(ctx, new=True)
        missing = _local_documents(ctx, profile, profile.dossier_ids())
        summary = export_archive(profile, out, passphrase, skip_documents=missing)
    finally:
        profile.lock()
    from desktop_app.hardening import make_private

    make_private(out)
    ctx.out(
        f"Archive chiffrée écrite dans {out} : {summary.dossiers} dossier(s), {summary.entries} éléments, "
        f"{summary.documents} documents. Gardez la phrase de passe : sans elle, l'archive est illisible.",
        f"Encrypted archive written to {out}: {summary.dossiers} record(s), {summary.entries} items, "
        f"{summary.documents} documents. Keep the passphrase: without it the archive cannot be read.",
    )
    _missing_line(ctx, missing)
    return EXIT_OK


# --- import ------------------------------------------------------------------------------------------------------
def cmd_import_fhir(ctx: Context) -> int:
    from desktop_app.exports.fhir_io import import_fhir_resource
    from dossier.fhir import parse_fhir

    paths = [Path(p) for p in ctx.args.files]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise _usage(f"Fichier introuvable : {missing[0]}", f"File not found: {missing[0]}")
    from desktop_app.cli.cda import refuse_cda_for_fhir

    refuse_cda_for_fhir(paths)
    # Every file is checked before anything is written: one broken file imports nothing.
    parsed = [(p, parse_fhir(p.read_bytes(), source=p.name)) for p in paths]
    # (parse_fhir reads FHIR JSON and XML; a CDA document is refused with a pointer to `import cda`.)
    ds = ctx.dossier()
    reports = [
        import_fhir_resource(ds, resource, source=p.name, accept_identity=ctx.args.with_identity)
        for p, resource in parsed
    ]
    if ctx.args.json:
        print(json.dumps([r.as_json(ctx.lang) for r in reports], ensure_ascii=False, indent=1))
    else:
        for report in reports:
            print(report.render(ctx.lang))
    return EXIT_OK


def cmd_import_archive(ctx: Context) -> int:
    from desktop_app.exports.archive import import_archive

    path = Path(ctx.args.file)
    if not path.is_file():
        raise _usage(f"Fichier introuvable : {path}", f"File not found: {path}")
    passphrase = _archive_passphrase(ctx, new=False)
    password = ctx.secrets.new_password()
    keys: list[str] = []
    profile = import_archive(
        ctx.directory, path, passphrase, label=ctx.args.name, password=password, on_recovery_key=keys.append
    )
    profile.lock()
    ctx.out(
        f"Carnet « {ctx.args.name} » restauré. Clé de secours (à imprimer et garder) : {keys[0]}",
        f"Record '{ctx.args.name}' restored. Recovery key (print it and keep it): {keys[0]}",
    )
    return EXIT_OK


# --- wiring ------------------------------------------------------------------------------------------------------
def register(subparsers: Any, *, parents: Sequence[argparse.ArgumentParser] = ()) -> None:
    """Add `export …` and `import …` to carnet-cli's top-level sub-commands."""

    def command(sub: Any, name: str, handler: Callable[[Context], int], help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, parents=list(parents), help=help_text)
        p.set_defaults(handler=handler, command_name=name)
        return p

    def output(p: argparse.ArgumentParser) -> None:
        p.add_argument("output", metavar="FICHIER", help="fichier à écrire")
        p.add_argument("--force", action="store_true", help="remplacer le fichier s'il existe")

    export = subparsers.add_parser("export", help="exporter (IPS, FHIR, PDF, archive)")
    ex = export.add_subparsers(dest="cmd", required=True)
    output(command(ex, "ips", cmd_export_ips, "synthèse IPS (FHIR R4, document)"))
    p = command(ex, "fhir", cmd_export_fhir, "tout le dossier en FHIR R4 (collection)")
    output(p)
    p.add_argument("--sans-documents", "--without-documents", dest="without_documents", action="store_true")
    p = command(ex, "pdf", cmd_export_pdf, "document PDF")
    output(p)
    p.add_argument("--kind", "--type", dest="kind", choices=PDF_KINDS, required=True)
    p.add_argument("--events", help="historique-acces : fichier JSON des accès")
    p.add_argument("--aidant", "--caregiver", dest="caregiver", help="justificatif-aidant : nom du proche aidant")
    p.add_argument("--lien", "--relationship", dest="relationship", help="justificatif-aidant : lien")
    p.add_argument("--debut", "--start", dest="start", help="justificatif-aidant : début AAAA-MM-JJ")
    p.add_argument("--fin", "--end", dest="end", help="justificatif-aidant : fin AAAA-MM-JJ")
    p.add_argument(
        "--enregistrer",
        "--save-to-documents",
        dest="save_to_documents",
        action="store_true",
        help="enregistrer aussi le PDF dans vos Documents",
    )
    output(command(ex, "archive", cmd_export_archive, "archive chiffrée de tout le carnet"))

    imp = subparsers.add_parser("import", help="importer (FHIR, CDA, archive)")
    im = imp.add_subparsers(dest="cmd", required=True)
    p = command(im, "fhir", cmd_import_fhir, "importer des fichiers FHIR R4 (JSON)")
    p.add_argument("files", nargs="+", metavar="FICHIER")
    p.add_argument(
        "--avec-identite",
        "--with-identity",
        dest="with_identity",
        action="store_true",
        help="importer aussi l'identité (Patient)",
    )
    from desktop_app.cli.cda import register_import

    register_import(im, command)
    p = command(im, "archive", cmd_import_archive, "restaurer un carnet depuis une archive")
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("--name", required=True, help="nom du carnet restauré")
