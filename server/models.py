"""Imports every table so that `Base.metadata` is complete (for Alembic and for tests)."""

from server.access import models as access_models  # access management (migration 0200)
from server.accounts.helper_models import Helper, HelperOrganisation
from server.accounts.models import AccessToken, Account, Device, OneTimeCode, Professional, RefreshToken, Throttle
from server.accounts.oidc_models import OidcLogin
from server.audit.models import AuditEvent, AuditHead
from server.db import Base
from server.dossiers.models import Dossier, DossierEntry
from server.feed.models import CareHistoryRecord
from server.messages import models as messages_models  # the messagerie (migration 0800)
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
    "OidcLogin",
    "OneTimeCode",
    "Professional",
    "RefreshToken",
    "Throttle",
    "access_models",
    "messages_models",
    "sync_models",
]
