"""Tables of access management: consent settings, professional relations, aidants, representatives, notifications."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, UTCDateTime, new_id


def _dossier_fk(*, primary_key: bool = False) -> Any:
    return mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=primary_key)


class AccessSettings(Base):
    """One row per dossier: the patient's choices that are not about one professional (absent row = defaults)."""

    __tablename__ = "access_settings"

    dossier_id: Mapped[uuid.UUID] = _dossier_fk(primary_key=True)
    medecin_traitant_rpps: Mapped[str | None] = mapped_column(String(11))
    emergency_samu: Mapped[bool] = mapped_column(Boolean, default=True)
    emergency_other_professionals: Mapped[bool] = mapped_column(Boolean, default=True)
    emergency_masked_documents: Mapped[bool] = mapped_column(Boolean, default=False)
    mask_all_including_emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    default_masked_from_professionals: Mapped[bool] = mapped_column(Boolean, default=False)
    deceased_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opposed_post_mortem_access: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ProfessionalRelation(Base):
    """What the patient decided about one professional (by RPPS): authorised, blocked, administrateur."""

    __tablename__ = "access_professionals"

    dossier_id: Mapped[uuid.UUID] = _dossier_fk(primary_key=True)
    rpps: Mapped[str] = mapped_column(String(11), primary_key=True)
    authorised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    authorised_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    blocked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    administrateur: Mapped[bool] = mapped_column(Boolean, default=False)
    occupational_consent: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_access_professionals_rpps", "rpps"),)


class AidantLink(Base):
    """A delegation of a patient's space to another patient account (proche aidant), with dates."""

    __tablename__ = "access_aidants"

    dossier_id: Mapped[uuid.UUID] = _dossier_fk(primary_key=True)
    aidant_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LegalRepresentation(Base):
    """A legal representative (a patient account) of a minor's dossier; at most two per dossier."""

    __tablename__ = "access_legal_representatives"

    dossier_id: Mapped[uuid.UUID] = _dossier_fk(primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PostMortemClaimant(Base):
    """An heir, cohabitant or PACS partner whose status the service established for a deceased patient."""

    __tablename__ = "access_post_mortem_claimants"

    dossier_id: Mapped[uuid.UUID] = _dossier_fk(primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    established_at: Mapped[datetime] = mapped_column(UTCDateTime())
    relationship: Mapped[str | None] = mapped_column(String(20))
    """heir, pacs or cohabitant, as declared in the request."""
    purpose: Mapped[str | None] = mapped_column(String(20))
    """The purpose of the latest granted request (a ``PostMortemPurpose`` value): it limits what is shown."""
    justification: Mapped[str | None] = mapped_column(Text)


class EmergencyAccess(Base):
    """A bris de glace declared by a professional: the reason (never shown to other professionals) and its end."""

    __tablename__ = "access_emergencies"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    dossier_id: Mapped[uuid.UUID] = _dossier_fk()
    rpps: Mapped[str] = mapped_column(String(11))
    reason: Mapped[str] = mapped_column(Text)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_access_emergencies_lookup", "dossier_id", "rpps", "opened_at"),)


class PatientNotification(Base):
    """An in-app notification for whoever manages a dossier (kept on the server, later synced).

    On PostgreSQL (hash-partitioned by dossier_id, migration 1000) the key is (dossier_id, id)."""

    __tablename__ = "access_notifications"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    dossier_id: Mapped[uuid.UUID] = _dossier_fk()
    event: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_rpps: Mapped[str | None] = mapped_column(String(11))
    actor_name: Mapped[str] = mapped_column(String(420))
    detail: Mapped[str | None] = mapped_column(String(200))
    mailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_access_notifications_feed", "dossier_id", "at"),)


class NotificationPreferences(Base):
    """Which notifications of a dossier are also e-mailed (absent row = all). An emergency access always is."""

    __tablename__ = "access_notification_preferences"

    dossier_id: Mapped[uuid.UUID] = _dossier_fk(primary_key=True)
    mail_professional_access: Mapped[bool] = mapped_column(Boolean, default=True)
    mail_document_added: Mapped[bool] = mapped_column(Boolean, default=True)
    mail_aidant: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MessagingAidant(Base):
    """An aidant the patient lets read their conversations (a delegation alone is not enough). A consent, so it lives
    with access (GET /v1/me/access says which aidants see them); its table came with the messagerie (migration
    0800), whose service reads it."""

    __tablename__ = "messaging_aidants"

    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    aidant_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    allowed_at: Mapped[datetime] = mapped_column(UTCDateTime())
