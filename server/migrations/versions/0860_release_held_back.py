"""Documents held back from the patient until a day (« visible après la consultation d'annonce »): the day on the
record while it is to come, and the dossier's next such day on its head, so that a pull releases them when it comes.

Revision ID: 0860
Revises: 0850
"""

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

from dossier.access import visible_to_patient_from
from server.db import UTCDateTime

revision: str = "0860"
down_revision: str | None = "0850"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_records") as batch:
        batch.add_column(sa.Column("visible_from", sa.Date(), nullable=True))
    with op.batch_alter_table("sync_heads") as batch:
        batch.add_column(sa.Column("next_release", sa.Date(), nullable=True))
    _hold_back_stored_documents(datetime.now(UTC).date())


def _hold_back_stored_documents(today: date) -> None:
    """Documents stored before this revision whose day is still to come: held back from now on (their patients
    may already have them; they are released again on their day, which is harmless)."""
    records = sa.table(
        "sync_records",
        sa.column("dossier_id", sa.Uuid()),
        sa.column("entity_id", sa.Uuid()),
        sa.column("entity", sa.String()),
        sa.column("deleted", sa.Boolean()),
        sa.column("values_json", sa.Text()),
        sa.column("created_at", UTCDateTime()),
        sa.column("visible_from", sa.Date()),
    )
    heads = sa.table("sync_heads", sa.column("dossier_id", sa.Uuid()), sa.column("next_release", sa.Date()))
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(records.c.dossier_id, records.c.entity_id, records.c.values_json, records.c.created_at).where(
            records.c.entity == "document",
            records.c.deleted.is_(False),
            records.c.values_json.like('%"hidden_from_patient_until": "%'),
        )
    )
    earliest: dict[object, date] = {}
    for dossier_id, entity_id, values_json, created_at in rows:
        try:
            until = date.fromisoformat(json.loads(values_json)["confidentiality"]["hidden_from_patient_until"])
        except (KeyError, TypeError, ValueError):
            continue
        added = created_at if created_at.tzinfo else created_at.replace(tzinfo=UTC)
        day = visible_to_patient_from(added, until)
        if day is None or day <= today:
            continue
        bind.execute(
            sa.update(records)
            .where(records.c.dossier_id == dossier_id, records.c.entity_id == entity_id)
            .values(visible_from=day)
        )
        earliest[dossier_id] = min(day, earliest.get(dossier_id, day))
    for dossier_id, day in earliest.items():
        bind.execute(sa.update(heads).where(heads.c.dossier_id == dossier_id).values(next_release=day))


def downgrade() -> None:
    with op.batch_alter_table("sync_heads") as batch:
        batch.drop_column("next_release")
    with op.batch_alter_table("sync_records") as batch:
        batch.drop_column("visible_from")
