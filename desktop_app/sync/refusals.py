"""Changes the service refused: never silent. Each is listed with what it was, why in plain words, and what to do.

A refused mutation keeps its outbox row (state `rejected` or `forbidden`) and the service's answer (`sync_results`:
reason code and French detail); its record shows the service's version again (push re-materialises it). Here the
inbox reads them (`refused_changes`), and the person deals with each: edit and resend it (the new change goes
through the store's own validation, then the refused one is marked `resent`), or discard it (`discarded`). Both
keep the row, so the history of what was sent stays whole; neither is ever sent again.

The words: `explain(reason, status)` turns the service's stable codes (`dossier.access.policy.Reason` for
`forbidden`, the sync service's own codes for `rejected`) into a sentence, French and English, and says whether
editing can help (`can_edit`) — it cannot when the policy forbids the action whatever its values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from desktop_app import schema
from desktop_app.errors import NotFound
from desktop_app.i18n import pick
from desktop_app.sync import tables as t
from desktop_app.sync.status import REFUSED_STATES
from dossier import documents as doc_rules
from dossier import entries as entry_rules
from dossier.sync_protocol import CORRESPONDENCE, Entity, MutationOp

if TYPE_CHECKING:
    from desktop_app.profile import UnlockedProfile

DISCARDED, RESENT = "discarded", "resent"

# Codes the sync service answers `rejected` with (server/sync/service.py): the values or the shape were refused.
_REJECTED: dict[str, tuple[str, str]] = {
    "validation_failed": (
        "Le service n'accepte pas une des valeurs saisies.",
        "The service does not accept one of the values entered.",
    ),
    "invalid_document": (
        "Le service n'accepte pas les informations de ce document.",
        "The service does not accept this document's details.",
    ),
    "unknown_kind": (
        "Le service ne connaît pas ce type d'élément : Carnet est peut-être à mettre à jour.",
        "The service does not know this kind of item: Carnet may need updating.",
    ),
    "kind_mismatch": (
        "Sur le service, cet élément est d'un autre type : la modification ne peut pas s'y appliquer.",
        "On the service this item is of another kind: the change cannot apply to it.",
    ),
    "unknown_op": (
        "Le service ne reconnaît pas cette opération : Carnet est peut-être à mettre à jour.",
        "The service does not recognise this operation: Carnet may need updating.",
    ),
    "malformed_changes": (
        "La modification est arrivée incomplète ou mal formée.",
        "The change arrived incomplete or malformed.",
    ),
}

# Access policy codes (dossier.access.policy.Reason) a person's own change can meet: why it is not allowed.
_FORBIDDEN: dict[str, tuple[str, str]] = {
    "patient_deceased": (
        "Ce carnet est clos : la personne est décédée, il ne peut plus être modifié.",
        "This carnet is closed: the person has died, it can no longer be changed.",
    ),
    "aidant_expired": (
        "Votre rôle d'aidant a pris fin : vous ne pouvez plus modifier ce carnet.",
        "Your role as a carer has ended: you can no longer change this carnet.",
    ),
    "aidant_not_started": (
        "Votre rôle d'aidant n'a pas encore commencé.",
        "Your role as a carer has not started yet.",
    ),
    "aidant_action_not_delegated": (
        "La personne aidée ne vous a pas confié ce type de modification.",
        "The person you help has not entrusted you with this kind of change.",
    ),
    "minor_managed_by_representatives": (
        "Ce carnet d'un mineur est géré par ses représentants légaux.",
        "This minor's carnet is managed by their legal representatives.",
    ),
    "minor_secret": (
        "Cette information relève du secret d'un mineur : vous ne pouvez pas la modifier.",
        "This information is covered by a minor's confidentiality: you cannot change it.",
    ),
    "authored_by_professional_or_insurer": (
        "Cet élément a été ajouté par un professionnel de santé ou par l'Assurance Maladie : "
        "vous pouvez le masquer, pas le modifier ni le supprimer.",
        "This item was added by a health professional or by the health insurer: "
        "you can hide it, not change or delete it.",
    ),
    "care_history_fed_by_insurer": (
        "L'historique des soins vient de l'Assurance Maladie : il ne se modifie pas ici.",
        "The care history comes from the health insurer: it cannot be changed here.",
    ),
    "hidden_until": (
        "Ce document n'est pas encore visible : il ne peut pas être modifié pour l'instant.",
        "This document is not visible yet: it cannot be changed for now.",
    ),
    "only_patient_side_may_mask": (
        "Seule la personne (ou qui gère son carnet) peut masquer ou démasquer un document.",
        "Only the person (or whoever manages their carnet) may hide or show a document.",
    ),
    "only_own_documents": (
        "Un professionnel ne peut modifier que les documents qu'il a lui-même ajoutés.",
        "A professional may only change the documents they added themselves.",
    ),
    "professionals_add_documents_only": (
        "Un professionnel peut ajouter des documents, pas modifier le profil médical.",
        "A professional may add documents, not change the medical profile.",
    ),
    "professional_not_authorised": (
        "Vous n'êtes plus autorisé(e) à accéder à ce carnet.",
        "You are no longer authorised to access this carnet.",
    ),
    "professional_blocked": (
        "La personne a bloqué votre accès à son carnet.",
        "The person has blocked your access to their carnet.",
    ),
    "matrix_denies_category": (
        "Votre profession ne permet pas de modifier ce type de document.",
        "Your profession does not allow changing this kind of document.",
    ),
    "document_masked": (
        "La personne a masqué ce document aux professionnels.",
        "The person has hidden this document from professionals.",
    ),
    "cannot_resolve": (
        "Vous ne pouvez pas régler ce conflit sur ce carnet.",
        "You cannot resolve this conflict on this carnet.",
    ),
}

_FORBIDDEN_DEFAULT = (
    "Le service a refusé cette modification : vos droits sur ce carnet ne la permettent pas.",
    "The service refused this change: your rights on this carnet do not allow it.",
)
_REJECTED_DEFAULT = ("Le service a refusé cette modification.", "The service refused this change.")

_OPS: dict[str, tuple[str, str]] = {
    MutationOp.CREATE.value: ("ajout", "addition"),
    MutationOp.UPDATE.value: ("modification", "change"),
    MutationOp.DELETE.value: ("suppression", "deletion"),
    MutationOp.RESTORE.value: ("rétablissement", "restoration"),
    MutationOp.SET_CONFIDENTIALITY.value: ("masquage", "hiding"),
}


@dataclass(frozen=True, slots=True)
class Explanation:
    why_fr: str
    why_en: str
    can_edit: bool  # editing the values may make it acceptable (otherwise the only way out is to discard it)

    def why(self, lang: str | None = None) -> str:
        return pick(self.why_fr, self.why_en, lang)

    def advice(self, lang: str | None = None) -> str:
        if self.can_edit:
            return pick(
                "Corrigez-la puis renvoyez-la, ou abandonnez-la : votre carnet garde alors la version du service.",
                "Correct it and send it again, or discard it: your carnet then keeps the service's version.",
                lang,
            )
        return pick(
            "Elle ne peut pas être envoyée telle quelle : abandonnez-la, votre carnet garde la version du service.",
            "It cannot be sent as it is: discard it, your carnet keeps the service's version.",
            lang,
        )


def explain(reason: str | None, status: str) -> Explanation:
    """The service's refusal code in plain words, and whether editing may help."""
    if status == "forbidden":
        fr, en = _FORBIDDEN.get(reason or "", _FORBIDDEN_DEFAULT)
        return Explanation(fr, en, can_edit=False)
    fr, en = _REJECTED.get(reason or "", _REJECTED_DEFAULT)
    return Explanation(fr, en, can_edit=reason in (None, "validation_failed", "invalid_document", "malformed_changes"))


@dataclass(frozen=True, slots=True)
class RefusedChange:
    """One change the service refused, as the inbox shows it."""

    dossier_id: str
    mutation_id: str
    entity: str  # entry | document
    entity_id: str
    kind: str
    op: str
    changes: dict[str, list[Any]]  # {field: [seen, wanted]}, as it was sent
    created_at: str
    status: str  # rejected | forbidden
    reason: str | None
    detail_fr: str | None  # the service's own French detail (e.g. which value it refused)
    detail_en: str | None = None  # the same in English (None from a service, or a result, that had none)

    @property
    def explanation(self) -> Explanation:
        return explain(self.reason, self.status)

    @property
    def can_resend(self) -> bool:
        """Editing and resending is offered for an entry's values (a form exists for them) when editing may help."""
        editable = self.entity == Entity.ENTRY.value and self.kind in entry_rules.ENTRY_KINDS
        values_op = self.op in (MutationOp.CREATE.value, MutationOp.UPDATE.value, MutationOp.RESTORE.value)
        return editable and values_op and self.explanation.can_edit

    def wanted(self) -> dict[str, Any]:
        """The values this change wanted to write."""
        return {name: pair[1] for name, pair in self.changes.items() if isinstance(pair, list) and len(pair) == 2}

    def what(self, lang: str | None = None) -> str:
        """« Allergie — ajout : Pénicilline » (kind, operation, the first values it carried)."""
        if self.entity == Entity.ENTRY.value and self.kind in entry_rules.ENTRY_KINDS:
            spec = entry_rules.ENTRY_KINDS[self.kind]
            kind = pick(spec.label_fr, spec.label_en, lang)
        elif self.entity == Entity.DOCUMENT.value and self.kind in doc_rules.DOCUMENT_CATEGORIES:
            category = doc_rules.DOCUMENT_CATEGORIES[self.kind]
            kind = pick("Document", "Document", lang) + " (" + pick(category.label_fr, category.label_en, lang) + ")"
        elif self.entity in CORRESPONDENCE:  # « Message — ajout : <its text> », never its ids
            kind = (
                pick("Message", "Message", lang)
                if self.entity == Entity.MESSAGE.value
                else pick("Conversation", "Conversation", lang)
            )
        else:
            kind = self.kind
        op = pick(*_OPS.get(self.op, (self.op, self.op)), lang=lang)
        wanted = self.wanted()
        if self.entity in CORRESPONDENCE:
            wanted = {k: v for k, v in wanted.items() if k in ("subject", "text")}
        values = [str(v) for v in wanted.values() if isinstance(v, str | int | float) and str(v)][:2]
        return f"{kind} — {op}" + (pick(" : ", ": ", lang) + ", ".join(values) if values else "")

    def why(self, lang: str | None = None) -> str:
        """The reason in plain words; the service's own detail follows when it says more, in the same language."""
        text = self.explanation.why(lang)
        detail = ((self.detail_en if (lang or "fr") == "en" else self.detail_fr) or "").strip()
        if detail and self.reason == "validation_failed":
            text += " " + detail
        elif detail and self.entity in CORRESPONDENCE:
            text = detail  # the messagerie's own sentence (closed, blocked, sending limit…) says it best
        return text


def refused_changes(profile: UnlockedProfile) -> list[RefusedChange]:
    """Every refused change not yet dealt with, in every dossier held, oldest first (conflict decisions aside:
    a refused decision reopens its conflict, listed as such)."""
    outbox, results = schema.outbox, t.sync_results
    found: list[RefusedChange] = []
    for dossier_id in profile.dossier_ids():
        query = (
            select(outbox, results.c.reason, results.c.message, results.c.message_en)
            .select_from(outbox.outerjoin(results, results.c.mutation_id == outbox.c.mutation_id))
            .where(outbox.c.state.in_(REFUSED_STATES), outbox.c.entity != Entity.CONFLICT.value)
            .order_by(outbox.c.client_seq)
        )
        with profile.dossier(dossier_id).reading() as conn:
            for row in conn.execute(query):
                found.append(
                    RefusedChange(
                        dossier_id,
                        row.mutation_id,
                        row.entity,
                        row.entity_id,
                        row.kind,
                        row.op,
                        json.loads(row.changes),
                        row.created_at,
                        row.state,
                        row.reason,
                        row.message,
                        row.message_en,
                    )
                )
    return found


def settle(profile: UnlockedProfile, change: RefusedChange, outcome: str) -> None:
    """The person dealt with a refused change: `discarded`, or `resent` (its corrected version is already queued).

    Raises NotFound when it was already dealt with (from another window, say)."""
    if outcome not in (DISCARDED, RESENT):
        raise ValueError(f"outcome must be {DISCARDED!r} or {RESENT!r}")
    outbox = schema.outbox
    with profile.dossier(change.dossier_id).transaction() as conn:
        done = conn.execute(
            update(outbox)
            .where(outbox.c.mutation_id == change.mutation_id, outbox.c.state.in_(REFUSED_STATES))
            .values(state=outcome)
        )
        if done.rowcount != 1:
            raise NotFound()
