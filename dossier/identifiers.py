"""French identifiers in Carnet: NIR, Carte Vitale serial, RPPS, activation codes, account identifiers."""

from __future__ import annotations

import re
import secrets
from typing import Final, NewType

from dossier.errors import DossierValidationError
from dossier.text import strip_separators

Nir = NewType("Nir", str)

NIR_LENGTH: Final = 15
ACTIVATION_CODE_LENGTH: Final = 12
# Uppercase letters and digits without the look-alikes 0/O and 1/I: 32 symbols, so 60 bits per code.
ACTIVATION_ALPHABET: Final = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
USER_IDENTIFIER_MIN: Final = 8
USER_IDENTIFIER_MAX: Final = 100

# Sex digit: 1/2 for people born in France; 3/4 and 7/8 for temporary numbers (NIA) of people born abroad.
_NIR_SEX_DIGITS: Final = frozenset("123478")
_CORSICA_FOR_KEY: Final = {"2A": "19", "2B": "18"}
_USER_ID_ALLOWED = re.compile(r"[a-z0-9._-]+")


def _error(field: str, code: str, message_fr: str, message_en: str) -> DossierValidationError:
    return DossierValidationError.single(field, code, message_fr, message_en)


def _required(field: str, label_fr: str, label_en: str) -> DossierValidationError:
    return _error(field, "required", f"Saisissez {label_fr}.", f"Enter {label_en}.")


def _nir_number_for_key(first13: str) -> int:
    """The 13 first characters as the integer INSEE uses for the key (Corsica 2A -> 19, 2B -> 18)."""
    department = first13[5:7]
    digits = _CORSICA_FOR_KEY.get(department, department).join((first13[:5], first13[7:]))
    return int(digits)


def nir_key(first13: str) -> str:
    """The 2-digit control key of a NIR: 97 - (number mod 97) on its 13 first characters (Corsica handled)."""
    body = strip_separators(first13).upper()
    if len(body) != 13 or not (body[:5] + body[7:]).isdigit() or not _is_department(body[5:7]):
        raise _error(
            "nir",
            "invalid_format",
            "Le numéro de sécurité sociale doit commencer par 13 chiffres (2A ou 2B pour la Corse).",
            "The social security number must start with 13 digits (2A or 2B for Corsica).",
        )
    return f"{97 - _nir_number_for_key(body) % 97:02d}"


def _is_department(value: str) -> bool:
    return value.isdigit() or value in _CORSICA_FOR_KEY


def _is_valid_month(month: str) -> bool:
    # INSEE uses 20-42 and 50-99 when the birth month is unknown (fictitious months on some records).
    number = int(month)
    return 1 <= number <= 12 or 20 <= number <= 42 or 50 <= number <= 99


def normalize_nir(value: str) -> str:
    """Validate a NIR (numéro de sécurité sociale, 15 characters with the key); return it without spaces."""
    field = "nir"
    nir = strip_separators(value).upper()
    if not nir:
        raise _required(field, "votre numéro de sécurité sociale", "your social security number")
    if len(nir) != NIR_LENGTH:
        raise _error(
            field,
            "invalid_length",
            "Le numéro de sécurité sociale compte 15 caractères (clé comprise) ; "
            f"vous en avez saisi {len(nir)}. Recopiez-le depuis votre carte Vitale ou votre attestation.",
            f"The social security number has 15 characters (including the key); you typed {len(nir)}. "
            "Copy it from your Carte Vitale or your certificate.",
        )
    if not (nir[:5] + nir[7:]).isdigit() or not _is_department(nir[5:7]):
        raise _error(
            field,
            "invalid_characters",
            "Le numéro de sécurité sociale ne contient que des chiffres (et 2A ou 2B pour la Corse).",
            "The social security number contains only digits (and 2A or 2B for Corsica).",
        )
    if nir[0] not in _NIR_SEX_DIGITS:
        raise _error(
            field,
            "invalid_sex",
            "Le premier chiffre du numéro de sécurité sociale doit être 1 ou 2 (ou 3, 4, 7, 8). Vérifiez-le.",
            "The first digit of the social security number must be 1 or 2 (or 3, 4, 7, 8). Check it.",
        )
    if not _is_valid_month(nir[3:5]):
        raise _error(
            field,
            "invalid_month",
            "Les chiffres 4 et 5 du numéro de sécurité sociale (mois de naissance) sont incorrects. Vérifiez-les.",
            "Digits 4 and 5 of the social security number (birth month) are wrong. Check them.",
        )
    if nir_key(nir[:13]) != nir[13:]:
        raise _error(
            field,
            "invalid_key",
            "La clé (les 2 derniers chiffres) ne correspond pas au numéro de sécurité sociale. "
            "Vérifiez chaque chiffre.",
            "The key (last 2 digits) does not match the social security number. Check each digit.",
        )
    return nir


def normalize_carte_vitale_serial(value: str) -> str:
    """Validate the serial number printed on a Carte Vitale (8 to 12 digits, spaces allowed)."""
    field = "carte_vitale_serial"
    serial = strip_separators(value)
    if not serial:
        raise _required(field, "le numéro de série de votre carte Vitale", "your Carte Vitale serial number")
    if not serial.isdigit() or not 8 <= len(serial) <= 12:
        raise _error(
            field,
            "invalid_format",
            "Le numéro de série de la carte Vitale compte de 8 à 12 chiffres. Recopiez-le depuis votre carte.",
            "The Carte Vitale serial number has 8 to 12 digits. Copy it from your card.",
        )
    return serial


def luhn_is_valid(digits: str) -> bool:
    """True when a string of digits passes the Luhn (mod 10) check."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        number = int(char)
        if position % 2 == 1:
            number = number * 2 - 9 if number > 4 else number * 2
        total += number
    return total % 10 == 0


def normalize_rpps(value: str) -> str:
    """Validate an RPPS number (health professional identifier: 11 digits, Luhn check digit)."""
    field = "rpps"
    rpps = strip_separators(value)
    if not rpps:
        raise _required(field, "le numéro RPPS", "the RPPS number")
    if not rpps.isdigit() or len(rpps) != 11:
        raise _error(
            field,
            "invalid_format",
            "Le numéro RPPS compte exactement 11 chiffres.",
            "The RPPS number has exactly 11 digits.",
        )
    if not luhn_is_valid(rpps):
        raise _error(
            field,
            "invalid_key",
            "Ce numéro RPPS n'est pas valide (chiffre de contrôle incorrect). Vérifiez chaque chiffre.",
            "This RPPS number is not valid (wrong check digit). Check each digit.",
        )
    return rpps


def generate_activation_code() -> str:
    """A new single-use activation code: 12 characters of an alphabet without look-alikes."""
    return "".join(secrets.choice(ACTIVATION_ALPHABET) for _ in range(ACTIVATION_CODE_LENGTH))


def normalize_activation_code(value: str) -> str:
    """Validate an activation code as typed (any case, spaces and hyphens ignored); return it in capitals."""
    field = "activation_code"
    code = strip_separators(value, " \u00a0\u202f\t-").upper()
    if not code:
        raise _required(field, "le code d'activation", "the activation code")
    if len(code) != ACTIVATION_CODE_LENGTH or any(ch not in ACTIVATION_ALPHABET for ch in code):
        raise _error(
            field,
            "invalid_format",
            "Le code d'activation compte 12 caractères (lettres et chiffres, sans 0, O, 1 ni I). "
            "Recopiez-le depuis le courrier ou le courriel reçu.",
            "The activation code has 12 characters (letters and digits, without 0, O, 1 or I). "
            "Copy it from the letter or e-mail you received.",
        )
    return code


# The matricule INS is the NIR (or, for a person with a temporary number, the NIA); its OID says which.
INS_NIR_OID: Final = "1.2.250.1.213.1.4.8"
INS_NIA_OID: Final = "1.2.250.1.213.1.4.9"


def sex_from_nir(nir: str) -> str:
    """F, M or I from a NIR's first digit: odd for a man (1, 3, 7), even for a woman (2, 4, 8); I if unreadable."""
    first = strip_separators(nir)[:1]
    if first not in _NIR_SEX_DIGITS:
        return "I"
    return "M" if int(first) % 2 else "F"


def ins_oid(nir: str) -> str:
    """The OID of the matricule INS a NIR makes: INS-NIA for a temporary number (7 or 8), else INS-NIR."""
    return INS_NIA_OID if strip_separators(nir)[:1] in {"7", "8"} else INS_NIR_OID


def ins_kind(nir: str) -> str:
    """ "INS-NIR" or "INS-NIA", the nature of the matricule INS shown next to it."""
    return "INS-NIA" if ins_oid(nir) == INS_NIA_OID else "INS-NIR"


def format_nir(nir: str) -> str:
    """A NIR as printed on the Carte Vitale: « 2 84 05 75 123 456 78 » (left as given if it is not 15 long)."""
    plain = strip_separators(nir).upper()
    if len(plain) != NIR_LENGTH:
        return nir
    return " ".join((plain[0], plain[1:3], plain[3:5], plain[5:7], plain[7:10], plain[10:13], plain[13:]))


def _looks_like_nir(candidate: str) -> bool:
    try:
        normalize_nir(candidate)
    except DossierValidationError:
        return False
    return True


def normalize_user_identifier(value: str, *, nir: str | None = None) -> str:
    """Validate an account identifier: 8 to 100 of a-z 0-9 . - _, and never a social security number."""
    field = "identifier"
    identifier = value.strip()
    if not identifier:
        raise _required(field, "un identifiant", "an identifier")
    if not USER_IDENTIFIER_MIN <= len(identifier) <= USER_IDENTIFIER_MAX:
        raise _error(
            field,
            "invalid_length",
            f"L'identifiant doit compter de 8 à 100 caractères ; il en compte {len(identifier)}.",
            f"The identifier must have 8 to 100 characters; it has {len(identifier)}.",
        )
    if identifier != identifier.lower() and _USER_ID_ALLOWED.fullmatch(identifier.lower()):
        raise _error(
            field,
            "uppercase",
            "L'identifiant s'écrit en minuscules : retapez-le sans majuscules.",
            "The identifier is written in lowercase: type it again without capital letters.",
        )
    if not _USER_ID_ALLOWED.fullmatch(identifier):
        raise _error(
            field,
            "invalid_characters",
            "L'identifiant ne peut contenir que des lettres minuscules sans accent, des chiffres, "
            "le point, le tiret et le tiret bas (_).",
            "The identifier may contain only lowercase letters without accents, digits, dot, hyphen "
            "and underscore (_).",
        )
    own_nir = strip_separators(nir).upper() if nir else ""
    if _looks_like_nir(identifier) or (own_nir and own_nir.lower()[:13] in identifier):
        raise _error(
            field,
            "is_nir",
            "N'utilisez pas votre numéro de sécurité sociale comme identifiant : choisissez un autre identifiant.",
            "Do not use your social security number as identifier: choose another identifier.",
        )
    return identifier
