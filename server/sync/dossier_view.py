"""A dossier someone else holds, as the access policy lets them see it: the records they may read, the opening
audited and the patient notified (a professional's GET /v1/pro/dossiers/{id}, a representative's, aidant's or heir's
GET /v1/me/shared-dossiers/{id}). Reading synced records, it lives with sync; the policy is server/access/."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier import access
from dossier.documents import AuthorKind, Confidentiality
from dossier.errors import DossierValidationError
from dossier.sync_protocol import CORRESPONDENCE
from server.access import notifications
from server.access import service as access_service
from server.access.schemas import DossierViewOut, RecordOut
from server.accounts.dependencies import Principal
from server.accounts.models import PrincipalKind, Professional
from server.context import ServiceContext
from server.dossiers.models import Dossier, SpaceStatus
from server.errors import not_found
from server.sync import correspondence
from server.sync.models import SyncRecord


@dataclass(frozen=True, slots=True)
class VisibleRecord:
    entity_id: uuid.UUID
    entity: str
    kind: str
    title: str | None
    author_kind: str
    created_at: datetime
    version: int


def record_target(rec: SyncRecord, values: dict[str, Any], author_rpps: str) -> access.Target:
    """The policy's target for a synced record: documents by category and confidentiality, entries by kind.

    An entry a minor made secret carries ``secret_from_legal_representatives: true`` in its values.
    """
    if rec.entity in CORRESPONDENCE:
        return correspondence.conversation_target(values)
    author = access.Author(AuthorKind(rec.author_kind), id=author_rpps)
    if rec.entity == "document":
        return access.DocumentTarget(
            category=access.DocumentCategory(rec.kind),
            author=author,
            added_at=rec.created_at,
            confidentiality=Confidentiality.model_validate(values.get("confidentiality") or {}),
        )
    return access.EntryTarget(
        kind=access.EntryKind(rec.kind),
        author=author,
        secret_from_legal_representatives=values.get("secret_from_legal_representatives") is True,
    )


# Why documents were withheld, said to the professional (section by section, as a count): the patient's masking,
# « tout masquer », the matrice d'habilitation. Other refusals (a minor's secret…) are not announced.
TOLD_WHY = frozenset(
    {access.Reason.DOCUMENT_MASKED, access.Reason.ALL_DOCUMENTS_MASKED, access.Reason.MATRIX_DENIES_CATEGORY}
)


def visible_records(
    session: Session,
    actor: access.Actor,
    context: access.Context,
    dossier_id: uuid.UUID,
    withheld: dict[str, int] | None = None,
) -> list[VisibleRecord]:
    """The live records of a dossier the actor may read; a record the policy cannot place is withheld.

    `withheld`, when given, counts the documents refused for a reason in TOLD_WHY (reason code → count)."""
    rows = list(
        session.scalars(
            select(SyncRecord)
            .where(
                SyncRecord.dossier_id == dossier_id,
                SyncRecord.deleted.is_(False),
                SyncRecord.entity.not_in(CORRESPONDENCE),  # correspondence is not dossier content
            )
            .order_by(SyncRecord.version)
        )
    )
    author_ids = {r.author_id for r in rows if r.author_kind == "professional" and r.author_id is not None}
    rpps_of = (
        {
            k: v
            for k, v in session.execute(
                select(Professional.id, Professional.rpps).where(Professional.id.in_(author_ids))
            )
        }
        if author_ids
        else {}
    )
    out: list[VisibleRecord] = []
    for rec in rows:
        try:
            values = json.loads(rec.values_json)
            target = record_target(rec, values, rpps_of.get(rec.author_id, "") if rec.author_id else "")
        except (ValueError, TypeError, DossierValidationError):
            continue
        decision = access.decide(actor, access.Action.READ, target, context, matrix=access_service.matrix())
        if not decision.allowed:
            if withheld is not None and rec.entity == "document" and decision.reason in TOLD_WHY:
                withheld[decision.reason.value] = withheld.get(decision.reason.value, 0) + 1
            continue
        title = values.get("title")
        out.append(
            VisibleRecord(
                entity_id=rec.entity_id,
                entity=rec.entity,
                kind=rec.kind,
                title=title[:200] if isinstance(title, str) else None,
                author_kind=rec.author_kind,
                created_at=rec.created_at,
                version=rec.version,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class OpenedDossier:
    dossier: Dossier
    asked: access_service.Asked
    records: list[VisibleRecord]
    withheld: dict[str, int]


def open_dossier(session: Session, ctx: ServiceContext, principal: Principal, dossier_id: uuid.UUID) -> OpenedDossier:
    """Open a dossier someone else holds: the policy decides, the opening is audited, the patient notified.

    An opening under a bris de glace does not notify again: the declaration already did (patient and médecin
    traitant), and a professional reopening it within its validity must not flood them.
    """
    now = ctx.now()
    dossier = session.get(Dossier, dossier_id)
    who = access_service.caller_actor(session, principal, dossier_id=dossier_id, now=now)
    # Recording a death closes the space; heirs still reach it, within what the policy allows them.
    if dossier is None or (dossier.status != SpaceStatus.ACTIVE and not isinstance(who, access.Heir)):
        raise not_found("Espace santé", "Health space")
    asked = access_service.ask(
        session,
        principal,
        dossier_id=dossier_id,
        action=access.Action.READ,
        target=access.SectionTarget(access.Section.DOSSIER),
        what="dossier.open",
        now=now,
        actor=who,
    )
    if principal.kind == PrincipalKind.PROFESSIONAL and asked.decision.reason is not access.Reason.EMERGENCY_ACCESS:
        notifications.dispatch(
            session,
            ctx,
            dossier_id=dossier_id,
            decision=asked.decision,
            context=asked.context,
            pro=access_service.professional_of(session, principal),
        )
    withheld: dict[str, int] = {}
    records = visible_records(session, asked.actor, asked.context, dossier_id, withheld)
    told = withheld if principal.kind == PrincipalKind.PROFESSIONAL else {}
    return OpenedDossier(dossier, asked, records, told)


def dossier_view_out(opened: OpenedDossier) -> DossierViewOut:
    d = opened.dossier
    return DossierViewOut(
        dossier_id=d.id,
        last_name=d.last_name,
        first_names=d.first_names,
        birth_date=d.birth_date,
        ins=d.nir,
        access_reason=opened.asked.decision.reason.value,
        records=[RecordOut(**vars_of(r)) for r in opened.records],
        withheld=opened.withheld,
    )


def vars_of(r: VisibleRecord) -> dict[str, object]:
    return {
        "entity_id": r.entity_id,
        "entity": r.entity,
        "kind": r.kind,
        "title": r.title,
        "author_kind": r.author_kind,
        "created_at": r.created_at,
        "version": r.version,
    }
