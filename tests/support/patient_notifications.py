"""The notification events the service keeps for a patient, read as the patient's carnet reads them."""

from __future__ import annotations

from typing import Any

from desktop_app.sync.engine import S_ACCESS


def patient_events(lab: Any, device: Any) -> list[str]:
    """The events of `GET /v1/me/notifications` for the person signed in on `device` (a sync_lab Device)."""
    headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}"}
    return [n["event"] for n in lab.api.get("/v1/me/notifications", headers=headers).json()["items"]]
