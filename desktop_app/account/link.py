"""One person, one carnet: after the service has proved who the person is (activation or sign-in), open their
carnet on this computer, link a carnet they already keep here, or create one named after them.

A carnet is tied to its account by a marker beside its vault (``account.json``: a hash of the service address and
the identifier, nothing readable), so the next sign-in finds it without unlocking anything. Linking a carnet made
offline moves its entries and documents onto the dossier the service gave the person: each is written once into
that dossier's outbox and sent once by the sync; the old local dossier is then shredded.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.account.space import ServiceIdentity
from desktop_app.dossier_store import DossierStore
from desktop_app.errors import CarnetError
from desktop_app.profile import ProfileDirectory, UnlockedProfile
from desktop_app.service_client import link_profile
from desktop_app.setting_keys import SettingKey

_MARKER = "account.json"
_PAGE = 500


class AlreadyLinked(CarnetError):
    """The carnet chosen to link is already tied to another account."""

    exit_code = 1

    def __init__(self) -> None:
        super().__init__(
            "Ce carnet est déjà relié à un autre compte : choisissez « Créer un nouveau carnet » ou un autre carnet.",
            "This record is already linked to another account: choose 'Create a new record' or another record.",
        )


@dataclass(frozen=True, slots=True)
class LocalChoice:
    """What the person chose for this computer: link an existing carnet (its password when it is not the
    account's), or ``link_profile_id=None`` for a new carnet."""

    link_profile_id: str | None = None
    local_password: str | None = field(default=None, repr=False)


def account_key(server_url: str, identifier: str) -> str:
    return hashlib.sha256(f"{server_url.rstrip('/')}\n{identifier.strip().lower()}".encode()).hexdigest()


def _marker_path(directory: ProfileDirectory, profile_id: str) -> Path:
    return directory.data_dir / "profiles" / profile_id / _MARKER


def _marker_of(directory: ProfileDirectory, profile_id: str) -> str | None:
    try:
        value = json.loads(_marker_path(directory, profile_id).read_text(encoding="utf-8")).get("account")
    except (OSError, ValueError, AttributeError):
        return None
    return str(value) if value else None


def _write_marker(directory: ProfileDirectory, profile_id: str, key: str) -> None:
    path = _marker_path(directory, profile_id)
    tmp = path.with_suffix(".tmp")
    # 0600 whatever the umask, like every file of a profile (S46).
    with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"account": key}))
    os.chmod(tmp, 0o600)
    tmp.replace(path)


def carnet_of_account(directory: ProfileDirectory, server_url: str, identifier: str) -> str | None:
    """The carnet on this computer already tied to this account (or, as older versions did, named after it)."""
    key = account_key(server_url, identifier)
    summaries = directory.profiles()
    for summary in summaries:
        if _marker_of(directory, summary.profile_id) == key:
            return summary.profile_id
    named = [s.profile_id for s in summaries if s.label == identifier.strip()]
    unclaimed = [profile_id for profile_id in named if _marker_of(directory, profile_id) is None]
    return unclaimed[0] if unclaimed else None


def linkable_carnets(directory: ProfileDirectory, server_url: str, identifier: str) -> list[tuple[str, str]]:
    """(profile id, label) of the carnets here that no account claims yet: the ones a person may link. The last
    opened comes first (it is most likely the person's)."""
    if carnet_of_account(directory, server_url, identifier) is not None:
        return []
    last = directory.last_opened()
    free = [(s.profile_id, s.label) for s in directory.profiles() if _marker_of(directory, s.profile_id) is None]
    return sorted(free, key=lambda item: item[0] != last)


def open_existing(
    directory: ProfileDirectory, server_url: str, identifier: str, account_password: str, choice: LocalChoice
) -> UnlockedProfile | None:
    """Unlock the carnet to open or link before the mailed code is spent (a wrong password must not cost a code)."""
    existing = carnet_of_account(directory, server_url, identifier)
    if existing is not None:  # a linked carnet may keep its own password: the one typed for it, else the account's
        return directory.unlock(choice.local_password or account_password, profile_id=existing)
    if choice.link_profile_id is None:
        return None
    profile = directory.unlock(choice.local_password or account_password, profile_id=choice.link_profile_id)
    linked_to = profile.settings.get(SettingKey.IDENTIFIER)
    if linked_to and str(linked_to) != identifier.strip():
        profile.lock()
        raise AlreadyLinked()
    return profile


@contextmanager
def locked_on_failure(profile: UnlockedProfile | None) -> Iterator[None]:
    """Around the service calls after ``open_existing``: a failure locks the carnet it opened again."""
    try:
        yield
    except BaseException:
        if profile is not None:
            profile.lock()
        raise


def settle(
    directory: ProfileDirectory,
    *,
    server_url: str,
    identifier: str,
    password: str,
    dossier_id: str,
    identity: ServiceIdentity | None,
    pair: dict[str, object] | None,
    profile: UnlockedProfile | None,
) -> tuple[UnlockedProfile, str | None]:
    """The service has proved the person: link ``profile`` (opened by ``open_existing``) or create their carnet.

    Returns the open profile and, when it was just created, its recovery key."""
    recovery_key: str | None = None
    if profile is None:
        profile, recovery_key = directory.create(
            _free_label(directory, identity.display_name if identity else identifier, identifier),
            password,
            own_dossier_id=dossier_id,
            user_inputs=(identifier,),
        )
        if identity is not None:
            profile.dossier().entries.create("identity", identity_fields(identity))
    else:
        adopt_dossier(profile, dossier_id)
    link_profile(profile, server_url, identifier, pair)
    _write_marker(directory, profile.profile_id, account_key(server_url, identifier))
    return profile, recovery_key


def identity_fields(identity: ServiceIdentity) -> dict[str, object]:
    return {
        "birth_name": identity.last_name,
        "first_names": identity.first_names,
        "birth_date": identity.birth_date.isoformat(),
        "sex": identity.sex,
        "ins": identity.ins or identity.nir,
    }


def _free_label(directory: ProfileDirectory, wanted: str, identifier: str) -> str:
    taken = {s.label for s in directory.profiles()}
    if wanted not in taken:
        return wanted
    return f"{wanted} ({identifier})"


def adopt_dossier(profile: UnlockedProfile, dossier_id: str) -> int:
    """Make the service's dossier this carnet's own: move every entry and document of the local own dossier onto
    it (once), then shred the old one. Returns how many entries and documents moved; nothing when it already is.

    If anything fails on the way, the new dossier is shredded and the old one stays the carnet's own: nothing is
    lost and nothing is sent twice."""
    old_id = str(profile.settings.get(SettingKey.OWN_DOSSIER_ID) or "")
    if old_id == dossier_id:
        return 0
    old = profile.dossier(old_id)
    new = profile.create_dossier(profile.dossier_label(old_id) or profile.label, role="own", dossier_id=dossier_id)
    try:
        moved = _copy_entries(old, new) + _copy_documents(old, new)
    except BaseException:
        profile.set_setting(SettingKey.OWN_DOSSIER_ID, old_id)
        profile.purge_dossier(dossier_id)
        raise
    profile.purge_dossier(old_id)
    return moved


def _copy_entries(old: DossierStore, new: DossierStore) -> int:
    moved, offset = 0, 0
    while batch := old.entries.list(None, offset=offset, limit=_PAGE):
        for entry in batch:
            new.entries.create(entry.kind, entry.data, external_ref=entry.external_ref, author_kind=entry.author_kind)
        moved += len(batch)
        offset += len(batch)
    return moved


def _copy_documents(old: DossierStore, new: DossierStore) -> int:
    moved, offset = 0, 0
    while batch := old.documents.list(offset=offset, limit=_PAGE):
        for info in batch:
            new.documents.add(
                old.documents.read(info.id),
                title=info.title,
                category=info.category,
                document_date=info.document_date,
                author_kind=info.author_kind,
                confidentiality=info.confidentiality,
                filename=info.filename,
                external_ref=info.external_ref,
            )
        moved += len(batch)
        offset += len(batch)
    return moved
