"""Issue 17: a CDA file chosen in the window is rehearsed first — the report says what it would store, nothing is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.exports.file_import import import_file


def test_a_cda_dry_run_reports_the_documents_and_entries_and_stores_nothing(dossier: Any, fixtures: Path) -> None:
    heard: list[object] = []
    dossier.changes.subscribe(heard.append)
    rehearsal = import_file(dossier, fixtures / "vsm_synthese.xml", dry_run=True)
    assert rehearsal.format == "cda" and rehearsal.dry_run
    assert rehearsal.documents_added >= 1 and rehearsal.entries.created_entries > 0
    assert (dossier.documents.count(), dossier.entries.count(), dossier.outbox.count_pending(), heard) == (0, 0, 0, [])
    done = import_file(dossier, fixtures / "vsm_synthese.xml", dry_run=False)
    assert (done.documents_added, done.entries.created_entries) == (
        rehearsal.documents_added,
        rehearsal.entries.created_entries,
    )
    assert dossier.documents.count() == done.documents_added and dossier.entries.count() > 0
