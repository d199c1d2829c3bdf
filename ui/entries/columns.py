"""How entries are shown in tables: their kind's label, summary and date, in the current language."""

from __future__ import annotations

from desktop_app.dossier_store import Entry
from dossier import entries as entry_rules
from ui.formatting import format_iso
from ui.i18n import current_language, pick
from ui.i18n import translate as _t
from ui.paged import Column


def kind_label(kind: str) -> str:
    spec = entry_rules.ENTRY_KINDS.get(kind)
    return pick(spec.label_fr, spec.label_en) if spec is not None else kind


def entry_summary(entry: Entry) -> str:
    """The one-line summary in the current language (the stored one is French)."""
    try:
        return entry_rules.summarize_entry(entry.kind, entry.data, lang=current_language())
    except (ValueError, KeyError, TypeError):
        return entry.summary


def entry_date(entry: Entry) -> str:
    raw = entry.sort_date or entry.created_at.date().isoformat()
    return format_iso(raw[:10])


def entry_source(entry: Entry) -> str:
    """ "Importé de … le …" for an imported entry, empty for one typed in Carnet."""
    return entry_rules.provenance_text(entry.data, current_language()) or ""


def entry_columns(*, with_kind: bool) -> list[Column[Entry]]:
    columns: list[Column[Entry]] = []
    if with_kind:
        columns.append(Column(lambda: _t("EntryColumns", "Rubrique"), lambda e: kind_label(e.kind)))
    columns.append(Column(lambda: _t("EntryColumns", "Élément"), entry_summary))
    columns.append(Column(lambda: _t("EntryColumns", "Date"), entry_date))
    if not with_kind:  # a section's table says where imported entries came from
        columns.append(Column(lambda: _t("EntryColumns", "Source"), entry_source))
    return columns
