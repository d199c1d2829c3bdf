"""Before a full export: make documents' bytes local, or name those that are not (issue 15 finding 12).

A synced document's record arrives before its bytes (records never wait on bytes), so a dossier can hold documents
whose content is not on this computer yet. A full export (FHIR collection, archive) first runs one sync when the
profile is linked to the service, so pending downloads arrive (progress goes to the caller); whatever is still
missing afterwards (offline, not uploaded by the other device yet) is left out of the export and listed, never a
crash halfway through the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from desktop_app import schema
from desktop_app.dossier_store import DocumentInfo, DossierStore
from desktop_app.errors import CarnetError
from desktop_app.setting_keys import SettingKey

if TYPE_CHECKING:
    from desktop_app.profile import UnlockedProfile
    from desktop_app.sync.engine import Progress


def missing_documents(ds: DossierStore) -> list[DocumentInfo]:
    """Live documents whose stored bytes are fewer than their size (not downloaded yet, or partly)."""
    chunks = schema.document_chunks
    stored = (
        select(chunks.c.document_id, func.sum(func.length(chunks.c.data)).label("stored"))
        .group_by(chunks.c.document_id)
        .subquery()
    )
    documents = schema.documents
    query = (
        select(documents.c.id)
        .select_from(documents.outerjoin(stored, stored.c.document_id == documents.c.id))
        .where(documents.c.deleted == 0, func.coalesce(stored.c.stored, 0) < documents.c.size)
        .order_by(documents.c.created_at)
    )
    with ds.reading() as conn:
        ids = [row.id for row in conn.execute(query)]
    return [ds.documents.get(document_id) for document_id in ids]


def is_linked(profile: UnlockedProfile) -> bool:
    """Signed in to the service from this profile (a server address and a refresh token are stored)."""
    settings = profile.settings
    return bool(settings.get(SettingKey.SERVER_URL) and settings.get(SettingKey.REFRESH_TOKEN))


def fetch_missing(
    profile: UnlockedProfile,
    dossier_ids: Iterable[str],
    on_progress: Callable[[Progress], None] | None = None,
) -> bool:
    """When something is missing and the profile is linked, run one sync so pending downloads arrive.

    Returns whether a sync ran to its end. A sync that fails (offline, session expired, refused) is not an error
    here: the export goes on with what is local and names the rest.
    """
    if not is_linked(profile) or not any(missing_documents(profile.dossier(d)) for d in dossier_ids):
        return False
    from desktop_app.sync.engine import SyncEngine
    from desktop_app.sync.http import Backoff

    engine = SyncEngine(profile, backoff=Backoff(base=0.2, cap=2.0, attempts=3))
    if on_progress is not None:
        engine.on_progress(on_progress)
    try:
        engine.sync_once()
    except CarnetError:
        return False
    finally:
        engine.http.close()
    return True
