"""« Identifiant oublié » and « Mot de passe oublié »: the service mails the identifier, or a code to choose a new
password. Neither says whether an account exists (the same answer either way)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.service_client import client, post_public


@dataclass(frozen=True, slots=True)
class PasswordReset:
    """A reset waiting for the code mailed to the account's address."""

    server_url: str
    request_id: str


def forgot_identifier(server_url: str, email: str) -> None:
    """Ask the service to mail the identifier of the account registered with ``email`` (if there is one)."""
    with client(server_url) as http:
        post_public(http, "/v1/recovery/identifier", {"email": email.strip()})


def forgot_password(server_url: str, identifier: str) -> PasswordReset:
    """Ask for a password reset code for ``identifier`` (mailed only if the account exists)."""
    with client(server_url) as http:
        body = post_public(http, "/v1/recovery/password", {"identifier": identifier.strip()})
    return PasswordReset(server_url, str(body["request_id"]))


def reset_password(reset: PasswordReset, code: str, new_password: str) -> None:
    """Choose a new password with the mailed code; every session of the account is closed by the service.

    The carnets on this computer keep their own password until it is changed in Paramètres (or opened with the
    recovery key): this changes the account's password only.
    """
    with client(reset.server_url) as http:
        http.request(
            "POST",
            "/v1/recovery/password/confirm",
            json={"request_id": reset.request_id, "code": code.strip(), "new_password": new_password},
            auth=False,
        )
