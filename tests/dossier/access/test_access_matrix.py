"""The matrice d'habilitation file: the shipped one is complete and sensible; broken ones are refused."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dossier.access import DocumentCategory, Profession, default_matrix, default_matrix_path, load_matrix
from dossier.documents import DOCUMENT_CATEGORIES
from dossier.errors import DossierValidationError

SHIPPED_TEXT = default_matrix_path().read_text(encoding="utf-8")


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHIPPED_TEXT)
    return data


def issues_of(data: object) -> dict[str, str]:
    text = data if isinstance(data, str | bytes) else json.dumps(data)
    with pytest.raises(DossierValidationError) as info:
        load_matrix(text)
    return {issue.field: issue.code for issue in info.value.issues}


def test_categories_are_those_of_the_documents_module() -> None:
    assert {c.value for c in DocumentCategory} == set(DOCUMENT_CATEGORIES)


def test_shipped_matrix_loads_with_every_cell() -> None:
    matrix = default_matrix()
    assert set(matrix.cells) == set(Profession)
    assert load_matrix(SHIPPED_TEXT.encode()) == matrix  # bytes and text give the same matrix


@pytest.mark.parametrize(
    ("profession", "category", "allowed"),
    [
        (
            Profession.CHIRURGIEN_DENTISTE,
            DocumentCategory.DIRECTIVES_ANTICIPEES,
            False,
        ),  # PRODUCT.md's example
        (Profession.CHIRURGIEN_DENTISTE, DocumentCategory.IMAGERIE, True),
        (Profession.PHARMACIEN, DocumentCategory.ORDONNANCE, True),
        (Profession.PHARMACIEN, DocumentCategory.IMAGERIE, False),
        (Profession.MANIPULATEUR_RADIO, DocumentCategory.IMAGERIE, True),
        (Profession.MANIPULATEUR_RADIO, DocumentCategory.DIRECTIVES_ANTICIPEES, False),
        (Profession.BIOLOGISTE, DocumentCategory.BIOLOGIE, True),
        (Profession.MEDECIN_DU_TRAVAIL, DocumentCategory.ADMINISTRATIF, False),
        (Profession.PSYCHOLOGUE, DocumentCategory.ORDONNANCE, False),
    ],
)
def test_shipped_matrix_key_cells(profession: Profession, category: DocumentCategory, allowed: bool) -> None:
    assert default_matrix().allows(profession, category) is allowed


def test_doctors_and_samu_see_every_category() -> None:
    matrix = default_matrix()
    for profession in (
        Profession.MEDECIN_GENERALISTE,
        Profession.MEDECIN_SPECIALISTE,
        Profession.MEDECIN_REGULATEUR_SAMU,
    ):
        assert matrix.cells[profession] == frozenset(DocumentCategory), profession


def test_product_decisions_are_documented_in_the_file() -> None:
    decisions = default_matrix().decisions
    assert "chirurgien_dentiste.directives_anticipees" in decisions
    assert all(text.strip() for text in decisions.values())


def test_not_json() -> None:
    assert issues_of("{ pas du json") == {"matrix": "invalid_json"}


def test_not_an_object() -> None:
    assert issues_of("[]") == {"matrix": "not_object"}


def test_wrong_format_and_version_are_both_reported() -> None:
    data = shipped() | {"format": "autre-chose", "version": 2}
    assert issues_of(data) == {"format": "wrong_format", "version": "unsupported_version"}


def test_unknown_profession() -> None:
    data = shipped()
    data["professions"]["astrologue"] = data["professions"]["pharmacien"]
    assert issues_of(data) == {"professions.astrologue": "unknown_profession"}


def test_missing_profession() -> None:
    data = shipped()
    del data["professions"]["orthoptiste"]
    assert issues_of(data) == {"professions.orthoptiste": "missing_profession"}


def test_unknown_category() -> None:
    data = shipped()
    data["professions"]["infirmier"]["radiologie_x"] = True
    assert issues_of(data) == {"professions.infirmier.radiologie_x": "unknown_category"}


def test_missing_cell() -> None:
    data = shipped()
    del data["professions"]["pharmacien"]["biologie"]
    assert issues_of(data) == {"professions.pharmacien.biologie": "missing_cell"}


@pytest.mark.parametrize("value", ["true", 1, 0, None, "oui", []])
def test_cell_must_be_a_boolean(value: object) -> None:
    data = shipped()
    data["professions"]["sage_femme"]["certificat"] = value
    assert issues_of(data) == {"professions.sage_femme.certificat": "cell_not_boolean"}


def test_row_must_be_an_object() -> None:
    data = shipped()
    data["professions"]["sage_femme"] = ["synthese"]
    assert issues_of(data) == {"professions.sage_femme": "row_not_object"}


def test_professions_missing() -> None:
    data = shipped()
    del data["professions"]
    found = issues_of(data)
    assert found["professions"] == "missing_professions"
    assert len(found) == 1 + len(Profession)  # and each profession is named as missing


def test_categories_header_must_match() -> None:
    data = shipped()
    data["categories"] = data["categories"][:-1]
    assert issues_of(data) == {"categories": "categories_mismatch"}


def test_decision_on_unknown_cell() -> None:
    data = shipped()
    data["decisions"]["dentiste.directives_anticipees"] = "typo in the profession"
    assert issues_of(data) == {"decisions.dentiste.directives_anticipees": "unknown_cell"}


def test_every_problem_is_reported_at_once_in_french() -> None:
    data = shipped()
    del data["professions"]["pharmacien"]["biologie"]
    data["professions"]["infirmier"]["imagerie"] = "non"
    with pytest.raises(DossierValidationError) as info:
        load_matrix(json.dumps(data))
    assert len(info.value.issues) == 2
    message = info.value.message("fr")
    assert "Case manquante" in message and "pharmacien" in message
    assert "true ou false" in message
    assert "Missing cell" in info.value.message("en")


def test_the_vaccination_row_is_the_case_tables_cell_by_cell_each_with_its_reason() -> None:
    from access_case_table import VACCINATING

    matrix = default_matrix()
    assert {p: matrix.may_vaccinate(p) for p in Profession} == VACCINATING
    assert all(matrix.decisions.get(f"{p.value}.vaccination", "").strip() for p in VACCINATING if VACCINATING[p])
    assert "R4311-5-1" in matrix.decisions["infirmier.vaccination"]
    assert not matrix.may_vaccinate(Profession.MASSEUR_KINESITHERAPEUTE)


def test_vaccination_row_missing_or_wrong() -> None:
    data = shipped()
    del data["vaccination"]["infirmier"]
    data["vaccination"]["pharmacien"] = "oui"
    data["vaccination"]["sorcier"] = True
    assert issues_of(data) == {
        "vaccination.infirmier": "missing_cell",
        "vaccination.pharmacien": "cell_not_boolean",
        "vaccination.sorcier": "unknown_profession",
    }
    data = shipped()
    del data["vaccination"]
    assert issues_of(data) == {"vaccination": "missing_vaccination"}
