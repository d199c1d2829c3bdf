"""carnet-cli: the scripting interface over the client engine (the model: keepassxc-cli over KeePassXC).

Exit codes: 0 ok · 1 unexpected error · 2 usage · 3 wrong password · 4 validation error · 5 unreadable or corrupt
store. Passwords come from the terminal, or from standard input with --password-stdin (one per line, in the order
the command asks for them) — never from an argument.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from desktop_app.cli.argtext import check_text_arguments, readable_name
from desktop_app.dossier_store import DocumentInfo, DossierStore, Entry
from desktop_app.engine import is_corruption
from desktop_app.errors import CarnetError, KeyringUnavailable, StoreCorrupt
from desktop_app.hardening import disable_core_dumps, make_private, restrict_new_files
from desktop_app.i18n import current_language, pick
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from dossier import documents as doc_rules
from dossier import entries as entry_rules
from dossier.errors import DossierValidationError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PASSWORD, EXIT_VALIDATION, EXIT_CORRUPT = 0, 1, 2, 3, 4, 5


class UsageError(Exception):
    def __init__(self, fr: str, en: str) -> None:
        super().__init__(en)
        self.fr, self.en = fr, en


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(pick(f"Erreur d'utilisation : {message}", f"Usage error: {message}"), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


class Secrets:
    """Reads secrets (passwords, recovery key, one-time codes) from stdin lines or the terminal, in order."""

    def __init__(self, *, from_stdin: bool, stdin: TextIO | None = None) -> None:
        self.from_stdin = from_stdin
        self._stdin = stdin or sys.stdin

    def read(self, prompt_fr: str, prompt_en: str) -> str:
        if self.from_stdin:
            line = self._stdin.readline()
            if not line:
                raise UsageError(
                    "Entrée standard vide : une ligne était attendue (--password-stdin).",
                    "Standard input ended: one more line was expected (--password-stdin).",
                )
            return line.rstrip("\r\n")
        if not sys.stdin.isatty():
            raise UsageError(
                "Aucun terminal : utilisez --password-stdin pour fournir le mot de passe.",
                "No terminal: use --password-stdin to provide the password.",
            )
        return getpass.getpass(pick(prompt_fr, prompt_en) + " ")

    def new_password(self) -> str:
        first = self.read("Nouveau mot de passe :", "New password:")
        if not self.from_stdin:
            again = self.read("Confirmez le mot de passe :", "Confirm the password:")
            if again != first:
                raise UsageError("Les deux mots de passe sont différents.", "The two passwords differ.")
        return first


def _parse_fields(pairs: Sequence[str], json_pairs: Sequence[str]) -> dict[str, object]:
    fields: dict[str, object] = {}
    for raw in pairs:
        name, sep, value = raw.partition("=")
        if not sep or not name:
            raise UsageError(
                f"Champ mal écrit : « {raw} » (attendu nom=valeur).",
                f"Malformed field '{raw}' (expected name=value).",
            )
        fields[name.strip()] = value
    for raw in json_pairs:
        name, sep, value = raw.partition("=")
        try:
            fields[name.strip()] = json.loads(value)
        except json.JSONDecodeError as exc:
            raise UsageError(f"Valeur JSON invalide pour « {name} ».", f"Invalid JSON value for '{name}'.") from exc
    return fields


def _entry_json(entry: Entry) -> dict[str, Any]:
    obj: dict[str, Any] = {k: v for k, v in entry.data.items() if k not in {"id", "kind", "fields"}}
    obj.update(
        {
            "id": entry.id,
            "kind": entry.kind,
            "fields": entry.data,
            "summary": entry.summary,
            "author_kind": entry.author_kind,
            "created_at": entry.created_at.isoformat(),
            "updated_at": entry.updated_at.isoformat(),
        }
    )
    return obj


def _document_json(doc: DocumentInfo) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "category": doc.category,
        "document_date": doc.document_date.isoformat() if doc.document_date else None,
        "author_kind": doc.author_kind,
        "format": doc.format,
        "mime_type": doc.mime_type,
        "size": doc.size,
        "sha256": doc.sha256,
        "confidentiality": json.loads(doc.confidentiality.model_dump_json()),
        "filename": doc.filename,
        "created_at": doc.created_at.isoformat(),
    }


class Context:
    """What a command needs: the parsed arguments, the profile directory and a lazily unlocked profile."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang = current_language()
        self.directory = ProfileDirectory(Path(args.data_dir) if args.data_dir else None)
        self.secrets = Secrets(from_stdin=bool(getattr(args, "password_stdin", False)))
        self._profile: UnlockedProfile | None = None

    def profile(self) -> UnlockedProfile:
        if self._profile is None:
            profile_id = self.args.profile
            if not self.secrets.from_stdin:
                try:
                    self._profile = self.directory.unlock_with_keyring(profile_id=profile_id)
                    return self._profile
                except KeyringUnavailable:
                    pass
            password = self.secrets.read("Mot de passe du carnet :", "Record password:")
            self._profile = self.directory.unlock(password, profile_id=profile_id)
        return self._profile

    def dossier(self) -> DossierStore:
        return self.profile().dossier(getattr(self.args, "dossier", None))

    def out(self, fr: str, en: str) -> None:
        print(en if self.lang == "en" else fr)

    def close(self) -> None:
        if self._profile is not None:
            self._profile.lock()


# -- commands ---------------------------------------------------------------------------------------------------------
def cmd_profile_create(ctx: Context) -> int:
    password = ctx.secrets.new_password()
    profile, recovery_key = ctx.directory.create(
        ctx.args.name, password, device_mode="shared" if ctx.args.shared else "personal"
    )
    ctx._profile = profile
    ctx.out(
        f"Carnet « {profile.label} » créé dans {ctx.directory.data_dir}.",
        f"Record '{profile.label}' created in {ctx.directory.data_dir}.",
    )
    ctx.out(
        "Clé de secours (imprimez-la ou recopiez-la et gardez-la en lieu sûr ; elle ne sera plus affichée) :",
        "Recovery key (print or copy it and keep it somewhere safe; it will not be shown again):",
    )
    print(recovery_key)
    return EXIT_OK


def cmd_profile_unlock_check(ctx: Context) -> int:
    profile = ctx.profile()
    ctx.out(
        f"Mot de passe correct : le carnet « {profile.label} » s'ouvre.",
        f"Password correct: record '{profile.label}' opens.",
    )
    return EXIT_OK


def cmd_profile_list(ctx: Context) -> int:
    profiles = ctx.directory.profiles()
    if ctx.args.json:
        print(
            json.dumps(
                [
                    {
                        "id": p.profile_id,
                        "label": p.label,
                        "device_mode": p.device_mode,
                        "remembered": p.remembered,
                    }
                    for p in profiles
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    elif not profiles:
        ctx.out("Aucun carnet dans ce dossier.", "No record in this folder.")
    for p in profiles if not ctx.args.json else ():
        print(f"{p.profile_id}  {p.label}")
    return EXIT_OK


def cmd_profile_remember(ctx: Context) -> int:
    profile = ctx.profile()
    if ctx.args.state == "on":
        profile.remember_on_this_device()
        ctx.out(
            "Ce carnet s'ouvrira sans mot de passe sur cet ordinateur (trousseau du système).",
            "This record will open without a password on this computer (system keyring).",
        )
    else:
        profile.forget_on_this_device()
        ctx.out(
            "Le mot de passe sera de nouveau demandé sur cet ordinateur.",
            "The password will be asked again on this computer.",
        )
    return EXIT_OK


def cmd_profile_backup(ctx: Context) -> int:
    target = ctx.profile().backup(Path(ctx.args.directory))
    ctx.out(
        f"Sauvegarde chiffrée créée dans {target} (elle s'ouvre avec le même mot de passe).",
        f"Encrypted backup created in {target} (it opens with the same password).",
    )
    return EXIT_OK


RESTORE_HINT_FR = (
    "Que faire : restaurez votre dernière sauvegarde — « carnet-cli import archive FICHIER --name NOM » pour une "
    "archive faite par « carnet-cli export archive », ou remettez à sa place le dossier fait par « carnet-cli profile "
    "backup » — ou, si ce carnet est relié au service, resynchronisez-le avec « carnet-cli sync »."
)
RESTORE_HINT_EN = (
    "What to do: restore your latest backup — 'carnet-cli import archive FILE --name NAME' for an archive made by "
    "'carnet-cli export archive', or put back the folder made by 'carnet-cli profile backup' — or, if this record is "
    "linked to the service, sync it again with 'carnet-cli sync'."
)


def cmd_profile_check(ctx: Context) -> int:
    """S12/S38: say which database is damaged and what to do; never crash on the damage it looks for."""
    profile: UnlockedProfile | None = None
    try:
        profile = ctx.profile()
        problems = profile.integrity_problems()
    except StoreCorrupt as exc:
        if exc.database != "account":
            raise
        problems = {"account": ["unreadable"]}
    if not problems:
        ctx.out("Vérification terminée : aucun problème.", "Check complete: no problem found.")
        return EXIT_OK
    ctx.out(
        "Des pages endommagées ont été trouvées. Les fichiers n'ont pas été modifiés.",
        "Damaged pages were found. The files were not changed.",
    )
    for name, rows in problems.items():
        if name == "account":
            ctx.out(
                f"  Base du compte (account.db) : endommagée ({len(rows)} problème(s)).",
                f"  Account database (account.db): damaged ({len(rows)} problem(s)).",
            )
            continue
        label = _dossier_label(profile, name)
        ctx.out(
            f"  Dossier « {label} » (dossiers/{name}.db) : endommagé ({len(rows)} problème(s)).",
            f"  Dossier '{label}' (dossiers/{name}.db): damaged ({len(rows)} problem(s)).",
        )
    ctx.out(RESTORE_HINT_FR, RESTORE_HINT_EN)
    return EXIT_CORRUPT


def _dossier_label(profile: UnlockedProfile | None, dossier_id: str) -> str:
    try:
        return profile.dossier_label(dossier_id) if profile is not None else ""
    except Exception as exc:
        if not is_corruption(exc):
            raise
        return ""


def cmd_profile_recovery_key(ctx: Context) -> int:
    current = ctx.secrets.read("Mot de passe actuel :", "Current password:")
    profile = ctx.directory.unlock(current, profile_id=ctx.args.profile)
    ctx._profile = profile
    recovery_key = profile.new_recovery_key(current)
    ctx.out(
        "Nouvelle clé de secours (l'ancienne ne fonctionne plus ; imprimez celle-ci et gardez-la en lieu sûr) :",
        "New recovery key (the old one no longer works; print this one and keep it somewhere safe):",
    )
    print(recovery_key)
    return EXIT_OK


def cmd_password_change(ctx: Context) -> int:
    current = ctx.secrets.read("Mot de passe actuel :", "Current password:")
    profile = ctx.directory.unlock(current, profile_id=ctx.args.profile)
    ctx._profile = profile
    profile.change_password(current, ctx.secrets.new_password())
    ctx.out(
        "Mot de passe changé. Vos données n'ont pas été ré-écrites : seule la clé a été ré-emballée.",
        "Password changed. Your data was not rewritten: only the key was re-wrapped.",
    )
    return EXIT_OK


def cmd_recover(ctx: Context) -> int:
    recovery_key = ctx.secrets.read("Clé de secours :", "Recovery key:")
    profile = ctx.directory.unlock_with_recovery(recovery_key, profile_id=ctx.args.profile)
    ctx._profile = profile
    profile.set_password(ctx.secrets.new_password())
    ctx.out(
        "Nouveau mot de passe enregistré. Votre clé de secours reste la même.",
        "New password saved. Your recovery key stays the same.",
    )
    return EXIT_OK


def cmd_entry_kinds(ctx: Context) -> int:
    for name, spec in entry_rules.ENTRY_KINDS.items():
        label = spec.label_en if ctx.lang == "en" else spec.label_fr
        fields = ", ".join(f.name + ("*" if f.required else "") for f in spec.fields)
        print(f"{name}\t{label}\t{fields}")
    return EXIT_OK


def cmd_entry_add(ctx: Context) -> int:
    fields = _parse_fields(ctx.args.field, ctx.args.field_json)
    entry = ctx.dossier().entries.create(ctx.args.kind, fields)
    if ctx.args.json:
        print(json.dumps(_entry_json(entry), ensure_ascii=False, indent=2))
    else:
        ctx.out(f"Ajouté : {entry.summary} ({entry.id})", f"Added: {entry.summary} ({entry.id})")
    return EXIT_OK


def cmd_entry_list(ctx: Context) -> int:
    entries = ctx.dossier().entries
    if ctx.args.search:
        found = entries.search(ctx.args.search, kind=ctx.args.kind, offset=ctx.args.offset, limit=ctx.args.limit)
    else:
        found = entries.list(ctx.args.kind, offset=ctx.args.offset, limit=ctx.args.limit)
    if ctx.args.json:
        print(json.dumps([_entry_json(e) for e in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        ctx.out("Aucun élément.", "No item.")
    for entry in found:
        print(f"{entry.id}  {entry.kind:<18} {entry.summary}")
    return EXIT_OK


def cmd_entry_show(ctx: Context) -> int:
    print(json.dumps(_entry_json(ctx.dossier().entries.get(ctx.args.id)), ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_entry_edit(ctx: Context) -> int:
    entry = ctx.dossier().entries.edit(ctx.args.id, _parse_fields(ctx.args.field, ctx.args.field_json))
    ctx.out(f"Modifié : {entry.summary}", f"Updated: {entry.summary}")
    return EXIT_OK


def cmd_entry_delete(ctx: Context) -> int:
    ctx.dossier().entries.delete(ctx.args.id)
    ctx.out("Élément supprimé.", "Item deleted.")
    return EXIT_OK


def cmd_document_categories(ctx: Context) -> int:
    for cid, cat in doc_rules.DOCUMENT_CATEGORIES.items():
        print(f"{cid}\t{cat.label_en if ctx.lang == 'en' else cat.label_fr}")
    return EXIT_OK


def cmd_document_add(ctx: Context) -> int:
    path = Path(ctx.args.file)
    from desktop_app.cli.cda import cmd_document_add_cda
    from desktop_app.exports.cda_io import is_cda_file

    if is_cda_file(path):  # a CDA document brings its own title, category, date and author
        return cmd_document_add_cda(ctx, path)
    if not ctx.args.category:
        raise UsageError("Indiquez --category.", "Give --category.")
    name = readable_name(path)  # a legacy-encoded file name is still added (issue 15 finding 13)
    title = ctx.args.title or Path(name).stem or name
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise UsageError(f"Impossible de lire le fichier « {path} ».", f"Cannot read file '{path}'.") from exc
    from datetime import date

    document_date = date.fromisoformat(ctx.args.date) if ctx.args.date else None
    with handle:
        doc = ctx.dossier().documents.add(
            handle,
            title=title,
            category=ctx.args.category,
            document_date=document_date,
            filename=name,
        )
    if ctx.args.json:
        print(json.dumps(_document_json(doc), ensure_ascii=False, indent=2))
    else:
        ctx.out(
            f"Document ajouté : {doc.title} ({doc.format}, {doc.size} octets) — {doc.id}",
            f"Document added: {doc.title} ({doc.format}, {doc.size} bytes) — {doc.id}",
        )
    return EXIT_OK


def cmd_document_list(ctx: Context) -> int:
    docs = ctx.dossier().documents.list(category=ctx.args.category, offset=ctx.args.offset, limit=ctx.args.limit)
    if ctx.args.json:
        print(json.dumps([_document_json(d) for d in docs], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not docs:
        ctx.out("Aucun document.", "No document.")
    for d in docs:
        print(f"{d.id}  {d.category:<22} {d.title}")
    return EXIT_OK


def cmd_document_get(ctx: Context) -> int:
    out = Path(ctx.args.output)
    if out.exists() and not ctx.args.force:
        raise UsageError(
            f"« {out} » existe déjà : choisissez un autre nom ou ajoutez --force.",
            f"'{out}' already exists: choose another name or add --force.",
        )
    ctx.out(
        "Attention : le fichier enregistré ne sera pas chiffré.",
        "Warning: the saved file will not be encrypted.",
    )
    with ctx.dossier().documents.open(ctx.args.id) as stream, out.open("wb") as target:
        make_private(out)  # in clear on disk: the owner's only (S15)
        while chunk := stream.read(1024 * 1024):
            target.write(chunk)
    ctx.out(f"Document enregistré dans {out}.", f"Document saved to {out}.")
    return EXIT_OK


def cmd_document_mask(ctx: Context) -> int:
    documents = ctx.dossier().documents
    current = documents.get(ctx.args.id).confidentiality
    masked = ctx.args.command_name == "mask"
    documents.set_confidentiality(ctx.args.id, current.model_copy(update={"masked_from_professionals": masked}))
    ctx.out(
        "Document masqué aux professionnels." if masked else "Document de nouveau visible des professionnels.",
        "Document hidden from professionals." if masked else "Document visible to professionals again.",
    )
    return EXIT_OK


def cmd_document_delete(ctx: Context) -> int:
    ctx.dossier().documents.delete(ctx.args.id)
    ctx.out("Document supprimé.", "Document deleted.")
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--password-stdin",
        action="store_true",
        help="lire le(s) mot(s) de passe sur l'entrée standard, un par ligne",
    )
    common.add_argument("--json", action="store_true", help="sortie JSON")

    parser = _Parser(
        prog="carnet-cli",
        description="Carnet — carnet de santé chiffré (interface en ligne de commande)",
        parents=[],
    )
    parser.add_argument("--data-dir", help="dossier des données (par défaut : le dossier de données de l'utilisateur)")
    parser.add_argument("--profile", help="identifiant ou nom du carnet, s'il y en a plusieurs")
    parser.add_argument("--dossier", help="identifiant du dossier (par défaut : le vôtre)")
    groups = parser.add_subparsers(dest="group", required=True, parser_class=_Parser)

    def command(sub: Any, name: str, handler: Callable[[Context], int], help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, parents=[common], help=help_text)
        p.set_defaults(handler=handler, command_name=name)
        return p

    profile = groups.add_parser("profile", help="créer et ouvrir un carnet").add_subparsers(dest="cmd", required=True)
    p = command(profile, "create", cmd_profile_create, "créer un carnet")
    p.add_argument("--name", required=True)
    p.add_argument("--shared", action="store_true", help="ordinateur partagé (jamais de trousseau)")
    command(profile, "unlock-check", cmd_profile_unlock_check, "vérifier le mot de passe")
    command(profile, "list", cmd_profile_list, "lister les carnets")
    p = command(profile, "backup", cmd_profile_backup, "sauvegarde chiffrée du carnet dans un dossier")
    p.add_argument("directory")
    command(profile, "check", cmd_profile_check, "vérifier l'intégrité des fichiers chiffrés")
    command(profile, "recovery-key", cmd_profile_recovery_key, "remplacer la clé de secours (après le mot de passe)")
    p = command(profile, "remember", cmd_profile_remember, "se souvenir de moi sur cet ordinateur")
    p.add_argument("state", choices=["on", "off"])

    password = groups.add_parser("password", help="mot de passe").add_subparsers(dest="cmd", required=True)
    command(password, "change", cmd_password_change, "changer de mot de passe")
    p = command(groups, "recover", cmd_recover, "choisir un nouveau mot de passe avec la clé de secours")

    entry = groups.add_parser("entry", help="éléments du profil médical").add_subparsers(dest="cmd", required=True)
    command(entry, "kinds", cmd_entry_kinds, "types d'éléments")
    p = command(entry, "add", cmd_entry_add, "ajouter un élément")
    p.add_argument("kind")
    p.add_argument("--field", action="append", default=[], metavar="NOM=VALEUR")
    p.add_argument("--field-json", action="append", default=[], metavar="NOM=JSON")
    p = command(entry, "list", cmd_entry_list, "lister les éléments")
    p.add_argument("kind", nargs="?")
    p.add_argument("--search")
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--limit", type=int, default=1000)
    p = command(entry, "show", cmd_entry_show, "afficher un élément")
    p.add_argument("id")
    p = command(entry, "edit", cmd_entry_edit, "modifier un élément")
    p.add_argument("id")
    p.add_argument("--field", action="append", default=[], metavar="NOM=VALEUR")
    p.add_argument("--field-json", action="append", default=[], metavar="NOM=JSON")
    p = command(entry, "delete", cmd_entry_delete, "supprimer un élément")
    p.add_argument("id")

    document = groups.add_parser("document", help="documents").add_subparsers(dest="cmd", required=True)
    command(document, "categories", cmd_document_categories, "catégories de documents")
    p = command(document, "add", cmd_document_add, "ajouter un document")
    p.add_argument("file")
    p.add_argument("--category", help="obligatoire, sauf pour un document CDA")
    p.add_argument("--title", help="par défaut : le nom du fichier (un document CDA apporte le sien)")
    p.add_argument("--date", help="date du document AAAA-MM-JJ")
    p = command(document, "list", cmd_document_list, "lister les documents")
    p.add_argument("--category")
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--limit", type=int, default=1000)
    p = command(document, "get", cmd_document_get, "enregistrer un document dans un fichier (non chiffré)")
    p.add_argument("id")
    p.add_argument("--output", "-o", required=True)
    p.add_argument("--force", action="store_true")
    for name, help_text in (("mask", "masquer aux professionnels"), ("unmask", "ne plus masquer")):
        p = command(document, name, cmd_document_mask, help_text)
        p.add_argument("id")
    p = command(document, "delete", cmd_document_delete, "supprimer un document")
    p.add_argument("id")

    _register_extensions(groups, common)
    return parser


def _register_extensions(groups: Any, common: argparse.ArgumentParser) -> None:
    """Sub-commands that live in their own modules (exports and imports, sync) plug in here."""
    for name in (
        "desktop_app.cli.interop",
        "desktop_app.cli.sync",
        "desktop_app.cli.health",
        "desktop_app.cli.messages",
    ):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(groups, parents=[common])


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()
    restrict_new_files()
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(args)
    lang = ctx.lang
    try:
        check_text_arguments(args)
        return int(args.handler(ctx))
    except UsageError as exc:
        print(exc.en if lang == "en" else exc.fr, file=sys.stderr)
        return EXIT_USAGE
    except DossierValidationError as exc:
        print(exc.message(lang), file=sys.stderr)
        return EXIT_VALIDATION
    except CarnetError as exc:
        print(exc.message(lang), file=sys.stderr)
        if isinstance(exc, StoreCorrupt):
            print(pick(RESTORE_HINT_FR, RESTORE_HINT_EN, lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except UnicodeError:  # undecodable input that slipped past the argument check (a file's content, stdin)
        print(
            pick(
                "Texte illisible : il n'est pas en UTF-8. Rien n'a été modifié.",
                "Unreadable text: it is not UTF-8. Nothing was changed.",
                lang,
            ),
            file=sys.stderr,
        )
        return EXIT_VALIDATION
    except Exception as exc:  # never a traceback with locals: they may hold health data (S37)
        if is_corruption(exc):  # a damaged page met while reading (S12, S38)
            print(StoreCorrupt().message(lang), file=sys.stderr)
            print(pick(RESTORE_HINT_FR, RESTORE_HINT_EN, lang), file=sys.stderr)
            return EXIT_CORRUPT
        print(
            pick(
                f"Erreur inattendue ({type(exc).__name__}). Rien n'a été perdu : réessayez.",
                f"Unexpected error ({type(exc).__name__}). Nothing was lost: try again.",
                lang,
            ),
            file=sys.stderr,
        )
        return EXIT_ERROR
    finally:
        ctx.close()
