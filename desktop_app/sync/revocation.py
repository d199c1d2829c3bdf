"""Revocation and purges: every way a dossier's local copy is erased (crypto-shredded) from this device.

Four causes: the service says the device may no longer hold a dossier (a pull page in state `revoked`: `revoke`); the
person removed the device from their account (`purge_device`, every dossier); a lease expired past its grace period
(`check_leases`); the caller no longer holds a dossier (`drop`, e.g. a clinic's day that no longer lists it). Erasing
is `UnlockedProfile.purge_dossier`: the dossier's key is destroyed, so what is left on disk is unreadable.

Guarantees: listeners hear a `Revocation` before the copy is erased; a revoked dossier first delivers the document
bodies still queued (a professional's documents still reach the patient); a lease or a `drop` never erases a dossier
holding changes or bodies not yet acknowledged; every purge is journalled in the profile's settings first, so a crash
mid-way is completed by `finish_purges` at the next start.
"""

from __future__ import annotations

import contextlib

from sqlalchemy import func, select

from desktop_app import schema
from desktop_app.dossier_store import DossierStore
from desktop_app.sync import leases, local, uploads
from desktop_app.sync.context import (
    S_ACCESS,
    S_DEVICE_REVOKED,
    S_PURGING,
    S_REFRESH,
    Revocation,
    SyncContext,
    SyncReport,
    crash_point,
)
from desktop_app.sync.http import SyncOffline


def revoke(ctx: SyncContext, dossier_id: str, report: SyncReport) -> None:
    """The service withdrew this device's access to the dossier: deliver what can be, tell, then shred it."""
    store = ctx.profile.dossier(dossier_id)
    delivered = 0
    with contextlib.suppress(SyncOffline):
        delivered = uploads.upload_blobs(ctx, store, report)  # a professional's documents still reach the patient
    revocation = Revocation(dossier_id, refused(store, documents=False), delivered)
    for listener in ctx.listeners.revoked:
        listener(revocation)  # before the purge: the GUI closes its windows on the dossier and says why
    shred(ctx, dossier_id, store)
    report.revoked.append(revocation)


def shred(ctx: SyncContext, dossier_id: str, store: DossierStore) -> None:
    """Crypto-shred one dossier, journalled so that a crash mid-way is completed by `finish_purges`."""
    journal_purge(ctx, dossier_id, add=True)
    crash_point("purge.before")
    store.close()
    crash_point("purge.closed")
    ctx.profile.purge_dossier(dossier_id)
    crash_point("purge.after")
    journal_purge(ctx, dossier_id, add=False)
    leases.forget(ctx, dossier_id)


def has_unsent(store: DossierStore) -> bool:
    """Changes or document bodies not yet acknowledged by the service: such a dossier is never purged silently."""
    return bool(store.outbox.count_pending() or local.blob_rows(store, "up"))


def refused(store: DossierStore, *, documents: bool) -> int:
    """Local changes that will never reach the service (documents too when nothing can be sent any more)."""
    query = select(func.count()).select_from(schema.outbox).where(schema.outbox.c.state.in_(("pending", "forbidden")))
    if not documents:
        query = query.where(schema.outbox.c.entity != "document")
    with store.reading() as conn:
        return int(conn.execute(query).scalar_one())


def device_revoked(ctx: SyncContext) -> bool:
    """Removed from the account, and not signed in again since (a new sign-in stores a new refresh token)."""
    return bool(ctx.setting(S_DEVICE_REVOKED)) and not ctx.setting(S_REFRESH)


def purge_device(ctx: SyncContext, report: SyncReport) -> None:
    """The device was removed from the account: tell, then erase every dossier it holds and forget the session.

    Crash-safe like a dossier purge: the journal names every dossier before the first is erased, and
    `finish_purges` completes it at the next start. Nothing could be sent, so every pending change is reported.
    """
    held = ctx.profile.dossier_ids()
    revocations = [
        Revocation(d, refused(ctx.profile.dossier(d), documents=True), 0, reason="device_revoked") for d in held
    ]
    for revocation in revocations:
        for listener in ctx.listeners.revoked:
            listener(revocation)
    journal_purge(ctx, *held, add=True)
    for key, value in ((S_DEVICE_REVOKED, True), (S_ACCESS, None), (S_REFRESH, None)):
        ctx.profile.set_setting(key, value)
    crash_point("device_purge.before")
    finish_purges(ctx)
    report.revoked.extend(revocations)


def journal_purge(ctx: SyncContext, *dossier_ids: str, add: bool) -> None:
    current = list(ctx.setting(S_PURGING) or [])
    if add:
        current += [d for d in dossier_ids if d not in current]
    else:
        current = [d for d in current if d not in dossier_ids]
    ctx.profile.set_setting(S_PURGING, current)


def finish_purges(ctx: SyncContext) -> None:
    """A purge interrupted by a crash is completed before anything else (its key may already be gone)."""
    for dossier_id in list(ctx.setting(S_PURGING) or []):
        ctx.profile.purge_dossier(dossier_id)
        journal_purge(ctx, dossier_id, add=False)
        leases.forget(ctx, dossier_id)


def check_leases(ctx: SyncContext) -> dict[str, str]:
    """Purge leased dossiers past their grace period when nothing unsynced remains; otherwise keep them locked."""
    states = leases.lease_states(ctx)
    for dossier_id, state in states.items():
        if state != "expired_grace":
            continue
        store = ctx.profile.dossier(dossier_id)
        if has_unsent(store):
            states[dossier_id] = "locked"  # unsynced work is never purged silently
            continue
        shred(ctx, dossier_id, store)
        states[dossier_id] = "purged"
    return states


def drop(ctx: SyncContext, dossier_id: str) -> bool:
    """Erase a dossier this device no longer holds; kept (False) while it has changes not yet sent."""
    store = ctx.profile.dossier(dossier_id)
    if has_unsent(store):
        return False
    shred(ctx, dossier_id, store)
    return True
