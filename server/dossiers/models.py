"""Tables of a dossier (a patient's space) and its life cycle."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import Date, Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, UTCDateTime, new_id


class SpaceStatus(enum.StrEnum):
    """Where a space stands in its life cycle (PRODUCT.md §3)."""

    PENDING = "pending"  # provisioned, inside the 6-week opposition window
    OPPOSED = "opposed"  # the person opposed; they may still activate later
    CREATED = "created"  # window passed without opposition, not activated yet
    ACTIVE = "active"
    CLOSED = "closed"  # archived for 10 years, may be reactivated
    DELETION_REQUESTED = "deletion_requested"


class Dossier(Base):
    """One beneficiary's space, from provisioning to deletion."""

    __tablename__ = "dossiers"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    nir: Mapped[str] = mapped_column(String(15), unique=True)
    carte_vitale_serial: Mapped[str] = mapped_column(String(32))
    last_name: Mapped[str] = mapped_column(String(200))
    first_names: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date] = mapped_column(Date)
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[SpaceStatus] = mapped_column(Enum(SpaceStatus, native_enum=False, length=32), index=True)
    activation_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    provisioned_at: Mapped[datetime] = mapped_column(UTCDateTime())
    opposition_deadline: Mapped[datetime] = mapped_column(UTCDateTime())
    opposed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    activated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    archive_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deletion_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    legacy_bundle: Mapped[str | None] = mapped_column(Text)


class DossierEntry(Base):
    """A record held in a dossier; for now what a legacy DMP import brought (FHIR resource JSON)."""

    __tablename__ = "dossier_entries"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(32))
    resource_type: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
