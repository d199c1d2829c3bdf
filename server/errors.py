"""Problem details (RFC 9457): the only shape an error takes on the wire, with a stable code and French text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, Field

from dossier.errors import DossierValidationError, FieldIssue

PROBLEM_MEDIA_TYPE = "application/problem+json"


class ProblemIssue(BaseModel):
    """One invalid field."""

    field: str
    code: str
    message_fr: str
    message_en: str


class Problem(BaseModel):
    """The JSON body of every error response."""

    type: str = "about:blank"
    title: str
    status: int = Field(ge=400, le=599)
    detail: str
    code: str
    detail_en: str | None = None
    issues: list[ProblemIssue] = Field(default_factory=list)


class ProblemError(Exception):
    """Raised by services; turned into a problem+json response by the app."""

    def __init__(
        self,
        status: int,
        code: str,
        detail_fr: str,
        detail_en: str,
        *,
        title: str | None = None,
        headers: Mapping[str, str] | None = None,
        issues: Sequence[FieldIssue] = (),
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.detail_fr = detail_fr
        self.detail_en = detail_en
        self.title = title or code.replace("_", " ")
        self.headers = dict(headers or {})
        self.issues = tuple(issues)

    def to_problem(self) -> Problem:
        return Problem(
            type=f"https://carnet.localhost/problems/{self.code}",
            title=self.title,
            status=self.status,
            detail=self.detail_fr,
            detail_en=self.detail_en,
            code=self.code,
            issues=[ProblemIssue(**_issue_dict(i)) for i in self.issues],
        )


def _issue_dict(issue: FieldIssue) -> dict[str, Any]:
    return {
        "field": issue.field,
        "code": issue.code,
        "message_fr": issue.message_fr,
        "message_en": issue.message_en,
    }


def from_validation(error: DossierValidationError) -> ProblemError:
    """A domain validation error becomes a 422 carrying every field issue."""
    return ProblemError(
        422,
        "validation_failed",
        "Certaines informations ne sont pas valides : " + "; ".join(i.message_fr for i in error.issues),
        "Some information is not valid: " + "; ".join(i.message_en for i in error.issues),
        title="Invalid input",
        issues=error.issues,
    )


def unauthorized() -> ProblemError:
    return ProblemError(
        401,
        "unauthorized",
        "Session absente ou expirée : reconnectez-vous.",
        "Missing or expired session: please sign in again.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def device_revoked() -> ProblemError:
    """The token belongs to a device its owner removed: the client should stop using it and say so (not retry)."""
    return ProblemError(
        401,
        "device_revoked",
        "Cet appareil a été retiré de votre compte : reconnectez-vous pour l'utiliser à nouveau.",
        "This device was removed from your account: sign in again to use it.",
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
    )


def not_found(what_fr: str, what_en: str) -> ProblemError:
    return ProblemError(404, "not_found", f"{what_fr} introuvable.", f"{what_en} not found.")
