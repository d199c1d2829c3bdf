"""Headers every answer of the service carries (issue 15, finding 10; S44 in docs/SECURITY.md).

Health data and document bytes must not stay in a browser's, a proxy's or the OS's HTTP cache, and a blob must not be
sniffed into something executable: `Cache-Control: no-store` and `X-Content-Type-Options: nosniff` go on every
response (the few that carry no health data lose nothing by it), unless the route set its own Cache-Control.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

HYGIENE_HEADERS = ((b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff"))


class HygieneHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend((name, value) for name, value in HYGIENE_HEADERS if name not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
