"""HTTP routes of access: consent, historique des accès, notifications, children; professionals opening dossiers."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier import access
from dossier.documents import Confidentiality
from server.access import notifications, service
from server.access.dependencies import Limit, ManagedDossierDep, Offset, RegisteredProDep
from server.access.models import MessagingAidant
from server.access.schemas import (
    AidantIn,
    AidantOut,
    AuthorisedOut,
    AuthoriseIn,
    ChildOut,
    ConsentOut,
    DefaultConfidentialityIn,
    EmergencySettingsIn,
    EmergencySettingsOut,
    HeirAccessOut,
    HeirAccessRequestIn,
    HistoryItemOut,
    HistoryPage,
    MarkedOut,
    MarkReadIn,
    MedecinTraitantIn,
    Moment,
    NotificationOut,
    NotificationPage,
    NotificationPreferencesIn,
    NotificationPreferencesOut,
    PostMortemIn,
    ProfessionalRef,
    RepresentativeIn,
    RepresentativeOut,
    SharedDossierOut,
)
from server.accounts.dependencies import AddressDep, ContextDep, SessionDep
from server.accounts.models import Account, Professional
from server.audit.service import MINOR_SECRET_PUSH, dossier_events, record
from server.audit.service import Actor as AuditActor
from server.dossiers.activation import SpaceProof, find_space
from server.dossiers.dependencies import PatientContext, PatientDep
from server.dossiers.models import Dossier
from server.dossiers.schemas import SpaceProofIn
from server.errors import ProblemError
from server.helpers.service import describe_assisted

router = APIRouter(tags=["access"])


# -- the patient's consent ------------------------------------------------------------------------------------------


def _consent_out(session: Session, dossier_id: uuid.UUID, now: datetime) -> ConsentOut:
    context = service.load_access_context(session, dossier_id, now)
    consent = context.consent
    rpps_set = {a.rpps for a in consent.authorisations} | set(consent.blocked) | set(consent.occupational_consent)
    if consent.medecin_traitant:
        rpps_set.add(consent.medecin_traitant)
    pros = (
        {p.rpps: p for p in session.scalars(select(Professional).where(Professional.rpps.in_(rpps_set)))}
        if rpps_set
        else {}
    )

    def ref(rpps: str) -> ProfessionalRef:
        pro = pros.get(rpps)
        return ProfessionalRef(
            rpps=rpps,
            name=notifications.professional_name(pro) if pro else None,
            profession=pro.profession if pro else None,
        )

    aidant_ids = [uuid.UUID(d.aidant_id) for d in consent.aidants]
    identifiers = (
        dict(session.execute(select(Account.id, Account.identifier).where(Account.id.in_(aidant_ids))).all())
        if aidant_ids
        else {}
    )
    sees_messages = set(
        session.scalars(select(MessagingAidant.aidant_account_id).where(MessagingAidant.dossier_id == dossier_id))
    )
    toggles = access.normalise_emergency_toggles(consent.emergency)
    return ConsentOut(
        authorised=[
            AuthorisedOut(
                **ref(a.rpps).model_dump(),
                authorised_at=a.granted_at,
                until=a.until,
                administrateur=a.rpps in consent.administrateurs,
            )
            for a in sorted(consent.authorisations, key=lambda a: a.granted_at)
        ],
        blocked=[ref(r) for r in sorted(consent.blocked)],
        administrateurs=sorted(consent.administrateurs),
        medecin_traitant=ref(consent.medecin_traitant) if consent.medecin_traitant else None,
        emergency=EmergencySettingsOut(
            samu=toggles.samu,
            other_professionals=toggles.other_professionals,
            masked_documents=toggles.masked_documents,
            mask_all_including_emergency=consent.mask_all_including_emergency,
        ),
        default_masked_from_professionals=consent.default_confidentiality.masked_from_professionals,
        aidants=[
            AidantOut(
                account_id=uuid.UUID(d.aidant_id),
                identifier=identifiers.get(uuid.UUID(d.aidant_id)),
                starts_at=d.starts_at,
                ends_at=d.ends_at,
                active=d.active_at(now),
                sees_messages=uuid.UUID(d.aidant_id) in sees_messages,
            )
            for d in consent.aidants
        ],
        legal_representatives=sorted(uuid.UUID(p) for p in consent.legal_representatives),
        occupational_consents=[ref(r) for r in sorted(consent.occupational_consent)],
        post_mortem_opposed=context.patient.opposed_post_mortem_access,
    )


Change = Callable[[access.ConsentState], access.ConsentState]


def _change(
    me: PatientContext, ctx: ContextDep, session: Session, what: str, change: Change, target: uuid.UUID
) -> ConsentOut:
    """Apply a consent change to the caller's space or to one they manage (`ManagedDossierDep`, policy-checked)."""
    now = ctx.now()
    service.change_consent(session, me.principal, dossier_id=target, what=what, now=now, change=change)
    out = _consent_out(session, target, now)
    session.commit()
    return out


def _check_reading(me: PatientContext, ctx: ContextDep, session: Session, target: uuid.UUID, what: str) -> None:
    """Access settings are read freely on one's own dossier, on another only with MANAGE_ACCESS (audited)."""
    if target != me.dossier.id:
        service.check_manages(session, me.principal, dossier_id=target, what=what, now=ctx.now())


@router.get("/v1/me/access", response_model=ConsentOut)
def read_consent(me: PatientDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep) -> ConsentOut:
    """Autorisés, Bloqués, médecin traitant, administrateurs, urgence, aidants, représentants légaux."""
    _check_reading(me, ctx, session, target, "access.settings_read")
    out = _consent_out(session, target, ctx.now())
    session.commit()
    return out


@router.put("/v1/me/access/professionals/{rpps}/authorisation", response_model=ConsentOut)
def authorise(
    body: AuthoriseIn,
    me: PatientDep,
    pro: RegisteredProDep,
    target: ManagedDossierDep,
    ctx: ContextDep,
    session: SessionDep,
) -> ConsentOut:
    """Authorise a professional (a blocked one must be unblocked first)."""
    now = ctx.now()
    return _change(
        me,
        ctx,
        session,
        "access.authorise",
        lambda c: c.authorise(access.Rpps(pro.rpps), at=now, until=body.until),
        target,
    )


@router.delete("/v1/me/access/professionals/{rpps}/authorisation", response_model=ConsentOut)
def withdraw(
    me: PatientDep, pro: RegisteredProDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    """Withdraw an authorisation without blocking."""
    return _change(
        me,
        ctx,
        session,
        "access.withdraw",
        lambda c: replace(c, authorisations=tuple(a for a in c.authorisations if a.rpps != pro.rpps)),
        target,
    )


@router.put("/v1/me/access/professionals/{rpps}/block", response_model=ConsentOut)
def block(
    me: PatientDep, pro: RegisteredProDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    """Block a professional: they see nothing, and lose authorisation, express consent and roles."""
    return _change(me, ctx, session, "access.block", lambda c: c.block(access.Rpps(pro.rpps)), target)


@router.delete("/v1/me/access/professionals/{rpps}/block", response_model=ConsentOut)
def unblock(
    me: PatientDep, pro: RegisteredProDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    """Unblock: the professional must be authorised again to see anything."""
    return _change(me, ctx, session, "access.unblock", lambda c: c.unblock(access.Rpps(pro.rpps)), target)


def _set_admin(
    pro: Professional, enabled: bool, me: PatientContext, ctx: ContextDep, session: Session, target: uuid.UUID
) -> ConsentOut:
    what = "access.administrateur_set" if enabled else "access.administrateur_unset"
    return _change(
        me, ctx, session, what, lambda c: c.set_administrateur(access.Rpps(pro.rpps), enabled=enabled), target
    )


@router.put("/v1/me/access/professionals/{rpps}/administrateur", response_model=ConsentOut)
def set_administrateur(
    me: PatientDep, pro: RegisteredProDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    """Make a professional administrateur: they see masked documents."""
    return _set_admin(pro, True, me, ctx, session, target)


@router.delete("/v1/me/access/professionals/{rpps}/administrateur", response_model=ConsentOut)
def unset_administrateur(
    me: PatientDep, pro: RegisteredProDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    return _set_admin(pro, False, me, ctx, session, target)


def _set_occupational(
    pro: Professional, enabled: bool, me: PatientContext, ctx: ContextDep, session: Session, target: uuid.UUID
) -> ConsentOut:
    service.occupational_physician(pro)
    what = "access.occupational_consent_given" if enabled else "access.occupational_consent_withdrawn"
    return _change(
        me, ctx, session, what, lambda c: c.set_occupational_consent(access.Rpps(pro.rpps), enabled=enabled), target
    )


@router.put("/v1/me/access/professionals/{rpps}/occupational-consent", response_model=ConsentOut)
def give_occupational_consent(
    me: PatientDep, pro: RegisteredProDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    """Express consent to a médecin du travail (an authorisation is not enough for them); 422 for anyone else."""
    return _set_occupational(pro, True, me, ctx, session, target)


@router.delete("/v1/me/access/professionals/{rpps}/occupational-consent", response_model=ConsentOut)
def withdraw_occupational_consent(
    me: PatientDep, pro: RegisteredProDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    return _set_occupational(pro, False, me, ctx, session, target)


@router.put("/v1/me/access/medecin-traitant", response_model=ConsentOut)
def set_medecin_traitant(
    body: MedecinTraitantIn, me: PatientDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    """Designate the médecin traitant (null: none)."""
    rpps = access.Rpps(service.registered_professional(session, body.rpps).rpps) if body.rpps else None
    return _change(me, ctx, session, "access.medecin_traitant", lambda c: c.set_medecin_traitant(rpps), target)


@router.put("/v1/me/access/emergency", response_model=ConsentOut)
def set_emergency(
    body: EmergencySettingsIn, me: PatientDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    """Urgence toggles; "documents masqués" is forced off when SAMU and other professionals are both off."""
    toggles = access.EmergencyToggles(body.samu, body.other_professionals, body.masked_documents)
    return _change(
        me,
        ctx,
        session,
        "access.emergency_settings",
        lambda c: replace(c.set_emergency(toggles), mask_all_including_emergency=body.mask_all_including_emergency),
        target,
    )


@router.put("/v1/me/access/default-confidentiality", response_model=ConsentOut)
def set_default_confidentiality(
    body: DefaultConfidentialityIn, me: PatientDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    """Whether new documents are masked from professionals by default."""
    default = Confidentiality(masked_from_professionals=body.masked_from_professionals)
    return _change(
        me,
        ctx,
        session,
        "access.default_confidentiality",
        lambda c: replace(c, default_confidentiality=default),
        target,
    )


@router.put("/v1/me/access/post-mortem", response_model=ConsentOut)
def set_post_mortem(
    body: PostMortemIn, me: PatientDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    """Oppose (or stop opposing) access by heirs, cohabitant or PACS partner after death."""
    now = ctx.now()
    service.set_post_mortem_opposition(session, me.principal, dossier_id=target, opposed=body.opposed, now=now)
    out = _consent_out(session, target, now)
    session.commit()
    return out


@router.post("/v1/me/access/aidants", response_model=ConsentOut)
def invite_aidant(
    body: AidantIn, me: PatientDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    """Delegate to a proche aidant (another Carnet account) until an end date: 3 per patient, 5 per aidant."""
    aidant = service.account_by_identifier(session, body.identifier)
    if aidant.id == me.account.id or aidant.dossier_id == target:
        raise ProblemError(
            422, "own_account", "Vous ne pouvez pas être votre propre aidant.", "You cannot be your own aidant."
        )
    now = ctx.now()
    delegation = access.AidantDelegation(access.PersonId(str(aidant.id)), body.starts_at or now, body.ends_at)
    count = service.aidant_patient_count(session, aidant.id, excluding=target, now=now)
    out = _change(
        me,
        ctx,
        session,
        "access.aidant_invited",
        lambda c: c.grant_aidant(delegation, now=now, aidant_patient_count=count),
        target,
    )
    helped = session.get(Dossier, target)
    if helped is not None:  # the aidant learns, in their own carnet, whom they help and until when
        notifications.aidant_invited(session, ctx, aidant=aidant, helped=helped, ends_at=body.ends_at)
        session.commit()
    return out


@router.delete("/v1/me/access/aidants/{account_id}", response_model=ConsentOut)
def revoke_aidant(
    account_id: uuid.UUID, me: PatientDep, target: ManagedDossierDep, ctx: ContextDep, session: SessionDep
) -> ConsentOut:
    return _change(
        me,
        ctx,
        session,
        "access.aidant_revoked",
        lambda c: c.revoke_aidant(access.PersonId(str(account_id))),
        target,
    )


# -- historique des accès ---------------------------------------------------------------------------------------------


def _split_action(action: str) -> tuple[str, str, str | None]:
    parts = action.split(".")
    if len(parts) >= 3 and parts[-2] in {"allowed", "denied"}:
        return ".".join(parts[:-2]), parts[-2], parts[-1]
    return action, "allowed", None


@router.get("/v1/me/access/history", response_model=HistoryPage)
def access_history(
    me: PatientDep,
    target: ManagedDossierDep,
    ctx: ContextDep,
    session: SessionDep,
    actor_kind: Annotated[list[access.ActorKind] | None, Query(max_length=9)] = None,
    since: Annotated[Moment | None, Query()] = None,
    until: Annotated[Moment | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> HistoryPage:
    """Historique des accès: who (name, RPPS), role, when, what, newest first; filter by kind and dates."""
    _check_reading(me, ctx, session, target, "access.history_read")
    # A minor's secret care stays out of what their representatives read; the holder reads it as any « envoi ».
    hidden = () if target == me.dossier.id else (MINOR_SECRET_PUSH,)
    events = dossier_events(
        session, target, roles=actor_kind, since=since, until=until, limit=limit + 1, offset=offset,
        hidden_actions=hidden,
    )  # fmt: skip
    more = len(events) > limit
    events = events[:limit]
    ids = {e.actor_id for e in events if e.actor_id is not None}
    pros = {p.id: p for p in session.scalars(select(Professional).where(Professional.id.in_(ids)))} if ids else {}
    accounts = (
        dict(session.execute(select(Account.id, Account.identifier).where(Account.id.in_(ids))).all()) if ids else {}
    )
    helpers = describe_assisted(session, {e.assisted_by for e in events if e.assisted_by})  # S51: from the registry
    items = []
    for e in events:
        what, outcome, reason = _split_action("sync.push" if e.action == MINOR_SECRET_PUSH else e.action)
        pro = pros.get(e.actor_id) if e.actor_id else None
        name = notifications.professional_name(pro) if pro else (accounts.get(e.actor_id) if e.actor_id else None)
        items.append(
            HistoryItemOut(
                at=e.at,
                actor_kind=e.actor_role,
                actor_name=name,
                actor_rpps=pro.rpps if pro else None,
                action=what,
                outcome=outcome,
                reason=reason,
                assisted_by=helpers[e.assisted_by] if e.assisted_by else None,
            )
        )
    session.commit()
    return HistoryPage(items=items, limit=limit, offset=offset, next_offset=offset + limit if more else None)


# -- notifications --------------------------------------------------------------------------------------------------


@router.get("/v1/me/notifications", response_model=NotificationPage)
def list_notifications(
    me: PatientDep,
    ctx: ContextDep,
    session: SessionDep,
    unread_only: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> NotificationPage:
    """My notifications, newest first (professional accesses, documents added, emergency accesses, aidants invited
    and delegations ended)."""
    notifications.aidant_delegations_ended(session, ctx, me.account)
    rows, unread = notifications.list_notifications(
        session, me.dossier.id, unread_only=unread_only, limit=limit + 1, offset=offset
    )
    more = len(rows) > limit
    items = [
        NotificationOut(
            id=n.id,
            event=n.event,
            at=n.at,
            professional_name=n.actor_name,
            professional_rpps=n.actor_rpps,
            detail=n.detail,
            read=n.read_at is not None,
        )
        for n in rows[:limit]
    ]
    session.commit()
    return NotificationPage(items=items, unread=unread, next_offset=offset + limit if more else None)


@router.post("/v1/me/notifications/read", response_model=MarkedOut)
def mark_notifications_read(body: MarkReadIn, me: PatientDep, ctx: ContextDep, session: SessionDep) -> MarkedOut:
    """Mark the given notifications (or all, without ids) as read."""
    marked = notifications.mark_read(session, me.dossier.id, body.ids, now=ctx.now())
    session.commit()
    return MarkedOut(marked=marked)


def _preferences_out(session: Session, dossier_id: uuid.UUID) -> NotificationPreferencesOut:
    row = notifications.preferences(session, dossier_id)
    return NotificationPreferencesOut(
        professional_access=row.mail_professional_access, document_added=row.mail_document_added, aidant=row.mail_aidant
    )


@router.get("/v1/me/notification-preferences", response_model=NotificationPreferencesOut)
def notification_preferences(me: PatientDep, session: SessionDep) -> NotificationPreferencesOut:
    """Which notifications are also e-mailed (an emergency access always is)."""
    out = _preferences_out(session, me.dossier.id)
    session.commit()
    return out


@router.put("/v1/me/notification-preferences", response_model=NotificationPreferencesOut)
def set_notification_preferences(
    body: NotificationPreferencesIn, me: PatientDep, ctx: ContextDep, session: SessionDep
) -> NotificationPreferencesOut:
    """Turn the e-mail of each kind of notification on or off (the in-app notification always stays)."""
    notifications.set_preferences(
        session,
        me.dossier.id,
        now=ctx.now(),
        mail_professional_access=body.professional_access,
        mail_document_added=body.document_added,
        mail_aidant=body.aidant,
    )
    record(
        session,
        actor=me.principal.actor,
        action="notifications.preferences_set",
        at=ctx.now(),
        dossier_id=me.dossier.id,
    )
    out = _preferences_out(session, me.dossier.id)
    session.commit()
    return out


# -- children and dossiers I help with ----------------------------------------------------------------------------


def _shared_out(dossier: Dossier, role: str) -> SharedDossierOut:
    return SharedDossierOut(
        dossier_id=dossier.id,
        last_name=dossier.last_name,
        first_names=dossier.first_names,
        birth_date=dossier.birth_date,
        role=role,
    )


@router.post("/v1/me/children", response_model=SharedDossierOut, status_code=status.HTTP_201_CREATED)
def link_child(
    body: SpaceProofIn, me: PatientDep, ctx: ContextDep, session: SessionDep, address: AddressDep
) -> SharedDossierOut:
    """Take charge of a provisioned minor's space with its activation code, NIR and Carte Vitale serial."""
    child = find_space(
        session,
        ctx,
        SpaceProof(body.activation_code, body.nir, body.carte_vitale_serial),
        address=address,
    )
    service.link_child(session, ctx, child=child, representative=me.account)
    out = _shared_out(child, "legal_representative")
    session.commit()
    return out


@router.post("/v1/me/children/{dossier_id}/representatives", response_model=SharedDossierOut)
def add_representative(
    dossier_id: uuid.UUID, body: RepresentativeIn, me: PatientDep, ctx: ContextDep, session: SessionDep
) -> SharedDossierOut:
    """A legal representative adds the second one (at most two)."""
    child = service.require_active_dossier(session, dossier_id)
    other = service.account_by_identifier(session, body.identifier)
    person = access.PersonId(str(other.id))
    service.change_consent(
        session,
        me.principal,
        dossier_id=dossier_id,
        what="access.representative_added",
        now=ctx.now(),
        change=lambda c: replace(
            c, legal_representatives=access.check_legal_representatives([*c.legal_representatives - {person}, person])
        ),
    )
    out = _shared_out(child, "legal_representative")
    session.commit()
    return out


@router.delete("/v1/me/children/{dossier_id}/representatives/{account_id}", response_model=ChildOut)
def remove_representative(
    dossier_id: uuid.UUID, account_id: uuid.UUID, me: PatientDep, ctx: ContextDep, session: SessionDep
) -> ChildOut:
    """A legal representative removes one (possibly themselves); the last one cannot be removed (409)."""
    child = service.require_active_dossier(session, dossier_id)
    person = access.PersonId(str(account_id))
    service.change_consent(
        session,
        me.principal,
        dossier_id=dossier_id,
        what="access.representative_removed",
        now=ctx.now(),
        change=lambda c: c.remove_legal_representative(person),
    )
    out = _child_out(child, service.representatives_of(session, dossier_id))
    session.commit()
    return out


def _child_out(child: Dossier, representatives: list[tuple[uuid.UUID, str]]) -> ChildOut:
    return ChildOut(
        **_shared_out(child, "legal_representative").model_dump(),
        representatives=[RepresentativeOut(account_id=a, identifier=i) for a, i in representatives],
    )


@router.get("/v1/me/children", response_model=list[ChildOut])
def list_children(me: PatientDep, session: SessionDep) -> list[ChildOut]:
    """The child profiles I represent, each with its legal representatives."""
    out = [_child_out(child, reps) for child, reps in service.children_of(session, me.account.id)]
    session.commit()
    return out


@router.get("/v1/me/shared-dossiers", response_model=list[SharedDossierOut])
def shared_dossiers(me: PatientDep, session: SessionDep) -> list[SharedDossierOut]:
    """Spaces I manage as legal representative, help with as proche aidant (with the delegation's dates), or reach
    as heir; ``role`` says which."""
    rows = service.delegated_dossiers(session, me.account.id)
    heirs = service.heir_dossiers(session, me.account.id)
    periods = service.aidant_periods(session, me.account.id)
    session.commit()
    out = []
    for d, role in rows:
        shared = _shared_out(d, role)
        if role == "aidant" and d.id in periods:
            shared.starts_at, shared.until = periods[d.id]
        out.append(shared)
    return out + [_shared_out(d, "heir") for d in heirs]


@router.post("/v1/heir-access-requests", response_model=HeirAccessOut, status_code=status.HTTP_201_CREATED)
def request_heir_access(
    body: HeirAccessRequestIn, me: PatientDep, ctx: ContextDep, session: SessionDep
) -> HeirAccessOut:
    """An heir, PACS partner or cohabitant asks for a deceased person's records for one of the three purposes.

    Granted within what the purpose needs (then open it at /v1/me/shared-dossiers/{dossier_id}); 403
    ``post_mortem_opposed`` when the person opposed it; the same 404 ``no_deceased_space`` whether no space has this
    NIR or its holder is alive (no who-has-a-space oracle). Audited.
    """
    purpose = access.PostMortemPurpose(body.purpose)
    request = service.HeirRequest(body.nir, body.relationship, purpose, body.justification)
    dossier = service.request_heir_access(session, me.principal, me.account, request, now=ctx.now())
    out = HeirAccessOut(
        dossier_id=dossier.id,
        last_name=dossier.last_name,
        first_names=dossier.first_names,
        birth_date=dossier.birth_date,
        relationship=body.relationship,
        purpose=purpose.value,
    )
    session.commit()
    return out


@router.delete("/v1/me/shared-dossiers/{dossier_id}/aidant", status_code=status.HTTP_204_NO_CONTENT)
def renounce_aidant(dossier_id: uuid.UUID, me: PatientDep, ctx: ContextDep, session: SessionDep) -> None:
    """The aidant ends the delegation from their side (either side can revoke)."""
    consent = service.load_access_context(session, dossier_id, ctx.now()).consent
    person = access.PersonId(str(me.account.id))
    if consent.delegation_of(person) is None:
        raise ProblemError(404, "not_found", "Délégation introuvable.", "Delegation not found.")
    service.save_consent(session, dossier_id, consent.revoke_aidant(person), now=ctx.now())
    notifications.aidant_stopped(session, ctx, aidant=me.account, helped_dossier_id=dossier_id)
    record(
        session,
        actor=AuditActor(me.account.id, "aidant"),
        action="access.aidant_renounced",
        at=ctx.now(),
        dossier_id=dossier_id,
    )
    session.commit()
