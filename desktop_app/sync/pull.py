"""Pull: fetch every held dossier's changes page by page, and apply each page on top of the pending local work.

One request asks for all the held dossiers at once (each with its cursor); while a page is applied, the next one is
already asked for. A page in state `reset` (or a digest that disagrees with the local copy once a dossier is caught
up) makes the dossier start over from nothing, keeping every pending change; `revoked` erases it (`revocation`);
a dossier the service offers that this device does not hold yet is adopted when the policy holds it. Each page also
renews the dossier's offline lease (`leases`) and brings the conflicts the service recorded (`conflicts`).

Guarantees: a page and its cursor commit in one transaction, so a crash leaves the old or the new state and the next
pull converges; records with pending local work are re-materialised, never overwritten; a malformed answer
(ServiceAnswerInvalid) applies nothing and leaves every cursor where it was.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from sqlalchemy import Connection, delete, select

from desktop_app import schema
from desktop_app.changes import ChangeOrigin
from desktop_app.dossier_store import DossierStore
from desktop_app.setting_keys import SettingKey
from desktop_app.sync import conflicts, leases, local, revocation
from desktop_app.sync import tables as t
from desktop_app.sync.context import (
    S_LAST,
    S_MAX_BODY,
    S_MAX_MUTATIONS,
    S_SEARCH_STALE,
    Progress,
    SyncContext,
    SyncReport,
    crash_point,
    get_meta,
    set_meta,
)
from desktop_app.sync.http import read_answer
from dossier.sync_protocol import (
    LEGACY_MAX_MUTATIONS,
    ConflictItem,
    DossierPage,
    Entity,
    PageState,
    PullResult,
    Record,
)

_SEARCH_TRIGGERS = ("entries_fts_insert", "entries_fts_update")
_BULK_ROWS = 500  # from this many entries in one page, the search index is rebuilt once instead of row by row


def _drop(ahead: tuple[Any, Future[Any]] | None) -> None:
    """Forget a page asked for in advance: wait for it (bounded by the HTTP timeouts), ignore how it ended."""
    if ahead is not None and not ahead[1].cancel():
        with contextlib.suppress(Exception):
            ahead[1].result()


def cursor(store: DossierStore) -> str | None:
    with store.reading() as conn:
        return get_meta(conn, "cursor")


def pull_body(ctx: SyncContext, cursors: dict[str, str | None]) -> PullResult:
    """One pull request for these dossiers (and cursors), its answer validated."""
    response = ctx.http.request(
        "POST",
        "/v1/sync/pull",
        json={"client_id": ctx.client_id, "dossiers": dict(cursors), "limit": ctx.page_limit},
    )
    return read_answer(response, PullResult, "pull")


def pull(ctx: SyncContext, report: SyncReport) -> None:
    """Pull until every held dossier is caught up; the search index is rebuilt once at the end if a page needs it."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="carnet-pull") as fetcher:
        try:
            _pull_pages(ctx, report, fetcher)
        except BaseException:
            with contextlib.suppress(Exception):  # the sync's own failure is the one to report
                rebuild_search_indexes(ctx)
            raise
    rebuild_search_indexes(ctx)
    if ctx.last_server_time:
        ctx.profile.set_setting(S_LAST, ctx.last_server_time)


def _pull_pages(ctx: SyncContext, report: SyncReport, fetcher: ThreadPoolExecutor) -> None:
    redo: set[str] = set()
    forced_reset: set[str] = set()
    # While a page is applied locally, the next one is already asked for (the server builds it meanwhile). It is
    # used only if the request it answers is exactly the one the loop would send now; otherwise it is dropped.
    ahead: tuple[dict[str, str | None], Future[PullResult]] | None = None
    try:
        for _ in range(10_000):
            lease_states = leases.lease_states(ctx)
            held = [d for d in ctx.profile.dossier_ids() if lease_states.get(d) != "purged"]
            cursors = {d: (None if d in forced_reset else cursor(ctx.profile.dossier(d))) for d in held}
            body = ahead[1].result() if ahead is not None and ahead[0] == cursors else pull_body(ctx, cursors)
            _drop(ahead)
            ahead = None
            crash_point("pull.response_received")
            remember_limits(ctx, body)
            pages = body.dossiers
            if any(p.more for p in pages) and all(p.state is PageState.OK for p in pages) and not forced_reset:
                following = {str(p.dossier_id): p.cursor for p in pages}
                ahead = (following, fetcher.submit(pull_body, ctx, following))
            if not apply_pull(ctx, body, held, report, redo=redo, forced_reset=forced_reset):
                return
    finally:
        _drop(ahead)


def apply_pull(
    ctx: SyncContext,
    body: PullResult,
    held: list[str],
    report: SyncReport,
    *,
    redo: set[str],
    forced_reset: set[str],
) -> bool:
    """Apply one pull answer; True when another request is needed."""
    more = False
    for page in body.dossiers:
        dossier_id = str(page.dossier_id)
        if page.state is PageState.REVOKED:
            revocation.revoke(ctx, dossier_id, report)
            continue
        reset = page.state is PageState.RESET or dossier_id in forced_reset
        forced_reset.discard(dossier_id)
        store = ctx.profile.dossier(dossier_id)
        report.pulled += apply_page(ctx, store, page, reset=reset, report=report)
        leases.check_in(ctx, dossier_id, page, body.server_time)
        if page.more:
            more = True
        elif page.digest and page.digest != local.local_digest(store) and dossier_id not in redo:
            # Diverged (e.g. a damaged local copy): re-download that dossier, keeping the pending work.
            redo.add(dossier_id)
            forced_reset.add(dossier_id)
            more = True
        ctx.progress(Progress("pull", report.pulled, report.pulled + (1 if page.more else 0)))
    for offered in map(str, body.available):
        if offered not in held and ctx.policy.holds(offered):
            adopt(ctx, offered)
            more = True
    return more


def remember_limits(ctx: SyncContext, body: PullResult) -> None:
    if body.max_body and body.max_body != ctx.max_body:
        ctx.max_body = body.max_body
        ctx.profile.set_setting(S_MAX_BODY, body.max_body)
    mutations = body.max_mutations or LEGACY_MAX_MUTATIONS  # a service that does not say takes what it always took
    if mutations != ctx.max_mutations:
        ctx.max_mutations = mutations
        ctx.profile.set_setting(S_MAX_MUTATIONS, mutations)
    if body.server_time:
        ctx.last_server_time = body.server_time


def adopt(ctx: SyncContext, dossier_id: str) -> None:
    """Start holding a dossier the service offers (its first page comes with the next request)."""
    own = ctx.setting(SettingKey.OWN_DOSSIER_ID)
    mine = own in (None, dossier_id)  # after a device purge, signing in again brings the person's own dossier back
    role = "own" if mine and ctx.profile.device_mode == "personal" else "patient"
    ctx.profile.create_dossier(f"Dossier {dossier_id[:8]}", role=role, dossier_id=dossier_id)


def apply_page(ctx: SyncContext, store: DossierStore, page: DossierPage, *, reset: bool, report: SyncReport) -> int:
    """Apply one dossier's page and move its cursor, in one transaction; the number of items it held."""
    items = page.items
    records = [i for i in items if isinstance(i, Record)]
    found = [i for i in items if isinstance(i, ConflictItem)]
    with store.transaction() as conn:
        if reset:
            reset_local(conn)
        rows = [local.ServerRow.of(r) for r in records]
        local.store_shadow(conn, rows)
        pending_ids = local.pending_ids(conn) if records else set()
        plain = [r for r in rows if r.entity_id not in pending_ids]
        entries = [r for r in plain if r.entity == Entity.ENTRY]
        triggers = defer_search_index(conn) if len(entries) >= _BULK_ROWS else []
        local.write_rows(store, conn, Entity.ENTRY.value, entries)
        for sql in triggers:
            conn.exec_driver_sql(sql)
        local.write_rows(store, conn, Entity.DOCUMENT.value, [r for r in plain if r.entity == Entity.DOCUMENT])
        crash_point("pull.mid_page")
        for r in rows:
            if r.entity_id in pending_ids:
                local.materialise(store, conn, r.entity, r.entity_id)
        report.new_conflicts += conflicts.store(conn, found)
        set_meta(conn, "cursor", page.cursor)
        if reset or items:  # published after the commit: the open pages refresh, the engine ignores it
            entities = {r.entity for r in records} | ({Entity.CONFLICT} if found else set())
            kinds = () if reset else {i.kind for i in items}
            ids = () if reset else {str(r.entity_id) for r in records}
            store.note_change(ChangeOrigin.PULL, set(Entity) if reset else entities, kinds=kinds, ids=ids)
    crash_point("pull.after_page_commit")
    if report.new_conflicts and found:
        conflicts.tell(ctx)
    return len(items)


def defer_search_index(conn: Connection) -> list[str]:
    """Write this page's entries without indexing each one for search; the index is rebuilt once afterwards.

    The trigram index costs most of a bulk write when kept row by row, and a rebuild from the table is about ten
    times cheaper. The triggers are dropped here and re-created (from the SQL returned) in this page's transaction,
    so other connections never see them missing; the `search_stale` mark commits with the page, so a crash before
    the rebuild is repaired by the next sync. Until then, search may miss this page's entries.
    """
    triggers = [
        str(sql)
        for (sql,) in conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?) ORDER BY name",
            _SEARCH_TRIGGERS,
        )
    ]
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS entries_fts_insert")
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS entries_fts_update")
    set_meta(conn, S_SEARCH_STALE, "1")
    return triggers


def rebuild_search_indexes(ctx: SyncContext) -> None:
    """Rebuild the search index of every dossier a bulk pull left stale (one transaction each)."""
    for dossier_id in ctx.profile.dossier_ids():
        store = ctx.profile.dossier(dossier_id)
        with store.reading() as conn:
            if get_meta(conn, S_SEARCH_STALE) is None:
                continue
        with store.transaction() as conn:
            conn.exec_driver_sql("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
            set_meta(conn, S_SEARCH_STALE, None)


def reset_local(conn: Connection) -> None:
    """Forget the server's state (it comes again) but keep every pending local change and its rows."""
    pending = local.pending_ids(conn)
    conn.execute(delete(t.sync_shadow))
    conn.execute(delete(t.sync_conflicts))
    conn.execute(delete(t.sync_blobs).where(t.sync_blobs.c.direction == "down"))
    for table in (schema.entries, schema.documents):
        ids = [r.id for r in conn.execute(select(table.c.id)) if r.id not in pending]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            if table is schema.documents:
                conn.execute(delete(schema.document_chunks).where(schema.document_chunks.c.document_id.in_(chunk)))
            conn.execute(delete(table).where(table.c.id.in_(chunk)))
    set_meta(conn, "cursor", None)
