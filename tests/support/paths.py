"""Where the project and the shared FHIR corpus are: the one lookup of ../shared/data (CARNET_CORPUS_DIR overrides)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = Path(os.environ.get("CARNET_CORPUS_DIR") or PROJECT_ROOT.parent / "shared" / "data")
