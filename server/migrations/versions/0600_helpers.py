"""Helpers of assisted sessions become accounts of their own, registered by their organisation (issue 15 #2, S51).

The audit's `assisted_by` column now holds `<helper account id>|<organisation id>` (no longer free text); principal
kinds are stored as plain strings, so the new kind "helper" needs no change to the devices or codes tables.

Revision ID: 0600
Revises: 0500
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from server.db import UTCDateTime

revision: str = "0600"
down_revision: str | None = "0500"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "helper_organisations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("disabled_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "helpers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("last_name", sa.String(100), nullable=False),
        sa.Column("first_names", sa.String(100), nullable=False),
        sa.Column("manager", sa.Boolean(), nullable=False),
        sa.Column("enrolment_code_hash", sa.String(64), nullable=True),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("disabled_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["organisation_id"], ["helper_organisations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email"),
    )
    op.create_index("ix_helpers_organisation_id", "helpers", ["organisation_id"])


def downgrade() -> None:
    op.drop_index("ix_helpers_organisation_id", table_name="helpers")
    op.drop_table("helpers")
    op.drop_table("helper_organisations")
