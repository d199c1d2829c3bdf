"""Response bodies of the care history's routes."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel


class CareRecordOut(BaseModel):
    id: uuid.UUID
    kind: str
    date: date
    label: str
    professional: str | None
