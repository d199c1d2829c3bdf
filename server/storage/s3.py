"""The S3-compatible blob store (boto3): `s3://bucket/prefix` on AWS, MinIO, Ceph RGW, Scaleway, OVH...

Keys are `<prefix><area>/<owner>/<name>` (ids and hashes only); no object metadata, no tags, and the content type is
always `application/octet-stream`. A PUT (one request, `Content-MD5` so the service rejects damaged bytes) is atomic
in S3: the object appears whole once the request succeeds, never before. Credentials come from boto3's standard chain
(AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, AWS_PROFILE and ~/.aws/credentials, an instance or
container role); they are never put in the settings' repr or in a log line. The endpoint (`--s3-endpoint-url`), the
region and the addressing style (path or virtual-host) are settings.

Checksums: boto3 1.36+ adds CRC trailers to uploads by default ("when_supported"), which several S3-compatible
services refuse; this store asks for checksums only where the API requires them and sends `Content-MD5` itself,
which every S3 implementation checks.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from server.storage import CHUNK, Area, BlobNotFound, BlobStore

if TYPE_CHECKING:
    from server.config import S3Settings, Settings

_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_MISSING = {"404", "NoSuchKey", "NotFound"}
MAX_PUT = 5 * 1024**3  # one PUT's limit in the S3 API
# botocore's DEBUG lines carry the access key id, every signature, request parameters and (small) response bodies:
# never below WARNING, even when an operator turns the root logger to DEBUG.
_QUIET = ("botocore", "boto3", "s3transfer")


def _quiet_sdk_logs() -> None:
    for name in _QUIET:
        logger = logging.getLogger(name)
        if logger.level < logging.WARNING:
            logger.setLevel(logging.WARNING)


class BlobStoreUrlError(ValueError):
    """A `--blob-store` value that is not `s3://bucket[/prefix]`."""


def parse_url(url: str) -> tuple[str, str]:
    """`s3://bucket/some/prefix` → ("bucket", "some/prefix/"); the prefix may be empty."""
    parts = urlsplit(url)
    bucket = parts.netloc
    prefix = parts.path.strip("/")
    if parts.scheme != "s3" or not _BUCKET.match(bucket) or parts.query or parts.fragment or ".." in prefix:
        raise BlobStoreUrlError(
            "--blob-store : adresse attendue de la forme s3://compartiment/préfixe (compartiment S3 en minuscules). "
            "(--blob-store: expected s3://bucket/prefix, with a lowercase S3 bucket name.)"
        )
    return bucket, f"{prefix}/" if prefix else ""


def _missing(exc: ClientError) -> bool:
    error = exc.response.get("Error", {})
    status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    return str(error.get("Code")) in _MISSING or status == 404


def _md5(source: Path | bytes) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    if isinstance(source, bytes):
        digest.update(source)
    else:
        with open(source, "rb") as handle:
            while block := handle.read(CHUNK):
                digest.update(block)
    return base64.b64encode(digest.digest()).decode()


class S3Store(BlobStore):
    page = 1000  # keys a listing page holds and a DeleteObjects request takes (the API's maximum)

    def __init__(
        self,
        bucket: str,
        prefix: str = "",
        *,
        endpoint_url: str | None = None,
        region: str | None = None,
        addressing_style: str = "auto",
        server_side_encryption: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
    ) -> None:
        if addressing_style not in ("auto", "path", "virtual"):
            raise ValueError("addressing style: auto, path or virtual")
        if server_side_encryption not in (None, "AES256", "aws:kms"):
            raise ValueError("server-side encryption: AES256 or aws:kms")
        # Every PUT's fixed arguments: no metadata, no tags, one content type; SSE if asked.
        self._put: dict[str, str] = {"ContentType": "application/octet-stream"}
        if server_side_encryption:
            self._put["ServerSideEncryption"] = server_side_encryption
        self.bucket, self.prefix, self.endpoint_url = bucket, prefix, endpoint_url
        _quiet_sdk_logs()
        session = boto3.session.Session(
            aws_access_key_id=access_key_id, aws_secret_access_key=secret_access_key, region_name=region
        )
        config = Config(
            signature_version="s3v4",
            s3={"addressing_style": addressing_style},
            retries={"max_attempts": 5, "mode": "standard"},
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
            connect_timeout=10,
            read_timeout=60,
            max_pool_connections=32,
        )
        self.client: Any = session.client("s3", endpoint_url=endpoint_url, config=config)

    @classmethod
    def at(cls, url: str, s3: S3Settings) -> S3Store:
        """The store of `s3://bucket/prefix`, reached as `s3` says."""
        bucket, prefix = parse_url(url)
        return cls(
            bucket,
            prefix,
            endpoint_url=s3.endpoint_url,
            region=s3.region,
            addressing_style=s3.addressing_style,
            server_side_encryption=s3.server_side_encryption,
            access_key_id=s3.access_key_id,
            secret_access_key=s3.secret_access_key,
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> S3Store:
        assert settings.blob_store is not None
        return cls.at(settings.blob_store, settings.s3)

    def check(self) -> str | None:
        """None when the bucket answers (endpoint reachable, credentials accepted, bucket there); else why not, in
        French and English (the SDK's reason: an error code or "Unable to locate credentials", never a secret)."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except (BotoCoreError, ClientError) as exc:
            return (
                f"carnet-server : le stockage s3://{self.bucket}/{self.prefix} ne répond pas ({exc}). "
                f"/ The S3 blob store s3://{self.bucket}/{self.prefix} does not answer ({exc})."
            )
        return None

    def __repr__(self) -> str:  # never the credentials
        return f"S3Store(s3://{self.bucket}/{self.prefix}, endpoint={self.endpoint_url or 'AWS'})"

    def object_key(self, area: Area, owner: uuid.UUID, name: str) -> str:
        return self.prefix + self.key(area, owner, name)

    def put_file(self, area: Area, owner: uuid.UUID, name: str, source: Path, *, consume: bool = False) -> None:
        size = source.stat().st_size
        if size > MAX_PUT:
            raise ValueError("a blob over 5 GiB does not fit one S3 PUT")
        md5 = _md5(source)
        with open(source, "rb") as body:
            self.client.put_object(
                Bucket=self.bucket,
                Key=self.object_key(area, owner, name),
                Body=body,
                ContentLength=size,
                ContentMD5=md5,
                **self._put,
            )
        if consume:
            source.unlink(missing_ok=True)

    def put_bytes(self, area: Area, owner: uuid.UUID, name: str, data: bytes) -> None:
        self.client.put_object(
            Bucket=self.bucket,
            Key=self.object_key(area, owner, name),
            Body=data,
            ContentMD5=_md5(data),
            **self._put,
        )

    def size(self, area: Area, owner: uuid.UUID, name: str) -> int:
        key = self.object_key(area, owner, name)
        try:
            head = self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if _missing(exc):
                raise BlobNotFound(key) from None
            raise
        return int(head["ContentLength"])

    def _get(self, key: str, **extra: Any) -> Any:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=key, **extra)["Body"]
        except ClientError as exc:
            if _missing(exc):
                raise BlobNotFound(key) from None
            raise

    def read_bytes(self, area: Area, owner: uuid.UUID, name: str) -> bytes:
        body = self._get(self.object_key(area, owner, name))
        try:
            return bytes(body.read())
        finally:
            body.close()

    def open_range(
        self, area: Area, owner: uuid.UUID, name: str, start: int = 0, length: int | None = None
    ) -> Iterator[bytes]:
        extra: dict[str, str] = {}
        if length is not None and length <= 0:
            self.size(area, owner, name)  # still BlobNotFound for a missing blob
            return iter(())
        if start or length is not None:
            end = "" if length is None else str(start + length - 1)
            extra["Range"] = f"bytes={start}-{end}"
        return _stream(self._get(self.object_key(area, owner, name), **extra))

    def delete(self, area: Area, owner: uuid.UUID, name: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self.object_key(area, owner, name))

    def delete_owner(self, area: Area, owner: uuid.UUID) -> int:
        if not isinstance(owner, uuid.UUID):
            raise ValueError("owner must be a UUID")
        folder = f"{self.prefix}{Area(area).value}/{owner}/"
        gone = 0
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=folder, PaginationConfig={"PageSize": self.page}
        )
        for page in pages:
            keys = [{"Key": item["Key"]} for item in page.get("Contents", [])]
            for start in range(0, len(keys), self.page):
                batch = keys[start : start + self.page]
                answer = self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})
                if answer.get("Errors"):
                    raise RuntimeError(f"S3 refused to delete {len(answer['Errors'])} object(s) under {folder}")
                gone += len(batch)
        return gone


def _stream(body: Any) -> Iterator[bytes]:
    try:
        yield from body.iter_chunks(CHUNK)
    finally:
        body.close()
