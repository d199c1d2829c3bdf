"""NIR, Carte Vitale serial, RPPS, activation codes and account identifiers: what a person may type."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.errors import DossierValidationError
from dossier.identifiers import (
    ACTIVATION_ALPHABET,
    generate_activation_code,
    luhn_is_valid,
    nir_key,
    normalize_activation_code,
    normalize_carte_vitale_serial,
    normalize_nir,
    normalize_rpps,
    normalize_user_identifier,
)


def _codes(error: pytest.ExceptionInfo[DossierValidationError]) -> list[tuple[str, str]]:
    return [(i.field, i.code) for i in error.value.issues]


# ---------------------------------------------------------------------------------------------------- NIR
def test_nir_keys_computed_by_hand() -> None:
    """Keys worked out by hand: key = 97 - (number mod 97).

    - 1 85 05 78 006 084: 1850578006084 mod 97 = 6 -> key 91
    - 2 90 01 2A 012 345 (Corse-du-Sud): 2A -> 19, 2900119012345 mod 97 = 86 -> key 11
    - 1 75 03 2B 001 234 (Haute-Corse): 2B -> 18, 1750318001234 mod 97 = 62 -> key 35
    """
    assert nir_key("1850578006084") == "91"
    assert nir_key("290012A012345") == "11"
    assert nir_key("175032B001234") == "35"
    assert 1850578006084 % 97 == 6 and 2900119012345 % 97 == 86 and 1750318001234 % 97 == 62


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("1 85 05 78 006 084 91", "185057800608491"),
        ("185057800608491", "185057800608491"),
        ("2 90 01 2A 012 345 11", "290012A01234511"),
        ("2 90 01 2a 012 345 11", "290012A01234511"),
        ("1 75 03 2B 001 234 35", "175032B00123435"),
        ("1\u00a085\u00a005 78 006 084 91", "185057800608491"),
    ],
)
def test_nir_accepts_spaces_and_corsica(typed: str, canonical: str) -> None:
    assert normalize_nir(typed) == canonical


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "required"),
        ("1 85 05 78 006 084", "invalid_length"),
        ("1 85 05 78 006 084 911", "invalid_length"),
        ("1 85 05 78 O06 084 91", "invalid_characters"),
        ("1 85 05 2C 006 084 91", "invalid_characters"),
        ("5 85 05 78 006 084 " + nir_key("5850578006084"), "invalid_sex"),
        ("1 85 13 78 006 084 " + nir_key("1851378006084"), "invalid_month"),
        ("1 85 00 78 006 084 " + nir_key("1850078006084"), "invalid_month"),
        ("1 85 05 78 006 084 92", "invalid_key"),
        ("2 90 01 2B 012 345 11", "invalid_key"),  # 2A's key does not fit 2B
    ],
)
def test_nir_refuses_with_a_french_reason(typed: str, code: str) -> None:
    with pytest.raises(DossierValidationError) as error:
        normalize_nir(typed)
    assert _codes(error) == [("nir", code)]
    issue = error.value.issues[0]
    assert "sécurité sociale" in issue.message_fr or "clé" in issue.message_fr
    assert issue.message_en and issue.message_en != issue.message_fr


@pytest.mark.parametrize("month", ["20", "42", "50", "99"])
def test_nir_accepts_insee_unknown_months(month: str) -> None:
    first13 = f"185{month}78006084"
    assert normalize_nir(first13 + nir_key(first13)) == first13 + nir_key(first13)


@pytest.mark.parametrize("sex", ["3", "4", "7", "8"])
def test_nir_accepts_temporary_numbers(sex: str) -> None:
    first13 = f"{sex}850599123456"
    assert normalize_nir(first13 + nir_key(first13)).startswith(sex)


_nir_bodies = st.builds(
    lambda sex, year, month, dept, rest: f"{sex}{year:02d}{month:02d}{dept}{rest}",
    st.sampled_from("123478"),
    st.integers(0, 99),
    st.integers(1, 12),
    st.one_of(st.integers(1, 95).map(lambda d: f"{d:02d}"), st.sampled_from(["2A", "2B", "99"])),
    st.text("0123456789", min_size=6, max_size=6),
)


@given(_nir_bodies)
def test_any_nir_with_its_computed_key_round_trips(first13: str) -> None:
    nir = first13 + nir_key(first13)
    assert normalize_nir(nir) == nir
    spaced = " ".join([nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:]])
    assert normalize_nir(spaced) == nir


@given(_nir_bodies, st.integers(1, 96))
def test_any_altered_key_fails(first13: str, shift: int) -> None:
    wrong = f"{(int(nir_key(first13)) + shift - 1) % 97 + 1:02d}"
    with pytest.raises(DossierValidationError) as error:
        normalize_nir(first13 + wrong)
    assert _codes(error) == [("nir", "invalid_key")]


@given(_nir_bodies, st.data())
def test_any_single_digit_typo_in_the_number_is_caught(first13: str, data: st.DataObject) -> None:
    nir = first13 + nir_key(first13)
    positions = [i for i in range(1, 13) if nir[i].isdigit() and i not in (3, 4)]
    position = data.draw(st.sampled_from(positions))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != nir[position]]))
    with pytest.raises(DossierValidationError):
        normalize_nir(nir[:position] + digit + nir[position + 1 :])


def test_fr_core_example_ins_has_a_wrong_key(corpus_dir: Path) -> None:
    """The FR Core example patient's INS (a made-up number) fails its key check: we do not trust such data blindly."""
    patient = json.loads((corpus_dir / "fhir/fr-core/Patient-Martine-Selfiesante.json").read_text("utf-8"))
    ins = next(i["value"] for i in patient["identifier"] if i.get("system") == "urn:oid:1.2.250.1.213.1.4.8")
    with pytest.raises(DossierValidationError) as error:
        normalize_nir(ins)
    assert _codes(error) == [("nir", "invalid_key")]
    assert normalize_nir(ins[:13] + nir_key(ins[:13])) == ins[:13] + nir_key(ins[:13])


# ------------------------------------------------------------------------------------ Carte Vitale, RPPS
@pytest.mark.parametrize(("typed", "expected"), [("12345678", "12345678"), ("1234 5678 9012", "123456789012")])
def test_carte_vitale_serial_accepted(typed: str, expected: str) -> None:
    assert normalize_carte_vitale_serial(typed) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "required"),
        ("1234567", "invalid_format"),
        ("1234567890123", "invalid_format"),
        ("1234A678", "invalid_format"),
    ],
)
def test_carte_vitale_serial_refused(typed: str, code: str) -> None:
    with pytest.raises(DossierValidationError) as error:
        normalize_carte_vitale_serial(typed)
    assert _codes(error) == [("carte_vitale_serial", code)]
    assert "carte Vitale" in error.value.issues[0].message_fr


def _luhn_complete(first10: str) -> str:
    return next(first10 + d for d in "0123456789" if luhn_is_valid(first10 + d))


def test_luhn_on_known_numbers() -> None:
    # Classic Luhn test vectors (payment card test numbers and the Wikipedia example).
    assert luhn_is_valid("79927398713")
    assert luhn_is_valid("4111111111111111")
    assert not luhn_is_valid("79927398710")
    # The brief's example 10003381236 is not Luhn-valid: its check digit would be 2.
    assert not luhn_is_valid("10003381236")
    assert _luhn_complete("1000338123") == "10003381232"


@pytest.mark.parametrize("rpps", ["10003381232", "79927398713", _luhn_complete("1010123456"), "10000000009"])
def test_rpps_luhn_valid_accepted(rpps: str) -> None:
    assert normalize_rpps(f" {rpps[:5]} {rpps[5:]} ") == rpps


@pytest.mark.parametrize(
    ("typed", "code"),
    [("", "required"), ("1000338123", "invalid_format"), ("1000338123A", "invalid_format"),
     ("10003381236", "invalid_key"), ("10003381233", "invalid_key")],
)  # fmt: skip
def test_rpps_refused(typed: str, code: str) -> None:
    with pytest.raises(DossierValidationError) as error:
        normalize_rpps(typed)
    assert _codes(error) == [("rpps", code)]


@given(st.text("0123456789", min_size=10, max_size=10), st.integers(1, 9))
def test_rpps_any_wrong_check_digit_fails(first10: str, shift: int) -> None:
    good = _luhn_complete(first10)
    assert normalize_rpps(good) == good
    bad = first10 + str((int(good[-1]) + shift) % 10)
    with pytest.raises(DossierValidationError):
        normalize_rpps(bad)


# ------------------------------------------------------------------------------------ activation codes
def test_generated_activation_codes_are_unambiguous_and_distinct() -> None:
    codes = {generate_activation_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 12 and set(code) <= set(ACTIVATION_ALPHABET)
        assert not set(code) & set("0O1I")
        assert normalize_activation_code(code) == code


def test_activation_code_typed_loosely() -> None:
    assert normalize_activation_code(" abcd-efgh-jk23 ") == "ABCDEFGHJK23"
    assert normalize_activation_code("ABCD EFGH JK23") == "ABCDEFGHJK23"


@pytest.mark.parametrize("typed", ["", "ABCD-EFGH-JK2", "ABCD-EFGH-JK234", "ABCD-EFGH-JK20", "ABCD-EFGH-JKO2",
                                   "ABCD-EFGH-JK_2"])  # fmt: skip
def test_activation_code_refused(typed: str) -> None:
    with pytest.raises(DossierValidationError) as error:
        normalize_activation_code(typed)
    assert error.value.issues[0].field == "activation_code"
    assert "code d'activation" in error.value.issues[0].message_fr


# ------------------------------------------------------------------------------------ user identifiers
@pytest.mark.parametrize("typed", ["jean.dupont", "marie_1955", "a-b.c_d9", "x" * 100])
def test_user_identifier_accepted(typed: str) -> None:
    assert normalize_user_identifier(typed) == typed


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "required"),
        ("jean", "invalid_length"),
        ("x" * 101, "invalid_length"),
        ("Jean.Dupont", "uppercase"),
        ("jean dupont", "invalid_characters"),
        ("éloïse.martin", "invalid_characters"),
        ("jean@dupont", "invalid_characters"),
        ("185057800608491", "is_nir"),
    ],
)
def test_user_identifier_refused(typed: str, code: str) -> None:
    with pytest.raises(DossierValidationError) as error:
        normalize_user_identifier(typed)
    assert _codes(error) == [("identifier", code)]


def test_user_identifier_says_to_retype_in_lowercase() -> None:
    with pytest.raises(DossierValidationError) as error:
        normalize_user_identifier("Jean.Dupont")
    assert "minuscules" in error.value.issues[0].message_fr


def test_user_identifier_must_not_contain_own_nir() -> None:
    with pytest.raises(DossierValidationError) as error:
        normalize_user_identifier("nir1850578006084", nir="1 85 05 78 006 084 91")
    assert _codes(error) == [("identifier", "is_nir")]
    assert normalize_user_identifier("jean.1850", nir="185057800608491") == "jean.1850"
