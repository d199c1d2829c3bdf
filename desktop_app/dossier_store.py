"""One dossier's encrypted database and the services callers use on it: entries, documents, the outbox.

Callers never write SQL. Every change a person makes goes through `DossierStore._write()`: the effect, then its outbox
rows appended in the same transaction (a crash can never leave an edit that sync will not send, or a mutation without
its edit), then — once the outermost transaction has committed — one `StoreChange` (origin LOCAL) on the profile's
`ChangeHub`, which the sync engine and the open pages listen to (desktop_app/changes.py).
"""

from __future__ import annotations

import builtins
import hashlib
import io
import json
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection, Engine, Table, and_, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from desktop_app import schema
from desktop_app.changes import ChangeHub, ChangeOrigin, StoreChange
from desktop_app.errors import DocumentTooLarge, NotFound, ReadOnlyEntry
from dossier import documents as doc_rules
from dossier import entries as entry_rules
from dossier.errors import DossierValidationError
from dossier.sync_protocol import Entity, MutationOp
from dossier.text import fold

Clock = Callable[[], datetime]
CHUNK_SIZE = 512 * 1024
DEFAULT_DOCUMENT_LIMIT = 100 * 1024 * 1024
_PROTECTED_AUTHORS = {"professional", "insurer"}
_FEW_MATCHES = 2000  # below this many search hits, sorting the hits beats walking the whole list


def utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    kind: str
    data: dict[str, Any]
    summary: str
    author_kind: str
    created_at: datetime
    updated_at: datetime
    sort_date: str | None
    external_ref: str | None = None
    server_version: int = 0


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    title: str
    category: str
    document_date: date | None
    author_kind: str
    format: str
    mime_type: str
    size: int
    sha256: str
    confidentiality: doc_rules.Confidentiality
    created_at: datetime
    updated_at: datetime
    filename: str | None = None
    external_ref: str | None = None
    document_date_text: str | None = None  # as entered: "2019", "2019-05" or "2019-05-14"


@dataclass(frozen=True, slots=True)
class OutboxMutation:
    client_seq: int
    mutation_id: str
    entity: str
    entity_id: str
    kind: str
    op: str
    base_version: int
    changes: dict[str, list[Any]]
    created_at: str
    state: str


@dataclass(frozen=True, slots=True)
class Intent:
    """What a person intends, as one outbox row will carry it: what changed (`{field: [seen, wanted]}`), against the
    server version it was seen at (sent as a `dossier.sync_protocol.Mutation`)."""

    entity: Entity
    entity_id: str
    kind: str
    op: MutationOp
    base_version: int = 0
    changes: Mapping[str, list[Any]] = field(default_factory=dict)


class Write:
    """One `DossierStore._write()` block: its connection, and the outbox rows the block queues for its effect."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.mutations: builtins.list[Intent] = []

    def queue(self, intent: Intent) -> None:
        self.mutations.append(intent)


class DossierStore:
    """An open dossier database. Thread-safe: each call takes a pooled connection; writes serialise in SQLite."""

    def __init__(
        self,
        engine: Engine,
        dossier_id: str,
        *,
        clock: Clock = utc_now,
        document_limit: int = DEFAULT_DOCUMENT_LIMIT,
        changes: ChangeHub | None = None,
    ) -> None:
        self.engine = engine
        self.dossier_id = dossier_id
        self.clock = clock
        self.document_limit = document_limit
        self.changes = changes if changes is not None else ChangeHub()
        self._local = threading.local()
        self.entries = EntryService(self)
        self.documents = DocumentService(self)
        self.outbox = OutboxService(self)

    # -- transactions ---------------------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Group several writes so they commit together or not at all (an import never half-imports).

        The changes noted inside (`note_change`) are published once the outermost transaction has committed; a
        rollback publishes nothing."""
        current: Connection | None = getattr(self._local, "conn", None)
        if current is not None:
            yield current
            return
        noted: builtins.list[StoreChange] = []
        with self.engine.connect().execution_options(write=True) as conn, conn.begin():
            self._local.conn, self._local.noted = conn, noted
            try:
                yield conn
            finally:
                self._local.conn = self._local.noted = None
        for change in StoreChange.merged(noted):
            self.changes.publish(change)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        current: Connection | None = getattr(self._local, "conn", None)
        if current is not None:
            yield current
            return
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Write]:
        """The one way a change is written: the block applies the effect on `Write.conn` and queues its outbox rows;
        they are appended in the same transaction, and a LOCAL change is published after the commit.

        A block that raises appends nothing and, its transaction rolled back, publishes nothing."""
        with self.transaction() as conn:
            write = Write(conn)
            yield write
            if not write.mutations:
                return
            now = _iso(self.clock())
            conn.execute(
                insert(schema.outbox),
                [
                    {
                        "mutation_id": str(uuid.uuid4()),
                        "entity": m.entity.value,
                        "entity_id": m.entity_id,
                        "kind": m.kind,
                        "op": m.op.value,
                        "base_version": m.base_version,
                        "changes": _dumps(dict(m.changes)),
                        "created_at": now,
                        "state": "pending",
                    }
                    for m in write.mutations
                ],
            )
            self.note_change(
                ChangeOrigin.LOCAL,
                {m.entity for m in write.mutations},
                kinds={m.kind for m in write.mutations},
                ids={m.entity_id for m in write.mutations},
            )

    def note_change(
        self, origin: ChangeOrigin, entities: Iterable[Entity], *, kinds: Iterable[str] = (), ids: Iterable[str] = ()
    ) -> None:
        """Tell the hub's listeners what changed: after the commit when called inside a transaction, else now.

        Empty `kinds` or `ids` mean "any" (a page listing `entities` must refresh whatever it shows)."""
        change = StoreChange.of(self.dossier_id, origin, entities, kinds=kinds, ids=ids)
        noted: builtins.list[StoreChange] | None = getattr(self._local, "noted", None)
        if noted is not None:
            noted.append(change)
        else:
            self.changes.publish(change)

    def integrity_problems(self) -> builtins.list[str]:
        """Run SQLCipher's HMAC page check and SQLite's quick_check (S12); an empty list means the file is sound."""
        from desktop_app.engine import integrity_problems

        return integrity_problems(self.engine)

    def backup_to(self, path: Path) -> None:
        """An encrypted copy under the same data key (S15): `VACUUM INTO` keeps SQLCipher's encryption."""
        from desktop_app.engine import vacuum_into

        vacuum_into(self.engine, path)

    def today(self) -> date:
        return self.clock().astimezone(UTC).date()

    def close(self) -> None:
        from desktop_app.engine import checkpoint_and_dispose

        checkpoint_and_dispose(self.engine)


class EntryService:
    """Create, edit, delete (tombstone), list and search the entries of one dossier."""

    def __init__(self, store: DossierStore) -> None:
        self._store = store

    def _is_minor(self, conn: Connection) -> bool:
        row = conn.execute(
            select(schema.entries.c.data).where(schema.entries.c.kind == "identity", schema.entries.c.deleted == 0)
        ).first()
        if row is None:
            return False
        birth = json.loads(row.data).get("birth_date")
        if not birth or len(str(birth)) < 4:
            return False
        today = self._store.today()
        try:
            born = date.fromisoformat(str(birth)) if len(str(birth)) == 10 else date(int(str(birth)[:4]), 12, 31)
        except ValueError:
            return False
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        return age < 18

    def _prepare(self, conn: Connection, kind: str, fields: Mapping[str, object]) -> dict[str, Any]:
        return entry_rules.validate_entry(kind, fields, today=self._store.today(), is_minor=self._is_minor(conn))

    def _check_singleton(self, conn: Connection, kind: str, *, except_id: str | None = None) -> None:
        spec = entry_rules.ENTRY_KINDS.get(kind)
        if spec is None or not spec.singleton:
            return
        query = select(schema.entries.c.id).where(schema.entries.c.kind == kind, schema.entries.c.deleted == 0)
        if except_id is not None:
            query = query.where(schema.entries.c.id != except_id)
        if conn.execute(query.limit(1)).first() is not None:
            raise DossierValidationError.single(
                "kind",
                "singleton_exists",
                f"« {spec.label_fr} » est déjà renseigné : modifiez l'élément existant au lieu d'en ajouter un.",
                f"'{spec.label_en}' is already filled in: edit the existing item instead of adding another.",
            )

    def _row_values(
        self, kind: str, data: Mapping[str, Any], entry_id: str, created: str, *, data_json: str | None = None
    ) -> dict[str, Any]:
        """The derived columns of an entry row (`data_json`: the data already serialised with `_dumps`)."""
        sort = entry_rules.sort_date(kind, data)
        return {
            "data": _dumps(dict(data)) if data_json is None else data_json,
            "summary": entry_rules.summarize_entry(kind, data),
            "search": entry_rules.search_text(kind, data),  # already folded (dossier.text.fold)
            "sort_date": sort,
            "order_key": f"{sort or created[:10]}|{created}|{entry_id}",
        }

    def create(
        self,
        kind: str,
        fields: Mapping[str, object],
        *,
        external_ref: str | None = None,
        author_kind: str = "patient",
    ) -> Entry:
        with self._store._write() as write:
            entry_id = self._insert(write, kind, fields, external_ref=external_ref, author_kind=author_kind)
            return self._get(write.conn, entry_id)

    def create_many(
        self, kind: str, rows: Sequence[Mapping[str, object]], *, author_kind: str = "patient"
    ) -> list[str]:
        """Validate every row first, then insert all rows and their mutations in one transaction."""
        with self._store._write() as write:
            conn = write.conn
            is_minor = self._is_minor(conn)
            today = self._store.today()
            if rows:
                self._check_singleton(conn, kind)
            validated = [entry_rules.validate_entry(kind, r, today=today, is_minor=is_minor) for r in rows]
            now = _iso(self._store.clock())
            ids = [str(uuid.uuid4()) for _ in validated]
            entry_rows = []
            for entry_id, data in zip(ids, validated, strict=True):
                entry_rows.append(
                    {
                        "id": entry_id,
                        "kind": kind,
                        "author_kind": author_kind,
                        "external_ref": None,
                        "created_at": now,
                        "updated_at": now,
                        "server_version": 0,
                        "deleted": 0,
                        **self._row_values(kind, data, entry_id, now),
                    }
                )
                write.queue(_created(Entity.ENTRY, entry_id, kind, data))
            if entry_rows:
                conn.execute(insert(schema.entries), entry_rows)
            return ids

    def _insert(
        self,
        write: Write,
        kind: str,
        fields: Mapping[str, object],
        *,
        external_ref: str | None,
        author_kind: str,
    ) -> str:
        conn = write.conn
        data = self._prepare(conn, kind, fields)
        self._check_singleton(conn, kind)
        entry_id = str(uuid.uuid4())
        now = _iso(self._store.clock())
        try:
            conn.execute(
                insert(schema.entries).values(
                    id=entry_id,
                    kind=kind,
                    author_kind=author_kind,
                    external_ref=external_ref,
                    created_at=now,
                    updated_at=now,
                    server_version=0,
                    deleted=0,
                    **self._row_values(kind, data, entry_id, now),
                )
            )
        except IntegrityError as exc:
            raise DossierValidationError.single(
                "external_ref",
                "duplicate",
                "Cet élément a déjà été importé.",
                "This item was already imported.",
            ) from exc
        write.queue(_created(Entity.ENTRY, entry_id, kind, data))
        return entry_id

    def edit(self, entry_id: str, fields: Mapping[str, object]) -> Entry:
        """Partial update: given fields replace the stored ones (None removes an optional field)."""
        with self._store._write() as write:
            conn = write.conn
            row = self._live_row(conn, entry_id)
            old = json.loads(row.data)
            merged = {**old, **fields}
            merged = {k: v for k, v in merged.items() if v is not None}
            data = self._prepare(conn, row.kind, merged)
            changes = {k: [old.get(k), data.get(k)] for k in set(old) | set(data) if old.get(k) != data.get(k)}
            if changes:
                now = _iso(self._store.clock())
                values = self._row_values(row.kind, data, entry_id, row.created_at)
                conn.execute(
                    update(schema.entries).where(schema.entries.c.id == entry_id).values(updated_at=now, **values)
                )
                write.queue(Intent(Entity.ENTRY, entry_id, row.kind, MutationOp.UPDATE, row.server_version, changes))
            return self._get(conn, entry_id)

    def delete(self, entry_id: str) -> None:
        """Leave a tombstone (id, kind, version) for sync; the health data itself is overwritten (secure_delete)."""
        with self._store._write() as write:
            row = self._live_row(write.conn, entry_id)
            write.conn.execute(
                update(schema.entries)
                .where(schema.entries.c.id == entry_id)
                .values(
                    deleted=1,
                    data="{}",
                    summary="",
                    search="",
                    updated_at=_iso(self._store.clock()),
                )
            )
            write.queue(Intent(Entity.ENTRY, entry_id, row.kind, MutationOp.DELETE, row.server_version))

    def restore(self, entry: Entry) -> Entry:
        """Undo a ``delete``: bring back ``entry`` (as it was read before the delete) and queue a ``restore``.

        The ``restore`` mutation carries every field, so the service brings the record back too (even when the
        delete already reached it). Raises NotFound when the entry is unknown or not deleted.
        """
        with self._store._write() as write:
            conn = write.conn
            row = _required(
                conn.execute(
                    select(schema.entries).where(schema.entries.c.id == entry.id, schema.entries.c.deleted == 1)
                ).first()
            )
            data = self._prepare(conn, row.kind, entry.data)
            conn.execute(
                update(schema.entries)
                .where(schema.entries.c.id == entry.id)
                .values(
                    deleted=0,
                    updated_at=_iso(self._store.clock()),
                    **self._row_values(row.kind, data, entry.id, row.created_at),
                )
            )
            restored = {k: [None, v] for k, v in data.items()}
            write.queue(Intent(Entity.ENTRY, entry.id, row.kind, MutationOp.RESTORE, row.server_version, restored))
            return self._get(conn, entry.id)

    def _live_row(self, conn: Connection, entry_id: str) -> Any:
        return _required(_live_row_where(conn, schema.entries, schema.entries.c.id == entry_id))

    def get(self, entry_id: str) -> Entry:
        with self._store.reading() as conn:
            return self._get(conn, entry_id)

    def _get(self, conn: Connection, entry_id: str) -> Entry:
        return _entry(self._live_row(conn, entry_id))

    def find_by_external_ref(self, ref: str) -> Entry | None:
        with self._store.reading() as conn:
            row = _live_row_where(conn, schema.entries, schema.entries.c.external_ref == ref)
            return _entry(row) if row is not None else None

    def _live(self, kind: str | None) -> Any:
        condition = schema.entries.c.deleted == 0
        return and_(schema.entries.c.kind == kind, condition) if kind is not None else condition

    def list(self, kind: str | None = None, *, offset: int = 0, limit: int = 100) -> list[Entry]:
        query = (
            select(schema.entries)
            .where(self._live(kind))
            .order_by(schema.entries.c.order_key.desc())
            .offset(max(0, offset))
            .limit(_bounded(limit))
        )
        with self._store.reading() as conn:
            return [_entry(r) for r in conn.execute(query)]

    def count(self, kind: str | None = None) -> int:
        with self._store.reading() as conn:
            return int(
                conn.execute(select(func.count()).select_from(schema.entries).where(self._live(kind))).scalar_one()
            )

    def search(
        self, query_text: str, *, kind: str | None = None, offset: int = 0, limit: int = 100
    ) -> builtins.list[Entry]:
        """Substring search on accent-folded text, newest first. Every word must match."""
        words = [w for w in fold(query_text).split() if w]
        if not words:
            return self.list(kind, offset=offset, limit=limit)
        condition = self._live(kind)
        for word in words:
            if len(word) < 3:  # the trigram index needs three characters; short words filter the rows found
                escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                condition = and_(condition, schema.entries.c.search.like(f"%{escaped}%", escape="\\"))
        long_words = [w for w in words if len(w) >= 3]
        order: Any = schema.entries.c.order_key.desc()
        with self._store.reading() as conn:
            if long_words:
                match = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)
                hits = conn.execute(
                    text("SELECT count(*) FROM (SELECT rowid FROM entries_fts WHERE entries_fts MATCH :m LIMIT :n)"),
                    {"m": match, "n": _FEW_MATCHES + 1},
                ).scalar_one()
                condition = and_(
                    condition,
                    text("entries.rowid IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH :match)").bindparams(
                        match=match
                    ),
                )
                if hits <= _FEW_MATCHES:
                    # Few matches: look them up by rowid and sort them. The unary "+" keeps every SQLite version
                    # from walking the whole newest-first index instead (a rare word must never scan the table).
                    order = text("+entries.order_key DESC")
                # Many matches: walk the newest-first index and keep matching rows; a page fills quickly.
            query = (
                select(schema.entries).where(condition).order_by(order).offset(max(0, offset)).limit(_bounded(limit))
            )
            return [_entry(r) for r in conn.execute(query)]


class DocumentService:
    """Documents: bytes encrypted inside SQLCipher in chunks, streamed in and out, never a plaintext temp file."""

    def __init__(self, store: DossierStore) -> None:
        self._store = store

    def add(
        self,
        content: bytes | BinaryIO,
        *,
        title: str,
        category: str,
        document_date: date | None = None,
        author_kind: str = "patient",
        confidentiality: doc_rules.Confidentiality | None = None,
        filename: str | None = None,
        external_ref: str | None = None,
    ) -> DocumentInfo:
        stream: BinaryIO = io.BytesIO(content) if isinstance(content, bytes | bytearray) else content
        meta = doc_rules.validate_document_metadata(
            title=title,
            category=category,
            document_date=document_date,
            author_kind=author_kind,
            confidentiality=confidentiality,
            today=self._store.today(),
        )
        first = stream.read(CHUNK_SIZE)
        fmt = doc_rules.detect_format(first)
        limit = self._store.document_limit
        doc_id = str(uuid.uuid4())
        now = _iso(self._store.clock())
        digest = hashlib.sha256()
        size = 0
        conf = meta["confidentiality"]
        with self._store._write() as write:
            conn = write.conn
            conn.execute(
                insert(schema.documents).values(
                    id=doc_id,
                    title=meta["title"],
                    category=meta["category"],
                    document_date=meta["document_date"],
                    author_kind=meta["author_kind"],
                    confidentiality=_dumps(conf),
                    format=str(fmt),
                    mime_type=fmt.mime_type,
                    size=0,
                    sha256="",
                    filename=filename,
                    external_ref=external_ref,
                    created_at=now,
                    updated_at=now,
                    server_version=0,
                    deleted=0,
                )
            )
            chunk, idx = first, 0
            while chunk:
                size += len(chunk)
                if size > limit:
                    raise DocumentTooLarge(limit)  # the transaction rolls back: nothing of it stays
                digest.update(chunk)
                conn.execute(insert(schema.document_chunks).values(document_id=doc_id, idx=idx, data=chunk))
                idx += 1
                chunk = stream.read(CHUNK_SIZE)
            if size == 0:
                raise DossierValidationError.single("file", "empty", "Ce fichier est vide.", "This file is empty.")
            sha = digest.hexdigest()
            conn.execute(update(schema.documents).where(schema.documents.c.id == doc_id).values(size=size, sha256=sha))
            created = {
                "title": meta["title"],
                "category": meta["category"],
                "document_date": meta["document_date"],
                "author_kind": meta["author_kind"],
                "confidentiality": conf,
                "format": str(fmt),
                "size": size,
                "sha256": sha,
                "filename": filename,
            }
            write.queue(_created(Entity.DOCUMENT, doc_id, meta["category"], created))
            return self._get(conn, doc_id)

    def _live_row(self, conn: Connection, document_id: str) -> Any:
        return _required(_live_row_where(conn, schema.documents, schema.documents.c.id == document_id))

    def _get(self, conn: Connection, document_id: str) -> DocumentInfo:
        return _document(self._live_row(conn, document_id))

    def get(self, document_id: str) -> DocumentInfo:
        with self._store.reading() as conn:
            return self._get(conn, document_id)

    def find_by_external_ref(self, ref: str) -> DocumentInfo | None:
        with self._store.reading() as conn:
            row = _live_row_where(conn, schema.documents, schema.documents.c.external_ref == ref)
            return _document(row) if row is not None else None

    def _live(self, category: str | None) -> Any:
        condition = schema.documents.c.deleted == 0
        return and_(condition, schema.documents.c.category == category) if category else condition

    def list(self, *, category: str | None = None, offset: int = 0, limit: int = 100) -> list[DocumentInfo]:
        query = (
            select(schema.documents)
            .where(self._live(category))
            .order_by(schema.documents.c.created_at.desc())
            .offset(max(0, offset))
            .limit(_bounded(limit))
        )
        with self._store.reading() as conn:
            return [_document(r) for r in conn.execute(query)]

    def count(self, *, category: str | None = None) -> int:
        with self._store.reading() as conn:
            return int(
                conn.execute(
                    select(func.count()).select_from(schema.documents).where(self._live(category))
                ).scalar_one()
            )

    def open(self, document_id: str) -> BinaryIO:
        info = self.get(document_id)
        return io.BufferedReader(_ChunkReader(self._store, info.id, info.size), buffer_size=CHUNK_SIZE)

    def read(self, document_id: str) -> bytes:
        with self.open(document_id) as stream:
            return stream.read()

    def set_confidentiality(self, document_id: str, confidentiality: doc_rules.Confidentiality) -> DocumentInfo:
        """Mask or unmask: allowed on every document, including those a professional or the insurer added."""
        with self._store._write() as write:
            conn = write.conn
            row = self._live_row(conn, document_id)
            old = json.loads(row.confidentiality)
            new = json.loads(confidentiality.model_dump_json())
            if old != new:
                conn.execute(
                    update(schema.documents)
                    .where(schema.documents.c.id == document_id)
                    .values(confidentiality=_dumps(new), updated_at=_iso(self._store.clock()))
                )
                masking = {"confidentiality": [old, new]}
                op = MutationOp.SET_CONFIDENTIALITY
                write.queue(Intent(Entity.DOCUMENT, document_id, row.category, op, row.server_version, masking))
            return self._get(conn, document_id)

    def retitle(
        self, document_id: str, *, title: str, document_date: date | str | None, by_its_author: bool = False
    ) -> DocumentInfo:
        """Change a document's title and date (its category names it on the service and stays); a professional's
        or the insurer's document only by its author (`by_its_author`, as for `delete`)."""
        with self._store._write() as write:
            conn = write.conn
            row = self._live_row(conn, document_id)
            if row.author_kind in _PROTECTED_AUTHORS and not (by_its_author and row.author_kind == "professional"):
                raise ReadOnlyEntry()
            meta = doc_rules.validate_document_metadata(
                title=title,
                category=row.category,
                document_date=document_date,
                author_kind=row.author_kind,
                confidentiality=json.loads(row.confidentiality),
                today=self._store.today(),
            )
            changes = {
                name: [getattr(row, name), meta[name]]
                for name in ("title", "document_date")
                if getattr(row, name) != meta[name]
            }
            if changes:
                conn.execute(
                    update(schema.documents)
                    .where(schema.documents.c.id == document_id)
                    .values(
                        title=meta["title"], document_date=meta["document_date"], updated_at=_iso(self._store.clock())
                    )
                )
                op = MutationOp.UPDATE
                write.queue(Intent(Entity.DOCUMENT, document_id, row.category, op, row.server_version, changes))
            return self._get(conn, document_id)

    def delete(self, document_id: str, *, by_its_author: bool = False) -> None:
        """Delete a document; one a professional or the insurer added only by its author (`by_its_author`: the
        clinic workstation, for the professional's own documents — the service's policy checks it again)."""
        with self._store._write() as write:
            conn = write.conn
            row = self._live_row(conn, document_id)
            if row.author_kind in _PROTECTED_AUTHORS and not (by_its_author and row.author_kind == "professional"):
                raise ReadOnlyEntry()
            conn.execute(schema.document_chunks.delete().where(schema.document_chunks.c.document_id == document_id))
            conn.execute(
                update(schema.documents)
                .where(schema.documents.c.id == document_id)
                .values(deleted=1, title="", filename=None, updated_at=_iso(self._store.clock()))
            )
            write.queue(Intent(Entity.DOCUMENT, document_id, row.category, MutationOp.DELETE, row.server_version))


class _ChunkReader(io.RawIOBase):
    """A read-only stream over a document's chunks; fetches one chunk at a time from the encrypted database."""

    def __init__(self, store: DossierStore, document_id: str, size: int) -> None:
        self._store = store
        self._id = document_id
        self._size = size
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: Any) -> int:
        if self._pos >= self._size:
            return 0
        idx, start = divmod(self._pos, CHUNK_SIZE)
        with self._store.reading() as conn:
            chunk = conn.execute(
                select(schema.document_chunks.c.data).where(
                    schema.document_chunks.c.document_id == self._id, schema.document_chunks.c.idx == idx
                )
            ).scalar_one()
        view = memoryview(chunk)[start:]
        n = min(len(view), len(buffer))
        buffer[:n] = view[:n]
        self._pos += n
        return n


class OutboxService:
    """The mutations waiting to be pushed, in client-sequence order (the sync engine consumes them)."""

    def __init__(self, store: DossierStore) -> None:
        self._store = store

    def pending(self, *, limit: int = 1000) -> list[OutboxMutation]:
        query = (
            select(schema.outbox)
            .where(schema.outbox.c.state == "pending")
            .order_by(schema.outbox.c.client_seq)
            .limit(_bounded(limit, 100_000))
        )
        with self._store.reading() as conn:
            return [
                OutboxMutation(
                    client_seq=r.client_seq,
                    mutation_id=r.mutation_id,
                    entity=r.entity,
                    entity_id=r.entity_id,
                    kind=r.kind,
                    op=r.op,
                    base_version=r.base_version,
                    changes=json.loads(r.changes),
                    created_at=r.created_at,
                    state=r.state,
                )
                for r in conn.execute(query)
            ]

    def count_pending(self) -> int:
        with self._store.reading() as conn:
            return int(
                conn.execute(
                    select(func.count()).select_from(schema.outbox).where(schema.outbox.c.state == "pending")
                ).scalar_one()
            )


def _created(entity: Entity, entity_id: str, kind: str, values: Mapping[str, Any]) -> Intent:
    """A `create`: every field goes from nothing to its value."""
    return Intent(entity, entity_id, kind, MutationOp.CREATE, 0, {k: [None, v] for k, v in values.items()})


def _live_row_where(conn: Connection, table: Table, condition: Any) -> Any:
    """The one live (not tombstoned) row of an entries/documents table matching `condition`, or None."""
    return conn.execute(select(table).where(condition, table.c.deleted == 0)).first()


def _required(row: Any) -> Any:
    if row is None:
        raise NotFound()
    return row


def _bounded(limit: int, ceiling: int = 10_000) -> int:
    return max(1, min(int(limit), ceiling))


def _parse_dt(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _entry(row: Any) -> Entry:
    return Entry(
        id=row.id,
        kind=row.kind,
        data=json.loads(row.data),
        summary=row.summary,
        author_kind=row.author_kind,
        created_at=_parse_dt(row.created_at),
        updated_at=_parse_dt(row.updated_at),
        sort_date=row.sort_date,
        external_ref=row.external_ref,
        server_version=row.server_version,
    )


def _document(row: Any) -> DocumentInfo:
    return DocumentInfo(
        id=row.id,
        title=row.title,
        category=row.category,
        document_date=date.fromisoformat(row.document_date)
        if row.document_date and len(row.document_date) == 10
        else None,
        document_date_text=row.document_date,
        author_kind=row.author_kind,
        format=row.format,
        mime_type=row.mime_type,
        size=row.size,
        sha256=row.sha256,
        confidentiality=doc_rules.Confidentiality.model_validate_json(row.confidentiality),
        created_at=_parse_dt(row.created_at),
        updated_at=_parse_dt(row.updated_at),
        filename=row.filename,
        external_ref=row.external_ref,
    )
