"""Assisted session (PGSSI-S): a helper signs a person in on the helper's PC, in a throw-away profile wiped at the end.

The person either signs in, or activates their space (the confirmed activation opens the session itself: no
second mailed code), or opposes its creation. The person's password is only ever sent to the service, and dropped
as soon as it was sent: the temporary local profile is encrypted with a random one-time secret, lives in a fresh
folder under the temporary directory, never touches the OS keyring (device_mode="shared"), and is deleted by
`finish()` (or `abandon()`). The helper signs in first with their own account (e-mail, password, then the code
mailed to them: `HelperSession`); every request of the session then carries the helper's access token in the
`Carnet-Helper-Token` header beside the person's session, so the service records "helper X of organisation Y on
behalf of the person" from its own registry — never from text typed here (S51).
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from desktop_app import vault
from desktop_app.errors import CarnetError
from desktop_app.exports.pdf import build_emergency_card, build_session_receipt
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.service_client import ServiceError, post_public, service_error
from desktop_app.sync.engine import S_ACCESS, S_REFRESH, S_URL, SyncEngine
from desktop_app.sync.http import Backoff, NotSignedIn, ServiceRefused, SyncHttp
from dossier.entries import validate_entry
from dossier.identifiers import (
    normalize_activation_code,
    normalize_carte_vitale_serial,
    normalize_nir,
    normalize_user_identifier,
)
from dossier.passwords import assess_password, check_password

HELPER_TOKEN_HEADER = "Carnet-Helper-Token"  # noqa: S105 (a header name)
_REFRESH_MARGIN_S = 60.0  # refresh the helper's access token this long before it expires


class AssistedInputError(CarnetError):
    """Something the helper or the person typed is not usable; nothing was sent."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Helper:
    """The person helping, as the service's registry knows them (never typed here): name and organisation."""

    name: str
    structure: str
    account_id: str = ""
    manager: bool = False  # may register and withdraw the organisation's helpers


@dataclass(frozen=True, slots=True)
class OrganisationHelper:
    """One of the organisation's helpers, as its manager sees them."""

    id: str
    name: str
    email: str
    manager: bool
    enrolled: bool  # has chosen a password with the mailed enrolment code
    disabled: bool  # withdrawn: can no longer assist anyone


class HelperSession:
    """The helper's own session on the service (S51, S52): e-mail and password, then the code mailed to the helper.

    `token()` is the access token `HelperTransport` puts beside the person's session, refreshed (single-use refresh
    token) shortly before it expires, so a long session does not lose its helper. `close()` signs the helper out.
    Thread-safe: the sync engine sends from a helper thread too."""

    def __init__(
        self,
        server_url: str,
        *,
        transport: httpx.BaseTransport | None = None,
        backoff: Backoff | None = None,
        device_name: str = "Poste d'accompagnement",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.server_url = server_url
        self._http = SyncHttp(server_url, transport=transport, backoff=backoff)
        self._device_name = device_name[:100]
        self._clock = clock
        self._lock = threading.Lock()
        self._challenge: str | None = None
        self._email = ""
        self._access: str | None = None
        self._refresh: str | None = None
        self._expires_at = 0.0
        self.helper: Helper | None = None

    @property
    def started(self) -> bool:
        """The password step passed: a code was mailed to the helper."""
        return self._challenge is not None

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            return post_public(self._http, path, body)
        except ServiceRefused as exc:
            raise service_error(exc) from exc

    def enrol(self, email: str, code: str, password: str) -> None:
        """First time: the enrolment code the organisation's registration mailed, and a password chosen under the
        policy (checked here first: nothing is sent with a weak one). The helper then signs in as every day."""
        email, code = email.strip(), code.replace(" ", "").replace("-", "").strip().upper()
        if not email or not code:
            raise AssistedInputError(
                "Aidant : saisissez votre adresse e-mail et le code d'enrôlement reçu par e-mail.",
                "Helper: enter your e-mail address and the enrolment code you were e-mailed.",
            )
        check_password(password, user_inputs=(email,))
        self._post("/v1/helpers/enrolment", {"email": email, "enrolment_code": code, "password": password})

    def start(self, email: str, password: str) -> None:
        """Password step: the service mails a one-time code to the helper's own address."""
        email = email.strip()
        if not email or not password:
            raise AssistedInputError(
                "Aidant : saisissez votre adresse e-mail et votre mot de passe.",
                "Helper: enter your e-mail address and your password.",
            )
        started = self._post("/v1/helpers/auth/login", {"email": email, "password": password})
        self._challenge, self._email = str(started["challenge_id"]), email

    def confirm(self, code: str) -> Helper:
        """Code step: the helper's session opens; returns who the service says the helper is."""
        if self._challenge is None:
            raise AssistedInputError("Aidant : recommencez la connexion.", "Helper: start the sign-in again.")
        body = {
            "challenge_id": self._challenge,
            "code": code.strip().replace(" ", ""),
            "device_name": self._device_name,
        }
        self._store(self._post("/v1/helpers/auth/verify", body))
        self._challenge = None
        me = self._http.request("GET", "/v1/helpers/me", headers=self._bearer(), auth=False).json()
        self.helper = Helper(
            f"{me['first_names']} {me['last_name']}", str(me["organisation"]), str(me["id"]), bool(me["manager"])
        )
        return self.helper

    def _store(self, tokens: dict[str, Any]) -> None:
        self._access, self._refresh = str(tokens["access_token"]), str(tokens["refresh_token"])
        self._expires_at = self._clock() + float(tokens.get("expires_in", 0))

    def _bearer(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._access}"}

    @property
    def identity(self) -> Helper:
        if self.helper is None or self._access is None:
            raise AssistedInputError("L'aidant doit d'abord se connecter.", "The helper must sign in first.")
        return self.helper

    def token(self) -> str:
        """The helper's live access token (refreshed when it is about to expire)."""
        with self._lock:
            if self._access is None or self._refresh is None:
                raise AssistedInputError("L'aidant doit d'abord se connecter.", "The helper must sign in first.")
            if self._clock() >= self._expires_at - _REFRESH_MARGIN_S:
                try:
                    refreshed = self._http.request(
                        "POST", "/v1/auth/refresh", json={"refresh_token": self._refresh}, auth=False
                    ).json()
                except (ServiceRefused, NotSignedIn) as exc:  # the helper's session ended, not the person's
                    raise AssistedInputError(
                        "La session de l'aidant a pris fin : terminez cette session accompagnée et recommencez.",
                        "The helper's session ended: finish this assisted session and start again.",
                    ) from exc
                self._store(refreshed)
            return self._access

    # -- the organisation's manager (S53): register and withdraw the organisation's helpers ----------------------
    def _as_helper(self, method: str, path: str, body: dict[str, Any] | None = None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token()}"}
        try:
            return self._http.request(method, path, json=body, headers=headers, auth=False)
        except ServiceRefused as exc:
            raise service_error(exc) from exc
        except NotSignedIn as exc:
            raise AssistedInputError(
                "La session de l'aidant a pris fin : reconnectez-vous.",
                "The helper's session ended: sign in again.",
            ) from exc

    def organisation_helpers(self) -> list[OrganisationHelper]:
        """The manager's organisation's helpers, by name (withdrawn ones too)."""
        rows = self._as_helper("GET", "/v1/helpers/organisation/helpers").json()
        return [
            OrganisationHelper(
                str(row["id"]),
                f"{row['first_names']} {row['last_name']}",
                str(row["email"]),
                bool(row["manager"]),
                bool(row["enrolled"]),
                bool(row["disabled"]),
            )
            for row in rows
        ]

    def add_helper(self, email: str, last_name: str, first_names: str, *, manager: bool = False) -> bool:
        """Register a helper of the manager's organisation; the service mails them an enrolment code. Returns
        whether the helper is new (False: already registered here, nothing mailed again)."""
        email, last_name, first_names = email.strip(), " ".join(last_name.split()), " ".join(first_names.split())
        if not email or not last_name or not first_names:
            raise AssistedInputError(
                "Saisissez l'adresse e-mail, le nom et le prénom de l'aidant.",
                "Enter the helper's e-mail address, last name and first name.",
            )
        body = {"email": email, "last_name": last_name, "first_names": first_names, "manager": manager}
        return bool(self._as_helper("POST", "/v1/helpers/organisation/helpers", body).json()["created"])

    def withdraw_helper(self, helper_id: str) -> None:
        """Withdraw one of the organisation's helpers: their sessions end at once."""
        self._as_helper("POST", f"/v1/helpers/organisation/helpers/{uuid.UUID(helper_id)}/disable")

    def close(self) -> None:
        """Sign the helper out (their tokens stop working at once) and forget them; safe to call twice."""
        with self._lock:
            if self._access is not None:
                with contextlib.suppress(CarnetError, httpx.HTTPError):  # unreachable or ended: it expires anyway
                    self._http.request("POST", "/v1/helpers/auth/logout", headers=self._bearer(), auth=False)
            self._access = self._refresh = self._challenge = None
            self._http.close()


class HelperTransport(httpx.BaseTransport):
    """Adds the helper's token to every request (the sync engine's included) before handing it to `inner`."""

    def __init__(self, helper: HelperSession, inner: httpx.BaseTransport | None = None) -> None:
        self._helper = helper
        self._inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers[HELPER_TOKEN_HEADER] = self._helper.token()
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


_NEXT_SIGNED_IN_FR = (
    "Votre mot de passe n'est écrit nulle part : vous seul(e) le connaissez.",
    "Connectez-vous depuis chez vous ou votre téléphone pour compléter votre dossier.",
    "Gardez la carte d'urgence avec vos papiers d'identité.",
    "Rien de votre dossier n'est resté sur cet ordinateur.",
)
_NEXT_OPPOSED_FR = (
    "Votre espace Mon espace santé ne sera pas créé : aucun document de santé n'y sera déposé "
    "et les professionnels ne pourront pas le consulter.",
    "Vos remboursements et votre prise en charge ne changent pas.",
    "Vous pouvez changer d'avis plus tard : activez votre espace avec le même code tant qu'il est valable, "
    "ou demandez-le à votre caisse d'Assurance Maladie.",
    "Rien de vos informations n'est resté sur cet ordinateur.",
)


@dataclass(slots=True)
class Receipt:
    """What the person takes home: what was done, their identifier (never the password), next steps.

    `identifier` is None after an opposition: there is no account, and the next steps say what opposing means.
    """

    helper: Helper
    identifier: str | None
    done_fr: list[str] = field(default_factory=list)
    done_en: list[str] = field(default_factory=list)

    def note(self, fr: str, en: str) -> None:
        self.done_fr.append(fr)
        self.done_en.append(en)

    def lines_fr(self, *, at: datetime) -> list[str]:
        title, header, sections = self.parts_fr(at=at)
        listed = [line for heading, items in sections for line in (f"{heading} :", *(f"• {i}" for i in items))]
        return [title, *header, *listed]

    def parts_fr(self, *, at: datetime) -> tuple[str, list[str], list[tuple[str, list[str]]]]:
        """Title, who/when lines, and the headed lists (what was done, what next): for the printed sheet."""
        who = [f"Votre identifiant : {self.identifier}"] if self.identifier is not None else []
        next_steps = _NEXT_SIGNED_IN_FR if self.identifier is not None else _NEXT_OPPOSED_FR
        return (
            "Récapitulatif de votre session accompagnée",
            [f"Le {at:%d/%m/%Y à %H:%M}, avec {self.helper.name} ({self.helper.structure})", *who],
            [("Ce qui a été fait", list(self.done_fr)), ("Et maintenant", list(next_steps))],
        )

    def pdf(self, *, at: datetime) -> bytes:
        """The récapitulatif as a styled PDF page, in memory (never written to this computer)."""
        title, header, sections = self.parts_fr(at=at)
        return build_session_receipt(title=title, lines=header, sections=sections, generated_at=at)


@dataclass(frozen=True, slots=True)
class _CardIdentity:
    """An identity entry read from the service for the emergency card only (never stored)."""

    data: dict[str, Any]
    id: str = "service-identity"
    kind: str = "identity"
    summary: str = ""


class AssistedWork:
    """The engine side of one assisted session. Plain Python: the Qt screens call it from a worker thread."""

    def __init__(
        self,
        server_url: str,
        helper: HelperSession,
        *,
        kdf: vault.KdfParams | None = None,
        transport: httpx.BaseTransport | None = None,
        backoff: Backoff | None = None,
        device_name: str = "Session accompagnée",
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.server_url = server_url
        self.helper_session = helper
        self.helper = helper.identity  # signed in first: the service knows who helps (S51)
        self.now = now
        self._device_name = device_name[:100]
        self._kdf = kdf
        self._backoff = backoff
        self._transport = HelperTransport(helper, transport)
        self.workspace = Path(tempfile.mkdtemp(prefix="carnet-assisted-"))
        self._http = SyncHttp(server_url, transport=self._transport, backoff=backoff)
        self._challenge: str | None = None
        self._identifier = ""
        self._activation_id: str | None = None
        self._activated = False
        self._session_tokens: dict[str, Any] | None = None  # from the activation, until the session is open
        self._profile: UnlockedProfile | None = None
        self._dossier_id = ""
        self._engine: SyncEngine | None = None
        self.receipt: Receipt | None = None

    def _public(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST without a session (helper header included); a refusal becomes an `ServiceError` naming the
        field concerned, as the patient screens get it."""
        try:
            return post_public(self._http, path, body)
        except ServiceRefused as exc:
            raise service_error(exc) from exc

    # -- activation / opposition -------------------------------------------------------------------------------------
    @staticmethod
    def _proof(code: str, nir: str, serial: str) -> dict[str, str]:
        """The three proofs, checked here first (DossierValidationError naming the field): nothing sent if wrong."""
        return {
            "activation_code": normalize_activation_code(code),
            "nir": normalize_nir(nir),
            "carte_vitale_serial": normalize_carte_vitale_serial(serial),
        }

    def start_activation(self, *, code: str, nir: str, serial: str, identifier: str, password: str) -> str:
        """Activation code, NIR, Carte Vitale serial, chosen identifier and password: the service mails a code to
        the address it has on file. Returns that address, masked. The password is not kept: the activation code
        alone opens the session afterwards (`confirm_activation`)."""
        proof = self._proof(code, nir, serial)
        login = normalize_user_identifier(identifier, nir=proof["nir"])
        if not assess_password(password, user_inputs=(login,)).acceptable:
            raise ServiceError(
                status=422,
                code="password_weak",
                message_fr="Ce mot de passe n'est pas encore assez solide : suivez les conseils.",
                message_en="This password is not strong enough yet: follow the advice.",
                field="password",
            )
        started = self._public("/v1/activation", {**proof, "identifier": login, "password": password})
        self._activation_id = str(started["activation_id"])
        self._activated = False
        self._session_tokens = None
        self._identifier = login
        return str(started["email_masked"])

    def confirm_activation(self, code: str) -> str:
        """The code mailed to the person: the space becomes active and, as that code proves the mailbox, the service
        opens the session at once (no second code); the temporary profile is created and the dossier fetched, as
        `confirm_code` does. Returns the identifier. A retry after a failure past the activation (network cut)
        does not activate twice: it reuses the session the activation opened."""
        if self._activation_id is None:
            raise AssistedInputError("Recommencez l'activation.", "Start the activation again.")
        if not self._activated:
            body = {
                "activation_id": self._activation_id,
                "code": code.strip().replace(" ", ""),
                "device_id": str(uuid.uuid4()),
                "device_name": self._device_name,
            }
            done = self._public("/v1/activation/confirm", body)
            self._identifier = str(done["identifier"])
            self._activated = True
            tokens = done.get("tokens")
            if not isinstance(tokens, dict):
                raise AssistedInputError(
                    "Espace activé, mais le service n'a pas ouvert de session : connectez-vous.",
                    "Space activated, but the service opened no session: sign in.",
                )
            self._session_tokens = tokens
        if self._session_tokens is None:
            raise AssistedInputError("Espace déjà activé : connectez-vous.", "Space already activated: sign in.")
        self._open_session(self._session_tokens)
        self._session_tokens = None
        return self._identifier

    def oppose(self, *, code: str, nir: str, serial: str) -> None:
        """« Je ne veux pas de Mon espace santé »: the service records it; the receipt says what that means."""
        self._public("/v1/spaces/opposition", self._proof(code, nir, serial))
        self.receipt = Receipt(self.helper, None)
        self.receipt.note(
            "Opposition à la création de votre espace Mon espace santé enregistrée",
            "Opposition to the creation of your Mon espace santé recorded",
        )

    # -- sign-in -------------------------------------------------------------------------------------------------------
    def start_login(self, identifier: str, password: str) -> None:
        """Password step: the service mails a one-time code to the person."""
        identifier = identifier.strip()
        if not identifier or not password:
            raise AssistedInputError(
                "Saisissez votre identifiant et votre mot de passe.", "Enter your identifier and your password."
            )
        started = self._public("/v1/auth/login", {"identifier": identifier, "password": password})
        self._challenge = str(started["challenge_id"])
        self._identifier = identifier

    def confirm_code(self, code: str) -> str:
        """Code step: opens the session, creates the temporary profile and fetches the dossier; returns its id."""
        if self._challenge is None:
            raise AssistedInputError("Recommencez la connexion.", "Start the sign-in again.")
        body = {
            "challenge_id": self._challenge,
            "code": code.strip().replace(" ", ""),
            "device_name": self._device_name,
        }
        return self._open_session(self._public("/v1/auth/verify", body))

    def _open_session(self, tokens: dict[str, Any]) -> str:
        """With the session's tokens: create the temporary profile (once) and fetch the dossier; returns its id."""
        if self._profile is None or self._engine is None:
            access, refresh = str(tokens["access_token"]), str(tokens["refresh_token"])
            me = self._http.request("GET", "/v1/me", headers={"Authorization": f"Bearer {access}"}, auth=False).json()
            directory = ProfileDirectory(self.workspace / "profile", kdf=self._kdf or vault.DEFAULT_KDF)
            # A random one-time secret: the person's password is never kept on this PC, not even encrypted.
            profile, _ = directory.create(
                "Session accompagnée",
                secrets.token_urlsafe(32),
                device_mode="shared",
                own_dossier_id=str(me["dossier_id"]),
            )
            for key, value in ((S_URL, self.server_url), (S_ACCESS, access), (S_REFRESH, refresh)):
                profile.set_setting(key, value)
            self._profile, self._dossier_id = profile, str(me["dossier_id"])
            self._engine = SyncEngine(profile, transport=self._transport, backoff=self._backoff)
        self._engine.sync_once()
        self.receipt = Receipt(self.helper, self._identifier)
        if self._activated:
            self.receipt.note("Activation de votre espace Mon espace santé", "Your Mon espace santé activated")
        self.receipt.note("Connexion à votre espace santé", "Signed in to your health space")
        return self._dossier_id

    def _signed_in(self) -> tuple[UnlockedProfile, SyncEngine, Receipt]:
        if self._profile is None or self._engine is None or self.receipt is None:
            raise AssistedInputError("Connectez-vous d'abord.", "Sign in first.")
        return self._profile, self._engine, self.receipt

    def _bearer(self) -> dict[str, str]:
        profile, _, _ = self._signed_in()
        return {"Authorization": f"Bearer {profile.settings[S_ACCESS]}"}

    # -- first entries -------------------------------------------------------------------------------------------------
    def add_first_entries(
        self,
        *,
        allergies: Sequence[str] = (),
        treatments: Sequence[str] = (),
        contact_name: str = "",
        contact_phone: str = "",
    ) -> int:
        """Allergies, current treatments, one emergency contact; validated first, then saved and sent together."""
        profile, engine, receipt = self._signed_in()
        wanted: list[tuple[str, dict[str, Any]]] = [("allergy", {"name": a.strip()}) for a in allergies if a.strip()]
        wanted += [("treatment", {"name": t.strip(), "ongoing": True}) for t in treatments if t.strip()]
        if contact_name.strip() or contact_phone.strip():
            wanted.append(("emergency_contact", {"name": contact_name.strip(), "phone": contact_phone.strip()}))
        today = self.now().date()
        for kind, row in wanted:  # every row checked before anything is written: a typo loses nothing
            validate_entry(kind, row, today=today)
        store = profile.dossier()
        for kind in dict.fromkeys(k for k, _ in wanted):
            store.entries.create_many(kind, [row for k, row in wanted if k == kind])
        engine.sync_once()
        for kind, fr, en in (
            ("allergy", "allergie(s) ajoutée(s)", "allergy(ies) added"),
            ("treatment", "traitement(s) ajouté(s)", "treatment(s) added"),
            ("emergency_contact", "contact d'urgence ajouté", "emergency contact added"),
        ):
            n = sum(1 for k, _ in wanted if k == kind)
            if n:
                receipt.note(f"{n} {fr}", f"{n} {en}")
        return len(wanted)

    # -- médecin traitant ----------------------------------------------------------------------------------------------
    def authorise_medecin_traitant(self, rpps: str) -> None:
        """Authorise the doctor (RPPS, 11 digits) and designate them médecin traitant."""
        _, _, receipt = self._signed_in()
        rpps = rpps.replace(" ", "")
        if not (len(rpps) == 11 and rpps.isdigit()):
            raise AssistedInputError("Le numéro RPPS compte 11 chiffres.", "An RPPS number has 11 digits.")
        headers = self._bearer()
        self._http.request("PUT", f"/v1/me/access/professionals/{rpps}/authorisation", json={}, headers=headers)
        self._http.request("PUT", "/v1/me/access/medecin-traitant", json={"rpps": rpps}, headers=headers)
        receipt.note(f"Médecin traitant autorisé (RPPS {rpps})", f"Médecin traitant authorised (RPPS {rpps})")

    # -- carte d'urgence -----------------------------------------------------------------------------------------------
    def emergency_card_pdf(self) -> bytes:
        """The carte d'urgence built from the whole dossier as synced (in memory: never written to disk here)."""
        profile, _, receipt = self._signed_in()
        entries: list[Any] = list(profile.dossier().entries.list(limit=1000))
        if not any(e.kind == "identity" for e in entries):  # the card carries the person's name, from the service
            entries.insert(0, self._service_identity())
        pdf = build_emergency_card(entries, generated_at=self.now())
        receipt.note("Carte d'urgence imprimée", "Emergency card printed")
        return pdf

    def _service_identity(self) -> Any:
        """The identity the service holds (name, first names, birth date), as an entry of the card, in memory."""
        from desktop_app.account.link import identity_fields
        from desktop_app.account.space import identity_of

        body = self._http.request("GET", "/v1/me/dossier", headers=self._bearer(), auth=False).json()
        return _CardIdentity(identity_fields(identity_of(body)))

    # -- end -----------------------------------------------------------------------------------------------------------
    def finish(self) -> None:
        """Send what is left, then wipe everything local; safe to call twice. Raises if unsent changes remain."""
        if self._engine is not None:
            self._engine.sync_once()
        self.abandon()

    def abandon(self) -> None:
        """Wipe without sending (the person left, or the service is unreachable): lock, close, delete the folder."""
        if self._engine is not None:
            self._engine.http.close()
            self._engine = None
        if self._profile is not None:
            self._profile.lock()
            self._profile = None
        self._http.close()
        self._transport.close()
        self.helper_session.close()  # the helper signs in again for the next person
        self._challenge = None
        self._activation_id = None
        self._session_tokens = None
        shutil.rmtree(self.workspace, ignore_errors=True)
