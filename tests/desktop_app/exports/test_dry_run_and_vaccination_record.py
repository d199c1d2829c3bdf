"""Issue 17 engine parts: an import's dry run writes and publishes nothing yet reports what the real run does; the
printable carnet de vaccination lists every injection under the person's name."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.exports.file_import import import_file
from desktop_app.exports.printouts import Printout, build_printout
from tests.support.exports_ui import IDENTITY, SAMPLE_IMPORT, VACCINES


def test_a_dry_run_reports_what_the_import_does_and_writes_and_publishes_nothing(profile: Any, tmp_path: Path) -> None:
    ds = profile.dossier()
    path = tmp_path / "lot.json"
    path.write_text(json.dumps(SAMPLE_IMPORT), encoding="utf-8")
    heard: list[object] = []
    profile.changes.subscribe(heard.append)
    rehearsal = import_file(ds, path, dry_run=True)
    assert (ds.entries.count(), ds.outbox.count_pending(), heard) == (0, 0, [])
    assert rehearsal.dry_run and rehearsal.entries.created_entries == 1
    assert [s.reason.code for s in rehearsal.entries.skipped] == ["invalid_value"]
    done = import_file(ds, path, dry_run=False)
    assert ds.entries.count() == 1 and ds.outbox.count_pending() == 1 and heard
    assert done.entries.as_json() == rehearsal.entries.as_json()
    # Once imported, a second dry run says it is already there.
    again = import_file(ds, path, dry_run=True)
    assert (again.entries.created_entries, again.entries.merged) == (0, 1)


def test_the_vaccination_record_lists_every_injection_under_the_persons_name(profile: Any, tmp_path: Path) -> None:
    from tests.support.exports_ui import pdf_text

    ds = profile.dossier()
    ds.entries.create("identity", dict(IDENTITY))
    for shot in VACCINES:
        ds.entries.create("vaccination", dict(shot))
    out = tmp_path / "vaccins.pdf"
    out.write_bytes(build_printout(ds, Printout.VACCINATIONS, now=datetime(2026, 3, 1, tzinfo=UTC)))
    text = pdf_text(out)
    assert "Carnet de vaccination Zoé Lefèvre, né(e) le 29/02/1948" in text
    assert text.index("02/04/2019 DTPolio (Revaxis) Rappel T1234 Dr Roux") < text.index("20/10/2025 Grippe")
    assert "Primo-vaccination" in text
