"""PDF documents: the French text with its accents survives (pdftotext), fonts are embedded, nothing is cut off."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_app.exports.pdf import (
    AccessEvent,
    CaregiverGrant,
    build_access_history,
    build_caregiver_certificate,
    build_emergency_card,
    build_synthese,
)
from tests.support.letter_pdf import pdf_text, poppler

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def text_of(pdf: bytes, tmp_path: Path) -> str:
    return pdf_text(pdf, tmp_path)


def fonts_of(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([poppler("pdffonts"), str(path)], capture_output=True, check=True, text=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


@pytest.fixture
def dossier(profile: Any) -> Any:
    ds = profile.dossier()
    ds.entries.create(
        "identity",
        {
            "birth_name": "Lefèvre",
            "first_names": "Zoé",
            "sex": "F",
            "birth_date": "1948-02-29",
            "gp_name": "Dr Éloïse Marchand",
        },
    )
    ds.entries.create("allergy", {"substance": "Pénicilline", "reaction": "œdème de Quincke", "severity": "severe"})
    ds.entries.create("treatment", {"name": "Lévothyroxine 75 µg", "dosage": "1 comprimé à jeun"})
    ds.entries.create("treatment", {"name": "Amoxicilline", "start_date": "2020-01-02", "end_date": "2020-01-09"})
    ds.entries.create("condition", {"name": "Hypothyroïdie", "onset_date": "2010"})
    ds.entries.create("blood_group", {"abo": "AB", "rh": "negative"})
    ds.entries.create("emergency_contact", {"name": "Cécile Lefèvre", "phone": "0698765432", "relationship": "fille"})
    ds.entries.create("trusted_person", {"name": "Benoît Lefèvre", "phone": "0612345678"})
    ds.entries.create("advance_directive", {"kept_at": "Chez mon médecin traitant"})
    ds.entries.create("not_concerned", {"section": "hospitalisations"})
    return ds


def test_synthese_lists_every_section_with_accents(dossier: Any, tmp_path: Path) -> None:
    text = text_of(build_synthese(dossier.entries.list(), generated_at=NOW), tmp_path)
    for expected in (
        "Synthèse du profil médical",
        "Zoé Lefèvre, né(e) le 29/02/1948",
        "Pénicilline",
        "œdème de Quincke",
        "Lévothyroxine 75 µg",
        "Hypothyroïdie",
        "Hospitalisations Non concerné(e)",
        "Directives anticipées",
    ):
        assert expected in text, expected
    assert "Vaccinations" not in text  # a section with nothing to say is left out


def _add_lab_results(ds: Any, count: int) -> None:
    """`count` HbA1c results, one a month from January 2025 (the last one high), in scrambled order."""
    months = [(2025 + (m // 12), m % 12 + 1) for m in range(count)]
    for year, month in months[1::2] + months[::2]:
        last = (year, month) == months[-1]
        ds.entries.create(
            "lab_result",
            {
                "test": "HbA1c",
                "value": "7,2" if last else f"6,{month % 10}",
                "unit": "%",
                "interpretation": "élevé" if last else "normal",
                "date": f"{year}-{month:02d}-02",
            },
        )


def test_synthese_lists_the_ten_latest_lab_results_newest_first(dossier: Any, tmp_path: Path) -> None:
    _add_lab_results(dossier, 12)
    text = text_of(build_synthese(dossier.entries.list(limit=100), generated_at=NOW), tmp_path)
    assert "Résultats d'analyses" in text
    shown = [f"/{m:02d}/2025" for m in range(3, 13)]
    positions = [text.index(f"— 02{when}") for when in shown]
    assert "HbA1c : 7,2 % (élevé) — 02/12/2025" in text
    assert positions == sorted(positions, reverse=True)  # newest first
    assert "02/01/2025" not in text and "02/02/2025" not in text  # the two oldest are left out…
    assert "… et 2 résultats plus anciens, à consulter dans Carnet." in text  # …and the reader is told so


def test_a_few_lab_results_are_all_listed(dossier: Any, tmp_path: Path) -> None:
    _add_lab_results(dossier, 3)
    text = text_of(build_synthese(dossier.entries.list(limit=100), generated_at=NOW), tmp_path)
    assert all(f"02/{m:02d}/2025" in text for m in (1, 2, 3))
    assert "plus ancien" not in text


def test_emergency_card_holds_what_a_rescuer_needs(dossier: Any, tmp_path: Path) -> None:
    text = text_of(build_emergency_card(dossier.entries.list(), generated_at=NOW), tmp_path)
    for expected in (
        "CARTE D'URGENCE",
        "Pénicilline",
        "Lévothyroxine 75 µg",
        "Groupe sanguin : AB",
        "Médecin traitant : Dr Éloïse Marchand",
        "Cécile Lefèvre",
        "Personne de confiance : Benoît Lefèvre",
        "Directives anticipées : Oui",
        "Hypothyroïdie",
    ):
        assert expected in text, expected
    assert "Amoxicilline" not in text  # a finished treatment is not a current one


def test_a_long_allergy_list_shrinks_but_loses_nothing(tmp_path: Path) -> None:
    from dossier.fhir import SimpleEntry

    many = [SimpleEntry(str(i), "allergy", {"substance": f"Allergène numéro {i}"}) for i in range(30)]
    text = text_of(build_emergency_card(many, generated_at=NOW), tmp_path)
    assert all(f"Allergène numéro {i}" in text for i in range(30))


def test_access_history_is_newest_first_and_flags_emergencies(tmp_path: Path) -> None:
    events = [
        AccessEvent(datetime(2026, 3, 1, 10, 5), "Dr Éloïse Marchand (médecin généraliste)", "a consulté le dossier"),
        AccessEvent(datetime(2026, 3, 2, 23, 40), "SAMU — Dr Noël Braün", "a ouvert le dossier", "inconscient", True),
    ]
    text = text_of(build_access_history(events, patient_label="Zoé Lefèvre", generated_at=NOW), tmp_path)
    assert text.index("02/03/2026 23:40") < text.index("01/03/2026 10:05")
    assert "ACCÈS D'URGENCE (bris de glace)" in text and "Dr Noël Braün" in text
    empty = text_of(build_access_history([], patient_label="Zoé", generated_at=NOW), tmp_path)
    assert "Aucun accès enregistré" in empty


def test_caregiver_certificate_states_dates_rights_and_limits(tmp_path: Path) -> None:
    grant = CaregiverGrant("Zoé Lefèvre", "Benoît Lefèvre", date(2026, 3, 14), date(2026, 9, 14), "REF-1", "fils")
    text = text_of(build_caregiver_certificate(grant, generated_at=NOW), tmp_path)
    assert "Zoé Lefèvre autorise Benoît Lefèvre (fils)" in text
    assert "du 14/03/2026 au 14/09/2026 inclus" in text
    assert "exporter les données" in text and "gérer les accès des professionnels" in text
    with pytest.raises(ValueError):
        build_caregiver_certificate(
            CaregiverGrant("Zoé", "Benoît", date(2026, 3, 14), date(2026, 1, 1), "REF-2"), generated_at=NOW
        )


def test_every_pdf_embeds_its_fonts(dossier: Any, tmp_path: Path) -> None:
    """Built-in Helvetica is not embedded and prints black squares outside WinAnsi: only embedded DejaVu."""
    grant = CaregiverGrant("Zoé", "Benoît", date(2026, 3, 14), date(2026, 9, 14), "REF-1")
    for pdf in (
        build_synthese(dossier.entries.list(), generated_at=NOW),
        build_emergency_card(dossier.entries.list(), generated_at=NOW),
        build_access_history([], patient_label="Zoé", generated_at=NOW),
        build_caregiver_certificate(grant, generated_at=NOW),
    ):
        rows = fonts_of(pdf, tmp_path)
        assert rows and all("DejaVuSans" in row[0] for row in rows)
        assert all("yes" in row[-5:-3] for row in rows)  # "emb" column
