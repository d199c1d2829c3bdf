"""Tables of the helpers of assisted sessions (France Services counsellors, pharmacists, social workers) and the
organisations that register them. A helper signs in like any principal (password + mailed code); the assisted
session binds the helper's token to the patient's session, and the audit names the helper's account (S51)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, UTCDateTime, new_id


class HelperOrganisation(Base):
    """A structure whose staff accompany people (a France Services office, a pharmacy, a social service)."""

    __tablename__ = "helper_organisations"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Helper(Base):
    """A helper's account: registered by the organisation, password set with a mailed enrolment code."""

    __tablename__ = "helpers"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("helper_organisations.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(254), unique=True)  # also the login
    last_name: Mapped[str] = mapped_column(String(100))
    first_names: Mapped[str] = mapped_column(String(100))
    manager: Mapped[bool] = mapped_column(Boolean, default=False)  # may register the organisation's helpers
    enrolment_code_hash: Mapped[str | None] = mapped_column(String(64))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
