"""An imported entry says where it came from in the section tables and the vaccinations list (never « Moi »)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.dossier_store import Entry
from ui.entries.columns import entry_columns, entry_source
from ui.vaccinations.view import added_by

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
CDA_SYNTHESIS = Path(__file__).parents[1] / "interop" / "cda" / "fixtures" / "vsm_synthese.xml"


def _entry(data: dict[str, object]) -> Entry:
    return Entry("e1", "vaccination", data, "Vaccination", "patient", NOW, NOW, "2024-02-14")


def test_an_imported_entry_shows_its_source_and_a_typed_one_shows_nothing(qapp) -> None:
    imported = _entry(
        {
            "vaccine": "DTPolio",
            "date": "2024-02-14",
            "provenance": {"document": "ips.json", "imported_on": "2026-12-06", "organisation": "CHU de Rennes"},
        }
    )
    typed = _entry({"vaccine": "DTPolio", "date": "2024-02-14"})
    assert entry_source(imported) == "Importé de CHU de Rennes (ips.json) le 06/12/2026"
    assert added_by(imported) == entry_source(imported)
    assert entry_source(typed) == "" and added_by(typed) == "Moi"
    source = entry_columns(with_kind=False)[-1]
    assert source.header() == "Source" and source.value(imported) == entry_source(imported)


def test_an_entry_imported_from_a_cda_document_names_the_document(profiles: Any) -> None:
    from desktop_app.exports.cda_io import import_cda_file

    profile, _ = profiles.create("Camille Fictive", "cheval agrafe lune 47 brique Tonnerre")
    try:
        ds = profile.dossier()
        import_cda_file(ds, CDA_SYNTHESIS)
        [vaccination] = ds.entries.list("vaccination")
        day = ds.today()
        assert entry_source(vaccination) == (
            "Importé de Cabinet médical des Tilleuls (Volet de synthèse médicale) le "
            f"{day.day:02d}/{day.month:02d}/{day.year}"
        )
        assert added_by(vaccination) == entry_source(vaccination)
    finally:
        profile.lock()
