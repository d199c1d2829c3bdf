"""Tables of who signs in: patient accounts, professionals (by RPPS), their devices, tokens, one-time codes and
throttles."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, UTCDateTime, new_id


class PrincipalKind(enum.StrEnum):
    """Who signs in: a patient, a health professional, or the helper of assisted sessions (server/helpers)."""

    PATIENT = "patient"
    PROFESSIONAL = "professional"
    HELPER = "helper"  # a France Services counsellor, a pharmacist, a social worker (issue 15 #2, S51)


class AccountStatus(enum.StrEnum):
    PENDING_EMAIL = "pending_email"
    ACTIVE = "active"


class CodePurpose(enum.StrEnum):
    """What a one-time code proves."""

    EMAIL_CONFIRM = "email_confirm"
    LOGIN = "login"
    PASSWORD_RESET = "password_reset"  # noqa: S105 (a purpose name, not a secret)
    LOGIN_UNLOCK = "login_unlock"  # lets the owner's next login past the account lock-out (issue 15 #8)


_KIND = Enum(PrincipalKind, native_enum=False, length=16)


class Account(Base):
    """A patient's login to their own dossier."""

    __tablename__ = "accounts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), unique=True)
    identifier: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    email: Mapped[str] = mapped_column(String(254), index=True)
    status: Mapped[AccountStatus] = mapped_column(Enum(AccountStatus, native_enum=False, length=16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    email_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Device(Base):
    """A registered device of a principal; revoking it kills its tokens at once."""

    __tablename__ = "devices"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    principal_kind: Mapped[PrincipalKind] = mapped_column(_KIND)
    principal_id: Mapped[uuid.UUID] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(String(100))
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AccessToken(Base):
    """A short-lived opaque bearer token, stored as its SHA-256."""

    __tablename__ = "access_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class RefreshToken(Base):
    """A single-use refresh token bound to a device, stored as its SHA-256 (S34)."""

    __tablename__ = "refresh_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class OneTimeCode(Base):
    """A 6-digit code sent by e-mail: stored hashed, short-lived, single-use, few attempts."""

    __tablename__ = "one_time_codes"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    purpose: Mapped[CodePurpose] = mapped_column(Enum(CodePurpose, native_enum=False, length=16))
    principal_kind: Mapped[PrincipalKind] = mapped_column(_KIND)
    principal_id: Mapped[uuid.UUID] = mapped_column(index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Throttle(Base):
    """Failure counter and lockout for one key (an account or a network address)."""

    __tablename__ = "throttles"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime())
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Professional(Base):
    """A professional identified by RPPS; the password is set with an enrolment code."""

    __tablename__ = "professionals"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    rpps: Mapped[str] = mapped_column(String(11), unique=True)
    profession: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(200))
    first_names: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    enrolment_code_hash: Mapped[str | None] = mapped_column(String(64))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
