"""Settings of the central service: one object, built from the command line or by tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from server.clock import Clock, SystemClock


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where outgoing mail goes when it does not go to the outbox directory.

    `starttls` upgrades a plain connection, `ssl` is implicit TLS (port 465); either way the server's certificate and
    host name are verified against `ca_file` (a PEM bundle) or, without one, the system's trust store (S35).
    A login is only ever sent over TLS."""

    host: str
    port: int = 25
    starttls: bool = False
    ssl: bool = False
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout_s: float = 10.0
    ca_file: Path | None = None

    def __post_init__(self) -> None:
        if self.starttls and self.ssl:
            raise ValueError(
                "SMTP : choisissez STARTTLS ou TLS implicite, pas les deux. "
                "(SMTP: choose STARTTLS or implicit TLS, not both.)"
            )
        if self.user and not (self.starttls or self.ssl):
            raise ValueError(
                "SMTP : un identifiant ne s'envoie que sur une connexion chiffrée (STARTTLS ou TLS implicite). "
                "(SMTP: a login is only sent over an encrypted connection: enable STARTTLS or implicit TLS.)"
            )
        if self.ca_file is not None and not (self.starttls or self.ssl):
            raise ValueError(
                "SMTP : un fichier d'autorités de certification n'a de sens qu'avec STARTTLS ou TLS implicite. "
                "(SMTP: a CA file only makes sense with STARTTLS or implicit TLS.)"
            )


@dataclass(frozen=True, slots=True)
class S3Settings:
    """How to reach an S3-compatible blob store (`--blob-store s3://…`): the endpoint (None: AWS), the region, the
    addressing style. Credentials: None means boto3's standard chain (AWS_ACCESS_KEY_ID… env vars, AWS_PROFILE, a
    role); tests and embedders may pass them here. Never in a repr or a log line."""

    endpoint_url: str | None = None
    region: str | None = None
    addressing_style: str = "auto"  # "path" for most MinIO/Ceph set-ups, "virtual" for AWS
    # Ask the service to encrypt each object at rest: "AES256" (SSE-S3) or "aws:kms" (SSE-KMS, the bucket's or the
    # account's default key); None leaves it to the bucket's default encryption.
    server_side_encryption: str | None = None
    access_key_id: str | None = field(default=None, repr=False)
    secret_access_key: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Argon2Params:
    """Argon2id cost; production values by default, tests lower them."""

    time_cost: int = 3
    memory_cost_kib: int = 65536
    parallelism: int = 4


@dataclass(frozen=True, slots=True)
class RateLimits:
    """Progressive lockout (CNIL 2022-100 case 2, ASVS 6.3.1)."""

    account_free_failures: int = 5
    address_free_failures: int = 30
    space_free_failures: int = 10  # wrong activation proofs aimed at one space, all addresses together
    search_free_requests: int = 120  # searches of the professionals' registry by one account, before slowing down
    base_lockout: timedelta = timedelta(minutes=1)
    max_lockout: timedelta = timedelta(hours=1)
    # Successful emergency accesses (bris de glace) of one professional within a sliding window (S54): beyond,
    # 429 until the oldest one leaves the window. An emergency ward may need several a day, never dozens.
    emergency_accesses: int = 10
    emergency_window: timedelta = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class OidcSettings:
    """Professionals' sign-in through an OpenID Connect provider such as Pro Santé Connect (off unless set).

    The service is a confidential client (client_secret_basic) using the authorization-code flow with PKCE S256.
    `rpps_claim` names the claim (ID token, else userinfo) that carries the professional's identifier: Pro Santé
    Connect's `SubjectNameID` holds the national identifier, "8" + the 11-digit RPPS for RPPS-registered people; an
    11-digit value is taken as the RPPS itself.
    """

    issuer: str
    client_id: str
    client_secret: str = field(repr=False)
    redirect_uri: str
    rpps_claim: str = "SubjectNameID"
    scope: str = "openid scope_all"
    state_ttl: timedelta = timedelta(minutes=10)
    timeout_s: float = 10.0

    def __post_init__(self) -> None:
        missing = [n for n in ("client_id", "client_secret", "redirect_uri", "rpps_claim") if not getattr(self, n)]
        if missing:
            raise ValueError(
                f"OIDC : réglage manquant : {', '.join(missing)}. (OIDC: missing setting: {', '.join(missing)}.)"
            )
        issuer = urlsplit(self.issuer)
        if issuer.scheme != "https" and not (issuer.scheme == "http" and issuer.hostname in ("127.0.0.1", "localhost")):
            raise ValueError(
                "OIDC : l'adresse du fournisseur d'identité doit être en https. "
                "(OIDC: the identity provider's address must use https.)"
            )


@dataclass(slots=True)
class Settings:
    """Everything the service needs to run; defaults give a zero-configuration embedded server."""

    data_dir: Path
    database_url: str | None = None
    mail_from: str = "Carnet <ne-pas-repondre@carnet.localhost>"
    smtp: SmtpSettings | None = None
    clock: Clock = field(default_factory=SystemClock)
    argon2: Argon2Params = field(default_factory=Argon2Params)
    rate_limits: RateLimits = field(default_factory=RateLimits)
    access_token_ttl: timedelta = timedelta(minutes=15)
    refresh_token_ttl: timedelta = timedelta(days=30)
    otp_ttl: timedelta = timedelta(minutes=10)
    otp_max_attempts: int = 5
    opposition_window: timedelta = timedelta(weeks=6)
    archive_retention_days: int = 3653
    care_history_months: int = 24
    max_body_bytes: int = 64 * 1024
    # A push batch (POST /v1/sync/push): up to MAX_MUTATIONS_PER_PUSH (2,000) mutations. Larger than other bodies so
    # that a device sends a long outbox in fewer requests, each one transaction and one fsync on both sides (issue 16);
    # announced in every pull.
    max_push_bytes: int = 512 * 1024
    max_chunk_bytes: int = 8 * 1024 * 1024  # the body of one document chunk (PATCH /v1/sync/uploads/…)
    public_url: str = "http://127.0.0.1:8000"
    # The audit chain's HMAC key: `audit_key` (from CARNET_SERVER_AUDIT_KEY) or the file `audit_key_file` (default
    # <data dir>/audit.key, created 0600 at first start). Never in the database; keep it off the database's host.
    audit_key: bytes | None = field(default=None, repr=False)
    audit_key_file: Path | None = None
    # Signed checkpoints of the chain head, appended outside the database (default <data dir>/audit-checkpoints).
    audit_checkpoints_file: Path | None = None
    audit_checkpoint_interval_s: float = 60.0
    # Addresses of reverse proxies whose X-Forwarded-For/-Proto are believed (`--trusted-proxies`); none by default,
    # so a client cannot pick the address the per-address throttle counts (S42).
    trusted_proxies: tuple[str, ...] = ()
    oidc: OidcSettings | None = None  # Pro Santé Connect (OIDC) sign-in of professionals; off by default
    dev: bool = False  # `--dev`: serve /openapi.json, /docs and /redoc (off in production)
    # Where uploads in progress live, and document bodies and attachments unless `blob_store` names a bucket
    # (`--blob-dir`): one directory every node of a cluster shares (docs/SCALING.md); by default the data directory.
    blob_dir: Path | None = None
    # Where finished bodies and attachments live (`--blob-store s3://bucket/prefix`): None is the filesystem store
    # under blob_root; uploads in progress stay in blob_root/uploads either way (server/storage/__init__.py).
    blob_store: str | None = None
    s3: S3Settings = field(default_factory=S3Settings)

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    @property
    def blob_root(self) -> Path:
        """The directory holding `blobs/` and `uploads/` (shared between the nodes of a cluster)."""
        return self.blob_dir or self.data_dir

    @property
    def effective_audit_key_file(self) -> Path:
        return self.audit_key_file or self.data_dir / "audit.key"

    @property
    def effective_audit_checkpoints(self) -> Path:
        return self.audit_checkpoints_file or self.data_dir / "audit-checkpoints"

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "carnet-server.sqlite3"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_path}"
