"""The in-app viewer shows a stored CDA document's narrative readably; a screenshot is kept for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from desktop_app.exports.cda_io import import_cda_file


def _shown(qtbot: Any, dossier: Any, fixtures: Path, name: str) -> Any:
    from ui.documents.viewer import DocumentViewer

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
    from ui.documents.viewer import DocumentViewer

    info = dossier.documents.add(b"<note>pas un CDA</note>", title="Note", category="autre")
    viewer = DocumentViewer()
    qtbot.addWidget(viewer)
    viewer.show_document(info, b"<note>pas un CDA</note>")
    assert viewer.stack.currentWidget() is viewer.text_view
    assert viewer.text_view.toPlainText() == "<note>pas un CDA</note>"
