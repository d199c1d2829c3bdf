"""Accès et confidentialité: who may see the dossier, emergency access, confidentiality, aidants.

Every change returns the new settings and keeps them as the offline copy (encrypted settings of the profile).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import ServiceError, aware, client, server_of
from desktop_app.setting_keys import SettingKey
from desktop_app.sync.http import NotSignedIn, SyncOffline


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
    sees_messages: bool = False  # the patient lets this aidant read their conversations (never answer)


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
                bool(a.get("sees_messages", False)),
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
    copies = profile.settings.get(SettingKey.ACCESS_SETTINGS)
    cached = copies.get(_cache_key(dossier_id)) if isinstance(copies, dict) else None
    if not isinstance(cached, dict):
        return None
    return _settings_from_json(
        cached["settings"], fetched_at=datetime.fromisoformat(str(cached["fetched_at"])), from_cache=True
    )


def _keep_copy(profile: UnlockedProfile, dossier_id: str | None, raw: dict[str, Any], fetched_at: datetime) -> None:
    previous = profile.settings.get(SettingKey.ACCESS_SETTINGS)
    copies = dict(previous) if isinstance(previous, dict) else {}
    copies[_cache_key(dossier_id)] = {"fetched_at": fetched_at.isoformat(), "settings": raw}
    profile.set_setting(SettingKey.ACCESS_SETTINGS, copies)


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
    with client(server_of(profile), profile=profile) as http:
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
    body = {"until": aware(until, "until").isoformat()} if until is not None else {}
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
    body: dict[str, Any] = {"identifier": identifier.strip(), "ends_at": aware(ends_at, "ends_at").isoformat()}
    if starts_at is not None:
        body["starts_at"] = aware(starts_at, "starts_at").isoformat()
    return _consent(profile, "POST", "/aidants", body, dossier_id=dossier_id)


def revoke_aidant(profile: UnlockedProfile, account_id: str, *, dossier_id: str | None = None) -> AccessSettings:
    return _consent(profile, "DELETE", f"/aidants/{account_id}", dossier_id=dossier_id)


def _aidant_messages(profile: UnlockedProfile, method: str, account_id: str, dossier_id: str | None) -> AccessSettings:
    query = f"?{urlencode({'dossier_id': dossier_id})}" if dossier_id is not None else ""
    with client(server_of(profile), profile=profile) as http:
        http.request(method, f"/v1/me/messages/aidants/{uuid.UUID(account_id)}{query}")
    return _consent(profile, "GET", "", dossier_id=dossier_id)


def allow_aidant_messages(
    profile: UnlockedProfile, account_id: str, *, dossier_id: str | None = None
) -> AccessSettings:
    """Let an aidant read the person's conversations with professionals (read only: an aidant never answers); a
    delegation alone does not show them. Returns the settings as they now are."""
    return _aidant_messages(profile, "PUT", account_id, dossier_id)


def withdraw_aidant_messages(
    profile: UnlockedProfile, account_id: str, *, dossier_id: str | None = None
) -> AccessSettings:
    """The aidant no longer sees the person's conversations (the delegation itself stays)."""
    return _aidant_messages(profile, "DELETE", account_id, dossier_id)
