"""The professionals' registry, searched by name, profession and town (GET /v1/professionals).

A patient chooses whom to authorise, block or name médecin traitant by who they are, not by a number: the RPPS is
a detail of the result. Searches count against the person's allowance on the service (a 429 ``too_many_attempts``
says how long to wait).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import ServiceError, client, server_of

PAGE_SIZE = 20
MIN_CHARS = 2


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    rpps: str
    last_name: str
    first_names: str
    profession: str
    town: str | None

    @property
    def name(self) -> str:
        return f"{self.first_names} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class RegistryPage:
    items: tuple[RegistryEntry, ...]
    offset: int
    next_offset: int | None


def _too_short() -> ServiceError:
    return ServiceError(
        status=422,
        code="search_too_short",
        message_fr="Indiquez au moins deux lettres du nom ou de la ville, ou choisissez une profession.",
        message_en="Give at least two letters of the name or the town, or choose a profession.",
        field="name",
    )


def search_professionals(
    profile: UnlockedProfile,
    *,
    name: str = "",
    profession: str | None = None,
    town: str = "",
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> RegistryPage:
    """One page of enrolled professionals matching every criterion given (checked here before asking)."""
    name, town = " ".join(name.split()), " ".join(town.split())
    if (not name and not town and not profession) or any(0 < len(t.replace(" ", "")) < MIN_CHARS for t in (name, town)):
        raise _too_short()
    params: dict[str, str | int] = {"limit": limit, "offset": offset}
    if name:
        params["name"] = name
    if town:
        params["town"] = town
    if profession:
        params["profession"] = profession
    with client(server_of(profile), profile=profile) as http:
        raw = http.request("GET", f"/v1/professionals?{urlencode(params)}").json()
    items = tuple(
        RegistryEntry(str(p["rpps"]), str(p["last_name"]), str(p["first_names"]), str(p["profession"]), p.get("town"))
        for p in raw["items"]
    )
    next_offset = raw.get("next_offset")
    return RegistryPage(items, int(raw["offset"]), int(next_offset) if next_offset is not None else None)
