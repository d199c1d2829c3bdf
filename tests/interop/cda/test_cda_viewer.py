"""The in-app viewer shows a stored CDA document's narrative readably; a screenshot is kept for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from desktop_app.exports.cda_io import import_cda_file


def _shown(qtbot: Any, dossier: Any, fixtures: Path, name: str) -> Any:
    from ui.viewer import DocumentViewer

    import_cda_file(dossier, fixtures / name, with_entries=False)
    info = next(d for d in dossier.documents.list() if d.format == "txt")
    viewer = DocumentViewer()
    qtbot.addWidget(viewer)
    viewer.resize(900, 1100)
    viewer.show()
    with qtbot.waitSignal(viewer.sig_document_shown, timeout=10_000):
        viewer.show_document(info, dossier.documents.read(info.id))
    return viewer


def test_structured_cda_is_rendered_as_a_readable_document(
    qtbot: Any, dossier: Any, fixtures: Path, tmp_path: Path
) -> None:
    viewer = _shown(qtbot, dossier, fixtures, "vsm_synthese.xml")
    assert viewer.stack.currentWidget() is viewer.cda_view
    text = viewer.cda_view.toPlainText()
    for expected in (
        "Volet de synthèse médicale",
        "Pathologies en cours et antécédents",
        "Asthme",
        "Amoxicilline",
        "1 inhalation matin et soir",
        "Activité professionnelle",
        "<script>alert(1)</script> reste du texte",
    ):
        assert expected in text
    assert "urn:hl7-org:v3" not in text and "templateId" not in text  # the narrative, not the XML
    html = viewer.cda_view.toHtml()
    assert "font-weight:700" in html or "font-weight:600" in html  # styleCode Bold kept
    shot = Path(os.environ.get("CARNET_CDA_SCREENSHOT_DIR") or tmp_path) / "cda_vsm_viewer.png"
    assert viewer.grab().save(str(shot))
    assert shot.stat().st_size > 10_000
    viewer.clear()
    assert viewer.cda_view.toPlainText() == ""  # nothing of the document stays in the viewer after clear (S18)


def test_a_plain_text_document_is_still_shown_as_text(qtbot: Any, dossier: Any) -> None:
    from ui.viewer import DocumentViewer

    info = dossier.documents.add(b"<note>pas un CDA</note>", title="Note", category="autre")
    viewer = DocumentViewer()
    qtbot.addWidget(viewer)
    viewer.show_document(info, b"<note>pas un CDA</note>")
    assert viewer.stack.currentWidget() is viewer.text_view
    assert viewer.text_view.toPlainText() == "<note>pas un CDA</note>"


def _page(qtbot: Any, dossier: Any, answers: list[bool]) -> Any:
    from ui.dialogs import ScriptedConfirmer
    from ui.documents.view import DocumentsPage

    confirmer = ScriptedConfirmer(answers)
    page = DocumentsPage(confirmer=confirmer)
    qtbot.addWidget(page)
    page.set_store(dossier)
    return page, confirmer


def test_adding_a_cda_in_the_app_prefills_from_its_header_and_offers_its_entries(
    qtbot: Any, dossier: Any, fixtures: Path
) -> None:
    page, confirmer = _page(qtbot, dossier, [True])
    page.stage_files([fixtures / "vsm_synthese.xml"])
    assert page.new_title.text() == "Volet de synthèse médicale"
    assert page.new_category.currentData() == "synthese"
    assert page.new_date.date().toString("yyyy-MM-dd") == "2024-10-15"
    page.new_title.setText("Synthèse Dr Exemple")  # what the person typed wins
    with qtbot.waitSignal(page.sig_entries_imported, timeout=20_000) as imported:
        page.save_button.click()
    assert imported.args == [6]
    assert "6 élément(s)" in confirmer.questions[0][1]
    assert "condition | 2 | 2 | 0 | 0" in confirmer.informed[0][1]
    [doc] = dossier.documents.list()
    assert (doc.title, doc.author_kind) == ("Synthèse Dr Exemple", "professional")
    assert dossier.entries.count() == 6


def test_declining_the_offer_keeps_only_the_document(qtbot: Any, dossier: Any, fixtures: Path) -> None:
    page, confirmer = _page(qtbot, dossier, [False])
    page.stage_files([fixtures / "vsm_synthese.xml"])
    with qtbot.waitSignal(page.sig_document_added, timeout=20_000):
        page.save_button.click()
    assert len(confirmer.questions) == 1 and confirmer.informed == []
    assert dossier.entries.count() == 0 and len(dossier.documents.list()) == 1


def test_a_level_1_cda_added_in_the_app_opens_as_its_pdf(qtbot: Any, dossier: Any, fixtures: Path) -> None:
    page, confirmer = _page(qtbot, dossier, [])
    page.stage_files([fixtures / "cr_consultation_n1.xml"])
    with qtbot.waitSignal(page.sig_document_added, timeout=20_000) as added:
        page.save_button.click()
    assert added.args[0].format == "pdf"  # the embedded PDF is what the viewer opens
    assert confirmer.questions == []  # a level 1 document has no entries to offer
    assert len(dossier.documents.list()) == 2


def test_a_hostile_cda_added_in_the_app_is_refused_with_the_sentence(qtbot: Any, dossier: Any, tmp_path: Path) -> None:
    from tests.support.cda_hostile import BILLION_LAUGHS

    bad = tmp_path / "laughs.xml"
    bad.write_bytes(BILLION_LAUGHS)
    page, _ = _page(qtbot, dossier, [])
    page.stage_files([bad])
    with qtbot.waitSignal(page.sig_operation_failed, timeout=20_000) as failed:
        page.save_button.click()
    assert "DTD ou des entités XML" in failed.args[0]
    assert dossier.documents.list() == [] and dossier.entries.count() == 0
