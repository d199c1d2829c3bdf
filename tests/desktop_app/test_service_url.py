"""Issue 15, finding 10 (client part): health data never goes to a service over plain HTTP across a network (S35).
http:// is accepted for a service on this computer (loopback) only, unless CARNET_ALLOW_HTTP=1 says otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.errors import CarnetError
from desktop_app.sync.http import SyncHttp
from tests.support.profiles import PASSWORD

ALLOW_HTTP_ENV = "CARNET_ALLOW_HTTP"


@pytest.mark.parametrize("url", ["http://carnet.example.org", "http://192.0.2.10:8000/", "HTTP://10.0.0.1"])
def test_plain_http_to_another_machine_is_refused(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ALLOW_HTTP_ENV, raising=False)
    with pytest.raises(CarnetError) as refused:
        SyncHttp(url)
    assert type(refused.value).__name__ == "InsecureServiceUrl"
    assert refused.value.exit_code == 4 and "https://" in refused.value.message("fr")


@pytest.mark.parametrize(
    "url",
    [
        "https://carnet.example.org",
        "http://127.0.0.1:8000",
        "http://127.0.1.5",
        "http://localhost:9",
        "http://[::1]:8000",
    ],
)
def test_https_and_loopback_are_accepted(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ALLOW_HTTP_ENV, raising=False)
    SyncHttp(url).close()


def test_the_flag_allows_plain_http(monkeypatch: pytest.MonkeyPatch) -> None:
    SyncHttp("http://carnet.lan", allow_http=True).close()
    monkeypatch.setenv(ALLOW_HTTP_ENV, "1")
    SyncHttp("http://carnet.lan").close()


def test_carnet_cli_login_refuses_plain_http_with_exit_4(tmp_path: Path) -> None:
    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    env.pop(ALLOW_HTTP_ENV, None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(tmp_path / "d"), "login", "--server",
         "http://carnet.example.org", "--identifier", "zoe", "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 4, result.stderr
    assert "https://" in result.stderr and "Traceback" not in result.stderr
