"""The single password policy (local passphrase and server account): S27 strength rules, S28 blocklist."""

from __future__ import annotations

import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dossier import passwords
from dossier.errors import DossierValidationError
from dossier.passwords import MAX_LENGTH, MIN_BITS, MIN_LENGTH, assess_password, check_password, common_passwords

SEVEN_FRENCH_WORDS = "cheval pomme maison jardin fenêtre voiture nuage"


def _codes(password: str, **kwargs: object) -> list[str]:
    return [p.code for p in assess_password(password, **kwargs).problems]  # type: ignore[arg-type]


def test_policy_constants() -> None:
    assert (MIN_LENGTH, MIN_BITS, MAX_LENGTH) == (12, 80.0, 1024)


# ------------------------------------------------------------------------------------------ S27: accepted
@pytest.mark.parametrize(
    "password",
    [
        SEVEN_FRENCH_WORDS,  # CNIL: a passphrase of at least 7 words
        "chat maison soleil jardin pomme table porte",  # 7 very common French words
        "le petit train bleu traverse la montagne enneigée ce matin",
        "Kq7mZp2Lx9Rt4W",  # CNIL: 14 random characters, upper + lower + digits
        "x7Gq!pL9#mZ2vR",  # 14 random characters, four classes
        "bateau-cerise-lampe-orage-violon-sable-tulipe",
    ],
)
def test_s27_cnil_style_passwords_accepted(password: str) -> None:
    assessment = assess_password(password)
    assert assessment.acceptable, assessment.problems
    assert assessment.bits >= MIN_BITS
    assert assessment.score >= 3
    assert assessment.problems == () and assessment.advice_fr == ()
    check_password(password)  # does not raise


def test_s27_128_character_passphrase_accepted() -> None:
    passphrase = ("girafe orange crayon lune tambour falaise " * 4)[:128]
    assert len(passphrase) == 128
    assert assess_password(passphrase).acceptable


def test_s27_up_to_max_length_accepted_and_beyond_refused() -> None:
    longest = ("ours citron piano nuage fleuve bougie " * 30)[:MAX_LENGTH]
    assert assess_password(longest).acceptable
    too_long = assess_password(longest + "x")
    assert [p.code for p in too_long.problems] == ["too_long"]
    assert "1024" in too_long.problems[0].message_fr


def test_s27_pasted_value_is_not_stripped() -> None:
    """Surrounding spaces pasted with a password are part of it: never stripped, never truncated."""
    core = "Kq7mZp2Lx9"
    assert "too_short" in _codes(core)
    pasted = f"  {core}  "
    assessment = assess_password(pasted)
    assert assessment.acceptable
    assert assess_password(pasted).bits != assess_password(core).bits


def test_s27_length_counts_code_points_after_nfc() -> None:
    composed = unicodedata.normalize("NFC", "éléphant-été")  # 12 code points
    decomposed = unicodedata.normalize("NFD", composed)  # 15 code points if not normalised
    assert len(composed) == 12 and len(decomposed) > 12
    assert "too_short" not in _codes(composed)
    assert _codes(decomposed) == _codes(composed)
    short = unicodedata.normalize("NFD", "éléphant-ét")  # 11 code points once composed
    assert "too_short" in _codes(short)


# ------------------------------------------------------------------------------------------ S27: refused
@pytest.mark.parametrize("password", ["", "Ab1!", "Tr0ub4dor&3", "x7Gq!pL9#mZ"])
def test_s27_short_counter_examples_refused(password: str) -> None:
    assessment = assess_password(password)
    assert not assessment.acceptable
    assert {"too_short", "required"} & {p.code for p in assessment.problems}
    assert any("Ajoutez des mots" in advice for advice in assessment.advice_fr)


@pytest.mark.parametrize(
    "password",
    ["aaaaaaaaaaaaaaaa", "1234567890123456", "abcdefghijklmnop", "correct horse battery staple", "Tr0mb0ne-Ciel-42!"],
)
def test_s27_long_but_guessable_refused(password: str) -> None:
    assessment = assess_password(password)
    assert not assessment.acceptable
    assert assessment.bits < MIN_BITS
    assert assessment.score <= 2
    problem = assessment.problems[0]
    assert problem.field == "password" and problem.message_fr and problem.message_en


def test_s27_twelve_random_characters_fall_just_short() -> None:
    """12 random characters of 4 classes = 12 x log2(95) = 78.8 bits: just under 80, so 13 are needed."""
    assert assess_password("k9#Lm2!pQz7$").bits == pytest.approx(78.8, abs=0.1)
    assert not assess_password("k9#Lm2!pQz7$").acceptable
    assert assess_password("k9#Lm2!pQz7$w").acceptable


# ------------------------------------------------------------------------------------------ S28: blocklist
@pytest.mark.parametrize(
    "password",
    [
        "azerty123456",
        "Motdepasse2024!",
        "MOTDEPASSE2024!!",
        "m0td3p4ss3-2024",
        "soleil1234567",
        "Doudou!!2024",
        "123456789abc",
        "P@ssw0rd!2024",
        "Carnet2024!!!",
        "monespacesante1",
        "MonEspaceSanté2025!",
        "santé12345678",
        "azertyuiop1234",
        "Azerty-Soleil-2024",  # two common words glued with digits
        "qwerty!!!!123456",
    ],
)
def test_s28_common_and_app_passwords_refused(password: str) -> None:
    assessment = assess_password(password)
    assert not assessment.acceptable
    assert "common" in [p.code for p in assessment.problems]
    assert assessment.score == 0
    assert any("courant" in p.message_fr for p in assessment.problems)


def test_s28_blocklist_is_data_in_resources_read_once() -> None:
    path = passwords.blocklist_path()
    assert path.relative_to(path.parents[2]).as_posix() == "resources/passwords/blocklist.txt"
    entries = common_passwords()
    assert common_passwords() is entries  # read once, on first use
    assert len(entries) >= 380
    assert len(set(entries)) == len(entries)
    assert not [e for e in entries if e.startswith("#") or e != e.strip() or not e]
    assert {"azerty", "motdepasse", "soleil", "password", "carnet", "monespacesante"} <= set(entries)


def test_s28_every_blocklisted_entry_is_refused_with_padding() -> None:
    """The policy refuses each entry of the file, not only the ones named in the tests above."""
    accepted = [e for e in common_passwords() if "common" not in _codes(f"{e}-2024!!")]
    assert accepted == []


@pytest.mark.parametrize("content", [None, "", "# only a comment\n\n"])
def test_s28_a_missing_or_empty_blocklist_is_an_error_not_an_open_door(
    content: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "blocklist.txt"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(passwords, "blocklist_path", lambda: path)
    common_passwords.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="installation is incomplete"):
            common_passwords()
    finally:
        common_passwords.cache_clear()
    monkeypatch.undo()
    assert "azerty" in common_passwords()


def test_s28_common_words_inside_a_long_passphrase_are_fine() -> None:
    """Blocklisted words are refused alone (plus padding), not as part of a real passphrase."""
    assert assess_password("soleil doudou cheval marteau prairie citron orage").acceptable


def test_personal_details_must_not_make_up_the_password() -> None:
    inputs = ["Jean", "Dupont", "jean.dupont", "1955-05-15"]
    assessment = assess_password("Jean-Dupont-1955!", user_inputs=inputs)
    assert not assessment.acceptable
    assert "personal_info" in [p.code for p in assessment.problems]
    assert "informations personnelles" in assessment.problems[-1].message_fr
    # the same shape without personal details is judged on strength only
    assert "personal_info" not in _codes("Jean-Dupont-1955!")


def test_check_password_raises_every_problem_on_the_password_field() -> None:
    with pytest.raises(DossierValidationError) as error:
        check_password("soleil")
    assert {i.code for i in error.value.issues} == {"too_short", "common"}
    assert {i.field for i in error.value.issues} == {"password"}


def test_assessment_is_the_same_from_several_threads() -> None:
    """zxcvbn keeps user inputs in a module global: concurrent calls must not see each other's inputs."""
    password = "Wolkenkratzer-Qx7!"
    with_input, without = assess_password(password, user_inputs=["Wolkenkratzer"]), assess_password(password)
    assert with_input.bits < without.bits  # the user input matters to the estimate
    cases = [("Wolkenkratzer",), ()] * 100
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible to expose races
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(lambda inputs: assess_password(password, user_inputs=inputs).bits, cases))
    finally:
        sys.setswitchinterval(previous)
    assert results == [with_input.bits, without.bits] * 100
