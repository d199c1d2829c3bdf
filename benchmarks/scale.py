"""The service at scale: synthetic populations of 10k, 100k and 1M dossiers in PostgreSQL, measured through the real
service, on the partitioned schema (migration head) and the unpartitioned one (the tables of revision 0900).

For each size and schema: a fresh database, migrated with Alembic; a population written with PostgreSQL COPY
(psycopg's `cursor.copy`, never through the API): dossiers, patient accounts with a device and an access token each,
professionals (one per 100 dossiers, so each has ~200 patients at every size), two authorised professionals per
dossier, `--records` sync records per dossier (entries with 200-400 bytes of JSON) with their stream, their ledger rows
and the head's `last_seq` and XOR digest computed as the service does, audit events (HMAC-chained with the audit key
the service is then started with: `audit verify` passes) and notifications. Then `VACUUM (ANALYZE)`, the disk sizes,
and `carnet-server serve` in a subprocess on loopback; 50 concurrent keep-alive clients (benchmarks/server_load.py's
generator, in separate processes) measure, each phase on every client at once:

- no-op pull: a patient up to date pulls their dossier (nothing after the cursor);
- pull, 1 change: the cursor one step behind the head (the last record comes back; an audit row is written);
- access history: GET /v1/me/access/history (the audit events of the dossier, newest first; an audit row written);
- professional's list: GET /v1/pro/dossiers (50 clients, 50 professionals, each ~200 authorised patients);
- push of 10 mutations: 10 new entries per request on a new stream of the client's dossier.

Target: p99 at the largest size within 1.5x of p99 at the smallest, for every operation, on the partitioned schema
(PASS/FAIL printed); the unpartitioned figures beside. The sampled accounts (the ones the load uses) are checked
through the API before the clock starts: their tokens work, the no-op pull answers the generated digest, the history
and the professional's list are full pages. Each database is dropped after its measurement.

What is approximated: every record is an entry (no documents, blobs, conflicts or held-back items); no access settings
rows (every dossier has the defaults), no aidants, representatives or emergency accesses; the audit trail has 6 events
per dossier (sign-in, 2 pushes, a professional's pull and read, a history read) and 2 notifications, each dossier's
rows spread over its chunk of 5,000 dossiers (not over years of interleaving); tokens are random (only the sampled
ones are known); FK triggers are off during COPY (`session_replication_role = replica`, when allowed): the rows are
consistent by construction.

    .venv/bin/python benchmarks/scale.py --postgres-url postgresql+psycopg://postgres@127.0.0.1:55492/carnet_test \
        --sizes 10000,100000 --schema both
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import secrets
import sys
import tempfile
import time
import uuid
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple, cast

import httpx
import psycopg
from sqlalchemy import make_url
from sqlalchemy.dialects import postgresql

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.server_load import (  # noqa: E402
    PASSWORD,
    Phase,
    Shot,
    hammer,
    listening_pid,
    load_average,
    loop_name,
    pull_shot,
    running_server,
)
from dossier.access.policy import NotificationEvent  # noqa: E402
from dossier.identifiers import nir_key  # noqa: E402
from server.accounts.models import Account, AccountStatus, Device, PrincipalKind  # noqa: E402
from server.audit.checkpoints import write_checkpoint  # noqa: E402
from server.audit.models import AuditEvent  # noqa: E402
from server.audit.service import GENESIS, row_hash, verify  # noqa: E402
from server.config import Argon2Params, Settings  # noqa: E402
from server.context import ServiceContext  # noqa: E402
from server.db import head_revision, migrate  # noqa: E402
from server.dossiers.models import Dossier, SpaceStatus  # noqa: E402
from server.security import PasswordHasher, sha256_hex  # noqa: E402
from server.sync.service import digest_hex, encode_cursor  # noqa: E402

UNPARTITIONED = "0900"  # the last revision before `1000_partition_by_dossier`
PATIENTS_PER_PROFESSIONAL = 100  # one professional per 100 dossiers, two per dossier: ~200 patients each
PROFESSION = "medecin_generaliste"
CHUNK = 5_000  # dossiers per COPY round (one transaction)
PUSH_BATCH = 10
TARGET = 1.5  # p99 at the largest size / p99 at the smallest, at most
OPERATIONS = ("no-op pull", "pull, 1 change", "access history", "pro's dossier list", f"push, {PUSH_BATCH} entries")

LAST_NAMES = [
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lefèvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
    "Gautier",
    "Masson",
]
FIRST_NAMES = [
    "Marie",
    "Jean",
    "Pierre",
    "Michel",
    "Anne",
    "Philippe",
    "Nathalie",
    "Isabelle",
    "Alain",
    "Sylvie",
    "Catherine",
    "Patrick",
    "Nicolas",
    "Christophe",
    "Françoise",
    "Sandrine",
    "Julien",
    "Camille",
    "Léa",
    "Hugo",
    "Chloé",
    "Lucas",
    "Manon",
    "Louis",
    "Emma",
    "Gabriel",
    "Inès",
    "Jules",
    "Zoé",
    "Arthur",
]

# Entries as the desktop client pushes them (JSON of a record's values): 200-400 bytes each, French text.
ENTRIES: tuple[tuple[str, dict[str, Any]], ...] = (
    (
        "allergy",
        {
            "name": "Pénicilline",
            "reaction": "Urticaire généralisée deux heures après la première prise",
            "severity": "moderate",
            "since": "2014-05-12",
            "code": {"system": "http://snomed.info/sct", "code": "764146007", "display": "Penicillin"},
            "note": "Confirmée par l'allergologue ; éviter toutes les bêta-lactamines",
        },
    ),
    (
        "treatment",
        {
            "name": "Metformine 850 mg",
            "dosage": "1 comprimé matin et soir pendant les repas",
            "since": "2019-02-01",
            "prescriber": "Dr Martin",
            "code": {"system": "http://www.whocc.no/atc", "code": "A10BA02", "display": "metformin"},
            "ongoing": True,
        },
    ),
    (
        "condition",
        {
            "name": "Diabète de type 2",
            "since": "2018-11-20",
            "status": "active",
            "code": {"system": "http://hl7.org/fhir/sid/icd-10", "code": "E11.9", "display": "Type 2 diabetes"},
            "note": "HbA1c 6,8 % au dernier bilan, suivi trimestriel",
        },
    ),
    (
        "vaccination",
        {
            "name": "DTCaPolio (rappel)",
            "date": "2021-09-14",
            "lot": "X3K91",
            "by": "Pharmacie du Centre",
            "code": {"system": "http://www.whocc.no/atc", "code": "J07CA02", "display": "DTaP-IPV"},
            "next": "2041-09-14",
        },
    ),
    (
        "measurement",
        {
            "name": "Tension artérielle",
            "systolic": 128,
            "diastolic": 82,
            "unit": "mmHg",
            "date": "2025-03-02",
            "context": "au repos, bras gauche, après cinq minutes assis",
            "code": {"system": "http://loinc.org", "code": "85354-9", "display": "Blood pressure panel"},
        },
    ),
    (
        "procedure",
        {
            "name": "Appendicectomie",
            "date": "2002-07-08",
            "place": "Hôpital Saint-Louis, Paris",
            "code": {"system": "http://www.ccam.fr", "code": "HHFA016", "display": "Appendicectomie"},
            "note": "Sous cœlioscopie, suites simples",
        },
    ),
)


def _copy_text(value: str) -> str:
    """A value for COPY's text format (our values hold no tab, newline or backslash: refuse them loudly)."""
    assert "\t" not in value and "\n" not in value and "\\" not in value, value
    return value


# Every record's values, as COPY text: the template's JSON with the record's number in its note.
VALUES = tuple(
    (kind, _copy_text(json.dumps({**values, "n": 0}, ensure_ascii=False, separators=(",", ":"))[:-2]))
    for kind, values in ENTRIES
)


def db_value(column: Any, member: Any) -> str:
    """How SQLAlchemy stores an enum member in this column (names or values: whatever the model says)."""
    processor = column.type.bind_processor(postgresql.dialect())  # type: ignore[no-untyped-call]
    return str(processor(member) if processor else member)


def ts(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="microseconds")


def conninfo(url: str) -> str:
    """A libpq URL from the SQLAlchemy one."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def database_url(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


@dataclass(frozen=True)
class Sampled:
    """A patient the load uses: their dossier and a working access token."""

    dossier_id: str
    token: str
    digest: str


@dataclass
class Population:
    size: int
    records: int
    professionals: int
    patients: list[Sampled] = field(default_factory=list)
    pro_tokens: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    generation_s: float = 0.0
    vacuum_s: float = 0.0


class Ids:
    """Random UUIDs as canonical text, drawn from one os.urandom call per batch (uuid.uuid4() is 3x slower)."""

    def __init__(self) -> None:
        self.hex, self.at = "", 0

    def __call__(self) -> str:
        if self.at >= len(self.hex):
            self.hex, self.at = os.urandom(16 * 65536).hex(), 0
        h = self.hex[self.at : self.at + 32]
        self.at += 32
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def fingerprint(entity_id: str, version: int) -> int:
    """server.sync.service.fingerprint for a live record, on the canonical text of its id (no UUID object)."""
    return int.from_bytes(hashlib.sha256(f"{entity_id}:{version}:0".encode()).digest(), "big")


class _Event(NamedTuple):
    """What row_hash reads of an AuditEvent (building ORM objects for millions of rows would dominate)."""

    seq: int
    id: str
    at: datetime
    actor_id: str | None
    actor_role: str
    on_behalf_of_id: None
    dossier_id: str | None
    action: str
    device_id: str
    assisted_by: None
    prev_hash: str = ""


@dataclass
class AuditChain:
    """The audit trail as the service appends it: consecutive seq, each row's HMAC over the previous one's hash."""

    key: bytes
    seq: int = 0
    last: str = GENESIS

    def rows(self, events: list[_Event]) -> str:
        """COPY text of these events (seq and time already set, consecutive from the chain's head), chained."""
        lines = []
        for e in events:
            assert e.seq == self.seq + 1, (e.seq, self.seq)
            event = e._replace(prev_hash=self.last)
            self.seq, self.last = e.seq, row_hash(cast(AuditEvent, event), self.key)
            cols = (str(e.seq), e.id, ts(e.at), e.actor_id or r"\N", e.actor_role, r"\N", e.dossier_id or r"\N")
            lines.append("\t".join(cols) + f"\t{e.action}\t{e.device_id}\t\\N\t{event.prev_hash}\t{self.last}\n")
        return "".join(lines)


COLUMNS = {
    "dossiers": "id, nir, carte_vitale_serial, last_name, first_names, birth_date, email, status, provisioned_at, "
    "opposition_deadline, created_at, activated_at",
    "accounts": "id, dossier_id, identifier, password_hash, email, status, created_at, email_confirmed_at",
    "professionals": "id, rpps, profession, last_name, first_names, email, town, password_hash, created_at",
    "devices": "id, principal_kind, principal_id, name, first_seen_at, last_seen_at",
    "access_tokens": "token_hash, device_id, expires_at",
    "access_professionals": "dossier_id, rpps, authorised_at, administrateur, occupational_consent",
    "sync_heads": "dossier_id, last_seq, epoch, digest",
    "sync_streams": "stream_id, client_id, device_id, dossier_id, last_client_seq",
    "sync_records": "dossier_id, entity_id, entity, kind, values_json, deleted, version, last_stream_id, run_base, "
    "author_kind, author_id, created_at, updated_at",
    "sync_ledger": "client_id, mutation_id, stream_id, client_seq, dossier_id, result_json, at",
    "audit_events": "seq, id, at, actor_id, actor_role, on_behalf_of_id, dossier_id, action, device_id, assisted_by, "
    "prev_hash, row_hash",
    "access_notifications": "id, dossier_id, event, at, actor_rpps, actor_name, detail, mailed_at",
}


class Generator:
    """Writes one population, chunk by chunk, one COPY per table and chunk."""

    def __init__(self, size: int, records: int, clients: int, key: bytes, now: datetime, seed: int) -> None:
        self.size, self.records, self.now = size, records, now
        self.pros = max(size // PATIENTS_PER_PROFESSIONAL, clients, 2)
        self.ids = Ids()
        self.chain = AuditChain(key)
        rng = random.Random(seed)
        self.sampled = set(rng.sample(range(size), min(clients, size)))
        self.population = Population(size, records, self.pros)
        self.rows: dict[str, int] = dict.fromkeys(COLUMNS, 0)
        self.active = db_value(Dossier.__table__.c.status, SpaceStatus.ACTIVE)
        self.account_active = db_value(Account.__table__.c.status, AccountStatus.ACTIVE)
        self.patient_kind = db_value(Device.__table__.c.principal_kind, PrincipalKind.PATIENT)
        self.pro_kind = db_value(Device.__table__.c.principal_kind, PrincipalKind.PROFESSIONAL)
        self.password_hash = PasswordHasher(Argon2Params(1, 8192, 1)).hash(PASSWORD)
        self.result = (
            '{"mutation_id":"%s","client_seq":%d,"status":"applied","version":%d,"conflict_id":null,"reason":null,'
            '"message_fr":null,"message_en":null,"record":null,"duplicate":false}'
        )
        # Generated events end an hour ago and go back about two years: seq and time grow together.
        self.span = timedelta(days=730)
        self.pro_ids: list[str] = []
        self.pro_devices: list[str] = []

    def _token(self, sampled: bool) -> tuple[str | None, str]:
        if not sampled:
            return None, os.urandom(32).hex()
        token = secrets.token_urlsafe(32)
        return token, sha256_hex(token)

    def professionals(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {t: [] for t in ("professionals", "devices", "access_tokens")}
        created, expires = ts(self.now - timedelta(days=400)), ts(self.now + timedelta(days=1))
        for j in range(self.pros):
            pro, device = self.ids(), self.ids()
            self.pro_ids.append(pro)
            self.pro_devices.append(device)
            last, first = LAST_NAMES[(j * 7) % len(LAST_NAMES)], FIRST_NAMES[(j * 3) % len(FIRST_NAMES)]
            out["professionals"].append(
                f"{pro}\t{10_000_000_000 + j}\t{PROFESSION}\t{last}\t{first}\tpro{j}@example.org\tParis\t"
                f"{self.password_hash}\t{created}\n"
            )
            out["devices"].append(f"{device}\t{self.pro_kind}\t{pro}\tposte {j}\t{created}\t{ts(self.now)}\n")
            token, token_hash = self._token(j < len(self.sampled))
            if token:
                self.population.pro_tokens.append(token)
            out["access_tokens"].append(f"{token_hash}\t{device}\t{expires}\n")
        return out

    def chunk(self, start: int, stop: int) -> Chunk:
        """The rows of dossiers start..stop-1, each table's rows interleaved across the chunk's dossiers; the audit
        events with their sequence numbers (a chunk's are consecutive, after every earlier chunk's), not chained."""
        out: dict[str, list[str]] = {t: [] for t in COLUMNS if t not in ("professionals", "audit_events")}
        events: list[_Event] = []
        patients: list[Sampled] = []
        now, ids, records = self.now, self.ids, self.records
        expires = ts(now + timedelta(days=1))
        per = []
        for i in range(start, stop):
            d, account, device, stream, client = ids(), ids(), ids(), ids(), ids()
            born = date(1940 + i % 70, 1 + i % 12, 1 + i % 28)
            first13 = f"{1 + i % 2}{born.year % 100:02d}{born.month:02d}{i:08d}"
            created = now - timedelta(days=1 + i % 900)
            c = ts(created)
            last, first = LAST_NAMES[i % len(LAST_NAMES)], FIRST_NAMES[(i // 7) % len(FIRST_NAMES)]
            out["dossiers"].append(
                f"{d}\t{first13}{nir_key(first13)}\t{i:010d}\t{last}\t{first}\t{born}\tp{i}@example.org\t"
                f"{self.active}\t{c}\t{c}\t{c}\t{c}\n"
            )
            out["accounts"].append(
                f"{account}\t{d}\tpatient{i}\t{self.password_hash}\tp{i}@example.org\t{self.account_active}\t{c}\t{c}\n"
            )
            out["devices"].append(f"{device}\t{self.patient_kind}\t{account}\ttéléphone\t{c}\t{ts(now)}\n")
            token, token_hash = self._token(i in self.sampled)
            out["access_tokens"].append(f"{token_hash}\t{device}\t{expires}\n")
            a = i % self.pros
            b = (a + 1 + (i // self.pros) % (self.pros - 1)) % self.pros
            for p in (a, b):
                out["access_professionals"].append(f"{d}\t{10_000_000_000 + p}\t{c}\tf\tf\n")
            out["sync_streams"].append(f"{stream}\t{client}\t{device}\t{d}\t{records}\n")
            entities = [ids() for _ in range(records)]
            digest = 0
            for version, entity in enumerate(entities, 1):
                digest ^= fingerprint(entity, version)
            out["sync_heads"].append(f"{d}\t{records}\t1\t{digest_hex(digest)}\n")
            if token:
                patients.append(Sampled(d, token, digest_hex(digest)))
            per.append((d, account, device, stream, client, entities, c, a, b))
        for version in range(1, records + 1):  # round by round: a dossier's records spread over the chunk
            kind, values = VALUES[version % len(VALUES)]
            for d, account, _device, stream, client, entities, c, _a, _b in per:
                entity = entities[version - 1]
                out["sync_records"].append(
                    f"{d}\t{entity}\tentry\t{kind}\t{values}{version}}}\tf\t{version}\t{stream}\t0\tpatient\t"
                    f"{account}\t{c}\t{c}\n"
                )
                mutation = ids()
                out["sync_ledger"].append(
                    f"{client}\t{mutation}\t{stream}\t{version}\t{d}\t"
                    f"{self.result % (mutation, version, version)}\t{c}\n"
                )
        rounds = (
            ("auth.login.success", "patient"),
            ("sync.push", "patient"),
            ("sync.pull", "a"),
            ("dossier.read", "b"),
            ("sync.push", "patient"),
            ("access.history_read", "patient"),
        )
        step = self.span / (self.size * len(rounds))
        seq = start * len(rounds)
        for action, who in rounds:
            for d, account, device, _stream, _client, _entities, _c, a, b in per:
                seq += 1
                at = now - timedelta(hours=1) - self.span + step * seq
                if who == "patient":
                    actor, role, dev = account, "patient", device
                else:
                    pro = a if who == "a" else b
                    actor, role, dev = self.pro_ids[pro], "professional", self.pro_devices[pro]
                dossier = None if action.startswith("auth.") else d
                events.append(_Event(seq, ids(), at, actor, role, None, dossier, action, dev, None))
                if who != "patient":
                    pro = a if who == "a" else b
                    name = f"Dr {FIRST_NAMES[(pro * 3) % len(FIRST_NAMES)]} {LAST_NAMES[(pro * 7) % len(LAST_NAMES)]}"
                    out["access_notifications"].append(
                        f"{ids()}\t{d}\t{NotificationEvent.PROFESSIONAL_ACCESS.value}\t{ts(at)}\t"
                        f"{10_000_000_000 + pro}\t{name}\t\\N\t{ts(at)}\n"
                    )
        return Chunk(
            {t: "".join(rows) for t, rows in out.items()}, {t: len(rows) for t, rows in out.items()}, events, patients
        )


@dataclass(frozen=True)
class Chunk:
    """What a worker sends back: COPY text per table and its row count, the audit events to chain, the sampled."""

    text: dict[str, str]
    rows: dict[str, int]
    events: list[_Event]
    patients: list[Sampled]


_worker: list[Generator] = []


def _start_worker(gen: Generator, nice: int) -> None:
    if nice:
        os.nice(nice)
    gen.ids = Ids()  # this process's own random ids (a copied buffer would repeat the parent's)
    _worker.append(gen)


def _make_chunk(bounds: tuple[int, int]) -> Chunk:
    return _worker[0].chunk(*bounds)


def copy_rows(cur: psycopg.Cursor[Any], table: str, text: str) -> None:
    with cur.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN") as copy:
        copy.write(text)


# The tables with several rows per dossier: their keys and indexes are dropped before COPY and built afterwards (one
# sorted build instead of millions of random insertions into B-trees of random UUIDs), as a bulk load does.
BULK = ("sync_records", "sync_ledger", "audit_events", "access_notifications", "access_professionals")


def drop_indexes(cur: psycopg.Cursor[Any]) -> list[str]:
    """Drop the BULK tables' keys and indexes that no foreign key relies on; the statements that rebuild them."""
    rebuild: list[str] = []
    for table in BULK:
        rows = cur.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), c.conname, "
            "pg_get_constraintdef(c.oid) FROM pg_index i "
            "LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid "
            "WHERE i.indrelid = %s::regclass AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)",
            (f"public.{table}",),
        ).fetchall()
        for index, index_def, constraint, constraint_def in rows:
            if constraint:
                cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{constraint}"')
                rebuild.append(f'ALTER TABLE {table} ADD CONSTRAINT "{constraint}" {constraint_def}')
            else:
                cur.execute(f"DROP INDEX {index}")
                rebuild.append(index_def.replace(" ON ONLY ", " ON "))  # a partitioned index: on every partition
    return rebuild


def _bounded(pool: Any, bounds: list[tuple[int, int]], ahead: int) -> Iterator[Chunk]:
    """The chunks in order, at most `ahead` made and not yet written (Pool.imap would queue them all in memory)."""
    pending: deque[Any] = deque()
    for b in bounds:
        pending.append(pool.apply_async(_make_chunk, (b,)))
        if len(pending) > ahead:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def generate(
    url: str, size: int, records: int, clients: int, key: bytes, seed: int, nice: int, workers: int
) -> Population:
    """Write the population into the migrated database at `url` (in this process, niced when asked)."""
    if nice:
        os.nice(nice)
    t0 = time.perf_counter()
    now = datetime.now(UTC)
    gen = Generator(size, records, clients, key, now, seed)
    with psycopg.connect(conninfo(url)) as conn, conn.cursor() as cur:
        try:
            cur.execute("SET session_replication_role = replica")  # no FK triggers: consistent by construction
        except psycopg.errors.InsufficientPrivilege:
            conn.rollback()
        cur.execute("SET maintenance_work_mem = '256MB'")
        rebuild = drop_indexes(cur)
        conn.commit()
        for table, rows in gen.professionals().items():
            copy_rows(cur, table, "".join(rows))
            gen.rows[table] += len(rows)
        conn.commit()
        # Chunks are made by worker processes (one per core), in order; this process chains the audit events (each
        # row's HMAC covers the previous one's) and streams everything to PostgreSQL, one transaction per chunk.
        bounds = [(start, min(start + CHUNK, size)) for start in range(0, size, CHUNK)]
        mp = multiprocessing.get_context("spawn")
        with mp.Pool(workers, initializer=_start_worker, initargs=(gen, nice)) as pool:
            for n, chunk in enumerate(_bounded(pool, bounds, ahead=2 * workers), 1):
                if n % max(len(bounds) // 10, 1) == 0:
                    print(f"  {n * CHUNK:,} dossiers written, {time.perf_counter() - t0:.0f} s", flush=True)
                gen.population.patients += chunk.patients
                chunk.text["audit_events"] = gen.chain.rows(chunk.events)
                chunk.rows["audit_events"] = len(chunk.events)
                for table, text in chunk.text.items():
                    copy_rows(cur, table, text)
                    gen.rows[table] += chunk.rows[table]
                conn.commit()
        cur.execute(
            "UPDATE audit_head SET last_seq = %s, last_hash = %s, keyed_from_seq = 1 WHERE id = 1",
            (gen.chain.seq, gen.chain.last),
        )
        conn.commit()
        for statement in rebuild:
            cur.execute(statement)
        conn.commit()
    pop = gen.population
    pop.rows = gen.rows
    pop.generation_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    with psycopg.connect(conninfo(url), autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
    pop.vacuum_s = time.perf_counter() - t1
    return pop


def _generate_child(args: tuple[Any, ...], out: Any) -> None:
    out.send(generate(*args))
    out.close()


def generate_niced(
    url: str, size: int, records: int, clients: int, key: bytes, seed: int, nice: int, workers: int
) -> Population:
    """`generate` in a child process, so that `nice` lowers the generator's priority and not the benchmark's."""
    mp = multiprocessing.get_context("spawn")
    receiver, sender = mp.Pipe(duplex=False)
    proc = mp.Process(target=_generate_child, args=((url, size, records, clients, key, seed, nice, workers), sender))
    proc.start()
    sender.close()
    try:
        pop: Population = receiver.recv()
    except EOFError:
        proc.join()
        raise RuntimeError(f"population generation failed (exit code {proc.exitcode})") from None
    proc.join()
    return pop


def disk_sizes(url: str) -> tuple[int, dict[str, int]]:
    """pg_database_size, and each table's total size (heap, indexes, TOAST) summed over its partitions."""
    with psycopg.connect(conninfo(url)) as conn:
        total = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        rows = conn.execute(
            "SELECT c.relname, coalesce((SELECT sum(pg_total_relation_size(t.relid)) FROM pg_partition_tree(c.oid) t), "
            "pg_total_relation_size(c.oid)) "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
        ).fetchall()
    return int(total[0] if total else 0), {str(name): int(size or 0) for name, size in rows}


def _mb(n: int) -> str:
    return f"{n / 1e6:,.0f} MB" if n < 10e9 else f"{n / 1e9:,.1f} GB"


@contextmanager
def scratch_database(admin_url: str, name: str) -> Iterator[str]:
    """A new database on the cluster of `admin_url`, dropped on the way out."""
    admin = conninfo(database_url(admin_url, "postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield database_url(admin_url, name)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create_schema(url: str, schema: str) -> None:
    """Alembic: to head (partitioned) or to 0900, stamped as head so that today's service accepts it (the
    partitioning migration changes how the tables are stored, not their columns)."""
    if schema == "partitioned":
        migrate(url)
        return
    migrate(url, UNPARTITIONED)
    with psycopg.connect(conninfo(url)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = %s", (head_revision(),))


def check(base: str, pop: Population) -> None:
    """Every operation, once per sampled principal, answers what the generated rows say (else: an error, no run)."""
    headers = {"Carnet-Sync-Protocol": "1", "Content-Type": "application/json"}
    with httpx.Client(base_url=base, timeout=60) as c:
        for p in pop.patients:
            auth = {"Authorization": f"Bearer {p.token}", **headers}
            body = {"client_id": str(uuid.uuid4()), "dossiers": {p.dossier_id: encode_cursor(1, pop.records)}}
            page = c.post("/v1/sync/pull", json=body, headers=auth).raise_for_status().json()["dossiers"][0]
            assert page["state"] == "ok" and page["items"] == [] and page["digest"] == p.digest, page
            body["dossiers"] = {p.dossier_id: encode_cursor(1, pop.records - 1)}
            page = c.post("/v1/sync/pull", json=body, headers=auth).raise_for_status().json()["dossiers"][0]
            assert [i["version"] for i in page["items"]] == [pop.records], page
            history = c.get("/v1/me/access/history", headers=auth).raise_for_status().json()
            assert len(history["items"]) >= 6 and any(i["actor_rpps"] for i in history["items"]), history
        expected = min(50, 2 * pop.size // pop.professionals - 1)

        def listed(token: str) -> int:
            return len(
                c.get("/v1/pro/dossiers", headers={"Authorization": f"Bearer {token}"}).raise_for_status().json()
            )

        with ThreadPoolExecutor(8) as pool:  # a list takes a while: eight at a time
            counts = list(pool.map(listed, pop.pro_tokens))
        assert min(counts) >= expected, (counts, expected)


def measure(base: str, pop: Population, args: argparse.Namespace, pids: dict[str, Any]) -> dict[str, Phase]:
    patients = pop.patients
    n = args.clients
    shots: dict[str, list[Shot]] = {
        "no-op pull": [pull_shot(p.token, p.dossier_id, encode_cursor(1, pop.records)) for p in patients],
        "pull, 1 change": [pull_shot(p.token, p.dossier_id, encode_cursor(1, pop.records - 1)) for p in patients],
        "access history": [Shot("GET", "/v1/me/access/history", p.token) for p in patients],
        "pro's dossier list": [Shot("GET", "/v1/pro/dossiers", t) for t in pop.pro_tokens],
        f"push, {PUSH_BATCH} entries": [
            Shot("POST", "/v1/sync/push", p.token, push=(p.dossier_id, PUSH_BATCH)) for p in patients
        ],
    }
    # As many clients as asked: the sampled principals again when the population is smaller than that.
    return {
        op: hammer(base, (s * (n // len(s) + 1))[:n], args.seconds, processes=args.generator_processes, **pids)
        for op, s in shots.items()
    }


@dataclass
class Run:
    size: int
    schema: str
    phases: dict[str, Phase]
    pop: Population
    database_bytes: int
    tables: dict[str, int]
    load_before: str
    load_after: str


def run_one(size: int, schema: str, args: argparse.Namespace) -> Run:
    name = f"carnet_scale_{schema}_{size}_{os.getpid()}"
    key = secrets.token_bytes(32)
    with scratch_database(args.postgres_url, name) as url, tempfile.TemporaryDirectory(prefix="carnet-scale-") as tmp:
        data = Path(tmp)
        create_schema(url, schema)
        print(f"[{size:>9,} {schema}] generating ({load_average()})", flush=True)
        pop = generate_niced(url, size, args.records, args.clients, key, args.seed, args.nice, args.generator_processes)
        total, tables = disk_sizes(url)
        print(
            f"[{size:>9,} {schema}] generated in {pop.generation_s:.0f} s + VACUUM (ANALYZE) {pop.vacuum_s:.0f} s; "
            f"database {_mb(total)}; {sum(pop.rows.values()):,} rows",
            flush=True,
        )
        # The key the chain was written with, and its signed head: the service starts (check_key) and verifies.
        settings = Settings(data_dir=data, database_url=url, audit_key=key, argon2=Argon2Params(1, 8192, 1))
        ctx = ServiceContext.build(settings, pool_size=0)
        with ctx.sessions() as session:
            write_checkpoint(session)
            if args.verify_audit:  # the whole chain, as `carnet-server audit verify` walks it
                verdict = verify(session)
                assert verdict.ok, verdict
                print(f"[{size:>9,} {schema}] audit verify: {verdict.checked:,} events, chain and checkpoint ok")
        ctx.close()
        os.environ["CARNET_SERVER_AUDIT_KEY"] = key.hex()
        try:
            with running_server(data, url, args.workers) as (base, pid):
                check(base, pop)
                pids = {"server_pid": pid, "database_pid": listening_pid(make_url(url).port)}
                before = load_average()
                phases = measure(base, pop, args, pids)
                after = load_average()
        finally:
            del os.environ["CARNET_SERVER_AUDIT_KEY"]
    for op, phase in phases.items():
        print(f"[{size:>9,} {schema}] {op:20s}: {phase.line()}  errors {phase.errors}", flush=True)
    return Run(size, schema, phases, pop, total, tables, before, after)


def report(runs: list[Run]) -> bool:
    """The table of figures and the verdict: True when the target holds (or cannot be judged)."""
    sizes = sorted({r.size for r in runs})
    schemas = [s for s in ("partitioned", "unpartitioned") if any(r.schema == s for r in runs)]
    by = {(r.size, r.schema): r for r in runs}
    print("\np50 / p99 in ms, 50 concurrent keep-alive clients")
    header = f"{'operation':20s}" + "".join(f" | {f'{s:,} {sch[:5]}.':>20s}" for s in sizes for sch in schemas)
    print(header)
    for op in OPERATIONS:
        cells = []
        for s in sizes:
            for sch in schemas:
                run = by.get((s, sch))
                ph = run.phases[op] if run else None
                cells.append(f"{ph.p50_ms:8.1f} / {ph.p99_ms:8.1f}" if ph else f"{'-':>19s}")
        print(f"{op:20s}" + "".join(f" | {c:>20s}" for c in cells))
    print("\ndisk and generation")
    for r in runs:
        big = sorted(r.tables.items(), key=lambda kv: -kv[1])[:6]
        print(
            f"{r.size:>9,} {r.schema:13s}: database {_mb(r.database_bytes)}, generated in {r.pop.generation_s:.0f} s "
            f"(+ VACUUM ANALYZE {r.pop.vacuum_s:.0f} s), {sum(r.pop.rows.values()):,} rows; "
            + ", ".join(f"{t} {_mb(b)}" for t, b in big)
        )
        print(f"{'':>9s} {'':13s}  before the load: {r.load_before}; after: {r.load_after}")
    ok = True
    if len(sizes) < 2:
        print("\ntarget: needs two sizes")
        return ok
    small, large = sizes[0], sizes[-1]
    for sch in schemas:
        if (small, sch) not in by or (large, sch) not in by:
            continue
        label = "target" if sch == "partitioned" else "for comparison"
        print(f"\n{label} ({sch}): p99 at {large:,} within {TARGET}x of p99 at {small:,}")
        for op in OPERATIONS:
            a, b = by[(small, sch)].phases[op].p99_ms, by[(large, sch)].phases[op].p99_ms
            passed = b <= TARGET * a
            ok = ok and (passed or sch != "partitioned")
            print(f"  {op:20s}: {a:8.1f} -> {b:8.1f} ms  x{b / a:.2f}  {'PASS' if passed else 'FAIL'}")
    return ok


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres-url", default=os.environ.get("CARNET_BENCH_POSTGRES_URL"))
    parser.add_argument("--sizes", default="10000,100000", help="dossier counts, comma-separated (1000000 at the end)")
    parser.add_argument("--schema", choices=("partitioned", "unpartitioned", "both"), default="both")
    parser.add_argument("--records", type=int, default=20, help="sync records per dossier")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=5.0, help="per measured phase (5 phases)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--generator-processes", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--nice", type=int, default=0, help="niceness of the population generator (0: none)")
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--verify-audit", action="store_true", help="walk the generated audit chain before the load")
    args = parser.parse_args(argv)
    if not args.postgres_url:
        parser.error("give --postgres-url or CARNET_BENCH_POSTGRES_URL (scripts/pg-throwaway.sh start prints one)")
    return args


def run_all(args: argparse.Namespace) -> list[Run]:
    """Every size on every schema asked for (the partitioned one only once its migration exists)."""
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    schemas = ["partitioned", "unpartitioned"] if args.schema == "both" else [args.schema]
    if "partitioned" in schemas and head_revision() == UNPARTITIONED:
        print(f"partitioned: not measured (the migration head is {UNPARTITIONED}: no partitioning migration yet)")
        schemas.remove("partitioned")
    print(
        f"{args.clients} concurrent clients over {args.generator_processes} generator process(es) ({loop_name()}), "
        f"{args.workers} server workers, {args.seconds:.0f} s per phase, {args.records} records per dossier; "
        f"sizes {', '.join(f'{s:,}' for s in sizes)}; {', '.join(schemas) or 'no schema'}",
        flush=True,
    )
    return [run_one(size, schema, args) for size in sizes for schema in schemas]


def main(argv: list[str] | None = None) -> int:
    return 0 if report(run_all(parse(argv))) else 1


if __name__ == "__main__":
    sys.exit(main())
