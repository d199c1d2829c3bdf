"""The insurer's care-history feed: importing it (idempotent on the insurer's record id), reading a patient's."""

from __future__ import annotations

import calendar
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.audit.service import SYSTEM, Actor, record
from server.context import ServiceContext
from server.dossiers.models import Dossier
from server.dossiers.service import require_active
from server.feed.models import CareHistoryRecord

KINDS = ("consultation", "medicine")


@dataclass(frozen=True, slots=True)
class CareItem:
    """One validated feed row."""

    record_id: str
    nir: str
    kind: str
    care_date: date
    label: str
    professional_name: str | None = None


@dataclass(frozen=True, slots=True)
class FeedReport:
    imported: int
    unchanged: int
    unknown_nir: list[str]


def import_care_history(session: Session, ctx: ServiceContext, items: list[CareItem]) -> FeedReport:
    """Insert new records; known record ids are left as they are; rows for unknown NIRs are reported, not stored."""
    now = ctx.now()
    known = set(
        session.scalars(
            select(CareHistoryRecord.record_id).where(CareHistoryRecord.record_id.in_([i.record_id for i in items]))
        )
    )
    dossiers: dict[str, uuid.UUID] = {
        nir: dossier_id
        for nir, dossier_id in session.execute(
            select(Dossier.nir, Dossier.id).where(Dossier.nir.in_({i.nir for i in items}))
        )
    }
    imported, unknown = 0, []
    touched = set()
    for item in items:
        if item.record_id in known:
            continue
        dossier_id = dossiers.get(item.nir)
        if dossier_id is None:
            unknown.append(item.record_id)
            continue
        session.add(
            CareHistoryRecord(
                record_id=item.record_id,
                dossier_id=dossier_id,
                kind=item.kind,
                care_date=item.care_date,
                label=item.label,
                professional_name=item.professional_name,
                imported_at=now,
            )
        )
        known.add(item.record_id)
        touched.add(dossier_id)
        imported += 1
    for dossier_id in sorted(touched):
        record(session, actor=SYSTEM, action="care_history.fed", at=now, dossier_id=dossier_id)
    return FeedReport(imported=imported, unchanged=len(items) - imported - len(unknown), unknown_nir=unknown)


def months_back(day: date, months: int) -> date:
    """The same day `months` earlier (clamped to the month's end)."""
    total = day.year * 12 + day.month - 1 - months
    year, month0 = divmod(total, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def care_history(
    session: Session, ctx: ServiceContext, dossier: Dossier, *, actor: Actor, limit: int, offset: int
) -> list[CareHistoryRecord]:
    """The last N months only (24 by default), newest first; the read is audited."""
    require_active(dossier)
    rows = care_records(session, ctx, dossier.id, limit=limit, offset=offset)
    record(session, actor=actor, action="care_history.read", at=ctx.now(), dossier_id=dossier.id)
    return rows


def care_records(
    session: Session, ctx: ServiceContext, dossier_id: uuid.UUID, *, limit: int, offset: int
) -> list[CareHistoryRecord]:
    """A dossier's care of the last N months, newest first (the caller checked who may read it, and audits)."""
    since = months_back(ctx.now().date(), ctx.settings.care_history_months)
    return list(
        session.scalars(
            select(CareHistoryRecord)
            .where(CareHistoryRecord.dossier_id == dossier_id, CareHistoryRecord.care_date >= since)
            .order_by(CareHistoryRecord.care_date.desc(), CareHistoryRecord.record_id)
            .limit(limit)
            .offset(offset)
        )
    )
