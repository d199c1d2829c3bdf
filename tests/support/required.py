"""The CI rule for real parts (PostgreSQL, SMTP, keyring, shared data): a missing one skips locally, fails in CI."""

from __future__ import annotations

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, reason: str) -> None:
    """Skip locally when a real part (PostgreSQL, SMTP, keyring, shared data) is missing; fail in CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)
