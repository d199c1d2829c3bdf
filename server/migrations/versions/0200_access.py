"""Access management: consent settings, professional relations, aidants, legal representatives, post-mortem
claimants, emergency accesses, patient notifications.

Revision ID: 0200
Revises: 0100
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0200"
down_revision: str | None = "0100"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _dossier_fk(name: str = "dossier_id") -> sa.Column[Any]:
    return sa.Column(name, sa.Uuid(), sa.ForeignKey("dossiers.id", ondelete="CASCADE"), nullable=False)


def _account_fk(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Uuid(), sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False)


def _when(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "access_settings",
        _dossier_fk(),
        sa.Column("medecin_traitant_rpps", sa.String(11), nullable=True),
        sa.Column("emergency_samu", sa.Boolean(), nullable=False),
        sa.Column("emergency_other_professionals", sa.Boolean(), nullable=False),
        sa.Column("emergency_masked_documents", sa.Boolean(), nullable=False),
        sa.Column("mask_all_including_emergency", sa.Boolean(), nullable=False),
        sa.Column("default_masked_from_professionals", sa.Boolean(), nullable=False),
        _when("deceased_at", nullable=True),
        sa.Column("opposed_post_mortem_access", sa.Boolean(), nullable=False),
        _when("updated_at"),
        sa.PrimaryKeyConstraint("dossier_id", name="pk_access_settings"),
    )
    op.create_table(
        "access_professionals",
        _dossier_fk(),
        sa.Column("rpps", sa.String(11), nullable=False),
        _when("authorised_at", nullable=True),
        _when("authorised_until", nullable=True),
        _when("blocked_at", nullable=True),
        sa.Column("administrateur", sa.Boolean(), nullable=False),
        sa.Column("occupational_consent", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("dossier_id", "rpps", name="pk_access_professionals"),
    )
    op.create_index("ix_access_professionals_rpps", "access_professionals", ["rpps"])
    op.create_table(
        "access_aidants",
        _dossier_fk(),
        _account_fk("aidant_account_id"),
        _when("starts_at"),
        _when("ends_at"),
        sa.PrimaryKeyConstraint("dossier_id", "aidant_account_id", name="pk_access_aidants"),
    )
    op.create_index("ix_access_aidants_aidant_account_id", "access_aidants", ["aidant_account_id"])
    op.create_table(
        "access_legal_representatives",
        _dossier_fk(),
        _account_fk("account_id"),
        _when("created_at"),
        sa.PrimaryKeyConstraint("dossier_id", "account_id", name="pk_access_legal_representatives"),
    )
    op.create_index("ix_access_legal_representatives_account_id", "access_legal_representatives", ["account_id"])
    op.create_table(
        "access_post_mortem_claimants",
        _dossier_fk(),
        _account_fk("account_id"),
        _when("established_at"),
        sa.PrimaryKeyConstraint("dossier_id", "account_id", name="pk_access_post_mortem_claimants"),
    )
    op.create_table(
        "access_emergencies",
        sa.Column("id", sa.Uuid(), nullable=False),
        _dossier_fk(),
        sa.Column("rpps", sa.String(11), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        _when("opened_at"),
        _when("expires_at"),
        sa.PrimaryKeyConstraint("id", name="pk_access_emergencies"),
    )
    op.create_index("ix_access_emergencies_lookup", "access_emergencies", ["dossier_id", "rpps", "opened_at"])
    op.create_table(
        "access_notifications",
        sa.Column("id", sa.Uuid(), nullable=False),
        _dossier_fk(),
        sa.Column("event", sa.String(40), nullable=False),
        _when("at"),
        sa.Column("actor_rpps", sa.String(11), nullable=True),
        sa.Column("actor_name", sa.String(420), nullable=False),
        sa.Column("detail", sa.String(200), nullable=True),
        _when("mailed_at", nullable=True),
        _when("read_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_access_notifications"),
    )
    op.create_index("ix_access_notifications_feed", "access_notifications", ["dossier_id", "at"])


def downgrade() -> None:
    for table in (
        "access_notifications",
        "access_emergencies",
        "access_post_mortem_claimants",
        "access_legal_representatives",
        "access_aidants",
        "access_professionals",
        "access_settings",
    ):
        op.drop_table(table)
