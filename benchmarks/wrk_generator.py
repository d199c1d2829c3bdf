"""The same phases as `server_load.py`'s generator, sent by wrk (the C load generator, Debian package `wrk`).

httpx costs 0.6-0.8 ms of CPU per request, and on a 2-core machine the generator shares the cores with the server
and PostgreSQL: part of what `server_load.py` prints is the generator's own cost. wrk sends the same prebuilt
requests (same method, path, headers and body, account after account) at a few microseconds of CPU each, so its
figures show what the service does with the cores, from a tool nobody here wrote. Closed loop as the other: `clients`
keep-alive connections, each sending its next request once the previous answer arrived. Latency is wrk's own
(from the request's first byte written to the answer's last byte read; connecting is not in it).

A push needs a new batch on the client's own stream at each request, in order: wrk's per-thread Lua cannot keep a
stream per connection, so pushes stay with the httpx generator.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

SUMMARY = "CARNET-WRK"


class Request(Protocol):
    """What `server_load.Shot` provides."""

    @property
    def method(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def body(self) -> bytes | None: ...
    def headers(self) -> dict[str, str]: ...


def available() -> bool:
    return shutil.which("wrk") is not None


def _lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal for this ASCII text


def script(requests: Sequence[Request]) -> str:
    """A wrk script cycling through `requests`; `done` prints the figures on one line the caller parses."""
    lines = ["local requests = {}", "init = function(args)"]
    for n, r in enumerate(requests, 1):
        headers = ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in r.headers().items())
        body = _lua_string(r.body.decode()) if r.body else "nil"
        lines.append(
            f"  requests[{n}] = wrk.format({_lua_string(r.method)}, {_lua_string(r.path)}, {{{headers}}}, {body})"
        )
    lines += [
        "end",
        "local i = 0",
        "request = function()",
        "  i = i % #requests + 1",
        "  return requests[i]",
        "end",
        "done = function(summary, latency, requests)",
        "  local e = summary.errors",
        f'  io.write(string.format("{SUMMARY} %d %d %.0f %.0f %d\\n", summary.requests, summary.duration, '
        "latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))",
        "end",
    ]
    return "\n".join(lines) + "\n"


def run(
    base: str, requests: Sequence[Request], seconds: float, clients: int, threads: int = 2
) -> tuple[float, float, float, int, int, float]:
    """req/s, p50 ms, p99 ms, errors (non-2xx/3xx and socket errors), requests, generator CPU seconds."""
    with tempfile.TemporaryDirectory(prefix="carnet-wrk-") as tmp:
        path = Path(tmp) / "requests.lua"
        path.write_text(script(requests))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        command = ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{seconds:.0f}s", "--timeout", "30s"]
        out = subprocess.run(
            [*command, "-s", str(path), base],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next(x for x in out.splitlines() if x.startswith(SUMMARY))
    count, duration_us, p50_us, p99_us, errors = (int(float(v)) for v in line.split()[1:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return count / (duration_us / 1e6), p50_us / 1000, p99_us / 1000, errors, count, cpu


def phase(
    base: str,
    requests: Sequence[Request],
    seconds: float,
    snapshot: Callable[[], Any],
    make_phase: Callable[..., Any],
) -> Any:
    """One measured phase with the CPU snapshots around it, as `server_load.hammer` returns it."""
    first = snapshot()
    rps, p50, p99, errors, count, cpu = run(base, requests, seconds, len(requests))
    last = snapshot()
    return make_phase(rps, p50, p99, errors, count, cpu, (first, last) if first and last else None, ())
