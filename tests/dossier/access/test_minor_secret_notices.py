"""A professional's document of a minor's secret care is announced to the holder only, never to whoever manages the
space (the legal representatives); the same document without the secret is announced as usual."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dossier.access import (
    Action,
    Author,
    Context,
    DocumentCategory,
    DocumentTarget,
    NotificationEvent,
    PatientFacts,
    Profession,
    Professional,
    Recipient,
    Rpps,
    decide,
    default_matrix,
)
from dossier.documents import AuthorKind, Confidentiality

NOW = datetime(2026, 3, 15, 10, 0, tzinfo=UTC)
DOCTOR = Rpps("10000000002")


@pytest.mark.parametrize(("secret", "told"), [(True, Recipient.HOLDER), (False, Recipient.PATIENT)])
def test_who_is_told_of_a_professionals_document(secret: bool, told: Recipient) -> None:
    target = DocumentTarget(
        category=DocumentCategory.COMPTE_RENDU,
        author=Author(AuthorKind.PROFESSIONAL, DOCTOR),
        added_at=NOW - timedelta(minutes=1),
        confidentiality=Confidentiality(hidden_from_legal_representatives=secret),
    )
    context = Context(now=NOW, patient=PatientFacts(is_minor=True))
    decision = decide(
        Professional(DOCTOR, Profession.MEDECIN_GENERALISTE), Action.ADD, target, context, matrix=default_matrix()
    )
    assert decision.allowed
    assert [(n.recipient, n.event) for n in decision.notify] == [
        (told, NotificationEvent.DOCUMENT_ADDED_BY_PROFESSIONAL)
    ]
