"""Prévention: what is due, overdue or done (vaccinations, organised screening, « Mon bilan prévention »), each with
the rule applied and its source, and the calendar's optional questions (pregnancy, risk groups)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop_app import prevention
from dossier.errors import DossierValidationError
from dossier.prevention import Recommendation, Status
from ui.i18n import current_language, pick
from ui.ops import Op
from ui.paged import Column
from ui.store_page import StorePage
from ui.widgets import Retranslatable, describe, flow_row, label, show_error

_RECORD_KINDS = ("identity", "vaccination", "procedure", "lab_result")
_ANSWER_VALUES: tuple[bool | None, ...] = (None, True, False)


def _day(value: date | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y") if current_language() == "fr" else value.isoformat()


class PreventionPage(StorePage, Retranslatable, QWidget):
    """The recommendations table (overdue first) with the rule and source of the chosen one, and the questions."""

    sig_appointment_requested = Signal(str)
    """The person wants an appointment for the chosen recommendation; carries its label (the appointment's title)."""
    sig_undoable = Signal(str, object)
    """A suggestion was set aside; carries what to say and how to put it back (run on the worker)."""

    kinds = _RECORD_KINDS

    def __init__(self, *, today: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self._answers: dict[str, bool | None] = {}
        self._dismissed: dict[str, str] = {}
        self._init_store_page(
            [
                Column(lambda: self.tr("État"), self._status_text),
                Column(lambda: self.tr("Quand"), self._when),
                Column(lambda: self.tr("Quoi"), lambda r: r.label(current_language())),
            ],
            key=lambda r: r.rule_id,
        )
        self.detail = label()
        self.source = label("muted")
        self.appointment_button = QPushButton()
        self.appointment_button.clicked.connect(self.on_appointment_button_clicked)
        # Set a suggestion aside (for good, or for a month) or propose it again; the aside ones show on demand.
        self.never_button, self.later_button, self.again_button = QPushButton(), QPushButton(), QPushButton()
        self.never_button.clicked.connect(lambda: self.dismiss(never=True))
        self.later_button.clicked.connect(lambda: self.dismiss(never=False))
        self.again_button.clicked.connect(self.on_again_button_clicked)
        self.show_dismissed = QCheckBox()
        self.show_dismissed.toggled.connect(lambda _on: self.reload())
        self.notice = label("muted")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.model.sig_page_loaded.connect(lambda _n: self._show_answers())
        self.model.sig_page_loaded.connect(lambda _n: self._show_detail())
        self.questions_box = QWidget()
        self.questions_title = label("heading")
        # One question above its answer, full width: long questions wrap instead of widening the window.
        column = QVBoxLayout(self.questions_box)
        column.addWidget(self.questions_title)
        self.question_labels: dict[str, Any] = {}
        self.question_boxes: dict[str, QComboBox] = {}
        try:
            self._questions = prevention.calendars()
        except DossierValidationError as error:  # a shipped file that does not validate: say so, show nothing
            self._questions = ()
            show_error(self.error, error.message(current_language()))
        for calendar in self._questions:
            for cid, condition in calendar.conditions.items():
                combo = QComboBox()
                combo.currentIndexChanged.connect(lambda _i, c=cid: self.on_answer_changed(c))
                caption = label(buddy=combo)
                caption.setProperty("question", (condition.question_fr, condition.question_en))
                column.addWidget(caption)
                column.addWidget(combo)
                self.question_labels[cid], self.question_boxes[cid] = caption, combo
        column.addStretch(1)
        # Below the table, one scrolling pane: the chosen row's rule and source, then the questions.
        column.insertWidget(0, self.source)
        column.insertWidget(0, self.detail)
        pane = QScrollArea()
        pane.setWidgetResizable(True)
        pane.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        pane.setWidget(self.questions_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 3)
        layout.addWidget(
            flow_row(
                self.appointment_button, self.later_button, self.never_button, self.again_button, self.show_dismissed
            )
        )
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(pane, 2)
        self.retranslate_ui()

    # -- data --------------------------------------------------------------------------------------------------------
    def _fetcher(self) -> Callable[[int, int], list[Recommendation]] | None:
        store, profile = self._store, self._profile
        if store is None or profile is None:
            return None
        today = self.today()
        every = self.show_dismissed.isChecked()

        def fetch(offset: int, limit: int) -> list[Recommendation]:  # on the store worker
            answers = prevention.load_answers(profile, store.dossier_id)
            dismissed = prevention.load_dismissed(profile, store.dossier_id)
            self._answers = answers  # shown by _show_answers once the page arrives on the UI thread
            self._dismissed = {k: v for k, v in dismissed.items() if prevention.is_dismissed(k, dismissed, today=today)}
            rows = prevention.due(store, answers=answers, today=today)
            return [r for r in rows if every or r.rule_id not in self._dismissed][offset : offset + limit]

        return fetch

    def recommendations(self) -> list[Recommendation]:
        return list(self.model.rows())

    def on_answer_changed(self, condition_id: str) -> None:
        combo = self.question_boxes[condition_id]
        value = _ANSWER_VALUES[max(0, combo.currentIndex())]
        store, profile = self._store, self._profile
        if store is None or profile is None or self._answers.get(condition_id) == value:
            return
        self._answers[condition_id] = value
        save = {condition_id: value}
        Op(self, lambda: prevention.save_answers(profile, store.dossier_id, save)).success(
            lambda _r: self.reload()
        ).failure(self._on_failed).run()

    def _show_answers(self) -> None:
        for cid, combo in self.question_boxes.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(_ANSWER_VALUES.index(self._answers.get(cid)))
            combo.blockSignals(False)

    # -- display -----------------------------------------------------------------------------------------------------
    def _status_text(self, r: Recommendation) -> str:
        mark = self._dismissed.get(r.rule_id)
        if mark == prevention.NEVER:
            return self.tr("Écartée")
        if mark is not None:
            return self.tr("Plus tard (%1)").replace("%1", _day(date.fromisoformat(mark)))
        return {
            Status.OVERDUE: self.tr("En retard"),
            Status.DUE: self.tr("À faire"),
            Status.ASK: self.tr("Selon votre réponse"),
            Status.UPCOMING: self.tr("À venir"),
            Status.DONE: self.tr("Fait"),
        }[r.status]

    def _when(self, r: Recommendation) -> str:
        if r.status is Status.DONE:
            return self.tr("fait le %1").replace("%1", _day(r.done_on)) if r.done_on else self.tr("fait")
        if r.status is Status.OVERDUE:
            return self.tr("depuis le %1").replace("%1", _day(r.due_date))
        if r.until and r.status is Status.DUE:
            return self.tr("jusqu'au %1").replace("%1", _day(r.until))
        return self.tr("à partir du %1").replace("%1", _day(r.due_date)) if r.due_date else ""

    def on_appointment_button_clicked(self) -> None:
        r = self.selected()
        if r is not None and r.status is not Status.DONE:
            self.sig_appointment_requested.emit(r.label(current_language()))

    def dismiss(self, *, never: bool) -> None:
        """« Ne plus me le proposer » (never) or « Plus tard » (a month) for the chosen suggestion; undoable."""
        r, store, profile = self.selected(), self._store, self._profile
        if r is None or store is None or profile is None or r.status is Status.DONE:
            return
        today, dossier_id, name = self.today(), store.dossier_id, r.label(current_language())
        if never:
            text = self.tr("« %1 » ne vous sera plus proposé.").replace("%1", name)
        else:
            text = self.tr("« %1 » vous sera proposé à nouveau le %2.").replace("%1", name)
            text = text.replace("%2", _day(today + prevention.LATER))

        def done(previous: str | None) -> None:
            self.notice.setText(text)
            self.reload()
            self.sig_undoable.emit(text, lambda: prevention.restore(profile, dossier_id, r.rule_id, previous))

        Op(self, lambda: prevention.dismiss(profile, dossier_id, r.rule_id, never=never, today=today)).success(
            done
        ).failure(self._on_failed).run()

    def on_again_button_clicked(self) -> None:
        r, store, profile = self.selected(), self._store, self._profile
        if r is None or store is None or profile is None or r.rule_id not in self._dismissed:
            return
        dossier_id, name = store.dossier_id, r.label(current_language())

        def done(_previous: str | None) -> None:
            self.notice.setText(self.tr("« %1 » vous est proposé à nouveau.").replace("%1", name))
            self.reload()

        Op(self, lambda: prevention.restore(profile, dossier_id, r.rule_id)).success(done).failure(
            self._on_failed
        ).run()

    def _show_detail(self) -> None:
        r = self.selected()
        self.appointment_button.setEnabled(r is not None and r.status is not Status.DONE)
        aside = r is not None and r.rule_id in self._dismissed
        for button in (self.never_button, self.later_button):
            button.setEnabled(r is not None and r.status is not Status.DONE and not aside)
        self.again_button.setEnabled(aside)
        if r is None:
            self.detail.setText(self.tr("Choisissez une ligne pour voir la règle appliquée et sa source."))
            self.source.setText("")
            return
        text = pick(r.rule_fr, r.rule_en)
        if r.status is Status.DONE and r.next_due:
            text += " " + self.tr("Prochaine fois : %1.").replace("%1", _day(r.next_due))
        self.detail.setText(text)
        self.source.setText(self.tr("Source : %1").replace("%1", pick(r.source_fr, r.source_en)))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Prévention"))
        self.intro.setText(
            self.tr(
                "Vaccinations, dépistages organisés et bilans de prévention recommandés pour votre âge, d'après vos "
                "vaccinations et examens enregistrés. Parlez-en à votre médecin ou à votre pharmacien."
            )
        )
        self.questions_title.setText(self.tr("Questions (facultatives) : elles précisent les recommandations"))
        for cid, combo in self.question_boxes.items():
            question_fr, question_en = self.question_labels[cid].property("question")
            self.question_labels[cid].setText(pick(question_fr, question_en))
            index = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([self.tr("Je ne réponds pas"), self.tr("Oui"), self.tr("Non")])
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
            describe(combo, pick(question_fr, question_en), self.tr("Oui, non, ou ne pas répondre."))
        describe(self.table, self.tr("Recommandations"), self.tr("État, ce qu'il faut faire et quand."))
        self.appointment_button.setText(self.tr("Prendre &rendez-vous"))
        describe(
            self.appointment_button,
            self.tr("Prendre rendez-vous"),
            self.tr("Ajouter à l'agenda un rendez-vous pour la recommandation choisie."),
        )
        for button, text, name, description in (
            (
                self.later_button,
                self.tr("Plus &tard"),
                self.tr("Plus tard"),
                self.tr("Ne plus proposer la recommandation choisie pendant un mois ; Ctrl+Z annule."),
            ),
            (
                self.never_button,
                self.tr("Ne &plus me le proposer"),
                self.tr("Ne plus me le proposer"),
                self.tr("Écarter la recommandation choisie ; Ctrl+Z annule."),
            ),
            (
                self.again_button,
                self.tr("Proposer à &nouveau"),
                self.tr("Proposer à nouveau"),
                self.tr("Remettre la recommandation écartée parmi les suggestions."),
            ),
        ):
            button.setText(text)
            describe(button, name, description)
        self.show_dismissed.setText(self.tr("Montrer les suggestions é&cartées"))
        describe(
            self.show_dismissed,
            self.tr("Montrer les suggestions écartées"),
            self.tr("Afficher aussi les recommandations que vous avez écartées ou remises à plus tard."),
        )
        self.model.retranslate()
        self._show_detail()
