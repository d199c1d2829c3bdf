"""The fate of each change made on a clinic workstation: sent, waiting, or refused by the service and why.

Read from the engine's own records in each cached dossier (the outbox rows, the service's answer to each in
`sync_results`, the bodies still to upload), never from a counter: a change the service refused stays listed, with
its reason in plain words, until the professional acknowledges it — `desktop_app.sync.refusals.settle` marks the
outbox row `discarded` (or `resent` once corrected), as the patient window's inbox does — so the workstation never
says "nothing waiting" while something was refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from desktop_app import schema
from desktop_app.i18n import pick
from desktop_app.profile import UnlockedProfile
from desktop_app.sync import tables as t
from desktop_app.sync.refusals import DISCARDED, RESENT, explain, refused_changes, settle

SENT_SHOWN_FOR = timedelta(hours=24)  # sent changes stay listed for the day (« Fin de journée » reads them too)


class Fate(StrEnum):
    WAITING = "waiting"  # not yet sent (or its file not yet uploaded)
    SENT = "sent"  # the service applied it
    REFUSED = "refused"  # rejected or forbidden: a person must be told
    CONFLICT = "conflict"  # the patient changed the same item: the patient resolves it


# The service's reason codes (dossier.access.Reason, the push pipeline's own) in the professional's words.
_REASONS: dict[str, tuple[str, str]] = {
    "profession_may_not_vaccinate": (
        "Votre profession n'est pas habilitée à inscrire une vaccination dans le carnet.",
        "Your profession may not record vaccinations in the carnet.",
    ),
    "professionals_add_documents_only": (
        "Un professionnel ne peut ajouter que des documents (et des vaccinations s'il est habilité à vacciner).",
        "A professional may only add documents (and vaccinations if allowed to vaccinate).",
    ),
    "matrix_denies_category": (
        "La matrice d'habilitation ne permet pas à votre profession ce type de document.",
        "The habilitation matrix does not allow your profession this kind of document.",
    ),
    "only_own_documents": (
        "Vous ne pouvez modifier ou supprimer que ce que vous avez vous-même ajouté.",
        "You may only edit or delete what you added yourself.",
    ),
    "professional_not_authorised": (
        "Le patient ne vous a pas autorisé (ou a retiré son autorisation).",
        "The patient has not authorised you (or withdrew the authorisation).",
    ),
    "professional_blocked": ("Le patient vous a bloqué.", "The patient blocked you."),
    "occupational_physician_no_consent": (
        "Le patient n'a pas donné son accord exprès au médecin du travail.",
        "The patient did not give the occupational physician express consent.",
    ),
    "patient_deceased": ("Le patient est décédé : son dossier est figé.", "The patient died: the record is frozen."),
}


def reason_words(
    reason: str | None,
    message: str | None,
    lang: str | None = None,
    *,
    status: str = "forbidden",
    message_en: str | None = None,
) -> str:
    """Why the service refused a change, in plain words: a professional's own reasons here, the others as the
    patient window's inbox says them (`refusals.explain`); the service's own detail for a validation failure, in
    the window's language (`message_en`; a result stored before the service gave one falls back to plain words)."""
    detail = message_en if (lang or "fr") == "en" else message
    if reason == "validation_failed" and detail:
        return pick(f"Saisie refusée par le service : {detail}", f"Entry refused by the service: {detail}", lang)
    if reason in _REASONS:
        fr, en = _REASONS[reason]
        return pick(fr, en, lang)
    return explain(reason, status).why(lang)


@dataclass(frozen=True, slots=True)
class ChangeFate:
    """One change made on this workstation and what became of it."""

    dossier_id: str
    mutation_id: str
    entity: str  # entry | document
    kind: str  # entry kind or document category
    op: str
    created_at: datetime
    fate: Fate
    values: dict[str, Any]  # the values the change wanted (to correct a refused one)
    reason: str | None = None
    message: str | None = None
    state: str = ""  # the outbox row's state (rejected | forbidden for a refusal)
    message_en: str | None = None  # the service's detail in English

    def what(self, lang: str | None = None) -> str:
        """« Vaccination DTPolio », « Document Courrier de sortie »…"""
        name = self.values.get("vaccine") or self.values.get("title") or self.values.get("name") or ""
        if self.entity == "document":
            head = pick("Document", "Document", lang)
        elif self.kind == "vaccination":
            head = pick("Vaccination", "Vaccination", lang)
        elif self.kind == "appointment":
            head = pick("Rendez-vous", "Appointment", lang)
        else:
            head = self.kind
        verb = {
            "create": "",
            "update": pick(" (modifié)", " (edited)", lang),
            "delete": pick(" (supprimé)", " (deleted)", lang),
        }
        return f"{head} {name}".strip() + verb.get(self.op, "")

    def why(self, lang: str | None = None) -> str:
        if self.fate is Fate.REFUSED:
            return reason_words(self.reason, self.message, lang, status=self.state, message_en=self.message_en)
        if self.fate is Fate.CONFLICT:
            return pick(
                "Le patient a modifié le même élément : c'est lui qui choisira la version à garder.",
                "The patient changed the same item: they will choose which version to keep.",
                lang,
            )
        return ""


def _wanted(changes: str) -> dict[str, Any]:
    try:
        data = json.loads(changes)
    except ValueError:
        return {}
    return {k: v[1] for k, v in data.items() if isinstance(v, list) and len(v) == 2} if isinstance(data, dict) else {}


def _stamp(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def acknowledge(
    profile: UnlockedProfile, dossier_id: str, mutation_ids: Iterable[str], *, outcome: str = DISCARDED
) -> None:
    """The professional has seen these refused changes (`resent`: corrected and queued again): they leave the list."""
    wanted = set(mutation_ids)
    for change in refused_changes(profile):
        if change.dossier_id == dossier_id and change.mutation_id in wanted:
            settle(profile, change, outcome)


def fates(profile: UnlockedProfile, now: datetime, *, held: Callable[[], list[str]] | None = None) -> list[ChangeFate]:
    """Every change of this workstation still worth showing: waiting ones, refused or conflicting ones not yet
    acknowledged, and the ones sent within the day. Refused first, then waiting, then sent; newest first within."""
    since = now - SENT_SHOWN_FOR
    found: list[ChangeFate] = []
    for dossier_id in (held or profile.dossier_ids)():
        outbox = schema.outbox
        results = t.sync_results
        query = select(outbox, results.c.reason, results.c.message, results.c.message_en).outerjoin(
            results, results.c.mutation_id == outbox.c.mutation_id
        )
        with profile.dossier(dossier_id).reading() as conn:
            uploading = set(conn.scalars(select(t.sync_blobs.c.document_id).where(t.sync_blobs.c.direction == "up")))
            rows = list(conn.execute(query.order_by(outbox.c.client_seq)))
        for row in rows:
            if row.entity == "conflict" or row.state in (DISCARDED, RESENT):
                continue  # a decision on a conflict; a refusal already dealt with
            created = _stamp(row.created_at)
            if row.state == "pending" or (row.entity_id in uploading and row.state in ("applied", "merged")):
                fate = Fate.WAITING
            elif row.state in ("rejected", "forbidden"):
                fate = Fate.REFUSED
            elif row.state == "conflict":
                fate = Fate.CONFLICT
            else:
                fate = Fate.SENT
            if fate is Fate.SENT and created < since:
                continue
            found.append(
                ChangeFate(
                    dossier_id,
                    row.mutation_id,
                    row.entity,
                    row.kind,
                    row.op,
                    created,
                    fate,
                    _wanted(row.changes),
                    row.reason,
                    row.message,
                    row.state,
                    row.message_en,
                )
            )
    order = {Fate.REFUSED: 0, Fate.CONFLICT: 1, Fate.WAITING: 2, Fate.SENT: 3}
    found.sort(key=lambda f: (order[f.fate], -f.created_at.timestamp()))
    return found
