"""`carnet-server`: serve, migrate, and the insurer's and operator's admin tools."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from platformdirs import user_data_path

from server import workers
from server.admin.service import (
    DeathRecordError,
    InputFileError,
    emergency_report,
    read_care_history_file,
    read_provisioning_file,
    record_death,
    run_jobs,
)
from server.app import UnmigratedDatabaseError, create_app
from server.audit.checkpoints import AuditKeyError, checkpoint_now, parse_key
from server.audit.service import verify
from server.config import Argon2Params, OidcSettings, S3Settings, Settings, SmtpSettings
from server.context import ServiceContext
from server.db import is_at_head, make_engine, migrate
from server.dossiers.service import provision
from server.feed.service import import_care_history
from server.http_limits import uvicorn_options
from server.mail.service import MailConfigurationError
from server.private_files import UMASK, private_dir, tighten_sqlite
from server.professionals.service import NewProfessional, add_professional

ENV_PREFIX = "CARNET_SERVER_"
EXIT_USAGE, EXIT_REFUSED, EXIT_BAD_INPUT, EXIT_AUDIT = 2, 3, 4, 5


def _env(name: str) -> str | None:
    return os.environ.get(ENV_PREFIX + name) or None


def settings_from_args(args: argparse.Namespace) -> Settings:
    data_dir = Path(args.data_dir or _env("DATA_DIR") or user_data_path("carnet-server")).resolve()
    smtp = None
    smtp_host = getattr(args, "smtp_host", None) or _env("SMTP_HOST")
    if smtp_host:
        ca_file = getattr(args, "smtp_ca_file", None) or _env("SMTP_CA_FILE")
        try:
            smtp = SmtpSettings(
                host=smtp_host,
                port=int(getattr(args, "smtp_port", None) or _env("SMTP_PORT") or 25),
                starttls=bool(getattr(args, "smtp_starttls", False) or _env("SMTP_STARTTLS")),
                ssl=bool(getattr(args, "smtp_ssl", False) or _env("SMTP_SSL")),
                user=getattr(args, "smtp_user", None) or _env("SMTP_USER"),
                password=_env("SMTP_PASSWORD"),
                ca_file=Path(ca_file).resolve() if ca_file else None,
            )
        except ValueError as exc:  # contradictory SMTP options: say which, no traceback
            raise SystemExit(f"carnet-server: {exc}") from None
    audit_key = None
    if raw_key := _env("AUDIT_KEY"):  # hex; takes precedence over the key file
        try:
            audit_key = parse_key(raw_key)
        except AuditKeyError as exc:
            raise SystemExit(f"carnet-server: {exc}") from None
    key_file = getattr(args, "audit_key_file", None) or _env("AUDIT_KEY_FILE")
    checkpoints = getattr(args, "audit_checkpoints", None) or _env("AUDIT_CHECKPOINTS")
    proxies_raw = getattr(args, "trusted_proxies", None) or _env("TRUSTED_PROXIES") or ""
    trusted_proxies = tuple(p.strip() for p in proxies_raw.split(",") if p.strip())
    argon = Argon2Params()
    if raw := _env("ARGON2"):  # "time,memory_kib,parallelism" — for benchmarks and tests only
        t, m, p = (int(x) for x in raw.split(","))
        argon = Argon2Params(time_cost=t, memory_cost_kib=m, parallelism=p)
    oidc = None
    if oidc_issuer := _env("OIDC_ISSUER"):  # Pro Santé Connect (OIDC) sign-in of professionals
        try:
            oidc = OidcSettings(
                issuer=oidc_issuer,
                client_id=_env("OIDC_CLIENT_ID") or "",
                client_secret=_env("OIDC_CLIENT_SECRET") or "",
                redirect_uri=_env("OIDC_REDIRECT_URI") or "",
                rpps_claim=_env("OIDC_RPPS_CLAIM") or "SubjectNameID",
                scope=_env("OIDC_SCOPE") or "openid scope_all",
            )
        except ValueError as exc:  # incomplete OIDC settings: say which, no traceback
            raise SystemExit(f"carnet-server: {exc}") from None
    blob_dir = getattr(args, "blob_dir", None) or _env("BLOB_DIR")
    blob_store, s3 = _blob_store_settings(args)
    return Settings(
        data_dir=data_dir,
        blob_dir=Path(blob_dir).resolve() if blob_dir else None,
        blob_store=blob_store,
        s3=s3,
        oidc=oidc,
        database_url=args.database_url or _env("DATABASE_URL"),
        smtp=smtp,
        argon2=argon,
        audit_key=audit_key,
        audit_key_file=Path(key_file).resolve() if key_file else None,
        audit_checkpoints_file=Path(checkpoints).resolve() if checkpoints else None,
        trusted_proxies=trusted_proxies,
        dev=bool(getattr(args, "dev", False) or _env("DEV")),
    )


def _blob_store_settings(args: argparse.Namespace) -> tuple[str | None, S3Settings]:
    """`--blob-store s3://bucket/prefix` and how to reach it; credentials only from boto3's standard chain (the AWS_*
    environment variables, AWS_PROFILE, a role), never from the command line (visible to every local user)."""
    url = getattr(args, "blob_store", None) or _env("BLOB_STORE")
    s3 = S3Settings(
        endpoint_url=getattr(args, "s3_endpoint_url", None) or _env("S3_ENDPOINT_URL"),
        region=getattr(args, "s3_region", None) or _env("S3_REGION"),
        addressing_style=getattr(args, "s3_addressing_style", None) or _env("S3_ADDRESSING_STYLE") or "auto",
        server_side_encryption=getattr(args, "s3_sse", None) or _env("S3_SSE"),
    )
    if s3.server_side_encryption not in (None, "AES256", "aws:kms"):
        raise SystemExit(
            "carnet-server: CARNET_SERVER_S3_SSE : AES256 ou aws:kms. (CARNET_SERVER_S3_SSE: AES256 or aws:kms.)"
        )
    if url:
        from server.storage.s3 import BlobStoreUrlError, parse_url

        try:
            parse_url(url)
        except BlobStoreUrlError as exc:
            raise SystemExit(f"carnet-server: {exc}") from None
    return url, s3


def _export_env(args: argparse.Namespace, settings: Settings) -> None:
    """Hand the settings to worker processes (uvicorn --workers imports the app by name)."""
    os.environ[ENV_PREFIX + "DATA_DIR"] = str(settings.data_dir)
    if settings.database_url:
        os.environ[ENV_PREFIX + "DATABASE_URL"] = settings.database_url
    if settings.blob_dir:
        os.environ[ENV_PREFIX + "BLOB_DIR"] = str(settings.blob_dir)
    blob_env = {
        "BLOB_STORE": settings.blob_store,
        "S3_ENDPOINT_URL": settings.s3.endpoint_url,
        "S3_REGION": settings.s3.region,
        "S3_ADDRESSING_STYLE": settings.s3.addressing_style,
        "S3_SSE": settings.s3.server_side_encryption,
    }
    for name, value in blob_env.items():
        if value:
            os.environ[ENV_PREFIX + name] = value
    if settings.dev:
        os.environ[ENV_PREFIX + "DEV"] = "1"
    if settings.trusted_proxies:
        os.environ[ENV_PREFIX + "TRUSTED_PROXIES"] = ",".join(settings.trusted_proxies)
    os.environ[ENV_PREFIX + "AUDIT_KEY_FILE"] = str(settings.effective_audit_key_file)
    os.environ[ENV_PREFIX + "AUDIT_CHECKPOINTS"] = str(settings.effective_audit_checkpoints)
    if settings.smtp:  # everything but the password, which workers read from the environment already
        smtp = settings.smtp
        exported = {
            "SMTP_HOST": smtp.host,
            "SMTP_PORT": str(smtp.port),
            "SMTP_STARTTLS": "1" if smtp.starttls else None,
            "SMTP_SSL": "1" if smtp.ssl else None,
            "SMTP_USER": smtp.user,
            "SMTP_CA_FILE": str(smtp.ca_file) if smtp.ca_file else None,
        }
        for name, value in exported.items():
            if value is None:
                os.environ.pop(ENV_PREFIX + name, None)
            else:
                os.environ[ENV_PREFIX + name] = value


def app_from_env() -> FastAPI:
    """Factory used by uvicorn worker processes."""
    args = argparse.Namespace(data_dir=None, database_url=None)
    return create_app(settings_from_args(args))


def _tighten(settings: Settings) -> None:
    """The data directory, its subdirectories and the default SQLite files are the service's only (S45): older
    versions left them 0755/0644."""
    private_dir(settings.data_dir)
    private_dir(settings.blob_root)
    for sub in (settings.blob_root / "blobs", settings.blob_root / "uploads", settings.outbox_dir):
        if sub.is_dir():
            private_dir(sub)
    if settings.database_url is None or settings.database_url == f"sqlite:///{settings.sqlite_path}":
        tighten_sqlite(settings.sqlite_path)


def prepare_database(settings: Settings) -> None:
    """Refuse an unmigrated database; only a brand-new default SQLite file is migrated on the spot."""
    fresh_default = settings.database_url is None and not settings.sqlite_path.exists()
    private_dir(settings.data_dir)
    if fresh_default:
        migrate(settings.effective_database_url)
        _tighten(settings)
        return
    _tighten(settings)
    engine = make_engine(settings.effective_database_url, pool_size=0)
    try:
        if not is_at_head(engine):
            raise UnmigratedDatabaseError()
    finally:
        engine.dispose()


def make_uvicorn_server(app: FastAPI, *, host: str = "127.0.0.1", port: int = 0) -> uvicorn.Server:
    """A uvicorn server for an app object: run it in a thread (poll `.started`) or call `.run()`."""
    return uvicorn.Server(workers.uvicorn_config(app, host, port))


def cmd_serve(args: argparse.Namespace) -> int:
    os.umask(UMASK)  # everything the service writes (database, WAL, blobs, outbox, checkpoints) is its own (S45)
    settings = settings_from_args(args)
    try:
        prepare_database(settings)
    except UnmigratedDatabaseError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REFUSED
    if settings.blob_store:  # a wrong endpoint, bucket or credential is said now, not at the first document
        from server.storage.s3 import S3Store

        if problem := S3Store.from_settings(settings).check():
            print(problem, file=sys.stderr)
            return EXIT_REFUSED
    print(f"carnet-server : http://{args.host}:{args.port} (données : {settings.data_dir})", flush=True)
    if args.workers > 1 and workers.supported():
        _export_env(args, settings)
        try:
            supervisor = workers.Supervisor(app_from_env, args.host, args.port, args.workers)
        except OSError as exc:
            print(
                f"Impossible d'écouter sur {args.host}:{args.port} ({exc.strerror}) : choisissez un autre port "
                f"(--port). / Cannot listen on {args.host}:{args.port} ({exc.strerror}): choose another --port.",
                file=sys.stderr,
            )
            return EXIT_REFUSED
        return supervisor.run()
    if args.workers > 1:
        _export_env(args, settings)
        uvicorn.run(
            "server.cli:app_from_env",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level="warning",
            access_log=False,
            **uvicorn_options(settings.trusted_proxies),
            # A busy worker on a small machine answers the supervisor's ping late: don't kill it for that.
            timeout_worker_healthcheck=60,
        )
        return 0
    make_uvicorn_server(create_app(settings), host=args.host, port=args.port).run()
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    private_dir(settings.data_dir)
    migrate(settings.effective_database_url)
    _tighten(settings)
    # The audit chain is keyed from here on (migration 0500): make the key if there is none, and sign the head.
    try:
        ctx = ServiceContext.build(settings, pool_size=0)
    except AuditKeyError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REFUSED
    try:
        checkpoint_now(ctx.sessions)
    finally:
        ctx.close()
    print("Base de données à jour. / Database migrated.")
    return 0


def _context(args: argparse.Namespace, *, create_audit_key: bool = True) -> ServiceContext | None:
    settings = settings_from_args(args)
    try:
        prepare_database(settings)
        return ServiceContext.build(settings, pool_size=0, create_audit_key=create_audit_key)
    except (UnmigratedDatabaseError, AuditKeyError) as exc:
        print(str(exc), file=sys.stderr)
        return None


def _print_problems(error: InputFileError) -> int:
    print("Fichier refusé, rien n'a été importé. / File refused, nothing was imported.", file=sys.stderr)
    for line in error.problems:
        print(f"  {line}", file=sys.stderr)
    return EXIT_BAD_INPUT


def cmd_provision(args: argparse.Namespace) -> int:
    try:
        beneficiaries = read_provisioning_file(Path(args.file))
    except InputFileError as exc:
        return _print_problems(exc)
    ctx = _context(args)
    if ctx is None:
        return EXIT_REFUSED
    with ctx.sessions() as session:
        report = provision(session, ctx, beneficiaries)
        session.commit()
    ctx.close()
    print(json.dumps(asdict(report)))
    return 0


def cmd_feed(args: argparse.Namespace) -> int:
    try:
        items = read_care_history_file(Path(args.file))
    except InputFileError as exc:
        return _print_problems(exc)
    ctx = _context(args)
    if ctx is None:
        return EXIT_REFUSED
    with ctx.sessions() as session:
        report = import_care_history(session, ctx, items)
        session.commit()
    ctx.close()
    print(json.dumps(asdict(report)))
    return EXIT_BAD_INPUT if report.unknown_nir else 0


def cmd_professional_add(args: argparse.Namespace) -> int:
    from dossier.errors import DossierValidationError

    ctx = _context(args)
    if ctx is None:
        return EXIT_REFUSED
    new = NewProfessional(args.rpps, args.profession, args.last_name, args.first_names, args.email, args.town)
    try:
        with ctx.sessions() as session:
            pro, created = add_professional(session, ctx, new)
            session.commit()
    except DossierValidationError as exc:
        print(exc.message("fr"), file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        ctx.close()
    print(json.dumps({"id": str(pro.id), "created": created}))
    return 0


def cmd_helper_add(args: argparse.Namespace) -> int:
    """Register an organisation's helper of assisted sessions (the organisation too, the first time); the helper
    gets an enrolment code by e-mail (S51)."""
    from dossier.errors import DossierValidationError
    from server.errors import ProblemError
    from server.helpers.service import NewHelper, add_helper, add_organisation

    ctx = _context(args)
    if ctx is None:
        return EXIT_REFUSED
    try:
        with ctx.sessions() as session:
            org, org_created = add_organisation(session, ctx, args.organisation)
            new = NewHelper(args.email, args.last_name, args.first_names, manager=args.manager)
            helper, created = add_helper(session, ctx, org, new)
            session.commit()
    except DossierValidationError as exc:
        print(exc.message("fr"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except ProblemError as exc:
        print(f"{exc.detail_fr} / {exc.detail_en}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        ctx.close()
    out = {"id": str(helper.id), "created": created, "organisation_id": str(org.id)}
    print(json.dumps(out | {"organisation_created": org_created}))
    return 0


def cmd_helper_disable(args: argparse.Namespace) -> int:
    """Disable a helper account: their sessions end at once and they can no longer assist anyone."""
    from sqlalchemy import select

    from server.accounts.helper_models import Helper
    from server.helpers.service import disable_helper

    ctx = _context(args)
    if ctx is None:
        return EXIT_REFUSED
    with ctx.sessions() as session:
        helper = session.scalars(select(Helper).where(Helper.email == args.email.strip().lower())).first()
        if helper is None:
            ctx.close()
            print("Aucun aidant avec cette adresse. / No helper with this address.", file=sys.stderr)
            return EXIT_BAD_INPUT
        disable_helper(session, ctx, helper)
        session.commit()
    ctx.close()
    print(json.dumps({"id": str(helper.id), "disabled": True}))
    return 0


def cmd_jobs(args: argparse.Namespace) -> int:
    ctx = _context(args)
    if ctx is None:
        return EXIT_REFUSED
    with ctx.sessions() as session:
        report = run_jobs(session, ctx)
        session.commit()
    checkpoint_now(ctx.sessions)  # periodic jobs also sign the audit chain's head (outside the database)
    ctx.close()
    print(json.dumps(asdict(report)))
    return 0


def _iso_day(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("date AAAA-MM-JJ attendue / YYYY-MM-DD date expected") from exc


def cmd_record_death(args: argparse.Namespace) -> int:
    ctx = _context(args)
    if ctx is None:
        return EXIT_REFUSED
    try:
        with ctx.sessions() as session:
            report = record_death(session, ctx, nir=args.nir, day=args.date)
            session.commit()
    except DeathRecordError as exc:
        print(f"Décès non enregistré : {exc.message_fr} / Death not recorded: {exc.message_en}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        ctx.close()
    print(json.dumps(asdict(report)))
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Check the HMAC chain and the signed checkpoints; when intact, sign the head it checked (a new checkpoint)."""
    ctx = _context(args, create_audit_key=False)
    if ctx is None:
        return EXIT_REFUSED
    try:
        with ctx.sessions() as session:
            report = verify(session)
        if report.ok:
            checkpoint_now(ctx.sessions)
    finally:
        ctx.close()
    if report.ok:
        print(f"Journal d'audit intègre ({report.checked} lignes). / Audit trail intact ({report.checked} rows).")
        return 0
    where = f"n° {report.first_bad_seq}" if report.first_bad_seq is not None else "-"
    print(
        f"Journal d'audit ALTÉRÉ : première ligne en défaut {where} ({report.reason}). "
        f"/ Audit trail TAMPERED at row {where} ({report.reason}).",
        file=sys.stderr,
    )
    return EXIT_AUDIT


def cmd_audit_emergency_report(args: argparse.Namespace) -> int:
    """The professionals whose emergency accesses (and accesses asked on unknown INS) reach the threshold."""
    ctx = _context(args)
    if ctx is None:
        return EXIT_REFUSED
    with ctx.sessions() as session:
        found = emergency_report(session, since=ctx.now() - timedelta(days=args.days), threshold=args.threshold)
    ctx.close()
    if args.json:
        print(json.dumps([asdict(use) for use in found], ensure_ascii=False))
        return 0
    print(
        f"Accès en urgence inhabituels sur {args.days} jours (seuil {args.threshold}) : {len(found)} professionnel(s)."
        f" / Unusual emergency access over {args.days} days (threshold {args.threshold}): {len(found)} professional(s)."
    )
    for use in found:
        reasons = ", ".join(f"{code}={n}" for code, n in sorted(use.reasons.items())) or "-"
        print(
            f"  RPPS {use.rpps} {use.name} : {use.accesses} accès / accesses ({use.dossiers} dossier(s)), "
            f"{use.misses} INS inconnu(s) / unknown INS ; motifs / reasons : {reasons}"
        )
    return 0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", help="data directory (SQLite database, outbox)")
    p.add_argument(
        "--database-url",
        help="e.g. postgresql+psycopg://user@host/db (default: SQLite in data dir); behind PgBouncer in transaction "
        "mode add ?prepare_threshold=none",
    )
    p.add_argument(
        "--blob-dir",
        help="directory of uploads in progress and the attachment key (and, without --blob-store, of document bodies "
        "and attachments), shared by every node of a cluster (default: the data dir; env CARNET_SERVER_BLOB_DIR)",
    )
    p.add_argument(
        "--blob-store",
        help="where finished document bodies and attachments live: s3://bucket/prefix for an S3-compatible store "
        "(credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE; default: files under --blob-dir; "
        "env CARNET_SERVER_BLOB_STORE)",
    )
    p.add_argument("--s3-endpoint-url", help="S3 endpoint for MinIO, Ceph, Scaleway, OVH... (default: AWS)")
    p.add_argument("--s3-region", help="S3 region (default: AWS_REGION / AWS_DEFAULT_REGION)")
    p.add_argument(
        "--s3-addressing-style",
        choices=("auto", "path", "virtual"),
        help="path-style (https://host/bucket/key, most MinIO set-ups) or virtual-host (https://bucket.host/key)",
    )
    p.add_argument(
        "--s3-sse",
        choices=("AES256", "aws:kms"),
        help="ask the S3 service to encrypt each object at rest (SSE-S3 or SSE-KMS; default: the bucket's setting)",
    )
    p.add_argument(
        "--audit-key-file",
        help="HMAC key of the audit chain, 64 hex chars (default: <data dir>/audit.key, created 0600 at first start; "
        "or env CARNET_SERVER_AUDIT_KEY)",
    )
    p.add_argument(
        "--audit-checkpoints",
        help="append-only file of signed audit checkpoints (default: <data dir>/audit-checkpoints)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="carnet-server", description="Carnet central service")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the HTTP service on 127.0.0.1")
    _common(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--dev", action="store_true", help="development: serve /openapi.json, /docs and /redoc")
    serve.add_argument(
        "--trusted-proxies",
        help="comma-separated addresses of reverse proxies whose X-Forwarded-For is believed (default: none; "
        "env CARNET_SERVER_TRUSTED_PROXIES)",
    )
    serve.add_argument("--smtp-host")
    serve.add_argument("--smtp-port", type=int)
    serve.add_argument("--smtp-starttls", action="store_true")
    serve.add_argument("--smtp-ssl", action="store_true")
    serve.add_argument("--smtp-user", help="password from env CARNET_SERVER_SMTP_PASSWORD")
    serve.add_argument("--smtp-ca-file", help="PEM bundle the SMTP server's certificate is checked against (S35)")
    serve.set_defaults(func=cmd_serve)

    mig = sub.add_parser("migrate", help="apply database migrations")
    _common(mig)
    mig.set_defaults(func=cmd_migrate)

    admin = sub.add_parser("admin", help="insurer and operator tools").add_subparsers(dest="tool", required=True)
    prov = admin.add_parser("provision", help="create pending spaces from a CSV or JSON file")
    _common(prov)
    prov.add_argument("file")
    prov.set_defaults(func=cmd_provision)

    pro = admin.add_parser("professional").add_subparsers(dest="action", required=True)
    pro_add = pro.add_parser("add", help="register a health professional")
    _common(pro_add)
    for name in ("--rpps", "--profession", "--last-name", "--first-names", "--email"):
        pro_add.add_argument(name, required=True)
    pro_add.add_argument("--town", default=None, help="where they practise (patients search by town)")
    pro_add.set_defaults(func=cmd_professional_add)

    helper = admin.add_parser("helper", help="helpers of assisted sessions").add_subparsers(
        dest="action", required=True
    )
    helper_add = helper.add_parser("add", help="register a helper of an organisation (France Services…)")
    _common(helper_add)
    for name in ("--organisation", "--email", "--last-name", "--first-names"):
        helper_add.add_argument(name, required=True)
    helper_add.add_argument("--manager", action="store_true", help="may register the organisation's other helpers")
    helper_add.set_defaults(func=cmd_helper_add)
    helper_disable = helper.add_parser("disable", help="disable a helper account (sessions end at once)")
    _common(helper_disable)
    helper_disable.add_argument("--email", required=True)
    helper_disable.set_defaults(func=cmd_helper_disable)

    feed = admin.add_parser("feed").add_subparsers(dest="feed", required=True)
    care = feed.add_parser("care-history", help="import reimbursed care (CSV or JSON)")
    _common(care)
    care.add_argument("file")
    care.set_defaults(func=cmd_feed)

    jobs = admin.add_parser("jobs").add_subparsers(dest="jobs", required=True)
    jobs_run = jobs.add_parser("run", help="run the periodic jobs once")
    _common(jobs_run)
    jobs_run.set_defaults(func=cmd_jobs)

    dossier = sub.add_parser("dossier", help="administrative acts on a space").add_subparsers(
        dest="dossier", required=True
    )
    death = dossier.add_parser("record-death", help="record a death notified by the RNIPP: closes the space")
    _common(death)
    death.add_argument("--nir", required=True)
    death.add_argument("--date", required=True, type=_iso_day, help="date of death, YYYY-MM-DD")
    death.set_defaults(func=cmd_record_death)

    for holder in (admin, sub):
        audit = holder.add_parser("audit").add_subparsers(dest="audit", required=True)
        audit_verify = audit.add_parser("verify", help="check the audit trail's hash chain")
        _common(audit_verify)
        audit_verify.set_defaults(func=cmd_audit_verify)
        report = audit.add_parser("emergency-report", help="professionals with unusual emergency access")
        _common(report)
        report.add_argument("--days", type=int, default=30)
        report.add_argument("--threshold", type=int, default=5, help="accesses + unknown INS from which to list")
        report.add_argument("--json", action="store_true")
        report.set_defaults(func=cmd_audit_emergency_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except MailConfigurationError as exc:  # e.g. an unreadable CA file: refuse to start, say why
        print(f"carnet-server: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return code


if __name__ == "__main__":
    sys.exit(main())
