"""Rate limiting and progressive lockout per account and per network address (S29; CNIL 2022-100, ASVS 6.3.1)."""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from server.accounts.models import Throttle
from server.config import RateLimits
from server.errors import ProblemError

FORGET_AFTER = timedelta(hours=24)


def account_key(scope: str, login: str) -> str:
    return f"acct:{scope}:{login[:150]}"


def address_key(address: str) -> str:
    return f"addr:{address[:150]}"


def space_key(dossier_id: uuid.UUID) -> str:
    """Proof attempts aimed at one space, from whatever addresses they come (S29, issue 15 finding 6)."""
    return f"space:{dossier_id}"


def _free_failures(key: str, limits: RateLimits) -> int:
    if key.startswith("addr:"):
        return limits.address_free_failures
    if key.startswith("space:"):
        return limits.space_free_failures
    if key.startswith("search:"):
        return limits.search_free_requests
    return limits.account_free_failures


OWNER_WAYS_IN = (
    " Si ce compte est le vôtre, connectez-vous depuis un appareil déjà enregistré, ou demandez un code par e-mail.",
    " If this account is yours, sign in from a device you already registered, or ask for a code by e-mail.",
)


def search_key(account_id: uuid.UUID) -> str:
    """Searches of the professionals' registry by one account: each counts, so no one can list it whole."""
    return f"search:{account_id}"


def device_key(account: str, device_id: object) -> str:
    """The counter of an account's known device: a stranger's failures never reach it (issue 15 #8)."""
    return f"{account[:150]}:dev:{device_id}"


def check(session: Session, keys: Sequence[str], *, now: datetime, hint: tuple[str, str] = ("", "")) -> None:
    """Refuse with 429 and `Retry-After` while any of the keys is locked (`hint`: what else the person can do)."""
    wait = timedelta(0)
    for key in keys:
        row = session.get(Throttle, key)
        if row is not None and row.locked_until is not None and row.locked_until > now:
            wait = max(wait, row.locked_until - now)
    if wait > timedelta(0):
        seconds = max(1, math.ceil(wait.total_seconds()))
        raise ProblemError(
            429,
            "too_many_attempts",
            f"Trop de tentatives. Réessayez dans {seconds} secondes.{hint[0]}",
            f"Too many attempts. Try again in {seconds} seconds.{hint[1]}",
            headers={"Retry-After": str(seconds)},
        )


def register_failure(session: Session, keys: Sequence[str], *, now: datetime, limits: RateLimits) -> None:
    """Count a failure; past the free allowance each failure doubles the lockout, up to the maximum."""
    for key in keys:
        row = session.get(Throttle, key)
        if row is None:
            row = Throttle(key=key, failures=0, last_failure_at=now)
            session.add(row)
        elif now - row.last_failure_at > FORGET_AFTER:
            row.failures = 0
        row.failures += 1
        row.last_failure_at = now
        excess = row.failures - _free_failures(key, limits)
        if excess >= 0:
            lockout = min(limits.base_lockout * (2 ** min(excess, 20)), limits.max_lockout)
            row.locked_until = now + lockout


def register_success(session: Session, key: str) -> None:
    session.execute(delete(Throttle).where(Throttle.key == key))
