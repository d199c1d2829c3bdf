"""Registering helpers (by an administrator or their organisation's manager), their enrolment, and the check of a
helper token presented beside a patient's session (S51-S53)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier.errors import DossierValidationError
from dossier.identifiers import generate_activation_code, normalize_activation_code
from dossier.passwords import check_password
from server.accounts import throttle
from server.accounts.helper_models import Helper, HelperOrganisation
from server.accounts.models import PrincipalKind
from server.accounts.tokens import revoke_all_sessions
from server.audit.service import ANONYMOUS, SYSTEM, Actor, record
from server.context import ServiceContext
from server.errors import ProblemError, from_validation
from server.mail import templates
from server.security import same_hash, sha256_hex

HELPER_ROLE = PrincipalKind.HELPER.value


def normalize_email(value: str) -> str:
    email = value.strip().lower()
    local, at, domain = email.partition("@")
    if not at or not local or "." not in domain or " " in email or len(email) > 254:
        raise DossierValidationError.single("email", "invalid_email", "adresse e-mail invalide", "invalid e-mail")
    return email


def _name(value: str, field: str, *, max_len: int) -> str:
    text = " ".join(value.split())
    if not text or len(text) > max_len or any(not c.isprintable() for c in text) or "|" in text:
        raise DossierValidationError.single(
            field, "invalid_name", f"1 à {max_len} caractères lisibles", f"1 to {max_len} readable characters"
        )
    return text


def add_organisation(session: Session, ctx: ServiceContext, name: str) -> tuple[HelperOrganisation, bool]:
    """Register an organisation (idempotent on its name). Returns (organisation, created)."""
    clean = _name(name, "organisation", max_len=200)
    existing = session.scalars(select(HelperOrganisation).where(HelperOrganisation.name == clean)).first()
    if existing is not None:
        return existing, False
    org = HelperOrganisation(name=clean, created_at=ctx.now())
    session.add(org)
    session.flush()
    record(session, actor=SYSTEM, action="helper.organisation_added", at=ctx.now())
    return org, True


@dataclass(frozen=True, slots=True)
class NewHelper:
    email: str
    last_name: str
    first_names: str
    manager: bool = False


def add_helper(
    session: Session, ctx: ServiceContext, org: HelperOrganisation, new: NewHelper, *, actor: Actor = SYSTEM
) -> tuple[Helper, bool]:
    """Register a helper of `org` and mail an enrolment code (idempotent on the e-mail within the organisation).

    An e-mail already registered by another organisation is refused (409): nobody takes over another structure's
    helper, and a helper belongs to one organisation only."""
    email = normalize_email(new.email)
    last_name = _name(new.last_name, "last_name", max_len=100)
    first_names = _name(new.first_names, "first_names", max_len=100)
    existing = session.scalars(select(Helper).where(Helper.email == email)).first()
    if existing is not None:
        if existing.organisation_id != org.id:
            raise ProblemError(
                409,
                "helper_elsewhere",
                "Cette adresse e-mail est celle d'un aidant d'une autre structure.",
                "This e-mail address belongs to a helper of another organisation.",
            )
        return existing, False
    code = generate_activation_code()
    helper = Helper(
        organisation_id=org.id,
        email=email,
        last_name=last_name,
        first_names=first_names,
        manager=new.manager,
        enrolment_code_hash=sha256_hex(code),
        created_at=ctx.now(),
    )
    session.add(helper)
    session.flush()
    ctx.mailer.send(templates.helper_enrolment(to=email, first_names=first_names, organisation=org.name, code=code))
    record(session, actor=actor, action="helper.added", at=ctx.now())
    return helper, True


def organisation_helpers(session: Session, org: HelperOrganisation) -> list[Helper]:
    """The organisation's helpers, by name (disabled ones too: the manager sees who was withdrawn)."""
    query = select(Helper).where(Helper.organisation_id == org.id).order_by(Helper.last_name, Helper.first_names)
    return list(session.scalars(query))


def disable_helper(session: Session, ctx: ServiceContext, helper: Helper, *, actor: Actor = SYSTEM) -> None:
    """Withdraw a helper: their sessions end at once and they can no longer assist anyone (idempotent)."""
    now = ctx.now()
    helper.disabled_at = helper.disabled_at or now
    revoke_all_sessions(session, kind=PrincipalKind.HELPER, principal_id=helper.id, now=now)
    record(session, actor=actor, action="helper.disabled", at=now)


def enrol(session: Session, ctx: ServiceContext, *, email: str, code: str, password: str, address: str) -> None:
    """E-mail + mailed enrolment code → the helper's password (the patients' policy)."""
    now = ctx.now()
    keys = [throttle.address_key(address)]
    throttle.check(session, keys, now=now)
    try:
        code_n = normalize_activation_code(code)
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    helper = session.scalars(select(Helper).where(Helper.email == email.strip().lower())).first()
    if (
        helper is None
        or helper.enrolment_code_hash is None
        or not same_hash(helper.enrolment_code_hash, sha256_hex(code_n))
    ):
        throttle.register_failure(session, keys, now=now, limits=ctx.settings.rate_limits)
        record(session, actor=ANONYMOUS, action="helper.enrolment_refused", at=now)
        session.commit()
        raise ProblemError(
            400,
            "enrolment_refused",
            "Adresse e-mail ou code d'enrôlement incorrect.",
            "Wrong e-mail or enrolment code.",
        )
    try:
        check_password(password, user_inputs=(helper.email, helper.last_name, helper.first_names))
    except DossierValidationError as exc:
        raise from_validation(exc) from exc
    helper.password_hash = ctx.hasher.hash(password)
    helper.enrolment_code_hash = None
    record(session, actor=Actor(helper.id, HELPER_ROLE), action="helper.enrolled", at=now)


def describe_assisted(session: Session, values: set[str]) -> dict[str, str]:
    """`assisted_by` values of audit rows → what the patient's history shows, `name|organisation`, read from the
    registry. Rows written before helpers had accounts keep their text, stripped of anything unprintable."""
    ids: dict[str, tuple[uuid.UUID, uuid.UUID]] = {}
    legacy: dict[str, str] = {}
    for value in values:
        helper_id, _sep, org_id = value.partition("|")
        try:
            ids[value] = (uuid.UUID(helper_id), uuid.UUID(org_id))
        except ValueError:
            legacy[value] = "".join(c for c in value if c.isprintable())[:210]
    helpers = {h.id: h for h in session.scalars(select(Helper).where(Helper.id.in_({h for h, _ in ids.values()})))}
    orgs = {
        o.id: o
        for o in session.scalars(
            select(HelperOrganisation).where(HelperOrganisation.id.in_({o for _, o in ids.values()}))
        )
    }
    shown = dict(legacy)
    for value, (h_id, o_id) in ids.items():
        helper, org = helpers.get(h_id), orgs.get(o_id)
        who = f"{helper.first_names} {helper.last_name}" if helper else "?"
        shown[value] = f"{who}|{org.name if org else '?'}"
    return shown
