"""What a professional sees of a dossier at the clinic workstation, section by section, and why a section is hidden.

Each section asks the access policy (`dossier.access.decide`) what this profession may read in a dossier that
authorised them, with the shipped matrice d'habilitation: a section the policy refuses says why (kept by the patient,
the matrice), and the documents the service withheld at the last online opening are counted by why (masked by the
patient, « tout masquer », the matrice). The content itself comes from the workstation's encrypted copy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desktop_app.care_history import CareHistory
from desktop_app.dossier_store import DocumentInfo, DossierStore, Entry
from desktop_app.i18n import pick
from dossier.access import (
    Action,
    Authorisation,
    ConsentState,
    Context,
    DocumentCategory,
    EntryKind,
    EntryTarget,
    HabilitationMatrix,
    Profession,
    Professional,
    Reason,
    Rpps,
    Section,
    SectionTarget,
    decide,
)
from dossier.documents import DOCUMENT_CATEGORIES


@dataclass(frozen=True, slots=True)
class ViewSection:
    """One section of the dossier view: its lines, or why it is hidden (`hidden`), and notes on what is withheld."""

    key: str
    title: str
    lines: list[str] = field(default_factory=list)
    hidden: str = ""
    notes: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    """For the documents section: each line's document id (the lines after them are notes)."""


# (key, title fr, title en, entry kinds) in the order a nurse reads them before a vaccination.
_ENTRY_SECTIONS: tuple[tuple[str, str, str, tuple[EntryKind, ...]], ...] = (
    ("allergies", "Allergies", "Allergies", (EntryKind.ALLERGY,)),
    ("treatments", "Traitements en cours", "Current treatments", (EntryKind.TREATMENT,)),
    ("vaccinations", "Vaccinations", "Vaccinations", (EntryKind.VACCINATION,)),
    (
        "directives",
        "Directives anticipées et volontés",
        "Advance directives and wishes",
        (EntryKind.ADVANCE_DIRECTIVE, EntryKind.ORGAN_DONATION),
    ),
    (
        "entourage",
        "Entourage",
        "People around the patient",
        (EntryKind.EMERGENCY_CONTACT, EntryKind.TRUSTED_PERSON, EntryKind.CAREGIVER),
    ),
)

_WHY: dict[Reason, tuple[str, str]] = {
    Reason.SECTION_NOT_FOR_PROFESSIONALS: (
        "Masqué : le patient garde cette partie de son profil pour lui (il peut vous remettre sa synthèse).",
        "Hidden: the patient keeps this part of the profile to themselves (they may hand you their summary).",
    ),
    Reason.MATRIX_DENIES_CATEGORY: (
        "Masqué pour votre profession par la matrice d'habilitation.",
        "Hidden from your profession by the habilitation matrix.",
    ),
}


def _why(reason: Reason, lang: str | None) -> str:
    fr, en = _WHY.get(reason, (f"Masqué ({reason.value}).", f"Hidden ({reason.value})."))
    return pick(fr, en, lang)


def entry_kinds_to_load(
    profession: Profession | None, matrix: HabilitationMatrix, rpps: str, now: datetime
) -> set[str]:
    """The entry kinds this profession may read (what the view loads from the copy; every section's kinds when
    the profession is not known yet: the copy only holds what the service let through)."""
    if profession is None:
        return {kind.value for _key, _fr, _en, kinds in _ENTRY_SECTIONS for kind in kinds}
    me, context = _authorised(profession, rpps, now)
    return {
        kind.value
        for _key, _fr, _en, kinds in _ENTRY_SECTIONS
        for kind in kinds
        if decide(me, Action.READ, EntryTarget(kind), context, matrix=matrix).allowed
    }


def _authorised(profession: Profession, rpps: str, now: datetime) -> tuple[Professional, Context]:
    """This professional in a dossier that authorised them: what the policy then lets them read by kind."""
    who = Rpps(rpps)
    consent = ConsentState(
        authorisations=(Authorisation(who, now - timedelta(days=1)),), occupational_consent=frozenset({who})
    )
    return Professional(who, profession), Context(now=now, consent=consent)


def sections(
    *,
    profession: Profession | None,
    rpps: str,
    matrix: HabilitationMatrix,
    now: datetime,
    entries: Mapping[str, Sequence[Entry]],
    documents: Sequence[DocumentInfo],
    withheld: Mapping[str, int] | None,
    lang: str | None = None,
    care: CareHistory | None = None,
) -> list[ViewSection]:
    """The dossier view: each section's lines from the copy, or why the policy hides it; `withheld` is what the
    service said at the last online opening (None: not known, offline); `care` the histoire de santé last fetched
    (None: never asked on this workstation)."""
    me, context = _authorised(profession or Profession.MEDECIN_GENERALISTE, rpps, now)
    out: list[ViewSection] = []
    for key, fr, en, kinds in _ENTRY_SECTIONS:
        title = pick(fr, en, lang)
        refusals = [
            d.reason
            for d in (decide(me, Action.READ, EntryTarget(k), context, matrix=matrix) for k in kinds)
            if not d.allowed
        ]
        if profession is not None and len(refusals) == len(kinds):
            out.append(ViewSection(key, title, hidden=_why(refusals[0], lang)))
            continue
        lines = [e.summary for k in kinds for e in entries.get(k.value, ())]
        out.append(ViewSection(key, title, lines or [pick("Rien d'inscrit.", "Nothing recorded.", lang)]))
    allowed = decide(me, Action.READ, SectionTarget(Section.CARE_HISTORY), context, matrix=matrix)
    if allowed.allowed:
        out.append(care_section(care, lang))
    else:
        title = pick("Histoire de santé", "Health history", lang)
        out.append(ViewSection("care_history", title, hidden=_why(allowed.reason, lang)))
    out.append(_documents(profession, matrix, documents, withheld, lang))  # no profession: no matrix note
    return out


_CARE_KINDS = {"consultation": ("Consultation", "Consultation"), "medicine": ("Médicament", "Medicine")}


def care_section(care: CareHistory | None, lang: str | None = None) -> ViewSection:
    """The histoire de santé: the reimbursed care of the last 24 months, newest first, and when this copy was
    received (for a profession the policy lets read it)."""
    title = pick("Histoire de santé", "Health history", lang)
    if care is None:
        hint = pick(
            "Pas encore demandée sur ce poste : le bouton « Histoire de santé » la demande au service.",
            'Not asked on this workstation yet: the "Health history" button asks the service.',
            lang,
        )
        return ViewSection("care_history", title, [hint])
    lines = []
    for r in care.records:
        kind = pick(*_CARE_KINDS.get(r.kind, (r.kind, r.kind)), lang)
        who = f" — {r.professional}" if r.professional else ""
        lines.append(f"{r.date.strftime('%d/%m/%Y')} — {kind}{pick(' : ', ': ', lang)}{r.label}{who}")
    when = care.fetched_at.astimezone().strftime(pick("%d/%m/%Y à %H:%M", "%d/%m/%Y at %H:%M", lang))
    note = (
        pick(f"Copie de ce poste, reçue du service le {when}.", f"This workstation's copy, received {when}.", lang)
        if care.from_cache
        else pick(f"Reçue du service le {when}.", f"Received from the service {when}.", lang)
    )
    empty = pick("Aucun soin remboursé ces 24 derniers mois.", "No reimbursed care in the last 24 months.", lang)
    return ViewSection("care_history", title, lines or [empty], notes=[note])


def _documents(
    profession: Profession | None,
    matrix: HabilitationMatrix,
    documents: Sequence[DocumentInfo],
    withheld: Mapping[str, int] | None,
    lang: str | None,
) -> ViewSection:
    lines = [pick("Document : ", "Document: ", lang) + d.title for d in documents]
    ids = [d.id for d in documents]
    notes: list[str] = []
    denied = [c for c in DocumentCategory if profession is not None and not matrix.allows(profession, c)]
    if denied:
        names = ", ".join(pick(*_category_label(c), lang) for c in denied)
        notes.append(
            pick(
                f"Non visibles pour votre profession (matrice d'habilitation) : {names}.",
                f"Not visible to your profession (habilitation matrix): {names}.",
                lang,
            )
        )
    if withheld is None:
        notes.append(
            pick(
                "Hors ligne : les documents masqués ne sont signalés qu'à l'ouverture en ligne.",
                "Offline: masked documents are reported only when opened online.",
                lang,
            )
        )
    else:
        if withheld.get(Reason.ALL_DOCUMENTS_MASKED.value):
            notes.append(
                pick(
                    "Le patient a choisi « tout masquer » : ses documents ne sont pas visibles par les professionnels.",
                    'The patient chose "hide everything": their documents are not visible to professionals.',
                    lang,
                )
            )
        masked = withheld.get(Reason.DOCUMENT_MASKED.value, 0)
        if masked:
            notes.append(
                pick(
                    f"{masked} document(s) masqué(s) par le patient.",
                    f"{masked} document(s) masked by the patient.",
                    lang,
                )
            )
    if not lines:
        lines = [pick("Aucun document visible.", "No visible document.", lang)]
    return ViewSection("documents", pick("Documents", "Documents", lang), lines, notes=notes, ids=ids)


def _category_label(category: DocumentCategory) -> tuple[str, str]:
    found = DOCUMENT_CATEGORIES[category.value]
    return found.label_fr, found.label_en


def load(store: DossierStore, kinds: set[str]) -> tuple[dict[str, list[Entry]], list[DocumentInfo]]:
    """The copy's entries of these kinds and its documents (on the worker)."""
    return {k: store.entries.list(k) for k in sorted(kinds)}, store.documents.list()
