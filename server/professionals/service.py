"""Registering professionals and their enrolment (choosing a password with a mailed code)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier.errors import DossierValidationError
from dossier.identifiers import generate_activation_code, normalize_activation_code, normalize_rpps
from dossier.passwords import check_password
from server.accounts import throttle
from server.audit.service import ANONYMOUS, SYSTEM, Actor, record
from server.context import ServiceContext
from server.errors import ProblemError, from_validation
from server.mail import templates
from server.professionals.models import Professional
from server.security import same_hash, sha256_hex


@dataclass(frozen=True, slots=True)
class NewProfessional:
    rpps: str
    profession: str
    last_name: str
    first_names: str
    email: str


def add_professional(session: Session, ctx: ServiceContext, new: NewProfessional) -> tuple[Professional, bool]:
    """Register (idempotent on RPPS) and mail an enrolment code. Returns (professional, created)."""
    rpps = normalize_rpps(new.rpps)
    existing = session.scalars(select(Professional).where(Professional.rpps == rpps)).first()
    if existing is not None:
        return existing, False
    code = generate_activation_code()
    pro = Professional(
        rpps=rpps,
        profession=new.profession.strip(),
        last_name=new.last_name.strip(),
        first_names=new.first_names.strip(),
        email=new.email.strip().lower(),
        enrolment_code_hash=sha256_hex(code),
        created_at=ctx.now(),
    )
    session.add(pro)
    session.flush()
    ctx.mailer.send(templates.professional_enrolment(to=pro.email, last_name=pro.last_name, code=code))
    record(session, actor=SYSTEM, action="professional.added", at=ctx.now())
    return pro, True


def enrol(session: Session, ctx: ServiceContext, *, rpps: str, code: str, password: str, address: str) -> None:
    """RPPS + enrolment code → the professional's password (same policy as patients)."""
    now = ctx.now()
    keys = [throttle.address_key(address)]
    throttle.check(session, keys, now=now)
    try:
        rpps_n = normalize_rpps(rpps)
        code_n = normalize_activation_code(code)
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    pro = session.scalars(select(Professional).where(Professional.rpps == rpps_n)).first()
    if pro is None or pro.enrolment_code_hash is None or not same_hash(pro.enrolment_code_hash, sha256_hex(code_n)):
        throttle.register_failure(session, keys, now=now, limits=ctx.settings.rate_limits)
        record(session, actor=ANONYMOUS, action="professional.enrolment_refused", at=now)
        session.commit()
        raise ProblemError(
            400,
            "enrolment_refused",
            "Numéro RPPS ou code d'enrôlement incorrect.",
            "Wrong RPPS number or enrolment code.",
        )
    try:
        check_password(password, user_inputs=(pro.rpps, pro.last_name, pro.first_names, pro.email))
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    pro.password_hash = ctx.hasher.hash(password)
    pro.enrolment_code_hash = None
    record(session, actor=Actor(pro.id, "professional"), action="professional.enrolled", at=now)
