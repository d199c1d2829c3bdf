"""The helper of an assisted session, checked beside the patient's session (S51, S52): the helper's access token in
`Carnet-Helper-Token` must be a live session of an enrolled helper account whose organisation is not disabled.

In the accounts domain (as the token tables and `acting_helper` are); registering helpers is server/helpers."""

from __future__ import annotations

from sqlalchemy import and_, bindparam, select

from server.accounts.helper_models import Helper, HelperOrganisation
from server.accounts.models import AccessToken, Device, PrincipalKind
from server.context import ServiceContext
from server.errors import ProblemError
from server.security import sha256_hex


def usable(helper: Helper | None, org: HelperOrganisation | None) -> bool:
    """A helper who may sign in and assist: enrolled, neither they nor their organisation disabled."""
    return (
        helper is not None
        and org is not None
        and helper.password_hash is not None
        and helper.disabled_at is None
        and org.disabled_at is None
    )


# -- the helper token beside a patient's session ---------------------------------------------------------------------

_HELPER_TOKEN_QUERY = (
    select(
        AccessToken.expires_at,
        AccessToken.revoked_at,
        Device.revoked_at,
        Helper.id,
        Helper.password_hash,
        Helper.disabled_at,
        HelperOrganisation.id,
        HelperOrganisation.disabled_at,
    )
    .select_from(AccessToken)
    .join(Device, Device.id == AccessToken.device_id)
    .join(Helper, and_(Device.principal_kind == PrincipalKind.HELPER, Helper.id == Device.principal_id))
    .join(HelperOrganisation, HelperOrganisation.id == Helper.organisation_id)
    .where(AccessToken.token_hash == bindparam("token_hash"))
)


def helper_refused() -> ProblemError:
    # 403, not 401: the person's own session is valid, and a client must not take this for its expiry.
    return ProblemError(
        403,
        "helper_unauthorized",
        "L'aidant de la session accompagnée n'est pas connecté (ou sa session a expiré) : il doit se reconnecter.",
        "The assisted session's helper is not signed in (or their session expired): they must sign in again.",
    )


def assisting_helper(ctx: ServiceContext, token: str) -> str:
    """The audit's `assisted_by` of a live helper token: `<helper account id>|<organisation id>`, built from the
    registry, never from what the request says (S51). 403 `helper_unauthorized` for anything else: a patient's or a
    professional's token, an expired or revoked one, a disabled helper or organisation."""
    with ctx.engine.connect() as conn:
        found = conn.execute(_HELPER_TOKEN_QUERY, {"token_hash": sha256_hex(token.strip())}).first()
        conn.rollback()
    if found is None:
        raise helper_refused()
    expires_at, token_revoked_at, device_revoked_at, helper_id, password_hash, disabled_at, org_id, org_off = found
    live = device_revoked_at is None and token_revoked_at is None and expires_at > ctx.now()  # S34's rule
    if not live or password_hash is None or disabled_at is not None or org_off is not None:
        raise helper_refused()
    return f"{helper_id}|{org_id}"
