"""The sync status model and the refusals' words (issue 17): pure text rules, then counts and settling on a real
SQLCipher profile. The service's answers themselves are exercised against the real service in tests/ui."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from desktop_app import schema
from desktop_app.dossier_store import Intent
from desktop_app.errors import NotFound
from desktop_app.setting_keys import SettingKey
from desktop_app.sync import tables as t
from desktop_app.sync.engine import SyncEngine
from desktop_app.sync.refusals import explain, refused_changes, settle
from desktop_app.sync.status import Counts, Link, SyncStatus, read_counts
from dossier.access.policy import Reason
from dossier.sync_protocol import Entity, MutationOp

ROOT = Path(__file__).resolve().parents[2]
AT = datetime(2026, 12, 6, 15, 48)


@pytest.mark.parametrize(
    ("status", "fr", "en"),
    [
        (SyncStatus(Link.OFFLINE), "Hors ligne", "Offline"),
        (SyncStatus(Link.REACHABLE), "Service joignable", "Service reachable"),
        (SyncStatus(Link.SYNCING), "Synchronisation…", "Syncing…"),
        (SyncStatus(Link.SYNCING, progress=(3, 10)), "Synchronisation 3/10", "Syncing 3/10"),
        (SyncStatus(Link.UP_TO_DATE, last_success=AT), "À jour à 15:48", "Up to date at 15:48"),
        # Never "à jour" while something waits to be sent (the edit made after the last sync).
        (
            SyncStatus(Link.UP_TO_DATE, pending=1, last_success=AT),
            "1 modification en attente d'envoi",
            "1 change waiting to be sent",
        ),
        (
            SyncStatus(Link.OFFLINE, pending=3, refused=2),
            "Hors ligne · 3 modifications en attente d'envoi · 2 modifications refusées — voir",
            "Offline · 3 changes waiting to be sent · 2 changes refused — see",
        ),
        (
            SyncStatus(Link.UP_TO_DATE, refused=1, conflicts=2, last_success=AT),
            "À jour à 15:48 · 1 modification refusée — voir · 2 conflits à régler — voir",
            "Up to date at 15:48 · 1 change refused — see · 2 conflicts to resolve — see",
        ),
    ],
)
def test_one_sentence_in_each_language(status: SyncStatus, fr: str, en: str) -> None:
    assert status.text("fr") == fr
    assert status.text("en") == en


def test_counts_replace_the_previous_ones_and_attention_means_refusals_or_conflicts() -> None:
    status = SyncStatus(Link.UP_TO_DATE, pending=5).with_counts(Counts(pending=0, refused=1))
    assert (status.pending, status.refused, status.needs_attention) == (0, 1, True)
    assert not SyncStatus(Link.OFFLINE, pending=4).needs_attention


def _codes_the_service_rejects_with() -> set[str]:
    source = (ROOT / "server" / "sync" / "service.py").read_text(encoding="utf-8")
    return set(re.findall(r'_rejected\(\s*m,\s*"([a-z_]+)"', source))


def test_every_code_the_service_rejects_a_change_with_has_its_own_plain_sentence() -> None:
    codes = _codes_the_service_rejects_with()
    assert {"validation_failed", "unknown_kind", "kind_mismatch"} <= codes  # the parse found them
    conflict_decisions = {"unknown_conflict", "bad_resolution"}  # a refused decision reopens its conflict instead
    generic = explain(None, "rejected").why_fr
    for code in codes - conflict_decisions:
        said = explain(code, "rejected")
        assert said.why_fr != generic and said.why_en != generic, code
        assert said.why_fr != said.why_en


def test_every_access_refusal_named_is_a_real_policy_code_and_none_can_be_fixed_by_editing() -> None:
    from desktop_app.sync import refusals

    real = {r.value for r in Reason} | {"cannot_resolve"}
    assert set(refusals._FORBIDDEN) <= real
    for code in refusals._FORBIDDEN:
        said = explain(code, "forbidden")
        assert not said.can_edit and "abandonnez-la" in said.advice("fr") and "discard it" in said.advice("en")
    unknown = explain("a_code_from_a_newer_service", "forbidden")
    assert "vos droits" in unknown.why_fr and not unknown.can_edit
    assert explain("validation_failed", "rejected").can_edit
    assert "renvoyez-la" in explain("validation_failed", "rejected").advice("fr")


def _refuse(store, reason: str, status: str, message: str | None) -> str:
    """Queue a change and record the service's refusal of it, as push does."""
    entity_id = str(uuid.uuid4())
    with store._write() as write:
        write.queue(Intent(Entity.ENTRY, entity_id, "allergy", MutationOp.CREATE, 0, {"name": [None, "Arachide"]}))
    with store.transaction() as conn:
        mutation_id = conn.execute(select(schema.outbox.c.mutation_id).where(schema.outbox.c.entity_id == entity_id))
        mutation_id = mutation_id.scalar_one()
        conn.execute(update(schema.outbox).where(schema.outbox.c.mutation_id == mutation_id).values(state=status))
        conn.execute(
            insert(t.sync_results).values(mutation_id=mutation_id, status=status, reason=reason, message=message)
        )
    return mutation_id


def test_counts_and_refusals_read_from_the_carnet_then_settled_once(profile) -> None:
    profile.set_setting(SettingKey.SERVER_URL, "http://127.0.0.1:9")  # linked, never reached: nothing is sent here
    store = profile.dossier()
    assert read_counts(profile) == Counts(0, 0)
    store.entries.create("allergy", {"name": "Pollen"})
    assert read_counts(profile) == Counts(pending=1, refused=0)
    first = _refuse(store, "validation_failed", "rejected", "Gravité : valeur inconnue.")
    _refuse(store, "patient_deceased", "forbidden", "Vous n'avez pas le droit de faire cette modification.")
    assert read_counts(profile) == Counts(pending=1, refused=2)

    found = refused_changes(profile)
    assert found[0].mutation_id == first
    rejected, forbidden = found
    assert (
        rejected.what("fr") == "Allergie — ajout : Arachide" and rejected.what("en") == "Allergy — addition: Arachide"
    )
    assert rejected.why("fr") == "Le service n'accepte pas une des valeurs saisies. Gravité : valeur inconnue."
    assert rejected.why("en") == "The service does not accept one of the values entered."
    assert rejected.can_resend and not forbidden.can_resend
    assert forbidden.why("fr").startswith("Ce carnet est clos")

    with pytest.raises(ValueError, match="outcome"):
        settle(profile, rejected, "forgotten")
    settle(profile, rejected, "discarded")
    with pytest.raises(NotFound):  # already dealt with: nothing changes
        settle(profile, rejected, "resent")
    assert read_counts(profile) == Counts(pending=1, refused=1)
    engine = SyncEngine(profile)  # `carnet-cli sync status` lists only what is still to deal with
    assert [r["reason"] for r in engine.status()["dossiers"][0]["refused"]] == ["patient_deceased"]
    settle(profile, forbidden, "resent")
    assert refused_changes(profile) == [] and read_counts(profile) == Counts(pending=1, refused=0)
    assert engine.status()["dossiers"][0]["refused"] == []
    engine.http.close()
    with store.reading() as conn:
        states = sorted(conn.scalars(select(schema.outbox.c.state)))
    assert states == ["discarded", "pending", "resent"]  # nothing deleted: the history of what was sent stays
