"""The demo the README's run command starts: a demo profile filled with realistic data through the engine.

    python -m desktop_app.demo [--data-dir D] [--print-only]

The demo password is printed on purpose: it protects demo data only. A real profile's password is never shown.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.dossier_store import DossierStore
from desktop_app.errors import CarnetError
from desktop_app.profile import ProfileDirectory, UnlockedProfile, default_data_dir

DEMO_LABEL = "Zoé Lefèvre (démo)"
DEMO_PASSWORD = "demo carnet hibou 2024 bleu marine"  # noqa: S105 — protects demo data only, printed on purpose

DEMO_ENTRIES: list[tuple[str, dict[str, object]]] = [
    (
        "identity",
        {
            "birth_name": "Lefèvre",
            "first_names": "Zoé Marie",
            "sex": "F",
            "birth_date": "1952-03-14",
            "birth_place": "Rouen",
            "phone": "06 12 34 56 78",
            "email": "zoe.lefevre@example.org",
            "gp_name": "Dr Anne Martin",
        },
    ),
    ("allergy", {"name": "Pénicilline", "reaction": "Urticaire géante", "severity": "severe"}),
    ("allergy", {"name": "Pollen de bouleau", "reaction": "Rhinite"}),
    ("condition", {"name": "Hypertension artérielle", "onset_date": "2009", "status": "active"}),
    ("condition", {"name": "Diabète de type 2", "onset_date": "2015-06", "status": "active"}),
    (
        "treatment",
        {"name": "Amlodipine", "dosage": "5 mg, 1 comprimé le matin", "start_date": "2009", "ongoing": "oui"},
    ),
    (
        "treatment",
        {"name": "Metformine", "dosage": "850 mg matin et soir", "start_date": "2015-06", "ongoing": "oui"},
    ),
    ("blood_group", {"abo": "A", "rh": "positive"}),
    (
        "vaccination",
        {
            "vaccine": "Grippe saisonnière",
            "date": "2025-10-20",
            "dose": "rappel",
            "lot": "FL2025-118",
            "vaccinator": "Pharmacie du Centre",
        },
    ),
    ("vaccination", {"vaccine": "Tétanos, diphtérie, poliomyélite", "date": "2017-04-03", "dose": "rappel"}),
    ("measurement", {"measure_type": "weight", "value": "68,5", "unit": "kg", "measured_at": "2026-10-02"}),
    ("measurement", {"measure_type": "weight", "value": "69.2", "unit": "kg", "measured_at": "2026-07-15"}),
    ("measurement", {"measure_type": "height", "value": "162", "unit": "cm", "measured_at": "2026-07-15"}),
    (
        "measurement",
        {
            "measure_type": "blood_pressure",
            "systolic": "13,5",
            "diastolic": "8",
            "unit": "cmHg",
            "measured_at": "2026-10-02",
        },
    ),
    (
        "measurement",
        {"measure_type": "blood_glucose", "value": "7.2", "unit": "mmol/L", "measured_at": "2026-10-02"},
    ),
    (
        "lifestyle",
        {"tobacco": "former", "alcohol": "occasional", "physical_activity": "moderate", "sleep_hours": "7"},
    ),
    ("emergency_contact", {"name": "Paul Lefèvre", "relationship": "fils", "phone": "06 98 76 54 32"}),
    ("trusted_person", {"name": "Claire Dubois", "relationship": "amie", "phone": "07 11 22 33 44"}),
    ("organ_donation", {"position": "donor", "told_relatives": "oui"}),
]

DEMO_NOTE = (
    "Compte rendu de consultation (démonstration)\n\n"
    "Patiente de 74 ans, hypertension et diabète de type 2 équilibrés.\n"
    "Poursuite du traitement. Prochain bilan sanguin dans 3 mois.\n"
).encode()


def seed_demo_dossier(store: DossierStore) -> list[str]:
    """Fill a dossier with the demo entries; returns the kinds that were refused (none when the domain agrees)."""
    refused = []
    with store.transaction():
        for kind, fields in DEMO_ENTRIES:
            try:
                store.entries.create(kind, fields)
            except CarnetError:
                refused.append(kind)
            except ValueError as exc:  # DossierValidationError: the demo must follow the domain, report it loudly
                refused.append(f"{kind}: {exc}")
        store.documents.add(
            DEMO_NOTE,
            title="Consultation de suivi",
            category="compte_rendu",
            document_date=None,
            author_kind="patient",
            filename="consultation.txt",
        )
    return refused


def ensure_demo_profile(directory: ProfileDirectory) -> tuple[UnlockedProfile, list[str]]:
    existing = [p for p in directory.profiles() if p.label == DEMO_LABEL]
    if existing:
        return directory.unlock(DEMO_PASSWORD, profile_id=existing[0].profile_id), []
    profile, _ = directory.create(DEMO_LABEL, DEMO_PASSWORD)
    return profile, seed_demo_dossier(profile.dossier())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="carnet-demo")
    parser.add_argument("--data-dir", type=Path, default=default_data_dir().with_name("Carnet-demo"))
    args = parser.parse_args(argv)
    directory = ProfileDirectory(args.data_dir)
    profile, refused = ensure_demo_profile(directory)
    try:
        dossier = profile.dossier()
        print(f"Carnet de démonstration : {profile.label}")
        print(f"Données chiffrées dans : {args.data_dir}")
        print(f"Mot de passe de démonstration : {DEMO_PASSWORD}\n")
        for entry in reversed(dossier.entries.list(limit=1000)):
            print(f"  {entry.kind:<18} {entry.summary}")
        for doc in dossier.documents.list():
            print(f"  document           {doc.title} ({doc.category}, {doc.format}, {doc.size} octets)")
        print(f"\n{dossier.outbox.count_pending()} modifications attendent la synchronisation.")
        if refused:
            print("Éléments de démonstration refusés : " + "; ".join(refused), file=sys.stderr)
            return 1
    finally:
        profile.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
