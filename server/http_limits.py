"""Limits on what a request may carry before any route sees it (issue 15, finding 7; S41 in docs/SECURITY.md).

- JSON text must be Unicode: an escaped lone surrogate (`"\\ud800"`) is valid JSON syntax but no text, and used to end
  in a 500 when the value reached the database. It is refused with a 422 problem (`invalid_unicode`).
- The request line and headers are capped in bytes and in number, while they are read: uvicorn's httptools parser
  has no limit of its own (1–8 MiB of headers were answered 200 and memory grew). Past the cap the connection gets a
  431 and is closed.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httptools
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from server.errors import ProblemError

MAX_HEADER_BYTES = 32 * 1024  # request line + header lines
MAX_HEADER_COUNT = 100

_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _has_lone_surrogate(value: Any) -> bool:
    """True when a string (key or value) anywhere in the parsed JSON is not encodable as UTF-8."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def invalid_unicode() -> ProblemError:
    return ProblemError(
        422,
        "invalid_unicode",
        "Le texte envoyé contient un caractère invalide (substitut UTF-16 isolé) : corrigez-le et réessayez.",
        "The text sent contains an invalid character (a lone UTF-16 surrogate): correct it and try again.",
    )


class UnicodeBodyGuard:
    """Reads a JSON body whole (the edge middleware has bounded it already), refuses it when it escapes a lone
    surrogate, and otherwise hands the same bytes to the app. Bodies without such an escape cost one regex scan."""

    def __init__(self, app: ASGIApp, *, problem: Any) -> None:
        self.app = app
        self.problem = problem  # (send, ProblemError) -> awaitable: the edge middleware's problem writer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        messages, body, _whole = await read_body(receive)
        if _SURROGATE_ESCAPE.search(body):
            try:
                parsed = json.loads(body)
            except (ValueError, RecursionError):
                parsed = None  # malformed JSON: the app answers that
            if _has_lone_surrogate(parsed):
                await self.problem(send, invalid_unicode())
                return
        await self.app(scope, replaying(messages, receive), send)


async def read_body(receive: Receive) -> tuple[list[Message], bytes, bool]:
    """Read a request's body whole: the messages as received (to hand over with `replaying`), the body's bytes, and
    whether it ended normally (False: another message, such as a disconnect, came first)."""
    chunks: list[bytes] = []
    messages: list[Message] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages, b"".join(chunks), False
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return messages, b"".join(chunks), True


def replaying(messages: list[Message], receive: Receive) -> Receive:
    """A receive that gives these messages again, then goes on with `receive`."""
    replay = iter(messages)

    async def replayed() -> Message:
        nxt = next(replay, None)
        return nxt if nxt is not None else await receive()

    return replayed


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            kind: bytes = value.split(b";", 1)[0].strip().lower()
            return kind == b"application/json" or kind.endswith(b"+json")
    return False


class _HeadersTooLarge(Exception):
    pass


class LimitedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a cap on the request head: MAX_HEADER_BYTES, counted exactly on the parsed
    head and, while a head is still incomplete, on the bytes read (memory stays bounded by the cap plus one read);
    MAX_HEADER_COUNT header lines. Past either: 431, connection closed."""

    max_header_bytes = MAX_HEADER_BYTES
    max_header_count = MAX_HEADER_COUNT

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        self._in_head = True
        self._head_ended = False
        self._head_bytes = 0
        self._parsed_bytes = 0
        self._header_count = 0

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._header_count = 0
        self._parsed_bytes = 0

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._header_count += 1
        self._count(len(name) + len(value) + 4)
        if self._header_count > self.max_header_count:
            raise _HeadersTooLarge
        super().on_header(name, value)

    def _count(self, size: int) -> None:
        """Exact size of the parsed head (a head that arrives in one read is caught here)."""
        self._parsed_bytes += size
        if self._parsed_bytes > self.max_header_bytes:
            raise _HeadersTooLarge

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._head_ended = True
        self._head_bytes = 0
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        # The read that ended this message held its body's last bytes (up to a whole read): they are no head's, so
        # that read is not counted either; the next head is counted from the next read on (issue 22: a document
        # chunk whose last 64 KiB came in one read was refused with a 431).
        self._in_head = True
        self._head_ended = True
        self._head_bytes = 0
        super().on_message_complete()

    def data_received(self, data: bytes) -> None:
        """uvicorn's own, plus the head's byte count: a read that ended a head is not counted (bounded by one read)."""
        self._unset_keepalive_if_required()
        self._head_ended = False
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as exc:
            if isinstance(exc.__context__, _HeadersTooLarge):
                self._refuse_head()
                return
            msg = "Invalid HTTP request received."
            self.logger.warning(msg)
            self.send_400_response(msg)
            return
        except httptools.HttpParserUpgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()
            return
        if self._in_head and not self._head_ended:
            self._head_bytes += len(data)
            if self._head_bytes > self.max_header_bytes:
                self._refuse_head()

    def _refuse_head(self) -> None:
        body = json.dumps(
            {
                "type": "https://carnet.localhost/problems/headers_too_large",
                "title": "headers too large",
                "status": 431,
                "detail": "En-têtes de la requête trop volumineux ou trop nombreux.",
                "detail_en": "Request headers too large or too many.",
                "code": "headers_too_large",
                "issues": [],
            }
        ).encode()
        head = (
            b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
            b"content-type: application/problem+json\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n"
        )
        self.transport.write(head + body)
        self.transport.close()
        self._in_head = False


def uvicorn_options(trusted_proxies: tuple[str, ...]) -> dict[str, Any]:
    """Every uvicorn server of `carnet-server serve` (one process, workers, uvicorn's own supervisor) takes these:
    the capped parser, and forwarding headers (X-Forwarded-For/-Proto) trusted only from the named proxies (S42)."""
    return {
        "http": LimitedHttpToolsProtocol,
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,  # in case the h11 parser is ever chosen
        "proxy_headers": bool(trusted_proxies),
        "forwarded_allow_ips": list(trusted_proxies) or None,
    }
