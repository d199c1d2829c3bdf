"""Who may see the person's dossier: consent and aidants (``settings``), the history of access (``history``),
the children's dossiers managed as legal representative and their other representatives (``representatives``).

Children and aidants live here, not in a family package of their own: both are grants of access to a dossier, made
and shown from the access settings (a child's access is managed with the same screen, on the child's dossier).
"""

from __future__ import annotations

from desktop_app.access.directory import RegistryEntry, RegistryPage, search_professionals
from desktop_app.access.helping import (
    DeceasedRelative,
    HeirAccess,
    Helped,
    HelpedPerson,
    helped,
    helping,
    request_heir_access,
    stop_helping,
)
from desktop_app.access.history import (
    AccessEvent,
    AccessHistoryPage,
    access_history,
    cached_access_history,
)
from desktop_app.access.representatives import (
    ChildProfile,
    Representative,
    add_child,
    add_representative,
    children,
    remove_representative,
)
from desktop_app.access.settings import (
    AccessSettings,
    Aidant,
    AuthorisedProfessional,
    EmergencySettings,
    ProfessionalRef,
    access_settings,
    allow_aidant_messages,
    authorise,
    block,
    cached_access_settings,
    give_occupational_consent,
    invite_aidant,
    revoke_aidant,
    set_administrateur,
    set_default_confidentiality,
    set_emergency,
    set_medecin_traitant,
    set_post_mortem_opposition,
    unblock,
    withdraw,
    withdraw_aidant_messages,
    withdraw_occupational_consent,
)
from desktop_app.access.shared import SharedDossierView, SharedRecord, open_shared_dossier

__all__ = [
    "AccessEvent",
    "AccessHistoryPage",
    "AccessSettings",
    "Aidant",
    "AuthorisedProfessional",
    "ChildProfile",
    "DeceasedRelative",
    "EmergencySettings",
    "HeirAccess",
    "Helped",
    "HelpedPerson",
    "ProfessionalRef",
    "RegistryEntry",
    "RegistryPage",
    "Representative",
    "SharedDossierView",
    "SharedRecord",
    "access_history",
    "access_settings",
    "add_child",
    "add_representative",
    "allow_aidant_messages",
    "authorise",
    "block",
    "cached_access_history",
    "cached_access_settings",
    "children",
    "give_occupational_consent",
    "helped",
    "helping",
    "invite_aidant",
    "open_shared_dossier",
    "remove_representative",
    "request_heir_access",
    "revoke_aidant",
    "search_professionals",
    "set_administrateur",
    "set_default_confidentiality",
    "set_emergency",
    "set_medecin_traitant",
    "set_post_mortem_opposition",
    "stop_helping",
    "unblock",
    "withdraw",
    "withdraw_aidant_messages",
    "withdraw_occupational_consent",
]
