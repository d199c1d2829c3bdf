"""Life cycle of a space: provisioning, opposition, closure, reactivation, deletion, and reads of the own dossier."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Uuid, column, delete, select, table
from sqlalchemy.orm import Session

from dossier.dates import is_minor_on
from dossier.identifiers import generate_activation_code
from server.accounts.models import Account, Device, OneTimeCode, PrincipalKind
from server.audit.service import SYSTEM, Actor, record
from server.context import ServiceContext
from server.dossiers.models import Dossier, DossierEntry, SpaceStatus
from server.errors import ProblemError
from server.mail import templates
from server.security import sha256_hex


@dataclass(frozen=True, slots=True)
class Beneficiary:
    """One validated provisioning row."""

    nir: str
    carte_vitale_serial: str
    last_name: str
    first_names: str
    birth_date: date
    email: str
    phone: str | None = None
    legacy_bundle: str | None = None


@dataclass(frozen=True, slots=True)
class ProvisionReport:
    created: int
    unchanged: int
    came_of_age: int = 0
    """Child profiles whose person is now an adult: a new activation code was mailed to their own address."""


def provision(session: Session, ctx: ServiceContext, beneficiaries: list[Beneficiary]) -> ProvisionReport:
    """Create pending spaces with a single-use activation code and mail each person; idempotent on NIR."""
    now = ctx.now()
    deadline = now + ctx.settings.opposition_window
    found = {d.nir: d for d in session.scalars(select(Dossier).where(Dossier.nir.in_([b.nir for b in beneficiaries])))}
    existing = set(found)
    created = came_of_age = 0
    for b in beneficiaries:
        if b.nir in existing:
            dossier_found = found.get(b.nir)
            if dossier_found is not None and _came_of_age(session, ctx, dossier_found, b):
                came_of_age += 1
            continue
        code = generate_activation_code()
        dossier = Dossier(
            nir=b.nir,
            carte_vitale_serial=b.carte_vitale_serial,
            last_name=b.last_name,
            first_names=b.first_names,
            birth_date=b.birth_date,
            email=b.email.strip().lower(),
            phone=b.phone,
            status=SpaceStatus.PENDING,
            activation_code_hash=sha256_hex(code),
            provisioned_at=now,
            opposition_deadline=deadline,
            legacy_bundle=b.legacy_bundle,
        )
        session.add(dossier)
        session.flush()
        existing.add(b.nir)
        ctx.mailer.send(
            templates.provisioning(
                to=b.email,
                first_names=b.first_names,
                activation_code=code,
                deadline=deadline,
                public_url=ctx.settings.public_url,
            )
        )
        record(session, actor=SYSTEM, action="space.provisioned", at=now, dossier_id=dossier.id)
        created += 1
    return ProvisionReport(
        created=created, unchanged=len(beneficiaries) - created - came_of_age, came_of_age=came_of_age
    )


def is_child_profile_come_of_age(session: Session, dossier: Dossier, *, today: date) -> bool:
    """A space taken in charge as a child profile (active, managed by legal representatives, no account of its own)
    whose person is now 18: they may take it themselves, with a new activation code."""
    if dossier.status != SpaceStatus.ACTIVE or is_minor_on(dossier.birth_date, today):
        return False
    return session.scalars(select(Account.id).where(Account.dossier_id == dossier.id)).first() is None


def _came_of_age(session: Session, ctx: ServiceContext, dossier: Dossier, b: Beneficiary) -> bool:
    """The Assurance Maladie's file names a child profile whose person came of age: a fresh single-use activation
    code, mailed to the address of this row (the young adult's own, not the parents'). Once per code."""
    now = ctx.now()
    if dossier.activation_code_hash is not None or not is_child_profile_come_of_age(session, dossier, today=now.date()):
        return False
    code = generate_activation_code()
    dossier.activation_code_hash = sha256_hex(code)
    dossier.email = b.email.strip().lower()
    dossier.phone = b.phone or dossier.phone
    session.flush()
    ctx.mailer.send(
        templates.coming_of_age(to=dossier.email, first_names=dossier.first_names, activation_code=code,
                                public_url=ctx.settings.public_url)
    )  # fmt: skip
    record(session, actor=SYSTEM, action="space.came_of_age_code", at=now, dossier_id=dossier.id)
    return True


def oppose(session: Session, ctx: ServiceContext, dossier: Dossier, *, assisted_by: str | None = None) -> None:
    """Within the window, the space will not be created; the person may still activate it later."""
    now = ctx.now()
    if dossier.status == SpaceStatus.OPPOSED:
        return
    if dossier.status != SpaceStatus.PENDING or now >= dossier.opposition_deadline:
        raise ProblemError(
            409,
            "opposition_window_closed",
            "Le délai d'opposition de 6 semaines est passé : l'espace existe. Vous pouvez le clôturer.",
            "The 6-week opposition window has passed: the space exists. You can close it.",
        )
    dossier.status = SpaceStatus.OPPOSED
    dossier.opposed_at = now
    actor = Actor(None, "beneficiary", assisted_by=assisted_by)
    record(session, actor=actor, action="space.opposed", at=now, dossier_id=dossier.id)


def import_legacy_bundle(session: Session, dossier: Dossier, *, now: datetime) -> int:
    """At activation, turn the legacy DMP bundle attached at provisioning into dossier entries."""
    if not dossier.legacy_bundle:
        return 0
    bundle = json.loads(dossier.legacy_bundle)
    count = 0
    for entry in bundle.get("entry", []):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
            continue
        session.add(
            DossierEntry(
                dossier_id=dossier.id,
                source="legacy_dmp",
                resource_type=resource["resourceType"][:64],
                payload=json.dumps(resource, ensure_ascii=False),
                created_at=now,
            )
        )
        count += 1
    dossier.legacy_bundle = None
    return count


def require_active(dossier: Dossier) -> None:
    if dossier.status != SpaceStatus.ACTIVE:
        raise ProblemError(
            409,
            "space_not_active",
            "Cet espace santé est clôturé ou en cours de suppression.",
            "This health space is closed or being deleted.",
        )


def close(session: Session, ctx: ServiceContext, dossier: Dossier, *, actor: Actor) -> None:
    """Closure: archived for 10 years; professionals lose access."""
    require_active(dossier)
    now = ctx.now()
    dossier.status = SpaceStatus.CLOSED
    dossier.closed_at = now
    dossier.archive_until = now + timedelta(days=ctx.settings.archive_retention_days)
    record(session, actor=actor, action="space.closed", at=now, dossier_id=dossier.id)


def reactivate(session: Session, ctx: ServiceContext, dossier: Dossier, *, actor: Actor) -> None:
    if dossier.status not in (SpaceStatus.CLOSED, SpaceStatus.DELETION_REQUESTED):
        raise ProblemError(409, "space_not_closed", "Cet espace n'est pas clôturé.", "This space is not closed.")
    if _death_recorded(session, dossier.id):
        raise ProblemError(
            409,
            "space_holder_deceased",
            "Le décès du titulaire a été enregistré : cet espace reste clôturé. Les proches peuvent demander un accès "
            "limité depuis leur propre compte.",
            "The holder's death has been recorded: this space stays closed. Relatives may ask for limited access "
            "from their own account.",
        )
    now = ctx.now()
    dossier.status = SpaceStatus.ACTIVE
    dossier.closed_at = None
    dossier.archive_until = None
    dossier.deletion_requested_at = None
    record(session, actor=actor, action="space.reactivated", at=now, dossier_id=dossier.id)


def _death_recorded(session: Session, dossier_id: uuid.UUID) -> bool:
    # A lightweight view of access_settings: the access package builds on this one, not the other way round.
    settings = table("access_settings", column("dossier_id", Uuid), column("deceased_at"))
    deceased = session.execute(
        select(settings.c.deceased_at).where(settings.c.dossier_id == dossier_id)
    ).scalar_one_or_none()
    return deceased is not None


def request_deletion(session: Session, ctx: ServiceContext, dossier: Dossier, *, actor: Actor) -> None:
    """The jobs delete the space at their next run, within 3 months at most."""
    now = ctx.now()
    dossier.status = SpaceStatus.DELETION_REQUESTED
    dossier.deletion_requested_at = now
    record(session, actor=actor, action="space.deletion_requested", at=now, dossier_id=dossier.id)


def purge(session: Session, dossier_id: uuid.UUID) -> None:
    """Delete a space and everything tied to it (the audit trail stays: it holds no health data).

    The rows of other domains that reference the dossier (care history, sync, access) go with it: their foreign keys
    are ON DELETE CASCADE. Devices and codes name their patient without a foreign key, so they are deleted here."""
    account_ids = list(session.scalars(select(Account.id).where(Account.dossier_id == dossier_id)))
    if account_ids:
        session.execute(
            delete(Device).where(Device.principal_kind == PrincipalKind.PATIENT, Device.principal_id.in_(account_ids))
        )
        session.execute(delete(OneTimeCode).where(OneTimeCode.principal_id.in_(account_ids)))
        session.execute(delete(Account).where(Account.id.in_(account_ids)))
    session.execute(delete(DossierEntry).where(DossierEntry.dossier_id == dossier_id))
    session.execute(delete(Dossier).where(Dossier.id == dossier_id))


def read_identity(session: Session, ctx: ServiceContext, dossier: Dossier, *, actor: Actor) -> Dossier:
    require_active(dossier)
    record(session, actor=actor, action="dossier.read", at=ctx.now(), dossier_id=dossier.id)
    return dossier


def legacy_entries(session: Session, dossier: Dossier) -> list[DossierEntry]:
    return list(
        session.scalars(
            select(DossierEntry).where(DossierEntry.dossier_id == dossier.id).order_by(DossierEntry.created_at)
        )
    )
