"""The messagerie's records in the dossier's sync feed, as the access policy places them.

Messages and conversations are written into `sync_records` by the messages domain (`server/messages/sync.py`), in
the dossier's sequence, so every device gets them in its ordinary pull. They are correspondence, not dossier content:
the policy's target is the conversation (`ConversationTarget`: its professional, closed, a minor's secret), never a
section, and an aidant reads them only when the patient allowed it (`MessagingAidant`). This module lives in sync
(the pull's masking needs it) and imports nothing from the messages domain.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier import access
from server.access.models import MessagingAidant


def conversation_target(values: dict[str, Any]) -> access.ConversationTarget:
    """The policy's target of a message or conversation record (both carry their conversation's professional and
    secrecy; a conversation also whether it is closed)."""
    rpps = values.get("professional_rpps")
    if not isinstance(rpps, str):
        raise ValueError("a correspondence record names its professional")
    return access.ConversationTarget(
        access.Rpps(rpps),
        closed=values.get("closed_at") is not None,
        secret_from_legal_representatives=values.get("secret_from_legal_representatives") is True,
    )


def with_messaging_aidants(session: Session, context: access.Context, dossier_id: uuid.UUID) -> access.Context:
    """The stored access context, with the aidants the patient lets read their conversations (one query)."""
    allowed = session.scalars(select(MessagingAidant.aidant_account_id).where(MessagingAidant.dossier_id == dossier_id))
    people = frozenset(access.PersonId(str(a)) for a in allowed)
    return replace(context, consent=replace(context.consent, aidants_see_messages=people))
