"""Identity from the service at activation: sex and matricule INS are said by the service, stored in the carnet's
encrypted identity, shown with the INS's nature and OID, and exported as FHIR Patient.gender and Patient.identifier
— against the real service on loopback and its real SMTP outbox."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest

from desktop_app import account, vault
from desktop_app.exports.fhir_io import export_fhir_collection
from desktop_app.profile import ProfileDirectory
from dossier.entries import summarize_entry
from dossier.entries.display import ins_text
from dossier.identifiers import format_nir, ins_oid, nir_key, sex_from_nir
from server.dossiers.service import Beneficiary, provision
from tests.support.desktop_service import flows, live, mailbox, server_template, smtp_server
from tests.support.service import PASSWORD, Mailbox
from tests.support.sync_lab import LiveServer

__all__ = ["flows", "live", "mailbox", "server_template", "smtp_server"]

WOMAN_NIR = "2840575123456" + nir_key("2840575123456")
NIA = "7840599123456" + nir_key("7840599123456")  # a temporary number (NIA): INS-NIA, not INS-NIR


def test_sex_oid_and_printed_form_come_from_the_nir() -> None:
    assert [sex_from_nir(n) for n in ("1840575123456", WOMAN_NIR, "3", "4", NIA, "8", "", "x")] == [
        "M", "F", "M", "F", "M", "F", "I", "I",
    ]  # fmt: skip
    assert ins_oid(WOMAN_NIR) == "1.2.250.1.213.1.4.8" and ins_oid(NIA) == "1.2.250.1.213.1.4.9"
    assert format_nir(WOMAN_NIR) == f"2 84 05 75 123 456 {WOMAN_NIR[13:]}"
    assert format_nir("123") == "123"  # not a NIR: left as it was


def test_activation_stores_sex_and_ins_shows_them_and_exports_them_as_fhir(
    live: LiveServer, mailbox: Mailbox, tmp_path: Path
) -> None:
    assert live.ctx is not None
    with live.ctx.sessions() as session:
        provision(
            session,
            live.ctx,
            [Beneficiary(WOMAN_NIR, "87654321", "Lefèvre", "Zoé Anne", date(1984, 5, 2), "zoe.l@example.org")],
        )
        session.commit()
    code = mailbox.last_activation_code("zoe.l@example.org")
    directory = ProfileDirectory(tmp_path / "client", kdf=vault.FLOOR_KDF)
    ticket = account.start_activation(live.url, code, WOMAN_NIR, "87654321", "zoe.lefevre84", PASSWORD)
    profile, _key = account.confirm_activation(ticket, mailbox.last_otp("zoe.l@example.org"), directory=directory)

    # The service says them (the Assurance Maladie's NIR), the client does not guess.
    said = account.identity(profile)
    assert (said.sex, said.ins, said.ins_oid) == ("F", WOMAN_NIR, "1.2.250.1.213.1.4.8")
    [identity] = profile.dossier().entries.list("identity")
    assert identity.data["sex"] == "F" and identity.data["ins"] == WOMAN_NIR
    # Stored in the encrypted carnet only: the plain NIR is nowhere in its files.
    for path in profile.path.rglob("*"):
        if path.is_file():
            assert WOMAN_NIR.encode() not in path.read_bytes(), path

    # Shown with its nature and OID, formatted as on the Carte Vitale, in both languages.
    printed = format_nir(WOMAN_NIR)
    fr = summarize_entry("identity", identity.data, lang="fr")
    assert "Féminin" in fr and f"Matricule INS-NIR : {printed}" in fr
    en = summarize_entry("identity", identity.data, lang="en")
    assert "Female" in en and f"INS-NIR number: {printed}" in en
    assert ins_text(WOMAN_NIR, with_oid=True) == f"Matricule INS-NIR (OID 1.2.250.1.213.1.4.8) : {printed}"
    assert ins_text(NIA, "en") == f"INS-NIA number: {format_nir(NIA)}"

    # FHIR: Patient.gender and the INS-NIR identifier (FR Core).
    bundle = export_fhir_collection(profile.dossier(), tmp_path / "export.json", now=datetime.now(UTC))
    [patient] = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"]
    assert patient["gender"] == "female" and patient["birthDate"] == "1984-05-02"
    ins = patient["identifier"][0]  # the INS first, as FR Core (the carnet's own id follows)
    assert (ins["system"], ins["value"], ins["use"]) == ("urn:oid:1.2.250.1.213.1.4.8", WOMAN_NIR, "official")
    assert ins["type"]["coding"][0]["code"] == "INS-NIR"
    profile.lock()


def test_the_identity_route_says_sex_and_ins_and_an_unauthenticated_call_gets_nothing(live: LiveServer) -> None:
    r = httpx.get(f"{live.url}/v1/me/dossier", timeout=10)
    assert r.status_code == 401 and "nir" not in r.text


@pytest.mark.parametrize(("nir", "kind", "system"), [(NIA, "INS-NIA", "urn:oid:1.2.250.1.213.1.4.9")])
def test_a_temporary_number_is_exported_as_an_ins_nia(nir: str, kind: str, system: str) -> None:
    from dossier.fhir.kinds import identity_from_fhir, identity_to_fhir

    resource = identity_to_fhir({"birth_name": "Diallo", "first_names": "Awa", "sex": "F", "ins": nir})
    [ins] = resource["identifier"]
    assert (ins["system"], ins["type"]["coding"][0]["code"]) == (system, kind)
    assert identity_from_fhir(resource)[1]["ins"] == nir  # type: ignore[index]
