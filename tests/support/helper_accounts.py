"""Helpers of assisted sessions in tests (issue 15 #2, S51-S53): register one in an organisation (as the admin
command does), enrol them with the mailed code, sign them in with their own second factor."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import httpx

from desktop_app.assisted import HelperSession
from server.context import ServiceContext
from server.helpers.service import NewHelper, add_helper, add_organisation
from tests.support.service import PASSWORD, Mailbox

Api = Any  # a TestClient or an httpx.Client (both speak the same API; their signatures differ in detail)


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


LEA = HelperAccount(
    "lea.dubois@fs-melun.example.org", "France Services de Melun", first_names="Léa", last_name="Dubois"
)
LEA_SHOWN = "Léa Dubois|France Services de Melun"  # what the person's historique shows of her


def register_helper(
    ctx: ServiceContext, mailbox: Mailbox, api: Api, who: HelperAccount, *, manager: bool = False
) -> None:
    """The organisation (created the first time) registers the helper, who chooses a password with the code
    (once: registering the same helper again changes nothing)."""
    with ctx.sessions() as session:
        org, _ = add_organisation(session, ctx, who.organisation)
        _, created = add_helper(
            session, ctx, org, NewHelper(who.email, who.last_name, who.first_names, manager=manager)
        )
        session.commit()
    if not created:
        return
    body = {"email": who.email, "enrolment_code": enrolment_code(mailbox, who.email), "password": PASSWORD}
    r = api.post("/v1/helpers/enrolment", json=body)
    assert r.status_code == 204, r.text


def helper_session(url: str, ctx: ServiceContext, mailbox: Mailbox, who: HelperAccount = LEA) -> HelperSession:
    """The helper registered on the live service at `url`, signed in with the client's own `HelperSession`."""
    with httpx.Client(base_url=url, timeout=30) as api:
        register_helper(ctx, mailbox, api, who)
    session = HelperSession(url)
    session.start(who.email, PASSWORD)
    session.confirm(mailbox.last_otp(who.email))
    return session


def helper_tokens(api: Api, mailbox: Mailbox, email: str) -> dict[str, Any]:
    """Password, then the code mailed to the helper: the helper's own session (their token)."""
    r = api.post("/v1/helpers/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 202, r.text
    body = {"challenge_id": r.json()["challenge_id"], "code": mailbox.last_otp(email), "device_name": "Accueil"}
    r = api.post("/v1/helpers/auth/verify", json=body)
    assert r.status_code == 200, r.text
    tokens: dict[str, Any] = r.json()
    return tokens
