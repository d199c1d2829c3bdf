"""FastAPI dependencies of the access routes: the professional a route names, the dossier a request is about."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path, Query

from server.access import service
from server.accounts.dependencies import SessionDep
from server.accounts.models import Professional
from server.dossiers.dependencies import PatientDep

Limit = Annotated[int, Query(ge=1, le=service.MAX_LIST_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=100_000)]
RppsPath = Annotated[str, Path(min_length=1, max_length=20)]
DossierQuery = Annotated[
    uuid.UUID | None,
    Query(description="A space the caller manages (a child's, as legal representative); omitted: the caller's own."),
]


def registered_pro(rpps: RppsPath, session: SessionDep) -> Professional:
    """The professional of the path's `{rpps}`; 404 when the service does not know them."""
    return service.registered_professional(session, rpps)


RegisteredProDep = Annotated[Professional, Depends(registered_pro)]
"""Declare it after the caller's own dependency (PatientDep): an unauthenticated caller gets 401, never learns
whether an RPPS number is registered."""


def managed_dossier(me: PatientDep, session: SessionDep, dossier_id: DossierQuery = None) -> uuid.UUID:
    """The dossier a `/v1/me/access…` request is about: the caller's own, or `?dossier_id=` (404 unless it exists and
    is active). Whether the caller may manage it is the policy's decision, taken by the service (MANAGE_ACCESS)."""
    return service.managed_dossier_id(session, me.dossier.id, dossier_id)


ManagedDossierDep = Annotated[uuid.UUID, Depends(managed_dossier)]
