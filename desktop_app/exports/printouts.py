"""The printable documents of the patient's window: build each PDF in memory from the dossier (and, for the access
report, from the service's history or its offline copy), store it as a document, re-authenticate before full exports.

No Qt here: ui/exports calls these on the store worker. PDF bytes stay in memory until the person chooses a file or
« Enregistrer dans mes documents » (then they go through the store, encrypted, and sync like any document).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop_app import vault
from desktop_app.exports import pdf
from desktop_app.exports.fhir_io import iter_entries
from desktop_app.i18n import pick
from desktop_app.secrets_util import zero

if TYPE_CHECKING:
    from desktop_app.access import AccessEvent as ServiceAccessEvent
    from desktop_app.access import Aidant
    from desktop_app.dossier_store import DocumentInfo, DossierStore
    from desktop_app.profile import UnlockedProfile

SAVED_CATEGORY = "synthese"  # « Ma santé en résumé »: where professionals look for the patient's summaries
ACCESS_REPORT_MAX = 1000  # as many lines as the offline copy keeps


class Printout(StrEnum):
    SYNTHESE = "synthese"
    EMERGENCY_CARD = "carte-urgence"
    VACCINATIONS = "vaccinations"
    ACCESS_HISTORY = "historique-acces"
    CAREGIVER = "justificatif-aidant"


TITLES: dict[Printout, tuple[str, str]] = {
    Printout.SYNTHESE: ("Synthèse du profil médical", "Medical profile summary"),
    Printout.EMERGENCY_CARD: ("Carte d'urgence", "Emergency card"),
    Printout.VACCINATIONS: ("Carnet de vaccination", "Vaccination record"),
    Printout.ACCESS_HISTORY: ("Historique des accès", "Access history"),
    Printout.CAREGIVER: ("Justificatif d'accès — proche aidant", "Caregiver access certificate"),
}


@dataclass(frozen=True, slots=True)
class AccessReport:
    """The access history as printed: every line the service (or the offline copy) gave, newest first."""

    events: tuple[ServiceAccessEvent, ...]
    fetched_at: datetime
    from_cache: bool


def patient_name(ds: DossierStore) -> str:
    """« Prénoms NOM » from the identity entry, "" when the identity is not filled in."""
    rows = ds.entries.list("identity", limit=1)
    if not rows:
        return ""
    d = rows[0].data
    return " ".join(str(d[k]) for k in ("first_names", "used_name", "birth_name") if d.get(k))


def access_report(profile: UnlockedProfile) -> AccessReport:
    """The whole history the service keeps for this dossier (or the offline copy when it cannot be reached)."""
    from desktop_app.access import access_history

    events: list[ServiceAccessEvent] = []
    offset: int | None = 0
    fetched_at, from_cache = None, False
    while offset is not None and len(events) < ACCESS_REPORT_MAX:
        page = access_history(profile, limit=200, offset=offset)
        events.extend(page.items)
        fetched_at, from_cache = page.fetched_at, page.from_cache
        offset = page.next_offset if page.items else None
    assert fetched_at is not None
    return AccessReport(tuple(events[:ACCESS_REPORT_MAX]), fetched_at, from_cache)


def caregiver_grant(
    ds: DossierStore, aidant: Aidant, *, now: datetime, owner: str = "", lang: str = "fr"
) -> pdf.CaregiverGrant:
    """The justificatif's content for an invited aidant (named by their Carnet identifier); `owner` names the
    person when the identity is not filled in (the carnet's name)."""
    return pdf.CaregiverGrant(
        patient_name=patient_name(ds) or owner or pick("Le titulaire du dossier", "The record holder", lang),
        caregiver_name=aidant.identifier or aidant.account_id,
        start=aidant.starts_at.astimezone().date(),
        end=aidant.ends_at.astimezone().date(),
        reference=f"CARNET-{ds.dossier_id[:8].upper()}-{now:%Y%m%d}",
    )


def build_printout(
    ds: DossierStore,
    kind: Printout,
    *,
    now: datetime,
    owner: str = "",
    access_events: list[pdf.AccessEvent] | None = None,
    grant: pdf.CaregiverGrant | None = None,
    lang: str = "fr",
) -> bytes:
    """The PDF of `kind`, in memory. The access report needs its lines (`access_events`, already worded in `lang`)
    and names the person from the identity (else `owner`, the carnet's name); the justificatif needs its `grant`.
    The access report and the justificatif are worded in `lang` ("fr" or "en")."""
    if kind is Printout.ACCESS_HISTORY:
        label = patient_name(ds) or owner or pick("titulaire", "record holder", lang)
        return pdf.build_access_history(access_events or [], patient_label=label, generated_at=now, lang=lang)
    if kind is Printout.CAREGIVER:
        if grant is None:
            raise ValueError("a justificatif needs the aidant's grant")
        return pdf.build_caregiver_certificate(grant, generated_at=now, lang=lang)
    entries = list(iter_entries(ds))
    builders = {
        Printout.SYNTHESE: pdf.build_synthese,
        Printout.EMERGENCY_CARD: pdf.build_emergency_card,
        Printout.VACCINATIONS: pdf.build_vaccination_record,
    }
    return builders[kind](entries, generated_at=now)


def document_title(kind: Printout, day: date, lang: str = "fr") -> str:
    if lang.startswith("en"):
        return f"{TITLES[kind][1]}, {pdf.format_date(day, lang)}"
    return f"{TITLES[kind][0]} du {day:%d/%m/%Y}"


def file_name(kind: Printout, day: date) -> str:
    """A default file name: what it is and the day, no personal data (it shows in folder listings)."""
    return f"{kind.value}-{day:%Y-%m-%d}.pdf"


def save_to_documents(ds: DossierStore, kind: Printout, content: bytes, *, day: date, lang: str = "fr") -> DocumentInfo:
    """Store the PDF as a document of the dossier (encrypted, queued for sync: professionals can open it)."""
    return ds.documents.add(
        content,
        title=document_title(kind, day, lang),
        category=SAVED_CATEGORY,
        document_date=day,
        author_kind="patient",
        filename=file_name(kind, day),
    )


def check_password(profile: UnlockedProfile, password: str) -> None:
    """S19: full exports ask for the carnet's password again, even when the window is open. Raises WrongPassword."""
    header = vault.VaultHeader.from_json((profile.path / "vault.json").read_text(encoding="utf-8"))
    key = vault.unlock_with_password(header, password)
    zero(key)
