"""The audit chain is keyed (HMAC-SHA-256, key outside the database) from the next row on (issue 15, finding 3).

Rows already written keep their plain SHA-256 hashes: the first keyed row links to the last of them, so they stay
covered. `keyed_from_seq` records where the keyed chain starts; the signed checkpoints outside the database carry it,
so an attacker cannot move it to make keyed rows look like unkeyed ones.

Revision ID: 0500
Revises: 0400
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0500"
down_revision: str | None = "0400"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("audit_head") as batch:
        batch.add_column(sa.Column("keyed_from_seq", SEQ, nullable=True))
    op.execute("UPDATE audit_head SET keyed_from_seq = last_seq + 1")
    with op.batch_alter_table("audit_head") as batch:
        batch.alter_column("keyed_from_seq", existing_type=SEQ, nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_head") as batch:
        batch.drop_column("keyed_from_seq")
