"""The matrice d'habilitation (profession × document category): loaded from data, validated thoroughly."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from dossier.errors import DossierValidationError, FieldIssue

from .vocabulary import DocumentCategory, Profession

MATRIX_FORMAT = "carnet-matrice-habilitation"
MATRIX_VERSION = 1
DEFAULT_MATRIX_FILE = "matrice_habilitation.json"
VACCINATION = "vaccination"


@dataclass(frozen=True, slots=True)
class HabilitationMatrix:
    """Which document categories each profession may see; every cell is explicit."""

    cells: Mapping[Profession, frozenset[DocumentCategory]]
    decisions: Mapping[str, str]
    """Cells that are product decisions rather than settled practice, "profession.category" → why (and
    "profession.vaccination" → the rule that lets that profession vaccinate, or not)."""
    vaccinators: frozenset[Profession] = frozenset()
    """The professions that record vaccinations in the patient's carnet (the file's "vaccination" row)."""

    def allows(self, profession: Profession, category: DocumentCategory) -> bool:
        return category in self.cells[profession]

    def may_vaccinate(self, profession: Profession) -> bool:
        return profession in self.vaccinators


def _issue(field: str, code: str, fr: str, en: str) -> FieldIssue:
    return FieldIssue(field, code, fr, en)


def _check_header(data: Mapping[str, object], issues: list[FieldIssue]) -> None:
    if data.get("format") != MATRIX_FORMAT:
        issues.append(
            _issue(
                "format",
                "wrong_format",
                f"Le fichier n'est pas une matrice d'habilitation (« format » doit valoir « {MATRIX_FORMAT} »).",
                f'The file is not a habilitation matrix ("format" must be "{MATRIX_FORMAT}").',
            )
        )
    if data.get("version") != MATRIX_VERSION:
        issues.append(
            _issue(
                "version",
                "unsupported_version",
                f"Version de matrice non prise en charge : {data.get('version')!r} (attendue : {MATRIX_VERSION}).",
                f"Unsupported matrix version: {data.get('version')!r} (expected {MATRIX_VERSION}).",
            )
        )


def _true_cell(where: str, value: object, issues: list[FieldIssue]) -> bool:
    """Whether a cell says true; a cell that is not a boolean is reported (and counts as false)."""
    if isinstance(value, bool):
        return value
    issues.append(
        _issue(
            where,
            "cell_not_boolean",
            f"La case doit valoir true ou false, pas {value!r}.",
            f"The cell must be true or false, not {value!r}.",
        )
    )
    return False


def _parse_row(profession: str, row: object, issues: list[FieldIssue]) -> frozenset[DocumentCategory] | None:
    where = f"professions.{profession}"
    if not isinstance(row, Mapping):
        issues.append(
            _issue(
                where,
                "row_not_object",
                "La ligne de cette profession doit être un objet catégorie → vrai/faux.",
                "This profession's row must be an object category → true/false.",
            )
        )
        return None
    allowed: set[DocumentCategory] = set()
    for key, value in row.items():
        if key not in DocumentCategory.__members__.values():
            issues.append(
                _issue(
                    f"{where}.{key}",
                    "unknown_category",
                    f"Catégorie de document inconnue : « {key} ».",
                    f'Unknown document category: "{key}".',
                )
            )
        elif _true_cell(f"{where}.{key}", value, issues):
            allowed.add(DocumentCategory(key))
    for category in DocumentCategory:
        if category.value not in row:
            issues.append(
                _issue(
                    f"{where}.{category.value}",
                    "missing_cell",
                    f"Case manquante : la profession « {profession} » n'indique rien pour « {category.value} ».",
                    f'Missing cell: profession "{profession}" says nothing about "{category.value}".',
                )
            )
    return frozenset(allowed)


def _parse_decisions(raw: object, issues: list[FieldIssue]) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping) or not all(isinstance(v, str) for v in raw.values()):
        issues.append(
            _issue(
                "decisions",
                "decisions_not_text",
                "« decisions » doit associer « profession.catégorie » à un texte.",
                '"decisions" must map "profession.category" to a text.',
            )
        )
        return {}
    decisions: dict[str, str] = {}
    for key, why in raw.items():
        profession, _, category = str(key).partition(".")
        if profession not in Profession.__members__.values() or (
            category and category != VACCINATION and category not in DocumentCategory.__members__.values()
        ):
            issues.append(
                _issue(
                    f"decisions.{key}",
                    "unknown_cell",
                    f"La décision « {key} » ne désigne aucune case de la matrice.",
                    f'Decision "{key}" names no cell of the matrix.',
                )
            )
        else:
            decisions[str(key)] = why
    return decisions


def _parse_vaccinators(raw: object, issues: list[FieldIssue]) -> frozenset[Profession]:
    """The "vaccination" row: every profession → true/false (who records vaccinations), every cell explicit."""
    if not isinstance(raw, Mapping):
        issues.append(
            _issue(
                VACCINATION,
                "missing_vaccination",
                "La matrice doit contenir un objet « vaccination » : profession → vrai/faux.",
                'The matrix must contain a "vaccination" object: profession → true/false.',
            )
        )
        return frozenset()
    found: set[Profession] = set()
    for name, value in raw.items():
        where = f"{VACCINATION}.{name}"
        if name not in Profession.__members__.values():
            issues.append(
                _issue(
                    where, "unknown_profession", f"Profession inconnue : « {name} ».", f'Unknown profession: "{name}".'
                )
            )
        elif _true_cell(where, value, issues):
            found.add(Profession(name))
    for profession in Profession:
        if profession.value not in raw:
            issues.append(
                _issue(
                    f"{VACCINATION}.{profession.value}",
                    "missing_cell",
                    f"Case manquante : « vaccination » n'indique rien pour la profession « {profession.value} ».",
                    f'Missing cell: "vaccination" says nothing about profession "{profession.value}".',
                )
            )
    return frozenset(found)


def matrix_from_data(data: object) -> HabilitationMatrix:
    """Build a matrix from parsed JSON, reporting every problem at once as a DossierValidationError."""
    if not isinstance(data, Mapping):
        raise DossierValidationError.single(
            "matrix",
            "not_object",
            "La matrice d'habilitation doit être un objet JSON.",
            "The habilitation matrix must be a JSON object.",
        )
    issues: list[FieldIssue] = []
    _check_header(data, issues)
    rows = data.get("professions")
    cells: dict[Profession, frozenset[DocumentCategory]] = {}
    if not isinstance(rows, Mapping):
        issues.append(
            _issue(
                "professions",
                "missing_professions",
                "La matrice doit contenir un objet « professions ».",
                'The matrix must contain a "professions" object.',
            )
        )
        rows = {}
    for name, row in rows.items():
        if name not in Profession.__members__.values():
            issues.append(
                _issue(
                    f"professions.{name}",
                    "unknown_profession",
                    f"Profession inconnue : « {name} ».",
                    f'Unknown profession: "{name}".',
                )
            )
            continue
        parsed = _parse_row(name, row, issues)
        if parsed is not None:
            cells[Profession(name)] = parsed
    for profession in Profession:
        if profession.value not in rows:
            issues.append(
                _issue(
                    f"professions.{profession.value}",
                    "missing_profession",
                    f"La profession « {profession.value} » manque dans la matrice.",
                    f'Profession "{profession.value}" is missing from the matrix.',
                )
            )
    declared = data.get("categories")
    if declared is not None and (
        not isinstance(declared, list) or sorted(map(str, declared)) != sorted(c.value for c in DocumentCategory)
    ):
        issues.append(
            _issue(
                "categories",
                "categories_mismatch",
                "La liste « categories » doit contenir exactement les catégories de documents connues.",
                'The "categories" list must hold exactly the known document categories.',
            )
        )
    vaccinators = _parse_vaccinators(data.get(VACCINATION), issues)
    decisions = _parse_decisions(data.get("decisions"), issues)
    if issues:
        raise DossierValidationError(issues)
    return HabilitationMatrix(
        cells=MappingProxyType(cells), decisions=MappingProxyType(decisions), vaccinators=vaccinators
    )


def load_matrix(text: str | bytes) -> HabilitationMatrix:
    """Parse and validate the matrix file's content (JSON text); never reads a file itself."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DossierValidationError.single(
            "matrix",
            "invalid_json",
            f"Le fichier de la matrice d'habilitation n'est pas du JSON valide ({exc}).",
            f"The habilitation matrix file is not valid JSON ({exc}).",
        ) from exc
    return matrix_from_data(data)


def default_matrix_path() -> Path:
    """Where the shipped matrix lives: <repo>/resources/access/matrice_habilitation.json."""
    return Path(__file__).parents[2] / "resources" / "access" / DEFAULT_MATRIX_FILE


def default_matrix() -> HabilitationMatrix:
    """Load the shipped matrix.

    The one place in ``dossier/`` that does file I/O, kept here so callers (server start-up, the desktop
    client, tests) need not know where the file is. Everything else takes content, not paths.
    """
    return load_matrix(default_matrix_path().read_bytes())
