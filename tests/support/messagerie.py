"""Helpers of the messagerie's tests (issue 20): a conversation driven through the real HTTP API."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
"""A small document Documents accepts (the format is detected from these bytes)."""

Headers = dict[str, str]


@dataclass
class Thread:
    """One conversation, spoken into by whoever's headers are given (a TestClient, or an httpx client of a live
    service)."""

    client: httpx.Client
    id: str

    @classmethod
    def opened(cls, client: httpx.Client, pro: Headers, ins: str, text: str = "Vos résultats sont arrivés.") -> Thread:
        body = {
            "id": str(uuid.uuid4()),
            "ins": ins,
            "subject": "Résultats",
            "message": {"id": str(uuid.uuid4()), "text": text},
        }
        r = client.post("/v1/pro/conversations", json=body, headers=pro)
        assert r.status_code == 201, r.text
        return cls(client, str(r.json()["conversation_id"]))

    def say(self, who: Headers, text: str, *, attachment_id: str | None = None, message_id: str | None = None) -> Any:
        body: dict[str, Any] = {"id": message_id or str(uuid.uuid4()), "text": text}
        if attachment_id is not None:
            body["attachment_id"] = attachment_id
        return self.client.post(f"/v1/conversations/{self.id}/messages", json=body, headers=who)

    def attach(self, who: Headers, content: bytes, filename: str = "resultats.pdf", attachment_id: str = "") -> Any:
        return self.client.put(
            f"/v1/conversations/{self.id}/attachments/{attachment_id or uuid.uuid4()}",
            params={"filename": filename},
            content=content,
            headers={**who, "Content-Type": "application/octet-stream"},
        )

    def page(self, who: Headers, after_seq: int = 0, limit: int = 100) -> Any:
        return self.client.get(f"/v1/conversations/{self.id}/messages?after_seq={after_seq}&limit={limit}", headers=who)

    def mark_read(self, who: Headers, up_to_seq: int) -> Any:
        return self.client.post(f"/v1/conversations/{self.id}/read", json={"up_to_seq": up_to_seq}, headers=who)


def start_conversation(
    client: Any, doctor: dict[str, str], dossier_id: uuid.UUID, subject: str, *, secret: bool = False
) -> str:
    """A professional starts a conversation in a dossier through the service's route; returns its id."""
    body = {
        "id": str(uuid.uuid4()),
        "dossier_id": str(dossier_id),
        "subject": subject,
        "secret": secret,
        "message": {"id": str(uuid.uuid4()), "text": f"{subject} : venez me voir."},
    }
    r = client.post("/v1/pro/conversations", json=body, headers=doctor)
    assert r.status_code == 201, r.text
    return str(r.json()["conversation_id"])
