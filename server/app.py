"""The FastAPI application: routers, problem+json errors, Server-Time header, body size limit."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dossier.errors import DossierValidationError
from server.access.router import router as access_router
from server.accounts.oidc_router import router as oidc_router
from server.accounts.router import router as accounts_router
from server.audit.checkpoints import checkpoint_every, checkpoint_now
from server.audit.service import check_key
from server.config import Settings
from server.context import ServiceContext
from server.db import head_revision, is_at_head
from server.dossiers.router import router as dossiers_router
from server.errors import PROBLEM_MEDIA_TYPE, Problem, ProblemError, from_validation
from server.feed.router import pro_router as pro_care_history_router
from server.feed.router import router as feed_router
from server.helpers.router import router as helpers_router
from server.http_hygiene import HygieneHeaders
from server.http_limits import UnicodeBodyGuard
from server.mail.service import MailDeliveryError, Mailer
from server.messages.router import is_attachment_upload
from server.messages.router import router as messages_router
from server.professionals.router import dossier_router as pro_dossiers_router
from server.professionals.router import registry_router as professionals_registry_router
from server.professionals.router import router as professionals_router
from server.sync.fast_pull import FastPull
from server.sync.router import PUSH_PATH, UPLOAD_PREFIX
from server.sync.router import dossier_router as synced_content_router
from server.sync.router import router as sync_router

log = logging.getLogger("carnet.server")

API_VERSION = "1.0.0"


class HealthOut(BaseModel):
    status: str = Field(examples=["ok"])


class UnmigratedDatabaseError(RuntimeError):
    """The database schema is not at the migrations' head: the service refuses to start."""

    def __init__(self) -> None:
        super().__init__(
            "La base de données n'est pas à jour : lancez « carnet-server migrate » avant de démarrer le service. "
            "(The database is not migrated: run 'carnet-server migrate' first.)"
        )


def problem_response(error: ProblemError) -> JSONResponse:
    return JSONResponse(
        error.to_problem().model_dump(mode="json"),
        status_code=error.status,
        headers=error.headers,
        media_type=PROBLEM_MEDIA_TYPE,
    )


_GENERIC = {
    400: ("bad_request", "Requête invalide.", "Bad request."),
    401: ("unauthorized", "Authentification requise.", "Authentication required."),
    403: ("forbidden", "Accès refusé.", "Forbidden."),
    404: ("not_found", "Ressource introuvable.", "Not found."),
    405: ("method_not_allowed", "Méthode non autorisée.", "Method not allowed."),
    413: ("body_too_large", "Requête trop volumineuse.", "Request body too large."),
    415: ("unsupported_media_type", "Type de contenu non pris en charge.", "Unsupported media type."),
    500: ("internal_error", "Erreur interne : réessayez plus tard.", "Internal error: try again later."),
}


def generic_problem(status: int) -> ProblemError:
    code, fr, en = _GENERIC.get(status, ("http_error", "Requête refusée.", "Request refused."))
    return ProblemError(status, code, fr, en)


def _validation_problem(exc: RequestValidationError) -> ProblemError:
    issues: list[Any] = []
    for err in exc.errors()[:20]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        kind = str(err.get("type", "invalid"))
        if kind == "json_invalid":
            return ProblemError(
                400,
                "malformed_json",
                "Le corps de la requête n'est pas un JSON valide.",
                "The body is not valid JSON.",
            )
        issues.append(
            DossierValidationError.single(loc, kind, "valeur absente ou invalide", "missing or invalid value").issues[0]
        )
    return ProblemError(
        422,
        "request_invalid",
        "Requête invalide : " + ", ".join(i.field for i in issues),
        "Invalid request: " + ", ".join(i.field for i in issues),
        issues=issues,
    )


class EdgeMiddleware:
    """Outermost layer: Server-Time on every response, body size limit, and a last-resort 500 without details."""

    def __init__(self, app: ASGIApp, *, max_body: int, max_chunk: int, max_push: int, now: Callable[[], Any]) -> None:
        self.app = app
        self.max_body = max_body
        self.max_push = max_push  # a sync push batch
        self.max_chunk = max_chunk  # a document chunk (PATCH /v1/sync/uploads/…) streams to disk: it may be larger
        self.now = now

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        overflow = False

        async def send_with_time(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                stamp = self.now().isoformat(timespec="milliseconds").replace("+00:00", "Z")
                headers.append((b"server-time", stamp.encode()))
                message = {**message, "headers": headers}
            await send(message)

        method, path = scope.get("method", ""), scope.get("path", "")
        chunk = (method == "PATCH" and path.startswith(UPLOAD_PREFIX)) or is_attachment_upload(method, path)
        if chunk:
            limit = self.max_chunk
        elif method == "POST" and path == PUSH_PATH:
            limit = self.max_push
        else:
            limit = self.max_body
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > limit
                except ValueError:
                    too_big = True
                if too_big:
                    await self._problem(send_with_time, generic_problem(413))
                    return

        seen = 0

        async def limited_receive() -> Message:
            # Past the limit the app sees a disconnect; whatever it answers is replaced by a 413.
            nonlocal seen, overflow
            if overflow:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    overflow = True
                    return {"type": "http.disconnect"}
            return message

        async def send_unless_overflow(message: Message) -> None:
            if overflow:
                if message["type"] == "http.response.start" and not started:
                    await self._problem(send_with_time, generic_problem(413))
                return
            await send_with_time(message)

        try:
            await self.app(scope, limited_receive, send_unless_overflow)
        except Exception as exc:
            # Never a stack trace to the client, and no request data in the log: only the error's type.
            log.error("unhandled %s on %s %s", type(exc).__name__, scope.get("method"), scope.get("path", "")[:100])
            if not started:
                await self._problem(send_with_time, generic_problem(413 if overflow else 500))

    @staticmethod
    async def _problem(send: Send, error: ProblemError) -> None:
        body = json.dumps(error.to_problem().model_dump(mode="json")).encode()
        await send(
            {
                "type": "http.response.start",
                "status": error.status,
                "headers": [
                    (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _problem_openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """Document problem+json as every operation's default response (and drop FastAPI's own 422 schema)."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = original()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        problem_schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in problem_schema.pop("$defs", {}).items():
            components[name] = sub
        components["Problem"] = problem_schema
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                responses = operation.setdefault("responses", {})
                responses.pop("422", None)
                responses["default"] = {
                    "description": "Problem details (RFC 9457)",
                    "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
                }
        components.pop("HTTPValidationError", None)
        components.pop("ValidationError", None)
        app.openapi_schema = schema
        return schema

    return openapi


_startup_frozen = False


def _freeze_startup_objects() -> None:
    """Once per process: what exists at the first start (modules, routes, models) lives as long as the process, so
    keep it out of the cyclic collector's full passes, which otherwise stall every request in flight (p99)."""
    global _startup_frozen
    if not _startup_frozen:
        _startup_frozen = True
        gc.collect()
        gc.freeze()


def create_app(
    settings: Settings,
    *,
    mailer: Mailer | None = None,
    context: ServiceContext | None = None,
    check_schema: bool = True,
) -> FastAPI:
    """Build the service. The lifespan refuses to start on a database that is not at the migrations' head."""
    ctx = context or ServiceContext.build(settings, mailer=mailer)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if check_schema and not is_at_head(ctx.engine):
            raise UnmigratedDatabaseError()
        with ctx.sessions() as session:
            check_key(session)  # the same audit key as the chain's (every node of a cluster: docs/SCALING.md)
        log.info("carnet-server ready (schema %s)", head_revision())
        # Signed checkpoints of the audit chain outside the database: at start, on a timer, at stop.
        checkpoint_now(ctx.sessions)
        timer = asyncio.create_task(checkpoint_every(ctx.sessions, settings.audit_checkpoint_interval_s))
        _freeze_startup_objects()
        yield
        timer.cancel()
        checkpoint_now(ctx.sessions)
        if context is None:
            ctx.close()

    app = FastAPI(
        title="Carnet — service central",
        version=API_VERSION,
        description="Central service of Carnet: accounts, spaces, professionals, care history, audit.",
        lifespan=lifespan,
        # The API's map and its docs pages only with --dev (S44): a production service does not advertise itself.
        openapi_url="/openapi.json" if settings.dev else None,
        docs_url="/docs" if settings.dev else None,
        redoc_url="/redoc" if settings.dev else None,
        # FastAPI's OpenTelemetry hooks off: nothing of a request (bodies, validation errors, exceptions: health data)
        # goes to a tracer or logger someone configured through the environment, and no request pays the check.
        telemetry={"tracing": False, "metrics": False, "logs": False, "operation_spans": False},
    )
    app.state.ctx = ctx

    @app.exception_handler(ProblemError)
    async def _problem(_r: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc)

    @app.exception_handler(DossierValidationError)
    async def _domain(_r: Request, exc: DossierValidationError) -> JSONResponse:
        return problem_response(from_validation(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_r: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(_validation_problem(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_r: Request, exc: StarletteHTTPException) -> JSONResponse:
        error = generic_problem(exc.status_code)
        error.headers.update(exc.headers or {})
        return problem_response(error)

    @app.exception_handler(MailDeliveryError)
    async def _mail(_r: Request, _exc: MailDeliveryError) -> JSONResponse:
        return problem_response(
            ProblemError(
                503,
                "mail_unavailable",
                "L'envoi du message a échoué : réessayez dans quelques minutes.",
                "The e-mail could not be sent: try again in a few minutes.",
                headers={"Retry-After": "60"},
            )
        )

    @app.get("/health", response_model=HealthOut, tags=["service"])
    def health() -> HealthOut:
        """Answers 200 when the service is ready; touches no database."""
        return HealthOut(status="ok")

    # Routes are matched in the order they are included: sync first, as its pull is what every device repeats all day
    # (its paths, under /v1/sync, overlap no other router's).
    app.include_router(sync_router)
    app.include_router(accounts_router)
    app.include_router(dossiers_router)
    app.include_router(feed_router)
    app.include_router(pro_care_history_router)
    app.include_router(professionals_router)
    app.include_router(professionals_registry_router)
    app.include_router(oidc_router)
    app.include_router(helpers_router)
    app.include_router(access_router)
    app.include_router(pro_dossiers_router)
    app.include_router(synced_content_router)
    app.include_router(messages_router)
    app.openapi = _problem_openapi(app)  # type: ignore[method-assign]
    app.add_middleware(FastPull, problem=problem_response)  # innermost: the common sync pull past FastAPI's routing
    app.add_middleware(UnicodeBodyGuard, problem=EdgeMiddleware._problem)  # inside the edge: bodies already bounded
    app.add_middleware(
        EdgeMiddleware,
        max_body=settings.max_body_bytes,
        max_chunk=settings.max_chunk_bytes,
        max_push=settings.max_push_bytes,
        now=settings.clock.now,
    )
    app.add_middleware(HygieneHeaders)  # outermost: on every answer, the edge's own problems included
    return app
