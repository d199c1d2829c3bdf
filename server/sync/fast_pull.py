"""The sync pull without FastAPI's routing and dependency solving: the request every device repeats all day.

Profiled under load (py-spy, 100 clients, 6-7 Dec 2026), a no-op pull spent more of the service's CPU in FastAPI's
layers than in the pull itself: exception middleware, the async exit stack, matching the path against every
router, building a Request, solving four dependencies, reading and parsing the body, wrapping the response. This
ASGI layer sits inside the service's own middlewares (`EdgeMiddleware`'s body limit and Server-Time,
`HygieneHeaders`, `UnicodeBodyGuard`: all still apply) and answers the common form of `POST /v1/sync/pull` itself:
a supported protocol version, a JSON body that validates as `PullIn`, an Authorization header, no helper header.

It calls the route's own `answer_pull` (server/sync/router.py): the same token check (`admit`, read from the
database on every request, S34), the same access policy over this request's reads, the same audit rows, the same
answer. Everything else — a missing or unsupported protocol header, a helper's session, a body that does not
validate, repeated headers — goes on to the FastAPI route unchanged (the body already read is handed over as it
came), so every refusal keeps the exact problem+json the route gives.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from dossier.errors import DossierValidationError
from server.errors import ProblemError, from_validation
from server.http_limits import read_body, replaying
from server.sync import service
from server.sync.router import PULL_PATH, answer_pull
from server.sync.schemas import PullIn

_AUTHORIZATION = b"authorization"
_PROTOCOL = service.PROTOCOL_HEADER.lower().encode()
_CONTENT_TYPE = b"content-type"
# Headers whose presence sends the request to the route (a helper's session: its own checks and answers).
_ROUTE_ONLY = frozenset({b"carnet-helper-token", b"carnet-acting-helper"})
_WATCHED = frozenset({_AUTHORIZATION, _PROTOCOL, _CONTENT_TYPE})
MAX_AUTHORIZATION = 200  # the route's `Authorization` header parameter (max_length)


def _is_json(content_type: bytes) -> bool:
    kind = content_type.split(b";", 1)[0].strip().lower()
    return kind == b"application/json" or (kind.startswith(b"application/") and kind.endswith(b"+json"))


def _plain_headers(scope: Scope) -> dict[bytes, bytes] | None:
    """The watched headers of a pull this layer answers itself; None to leave the request to the route."""
    found: dict[bytes, bytes] = {}
    for name, value in scope["headers"]:
        if name in _WATCHED:
            if name in found:
                return None  # repeated: the route decides which one counts
            found[name] = value
        elif name in _ROUTE_ONLY:
            return None
    if len(found) != len(_WATCHED) or not _is_json(found[_CONTENT_TYPE]):
        return None
    try:
        version = int(found[_PROTOCOL])
    except ValueError:
        return None
    if not service.PROTOCOL_MIN <= version <= service.PROTOCOL_MAX or len(found[_AUTHORIZATION]) > MAX_AUTHORIZATION:
        return None
    return found


class FastPull:
    """Answers the common `POST /v1/sync/pull` with the route's own code (see the module's docstring)."""

    def __init__(self, app: ASGIApp, *, problem: Callable[[ProblemError], Response]) -> None:
        self.app = app
        self.problem = problem  # the app's problem+json answer for a ProblemError (its exception handler's)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PULL_PATH or scope["method"] != "POST" or scope.get("root_path"):
            await self.app(scope, receive, send)
            return
        headers = _plain_headers(scope)
        if headers is None:
            await self.app(scope, receive, send)
            return
        messages, raw, whole = await read_body(receive)
        if not whole:
            await self.app(scope, replaying(messages, receive), send)
            return
        try:
            body = PullIn.model_validate(json.loads(raw))
        except (ValueError, ValidationError, RecursionError):
            await self.app(scope, replaying(messages, receive), send)  # the route's own 400 / 422
            return
        app: Any = scope["app"]
        found = getattr(app.state, "sync_settings", None)
        settings = found if isinstance(found, service.SyncSettings) else service.SyncSettings()
        authorization = headers[_AUTHORIZATION].decode("latin-1")
        try:
            response = await answer_pull(body, app.state.ctx, settings, authorization, None)
        except ProblemError as exc:
            response = self.problem(exc)
        except DossierValidationError as exc:
            response = self.problem(from_validation(exc))
        await response(scope, receive, send)
