"""Helpers of assisted sessions in tests (issue 15 #2, S51-S53): register one in an organisation (as the admin
command does), enrol them with the mailed code, sign them in with their own second factor."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from server.context import ServiceContext
from server.helpers.service import NewHelper, add_helper, add_organisation
from tests.support.service import PASSWORD, Mailbox


class Api(Protocol):
    """TestClient or httpx.Client: what these helpers call."""

    def post(self, url: str, **kw: Any) -> Any: ...


@dataclass(frozen=True, slots=True)
class HelperAccount:
    email: str
    organisation: str
    first_names: str = "Amélie"
    last_name: str = "Durand"


def enrolment_code(mailbox: Mailbox, email: str) -> str:
    found = re.search(r"enrôlement \(usage unique\) : ([A-Z0-9]{12})", mailbox.last_body(email))
    assert found, "no enrolment code in the last mail"
    return found.group(1)


def register_helper(
    ctx: ServiceContext, mailbox: Mailbox, api: Api, who: HelperAccount, *, manager: bool = False
) -> None:
    """The organisation (created the first time) registers the helper, who chooses a password with the code."""
    with ctx.sessions() as session:
        org, _ = add_organisation(session, ctx, who.organisation)
        add_helper(session, ctx, org, NewHelper(who.email, who.last_name, who.first_names, manager=manager))
        session.commit()
    body = {"email": who.email, "enrolment_code": enrolment_code(mailbox, who.email), "password": PASSWORD}
    r = api.post("/v1/helpers/enrolment", json=body)
    assert r.status_code == 204, r.text


def helper_tokens(api: Api, mailbox: Mailbox, email: str) -> dict[str, Any]:
    """Password, then the code mailed to the helper: the helper's own session (their token)."""
    r = api.post("/v1/helpers/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 202, r.text
    body = {"challenge_id": r.json()["challenge_id"], "code": mailbox.last_otp(email), "device_name": "Accueil"}
    r = api.post("/v1/helpers/auth/verify", json=body)
    assert r.status_code == 200, r.text
    tokens: dict[str, Any] = r.json()
    return tokens
