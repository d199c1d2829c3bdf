"""`carnet-server … --blob-store s3://bucket/prefix`: the options and environment variables, the refusal of a bad
address, the worker hand-over, and a real `serve` process that checks its bucket before it listens."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from server.cli import _export_env, build_parser, settings_from_args
from server.config import Settings
from tests.support.paths import PROJECT_ROOT
from tests.support.s3_moto import ACCESS_KEY, REGION, SECRET_KEY, MotoS3
from tests.support.service import free_port, wait_serving


def _settings(*argv: str) -> Settings:
    return settings_from_args(build_parser().parse_args(["serve", "--data-dir", "/tmp/carnet-cli-test", *argv]))


def test_the_options_name_the_store_and_how_to_reach_it() -> None:
    settings = _settings(
        "--blob-store",
        "s3://carnet-prod/eu/node-pool/",
        "--s3-endpoint-url",
        "https://s3.fr-par.scw.cloud",
        "--s3-region",
        "fr-par",
        "--s3-addressing-style",
        "path",
        "--s3-sse",
        "aws:kms",
    )
    assert settings.s3.server_side_encryption == "aws:kms"
    assert settings.blob_store == "s3://carnet-prod/eu/node-pool/"
    assert (settings.s3.endpoint_url, settings.s3.region, settings.s3.addressing_style) == (
        "https://s3.fr-par.scw.cloud",
        "fr-par",
        "path",
    )
    assert settings.s3.access_key_id is None  # credentials: boto3's standard chain, never an option
    default = _settings()
    assert default.blob_store is None and default.s3.endpoint_url is None


def test_the_environment_names_the_store_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARNET_SERVER_BLOB_STORE", "s3://carnet-env")
    monkeypatch.setenv("CARNET_SERVER_S3_ENDPOINT_URL", "http://127.0.0.1:9000")
    settings = _settings()
    assert settings.blob_store == "s3://carnet-env" and settings.s3.endpoint_url == "http://127.0.0.1:9000"


@pytest.mark.parametrize(
    "url", ["s3:/carnet", "https://carnet/x", "s3://Carnet_Prod/x", "s3://carnet/../x", "s3://ab", "s3://carnet?x=1"]
)
def test_a_bad_address_is_refused_in_both_languages(url: str) -> None:
    with pytest.raises(SystemExit) as exc:
        _settings("--blob-store", url)
    assert "s3://compartiment/préfixe" in str(exc.value) and "expected s3://bucket/prefix" in str(exc.value)


def test_a_bad_encryption_setting_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARNET_SERVER_S3_SSE", "aes")
    with pytest.raises(SystemExit) as exc:
        _settings("--blob-store", "s3://carnet/x")
    assert "AES256 ou aws:kms" in str(exc.value) and "AES256 or aws:kms" in str(exc.value)


def test_worker_processes_get_the_same_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "environ", {k: v for k, v in os.environ.items() if not k.startswith("CARNET_SERVER_")})
    settings = _settings("--blob-store", "s3://carnet/x", "--s3-endpoint-url", "http://minio:9000", "--s3-sse=AES256")
    _export_env(argparse.Namespace(), settings)
    again = settings_from_args(argparse.Namespace(data_dir=None, database_url=None))
    assert (again.blob_store, again.s3) == (settings.blob_store, settings.s3)


def _serve(data: Path, moto: MotoS3, bucket: str, port: int) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "CARNET_SERVER_ARGON2": "1,8192,1",
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_DEFAULT_REGION": REGION,
    }
    command = [sys.executable, "-m", "server.cli", "serve", "--data-dir", str(data), "--port", str(port)]
    command += ["--blob-store", f"s3://{bucket}/carnet", "--s3-endpoint-url", moto.endpoint_url]
    command += ["--s3-addressing-style", "path"]
    return subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_serve_refuses_to_start_on_a_bucket_that_does_not_answer(moto: MotoS3, tmp_path: Path) -> None:
    proc = _serve(tmp_path / "data", moto, "carnet-no-such-bucket", free_port())
    out, err = proc.communicate(timeout=90)
    assert proc.returncode == 3, out + err
    assert "s3://carnet-no-such-bucket/carnet/" in err and "ne répond pas" in err and "does not answer" in err
    assert SECRET_KEY not in out + err and ACCESS_KEY not in out + err


def test_serve_starts_on_a_bucket_reached_with_the_standard_aws_environment(moto: MotoS3, tmp_path: Path) -> None:
    port = free_port()
    proc = _serve(tmp_path / "data", moto, moto.new_bucket(), port)
    try:
        wait_serving(proc, f"http://127.0.0.1:{port}")
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert SECRET_KEY not in out + err and ACCESS_KEY not in out + err
