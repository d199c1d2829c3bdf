"""Insurer and operator tools: provisioning and feed files (CSV or JSON), periodic jobs, recording a death."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from dossier.errors import DossierValidationError, FieldIssue
from dossier.identifiers import normalize_carte_vitale_serial, normalize_nir
from server.access.models import AccessSettings, EmergencyAccess
from server.access.service import EMERGENCY_MISSED, load_access_context, save_consent
from server.accounts.models import (
    AccessToken,
    Account,
    Device,
    OneTimeCode,
    PrincipalKind,
    Professional,
    RefreshToken,
    Throttle,
)
from server.accounts.throttle import FORGET_AFTER
from server.audit.models import AuditEvent
from server.audit.service import SYSTEM, record
from server.context import ServiceContext
from server.db import claim_job
from server.dossiers.models import Dossier, SpaceStatus
from server.dossiers.service import Beneficiary, close, purge
from server.feed.service import KINDS, CareItem
from server.messages.models import Conversation
from server.storage import Area, blob_store
from server.sync.jobs import TombstoneReport, drop_upload_files, purge_abandoned_uploads, purge_tombstones
from server.sync.models import SyncUpload

PROVISION_COLUMNS = ("nir", "carte_vitale_serial", "last_name", "first_names", "birth_date", "email")
FEED_COLUMNS = ("record_id", "nir", "kind", "date", "label")
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_BUNDLE_BYTES = 20 * 1024 * 1024

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S", bound=Select[Any])


class InputFileError(Exception):
    """A file the tools refuse as a whole; `problems` lists every line at fault, in French and English."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _rows(path: Path, required: tuple[str, ...]) -> list[dict[str, Any]]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputFileError([f"{path.name} : fichier trop gros / file too large"])
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError([f"{path.name} : lecture impossible / cannot read ({type(exc).__name__})"]) from exc
    rows: list[dict[str, Any]]
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputFileError([f"{path.name} : JSON invalide ligne {exc.lineno} / invalid JSON"]) from exc
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise InputFileError([f"{path.name} : une liste d'objets est attendue / a list of objects is expected"])
        rows = data
    else:
        reader = csv.DictReader(io.StringIO(text))
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise InputFileError([f"{path.name} : colonnes manquantes / missing columns: {', '.join(missing)}"])
        rows = list(reader)
    return rows


def _text(row: dict[str, Any], name: str, *, max_len: int, required: bool = True) -> str | None:
    value = row.get(name)
    value = "" if value is None else str(value).strip()
    if not value:
        if required:
            raise DossierValidationError.single(name, "required", "valeur obligatoire", "value required")
        return None
    if len(value) > max_len:
        raise DossierValidationError.single(name, "too_long", "valeur trop longue", "value too long")
    return value


def _date(row: dict[str, Any], name: str) -> date:
    raw = _text(row, name, max_len=10) or ""
    try:
        if "/" in raw:
            d, m, y = raw.split("/")
            return date(int(y), int(m), int(d))
        return date.fromisoformat(raw)
    except ValueError as exc:
        raise DossierValidationError.single(
            name, "invalid_date", "date invalide (AAAA-MM-JJ)", "invalid date (YYYY-MM-DD)"
        ) from exc


def _email(row: dict[str, Any]) -> str:
    value = (_text(row, "email", max_len=254) or "").lower()
    local, at, domain = value.partition("@")
    if not at or not local or "." not in domain or " " in value:
        raise DossierValidationError.single("email", "invalid_email", "adresse e-mail invalide", "invalid e-mail")
    return value


def _parse_all(rows: list[dict[str, Any]], parse: Callable[[dict[str, Any]], T], *, first_line: int) -> list[T]:
    """Parse every row; collect every problem with its line number, refuse the file if there is any."""
    items: list[T] = []
    problems: list[str] = []
    for index, row in enumerate(rows):
        try:
            items.append(parse(row))
        except DossierValidationError as exc:
            problems.extend(
                f"ligne/line {index + first_line}: {i.field}: {i.message_fr} / {i.message_en}" for i in exc.issues
            )
    if problems:
        raise InputFileError(problems)
    return items


def read_provisioning_file(path: Path) -> list[Beneficiary]:
    base = path.parent
    first_line = 1 if path.suffix.lower() == ".json" else 2

    def parse(row: dict[str, Any]) -> Beneficiary:
        issues: list[FieldIssue] = []
        values: dict[str, Any] = {}
        for key, fn in (
            ("nir", lambda: normalize_nir(str(row.get("nir") or ""))),
            (
                "carte_vitale_serial",
                lambda: normalize_carte_vitale_serial(str(row.get("carte_vitale_serial") or "")),
            ),
            ("last_name", lambda: _text(row, "last_name", max_len=200)),
            ("first_names", lambda: _text(row, "first_names", max_len=200)),
            ("birth_date", lambda: _date(row, "birth_date")),
            ("email", lambda: _email(row)),
            ("phone", lambda: _text(row, "phone", max_len=32, required=False)),
            ("legacy_bundle", lambda: _legacy_bundle(base, row)),
        ):
            try:
                values[key] = fn()
            except DossierValidationError as exc:
                issues.extend(exc.issues)
        if issues:
            raise DossierValidationError(issues)
        return Beneficiary(**values)

    return _parse_all(_rows(path, PROVISION_COLUMNS), parse, first_line=first_line)


def _legacy_bundle(base: Path, row: dict[str, Any]) -> str | None:
    name = _text(row, "legacy_dmp_bundle", max_len=1000, required=False)
    if name is None:
        return None
    target = (base / name).resolve()
    try:
        if target.stat().st_size > MAX_BUNDLE_BYTES:
            raise ValueError("too large")
        bundle = json.loads(target.read_text(encoding="utf-8"))
        if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
            raise ValueError("not a bundle")
    except (OSError, ValueError) as exc:
        raise DossierValidationError.single(
            "legacy_dmp_bundle",
            "invalid_bundle",
            "dossier DMP illisible (un Bundle FHIR JSON est attendu)",
            "unreadable legacy DMP (a FHIR JSON Bundle is expected)",
        ) from exc
    return json.dumps(bundle, ensure_ascii=False)


def read_care_history_file(path: Path) -> list[CareItem]:
    first_line = 1 if path.suffix.lower() == ".json" else 2

    def parse(row: dict[str, Any]) -> CareItem:
        kind = _text(row, "kind", max_len=16) or ""
        if kind not in KINDS:
            raise DossierValidationError.single(
                "kind",
                "invalid_kind",
                "« consultation » ou « medicine » attendu",
                "'consultation' or 'medicine'",
            )
        return CareItem(
            record_id=_text(row, "record_id", max_len=64) or "",
            nir=normalize_nir(str(row.get("nir") or "")),
            kind=kind,
            care_date=_date(row, "date"),
            label=_text(row, "label", max_len=300) or "",
            professional_name=_text(row, "professional", max_len=200, required=False),
        )

    return _parse_all(_rows(path, FEED_COLUMNS), parse, first_line=first_line)


@dataclass(frozen=True, slots=True)
class JobsReport:
    spaces_created: int
    archives_deleted: int
    deletions_executed: int
    codes_expired: int
    sessions_expired: int
    tombstones_purged: int  # deleted records whose kept values were erased (see server.sync.jobs)
    document_bodies_purged: int
    uploads_abandoned: int  # unfinished document uploads dropped after 30 days


def _for_work(query: S) -> S:
    """Rows a job is about to act on, locked for its transaction; rows another node's job holds are skipped
    (PostgreSQL `FOR UPDATE SKIP LOCKED`: that node does them). SQLite ignores it: its writer lock serialises jobs."""
    return query.with_for_update(skip_locked=True)


DEADLOCK_RETRIES = 3


def _step(session: Session, name: str, work: Callable[[], R], nothing: R) -> R:
    """One job in its own transaction, committed at its end, run by one process at a time (`claim_job`): a process
    that finds it taken skips it (`nothing`), the one running it does the work. PostgreSQL may still end one of two
    jobs that delete overlapping rows with a deadlock error: that job is rolled back and tried again."""
    for attempt in range(DEADLOCK_RETRIES):
        session.commit()  # a fresh transaction: the lock is the first thing taken
        try:
            if not claim_job(session, name):
                session.rollback()
                return nothing
            done = work()
            session.commit()
            return done
        except OperationalError as exc:
            session.rollback()
            if getattr(exc.orig, "sqlstate", None) != "40P01" or attempt == DEADLOCK_RETRIES - 1:
                raise
    return nothing  # not reached


def erase_space_blobs(session: Session, blob_root: Path, dossier_id: uuid.UUID) -> None:
    """Everything a space keeps outside the database: its document bodies, its conversations' attachments, the bytes
    of its uploads in progress. Done before its rows go, in the same job transaction: a store out of reach fails the
    job, which the next run does again, so a deleted space never leaves a blob behind (the price: a transaction that
    fails after this leaves a space being deleted without its bodies until the next run)."""
    store = blob_store(blob_root)
    store.delete_owner(Area.BODIES, dossier_id)
    for conversation_id in session.scalars(select(Conversation.id).where(Conversation.dossier_id == dossier_id)):
        store.delete_owner(Area.ATTACHMENTS, conversation_id)
    for upload_id in session.scalars(select(SyncUpload.id).where(SyncUpload.dossier_id == dossier_id)):
        drop_upload_files(blob_root, upload_id)


def run_jobs(session: Session, ctx: ServiceContext) -> JobsReport:
    """The periodic jobs, each idempotent: running them twice changes nothing more.

    Safe on every node at once (docs/SCALING.md): each job is its own transaction under a job lock, and the dossiers
    it acts on are locked with SKIP LOCKED, so `carnet-server admin jobs run` started by several nodes together does
    each piece of work once (one audit row per space created or deleted). Each job is committed when it ends."""
    now = ctx.now()

    def create_due_spaces() -> int:
        due = list(
            session.scalars(
                _for_work(
                    select(Dossier).where(Dossier.status == SpaceStatus.PENDING, Dossier.opposition_deadline <= now)
                )
            )
        )
        for dossier in due:
            dossier.status = SpaceStatus.CREATED
            dossier.created_at = now
            record(session, actor=SYSTEM, action="space.created", at=now, dossier_id=dossier.id)
        return len(due)

    def delete_spaces(where: Any) -> Callable[[], int]:
        def work() -> int:
            ids = list(session.scalars(_for_work(select(Dossier.id).where(where))))
            for dossier_id in ids:
                erase_space_blobs(session, blob_root, dossier_id)
                purge(session, dossier_id)
                record(session, actor=SYSTEM, action="space.deleted", at=now, dossier_id=dossier_id)
            return len(ids)

        return work

    def expire_codes() -> int:
        return int(
            session.execute(
                delete(OneTimeCode).where((OneTimeCode.expires_at <= now) | OneTimeCode.used_at.is_not(None))
            ).rowcount  # type: ignore[attr-defined]
        )

    def expire_sessions() -> int:
        gone = session.execute(delete(AccessToken).where(AccessToken.expires_at <= now)).rowcount  # type: ignore[attr-defined]
        gone += session.execute(delete(RefreshToken).where(RefreshToken.expires_at <= now)).rowcount  # type: ignore[attr-defined]
        session.execute(delete(Throttle).where(Throttle.last_failure_at <= now - FORGET_AFTER))
        return int(gone)

    blob_root = ctx.settings.blob_root
    spaces_created = _step(session, "spaces.create", create_due_spaces, 0)
    archives = _step(
        session,
        "spaces.archives",
        delete_spaces((Dossier.status == SpaceStatus.CLOSED) & (Dossier.archive_until <= now)),
        0,
    )
    deletions = _step(session, "spaces.deletions", delete_spaces(Dossier.status == SpaceStatus.DELETION_REQUESTED), 0)
    codes = _step(session, "codes.expire", expire_codes, 0)
    sessions = _step(session, "sessions.expire", expire_sessions, 0)
    tombstones = _step(
        session,
        "sync.tombstones",
        lambda: purge_tombstones(session, now=now, data_dir=blob_root),
        TombstoneReport(records=0, bodies=0),
    )
    abandoned = _step(session, "sync.uploads", lambda: purge_abandoned_uploads(session, now=now, data_dir=blob_root), 0)
    return JobsReport(
        spaces_created=spaces_created,
        archives_deleted=archives,
        deletions_executed=deletions,
        codes_expired=codes,
        sessions_expired=sessions,
        tombstones_purged=tombstones.records,
        document_bodies_purged=tombstones.bodies,
        uploads_abandoned=abandoned,
    )


class DeathRecordError(Exception):
    """A death the tool refuses to record (unknown NIR, date in the future); nothing was changed."""

    def __init__(self, message_fr: str, message_en: str) -> None:
        super().__init__(f"{message_fr} / {message_en}")
        self.message_fr, self.message_en = message_fr, message_en


@dataclass(frozen=True, slots=True)
class DeathReport:
    dossier_id: str
    deceased_on: str
    space_closed: bool
    devices_revoked: int


def record_death(session: Session, ctx: ServiceContext, *, nir: str, day: date) -> DeathReport:
    """Record a death notified by the Assurance Maladie (RNIPP): an administrative act, never a patient's.

    The space is closed (archived like any closure) and the holder's devices are signed out; from then on the
    policy refuses the holder, representatives and aidants (``patient_deceased``) and heirs may ask for access.
    Recording the same death twice changes nothing more.
    """
    try:
        checked = normalize_nir(nir)
    except DossierValidationError as exc:
        raise DeathRecordError(exc.message("fr"), exc.message("en")) from exc
    dossier = session.scalars(select(Dossier).where(Dossier.nir == checked)).first()
    if dossier is None:
        raise DeathRecordError("Aucun espace santé pour ce NIR.", "No health space for this NIR.")
    now = ctx.now()
    if day > now.date():
        raise DeathRecordError("La date de décès est dans le futur.", "The date of death is in the future.")
    if session.get(AccessSettings, dossier.id) is None:
        save_consent(session, dossier.id, load_access_context(session, dossier.id, now).consent, now=now)
    settings = session.get(AccessSettings, dossier.id)
    assert settings is not None
    settings.deceased_at = datetime.combine(day, time(), tzinfo=UTC)
    settings.updated_at = now
    closing = dossier.status == SpaceStatus.ACTIVE
    if closing:
        close(session, ctx, dossier, actor=SYSTEM)
    holders = select(Account.id).where(Account.dossier_id == dossier.id)
    revoked = session.execute(
        update(Device)
        .where(
            Device.principal_kind == PrincipalKind.PATIENT,
            Device.principal_id.in_(holders),
            Device.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    ).rowcount  # type: ignore[attr-defined]
    record(session, actor=SYSTEM, action="space.death_recorded", at=now, dossier_id=dossier.id)
    return DeathReport(
        dossier_id=str(dossier.id), deceased_on=day.isoformat(), space_closed=closing, devices_revoked=revoked
    )


# -- unusual emergency access (issue 15 #4) ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EmergencyUse:
    """One professional's emergency accesses over the report's window (never a reason's text: only its code)."""

    rpps: str
    name: str
    accesses: int
    dossiers: int
    misses: int  # emergency accesses asked on an INS that names no open space
    reasons: dict[str, int]


def _reason_code(reason: str) -> str:
    """`[code] text` as stored since reasons have codes; older rows have none."""
    return reason[1 : reason.index("]")] if reason.startswith("[") and "]" in reason else "unspecified"


def emergency_report(session: Session, *, since: datetime, threshold: int) -> list[EmergencyUse]:
    """The professionals whose emergency accesses plus misses since `since` reach `threshold`, most first."""
    accesses: dict[str, list[EmergencyAccess]] = {}
    for row in session.scalars(select(EmergencyAccess).where(EmergencyAccess.opened_at >= since)):
        accesses.setdefault(row.rpps, []).append(row)
    misses: dict[str, int] = {
        rpps: int(count)
        for rpps, count in session.execute(
            select(Professional.rpps, func.count())
            .join(AuditEvent, AuditEvent.actor_id == Professional.id)
            .where(AuditEvent.action == EMERGENCY_MISSED, AuditEvent.at >= since)
            .group_by(Professional.rpps)
        )
    }
    found = []
    for rpps in sorted(accesses.keys() | misses.keys()):
        rows = accesses.get(rpps, [])
        if len(rows) + misses.get(rpps, 0) < threshold:
            continue
        pro = session.scalars(select(Professional).where(Professional.rpps == rpps)).first()
        reasons: dict[str, int] = {}
        for row in rows:
            code = _reason_code(row.reason)
            reasons[code] = reasons.get(code, 0) + 1
        found.append(
            EmergencyUse(
                rpps=rpps,
                name=f"{pro.last_name} {pro.first_names}" if pro is not None else "?",
                accesses=len(rows),
                dossiers=len({row.dossier_id for row in rows}),
                misses=misses.get(rpps, 0),
                reasons=reasons,
            )
        )
    return sorted(found, key=lambda use: -(use.accesses + use.misses))
