"""The one password policy of Carnet: it guards the local passphrase and the server account alike."""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

import zxcvbn

from dossier.errors import DossierValidationError, FieldIssue
from dossier.text import fold

MIN_LENGTH: Final = 12
MIN_BITS: Final = 80.0
MAX_LENGTH: Final = 1024

# zxcvbn's matcher is super-linear: measured here, 128 characters take ~0.06 s, 512 take 3-4 s and 1024
# take 30-50 s. Appending characters never makes a password easier to guess, so scoring the first 128 code
# points under-estimates the whole: long passphrases are never over-rated, and assessing stays fast.
ZXCVBN_PREFIX: Final = 128

# CNIL (délibération 2022-100) treats a passphrase of at least 7 words as meeting its 80-bit threshold, i.e.
# about 11.4 bits per word (a vocabulary of ~2,750 words; French diceware lists have 7,776). zxcvbn only knows
# English dictionaries and scores French words badly, so distinct words of 3+ letters are also counted at that
# rate.
CNIL_PASSPHRASE_WORDS: Final = 7
BITS_PER_WORD: Final = MIN_BITS / CNIL_PASSPHRASE_WORDS
_MIN_WORD_LETTERS: Final = 3
# A password made of at most this many common words or personal details (plus digits and symbols) is refused.
_MAX_WEAK_PIECES: Final = 3

# The example phrases the screens show next to the rule: strong by the numbers, but printed in the application for
# everyone to read, so they (and anything built on them) are refused.
EXAMPLE_PASSPHRASE_FR: Final = "girafe lundi piano sel orage velours chaise"  # noqa: S105 (refused, see above)
EXAMPLE_PASSPHRASE_EN: Final = "giraffe monday piano salt storm velvet chair"  # noqa: S105

_FIELD: Final = "password"
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
                       "@": "a", "$": "s", "!": "i", "€": "e", "|": "l", "+": "t"})  # fmt: skip
_LETTER_RUN = re.compile(r"[a-z]+")
_EDGE_PADDING = re.compile(r"^[^a-z]+|[^a-z]+$")

# zxcvbn keeps the user inputs in a module-level dictionary while it scores: serialise calls across threads.
_ZXCVBN_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class PasswordAssessment:
    """What a strength meter shows: acceptable or not, why, and what to do."""

    acceptable: bool
    bits: float
    score: int
    problems: tuple[FieldIssue, ...]
    advice_fr: tuple[str, ...]
    advice_en: tuple[str, ...]


def _letters(text: str) -> str:
    return "".join(_LETTER_RUN.findall(text))


def _letter_forms(password: str) -> set[str]:
    """Letters-only views: as typed and with leetspeak undone ("P@ssw0rd!2024" -> "password")."""
    folded = fold(password)
    # Digits and symbols added around a word are padding, not leetspeak: strip them before undoing leetspeak.
    core = _EDGE_PADDING.sub("", folded)
    return {_letters(folded), _letters(core.translate(_LEET)), _letters(folded.translate(_LEET))} - {""}


def blocklist_path() -> Path:
    """Where the shipped blocklist lives: <repo>/resources/passwords/blocklist.txt (the same layout in the bundle)."""
    return Path(__file__).parents[1] / "resources" / "passwords" / "blocklist.txt"


@cache
def common_passwords() -> tuple[str, ...]:
    """The common, breached and app-specific passwords refused whatever is added around them (S28), read once.

    One entry a line; blank lines and lines starting with # are comments. A missing file is an incomplete
    installation: it raises rather than let every password through.
    """
    path = blocklist_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuntimeError(f"password blocklist unreadable at {path}: the installation is incomplete ({exc})") from exc
    entries = tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    if not entries:
        raise RuntimeError(f"password blocklist at {path} is empty: the installation is incomplete")
    return entries


@cache
def _blocked_words() -> frozenset[str]:
    return frozenset(form for entry in common_passwords() for form in _letter_forms(entry))


def _personal_words(user_inputs: Sequence[str]) -> frozenset[str]:
    """Words of the user's own details (name, identifier, birth date…) that must not make up the password."""
    words: set[str] = set()
    for value in user_inputs:
        folded = fold(value)
        words.update(run for run in _LETTER_RUN.findall(folded) if len(run) >= _MIN_WORD_LETTERS)
        whole = _letters(folded)
        if len(whole) >= _MIN_WORD_LETTERS:
            words.add(whole)
    return frozenset(words)


def _made_of(letters: str, words: frozenset[str], *, max_pieces: int) -> bool:
    """True when `letters` is the concatenation of at most `max_pieces` entries of `words`."""
    if not letters:
        return False
    # fewest[i] = fewest pieces that spell letters[:i]
    fewest = [0] + [max_pieces + 1] * len(letters)
    for end in range(1, len(letters) + 1):
        for start in range(end):
            if fewest[start] < max_pieces and letters[start:end] in words:
                fewest[end] = min(fewest[end], fewest[start] + 1)
    return fewest[-1] <= max_pieces


def _zxcvbn_bits(password: str, user_inputs: Sequence[str]) -> tuple[float, bool]:
    """zxcvbn's estimate in bits, and whether it found no guessable pattern at all (only brute force)."""
    prefix = password[:ZXCVBN_PREFIX]
    with _ZXCVBN_LOCK:
        result = zxcvbn.zxcvbn(prefix, user_inputs=list(user_inputs), max_length=ZXCVBN_PREFIX)
    only_bruteforce = all(match["pattern"] == "bruteforce" for match in result["sequence"])
    return float(result["guesses_log10"]) * math.log2(10), only_bruteforce


def _random_bits(password: str) -> float:
    """CNIL's own entropy formula, length x log2(alphabet size), for strings zxcvbn finds no pattern in.

    zxcvbn prices unstructured characters at 10 guesses each (3.3 bits), so it never credits a random
    14-character password with the 80 bits CNIL gives it; this estimate is only used when zxcvbn saw
    nothing but brute force.
    """
    alphabet = 0
    for present, size in (
        (any("a" <= ch <= "z" for ch in password), 26),
        (any("A" <= ch <= "Z" for ch in password), 26),
        (any(ch.isdigit() and ch.isascii() for ch in password), 10),
        (any(ch.isascii() and not ch.isalnum() for ch in password), 33),
        (any(not ch.isascii() for ch in password), 64),
    ):
        alphabet += size if present else 0
    return len(password) * math.log2(alphabet)


def _passphrase_bits(password: str, personal: frozenset[str]) -> float:
    words = {w for w in _LETTER_RUN.findall(fold(password)) if len(w) >= _MIN_WORD_LETTERS} - personal
    return len(words) * BITS_PER_WORD


def _score(bits: float, *, acceptable: bool) -> int:
    if not acceptable:
        return min(2, int(bits // 30))
    return 4 if bits >= MIN_BITS + 20 else 3


_ADVICE_WORDS = (
    "Ajoutez des mots : une phrase de 7 mots sans lien entre eux, séparés par des espaces, "
    "est facile à retenir et très solide.",
    "Add words: a phrase of 7 unrelated words separated by spaces is easy to remember and very strong.",
)


def assess_password(password: str, *, user_inputs: Sequence[str] = ()) -> PasswordAssessment:
    """Assess a password against the policy (length, strength, common and personal words)."""
    text = unicodedata.normalize("NFC", password)
    length = len(text)
    problems: list[FieldIssue] = []
    advice: list[tuple[str, str]] = []

    if length == 0:
        problems.append(FieldIssue(_FIELD, "required", "Saisissez un mot de passe.", "Enter a password."))
        advice.append(_ADVICE_WORDS)
        return _assessment(problems, advice, bits=0.0)
    if length > MAX_LENGTH:
        problems.append(
            FieldIssue(
                _FIELD,
                "too_long",
                f"Le mot de passe est trop long ({length} caractères) : {MAX_LENGTH} au maximum.",
                f"The password is too long ({length} characters): {MAX_LENGTH} at most.",
            )
        )
        return _assessment(problems, advice, bits=0.0)

    personal = _personal_words(user_inputs)
    forms = _letter_forms(text)
    if any(
        _letters(fold(example)) in form for example in (EXAMPLE_PASSPHRASE_FR, EXAMPLE_PASSPHRASE_EN) for form in forms
    ):
        problems.append(
            FieldIssue(
                _FIELD,
                "example",
                "C'est la phrase donnée en exemple : tout le monde peut la lire. Inventez la vôtre, "
                "avec d'autres mots.",
                "This is the example phrase: everyone can read it. Make up your own, with other words.",
            )
        )
        advice.append(_ADVICE_WORDS)
        return _assessment(problems, advice, bits=0.0)
    common = any(_made_of(form, _blocked_words(), max_pieces=_MAX_WEAK_PIECES) for form in forms)
    own = not common and any(_made_of(form, _blocked_words() | personal, max_pieces=_MAX_WEAK_PIECES) for form in forms)
    pattern_bits, only_bruteforce = _zxcvbn_bits(text, user_inputs)
    bits = max(pattern_bits, _passphrase_bits(text, personal))
    if only_bruteforce:
        bits = max(bits, _random_bits(text))

    if length < MIN_LENGTH:
        problems.append(
            FieldIssue(
                _FIELD,
                "too_short",
                f"Le mot de passe est trop court : {length} caractères, il en faut au moins {MIN_LENGTH}.",
                f"The password is too short: {length} characters, at least {MIN_LENGTH} are needed.",
            )
        )
    if common:
        bits = min(bits, 20.0)
        problems.append(
            FieldIssue(
                _FIELD,
                "common",
                "Ce mot de passe est trop courant : il fait partie des premiers essayés par les pirates, "
                "même avec des chiffres ou des symboles ajoutés.",
                "This password is too common: attackers try it first, even with digits or symbols added.",
            )
        )
    if own:
        bits = min(bits, 20.0)
        problems.append(
            FieldIssue(
                _FIELD,
                "personal_info",
                "Ce mot de passe reprend vos informations personnelles "
                "(nom, identifiant, date de naissance…), faciles à deviner.",
                "This password is made of your personal details (name, identifier, birth date…), easy to guess.",
            )
        )
    if not (common or own) and bits < MIN_BITS:
        problems.append(
            FieldIssue(
                _FIELD,
                "too_weak",
                "Ce mot de passe est trop facile à deviner.",
                "This password is too easy to guess.",
            )
        )
    if problems:
        advice.append(_ADVICE_WORDS)
    if common or own:
        advice.append(
            (
                "Évitez les mots de passe courants, le nom de l'application et vos informations personnelles.",
                "Avoid common passwords, the name of the application and your personal details.",
            )
        )
    return _assessment(problems, advice, bits=bits)


def _assessment(problems: list[FieldIssue], advice: list[tuple[str, str]], *, bits: float) -> PasswordAssessment:
    acceptable = not problems
    return PasswordAssessment(
        acceptable=acceptable,
        bits=round(bits, 1),
        score=_score(bits, acceptable=acceptable),
        problems=tuple(problems),
        advice_fr=tuple(fr for fr, _ in advice),
        advice_en=tuple(en for _, en in advice),
    )


def check_password(password: str, *, user_inputs: Sequence[str] = ()) -> None:
    """Raise DossierValidationError (field "password") when the password does not meet the policy."""
    assessment = assess_password(password, user_inputs=user_inputs)
    if not assessment.acceptable:
        raise DossierValidationError(assessment.problems)
