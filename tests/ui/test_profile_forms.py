"""Profil médical: every entry kind added through its generated form, a refused value shown beside its field."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from dossier.entries import ENTRY_KINDS
from tests.ui.helpers import open_dossier
from ui.entries.form import field_spec
from ui.profile.view import profile_kinds

GOOD = {
    "date": "14/05/2019",
    "integer": "5",
    "number": "7,5",
    "email": "camille@example.org",
    "phone": "06 12 34 56 78",
    "datetime": "14/05/2019 08:30",
}
BAD = {"date": "32/13/2019", "integer": "-5", "number": "-1", "email": "pas-une-adresse", "phone": "12"}


def _bad_field(kind: str) -> tuple[str, str | None]:
    """The field given a refused value for this kind, and that value (None: leave a required field empty)."""
    fields = ENTRY_KINDS[kind].fields
    for wanted in ("date", "integer", "number", "email", "phone"):
        for f in fields:
            if f.type.value == wanted:
                return f.name, BAD[wanted]
    required = next(f for f in fields if f.required)
    return required.name, None


def _fill(form, name: str, value: str | None) -> None:
    editor = form.row(name).editor
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(0 if value is None else 1)
    elif isinstance(editor, QCheckBox):
        editor.setChecked(value is not None)
    else:
        assert isinstance(editor, QLineEdit)
        editor.clear()
        if value:
            editor.setFocus()
            editor.insert(value)


def _good_value(spec) -> str:
    return GOOD.get(spec.type.value, "Valeur de test")


@pytest.mark.parametrize("kind", profile_kinds())
def test_each_kind_is_added_through_its_form_after_a_refused_value(qtbot, window, existing_profile, kind) -> None:
    open_dossier(qtbot, window)
    page = window.dossier.profile
    window.dossier.show_section("profile")
    page.show_kind(kind)
    form = page.form(kind)
    assert form.isEnabled()
    bad_name, bad_value = _bad_field(kind)
    fields = ENTRY_KINDS[kind].fields
    free_form = not any(f.required for f in fields)  # then text fields say what the entry is about
    for spec in fields:
        wanted = spec.required or (free_form and spec.type.value in ("text", "long_text"))
        if wanted and spec.name != bad_name:
            _fill(form, spec.name, _good_value(spec))
    _fill(form, bad_name, bad_value)
    with qtbot.waitSignal(form.sig_rejected, timeout=10_000):
        form.save_button.click()
    errors = form.errors()
    assert errors.get(bad_name), f"no message next to {bad_name}: {errors}"
    assert form.row(bad_name).error.isVisible()
    # What was typed is kept so the person can correct it.
    if bad_value is not None and isinstance(form.row(bad_name).editor, QLineEdit):
        assert form.row(bad_name).editor.text() == bad_value
    assert page.model.rowCount() == 0

    _fill(form, bad_name, _good_value(field_spec(kind, bad_name)))
    # Some kinds also need one of several fields (e.g. a result's value or its text): the message next to a
    # field says so, and filling that field in is what a person would do next.
    outcome: list = []
    form.sig_saved.connect(outcome.append)
    form.sig_rejected.connect(lambda exc: outcome.append(None))
    for _ in range(3):
        outcome.clear()
        form.save_button.click()
        qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
        if outcome[0] is not None:
            break
        for name in form.errors():
            assert name, f"an error not placed next to a field: {form.errors()}"
            _fill(form, name, _good_value(field_spec(kind, name)))
    assert outcome and outcome[0] is not None, form.errors()
    saved_entry = outcome[0]
    assert saved_entry.kind == kind
    assert not form.errors()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert page.model.row_object(0).id == saved_entry.id
    assert page.model.data(page.model.index(0, 0))  # a readable summary is shown


def test_non_concerne_declares_a_rubric_empty(qtbot, window, existing_profile) -> None:
    open_dossier(qtbot, window)
    page = window.dossier.profile
    page.show_kind("allergy")
    assert page.not_concerned_button.isEnabled()
    with qtbot.waitSignal(page.sig_entry_saved, timeout=10_000) as saved:
        page.not_concerned_button.click()
    entry = saved.args[0]
    assert entry.kind == "not_concerned" and entry.data["section"] == "allergies"
    assert window.store.entries.count("not_concerned") == 1
    page.show_kind("identity")  # identity cannot be declared "non concerné"
    assert not page.not_concerned_button.isEnabled()


def test_delete_asks_first_and_keeps_the_entry_when_refused(qtbot, window, existing_profile, confirmer) -> None:
    open_dossier(qtbot, window)
    store = window.store
    store.entries.create("allergy", {"substance": "Pénicilline"})
    page = window.dossier.profile
    page.show_kind("allergy")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.table.setCurrentIndex(page.model.index(0, 0))
    confirmer.answers.extend([False])
    page.delete_button.click()
    assert "Pénicilline" in confirmer.questions[-1][1]
    assert store.entries.count("allergy") == 1
    confirmer.answers.extend([True])
    with qtbot.waitSignal(page.sig_entry_deleted, timeout=10_000):
        page.delete_button.click()
    assert store.entries.count("allergy") == 0
