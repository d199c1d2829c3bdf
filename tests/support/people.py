"""Helpers for the « people by name » tests: professionals in the registry, enrolled (password set) or not."""

from __future__ import annotations

import re
from typing import Any

from server.context import ServiceContext
from server.professionals.service import NewProfessional, add_professional
from tests.support.service import PASSWORD, Mailbox

# (rpps, profession, last name, first names, town)
REGISTRY = (
    ("10000000017", "medecin_generaliste", "Durand", "Anne", "Lyon"),
    ("10000000025", "medecin_specialiste", "Bernard", "Louis", "Lyon"),
    ("10000000033", "infirmier", "Durandal", "Marc", "Villeurbanne"),
    ("10000000041", "medecin_generaliste", "Petit", "Claire", "Marseille"),
)
NOT_ENROLLED = ("10000000058", "medecin_generaliste", "Durant", "Paul", "Lyon")


def register(
    ctx: ServiceContext, mailbox: Mailbox, client: Any, entry: tuple[str, str, str, str, str], *, enrol: bool = True
) -> None:
    """Add a professional to the registry and, with ``enrol``, set their password with the mailed code."""
    rpps, profession, last_name, first_names, town = entry
    address = f"{rpps}@cabinet.example.org"
    with ctx.sessions() as session:
        add_professional(session, ctx, NewProfessional(rpps, profession, last_name, first_names, address, town))
        session.commit()
    if not enrol:
        return
    code = re.search(r"enrôlement \(usage unique\) : (\w{12})", mailbox.last_body(address))
    assert code
    r = client.post("/v1/pro/enrolment", json={"rpps": rpps, "enrolment_code": code.group(1), "password": PASSWORD})
    assert r.status_code == 204, r.text


def registry(ctx: ServiceContext, mailbox: Mailbox, client: Any) -> None:
    """The four enrolled professionals of ``REGISTRY`` and one registered but never enrolled."""
    for entry in REGISTRY:
        register(ctx, mailbox, client, entry)
    register(ctx, mailbox, client, NOT_ENROLLED, enrol=False)
