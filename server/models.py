"""Imports every table so that `Base.metadata` is complete (for Alembic and for tests)."""

from server.access import models as access_models  # access management (migration 0200)
from server.accounts.helper_models import Helper, HelperOrganisation
from server.accounts.models import AccessToken, Account, Device, OneTimeCode, Professional, RefreshToken, Throttle
from server.audit.models import AuditEvent, AuditHead
from server.db import Base
from server.dossiers.models import Dossier, DossierEntry
from server.feed.models import CareHistoryRecord
from server.sync import models as sync_models  # the sync engineer's tables (migration 0100)

__all__ = [
    "AccessToken",
    "Account",
    "AuditEvent",
    "AuditHead",
    "Base",
    "CareHistoryRecord",
    "Device",
    "Dossier",
    "DossierEntry",
    "Helper",
    "HelperOrganisation",
    "OneTimeCode",
    "Professional",
    "RefreshToken",
    "Throttle",
    "access_models",
    "sync_models",
]
