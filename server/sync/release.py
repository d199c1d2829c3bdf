"""Documents held back from the patient until a day (« visible par le patient après la consultation d'annonce »).

Such a document is stored like any other, with the day it becomes readable by the patient side (`visible_from`, the
policy's `visible_to_patient_from`) while that day is to come, and the dossier's head keeps the earliest such day
(`next_release`). Until then the policy refuses it to the holder, their representatives and aidants, so their pulls
skip it — and their cursors move past it. On the day, the first pull of the dossier (anyone's) meets the head's
`next_release` and asks for the release (`service.ReleaseDue`): the document gets a new version in the dossier's
sequence, under the head's lock, so that every cursor meets it again and every device of the patient receives it;
the patient is told then, not when it was added (that would announce the result before the consultation).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier import access
from server.access.notifications import notify_holder_only, notify_patient
from server.accounts.models import Professional
from server.audit.service import SYSTEM, record
from server.context import ServiceContext
from server.sync.models import SyncRecord
from server.sync.service import digest_hex, fingerprint, lock_head


def release_due(session: Session, ctx: ServiceContext, dossier_ids: Iterable[uuid.UUID], now: datetime) -> int:
    """Release the held-back documents of these dossiers whose day came; returns how many (none twice: two pulls
    racing each take the head's lock, the second finds nothing left)."""
    today = now.date()
    released = 0
    for dossier_id in sorted(set(dossier_ids)):
        head = lock_head(session, dossier_id)
        rows = session.scalars(
            select(SyncRecord)
            .where(SyncRecord.dossier_id == dossier_id, SyncRecord.visible_from.is_not(None))
            .order_by(SyncRecord.version)
        ).all()
        digest = int(head.digest, 16)
        later = []
        for rec in rows:
            assert rec.visible_from is not None  # the query's condition
            if rec.visible_from > today:
                later.append(rec.visible_from)
                continue
            digest ^= fingerprint(rec.entity_id, rec.version, rec.deleted)
            head.last_seq += 1
            # A server-side change: a pending edit of its author is merged from its base like any other.
            rec.run_base, rec.last_stream_id = rec.version, None
            rec.version, rec.visible_from, rec.updated_at = head.last_seq, None, now
            digest ^= fingerprint(rec.entity_id, rec.version, rec.deleted)
            released += 1
            _tell_the_patient(session, ctx, rec)
        head.digest = digest_hex(digest)
        head.next_release = min(later, default=None)
        if len(later) < len(rows):
            record(session, actor=SYSTEM, action="document.released_to_patient", at=now, dossier_id=dossier_id)
    return released


def _tell_the_patient(session: Session, ctx: ServiceContext, rec: SyncRecord) -> None:
    pro = session.get(Professional, rec.author_id) if rec.author_kind == "professional" and rec.author_id else None
    event = access.NotificationEvent.DOCUMENT_ADDED_BY_PROFESSIONAL
    if pro is not None and _minor_secret(rec):  # a minor's secret care: the holder only, never the parents
        notify_holder_only(session, ctx, dossier_id=rec.dossier_id, event=event)
    elif pro is not None:
        notify_patient(
            session,
            ctx,
            dossier_id=rec.dossier_id,
            event=access.NotificationEvent.DOCUMENT_ADDED_BY_PROFESSIONAL,
            pro=pro,
            detail=None,
        )


def _minor_secret(rec: SyncRecord) -> bool:
    try:
        conf = json.loads(rec.values_json).get("confidentiality") or {}
    except ValueError:
        return True  # unreadable: told to nobody but the holder rather than to the parents
    return isinstance(conf, dict) and conf.get("hidden_from_legal_representatives") is True
