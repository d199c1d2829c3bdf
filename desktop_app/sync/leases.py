"""Offline leases: how long a dossier held under a lease (a professional's cache) may be opened without the service.

A pull page may carry `lease_seconds` and `grace_seconds`: each page renews the lease from the device's clock
(`check_in`). Past the lease the dossier is locked (it cannot be opened); past the grace period too it may be erased
(`revocation.check_leases` does it, when nothing unsent remains). A dossier without a lease is never locked.

Guarantees: only bookkeeping here, in the profile's settings — nothing is erased by this module; a device clock set
back before the last check-in counts as expired (locked), so turning the clock back never extends a lease.
"""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.dossier_store import DossierStore
from desktop_app.sync.context import S_LEASES, DossierLocked, SyncContext
from dossier.sync_protocol import DossierPage


def check_in(ctx: SyncContext, dossier_id: str, page: DossierPage, server_time: str | None) -> None:
    """Renew (or drop) the dossier's lease as the page says."""
    leases = dict(ctx.setting(S_LEASES) or {})
    if page.lease_seconds is None:
        if dossier_id in leases:
            leases.pop(dossier_id)
            ctx.profile.set_setting(S_LEASES, leases)
        return
    leases[dossier_id] = {
        "lease": page.lease_seconds,
        "grace": page.grace_seconds or 0,
        "checked_in": ctx.device_clock().astimezone(UTC).isoformat(),
        "server_time": server_time,
    }
    ctx.profile.set_setting(S_LEASES, leases)


def forget(ctx: SyncContext, dossier_id: str) -> None:
    leases = dict(ctx.setting(S_LEASES) or {})
    if leases.pop(dossier_id, None) is not None:
        ctx.profile.set_setting(S_LEASES, leases)


def lease_states(ctx: SyncContext) -> dict[str, str]:
    """ok | locked | expired_grace (purgeable) per leased dossier; a clock set backwards counts as expired."""
    now = ctx.device_clock().astimezone(UTC)
    states: dict[str, str] = {}
    for dossier_id, lease in (ctx.setting(S_LEASES) or {}).items():
        checked = datetime.fromisoformat(lease["checked_in"])
        elapsed = (now - checked).total_seconds()
        if elapsed < 0 or elapsed > lease["lease"] + lease["grace"]:
            states[dossier_id] = "expired_grace" if elapsed >= 0 else "locked"
            if elapsed < 0:
                continue
        elif elapsed > lease["lease"]:
            states[dossier_id] = "locked"
        else:
            states[dossier_id] = "ok"
    return states


def require_open(ctx: SyncContext, dossier_id: str) -> DossierStore:
    """What the GUI calls to open a leased dossier: refuses while its lease is expired."""
    if lease_states(ctx).get(dossier_id) in ("locked", "expired_grace"):
        raise DossierLocked()
    return ctx.profile.dossier(dossier_id)
