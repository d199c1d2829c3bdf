"""The keys of a profile's encrypted settings (``UnlockedProfile.settings`` / ``set_setting``), in one place.

A key is a stored name: renaming a member is free, changing its value loses what profiles already hold. Keys built
at run time (``pending_key:<dossier id>``, the interface's ``ui.<name>`` preferences) are prefixes, not members.
"""

from __future__ import annotations

from enum import StrEnum


class SettingKey(StrEnum):
    # the profile itself
    CLIENT_ID = "client_id"
    OWN_DOSSIER_ID = "own_dossier_id"
    DOCUMENT_LIMIT_BYTES = "document_limit_bytes"
    # the link to the central service and the sync state
    SERVER_URL = "sync.server_url"
    ACCESS_TOKEN = "sync.access_token"  # noqa: S105 (a key name, not a secret)
    REFRESH_TOKEN = "sync.refresh_token"  # noqa: S105
    IDENTIFIER = "sync.identifier"
    DEVICE_ID = "sync.device_id"
    PROFESSIONAL = "sync.professional"
    DEVICE_REVOKED = "sync.device_revoked"
    LEASES = "sync.leases"
    PURGING = "sync.purging"
    LAST_SERVER_TIME = "sync.last_server_time"
    MAX_BODY = "sync.max_body"
    MAX_MUTATIONS = "sync.max_mutations"
    # offline copies of what the service said (encrypted like everything in the settings)
    CARE_HISTORY = "online.care_history"
    ACCESS_HISTORY = "online.access_history"
    ACCESS_SETTINGS = "online.access_settings"
    NOTIFICATIONS = "online.notifications"
    HELPED = "online.helped"  # whom the person helps as proche aidant
    # a professional's clinic day
    CLINIC_RPPS = "clinic.rpps"
    CLINIC_DAY = "clinic.day"
    CLINIC_DOCUMENTS = "clinic.documents"
    CLINIC_OFFLINE_OPENS = "clinic.offline_opens"
    CLINIC_TRUSTED_UNTIL = "clinic.trusted_until"  # this workstation skips the e-mailed code until then
    CLINIC_JOURNAL = "clinic.journal"  # the day's dossier openings (online and offline), for « Fin de journée »
    CLINIC_WHO = "clinic.who"  # {"profession", "last_name", "first_names"} from GET /v1/pro/me
    # the messagerie: replies written offline, waiting to be sent (idempotent by their id)
    MESSAGES_OUTBOX = "messages.outbox"
