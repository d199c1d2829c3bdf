"""The portable encrypted archive: a full profile moves to a new data directory; bad files import nothing."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import pytest

from desktop_app.exports.archive import (
    MAGIC,
    ArchiveCorrupt,
    ArchivePassphraseError,
    export_archive,
    import_archive,
    verify_archive,
)
from desktop_app.vault import FLOOR_KDF
from dossier.errors import DossierValidationError

PASSPHRASE = "valise rouge pour le train de 7h12 vers Brest"
NEW_PASSWORD = "Grenouille-violette-sous-la-pluie-1987"
MARKER = "ZQXJMARKERPLAINTEXT7731"
PDF = b"%PDF-1.4\n% " + MARKER.encode() + b"\n" + bytes(range(256)) * 9000 + b"\n%%EOF\n"  # > 2 chunks


def _content(profile: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for dossier_id in profile.dossier_ids():
        ds = profile.dossier(dossier_id)
        out[ds.dossier_id if dossier_id != profile.settings["own_dossier_id"] else "own"] = {
            "entries": sorted(json.dumps([e.kind, e.data, e.author_kind], sort_keys=True) for e in ds.entries.list()),
            "documents": sorted(
                (d.title, d.category, d.sha256, d.confidentiality.model_dump_json(), ds.documents.read(d.id) == PDF)
                for d in ds.documents.list()
            ),
        }
    return out


@pytest.fixture
def filled(profile: Any) -> Any:
    ds = profile.dossier()
    ds.entries.create("identity", {"birth_name": "Lefèvre", "first_names": "Zoé", "sex": "F", "birth_date": "1948"})
    ds.entries.create("allergy", {"substance": "Pénicilline " + MARKER, "severity": "severe"})
    ds.entries.create("condition", {"name": "Asthme"}, external_ref="fhir:urn:uuid:1234", author_kind="professional")
    ds.documents.add(PDF, title="Ordonnance du Dr Noël", category="ordonnance", author_kind="professional")
    child = profile.create_dossier("Léo", role="child")
    child.entries.create("vaccination", {"vaccine": "ROR", "date": "2024-01-15", "dose": "primo"})
    profile.set_setting("font_scale", 1.5)
    return profile


def test_a_profile_moves_to_a_new_computer(filled: Any, tmp_path: Path) -> None:
    from desktop_app.profile import ProfileDirectory

    out = tmp_path / "carnet.archive"
    summary = export_archive(filled, out, PASSPHRASE, kdf=FLOOR_KDF)
    assert (summary.dossiers, summary.entries, summary.documents) == (2, 4, 1)
    assert verify_archive(out, PASSPHRASE) == summary
    keys: list[str] = []
    new_pc = ProfileDirectory(tmp_path / "new-pc", kdf=FLOOR_KDF)
    restored = import_archive(new_pc, out, PASSPHRASE, label="Zoé", password=NEW_PASSWORD, on_recovery_key=keys.append)
    try:
        assert _content(restored) == _content(filled)
        assert restored.settings["font_scale"] == 1.5
        assert restored.settings["client_id"] != filled.settings["client_id"]  # a new installation
        assert keys and keys[0]
    finally:
        restored.lock()
    # The new profile opens with its own password.
    new_pc.unlock(NEW_PASSWORD).lock()


def test_the_archive_is_encrypted(filled: Any, tmp_path: Path) -> None:
    """S15: an export stays encrypted; no plaintext copy or temp file is left next to it."""
    exports = tmp_path / "exports"
    exports.mkdir()
    out = exports / "carnet.archive"
    export_archive(filled, out, PASSPHRASE, kdf=FLOOR_KDF)
    raw = out.read_bytes()
    assert raw.startswith(MAGIC)
    assert MARKER.encode() not in raw and "Lefèvre".encode() not in raw and b"%PDF-1." not in raw
    assert [p.name for p in exports.iterdir()] == ["carnet.archive"]


def _directory(tmp_path: Path) -> Any:
    from desktop_app.profile import ProfileDirectory

    return ProfileDirectory(tmp_path / "new-pc", kdf=FLOOR_KDF)


def test_wrong_passphrase_imports_nothing(filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "carnet.archive"
    export_archive(filled, out, PASSPHRASE, kdf=FLOOR_KDF)
    new_pc = _directory(tmp_path)
    with pytest.raises(ArchivePassphraseError) as exc:
        import_archive(new_pc, out, PASSPHRASE + "!", label="Zoé", password=NEW_PASSWORD)
    assert exc.value.exit_code == 3 and "rien n'a été importé" in exc.value.message("fr")
    assert new_pc.profiles() == []


@pytest.mark.parametrize("damage", ["flip_last_chunk", "flip_header", "truncate", "append"])
def test_a_damaged_archive_imports_nothing(filled: Any, tmp_path: Path, damage: str) -> None:
    out = tmp_path / "carnet.archive"
    export_archive(filled, out, PASSPHRASE, kdf=FLOOR_KDF)
    raw = bytearray(out.read_bytes())
    if damage == "flip_last_chunk":
        raw[-5] ^= 0x01
    elif damage == "flip_header":
        raw[len(MAGIC) + 10] ^= 0x01
    elif damage == "truncate":
        del raw[-(len(raw) // 3) :]
    else:
        raw += struct.pack(">I", 3) + b"abc"
    out.write_bytes(bytes(raw))
    new_pc = _directory(tmp_path)
    with pytest.raises((ArchiveCorrupt, ArchivePassphraseError)):
        import_archive(new_pc, out, PASSPHRASE, label="Zoé", password=NEW_PASSWORD)
    assert new_pc.profiles() == []


def test_kdf_parameters_below_the_floor_are_refused(filled: Any, tmp_path: Path) -> None:
    """S03: an archive whose header asks for a weaker Argon2id than the OWASP floor is not opened."""
    out = tmp_path / "carnet.archive"
    export_archive(filled, out, PASSPHRASE, kdf=FLOOR_KDF)
    raw = out.read_bytes()
    (length,) = struct.unpack(">I", raw[len(MAGIC) : len(MAGIC) + 4])
    header = raw[len(MAGIC) + 4 : len(MAGIC) + 4 + length]
    weak = header.replace(b'"m": 19456', b'"m": 1024 ')
    assert weak != header and len(weak) == len(header)
    out.write_bytes(raw.replace(header, weak))
    with pytest.raises(ArchiveCorrupt):
        verify_archive(out, PASSPHRASE)


def test_a_weak_passphrase_is_refused_before_writing(filled: Any, tmp_path: Path) -> None:
    with pytest.raises(DossierValidationError):
        export_archive(filled, tmp_path / "a.archive", "1234", kdf=FLOOR_KDF)
    assert not (tmp_path / "a.archive").exists()


def test_a_file_that_is_not_an_archive_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    with pytest.raises(ArchiveCorrupt, match="not a Carnet archive"):
        verify_archive(path, PASSPHRASE)
