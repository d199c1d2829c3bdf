"""Masking a document over REST: one `set_confidentiality` mutation through sync's own push, nothing re-implemented.

The change takes the next sequence number of the dossier like any synced change, so the patient's other devices
pull it; the policy check is the one sync's push makes (MASK / UNMASK on the document).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from dossier import access
from dossier.sync_protocol import Entity, MutationOp
from server.access.service import audit_actor_of, denied
from server.accounts.dependencies import Principal
from server.audit.service import record
from server.errors import ProblemError, not_found
from server.sync import service as sync_service
from server.sync.models import SyncRecord, SyncStream
from server.sync.schemas import MutationIn, PushIn

_REST_NAMESPACE = uuid.UUID("6f1d0c8e-4b7a-4c59-9a55-1d2b0e7c3a10")
"""Namespace of the per-device stream REST changes go through (a device's REST changes form one sync stream)."""


@dataclass(frozen=True, slots=True)
class MaskResult:
    document_id: uuid.UUID
    masked: bool
    version: int


def rest_stream(device_id: uuid.UUID, dossier_id: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    """(client_id, stream_id) of the changes a device makes over REST to a dossier."""
    client_id = uuid.uuid5(_REST_NAMESPACE, f"client:{device_id}")
    return client_id, uuid.uuid5(_REST_NAMESPACE, f"stream:{device_id}:{dossier_id}")


def set_masked(
    session: Session,
    principal: Principal,
    *,
    dossier_id: uuid.UUID,
    document_id: uuid.UUID,
    masked: bool,
    now: datetime,
) -> MaskResult:
    """Mask or unmask a document from professionals, as the sync mutation ``set_confidentiality`` does.

    403 with the policy's reason when refused (audited), 404 for an unknown or deleted document, 422 when sync's
    validation refuses the result.
    """
    rec = session.get(SyncRecord, (dossier_id, document_id))
    if rec is None or rec.deleted or rec.entity != Entity.DOCUMENT:
        raise not_found("Document", "Document")
    sync_service.lock_head(session, dossier_id)  # serialises this stream's client_seq with other REST changes
    client_id, stream_id = rest_stream(principal.device_id, dossier_id)
    stream = session.get(SyncStream, stream_id, populate_existing=True)
    current: dict[str, Any] = json.loads(rec.values_json).get("confidentiality") or {}
    mutation = MutationIn(
        mutation_id=uuid.uuid4(),
        client_seq=(stream.last_client_seq if stream is not None else 0) + 1,
        entity=Entity.DOCUMENT,
        entity_id=document_id,
        kind=rec.kind,
        op=MutationOp.SET_CONFIDENTIALITY,
        base_version=rec.version,
        changes={"confidentiality": [current, {**current, "masked_from_professionals": masked}]},
    )
    caller = sync_service.caller_for(session, principal, dossier_id, now)
    body = PushIn(client_id=client_id, stream_id=stream_id, dossier_id=dossier_id, mutations=[mutation])
    (result,) = sync_service.push(session, caller, body, now=now)
    audit_actor = audit_actor_of(session, principal, caller.actor, dossier_id)
    if result.status == "forbidden":
        reason = access.Reason(str(result.reason))
        session.rollback()
        record(
            session,
            actor=audit_actor,
            action=f"document.mask.denied.{reason.value}"[:64],
            at=now,
            dossier_id=dossier_id,
        )
        session.commit()  # the refusal is part of the historique des accès
        raise denied(reason)
    if result.status not in ("applied", "merged") or result.version is None:
        session.rollback()
        raise ProblemError(
            422,
            result.reason or "mask_refused",
            result.message_fr or "Le document n'a pas pu être modifié.",
            result.message_en or "The document could not be changed.",
        )
    record(
        session,
        actor=audit_actor,
        action="document.masked" if masked else "document.unmasked",
        at=now,
        dossier_id=dossier_id,
    )
    return MaskResult(document_id=document_id, masked=masked, version=result.version)
