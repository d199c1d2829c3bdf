"""The prevention calendars as data: the schema of resources/prevention/*.json (vaccination calendar, organised
screening and prevention check-ups) and their loading, which refuses a file that does not validate with a message
naming the file and the place of each problem."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from dossier.errors import DossierValidationError, FieldIssue
from dossier.prevention.ages import Span

SCHEMA_VERSION: Final = 1
CALENDAR_FILES: Final = ("calendrier_vaccinal_2025.json", "depistages_bilans_2025.json")


def _span(value: object) -> Span:
    if isinstance(value, Span):
        return value
    if not isinstance(value, str):
        raise ValueError("a duration is a string such as 2m, 6w, 25y or 5y6m")
    return Span.parse(value)


Duration = Annotated[Span, BeforeValidator(_span)]
MonthDay = Annotated[str, Field(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]
Text = Annotated[str, Field(min_length=1, max_length=600)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Act(_Strict):
    """What a record must say to count: a vaccine's antigen or a screening test, matched by words or codes."""

    label_fr: Text
    label_en: Text
    keywords: tuple[Annotated[str, Field(min_length=2, max_length=80)], ...] = Field(min_length=1)
    cvx: tuple[str, ...] = ()
    loinc: tuple[str, ...] = ()


class Condition(_Strict):
    """A question the calendar depends on (pregnancy, risk groups); the person may answer or skip it."""

    question_fr: Text
    question_en: Text
    sex: Literal["F", "M"] | None = None


class Step(_Strict):
    """One dose of a series: when it is recommended, from when a dose counts, and the interval from the previous."""

    age: Duration
    counts_from: Duration | None = None
    min_interval: Duration | None = None
    window: Duration | None = None
    label_fr: Text
    label_en: Text


class Schedule(_Strict):
    """A series of doses, chosen by the age at the first dose (HPV: 2 doses before 15, 3 doses after)."""

    first_dose_from: Duration | None = None
    first_dose_before: Duration | None = None
    steps: tuple[Step, ...] = Field(min_length=1)


class _Rule(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]{2,60}$")]
    category: Literal["vaccination", "screening", "checkup"]
    acts: tuple[str, ...] = Field(min_length=1)
    section: Text
    rule_fr: Text
    rule_en: Text
    sex: Literal["F", "M"] | None = None
    born_from: date | None = None
    conditions: tuple[str, ...] = ()
    until: Duration | None = None
    can_be_overdue: bool = True


class SeriesRule(_Rule):
    """Doses at given ages (infant schedule, one-off adult doses), with catch-up until an age."""

    kind: Literal["series"]
    schedules: tuple[Schedule, ...] = Field(min_length=1)
    catch_up_until: Duration | None = None


class FixedAgesRule(_Rule):
    """Boosters at fixed ages then at a regular interval (adult dTP: 25, 45, 65, then every 10 years)."""

    kind: Literal["fixed_ages"]
    ages: tuple[Duration, ...] = Field(min_length=1)
    then_every: Duration | None = None
    counts_before: Duration
    window: Duration
    label_fr: Text
    label_en: Text


class PeriodicRule(_Rule):
    """An act to repeat every so often within an age range (screening every 2 years from 50 to 74)."""

    kind: Literal["periodic"]
    start: Duration
    every: Duration
    first_every: Duration | None = None
    interval_by_act: dict[str, Duration] = Field(default_factory=dict)
    window: Duration
    label_fr: Text
    label_en: Text


class SeasonalRule(_Rule):
    """Once per season (flu, Covid-19) from an age; never overdue, the season simply ends."""

    kind: Literal["seasonal"]
    start: Duration
    season_start: MonthDay
    season_end: MonthDay
    counts_from: MonthDay
    label_fr: Text
    label_en: Text


class WindowsRule(_Rule):
    """Once in each age range (Mon bilan prévention: 18–25, 45–50, 60–65, 70–75)."""

    kind: Literal["windows"]
    windows: tuple[tuple[Duration, Duration], ...] = Field(min_length=1)
    label_fr: Text
    label_en: Text


Rule = Annotated[SeriesRule | FixedAgesRule | PeriodicRule | SeasonalRule | WindowsRule, Field(discriminator="kind")]


class Calendar(_Strict):
    """One versioned calendar file: where it comes from, what counts, the questions and the rules."""

    schema_version: Literal[1]
    id: Annotated[str, Field(pattern=r"^[a-z0-9-]{3,80}$")]
    title_fr: Text
    title_en: Text
    publisher: Text
    published: date
    amended: date | None = None
    url: Text
    notes: tuple[str, ...] = ()
    acts: dict[str, Act]
    conditions: dict[str, Condition]
    rules: tuple[Rule, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> Calendar:
        problems: list[str] = []
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                problems.append(f"rule {rule.id}: the id is used twice")
            seen.add(rule.id)
            problems += [f"rule {rule.id}: unknown act {a!r}" for a in rule.acts if a not in self.acts]
            problems += [
                f"rule {rule.id}: unknown condition {c!r}" for c in rule.conditions if c not in self.conditions
            ]
            if isinstance(rule, PeriodicRule):
                problems += [
                    f"rule {rule.id}: interval_by_act names {a!r}, not one of its acts"
                    for a in rule.interval_by_act
                    if a not in rule.acts
                ]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def source_fr(self, rule: _Rule) -> str:
        """« Calendrier des vaccinations … 2025 (Ministère…, 2025) — Diphtérie, tétanos… »."""
        return f"{self.title_fr} ({self.publisher}, {self.published.year}) — {rule.section}"

    def source_en(self, rule: _Rule) -> str:
        return f"{self.title_en} ({self.publisher}, {self.published.year}) — {rule.section}"


def _where(loc: tuple[int | str, ...], data: Any) -> str:
    """A readable place in the file: rules[3] is named by its id when it has one."""
    parts: list[str] = []
    node: Any = data
    for key in loc:
        if isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
            name = node.get("id") if isinstance(node, Mapping) else None
            parts.append(f"[{key}]" + (f" ({name})" if isinstance(name, str) else ""))
        else:
            node = node.get(key) if isinstance(node, Mapping) else None
            if isinstance(key, str) and key in {"series", "fixed_ages", "periodic", "seasonal", "windows"}:
                continue  # pydantic's union tag, not a key of the file
            parts.append(f".{key}" if parts else str(key))
    return "".join(parts) or "(racine)"


def load_calendar(text: str | bytes, *, name: str) -> Calendar:
    """Parse and validate one calendar file's content; never reads a file itself.

    Raises DossierValidationError whose messages name the file (`name`) and each place that is wrong.
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DossierValidationError.single(
            "calendar",
            "invalid_json",
            f"Le fichier de calendrier « {name} » n'est pas du JSON valide ({exc}). Réinstallez Carnet.",
            f"The calendar file '{name}' is not valid JSON ({exc}). Reinstall Carnet.",
        ) from exc
    try:
        return Calendar.model_validate(data)
    except ValidationError as exc:
        issues = [
            FieldIssue(
                "calendar",
                "invalid_calendar",
                f"Le fichier de calendrier « {name} » n'est pas valide : {_where(tuple(e['loc']), data)} : {e['msg']}.",
                f"The calendar file '{name}' is not valid: {_where(tuple(e['loc']), data)}: {e['msg']}.",
            )
            for e in exc.errors()[:20]
        ]
        raise DossierValidationError(issues) from None


def calendars_dir() -> Path:
    """Where the shipped calendars live: <repo>/resources/prevention (the same layout in the bundle)."""
    return Path(__file__).parents[2] / "resources" / "prevention"


def load_calendars(directory: Path | None = None) -> tuple[Calendar, ...]:
    """Read and validate every shipped calendar: the one place in this package that does file I/O.

    Called at start (CLI, desktop) so that a broken file is reported before anything relies on it.
    """
    folder = directory or calendars_dir()
    found: list[Calendar] = []
    for file_name in CALENDAR_FILES:
        path = folder / file_name
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise DossierValidationError.single(
                "calendar",
                "missing_calendar",
                f"Le fichier de calendrier « {file_name} » est introuvable ({exc.strerror}). Réinstallez Carnet.",
                f"The calendar file '{file_name}' cannot be read ({exc.strerror}). Reinstall Carnet.",
            ) from exc
        found.append(load_calendar(content, name=file_name))
    return tuple(found)
