"""The cluster on the S3 blob store (issue 22): HAProxy, two `carnet-server serve` nodes and PgBouncer as in
test_cluster.py, the nodes started with `CARNET_SERVER_BLOB_STORE=s3://…` on moto's S3 server (loopback HTTP) and the
standard AWS environment variables. Uploads in progress stay on the shared blob directory; finished bodies are in the
bucket only. It is moto's server, not AWS or MinIO (tests/support/s3_moto.py).
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Iterator

import httpx
import pytest
from aiosmtpd.controller import Controller

from tests.support.cluster import Cluster, missing_parts
from tests.support.required import require
from tests.support.s3_moto import ACCESS_KEY, REGION, SECRET_KEY, MotoS3, moto_s3
from tests.support.service import PASSWORD, PG_ENV, Mailbox
from tests.support.sync_lab import Lab

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
PREFIX = "cluster"


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoS3]:
    with moto_s3() as server:
        yield server


@pytest.fixture(scope="module")
def bucket(moto: MotoS3) -> str:
    return moto.new_bucket()


@pytest.fixture(scope="module")
def cluster(
    tmp_path_factory: pytest.TempPathFactory, smtp_server: tuple[Controller, Mailbox], moto: MotoS3, bucket: str
) -> Iterator[Cluster]:
    """The nodes (and `carnet-server admin …`) on the bucket, credentials in the standard AWS variables."""
    url = os.environ.get(PG_ENV)
    missing = missing_parts(url)
    require(not missing, "the multi-node cluster needs " + ", ".join(missing))
    assert url is not None
    s3_env = {
        "CARNET_SERVER_BLOB_STORE": f"s3://{bucket}/{PREFIX}",
        "CARNET_SERVER_S3_ENDPOINT_URL": moto.endpoint_url,
        "CARNET_SERVER_S3_ADDRESSING_STYLE": "path",
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_DEFAULT_REGION": REGION,
    }
    base = tmp_path_factory.mktemp("cluster-s3")
    with Cluster(url, base, smtp_port=smtp_server[0].port, extra_env=s3_env) as running:
        yield running


def _chunk(headers: dict[str, str], offset: int, chunk: bytes) -> dict[str, str]:
    return {**headers, "Upload-Offset": str(offset), "Upload-Checksum": f"crc32 {zlib.crc32(chunk):08x}"}


def test_an_upload_started_on_one_node_is_finished_on_the_other_into_the_bucket(
    lab: Lab, cluster: Cluster, moto: MotoS3, bucket: str, node_a: httpx.Client, node_b: httpx.Client
) -> None:
    device = lab.device(lab.person())
    content = b"%PDF-1.4\n" + hashlib.shake_256(os.urandom(16)).digest(700_000) + b"\n%%EOF\n"
    url, headers = lab.start_upload(device, content, title="Compte rendu")
    first, rest = content[:300_000], content[300_000:]
    assert node_a.patch(url, content=first, headers=_chunk(headers, 0, first)).json()["offset"] == 300_000
    assert node_b.head(url, headers=headers).headers["upload-offset"] == "300000"  # the staging dir is shared
    done = node_b.patch(url, content=rest, headers=_chunk(headers, 300_000, rest))
    assert done.status_code == 200 and done.json()["complete"] is True, done.text

    sha = hashlib.sha256(content).hexdigest()
    dossier = device.profile.settings["own_dossier_id"]
    assert moto.keys(bucket, f"{PREFIX}/blobs/") == [f"{PREFIX}/blobs/{dossier}/{sha}"]
    assert not (cluster.blob_dir / "blobs").exists() or not any((cluster.blob_dir / "blobs").rglob(sha))
    assert not any((cluster.blob_dir / "uploads").iterdir())  # nothing left of the upload on the shared disk
    for client in (node_a, node_b):
        got = client.get(f"/v1/sync/blobs/{dossier}/{sha}", headers=headers)
        assert got.status_code == 200 and got.content == content
        part = client.get(f"/v1/sync/blobs/{dossier}/{sha}", headers={**headers, "Range": "bytes=650000-"})
        assert part.status_code == 206 and part.content == content[650_000:]


def test_documents_go_through_haproxy_and_admin_jobs_erase_a_deleted_space_from_the_bucket(
    lab: Lab, cluster: Cluster, moto: MotoS3, bucket: str, api: httpx.Client
) -> None:
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    content = b"%PDF-1.4\n" + hashlib.shake_256(os.urandom(16)).digest(1_200_000) + b"\n%%EOF\n"
    doc = a.profile.dossier().documents.add(content, title="Scanner", category="imagerie")
    assert a.engine.sync_once().uploaded == 1
    b.engine.sync_once()
    assert b.profile.dossier().documents.read(doc.id) == content
    mine = f"{PREFIX}/blobs/{person.dossier_id}/"
    assert moto.keys(bucket, mine) == [mine + hashlib.sha256(content).hexdigest()]

    tokens = lab.flows.login(person, device_name="Suppression")
    r = api.post(
        "/v1/me/deletion-request",
        json={"password": PASSWORD},
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
    )
    assert r.status_code == 200, r.text
    ran = cluster.cli("admin", "jobs", "run")  # an operator's process, on the bucket through the environment
    assert ran.returncode == 0, ran.stderr
    assert moto.keys(bucket, mine) == []
    assert SECRET_KEY not in ran.stdout + ran.stderr
