"""What the desktop screens ask of the central service: activation, login, opposition, care history, devices.

Plain Python (no Qt, no widgets): the UI calls these from its worker (``ui.ops.Op``) and never does HTTP or SQL
itself. Every refusal of the service (problem+json with a French ``detail``) becomes a ``ServiceError`` carrying
that message and, when the service names one, the field it concerns, so a screen can show it next to that field.
Tokens and the server address live only in the profile's encrypted settings, never in a plaintext file.
"""

from __future__ import annotations

import platform
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlencode

from desktop_app.cli_sync import S_DEVICE, S_IDENTIFIER
from desktop_app.errors import CarnetError
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.sync.engine import S_ACCESS, S_REFRESH, S_URL
from desktop_app.sync.http import Backoff, NotSignedIn, ServiceRefused, SyncHttp, SyncOffline

S_CARE_HISTORY = "online.care_history"
S_ACCESS_HISTORY = "online.access_history"
S_ACCESS_SETTINGS = "online.access_settings"
ACCESS_CACHE_MAX = 1000
CARE_PAGE = 200
# Screens wait for these calls: give up quickly (two tries) and say "hors ligne" rather than hang for a minute.
UI_BACKOFF = Backoff(base=0.2, cap=1.0, attempts=2)
UI_STALL_TIMEOUT = 15.0

__all__ = [
    "ACTOR_KINDS",
    "AccessEvent",
    "AccessHistoryPage",
    "AccessSettings",
    "ActivationTicket",
    "Aidant",
    "AuthorisedProfessional",
    "CareHistory",
    "CareRecord",
    "ChildProfile",
    "Device",
    "EmergencySettings",
    "LoginTicket",
    "NotSignedIn",
    "Notification",
    "ProfessionalRef",
    "Representative",
    "ServiceError",
    "SyncOffline",
    "access_history",
    "access_settings",
    "add_child",
    "add_representative",
    "authorise",
    "block",
    "cached_access_history",
    "cached_access_settings",
    "cached_care_history",
    "care_history",
    "children",
    "confirm_activation",
    "confirm_login",
    "devices",
    "invite_aidant",
    "is_signed_in",
    "notifications",
    "oppose",
    "remove_representative",
    "revoke_aidant",
    "revoke_device",
    "set_administrateur",
    "set_default_confidentiality",
    "set_emergency",
    "set_medecin_traitant",
    "set_post_mortem_opposition",
    "start_activation",
    "start_login",
    "unblock",
    "verify_password",
    "withdraw",
]


class ServiceError(CarnetError):
    """The service refused a request; ``field`` names the form field concerned (``nir``, ``identifier``…)."""

    exit_code = 1

    def __init__(self, *, status: int, code: str, message_fr: str, message_en: str, field: str | None) -> None:
        self.status = status
        self.code = code
        self.field = field
        super().__init__(message_fr, message_en)


# Refusals about several fields at once (the service does not say which one is wrong, on purpose): shown beside
# the first of them.
_FIELD_OF_CODE = {"activation_refused": "activation_code", "invalid_credentials": "password", "code_invalid": "code"}


def _service_error(exc: ServiceRefused) -> ServiceError:
    body = exc.body
    issues = body.get("issues") or []
    first = issues[0] if issues and isinstance(issues[0], dict) else {}
    code = str(body.get("code") or "refused")
    field_name = str(first["field"]) if first.get("field") else _FIELD_OF_CODE.get(code)
    message_fr = str(first.get("message_fr") or exc.message_fr) if first else exc.message_fr
    message_en = str(first.get("message_en") or exc.message_en) if first else exc.message_en
    if code == "identifier_taken":  # the detail says what to do; the issue only what is wrong
        message_fr, message_en = exc.message_fr, exc.message_en
    return ServiceError(status=exc.status, code=code, message_fr=message_fr, message_en=message_en, field=field_name)


@contextmanager
def _client(
    server_url: str,
    *,
    profile: UnlockedProfile | None = None,
    backoff: Backoff | None = None,
) -> Iterator[SyncHttp]:
    """A SyncHttp for one screen action; with a profile it sends the stored token and refreshes it once."""

    def token() -> str | None:
        value = profile.settings.get(S_ACCESS) if profile is not None else None
        return str(value) if value else None

    def refresh(http: SyncHttp) -> bool:
        return profile is not None and _refresh_tokens(http, profile)

    http = SyncHttp(
        server_url, token=token, refresh=refresh, backoff=backoff or UI_BACKOFF, stall_timeout=UI_STALL_TIMEOUT
    )
    try:
        yield http
    except ServiceRefused as exc:
        raise _service_error(exc) from exc
    finally:
        http.close()


def _public(http: SyncHttp, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """POST without a session. A 401 here means wrong credentials or code, not an expired session."""
    response = http.request("POST", path, json=body, auth=False, accept=frozenset({401}))
    if response.status_code == 401:
        try:
            problem = response.json()
        except ValueError:
            problem = {}
        raise ServiceRefused(401, problem if isinstance(problem, dict) else {})
    result: dict[str, Any] = response.json()
    return result


def _refresh_tokens(http: SyncHttp, profile: UnlockedProfile) -> bool:
    refresh_token = profile.settings.get(S_REFRESH)
    if not refresh_token:
        return False
    try:
        pair = http.request("POST", "/v1/auth/refresh", json={"refresh_token": refresh_token}, auth=False).json()
    except ServiceRefused:
        return False
    _store_tokens(profile, pair)
    return True


def _store_tokens(profile: UnlockedProfile, pair: dict[str, Any]) -> None:
    profile.set_setting(S_ACCESS, str(pair["access_token"]))
    profile.set_setting(S_REFRESH, str(pair["refresh_token"]))
    if pair.get("device_id"):
        profile.set_setting(S_DEVICE, str(pair["device_id"]))


def _link(profile: UnlockedProfile, server_url: str, identifier: str, pair: dict[str, Any] | None) -> None:
    """Tie the profile to its account on the service and, when a session was opened, keep its tokens."""
    profile.set_setting(S_URL, server_url)
    profile.set_setting(S_IDENTIFIER, identifier)
    if pair is not None:
        _store_tokens(profile, pair)


def _server_of(profile: UnlockedProfile) -> str:
    url = profile.settings.get(S_URL)
    if not url:
        raise NotSignedIn(
            "Ce carnet n'est pas relié au service en ligne : connectez-vous avec « J'ai déjà un compte ».",
            "This record is not linked to the online service: sign in with 'I already have an account'.",
        )
    return str(url)


def is_signed_in(profile: UnlockedProfile) -> bool:
    """True when the profile holds a service address and a session (it may still have expired)."""
    settings = profile.settings
    return bool(settings.get(S_URL) and settings.get(S_REFRESH))


def verify_password(profile: UnlockedProfile, password: str) -> None:
    """S19: prove the current password again before a sensitive setting (raises WrongPassword; throttled, S29).

    Goes through the public unlock of the profile's directory: the check is the real key derivation, and failures
    count towards the same throttle as the unlock screen.
    """
    ProfileDirectory(profile.path.parent.parent).unlock(password, profile_id=profile.profile_id).lock()


def default_device_name() -> str:
    return f"Carnet sur {platform.node() or 'cet ordinateur'}"[:100]


# -- activation ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActivationTicket:
    """An activation waiting for the code mailed to the person. Holds the password until the local profile is
    made with it (the same password opens the account and the carnet); drop the ticket once done."""

    server_url: str
    activation_id: str
    email_masked: str
    identifier: str
    password: str = field(repr=False)


def start_activation(
    server_url: str, code: str, nir: str, serial: str, identifier: str, password: str
) -> ActivationTicket:
    """Activation code + NIR + Carte Vitale serial + chosen identifier and password: the service mails a code."""
    with _client(server_url) as http:
        started = _public(
            http,
            "/v1/activation",
            {
                "activation_code": code,
                "nir": nir,
                "carte_vitale_serial": serial,
                "identifier": identifier.strip(),
                "password": password,
            },
        )
    return ActivationTicket(
        server_url, str(started["activation_id"]), str(started["email_masked"]), identifier.strip(), password
    )


def confirm_activation(
    ticket: ActivationTicket,
    email_code: str,
    *,
    directory: ProfileDirectory,
    label: str | None = None,
    device_name: str | None = None,
) -> tuple[UnlockedProfile, str]:
    """Confirm the mailed code, then create the local encrypted profile for the service's dossier.

    Returns the open profile and its recovery key (to show or print once). The code proves the mailbox as a login
    code does, so the service opens a session at once on the device this profile will use (a new id generated
    here, the name as at login): its tokens go into the profile's encrypted settings, and the first sync can run
    right away, without a second mailed code. A service that opens no session leaves the profile signed out
    (``is_signed_in`` false): the person then signs in with ``start_login``.
    """
    body = {
        "activation_id": ticket.activation_id,
        "code": email_code.strip(),
        "device_id": str(uuid.uuid4()),
        "device_name": device_name or default_device_name(),
    }
    with _client(ticket.server_url) as http:
        done = _public(http, "/v1/activation/confirm", body)
    identifier = str(done["identifier"])
    profile, recovery_key = directory.create(
        label or identifier, ticket.password, own_dossier_id=str(done["dossier_id"]), user_inputs=(identifier,)
    )
    pair = done.get("tokens")
    _link(profile, ticket.server_url, identifier, pair if isinstance(pair, dict) else None)
    return profile, recovery_key


# -- login ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoginTicket:
    """A login waiting for its mailed one-time code (the password is kept to open or create the carnet)."""

    server_url: str
    challenge_id: str
    identifier: str
    password: str = field(repr=False)


def start_login(server_url: str, identifier: str, password: str) -> LoginTicket:
    """First factor: identifier + password. The service mails a 6-digit code."""
    with _client(server_url) as http:
        challenge = _public(http, "/v1/auth/login", {"identifier": identifier.strip(), "password": password})
    return LoginTicket(server_url, str(challenge["challenge_id"]), identifier.strip(), password)


def _local_profile_for(directory: ProfileDirectory, identifier: str) -> str | None:
    matches = [p.profile_id for p in directory.profiles() if p.label == identifier]
    return matches[0] if matches else None


def confirm_login(
    ticket: LoginTicket,
    email_code: str,
    *,
    directory: ProfileDirectory,
    device_name: str | None = None,
) -> tuple[UnlockedProfile, str | None]:
    """Second factor; then unlock the carnet of this identifier on this computer, or create it.

    Returns the open profile and, when it was just created, its recovery key (else None). The session tokens go
    into the profile's encrypted settings.
    """
    existing = _local_profile_for(directory, ticket.identifier)
    # Unlock first: a wrong local password must not cost the person a mailed code.
    profile = directory.unlock(ticket.password, profile_id=existing) if existing else None
    device_id = profile.settings.get(S_DEVICE) if profile is not None else None
    body: dict[str, Any] = {
        "challenge_id": ticket.challenge_id,
        "code": email_code.strip(),
        "device_name": device_name or default_device_name(),
    }
    if device_id:
        body["device_id"] = str(device_id)
    try:
        with _client(ticket.server_url) as http:
            pair = _public(http, "/v1/auth/verify", body)
            me = http.request(
                "GET", "/v1/me", headers={"Authorization": f"Bearer {pair['access_token']}"}, auth=False
            ).json()
    except BaseException:
        if profile is not None:
            profile.lock()
        raise
    recovery_key: str | None = None
    if profile is None:
        profile, recovery_key = directory.create(
            ticket.identifier, ticket.password, own_dossier_id=str(me["dossier_id"]), user_inputs=(ticket.identifier,)
        )
    _link(profile, ticket.server_url, ticket.identifier, pair)
    return profile, recovery_key


# -- opposition -----------------------------------------------------------------------------------------------------


def oppose(server_url: str, code: str, nir: str, serial: str) -> str:
    """Oppose the creation of one's space; returns the space's new status (``opposed``)."""
    with _client(server_url) as http:
        body = _public(
            http, "/v1/spaces/opposition", {"activation_code": code, "nir": nir, "carte_vitale_serial": serial}
        )
    return str(body["status"])


# -- care history ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CareRecord:
    id: str
    kind: str
    date: date
    label: str
    professional: str | None


@dataclass(frozen=True, slots=True)
class CareHistory:
    """The reimbursed care of the last 24 months, when it was fetched, and whether it is the offline copy."""

    records: tuple[CareRecord, ...]
    fetched_at: datetime
    from_cache: bool


def _care_from_json(raw: dict[str, Any]) -> CareRecord:
    return CareRecord(
        str(raw["id"]), str(raw["kind"]), date.fromisoformat(str(raw["date"])), str(raw["label"]), raw["professional"]
    )


def cached_care_history(profile: UnlockedProfile) -> CareHistory | None:
    """The last copy fetched (kept in the profile's encrypted settings), or None."""
    cached = profile.settings.get(S_CARE_HISTORY)
    if not isinstance(cached, dict):
        return None
    records = tuple(_care_from_json(r) for r in cached.get("records", []))
    return CareHistory(records, datetime.fromisoformat(str(cached["fetched_at"])), from_cache=True)


def care_history(profile: UnlockedProfile, *, now: Callable[[], datetime] | None = None) -> CareHistory:
    """Fetch the care history and keep a copy; offline (or signed out) return the last copy if there is one."""
    try:
        raw: list[dict[str, Any]] = []
        with _client(_server_of(profile), profile=profile) as http:
            while True:
                page = http.request("GET", f"/v1/me/care-history?limit={CARE_PAGE}&offset={len(raw)}", auth=True).json()
                raw.extend(page)
                if len(page) < CARE_PAGE:
                    break
    except (SyncOffline, NotSignedIn):
        cached = cached_care_history(profile)
        if cached is None:
            raise
        return cached
    fetched_at = (now or (lambda: datetime.now(UTC)))()
    profile.set_setting(S_CARE_HISTORY, {"fetched_at": fetched_at.isoformat(), "records": raw})
    return CareHistory(tuple(_care_from_json(r) for r in raw), fetched_at, from_cache=False)


# -- historique des accès ------------------------------------------------------------------------------------------

ACTOR_KINDS = (
    "patient",
    "legal_representative",
    "aidant",
    "professional",
    "heir",
    "insurer",
    "employer",
    "other",
    "system",
)


@dataclass(frozen=True, slots=True)
class AccessEvent:
    """One line of the historique des accès: who (name, RPPS, kind), when, what, the outcome and its reason."""

    at: datetime
    actor_kind: str
    actor_name: str | None
    actor_rpps: str | None
    action: str
    outcome: str
    reason: str | None
    assisted_by: str | None


@dataclass(frozen=True, slots=True)
class AccessHistoryPage:
    """A page of the history, newest first; ``from_cache`` when it comes from the offline copy of ``fetched_at``."""

    items: tuple[AccessEvent, ...]
    next_offset: int | None
    fetched_at: datetime
    from_cache: bool


def _event_from_json(raw: dict[str, Any]) -> AccessEvent:
    return AccessEvent(
        datetime.fromisoformat(str(raw["at"])),
        str(raw["actor_kind"]),
        raw.get("actor_name"),
        raw.get("actor_rpps"),
        str(raw["action"]),
        str(raw["outcome"]),
        raw.get("reason"),
        raw.get("assisted_by"),
    )


def _aware(moment: datetime, name: str) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"{name} must carry a time zone")
    return moment


def cached_access_history(
    profile: UnlockedProfile,
    *,
    actor_kinds: tuple[str, ...] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    offset: int = 0,
) -> AccessHistoryPage | None:
    """The offline copy (encrypted settings), filtered like the service does (``until`` excluded), or None."""
    cached = profile.settings.get(S_ACCESS_HISTORY)
    if not isinstance(cached, dict):
        return None
    events = [_event_from_json(r) for r in cached.get("items", [])]
    kept = [
        e
        for e in events
        if (not actor_kinds or e.actor_kind in actor_kinds)
        and (since is None or e.at >= _aware(since, "since"))
        and (until is None or e.at < _aware(until, "until"))
    ]
    page = tuple(kept[offset : offset + limit])
    more = offset + limit < len(kept)
    return AccessHistoryPage(
        page, offset + limit if more else None, datetime.fromisoformat(str(cached["fetched_at"])), from_cache=True
    )


def access_history(
    profile: UnlockedProfile,
    *,
    actor_kinds: tuple[str, ...] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    offset: int = 0,
    now: Callable[[], datetime] | None = None,
    dossier_id: str | None = None,
) -> AccessHistoryPage:
    """Who opened the dossier or changed its access, newest first; filters by kind of actor and dates.

    ``since`` is included, ``until`` excluded; both must carry a time zone (ValueError otherwise). Unfiltered pages
    are kept as the offline copy; offline (or signed out), the copy answers, filtered the same way, if there is one.
    With ``dossier_id`` (a child's dossier managed as legal representative), that dossier's history, never cached.
    """
    unknown = set(actor_kinds) - set(ACTOR_KINDS)
    if unknown:
        raise ValueError(f"unknown actor kinds: {sorted(unknown)}")
    params: list[tuple[str, str | int]] = [("actor_kind", k) for k in actor_kinds]
    if since is not None:
        params.append(("since", _aware(since, "since").isoformat()))
    if until is not None:
        params.append(("until", _aware(until, "until").isoformat()))
    params += [("limit", limit), ("offset", offset)]
    if dossier_id is not None:
        params.append(("dossier_id", dossier_id))
    try:
        with _client(_server_of(profile), profile=profile) as http:
            body = http.request("GET", f"/v1/me/access/history?{urlencode(params)}").json()
    except (SyncOffline, NotSignedIn):
        if dossier_id is not None:
            raise
        cached = cached_access_history(
            profile, actor_kinds=actor_kinds, since=since, until=until, limit=limit, offset=offset
        )
        if cached is None:
            raise
        return cached
    fetched_at = (now or (lambda: datetime.now(UTC)))()
    raw_items: list[dict[str, Any]] = list(body["items"])
    if not actor_kinds and since is None and until is None and dossier_id is None:
        previous = profile.settings.get(S_ACCESS_HISTORY)
        kept: list[dict[str, Any]] = []
        if offset > 0 and isinstance(previous, dict):
            kept = list(previous.get("items", []))[:offset]
        if len(kept) == offset:  # only a contiguous copy from the newest line on: never holes
            items = (kept + raw_items)[:ACCESS_CACHE_MAX]
            profile.set_setting(S_ACCESS_HISTORY, {"fetched_at": fetched_at.isoformat(), "items": items})
    next_offset = body.get("next_offset")
    return AccessHistoryPage(
        tuple(_event_from_json(r) for r in raw_items),
        int(next_offset) if next_offset is not None else None,
        fetched_at,
        from_cache=False,
    )


# -- accès et confidentialité ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProfessionalRef:
    rpps: str
    name: str | None
    profession: str | None


@dataclass(frozen=True, slots=True)
class AuthorisedProfessional:
    professional: ProfessionalRef
    authorised_at: datetime
    until: datetime | None
    administrateur: bool


@dataclass(frozen=True, slots=True)
class EmergencySettings:
    """Emergency access: ``masked_documents`` is always off when both ``samu`` and ``other_professionals`` are."""

    samu: bool
    other_professionals: bool
    masked_documents: bool
    mask_all_including_emergency: bool = False


@dataclass(frozen=True, slots=True)
class Aidant:
    account_id: str
    identifier: str | None
    starts_at: datetime
    ends_at: datetime
    active: bool


@dataclass(frozen=True, slots=True)
class AccessSettings:
    """The patient's consent as the service holds it (every change below returns the new one).

    ``fetched_at`` is when the service said so; ``from_cache`` when this is the offline copy of that moment.
    """

    authorised: tuple[AuthorisedProfessional, ...]
    blocked: tuple[ProfessionalRef, ...]
    medecin_traitant: ProfessionalRef | None
    emergency: EmergencySettings
    default_masked_from_professionals: bool
    aidants: tuple[Aidant, ...]
    post_mortem_opposed: bool = False
    legal_representatives: tuple[str, ...] = ()
    occupational_consents: tuple[ProfessionalRef, ...] = ()
    """Médecins du travail given the person's express consent (an authorisation alone does not let them in)."""
    fetched_at: datetime | None = None
    from_cache: bool = False


def _ref(raw: dict[str, Any]) -> ProfessionalRef:
    return ProfessionalRef(str(raw["rpps"]), raw.get("name"), raw.get("profession"))


def _when(raw: Any) -> datetime | None:
    return datetime.fromisoformat(str(raw)) if raw else None


def _settings_from_json(
    raw: dict[str, Any], *, fetched_at: datetime | None = None, from_cache: bool = False
) -> AccessSettings:
    e = raw["emergency"]
    return AccessSettings(
        authorised=tuple(
            AuthorisedProfessional(
                _ref(a),
                datetime.fromisoformat(str(a["authorised_at"])),
                _when(a.get("until")),
                bool(a["administrateur"]),
            )
            for a in raw["authorised"]
        ),
        blocked=tuple(_ref(b) for b in raw["blocked"]),
        medecin_traitant=_ref(raw["medecin_traitant"]) if raw.get("medecin_traitant") else None,
        emergency=EmergencySettings(
            bool(e["samu"]),
            bool(e["other_professionals"]),
            bool(e["masked_documents"]),
            bool(e["mask_all_including_emergency"]),
        ),
        default_masked_from_professionals=bool(raw["default_masked_from_professionals"]),
        aidants=tuple(
            Aidant(
                str(a["account_id"]),
                a.get("identifier"),
                datetime.fromisoformat(str(a["starts_at"])),
                datetime.fromisoformat(str(a["ends_at"])),
                bool(a["active"]),
            )
            for a in raw["aidants"]
        ),
        post_mortem_opposed=bool(raw.get("post_mortem_opposed", False)),
        legal_representatives=tuple(str(r) for r in raw.get("legal_representatives") or ()),
        occupational_consents=tuple(_ref(o) for o in raw.get("occupational_consents") or ()),
        fetched_at=fetched_at,
        from_cache=from_cache,
    )


def _cache_key(dossier_id: str | None) -> str:
    return dossier_id or "own"


def cached_access_settings(profile: UnlockedProfile, *, dossier_id: str | None = None) -> AccessSettings | None:
    """The offline copy of the last settings the service returned (encrypted settings of the profile), or None."""
    copies = profile.settings.get(S_ACCESS_SETTINGS)
    cached = copies.get(_cache_key(dossier_id)) if isinstance(copies, dict) else None
    if not isinstance(cached, dict):
        return None
    return _settings_from_json(
        cached["settings"], fetched_at=datetime.fromisoformat(str(cached["fetched_at"])), from_cache=True
    )


def _keep_copy(profile: UnlockedProfile, dossier_id: str | None, raw: dict[str, Any], fetched_at: datetime) -> None:
    previous = profile.settings.get(S_ACCESS_SETTINGS)
    copies = dict(previous) if isinstance(previous, dict) else {}
    copies[_cache_key(dossier_id)] = {"fetched_at": fetched_at.isoformat(), "settings": raw}
    profile.set_setting(S_ACCESS_SETTINGS, copies)


def _consent(
    profile: UnlockedProfile,
    method: str,
    path: str,
    body: dict[str, Any] | None = None,
    *,
    dossier_id: str | None = None,
) -> AccessSettings:
    """One /v1/me/access call (on ``dossier_id``, a child's dossier, when given); the answer becomes the copy."""
    query = f"?{urlencode({'dossier_id': dossier_id})}" if dossier_id is not None else ""
    with _client(_server_of(profile), profile=profile) as http:
        raw = http.request(method, f"/v1/me/access{path}{query}", json=body).json()
    fetched_at = datetime.now(UTC)
    _keep_copy(profile, dossier_id, raw, fetched_at)
    return _settings_from_json(raw, fetched_at=fetched_at)


def _rpps_path(rpps: str) -> str:
    clean = rpps.strip()
    if not clean.isdigit():
        raise ServiceError(
            status=422,
            code="rpps_invalid",
            message_fr="Le numéro RPPS ne contient que des chiffres (11).",
            message_en="The RPPS number contains digits only (11).",
            field="rpps",
        )
    return f"/professionals/{clean}"


def access_settings(profile: UnlockedProfile, *, dossier_id: str | None = None) -> AccessSettings:
    """Who may see the dossier: authorised and blocked professionals, médecin traitant, emergency, aidants.

    Offline (or signed out) the last copy answers (``from_cache``), if there is one; else the error is raised.
    """
    try:
        return _consent(profile, "GET", "", dossier_id=dossier_id)
    except (SyncOffline, NotSignedIn):
        cached = cached_access_settings(profile, dossier_id=dossier_id)
        if cached is None:
            raise
        return cached


def authorise(
    profile: UnlockedProfile, rpps: str, *, until: datetime | None = None, dossier_id: str | None = None
) -> AccessSettings:
    """Authorise a professional (until a date, or with no end)."""
    body = {"until": _aware(until, "until").isoformat()} if until is not None else {}
    return _consent(profile, "PUT", f"{_rpps_path(rpps)}/authorisation", body, dossier_id=dossier_id)


def withdraw(profile: UnlockedProfile, rpps: str, *, dossier_id: str | None = None) -> AccessSettings:
    """Withdraw a professional's authorisation (they can no longer open the dossier)."""
    return _consent(profile, "DELETE", f"{_rpps_path(rpps)}/authorisation", dossier_id=dossier_id)


def block(profile: UnlockedProfile, rpps: str, *, dossier_id: str | None = None) -> AccessSettings:
    """Block a professional: they see nothing, and lose their authorisation and roles."""
    return _consent(profile, "PUT", f"{_rpps_path(rpps)}/block", dossier_id=dossier_id)


def unblock(profile: UnlockedProfile, rpps: str, *, dossier_id: str | None = None) -> AccessSettings:
    """Unblock a professional. This does NOT authorise them again: that takes a new ``authorise``."""
    return _consent(profile, "DELETE", f"{_rpps_path(rpps)}/block", dossier_id=dossier_id)


def set_administrateur(
    profile: UnlockedProfile, rpps: str, *, enabled: bool, dossier_id: str | None = None
) -> AccessSettings:
    method = "PUT" if enabled else "DELETE"
    return _consent(profile, method, f"{_rpps_path(rpps)}/administrateur", dossier_id=dossier_id)


def give_occupational_consent(profile: UnlockedProfile, rpps: str, *, dossier_id: str | None = None) -> AccessSettings:
    """Express consent to a médecin du travail (the service refuses, 422, anyone of another profession)."""
    return _consent(profile, "PUT", f"{_rpps_path(rpps)}/occupational-consent", dossier_id=dossier_id)


def withdraw_occupational_consent(
    profile: UnlockedProfile, rpps: str, *, dossier_id: str | None = None
) -> AccessSettings:
    """Withdraw that express consent: the médecin du travail can no longer open the dossier."""
    return _consent(profile, "DELETE", f"{_rpps_path(rpps)}/occupational-consent", dossier_id=dossier_id)


def set_medecin_traitant(
    profile: UnlockedProfile, rpps: str | None, *, dossier_id: str | None = None
) -> AccessSettings:
    """Name the médecin traitant (``None``: no médecin traitant)."""
    value = _rpps_path(rpps).rsplit("/", 1)[1] if rpps is not None else None
    return _consent(profile, "PUT", "/medecin-traitant", {"rpps": value}, dossier_id=dossier_id)


def set_emergency(
    profile: UnlockedProfile, settings: EmergencySettings, *, dossier_id: str | None = None
) -> AccessSettings:
    """The emergency toggles; masked documents cannot stay on when neither SAMU nor other professionals may open."""
    masked = settings.masked_documents and (settings.samu or settings.other_professionals)
    body = {
        "samu": settings.samu,
        "other_professionals": settings.other_professionals,
        "masked_documents": masked,
        "mask_all_including_emergency": settings.mask_all_including_emergency,
    }
    return _consent(profile, "PUT", "/emergency", body, dossier_id=dossier_id)


def set_default_confidentiality(
    profile: UnlockedProfile, *, masked_from_professionals: bool, dossier_id: str | None = None
) -> AccessSettings:
    body = {"masked_from_professionals": masked_from_professionals}
    return _consent(profile, "PUT", "/default-confidentiality", body, dossier_id=dossier_id)


def set_post_mortem_opposition(
    profile: UnlockedProfile, *, opposed: bool, dossier_id: str | None = None
) -> AccessSettings:
    """Oppose (or stop opposing) access by the person's relatives to the dossier after their death."""
    return _consent(profile, "PUT", "/post-mortem", {"opposed": opposed}, dossier_id=dossier_id)


def invite_aidant(
    profile: UnlockedProfile,
    identifier: str,
    *,
    ends_at: datetime,
    starts_at: datetime | None = None,
    dossier_id: str | None = None,
) -> AccessSettings:
    """Delegate to a proche aidant (another Carnet account, by identifier) until ``ends_at``."""
    body: dict[str, Any] = {"identifier": identifier.strip(), "ends_at": _aware(ends_at, "ends_at").isoformat()}
    if starts_at is not None:
        body["starts_at"] = _aware(starts_at, "starts_at").isoformat()
    return _consent(profile, "POST", "/aidants", body, dossier_id=dossier_id)


def revoke_aidant(profile: UnlockedProfile, account_id: str, *, dossier_id: str | None = None) -> AccessSettings:
    return _consent(profile, "DELETE", f"/aidants/{account_id}", dossier_id=dossier_id)


# -- legal representatives and child profiles -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Representative:
    account_id: str
    identifier: str | None


@dataclass(frozen=True, slots=True)
class ChildProfile:
    """A child's dossier the person manages as legal representative, with its representatives (when told)."""

    dossier_id: str
    first_names: str
    last_name: str
    birth_date: date
    representatives: tuple[Representative, ...] = ()


def _representative(raw: Any) -> Representative:
    if isinstance(raw, dict):
        return Representative(str(raw.get("account_id") or raw.get("id")), raw.get("identifier"))
    return Representative(str(raw), None)


def _child(raw: dict[str, Any]) -> ChildProfile:
    return ChildProfile(
        str(raw["dossier_id"]),
        str(raw.get("first_names") or ""),
        str(raw.get("last_name") or ""),
        date.fromisoformat(str(raw["birth_date"])),
        tuple(_representative(r) for r in raw.get("representatives") or ()),
    )


def children(profile: UnlockedProfile) -> list[ChildProfile]:
    """The children's dossiers the person manages (GET /v1/me/children; else the representative rows of
    GET /v1/me/shared-dossiers, without the list of representatives)."""
    with _client(_server_of(profile), profile=profile) as http:
        response = http.request("GET", "/v1/me/children", accept=frozenset({404, 405}))
        if response.status_code in (404, 405):
            rows = [
                r
                for r in http.request("GET", "/v1/me/shared-dossiers").json()
                if r.get("role") == "legal_representative"
            ]
        else:
            rows = list(response.json())
    return [_child(r) for r in rows]


def add_child(profile: UnlockedProfile, *, activation_code: str, nir: str, serial: str) -> ChildProfile:
    """Take charge of a child's space with its activation code, NIR and Carte Vitale serial (from the letter)."""
    body = {"activation_code": activation_code, "nir": nir, "carte_vitale_serial": serial}
    with _client(_server_of(profile), profile=profile) as http:
        return _child(http.request("POST", "/v1/me/children", json=body).json())


def add_representative(profile: UnlockedProfile, dossier_id: str, identifier: str) -> ChildProfile:
    """Add the child's second legal representative (another Carnet account, by identifier; two at most)."""
    with _client(_server_of(profile), profile=profile) as http:
        raw = http.request(
            "POST", f"/v1/me/children/{dossier_id}/representatives", json={"identifier": identifier.strip()}
        ).json()
    return _child(raw)


def remove_representative(profile: UnlockedProfile, dossier_id: str, account_id: str) -> ChildProfile:
    """Remove a legal representative; the service refuses the last one (ServiceError code ``last_representative``)."""
    with _client(_server_of(profile), profile=profile) as http:
        raw = http.request("DELETE", f"/v1/me/children/{dossier_id}/representatives/{account_id}").json()
    return _child(raw)


# -- devices and notifications --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Device:
    id: str
    name: str
    first_seen_at: datetime
    last_seen_at: datetime
    revoked: bool
    current: bool


def devices(profile: UnlockedProfile) -> list[Device]:
    """The devices registered to the account, this one marked ``current``."""
    with _client(_server_of(profile), profile=profile) as http:
        rows = http.request("GET", "/v1/me/devices").json()
    return [
        Device(
            str(r["id"]),
            str(r["name"]),
            datetime.fromisoformat(str(r["first_seen_at"])),
            datetime.fromisoformat(str(r["last_seen_at"])),
            bool(r["revoked"]),
            bool(r["current"]),
        )
        for r in rows
    ]


def revoke_device(profile: UnlockedProfile, device_id: str) -> None:
    """Revoke one device: its sessions stop working at once (it keeps nothing it has not synced)."""
    with _client(_server_of(profile), profile=profile) as http:
        http.request("DELETE", f"/v1/me/devices/{device_id}")


@dataclass(frozen=True, slots=True)
class Notification:
    id: str
    event: str
    at: datetime
    professional_name: str
    detail: str | None
    read: bool


def notifications(profile: UnlockedProfile, *, limit: int = 50) -> tuple[list[Notification], int]:
    """The newest notifications and how many are unread."""
    with _client(_server_of(profile), profile=profile) as http:
        page = http.request("GET", f"/v1/me/notifications?limit={limit}").json()
    items = [
        Notification(
            str(n["id"]),
            str(n["event"]),
            datetime.fromisoformat(str(n["at"])),
            str(n["professional_name"]),
            n.get("detail"),
            bool(n["read"]),
        )
        for n in page["items"]
    ]
    return items, int(page["unread"])
