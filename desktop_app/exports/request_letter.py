"""The letter asking a professional or an establishment for one's medical records (loi du 4 mars 2002, article
L1111-7 of the Code de la santé publique), as a PDF built in memory with reportlab.

The letter is in French whatever the interface language: it goes to a French professional or establishment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop_app.exports.pdf import _build, _fmt_date, _p, _styles
from dossier.right_of_access import LEGAL_REFERENCES_FR

_DELIVERY_FR = {
    "post": "par courrier, à mon adresse indiquée ci-dessus",
    "email": "par messagerie sécurisée de santé ou par courriel, à l'adresse indiquée ci-dessus",
    "on_site": "en les consultant sur place ; merci de m'indiquer le jour et l'heure possibles",
    "doctor": "par l'intermédiaire du médecin que je désigne ci-dessous",
}
_METHOD_FR = {
    "registered_letter": "Lettre recommandée avec accusé de réception",
    "email": "Envoyée par courriel",
    "on_site": "Remise en main propre",
    "letter": "",
}


@dataclass(frozen=True, slots=True)
class Requester:
    """Who asks: the identity the letter needs to prove the request comes from the person."""

    name: str
    birth_date: str | None = None
    birth_name: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None

    @classmethod
    def from_identity(cls, data: Mapping[str, Any]) -> Requester:
        """From the dossier's identity entry (first names, used or birth name, birth date, contact)."""
        last = data.get("used_name") or data.get("birth_name") or ""
        name = " ".join(str(p) for p in (data.get("first_names"), last) if p)
        birth_name = data.get("birth_name") if data.get("used_name") else None
        return cls(
            name=name or "…",
            birth_date=str(data["birth_date"]) if data.get("birth_date") else None,
            birth_name=str(birth_name) if birth_name else None,
            address=data.get("address"),
            phone=data.get("phone"),
            email=data.get("email"),
        )


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _born(value: str | None) -> str:
    if not value:
        return ""
    try:
        return _fmt_date(date.fromisoformat(value[:10])) if len(value) >= 10 else value
    except ValueError:
        return value


def build_request_letter(
    requester: Requester,
    request: Mapping[str, Any],
    *,
    written_on: date,
    generated_at: datetime,
    doctor: str | None = None,
) -> bytes:
    """The letter for one records_request entry's data, dated `written_on`."""
    s = _styles(11.5)
    sender = [requester.name]
    if requester.birth_name:
        sender.append(f"Nom de naissance : {requester.birth_name}")
    if requester.birth_date:
        sender.append(f"Date de naissance : {_born(requester.birth_date)}")
    sender += _lines(requester.address)
    sender += [x for x in (requester.phone, requester.email) if x]
    establishment = request.get("recipient_kind") == "establishment"
    recipient = [str(request.get("recipient") or "")]
    if establishment:
        recipient.insert(0, "À l'attention de la direction")
    recipient += _lines(request.get("recipient_address"))

    head = Table(
        [
            [
                [_p(line, s["body"]) for line in sender],
                [_p(line, s["body"]) for line in recipient],
            ]
        ],
        colWidths=[86 * mm, 81 * mm],
        hAlign="LEFT",
    )
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story: list[Flowable] = [head, Spacer(1, 8 * mm), _p(f"Le {_fmt_date(written_on)}", s["body"])]
    method = _METHOD_FR.get(str(request.get("method") or ""), "")
    if method:
        story.append(_p(method, s["small"]))
    story += [
        Spacer(1, 4 * mm),
        Paragraph(
            "<b>Objet : demande de communication de mes informations de santé "
            "(article L1111-7 du code de la santé publique)</b>",
            s["body"],
        ),
        Spacer(1, 4 * mm),
        _p("Madame, Monsieur,", s["body"]),
        Spacer(1, 2 * mm),
        _p(
            "En application de l'article L1111-7 du code de la santé publique, issu de la loi n° 2002-303 du "
            "4 mars 2002 relative aux droits des malades et à la qualité du système de santé, je vous demande de "
            "me communiquer les informations suivantes concernant ma santé, détenues par "
            + ("votre établissement :" if establishment else "vous :"),
            s["body"],
        ),
        Spacer(1, 2 * mm),
    ]
    story += [Paragraph(line, s["bullet"], bulletText="•") for line in map(escape, _lines(request.get("requested")))]
    delivery = _DELIVERY_FR.get(str(request.get("delivery") or "post"), _DELIVERY_FR["post"])
    story += [
        Spacer(1, 2 * mm),
        _p(f"Je souhaite recevoir ces documents {delivery}.", s["body"]),
    ]
    if request.get("delivery") == "doctor" and doctor:
        story.append(_p(f"Médecin désigné : {doctor}", s["body"]))
    story += [
        Spacer(1, 2 * mm),
        _p(
            "Ces informations doivent m'être communiquées au plus tard dans les huit jours suivant la réception de "
            "ma demande, et au plus tôt après un délai de réflexion de quarante-huit heures. Ce délai est porté à "
            "deux mois lorsque les informations médicales datent de plus de cinq ans (article L1111-7 ; article "
            "R1111-1 du code de la santé publique).",
            s["body"],
        ),
        Spacer(1, 2 * mm),
        _p(
            "La consultation sur place est gratuite ; si des copies me sont délivrées, les frais laissés à ma charge "
            "ne peuvent excéder le coût de leur reproduction et, le cas échéant, de leur envoi (article L1111-7).",
            s["body"],
        ),
        Spacer(1, 2 * mm),
        _p("Vous trouverez ci-joint une copie de ma pièce d'identité.", s["body"]),
        Spacer(1, 2 * mm),
        _p("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.", s["body"]),
        Spacer(1, 14 * mm),
        _p(requester.name, s["body"]),
        _p("Signature :", s["small"]),
        Spacer(1, 12 * mm),
        _p("Pièce jointe : copie d'une pièce d'identité.", s["small"]),
        _p("Références :", s["small"]),
    ]
    story += [Paragraph(escape(ref), s["small"], bulletText="–") for ref in LEGAL_REFERENCES_FR]
    return _build(story, title="Demande de communication du dossier médical", generated_at=generated_at)
