"""carnet-cli sub-commands of Dossier Sync: activate, enrol, login, sync, status, conflicts list|resolve.

With --password-stdin the lines are read in this order: `enrol`: the new password; `activate`: the new password,
then the e-mailed confirmation code once the service has sent it; `login`: the password (of the account, and of
the local profile when one exists), then the e-mailed one-time code; `sync`, `status`, `conflicts`: the profile
password.
Extra exit codes: 6 service unreachable (nothing lost), 7 protocol no longer supported, 8 dossier locked (lease),
9 this device was removed from the account (its dossiers were erased; sign in again).
"""

from __future__ import annotations

import argparse
import json
import platform
from collections.abc import Sequence
from typing import Any

from desktop_app import clinic
from desktop_app.cli.core import EXIT_OK, Context, UsageError, _parse_fields
from desktop_app.errors import NoProfile
from desktop_app.profile import UnlockedProfile
from desktop_app.setting_keys import SettingKey
from desktop_app.sync import account
from desktop_app.sync.engine import Revocation, SyncEngine, SyncReport
from desktop_app.sync.http import SyncHttp
from dossier.passwords import check_password


def _server(ctx: Context, profile: UnlockedProfile | None = None) -> str:
    url = getattr(ctx.args, "server", None) or (profile.settings.get(SettingKey.SERVER_URL) if profile else None)
    if not url:
        raise UsageError("Indiquez l'adresse du service avec --server.", "Give the service address with --server.")
    return str(url)


def _device_name(ctx: Context) -> str:
    return str(getattr(ctx.args, "device_name", None) or f"Carnet sur {platform.node() or 'cet ordinateur'}")[:100]


def cmd_activate(ctx: Context) -> int:
    args = ctx.args
    password = ctx.secrets.new_password()
    check_password(password, user_inputs=(args.identifier, args.email))  # before the service: nothing half-done
    http = SyncHttp(_server(ctx))
    try:

        def read_code(masked: str) -> str:
            ctx.out(
                f"Un code de confirmation a été envoyé à {masked or args.email}.",
                f"A confirmation code was sent to {masked or args.email}.",
            )
            return ctx.secrets.read("Code reçu par e-mail :", "Code received by e-mail:")

        done = account.activate(
            http,
            activation_code=args.code,
            nir=args.nir,
            carte_vitale_serial=args.carte_vitale,
            identifier=args.identifier,
            password=password,
            read_code=read_code,
            device_name=_device_name(ctx),
        )
    finally:
        http.close()
    profile, recovery_key = ctx.directory.create(
        args.identifier, password, user_inputs=(args.email,), own_dossier_id=done.dossier_id
    )
    ctx._profile = profile
    _remember_account(profile, _server(ctx), done.identifier, done.session, professional=False)
    if done.session is None:
        ctx.out(
            f"Espace santé activé ; carnet local « {profile.label} » créé. Connectez-vous avec « carnet-cli login ».",
            f"Health space activated; local record '{profile.label}' created. Sign in with 'carnet-cli login'.",
        )
    else:
        ctx.out(
            f"Espace santé activé ; carnet local « {profile.label} » créé et connecté. Lancez « carnet-cli sync ».",
            f"Health space activated; local record '{profile.label}' created and signed in. Run 'carnet-cli sync'.",
        )
    ctx.out("Clé de secours (gardez-la en lieu sûr) :", "Recovery key (keep it somewhere safe):")
    print(recovery_key)
    return EXIT_OK


def cmd_enrol(ctx: Context) -> int:
    """A professional's first time: RPPS + the e-mailed enrolment code, and a new password under the policy."""
    args = ctx.args
    password = ctx.secrets.new_password()
    who = clinic.enrol(server_url=_server(ctx), rpps=args.rpps, code=args.code, password=password)
    ctx.out(
        f"Accès professionnel activé. Connectez-vous : carnet-cli login --professional --identifier {who}",
        f"Professional access ready. Sign in: carnet-cli login --professional --identifier {who}",
    )
    return EXIT_OK


def _remember_account(
    profile: UnlockedProfile, server: str, identifier: str, signed: account.SignedIn | None, *, professional: bool
) -> None:
    """Tie the local record to its account and, when a session is open, keep its tokens (encrypted in the profile)."""
    settings: list[tuple[str, object]] = [
        (SettingKey.SERVER_URL, server),
        (SettingKey.IDENTIFIER, identifier),
        (SettingKey.PROFESSIONAL, professional),
    ]
    if signed is not None:
        settings += [
            (SettingKey.ACCESS_TOKEN, signed.access_token),
            (SettingKey.REFRESH_TOKEN, signed.refresh_token),
            (SettingKey.DEVICE_ID, signed.device_id),
        ]
    for key, value in settings:
        profile.set_setting(key, value)


def cmd_login(ctx: Context) -> int:
    args = ctx.args
    password = ctx.secrets.read("Mot de passe :", "Password:")
    profile: UnlockedProfile | None = None
    try:
        profile = ctx.directory.unlock(password, profile_id=args.profile)
    except NoProfile:
        profile = None
    server = _server(ctx, profile)
    http = SyncHttp(server)
    try:
        device_id = profile.settings.get(SettingKey.DEVICE_ID) if profile else None
        signed = account.login(
            http,
            identifier=args.identifier,
            password=password,
            read_code=lambda: ctx.secrets.read("Code reçu par e-mail :", "Code received by e-mail:"),
            device_name=_device_name(ctx),
            device_id=str(device_id) if device_id else None,
            device_token=profile.settings.get(SettingKey.REFRESH_TOKEN) if profile else None,
            professional=args.professional,
        )
        if profile is None:
            if args.professional:
                profile, _ = ctx.directory.create(
                    args.identifier, password, device_mode="shared", with_own_dossier=False
                )
            else:
                own = account.my_dossier_id(http, signed.access_token)
                profile, _ = ctx.directory.create(args.identifier, password, own_dossier_id=own)
            ctx.out(
                "Carnet local créé sur cet ordinateur avec le même mot de passe.",
                "Local record created on this computer with the same password.",
            )
    finally:
        http.close()
    ctx._profile = profile
    _remember_account(profile, server, args.identifier, signed, professional=bool(args.professional))
    ctx.out("Connecté. Lancez « carnet-cli sync ».", "Signed in. Run 'carnet-cli sync'.")
    return EXIT_OK


def _engine(ctx: Context) -> SyncEngine:
    return SyncEngine(ctx.profile())


def _report_lines(report: SyncReport) -> list[tuple[str, str]]:
    pushed = sum(report.pushed.values())
    detail = ", ".join(f"{k} {v}" for k, v in sorted(report.pushed.items())) or "-"
    lines = [
        (f"Envoyé : {pushed} modification(s) ({detail})", f"Sent: {pushed} change(s) ({detail})"),
        (f"Reçu : {report.pulled} élément(s)", f"Received: {report.pulled} item(s)"),
        (
            f"Documents : {report.uploaded} envoyé(s), {report.downloaded} reçu(s)",
            f"Documents: {report.uploaded} sent, {report.downloaded} received",
        ),
    ]
    if report.new_conflicts:
        lines.append(
            (
                f"Nouveaux conflits : {report.new_conflicts} (carnet-cli conflicts list)",
                f"New conflicts: {report.new_conflicts} (carnet-cli conflicts list)",
            )
        )
    lines += [_revocation_line(r) for r in report.revoked]
    for d in report.lease_purged:
        lines.append((f"Bail expiré : dossier {d} effacé de ce poste.", f"Lease expired: dossier {d} erased here."))
    return lines


def _revocation_line(r: Revocation) -> tuple[str, str]:
    if r.reason == "device_revoked":
        return (
            f"Appareil retiré du compte : dossier {r.dossier_id} effacé de cet ordinateur ; "
            f"{r.pending_changes} modification(s) non envoyée(s) perdue(s).",
            f"Device removed from the account: dossier {r.dossier_id} erased from this computer; "
            f"{r.pending_changes} unsent change(s) lost.",
        )
    return (
        f"Accès retiré au dossier {r.dossier_id} : copie locale effacée ; "
        f"{r.pending_changes} modification(s) non envoyée(s) refusée(s), "
        f"{r.documents_delivered} document(s) remis.",
        f"Access to dossier {r.dossier_id} withdrawn: local copy erased; "
        f"{r.pending_changes} unsent change(s) refused, {r.documents_delivered} document(s) delivered.",
    )


def cmd_sync(ctx: Context) -> int:
    engine = _engine(ctx)
    if not ctx.args.json:
        # A removed device ends the sync with an error: say what was erased first (the report never comes back).
        engine.on_revoked(lambda r: ctx.out(*_revocation_line(r)) if r.reason == "device_revoked" else None)
    try:
        report = engine.sync_once()
    finally:
        engine.http.close()
    if ctx.args.json:
        print(
            json.dumps(
                {
                    "pushed": report.pushed,
                    "pulled": report.pulled,
                    "uploaded": report.uploaded,
                    "downloaded": report.downloaded,
                    "new_conflicts": report.new_conflicts,
                    "revoked": [_asdict(r) for r in report.revoked],
                    "lease_purged": report.lease_purged,
                    "requests": report.requests,
                    "state": engine.state.value,
                }
            )
        )
        return EXIT_OK
    for fr, en in _report_lines(report):
        ctx.out(fr, en)
    return EXIT_OK


def _asdict(value: Any) -> dict[str, Any]:
    return {name: getattr(value, name) for name in value.__slots__}


def cmd_status(ctx: Context) -> int:
    engine = _engine(ctx)
    status = engine.status()
    engine.http.close()
    if ctx.args.json:
        print(json.dumps(status))
        return EXIT_OK
    ctx.out(
        f"Service : {status['server_url']} — état : {status['state']}",
        f"Service: {status['server_url']} — state: {status['state']}",
    )
    for d in status["dossiers"]:
        ctx.out(
            f"Dossier {d['dossier_id']} : {d['pending']} en attente, {d['open_conflicts']} conflit(s), "
            f"{len(d['refused'])} refusée(s), documents à envoyer {d['uploads_pending']}, à recevoir "
            f"{d['downloads_pending']}",
            f"Dossier {d['dossier_id']}: {d['pending']} pending, {d['open_conflicts']} conflict(s), "
            f"{len(d['refused'])} refused, documents to send {d['uploads_pending']}, to receive "
            f"{d['downloads_pending']}",
        )
        for e in d["download_errors"]:
            ctx.out(
                f"    Document {e['document_id']} : le service refuse d'en envoyer le contenu (HTTP {e['status']}).",
                f"    Document {e['document_id']}: the service refuses to send its content (HTTP {e['status']}).",
            )
    return EXIT_OK


def cmd_conflicts_list(ctx: Context) -> int:
    engine = _engine(ctx)
    found = engine.conflicts()
    engine.http.close()
    if ctx.args.json:
        print(json.dumps([_asdict(c) for c in found], ensure_ascii=False))
        return EXIT_OK
    if not found:
        ctx.out("Aucun conflit.", "No conflicts.")
    for c in found:
        ctx.out(f"{c.id}  {c.entity} {c.kind} {c.entity_id}", f"{c.id}  {c.entity} {c.kind} {c.entity_id}")
        if c.record_conflict:
            ctx.out(f"    {c.record_conflict}", f"    {c.record_conflict}")
        for name, sides in c.fields.items():
            if isinstance(sides, dict) and "server" in sides:
                ctx.out(
                    f"    {name} : base={sides['base']!r} serveur={sides['server']!r} vous={sides['client']!r}",
                    f"    {name}: base={sides['base']!r} server={sides['server']!r} mine={sides['client']!r}",
                )
    return EXIT_OK


def cmd_conflicts_resolve(ctx: Context) -> int:
    args = ctx.args
    fields = _parse_fields(args.field, [])
    if bool(args.keep) == bool(fields):
        raise UsageError(
            "Choisissez --keep mine|theirs ou un ou plusieurs --field NOM=VALEUR.",
            "Choose --keep mine|theirs or one or more --field NAME=VALUE.",
        )
    engine = _engine(ctx)
    engine.resolve(args.id, keep=args.keep, fields=fields or None)
    engine.http.close()
    ctx.out(
        "Décision enregistrée : elle part à la prochaine synchronisation.",
        "Decision saved: it is sent at the next sync.",
    )
    return EXIT_OK


def register(subparsers: Any, *, parents: Sequence[argparse.ArgumentParser]) -> None:
    """Add the sync commands to carnet-cli (called from desktop_app/cli/core.py)."""

    def command(sub: Any, name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, parents=list(parents), help=help_text)
        p.set_defaults(handler=handler, command_name=name)
        return p

    p = command(subparsers, "activate", cmd_activate, "activer son espace santé et créer le carnet local")
    p.add_argument("--server", required=True)
    p.add_argument("--code", required=True, help="code d'activation reçu par courrier ou e-mail")
    p.add_argument("--nir", required=True)
    p.add_argument("--carte-vitale", required=True, help="numéro de série de la carte Vitale")
    p.add_argument("--identifier", required=True)
    p.add_argument("--email", required=True)
    p = command(subparsers, "enrol", cmd_enrol, "professionnel : choisir son mot de passe avec le code d'enrôlement")
    p.add_argument("--server", required=True)
    p.add_argument("--rpps", required=True)
    p.add_argument("--code", required=True, help="code d'enrôlement reçu par e-mail")
    p = command(subparsers, "login", cmd_login, "se connecter au service (mot de passe + code e-mail)")
    p.add_argument("--server")
    p.add_argument("--identifier", required=True, help="identifiant (ou RPPS avec --professional)")
    p.add_argument("--professional", action="store_true")
    p.add_argument("--device-name")
    command(subparsers, "sync", cmd_sync, "synchroniser maintenant")
    command(subparsers, "status", cmd_status, "état de la synchronisation")
    conflicts = subparsers.add_parser("conflicts", help="conflits à trancher").add_subparsers(dest="cmd", required=True)
    command(conflicts, "list", cmd_conflicts_list, "lister les conflits")
    p = command(conflicts, "resolve", cmd_conflicts_resolve, "trancher un conflit")
    p.add_argument("id")
    p.add_argument("--keep", choices=["mine", "theirs"])
    p.add_argument("--field", action="append", default=[], metavar="NOM=VALEUR")
