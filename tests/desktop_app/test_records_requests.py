"""Mes demandes de dossier on a real encrypted dossier: tracked with their deadlines, closed when the records
arrive, refused clearly when wrong, and the request letter carries the law, the identity and the request."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_app.errors import CarnetError
from desktop_app.records_requests import add_request, close_request, file_records, letter, list_requests
from dossier.errors import DossierValidationError
from dossier.right_of_access import RequestStatus
from tests.support.letter_pdf import pdf_pages, pdf_text

NOW = datetime(2025, 6, 20, 10, 0)
REQUEST = {
    "recipient": "Centre hospitalier de Rennes",
    "recipient_kind": "establishment",
    "recipient_address": "2 rue Henri Le Guilloux\n35000 Rennes",
    "requested": "Compte rendu d'hospitalisation de mars 2019\nRésultats d'imagerie (IRM du genou)",
    "oldest_information": "2019-03",
    "method": "registered_letter",
    "sent_on": "2025-06-02",
    "received_on": "2025-06-04",
    "delivery": "post",
}


@pytest.fixture
def store(profile: Any) -> Any:
    ds = profile.dossier()
    ds.entries.create(
        "identity",
        {
            "birth_name": "Lefèvre",
            "used_name": "Martin",
            "first_names": "Zoé",
            "sex": "F",
            "birth_date": "1948-02-29",
            "address": "12 rue des Lilas\n35000 Rennes",
            "email": "zoe.martin@exemple.fr",
        },
    )
    return ds


def test_a_request_is_tracked_then_closed(store: Any) -> None:
    old = add_request(store, REQUEST)
    recent = add_request(
        store,
        {**REQUEST, "oldest_information": "2024-11", "received_on": "2025-06-17", "recipient": "Dr Martin",
         "recipient_kind": "professional"},
    )  # fmt: skip
    tracked = {t.entry.id: t for t in list_requests(store, now=NOW)}
    # Information from 2019 is more than five years old on 4 June 2025: two months → Monday 4 August 2025.
    assert tracked[old.id].deadlines.latest == date(2025, 8, 4) and tracked[old.id].deadlines.long_deadline
    assert tracked[old.id].status is RequestStatus.WAITING
    # Received Tuesday 17 June: 8 days → Wednesday 25 June; the 48 hours end Thursday 19 June at midnight.
    assert tracked[recent.id].deadlines.latest == date(2025, 6, 25)
    assert tracked[recent.id].status is RequestStatus.WAITING
    late = {t.entry.id: t.status for t in list_requests(store, now=datetime(2025, 6, 26, 8, 0))}
    assert late[recent.id] is RequestStatus.LATE
    close_request(store, recent.id, answered_on=date(2025, 6, 27))
    after = list_requests(store, now=datetime(2025, 6, 28))
    assert [t.entry.id for t in after] == [old.id, recent.id]  # open first
    assert after[1].status is RequestStatus.ANSWERED
    assert after[1].as_dict()["latest"] == "2025-06-25"


def test_a_wrong_request_is_refused_and_nothing_is_written(store: Any) -> None:
    with pytest.raises(DossierValidationError) as caught:
        add_request(store, {**REQUEST, "sent_on": "31/02/2025", "method": "pigeon voyageur"})
    fields = {i.field for i in caught.value.issues}
    assert fields == {"sent_on", "method"}
    assert store.entries.count("records_request") == 0 and store.outbox.count_pending() == 1  # the identity only


def test_the_letter_cites_the_law_and_identifies_the_person(store: Any, tmp_path: Path) -> None:
    request = add_request(store, REQUEST)
    pdf = letter(store, request.id, written_on=date(2025, 6, 2), generated_at=NOW)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    for expected in (
        "Zoé Martin",
        "Nom de naissance : Lefèvre",
        "Date de naissance : 29/02/1948",
        "12 rue des Lilas",
        "À l'attention de la direction",
        "Centre hospitalier de Rennes",
        "Le 02/06/2025",
        "Lettre recommandée avec accusé de réception",
        "article L1111-7 du code de la santé publique",
        "loi n° 2002-303 du 4 mars 2002",
        "Compte rendu d'hospitalisation de mars 2019",
        "IRM du genou",
        "quarante-huit heures",
        "huit jours",
        "deux mois",
        "par courrier, à mon adresse",
        "copie de ma pièce d'identité",
        "R1111-1",
    ):
        assert expected in text, expected
    assert pdf_pages(pdf, tmp_path) == 1


def test_no_letter_without_an_identity(profile: Any) -> None:
    ds = profile.dossier()
    request = add_request(ds, REQUEST)
    with pytest.raises(CarnetError) as caught:
        letter(ds, request.id, written_on=date(2025, 6, 2), generated_at=NOW)
    assert "votre identité" in caught.value.message("fr")


def test_records_arriving_are_filed_and_close_the_request(store: Any) -> None:
    request = add_request(store, REQUEST)
    pdf = b"%PDF-1.4\n%%EOF\n"
    with pytest.raises(DossierValidationError):  # a wrong category: nothing filed, the request stays open
        file_records(store, request.id, pdf, filename="dossier.pdf", category="inconnue", received_on=date(2025, 6, 9))
    assert store.documents.count() == 0 and "answered_on" not in store.entries.get(request.id).data
    document = file_records(store, request.id, pdf, filename="dossier.pdf", received_on=date(2025, 6, 9))
    assert document.title == "Dossier reçu de Centre hospitalier de Rennes" and document.category == "compte_rendu"
    assert store.documents.read(document.id) == pdf
    tracked = list_requests(store, now=NOW)
    assert tracked[0].status is RequestStatus.ANSWERED and tracked[0].entry.data["answered_on"] == "2025-06-09"
