"""The one sync status every screen shows: what we know of the service, what waits to be sent, what was refused.

Pure data and words (no Qt, no I/O in the model): the window's adapter (`ui.sync.SyncController`) fills a
`SyncStatus` from the engine's state and from counts read after each change event (`read_counts`), and the status
bar, the Accueil, the lock and the welcome screens all show `SyncStatus.text()` — the same words everywhere:

    hors ligne · synchronisation… · à jour à HH:MM · N modifications en attente d'envoi ·
    M modifications refusées — voir · K conflits à régler — voir · service joignable (before unlock)

Parts are joined with " · " and the sentence starts with a capital ("Hors ligne · 1 modification en attente
d'envoi"). "À jour" is never said while something waits to be sent: a local edit shows as pending at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

import httpx
from sqlalchemy import func, select

from desktop_app import schema
from desktop_app.i18n import pick
from dossier.sync_protocol import Entity

if TYPE_CHECKING:
    from desktop_app.profile import UnlockedProfile

REFUSED_STATES = ("rejected", "forbidden")
"""Outbox states of a change the service refused and nobody has dealt with yet (discarded or resent)."""


class Link(StrEnum):
    """What is known of the service."""

    OFFLINE = "offline"  # signed in, but the service did not answer (or before the first answer)
    REACHABLE = "reachable"  # no carnet open (welcome, lock screen): the service answers
    LOCAL_ONLY = "local_only"  # an open carnet without an account: nothing is ever sent
    SYNCING = "syncing"
    UP_TO_DATE = "up_to_date"
    LOCKED = "locked"  # a leased dossier's lease expired: sign in again
    DEVICE_REVOKED = "device_revoked"


_LINK_WORDS: dict[Link, tuple[str, str]] = {
    Link.OFFLINE: ("hors ligne", "offline"),
    Link.REACHABLE: ("service joignable", "service reachable"),
    Link.LOCAL_ONLY: (
        "carnet local, sans compte — vos données restent sur cet ordinateur",
        "local carnet, no account — your data stays on this computer",
    ),
    Link.LOCKED: ("verrouillé : reconnectez-vous au service", "locked: sign in to the service again"),
    Link.DEVICE_REVOKED: (
        "appareil retiré de votre compte : reconnectez-vous",
        "device removed from your account: sign in again",
    ),
}


@dataclass(frozen=True, slots=True)
class Counts:
    """What the open carnet holds that the service has not taken: changes to send, refusals to look at."""

    pending: int = 0
    refused: int = 0


@dataclass(frozen=True, slots=True)
class SyncStatus:
    link: Link = Link.OFFLINE
    pending: int = 0
    refused: int = 0
    conflicts: int = 0
    last_success: datetime | None = None  # local time of the last sync that ended up to date
    progress: tuple[int, int] | None = None  # (done, total) while syncing

    def with_counts(self, counts: Counts) -> SyncStatus:
        return replace(self, pending=counts.pending, refused=counts.refused)

    @property
    def needs_attention(self) -> bool:
        """Something for the person to look at in the inbox (a refusal or a conflict)."""
        return bool(self.refused or self.conflicts)

    def parts(self, lang: str | None = None) -> list[str]:
        """The status as its separate phrases, in order, in lower case."""
        found: list[str] = []
        link = self.link
        if link is Link.SYNCING:
            done_total = self.progress
            if done_total is not None and done_total[1]:
                found.append(pick("synchronisation %d/%d", "syncing %d/%d", lang) % done_total)
            else:
                found.append(pick("synchronisation…", "syncing…", lang))
        elif link is Link.UP_TO_DATE:
            if not self.pending:  # never "up to date" while something waits to be sent
                if self.last_success is None:
                    found.append(pick("à jour", "up to date", lang))
                else:
                    when = self.last_success.strftime("%H:%M")
                    found.append(pick(f"à jour à {when}", f"up to date at {when}", lang))
        else:
            found.append(pick(*_LINK_WORDS[link], lang=lang))
        if self.pending:
            found.append(pending_words(self.pending, lang))
        if self.refused:
            found.append(refused_words(self.refused, lang))
        if self.conflicts:
            found.append(conflict_words(self.conflicts, lang))
        return found

    def text(self, lang: str | None = None) -> str:
        """The one sentence every screen shows ("Hors ligne · 1 modification en attente d'envoi")."""
        sentence = " · ".join(self.parts(lang))
        return sentence[:1].upper() + sentence[1:]


def pending_words(n: int, lang: str | None = None) -> str:
    if n == 1:
        return pick("1 modification en attente d'envoi", "1 change waiting to be sent", lang)
    return pick(f"{n} modifications en attente d'envoi", f"{n} changes waiting to be sent", lang)


def refused_words(n: int, lang: str | None = None) -> str:
    if n == 1:
        return pick("1 modification refusée — voir", "1 change refused — see", lang)
    return pick(f"{n} modifications refusées — voir", f"{n} changes refused — see", lang)


def conflict_words(n: int, lang: str | None = None) -> str:
    if n == 1:
        return pick("1 conflit à régler — voir", "1 conflict to resolve — see", lang)
    return pick(f"{n} conflits à régler — voir", f"{n} conflicts to resolve — see", lang)


def read_counts(profile: UnlockedProfile) -> Counts:
    """Changes not yet sent and refusals not yet dealt with, in every dossier the profile holds (a few counts).

    A refused conflict decision is not counted: push reopens its conflict, which the inbox lists as such."""
    outbox = schema.outbox
    pending = refused = 0
    for dossier_id in profile.dossier_ids():
        with profile.dossier(dossier_id).reading() as conn:
            decision = outbox.c.entity == Entity.CONFLICT.value
            for state, is_decision, count in conn.execute(
                select(outbox.c.state, decision, func.count())
                .where(outbox.c.state.in_(("pending", *REFUSED_STATES)))
                .group_by(outbox.c.state, decision)
            ):
                if state == "pending":
                    pending += int(count)
                elif not is_decision:
                    refused += int(count)
    return Counts(pending, refused)


def reachable(server_url: str, *, timeout: float = 3.0) -> bool:
    """Does the service answer `GET /health` (no session, one quick try)? For the screens before unlock; run it off
    the UI thread and off the store's worker (a dead network may take `timeout` seconds)."""
    try:
        response = httpx.get(server_url.rstrip("/") + "/health", timeout=timeout)
    except httpx.HTTPError:
        return False
    return response.status_code == 200
