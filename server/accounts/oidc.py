"""Professionals sign in through an OpenID Connect provider: Pro Santé Connect (e-CPS) or any certified one (issue 18).

The second implementation of the identity-provider idea of `server.accounts.identity`: instead of a password and a
mailed code, the professional proves who they are to the provider, and the service, a confidential OIDC client
(relying party), opens the same Carnet session as the two-factor login (`tokens.open_session`).

Authorization-code flow with PKCE S256:

- `start` makes a state, a nonce and a code verifier (authlib), keeps them in `oidc_logins` (the state only hashed;
  short-lived, single use) and answers the provider's authorization URL;
- `finish` (the callback, code + state) claims the state once, exchanges the code with the verifier and the client
  secret (client_secret_basic), checks the ID token (signature against the provider's JWKS, RS/PS/ES algorithms only;
  issuer, audience, authorized party, expiry against the service clock, nonce), reads the RPPS claim from the ID
  token or else from userinfo (same `sub`), and matches it to a registered professional.

Every refusal is a problem answer in French and English, and is audited (`auth.oidc.refused`).
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import httpx
from authlib.common.security import generate_token
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from dossier.errors import DossierValidationError
from dossier.identifiers import normalize_rpps
from server.accounts.models import PrincipalKind, Professional
from server.accounts.oidc_models import OidcLogin
from server.accounts.tokens import IssuedTokens, open_session
from server.audit.service import ANONYMOUS, record
from server.config import OidcSettings
from server.context import ServiceContext
from server.errors import ProblemError
from server.security import sha256_hex

ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")
LEEWAY = timedelta(seconds=60)
METADATA_TTL_S = 3600.0


@dataclass(frozen=True, slots=True)
class Authorization:
    url: str
    state: str
    expires_at: datetime


def disabled() -> ProblemError:
    return ProblemError(
        404,
        "oidc_disabled",
        "La connexion par Pro Santé Connect n'est pas activée sur ce service.",
        "Sign-in with Pro Santé Connect is not enabled on this service.",
    )


_REFUSALS: dict[str, tuple[int, str, str]] = {
    "oidc_state_invalid": (
        400,
        "Demande de connexion inconnue : recommencez la connexion.",
        "Unknown sign-in request: please sign in again.",
    ),
    "oidc_state_replayed": (
        400,
        "Cette demande de connexion a déjà servi : recommencez la connexion.",
        "This sign-in request was already used: please sign in again.",
    ),
    "oidc_state_expired": (
        400,
        "La demande de connexion a expiré : recommencez la connexion.",
        "The sign-in request expired: please sign in again.",
    ),
    "oidc_code_refused": (
        400,
        "Le fournisseur d'identité a refusé le code de connexion : recommencez la connexion.",
        "The identity provider refused the sign-in code: please sign in again.",
    ),
    "oidc_token_invalid": (
        401,
        "Le jeton d'identité du fournisseur n'est pas valable.",
        "The identity provider's ID token is not valid.",
    ),
    "oidc_nonce_mismatch": (
        401,
        "Le jeton d'identité ne correspond pas à cette demande de connexion.",
        "The ID token does not belong to this sign-in request.",
    ),
    "oidc_token_expired": (
        401,
        "Le jeton d'identité du fournisseur a expiré : recommencez la connexion.",
        "The identity provider's ID token expired: please sign in again.",
    ),
    "oidc_rpps_missing": (
        403,
        "Le fournisseur d'identité ne donne pas de numéro RPPS pour ce compte.",
        "The identity provider gives no RPPS number for this account.",
    ),
    "oidc_professional_unknown": (
        403,
        "Aucun professionnel inscrit sur ce service ne porte ce numéro RPPS.",
        "No professional registered on this service has this RPPS number.",
    ),
    "oidc_provider_unreachable": (
        502,
        "Le fournisseur d'identité ne répond pas : réessayez plus tard.",
        "The identity provider does not answer: try again later.",
    ),
}


def _problem(code: str) -> ProblemError:
    status, fr, en = _REFUSALS[code]
    return ProblemError(status, code, fr, en)


class _Refused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


# ---------------------------------------------------------------- the provider's metadata and keys


class _ProviderCache:
    """Discovery document and JWKS per issuer, kept an hour; the keys are fetched again once for an unknown `kid`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._metadata: dict[str, tuple[float, dict[str, Any]]] = {}
        self._keys: dict[str, tuple[float, KeySet]] = {}

    def metadata(self, conf: OidcSettings) -> dict[str, Any]:
        with self._lock:
            hit = self._metadata.get(conf.issuer)
        if hit is not None and time.monotonic() - hit[0] < METADATA_TTL_S:
            return hit[1]
        url = conf.issuer.rstrip("/") + "/.well-known/openid-configuration"
        data = _get_json(url, conf)
        if data.get("issuer") != conf.issuer:  # OIDC Discovery §4.3
            raise _Refused("oidc_provider_unreachable")
        with self._lock:
            self._metadata[conf.issuer] = (time.monotonic(), data)
        return data

    def keys(self, conf: OidcSettings, *, refresh: bool = False) -> KeySet:
        with self._lock:
            hit = self._keys.get(conf.issuer)
        if hit is not None and not refresh and time.monotonic() - hit[0] < METADATA_TTL_S:
            return hit[1]
        try:
            keys = KeySet.import_key_set(_get_json(self.metadata(conf)["jwks_uri"], conf))  # type: ignore[arg-type]
        except (JoseError, KeyError, ValueError) as exc:
            raise _Refused("oidc_provider_unreachable") from exc
        with self._lock:
            self._keys[conf.issuer] = (time.monotonic(), keys)
        return keys


_CACHE = _ProviderCache()


def _get_json(url: str, conf: OidcSettings, headers: dict[str, str] | None = None) -> dict[str, Any]:
    try:
        response = httpx.get(url, headers=headers, timeout=conf.timeout_s)
        response.raise_for_status()
        data = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise _Refused("oidc_provider_unreachable") from exc
    if not isinstance(data, dict):
        raise _Refused("oidc_provider_unreachable")
    return data


# ---------------------------------------------------------------- start


def start(session: Session, ctx: ServiceContext) -> Authorization:
    """A new sign-in: state, nonce and PKCE verifier kept server-side; the URL to open in the browser."""
    conf = _settings(ctx)
    now = ctx.now()
    try:
        endpoint = _CACHE.metadata(conf)["authorization_endpoint"]
    except (_Refused, KeyError) as exc:
        raise _problem("oidc_provider_unreachable") from exc
    state, nonce, verifier = generate_token(43), generate_token(43), generate_token(64)
    session.execute(delete(OidcLogin).where(OidcLogin.expires_at < now - timedelta(days=1)))  # old leftovers
    expires_at = now + conf.state_ttl
    session.add(
        OidcLogin(
            state_hash=sha256_hex(state), nonce=nonce, code_verifier=verifier, created_at=now, expires_at=expires_at
        )
    )
    query = {
        "response_type": "code",
        "client_id": conf.client_id,
        "redirect_uri": conf.redirect_uri,
        "scope": conf.scope,
        "state": state,
        "nonce": nonce,
        "code_challenge": create_s256_code_challenge(verifier),
        "code_challenge_method": "S256",
    }
    separator = "&" if "?" in endpoint else "?"
    return Authorization(url=f"{endpoint}{separator}{urlencode(query)}", state=state, expires_at=expires_at)


# ---------------------------------------------------------------- callback


def finish(
    session: Session,
    ctx: ServiceContext,
    *,
    code: str,
    state: str,
    device_name: str,
    device_id: uuid.UUID | None,
) -> IssuedTokens:
    """The callback: claim the state once, exchange the code, check the ID token, open the professional's session.

    A refusal is audited and committed (the state stays spent) before the problem is raised."""
    conf = _settings(ctx)
    try:
        verifier, nonce = _claim_state(session, ctx, state)
        session.commit()  # the state is spent whatever follows
        claims = _identity(conf, ctx, code=code, verifier=verifier, nonce=nonce)
        professional = _professional(session, claims, conf)
    except _Refused as refused:
        session.rollback()
        record(session, actor=ANONYMOUS, action=f"auth.oidc.refused.{refused.code.removeprefix('oidc_')}", at=ctx.now())
        session.commit()
        raise _problem(refused.code) from None
    return open_session(
        session,
        ctx,
        kind=PrincipalKind.PROFESSIONAL,
        principal_id=professional.id,
        device_name=device_name,
        device_id=device_id,
    )


def _settings(ctx: ServiceContext) -> OidcSettings:
    conf = ctx.settings.oidc
    if conf is None:
        raise disabled()
    return conf


def _claim_state(session: Session, ctx: ServiceContext, state: str) -> tuple[str, str]:
    now = ctx.now()
    row = session.get(OidcLogin, sha256_hex(state))
    if row is None:
        raise _Refused("oidc_state_invalid")
    if row.used_at is not None:
        raise _Refused("oidc_state_replayed")
    if row.expires_at <= now:
        raise _Refused("oidc_state_expired")
    claimed = session.execute(
        update(OidcLogin).where(OidcLogin.state_hash == row.state_hash, OidcLogin.used_at.is_(None)).values(used_at=now)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]  # a concurrent callback won the race
        raise _Refused("oidc_state_replayed")
    return row.code_verifier, row.nonce


def _identity(conf: OidcSettings, ctx: ServiceContext, *, code: str, verifier: str, nonce: str) -> dict[str, Any]:
    """Token exchange, then the checked ID token's claims, completed by userinfo when the RPPS claim is not there."""
    metadata = _CACHE.metadata(conf)
    try:
        response = httpx.post(
            metadata["token_endpoint"],
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": conf.redirect_uri,
                "code_verifier": verifier,
            },
            auth=(conf.client_id, conf.client_secret),
            headers={"Accept": "application/json"},
            timeout=conf.timeout_s,
        )
    except httpx.HTTPError as exc:
        raise _Refused("oidc_provider_unreachable") from exc
    if 400 <= response.status_code < 500:
        raise _Refused("oidc_code_refused")  # invalid_grant: wrong, used or expired code, or a verifier mismatch
    try:
        response.raise_for_status()
        tokens = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise _Refused("oidc_provider_unreachable") from exc
    id_token = tokens.get("id_token") if isinstance(tokens, dict) else None
    if not isinstance(id_token, str):
        raise _Refused("oidc_token_invalid")
    claims = check_id_token(id_token, conf, nonce=nonce, now=ctx.now())
    access = tokens.get("access_token")
    if conf.rpps_claim not in claims and isinstance(access, str) and metadata.get("userinfo_endpoint"):
        info = _get_json(metadata["userinfo_endpoint"], conf, {"Authorization": f"Bearer {access}"})
        if info.get("sub") != claims["sub"]:  # OIDC Core §5.3.2: userinfo of someone else
            raise _Refused("oidc_token_invalid")
        claims = {**info, **claims}
    return claims


def check_id_token(id_token: str, conf: OidcSettings, *, nonce: str, now: datetime) -> dict[str, Any]:
    """OIDC Core §3.1.3.7: signature (provider JWKS, asymmetric algorithms only), iss, aud/azp, exp, nonce."""
    try:
        token = _decode(id_token, conf, refresh=False)
    except JoseError:
        try:  # the provider may have rotated its keys since we fetched them
            token = _decode(id_token, conf, refresh=True)
        except JoseError as exc:
            raise _Refused("oidc_token_invalid") from exc
    claims = dict(token.claims)
    audience = claims.get("aud")
    audiences = [audience] if isinstance(audience, str) else audience if isinstance(audience, list) else []
    if claims.get("iss") != conf.issuer or conf.client_id not in audiences or not isinstance(claims.get("sub"), str):
        raise _Refused("oidc_token_invalid")
    if len(audiences) > 1 and claims.get("azp") != conf.client_id:
        raise _Refused("oidc_token_invalid")
    expires = claims.get("exp")
    if not isinstance(expires, int | float):
        raise _Refused("oidc_token_invalid")
    if datetime.fromtimestamp(expires, UTC) + LEEWAY <= now:
        raise _Refused("oidc_token_expired")
    if claims.get("nonce") != nonce:
        raise _Refused("oidc_nonce_mismatch")
    return claims


def _decode(id_token: str, conf: OidcSettings, *, refresh: bool) -> jwt.Token:
    return jwt.decode(id_token, _CACHE.keys(conf, refresh=refresh), algorithms=list(ALGORITHMS))


def rpps_of(value: object) -> str | None:
    """The RPPS in a claim: 11 digits, or Pro Santé Connect's national identifier "8" + RPPS; None otherwise."""
    if not isinstance(value, str):
        return None
    raw = value.strip()
    if len(raw) == 12 and raw.startswith("8"):
        raw = raw[1:]
    try:
        return normalize_rpps(raw)
    except DossierValidationError:
        return None


def _professional(session: Session, claims: dict[str, Any], conf: OidcSettings) -> Professional:
    rpps = rpps_of(claims.get(conf.rpps_claim))
    if rpps is None:
        raise _Refused("oidc_rpps_missing")
    professional = session.scalars(select(Professional).where(Professional.rpps == rpps)).first()
    if professional is None:
        raise _Refused("oidc_professional_unknown")
    return professional
