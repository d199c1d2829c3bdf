"""A patient's histoire de santé at the clinic workstation: the care the insurer reimbursed (last 24 months), asked
of the service by the professional (GET /v1/pro/dossiers/{id}/care-history: the policy decides, the read lands in
the patient's historique des accès), its last copy kept in the patient's encrypted copy on this workstation — so it
is erased with that copy (end of the day, end of the lease, revocation) — and shown offline with its date.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select

from desktop_app import schema
from desktop_app.care_history import CARE_PAGE, CareHistory, CareRecord
from desktop_app.dossier_store import DossierStore
from desktop_app.errors import CarnetError
from desktop_app.sync.http import SyncHttp

KEY = "clinic.care_history"
"""The copy's key in the dossier database's `meta` table (inside the dossier's SQLCipher file)."""


class CareHistoryInvalid(CarnetError):
    message_fr = "La réponse du service pour l'histoire de santé est illisible ; rien n'a été remplacé."
    message_en = "The service's answer for the health history is unreadable; nothing was replaced."


def _record(raw: dict[str, Any]) -> CareRecord:
    return CareRecord(
        str(raw["id"]),
        str(raw["kind"]),
        date.fromisoformat(str(raw["date"])),
        str(raw["label"]),
        str(raw["professional"]) if raw.get("professional") else None,
    )


def _records(raw: list[dict[str, Any]]) -> tuple[CareRecord, ...]:
    try:
        return tuple(_record(r) for r in raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise CareHistoryInvalid() from exc


def fetch(http: SyncHttp, dossier_id: str, store: DossierStore | None, now: Callable[[], datetime]) -> CareHistory:
    """Ask the service (every page), keep the copy in `store` when this workstation holds the dossier. Offline:
    SyncOffline (the caller shows the kept copy); refused by the policy: ServiceRefused with its reason."""
    raw: list[dict[str, Any]] = []
    while True:
        page = http.request("GET", f"/v1/pro/dossiers/{dossier_id}/care-history?limit={CARE_PAGE}&offset={len(raw)}")
        rows = page.json()
        if not isinstance(rows, list):
            raise CareHistoryInvalid()
        raw.extend(rows)
        if len(rows) < CARE_PAGE:
            break
    records = _records(raw)  # checked before anything is replaced
    fetched_at = now()
    if store is not None:
        value = json.dumps({"fetched_at": fetched_at.isoformat(), "records": raw}, ensure_ascii=False)
        with store.transaction() as conn:
            conn.execute(delete(schema.meta).where(schema.meta.c.key == KEY))
            conn.execute(insert(schema.meta).values(key=KEY, value=value))
    return CareHistory(records, fetched_at, from_cache=False)


def kept(store: DossierStore) -> CareHistory | None:
    """The last copy fetched on this workstation for this dossier (None: never fetched, or unreadable)."""
    with store.reading() as conn:
        value = conn.scalar(select(schema.meta.c.value).where(schema.meta.c.key == KEY))
    if value is None:
        return None
    try:
        data = json.loads(value)
        return CareHistory(_records(data["records"]), datetime.fromisoformat(data["fetched_at"]), from_cache=True)
    except (CareHistoryInvalid, KeyError, TypeError, ValueError):
        return None
