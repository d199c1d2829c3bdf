"""Helpers for the tests of the export doors (issue 17): a carnet with an identity and vaccinations, the text of a PDF
(poppler's pdftotext), scripted file choices for ui.exports.common.Doors."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections import deque
from pathlib import Path
from typing import Any

import pytest

from desktop_app.profile import ProfileDirectory

IDENTITY = {
    "birth_name": "Lefèvre",
    "first_names": "Zoé",
    "sex": "F",
    "birth_date": "1948-02-29",
    "gp_name": "Dr Éloïse Marchand",
}
VACCINES = (
    {"vaccine": "DTPolio (Revaxis)", "date": "2019-04-02", "dose": "rappel", "lot": "T1234", "vaccinator": "Dr Roux"},
    {"vaccine": "Grippe saisonnière", "date": "2025-10-20", "dose": "primo", "lot": "G77"},
)

ALLERGY = {"resourceType": "AllergyIntolerance", "patient": {"reference": "Patient/1"}, "code": {"text": "Arachide"}}
IMPLAUSIBLE = {  # a body temperature of 3.7 °C: out of the plausible range, skipped with the reason
    "resourceType": "Observation",
    "status": "final",
    "code": {"coding": [{"system": "http://loinc.org", "code": "8310-5"}]},
    "effectiveDateTime": "2024-05-01T10:00:00Z",
    "valueQuantity": {"value": 3.7, "system": "http://unitsofmeasure.org", "code": "Cel"},
}
SAMPLE_IMPORT = {
    "resourceType": "Bundle",
    "type": "collection",
    "entry": [{"resource": ALLERGY}, {"resource": IMPLAUSIBLE}],
}
"""A FHIR file to import: one allergy imported, one observation skipped (with its reason)."""


def seeded_profile(profiles: ProfileDirectory, password: str, *, label: str = "Zoé Lefèvre") -> str:
    """A locked carnet whose own dossier holds an identity, an allergy and two vaccinations; returns its id."""
    profile, _ = profiles.create(label, password)
    ds = profile.dossier()
    ds.entries.create("identity", dict(IDENTITY))
    ds.entries.create("allergy", {"name": "Pénicilline", "reaction": "urticaire"})
    for shot in VACCINES:
        ds.entries.create("vaccination", dict(shot))
    profile_id = profile.profile_id
    profile.lock()
    return profile_id


def pdf_text(path: Path) -> str:
    """The words of a PDF file, whitespace folded (fails on CI, skips locally, when poppler is missing)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (poppler-utils) is not installed")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


class ScriptedChoices:
    """Answers the file dialogs from queues and records what each one proposed (title, default name)."""

    def __init__(self) -> None:
        self.saves: deque[Path | None] = deque()
        self.opens: deque[Path | None] = deque()
        self.folders: deque[Path | None] = deque()
        self.asked: list[tuple[str, ...]] = []
        self.modals: list[Any] = []

    def save_path(self, _parent: Any, title: str, name: str, filters: str) -> Path | None:
        self.asked.append(("save", title, name, filters))
        return self.saves.popleft() if self.saves else None

    def open_path(self, _parent: Any, title: str, filters: str) -> Path | None:
        self.asked.append(("open", title, filters))
        return self.opens.popleft() if self.opens else None

    def folder(self, _parent: Any, title: str) -> Path | None:
        self.asked.append(("folder", title))
        return self.folders.popleft() if self.folders else None

    def run_modal(self, dialog: Any) -> int:
        """Record the dialog instead of blocking on it (the test inspects and closes it)."""
        self.modals.append(dialog)
        return 0

    def install(self, doors: Any) -> None:
        doors.save_path = self.save_path
        doors.open_path = self.open_path
        doors.folder = self.folder
        doors.run_modal = self.run_modal
        doors.printer = lambda _parent: None
