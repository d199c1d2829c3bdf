"""The other side of a grant: the persons one helps as proche aidant (whom, until when, stop helping), the
request of an heir, PACS partner or cohabitant for a deceased relative's records, and the records granted so
(opened with ``desktop_app.access.shared``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import client, server_of
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.http import NotSignedIn, SyncOffline

RELATIONSHIPS = ("heir", "pacs", "cohabitant")
PURPOSES = ("cause_of_death", "defend_memory", "assert_rights")


@dataclass(frozen=True, slots=True)
class HelpedPerson:
    """A space the person helps with as proche aidant, and the delegation's dates."""

    dossier_id: str
    first_names: str
    last_name: str
    birth_date: date
    starts_at: datetime | None
    until: datetime | None

    def active_at(self, moment: datetime) -> bool:
        started = self.starts_at is None or self.starts_at <= moment
        return started and (self.until is None or moment < self.until)


@dataclass(frozen=True, slots=True)
class DeceasedRelative:
    """A deceased person's space the person was granted access to as heir, PACS partner or cohabitant."""

    dossier_id: str
    first_names: str
    last_name: str
    birth_date: date


@dataclass(frozen=True, slots=True)
class HeirAccess:
    """The service's answer to an heir's request: whose records, for which purpose."""

    dossier_id: str
    first_names: str
    last_name: str
    birth_date: date
    relationship: str
    purpose: str


def _moment(raw: Any) -> datetime | None:
    return datetime.fromisoformat(str(raw)) if raw else None


@dataclass(frozen=True, slots=True)
class Helped:
    """Whom the person helps; ``from_cache`` when this is the offline copy of ``fetched_at``."""

    people: tuple[HelpedPerson, ...]
    fetched_at: datetime
    from_cache: bool = False
    relatives: tuple[DeceasedRelative, ...] = ()
    """The deceased relatives' spaces opened to the person as heir (role ``heir`` of the same list)."""


def helping(profile: UnlockedProfile) -> Helped:
    """Whom the person helps as proche aidant, and the deceased relatives' spaces opened to them as heir, kept as
    the offline copy (encrypted settings: names and birth dates, no health data); offline (or signed out) the copy
    answers, if there is one."""
    try:
        with client(server_of(profile), profile=profile) as http:
            rows = http.request("GET", "/v1/me/shared-dossiers").json()
    except (SyncOffline, NotSignedIn):
        copy = profile.settings.get(SettingKey.HELPED)
        if not isinstance(copy, dict):
            raise
        fetched_at = datetime.fromisoformat(str(copy["fetched_at"]))
        kept = list(copy["rows"])
        return Helped(tuple(_people(kept)), fetched_at, from_cache=True, relatives=tuple(_relatives(kept)))
    kept = [r for r in rows if r.get("role") in ("aidant", "heir")]
    fetched_at = datetime.now(UTC)
    profile.set_setting(SettingKey.HELPED, {"fetched_at": fetched_at.isoformat(), "rows": kept})
    return Helped(tuple(_people(kept)), fetched_at, relatives=tuple(_relatives(kept)))


def helped(profile: UnlockedProfile) -> list[HelpedPerson]:
    """Whom the person helps as proche aidant (GET /v1/me/shared-dossiers, role ``aidant``), soonest end first."""
    return list(helping(profile).people)


def _people(rows: list[Any]) -> list[HelpedPerson]:
    people = [
        HelpedPerson(
            str(r["dossier_id"]),
            str(r.get("first_names") or ""),
            str(r.get("last_name") or ""),
            date.fromisoformat(str(r["birth_date"])),
            _moment(r.get("starts_at")),
            _moment(r.get("until")),
        )
        for r in rows
        if r.get("role") == "aidant"
    ]
    return sorted(people, key=lambda p: p.until.timestamp() if p.until is not None else float("inf"))


def _relatives(rows: list[Any]) -> list[DeceasedRelative]:
    return [
        DeceasedRelative(
            str(r["dossier_id"]),
            str(r.get("first_names") or ""),
            str(r.get("last_name") or ""),
            date.fromisoformat(str(r["birth_date"])),
        )
        for r in rows
        if r.get("role") == "heir"
    ]


def stop_helping(profile: UnlockedProfile, dossier_id: str) -> None:
    """End the delegation from the aidant's side: they can no longer open that space, from now on."""
    with client(server_of(profile), profile=profile) as http:
        http.request("DELETE", f"/v1/me/shared-dossiers/{dossier_id}/aidant")


def request_heir_access(
    profile: UnlockedProfile, *, nir: str, relationship: str, purpose: str, justification: str
) -> HeirAccess:
    """Ask for a deceased relative's records for one purpose; the service's refusal is a ServiceError (its code
    ``no_deceased_space``, ``post_mortem_opposed``… and its French and English words)."""
    if relationship not in RELATIONSHIPS or purpose not in PURPOSES:
        raise ValueError(f"unknown relationship or purpose: {relationship!r}, {purpose!r}")
    body = {
        "nir": "".join(nir.split()),
        "relationship": relationship,
        "purpose": purpose,
        "justification": justification.strip(),
    }
    with client(server_of(profile), profile=profile) as http:
        raw = http.request("POST", "/v1/heir-access-requests", json=body).json()
    return HeirAccess(
        str(raw["dossier_id"]),
        str(raw.get("first_names") or ""),
        str(raw.get("last_name") or ""),
        date.fromisoformat(str(raw["birth_date"])),
        str(raw["relationship"]),
        str(raw["purpose"]),
    )
