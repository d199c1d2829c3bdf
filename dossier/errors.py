"""Validation errors of the domain: each names the field and says in plain French (and English) what is wrong."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pydantic_core import PydanticCustomError


@dataclass(frozen=True, slots=True)
class FieldIssue:
    """One problem with one field: a stable machine code and the sentence shown to a person."""

    field: str
    code: str
    message_fr: str
    message_en: str

    def message(self, lang: str = "fr") -> str:
        return self.message_en if lang.startswith("en") else self.message_fr


class DossierValidationError(ValueError):
    """Raised when input does not describe a valid piece of a dossier; carries every issue found, not just the first."""

    def __init__(self, issues: Iterable[FieldIssue]) -> None:
        self.issues: tuple[FieldIssue, ...] = tuple(issues)
        if not self.issues:
            raise ValueError("a DossierValidationError needs at least one issue")
        super().__init__("; ".join(f"{i.field}: {i.message_fr}" for i in self.issues))

    def message(self, lang: str = "fr") -> str:
        return "\n".join(
            f"{i.field} : {i.message(lang)}" if not lang.startswith("en") else f"{i.field}: {i.message(lang)}"
            for i in self.issues
        )

    @classmethod
    def single(cls, field: str, code: str, message_fr: str, message_en: str) -> DossierValidationError:
        return cls([FieldIssue(field, code, message_fr, message_en)])


def as_pydantic_error(error: DossierValidationError) -> PydanticCustomError:
    """Wrap our first issue for pydantic, keeping its code and both messages to report them unchanged."""
    issue = error.issues[0]
    return PydanticCustomError(
        "dossier_issue",
        issue.message_en,
        {"code": issue.code, "fr": issue.message_fr, "en": issue.message_en},
    )
