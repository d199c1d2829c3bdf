"""A real S3-compatible HTTP server on loopback for the S3 blob store's tests: moto's standalone server (a test
dependency, `moto[s3]` with flask in the dev extras). Without moto the tests skip locally and fail under CI=true.

It is moto, not AWS or MinIO: it speaks the S3 REST API over HTTP (path-style keys, XML errors, Range, DeleteObjects,
Content-MD5 checks) but does not verify SigV4 signatures; the recorded-protocol test checks the requests' shape.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from server.config import S3Settings
from tests.support.required import require

REGION = "eu-west-3"
ACCESS_KEY = "AKIACARNETTESTKEY01"
SECRET_KEY = "carnet-test-secret/NEVER-IN-A-LOG-0123456789"


@dataclass
class MotoS3:
    endpoint_url: str
    server: Any = field(repr=False)

    def settings(self) -> S3Settings:
        return S3Settings(
            endpoint_url=self.endpoint_url,
            region=REGION,
            addressing_style="path",
            access_key_id=ACCESS_KEY,
            secret_access_key=SECRET_KEY,
        )

    def client(self) -> Any:
        """A plain boto3 client, to look at the bucket from outside the store."""
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def new_bucket(self) -> str:
        name = f"carnet-{uuid.uuid4().hex[:16]}"
        self.client().create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
        return name

    def store(self, prefix: str = "carnet", bucket: str | None = None) -> Any:
        """An S3Store on a fresh bucket (or `bucket`) under `prefix`, path-style, with the test credentials."""
        from server.storage.s3 import S3Store

        return S3Store.at(f"s3://{bucket or self.new_bucket()}/{prefix}", self.settings())

    def keys(self, bucket: str, prefix: str = "") -> list[str]:
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))


@contextmanager
def moto_s3() -> Iterator[MotoS3]:
    """moto's S3 server on 127.0.0.1 (a free port), stopped at the end."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError:
        require(False, "moto is not installed (pip install -e '.[dev]'): the S3 store's tests need it")
        raise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield MotoS3(endpoint_url=f"http://{host}:{port}", server=server)
    finally:
        server.stop()
