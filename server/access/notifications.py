"""Notifications of access events: in-app for whoever manages the dossier, e-mail to them and to the médecin traitant.

E-mails carry no health data and no professional's name: they only say that something happened and invite the
person to sign in. A mail that cannot be delivered never blocks the access it reports (an emergency must not wait
for an SMTP server); the in-app notification stays, with `mailed_at` empty.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from dossier import access
from server.access.models import AidantLink, LegalRepresentation, NotificationPreferences, PatientNotification
from server.accounts.models import Account, AccountStatus, Professional
from server.context import ServiceContext
from server.dossiers.models import Dossier
from server.mail import templates
from server.mail.service import MailDeliveryError, OutgoingMail, mask_address

log = logging.getLogger("carnet.server.access")

_PATIENT_TEXT: dict[access.NotificationEvent, tuple[str, str, str]] = {
    access.NotificationEvent.PROFESSIONAL_ACCESS: (
        "consultation de votre espace santé",
        "Un professionnel de santé a consulté votre espace santé le {when}.",
        "A health professional opened your health space on {when}.",
    ),
    access.NotificationEvent.DOCUMENT_ADDED_BY_PROFESSIONAL: (
        "nouveau document",
        "Un professionnel de santé a ajouté un document à votre espace santé le {when}.",
        "A health professional added a document to your health space on {when}.",
    ),
    access.NotificationEvent.VACCINATION_RECORDED_BY_PROFESSIONAL: (
        "nouvelle vaccination",
        "Un professionnel de santé a inscrit une vaccination dans votre espace santé le {when}.",
        "A health professional recorded a vaccination in your health space on {when}.",
    ),
    access.NotificationEvent.APPOINTMENT_SENT_BY_PROFESSIONAL: (
        "nouveau rendez-vous",
        "Un professionnel de santé a ajouté un rendez-vous à votre agenda le {when}.",
        "A health professional added an appointment to your agenda on {when}.",
    ),
    access.NotificationEvent.EMERGENCY_ACCESS: (
        "accès en urgence à votre espace santé",
        "Un professionnel de santé a ouvert votre espace santé en urgence (bris de glace) le {when}.",
        "A health professional opened your health space in an emergency (break-the-glass) on {when}.",
    ),
}
_SIGN_IN_FR = " Connectez-vous à Carnet pour voir qui, et l'historique des accès."
_SIGN_IN_EN = " Sign in to Carnet to see who, and the access history."


def _when(at: datetime) -> str:
    return at.strftime("%d/%m/%Y à %H:%M (UTC)")


def professional_name(pro: Professional) -> str:
    return f"{pro.first_names} {pro.last_name}".strip()


def patient_addresses(session: Session, dossier_id: uuid.UUID) -> list[str]:
    """Whoever manages the space: the holder's account (else the provisioned address) and legal representatives."""
    addresses: list[str] = []
    own = session.scalars(
        select(Account.email).where(Account.dossier_id == dossier_id, Account.status == AccountStatus.ACTIVE)
    ).first()
    if own:
        addresses.append(own)
    else:
        provisioned = session.scalar(select(Dossier.email).where(Dossier.id == dossier_id))
        if provisioned:
            addresses.append(provisioned)
    reps = session.scalars(
        select(Account.email)
        .join(LegalRepresentation, LegalRepresentation.account_id == Account.id)
        .where(LegalRepresentation.dossier_id == dossier_id)
    )
    for address in reps:
        if address not in addresses:
            addresses.append(address)
    return addresses


def _send_all(ctx: ServiceContext, mails: Iterable[OutgoingMail], *, event: str) -> bool:
    delivered = True
    for mail in mails:
        try:
            ctx.mailer.send(mail)
        except MailDeliveryError:
            delivered = False
            log.warning("notification %s not mailed to %s", event, mask_address(mail.to))
    return delivered


# -- e-mail preferences --------------------------------------------------------------------------------------------

AIDANT_INVITED = "aidant_invited"
AIDANT_ENDED = "aidant_ended"
_PREFERENCE_OF_EVENT = {
    access.NotificationEvent.PROFESSIONAL_ACCESS.value: "mail_professional_access",
    access.NotificationEvent.DOCUMENT_ADDED_BY_PROFESSIONAL.value: "mail_document_added",
    access.NotificationEvent.VACCINATION_RECORDED_BY_PROFESSIONAL.value: "mail_document_added",
    access.NotificationEvent.APPOINTMENT_SENT_BY_PROFESSIONAL.value: "mail_document_added",
    AIDANT_INVITED: "mail_aidant",
    AIDANT_ENDED: "mail_aidant",
}
"""The e-mails a person may turn off; an emergency access (bris de glace) is always mailed."""


def preferences(session: Session, dossier_id: uuid.UUID) -> NotificationPreferences:
    """The dossier's e-mail preferences (every e-mail on, when never set)."""
    row = session.get(NotificationPreferences, dossier_id)
    if row is None:
        return NotificationPreferences(
            dossier_id=dossier_id, mail_professional_access=True, mail_document_added=True, mail_aidant=True
        )
    return row


def set_preferences(
    session: Session, dossier_id: uuid.UUID, *, now: datetime, **wanted: bool
) -> NotificationPreferences:
    row = session.get(NotificationPreferences, dossier_id)
    if row is None:
        row = preferences(session, dossier_id)
        session.add(row)
    for name, value in wanted.items():
        setattr(row, name, value)
    row.updated_at = now
    session.flush()
    return row


def mailed(session: Session, dossier_id: uuid.UUID, event: str) -> bool:
    """Whether this kind of notification is also e-mailed for this dossier."""
    name = _PREFERENCE_OF_EVENT.get(event)
    return name is None or bool(getattr(preferences(session, dossier_id), name))


def notify_patient(
    session: Session,
    ctx: ServiceContext,
    *,
    dossier_id: uuid.UUID,
    event: access.NotificationEvent,
    pro: Professional,
    detail: str | None = None,
) -> PatientNotification:
    """One in-app notification and one e-mail per address of whoever manages the dossier."""
    now = ctx.now()
    subject, text_fr, text_en = _PATIENT_TEXT[event]
    wanted = mailed(session, dossier_id, event.value)
    mails = [
        templates.notice(
            to=address,
            subject_fr=subject,
            text_fr=text_fr.format(when=_when(now)) + _SIGN_IN_FR,
            text_en=text_en.format(when=now.strftime("%Y-%m-%d %H:%M UTC")) + _SIGN_IN_EN,
        )
        for address in (patient_addresses(session, dossier_id) if wanted else [])
    ]
    note = PatientNotification(
        dossier_id=dossier_id,
        event=event.value,
        at=now,
        actor_rpps=pro.rpps,
        actor_name=professional_name(pro)[:420],
        detail=detail[:200] if detail else None,
    )
    session.add(note)
    if mails and _send_all(ctx, mails, event=event.value):
        note.mailed_at = now
    session.flush()
    return note


def notify_holder_only(
    session: Session, ctx: ServiceContext, *, dossier_id: uuid.UUID, event: access.NotificationEvent
) -> bool:
    """A minor's secret care: an e-mail to the holder's own account only (none while they have none), no title, and
    no row in the dossier's notification feed, which their legal representatives read."""
    own = session.scalars(
        select(Account.email).where(Account.dossier_id == dossier_id, Account.status == AccountStatus.ACTIVE)
    ).first()
    if not own or not mailed(session, dossier_id, event.value):
        return False
    now = ctx.now()
    subject, text_fr, text_en = _PATIENT_TEXT[event]
    mail = templates.notice(
        to=own,
        subject_fr=subject,
        text_fr=text_fr.format(when=_when(now)) + _SIGN_IN_FR,
        text_en=text_en.format(when=now.strftime("%Y-%m-%d %H:%M UTC")) + _SIGN_IN_EN,
    )
    return _send_all(ctx, [mail], event=event.value)


def notify_medecin_traitant_of_emergency(
    session: Session, ctx: ServiceContext, *, dossier_id: uuid.UUID, medecin_traitant_rpps: str
) -> bool:
    """E-mail the médecin traitant that their patient's space was opened in an emergency (no reason, no data)."""
    mt = session.scalars(select(Professional).where(Professional.rpps == medecin_traitant_rpps)).first()
    dossier = session.get(Dossier, dossier_id)
    if mt is None or dossier is None:
        return False
    now = ctx.now()
    mail = templates.notice(
        to=mt.email,
        subject_fr="accès en urgence au dossier d'un de vos patients",
        text_fr=(
            f"Docteur {mt.last_name}, l'espace santé de votre patient(e) {dossier.first_names} {dossier.last_name} "
            f"a été ouvert en urgence (bris de glace) par un autre professionnel le {_when(now)}. "
            "Connectez-vous à Carnet pour le détail."
        ),
        text_en=(
            "The health space of one of your patients was opened in an emergency (break-the-glass) by another "
            f"professional on {now.strftime('%Y-%m-%d %H:%M UTC')}. Sign in to Carnet for details."
        ),
    )
    return _send_all(ctx, [mail], event="emergency_access_medecin_traitant")


def dispatch(
    session: Session,
    ctx: ServiceContext,
    *,
    dossier_id: uuid.UUID,
    decision: access.Decision,
    context: access.Context,
    pro: Professional,
    detail: str | None = None,
) -> list[PatientNotification]:
    """Deliver what the policy's decision asks to notify."""
    notes: list[PatientNotification] = []
    for wanted in decision.notify:
        if wanted.recipient is access.Recipient.PATIENT:
            notes.append(
                notify_patient(session, ctx, dossier_id=dossier_id, event=wanted.event, pro=pro, detail=detail)
            )
        elif wanted.recipient is access.Recipient.HOLDER:
            notify_holder_only(session, ctx, dossier_id=dossier_id, event=wanted.event)
        elif context.consent.medecin_traitant is not None:
            notify_medecin_traitant_of_emergency(
                session, ctx, dossier_id=dossier_id, medecin_traitant_rpps=context.consent.medecin_traitant
            )
    return notes


def document_added_by_professional(
    session: Session,
    ctx: ServiceContext,
    dossier_id: uuid.UUID,
    rpps: str,
    *,
    title: str | None = None,
) -> PatientNotification | None:
    """For sync: a professional's document was stored in the dossier; tell whoever manages it.

    Call it in the same transaction as the stored document, after the policy allowed the ADD. Returns None when
    the RPPS is unknown to the registry (nothing to say who added it).
    """
    pro = session.scalars(select(Professional).where(Professional.rpps == rpps)).first()
    if pro is None:
        return None
    return notify_patient(
        session,
        ctx,
        dossier_id=dossier_id,
        event=access.NotificationEvent.DOCUMENT_ADDED_BY_PROFESSIONAL,
        pro=pro,
        detail=title,
    )


def list_notifications(
    session: Session, dossier_id: uuid.UUID, *, unread_only: bool, limit: int, offset: int
) -> tuple[list[PatientNotification], int]:
    """Newest first, with the number of unread ones."""
    query = select(PatientNotification).where(PatientNotification.dossier_id == dossier_id)
    if unread_only:
        query = query.where(PatientNotification.read_at.is_(None))
    rows = list(
        session.scalars(
            query.order_by(PatientNotification.at.desc(), PatientNotification.id).limit(limit).offset(offset)
        )
    )
    unread = session.scalar(
        select(func.count())
        .select_from(PatientNotification)
        .where(PatientNotification.dossier_id == dossier_id, PatientNotification.read_at.is_(None))
    )
    return rows, int(unread or 0)


def mark_read(session: Session, dossier_id: uuid.UUID, ids: list[uuid.UUID] | None, *, now: datetime) -> int:
    """Mark some (or, with None, all) of the dossier's notifications read; returns how many changed."""
    stmt = update(PatientNotification).where(
        PatientNotification.dossier_id == dossier_id, PatientNotification.read_at.is_(None)
    )
    if ids is not None:
        stmt = stmt.where(PatientNotification.id.in_(ids))
    result = session.execute(stmt.values(read_at=now))
    return int(getattr(result, "rowcount", 0) or 0)


# -- aidants: invited, and delegations that ended -------------------------------------------------------------------


def _person_name(dossier: Dossier) -> str:
    return f"{dossier.first_names} {dossier.last_name}".strip()


def _note(
    session: Session, ctx: ServiceContext, *, dossier_id: uuid.UUID, event: str, who: str, detail: str
) -> PatientNotification:
    """An in-app notification about an aidant, and (unless turned off) an e-mail without any name or health data."""
    now = ctx.now()
    note = PatientNotification(dossier_id=dossier_id, event=event, at=now, actor_name=who[:420], detail=detail[:200])
    session.add(note)
    if mailed(session, dossier_id, event):
        mails = [
            templates.notice(
                to=address,
                subject_fr="proche aidant",
                text_fr="Il y a du nouveau au sujet d'un proche aidant dans votre espace santé." + _SIGN_IN_FR,
                text_en="There is news about a carer (proche aidant) in your health space." + _SIGN_IN_EN,
            )
            for address in patient_addresses(session, dossier_id)
        ]
        if mails and _send_all(ctx, mails, event=event):
            note.mailed_at = now
    session.flush()
    return note


def aidant_invited(
    session: Session, ctx: ServiceContext, *, aidant: Account, helped: Dossier, ends_at: datetime
) -> PatientNotification:
    """Tell the aidant, in their own carnet, whom they now help and until when (``detail``: the end, ISO 8601)."""
    return _note(
        session,
        ctx,
        dossier_id=aidant.dossier_id,
        event=AIDANT_INVITED,
        who=_person_name(helped),
        detail=ends_at.isoformat(),
    )


def aidant_stopped(session: Session, ctx: ServiceContext, *, aidant: Account, helped_dossier_id: uuid.UUID) -> None:
    """The aidant stopped helping from their side: the person helped is told (by the aidant's identifier)."""
    _note(
        session,
        ctx,
        dossier_id=helped_dossier_id,
        event=AIDANT_ENDED,
        who=aidant.identifier,
        detail=ctx.now().isoformat(),
    )


def aidant_delegations_ended(session: Session, ctx: ServiceContext, account: Account) -> int:
    """Notify, once, delegations that reached their end: to the person helped (naming the aidant by identifier)
    and to the aidant (naming the person). Run when the notifications are read; returns how many were added."""
    now = ctx.now()
    own = account.dossier_id
    ended = session.execute(
        select(AidantLink.dossier_id, AidantLink.aidant_account_id, AidantLink.ends_at).where(
            AidantLink.ends_at <= now,
            (AidantLink.dossier_id == own) | (AidantLink.aidant_account_id == account.id),
        )
    ).all()
    added = 0
    for dossier_id, aidant_id, ends_at in ended:
        if dossier_id == own:
            who = session.scalar(select(Account.identifier).where(Account.id == aidant_id)) or ""
        else:
            helped = session.get(Dossier, dossier_id)
            who = _person_name(helped) if helped is not None else ""
        detail = ends_at.isoformat()
        known = session.scalars(
            select(PatientNotification.id).where(
                PatientNotification.dossier_id == own,
                PatientNotification.event == AIDANT_ENDED,
                PatientNotification.actor_name == who[:420],
                PatientNotification.detail == detail,
            )
        ).first()
        if known is None:
            _note(session, ctx, dossier_id=own, event=AIDANT_ENDED, who=who, detail=detail)
            added += 1
    return added
