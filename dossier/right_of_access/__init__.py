"""Right of access to one's medical records (loi du 4 mars 2002): the legal deadlines and where a request stands.

- `deadlines`: `compute_deadlines`, `request_status`, the legal references and Carnet's stated reading of them;
- `holidays`: French public holidays, for a last day that falls on one.
"""

from __future__ import annotations

from dossier.right_of_access.deadlines import (
    LEGAL_REFERENCES_EN,
    LEGAL_REFERENCES_FR,
    Deadlines,
    RequestStatus,
    compute_deadlines,
    request_status,
)

__all__ = [
    "LEGAL_REFERENCES_EN",
    "LEGAL_REFERENCES_FR",
    "Deadlines",
    "RequestStatus",
    "compute_deadlines",
    "request_status",
]
