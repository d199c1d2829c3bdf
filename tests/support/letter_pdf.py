"""Reading back a generated PDF in tests of the request letter: its text (pdftotext) and a page as PNG (pdftoppm)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def poppler(tool: str) -> str:
    """The path of a poppler tool; skips locally and fails in CI when it is missing."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} (Debian poppler-utils) is not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def pdf_text(pdf: bytes, folder: Path) -> str:
    """The text of every page, whitespace collapsed."""
    path = folder / "letter.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([poppler("pdftotext"), "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def pdf_pages(pdf: bytes, folder: Path) -> int:
    """How many pages the PDF has."""
    path = folder / "pages.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([poppler("pdfinfo"), str(path)], capture_output=True, check=True, text=True)
    return next(int(line.split()[-1]) for line in out.stdout.splitlines() if line.startswith("Pages:"))
