"""Agenda: the appointments the person enters (date, time, professional, place, note), exported to and imported
from iCalendar files; an import shows what it would add and adds nothing until the person agrees."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop_app import agenda
from desktop_app.dossier_store import DossierStore, Entry
from dossier.recurrence import recurrence_of
from ui.dialogs import Confirmer
from ui.entries.actions import delete_entry
from ui.entries.form import EntryForm
from ui.formatting import format_date
from ui.i18n import current_language
from ui.ops import Op
from ui.paged import Column
from ui.store_page import OpenChooser, SaveChooser, StorePage, ask_open, ask_save, write_private
from ui.widgets import Retranslatable, describe, flow_row, label

ICS_FILTER = "iCalendar (*.ics)"
_PREVIEW_LINES = 15


def when(entry: Entry) -> str:
    """« 10/12/2026 14:30 » (or the ISO form in English); a whole day shows its date only."""
    raw = str(entry.data.get("starts_at") or "")
    moment = datetime.fromisoformat(raw) if "T" in raw else date.fromisoformat(raw)
    if current_language() != "fr":
        return moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else moment.isoformat()
    return moment.strftime("%d/%m/%Y %H:%M") if isinstance(moment, datetime) else moment.strftime("%d/%m/%Y")


class AgendaPage(StorePage, Retranslatable, QWidget):
    """Appointments in date order; add, edit or delete one; export the agenda or one appointment; import a file."""

    kinds = (agenda.KIND,)

    def __init__(
        self,
        *,
        confirmer: Confirmer,
        open_chooser: OpenChooser = ask_open,
        save_chooser: SaveChooser = ask_save,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._confirmer = confirmer
        self.open_chooser = open_chooser
        self.save_chooser = save_chooser
        self.now = now
        self._init_store_page(
            [
                Column(lambda: self.tr("Date"), when),
                Column(lambda: self.tr("Objet"), lambda e: str(e.data.get("title") or "")),
                Column(lambda: self.tr("Professionnel"), lambda e: str(e.data.get("professional") or "")),
                Column(lambda: self.tr("Lieu"), lambda e: str(e.data.get("place") or "").replace("\n", ", ")),
                Column(lambda: self.tr("Se répète"), self.repeat_text),
            ],
            key=lambda e: e.id,
        )
        self.notice = label("muted")
        self.new_button, self.edit_button, self.delete_button = QPushButton(), QPushButton(), QPushButton()
        self.export_button, self.export_one_button, self.import_button = QPushButton(), QPushButton(), QPushButton()
        self.new_button.clicked.connect(self.on_new_button_clicked)
        self.edit_button.clicked.connect(self.on_edit_button_clicked)
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        self.export_button.clicked.connect(lambda: self.export(every=True))
        self.export_one_button.clicked.connect(lambda: self.export(every=False))
        self.import_button.clicked.connect(self.on_import_button_clicked)
        self.table.activated.connect(self.on_edit_button_clicked)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.form_title = label("heading")
        self.form = EntryForm(agenda.KIND)
        self.form.set_hidden(["uid"])
        self.form.sig_saved.connect(lambda _e: self.on_form_saved())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 2)
        layout.addWidget(
            flow_row(
                self.new_button,
                self.edit_button,
                self.delete_button,
                self.export_one_button,
                self.export_button,
                self.import_button,
            )
        )
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(self.form_title)
        layout.addWidget(scroll, 3)
        self.retranslate_ui()
        self._update_actions()

    def set_context(self, profile: object, store: DossierStore | None) -> None:  # type: ignore[override]
        self.form.set_store(store)
        super().set_context(profile, store)  # type: ignore[arg-type]
        self._update_actions()

    def _fetcher(self) -> Callable[[int, int], list[Entry]] | None:
        store = self._store
        if store is None:
            return None
        return lambda offset, limit: agenda.list_appointments(store)[offset : offset + limit]

    def repeat_text(self, entry: Entry) -> str:
        """« toutes les 2 semaines, jusqu'au 16/02/2027 », « chaque mois, 4 fois »; "" for a single appointment."""
        recurrence = recurrence_of(entry.data)
        if recurrence is None:
            return ""
        n = recurrence.interval
        text = {
            "daily": self.tr("tous les %n jour(s)", "", n) if n > 1 else self.tr("chaque jour"),
            "weekly": self.tr("toutes les %n semaine(s)", "", n) if n > 1 else self.tr("chaque semaine"),
            "monthly": self.tr("tous les %n mois", "", n) if n > 1 else self.tr("chaque mois"),
        }[recurrence.unit]
        if recurrence.until is not None:
            text += self.tr(", jusqu'au %1").replace("%1", format_date(recurrence.until))
        if recurrence.count is not None:
            text += self.tr(", %n fois", "", recurrence.count)
        return text

    # -- actions -----------------------------------------------------------------------------------------------------
    def on_form_saved(self) -> None:
        self.reload()
        self.form_title.setText(self.tr("Ajouter un rendez-vous"))

    def on_new_button_clicked(self) -> None:
        self.form.reset()
        self.form_title.setText(self.tr("Ajouter un rendez-vous"))
        self.form.rows[0].editor.setFocus()

    def prefill(self, title: str) -> None:
        """Start a new appointment for `title` (a prevention recommendation): the person adds the date and time."""
        self.form.reset()
        self.form.row("title").set_value(title)
        self.form_title.setText(self.tr("Ajouter un rendez-vous"))
        self.form.row("starts_at").editor.setFocus()

    def on_edit_button_clicked(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.form.edit(entry)
            self.form_title.setText(self.tr("Modifier le rendez-vous"))

    def on_delete_button_clicked(self) -> None:
        store, entry = self._store, self.selected()
        if store is None or entry is None:
            return
        question = self.tr("Le rendez-vous « %1 » du %2 sera supprimé de votre agenda.")
        delete_entry(
            self,
            confirmer=self._confirmer,
            store=store,
            entry=entry,
            question=question.replace("%1", str(entry.data.get("title"))).replace("%2", when(entry)),
            on_deleted=lambda _e: self.reload(),
            on_failed=self._on_failed,
        )

    def export(self, *, every: bool) -> None:
        store, entry = self._store, self.selected()
        if store is None or (not every and entry is None):
            return
        path = self.save_chooser(self, "agenda.ics" if every else "rendez-vous.ics", ICS_FILTER)
        if path is None:
            return
        now = self.now().astimezone()

        def work() -> int:
            chosen = agenda.list_appointments(store) if every else [store.entries.get(entry.id)]
            write_private(path, agenda.export_ics(chosen, now=now))
            return len(chosen)

        Op(self, work).success(lambda n: self._exported(n, path)).failure(self._on_failed).run()

    def _exported(self, count: int, path: Path) -> None:
        self.notice.setText(
            self.tr("%n rendez-vous exporté(s) dans %1 (fichier non chiffré).", "", count).replace("%1", str(path))
        )

    def on_import_button_clicked(self) -> None:
        store = self._store
        if store is None:
            return
        path = self.open_chooser(self, ICS_FILTER)
        if path is None:
            return
        today = self.now().date()

        def plan() -> agenda.ImportPlan:
            return agenda.plan_import(path.read_bytes(), existing_uids=agenda.existing_uids(store), today=today)

        Op(self, plan).success(lambda p: self._confirm_import(store, p)).failure(self._on_failed).run()

    def _confirm_import(self, store: DossierStore, plan: agenda.ImportPlan) -> None:
        lines = [f"• {f['starts_at'].replace('T', ' ')} — {f['title']}" for f in plan.to_add[:_PREVIEW_LINES]]
        if len(plan.to_add) > _PREVIEW_LINES:
            lines.append(self.tr("… et %1 autre(s)").replace("%1", str(len(plan.to_add) - _PREVIEW_LINES)))
        if plan.already_there:
            lines.append(self.tr("Déjà dans l'agenda : %1").replace("%1", str(len(plan.already_there))))
        lines += [
            self.tr("Laissé de côté : %1 (%2)").replace("%1", t).replace("%2", fr) for t, fr, _en in plan.left_aside
        ]
        lines += list(plan.notes_fr if current_language() == "fr" else plan.notes_en)
        if not plan.to_add:
            self._confirmer.inform(self, title=self.tr("Rien à importer"), text="\n".join(lines) or self.tr("Vide."))
            return
        text = self.tr("%n rendez-vous seront ajoutés à votre agenda :", "", len(plan.to_add)) + "\n" + "\n".join(lines)
        if not self._confirmer.ask(
            self,
            title=self.tr("Importer ces rendez-vous ?"),
            text=text,
            confirm_label=self.tr("Ajouter"),
            cancel_label=self.tr("Annuler"),
        ):
            return
        Op(self, lambda: agenda.apply_import(store, plan)).success(lambda ids: self._imported(len(ids))).failure(
            self._on_failed
        ).run()

    def _imported(self, count: int) -> None:
        self.notice.setText(self.tr("%n rendez-vous ajouté(s).", "", count))
        self.reload()

    def _update_actions(self) -> None:
        chosen = self.selected() is not None
        has_store = self._store is not None
        for button in (self.edit_button, self.delete_button, self.export_one_button):
            button.setEnabled(chosen)
        for button in (self.new_button, self.export_button, self.import_button):
            button.setEnabled(has_store)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Agenda"))
        self.intro.setText(
            self.tr(
                "Vos rendez-vous de santé. Exportez-les vers l'agenda de votre téléphone ou de votre messagerie "
                "(fichier .ics), ou importez ceux d'un autre agenda."
            )
        )
        self.form_title.setText(self.tr("Ajouter un rendez-vous"))
        buttons = (
            (self.new_button, self.tr("&Nouveau rendez-vous"), self.tr("Nouveau rendez-vous")),
            (self.edit_button, self.tr("&Modifier"), self.tr("Modifier")),
            (self.delete_button, self.tr("&Supprimer"), self.tr("Supprimer")),
            (self.export_one_button, self.tr("Exporter &celui-ci"), self.tr("Exporter ce rendez-vous")),
            (self.export_button, self.tr("&Exporter l'agenda"), self.tr("Exporter l'agenda")),
            (self.import_button, self.tr("&Importer un fichier .ics"), self.tr("Importer")),
        )
        descriptions = (
            self.tr("Vider le formulaire pour en ajouter un."),
            self.tr("Modifier le rendez-vous choisi."),
            self.tr("Supprimer le rendez-vous choisi ; demande confirmation."),
            self.tr("Un fichier .ics pour ce seul rendez-vous."),
            self.tr("Un fichier .ics avec tous vos rendez-vous."),
            self.tr("Montre ce qui sera ajouté avant de l'ajouter."),
        )
        for (button, text, name), description in zip(buttons, descriptions, strict=True):
            button.setText(text)
            describe(button, name, description)
        describe(self.table, self.tr("Rendez-vous"), self.tr("Date, objet, professionnel, lieu et répétition."))
        self.model.retranslate()
