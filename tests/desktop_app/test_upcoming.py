"""« À venir » and dismissed prevention suggestions on a real encrypted profile: the next appointments (a repeating
one by its next date) and the acts due or overdue, minus those set aside (« Ne plus me le proposer » for good,
« Plus tard » for a month), the marks kept in the profile's encrypted settings across a lock, and undone."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from desktop_app import agenda, prevention
from desktop_app.errors import CarnetError
from desktop_app.upcoming import upcoming
from tests.support.profiles import PASSWORD

NOW = datetime(2026, 12, 6, 10, 0)
TODAY = NOW.date()


@pytest.fixture
def store(profile: Any) -> Any:
    store = profile.dossier()
    store.entries.create(
        "identity",
        {"birth_name": "Martin", "first_names": "Camille", "sex": "F", "birth_date": "1976-03-01"},
    )
    return store


def _lines(store: Any, profile: Any, now: datetime = NOW) -> list[tuple[str, str, str, bool]]:
    shown, _total = upcoming(store, profile, now=now, limit=50)
    return [(u.section, u.key, u.label_fr, u.overdue) for u in shown]


def test_next_appointments_and_due_prevention(store: Any, profile: Any) -> None:
    agenda.add_appointment(store, {"title": "Passé", "starts_at": "2026-11-02T09:00"})
    dentist = agenda.add_appointment(store, {"title": "Dentiste", "starts_at": "2026-12-10T14:30"})
    agenda.add_appointment(store, {"title": "Trop loin", "starts_at": "2027-09-10T14:30"})
    physio = agenda.add_appointment(
        store, {"title": "Kiné", "starts_at": "2026-11-03T09:00", "repeat": "weekly", "repeat_count": 10}
    )
    lines = _lines(store, profile)
    appointments = [line for line in lines if line[0] == "agenda"]
    assert [(key, label) for _s, key, label, _o in appointments] == [(physio.id, "Kiné"), (dentist.id, "Dentiste")]
    shown, total = upcoming(store, profile, now=NOW)
    kine = next(u for u in shown if u.key == physio.id)
    assert kine.at == datetime(2026, 12, 8, 9, 0)  # the next Tuesday of the repeat, not its first date
    # The appointments first; then, born 1 March 1976 (50 in 2026), the overdue acts (oldest first), keyed by their
    # rule id, then the acts due now (the check-up, due since her 45th birthday).
    assert [(key, overdue) for section, key, _label, overdue in lines if section == "prevention"] == [
        ("screening_cervix_30", True),
        ("dtp_adult", True),
        ("screening_breast", True),
        ("screening_colorectal", True),
        ("bilan_prevention", False),
    ]
    assert [line[1] for line in lines[:2]] == [physio.id, dentist.id]
    assert total == len(lines) == 7 and len(shown) == 6
    # Many appointments take at most half the lines while prevention has some to show.
    for day in range(11, 16):
        agenda.add_appointment(store, {"title": f"Séance {day}", "starts_at": f"2026-12-{day}T10:00"})
    shown, total = upcoming(store, profile, now=NOW)
    assert [u.section for u in shown] == ["agenda"] * 3 + ["prevention"] * 3 and total == 12


def test_dismissed_suggestions_are_kept_encrypted_and_undone(directory: Any, store: Any, profile: Any) -> None:
    keys = {line[1] for line in _lines(store, profile)}
    assert {"screening_breast", "screening_colorectal"} <= keys
    before = prevention.dismiss(profile, store.dossier_id, "screening_breast", never=True, today=TODAY)
    assert before is None
    prevention.dismiss(profile, store.dossier_id, "screening_colorectal", never=False, today=TODAY)
    keys = {line[1] for line in _lines(store, profile)}
    assert "screening_breast" not in keys and "screening_colorectal" not in keys
    # « Plus tard » comes back a month on; « Ne plus me le proposer » never does.
    later = {line[1] for line in _lines(store, profile, NOW + timedelta(days=30))}
    assert "screening_colorectal" in later and "screening_breast" not in later
    # Kept in the profile's encrypted settings: still there after a lock and a new unlock.
    dossier_id = store.dossier_id
    profile.lock()
    again = directory.unlock(PASSWORD)
    try:
        marks = prevention.load_dismissed(again, dossier_id)
        assert marks == {"screening_breast": "never", "screening_colorectal": "2027-01-05"}
        assert b"screening_breast" not in (again.path / "account.db").read_bytes()  # SQLCipher: not in clear
        # Undo puts the previous mark back (none: proposed again).
        assert prevention.restore(again, dossier_id, "screening_breast", before) == "never"
        assert prevention.load_dismissed(again, dossier_id) == {"screening_colorectal": "2027-01-05"}
        with pytest.raises(CarnetError) as caught:
            prevention.dismiss(again, dossier_id, "pas_une_regle", never=True, today=TODAY)
        assert "Recommandation inconnue" in caught.value.message("fr")
        assert prevention.load_dismissed(again, dossier_id) == {"screening_colorectal": "2027-01-05"}
    finally:
        again.lock()


def test_without_a_birth_date_only_appointments(profile: Any) -> None:
    store = profile.dossier()
    agenda.add_appointment(store, {"title": "Dentiste", "starts_at": "2026-12-10"})
    shown, total = upcoming(store, profile, now=NOW)
    assert [(u.section, u.label_en, u.at) for u in shown] == [("agenda", "Dentiste", date(2026, 12, 10))] and total == 1
