"""Fixtures of the messagerie tests: professionals registered and signed in through the real API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from server.context import ServiceContext
from tests.support.access import Pros
from tests.support.service import Mailbox


@pytest.fixture
def pros(client: TestClient, ctx: ServiceContext, mailbox: Mailbox) -> Pros:
    return Pros(client, ctx, mailbox)
