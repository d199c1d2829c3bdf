"""Opening, read-only, a dossier another person holds: as their proche aidant, or as the heir, PACS partner or
cohabitant whose request was granted (GET /v1/me/shared-dossiers/{id}).

The service's access policy decides what is shown (an heir sees only what the purpose of the request needs); every
opening is audited there and appears in the person's own historique des accès. Nothing of it is kept on this
computer: the dossier opens online only, so that another person's health data never lands in this carnet's files.
A refusal is a ServiceError whose words say, in plain French or English, why and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop_app.i18n import pick
from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import ServiceError, client, server_of
from dossier.documents import DOCUMENT_CATEGORIES
from dossier.entries import ENTRY_KINDS


@dataclass(frozen=True, slots=True)
class SharedRecord:
    """One entry or document of the opened dossier, as the policy lets the caller see it."""

    entity_id: str
    entity: str  # "entry" or "document"
    kind: str  # the entry kind or the document category
    title: str | None
    author_kind: str  # "patient", "professional", "insurer"…
    created_at: datetime

    def kind_label(self, lang: str | None = None) -> str:
        """The kind (entries) or category (documents) as the person's own carnet names it."""
        spec = ENTRY_KINDS.get(self.kind) if self.entity == "entry" else DOCUMENT_CATEGORIES.get(self.kind)
        return pick(spec.label_fr, spec.label_en, lang) if spec is not None else self.kind


@dataclass(frozen=True, slots=True)
class SharedDossierView:
    """An opened dossier: whose, why the caller may see it (the policy's reason), and what they may see."""

    dossier_id: str
    first_names: str
    last_name: str
    birth_date: date
    access_reason: str  # "aidant_delegation", "post_mortem_purpose", "legal_representative"
    records: tuple[SharedRecord, ...]

    @property
    def entries(self) -> list[SharedRecord]:
        return [r for r in self.records if r.entity == "entry"]

    @property
    def documents(self) -> list[SharedRecord]:
        return [r for r in self.records if r.entity == "document"]


# The policy's reason codes (dossier.access.Reason) a person can meet opening a dossier shared with them, in words
# that say why and what to do; the service's own detail names the code, which means nothing to a person.
_REFUSED: dict[str, tuple[str, str]] = {
    "aidant_expired": (
        "Votre rôle de proche aidant a pris fin : ce dossier ne vous est plus ouvert. Si la personne souhaite que "
        "vous l'aidiez encore, elle peut vous désigner à nouveau.",
        "Your role as a carer has ended: this record is no longer open to you. If the person wants your help "
        "again, they can name you again.",
    ),
    "aidant_not_started": (
        "Votre rôle de proche aidant n'a pas encore commencé : le dossier s'ouvrira à la date choisie par la personne.",
        "Your role as a carer has not started yet: the record opens on the date the person chose.",
    ),
    "not_an_aidant": (
        "Vous n'êtes plus proche aidant de cette personne : ce dossier ne vous est plus ouvert.",
        "You are no longer this person's carer: this record is no longer open to you.",
    ),
    "no_relationship": (
        "Ce dossier ne vous est pas (ou plus) ouvert : la personne ne vous a pas désigné(e), ou a mis fin à "
        "votre accès.",
        "This record is not (or no longer) open to you: the person did not name you, or ended your access.",
    ),
    "post_mortem_opposed": (
        "La personne s'est opposée, de son vivant, à l'accès de ses proches à son dossier après son décès.",
        "The person objected, during their lifetime, to their relatives accessing their record after death.",
    ),
    "not_a_recognised_claimant": (
        "Votre demande d'accès n'a pas été reconnue : refaites-la depuis « Un proche est décédé ».",
        "Your access request was not recognised: make it again from “A relative has died”.",
    ),
    "patient_not_deceased": (
        "Ce dossier n'est ouvert aux ayants droit qu'après le décès de la personne.",
        "This record opens to heirs only after the person's death.",
    ),
    "not_found": (
        "Ce dossier n'existe plus sur le service (l'espace a pu être fermé).",
        "This record no longer exists on the service (the space may have been closed).",
    ),
}


def refusal(exc: ServiceError) -> ServiceError:
    """The service's refusal of an opening, in words a person understands (its code and status kept)."""
    words = _REFUSED.get(exc.code)
    if words is None:
        return exc
    return ServiceError(status=exc.status, code=exc.code, message_fr=words[0], message_en=words[1], field=None)


def _record(raw: dict[str, Any]) -> SharedRecord:
    title = raw.get("title")
    return SharedRecord(
        str(raw["entity_id"]),
        str(raw["entity"]),
        str(raw["kind"]),
        str(title) if title else None,
        str(raw.get("author_kind") or ""),
        datetime.fromisoformat(str(raw["created_at"])),
    )


def open_shared_dossier(profile: UnlockedProfile, dossier_id: str) -> SharedDossierView:
    """Open, read-only, a dossier shared with the person (GET /v1/me/shared-dossiers/{id}); newest records first.

    Online only (SyncOffline, NotSignedIn otherwise); a refusal is a ServiceError in plain words (``refusal``)."""
    try:
        with client(server_of(profile), profile=profile) as http:
            raw = http.request("GET", f"/v1/me/shared-dossiers/{dossier_id}").json()
    except ServiceError as exc:
        raise refusal(exc) from exc
    records = sorted((_record(r) for r in raw.get("records") or []), key=lambda r: r.created_at, reverse=True)
    return SharedDossierView(
        str(raw["dossier_id"]),
        str(raw.get("first_names") or ""),
        str(raw.get("last_name") or ""),
        date.fromisoformat(str(raw["birth_date"])),
        str(raw.get("access_reason") or ""),
        tuple(records),
    )
