"""Provisioning and care-history files (CSV/JSON), the 24-month read, the legacy DMP import at activation."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from server.admin.service import InputFileError, read_care_history_file, read_provisioning_file
from server.clock import ManualClock
from server.context import ServiceContext
from server.dossiers.models import Dossier
from server.dossiers.service import provision
from server.feed.service import import_care_history, months_back
from tests.support.service import Flows, Mailbox, bearer, make_nir


def _feed(ctx: ServiceContext, tmp_path: Path, rows: list[dict[str, str]]) -> tuple[int, int, list[str]]:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    with ctx.sessions() as session:
        report = import_care_history(session, ctx, read_care_history_file(path))
        session.commit()
    return report.imported, report.unchanged, report.unknown_nir


def test_care_history_is_idempotent_and_only_last_24_months_are_served(
    flows: Flows, client: TestClient, ctx: ServiceContext, clock: ManualClock, tmp_path: Path
) -> None:
    person = flows.active_person()
    today = clock.now().date()
    rows = [
        {
            "record_id": "R-recent",
            "nir": person.nir,
            "kind": "consultation",
            "date": str(today - timedelta(days=10)),
            "label": "Consultation généraliste",
            "professional": "Dr Durand",
        },
        {
            "record_id": "R-edge",
            "nir": person.nir,
            "kind": "medicine",
            "date": str(months_back(today, 24)),
            "label": "Paracétamol 1 g",
        },
        {
            "record_id": "R-old",
            "nir": person.nir,
            "kind": "medicine",
            "date": str(months_back(today, 24) - timedelta(days=1)),
            "label": "Amoxicilline",
        },
    ]
    assert _feed(ctx, tmp_path, rows) == (3, 0, [])
    assert _feed(ctx, tmp_path, rows) == (0, 3, [])  # same record ids: nothing new
    served = client.get("/v1/me/care-history", headers=bearer(flows.login(person))).json()
    assert [r["label"] for r in served] == ["Consultation généraliste", "Paracétamol 1 g"]
    assert served[0]["professional"] == "Dr Durand"


def test_feed_rows_for_unknown_nir_are_reported_not_stored(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = [{"record_id": "R-x", "nir": make_nir(999), "kind": "consultation", "date": "2025-01-01", "label": "x"}]
    assert _feed(ctx, tmp_path, rows) == (0, 0, ["R-x"])


def test_bad_provisioning_file_is_refused_whole_with_every_line_named(tmp_path: Path) -> None:
    path = tmp_path / "beneficiaries.csv"
    path.write_text(
        "nir,carte_vitale_serial,last_name,first_names,birth_date,email\n"
        f"{make_nir(1)},12345678,Martin,Zoé,1984-01-01,zoe@example.org\n"
        "123,12345678,Martin,Léa,1984-13-01,pas-une-adresse\n"
        f"{make_nir(3)},12,,Jean,01/02/1950,jean@example.org\n",
        encoding="utf-8",
    )
    with pytest.raises(InputFileError) as caught:
        read_provisioning_file(path)
    problems = "\n".join(caught.value.problems)
    assert "ligne/line 3: nir" in problems and "ligne/line 3: birth_date" in problems
    assert "ligne/line 3: email" in problems
    assert "ligne/line 4: carte_vitale_serial" in problems and "ligne/line 4: last_name" in problems
    assert "line 2" not in problems


def test_provisioning_csv_missing_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text("nir,email\n1,a@b.fr\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="carte_vitale_serial"):
        read_provisioning_file(path)


def test_legacy_dmp_attached_at_provisioning_is_imported_at_activation(
    flows: Flows, client: TestClient, ctx: ServiceContext, mailbox: Mailbox, tmp_path: Path, corpus_dir: Path
) -> None:
    bundle_src = corpus_dir / "fhir" / "ips" / "examples" / "Bundle-IPS-examples-Bundle-01.json"
    shutil.copyfile(bundle_src, tmp_path / "legacy.json")
    entries = len(json.loads(bundle_src.read_text(encoding="utf-8"))["entry"])
    nir = make_nir(77)
    path = tmp_path / "beneficiaries.json"
    path.write_text(
        json.dumps(
            [
                {
                    "nir": nir,
                    "carte_vitale_serial": "87654321",
                    "last_name": "Petit",
                    "first_names": "Léon",
                    "birth_date": "1950-03-04",
                    "email": "leon@example.org",
                    "phone": "0600000000",
                    "legacy_dmp_bundle": "legacy.json",
                }
            ]
        ),
        encoding="utf-8",
    )
    beneficiaries = read_provisioning_file(path)
    assert beneficiaries[0].birth_date == date(1950, 3, 4)
    with ctx.sessions() as session:
        provision(session, ctx, beneficiaries)
        session.commit()
        assert session.scalar(select(func.count()).select_from(Dossier)) == 1
    from tests.support.service import Person

    person = Person(
        nir=nir,
        serial="87654321",
        email="leon@example.org",
        activation_code=mailbox.last_activation_code("leon@example.org"),
    )
    flows.activate(person, identifier="leon.petit")
    dossier = client.get("/v1/me/dossier", headers=bearer(flows.login(person))).json()
    assert dossier["imported_legacy_entries"] == entries > 0
    assert dossier["first_names"] == "Léon"
