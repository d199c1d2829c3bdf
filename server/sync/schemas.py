"""Wire shapes of Dossier Sync v1 (push, pull, uploads), as the service's routes name them.

The shapes themselves live in `dossier/sync_protocol.py`, shared with the client; these are the service's names.
"""

from __future__ import annotations

from dossier.sync_protocol import (
    MAX_MUTATIONS_PER_PUSH,
    MAX_PAGE,
    DossierPage,
    MutationResult,
    Sha256,
    Short,
)
from dossier.sync_protocol import ConflictItem as ConflictOut
from dossier.sync_protocol import Mutation as MutationIn
from dossier.sync_protocol import PullRequest as PullIn
from dossier.sync_protocol import PullResult as PullOut
from dossier.sync_protocol import PushRequest as PushIn
from dossier.sync_protocol import PushResult as PushOut
from dossier.sync_protocol import Record as RecordOut
from dossier.sync_protocol import UploadRequest as UploadIn
from dossier.sync_protocol import UploadState as UploadOut

__all__ = [
    "MAX_MUTATIONS_PER_PUSH",
    "MAX_PAGE",
    "ConflictOut",
    "DossierPage",
    "MutationIn",
    "MutationResult",
    "PullIn",
    "PullOut",
    "PushIn",
    "PushOut",
    "RecordOut",
    "Sha256",
    "Short",
    "UploadIn",
    "UploadOut",
]
