"""Periodic sync housekeeping: erase what deleted records kept after the retention, and their orphaned bodies;
drop uploads abandoned half-way.

Decision (tombstones). A deleted record keeps, server-side only, its last values (so a person resolving an
edit-versus-delete conflict can restore it whole) and, for a document, its body. After `TOMBSTONE_RETENTION`
(90 days: far beyond the longest offline lease + grace, 72 h + 14 days) and when no open conflict names it, this job
erases those values and any body no other record of the dossier refers to. The tombstone ROW itself stays, as a
few bytes without health content (id, kind, version, deleted flag), for good:

- a device that was offline for months still learns of the deletion from it (its cursor is older than the row);
- the dossier digest (XOR of every record's fingerprint, tombstones included) stays what every device computes,
  whereas deleting rows would make every device that holds them see a divergence and re-download the whole dossier;
- no server migration and no protocol change are needed.

Deleting the rows themselves would need every device's acknowledgement (a per-device pull horizon the server does
not store today): left for a later protocol version.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import and_, delete, exists, select, update
from sqlalchemy.orm import Session

from server.storage import Area, blob_store
from server.sync.blobs import part_path
from server.sync.models import SyncBlob, SyncConflict, SyncRecord, SyncUpload

TOMBSTONE_RETENTION = timedelta(days=90)
# An upload nobody finished in this time (the document was deleted before its bytes left, the device was wiped...) is
# dropped with its bytes; a client that comes back later just starts it again. Far beyond a lease plus its grace.
ABANDONED_UPLOAD_AFTER = timedelta(days=30)
_EMPTY = "{}"


@dataclass(frozen=True, slots=True)
class TombstoneReport:
    records: int  # tombstones whose retained values were erased
    bodies: int  # document bodies erased (no record of their dossier refers to them any more)


def purge_tombstones(
    session: Session, *, now: datetime, data_dir: Path, retention: timedelta = TOMBSTONE_RETENTION
) -> TombstoneReport:
    """Idempotent: a second run finds nothing more. The caller commits (files go after the rows they belonged to)."""
    open_conflict = exists().where(
        SyncConflict.dossier_id == SyncRecord.dossier_id,
        SyncConflict.entity_id == SyncRecord.entity_id,
        SyncConflict.resolved_at.is_(None),
    )
    due = list(
        session.execute(
            select(SyncRecord.dossier_id, SyncRecord.entity_id, SyncRecord.blob_sha256).where(
                SyncRecord.deleted.is_(True),
                SyncRecord.updated_at <= now - retention,
                SyncRecord.values_json != _EMPTY,
                ~open_conflict,
            )
        )
    )
    for start in range(0, len(due), 500):
        batch = due[start : start + 500]
        for dossier_id in {row.dossier_id for row in batch}:
            session.execute(
                update(SyncRecord)
                .where(
                    SyncRecord.dossier_id == dossier_id,
                    SyncRecord.entity_id.in_([r.entity_id for r in batch if r.dossier_id == dossier_id]),
                )
                .values(values_json=_EMPTY, blob_sha256=None)
            )
    bodies = {(row.dossier_id, row.blob_sha256) for row in due if row.blob_sha256}
    erased = [key for key in sorted(bodies, key=str) if _erase_body_if_orphan(session, *key, data_dir=data_dir)]
    session.flush()
    store = blob_store(data_dir)
    for dossier_id, sha256 in erased:
        store.delete(Area.BODIES, dossier_id, sha256)
    return TombstoneReport(records=len(due), bodies=len(erased))


def _erase_body_if_orphan(session: Session, dossier_id: uuid.UUID, sha256: str, *, data_dir: Path) -> bool:
    referenced = session.scalar(
        select(
            exists().where(
                and_(SyncRecord.dossier_id == dossier_id, SyncRecord.blob_sha256 == sha256),
            )
        )
    )
    if referenced:
        return False
    for upload in session.scalars(
        select(SyncUpload).where(SyncUpload.dossier_id == dossier_id, SyncUpload.sha256 == sha256)
    ):
        part_path(data_dir, upload.id).unlink(missing_ok=True)
        session.delete(upload)
    gone = session.execute(delete(SyncBlob).where(SyncBlob.dossier_id == dossier_id, SyncBlob.sha256 == sha256))
    return bool(gone.rowcount)  # type: ignore[attr-defined]


def drop_upload_files(data_dir: Path, upload_id: uuid.UUID) -> None:
    """The part file of an upload in progress and the chunks it is receiving (or a killed server left)."""
    part = part_path(data_dir, upload_id)
    part.unlink(missing_ok=True)
    for incoming in part.parent.glob(f"{upload_id}.*.incoming"):
        incoming.unlink(missing_ok=True)


def purge_abandoned_uploads(
    session: Session, *, now: datetime, data_dir: Path, after: timedelta = ABANDONED_UPLOAD_AFTER
) -> int:
    """Drop uploads started more than `after` ago and still unfinished, with their part and chunk files. Idempotent;
    the caller commits (the files go now: an upload row without its bytes only makes a client start again)."""
    stale = list(session.scalars(select(SyncUpload).where(SyncUpload.created_at <= now - after)))
    for upload in stale:
        drop_upload_files(data_dir, upload.id)
        session.delete(upload)
    session.flush()
    return len(stale)
