"""What a kind of device holds: the sync engine's policy, passed in (`SyncEngine(policy=…)`), never overridden.

A person's own device holds every dossier the service offers it and every document's bytes: `SyncPolicy()`, the
default. A clinic workstation (`desktop_app/clinic.py`) holds only the dossiers chosen for the day and document bodies
by the day's rule. The engine asks its policy at the two places where devices differ: which offered dossiers to adopt
(`holds`) and which document bodies to download (`bodies_wanted`); the caller removes a dossier it no longer holds with
`SyncEngine.drop`.

Guarantees: a policy only narrows what is fetched. It never causes anything to be sent, refused or erased: records of
a held dossier always arrive whole, pending local work is always pushed, and purges stay the engine's (revocation,
expired leases) or the caller's explicit `drop`, which keeps a dossier whose changes are not yet sent.
"""

from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.dossier_store import DossierStore


class SyncPolicy:
    """Hold everything: every offered dossier, every document's body."""

    def holds(self, dossier_id: str) -> bool:
        """Should this device hold (download, keep) this dossier the service offers it?"""
        return True

    def bodies_wanted(self, store: DossierStore) -> Container[str] | None:
        """The documents of `store` whose bodies to download (None: all of them); the others stay queued."""
        return None
