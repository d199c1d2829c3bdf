"""The running service's shared parts (settings, clock, database, mailer, hasher), for the app and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from server.audit.checkpoints import SESSION_INFO_KEY, AuditSecrets, load_key
from server.clock import Clock
from server.config import Settings
from server.db import SERVICE_CONNECTIONS, make_engine, make_session_factory
from server.mail.service import Mailer, OutboxMailer, SmtpMailer
from server.security import PasswordHasher
from server.storage import register as register_blob_store


@dataclass(slots=True)
class ServiceContext:
    """Built once per process; every service function receives it."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    mailer: Mailer
    hasher: PasswordHasher

    @property
    def clock(self) -> Clock:
        return self.settings.clock

    def now(self) -> datetime:
        return self.settings.clock.now()

    @classmethod
    def build(
        cls,
        settings: Settings,
        *,
        mailer: Mailer | None = None,
        pool_size: int = SERVICE_CONNECTIONS,
        create_audit_key: bool = True,
    ) -> ServiceContext:
        """`create_audit_key=False` (audit verify) refuses a missing key file instead of making a new one."""
        key = settings.audit_key or load_key(settings.effective_audit_key_file, create=create_audit_key)
        audit = AuditSecrets(key, settings.effective_audit_checkpoints)
        engine = make_engine(settings.effective_database_url, pool_size=pool_size)
        if mailer is None:
            mailer = (
                SmtpMailer(settings.smtp, sender=settings.mail_from)
                if settings.smtp
                else OutboxMailer(settings.outbox_dir, sender=settings.mail_from)
            )
        sessions = make_session_factory(engine)
        register_blob_store(settings)  # the S3 store of `--blob-store`, else files under the blob directory
        sessions.configure(info={SESSION_INFO_KEY: audit})  # every session can append to the chain
        return cls(
            settings=settings,
            engine=engine,
            sessions=sessions,
            mailer=mailer,
            hasher=PasswordHasher(settings.argon2),
        )

    def close(self) -> None:
        self.engine.dispose()
