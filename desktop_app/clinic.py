"""Clinic workstation (engine side): one encrypted profile per professional on a shared PC, the day's cache.

Plain Python, no Qt: the clinic screens call these from a worker thread. Profiles are created with
device_mode="shared" (never the OS keyring) and are found again by their label `Professionnel RPPS <rpps>`; each
opens only with that professional's password, so two professionals on one PC never see each other's caches.

« Préparer la journée » keeps on the PC only the dossiers the professional chose, with their documents' content by
a policy they set; a dossier opened offline from that cache is queued (in the encrypted profile) and reported to
the service at the next contact, so it lands in the patient's historique des accès.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, NewType

import httpx
from sqlalchemy import select

from desktop_app import clinic_care, schema
from desktop_app.care_history import CareHistory
from desktop_app.clinic_fates import ChangeFate, acknowledge, fates
from desktop_app.clinic_view import entry_kinds_to_load
from desktop_app.dossier_store import DossierStore, utc_now
from desktop_app.errors import CarnetError
from desktop_app.i18n import pick
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.setting_keys import SettingKey
from desktop_app.sync import account
from desktop_app.sync.engine import S_ACCESS, S_LEASES, S_REFRESH, S_URL, SyncEngine, SyncReport
from desktop_app.sync.http import Backoff, ServiceRefused, SyncHttp
from desktop_app.sync.oidc_login import oidc_login
from desktop_app.sync.policy import SyncPolicy
from desktop_app.sync.refusals import DISCARDED, RESENT
from dossier.access import EMERGENCY_REASON_MIN_TEXT, EmergencyReason, Profession, default_matrix
from dossier.passwords import check_password

Rpps = NewType("Rpps", str)
S_RPPS = SettingKey.CLINIC_RPPS
S_DAY = SettingKey.CLINIC_DAY  # the dossier ids chosen for the day: only these are cached
S_DOCUMENTS = SettingKey.CLINIC_DOCUMENTS  # the DocumentPolicy of the day
S_OPENS = SettingKey.CLINIC_OFFLINE_OPENS  # dossiers opened offline, not yet reported to the service
S_WHO = SettingKey.CLINIC_WHO
S_JOURNAL = SettingKey.CLINIC_JOURNAL
S_TRUSTED = SettingKey.CLINIC_TRUSTED_UNTIL
DEFAULT_TRUST = timedelta(hours=12)  # a shift: password + e-mailed code once, then the password alone
MIN_REASON = EMERGENCY_REASON_MIN_TEXT  # the service's rule for the free text of a bris de glace
RECENT_DAYS = 365
OPENS_PER_REQUEST = 200  # the service's limit per report


class DocumentPolicy(StrEnum):
    """Which documents' content the day's cache holds (titles and records are always there)."""

    NONE = "none"  # « aucun » : records and document titles only
    RECENT = "recent"  # « les 12 derniers mois » : content of documents dated (or added) within a year
    ALL = "all"  # « tous »


DEFAULT_POLICY = DocumentPolicy.RECENT


class ClinicInputError(CarnetError):
    """Something typed on the clinic workstation is not usable; nothing was sent."""

    exit_code = 2


def rpps_of(text: str) -> Rpps:
    value = text.replace(" ", "")
    if not (len(value) == 11 and value.isdigit()):
        raise ClinicInputError("Le numéro RPPS compte 11 chiffres.", "An RPPS number has 11 digits.")
    return Rpps(value)


def profile_label(rpps: Rpps) -> str:
    return f"Professionnel RPPS {rpps}"


@dataclass(frozen=True, slots=True)
class PatientSummary:
    dossier_id: str
    last_name: str
    first_names: str
    birth_date: str | None
    ins: str | None


@dataclass(frozen=True, slots=True)
class EmergencyAccess:
    dossier_id: str
    opened_at: datetime
    expires_at: datetime


def enrol(
    *, server_url: str, rpps: str, code: str, password: str, transport: httpx.BaseTransport | None = None
) -> Rpps:
    """First time: the RPPS and the enrolment code mailed by the service, and a password chosen under the policy
    (checked here first: nothing is sent with a weak one). The code is single-use; sign in afterwards."""
    who = rpps_of(rpps)
    code = code.replace(" ", "").replace("-", "").strip().upper()
    if not code:
        raise ClinicInputError("Saisissez le code d'enrôlement reçu par e-mail.", "Type the enrolment code e-mailed.")
    check_password(password, user_inputs=(who,))
    http = SyncHttp(server_url, transport=transport)
    try:
        body = {"rpps": who, "enrolment_code": code, "password": password}
        http.request("POST", "/v1/pro/enrolment", json=body, auth=False)
    finally:
        http.close()
    return who


def pro_sign_in(
    directory: ProfileDirectory,
    *,
    server_url: str,
    rpps: str,
    password: str,
    read_code: Callable[[], str],
    device_name: str,
    transport: httpx.BaseTransport | None = None,
    trust: timedelta = DEFAULT_TRUST,
    now: Callable[[], datetime] = utc_now,
) -> UnlockedProfile:
    """`login --professional`: password + e-mailed code, then this professional's own profile (created if new).

    The workstation is then trusted for `trust` (none when zero): until then, `trusted_unlock` opens the profile
    with the password alone."""
    who = rpps_of(rpps)
    http = SyncHttp(server_url, transport=transport)
    try:
        signed = account.login(
            http, identifier=who, password=password, read_code=read_code, device_name=device_name, professional=True
        )
        me = _who_am_i(http, signed.access_token)
    finally:
        http.close()
    return _own_profile(directory, who, password, server_url, signed, me=me, trust=trust, now=now)


def pro_sign_in_oidc(
    directory: ProfileDirectory,
    *,
    server_url: str,
    password: str,
    open_browser: Callable[[str], None],
    device_name: str,
    transport: httpx.BaseTransport | None = None,
    trust: timedelta = DEFAULT_TRUST,
    now: Callable[[], datetime] = utc_now,
) -> UnlockedProfile:
    """« Se connecter avec Pro Santé Connect »: the service signs the professional in through the browser (no Carnet
    password, no mailed code); `password` still opens (or creates) their own encrypted profile on this PC."""
    http = SyncHttp(server_url, transport=transport)
    try:
        signed = oidc_login(http, open_browser=open_browser, device_name=device_name)
        body = http.request(
            "GET", "/v1/pro/me", headers={"Authorization": f"Bearer {signed.access_token}"}, auth=False
        ).json()  # one read: the RPPS the provider proved, and the name and profession the header shows
        who, me = rpps_of(str(body["rpps"])), _who_from(body)
    finally:
        http.close()
    return _own_profile(directory, who, password, server_url, signed, me=me, trust=trust, now=now)


def _own_profile(
    directory: ProfileDirectory,
    who: Rpps,
    password: str,
    server_url: str,
    signed: account.SignedIn,
    *,
    me: dict[str, str] | None,
    trust: timedelta,
    now: Callable[[], datetime],
) -> UnlockedProfile:
    """This professional's profile on the PC (unlocked with `password`, created if new), holding the session, who
    they are, and until when this workstation is trusted for them (see `trusted_unlock`)."""
    mine = [p for p in directory.profiles() if p.label == profile_label(who)]
    if mine:
        profile = directory.unlock(password, profile_id=mine[0].profile_id)
    else:
        profile, _ = directory.create(profile_label(who), password, device_mode="shared", with_own_dossier=False)
    for key, value in ((S_URL, server_url), (S_ACCESS, signed.access_token), (S_REFRESH, signed.refresh_token)):
        profile.set_setting(key, value)
    profile.set_setting(S_RPPS, str(who))
    if me is not None:
        profile.set_setting(S_WHO, me)
    profile.set_setting(S_TRUSTED, (now() + trust).astimezone(UTC).isoformat() if trust > timedelta(0) else None)
    return profile


def trusted_unlock(
    directory: ProfileDirectory, *, rpps: str, password: str, now: Callable[[], datetime] = utc_now
) -> UnlockedProfile | None:
    """The professional's profile opened with the password alone, while this workstation is trusted for them
    (signed in with the e-mailed code within the trust period, not forgotten since); None: sign in fully."""
    who = rpps_of(rpps)
    mine = [p for p in directory.profiles() if p.label == profile_label(who)]
    if not mine:
        return None
    try:
        profile = directory.unlock(password, profile_id=mine[0].profile_id)
    except CarnetError:
        return None  # the full sign-in says what is wrong (the service checks the password too)
    until = profile.settings.get(S_TRUSTED)
    if until and datetime.fromisoformat(str(until)) > now() and profile.settings.get(S_REFRESH):
        return profile
    profile.lock()
    return None


def _who_am_i(http: SyncHttp, access_token: str) -> dict[str, str] | None:
    """Name and profession as the service registered them (GET /v1/pro/me), to keep in the encrypted profile."""
    try:
        body = http.request("GET", "/v1/pro/me", headers={"Authorization": f"Bearer {access_token}"}).json()
    except (CarnetError, ValueError):
        return None  # the header then shows the RPPS only; the next sign-in tries again
    return _who_from(body)


def _who_from(body: dict[str, object]) -> dict[str, str]:
    return {k: str(body.get(k) or "") for k in ("profession", "last_name", "first_names")}


@dataclass(frozen=True, slots=True)
class Who:
    """The signed-in professional as the header shows them."""

    rpps: str
    profession: Profession | None
    last_name: str
    first_names: str

    def title(self, lang: str | None = None) -> str:
        """« Anne DURAND — Infirmier·ère (RPPS 10000000001) »."""
        name = f"{self.first_names} {self.last_name.upper()}".strip()
        job = profession_label(self.profession, lang) if self.profession else ""
        parts = [p for p in (name, job) if p]
        return " — ".join(parts) + f" (RPPS {self.rpps})" if parts else f"RPPS {self.rpps}"


_PROFESSION_LABELS: dict[Profession, tuple[str, str]] = {
    Profession.MEDECIN_GENERALISTE: ("Médecin généraliste", "General practitioner"),
    Profession.MEDECIN_SPECIALISTE: ("Médecin spécialiste", "Specialist physician"),
    Profession.CHIRURGIEN_DENTISTE: ("Chirurgien-dentiste", "Dentist"),
    Profession.SAGE_FEMME: ("Sage-femme", "Midwife"),
    Profession.PHARMACIEN: ("Pharmacien·ne", "Pharmacist"),
    Profession.INFIRMIER: ("Infirmier·ère", "Nurse"),
    Profession.MASSEUR_KINESITHERAPEUTE: ("Masseur-kinésithérapeute", "Physiotherapist"),
    Profession.PEDICURE_PODOLOGUE: ("Pédicure-podologue", "Podiatrist"),
    Profession.ORTHOPHONISTE: ("Orthophoniste", "Speech therapist"),
    Profession.ORTHOPTISTE: ("Orthoptiste", "Orthoptist"),
    Profession.PSYCHOLOGUE: ("Psychologue", "Psychologist"),
    Profession.BIOLOGISTE: ("Biologiste", "Biologist"),
    Profession.MANIPULATEUR_RADIO: ("Manipulateur·rice radio", "Radiographer"),
    Profession.MEDECIN_DU_TRAVAIL: ("Médecin du travail", "Occupational physician"),
    Profession.MEDECIN_REGULATEUR_SAMU: ("Médecin régulateur (SAMU)", "SAMU regulating physician"),
}


def profession_label(profession: Profession, lang: str | None = None) -> str:
    fr, en = _PROFESSION_LABELS[profession]
    return pick(fr, en, lang)


@dataclass(frozen=True, slots=True)
class OfflineOpen:
    """A dossier opened from this PC's cache while the service was unreachable; `id` makes its report idempotent."""

    id: str
    dossier_id: str
    opened_at: datetime


def _wanted(profile: UnlockedProfile) -> set[str]:
    return {str(d) for d in profile.settings.get(S_DAY) or []}


class ClinicPolicy(SyncPolicy):
    """What a clinic profile holds: only the day's dossiers, and their documents' content by the day's policy.

    Everything else (push, pull, leases, revocation purge, backoff) is the plain engine's.
    """

    def __init__(self, profile: UnlockedProfile, clock: Callable[[], datetime]) -> None:
        self.profile = profile
        self.clock = clock

    def holds(self, dossier_id: str) -> bool:
        # The pull lists every dossier this professional may open as "available": adopt only the day's.
        return dossier_id in _wanted(self.profile)

    def bodies_wanted(self, store: DossierStore) -> Container[str] | None:
        policy = DocumentPolicy(self.profile.settings.get(S_DOCUMENTS) or DEFAULT_POLICY)
        if policy is DocumentPolicy.ALL:
            return None
        if policy is DocumentPolicy.NONE:
            return frozenset()
        since = (self.clock() - timedelta(days=RECENT_DAYS)).date().isoformat()
        with store.reading() as conn:
            return {
                r.id
                for r in conn.execute(
                    select(schema.documents.c.id, schema.documents.c.document_date, schema.documents.c.created_at)
                )
                if (r.document_date or r.created_at[:10]) >= since
            }


JOURNAL_MAX = 500
DAY = timedelta(hours=24)


def _within_day(at: str, now: datetime) -> bool:
    return now - datetime.fromisoformat(at) < DAY


@dataclass(frozen=True, slots=True)
class DayOpen:
    dossier_id: str
    name: str
    at: datetime
    online: bool


@dataclass(frozen=True, slots=True)
class EndOfDay:
    """« Fin de journée »: the day's openings, changes with their fate, the copies kept and when they are purged."""

    at: datetime
    opened: list[DayOpen]
    changes: list[ChangeFate]
    purged_at: dict[str, datetime]  # dossier id → end of its lease: the copy is erased from this PC then
    opens_unreported: int  # offline openings not yet told to the service


class ClinicSession:
    """A signed-in professional: their profile, its sync engine, and the professional API calls."""

    def __init__(
        self,
        profile: UnlockedProfile,
        *,
        transport: httpx.BaseTransport | None = None,
        backoff: Backoff | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.profile = profile
        self.clock = clock
        self.engine = SyncEngine(
            profile,
            policy=ClinicPolicy(profile, clock),
            transport=transport,
            backoff=backoff,
            device_clock=clock,
            before_sync=self.report_offline_opens,  # every contact, the background syncs' too
        )
        self.http = self.engine.http
        self.matrix = default_matrix()
        self._opens_lock = threading.Lock()

    # -- who is signed in, what they may add -------------------------------------------------------------------------
    def who(self) -> Who:
        settings = self.profile.settings
        known = settings.get(S_WHO) or {}
        try:
            profession: Profession | None = Profession(known.get("profession", ""))
        except ValueError:
            profession = None
        return Who(
            str(settings.get(S_RPPS, "")),
            profession,
            str(known.get("last_name", "")),
            str(known.get("first_names", "")),
        )

    def may_vaccinate(self) -> bool:
        """Whether the policy lets this profession record vaccinations (the form is offered only then)."""
        profession = self.who().profession
        return profession is not None and self.matrix.may_vaccinate(profession)

    def readable_kinds(self) -> set[str]:
        """The entry kinds the dossier view loads: those the policy lets this profession read."""
        who = self.who()
        return entry_kinds_to_load(who.profession, self.matrix, who.rpps or "00000000000", self.clock())

    def own_documents(self, dossier_id: str) -> set[str]:
        """The documents this professional added from this workstation (they may delete them; the service checks)."""
        outbox = schema.outbox
        query = select(outbox.c.entity_id).where(outbox.c.entity == "document", outbox.c.op == "create")
        with self.profile.dossier(dossier_id).reading() as conn:
            return set(conn.scalars(query))

    def _require_own(self, dossier_id: str, document_id: str) -> None:
        if document_id not in self.own_documents(dossier_id):
            raise ClinicInputError(
                "Vous ne pouvez modifier ou supprimer que les documents que vous avez ajoutés.",
                "You may only edit or delete the documents you added.",
            )

    def delete_own_document(self, dossier_id: str, document_id: str) -> None:
        self._require_own(dossier_id, document_id)
        self.engine.require_open(dossier_id).documents.delete(document_id, by_its_author=True)

    def retitle_own_document(self, dossier_id: str, document_id: str, title: str, when: date | None) -> None:
        """Title and date of one's own document (the service's policy checks the author again)."""
        self._require_own(dossier_id, document_id)
        documents = self.engine.require_open(dossier_id).documents
        documents.retitle(document_id, title=title, document_date=when, by_its_author=True)

    # -- the fate of each change ---------------------------------------------------------------------------------------
    def changes(self) -> list[ChangeFate]:
        """Each change made here: refused (with why, until acknowledged), waiting, or sent within the day."""
        return fates(self.profile, self.clock())

    def acknowledge(self, dossier_id: str, mutation_ids: Sequence[str], *, corrected: bool = False) -> None:
        """The professional has read these refusals (or put one back in the form to correct): they leave the list."""
        acknowledge(self.profile, dossier_id, mutation_ids, outcome=RESENT if corrected else DISCARDED)

    def search(
        self, *, name: str | None = None, birth_date: date | None = None, ins: str | None = None
    ) -> list[PatientSummary]:
        """The dossiers this professional may open now, by name, birth date or INS (any may be left out)."""
        params = {"name": name or None, "birth_date": birth_date.isoformat() if birth_date else None, "ins": ins}
        query = str(httpx.QueryParams({k: v for k, v in params.items() if v}))
        rows = self.http.request("GET", f"/v1/pro/dossiers?{query}" if query else "/v1/pro/dossiers").json()
        return [
            PatientSummary(
                str(r["dossier_id"]), str(r["last_name"]), str(r["first_names"]), r.get("birth_date"), r.get("ins")
            )
            for r in rows
        ]

    def care_history(self, dossier_id: str) -> CareHistory:
        """The patient's histoire de santé from the service, its copy kept with the dossier's (when held here)."""
        held = dossier_id in self.profile.dossier_ids()
        return clinic_care.fetch(
            self.http, dossier_id, self.engine.require_open(dossier_id) if held else None, self.clock
        )

    def kept_care_history(self, dossier_id: str) -> CareHistory | None:
        """The last copy fetched on this workstation (offline too), or None."""
        if dossier_id not in self.profile.dossier_ids():
            return None
        return clinic_care.kept(self.engine.require_open(dossier_id))

    def open(self, dossier_id: str) -> dict[str, Any]:
        """Open a dossier on the service (audited, the patient is notified)."""
        view: dict[str, Any] = self.http.request("GET", f"/v1/pro/dossiers/{dossier_id}").json()
        return view

    def prepare_day(self, dossier_ids: Sequence[str], *, documents: DocumentPolicy) -> list[str]:
        """Cache exactly the chosen dossiers (documents by `documents`), drop the others; returns the cached ids.

        A dossier no longer chosen but with changes not yet sent stays until they are sent. `cancel()` interrupts
        it (SyncCancelled): what was fetched stays; after `resume()` the next sync goes on from there.
        """
        chosen: list[str] = []
        for value in dossier_ids:
            try:
                chosen.append(str(uuid.UUID(str(value))))
            except ValueError as exc:
                raise ClinicInputError("Dossier inconnu.", "Unknown dossier.") from exc
        policy = DocumentPolicy(documents)
        self.profile.set_setting(S_DAY, sorted(set(chosen)))
        self.profile.set_setting(S_DOCUMENTS, policy.value)
        for held in self.profile.dossier_ids():
            if not self.engine.policy.holds(held):
                self.engine.drop(held)  # kept while it has changes not yet sent
        self.sync()
        return self.profile.dossier_ids()

    def day(self) -> tuple[list[str], DocumentPolicy]:
        """The dossiers chosen for the day and the document policy (none chosen yet: nothing, DEFAULT_POLICY)."""
        settings = self.profile.settings
        return [str(d) for d in settings.get(S_DAY) or []], DocumentPolicy(settings.get(S_DOCUMENTS) or DEFAULT_POLICY)

    def sync(self) -> SyncReport:
        """One contact with the service: report the offline opens, then sync (send, receive, purge revoked)."""
        return self.engine.sync_once()  # its `before_sync` reports the opens

    def cancel(self) -> None:
        """Interrupt a sync in progress (a preparation of the day); nothing fetched so far is lost.

        Syncs keep refusing (SyncCancelled) until `resume()`: callers resume before queuing new work, so a cancel
        pressed while the work waits in the queue is never lost.
        """
        self.engine.cancel(wait=False)

    def resume(self) -> None:
        self.engine.resume()

    # -- « Fin de journée » ------------------------------------------------------------------------------------------
    def note_open(self, dossier_id: str, name: str, *, online: bool) -> None:
        """Keep, in the encrypted profile, that a dossier was opened today (the end-of-day sheet lists them)."""
        now = self.clock().astimezone(UTC)
        with self._opens_lock:
            kept = [o for o in self.profile.settings.get(S_JOURNAL) or [] if _within_day(o["at"], now)]
            kept.append({"dossier_id": dossier_id, "name": name, "at": now.isoformat(), "online": online})
            self.profile.set_setting(S_JOURNAL, kept[-JOURNAL_MAX:])

    def end_of_day(self) -> EndOfDay:
        """What the day leaves: dossiers opened, changes (sent, waiting, refused and why), copies and their purge."""
        now = self.clock().astimezone(UTC)
        opened = [
            DayOpen(str(o["dossier_id"]), str(o["name"]), datetime.fromisoformat(o["at"]), bool(o["online"]))
            for o in self.profile.settings.get(S_JOURNAL) or []
            if _within_day(o["at"], now)
        ]
        return EndOfDay(now, opened, self.changes(), self.offline_until(), len(self.offline_opens()))

    # -- dossiers opened offline --------------------------------------------------------------------------------------
    def note_offline_open(self, dossier_id: str) -> OfflineOpen:
        """Queue, durably and encrypted, that a cached dossier was opened offline (reported at the next contact)."""
        opened = OfflineOpen(str(uuid.uuid4()), dossier_id, self.clock().astimezone(UTC))
        with self._opens_lock:
            queued = list(self.profile.settings.get(S_OPENS) or [])
            queued.append({"id": opened.id, "dossier_id": dossier_id, "opened_at": opened.opened_at.isoformat()})
            self.profile.set_setting(S_OPENS, queued)
        return opened

    def offline_opens(self) -> list[OfflineOpen]:
        """The offline opens not yet reported to the service, oldest first."""
        return [
            OfflineOpen(str(o["id"]), str(o["dossier_id"]), datetime.fromisoformat(o["opened_at"]))
            for o in self.profile.settings.get(S_OPENS) or []
        ]

    def _forget_opens(self, ids: set[str]) -> None:
        with self._opens_lock:
            queued = [o for o in self.profile.settings.get(S_OPENS) or [] if str(o["id"]) not in ids]
            self.profile.set_setting(S_OPENS, queued)

    def report_offline_opens(self) -> int:
        """Send the queued opens, per dossier; each leaves the queue once the service has it (a resend is harmless).

        A 403 means the authorisation was revoked meanwhile: the service still recorded the opens, and the sync
        that follows purges the dossier and tells the professional. Raises SyncOffline when unreachable.
        """
        by_dossier: dict[str, list[OfflineOpen]] = {}
        for opened in self.offline_opens():
            by_dossier.setdefault(opened.dossier_id, []).append(opened)
        sent = 0
        for dossier_id, opens in by_dossier.items():
            for start in range(0, len(opens), OPENS_PER_REQUEST):
                batch = opens[start : start + OPENS_PER_REQUEST]
                body = {"opens": [{"id": o.id, "opened_at": o.opened_at.isoformat()} for o in batch]}
                try:
                    self.http.request("POST", f"/v1/pro/dossiers/{dossier_id}/offline-opens", json=body)
                except ServiceRefused as exc:
                    if exc.status not in (403, 404):
                        raise
                self._forget_opens({o.id for o in batch})
                sent += len(batch)
        return sent

    def offline_until(self) -> dict[str, datetime]:
        """Per cached dossier, when its lease ends: « disponible hors ligne jusqu'au … »."""
        leases = self.profile.settings.get(S_LEASES) or {}
        states = self.engine.lease_states()
        return {
            dossier_id: datetime.fromisoformat(lease["checked_in"]).astimezone(UTC) + timedelta(seconds=lease["lease"])
            for dossier_id, lease in leases.items()
            if states.get(dossier_id) == "ok"
        }

    def emergency_access(self, *, ins: str, reason_code: str, reason: str) -> EmergencyAccess:
        """Bris de glace (online only): a reason from the list and a free text; refused by the service when the
        patient opposed it, or while this professional is throttled."""
        reason = " ".join(reason.split())
        if len(reason) < MIN_REASON or not ins.strip() or reason_code not in set(EmergencyReason):
            raise ClinicInputError(
                f"Indiquez l'INS, un motif de la liste et une précision d'au moins {MIN_REASON} caractères.",
                f"Give the INS, a reason from the list and details of at least {MIN_REASON} characters.",
            )
        payload = {"ins": ins.strip(), "reason_code": reason_code, "reason": reason}
        body = self.http.request("POST", "/v1/pro/emergency-access", json=payload).json()
        return EmergencyAccess(
            str(body["dossier_id"]),
            datetime.fromisoformat(body["opened_at"].replace("Z", "+00:00")),
            datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00")),
        )

    def forget_trust(self) -> None:
        """« Changer d'utilisateur », the idle lock: the next sign-in asks for the e-mailed code again."""
        self.profile.set_setting(S_TRUSTED, None)

    def trusted_until(self) -> datetime | None:
        until = self.profile.settings.get(S_TRUSTED)
        return datetime.fromisoformat(str(until)) if until else None

    def logout(self) -> None:
        """Drop the keys: the engine stops, the profile locks; the caller clears its views."""
        self.engine.cancel()
        self.engine.http.close()
        self.profile.lock()
