"""Issue 15 finding 12: a full export while a document's bytes are not on this computer yet.

Device A adds a document and pushes its record only (records never wait on bytes); device B syncs and holds the
record without the bytes — a real state between two syncs. carnet-cli on B then exports (real subprocess on B's
SQLCipher files, real service on loopback): it fetches the bytes first when it can (progress on stderr), otherwise
it exports what is there and names what is missing, exit 0 — never "Erreur inattendue (NoResultFound)".
"""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from desktop_app.sync.engine import SyncReport
from tests.support.service import PASSWORD
from tests.support.sync_lab import Device, Lab, make_engine

ARCHIVE_PASSPHRASE = "une phrase de passe pour l'archive 2026"
MISSING_FR = "ne sont pas encore sur cet ordinateur et ne sont pas dans l'export"


def _pdf(size: int) -> bytes:
    body = hashlib.shake_256(os.urandom(8)).digest(size - 20)
    return b"%PDF-1.4\n" + body + b"\n%%EOF\n\n\n"[:11]


def _cli(data_dir: Path, *args: str, stdin: str = PASSWORD + "\n") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "PYTHONPATH": str(Path.cwd())}
    argv = [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), *args, "--password-stdin"]
    return subprocess.run(argv, input=stdin, capture_output=True, text=True, env=env, timeout=180)


def _record_only(device: Device, content: bytes, title: str) -> str:
    """Add a document on `device` and push its record, not its bytes (what a sync cut after the push leaves)."""
    store = device.profile.dossier()
    doc = store.documents.add(content, title=title, category="imagerie")
    device.engine._push(store, SyncReport())
    return doc.id


def _close(device: Device) -> Path:
    device.engine.http.close()
    device.profile.lock()
    return device.directory.data_dir


def _assert_exported_without(result: subprocess.CompletedProcess[str], doc_id: str, title: str) -> None:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Erreur inattendue" not in result.stderr
    assert MISSING_FR in result.stderr and f"{title} ({doc_id})" in result.stderr
    assert doc_id in result.stdout and "Documents non inclus" in result.stdout


def test_full_export_leaves_out_and_names_missing_bytes_then_fetches_them_when_it_can(
    lab: Lab, sqlite_only: None, tmp_path: Path
) -> None:
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    content = _pdf(1_200_000)  # more than two download chunks: progress is reported
    doc_id = _record_only(a, content, "Radio du genou")
    b.engine.sync_once()  # the record arrives; the bytes are not on the service yet (404: pending download)
    assert [d.id for d in b.profile.dossier().documents.list()] == [doc_id]
    data_b = _close(b)
    encoded = base64.b64encode(content).decode()

    first = tmp_path / "dossier.json"
    result = _cli(data_b, "export", "fhir", str(first))
    _assert_exported_without(result, doc_id, "Radio du genou")
    assert first.is_file() and encoded[:64] not in first.read_text()
    archive = tmp_path / "carnet.carnet"
    result = _cli(data_b, "export", "archive", str(archive), stdin=f"{PASSWORD}\n{ARCHIVE_PASSPHRASE}\n")
    _assert_exported_without(result, doc_id, "Radio du genou")
    assert "0 documents" in result.stdout

    a.engine.sync_once()  # A uploads the bytes: B's next full export fetches them first
    second = tmp_path / "dossier-complet.json"
    result = _cli(data_b, "export", "fhir", str(second))
    assert result.returncode == 0, result.stderr
    assert "Téléchargement des documents…" in result.stderr and MISSING_FR not in result.stderr
    assert encoded[:64] in second.read_text()

    # Offline: another record-only document, then the service goes away — export what is there, name the rest.
    other_id = _record_only(a, _pdf(5000), "Ordonnance")
    b.profile = b.directory.unlock(PASSWORD)
    b.engine = make_engine(b.profile)
    b.engine.sync_once()
    data_b = _close(b)
    lab.live.stop()
    third = tmp_path / "hors-ligne.json"
    result = _cli(data_b, "export", "fhir", str(third))
    _assert_exported_without(result, other_id, "Ordonnance")
    assert encoded[:64] in third.read_text()  # the first document is local now and is exported
