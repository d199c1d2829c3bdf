"""What every entry screen does with an entry besides its form: delete it (asked first, undoable), restore it,
declare a rubric "non concerné". Shared by the profile, measures and vaccinations screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop_app.dossier_store import DossierStore, Entry
from dossier import entries as entry_rules
from ui.dialogs import Confirmer
from ui.entries.form import field_choices, field_spec
from ui.i18n import translate as _t
from ui.ops import Op

NOT_CONCERNED = "not_concerned"

# Entries a professional or the insurer added: never edited or deleted by the patient.
PROTECTED_AUTHORS = frozenset({"professional", "insurer"})

RestoreFn = Callable[[], object]
"""Undo of a deletion: runs on the worker and brings the entry back through the store (and its outbox)."""


def delete_entry(
    page: QWidget,
    *,
    confirmer: Confirmer,
    store: DossierStore,
    entry: Entry,
    question: str,
    on_deleted: Callable[[Entry], None],
    on_failed: Callable[[BaseException], None],
) -> None:
    """Ask first (``question`` says what will happen), delete on the worker, then ``on_deleted(entry as it was)``."""
    if not confirmer.ask(
        page,
        title=_t("ProfilePage", "Supprimer cet élément ?"),
        text=question,
        confirm_label=_t("ProfilePage", "Supprimer"),
        cancel_label=_t("ProfilePage", "Annuler"),
    ):
        return
    Op(page, lambda: store.entries.delete(entry.id)).success(lambda _: on_deleted(entry)).failure(on_failed).run()


def restorer(store: DossierStore, entry: Entry) -> RestoreFn:
    """The undo of deleting ``entry``: restored through the store, so the restore reaches the outbox and syncs."""
    return lambda: store.entries.restore(entry)


def not_concerned_section(kind: str) -> str | None:
    """The section a "non concerné" entry declares empty for this rubric, or None when it cannot be declared."""
    section = entry_rules.ENTRY_KINDS[kind].section
    spec = field_spec(NOT_CONCERNED, "section")
    allowed = {c.value for c in field_choices(spec)} if spec is not None else set()
    return section if section in allowed else None
