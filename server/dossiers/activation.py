"""Taking a provisioned space: the three proofs, opposition's look-up, activation with e-mail confirmation.

The account is created here (a space's first patient account), then lives in server/accounts/."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from dossier.errors import DossierValidationError
from dossier.identifiers import (
    normalize_activation_code,
    normalize_carte_vitale_serial,
    normalize_nir,
    normalize_user_identifier,
)
from dossier.passwords import check_password
from server.accounts import throttle
from server.accounts.models import Account, AccountStatus, CodePurpose, PrincipalKind
from server.accounts.tokens import IssuedTokens, consume_code, issue_code, open_session
from server.audit.service import ANONYMOUS, Actor, record
from server.context import ServiceContext
from server.dossiers.models import Dossier, SpaceStatus
from server.dossiers.service import import_legacy_bundle, is_child_profile_come_of_age
from server.errors import ProblemError, from_validation
from server.mail.service import mask_address
from server.security import sha256_hex

DEFAULT_DEVICE_NAME = "Carnet"


@dataclass(frozen=True, slots=True)
class SpaceProof:
    """What a person presents to oppose or activate: activation code + NIR + Carte Vitale serial."""

    activation_code: str
    nir: str
    carte_vitale_serial: str


def _proof_refused() -> ProblemError:
    return ProblemError(
        400,
        "activation_refused",
        "Code d'activation, numéro de sécurité sociale ou numéro de série de carte Vitale incorrect.",
        "Wrong activation code, social security number or Carte Vitale serial number.",
    )


def find_space(session: Session, ctx: ServiceContext, proof: SpaceProof, *, address: str) -> Dossier:
    """The dossier the three proofs point to; every mismatch looks the same and counts as a failure."""
    now = ctx.now()
    keys = [throttle.address_key(address)]
    throttle.check(session, keys, now=now)
    try:
        code = normalize_activation_code(proof.activation_code)
        nir = normalize_nir(proof.nir)
        serial = normalize_carte_vitale_serial(proof.carte_vitale_serial)
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    dossier = session.scalars(select(Dossier).where(Dossier.activation_code_hash == sha256_hex(code))).first()
    targets = {dossier.id} if dossier is not None else set()
    targets.update(session.scalars(select(Dossier.id).where(Dossier.nir == nir)))  # the space the NIR names
    space_keys = [throttle.space_key(target) for target in sorted(targets)]
    throttle.check(session, space_keys, now=now)
    keys = keys + space_keys
    if dossier is None or dossier.nir != nir or dossier.carte_vitale_serial != serial:
        throttle.register_failure(session, keys, now=now, limits=ctx.settings.rate_limits)
        record(
            session,
            actor=ANONYMOUS,
            action="space.proof_refused",
            at=now,
            dossier_id=dossier.id if dossier else None,
        )
        session.commit()
        raise _proof_refused()
    return dossier


def ensure_activable(session: Session, dossier: Dossier, *, today: date) -> None:
    """Only a space not yet active (pending, opposed or created) can be activated, or a child profile whose person
    came of age (it has no account of its own yet: they take it over from their legal representatives)."""
    if is_child_profile_come_of_age(session, dossier, today=today):
        return
    if dossier.status not in (SpaceStatus.PENDING, SpaceStatus.OPPOSED, SpaceStatus.CREATED):
        raise ProblemError(
            409,
            "space_not_activable",
            "Cet espace ne peut pas être activé dans son état actuel.",
            "This space cannot be activated in its current state.",
        )


@dataclass(frozen=True, slots=True)
class PendingActivation:
    activation_id: uuid.UUID
    email_masked: str


def start_activation(
    session: Session,
    ctx: ServiceContext,
    proof: SpaceProof,
    *,
    identifier: str,
    password: str,
    address: str,
    assisted_by: str | None = None,
) -> PendingActivation:
    """Check the proofs, the identifier and the password, then mail a code to confirm the e-mail address."""
    dossier = find_space(session, ctx, proof, address=address)
    ensure_activable(session, dossier, today=ctx.now().date())
    try:
        login = normalize_user_identifier(identifier, nir=dossier.nir)
        check_password(password, user_inputs=(login, dossier.last_name, dossier.first_names, dossier.email))
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    # A previous unfinished activation of this space is replaced.
    session.execute(
        delete(Account).where(Account.dossier_id == dossier.id, Account.status == AccountStatus.PENDING_EMAIL)
    )
    session.flush()
    if session.scalars(select(Account.id).where(Account.identifier == login)).first() is not None:
        raise ProblemError(
            409,
            "identifier_taken",
            "Cet identifiant est déjà pris : choisissez-en un autre.",
            "This identifier is already taken: choose another one.",
            issues=DossierValidationError.single(
                "identifier", "taken", "Identifiant déjà pris.", "Identifier already taken."
            ).issues,
        )
    account = Account(
        dossier_id=dossier.id,
        identifier=login,
        password_hash=ctx.hasher.hash(password),
        email=dossier.email,
        status=AccountStatus.PENDING_EMAIL,
        created_at=ctx.now(),
    )
    session.add(account)
    session.flush()
    code = issue_code(
        session,
        ctx,
        purpose=CodePurpose.EMAIL_CONFIRM,
        kind=PrincipalKind.PATIENT,
        principal_id=account.id,
        email=account.email,
    )
    record(
        session,
        actor=Actor(account.id, "patient", assisted_by=assisted_by),
        action="space.activation_started",
        at=ctx.now(),
        dossier_id=dossier.id,
    )
    return PendingActivation(activation_id=code.id, email_masked=mask_address(account.email))


@dataclass(frozen=True, slots=True)
class Activated:
    """The account just activated and, when the client named its device, the session opened on it."""

    account: Account
    tokens: IssuedTokens | None


def confirm_activation(
    session: Session,
    ctx: ServiceContext,
    *,
    activation_id: uuid.UUID,
    code: str,
    device_id: uuid.UUID | None = None,
    device_name: str | None = None,
    assisted_by: str | None = None,
) -> Activated:
    """The e-mail code proves the address: the account and the space become active, the activation code dies.

    Like the login's code, it also proves the mailbox: with ``device_id`` a session opens on that device at once,
    so a new carnet syncs without a second mailed code.
    """
    row = consume_code(session, ctx, code_id=activation_id, code=code, purpose=CodePurpose.EMAIL_CONFIRM)
    account = session.get(Account, row.principal_id)
    if account is None or account.status != AccountStatus.PENDING_EMAIL:
        raise ProblemError(400, "code_invalid", "Code incorrect ou déjà utilisé.", "Wrong or already used code.")
    dossier = session.get(Dossier, account.dossier_id, with_for_update=True)
    assert dossier is not None
    now = ctx.now()
    account.status = AccountStatus.ACTIVE
    account.email_confirmed_at = now
    dossier.status = SpaceStatus.ACTIVE
    dossier.activated_at = now
    dossier.created_at = dossier.created_at or now
    dossier.activation_code_hash = None
    import_legacy_bundle(session, dossier, now=now)
    actor = Actor(account.id, "patient", assisted_by=assisted_by)
    record(session, actor=actor, action="space.activated", at=now, dossier_id=dossier.id)
    if device_id is None:
        return Activated(account, None)
    tokens = open_session(
        session,
        ctx,
        kind=PrincipalKind.PATIENT,
        principal_id=account.id,
        device_name=device_name or DEFAULT_DEVICE_NAME,
        device_id=device_id,
        assisted_by=assisted_by,
    )
    return Activated(account, tokens)
