"""Dossier Sync v1, client side.

`engine.SyncEngine` runs one sync phase after phase; each phase is a module of plain functions over a `SyncContext`:

- `push` — send the outbox, apply the results;  `pull` — fetch pages, apply them on top of pending work;
- `uploads` / `downloads` — document bytes, resumable;  `conflicts` — the service's conflicts, a person's decision;
- `leases` — offline leases of cached dossiers;  `revocation` — every purge (revoked, device removed, lease, drop);
- `local` — the local copy both push and pull write (shadow + visible rows);  `policy` — what a kind of device holds;
- `context` — the shared words and state;  `http` — HTTP with backoff;  `account` — sign-in;  `tables` — local tables.
"""
