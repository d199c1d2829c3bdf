"""Opposition to the creation of one's space (with the letter's code, NIR and serial)."""

from __future__ import annotations

from desktop_app.service_client import client, post_public


def oppose(server_url: str, code: str, nir: str, serial: str) -> str:
    """Oppose the creation of one's space; returns the space's new status (``opposed``)."""
    with client(server_url) as http:
        body = post_public(
            http, "/v1/spaces/opposition", {"activation_code": code, "nir": nir, "carte_vitale_serial": serial}
        )
    return str(body["status"])
