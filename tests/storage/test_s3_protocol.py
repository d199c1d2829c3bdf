"""The S3 store's requests on the wire, recorded (botocore's `before-send` hook sees each request as it leaves) and
checked against the S3 REST API: method, path-style or virtual-host key, Content-MD5 and x-amz-content-sha256, a
SigV4 Authorization header recomputed here from the spec (not by botocore), nothing of the content in a URL, a query
string, a header or a log line, and credentials never logged.

The path-style run goes to moto's S3 server over loopback HTTP; the virtual-host run is the shape AWS itself gets,
answered by the hook without leaving the machine.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import pytest

from server.config import S3Settings, Settings
from server.storage import Area
from server.storage.s3 import S3Store
from tests.support.s3_moto import ACCESS_KEY, REGION, SECRET_KEY, MotoS3

HEALTH = "Compte rendu : diabète de type 2, HbA1c 8,1 %. Patient Zoé Martin, NIR 184017505000123".encode()


@dataclass
class Sent:
    method: str
    url: str
    headers: dict[str, str]

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    @property
    def query(self) -> list[tuple[str, str]]:
        return parse_qsl(urlsplit(self.url).query, keep_blank_values=True)


def _record(store: S3Store, answer: Any = None) -> list[Sent]:
    sent: list[Sent] = []

    def hook(request: Any, **_: Any) -> Any:
        sent.append(Sent(request.method, request.url, {k.lower(): _text(v) for k, v in request.headers.items()}))
        return answer(request) if answer else None

    store.client.meta.events.register("before-send.s3", hook)
    return sent


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _sigv4_ok(sent: Sent, secret: str) -> bool:
    """Recompute the AWS Signature Version 4 of a recorded request from the published algorithm."""
    auth = sent.headers["authorization"]
    algorithm, _, rest = auth.partition(" ")
    assert algorithm == "AWS4-HMAC-SHA256"
    fields = dict(part.strip().split("=", 1) for part in rest.split(","))
    access_key, day, region, service, terminator = fields["Credential"].split("/")
    signed = fields["SignedHeaders"].split(";")
    headers = dict(sent.headers)
    headers.setdefault("host", urlsplit(sent.url).netloc)
    canonical_query = "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in sorted(sent.query))
    canonical = "\n".join(
        [
            sent.method,
            quote(sent.path, safe="/-_.~"),
            canonical_query,
            "".join(f"{name}:{' '.join(headers[name].split())}\n" for name in signed),
            ";".join(signed),
            headers["x-amz-content-sha256"],
        ]
    )
    scope = f"{day}/{region}/{service}/{terminator}"
    to_sign = "\n".join(
        ["AWS4-HMAC-SHA256", headers["x-amz-date"], scope, hashlib.sha256(canonical.encode()).hexdigest()]
    )
    key = f"AWS4{secret}".encode()
    for part in (day, region, service, terminator):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields["Signature"]) and access_key == ACCESS_KEY


def _no_content_anywhere(sent: list[Sent]) -> None:
    for request in sent:
        wire = (request.url + "\n" + "\n".join(f"{k}: {v}" for k, v in request.headers.items())).lower()
        for word in ("diab", "hba1c", "zoé", "zo%c3%a9", "martin", "184017505", "compte"):
            assert word not in wire, (word, request.method, request.url)
        assert not [k for k in request.headers if k.startswith(("x-amz-meta-", "x-amz-tagging"))]


def test_put_get_head_delete_on_the_wire_path_style(moto: MotoS3, tmp_path: Path) -> None:
    store = moto.store(prefix="carnet/")
    sent = _record(store)
    dossier = uuid.uuid4()
    sha = hashlib.sha256(HEALTH).hexdigest()
    source = tmp_path / "part"
    source.write_bytes(HEALTH)

    store.put_file(Area.BODIES, dossier, sha, source)
    assert b"".join(store.open_range(Area.BODIES, dossier, sha, 10, 10)) == HEALTH[10:20]
    assert store.size(Area.BODIES, dossier, sha) == len(HEALTH)
    store.delete(Area.BODIES, dossier, sha)

    key_path = f"/{store.bucket}/carnet/blobs/{dossier}/{sha}"
    put, get, head, delete = sent
    assert (put.method, put.path, put.query) == ("PUT", key_path, [])
    assert put.headers["content-md5"] == base64.b64encode(hashlib.md5(HEALTH).digest()).decode()
    # Over plain HTTP botocore signs the payload: its SHA-256 is the document's own, i.e. the key's last part.
    assert put.headers["x-amz-content-sha256"] == sha
    assert put.headers["content-type"] == "application/octet-stream"
    assert put.headers["content-length"] == str(len(HEALTH))
    assert not [k for k in put.headers if k.startswith(("x-amz-checksum", "x-amz-trailer", "x-amz-sdk-checksum"))]
    assert (get.method, get.path, get.query, get.headers["range"]) == ("GET", key_path, [], "bytes=10-19")
    assert (head.method, head.path) == ("HEAD", key_path)
    assert (delete.method, delete.path, delete.query) == ("DELETE", key_path, [])
    for request in sent:
        assert urlsplit(request.url).netloc == urlsplit(moto.endpoint_url).netloc  # path-style: bucket in the path
        assert f"Credential={ACCESS_KEY}/" in request.headers["authorization"]
        assert f"/{REGION}/s3/aws4_request" in request.headers["authorization"]
        signed = request.headers["authorization"].split("SignedHeaders=")[1].split(",")[0].split(";")
        assert {"host", "x-amz-content-sha256", "x-amz-date"} <= set(signed)
        assert _sigv4_ok(request, SECRET_KEY), request.method
        assert not _sigv4_ok(request, SECRET_KEY + "x")  # the check can fail
    assert "content-md5" in put.headers["authorization"].lower()  # the body's MD5 is signed too
    _no_content_anywhere(sent)


def test_deleting_a_dossier_lists_its_prefix_and_deletes_in_batches(moto: MotoS3) -> None:
    store = moto.store(prefix="tenant-a/")
    store.page = 2
    dossier = uuid.uuid4()
    for i in range(5):
        store.put_bytes(Area.BODIES, dossier, f"{i:064x}", HEALTH)
    sent = _record(store)
    assert store.delete_owner(Area.BODIES, dossier) == 5

    lists = [s for s in sent if s.method == "GET"]
    deletes = [s for s in sent if s.method == "POST"]
    assert len(lists) == 3 and len(deletes) == 3  # 2 + 2 + 1
    for listing in lists:
        query = dict(listing.query)
        assert listing.path == f"/{store.bucket}"
        assert query["list-type"] == "2" and query["prefix"] == f"tenant-a/blobs/{dossier}/"
        assert query["max-keys"] == "2"
    for batch in deletes:
        assert batch.path == f"/{store.bucket}" and dict(batch.query) == {"delete": ""}
        assert "content-md5" in batch.headers or any(k.startswith("x-amz-checksum-") for k in batch.headers)
        assert _sigv4_ok(batch, SECRET_KEY)
    _no_content_anywhere(sent)
    assert moto.keys(store.bucket) == []


class _Raw:
    def stream(self, **_: Any) -> Any:
        yield b""

    def read(self, *_: Any) -> bytes:
        return b""


def test_virtual_host_keys_are_the_shape_aws_gets(tmp_path: Path) -> None:
    """No endpoint: AWS. The bucket is in the host name, the key is the path; answered by the hook (no network)."""
    from botocore.awsrequest import AWSResponse

    store = S3Store(
        "carnet-prod",
        "v1/",
        region="eu-west-3",
        addressing_style="virtual",
        access_key_id=ACCESS_KEY,
        secret_access_key=SECRET_KEY,
    )
    sent = _record(store, lambda request: AWSResponse(request.url, 200, {"ETag": '"x"'}, _Raw()))
    dossier = uuid.uuid4()
    source = tmp_path / "part"
    source.write_bytes(HEALTH)
    store.put_file(Area.BODIES, dossier, "ab" * 32, source)
    store.delete(Area.BODIES, dossier, "ab" * 32)
    put, delete = sent
    assert put.url == f"https://carnet-prod.s3.eu-west-3.amazonaws.com/v1/blobs/{dossier}/{'ab' * 32}"
    assert delete.url == put.url and delete.method == "DELETE"
    # Over TLS botocore leaves the payload unsigned: Content-MD5 (signed) still protects the bytes.
    assert put.headers["x-amz-content-sha256"] in ("UNSIGNED-PAYLOAD", hashlib.sha256(HEALTH).hexdigest())
    assert put.headers["content-md5"] == base64.b64encode(hashlib.md5(HEALTH).digest()).decode()
    assert _sigv4_ok(put, SECRET_KEY) and _sigv4_ok(delete, SECRET_KEY)
    _no_content_anywhere(sent)


def test_credentials_and_content_never_reach_a_log_even_at_debug(
    moto: MotoS3, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The root logger at DEBUG (an operator debugging): no secret key, no access key, no content. Then botocore's
    own DEBUG turned back on shows that the capture would have caught the access key: the guard keeps it out."""
    store = moto.store()  # (its bucket is made with a plain boto3 client, outside the store: before the capture)
    caplog.set_level(logging.DEBUG)
    dossier = uuid.uuid4()
    source = tmp_path / "part"
    source.write_bytes(HEALTH)
    store.put_file(Area.BODIES, dossier, "cd" * 32, source)
    assert store.read_bytes(Area.BODIES, dossier, "cd" * 32) == HEALTH
    store.delete_owner(Area.BODIES, dossier)
    logged = caplog.text
    assert "botocore" not in logged  # not one line of the SDK's at DEBUG
    assert SECRET_KEY not in logged
    assert ACCESS_KEY not in logged
    assert "diab" not in logged and "Zo" not in logged
    settings = Settings(data_dir=tmp_path, blob_store="s3://carnet/x", s3=moto.settings())
    assert SECRET_KEY not in repr(settings) and ACCESS_KEY not in repr(settings)
    assert SECRET_KEY not in repr(store) and ACCESS_KEY not in repr(S3Settings(access_key_id=ACCESS_KEY))

    caplog.clear()
    botocore_logger = logging.getLogger("botocore")
    level = botocore_logger.level
    botocore_logger.setLevel(logging.DEBUG)
    try:
        store.put_bytes(Area.BODIES, dossier, "ef" * 32, HEALTH)
    finally:
        botocore_logger.setLevel(level)
    assert ACCESS_KEY in caplog.text  # botocore's DEBUG does carry the credential's id (and every signature)
    assert SECRET_KEY not in caplog.text and "diab" not in caplog.text


def test_server_side_encryption_is_asked_in_a_signed_header_when_configured(moto: MotoS3, tmp_path: Path) -> None:
    bucket = moto.new_bucket()
    plain = S3Store.at(f"s3://{bucket}/a", moto.settings())
    sealed = S3Store.at(f"s3://{bucket}/b", dataclasses.replace(moto.settings(), server_side_encryption="AES256"))
    plain_sent, sealed_sent = _record(plain), _record(sealed)
    dossier = uuid.uuid4()
    plain.put_bytes(Area.BODIES, dossier, "ab" * 32, HEALTH)
    sealed.put_bytes(Area.BODIES, dossier, "ab" * 32, HEALTH)
    [plain_put], [sealed_put] = plain_sent, sealed_sent
    assert "x-amz-server-side-encryption" not in plain_put.headers
    assert sealed_put.headers["x-amz-server-side-encryption"] == "AES256"
    assert "x-amz-server-side-encryption" in sealed_put.headers["authorization"]  # signed: a proxy cannot drop it
    head = moto.client().head_object(Bucket=bucket, Key=f"b/blobs/{dossier}/{'ab' * 32}")
    assert head["ServerSideEncryption"] == "AES256"
    with pytest.raises(ValueError):
        S3Store.at(f"s3://{bucket}/c", dataclasses.replace(moto.settings(), server_side_encryption="rot13"))
