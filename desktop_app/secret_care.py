"""A minor's secret care, as their own carnet shows it (issue 17): documents a professional made invisible to the
legal representatives (contraception, abortion, confidential care) reach only the person's own account; once they
are 18 their carnet marks them « Soins confidentiels (avant vos 18 ans) » and says why their parents never saw them.

The service decides who receives them (dossier.access: MINOR_SECRET); this only words what the holder sees.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from desktop_app.i18n import pick
from dossier.dates import majority_date

if TYPE_CHECKING:
    from desktop_app.dossier_store import DocumentInfo, DossierStore


@dataclass(frozen=True, slots=True)
class SecretCare:
    """How one document is marked in its holder's carnet: a short label and the explanation."""

    label: str
    explanation: str


def is_secret_care(info: DocumentInfo) -> bool:
    return bool(info.confidentiality.hidden_from_legal_representatives)


def birth_date(ds: DossierStore) -> date | None:
    """The birth date of the identity (full dates only: a year alone cannot say when someone turned 18)."""
    rows = ds.entries.list("identity", limit=1)
    raw = str(rows[0].data.get("birth_date") or "") if rows else ""
    try:
        return date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        return None


def received_on(info: DocumentInfo) -> date:
    """When the care was given: the document's own date, else the day it was added."""
    return info.document_date or info.created_at.date()


def secret_care(
    info: DocumentInfo,
    *,
    born: date | None,
    today: date,
    lang: str | None = None,
    format_day: Callable[[date], str] | None = None,
) -> SecretCare | None:
    """The marking of ``info`` in its holder's carnet on ``today``; None when it is not a minor's secret care.

    Care received before the 18th birthday (or when the full birth date is unknown: secret care exists only for
    minors) is shown, once the person is an adult, as « Soins confidentiels (avant vos 18 ans) »; otherwise (still a
    minor, or marked so after their majority) as confidential care their legal representatives do not see.
    ``format_day`` writes the 18th birthday as the window writes dates (default: 25/01/2026, or ISO in English)."""
    if not is_secret_care(info):
        return None
    majority = majority_date(born) if born is not None else None
    if majority is None or (today >= majority and received_on(info) < majority):
        since = pick(" (vous avez eu 18 ans le {day})", " (you turned 18 on {day})", lang)
        return SecretCare(
            pick("Soins confidentiels (avant vos 18 ans)", "Confidential care (before you were 18)", lang),
            pick(
                "Vous avez reçu ces soins de façon confidentielle quand vous étiez mineur(e) (par exemple "
                "contraception, IVG ou consultation confidentielle). Vos parents ou représentants légaux ne les ont "
                "jamais vus et ne les verront jamais ; ils sont désormais dans votre carnet, à vous seul(e){since}.",
                "You received this care confidentially while you were a minor (for example contraception, abortion "
                "or a confidential consultation). Your parents or legal representatives never saw it and never "
                "will; it is now in your own carnet, yours alone{since}.",
                lang,
            ).format(since=since.format(day=(format_day or partial(_day, lang=lang))(majority)) if majority else ""),
        )
    return SecretCare(
        pick("Soins confidentiels (invisibles pour vos parents)", "Confidential care (hidden from your parents)", lang),
        pick(
            "Un professionnel a enregistré ce document comme soin confidentiel : vos représentants légaux ne le "
            "voient pas et n'en sont pas avertis.",
            "A professional recorded this document as confidential care: your legal representatives do not see it "
            "and are not told about it.",
            lang,
        ),
    )


def _day(value: date, *, lang: str | None) -> str:
    """As the window shows dates: 25/01/2026 in French, 2026-01-25 in English."""
    return pick(value.strftime("%d/%m/%Y"), value.isoformat(), lang)
